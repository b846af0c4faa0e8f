/* test-window.c: the main window, driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test builds the window as the application does, with the bundled
 * datasets, shows it under a display (xvfb-run) and works it through its
 * actions, its widgets' own event controllers and signals: no window
 * manager and no input synthesis are needed. What the chart draws is
 * read back as pixels.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "karavan-window.h"

#define SERIES_BLUE 0x0072b2  /* the light palette's first series colour */

typedef struct {
  KaravanWindow *window;
  char          *dir;
} Fixture;

static const char dataset_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"guitest\">\n"
  "  <title xml:lang=\"en\">GUI test</title>\n"
  "  <sources>\n"
  "    <source id=\"article\" url=\"https://example.org/article\" publisher=\"Example Press\" accessed=\"2025-11-20\">\n"
  "      <citation xml:lang=\"en\">Liu S., Serikkaliyeva A. (2025) A test citation.</citation>\n"
  "      <citation xml:lang=\"kk\">Лю С., Серікқалиева А. (2025) Сынақ.</citation>\n"
  "    </source>\n"
  "  </sources>\n"
  "  <series id=\"exports\" sources=\"article\" x-type=\"year\">\n"
  "    <title xml:lang=\"en\">Vehicle exports</title>\n"
  "    <title xml:lang=\"kk\">Көлік экспорты</title>\n"
  "    <unit xml:lang=\"en\">vehicles</unit>\n"
  "    <unit xml:lang=\"kk\">көлік</unit>\n"
  "    <definition xml:lang=\"en\">Vehicles exported from China to Kazakhstan.</definition>\n"
  "    <points>\n"
  "      <point x=\"2020\" y=\"7439\"/>\n"
  "      <point x=\"2022\" y=\"43000\" relation=\"approx\"/>\n"
  "      <point x=\"2024\" y=\"124234\" estimate=\"true\"><period xml:lang=\"en\">January to December</period></point>\n"
  "    </points>\n"
  "  </series>\n"
  "  <series id=\"imports\" sources=\"article\" x-type=\"year\">\n"
  "    <title xml:lang=\"en\">Customs imports</title>\n"
  "    <unit xml:lang=\"en\">vehicles</unit>\n"
  "    <definition xml:lang=\"en\">Vehicles cleared by customs.</definition>\n"
  "    <points>\n"
  "      <point x=\"2020\" y=\"5000\"/>\n"
  "      <point x=\"2022\" y=\"30000\"/>\n"
  "      <point x=\"2024\" y=\"90000\"/>\n"
  "    </points>\n"
  "  </series>\n"
  "  <chart id=\"exports-line\" type=\"line\" series=\"exports imports\">\n"
  "    <title xml:lang=\"en\">Vehicle exports and imports</title>\n"
  "    <title xml:lang=\"kk\">Көлік экспорты мен импорты</title>\n"
  "  </chart>\n"
  "</dataset>\n";

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

typedef gboolean (*Condition) (Fixture *f);

static void
wait_for (Condition  done,
          Fixture   *f)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets pending layout, draws and idles run. */
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
not_loading (Fixture *f)
{
  return !karavan_window_is_loading (f->window);
}

static char *
write_dataset (Fixture    *f,
               const char *name,
               const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
open_path (Fixture    *f,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  karavan_window_open_file (f->window, file);
  g_assert_true (karavan_window_is_loading (f->window));
  wait_for (not_loading, f);
  wait_for (chart_ready, f);
}

static void
open_fixture (Fixture *f)
{
  g_autofree char *path = write_dataset (f, "guitest.xml", dataset_xml);

  open_path (f, path);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "guitest:exports-line");
}

/* The widget as drawn, in cairo's ARGB32 (B, G, R, A in memory). */
static guchar *
capture (GtkWidget *widget,
         int       *width,
         int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar *data;

  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* A widget laid out anew has no drawing until its next frame. */
  for (;;)
    {
      *width = gtk_widget_get_width (widget);
      *height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, *width, *height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      snapshot = gtk_snapshot_new ();
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, *width);

  data = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, data, (gsize) *width * 4);
  return data;
}

/* Pixels within @tolerance of @rgb inside a rectangle. */
static guint
count_color (const guchar *data,
             int           stride_width,
             double        x0,
             double        y0,
             double        w,
             double        h,
             guint32       rgb,
             int           tolerance)
{
  int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
  guint n = 0;

  for (int y = (int) y0; y < (int) (y0 + h); y++)
    for (int x = (int) x0; x < (int) (x0 + w); x++)
      {
        const guchar *p = data + ((gsize) y * stride_width + x) * 4;

        if (abs (p[2] - r) <= tolerance && abs (p[1] - g) <= tolerance && abs (p[0] - b) <= tolerance)
          n++;
      }
  return n;
}

static guint
count_plot_color (KaravanChartView *chart,
                  guint32           rgb)
{
  KaravanFigure *figure = karavan_chart_view_get_figure (chart);
  g_autofree guchar *data = NULL;
  double px, py, pw, ph;
  int width, height;

  g_assert_true (karavan_figure_get_plot_area (figure, &px, &py, &pw, &ph));
  data = capture (GTK_WIDGET (chart), &width, &height);
  return count_color (data, width, px, py, pw, ph, rgb, 40);
}

/* Where the keyboard's first point is: a point the figure drew. */
static void
first_point (KaravanChartView *chart,
             double           *x,
             double           *y)
{
  g_assert_true (karavan_chart_view_move_cursor (chart, 1, 0));
  g_assert_true (karavan_chart_view_get_crosshair (chart, x, y));
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
        return controller;  /* the widget keeps it */
    }
  g_assert_not_reached ();
}

static gboolean
table_has_cell (KaravanDataTable *table,
                const char       *text)
{
  for (guint r = 0; r < karavan_data_table_get_n_rows (table); r++)
    for (guint c = 0; c < karavan_data_table_get_n_columns (table); c++)
      if (g_strcmp0 (karavan_data_table_get_cell (table, r, c), text) == 0)
        return TRUE;
  return FALSE;
}

static guint
column_index (KaravanDataTable *table,
              const char       *title)
{
  for (guint c = 0; c < karavan_data_table_get_n_columns (table); c++)
    if (g_strcmp0 (karavan_data_table_get_column_title (table, c), title) == 0)
      return c;
  g_assert_not_reached ();
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  flush ();
}

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("karavan-gui-XXXXXX", &error);
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
/* Tests                                                                  */

