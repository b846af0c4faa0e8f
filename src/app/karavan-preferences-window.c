/* karavan-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is bound to a GSettings key: the window and its figures
 * follow the keys, so a change here shows at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-preferences-window.h"

struct _KaravanPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *figure_language_row;
  AdwComboRow          *palette_row;
  GtkSwitch            *events_switch;
  AdwComboRow          *interface_language_row;
  AdwComboRow          *style_row;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (KaravanPreferencesWindow, karavan_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of a string key, in the order of its row's items. */
static const char *languages[] = { "", "ru", "kk", "en", NULL };
static const char *palettes[] = { "auto", "light", "dark", "high-contrast", "monochrome", NULL };
static const char *color_schemes[] = { "default", "light", "dark", NULL };

static gboolean
get_selected_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char * const *values = user_data;
  const char *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], str))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
set_selected_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  const char * const *values = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) values))
    return NULL;
  return g_variant_new_string (values[selected]);
}

static void
bind_choice (KaravanPreferencesWindow *self,
             const char               *key,
             AdwComboRow              *row,
             const char * const       *values)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                get_selected_mapping, set_selected_mapping, (gpointer) values, NULL);
}

static void
karavan_preferences_window_dispose (GObject *object)
{
  KaravanPreferencesWindow *self = KARAVAN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KARAVAN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (karavan_preferences_window_parent_class)->dispose (object);
}

static void
karavan_preferences_window_class_init (KaravanPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/karavan-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KaravanPreferencesWindow, figure_language_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanPreferencesWindow, palette_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanPreferencesWindow, events_switch);
  gtk_widget_class_bind_template_child (widget_class, KaravanPreferencesWindow, interface_language_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanPreferencesWindow, style_row);
}

static void
karavan_preferences_window_init (KaravanPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  bind_choice (self, "figure-language", self->figure_language_row, languages);
  bind_choice (self, "palette", self->palette_row, palettes);
  bind_choice (self, "interface-language", self->interface_language_row, languages);
  bind_choice (self, "color-scheme", self->style_row, color_schemes);
  g_settings_bind (self->settings, "show-events", self->events_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

KaravanPreferencesWindow *
karavan_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (KARAVAN_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
