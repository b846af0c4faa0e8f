/* test-timeline-view.c: the timeline widget under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real widget in a window: zoom and pan with keys, move
 * between events with Left/Right, open an event's details, filter a
 * category, search, drag and scroll; and reads the pixels it draws.
 * Keys go through the widget's own key controller, so the test needs no
 * window manager and no input synthesis.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "karavan-timeline-view.h"

typedef struct {
  KaravanDataset      *dataset;
  const KaravanView   *view;
  GtkWidget           *window;
  KaravanTimelineView *timeline;
  GtkWidget           *canvas;
  char                *activated;
  guint                n_activated;
} Fixture;

static void
wait_for (gboolean (*done) (Fixture *), Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
canvas_ready (Fixture *f)
{
  return gtk_widget_get_mapped (f->canvas) && gtk_widget_get_width (f->canvas) > 300 &&
         karavan_timeline_view_get_figure (f->timeline) != NULL;
}

/* Lets pending layout, draws and idles run. */
static void
flush (void)
{
  for (int i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
on_event_activated_cb (KaravanTimelineView *timeline,
                       const char          *id,
                       Fixture             *f)
{
  g_free (f->activated);
  f->activated = g_strdup (id);
  f->n_activated++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = karavan_get_datasets_dir ();
  g_autofree char *path = g_build_filename (dir, "kazakhstan-china.xml", NULL);
  g_autoptr(GError) error = NULL;

  /* Steps land at once, unless a test asks for animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", data != NULL, NULL);

  f->dataset = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  f->view = karavan_dataset_find_view (f->dataset, "relations");

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  f->timeline = KARAVAN_TIMELINE_VIEW (karavan_timeline_view_new ());
  g_object_ref_sink (f->timeline);
  karavan_timeline_view_set_lang (f->timeline, KARAVAN_LANG_EN);
  karavan_timeline_view_set_view (f->timeline, f->dataset, f->view);
  g_signal_connect (f->timeline, "event-activated", G_CALLBACK (on_event_activated_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->timeline));
  f->canvas = karavan_timeline_view_get_canvas (f->timeline);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (canvas_ready, f);
  gtk_widget_grab_focus (GTK_WIDGET (f->timeline));
  flush ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush ();
  g_assert_finalize_object (f->timeline);
  g_clear_object (&f->dataset);
  g_free (f->activated);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  state)
{
  GtkEventController *keys = find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  flush ();
  return handled;
}

static double
span (Fixture *f)
{
  double from, to;

  karavan_timeline_view_get_window (f->timeline, &from, &to);
  return to - from;
}

static double
start (Fixture *f)
{
  double from, to;

  karavan_timeline_view_get_window (f->timeline, &from, &to);
  return from;
}

static const KaravanEventBox *
selected_box (Fixture *f)
{
  KaravanFigure *figure = karavan_timeline_view_get_figure (f->timeline);
  guint n;
  const KaravanEventBox *boxes = karavan_figure_get_events (figure, &n);

  for (guint i = 0; i < n; i++)
    if (boxes[i].selected)
      return &boxes[i];
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label_text (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;
  return FALSE;
}

static guint
count_link_buttons (GtkWidget *root)
{
  guint n = GTK_IS_LINK_BUTTON (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_link_buttons (child);
  return n;
}

static void
test_zoom_keys (Fixture       *f,
                gconstpointer  data)
{
  double fit = span (f);

  g_assert_cmpfloat (fit, ==, 2026 - 1991);
  g_assert_true (gtk_widget_has_focus (f->canvas));

  /* Zoomed out as far as it goes already. */
  g_assert_true (press (f, GDK_KEY_minus, 0));
  g_assert_cmpfloat (span (f), ==, fit);

  g_assert_true (press (f, GDK_KEY_plus, 0));
  g_assert_cmpfloat_with_epsilon (span (f), fit / 1.5, 1e-9);
  g_assert_true (press (f, GDK_KEY_KP_Add, 0));
  g_assert_cmpfloat_with_epsilon (span (f), fit / 2.25, 1e-9);
  g_assert_true (press (f, GDK_KEY_minus, 0));
  g_assert_cmpfloat_with_epsilon (span (f), fit / 1.5, 1e-9);

  /* Never narrower than a few months. */
  for (int i = 0; i < 30; i++)
    press (f, GDK_KEY_plus, 0);
  g_assert_cmpfloat_with_epsilon (span (f), 0.25, 1e-9);

  /* The axis follows: months now. */
  {
    guint n, months = 0;
    const KaravanLabelBox *labels = karavan_figure_get_labels (karavan_timeline_view_get_figure (f->timeline), &n);

    for (guint i = 0; i < n; i++)
      months += labels[i].kind == KARAVAN_LABEL_TICK && g_ascii_isalpha (labels[i].text[0]);
    g_assert_cmpuint (months, >=, 2);
  }

  g_assert_true (press (f, GDK_KEY_0, 0));
  g_assert_cmpfloat (span (f), ==, fit);
  g_assert_cmpfloat (start (f), ==, 1991);
}

static void
test_pan_keys (Fixture       *f,
               gconstpointer  data)
{
  double s, x;

  /* At the start, Left cannot go further back. */
  press (f, GDK_KEY_plus, 0);
  press (f, GDK_KEY_plus, 0);
  s = span (f);
  karavan_timeline_view_set_window (f->timeline, 1991, 1991 + s, FALSE);
  press (f, GDK_KEY_Left, 0);
  g_assert_cmpfloat (start (f), ==, 1991);

  /* With nothing selected, Right and Left pan by a tenth. */
  g_assert_null (karavan_timeline_view_get_selected_event (f->timeline));
  x = start (f);
  g_assert_true (press (f, GDK_KEY_Right, 0));
  g_assert_cmpfloat_with_epsilon (start (f), x + s * 0.1, 1e-9);
  g_assert_true (press (f, GDK_KEY_Right, 0));
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_cmpfloat_with_epsilon (start (f), x + s * 0.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (span (f), s, 1e-9);

  /* Never past the end. */
  for (int i = 0; i < 40; i++)
    press (f, GDK_KEY_Right, 0);
  g_assert_cmpfloat_with_epsilon (start (f) + span (f), 2026, 1e-9);

  /* Shift pans even with a selection. */
  karavan_timeline_view_select_event (f->timeline, "ev-2024-year-of-tourism");
  x = start (f);
  press (f, GDK_KEY_Left, GDK_SHIFT_MASK);
  g_assert_cmpfloat_with_epsilon (start (f), x - s * 0.1, 1e-9);
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2024-year-of-tourism");
}

static void
test_events_keys (Fixture       *f,
                  gconstpointer  data)
{
  KaravanTimeline *timeline = f->view->timeline;
  const KaravanEvent *event;

  /* Zoomed in on the 1990s; End goes to the last event, and the view
   * follows it. */
  karavan_timeline_view_set_window (f->timeline, 1991, 1995, FALSE);
  g_assert_true (press (f, GDK_KEY_End, 0));
  event = timeline->events->pdata[timeline->events->len - 1];
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, event->id);
  g_assert_nonnull (selected_box (f));
  g_assert_true (selected_box (f)->event == event);
  g_assert_cmpfloat_with_epsilon (span (f), 4, 1e-9);
  g_assert_cmpfloat (start (f), >, 2020);

  /* Left and Right walk the events in order. */
  g_assert_true (press (f, GDK_KEY_Home, 0));
  for (guint i = 0; i < timeline->events->len; i++)
    {
      event = timeline->events->pdata[i];
      g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, event->id);
      /* Always in sight. */
      g_assert_nonnull (selected_box (f));
      g_assert_true (selected_box (f)->event == event);
      if (i + 1 < timeline->events->len)
        g_assert_true (press (f, GDK_KEY_Right, 0));
    }
  g_assert_true (press (f, GDK_KEY_Right, 0));   /* the last one: stays */
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, event->id);
  g_assert_true (press (f, GDK_KEY_Left, 0));
  event = timeline->events->pdata[timeline->events->len - 2];
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, event->id);

  /* Up and Down change lane, to the nearest event in time. */
  karavan_timeline_view_select_event (f->timeline, "ev-2001-sco");
  g_assert_true (press (f, GDK_KEY_Down, 0));
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2001-culture-exchange-plan");
  g_assert_true (press (f, GDK_KEY_Up, 0));
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2001-sco");

  /* Escape drops the selection; then Left and Right pan again. */
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_null (karavan_timeline_view_get_selected_event (f->timeline));
  g_assert_false (press (f, GDK_KEY_Escape, 0));
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *details = find_named (GTK_WIDGET (f->timeline), "timeline-details");

  g_assert_nonnull (details);
  g_assert_false (karavan_timeline_view_get_details_visible (f->timeline));

  /* Enter with nothing selected selects the first event in sight. */
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-1991-recognition");
  g_assert_cmpuint (f->n_activated, ==, 0);

  /* An event with a correction and sources with links. */
  karavan_timeline_view_select_event (f->timeline, "ev-2019-film");
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_true (karavan_timeline_view_get_details_visible (f->timeline));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (details)));
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_cmpstr (f->activated, ==, "ev-2019-film");
  g_assert_true (has_label_text (details, "Sino-Kazakh film"));
  g_assert_true (has_label_text (details, "2019"));
  g_assert_true (has_label_text (details, "Correction"));
  g_assert_true (has_label_text (details, "Media and film"));
  g_assert_cmpuint (count_link_buttons (details), >=, 1);

  /* A date at its precision. */
  karavan_timeline_view_select_event (f->timeline, "ev-1998-sport-agreement");
  g_assert_true (has_label_text (details, "7 May 1998"));
  karavan_timeline_view_select_event (f->timeline, "ev-1993-culture-plan");
  g_assert_true (has_label_text (details, "1993–1994"));

  /* Escape closes the details, then drops the selection. */
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_false (karavan_timeline_view_get_details_visible (f->timeline));
  g_assert_nonnull (karavan_timeline_view_get_selected_event (f->timeline));
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_null (karavan_timeline_view_get_selected_event (f->timeline));

  /* Opening by id (as a chart's marker does), even far off screen. */
  karavan_timeline_view_set_window (f->timeline, 1991, 1994, FALSE);
  g_assert_true (karavan_timeline_view_open_event (f->timeline, "ev-2024-07-joint-statement"));
  g_assert_cmpstr (f->activated, ==, "ev-2024-07-joint-statement");
  g_assert_true (karavan_timeline_view_get_details_visible (f->timeline));
  g_assert_nonnull (selected_box (f));
  g_assert_false (karavan_timeline_view_open_event (f->timeline, "no-such-event"));
}

