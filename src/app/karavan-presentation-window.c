/* karavan-presentation-window.c: a lesson projected full screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is a state machine over (step, reveal): a step that unfolds
 * has reveal steps 1 … n, one per press of the clicker; a step that does
 * not has one state. The slide for the current state is laid out for the
 * canvas's size and kept until the state or the size changes; while a
 * change fades in, the slide it leaves is kept too and drawn under it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-handout.h"
#include "karavan-presentation-window.h"

#define FADE_STEP_MS     300
#define FADE_REVEAL_MS   350
#define POINTER_IDLE_MS  2000
#define STATUS_MS        1500
#define HINT_MS          4000

struct _KaravanPresentationWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkDrawingArea *canvas;
  GtkRevealer    *status_revealer;
  GtkLabel       *status_label;

  /* Owned references */
  KaravanDeck    *deck;
  KaravanSlide   *slide;         /* the current state, at the canvas's size */
  KaravanSlide   *old_slide;     /* the state a fade leaves */
  AdwAnimation   *animation;
  int            *n_reveals;     /* per step; -1 until known */

  /* State */
  KaravanLang     lang;
  guint           step;
  int             reveal;        /* 1 … n_reveal; 1 when the step does not unfold */
  gboolean        blanked;
  gboolean        show_notes;
  double          fade;          /* 0 → 1 while a change fades in */
  int             slide_width;
  int             slide_height;

  gboolean        pointer_hidden;
  double          pointer_x;
  double          pointer_y;
  guint           pointer_timeout_id;
  guint           status_timeout_id;
};

G_DEFINE_FINAL_TYPE (KaravanPresentationWindow, karavan_presentation_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_REVEAL,
  PROP_BLANKED,
  PROP_SHOW_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_accessible (KaravanPresentationWindow *self);

/* Without a compositor GTK frames windows it decorates itself in a few
 * pixels of "solid-csd" padding, fullscreen or not: a projected slide
 * has no frame. */
static const char frameless_css[] =
  "window.karavan-presentation, window.karavan-presentation.solid-csd {"
  "  margin: 0; padding: 0; border-width: 0; border-radius: 0; box-shadow: none; outline: none;"
  "}";

static void
install_css (GdkDisplay *display)
{
  static GQuark quark;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (quark == 0)
    quark = g_quark_from_static_string ("karavan-presentation-css");
  if (display == NULL || g_object_get_qdata (G_OBJECT (display), quark) != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, frameless_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_qdata (G_OBJECT (display), quark, GINT_TO_POINTER (1));
}

/* ---------------------------------------------------------------------- */
/* Slides                                                                 */

static void
base_options (KaravanPresentationWindow *self,
              int                        width,
              int                        height,
              KaravanRenderOptions      *options)
{
  karavan_slide_options_init (options, self->lang, width, height);
}

/* How many presses unfold @step (at least 1). The count does not depend
 * on the size, so any size will do before the canvas has one. */
static int
get_n_reveal (KaravanPresentationWindow *self,
              guint                      step)
{
  if (self->n_reveals[step] < 0)
    {
      const KaravanDeckStep *deck_step = karavan_deck_get_step (self->deck, step);
      int width = self->slide_width > 0 ? self->slide_width : KARAVAN_SLIDE_WIDTH;
      int height = self->slide_height > 0 ? self->slide_height : KARAVAN_SLIDE_HEIGHT;
      g_autoptr(KaravanSlide) slide = NULL;
      KaravanRenderOptions options;

      base_options (self, width, height, &options);
      slide = karavan_slide_new (deck_step, &options, 0, width, height);
      self->n_reveals[step] = MAX (1, karavan_slide_get_reveal_steps (slide));
    }

  return self->n_reveals[step];
}

/**
 * karavan_presentation_window_get_render_options:
 * @options: (out caller-allocates): the options the current slide is
 *   drawn with at the canvas's size, before the step's own toggles
 *   (see karavan_deck_step_get_render_options())
 */
void
karavan_presentation_window_get_render_options (KaravanPresentationWindow *self,
                                                KaravanRenderOptions      *options)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));

  base_options (self, MAX (width, 1), MAX (height, 1), options);
  /* The last reveal step shows everything, as "all" does. */
  options->reveal = self->reveal >= get_n_reveal (self, self->step) ? -1 : self->reveal;
}

