/* karavan-window-lesson.c: presenting, and the lesson made in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * F5 presents what the window shows: a lesson's steps, or the view on
 * screen alone, in the figure language and with the series, categories
 * and events shown. Ctrl+D adds the view, with the same toggles, to My
 * Lesson, a deck the window keeps for the session; its row at the top of
 * the sidebar opens the lesson editor, from which the lesson is
 * presented, exported as a handout or saved as a <lesson> into one of
 * the user's dataset files.
 *
 * A lesson can only show views of its own file, and the bundled files
 * are never written: both are checked before anything is written, with
 * messages that say what to do.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "karavan-window-private.h"

#define LESSON_ID "my-lesson"

static KaravanLang
ui_lang (void)
{
  return karavan_lang_from_environment ();
}

/* ---------------------------------------------------------------------- */
/* The sidebar's row and the actions                                      */

static void
update_lesson_row (KaravanWindow *self)
{
  guint n = karavan_deck_get_n_steps (self->lesson);
  g_autofree char *count = NULL;
  g_autofree char *name = NULL;

  if (self->lesson_row == NULL)
    return;

  if (n == 0)
    count = g_strdup (_("No steps yet"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n), n);
  gtk_label_set_text (self->lesson_count, count);

  /* TRANSLATORS: the sidebar's My Lesson row for a screen reader, as in "My Lesson, 3 steps" */
  name = g_strdup_printf (_("My Lesson, %s"), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lesson_row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

GtkWidget *
_karavan_window_make_lesson_row (KaravanWindow *self)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("view-list-ordered-symbolic");
  GtkWidget *title = gtk_label_new (_("My Lesson"));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lesson"), -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), count);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("The lesson you make: add views with Ctrl+D"));

  self->lesson_row = row;
  self->lesson_count = GTK_LABEL (count);
  update_lesson_row (self);

  return row;
}

void
_karavan_window_update_lesson_actions (KaravanWindow *self)
{
  const KaravanView *view = _karavan_window_get_current_view (self);
  gboolean has_steps = karavan_deck_get_n_steps (self->lesson) > 0;
  gboolean has_view = view != NULL && !self->showing_lesson;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", self->showing_lesson ? has_steps : has_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->showing_lesson ? has_steps : has_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-lesson",
                                 has_view && view->kind != KARAVAN_VIEW_LESSON);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-lesson", has_steps);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-lesson", has_steps);
}

/* The lesson's row is selected: the editor takes the view's place. */
void
_karavan_window_show_lesson_page (KaravanWindow *self)
{
  g_autofree char *title = g_strdup_printf ("%s — Karavan", _("My Lesson"));

  self->showing_lesson = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "lesson");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  adw_view_switcher_title_set_title (self->switcher_title, _("My Lesson"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
  _karavan_window_update_actions (self);
}

static void
on_lesson_changed_cb (KaravanLessonEditor *editor,
                      KaravanWindow       *self)
{
  update_lesson_row (self);
  _karavan_window_update_actions (self);
}

/* ---------------------------------------------------------------------- */
/* Presenting                                                             */

/* One presentation at a time: a new one takes the old one's place. */
static KaravanPresentationWindow *
show_presentation (KaravanWindow             *self,
                   KaravanPresentationWindow *presentation)
{
  if (self->presentation != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->presentation), (gpointer *) &self->presentation);
      gtk_window_destroy (self->presentation);
    }
  self->presentation = GTK_WINDOW (presentation);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &self->presentation);

  karavan_presentation_window_present_on (presentation, GTK_WINDOW (self));
  return presentation;
}

static KaravanPresentationWindow *
present_deck (KaravanWindow *self,
              KaravanDeck   *deck)
{
  g_autoptr(KaravanDeck) copy = NULL;
  KaravanPresentationWindow *presentation;

  if (karavan_deck_get_n_steps (deck) == 0)
    return NULL;

  /* A copy: My Lesson may change while it is projected. */
  copy = karavan_lesson_copy_deck (deck, TRUE);
  presentation = karavan_presentation_window_new (gtk_window_get_application (GTK_WINDOW (self)), copy,
                                                  _karavan_window_get_figure_lang (self));
  return show_presentation (self, presentation);
}

/**
 * karavan_window_present:
 *
 * Presents what the window shows, as F5 does: My Lesson when its row is
 * selected, a lesson's steps, or the view shown alone, in the figure
 * language and with the series, categories and events shown.
 *
 * Returns: (transfer none) (nullable): the presentation window, or
 *   %NULL when there is nothing to present
 */
KaravanPresentationWindow *
karavan_window_present (KaravanWindow *self)
{
  const KaravanView *view;
  KaravanPresentationWindow *presentation;
  KaravanRenderOptions toggles;

  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  if (self->showing_lesson)
    return present_deck (self, self->lesson);

  view = _karavan_window_get_current_view (self);
  if (view == NULL)
    return NULL;

  _karavan_window_get_render_options (self, &toggles);
  presentation = karavan_presentation_window_new_for_view (gtk_window_get_application (GTK_WINDOW (self)),
                                                           karavan_chart_view_get_dataset (self->chart_view),
                                                           view, &toggles);
  return show_presentation (self, presentation);
}

