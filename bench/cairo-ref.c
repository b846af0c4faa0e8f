/* cairo-ref.c: the practical lower bound for drawing a long line chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   cairo-ref [--four] FILE.xml OUT.png WIDTH HEIGHT
 *       Reads the <values> of every series in FILE (a file written by
 *       bench/gen-dataset: x-type="number", start and step attributes),
 *       decimates each series to its min and max per device pixel column
 *       (in the order the line visits them: the extreme nearer the
 *       column's first value comes first), and draws the same figure as
 *       Karavan with plain Cairo and
 *       Pango: white background, title, y grid with tick labels, x ticks,
 *       axis titles, a legend, and one line per series; then writes the PNG
 *       with cairo_surface_write_to_png(). Same dpi (150), same font size
 *       (9 pt), same line width (1.98 pt), round joins and caps, as
 *       Karavan's PNG export. Two vertices per column rather than four
 *       (first, min, max, last) stroke 2.5 times faster and differ from
 *       the four-vertex image by 0.3 % RMSE: that is part of what Cairo
 *       allows. --four draws the four-vertex form, as Karavan does today.
 *
 *   cairo-ref --memprobe
 *       Prints "memprobe A B": milliseconds to touch one fresh MiB of
 *       memory with 4 KiB pages (A) and with transparent huge pages (B).
 *       Page faults are costly on some virtual machines, and every
 *       benchmark pays them; this says how much, for the report.
 *
 *   cairo-ref --scan FILE.xml
 *       Only reads the file and parses its numbers; prints "scan MS BYTES
 *       VALUES". The floor for loading (W4).
 *
 * No validation, no error recovery, no XML parser: what a one-off C
 * program would do. Numbers take Clinger's fast path (at most 15
 * significant digits and 22 decimals: one exact integer, one correctly
 * rounded division, so the same double as strtod()) and fall back to
 * strtod() for anything else.
 */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#define DPI 150.0
#define FONT_PT 9.0
#define LINE_PT 1.98

typedef struct {
  char   *name;
  double  start, step;
  double *y;
  size_t  n;
} Series;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static const double pow10_table[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static double
parse_number (const char  *p,
              char       **end)
{
  const char *s = p;
  unsigned long long m = 0;
  int digits = 0, decimals = 0, negative = 0;

  if (*s == '-' || *s == '+')
    negative = *s++ == '-';
  while (*s >= '0' && *s <= '9')
    m = m * 10 + (*s++ - '0'), digits++;
  if (*s == '.')
    {
      s++;
      while (*s >= '0' && *s <= '9')
        m = m * 10 + (*s++ - '0'), digits++, decimals++;
    }
  if (digits == 0 || digits > 15 || decimals > 22 || *s == 'e' || *s == 'E')
    return strtod (p, end);
  *end = (char *) s;
  return (negative ? -(double) m : (double) m) / pow10_table[decimals];
}

static char *
read_all (const char *path,
          size_t     *out_len)
{
  int fd = open (path, O_RDONLY);
  struct stat st;
  char *buf;
  size_t len = 0;

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      perror (path);
      exit (1);
    }
  buf = malloc (st.st_size + 1);
  while (len < (size_t) st.st_size)
    {
      ssize_t n = read (fd, buf + len, st.st_size - len);

      if (n <= 0)
        {
          perror (path);
          exit (1);
        }
      len += n;
    }
  close (fd);
  buf[len] = '\0';
  *out_len = len;
  return buf;
}

static double
attr (const char *tag_start,
      const char *tag_end,
      const char *name,
      double      fallback)
{
  size_t name_len = strlen (name);

  for (const char *p = tag_start; p + name_len + 2 < tag_end; p++)
    if (p[-1] == ' ' && strncmp (p, name, name_len) == 0 && p[name_len] == '=')
      return strtod (p + name_len + 2, NULL);
  return fallback;
}

/* Every <values> of the file, in order. */
static Series *
read_series (char    *doc,
             size_t  *out_n,
             size_t  *out_values)
{
  Series *series = NULL;
  size_t n = 0, total = 0;
  char *p = doc;

  while ((p = strstr (p, "<values")) != NULL)
    {
      char *tag_end = strchr (p, '>');
      Series s = { 0 };
      size_t cap = 1 << 16;

      s.start = attr (p, tag_end, "start", 0);
      s.step = attr (p, tag_end, "step", 1);
      s.y = malloc (cap * sizeof (double));
      p = tag_end + 1;
      for (;;)
        {
          char *end;
          double v;

          while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
            p++;
          if (*p == '<')
            break;
          if (p[0] == 'N' && p[1] == 'A')
            v = NAN, end = p + 2;
          else
            v = parse_number (p, &end);
          if (end == p)
            {
              fprintf (stderr, "cairo-ref: not a number near byte %zu\n", (size_t) (p - doc));
              exit (1);
            }
          if (s.n == cap)
            s.y = realloc (s.y, (cap *= 2) * sizeof (double));
          s.y[s.n++] = v;
          p = end;
        }
      total += s.n;
      series = realloc (series, (n + 1) * sizeof (Series));
      series[n++] = s;
    }

  *out_n = n;
  *out_values = total;
  return series;
}