static KaravanSlide *
make_slide (KaravanPresentationWindow *self,
            int                        width,
            int                        height)
{
  KaravanRenderOptions options;

  karavan_presentation_window_get_render_options (self, &options);
  options.font_size = karavan_slide_font_size_for (width, height);
  return karavan_slide_new (karavan_deck_get_step (self->deck, self->step), &options,
                            KARAVAN_SLIDE_BRIEF_SOURCES | (self->show_notes ? KARAVAN_SLIDE_NOTE : 0),
                            width, height);
}

static void
on_fade_cb (double                     value,
            KaravanPresentationWindow *self)
{
  self->fade = value;
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_fade_done_cb (AdwAnimation              *animation,
                 KaravanPresentationWindow *self)
{
  g_clear_pointer (&self->old_slide, karavan_slide_free);
  self->fade = 1;
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  KaravanPresentationWindow *self = user_data;

  if (self->blanked)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      return;
    }

  if (self->slide == NULL || self->slide_width != width || self->slide_height != height)
    {
      /* A new size: the slide being left is of the old one, drop it
       * (the fade, if any, runs on over the new slide alone). */
      g_clear_pointer (&self->old_slide, karavan_slide_free);
      g_clear_pointer (&self->slide, karavan_slide_free);
      self->slide_width = width;
      self->slide_height = height;
      self->slide = make_slide (self, width, height);
      update_accessible (self);
    }

  if (self->old_slide != NULL && self->fade < 1)
    {
      karavan_slide_draw (self->old_slide, cr);
      cairo_push_group (cr);
      karavan_slide_draw (self->slide, cr);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, CLAMP (self->fade, 0, 1));
    }
  else
    karavan_slide_draw (self->slide, cr);
}

/* ---------------------------------------------------------------------- */
/* What the room sees besides the slide                                   */

static gboolean
on_status_timeout_cb (gpointer user_data)
{
  KaravanPresentationWindow *self = user_data;

  self->status_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
show_status (KaravanPresentationWindow *self,
             const char                *text,
             guint                      timeout_ms)
{
  gtk_label_set_text (self->status_label, text);
  gtk_revealer_set_reveal_child (self->status_revealer, !self->blanked);
  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  self->status_timeout_id = g_timeout_add (timeout_ms, on_status_timeout_cb, self);
}

/* "3 / 8", and the reveal as dots: "3 / 8   ● ● ○". */
static void
show_position (KaravanPresentationWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_steps = karavan_deck_get_n_steps (self->deck);
  int n_reveal = get_n_reveal (self, self->step);

  /* TRANSLATORS: the step shown and how many steps the lesson has */
  g_string_append_printf (text, _("%u / %u"), self->step + 1, n_steps);
  if (n_reveal > 1)
    {
      g_string_append (text, "   ");
      for (int i = 1; i <= n_reveal; i++)
        g_string_append (text, i <= self->reveal ? "●" : "○");
    }
  if (self->step + 1 == n_steps && self->reveal >= n_reveal)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("End of the lesson: Esc leaves"));
    }

  show_status (self, text->str, STATUS_MS);
}

static void
update_accessible (KaravanPresentationWindow *self)
{
  g_autofree char *title = karavan_presentation_window_get_title_shown (self);
  const KaravanDeckStep *step = karavan_deck_get_step (self->deck, self->step);
  const char *note = karavan_text_get (&step->note, step->has_lang ? step->lang : self->lang);
  const char *description = karavan_text_get (&step->view->description, step->has_lang ? step->lang : self->lang);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  note ? note : (description ? description : ""),
                                  -1);
}

