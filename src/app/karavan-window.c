/* karavan-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists every view of every open dataset, grouped by
 * dataset. Files load in a worker thread; an opened file is watched and
 * reloaded when it changes, and when the new version is broken the last
 * good one stays on screen beside the error.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-window.h"

typedef struct {
  KaravanDataset *dataset;
  GFile          *file;      /* NULL for bundled datasets */
  GFileMonitor   *monitor;
} OpenDataset;

struct _KaravanWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwWindowTitle       *title;
  KaravanChartView     *chart_view;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwToastOverlay      *toasts;
  AdwStatusPage        *empty_page;
  GtkStack             *stack;

  /* Owned */
  GPtrArray            *open;        /* OpenDataset* */
  char                 *error;
  char                 *selected_id;
  gboolean              bundled_loaded;
};

G_DEFINE_FINAL_TYPE (KaravanWindow, karavan_window, ADW_TYPE_APPLICATION_WINDOW)

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
  g_free (open);
}

static const char *
view_icon (const KaravanView *view)
{
  switch (view->kind)
    {
    case KARAVAN_VIEW_TIMELINE: return "x-office-calendar-symbolic";
    case KARAVAN_VIEW_TABLE: return "view-grid-symbolic";
    case KARAVAN_VIEW_LESSON: return "view-presentation-symbolic";
    case KARAVAN_VIEW_CHART:
    default: return "org.gnome.Settings-applications-symbolic";
    }
}

static void
show_error (KaravanWindow *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
select_row_for (KaravanWindow *self,
                const char    *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *row_id = g_object_get_data (G_OBJECT (child), "view-id");

      if (row_id != NULL && g_strcmp0 (row_id, id) == 0)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

static void
rebuild_sidebar (KaravanWindow *self)
{
  KaravanLang lang = karavan_chart_view_get_lang (self->chart_view);
  GtkWidget *child;
  g_autofree char *keep = g_strdup (self->selected_id);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = self->open->pdata[i];
      GPtrArray *views = karavan_dataset_get_views (open->dataset);
      const char *dataset_title = karavan_text_get (karavan_dataset_get_title (open->dataset), lang);
      GtkWidget *header = gtk_label_new (dataset_title ? dataset_title : karavan_dataset_get_id (open->dataset));
      GtkWidget *header_row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_set_margin_top (header, i == 0 ? 6 : 18);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_end (header, 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (header_row), header);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (header_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (header_row), FALSE);
      gtk_list_box_append (self->sidebar, header_row);

      for (guint j = 0; j < views->len; j++)
        {
          KaravanView *view = views->pdata[j];
          const char *title = karavan_text_get (&view->title, lang);
          GtkWidget *row = gtk_list_box_row_new ();
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
          GtkWidget *icon = gtk_image_new_from_icon_name (view_icon (view));
          GtkWidget *label = gtk_label_new (title ? title : view->id);
          g_autofree char *qualified = g_strdup_printf ("%s:%s", karavan_dataset_get_id (open->dataset), view->id);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_lines (GTK_LABEL (label), 3);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_box_append (GTK_BOX (box), icon);
          gtk_box_append (GTK_BOX (box), label);
          gtk_widget_set_margin_top (box, 8);
          gtk_widget_set_margin_bottom (box, 8);
          gtk_widget_set_margin_start (box, 12);
          gtk_widget_set_margin_end (box, 12);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : view->id, -1);
          g_object_set_data_full (G_OBJECT (row), "view-id", g_steal_pointer (&qualified), g_free);
          g_object_set_data (G_OBJECT (row), "view", view);
          g_object_set_data (G_OBJECT (row), "dataset", open->dataset);
          gtk_list_box_append (self->sidebar, row);
        }
    }

  gtk_stack_set_visible_child_name (self->stack, self->open->len > 0 ? "chart" : "empty");

  if (keep != NULL)
    select_row_for (self, keep);
  if (gtk_list_box_get_selected_row (self->sidebar) == NULL)
    {
      /* The first view of the first dataset. */
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child; child = gtk_widget_get_next_sibling (child))
        if (g_object_get_data (G_OBJECT (child), "view") != NULL)
          {
            gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
            break;
          }
    }
}

