/* karavan-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists every view of every open dataset, grouped by
 * dataset. The content shows the selected view on three pages: the
 * figure, its data as a table, and its sources. Files load in a worker
 * thread; an opened file is watched and reloaded when it changes, and
 * when the new version is broken the last good one stays on screen
 * beside the error.
 *
 * The figure page holds a GtkStack ("figure_stack"): the chart view,
 * which draws every kind of view, and the timeline view, which shows
 * timelines. The chart view always holds the current view: exports,
 * printing and copying go through it, with the timeline's own window,
 * filter and search when a timeline is shown.
 *
 * Above the datasets, the sidebar's first row is My Lesson: selecting it
 * shows the lesson editor in place of the view (karavan-window-lesson.c).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "karavan-window-private.h"

#define RECENT_APP_NAME "Karavan"
#define MAX_RECENT 8

G_DEFINE_FINAL_TYPE (KaravanWindow, karavan_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FIGURE_LANGUAGE,
  PROP_LOG_SCALE,
  PROP_VALUE_MODE,
  PROP_SHOW_EVENTS,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_file_async (KaravanWindow *self,
                             GFile         *file,
                             gboolean       reload);

static void
open_dataset_free (OpenDataset *open)
{
  if (open->monitor != NULL)
    {
      g_file_monitor_cancel (open->monitor);
      g_signal_handlers_disconnect_matched (open->monitor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, NULL);
    }
  g_clear_object (&open->monitor);
  g_clear_object (&open->dataset);
  g_clear_object (&open->file);
  g_free (open->key);
  g_free (open);
}

/* The interface's language, for the sidebar and titles. */
static KaravanLang
ui_lang (void)
{
  return karavan_lang_from_environment ();
}

KaravanLang
_karavan_window_get_figure_lang (KaravanWindow *self)
{
  return karavan_chart_view_get_lang (self->chart_view);
}

static const char *
view_icon (const KaravanView *view)
{
  switch (view->kind)
    {
    case KARAVAN_VIEW_TIMELINE: return "x-office-calendar-symbolic";
    case KARAVAN_VIEW_TABLE: return "karavan-table-symbolic";
    case KARAVAN_VIEW_LESSON: return "x-office-presentation-symbolic";
    case KARAVAN_VIEW_CHART:
    default: return "karavan-chart-symbolic";
    }
}

static const char *
view_kind_name (const KaravanView *view)
{
  switch (view->kind)
    {
    case KARAVAN_VIEW_TIMELINE: return _("Timeline");
    case KARAVAN_VIEW_TABLE: return _("Table");
    case KARAVAN_VIEW_LESSON: return _("Lesson");
    case KARAVAN_VIEW_CHART:
    default: return _("Chart");
    }
}

char *
_karavan_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "");
}

/* ---------------------------------------------------------------------- */
/* Messages                                                               */

void
_karavan_window_show_toast (KaravanWindow *self,
                            const char    *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
_karavan_window_show_error (KaravanWindow *self,
                            const char    *title,
                            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_title, title ? title : "");
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
}

/* ---------------------------------------------------------------------- */
/* The chart's toolbar                                                    */

static void
update_language_label (KaravanWindow *self)
{
  static const char *names[KARAVAN_N_LANGS] = { N_("Russian"), N_("Kazakh"), N_("English") };
  const char *name = _(names[_karavan_window_get_figure_lang (self)]);
  g_autofree char *label = NULL;

  gtk_label_set_text (self->language_label, name);
  /* TRANSLATORS: the language of a chart's texts, as in "Figure language: Kazakh" */
  label = g_strdup_printf (_("Figure language: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_series_change_state_cb (GSimpleAction *action,
                           GVariant      *state,
                           KaravanWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "index"));
  guint64 hidden = karavan_chart_view_get_hidden_series (self->chart_view);
  guint64 bit = G_GUINT64_CONSTANT (1) << index;

  g_simple_action_set_state (action, state);
  karavan_chart_view_set_hidden_series (self->chart_view,
                                        g_variant_get_boolean (state) ? hidden & ~bit : hidden | bit);
}

/* The chart's hidden series changed (a click on the legend, or the menu). */
static void
on_hidden_series_cb (KaravanChartView *chart_view,
                     GParamSpec       *pspec,
                     KaravanWindow    *self)
{
  guint64 hidden = karavan_chart_view_get_hidden_series (chart_view);
  char name[16];

  for (guint i = 0; i < 64; i++)
    {
      GAction *action;

      g_snprintf (name, sizeof name, "s%u", i);
      action = g_action_map_lookup_action (G_ACTION_MAP (self->series_actions), name);
      if (action == NULL)
        break;
      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean (!(hidden & (G_GUINT64_CONSTANT (1) << i))));
    }
}

static void
rebuild_series_menu (KaravanWindow     *self,
                     const KaravanView *view)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->series_actions));

  for (guint i = 0; names[i] != NULL; i++)
    g_action_map_remove_action (G_ACTION_MAP (self->series_actions), names[i]);

  if (view == NULL || view->kind != KARAVAN_VIEW_CHART)
    {
      gtk_menu_button_set_menu_model (self->series_button, NULL);
      return;
    }

  for (guint i = 0; i < view->chart->series->len && i < 64; i++)
    {
      const KaravanSeries *series = view->chart->series->pdata[i];
      const char *title = karavan_text_get (&series->title, _karavan_window_get_figure_lang (self));
      g_autoptr(GSimpleAction) action = NULL;
      g_autofree char *name = g_strdup_printf ("s%u", i);
      g_autofree char *detailed = g_strdup_printf ("series.s%u", i);

      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      g_object_set_data (G_OBJECT (action), "index", GUINT_TO_POINTER (i));
      g_signal_connect (action, "change-state", G_CALLBACK (on_series_change_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->series_actions), G_ACTION (action));
      g_menu_append (section, title ? title : series->id, detailed);
    }

  g_menu_append_section (menu, _("Series Shown"), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->series_button, G_MENU_MODEL (menu));
}

