/* karavan-describe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sentence is a whole template with positional placeholders, so a
 * translation can reorder it (Kazakh puts the year before the value).
 * Numbers go through karavan-format.c, so they are written as the
 * figure's language writes them. A claim is only made when the data
 * support it: bounds (">50 %") and partial periods never yield a
 * computed change, a "largest" needs to be largest whatever the bounds
 * hide, and gaps are named instead of being bridged by a trend.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "karavan-catalog.h"
#include "karavan-describe.h"
#include "karavan-format.h"

/* Items, series, events or rows named one by one before "and N more". */
#define MAX_LISTED 8
/* Periods of a percent-bar chart described one by one. */
#define MAX_PERIODS 6
/* A series this short is told value by value. */
#define MAX_VALUES 5

typedef struct {
  KaravanLang  lang;
  GString     *out;
  gboolean     computed_changes;
  gboolean     computed_shares;
} Ctx;

/* What a value may really be, given its relation: ">50" is (50, ∞). */
typedef struct {
  double lo, hi;
} Range;

/* ---------------------------------------------------------------------- */
/* Words and sentences                                                    */

static const char *
text_or (const KaravanText *text,
         KaravanLang        lang,
         const char        *fallback)
{
  const char *s = karavan_text_get (text, lang);

  return s != NULL && *s != '\0' ? s : fallback;
}

/* Whether @s already ends a sentence, looking past closing quotes and
 * brackets: «…».» and (… .) both do. */
static gboolean
ends_sentence (const char *s)
{
  const char *p = s + strlen (s);

  while (p > s)
    {
      const char *prev = g_utf8_find_prev_char (s, p);
      gunichar c = g_utf8_get_char (prev);

      if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        return TRUE;
      if (c == ')' || c == '"' || c == 0x00bb || c == 0x201d || c == 0x2019)
        {
          p = prev;
          continue;
        }
      return FALSE;
    }
  return FALSE;
}

/* Dataset texts (titles, notes) become sentences here: they get a full
 * stop when they have none. */
static void
add_sentence (Ctx        *ctx,
              const char *sentence)
{
  if (sentence == NULL || *sentence == '\0')
    return;
  if (ctx->out->len > 0)
    g_string_append_c (ctx->out, ' ');
  g_string_append (ctx->out, sentence);
  if (!ends_sentence (sentence))
    g_string_append_c (ctx->out, '.');
}

G_GNUC_PRINTF (2, 3)
static void
add_printf (Ctx        *ctx,
            const char *format,
            ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);
  add_sentence (ctx, sentence);
}

/* "in 2020" → "In 2020", for a phrase that starts a sentence. */
static char *
upcase_first (const char *s)
{
  gunichar c = g_utf8_get_char (s);
  char buf[8];
  int len;

  if (c == 0)
    return g_strdup (s);
  len = g_unichar_to_utf8 (g_unichar_totitle (c), buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (s));
}

/* "a, b and c". Takes the strings in @items. */
static char *
join_and (GPtrArray   *items,
          KaravanLang  lang)
{
  g_autoptr(GString) head = g_string_new (NULL);

  if (items->len == 0)
    return g_strdup ("");
  if (items->len == 1)
    return g_strdup (items->pdata[0]);

  for (guint i = 0; i + 1 < items->len; i++)
    {
      if (i > 0)
        g_string_append (head, KC_("describe: list", ", "));
      g_string_append (head, items->pdata[i]);
    }
  /* TRANSLATORS: the last two items of a list, "2020 and 2022" or
   * "2017–2019, 2021 and 2023" (%1$s holds all the items before). */
  return g_strdup_printf (KC_("describe: list", "%1$s and %2$s"), head->str, (char *) items->pdata[items->len - 1]);
}

/* Long items (labels with commas inside) are separated by semicolons. */
static char *
join_semicolons (GPtrArray *items)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, items->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "3 more", the last item of a shortened list joined with "and". */
static char *
more (guint       n,
      KaravanLang lang)
{
  /* TRANSLATORS: the last item of a shortened list: "2001, 2003 and 3 more" */
  return g_strdup_printf (karavan_catalog_npgettext (lang, "describe", "%d more", "%d more", n), (int) n);
}

/* "and 3 more", the last item of a shortened list joined with
 * semicolons. */
static char *
and_more (guint       n,
          KaravanLang lang)
{
  /* TRANSLATORS: the last item of a shortened list: "A; B; and 3 more" */
  return g_strdup_printf (karavan_catalog_npgettext (lang, "describe", "and %d more", "and %d more", n), (int) n);
}

/* ---------------------------------------------------------------------- */
/* Numbers                                                                */

/* Kazakh writes a case ending after a number as the number is read aloud:
 * 50 is "елу", so "50-ден"; "%" is "пайыз", so "50 %-дан". The ending
 * follows the last word read: the units, else the tens, else жүз, мың,
 * миллион or миллиард. After a decimal comma the fraction is read last. */
