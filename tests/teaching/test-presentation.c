/* test-presentation.c: presentation mode, driven by real key presses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys go through the X server (the XTEST extension, as xdotool sends
 * them), so they take the path a clicker's do: X, GDK, the window's
 * shortcuts. After each key the test checks the state the window
 * reports and what it painted: the canvas's pixels against the slide
 * the core draws for that state at that size.
 */
#include <string.h>

#include <X11/Xlibint.h>
#include <X11/keysym.h>
#include <X11/extensions/xtestproto.h>

#include <gdk/x11/gdkx.h>

#include "karavan-application.h"
#include "karavan-handout.h"
#include "karavan-presentation-window.h"
#include "karavan-window.h"

/* ---------------------------------------------------------------------- */
/* Input through the X server                                             */

/* XTestFakeInput, as libXtst sends it (its headers are not a build
 * dependency). */
static gboolean
xtest_fake (Display      *dpy,
            int           type,
            unsigned int  detail,
            int           x,
            int           y)
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
  req->rootX = x;
  req->rootY = y;
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

  return GDK_IS_X11_DISPLAY (display) ? gdk_x11_display_get_xdisplay (display) : NULL;
}

static void
press_key (guint keysym)
{
  Display *dpy = get_xdisplay ();
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  g_assert_cmpuint (code, !=, 0);
  g_assert_true (xtest_fake (dpy, KeyPress, code, 0, 0));
  g_assert_true (xtest_fake (dpy, KeyRelease, code, 0, 0));
}

static void
move_pointer (int x,
              int y)
{
  g_assert_true (xtest_fake (get_xdisplay (), MotionNotify, False, x, y));
}

static void
focus (GtkWindow *window)
{
  Display *dpy = get_xdisplay ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (dpy, False);
}

/* ---------------------------------------------------------------------- */
/* Waiting and looking                                                    */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* Lets pending events and a frame through. */
static void
settle (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 20;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  gtk_test_widget_wait_for_draw (widget);
}

typedef struct {
  guchar *data;   /* cairo ARGB32, stride width * 4 */
  int     width;
  int     height;
} Picture;

static void
picture_free (Picture *picture)
{
  g_free (picture->data);
  g_free (picture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Picture, picture_free)

/* What @widget paints, rendered by its window's renderer. */
static Picture *
capture (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  Picture *picture = g_new0 (Picture, 1);

  picture->width = gtk_widget_get_width (widget);
  picture->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, picture->width, picture->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, picture->width, picture->height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, picture->width);
  picture->data = g_malloc ((gsize) picture->width * picture->height * 4);
  gdk_texture_download (texture, picture->data, (gsize) picture->width * 4);
  return picture;
}

