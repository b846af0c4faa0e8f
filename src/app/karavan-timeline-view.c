/* karavan-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget owns the state (visible window, filter, search, selection)
 * and nothing else: every frame is a core figure laid out for that state,
 * the same figure an export makes. Zoom and pan change the window in
 * fractional years; keys and buttons animate the change (AdwAnimation,
 * which honours gtk-enable-animations), pointer gestures follow the
 * pointer directly. The window never leaves the span of the timeline and
 * is never narrower than MIN_SPAN.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "karavan-timeline-view.h"

#define MIN_SPAN     0.25   /* three months */
#define ZOOM_STEP    1.5    /* one press of + or − */
#define PAN_STEP     0.1    /* of the window, per arrow key */
#define FIGURE_FONT  11.0   /* as the chart view */

struct _KaravanTimelineView
{
  GtkWidget            parent_instance;

  /* Widgets */
  GtkWidget           *toolbar;
  GtkWidget           *search_entry;
  GtkWidget           *count_label;
  GtkWidget           *filter_box;
  GtkWidget           *canvas;
  GtkWidget           *details_revealer;
  GtkWidget           *details_box;
  GPtrArray           *category_buttons;   /* GtkToggleButton*, by category index */

  /* Owned */
  KaravanDataset      *dataset;            /* keeps the view alive */
  const KaravanView   *view;
  KaravanLang          lang;
  KaravanPaletteKind   palette;
  KaravanFigure       *figure;
  int                  figure_width;
  int                  figure_height;

  /* State */
  double               from, to;           /* the window shown */
  double               fit_from, fit_to;
  guint64              hidden;
  char                *search;
  char                *selected;

  /* Animation, from (from0, to0) to (from1, to1) */
  AdwAnimation        *animation;
  double               anim_from0, anim_to0, anim_from1, anim_to1;
  gboolean             ignore_animation;

  /* Gestures */
  double               pointer_x;
  double               gesture_from, gesture_to;
  double               gesture_anchor;     /* zoom: the time under the fingers */
  double               gesture_frac;
  gboolean             dragging;
  gboolean             updating_buttons;
};

enum {
  PROP_0,
  PROP_SELECTED_EVENT,
  PROP_SEARCH,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KaravanTimelineView, karavan_timeline_view, GTK_TYPE_WIDGET)

static void update_details (KaravanTimelineView *self);
static void update_count (KaravanTimelineView *self);

/* ---------------------------------------------------------------------- */
/* Events and filters                                                     */

static KaravanTimeline *
get_timeline (KaravanTimelineView *self)
{
  return self->view != NULL ? self->view->timeline : NULL;
}

static gboolean
category_visible (KaravanTimelineView *self,
                  guint                index)
{
  return index >= 64 || !(self->hidden >> index & 1);
}

static guint
category_index (KaravanTimeline            *timeline,
                const KaravanEventCategory *category)
{
  guint c;

  for (c = 0; c < timeline->categories->len && timeline->categories->pdata[c] != category; c++)
    ;
  return c;
}

static gboolean
event_shown (KaravanTimelineView *self,
             const KaravanEvent  *event)
{
  KaravanTimeline *timeline = get_timeline (self);

  return category_visible (self, category_index (timeline, event->category)) &&
         (self->search == NULL || karavan_event_matches (event, self->search, self->lang));
}

static double
event_time (const KaravanEvent *event)
{
  double from, to;

  karavan_event_get_period (event, &from, &to);
  /* A range is found by its start, a date by the middle of its period. */
  return event->is_range ? from : (from + to) / 2;
}

static KaravanEvent *
find_event (KaravanTimelineView *self,
            const char          *id,
            int                 *index)
{
  KaravanTimeline *timeline = get_timeline (self);

  for (guint i = 0; id != NULL && timeline != NULL && i < timeline->events->len; i++)
    {
      KaravanEvent *event = timeline->events->pdata[i];

      if (g_strcmp0 (event->id, id) == 0)
        {
          if (index != NULL)
            *index = (int) i;
          return event;
        }
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Figure                                                                 */

static void
invalidate (KaravanTimelineView *self)
{
  g_clear_pointer (&self->figure, karavan_figure_free);
  gtk_widget_queue_draw (self->canvas);
}

/**
 * karavan_timeline_view_get_render_options:
 *
 * What the view shows, as render options for an export of "what I see":
 * language, palette, window, hidden categories and search. The search
 * string belongs to the view; the selection is not included.
 */
void
karavan_timeline_view_get_render_options (KaravanTimelineView  *self,
                                          KaravanRenderOptions *options)
{
  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));
  g_return_if_fail (options != NULL);

  karavan_render_options_init (options, self->lang);
  options->palette = self->palette;
  options->time_from = self->from;
  options->time_to = self->to;
  options->hidden_categories = self->hidden;
  options->search = self->search;
}

KaravanFigure *
karavan_timeline_view_get_figure (KaravanTimelineView *self)
{
  int width = gtk_widget_get_width (self->canvas);
  int height = gtk_widget_get_height (self->canvas);

  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), NULL);

  if (self->view == NULL || width <= 0 || height <= 0)
    return NULL;

  if (self->figure == NULL || self->figure_width != width || self->figure_height != height)
    {
      KaravanRenderOptions options;

      karavan_timeline_view_get_render_options (self, &options);
      options.selected_event = self->selected;
      options.font_size = FIGURE_FONT;
      g_clear_pointer (&self->figure, karavan_figure_free);
      self->figure = karavan_figure_new (self->view, &options, width, height);
      self->figure_width = width;
      self->figure_height = height;
    }

  return self->figure;
}