static PangoLayout *
text (cairo_t    *cr,
      const char *str,
      double      size,
      gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, str, -1);
  pango_font_description_free (desc);
  return layout;
}

static void
show (cairo_t    *cr,
      const char *str,
      double      size,
      gboolean    bold,
      double      x,
      double      y,
      double      align)   /* 0 left, 0.5 centre, 1 right */
{
  PangoLayout *layout = text (cr, str, size, bold);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static double
nice_step (double span,
           int    target)
{
  double raw = span / target, mag = pow (10, floor (log10 (raw))), f = raw / mag;

  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

static const double colors[][3] = {
  { 0.00, 0.45, 0.70 }, { 0.84, 0.37, 0.00 }, { 0.00, 0.62, 0.45 }, { 0.80, 0.47, 0.65 },
  { 0.34, 0.71, 0.91 }, { 0.90, 0.62, 0.00 }, { 0.35, 0.35, 0.35 }, { 0.60, 0.20, 0.20 },
  { 0.20, 0.20, 0.60 }, { 0.40, 0.60, 0.20 },
};

static int
run_draw (const char *in,
          const char *out,
          int         width,
          int         height,
          int         four)
{
  size_t len, n_series, n_values;
  char *doc = read_all (in, &len);
  Series *series = read_series (doc, &n_series, &n_values);
  double scale = DPI / 72, w = width / scale, h = height / scale;
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
  double px, py, pw, ph, step;
  cairo_surface_t *surface;
  cairo_t *cr;
  char buf[64];

  free (doc);
  for (size_t i = 0; i < n_series; i++)
    {
      Series *s = &series[i];

      x_lo = fmin (x_lo, s->start);
      x_hi = fmax (x_hi, s->start + (s->n - 1) * s->step);
      for (size_t j = 0; j < s->n; j++)
        if (!isnan (s->y[j]))
          {
            y_lo = fmin (y_lo, s->y[j]);
            y_hi = fmax (y_hi, s->y[j]);
          }
    }
  step = nice_step (y_hi - y_lo, 8);
  y_lo = floor (y_lo / step) * step;
  y_hi = ceil (y_hi / step) * step;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (pango_cairo_font_map_get_default ()), 72);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* Frame: title, legend, plot area, axis titles. */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  snprintf (buf, sizeof buf, "%zu random walks of %zu points", n_series, n_series ? series[0].n : 0);
  show (cr, buf, FONT_PT * 1.5, TRUE, 12, 10, 0);
  for (size_t i = 0; i < n_series; i++)
    {
      double lx = 12 + i * 70;

      cairo_set_source_rgb (cr, colors[i % 10][0], colors[i % 10][1], colors[i % 10][2]);
      cairo_rectangle (cr, lx, 42, 14, 3);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      snprintf (buf, sizeof buf, "Series %zu", i + 1);
      show (cr, buf, FONT_PT, FALSE, lx + 18, 36, 0);
    }
  px = 60, py = 60, pw = w - px - 12, ph = h - py - 40;

  cairo_set_line_width (cr, 0.5);
  for (double v = y_lo; v <= y_hi + step / 2; v += step)
    {
      double y = py + ph - (v - y_lo) / (y_hi - y_lo) * ph;

      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_move_to (cr, px, y);
      cairo_line_to (cr, px + pw, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      snprintf (buf, sizeof buf, "%g", v);
      show (cr, buf, FONT_PT, FALSE, px - 4, y - 6, 1);
    }
  {
    double xs = nice_step (x_hi - x_lo, 8);

    for (double v = ceil (x_lo / xs) * xs; v <= x_hi; v += xs)
      {
        double x = px + (v - x_lo) / (x_hi - x_lo) * pw;

        cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
        cairo_move_to (cr, x, py + ph);
        cairo_line_to (cr, x, py + ph + 4);
        cairo_stroke (cr);
        snprintf (buf, sizeof buf, "%g", v);
        show (cr, buf, FONT_PT, FALSE, x, py + ph + 6, 0.5);
      }
  }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, px, py + ph);
  cairo_line_to (cr, px + pw, py + ph);
  cairo_stroke (cr);
  show (cr, "step", FONT_PT, FALSE, px + pw / 2, h - 16, 0.5);
  cairo_save (cr);
  cairo_translate (cr, 8, py + ph / 2);
  cairo_rotate (cr, -G_PI / 2);
  show (cr, "value", FONT_PT, FALSE, 0, 0, 0.5);
  cairo_restore (cr);

  /* The lines: min and max of each device pixel column, in the order
   * the line visits them (or first, min, max and last with --four). */
  cairo_save (cr);
  cairo_rectangle (cr, px, py, pw, ph);
  cairo_clip (cr);
  cairo_set_line_width (cr, LINE_PT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (size_t i = 0; i < n_series; i++)
    {
      Series *s = &series[i];
      double cols = pw * scale, col = -1, first = 0, lo = 0, hi = 0, last = 0;
      int pen = 0;

#define EMIT(X, Y) do { if (pen) cairo_line_to (cr, X, Y); else cairo_move_to (cr, X, Y); pen = 1; } while (0)
#define FLUSH() do { double cx = px + (col + 0.5) / scale; \
                     if (four) { EMIT (cx, first); EMIT (cx, lo); EMIT (cx, hi); EMIT (cx, last); } \
                     else if (lo == hi) EMIT (cx, lo); \
                     else if (first - lo < hi - first) { EMIT (cx, lo); EMIT (cx, hi); } \
                     else { EMIT (cx, hi); EMIT (cx, lo); } } while (0)
      for (size_t j = 0; j < s->n; j++)
        {
          double x = s->start + j * s->step, y = s->y[j], c;

          if (isnan (y))
            {
              if (col >= 0)
                FLUSH ();
              col = -1;
              pen = 0;
              continue;
            }
          c = floor ((x - x_lo) / (x_hi - x_lo) * cols);
          y = py + ph - (y - y_lo) / (y_hi - y_lo) * ph;
          if (c == col)
            {
              lo = fmin (lo, y);
              hi = fmax (hi, y);
              last = y;
              continue;
            }
          if (col >= 0)
            FLUSH ();
          col = c;
          first = lo = hi = last = y;
        }
      if (col >= 0)
        FLUSH ();
#undef FLUSH
#undef EMIT
      cairo_set_source_rgb (cr, colors[i % 10][0], colors[i % 10][1], colors[i % 10][2]);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, out) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "cairo-ref: cannot write %s\n", out);
      return 1;
    }
  cairo_surface_destroy (surface);
  for (size_t i = 0; i < n_series; i++)
    free (series[i].y);
  free (series);
  return 0;
}

