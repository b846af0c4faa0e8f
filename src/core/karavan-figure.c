/* karavan-figure.c: layout and drawing of every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A figure is built in two steps. karavan_figure_new() measures every
 * text with Pango and decides where everything goes: title, legend,
 * footer, axes, labels. karavan_figure_draw() then only paints. Labels
 * are placed one by one against the boxes of those already placed, in a
 * fixed order, so the result is deterministic and nothing overlaps.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "karavan-catalog.h"
#include "karavan-figure-private.h"
#include "karavan-format.h"

void
karavan_render_options_init (KaravanRenderOptions *options,
                             KaravanLang           lang)
{
  memset (options, 0, sizeof *options);
  options->lang = lang;
  options->palette = KARAVAN_PALETTE_LIGHT;
  options->font_size = 0;
  options->reveal = -1;
}

/* ---------------------------------------------------------------------- */
/* Labels                                                                 */

static void
label_free (Label *label)
{
  g_clear_object (&label->layout);
  g_clear_pointer (&label->text, g_free);
  g_free (label);
}

Label *
_karavan_figure_label (KaravanFigure    *fig,
                       KaravanLabelKind  kind,
                       const char       *text,
                       double            scale,
                       gboolean          bold,
                       double            max_width,
                       const KaravanRgb *color)
{
  Label *ret = g_new0 (Label, 1);
  Label label = { 0 };
  PangoFontDescription *desc;
  PangoRectangle logical;

  label.kind = kind;
  label.text = g_strdup (text ? text : "");
  label.color = *color;
  label.layout = pango_layout_new (fig->pango);

  desc = pango_font_description_from_string (fig->opts.font_family ? fig->opts.font_family : "Sans");
  pango_font_description_set_absolute_size (desc, fig->fs * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (label.layout, desc);
  pango_font_description_free (desc);

  if (max_width > 0)
    {
      pango_layout_set_width (label.layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (label.layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (label.layout, label.text, -1);

  pango_layout_get_extents (label.layout, NULL, &logical);
  label.w = (double) logical.width / PANGO_SCALE;
  label.h = (double) logical.height / PANGO_SCALE;
  /* Ink may start right of the layout's origin when wrapped. */
  label.ox = (double) logical.x / PANGO_SCALE;
  label.placed = FALSE;

  /* Labels live on the heap: pointers to them stay valid while more
   * labels are added. */
  *ret = label;
  g_ptr_array_add (fig->labels, ret);

  return ret;
}

static gboolean
boxes_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* The box a label covers once placed (rotated labels turn their box). */
static void
label_box (const Label *label,
           double      *x,
           double      *y,
           double      *w,
           double      *h)
{
  if (label->rotated)
    {
      *x = label->x;
      *y = label->y - label->w;
      *w = label->h;
      *h = label->w;
    }
  else
    {
      *x = label->x + label->ox;
      *y = label->y;
      *w = label->w;
      *h = label->h;
    }
}

/* Would @label at (@x, @y) overlap a placed label, with @gap to spare? */
gboolean
_karavan_figure_collides (KaravanFigure *fig,
                          Label         *label,
                          double         x,
                          double         y,
                          double         gap)
{
  for (guint i = 0; i < fig->labels->len; i++)
    {
      Label *other = g_ptr_array_index (fig->labels, i);
      double ox, oy, ow, oh;

      if (other == label || !other->placed)
        continue;
      label_box (other, &ox, &oy, &ow, &oh);
      if (boxes_overlap (x + label->ox - gap, y - gap, label->w + 2 * gap, label->h + 2 * gap,
                         ox, oy, ow, oh))
        return TRUE;
    }
  return FALSE;
}

/* Places a label whose position was found free (or is fixed). Labels are
 * kept inside the figure. */
void
_karavan_figure_place (KaravanFigure *fig,
                       Label         *label,
                       double         x,
                       double         y)
{
  if (!label->rotated)
    {
      x = CLAMP (x, 0, MAX (0, fig->width - label->w - label->ox));
      y = CLAMP (y, 0, MAX (0, fig->height - label->h));
    }
  label->x = x;
  label->y = y;
  label->placed = TRUE;
}

/* Tries each candidate position in turn; returns FALSE (and leaves the
 * label unplaced, so it is not drawn) when all collide. */
gboolean
_karavan_figure_place_free (KaravanFigure *fig,
                            Label         *label,
                            const double  *xy,
                            guint          n_candidates,
                            double         gap)
{
  for (guint i = 0; i < n_candidates; i++)
    {
      double x = xy[2 * i], y = xy[2 * i + 1];

      if (x < 0 || y < 0 || x + label->ox + label->w > fig->width + 0.01 || y + label->h > fig->height + 0.01)
        continue;
      if (!_karavan_figure_collides (fig, label, x, y, gap))
        {
          _karavan_figure_place (fig, label, x, y);
          return TRUE;
        }
    }
  return FALSE;
}

/* Labels inside the plot sit on a patch of background, so that grid
 * and marker lines never run through their text. */
static void
draw_label_halo (KaravanFigure *fig,
                 cairo_t       *cr,
                 const Label   *label)
{
  const KaravanRgb *bg = &fig->pal->background;
  double m = fig->fs * 0.12;

  if (!label->placed || fig->opts.transparent || label->rotated ||
      (label->kind != KARAVAN_LABEL_VALUE && label->kind != KARAVAN_LABEL_ANNOTATION))
    return;

  cairo_save (cr);
  cairo_set_source_rgba (cr, bg->r, bg->g, bg->b, 0.85);
  cairo_rectangle (cr, label->x + label->ox - m, label->y, label->w + 2 * m, label->h);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_label (cairo_t     *cr,
            const Label *label)
{
  if (!label->placed)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, label->color.r, label->color.g, label->color.b);
  cairo_move_to (cr, label->x, label->y);
  if (label->rotated)
    cairo_rotate (cr, -G_PI / 2);
  pango_cairo_show_layout (cr, label->layout);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Frame: title, subtitle, legend, footer                                 */

static void
collect_sources_text (KaravanFigure *fig)
{
  KaravanLang lang = fig->opts.lang;
  g_autoptr(GPtrArray) sources = karavan_view_collect_sources (fig->view);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      KaravanSource *source = sources->pdata[i];
      const char *citation = karavan_text_get (&source->citation, lang);

      if (list->len > 0)
        g_string_append (list, "; ");
      g_string_append (list, citation ? citation : source->id);
      /* Citations end with a full stop; between them the semicolon does. */
      if (i + 1 < sources->len && g_str_has_suffix (list->str, "."))
        g_string_truncate (list, list->len - 1);
    }

  if (sources->len > 0)
    fig->sources_text = g_strdup_printf (karavan_catalog_npgettext (lang, "figure", "Source: %s",
                                                                    "Sources: %s", sources->len),
                                         list->str);
}

/* What the frame gives up, step by step, when the figure is small: lines
 * of the notes and sources (ellipsized past them), the footer's size, then
 * the notes; sources go last of all, down to one line. The title and the
 * subtitle are never cut: they wrap over as many lines as they need, and
 * only get a little smaller (a journal column holds the longest Kazakh
 * title whole). */
typedef struct {
  double   title_scale;
  double   subtitle_scale;
  int      note_lines;       /* 0: no notes */
  int      source_lines;
  double   footer_scale;
} FrameLevel;

static const FrameLevel frame_levels[] = {
  { 1.45, 1.0, 4, 5, 0.82 },
  { 1.45, 1.0, 3, 3, 0.82 },
  { 1.35, 1.0, 2, 2, 0.76 },
  { 1.25, 0.95, 1, 2, 0.72 },
  { 1.2, 0.9, 0, 1, 0.72 },
  { 1.15, 0.85, 0, 1, 0.70 },
};

void
_karavan_label_limit_lines (Label *label,
                            int    lines)
{
  PangoRectangle logical;

  pango_layout_set_height (label->layout, -lines);
  pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (label->layout, NULL, &logical);
  label->w = (double) logical.width / PANGO_SCALE;
  label->h = (double) logical.height / PANGO_SCALE;
  label->ox = (double) logical.x / PANGO_SCALE;
}

/* Lays out the title block from the top and the footer from the bottom,
 * leaving fig->body for the view itself: at least about half the figure,
 * by the levels above. */
static void
layout_frame (KaravanFigure *fig,
              const char    *extra_note)
{
  KaravanLang lang = fig->opts.lang;
  const KaravanPalette *pal = fig->pal;
  double pad = fig->pad;
  double inner = fig->width - 2 * pad;
  const char *title = karavan_text_get (&fig->view->title, lang);
  const char *subtitle = karavan_text_get (&fig->view->subtitle, lang);
  const char *note = karavan_text_get (&fig->view->note, lang);
  guint first_label = fig->labels->len;
  double top = pad, bottom = fig->height - pad;

  collect_sources_text (fig);

  for (guint level = 0; level < G_N_ELEMENTS (frame_levels); level++)
    {
      const FrameLevel *l = &frame_levels[level];
      const char *notes[] = { extra_note, note };
      Label *label;

      g_ptr_array_set_size (fig->labels, first_label);
      top = pad;
      bottom = fig->height - pad;

      if (title != NULL)
        {
          label = _karavan_figure_label (fig, KARAVAN_LABEL_TITLE, title, l->title_scale, TRUE, inner,
                                         &pal->text);
          _karavan_figure_place (fig, label, pad, top);
          top += label->h + fig->fs * 0.2;
        }
      if (subtitle != NULL)
        {
          label = _karavan_figure_label (fig, KARAVAN_LABEL_SUBTITLE, subtitle, l->subtitle_scale, FALSE, inner,
                                         &pal->muted);
          _karavan_figure_place (fig, label, pad, top);
          top += label->h;
        }
      top += fig->fs * 0.7;

      /* Footer, bottom up: sources last, then the notes above them. */
      if (fig->sources_text != NULL)
        {
          label = _karavan_figure_label (fig, KARAVAN_LABEL_FOOTER, fig->sources_text, l->footer_scale, FALSE,
                                         inner, &pal->muted);
          _karavan_label_limit_lines (label, l->source_lines);
          bottom -= label->h;
          _karavan_figure_place (fig, label, pad, bottom);
          bottom -= fig->fs * 0.25;
        }
      for (guint i = 0; i < G_N_ELEMENTS (notes) && l->note_lines > 0; i++)
        {
          if (notes[i] == NULL)
            continue;
          label = _karavan_figure_label (fig, KARAVAN_LABEL_FOOTER, notes[i], l->footer_scale, FALSE, inner, &pal->muted);
          _karavan_label_limit_lines (label, l->note_lines);
          bottom -= label->h;
          _karavan_figure_place (fig, label, pad, bottom);
          bottom -= fig->fs * 0.25;
        }
      if (bottom < fig->height - pad)
        bottom -= fig->fs * 0.6;

      if (bottom - top >= fig->height * 0.5)
        break;
    }

  fig->body_x = pad;
  fig->body_y = top;
  fig->body_w = inner;
  fig->body_h = MAX (0, bottom - top);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics: the layout is the same at any scale, so the screen,
   * a 300 dpi PNG and a PDF place every glyph alike. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (font_options);

  return context;
}

KaravanFigure *
karavan_figure_new (const KaravanView          *view,
                    const KaravanRenderOptions *options,
                    double                      width,
                    double                      height)
{
  KaravanFigure *fig;
  g_autofree char *extra_note = NULL;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  fig = g_new0 (KaravanFigure, 1);
  fig->view = view;
  fig->opts = *options;
  fig->pal = karavan_palette_get (options->palette);
  fig->width = MAX (width, 1);
  fig->height = MAX (height, 1);
  fig->fs = options->font_size > 0 ? options->font_size : 9.0;
  /* Very small figures get smaller type, down to a legible minimum. */
  fig->fs = MIN (fig->fs, MAX (5.0, MIN (fig->width / 30.0, fig->height / 18.0)));
  fig->pad = fig->fs * 1.1;
  fig->pango = create_pango_context ();
  fig->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) label_free);
  fig->shapes = g_array_new (FALSE, TRUE, sizeof (Shape));
  fig->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _karavan_plot_item_free);
  fig->reveal_steps = 0;

  /* The body decides what the footer must explain, so it is laid out in
   * two passes: find the note, then lay out frame and body for real. */
  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      extra_note = _karavan_chart_footer_note (fig);
      layout_frame (fig, extra_note);
      _karavan_chart_layout (fig);
      break;

    case KARAVAN_VIEW_TABLE:
      layout_frame (fig, NULL);
      _karavan_table_layout (fig);
      break;

    case KARAVAN_VIEW_TIMELINE:
      layout_frame (fig, NULL);
      _karavan_timeline_layout (fig);
      break;

    case KARAVAN_VIEW_LESSON:
      layout_frame (fig, NULL);
      _karavan_lesson_layout (fig);
      break;

    default:
      g_assert_not_reached ();
    }

  return fig;
}

