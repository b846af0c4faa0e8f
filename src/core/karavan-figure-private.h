/* karavan-figure-private.h: what the per-view layouts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "karavan-figure.h"

G_BEGIN_DECLS

typedef struct {
  KaravanLabelKind  kind;
  char             *text;
  PangoLayout      *layout;
  KaravanRgb        color;
  double            x, y;     /* top-left; for rotated labels the bottom-left */
  double            w, h;
  double            ox;       /* logical x offset inside the layout */
  gboolean          rotated;  /* turned by -90°, reading upwards */
  gboolean          placed;   /* unplaced labels are not drawn */
} Label;

typedef enum {
  SHAPE_LINE,          /* x,y → x2,y2 */
  SHAPE_RECT,          /* x,y, width x2, height y2 */
  SHAPE_RECT_OUTLINE,
  SHAPE_CIRCLE,        /* centre x,y, radius x2 */
} ShapeKind;

typedef struct {
  ShapeKind  kind;
  KaravanRgb color;
  double     alpha;    /* 0 means opaque */
  double     x, y, x2, y2;
  double     width;
  double     dash;     /* 0: solid */
  gboolean   under;    /* drawn below the data */
} Shape;

/* A legend entry, for clicks that hide or show a series. */
typedef struct {
  double x, y, w, h;
  guint  series_index;
} LegendEntry;

typedef struct _PlotItem PlotItem;

struct _KaravanFigure
{
  const KaravanView    *view;
  KaravanRenderOptions  opts;
  const KaravanPalette *pal;
  double                width, height;
  double                fs;       /* base font size */
  double                pad;
  PangoContext         *pango;

  GPtrArray            *labels;   /* Label*, owned; pointers stay valid */
  GArray               *shapes;   /* Shape */
  GPtrArray            *items;    /* PlotItem*: the data, drawn by kind */
  GArray               *boxes;    /* KaravanLabelBox, made on demand */
  GArray               *legend;   /* LegendEntry */
  char                 *sources_text;

  /* What the frame leaves for the body. */
  double                body_x, body_y, body_w, body_h;

  /* The plot area and its scales, for charts with axes. */
  gboolean              has_plot;
  double                px, py, pw, ph;
  double                x_lo, x_hi, y_lo, y_hi;
  gboolean              y_log;
  gboolean              horizontal;  /* hbar: value axis runs across */
  GArray               *x_ticks;     /* double */
  GArray               *y_ticks;     /* double */
  double                x_step;      /* between x ticks */
  double                data_x_lo, data_x_hi;
  double                x_limit;     /* reveal by points: last x shown */

  int                   reveal_steps;
};

Label    *_karavan_figure_label      (KaravanFigure    *fig,
                                      KaravanLabelKind  kind,
                                      const char       *text,
                                      double            scale,
                                      gboolean          bold,
                                      double            max_width,
                                      const KaravanRgb *color);
gboolean  _karavan_figure_collides   (KaravanFigure    *fig,
                                      Label            *label,
                                      double            x,
                                      double            y,
                                      double            gap);
void      _karavan_figure_place      (KaravanFigure    *fig,
                                      Label            *label,
                                      double            x,
                                      double            y);
gboolean  _karavan_figure_place_free (KaravanFigure    *fig,
                                      Label            *label,
                                      const double     *xy,
                                      guint             n_candidates,
                                      double            gap);

static inline Shape *
_karavan_figure_shape (KaravanFigure *fig,
                       ShapeKind      kind)
{
  Shape shape = { 0 };

  shape.kind = kind;
  g_array_append_val (fig->shapes, shape);
  return &g_array_index (fig->shapes, Shape, fig->shapes->len - 1);
}

/* karavan-chart.c */
char     *_karavan_chart_footer_note (KaravanFigure *fig);
void      _karavan_chart_layout      (KaravanFigure *fig);
void      _karavan_plot_item_free    (PlotItem      *item);
void      _karavan_plot_item_draw    (KaravanFigure *fig,
                                      cairo_t       *cr,
                                      PlotItem      *item);
gboolean  _karavan_plot_item_hit     (KaravanFigure *fig,
                                      PlotItem      *item,
                                      double         x,
                                      double         y,
                                      KaravanHit    *hit,
                                      double        *distance);

KaravanRgb _karavan_readable_color   (KaravanFigure    *fig,
                                      const KaravanRgb *color);

/* karavan-table-figure.c */
void      _karavan_table_layout      (KaravanFigure *fig);
char     *_karavan_table_cell_text   (const KaravanColumn *column,
                                      const KaravanCell   *cell,
                                      KaravanLang          lang);
/* Cuts @label to @lines lines, ending in "…". */
void      _karavan_label_limit_lines (Label *label,
                                      int    lines);

/* karavan-timeline-figure.c */
void      _karavan_timeline_layout   (KaravanFigure *fig);
void      _karavan_lesson_layout     (KaravanFigure *fig);
void      _karavan_figure_add_event_marker (KaravanFigure      *fig,
                                            const KaravanEvent *event,
                                            double              sx,
                                            guint               first_label);
char     *_karavan_event_date_text   (const KaravanEvent *event,
                                      KaravanLang         lang);

G_END_DECLS
