/* karavan-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The series colours are Okabe–Ito's, which stay distinguishable with
 * the common colour-vision deficiencies (tests/a11y checks ΔE2000 ≥ 10
 * between neighbours under simulated deuteranopia, protanopia and
 * tritanopia). On white, the orange, sky blue and yellow are below 3:1, so
 * the light palette replaces them with black, a darker blue and a darker
 * purple; the dark palette uses the lighter members of the set.
 */
#include "config.h"

#include <math.h>

#include "karavan-palette.h"

#define SERIES(a, b, c, d, e, f, g, h) \
  { RGB (a), RGB (b), RGB (c), RGB (d), RGB (e), RGB (f), RGB (g), RGB (h) }
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const KaravanPalette palettes[KARAVAN_N_PALETTES] = {
  [KARAVAN_PALETTE_LIGHT] = {
    .background = RGB (0xffffff),
    .text = RGB (0x1d1d1f),
    .muted = RGB (0x5e5c64),
    .grid = RGB (0xe4e4e7),
    .axis = RGB (0x77767b),
    .marker = RGB (0x5e5c64),
    .series = SERIES (0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0x000000, 0x3c9bcd, 0xa4487d, 0x8f7700),
    .fills = SERIES (0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0x000000, 0x3c9bcd, 0xa4487d, 0x8f7700),
    .line_width = 0.22,
  },
  [KARAVAN_PALETTE_DARK] = {
    .background = RGB (0x242424),
    .text = RGB (0xf6f5f4),
    .muted = RGB (0xc0bfbc),
    .grid = RGB (0x3d3d3d),
    .axis = RGB (0x9a9996),
    .marker = RGB (0xc0bfbc),
    .series = SERIES (0x56b4e9, 0xe69f00, 0x009e73, 0xcc79a7, 0xf0e442, 0xd55e00, 0xffffff, 0x0073be),
    .fills = SERIES (0x56b4e9, 0xe69f00, 0x009e73, 0xcc79a7, 0xf0e442, 0xd55e00, 0xffffff, 0x0073be),
    .line_width = 0.22,
  },
  [KARAVAN_PALETTE_HIGH_CONTRAST] = {
    .background = RGB (0xffffff),
    .text = RGB (0x000000),
    .muted = RGB (0x1d1d1f),
    .grid = RGB (0x8a8a8a),
    .axis = RGB (0x000000),
    .marker = RGB (0x000000),
    .series = SERIES (0x0057a0, 0xb34700, 0x007557, 0xa4487d, 0x000000, 0x1a6fa0, 0x6b5900, 0x5f2300),
    .fills = SERIES (0x0057a0, 0xb34700, 0x007557, 0xa4487d, 0x000000, 0x1a6fa0, 0x6b5900, 0x5f2300),
    .line_width = 0.38,
    .outline = TRUE,
  },
  [KARAVAN_PALETTE_MONOCHROME] = {
    .background = RGB (0xffffff),
    .text = RGB (0x000000),
    .muted = RGB (0x333333),
    .grid = RGB (0xdddddd),
    .axis = RGB (0x000000),
    .marker = RGB (0x333333),
    .series = SERIES (0x000000, 0x555555, 0x000000, 0x555555, 0x000000, 0x555555, 0x000000, 0x555555),
    .line_width = 0.22,
    .dashes = { { 0 }, { 4, 2 }, { 1, 1.5 }, { 6, 2, 1, 2 },
                { 2, 2 }, { 8, 3 }, { 1, 3 }, { 4, 2, 1, 2 } },
    /* Greys a photocopier keeps apart, and a pattern on every other one. */
    .fills = SERIES (0x404040, 0xc8c8c8, 0xffffff, 0x8c8c8c, 0xffffff, 0xe6e6e6, 0x404040, 0xffffff),
    .patterns = { KARAVAN_PATTERN_NONE, KARAVAN_PATTERN_NONE, KARAVAN_PATTERN_HORIZONTAL,
                  KARAVAN_PATTERN_DOTS, KARAVAN_PATTERN_GRID, KARAVAN_PATTERN_VERTICAL,
                  KARAVAN_PATTERN_BACKSLASH, KARAVAN_PATTERN_DOTS },
    .outline = TRUE,
  },
};

static const char *names[KARAVAN_N_PALETTES] = { "light", "dark", "high-contrast", "monochrome" };

const KaravanPalette *
karavan_palette_get (KaravanPaletteKind kind)
{
  g_return_val_if_fail (kind < KARAVAN_N_PALETTES, &palettes[0]);

  return &palettes[kind];
}

gboolean
karavan_palette_from_string (const char         *str,
                             KaravanPaletteKind *out_kind)
{
  for (guint i = 0; i < KARAVAN_N_PALETTES; i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *out_kind = (KaravanPaletteKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
karavan_palette_to_string (KaravanPaletteKind kind)
{
  g_return_val_if_fail (kind < KARAVAN_N_PALETTES, NULL);

  return names[kind];
}

gboolean
karavan_rgb_parse (const char *str,
                   KaravanRgb *out)
{
  guint64 v;
  char *end;

  if (str == NULL || str[0] != '#' || strlen (str) != 7)
    return FALSE;
  v = g_ascii_strtoull (str + 1, &end, 16);
  if (*end != '\0')
    return FALSE;
  *out = (KaravanRgb) RGB (v);
  return TRUE;
}

static double
linear (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2 contrast ratio, 1 to 21. */
double
karavan_rgb_contrast (const KaravanRgb *a,
                      const KaravanRgb *b)
{
  double la = 0.2126 * linear (a->r) + 0.7152 * linear (a->g) + 0.0722 * linear (a->b);
  double lb = 0.2126 * linear (b->r) + 0.7152 * linear (b->g) + 0.0722 * linear (b->b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
