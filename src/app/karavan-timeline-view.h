/* karavan-timeline-view.h: a timeline to zoom, pan, filter and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline is drawn by the core's figure, the same code that exports
 * it; the widget keeps the visible window, the category filter, the
 * search and the selected event, and shows the selected event's details
 * (date, description, sources with links, corrections) in a side pane.
 *
 * Keys, when the timeline has the focus:
 *   + / −          zoom in / out (around the selected event when it is
 *                  in sight, else the middle); 0 shows everything
 *   Left / Right   the previous / next event when one is selected;
 *                  with none selected, pan (Shift+Left/Right always pans)
 *   Up / Down      the nearest event in the lane above / below
 *   Home / End     the first / last event
 *   Enter, Space   open the selected event's details
 *                  ("event-activated"); with none selected, select the
 *                  first event in sight
 *   Escape         close the details, then drop the selection
 *   Ctrl+F         go to the search entry
 * Mouse: drag or scroll to pan; Ctrl+scroll or pinch to zoom around the
 * pointer; click an event to select it, double-click to open it.
 */
#pragma once

#include <gtk/gtk.h>

#include "karavan-core.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_TIMELINE_VIEW (karavan_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (KaravanTimelineView, karavan_timeline_view, KARAVAN, TIMELINE_VIEW, GtkWidget)

GtkWidget         *karavan_timeline_view_new                 (void);
void               karavan_timeline_view_set_view            (KaravanTimelineView  *self,
                                                              KaravanDataset       *dataset,
                                                              const KaravanView    *view);
const KaravanView *karavan_timeline_view_get_view            (KaravanTimelineView  *self);
void               karavan_timeline_view_set_lang            (KaravanTimelineView  *self,
                                                              KaravanLang           lang);
KaravanLang        karavan_timeline_view_get_lang            (KaravanTimelineView  *self);
void               karavan_timeline_view_set_palette         (KaravanTimelineView  *self,
                                                              KaravanPaletteKind    palette);

gboolean           karavan_timeline_view_select_event        (KaravanTimelineView  *self,
                                                              const char           *event_id);
const char        *karavan_timeline_view_get_selected_event  (KaravanTimelineView  *self);
gboolean           karavan_timeline_view_open_event          (KaravanTimelineView  *self,
                                                              const char           *event_id);
gboolean           karavan_timeline_view_get_details_visible (KaravanTimelineView  *self);
void               karavan_timeline_view_close_details       (KaravanTimelineView  *self);

void               karavan_timeline_view_set_window          (KaravanTimelineView  *self,
                                                              double                time_from,
                                                              double                time_to,
                                                              gboolean              animate);
void               karavan_timeline_view_get_window          (KaravanTimelineView  *self,
                                                              double               *time_from,
                                                              double               *time_to);
void               karavan_timeline_view_zoom                (KaravanTimelineView  *self,
                                                              double                factor,
                                                              gboolean              animate);
void               karavan_timeline_view_zoom_to_fit         (KaravanTimelineView  *self,
                                                              gboolean              animate);

void               karavan_timeline_view_set_search          (KaravanTimelineView  *self,
                                                              const char           *search);
const char        *karavan_timeline_view_get_search          (KaravanTimelineView  *self);
void               karavan_timeline_view_set_category_visible (KaravanTimelineView *self,
                                                               guint                index,
                                                               gboolean             visible);
gboolean           karavan_timeline_view_get_category_visible (KaravanTimelineView *self,
                                                               guint                index);

void               karavan_timeline_view_get_render_options  (KaravanTimelineView  *self,
                                                              KaravanRenderOptions *options);
KaravanFigure     *karavan_timeline_view_get_figure          (KaravanTimelineView  *self);
GtkWidget         *karavan_timeline_view_get_canvas          (KaravanTimelineView  *self);

G_END_DECLS
