/* karavan-catalog.h: the figure's own words, in the figure's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A figure has its own language, independent of the interface's. Its
 * words ("Source", month names, "computed") are looked up in Karavan's
 * gettext catalogs for that language directly, without touching the
 * process locale, so rendering in three languages at once is safe.
 */
#pragma once

#include "karavan-lang.h"

G_BEGIN_DECLS

/* Marks a figure word for xgettext (see po/meson.build: --keyword=KC_:1c,2). */
#define KC_(ctx, str) karavan_catalog_pgettext (lang, ctx, str)

const char *karavan_catalog_pgettext  (KaravanLang  lang,
                                       const char  *context,
                                       const char  *msgid);
const char *karavan_catalog_npgettext (KaravanLang  lang,
                                       const char  *context,
                                       const char  *msgid,
                                       const char  *msgid_plural,
                                       gulong       n);
void        karavan_catalog_set_localedir (const char *localedir);
const char *karavan_catalog_get_localedir (void);

G_END_DECLS
