/* karavan-chart.c: charts with axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value axis uses "nice" 1-2-5 steps; the x axis is a time axis
 * (years, months, dates), a number axis or categories. Every series
 * becomes a PlotItem that knows how to draw itself and how to answer a
 * hit test; a line with more points than device pixels is decimated to
 * the min and max of each pixel column, once per device scale.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "karavan-catalog.h"
#include "karavan-figure-private.h"
#include "karavan-format.h"

typedef enum {
  ITEM_LINE,
} ItemKind;

struct _PlotItem
{
  ItemKind             kind;
  const KaravanSeries *series;
  guint                series_index;
  KaravanRgb           color;
  const double        *dashes;     /* monochrome patterns, or NULL */
  double               line_width;
  double               marker_radius;
  gboolean             markers;
  double               x_limit;    /* reveal: points beyond are hidden */

  /* Decimated path for one device scale: (x, y) pairs, NAN pairs break. */
  double               cache_scale;
  GArray              *cache;
};

void
_karavan_plot_item_free (PlotItem *item)
{
  g_clear_pointer (&item->cache, g_array_unref);
  g_free (item);
}

/* ---------------------------------------------------------------------- */
/* Scales                                                                 */

static double
map_x (KaravanFigure *fig,
       double         x)
{
  if (fig->x_hi <= fig->x_lo)
    return fig->px + fig->pw / 2;
  return fig->px + (x - fig->x_lo) / (fig->x_hi - fig->x_lo) * fig->pw;
}

static double
map_y (KaravanFigure *fig,
       double         y)
{
  double t;

  if (fig->y_log)
    t = (log10 (MAX (y, 1e-300)) - log10 (fig->y_lo)) / (log10 (fig->y_hi) - log10 (fig->y_lo));
  else
    t = (y - fig->y_lo) / (fig->y_hi - fig->y_lo);

  return fig->py + fig->ph - t * fig->ph;
}

static double
nice_step (double range,
           double target)
{
  double raw = range / MAX (target, 1);
  double mag = pow (10, floor (log10 (raw)));
  double f = raw / mag;

  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/* Series shown: not hidden, and revealed when revealing by series. */
static GPtrArray *
visible_series (KaravanFigure *fig,
                GArray        *indexes)
{
  KaravanChart *chart = fig->view->chart;
  GPtrArray *out = g_ptr_array_new ();
  guint shown = 0;

  for (guint i = 0; i < chart->series->len; i++)
    {
      if (i < 64 && (fig->opts.hidden_series & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      if (fig->opts.reveal >= 0 && fig->opts.reveal_kind == KARAVAN_REVEAL_SERIES &&
          shown >= (guint) MAX (fig->opts.reveal, 1))
        break;
      g_ptr_array_add (out, chart->series->pdata[i]);
      if (indexes)
        g_array_append_val (indexes, i);
      shown++;
    }

  return out;
}

/* The distinct x values of all series, sorted: the steps of a reveal by
 * points. */
static GArray *
distinct_xs (KaravanChart *chart)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < chart->series->len; i++)
    {
      KaravanSeries *series = chart->series->pdata[i];

      for (guint j = 0; j < series->points->len; j++)
        {
          KaravanPoint *p = &g_array_index (series->points, KaravanPoint, j);
          gint64 key;

          if (p->flags & KARAVAN_POINT_MISSING)
            continue;
          memcpy (&key, &p->x, sizeof key);
          if (g_hash_table_contains (seen, &key))
            continue;
          g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
          g_array_append_val (xs, p->x);
        }
    }

  return xs;
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Where an event sits on this chart's x axis. */
static gboolean
event_x (KaravanXType       type,
         const KaravanDate *date,
         double            *out)
{
  switch (type)
    {
    case KARAVAN_X_YEAR:
      *out = date->year + (date->month ? (date->month - 1) / 12.0 : 0) +
             (date->day ? (date->day - 1) / 365.0 : 0);
      return TRUE;
    case KARAVAN_X_MONTH:
      *out = date->year * 12.0 + (date->month ? date->month - 1 : 0);
      return TRUE;
    case KARAVAN_X_DATE:
      if (date->year < 1)
        return FALSE;
      {
        g_autoptr(GDate) d = g_date_new_dmy (date->day ? date->day : 1,
                                              date->month ? date->month : 1, date->year);
        *out = g_date_get_julian (d);
      }
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---------------------------------------------------------------------- */
/* Footer note                                                            */

static gboolean
any_flagged (KaravanChart *chart)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      KaravanSeries *series = chart->series->pdata[i];

      for (guint j = 0; j < series->points->len; j++)
        if (g_array_index (series->points, KaravanPoint, j).flags & (KARAVAN_POINT_ESTIMATE | KARAVAN_POINT_PARTIAL))
          return TRUE;
    }
  return FALSE;
}

static gboolean
any_gap (KaravanChart *chart)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      KaravanSeries *series = chart->series->pdata[i];

      if (series->x_type != KARAVAN_X_YEAR)
        continue;
      for (guint j = 1; j < series->points->len; j++)
        if (g_array_index (series->points, KaravanPoint, j).x -
            g_array_index (series->points, KaravanPoint, j - 1).x > 1.5)
          return TRUE;
    }
  return FALSE;
}