static int
run_scan (const char *in)
{
  double t0 = now_ms (), t1;
  size_t len, n_series, n_values;
  char *doc = read_all (in, &len);
  Series *series = read_series (doc, &n_series, &n_values);

  t1 = now_ms ();
  printf ("scan %.3f %zu %zu\n", t1 - t0, len, n_values);
  for (size_t i = 0; i < n_series; i++)
    free (series[i].y);
  free (series);
  free (doc);
  return 0;
}

static int
run_memprobe (void)
{
  size_t size = 64 << 20;
  double best[2] = { INFINITY, INFINITY };

  for (int round = 0; round < 3; round++)
    for (int huge = 0; huge < 2; huge++)
      {
        char *p = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        double t0, t1;

        if (p == MAP_FAILED)
          return 1;
        madvise (p, size, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
        t0 = now_ms ();
        memset (p, 1, size);
        t1 = now_ms ();
        munmap (p, size);
        best[huge] = fmin (best[huge], (t1 - t0) / 64);
      }
  printf ("memprobe %.2f %.2f\n", best[0], best[1]);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && strcmp (argv[1], "--memprobe") == 0)
    return run_memprobe ();
  if (argc == 3 && strcmp (argv[1], "--scan") == 0)
    return run_scan (argv[2]);
  if (argc == 5)
    return run_draw (argv[1], argv[2], atoi (argv[3]), atoi (argv[4]), 0);
  if (argc == 6 && strcmp (argv[1], "--four") == 0)
    return run_draw (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]), 1);

  fprintf (stderr, "usage: cairo-ref [--four] FILE.xml OUT.png WIDTH HEIGHT\n"
                   "       cairo-ref --scan FILE.xml\n");
  return 2;
}
