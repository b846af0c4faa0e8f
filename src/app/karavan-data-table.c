/* karavan-data-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart's table has one row per point: series, period, value, unit,
 * flags (approximate, bound, estimate, part of the period), note and
 * source. A table view shows its own columns, a timeline its events, a
 * lesson its steps. Numbers are written as the figure's language writes
 * them and sort as numbers; a missing value ("—") sorts last.
 *
 * Rows are made when the table is first shown, not when a view is
 * chosen, and at most MAX_ROWS of them: a series of millions of points
 * is for the chart and for CSV, not for a table on screen.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "karavan-data-table.h"

#define MAX_ROWS 20000

/* ---------------------------------------------------------------------- */
/* One row                                                                */

#define KARAVAN_TYPE_DATA_ROW (karavan_data_row_get_type ())

G_DECLARE_FINAL_TYPE (KaravanDataRow, karavan_data_row, KARAVAN, DATA_ROW, GObject)

struct _KaravanDataRow
{
  GObject  parent_instance;

  guint    n_cells;
  char   **text;     /* as shown */
  char   **collate;  /* collation keys of the text */
  double  *keys;     /* numeric sort keys; NAN: sort by text */
};

G_DEFINE_FINAL_TYPE (KaravanDataRow, karavan_data_row, G_TYPE_OBJECT)

static void
karavan_data_row_finalize (GObject *object)
{
  KaravanDataRow *self = KARAVAN_DATA_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    {
      g_free (self->text[i]);
      g_free (self->collate[i]);
    }
  g_free (self->text);
  g_free (self->collate);
  g_free (self->keys);

  G_OBJECT_CLASS (karavan_data_row_parent_class)->finalize (object);
}

static void
karavan_data_row_class_init (KaravanDataRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = karavan_data_row_finalize;
}

static void
karavan_data_row_init (KaravanDataRow *self)
{
}

/* ---------------------------------------------------------------------- */
/* The table                                                              */

typedef enum {
  COLUMN_TEXT,     /* short text */
  COLUMN_LONG,     /* long text: ellipsized, the full text in a tooltip */
  COLUMN_NUMBER,   /* right-aligned, tabular figures */
} ColumnKind;

typedef struct {
  char       *title;
  ColumnKind  kind;
} Column;

struct _KaravanDataTable
{
  GtkWidget          parent_instance;

  /* Children */
  GtkBox            *box;
  GtkLabel          *notice;     /* says when rows were left out */
  GtkColumnView     *column_view;

  /* Owned references */
  KaravanDataset    *dataset;    /* keeps the view alive */
  const KaravanView *view;
  KaravanLang        lang;
  gboolean           built;      /* the rows of view are made */
  guint              n_total;    /* rows the view has */
  GListStore        *rows;       /* KaravanDataRow */
  GtkSortListModel  *sorted;
  GArray            *columns;    /* Column */
};

G_DEFINE_FINAL_TYPE (KaravanDataTable, karavan_data_table, GTK_TYPE_WIDGET)

static void
column_clear (Column *column)
{
  g_free (column->title);
}

static guint
add_column (KaravanDataTable *self,
            const char       *title,
            ColumnKind        kind)
{
  Column column = { g_strdup (title), kind };

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

static gboolean
is_full (KaravanDataTable *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows)) >= MAX_ROWS;
}

