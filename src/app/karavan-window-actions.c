/* karavan-window-actions.c: what the menus and shortcuts of the window do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening files, exporting, printing and copying the current view,
 * moving between views and pages, the chart's scale, values and text
 * size, and full screen. Every shortcut is installed here; the
 * shortcuts window (ui/help-overlay.ui) lists them.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "karavan-window-private.h"

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     KaravanWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          karavan_window_open_file (self, file);
          if (folder == NULL)
            folder = g_file_get_parent (file);
        }
      if (folder != NULL)
        {
          g_autofree char *uri = g_file_get_uri (folder);

          g_settings_set_string (self->settings, "last-folder", uri);
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
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder_uri = g_settings_get_string (self->settings, "last-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Karavan Datasets"));
  gtk_file_filter_add_mime_type (filter, KARAVAN_DATASET_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (folder_uri[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folder_uri);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  karavan_window_open_file (KARAVAN_WINDOW (widget), file);
}

static void
on_exported_cb (KaravanExportDialog *dialog,
                GPtrArray           *files,
                KaravanWindow       *self)
{
  g_autofree char *title = NULL;
  gboolean folders = files->len > 0;

  /* A lesson's slides are written into folders. */
  for (guint i = 0; i < files->len; i++)
    if (g_file_query_file_type (files->pdata[i], G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
      folders = FALSE;

  if (folders && files->len == 1)
    {
      g_autofree char *name = _karavan_file_display_name (files->pdata[0]);

      title = g_strdup_printf (_("Exported the slides into “%s”"), name);
    }
  else if (folders)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported the slides into %u folder",
                                          "Exported the slides into %u folders", files->len),
                             files->len);
  else if (files->len == 1)
    {
      g_autofree char *name = _karavan_file_display_name (files->pdata[0]);

      title = g_strdup_printf (_("Exported “%s”"), name);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u file", "Exported %u files", files->len),
                             files->len);
  _karavan_window_show_toast (self, title);
}

/**
 * karavan_window_export:
 *
 * Opens the export dialog for the current view, as Ctrl+E does; for My
 * Lesson, the dialog exports its handout or its slides.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without a view
 */
KaravanExportDialog *
karavan_window_export (KaravanWindow *self)
{
  KaravanExportDialog *dialog;
  KaravanRenderOptions render;
  KaravanValueMode mode = KARAVAN_VALUES_ABSOLUTE;

  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  /* My Lesson: its handout or its slides. */
  if (self->showing_lesson)
    {
      if (karavan_deck_get_n_steps (self->lesson) == 0)
        return NULL;
      dialog = karavan_export_dialog_new_for_deck (GTK_WINDOW (self), self->lesson,
                                                   _karavan_window_get_figure_lang (self));
      g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }

  if (_karavan_window_get_current_view (self) == NULL)
    return NULL;

  _karavan_window_get_render_options (self, &render);
  karavan_value_mode_from_string (self->value_mode, &mode);
  dialog = karavan_export_dialog_new (GTK_WINDOW (self), karavan_chart_view_get_dataset (self->chart_view),
                                      _karavan_window_get_current_view (self), self->log_scale, mode, &render);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  karavan_window_export (KARAVAN_WINDOW (widget));
}

/* Printing: the figure fills the printable area of one page. */
typedef struct {
  KaravanDataset       *dataset;
  KaravanDerivedView   *derived;
  KaravanRenderOptions  render;
  char                 *search;    /* render's strings, owned */
  char                 *selected_event;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->derived, karavan_derived_view_free);
  g_clear_object (&job->dataset);
  g_free (job->search);
  g_free (job->selected_event);
  g_free (job);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  g_autoptr(KaravanFigure) figure = karavan_figure_new (karavan_derived_view_get_view (job->derived), &job->render,
                                                        gtk_print_context_get_width (context),
                                                        gtk_print_context_get_height (context));

  karavan_figure_draw (figure, gtk_print_context_get_cairo_context (context));
}