/* Start-up shows a bundled chart, and the chart is really drawn. */
static void
test_bundled_chart (Fixture       *f,
                    gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  const KaravanView *view;

  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), >=, 4);
  view = karavan_chart_view_get_view (chart);
  g_assert_nonnull (view);
  g_assert_cmpint (view->kind, ==, KARAVAN_VIEW_CHART);
  g_assert_cmpstr (karavan_window_get_page (f->window), ==, "chart");

  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:exports-growth"));
  wait_for (chart_ready, f);
  g_assert_cmpstr (karavan_chart_view_get_view (chart)->id, ==, "exports-growth");

  /* The line from 7,439 to 124,234 in the first series' blue. */
  g_assert_cmpuint (count_plot_color (chart, SERIES_BLUE), >, 200);
  g_assert_null (karavan_window_get_error (f->window));
}

static void
test_open_path (Fixture       *f,
                gconstpointer  data)
{
  guint before = karavan_window_get_n_datasets (f->window);
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  g_autofree char *path = g_build_filename (f->dir, "guitest.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  open_fixture (f);
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before + 1);
  g_assert_cmpstr (karavan_chart_view_get_view (chart)->id, ==, "exports-line");
  g_assert_cmpuint (count_plot_color (chart, SERIES_BLUE), >, 100);

  /* Opening it again shows it: it is not opened twice. */
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:exports-growth"));
  flush ();
  karavan_window_open_file (f->window, file);
  g_assert_false (karavan_window_is_loading (f->window));
  flush ();
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before + 1);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "guitest:exports-line");
}

static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = karavan_window_get_n_datasets (f->window);

  karavan_window_open_file (f->window, file);
  wait_for (not_loading, f);
  g_assert_nonnull (karavan_window_get_error (f->window));
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before);
  g_assert_nonnull (karavan_chart_view_get_view (karavan_window_get_chart_view (f->window)));
}

/* The Table page has the data, with units and flags, and sorts. */
static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  KaravanDataTable *table = karavan_window_get_data_table (f->window);
  guint value, flags, unit, year;

  open_fixture (f);
  activate (f, "win.show-page", g_variant_new_string ("table"));
  g_assert_cmpstr (karavan_window_get_page (f->window), ==, "table");

  g_assert_cmpuint (karavan_data_table_get_n_rows (table), ==, 6);
  g_assert_true (table_has_cell (table, "124,234"));
  g_assert_true (table_has_cell (table, "≈43,000"));
  g_assert_true (table_has_cell (table, "Customs imports"));

  value = column_index (table, "Value");
  flags = column_index (table, "Flags");
  unit = column_index (table, "Unit");
  year = column_index (table, "Year");

  karavan_data_table_sort_by (table, value, GTK_SORT_DESCENDING);
  g_assert_cmpstr (karavan_data_table_get_cell (table, 0, value), ==, "124,234");
  g_assert_cmpstr (karavan_data_table_get_cell (table, 0, unit), ==, "vehicles");
  g_assert_cmpstr (karavan_data_table_get_cell (table, 0, year), ==, "2024");
  g_assert_nonnull (strstr (karavan_data_table_get_cell (table, 0, flags), "estimate"));
  g_assert_nonnull (strstr (karavan_data_table_get_cell (table, 0, flags), "January to December"));

  karavan_data_table_sort_by (table, value, GTK_SORT_ASCENDING);
  g_assert_cmpstr (karavan_data_table_get_cell (table, 0, value), ==, "5,000");

  /* Alt+3 and Alt+1 go on to the other pages. */
  activate (f, "win.show-page", g_variant_new_string ("sources"));
  g_assert_cmpstr (karavan_window_get_page (f->window), ==, "sources");
  activate (f, "win.show-page", g_variant_new_string ("chart"));
  g_assert_cmpstr (karavan_window_get_page (f->window), ==, "chart");
}

/* A long series: the table shows its first rows and says so. */
static void
test_large_table (Fixture       *f,
                  gconstpointer  data)
{
  KaravanDataTable *table = karavan_window_get_data_table (f->window);
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autofree char *path = NULL;

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"long\">\n"
                   "  <title xml:lang=\"en\">Long</title>\n"
                   "  <sources><source id=\"s\"><citation xml:lang=\"en\">S</citation></source></sources>\n"
                   "  <series id=\"v\" sources=\"s\" x-type=\"number\">\n"
                   "    <title xml:lang=\"en\">V</title><definition xml:lang=\"en\">V</definition>\n"
                   "    <values start=\"0\" step=\"1\">");
  for (int i = 0; i < 100000; i++)
    g_string_append_printf (xml, "%d ", i);
  g_string_append (xml, "</values>\n  </series>\n"
                        "  <chart id=\"c\" type=\"line\" series=\"v\"><title xml:lang=\"en\">C</title></chart>\n"
                        "</dataset>\n");
  path = write_dataset (f, "long.xml", xml->str);
  open_path (f, path);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "long:c");

  activate (f, "win.show-page", g_variant_new_string ("table"));
  g_assert_cmpuint (karavan_data_table_get_n_total_rows (table), ==, 100000);
  g_assert_cmpuint (karavan_data_table_get_n_rows (table), >=, 1000);
  g_assert_cmpuint (karavan_data_table_get_n_rows (table), <, 100000);
  g_assert_cmpstr (karavan_data_table_get_cell (table, 0, column_index (table, "Value")), ==, "0");
}

static void
test_sources (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = NULL;

  open_fixture (f);
  activate (f, "win.show-page", g_variant_new_string ("sources"));
  text = karavan_sources_view_get_text (karavan_window_get_sources_view (f->window));

  g_assert_nonnull (strstr (text, "Liu S., Serikkaliyeva A. (2025) A test citation."));
  g_assert_nonnull (strstr (text, "https://example.org/article"));
  g_assert_nonnull (strstr (text, "Example Press"));
  g_assert_nonnull (strstr (text, "Vehicles exported from China to Kazakhstan."));
  g_assert_nonnull (strstr (text, "Unit: vehicles"));
  /* The note on 2024's value. */
  g_assert_nonnull (strstr (text, "Vehicle exports, 2024"));
}

