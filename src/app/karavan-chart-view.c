/* karavan-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget holds a figure laid out for its current size and draws it
 * with the same code as every exported file. A new size, language,
 * palette or choice of values lays the figure out again; hovering only
 * redraws the crosshair on top.
 *
 * Pointer: hovering a point draws a crosshair and a tooltip gives its
 * exact value, unit, period, flags and source; a click on a legend
 * entry hides or shows that series. Hovering a timeline event's marker
 * names the event; a click on it emits "event-activated", for the
 * window to open the event in the timeline. Keyboard: the arrow keys walk the
 * points and a callout beside the crosshair says the same as the
 * tooltip; Escape leaves the points.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "karavan-chart-view.h"
#include "karavan-describe.h"

struct _KaravanChartView
{
  GtkWidget           parent_instance;

  /* Owned references */
  KaravanDataset     *dataset;       /* keeps the view alive */
  const KaravanView  *view;
  KaravanDerivedView *derived;       /* the view as asked for: scale, values */
  KaravanFigure      *figure;
  GArray             *stops;         /* KaravanHit: the points, for the keyboard */

  /* What is shown */
  KaravanLang         lang;
  KaravanPaletteKind  palette;
  double              text_scale;
  gboolean            log_scale;
  KaravanValueMode    value_mode;
  gboolean            show_events;
  guint64             hidden_series;

  /* State */
  int                 figure_width;
  int                 figure_height;
  gboolean            has_hover;
  KaravanHit          hover;
  int                 cursor;        /* index into stops, -1: none */
};

G_DEFINE_FINAL_TYPE (KaravanChartView, karavan_chart_view, GTK_TYPE_WIDGET)

static void update_accessible (KaravanChartView *self);