static guint
count_category (Fixture    *f,
                const char *category)
{
  guint n, count = 0;
  const KaravanEventBox *boxes = karavan_figure_get_events (karavan_timeline_view_get_figure (f->timeline), &n);

  for (guint i = 0; i < n; i++)
    count += strcmp (boxes[i].event->category->id, category) == 0;
  return count;
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *button = find_named (GTK_WIDGET (f->timeline), "category-culture");
  guint culture = count_category (f, "culture");

  g_assert_nonnull (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpuint (culture, ==, 8);

  karavan_timeline_view_select_event (f->timeline, "ev-1998-sport-agreement");

  /* The button, as a click does. */
  g_signal_emit_by_name (button, "clicked");
  flush ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (karavan_timeline_view_get_category_visible (f->timeline, 1));
  g_assert_cmpuint (count_category (f, "culture"), ==, 0);
  g_assert_cmpuint (count_category (f, "diplomacy"), ==, 4);
  /* The selection went with its lane. */
  g_assert_null (karavan_timeline_view_get_selected_event (f->timeline));
  g_assert_true (has_label_text (GTK_WIDGET (f->timeline), "25 of 33 events"));

  /* Right skips the hidden lane. */
  karavan_timeline_view_select_event (f->timeline, "ev-1991-recognition");
  press (f, GDK_KEY_Right, 0);
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2001-sco");

  /* Selecting an event of a hidden lane shows the lane again. */
  karavan_timeline_view_select_event (f->timeline, "ev-2005-subcommittee");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpuint (count_category (f, "culture"), ==, culture);
}

static gboolean
search_is_visa (Fixture *f)
{
  return g_strcmp0 (karavan_timeline_view_get_search (f->timeline), "visa") == 0;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = find_named (GTK_WIDGET (f->timeline), "timeline-search");
  guint n;

  g_assert_nonnull (entry);
  karavan_timeline_view_select_event (f->timeline, "ev-2023-visa-free-30");
  gtk_editable_set_text (GTK_EDITABLE (entry), "visa");
  wait_for (search_is_visa, f);
  karavan_figure_get_events (karavan_timeline_view_get_figure (f->timeline), &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2023-visa-free-30");

  /* Home and End keep to the matches. */
  press (f, GDK_KEY_Home, 0);
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2022-visa-free-14");
  press (f, GDK_KEY_End, 0);
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2023-visa-free-30");

  /* A search that leaves out the selection drops it. */
  karavan_timeline_view_set_search (f->timeline, "festival");
  g_assert_null (karavan_timeline_view_get_selected_event (f->timeline));
  karavan_timeline_view_set_search (f->timeline, NULL);
  karavan_figure_get_events (karavan_timeline_view_get_figure (f->timeline), &n);
  g_assert_cmpuint (n, ==, 33);
}

static void
test_pointer (Fixture       *f,
              gconstpointer  data)
{
  GtkEventController *drag = find_controller (f->canvas, GTK_TYPE_GESTURE_DRAG);
  GtkEventController *scroll = find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  GtkEventController *click = find_controller (f->canvas, GTK_TYPE_GESTURE_CLICK);
  double px, py, pw, ph, x, s;
  gboolean handled = FALSE;
  const KaravanEventBox *box;
  guint n;

  karavan_timeline_view_set_window (f->timeline, 2000, 2010, FALSE);
  flush ();
  g_assert_true (karavan_figure_get_plot_area (karavan_timeline_view_get_figure (f->timeline), &px, &py, &pw, &ph));

  /* Dragging left by a tenth of the plot moves a tenth later. */
  g_signal_emit_by_name (drag, "drag-begin", px + pw / 2, py + 10);
  g_signal_emit_by_name (drag, "drag-update", -pw / 10, 0.0);
  g_signal_emit_by_name (drag, "drag-end", -pw / 10, 0.0);
  g_assert_cmpfloat_with_epsilon (start (f), 2001, 1e-6);
  g_assert_cmpfloat_with_epsilon (span (f), 10, 1e-9);

  /* A wheel notch pans a tenth too. */
  x = start (f);
  s = span (f);
  g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat_with_epsilon (start (f), x + s * 0.1, 1e-6);
  flush ();

  /* A click on an event selects it; a double click opens it. */
  box = karavan_figure_get_events (karavan_timeline_view_get_figure (f->timeline), &n);
  g_assert_cmpuint (n, >, 0);
  {
    const char *id = box[0].event->id;
    double cx = box[0].x + box[0].width / 2, cy = box[0].y + box[0].height / 2;

    g_signal_emit_by_name (click, "pressed", 1, cx, cy);
    flush ();
    g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, id);
    g_assert_false (karavan_timeline_view_get_details_visible (f->timeline));
    g_signal_emit_by_name (click, "pressed", 2, cx, cy);
    flush ();
    g_assert_true (karavan_timeline_view_get_details_visible (f->timeline));
    g_assert_cmpstr (f->activated, ==, id);
  }
  /* A click on nothing drops the selection. */
  g_signal_emit_by_name (click, "pressed", 1, 2.0, 2.0);
  g_assert_null (karavan_timeline_view_get_selected_event (f->timeline));
}

/* The widget's pixels: the figure, with each lane's colour on its
 * events. */
static void
test_pixels (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (f->canvas);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (f->canvas));
  int width = gtk_widget_get_width (f->canvas), height = gtk_widget_get_height (f->canvas);
  const KaravanEventBox *boxes;
  guint n, checked = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);

  boxes = karavan_figure_get_events (karavan_timeline_view_get_figure (f->timeline), &n);
  for (guint i = 0; i < n; i++)
    {
      KaravanRgb color;
      int x = (int) (boxes[i].x + boxes[i].width / 2), y = (int) (boxes[i].y + boxes[i].height / 2);
      const guint8 *p;

      if (boxes[i].is_range || !karavan_rgb_parse (boxes[i].event->category->color, &color))
        continue;
      /* The dot's middle, in the lane's colour (BGRA, premultiplied, opaque). */
      p = pixels + ((gsize) y * width + x) * 4;
      g_assert_cmpint (abs (p[2] - (int) round (color.r * 255)), <=, 3);
      g_assert_cmpint (abs (p[1] - (int) round (color.g * 255)), <=, 3);
      g_assert_cmpint (abs (p[0] - (int) round (color.b * 255)), <=, 3);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 20);
}