static void
update_toolbar (KaravanWindow     *self,
                const KaravanView *view)
{
  gboolean chart = view != NULL && view->kind == KARAVAN_VIEW_CHART;

  gtk_widget_set_visible (self->log_button, karavan_derived_view_can_log (view));
  gtk_widget_set_visible (self->values_box, karavan_derived_view_can_relative (view));
  gtk_widget_set_visible (GTK_WIDGET (self->series_button), chart && view->chart->series->len > 1);
  gtk_widget_set_visible (self->events_button, chart && view->chart->events_timeline != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-scale", karavan_derived_view_can_log (view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-log-scale", karavan_derived_view_can_log (view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.value-mode", karavan_derived_view_can_relative (view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-value-mode", karavan_derived_view_can_relative (view));
  rebuild_series_menu (self, view);
}

/* ---------------------------------------------------------------------- */
/* Showing a view                                                         */

const KaravanView *
_karavan_window_get_current_view (KaravanWindow *self)
{
  return karavan_chart_view_get_view (self->chart_view);
}

/* What is on screen, for exports, printing and copies. */
void
_karavan_window_get_render_options (KaravanWindow        *self,
                                    KaravanRenderOptions *options)
{
  if (karavan_timeline_view_get_view (self->timeline_view) != NULL)
    {
      karavan_timeline_view_get_render_options (self->timeline_view, options);
      options->font_size = 0;
    }
  else
    karavan_chart_view_get_render_options (self->chart_view, options);
}

void
_karavan_window_update_actions (KaravanWindow *self)
{
  const KaravanView *view = _karavan_window_get_current_view (self);
  gboolean has_view = view != NULL && !self->showing_lesson;
  static const char *actions[] = {
    "win.print", "win.copy", "win.copy-image", "win.copy-csv", "win.copy-tsv", "win.show-page",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], has_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-view", view != NULL || self->showing_lesson);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-view", view != NULL || self->showing_lesson);
  /* Exporting My Lesson is its handout. */
  _karavan_window_update_lesson_actions (self);
}

/* The data's texts follow the figure's language. */
static void
refresh_pages (KaravanWindow *self)
{
  const KaravanView *view = _karavan_window_get_current_view (self);
  g_autofree char *rows = NULL;

  karavan_data_table_set_view (self->data_table, karavan_chart_view_get_dataset (self->chart_view), view,
                               _karavan_window_get_figure_lang (self));
  karavan_sources_view_set_view (self->sources_view, view, _karavan_window_get_figure_lang (self));

  if (view != NULL)
    {
      guint n = karavan_data_table_get_n_total_rows (self->data_table);
      const char *title = karavan_text_get (&view->title, _karavan_window_get_figure_lang (self));
      g_autofree char *count = karavan_format_number (n, 0, ui_lang ());

      /* TRANSLATORS: above a table: its title and how many rows it has */
      rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s row", "%s · %s rows", n),
                              title ? title : view->id, count);
    }
  gtk_label_set_text (self->table_label, rows ? rows : "");
  update_language_label (self);
}

/* @reset: a new view starts as its file describes it; a new version of
 * the same view (a reload) keeps the scale, values and series chosen. */
static void
show_view (KaravanWindow     *self,
           KaravanDataset    *dataset,
           const KaravanView *view,
           gboolean           reset)
{
  const char *title = view ? karavan_text_get (&view->title, ui_lang ()) : NULL;
  g_autofree char *window_title = NULL;

  karavan_chart_view_set_view (self->chart_view, dataset, view);
  if (reset)
    {
      karavan_chart_view_set_hidden_series (self->chart_view, 0);
      g_object_set (self,
                    "log-scale", view != NULL && view->kind == KARAVAN_VIEW_CHART && view->chart->log_scale,
                    "value-mode", "absolute",
                    NULL);
    }

  if (view != NULL && view->kind == KARAVAN_VIEW_TIMELINE)
    {
      karavan_timeline_view_set_view (self->timeline_view, dataset, view);
      gtk_stack_set_visible_child_name (self->figure_stack, "timeline");
    }
  else
    {
      karavan_timeline_view_set_view (self->timeline_view, NULL, NULL);
      gtk_stack_set_visible_child_name (self->figure_stack, "chart");
    }
  /* A table's figure is a picture of the table: "Table" names the data. */
  adw_view_stack_page_set_title (self->chart_page,
                                 view == NULL ? _("Chart")
                                 : view->kind == KARAVAN_VIEW_TABLE ? _("Figure") : view_kind_name (view));
  adw_view_stack_page_set_icon_name (self->chart_page, view ? view_icon (view) : "karavan-chart-symbolic");
  gtk_widget_set_visible (self->chart_toolbar, view != NULL);

  update_toolbar (self, view);
  refresh_pages (self);
  _karavan_window_update_actions (self);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, view != NULL);
  adw_view_switcher_title_set_title (self->switcher_title, title ? title : view ? view->id : "Karavan");
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        dataset ? karavan_text_get (karavan_dataset_get_title (dataset), ui_lang ()) : NULL);
  window_title = title ? g_strdup_printf ("%s — Karavan", title) : g_strdup ("Karavan");
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static GtkListBoxRow *
find_row (KaravanWindow *self,
          const char    *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *row_id = g_object_get_data (G_OBJECT (child), "view-id");
      KaravanView *view = g_object_get_data (G_OBJECT (child), "view");

      if (view != NULL && (g_strcmp0 (row_id, id) == 0 || g_strcmp0 (view->id, id) == 0))
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static GtkWidget *
make_view_row (OpenDataset       *open,
               const KaravanView *view)
{
  const char *title = karavan_text_get (&view->title, ui_lang ());
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (view_icon (view));
  GtkWidget *label = gtk_label_new (title ? title : view->id);
  g_autofree char *name = g_strdup_printf ("%s: %s", view_kind_name (view), title ? title : view->id);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, view_kind_name (view), -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, title ? title : view->id);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  g_object_set_data_full (G_OBJECT (row), "view-id", g_strdup_printf ("%s:%s", open->key, view->id), g_free);
  g_object_set_data (G_OBJECT (row), "view", (gpointer) view);
  g_object_set_data (G_OBJECT (row), "dataset", open->dataset);

  return row;
}