enum {
  PROP_0,
  PROP_FIGURE_LANGUAGE,
  PROP_LOG_SCALE,
  PROP_VALUE_MODE,
  PROP_SHOW_EVENTS,
  PROP_TEXT_SCALE,
  PROP_HIDDEN_SERIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Screen type: a little larger than print's 9 pt. */
#define SCREEN_FONT_SIZE 11.0

static void
clear_pointer_state (KaravanChartView *self)
{
  self->has_hover = FALSE;
  self->cursor = -1;
  g_clear_pointer (&self->stops, g_array_unref);
}

/* The figure must be laid out again. */
static void
invalidate (KaravanChartView *self)
{
  g_clear_pointer (&self->figure, karavan_figure_free);
  clear_pointer_state (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The values shown changed: derive the view again. */
static void
rederive (KaravanChartView *self)
{
  g_clear_pointer (&self->derived, karavan_derived_view_free);
  if (self->view != NULL)
    self->derived = karavan_derived_view_new (self->view, self->log_scale, self->value_mode);
  invalidate (self);
}

void
karavan_chart_view_get_render_options (KaravanChartView     *self,
                                       KaravanRenderOptions *options)
{
  g_return_if_fail (KARAVAN_IS_CHART_VIEW (self));

  karavan_render_options_init (options, self->lang);
  options->palette = self->palette;
  options->font_size = SCREEN_FONT_SIZE * self->text_scale;
  options->hidden_series = self->hidden_series;
  options->show_events = self->show_events;
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

      karavan_chart_view_get_render_options (self, &options);
      /* This figure is only ever drawn on screen, frame after frame. */
      options.raster_cache = TRUE;
      g_clear_pointer (&self->figure, karavan_figure_free);
      clear_pointer_state (self);
      self->figure = karavan_figure_new (karavan_chart_view_get_shown_view (self), &options, width, height);
      self->figure_width = width;
      self->figure_height = height;
    }

  return self->figure;
}

/* ---------------------------------------------------------------------- */
/* What a point says                                                      */

static void
append_value (GString             *out,
              const KaravanSeries *series,
              const KaravanPoint  *point,
              KaravanLang          lang)
{
  g_autofree char *value = karavan_format_value (point->y, series->format, point->relation, lang);
  const char *unit = series->format == KARAVAN_FORMAT_PERCENT ? NULL : karavan_text_get (&series->unit, lang);
  g_autofree char *markup = NULL;

  if (unit != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b> %s", value, unit);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", value);
  g_string_append (out, markup);
}

static void
append_line (GString    *out,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
append_line (GString    *out,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *markup = NULL;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append_c (out, '\n');
  g_string_append (out, markup);
}

/**
 * karavan_chart_view_describe_point:
 *
 * "Vehicle exports / 2024: 124 234 vehicles / Estimate / Source: …" as
 * Pango markup: the data's words in the figure's language, the
 * interface's words in the interface's.
 */
char *
karavan_chart_view_describe_point (KaravanChartView *self,
                                   const KaravanHit *hit)
{
  const KaravanSeries *series;
  const KaravanPoint *point;
  const KaravanPointExtra *extra;
  KaravanLang lang;
  g_autofree char *x = NULL;
  g_autofree char *head = NULL;
  const char *title, *period, *note;
  GPtrArray *sources;
  GString *out;

  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  lang = self->lang;
  series = karavan_derived_view_get_original (self->derived, hit->series, hit->point, &point);
  if (point == NULL)
    point = hit->point;
  extra = karavan_series_get_extra (series, point);
  title = karavan_text_get (&series->title, lang);
  x = karavan_format_x (point->x, series->x_type, series, lang);
  period = extra != NULL ? karavan_text_get (&extra->period, lang) : NULL;
  note = extra != NULL ? karavan_text_get (&extra->note, lang) : NULL;
  sources = extra != NULL && extra->sources != NULL ? extra->sources : series->sources;

  out = g_string_new (NULL);
  head = g_markup_printf_escaped ("<b>%s</b>\n%s: ", title ? title : series->id, x);
  g_string_append (out, head);

  if (hit->series != series)
    {
      /* Derived values first, then what the data says. */
      if (!(hit->point->flags & KARAVAN_POINT_MISSING))
        append_value (out, hit->series, hit->point, lang);
      if (!(point->flags & KARAVAN_POINT_MISSING))
        {
          g_autofree char *value = karavan_format_value (point->y, series->format, point->relation, lang);
          const char *unit = karavan_text_get (&series->unit, lang);

          if (unit != NULL && series->format != KARAVAN_FORMAT_PERCENT)
            /* TRANSLATORS: a value as the dataset gives it, shown beside an index or a change */
            append_line (out, _("Value: %s %s"), value, unit);
          else
            append_line (out, _("Value: %s"), value);
        }
    }
  else
    append_value (out, series, point, lang);

  if (period != NULL)
    append_line (out, _("Period: %s"), period);
  if (point->relation == KARAVAN_RELATION_APPROX)
    append_line (out, "%s", _("Approximate value"));
  else if (point->relation == KARAVAN_RELATION_GT || point->relation == KARAVAN_RELATION_GE)
    append_line (out, "%s", _("Lower bound: the true figure is higher"));
  else if (point->relation == KARAVAN_RELATION_LT || point->relation == KARAVAN_RELATION_LE)
    append_line (out, "%s", _("Upper bound: the true figure is lower"));
  if (point->flags & KARAVAN_POINT_ESTIMATE)
    append_line (out, "%s", _("Estimate"));
  if (point->flags & KARAVAN_POINT_PARTIAL)
    append_line (out, "%s", _("Covers part of the period"));
  if (note != NULL)
    append_line (out, "%s", note);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const KaravanSource *source = sources->pdata[i];
      const char *citation = karavan_text_get (&source->citation, lang);

      append_line (out, "<small>%s %s</small>", _("Source:"), citation ? citation : source->id);
    }

  return g_string_free (out, FALSE);
}

static char *
query_point (KaravanChartView *self,
             double            x,
             double            y,
             KaravanHit       *hit)
{
  KaravanFigure *figure = karavan_chart_view_get_figure (self);

  if (figure == NULL || !karavan_figure_hit_test (figure, x, y, hit))
    return NULL;

  return karavan_chart_view_describe_point (self, hit);
}

/**
 * karavan_chart_view_query_point:
 * @x, @y: a place in the widget
 *
 * Returns: (nullable): the tooltip's markup for the point at (@x, @y)
 */
char *
karavan_chart_view_query_point (KaravanChartView *self,
                                double            x,
                                double            y)
{
  KaravanHit hit;

  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), NULL);