GtkWidget *
karavan_timeline_view_get_canvas (KaravanTimelineView *self)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), NULL);

  return self->canvas;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  KaravanTimelineView *self = user_data;
  KaravanFigure *figure = karavan_timeline_view_get_figure (self);

  if (figure == NULL)
    return;

  karavan_figure_draw (figure, cr);

  if (gtk_widget_has_visible_focus (self->canvas))
    {
      const KaravanPalette *pal = karavan_palette_get (self->palette);

      cairo_set_source_rgba (cr, pal->series[0].r, pal->series[0].g, pal->series[0].b, 0.7);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
}

/* The plot's horizontal extent, to turn pixels into time. */
static gboolean
plot_x (KaravanTimelineView *self,
        double              *x,
        double              *width)
{
  KaravanFigure *figure = karavan_timeline_view_get_figure (self);
  double y, h;

  if (figure == NULL || !karavan_figure_get_plot_area (figure, x, &y, width, &h) || *width <= 0)
    {
      *x = 0;
      *width = MAX (1, gtk_widget_get_width (self->canvas));
      return FALSE;
    }
  return TRUE;
}

static double
x_to_time (KaravanTimelineView *self,
           double               x)
{
  double px, pw;

  plot_x (self, &px, &pw);
  return self->from + (x - px) / pw * (self->to - self->from);
}

/* ---------------------------------------------------------------------- */
/* Window: zoom and pan                                                   */

static void
clamp_window (KaravanTimelineView *self,
              double              *from,
              double              *to)
{
  double fit_span = self->fit_to - self->fit_from;
  double span = CLAMP (*to - *from, MIN (MIN_SPAN, fit_span), fit_span);

  *from = CLAMP (*from, self->fit_from, self->fit_to - span);
  *to = *from + span;
}

static void
set_window_now (KaravanTimelineView *self,
                double               from,
                double               to)
{
  if (from == self->from && to == self->to)
    return;
  self->from = from;
  self->to = to;
  invalidate (self);
}

static gboolean
animating (KaravanTimelineView *self)
{
  return adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
}

static void
stop_animation (KaravanTimelineView *self)
{
  self->ignore_animation = TRUE;
  adw_animation_reset (self->animation);
  self->ignore_animation = FALSE;
}

static void
animation_cb (double   value,
              gpointer user_data)
{
  KaravanTimelineView *self = user_data;

  if (self->ignore_animation)
    return;
  set_window_now (self,
                  self->anim_from0 + (self->anim_from1 - self->anim_from0) * value,
                  self->anim_to0 + (self->anim_to1 - self->anim_to0) * value);
}

/* The window a new step starts from: where an animation is going. */
static void
base_window (KaravanTimelineView *self,
             double              *from,
             double              *to)
{
  if (animating (self))
    {
      *from = self->anim_from1;
      *to = self->anim_to1;
    }
  else
    {
      *from = self->from;
      *to = self->to;
    }
}

static void
move_window (KaravanTimelineView *self,
             double               from,
             double               to,
             gboolean             animate)
{
  if (self->view == NULL)
    return;

  clamp_window (self, &from, &to);
  stop_animation (self);

  if (!animate || !gtk_widget_get_mapped (self->canvas))
    {
      set_window_now (self, from, to);
      return;
    }

  self->anim_from0 = self->from;
  self->anim_to0 = self->to;
  self->anim_from1 = from;
  self->anim_to1 = to;
  adw_animation_play (self->animation);
}

/* Zooms by @factor (> 1: in) keeping @anchor where it is on screen. */
static void
zoom_at (KaravanTimelineView *self,
         double               factor,
         double               anchor,
         gboolean             animate)
{
  double from, to, span, frac;

  base_window (self, &from, &to);
  span = to - from;
  frac = CLAMP ((anchor - from) / span, 0, 1);
  span /= factor;
  span = CLAMP (span, MIN (MIN_SPAN, self->fit_to - self->fit_from), self->fit_to - self->fit_from);
  move_window (self, anchor - frac * span, anchor - frac * span + span, animate);
}

static void
pan_by (KaravanTimelineView *self,
        double               years,
        gboolean             animate)
{
  double from, to;

  base_window (self, &from, &to);
  move_window (self, from + years, to + years, animate);
}

void
karavan_timeline_view_set_window (KaravanTimelineView *self,
                                  double               time_from,
                                  double               time_to,
                                  gboolean             animate)
{
  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));
  g_return_if_fail (time_to > time_from);

  move_window (self, time_from, time_to, animate);
}

/**
 * karavan_timeline_view_get_window:
 *
 * The window shown, in fractional years (during an animation, the one on
 * screen now).
 */
void
karavan_timeline_view_get_window (KaravanTimelineView *self,
                                  double              *time_from,
                                  double              *time_to)
{
  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));

  *time_from = self->from;
  *time_to = self->to;
}

/* Zooms around the selected event when it is in sight, else the middle. */
void
karavan_timeline_view_zoom (KaravanTimelineView *self,
                            double               factor,
                            gboolean             animate)
{
  KaravanEvent *event;
  double from, to, anchor;

  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  base_window (self, &from, &to);
  anchor = (from + to) / 2;
  event = find_event (self, self->selected, NULL);
  if (event != NULL && event_time (event) >= from && event_time (event) <= to)
    anchor = event_time (event);
  zoom_at (self, factor, anchor, animate);
}

