/* karavan-library.h: the datasets a session has open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "karavan-dataset.h"

G_BEGIN_DECLS

char        *karavan_get_install_path      (const char  *relative);
char        *karavan_get_datasets_dir      (void);
GPtrArray   *karavan_list_bundled_datasets (GError      **error);
KaravanView *karavan_find_view             (GPtrArray    *datasets,
                                            const char   *id,
                                            KaravanDataset **out_dataset);
char        *karavan_list_view_ids         (GPtrArray    *datasets);

G_END_DECLS
