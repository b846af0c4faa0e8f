/* karavan-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "karavan-catalog.h"
#include "karavan-format.h"

/* Enough decimals to show @value as written, up to three. */
int
karavan_format_decimals_for (double value)
{
  value = fabs (value);
  for (int d = 0; d < 3; d++)
    {
      double scaled = value * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-9 * MAX (1.0, scaled))
        return d;
    }
  return 3;
}

char *
karavan_format_number (double      value,
                       int         decimals,
                       KaravanLang lang)
{
  const char *group = lang == KARAVAN_LANG_EN ? "," : KARAVAN_NBSP;
  const char *point = lang == KARAVAN_LANG_EN ? "." : ",";
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 8];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *digits, *dot;
  gsize int_len;

  if (!isfinite (value))
    return g_strdup ("—");

  decimals = CLAMP (decimals, 0, 6);
  g_ascii_formatd (buf, sizeof buf, (const char *[]) { "%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f" }[decimals], value);

  /* "-0" is not a number anyone writes. */
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    memmove (buf, buf + 1, strlen (buf));

  digits = buf;
  if (*digits == '-')
    {
      /* A real minus sign, as typography wants. */
      g_string_append (out, "−");
      digits++;
    }

  dot = strchr (digits, '.');
  int_len = dot ? (gsize) (dot - digits) : strlen (digits);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
  if (dot != NULL)
    {
      g_string_append (out, point);
      g_string_append (out, dot + 1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
karavan_format_percent (double      value,
                        int         decimals,
                        KaravanLang lang)
{
  g_autofree char *number = karavan_format_number (value, decimals, lang);

  return g_strconcat (number, lang == KARAVAN_LANG_EN ? "%" : KARAVAN_NBSP "%", NULL);
}

char *
karavan_format_value (double              value,
                      KaravanValueFormat  format,
                      KaravanRelation     relation,
                      KaravanLang         lang)
{
  static const char *prefixes[] = { "", "≈", ">", "≥", "<", "≤" };
  int decimals = karavan_format_decimals_for (value);
  g_autofree char *body = NULL;

  /* Large values do not need their fractions on a figure. */
  if (fabs (value) >= 1000)
    decimals = 0;
  else if (fabs (value) >= 100)
    decimals = MIN (decimals, 1);

  if (format == KARAVAN_FORMAT_PERCENT)
    body = karavan_format_percent (value, decimals, lang);
  else
    body = karavan_format_number (value, decimals, lang);

  if (relation == KARAVAN_RELATION_EQ || relation > KARAVAN_RELATION_LE)
    return g_steal_pointer (&body);

  return g_strconcat (prefixes[relation], body, NULL);
}

const char *
karavan_format_month_name (int         month,
                           KaravanLang lang)
{
  /* Nominative, as standing alone or after a year in Kazakh. */
  switch (month)
    {
    case 1: return KC_("month", "January");
    case 2: return KC_("month", "February");
    case 3: return KC_("month", "March");
    case 4: return KC_("month", "April");
    case 5: return KC_("month", "May");
    case 6: return KC_("month", "June");
    case 7: return KC_("month", "July");
    case 8: return KC_("month", "August");
    case 9: return KC_("month", "September");
    case 10: return KC_("month", "October");
    case 11: return KC_("month", "November");
    case 12: return KC_("month", "December");
    default: return "";
    }
}

static const char *
month_genitive (int         month,
                KaravanLang lang)
{
  /* Russian writes "7 мая": the day needs the genitive. */
  switch (month)
    {
    case 1: return KC_("day and month", "January");
    case 2: return KC_("day and month", "February");
    case 3: return KC_("day and month", "March");
    case 4: return KC_("day and month", "April");
    case 5: return KC_("day and month", "May");
    case 6: return KC_("day and month", "June");
    case 7: return KC_("day and month", "July");
    case 8: return KC_("day and month", "August");
    case 9: return KC_("day and month", "September");
    case 10: return KC_("day and month", "October");
    case 11: return KC_("day and month", "November");
    case 12: return KC_("day and month", "December");
    default: return "";
    }
}

static const char *
month_short (int         month,
             KaravanLang lang)
{
  switch (month)
    {
    case 1: return KC_("short month", "Jan");
    case 2: return KC_("short month", "Feb");
    case 3: return KC_("short month", "Mar");
    case 4: return KC_("short month", "Apr");
    case 5: return KC_("short month", "May");
    case 6: return KC_("short month", "Jun");
    case 7: return KC_("short month", "Jul");
    case 8: return KC_("short month", "Aug");
    case 9: return KC_("short month", "Sep");
    case 10: return KC_("short month", "Oct");
    case 11: return KC_("short month", "Nov");
    case 12: return KC_("short month", "Dec");
    default: return "";
    }
}

static char *
format_year (int         year,
             KaravanLang lang)
{
  /* TRANSLATORS: a year before the common era, as in "206 BCE" */
  return year < 0 ? g_strdup_printf (KC_("date", "%d BCE"), -year) : g_strdup_printf ("%d", year);
}

/* A date at its stated precision: "August 1992", «август 1992 г.»,
 * «1992 ж. тамыз». */
char *
karavan_format_date (const KaravanDate *date,
                     KaravanLang        lang)
{
  g_autofree char *year = format_year (date->year, lang);
  const char *month_lc;

  /* A year before the era already says «г.» in its words. */
  if (date->month == 0 && date->year < 0)
    return g_steal_pointer (&year);

  if (date->month == 0)
    {
      /* TRANSLATORS: a year alone, as in a date: «%s г.», «%s ж.» */
      return g_strdup_printf (KC_("date", "%s"), year);
    }

  if (date->day == 0)
    {
      /* Russian month names are lower case inside a date. */
      g_autofree char *month = lang == KARAVAN_LANG_EN
        ? g_strdup (karavan_format_month_name (date->month, lang))
        : g_utf8_strdown (karavan_format_month_name (date->month, lang), -1);

      month_lc = month;
      /* TRANSLATORS: month and year: "%1$s %2$s" is "August 1992";
       * reorder as your language writes it, e.g. «%2$s ж. %1$s». */
      return g_strdup_printf (KC_("date", "%1$s %2$s"), month_lc, year);
    }

  {
    g_autofree char *month = lang == KARAVAN_LANG_EN
      ? g_strdup (month_genitive (date->month, lang))
      : g_utf8_strdown (month_genitive (date->month, lang), -1);

    /* TRANSLATORS: day, month and year: "%1$d %2$s %3$s" is "7 May 1998". */
    return g_strdup_printf (KC_("date", "%1$d %2$s %3$s"), date->day, month, year);
  }
}

/* Lower case inside a date, except in English. */
static char *
month_in_date (const char  *name,
               KaravanLang  lang)
{
  return lang == KARAVAN_LANG_EN ? g_strdup (name) : g_utf8_strdown (name, -1);
}

/**
 * karavan_format_date_range:
 *
 * Two dates of one precision as one range, with what they share said
 * once: "1993–1994", «1993–1994 гг.», «1993–1994 жж.»; «август–сентябрь
 * 1992 г.»; «7–9 мая 1998 г.». Dates of different years (or precisions)
 * are each written whole, around a dash that cannot start a line:
 * «декабрь 1991 г. – январь 1992 г.».
 */
char *
karavan_format_date_range (const KaravanDate *from,
                           const KaravanDate *to,
                           KaravanLang        lang)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gboolean same_precision;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (from->year == to->year && from->month == to->month && from->day == to->day)
    return karavan_format_date (from, lang);

  same_precision = (from->month == 0) == (to->month == 0) && (from->day == 0) == (to->day == 0);
  /* Eras differ in how they are written: BCE dates are written whole. */
  if (same_precision && from->year > 0 && to->year > 0)
    {
      g_autofree char *year = format_year (to->year, lang);

      if (from->month == 0)
        {
          g_autofree char *y1 = format_year (from->year, lang);

          /* TRANSLATORS: a range of years, "1993–1994": «%1$s–%2$s гг.» */
          return g_strdup_printf (KC_("date range", "%1$s–%2$s"), y1, year);
        }
      if (from->year == to->year && from->day == 0)
        {
          g_autofree char *m1 = month_in_date (karavan_format_month_name (from->month, lang), lang);
          g_autofree char *m2 = month_in_date (karavan_format_month_name (to->month, lang), lang);

          /* TRANSLATORS: months of one year, "August–September 1992";
           * %1$s and %2$s are months as in "%1$s %2$s" of context "date" */
          return g_strdup_printf (KC_("date range", "%1$s–%2$s %3$s"), m1, m2, year);
        }
      if (from->year == to->year && from->month == to->month)
        {
          g_autofree char *month = month_in_date (month_genitive (to->month, lang), lang);

          /* TRANSLATORS: days of one month, "7–9 May 1998" */
          return g_strdup_printf (KC_("date range", "%1$d–%2$d %3$s %4$s"), from->day, to->day, month, year);
        }
      if (from->year == to->year)
        {
          g_autofree char *m1 = month_in_date (month_genitive (from->month, lang), lang);
          g_autofree char *m2 = month_in_date (month_genitive (to->month, lang), lang);

          /* TRANSLATORS: days of one year, "7 May – 9 June 1998"; the
           * space before the dash is a no-break space */
          return g_strdup_printf (KC_("date range", "%1$d %2$s – %3$d %4$s %5$s"),
                                  from->day, m1, to->day, m2, year);
        }
    }

  a = karavan_format_date (from, lang);
  b = karavan_format_date (to, lang);
  return g_strconcat (a, KARAVAN_NBSP "– ", b, NULL);
}

static void
month_from_x (double  x,
              int    *year,
              int    *month)
{
  long m = lround (x);

  *year = (int) floor ((double) m / 12);
  *month = (int) (m - (long) *year * 12) + 1;
}

/* An x value as data, for CSV: "2020", "2024-03", "2024-07-03". */
char *
karavan_format_x_raw (double               x,
                      KaravanXType         type,
                      const KaravanSeries *series)
{
  switch (type)
    {
    case KARAVAN_X_YEAR:
      return g_strdup_printf ("%ld", lround (x));

    case KARAVAN_X_MONTH:
      {
        int year, month;

        month_from_x (x, &year, &month);
        return g_strdup_printf ("%04d-%02d", year, month);
      }

    case KARAVAN_X_DATE:
      {
        g_autoptr(GDate) date = NULL;
        char buf[32];

        if (x < 1 || x > G_MAXUINT32)
          return g_strdup ("");
        date = g_date_new_julian ((guint32) x);
        if (!g_date_valid (date))
          return g_strdup ("");
        g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
        return g_strdup (buf);
      }

    case KARAVAN_X_NUMBER:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, x));
      }

    case KARAVAN_X_CATEGORY:
      {
        guint index = (guint) x;

        if (series != NULL && index < series->categories->len)
          return g_strdup (((KaravanCategory *)series->categories->pdata[index])->id);
        return g_strdup ("");
      }

    default:
      g_assert_not_reached ();
    }
}