static GtkWidget *
make_header_row (OpenDataset *open)
{
  const char *title = karavan_text_get (karavan_dataset_get_title (open->dataset), ui_lang ());
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title ? title : karavan_dataset_get_id (open->dataset));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (open->file != NULL)
    {
      g_autofree char *name = _karavan_file_display_name (open->file);
      GtkWidget *file_label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (file_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (file_label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (file_label, "caption");
      gtk_widget_add_css_class (file_label, "dim-label");
      gtk_box_append (GTK_BOX (box), file_label);
    }

  gtk_widget_add_css_class (box, "sidebar-heading");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : karavan_dataset_get_id (open->dataset), -1);

  return row;
}

static void
rebuild_sidebar (KaravanWindow *self)
{
  g_autofree char *keep = g_strdup (self->selected_id);
  GtkListBoxRow *row = NULL;
  GtkWidget *child;

  self->lesson_row = NULL;
  self->lesson_count = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  if (self->open->len > 0)
    gtk_list_box_append (self->sidebar, _karavan_window_make_lesson_row (self));
  else
    self->showing_lesson = FALSE;

  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = self->open->pdata[i];
      GPtrArray *views = karavan_dataset_get_views (open->dataset);

      gtk_list_box_append (self->sidebar, make_header_row (open));
      for (guint j = 0; j < views->len; j++)
        gtk_list_box_append (self->sidebar, make_view_row (open, views->pdata[j]));
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    self->open->len == 0 ? "empty" : self->showing_lesson ? "lesson" : "view");

  if (self->showing_lesson)
    row = GTK_LIST_BOX_ROW (self->lesson_row);
  else if (keep != NULL)
    row = find_row (self, keep);
  if (row == NULL)
    {
      /* The first chart, else the first view. */
      for (child = gtk_widget_get_last_child (GTK_WIDGET (self->sidebar)); child; child = gtk_widget_get_prev_sibling (child))
        {
          KaravanView *view = g_object_get_data (G_OBJECT (child), "view");

          if (view != NULL && (row == NULL || view->kind == KARAVAN_VIEW_CHART ||
                               ((KaravanView *) g_object_get_data (G_OBJECT (row), "view"))->kind != KARAVAN_VIEW_CHART))
            row = GTK_LIST_BOX_ROW (child);
        }
    }

  /* Selecting the row that was selected before shows its new version. */
  gtk_list_box_unselect_all (self->sidebar);
  if (row != NULL)
    gtk_list_box_select_row (self->sidebar, row);
  else
    {
      g_clear_pointer (&self->selected_id, g_free);
      show_view (self, NULL, NULL, TRUE);
    }
}

static void
on_row_selected_cb (GtkListBox    *box,
                    GtkListBoxRow *row,
                    KaravanWindow *self)
{
  const KaravanView *view;
  const char *id;
  gboolean same, from_lesson;

  if (row != NULL && GTK_WIDGET (row) == self->lesson_row)
    {
      _karavan_window_show_lesson_page (self);
      return;
    }

  if (row == NULL || (view = g_object_get_data (G_OBJECT (row), "view")) == NULL)
    return;

  id = g_object_get_data (G_OBJECT (row), "view-id");
  same = g_strcmp0 (id, self->selected_id) == 0;
  from_lesson = self->showing_lesson;
  if (same && view == _karavan_window_get_current_view (self) && !from_lesson)
    return;

  if (from_lesson)
    {
      self->showing_lesson = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "view");
    }
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  /* Back from My Lesson to the same view: as it was left. */
  show_view (self, g_object_get_data (G_OBJECT (row), "dataset"), view, !same);
}

static void
on_row_activated_cb (GtkListBox    *box,
                     GtkListBoxRow *row,
                     KaravanWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The sidebar's id of @view of @dataset: the dataset's key in this
 * window, which tells apart datasets of the same id. */
static char *
view_key (KaravanWindow     *self,
          KaravanDataset    *dataset,
          const KaravanView *view)
{
  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = g_ptr_array_index (self->open, i);

      if (open->dataset == dataset)
        return g_strdup_printf ("%s:%s", open->key, view->id);
    }

  return NULL;
}

