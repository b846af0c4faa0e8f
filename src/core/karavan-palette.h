/* karavan-palette.h: colours of a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KARAVAN_PALETTE_LIGHT,
  KARAVAN_PALETTE_DARK,
  KARAVAN_PALETTE_HIGH_CONTRAST,  /* projectors: black on white, heavy */
  KARAVAN_PALETTE_MONOCHROME,     /* print: greys and dash patterns */
  KARAVAN_N_PALETTES
} KaravanPaletteKind;

typedef struct {
  double r, g, b;
} KaravanRgb;

#define KARAVAN_PALETTE_N_SERIES 8

/* What covers a bar or a slice besides its fill colour: print in black
 * and white tells series apart by pattern. Estimates and partial periods
 * are hatched "/" on top of any of these, so none of them uses "/". */
typedef enum {
  KARAVAN_PATTERN_NONE,
  KARAVAN_PATTERN_HORIZONTAL,
  KARAVAN_PATTERN_VERTICAL,
  KARAVAN_PATTERN_GRID,
  KARAVAN_PATTERN_DOTS,
  KARAVAN_PATTERN_BACKSLASH,
} KaravanPattern;

typedef struct {
  KaravanRgb background;
  KaravanRgb text;
  KaravanRgb muted;      /* subtitles, sources, tick labels */
  KaravanRgb grid;
  KaravanRgb axis;
  KaravanRgb marker;     /* annotation lines */
  KaravanRgb series[KARAVAN_PALETTE_N_SERIES];
  double     line_width;  /* in units of the base font size */
  double     dashes[KARAVAN_PALETTE_N_SERIES][4];  /* monochrome: dash pattern per series */
  KaravanRgb fills[KARAVAN_PALETTE_N_SERIES];      /* bars, areas and slices */
  KaravanPattern patterns[KARAVAN_PALETTE_N_SERIES];
  gboolean   outline;     /* bars and slices get a text-coloured edge */
} KaravanPalette;

const KaravanPalette *karavan_palette_get         (KaravanPaletteKind  kind);
gboolean              karavan_palette_from_string (const char         *str,
                                                   KaravanPaletteKind *out_kind);
const char           *karavan_palette_to_string   (KaravanPaletteKind  kind);
gboolean              karavan_rgb_parse           (const char         *str,
                                                   KaravanRgb         *out);
double                karavan_rgb_contrast        (const KaravanRgb   *a,
                                                   const KaravanRgb   *b);

G_END_DECLS
