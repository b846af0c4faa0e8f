/* karavan-lang.h: the three languages of Karavan's data and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KARAVAN_LANG_RU,
  KARAVAN_LANG_KK,
  KARAVAN_LANG_EN,
  KARAVAN_N_LANGS
} KaravanLang;

/* A language's text in one place of a dataset: one string per language,
 * any of them may be NULL. */
typedef struct {
  char *s[KARAVAN_N_LANGS];
} KaravanText;

gboolean     karavan_lang_from_string   (const char  *str,
                                         KaravanLang *out_lang);
const char  *karavan_lang_to_string     (KaravanLang  lang);
KaravanLang  karavan_lang_from_environment (void);
const KaravanLang *karavan_lang_fallbacks (KaravanLang lang);

const char  *karavan_text_get           (const KaravanText *text,
                                         KaravanLang        lang);
gboolean     karavan_text_is_empty      (const KaravanText *text);
gboolean     karavan_text_has           (const KaravanText *text,
                                         KaravanLang        lang);
void         karavan_text_clear         (KaravanText       *text);

G_END_DECLS