/* A click on an event's marker on a chart: the event, opened in the
 * timeline the chart takes its events from. */
static void
on_chart_event_activated_cb (KaravanChartView *chart_view,
                             const char       *event_id,
                             KaravanWindow    *self)
{
  const KaravanView *chart = karavan_chart_view_get_view (chart_view);
  KaravanDataset *dataset = karavan_chart_view_get_dataset (chart_view);
  g_autofree char *id = g_strdup (event_id);
  GPtrArray *views;

  if (chart == NULL || chart->kind != KARAVAN_VIEW_CHART || chart->chart->events_timeline == NULL || dataset == NULL)
    return;

  views = karavan_dataset_get_views (dataset);
  for (guint i = 0; i < views->len; i++)
    {
      const KaravanView *view = views->pdata[i];
      g_autofree char *view_id = NULL;
      GtkListBoxRow *row;

      if (view->kind != KARAVAN_VIEW_TIMELINE || view->timeline != chart->chart->events_timeline)
        continue;
      view_id = view_key (self, dataset, view);
      row = view_id != NULL ? find_row (self, view_id) : NULL;
      if (row == NULL)
        return;
      gtk_list_box_select_row (self->sidebar, row);
      karavan_timeline_view_open_event (self->timeline_view, id);
      gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
      return;
    }
}

/* ---------------------------------------------------------------------- */
/* Datasets                                                               */

static OpenDataset *
find_open (KaravanWindow *self,
           GFile         *file)
{
  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *o = self->open->pdata[i];

      if (file != NULL && o->file != NULL && g_file_equal (o->file, file))
        return o;
    }
  return NULL;
}

/* The dataset's id, unless another open dataset has it: "ID#2", "ID#3"…
 * ('#' is never part of an id). */
static char *
make_key (KaravanWindow *self,
          OpenDataset   *open)
{
  const char *id = karavan_dataset_get_id (open->dataset);

  for (guint n = 1;; n++)
    {
      g_autofree char *key = n == 1 ? g_strdup (id) : g_strdup_printf ("%s#%u", id, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < self->open->len && !taken; i++)
        {
          OpenDataset *o = self->open->pdata[i];

          taken = o != open && g_strcmp0 (o->key, key) == 0;
        }
      if (!taken)
        return g_steal_pointer (&key);
    }
}

/* Adds a dataset, or replaces the one loaded from the same place. */
static OpenDataset *
add_dataset (KaravanWindow  *self,
             KaravanDataset *dataset,
             GFile          *file)
{
  OpenDataset *open = find_open (self, file);
  g_autofree char *base = NULL;

  if (open == NULL)
    {
      open = g_new0 (OpenDataset, 1);
      open->file = file ? g_object_ref (file) : NULL;
      g_ptr_array_add (self->open, open);
    }

  /* The chart view keeps its own reference to the old dataset until
   * rebuild_sidebar() gives it the new one. */
  g_set_object (&open->dataset, dataset);

  /* A reload keeps its key, so the view shown stays selected, unless
   * the file now gives the dataset another id. */
  base = open->key != NULL ? g_strndup (open->key, strcspn (open->key, "#")) : NULL;
  if (g_strcmp0 (base, karavan_dataset_get_id (dataset)) != 0)
    {
      g_free (open->key);
      open->key = make_key (self, open);
    }

  return open;
}

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    KaravanWindow     *self)
{
  GFile *watched = g_object_get_data (G_OBJECT (monitor), "file");

  /* Editors save by writing a new file and renaming it over the old. */
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
      ((event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN) &&
       other != NULL && g_file_equal (other, watched)))
    load_file_async (self, watched, TRUE);
}

static void
watch (KaravanWindow *self,
       GFile         *file)
{
  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = self->open->pdata[i];

      if (open->file == NULL || !g_file_equal (open->file, file) || open->monitor != NULL)
        continue;

      open->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (open->monitor != NULL)
        {
          g_object_set_data_full (G_OBJECT (open->monitor), "file", g_object_ref (file), g_object_unref);
          g_file_monitor_set_rate_limit (open->monitor, 200);
          g_signal_connect_object (open->monitor, "changed", G_CALLBACK (on_file_changed_cb), self, 0);
        }
    }
}

/* Saving into an open file: the window reloads it itself, and does not
 * take its own write for someone else's. */
void
_karavan_window_set_watching (KaravanWindow *self,
                              GFile         *file,
                              gboolean       watching)
{
  if (watching)
    {
      watch (self, file);
      return;
    }

  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = self->open->pdata[i];

      if (open->file == NULL || !g_file_equal (open->file, file) || open->monitor == NULL)
        continue;
      g_file_monitor_cancel (open->monitor);
      g_signal_handlers_disconnect_by_data (open->monitor, self);
      g_clear_object (&open->monitor);
    }
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) KARAVAN_DATASET_MIME_TYPE,
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "karavan %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* One file being loaded. The loading thread only writes @permille and
 * @progress_queued; everything else belongs to the main thread. */
typedef struct {
  KaravanWindow *self;            /* while @active */
  GMainContext  *context;
  GFile         *file;
  GCancellable  *cancellable;
  char          *select;
  char          *toast;
  gboolean       reload;
  gboolean       active;          /* shown, not cancelled nor done */
  double         fraction;        /* as last shown */
  int            permille;        /* atomic: as the loader last said */
  int            progress_queued; /* atomic: an update is on its way */
} LoadJob;

