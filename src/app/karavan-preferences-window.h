/* karavan-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KARAVAN_TYPE_PREFERENCES_WINDOW (karavan_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KaravanPreferencesWindow, karavan_preferences_window, KARAVAN, PREFERENCES_WINDOW, AdwPreferencesWindow)

KaravanPreferencesWindow *karavan_preferences_window_new (GtkWindow *parent);

G_END_DECLS
