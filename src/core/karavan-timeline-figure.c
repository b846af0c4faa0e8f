/* karavan-timeline-figure.c: timelines and lessons as figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A timeline is drawn on a horizontal time axis, one lane per category.
 * A dated event is a dot at the middle of the period its date names (the
 * year of "2001", the month of "August 1992"); when that period is wide
 * enough on the axis, a pale band shows it too, so that a reader never
 * takes "2001" for "1 January 2001". A range ("1993–1994") is a bar with
 * a cap at each end. Labels sit right of their marker (left of it near
 * the end of the axis); events closer than their labels allow are
 * stacked in rows within their lane, so no two labels overlap.
 *
 * Time is counted in fractional years: 1992.5 is the middle of 1992.
 * The visible window, the hidden categories, a search and the selected
 * event come in the render options, so the widget and every exported
 * file are drawn by the same code at any zoom.
 *
 * Where each event was drawn is kept as KaravanEventBox for hit tests;
 * the array hangs on the figure's Pango context and goes with it.
 *
 * A lesson is drawn as its running order.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "karavan-catalog.h"
#include "karavan-error.h"
#include "karavan-figure-private.h"
#include "karavan-format.h"

#define EVENTS_KEY "karavan-timeline-events"

/* ---------------------------------------------------------------------- */
/* Time                                                                   */

static int
days_in_month (int year,
               int month)
{
  if (year >= 1 && year <= 9999 && month >= 1 && month <= 12)
    return g_date_get_days_in_month (month, year);
  return 30;
}

/* The period a date names, at its precision, in fractional years. */
static void
date_period (const KaravanDate *date,
             double            *from,
             double            *to)
{
  double month_start;
  int days;

  if (date->month == 0)
    {
      *from = date->year;
      *to = date->year + 1.0;
      return;
    }

  month_start = date->year + (date->month - 1) / 12.0;
  if (date->day == 0)
    {
      *from = month_start;
      *to = month_start + 1 / 12.0;
      return;
    }

  days = days_in_month (date->year, date->month);
  *from = month_start + (date->day - 1) / (12.0 * days);
  *to = *from + 1 / (12.0 * days);
}

/**
 * karavan_event_get_period:
 *
 * The time an event covers, in fractional years: from the start of the
 * period its first date names to the end of the period its last date
 * names. "1993"–"1994" is 1993.0 to 1995.0; "August 1992" is 1992.583
 * to 1992.667.
 */
void
karavan_event_get_period (const KaravanEvent *event,
                          double             *time_from,
                          double             *time_to)
{
  double a, b, c, d;

  g_return_if_fail (event != NULL);

  date_period (&event->from, &a, &b);
  date_period (&event->to, &c, &d);
  *time_from = MIN (a, c);
  *time_to = MAX (b, d);
}

/**
 * karavan_timeline_get_extent:
 *
 * The window that shows every event: whole years from the first event's
 * year to the end of the last one's. Returns %FALSE (and 0, 1) for a
 * timeline without events.
 */
gboolean
karavan_timeline_get_extent (const KaravanTimeline *timeline,
                             double                *time_from,
                             double                *time_to)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  g_return_val_if_fail (timeline != NULL, FALSE);

  for (guint i = 0; i < timeline->events->len; i++)
    {
      double a, b;

      karavan_event_get_period (timeline->events->pdata[i], &a, &b);
      lo = MIN (lo, a);
      hi = MAX (hi, b);
    }

  if (lo > hi)
    {
      *time_from = 0;
      *time_to = 1;
      return FALSE;
    }

  *time_from = floor (lo);
  *time_to = MAX (ceil (hi), *time_from + 1);
  return TRUE;
}

/* "1993–1994", «1993–1994 гг.», "March 2015 – June 2020": see
 * karavan_format_date_range(). */
char *
karavan_event_get_date_text (const KaravanEvent *event,
                             KaravanLang         lang)
{
  g_return_val_if_fail (event != NULL, NULL);

  if (!event->is_range)
    return karavan_format_date (&event->from, lang);
  return karavan_format_date_range (&event->from, &event->to, lang);
}

char *
_karavan_event_date_text (const KaravanEvent *event,
                          KaravanLang         lang)
{
  return karavan_event_get_date_text (event, lang);
}

/* ---------------------------------------------------------------------- */
/* Search                                                                 */

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static void
append_text (GString           *out,
             const KaravanText *text,
             KaravanLang        lang)
{
  const char *s = karavan_text_get (text, lang);

  if (s != NULL)
    {
      g_string_append (out, s);
      g_string_append_c (out, '\n');
    }
}

/**
 * karavan_event_matches:
 *
 * Whether every word of @search occurs, whatever the case, in the event's
 * title, short label, description, date, category or corrections as
 * @lang shows them. An empty search matches every event.
 */
