/* karavan-dataset-private.h: what the loader fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "karavan-dataset.h"

G_BEGIN_DECLS

struct _KaravanDataset
{
  GObject      parent_instance;

  char        *path;
  char        *id;
  KaravanText  title;
  KaravanText  description;

  /* Owned: the dataset frees every element. */
  GPtrArray   *sources;   /* KaravanSource* */
  GPtrArray   *series;    /* KaravanSeries* */
  GPtrArray   *views;     /* KaravanView* */

  /* Borrowed values, owned keys-free: id → element. */
  GHashTable  *ids;
};

/* Every id of a dataset is unique; this is what it names. */
typedef enum {
  KARAVAN_ID_SOURCE,
  KARAVAN_ID_SERIES,
  KARAVAN_ID_VIEW,
  KARAVAN_ID_EVENT,
} KaravanIdKind;

typedef struct {
  KaravanIdKind kind;
  gpointer      ptr;
} KaravanIdEntry;

void _karavan_source_free   (KaravanSource *source);
void _karavan_series_free   (KaravanSeries *series);
void _karavan_view_free     (KaravanView   *view);

/* Large buffers (a file being read, a long series' points, an export's
 * pixels) ask for transparent huge pages: touching fresh memory costs
 * milliseconds per MiB in 4 KiB pages on virtual machines, a fiftieth of
 * that in 2 MiB pages. numpy does the same for arrays of 4 MiB and up. */
void      _karavan_advise_huge_pages (gpointer mem,
                                      gsize    len);
gpointer  _karavan_alloc_huge        (gsize    len);

G_END_DECLS