/* The slide the core draws for the window's state, at the canvas's size. */
static Picture *
expected (KaravanPresentationWindow *window)
{
  GtkWidget *canvas = karavan_presentation_window_get_canvas (window);
  KaravanDeck *deck = karavan_presentation_window_get_deck (window);
  g_autoptr(KaravanSlide) slide = NULL;
  KaravanRenderOptions options;
  Picture *picture = g_new0 (Picture, 1);
  cairo_surface_t *surface;
  cairo_t *cr;

  picture->width = gtk_widget_get_width (canvas);
  picture->height = gtk_widget_get_height (canvas);
  karavan_presentation_window_get_render_options (window, &options);
  slide = karavan_slide_new (karavan_deck_get_step (deck, karavan_presentation_window_get_step (window)), &options,
                             KARAVAN_SLIDE_BRIEF_SOURCES |
                             (karavan_presentation_window_get_show_notes (window) ? KARAVAN_SLIDE_NOTE : 0),
                             picture->width, picture->height);
  picture->data = g_malloc0 ((gsize) picture->width * picture->height * 4);
  surface = cairo_image_surface_create_for_data (picture->data, CAIRO_FORMAT_ARGB32,
                                                 picture->width, picture->height, picture->width * 4);
  cr = cairo_create (surface);
  karavan_slide_draw (slide, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return picture;
}

/* The share of pixels that differ visibly. */
static double
difference (const Picture *a,
            const Picture *b)
{
  gsize n = (gsize) a->width * a->height, differ = 0;

  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  for (gsize i = 0; i < n; i++)
    for (guint c = 0; c < 3; c++)
      if (ABS ((int) a->data[4 * i + c] - (int) b->data[4 * i + c]) > 24)
        {
          differ++;
          break;
        }
  return (double) differ / n;
}

/* Pixels within a small distance of @rgb. */
static gsize
count_colour (const Picture    *picture,
              const KaravanRgb *rgb)
{
  gsize n = (gsize) picture->width * picture->height, count = 0;
  int r = (int) (rgb->r * 255 + 0.5), g = (int) (rgb->g * 255 + 0.5), b = (int) (rgb->b * 255 + 0.5);

  for (gsize i = 0; i < n; i++)
    {
      const guchar *p = picture->data + 4 * i;   /* B, G, R, A */

      if (ABS (p[2] - r) <= 6 && ABS (p[1] - g) <= 6 && ABS (p[0] - b) <= 6)
        count++;
    }
  return count;
}

static gboolean
is_black (const Picture *picture)
{
  gsize n = (gsize) picture->width * picture->height;

  for (gsize i = 0; i < n; i++)
    if (picture->data[4 * i] > 8 || picture->data[4 * i + 1] > 8 || picture->data[4 * i + 2] > 8)
      return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

typedef struct {
  KaravanDataset            *dataset;
  KaravanDeck               *deck;
  KaravanPresentationWindow *window;
  guint                      want_step;
  int                        want_reveal;
  gboolean                   want_blanked;
} Fixture;

static gboolean
have_x11 (void)
{
  return get_xdisplay () != NULL;
}

static gboolean
is_drawn (gpointer data)
{
  Fixture *f = data;
  GtkWidget *canvas = karavan_presentation_window_get_canvas (f->window);

  return gtk_widget_get_mapped (canvas) && gtk_widget_get_width (canvas) > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  KaravanLang lang = GPOINTER_TO_INT (data);

  if (!have_x11 ())
    return;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  dir = karavan_get_datasets_dir ();
  path = g_build_filename (dir, "kazakhstan-china.xml", NULL);
  f->dataset = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  f->deck = karavan_deck_new_from_lesson (f->dataset, karavan_dataset_find_view (f->dataset, "story"));

  f->window = karavan_presentation_window_new (NULL, f->deck, lang);
  g_object_ref_sink (f->window);
  karavan_presentation_window_present_on (f->window, NULL);
  g_assert_true (wait_for (is_drawn, f));
  settle (GTK_WIDGET (f->window));
  focus (GTK_WINDOW (f->window));
  settle (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_pointer (&f->deck, karavan_deck_unref);
  g_clear_object (&f->dataset);
}

static gboolean
state_reached (gpointer data)
{
  Fixture *f = data;

  return karavan_presentation_window_get_step (f->window) == f->want_step &&
         karavan_presentation_window_get_reveal (f->window) == f->want_reveal &&
         karavan_presentation_window_get_blanked (f->window) == f->want_blanked;
}

/* Presses @keysym and checks that the window goes to (@step, @reveal)
 * and paints exactly that slide. */
static void
press_and_check (Fixture *f,
                 guint    keysym,
                 guint    step,
                 int      reveal)
{
  g_autoptr(Picture) shown = NULL;
  g_autoptr(Picture) want = NULL;
  GtkWidget *canvas = karavan_presentation_window_get_canvas (f->window);
  double diff;

  f->want_step = step;
  f->want_reveal = reveal;
  f->want_blanked = FALSE;
  press_key (keysym);
  if (!wait_for (state_reached, f))
    g_error ("after %s: step %u reveal %d, expected step %u reveal %d", gdk_keyval_name (keysym),
             karavan_presentation_window_get_step (f->window), karavan_presentation_window_get_reveal (f->window),
             step, reveal);
  settle (canvas);

  shown = capture (canvas);
  want = expected (f->window);
  diff = difference (shown, want);
  if (diff > 0.002)
    g_error ("after %s, step %u reveal %d: %.2f %% of the pixels differ from the slide",
             gdk_keyval_name (keysym), step, reveal, diff * 100);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Full screen on the monitor, the projector theme, the first step with
 * its first reveal, the pointer hidden. */
static void
test_enter (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Picture) shown = NULL;
  g_autoptr(Picture) want = NULL;
  g_autoptr(GdkMonitor) monitor = NULL;
  g_autofree char *title = NULL;
  KaravanRenderOptions options;
  GdkRectangle geometry;
  GdkCursor *cursor;

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_test_message ("monitor %d × %d", geometry.width, geometry.height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), ==, geometry.height);
  g_assert_cmpint (gtk_widget_get_width (karavan_presentation_window_get_canvas (f->window)), ==, geometry.width);
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (f->window)));

  g_assert_cmpuint (karavan_presentation_window_get_step (f->window), ==, 0);
  g_assert_cmpint (karavan_presentation_window_get_reveal (f->window), ==, 1);
  g_assert_cmpint (karavan_presentation_window_get_reveal_steps (f->window), ==, 2);
  title = karavan_presentation_window_get_title_shown (f->window);
  g_assert_cmpstr (title, ==, karavan_text_get (&karavan_deck_get_step (f->deck, 0)->title, KARAVAN_LANG_RU));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   karavan_text_get (karavan_deck_get_title (f->deck), KARAVAN_LANG_RU));

  karavan_presentation_window_get_render_options (f->window, &options);
  g_assert_cmpint (options.palette, ==, KARAVAN_PALETTE_HIGH_CONTRAST);
  g_assert_cmpint (options.lang, ==, KARAVAN_LANG_RU);
  g_assert_cmpfloat (options.font_size, >=, 11 * 1.5);
  g_assert_cmpint (options.reveal, ==, 1);

  shown = capture (karavan_presentation_window_get_canvas (f->window));
  want = expected (f->window);
  g_assert_cmpfloat (difference (shown, want), <, 0.002);

  /* The pointer hides as presentation starts and after it rests. */
  g_assert_true (karavan_presentation_window_get_pointer_hidden (f->window));
  cursor = gtk_widget_get_cursor (GTK_WIDGET (f->window));
  g_assert_nonnull (cursor);
  g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "none");
}