gboolean
karavan_event_matches (const KaravanEvent *event,
                       const char         *search,
                       KaravanLang         lang)
{
  g_autoptr(GString) hay = NULL;
  g_autofree char *folded_hay = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (event != NULL, FALSE);

  if (search == NULL)
    return TRUE;

  folded = fold (search);
  words = g_strsplit_set (folded, " \t\n\r", -1);

  hay = g_string_new (NULL);
  append_text (hay, &event->title, lang);
  append_text (hay, &event->short_title, lang);
  append_text (hay, &event->description, lang);
  append_text (hay, &event->category->label, lang);
  for (guint i = 0; event->corrections != NULL && i < event->corrections->len; i++)
    append_text (hay, &((KaravanCorrection *) event->corrections->pdata[i])->text, lang);
  date = karavan_event_get_date_text (event, lang);
  g_string_append (hay, date);
  folded_hay = fold (hay->str);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded_hay, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Layout                                                                 */

typedef struct {
  KaravanEvent *event;
  guint         category;
  guint         lane;
  double        t0, t1;       /* the period */
  const char   *text;
  double        natural_w;    /* the label unshortened */
  gboolean      bar;          /* a range */
  gboolean      band;         /* a date whose period is wide: shown pale */
  gboolean      selected;
  double        xm;           /* the dot (not for bars) */
  double        x0, x1;       /* bar or band, clipped to the plot */
  /* Where it went. */
  int           row;
  gboolean      labelled;
  double        lx, lw;
} Item;

typedef struct {
  KaravanFigure *fig;
  GArray        *items;       /* Item */
  guint          n_lanes;
  double         px, pw;      /* plot, across */
  double         t_from, t_to;
  double         r;           /* dot radius */
  double         label_h;
  double         gap;         /* between a marker and its label */
  double         hgap;        /* between neighbours in a row */
  gboolean       spare_later; /* labels leave later markers of their lane free */
} Ctx;

static double
time_to_x (Ctx    *ctx,
           double  t)
{
  return ctx->px + (t - ctx->t_from) / (ctx->t_to - ctx->t_from) * ctx->pw;
}

static KaravanRgb
category_color (KaravanFigure *fig,
                const KaravanEventCategory *category,
                guint          index)
{
  KaravanRgb color = fig->pal->series[index % KARAVAN_PALETTE_N_SERIES];

  if (fig->opts.palette == KARAVAN_PALETTE_MONOCHROME)
    return color;
  if (category->color != NULL)
    karavan_rgb_parse (category->color, &color);
  /* The dataset's colours are chosen for white paper. */
  if (fig->opts.palette != KARAVAN_PALETTE_LIGHT)
    color = _karavan_readable_color (fig, &color);
  return color;
}

/* A one-line label, shortened with "…" to @max_w when longer. */
static Label *
event_label (KaravanFigure    *fig,
             KaravanLabelKind  kind,
             const char       *text,
             double            scale,
             double            max_w,
             const KaravanRgb *color)
{
  Label *label = _karavan_figure_label (fig, kind, text, scale, FALSE, -1, color);

  if (max_w > 0 && label->w > max_w)
    {
      PangoRectangle logical;

      pango_layout_set_width (label->layout, (int) (max_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (label->layout, NULL, &logical);
      label->w = (double) logical.width / PANGO_SCALE;
      label->h = (double) logical.height / PANGO_SCALE;
      label->ox = (double) logical.x / PANGO_SCALE;
    }
  return label;
}

static double
measure (KaravanFigure *fig,
         const char    *text,
         double         scale,
         double        *height)
{
  Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, scale, FALSE, -1, &fig->pal->text);
  double w = probe->w;

  if (height != NULL)
    *height = probe->h;
  g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
  return w;
}

typedef struct {
  double   lo, hi;
  gboolean text;   /* a label's, not only a marker's */
  guint    item;
} Span;

static gboolean
span_free (GArray   *row,
           double    lo,
           double    hi,
           gboolean  text_only)
{
  for (guint i = 0; i < row->len; i++)
    {
      const Span *s = &g_array_index (row, Span, i);

      if (lo < s->hi && s->lo < hi && (s->text || !text_only))
        return FALSE;
    }
  return TRUE;
}

static void
marker_extent (Ctx        *ctx,
               const Item *item,
               double     *lo,
               double     *hi)
{
  if (item->bar)
    {
      *lo = item->x0;
      *hi = MAX (item->x1, item->x0 + ctx->r);
    }
  else
    {
      *lo = item->xm - ctx->r;
      *hi = item->xm + ctx->r;
      if (item->band)
        {
          *lo = MIN (*lo, item->x0);
          *hi = MAX (*hi, item->x1);
        }
    }
}

/* Where a label @lw wide may go: right of a dot, else left of it; in a
 * bar when it fits there, else right of the bar, else left of it. */
static guint
label_candidates (Ctx        *ctx,
                  const Item *item,
                  double      lw,
                  double     *cand)
{
  double right = ctx->px + ctx->pw;
  double inset = ctx->fig->fs * 0.35;
  double c[3];
  guint n = 0, n_c = 0;

  if (item->bar)
    {
      if (MAX (item->x0, ctx->px) + inset + lw <= item->x1 - inset)
        c[n_c++] = MAX (item->x0, ctx->px) + inset;
      c[n_c++] = item->x1 + ctx->gap;
      c[n_c++] = item->x0 - ctx->gap - lw;
    }
  else
    {
      c[n_c++] = item->xm + ctx->r + ctx->gap;
      c[n_c++] = item->xm - ctx->r - ctx->gap - lw;
    }

  for (guint i = 0; i < n_c; i++)
    if (c[i] >= ctx->px - 0.01 && c[i] + lw <= right + 0.01)
      cand[n++] = c[i];
  return n;
}

/* Markers come before labels: a marker that found no free place takes
 * one from the labels in its way, which are then left out. */
static void
evict_labels (Ctx    *ctx,
              GArray *row,
              double  lo,
              double  hi)
{
  for (guint i = 0; i < row->len; i++)
    {
      Span *s = &g_array_index (row, Span, i);
      Item *owner;

      if (!s->text || !(lo < s->hi && s->lo < hi))
        continue;
      owner = &g_array_index (ctx->items, Item, s->item);
      owner->labelled = FALSE;
      marker_extent (ctx, owner, &s->lo, &s->hi);
      s->text = FALSE;
    }
}

/* Whether a label over @lo..@hi would cover the marker of an event
 * that comes later in the same lane (and then has to go elsewhere). */
static gboolean
covers_later (Ctx    *ctx,
              guint   index,
              double  lo,
              double  hi)
{
  const Item *item = &g_array_index (ctx->items, Item, index);

  for (guint j = index + 1; j < ctx->items->len; j++)
    {
      const Item *later = &g_array_index (ctx->items, Item, j);
      double mlo, mhi;

      if (later->lane != item->lane)
        continue;
      /* In time order: the rest start further right. */
      if (later->x0 > hi + ctx->pw * 0.05)
        break;
      marker_extent (ctx, later, &mlo, &mhi);
      if (mlo < hi && lo < mhi)
        return TRUE;
    }
  return FALSE;
}

/* Puts every item in a row of its lane. Without @caps, labels are at
 * most @widths[0] wide and a lane takes the rows it needs; with @caps, a
 * lane has at most caps[lane] rows, and a label that finds no room is
 * shortened to the next of the @n_widths widths, then left out. Returns
 * the rows each lane uses in @rows. */
static void
assign_rows (Ctx          *ctx,
             const double *widths,
             guint         n_widths,
             const int    *caps,
             int          *rows)
{
  KaravanFigure *fig = ctx->fig;
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint l = 0; l < ctx->n_lanes; l++)
    g_ptr_array_add (lanes, g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref));

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = &g_array_index (ctx->items, Item, i);
      GPtrArray *lane = lanes->pdata[item->lane];
      int cap = caps != NULL ? caps[item->lane] : G_MAXINT;
      double mlo, mhi, last_lw = -1;
      Span marker;

      marker_extent (ctx, item, &mlo, &mhi);
      item->row = -1;
      item->labelled = FALSE;

      for (guint w = 0; w < (caps != NULL ? n_widths : 1) && item->row < 0; w++)
        {
          double lw = MIN (item->natural_w, MIN (fig->fs * widths[w], ctx->pw));
          double cand[3];
          guint n_cand;

          /* Shorter than a few letters, a label says nothing. */
          if (lw == last_lw || lw < MIN (item->natural_w, fig->fs * 2.5))
            continue;
          last_lw = lw;
          n_cand = label_candidates (ctx, item, lw, cand);

          /* Existing rows first, then a new one; right of the marker
           * before left of it. */
          for (int r = 0; r <= (int) lane->len && r < cap && item->row < 0; r++)
            for (guint c = 0; c < n_cand && item->row < 0; c++)
              {
                Span s = { MIN (mlo, cand[c]), MAX (mhi, cand[c] + lw), TRUE, i };

                if (r < (int) lane->len && !span_free (lane->pdata[r], s.lo - ctx->hgap / 2, s.hi + ctx->hgap / 2, FALSE))
                  continue;
                if (ctx->spare_later && covers_later (ctx, i, cand[c], cand[c] + lw))
                  continue;
                if (r == (int) lane->len)
                  g_ptr_array_add (lane, g_array_new (FALSE, FALSE, sizeof (Span)));
                g_array_append_val ((GArray *) lane->pdata[r], s);
                item->row = r;
                item->labelled = TRUE;
                item->lx = cand[c];
                item->lw = lw;
              }
        }

      if (item->row >= 0)
        continue;

      /* No room for a label: the marker alone, where it is free, else
       * where it covers no text (on another marker of the same time),
       * else in a new row if one may be opened. */
      marker.lo = mlo;
      marker.hi = mhi;
      marker.text = FALSE;
      marker.item = i;
      for (guint r = 0; r < lane->len && item->row < 0; r++)
        if (span_free (lane->pdata[r], mlo - ctx->hgap / 4, mhi + ctx->hgap / 4, FALSE))
          item->row = (int) r;
      for (guint r = 0; r < lane->len && item->row < 0; r++)
        if (span_free (lane->pdata[r], mlo, mhi, TRUE))
          item->row = (int) r;
      if (item->row < 0 && (int) lane->len < cap)
        {
          g_ptr_array_add (lane, g_array_new (FALSE, FALSE, sizeof (Span)));
          item->row = (int) lane->len - 1;
        }
      if (item->row < 0)
        {
          /* In the row where it costs the fewest labels. */
          guint best = G_MAXUINT;

          for (guint r = 0; r < lane->len; r++)
            {
              GArray *row = lane->pdata[r];
              guint n = 0;

              for (guint k = 0; k < row->len; k++)
                {
                  const Span *s = &g_array_index (row, Span, k);

                  n += s->text && mlo < s->hi && s->lo < mhi;
                }
              if (n < best)
                {
                  best = n;
                  item->row = (int) r;
                }
            }
          if (item->row < 0)
            {
              g_ptr_array_add (lane, g_array_new (FALSE, FALSE, sizeof (Span)));
              item->row = 0;
            }
          evict_labels (ctx, lane->pdata[item->row], mlo, mhi);
        }
      g_array_append_val ((GArray *) lane->pdata[item->row], marker);
    }

  for (guint l = 0; l < ctx->n_lanes; l++)
    rows[l] = (int) ((GPtrArray *) lanes->pdata[l])->len;
}

