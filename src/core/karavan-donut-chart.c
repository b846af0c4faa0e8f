/* karavan-donut-chart.c: shares of one period as a ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A donut shows the points of one category series, or every series'
 * value at the chart's x. Percentages that add up to 100 are shown as
 * they are; counts become shares, which the footer says are computed.
 * Percentages that fall short of 100 leave a grey "not stated" slice;
 * ones that exceed it, or any missing value, cannot make a whole and the
 * figure says so instead.
 */
#include "config.h"

#include <math.h>

#include "karavan-catalog.h"
#include "karavan-chart-private.h"
#include "karavan-format.h"

#define REST_STYLE G_MAXUINT

typedef struct {
  const KaravanSeries *series;
  const KaravanPoint  *point;    /* NULL for the "not stated" rest */
  guint                style;
  char                *name;
  double               share;    /* percent */
} Slice;

static void
slice_clear (Slice *slice)
{
  g_free (slice->name);
}

/* Collects the slices; returns NULL and sets @message when the data
 * cannot make a whole. */
static GArray *
collect_slices (KaravanFigure  *fig,
                const char    **message)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  g_autoptr(GArray) slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  gboolean percent = TRUE;
  double total = 0;

  g_array_set_clear_func (slices, (GDestroyNotify) slice_clear);

  if (chart->has_x || chart->series->len > 1)
    {
      for (guint i = 0; i < chart->series->len; i++)
        {
          KaravanSeries *s = chart->series->pdata[i];
          const char *title = karavan_text_get (&s->title, lang);
          Slice slice = { s, karavan_series_find_point (s, chart->x), i, g_strdup (title ? title : s->id), 0 };

          if (_karavan_series_hidden (fig, i))
            {
              g_free (slice.name);
              continue;
            }
          g_array_append_val (slices, slice);
        }
    }
  else
    {
      KaravanSeries *s = chart->series->pdata[0];

      for (guint j = 0; j < s->points->len; j++)
        {
          const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
          g_autofree char *name = karavan_format_x (p->x, s->x_type, s, lang);
          Slice slice = { s, p, j, g_steal_pointer (&name), 0 };

          g_array_append_val (slices, slice);
        }
    }

  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = &g_array_index (slices, Slice, i);

      if (slice->point == NULL || (slice->point->flags & KARAVAN_POINT_MISSING))
        {
          *message = KC_("figure", "Not every part of this whole is known, so its shares cannot be shown.");
          return NULL;
        }
      if (slice->point->y < 0)
        {
          *message = KC_("figure", "Negative values cannot be shown as shares of a whole.");
          return NULL;
        }
      total += slice->point->y;
      percent &= slice->series->format == KARAVAN_FORMAT_PERCENT;
    }

  if (slices->len == 0 || total <= 0)
    {
      *message = KC_("figure", "This chart has no data.");
      return NULL;
    }
  if (percent && total > 100.5)
    {
      /* xgettext:no-c-format */
      *message = KC_("figure", "These percentages add up to more than 100 % and are not shares of one whole.");
      return NULL;
    }

  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = &g_array_index (slices, Slice, i);

      slice->share = percent ? slice->point->y : slice->point->y / total * 100;
    }
  if (percent && total < 99.5)
    {
      Slice rest = { NULL, NULL, REST_STYLE, g_strdup (KC_("figure", "Not stated")), 100 - total };

      g_array_append_val (slices, rest);
    }

  return g_steal_pointer (&slices);
}