static const char *
kk_ablative_ending (const char *number)
{
  /* нөл бір екі үш төрт бес алты жеті сегіз тоғыз */
  static const char *units[] = { "-ден", "-ден", "-ден", "-тен", "-тен", "-тен", "-дан", "-ден", "-ден", "-дан" };
  /* он жиырма отыз қырық елу алпыс жетпіс сексен тоқсан */
  static const char *tens[] = { NULL, "-нан", "-дан", "-дан", "-тан", "-ден", "-тан", "-тен", "-нен", "-нан" };
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *comma;
  gsize n;

  if (g_str_has_suffix (number, "%"))
    return "-дан";

  comma = strrchr (number, ',');
  for (const char *p = comma ? comma + 1 : number; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  n = digits->len;
  if (n == 0)
    return "-ден";
  if (digits->str[n - 1] != '0')
    return units[digits->str[n - 1] - '0'];
  if (n >= 2 && digits->str[n - 2] != '0')
    return tens[digits->str[n - 2] - '0'];
  if (n >= 3 && digits->str[n - 3] != '0')
    return "-ден";  /* жүз */
  for (gsize group = 1; group * 3 < n; group++)
    {
      gboolean nonzero = FALSE;

      for (gsize i = n - MIN (n, group * 3 + 3); i < n - group * 3; i++)
        nonzero |= digits->str[i] != '0';
      if (nonzero)
        return group == 3 ? "-тан" : "-нан";  /* миллиард; мың, миллион, триллион */
    }
  return "-ден";  /* нөл */
}

static Range
point_range (const KaravanPoint *p)
{
  switch (p->relation)
    {
    case KARAVAN_RELATION_GT:
    case KARAVAN_RELATION_GE:
      return (Range) { p->y, INFINITY };
    case KARAVAN_RELATION_LT:
    case KARAVAN_RELATION_LE:
      return (Range) { -INFINITY, p->y };
    case KARAVAN_RELATION_EQ:
    case KARAVAN_RELATION_APPROX:
    default:
      return (Range) { p->y, p->y };
    }
}

static gboolean
is_present (const KaravanPoint *p)
{
  return p != NULL && !(p->flags & KARAVAN_POINT_MISSING) && isfinite (p->y);
}

/* A bound (">50 %") cannot be compared or computed with. */
static gboolean
is_exact (const KaravanPoint *p)
{
  return p->relation == KARAVAN_RELATION_EQ || p->relation == KARAVAN_RELATION_APPROX;
}

/* The number with its relation in words, without a unit: "about 421,000",
 * "more than 50%". Screen readers read "≈" and ">" badly, if at all. */
static char *
format_number (const KaravanSeries *s,
               const KaravanPoint  *p,
               KaravanLang          lang)
{
  g_autofree char *num = karavan_format_value (p->y, s->format, KARAVAN_RELATION_EQ, lang);
  g_autofree char *kk = lang == KARAVAN_LANG_KK ? g_strconcat (num, kk_ablative_ending (num), NULL) : NULL;

  switch (p->relation)
    {
    case KARAVAN_RELATION_APPROX:
      /* TRANSLATORS: an approximate value, "about 421,000" */
      return g_strdup_printf (KC_("describe", "about %s"), num);
    case KARAVAN_RELATION_GT:
      /* TRANSLATORS: a lower bound, "more than 50%". In Kazakh, %s comes
       * with its ablative ending already ("50 %-дан"): write "%s астам". */
      return g_strdup_printf (KC_("describe", "more than %s"), kk ? kk : num);
    case KARAVAN_RELATION_GE:
      /* TRANSLATORS: a lower bound, "at least 50%" */
      return g_strdup_printf (KC_("describe", "at least %s"), num);
    case KARAVAN_RELATION_LT:
      /* TRANSLATORS: an upper bound, "less than 5%". In Kazakh, %s comes
       * with its ablative ending already ("5 %-тен"): write "%s кем". */
      return g_strdup_printf (KC_("describe", "less than %s"), kk ? kk : num);
    case KARAVAN_RELATION_LE:
      /* TRANSLATORS: an upper bound, "at most 5%" */
      return g_strdup_printf (KC_("describe", "at most %s"), num);
    case KARAVAN_RELATION_EQ:
    default:
      return g_steal_pointer (&num);
    }
}

/* A percent unit that starts with "%" continues the number: "31%" and
 * "% on the previous year" make "31% on the previous year". */
static const char *
percent_unit_rest (const KaravanSeries *s,
                   KaravanLang          lang)
{
  const char *unit = karavan_text_get (&s->unit, lang);

  if (unit == NULL || unit[0] != '%')
    return NULL;
  unit++;
  while (*unit == ' ' || g_str_has_prefix (unit, KARAVAN_NBSP))
    unit += *unit == ' ' ? 1 : strlen (KARAVAN_NBSP);
  return *unit ? unit : NULL;
}

static gboolean
same_unit (const KaravanSeries *a,
           const KaravanSeries *b,
           KaravanLang          lang)
{
  return a != NULL && b != NULL && a->format == b->format &&
         g_strcmp0 (karavan_text_get (&a->unit, lang), karavan_text_get (&b->unit, lang)) == 0;
}

/* "124,234 vehicles", "more than 50% of respondents", "no data". */
static char *
format_value (const KaravanSeries *s,
              const KaravanPoint  *p,
              gboolean             with_unit,
              KaravanLang          lang)
{
  g_autofree char *num = NULL;
  const char *unit;

  if (!is_present (p))
    return g_strdup (KC_("describe", "no data"));

  num = format_number (s, p, lang);
  if (!with_unit)
    return g_steal_pointer (&num);

  if (s->format == KARAVAN_FORMAT_PERCENT)
    {
      const char *rest = percent_unit_rest (s, lang);

      return rest ? g_strdup_printf ("%s %s", num, rest) : g_steal_pointer (&num);
    }

  unit = karavan_text_get (&s->unit, lang);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&num);
  /* TRANSLATORS: a value and its unit, "124,234 vehicles" */
  return g_strdup_printf (KC_("describe: value and unit", "%1$s %2$s"), num, unit);
}

/* When a value was measured, as a phrase: "in 2020", «в 2020 году»,
 * «2020 жылы». */
static char *
format_when (const KaravanSeries *s,
             double               x,
             KaravanLang          lang)
{
  g_autofree char *xs = karavan_format_x (x, s->x_type, s, lang);

  switch (s->x_type)
    {
    case KARAVAN_X_YEAR:
      /* TRANSLATORS: when a value was measured; %s is a year: "in 2020",
       * «в %s году», «%s жылы» */
      return g_strdup_printf (KC_("describe: year", "in %s"), xs);
    case KARAVAN_X_MONTH:
      /* TRANSLATORS: when a value was measured; %s is a month and year
       * as in a date ("August 2024", «август 2024 г.»): "in August 2024",
       * «за %s», «%s айында» */
      return g_strdup_printf (KC_("describe: month", "in %s"), xs);
    case KARAVAN_X_DATE:
      /* TRANSLATORS: when a value was measured; %s is a full date
       * ("7 May 1998", «7 мая 1998 г.»): "on 7 May 1998", «%s», «%s күні» */
      return g_strdup_printf (KC_("describe: date", "on %s"), xs);
    case KARAVAN_X_NUMBER:
      /* TRANSLATORS: where a value was measured on a numeric x axis */
      return g_strdup_printf (KC_("describe: number", "at x = %s"), xs);
    case KARAVAN_X_CATEGORY:
    default:
      /* TRANSLATORS: which category a value belongs to, "for “Films”" */
      return g_strdup_printf (KC_("describe: category", "for “%s”"), xs);
    }
}

/* "estimate", "Jan–Sep only": what a reader must know about one value. */
static char *
format_flags (const KaravanSeries *s,
              const KaravanPoint  *p,
              gboolean             with_partial,
              KaravanLang          lang)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  const KaravanPointExtra *extra = karavan_series_get_extra (s, p);
  const char *period = extra != NULL ? karavan_text_get (&extra->period, lang) : NULL;

  if (with_partial && (p->flags & KARAVAN_POINT_PARTIAL))
    {
      if (period != NULL)
        /* TRANSLATORS: a value covers part of its period; %s is that part,
         * as the dataset words it: "Jan–Sep only" */
        g_ptr_array_add (notes, g_strdup_printf (KC_("describe", "%s only"), period));
      else
        g_ptr_array_add (notes, g_strdup (KC_("describe", "part of the period only")));
    }
  if (p->flags & KARAVAN_POINT_ESTIMATE)
    /* TRANSLATORS: a value is an estimate */
    g_ptr_array_add (notes, g_strdup (KC_("describe", "estimate")));

  if (notes->len == 0)
    return NULL;
  g_ptr_array_add (notes, NULL);
  return g_strjoinv (", ", (char **) notes->pdata);
}

/* "in 2025 (Jan–Sep only)" */
static char *
format_when_flagged (const KaravanSeries *s,
                     const KaravanPoint  *p,
                     KaravanLang          lang)
{
  g_autofree char *when = format_when (s, p->x, lang);
  g_autofree char *flags = format_flags (s, p, TRUE, lang);

  return flags ? g_strdup_printf ("%s (%s)", when, flags) : g_steal_pointer (&when);
}

/* "655,000 in 2024", the unit only when asked for. */
static char *
format_value_when (const KaravanSeries *s,
                   const KaravanPoint  *p,
                   gboolean             with_unit,
                   KaravanLang          lang)
{
  g_autofree char *v = format_value (s, p, with_unit, lang);
  g_autofree char *w = format_when_flagged (s, p, lang);

  /* TRANSLATORS: a value and when, "655,000 in 2024"; in Kazakh the time
   * comes first: «%2$s %1$s» */
  return g_strdup_printf (KC_("describe: value and period", "%1$s %2$s"), v, w);
}

/* "367,000 people in 2023; 655,000 in 2024", the points @from to @to
 * (not included) of @present. */
static char *
list_values (const KaravanSeries *s,
             GArray              *present,
             guint                from,
             guint                to,
             gboolean             with_unit,
             KaravanLang          lang)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = from; i < to; i++)
    g_ptr_array_add (parts, format_value_when (s, g_array_index (present, const KaravanPoint *, i),
                                               with_unit && i == from, lang));
  return join_semicolons (parts);
}

/* A share or a change in per cent: one decimal below 100. */
static char *
format_rounded_percent (double      value,
                        KaravanLang lang)
{
  double r = fabs (value) < 100 ? round (value * 10) / 10 : round (value);

  return karavan_format_percent (r, karavan_format_decimals_for (r) > 0 ? 1 : 0, lang);
}

/* ---------------------------------------------------------------------- */
/* A series along its x axis: lines, areas, bars over time                */

static GArray *
present_points (const KaravanSeries *s)
{
  GArray *present = g_array_new (FALSE, FALSE, sizeof (const KaravanPoint *));

  for (guint i = 0; i < s->points->len; i++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, i);

      if (is_present (p))
        g_array_append_val (present, p);
    }
  return present;
}

