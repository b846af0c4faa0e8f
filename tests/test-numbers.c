/* test-numbers.c: karavan_parse_number() gives exactly what strtod gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader parses most numbers on Clinger's fast path and the rest
 * with g_ascii_strtod(): every double must be the same, bit for bit,
 * whichever path a number takes.
 */
#include <math.h>
#include <string.h>

#include "karavan-core.h"

static void
assert_same_as_strtod (const char *text)
{
  double ours = 0, theirs;
  char *end = NULL;
  g_autofree char *message = NULL;

  theirs = g_ascii_strtod (text, &end);
  g_assert_cmpstr (end, ==, "");
  /* Past the largest double (“2e308”): refused, as it must be. */
  if (!isfinite (theirs))
    {
      g_assert_false (karavan_parse_number (text, &ours, &message));
      return;
    }
  if (!karavan_parse_number (text, &ours, &message))
    g_error ("“%s” was refused: %s", text, message);
  if (memcmp (&ours, &theirs, sizeof ours) != 0)
    g_error ("“%s”: %.17g (%a), strtod gives %.17g (%a)", text, ours, ours, theirs, theirs);
}

static void
test_edges (void)
{
  const char *cases[] = {
    "0", "-0", "+0", "0.0", "-0.0", ".5", "5.", "-.5", "00012", "0.000001", "1e0", "1E+2", "1e-2",
    "0.1", "0.2", "0.3", "1.1", "2.675", "123.456", "-98765.4321", "3.14159265358979",
    "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994",
    "18014398509481985", "900719925474099.7", "90071992547409.93",
    "1e22", "1e23", "-1e22", "1e-22", "1e-23", "4.35e-21", "123456789012345e7",
    "1234567890123456789", "12345678901234567890123", "0.30000000000000004",
    "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308",
    "0e999", "0e-999", "1.00000000000000000000000000001", "000000000000000000000000001",
    "0.0000000000000000000001", "0.00000000000000000000001", "17976931348623157e292",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_as_strtod (cases[i]);
}

/* A random number as people and programs write them: a sign or not,
 * up to 20 digits around an optional point, an optional exponent. */
static char *
random_number (void)
{
  GString *s = g_string_new (NULL);
  int n_int = g_test_rand_int_range (0, 12);
  int n_frac = g_test_rand_int_range (0, 12);

  if (g_test_rand_bit ())
    g_string_append_c (s, g_test_rand_bit () ? '-' : '+');
  if (n_int == 0 && n_frac == 0)
    n_int = 1;
  for (int i = 0; i < n_int; i++)
    g_string_append_c (s, '0' + g_test_rand_int_range (i == 0 && g_test_rand_bit () ? 1 : 0, 10));
  if (n_frac > 0 || g_test_rand_int_range (0, 8) == 0)
    {
      g_string_append_c (s, '.');
      for (int i = 0; i < n_frac; i++)
        g_string_append_c (s, '0' + g_test_rand_int_range (0, 10));
    }
  if (g_test_rand_int_range (0, 3) == 0)
    g_string_append_printf (s, "%c%s%d", g_test_rand_bit () ? 'e' : 'E',
                            g_test_rand_bit () ? "-" : (g_test_rand_bit () ? "+" : ""),
                            g_test_rand_int_range (0, 40));

  return g_string_free (s, FALSE);
}

static void
test_random (void)
{
  for (guint i = 0; i < 300000; i++)
    {
      g_autofree char *text = random_number ();

      assert_same_as_strtod (text);
    }
}

/* Doubles printed with %.Ng for every N, as writers of data files do. */
static void
test_printed_doubles (void)
{
  for (guint i = 0; i < 100000; i++)
    {
      double value;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      char format[8];
      guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        continue;
      /* Scaled into the range data lives in, as well as anywhere. */
      if (i % 2 == 0)
        value = ldexp (frexp (value, &(int) { 0 }), g_test_rand_int_range (-40, 60));
      g_snprintf (format, sizeof format, "%%.%dg", g_test_rand_int_range (1, 18));
      g_ascii_formatd (buf, sizeof buf, format, value);
      assert_same_as_strtod (buf);
    }
}

static void
test_refused (void)
{
  const char *bad[] = { "", "-", ".", "e5", "1e", "1e+", "1,5", "0x10", "nan", "inf", "1 2", "1e400" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *message = NULL;
      double value = 42;

      g_assert_false (karavan_parse_number (bad[i], &value, &message));
      g_assert_nonnull (message);
      g_assert_cmpfloat (value, ==, 42);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Karavan/Numbers/edges", test_edges);
  g_test_add_func ("/Karavan/Numbers/random", test_random);
  g_test_add_func ("/Karavan/Numbers/printed-doubles", test_printed_doubles);
  g_test_add_func ("/Karavan/Numbers/refused", test_refused);

  return g_test_run ();
}
