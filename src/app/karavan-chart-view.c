/* karavan-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget holds a figure laid out for its current size and draws it
 * with the same code as every exported file. A new size, language or
 * palette lays the figure out again; a plain redraw does not.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-chart-view.h"

struct _KaravanChartView
{
  GtkWidget          parent_instance;

  KaravanDataset    *dataset;   /* keeps the view alive */
  const KaravanView *view;
  KaravanLang        lang;
  KaravanPaletteKind palette;
  KaravanFigure     *figure;
  int                figure_width;
  int                figure_height;
};

G_DEFINE_FINAL_TYPE (KaravanChartView, karavan_chart_view, GTK_TYPE_WIDGET)

static void
invalidate (KaravanChartView *self)
{
  g_clear_pointer (&self->figure, karavan_figure_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KaravanFigure *
karavan_chart_view_get_figure (KaravanChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), NULL);

  if (self->view == NULL || width <= 0 || height <= 0)
    return NULL;

  if (self->figure == NULL || self->figure_width != width || self->figure_height != height)
    {
      KaravanRenderOptions options;

      karavan_render_options_init (&options, self->lang);
      options.palette = self->palette;
      /* Screen type: a little larger than print's 9 pt. */
      options.font_size = 11;
      g_clear_pointer (&self->figure, karavan_figure_free);
      self->figure = karavan_figure_new (self->view, &options, width, height);
      self->figure_width = width;
      self->figure_height = height;
    }

  return self->figure;
}

static void
karavan_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KaravanChartView *self = KARAVAN_CHART_VIEW (widget);
  KaravanFigure *figure = karavan_chart_view_get_figure (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (figure == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  karavan_figure_draw (figure, cr);
  cairo_destroy (cr);
}

/* "Vehicle exports: 124,234 vehicles, 2024, estimate. Source: …" */
char *
karavan_chart_view_describe_point (KaravanChartView *self,
                                   const KaravanHit *hit)
{
  const KaravanSeries *series = hit->series;
  const KaravanPoint *point = hit->point;
  const KaravanPointExtra *extra = karavan_series_get_extra (series, point);
  KaravanLang lang = self->lang;
  g_autofree char *value = karavan_format_value (point->y, series->format, point->relation, lang);
  g_autofree char *x = karavan_format_x (point->x, series->x_type, series, lang);
  const char *unit = karavan_text_get (&series->unit, lang);
  const char *title = karavan_text_get (&series->title, lang);
  GPtrArray *sources = extra && extra->sources ? extra->sources : series->sources;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "<b>%s</b>\n", title ? title : series->id);
  g_string_append_printf (out, "%s: <b>%s</b>%s%s", x, value, unit && series->format != KARAVAN_FORMAT_PERCENT ? " " : "",
                          unit && series->format != KARAVAN_FORMAT_PERCENT ? unit : "");
  if (extra && karavan_text_get (&extra->period, lang))
    g_string_append_printf (out, " (%s)", karavan_text_get (&extra->period, lang));
  if (point->flags & KARAVAN_POINT_ESTIMATE)
    g_string_append_printf (out, "\n%s", _("Estimate"));
  if (point->flags & KARAVAN_POINT_PARTIAL)
    g_string_append_printf (out, "\n%s", _("Part of the period"));
  if (extra && karavan_text_get (&extra->note, lang))
    g_string_append_printf (out, "\n%s", karavan_text_get (&extra->note, lang));
  for (guint i = 0; sources && i < sources->len; i++)
    {
      KaravanSource *source = sources->pdata[i];
      const char *citation = karavan_text_get (&source->citation, lang);

      g_string_append_printf (out, "\n<small>%s %s</small>", _("Source:"), citation ? citation : source->id);
    }

  /* Dataset text is not markup. */
  {
    g_autofree char *text = g_string_free (out, FALSE);
    GString *safe = g_string_new (NULL);
    const char *p = text;

    /* Escape everything except our own <b>, </b>, <small>, </small>. */
    while (*p)
      {
        static const char *tags[] = { "<b>", "</b>", "<small>", "</small>" };
        gboolean tag = FALSE;

        for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
          if (g_str_has_prefix (p, tags[t]))
            {
              g_string_append (safe, tags[t]);
              p += strlen (tags[t]);
              tag = TRUE;
              break;
            }
        if (tag)
          continue;
        if (*p == '<')
          g_string_append (safe, "&lt;");
        else if (*p == '>')
          g_string_append (safe, "&gt;");
        else if (*p == '&')
          g_string_append (safe, "&amp;");
        else
          g_string_append_c (safe, *p);
        p++;
      }
    return g_string_free (safe, FALSE);
  }
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  KaravanChartView *self = KARAVAN_CHART_VIEW (widget);
  KaravanFigure *figure = karavan_chart_view_get_figure (self);
  g_autofree char *markup = NULL;
  KaravanHit hit;

  if (figure == NULL || !karavan_figure_hit_test (figure, x, y, &hit))
    return FALSE;

  markup = karavan_chart_view_describe_point (self, &hit);
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) hit.x - 6, (int) hit.y - 6, 12, 12 });
  return TRUE;
}

static void
karavan_chart_view_dispose (GObject *object)
{
  KaravanChartView *self = KARAVAN_CHART_VIEW (object);

  g_clear_pointer (&self->figure, karavan_figure_free);
  g_clear_object (&self->dataset);
  self->view = NULL;

  G_OBJECT_CLASS (karavan_chart_view_parent_class)->dispose (object);
}

static void
karavan_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
}

static void
karavan_chart_view_class_init (KaravanChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_chart_view_dispose;
  widget_class->snapshot = karavan_chart_view_snapshot;
  widget_class->measure = karavan_chart_view_measure;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
karavan_chart_view_init (KaravanChartView *self)
{
  self->lang = karavan_lang_from_environment ();
  self->palette = KARAVAN_PALETTE_LIGHT;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}

GtkWidget *
karavan_chart_view_new (void)
{
  return g_object_new (KARAVAN_TYPE_CHART_VIEW, NULL);
}

void
karavan_chart_view_set_view (KaravanChartView  *self,
                             KaravanDataset    *dataset,
                             const KaravanView *view)
{
  g_return_if_fail (KARAVAN_IS_CHART_VIEW (self));

  /* Take the new dataset before dropping the old: it may be the same. */
  if (dataset)
    g_object_ref (dataset);
  g_clear_object (&self->dataset);
  self->dataset = dataset;
  self->view = view;

  if (view != NULL)
    {
      const char *title = karavan_text_get (&view->title, self->lang);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : view->id,
                                      -1);
    }

  invalidate (self);
}

const KaravanView *
karavan_chart_view_get_view (KaravanChartView *self)
{
  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), NULL);

  return self->view;
}

void
karavan_chart_view_set_lang (KaravanChartView *self,
                             KaravanLang       lang)
{
  g_return_if_fail (KARAVAN_IS_CHART_VIEW (self));

  if (self->lang == lang)
    return;
  self->lang = lang;
  invalidate (self);
}

KaravanLang
karavan_chart_view_get_lang (KaravanChartView *self)
{
  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), KARAVAN_LANG_EN);

  return self->lang;
}

void
karavan_chart_view_set_palette (KaravanChartView   *self,
                                KaravanPaletteKind  palette)
{
  g_return_if_fail (KARAVAN_IS_CHART_VIEW (self));

  if (self->palette == palette)
    return;
  self->palette = palette;
  invalidate (self);
}