/* Axis ticks: a step in months, from decades down to single months. */
static const int year_steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 };
static const int month_steps[] = { 1, 3, 6 };

static const char *
month_short (int         month,
             KaravanLang lang)
{
  switch (month)
    {
    case 1: return KC_("short month", "Jan");
    case 2: return KC_("short month", "Feb");
    case 3: return KC_("short month", "Mar");
    case 4: return KC_("short month", "Apr");
    case 5: return KC_("short month", "May");
    case 6: return KC_("short month", "Jun");
    case 7: return KC_("short month", "Jul");
    case 8: return KC_("short month", "Aug");
    case 9: return KC_("short month", "Sep");
    case 10: return KC_("short month", "Oct");
    case 11: return KC_("short month", "Nov");
    case 12: return KC_("short month", "Dec");
    default: return "";
    }
}

static void
add_grid_line (Ctx    *ctx,
               double  x,
               double  top,
               double  bottom,
               gboolean strong)
{
  KaravanFigure *fig = ctx->fig;
  Shape *line = _karavan_figure_shape (fig, SHAPE_LINE);

  line->color = strong ? fig->pal->axis : fig->pal->grid;
  line->alpha = strong ? 0.35 : 0;
  line->x = line->x2 = x;
  line->y = top;
  line->y2 = bottom;
  line->width = fig->fs * 0.08;
  line->under = TRUE;
}

/* Places a tick label centred on @cx, if it stays in the axis and clear
 * of its neighbours (as Sysprof's ruler does, one that would overlap is
 * skipped). */
static void
add_tick_label (Ctx        *ctx,
                const char *text,
                double      cx,
                double      y,
                double      lo,
                double      hi)
{
  KaravanFigure *fig = ctx->fig;
  Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.85, FALSE, -1, &fig->pal->muted);
  double x = cx - label->w / 2, gap = fig->fs * 0.4;
  gboolean collides;

  /* Neighbours in a row keep a gap; the rows of months and years touch. */
  label->w += 2 * gap;
  collides = _karavan_figure_collides (fig, label, x - gap, y, 0);
  label->w -= 2 * gap;
  if (x < lo || x + label->w > hi || collides)
    {
      g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
      return;
    }
  _karavan_figure_place (fig, label, x, y);
}