static gboolean
on_pointer_timeout_cb (gpointer user_data)
{
  KaravanPresentationWindow *self = user_data;

  self->pointer_timeout_id = 0;
  self->pointer_hidden = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

static void
wake_pointer (KaravanPresentationWindow *self)
{
  if (self->pointer_hidden)
    {
      self->pointer_hidden = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
  g_clear_handle_id (&self->pointer_timeout_id, g_source_remove);
  self->pointer_timeout_id = g_timeout_add (POINTER_IDLE_MS, on_pointer_timeout_cb, self);
}

static void
on_motion_cb (GtkEventControllerMotion  *controller,
              double                     x,
              double                     y,
              KaravanPresentationWindow *self)
{
  /* Windows get motion events when they only change under a still
   * pointer: only a real move shows it. */
  if (x == self->pointer_x && y == self->pointer_y)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  wake_pointer (self);
}

/* ---------------------------------------------------------------------- */
/* Moving                                                                 */

/* Shows (@step, @reveal), fading from what was shown. */
static void
set_state (KaravanPresentationWindow *self,
           guint                      step,
           int                        reveal)
{
  gboolean step_changed = step != self->step;
  gboolean reveal_changed = reveal != self->reveal;

  if (!step_changed && !reveal_changed)
    return;

  adw_animation_skip (self->animation);
  g_clear_pointer (&self->old_slide, karavan_slide_free);
  self->old_slide = g_steal_pointer (&self->slide);
  self->step = step;
  self->reveal = reveal;

  if (self->old_slide != NULL && self->slide_width > 0 && self->slide_height > 0)
    {
      self->slide = make_slide (self, self->slide_width, self->slide_height);
      self->fade = 0;
      adw_timed_animation_set_duration (ADW_TIMED_ANIMATION (self->animation),
                                        step_changed ? FADE_STEP_MS : FADE_REVEAL_MS);
      adw_animation_play (self->animation);
    }
  else
    g_clear_pointer (&self->old_slide, karavan_slide_free);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));

  g_object_freeze_notify (G_OBJECT (self));
  if (step_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  if (reveal_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* A key that moves, on a black screen, only brings the picture back. */
static gboolean
unblank (KaravanPresentationWindow *self)
{
  if (!self->blanked)
    return FALSE;

  karavan_presentation_window_set_blanked (self, FALSE);
  return TRUE;
}

void
karavan_presentation_window_next (KaravanPresentationWindow *self)
{
  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));

  if (unblank (self))
    return;

  if (self->reveal < get_n_reveal (self, self->step))
    set_state (self, self->step, self->reveal + 1);
  else if (self->step + 1 < karavan_deck_get_n_steps (self->deck))
    set_state (self, self->step + 1, 1);
  show_position (self);
}

void
karavan_presentation_window_previous (KaravanPresentationWindow *self)
{
  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));

  if (unblank (self))
    return;

  /* Going back lands on a step as it was left: all revealed. */
  if (self->reveal > 1)
    set_state (self, self->step, self->reveal - 1);
  else if (self->step > 0)
    set_state (self, self->step - 1, get_n_reveal (self, self->step - 1));
  show_position (self);
}

void
karavan_presentation_window_first (KaravanPresentationWindow *self)
{
  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));

  if (unblank (self))
    return;

  set_state (self, 0, 1);
  show_position (self);
}

void
karavan_presentation_window_last (KaravanPresentationWindow *self)
{
  guint last;

  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));

  if (unblank (self))
    return;

  last = karavan_deck_get_n_steps (self->deck) - 1;
  set_state (self, last, get_n_reveal (self, last));
  show_position (self);
}

/**
 * karavan_presentation_window_go_to:
 * @reveal: how many reveal steps to show, from 1; -1 for all
 *
 * Returns: %FALSE when the deck has no step @step.
 */
gboolean
karavan_presentation_window_go_to (KaravanPresentationWindow *self,
                                   guint                      step,
                                   int                        reveal)
{
  int n_reveal;

  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), FALSE);

  if (step >= karavan_deck_get_n_steps (self->deck))
    return FALSE;

  n_reveal = get_n_reveal (self, step);
  set_state (self, step, reveal < 0 ? n_reveal : CLAMP (reveal, 1, n_reveal));
  return TRUE;
}

void
karavan_presentation_window_set_blanked (KaravanPresentationWindow *self,
                                         gboolean                   blanked)
{
  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));

  blanked = !!blanked;
  if (self->blanked == blanked)
    return;

  self->blanked = blanked;
  /* Nothing may show on a black screen, not even a fading slide. */
  adw_animation_skip (self->animation);
  if (blanked)
    {
      g_clear_handle_id (&self->status_timeout_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANKED]);
}

