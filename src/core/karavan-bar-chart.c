/* karavan-bar-chart.c: vertical and horizontal bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bars stand on a zero baseline along a category axis: the x values of
 * the chart (years with no data keep their place, so time is not
 * squeezed), the categories of a category series, or, for a "bar" chart
 * with an x, the series themselves. A missing value is never drawn as
 * zero: its place stays empty and says "no data". Estimates and partial
 * periods are hatched; lower bounds (">50 %") get an arrow past the end.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "karavan-catalog.h"
#include "karavan-chart-private.h"
#include "karavan-format.h"

#define map_y _karavan_chart_map_y

typedef struct {
  guint                index;   /* in the chart's series */
  const KaravanSeries *series;
  const KaravanPoint  *point;   /* NULL: the series has no point here */
} Slot;

typedef struct {
  char   *label;
  GArray *slots;                /* Slot, in the chart's order */
} Category;

typedef enum {
  CAT_LABELS_NONE,
  CAT_LABELS_FLAT,
  CAT_LABELS_ROTATED,
} CatLabels;

typedef struct {
  GArray    *categories;        /* Category */
  gboolean   by_series;         /* "bar" with an x: one category per series */
  CatLabels  mode;
  guint      every;             /* label every n-th category */
  guint      first_label;       /* index of the first category label */
  double     label_h;
} Bars;

static void
category_clear (Category *cat)
{
  g_free (cat->label);
  g_array_unref (cat->slots);
}

static gboolean
slot_present (const Slot *slot)
{
  return slot->point != NULL && !(slot->point->flags & KARAVAN_POINT_MISSING);
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* A category series' point for a category id, or NULL. */
static const KaravanPoint *
find_category_point (const KaravanSeries *series,
                     const char          *id)
{
  for (guint i = 0; series->categories != NULL && i < series->categories->len; i++)
    if (g_strcmp0 (((KaravanCategory *) series->categories->pdata[i])->id, id) == 0)
      return karavan_series_find_point (series, i);
  return NULL;
}

static Category *
add_category (GArray     *categories,
              char       *label)
{
  Category cat = { label, g_array_new (FALSE, FALSE, sizeof (Slot)) };

  g_array_append_val (categories, cat);
  return &g_array_index (categories, Category, categories->len - 1);
}

static void
add_slot (Category            *cat,
          guint                index,
          const KaravanSeries *series,
          const KaravanPoint  *point)
{
  Slot slot = { index, series, point };

  g_array_append_val (cat->slots, slot);
}

/* The x values of every series, hidden or not (hiding must not move the
 * axis), with the years or months between them that have no data. */
static GArray *
category_xs (KaravanChart *chart)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  guint distinct = 0;

  for (guint i = 0; i < chart->series->len; i++)
    {
      KaravanSeries *s = chart->series->pdata[i];

      for (guint j = 0; j < s->points->len; j++)
        g_array_append_val (xs, g_array_index (s->points, KaravanPoint, j).x);
    }
  g_array_sort (xs, compare_doubles);
  for (guint i = 0; i < xs->len; i++)
    if (distinct == 0 || g_array_index (xs, double, i) != g_array_index (xs, double, distinct - 1))
      g_array_index (xs, double, distinct++) = g_array_index (xs, double, i);
  g_array_set_size (xs, distinct);

  if ((chart->x_type == KARAVAN_X_YEAR || chart->x_type == KARAVAN_X_MONTH) && distinct > 1)
    {
      double lo = g_array_index (xs, double, 0), hi = g_array_index (xs, double, distinct - 1);
      double span = hi - lo + 1;

      /* Keep empty years in their place unless they would swamp the data. */
      if (span <= MAX (2.0 * distinct, distinct + 6.0) && span <= 60 &&
          lo == floor (lo) && hi == floor (hi))
        {
          g_array_set_size (xs, 0);
          for (double x = lo; x <= hi; x++)
            g_array_append_val (xs, x);
        }
    }

  return xs;
}

static void
build_categories (KaravanFigure *fig,
                  Bars          *bars)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  const KaravanSeries *first = chart->series->pdata[0];

  bars->categories = g_array_new (FALSE, FALSE, sizeof (Category));
  g_array_set_clear_func (bars->categories, (GDestroyNotify) category_clear);

  bars->by_series = chart->type == KARAVAN_CHART_BAR && chart->has_x;
  if (bars->by_series)
    {
      for (guint i = 0; i < chart->series->len; i++)
        {
          KaravanSeries *s = chart->series->pdata[i];
          const char *title = karavan_text_get (&s->title, lang);
          Category *cat;

          if (_karavan_series_hidden (fig, i))
            continue;
          cat = add_category (bars->categories, g_strdup (title ? title : s->id));
          add_slot (cat, i, s, karavan_series_find_point (s, chart->x));
        }
      return;
    }

  if (chart->x_type == KARAVAN_X_CATEGORY)
    {
      for (guint c = 0; first->categories != NULL && c < first->categories->len; c++)
        {
          KaravanCategory *category = first->categories->pdata[c];
          const char *label = karavan_text_get (&category->label, lang);
          Category *cat = add_category (bars->categories, g_strdup (label ? label : category->id));

          for (guint i = 0; i < chart->series->len; i++)
            if (!_karavan_series_hidden (fig, i))
              add_slot (cat, i, chart->series->pdata[i],
                        find_category_point (chart->series->pdata[i], category->id));
        }
      return;
    }

  {
    g_autoptr(GArray) xs = category_xs (chart);

    for (guint k = 0; k < xs->len; k++)
      {
        double x = g_array_index (xs, double, k);
        Category *cat = add_category (bars->categories, karavan_format_x_short (x, chart->x_type, first, lang));

        for (guint i = 0; i < chart->series->len; i++)
          if (!_karavan_series_hidden (fig, i))
            add_slot (cat, i, chart->series->pdata[i], karavan_series_find_point (chart->series->pdata[i], x));
      }
  }
}

