/* karavan-timeline-figure.c: timelines and lessons as figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A timeline is drawn as a chronology: date, category colour and title
 * of each event, in two columns when they fit. A lesson is drawn as its
 * running order.
 */
#include "config.h"

#include "karavan-catalog.h"
#include "karavan-figure-private.h"
#include "karavan-format.h"

char *
_karavan_event_date_text (const KaravanEvent *event,
                          KaravanLang         lang)
{
  g_autofree char *from = karavan_format_date (&event->from, lang);
  g_autofree char *to = NULL;

  if (!event->is_range)
    return g_steal_pointer (&from);

  to = karavan_format_date (&event->to, lang);
  return g_strconcat (from, "–", to, NULL);
}

static double
layout_rows (KaravanFigure *fig,
             GPtrArray     *dates,
             GPtrArray     *texts,
             GArray        *colors,
             double         x,
             double         y,
             double         width,
             guint          first,
             guint          last)
{
  double date_w = 0;

  for (guint i = first; i < last; i++)
    {
      Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_CELL, dates->pdata[i], 0.85, TRUE, -1, &fig->pal->text);

      date_w = MAX (date_w, probe->w);
      g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
    }
  date_w = MIN (date_w, width * 0.4);

  for (guint i = first; i < last; i++)
    {
      Label *date = _karavan_figure_label (fig, KARAVAN_LABEL_CELL, dates->pdata[i], 0.85, TRUE, date_w, &fig->pal->text);
      double dh = date->h;
      guint di = fig->labels->len - 1;
      Label *text = _karavan_figure_label (fig, KARAVAN_LABEL_CELL, texts->pdata[i], 0.85, FALSE,
                                           width - date_w - fig->fs * 1.6, &fig->pal->text);
      double h = MAX (dh, text->h);
      Shape *dot;

      if (y + h > fig->body_y + fig->body_h)
        {
          g_ptr_array_set_size (fig->labels, di);
          return y;
        }

      _karavan_figure_place (fig, g_ptr_array_index (fig->labels, di), x, y);
      _karavan_figure_place (fig, text, x + date_w + fig->fs * 1.6, y);
      dot = _karavan_figure_shape (fig, SHAPE_CIRCLE);
      dot->color = g_array_index (colors, KaravanRgb, i);
      dot->x = x + date_w + fig->fs * 0.8;
      dot->y = y + fig->fs * 0.6;
      dot->x2 = fig->fs * 0.35;
      y += h + fig->fs * 0.3;
    }

  return y;
}

void
_karavan_timeline_layout (KaravanFigure *fig)
{
  KaravanTimeline *timeline = fig->view->timeline;
  KaravanLang lang = fig->opts.lang;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) colors = g_array_new (FALSE, FALSE, sizeof (KaravanRgb));
  guint n = timeline->events->len;
  gboolean two = fig->body_w > fig->fs * 60 && n > 8;

  for (guint i = 0; i < n; i++)
    {
      KaravanEvent *event = timeline->events->pdata[i];
      KaravanRgb color = fig->pal->series[i % KARAVAN_PALETTE_N_SERIES];
      guint c;

      for (c = 0; c < timeline->categories->len && timeline->categories->pdata[c] != event->category; c++)
        ;
      color = fig->pal->series[c % KARAVAN_PALETTE_N_SERIES];
      if (fig->opts.palette == KARAVAN_PALETTE_LIGHT)
        karavan_rgb_parse (event->category->color, &color);

      g_ptr_array_add (dates, _karavan_event_date_text (event, lang));
      g_ptr_array_add (texts, g_strdup (karavan_text_get (&event->title, lang)));
      g_array_append_val (colors, color);
    }

  if (two)
    {
      double w = (fig->body_w - fig->fs * 2) / 2;

      layout_rows (fig, dates, texts, colors, fig->body_x, fig->body_y, w, 0, (n + 1) / 2);
      layout_rows (fig, dates, texts, colors, fig->body_x + w + fig->fs * 2, fig->body_y, w, (n + 1) / 2, n);
    }
  else
    layout_rows (fig, dates, texts, colors, fig->body_x, fig->body_y, fig->body_w, 0, n);
}

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
