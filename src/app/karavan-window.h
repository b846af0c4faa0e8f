/* karavan-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "karavan-application.h"
#include "karavan-chart-view.h"
#include "karavan-data-table.h"
#include "karavan-export-dialog.h"
#include "karavan-lesson-editor.h"
#include "karavan-presentation-window.h"
#include "karavan-sources-view.h"
#include "karavan-timeline-view.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_WINDOW (karavan_window_get_type ())

G_DECLARE_FINAL_TYPE (KaravanWindow, karavan_window, KARAVAN, WINDOW, AdwApplicationWindow)

KaravanWindow       *karavan_window_new               (KaravanApplication *application);
void                 karavan_window_load_bundled      (KaravanWindow      *self);
void                 karavan_window_open_file         (KaravanWindow      *self,
                                                       GFile              *file);
gboolean             karavan_window_select_view       (KaravanWindow      *self,
                                                       const char         *id);
const char          *karavan_window_get_view_id       (KaravanWindow      *self);
void                 karavan_window_set_page          (KaravanWindow      *self,
                                                       const char         *page);
const char          *karavan_window_get_page          (KaravanWindow      *self);
KaravanChartView    *karavan_window_get_chart_view    (KaravanWindow      *self);
KaravanTimelineView *karavan_window_get_timeline_view (KaravanWindow      *self);
KaravanDataTable    *karavan_window_get_data_table    (KaravanWindow      *self);
KaravanSourcesView  *karavan_window_get_sources_view  (KaravanWindow      *self);
KaravanExportDialog *karavan_window_export            (KaravanWindow      *self);
gboolean             karavan_window_print             (KaravanWindow      *self,
                                                       GFile              *export_to,
                                                       GError            **error);
const char          *karavan_window_get_error         (KaravanWindow      *self);
gboolean             karavan_window_is_loading        (KaravanWindow      *self);
guint                karavan_window_get_n_workers     (KaravanWindow      *self);
guint                karavan_window_get_n_datasets    (KaravanWindow      *self);
GPtrArray           *karavan_window_get_datasets      (KaravanWindow      *self);
char                *karavan_csv_to_tsv               (const char         *csv);

/* Teaching (karavan-window-lesson.c) */
KaravanPresentationWindow *karavan_window_present         (KaravanWindow      *self);
KaravanPresentationWindow *karavan_window_present_lesson  (KaravanWindow      *self);
gboolean             karavan_window_add_to_lesson     (KaravanWindow      *self);
KaravanDeck         *karavan_window_get_lesson        (KaravanWindow      *self);
KaravanLessonEditor *karavan_window_get_lesson_editor (KaravanWindow      *self);
void                 karavan_window_show_lesson       (KaravanWindow      *self);
gboolean             karavan_window_save_lesson       (KaravanWindow      *self,
                                                       GFile              *file,
                                                       GError            **error);

G_END_DECLS
