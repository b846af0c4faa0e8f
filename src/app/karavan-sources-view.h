/* karavan-sources-view.h: where a view's figures come from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "karavan-core.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_SOURCES_VIEW (karavan_sources_view_get_type ())

G_DECLARE_FINAL_TYPE (KaravanSourcesView, karavan_sources_view, KARAVAN, SOURCES_VIEW, GtkWidget)

GtkWidget  *karavan_sources_view_new      (void);
void        karavan_sources_view_set_view (KaravanSourcesView *self,
                                           const KaravanView  *view,
                                           KaravanLang         lang);
char       *karavan_sources_view_get_text (KaravanSourcesView *self);

G_END_DECLS