/* Reveal: by points, categories one after another; by series, the
 * series (for a chart by series, that is the same). */
static gboolean
reveal_shows (KaravanFigure *fig,
              guint          category,
              guint          series_index)
{
  int n = MAX (fig->opts.reveal, 1);
  guint position = 0;

  if (fig->opts.reveal < 0)
    return TRUE;
  if (fig->opts.reveal_kind != KARAVAN_REVEAL_SERIES)
    return category < (guint) n;
  for (guint i = 0; i < series_index; i++)
    if (!_karavan_series_hidden (fig, i))
      position++;
  return position < (guint) n;
}

static gboolean
category_shown (KaravanFigure *fig,
                guint          category)
{
  return fig->opts.reveal < 0 || fig->opts.reveal_kind == KARAVAN_REVEAL_SERIES ||
         category < (guint) MAX (fig->opts.reveal, 1);
}

static int
reveal_steps (KaravanFigure *fig,
              Bars          *bars)
{
  if (fig->opts.reveal_kind == KARAVAN_REVEAL_SERIES)
    return fig->view->chart->series->len;
  return bars->categories->len;
}

/* A share of 100 % only when every part is known and none is negative. */
static gboolean
category_total (const Category *cat,
                double         *total,
                gboolean       *approx)
{
  *total = 0;
  *approx = FALSE;
  for (guint s = 0; s < cat->slots->len; s++)
    {
      const Slot *slot = &g_array_index (cat->slots, Slot, s);

      if (!slot_present (slot) || slot->point->y < 0)
        return FALSE;
      *total += slot->point->y;
      *approx |= slot->point->relation != KARAVAN_RELATION_EQ;
    }
  return *total > 0;
}

static void
value_extent (KaravanFigure *fig,
              Bars          *bars,
              double        *lo,
              double        *hi)
{
  KaravanChartType type = fig->view->chart->type;

  *lo = NAN;
  *hi = NAN;
  if (type == KARAVAN_CHART_PERCENT_BAR)
    {
      *lo = 0;
      *hi = 100;
      return;
    }

  for (guint c = 0; c < bars->categories->len; c++)
    {
      Category *cat = &g_array_index (bars->categories, Category, c);
      double pos = 0, neg = 0;

      for (guint s = 0; s < cat->slots->len; s++)
        {
          const Slot *slot = &g_array_index (cat->slots, Slot, s);
          double v;

          if (!slot_present (slot))
            continue;
          v = slot->point->y;
          if (type == KARAVAN_CHART_STACKED_BAR)
            {
              if (v >= 0)
                pos += v;
              else
                neg += v;
              v = v >= 0 ? pos : neg;
            }
          if (!(v >= *lo)) *lo = v;
          if (!(v <= *hi)) *hi = v;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Labels                                                                 */

static gboolean
boxes_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* Is the box free of every placed label, and inside the figure? */
static gboolean
box_free (KaravanFigure *fig,
          double         x,
          double         y,
          double         w,
          double         h,
          double         gap)
{
  if (x < 0 || y < 0 || x + w > fig->width + 0.01 || y + h > fig->height + 0.01)
    return FALSE;
  for (guint i = 0; i < fig->labels->len; i++)
    {
      Label *other = _karavan_label_at (fig, i);

      if (!other->placed)
        continue;
      if (other->rotated ? boxes_overlap (x - gap, y - gap, w + 2 * gap, h + 2 * gap,
                                          other->x, other->y - other->w, other->h, other->w)
                         : boxes_overlap (x - gap, y - gap, w + 2 * gap, h + 2 * gap,
                                          other->x + other->ox, other->y, other->w, other->h))
        return FALSE;
    }
  return TRUE;
}

/* A rotated label reading upwards whose box is (@x, @top) with the
 * label's height as width: placed when free. */
static gboolean
place_rotated (KaravanFigure *fig,
               guint          index,
               double         x,
               double         top)
{
  Label *label = _karavan_label_at (fig, index);

  label->rotated = TRUE;
  if (!box_free (fig, x, top, label->h, label->w, fig->fs * 0.05))
    return FALSE;
  label->x = x;
  label->y = top + label->w;
  label->placed = TRUE;
  return TRUE;
}

/* Centres every line of a wrapped label and measures it again. */
static void
label_center (Label *label)
{
  PangoRectangle logical;

  pango_layout_set_alignment (label->layout, PANGO_ALIGN_CENTER);
  pango_layout_get_extents (label->layout, NULL, &logical);
  label->w = (double) logical.width / PANGO_SCALE;
  label->h = (double) logical.height / PANGO_SCALE;
  label->ox = (double) logical.x / PANGO_SCALE;
}

/* The widest word of @text, unwrapped: a label is only wrapped where
 * every word fits, never inside a word. */
static double
widest_word (KaravanFigure *fig,
             const char    *text,
             double         scale)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      Label *probe;

      if (words[i][0] == '\0')
        continue;
      probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, words[i], scale, FALSE, -1, &fig->pal->muted);
      widest = MAX (widest, probe->w);
      g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
    }
  return widest;
}