static void
load_job_clear (LoadJob *job)
{
  g_main_context_unref (job->context);
  g_object_unref (job->file);
  g_object_unref (job->cancellable);
  g_free (job->select);
  g_free (job->toast);
}

static LoadJob *
load_job_ref (LoadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
load_job_unref (LoadJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) load_job_clear);
}

static void
update_loading_bar (KaravanWindow *self)
{
  g_autofree char *label = NULL;
  double sum = 0;

  if (self->loads->len == 0)
    return;

  for (guint i = 0; i < self->loads->len; i++)
    sum += ((LoadJob *) self->loads->pdata[i])->fraction;
  gtk_progress_bar_set_fraction (self->loading_progress, sum / self->loads->len);

  if (self->loads->len == 1)
    {
      g_autofree char *name = _karavan_file_display_name (((LoadJob *) self->loads->pdata[0])->file);

      label = g_strdup_printf (_("Loading “%s”…"), name);
    }
  else
    /* TRANSLATORS: several dataset files load at once */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Loading %u file…", "Loading %u files…", self->loads->len),
                             self->loads->len);
  gtk_label_set_text (self->loading_label, label);
}

/* Loads that end quickly never show the bar. */
static gboolean
show_loading_bar_cb (gpointer user_data)
{
  KaravanWindow *self = user_data;

  self->loading_source = 0;
  gtk_revealer_set_reveal_child (self->loading_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

/* The job is no longer shown: done, failed, cancelled or replaced. */
static void
forget_load (KaravanWindow *self,
             LoadJob       *job)
{
  job->active = FALSE;
  job->self = NULL;
  g_ptr_array_remove (self->loads, job);

  if (self->loads->len == 0)
    {
      g_clear_handle_id (&self->loading_source, g_source_remove);
      gtk_revealer_set_reveal_child (self->loading_revealer, FALSE);
    }
  else
    update_loading_bar (self);
}

static gboolean
progress_cb (gpointer user_data)
{
  LoadJob *job = user_data;

  g_atomic_int_set (&job->progress_queued, 0);
  if (job->active)
    {
      double fraction = g_atomic_int_get (&job->permille) / 1000.0;

      /* The bar only moves forward. */
      if (fraction > job->fraction)
        {
          job->fraction = fraction;
          update_loading_bar (job->self);
        }
    }
  return G_SOURCE_REMOVE;
}

/* In the loading thread: at most one update waits in the main loop, with
 * the latest fraction, however often the loader calls. */
static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  LoadJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0, 1) * 1000));
  if (g_atomic_int_compare_and_exchange (&job->progress_queued, 0, 1))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_cb,
                                load_job_ref (job), (GDestroyNotify) load_job_unref);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(GError) error = NULL;
  KaravanDataset *dataset;

  if (path == NULL)
    {
      g_task_return_new_error (task, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s", _("Only local files can be opened"));
      return;
    }

  dataset = karavan_dataset_load_file_full (path, cancellable, on_load_progress, job, &error);
  if (dataset == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  KaravanWindow *self = KARAVAN_WINDOW (object);
  GTask *task = G_TASK (result);
  LoadJob *job = g_task_get_task_data (task);
  GFile *file = job->file;
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = g_task_propagate_pointer (task, &error);
  g_autofree char *name = _karavan_file_display_name (file);
  g_autofree char *title = NULL;
  OpenDataset *open;

  self->n_workers--;

  /* Cancelled loads were forgotten when they were cancelled: what was on
   * screen stays, with no message. */
  if (!job->active || self->open == NULL)
    return;
  forget_load (self, job);

  if (dataset == NULL)
    {
      /* The last good state stays; the error says where the file broke. */
      if (job->reload)
        title = g_strdup_printf (_("“%s” has an error; the last good version is shown"), name);
      else
        title = g_strdup_printf (_("Could not open “%s”"), name);
      _karavan_window_show_error (self, title, error->message);
      watch (self, file);
      return;
    }

  _karavan_window_show_error (self, NULL, NULL);
  open = add_dataset (self, dataset, file);
  rebuild_sidebar (self);
  watch (self, file);

  if (job->select != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%s:%s", open->key, job->select);

      karavan_window_select_view (self, id);
      if (job->toast != NULL)
        _karavan_window_show_toast (self, job->toast);
      if (!job->reload)
        add_recent (file);
    }
  else if (job->reload)
    {
      title = g_strdup_printf (_("Reloaded “%s”"), name);
      _karavan_window_show_toast (self, title);
    }
  else
    {
      KaravanView *first = karavan_dataset_get_views (dataset)->len > 0 ? karavan_dataset_get_views (dataset)->pdata[0] : NULL;
      g_autofree char *id = first ? g_strdup_printf ("%s:%s", open->key, first->id) : NULL;

      /* A file the user opened shows at once. */
      if (id != NULL)
        karavan_window_select_view (self, id);
      add_recent (file);
    }
}

static LoadJob *
find_load (KaravanWindow *self,
           GFile         *file)
{
  for (guint i = 0; i < self->loads->len; i++)
    {
      LoadJob *job = self->loads->pdata[i];

      if (g_file_equal (job->file, file))
        return job;
    }
  return NULL;
}

/* @select: (nullable): a view of the file to show once it is loaded,
 *   with @toast, instead of the first view or "Reloaded" */
static void
load_file_full (KaravanWindow *self,
                GFile         *file,
                gboolean       reload,
                const char    *select,
                const char    *toast)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job, *older;

  /* A newer version of a file being read replaces the older one. */
  if ((older = find_load (self, file)) != NULL)
    {
      g_cancellable_cancel (older->cancellable);
      forget_load (self, older);
    }

  job = g_atomic_rc_box_new0 (LoadJob);
  job->self = self;
  job->context = g_main_context_ref_thread_default ();
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  job->select = g_strdup (select);
  job->toast = g_strdup (toast);
  job->reload = reload;
  job->active = TRUE;
  g_ptr_array_add (self->loads, job);

  if (self->loads->len == 1)
    {
      gtk_progress_bar_set_fraction (self->loading_progress, 0);
      if (!gtk_revealer_get_reveal_child (self->loading_revealer) && self->loading_source == 0)
        self->loading_source = g_timeout_add (250, show_loading_bar_cb, self);
    }
  update_loading_bar (self);

  task = g_task_new (self, job->cancellable, on_loaded_cb, NULL);
  g_task_set_task_data (task, load_job_ref (job), (GDestroyNotify) load_job_unref);
  g_task_set_source_tag (task, load_file_async);
  g_task_set_name (task, "[karavan] load");
  self->n_workers++;
  g_task_run_in_thread (task, load_thread);
}