/* A row from texts and keys, one per column; takes the texts. */
static void
add_row (KaravanDataTable *self,
         char            **text,
         const double     *keys)
{
  g_autoptr(KaravanDataRow) row = g_object_new (KARAVAN_TYPE_DATA_ROW, NULL);

  row->n_cells = self->columns->len;
  row->text = g_new0 (char *, row->n_cells);
  row->collate = g_new0 (char *, row->n_cells);
  row->keys = g_new (double, row->n_cells);
  for (guint i = 0; i < row->n_cells; i++)
    {
      row->text[i] = text[i] != NULL ? text[i] : g_strdup ("");
      row->collate[i] = g_utf8_collate_key (row->text[i], -1);
      row->keys[i] = keys != NULL ? keys[i] : NAN;
    }
  g_list_store_append (self->rows, row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const KaravanDataRow *ra = a, *rb = b;
  guint column = GPOINTER_TO_UINT (user_data);
  double ka = ra->keys[column], kb = rb->keys[column];
  gboolean empty_a = ra->text[column][0] == '\0' || g_str_equal (ra->text[column], "—");
  gboolean empty_b = rb->text[column][0] == '\0' || g_str_equal (rb->text[column], "—");

  /* Empty cells last, whichever way the column is sorted. */
  if (empty_a != empty_b)
    return empty_a ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  if (!isnan (ka) && !isnan (kb) && ka != kb)
    return ka < kb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return gtk_ordering_from_cmpfunc (strcmp (ra->collate[column], rb->collate[column]));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), kind == COLUMN_NUMBER ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (kind == COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  if (kind == COLUMN_LONG)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));
  KaravanDataRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = column < row->n_cells ? row->text[column] : "";

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, kind == COLUMN_LONG && text[0] != '\0' ? text : NULL);
}

/* The column view's columns, as self->columns describes them. */
static void
build_columns (KaravanDataTable *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      const Column *desc = &g_array_index (self->columns, Column, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_object_set_data (G_OBJECT (factory), "kind", GINT_TO_POINTER (desc->kind));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (desc->title, g_object_ref (factory));
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, desc->kind == COLUMN_LONG);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
clear (KaravanDataTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_list_store_remove_all (self->rows);
  g_array_set_size (self->columns, 0);
}

/* ---------------------------------------------------------------------- */
/* Views as rows                                                          */

static char *
sources_text (GPtrArray   *sources,
              KaravanLang  lang)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const KaravanSource *source = sources->pdata[i];

      if (out->len > 0)
        g_string_append (out, "; ");
      const char *citation = karavan_text_get (&source->citation, lang);

      g_string_append (out, source->publisher != NULL ? source->publisher : citation != NULL ? citation : source->id);
    }
  return g_string_free (out, FALSE);
}

static const char *
x_column_title (const KaravanChart *chart,
                KaravanLang         lang)
{
  const char *title = karavan_text_get (&chart->x_title, lang);

  if (title != NULL)
    return title;

  switch (chart->x_type)
    {
    case KARAVAN_X_YEAR: return _("Year");
    case KARAVAN_X_MONTH: return _("Month");
    case KARAVAN_X_DATE: return _("Date");
    case KARAVAN_X_CATEGORY: return _("Category");
    case KARAVAN_X_NUMBER:
    default: return _("X");
    }
}

static char *
point_flags (const KaravanPoint      *point,
             const KaravanPointExtra *extra,
             KaravanLang              lang)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func (g_free);
  const char *period = extra != NULL ? karavan_text_get (&extra->period, lang) : NULL;

  if (point->flags & KARAVAN_POINT_MISSING)
    g_ptr_array_add (flags, g_strdup (_("no value")));
  switch (point->relation)
    {
    case KARAVAN_RELATION_APPROX:
      g_ptr_array_add (flags, g_strdup (_("approximate")));
      break;
    case KARAVAN_RELATION_GT:
    case KARAVAN_RELATION_GE:
      g_ptr_array_add (flags, g_strdup (_("lower bound")));
      break;
    case KARAVAN_RELATION_LT:
    case KARAVAN_RELATION_LE:
      g_ptr_array_add (flags, g_strdup (_("upper bound")));
      break;
    case KARAVAN_RELATION_EQ:
    default:
      break;
    }
  if (point->flags & KARAVAN_POINT_ESTIMATE)
    g_ptr_array_add (flags, g_strdup (_("estimate")));
  if (point->flags & KARAVAN_POINT_PARTIAL)
    {
      if (period != NULL)
        /* TRANSLATORS: a value that covers only part of its period, and which part */
        g_ptr_array_add (flags, g_strdup_printf (_("part of the period: %s"), period));
      else
        g_ptr_array_add (flags, g_strdup (_("part of the period")));
    }
  else if (period != NULL)
    g_ptr_array_add (flags, g_strdup (period));

  g_ptr_array_add (flags, NULL);
  return g_strjoinv (", ", (char **) flags->pdata);
}

