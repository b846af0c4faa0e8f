/* karavan-handout.c: a lesson's slides, on screen, as PNGs and on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slide does not draw anything itself: it hands the figure code a
 * copy of the step's view whose title, subtitle and note are the step's,
 * so the frame (title block, footer with the sources) is laid out by the
 * same code as every other figure. The copy borrows everything else from
 * the dataset, which the step keeps alive.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "karavan-error.h"
#include "karavan-handout.h"

#define A4_WIDTH_PT  595.276
#define A4_HEIGHT_PT 841.890

/* The window's chart type is 11 px (karavan-chart-view.c). */
#define WINDOW_FONT_SIZE 11.0

struct _KaravanSlide
{
  KaravanView    view;      /* a shallow copy, with the texts below */
  KaravanText    title;
  KaravanText    subtitle;
  KaravanText    note;
  KaravanText    step_note; /* the step's own note, shown or not */
  KaravanFigure *figure;
  KaravanLang    lang;      /* the figure's: the step's or the options' */
  int            reveal_steps;
  double         width;
  double         height;

  /* KARAVAN_SLIDE_BRIEF_SOURCES, when the sources did not fit: the figure
   * is laid out taller and cut at sources_y, where two lines stand in. */
  PangoLayout   *brief;
  double         sources_x;
  double         sources_y;
  KaravanRgb     background;
  KaravanRgb     muted;
};

/**
 * karavan_slide_font_size_for:
 *
 * The base type size for a screen or slide of @width × @height: a
 * fixed share of the height (the back row sees the screen's height, not
 * its pixels), never less than %KARAVAN_PROJECTOR_FONT_SCALE times the
 * window's type.
 */
double
karavan_slide_font_size_for (double width,
                             double height)
{
  double fs = MIN (height / 36.0, width / 48.0);

  return MAX (fs, WINDOW_FONT_SIZE * KARAVAN_PROJECTOR_FONT_SCALE);
}

/* The projector theme: high contrast, large type, everything shown. */
void
karavan_slide_options_init (KaravanRenderOptions *options,
                            KaravanLang           lang,
                            double                width,
                            double                height)
{
  karavan_render_options_init (options, lang);
  options->palette = KARAVAN_PALETTE_HIGH_CONTRAST;
  options->font_size = karavan_slide_font_size_for (width, height);
  options->reveal = -1;
}

/* @first, or the two on separate lines when both exist. */
static void
text_join (KaravanText       *out,
           const KaravanText *first,
           const KaravanText *second)
{
  for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
    {
      const char *a = karavan_text_get (first, l);
      const char *b = karavan_text_get (second, l);

      if (a != NULL && b != NULL)
        out->s[l] = g_strconcat (a, "\n", b, NULL);
      else
        out->s[l] = g_strdup (a != NULL ? a : b);
    }
}

static void
text_copy_resolved (KaravanText       *out,
                    const KaravanText *text)
{
  for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
    out->s[l] = g_strdup (karavan_text_get (text, l));
}

static gboolean
find_sources_box (KaravanFigure   *fig,
                  KaravanLabelBox *out)
{
  g_autofree char *sources = karavan_figure_get_sources_text (fig);
  const KaravanLabelBox *labels;
  guint n;

  if (sources == NULL)
    return FALSE;

  labels = karavan_figure_get_labels (fig, &n);
  for (guint i = 0; i < n; i++)
    if (labels[i].kind == KARAVAN_LABEL_FOOTER && g_strcmp0 (labels[i].text, sources) == 0)
      {
        *out = labels[i];
        return TRUE;
      }

  return FALSE;
}

static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* As the figure measures: the same at any scale. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (font_options);

  return context;
}

/* A long list of sources (a timeline can rest on thirty) would leave a
 * projected slide no room for the figure: lay the figure out taller, so
 * its sources fall below the slide, and show their first two lines. */
