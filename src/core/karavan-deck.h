/* karavan-deck.h: a lesson as an ordered, editable deck of steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deck is what presentation mode shows and what a handout prints: a
 * <lesson> of a dataset, or one the user makes from the window by adding
 * views, reordering and removing them. Each step keeps a reference on
 * the dataset its view belongs to, so a deck outlives a reload of the
 * window's files. A deck saves itself as a <lesson> element into a
 * dataset file of the user's (karavan_deck_save_to_file()).
 *
 * Decks are reference counted; they are not thread-safe.
 */
#pragma once

#include "karavan-dataset.h"
#include "karavan-figure.h"

G_BEGIN_DECLS

typedef struct {
  KaravanDataset    *dataset;        /* owned reference: keeps view alive */
  const KaravanView *view;           /* a chart, a timeline or a table */
  KaravanReveal      reveal;         /* how the step unfolds */
  KaravanText        title;          /* empty: the view's own title */
  KaravanText        note;
  /* The toggles of a step added from the window. A dataset's lesson
   * cannot store them (format version 1), so they are not saved. */
  gboolean           has_lang;       /* FALSE: the presentation's language */
  KaravanLang        lang;
  guint64            hidden_series;
  guint64            hidden_categories;
  gboolean           show_events;
} KaravanDeckStep;

typedef struct _KaravanDeck KaravanDeck;

KaravanDeck           *karavan_deck_new             (const char          *id);
KaravanDeck           *karavan_deck_new_from_lesson (KaravanDataset      *dataset,
                                                     const KaravanView   *lesson);
KaravanDeck           *karavan_deck_new_for_view    (KaravanDataset      *dataset,
                                                     const KaravanView   *view,
                                                     const KaravanRenderOptions *toggles);
KaravanDeck           *karavan_deck_ref             (KaravanDeck         *deck);
void                   karavan_deck_unref           (KaravanDeck         *deck);

const char            *karavan_deck_get_id          (KaravanDeck         *deck);
gboolean               karavan_deck_set_id          (KaravanDeck         *deck,
                                                     const char          *id);
const KaravanText     *karavan_deck_get_title       (KaravanDeck         *deck);
void                   karavan_deck_set_title       (KaravanDeck         *deck,
                                                     KaravanLang          lang,
                                                     const char          *title);
KaravanDataset        *karavan_deck_get_dataset     (KaravanDeck         *deck);

guint                  karavan_deck_get_n_steps     (KaravanDeck         *deck);
KaravanDeckStep       *karavan_deck_get_step        (KaravanDeck         *deck,
                                                     guint                index);
KaravanDeckStep       *karavan_deck_add_view        (KaravanDeck         *deck,
                                                     KaravanDataset      *dataset,
                                                     const KaravanView   *view,
                                                     const KaravanRenderOptions *toggles);
gboolean               karavan_deck_move_step       (KaravanDeck         *deck,
                                                     guint                from,
                                                     guint                to);
gboolean               karavan_deck_remove_step     (KaravanDeck         *deck,
                                                     guint                index);
void                   karavan_deck_step_set_title  (KaravanDeckStep     *step,
                                                     KaravanLang          lang,
                                                     const char          *title);
void                   karavan_deck_step_set_note   (KaravanDeckStep     *step,
                                                     KaravanLang          lang,
                                                     const char          *note);
void                   karavan_deck_step_get_render_options (const KaravanDeckStep *step,
                                                     const KaravanRenderOptions *base,
                                                     KaravanRenderOptions *out);

KaravanReveal          karavan_reveal_for_view      (const KaravanView   *view);
const char            *karavan_reveal_to_string     (KaravanReveal        reveal);

char                  *karavan_deck_to_xml          (KaravanDeck         *deck,
                                                     const char          *indent);
gboolean               karavan_deck_save_to_file    (KaravanDeck         *deck,
                                                     const char          *path,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KaravanDeck, karavan_deck_unref)

G_END_DECLS
