/* test-charts.c: every chart type drawn, in every language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden images are drawn from tests/charts/charts-fixture.xml under the
 * pinned fonts (tests/fonts.conf) and compared with a tolerance, so a
 * real change fails and glyph rasterization noise does not. To redraw
 * them after an intended change:
 *
 *     KARAVAN_UPDATE_GOLDEN=1 meson test -C BUILDDIR --suite charts
 *
 * then look at every image in tests/charts/golden/ before committing.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "karavan-core.h"

#define GOLDEN_W 640
#define GOLDEN_H 400

/* A pixel differs when a channel moves by more than this... */
#define PIXEL_THRESHOLD 48
/* ...and an image differs when more than this share of pixels do. */
#define IMAGE_TOLERANCE 0.015

static const char *langs[] = { "ru", "kk", "en" };

static KaravanDataset *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "charts", "charts-fixture.xml", NULL);
  g_autoptr(GError) error = NULL;
  KaravanDataset *dataset = karavan_dataset_load_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static KaravanView *
fixture_view (KaravanDataset *dataset,
              const char     *id)
{
  KaravanView *view = karavan_dataset_find_view (dataset, id);

  g_assert_nonnull (view);
  return view;
}

static KaravanLang
lang_of (const char *code)
{
  KaravanLang lang;

  g_assert_true (karavan_lang_from_string (code, &lang));
  return lang;
}

static cairo_surface_t *
render (KaravanFigure *fig,
        int            width,
        int            height,
        double         scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  karavan_figure_draw (fig, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The share of pixels that differ by more than PIXEL_THRESHOLD in a
 * channel; @a and @b have the same size. */
static double
pixel_difference (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint64 differ = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *pa = da + y * sa + x * 4, *pb = db + y * sb + x * 4;

        for (int c = 0; c < 4; c++)
          if (ABS ((int) pa[c] - (int) pb[c]) > PIXEL_THRESHOLD)
            {
              differ++;
              break;
            }
      }
  return (double) differ / ((double) w * h);
}

static void
compare_golden (const char      *name,
                cairo_surface_t *actual)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (GOLDEN_DIR, file, NULL);
  cairo_surface_t *golden;
  double diff;

  if (g_getenv ("KARAVAN_UPDATE_GOLDEN") != NULL)
    {
      g_assert_cmpint (g_mkdir_with_parents (GOLDEN_DIR, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (actual, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      return;
    }

  golden = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (golden);
      g_test_fail_printf ("no golden image %s: make it with KARAVAN_UPDATE_GOLDEN=1", path);
      return;
    }
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, cairo_image_surface_get_width (actual));
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, cairo_image_surface_get_height (actual));
  {
    /* Compare like with like: the golden as ARGB32. */
    cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (golden),
                                                        cairo_image_surface_get_height (golden));
    cairo_t *cr = cairo_create (argb);

    cairo_set_source_surface (cr, golden, 0, 0);
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint (cr);
    cairo_destroy (cr);
    cairo_surface_flush (argb);
    diff = pixel_difference (argb, actual);
    cairo_surface_destroy (argb);
  }
  cairo_surface_destroy (golden);

  if (diff > IMAGE_TOLERANCE)
    {
      g_autofree char *out_file = g_strconcat (name, "-actual.png", NULL);
      g_autofree char *out = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                               out_file, NULL);

      cairo_surface_write_to_png (actual, out);
      g_test_fail_printf ("%s differs from its golden image in %.2f %% of pixels (allowed %.2f %%); see %s",
                          name, diff * 100, IMAGE_TOLERANCE * 100, out);
    }
}

/* ---------------------------------------------------------------------- */
/* Golden images: every type, every language                              */

typedef struct {
  const char         *view;
  const char         *lang;
  KaravanPaletteKind  palette;
  double              font_size;
} GoldenCase;