static void
brief_sources (KaravanSlide               *slide,
               const KaravanRenderOptions *options)
{
  const KaravanPalette *pal = karavan_palette_get (options->palette);
  PangoContext *context;
  g_autofree char *sources = NULL;
  PangoFontDescription *desc;
  PangoRectangle logical;
  KaravanLabelBox box;
  double fs, brief_h;

  if (!find_sources_box (slide->figure, &box))
    return;

  /* The figure's footer type: 0.82 of its base size, which it keeps
   * within the figure's size (karavan-figure.c). */
  fs = options->font_size > 0 ? options->font_size : 9.0;
  fs = MIN (fs, MAX (5.0, MIN (slide->width / 30.0, slide->height / 18.0)));

  context = create_pango_context ();
  sources = karavan_figure_get_sources_text (slide->figure);
  slide->brief = pango_layout_new (context);
  g_object_unref (context);  /* the layout keeps it */
  desc = pango_font_description_from_string (options->font_family ? options->font_family : "Sans");
  pango_font_description_set_absolute_size (desc, fs * 0.82 * PANGO_SCALE);
  pango_layout_set_font_description (slide->brief, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (slide->brief, (int) (MAX (1, slide->width - 2 * box.x) * PANGO_SCALE));
  pango_layout_set_wrap (slide->brief, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (slide->brief, -2);
  pango_layout_set_ellipsize (slide->brief, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (slide->brief, sources, -1);
  pango_layout_get_extents (slide->brief, NULL, &logical);
  brief_h = (double) logical.height / PANGO_SCALE;

  if (box.height <= brief_h + 0.5)
    {
      g_clear_object (&slide->brief);
      return;
    }

  karavan_figure_free (slide->figure);
  slide->figure = karavan_figure_new (&slide->view, options, slide->width,
                                      slide->height + box.height - brief_h);
  if (!find_sources_box (slide->figure, &box))
    {
      /* Laid out otherwise at the new size: show it as it is. */
      karavan_figure_free (slide->figure);
      slide->figure = karavan_figure_new (&slide->view, options, slide->width, slide->height);
      g_clear_object (&slide->brief);
      return;
    }
  slide->sources_x = box.x;
  slide->sources_y = box.y;
  slide->background = pal->background;
  slide->muted = pal->muted;
}

/**
 * karavan_slide_new:
 * @options: the presentation's options (see karavan_slide_options_init());
 *   the step's own toggles are applied on top
 * @flags: what the footer holds
 *
 * Lays out step @step at @width × @height.
 *
 * Returns: (transfer full): the slide.
 */
KaravanSlide *
karavan_slide_new (const KaravanDeckStep      *step,
                   const KaravanRenderOptions *options,
                   KaravanSlideFlags           flags,
                   double                      width,
                   double                      height)
{
  const KaravanView *view;
  KaravanRenderOptions step_options;
  KaravanSlide *slide;
  KaravanText empty = { { NULL } };

  g_return_val_if_fail (step != NULL && step->view != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  view = step->view;
  slide = g_new0 (KaravanSlide, 1);
  slide->view = *view;

  if (karavan_text_is_empty (&step->title))
    {
      text_copy_resolved (&slide->title, &view->title);
      text_copy_resolved (&slide->subtitle, &view->subtitle);
    }
  else
    {
      /* The step's title tells the story; the view's says what is drawn. */
      text_copy_resolved (&slide->title, &step->title);
      text_join (&slide->subtitle, &view->title, &view->subtitle);
    }
  text_copy_resolved (&slide->step_note, &step->note);
  text_join (&slide->note, (flags & KARAVAN_SLIDE_NOTE) ? &step->note : &empty, &view->note);

  slide->view.title = slide->title;
  slide->view.subtitle = slide->subtitle;
  slide->view.note = slide->note;

  karavan_deck_step_get_render_options (step, options, &step_options);
  slide->lang = step_options.lang;
  slide->width = MAX (width, 1);
  slide->height = MAX (height, 1);
  slide->figure = karavan_figure_new (&slide->view, &step_options, width, height);
  if (flags & KARAVAN_SLIDE_BRIEF_SOURCES)
    brief_sources (slide, &step_options);

  if (step->reveal != KARAVAN_REVEAL_NONE)
    {
      /* The number of reveal steps does not depend on the size: ask a
       * figure that shows everything, so it counts them all. */
      if (step_options.reveal < 0)
        slide->reveal_steps = karavan_figure_get_reveal_steps (slide->figure);
      else
        {
          g_autoptr(KaravanFigure) all = NULL;

          step_options.reveal = -1;
          all = karavan_figure_new (&slide->view, &step_options, slide->width, slide->height);
          slide->reveal_steps = karavan_figure_get_reveal_steps (all);
        }
    }

  return slide;
}

void
karavan_slide_free (KaravanSlide *slide)
{
  if (slide == NULL)
    return;

  g_clear_pointer (&slide->figure, karavan_figure_free);
  g_clear_object (&slide->brief);
  karavan_text_clear (&slide->title);
  karavan_text_clear (&slide->subtitle);
  karavan_text_clear (&slide->note);
  karavan_text_clear (&slide->step_note);
  g_free (slide);
}

void
karavan_slide_draw (KaravanSlide *slide,
                    cairo_t      *cr)
{
  g_return_if_fail (slide != NULL);

  if (slide->brief == NULL)
    {
      karavan_figure_draw (slide->figure, cr);
      return;
    }

  cairo_save (cr);
  cairo_set_source_rgb (cr, slide->background.r, slide->background.g, slide->background.b);
  cairo_rectangle (cr, 0, 0, slide->width, slide->height);
  cairo_fill (cr);
  cairo_rectangle (cr, 0, 0, slide->width, slide->sources_y);
  cairo_clip (cr);
  karavan_figure_draw (slide->figure, cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, slide->muted.r, slide->muted.g, slide->muted.b);
  cairo_move_to (cr, slide->sources_x, slide->sources_y);
  pango_cairo_show_layout (cr, slide->brief);
  cairo_restore (cr);
}

KaravanFigure *
karavan_slide_get_figure (KaravanSlide *slide)
{
  g_return_val_if_fail (slide != NULL, NULL);

  return slide->figure;
}

/* The view as drawn: the step's view with the step's texts. */
const KaravanView *
karavan_slide_get_view (KaravanSlide *slide)
{
  g_return_val_if_fail (slide != NULL, NULL);

  return &slide->view;
}

/* How many presses of the clicker unfold the step: 0 or 1 when it shows
 * at once. */
int
karavan_slide_get_reveal_steps (KaravanSlide *slide)
{
  g_return_val_if_fail (slide != NULL, 0);

  return slide->reveal_steps;
}

char *
karavan_slide_get_title (KaravanSlide *slide)
{
  g_return_val_if_fail (slide != NULL, NULL);

  return karavan_figure_get_title (slide->figure);
}

/* The step's note in the slide's language, or %NULL. */
char *
karavan_slide_get_note (KaravanSlide *slide)
{
  g_return_val_if_fail (slide != NULL, NULL);

  return g_strdup (karavan_text_get (&slide->step_note, slide->lang));
}

/* ---------------------------------------------------------------------- */
/* Handouts                                                               */

void
karavan_handout_options_init (KaravanHandoutOptions *options,
                              KaravanLang            lang)
{
  memset (options, 0, sizeof *options);
  options->lang = lang;
  options->palette = KARAVAN_PALETTE_LIGHT;
  options->slide_palette = KARAVAN_PALETTE_HIGH_CONTRAST;
  options->page_width = A4_WIDTH_PT;
  options->page_height = A4_HEIGHT_PT;
  options->slide_width = KARAVAN_SLIDE_WIDTH;
  options->slide_height = KARAVAN_SLIDE_HEIGHT;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
text_layout (cairo_t          *cr,
             const char       *text,
             double            size,
             gboolean          bold,
             double            width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
show_layout (cairo_t          *cr,
             PangoLayout      *layout,
             double            x,
             double            y,
             const KaravanRgb *color)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* One A4 page: a running head (the lesson's title, "3 / 8"), the figure
 * with its title, subtitle and sources, and the step's note below it in
 * reading size. */
static void
draw_page (KaravanDeck                 *deck,
           guint                        index,
           const KaravanHandoutOptions *options,
           cairo_t                     *cr)
{
  const KaravanDeckStep *step = karavan_deck_get_step (deck, index);
  const KaravanPalette *pal = karavan_palette_get (options->palette);
  double w = options->page_width, h = options->page_height;
  double margin = MIN (w, h) * 0.07;
  double inner = w - 2 * margin;
  double body = 10.0, y = margin, fig_h;
  const char *lesson_title = karavan_text_get (karavan_deck_get_title (deck), options->lang);
  const char *note = karavan_text_get (&step->note, step->has_lang ? step->lang : options->lang);
  g_autofree char *counter = g_strdup_printf ("%u / %u", index + 1, karavan_deck_get_n_steps (deck));
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autoptr(PangoLayout) note_layout = NULL;
  g_autoptr(KaravanSlide) slide = NULL;
  KaravanRenderOptions render;
  PangoRectangle number_extents;

  cairo_save (cr);
  cairo_set_source_rgb (cr, pal->background.r, pal->background.g, pal->background.b);
  cairo_paint (cr);
  cairo_restore (cr);

  number = text_layout (cr, counter, body * 0.85, FALSE, -1);
  pango_layout_get_extents (number, NULL, &number_extents);
  head = text_layout (cr, lesson_title ? lesson_title : karavan_deck_get_id (deck), body * 0.85, FALSE,
                      inner - (double) number_extents.width / PANGO_SCALE - body);
  pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (head, -1);
  show_layout (cr, head, margin, y, &pal->muted);
  show_layout (cr, number, w - margin - (double) number_extents.width / PANGO_SCALE, y, &pal->muted);
  y += layout_height (head) + body * 0.4;

  cairo_save (cr);
  cairo_set_source_rgb (cr, pal->grid.r, pal->grid.g, pal->grid.b);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, margin, y);
  cairo_line_to (cr, w - margin, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  y += body;

  karavan_render_options_init (&render, options->lang);
  render.palette = options->palette;
  render.font_size = body;
  if (note != NULL)
    note_layout = text_layout (cr, note, body * 1.05, FALSE, inner);

  /* The figure takes what the note leaves, but stays a figure, not a
   * column: students write their own notes in the space below. */
  fig_h = h - margin - y - (note_layout != NULL ? layout_height (note_layout) + body * 1.5 : 0);
  fig_h = CLAMP (fig_h, inner * 0.5, inner * 1.2);
  slide = karavan_slide_new (step, &render, 0, inner, fig_h);

  cairo_save (cr);
  cairo_translate (cr, margin, y);
  karavan_slide_draw (slide, cr);
  cairo_restore (cr);
  y += fig_h + body * 1.5;

  if (note_layout != NULL)
    show_layout (cr, note_layout, margin, y, &pal->text);
}

/**
 * karavan_handout_to_pdf:
 *
 * The deck as a PDF with one page per step (A4 portrait unless
 * @options says otherwise), each with the step's figure fully revealed,
 * its title, note and sources, in @options' language. Each page has an
 * outline entry with the step's title.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set.
 */
GBytes *
karavan_handout_to_pdf (KaravanDeck                 *deck,
                        const KaravanHandoutOptions *options,
                        GError                     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree char *keywords = NULL;
  const char *title;
  KaravanDataset *dataset;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  n = karavan_deck_get_n_steps (deck);
  if (n == 0)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID, _("the lesson “%s” has no steps"),
                   karavan_deck_get_id (deck));
      return NULL;
    }
  if (!(options->page_width >= 72 && options->page_height >= 72 &&
        options->page_width <= 14400 && options->page_height <= 14400))
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_UNSUPPORTED,
                   _("a page of %g × %g points is out of range (72 to 14400)"),
                   options->page_width, options->page_height);
      return NULL;
    }

  title = karavan_text_get (karavan_deck_get_title (deck), options->lang);
  dataset = karavan_deck_get_dataset (deck);
  keywords = dataset != NULL ? g_strdup_printf ("%s:%s", karavan_dataset_get_id (dataset), karavan_deck_get_id (deck))
                             : g_strdup (karavan_deck_get_id (deck));

  surface = cairo_pdf_surface_create_for_stream (write_to_array, buffer, options->page_width, options->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : karavan_deck_get_id (deck));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Karavan " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < n; i++)
    {
      const KaravanDeckStep *step = karavan_deck_get_step (deck, i);
      const char *step_title = karavan_text_get (&step->title, options->lang);
      g_autofree char *link = g_strdup_printf ("page=%u", i + 1);

      if (step_title == NULL)
        step_title = karavan_text_get (&step->view->title, options->lang);
      draw_page (deck, i, options, cr);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, step_title ? step_title : step->view->id,
                                     link, 0);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("drawing failed: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
karavan_handout_write_pdf (KaravanDeck                 *deck,
                           const KaravanHandoutOptions *options,
                           const char                  *path,
                           GError                     **error)
{
  g_autoptr(GBytes) bytes = karavan_handout_to_pdf (deck, options, error);

  if (bytes == NULL)
    return FALSE;

  return karavan_write_file_atomically (path, bytes, error);
}

/**
 * karavan_handout_slide_to_png:
 *
 * Step @index as a PNG of @options' slide size (1920 × 1080 by
 * default), fully revealed, drawn as presentation mode draws it: with
 * the projector's type and @options->slide_palette.
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set.
 */
GBytes *
karavan_handout_slide_to_png (KaravanDeck                 *deck,
                              guint                        index,
                              const KaravanHandoutOptions *options,
                              GError                     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(KaravanSlide) slide = NULL;
  KaravanRenderOptions render;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (index < karavan_deck_get_n_steps (deck), NULL);

  w = round (options->slide_width);
  h = round (options->slide_height);
  if (!(w >= 16 && h >= 16 && w <= 20000 && h <= 20000))
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_UNSUPPORTED,
                   _("a slide of %g × %g pixels is out of range (16 to 20000)"), w, h);
      return NULL;
    }

  karavan_slide_options_init (&render, options->lang, w, h);
  render.palette = options->slide_palette;
  slide = karavan_slide_new (karavan_deck_get_step (deck, index), &render,
                             KARAVAN_SLIDE_NOTE | KARAVAN_SLIDE_BRIEF_SOURCES, w, h);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
  cr = cairo_create (surface);
  karavan_slide_draw (slide, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_array, buffer);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("drawing failed: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* "01.png" … "08.png": at least two digits, more for a hundred steps. */
char *
karavan_handout_slide_name (KaravanDeck *deck,
                            guint        index)
{
  guint n, digits = 1;

  g_return_val_if_fail (deck != NULL, NULL);

  n = karavan_deck_get_n_steps (deck);
  for (guint m = n; m >= 10; m /= 10)
    digits++;

  return g_strdup_printf ("%0*u.png", (int) MAX (digits, 2), index + 1);
}

/**
 * karavan_handout_write_slides:
 * @folder: created when it does not exist
 *
 * Writes every step as a numbered PNG slide into @folder (see
 * karavan_handout_slide_name()), each file atomically. Files already in
 * @folder with other names are left alone.
 */
gboolean
karavan_handout_write_slides (KaravanDeck                 *deck,
                              const KaravanHandoutOptions *options,
                              const char                  *folder,
                              GError                     **error)
{
  guint n;

  g_return_val_if_fail (deck != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  n = karavan_deck_get_n_steps (deck);
  if (n == 0)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID, _("the lesson “%s” has no steps"),
                   karavan_deck_get_id (deck));
      return FALSE;
    }

  if (g_mkdir_with_parents (folder, 0755) != 0 || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      int saved_errno = errno;

      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("%s: cannot make the folder: %s"),
                   folder, g_strerror (g_file_test (folder, G_FILE_TEST_EXISTS) ? ENOTDIR : saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) png = karavan_handout_slide_to_png (deck, i, options, error);
      g_autofree char *name = karavan_handout_slide_name (deck, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (png == NULL || !karavan_write_file_atomically (path, png, error))
        return FALSE;
    }

  return TRUE;
}
