/* test-timeline-window.c: the timeline in the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart's event marker under a real pointer: the pointer is moved and
 * clicked through the X server (XTEST, as xdotool does it) at the place
 * the figure's layout gives for the marker; hovering shows the event in
 * a tooltip, clicking opens it in the timeline. And a file reloaded
 * from disk keeps the timeline's zoom, position, filter, search and
 * selection.
 */
#include <math.h>
#include <string.h>

#include <X11/Xlibint.h>
#include <X11/extensions/xtestproto.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "karavan-window.h"

typedef struct {
  KaravanWindow *window;
  char          *dir;
} Fixture;

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
flush (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
chart_ready (Fixture *f)
{
  GtkWidget *chart = GTK_WIDGET (karavan_window_get_chart_view (f->window));

  return gtk_widget_get_mapped (chart) && gtk_widget_get_width (chart) > 200 &&
         karavan_chart_view_get_figure (KARAVAN_CHART_VIEW (chart)) != NULL;
}

static gboolean
timeline_ready (Fixture *f)
{
  KaravanTimelineView *timeline = karavan_window_get_timeline_view (f->window);

  return gtk_widget_get_mapped (GTK_WIDGET (timeline)) && karavan_timeline_view_get_figure (timeline) != NULL;
}

static gboolean
not_loading (Fixture *f)
{
  return !karavan_window_is_loading (f->window);
}

/* ---------------------------------------------------------------------- */
/* The pointer, through the X server                                      */

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
  req->root = type == MotionNotify ? DefaultRootWindow (dpy) : None;
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

  return display != NULL && GDK_IS_X11_DISPLAY (display) ? gdk_x11_display_get_xdisplay (display) : NULL;
}

/* (@x, @y) in @widget, on the screen. */
static void
to_root (GtkWidget *widget,
         double     x,
         double     y,
         int       *root_x,
         int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *dpy = get_xdisplay ();
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double sx, sy;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_assert_true (XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                                        DefaultRootWindow (dpy), (int) round (out.x + sx), (int) round (out.y + sy),
                                        root_x, root_y, &child));
}

static void
move_pointer (GtkWidget *widget,
              double     x,
              double     y)
{
  int rx, ry;

  to_root (widget, x, y, &rx, &ry);
  g_assert_true (xtest_fake (get_xdisplay (), MotionNotify, 0, rx, ry));
}

static void
click (void)
{
  g_assert_true (xtest_fake (get_xdisplay (), ButtonPress, 1, 0, 0));
  g_assert_true (xtest_fake (get_xdisplay (), ButtonRelease, 1, 0, 0));
}

/* ---------------------------------------------------------------------- */
/* Tooltips                                                               */

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* The text of the tooltip shown in the window, or NULL. GTK parents its
 * tooltip window to the window it belongs to. */
static char *
tooltip_text (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->window));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkTooltipWindow") && gtk_widget_get_mapped (child))
      {
        GString *out = g_string_new (NULL);

        collect_text (child, out);
        return g_string_free (out, FALSE);
      }
  return NULL;
}

static const char *wanted_tooltip;