/* PageDown through every step and reveal of the bundled lesson, PageUp
 * all the way back, Home and End, the other keys clickers send. */
static void
test_step_through (Fixture       *f,
                   gconstpointer  data)
{
  int reveals[8];
  guint n;

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  n = karavan_deck_get_n_steps (f->deck);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (reveals));

  /* Forward: each reveal of a step, then the next step. */
  for (guint step = 0; step < n; step++)
    {
      g_autofree char *title = NULL;

      reveals[step] = karavan_presentation_window_get_reveal_steps (f->window);

      g_assert_cmpuint (karavan_presentation_window_get_step (f->window), ==, step);
      title = karavan_presentation_window_get_title_shown (f->window);
      g_assert_cmpstr (title, ==, karavan_text_get (&karavan_deck_get_step (f->deck, step)->title, KARAVAN_LANG_RU));
      g_test_message ("step %u: %d reveal steps", step + 1, reveals[step]);
      g_assert_cmpint (reveals[step], ==, karavan_deck_get_step (f->deck, step)->reveal == KARAVAN_REVEAL_NONE
                                          ? 1 : reveals[step]);
      for (int r = 2; r <= reveals[step]; r++)
        press_and_check (f, XK_Next, step, r);
      if (step + 1 < n)
        press_and_check (f, XK_Next, step + 1, 1);
    }

  /* At the end, PageDown stays. */
  press_and_check (f, XK_Next, n - 1, reveals[n - 1]);

  /* Back: a step is entered as it was left, all revealed. */
  for (guint step = n - 1; step > 0; step--)
    {
      for (int r = reveals[step] - 1; r >= 1; r--)
        press_and_check (f, XK_Prior, step, r);
      press_and_check (f, XK_Prior, step - 1, reveals[step - 1]);
    }
  for (int r = reveals[0] - 1; r >= 1; r--)
    press_and_check (f, XK_Prior, 0, r);
}

