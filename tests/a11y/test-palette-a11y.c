/* test-palette-a11y.c: every palette can be read, by everyone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contrast (WCAG 2, computed by karavan_rgb_contrast against the
 * palette's background):
 *   - text and muted text (titles, labels, sources, ticks): 4.5:1;
 *   - marks, 3:1 (WCAG 1.4.11, non-text contrast): the series colours
 *     (lines and point markers), the fills of bars, areas and slices
 *     unless the palette outlines them in the text colour, the axis
 *     lines and the annotation marker lines. Grid lines are guides, not
 *     marks: every value is labelled on the axis and told in the text
 *     description. They must show (1.1:1) and stay quieter than the axis,
 *     except in the high-contrast palette, where everything drawn is a
 *     mark and must reach 3:1.
 *
 * Colour vision: each series colour is simulated for protanopia,
 * deuteranopia and tritanopia with the matrices of Machado, Oliveira and
 * Fernandes (2009) at severity 1.0, applied in linear RGB, then taken to
 * CIELAB (D65). Neighbouring series must differ by at least ΔE2000 10
 * (CIEDE2000, not ΔE76): about five times a just-noticeable difference,
 * the usual rule of thumb for categorical colours read at a glance on
 * thin lines and small legend swatches. Neighbours are i and i + 1 over
 * all KARAVAN_PALETTE_N_SERIES colours, and the last and the first: a
 * chart with more series uses them all and starts again (i % N).
 *
 * Print in black and white tells series apart by patterns and dashes.
 */
#include <math.h>
#include <string.h>

#include "karavan-core.h"

#define TEXT_CONTRAST 4.5
#define MARK_CONTRAST 3.0
#define MIN_DELTA_E   10.0

/* ---------------------------------------------------------------------- */
/* Colour science                                                         */

typedef struct {
  double l, a, b;
} Lab;

typedef enum {
  VISION_NORMAL,
  VISION_PROTANOPIA,
  VISION_DEUTERANOPIA,
  VISION_TRITANOPIA,
  N_VISIONS
} Vision;

static const char *vision_names[N_VISIONS] = { "normal vision", "protanopia", "deuteranopia", "tritanopia" };

/* Machado et al. 2009, table of simulation matrices, severity 1.0. */
static const double machado[N_VISIONS][3][3] = {
  [VISION_NORMAL] = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
  [VISION_PROTANOPIA] = { { 0.152286, 1.052583, -0.204868 },
                          { 0.114503, 0.786281, 0.099216 },
                          { -0.003882, -0.048116, 1.051998 } },
  [VISION_DEUTERANOPIA] = { { 0.367322, 0.860646, -0.227968 },
                            { 0.280085, 0.672501, 0.047413 },
                            { -0.011820, 0.042940, 0.968881 } },
  [VISION_TRITANOPIA] = { { 1.255528, -0.076749, -0.178779 },
                          { -0.078411, 0.930809, 0.147602 },
                          { 0.004733, 0.691367, 0.303900 } },
};

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389 ? cbrt (t) : (24389.0 / 27 * t + 16) / 116;
}