static int
label_lines (Label *label)
{
  return pango_layout_get_line_count (label->layout);
}

/* Chooses how category labels fit under their bars: wrapped flat, then
 * rotated, then every n-th one; creates them and returns their height. */
static double
categories_measure (KaravanFigure *fig,
                    gpointer       data)
{
  Bars *bars = data;
  guint n = bars->categories->len;
  double pitch = fig->pw / MAX (n, 1);
  double flat_w = pitch - fig->fs * 0.5;
  double rot_len = MIN (fig->fs * 14, fig->body_h * 0.3);
  gboolean flat = TRUE, rotated = TRUE;

  bars->mode = CAT_LABELS_NONE;
  bars->every = 1;
  bars->label_h = 0;
  if (n == 0)
    return fig->fs;

  for (guint c = 0; c < n && (flat || rotated); c++)
    {
      const char *text = g_array_index (bars->categories, Category, c).label;
      double word = widest_word (fig, text, 0.9);
      Label *probe;

      probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, MAX (flat_w, 1), &fig->pal->muted);
      flat &= word <= flat_w && label_lines (probe) <= 3;
      g_ptr_array_set_size (fig->labels, fig->labels->len - 1);

      probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, rot_len, &fig->pal->muted);
      rotated &= word <= rot_len && label_lines (probe) <= 2 && probe->h <= pitch - fig->fs * 0.2;
      g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
    }

  if (flat)
    bars->mode = CAT_LABELS_FLAT;
  else if (rotated)
    bars->mode = CAT_LABELS_ROTATED;
  else
    {
      static const guint steps[] = { 2, 5, 10, 20, 50, 100, 200, 500 };

      /* Every n-th label, unwrapped, as on a time axis. */
      for (guint k = 0; k < G_N_ELEMENTS (steps) && bars->mode == CAT_LABELS_NONE; k++)
        {
          gboolean fits = TRUE;

          for (guint c = 0; c < n && fits; c += steps[k])
            {
              Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK,
                                                    g_array_index (bars->categories, Category, c).label,
                                                    0.9, FALSE, -1, &fig->pal->muted);

              fits = probe->w <= steps[k] * pitch - fig->fs * 0.5;
              g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
            }
          if (fits)
            {
              bars->mode = CAT_LABELS_FLAT;
              bars->every = steps[k];
            }
        }
      if (bars->mode == CAT_LABELS_NONE)
        return fig->fs;
    }

  bars->first_label = fig->labels->len;
  for (guint c = 0; c < n; c += bars->every)
    {
      const char *text = g_array_index (bars->categories, Category, c).label;
      Label *label;

      if (bars->mode == CAT_LABELS_ROTATED)
        label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, rot_len, &fig->pal->muted);
      else if (bars->every == 1)
        {
          label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, MAX (flat_w, 1), &fig->pal->muted);
          label_center (label);
        }
      else
        label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &fig->pal->muted);
      bars->label_h = MAX (bars->label_h, bars->mode == CAT_LABELS_ROTATED ? label->w : label->h);
    }

  return bars->label_h;
}