/* Jumps and the keys other clickers send. */
static void
test_other_keys (Fixture       *f,
                 gconstpointer  data)
{
  guint last;

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  last = karavan_deck_get_n_steps (f->deck) - 1;
  g_assert_cmpint (karavan_deck_get_step (f->deck, last)->reveal, ==, KARAVAN_REVEAL_SERIES);
  press_and_check (f, XK_Right, 0, 2);
  press_and_check (f, XK_space, 1, 1);
  press_and_check (f, XK_Return, 1, 2);
  press_and_check (f, XK_Left, 1, 1);
  press_and_check (f, XK_BackSpace, 0, 2);
  press_and_check (f, XK_Prior, 0, 1);
  press_and_check (f, XK_Prior, 0, 1);   /* the first stays */
  press_and_check (f, XK_End, last, karavan_deck_get_step (f->deck, last)->view->chart->series->len);
  press_and_check (f, XK_Home, 0, 1);
}

static gboolean
blank_reached (gpointer data)
{
  Fixture *f = data;

  return karavan_presentation_window_get_blanked (f->window) == f->want_blanked;
}

/* B or a period turns the screen black; they, or any key that moves,
 * bring the picture back, without moving. */
static void
test_blank (Fixture       *f,
            gconstpointer  data)
{
  const guint keys[] = { XK_b, XK_period };

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  press_and_check (f, XK_Next, 0, 2);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(Picture) black = NULL;

      f->want_blanked = TRUE;
      press_key (keys[i]);
      g_assert_true (wait_for (blank_reached, f));
      settle (GTK_WIDGET (f->window));
      /* The whole window, hints and all. */
      black = capture (GTK_WIDGET (f->window));
      g_assert_true (is_black (black));

      if (i == 0)
        press_and_check (f, XK_b, 0, 2);       /* B again */
      else
        press_and_check (f, XK_Next, 0, 2);    /* back, not on */
    }
  press_and_check (f, XK_Next, 1, 1);
}

/* Grouped bars come brand by brand: each press adds a series. */
static void
test_reveal_series (Fixture       *f,
                    gconstpointer  data)
{
  const KaravanPalette *pal = karavan_palette_get (KARAVAN_PALETTE_HIGH_CONTRAST);
  GtkWidget *canvas;
  const KaravanDeckStep *brands, *share;
  gsize before = 0;

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  canvas = karavan_presentation_window_get_canvas (f->window);
  brands = karavan_deck_get_step (f->deck, 5);
  share = karavan_deck_get_step (f->deck, 6);
  g_assert_cmpint (brands->reveal, ==, KARAVAN_REVEAL_SERIES);
  g_assert_cmpint (share->reveal, ==, KARAVAN_REVEAL_SERIES);

  g_assert_true (karavan_presentation_window_go_to (f->window, 4, -1));
  settle (canvas);

  /* Five brands, five presses; each adds a bar of the first colour. */
  press_and_check (f, XK_Next, 5, 1);
  g_assert_cmpint (karavan_presentation_window_get_reveal_steps (f->window), ==, (int) brands->view->chart->series->len);
  for (int r = 1; r <= (int) brands->view->chart->series->len; r++)
    {
      g_autoptr(Picture) shown = NULL;
      gsize bars;

      if (r > 1)
        press_and_check (f, XK_Next, 5, r);
      shown = capture (canvas);
      bars = count_colour (shown, &pal->series[0]);
      g_test_message ("brands, %d shown: %" G_GSIZE_FORMAT " px of the first colour", r, bars);
      g_assert_cmpuint (bars, >, before);
      before = bars;
    }

  /* Two sources of the Chinese share: the second colour comes with the
   * second press. */
  {
    g_autoptr(Picture) one = NULL;
    g_autoptr(Picture) two = NULL;
    gsize second_one, second_two;

    press_and_check (f, XK_Next, 6, 1);
    one = capture (canvas);
    press_and_check (f, XK_Next, 6, 2);
    two = capture (canvas);
    second_one = count_colour (one, &pal->series[1]);
    second_two = count_colour (two, &pal->series[1]);
    g_test_message ("share: %" G_GSIZE_FORMAT " px, then %" G_GSIZE_FORMAT " px of the second colour",
                    second_one, second_two);
    g_assert_cmpuint (second_two, >, second_one + 500);
    g_assert_cmpuint (count_colour (two, &pal->series[0]), >=, count_colour (one, &pal->series[0]) / 2);
  }
}

