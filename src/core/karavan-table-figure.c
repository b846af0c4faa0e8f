/* karavan-table-figure.c: a table drawn as a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "karavan-figure-private.h"
#include "karavan-format.h"

char *
_karavan_table_cell_text (const KaravanColumn *column,
                          const KaravanCell   *cell,
                          KaravanLang          lang)
{
  switch (cell->kind)
    {
    case KARAVAN_CELL_NUMBER:
      return karavan_format_value (cell->value,
                                   column->type == KARAVAN_COLUMN_PERCENT ? KARAVAN_FORMAT_PERCENT
                                                                          : KARAVAN_FORMAT_NUMBER,
                                   cell->relation, lang);
    case KARAVAN_CELL_TEXT:
      return g_strdup (karavan_text_get (&cell->text, lang));
    case KARAVAN_CELL_EMPTY:
    default:
      return g_strdup ("—");
    }
}

void
_karavan_table_layout (KaravanFigure *fig)
{
  KaravanTable *table = fig->view->table;
  KaravanLang lang = fig->opts.lang;
  guint n_cols = table->columns->len;
  g_autofree double *natural = g_new0 (double, n_cols);
  g_autofree double *widths = g_new0 (double, n_cols);
  double gap = fig->fs * 1.2, total = 0, text_total = 0, fixed = 0;
  double y = fig->body_y;

  if (n_cols == 0)
    return;

  /* Natural widths, measured unwrapped, then dropped again. */
  for (guint c = 0; c < n_cols; c++)
    {
      KaravanColumn *column = table->columns->pdata[c];
      Label *probe = _karavan_figure_label (fig, KARAVAN_LABEL_CELL, karavan_text_get (&column->title, lang),
                                            0.95, TRUE, -1, &fig->pal->text);

      natural[c] = probe->w;
      g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
      for (guint r = 0; r < table->rows->len; r++)
        {
          GArray *row = table->rows->pdata[r];
          g_autofree char *text = _karavan_table_cell_text (column, &g_array_index (row, KaravanCell, c), lang);

          probe = _karavan_figure_label (fig, KARAVAN_LABEL_CELL, text, 0.95, FALSE, -1, &fig->pal->text);
          natural[c] = MAX (natural[c], probe->w);
          g_ptr_array_set_size (fig->labels, fig->labels->len - 1);
        }
      total += natural[c];
      if (column->type == KARAVAN_COLUMN_TEXT)
        text_total += natural[c];
      else
        fixed += natural[c];
    }

  /* Numbers keep their width; text columns share what is left; and if
   * even that is too wide, every column gives up its share. */
  {
    double room = MAX (fig->fs * 2, fig->body_w - gap * (n_cols - 1));
    double sum = 0;

    for (guint c = 0; c < n_cols; c++)
      {
        KaravanColumn *column = table->columns->pdata[c];

        if (total <= room || column->type != KARAVAN_COLUMN_TEXT || text_total <= 0)
          widths[c] = natural[c];
        else
          widths[c] = MAX (fig->fs * 3, (room - fixed) * natural[c] / text_total);
        sum += widths[c];
      }
    if (sum > room)
      for (guint c = 0; c < n_cols; c++)
        widths[c] *= room / sum;
  }

  for (int r = -1; r < (int) table->rows->len; r++)
    {
      double x = fig->body_x, row_h = 0;
      g_autoptr(GPtrArray) row_labels = g_ptr_array_new ();

      for (guint c = 0; c < n_cols; c++)
        {
          KaravanColumn *column = table->columns->pdata[c];
          g_autofree char *text = NULL;
          Label *label;

          if (r < 0)
            text = g_strdup (karavan_text_get (&column->title, lang));
          else
            text = _karavan_table_cell_text (column, &g_array_index ((GArray *) table->rows->pdata[r], KaravanCell, c), lang);

          label = _karavan_figure_label (fig, KARAVAN_LABEL_CELL, text, 0.95, r < 0, widths[c],
                                         r < 0 ? &fig->pal->text : &fig->pal->text);
          if (column->type != KARAVAN_COLUMN_TEXT)
            pango_layout_set_alignment (label->layout, PANGO_ALIGN_RIGHT);
          row_h = MAX (row_h, label->h);
          g_ptr_array_add (row_labels, GUINT_TO_POINTER (fig->labels->len - 1));
          x += widths[c] + gap;
        }

      if (y + row_h > fig->body_y + fig->body_h)
        break;

      x = fig->body_x;
      for (guint c = 0; c < n_cols; c++)
        {
          Label *label = g_ptr_array_index (fig->labels, GPOINTER_TO_UINT (row_labels->pdata[c]));

          /* Logical extents of a right-aligned layout start inside it. */
          label->ox = 0;
          label->w = widths[c];
          _karavan_figure_place (fig, label, x, y);
          x += widths[c] + gap;
        }

      y += row_h + fig->fs * 0.35;
      {
        Shape *rule = _karavan_figure_shape (fig, SHAPE_LINE);

        rule->color = r < 0 ? fig->pal->axis : fig->pal->grid;
        rule->x = fig->body_x;
        rule->x2 = fig->body_x + MIN (fig->body_w, x - gap - fig->body_x);
        rule->y = rule->y2 = y;
        rule->width = r < 0 ? MAX (0.6, fig->fs * 0.09) : MAX (0.4, fig->fs * 0.05);
      }
      y += fig->fs * 0.35;
    }
}
