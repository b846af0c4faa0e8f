/* test-lesson.c: teaching mode in the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * F5 goes through the X server (XTEST, as xdotool sends it) and the
 * window's shortcuts; the lesson editor is worked through its own
 * buttons and entries; saving writes into a copy of a teacher's dataset
 * and the window loads it back; the export dialog writes handouts that
 * pdfinfo reads.
 */
#include <string.h>

#include <X11/Xlibint.h>
#include <X11/keysym.h>
#include <X11/extensions/xtestproto.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "karavan-window.h"

typedef struct {
  KaravanWindow *window;
  char          *dir;
  gpointer       old_presentation;  /* not to be mistaken for a new one */
} Fixture;

/* A dataset the steps of My Lesson do not come from. */
static const char other_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"other\">\n"
  "  <title xml:lang=\"en\">Another class</title>\n"
  "  <sources>\n"
  "    <source id=\"s\" url=\"https://example.org/\" accessed=\"2025-11-20\">\n"
  "      <citation xml:lang=\"en\">A source.</citation>\n"
  "    </source>\n"
  "  </sources>\n"
  "  <series id=\"a\" sources=\"s\">\n"
  "    <title xml:lang=\"en\">A</title>\n"
  "    <definition xml:lang=\"en\">A series.</definition>\n"
  "    <points><point x=\"2020\" y=\"1\"/><point x=\"2021\" y=\"2\"/></points>\n"
  "  </series>\n"
  "  <chart id=\"line\" type=\"line\" series=\"a\">\n"
  "    <title xml:lang=\"en\">A line</title>\n"
  "  </chart>\n"
  "</dataset>\n";

/* ---------------------------------------------------------------------- */
/* Keys through the X server                                              */

/* XTestFakeInput, as libXtst sends it (its headers are not a build
 * dependency). */
static gboolean
xtest_fake (Display      *dpy,
            int           type,
            unsigned int  detail)
{
  xXTestFakeInputReq *req;
  int opcode, first_event, first_error;

  if (!XQueryExtension (dpy, "XTEST", &opcode, &first_event, &first_error))
    return FALSE;

  LockDisplay (dpy);
  GetReq (XTestFakeInput, req);
  req->reqType = opcode;
  req->xtReqType = X_XTestFakeInput;
  req->type = type;
  req->detail = detail;
  req->time = CurrentTime;
  req->root = None;
  req->rootX = 0;
  req->rootY = 0;
  req->deviceid = 0;
  UnlockDisplay (dpy);
  SyncHandle ();
  XSync (dpy, False);
  return TRUE;
}

static Display *
get_xdisplay (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  return display != NULL && GDK_IS_X11_DISPLAY (display) ? gdk_x11_display_get_xdisplay (display) : NULL;
}

static void
press_key (guint keysym)
{
  Display *dpy = get_xdisplay ();
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  g_assert_cmpuint (code, !=, 0);
  g_assert_true (xtest_fake (dpy, KeyPress, code));
  g_assert_true (xtest_fake (dpy, KeyRelease, code));
}

/* No window manager: the test gives the window the keyboard itself. */
static void
focus (GtkWindow *window)
{
  Display *dpy = get_xdisplay ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (dpy, False);
}

/* ---------------------------------------------------------------------- */
/* Waiting                                                                */

typedef gboolean (*Condition) (Fixture *f);

static void
wait_for (Condition  done,
          Fixture   *f)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 10;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
chart_ready (Fixture *f)
{
  GtkWidget *chart = GTK_WIDGET (karavan_window_get_chart_view (f->window));

  return gtk_widget_get_mapped (chart) && gtk_widget_get_width (chart) > 200;
}

static gboolean
not_loading (Fixture *f)
{
  return !karavan_window_is_loading (f->window);
}

static KaravanPresentationWindow *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KARAVAN_IS_PRESENTATION_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KARAVAN_PRESENTATION_WINDOW (window);
    }
  return NULL;
}

