/* test-describe.c: every view can be read without seeing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The English text is checked word for word on a fixture with one case
 * per rule; Russian and Kazakh on what the code decides whatever the
 * translator's wording: the numbers as the language writes them, plural
 * forms, Kazakh case endings, the view's own words, and that no English
 * template is left. Then every bundled view in three languages, the
 * command line and the exported files.
 */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "karavan-core.h"
#include "karavan-describe.h"

#define NBSP "\u00a0"

static char *localedir;
static KaravanDataset *fixture;
static GPtrArray *bundled;

static const KaravanView *
fixture_view (const char *id)
{
  KaravanView *view = karavan_dataset_find_view (fixture, id);

  g_assert_nonnull (view);
  return view;
}

static char *
describe (const char  *id,
          KaravanLang  lang)
{
  return karavan_describe_view (fixture_view (id), lang);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

/* ---------------------------------------------------------------------- */
/* English, word for word                                                 */

static void
test_en_lines (void)
{
  g_autofree char *text = describe ("line", KARAVAN_LANG_EN);

  g_assert_cmpstr (text, ==,
    "Line chart: Three series. Made-up numbers. The chart shows 3 series. "
    /* No gaps, each value higher: the trend may be told. */
    "Rising rose from 100 vehicles in 2010 to 520 in 2015. A 5.2-fold increase. "
    "Each value is higher than the one before. "
    /* A missing year and one left out are named, not bridged; the peak
     * is an estimate and says so. */
    "Peaked rose from 10 people in 2000 to 15 in 2007. Up 50%. There are no data for 2002 and 2005. "
    "The highest value was 80 in 2003 (estimate). "
    "Falling fell from 90 in 2001 to 27 in 2006. Down 70%. Each value is lower than the one before. "
    /* The growth labels: the multiple 2010–2015 was said already. */
    "Computed average growth, 2010–2015: 39% a year. Computed growth, 2011–2014: ×2.67. "
    "Marked on the chart: Law (2012). "
    "Growth figures are computed by Karavan from the data shown. "
    "Note: For testing only.");
}

static void
test_en_months (void)
{
  g_autofree char *text = describe ("months", KARAVAN_LANG_EN);

  /* A partial last month: no direction, the values one by one. */
  g_assert_cmpstr (text, ==,
    "Line chart: Months. Monthly: 5 in January 2024; 6.5 in February 2024; 9 in May 2024 (1–15 May only). "
    "There are no data for March–April 2024.");
}

static void
test_en_bounds (void)
{
  g_autofree char *text = describe ("bounds", KARAVAN_LANG_EN);

  g_assert_cmpstr (text, ==,
    "Line chart: Bounds. The value axis is logarithmic. The chart shows 5 series. "
    /* ">100,000" is surely above 90,000, but no change is computed. */
    "Bound then fall fell from more than 100,000 in 2020 to 90,000 in 2021. "
    /* ">100" may be above 150: no direction. */
    "Bound: more than 100 in 2020; 150 in 2021. "
    "Approximate rose from about 1,000 in 2020 to 2,500 in 2021. Roughly a 2.5-fold increase. "
    "Roughly whole rose from about 100 in 2020 to 500 in 2022. Roughly a 5-fold increase. "
    "There are no data for 2021. "
    /* Percentages change in points. */
    "Share rose from 3.4% of the market in 2021 to 39% in 2025. Up 35.6 percentage points. "
    "There are no data for 2022–2024. "
    "Growth figures are computed by Karavan from the data shown.");
  assert_lacks (text, ">");
  assert_lacks (text, "≈");
}

static void
test_en_items (void)
{
  g_autofree char *survey = describe ("survey", KARAVAN_LANG_EN);
  g_autofree char *unsure = describe ("survey-unsure", KARAVAN_LANG_EN);

  /* A lower bound above every other value is surely the largest. */
  g_assert_cmpstr (survey, ==,
    "Horizontal bar chart: Survey. Yes — more than 45% of respondents (Most); Rather yes — 30%; "
    "Rather no — 12%; No — 8%. The largest is Yes (more than 45%). The smallest is No (8%).");
  /* ">50%" may be the largest: no claim either way. */
  g_assert_cmpstr (unsure, ==, "Bar chart: Unsure survey. P — 84%; Q — more than 50%; R — 80%.");
}

static void
test_en_stacks_and_shares (void)
{
  g_autofree char *stacked = describe ("stacked", KARAVAN_LANG_EN);
  g_autofree char *shares = describe ("shares", KARAVAN_LANG_EN);
  g_autofree char *donut = describe ("donut", KARAVAN_LANG_EN);
  g_autofree char *percent = describe ("donut-percent", KARAVAN_LANG_EN);
  g_autofree char *over = describe ("donut-over", KARAVAN_LANG_EN);

  g_assert_cmpstr (stacked, ==,
    "Stacked bar chart: Parts. The chart shows 2 series. Part A fell from 60 tonnes in 2020 to 30 in 2021. "
    "Down 50%. Part B rose from 40 tonnes in 2020 to 90 in 2021. A 2.3-fold increase. "
    "Computed totals: 100 tonnes in 2020; 120 in 2021. Growth figures are computed by Karavan from the data shown.");
  g_assert_cmpstr (shares, ==,
    "100% stacked bar chart: Shares of the parts. In 2020: Part A — 60%; Part B — 40%. "
    "In 2021: Part A — 25%; Part B — 75%. Shares are computed by Karavan from the values shown.");
  g_assert_cmpstr (donut, ==,
    "Donut chart: Parts in 2020. In 2020: Part A — 60 tonnes (share 60%); Part B — 40 (share 40%). "
    "Shares are computed by Karavan from the values shown.");
  /* Stated percentages are the shares; what they leave is not stated. */
  g_assert_cmpstr (percent, ==, "Donut chart: Shares in 2020. In 2020: Local — 55%; Imported — 30%. Not stated — 15%.");
  /* As the chart: no shares of a whole that is not one. */
  g_assert_cmpstr (over, ==,
    "Donut chart: Not shares. These percentages add up to more than 100 % and are not shares of one whole.");
}

static void
test_en_timeline_table_lesson (void)
{
  g_autofree char *timeline = describe ("history", KARAVAN_LANG_EN);
  g_autofree char *table = describe ("facts", KARAVAN_LANG_EN);
  g_autofree char *lesson = describe ("class", KARAVAN_LANG_EN);

  g_assert_cmpstr (timeline, ==,
    "Timeline: History. 4 events from August 1992 to 2021. Events by category: Politics — 2; Culture — 2. "
    "The busiest year is 2019, with 2 events. The first is “Treaty” (August 1992); the last is “Talks” "
    "(2020–2021). 1 event has a correction from another source.");
  g_assert_cmpstr (table, ==,
    "Table: Facts. 3 rows and 3 columns: Name; Value; Comment. Rows: Alpha; Beta; Gamma. "
    "3 cells are empty: no data.");
  g_assert_cmpstr (lesson, ==, "Lesson: Class. 2 steps: 1. Start; 2. History.");
}

/* The article's headline, as the issue words it. */
static void
test_en_article (void)
{
  KaravanDataset *dataset = NULL;
  const KaravanView *view = karavan_find_view (bundled, "exports-growth", &dataset);
  g_autofree char *text = NULL;

  g_assert_nonnull (view);
  text = karavan_describe_view (view, KARAVAN_LANG_EN);
  assert_contains (text, "Line chart: Vehicle exports from China to Kazakhstan. ");
  assert_contains (text, "rose from 7,439 vehicles in 2020 to 124,234 in 2024. A 16.7-fold increase. "
                         "There are no data for 2021–2023.");
  /* (124,234 / 7,439)^(1/4) − 1 = 102 %, and it says it computed it. */
  assert_contains (text, "Computed average growth, 2020–2024: 102% a year.");
  assert_contains (text, "Growth figures are computed by Karavan from the data shown.");
}

static void
test_en_point (void)
{
  KaravanSeries *peaked = karavan_dataset_find_series (fixture, "peaked");
  KaravanSeries *monthly = karavan_dataset_find_series (fixture, "monthly");
  KaravanSeries *answers = karavan_dataset_find_series (fixture, "answers");
  g_autofree char *estimate = karavan_describe_point (peaked, karavan_series_find_point (peaked, 2003), KARAVAN_LANG_EN);
  g_autofree char *missing = karavan_describe_point (peaked, karavan_series_find_point (peaked, 2002), KARAVAN_LANG_EN);
  g_autofree char *partial = karavan_describe_point (monthly, &g_array_index (monthly->points, KaravanPoint, 2),
                                                     KARAVAN_LANG_EN);
  g_autofree char *bound = karavan_describe_point (answers, &g_array_index (answers->points, KaravanPoint, 0),
                                                   KARAVAN_LANG_EN);

  g_assert_cmpstr (estimate, ==, "Peaked, 2003: 80 people. It is an estimate.");
  g_assert_cmpstr (missing, ==, "Peaked, 2002: no data.");
  g_assert_cmpstr (partial, ==, "Monthly, May 2024: 9. It covers 1–15 May only.");
  g_assert_cmpstr (bound, ==, "Answers, Yes: more than 45% of respondents. Note: Most.");
}

/* ---------------------------------------------------------------------- */
/* Russian and Kazakh                                                     */

/* Words of the English templates that must not reach ru or kk text. */
static const char *english[] = {
  " rose from ", " fell from ", "There are no data", " chart: ", "Timeline: ", "Table: ", "Lesson: ",
  "-fold", "Up ", "Down ", "In between", "Note: ", "Computed", "The largest", "The smallest", " series",
  " events", " rows", " columns", " steps", "more than", "about ", " only", "estimate", "share ", "no data",
  "percentage points", "Each value", "The highest", "The lowest", "Marked on", " and ",
};

static void
assert_no_english (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    assert_lacks (text, english[i]);
}

static void
test_ru_fixture (void)
{
  g_autofree char *line = describe ("line", KARAVAN_LANG_RU);
  g_autofree char *bounds = describe ("bounds", KARAVAN_LANG_RU);
  g_autofree char *survey = describe ("survey", KARAVAN_LANG_RU);
  g_autofree char *timeline = describe ("history", KARAVAN_LANG_RU);
  g_autofree char *table = describe ("facts", KARAVAN_LANG_RU);
  g_autofree char *lesson = describe ("class", KARAVAN_LANG_RU);
  g_autofree char *months = describe ("months", KARAVAN_LANG_RU);

  assert_contains (line, "Три ряда");
  assert_contains (line, "Рост");
  assert_contains (line, "100 автомобилей");
  assert_contains (line, "5,2 раза");
  assert_contains (line, "2002 и 2005");
  assert_contains (line, "39" NBSP "%");
  assert_contains (line, "Закон (2012)");
  assert_contains (line, "3 ряда");
  assert_contains (bounds, "более 100" NBSP "000");
  assert_contains (bounds, "35,6");
  assert_contains (bounds, "2022–2024");
  /* Whole multiples take their plural: «в 5 раз», not «в 5 раза». */
  assert_contains (bounds, "5 раз.");
  assert_contains (survey, "более 45" NBSP "%");
  assert_contains (survey, "респондентов");
  assert_contains (timeline, "4 события");
  assert_contains (timeline, "август 1992");
  assert_contains (table, "3 строки");
  assert_contains (table, "3 столбца");
  assert_contains (lesson, "2 шага");
  /* What two months share is said once. */
  assert_contains (months, "март–апрель 2024 г.");
  assert_contains (months, "1–15 мая");

  assert_no_english (line);
  assert_no_english (bounds);
  assert_no_english (survey);
  assert_no_english (timeline);
  assert_no_english (table);
  assert_no_english (lesson);
  assert_no_english (months);
}

static void
test_kk_fixture (void)
{
  g_autofree char *line = describe ("line", KARAVAN_LANG_KK);
  g_autofree char *bounds = describe ("bounds", KARAVAN_LANG_KK);
  g_autofree char *survey = describe ("survey", KARAVAN_LANG_KK);
  g_autofree char *timeline = describe ("history", KARAVAN_LANG_KK);
  g_autofree char *table = describe ("facts", KARAVAN_LANG_KK);

  assert_contains (line, "Үш қатар");
  assert_contains (line, "5,2 есе");
  assert_contains (line, "2002 және 2005");
  assert_contains (line, "100 көлік");
  /* Kazakh puts the year first: «2010 жылы … 100». */
  g_assert_true (strstr (line, "2010 жылы") < strstr (line, "100 көлік"));
  assert_contains (line, "Заң (2012)");
  /* The ablative ending follows the number read aloud: жүз мың → -нан,
   * пайыз → -дан. */
  assert_contains (bounds, "100" NBSP "000-нан");
  assert_contains (survey, "45" NBSP "%-дан");
  assert_contains (timeline, "4 оқиға");
  assert_contains (table, "3 жол");
  assert_contains (table, "3 баған");

  assert_no_english (line);
  assert_no_english (bounds);
  assert_no_english (survey);
  assert_no_english (timeline);
  assert_no_english (table);
}

/* Kazakh case endings after numbers, from the public API: each value is a
 * lower bound, "more than N", which Kazakh writes "N-нан астам". */
static void
test_kk_ablative (void)
{
  static const struct {
    const char *y;
    const char *format;
    const char *expected;
  } cases[] = {
    { "1", "number", "1-ден" }, { "2", "number", "2-ден" }, { "3", "number", "3-тен" },
    { "4", "number", "4-тен" }, { "5", "number", "5-тен" }, { "6", "number", "6-дан" },
    { "7", "number", "7-ден" }, { "8", "number", "8-ден" }, { "9", "number", "9-дан" },
    { "10", "number", "10-нан" }, { "20", "number", "20-дан" }, { "30", "number", "30-дан" },
    { "40", "number", "40-тан" }, { "50", "number", "50-ден" }, { "60", "number", "60-тан" },
    { "70", "number", "70-тен" }, { "80", "number", "80-нен" }, { "90", "number", "90-нан" },
    { "100", "number", "100-ден" }, { "145", "number", "145-тен" }, { "1000", "number", "1" NBSP "000-нан" },
    { "2300", "number", "2" NBSP "300-ден" }, { "2000000", "number", "2" NBSP "000" NBSP "000-нан" },
    { "3000000000", "number", "3" NBSP "000" NBSP "000" NBSP "000-тан" }, { "3.4", "number", "3,4-тен" },
    { "12.5", "number", "12,5-тен" }, { "50", "percent", "50" NBSP "%-дан" }, { "0", "number", "0-ден" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"t\">"
        "<title xml:lang=\"en\">T</title><sources><source id=\"s\"><citation xml:lang=\"en\">S</citation></source></sources>"
        "<series id=\"v\" sources=\"s\" format=\"%s\"><title xml:lang=\"kk\">V</title><definition xml:lang=\"en\">D</definition>"
        "<points><point x=\"2020\" y=\"%s\" relation=\"gt\"/></points></series></dataset>",
        cases[i].format, cases[i].y);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_bytes (bytes, "ablative.xml", &error);
      KaravanSeries *series;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      series = karavan_dataset_find_series (dataset, "v");
      text = karavan_describe_point (series, &g_array_index (series->points, KaravanPoint, 0), KARAVAN_LANG_KK);
      /* Followed by a space and "астам" or whatever the translator wrote. */
      expected = g_strconcat (": ", cases[i].expected, " ", NULL);
      assert_contains (text, expected);
    }
}

static void
test_points_three_languages (void)
{
  KaravanSeries *rising = karavan_dataset_find_series (fixture, "rising");
  const KaravanPoint *p = karavan_series_find_point (rising, 2015);
  g_autofree char *ru = karavan_describe_point (rising, p, KARAVAN_LANG_RU);
  g_autofree char *kk = karavan_describe_point (rising, p, KARAVAN_LANG_KK);
  KaravanSeries *monthly = karavan_dataset_find_series (fixture, "monthly");
  g_autofree char *ru_partial = karavan_describe_point (monthly, &g_array_index (monthly->points, KaravanPoint, 2),
                                                        KARAVAN_LANG_RU);
  g_autofree char *kk_partial = karavan_describe_point (monthly, &g_array_index (monthly->points, KaravanPoint, 2),
                                                        KARAVAN_LANG_KK);

  g_assert_cmpstr (ru, ==, "Рост, 2015: 520 автомобилей.");
  g_assert_cmpstr (kk, ==, "Өсім, 2015: 520 көлік.");
  assert_contains (ru_partial, "1–15 мая");
  assert_contains (kk_partial, "1–15 мамыр");
  assert_no_english (ru_partial);
  assert_no_english (kk_partial);
}

/* ---------------------------------------------------------------------- */
/* Every bundled view, three languages                                    */

static gboolean
has_format_leftover (const char *text)
{
  static const char *specs[] = { "%s", "%d", "%u", "$s", "$d", "$u", "(null)" };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (strstr (text, specs[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "124,234" in ru or kk text is an English number. */
static gboolean
has_english_grouping (const char *text)
{
  for (const char *p = text; *p; p++)
    if (p > text && g_ascii_isdigit (p[-1]) && p[0] == ',' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
      return TRUE;
  return FALSE;
}

static void
test_bundled (void)
{
  guint n = 0;

  for (guint d = 0; d < bundled->len; d++)
    {
      GPtrArray *views = karavan_dataset_get_views (bundled->pdata[d]);

      for (guint i = 0; i < views->len; i++)
        for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
          {
            const KaravanView *view = views->pdata[i];
            g_autofree char *text = karavan_describe_view (view, lang);
            const char *title = karavan_text_get (&view->title, lang);
            g_autofree char *where = g_strdup_printf ("%s (%s)", view->id, karavan_lang_to_string (lang));

            g_test_message ("%s: %s", where, text);
            g_assert_true (g_utf8_validate (text, -1, NULL));
            g_assert_cmpuint (strlen (text), >, strlen (title) + 20);
            assert_contains (text, title);
            g_assert_true (g_str_has_suffix (text, ".") || g_str_has_suffix (text, ".»") ||
                           g_str_has_suffix (text, ".”") || g_str_has_suffix (text, ".)"));
            if (has_format_leftover (text))
              g_error ("%s: a format directive is left: %s", where, text);
            if (lang != KARAVAN_LANG_EN)
              {
                assert_no_english (text);
                if (has_english_grouping (text))
                  g_error ("%s: an English number: %s", where, text);
              }
            else
              assert_lacks (text, NBSP "000");
            n++;
          }
    }
  /* 31 views in four files when this was written; more is fine. */
  g_assert_cmpuint (n, >=, 3 * 31);
}

/* Numbers in the text are the data's: the headline's in each language. */
static void
test_bundled_numbers (void)
{
  static const struct {
    KaravanLang  lang;
    const char  *parts[4];
  } expected[] = {
    { KARAVAN_LANG_EN, { "7,439", "124,234", "16.7", "2021–2023" } },
    { KARAVAN_LANG_RU, { "7" NBSP "439", "124" NBSP "234", "16,7", "2021–2023" } },
    { KARAVAN_LANG_KK, { "7" NBSP "439", "124" NBSP "234", "16,7", "2021–2023" } },
  };
  const KaravanView *view = karavan_find_view (bundled, "exports-growth", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = karavan_describe_view (view, expected[i].lang);

      for (guint j = 0; j < G_N_ELEMENTS (expected[i].parts); j++)
        assert_contains (text, expected[i].parts[j]);
    }
}

/* ---------------------------------------------------------------------- */
/* The command line and exported files                                    */

static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "KARAVAN_LOCALEDIR", localedir, TRUE);
  g_ptr_array_add (argv, (char *) g_getenv ("KARAVAN_EXE"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

static void
test_cli (void)
{
  for (guint d = 0; d < bundled->len; d++)
    {
      KaravanDataset *dataset = bundled->pdata[d];
      GPtrArray *views = karavan_dataset_get_views (dataset);

      for (guint i = 0; i < views->len; i++)
        for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
          {
            const KaravanView *view = views->pdata[i];
            g_autofree char *chart = g_strdup_printf ("--chart=%s:%s", karavan_dataset_get_id (dataset), view->id);
            g_autofree char *lang_arg = g_strdup_printf ("--lang=%s", karavan_lang_to_string (lang));
            const char *args[] = { chart, "--describe", lang_arg, NULL };
            g_autofree char *out = NULL, *err = NULL, *expected = NULL;
            const char *own = karavan_text_get (&view->description, lang);

            g_assert_cmpint (run (args, &out, &err), ==, 0);
            g_assert_cmpstr (err, ==, "");
            /* The dataset's own text alternative, else the generated one. */
            expected = own ? g_strdup (own) : karavan_describe_view (view, lang);
            g_assert_true (g_str_has_suffix (out, "\n"));
            out[strlen (out) - 1] = '\0';
            g_assert_cmpstr (out, ==, expected);
          }
    }
}

static void
test_cli_errors (void)
{
  const char *no_chart[] = { "--describe", NULL };
  const char *with_csv[] = { "--chart=exports-growth", "--csv", "--describe", NULL };
  const char *unknown[] = { "--chart=no-such-view", "--describe", NULL };
  g_autofree char *err1 = NULL, *err2 = NULL, *err3 = NULL;

  g_assert_cmpint (run (no_chart, NULL, &err1), ==, 1);
  assert_contains (err1, "--chart");
  g_assert_cmpint (run (with_csv, NULL, &err2), ==, 1);
  assert_contains (err2, "--describe");
  g_assert_cmpint (run (unknown, NULL, &err3), ==, 1);
  assert_contains (err3, "no-such-view");
}

/* The PNG's iTXt chunk with @keyword, or NULL. */
static char *
png_itxt (GBytes     *png,
          const char *keyword)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (png, &len);

  for (gsize off = 8; off + 12 <= len;)
    {
      guint32 size = (guint32) data[off] << 24 | data[off + 1] << 16 | data[off + 2] << 8 | data[off + 3];
      const char *body = (const char *) data + off + 8;

      if (off + 12 + (gsize) size > len)
        break;
      if (memcmp (data + off + 4, "iTXt", 4) == 0 && size > strlen (keyword) + 5 &&
          strcmp (body, keyword) == 0)
        {
          /* keyword\0 flag method language\0 translated\0 text */
          const char *p = body + strlen (keyword) + 3;
          const char *end = body + size;

          p += strlen (p) + 1;
          p += strlen (p) + 1;
          return p <= end ? g_strndup (p, end - p) : NULL;
        }
      off += 12 + size;
    }
  return NULL;
}

static void
test_exports (void)
{
  const KaravanView *view = karavan_find_view (bundled, "exports-growth", NULL);
  const KaravanView *lesson_view = karavan_find_view (bundled, "story", NULL);

  g_assert_nonnull (view);
  g_assert_nonnull (lesson_view);
  /* The bundled charts have no <description>: the generated text is
   * their alt text. */
  g_assert_null (karavan_text_get (&view->description, KARAVAN_LANG_EN));

  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    {
      g_autofree char *expected = karavan_describe_view (view, lang);
      g_autofree char *escaped = g_markup_escape_text (expected, -1);
      KaravanExportOptions options;
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *alt = NULL;
      g_autofree char *svg_text = NULL;
      g_autofree char *desc = NULL;
      const char *start, *end;

      karavan_export_options_init (&options, KARAVAN_EXPORT_PNG, lang);
      png = karavan_export_to_bytes (view, &options, &error);
      g_assert_no_error (error);
      alt = png_itxt (png, "Description");
      g_assert_cmpstr (alt, ==, expected);

      karavan_export_options_init (&options, KARAVAN_EXPORT_SVG, lang);
      svg = karavan_export_to_bytes (view, &options, &error);
      g_assert_no_error (error);
      svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
      start = strstr (svg_text, "<desc>");
      end = start ? strstr (start, "</desc>") : NULL;
      g_assert_nonnull (end);
      desc = g_strndup (start + strlen ("<desc>"), end - start - strlen ("<desc>"));
      /* The alt text, then the sources on a line of their own. */
      g_assert_true (g_str_has_prefix (desc, escaped));
      g_assert_true (desc[strlen (escaped)] == '\n' || desc[strlen (escaped)] == '\0');
    }
}

/* PDF: the Subject is the alt text (read back with pdfinfo). */
static void
test_export_pdf (void)
{
  const KaravanView *view = karavan_find_view (bundled, "exports-growth", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *expected = karavan_describe_view (view, KARAVAN_LANG_EN);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "karavan-a11y-XXXXXX.pdf", NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *subject = NULL;
  KaravanExportOptions options;
  int fd;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  karavan_export_options_init (&options, KARAVAN_EXPORT_PDF, KARAVAN_LANG_EN);
  pdf = karavan_export_to_bytes (view, &options, &error);
  g_assert_no_error (error);
  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  close (fd);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, pdfinfo, "-enc", "UTF-8", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  /* pdfinfo prints the Subject on one line, as it is. */
  assert_contains (out, "Subject:");
  assert_contains (out, "rose from 7,439 vehicles in 2020 to 124,234 in 2024. A 16.7-fold increase.");
  subject = g_strdup (strstr (out, "Subject:") + strlen ("Subject:"));
  if (strchr (subject, '\n') != NULL)
    *strchr (subject, '\n') = '\0';
  g_assert_cmpstr (g_strstrip (subject), ==, expected);
}

/* ---------------------------------------------------------------------- */

/* The catalogs under test, laid out as a locale directory. */
static char *
make_localedir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("karavan-a11y-XXXXXX", &error);

  g_assert_no_error (error);
  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    {
      const char *code = karavan_lang_to_string (lang);
      g_autofree char *name = g_strdup_printf ("a11y-%s.mo", code);
      g_autofree char *from = g_build_filename (A11Y_BUILDDIR, name, NULL);
      g_autofree char *to_dir = g_build_filename (dir, code, "LC_MESSAGES", NULL);
      g_autofree char *to = g_build_filename (to_dir, "karavan.mo", NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (lang == KARAVAN_LANG_EN)
        continue;
      g_assert_true (g_file_get_contents (from, &contents, &len, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_mkdir_with_parents (to_dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (to, contents, len, &error));
    }
  return dir;
}

static void
remove_localedir (const char *dir)
{
  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    {
      g_autofree char *mo = g_build_filename (dir, karavan_lang_to_string (lang), "LC_MESSAGES", "karavan.mo", NULL);
      g_autofree char *lc = g_path_get_dirname (mo);
      g_autofree char *top = g_path_get_dirname (lc);

      g_unlink (mo);
      g_rmdir (lc);
      g_rmdir (top);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  localedir = make_localedir ();
  karavan_catalog_set_localedir (localedir);
  fixture = karavan_dataset_load_file (A11Y_SRCDIR "/describe-fixture.xml", &error);
  g_assert_no_error (error);
  paths = karavan_list_bundled_datasets (&error);
  g_assert_no_error (error);
  bundled = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < paths->len; i++)
    {
      g_ptr_array_add (bundled, karavan_dataset_load_file (paths->pdata[i], &error));
      g_assert_no_error (error);
    }

  g_test_add_func ("/a11y/describe/en/lines", test_en_lines);
  g_test_add_func ("/a11y/describe/en/months", test_en_months);
  g_test_add_func ("/a11y/describe/en/bounds", test_en_bounds);
  g_test_add_func ("/a11y/describe/en/items", test_en_items);
  g_test_add_func ("/a11y/describe/en/stacks-and-shares", test_en_stacks_and_shares);
  g_test_add_func ("/a11y/describe/en/timeline-table-lesson", test_en_timeline_table_lesson);
  g_test_add_func ("/a11y/describe/en/article", test_en_article);
  g_test_add_func ("/a11y/describe/en/point", test_en_point);
  g_test_add_func ("/a11y/describe/ru/fixture", test_ru_fixture);
  g_test_add_func ("/a11y/describe/kk/fixture", test_kk_fixture);
  g_test_add_func ("/a11y/describe/kk/ablative", test_kk_ablative);
  g_test_add_func ("/a11y/describe/points", test_points_three_languages);
  g_test_add_func ("/a11y/describe/bundled", test_bundled);
  g_test_add_func ("/a11y/describe/bundled/numbers", test_bundled_numbers);
  g_test_add_func ("/a11y/describe/cli", test_cli);
  g_test_add_func ("/a11y/describe/cli/errors", test_cli_errors);
  g_test_add_func ("/a11y/describe/export", test_exports);
  g_test_add_func ("/a11y/describe/export/pdf", test_export_pdf);

  status = g_test_run ();

  g_clear_object (&fixture);
  g_clear_pointer (&bundled, g_ptr_array_unref);
  remove_localedir (localedir);
  g_free (localedir);
  return status;
}