static gboolean
tooltip_shows (Fixture *f)
{
  g_autofree char *text = tooltip_text (f);

  return text != NULL && strstr (text, wanted_tooltip) != NULL;
}

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("karavan-timeline-XXXXXX", &error);
  g_assert_no_error (error);

  f->window = g_object_ref_sink (karavan_window_new (NULL));
  karavan_window_load_bundled (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (chart_ready, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  flush ();
  g_object_unref (f->window);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* ---------------------------------------------------------------------- */
/* Markers                                                                */

static gboolean
inside (double x, double y, double bx, double by, double bw, double bh)
{
  return x >= bx && x < bx + bw && y >= by && y < by + bh;
}

/* A place on @box's marker line that no point of the data and no other
 * label is on. */
static gboolean
free_place_on_line (KaravanFigure         *figure,
                    const KaravanEventBox *boxes,
                    guint                  n,
                    const KaravanEventBox *box,
                    double                *x,
                    double                *y)
{
  *x = box->x + box->width / 2;
  for (*y = box->y + box->height * 0.9; *y > box->y + box->height * 0.2; *y -= 3)
    {
      KaravanHit hit;
      gboolean clear = !karavan_figure_hit_test (figure, *x, *y, &hit);

      for (guint i = 0; i < n && clear; i++)
        if (&boxes[i] != box && (boxes[i].has_label &&
                                 inside (*x, *y, boxes[i].label_x - 4, boxes[i].label_y - 4,
                                         boxes[i].label_width + 8, boxes[i].label_height + 8)))
          clear = FALSE;
      for (guint i = 0; i < n && clear; i++)
        if (&boxes[i] != box && fabs (boxes[i].x - box->x) < 12)
          clear = FALSE;
      if (clear)
        return TRUE;
    }
  return FALSE;
}

static gboolean
shows_relations (Fixture *f)
{
  return g_strcmp0 (karavan_window_get_view_id (f->window), "kazakhstan-china:relations") == 0 && timeline_ready (f);
}

/* The export-growth chart shows its events; the pointer on a marker
 * names the event, a click opens it in the timeline. */
static void
test_marker (Fixture       *f,
             gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  KaravanTimelineView *timeline = karavan_window_get_timeline_view (f->window);
  KaravanFigure *figure;
  const KaravanEventBox *boxes, *box = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *title = NULL;
  guint n;
  double x = 0, y = 0;

  if (get_xdisplay () == NULL)
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:exports-growth"));
  wait_for (chart_ready, f);
  figure = karavan_chart_view_get_figure (chart);
  boxes = karavan_figure_get_events (figure, &n);
  /* The events the article ties to the growth. */
  g_assert_cmpuint (n, >=, 3);

  /* An event alone on its line, where no point of the data is. */
  for (guint i = 0; i < n && box == NULL; i++)
    if (free_place_on_line (figure, boxes, n, &boxes[i], &x, &y))
      box = &boxes[i];
  g_assert_nonnull (box);
  event_id = g_strdup (box->event->id);
  title = g_strdup (karavan_text_get (&box->event->title, karavan_chart_view_get_lang (chart)));

  /* Hovering: the event's title in a tooltip. */
  move_pointer (GTK_WIDGET (chart), x - 10, y);
  flush ();
  move_pointer (GTK_WIDGET (chart), x, y);
  wanted_tooltip = title;
  wait_for (tooltip_shows, f);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "kazakhstan-china:exports-growth");

  /* Clicking: the timeline, the event selected and its details open. */
  click ();
  wait_for (shows_relations, f);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (timeline), ==, event_id);
  g_assert_true (karavan_timeline_view_get_details_visible (timeline));
  {
    guint n_events, selected = 0;
    const KaravanEventBox *events = karavan_figure_get_events (karavan_timeline_view_get_figure (timeline), &n_events);

    for (guint i = 0; i < n_events; i++)
      if (events[i].selected)
        {
          g_assert_cmpstr (events[i].event->id, ==, event_id);
          selected++;
        }
    g_assert_cmpuint (selected, ==, 1);
  }
}

/* Every event shown: the label of one opens it too. */
static void
test_marker_label (Fixture       *f,
                   gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  KaravanTimelineView *timeline = karavan_window_get_timeline_view (f->window);
  const KaravanEventBox *boxes, *box = NULL;
  g_autofree char *event_id = NULL;
  guint n;

  if (get_xdisplay () == NULL)
    {
      g_test_skip ("needs an X display (GDK_BACKEND=x11)");
      return;
    }

  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:exports-growth"));
  /* Every event of the timeline, not only the chart's own. */
  g_object_set (f->window, "show-events", TRUE, NULL);
  flush ();
  wait_for (chart_ready, f);
  boxes = karavan_figure_get_events (karavan_chart_view_get_figure (chart), &n);
  g_assert_cmpuint (n, >, 3);
  for (guint i = n; i-- > 0 && box == NULL;)
    if (boxes[i].has_label)
      box = &boxes[i];
  g_assert_nonnull (box);
  event_id = g_strdup (box->event->id);

  move_pointer (GTK_WIDGET (chart), box->label_x + box->label_width / 2, box->label_y + box->label_height / 2);
  flush ();
  click ();
  wait_for (shows_relations, f);
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (timeline), ==, event_id);
  g_assert_true (karavan_timeline_view_get_details_visible (timeline));
  g_object_set (f->window, "show-events", FALSE, NULL);
}

