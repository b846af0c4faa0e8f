/* karavan-export-dialog.h: export the current view, with a live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "karavan-core.h"
#include "karavan-deck.h"
#include "karavan-derived-view.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_EXPORT_DIALOG (karavan_export_dialog_get_type ())

/* What a lesson exports as, besides its overview figure. */
typedef enum {
  KARAVAN_HANDOUT_PDF,     /* an A4 page per step */
  KARAVAN_HANDOUT_SLIDES,  /* a folder of numbered 1920 × 1080 PNGs */
} KaravanHandoutFormat;

G_DECLARE_FINAL_TYPE (KaravanExportDialog, karavan_export_dialog, KARAVAN, EXPORT_DIALOG, AdwWindow)

KaravanExportDialog *karavan_export_dialog_new            (GtkWindow                  *parent,
                                                           KaravanDataset             *dataset,
                                                           const KaravanView          *view,
                                                           gboolean                    log_scale,
                                                           KaravanValueMode            value_mode,
                                                           const KaravanRenderOptions *render);
KaravanExportDialog *karavan_export_dialog_new_for_deck   (GtkWindow                  *parent,
                                                           KaravanDeck                *deck,
                                                           KaravanLang                 lang);
void                 karavan_export_dialog_set_format     (KaravanExportDialog        *self,
                                                           KaravanExportFormat         format);
gboolean             karavan_export_dialog_set_handout    (KaravanExportDialog        *self,
                                                           KaravanHandoutFormat        format);
gboolean             karavan_export_dialog_get_handout    (KaravanExportDialog        *self,
                                                           KaravanHandoutFormat       *format);
void                 karavan_export_dialog_set_preset     (KaravanExportDialog        *self,
                                                           const char                 *preset);
void                 karavan_export_dialog_set_size       (KaravanExportDialog        *self,
                                                           int                         width,
                                                           int                         height,
                                                           int                         dpi);
void                 karavan_export_dialog_set_lang       (KaravanExportDialog        *self,
                                                           KaravanLang                 lang);
void                 karavan_export_dialog_set_transparent (KaravanExportDialog       *self,
                                                           gboolean                    transparent);
void                 karavan_export_dialog_get_options    (KaravanExportDialog        *self,
                                                           KaravanExportOptions       *options);
char                *karavan_export_dialog_get_size_text  (KaravanExportDialog        *self);
gboolean             karavan_export_dialog_export_to_file (KaravanExportDialog        *self,
                                                           GFile                      *file,
                                                           GError                    **error);
gboolean             karavan_export_dialog_export_all_languages (KaravanExportDialog  *self,
                                                           GFile                      *file,
                                                           GPtrArray                 **out_files,
                                                           GError                    **error);
void                 karavan_export_dialog_export_async   (KaravanExportDialog        *self,
                                                           GFile                      *file,
                                                           gboolean                    all_languages,
                                                           GCancellable               *cancellable,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
GPtrArray           *karavan_export_dialog_export_finish  (KaravanExportDialog        *self,
                                                           GAsyncResult               *result,
                                                           GError                    **error);
void                 karavan_export_dialog_export         (KaravanExportDialog        *self,
                                                           GFile                      *file,
                                                           gboolean                    all_languages);
gboolean             karavan_export_dialog_is_exporting   (KaravanExportDialog        *self);

G_END_DECLS
