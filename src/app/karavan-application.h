/* karavan-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "karavan-deck.h"

G_BEGIN_DECLS

#define KARAVAN_TYPE_APPLICATION (karavan_application_get_type ())

G_DECLARE_FINAL_TYPE (KaravanApplication, karavan_application, KARAVAN, APPLICATION, AdwApplication)

KaravanApplication *karavan_application_new (void);
void                karavan_application_set_presentation (KaravanApplication *self,
                                                          KaravanDeck        *deck,
                                                          KaravanLang         lang);

G_END_DECLS