static void
categories_place (KaravanFigure *fig,
                  gpointer       data)
{
  Bars *bars = data;
  guint n = bars->categories->len;
  double pitch = fig->pw / MAX (n, 1);
  double top = fig->py + fig->ph + fig->fs * 0.4;
  guint index = bars->first_label;

  if (bars->mode == CAT_LABELS_NONE)
    return;

  for (guint c = 0; c < n; c += bars->every, index++)
    {
      Label *label = _karavan_label_at (fig, index);
      double centre = fig->px + pitch * (c + 0.5);

      if (bars->mode == CAT_LABELS_ROTATED)
        {
          /* Read upwards, ending under the bar. */
          label->rotated = TRUE;
          _karavan_figure_place (fig, label, centre - label->h / 2, top + label->w);
        }
      else
        {
          /* Inside the plot's width; skipped if that crowds a neighbour. */
          double xy[] = { CLAMP (centre - label->w / 2, fig->px, MAX (fig->px, fig->px + fig->pw - label->w)) - label->ox, top };

          _karavan_figure_place_free (fig, label, xy, 1, fig->fs * 0.1);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Bars                                                                   */

static PlotItem *
series_item (KaravanFigure       *fig,
             GPtrArray           *items,
             const KaravanSeries *series,
             guint                index,
             gboolean             horizontal)
{
  PlotItem *item;

  if (items->pdata[index] != NULL)
    return items->pdata[index];
  item = _karavan_chart_new_item (fig, ITEM_BARS, series, index);
  item->horizontal = horizontal;
  items->pdata[index] = item;
  return item;
}

/* Adds one bar (or segment) of @item from @v0 to @v1 on the value axis,
 * across @a to @a + @thickness on the other. */
static Bar *
add_bar (KaravanFigure      *fig,
         PlotItem           *item,
         const KaravanPoint *point,
         guint               style,
         double              a,
         double              thickness,
         double              p0,
         double              p1)
{
  Bar bar = { 0 };

  bar.series = item->series;
  bar.point = point;
  bar.style = style;
  bar.flagged = _karavan_point_flagged (point);
  bar.open_end = point->relation == KARAVAN_RELATION_GT || point->relation == KARAVAN_RELATION_GE;
  if (item->horizontal)
    {
      bar.x = MIN (p0, p1);
      bar.w = fabs (p1 - p0);
      bar.y = a;
      bar.h = thickness;
      bar.hit_x = p1;
      bar.hit_y = a + thickness / 2;
    }
  else
    {
      bar.x = a;
      bar.w = thickness;
      bar.y = MIN (p0, p1);
      bar.h = fabs (p1 - p0);
      bar.hit_x = a + thickness / 2;
      bar.hit_y = p1;
    }
  g_array_append_val (item->bars, bar);
  return &g_array_index (item->bars, Bar, item->bars->len - 1);
}

/* Text on a fill: white or black, whichever reads better; on patterns,
 * the label keeps its halo of background. */
static guint
inside_label (KaravanFigure *fig,
              const char    *text,
              guint          style)
{
  guint i = style % KARAVAN_PALETTE_N_SERIES;
  const KaravanRgb *fill = &fig->pal->fills[i];
  KaravanRgb white = { 1, 1, 1 }, black = { 0, 0, 0 };
  gboolean patterned = fig->pal->patterns[i] != KARAVAN_PATTERN_NONE;
  const KaravanRgb *color = patterned ? &fig->pal->text
                          : karavan_rgb_contrast (&white, fill) >= karavan_rgb_contrast (&black, fill) ? &white : &black;

  _karavan_figure_label (fig, patterned ? KARAVAN_LABEL_VALUE : KARAVAN_LABEL_VALUE_INSIDE,
                         text, 0.8, TRUE, -1, color);
  return fig->labels->len - 1;
}

/* "No data" where a value is missing: flat if it fits the width, else
 * reading upwards, else not at all. */
static void
no_data_label (KaravanFigure *fig,
               const char    *text,
               double         centre,
               double         width)
{
  Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text, 0.75, FALSE, -1, &fig->pal->muted);
  double base = map_y (fig, 0);

  if (label->w <= width - fig->fs * 0.2)
    {
      double xy[] = { centre - label->w / 2, base - label->h - fig->fs * 0.3 };

      _karavan_figure_place_free (fig, label, xy, 1, fig->fs * 0.05);
    }
  else if (label->h <= width && label->w <= fig->ph - fig->fs * 0.6)
    place_rotated (fig, fig->labels->len - 1, centre - label->h / 2, base - fig->fs * 0.3 - label->w);
}

typedef struct {
  Bar   bar;       /* a copy: the item's array may grow */
  char *text;
} ValueLabel;

static void
value_label_clear (ValueLabel *v)
{
  g_free (v->text);
}

/* Values above (or below, for negative ones) their bars: all flat when
 * every one fits its bar's room, else all reading upwards, else none. */
static void
place_value_labels (KaravanFigure *fig,
                    GArray        *values,
                    double         room)
{
  static const double scales[] = { 0.85, 0.75, 0.8 };
  gboolean flat = FALSE, rotated = FALSE;
  double scale = 0.85;

  if (values->len == 0)
    return;

  /* Flat at full size, flat a little smaller, then reading upwards. */
  for (guint k = 0; k < G_N_ELEMENTS (scales) && !flat && !rotated; k++)
    {
      gboolean fits = TRUE;

      scale = scales[k];
      for (guint i = 0; i < values->len && fits; i++)
        {
          ValueLabel *v = &g_array_index (values, ValueLabel, i);
          Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_VALUE, v->text, scale, TRUE, -1, &fig->pal->text);

          fits = k < 2 ? probe->w <= room : probe->h <= room;
          g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
        }
      flat = fits && k < 2;
      rotated = fits && k == 2;
    }
  if (!flat && !rotated)
    return;

  for (guint i = 0; i < values->len; i++)
    {
      ValueLabel *v = &g_array_index (values, ValueLabel, i);
      gboolean up = v->bar.hit_y <= map_y (fig, 0) + 0.01;
      double centre = v->bar.x + v->bar.w / 2;
      double arrow = v->bar.open_end ? fig->fs * 0.55 : 0;
      double gap = fig->fs * 0.2 + arrow;
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_VALUE, v->text, scale, TRUE, -1, &fig->pal->text);

      if (flat)
        {
          double xy[] = { centre - label->w / 2, up ? v->bar.y - gap - label->h : v->bar.y + v->bar.h + gap };

          _karavan_figure_place_free (fig, label, xy, 1, fig->fs * 0.05);
        }
      else
        place_rotated (fig, fig->labels->len - 1, centre - label->h / 2,
                       up ? v->bar.y - gap - label->w : v->bar.y + v->bar.h + gap);
    }
}

