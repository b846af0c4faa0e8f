/* test-handout.c: slides, the PDF handout and the PNG slides of a lesson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "karavan-core.h"
#include "karavan-handout.h"

static char *tmpdir;

static KaravanDeck *
load_story (KaravanDataset **out_dataset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = karavan_get_datasets_dir ();
  g_autofree char *path = g_build_filename (dir, "kazakhstan-china.xml", NULL);
  g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (path, &error);
  KaravanView *lesson;

  g_assert_no_error (error);
  lesson = karavan_dataset_find_view (dataset, "story");
  g_assert_nonnull (lesson);
  if (out_dataset)
    *out_dataset = g_object_ref (dataset);
  return karavan_deck_new_from_lesson (dataset, lesson);
}

/* Runs a checking tool; NULL when it is not installed. */
static char *
tool (const char * const *argv)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;

  if (program == NULL)
    return NULL;
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  return out;
}

/* Runs of white space as one space: a title may wrap over two lines. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The first @n characters of @text, whole. */
static char *
head (const char *text,
      glong       n)
{
  g_autofree char *squashed = squash (text);

  if (g_utf8_strlen (squashed, -1) <= n)
    return g_steal_pointer (&squashed);
  return g_strndup (squashed, g_utf8_offset_to_pointer (squashed, n) - squashed);
}

/* One page per step, each with the step's title, note and sources, in
 * each language; A4; the lesson's title in the metadata. */
static void
test_pdf (void)
{
  g_autoptr(KaravanDeck) deck = load_story (NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint n = karavan_deck_get_n_steps (deck);

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("handout-%s.pdf", karavan_lang_to_string (lang));
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_autofree char *info = NULL;
      KaravanHandoutOptions options;

      karavan_handout_options_init (&options, lang);
      g_assert_true (karavan_handout_write_pdf (deck, &options, path, &error));
      g_assert_no_error (error);

      info = tool ((const char *[]) { "pdfinfo", path, NULL });
      g_assert_nonnull (g_strrstr (info, "(A4)"));
      {
        g_autofree char *squashed = squash (info);
        g_autofree char *want = g_strdup_printf ("Pages: %u", n);
        g_autofree char *want_title = g_strdup_printf ("Title: %s",
                                                       karavan_text_get (karavan_deck_get_title (deck), lang));

        g_assert_nonnull (strstr (squashed, want));
        g_assert_nonnull (strstr (squashed, want_title));
      }

      for (guint i = 0; i < n; i++)
        {
          const KaravanDeckStep *step = karavan_deck_get_step (deck, i);
          g_autofree char *page = g_strdup_printf ("%u", i + 1);
          g_autofree char *text = tool ((const char *[]) { "pdftotext", "-f", page, "-l", page, "-enc", "UTF-8",
                                                            path, "-", NULL });
          g_autofree char *squashed = squash (text);
          g_autofree char *title = squash (karavan_text_get (&step->title, lang));
          g_autofree char *note = head (karavan_text_get (&step->note, lang), 40);
          g_autoptr(GPtrArray) sources = karavan_view_collect_sources (step->view);
          g_autofree char *citation = NULL;
          g_autofree char *counter = g_strdup_printf ("%u/%u", i + 1, n);
          g_autofree char *unspaced = NULL;

          g_assert_cmpuint (sources->len, >, 0);
          citation = head (karavan_text_get (&((KaravanSource *) sources->pdata[0])->citation, lang), 30);

          /* "1 / 8" comes out as "1/8" or "1 / 8". */
          unspaced = without_spaces (squashed);
          if (strstr (squashed, title) == NULL || strstr (squashed, note) == NULL ||
              strstr (squashed, citation) == NULL || strstr (unspaced, counter) == NULL)
            g_test_message ("page %u (%s): %s", i + 1, karavan_lang_to_string (lang), squashed);
          g_assert_nonnull (strstr (squashed, title));
          g_assert_nonnull (strstr (squashed, note));
          g_assert_nonnull (strstr (squashed, citation));
          g_assert_nonnull (strstr (unspaced, counter));
        }
    }
}