static void
on_row_selected_cb (GtkListBox    *box,
                    GtkListBoxRow *row,
                    KaravanWindow *self)
{
  KaravanView *view;
  KaravanDataset *dataset;
  KaravanLang lang = karavan_chart_view_get_lang (self->chart_view);
  const char *title;

  if (row == NULL || (view = g_object_get_data (G_OBJECT (row), "view")) == NULL)
    return;

  dataset = g_object_get_data (G_OBJECT (row), "dataset");
  g_free (self->selected_id);
  self->selected_id = g_strdup (g_object_get_data (G_OBJECT (row), "view-id"));

  karavan_chart_view_set_view (self->chart_view, dataset, view);
  title = karavan_text_get (&view->title, lang);
  adw_window_title_set_title (self->title, title ? title : view->id);
  adw_window_title_set_subtitle (self->title, karavan_text_get (karavan_dataset_get_title (dataset), lang));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Adds a dataset, or replaces the one loaded from the same place. */
static void
add_dataset (KaravanWindow  *self,
             KaravanDataset *dataset,
             GFile          *file)
{
  OpenDataset *open = NULL;

  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *o = self->open->pdata[i];

      if (file != NULL && o->file != NULL && g_file_equal (o->file, file))
        open = o;
    }

  if (open == NULL)
    {
      open = g_new0 (OpenDataset, 1);
      open->file = file ? g_object_ref (file) : NULL;
      g_ptr_array_add (self->open, open);
    }

  /* The chart view keeps its own reference to the old dataset until it
   * is given the new one by rebuild_sidebar(). */
  g_set_object (&open->dataset, dataset);
  rebuild_sidebar (self);
}

static void load_file_async (KaravanWindow *self, GFile *file);

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    KaravanWindow     *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN)
    load_file_async (self, g_object_get_data (G_OBJECT (monitor), "file"));
}

static void
watch (KaravanWindow *self,
       GFile         *file)
{
  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = self->open->pdata[i];

      if (open->file != NULL && g_file_equal (open->file, file) && open->monitor == NULL)
        {
          /* Watch the folder: editors save by renaming a new file over
           * the old one, which a file monitor would lose track of. */
          open->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
          if (open->monitor != NULL)
            {
              g_object_set_data_full (G_OBJECT (open->monitor), "file", g_object_ref (file), g_object_unref);
              g_file_monitor_set_rate_limit (open->monitor, 200);
              g_signal_connect_object (open->monitor, "changed", G_CALLBACK (on_file_changed_cb), self, 0);
            }
        }
    }
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  g_autoptr(GError) error = NULL;
  KaravanDataset *dataset;

  if (path == NULL)
    {
      g_task_return_new_error (task, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s", _("Only local files can be opened"));
      return;
    }

  dataset = karavan_dataset_load_file (path, &error);
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
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = g_task_propagate_pointer (G_TASK (result), &error);

  if (dataset == NULL)
    {
      /* The last good state stays; the error says where the file broke. */
      show_error (self, error->message);
      watch (self, file);
      return;
    }

  show_error (self, NULL);
  add_dataset (self, dataset, file);
  watch (self, file);
}

static void
load_file_async (KaravanWindow *self,
                 GFile         *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_loaded_cb, NULL);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

void
karavan_window_open_file (KaravanWindow *self,
                          GFile         *file)
{
  g_return_if_fail (KARAVAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load_file_async (self, file);
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
      show_error (self, error->message);
      return;
    }

  /* Bundled data is small and known good: load it before the first frame. */
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (paths->pdata[i], &load_error);

      if (dataset == NULL)
        show_error (self, load_error->message);
      else
        add_dataset (self, dataset, NULL);
    }
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     KaravanWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          karavan_window_open_file (self, file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Karavan datasets"));
  gtk_file_filter_add_mime_type (filter, "application/x-karavan-dataset");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_dismiss_error_cb (GtkButton     *button,
                     KaravanWindow *self)
{
  show_error (self, NULL);
}

static void
karavan_window_dispose (GObject *object)
{
  KaravanWindow *self = KARAVAN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KARAVAN_TYPE_WINDOW);
  g_clear_pointer (&self->open, g_ptr_array_unref);

  G_OBJECT_CLASS (karavan_window_parent_class)->dispose (object);
}

static void
karavan_window_finalize (GObject *object)
{
  KaravanWindow *self = KARAVAN_WINDOW (object);

  g_free (self->error);
  g_free (self->selected_id);

  G_OBJECT_CLASS (karavan_window_parent_class)->finalize (object);
}

static void
karavan_window_class_init (KaravanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_window_dispose;
  object_class->finalize = karavan_window_finalize;

  g_type_ensure (KARAVAN_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/karavan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KaravanWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_error_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
}

static void
karavan_window_init (KaravanWindow *self)
{
  self->open = g_ptr_array_new_with_free_func ((GDestroyNotify) open_dataset_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

KaravanWindow *
karavan_window_new (KaravanApplication *application)
{
  return g_object_new (KARAVAN_TYPE_WINDOW, "application", application, NULL);
}

gboolean
karavan_window_select_view (KaravanWindow *self,
                            const char    *id)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *row_id = g_object_get_data (G_OBJECT (child), "view-id");
      KaravanView *view = g_object_get_data (G_OBJECT (child), "view");

      if (view != NULL && (g_strcmp0 (row_id, id) == 0 || g_strcmp0 (view->id, id) == 0))
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }

  return FALSE;
}

KaravanChartView *
karavan_window_get_chart_view (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->chart_view;
}

const char *
karavan_window_get_error (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->error;
}

guint
karavan_window_get_n_datasets (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), 0);

  return self->open->len;
}