static void
set_show_notes (KaravanPresentationWindow *self,
                gboolean                   show_notes)
{
  show_notes = !!show_notes;
  if (self->show_notes == show_notes)
    return;

  self->show_notes = show_notes;
  adw_animation_skip (self->animation);
  g_clear_pointer (&self->slide, karavan_slide_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NOTES]);
}

static const struct {
  guint       keyval;
  const char *action;
} keys[] = {
  /* Clickers send Page Down / Page Up; some send the arrows, B or a period. */
  { GDK_KEY_Page_Down, "presentation.next" },
  { GDK_KEY_KP_Page_Down, "presentation.next" },
  { GDK_KEY_Right, "presentation.next" },
  { GDK_KEY_KP_Right, "presentation.next" },
  { GDK_KEY_Down, "presentation.next" },
  { GDK_KEY_KP_Down, "presentation.next" },
  { GDK_KEY_space, "presentation.next" },
  { GDK_KEY_Return, "presentation.next" },
  { GDK_KEY_KP_Enter, "presentation.next" },
  { GDK_KEY_Page_Up, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, "presentation.previous" },
  { GDK_KEY_Left, "presentation.previous" },
  { GDK_KEY_KP_Left, "presentation.previous" },
  { GDK_KEY_Up, "presentation.previous" },
  { GDK_KEY_KP_Up, "presentation.previous" },
  { GDK_KEY_BackSpace, "presentation.previous" },
  { GDK_KEY_Home, "presentation.first" },
  { GDK_KEY_KP_Home, "presentation.first" },
  { GDK_KEY_End, "presentation.last" },
  { GDK_KEY_KP_End, "presentation.last" },
  { GDK_KEY_b, "presentation.blank" },
  { GDK_KEY_period, "presentation.blank" },
  { GDK_KEY_KP_Decimal, "presentation.blank" },
  { GDK_KEY_n, "presentation.notes" },
  { GDK_KEY_Escape, "presentation.leave" },
};

/* Keys are caught before the window's own arrow-key focus moves. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey     *controller,
                   guint                      keyval,
                   guint                      keycode,
                   GdkModifierType            state,
                   KaravanPresentationWindow *self)
{
  guint lower = gdk_keyval_to_lower (keyval);

  /* Ctrl+Q and the like are the application's. */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (keys[i].keyval == lower)
      {
        gtk_widget_activate_action (GTK_WIDGET (self), keys[i].action, NULL);
        return TRUE;
      }

  return FALSE;
}

static void
action_next_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  karavan_presentation_window_next (KARAVAN_PRESENTATION_WINDOW (widget));
}

static void
action_previous_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  karavan_presentation_window_previous (KARAVAN_PRESENTATION_WINDOW (widget));
}

static void
action_first_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  karavan_presentation_window_first (KARAVAN_PRESENTATION_WINDOW (widget));
}

static void
action_last_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  karavan_presentation_window_last (KARAVAN_PRESENTATION_WINDOW (widget));
}

static void
action_blank_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KaravanPresentationWindow *self = KARAVAN_PRESENTATION_WINDOW (widget);

  karavan_presentation_window_set_blanked (self, !self->blanked);
}

static void
action_notes_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KaravanPresentationWindow *self = KARAVAN_PRESENTATION_WINDOW (widget);

  if (unblank (self))
    return;
  set_show_notes (self, !self->show_notes);
}

