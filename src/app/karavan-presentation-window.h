/* karavan-presentation-window.h: a lesson projected full screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a deck one step at a time, full screen on the monitor of the
 * window it was started from, in the projector theme (high contrast,
 * type at least 1.5 times the window's, heavier lines) and the figure
 * language chosen. Each step is drawn by the same code as the handout's
 * slides (karavan-handout.h).
 *
 * Keys, as presentation clickers send them:
 *   Page Down, Right, Down, Space, Enter   next: reveal more, then the next step
 *   Page Up, Left, Up, Backspace           previous
 *   Home / End                             first step / last step, all revealed
 *   B or period                            black screen, and back (any key
 *                                          that moves only brings the picture
 *                                          back)
 *   N                                      show or hide the step's note
 *   Escape                                 leave
 * A click goes to the next step, a right click back. The pointer hides
 * after two seconds without moving. Changes fade in briefly
 * (AdwTimedAnimation), and not at all when animations are turned off.
 */
#pragma once

#include <adwaita.h>

#include "karavan-core.h"
#include "karavan-deck.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_PRESENTATION_WINDOW (karavan_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (KaravanPresentationWindow, karavan_presentation_window, KARAVAN, PRESENTATION_WINDOW, AdwWindow)

KaravanPresentationWindow *karavan_presentation_window_new          (GtkApplication             *application,
                                                                     KaravanDeck                *deck,
                                                                     KaravanLang                 lang);
KaravanPresentationWindow *karavan_presentation_window_new_for_view (GtkApplication             *application,
                                                                     KaravanDataset             *dataset,
                                                                     const KaravanView          *view,
                                                                     const KaravanRenderOptions *toggles);
void        karavan_presentation_window_present_on   (KaravanPresentationWindow *self,
                                                      GtkWindow                 *parent);

KaravanDeck *karavan_presentation_window_get_deck    (KaravanPresentationWindow *self);
void        karavan_presentation_window_set_lang     (KaravanPresentationWindow *self,
                                                      KaravanLang                lang);
KaravanLang karavan_presentation_window_get_lang     (KaravanPresentationWindow *self);

void        karavan_presentation_window_next         (KaravanPresentationWindow *self);
void        karavan_presentation_window_previous     (KaravanPresentationWindow *self);
void        karavan_presentation_window_first        (KaravanPresentationWindow *self);
void        karavan_presentation_window_last         (KaravanPresentationWindow *self);
gboolean    karavan_presentation_window_go_to        (KaravanPresentationWindow *self,
                                                      guint                      step,
                                                      int                        reveal);
void        karavan_presentation_window_set_blanked  (KaravanPresentationWindow *self,
                                                      gboolean                   blanked);

/* What is on screen, for tests and assistive technologies. */
guint       karavan_presentation_window_get_step     (KaravanPresentationWindow *self);
int         karavan_presentation_window_get_reveal   (KaravanPresentationWindow *self);
int         karavan_presentation_window_get_reveal_steps (KaravanPresentationWindow *self);
gboolean    karavan_presentation_window_get_blanked  (KaravanPresentationWindow *self);
gboolean    karavan_presentation_window_get_show_notes (KaravanPresentationWindow *self);
gboolean    karavan_presentation_window_get_animating (KaravanPresentationWindow *self);
gboolean    karavan_presentation_window_get_pointer_hidden (KaravanPresentationWindow *self);
char       *karavan_presentation_window_get_title_shown (KaravanPresentationWindow *self);
void        karavan_presentation_window_get_render_options (KaravanPresentationWindow *self,
                                                            KaravanRenderOptions      *options);
GtkWidget  *karavan_presentation_window_get_canvas   (KaravanPresentationWindow *self);

G_END_DECLS
