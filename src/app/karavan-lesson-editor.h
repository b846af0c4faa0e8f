/* karavan-lesson-editor.h: the lesson a user makes in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a deck's title and steps for editing: each step's title, its
 * place (move up, move down) and its removal. Titles are edited in the
 * editor's language, the window's figure language. The editor changes
 * the deck in place and says so with ::changed; adding steps is the
 * window's (karavan_lesson_editor_refresh() shows them).
 */
#pragma once

#include <adwaita.h>

#include "karavan-core.h"
#include "karavan-deck.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_LESSON_EDITOR (karavan_lesson_editor_get_type ())

G_DECLARE_FINAL_TYPE (KaravanLessonEditor, karavan_lesson_editor, KARAVAN, LESSON_EDITOR, AdwBin)

GtkWidget   *karavan_lesson_editor_new           (void);
void         karavan_lesson_editor_set_deck      (KaravanLessonEditor *self,
                                                  KaravanDeck         *deck);
KaravanDeck *karavan_lesson_editor_get_deck      (KaravanLessonEditor *self);
void         karavan_lesson_editor_set_lang      (KaravanLessonEditor *self,
                                                  KaravanLang          lang);
KaravanLang  karavan_lesson_editor_get_lang      (KaravanLessonEditor *self);
void         karavan_lesson_editor_refresh       (KaravanLessonEditor *self);

/* The rows, for tests and for moving the focus. */
GtkWidget   *karavan_lesson_editor_get_title_row (KaravanLessonEditor *self);
GtkWidget   *karavan_lesson_editor_get_step_row  (KaravanLessonEditor *self,
                                                  guint                index);

KaravanDeck *karavan_lesson_copy_deck            (KaravanDeck         *deck,
                                                  gboolean             keep_languages);

G_END_DECLS