static void
chart_rows (KaravanDataTable  *self,
            const KaravanView *view,
            KaravanLang        lang)
{
  const KaravanChart *chart = view->chart;

  add_column (self, _("Series"), COLUMN_TEXT);
  add_column (self, x_column_title (chart, lang), COLUMN_TEXT);
  add_column (self, _("Value"), COLUMN_NUMBER);
  add_column (self, _("Unit"), COLUMN_TEXT);
  add_column (self, _("Flags"), COLUMN_TEXT);
  add_column (self, _("Note"), COLUMN_LONG);
  add_column (self, C_("column", "Source"), COLUMN_LONG);

  for (guint i = 0; i < chart->series->len; i++)
    {
      const KaravanSeries *series = chart->series->pdata[i];
      const char *title = karavan_text_get (&series->title, lang);

      for (guint j = 0; j < series->points->len && !is_full (self); j++)
        {
          const KaravanPoint *point = &g_array_index (series->points, KaravanPoint, j);
          const KaravanPointExtra *extra = karavan_series_get_extra (series, point);
          const char *note = extra != NULL ? karavan_text_get (&extra->note, lang) : NULL;
          gboolean missing = point->flags & KARAVAN_POINT_MISSING;
          char *text[] = {
            g_strdup (title ? title : series->id),
            karavan_format_x (point->x, series->x_type, series, lang),
            missing ? g_strdup ("—") : karavan_format_value (point->y, series->format, point->relation, lang),
            g_strdup (series->format == KARAVAN_FORMAT_PERCENT ? "%" : karavan_text_get (&series->unit, lang)),
            point_flags (point, extra, lang),
            g_strdup (note),
            sources_text (extra != NULL && extra->sources != NULL ? extra->sources : series->sources, lang),
          };
          double keys[] = { i, point->x, missing ? NAN : point->y, NAN, NAN, NAN, NAN };

          add_row (self, text, keys);
        }
    }
}

static void
table_rows (KaravanDataTable  *self,
            const KaravanView *view,
            KaravanLang        lang)
{
  const KaravanTable *table = view->table;
  g_autofree char **text = g_new0 (char *, table->columns->len);
  g_autofree double *keys = g_new (double, table->columns->len);

  for (guint c = 0; c < table->columns->len; c++)
    {
      const KaravanColumn *column = table->columns->pdata[c];
      const char *title = karavan_text_get (&column->title, lang);
      const char *unit = karavan_text_get (&column->unit, lang);
      g_autofree char *header = NULL;

      title = title != NULL ? title : column->id;
      /* TRANSLATORS: a column's title and its unit, as in "Sales, vehicles" */
      header = unit != NULL ? g_strdup_printf (_("%s, %s"), title, unit) : g_strdup (title);
      add_column (self, header, column->type == KARAVAN_COLUMN_TEXT ? COLUMN_LONG : COLUMN_NUMBER);
    }

  for (guint r = 0; r < table->rows->len && !is_full (self); r++)
    {
      GArray *cells = table->rows->pdata[r];

      for (guint c = 0; c < table->columns->len; c++)
        {
          const KaravanColumn *column = table->columns->pdata[c];
          const KaravanCell *cell = &g_array_index (cells, KaravanCell, c);

          keys[c] = NAN;
          switch (cell->kind)
            {
            case KARAVAN_CELL_NUMBER:
              text[c] = karavan_format_value (cell->value,
                                              column->type == KARAVAN_COLUMN_PERCENT ? KARAVAN_FORMAT_PERCENT
                                                                                     : KARAVAN_FORMAT_NUMBER,
                                              cell->relation, lang);
              keys[c] = cell->value;
              break;
            case KARAVAN_CELL_TEXT:
              text[c] = g_strdup (karavan_text_get (&cell->text, lang));
              break;
            case KARAVAN_CELL_EMPTY:
            default:
              text[c] = g_strdup ("—");
              break;
            }
        }
      add_row (self, text, keys);
    }
}

static double
date_key (const KaravanDate *date)
{
  return date->year * 10000.0 + date->month * 100.0 + date->day;
}