/**
 * karavan_window_print:
 * @export_to: (nullable): a PDF to write the page to, without asking
 *   (for tests); %NULL shows the print dialog
 *
 * Prints the current view on one page, as Ctrl+P does.
 *
 * Returns: %FALSE with @error set when printing failed
 */
gboolean
karavan_window_print (KaravanWindow  *self,
                      GFile          *export_to,
                      GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  KaravanValueMode mode = KARAVAN_VALUES_ABSOLUTE;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  PrintJob *job;

  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), FALSE);

  if (_karavan_window_get_current_view (self) == NULL)
    return TRUE;

  job = g_new0 (PrintJob, 1);
  job->dataset = g_object_ref (karavan_chart_view_get_dataset (self->chart_view));
  karavan_value_mode_from_string (self->value_mode, &mode);
  job->derived = karavan_derived_view_new (_karavan_window_get_current_view (self), self->log_scale, mode);
  _karavan_window_get_render_options (self, &job->render);
  job->search = g_strdup (job->render.search);
  job->selected_event = g_strdup (job->render.selected_event);
  job->render.search = job->search;
  job->render.selected_event = job->selected_event;
  /* Paper: print type and colours. */
  job->render.font_size = 0;
  job->render.palette = KARAVAN_PALETTE_LIGHT;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, gtk_window_get_title (GTK_WINDOW (self)));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), NULL);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) print_job_free, 0);

  if (export_to != NULL)
    {
      g_autofree char *path = g_file_get_path (export_to);

      gtk_print_operation_set_export_filename (operation, path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }

  return gtk_print_operation_run (operation, action, GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!karavan_window_print (self, NULL, &error))
    _karavan_window_show_error (self, _("Could not print"), error->message);
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  const KaravanView *view = karavan_chart_view_get_shown_view (self->chart_view);
  g_autofree char *palette = g_settings_get_string (self->settings, "export-palette");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  KaravanExportOptions options;
  int width = gtk_widget_get_width (GTK_WIDGET (self->chart_view));
  int height = gtk_widget_get_height (GTK_WIDGET (self->chart_view));

  if (view == NULL)
    return;

  /* The figure as laid out on screen, at twice the pixels. */
  karavan_export_options_init (&options, KARAVAN_EXPORT_PNG, _karavan_window_get_figure_lang (self));
  _karavan_window_get_render_options (self, &options.render);
  if (options.render.font_size == 0)
    options.render.font_size = 11;
  karavan_palette_from_string (palette, &options.render.palette);
  options.dpi = 144;
  options.width = MAX (width, 320) * 2;
  options.height = MAX (height, 200) * 2;

  bytes = karavan_export_to_bytes (view, &options, &error);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      _karavan_window_show_error (self, _("Could not copy the chart"), error->message);
      return;
    }

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  _karavan_window_show_toast (self, _("Chart copied as an image"));
}

/* Fields joined by tabs; tabs and line breaks inside a field become
 * spaces, as spreadsheets paste TSV. */
char *
karavan_csv_to_tsv (const char *csv)
{
  GString *out = g_string_new (NULL);
  gboolean quoted = FALSE;

  g_return_val_if_fail (csv != NULL, NULL);

  for (const char *p = csv; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (out, '"'), p++;
          else if (*p == '"')
            quoted = FALSE;
          else if (*p == '\t' || *p == '\r' || *p == '\n')
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        g_string_append_c (out, '\t');
      else if (*p == '\r')
        continue;
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
copy_data_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  const KaravanView *view = _karavan_window_get_current_view (self);
  gboolean tsv = g_str_equal (action_name, "win.copy-tsv");
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  if (view == NULL)
    return;

  csv = karavan_view_to_csv (view, _karavan_window_get_figure_lang (self));
  text = tsv ? karavan_csv_to_tsv (csv) : g_strdup (csv);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _karavan_window_show_toast (self, tsv ? _("Data copied as TSV") : _("Data copied as CSV"));
}

/* Ctrl+C copies what the page shows. */
static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "table") == 0)
    copy_data_action (widget, "win.copy-tsv", NULL);
  else if (g_strcmp0 (page, "sources") == 0)
    {
      g_autofree char *text = karavan_sources_view_get_text (self->sources_view);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
      _karavan_window_show_toast (self, _("Sources copied"));
    }
  else
    copy_image_action (widget, "win.copy-image", NULL);
}