/* What the footer must explain about how this chart is drawn. */
char *
_karavan_chart_footer_note (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  g_autoptr(GString) note = g_string_new (NULL);

  if (chart->type == KARAVAN_CHART_LINE && any_flagged (chart))
    g_string_append (note, KC_("figure", "Hollow markers: estimate or part of the period."));
  if (chart->type == KARAVAN_CHART_LINE && any_gap (chart))
    {
      if (note->len)
        g_string_append_c (note, ' ');
      g_string_append (note, KC_("figure", "Dashed segments join years with no data between them."));
    }
  if (chart->growths->len > 0 || chart->yoy->len > 0)
    {
      if (note->len)
        g_string_append_c (note, ' ');
      g_string_append (note, KC_("figure", "Growth figures are computed by Karavan from the data shown."));
    }

  return note->len ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
}

/* ---------------------------------------------------------------------- */
/* Legend                                                                 */

static double
layout_legend (KaravanFigure *fig,
               double         top)
{
  KaravanChart *chart = fig->view->chart;
  double x = fig->body_x, y = top, row_h = 0;
  double swatch = fig->fs * 1.8;

  fig->legend = g_array_new (FALSE, FALSE, sizeof (LegendEntry));

  for (guint i = 0; i < chart->series->len; i++)
    {
      KaravanSeries *series = chart->series->pdata[i];
      gboolean hidden = i < 64 && (fig->opts.hidden_series & (G_GUINT64_CONSTANT (1) << i));
      const char *title = karavan_text_get (&series->title, fig->opts.lang);
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_LEGEND, title ? title : series->id, 0.9, FALSE,
                                            fig->body_w - swatch - fig->fs * 0.4,
                                            hidden ? &fig->pal->grid : &fig->pal->text);
      double entry_w = swatch + fig->fs * 0.4 + label->w;
      LegendEntry entry;
      Shape *line;

      if (x > fig->body_x && x + entry_w > fig->body_x + fig->body_w)
        {
          x = fig->body_x;
          y += row_h + fig->fs * 0.3;
          row_h = 0;
        }

      line = _karavan_figure_shape (fig, SHAPE_LINE);
      line->color = hidden ? fig->pal->grid : fig->pal->series[i % KARAVAN_PALETTE_N_SERIES];
      line->x = x;
      line->x2 = x + swatch;
      line->y = line->y2 = y + label->h / 2;
      line->width = fig->pal->line_width * fig->fs;
      if (fig->opts.palette == KARAVAN_PALETTE_MONOCHROME && i % KARAVAN_PALETTE_N_SERIES > 0)
        line->dash = fig->pal->dashes[i % KARAVAN_PALETTE_N_SERIES][0];

      _karavan_figure_place (fig, label, x + swatch + fig->fs * 0.4, y);

      entry.x = x;
      entry.y = y;
      entry.w = entry_w;
      entry.h = label->h;
      entry.series_index = i;
      g_array_append_val (fig->legend, entry);

      x += entry_w + fig->fs * 1.4;
      row_h = MAX (row_h, label->h);
    }

  return y + row_h + fig->fs * 0.8;
}

/* ---------------------------------------------------------------------- */
/* Axes                                                                   */

static void
value_range (KaravanFigure *fig,
             GPtrArray     *series,
             double        *lo,
             double        *hi)
{
  KaravanChart *chart = fig->view->chart;

  *lo = NAN;
  *hi = NAN;
  for (guint i = 0; i < series->len; i++)
    {
      KaravanSeries *s = series->pdata[i];

      if (s->n_present == 0)
        continue;
      if (fig->y_log)
        {
          /* Only positive values exist on a log scale. */
          for (guint j = 0; j < s->points->len; j++)
            {
              KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);

              if (!(p->flags & KARAVAN_POINT_MISSING) && p->y > 0)
                {
                  if (!(p->y >= *lo)) *lo = p->y;
                  if (!(p->y <= *hi)) *hi = p->y;
                }
            }
        }
      else
        {
          if (!(s->y_min >= *lo)) *lo = s->y_min;
          if (!(s->y_max <= *hi)) *hi = s->y_max;
        }
    }

  if (chart->has_y_min)
    *lo = chart->y_min;
  if (chart->has_y_max)
    *hi = chart->y_max;
}

static void
compute_y_axis (KaravanFigure *fig,
                GPtrArray     *series)
{
  KaravanChart *chart = fig->view->chart;
  double lo, hi, step;
  double target = MAX (2, fig->ph / (fig->fs * 3.2));

  fig->y_log = chart->log_scale;
  value_range (fig, series, &lo, &hi);
  fig->y_ticks = g_array_new (FALSE, FALSE, sizeof (double));

  if (fig->y_log && isfinite (lo) && lo > 0)
    {
      double a = floor (log10 (lo)), b = ceil (log10 (hi));

      if (a == b)
        b = a + 1;
      fig->y_lo = pow (10, a);
      fig->y_hi = pow (10, b);
      for (double e = a; e <= b; e++)
        {
          double v = pow (10, e);
          g_array_append_val (fig->y_ticks, v);
        }
      return;
    }

  fig->y_log = FALSE;
  if (!isfinite (lo))
    lo = 0, hi = 1;
  /* Counts start at zero: a chart of growth must not exaggerate it. */
  if (!chart->has_y_min && lo > 0)
    lo = 0;
  if (!chart->has_y_max && hi < 0)
    hi = 0;
  if (hi <= lo)
    hi = lo + (lo == 0 ? 1 : fabs (lo));

  step = nice_step (hi - lo, target);
  fig->y_lo = chart->has_y_min ? lo : floor (lo / step + 1e-9) * step;
  fig->y_hi = chart->has_y_max ? hi : ceil (hi / step - 1e-9) * step;
  for (double v = ceil (fig->y_lo / step - 1e-9) * step; v <= fig->y_hi + step * 1e-9; v += step)
    {
      double t = fabs (v) < step * 1e-9 ? 0 : v;
      g_array_append_val (fig->y_ticks, t);
    }
}