/* ---------------------------------------------------------------------- */
/* Reloading                                                              */

static const char timeline_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"tltest\">\n"
  "  <title xml:lang=\"en\">Timeline test</title>\n"
  "  <sources><source id=\"s\"><citation xml:lang=\"en\">S</citation></source></sources>\n"
  "  <timeline id=\"tl\"><title xml:lang=\"en\">TITLE</title>\n"
  "    <category id=\"a\" color=\"#336699\"><label xml:lang=\"en\">A</label></category>\n"
  "    <category id=\"b\" color=\"#996633\"><label xml:lang=\"en\">B</label></category>\n"
  "    <category id=\"c\" color=\"#339966\"><label xml:lang=\"en\">C</label></category>\n"
  "    <event id=\"e1\" category=\"a\" sources=\"s\" date=\"1990\"><title xml:lang=\"en\">First thing</title><description xml:lang=\"en\">d</description></event>\n"
  "    <event id=\"e2\" category=\"b\" sources=\"s\" date=\"2000-05\"><title xml:lang=\"en\">Second thing</title><description xml:lang=\"en\">d</description></event>\n"
  "    <event id=\"e3\" category=\"a\" sources=\"s\" from=\"2003\" to=\"2005\"><title xml:lang=\"en\">Third thing</title><description xml:lang=\"en\">d</description></event>\n"
  "    <event id=\"e4\" category=\"c\" sources=\"s\" date=\"2010-01-02\"><title xml:lang=\"en\">Fourth thing</title><description xml:lang=\"en\">d</description></event>\n"
  "    <event id=\"e5\" category=\"a\" sources=\"s\" date=\"2020\"><title xml:lang=\"en\">Fifth thing</title><description xml:lang=\"en\">d</description></event>\n"
  "  </timeline>\n"
  "</dataset>\n";

static char *
dataset_text (const char *title,
              gboolean    without_e3)
{
  g_autoptr(GString) xml = g_string_new (timeline_xml);

  g_string_replace (xml, "TITLE", title, 1);
  if (without_e3)
    {
      const char *start = strstr (xml->str, "    <event id=\"e3\"");
      const char *end = strstr (start, "</event>\n") + strlen ("</event>\n");

      g_string_erase (xml, start - xml->str, end - start);
    }
  return g_string_free (g_steal_pointer (&xml), FALSE);
}

static const KaravanView *shown_before;

static gboolean
reloaded (Fixture *f)
{
  KaravanTimelineView *timeline = karavan_window_get_timeline_view (f->window);
  const KaravanView *view = karavan_timeline_view_get_view (timeline);

  return view != NULL && view != shown_before && !karavan_window_is_loading (f->window) && timeline_ready (f);
}

static gboolean
shows_tl (Fixture *f)
{
  return g_strcmp0 (karavan_window_get_view_id (f->window), "tltest:tl") == 0 && timeline_ready (f);
}

/* The file changes on disk: the window reloads it, and the timeline
 * stays as the reader left it. */
