/* karavan-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "karavan-application.h"
#include "karavan-chart-view.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_WINDOW (karavan_window_get_type ())

G_DECLARE_FINAL_TYPE (KaravanWindow, karavan_window, KARAVAN, WINDOW, AdwApplicationWindow)

KaravanWindow    *karavan_window_new            (KaravanApplication *application);
void              karavan_window_load_bundled   (KaravanWindow      *self);
void              karavan_window_open_file      (KaravanWindow      *self,
                                                 GFile              *file);
gboolean          karavan_window_select_view    (KaravanWindow      *self,
                                                 const char         *id);
KaravanChartView *karavan_window_get_chart_view (KaravanWindow      *self);
const char       *karavan_window_get_error      (KaravanWindow      *self);
guint             karavan_window_get_n_datasets (KaravanWindow      *self);

G_END_DECLS