void
karavan_timeline_view_zoom_to_fit (KaravanTimelineView *self,
                                   gboolean             animate)
{
  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));

  move_window (self, self->fit_from, self->fit_to, animate);
}

/* Pans, keeping the zoom, until @event is well inside the window. */
static void
show_event (KaravanTimelineView *self,
            const KaravanEvent  *event,
            gboolean             animate)
{
  double from, to, span, t = event_time (event), margin;

  base_window (self, &from, &to);
  span = to - from;
  margin = span * 0.08;
  if (t >= from + margin && t <= to - margin)
    return;
  move_window (self, t - span / 2, t + span / 2, animate);
}

/* ---------------------------------------------------------------------- */
/* Selection                                                              */

static void
update_accessible_description (KaravanTimelineView *self)
{
  KaravanEvent *event = find_event (self, self->selected, NULL);
  g_autofree char *text = NULL;

  if (event != NULL)
    {
      g_autofree char *date = karavan_event_get_date_text (event, self->lang);
      const char *title = karavan_text_get (&event->title, self->lang);

      /* TRANSLATORS: read by screen readers: the selected event's title and date */
      text = g_strdup_printf (_("Selected: %s, %s"), title ? title : event->id, date);
    }
  else
    text = g_strdup (_("No event selected. Use the arrow keys to move between events."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* @reveal: pan to the event if it is not well in sight. */
static void
set_selected (KaravanTimelineView *self,
              const KaravanEvent  *event,
              gboolean             reveal)
{
  const char *id = event != NULL ? event->id : NULL;

  if (g_strcmp0 (id, self->selected) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (id);
      invalidate (self);
      update_accessible_description (self);
      update_details (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
    }
  if (event != NULL && reveal)
    show_event (self, event, TRUE);
}

/**
 * karavan_timeline_view_select_event:
 * @event_id: (nullable): an event of the timeline, or %NULL to select none
 *
 * Selects an event and pans to it. A hidden category of the event is
 * shown again and a search that hides it is cleared, so that the
 * selection is always in sight. Returns %FALSE if there is no such event.
 */
gboolean
karavan_timeline_view_select_event (KaravanTimelineView *self,
                                    const char          *event_id)
{
  KaravanEvent *event;

  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), FALSE);

  if (event_id == NULL)
    {
      set_selected (self, NULL, FALSE);
      return TRUE;
    }

  event = find_event (self, event_id, NULL);
  if (event == NULL)
    return FALSE;

  if (!event_shown (self, event))
    {
      guint c = category_index (get_timeline (self), event->category);

      if (!category_visible (self, c))
        karavan_timeline_view_set_category_visible (self, c, TRUE);
      if (self->search != NULL && !karavan_event_matches (event, self->search, self->lang))
        karavan_timeline_view_set_search (self, NULL);
    }

  set_selected (self, event, TRUE);
  return TRUE;
}

const char *
karavan_timeline_view_get_selected_event (KaravanTimelineView *self)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), NULL);

  return self->selected;
}

static void
open_selected (KaravanTimelineView *self)
{
  if (self->selected == NULL)
    return;

  update_details (self);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->details_revealer), TRUE);
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, self->selected);
}

/**
 * karavan_timeline_view_open_event:
 *
 * Selects the event, pans to it and shows its details; emits
 * #KaravanTimelineView::event-activated. For charts' event markers.
 */
gboolean
karavan_timeline_view_open_event (KaravanTimelineView *self,
                                  const char          *event_id)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);

  if (!karavan_timeline_view_select_event (self, event_id))
    return FALSE;
  open_selected (self);
  return TRUE;
}

gboolean
karavan_timeline_view_get_details_visible (KaravanTimelineView *self)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), FALSE);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->details_revealer));
}

void
karavan_timeline_view_close_details (KaravanTimelineView *self)
{
  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->details_revealer), FALSE);
}

/* The next shown event after (@step > 0) or before the selected one; with
 * none selected, the first in sight. */
static void
select_step (KaravanTimelineView *self,
             int                  step)
{
  KaravanTimeline *timeline = get_timeline (self);
  int index = -1;

  if (timeline == NULL)
    return;

  if (find_event (self, self->selected, &index) == NULL)
    {
      for (guint i = 0; i < timeline->events->len; i++)
        {
          KaravanEvent *event = timeline->events->pdata[i];

          if (event_shown (self, event) && event_time (event) >= self->from)
            {
              set_selected (self, event, TRUE);
              return;
            }
        }
      return;
    }

  for (int i = index + step; i >= 0 && i < (int) timeline->events->len; i += step)
    if (event_shown (self, timeline->events->pdata[i]))
      {
        set_selected (self, timeline->events->pdata[i], TRUE);
        return;
      }
  gtk_widget_error_bell (self->canvas);
}

static void
select_end (KaravanTimelineView *self,
            gboolean             last)
{
  KaravanTimeline *timeline = get_timeline (self);
  guint n = timeline != NULL ? timeline->events->len : 0;

  for (guint k = 0; k < n; k++)
    {
      KaravanEvent *event = timeline->events->pdata[last ? n - 1 - k : k];

      if (event_shown (self, event))
        {
          set_selected (self, event, TRUE);
          return;
        }
    }
}