/* An x value as a reader sees it, in the figure's language. */
char *
karavan_format_x (double               x,
                  KaravanXType         type,
                  const KaravanSeries *series,
                  KaravanLang          lang)
{
  switch (type)
    {
    case KARAVAN_X_YEAR:
      return format_year ((int) lround (x), lang);

    case KARAVAN_X_MONTH:
      {
        KaravanDate date = { 0 };
        int year, month;

        month_from_x (x, &year, &month);
        date.year = year;
        date.month = month;
        return karavan_format_date (&date, lang);
      }

    case KARAVAN_X_DATE:
      {
        g_autoptr(GDate) gdate = NULL;
        KaravanDate date;

        if (x < 1 || x > G_MAXUINT32)
          return g_strdup ("");
        gdate = g_date_new_julian ((guint32) x);
        date.year = g_date_get_year (gdate);
        date.month = g_date_get_month (gdate);
        date.day = g_date_get_day (gdate);
        return karavan_format_date (&date, lang);
      }

    case KARAVAN_X_NUMBER:
      return karavan_format_number (x, karavan_format_decimals_for (x), lang);

    case KARAVAN_X_CATEGORY:
      {
        guint index = (guint) x;

        if (series != NULL && index < series->categories->len)
          {
            KaravanCategory *category = series->categories->pdata[index];
            const char *label = karavan_text_get (&category->label, lang);

            return g_strdup (label ? label : category->id);
          }
        return g_strdup ("");
      }

    default:
      g_assert_not_reached ();
    }
}