static gboolean
all_percent (GPtrArray *series)
{
  for (guint i = 0; i < series->len; i++)
    if (((KaravanSeries *) series->pdata[i])->format != KARAVAN_FORMAT_PERCENT)
      return FALSE;
  return series->len > 0;
}

static char *
format_tick (KaravanFigure *fig,
             double         v,
             gboolean       percent)
{
  int decimals;

  if (fig->y_log || fig->y_ticks->len < 2)
    decimals = karavan_format_decimals_for (v);
  else
    decimals = karavan_format_decimals_for (g_array_index (fig->y_ticks, double, 1) -
                                            g_array_index (fig->y_ticks, double, 0));
  return percent ? karavan_format_percent (v, decimals, fig->opts.lang)
                 : karavan_format_number (v, decimals, fig->opts.lang);
}

/* Candidate x tick steps, in x units, smallest first. */
static void
x_step_candidates (KaravanXType  type,
                   double        span,
                   GArray       *steps)
{
  static const double years[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000 };
  static const double months[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240 };
  static const double days[] = { 1, 2, 7, 14, 30.436875, 61, 91.3, 182.6, 365.25, 730.5, 1826.2, 3652.5 };

  switch (type)
    {
    case KARAVAN_X_YEAR:
      g_array_append_vals (steps, years, G_N_ELEMENTS (years));
      break;
    case KARAVAN_X_MONTH:
      g_array_append_vals (steps, months, G_N_ELEMENTS (months));
      break;
    case KARAVAN_X_DATE:
      g_array_append_vals (steps, days, G_N_ELEMENTS (days));
      break;
    case KARAVAN_X_NUMBER:
    default:
      for (double s = nice_step (MAX (span, 1e-9), 50); s <= MAX (span, 1e-9) * 2; s = nice_step (s * 1.01, 1) )
        g_array_append_val (steps, s);
      break;
    }
}

static char *
format_x_tick (KaravanFigure *fig,
               double         x,
               double         step)
{
  KaravanChart *chart = fig->view->chart;
  const KaravanSeries *first = chart->series->pdata[0];

  /* Whole years on a month axis read as years. */
  if (chart->x_type == KARAVAN_X_MONTH && step >= 12)
    return g_strdup_printf ("%d", (int) floor (x / 12));
  if (chart->x_type == KARAVAN_X_DATE && step >= 365)
    {
      g_autoptr(GDate) d = g_date_new_julian ((guint32) CLAMP (x, 1, G_MAXUINT32));
      return g_strdup_printf ("%d", g_date_get_year (d));
    }
  if (chart->x_type == KARAVAN_X_NUMBER)
    return karavan_format_number (x, karavan_format_decimals_for (step), fig->opts.lang);

  return karavan_format_x_short (x, chart->x_type, first, fig->opts.lang);
}

/* Tick positions for a step: aligned to the calendar for time axes. */
static void
x_ticks_for_step (KaravanFigure *fig,
                  double         step,
                  GArray        *ticks)
{
  KaravanChart *chart = fig->view->chart;
  double lo = fig->data_x_lo, hi = fig->data_x_hi;

  g_array_set_size (ticks, 0);

  if (chart->x_type == KARAVAN_X_DATE && step >= 28)
    {
      /* First days of months (or years) inside the range. */
      g_autoptr(GDate) d = g_date_new_julian ((guint32) CLAMP (lo, 1, G_MAXUINT32));
      int months = step >= 365 ? 12 * (int) round (step / 365.25) : (int) round (step / 30.436875);

      g_date_set_day (d, 1);
      if (step >= 365)
        g_date_set_month (d, 1);
      while (g_date_get_julian (d) < lo)
        g_date_add_months (d, months);
      while (g_date_get_julian (d) <= hi && ticks->len < 1000)
        {
          double v = g_date_get_julian (d);
          g_array_append_val (ticks, v);
          g_date_add_months (d, months);
        }
      return;
    }

  for (double v = ceil (lo / step - 1e-9) * step; v <= hi + 1e-9 && ticks->len < 1000; v += step)
    g_array_append_val (ticks, v);
}

