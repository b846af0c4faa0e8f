/* karavan-loader.h: limits of the safe loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KARAVAN_NS "https://karavan.github.io/ns/dataset/1"

/* Documented in data/dataset-format.md, "Limits". They bound the time
 * and the memory a hostile file can cost: a tree of at most about 700 MB
 * (elements about 200 bytes, attributes about 250). */
#define KARAVAN_MAX_FILE_SIZE   ((gsize) 256 * 1024 * 1024)
#define KARAVAN_MAX_DEPTH       64
#define KARAVAN_MAX_ELEMENTS    1000000
#define KARAVAN_MAX_ATTRIBUTES  2000000   /* in the whole file */
#define KARAVAN_MAX_ELEMENT_ATTRIBUTES 64 /* on one element */
#define KARAVAN_MAX_TEXT        (1024 * 1024)  /* one text or attribute value */
#define KARAVAN_MAX_VALUES      50000000  /* numbers in all <values> */
#define KARAVAN_MAX_DIAGNOSTICS 100

void      karavan_loader_init     (void);
gboolean  karavan_parse_number    (const char  *str,
                                   double      *out_value,
                                   char       **out_message);

G_END_DECLS