/* The pointer over a point: a crosshair and the tooltip's words. */
static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  GtkEventController *motion;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  double x, y, cx, cy, last_x = -1, last_y = -1;

  open_fixture (f);

  /* The last point of the first series: 2024, 124,234, an estimate. */
  first_point (chart, &x, &y);
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (karavan_chart_view_move_cursor (chart, 1, 0));
      g_assert_true (karavan_chart_view_get_crosshair (chart, &last_x, &last_y));
    }
  g_assert_cmpfloat (last_x, >, x);

  motion = find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_signal_emit_by_name (motion, "motion", last_x + 2, last_y + 1);
  g_assert_true (karavan_chart_view_get_crosshair (chart, &cx, &cy));
  g_assert_cmpfloat_with_epsilon (cx, last_x, 0.5);
  g_assert_cmpfloat_with_epsilon (cy, last_y, 0.5);

  markup = karavan_chart_view_query_point (chart, last_x + 2, last_y + 1);
  g_assert_nonnull (markup);
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Vehicle exports"));
  g_assert_nonnull (strstr (text, "2024"));
  g_assert_nonnull (strstr (text, "124,234 vehicles"));
  g_assert_nonnull (strstr (text, "Estimate"));
  g_assert_nonnull (strstr (text, "January to December"));
  g_assert_nonnull (strstr (text, "Source: Liu S., Serikkaliyeva A. (2025) A test citation."));

  /* Away from every point, no tooltip, and the crosshair goes. */
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (karavan_chart_view_get_crosshair (chart, NULL, NULL));
  g_assert_null (karavan_chart_view_query_point (chart, 1, 1));
}

/* A click on a legend entry hides its series; another shows it. */
static void
test_legend (Fixture       *f,
             gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  GtkEventController *click;
  const KaravanLabelBox *boxes;
  const KaravanLabelBox *entry = NULL;
  guint n, before;

  open_fixture (f);
  before = count_plot_color (chart, SERIES_BLUE);
  g_assert_cmpuint (before, >, 100);

  boxes = karavan_figure_get_labels (karavan_chart_view_get_figure (chart), &n);
  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == KARAVAN_LABEL_LEGEND && g_str_equal (boxes[i].text, "Vehicle exports"))
      entry = &boxes[i];
  g_assert_nonnull (entry);

  click = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK);
  g_signal_emit_by_name (click, "released", 1, entry->x + entry->width / 2, entry->y + entry->height / 2);
  g_assert_cmpuint (karavan_chart_view_get_hidden_series (chart), ==, 1);
  flush ();
  g_assert_cmpuint (count_plot_color (chart, SERIES_BLUE), <, before / 10);

  /* The Series menu's check item followed the click: toggling it shows
   * the series again. */
  activate (f, "series.s0", NULL);
  g_assert_cmpuint (karavan_chart_view_get_hidden_series (chart), ==, 0);
  activate (f, "series.s1", NULL);
  g_assert_cmpuint (karavan_chart_view_get_hidden_series (chart), ==, 2);
}

/* Log scale, index and change: the values drawn are derived. */
static void
test_scale_and_values (Fixture       *f,
                       gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  const KaravanView *shown;
  const KaravanSeries *series;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  double x, y;

  open_fixture (f);
  g_assert_true (karavan_chart_view_get_shown_view (chart) == karavan_chart_view_get_view (chart));

  activate (f, "win.value-mode", g_variant_new_string ("index"));
  shown = karavan_chart_view_get_shown_view (chart);
  g_assert_true (shown != karavan_chart_view_get_view (chart));
  series = shown->chart->series->pdata[0];
  g_assert_cmpfloat_with_epsilon (g_array_index (series->points, KaravanPoint, 0).y, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (series->points, KaravanPoint, 2).y, 124234.0 / 7439 * 100, 1e-6);

  /* The tooltip gives the index and the value the data gives. */
  wait_for (chart_ready, f);
  first_point (chart, &x, &y);
  markup = karavan_chart_view_query_point (chart, x, y);
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "2020: 100"));
  g_assert_nonnull (strstr (text, "Value: 7,439 vehicles"));

  activate (f, "win.next-value-mode", NULL);
  shown = karavan_chart_view_get_shown_view (chart);
  series = shown->chart->series->pdata[0];
  g_assert_cmpint (series->format, ==, KARAVAN_FORMAT_PERCENT);
  g_assert_true (g_array_index (series->points, KaravanPoint, 0).flags & KARAVAN_POINT_MISSING);

  activate (f, "win.value-mode", g_variant_new_string ("absolute"));
  activate (f, "win.toggle-log-scale", NULL);
  shown = karavan_chart_view_get_shown_view (chart);
  g_assert_true (shown->chart->log_scale);
  wait_for (chart_ready, f);
  g_assert_cmpuint (count_plot_color (chart, SERIES_BLUE), >, 100);

  /* A new view starts as its file says. */
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:exports-growth"));
  g_assert_false (karavan_chart_view_get_shown_view (chart)->chart->log_scale);
}

/* The figure's language is independent of the interface's. */
static void
test_figure_language (Fixture       *f,
                      gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  KaravanDataTable *table = karavan_window_get_data_table (f->window);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.karavan.Karavan");
  g_autofree char *title = NULL;
  g_autofree char *saved = NULL;

  open_fixture (f);
  activate (f, "win.figure-language", g_variant_new_string ("kk"));
  g_assert_cmpint (karavan_chart_view_get_lang (chart), ==, KARAVAN_LANG_KK);
  wait_for (chart_ready, f);
  title = karavan_figure_get_title (karavan_chart_view_get_figure (chart));
  g_assert_cmpstr (title, ==, "Көлік экспорты мен импорты");

  /* Kazakh writes thousands with a no-break space; the table follows. */
  g_assert_true (table_has_cell (table, "124" KARAVAN_NBSP "234"));
  g_assert_true (table_has_cell (table, "Көлік экспорты"));
  /* The interface's words do not change. */
  g_assert_cmpstr (karavan_data_table_get_column_title (table, column_index (table, "Value")), ==, "Value");

  saved = g_settings_get_string (settings, "figure-language");
  g_assert_cmpstr (saved, ==, "kk");

  /* The preferences' choice reaches the window. */
  g_settings_set_string (settings, "figure-language", "en");
  flush ();
  g_assert_cmpint (karavan_chart_view_get_lang (chart), ==, KARAVAN_LANG_EN);
  g_settings_reset (settings, "figure-language");
}