/* Picks the smallest step whose labels fit side by side. */
static void
layout_x_axis (KaravanFigure *fig,
               double        *label_h)
{
  KaravanChart *chart = fig->view->chart;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double span = fig->data_x_hi - fig->data_x_lo;
  double chosen = 0;

  *label_h = fig->fs * 0.9 * 1.2;
  fig->x_ticks = g_array_new (FALSE, FALSE, sizeof (double));

  if (chart->x_type == KARAVAN_X_CATEGORY)
    return;

  x_step_candidates (chart->x_type, span, steps);

  for (guint i = 0; i < steps->len; i++)
    {
      double step = g_array_index (steps, double, i);
      double widest = 0;
      double room;

      x_ticks_for_step (fig, step, ticks);
      if (ticks->len == 0)
        continue;
      if (ticks->len > 200)
        continue;

      for (guint t = 0; t < ticks->len; t++)
        {
          g_autofree char *text = format_x_tick (fig, g_array_index (ticks, double, t), step);
          PangoLayout *layout;
          Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &fig->pal->muted);

          layout = probe->layout;
          (void) layout;
          widest = MAX (widest, probe->w);
          *label_h = probe->h;
          /* Probes are not placed; drop them again. */
          g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
        }

      room = ticks->len > 1 ? fig->pw * step / MAX (fig->x_hi - fig->x_lo, 1e-9) : fig->pw;
      if (widest + fig->fs * 1.2 <= room)
        {
          chosen = step;
          break;
        }
    }

  if (chosen == 0)
    {
      /* Nothing fits: one label at each end. */
      g_array_append_val (fig->x_ticks, fig->data_x_lo);
      if (fig->data_x_hi > fig->data_x_lo)
        g_array_append_val (fig->x_ticks, fig->data_x_hi);
      fig->x_step = span;
      return;
    }

  x_ticks_for_step (fig, chosen, fig->x_ticks);
  fig->x_step = chosen;
}

/* ---------------------------------------------------------------------- */
/* Lines                                                                  */

static void
add_line_items (KaravanFigure *fig,
                GPtrArray     *series,
                GArray        *indexes,
                double         x_limit)
{
  for (guint i = 0; i < series->len; i++)
    {
      PlotItem *item = g_new0 (PlotItem, 1);
      guint index = g_array_index (indexes, guint, i);
      KaravanSeries *s = series->pdata[i];

      item->kind = ITEM_LINE;
      item->series = s;
      item->series_index = index;
      item->color = fig->pal->series[index % KARAVAN_PALETTE_N_SERIES];
      if (fig->opts.palette == KARAVAN_PALETTE_MONOCHROME)
        item->dashes = fig->pal->dashes[index % KARAVAN_PALETTE_N_SERIES];
      item->line_width = fig->pal->line_width * fig->fs;
      item->marker_radius = fig->fs * 0.32 * (fig->pal->line_width / 0.22 > 1.2 ? 1.3 : 1);
      /* Markers where points are far enough apart to be seen one by one. */
      item->markers = s->n_present <= MAX (1, fig->pw / (fig->fs * 1.5));
      item->x_limit = x_limit;
      g_ptr_array_add (fig->items, item);
    }
}

static void
set_dashes (cairo_t      *cr,
            const double *dashes,
            double        unit)
{
  double d[4];
  int n = 0;

  if (dashes == NULL || dashes[0] == 0)
    return;
  for (n = 0; n < 4 && dashes[n] > 0; n++)
    d[n] = dashes[n] * unit;
  cairo_set_dash (cr, d, n, 0);
}

/* Min/max per device pixel column, in drawing order. */
static GArray *
decimate (KaravanFigure *fig,
          PlotItem      *item,
          double         scale)
{
  const KaravanSeries *s = item->series;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  double col_w = 1.0 / scale;
  gboolean have = FALSE;
  double col = 0, first = 0, last = 0, lo = 0, hi = 0;
  double nan = NAN;

  for (guint j = 0; j < s->points->len; j++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
      double x, y, c;

      if (p->x > item->x_limit)
        break;
      if (p->flags & KARAVAN_POINT_MISSING)
        {
          if (have)
            {
              double v[] = { col, first, col, lo, col, hi, col, last, nan, nan };
              g_array_append_vals (out, v, 10);
              have = FALSE;
            }
          continue;
        }

      x = map_x (fig, p->x);
      y = map_y (fig, p->y);
      c = floor (x / col_w) * col_w + col_w / 2;

      if (have && c == col)
        {
          lo = MIN (lo, y);
          hi = MAX (hi, y);
          last = y;
          continue;
        }

      if (have)
        {
          double v[] = { col, first, col, lo, col, hi, col, last };
          g_array_append_vals (out, v, 8);
        }
      have = TRUE;
      col = c;
      first = last = lo = hi = y;
    }

  if (have)
    {
      double v[] = { col, first, col, lo, col, hi, col, last };
      g_array_append_vals (out, v, 8);
    }

  return out;
}

