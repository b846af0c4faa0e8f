/* karavan-bench.c: in-process timings of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   karavan-bench load FILE REPEATS
 *       Loads FILE (read, parse, validate, build) REPEATS times and prints
 *       one line per load: "load MS BYTES".
 *
 *   karavan-bench redraw FILE CHART WIDTH HEIGHT FRAMES
 *       Lays CHART out at WIDTH × HEIGHT pixels (device scale 1, as the
 *       window on a 1× screen) and draws it FRAMES times, as the window
 *       does on every frame: the figure is made once per size and drawn
 *       again and again. Each frame is timed twice over:
 *         "direct MS"     drawn straight onto a WIDTH × HEIGHT image;
 *         "recorded MS"   drawn into a recording surface and replayed onto
 *                         the image, as GTK's cairo renderer does with the
 *                         cairo_t that gtk_snapshot_append_cairo() hands out.
 *       The first line is "layout MS" (karavan_figure_new).
 *
 * This is the real library (the static karavan-core of a build), not a
 * copy: a change to the loader or the renderer shows up here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>

#include "karavan-core.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static KaravanDataset *
load_or_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  KaravanDataset *dataset = karavan_dataset_load_file (path, &error);

  if (dataset == NULL)
    {
      fprintf (stderr, "karavan-bench: %s\n", error->message);
      exit (1);
    }
  return dataset;
}

static int
run_load (const char *path,
          int         repeats)
{
  g_autoptr(GError) error = NULL;
  goffset size = 0;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, &error);

  if (info == NULL)
    {
      fprintf (stderr, "karavan-bench: %s\n", error->message);
      return 1;
    }
  size = g_file_info_get_size (info);

  for (int i = 0; i < repeats; i++)
    {
      double t0 = now_ms ();
      KaravanDataset *dataset = load_or_die (path);
      double t1 = now_ms ();

      g_object_unref (dataset);
      printf ("load %.3f %" G_GINT64_FORMAT "\n", t1 - t0, (gint64) size);
      fflush (stdout);
    }

  return 0;
}

static int
run_redraw (const char *path,
            const char *chart,
            int         width,
            int         height,
            int         frames)
{
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KaravanFigure) figure = NULL;
  KaravanRenderOptions options;
  KaravanView *view;
  cairo_surface_t *target;
  double t0, t1;

  g_ptr_array_add (datasets, load_or_die (path));
  view = karavan_find_view (datasets, chart, NULL);
  if (view == NULL)
    {
      fprintf (stderr, "karavan-bench: no view “%s” in %s\n", chart, path);
      return 1;
    }

  karavan_render_options_init (&options, KARAVAN_LANG_EN);
  /* As the chart view draws a figure on screen; KARAVAN_BENCH_NO_RASTER=1
   * measures stroking on every frame instead. */
  options.raster_cache = g_getenv ("KARAVAN_BENCH_NO_RASTER") == NULL;
  t0 = now_ms ();
  figure = karavan_figure_new (view, &options, width, height);
  t1 = now_ms ();
  printf ("layout %.3f\n", t1 - t0);

  target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (int i = 0; i < frames; i++)
    {
      cairo_surface_t *recording;
      cairo_t *cr;

      /* Straight onto the pixels. */
      t0 = now_ms ();
      cr = cairo_create (target);
      karavan_figure_draw (figure, cr);
      cairo_destroy (cr);
      cairo_surface_flush (target);
      t1 = now_ms ();
      printf ("direct %.3f\n", t1 - t0);

      /* As a GskCairoNode: record, then replay onto the window's pixels. */
      t0 = now_ms ();
      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                  &(cairo_rectangle_t) { 0, 0, width, height });
      cr = cairo_create (recording);
      karavan_figure_draw (figure, cr);
      cairo_destroy (cr);
      cr = cairo_create (target);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (recording);
      cairo_surface_flush (target);
      t1 = now_ms ();
      printf ("recorded %.3f\n", t1 - t0);
      fflush (stdout);
    }

  if (g_getenv ("KARAVAN_BENCH_SNAPSHOT") != NULL)
    cairo_surface_write_to_png (target, g_getenv ("KARAVAN_BENCH_SNAPSHOT"));
  cairo_surface_destroy (target);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "load") == 0)
    return run_load (argv[2], MAX (1, atoi (argv[3])));
  if (argc == 7 && strcmp (argv[1], "redraw") == 0)
    return run_redraw (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]), MAX (1, atoi (argv[6])));

  fprintf (stderr,
           "usage: karavan-bench load FILE REPEATS\n"
           "       karavan-bench redraw FILE CHART WIDTH HEIGHT FRAMES\n");
  return 2;
}