static void
timeline_rows (KaravanDataTable  *self,
               const KaravanView *view,
               KaravanLang        lang)
{
  const KaravanTimeline *timeline = view->timeline;

  add_column (self, _("Date"), COLUMN_TEXT);
  add_column (self, _("Category"), COLUMN_TEXT);
  add_column (self, _("Event"), COLUMN_LONG);
  add_column (self, _("Correction"), COLUMN_LONG);
  add_column (self, C_("column", "Source"), COLUMN_LONG);

  for (guint i = 0; i < timeline->events->len && !is_full (self); i++)
    {
      const KaravanEvent *event = timeline->events->pdata[i];
      const char *category = event->category != NULL ? karavan_text_get (&event->category->label, lang) : NULL;
      const char *title = karavan_text_get (&event->title, lang);
      g_autofree char *from = karavan_format_date (&event->from, lang);
      g_autoptr(GString) corrections = g_string_new (NULL);
      char *date;

      for (guint c = 0; c < event->corrections->len; c++)
        {
          const KaravanCorrection *correction = event->corrections->pdata[c];
          const char *text = karavan_text_get (&correction->text, lang);

          if (text == NULL)
            continue;
          if (corrections->len > 0)
            g_string_append (corrections, " ");
          g_string_append (corrections, text);
        }

      if (event->is_range)
        {
          date = karavan_format_date_range (&event->from, &event->to, lang);
        }
      else
        date = g_strdup (from);

      {
        char *text[] = {
          date,
          g_strdup (category),
          g_strdup (title ? title : event->id),
          g_strdup (corrections->str),
          sources_text (event->sources, lang),
        };
        double keys[] = { date_key (&event->from), NAN, NAN, NAN, NAN };

        add_row (self, text, keys);
      }
    }
}

static void
lesson_rows (KaravanDataTable  *self,
             const KaravanView *view,
             KaravanLang        lang)
{
  const KaravanLesson *lesson = view->lesson;

  add_column (self, _("Step"), COLUMN_NUMBER);
  add_column (self, _("Title"), COLUMN_LONG);
  add_column (self, _("Note"), COLUMN_LONG);

  for (guint i = 0; i < lesson->steps->len && !is_full (self); i++)
    {
      const KaravanStep *step = lesson->steps->pdata[i];
      const char *title = karavan_text_get (&step->title, lang);
      char *text[] = {
        g_strdup_printf ("%u", i + 1),
        g_strdup (title ? title : karavan_text_get (&step->view->title, lang)),
        g_strdup (karavan_text_get (&step->note, lang)),
      };
      double keys[] = { i + 1, NAN, NAN };

      add_row (self, text, keys);
    }
}

static guint
count_rows (const KaravanView *view)
{
  guint n = 0;

  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      for (guint i = 0; i < view->chart->series->len; i++)
        n += ((KaravanSeries *) view->chart->series->pdata[i])->points->len;
      return n;
    case KARAVAN_VIEW_TABLE:
      return view->table->rows->len;
    case KARAVAN_VIEW_TIMELINE:
      return view->timeline->events->len;
    case KARAVAN_VIEW_LESSON:
      return view->lesson->steps->len;
    default:
      g_assert_not_reached ();
    }
}

static void
build (KaravanDataTable *self)
{
  const KaravanView *view = self->view;
  KaravanLang lang = self->lang;
  const char *title;

  if (self->built)
    return;
  self->built = TRUE;

  clear (self);
  if (view == NULL)
    return;

  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      chart_rows (self, view, lang);
      break;
    case KARAVAN_VIEW_TABLE:
      table_rows (self, view, lang);
      break;
    case KARAVAN_VIEW_TIMELINE:
      timeline_rows (self, view, lang);
      break;
    case KARAVAN_VIEW_LESSON:
      lesson_rows (self, view, lang);
      break;
    default:
      g_assert_not_reached ();
    }

  build_columns (self);

  /* With one series, the series column says nothing. */
  if (view->kind == KARAVAN_VIEW_CHART && view->chart->series->len == 1)
    {
      g_autoptr(GtkColumnViewColumn) column =
        g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

      gtk_column_view_column_set_visible (column, FALSE);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) < self->n_total)
    {
      g_autofree char *shown = karavan_format_number (MAX_ROWS, 0, lang);
      g_autofree char *total = karavan_format_number (self->n_total, 0, lang);
      g_autofree char *text = g_strdup_printf (_("The first %s of %s rows are shown. Copy the data to have all of them."),
                                               shown, total);

      gtk_label_set_text (self->notice, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notice), g_list_model_get_n_items (G_LIST_MODEL (self->rows)) < self->n_total);

  title = karavan_text_get (&view->title, lang);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : view->id,
                                  -1);
}