typedef struct {
  double from, to;
} Run;

static void
add_to_runs (GArray *runs,
             double  from,
             double  to)
{
  Run *last = runs->len ? &g_array_index (runs, Run, runs->len - 1) : NULL;

  if (last != NULL && from <= last->to + 1)
    last->to = MAX (last->to, to);
  else
    g_array_append_val (runs, ((Run) { from, to }));
}

/* The periods a series has no value for, inside its own span: points
 * marked missing and, for years and months, the ones left out. Returns
 * NULL when there are none; @out_count is how many periods are missing. */
static char *
describe_gaps (const KaravanSeries *s,
               KaravanLang          lang,
               double              *out_count)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  gboolean stepped = s->x_type == KARAVAN_X_YEAR || s->x_type == KARAVAN_X_MONTH;
  double count = 0;

  for (guint i = 0; i < s->points->len; i++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, i);

      if (stepped && i > 0)
        {
          double prev = g_array_index (s->points, KaravanPoint, i - 1).x;

          if (p->x - prev > 1.5)
            add_to_runs (runs, prev + 1, p->x - 1);
        }
      if (!is_present (p))
        add_to_runs (runs, p->x, p->x);
    }

  if (runs->len == 0)
    return NULL;

  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);

      count += stepped ? run->to - run->from + 1 : 1;
      if (i == MAX_LISTED && runs->len > MAX_LISTED + 1)
        {
          g_ptr_array_add (items, more (runs->len - MAX_LISTED, lang));
          break;
        }
      if (run->from == run->to)
        g_ptr_array_add (items, karavan_format_x (run->from, s->x_type, s, lang));
      else
        g_ptr_array_add (items, karavan_format_x_range (run->from, run->to, s->x_type, s, lang));
    }

  *out_count = count;
  return join_and (items, lang);
}

/* Returns whether the series has gaps. */
static gboolean
add_gaps_sentence (Ctx                 *ctx,
                   const KaravanSeries *s)
{
  KaravanLang lang = ctx->lang;
  double count = 0;
  g_autofree char *gaps = describe_gaps (s, lang, &count);

  if (gaps == NULL)
    return FALSE;
  if (s->x_type != KARAVAN_X_YEAR)
    /* TRANSLATORS: %s lists periods, "March 2024 and May 2024" */
    add_printf (ctx, KC_("describe: periods", "There are no data for %s."), gaps);
  else if (count == 1)
    /* TRANSLATORS: %s is one year, "2020": «Нет данных за %s год.» */
    add_printf (ctx, KC_("describe: one year", "There are no data for %s."), gaps);
  else
    /* TRANSLATORS: %s lists several years, "2021–2023" or "2020 and
     * 2022": «Нет данных за %s годы.» */
    add_printf (ctx, KC_("describe: several years", "There are no data for %s."), gaps);
  return TRUE;
}

/* "A 16.7-fold increase." or "Up 25.9%.": only between two values that
 * are neither bounds nor parts of a period. Returns whether it said one. */
static gboolean
add_change_sentence (Ctx                 *ctx,
                     const KaravanSeries *s,
                     const KaravanPoint  *a,
                     const KaravanPoint  *b)
{
  KaravanLang lang = ctx->lang;
  gboolean rough = a->relation == KARAVAN_RELATION_APPROX || b->relation == KARAVAN_RELATION_APPROX;

  if (!is_exact (a) || !is_exact (b) || ((a->flags | b->flags) & KARAVAN_POINT_PARTIAL) || a->y == b->y)
    return FALSE;

  if (s->format == KARAVAN_FORMAT_PERCENT)
    {
      double d = round (fabs (b->y - a->y) * 10) / 10;
      g_autofree char *points = karavan_format_number (d, karavan_format_decimals_for (d) > 0 ? 1 : 0, lang);

      if (rough)
        return FALSE;
      if (b->y > a->y)
        /* TRANSLATORS: a computed change between two percentages */
        add_printf (ctx, KC_("describe", "Up %s percentage points."), points);
      else
        add_printf (ctx, KC_("describe", "Down %s percentage points."), points);
      ctx->computed_changes = TRUE;
      return TRUE;
    }

  if (!(a->y > 0) || !(b->y > 0))
    return FALSE;

  if (b->y / a->y >= 2)
    {
      double ratio = b->y / a->y;
      double r = ratio < 100 ? round (ratio * 10) / 10 : round (ratio);
      g_autofree char *times = karavan_format_number (r, karavan_format_decimals_for (r) > 0 ? 1 : 0, lang);

      /* Whole multiples take plural forms: «в 5 раз», «в 2 раза». */
      if (r == floor (r) && r < G_MAXULONG)
        {
          if (rough)
            /* TRANSLATORS: a computed multiple between approximate values,
             * a whole number: "Roughly a 3-fold increase.": «Рост примерно в
             * %s раза.», «Рост примерно в %s раз.» */
            add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "Roughly a %s-fold increase.",
                                                       "Roughly a %s-fold increase.", (gulong) r), times);
          else
            /* TRANSLATORS: a computed multiple, a whole number: "A 3-fold
             * increase.": «Рост в %s раза.», «Рост в %s раз.» */
            add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "A %s-fold increase.",
                                                       "A %s-fold increase.", (gulong) r), times);
        }
      else if (rough)
        /* TRANSLATORS: a computed multiple between approximate values, with
         * a decimal: "Roughly a 13.3-fold increase.": «Рост примерно в %s раза.» */
        add_printf (ctx, KC_("describe: decimal", "Roughly a %s-fold increase."), times);
      else
        /* TRANSLATORS: a computed multiple with a decimal, "A 16.7-fold
         * increase.": «Рост в %s раза.» */
        add_printf (ctx, KC_("describe: decimal", "A %s-fold increase."), times);
    }
  else
    {
      g_autofree char *pct = format_rounded_percent (fabs (b->y / a->y - 1) * 100, lang);

      /* TRANSLATORS: a computed change in per cent, "Up 25.9%." In
       * Kazakh %s ends with "%", read пайыз: «%s-ға өсім.» */
      if (b->y > a->y)
        add_printf (ctx, rough ? KC_("describe", "Up roughly %s.") : KC_("describe", "Up %s."), pct);
      else
        add_printf (ctx, rough ? KC_("describe", "Down roughly %s.") : KC_("describe", "Down %s."), pct);
    }
  ctx->computed_changes = TRUE;
  return TRUE;
}

/* Describes one series along x. Returns whether a change between its
 * first and last values was stated (the growth labels need not repeat it). */
