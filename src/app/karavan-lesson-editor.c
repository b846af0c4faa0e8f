/* karavan-lesson-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry row per step: the row's title names the step's view and its
 * language, the text is the step's own title, and three buttons at the
 * end move the step up, move it down or remove it. A step added from
 * the window keeps the language it was shown in, so its title is edited
 * in that language: the one its slide is drawn in.
 *
 * Moving or removing a step rebuilds the rows and puts the focus back
 * where the keyboard left it; typing a title only changes the deck, so
 * the focus stays in the entry.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-lesson-editor.h"

struct _KaravanLessonEditor
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwEntryRow         *title_row;
  AdwPreferencesGroup *steps_group;

  /* Owned references */
  KaravanDeck         *deck;
  GPtrArray           *rows;      /* AdwEntryRow*, one per step; the group owns them */

  KaravanLang          lang;
  gboolean             updating;  /* texts set by the editor, not typed */
};

G_DEFINE_FINAL_TYPE (KaravanLessonEditor, karavan_lesson_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  FOCUS_NONE,
  FOCUS_UP,
  FOCUS_DOWN,
  FOCUS_REMOVE,
} FocusTarget;

static void rebuild (KaravanLessonEditor *self,
                     guint                focus_index,
                     FocusTarget          focus);

static const char *
lang_name (KaravanLang lang)
{
  switch (lang)
    {
    case KARAVAN_LANG_RU: return _("Russian");
    case KARAVAN_LANG_KK: return _("Kazakh");
    case KARAVAN_LANG_EN:
    default: return _("English");
    }
}

static const char *
kind_name (const KaravanView *view)
{
  switch (view->kind)
    {
    case KARAVAN_VIEW_TIMELINE: return _("Timeline");
    case KARAVAN_VIEW_TABLE: return _("Table");
    case KARAVAN_VIEW_LESSON: return _("Lesson");
    case KARAVAN_VIEW_CHART:
    default: return _("Chart");
    }
}

/* The language a step's slide is drawn in, and its title edited in. */
static KaravanLang
step_lang (KaravanLessonEditor   *self,
           const KaravanDeckStep *step)
{
  return step->has_lang ? step->lang : self->lang;
}

static void
emit_changed (KaravanLessonEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---------------------------------------------------------------------- */
/* Editing                                                                */

static void
on_title_changed_cb (GtkEditable         *editable,
                     KaravanLessonEditor *self)
{
  if (self->updating || self->deck == NULL)
    return;

  karavan_deck_set_title (self->deck, self->lang, gtk_editable_get_text (editable));
  emit_changed (self);
}

static void
on_step_title_changed_cb (GtkEditable         *editable,
                          KaravanLessonEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "index"));
  KaravanDeckStep *step;

  if (self->updating || self->deck == NULL || index >= karavan_deck_get_n_steps (self->deck))
    return;

  step = karavan_deck_get_step (self->deck, index);
  karavan_deck_step_set_title (step, step_lang (self, step), gtk_editable_get_text (editable));
  emit_changed (self);
}