void
_karavan_donut_layout (KaravanFigure *fig)
{
  KaravanChart *chart = fig->view->chart;
  KaravanLang lang = fig->opts.lang;
  const KaravanPalette *pal = fig->pal;
  const char *message = NULL;
  g_autoptr(GArray) slices = collect_slices (fig, &message);
  PlotItem *item;
  double label_w, r, cx, cy, angle = -G_PI / 2;
  guint shown;

  if (slices == NULL)
    {
      _karavan_chart_message (fig, message);
      return;
    }

  fig->reveal_steps = slices->len;
  shown = fig->opts.reveal < 0 ? slices->len : (guint) CLAMP (fig->opts.reveal, 1, (int) slices->len);

  label_w = MIN (fig->body_w * 0.3, fig->fs * 16);
  r = MIN (fig->body_h / 2 - fig->fs * 0.6, (fig->body_w - 2 * label_w) / 2 - fig->fs * 2.5);
  if (r < fig->fs * 2)
    return;
  cx = fig->body_x + fig->body_w / 2;
  cy = fig->body_y + fig->body_h / 2;

  item = _karavan_chart_new_item (fig, ITEM_DONUT, NULL, 0);
  item->cx = cx;
  item->cy = cy;

  /* The period in the hole, when the chart is of one x. */
  if (chart->has_x)
    {
      const KaravanSeries *first = chart->series->pdata[0];
      g_autofree char *text = karavan_format_x (chart->x, chart->x_type, first, lang);
      Label *label = _karavan_figure_label (fig, KARAVAN_LABEL_ANNOTATION, text, 1.3, TRUE, r, &pal->text);

      if (label->w < r * 1.1)
        _karavan_figure_place (fig, label, cx - label->ox - label->w / 2, cy - label->h / 2);
    }

  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = &g_array_index (slices, Slice, i);
      double sweep = slice->share / 100 * 2 * G_PI;
      double mid = angle + sweep / 2, dx = cos (mid), dy = sin (mid);
      g_autofree char *share = NULL;
      g_autofree char *text = NULL;
      gboolean right = dx >= 0;
      Bar bar = { 0 };
      Label *label;
      double candidates[2 * 17];
      guint n = 0;

      if (i >= shown && slice->point != NULL)
        {
          angle += sweep;
          continue;
        }

      bar.series = slice->series;
      bar.point = slice->point;
      bar.style = slice->style;
      bar.flagged = slice->point != NULL && _karavan_point_flagged (slice->point);
      bar.x = angle;
      bar.y = angle + sweep;
      bar.w = r * 0.58;
      bar.h = r;
      bar.hit_x = cx + dx * r * 0.8;
      bar.hit_y = cy + dy * r * 0.8;
      g_array_append_val (item->bars, bar);
      angle += sweep;

      /* "Name\n42 % (126,000)": the share, then the value it comes from
       * when the share was computed. */
      share = karavan_format_percent (slice->share, slice->share < 10 ? 1 : 0, lang);
      if (slice->point != NULL && slice->series->format != KARAVAN_FORMAT_PERCENT)
        {
          g_autofree char *value = karavan_format_value (slice->point->y, slice->series->format,
                                                         slice->point->relation, lang);

          text = g_strdup_printf ("%s\n%s (%s)", slice->name, share, value);
        }
      else
        {
          g_autofree char *value = slice->point != NULL
                                   ? karavan_format_value (slice->point->y, KARAVAN_FORMAT_PERCENT, slice->point->relation, lang)
                                   : g_strdup (share);

          text = g_strdup_printf ("%s\n%s", slice->name, value);
        }

      label = _karavan_figure_label (fig, KARAVAN_LABEL_VALUE, text, 0.9, FALSE, label_w, &pal->text);
      /* Beside the slice's middle, then nudged up and down until free. */
      for (int k = 0; k <= 8; k++)
        for (int sign = k == 0 ? 1 : -1; sign <= 1; sign += 2)
          {
            double y = cy + dy * (r + fig->fs * 0.6) - label->h / 2 + sign * k * fig->fs * 0.7;
            double x = right ? cx + MAX (fabs (dx) * r, r * 0.5) + fig->fs * 1.4
                             : cx - MAX (fabs (dx) * r, r * 0.5) - fig->fs * 1.4 - label->w;

            candidates[2 * n] = x - label->ox;
            candidates[2 * n + 1] = y;
            n++;
          }
      if (_karavan_figure_place_free (fig, label, candidates, n, fig->fs * 0.15))
        {
          /* A leader from the ring to the label. */
          Shape *leader = _karavan_figure_shape (fig, SHAPE_LINE);
          double lx = right ? label->x + label->ox - fig->fs * 0.2 : label->x + label->ox + label->w + fig->fs * 0.2;

          leader->color = pal->muted;
          leader->x = cx + dx * (r + fig->fs * 0.15);
          leader->y = cy + dy * (r + fig->fs * 0.15);
          leader->x2 = lx;
          leader->y2 = label->y + MIN (label->h / 2, fig->fs * 0.6);
          leader->width = MAX (0.5, fig->fs * 0.07);
        }
    }
}

static void
slice_path (cairo_t    *cr,
            PlotItem   *item,
            const Bar  *bar)
{
  cairo_new_path (cr);
  cairo_arc (cr, item->cx, item->cy, bar->h, bar->x, bar->y);
  cairo_arc_negative (cr, item->cx, item->cy, bar->w, bar->y, bar->x);
  cairo_close_path (cr);
}

void
_karavan_donut_draw (KaravanFigure *fig,
                     cairo_t       *cr,
                     PlotItem      *item)
{
  const KaravanPalette *pal = fig->pal;

  cairo_save (cr);
  for (guint i = 0; i < item->bars->len; i++)
    {
      const Bar *bar = &g_array_index (item->bars, Bar, i);

      slice_path (cr, item, bar);
      if (bar->style == REST_STYLE)
        {
          cairo_set_source_rgb (cr, pal->grid.r, pal->grid.g, pal->grid.b);
          cairo_fill_preserve (cr);
        }
      else
        _karavan_chart_fill_path (fig, cr, bar->style, bar->flagged);

      /* A gap of background between slices. */
      if (!fig->opts.transparent)
        {
          cairo_set_source_rgb (cr, pal->background.r, pal->background.g, pal->background.b);
          cairo_set_line_width (cr, MAX (0.8, fig->fs * 0.15));
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

gboolean
_karavan_donut_hit (KaravanFigure *fig,
                    PlotItem      *item,
                    double         x,
                    double         y,
                    KaravanHit    *hit,
                    double        *distance)
{
  double dx = x - item->cx, dy = y - item->cy;
  double d = hypot (dx, dy), a = atan2 (dy, dx);

  for (guint i = 0; i < item->bars->len; i++)
    {
      const Bar *bar = &g_array_index (item->bars, Bar, i);
      /* Angles run from -π/2 up to 3π/2. */
      double t = a < bar->x ? a + 2 * G_PI : a;

      if (bar->point == NULL || d < bar->w || d > bar->h || t < bar->x || t > bar->y)
        continue;
      hit->series = bar->series;
      hit->point = bar->point;
      hit->x = bar->hit_x;
      hit->y = bar->hit_y;
      *distance = 0;
      return TRUE;
    }
  return FALSE;
}