/* The keyboard reaches the points, the views and the pages. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  GtkEventController *keys;
  g_autofree char *first = NULL;
  gboolean handled = FALSE;
  double x1, y1, x2, y2;

  open_fixture (f);
  keys = find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_KEY);

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (karavan_chart_view_get_crosshair (chart, &x1, &y1));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (karavan_chart_view_get_crosshair (chart, &x2, &y2));
  g_assert_cmpfloat (x2, >, x1);
  /* Down goes to the other series at the same year. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (karavan_chart_view_get_crosshair (chart, &x1, &y1));
  g_assert_cmpfloat_with_epsilon (x1, x2, 0.5);
  g_assert_cmpfloat (y1, !=, y2);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_false (karavan_chart_view_get_crosshair (chart, NULL, NULL));

  /* Ctrl+Page Up and Down: the previous and next view. */
  first = g_strdup (karavan_window_get_view_id (f->window));
  activate (f, "win.previous-view", NULL);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), !=, first);
  activate (f, "win.next-view", NULL);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, first);
}

/* Export through the dialog, as Ctrl+E opens it. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  KaravanExportDialog *dialog;
  g_autofree char *pdf = g_build_filename (f->dir, "fig.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "fig.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.karavan.Karavan");
  gsize length;

  open_fixture (f);
  dialog = karavan_window_export (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  karavan_export_dialog_set_format (dialog, KARAVAN_EXPORT_PDF);
  g_assert_true (karavan_export_dialog_export_to_file (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  /* PNG at a size of our own: the file has that many pixels. */
  karavan_export_dialog_set_format (dialog, KARAVAN_EXPORT_PNG);
  karavan_export_dialog_set_size (dialog, 800, 500, 96);
  size = karavan_export_dialog_get_size_text (dialog);
  g_assert_nonnull (strstr (size, "800 × 500 px"));
  g_assert_true (karavan_export_dialog_export_to_file (dialog, png_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (png, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (gpointer) (contents + 16)), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (gpointer) (contents + 20)), ==, 500);

  /* The choices are remembered. */
  g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "export-dpi"), ==, 96);

  /* A preset sets the size. */
  karavan_export_dialog_set_preset (dialog, "journal-column");
  g_clear_pointer (&size, g_free);
  size = karavan_export_dialog_get_size_text (dialog);
  g_assert_nonnull (strstr (size, "300 dpi"));
  g_assert_nonnull (strstr (size, "85 × 64 mm"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-height");
  g_settings_reset (settings, "export-dpi");
  g_settings_reset (settings, "last-folder");
}

static void
test_export_all_languages (Fixture       *f,
                           gconstpointer  data)
{
  KaravanExportDialog *dialog;
  g_autofree char *path = g_build_filename (f->dir, "fig.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  static const char *names[] = { "fig-ru.pdf", "fig-kk.pdf", "fig-en.pdf" };

  open_fixture (f);
  dialog = karavan_window_export (f->window);
  karavan_export_dialog_set_format (dialog, KARAVAN_EXPORT_PDF);
  g_assert_true (karavan_export_dialog_export_all_languages (dialog, file, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *expected = g_build_filename (f->dir, names[i], NULL);
      g_autofree char *written = g_file_get_path (files->pdata[i]);
      g_autofree char *contents = NULL;

      g_assert_cmpstr (written, ==, expected);
      g_assert_true (g_file_get_contents (expected, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_dialog_exported_cb (KaravanExportDialog *dialog,
                       GPtrArray           *files,
                       GPtrArray          **out)
{
  *out = g_ptr_array_ref (files);
}

/* The message shown over @parent, if any. */
static AdwMessageDialog *
find_message (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);  /* the toplevels keep it */
    }
  return NULL;
}

/* The Export button's path: a thread writes, the dialog shows it works
 * and cannot be closed half-way; a failure names the file and says why
 * with the dialog left open; a success closes it. */
static void
test_export_in_thread (Fixture       *f,
                       gconstpointer  data)
{
  KaravanExportDialog *dialog;
  gpointer weak = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *png = g_build_filename (f->dir, "thread.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "thread.pdf", NULL);
  g_autoptr(GFile) bad_file = NULL;
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *message;
  gint64 end;
  gsize length;

  open_fixture (f);
  dialog = karavan_window_export (f->window);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  weak = dialog;
  g_signal_connect (dialog, "exported", G_CALLBACK (on_dialog_exported_cb), &files);
  karavan_export_dialog_set_format (dialog, KARAVAN_EXPORT_PNG);
  karavan_export_dialog_set_size (dialog, 800, 500, 96);

  /* A folder that is a file. */
  blocker = write_dataset (f, "not-a-folder", "x");
  bad = g_build_filename (blocker, "thread.png", NULL);
  bad_file = g_file_new_for_path (bad);
  karavan_export_dialog_export (dialog, bad_file, FALSE);
  g_assert_true (karavan_export_dialog_is_exporting (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  for (end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; (message = find_message (GTK_WINDOW (dialog))) == NULL;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (karavan_export_dialog_is_exporting (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "thread.png"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "not-a-folder"));
  g_assert_null (files);
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (message));

  /* Written: ::exported, and the dialog closes. */
  karavan_export_dialog_export (dialog, png_file, FALSE);
  g_assert_true (karavan_export_dialog_is_exporting (dialog));
  for (end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; files == NULL;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  flush ();
  g_assert_null (weak);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_file_equal (files->pdata[0], png_file));
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (gpointer) (contents + 16)), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (gpointer) (contents + 20)), ==, 500);
  g_clear_pointer (&files, g_ptr_array_unref);
  g_clear_pointer (&contents, g_free);

  /* In all languages, through the same thread. */
  dialog = karavan_window_export (f->window);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_dialog_exported_cb), &files);
  karavan_export_dialog_set_format (dialog, KARAVAN_EXPORT_PDF);
  karavan_export_dialog_export (dialog, pdf_file, TRUE);
  for (end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; files == NULL;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (files->len, ==, 3);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (files->pdata[i]);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_clear_pointer (&contents, g_free);
    }
  flush ();
}

/* Printing goes through GtkPrintOperation; exported, it needs no printer. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  open_fixture (f);
  g_assert_true (karavan_window_print (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 1000);
}

static gboolean
has_error (Fixture *f)
{
  return karavan_window_get_error (f->window) != NULL;
}

static gboolean
has_no_error (Fixture *f)
{
  return karavan_window_get_error (f->window) == NULL;
}

static gboolean
shows_three_series (Fixture *f)
{
  const KaravanView *view = karavan_chart_view_get_view (karavan_window_get_chart_view (f->window));

  return view != NULL && view->chart->series->len == 3 && chart_ready (f);
}

/* A broken version on disk: the error, with its place; the last good
 * chart stays. A good version again: reloaded, the error goes. */
static void
test_broken_reload (Fixture       *f,
                    gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  g_autofree char *path = write_dataset (f, "guitest.xml", dataset_xml);
  g_autofree char *where = g_strdup_printf ("%s:", path);
  g_autoptr(GString) broken = g_string_new (dataset_xml);
  g_autofree char *fixed = NULL;
  g_autoptr(GString) three = g_string_new (dataset_xml);

  open_path (f, path);

  /* A point without its closing slash. */
  g_assert_cmpuint (g_string_replace (broken, "<point x=\"2020\" y=\"7439\"/>", "<point x=\"2020\" y=\"7439\">", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, broken->str, -1, NULL));
  wait_for (has_error, f);

  g_assert_nonnull (strstr (karavan_window_get_error (f->window), where));
  g_assert_true (g_regex_match_simple (":[0-9]+:[0-9]+:", karavan_window_get_error (f->window), 0, 0));
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "guitest:exports-line");
  g_assert_cmpstr (karavan_chart_view_get_view (chart)->id, ==, "exports-line");
  wait_for (chart_ready, f);
  g_assert_cmpuint (count_plot_color (chart, SERIES_BLUE), >, 100);

  /* The choice of values outlives a reload. */
  activate (f, "win.value-mode", g_variant_new_string ("index"));

  /* Fixed, with a third series: the new version is shown. */
  g_string_replace (three, "series=\"exports imports\"", "series=\"exports imports third\"", 1);
  g_string_replace (three, "  <chart id=",
                    "  <series id=\"third\" sources=\"article\" x-type=\"year\">\n"
                    "    <title xml:lang=\"en\">Third</title>\n"
                    "    <definition xml:lang=\"en\">A third measure.</definition>\n"
                    "    <points><point x=\"2021\" y=\"1\"/></points>\n"
                    "  </series>\n"
                    "  <chart id=", 1);
  fixed = g_string_free (g_steal_pointer (&three), FALSE);
  g_assert_true (g_file_set_contents (path, fixed, -1, NULL));
  wait_for (has_no_error, f);
  wait_for (shows_three_series, f);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "guitest:exports-line");
  g_assert_true (karavan_chart_view_get_shown_view (chart) != karavan_chart_view_get_view (chart));
  g_assert_cmpfloat_with_epsilon (g_array_index (((KaravanSeries *) karavan_chart_view_get_shown_view (chart)
                                                   ->chart->series->pdata[0])->points, KaravanPoint, 0).y, 100, 1e-9);
}

static gboolean
has_guitest (Fixture *f)
{
  return karavan_window_select_view (f->window, "guitest:exports-line");
}

/* A file dropped on the window opens. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = write_dataset (f, "dropped.xml", dataset_xml);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkEventController *target = find_controller (GTK_WIDGET (f->window), GTK_TYPE_DROP_TARGET);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_for (not_loading, f);
  wait_for (has_guitest, f);
}

static gboolean
both_recent (Fixture *f)
{
  g_autofree char *a = g_build_filename (f->dir, "recent-a.xml", NULL);
  g_autofree char *b = g_build_filename (f->dir, "recent-b.xml", NULL);
  g_autofree char *uri_a = g_filename_to_uri (a, NULL, NULL);
  g_autofree char *uri_b = g_filename_to_uri (b, NULL, NULL);
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  return gtk_recent_manager_has_item (manager, uri_a) && gtk_recent_manager_has_item (manager, uri_b);
}

/* Opened files become recent ones, which open again from their menu. */
static void
test_recent (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *a = write_dataset (f, "recent-a.xml", dataset_xml);
  g_autofree char *b = write_dataset (f, "recent-b.xml", dataset_xml);
  g_autofree char *uri = g_filename_to_uri (a, NULL, NULL);
  guint n;

  open_path (f, a);
  open_path (f, b);
  wait_for (both_recent, f);
  /* The manager saves, tells the window, and the menu is made again. */
  for (int i = 0; i < 100; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }

  /* Both files are the same dataset, added side by side; the recent one
   * is open already: it is shown, not opened twice. */
  n = karavan_window_get_n_datasets (f->window);
  activate (f, "win.open-recent", g_variant_new_string (uri));
  wait_for (not_loading, f);
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, n);
  g_assert_null (karavan_window_get_error (f->window));
}