/* The finest step, in months, whose labels have room. */
static int
axis_step (Ctx    *ctx,
           double *month_w,
           double *label_h)
{
  KaravanFigure *fig = ctx->fig;
  KaravanLang lang = fig->opts.lang;
  double per_year = ctx->pw / (ctx->t_to - ctx->t_from);
  g_autofree char *sample = g_strdup_printf ("%d", (int) floor (MAX (fabs (ctx->t_to), fabs (ctx->t_from))) + 1);
  double year_w = measure (fig, sample, 0.85, label_h);

  *month_w = 0;
  for (int m = 1; m <= 12; m++)
    *month_w = MAX (*month_w, measure (fig, month_short (m, lang), 0.85, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (month_steps); i++)
    if (per_year * month_steps[i] / 12.0 >= *month_w + fig->fs * 1.2)
      return month_steps[i];
  for (guint i = 0; i < G_N_ELEMENTS (year_steps); i++)
    if (per_year * year_steps[i] >= year_w + fig->fs * 1.5)
      return year_steps[i] * 12;
  return year_steps[G_N_ELEMENTS (year_steps) - 1] * 12;
}

static void
layout_axis (Ctx    *ctx,
             int     step,
             double  lanes_top,
             double  axis_y,
             double  tick_h)
{
  KaravanFigure *fig = ctx->fig;
  KaravanLang lang = fig->opts.lang;
  double lo = fig->body_x, hi = fig->body_x + fig->body_w;
  double month_w, label_h, y = axis_y + tick_h + fig->fs * 0.1;
  Shape *axis;

  axis_step (ctx, &month_w, &label_h);

  axis = _karavan_figure_shape (fig, SHAPE_LINE);
  axis->color = fig->pal->axis;
  axis->x = ctx->px;
  axis->x2 = ctx->px + ctx->pw;
  axis->y = axis->y2 = axis_y;
  axis->width = fig->fs * 0.1;

  {
    long first = (long) ceil (ctx->t_from * 12 / step - 1e-9) * step;
    long last = (long) floor (ctx->t_to * 12 / step + 1e-9) * step;

    /* Never more ticks than pixels, whatever the window. */
    if ((last - first) / step > 4000)
      last = first + 4000L * step;

    for (long m = first; m <= last; m += step)
      {
        double t = m / 12.0;
        double x = time_to_x (ctx, t);
        long month = m - (long) floor (m / 12.0) * 12;
        Shape *tick;

        add_grid_line (ctx, x, lanes_top, axis_y, step < 12 && month == 0);
        tick = _karavan_figure_shape (fig, SHAPE_LINE);
        tick->color = fig->pal->axis;
        tick->x = tick->x2 = x;
        tick->y = axis_y;
        tick->y2 = axis_y + tick_h;
        tick->width = fig->fs * 0.08;

        if (step > 12)
          {
            g_autofree char *text = g_strdup_printf ("%ld", (long) floor (t + 1e-9));

            add_tick_label (ctx, text, x, y, lo, hi);
          }
      }

    /* Years and months are labelled in the middle of their period, over
     * the part of it that is visible. */
    if (step <= 12)
      {
        long y0 = (long) floor (ctx->t_from), y1 = (long) ceil (ctx->t_to);
        double year_y = step < 12 ? y + label_h : y;

        if (step < 12)
          for (long m = (long) floor (ctx->t_from * 12 / step) * step;
               m < (long) ceil (ctx->t_to * 12) && m - first < 4000L * step; m += step)
            {
              double a = MAX (time_to_x (ctx, m / 12.0), ctx->px);
              double b = MIN (time_to_x (ctx, (m + step) / 12.0), ctx->px + ctx->pw);
              long month = m - (long) floor (m / 12.0) * 12;

              if (b - a >= month_w * 0.6)
                add_tick_label (ctx, month_short ((int) month + 1, lang), (a + b) / 2, y, a, b);
            }

        for (long yr = y0; yr < y1 && yr - y0 < 4000; yr++)
          {
            double a = MAX (time_to_x (ctx, yr), ctx->px);
            double b = MIN (time_to_x (ctx, yr + 1), ctx->px + ctx->pw);
            g_autofree char *text = g_strdup_printf ("%ld", yr);

            add_tick_label (ctx, text, (a + b) / 2, year_y, MAX (a - fig->fs, lo), MIN (b + fig->fs, hi));
          }
      }
  }
}

static gboolean
category_hidden (KaravanFigure *fig,
                 guint          index)
{
  return index < 64 && (fig->opts.hidden_categories >> index & 1);
}

static void
events_free (GArray *boxes)
{
  g_array_unref (boxes);
}

static GArray *
figure_events (KaravanFigure *fig)
{
  return g_object_get_data (G_OBJECT (fig->pango), EVENTS_KEY);
}

static void
place_message (KaravanFigure *fig,
               const char    *text,
               double         x,
               double         y,
               double         w,
               double         h)
{
  Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text, 1.0, FALSE, w, &fig->pal->muted);

  pango_layout_set_alignment (label->layout, PANGO_ALIGN_CENTER);
  _karavan_figure_place (fig, label, x, y + MAX (0, (h - label->h) / 2));
}