static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  KaravanRenderOptions options;
  g_autoptr(KaravanFigure) fig = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *surface;

  karavan_render_options_init (&options, lang_of (c->lang));
  options.palette = c->palette;
  options.font_size = c->font_size;
  fig = karavan_figure_new (fixture_view (dataset, c->view), &options, GOLDEN_W, GOLDEN_H);
  surface = render (fig, GOLDEN_W, GOLDEN_H, 1);
  name = c->palette == KARAVAN_PALETTE_LIGHT
         ? g_strdup_printf ("%s-%s", c->view, c->lang)
         : g_strdup_printf ("%s-%s-%s", c->view, c->lang, karavan_palette_to_string (c->palette));
  compare_golden (name, surface);
  cairo_surface_destroy (surface);
}

/* ---------------------------------------------------------------------- */
/* Numbers and words in the figure's language                             */

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
test_format (void)
{
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  static const struct {
    KaravanLang  lang;
    const char  *count;
    const char  *percent;
    const char  *tick;
  } cases[] = {
    { KARAVAN_LANG_RU, "124\u00a0234", "3,4\u00a0%", "100\u00a0000" },
    { KARAVAN_LANG_KK, "124\u00a0234", "3,4\u00a0%", "100\u00a0000" },
    { KARAVAN_LANG_EN, "124,234", "3.4%", "100,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KaravanLang lang = cases[i].lang;
      KaravanRenderOptions options;
      g_autoptr(KaravanFigure) grouped = NULL;
      g_autoptr(KaravanFigure) shares = NULL;
      g_autoptr(KaravanFigure) stacked = NULL;

      karavan_render_options_init (&options, lang);
      grouped = karavan_figure_new (fixture_view (dataset, "grouped"), &options, 960, 540);
      g_assert_true (has_label (grouped, cases[i].count));
      g_assert_true (has_label (grouped, cases[i].tick));
      g_assert_true (has_label (grouped, "2020"));
      g_assert_true (has_label (grouped, "2024"));
      /* The missing year stays on the axis, says so, and has no bar. */
      g_assert_true (has_label (grouped, "2022"));

      shares = karavan_figure_new (fixture_view (dataset, "shares"), &options, 960, 540);
      g_assert_true (has_label (shares, cases[i].percent));
      g_assert_true (has_label (shares, karavan_catalog_pgettext (lang, "figure", "no data")));

      /* Shares computed from counts say so. */
      stacked = karavan_figure_new (fixture_view (dataset, "percent"), &options, 960, 540);
      g_assert_true (has_label (stacked, karavan_catalog_pgettext (lang, "figure", "Shares are computed by Karavan from the values shown.")));
      g_assert_true (has_label (stacked, karavan_catalog_pgettext (lang, "figure", "incomplete data")));
    }
}

/* ---------------------------------------------------------------------- */
/* Hovering finds exactly the points drawn                                */

static GHashTable *
points_hit (KaravanFigure *fig,
            double         width,
            double         height)
{
  GHashTable *hits = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (double y = 0; y < height; y += 2)
    for (double x = 0; x < width; x += 2)
      {
        KaravanHit hit;

        if (karavan_figure_hit_test (fig, x, y, &hit))
          {
            g_assert_nonnull (hit.point);
            g_assert_false (hit.point->flags & KARAVAN_POINT_MISSING);
            g_hash_table_add (hits, (gpointer) hit.point);
          }
      }
  return hits;
}

static const KaravanPoint *
point_of (KaravanDataset *dataset,
          const char     *series_id,
          double          x)
{
  const KaravanPoint *p = karavan_series_find_point (karavan_dataset_find_series (dataset, series_id), x);

  g_assert_nonnull (p);
  return p;
}

static void
test_hit (void)
{
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  static const struct {
    const char *view;
    const char *series;   /* one of the chart's series, and */
    double      xs[4];    /* x values of its points that must be hit */
    guint       n_xs;
    guint       n_points; /* all points drawn */
  } cases[] = {
    { "bar", "exports", { 2023 }, 1, 2 },
    { "grouped", "imports", { 2021, 2022, 2023, 2024 }, 4, 8 },
    { "stacked", "outbound", { 2011, 2012 }, 2, 4 },
    { "percent", "import-share", { 2020, 2022 }, 2, 4 },
    { "area", "production", { 2016, 2020, 2021, 2022 }, 4, 4 },
    { "donut", "entries", { 0, 1 }, 2, 2 },
    { "hbar", "survey", { 0, 1, 2 }, 3, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KaravanRenderOptions options;
      g_autoptr(KaravanFigure) fig = NULL;
      g_autoptr(GHashTable) hits = NULL;

      karavan_render_options_init (&options, KARAVAN_LANG_EN);
      fig = karavan_figure_new (fixture_view (dataset, cases[i].view), &options, GOLDEN_W, GOLDEN_H);
      hits = points_hit (fig, GOLDEN_W, GOLDEN_H);
      g_test_message ("%s: %u points hit", cases[i].view, g_hash_table_size (hits));
      g_assert_cmpuint (g_hash_table_size (hits), ==, cases[i].n_points);
      for (guint k = 0; k < cases[i].n_xs; k++)
        g_assert_true (g_hash_table_contains (hits, point_of (dataset, cases[i].series, cases[i].xs[k])));
    }

  /* A missing value has no bar: nothing there to hover. */
  {
    KaravanRenderOptions options;
    g_autoptr(KaravanFigure) fig = NULL;
    g_autoptr(GHashTable) hits = NULL;

    karavan_render_options_init (&options, KARAVAN_LANG_EN);
    fig = karavan_figure_new (fixture_view (dataset, "grouped"), &options, GOLDEN_W, GOLDEN_H);
    hits = points_hit (fig, GOLDEN_W, GOLDEN_H);
    g_assert_false (g_hash_table_contains (hits, point_of (dataset, "exports", 2022)));
  }
}

/* ---------------------------------------------------------------------- */
/* Reveal: the frame stays, the data grows                                */

static void
test_reveal (gconstpointer data)
{
  const char *id = data;
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  KaravanView *view = fixture_view (dataset, id);
  KaravanReveal kinds[] = { KARAVAN_REVEAL_POINTS, KARAVAN_REVEAL_SERIES };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      KaravanRenderOptions options;
      g_autoptr(KaravanFigure) full = NULL;
      g_autoptr(GHashTable) all = NULL;
      double fx, fy, fw, fh;
      guint before = 0;
      int steps;

      karavan_render_options_init (&options, KARAVAN_LANG_RU);
      options.reveal_kind = kinds[k];
      full = karavan_figure_new (view, &options, GOLDEN_W, GOLDEN_H);
      steps = karavan_figure_get_reveal_steps (full);
      /* One series has nothing to reveal series by series. */
      g_assert_cmpint (steps, >=, kinds[k] == KARAVAN_REVEAL_SERIES ? 1 : 2);
      if (steps < 2)
        continue;
      all = points_hit (full, GOLDEN_W, GOLDEN_H);
      karavan_figure_get_plot_area (full, &fx, &fy, &fw, &fh);

      for (int step = 1; step <= steps; step++)
        {
          g_autoptr(KaravanFigure) fig = NULL;
          g_autoptr(GHashTable) hits = NULL;
          double x, y, w, h;
          guint n_full, n;
          const KaravanLabelBox *full_boxes = karavan_figure_get_labels (full, &n_full);
          const KaravanLabelBox *boxes;

          options.reveal = step;
          fig = karavan_figure_new (view, &options, GOLDEN_W, GOLDEN_H);
          karavan_figure_get_plot_area (fig, &x, &y, &w, &h);
          /* The axes are those of the whole chart. */
          g_assert_cmpfloat_with_epsilon (x, fx, 1e-9);
          g_assert_cmpfloat_with_epsilon (y, fy, 1e-9);
          g_assert_cmpfloat_with_epsilon (w, fw, 1e-9);
          g_assert_cmpfloat_with_epsilon (h, fh, 1e-9);
          boxes = karavan_figure_get_labels (fig, &n);
          for (guint i = 0; i < n_full; i++)
            if (full_boxes[i].kind == KARAVAN_LABEL_TICK)
              {
                gboolean found = FALSE;

                for (guint j = 0; j < n && !found; j++)
                  found = boxes[j].kind == KARAVAN_LABEL_TICK && g_str_equal (boxes[j].text, full_boxes[i].text) &&
                          fabs (boxes[j].x - full_boxes[i].x) < 1e-9 && fabs (boxes[j].y - full_boxes[i].y) < 1e-9;
                g_assert_true (found);
              }

          hits = points_hit (fig, GOLDEN_W, GOLDEN_H);
          g_assert_cmpuint (g_hash_table_size (hits), >=, before);
          before = g_hash_table_size (hits);
          if (step == 1)
            g_assert_cmpuint (before, <, g_hash_table_size (all));
        }
      g_assert_cmpuint (before, ==, g_hash_table_size (all));
    }
}

/* ---------------------------------------------------------------------- */
/* No label overlaps another, on every bundled view, at two sizes         */

static gboolean
is_frame (const KaravanLabelBox *box)
{
  return box->kind == KARAVAN_LABEL_TITLE || box->kind == KARAVAN_LABEL_SUBTITLE ||
         box->kind == KARAVAN_LABEL_FOOTER;
}

/* Any overlap fails; the count of those between the frame's own texts
 * (title, subtitle, footer) is returned for the record. */
static guint
check_labels (KaravanFigure *fig,
              const char    *what,
              double         width,
              double         height)
{
  guint n, frame = 0;
  const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      const KaravanLabelBox *a = &boxes[i];

      if (a->x < -0.01 || a->y < -0.01 || a->x + a->width > width + 0.01 || a->y + a->height > height + 0.01)
        g_error ("%s: “%s” leaves the figure", what, a->text);
      for (guint j = i + 1; j < n; j++)
        {
          const KaravanLabelBox *b = &boxes[j];

          if (a->x + 0.01 < b->x + b->width && b->x + 0.01 < a->x + a->width &&
              a->y + 0.01 < b->y + b->height && b->y + 0.01 < a->y + a->height)
            {
              if (is_frame (a) && is_frame (b))
                frame++;
              g_error ("%s: labels overlap: “%s” and “%s”", what, a->text, b->text);
            }
        }
    }
  return frame;
}

