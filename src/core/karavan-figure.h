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
  gboolean            raster_cache;   /* keep dense lines as pixels between
                                       * frames (on screen only) */
  gboolean            show_events;    /* timeline events on time charts */
  gboolean            no_events_default; /* ignore the chart's own <events> */
  /* Timelines (see karavan_figure_get_events()): */
  double              time_from;      /* visible window, fractional years; */
  double              time_to;        /* 0, 0: fit every event */
  guint64             hidden_categories; /* bit i hides the timeline's category i */
  const char         *search;         /* NULL or "": every event; else those matching */
  const char         *selected_event; /* id of the event drawn as selected, or NULL */
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
  KARAVAN_LABEL_EVENT,     /* a timeline event's label */
  KARAVAN_LABEL_VALUE_INSIDE, /* a value drawn on its bar or slice */
} KaravanLabelKind;

typedef struct {
  KaravanLabelKind kind;
  double           x, y, width, height;  /* bounding box, unrotated frame */
  const char      *text;                 /* owned by the figure */
  gboolean         ellipsized;           /* drawn cut short, with "…" */
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
gboolean        karavan_figure_legend_hit_test (KaravanFigure         *figure,
                                                double                 x,
                                                double                 y,
                                                guint                 *series_index);
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

/* Timelines: where each event is drawn, for hit tests and tests. */
typedef struct {
  const KaravanEvent *event;
  guint               category;     /* index into the timeline's categories */
  double              time_from;    /* its period in fractional years: a  */
  double              time_to;      /* range's whole span, a date's period */
  gboolean            is_range;     /* drawn as a bar from time_from to time_to */
  gboolean            selected;
  double              x, y, width, height;  /* marker or bar, clipped to the plot */
  gboolean            has_label;    /* FALSE when no room was left for it */
  double              label_x, label_y, label_width, label_height;
} KaravanEventBox;

const KaravanEventBox *karavan_figure_get_events (KaravanFigure       *figure,
                                                  guint               *n_events);
const KaravanEventBox *karavan_figure_hit_event  (KaravanFigure       *figure,
                                                  double               x,
                                                  double               y);
gboolean        karavan_figure_get_time_window (KaravanFigure         *figure,
                                                double                *time_from,
                                                double                *time_to);
gboolean        karavan_timeline_get_extent (const KaravanTimeline    *timeline,
                                             double                   *time_from,
                                             double                   *time_to);
void            karavan_event_get_period  (const KaravanEvent         *event,
                                           double                     *time_from,
                                           double                     *time_to);
char           *karavan_event_get_date_text (const KaravanEvent       *event,
                                             KaravanLang               lang);
gboolean        karavan_event_matches     (const KaravanEvent         *event,
                                           const char                 *search,
                                           KaravanLang                 lang);
GBytes         *karavan_timeline_to_pdf_pages (const KaravanView      *view,
                                               const KaravanRenderOptions *options,
                                               double                  page_width,
                                               double                  page_height,
                                               guint                   n_pages,
                                               GError                **error);

void            karavan_render_view       (const KaravanView          *view,
                                           const KaravanRenderOptions *options,
                                           cairo_t                    *cr,
                                           double                      width,
                                           double                      height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KaravanFigure, karavan_figure_free)

G_END_DECLS