void
_karavan_bar_layout (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  KaravanChartType type = chart->type;
  gboolean stacked = type == KARAVAN_CHART_STACKED_BAR || type == KARAVAN_CHART_PERCENT_BAR;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (ValueLabel));
  KaravanXAxis axis = { categories_measure, categories_place, NULL };
  Bars bars = { 0 };
  double top = fig->body_y, lo, hi, pitch, room = G_MAXDOUBLE;
  guint n, max_slots = 1;

  build_categories (fig, &bars);
  axis.data = &bars;
  n = bars.categories->len;
  g_array_set_clear_func (values, (GDestroyNotify) value_label_clear);
  fig->reveal_steps = reveal_steps (fig, &bars);
  fig->x_limit = G_MAXDOUBLE;

  for (guint i = 0; i < chart->series->len; i++)
    if (!_karavan_series_hidden (fig, i))
      g_ptr_array_add (all, chart->series->pdata[i]);

  top = _karavan_chart_legend (fig, top, KEY_BOXES, !bars.by_series && chart->series->len > 1,
                               _karavan_chart_any_flagged (all));
  value_extent (fig, &bars, &lo, &hi);
  fig->y_log = FALSE;
  if (!_karavan_chart_axes (fig, top, all, lo, hi, TRUE,
                            type == KARAVAN_CHART_PERCENT_BAR || _karavan_chart_all_percent (all), &axis))
    {
      g_array_unref (bars.categories);
      return;
    }

  fig->x_lo = -0.5;
  fig->x_hi = n - 0.5;
  fig->data_x_lo = 0;
  fig->data_x_hi = n > 0 ? n - 1 : 0;
  pitch = fig->pw / MAX (n, 1);
  for (guint c = 0; c < n; c++)
    {
      Category *cat = &g_array_index (bars.categories, Category, c);
      guint n_slots = 0;

      for (guint s = 0; s < cat->slots->len; s++)
        n_slots += g_array_index (cat->slots, Slot, s).point != NULL;
      max_slots = MAX (max_slots, n_slots);
    }
  items = g_ptr_array_new ();
  g_ptr_array_set_size (items, chart->series->len);

  for (guint c = 0; c < n; c++)
    {
      Category *cat = &g_array_index (bars.categories, Category, c);
      double centre = fig->px + pitch * (c + 0.5);
      guint n_slots = 0, n_present = 0, k = 0;
      double group, width, inner, pos = 0, neg = 0, total = 0;
      gboolean approx = FALSE, complete;

      for (guint s = 0; s < cat->slots->len; s++)
        {
          const Slot *slot = &g_array_index (cat->slots, Slot, s);

          n_slots += slot->point != NULL;
          n_present += slot_present (slot);
        }

      /* One width for every bar of the chart, groups centred. */
      if (stacked || max_slots <= 1)
        width = MIN (pitch * 0.62, fig->fs * 7);
      else
        width = MIN (pitch * 0.82 / max_slots, fig->fs * 6);
      group = width * MAX (n_slots, 1);
      inner = !stacked && max_slots > 1 ? MIN (width * 0.12, fig->fs * 0.2) : 0;
      if (n_present > 0)
        room = MIN (room, stacked || max_slots <= 1 ? pitch - fig->fs * 0.3 : width);
      complete = type != KARAVAN_CHART_PERCENT_BAR || category_total (cat, &total, &approx);

      if (!category_shown (fig, c))
        continue;

      if (n_present == 0 || !complete)
        {
          no_data_label (fig, n_present == 0 ? KC_("figure", "no data") : KC_("figure", "incomplete data"),
                         centre, pitch);
          continue;
        }

      for (guint s = 0; s < cat->slots->len; s++)
        {
          const Slot *slot = &g_array_index (cat->slots, Slot, s);
          guint style = bars.by_series ? 0 : slot->index;
          PlotItem *item;
          double a, v, from, to;
          Bar *bar;

          if (slot->point == NULL && !stacked)
            continue;
          if (!stacked)
            k++;
          a = stacked ? centre - width / 2 : centre - group / 2 + (k - 1) * width;

          if (!reveal_shows (fig, c, slot->index))
            continue;
          if (!slot_present (slot))
            {
              /* A missing value among others keeps its place. */
              if (!stacked && slot->point != NULL)
                {
                  Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, "–", 0.8, FALSE, -1,
                                                        &fig->pal->muted);
                  double xy[] = { a + width / 2 - label->w / 2, map_y (fig, 0) - label->h - fig->fs * 0.2 };

                  _karavan_figure_place_free (fig, label, xy, 1, 0);
                }
              continue;
            }

          v = slot->point->y;
          if (type == KARAVAN_CHART_PERCENT_BAR)
            v = v / total * 100;
          if (stacked)
            {
              double *acc = v >= 0 ? &pos : &neg;

              from = *acc;
              to = *acc + v;
              *acc = to;
            }
          else
            {
              from = 0;
              to = v;
            }

          item = series_item (fig, items, slot->series, slot->index, FALSE);
          bar = add_bar (fig, item, slot->point, style, a + inner / 2, width - inner,
                         map_y (fig, from), map_y (fig, to));

          if (stacked)
            {
              g_autofree char *text = NULL;
              guint index;
              Label *label;

              if (type == KARAVAN_CHART_PERCENT_BAR)
                {
                  g_autofree char *pct = karavan_format_percent (v, v < 1 ? 1 : 0, lang);

                  text = g_strconcat (approx ? "≈" : "", pct, NULL);
                }
              else
                text = karavan_format_value (slot->point->y, slot->series->format, slot->point->relation, lang);
              index = inside_label (fig, text, style);
              label = _karavan_label_at (fig, index);
              if (label->w <= bar->w - fig->fs * 0.3 && label->h <= bar->h - fig->fs * 0.1)
                {
                  double xy[] = { bar->x + bar->w / 2 - label->w / 2, bar->y + bar->h / 2 - label->h / 2 };

                  _karavan_figure_place_free (fig, label, xy, 1, 0);
                }
            }
          else
            {
              ValueLabel value = { *bar, karavan_format_value (slot->point->y, slot->series->format,
                                                               slot->point->relation, lang) };

              g_array_append_val (values, value);
            }
        }
    }

  /* Value labels last, so the bars' own texts are placed first. */
  place_value_labels (fig, values, room);
  g_array_unref (bars.categories);
}