static void
load_file_async (KaravanWindow *self,
                 GFile         *file,
                 gboolean       reload)
{
  load_file_full (self, file, reload, NULL, NULL);
}

/* Loads @file, again when it is open, and shows its view @view_id. */
void
_karavan_window_load_and_select (KaravanWindow *self,
                                 GFile         *file,
                                 const char    *view_id,
                                 const char    *toast)
{
  load_file_full (self, file, find_open (self, file) != NULL, view_id, toast);
}

/* The first view of @open, or the one shown when it is one of @open's. */
static void
select_open (KaravanWindow *self,
             OpenDataset   *open)
{
  GPtrArray *views = karavan_dataset_get_views (open->dataset);
  g_autofree char *prefix = g_strconcat (open->key, ":", NULL);
  g_autofree char *id = NULL;

  if (self->selected_id != NULL && g_str_has_prefix (self->selected_id, prefix) && !self->showing_lesson)
    return;
  if (views->len == 0)
    return;
  id = g_strconcat (prefix, ((KaravanView *) views->pdata[0])->id, NULL);
  karavan_window_select_view (self, id);
}

/**
 * karavan_window_open_file:
 *
 * Opens @file in a worker thread, as the Open dialog, a drop, the
 * command line and the recent files do. A file already open is shown,
 * not opened twice; one being opened is left to finish.
 */
void
karavan_window_open_file (KaravanWindow *self,
                          GFile         *file)
{
  OpenDataset *open;
  LoadJob *job;

  g_return_if_fail (KARAVAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((open = find_open (self, file)) != NULL)
    {
      g_autofree char *name = _karavan_file_display_name (file);
      g_autofree char *title = g_strdup_printf (_("“%s” is already open"), name);

      select_open (self, open);
      _karavan_window_show_toast (self, title);
      return;
    }
  if ((job = find_load (self, file)) != NULL && !job->reload)
    return;

  load_file_async (self, file, FALSE);
}

void
karavan_window_load_bundled (KaravanWindow *self)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KARAVAN_IS_WINDOW (self));

  if (self->bundled_loaded)
    return;
  self->bundled_loaded = TRUE;

  paths = karavan_list_bundled_datasets (&error);
  if (paths == NULL)
    {
      _karavan_window_show_error (self, _("Could not find the bundled datasets"), error->message);
      return;
    }

  /* Bundled data is small and known good: load it before the first frame. */
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (paths->pdata[i], &load_error);

      if (dataset == NULL)
        _karavan_window_show_error (self, _("A bundled dataset could not be read"), load_error->message);
      else
        add_dataset (self, dataset, NULL);
    }
  rebuild_sidebar (self);
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);

  if (self->loads->len == 0)
    return;

  /* The threads stop at their next check; what they return then is
   * dropped. */
  while (self->loads->len > 0)
    {
      LoadJob *job = self->loads->pdata[self->loads->len - 1];

      g_cancellable_cancel (job->cancellable);
      forget_load (self, job);
    }
  _karavan_window_show_toast (self, _("Loading cancelled"));
}

/* ---------------------------------------------------------------------- */
/* Recent files                                                           */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a, *ib = *(GtkRecentInfo **) b;
  /* Newest first. */
  return -g_date_time_compare (gtk_recent_info_get_modified (ia), gtk_recent_info_get_modified (ib));
}