/* Long series names at a column's width once filled the whole body with
 * the legend, and no plot was drawn: the legend may take at most a third
 * of the figure. */
static void
check_legend_leaves_room (KaravanFigure *fig,
                          const char    *what,
                          double         height)
{
  guint n;
  const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      const KaravanLabelBox *box = &boxes[i];

      if (box->kind != KARAVAN_LABEL_LEGEND)
        continue;
      top = MIN (top, box->y);
      bottom = MAX (bottom, box->y + box->height);
    }
  if (bottom > top && bottom - top > height / 3)
    g_error ("%s: the legend takes %.0f of %.0f points", what, bottom - top, height);
}

static void
test_no_overlap (gconstpointer data)
{
  const char *preset = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = karavan_list_bundled_datasets (&error);
  KaravanExportOptions export;
  guint checked = 0, frame_overlaps = 0;

  g_assert_no_error (error);
  g_assert_nonnull (paths);
  /* The preset's size in points, as a PDF of it has. */
  karavan_export_options_init (&export, KARAVAN_EXPORT_PDF, KARAVAN_LANG_EN);
  g_assert_true (karavan_export_apply_preset (&export, preset));

  for (guint d = 0; d < paths->len; d++)
    {
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (paths->pdata[d], &error);
      GPtrArray *views;

      g_assert_no_error (error);
      views = karavan_dataset_get_views (dataset);
      for (guint v = 0; v < views->len; v++)
        {
          KaravanView *view = views->pdata[v];

          if (view->kind != KARAVAN_VIEW_CHART && view->kind != KARAVAN_VIEW_TABLE)
            continue;
          for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
            {
              KaravanRenderOptions options;
              g_autoptr(KaravanFigure) fig = NULL;
              g_autofree char *what = g_strdup_printf ("%s (%s, %s)", view->id, langs[l], preset);

              karavan_render_options_init (&options, lang_of (langs[l]));
              fig = karavan_figure_new (view, &options, export.width, export.height);
              frame_overlaps += check_labels (fig, what, export.width, export.height);
              if (view->kind == KARAVAN_VIEW_CHART)
                check_legend_leaves_room (fig, what, export.height);
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >=, 3 * 20);
  g_assert_cmpuint (frame_overlaps, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* A million points                                                       */

static KaravanDataset *
million_points (void)
{
  g_autoptr(GString) xml = g_string_sized_new (9 * 1000 * 1000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250101);
  KaravanDataset *dataset;
  double walk = 500;

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"million\">"
                   "<title xml:lang=\"en\">A million points</title>"
                   "<sources><source id=\"s\"><citation xml:lang=\"en\">Generated.</citation></source></sources>"
                   "<series id=\"noise\" sources=\"s\" x-type=\"number\">"
                   "<title xml:lang=\"en\">Random walk</title>"
                   "<definition xml:lang=\"en\">Generated.</definition>"
                   "<values start=\"0\" step=\"1\">");
  for (guint i = 0; i < 1000000; i++)
    {
      walk += g_rand_double_range (rand, -1, 1) + (i % 100000 == 0 ? 40 : 0);
      /* A gap, which both renderings must keep. */
      if (i >= 600000 && i < 620000)
        g_string_append (xml, "NA ");
      else
        g_string_append_printf (xml, "%.2f ", walk + 30 * sin (i / 5000.0));
    }
  g_string_append (xml, "</values></series>"
                   "<chart id=\"walk\" type=\"line\" series=\"noise\"><title xml:lang=\"en\">A million points</title></chart>"
                   "</dataset>");

  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  dataset = karavan_dataset_load_bytes (bytes, "million.xml", &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_decimation (void)
{
  g_autoptr(KaravanDataset) dataset = million_points ();
  KaravanView *view = karavan_dataset_find_view (dataset, "walk");
  /* On screen, and a 300 dpi export of the same figure. */
  static const double scales[] = { 1.0, 300.0 / 72 };

  g_assert_nonnull (view);
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      KaravanRenderOptions options;
      g_autoptr(KaravanFigure) fast = NULL;
      g_autoptr(KaravanFigure) exact = NULL;
      int w = (int) ceil (GOLDEN_W * scales[s] / 2), h = (int) ceil (GOLDEN_H * scales[s] / 2);
      cairo_surface_t *a, *b;
      gint64 t0, t1, t2, t3;
      double diff;

      karavan_render_options_init (&options, KARAVAN_LANG_EN);
      fast = karavan_figure_new (view, &options, GOLDEN_W / 2.0, GOLDEN_H / 2.0);
      options.exact = TRUE;
      exact = karavan_figure_new (view, &options, GOLDEN_W / 2.0, GOLDEN_H / 2.0);

      a = render (fast, w, h, scales[s]);
      cairo_surface_destroy (a);
      /* The second frame uses the decimation made for the first. */
      t0 = g_get_monotonic_time ();
      a = render (fast, w, h, scales[s]);
      t1 = g_get_monotonic_time ();
      t2 = g_get_monotonic_time ();
      b = render (exact, w, h, scales[s]);
      t3 = g_get_monotonic_time ();

      diff = pixel_difference (a, b);
      g_test_message ("scale %.2f: decimated %.1f ms, exact %.1f ms, %.3f %% of pixels differ",
                      scales[s], (t1 - t0) / 1000.0, (t3 - t2) / 1000.0, diff * 100);
      if (diff > 0.005)
        {
          cairo_surface_write_to_png (a, "decimated.png");
          cairo_surface_write_to_png (b, "exact.png");
        }
      g_assert_cmpfloat (diff, <=, 0.005);
      g_assert_cmpint (t1 - t0, <, t3 - t2);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* ---------------------------------------------------------------------- */
/* Palettes                                                               */

static void
test_monochrome (void)
{
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  static const char *views[] = { "line", "grouped", "stacked", "donut", "hbar", "area" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      KaravanRenderOptions options;
      g_autoptr(KaravanFigure) fig = NULL;
      cairo_surface_t *surface;
      const guint8 *data;
      int stride;
      guint grey = 0;

      karavan_render_options_init (&options, KARAVAN_LANG_EN);
      options.palette = KARAVAN_PALETTE_MONOCHROME;
      fig = karavan_figure_new (fixture_view (dataset, views[v]), &options, GOLDEN_W, GOLDEN_H);
      surface = render (fig, GOLDEN_W, GOLDEN_H, 1);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      /* Print in black and white: no pixel has a hue. */
      for (int y = 0; y < GOLDEN_H; y++)
        for (int x = 0; x < GOLDEN_W; x++)
          {
            guint32 px = *(const guint32 *) (data + y * stride + x * 4);
            int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

            if (MAX (ABS (r - g), MAX (ABS (g - b), ABS (r - b))) > 2)
              g_error ("%s: pixel %d,%d has colour #%02x%02x%02x", views[v], x, y, r, g, b);
            grey += r > 30 && r < 225;
          }
      g_assert_cmpuint (grey, >, 500);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *views[] = { "line", "bar", "grouped", "stacked", "percent", "area", "donut", "hbar", "table" };
  static const GoldenCase palette_cases[] = {
    { "grouped", "en", KARAVAN_PALETTE_MONOCHROME, 0 },
    { "donut", "ru", KARAVAN_PALETTE_MONOCHROME, 0 },
    { "stacked", "kk", KARAVAN_PALETTE_DARK, 0 },
    { "hbar", "en", KARAVAN_PALETTE_HIGH_CONTRAST, 12 },
    { "line", "ru", KARAVAN_PALETTE_HIGH_CONTRAST, 12 },
  };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        GoldenCase *c = g_new0 (GoldenCase, 1);
        g_autofree char *path = g_strdup_printf ("/charts/golden/%s/%s", views[v], langs[l]);

        c->view = views[v];
        c->lang = langs[l];
        c->palette = KARAVAN_PALETTE_LIGHT;
        g_ptr_array_add (cases, c);
        g_test_add_data_func (path, c, test_golden);
      }
  for (guint i = 0; i < G_N_ELEMENTS (palette_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/charts/golden/%s/%s/%s", palette_cases[i].view,
                                               palette_cases[i].lang,
                                               karavan_palette_to_string (palette_cases[i].palette));

      g_test_add_data_func (path, &palette_cases[i], test_golden);
    }

  g_test_add_func ("/charts/format", test_format);
  g_test_add_func ("/charts/hit", test_hit);
  g_test_add_data_func ("/charts/reveal/grouped", "grouped", test_reveal);
  g_test_add_data_func ("/charts/reveal/stacked", "stacked", test_reveal);
  g_test_add_data_func ("/charts/reveal/line", "line", test_reveal);
  g_test_add_data_func ("/charts/reveal/hbar", "hbar", test_reveal);
  g_test_add_data_func ("/charts/no-overlap/slide-16x9", "slide-16x9", test_no_overlap);
  g_test_add_data_func ("/charts/no-overlap/journal-column", "journal-column", test_no_overlap);
  g_test_add_func ("/charts/decimation", test_decimation);
  g_test_add_func ("/charts/monochrome", test_monochrome);

  return g_test_run ();
}