static gboolean
describe_series_over_x (Ctx                 *ctx,
                        const KaravanSeries *s)
{
  KaravanLang lang = ctx->lang;
  const char *title = text_or (&s->title, lang, s->id);
  g_autoptr(GArray) present = present_points (s);
  const KaravanPoint *a, *b;
  g_autofree char *va = NULL, *vb = NULL, *wa = NULL, *wb = NULL;
  Range ra, rb;
  gboolean partial = FALSE, gaps, changed = FALSE;
  enum { RISE, FALL, SAME, NEUTRAL } direction;

  if (present->len == 0)
    {
      /* TRANSLATORS: %s is a series' title */
      add_printf (ctx, KC_("describe", "%s: no data."), title);
      return FALSE;
    }

  a = g_array_index (present, const KaravanPoint *, 0);
  va = format_value (s, a, TRUE, lang);
  wa = format_when_flagged (s, a, lang);

  if (present->len == 1)
    {
      /* TRANSLATORS: a series with one value: "%1$s: %2$s %3$s." is
       * "Kazakh tourists in China: 311,000 people in 2023." */
      add_printf (ctx, KC_("describe", "%1$s: %2$s %3$s."), title, va, wa);
      add_gaps_sentence (ctx, s);
      return FALSE;
    }

  b = g_array_index (present, const KaravanPoint *, present->len - 1);
  vb = format_value (s, b, FALSE, lang);
  wb = format_when_flagged (s, b, lang);
  ra = point_range (a);
  rb = point_range (b);
  partial = ((a->flags | b->flags) & KARAVAN_POINT_PARTIAL) != 0;

  /* A part of a period says nothing about the direction of the whole,
   * and a bound only where it cannot reach the other value. */
  if (partial)
    direction = NEUTRAL;
  else if (ra.hi < rb.lo)
    direction = RISE;
  else if (ra.lo > rb.hi)
    direction = FALL;
  else if (is_exact (a) && is_exact (b) && a->y == b->y)
    direction = SAME;
  else
    direction = NEUTRAL;

  switch (direction)
    {
    case RISE:
      /* TRANSLATORS: %1$s is a series' title, %2$s and %4$s values, %3$s
       * and %5$s when ("in 2020"): "Vehicle exports rose from 7,439
       * vehicles in 2020 to 124,234 in 2024." The title's grammatical
       * gender is unknown: «%1$s: рост с %2$s %3$s до %4$s %5$s.» */
      add_printf (ctx, KC_("describe", "%1$s rose from %2$s %3$s to %4$s %5$s."), title, va, wa, vb, wb);
      changed = add_change_sentence (ctx, s, a, b);
      break;
    case FALL:
      /* TRANSLATORS: as "%1$s rose from…", for a fall */
      add_printf (ctx, KC_("describe", "%1$s fell from %2$s %3$s to %4$s %5$s."), title, va, wa, vb, wb);
      changed = add_change_sentence (ctx, s, a, b);
      break;
    case SAME:
      /* TRANSLATORS: the same value at both ends: "%1$s was %2$s both
       * %3$s and %4$s." */
      add_printf (ctx, KC_("describe", "%1$s was %2$s both %3$s and %4$s."), title, va, wa, wb);
      break;
    case NEUTRAL:
    default:
      if (present->len <= MAX_VALUES)
        {
          g_autofree char *list = list_values (s, present, 0, present->len, TRUE, lang);

          /* TRANSLATORS: a series and its values, when no direction can be
           * told (a bound, or part of a period): "Tourists from China:
           * 367,000 people in 2023; 655,000 in 2024." */
          add_printf (ctx, KC_("describe", "%1$s: %2$s."), title, list);
        }
      else
        /* TRANSLATORS: first and last values when their direction is
         * unknown (a bound, or part of a period) */
        add_printf (ctx, KC_("describe", "%1$s: %2$s %3$s; %4$s %5$s."), title, va, wa, vb, wb);
      break;
    }

  /* A short series is told value by value. */
  if (direction != NEUTRAL && present->len > 2 && present->len <= MAX_VALUES)
    {
      g_autofree char *list = list_values (s, present, 1, present->len - 1, FALSE, lang);

      /* TRANSLATORS: the values between the first and the last, after
       * "%1$s rose from…" */
      add_printf (ctx, KC_("describe", "In between: %s."), list);
    }

  gaps = add_gaps_sentence (ctx, s);

  if (present->len >= 3)
    {
      guint imax = 0, imin = 0;
      gboolean sure_max = TRUE, sure_min = TRUE, rising = TRUE, falling = TRUE;

      for (guint i = 1; i < present->len; i++)
        {
          const KaravanPoint *p = g_array_index (present, const KaravanPoint *, i);

          if (p->y > g_array_index (present, const KaravanPoint *, imax)->y)
            imax = i;
          if (p->y < g_array_index (present, const KaravanPoint *, imin)->y)
            imin = i;
        }
      for (guint i = 0; i < present->len; i++)
        {
          const KaravanPoint *p = g_array_index (present, const KaravanPoint *, i);
          Range r = point_range (p);

          /* The highest only if nothing else can be as high. */
          if (i != imax && r.hi >= point_range (g_array_index (present, const KaravanPoint *, imax)).lo)
            sure_max = FALSE;
          if (i != imin && r.lo <= point_range (g_array_index (present, const KaravanPoint *, imin)).hi)
            sure_min = FALSE;
          if (i > 0)
            {
              Range prev = point_range (g_array_index (present, const KaravanPoint *, i - 1));

              rising &= prev.hi < r.lo;
              falling &= prev.lo > r.hi;
            }
          partial |= (p->flags & KARAVAN_POINT_PARTIAL) != 0;
        }

      if (sure_max && imax != 0 && imax != present->len - 1)
        {
          const KaravanPoint *p = g_array_index (present, const KaravanPoint *, imax);
          g_autofree char *v = format_value (s, p, FALSE, lang);
          g_autofree char *w = format_when_flagged (s, p, lang);

          /* TRANSLATORS: %1$s is a value, %2$s when ("in 2022") */
          add_printf (ctx, KC_("describe", "The highest value was %1$s %2$s."), v, w);
        }
      if (sure_min && imin != 0 && imin != present->len - 1)
        {
          const KaravanPoint *p = g_array_index (present, const KaravanPoint *, imin);
          g_autofree char *v = format_value (s, p, FALSE, lang);
          g_autofree char *w = format_when_flagged (s, p, lang);

          /* TRANSLATORS: %1$s is a value, %2$s when ("in 2022") */
          add_printf (ctx, KC_("describe", "The lowest value was %1$s %2$s."), v, w);
        }
      /* With gaps or partial periods this would suggest a trend the data
       * do not show. */
      if (!gaps && !partial && rising)
        add_sentence (ctx, KC_("describe", "Each value is higher than the one before."));
      else if (!gaps && !partial && falling)
        add_sentence (ctx, KC_("describe", "Each value is lower than the one before."));
    }

  return changed;
}

/* ---------------------------------------------------------------------- */
/* Items: bars of a category series or of several series at one x         */

typedef struct {
  char                *name;
  const KaravanSeries *series;
  const KaravanPoint  *point;   /* NULL when the series has no value at x */
} Item;

static void
item_clear (Item *item)
{
  g_free (item->name);
}

static GArray *
chart_items (const KaravanChart *chart,
             KaravanLang         lang)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, (GDestroyNotify) item_clear);

  if (chart->has_x)
    {
      for (guint i = 0; i < chart->series->len; i++)
        {
          const KaravanSeries *s = chart->series->pdata[i];
          Item item = { g_strdup (text_or (&s->title, lang, s->id)), s, karavan_series_find_point (s, chart->x) };

          g_array_append_val (items, item);
        }
    }
  else if (chart->series->len > 0)
    {
      const KaravanSeries *s = chart->series->pdata[0];

      for (guint j = 0; j < s->points->len; j++)
        {
          const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
          Item item = { karavan_format_x (p->x, s->x_type, s, lang), s, p };

          g_array_append_val (items, item);
        }
    }
  return items;
}

/* If every value covers the same part of its period, the part is said
 * once rather than after every item. Returns it, or NULL. */
static const char *
common_partial_period (GArray      *items,
                       KaravanLang  lang)
{
  const char *common = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      const KaravanPointExtra *extra;
      const char *period;

      if (!is_present (item->point))
        continue;
      if (!(item->point->flags & KARAVAN_POINT_PARTIAL))
        return NULL;
      extra = karavan_series_get_extra (item->series, item->point);
      period = extra != NULL ? karavan_text_get (&extra->period, lang) : NULL;
      if (period == NULL || (common != NULL && strcmp (common, period) != 0))
        return NULL;
      common = period;
    }
  return common;
}

/* "Hyundai — 7,612 vehicles; Kia — 4,077; …". @shares holds a share per
 * item (NAN for none), @with_notes adds each point's note (hbar). */