  return query_point (self, x, y, &hit);
}

/* The timeline event whose marker or label is at (@x, @y). A point of
 * the data on the marker's line wins, but not over the label. */
static const KaravanEventBox *
event_at (KaravanChartView *self,
          double            x,
          double            y)
{
  KaravanFigure *figure = karavan_chart_view_get_figure (self);
  const KaravanEventBox *box;
  KaravanHit hit;

  if (figure == NULL || self->view->kind != KARAVAN_VIEW_CHART)
    return NULL;
  box = karavan_figure_hit_event (figure, x, y);
  if (box == NULL)
    return NULL;
  if (box->has_label && x >= box->label_x && x < box->label_x + box->label_width &&
      y >= box->label_y && y < box->label_y + box->label_height)
    return box;
  return karavan_figure_hit_test (figure, x, y, &hit) ? NULL : box;
}

static char *
describe_event (KaravanChartView      *self,
                const KaravanEventBox *box)
{
  const KaravanEvent *event = box->event;
  const char *title = karavan_text_get (&event->title, self->lang);
  const char *category = karavan_text_get (&event->category->label, self->lang);
  g_autofree char *date = karavan_event_get_date_text (event, self->lang);
  g_autofree char *escaped_title = g_markup_escape_text (title ? title : event->id, -1);
  g_autofree char *line = g_markup_printf_escaped ("%s · %s", date, category ? category : event->category->id);

  return g_strdup_printf ("<b>%s</b>\n%s\n<small>%s</small>", escaped_title, line,
                          /* TRANSLATORS: in the tooltip of an event's marker on a chart */
                          _("Click to open it in the timeline"));
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
  KaravanHit hit;
  g_autofree char *markup = keyboard ? NULL : query_point (self, x, y, &hit);
  const KaravanEventBox *box = NULL;

  if (markup == NULL && !keyboard && (box = event_at (self, x, y)) != NULL)
    {
      g_autofree char *text = describe_event (self, box);
      gboolean on_label = box->has_label && x >= box->label_x && x < box->label_x + box->label_width &&
                          y >= box->label_y && y < box->label_y + box->label_height;

      gtk_tooltip_set_markup (tooltip, text);
      /* Asked again once the pointer leaves the label or the line. */
      if (on_label)
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) box->label_x, (int) box->label_y,
                                                             (int) ceil (box->label_width),
                                                             (int) ceil (box->label_height) });
      else
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) box->x, y - 8, (int) ceil (box->width), 16 });
      return TRUE;
    }
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  /* Asked again as soon as the pointer leaves this point. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) hit.x - 8, (int) hit.y - 8, 16, 16 });
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Pointer                                                                */

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              KaravanChartView         *self)
{
  KaravanFigure *figure = karavan_chart_view_get_figure (self);
  KaravanHit hit;
  gboolean has_hit;

  if (figure == NULL)
    return;

  /* The pointer takes over from the keyboard. */
  if (self->cursor >= 0)
    {
      self->cursor = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  has_hit = karavan_figure_hit_test (figure, x, y, &hit);
  if (has_hit != self->has_hover || (has_hit && hit.point != self->hover.point))
    {
      self->has_hover = has_hit;
      if (has_hit)
        self->hover = hit;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   karavan_figure_legend_hit_test (figure, x, y, NULL) || event_at (self, x, y) != NULL
                                   ? "pointer" : NULL);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             KaravanChartView         *self)
{
  if (self->has_hover)
    {
      self->has_hover = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_click_pressed_cb (GtkGestureClick  *gesture,
                     int               n_press,
                     double            x,
                     double            y,
                     KaravanChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      KaravanChartView *self)
{
  KaravanFigure *figure = karavan_chart_view_get_figure (self);
  const KaravanEventBox *box;
  guint index;

  if (figure == NULL)
    return;
  if (karavan_figure_legend_hit_test (figure, x, y, &index))
    {
      if (index < 64)
        karavan_chart_view_set_hidden_series (self, self->hidden_series ^ (G_GUINT64_CONSTANT (1) << index));
    }
  else if (n_press == 1 && (box = event_at (self, x, y)) != NULL)
    {
      /* Copied: the handler may lay the figure out again. */
      g_autofree char *id = g_strdup (box->event->id);

      g_signal_emit (self, signals[EVENT_ACTIVATED], 0, id);
    }
}

/* ---------------------------------------------------------------------- */
/* Keyboard                                                               */

static int
compare_stops (gconstpointer a,
               gconstpointer b)
{
  const KaravanHit *ha = a, *hb = b;

  if (fabs (ha->x - hb->x) > 0.5)
    return ha->x < hb->x ? -1 : 1;
  if (fabs (ha->y - hb->y) > 0.5)
    return ha->y < hb->y ? -1 : 1;
  return 0;
}

/* Every point the hit test can find, in reading order. The figure knows
 * where each chart type draws its points; sweeping the plot with its
 * hit test works for all of them. */
static GArray *
get_stops (KaravanChartView *self)
{
  KaravanFigure *figure = karavan_chart_view_get_figure (self);
  g_autoptr(GHashTable) seen = NULL;
  double px, py, pw, ph;

  if (self->stops != NULL || figure == NULL)
    return self->stops;

  if (!karavan_figure_get_plot_area (figure, &px, &py, &pw, &ph))
    {
      px = py = 0;
      pw = gtk_widget_get_width (GTK_WIDGET (self));
      ph = gtk_widget_get_height (GTK_WIDGET (self));
    }

  self->stops = g_array_new (FALSE, FALSE, sizeof (KaravanHit));
  seen = g_hash_table_new (NULL, NULL);
  for (double y = py; y <= py + ph; y += 6)
    for (double x = px; x <= px + pw; x += 3)
      {
        KaravanHit hit;

        if (karavan_figure_hit_test (figure, x, y, &hit) && !g_hash_table_contains (seen, hit.point))
          {
            g_hash_table_add (seen, (gpointer) hit.point);
            g_array_append_val (self->stops, hit);
          }
      }
  g_array_sort (self->stops, compare_stops);

  return self->stops;
}

/**
 * karavan_chart_view_move_cursor:
 * @dx: -1 or 1 to go to the previous or next x, 0 to stay
 * @dy: -1 or 1 to go to the point above or below at the same x
 *
 * Moves the keyboard's cursor; the first move goes to the first point.
 *
 * Returns: whether the cursor is on a point
 */
gboolean
karavan_chart_view_move_cursor (KaravanChartView *self,
                                int               dx,
                                int               dy)
{
  GArray *stops;
  const KaravanHit *here;
  int next = -1;

  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), FALSE);

  stops = get_stops (self);
  if (stops == NULL || stops->len == 0)
    return FALSE;

  if (self->cursor < 0)
    next = dx < 0 ? (int) stops->len - 1 : 0;
  else if (dy != 0)
    {
      /* Another series at the same x, if there is one. */
      here = &g_array_index (stops, KaravanHit, self->cursor);
      next = self->cursor + dy;
      if (next < 0 || next >= (int) stops->len ||
          fabs (g_array_index (stops, KaravanHit, next).x - here->x) > 0.5)
        next = CLAMP (self->cursor + dy, 0, (int) stops->len - 1);
    }
  else if (dx != 0)
    {
      /* The same series at the next x, else whatever comes next. */
      here = &g_array_index (stops, KaravanHit, self->cursor);
      for (int i = self->cursor + dx; i >= 0 && i < (int) stops->len; i += dx)
        {
          const KaravanHit *stop = &g_array_index (stops, KaravanHit, i);

          if (fabs (stop->x - here->x) > 0.5 && stop->series == here->series)
            {
              next = i;
              break;
            }
        }
      if (next < 0)
        next = CLAMP (self->cursor + dx, 0, (int) stops->len - 1);
    }
  else
    next = self->cursor;

  if (next != self->cursor)
    {
      g_autofree char *text = NULL;

      self->cursor = next;
      {
        const KaravanHit *hit = &g_array_index (stops, KaravanHit, next);
        const char *title = karavan_text_get (&self->view->title, self->lang);
        g_autofree char *point = karavan_describe_point (hit->series, hit->point, self->lang);

        /* GTK 4.8 has no announce call: screen readers speak a change of
         * the focused widget's name, so the name carries the point. */
        text = g_strdup_printf ("%s — %s", title ? title : self->view->id, point);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                        -1);
      }
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   KaravanChartView      *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return karavan_chart_view_move_cursor (self, -1, 0);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return karavan_chart_view_move_cursor (self, 1, 0);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return karavan_chart_view_move_cursor (self, 0, -1);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return karavan_chart_view_move_cursor (self, 0, 1);
    case GDK_KEY_Home:
      if (get_stops (self) == NULL || self->stops->len == 0)
        return FALSE;
      self->cursor = -1;
      return karavan_chart_view_move_cursor (self, 1, 0);
    case GDK_KEY_End:
      if (get_stops (self) == NULL || self->stops->len == 0)
        return FALSE;
      self->cursor = -1;
      return karavan_chart_view_move_cursor (self, -1, 0);
    case GDK_KEY_Escape:
      if (self->cursor < 0)
        return FALSE;
      self->cursor = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   KaravanChartView        *self)
{
  if (self->cursor >= 0)
    {
      self->cursor = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  /* The name goes back to the chart's title. */
  update_accessible (self);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                */

/**
 * karavan_chart_view_get_crosshair:
 *
 * Returns: whether a crosshair is drawn (under the pointer or at the
 *   keyboard's cursor), and where
 */
gboolean
karavan_chart_view_get_crosshair (KaravanChartView *self,
                                  double           *x,
                                  double           *y)
{
  const KaravanHit *hit = NULL;

  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), FALSE);

  if (self->has_hover)
    hit = &self->hover;
  else if (self->cursor >= 0 && self->stops != NULL)
    hit = &g_array_index (self->stops, KaravanHit, self->cursor);

  if (hit == NULL)
    return FALSE;
  if (x != NULL)
    *x = hit->x;
  if (y != NULL)
    *y = hit->y;
  return TRUE;
}

static void
draw_crosshair (KaravanChartView *self,
                cairo_t          *cr,
                const KaravanHit *hit)
{
  const KaravanPalette *pal = karavan_palette_get (self->palette);
  double px, py, pw, ph;
  double r = SCREEN_FONT_SIZE * self->text_scale * 0.55;

  cairo_save (cr);
  if (karavan_figure_get_plot_area (self->figure, &px, &py, &pw, &ph))
    {
      cairo_set_source_rgba (cr, pal->text.r, pal->text.g, pal->text.b, 0.45);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, round (hit->x) + 0.5, py);
      cairo_line_to (cr, round (hit->x) + 0.5, py + ph);
      cairo_move_to (cr, px, round (hit->y) + 0.5);
      cairo_line_to (cr, px + pw, round (hit->y) + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* A ring around the point, in the background's colour then the text's. */
  cairo_arc (cr, hit->x, hit->y, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, pal->background.r, pal->background.g, pal->background.b);
  cairo_set_line_width (cr, 4);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, pal->text.r, pal->text.g, pal->text.b);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The keyboard's tooltip: the same words, in a box beside the point. */
static void
draw_callout (KaravanChartView *self,
              cairo_t          *cr,
              const KaravanHit *hit)
{
  const KaravanPalette *pal = karavan_palette_get (self->palette);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *markup = karavan_chart_view_describe_point (self, hit);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoRectangle logical;
  double pad = 8, bw, bh, bx, by;

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, (int) (MIN (360, width * 0.6) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  bw = logical.width + 2 * pad;
  bh = logical.height + 2 * pad;

  /* Right of the point if it fits, else left; clamped inside. */
  bx = hit->x + 16 + bw <= width ? hit->x + 16 : hit->x - 16 - bw;
  by = hit->y - bh / 2;
  bx = CLAMP (bx, 2, MAX (2, width - bw - 2));
  by = CLAMP (by, 2, MAX (2, height - bh - 2));

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, bx + bw - 6, by + 6, 6, -G_PI / 2, 0);
  cairo_arc (cr, bx + bw - 6, by + bh - 6, 6, 0, G_PI / 2);
  cairo_arc (cr, bx + 6, by + bh - 6, 6, G_PI / 2, G_PI);
  cairo_arc (cr, bx + 6, by + 6, 6, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, pal->background.r, pal->background.g, pal->background.b, 0.97);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, pal->text.r, pal->text.g, pal->text.b, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, pal->text.r, pal->text.g, pal->text.b);
  cairo_move_to (cr, bx + pad - logical.x, by + pad - logical.y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
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

  if (self->has_hover)
    draw_crosshair (self, cr, &self->hover);
  else if (self->cursor >= 0 && self->stops != NULL)
    {
      const KaravanHit *hit = &g_array_index (self->stops, KaravanHit, self->cursor);

      draw_crosshair (self, cr, hit);
      draw_callout (self, cr, hit);
    }

  cairo_destroy (cr);
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

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
karavan_chart_view_dispose (GObject *object)
{
  KaravanChartView *self = KARAVAN_CHART_VIEW (object);

  g_clear_pointer (&self->figure, karavan_figure_free);
  g_clear_pointer (&self->stops, g_array_unref);
  g_clear_pointer (&self->derived, karavan_derived_view_free);
  g_clear_object (&self->dataset);
  self->view = NULL;

  G_OBJECT_CLASS (karavan_chart_view_parent_class)->dispose (object);
}

static void
karavan_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KaravanChartView *self = KARAVAN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURE_LANGUAGE:
      g_value_set_string (value, karavan_lang_to_string (self->lang));
      break;
    case PROP_LOG_SCALE:
      g_value_set_boolean (value, self->log_scale);
      break;
    case PROP_VALUE_MODE:
      g_value_set_string (value, karavan_value_mode_to_string (self->value_mode));
      break;
    case PROP_SHOW_EVENTS:
      g_value_set_boolean (value, self->show_events);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    case PROP_HIDDEN_SERIES:
      g_value_set_uint64 (value, self->hidden_series);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KaravanChartView *self = KARAVAN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURE_LANGUAGE:
      {
        KaravanLang lang;

        if (karavan_lang_from_string (g_value_get_string (value), &lang))
          karavan_chart_view_set_lang (self, lang);
      }
      break;

    case PROP_LOG_SCALE:
      if (self->log_scale != g_value_get_boolean (value))
        {
          self->log_scale = g_value_get_boolean (value);
          rederive (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VALUE_MODE:
      {
        KaravanValueMode mode;

        if (karavan_value_mode_from_string (g_value_get_string (value), &mode) && mode != self->value_mode)
          {
            self->value_mode = mode;
            rederive (self);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;

    case PROP_SHOW_EVENTS:
      if (self->show_events != g_value_get_boolean (value))
        {
          self->show_events = g_value_get_boolean (value);
          invalidate (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_TEXT_SCALE:
      if (self->text_scale != g_value_get_double (value))
        {
          self->text_scale = g_value_get_double (value);
          invalidate (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_HIDDEN_SERIES:
      karavan_chart_view_set_hidden_series (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_chart_view_class_init (KaravanChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_chart_view_dispose;
  object_class->get_property = karavan_chart_view_get_property;
  object_class->set_property = karavan_chart_view_set_property;
  widget_class->snapshot = karavan_chart_view_snapshot;
  widget_class->measure = karavan_chart_view_measure;

  properties[PROP_FIGURE_LANGUAGE] =
    g_param_spec_string ("figure-language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_SCALE] =
    g_param_spec_boolean ("log-scale", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_MODE] =
    g_param_spec_string ("value-mode", NULL, NULL, "absolute",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_EVENTS] =
    g_param_spec_boolean ("show-events", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, 0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_SERIES] =
    g_param_spec_uint64 ("hidden-series", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KaravanChartView::event-activated:
   * @event_id: the event's id in the chart's timeline
   *
   * A timeline event's marker or label was clicked.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
karavan_chart_view_init (KaravanChartView *self)
{
  GtkEventController *controller;

  self->lang = karavan_lang_from_environment ();
  self->palette = KARAVAN_PALETTE_LIGHT;
  self->text_scale = 1.0;
  self->cursor = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (controller, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
karavan_chart_view_new (void)
{
  return g_object_new (KARAVAN_TYPE_CHART_VIEW, NULL);
}

/* The chart as words: its title as the name, and as the description the
 * dataset's own text or one told from the data, in the figure's language
 * (tests/a11y). */
static void
update_accessible (KaravanChartView *self)
{
  const KaravanView *shown;
  const char *title, *description;
  g_autofree char *told = NULL;

  if (self->view == NULL)
    return;

  shown = karavan_chart_view_get_shown_view (self);
  title = karavan_text_get (&self->view->title, self->lang);
  description = karavan_text_get (&self->view->description, self->lang);
  if (description == NULL)
    description = told = karavan_describe_view (shown ? shown : self->view, self->lang);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : self->view->id,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

void
karavan_chart_view_set_view (KaravanChartView  *self,
                             KaravanDataset    *dataset,
                             const KaravanView *view)
{
  g_return_if_fail (KARAVAN_IS_CHART_VIEW (self));

  /* Take the new dataset before dropping the old: it may be the same.
   * The derived view borrows from the old one: it goes first. */
  g_clear_pointer (&self->derived, karavan_derived_view_free);
  if (dataset)
    g_object_ref (dataset);
  g_clear_object (&self->dataset);
  self->dataset = dataset;
  self->view = view;

  update_accessible (self);
  rederive (self);
}

const KaravanView *
karavan_chart_view_get_view (KaravanChartView *self)
{
  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), NULL);

  return self->view;
}

/* The view as drawn: on the scale and with the values asked for. */
const KaravanView *
karavan_chart_view_get_shown_view (KaravanChartView *self)
{
  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), NULL);

  return self->derived != NULL ? karavan_derived_view_get_view (self->derived) : self->view;
}

KaravanDataset *
karavan_chart_view_get_dataset (KaravanChartView *self)
{
  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), NULL);

  return self->dataset;
}

void
karavan_chart_view_set_lang (KaravanChartView *self,
                             KaravanLang       lang)
{
  g_return_if_fail (KARAVAN_IS_CHART_VIEW (self));

  if (self->lang == lang)
    return;
  self->lang = lang;
  update_accessible (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_LANGUAGE]);
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

KaravanPaletteKind
karavan_chart_view_get_palette (KaravanChartView *self)
{
  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), KARAVAN_PALETTE_LIGHT);

  return self->palette;
}

void
karavan_chart_view_set_hidden_series (KaravanChartView *self,
                                      guint64           hidden)
{
  g_return_if_fail (KARAVAN_IS_CHART_VIEW (self));

  if (self->hidden_series == hidden)
    return;
  self->hidden_series = hidden;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_SERIES]);
}

guint64
karavan_chart_view_get_hidden_series (KaravanChartView *self)
{
  g_return_val_if_fail (KARAVAN_IS_CHART_VIEW (self), 0);

  return self->hidden_series;
}