/* The nearest shown event in the next lane up or down that has one. */
static void
select_lane_step (KaravanTimelineView *self,
                  int                  step)
{
  KaravanTimeline *timeline = get_timeline (self);
  KaravanEvent *current = find_event (self, self->selected, NULL);
  int lane;

  if (current == NULL)
    {
      select_step (self, 1);
      return;
    }

  for (lane = (int) category_index (timeline, current->category) + step;
       lane >= 0 && lane < (int) timeline->categories->len; lane += step)
    {
      KaravanEvent *best = NULL;
      double best_d = G_MAXDOUBLE;

      if (!category_visible (self, (guint) lane))
        continue;
      for (guint i = 0; i < timeline->events->len; i++)
        {
          KaravanEvent *event = timeline->events->pdata[i];
          double d = fabs (event_time (event) - event_time (current));

          if (event->category == timeline->categories->pdata[lane] && event_shown (self, event) && d < best_d)
            {
              best = event;
              best_d = d;
            }
        }
      if (best != NULL)
        {
          set_selected (self, best, TRUE);
          return;
        }
    }
  gtk_widget_error_bell (self->canvas);
}

/* After a change of filter: a selection that is no longer shown goes,
 * one that is stays in sight. */
static void
filters_changed (KaravanTimelineView *self)
{
  KaravanEvent *event = find_event (self, self->selected, NULL);

  invalidate (self);

  if (event != NULL && !event_shown (self, event))
    {
      set_selected (self, NULL, FALSE);
      karavan_timeline_view_close_details (self);
    }
  else if (event != NULL)
    show_event (self, event, TRUE);

  update_count (self);
}

static void
update_count (KaravanTimelineView *self)
{
  KaravanTimeline *timeline = get_timeline (self);
  guint shown = 0, total = timeline != NULL ? timeline->events->len : 0;

  for (guint i = 0; i < total; i++)
    shown += event_shown (self, timeline->events->pdata[i]);

  if (shown == total)
    gtk_label_set_text (GTK_LABEL (self->count_label), "");
  else
    {
      /* TRANSLATORS: how many events the filter and search leave */
      g_autofree char *text = g_strdup_printf (ngettext ("%u of %u event", "%u of %u events", total),
                                               shown, total);

      gtk_label_set_text (GTK_LABEL (self->count_label), text);
    }
}

/* ---------------------------------------------------------------------- */
/* Filter and search                                                      */

static void
apply_search (KaravanTimelineView *self,
              const char          *search)
{
  g_autofree char *stripped = g_strstrip (g_strdup (search != NULL ? search : ""));

  if (stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (stripped, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  filters_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * karavan_timeline_view_set_search:
 * @search: (nullable): words that every event shown must contain
 *
 * Filters the events, as typing in the search entry does (the entry
 * shows @search).
 */
void
karavan_timeline_view_set_search (KaravanTimelineView *self,
                                  const char          *search)
{
  g_autofree char *typed = NULL;
  g_autofree char *wanted = NULL;

  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));

  /* The entry shows it, unless it already says as much. */
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  wanted = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (strcmp (typed, wanted) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), wanted);
  apply_search (self, search);
}

const char *
karavan_timeline_view_get_search (KaravanTimelineView *self)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), NULL);

  return self->search;
}

void
karavan_timeline_view_set_category_visible (KaravanTimelineView *self,
                                            guint                index,
                                            gboolean             visible)
{
  guint64 hidden;

  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));

  if (index >= 64)
    return;
  hidden = visible ? self->hidden & ~(G_GUINT64_CONSTANT (1) << index)
                   : self->hidden | G_GUINT64_CONSTANT (1) << index;
  if (hidden == self->hidden)
    return;
  self->hidden = hidden;

  if (index < self->category_buttons->len)
    {
      self->updating_buttons = TRUE;
      gtk_toggle_button_set_active (self->category_buttons->pdata[index], visible);
      self->updating_buttons = FALSE;
    }
  filters_changed (self);
}

gboolean
karavan_timeline_view_get_category_visible (KaravanTimelineView *self,
                                            guint                index)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), FALSE);

  return category_visible (self, index);
}

static void
on_category_toggled_cb (GtkToggleButton     *button,
                        KaravanTimelineView *self)
{
  if (self->updating_buttons)
    return;
  karavan_timeline_view_set_category_visible (self,
                                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")),
                                              gtk_toggle_button_get_active (button));
}

static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  const KaravanRgb *color = user_data;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_fill (cr);
}

static GtkWidget *
swatch_new (const KaravanEventCategory *category,
            guint                       index)
{
  GtkWidget *swatch = gtk_drawing_area_new ();
  KaravanRgb *color = g_new (KaravanRgb, 1);

  *color = karavan_palette_get (KARAVAN_PALETTE_LIGHT)->series[index % KARAVAN_PALETTE_N_SERIES];
  if (category->color != NULL)
    karavan_rgb_parse (category->color, color);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_cb, color, g_free);
  return swatch;
}

static void
rebuild_category_buttons (KaravanTimelineView *self)
{
  KaravanTimeline *timeline = get_timeline (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->filter_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->filter_box), child);
  g_ptr_array_set_size (self->category_buttons, 0);

  for (guint c = 0; timeline != NULL && c < timeline->categories->len; c++)
    {
      KaravanEventCategory *category = timeline->categories->pdata[c];
      const char *name = karavan_text_get (&category->label, self->lang);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *widget_name = g_strdup_printf ("category-%s", category->id);
      g_autofree char *tooltip = NULL;

      if (name == NULL)
        name = category->id;
      gtk_box_append (GTK_BOX (box), swatch_new (category, c));
      gtk_box_append (GTK_BOX (box), gtk_label_new (name));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_name (button, widget_name);
      gtk_widget_add_css_class (button, "flat");
      /* TRANSLATORS: tooltip of a category's toggle in the timeline's filter */
      tooltip = g_strdup_printf (_("Show or hide “%s”"), name);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), category_visible (self, c));
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (c));
      g_signal_connect (button, "toggled", G_CALLBACK (on_category_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->filter_box), button);
      g_ptr_array_add (self->category_buttons, button);
    }
}

