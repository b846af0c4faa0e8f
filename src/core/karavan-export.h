/* karavan-export.h: figures to PNG, PDF and SVG files, data to CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "karavan-figure.h"

G_BEGIN_DECLS

typedef enum {
  KARAVAN_EXPORT_PNG,
  KARAVAN_EXPORT_PDF,
  KARAVAN_EXPORT_SVG,
} KaravanExportFormat;

typedef struct {
  KaravanExportFormat  format;
  double               width;       /* pixels for PNG, points for PDF and SVG */
  double               height;
  double               dpi;         /* PNG only: pixels per inch */
  KaravanRenderOptions render;
  const char          *dataset_id;  /* written into the file's metadata */
} KaravanExportOptions;

/* Sizes a paper or a class needs; see karavan_export_apply_preset(). */
typedef struct {
  const char *name;
  double      width_mm;
  double      height_mm;
  double      dpi;
} KaravanPreset;

#define KARAVAN_EXPORT_DEFAULT_DPI    150.0
#define KARAVAN_EXPORT_DEFAULT_WIDTH  768.0   /* points: 1600 px at 150 dpi */
#define KARAVAN_EXPORT_DEFAULT_HEIGHT 480.0

void       karavan_export_options_init      (KaravanExportOptions  *options,
                                             KaravanExportFormat    format,
                                             KaravanLang            lang);
gboolean   karavan_export_format_from_path  (const char            *path,
                                             KaravanExportFormat   *out_format);
const KaravanPreset *karavan_export_get_presets (guint             *n_presets);
gboolean   karavan_export_apply_preset      (KaravanExportOptions  *options,
                                             const char            *name);
GBytes    *karavan_export_to_bytes          (const KaravanView     *view,
                                             const KaravanExportOptions *options,
                                             GError               **error);
gboolean   karavan_export_to_file           (const KaravanView     *view,
                                             const KaravanExportOptions *options,
                                             const char            *path,
                                             GError               **error);
gboolean   karavan_write_file_atomically    (const char            *path,
                                             GBytes                *bytes,
                                             GError               **error);
char      *karavan_view_to_csv              (const KaravanView     *view,
                                             KaravanLang            lang);

G_END_DECLS