static gboolean
animation_done (Fixture *f)
{
  return fabs (span (f) - 35 / 1.5) < 1e-9;
}

static void
test_animated_zoom (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_true (press (f, GDK_KEY_plus, 0));
  /* Not there at once: the zoom is animated... */
  g_assert_cmpfloat (span (f), >, 35 / 1.5 + 0.5);
  /* ...and gets there. */
  wait_for (animation_done, f);
  /* The middle stayed put. */
  g_assert_cmpfloat_with_epsilon (start (f) + span (f) / 2, (1991 + 2026) / 2.0, 1e-6);
}

static void
test_lang (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *button = find_named (GTK_WIDGET (f->timeline), "category-culture");

  karavan_timeline_view_open_event (f->timeline, "ev-1992-culture-agreement");
  karavan_timeline_view_set_lang (f->timeline, KARAVAN_LANG_KK);
  flush ();
  button = find_named (GTK_WIDGET (f->timeline), "category-culture");
  g_assert_true (has_label_text (button, "Мәдениет және спорт"));
  g_assert_true (has_label_text (find_named (GTK_WIDGET (f->timeline), "timeline-details"), "1992"));
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-1992-culture-agreement");
}

/* The same file loaded again (as the window does when it changes on
 * disk): a new dataset, the same view; the widget keeps its state. */