static void
on_search_changed_cb (GtkSearchEntry      *entry,
                      KaravanTimelineView *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search: the first match, and back to the timeline. */
static void
on_search_activate_cb (GtkSearchEntry      *entry,
                       KaravanTimelineView *self)
{
  KaravanEvent *event = find_event (self, self->selected, NULL);

  if (event == NULL || !event_shown (self, event))
    select_end (self, FALSE);
  gtk_widget_grab_focus (self->canvas);
}

static void
on_search_stop_cb (GtkSearchEntry      *entry,
                   KaravanTimelineView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (self->canvas);
}

/* ---------------------------------------------------------------------- */
/* Details                                                                */

static GtkWidget *
details_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static gboolean
safe_uri (const char *uri)
{
  /* Interned and lower case; only web pages are opened. */
  const char *scheme = uri != NULL ? g_uri_peek_scheme (uri) : NULL;

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

static void
append_sources (KaravanTimelineView *self,
                GtkBox              *box,
                GPtrArray           *sources)
{
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      KaravanSource *source = sources->pdata[i];
      const char *citation = karavan_text_get (&source->citation, self->lang);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_box_append (GTK_BOX (row), details_label (citation ? citation : source->id, "caption"));
      if (safe_uri (source->url))
        {
          g_autoptr(GUri) uri = g_uri_parse (source->url, G_URI_FLAGS_NONE, NULL);
          const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
          GtkWidget *link = gtk_link_button_new_with_label (source->url, host ? host : source->url);

          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (link, source->url);
          gtk_box_append (GTK_BOX (row), link);
        }
      gtk_box_append (box, row);
    }
}

static void
update_details (KaravanTimelineView *self)
{
  KaravanEvent *event = find_event (self, self->selected, NULL);
  KaravanTimeline *timeline = get_timeline (self);
  GtkBox *box = GTK_BOX (self->details_box);
  GtkWidget *child, *header, *close, *heading;
  const char *text;
  g_autofree char *date = NULL;

  while ((child = gtk_widget_get_first_child (self->details_box)) != NULL)
    gtk_box_remove (box, child);

  if (event == NULL)
    {
      gtk_box_append (box, details_label (_("Select an event to see its details."), "dim-label"));
      return;
    }

  /* Category, and the close button. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  text = karavan_text_get (&event->category->label, self->lang);
  gtk_box_append (GTK_BOX (header), swatch_new (event->category, category_index (timeline, event->category)));
  child = details_label (text ? text : event->category->id, "caption-heading");
  gtk_widget_set_hexpand (child, TRUE);
  gtk_box_append (GTK_BOX (header), child);
  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_tooltip_text (close, _("Close the details"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the details"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "timeline.close-details");
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (box, header);

  text = karavan_text_get (&event->title, self->lang);
  gtk_box_append (box, details_label (text ? text : event->id, "title-3"));
  date = karavan_event_get_date_text (event, self->lang);
  gtk_box_append (box, details_label (date, "dim-label"));

  text = karavan_text_get (&event->description, self->lang);
  if (text != NULL)
    gtk_box_append (box, details_label (text, NULL));

  for (guint i = 0; event->corrections != NULL && i < event->corrections->len; i++)
    {
      KaravanCorrection *correction = event->corrections->pdata[i];
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_add_css_class (frame, "card");
      gtk_widget_set_margin_top (frame, 6);
      heading = details_label (_("Correction"), "heading");
      gtk_widget_set_margin_start (heading, 8);
      gtk_widget_set_margin_top (heading, 8);
      gtk_box_append (GTK_BOX (frame), heading);
      text = karavan_text_get (&correction->text, self->lang);
      child = details_label (text ? text : "", NULL);
      gtk_widget_set_margin_start (child, 8);
      gtk_widget_set_margin_end (child, 8);
      gtk_box_append (GTK_BOX (frame), child);
      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_margin_start (child, 8);
      gtk_widget_set_margin_end (child, 8);
      gtk_widget_set_margin_bottom (child, 8);
      append_sources (self, GTK_BOX (child), correction->sources);
      gtk_box_append (GTK_BOX (frame), child);
      gtk_box_append (box, frame);
    }

  heading = details_label (ngettext ("Source", "Sources", event->sources ? event->sources->len : 0), "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (box, heading);
  append_sources (self, box, event->sources);
}

/* ---------------------------------------------------------------------- */
/* Input                                                                  */

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   KaravanTimelineView   *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  double span = self->to - self->from;

  if (self->view == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      karavan_timeline_view_zoom (self, ZOOM_STEP, TRUE);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      karavan_timeline_view_zoom (self, 1 / ZOOM_STEP, TRUE);
      return TRUE;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      karavan_timeline_view_zoom_to_fit (self, TRUE);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int dir = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;

        if (self->selected != NULL && !shift)
          select_step (self, dir);
        else
          pan_by (self, dir * span * PAN_STEP, TRUE);
        return TRUE;
      }

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      select_lane_step (self, -1);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      select_lane_step (self, 1);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      select_end (self, FALSE);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      select_end (self, TRUE);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->selected == NULL)
        select_step (self, 1);
      else
        open_selected (self);
      return TRUE;

    case GDK_KEY_Escape:
      if (karavan_timeline_view_get_details_visible (self))
        karavan_timeline_view_close_details (self);
      else if (self->selected != NULL)
        set_selected (self, NULL, FALSE);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_f:
    case GDK_KEY_F:
      if (!ctrl)
        return FALSE;
      gtk_widget_grab_focus (self->search_entry);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              KaravanTimelineView      *self)
{
  KaravanFigure *figure = karavan_timeline_view_get_figure (self);

  self->pointer_x = x;
  if (self->dragging)
    return;
  gtk_widget_set_cursor_from_name (self->canvas,
                                   figure != NULL && karavan_figure_hit_event (figure, x, y) != NULL ? "pointer" : NULL);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              KaravanTimelineView      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double px, pw, span = self->to - self->from;

  if (self->view == NULL)
    return FALSE;

  plot_x (self, &px, &pw);

  if (state & GDK_CONTROL_MASK)
    {
      double steps = wheel ? dy : dy / 40.0;

      zoom_at (self, pow (1.25, -steps), x_to_time (self, self->pointer_x), FALSE);
      return TRUE;
    }

  /* Either axis pans: there is nothing to scroll vertically. */
  {
    double d = fabs (dx) > fabs (dy) ? dx : dy;

    pan_by (self, wheel ? d * span * PAN_STEP : d * span / pw, FALSE);
  }
  return TRUE;
}