static char *
list_items (GArray       *items,
            const double *shares,
            gboolean      with_partial,
            gboolean      with_notes,
            KaravanLang   lang)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const KaravanSeries *prev = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *value = NULL;
      g_autofree char *text = NULL;

      if (i == MAX_LISTED && items->len > MAX_LISTED + 1)
        {
          g_ptr_array_add (parts, and_more (items->len - MAX_LISTED, lang));
          break;
        }

      /* The unit once, and again only where it changes. */
      value = format_value (item->series, item->point, !same_unit (prev, item->series, lang), lang);
      if (is_present (item->point))
        {
          const KaravanPointExtra *extra = karavan_series_get_extra (item->series, item->point);
          const char *note = extra != NULL && with_notes ? karavan_text_get (&extra->note, lang) : NULL;
          char *flags = format_flags (item->series, item->point, with_partial, lang);

          prev = item->series;
          if (shares != NULL && !isnan (shares[i]))
            {
              g_autofree char *share = format_rounded_percent (shares[i], lang);

              /* TRANSLATORS: a share of a whole, computed: "share 57.9%" */
              g_ptr_array_add (notes, g_strdup_printf (KC_("describe", "share %s"), share));
            }
          if (flags != NULL)
            g_ptr_array_add (notes, flags);
          if (note != NULL)
            g_ptr_array_add (notes, g_strdup (note));
        }

      /* TRANSLATORS: an item of a chart and its value, "Hyundai — 7,612
       * vehicles" */
      text = g_strdup_printf (KC_("describe", "%1$s — %2$s"), item->name, value);
      if (notes->len > 0)
        {
          g_autofree char *joined = NULL;

          g_ptr_array_add (notes, NULL);
          joined = g_strjoinv ("; ", (char **) notes->pdata);
          g_ptr_array_add (parts, g_strdup_printf ("%s (%s)", text, joined));
        }
      else
        g_ptr_array_add (parts, g_steal_pointer (&text));
    }

  return join_semicolons (parts);
}

/* "The largest is Hyundai (7,612)." when no bound can hide a larger one. */
static void
add_extreme_items (Ctx    *ctx,
                   GArray *items)
{
  KaravanLang lang = ctx->lang;
  int imax = -1, imin = -1;
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (!is_present (item->point))
        continue;
      n++;
      if (imax < 0 || item->point->y > g_array_index (items, Item, imax).point->y)
        imax = i;
      if (imin < 0 || item->point->y < g_array_index (items, Item, imin).point->y)
        imin = i;
    }
  if (n < 3)
    return;

  for (int which = 0; which < 2; which++)
    {
      int best = which == 0 ? imax : imin;
      const Item *b = &g_array_index (items, Item, best);
      Range rb = point_range (b->point);
      gboolean sure = TRUE;

      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = &g_array_index (items, Item, i);
          Range r;

          if ((int) i == best || !is_present (item->point))
            continue;
          r = point_range (item->point);
          /* A tie or a bound that may reach it: no claim. */
          if (which == 0 ? r.hi >= rb.lo : r.lo <= rb.hi)
            sure = FALSE;
        }
      if (sure)
        {
          g_autofree char *v = format_value (b->series, b->point, FALSE, lang);

          if (which == 0)
            /* TRANSLATORS: the largest item of a chart and its value */
            add_printf (ctx, KC_("describe", "The largest is %1$s (%2$s)."), b->name, v);
          else
            /* TRANSLATORS: the smallest item of a chart and its value */
            add_printf (ctx, KC_("describe", "The smallest is %1$s (%2$s)."), b->name, v);
        }
    }
}

static void
add_items_sentence (Ctx                *ctx,
                    const KaravanChart *chart,
                    GArray             *items,
                    const double       *shares,
                    gboolean            with_notes)
{
  KaravanLang lang = ctx->lang;
  const char *common = common_partial_period (items, lang);
  g_autofree char *list = list_items (items, shares, common == NULL, with_notes, lang);

  if (chart->has_x && chart->series->len > 0)
    {
      g_autofree char *when = format_when (chart->series->pdata[0], chart->x, lang);
      g_autofree char *When = upcase_first (when);

      /* TRANSLATORS: the values of one period: "In 2023: A — 45,984; B —
       * 149,000." */
      add_printf (ctx, KC_("describe", "%1$s: %2$s."), When, list);
    }
  else
    add_sentence (ctx, list);

  if (common != NULL)
    /* TRANSLATORS: every value covers part of its period, "Jan–Feb" */
    add_printf (ctx, KC_("describe", "All values cover %s only."), common);
}

/* Shares of a donut, as the donut draws them; FALSE (and the chart's own
 * message) when it draws none. */