static void
draw_line (KaravanFigure *fig,
           cairo_t       *cr,
           PlotItem      *item)
{
  const KaravanSeries *s = item->series;
  double ux = 1, uy = 0, scale;
  gboolean pen = FALSE;
  const KaravanPoint *prev = NULL;

  cairo_save (cr);
  cairo_rectangle (cr, fig->px - item->marker_radius * 2, fig->py - item->marker_radius * 2,
                   fig->pw + item->marker_radius * 4, fig->ph + item->marker_radius * 4);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, item->color.r, item->color.g, item->color.b);
  cairo_set_line_width (cr, item->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_dashes (cr, item->dashes, item->line_width * 2);

  cairo_user_to_device_distance (cr, &ux, &uy);
  scale = MAX (hypot (ux, uy), 1e-6);

  if (!fig->opts.exact && s->points->len > fig->pw * scale * 2)
    {
      if (item->cache == NULL || item->cache_scale != scale)
        {
          g_clear_pointer (&item->cache, g_array_unref);
          item->cache = decimate (fig, item, scale);
          item->cache_scale = scale;
        }
      for (guint i = 0; i + 1 < item->cache->len; i += 2)
        {
          double x = g_array_index (item->cache, double, i);
          double y = g_array_index (item->cache, double, i + 1);

          if (isnan (x))
            pen = FALSE;
          else if (pen)
            cairo_line_to (cr, x, y);
          else
            {
              cairo_move_to (cr, x, y);
              pen = TRUE;
            }
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  /* Solid between neighbours; dashed across years without data. */
  for (guint j = 0; j < s->points->len; j++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
      double x, y;

      if (p->x > item->x_limit)
        break;
      if (p->flags & KARAVAN_POINT_MISSING)
        {
          prev = NULL;
          pen = FALSE;
          continue;
        }

      x = map_x (fig, p->x);
      y = map_y (fig, p->y);
      if (prev != NULL && s->x_type == KARAVAN_X_YEAR && p->x - prev->x > 1.5)
        {
          cairo_stroke (cr);
          cairo_save (cr);
          cairo_set_dash (cr, (double[]) { item->line_width * 1.5, item->line_width * 2.5 }, 2, 0);
          cairo_move_to (cr, map_x (fig, prev->x), map_y (fig, prev->y));
          cairo_line_to (cr, x, y);
          cairo_stroke (cr);
          cairo_restore (cr);
          cairo_move_to (cr, x, y);
        }
      else if (pen)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen = TRUE;
      prev = p;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (item->markers)
    for (guint j = 0; j < s->points->len; j++)
      {
        const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);

        if (p->x > item->x_limit)
          break;
        if (p->flags & KARAVAN_POINT_MISSING)
          continue;

        cairo_new_path (cr);
        cairo_arc (cr, map_x (fig, p->x), map_y (fig, p->y), item->marker_radius, 0, 2 * G_PI);
        if (p->flags & (KARAVAN_POINT_ESTIMATE | KARAVAN_POINT_PARTIAL))
          {
            /* Hollow: filled with the background, ringed with the colour. */
            const KaravanRgb *bg = &fig->pal->background;

            cairo_set_source_rgb (cr, bg->r, bg->g, bg->b);
            cairo_fill_preserve (cr);
            cairo_set_source_rgb (cr, item->color.r, item->color.g, item->color.b);
            cairo_set_line_width (cr, item->line_width * 0.8);
            cairo_stroke (cr);
          }
        else
          cairo_fill (cr);
      }

  cairo_restore (cr);
}

void
_karavan_plot_item_draw (KaravanFigure *fig,
                         cairo_t       *cr,
                         PlotItem      *item)
{
  switch (item->kind)
    {
    case ITEM_LINE:
      draw_line (fig, cr, item);
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
_karavan_plot_item_hit (KaravanFigure *fig,
                        PlotItem      *item,
                        double         x,
                        double         y,
                        KaravanHit    *hit,
                        double        *distance)
{
  const KaravanSeries *s = item->series;
  GArray *points = s->points;
  guint lo = 0, hi = points->len;
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;
  double data_x;

  if (points->len == 0 || fig->pw <= 0)
    return FALSE;

  /* Points are sorted: start from the nearest x, look both ways. */
  data_x = fig->x_lo + (x - fig->px) / fig->pw * (fig->x_hi - fig->x_lo);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (points, KaravanPoint, mid).x < data_x)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint k = lo > 0 ? lo - 1 : 0, n = 0; k < points->len && n < 3; k++, n++)
    {
      const KaravanPoint *p = &g_array_index (points, KaravanPoint, k);
      double dx, dy, d;

      if ((p->flags & KARAVAN_POINT_MISSING) || p->x > item->x_limit)
        continue;
      dx = map_x (fig, p->x) - x;
      dy = map_y (fig, p->y) - y;
      /* Horizontal distance matters most: hovering a year. */
      d = hypot (dx, dy * 0.35);
      if (d < best)
        {
          best = d;
          hit->series = s;
          hit->point = p;
          hit->x = map_x (fig, p->x);
          hit->y = map_y (fig, p->y);
          found = TRUE;
        }
    }

  *distance = best;
  return found && best <= fig->fs * 4;
}

/* ---------------------------------------------------------------------- */
/* Annotations                                                            */

/* A colour as text needs it: mixed towards the text colour until it
 * reaches 4.5:1 against the background (WCAG AA). */
KaravanRgb
_karavan_readable_color (KaravanFigure    *fig,
                         const KaravanRgb *color)
{
  KaravanRgb c = *color;

  for (int i = 1; i <= 10 && karavan_rgb_contrast (&c, &fig->pal->background) < 4.5; i++)
    {
      double t = i / 10.0;

      c.r = color->r * (1 - t) + fig->pal->text.r * t;
      c.g = color->g * (1 - t) + fig->pal->text.g * t;
      c.b = color->b * (1 - t) + fig->pal->text.b * t;
    }
  return c;
}

static void
add_vertical_marker (KaravanFigure    *fig,
                     double            x,
                     const char       *text,
                     const KaravanRgb *color)
{
  Shape *line;
  Label *label;
  double sx = map_x (fig, x);
  double candidates[16];

  if (sx < fig->px - 0.5 || sx > fig->px + fig->pw + 0.5)
    return;

  line = _karavan_figure_shape (fig, SHAPE_LINE);
  line->color = *color;
  line->x = line->x2 = sx;
  line->y = fig->py;
  line->y2 = fig->py + fig->ph;
  line->width = MAX (0.5, fig->fs * 0.08);
  line->dash = fig->fs * 0.35;
  line->under = TRUE;

  if (text == NULL || text[0] == '\0')
    return;

  label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text, 0.78, FALSE, fig->fs * 11,
                                 &(KaravanRgb) { 0 });
  label->color = _karavan_readable_color (fig, color);
  /* Right of the line, then left of it, row by row from the top. */
  for (guint row = 0; row < 8; row++)
    {
      double y = fig->py + fig->fs * 0.2 + row * (label->h * 0.5 + fig->fs * 0.3);

      candidates[row * 2] = sx + fig->fs * 0.25;
      candidates[row * 2 + 1] = y;
    }
  if (!_karavan_figure_place_free (fig, label, candidates, 8, fig->fs * 0.1))
    {
      for (guint row = 0; row < 8; row++)
        candidates[row * 2] = sx - fig->fs * 0.25 - label->w;
      _karavan_figure_place_free (fig, label, candidates, 8, fig->fs * 0.1);
    }
}

static void
add_value_labels (KaravanFigure *fig,
                  PlotItem      *item)
{
  const KaravanSeries *s = item->series;
  KaravanLang lang = fig->opts.lang;

  for (guint j = 0; j < s->points->len; j++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
      g_autofree char *text = NULL;
      Label *label;
      double x, y;

      if ((p->flags & KARAVAN_POINT_MISSING) || p->x > item->x_limit)
        continue;

      text = karavan_format_value (p->y, s->format, p->relation, lang);
      label = _karavan_figure_label (fig, KARAVAN_LABEL_VALUE, text, 0.85, TRUE, -1, &fig->pal->text);
      x = map_x (fig, p->x);
      y = map_y (fig, p->y);

      {
        double r = item->marker_radius + fig->fs * 0.2;
        double candidates[] = {
          x - label->w / 2, y - r - label->h,     /* above */
          x - label->w / 2, y + r,                /* below */
          x + r, y - label->h / 2,                /* right */
          x - r - label->w, y - label->h / 2,     /* left */
          x - label->w - r * 0.7, y - r * 0.7 - label->h,  /* above left */
        };

        _karavan_figure_place_free (fig, label, candidates, G_N_ELEMENTS (candidates) / 2, fig->fs * 0.1);
      }
    }
}

static void
add_growth_labels (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;

  for (guint i = 0; i < chart->growths->len; i++)
    {
      KaravanGrowth *growth = chart->growths->pdata[i];
      const KaravanPoint *a = karavan_series_find_point (growth->series, growth->from);
      const KaravanPoint *b = karavan_series_find_point (growth->series, growth->to);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      Label *label;
      double years;

      if (a == NULL || b == NULL || !(a->y > 0) || !(b->y > 0))
        continue;
      if (fig->opts.reveal >= 0 && b->x > fig->x_limit)
        continue;

      from = karavan_format_x (growth->from, growth->series->x_type, growth->series, lang);
      to = karavan_format_x (growth->to, growth->series->x_type, growth->series, lang);

      if (growth->show & KARAVAN_GROWTH_MULTIPLE)
        {
          double ratio = b->y / a->y;
          g_autofree char *r = karavan_format_number (ratio, ratio < 10 ? 2 : 1, lang);

          /* TRANSLATORS: a computed growth multiple, "×16.7 from 2020 to 2024" */
          g_string_append_printf (text, KC_("growth", "×%1$s from %2$s to %3$s"), r, from, to);
        }

      years = growth->series->x_type == KARAVAN_X_YEAR ? growth->to - growth->from :
              growth->series->x_type == KARAVAN_X_MONTH ? (growth->to - growth->from) / 12 :
              growth->series->x_type == KARAVAN_X_DATE ? (growth->to - growth->from) / 365.25 : 0;
      if ((growth->show & KARAVAN_GROWTH_CAGR) && years > 0)
        {
          double cagr = (pow (b->y / a->y, 1.0 / years) - 1) * 100;
          g_autofree char *c = karavan_format_percent (cagr, fabs (cagr) < 10 ? 1 : 0, lang);

          if (text->len)
            g_string_append_c (text, '\n');
          /* TRANSLATORS: compound annual growth rate, computed */
          g_string_append_printf (text, KC_("growth", "%s a year on average"), c);
        }

      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, KC_("growth", "(computed)"));

      label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text->str, 0.95, FALSE, fig->pw * 0.45,
                                     &fig->pal->text);
      {
        double m = fig->fs * 0.6;
        double candidates[] = {
          fig->px + m, fig->py + m,
          fig->px + m, fig->py + fig->fs * 3,
          fig->px + fig->pw - label->w - m, fig->py + fig->ph - label->h - m,
          fig->px + m, fig->py + fig->ph / 2 - label->h / 2,
        };

        _karavan_figure_place_free (fig, label, candidates, G_N_ELEMENTS (candidates) / 2, fig->fs * 0.2);
      }
    }
}