static void
on_drag_begin_cb (GtkGestureDrag      *gesture,
                  double               x,
                  double               y,
                  KaravanTimelineView *self)
{
  stop_animation (self);
  self->gesture_from = self->from;
  self->gesture_to = self->to;
  self->dragging = FALSE;
}

static void
on_drag_update_cb (GtkGestureDrag      *gesture,
                   double               offset_x,
                   double               offset_y,
                   KaravanTimelineView *self)
{
  double px, pw, shift;

  if (!self->dragging && fabs (offset_x) < 4)
    return;
  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_widget_set_cursor_from_name (self->canvas, "grabbing");
    }
  plot_x (self, &px, &pw);
  shift = -offset_x * (self->gesture_to - self->gesture_from) / pw;
  move_window (self, self->gesture_from + shift, self->gesture_to + shift, FALSE);
}

static void
on_drag_end_cb (GtkGestureDrag      *gesture,
                double               offset_x,
                double               offset_y,
                KaravanTimelineView *self)
{
  if (self->dragging)
    gtk_widget_set_cursor_from_name (self->canvas, NULL);
  self->dragging = FALSE;
}

static void
on_zoom_begin_cb (GtkGesture          *gesture,
                  GdkEventSequence    *sequence,
                  KaravanTimelineView *self)
{
  double x, y;

  stop_animation (self);
  self->gesture_from = self->from;
  self->gesture_to = self->to;
  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = gtk_widget_get_width (self->canvas) / 2.0;
  self->gesture_anchor = x_to_time (self, x);
  self->gesture_frac = (self->gesture_anchor - self->from) / (self->to - self->from);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom      *gesture,
                          double               scale,
                          KaravanTimelineView *self)
{
  double span = (self->gesture_to - self->gesture_from) / MAX (scale, 0.01);
  double from = self->gesture_anchor - self->gesture_frac * span;

  move_window (self, from, from + span, FALSE);
}

static void
on_click_pressed_cb (GtkGestureClick     *gesture,
                     int                  n_press,
                     double               x,
                     double               y,
                     KaravanTimelineView *self)
{
  KaravanFigure *figure = karavan_timeline_view_get_figure (self);
  const KaravanEventBox *box = figure != NULL ? karavan_figure_hit_event (figure, x, y) : NULL;

  gtk_widget_grab_focus (self->canvas);

  if (box == NULL)
    {
      if (n_press == 1)
        set_selected (self, NULL, FALSE);
      return;
    }

  /* It is under the pointer: no panning, or a double click would miss. */
  set_selected (self, box->event, FALSE);
  if (n_press == 2)
    open_selected (self);
}

static gboolean
on_query_tooltip_cb (GtkWidget           *widget,
                     int                  x,
                     int                  y,
                     gboolean             keyboard,
                     GtkTooltip          *tooltip,
                     KaravanTimelineView *self)
{
  KaravanFigure *figure = karavan_timeline_view_get_figure (self);
  const KaravanEventBox *box;
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;
  const char *title;

  if (figure == NULL || keyboard || (box = karavan_figure_hit_event (figure, x, y)) == NULL)
    return FALSE;

  title = karavan_text_get (&box->event->title, self->lang);
  date = karavan_event_get_date_text (box->event, self->lang);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", title ? title : box->event->id, date);
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) box->x, (int) box->y,
                                                       MAX (1, (int) box->width), MAX (1, (int) box->height) });
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Actions                                                                */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  karavan_timeline_view_zoom (KARAVAN_TIMELINE_VIEW (widget), ZOOM_STEP, TRUE);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  karavan_timeline_view_zoom (KARAVAN_TIMELINE_VIEW (widget), 1 / ZOOM_STEP, TRUE);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  karavan_timeline_view_zoom_to_fit (KARAVAN_TIMELINE_VIEW (widget), TRUE);
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KaravanTimelineView *self = KARAVAN_TIMELINE_VIEW (widget);

  karavan_timeline_view_close_details (self);
  gtk_widget_grab_focus (self->canvas);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static gboolean
karavan_timeline_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (KARAVAN_TIMELINE_VIEW (widget)->canvas);
}