static gboolean
donut_shares (GArray       *items,
              double       *shares,
              double       *out_rest,
              gboolean     *out_computed,
              const char  **out_message,
              KaravanLang   lang)
{
  gboolean percent = TRUE;
  double total = 0;

  *out_rest = NAN;
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (!is_present (item->point))
        {
          *out_message = KC_("figure", "Not every part of this whole is known, so its shares cannot be shown.");
          return FALSE;
        }
      if (item->point->y < 0)
        {
          *out_message = KC_("figure", "Negative values cannot be shown as shares of a whole.");
          return FALSE;
        }
      total += item->point->y;
      percent &= item->series->format == KARAVAN_FORMAT_PERCENT;
    }
  if (items->len == 0 || total <= 0)
    {
      *out_message = KC_("figure", "This chart has no data.");
      return FALSE;
    }
  if (percent && total > 100.5)
    {
      *out_message = KC_("figure", "These percentages add up to more than 100 % and are not shares of one whole.");
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    shares[i] = percent ? NAN : g_array_index (items, Item, i).point->y / total * 100;
  if (percent && total < 99.5)
    *out_rest = 100 - total;
  *out_computed = !percent;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Charts                                                                 */

static const char *
chart_kind (const KaravanChart *chart,
            KaravanLang         lang)
{
  /* TRANSLATORS: the first words of a chart's description; %s is its
   * title */
  switch (chart->type)
    {
    case KARAVAN_CHART_LINE: return KC_("describe", "Line chart: %s");
    case KARAVAN_CHART_BAR: return KC_("describe", "Bar chart: %s");
    case KARAVAN_CHART_GROUPED_BAR: return KC_("describe", "Grouped bar chart: %s");
    case KARAVAN_CHART_STACKED_BAR: return KC_("describe", "Stacked bar chart: %s");
    case KARAVAN_CHART_PERCENT_BAR: return KC_("describe", "100%% stacked bar chart: %s");
    case KARAVAN_CHART_AREA:
      return chart->series->len > 1 ? KC_("describe", "Stacked area chart: %s") : KC_("describe", "Area chart: %s");
    case KARAVAN_CHART_DONUT: return KC_("describe", "Donut chart: %s");
    case KARAVAN_CHART_HBAR: return KC_("describe", "Horizontal bar chart: %s");
    case KARAVAN_N_CHART_TYPES:
    default: return "%s";
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The sorted x values of all series, for charts that stack per x. */
static GArray *
union_of_x (const KaravanChart *chart)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0;

  for (guint i = 0; i < chart->series->len; i++)
    {
      const KaravanSeries *s = chart->series->pdata[i];

      for (guint j = 0; j < s->points->len; j++)
        g_array_append_val (xs, g_array_index (s->points, KaravanPoint, j).x);
    }
  g_array_sort (xs, compare_doubles);
  for (guint i = 0; i < xs->len; i++)
    if (n == 0 || g_array_index (xs, double, i) != g_array_index (xs, double, n - 1))
      g_array_index (xs, double, n++) = g_array_index (xs, double, i);
  g_array_set_size (xs, n);
  return xs;
}

/* Sums per x of a stacked chart, where every part is known exactly. */
static void
add_stacked_totals (Ctx                *ctx,
                    const KaravanChart *chart)
{
  KaravanLang lang = ctx->lang;
  g_autoptr(GArray) xs = union_of_x (chart);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const KaravanSeries *first = chart->series->pdata[0];

  for (guint i = 0; i < xs->len && parts->len < MAX_PERIODS; i++)
    {
      double x = g_array_index (xs, double, i), total = 0;
      gboolean known = TRUE, rough = FALSE;

      for (guint j = 0; j < chart->series->len && known; j++)
        {
          const KaravanPoint *p = karavan_series_find_point (chart->series->pdata[j], x);

          known = is_present (p) && is_exact (p) && !(p->flags & KARAVAN_POINT_PARTIAL);
          if (known)
            {
              total += p->y;
              rough |= p->relation == KARAVAN_RELATION_APPROX;
            }
        }
      if (known)
        {
          KaravanPoint sum = { .x = x, .y = total, .relation = rough ? KARAVAN_RELATION_APPROX : KARAVAN_RELATION_EQ };
          g_autofree char *v = format_value (first, &sum, parts->len == 0, lang);
          g_autofree char *w = format_when (first, x, lang);

          g_ptr_array_add (parts, g_strdup_printf (KC_("describe: value and period", "%1$s %2$s"), v, w));
        }
    }

  if (parts->len > 0)
    {
      g_autofree char *list = join_semicolons (parts);

      /* TRANSLATORS: the sums of the parts of stacked bars, per period */
      add_printf (ctx, KC_("describe", "Computed totals: %s."), list);
    }
}

/* Shares per x of a 100 % stacked chart. */
static void
add_percent_shares (Ctx                *ctx,
                    const KaravanChart *chart)
{
  KaravanLang lang = ctx->lang;
  g_autoptr(GArray) xs = union_of_x (chart);
  const KaravanSeries *first = chart->series->pdata[0];

  for (guint i = 0; i < xs->len; i++)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      double x = g_array_index (xs, double, i), total = 0;
      g_autofree char *when = NULL, *When = NULL, *list = NULL;

      /* Many periods: the first and the last tell the story. */
      if (xs->len > MAX_PERIODS && i > 0 && i < xs->len - 1)
        continue;

      for (guint j = 0; j < chart->series->len; j++)
        {
          const KaravanPoint *p = karavan_series_find_point (chart->series->pdata[j], x);

          if (is_present (p) && p->y > 0)
            total += p->y;
        }
      if (total <= 0)
        continue;

      for (guint j = 0; j < chart->series->len; j++)
        {
          const KaravanSeries *s = chart->series->pdata[j];
          const KaravanPoint *p = karavan_series_find_point (s, x);
          g_autofree char *share = is_present (p) && p->y >= 0 ? format_rounded_percent (p->y / total * 100, lang)
                                                               : g_strdup (KC_("describe", "no data"));

          g_ptr_array_add (parts, g_strdup_printf (KC_("describe", "%1$s — %2$s"), text_or (&s->title, lang, s->id), share));
        }

      when = format_when (first, x, lang);
      When = upcase_first (when);
      list = join_semicolons (parts);
      add_printf (ctx, KC_("describe", "%1$s: %2$s."), When, list);
      ctx->computed_shares = TRUE;
    }
}

static void
add_growths (Ctx                *ctx,
             const KaravanChart *chart,
             GHashTable         *stated)
{
  KaravanLang lang = ctx->lang;

  for (guint i = 0; i < chart->growths->len; i++)
    {
      const KaravanGrowth *growth = chart->growths->pdata[i];
      const KaravanSeries *s = growth->series;
      const KaravanPoint *a = karavan_series_find_point (s, growth->from);
      const KaravanPoint *b = karavan_series_find_point (s, growth->to);
      g_autofree char *from = NULL, *to = NULL;
      gboolean said;

      /* As the chart: growth is only drawn between positive values. */
      if (!is_present (a) || !is_present (b) || !(a->y > 0) || !(b->y > 0) ||
          s->x_type != KARAVAN_X_YEAR || growth->to <= growth->from)
        continue;

      from = karavan_format_x (growth->from, s->x_type, s, lang);
      to = karavan_format_x (growth->to, s->x_type, s, lang);

      /* Not again if the series' sentence stated the change between these
       * two values already. */
      said = FALSE;
      if (g_hash_table_contains (stated, s))
        {
          g_autoptr(GArray) present = present_points (s);

          said = g_array_index (present, const KaravanPoint *, 0) == a &&
                 g_array_index (present, const KaravanPoint *, present->len - 1) == b;
        }

      if ((growth->show & KARAVAN_GROWTH_MULTIPLE) && !said)
        {
          double ratio = b->y / a->y;
          g_autofree char *r = karavan_format_number (ratio, ratio < 10 ? 2 : 1, lang);

          /* TRANSLATORS: a computed multiple between two years, as the
           * chart's label: "Computed growth, 2020–2024: ×16.7." */
          add_printf (ctx, KC_("describe", "Computed growth, %1$s–%2$s: ×%3$s."), from, to, r);
          ctx->computed_changes = TRUE;
        }
      if (growth->show & KARAVAN_GROWTH_CAGR)
        {
          double cagr = (pow (b->y / a->y, 1.0 / (growth->to - growth->from)) - 1) * 100;
          g_autofree char *c = karavan_format_percent (cagr, fabs (cagr) < 10 ? 1 : 0, lang);

          /* TRANSLATORS: the compound annual growth rate between two years,
           * computed: "Computed average growth, 2020–2024: 102% a year." */
          add_printf (ctx, KC_("describe", "Computed average growth, %1$s–%2$s: %3$s a year."), from, to, c);
          ctx->computed_changes = TRUE;
        }
    }
}

/* "1992", "August 1992", or "2020–2021" for a range. */
static char *
format_event_date (const KaravanEvent *event,
                   KaravanLang         lang)
{
  if (!event->is_range)
    return karavan_format_date (&event->from, lang);
  return karavan_format_date_range (&event->from, &event->to, lang);
}

static void
add_markers_and_events (Ctx                *ctx,
                        const KaravanChart *chart)
{
  KaravanLang lang = ctx->lang;
  const KaravanSeries *first = chart->series->len ? chart->series->pdata[0] : NULL;

  if (chart->markers->len > 0 && first != NULL)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; i < chart->markers->len; i++)
        {
          const KaravanMarker *marker = chart->markers->pdata[i];
          g_autofree char *x = karavan_format_x (marker->x, chart->x_type, first, lang);
          const char *label = karavan_text_get (&marker->label, lang);

          g_ptr_array_add (parts, label ? g_strdup_printf ("%s (%s)", label, x) : g_steal_pointer (&x));
        }
      list = join_semicolons (parts);
      /* TRANSLATORS: vertical marker lines and their labels */
      add_printf (ctx, KC_("describe", "Marked on the chart: %s."), list);
    }

  if (chart->events != NULL && chart->events->len > 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; i < chart->events->len; i++)
        {
          const KaravanEvent *event = chart->events->pdata[i];
          g_autofree char *date = format_event_date (event, lang);
          const char *title = text_or (&event->short_title, lang, text_or (&event->title, lang, event->id));

          if (i == MAX_LISTED && chart->events->len > MAX_LISTED + 1)
            {
              g_ptr_array_add (parts, and_more (chart->events->len - MAX_LISTED, lang));
              break;
            }
          g_ptr_array_add (parts, g_strdup_printf ("%s (%s)", title, date));
        }
      list = join_semicolons (parts);
      /* TRANSLATORS: timeline events drawn as markers on a chart */
      add_printf (ctx, KC_("describe", "Events marked on the chart: %s."), list);
    }
}