static void
add_yoy_labels (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;

  for (guint i = 0; i < chart->yoy->len; i++)
    {
      KaravanSeries *s = chart->yoy->pdata[i];

      for (guint j = 1; j < s->points->len; j++)
        {
          const KaravanPoint *a = &g_array_index (s->points, KaravanPoint, j - 1);
          const KaravanPoint *b = &g_array_index (s->points, KaravanPoint, j);
          g_autofree char *pct = NULL;
          g_autofree char *text = NULL;
          Label *label;
          double x, y, change;

          if ((a->flags | b->flags) & KARAVAN_POINT_MISSING || !(a->y != 0) || b->x - a->x > 1.01 ||
              b->x > fig->x_limit)
            continue;

          change = (b->y / a->y - 1) * 100;
          pct = karavan_format_percent (change, fabs (change) < 10 ? 1 : 0, fig->opts.lang);
          text = g_strconcat (change > 0 ? "+" : "", pct, NULL);
          label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text, 0.75, FALSE, -1, &fig->pal->muted);
          x = (map_x (fig, a->x) + map_x (fig, b->x)) / 2;
          y = (map_y (fig, a->y) + map_y (fig, b->y)) / 2;
          {
            double candidates[] = {
              x - label->w / 2, y + fig->fs * 0.5,
              x - label->w / 2, y - fig->fs * 0.5 - label->h,
            };
            _karavan_figure_place_free (fig, label, candidates, 2, fig->fs * 0.1);
          }
        }
    }
}

