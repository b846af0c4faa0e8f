/* karavan-window-private.h: what the files of KaravanWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * karavan-window.c shows the datasets and their views;
 * karavan-window-actions.c does what the menus and shortcuts ask.
 */
#pragma once

#include "karavan-window.h"

G_BEGIN_DECLS

#define KARAVAN_DATASET_MIME_TYPE "application/x-karavan-dataset"

typedef struct {
  KaravanDataset *dataset;
  GFile          *file;      /* NULL for bundled datasets */
  GFileMonitor   *monitor;
  char           *key;       /* the dataset's id, or "ID#2"… when another
                              * open dataset has that id: unique, so that
                              * "KEY:VIEW" names one view */
} OpenDataset;

struct _KaravanWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *sidebar_separator;
  GtkListBox           *sidebar;
  GtkMenuButton        *recent_button;
  GMenu                *recent_menu;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_title;
  GtkLabel             *error_label;
  GtkRevealer          *loading_revealer;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_progress;
  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *chart_page;
  AdwViewStackPage     *table_page;
  GtkWidget            *chart_toolbar;
  GtkWidget            *log_button;
  GtkWidget            *values_box;
  GtkMenuButton        *series_button;
  GtkWidget            *events_button;
  GtkMenuButton        *language_button;
  GtkLabel             *language_label;
  GtkStack             *figure_stack;
  KaravanChartView     *chart_view;
  KaravanTimelineView  *timeline_view;
  KaravanDataTable     *data_table;
  GtkLabel             *table_label;
  KaravanSourcesView   *sources_view;
  KaravanLessonEditor  *lesson_editor;

  /* Owned references */
  GSettings            *settings;
  GPtrArray            *open;             /* OpenDataset* */
  GPtrArray            *loads;            /* LoadJob*: the loads shown, not cancelled */
  GSimpleActionGroup   *series_actions;   /* "series.sN": series N shown */
  char                 *error;
  char                 *selected_id;      /* DATASET:VIEW */
  guint                 n_workers;        /* load threads still running, cancelled or not */
  guint                 loading_source;   /* shows the bar late */
  gboolean              bundled_loaded;

  /* What the chart shows; the toolbar's actions set these */
  char                 *figure_language;
  gboolean              log_scale;
  char                 *value_mode;
  gboolean              show_events;
  double                text_scale;

  /* My Lesson, the lesson made in the window (karavan-window-lesson.c) */
  KaravanDeck          *lesson;
  GHashTable           *lesson_ids;       /* URI of a file saved into → id of the lesson there */
  GtkWidget            *lesson_row;       /* in the sidebar, rebuilt with it */
  GtkLabel             *lesson_count;
  AdwToast             *lesson_toast;     /* "Added …", while it shows (weak) */
  GtkWindow            *presentation;     /* the one F5 opened, while it is open (weak) */
  gboolean              showing_lesson;   /* its row is selected */
};

const KaravanView *_karavan_window_get_current_view    (KaravanWindow        *self);
KaravanLang        _karavan_window_get_figure_lang     (KaravanWindow        *self);
void               _karavan_window_get_render_options  (KaravanWindow        *self,
                                                        KaravanRenderOptions *options);
void               _karavan_window_show_toast          (KaravanWindow        *self,
                                                        const char           *title);
void               _karavan_window_show_error          (KaravanWindow        *self,
                                                        const char           *title,
                                                        const char           *message);
char              *_karavan_file_display_name          (GFile                *file);
void               _karavan_window_update_actions      (KaravanWindow        *self);
void               _karavan_window_set_watching        (KaravanWindow        *self,
                                                        GFile                *file,
                                                        gboolean              watching);
void               _karavan_window_load_and_select     (KaravanWindow        *self,
                                                        GFile                *file,
                                                        const char           *view_id,
                                                        const char           *toast);

/* karavan-window-actions.c */
void               _karavan_window_class_init_actions  (GtkWidgetClass       *widget_class);
void               _karavan_window_init_actions        (KaravanWindow        *self);

/* karavan-window-lesson.c */
void               _karavan_window_class_init_lesson   (GtkWidgetClass       *widget_class);
void               _karavan_window_init_lesson         (KaravanWindow        *self);
void               _karavan_window_finalize_lesson     (KaravanWindow        *self);
GtkWidget         *_karavan_window_make_lesson_row     (KaravanWindow        *self);
void               _karavan_window_show_lesson_page    (KaravanWindow        *self);
void               _karavan_window_update_lesson_actions (KaravanWindow      *self);

G_END_DECLS