/**
 * karavan_window_present_lesson:
 *
 * Presents My Lesson, whatever the window shows.
 *
 * Returns: (transfer none) (nullable): the presentation window, or
 *   %NULL when the lesson has no steps
 */
KaravanPresentationWindow *
karavan_window_present_lesson (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return present_deck (self, self->lesson);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (g_str_equal (action_name, "win.present-lesson"))
    karavan_window_present_lesson (KARAVAN_WINDOW (widget));
  else
    karavan_window_present (KARAVAN_WINDOW (widget));
}

/* ---------------------------------------------------------------------- */
/* Building                                                               */

static void
on_lesson_toast_dismissed_cb (AdwToast      *toast,
                              KaravanWindow *self)
{
  if (self->lesson_toast == toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->lesson_toast);
      self->lesson_toast = NULL;
    }
}

/**
 * karavan_window_add_to_lesson:
 *
 * Adds the view shown to My Lesson, as Ctrl+D does, with its figure
 * language and the series, categories and events shown.
 *
 * Returns: whether a step was added (a lesson cannot be a step)
 */
gboolean
karavan_window_add_to_lesson (KaravanWindow *self)
{
  const KaravanView *view;
  const char *title;
  KaravanRenderOptions toggles;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), FALSE);

  view = _karavan_window_get_current_view (self);
  if (view == NULL || self->showing_lesson || view->kind == KARAVAN_VIEW_LESSON)
    return FALSE;

  _karavan_window_get_render_options (self, &toggles);
  if (karavan_deck_add_view (self->lesson, karavan_chart_view_get_dataset (self->chart_view), view, &toggles) == NULL)
    return FALSE;

  karavan_lesson_editor_refresh (self->lesson_editor);
  update_lesson_row (self);
  _karavan_window_update_actions (self);

  title = karavan_text_get (&view->title, _karavan_window_get_figure_lang (self));
  /* TRANSLATORS: a toast; %s is the title of a chart, a timeline or a table */
  message = g_strdup_printf (_("Added “%s” to My Lesson"), title ? title : view->id);

  /* Views added one after another update one toast, not a queue of them. */
  if (self->lesson_toast != NULL)
    {
      adw_toast_set_title (self->lesson_toast, message);
      return TRUE;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-lesson");
  self->lesson_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->lesson_toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_lesson_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);

  return TRUE;
}

static void
add_to_lesson_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  karavan_window_add_to_lesson (KARAVAN_WINDOW (widget));
}

/* Returns: (transfer none): My Lesson */
KaravanDeck *
karavan_window_get_lesson (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->lesson;
}

/* Returns: (transfer none): the editor of My Lesson */
KaravanLessonEditor *
karavan_window_get_lesson_editor (KaravanWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), NULL);

  return self->lesson_editor;
}

