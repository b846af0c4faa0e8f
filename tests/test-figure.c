/* test-figure.c: a real bundled chart laid out and drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "karavan-core.h"

static KaravanDataset *
load_bundled (const char *name)
{
  g_autofree char *dir = karavan_get_datasets_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  KaravanDataset *dataset = karavan_dataset_load_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static gboolean
overlap (const KaravanLabelBox *a,
         const KaravanLabelBox *b)
{
  /* A hair of tolerance for rounding. */
  return a->x + 0.01 < b->x + b->width && b->x + 0.01 < a->x + a->width &&
         a->y + 0.01 < b->y + b->height && b->y + 0.01 < a->y + a->height;
}

static void
check_no_overlap (KaravanFigure *fig,
                  double         width,
                  double         height)
{
  guint n;
  const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);

  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (boxes[i].x, >=, -0.01);
      g_assert_cmpfloat (boxes[i].y, >=, -0.01);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, width + 0.01);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, height + 0.01);
      for (guint j = i + 1; j < n; j++)
        if (overlap (&boxes[i], &boxes[j]))
          g_error ("labels overlap: “%s” and “%s”", boxes[i].text, boxes[j].text);
    }
}

static gboolean
has_label (KaravanFigure *fig,
           const char    *text)
{
  guint n;
  const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);

  for (guint i = 0; i < n; i++)
    if (strstr (boxes[i].text, text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_line_chart (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ("kazakhstan-china.xml");
  KaravanView *view = karavan_dataset_find_view (dataset, "exports-growth");
  static const struct { KaravanLang lang; const char *value; } cases[] = {
    { KARAVAN_LANG_EN, "124,234" },
    { KARAVAN_LANG_RU, "124\u00a0234" },
    { KARAVAN_LANG_KK, "124\u00a0234" },
  };

  g_assert_nonnull (view);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KaravanRenderOptions options;
      g_autoptr(KaravanFigure) fig = NULL;
      g_autofree char *title = NULL;
      double px, py, pw, ph;

      karavan_render_options_init (&options, cases[i].lang);
      fig = karavan_figure_new (view, &options, 720, 405);
      title = karavan_figure_get_title (fig);
      g_assert_true (has_label (fig, title));
      g_assert_true (has_label (fig, cases[i].value));
      g_assert_true (karavan_figure_get_plot_area (fig, &px, &py, &pw, &ph));
      g_assert_cmpfloat (pw, >, 300);
      g_assert_cmpfloat (ph, >, 100);
      check_no_overlap (fig, 720, 405);
    }
}

/* Draws into an image surface and finds the series' colour in the plot. */
static void
test_pixels_and_hit (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ("kazakhstan-china.xml");
  KaravanView *view = karavan_dataset_find_view (dataset, "exports-growth");
  KaravanRenderOptions options;
  g_autoptr(KaravanFigure) fig = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const KaravanRgb *blue = &karavan_palette_get (KARAVAN_PALETTE_LIGHT)->series[0];
  KaravanHit hit;
  guint found = 0;
  int w = 800, h = 500;

  karavan_render_options_init (&options, KARAVAN_LANG_EN);
  fig = karavan_figure_new (view, &options, w, h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  karavan_figure_draw (fig, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  {
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);

    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++)
        {
          guint32 px = *(const guint32 *) (data + y * stride + x * 4);
          int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

          if (ABS (r - (int) (blue->r * 255)) < 8 && ABS (g - (int) (blue->g * 255)) < 8 &&
              ABS (b - (int) (blue->b * 255)) < 8)
            found++;
        }
  }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (found, >, 200);

  /* Hovering just under the 2024 value label finds that point. */
  {
    guint n;
    const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);
    gboolean hovered = FALSE;

    for (guint i = 0; i < n; i++)
      if (g_str_equal (boxes[i].text, "124,234"))
        {
          g_assert_true (karavan_figure_hit_test (fig, boxes[i].x + boxes[i].width / 2,
                                                  boxes[i].y + boxes[i].height + 4, &hit));
          g_assert_cmpfloat (hit.point->y, ==, 124234);
          hovered = TRUE;
        }
    g_assert_true (hovered);
    g_assert_false (karavan_figure_hit_test (fig, 1, 1, &hit));
  }
}

static void
test_every_bundled_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = karavan_list_bundled_datasets (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (paths->pdata[i], &error);
      GPtrArray *views = karavan_dataset_get_views (dataset);

      for (guint j = 0; j < views->len; j++)
        for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
          {
            KaravanRenderOptions options;
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 300);
            cairo_t *cr = cairo_create (surface);

            karavan_render_options_init (&options, lang);
            karavan_render_view (views->pdata[j], &options, cr, 480, 300);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Karavan/Figure/line-chart", test_line_chart);
  g_test_add_func ("/Karavan/Figure/pixels-and-hit", test_pixels_and_hit);
  g_test_add_func ("/Karavan/Figure/every-bundled-view", test_every_bundled_view);

  return g_test_run ();
}