static void
move_step (KaravanLessonEditor *self,
           guint                index,
           int                  delta)
{
  guint n = karavan_deck_get_n_steps (self->deck);
  guint to;

  if (index >= n || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    return;

  to = delta < 0 ? index - 1 : index + 1;
  karavan_deck_move_step (self->deck, index, to);
  /* The focus goes with the step, on the same button while it can. */
  rebuild (self, to, delta < 0 ? FOCUS_UP : FOCUS_DOWN);
  emit_changed (self);
}

static void
on_up_clicked_cb (GtkButton           *button,
                  KaravanLessonEditor *self)
{
  move_step (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")), -1);
}

static void
on_down_clicked_cb (GtkButton           *button,
                    KaravanLessonEditor *self)
{
  move_step (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")), 1);
}

static void
on_remove_clicked_cb (GtkButton           *button,
                      KaravanLessonEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  guint n;

  if (!karavan_deck_remove_step (self->deck, index))
    return;

  /* The focus goes to the step that takes its place, or the one before. */
  n = karavan_deck_get_n_steps (self->deck);
  rebuild (self, n == 0 ? 0 : MIN (index, n - 1), n == 0 ? FOCUS_NONE : FOCUS_REMOVE);
  emit_changed (self);
}

/* ---------------------------------------------------------------------- */
/* Rows                                                                   */

static GtkWidget *
make_button (const char *icon_name,
             const char *tooltip,
             const char *name,
             guint       index,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));

  return button;
}

static GtkWidget *
make_step_row (KaravanLessonEditor *self,
               guint                index)
{
  KaravanDeckStep *step = karavan_deck_get_step (self->deck, index);
  guint n = karavan_deck_get_n_steps (self->deck);
  KaravanLang lang = step_lang (self, step);
  const char *view_title = karavan_text_get (&step->view->title, lang);
  const char *own_title = step->title.s[lang];
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up, *down, *remove;
  g_autofree char *title = NULL;
  g_autofree char *up_name = NULL;
  g_autofree char *down_name = NULL;
  g_autofree char *remove_name = NULL;
  g_autofree char *description = NULL;

  /* TRANSLATORS: a step of a lesson: its number, the title of the view it
   * shows and the language it is shown in, as in "2. Export growth · Kazakh" */
  title = g_strdup_printf (_("%u. %s · %s"), index + 1, view_title ? view_title : step->view->id, lang_name (lang));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), own_title ? own_title : "");
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "changed", G_CALLBACK (on_step_title_changed_cb), self);

  /* TRANSLATORS: what a screen reader says for a step's title entry:
   * the step's number, its kind of view and the view's title, as in
   * "Title of step 2 (Chart: Export growth)" */
  description = g_strdup_printf (_("Title of step %u (%s: %s)"), index + 1,
                                 kind_name (step->view), view_title ? view_title : step->view->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  up_name = g_strdup_printf (_("Move Step %u Up"), index + 1);
  down_name = g_strdup_printf (_("Move Step %u Down"), index + 1);
  remove_name = g_strdup_printf (_("Remove Step %u"), index + 1);
  up = make_button ("go-up-symbolic", _("Move Up"), up_name, index, index > 0);
  down = make_button ("go-down-symbolic", _("Move Down"), down_name, index, index + 1 < n);
  remove = make_button ("user-trash-symbolic", _("Remove"), remove_name, index, TRUE);
  g_signal_connect (up, "clicked", G_CALLBACK (on_up_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (on_down_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);
  g_object_set_data (G_OBJECT (row), "remove", remove);

  return row;
}

static void
update_title_row (KaravanLessonEditor *self)
{
  const char *title = self->deck ? karavan_text_get (karavan_deck_get_title (self->deck), self->lang) : NULL;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
  self->updating = FALSE;
}

static void
rebuild (KaravanLessonEditor *self,
         guint                focus_index,
         FocusTarget          focus)
{
  guint n = self->deck ? karavan_deck_get_n_steps (self->deck) : 0;
  g_autofree char *description = NULL;

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->steps_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = make_step_row (self, i);

      adw_preferences_group_add (self->steps_group, row);
      g_ptr_array_add (self->rows, row);
    }
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "steps" : "empty");

  if (focus != FOCUS_NONE && focus_index < n)
    {
      GtkWidget *row = self->rows->pdata[focus_index];
      const char *order[3];

      order[0] = focus == FOCUS_UP ? "up" : focus == FOCUS_DOWN ? "down" : "remove";
      order[1] = focus == FOCUS_UP ? "down" : "up";
      order[2] = "remove";
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          GtkWidget *button = g_object_get_data (G_OBJECT (row), order[i]);

          if (gtk_widget_get_sensitive (button))
            {
              gtk_widget_grab_focus (button);
              break;
            }
        }
    }
  else if (focus != FOCUS_NONE)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* ---------------------------------------------------------------------- */
/* Public                                                                 */

/**
 * karavan_lesson_editor_set_deck:
 * @deck: (nullable): the deck to edit; the editor keeps a reference
 */
void
karavan_lesson_editor_set_deck (KaravanLessonEditor *self,
                                KaravanDeck         *deck)
{
  g_return_if_fail (KARAVAN_IS_LESSON_EDITOR (self));

  if (deck == self->deck)
    return;

  g_clear_pointer (&self->deck, karavan_deck_unref);
  self->deck = deck ? karavan_deck_ref (deck) : NULL;
  karavan_lesson_editor_refresh (self);
}

/* Returns: (transfer none) (nullable): the deck edited */
KaravanDeck *
karavan_lesson_editor_get_deck (KaravanLessonEditor *self)
{
  g_return_val_if_fail (KARAVAN_IS_LESSON_EDITOR (self), NULL);

  return self->deck;
}

