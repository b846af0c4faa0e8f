/* karavan-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KARAVAN_TYPE_APPLICATION (karavan_application_get_type ())

G_DECLARE_FINAL_TYPE (KaravanApplication, karavan_application, KARAVAN, APPLICATION, AdwApplication)

KaravanApplication *karavan_application_new (void);

G_END_DECLS