static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = karavan_get_datasets_dir ();
  g_autofree char *path = g_build_filename (dir, "kazakhstan-china.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) again = NULL;
  const KaravanView *view;
  double from, to;

  karavan_timeline_view_set_window (f->timeline, 2012, 2020, FALSE);
  karavan_timeline_view_set_category_visible (f->timeline, 0, FALSE);
  karavan_timeline_view_set_search (f->timeline, "film");
  g_assert_true (karavan_timeline_view_open_event (f->timeline, "ev-2017-chinese-film-week"));
  karavan_timeline_view_get_window (f->timeline, &from, &to);
  flush ();

  again = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  view = karavan_dataset_find_view (again, "relations");
  g_assert_true (view != f->view);
  karavan_timeline_view_set_view (f->timeline, again, view);
  flush ();

  g_assert_true (karavan_timeline_view_get_view (f->timeline) == view);
  {
    double new_from, new_to;

    karavan_timeline_view_get_window (f->timeline, &new_from, &new_to);
    g_assert_cmpfloat_with_epsilon (new_from, from, 1e-9);
    g_assert_cmpfloat_with_epsilon (new_to, to, 1e-9);
  }
  g_assert_false (karavan_timeline_view_get_category_visible (f->timeline, 0));
  g_assert_true (karavan_timeline_view_get_category_visible (f->timeline, 1));
  g_assert_cmpstr (karavan_timeline_view_get_search (f->timeline), ==, "film");
  g_assert_cmpstr (karavan_timeline_view_get_selected_event (f->timeline), ==, "ev-2017-chinese-film-week");
  g_assert_true (karavan_timeline_view_get_details_visible (f->timeline));
  g_assert_nonnull (selected_box (f));

  /* Shown again after another view: afresh. */
  karavan_timeline_view_set_view (f->timeline, NULL, NULL);
  karavan_timeline_view_set_view (f->timeline, again, view);
  flush ();
  karavan_timeline_view_get_window (f->timeline, &from, &to);
  g_assert_cmpfloat (from, ==, 1991);
  g_assert_null (karavan_timeline_view_get_selected_event (f->timeline));
  g_assert_null (karavan_timeline_view_get_search (f->timeline));
  g_assert_true (karavan_timeline_view_get_category_visible (f->timeline, 0));
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

  g_test_add ("/Karavan/TimelineView/zoom-keys", Fixture, NULL, fixture_setup, test_zoom_keys, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/pan-keys", Fixture, NULL, fixture_setup, test_pan_keys, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/events-keys", Fixture, NULL, fixture_setup, test_events_keys, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/details", Fixture, NULL, fixture_setup, test_details, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/filter", Fixture, NULL, fixture_setup, test_filter, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/pointer", Fixture, NULL, fixture_setup, test_pointer, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/pixels", Fixture, NULL, fixture_setup, test_pixels, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/animated-zoom", Fixture, "animate", fixture_setup, test_animated_zoom,
              fixture_teardown);
  g_test_add ("/Karavan/TimelineView/lang", Fixture, NULL, fixture_setup, test_lang, fixture_teardown);
  g_test_add ("/Karavan/TimelineView/reload", Fixture, NULL, fixture_setup, test_reload, fixture_teardown);

  return g_test_run ();
}