void
_karavan_timeline_layout (KaravanFigure *fig)
{
  KaravanTimeline *timeline = fig->view->timeline;
  KaravanLang lang = fig->opts.lang;
  const KaravanPalette *pal = fig->pal;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(GArray) boxes = g_array_new (FALSE, TRUE, sizeof (KaravanEventBox));
  g_autofree int *lane_of = g_new0 (int, timeline->categories->len + 1);
  g_autofree int *rows = NULL;
  g_autofree int *caps = NULL;
  g_autofree double *lane_y = NULL;
  g_autofree double *lane_h = NULL;
  g_autofree double *lane_off = NULL;
  g_autofree KaravanRgb *colors = NULL;
  double fit_from, fit_to, header_w = 0, tick_label_h, axis_h, tick_h = fig->fs * 0.3;
  double row_h, lane_pad, lanes_top, lanes_h, total, y;
  double reveal_limit = G_MAXDOUBLE;
  int step;
  const char *search = fig->opts.search;
  gboolean searching = search != NULL && search[0] != '\0';
  guint n_matching_hidden = 0;
  Ctx ctx = { 0 };

  g_object_set_data_full (G_OBJECT (fig->pango), EVENTS_KEY, g_array_ref (boxes), (GDestroyNotify) events_free);

  ctx.fig = fig;
  ctx.items = items;
  ctx.r = fig->fs * 0.34;
  ctx.gap = fig->fs * 0.3;
  ctx.hgap = fig->fs * 0.9;

  karavan_timeline_get_extent (timeline, &fit_from, &fit_to);
  if (fig->opts.time_to > fig->opts.time_from && isfinite (fig->opts.time_from) && isfinite (fig->opts.time_to))
    {
      ctx.t_from = fig->opts.time_from;
      ctx.t_to = fig->opts.time_to;
    }
  else
    {
      ctx.t_from = fit_from;
      ctx.t_to = fit_to;
    }

  /* A lesson uncovers the timeline decade by decade. */
  {
    double first_decade = floor (fit_from / 10) * 10;

    fig->reveal_steps = (int) MAX (1, ceil ((fit_to - first_decade) / 10));
    if (fig->opts.reveal >= 0 && fig->opts.reveal_kind == KARAVAN_REVEAL_ERAS)
      reveal_limit = first_decade + 10.0 * MAX (fig->opts.reveal, 1);
  }

  /* Lanes: the categories shown, in the file's order. */
  colors = g_new0 (KaravanRgb, timeline->categories->len + 1);
  for (guint c = 0; c < timeline->categories->len; c++)
    {
      colors[c] = category_color (fig, timeline->categories->pdata[c], c);
      lane_of[c] = category_hidden (fig, c) ? -1 : (int) ctx.n_lanes++;
    }

  tick_label_h = 0;
  measure (fig, "0", 0.85, &tick_label_h);
  ctx.label_h = tick_label_h;

  if (ctx.n_lanes == 0)
    {
      place_message (fig, KC_("timeline", "Every category is hidden."), fig->body_x, fig->body_y, fig->body_w,
                     fig->body_h);
      return;
    }

  /* Lane names on the left. */
  for (guint c = 0; c < timeline->categories->len; c++)
    if (lane_of[c] >= 0)
      {
        KaravanEventCategory *category = timeline->categories->pdata[c];
        const char *name = karavan_text_get (&category->label, lang);

        header_w = MAX (header_w, measure (fig, name ? name : category->id, 0.9, NULL));
      }
  header_w = MIN (header_w, MAX (fig->body_w * 0.2, fig->fs * 7));

  ctx.px = fig->body_x + header_w + fig->fs * 1.2;
  ctx.pw = MAX (1, fig->body_x + fig->body_w - ctx.px);

  /* The events shown, and where on the axis. */
  for (guint i = 0; i < timeline->events->len; i++)
    {
      KaravanEvent *event = timeline->events->pdata[i];
      Item item = { 0 };
      guint c;
      double x0, x1;

      for (c = 0; c < timeline->categories->len && timeline->categories->pdata[c] != event->category; c++)
        ;
      if (c == timeline->categories->len || lane_of[c] < 0)
        continue;
      karavan_event_get_period (event, &item.t0, &item.t1);
      if (item.t0 >= reveal_limit)
        continue;
      if (searching && !karavan_event_matches (event, search, lang))
        {
          n_matching_hidden++;
          continue;
        }

      item.event = event;
      item.category = c;
      item.lane = (guint) lane_of[c];
      item.bar = event->is_range;
      item.selected = fig->opts.selected_event != NULL && g_strcmp0 (fig->opts.selected_event, event->id) == 0;
      x0 = time_to_x (&ctx, item.t0);
      x1 = time_to_x (&ctx, item.t1);

      if (item.bar)
        {
          if (item.t1 <= ctx.t_from || item.t0 >= ctx.t_to)
            continue;
        }
      else
        {
          double tm = (item.t0 + item.t1) / 2;

          /* Half-open, so that pages of a long timeline share no dot. */
          if (tm < ctx.t_from || tm >= ctx.t_to)
            continue;
          item.xm = time_to_x (&ctx, tm);
          /* Wide enough to see: the period the date names. */
          item.band = x1 - x0 >= fig->fs * 5;
        }
      item.x0 = CLAMP (x0, ctx.px, ctx.px + ctx.pw);
      item.x1 = CLAMP (x1, ctx.px, ctx.px + ctx.pw);

      item.text = karavan_text_get (&event->short_title, lang);
      if (item.text == NULL)
        item.text = karavan_text_get (&event->title, lang);
      if (item.text == NULL)
        item.text = event->id;
      item.natural_w = measure (fig, item.text, 0.85, NULL);
      g_array_append_val (items, item);
    }

  /* Vertical room: the lanes, then the axis below them. */
  {
    double month_w;

    step = axis_step (&ctx, &month_w, &tick_label_h);
    axis_h = tick_h + fig->fs * 0.1 + tick_label_h * (step < 12 ? 2 : 1) + fig->fs * 0.2;
  }
  row_h = tick_label_h + fig->fs * 0.4;
  lane_pad = fig->fs * 0.5;
  lanes_top = fig->body_y;
  lanes_h = MAX (0, fig->body_h - axis_h);

  /* The frame's text may leave no room at all: then draw nothing rather
   * than over it. */
  if (lanes_h < ctx.n_lanes * (ctx.r * 2 + 2))
    {
      g_array_set_size (items, 0);
      return;
    }
  rows = g_new0 (int, ctx.n_lanes);
  caps = g_new0 (int, ctx.n_lanes);
  lane_y = g_new0 (double, ctx.n_lanes);
  lane_h = g_new0 (double, ctx.n_lanes);
  lane_off = g_new0 (double, ctx.n_lanes);

  {
    static const double widths[] = { 18, 13, 10, 7.5, 5.5 };
    int room;
    int need = 0;

    assign_rows (&ctx, widths, G_N_ELEMENTS (widths), NULL, rows);
    for (guint l = 0; l < ctx.n_lanes; l++)
      need += MAX (rows[l], 1);

    /* Crowded: rows and lanes move closer together, down to a thin gap
     * between labels, before any label is shortened or left out. */
    if (need * row_h + ctx.n_lanes * lane_pad > lanes_h)
      {
        double tight_row = tick_label_h + fig->fs * 0.1;

        lane_pad = MAX (fig->fs * 0.25, MIN (lane_pad, (lanes_h - need * tight_row) / ctx.n_lanes));
        row_h = CLAMP ((lanes_h - ctx.n_lanes * lane_pad) / need, tight_row, row_h);
      }
    room = (int) floor ((lanes_h - ctx.n_lanes * lane_pad) / row_h + 1e-9);

    if (need > room && room >= (int) ctx.n_lanes)
      {
        /* Share the rows there are: each lane one, then one more to each
         * lane that wants it, in turn; labels that find no room in them
         * are shortened, then left out. */
        int left = room - (int) ctx.n_lanes;
        gboolean more = TRUE;

        for (guint l = 0; l < ctx.n_lanes; l++)
          caps[l] = 1;
        while (left > 0 && more)
          {
            more = FALSE;
            for (guint l = 0; l < ctx.n_lanes && left > 0; l++)
              if (rows[l] > caps[l])
                {
                  caps[l]++;
                  left--;
                  more = TRUE;
                }
          }
        /* Narrower labels all along may leave room for more of them:
         * keep the widest that labels the most events. */
        {
          guint best = 0, best_labelled = 0;

          /* Also with labels that leave later markers alone, so that
           * those need not take the place of a label. */
          for (guint k = 0; k < 2 * G_N_ELEMENTS (widths); k++)
            {
              guint w = k % G_N_ELEMENTS (widths), labelled = 0;

              ctx.spare_later = k >= G_N_ELEMENTS (widths);
              assign_rows (&ctx, widths + w, G_N_ELEMENTS (widths) - w, caps, rows);
              for (guint i = 0; i < items->len; i++)
                labelled += g_array_index (items, Item, i).labelled;
              if (k == 0 || labelled > best_labelled)
                {
                  best = k;
                  best_labelled = labelled;
                }
            }
          ctx.spare_later = best >= G_N_ELEMENTS (widths);
          best %= G_N_ELEMENTS (widths);
          assign_rows (&ctx, widths + best, G_N_ELEMENTS (widths) - best, caps, rows);
        }
      }
    else if (need > room)
      {
        /* Not even a row each: dots only, in lanes as high as fit. */
        for (guint i = 0; i < items->len; i++)
          {
            Item *item = &g_array_index (items, Item, i);

            item->row = 0;
            item->labelled = FALSE;
          }
        for (guint l = 0; l < ctx.n_lanes; l++)
          rows[l] = 1;
        lane_pad = MIN (lane_pad, lanes_h / ctx.n_lanes / 3);
        row_h = MAX (0, lanes_h / ctx.n_lanes - lane_pad);
      }
  }

  /* Lane heights: what the rows need, and a share of what is left. */
  total = 0;
  for (guint l = 0; l < ctx.n_lanes; l++)
    {
      lane_h[l] = MAX (rows[l], 1) * row_h + lane_pad;
      total += lane_h[l];
    }
  {
    /* Up to a few rows' worth each: more, and a lane of one event looks
     * empty; less, and a blank band opens between the axis and the
     * footer when few events are in sight. */
    double extra = MIN ((lanes_h - total) / ctx.n_lanes, row_h * 3);

    y = lanes_top;
    for (guint l = 0; l < ctx.n_lanes; l++)
      {
        if (extra > 0)
          lane_h[l] += extra;
        lane_y[l] = y;
        lane_off[l] = (lane_h[l] - MAX (rows[l], 1) * row_h) / 2;
        y += lane_h[l];
      }
  }

  fig->has_plot = TRUE;
  fig->px = ctx.px;
  fig->pw = ctx.pw;
  fig->py = lanes_top;
  fig->ph = y - lanes_top;
  fig->x_lo = ctx.t_from;
  fig->x_hi = ctx.t_to;
  fig->data_x_lo = fit_from;
  fig->data_x_hi = fit_to;

  /* Lane backgrounds, stripes and names. */
  for (guint c = 0; c < timeline->categories->len; c++)
    {
      KaravanEventCategory *category = timeline->categories->pdata[c];
      const char *name = karavan_text_get (&category->label, lang);
      int l = lane_of[c];
      Shape *shape;
      Label *label;

      if (l < 0)
        continue;

      if (l % 2 == 1)
        {
          shape = _karavan_figure_shape (fig, SHAPE_RECT);
          shape->color = pal->grid;
          shape->alpha = 0.45;
          shape->x = fig->body_x;
          shape->y = lane_y[l];
          shape->x2 = fig->body_x + fig->body_w - shape->x;
          shape->y2 = lane_h[l];
          shape->under = TRUE;
        }

      shape = _karavan_figure_shape (fig, SHAPE_RECT);
      shape->color = colors[c];
      shape->x = ctx.px - fig->fs * 0.7;
      shape->y = lane_y[l] + fig->fs * 0.15;
      shape->x2 = fig->fs * 0.3;
      shape->y2 = MAX (1, lane_h[l] - fig->fs * 0.3);
      shape->under = TRUE;

      /* Two lines when the lane is high enough, else one, shortened. */
      label = _karavan_figure_label (fig, KARAVAN_LABEL_LEGEND, name ? name : category->id, 0.9, FALSE,
                                     header_w + 0.5, &pal->text);
      if (label->h > lane_h[l] || pango_layout_get_line_count (label->layout) > 2)
        {
          g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
          label = event_label (fig, KARAVAN_LABEL_LEGEND, name ? name : category->id, 0.9, header_w, &pal->text);
        }
      if (label->h <= lane_h[l] + 0.01)
        _karavan_figure_place (fig, label, fig->body_x, lane_y[l] + (lane_h[l] - label->h) / 2);
      else
        g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
    }

  /* The axis, and the grid through the lanes. */
  layout_axis (&ctx, step, lanes_top, y, tick_h);

  /* The events: pale periods and bars under everything else. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      KaravanRgb color = colors[item->category];
      double row_top = lane_y[item->lane] + lane_off[item->lane] + item->row * row_h;
      double cy = row_top + row_h / 2;
      double bh = MIN (row_h, ctx.label_h + fig->fs * 0.2);
      KaravanEventBox box = { 0 };
      Shape *shape;

      box.event = item->event;
      box.category = item->category;
      box.time_from = item->t0;
      box.time_to = item->t1;
      box.is_range = item->bar;
      box.selected = item->selected;

      if (item->band || item->bar)
        {
          shape = _karavan_figure_shape (fig, SHAPE_RECT);
          shape->color = color;
          shape->alpha = item->bar ? 0.32 : 0.13;
          shape->x = item->x0;
          shape->y = cy - bh / 2;
          shape->x2 = MAX (item->x1 - item->x0, fig->fs * 0.1);
          shape->y2 = bh;
          shape->under = TRUE;
        }

      if (item->bar)
        {
          double ends[2] = { time_to_x (&ctx, item->t0), time_to_x (&ctx, item->t1) };
          double cap = MIN (fig->fs * 0.25, MAX (item->x1 - item->x0, 1) / 2);

          for (guint e = 0; e < 2; e++)
            if (ends[e] >= ctx.px - 0.01 && ends[e] <= ctx.px + ctx.pw + 0.01)
              {
                shape = _karavan_figure_shape (fig, SHAPE_RECT);
                shape->color = color;
                shape->x = e == 0 ? item->x0 : item->x1 - cap;
                shape->y = cy - bh / 2;
                shape->x2 = cap;
                shape->y2 = bh;
              }
          if (item->selected)
            {
              shape = _karavan_figure_shape (fig, SHAPE_RECT_OUTLINE);
              shape->color = pal->text;
              shape->x = item->x0 - fig->fs * 0.12;
              shape->y = cy - bh / 2 - fig->fs * 0.12;
              shape->x2 = item->x1 - item->x0 + fig->fs * 0.24;
              shape->y2 = bh + fig->fs * 0.24;
              shape->width = fig->fs * 0.18;
            }
          box.x = item->x0;
          box.y = cy - bh / 2;
          box.width = item->x1 - item->x0;
          box.height = bh;
        }
      else
        {
          if (item->selected)
            {
              shape = _karavan_figure_shape (fig, SHAPE_CIRCLE);
              shape->color = pal->text;
              shape->x = item->xm;
              shape->y = cy;
              shape->x2 = ctx.r * 2.0;
              shape = _karavan_figure_shape (fig, SHAPE_CIRCLE);
              shape->color = pal->background;
              shape->x = item->xm;
              shape->y = cy;
              shape->x2 = ctx.r * 1.45;
            }
          shape = _karavan_figure_shape (fig, SHAPE_CIRCLE);
          shape->color = color;
          shape->x = item->xm;
          shape->y = cy;
          shape->x2 = ctx.r;
          box.x = item->xm - ctx.r;
          box.y = cy - ctx.r;
          box.width = box.height = 2 * ctx.r;
        }

      if (item->labelled)
        {
          Label *label = event_label (fig, KARAVAN_LABEL_EVENT, item->text, 0.85, item->lw, &pal->text);

          /* Laid out at the width that was measured; a rounding step
           * wider would touch a neighbour. */
          if (label->w > item->lw + 0.01)
            {
              pango_layout_set_width (label->layout, (int) (item->lw * PANGO_SCALE));
              pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
              label->w = item->lw;
            }
          _karavan_figure_place (fig, label, item->lx - label->ox, cy - label->h / 2);
          box.has_label = TRUE;
          box.label_x = label->x + label->ox;
          box.label_y = label->y;
          box.label_width = label->w;
          box.label_height = label->h;

          if (item->selected)
            {
              shape = _karavan_figure_shape (fig, SHAPE_RECT);
              shape->color = color;
              shape->alpha = 0.22;
              shape->x = box.label_x - fig->fs * 0.15;
              shape->y = box.label_y;
              shape->x2 = box.label_width + fig->fs * 0.3;
              shape->y2 = box.label_height;
              shape->under = TRUE;
            }
        }

      g_array_append_val (boxes, box);
    }

  if (items->len == 0)
    {
      g_autofree char *text = NULL;

      if (searching && n_matching_hidden > 0)
        text = g_strdup_printf (KC_("timeline", "No event matches “%s”."), search);
      else
        text = g_strdup (KC_("timeline", "No event in this period."));
      place_message (fig, text, ctx.px, fig->py, ctx.pw, fig->ph);
    }
}