static Lab
linear_to_lab (const double rgb[3])
{
  /* sRGB primaries, D65 white. */
  double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  double fx = lab_f (x / 0.95047), fy = lab_f (y / 1.0), fz = lab_f (z / 1.08883);

  return (Lab) { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
}

static Lab
simulate (const KaravanRgb *color,
          Vision            vision)
{
  double in[3] = { srgb_to_linear (color->r), srgb_to_linear (color->g), srgb_to_linear (color->b) };
  double out[3];

  for (int i = 0; i < 3; i++)
    {
      out[i] = 0;
      for (int j = 0; j < 3; j++)
        out[i] += machado[vision][i][j] * in[j];
      out[i] = CLAMP (out[i], 0, 1);
    }
  return linear_to_lab (out);
}

static double
deg (double rad)
{
  return rad * 180 / G_PI;
}

static double
rad (double deg)
{
  return deg * G_PI / 180;
}

/* CIEDE2000 (Sharma, Wu and Dalal 2005), kL = kC = kH = 1. */
static double
delta_e_2000 (Lab p,
              Lab q)
{
  double c1 = hypot (p.a, p.b), c2 = hypot (q.a, q.b), cbar = (c1 + c2) / 2;
  double g = 0.5 * (1 - sqrt (pow (cbar, 7) / (pow (cbar, 7) + pow (25, 7))));
  double a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
  double c1p = hypot (a1, p.b), c2p = hypot (a2, q.b);
  double h1p = c1p == 0 ? 0 : fmod (deg (atan2 (p.b, a1)) + 360, 360);
  double h2p = c2p == 0 ? 0 : fmod (deg (atan2 (q.b, a2)) + 360, 360);
  double dl = q.l - p.l, dc = c2p - c1p, dh = 0, lbar, cbarp, hbar, t, sl, sc, sh, rt;

  if (c1p * c2p != 0)
    {
      dh = h2p - h1p;
      if (dh > 180)
        dh -= 360;
      else if (dh < -180)
        dh += 360;
    }
  dh = 2 * sqrt (c1p * c2p) * sin (rad (dh / 2));

  lbar = (p.l + q.l) / 2;
  cbarp = (c1p + c2p) / 2;
  if (c1p * c2p == 0)
    hbar = h1p + h2p;
  else if (fabs (h1p - h2p) <= 180)
    hbar = (h1p + h2p) / 2;
  else if (h1p + h2p < 360)
    hbar = (h1p + h2p + 360) / 2;
  else
    hbar = (h1p + h2p - 360) / 2;

  t = 1 - 0.17 * cos (rad (hbar - 30)) + 0.24 * cos (rad (2 * hbar)) + 0.32 * cos (rad (3 * hbar + 6)) -
      0.20 * cos (rad (4 * hbar - 63));
  sl = 1 + 0.015 * pow (lbar - 50, 2) / sqrt (20 + pow (lbar - 50, 2));
  sc = 1 + 0.045 * cbarp;
  sh = 1 + 0.015 * cbarp * t;
  rt = -sin (rad (2 * 30 * exp (-pow ((hbar - 275) / 25, 2)))) *
       2 * sqrt (pow (cbarp, 7) / (pow (cbarp, 7) + pow (25, 7)));

  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dh / sh, 2) + rt * (dc / sc) * (dh / sh));
}

static char *
hex (const KaravanRgb *c)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) round (c->r * 255), (int) round (c->g * 255),
                          (int) round (c->b * 255));
}

/* ---------------------------------------------------------------------- */

/* Sharma et al.'s reference pairs: the formula must be the standard one,
 * or the thresholds below mean nothing. */
static void
test_delta_e_2000 (void)
{
  static const struct {
    Lab    p, q;
    double expected;
  } pairs[] = {
    { { 50, 2.6772, -79.7751 }, { 50, 0, -82.7485 }, 2.0425 },
    { { 50, 3.1571, -77.2803 }, { 50, 0, -82.7485 }, 2.8615 },
    { { 50, 0, 0 }, { 50, -1, 2 }, 2.3669 },
    { { 50, 2.5, 0 }, { 73, 25, -18 }, 27.1492 },
    { { 50, 2.5, 0 }, { 50, 3.2592, 0.3350 }, 1.0000 },
    { { 60.2574, -34.0099, 36.2677 }, { 60.4626, -34.1751, 39.4387 }, 1.2644 },
    { { 22.7233, 20.0904, -46.6940 }, { 23.0331, 14.9730, -42.5619 }, 2.0373 },
  };
  KaravanRgb white = { 1, 1, 1 };
  Lab w = simulate (&white, VISION_NORMAL);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_assert_cmpfloat_with_epsilon (delta_e_2000 (pairs[i].p, pairs[i].q), pairs[i].expected, 5e-5);
      g_assert_cmpfloat_with_epsilon (delta_e_2000 (pairs[i].q, pairs[i].p), pairs[i].expected, 5e-5);
    }
  /* White is L* 100 and neutral; the simulations keep it white. */
  g_assert_cmpfloat_with_epsilon (w.l, 100, 1e-3);
  g_assert_cmpfloat_with_epsilon (w.a, 0, 1e-3);
  for (Vision v = VISION_PROTANOPIA; v < N_VISIONS; v++)
    g_assert_cmpfloat (delta_e_2000 (simulate (&white, v), w), <, 0.5);
}

static void
check_contrast (GString          *failures,
                const char       *palette,
                const char       *what,
                const KaravanRgb *color,
                const KaravanRgb *background,
                double            minimum)
{
  double ratio = karavan_rgb_contrast (color, background);

  if (ratio < minimum)
    {
      g_autofree char *c = hex (color);
      g_autofree char *b = hex (background);

      g_string_append_printf (failures, "\n  %s: %s %s on %s is %.2f:1, needs %.1f:1",
                              palette, what, c, b, ratio, minimum);
    }
}