static guint
count_presentations (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KARAVAN_IS_PRESENTATION_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

static gboolean
presenting (Fixture *f)
{
  KaravanPresentationWindow *presentation = find_presentation ();

  return presentation != NULL && (gpointer) presentation != f->old_presentation;
}

static gboolean
not_presenting (Fixture *f)
{
  return find_presentation () == NULL;
}

/* ---------------------------------------------------------------------- */
/* Files                                                                  */

static char *
copy_teacher_dataset (Fixture *f)
{
  g_autofree char *source = g_build_filename (TESTS_SRCDIR, "teaching", "my-dataset.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, "my-class.xml", NULL);
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
open_path (Fixture    *f,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  karavan_window_open_file (f->window, file);
  wait_for (not_loading, f);
  settle ();
}

static void
select_view (Fixture    *f,
             const char *id)
{
  g_assert_true (karavan_window_select_view (f->window, id));
  settle ();
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, id);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  guint n = 0;
  int status;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (program != NULL)
    {
      const char *argv[] = { program, path, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      line = strstr (out, "Pages:");
      g_assert_nonnull (line);
      return (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + strlen ("Pages:"), " "), NULL, 10);
    }

  /* Without poppler-utils: the page objects cairo writes. */
  g_test_message ("pdfinfo is not installed: counting page objects");
  for (const char *p = contents; (p = strstr (p, "/Type /Page")) != NULL; p += 11)
    if (p[11] != 's')
      n++;
  return n;
}

static char *
pdf_title (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { program, path, NULL };
  const char *line;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               NULL, NULL));
  line = strstr (out, "Title:");
  g_assert_nonnull (line);
  line += strlen ("Title:") + strspn (line + strlen ("Title:"), " ");
  return g_strndup (line, strcspn (line, "\n"));
}

/* The button of a step's row with @icon_name. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *icon_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
step_button (Fixture    *f,
             guint       index,
             const char *icon_name)
{
  GtkWidget *row = karavan_lesson_editor_get_step_row (karavan_window_get_lesson_editor (f->window), index);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = find_button (row, icon_name);
  g_assert_nonnull (button);
  return button;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

static const char *
step_view_id (Fixture *f,
              guint    index)
{
  return karavan_deck_get_step (karavan_window_get_lesson (f->window), index)->view->id;
}

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("karavan-lesson-XXXXXX", &error);
  g_assert_no_error (error);

  f->window = g_object_ref_sink (karavan_window_new (NULL));
  karavan_window_load_bundled (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (chart_ready, f);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  KaravanPresentationWindow *presentation;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.karavan.Karavan");

  while ((presentation = find_presentation ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  g_object_unref (f->window);

  remove_tree (f->dir);
  g_free (f->dir);
  g_settings_reset (settings, "figure-language");
  g_settings_reset (settings, "last-folder");
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Presses F5 and returns the presentation it opened. */
static KaravanPresentationWindow *
press_f5 (Fixture *f)
{
  KaravanPresentationWindow *presentation;

  focus (GTK_WINDOW (f->window));
  settle ();
  press_key (XK_F5);
  wait_for (presenting, f);
  presentation = find_presentation ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (presentation)) == GTK_WINDOW (f->window));
  return presentation;
}

static void
leave (Fixture                   *f,
       KaravanPresentationWindow *presentation)
{
  focus (GTK_WINDOW (presentation));
  settle ();
  press_key (XK_Escape);
  wait_for (not_presenting, f);
}

/* F5 presents the view shown, in the figure language and with the
 * series shown; a lesson's steps; My Lesson from its page. */