/* ---------------------------------------------------------------------- */
/* Large files                                                            */

/* One series of about @size bytes of numbers in the compact <values>
 * form: a megabyte of text made once and written again and again, so
 * that 200 MB take well under a second. */
static char *
write_large_dataset (Fixture    *f,
                     const char *name,
                     const char *id,
                     gsize       size,
                     guint64    *n_values)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GString) block = g_string_new (NULL);
  guint32 state = 11, level = 500000;
  gsize n_blocks, per_block = 0;
  FILE *out;

  /* A random walk between 1000.00 and 9999.99: eight bytes a value. */
  while (block->len < 1024 * 1024)
    {
      state = state * 1103515245u + 12345u;
      level = CLAMP ((int) level + (int) ((state >> 16) % 2001) - 1000, 100000, 999999);
      g_string_append_printf (block, "%u.%02u%c", level / 100, level % 100, ++per_block % 16 == 0 ? '\n' : ' ');
    }
  n_blocks = MAX (size / block->len, 1);

  out = g_fopen (path, "wb");
  g_assert_nonnull (out);
  fprintf (out,
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"%s\">\n"
           "  <title xml:lang=\"en\">Large dataset</title>\n"
           "  <sources><source id=\"s\"><citation xml:lang=\"en\">Generated by the test</citation></source></sources>\n"
           "  <series id=\"v\" sources=\"s\" x-type=\"number\">\n"
           "    <title xml:lang=\"en\">Walk</title><definition xml:lang=\"en\">A random walk.</definition>\n"
           "    <values start=\"0\" step=\"1\">\n", id);
  for (gsize i = 0; i < n_blocks; i++)
    g_assert_cmpuint (fwrite (block->str, 1, block->len, out), ==, block->len);
  fprintf (out,
           "</values>\n"
           "  </series>\n"
           "  <chart id=\"c\" type=\"line\" series=\"v\"><title xml:lang=\"en\">A long walk</title></chart>\n"
           "</dataset>\n");
  g_assert_cmpint (fclose (out), ==, 0);

  *n_values = (guint64) n_blocks * per_block;
  return path;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the progress bar was told, as it was told. */