static void
action_leave_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_click_pressed_cb (GtkGestureClick           *gesture,
                     int                        n_press,
                     double                     x,
                     double                     y,
                     KaravanPresentationWindow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  wake_pointer (self);
  if (button == GDK_BUTTON_SECONDARY)
    karavan_presentation_window_previous (self);
  else
    karavan_presentation_window_next (self);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

/**
 * karavan_presentation_window_new:
 * @application: (nullable): the application, so the window keeps it
 *   running
 * @deck: the lesson to show; the window keeps a reference
 * @lang: the figure language of steps that have none of their own
 *
 * Returns: (transfer none): a presentation window at the first step,
 * owned by GTK until it is destroyed;
 * show it with karavan_presentation_window_present_on().
 */
KaravanPresentationWindow *
karavan_presentation_window_new (GtkApplication *application,
                                 KaravanDeck    *deck,
                                 KaravanLang     lang)
{
  KaravanPresentationWindow *self;
  const char *title;
  guint n;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (karavan_deck_get_n_steps (deck) > 0, NULL);

  self = g_object_new (KARAVAN_TYPE_PRESENTATION_WINDOW,
                       "application", application,
                       NULL);
  self->deck = karavan_deck_ref (deck);
  self->lang = lang;
  n = karavan_deck_get_n_steps (deck);
  self->n_reveals = g_new (int, n);
  for (guint i = 0; i < n; i++)
    self->n_reveals[i] = -1;

  title = karavan_text_get (karavan_deck_get_title (deck), lang);
  if (title != NULL)
    gtk_window_set_title (GTK_WINDOW (self), title);
  update_accessible (self);

  return self;
}

/**
 * karavan_presentation_window_new_for_view:
 * @dataset: the dataset @view belongs to
 * @view: a lesson, or any chart, timeline or table to show alone
 * @toggles: what the window shows of @view: its language, hidden series
 *   and events (karavan_chart_view_get_render_options())
 *
 * What F5 shows: the lesson when @view is one, else @view alone, still
 * unfolding step by step.
 *
 * Returns: (transfer none): a presentation window, owned by GTK.
 */
KaravanPresentationWindow *
karavan_presentation_window_new_for_view (GtkApplication             *application,
                                          KaravanDataset             *dataset,
                                          const KaravanView          *view,
                                          const KaravanRenderOptions *toggles)
{
  g_autoptr(KaravanDeck) deck = NULL;

  g_return_val_if_fail (KARAVAN_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (toggles != NULL, NULL);

  deck = karavan_deck_new_for_view (dataset, view, toggles);
  return karavan_presentation_window_new (application, deck, toggles->lang);
}

/**
 * karavan_presentation_window_present_on:
 * @parent: (nullable): the window presentation starts from; the
 *   presentation fills its monitor
 *
 * Shows the window full screen on @parent's monitor (the first monitor
 * without one) and hides the pointer until it moves.
 */
void
karavan_presentation_window_present_on (KaravanPresentationWindow *self,
                                        GtkWindow                 *parent)
{
  GdkDisplay *display;
  g_autoptr(GdkMonitor) monitor = NULL;

  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  display = gtk_widget_get_display (GTK_WIDGET (self));
  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
      GdkMonitor *at = gdk_display_get_monitor_at_surface (display, surface);

      if (at != NULL)
        monitor = g_object_ref (at);
    }
  if (monitor == NULL)
    monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);

  if (monitor != NULL)
    {
      GdkRectangle geometry;

      /* Without a window manager, fullscreen is only a wish: the size
       * makes sure the window still covers the monitor. */
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));
  on_pointer_timeout_cb (self);

  show_status (self,
               _("Page Down or Space: next · Page Up: back · B: black screen · N: notes · Esc: leave"),
               HINT_MS);
}

KaravanDeck *
karavan_presentation_window_get_deck (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), NULL);

  return self->deck;
}

void
karavan_presentation_window_set_lang (KaravanPresentationWindow *self,
                                      KaravanLang                lang)
{
  const char *title;

  g_return_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (lang < KARAVAN_N_LANGS);

  if (self->lang == lang)
    return;

  self->lang = lang;
  adw_animation_skip (self->animation);
  g_clear_pointer (&self->slide, karavan_slide_free);
  title = karavan_text_get (karavan_deck_get_title (self->deck), lang);
  if (title != NULL)
    gtk_window_set_title (GTK_WINDOW (self), title);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

KaravanLang
karavan_presentation_window_get_lang (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), KARAVAN_LANG_EN);

  return self->lang;
}

/* The step shown, from 0. */
guint
karavan_presentation_window_get_step (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), 0);

  return self->step;
}

/* How many reveal steps of the step are shown, from 1. */
int
karavan_presentation_window_get_reveal (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), 0);

  return self->reveal;
}

/* How many presses unfold the step shown: 1 when it shows at once. */
int
karavan_presentation_window_get_reveal_steps (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), 0);

  return get_n_reveal (self, self->step);
}

gboolean
karavan_presentation_window_get_blanked (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->blanked;
}

gboolean
karavan_presentation_window_get_show_notes (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->show_notes;
}

/* Whether a change is still fading in. */
gboolean
karavan_presentation_window_get_animating (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), FALSE);

  return adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
}