static void
move_view (KaravanWindow *self,
           int            direction)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar);
  GtkWidget *row = selected ? GTK_WIDGET (selected) : NULL;

  if (row == NULL)
    return;

  do
    row = direction > 0 ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);
  while (row != NULL && g_object_get_data (G_OBJECT (row), "view") == NULL);

  if (row != NULL)
    {
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
      gtk_widget_grab_focus (row);
    }
}

static void
next_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_view (KARAVAN_WINDOW (widget), g_str_equal (action_name, "win.next-view") ? 1 : -1);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  karavan_window_set_page (KARAVAN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
toggle_log_scale_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);

  g_object_set (self, "log-scale", !self->log_scale, NULL);
}

static void
next_value_mode_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  KaravanValueMode mode = KARAVAN_VALUES_ABSOLUTE;

  karavan_value_mode_from_string (self->value_mode, &mode);
  mode = (mode + 1) % 3;
  g_object_set (self, "value-mode", karavan_value_mode_to_string (mode), NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  double scale = self->text_scale;

  if (g_str_equal (action_name, "win.zoom-in"))
    scale *= 1.15;
  else if (g_str_equal (action_name, "win.zoom-out"))
    scale /= 1.15;
  else
    scale = 1.0;

  g_object_set (self, "text-scale", CLAMP (round (scale * 100) / 100, 0.5, 3.0), NULL);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_fullscreen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

/* Full screen is for projecting: the figure takes the whole width. */
static void
on_fullscreened_cb (GtkWindow     *window,
                    GParamSpec    *pspec,
                    KaravanWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (window);

  gtk_widget_set_visible (self->sidebar_box, !fullscreen);
  gtk_widget_set_visible (self->sidebar_separator, !fullscreen);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (KARAVAN_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _karavan_window_show_error (KARAVAN_WINDOW (widget), NULL, NULL);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _karavan_window_show_toast (KARAVAN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_karavan_window_init_actions (KaravanWindow *self)
{
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened_cb), self);
}

void
_karavan_window_class_init_actions (GtkWidgetClass *widget_class)
{
  /* Files */
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  /* Copying */
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.copy-csv", NULL, copy_data_action);
  gtk_widget_class_install_action (widget_class, "win.copy-tsv", NULL, copy_data_action);
  /* Views and pages */
  gtk_widget_class_install_action (widget_class, "win.next-view", NULL, next_view_action);
  gtk_widget_class_install_action (widget_class, "win.previous-view", NULL, next_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.leave-fullscreen", NULL, leave_fullscreen_action);
  /* The chart */
  gtk_widget_class_install_property_action (widget_class, "win.figure-language", "figure-language");
  gtk_widget_class_install_property_action (widget_class, "win.log-scale", "log-scale");
  gtk_widget_class_install_property_action (widget_class, "win.value-mode", "value-mode");
  gtk_widget_class_install_property_action (widget_class, "win.show-events", "show-events");
  gtk_widget_class_install_action (widget_class, "win.toggle-log-scale", NULL, toggle_log_scale_action);
  gtk_widget_class_install_action (widget_class, "win.next-value-mode", NULL, next_value_mode_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  /* Messages */
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);

  /* Shortcuts; ui/help-overlay.ui lists them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "chart");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "table");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "sources");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.toggle-log-scale", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.next-value-mode", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