static void
test_present_key (Fixture       *f,
                  gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  g_autofree char *path = NULL;
  KaravanPresentationWindow *presentation;
  const KaravanDeckStep *step;
  KaravanDeck *deck;

  if (get_xdisplay () == NULL)
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  path = copy_teacher_dataset (f);
  open_path (f, path);

  /* A chart of two series, in Russian, the second series hidden. */
  select_view (f, "my-class:both");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.figure-language", "s", "ru"));
  karavan_chart_view_set_hidden_series (chart, 0x2);
  settle ();

  presentation = press_f5 (f);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presentation)) ||
                 gtk_widget_get_width (GTK_WIDGET (presentation)) >= gtk_widget_get_width (GTK_WIDGET (f->window)));
  deck = karavan_presentation_window_get_deck (presentation);
  g_assert_cmpuint (karavan_deck_get_n_steps (deck), ==, 1);
  step = karavan_deck_get_step (deck, 0);
  g_assert_true (step->view == karavan_chart_view_get_view (chart));
  g_assert_true (step->has_lang);
  g_assert_cmpint (step->lang, ==, KARAVAN_LANG_RU);
  g_assert_cmpuint (step->hidden_series, ==, 0x2);
  g_assert_cmpint (karavan_presentation_window_get_lang (presentation), ==, KARAVAN_LANG_RU);
  leave (f, presentation);

  /* A timeline: itself, unfolding era by era. */
  select_view (f, "my-class:history");
  presentation = press_f5 (f);
  step = karavan_deck_get_step (karavan_presentation_window_get_deck (presentation), 0);
  g_assert_cmpint (step->view->kind, ==, KARAVAN_VIEW_TIMELINE);
  g_assert_cmpint (step->reveal, ==, KARAVAN_REVEAL_ERAS);
  leave (f, presentation);

  /* A lesson: its steps, with its title. */
  select_view (f, "kazakhstan-china:story");
  presentation = press_f5 (f);
  deck = karavan_presentation_window_get_deck (presentation);
  g_assert_cmpuint (karavan_deck_get_n_steps (deck), ==, 8);
  g_assert_cmpstr (karavan_deck_get_id (deck), ==, "story");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), ==,
                   karavan_text_get (&karavan_chart_view_get_view (chart)->title, KARAVAN_LANG_RU));
  leave (f, presentation);

  /* My Lesson's page: F5 presents My Lesson; empty, there is nothing to. */
  karavan_window_show_lesson (f->window);
  focus (GTK_WINDOW (f->window));
  settle ();
  press_key (XK_F5);
  settle ();
  g_assert_null (find_presentation ());
  select_view (f, "my-class:growth");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-lesson", NULL));
  karavan_window_show_lesson (f->window);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (karavan_window_get_lesson_editor (f->window))));
  presentation = press_f5 (f);
  deck = karavan_presentation_window_get_deck (presentation);
  /* A copy: My Lesson can change while it is projected. */
  g_assert_true (deck != karavan_window_get_lesson (f->window));
  g_assert_cmpuint (karavan_deck_get_n_steps (deck), ==, 1);
  g_assert_cmpstr (karavan_deck_get_step (deck, 0)->view->id, ==, "growth");

  /* F5 again from the window: the new presentation takes the old one's place. */
  f->old_presentation = presentation;
  g_object_add_weak_pointer (G_OBJECT (presentation), &f->old_presentation);
  presentation = press_f5 (f);
  settle ();
  g_assert_cmpuint (count_presentations (), ==, 1);
  if (f->old_presentation != NULL)
    {
      g_assert_false (gtk_widget_get_visible (f->old_presentation));
      g_object_remove_weak_pointer (G_OBJECT (f->old_presentation), &f->old_presentation);
      f->old_presentation = NULL;
    }
  leave (f, presentation);
}

static gboolean
shows_saved_lesson (Fixture *f)
{
  const KaravanView *view = karavan_chart_view_get_view (karavan_window_get_chart_view (f->window));

  return !karavan_window_is_loading (f->window) &&
         g_strcmp0 (karavan_window_get_view_id (f->window), "my-class:my-lesson") == 0 &&
         view != NULL && view->kind == KARAVAN_VIEW_LESSON;
}

