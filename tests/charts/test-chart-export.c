/* test-chart-export.c: the files an author exports, read back by other tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF text is extracted with pdftotext and its fonts listed with pdffonts
 * (poppler-utils); SVG is drawn again with rsvg-convert (librsvg2-bin).
 * A test whose tool is not installed is skipped and says which.
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "karavan-core.h"

static const char *langs[] = { "ru", "kk", "en" };

/* Every chart type of the fixture. */
static const char *views[] = { "line", "bar", "grouped", "stacked", "percent", "area", "donut", "hbar" };

static KaravanDataset *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "charts", "charts-fixture.xml", NULL);
  g_autoptr(GError) error = NULL;
  KaravanDataset *dataset = karavan_dataset_load_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static KaravanLang
lang_of (const char *code)
{
  KaravanLang lang;

  g_assert_true (karavan_lang_from_string (code, &lang));
  return lang;
}

/* Runs a tool, returns its standard output; fails the test on error. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_test_skip_printf ("%s is not installed (poppler-utils, librsvg2-bin)", name);
      return FALSE;
    }
  return TRUE;
}

/* White space of any kind, no-break spaces too, as one space: text
 * extraction lays lines out its own way. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle,
                 const char *what)
{
  g_autofree char *h = normalize (haystack);
  g_autofree char *n = normalize (needle);

  if (strstr (h, n) == NULL)
    g_error ("%s: “%s” not found in:\n%s", what, n, h);
}

static char *
export (KaravanView         *view,
        KaravanExportFormat  format,
        KaravanLang          lang,
        const char          *dir,
        const char          *name)
{
  KaravanExportOptions options;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  karavan_export_options_init (&options, format, lang);
  options.dataset_id = "charts-fixture";
  g_assert_true (karavan_export_to_file (view, &options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The words a figure's PDF must hold: title, axis title, a tick label
 * as the language writes it, the source line. */
static void
test_pdf (void)
{
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  g_autofree char *dir = NULL;
  static const struct { const char *lang; const char *tick; } ticks[] = {
    { "ru", "100\u00a0000" }, { "kk", "100\u00a0000" }, { "en", "100,000" },
  };

  if (!have_tool ("pdftotext") || !have_tool ("pdffonts"))
    return;
  dir = g_dir_make_tmp ("karavan-charts-XXXXXX", NULL);
  g_assert_nonnull (dir);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        KaravanLang lang = lang_of (langs[l]);
        KaravanView *view = karavan_dataset_find_view (dataset, views[v]);
        g_autofree char *name = g_strdup_printf ("%s-%s.pdf", views[v], langs[l]);
        g_autofree char *path = export (view, KARAVAN_EXPORT_PDF, lang, dir, name);
        g_autofree char *text = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
        g_autofree char *fonts = run ((const char *[]) { "pdffonts", path, NULL });
        g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
        const char *y_title = karavan_text_get (&view->chart->y_title, lang);
        g_autoptr(GPtrArray) sources = karavan_view_collect_sources (view);
        const KaravanSource *source = sources->pdata[0];
        g_autofree char *citation_start = g_utf8_substring (karavan_text_get (&source->citation, lang), 0, 24);
        guint n_fonts = 0;

        assert_contains (text, karavan_text_get (&view->title, lang), name);
        assert_contains (text, citation_start, name);
        if (y_title != NULL)
          assert_contains (text, y_title, name);
        if (g_str_equal (views[v], "line") || g_str_equal (views[v], "grouped"))
          assert_contains (text, ticks[l].tick, name);
        if (g_str_equal (views[v], "hbar"))
          assert_contains (text, lang == KARAVAN_LANG_EN ? ">50%" : ">50\u00a0%", name);

        /* Every font is embedded: the "emb" column, fifth from the end. */
        for (guint i = 2; lines[i] != NULL; i++)
          {
            g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
            g_autoptr(GPtrArray) words = g_ptr_array_new ();

            for (guint f = 0; fields[f] != NULL; f++)
              if (fields[f][0] != '\0')
                g_ptr_array_add (words, fields[f]);
            if (words->len < 6)
              continue;
            g_assert_cmpstr (words->pdata[words->len - 5], ==, "yes");
            n_fonts++;
          }
        g_assert_cmpuint (n_fonts, >, 0);
        g_unlink (path);
      }
  g_rmdir (dir);
}