gboolean
karavan_presentation_window_get_pointer_hidden (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->pointer_hidden;
}

/* The title at the head of the slide shown, in its language. */
char *
karavan_presentation_window_get_title_shown (KaravanPresentationWindow *self)
{
  const KaravanDeckStep *step;
  KaravanLang lang;
  const char *title;

  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), NULL);

  step = karavan_deck_get_step (self->deck, self->step);
  lang = step->has_lang ? step->lang : self->lang;
  title = karavan_text_get (&step->title, lang);
  if (title == NULL)
    title = karavan_text_get (&step->view->title, lang);
  return g_strdup (title);
}

GtkWidget *
karavan_presentation_window_get_canvas (KaravanPresentationWindow *self)
{
  g_return_val_if_fail (KARAVAN_IS_PRESENTATION_WINDOW (self), NULL);

  return GTK_WIDGET (self->canvas);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
karavan_presentation_window_dispose (GObject *object)
{
  KaravanPresentationWindow *self = KARAVAN_PRESENTATION_WINDOW (object);

  g_clear_handle_id (&self->pointer_timeout_id, g_source_remove);
  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  if (self->animation != NULL)
    adw_animation_reset (self->animation);
  g_clear_object (&self->animation);

  gtk_widget_dispose_template (GTK_WIDGET (self), KARAVAN_TYPE_PRESENTATION_WINDOW);

  G_OBJECT_CLASS (karavan_presentation_window_parent_class)->dispose (object);
}

static void
karavan_presentation_window_finalize (GObject *object)
{
  KaravanPresentationWindow *self = KARAVAN_PRESENTATION_WINDOW (object);

  g_clear_pointer (&self->slide, karavan_slide_free);
  g_clear_pointer (&self->old_slide, karavan_slide_free);
  g_clear_pointer (&self->deck, karavan_deck_unref);
  g_free (self->n_reveals);

  G_OBJECT_CLASS (karavan_presentation_window_parent_class)->finalize (object);
}

static void
karavan_presentation_window_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  KaravanPresentationWindow *self = KARAVAN_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    case PROP_REVEAL:
      g_value_set_int (value, self->reveal);
      break;
    case PROP_BLANKED:
      g_value_set_boolean (value, self->blanked);
      break;
    case PROP_SHOW_NOTES:
      g_value_set_boolean (value, self->show_notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_presentation_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  KaravanPresentationWindow *self = KARAVAN_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BLANKED:
      karavan_presentation_window_set_blanked (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_NOTES:
      set_show_notes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
karavan_presentation_window_class_init (KaravanPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_presentation_window_dispose;
  object_class->finalize = karavan_presentation_window_finalize;
  object_class->get_property = karavan_presentation_window_get_property;
  object_class->set_property = karavan_presentation_window_set_property;

  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEAL] =
    g_param_spec_int ("reveal", NULL, NULL, 1, G_MAXINT, 1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANKED] =
    g_param_spec_boolean ("blanked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NOTES] =
    g_param_spec_boolean ("show-notes", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/karavan-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KaravanPresentationWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, KaravanPresentationWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, KaravanPresentationWindow, status_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, action_next_cb);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, action_previous_cb);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, action_first_cb);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, action_last_cb);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, action_blank_cb);
  gtk_widget_class_install_action (widget_class, "presentation.notes", NULL, action_notes_cb);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, action_leave_cb);
}

static void
karavan_presentation_window_init (KaravanPresentationWindow *self)
{
  GtkEventController *motion;
  GtkEventController *key;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  install_css (gtk_widget_get_display (GTK_WIDGET (self)));
  gtk_widget_add_css_class (GTK_WIDGET (self), "karavan-presentation");

  self->reveal = 1;
  self->show_notes = TRUE;
  self->fade = 1;
  self->pointer_x = self->pointer_y = -1;

  gtk_drawing_area_set_draw_func (self->canvas, draw_cb, self, NULL);
  self->animation = adw_timed_animation_new (GTK_WIDGET (self->canvas), 0, 1, FADE_STEP_MS,
                                             adw_callback_animation_target_new ((AdwAnimationTargetFunc) on_fade_cb,
                                                                                self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
  g_signal_connect (self->animation, "done", G_CALLBACK (on_fade_done_cb), self);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (click));
}
