/* karavan-lang.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "karavan-lang.h"

static const char *lang_names[KARAVAN_N_LANGS] = { "ru", "kk", "en" };

/* The documented fallback order (data/dataset-format.md): Kazakh readers
 * nearly all read Russian, so kk falls back to ru before en. */
static const KaravanLang fallbacks[KARAVAN_N_LANGS][KARAVAN_N_LANGS] = {
  [KARAVAN_LANG_RU] = { KARAVAN_LANG_RU, KARAVAN_LANG_EN, KARAVAN_LANG_KK },
  [KARAVAN_LANG_KK] = { KARAVAN_LANG_KK, KARAVAN_LANG_RU, KARAVAN_LANG_EN },
  [KARAVAN_LANG_EN] = { KARAVAN_LANG_EN, KARAVAN_LANG_RU, KARAVAN_LANG_KK },
};

gboolean
karavan_lang_from_string (const char  *str,
                          KaravanLang *out_lang)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < KARAVAN_N_LANGS; i++)
    {
      gsize len = strlen (lang_names[i]);

      /* Accept locale names too: "kk_KZ.UTF-8", "ru-RU". */
      if (g_ascii_strncasecmp (str, lang_names[i], len) == 0 &&
          (str[len] == '\0' || str[len] == '_' || str[len] == '-' ||
           str[len] == '.' || str[len] == '@'))
        {
          *out_lang = (KaravanLang) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
karavan_lang_to_string (KaravanLang lang)
{
  g_return_val_if_fail (lang < KARAVAN_N_LANGS, "en");

  return lang_names[lang];
}

/* The interface language as gettext would choose it: the first of
 * g_get_language_names() that Karavan speaks, English otherwise. */
KaravanLang
karavan_lang_from_environment (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      KaravanLang lang;

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        break;
      if (karavan_lang_from_string (names[i], &lang))
        return lang;
    }

  return KARAVAN_LANG_EN;
}

const KaravanLang *
karavan_lang_fallbacks (KaravanLang lang)
{
  g_return_val_if_fail (lang < KARAVAN_N_LANGS, fallbacks[KARAVAN_LANG_EN]);

  return fallbacks[lang];
}

/**
 * karavan_text_get:
 *
 * Returns the text in @lang, or in the first language of the fallback
 * order that has one, or %NULL when the text is empty in every language.
 */
const char *
karavan_text_get (const KaravanText *text,
                  KaravanLang        lang)
{
  const KaravanLang *order;

  if (text == NULL)
    return NULL;

  order = karavan_lang_fallbacks (lang);
  for (guint i = 0; i < KARAVAN_N_LANGS; i++)
    if (text->s[order[i]] != NULL)
      return text->s[order[i]];

  return NULL;
}

gboolean
karavan_text_has (const KaravanText *text,
                  KaravanLang        lang)
{
  return text != NULL && lang < KARAVAN_N_LANGS && text->s[lang] != NULL;
}

gboolean
karavan_text_is_empty (const KaravanText *text)
{
  for (guint i = 0; i < KARAVAN_N_LANGS; i++)
    if (text->s[i] != NULL)
      return FALSE;
  return TRUE;
}

void
karavan_text_clear (KaravanText *text)
{
  for (guint i = 0; i < KARAVAN_N_LANGS; i++)
    g_clear_pointer (&text->s[i], g_free);
}