/* ---------------------------------------------------------------------- */
/* Horizontal bars                                                        */

/* Each row is as tall as its label, its bars and its notes (beside the
 * bars, or under them); returns the height of all rows. */
static double
hbar_rows_height (KaravanFigure *fig,
                  guint          n,
                  const double  *text_h,
                  const double  *note_h,
                  double        *heights,
                  double         bars_h,
                  double         row_gap,
                  gboolean       notes_right)
{
  double total = 0;

  for (guint c = 0; c < n; c++)
    {
      double block = notes_right ? MAX (bars_h, note_h[c])
                                 : bars_h + (note_h[c] > 0 ? note_h[c] + fig->fs * 0.15 : 0);

      heights[c] = MAX (text_h[c], block);
      total += heights[c] + (c + 1 < n ? row_gap : 0);
    }
  return total;
}

/* Survey answers: one row per category, the label on the left, the bar,
 * its value, and the point's note beside it in a column of its own when
 * there is room, else under the bar. */
void
_karavan_hbar_layout (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  const KaravanPalette *pal = fig->pal;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const char *title;
  Bars bars = { 0 };
  double top = fig->body_y, bottom = fig->body_y + fig->body_h;
  double lo, hi, label_w = 0, value_w = 0, note_w = 0, track, gap = fig->fs * 0.8;
  double thickness = fig->fs * 1.25, row_gap = fig->fs * 0.7, rows_h;
  double tick_h, title_h = 0;
  gboolean notes = FALSE, notes_right = FALSE, percent = TRUE;
  guint n, max_slots = 1;
  int title_index = -1;

  /* Rows are categories, or x values, as for vertical bars. */
  build_categories (fig, &bars);
  n = bars.categories->len;
  fig->reveal_steps = reveal_steps (fig, &bars);
  fig->x_limit = G_MAXDOUBLE;
  fig->horizontal = TRUE;
  g_ptr_array_set_size (items, chart->series->len);

  for (guint i = 0; i < chart->series->len; i++)
    if (!_karavan_series_hidden (fig, i))
      {
        g_ptr_array_add (all, chart->series->pdata[i]);
        percent &= ((KaravanSeries *) chart->series->pdata[i])->format == KARAVAN_FORMAT_PERCENT;
      }

  top = _karavan_chart_legend (fig, top, KEY_BOXES, chart->series->len > 1, _karavan_chart_any_flagged (all));
  value_extent (fig, &bars, &lo, &hi);

  /* Widths: labels up to a third, values as wide as the widest, notes
   * in their own column when both it and the bars get enough room. */
  for (guint c = 0; c < n; c++)
    {
      Category *cat = &g_array_index (bars.categories, Category, c);
      Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, cat->label, 0.9, FALSE, -1, &pal->text);
      guint n_slots = 0;

      label_w = MAX (label_w, probe->w);
      g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
      for (guint s = 0; s < cat->slots->len; s++)
        {
          const Slot *slot = &g_array_index (cat->slots, Slot, s);
          const KaravanPointExtra *extra;
          g_autofree char *text = NULL;

          if (slot->point == NULL)
            continue;
          n_slots++;
          if (!slot_present (slot))
            continue;
          text = karavan_format_value (slot->point->y, slot->series->format, slot->point->relation, lang);
          probe = _karavan_figure_label (fig, KARAVAN_LABEL_VALUE, text, 0.85, TRUE, -1, &pal->text);
          value_w = MAX (value_w, probe->w);
          g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
          extra = karavan_series_get_extra (slot->series, slot->point);
          notes |= extra != NULL && karavan_text_get (&extra->note, lang) != NULL;
        }
      max_slots = MAX (max_slots, n_slots);
    }
  label_w = MIN (label_w, fig->body_w * 0.34);
  {
    Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, "0", 0.9, FALSE, -1, &pal->muted);

    tick_h = probe->h + fig->fs * 0.4;
    g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
  }
  value_w += fig->fs * 1.0;   /* room for a lower bound's arrow */
  track = fig->body_w - label_w - gap - value_w;
  if (notes && track * 0.42 >= fig->fs * 13)
    {
      notes_right = TRUE;
      note_w = track * 0.42;
      track -= note_w + gap;
    }

  /* The axis title under the tick labels. */
  title = _karavan_chart_value_title (fig, all);
  if (title != NULL)
    {
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_AXIS_TITLE, title, 0.9, FALSE, track, &pal->muted);

      title_h = label->h + fig->fs * 0.3;
      title_index = fig->labels->len - 1;
    }

  fig->px = fig->body_x + label_w + gap;
  fig->pw = MAX (fig->fs * 4, track);
  fig->py = top + fig->fs * 0.3;
  _karavan_chart_value_axis (fig, lo, hi, TRUE, fig->pw / (fig->fs * 4.5));

  /* Rows, measured: the tallest of label, bars (and notes beside or
   * below them). */
  {
    g_autofree double *heights = g_new0 (double, MAX (n, 1));
    g_autofree double *text_h = g_new0 (double, MAX (n, 1));
    g_autofree double *note_hs = g_new0 (double, MAX (n, 1));
    g_autofree guint *label_index = g_new0 (guint, MAX (n, 1));
    double avail = bottom - tick_h - title_h - fig->py;
    double y;

    for (int attempt = 0; attempt < 3; attempt++)
      {
        guint first = fig->labels->len;

        for (guint c = 0; c < n; c++)
          {
            Category *cat = &g_array_index (bars.categories, Category, c);
            Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, cat->label, 0.9, FALSE, label_w, &pal->text);

            label_index[c] = fig->labels->len - 1;
            text_h[c] = label->h;
            note_hs[c] = 0;
            for (guint s = 0; notes && s < cat->slots->len; s++)
              {
                const Slot *slot = &g_array_index (cat->slots, Slot, s);
                const KaravanPointExtra *extra = slot_present (slot) ? karavan_series_get_extra (slot->series, slot->point) : NULL;
                const char *note = extra ? karavan_text_get (&extra->note, lang) : NULL;
                Label *probe;

                if (note == NULL)
                  continue;
                probe = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, note, 0.8, FALSE,
                                               notes_right ? note_w : track + value_w, &pal->muted);
                note_hs[c] += probe->h;
                g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
              }
          }
        rows_h = hbar_rows_height (fig, n, text_h, note_hs, heights, thickness * max_slots, row_gap, notes_right);
        if (rows_h <= avail || attempt == 2)
          break;
        /* Too tall: thinner bars and rows, then no notes. */
        g_ptr_array_set_size (fig->labels, first);
        if (attempt == 0)
          {
            thickness = fig->fs * 0.9;
            row_gap = fig->fs * 0.35;
          }
        else
          notes = FALSE;
      }

    /* Room to spare: thicker bars and airier rows, up to a point. */
    if (rows_h < avail && n > 0)
      {
        double spare = avail - rows_h;

        thickness = MIN (fig->fs * 2.4, thickness + spare * 0.35 / (n * max_slots));
        rows_h = hbar_rows_height (fig, n, text_h, note_hs, heights, thickness * max_slots, row_gap, notes_right);
        if (n > 1)
          row_gap = MIN (fig->fs * 3.5, row_gap + (avail - rows_h) * 0.6 / (n - 1));
        rows_h = hbar_rows_height (fig, n, text_h, note_hs, heights, thickness * max_slots, row_gap, notes_right);
      }

    if (avail < fig->fs * 2 || fig->pw < fig->fs * 4)
      {
        for (guint c = 0; c < n; c++)
          _karavan_label_at (fig, label_index[c])->placed = FALSE;
        fig->pw = fig->ph = 0;
        g_array_unref (bars.categories);
        return;
      }
    /* Rows beyond the room are left out below. */
    fig->ph = MIN (rows_h, avail);
    if (rows_h > avail)
      {
        double used = 0;

        for (guint c = 0; c < n && used + heights[c] <= avail + 0.01; c++)
          used += heights[c] + row_gap;
        fig->ph = MAX (used - row_gap, fig->fs);
      }
    fig->has_plot = TRUE;
    /* The value axis maps across: map x through y_lo..y_hi. */
    fig->x_lo = fig->y_lo;
    fig->x_hi = fig->y_hi;

    /* Grid and tick labels under the rows. */
    for (guint t = 0; t < fig->y_ticks->len; t++)
      {
        double v = g_array_index (fig->y_ticks, double, t);
        double x = _karavan_chart_map_x (fig, v);
        g_autofree char *text = _karavan_chart_format_tick (fig, v, percent);
        Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_TICK, text, 0.9, FALSE, -1, &pal->muted);
        Shape *grid;
        double xy[] = { x - label->w / 2, fig->py + fig->ph + fig->fs * 0.4 };

        _karavan_figure_place_free (fig, label, xy, 1, fig->fs * 0.1);
        grid = _karavan_figure_shape (fig, SHAPE_LINE);
        grid->color = v == 0 ? pal->axis : pal->grid;
        grid->x = grid->x2 = x;
        grid->y = fig->py - fig->fs * 0.2;
        grid->y2 = fig->py + fig->ph;
        grid->width = v == 0 ? MAX (0.6, fig->fs * 0.09) : MAX (0.4, fig->fs * 0.06);
        grid->under = v != 0;
      }
    if (title_index >= 0)
      {
        Label *label = _karavan_label_at (fig, title_index);

        double xy[] = { fig->px + fig->pw / 2 - label->w / 2, fig->py + fig->ph + tick_h + fig->fs * 0.15 };

        _karavan_figure_place_free (fig, label, xy, 1, 0);
      }

    y = fig->py;
    for (guint c = 0; c < n; c++)
      {
        Category *cat = &g_array_index (bars.categories, Category, c);
        Label *label = _karavan_label_at (fig, label_index[c]);
        double bars_h = thickness * MAX (max_slots, 1);
        double b = y + (notes_right ? MAX (0, (heights[c] - bars_h) / 2) : 0);
        double note_y = notes_right ? y : b + bars_h + fig->fs * 0.15;
        guint k = 0;

        /* Rows that do not fit are left out, never drawn over the text
         * below them. */
        if (y + heights[c] > fig->py + avail + 0.01)
          break;
        /* Every row's label stays through a reveal: the frame is fixed. */
        /* Centred on its bars, but never above its own row. */
        _karavan_figure_place (fig, label, fig->body_x,
                               notes_right ? y + (heights[c] - label->h) / 2
                                           : MAX (y, b + bars_h / 2 - MIN (label->h, heights[c]) / 2));
        if (!category_shown (fig, c))
          {
            y += heights[c] + row_gap;
            continue;
          }

        for (guint s = 0; s < cat->slots->len; s++)
          {
            const Slot *slot = &g_array_index (cat->slots, Slot, s);
            const KaravanPointExtra *extra;
            const char *note;
            g_autofree char *text = NULL;
            PlotItem *item;
            Bar *bar;
            Label *value;
            double a;

            if (slot->point == NULL)
              continue;
            a = b + thickness * k++;
            if (!reveal_shows (fig, c, slot->index))
              continue;
            if (!slot_present (slot))
              {
                Label *nd = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, KC_("figure", "no data"), 0.75, FALSE,
                                                   -1, &pal->muted);
                double xy[] = { fig->px + fig->fs * 0.3, a + thickness / 2 - nd->h / 2 };

                _karavan_figure_place_free (fig, nd, xy, 1, 0);
                continue;
              }

            item = series_item (fig, items, slot->series, slot->index, TRUE);
            bar = add_bar (fig, item, slot->point, slot->index, a + thickness * 0.1, thickness * 0.8,
                           _karavan_chart_map_x (fig, 0), _karavan_chart_map_x (fig, slot->point->y));

            text = karavan_format_value (slot->point->y, slot->series->format, slot->point->relation, lang);
            value = _karavan_figure_label (fig, KARAVAN_LABEL_VALUE, text, 0.85, TRUE, -1, &pal->text);
            {
              double end = bar->hit_x + (bar->open_end ? fig->fs * 0.6 : 0);
              double xy[] = { slot->point->y >= 0 ? end + fig->fs * 0.3 : bar->x - fig->fs * 0.3 - value->w,
                              bar->y + bar->h / 2 - value->h / 2 };

              _karavan_figure_place_free (fig, value, xy, 1, 0);
            }

            extra = karavan_series_get_extra (slot->series, slot->point);
            note = notes && extra ? karavan_text_get (&extra->note, lang) : NULL;
            if (note != NULL)
              {
                Label *comment = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, note, 0.8, FALSE,
                                                        notes_right ? note_w : track + value_w, &pal->muted);
                double xy[] = { notes_right ? fig->px + fig->pw + value_w + gap : fig->px, note_y };

                if (_karavan_figure_place_free (fig, comment, xy, 1, 0))
                  note_y += comment->h;
              }
          }
        y += heights[c] + row_gap;
      }
  }

  g_array_unref (bars.categories);
}

