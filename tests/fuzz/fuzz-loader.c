/* fuzz-loader.c: libFuzzer target for the loader and the renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the input as a dataset; when it loads, lays out and draws one of
 * its views (chosen by the input, so every view gets its turn) in one of
 * the three languages, hit-tests it, and writes its CSV and its SVG. A
 * failed load must come with a message in the documented form.
 *
 * Built and run by run-fuzz.sh; see tests/fuzz/README.md.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "karavan-core.h"

/* Small figures: layout and drawing run the same code at any size, and
 * a small surface keeps the executions fast. */
#define WIDTH  240
#define HEIGHT 160

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Warnings are findings too. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  karavan_loader_init ();
  return 0;
}

/* Every line is "NAME:LINE:COLUMN: error: …" or "NAME: error: …". */
static void
check_message (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  g_assert (lines[0] != NULL);
  for (guint i = 0; lines[i]; i++)
    {
      const char *p = lines[i];
      guint line = 0, column = 0;

      g_assert (g_str_has_prefix (p, "fuzz.xml:"));
      p += strlen ("fuzz.xml:");
      if (g_str_has_prefix (p, " error: "))
        continue;
      g_assert (sscanf (p, "%u:%u:", &line, &column) == 2);
      g_assert (line >= 1 && column >= 1);
      g_assert (strstr (p, ": error: ") != NULL);
      g_assert (g_utf8_validate (lines[i], -1, NULL));
    }
}

static void
render (const KaravanView *view,
        KaravanLang        lang,
        guint              choice)
{
  g_autoptr(KaravanFigure) fig = NULL;
  g_autofree char *csv = NULL;
  KaravanRenderOptions options;
  KaravanExportOptions export_options;
  KaravanHit hit;
  const KaravanLabelBox *labels;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_labels;

  karavan_render_options_init (&options, lang);
  options.palette = (KaravanPaletteKind) (choice % 4);
  options.show_events = (choice & 4) != 0;
  options.reveal = (choice & 8) ? (int) (choice >> 4) % 5 : -1;
  options.reveal_kind = view->kind == KARAVAN_VIEW_LESSON ? KARAVAN_REVEAL_NONE : (KaravanReveal) ((choice >> 2) % 4);

  fig = karavan_figure_new (view, &options, WIDTH, HEIGHT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  karavan_figure_draw (fig, cr);
  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  labels = karavan_figure_get_labels (fig, &n_labels);
  for (guint i = 0; i < n_labels; i++)
    g_assert (labels[i].text != NULL);
  karavan_figure_hit_test (fig, WIDTH / 2.0, HEIGHT / 2.0, &hit);

  csv = karavan_view_to_csv (view, lang);
  g_assert (csv != NULL);

  /* The SVG writer keeps text as text: its own path through the labels. */
  if (choice % 3 == 0)
    {
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GError) error = NULL;

      karavan_export_options_init (&export_options, KARAVAN_EXPORT_SVG, lang);
      export_options.width = WIDTH;
      export_options.height = HEIGHT;
      export_options.render = options;
      svg = karavan_export_to_bytes (view, &export_options, &error);
      g_assert_no_error (error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = NULL;
  GPtrArray *views;
  guint hash = 0;

  dataset = karavan_dataset_load_bytes (bytes, "fuzz.xml", &error);
  if (dataset == NULL)
    {
      g_assert (error != NULL);
      check_message (error->message);
      return 0;
    }
  g_assert (error == NULL);

  views = karavan_dataset_get_views (dataset);
  if (views->len == 0)
    return 0;

  for (size_t i = 0; i < size; i++)
    hash = hash * 31 + data[i];

  /* One view per input: which one and how depends on the bytes. */
  render (views->pdata[hash % views->len], (KaravanLang) ((hash >> 8) % KARAVAN_N_LANGS), hash >> 10);

  return 0;
}
