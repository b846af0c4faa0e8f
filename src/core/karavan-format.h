/* karavan-format.h: numbers and dates as each language writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ru and kk group thousands with a no-break space and use a decimal comma
 * ("124 234", "3,4 %"); en uses a comma and a point ("124,234", "3.4%").
 * Nothing here depends on the process locale.
 */
#pragma once

#include "karavan-dataset.h"

G_BEGIN_DECLS

#define KARAVAN_NBSP "\u00a0"

char *karavan_format_number     (double              value,
                                 int                 decimals,
                                 KaravanLang         lang);
char *karavan_format_value      (double              value,
                                 KaravanValueFormat  format,
                                 KaravanRelation     relation,
                                 KaravanLang         lang);
char *karavan_format_percent    (double              value,
                                 int                 decimals,
                                 KaravanLang         lang);
int   karavan_format_decimals_for (double            value);
char *karavan_format_date       (const KaravanDate  *date,
                                 KaravanLang         lang);
char *karavan_format_date_range (const KaravanDate  *from,
                                 const KaravanDate  *to,
                                 KaravanLang         lang);
char *karavan_format_x_range    (double              from,
                                 double              to,
                                 KaravanXType        type,
                                 const KaravanSeries *series,
                                 KaravanLang         lang);
char *karavan_format_x          (double              x,
                                 KaravanXType        type,
                                 const KaravanSeries *series,
                                 KaravanLang         lang);
char *karavan_format_x_short    (double              x,
                                 KaravanXType        type,
                                 const KaravanSeries *series,
                                 KaravanLang         lang);
char *karavan_format_x_raw      (double              x,
                                 KaravanXType        type,
                                 const KaravanSeries *series);
const char *karavan_format_month_name (int           month,
                                       KaravanLang   lang);

G_END_DECLS