typedef struct {
  double last;
  double max;
  guint  n_increases;
} Progress;

static void
on_fraction_cb (GtkProgressBar *bar,
                GParamSpec     *pspec,
                Progress       *progress)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction > progress->last)
    progress->n_increases++;
  progress->last = fraction;
  progress->max = MAX (progress->max, fraction);
}

/* A repeating 50 ms timeout: the longest wait between two of its runs
 * is how long the main loop stood still. The main thread's own CPU time
 * over that wait tells the window's work apart from a machine too busy
 * to run it (the tests share two cores with builds and a fuzzer). */
typedef struct {
  gint64 last;
  gint64 last_cpu;
  gint64 max_gap;      /* wall clock */
  gint64 max_busy;     /* the most CPU the main thread spent between two runs */
  gint64 max_own_gap;  /* the longest wait the main thread was busy for half of */
  guint  n;
} Ticker;

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (ticker->last != 0)
    {
      gint64 gap = now - ticker->last, busy = cpu - ticker->last_cpu;

      ticker->max_gap = MAX (ticker->max_gap, gap);
      ticker->max_busy = MAX (ticker->max_busy, busy);
      if (busy * 2 >= gap)
        ticker->max_own_gap = MAX (ticker->max_own_gap, gap);
      if (gap > 250 * 1000)
        g_test_message ("the main loop waited %.0f ms, %.0f ms of it busy", gap / 1e3, busy / 1e3);
    }
  ticker->last = now;
  ticker->last_cpu = cpu;
  ticker->n++;
  return G_SOURCE_CONTINUE;
}

/* No wait over 250 ms of the window's making, none over a second at all. */
static void
assert_responsive (Ticker *ticker)
{
  g_assert_cmpint (ticker->max_own_gap, <, 250 * 1000);
  g_assert_cmpint (ticker->max_busy, <, 150 * 1000);
  g_assert_cmpint (ticker->max_gap, <, G_USEC_PER_SEC);
}

/* With KARAVAN_TEST_SCREENSHOTS=DIR, the window as the X server shows
 * it, as DIR/NAME.png (ImageMagick's import). */