/* ---------------------------------------------------------------------- */
/* Events on charts                                                       */

/* A chart's event marker, a vertical line at @sx, for hit tests: the
 * labels from @first_label on are the ones its marker added. */
void
_karavan_figure_add_event_marker (KaravanFigure      *fig,
                                  const KaravanEvent *event,
                                  double              sx,
                                  guint               first_label)
{
  KaravanTimeline *timeline = fig->view->chart->events_timeline;
  GArray *boxes = figure_events (fig);
  KaravanEventBox box = { 0 };
  double half = fig->fs * 0.25;

  if (timeline == NULL || !fig->has_plot || sx < fig->px - 0.5 || sx > fig->px + fig->pw + 0.5)
    return;

  if (boxes == NULL)
    {
      boxes = g_array_new (FALSE, TRUE, sizeof (KaravanEventBox));
      g_object_set_data_full (G_OBJECT (fig->pango), EVENTS_KEY, boxes, (GDestroyNotify) events_free);
    }

  box.event = event;
  for (box.category = 0; box.category < timeline->categories->len &&
                         timeline->categories->pdata[box.category] != event->category; box.category++)
    ;
  karavan_event_get_period (event, &box.time_from, &box.time_to);
  box.is_range = event->is_range;
  box.selected = g_strcmp0 (fig->opts.selected_event, event->id) == 0;
  /* The dashed line, a little wider than drawn so that it can be hit. */
  box.x = sx - half;
  box.y = fig->py;
  box.width = 2 * half;
  box.height = fig->ph;

  for (guint i = first_label; i < fig->labels->len; i++)
    {
      Label *label = fig->labels->pdata[i];

      if (label->placed && label->kind == KARAVAN_LABEL_ANNOTATION)
        {
          box.has_label = TRUE;
          box.label_x = label->x + label->ox;
          box.label_y = label->y;
          box.label_width = label->w;
          box.label_height = label->h;
          break;
        }
    }

  g_array_append_val (boxes, box);
}