static void
karavan_timeline_view_dispose (GObject *object)
{
  KaravanTimelineView *self = KARAVAN_TIMELINE_VIEW (object);
  GtkWidget *child;

  if (self->animation != NULL)
    stop_animation (self);
  g_clear_object (&self->animation);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->category_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->figure, karavan_figure_free);
  g_clear_object (&self->dataset);
  self->view = NULL;

  G_OBJECT_CLASS (karavan_timeline_view_parent_class)->dispose (object);
}

static void
karavan_timeline_view_finalize (GObject *object)
{
  KaravanTimelineView *self = KARAVAN_TIMELINE_VIEW (object);

  g_free (self->search);
  g_free (self->selected);

  G_OBJECT_CLASS (karavan_timeline_view_parent_class)->finalize (object);
}

static void
karavan_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KaravanTimelineView *self = KARAVAN_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      g_value_set_string (value, self->selected);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_timeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KaravanTimelineView *self = KARAVAN_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      karavan_timeline_view_select_event (self, g_value_get_string (value));
      break;
    case PROP_SEARCH:
      karavan_timeline_view_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_timeline_view_class_init (KaravanTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_timeline_view_dispose;
  object_class->finalize = karavan_timeline_view_finalize;
  object_class->get_property = karavan_timeline_view_get_property;
  object_class->set_property = karavan_timeline_view_set_property;
  widget_class->grab_focus = karavan_timeline_view_grab_focus;

  /**
   * KaravanTimelineView:selected-event:
   *
   * The id of the selected event, or %NULL.
   */
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_string ("selected-event", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KaravanTimelineView:search:
   *
   * The search: only events that match every word are shown.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KaravanTimelineView::event-activated:
   * @event_id: the event's id
   *
   * An event was opened: Enter, a double click, or
   * karavan_timeline_view_open_event(). Its details are shown.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.close-details", NULL, close_details_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
karavan_timeline_view_init (KaravanTimelineView *self)
{
  GtkWidget *main_box, *zoom_box, *scrolled;
  GtkEventController *controller;
  GtkGesture *gesture;

  self->lang = karavan_lang_from_environment ();
  self->palette = KARAVAN_PALETTE_LIGHT;
  self->fit_from = self->from = 0;
  self->fit_to = self->to = 1;
  self->category_buttons = g_ptr_array_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* Toolbar: search, count, zoom. */
  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (self->toolbar, 6);
  gtk_widget_set_margin_end (self->toolbar, 6);
  gtk_widget_set_margin_top (self->toolbar, 6);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_name (self->search_entry, "timeline-search");
  g_object_set (self->search_entry, "placeholder-text", _("Search events"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search events"), -1);
  gtk_widget_set_size_request (self->search_entry, 220, -1);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb), self);
  gtk_box_append (GTK_BOX (self->toolbar), self->search_entry);

  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_set_hexpand (self->count_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 0);
  gtk_box_append (GTK_BOX (self->toolbar), self->count_label);

  zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_box, "linked");
  gtk_box_append (GTK_BOX (zoom_box), icon_button ("zoom-out-symbolic", "timeline.zoom-out", _("Zoom out")));
  gtk_box_append (GTK_BOX (zoom_box), icon_button ("zoom-fit-best-symbolic", "timeline.zoom-fit", _("Show all")));
  gtk_box_append (GTK_BOX (zoom_box), icon_button ("zoom-in-symbolic", "timeline.zoom-in", _("Zoom in")));
  gtk_box_append (GTK_BOX (self->toolbar), zoom_box);

  /* Category filter: one toggle per lane, in its colour. */
  self->filter_box = gtk_flow_box_new ();
  gtk_widget_set_name (self->filter_box, "timeline-categories");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->filter_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->filter_box), 16);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->filter_box), 2);
  gtk_widget_set_margin_start (self->filter_box, 6);
  gtk_widget_set_margin_end (self->filter_box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Categories shown"), -1);
  gtk_widget_set_parent (self->filter_box, GTK_WIDGET (self));

  /* The timeline and its details. */
  main_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (main_box, TRUE);
  gtk_widget_set_parent (main_box, GTK_WIDGET (self));

  self->canvas = gtk_drawing_area_new ();
  gtk_widget_set_name (self->canvas, "timeline-canvas");
  gtk_widget_set_hexpand (self->canvas, TRUE);
  gtk_widget_set_vexpand (self->canvas, TRUE);
  gtk_widget_set_focusable (self->canvas, TRUE);
  gtk_widget_set_focus_on_click (self->canvas, TRUE);
  gtk_widget_set_size_request (self->canvas, 320, 240);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->canvas), draw_cb, self, NULL);
  gtk_widget_set_has_tooltip (self->canvas, TRUE);
  g_signal_connect (self->canvas, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  gtk_box_append (GTK_BOX (main_box), self->canvas);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (self->canvas, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (self->canvas, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (self->canvas, controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (gesture));

  self->details_revealer = gtk_revealer_new ();
  gtk_widget_set_name (self->details_revealer, "timeline-details");
  gtk_revealer_set_transition_type (GTK_REVEALER (self->details_revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
  /* Not from its content: the timeline takes the room there is. */
  gtk_widget_set_hexpand (self->details_revealer, FALSE);
  gtk_box_append (GTK_BOX (main_box), self->details_revealer);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_widget_add_css_class (scrolled, "view");
  gtk_revealer_set_child (GTK_REVEALER (self->details_revealer), scrolled);

  self->details_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->details_box, 12);
  gtk_widget_set_margin_end (self->details_box, 12);
  gtk_widget_set_margin_top (self->details_box, 12);
  gtk_widget_set_margin_bottom (self->details_box, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event details"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->details_box);

  self->animation = adw_timed_animation_new (self->canvas, 0, 1, 250,
                                             adw_callback_animation_target_new (animation_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);

  update_accessible_description (self);
  update_details (self);
}

GtkWidget *
karavan_timeline_view_new (void)
{
  return g_object_new (KARAVAN_TYPE_TIMELINE_VIEW, NULL);
}

/* Whether @view is a new version of the view shown (the same ids in a
 * reloaded file, or the very same view). */
static gboolean
is_same_view (KaravanTimelineView *self,
              KaravanDataset      *dataset,
              const KaravanView   *view)
{
  if (self->view == NULL || view == NULL)
    return FALSE;
  if (self->view == view)
    return TRUE;
  return self->dataset != NULL && dataset != NULL &&
         g_strcmp0 (karavan_dataset_get_id (self->dataset), karavan_dataset_get_id (dataset)) == 0 &&
         g_strcmp0 (self->view->id, view->id) == 0;
}

/**
 * karavan_timeline_view_set_view:
 * @dataset: (nullable): the dataset of @view, kept alive by the widget
 * @view: (nullable): a timeline view
 *
 * Shows @view, all of it, with every category and no search or
 * selection. A new version of the view shown (the same dataset and view
 * ids, as after its file is reloaded) keeps the zoom, the position, the
 * hidden categories, the search and the selected event, as far as they
 * still exist in it.
 */
void
karavan_timeline_view_set_view (KaravanTimelineView *self,
                                KaravanDataset      *dataset,
                                const KaravanView   *view)
{
  g_autoptr(GPtrArray) hidden_ids = g_ptr_array_new_with_free_func (g_free);
  gboolean had_selection, keep, had_details;

  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));
  g_return_if_fail (view == NULL || view->kind == KARAVAN_VIEW_TIMELINE);

  stop_animation (self);
  keep = is_same_view (self, dataset, view);
  had_details = karavan_timeline_view_get_details_visible (self);

  /* Categories are kept by id: a new version may order them anew. The
   * old view goes with the old dataset, so this is read first. */
  for (guint c = 0; keep && c < get_timeline (self)->categories->len; c++)
    if (!category_visible (self, c))
      g_ptr_array_add (hidden_ids, g_strdup (((KaravanEventCategory *) get_timeline (self)->categories->pdata[c])->id));

  /* Take the new dataset before dropping the old: it may be the same. */
  if (dataset)
    g_object_ref (dataset);
  g_clear_object (&self->dataset);
  self->dataset = dataset;
  self->view = view;
  self->hidden = 0;
  had_selection = self->selected != NULL;

  if (keep)
    {
      KaravanTimeline *timeline = view->timeline;
      double from = self->from, to = self->to;
      const char *title;
      KaravanEvent *event;

      for (guint c = 0; c < timeline->categories->len && c < 64; c++)
        for (guint h = 0; h < hidden_ids->len; h++)
          if (g_strcmp0 (((KaravanEventCategory *) timeline->categories->pdata[c])->id, hidden_ids->pdata[h]) == 0)
            self->hidden |= G_GUINT64_CONSTANT (1) << c;

      event = find_event (self, self->selected, NULL);
      if (event == NULL || !event_shown (self, event))
        {
          g_clear_pointer (&self->selected, g_free);
          had_details = FALSE;
        }

      karavan_timeline_get_extent (timeline, &self->fit_from, &self->fit_to);
      clamp_window (self, &from, &to);
      self->from = from;
      self->to = to;

      title = karavan_text_get (&view->title, self->lang);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : view->id,
                                      -1);
      rebuild_category_buttons (self);
      update_count (self);
      update_details (self);
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->details_revealer), had_details);
      update_accessible_description (self);
      invalidate (self);
      if (had_selection && self->selected == NULL)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
      return;
    }

  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->search, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_label_set_text (GTK_LABEL (self->count_label), "");
  karavan_timeline_view_close_details (self);

  if (view != NULL)
    {
      const char *title = karavan_text_get (&view->title, self->lang);

      karavan_timeline_get_extent (view->timeline, &self->fit_from, &self->fit_to);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : view->id,
                                      -1);
    }
  else
    {
      self->fit_from = 0;
      self->fit_to = 1;
    }
  self->from = self->fit_from;
  self->to = self->fit_to;

  rebuild_category_buttons (self);
  update_details (self);
  update_accessible_description (self);
  invalidate (self);
  if (had_selection)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

const KaravanView *
karavan_timeline_view_get_view (KaravanTimelineView *self)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), NULL);

  return self->view;
}

void
karavan_timeline_view_set_lang (KaravanTimelineView *self,
                                KaravanLang          lang)
{
  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));

  if (self->lang == lang)
    return;
  self->lang = lang;
  if (self->view != NULL)
    {
      const char *title = karavan_text_get (&self->view->title, lang);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : self->view->id,
                                      -1);
    }
  rebuild_category_buttons (self);
  update_details (self);
  update_accessible_description (self);
  /* The search reads the texts of the new language. */
  filters_changed (self);
}

KaravanLang
karavan_timeline_view_get_lang (KaravanTimelineView *self)
{
  g_return_val_if_fail (KARAVAN_IS_TIMELINE_VIEW (self), KARAVAN_LANG_EN);

  return self->lang;
}

void
karavan_timeline_view_set_palette (KaravanTimelineView *self,
                                   KaravanPaletteKind   palette)
{
  g_return_if_fail (KARAVAN_IS_TIMELINE_VIEW (self));

  if (self->palette == palette)
    return;
  self->palette = palette;
  invalidate (self);
}