static void
rebuild_recent_menu (KaravanWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (gtk_recent_info_has_application (l->data, RECENT_APP_NAME) && gtk_recent_info_is_local (l->data) &&
        gtk_recent_info_exists (l->data))
      g_ptr_array_add (mine, l->data);
  g_ptr_array_sort (mine, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < mine->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = mine->pdata[i];
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (section, item);
    }
  if (mine->len > 0)
    g_menu_append_section (self->recent_menu, _("Recent Datasets"), G_MENU_MODEL (section));
  gtk_widget_set_visible (GTK_WIDGET (self->recent_button), mine->len > 0);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
on_recent_changed_cb (GtkRecentManager *manager,
                      KaravanWindow    *self)
{
  rebuild_recent_menu (self);
}

/* ---------------------------------------------------------------------- */
/* Drag and drop                                                          */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            KaravanWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    karavan_window_open_file (self, l->data);
  g_slist_free (files);

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Palette: the system's style, unless the preferences choose one         */

static void
update_palette (KaravanWindow *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *name = g_settings_get_string (self->settings, "palette");
  KaravanPaletteKind palette;

  if (!karavan_palette_from_string (name, &palette))
    {
      if (adw_style_manager_get_high_contrast (style))
        palette = KARAVAN_PALETTE_HIGH_CONTRAST;
      else if (adw_style_manager_get_dark (style))
        palette = KARAVAN_PALETTE_DARK;
      else
        palette = KARAVAN_PALETTE_LIGHT;
    }
  karavan_chart_view_set_palette (self->chart_view, palette);
  karavan_timeline_view_set_palette (self->timeline_view, palette);
}

static void
on_style_changed_cb (GObject       *object,
                     GParamSpec    *pspec,
                     KaravanWindow *self)
{
  update_palette (self);
}

static void
on_palette_setting_changed_cb (GSettings     *settings,
                               const char    *key,
                               KaravanWindow *self)
{
  update_palette (self);
}

/* '' follows the interface. */
static void
on_figure_language_setting_changed_cb (GSettings     *settings,
                                       const char    *key,
                                       KaravanWindow *self)
{
  g_autofree char *value = g_settings_get_string (settings, "figure-language");
  KaravanLang lang;

  if (!karavan_lang_from_string (value, &lang))
    lang = ui_lang ();
  if (g_strcmp0 (self->figure_language, karavan_lang_to_string (lang)) != 0)
    {
      g_free (self->figure_language);
      self->figure_language = g_strdup (karavan_lang_to_string (lang));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_LANGUAGE]);
    }
}

static void
on_figure_language_cb (KaravanChartView *chart_view,
                       GParamSpec       *pspec,
                       KaravanWindow    *self)
{
  const KaravanView *view = _karavan_window_get_current_view (self);

  karavan_timeline_view_set_lang (self->timeline_view, _karavan_window_get_figure_lang (self));
  karavan_lesson_editor_set_lang (self->lesson_editor, _karavan_window_get_figure_lang (self));
  refresh_pages (self);
  rebuild_series_menu (self, view);
  on_hidden_series_cb (self->chart_view, NULL, self);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static gboolean
karavan_window_close_request (GtkWindow *window)
{
  KaravanWindow *self = KARAVAN_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (karavan_window_parent_class)->close_request (window);
}

static void
karavan_window_dispose (GObject *object)
{
  KaravanWindow *self = KARAVAN_WINDOW (object);

  /* Threads still loading end soon and find the window gone. */
  while (self->loads != NULL && self->loads->len > 0)
    {
      LoadJob *job = self->loads->pdata[self->loads->len - 1];

      g_cancellable_cancel (job->cancellable);
      forget_load (self, job);
    }
  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KARAVAN_TYPE_WINDOW);
  g_clear_pointer (&self->open, g_ptr_array_unref);
  g_clear_object (&self->series_actions);
  g_clear_pointer (&self->loads, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (karavan_window_parent_class)->dispose (object);
}

static void
karavan_window_finalize (GObject *object)
{
  KaravanWindow *self = KARAVAN_WINDOW (object);

  g_free (self->error);
  g_free (self->selected_id);
  g_free (self->figure_language);
  g_free (self->value_mode);
  _karavan_window_finalize_lesson (self);

  G_OBJECT_CLASS (karavan_window_parent_class)->finalize (object);
}

static void
karavan_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KaravanWindow *self = KARAVAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FIGURE_LANGUAGE:
      g_value_set_string (value, self->figure_language);
      break;
    case PROP_LOG_SCALE:
      g_value_set_boolean (value, self->log_scale);
      break;
    case PROP_VALUE_MODE:
      g_value_set_string (value, self->value_mode);
      break;
    case PROP_SHOW_EVENTS:
      g_value_set_boolean (value, self->show_events);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KaravanWindow *self = KARAVAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FIGURE_LANGUAGE:
      {
        const char *str = g_value_get_string (value);
        KaravanLang lang;

        if (!karavan_lang_from_string (str, &lang) || g_strcmp0 (str, self->figure_language) == 0)
          break;
        g_free (self->figure_language);
        self->figure_language = g_strdup (str);
        /* The choice is remembered. */
        if (self->settings != NULL)
          g_settings_set_string (self->settings, "figure-language", str);
        g_object_notify_by_pspec (object, pspec);
      }
      break;

    case PROP_LOG_SCALE:
      if (self->log_scale != g_value_get_boolean (value))
        {
          self->log_scale = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VALUE_MODE:
      {
        KaravanValueMode mode;

        if (!karavan_value_mode_from_string (g_value_get_string (value), &mode) ||
            g_strcmp0 (self->value_mode, g_value_get_string (value)) == 0)
          break;
        g_free (self->value_mode);
        self->value_mode = g_value_dup_string (value);
        g_object_notify_by_pspec (object, pspec);
      }
      break;

    case PROP_SHOW_EVENTS:
      if (self->show_events != g_value_get_boolean (value))
        {
          self->show_events = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_TEXT_SCALE:
      if (self->text_scale != g_value_get_double (value))
        {
          self->text_scale = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_window_class_init (KaravanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = karavan_window_dispose;
  object_class->finalize = karavan_window_finalize;
  object_class->get_property = karavan_window_get_property;
  object_class->set_property = karavan_window_set_property;
  window_class->close_request = karavan_window_close_request;

  properties[PROP_FIGURE_LANGUAGE] =
    g_param_spec_string ("figure-language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_SCALE] =
    g_param_spec_boolean ("log-scale", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_MODE] =
    g_param_spec_string ("value-mode", NULL, NULL, "absolute",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_EVENTS] =
    g_param_spec_boolean ("show-events", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, 0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KARAVAN_TYPE_CHART_VIEW);
  g_type_ensure (KARAVAN_TYPE_TIMELINE_VIEW);
  g_type_ensure (KARAVAN_TYPE_DATA_TABLE);
  g_type_ensure (KARAVAN_TYPE_SOURCES_VIEW);
  g_type_ensure (KARAVAN_TYPE_LESSON_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/karavan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, chart_page);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, table_page);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, chart_toolbar);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, log_button);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, values_box);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, series_button);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, events_button);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, language_button);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, language_label);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, figure_stack);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, data_table);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, table_label);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, sources_view);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, lesson_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  _karavan_window_class_init_actions (widget_class);
  _karavan_window_class_init_lesson (widget_class);
}

