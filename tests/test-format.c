/* test-format.c: numbers and dates per language, without the locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "karavan-core.h"

#define NBSP "\u00a0"

static void
check_number (double      value,
              int         decimals,
              KaravanLang lang,
              const char *expected)
{
  g_autofree char *s = karavan_format_number (value, decimals, lang);

  g_assert_cmpstr (s, ==, expected);
}

static void
test_numbers (void)
{
  check_number (124234, 0, KARAVAN_LANG_EN, "124,234");
  check_number (124234, 0, KARAVAN_LANG_RU, "124" NBSP "234");
  check_number (124234, 0, KARAVAN_LANG_KK, "124" NBSP "234");
  check_number (7439, 0, KARAVAN_LANG_RU, "7" NBSP "439");
  check_number (999, 0, KARAVAN_LANG_EN, "999");
  check_number (1234567.891, 2, KARAVAN_LANG_EN, "1,234,567.89");
  check_number (1234567.891, 2, KARAVAN_LANG_KK, "1" NBSP "234" NBSP "567,89");
  check_number (-3.4, 1, KARAVAN_LANG_RU, "−3,4");
  check_number (-0.01, 1, KARAVAN_LANG_EN, "0.0");
  check_number (0, 0, KARAVAN_LANG_EN, "0");
}

static void
test_percent_and_values (void)
{
  g_autofree char *a = karavan_format_percent (3.4, 1, KARAVAN_LANG_EN);
  g_autofree char *b = karavan_format_percent (3.4, 1, KARAVAN_LANG_RU);
  g_autofree char *c = karavan_format_value (50, KARAVAN_FORMAT_PERCENT, KARAVAN_RELATION_GT, KARAVAN_LANG_KK);
  g_autofree char *d = karavan_format_value (200000, KARAVAN_FORMAT_NUMBER, KARAVAN_RELATION_APPROX, KARAVAN_LANG_EN);
  g_autofree char *e = karavan_format_value (14000, KARAVAN_FORMAT_NUMBER, KARAVAN_RELATION_GT, KARAVAN_LANG_RU);

  g_assert_cmpstr (a, ==, "3.4%");
  g_assert_cmpstr (b, ==, "3,4" NBSP "%");
  g_assert_cmpstr (c, ==, ">50" NBSP "%");
  g_assert_cmpstr (d, ==, "≈200,000");
  g_assert_cmpstr (e, ==, ">14" NBSP "000");
  g_assert_cmpint (karavan_format_decimals_for (3.25), ==, 2);
  g_assert_cmpint (karavan_format_decimals_for (7439), ==, 0);
}

/* A process locale with a decimal comma must not leak into figures. */
static void
test_locale_independent (void)
{
  g_autofree char *s = NULL;
  double v;

  setlocale (LC_NUMERIC, "C.UTF-8");
  s = karavan_format_number (3.5, 1, KARAVAN_LANG_EN);
  g_assert_cmpstr (s, ==, "3.5");
  g_assert_true (karavan_parse_number ("12.5", &v, NULL));
  g_assert_cmpfloat (v, ==, 12.5);
}

static void
test_parse_number (void)
{
  g_autofree char *message = NULL;
  double v;

  g_assert_true (karavan_parse_number ("1.2e6", &v, NULL));
  g_assert_cmpfloat (v, ==, 1.2e6);
  g_assert_true (karavan_parse_number ("-0.5", &v, NULL));
  g_assert_true (karavan_parse_number ("1e308", &v, NULL));
  g_assert_false (karavan_parse_number ("1e309", &v, NULL));
  g_assert_false (karavan_parse_number ("nan", &v, NULL));
  g_assert_false (karavan_parse_number ("inf", &v, NULL));
  g_assert_false (karavan_parse_number ("0x10", &v, NULL));
  g_assert_false (karavan_parse_number ("1 000", &v, NULL));
  g_assert_false (karavan_parse_number ("", &v, NULL));
  g_assert_false (karavan_parse_number ("12,5", &v, &message));
  g_assert_nonnull (strstr (message, "12.5"));
}

static void
test_dates (void)
{
  KaravanDate year = { 1992, 0, 0 };
  KaravanDate month = { 1992, 8, 0 };
  KaravanDate day = { 1998, 5, 7 };
  g_autofree char *a = karavan_format_date (&year, KARAVAN_LANG_EN);
  g_autofree char *b = karavan_format_date (&month, KARAVAN_LANG_EN);
  g_autofree char *c = karavan_format_date (&day, KARAVAN_LANG_EN);
  g_autofree char *x = karavan_format_x (2024 * 12 + 2, KARAVAN_X_MONTH, NULL, KARAVAN_LANG_EN);
  g_autofree char *raw = karavan_format_x_raw (2024 * 12 + 2, KARAVAN_X_MONTH, NULL);

  g_assert_cmpstr (a, ==, "1992");
  g_assert_cmpstr (b, ==, "August 1992");
  g_assert_cmpstr (c, ==, "7 May 1998");
  g_assert_cmpstr (x, ==, "March 2024");
  g_assert_cmpstr (raw, ==, "2024-03");
}

