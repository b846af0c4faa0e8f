/* karavan-describe.h: a view told in words, for people who cannot see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is generated from the data, in the figure's language: what the
 * view shows, the range, the extremes, the changes and the key numbers,
 * formatted as the language writes them. It is the chart widget's
 * accessible description, the alt text of exported files and what
 * `karavan --describe` prints. It says what is missing or partial rather
 * than implying a trend, and says which numbers Karavan computed.
 */
#pragma once

#include "karavan-dataset.h"

G_BEGIN_DECLS

char *karavan_describe_view  (const KaravanView   *view,
                              KaravanLang          lang);
char *karavan_describe_point (const KaravanSeries *series,
                              const KaravanPoint  *point,
                              KaravanLang          lang);

G_END_DECLS
