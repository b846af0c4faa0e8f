/* karavan-chart-view.h: a view drawn by the core's figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "karavan-core.h"
#include "karavan-derived-view.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_CHART_VIEW (karavan_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (KaravanChartView, karavan_chart_view, KARAVAN, CHART_VIEW, GtkWidget)

GtkWidget         *karavan_chart_view_new               (void);
void               karavan_chart_view_set_view          (KaravanChartView   *self,
                                                         KaravanDataset     *dataset,
                                                         const KaravanView  *view);
const KaravanView *karavan_chart_view_get_view          (KaravanChartView   *self);
const KaravanView *karavan_chart_view_get_shown_view    (KaravanChartView   *self);
KaravanDataset    *karavan_chart_view_get_dataset       (KaravanChartView   *self);
void               karavan_chart_view_set_lang          (KaravanChartView   *self,
                                                         KaravanLang         lang);
KaravanLang        karavan_chart_view_get_lang          (KaravanChartView   *self);
void               karavan_chart_view_set_palette       (KaravanChartView   *self,
                                                         KaravanPaletteKind  palette);
KaravanPaletteKind karavan_chart_view_get_palette       (KaravanChartView   *self);
void               karavan_chart_view_set_hidden_series (KaravanChartView   *self,
                                                         guint64             hidden);
guint64            karavan_chart_view_get_hidden_series (KaravanChartView   *self);
void               karavan_chart_view_get_render_options (KaravanChartView  *self,
                                                         KaravanRenderOptions *options);
KaravanFigure     *karavan_chart_view_get_figure        (KaravanChartView   *self);
char              *karavan_chart_view_describe_point    (KaravanChartView   *self,
                                                         const KaravanHit   *hit);
char              *karavan_chart_view_query_point       (KaravanChartView   *self,
                                                         double              x,
                                                         double              y);
gboolean           karavan_chart_view_get_crosshair     (KaravanChartView   *self,
                                                         double             *x,
                                                         double             *y);
gboolean           karavan_chart_view_move_cursor       (KaravanChartView   *self,
                                                         int                 dx,
                                                         int                 dy);

G_END_DECLS