static void
check_range (KaravanDate  from,
             KaravanDate  to,
             KaravanLang  lang,
             const char  *expected)
{
  g_autofree char *s = karavan_format_date_range (&from, &to, lang);

  g_assert_cmpstr (s, ==, expected);
}

/* What two dates share is said once, as each language does; dates of
 * different years are written whole around a dash with a no-break space
 * before it. */
static void
test_date_ranges (void)
{
  const KaravanDate y1993 = { 1993, 0, 0 }, y1994 = { 1994, 0, 0 };
  const KaravanDate aug = { 1992, 8, 0 }, sep = { 1992, 9, 0 };
  const KaravanDate dec = { 1991, 12, 0 }, jan = { 1992, 1, 0 };
  const KaravanDate may7 = { 1998, 5, 7 }, may9 = { 1998, 5, 9 }, jun9 = { 1998, 6, 9 };
  const KaravanDate dec31 = { 1991, 12, 31 }, jan1 = { 1992, 1, 1 };
  const KaravanDate bce = { -206, 0, 0 }, ce = { 8, 0, 0 };

  /* Years. */
  check_range (y1993, y1994, KARAVAN_LANG_EN, "1993–1994");
  check_range (y1993, y1994, KARAVAN_LANG_RU, "1993–1994 гг.");
  check_range (y1993, y1994, KARAVAN_LANG_KK, "1993–1994 жж.");
  check_range (y1993, y1993, KARAVAN_LANG_RU, "1993 г.");

  /* Months of one year, and across years. */
  check_range (aug, sep, KARAVAN_LANG_EN, "August–September 1992");
  check_range (aug, sep, KARAVAN_LANG_RU, "август–сентябрь 1992 г.");
  check_range (aug, sep, KARAVAN_LANG_KK, "1992 ж. тамыз–қыркүйек");
  check_range (dec, jan, KARAVAN_LANG_EN, "December 1991" NBSP "– January 1992");
  check_range (dec, jan, KARAVAN_LANG_RU, "декабрь 1991 г." NBSP "– январь 1992 г.");
  check_range (dec, jan, KARAVAN_LANG_KK, "1991 ж. желтоқсан" NBSP "– 1992 ж. қаңтар");

  /* Days of one month, of one year, and across years. */
  check_range (may7, may9, KARAVAN_LANG_EN, "7–9 May 1998");
  check_range (may7, may9, KARAVAN_LANG_RU, "7–9 мая 1998 г.");
  check_range (may7, may9, KARAVAN_LANG_KK, "1998 ж. 7–9 мамыр");
  check_range (may7, jun9, KARAVAN_LANG_EN, "7 May" NBSP "– 9 June 1998");
  check_range (may7, jun9, KARAVAN_LANG_RU, "7 мая" NBSP "– 9 июня 1998 г.");
  check_range (may7, jun9, KARAVAN_LANG_KK, "1998 ж. 7 мамыр" NBSP "– 9 маусым");
  check_range (dec31, jan1, KARAVAN_LANG_EN, "31 December 1991" NBSP "– 1 January 1992");
  check_range (dec31, jan1, KARAVAN_LANG_RU, "31 декабря 1991 г." NBSP "– 1 января 1992 г.");
  check_range (dec31, jan1, KARAVAN_LANG_KK, "1991 ж. 31 желтоқсан" NBSP "– 1992 ж. 1 қаңтар");

  /* Different precisions, and eras, are written whole. */
  check_range (y1993, aug, KARAVAN_LANG_EN, "1993" NBSP "– August 1992");
  check_range (bce, ce, KARAVAN_LANG_EN, "206 BCE" NBSP "– 8");
  check_range (bce, ce, KARAVAN_LANG_RU, "206 г. до н. э." NBSP "– 8 г.");
  check_range (bce, ce, KARAVAN_LANG_KK, "б.з.д. 206 ж." NBSP "– 8 ж.");
}

/* x values as ranges: months and dates as dates, years as axes write them. */
static void
test_x_ranges (void)
{
  g_autofree char *months = karavan_format_x_range (1992 * 12 + 7, 1992 * 12 + 8, KARAVAN_X_MONTH, NULL,
                                                    KARAVAN_LANG_RU);
  g_autofree char *years = karavan_format_x_range (2017, 2019, KARAVAN_X_YEAR, NULL, KARAVAN_LANG_RU);
  g_autofree char *numbers = karavan_format_x_range (1.5, 2.5, KARAVAN_X_NUMBER, NULL, KARAVAN_LANG_KK);

  g_assert_cmpstr (months, ==, "август–сентябрь 1992 г.");
  g_assert_cmpstr (years, ==, "2017–2019");
  g_assert_cmpstr (numbers, ==, "1,5–2,5");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Karavan/Format/numbers", test_numbers);
  g_test_add_func ("/Karavan/Format/percent-and-values", test_percent_and_values);
  g_test_add_func ("/Karavan/Format/locale-independent", test_locale_independent);
  g_test_add_func ("/Karavan/Format/parse-number", test_parse_number);
  g_test_add_func ("/Karavan/Format/dates", test_dates);
  g_test_add_func ("/Karavan/Format/date-ranges", test_date_ranges);
  g_test_add_func ("/Karavan/Format/x-ranges", test_x_ranges);

  return g_test_run ();
}