/* ---------------------------------------------------------------------- */
/* Public API for timelines                                               */

/**
 * karavan_figure_get_events:
 *
 * Where each event shown was drawn, in the timeline's order. Events
 * outside the window, hidden or not matching the search are not listed.
 * On a time chart, the event markers it shows: the marker is the
 * vertical line across the plot. The array belongs to the figure. Empty
 * for other views.
 */
const KaravanEventBox *
karavan_figure_get_events (KaravanFigure *fig,
                           guint         *n_events)
{
  GArray *boxes;

  g_return_val_if_fail (fig != NULL, NULL);
  g_return_val_if_fail (n_events != NULL, NULL);

  boxes = figure_events (fig);
  *n_events = boxes != NULL ? boxes->len : 0;
  return boxes != NULL ? (const KaravanEventBox *) (gpointer) boxes->data : NULL;
}

/**
 * karavan_figure_hit_event:
 *
 * The event drawn at (@x, @y): its marker or bar, or its label. A point
 * near a marker counts too, so a small dot is easy to hit. %NULL when
 * there is none.
 */
const KaravanEventBox *
karavan_figure_hit_event (KaravanFigure *fig,
                          double         x,
                          double         y)
{
  GArray *boxes;
  const KaravanEventBox *best = NULL;
  double best_d = G_MAXDOUBLE;
  double slop;

  g_return_val_if_fail (fig != NULL, NULL);

  boxes = figure_events (fig);
  if (boxes == NULL)
    return NULL;
  slop = fig->fs * 0.4;

  for (guint i = 0; i < boxes->len; i++)
    {
      const KaravanEventBox *box = &g_array_index (boxes, KaravanEventBox, i);
      double dx, dy, d;

      if (box->has_label && x >= box->label_x && x < box->label_x + box->label_width &&
          y >= box->label_y && y < box->label_y + box->label_height)
        return box;

      dx = MAX (0, MAX (box->x - x, x - (box->x + box->width)));
      dy = MAX (0, MAX (box->y - y, y - (box->y + box->height)));
      d = hypot (dx, dy);
      if (d <= slop && d < best_d)
        {
          best = box;
          best_d = d;
        }
    }

  return best;
}

