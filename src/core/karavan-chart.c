/* karavan-chart.c: charts with axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value axis uses "nice" 1-2-5 steps; the x axis is a time axis
 * (years, months, dates), a number axis or categories. Every series
 * becomes a PlotItem that knows how to draw itself and how to answer a
 * hit test; a line with more points than device pixels is decimated to
 * the min and max of each pixel column, once per device scale.
 *
 * Lines and areas are laid out here, bars in karavan-bar-chart.c and
 * donuts in karavan-donut-chart.c; they share the frame, the legend and
 * the value axis below.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "karavan-catalog.h"
#include "karavan-chart-private.h"
#include "karavan-format.h"

#define map_x _karavan_chart_map_x
#define map_y _karavan_chart_map_y

void
_karavan_plot_item_free (PlotItem *item)
{
  g_clear_pointer (&item->cache, g_array_unref);
  g_clear_pointer (&item->raster, cairo_surface_destroy);
  g_clear_pointer (&item->tops, g_array_unref);
  g_clear_pointer (&item->bottoms, g_array_unref);
  g_clear_pointer (&item->bars, g_array_unref);
  g_free (item);
}

PlotItem *
_karavan_chart_new_item (KaravanFigure       *fig,
                         ItemKind             kind,
                         const KaravanSeries *series,
                         guint                series_index)
{
  PlotItem *item = g_new0 (PlotItem, 1);

  item->kind = kind;
  item->series = series;
  item->series_index = series_index;
  item->color = fig->pal->series[series_index % KARAVAN_PALETTE_N_SERIES];
  if (fig->opts.palette == KARAVAN_PALETTE_MONOCHROME)
    item->dashes = fig->pal->dashes[series_index % KARAVAN_PALETTE_N_SERIES];
  item->line_width = fig->pal->line_width * fig->fs;
  item->marker_radius = fig->fs * 0.32 * (fig->pal->line_width / 0.22 > 1.2 ? 1.3 : 1);
  item->x_limit = G_MAXDOUBLE;
  if (kind == ITEM_BARS || kind == ITEM_DONUT || kind == ITEM_SWATCH)
    item->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_ptr_array_add (fig->items, item);

  return item;
}

/* Says plainly what cannot be drawn, instead of drawing it wrong. */
void
_karavan_chart_message (KaravanFigure *fig,
                        const char    *text)
{
  Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text, 1.0, FALSE, fig->body_w, &fig->pal->muted);

  _karavan_figure_place (fig, label, fig->body_x, fig->body_y + fig->body_h / 2 - label->h / 2);
}

/* ---------------------------------------------------------------------- */
/* Scales                                                                 */

