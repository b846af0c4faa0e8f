/* test-lang.c: languages and the documented fallback order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "karavan-core.h"

static void
test_parse (void)
{
  KaravanLang lang;

  g_assert_true (karavan_lang_from_string ("kk", &lang));
  g_assert_cmpint (lang, ==, KARAVAN_LANG_KK);
  g_assert_true (karavan_lang_from_string ("ru_RU.UTF-8", &lang));
  g_assert_cmpint (lang, ==, KARAVAN_LANG_RU);
  g_assert_true (karavan_lang_from_string ("en-GB", &lang));
  g_assert_cmpint (lang, ==, KARAVAN_LANG_EN);
  g_assert_false (karavan_lang_from_string ("de", &lang));
  g_assert_false (karavan_lang_from_string ("kkk", &lang));
  g_assert_false (karavan_lang_from_string (NULL, &lang));
  g_assert_cmpstr (karavan_lang_to_string (KARAVAN_LANG_KK), ==, "kk");
}

/* data/dataset-format.md: kk → ru → en; ru → en → kk; en → ru → kk. */
static void
test_fallback (void)
{
  KaravanText t = { 0 };

  g_assert_null (karavan_text_get (&t, KARAVAN_LANG_EN));
  g_assert_true (karavan_text_is_empty (&t));

  t.s[KARAVAN_LANG_EN] = g_strdup ("en");
  t.s[KARAVAN_LANG_KK] = g_strdup ("kk");
  g_assert_cmpstr (karavan_text_get (&t, KARAVAN_LANG_RU), ==, "en");
  g_assert_cmpstr (karavan_text_get (&t, KARAVAN_LANG_KK), ==, "kk");

  t.s[KARAVAN_LANG_RU] = g_strdup ("ru");
  g_assert_cmpstr (karavan_text_get (&t, KARAVAN_LANG_EN), ==, "en");
  g_clear_pointer (&t.s[KARAVAN_LANG_KK], g_free);
  g_assert_cmpstr (karavan_text_get (&t, KARAVAN_LANG_KK), ==, "ru");
  g_clear_pointer (&t.s[KARAVAN_LANG_EN], g_free);
  g_assert_cmpstr (karavan_text_get (&t, KARAVAN_LANG_EN), ==, "ru");
  g_clear_pointer (&t.s[KARAVAN_LANG_RU], g_free);
  t.s[KARAVAN_LANG_KK] = g_strdup ("kk");
  g_assert_cmpstr (karavan_text_get (&t, KARAVAN_LANG_EN), ==, "kk");
  g_assert_cmpstr (karavan_text_get (&t, KARAVAN_LANG_RU), ==, "kk");

  karavan_text_clear (&t);
  g_assert_true (karavan_text_is_empty (&t));
}

static void
test_environment (void)
{
  /* g_get_language_names() is cached per LANGUAGE value. */
  g_setenv ("LANGUAGE", "kk", TRUE);
  g_assert_cmpint (karavan_lang_from_environment (), ==, KARAVAN_LANG_KK);
  g_setenv ("LANGUAGE", "de:ru", TRUE);
  g_assert_cmpint (karavan_lang_from_environment (), ==, KARAVAN_LANG_RU);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_cmpint (karavan_lang_from_environment (), ==, KARAVAN_LANG_EN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Karavan/Lang/parse", test_parse);
  g_test_add_func ("/Karavan/Lang/fallback", test_fallback);
  g_test_add_func ("/Karavan/Lang/environment", test_environment);

  return g_test_run ();
}