void
karavan_figure_free (KaravanFigure *fig)
{
  if (fig == NULL)
    return;

  g_ptr_array_unref (fig->labels);
  g_array_unref (fig->shapes);
  g_ptr_array_unref (fig->items);
  g_clear_pointer (&fig->boxes, g_array_unref);
  g_clear_pointer (&fig->x_ticks, g_array_unref);
  g_clear_pointer (&fig->y_ticks, g_array_unref);
  g_clear_pointer (&fig->legend, g_array_unref);
  g_free (fig->sources_text);
  g_object_unref (fig->pango);
  g_free (fig);
}

static void
set_rgb (cairo_t          *cr,
         const KaravanRgb *rgb,
         double            alpha)
{
  cairo_set_source_rgba (cr, rgb->r, rgb->g, rgb->b, alpha);
}

static void
draw_shape (KaravanFigure *fig,
            cairo_t       *cr,
            const Shape   *shape)
{
  cairo_save (cr);
  cairo_new_path (cr);
  set_rgb (cr, &shape->color, shape->alpha > 0 ? shape->alpha : 1.0);

  switch (shape->kind)
    {
    case SHAPE_LINE:
      cairo_move_to (cr, shape->x, shape->y);
      cairo_line_to (cr, shape->x2, shape->y2);
      cairo_set_line_width (cr, shape->width);
      if (shape->dash > 0)
        cairo_set_dash (cr, (double[]) { shape->dash, shape->dash }, 2, 0);
      cairo_stroke (cr);
      break;

    case SHAPE_RECT:
      cairo_rectangle (cr, shape->x, shape->y, shape->x2, shape->y2);
      cairo_fill (cr);
      break;

    case SHAPE_RECT_OUTLINE:
      cairo_rectangle (cr, shape->x, shape->y, shape->x2, shape->y2);
      cairo_set_line_width (cr, shape->width);
      cairo_stroke (cr);
      break;

    case SHAPE_CIRCLE:
      cairo_arc (cr, shape->x, shape->y, shape->x2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
}

static void
figure_draw (KaravanFigure *fig,
             cairo_t       *cr,
             gboolean       with_text)
{
  cairo_save (cr);

  if (!fig->opts.transparent)
    {
      set_rgb (cr, &fig->pal->background, 1.0);
      cairo_rectangle (cr, 0, 0, fig->width, fig->height);
      cairo_fill (cr);
    }

  /* Shapes under the data (grid, bands), the data, then the rest. */
  for (guint i = 0; i < fig->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (fig->shapes, Shape, i);

      if (shape->under)
        draw_shape (fig, cr, shape);
    }

  for (guint i = 0; i < fig->items->len; i++)
    _karavan_plot_item_draw (fig, cr, fig->items->pdata[i]);

  for (guint i = 0; i < fig->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (fig->shapes, Shape, i);

      if (!shape->under)
        draw_shape (fig, cr, shape);
    }

  for (guint i = 0; i < fig->labels->len; i++)
    draw_label_halo (fig, cr, g_ptr_array_index (fig->labels, i));

  if (with_text)
    for (guint i = 0; i < fig->labels->len; i++)
      draw_label (cr, g_ptr_array_index (fig->labels, i));

  cairo_restore (cr);
}

void
karavan_figure_draw (KaravanFigure *fig,
                     cairo_t       *cr)
{
  g_return_if_fail (fig != NULL);
  g_return_if_fail (cr != NULL);

  figure_draw (fig, cr, TRUE);
}

/* For SVG: shapes through cairo, text written as <text> by the caller,
 * so that it stays selectable and searchable. */
void
karavan_figure_draw_without_text (KaravanFigure *fig,
                                  cairo_t       *cr)
{
  g_return_if_fail (fig != NULL);
  g_return_if_fail (cr != NULL);

  figure_draw (fig, cr, FALSE);
}

void
karavan_figure_foreach_text_line (KaravanFigure       *fig,
                                  KaravanTextLineFunc  func,
                                  gpointer             user_data)
{
  g_return_if_fail (fig != NULL);
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < fig->labels->len; i++)
    {
      Label *label = g_ptr_array_index (fig->labels, i);
      const PangoFontDescription *desc;
      PangoLayoutIter *iter;
      const char *text;

      if (!label->placed || label->text[0] == '\0')
        continue;

      desc = pango_layout_get_font_description (label->layout);
      text = pango_layout_get_text (label->layout);
      iter = pango_layout_get_iter (label->layout);
      do
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          char family[128];
          KaravanTextLine out;
          g_autofree char *shown = NULL;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          out.text = text + line->start_index;
          out.length = line->length;
          /* An ellipsized line still spans the text it hides: give what
           * is drawn, its visible runs and the "…". */
          if (pango_layout_is_ellipsized (label->layout))
            {
              GString *drawn = g_string_new (NULL);

              for (GSList *r = line->runs; r != NULL; r = r->next)
                {
                  PangoItem *item = ((PangoGlyphItem *) r->data)->item;

                  if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
                    g_string_append (drawn, "…");
                  else
                    g_string_append_len (drawn, text + item->offset, item->length);
                }
              out.length = drawn->len;
              out.text = shown = g_string_free (drawn, FALSE);
            }
          /* Lines end with the space where they wrapped: not drawn. */
          while (out.length > 0 && out.text[out.length - 1] == ' ')
            out.length--;
          if (out.length == 0)
            continue;
          out.x = (double) logical.x / PANGO_SCALE;
          out.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          out.size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
          out.bold = pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD;
          /* The font fontconfig chose, so a viewer that has it shows
           * the lines as long as they were measured. */
          out.family = pango_font_description_get_family (desc);
          if (line->runs != NULL)
            {
              PangoGlyphItem *run = line->runs->data;
              PangoFontDescription *used = pango_font_describe (run->item->analysis.font);

              g_strlcpy (family, pango_font_description_get_family (used), sizeof family);
              out.family = family;
              pango_font_description_free (used);
            }
          out.color = &label->color;
          out.origin_x = label->x;
          out.origin_y = label->y;
          out.rotated = label->rotated;
          func (&out, user_data);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
}

const KaravanLabelBox *
karavan_figure_get_labels (KaravanFigure *fig,
                           guint         *n_labels)
{
  g_return_val_if_fail (fig != NULL, NULL);

  if (fig->boxes == NULL)
    {
      fig->boxes = g_array_new (FALSE, TRUE, sizeof (KaravanLabelBox));
      for (guint i = 0; i < fig->labels->len; i++)
        {
          Label *label = g_ptr_array_index (fig->labels, i);
          KaravanLabelBox box;

          if (!label->placed || label->text[0] == '\0')
            continue;
          box.kind = label->kind;
          box.text = label->text;
          box.ellipsized = pango_layout_is_ellipsized (label->layout);
          label_box (label, &box.x, &box.y, &box.width, &box.height);
          g_array_append_val (fig->boxes, box);
        }
    }

  *n_labels = fig->boxes->len;
  return (const KaravanLabelBox *) (gpointer) fig->boxes->data;
}

gboolean
karavan_figure_get_plot_area (KaravanFigure *fig,
                              double        *x,
                              double        *y,
                              double        *width,
                              double        *height)
{
  g_return_val_if_fail (fig != NULL, FALSE);

  *x = fig->px;
  *y = fig->py;
  *width = fig->pw;
  *height = fig->ph;
  return fig->has_plot;
}

/* Which legend entry is at (@x, @y): the index of its series in the
 * chart, the bit to flip in KaravanRenderOptions.hidden_series. */
gboolean
karavan_figure_legend_hit_test (KaravanFigure *fig,
                                double         x,
                                double         y,
                                guint         *series_index)
{
  g_return_val_if_fail (fig != NULL, FALSE);

  for (guint i = 0; fig->legend != NULL && i < fig->legend->len; i++)
    {
      const LegendEntry *entry = &g_array_index (fig->legend, LegendEntry, i);

      if (x >= entry->x && x < entry->x + entry->w && y >= entry->y && y < entry->y + entry->h)
        {
          if (series_index != NULL)
            *series_index = entry->series_index;
          return TRUE;
        }
    }

  return FALSE;
}

int
karavan_figure_get_reveal_steps (KaravanFigure *fig)
{
  g_return_val_if_fail (fig != NULL, 0);

  return fig->reveal_steps;
}

char *
karavan_figure_get_title (KaravanFigure *fig)
{
  g_return_val_if_fail (fig != NULL, NULL);

  return g_strdup (karavan_text_get (&fig->view->title, fig->opts.lang));
}

char *
karavan_figure_get_sources_text (KaravanFigure *fig)
{
  g_return_val_if_fail (fig != NULL, NULL);

  return g_strdup (fig->sources_text);
}

gboolean
karavan_figure_hit_test (KaravanFigure *fig,
                         double         x,
                         double         y,
                         KaravanHit    *hit)
{
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  g_return_val_if_fail (fig != NULL, FALSE);

  for (guint i = 0; i < fig->items->len; i++)
    {
      KaravanHit candidate;
      double distance;

      if (_karavan_plot_item_hit (fig, fig->items->pdata[i], x, y, &candidate, &distance) &&
          distance < best)
        {
          best = distance;
          *hit = candidate;
          found = TRUE;
        }
    }

  return found;
}

void
karavan_render_view (const KaravanView          *view,
                     const KaravanRenderOptions *options,
                     cairo_t                    *cr,
                     double                      width,
                     double                      height)
{
  g_autoptr(KaravanFigure) fig = karavan_figure_new (view, options, width, height);

  karavan_figure_draw (fig, cr);
}