static void
karavan_window_init (KaravanWindow *self)
{
  GtkDropTarget *drop;
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->open = g_ptr_array_new_with_free_func ((GDestroyNotify) open_dataset_free);
  self->loads = g_ptr_array_new_with_free_func ((GDestroyNotify) load_job_unref);
  self->figure_language = g_strdup (karavan_lang_to_string (ui_lang ()));
  self->value_mode = g_strdup ("absolute");
  self->text_scale = 1.0;
  self->series_actions = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "series", G_ACTION_GROUP (self->series_actions));

  /* Window size, remembered. */
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* What the chart shows follows the window's properties. */
  on_figure_language_setting_changed_cb (self->settings, "figure-language", self);
  g_object_bind_property (self, "figure-language", self->chart_view, "figure-language", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "log-scale", self->chart_view, "log-scale", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "value-mode", self->chart_view, "value-mode", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "show-events", self->chart_view, "show-events", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "text-scale", self->chart_view, "text-scale", G_BINDING_SYNC_CREATE);
  g_settings_bind (self->settings, "show-events", self, "show-events", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "text-scale", self, "text-scale", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::figure-language",
                           G_CALLBACK (on_figure_language_setting_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::palette", G_CALLBACK (on_palette_setting_changed_cb), self, 0);
  g_signal_connect_object (self->chart_view, "notify::figure-language", G_CALLBACK (on_figure_language_cb), self, 0);
  g_signal_connect_object (self->chart_view, "notify::hidden-series", G_CALLBACK (on_hidden_series_cb), self, 0);
  g_signal_connect_object (self->chart_view, "event-activated", G_CALLBACK (on_chart_event_activated_cb), self, 0);

  /* Colours follow the system's style. */
  g_signal_connect (style, "notify::dark", G_CALLBACK (on_style_changed_cb), self);
  g_signal_connect (style, "notify::high-contrast", G_CALLBACK (on_style_changed_cb), self);
  update_palette (self);

  _karavan_window_init_actions (self);
  _karavan_window_init_lesson (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (gtk_recent_manager_get_default (), "changed", G_CALLBACK (on_recent_changed_cb), self);
  rebuild_recent_menu (self);

  show_view (self, NULL, NULL, TRUE);
}

KaravanWindow *
karavan_window_new (KaravanApplication *application)
{
  return g_object_new (KARAVAN_TYPE_WINDOW, "application", application, NULL);
}

/* ---------------------------------------------------------------------- */
/* For the application and for tests                                      */

/**
 * karavan_window_select_view:
 * @id: a view id, or DATASET_ID:VIEW_ID; when several open datasets
 *   have one id, the second is DATASET_ID#2, the third DATASET_ID#3…
 *
 * Returns: whether a view with that id is open
 */
gboolean
karavan_window_select_view (KaravanWindow *self,
                            const char    *id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), FALSE);

  row = find_row (self, id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->sidebar, row);
  return TRUE;
}

/* DATASET_ID:VIEW_ID of the view shown, or NULL. */
const char *
karavan_window_get_view_id (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->selected_id;
}

/* "chart", "table" or "sources". */
void
karavan_window_set_page (KaravanWindow *self,
                         const char    *page)
{
  g_return_if_fail (KARAVAN_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, page);
}

const char *
karavan_window_get_page (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

KaravanChartView *
karavan_window_get_chart_view (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->chart_view;
}

KaravanTimelineView *
karavan_window_get_timeline_view (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->timeline_view;
}

KaravanDataTable *
karavan_window_get_data_table (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->data_table;
}

KaravanSourcesView *
karavan_window_get_sources_view (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->sources_view;
}

const char *
karavan_window_get_error (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->error;
}

gboolean
karavan_window_is_loading (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), FALSE);

  return self->loads->len > 0;
}

/* Load threads still running, including cancelled ones until they
 * notice; for tests. */
guint
karavan_window_get_n_workers (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), 0);

  return self->n_workers;
}

guint
karavan_window_get_n_datasets (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), 0);

  return self->open->len;
}

/* Returns: (transfer container): the open datasets */
GPtrArray *
karavan_window_get_datasets (KaravanWindow *self)
{
  GPtrArray *datasets = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), datasets);

  for (guint i = 0; i < self->open->len; i++)
    g_ptr_array_add (datasets, g_object_ref (((OpenDataset *) self->open->pdata[i])->dataset));
  return datasets;
}