/* ---------------------------------------------------------------------- */
/* Drawing and hit tests                                                  */

static void
draw_open_end (KaravanFigure *fig,
               cairo_t       *cr,
               PlotItem      *item,
               const Bar     *bar)
{
  double s = fig->fs * 0.45;
  const KaravanRgb *c = &fig->pal->series[bar->style % KARAVAN_PALETTE_N_SERIES];

  cairo_new_path (cr);
  if (item->horizontal)
    {
      double x = bar->x + bar->w + fig->fs * 0.1, y = bar->y + bar->h / 2;

      cairo_move_to (cr, x, y - s * 0.7);
      cairo_line_to (cr, x + s, y);
      cairo_line_to (cr, x, y + s * 0.7);
    }
  else
    {
      double x = bar->x + bar->w / 2, y = bar->y - fig->fs * 0.1;

      cairo_move_to (cr, x - s * 0.7, y);
      cairo_line_to (cr, x, y - s);
      cairo_line_to (cr, x + s * 0.7, y);
    }
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
  cairo_fill (cr);
}

void
_karavan_bars_draw (KaravanFigure *fig,
                    cairo_t       *cr,
                    PlotItem      *item)
{
  cairo_save (cr);
  for (guint i = 0; i < item->bars->len; i++)
    {
      const Bar *bar = &g_array_index (item->bars, Bar, i);

      cairo_new_path (cr);
      cairo_rectangle (cr, bar->x, bar->y, bar->w, bar->h);
      _karavan_chart_fill_path (fig, cr, bar->style, bar->flagged);
      if (bar->open_end)
        draw_open_end (fig, cr, item, bar);
    }
  cairo_restore (cr);
}

gboolean
_karavan_bars_hit (KaravanFigure *fig,
                   PlotItem      *item,
                   double         x,
                   double         y,
                   KaravanHit    *hit,
                   double        *distance)
{
  double best = G_MAXDOUBLE;
  double slack = fig->fs * 0.5;

  for (guint i = 0; i < item->bars->len; i++)
    {
      const Bar *bar = &g_array_index (item->bars, Bar, i);
      double dx = MAX (0, MAX (bar->x - x, x - (bar->x + bar->w)));
      double dy = MAX (0, MAX (bar->y - y, y - (bar->y + bar->h)));
      double d = hypot (dx, dy);

      if (d < best && d <= slack)
        {
          best = d;
          hit->series = bar->series;
          hit->point = bar->point;
          hit->x = bar->hit_x;
          hit->y = bar->hit_y;
        }
    }

  *distance = best;
  return best <= slack;
}