/* The language of the lesson's title, and of the titles of steps that
 * have no language of their own. */
void
karavan_lesson_editor_set_lang (KaravanLessonEditor *self,
                                KaravanLang          lang)
{
  g_return_if_fail (KARAVAN_IS_LESSON_EDITOR (self));
  g_return_if_fail (lang < KARAVAN_N_LANGS);

  if (self->lang == lang)
    return;

  self->lang = lang;
  karavan_lesson_editor_refresh (self);
}

KaravanLang
karavan_lesson_editor_get_lang (KaravanLessonEditor *self)
{
  g_return_val_if_fail (KARAVAN_IS_LESSON_EDITOR (self), KARAVAN_LANG_EN);

  return self->lang;
}

/* Shows the deck as it is now, after changes made elsewhere. */
void
karavan_lesson_editor_refresh (KaravanLessonEditor *self)
{
  g_return_if_fail (KARAVAN_IS_LESSON_EDITOR (self));

  update_title_row (self);
  rebuild (self, 0, FOCUS_NONE);
}

/* Returns: (transfer none): the row of the lesson's title */
GtkWidget *
karavan_lesson_editor_get_title_row (KaravanLessonEditor *self)
{
  g_return_val_if_fail (KARAVAN_IS_LESSON_EDITOR (self), NULL);

  return GTK_WIDGET (self->title_row);
}

/* Returns: (transfer none) (nullable): the row of step @index, an
 * AdwEntryRow with its move up, move down and remove buttons */
GtkWidget *
karavan_lesson_editor_get_step_row (KaravanLessonEditor *self,
                                    guint                index)
{
  g_return_val_if_fail (KARAVAN_IS_LESSON_EDITOR (self), NULL);

  return index < self->rows->len ? self->rows->pdata[index] : NULL;
}

/**
 * karavan_lesson_copy_deck:
 * @keep_languages: %FALSE: every step is drawn in the language asked for
 *   (a handout in one language); %TRUE: steps keep the language they were
 *   added in
 *
 * A copy of @deck, steps, titles, notes and toggles, to present or
 * export while the original can still change.
 *
 * Returns: (transfer full): the copy
 */
KaravanDeck *
karavan_lesson_copy_deck (KaravanDeck *deck,
                          gboolean     keep_languages)
{
  KaravanDeck *copy;
  const KaravanText *title;

  g_return_val_if_fail (deck != NULL, NULL);

  copy = karavan_deck_new (karavan_deck_get_id (deck));
  title = karavan_deck_get_title (deck);
  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    karavan_deck_set_title (copy, lang, title->s[lang]);

  for (guint i = 0; i < karavan_deck_get_n_steps (deck); i++)
    {
      const KaravanDeckStep *step = karavan_deck_get_step (deck, i);
      KaravanDeckStep *to = karavan_deck_add_view (copy, step->dataset, step->view, NULL);

      to->reveal = step->reveal;
      to->has_lang = keep_languages && step->has_lang;
      to->lang = step->lang;
      to->hidden_series = step->hidden_series;
      to->hidden_categories = step->hidden_categories;
      to->show_events = step->show_events;
      for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
        {
          karavan_deck_step_set_title (to, lang, step->title.s[lang]);
          karavan_deck_step_set_note (to, lang, step->note.s[lang]);
        }
    }

  return copy;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
karavan_lesson_editor_dispose (GObject *object)
{
  KaravanLessonEditor *self = KARAVAN_LESSON_EDITOR (object);

  /* AdwBin unparents its child itself: let it go before the template
   * drops its own reference. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KARAVAN_TYPE_LESSON_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->deck, karavan_deck_unref);

  G_OBJECT_CLASS (karavan_lesson_editor_parent_class)->dispose (object);
}

static void
karavan_lesson_editor_class_init (KaravanLessonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_lesson_editor_dispose;

  /**
   * KaravanLessonEditor::changed:
   *
   * The deck's title, a step's title or the order of the steps changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/karavan-lesson-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KaravanLessonEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, KaravanLessonEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanLessonEditor, steps_group);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
}

static void
karavan_lesson_editor_init (KaravanLessonEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->lang = karavan_lang_from_environment ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
karavan_lesson_editor_new (void)
{
  return g_object_new (KARAVAN_TYPE_LESSON_EDITOR, NULL);
}