static void
maybe_screenshot (Fixture    *f,
                  const char *name)
{
  const char *dir = g_getenv ("KARAVAN_TEST_SCREENSHOTS");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (dir == NULL || !GDK_IS_X11_SURFACE (surface))
    return;

  /* Two frames: what was changed last is on screen. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  xid = g_strdup_printf ("0x%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
  g_spawn_sync (NULL, (char *[]) { (char *) "import", (char *) "-window", xid, path, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* 200 MB load in a worker thread: the main loop keeps turning, the bar
 * moves forward, and Cancel stops the thread quickly; what was shown
 * stays, with no error. */
static void
test_large_file_cancel (Fixture       *f,
                        gconstpointer  data)
{
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  guint before = karavan_window_get_n_datasets (f->window);
  g_autofree char *id = g_strdup (karavan_window_get_view_id (f->window));
  KaravanDataset *shown = karavan_chart_view_get_dataset (chart);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_PROGRESS_BAR));
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (bar), GTK_TYPE_REVEALER));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  Progress progress = { 0 };
  Ticker ticker = { 0 };
  gint64 start, written, cancelled, stopped;
  guint64 n_values;
  guint tick;

  start = g_get_monotonic_time ();
  path = write_large_dataset (f, "large.xml", "large", 200 * 1024 * 1024, &n_values);
  written = g_get_monotonic_time ();
  g_test_message ("wrote %" G_GUINT64_FORMAT " values in %.2f s", n_values, (written - start) / 1e6);
  file = g_file_new_for_path (path);

  g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction_cb), &progress);
  tick = g_timeout_add (50, tick_cb, &ticker);

  karavan_window_open_file (f->window, file);
  g_assert_true (karavan_window_is_loading (f->window));
  g_assert_cmpuint (karavan_window_get_n_workers (f->window), ==, 1);

  /* Well into the parse, and shown for a while. */
  start = g_get_monotonic_time ();
  while (progress.last < 0.35 || g_get_monotonic_time () - start < G_USEC_PER_SEC / 2 ||
         !gtk_widget_get_mapped (GTK_WIDGET (bar)))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
      g_assert_true (karavan_window_is_loading (f->window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("at %.0f %% after %.2f s; %u updates; main loop: longest wait %.0f ms, most work %.0f ms",
                  progress.last * 100, (g_get_monotonic_time () - start) / 1e6, progress.n_increases,
                  ticker.max_gap / 1e3, ticker.max_busy / 1e3);
  g_assert_cmpfloat (progress.last, <, 1.0);
  g_assert_cmpuint (progress.n_increases, >=, 3);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpuint (ticker.n, >=, 5);
  assert_responsive (&ticker);
  maybe_screenshot (f, "loading");

  /* Cancel: forgotten at once; the thread stops at its next check. */
  cancelled = g_get_monotonic_time ();
  activate (f, "win.cancel-loading", NULL);
  g_assert_false (karavan_window_is_loading (f->window));
  while (karavan_window_get_n_workers (f->window) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - cancelled, <, 10 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  stopped = g_get_monotonic_time ();
  g_test_message ("the thread stopped %.0f ms after Cancel", (stopped - cancelled) / 1e3);
  g_assert_cmpint (stopped - cancelled, <, 2 * G_USEC_PER_SEC);
  assert_responsive (&ticker);
  g_source_remove (tick);
  g_signal_handlers_disconnect_by_data (bar, &progress);

  /* Nothing changed, nothing is said but the toast. */
  flush ();
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, id);
  g_assert_true (karavan_chart_view_get_dataset (chart) == shown);
  g_assert_null (karavan_window_get_error (f->window));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  wait_for (chart_ready, f);
  maybe_screenshot (f, "cancelled");
}

/* 20 MB: loaded to the end, the bar reaching it, and shown. */
static void
test_large_file_complete (Fixture       *f,
                          gconstpointer  data)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_PROGRESS_BAR));
  guint before = karavan_window_get_n_datasets (f->window);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const KaravanView *view;
  Progress progress = { 0 };
  guint64 n_values;
  gint64 start;

  path = write_large_dataset (f, "medium.xml", "medium", 20 * 1024 * 1024, &n_values);
  file = g_file_new_for_path (path);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction_cb), &progress);

  start = g_get_monotonic_time ();
  karavan_window_open_file (f->window, file);
  while (karavan_window_is_loading (f->window))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("loaded %" G_GUINT64_FORMAT " values in %.2f s; %u updates",
                  n_values, (g_get_monotonic_time () - start) / 1e6, progress.n_increases);
  g_signal_handlers_disconnect_by_data (bar, &progress);

  g_assert_cmpuint (progress.n_increases, >=, 3);
  g_assert_cmpfloat_with_epsilon (progress.max, 1.0, 1e-9);
  g_assert_null (karavan_window_get_error (f->window));
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before + 1);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "medium:c");
  view = karavan_chart_view_get_view (karavan_window_get_chart_view (f->window));
  g_assert_cmpuint (((KaravanSeries *) view->chart->series->pdata[0])->points->len, ==, n_values);
  wait_for (chart_ready, f);
  g_assert_cmpuint (karavan_window_get_n_workers (f->window), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Datasets with one id                                                   */

static void
collect_view_ids (GtkWidget *widget,
                  GPtrArray *ids)
{
  const char *id = g_object_get_data (G_OBJECT (widget), "view-id");

  if (GTK_IS_LIST_BOX_ROW (widget) && id != NULL)
    g_ptr_array_add (ids, (gpointer) id);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_view_ids (child, ids);
}

static const char *
shown_path (Fixture *f)
{
  return karavan_dataset_get_path (karavan_chart_view_get_dataset (karavan_window_get_chart_view (f->window)));
}

static gboolean
copy_reloaded (Fixture *f)
{
  KaravanDataset *old = g_object_get_data (G_OBJECT (f->window), "test-old-dataset");

  return karavan_chart_view_get_dataset (karavan_window_get_chart_view (f->window)) != old && chart_ready (f);
}

/* A copy of a bundled dataset: the same id, two datasets, views named
 * apart; the same path again is shown, not opened twice. */
static void
test_same_id (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) bundled = karavan_list_bundled_datasets (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *original = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GFile) copy_file = NULL;
  guint before = karavan_window_get_n_datasets (f->window), n_copy = 0, n_original = 0;

  g_assert_nonnull (bundled);
  for (guint i = 0; i < bundled->len; i++)
    if (g_str_has_suffix (bundled->pdata[i], "kazakhstan-china.xml"))
      original = g_strdup (bundled->pdata[i]);
  g_assert_nonnull (original);
  g_assert_true (g_file_get_contents (original, &contents, NULL, NULL));
  copy = write_dataset (f, "kazakhstan-china-copy.xml", contents);
  copy_file = g_file_new_for_path (copy);
  /* Its first view is a timeline: no chart to wait for. */
  karavan_window_open_file (f->window, copy_file);
  g_assert_true (karavan_window_is_loading (f->window));
  wait_for (not_loading, f);
  flush ();
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before + 1);
  g_assert_true (g_str_has_prefix (karavan_window_get_view_id (f->window), "kazakhstan-china#2:"));
  g_assert_cmpstr (shown_path (f), ==, copy);

  /* Every row names one view; each view of the file is there twice. */
  collect_view_ids (GTK_WIDGET (f->window), ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_false (g_hash_table_contains (seen, ids->pdata[i]));
      g_hash_table_add (seen, ids->pdata[i]);
      n_copy += g_str_has_prefix (ids->pdata[i], "kazakhstan-china#2:");
      n_original += g_str_has_prefix (ids->pdata[i], "kazakhstan-china:");
    }
  g_assert_cmpuint (n_copy, >, 3);
  g_assert_cmpuint (n_copy, ==, n_original);

  /* Each name selects its own. */
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:exports-growth"));
  flush ();
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "kazakhstan-china:exports-growth");
  g_assert_cmpstr (shown_path (f), ==, original);
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china#2:exports-growth"));
  flush ();
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "kazakhstan-china#2:exports-growth");
  g_assert_cmpstr (shown_path (f), ==, copy);

  /* The same path again: shown, not added. */
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:exports-growth"));
  flush ();
  karavan_window_open_file (f->window, copy_file);
  g_assert_false (karavan_window_is_loading (f->window));
  flush ();
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before + 1);
  g_assert_true (g_str_has_prefix (karavan_window_get_view_id (f->window), "kazakhstan-china#2:"));
  g_assert_cmpstr (shown_path (f), ==, copy);

  /* Reloaded when it changes: still the copy, still its view. */
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china#2:exports-growth"));
  flush ();
  g_object_set_data (G_OBJECT (f->window), "test-old-dataset",
                     karavan_chart_view_get_dataset (karavan_window_get_chart_view (f->window)));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  wait_for (copy_reloaded, f);
  g_assert_cmpstr (karavan_window_get_view_id (f->window), ==, "kazakhstan-china#2:exports-growth");
  g_assert_cmpstr (shown_path (f), ==, copy);
  g_assert_cmpuint (karavan_window_get_n_datasets (f->window), ==, before + 1);
  g_assert_null (karavan_window_get_error (f->window));
}

