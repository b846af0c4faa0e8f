/* karavan-loader.h: limits of the safe loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KARAVAN_NS "https://karavan.github.io/ns/dataset/1"

/* Documented in data/dataset-format.md, "Limits". */
#define KARAVAN_MAX_FILE_SIZE   ((gsize) 256 * 1024 * 1024)
#define KARAVAN_MAX_DEPTH       64
#define KARAVAN_MAX_ELEMENTS    10000000
#define KARAVAN_MAX_TEXT        (1024 * 1024)
#define KARAVAN_MAX_DIAGNOSTICS 100

void      karavan_loader_init     (void);
gboolean  karavan_parse_number    (const char  *str,
                                   double      *out_value,
                                   char       **out_message);

G_END_DECLS
