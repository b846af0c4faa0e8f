/* karavan-data-table.h: the data behind a view, as a sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "karavan-core.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_DATA_TABLE (karavan_data_table_get_type ())

G_DECLARE_FINAL_TYPE (KaravanDataTable, karavan_data_table, KARAVAN, DATA_TABLE, GtkWidget)

GtkWidget *karavan_data_table_new           (void);
void       karavan_data_table_set_view      (KaravanDataTable  *self,
                                             KaravanDataset    *dataset,
                                             const KaravanView *view,
                                             KaravanLang        lang);
guint      karavan_data_table_get_n_total_rows (KaravanDataTable *self);
guint      karavan_data_table_get_n_rows    (KaravanDataTable  *self);
guint      karavan_data_table_get_n_columns (KaravanDataTable  *self);
const char *karavan_data_table_get_column_title (KaravanDataTable *self,
                                                 guint             column);
const char *karavan_data_table_get_cell     (KaravanDataTable  *self,
                                             guint              row,
                                             guint              column);
void       karavan_data_table_sort_by       (KaravanDataTable  *self,
                                             guint              column,
                                             GtkSortType        order);

G_END_DECLS