static void
describe_chart (Ctx               *ctx,
                const KaravanView *view)
{
  KaravanLang lang = ctx->lang;
  const KaravanChart *chart = view->chart;
  g_autoptr(GHashTable) stated = g_hash_table_new (NULL, NULL);
  guint n_series = chart->series->len;

  add_printf (ctx, chart_kind (chart, lang), text_or (&view->title, lang, view->id));
  add_sentence (ctx, karavan_text_get (&view->subtitle, lang));
  if (chart->log_scale)
    add_sentence (ctx, KC_("describe", "The value axis is logarithmic."));

  if (n_series == 0)
    {
      add_sentence (ctx, KC_("figure", "This chart has no data."));
      return;
    }

  switch (chart->type)
    {
    case KARAVAN_CHART_BAR:
    case KARAVAN_CHART_HBAR:
    case KARAVAN_CHART_DONUT:
      if (chart->has_x || ((KaravanSeries *) chart->series->pdata[0])->x_type == KARAVAN_X_CATEGORY ||
          chart->type == KARAVAN_CHART_DONUT)
        {
          g_autoptr(GArray) items = chart_items (chart, lang);
          g_autofree double *shares = g_new (double, MAX (items->len, 1));

          for (guint i = 0; i < items->len; i++)
            shares[i] = NAN;

          if (chart->type == KARAVAN_CHART_DONUT)
            {
              const char *message = NULL;
              gboolean computed = FALSE;
              double rest;

              if (!donut_shares (items, shares, &rest, &computed, &message, lang))
                {
                  add_sentence (ctx, message);
                  break;
                }
              add_items_sentence (ctx, chart, items, shares, FALSE);
              if (!isnan (rest))
                {
                  g_autofree char *r = format_rounded_percent (rest, lang);

                  add_printf (ctx, KC_("describe", "%1$s — %2$s"), KC_("figure", "Not stated"), r);
                }
              ctx->computed_shares |= computed;
            }
          else
            {
              add_items_sentence (ctx, chart, items, NULL, chart->type == KARAVAN_CHART_HBAR);
              add_extreme_items (ctx, items);
            }
          break;
        }
      G_GNUC_FALLTHROUGH;

    case KARAVAN_CHART_LINE:
    case KARAVAN_CHART_AREA:
    case KARAVAN_CHART_GROUPED_BAR:
    case KARAVAN_CHART_STACKED_BAR:
      if (n_series > 1)
        /* TRANSLATORS: how many series (lines, groups of bars) a chart has */
        add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "The chart shows %d series.",
                                                    "The chart shows %d series.", n_series), (int) n_series);
      for (guint i = 0; i < MIN (n_series, MAX_LISTED); i++)
        {
          const KaravanSeries *s = chart->series->pdata[i];

          if (s->x_type == KARAVAN_X_CATEGORY)
            {
              /* Grouped bars over categories: the values of each series. */
              KaravanChart one = *chart;
              g_autoptr(GPtrArray) just = g_ptr_array_new ();
              g_autoptr(GArray) items = NULL;
              g_autofree char *list = NULL;

              g_ptr_array_add (just, (gpointer) s);
              one.series = just;
              one.has_x = FALSE;
              items = chart_items (&one, lang);
              list = list_items (items, NULL, TRUE, FALSE, lang);
              add_printf (ctx, KC_("describe", "%1$s: %2$s."), text_or (&s->title, lang, s->id), list);
            }
          else if (describe_series_over_x (ctx, s))
            g_hash_table_add (stated, (gpointer) s);
        }
      if (n_series > MAX_LISTED)
        {
          guint rest = n_series - MAX_LISTED;

          add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "%d more series is not described here.",
                                                      "%d more series are not described here.", rest), (int) rest);
        }
      if ((chart->type == KARAVAN_CHART_STACKED_BAR || chart->type == KARAVAN_CHART_AREA) && n_series > 1)
        {
          gboolean all_percent = TRUE;

          for (guint i = 0; i < n_series; i++)
            all_percent &= ((KaravanSeries *) chart->series->pdata[i])->format == KARAVAN_FORMAT_PERCENT;
          /* Percentages that stack to 100 need no total. */
          if (!all_percent)
            add_stacked_totals (ctx, chart);
        }
      break;

    case KARAVAN_CHART_PERCENT_BAR:
      add_percent_shares (ctx, chart);
      break;

    case KARAVAN_N_CHART_TYPES:
    default:
      break;
    }

  add_growths (ctx, chart, stated);
  add_markers_and_events (ctx, chart);

  if (ctx->computed_shares)
    add_sentence (ctx, KC_("figure", "Shares are computed by Karavan from the values shown."));
  if (ctx->computed_changes)
    add_sentence (ctx, KC_("figure", "Growth figures are computed by Karavan from the data shown."));
}

/* ---------------------------------------------------------------------- */
/* Timelines, tables, lessons                                             */

static void
describe_timeline (Ctx               *ctx,
                   const KaravanView *view)
{
  KaravanLang lang = ctx->lang;
  const KaravanTimeline *timeline = view->timeline;
  GPtrArray *events = timeline->events;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int best_year = 0, best_count = 0, run_year = 0, run_count = 0;
  guint corrected = 0;

  /* TRANSLATORS: the first words of a timeline's description; %s is its title */
  add_printf (ctx, KC_("describe", "Timeline: %s"), text_or (&view->title, lang, view->id));
  add_sentence (ctx, karavan_text_get (&view->subtitle, lang));

  if (events->len == 0)
    {
      add_sentence (ctx, KC_("describe", "It has no events."));
      return;
    }

  {
    const KaravanEvent *first = events->pdata[0];
    KaravanDate last = first->to;
    g_autofree char *from = NULL, *to = NULL;

    for (guint i = 0; i < events->len; i++)
      {
        const KaravanEvent *e = events->pdata[i];

        if (e->to.year > last.year || (e->to.year == last.year && (e->to.month > last.month ||
                                                                   (e->to.month == last.month && e->to.day > last.day))))
          last = e->to;
      }
    from = karavan_format_date (&first->from, lang);
    to = karavan_format_date (&last, lang);
    /* TRANSLATORS: the span of a timeline: "33 events from 1991 to
     * 2025"; %2$s and %3$s are dates as the figure writes them */
    add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "%1$d event from %2$s to %3$s.",
                                                "%1$d events from %2$s to %3$s.", events->len),
                (int) events->len, from, to);
  }

  for (guint c = 0; c < timeline->categories->len; c++)
    {
      const KaravanEventCategory *category = timeline->categories->pdata[c];
      guint n = 0;

      for (guint i = 0; i < events->len; i++)
        n += ((KaravanEvent *) events->pdata[i])->category == category;
      if (n > 0)
        /* TRANSLATORS: a category of a timeline and how many events it has,
         * "Diplomacy — 5" */
        g_ptr_array_add (parts, g_strdup_printf (KC_("describe", "%1$s — %2$u"),
                                                 text_or (&category->label, lang, category->id), n));
    }
  if (parts->len > 0)
    {
      g_autofree char *list = join_semicolons (parts);

      /* TRANSLATORS: the number of events in each category of a timeline */
      add_printf (ctx, KC_("describe", "Events by category: %s."), list);
    }

  /* Events are sorted by date: count them year by year. */
  for (guint i = 0; i <= events->len; i++)
    {
      const KaravanEvent *e = i < events->len ? events->pdata[i] : NULL;

      if (e != NULL && run_count > 0 && e->from.year == run_year)
        {
          run_count++;
          continue;
        }
      if (run_count > best_count)
        {
          best_count = run_count;
          best_year = run_year;
        }
      if (e != NULL)
        {
          run_year = e->from.year;
          run_count = 1;
          corrected += e->corrections != NULL && e->corrections->len > 0;
        }
    }
  if (best_count > 1)
    {
      KaravanDate year = { .year = best_year };
      g_autofree char *y = karavan_format_date (&year, lang);

      /* TRANSLATORS: the year with the most events: "The busiest year is
       * 2024, with 12 events." */
      add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "The busiest year is %1$s, with %2$d event.",
                                                  "The busiest year is %1$s, with %2$d events.", best_count),
                  y, best_count);
    }

  {
    const KaravanEvent *first = events->pdata[0];
    const KaravanEvent *last = events->pdata[events->len - 1];
    g_autofree char *d1 = format_event_date (first, lang);
    g_autofree char *d2 = format_event_date (last, lang);

    /* TRANSLATORS: the first and the last event of a timeline, with their
     * dates: "The first is “Independence” (1991); the last is “…” (2025)." */
    add_printf (ctx, KC_("describe", "The first is “%1$s” (%2$s); the last is “%3$s” (%4$s)."),
                text_or (&first->title, lang, first->id), d1, text_or (&last->title, lang, last->id), d2);
  }

  if (corrected > 0)
    /* TRANSLATORS: how many events carry a correction from another source */
    add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "%d event has a correction from another source.",
                                                "%d events have a correction from another source.", corrected),
                (int) corrected);
}