/* ---------------------------------------------------------------------- */
/* The layout                                                             */

static void
x_range (KaravanFigure *fig,
         GPtrArray     *series)
{
  KaravanChart *chart = fig->view->chart;
  double lo = NAN, hi = NAN;

  for (guint i = 0; i < chart->series->len; i++)
    {
      KaravanSeries *s = chart->series->pdata[i];

      /* All series, hidden or not: hiding one must not move the axis. */
      if (s->points->len == 0)
        continue;
      if (!(g_array_index (s->points, KaravanPoint, 0).x >= lo))
        lo = g_array_index (s->points, KaravanPoint, 0).x;
      if (!(g_array_index (s->points, KaravanPoint, s->points->len - 1).x <= hi))
        hi = g_array_index (s->points, KaravanPoint, s->points->len - 1).x;
    }

  if (!isfinite (lo))
    lo = 0, hi = 1;

  fig->data_x_lo = lo;
  fig->data_x_hi = hi;

  /* A margin so end markers and their labels stay inside. */
  if (hi > lo)
    {
      double margin = (hi - lo) * 0.04;

      if (chart->x_type == KARAVAN_X_YEAR || chart->x_type == KARAVAN_X_CATEGORY)
        margin = MAX (margin, MIN (0.35, (hi - lo) * 0.1));
      fig->x_lo = lo - margin;
      fig->x_hi = hi + margin;
    }
  else
    {
      fig->x_lo = lo - 1;
      fig->x_hi = hi + 1;
    }
}