static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  KaravanTimelineView *timeline = karavan_window_get_timeline_view (f->window);
  g_autofree char *path = g_build_filename (f->dir, "tltest.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *first = dataset_text ("Version one", FALSE);
  g_autofree char *second = dataset_text ("Version two", FALSE);
  g_autofree char *third = dataset_text ("Version three", TRUE);
  double from, to;

  g_assert_true (g_file_set_contents (path, first, -1, NULL));
  karavan_window_open_file (f->window, file);
  wait_for (not_loading, f);
  g_assert_true (karavan_window_select_view (f->window, "tltest:tl"));
  wait_for (shows_tl, f);

  /* Zoomed in, moved, a category hidden, a search, an event open. */
  karavan_timeline_view_set_window (timeline, 1999, 2007, FALSE);
  karavan_timeline_view_set_category_visible (timeline, 2, FALSE);
  karavan_timeline_view_set_search (timeline, "thing");
  g_assert_true (karavan_timeline_view_open_event (timeline, "e3"));
  karavan_timeline_view_get_window (timeline, &from, &to);
  flush ();

  /* A new version on disk. */
  shown_before = karavan_timeline_view_get_view (timeline);
  g_assert_true (g_file_set_contents (path, second, -1, NULL));
  wait_for (reloaded, f);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "tltest:tl");
  g_assert_cmpstr (karavan_text_get (&karavan_timeline_view_get_view (timeline)->title, KARAVAN_LANG_EN), ==,
                   "Version two");
  {
    double new_from, new_to;

    karavan_timeline_view_get_window (timeline, &new_from, &new_to);
    g_assert_cmpfloat_with_epsilon (new_from, from, 1e-9);
    g_assert_cmpfloat_with_epsilon (new_to, to, 1e-9);
  }
  g_assert_true (karavan_timeline_view_get_category_visible (timeline, 0));
  g_assert_true (karavan_timeline_view_get_category_visible (timeline, 1));
  g_assert_false (karavan_timeline_view_get_category_visible (timeline, 2));
  g_assert_cmpstr (karavan_timeline_view_get_search (timeline), ==, "thing");
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (timeline), ==, "e3");
  g_assert_true (karavan_timeline_view_get_details_visible (timeline));
  {
    KaravanRenderOptions options;
    guint n;

    /* The figure on screen is drawn so. */
    karavan_timeline_view_get_render_options (timeline, &options);
    g_assert_cmpuint (options.hidden_categories, ==, 1 << 2);
    karavan_figure_get_events (karavan_timeline_view_get_figure (timeline), &n);
    g_assert_cmpuint (n, ==, 2);  /* e2 and e3 in 1999–2007 */
  }

  /* The selected event is gone from the next version: the rest stays. */
  shown_before = karavan_timeline_view_get_view (timeline);
  g_assert_true (g_file_set_contents (path, third, -1, NULL));
  wait_for (reloaded, f);
  g_assert_null (karavan_timeline_view_get_selected_event (timeline));
  g_assert_false (karavan_timeline_view_get_details_visible (timeline));
  karavan_timeline_view_get_window (timeline, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, 1999, 1e-9);
  g_assert_cmpfloat_with_epsilon (to, 2007, 1e-9);
  g_assert_false (karavan_timeline_view_get_category_visible (timeline, 2));
  g_assert_cmpstr (karavan_timeline_view_get_search (timeline), ==, "thing");

  /* Another view and back: a fresh start. */
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:relations"));
  wait_for (timeline_ready, f);
  karavan_timeline_view_get_window (timeline, &from, &to);
  g_assert_cmpfloat (from, ==, 1991);
  g_assert_null (karavan_timeline_view_get_search (timeline));
  g_assert_true (karavan_timeline_view_get_category_visible (timeline, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/karavan/Karavan/icons");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/Karavan/TimelineWindow/marker", Fixture, NULL, fixture_setup, test_marker, fixture_teardown);
  g_test_add ("/Karavan/TimelineWindow/marker-label", Fixture, NULL, fixture_setup, test_marker_label,
              fixture_teardown);
  g_test_add ("/Karavan/TimelineWindow/reload", Fixture, NULL, fixture_setup, test_reload, fixture_teardown);

  return g_test_run ();
}