static void
describe_table (Ctx               *ctx,
                const KaravanView *view)
{
  KaravanLang lang = ctx->lang;
  const KaravanTable *table = view->table;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *n_rows = NULL, *n_columns = NULL, *column_list = NULL;
  int label_column = -1;
  guint empty = 0;

  /* TRANSLATORS: the first words of a table's description; %s is its title */
  add_printf (ctx, KC_("describe", "Table: %s"), text_or (&view->title, lang, view->id));
  add_sentence (ctx, karavan_text_get (&view->subtitle, lang));

  for (guint c = 0; c < table->columns->len; c++)
    {
      const KaravanColumn *column = table->columns->pdata[c];

      g_ptr_array_add (columns, g_strdup (text_or (&column->title, lang, column->id)));
      if (label_column < 0 && column->type == KARAVAN_COLUMN_TEXT)
        label_column = c;
    }

  /* TRANSLATORS: part of "5 rows and 4 columns: …" */
  n_rows = g_strdup_printf (karavan_catalog_npgettext (lang, "describe", "%u row", "%u rows", table->rows->len),
                            table->rows->len);
  /* TRANSLATORS: part of "5 rows and 4 columns: …" */
  n_columns = g_strdup_printf (karavan_catalog_npgettext (lang, "describe", "%u column", "%u columns",
                                                          table->columns->len), table->columns->len);
  column_list = join_semicolons (columns);
  /* TRANSLATORS: "5 rows and 4 columns: University; Students; Founded;
   * Note." */
  add_printf (ctx, KC_("describe", "%1$s and %2$s: %3$s."), n_rows, n_columns, column_list);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *cells = table->rows->pdata[r];

      for (guint c = 0; c < cells->len; c++)
        empty += g_array_index (cells, KaravanCell, c).kind == KARAVAN_CELL_EMPTY;

      if (label_column < 0 || (guint) label_column >= cells->len)
        continue;
      if (rows->len == MAX_LISTED && table->rows->len > MAX_LISTED + 1)
        {
          if (r == MAX_LISTED)
            g_ptr_array_add (rows, and_more (table->rows->len - MAX_LISTED, lang));
          continue;
        }
      if (rows->len > MAX_LISTED)
        continue;
      {
        const KaravanCell *cell = &g_array_index (cells, KaravanCell, label_column);
        const char *text = cell->kind == KARAVAN_CELL_TEXT ? karavan_text_get (&cell->text, lang) : NULL;

        g_ptr_array_add (rows, g_strdup (text ? text : "—"));
      }
    }
  if (rows->len > 0)
    {
      g_autofree char *list = join_semicolons (rows);

      /* TRANSLATORS: the labels of a table's rows (its first text column) */
      add_printf (ctx, KC_("describe", "Rows: %s."), list);
    }
  if (empty > 0)
    /* TRANSLATORS: empty cells of a table mean the value is not known */
    add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "%u cell is empty: no data.",
                                                "%u cells are empty: no data.", empty), empty);
}

static void
describe_lesson (Ctx               *ctx,
                 const KaravanView *view)
{
  KaravanLang lang = ctx->lang;
  const KaravanLesson *lesson = view->lesson;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  /* TRANSLATORS: the first words of a lesson's description; %s is its title */
  add_printf (ctx, KC_("describe", "Lesson: %s"), text_or (&view->title, lang, view->id));

  for (guint i = 0; i < lesson->steps->len; i++)
    {
      const KaravanStep *step = lesson->steps->pdata[i];
      const char *title = text_or (&step->title, lang, text_or (&step->view->title, lang, step->view->id));

      g_ptr_array_add (parts, g_strdup_printf ("%u. %s", i + 1, title));
    }
  list = join_semicolons (parts);
  /* TRANSLATORS: the steps of a lesson: "8 steps: 1. …; 2. …" */
  add_printf (ctx, karavan_catalog_npgettext (lang, "describe", "%1$u step: %2$s.", "%1$u steps: %2$s.",
                                              lesson->steps->len), lesson->steps->len, list);
}

/* ---------------------------------------------------------------------- */
/* Public                                                                 */

/**
 * karavan_describe_view:
 * @view: a chart, timeline, table or lesson
 * @lang: the figure's language
 *
 * Tells @view in words, from its data: what it shows, its range, extremes
 * and changes, gaps and partial periods, and which numbers Karavan
 * computed. The view's own `<note>` ends it. A `<description>` in the
 * dataset is not used here: callers prefer it when there is one.
 *
 * Returns: (transfer full): the text, one paragraph
 */
char *
karavan_describe_view (const KaravanView *view,
                       KaravanLang        lang)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Ctx ctx = { lang, out, FALSE, FALSE };
  const char *note;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (lang < KARAVAN_N_LANGS, NULL);

  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      describe_chart (&ctx, view);
      break;
    case KARAVAN_VIEW_TIMELINE:
      describe_timeline (&ctx, view);
      break;
    case KARAVAN_VIEW_TABLE:
      describe_table (&ctx, view);
      break;
    case KARAVAN_VIEW_LESSON:
      describe_lesson (&ctx, view);
      break;
    default:
      g_assert_not_reached ();
    }

  /* The note is drawn under the figure: the reader must get it too. */
  note = karavan_text_get (&view->note, lang);
  if (note != NULL && *note != '\0')
    /* TRANSLATORS: the figure's own note, quoted at the end of its description */
    add_printf (&ctx, KC_("describe", "Note: %s"), note);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * karavan_describe_point:
 * @series: the series @point belongs to
 * @point: one of its points
 * @lang: the figure's language
 *
 * Tells one point: "Vehicle exports, 2024: 124,234 vehicles." with its
 * relation, period, estimate and note. For the chart widget's keyboard
 * focus.
 *
 * Returns: (transfer full): the text
 */
char *
karavan_describe_point (const KaravanSeries *series,
                        const KaravanPoint  *point,
                        KaravanLang          lang)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Ctx ctx = { lang, out, FALSE, FALSE };
  const KaravanPointExtra *extra;
  g_autofree char *x = NULL, *value = NULL;
  const char *period, *note;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (point != NULL, NULL);
  g_return_val_if_fail (lang < KARAVAN_N_LANGS, NULL);

  extra = karavan_series_get_extra (series, point);
  period = extra != NULL ? karavan_text_get (&extra->period, lang) : NULL;
  note = extra != NULL ? karavan_text_get (&extra->note, lang) : NULL;
  x = karavan_format_x (point->x, series->x_type, series, lang);
  value = format_value (series, point, TRUE, lang);

  /* TRANSLATORS: one point of a chart: series title, x ("2024" or a
   * category) and value: "Vehicle exports, 2024: 124,234 vehicles." */
  add_printf (&ctx, KC_("describe", "%1$s, %2$s: %3$s."), text_or (&series->title, lang, series->id), x, value);

  if (is_present (point) && (point->flags & KARAVAN_POINT_PARTIAL))
    {
      if (period != NULL)
        /* TRANSLATORS: a value covers part of its period, "Jan–Sep" */
        add_printf (&ctx, KC_("describe", "It covers %s only."), period);
      else
        add_sentence (&ctx, KC_("describe", "It covers part of the period only."));
    }
  if (is_present (point) && (point->flags & KARAVAN_POINT_ESTIMATE))
    add_sentence (&ctx, KC_("describe", "It is an estimate."));
  if (note != NULL && *note != '\0')
    add_printf (&ctx, KC_("describe", "Note: %s"), note);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