/* A date as a KaravanDate, for x values of dates and months. */
static gboolean
date_from_x (double        x,
             KaravanXType  type,
             KaravanDate  *date)
{
  *date = (KaravanDate) { 0 };
  if (type == KARAVAN_X_MONTH)
    {
      int year, month;

      month_from_x (x, &year, &month);
      date->year = year;
      date->month = month;
      return TRUE;
    }
  if (type == KARAVAN_X_DATE && x >= 1 && x <= G_MAXUINT32)
    {
      g_autoptr(GDate) gdate = g_date_new_julian ((guint32) x);

      date->year = g_date_get_year (gdate);
      date->month = g_date_get_month (gdate);
      date->day = g_date_get_day (gdate);
      return TRUE;
    }
  return FALSE;
}

/**
 * karavan_format_x_range:
 *
 * Two x values as a range: months and dates as karavan_format_date_range()
 * writes them, anything else (years as axes write them) joined by a dash.
 */
char *
karavan_format_x_range (double               from,
                        double               to,
                        KaravanXType         type,
                        const KaravanSeries *series,
                        KaravanLang          lang)
{
  KaravanDate a, b;
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  if (date_from_x (from, type, &a) && date_from_x (to, type, &b))
    return karavan_format_date_range (&a, &b, lang);

  sa = karavan_format_x (from, type, series, lang);
  sb = karavan_format_x (to, type, series, lang);
  if (strchr (sa, ' ') != NULL || strchr (sb, ' ') != NULL)
    return g_strconcat (sa, KARAVAN_NBSP "– ", sb, NULL);
  return g_strconcat (sa, "–", sb, NULL);
}

/* The same, short enough for an axis: "Mar 2024", «мар. 2024». */
char *
karavan_format_x_short (double               x,
                        KaravanXType         type,
                        const KaravanSeries *series,
                        KaravanLang          lang)
{
  if (type == KARAVAN_X_MONTH)
    {
      int year, month;

      month_from_x (x, &year, &month);
      return g_strdup_printf ("%s %d", month_short (month, lang), year);
    }

  if (type == KARAVAN_X_DATE && x >= 1 && x <= G_MAXUINT32)
    {
      g_autoptr(GDate) gdate = g_date_new_julian ((guint32) x);

      return g_strdup_printf ("%d %s %d", g_date_get_day (gdate),
                              month_short (g_date_get_month (gdate), lang),
                              g_date_get_year (gdate));
    }

  return karavan_format_x (x, type, series, lang);
}