/* SVG keeps its text as text and draws again elsewhere. */
static void
test_svg (void)
{
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  g_autofree char *dir = NULL;

  if (!have_tool ("rsvg-convert"))
    return;
  dir = g_dir_make_tmp ("karavan-charts-XXXXXX", NULL);
  g_assert_nonnull (dir);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        KaravanLang lang = lang_of (langs[l]);
        KaravanView *view = karavan_dataset_find_view (dataset, views[v]);
        g_autofree char *name = g_strdup_printf ("%s-%s.svg", views[v], langs[l]);
        g_autofree char *path = export (view, KARAVAN_EXPORT_SVG, lang, dir, name);
        g_autofree char *png = g_strconcat (path, ".png", NULL);
        g_autofree char *svg = NULL;
        g_autofree char *escaped = NULL;
        g_autofree char *out = NULL;
        cairo_surface_t *surface;
        const guint8 *data;
        int w, h, stride;
        guint inked = 0;

        g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
        g_assert_nonnull (strstr (svg, "<text"));
        escaped = g_markup_escape_text (karavan_text_get (&view->title, lang), -1);
        assert_contains (svg, escaped, name);

        out = run ((const char *[]) { "rsvg-convert", "-o", png, path, NULL });
        surface = cairo_image_surface_create_from_png (png);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        w = cairo_image_surface_get_width (surface);
        h = cairo_image_surface_get_height (surface);
        /* Points, drawn at rsvg-convert's 96 px per inch or 1:1. */
        g_assert_cmpint (w, >=, (int) KARAVAN_EXPORT_DEFAULT_WIDTH);
        g_assert_cmpfloat_with_epsilon ((double) w / h, KARAVAN_EXPORT_DEFAULT_WIDTH / KARAVAN_EXPORT_DEFAULT_HEIGHT, 0.01);
        data = cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface);
        /* Drawn: a fair share of pixels is not the white background. */
        for (int y = 0; y < h; y++)
          for (int x = 0; x < w; x++)
            inked += (*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff;
        g_assert_cmpuint (inked, >, (guint) (w * h / 50));
        cairo_surface_destroy (surface);
        g_unlink (png);
        g_unlink (path);
      }
  g_rmdir (dir);
}

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* PNG at the size and resolution asked for, presets included. */
static void
test_png (void)
{
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  static const struct { const char *preset; double width, height, dpi; guint32 w, h; } cases[] = {
    { NULL, 800, 500, 300, 800, 500 },
    { NULL, 1200, 900, 96, 1200, 900 },
    { "journal-column", 0, 0, 0, 1004, 756 },
    { "slide-16x9", 0, 0, 0, 1920, 1080 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        KaravanExportOptions options;
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        const guint8 *data;
        gsize len, off = 8;
        gboolean phys = FALSE;

        karavan_export_options_init (&options, KARAVAN_EXPORT_PNG, KARAVAN_LANG_KK);
        if (cases[i].preset != NULL)
          g_assert_true (karavan_export_apply_preset (&options, cases[i].preset));
        else
          {
            options.width = cases[i].width;
            options.height = cases[i].height;
            options.dpi = cases[i].dpi;
          }
        bytes = karavan_export_to_bytes (karavan_dataset_find_view (dataset, views[v]), &options, &error);
        g_assert_no_error (error);
        data = g_bytes_get_data (bytes, &len);
        g_assert_cmpuint (len, >, 33);
        g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
        while (off + 12 <= len)
          {
            guint32 length = be32 (data + off);
            const guint8 *type = data + off + 4, *body = data + off + 8;

            if (memcmp (type, "IHDR", 4) == 0)
              {
                g_assert_cmpuint (be32 (body), ==, cases[i].w);
                g_assert_cmpuint (be32 (body + 4), ==, cases[i].h);
              }
            else if (memcmp (type, "pHYs", 4) == 0)
              {
                guint32 ppm = (guint32) round (options.dpi / 0.0254);

                g_assert_cmpuint (be32 (body), ==, ppm);
                g_assert_cmpuint (be32 (body + 4), ==, ppm);
                g_assert_cmpuint (body[8], ==, 1);
                phys = TRUE;
              }
            off += 12 + length;
          }
        g_assert_true (phys);
      }
}

/* A transparent export leaves the background out. */
static void
test_transparent (void)
{
  g_autoptr(KaravanDataset) dataset = load_fixture ();
  KaravanExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("karavan-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.png", NULL);
  cairo_surface_t *surface;
  guint clear = 0;

  karavan_export_options_init (&options, KARAVAN_EXPORT_PNG, KARAVAN_LANG_RU);
  options.render.transparent = TRUE;
  g_assert_true (karavan_export_to_file (karavan_dataset_find_view (dataset, "grouped"), &options, path, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      clear += cairo_image_surface_get_data (surface)[y * cairo_image_surface_get_stride (surface) + x * 4 + 3] == 0;
  /* Most of a chart is background. */
  g_assert_cmpuint (clear, >, (guint) (cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface) / 2));
  cairo_surface_destroy (surface);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-export/pdf", test_pdf);
  g_test_add_func ("/chart-export/svg", test_svg);
  g_test_add_func ("/chart-export/png", test_png);
  g_test_add_func ("/chart-export/transparent", test_transparent);

  return g_test_run ();
}
