/* karavan-chart-private.h: what the chart layouts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * karavan-chart.c has the value axis, the time axis, the legend, lines,
 * areas and annotations; karavan-bar-chart.c vertical and horizontal
 * bars; karavan-donut-chart.c donuts. Every piece of data becomes a
 * PlotItem that draws itself and answers hit tests.
 */
#pragma once

#include <math.h>

#include "karavan-figure-private.h"

G_BEGIN_DECLS

typedef enum {
  ITEM_LINE,
  ITEM_AREA,
  ITEM_BARS,     /* rectangles, vertical or horizontal */
  ITEM_DONUT,    /* slices: x, y the angles, w, h the radii */
  ITEM_SWATCH,   /* a legend's key, drawn only */
} ItemKind;

/* One bar, stacked segment or slice. */
typedef struct {
  const KaravanSeries *series;
  const KaravanPoint  *point;
  guint                style;     /* index into the palette's fills */
  double               x, y, w, h;
  double               hit_x, hit_y;  /* where a tooltip points */
  gboolean             flagged;   /* estimate or part of the period: hatched */
  gboolean             open_end;  /* a lower bound (">", "≥"): an arrow past its end */
  gboolean             hollow;    /* a legend key for hollow markers */
} Bar;

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

  /* The decimated path stroked once into a device-pixel mask, for
   * redraws on screen (opts.raster_cache), and the device transform it
   * was made for, up to whole-pixel moves. */
  cairo_surface_t     *raster;
  double               raster_key[4];  /* xx, yy, fractional x0, y0 */
  int                  raster_x;       /* where it goes, in device */
  int                  raster_y;       /* pixels from the whole x0, y0 */

  /* ITEM_AREA: per point, the stacked top and bottom in y units (NAN
   * where nothing is drawn). */
  GArray              *tops;
  GArray              *bottoms;

  /* ITEM_BARS, ITEM_DONUT, ITEM_SWATCH */
  GArray              *bars;       /* Bar */
  double               cx, cy;     /* the donut's centre */
  gboolean             horizontal;
};

/* (v - lo) / (hi - lo) for any finite numbers: halved first, since
 * 1e308 - -1e308 overflows. A value far off the axis (or infinite) ends
 * a little beyond it, so that no coordinate is huge: cairo's fixed-point
 * numbers and hatching loops would choke on it. */
static inline double
_karavan_chart_fraction (double v,
                         double lo,
                         double hi)
{
  double t = (v / 2 - lo / 2) / (hi / 2 - lo / 2);

  return isnan (t) ? 0.5 : CLAMP (t, -100, 100);
}

static inline double
_karavan_chart_map_x (KaravanFigure *fig,
                      double         x)
{
  if (!(fig->x_hi > fig->x_lo))
    return fig->px + fig->pw / 2;
  return fig->px + _karavan_chart_fraction (x, fig->x_lo, fig->x_hi) * fig->pw;
}

static inline double
_karavan_chart_map_y (KaravanFigure *fig,
                      double         y)
{
  double t;

  if (fig->y_log)
    t = _karavan_chart_fraction (log10 (MAX (y, 1e-300)), log10 (fig->y_lo), log10 (fig->y_hi));
  else
    t = _karavan_chart_fraction (y, fig->y_lo, fig->y_hi);

  return fig->py + fig->ph - t * fig->ph;
}

static inline gboolean
_karavan_point_flagged (const KaravanPoint *p)
{
  return (p->flags & (KARAVAN_POINT_ESTIMATE | KARAVAN_POINT_PARTIAL)) != 0;
}

static inline gboolean
_karavan_series_hidden (KaravanFigure *fig,
                        guint          index)
{
  return index < 64 && (fig->opts.hidden_series & (G_GUINT64_CONSTANT (1) << index));
}

/* Labels live in a growing array: keep indexes, not pointers, across
 * the creation of other labels. */
static inline Label *
_karavan_label_at (KaravanFigure *fig,
                   guint          index)
{
  return g_ptr_array_index (fig->labels, index);
}

/* How the category or time axis below a plot is measured and drawn. */
typedef struct {
  /* Chooses the labels for fig->pw and returns their height. */
  double (*measure) (KaravanFigure *fig,
                     gpointer       data);
  /* Places them once the plot is known. */
  void   (*place)   (KaravanFigure *fig,
                     gpointer       data);
  gpointer data;
} KaravanXAxis;

typedef enum {
  KEY_LINES,   /* legend swatches are lines */
  KEY_BOXES,   /* legend swatches are filled boxes */
} KeyStyle;

/* karavan-chart.c */
GPtrArray *_karavan_chart_visible_series (KaravanFigure      *fig,
                                          GArray             *indexes);
double     _karavan_chart_legend         (KaravanFigure      *fig,
                                          double              top,
                                          KeyStyle            style,
                                          gboolean            series_entries,
                                          gboolean            flag_key);
gboolean   _karavan_chart_axes           (KaravanFigure      *fig,
                                          double              top,
                                          GPtrArray          *series,
                                          double              lo,
                                          double              hi,
                                          gboolean            include_zero,
                                          gboolean            percent,
                                          const KaravanXAxis *x_axis);
void       _karavan_chart_value_axis     (KaravanFigure      *fig,
                                          double              lo,
                                          double              hi,
                                          gboolean            include_zero,
                                          double              length);
char      *_karavan_chart_format_tick    (KaravanFigure      *fig,
                                          double              v,
                                          gboolean            percent);
gboolean   _karavan_chart_any_flagged    (GPtrArray          *series);
gboolean   _karavan_chart_all_percent    (GPtrArray          *series);
const char *_karavan_chart_value_title   (KaravanFigure      *fig,
                                          GPtrArray          *series);
void       _karavan_chart_fill_path      (KaravanFigure      *fig,
                                          cairo_t            *cr,
                                          guint               style,
                                          gboolean            flagged);
PlotItem  *_karavan_chart_new_item       (KaravanFigure      *fig,
                                          ItemKind            kind,
                                          const KaravanSeries *series,
                                          guint               series_index);
void       _karavan_chart_message        (KaravanFigure      *fig,
                                          const char         *text);

/* karavan-bar-chart.c */
void       _karavan_bar_layout           (KaravanFigure      *fig);
void       _karavan_hbar_layout          (KaravanFigure      *fig);
void       _karavan_bars_draw            (KaravanFigure      *fig,
                                          cairo_t            *cr,
                                          PlotItem           *item);
gboolean   _karavan_bars_hit             (KaravanFigure      *fig,
                                          PlotItem           *item,
                                          double              x,
                                          double              y,
                                          KaravanHit         *hit,
                                          double             *distance);

/* karavan-donut-chart.c */
void       _karavan_donut_layout         (KaravanFigure      *fig);
void       _karavan_donut_draw           (KaravanFigure      *fig,
                                          cairo_t            *cr,
                                          PlotItem           *item);
gboolean   _karavan_donut_hit            (KaravanFigure      *fig,
                                          PlotItem           *item,
                                          double              x,
                                          double              y,
                                          KaravanHit         *hit,
                                          double             *distance);

G_END_DECLS