/* gtk_window_destroy() drops GTK's reference; the test keeps its own,
 * so the window is gone when it is no longer a toplevel. */
static gboolean
is_destroyed (gpointer data)
{
  Fixture *f = data;
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (window == G_OBJECT (f->window))
        return FALSE;
    }
  return TRUE;
}

/* Esc leaves. */
static void
test_leave (Fixture       *f,
            gconstpointer  data)
{
  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  press_and_check (f, XK_Next, 0, 2);
  press_key (XK_Escape);
  g_assert_true (wait_for (is_destroyed, f));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_false (gtk_widget_get_realized (GTK_WIDGET (f->window)));
}

static gboolean
pointer_shown (gpointer data)
{
  return !karavan_presentation_window_get_pointer_hidden (((Fixture *) data)->window);
}

static gboolean
pointer_hidden (gpointer data)
{
  return karavan_presentation_window_get_pointer_hidden (((Fixture *) data)->window);
}

/* The pointer shows when it moves and hides again when it rests. */
static void
test_pointer (Fixture       *f,
              gconstpointer  data)
{
  gint64 moved;

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  g_assert_true (karavan_presentation_window_get_pointer_hidden (f->window));
  move_pointer (40, 50);
  move_pointer (160, 120);
  g_assert_true (wait_for (pointer_shown, f));
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (f->window)));
  moved = g_get_monotonic_time ();
  g_assert_true (wait_for (pointer_hidden, f));
  g_assert_cmpint (g_get_monotonic_time () - moved, >=, G_USEC_PER_SEC);
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (f->window))), ==, "none");
}

static gboolean
not_animating (gpointer data)
{
  return !karavan_presentation_window_get_animating (((Fixture *) data)->window);
}

/* A change fades in briefly, and not at all when animations are off. */
static void
test_animation (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *canvas;
  gint64 start;

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  canvas = karavan_presentation_window_get_canvas (f->window);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  f->want_step = 0;
  f->want_reveal = 2;
  start = g_get_monotonic_time ();
  press_key (XK_Next);
  g_assert_true (wait_for (state_reached, f));
  g_assert_true (karavan_presentation_window_get_animating (f->window));
  g_assert_true (wait_for (not_animating, f));
  /* Not a timing test (the machine may be loaded): it only must not
   * linger for seconds. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  settle (canvas);
  {
    g_autoptr(Picture) shown = capture (canvas);
    g_autoptr(Picture) want = expected (f->window);

    g_assert_cmpfloat (difference (shown, want), <, 0.002);
  }

  /* Reduced motion: the next slide is there at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  f->want_step = 1;
  f->want_reveal = 1;
  press_key (XK_Next);
  g_assert_true (wait_for (state_reached, f));
  g_assert_false (karavan_presentation_window_get_animating (f->window));
  settle (canvas);
  {
    g_autoptr(Picture) shown = capture (canvas);
    g_autoptr(Picture) want = expected (f->window);

    g_assert_cmpfloat (difference (shown, want), <, 0.002);
  }

  /* A press while a fade runs ends it and starts the next. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  f->want_reveal = 3;
  press_key (XK_Next);
  press_key (XK_Next);
  g_assert_true (wait_for (state_reached, f));
  g_assert_true (wait_for (not_animating, f));
  settle (canvas);
  {
    g_autoptr(Picture) shown = capture (canvas);
    g_autoptr(Picture) want = expected (f->window);

    g_assert_cmpfloat (difference (shown, want), <, 0.002);
  }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Kazakh and the notes key: the figure's words follow the language. */
static void
test_language_and_notes (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *title = NULL;

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  g_assert_cmpint (karavan_presentation_window_get_lang (f->window), ==, KARAVAN_LANG_KK);
  title = karavan_presentation_window_get_title_shown (f->window);
  g_assert_cmpstr (title, ==, karavan_text_get (&karavan_deck_get_step (f->deck, 0)->title, KARAVAN_LANG_KK));
  g_assert_true (karavan_presentation_window_get_show_notes (f->window));
  press_and_check (f, XK_n, 0, 1);
  g_assert_false (karavan_presentation_window_get_show_notes (f->window));
  press_and_check (f, XK_Next, 0, 2);
  press_and_check (f, XK_n, 0, 2);
  g_assert_true (karavan_presentation_window_get_show_notes (f->window));
}

/* ---------------------------------------------------------------------- */
/* karavan --present: the application opens straight into presentation  */

typedef struct {
  KaravanApplication        *app;
  KaravanPresentationWindow *presentation;
  gboolean                   checked;
} AppCheck;

static gboolean
presentation_up (gpointer data)
{
  AppCheck *check = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (check->app)); l; l = l->next)
    if (KARAVAN_IS_PRESENTATION_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      {
        check->presentation = l->data;
        return TRUE;
      }
  return FALSE;
}

