/* karavan-handout.h: a lesson's slides, on screen, as PNGs and on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slide is one step of a deck drawn by the figure code: the step's
 * title heads the figure, the view's own title becomes its subtitle, and
 * the step's note sits above the sources in the footer. Presentation mode
 * draws slides at the screen's size; the handout writes the same slides
 * as numbered 1920×1080 PNGs (01.png, 02.png, …) or as an A4 PDF with a
 * step per page.
 */
#pragma once

#include "karavan-deck.h"
#include "karavan-export.h"

G_BEGIN_DECLS

/* Projected type is at least this many times the window's. */
#define KARAVAN_PROJECTOR_FONT_SCALE 1.5
#define KARAVAN_SLIDE_WIDTH  1920
#define KARAVAN_SLIDE_HEIGHT 1080

typedef struct _KaravanSlide KaravanSlide;

typedef enum {
  KARAVAN_SLIDE_NOTE          = 1 << 0,  /* the step's note above the sources */
  KARAVAN_SLIDE_BRIEF_SOURCES = 1 << 1,  /* at most two lines of sources, for
                                          * the screen (the handout has all) */
} KaravanSlideFlags;

double             karavan_slide_font_size_for   (double                      width,
                                                  double                      height);
void               karavan_slide_options_init    (KaravanRenderOptions       *options,
                                                  KaravanLang                 lang,
                                                  double                      width,
                                                  double                      height);
KaravanSlide      *karavan_slide_new             (const KaravanDeckStep      *step,
                                                  const KaravanRenderOptions *options,
                                                  KaravanSlideFlags           flags,
                                                  double                      width,
                                                  double                      height);
void               karavan_slide_free            (KaravanSlide               *slide);
void               karavan_slide_draw            (KaravanSlide               *slide,
                                                  cairo_t                    *cr);
KaravanFigure     *karavan_slide_get_figure      (KaravanSlide               *slide);
const KaravanView *karavan_slide_get_view        (KaravanSlide               *slide);
int                karavan_slide_get_reveal_steps (KaravanSlide              *slide);
char              *karavan_slide_get_title       (KaravanSlide               *slide);
char              *karavan_slide_get_note        (KaravanSlide               *slide);

typedef struct {
  KaravanLang         lang;
  KaravanPaletteKind  palette;       /* PDF; default: light */
  KaravanPaletteKind  slide_palette; /* PNG; default: high contrast */
  double              page_width;  /* PDF, points: default A4 portrait */
  double              page_height;
  double              slide_width; /* PNG, pixels: default 1920 × 1080 */
  double              slide_height;
} KaravanHandoutOptions;

void       karavan_handout_options_init (KaravanHandoutOptions       *options,
                                         KaravanLang                  lang);
GBytes    *karavan_handout_to_pdf       (KaravanDeck                 *deck,
                                         const KaravanHandoutOptions *options,
                                         GError                     **error);
gboolean   karavan_handout_write_pdf    (KaravanDeck                 *deck,
                                         const KaravanHandoutOptions *options,
                                         const char                  *path,
                                         GError                     **error);
GBytes    *karavan_handout_slide_to_png (KaravanDeck                 *deck,
                                         guint                        index,
                                         const KaravanHandoutOptions *options,
                                         GError                     **error);
char      *karavan_handout_slide_name   (KaravanDeck                 *deck,
                                         guint                        index);
gboolean   karavan_handout_write_slides (KaravanDeck                 *deck,
                                         const KaravanHandoutOptions *options,
                                         const char                  *folder,
                                         GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KaravanSlide, karavan_slide_free)

G_END_DECLS