/**
 * karavan_figure_get_time_window:
 *
 * The time a timeline figure shows across its plot area (see
 * karavan_figure_get_plot_area()), in fractional years.
 */
gboolean
karavan_figure_get_time_window (KaravanFigure *fig,
                                double        *time_from,
                                double        *time_to)
{
  g_return_val_if_fail (fig != NULL, FALSE);

  if (fig->view->kind != KARAVAN_VIEW_TIMELINE || !fig->has_plot)
    return FALSE;
  *time_from = fig->x_lo;
  *time_to = fig->x_hi;
  return TRUE;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint
count_unlabelled (KaravanFigure *fig)
{
  guint n, missing = 0;
  const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);

  for (guint i = 0; i < n; i++)
    missing += !boxes[i].has_label;
  return missing;
}

static void
page_window (double  from,
             double  to,
             guint   n_pages,
             guint   page,
             double *page_from,
             double *page_to)
{
  double span = to - from;
  /* Whole years per page when there are years enough. */
  double per_page = span >= n_pages ? ceil (span / n_pages) : span / n_pages;

  *page_from = from + per_page * page;
  *page_to = *page_from + per_page;
}

/**
 * karavan_timeline_to_pdf_pages:
 * @n_pages: how many pages, or 0 for as few as give every event its label
 *   (at most 40)
 *
 * A long timeline as a PDF of @n_pages pages of @page_width × @page_height
 * points, each showing the next stretch of time at the same scale. The
 * window of @options (or the whole timeline) is cut into whole years.
 */
GBytes *
karavan_timeline_to_pdf_pages (const KaravanView          *view,
                               const KaravanRenderOptions *options,
                               double                      page_width,
                               double                      page_height,
                               guint                       n_pages,
                               GError                    **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  KaravanRenderOptions opts = *options;
  double from, to;
  cairo_surface_t *surface;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;

  g_return_val_if_fail (view != NULL && view->kind == KARAVAN_VIEW_TIMELINE, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(page_width >= 1 && page_height >= 1 && page_width <= 20000 && page_height <= 20000) || n_pages > 1000)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_UNSUPPORTED,
                   "%u pages of %g × %g are out of range", n_pages, page_width, page_height);
      return NULL;
    }

  if (options->time_to > options->time_from)
    {
      from = options->time_from;
      to = options->time_to;
    }
  else
    karavan_timeline_get_extent (view->timeline, &from, &to);

  if (n_pages == 0)
    {
      for (n_pages = 1; n_pages < 40; n_pages++)
        {
          guint missing = 0;

          for (guint p = 0; p < n_pages && missing == 0; p++)
            {
              g_autoptr(KaravanFigure) fig = NULL;

              page_window (from, to, n_pages, p, &opts.time_from, &opts.time_to);
              fig = karavan_figure_new (view, &opts, page_width, page_height);
              missing += count_unlabelled (fig);
            }
          if (missing == 0)
            break;
        }
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_array, buffer, page_width, page_height);
  {
    const char *title = karavan_text_get (&view->title, options->lang);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : view->id);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Karavan " PACKAGE_VERSION);
  }

  for (guint p = 0; p < n_pages && status == CAIRO_STATUS_SUCCESS; p++)
    {
      g_autoptr(KaravanFigure) fig = NULL;
      g_autofree char *page_label = NULL;
      cairo_t *cr;

      page_window (from, to, n_pages, p, &opts.time_from, &opts.time_to);
      fig = karavan_figure_new (view, &opts, page_width, page_height);
      page_label = g_strdup_printf ("%d–%d", (int) floor (opts.time_from), (int) ceil (opts.time_to) - 1);
      cairo_pdf_surface_set_page_label (surface, page_label);

      cr = cairo_create (surface);
      karavan_figure_draw (fig, cr);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "drawing failed: %s", cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* ---------------------------------------------------------------------- */
/* Lessons                                                                */

void
_karavan_lesson_layout (KaravanFigure *fig)
{
  KaravanLesson *lesson = fig->view->lesson;
  KaravanLang lang = fig->opts.lang;
  double y = fig->body_y;

  for (guint i = 0; i < lesson->steps->len; i++)
    {
      KaravanStep *step = lesson->steps->pdata[i];
      const char *title = karavan_text_get (&step->title, lang);
      g_autofree char *text = NULL;
      Label *label;

      if (title == NULL && step->view != NULL)
        title = karavan_text_get (&step->view->title, lang);
      text = g_strdup_printf ("%u. %s", i + 1, title ? title : "");
      label = _karavan_figure_label (fig, KARAVAN_LABEL_CELL, text, 1.1, FALSE, fig->body_w, &fig->pal->text);
      if (y + label->h > fig->body_y + fig->body_h)
        break;
      _karavan_figure_place (fig, label, fig->body_x, y);
      y += label->h + fig->fs * 0.5;
    }
}
