/* karavan-figure.h: one view laid out at one size, ready to draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same figure draws the window's chart and every exported file. It
 * is laid out once for a size (text measured with Pango, labels placed so
 * none overlaps another) and then drawn on any cairo_t as often as
 * needed; long series are decimated once per device scale.
 *
 * Sizes are in user units of the cairo_t it is drawn on: pixels for the
 * screen, points for PDF and SVG (PNG export scales by dpi / 72).
 */
#pragma once

#include <cairo.h>

#include "karavan-dataset.h"
#include "karavan-palette.h"

G_BEGIN_DECLS

typedef struct {
  KaravanLang         lang;
  KaravanPaletteKind  palette;
  gboolean            transparent;
  double              font_size;      /* base text size; 0: the default, 9 */
  const char         *font_family;    /* NULL: "Sans" */
  guint64             hidden_series;  /* bit i hides the chart's series i */
  int                 reveal;         /* -1: all; else how many reveal steps show */
  KaravanReveal       reveal_kind;    /* what a reveal step adds */
  gboolean            exact;          /* never decimate (for tests) */
  gboolean            show_events;    /* timeline events on time charts */
  gboolean            no_events_default; /* ignore the chart's own <events> */
} KaravanRenderOptions;

typedef enum {
  KARAVAN_LABEL_TITLE,
  KARAVAN_LABEL_SUBTITLE,
  KARAVAN_LABEL_LEGEND,
  KARAVAN_LABEL_AXIS_TITLE,
  KARAVAN_LABEL_TICK,
  KARAVAN_LABEL_VALUE,
  KARAVAN_LABEL_ANNOTATION,
  KARAVAN_LABEL_FOOTER,
  KARAVAN_LABEL_CELL,
} KaravanLabelKind;

typedef struct {
  KaravanLabelKind kind;
  double           x, y, width, height;  /* bounding box, unrotated frame */
  const char      *text;                 /* owned by the figure */
} KaravanLabelBox;

typedef struct {
  const KaravanSeries *series;
  const KaravanPoint  *point;
  double               x, y;    /* where it is drawn */
} KaravanHit;

typedef struct _KaravanFigure KaravanFigure;

void            karavan_render_options_init (KaravanRenderOptions       *options,
                                             KaravanLang                 lang);

KaravanFigure  *karavan_figure_new        (const KaravanView          *view,
                                           const KaravanRenderOptions *options,
                                           double                      width,
                                           double                      height);
void            karavan_figure_free       (KaravanFigure              *figure);
void            karavan_figure_draw       (KaravanFigure              *figure,
                                           cairo_t                    *cr);
const KaravanLabelBox *karavan_figure_get_labels (KaravanFigure       *figure,
                                                  guint               *n_labels);
gboolean        karavan_figure_hit_test   (KaravanFigure              *figure,
                                           double                      x,
                                           double                      y,
                                           KaravanHit                 *hit);
gboolean        karavan_figure_get_plot_area (KaravanFigure           *figure,
                                              double                  *x,
                                              double                  *y,
                                              double                  *width,
                                              double                  *height);
int             karavan_figure_get_reveal_steps (KaravanFigure        *figure);
char           *karavan_figure_get_title  (KaravanFigure              *figure);
char           *karavan_figure_get_sources_text (KaravanFigure        *figure);

/* One line of a figure's text, for writers that keep text as text. */
typedef struct {
  const char       *text;       /* UTF-8, not NUL-terminated: use length */
  gsize             length;
  double            x;          /* start of the line's baseline, in the */
  double            baseline;   /* label's frame (see origin, rotated)  */
  double            size;       /* font size */
  gboolean          bold;
  const char       *family;
  const KaravanRgb *color;
  double            origin_x;   /* the label's frame: translate here, */
  double            origin_y;
  gboolean          rotated;    /* then rotate by -90° */
} KaravanTextLine;

typedef void (*KaravanTextLineFunc) (const KaravanTextLine *line,
                                     gpointer               user_data);

void            karavan_figure_draw_without_text (KaravanFigure       *figure,
                                                  cairo_t             *cr);
void            karavan_figure_foreach_text_line (KaravanFigure       *figure,
                                                  KaravanTextLineFunc  func,
                                                  gpointer             user_data);

void            karavan_render_view       (const KaravanView          *view,
                                           const KaravanRenderOptions *options,
                                           cairo_t                    *cr,
                                           double                      width,
                                           double                      height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KaravanFigure, karavan_figure_free)

G_END_DECLS