static void
test_text_contrast (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (KaravanPaletteKind k = 0; k < KARAVAN_N_PALETTES; k++)
    {
      const KaravanPalette *pal = karavan_palette_get (k);
      const char *name = karavan_palette_to_string (k);

      check_contrast (failures, name, "text", &pal->text, &pal->background, TEXT_CONTRAST);
      check_contrast (failures, name, "muted text", &pal->muted, &pal->background, TEXT_CONTRAST);
    }
  if (failures->len)
    g_test_fail_printf ("text below %.1f:1:%s", TEXT_CONTRAST, failures->str);
}

static void
test_mark_contrast (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (KaravanPaletteKind k = 0; k < KARAVAN_N_PALETTES; k++)
    {
      const KaravanPalette *pal = karavan_palette_get (k);
      const char *name = karavan_palette_to_string (k);
      double axis = karavan_rgb_contrast (&pal->axis, &pal->background);
      double grid = karavan_rgb_contrast (&pal->grid, &pal->background);

      for (guint i = 0; i < KARAVAN_PALETTE_N_SERIES; i++)
        {
          g_autofree char *line = g_strdup_printf ("series %u (lines, markers)", i);
          g_autofree char *fill = g_strdup_printf ("series %u fill (bars, areas, slices)", i);

          check_contrast (failures, name, line, &pal->series[i], &pal->background, MARK_CONTRAST);
          /* An outline in the text colour draws the edge instead. */
          if (!pal->outline)
            check_contrast (failures, name, fill, &pal->fills[i], &pal->background, MARK_CONTRAST);
        }
      if (pal->outline)
        check_contrast (failures, name, "outline (text colour)", &pal->text, &pal->background, MARK_CONTRAST);
      check_contrast (failures, name, "axis", &pal->axis, &pal->background, MARK_CONTRAST);
      check_contrast (failures, name, "annotation marker", &pal->marker, &pal->background, MARK_CONTRAST);

      if (k == KARAVAN_PALETTE_HIGH_CONTRAST)
        check_contrast (failures, name, "grid", &pal->grid, &pal->background, MARK_CONTRAST);
      else
        {
          check_contrast (failures, name, "grid", &pal->grid, &pal->background, 1.1);
          if (grid >= axis)
            g_string_append_printf (failures, "\n  %s: the grid (%.2f:1) is as loud as the axis (%.2f:1)",
                                    name, grid, axis);
        }
    }
  if (failures->len)
    g_test_fail_printf ("marks below %.1f:1 (grid: see the header):%s", MARK_CONTRAST, failures->str);
}

/* The high-contrast palette must be stronger than the others, not only
 * pass: text at WCAG AAA (7:1), marks at 4.5:1, heavier lines. */
static void
test_high_contrast (void)
{
  const KaravanPalette *hc = karavan_palette_get (KARAVAN_PALETTE_HIGH_CONTRAST);
  const KaravanPalette *light = karavan_palette_get (KARAVAN_PALETTE_LIGHT);

  g_assert_cmpfloat (karavan_rgb_contrast (&hc->text, &hc->background), >=, 7);
  g_assert_cmpfloat (karavan_rgb_contrast (&hc->muted, &hc->background), >=, 7);
  g_assert_cmpfloat (karavan_rgb_contrast (&hc->axis, &hc->background), >=, 7);
  for (guint i = 0; i < KARAVAN_PALETTE_N_SERIES; i++)
    g_assert_cmpfloat (karavan_rgb_contrast (&hc->series[i], &hc->background), >=, 4.5);
  g_assert_cmpfloat (hc->line_width, >, light->line_width);
  g_assert_true (hc->outline);
}