static void
assert_png_size (const char *path,
                 int         width,
                 int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

/* Numbered 1920×1080 PNGs, drawn as presentation mode draws them. */
static void
test_slides (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDeck) deck = load_story (NULL);
  g_autofree char *folder = g_build_filename (tmpdir, "slides", "kk", NULL);
  g_autofree char *blocker = g_build_filename (tmpdir, "not-a-folder", NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(KaravanSlide) slide = NULL;
  KaravanHandoutOptions options;
  KaravanRenderOptions render;
  cairo_surface_t *expected, *written;
  g_autofree char *first = g_build_filename (folder, "01.png", NULL);
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  karavan_handout_options_init (&options, KARAVAN_LANG_KK);
  g_assert_true (karavan_handout_write_slides (deck, &options, folder, &error));
  g_assert_no_error (error);
  /* Again, over the first ones. */
  g_assert_true (karavan_handout_write_slides (deck, &options, folder, &error));
  g_assert_no_error (error);

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, karavan_deck_get_n_steps (deck));
  for (guint i = 0; i < karavan_deck_get_n_steps (deck); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u.png", i + 1);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      assert_png_size (path, 1920, 1080);
    }

  /* Pixel for pixel what a 1920×1080 screen shows of step 1. */
  karavan_slide_options_init (&render, KARAVAN_LANG_KK, 1920, 1080);
  slide = karavan_slide_new (karavan_deck_get_step (deck, 0), &render,
                             KARAVAN_SLIDE_NOTE | KARAVAN_SLIDE_BRIEF_SOURCES, 1920, 1080);
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  {
    cairo_t *cr = cairo_create (expected);

    karavan_slide_draw (slide, cr);
    cairo_destroy (cr);
  }
  cairo_surface_flush (expected);
  written = cairo_image_surface_create_from_png (first);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (expected), cairo_image_surface_get_data (written),
                           (gsize) cairo_image_surface_get_stride (expected) * 1080), ==, 0);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (written);

  /* Another size; a folder that cannot be made. */
  options.slide_width = 1024;
  options.slide_height = 768;
  png = karavan_handout_slide_to_png (deck, 1, &options, &error);
  g_assert_no_error (error);
  {
    g_autofree char *path = g_build_filename (tmpdir, "small.png", NULL);

    g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
    g_assert_no_error (error);
    assert_png_size (path, 1024, 768);
  }
  g_file_set_contents (blocker, "x", 1, &error);
  g_assert_no_error (error);
  g_assert_false (karavan_handout_write_slides (deck, &options, blocker, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO);
}

/* 01.png … 99.png, then three digits. */
static void
test_slide_names (void)
{
  g_autoptr(KaravanDataset) dataset = NULL;
  g_autoptr(KaravanDeck) story = load_story (&dataset);
  g_autoptr(KaravanDeck) deck = karavan_deck_new (NULL);
  const KaravanView *view = karavan_deck_get_step (story, 0)->view;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  a = karavan_handout_slide_name (story, 0);
  b = karavan_handout_slide_name (story, 7);
  g_assert_cmpstr (a, ==, "01.png");
  g_assert_cmpstr (b, ==, "08.png");
  for (guint i = 0; i < 100; i++)
    karavan_deck_add_view (deck, dataset, view, NULL);
  c = karavan_handout_slide_name (deck, 0);
  d = karavan_handout_slide_name (deck, 99);
  g_assert_cmpstr (c, ==, "001.png");
  g_assert_cmpstr (d, ==, "100.png");
}

/* The projector's type is at least 1.5 times the window's 11 px, and
 * grows with the screen. */
static void
test_projector_theme (void)
{
  KaravanRenderOptions options;
  double small = karavan_slide_font_size_for (1024, 768);
  double wide = karavan_slide_font_size_for (1280, 720);
  double full = karavan_slide_font_size_for (1920, 1080);

  g_assert_cmpfloat (small, >=, 11 * 1.5);
  g_assert_cmpfloat (wide, >=, 11 * 1.5);
  g_assert_cmpfloat (full, >, small);
  g_assert_cmpfloat (karavan_slide_font_size_for (320, 200), >=, 11 * 1.5);

  karavan_slide_options_init (&options, KARAVAN_LANG_RU, 1024, 768);
  g_assert_cmpint (options.palette, ==, KARAVAN_PALETTE_HIGH_CONTRAST);
  g_assert_cmpfloat (options.font_size, ==, small);
  g_assert_cmpint (options.reveal, ==, -1);
  g_assert_cmpint (options.lang, ==, KARAVAN_LANG_RU);
  /* Thicker lines: the projector palette's against the screen's. */
  g_assert_cmpfloat (karavan_palette_get (KARAVAN_PALETTE_HIGH_CONTRAST)->line_width, >,
                     karavan_palette_get (KARAVAN_PALETTE_LIGHT)->line_width);
}

