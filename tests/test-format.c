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

  return g_test_run ();
}