static gboolean
presentation_gone (gpointer data)
{
  AppCheck *check = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (check->app)); l; l = l->next)
    if (KARAVAN_IS_PRESENTATION_WINDOW (l->data))
      return FALSE;
  return TRUE;
}

static gboolean
on_check_app_cb (gpointer data)
{
  AppCheck *check = data;
  GtkWindow *parent;
  g_autofree char *title = NULL;

  g_assert_true (wait_for (presentation_up, check));
  settle (GTK_WIDGET (check->presentation));

  g_assert_cmpint (karavan_presentation_window_get_lang (check->presentation), ==, KARAVAN_LANG_KK);
  g_assert_cmpuint (karavan_presentation_window_get_step (check->presentation), ==, 0);
  g_assert_cmpuint (karavan_deck_get_n_steps (karavan_presentation_window_get_deck (check->presentation)), ==, 8);
  title = karavan_presentation_window_get_title_shown (check->presentation);
  g_assert_cmpstr (title, ==, "7 439-дан 124 234-ке дейін");
  parent = gtk_window_get_transient_for (GTK_WINDOW (check->presentation));
  g_assert_true (KARAVAN_IS_WINDOW (parent));

  /* Esc leaves presentation mode for the window. */
  focus (GTK_WINDOW (check->presentation));
  settle (GTK_WIDGET (check->presentation));
  press_key (XK_Escape);
  g_assert_true (wait_for (presentation_gone, check));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (parent)));
  check->checked = TRUE;

  g_application_quit (G_APPLICATION (check->app));
  return G_SOURCE_REMOVE;
}

static void
test_present_option (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = NULL;
  g_autoptr(KaravanDeck) deck = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  AppCheck check = { NULL };

  if (!have_x11 ())
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  dir = karavan_get_datasets_dir ();
  path = g_build_filename (dir, "kazakhstan-china.xml", NULL);
  dataset = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  deck = karavan_deck_new_from_lesson (dataset, karavan_dataset_find_view (dataset, "story"));

  check.app = karavan_application_new ();
  karavan_application_set_presentation (check.app, deck, KARAVAN_LANG_KK);
  g_timeout_add (50, on_check_app_cb, &check);
  g_assert_cmpint (g_application_run (G_APPLICATION (check.app), 0, NULL), ==, 0);
  g_assert_true (check.checked);
  g_clear_object (&check.app);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Without a display the tests report themselves skipped. */
  if (gtk_init_check ())
    adw_init ();

#define ADD(path, func, lang) \
  g_test_add (path, Fixture, GINT_TO_POINTER (lang), fixture_set_up, func, fixture_tear_down)

  ADD ("/Karavan/Presentation/enter", test_enter, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/step-through", test_step_through, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/other-keys", test_other_keys, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/blank", test_blank, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/reveal-series", test_reveal_series, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/leave", test_leave, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/pointer", test_pointer, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/animation", test_animation, KARAVAN_LANG_RU);
  ADD ("/Karavan/Presentation/language-and-notes", test_language_and_notes, KARAVAN_LANG_KK);
  g_test_add_func ("/Karavan/Presentation/present-option", test_present_option);

  return g_test_run ();
}