static double
plot_height (KaravanSlide *slide)
{
  double x, y, w, h;

  karavan_figure_get_plot_area (karavan_slide_get_figure (slide), &x, &y, &w, &h);
  return h;
}

/* A slide: the step's title heads it, the view's says what is drawn;
 * it unfolds in as many presses as its view has steps; thirty sources
 * do not push a timeline off a projected slide. */
static void
test_slide (void)
{
  g_autoptr(KaravanDeck) deck = load_story (NULL);
  const KaravanDeckStep *growth = karavan_deck_get_step (deck, 0);
  const KaravanDeckStep *relations = karavan_deck_get_step (deck, 1);
  const KaravanDeckStep *tourism = karavan_deck_get_step (deck, 2);
  const KaravanDeckStep *brands = karavan_deck_get_step (deck, 5);
  g_autoptr(KaravanSlide) slide = NULL;
  g_autoptr(KaravanSlide) brief = NULL;
  g_autoptr(KaravanSlide) full = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  KaravanRenderOptions options;
  const KaravanView *view;

  karavan_slide_options_init (&options, KARAVAN_LANG_KK, 1024, 768);
  slide = karavan_slide_new (growth, &options, KARAVAN_SLIDE_NOTE, 1024, 768);
  title = karavan_slide_get_title (slide);
  note = karavan_slide_get_note (slide);
  view = karavan_slide_get_view (slide);
  g_assert_cmpstr (title, ==, karavan_text_get (&growth->title, KARAVAN_LANG_KK));
  g_assert_cmpstr (note, ==, karavan_text_get (&growth->note, KARAVAN_LANG_KK));
  g_assert_true (g_str_has_prefix (karavan_text_get (&view->subtitle, KARAVAN_LANG_KK),
                                   karavan_text_get (&growth->view->title, KARAVAN_LANG_KK)));
  g_assert_true (g_str_has_prefix (karavan_text_get (&view->note, KARAVAN_LANG_KK), note));
  g_assert_cmpint (karavan_slide_get_reveal_steps (slide), ==, 2);  /* 2020, 2024 */
  g_clear_pointer (&slide, karavan_slide_free);

  /* Reveal counts do not depend on how much is shown. */
  options.reveal = 1;
  slide = karavan_slide_new (relations, &options, 0, 1024, 768);
  g_assert_cmpint (karavan_slide_get_reveal_steps (slide), >=, 3);  /* 1990s … 2020s */
  g_clear_pointer (&slide, karavan_slide_free);
  slide = karavan_slide_new (brands, &options, 0, 1024, 768);
  g_assert_cmpint (karavan_slide_get_reveal_steps (slide), ==, (int) brands->view->chart->series->len);
  g_clear_pointer (&slide, karavan_slide_free);
  slide = karavan_slide_new (tourism, &options, 0, 1024, 768);
  g_assert_cmpint (karavan_slide_get_reveal_steps (slide), ==, 0);
  g_clear_pointer (&slide, karavan_slide_free);

  /* The timeline rests on many sources: briefly, it keeps its room. */
  karavan_slide_options_init (&options, KARAVAN_LANG_KK, 1920, 1080);
  full = karavan_slide_new (relations, &options, KARAVAN_SLIDE_NOTE, 1920, 1080);
  brief = karavan_slide_new (relations, &options, KARAVAN_SLIDE_NOTE | KARAVAN_SLIDE_BRIEF_SOURCES, 1920, 1080);
  g_test_message ("timeline plot: %.0f px with every source, %.0f px with two lines of them",
                  plot_height (full), plot_height (brief));
  g_assert_cmpfloat (plot_height (brief), >, plot_height (full));
  g_assert_cmpfloat (plot_height (brief), >=, 1080 * 0.35);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDeck) deck = karavan_deck_new ("empty");
  g_autofree char *folder = g_build_filename (tmpdir, "empty", NULL);
  KaravanHandoutOptions options;

  karavan_handout_options_init (&options, KARAVAN_LANG_EN);
  g_assert_null (karavan_handout_to_pdf (deck, &options, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (karavan_handout_write_slides (deck, &options, folder, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("karavan-handout-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/Karavan/Handout/pdf", test_pdf);
  g_test_add_func ("/Karavan/Handout/slides", test_slides);
  g_test_add_func ("/Karavan/Handout/slide-names", test_slide_names);
  g_test_add_func ("/Karavan/Handout/projector-theme", test_projector_theme);
  g_test_add_func ("/Karavan/Handout/slide", test_slide);
  g_test_add_func ("/Karavan/Handout/empty", test_empty);

  status = g_test_run ();

  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