static void
assert_unchanged (const char *path,
                  const char *before)
{
  g_autofree char *after = NULL;

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* Add three views, move one, remove one, title them, save into a copy
 * of the teacher's file: the window loads it and shows the lesson. */
static void
test_build_and_save (Fixture       *f,
                     gconstpointer  data)
{
  KaravanLessonEditor *editor = karavan_window_get_lesson_editor (f->window);
  KaravanDeck *lesson = karavan_window_get_lesson (f->window);
  g_autofree char *path = copy_teacher_dataset (f);
  g_autofree char *original = NULL;
  g_autofree char *bundled_dir = karavan_get_datasets_dir ();
  g_autofree char *bundled = g_build_filename (bundled_dir, "kazakhstan-china.xml", NULL);
  g_autofree char *bundled_before = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.xml", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bundled_file = g_file_new_for_path (bundled);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) reread = NULL;
  const KaravanView *view;
  const KaravanStep *step;

  open_path (f, path);
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));

  /* Nothing to save yet. */
  g_assert_false (karavan_window_save_lesson (f->window, file, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_clear_error (&error);

  /* Ctrl+D's action, on three views. */
  select_view (f, "my-class:growth");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-lesson", NULL));
  select_view (f, "my-class:history");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-lesson", NULL));
  select_view (f, "my-class:facts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-lesson", NULL));
  g_assert_cmpuint (karavan_deck_get_n_steps (lesson), ==, 3);
  g_assert_cmpstr (step_view_id (f, 0), ==, "growth");
  g_assert_cmpstr (step_view_id (f, 1), ==, "history");
  g_assert_cmpstr (step_view_id (f, 2), ==, "facts");

  /* A lesson is not a step. */
  select_view (f, "my-class:old");
  g_assert_false (karavan_window_add_to_lesson (f->window));
  g_assert_cmpuint (karavan_deck_get_n_steps (lesson), ==, 3);

  /* The editor, through its buttons: the first step cannot go up, the
   * last not down; moving keeps the focus on the step moved. */
  karavan_window_show_lesson (f->window);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_false (gtk_widget_is_sensitive (step_button (f, 0, "go-up-symbolic")));
  g_assert_false (gtk_widget_is_sensitive (step_button (f, 2, "go-down-symbolic")));
  click (step_button (f, 2, "go-up-symbolic"));
  g_assert_cmpstr (step_view_id (f, 0), ==, "growth");
  g_assert_cmpstr (step_view_id (f, 1), ==, "facts");
  g_assert_cmpstr (step_view_id (f, 2), ==, "history");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == step_button (f, 1, "go-up-symbolic"));

  /* Removing the first: the focus goes to the step in its place. */
  click (step_button (f, 0, "user-trash-symbolic"));
  g_assert_cmpuint (karavan_deck_get_n_steps (lesson), ==, 2);
  g_assert_cmpstr (step_view_id (f, 0), ==, "facts");
  g_assert_cmpstr (step_view_id (f, 1), ==, "history");
  g_assert_null (karavan_lesson_editor_get_step_row (editor, 2));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == step_button (f, 0, "user-trash-symbolic"));

  /* Titles, typed into the rows. */
  gtk_editable_set_text (GTK_EDITABLE (karavan_lesson_editor_get_step_row (editor, 0)), "What we know");
  gtk_editable_set_text (GTK_EDITABLE (karavan_lesson_editor_get_title_row (editor)), "Our class");
  g_assert_cmpstr (karavan_text_get (&karavan_deck_get_step (lesson, 0)->title, KARAVAN_LANG_EN), ==, "What we know");
  g_assert_cmpstr (karavan_text_get (karavan_deck_get_title (lesson), KARAVAN_LANG_EN), ==, "Our class");

  /* Refused, with nothing written: a bundled dataset, and a file that
   * does not hold the lesson's views. */
  g_assert_true (g_file_get_contents (bundled, &bundled_before, NULL, NULL));
  g_assert_false (karavan_window_save_lesson (f->window, bundled_file, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "kazakhstan-china.xml"));
  g_clear_error (&error);
  assert_unchanged (bundled, bundled_before);

  g_assert_true (g_file_set_contents (other, other_xml, -1, NULL));
  g_assert_false (karavan_window_save_lesson (f->window, other_file, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Step 1"));
  g_clear_error (&error);
  assert_unchanged (other, other_xml);

  /* Saved: the window loads the file again and shows the lesson. */
  g_assert_true (karavan_window_save_lesson (f->window, file, &error));
  g_assert_no_error (error);
  wait_for (shows_saved_lesson, f);
  view = karavan_chart_view_get_view (karavan_window_get_chart_view (f->window));
  g_assert_cmpstr (karavan_text_get (&view->title, KARAVAN_LANG_EN), ==, "Our class");
  g_assert_cmpuint (view->lesson->steps->len, ==, 2);
  step = view->lesson->steps->pdata[0];
  g_assert_cmpstr (step->view->id, ==, "facts");
  g_assert_cmpstr (karavan_text_get (&step->title, KARAVAN_LANG_EN), ==, "What we know");
  step = view->lesson->steps->pdata[1];
  g_assert_cmpstr (step->view->id, ==, "history");
  g_assert_true (karavan_window_select_view (f->window, "my-class:old"));
  g_assert_null (karavan_window_get_error (f->window));

  /* Saved again into the same file: the same lesson, replaced. */
  karavan_window_show_lesson (f->window);
  settle ();
  click (step_button (f, 1, "go-up-symbolic"));
  g_assert_true (karavan_window_save_lesson (f->window, file, &error));
  g_assert_no_error (error);
  wait_for (shows_saved_lesson, f);

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "<lesson id=\"my-lesson\">"));
  g_assert_null (strstr (saved, "my-lesson-2"));
  /* The rest of the file is as it was. */
  g_assert_nonnull (strstr (saved, "<!-- A teacher's own dataset"));
  reread = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  view = karavan_dataset_find_view (reread, "my-lesson");
  g_assert_nonnull (view);
  g_assert_cmpuint (view->lesson->steps->len, ==, 2);
  g_assert_cmpstr (((KaravanStep *) view->lesson->steps->pdata[0])->view->id, ==, "history");
  g_assert_cmpstr (((KaravanStep *) view->lesson->steps->pdata[1])->view->id, ==, "facts");
  g_assert_nonnull (karavan_dataset_find_view (reread, "old"));
}

/* A lesson's handout and slides from the export dialog, in the dialog's
 * language; My Lesson's handout too. */