static void
test_colour_vision (void)
{
  static const KaravanPaletteKind kinds[] = {
    KARAVAN_PALETTE_LIGHT, KARAVAN_PALETTE_DARK, KARAVAN_PALETTE_HIGH_CONTRAST,
  };
  g_autoptr(GString) failures = g_string_new (NULL);
  guint checked = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const KaravanPalette *pal = karavan_palette_get (kinds[k]);

      for (Vision v = 0; v < N_VISIONS; v++)
        for (guint i = 0; i < KARAVAN_PALETTE_N_SERIES; i++)
          {
            guint j = (i + 1) % KARAVAN_PALETTE_N_SERIES;
            double d = delta_e_2000 (simulate (&pal->series[i], v), simulate (&pal->series[j], v));

            checked++;
            if (d < MIN_DELTA_E)
              {
                g_autofree char *a = hex (&pal->series[i]);
                g_autofree char *b = hex (&pal->series[j]);

                g_string_append_printf (failures, "\n  %s, %s: series %u %s and %u %s differ by dE2000 %.1f",
                                        karavan_palette_to_string (kinds[k]), vision_names[v], i, a, j, b, d);
              }
          }
    }
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (kinds) * N_VISIONS * KARAVAN_PALETTE_N_SERIES);
  if (failures->len)
    g_test_fail_printf ("neighbouring series closer than dE2000 %.0f:%s", MIN_DELTA_E, failures->str);
}

/* The same simulation tells a palette that fails apart from one that
 * passes: a check that cannot fail proves nothing. */
static void
test_colour_vision_catches (void)
{
  /* Okabe–Ito's vermillion and a dark yellow: plain to see, alike to
   * protanopes and deuteranopes. */
  KaravanRgb vermillion = { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 };
  KaravanRgb yellow = { 0x8f / 255.0, 0x77 / 255.0, 0x00 / 255.0 };

  g_assert_cmpfloat (delta_e_2000 (simulate (&vermillion, VISION_NORMAL), simulate (&yellow, VISION_NORMAL)), >=,
                     2 * MIN_DELTA_E);
  g_assert_cmpfloat (delta_e_2000 (simulate (&vermillion, VISION_PROTANOPIA), simulate (&yellow, VISION_PROTANOPIA)), <,
                     MIN_DELTA_E / 4);
  g_assert_cmpfloat (delta_e_2000 (simulate (&vermillion, VISION_DEUTERANOPIA),
                                   simulate (&yellow, VISION_DEUTERANOPIA)), <, MIN_DELTA_E);
}

/* Black and white: every series has its own fill and pattern, its own
 * dashes, and a fill as light as the paper gets a pattern or an edge. */
static void
test_monochrome_patterns (void)
{
  const KaravanPalette *mono = karavan_palette_get (KARAVAN_PALETTE_MONOCHROME);
  guint patterned = 0;

  for (guint i = 0; i < KARAVAN_PALETTE_N_SERIES; i++)
    {
      double against_paper = karavan_rgb_contrast (&mono->fills[i], &mono->background);

      /* Greys only: colour would be lost on the copier. */
      g_assert_cmpfloat (mono->fills[i].r, ==, mono->fills[i].g);
      g_assert_cmpfloat (mono->fills[i].g, ==, mono->fills[i].b);
      g_assert_cmpfloat (mono->series[i].r, ==, mono->series[i].b);
      if (against_paper < MARK_CONTRAST)
        g_assert_true (mono->outline || mono->patterns[i] != KARAVAN_PATTERN_NONE);
      patterned += mono->patterns[i] != KARAVAN_PATTERN_NONE;

      for (guint j = i + 1; j < KARAVAN_PALETTE_N_SERIES; j++)
        {
          /* Same pattern: the greys must be far apart. */
          if (mono->patterns[i] == mono->patterns[j])
            g_assert_cmpfloat (karavan_rgb_contrast (&mono->fills[i], &mono->fills[j]), >=, 1.5);
          /* Lines: each its own dash pattern. */
          g_assert_false (memcmp (mono->dashes[i], mono->dashes[j], sizeof mono->dashes[i]) == 0);
        }
    }
  g_assert_cmpuint (patterned, >=, KARAVAN_PALETTE_N_SERIES / 2);
  g_assert_true (mono->outline);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/a11y/palette/delta-e-2000", test_delta_e_2000);
  g_test_add_func ("/a11y/palette/contrast/text", test_text_contrast);
  g_test_add_func ("/a11y/palette/contrast/marks", test_mark_contrast);
  g_test_add_func ("/a11y/palette/high-contrast", test_high_contrast);
  g_test_add_func ("/a11y/palette/colour-vision", test_colour_vision);
  g_test_add_func ("/a11y/palette/colour-vision/catches", test_colour_vision_catches);
  g_test_add_func ("/a11y/palette/monochrome", test_monochrome_patterns);

  return g_test_run ();
}