void
_karavan_chart_layout (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  const KaravanPalette *pal = fig->pal;
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) series = visible_series (fig, indexes);
  g_autoptr(GArray) xs = NULL;
  const char *y_title = karavan_text_get (&chart->y_title, lang);
  const char *x_title = karavan_text_get (&chart->x_title, lang);
  g_autofree char *unit_title = NULL;
  gboolean percent = all_percent (series);
  double top = fig->body_y, bottom = fig->body_y + fig->body_h;
  double left = fig->body_x, right = fig->body_x + fig->body_w;
  double tick_w = 0, tick_h = 0, x_label_h;
  Label *y_title_label = NULL, *x_title_label = NULL;
  GPtrArray *tick_labels;

  if (chart->type != KARAVAN_CHART_LINE)
    {
      _karavan_chart_layout_other (fig);
      return;
    }

  /* Reveal by points: the axes are those of the whole chart, so the
   * line grows into a frame that does not move. */
  xs = distinct_xs (chart);
  g_array_sort (xs, compare_doubles);
  fig->x_limit = G_MAXDOUBLE;
  if (fig->view->chart && xs->len > 0)
    {
      fig->reveal_steps = fig->opts.reveal_kind == KARAVAN_REVEAL_SERIES ? (int) chart->series->len : (int) xs->len;
      if (fig->opts.reveal >= 0 && fig->opts.reveal_kind != KARAVAN_REVEAL_SERIES)
        fig->x_limit = g_array_index (xs, double, CLAMP (fig->opts.reveal, 1, (int) xs->len) - 1);
    }

  if (chart->series->len > 1)
    top = layout_legend (fig, top);

  /* With one series and no axis title, the unit titles the value axis. */
  if (y_title == NULL && series->len == 1)
    y_title = unit_title = g_strdup (karavan_text_get (&((KaravanSeries *) series->pdata[0])->unit, lang));

  if (y_title != NULL && !percent)
    {
      y_title_label = _karavan_figure_label (fig, KARAVAN_LABEL_AXIS_TITLE, y_title, 0.9, FALSE,
                                             MAX (fig->fs * 4, bottom - top), &pal->muted);
      y_title_label->rotated = TRUE;
      left += y_title_label->h + fig->fs * 0.5;
    }
  if (x_title != NULL)
    {
      x_title_label = _karavan_figure_label (fig, KARAVAN_LABEL_AXIS_TITLE, x_title, 0.9, FALSE,
                                             right - left, &pal->muted);
      bottom -= x_title_label->h + fig->fs * 0.3;
    }

  /* The value axis needs the plot's height, the plot's left edge needs
   * the widest tick label: a first guess, then the real thing. */
  fig->py = top + fig->fs * 0.5;
  fig->ph = MAX (fig->fs * 2, bottom - fig->fs * 1.6 - fig->py);
  fig->pw = MAX (fig->fs * 4, right - left);
  compute_y_axis (fig, series);

  tick_labels = g_ptr_array_new ();
  for (guint i = 0; i < fig->y_ticks->len; i++)
    {
      g_autofree char *text = format_tick (fig, g_array_index (fig->y_ticks, double, i), percent);
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &pal->muted);

      g_ptr_array_add (tick_labels, GUINT_TO_POINTER (fig->labels->len - 1));
      tick_w = MAX (tick_w, label->w);
      tick_h = label->h;
    }

  fig->px = left + tick_w + fig->fs * 0.5;
  fig->pw = MAX (fig->fs * 4, right - fig->px);
  x_range (fig, series);
  layout_x_axis (fig, &x_label_h);
  fig->ph = MAX (fig->fs * 2, bottom - x_label_h - fig->fs * 0.4 - fig->py);
  fig->has_plot = TRUE;

  /* Now that the plot is known, place the axis texts. */
  for (guint i = 0; i < tick_labels->len; i++)
    {
      Label *label = g_ptr_array_index (fig->labels, GPOINTER_TO_UINT (tick_labels->pdata[i]));
      double v = g_array_index (fig->y_ticks, double, i);
      double y = map_y (fig, v);
      Shape *grid = _karavan_figure_shape (fig, SHAPE_LINE);

      _karavan_figure_place (fig, label, fig->px - fig->fs * 0.5 - label->w, y - tick_h / 2);
      grid->color = v == 0 && !fig->y_log ? pal->axis : pal->grid;
      grid->x = fig->px;
      grid->x2 = fig->px + fig->pw;
      grid->y = grid->y2 = y;
      grid->width = v == 0 ? MAX (0.6, fig->fs * 0.09) : MAX (0.4, fig->fs * 0.06);
      grid->under = TRUE;
    }
  g_ptr_array_unref (tick_labels);

  for (guint i = 0; i < fig->x_ticks->len; i++)
    {
      double v = g_array_index (fig->x_ticks, double, i);
      g_autofree char *text = format_x_tick (fig, v, fig->x_step);
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &pal->muted);
      Shape *tick = _karavan_figure_shape (fig, SHAPE_LINE);
      double x = map_x (fig, v);

      _karavan_figure_place (fig, label, x - label->w / 2, fig->py + fig->ph + fig->fs * 0.4);
      tick->color = pal->axis;
      tick->x = tick->x2 = x;
      tick->y = fig->py + fig->ph;
      tick->y2 = tick->y + fig->fs * 0.3;
      tick->width = MAX (0.5, fig->fs * 0.07);
    }

  {
    Shape *axis = _karavan_figure_shape (fig, SHAPE_LINE);

    axis->color = pal->axis;
    axis->x = fig->px;
    axis->x2 = fig->px + fig->pw;
    axis->y = axis->y2 = fig->py + fig->ph;
    axis->width = MAX (0.6, fig->fs * 0.09);
  }

  if (y_title_label != NULL)
    {
      /* Rotated: centred along the plot's height. */
      _karavan_figure_place (fig, y_title_label, fig->body_x,
                             fig->py + fig->ph / 2 + MIN (y_title_label->w, fig->ph) / 2);
    }
  else if (y_title != NULL && percent)
    {
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_AXIS_TITLE, y_title, 0.9, FALSE, -1, &pal->muted);
      _karavan_figure_place (fig, label, fig->body_x, top - fig->fs * 0.2);
    }
  if (x_title_label != NULL)
    _karavan_figure_place (fig, x_title_label, fig->px + fig->pw / 2 - x_title_label->w / 2,
                           fig->py + fig->ph + x_label_h + fig->fs * 0.7);

  add_line_items (fig, series, indexes, fig->x_limit);

  /* Annotations, most important first: they claim space in this order. */
  for (guint i = 0; i < chart->markers->len; i++)
    {
      KaravanMarker *marker = chart->markers->pdata[i];

      add_vertical_marker (fig, marker->x, karavan_text_get (&marker->label, lang), &pal->marker);
    }

  if (series->len == 1 && ((KaravanSeries *) series->pdata[0])->n_present <= 15)
    add_value_labels (fig, fig->items->pdata[0]);

  add_growth_labels (fig);
  add_yoy_labels (fig);

  if ((fig->opts.show_events || (!fig->opts.no_events_default && chart->events != NULL)) &&
      chart->events_timeline != NULL)
    {
      GPtrArray *events = fig->opts.show_events ? chart->events_timeline->events : chart->events;

      for (guint i = 0; events != NULL && i < events->len; i++)
        {
          KaravanEvent *event = events->pdata[i];
          const char *text = karavan_text_get (&event->short_title, lang);
          KaravanRgb color = pal->marker;
          double x;

          if (!event_x (chart->x_type, &event->from, &x))
            continue;
          if (text == NULL)
            text = karavan_text_get (&event->title, lang);
          if (fig->opts.palette != KARAVAN_PALETTE_MONOCHROME && fig->opts.palette != KARAVAN_PALETTE_HIGH_CONTRAST)
            karavan_rgb_parse (event->category->color, &color);
          add_vertical_marker (fig, x, text, &color);
        }
    }
}

/* Chart types other than lines are laid out by their own code; until a
 * type has it, the figure says so plainly instead of drawing it wrong. */
void
_karavan_chart_layout_other (KaravanFigure *fig)
{
  KaravanLang lang = fig->opts.lang;
  g_autofree char *text = g_strdup_printf (KC_("figure", "Charts of type “%s” cannot be drawn by this version of Karavan."),
                                           karavan_chart_type_to_string (fig->view->chart->type));
  Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text, 1.0, FALSE, fig->body_w, &fig->pal->muted);

  _karavan_figure_place (fig, label, fig->body_x, fig->body_y + fig->body_h / 2 - label->h / 2);
}