static void
test_handout (Fixture       *f,
              gconstpointer  data)
{
  KaravanExportDialog *dialog;
  KaravanHandoutFormat format;
  g_autofree char *pdf = g_build_filename (f->dir, "story.pdf", NULL);
  g_autofree char *slides = g_build_filename (f->dir, "slides", NULL);
  g_autofree char *mine = g_build_filename (f->dir, "mine.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) slides_file = g_file_new_for_path (slides);
  g_autoptr(GFile) mine_file = g_file_new_for_path (mine);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title_ru = NULL;
  g_autofree char *title_en = NULL;
  static const char *langs[] = { "ru", "kk", "en" };

  /* A chart offers no handout. */
  dialog = karavan_window_export (f->window);
  g_assert_false (karavan_export_dialog_set_handout (dialog, KARAVAN_HANDOUT_PDF));
  g_assert_false (karavan_export_dialog_get_handout (dialog, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The bundled lesson of eight steps: the handout comes first. */
  select_view (f, "kazakhstan-china:story");
  dialog = karavan_window_export (f->window);
  g_assert_true (karavan_export_dialog_get_handout (dialog, &format));
  g_assert_cmpint (format, ==, KARAVAN_HANDOUT_PDF);
  size = karavan_export_dialog_get_size_text (dialog);
  g_assert_nonnull (strstr (size, "8 pages"));
  karavan_export_dialog_set_lang (dialog, KARAVAN_LANG_KK);
  g_assert_true (karavan_export_dialog_export_to_file (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, 8);

  /* In all languages: one PDF each, titled in its language. */
  g_assert_true (karavan_export_dialog_export_all_languages (dialog, pdf_file, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *name = g_strdup_printf ("story-%s.pdf", langs[i]);
      g_autofree char *expected = g_build_filename (f->dir, name, NULL);
      g_autofree char *written = g_file_get_path (files->pdata[i]);

      g_assert_cmpstr (written, ==, expected);
      g_assert_cmpuint (pdf_pages (written), ==, 8);
    }
  g_clear_pointer (&files, g_ptr_array_unref);
  {
    g_autofree char *ru = g_build_filename (f->dir, "story-ru.pdf", NULL);
    g_autofree char *en = g_build_filename (f->dir, "story-en.pdf", NULL);

    title_ru = pdf_title (ru);
    title_en = pdf_title (en);
    if (title_ru != NULL)
      g_assert_cmpstr (title_ru, !=, title_en);
  }

  /* Slides: a folder of eight numbered 1920 × 1080 PNGs. */
  g_assert_true (karavan_export_dialog_set_handout (dialog, KARAVAN_HANDOUT_SLIDES));
  g_assert_true (karavan_export_dialog_get_handout (dialog, &format));
  g_assert_cmpint (format, ==, KARAVAN_HANDOUT_SLIDES);
  g_assert_true (karavan_export_dialog_export_to_file (dialog, slides_file, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u.png", i);
      g_autofree char *png = g_build_filename (slides, name, NULL);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (png, &error);

      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);
    }

  /* Slides in all languages: a folder per language inside the one chosen. */
  g_assert_true (karavan_export_dialog_export_all_languages (dialog, slides_file, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *written = g_file_get_path (files->pdata[i]);
      g_autofree char *expected = g_build_filename (slides, langs[i], NULL);
      g_autofree char *last = g_build_filename (expected, "08.png", NULL);

      g_assert_cmpstr (written, ==, expected);
      g_assert_true (g_file_test (last, G_FILE_TEST_IS_REGULAR));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* My Lesson: two views, a two-page handout. */
  select_view (f, "kazakhstan-china:exports-growth");
  g_assert_true (karavan_window_add_to_lesson (f->window));
  select_view (f, "kazakhstan-china:relations");
  g_assert_true (karavan_window_add_to_lesson (f->window));
  karavan_window_show_lesson (f->window);
  settle ();
  dialog = karavan_window_export (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (karavan_export_dialog_get_handout (dialog, &format));
  g_assert_cmpint (format, ==, KARAVAN_HANDOUT_PDF);
  g_assert_true (karavan_export_dialog_export_to_file (dialog, mine_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (mine), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  /* Recent files go to a folder of the test's own. */
  data_home = g_dir_make_tmp ("karavan-lesson-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/Karavan/Lesson/present-key", test_present_key);
  ADD ("/Karavan/Lesson/build-and-save", test_build_and_save);
  ADD ("/Karavan/Lesson/handout", test_handout);
#undef ADD

  return g_test_run ();
}