/* Selects My Lesson's row: the editor shows. */
void
karavan_window_show_lesson (KaravanWindow *self)
{
  g_return_if_fail (KARAVAN_IS_WINDOW (self));

  if (self->lesson_row == NULL)
    return;

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (self->lesson_row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  karavan_window_show_lesson (KARAVAN_WINDOW (widget));
}

/* ---------------------------------------------------------------------- */
/* Saving into a dataset file                                             */

/* Whether @path is one of the datasets that come with Karavan. */
static gboolean
is_bundled (const char *path)
{
  g_autofree char *dir = karavan_get_datasets_dir ();
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *real_path = realpath (path, NULL);
  g_autofree char *parent = NULL;

  if (real_dir == NULL || real_path == NULL)
    return FALSE;

  parent = g_path_get_dirname (real_path);
  return g_str_equal (parent, real_dir);
}

/* An id no view of @target has, for a lesson saved there the first time. */
static char *
free_id (KaravanDataset *target)
{
  if (karavan_dataset_find_view (target, LESSON_ID) == NULL)
    return g_strdup (LESSON_ID);

  for (guint i = 2;; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", LESSON_ID, i);

      if (karavan_dataset_find_view (target, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * karavan_window_save_lesson:
 * @file: a dataset file of the user's that holds every view of My Lesson
 *
 * Writes My Lesson into @file as a <lesson>, then loads @file again and
 * shows the lesson. The first save into a file takes an id no view of
 * the file has; later saves into the same file replace that lesson.
 * Bundled datasets and files without the lesson's views are refused
 * before anything is written.
 *
 * Returns: %FALSE with @error set when the lesson was not saved
 */
gboolean
karavan_window_save_lesson (KaravanWindow  *self,
                            GFile          *file,
                            GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *id = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(KaravanDataset) target = NULL;
  const char *title;
  guint n;

  g_return_val_if_fail (KARAVAN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  n = karavan_deck_get_n_steps (self->lesson);
  path = g_file_get_path (file);
  name = _karavan_file_display_name (file);

  if (n == 0)
    {
      g_set_error_literal (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID,
                           _("My Lesson has no steps yet. Add views to it with Add to Lesson (Ctrl+D)."));
      return FALSE;
    }
  if (karavan_text_is_empty (karavan_deck_get_title (self->lesson)))
    {
      g_set_error_literal (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID,
                           _("The lesson has no title. Give it one in My Lesson."));
      return FALSE;
    }
  if (path == NULL)
    {
      g_set_error_literal (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("Lessons can only be saved into local files."));
      return FALSE;
    }
  if (is_bundled (path))
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID,
                   _("“%s” comes with Karavan and is never changed. Save the lesson into a dataset file of "
                     "your own that holds the views it shows."), name);
      return FALSE;
    }

  target = karavan_dataset_load_file (path, error);
  if (target == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const KaravanDeckStep *step = karavan_deck_get_step (self->lesson, i);
      const KaravanView *there = karavan_dataset_find_view (target, step->view->id);

      if (there == NULL || there->kind == KARAVAN_VIEW_LESSON)
        {
          const char *view_title = karavan_text_get (&step->view->title, ui_lang ());

          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID,
                       /* TRANSLATORS: %u is a step's number, the first %s the title of its view, the second a file */
                       _("Step %u, “%s”, is not a view of “%s”. A lesson can only show the charts, timelines and "
                         "tables of the file it is saved in: remove the step, or choose the file it comes from."),
                       i + 1, view_title ? view_title : step->view->id, name);
          return FALSE;
        }
    }

  /* The same file again: the same lesson, replaced. */
  uri = g_file_get_uri (file);
  id = g_strdup (g_hash_table_lookup (self->lesson_ids, uri));
  if (id == NULL)
    id = free_id (target);
  karavan_deck_set_id (self->lesson, id);

  _karavan_window_set_watching (self, file, FALSE);
  if (!karavan_deck_save_to_file (self->lesson, path, error))
    {
      _karavan_window_set_watching (self, file, TRUE);
      return FALSE;
    }
  g_hash_table_replace (self->lesson_ids, g_steal_pointer (&uri), g_strdup (id));

  title = karavan_text_get (karavan_deck_get_title (self->lesson), _karavan_window_get_figure_lang (self));
  /* TRANSLATORS: a toast: the lesson's title and the file it was saved in */
  toast = g_strdup_printf (_("Saved “%s” in “%s”"), title, name);
  _karavan_window_load_and_select (self, file, id, toast);

  return TRUE;
}

static void
show_save_error (KaravanWindow *self,
                 const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Lesson"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_lesson_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            KaravanWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && !karavan_window_save_lesson (self, file, &error))
    show_save_error (self, error);
}

/* The file of the first step's dataset, when it is one of the user's. */
static GFile *
suggested_file (KaravanWindow *self)
{
  const KaravanDeckStep *step;
  const char *dataset_id;

  if (karavan_deck_get_n_steps (self->lesson) == 0)
    return NULL;

  step = karavan_deck_get_step (self->lesson, 0);
  /* That very dataset first: copies of one file share its id. */
  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = self->open->pdata[i];

      if (open->file != NULL && open->dataset == step->dataset)
        return g_object_ref (open->file);
    }
  dataset_id = karavan_dataset_get_id (step->dataset);
  for (guint i = 0; i < self->open->len; i++)
    {
      OpenDataset *open = self->open->pdata[i];

      if (open->file != NULL && g_strcmp0 (karavan_dataset_get_id (open->dataset), dataset_id) == 0)
        return g_object_ref (open->file);
    }
  return NULL;
}

static void
save_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KaravanWindow *self = KARAVAN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) suggested = suggested_file (self);
  g_autofree char *folder_uri = g_settings_get_string (self->settings, "last-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Lesson to Dataset"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Karavan Datasets"));
  gtk_file_filter_add_mime_type (filter, KARAVAN_DATASET_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), suggested, NULL);
  else if (folder_uri[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folder_uri);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_lesson_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------------- */
/* Set-up                                                                 */

void
_karavan_window_init_lesson (KaravanWindow *self)
{
  self->lesson = karavan_deck_new (LESSON_ID);
  karavan_deck_set_title (self->lesson, ui_lang (), _("My Lesson"));
  self->lesson_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  karavan_lesson_editor_set_lang (self->lesson_editor, _karavan_window_get_figure_lang (self));
  karavan_lesson_editor_set_deck (self->lesson_editor, self->lesson);
  g_signal_connect_object (self->lesson_editor, "changed", G_CALLBACK (on_lesson_changed_cb), self, 0);
}

void
_karavan_window_finalize_lesson (KaravanWindow *self)
{
  if (self->lesson_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->lesson_toast), (gpointer *) &self->lesson_toast);
  if (self->presentation != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->presentation), (gpointer *) &self->presentation);
  g_clear_pointer (&self->lesson, karavan_deck_unref);
  g_clear_pointer (&self->lesson_ids, g_hash_table_unref);
}

void
_karavan_window_class_init_lesson (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-lesson", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-lesson", NULL, add_to_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.show-lesson", NULL, show_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.save-lesson", NULL, save_lesson_action);

  /* Shortcuts; ui/help-overlay.ui lists them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.add-to-lesson", NULL);
}
