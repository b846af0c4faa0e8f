/* karavan-derived-view.h: a chart as the user asked to see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window can show a chart on a log scale, or its values relative to
 * the first one (an index) or to the previous one (a change in per
 * cent). A derived view is a copy of the chart with those values, built
 * once when the choice changes, so that the screen, the table and every
 * exported file draw it with the same figure code.
 *
 * It borrows everything it does not change (texts, sources, extras)
 * from the original view: it must not outlive the dataset.
 */
#pragma once

#include "karavan-core.h"

G_BEGIN_DECLS

typedef enum {
  KARAVAN_VALUES_ABSOLUTE,
  KARAVAN_VALUES_INDEX,    /* each series' first value = 100 */
  KARAVAN_VALUES_CHANGE,   /* per cent change from the previous value */
} KaravanValueMode;

typedef struct _KaravanDerivedView KaravanDerivedView;

gboolean             karavan_derived_view_can_log      (const KaravanView  *view);
gboolean             karavan_derived_view_can_relative (const KaravanView  *view);
KaravanDerivedView  *karavan_derived_view_new          (const KaravanView  *view,
                                                        gboolean            log_scale,
                                                        KaravanValueMode    mode);
void                 karavan_derived_view_free         (KaravanDerivedView *self);
const KaravanView   *karavan_derived_view_get_view     (KaravanDerivedView *self);
const KaravanSeries *karavan_derived_view_get_original (KaravanDerivedView *self,
                                                        const KaravanSeries *series,
                                                        const KaravanPoint  *point,
                                                        const KaravanPoint **out_point);
const char          *karavan_value_mode_to_string      (KaravanValueMode    mode);
gboolean             karavan_value_mode_from_string    (const char         *str,
                                                        KaravanValueMode   *out_mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KaravanDerivedView, karavan_derived_view_free)

G_END_DECLS