/**
 * karavan_data_table_set_view:
 * @dataset: (nullable): the dataset of @view, kept alive by the table
 *
 * Shows @view's data with its texts in @lang; the rows are made when the
 * table is first drawn or asked for.
 */
void
karavan_data_table_set_view (KaravanDataTable  *self,
                             KaravanDataset    *dataset,
                             const KaravanView *view,
                             KaravanLang        lang)
{
  g_return_if_fail (KARAVAN_IS_DATA_TABLE (self));

  if (dataset)
    g_object_ref (dataset);
  g_clear_object (&self->dataset);
  self->dataset = dataset;
  self->view = view;
  self->lang = lang;
  self->n_total = view != NULL ? count_rows (view) : 0;
  self->built = FALSE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build (self);
  else
    clear (self);
}

/* Rows the view has, shown or not. */
guint
karavan_data_table_get_n_total_rows (KaravanDataTable *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATA_TABLE (self), 0);

  return self->n_total;
}

static void
karavan_data_table_map (GtkWidget *widget)
{
  build (KARAVAN_DATA_TABLE (widget));

  GTK_WIDGET_CLASS (karavan_data_table_parent_class)->map (widget);
}

guint
karavan_data_table_get_n_rows (KaravanDataTable *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATA_TABLE (self), 0);

  build (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

guint
karavan_data_table_get_n_columns (KaravanDataTable *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATA_TABLE (self), 0);

  build (self);
  return self->columns->len;
}

const char *
karavan_data_table_get_column_title (KaravanDataTable *self,
                                     guint             column)
{
  g_return_val_if_fail (KARAVAN_IS_DATA_TABLE (self), NULL);

  build (self);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).title;
}

/* A cell as shown, in the current sort order. */
const char *
karavan_data_table_get_cell (KaravanDataTable *self,
                             guint             row,
                             guint             column)
{
  g_autoptr(KaravanDataRow) item = NULL;

  g_return_val_if_fail (KARAVAN_IS_DATA_TABLE (self), NULL);

  build (self);
  g_return_val_if_fail (column < self->columns->len, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);
  if (item == NULL)
    return NULL;

  /* The store keeps the row, and the text, alive. */
  return item->text[column];
}

void
karavan_data_table_sort_by (KaravanDataTable *self,
                            guint             column,
                            GtkSortType       order)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_if_fail (KARAVAN_IS_DATA_TABLE (self));

  build (self);
  view_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column);
  g_return_if_fail (view_column != NULL);
  gtk_column_view_sort_by_column (self->column_view, view_column, order);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
karavan_data_table_dispose (GObject *object)
{
  KaravanDataTable *self = KARAVAN_DATA_TABLE (object);

  g_clear_pointer ((GtkWidget **) &self->box, gtk_widget_unparent);
  g_clear_object (&self->sorted);
  g_clear_object (&self->dataset);
  self->view = NULL;
  g_clear_object (&self->rows);
  g_clear_pointer (&self->columns, g_array_unref);

  G_OBJECT_CLASS (karavan_data_table_parent_class)->dispose (object);
}

static void
karavan_data_table_class_init (KaravanDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_data_table_dispose;
  widget_class->map = karavan_data_table_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datatable");
}

static void
karavan_data_table_init (KaravanDataTable *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkWidget *scroller;

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, (GDestroyNotify) column_clear);
  self->rows = g_list_store_new (KARAVAN_TYPE_DATA_ROW);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");

  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));

  self->notice = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->notice, TRUE);
  gtk_label_set_xalign (self->notice, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->notice), "table-notice");
  gtk_widget_set_visible (GTK_WIDGET (self->notice), FALSE);

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (self->box, GTK_WIDGET (self->notice));
  gtk_box_append (self->box, scroller);
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));
}

GtkWidget *
karavan_data_table_new (void)
{
  return g_object_new (KARAVAN_TYPE_DATA_TABLE, NULL);
}