static double
nice_step (double range,
           double target)
{
  double raw = range / MAX (target, 1);
  double mag, f;

  /* A range of ±1e308 values overflows (it is at most twice the largest
   * double): twice the step for the largest double. A zero or broken
   * range: any step. */
  if (!isfinite (raw))
    return isnan (raw) ? 1 : MIN (nice_step (G_MAXDOUBLE, target) * 2, G_MAXDOUBLE);
  if (raw <= 0)
    return 1;
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;

  return MIN ((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag, G_MAXDOUBLE);
}

/* Series shown: not hidden, and revealed when revealing by series. */
GPtrArray *
_karavan_chart_visible_series (KaravanFigure *fig,
                               GArray        *indexes)
{
  KaravanChart *chart = fig->view->chart;
  GPtrArray *out = g_ptr_array_new ();
  guint shown = 0;

  for (guint i = 0; i < chart->series->len; i++)
    {
      if (_karavan_series_hidden (fig, i))
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

/* Series that are not hidden, revealed or not: the axes are those of
 * everything a reveal will eventually show, so the frame does not move. */
static GPtrArray *
unhidden_series (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < chart->series->len; i++)
    if (!_karavan_series_hidden (fig, i))
      g_ptr_array_add (out, chart->series->pdata[i]);

  return out;
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The distinct x values of all series' present points, sorted: the
 * steps of a reveal by points. Sorting and merging keeps this linear in
 * practice for a million points (hashing doubles that are whole numbers
 * collides badly). */
static GArray *
distinct_xs (KaravanChart *chart)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0;

  for (guint i = 0; i < chart->series->len; i++)
    {
      KaravanSeries *series = chart->series->pdata[i];

      for (guint j = 0; j < series->points->len; j++)
        {
          KaravanPoint *p = &g_array_index (series->points, KaravanPoint, j);

          if (!(p->flags & KARAVAN_POINT_MISSING))
            g_array_append_val (xs, p->x);
        }
    }
  /* Each series is sorted already; one series needs no sort at all. */
  if (chart->series->len > 1)
    g_array_sort (xs, compare_doubles);
  for (guint i = 0; i < xs->len; i++)
    if (n == 0 || g_array_index (xs, double, i) != g_array_index (xs, double, n - 1))
      g_array_index (xs, double, n++) = g_array_index (xs, double, i);
  g_array_set_size (xs, n);

  return xs;
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

gboolean
_karavan_chart_any_flagged (GPtrArray *series)
{
  for (guint i = 0; i < series->len; i++)
    {
      KaravanSeries *s = series->pdata[i];

      for (guint j = 0; j < s->points->len; j++)
        if (_karavan_point_flagged (&g_array_index (s->points, KaravanPoint, j)))
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

gboolean
_karavan_chart_all_percent (GPtrArray *series)
{
  for (guint i = 0; i < series->len; i++)
    if (((KaravanSeries *) series->pdata[i])->format != KARAVAN_FORMAT_PERCENT)
      return FALSE;
  return series->len > 0;
}

static void
append_sentence (GString    *note,
                 const char *sentence)
{
  if (note->len)
    g_string_append_c (note, ' ');
  g_string_append (note, sentence);
}

/* What the footer must explain about how this chart is drawn. */
char *
_karavan_chart_footer_note (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  g_autoptr(GString) note = g_string_new (NULL);

  if ((chart->type == KARAVAN_CHART_LINE || chart->type == KARAVAN_CHART_AREA) && any_gap (chart))
    append_sentence (note, KC_("figure", "Dashed segments join years with no data between them."));
  /* Shares of percentages that already add up to 100 are the data;
   * anything else is worked out here and must say so. */
  if (chart->type == KARAVAN_CHART_PERCENT_BAR ||
      (chart->type == KARAVAN_CHART_DONUT && !_karavan_chart_all_percent (chart->series)))
    append_sentence (note, KC_("figure", "Shares are computed by Karavan from the values shown."));
  if (chart->growths->len > 0 || chart->yoy->len > 0)
    append_sentence (note, KC_("figure", "Growth figures are computed by Karavan from the data shown."));

  return note->len ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
}

/* ---------------------------------------------------------------------- */
/* Legend                                                                 */

typedef struct {
  double   scale;     /* of the figure's font size */
  gboolean one_line;  /* each entry cut to one line */
} LegendFit;

/* One legend entry: a swatch and its text, wrapped onto a new row when
 * the row is full. Returns the label's index. */
static guint
legend_entry (KaravanFigure    *fig,
              const char       *text,
              const KaravanRgb *color,
              double            swatch,
              const LegendFit  *fit,
              double           *x,
              double           *y,
              double           *row_h,
              double           *entry_x)
{
  Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_LEGEND, text, fit->scale, FALSE,
                                        fig->body_w - swatch - fig->fs * 0.4, color);
  double entry_w;

  if (fit->one_line)
    _karavan_label_limit_lines (label, 1);
  entry_w = swatch + fig->fs * 0.4 + label->w;

  if (*x > fig->body_x && *x + entry_w > fig->body_x + fig->body_w)
    {
      *x = fig->body_x;
      *y += *row_h + fig->fs * 0.3;
      *row_h = 0;
    }
  _karavan_figure_place (fig, label, *x + swatch + fig->fs * 0.4, *y);
  *entry_x = *x;
  *x += entry_w + fig->fs * 1.4;
  *row_h = MAX (*row_h, label->h);

  return fig->labels->len - 1;
}

/* Series entries (hidden ones greyed, so a click can bring them back),
 * then a key to the way estimates and partial periods are drawn. */
double
_karavan_chart_legend (KaravanFigure *fig,
                       double         top,
                       KeyStyle       style,
                       gboolean       series_entries,
                       gboolean       flag_key)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  double x = fig->body_x, y = top, row_h = 0, entry_x;
  double swatch = style == KEY_LINES ? fig->fs * 1.8 : fig->fs * 1.0;
  double key_swatch = style == KEY_LINES ? fig->fs * 1.0 : swatch;
  PlotItem *boxes = NULL;
  const char *key_text = style == KEY_LINES ? KC_("figure", "Hollow marker: estimate or part of the period")
                                            : KC_("figure", "Hatched: estimate or part of the period");
  static const LegendFit fits[] = { { 0.9, FALSE }, { 0.8, FALSE }, { 0.72, FALSE }, { 0.72, TRUE } };
  const LegendFit *fit = &fits[0];

  fig->legend = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
  if (!series_entries && !flag_key)
    return top;

  /* Long series names at a column's width can fill the whole body and
   * leave no room for the plot: past a third of it, smaller text, then
   * one line per entry. Tried on labels that are then thrown away. */
  for (guint f = 0; f < G_N_ELEMENTS (fits); f++)
    {
      guint n_labels = fig->labels->len;
      double ty = top, tx = fig->body_x, trow = 0, tentry;

      fit = &fits[f];
      for (guint i = 0; series_entries && i < chart->series->len; i++)
        {
          KaravanSeries *series = chart->series->pdata[i];
          const char *title = karavan_text_get (&series->title, lang);

          legend_entry (fig, title ? title : series->id, &fig->pal->text, swatch, fit, &tx, &ty, &trow, &tentry);
        }
      if (flag_key)
        legend_entry (fig, key_text, &fig->pal->text, key_swatch, fit, &tx, &ty, &trow, &tentry);
      g_ptr_array_set_size (fig->labels, n_labels);
      if (ty + trow - top <= fig->body_h / 3)
        break;
    }

  for (guint i = 0; series_entries && i < chart->series->len; i++)
    {
      KaravanSeries *series = chart->series->pdata[i];
      gboolean hidden = _karavan_series_hidden (fig, i);
      const char *title = karavan_text_get (&series->title, lang);
      guint index = legend_entry (fig, title ? title : series->id, hidden ? &fig->pal->grid : &fig->pal->text,
                                  swatch, fit, &x, &y, &row_h, &entry_x);
      Label *label = _karavan_label_at (fig, index);
      LegendEntry entry = { entry_x, label->y, swatch + fig->fs * 0.4 + label->w, label->h, i };

      g_array_append_val (fig->legend, entry);

      if (style == KEY_LINES)
        {
          Shape *line = _karavan_figure_shape (fig, SHAPE_LINE);

          line->color = hidden ? fig->pal->grid : fig->pal->series[i % KARAVAN_PALETTE_N_SERIES];
          line->x = entry_x;
          line->x2 = entry_x + swatch;
          line->y = line->y2 = label->y + label->h / 2;
          line->width = fig->pal->line_width * fig->fs;
          if (fig->opts.palette == KARAVAN_PALETTE_MONOCHROME && i % KARAVAN_PALETTE_N_SERIES > 0)
            line->dash = fig->pal->dashes[i % KARAVAN_PALETTE_N_SERIES][0];
        }
      else if (hidden)
        {
          Shape *box = _karavan_figure_shape (fig, SHAPE_RECT_OUTLINE);

          box->color = fig->pal->grid;
          box->x = entry_x;
          box->y = label->y + label->h / 2 - swatch / 2;
          box->x2 = box->y2 = swatch;
          box->width = MAX (0.5, fig->fs * 0.08);
        }
      else
        {
          Bar bar = { 0 };

          if (boxes == NULL)
            boxes = _karavan_chart_new_item (fig, ITEM_SWATCH, NULL, 0);
          bar.style = i;
          bar.x = entry_x;
          bar.y = label->y + label->h / 2 - swatch / 2;
          bar.w = bar.h = swatch;
          g_array_append_val (boxes->bars, bar);
        }
    }

  if (flag_key)
    {
      guint index = legend_entry (fig, key_text, &fig->pal->text, key_swatch, fit, &x, &y, &row_h, &entry_x);
      Label *label = _karavan_label_at (fig, index);
      Bar bar = { 0 };

      if (boxes == NULL)
        boxes = _karavan_chart_new_item (fig, ITEM_SWATCH, NULL, 0);
      bar.style = 0;
      bar.flagged = TRUE;
      bar.hollow = style == KEY_LINES;
      bar.x = entry_x;
      bar.w = bar.h = style == KEY_LINES ? fig->fs * 0.64 : swatch;
      bar.y = label->y + label->h / 2 - bar.h / 2;
      if (bar.hollow)
        bar.x += fig->fs * 0.18;
      g_array_append_val (boxes->bars, bar);
    }

  return y + row_h + fig->fs * 0.8;
}

/* ---------------------------------------------------------------------- */
/* Value axis                                                             */

/* The range of the values, for lines and areas. */
static void
value_range (KaravanFigure *fig,
             GPtrArray     *series,
             gboolean       log_scale,
             double        *lo,
             double        *hi)
{
  *lo = NAN;
  *hi = NAN;
  for (guint i = 0; i < series->len; i++)
    {
      KaravanSeries *s = series->pdata[i];

      if (s->n_present == 0)
        continue;
      if (log_scale)
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
}

/* Sets y_lo, y_hi and the ticks for values from @lo to @hi (NAN: no
 * data), honouring the chart's fixed limits, about @target ticks. */
void
_karavan_chart_value_axis (KaravanFigure *fig,
                           double         lo,
                           double         hi,
                           gboolean       include_zero,
                           double         target)
{
  KaravanChart *chart = fig->view->chart;
  double step;

  g_clear_pointer (&fig->y_ticks, g_array_unref);
  fig->y_ticks = g_array_new (FALSE, FALSE, sizeof (double));

  if (fig->y_log && isfinite (lo) && lo > 0)
    {
      /* Powers of ten that are normal doubles: 1e-324 is 0, 1e309 infinite. */
      double a = CLAMP (floor (log10 (lo)), -307, 307), b = CLAMP (ceil (log10 (hi)), -307, 308);
      /* A decade per tick, or several when the values span hundreds. */
      double every = MAX (1, ceil ((b - a) / MAX (target, 2)));

      if (a >= b)
        b = a + 1;
      fig->y_lo = pow (10, a);
      fig->y_hi = pow (10, b);
      for (double e = a; e <= b; e += every)
        {
          double v = pow (10, e);
          g_array_append_val (fig->y_ticks, v);
        }
      return;
    }

  fig->y_log = FALSE;
  if (!isfinite (lo) || isnan (hi))
    lo = 0, hi = 1;
  /* Stacked ±1e308 values sum to infinities. */
  lo = CLAMP (lo, -G_MAXDOUBLE, G_MAXDOUBLE);
  hi = CLAMP (hi, -G_MAXDOUBLE, G_MAXDOUBLE);
  if (chart->has_y_min)
    lo = chart->y_min;
  if (chart->has_y_max)
    hi = chart->y_max;
  /* Counts start at zero: a chart of growth must not exaggerate it. Bars
   * always do, whatever limits the chart asks for. */
  if (lo > 0 && (!chart->has_y_min || include_zero))
    lo = 0;
  if (hi < 0 && (!chart->has_y_max || include_zero))
    hi = 0;
  if (hi <= lo)
    hi = MIN (lo + (lo == 0 ? 1 : fabs (lo)), G_MAXDOUBLE);
  if (hi <= lo)
    lo = hi - fabs (hi);

  step = nice_step (hi - lo, MAX (2, target));
  fig->y_lo = chart->has_y_min && !(include_zero && chart->y_min > 0) ? lo : floor (lo / step + 1e-9) * step;
  fig->y_hi = chart->has_y_max && !(include_zero && chart->y_max < 0) ? hi : ceil (hi / step - 1e-9) * step;
  if (!isfinite (fig->y_lo))
    fig->y_lo = lo;
  if (!isfinite (fig->y_hi))
    fig->y_hi = hi;
  /* Counted, not summed: a step below the values' precision (y-min 1e20,
   * y-max 1e20 + 16384) would never move v. */
  for (double k = ceil (fig->y_lo / step - 1e-9), n = 0; n < 1000; n++)
    {
      double v = (k + n) * step;
      double t = fabs (v) < step * 1e-9 ? 0 : v;

      if (!(v <= fig->y_hi + step * 1e-9) ||
          (fig->y_ticks->len > 0 && t <= g_array_index (fig->y_ticks, double, fig->y_ticks->len - 1)))
        break;
      g_array_append_val (fig->y_ticks, t);
    }
}

char *
_karavan_chart_format_tick (KaravanFigure *fig,
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

/* ---------------------------------------------------------------------- */
/* Time and number axis                                                   */

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
      /* Bounded: at ±1e308 the steps stop growing (and span overflows). */
      span = MIN (MAX (span, 1e-9), G_MAXDOUBLE / 2);
      for (double s = nice_step (span, 50); s <= span * 2 && steps->len < 100; s = nice_step (s * 1.01, 1))
        {
          if (steps->len > 0 && s <= g_array_index (steps, double, steps->len - 1))
            break;
          g_array_append_val (steps, s);
        }
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

  for (double k = ceil (lo / step - 1e-9), n = 0; n < 1000; n++)
    {
      double v = (k + n) * step;

      if (!(v <= hi + 1e-9) || (ticks->len > 0 && v <= g_array_index (ticks, double, ticks->len - 1)))
        break;
      g_array_append_val (ticks, v);
    }
}

/* Picks the smallest step whose labels fit side by side; returns the
 * labels' height. */
static double
time_axis_measure (KaravanFigure *fig,
                   gpointer       data)
{
  KaravanChart *chart = fig->view->chart;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double span = fig->data_x_hi - fig->data_x_lo;
  double label_h = fig->fs * 0.9 * 1.2;
  double chosen = 0;

  g_clear_pointer (&fig->x_ticks, g_array_unref);
  fig->x_ticks = g_array_new (FALSE, FALSE, sizeof (double));

  if (chart->x_type == KARAVAN_X_CATEGORY)
    return label_h;

  x_step_candidates (chart->x_type, span, steps);

  for (guint i = 0; i < steps->len; i++)
    {
      double step = g_array_index (steps, double, i);
      double widest = 0;
      double room;

      x_ticks_for_step (fig, step, ticks);
      if (ticks->len == 0 || ticks->len > 200)
        continue;

      for (guint t = 0; t < ticks->len; t++)
        {
          g_autofree char *text = format_x_tick (fig, g_array_index (ticks, double, t), step);
          Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &fig->pal->muted);

          widest = MAX (widest, probe->w);
          label_h = probe->h;
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
      return label_h;
    }

  x_ticks_for_step (fig, chosen, fig->x_ticks);
  fig->x_step = chosen;
  return label_h;
}

static void
time_axis_place (KaravanFigure *fig,
                 gpointer       data)
{
  const KaravanPalette *pal = fig->pal;

  for (guint i = 0; i < fig->x_ticks->len; i++)
    {
      double v = g_array_index (fig->x_ticks, double, i);
      g_autofree char *text = format_x_tick (fig, v, fig->x_step);
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &pal->muted);
      Shape *tick;
      double x = map_x (fig, v);

      _karavan_figure_place (fig, label, x - label->w / 2, fig->py + fig->ph + fig->fs * 0.4);
      tick = _karavan_figure_shape (fig, SHAPE_LINE);
      tick->color = pal->axis;
      tick->x = tick->x2 = x;
      tick->y = fig->py + fig->ph;
      tick->y2 = tick->y + fig->fs * 0.3;
      tick->width = MAX (0.5, fig->fs * 0.07);
    }
}

/* ---------------------------------------------------------------------- */
/* The frame of a chart with axes                                         */

/* The value axis's title: the chart's, or the unit all series share. */
const char *
_karavan_chart_value_title (KaravanFigure *fig,
                  GPtrArray     *series)
{
  KaravanLang lang = fig->opts.lang;
  const char *title = karavan_text_get (&fig->view->chart->y_title, lang);

  if (title != NULL)
    return title;
  /* Shares are no longer in the series' unit. */
  if (fig->view->chart->type == KARAVAN_CHART_PERCENT_BAR)
    return KC_("figure", "Share of the total");
  for (guint i = 0; i < series->len; i++)
    {
      const char *unit = karavan_text_get (&((KaravanSeries *) series->pdata[i])->unit, lang);

      if (unit == NULL || (title != NULL && strcmp (unit, title) != 0))
        return NULL;
      title = unit;
    }
  return title;
}

/* Lays out the value axis on the left, the x axis below, their titles
 * and the grid, from @top down to the body's bottom; sets the plot. */
gboolean
_karavan_chart_axes (KaravanFigure      *fig,
                     double              top,
                     GPtrArray          *series,
                     double              lo,
                     double              hi,
                     gboolean            include_zero,
                     gboolean            percent,
                     const KaravanXAxis *x_axis)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  const KaravanPalette *pal = fig->pal;
  const char *y_title = _karavan_chart_value_title (fig, series);
  const char *x_title = karavan_text_get (&chart->x_title, lang);
  double bottom = fig->body_y + fig->body_h;
  double left = fig->body_x, right = fig->body_x + fig->body_w;
  double tick_w = 0, tick_h = 0, x_label_h;
  int y_title_index = -1, x_title_index = -1;
  guint first_tick;

  if (y_title != NULL)
    {
      /* Wrapped to about the plot's height, which is not known yet. */
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_AXIS_TITLE, y_title, 0.9, FALSE,
                                            MAX (fig->fs * 4, bottom - top - fig->fs * 2.6), &pal->muted);

      label->rotated = TRUE;
      left += label->h + fig->fs * 0.5;
      y_title_index = fig->labels->len - 1;
    }
  if (x_title != NULL)
    {
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_AXIS_TITLE, x_title, 0.9, FALSE,
                                            right - left, &pal->muted);

      bottom -= label->h + fig->fs * 0.3;
      x_title_index = fig->labels->len - 1;
    }

  /* The value axis needs the plot's height, the plot's left edge needs
   * the widest tick label: a first guess, then the real thing. */
  fig->py = top + fig->fs * 0.5;
  fig->ph = MAX (fig->fs * 2, bottom - fig->fs * 1.6 - fig->py);
  fig->pw = MAX (fig->fs * 4, right - left);
  _karavan_chart_value_axis (fig, lo, hi, include_zero, fig->ph / (fig->fs * 3.2));

  first_tick = fig->labels->len;
  for (guint i = 0; i < fig->y_ticks->len; i++)
    {
      g_autofree char *text = _karavan_chart_format_tick (fig, g_array_index (fig->y_ticks, double, i), percent);
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &pal->muted);

      tick_w = MAX (tick_w, label->w);
      tick_h = label->h;
    }

  fig->px = left + tick_w + fig->fs * 0.5;
  fig->pw = right - fig->px;
  x_label_h = fig->pw >= fig->fs * 4 ? x_axis->measure (fig, x_axis->data) : 0;
  fig->ph = bottom - x_label_h - fig->fs * 0.4 - fig->py;
  if (fig->pw < fig->fs * 4 || fig->ph < fig->fs * 2)
    {
      /* No room for a plot: draw none rather than one under the text. */
      for (guint i = first_tick; i < fig->labels->len; i++)
        _karavan_label_at (fig, i)->placed = FALSE;
      fig->pw = fig->ph = 0;
      return FALSE;
    }
  fig->has_plot = TRUE;

  /* Now that the plot is known, place the axis texts: the baseline's
   * first, then any other that has room (a squat plot keeps few). */
  for (guint k = 0; k < fig->y_ticks->len; k++)
    {
      guint zero = 0;
      guint i;
      Label *label;
      double v, y;
      Shape *grid;

      for (guint t = 0; t < fig->y_ticks->len; t++)
        if (g_array_index (fig->y_ticks, double, t) == 0)
          zero = t;
      i = k == 0 ? zero : k <= zero ? k - 1 : k;
      label = _karavan_label_at (fig, first_tick + i);
      v = g_array_index (fig->y_ticks, double, i);
      y = map_y (fig, v);
      {
        double xy[] = { fig->px - fig->fs * 0.5 - label->w, y - tick_h / 2 };

        _karavan_figure_place_free (fig, label, xy, 1, fig->fs * 0.05);
      }
      grid = _karavan_figure_shape (fig, SHAPE_LINE);
      grid->color = v == 0 && !fig->y_log ? pal->axis : pal->grid;
      grid->x = fig->px;
      grid->x2 = fig->px + fig->pw;
      grid->y = grid->y2 = y;
      grid->width = v == 0 ? MAX (0.6, fig->fs * 0.09) : MAX (0.4, fig->fs * 0.06);
      /* The zero line is drawn over bars, the baseline they stand on. */
      grid->under = v != 0 || fig->y_log;
    }

  x_axis->place (fig, x_axis->data);

  {
    Shape *axis = _karavan_figure_shape (fig, SHAPE_LINE);

    axis->color = pal->axis;
    axis->x = fig->px;
    axis->x2 = fig->px + fig->pw;
    axis->y = axis->y2 = fig->py + fig->ph;
    axis->width = MAX (0.6, fig->fs * 0.09);
  }

  if (y_title_index >= 0)
    {
      Label *label = _karavan_label_at (fig, y_title_index);

      /* Rotated: centred along the plot's height, and left out when
       * even wrapped it is longer. */
      if (label->w <= fig->ph + fig->fs * 0.5)
        _karavan_figure_place (fig, label, fig->body_x, fig->py + fig->ph / 2 + label->w / 2);
    }
  if (x_title_index >= 0)
    {
      Label *label = _karavan_label_at (fig, x_title_index);

      _karavan_figure_place (fig, label, fig->px + fig->pw / 2 - label->w / 2,
                             fig->py + fig->ph + x_label_h + fig->fs * 0.7);
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Fills                                                                  */

static void
set_rgb (cairo_t          *cr,
         const KaravanRgb *c,
         double            alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static double
luminance (const KaravanRgb *c)
{
  return 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b;
}

/* @c painted with @alpha over @under. */
static KaravanRgb
fade (const KaravanRgb *c,
      const KaravanRgb *under,
      double            alpha)
{
  return (KaravanRgb) { c->r * alpha + under->r * (1 - alpha),
                        c->g * alpha + under->g * (1 - alpha),
                        c->b * alpha + under->b * (1 - alpha) };
}

/* cairo 1.16's SVG surface leaks what it records of a group (a
 * cairo_push_group() painted as a source), so no group is drawn there. */
static gboolean
groups_leak (cairo_t *cr)
{
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_SVG;
}

/* Parallel lines across the clip, at @angle (radians), every @gap. */
static void
hatch (cairo_t *cr,
       double   gap,
       double   angle)
{
  double x1, y1, x2, y2, cx, cy, r, dx, dy;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cx = (x1 + x2) / 2;
  cy = (y1 + y2) / 2;
  r = hypot (x2 - x1, y2 - y1) / 2 + gap;
  dx = cos (angle);
  dy = sin (angle);
  /* Lines anchored to the page, not to the shape, so neighbours match. */
  for (double t = floor ((-r + (cx * -dy + cy * dx)) / gap) * gap; t <= r + (cx * -dy + cy * dx); t += gap)
    {
      double ox = -dy * t, oy = dx * t;
      double along = cx * dx + cy * dy;

      cairo_move_to (cr, ox + dx * (along - r), oy + dy * (along - r));
      cairo_line_to (cr, ox + dx * (along + r), oy + dy * (along + r));
    }
}

/* As _karavan_chart_fill_path(), everything drawn with @alpha. */
static void
fill_path_with_alpha (KaravanFigure *fig,
                      cairo_t       *cr,
                      guint          style,
                      gboolean       flagged,
                      double         alpha)
{
  const KaravanPalette *pal = fig->pal;
  guint i = style % KARAVAN_PALETTE_N_SERIES;
  KaravanRgb fill = pal->fills[i];
  const KaravanRgb *edge = &pal->series[i];
  KaravanRgb ink = luminance (&fill) < 0.45 ? (KaravanRgb) { 1, 1, 1 } : (KaravanRgb) { 0, 0, 0 };
  double lw = MAX (0.5, fig->fs * 0.08);
  double gap = fig->fs * 0.45;
  gboolean patterned = pal->patterns[i] != KARAVAN_PATTERN_NONE;

  cairo_save (cr);
  if (flagged)
    {
      /* Pale, so the hatching reads; in print the series keeps its
       * pattern under the hatching. The fill and its pattern are faded
       * into the background they are painted on: the same pixels as
       * painting them as a group with alpha, without a group. */
      double pale = patterned ? 0.45 : 0.22;

      set_rgb (cr, &pal->background, alpha);
      cairo_fill_preserve (cr);
      fill = fade (&fill, &pal->background, pale);
      ink = fade (&ink, &pal->background, pale);
    }
  set_rgb (cr, &fill, alpha);
  cairo_fill_preserve (cr);

  for (int pass = 0; pass < 2; pass++)
    {
      KaravanPattern pattern = pass == 0 ? pal->patterns[i] : KARAVAN_PATTERN_NONE;

      if (pass == 0 && !patterned)
        continue;
      if (pass == 1 && !flagged)
        break;

      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_new_path (cr);
      cairo_set_line_width (cr, lw);
      switch (pattern)
        {
        case KARAVAN_PATTERN_HORIZONTAL:
          hatch (cr, gap, 0);
          break;
        case KARAVAN_PATTERN_VERTICAL:
          hatch (cr, gap, G_PI / 2);
          break;
        case KARAVAN_PATTERN_GRID:
          hatch (cr, gap * 1.2, 0);
          hatch (cr, gap * 1.2, G_PI / 2);
          break;
        case KARAVAN_PATTERN_BACKSLASH:
          hatch (cr, gap, G_PI / 4);
          break;
        case KARAVAN_PATTERN_DOTS:
          {
            double x1, y1, x2, y2;

            cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
            for (double y = floor (y1 / gap) * gap; y <= y2; y += gap)
              for (double x = floor (x1 / gap) * gap + (fmod (fabs (y / gap), 2) >= 1 ? gap / 2 : 0); x <= x2; x += gap)
                {
                  cairo_new_sub_path (cr);
                  cairo_arc (cr, x, y, lw * 0.9, 0, 2 * G_PI);
                }
            set_rgb (cr, &ink, alpha);
            cairo_fill (cr);
          }
          break;
        case KARAVAN_PATTERN_NONE:
        default:
          /* Estimates and partial periods: "/" in the series' colour. */
          hatch (cr, gap * 0.9, -G_PI / 4);
          cairo_set_line_width (cr, MAX (0.6, fig->fs * 0.12));
          break;
        }
      if (pattern != KARAVAN_PATTERN_DOTS)
        {
          set_rgb (cr, pass == 1 ? edge : &ink, alpha);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  if (flagged || pal->outline)
    {
      set_rgb (cr, flagged ? edge : &pal->text, alpha);
      cairo_set_line_width (cr, flagged ? MAX (0.7, fig->fs * 0.12) : lw);
      if (flagged && fig->opts.palette == KARAVAN_PALETTE_MONOCHROME)
        cairo_set_dash (cr, (double[]) { fig->fs * 0.4, fig->fs * 0.25 }, 2, 0);
      cairo_stroke_preserve (cr);
    }
  cairo_restore (cr);
}

/* Fills the current path (keeping it) in a palette's fill: solid or
 * patterned; hatched "/" over a pale fill for estimates and partial
 * periods; outlined where the palette asks for it. */
void
_karavan_chart_fill_path (KaravanFigure *fig,
                          cairo_t       *cr,
                          guint          style,
                          gboolean       flagged)
{
  fill_path_with_alpha (fig, cr, style, flagged, 1.0);
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
      KaravanSeries *s = series->pdata[i];
      PlotItem *item = _karavan_chart_new_item (fig, ITEM_LINE, s, g_array_index (indexes, guint, i));

      /* Markers where points are far enough apart to be seen one by one. */
      item->markers = s->n_present <= MAX (1, fig->pw / (fig->fs * 1.5));
      item->x_limit = x_limit;
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

/* One device pixel column of a decimated line: its lowest and highest
 * points, with where they come in the series. */
typedef struct {
  double x[2], y[2];
  guint  index[2];
} Column;

static void
column_emit (GArray       *out,
             const Column *c)
{
  /* In the order they occur, so the path runs through the column as
   * the full one does; one vertex when they are the same point. */
  guint first = c->index[1] < c->index[0] ? 1 : 0;

  g_array_append_val (out, c->x[first]);
  g_array_append_val (out, c->y[first]);
  if (c->index[0] != c->index[1])
    {
      g_array_append_val (out, c->x[1 - first]);
      g_array_append_val (out, c->y[1 - first]);
    }
}

/* Min/max per device pixel column, in drawing order: the lowest and
 * highest point of each column at their own positions. The path through
 * them covers the column's full vertical extent as the full path does,
 * with two vertices a column instead of thousands; where two columns
 * join, the segment differs from the full path's by less than a pixel
 * column. Columns are device pixels, so a 300 dpi export keeps its
 * detail. */
static GArray *
decimate (KaravanFigure *fig,
          PlotItem      *item,
          double         scale)
{
  const KaravanSeries *s = item->series;
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (double), (guint) MIN (fig->pw * scale * 4 + 16, 1 << 20));
  double col_w = 1.0 / scale;
  gboolean have = FALSE;
  double col = 0, nan = NAN;
  Column c = { 0 };

  for (guint j = 0; j < s->points->len; j++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
      double x, y, k;

      if (p->x > item->x_limit)
        break;
      if (p->flags & KARAVAN_POINT_MISSING)
        {
          if (have)
            {
              column_emit (out, &c);
              g_array_append_val (out, nan);
              g_array_append_val (out, nan);
              have = FALSE;
            }
          continue;
        }

      x = map_x (fig, p->x);
      y = map_y (fig, p->y);
      k = floor (x / col_w);

      if (have && k == col)
        {
          /* y grows downwards: [0] is the top of the screen. */
          if (y < c.y[0])
            c.x[0] = x, c.y[0] = y, c.index[0] = j;
          if (y > c.y[1])
            c.x[1] = x, c.y[1] = y, c.index[1] = j;
          continue;
        }

      if (have)
        column_emit (out, &c);
      have = TRUE;
      col = k;
      for (guint i = 0; i < 2; i++)
        c.x[i] = x, c.y[i] = y, c.index[i] = j;
    }

  if (have)
    column_emit (out, &c);

  return out;
}

/* How many device pixels one user unit covers on @cr. */
static double
device_scale (cairo_t *cr)
{
  double ux = 1, uy = 0;

  cairo_user_to_device_distance (cr, &ux, &uy);
  return MAX (hypot (ux, uy), 1e-6);
}

static void
draw_marker (KaravanFigure    *fig,
             cairo_t          *cr,
             PlotItem         *item,
             double            x,
             double            y,
             gboolean          hollow)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, item->marker_radius, 0, 2 * G_PI);
  if (hollow)
    {
      /* Hollow: filled with the background, ringed with the colour. */
      set_rgb (cr, &fig->pal->background, 1.0);
      cairo_fill_preserve (cr);
      set_rgb (cr, &item->color, 1.0);
      cairo_set_line_width (cr, item->line_width * 0.8);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  else
    {
      set_rgb (cr, &item->color, 1.0);
      cairo_fill (cr);
    }
}

/* Strokes a series' path through @ys (one value per point, NAN where
 * nothing is drawn): solid between neighbours, dashed across years
 * without data. Returns with the pen up. */
static void
stroke_series_path (KaravanFigure *fig,
                    cairo_t       *cr,
                    PlotItem      *item,
                    GArray        *ys)
{
  const KaravanSeries *s = item->series;
  const KaravanPoint *prev = NULL;
  double prev_y = 0;
  gboolean pen = FALSE;

  for (guint j = 0; j < s->points->len; j++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
      double x, y, v = ys ? g_array_index (ys, double, j) : p->y;

      if (p->x > item->x_limit)
        break;
      if ((p->flags & KARAVAN_POINT_MISSING) || isnan (v))
        {
          prev = NULL;
          pen = FALSE;
          continue;
        }

      x = map_x (fig, p->x);
      y = map_y (fig, v);
      if (prev != NULL && s->x_type == KARAVAN_X_YEAR && p->x - prev->x > 1.5)
        {
          cairo_stroke (cr);
          cairo_save (cr);
          cairo_set_dash (cr, (double[]) { item->line_width * 1.5, item->line_width * 2.5 }, 2, 0);
          cairo_move_to (cr, map_x (fig, prev->x), prev_y);
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
      prev_y = y;
    }
  cairo_stroke (cr);
}

static void
draw_markers (KaravanFigure *fig,
              cairo_t       *cr,
              PlotItem      *item,
              GArray        *ys)
{
  const KaravanSeries *s = item->series;

  for (guint j = 0; j < s->points->len; j++)
    {
      const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
      double v = ys ? g_array_index (ys, double, j) : p->y;
      gboolean alone;

      if (p->x > item->x_limit)
        break;
      if ((p->flags & KARAVAN_POINT_MISSING) || isnan (v))
        continue;
      /* A point with no neighbour to join always gets its marker, or it
       * would not be seen at all. */
      alone = (j == 0 || (g_array_index (s->points, KaravanPoint, j - 1).flags & KARAVAN_POINT_MISSING)) &&
              (j + 1 == s->points->len || (g_array_index (s->points, KaravanPoint, j + 1).flags & KARAVAN_POINT_MISSING));
      if (item->markers || alone || _karavan_point_flagged (p))
        draw_marker (fig, cr, item, map_x (fig, p->x), map_y (fig, v), _karavan_point_flagged (p));
    }
}

/* The decimated path of @item, pen up at each NAN pair. */
static void
append_decimated_path (cairo_t  *cr,
                       PlotItem *item)
{
  gboolean pen = FALSE;

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
}

static void
set_line_style (KaravanFigure *fig,
                cairo_t       *cr,
                PlotItem      *item)
{
  cairo_set_line_width (cr, item->line_width);
  /* Round joins cost dearly on dense series (seconds for a million
   * points) where no one can see them. */
  cairo_set_line_join (cr, item->series->points->len > 10000 ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_dashes (cr, item->dashes, item->line_width * 2);
}

/* On screen a dense line is stroked once into an A8 mask in device
 * pixels and later frames paint the mask with the line's colour: a
 * redraw costs one composite instead of a stroke through thousands of
 * vertices. The mask is made for the device transform up to whole-pixel
 * moves, so it holds the coverage stroking directly would give. Only for
 * targets that are pixels already (an image, or the recording GTK's
 * cairo renderer replays); returns FALSE to stroke as usual. */
static gboolean
draw_line_from_raster (KaravanFigure *fig,
                       cairo_t       *cr,
                       PlotItem      *item,
                       double         clip_x,
                       double         clip_y,
                       double         clip_w,
                       double         clip_h)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_type_t type = cairo_surface_get_type (target);
  cairo_matrix_t m;
  double sx, sy, ox, oy, key[4];
  double dx0, dy0, dx1, dy1;

  if (type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_get_matrix (cr, &m);
  if (sx != 1 || sy != 1 || ox != floor (ox) || oy != floor (oy) || m.xy != 0 || m.yx != 0)
    return FALSE;

  key[0] = m.xx;
  key[1] = m.yy;
  key[2] = m.x0 - floor (m.x0);
  key[3] = m.y0 - floor (m.y0);

  if (item->raster == NULL || memcmp (key, item->raster_key, sizeof key) != 0)
    {
      cairo_t *mcr;
      int w, h;

      g_clear_pointer (&item->raster, cairo_surface_destroy);
      /* The clip box in device pixels, from the whole part of x0, y0. */
      dx0 = clip_x * m.xx + key[2];
      dx1 = (clip_x + clip_w) * m.xx + key[2];
      dy0 = clip_y * m.yy + key[3];
      dy1 = (clip_y + clip_h) * m.yy + key[3];
      item->raster_x = (int) floor (MIN (dx0, dx1));
      item->raster_y = (int) floor (MIN (dy0, dy1));
      w = (int) ceil (MAX (dx0, dx1)) - item->raster_x;
      h = (int) ceil (MAX (dy0, dy1)) - item->raster_y;
      if (w <= 0 || h <= 0 || w > 16384 || h > 16384)
        return FALSE;

      item->raster = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
      if (cairo_surface_status (item->raster) != CAIRO_STATUS_SUCCESS)
        {
          g_clear_pointer (&item->raster, cairo_surface_destroy);
          return FALSE;
        }
      mcr = cairo_create (item->raster);
      cairo_set_matrix (mcr, &(cairo_matrix_t) { m.xx, 0, 0, m.yy,
                                                 key[2] - item->raster_x, key[3] - item->raster_y });
      cairo_rectangle (mcr, clip_x, clip_y, clip_w, clip_h);
      cairo_clip (mcr);
      set_line_style (fig, mcr, item);
      append_decimated_path (mcr, item);
      cairo_stroke (mcr);
      cairo_destroy (mcr);
      memcpy (item->raster_key, key, sizeof key);
    }

  cairo_save (cr);
  cairo_identity_matrix (cr);
  set_rgb (cr, &item->color, 1.0);
  cairo_mask_surface (cr, item->raster, floor (m.x0) + item->raster_x, floor (m.y0) + item->raster_y);
  cairo_restore (cr);

  return TRUE;
}

static void
draw_line (KaravanFigure *fig,
           cairo_t       *cr,
           PlotItem      *item)
{
  const KaravanSeries *s = item->series;
  double clip_x = fig->px - item->marker_radius * 2, clip_y = fig->py - item->marker_radius * 2;
  double clip_w = fig->pw + item->marker_radius * 4, clip_h = fig->ph + item->marker_radius * 4;
  double scale;

  cairo_save (cr);
  cairo_rectangle (cr, clip_x, clip_y, clip_w, clip_h);
  cairo_clip (cr);
  set_rgb (cr, &item->color, 1.0);
  set_line_style (fig, cr, item);

  scale = device_scale (cr);
  if (!fig->opts.exact && s->points->len > fig->pw * scale * 2)
    {
      /* Computed once per device scale, not on every frame. */
      if (item->cache == NULL || item->cache_scale != scale)
        {
          g_clear_pointer (&item->cache, g_array_unref);
          g_clear_pointer (&item->raster, cairo_surface_destroy);
          item->cache = decimate (fig, item, scale);
          item->cache_scale = scale;
        }
      if (!fig->opts.raster_cache ||
          !draw_line_from_raster (fig, cr, item, clip_x, clip_y, clip_w, clip_h))
        {
          append_decimated_path (cr, item);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
      return;
    }

  stroke_series_path (fig, cr, item, NULL);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_markers (fig, cr, item, NULL);
  cairo_restore (cr);
}

/* The point of @item nearest to (@x, @y), horizontal distance first:
 * hovering a year. @ys gives the drawn values (NULL: the points'). */
static gboolean
nearest_point (KaravanFigure *fig,
               PlotItem      *item,
               GArray        *ys,
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
      double v = ys ? g_array_index (ys, double, k) : p->y;
      double dx, dy, d;

      if ((p->flags & KARAVAN_POINT_MISSING) || isnan (v) || p->x > item->x_limit)
        continue;
      dx = map_x (fig, p->x) - x;
      dy = map_y (fig, v) - y;
      d = hypot (dx, dy * 0.35);
      if (d < best)
        {
          best = d;
          hit->series = s;
          hit->point = p;
          hit->x = map_x (fig, p->x);
          hit->y = map_y (fig, v);
          found = TRUE;
        }
    }

  *distance = best;
  return found && best <= fig->fs * 4;
}

/* ---------------------------------------------------------------------- */
/* Areas                                                                  */

/* Stacks the series in order: a point has a top and a bottom where every
 * series below it has a value at the same x, else it is not drawn (a
 * missing value is never drawn as zero). Returns the range of the tops. */
static void
add_area_items (KaravanFigure *fig,
                GPtrArray     *series,
                GArray        *indexes,
                double         x_limit,
                double        *lo,
                double        *hi)
{
  /* The level below: the xs where every series so far has a value, and
   * the top there. Series are sorted by x, so each level is too and a
   * point finds its base by walking both in step (a hash of the doubles'
   * bits collides for every whole number: quadratic). */
  g_autoptr(GArray) base_x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_top = g_array_new (FALSE, FALSE, sizeof (double));

  *lo = NAN;
  *hi = NAN;
  for (guint i = 0; i < series->len; i++)
    {
      KaravanSeries *s = series->pdata[i];
      PlotItem *item = _karavan_chart_new_item (fig, ITEM_AREA, s, g_array_index (indexes, guint, i));
      g_autoptr(GArray) next_x = g_array_sized_new (FALSE, FALSE, sizeof (double), s->points->len);
      g_autoptr(GArray) next_top = g_array_sized_new (FALSE, FALSE, sizeof (double), s->points->len);
      guint b = 0;

      item->x_limit = x_limit;
      item->tops = g_array_sized_new (FALSE, FALSE, sizeof (double), s->points->len);
      item->bottoms = g_array_sized_new (FALSE, FALSE, sizeof (double), s->points->len);
      item->markers = s->n_present <= MAX (1, fig->body_w / (fig->fs * 1.5));

      for (guint j = 0; j < s->points->len; j++)
        {
          const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
          double bottom = NAN, top = NAN;
          const double *below = NULL;

          while (b < base_x->len && g_array_index (base_x, double, b) < p->x)
            b++;
          if (b < base_x->len && g_array_index (base_x, double, b) == p->x)
            below = &g_array_index (base_top, double, b);
          if (!(p->flags & KARAVAN_POINT_MISSING) && (i == 0 || below != NULL))
            {
              bottom = i == 0 ? 0 : *below;
              top = bottom + p->y;
              g_array_append_val (next_x, p->x);
              g_array_append_val (next_top, top);
              if (!(MIN (top, bottom) >= *lo)) *lo = MIN (top, bottom);
              if (!(MAX (top, bottom) <= *hi)) *hi = MAX (top, bottom);
            }
          g_array_append_val (item->tops, top);
          g_array_append_val (item->bottoms, bottom);
        }
      g_clear_pointer (&base_x, g_array_unref);
      g_clear_pointer (&base_top, g_array_unref);
      base_x = g_steal_pointer (&next_x);
      base_top = g_steal_pointer (&next_top);
    }
}

/* Areas join neighbouring points only: a missing value or a year with
 * no data breaks the fill (the top line is dashed across the latter, as
 * on a line chart). */
static void
draw_area (KaravanFigure *fig,
           cairo_t       *cr,
           PlotItem      *item)
{
  const KaravanSeries *s = item->series;
  guint n = s->points->len;
  double alpha = fig->opts.palette == KARAVAN_PALETTE_MONOCHROME ? 1.0 : 0.45;

  cairo_save (cr);
  for (guint start = 0; start < n;)
    {
      guint end = start;

      if (isnan (g_array_index (item->tops, double, start)) ||
          g_array_index (s->points, KaravanPoint, start).x > item->x_limit)
        {
          start++;
          continue;
        }
      while (end + 1 < n && !isnan (g_array_index (item->tops, double, end + 1)) &&
             g_array_index (s->points, KaravanPoint, end + 1).x <= item->x_limit &&
             !(s->x_type == KARAVAN_X_YEAR &&
               g_array_index (s->points, KaravanPoint, end + 1).x - g_array_index (s->points, KaravanPoint, end).x > 1.5))
        end++;

      if (end > start)
        {
          cairo_new_path (cr);
          for (guint j = start; j <= end; j++)
            cairo_line_to (cr, map_x (fig, g_array_index (s->points, KaravanPoint, j).x),
                           map_y (fig, g_array_index (item->tops, double, j)));
          for (guint j = end + 1; j-- > start;)
            cairo_line_to (cr, map_x (fig, g_array_index (s->points, KaravanPoint, j).x),
                           map_y (fig, g_array_index (item->bottoms, double, j)));
          cairo_close_path (cr);
          /* Light enough for the grid to show through. An SVG gets each
           * part faded on its own (see groups_leak()): an outline is a
           * little darker where it crosses the fill. */
          if (alpha == 1.0 || groups_leak (cr))
            fill_path_with_alpha (fig, cr, item->series_index, FALSE, alpha);
          else
            {
              cairo_push_group (cr);
              _karavan_chart_fill_path (fig, cr, item->series_index, FALSE);
              cairo_pop_group_to_source (cr);
              cairo_paint_with_alpha (cr, alpha);
            }
          cairo_new_path (cr);
        }
      start = end + 1;
    }

  set_rgb (cr, &item->color, 1.0);
  cairo_set_line_width (cr, item->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  stroke_series_path (fig, cr, item, item->tops);
  draw_markers (fig, cr, item, item->tops);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Drawing and hit tests, by kind                                         */

static void
draw_swatches (KaravanFigure *fig,
               cairo_t       *cr,
               PlotItem      *item)
{
  for (guint i = 0; i < item->bars->len; i++)
    {
      Bar *bar = &g_array_index (item->bars, Bar, i);

      cairo_new_path (cr);
      if (bar->hollow)
        {
          PlotItem marker = *item;

          marker.color = fig->pal->text;
          marker.marker_radius = bar->w / 2;
          draw_marker (fig, cr, &marker, bar->x + bar->w / 2, bar->y + bar->h / 2, TRUE);
          continue;
        }
      cairo_rectangle (cr, bar->x, bar->y, bar->w, bar->h);
      _karavan_chart_fill_path (fig, cr, bar->style, bar->flagged);
    }
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
    case ITEM_AREA:
      draw_area (fig, cr, item);
      break;
    case ITEM_BARS:
      _karavan_bars_draw (fig, cr, item);
      break;
    case ITEM_DONUT:
      _karavan_donut_draw (fig, cr, item);
      break;
    case ITEM_SWATCH:
      draw_swatches (fig, cr, item);
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
  switch (item->kind)
    {
    case ITEM_LINE:
      return nearest_point (fig, item, NULL, x, y, hit, distance);
    case ITEM_AREA:
      return nearest_point (fig, item, item->tops, x, y, hit, distance);
    case ITEM_BARS:
      return _karavan_bars_hit (fig, item, x, y, hit, distance);
    case ITEM_DONUT:
      return _karavan_donut_hit (fig, item, x, y, hit, distance);
    case ITEM_SWATCH:
    default:
      return FALSE;
    }
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
      double v = item->tops ? g_array_index (item->tops, double, j) : p->y;
      g_autofree char *text = NULL;
      Label *label;
      double x, y, r;

      if ((p->flags & KARAVAN_POINT_MISSING) || isnan (v) || p->x > item->x_limit)
        continue;

      text = karavan_format_value (p->y, s->format, p->relation, lang);
      label = _karavan_figure_label (fig, KARAVAN_LABEL_VALUE, text, 0.85, TRUE, -1, &fig->pal->text);
      x = map_x (fig, p->x);
      y = map_y (fig, v);
      r = item->marker_radius + fig->fs * 0.2;

      {
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

static void
add_events (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  GPtrArray *events;

  if (chart->events_timeline == NULL ||
      !(fig->opts.show_events || (!fig->opts.no_events_default && chart->events != NULL)))
    return;

  events = fig->opts.show_events ? chart->events_timeline->events : chart->events;
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      KaravanEvent *event = events->pdata[i];
      const char *text = karavan_text_get (&event->short_title, lang);
      KaravanRgb color = fig->pal->marker;
      guint n_labels;
      double x;

      if (!event_x (chart->x_type, &event->from, &x))
        continue;
      if (text == NULL)
        text = karavan_text_get (&event->title, lang);
      if (fig->opts.palette != KARAVAN_PALETTE_MONOCHROME && fig->opts.palette != KARAVAN_PALETTE_HIGH_CONTRAST)
        karavan_rgb_parse (event->category->color, &color);
      n_labels = fig->labels->len;
      add_vertical_marker (fig, x, text, &color);
      /* Kept for hit tests: hovering and clicking the marker. */
      _karavan_figure_add_event_marker (fig, event, map_x (fig, x), n_labels);
    }
}

/* ---------------------------------------------------------------------- */
/* Lines and areas                                                        */

static void
x_range (KaravanFigure *fig)
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
      double margin = (hi / 2 - lo / 2) * 0.08;

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
  /* No margin past the largest number. */
  if (!isfinite (fig->x_lo))
    fig->x_lo = lo;
  if (!isfinite (fig->x_hi))
    fig->x_hi = hi;
}

/* Areas stack: their axis must hold the stacked tops of every series a
 * reveal will show. */
static void
stacked_range (KaravanFigure *fig,
               GPtrArray     *all,
               double        *lo,
               double        *hi)
{
  g_autoptr(GPtrArray) saved = fig->items;
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Stack into a scratch list of items, then throw them away. */
  fig->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _karavan_plot_item_free);
  for (guint i = 0; i < all->len; i++)
    g_array_append_val (indexes, i);
  add_area_items (fig, all, indexes, G_MAXDOUBLE, lo, hi);
  g_ptr_array_unref (fig->items);
  fig->items = g_steal_pointer (&saved);
}

static void
layout_lines (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  gboolean area = chart->type == KARAVAN_CHART_AREA;
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) series = _karavan_chart_visible_series (fig, indexes);
  g_autoptr(GPtrArray) all = unhidden_series (fig);
  g_autoptr(GArray) xs = distinct_xs (chart);
  KaravanXAxis time_axis = { time_axis_measure, time_axis_place, NULL };
  double top = fig->body_y, lo, hi;

  /* Reveal by points: the axes are those of the whole chart, so the
   * line grows into a frame that does not move. */
  fig->x_limit = G_MAXDOUBLE;
  if (xs->len > 0)
    {
      fig->reveal_steps = fig->opts.reveal_kind == KARAVAN_REVEAL_SERIES ? (int) chart->series->len : (int) xs->len;
      if (fig->opts.reveal >= 0 && fig->opts.reveal_kind != KARAVAN_REVEAL_SERIES)
        fig->x_limit = g_array_index (xs, double, CLAMP (fig->opts.reveal, 1, (int) xs->len) - 1);
    }

  top = _karavan_chart_legend (fig, top, area ? KEY_BOXES : KEY_LINES, chart->series->len > 1,
                               _karavan_chart_any_flagged (series));

  fig->y_log = chart->log_scale && !area;
  if (area)
    stacked_range (fig, all, &lo, &hi);
  else
    value_range (fig, all, fig->y_log, &lo, &hi);
  x_range (fig);
  if (!_karavan_chart_axes (fig, top, series, lo, hi, FALSE, _karavan_chart_all_percent (series), &time_axis))
    return;

  if (area)
    add_area_items (fig, series, indexes, fig->x_limit, &lo, &hi);
  else
    add_line_items (fig, series, indexes, fig->x_limit);

  /* Annotations, most important first: they claim space in this order. */
  for (guint i = 0; i < chart->markers->len; i++)
    {
      KaravanMarker *marker = chart->markers->pdata[i];

      add_vertical_marker (fig, marker->x, karavan_text_get (&marker->label, lang), &fig->pal->marker);
    }

  if (series->len == 1 && ((KaravanSeries *) series->pdata[0])->n_present <= 15)
    add_value_labels (fig, fig->items->pdata[fig->items->len - 1]);

  add_growth_labels (fig);
  add_yoy_labels (fig);
  add_events (fig);
}

void
_karavan_chart_layout (KaravanFigure *fig)
{
  KaravanLang lang = fig->opts.lang;

  if (fig->view->chart->series->len == 0)
    {
      _karavan_chart_message (fig, KC_("figure", "This chart has no data."));
      return;
    }
  /* Title and footer took the room: a chart squeezed under them would
   * only be drawn over their text. */
  if (fig->body_h < fig->fs * 6 || fig->body_w < fig->fs * 10)
    return;

  switch (fig->view->chart->type)
    {
    case KARAVAN_CHART_LINE:
    case KARAVAN_CHART_AREA:
      layout_lines (fig);
      break;
    case KARAVAN_CHART_BAR:
    case KARAVAN_CHART_GROUPED_BAR:
    case KARAVAN_CHART_STACKED_BAR:
    case KARAVAN_CHART_PERCENT_BAR:
      _karavan_bar_layout (fig);
      break;
    case KARAVAN_CHART_HBAR:
      _karavan_hbar_layout (fig);
      break;
    case KARAVAN_CHART_DONUT:
      _karavan_donut_layout (fig);
      break;
    case KARAVAN_N_CHART_TYPES:
    default:
      g_assert_not_reached ();
    }
}