static void
on_text_read_cb (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static char *
read_clipboard (Fixture *f)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), NULL, on_text_read_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *csv = NULL;
  g_autofree char *tsv = NULL;
  GdkContentFormats *formats;

  open_fixture (f);

  activate (f, "win.copy-csv", NULL);
  csv = read_clipboard (f);
  g_assert_true (g_str_has_prefix (csv, "series,series_title,x,x_label,value,unit,"));
  g_assert_nonnull (strstr (csv, "exports,Vehicle exports,2024,2024,124234,vehicles,"));

  activate (f, "win.show-page", g_variant_new_string ("table"));
  activate (f, "win.copy", NULL);
  tsv = read_clipboard (f);
  g_assert_true (g_str_has_prefix (tsv, "series\tseries_title\tx\tx_label\tvalue\tunit\t"));
  g_assert_nonnull (strstr (tsv, "exports\tVehicle exports\t2024\t2024\t124234\tvehicles\t"));
  g_assert_null (strchr (tsv, '\r'));

  activate (f, "win.copy-image", NULL);
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
}

static void
test_csv_to_tsv (void)
{
  g_autofree char *tsv = karavan_csv_to_tsv ("a,\"b, \"\"c\"\"\",\"d\r\ne\"\r\nf,\tg,\r\n");

  g_assert_cmpstr (tsv, ==, "a\tb, \"c\"\td  e\nf\t\tg\t\n");
}

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_text (child))
      return TRUE;
  return FALSE;
}

/* Every button has a name a screen reader can say: its text, its
 * accessible label or its tooltip. */
static void
check_names (GtkWidget *widget)
{
  /* The buttons inside the title bar's window controls and inside spin
   * buttons are GTK's own. */
  if (GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SPIN_BUTTON (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_names (child);

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget))
                                                 : gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
      gboolean named = (label != NULL && label[0] != '\0') || has_text (widget) ||
                       gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       gtk_widget_get_tooltip_text (widget) != NULL;

      /* Inner buttons of composite widgets are named by their parents. */
      if (!named && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
        return;
      if (!named)
        g_error ("unnamed button: %s in %s", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  KaravanExportDialog *dialog;

  open_fixture (f);
  check_names (GTK_WIDGET (f->window));

  dialog = karavan_window_export (f->window);
  check_names (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The chart is an image with the chart's title as its name. */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (karavan_window_get_chart_view (f->window)),
                                               GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (karavan_window_get_chart_view (f->window)),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
}

/* A timeline shows in the timeline widget; its table lists the events. */
static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  KaravanTimelineView *timeline = karavan_window_get_timeline_view (f->window);
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);
  KaravanDataTable *table = karavan_window_get_data_table (f->window);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.karavan.Karavan");
  const KaravanView *view;

  g_assert_null (karavan_timeline_view_get_view (timeline));
  g_assert_true (karavan_window_select_view (f->window, "kazakhstan-china:relations"));
  flush ();

  view = karavan_chart_view_get_view (chart);
  g_assert_cmpint (view->kind, ==, KARAVAN_VIEW_TIMELINE);
  g_assert_true (karavan_timeline_view_get_view (timeline) == view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  g_assert_cmpuint (karavan_data_table_get_n_rows (table), ==, view->timeline->events->len);
  g_assert_cmpstr (karavan_data_table_get_column_title (table, 0), ==, "Date");

  /* The figure language reaches it too. */
  activate (f, "win.figure-language", g_variant_new_string ("ru"));
  g_assert_cmpint (karavan_timeline_view_get_lang (timeline), ==, KARAVAN_LANG_RU);
  g_settings_reset (settings, "figure-language");

  /* Back to a chart: the timeline lets its view go. */
  activate (f, "win.next-view", NULL);
  g_assert_null (karavan_timeline_view_get_view (timeline));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
}

/* Dark style: the figure's palette follows. */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  KaravanChartView *chart = karavan_window_get_chart_view (f->window);

  g_assert_cmpint (karavan_chart_view_get_palette (chart), ==, KARAVAN_PALETTE_LIGHT);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  flush ();
  g_assert_cmpint (karavan_chart_view_get_palette (chart), ==, KARAVAN_PALETTE_DARK);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  flush ();
  g_assert_cmpint (karavan_chart_view_get_palette (chart), ==, KARAVAN_PALETTE_LIGHT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autoptr(GtkCssProvider) css = NULL;

  /* Recent files go to a folder of the test's own. */
  data_home = g_dir_make_tmp ("karavan-gui-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* The test accessibility backend keeps the properties for checks. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Karavan/Window/csv-to-tsv", test_csv_to_tsv);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/karavan/Karavan/icons");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* The application's own styles, as AdwApplication loads them. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/karavan/Karavan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/Karavan/Window/bundled-chart", test_bundled_chart);
  ADD ("/Karavan/Window/open-path", test_open_path);
  ADD ("/Karavan/Window/open-missing", test_open_missing);
  ADD ("/Karavan/Window/table", test_table);
  ADD ("/Karavan/Window/large-table", test_large_table);
  ADD ("/Karavan/Window/sources", test_sources);
  ADD ("/Karavan/Window/tooltip", test_tooltip);
  ADD ("/Karavan/Window/legend", test_legend);
  ADD ("/Karavan/Window/scale-and-values", test_scale_and_values);
  ADD ("/Karavan/Window/figure-language", test_figure_language);
  ADD ("/Karavan/Window/keyboard", test_keyboard);
  ADD ("/Karavan/Window/export", test_export);
  ADD ("/Karavan/Window/export-all-languages", test_export_all_languages);
  ADD ("/Karavan/Window/export-in-thread", test_export_in_thread);
  ADD ("/Karavan/Window/print", test_print);
  ADD ("/Karavan/Window/broken-reload", test_broken_reload);
  ADD ("/Karavan/Window/drop", test_drop);
  ADD ("/Karavan/Window/recent", test_recent);
  ADD ("/Karavan/Window/large-file-cancel", test_large_file_cancel);
  ADD ("/Karavan/Window/large-file-complete", test_large_file_complete);
  ADD ("/Karavan/Window/same-id", test_same_id);
  ADD ("/Karavan/Window/copy", test_copy);
  ADD ("/Karavan/Window/accessible-names", test_accessible_names);
  ADD ("/Karavan/Window/timeline", test_timeline);
  ADD ("/Karavan/Window/dark", test_dark);
#undef ADD

  return g_test_run ();
}
