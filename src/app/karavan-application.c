/* karavan-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-application.h"
#include "karavan-preferences-window.h"
#include "karavan-presentation-window.h"
#include "karavan-window.h"

struct _KaravanApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;

  /* --present: shown once the window is up */
  KaravanDeck   *present_deck;
  KaravanLang    present_lang;
};

G_DEFINE_FINAL_TYPE (KaravanApplication, karavan_application, ADW_TYPE_APPLICATION)

KaravanApplication *
karavan_application_new (void)
{
  return g_object_new (KARAVAN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

static KaravanWindow *
get_window (KaravanApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (karavan_window_new (self));

  return KARAVAN_WINDOW (window);
}

/**
 * karavan_application_set_presentation:
 * @deck: the lesson --present asked for
 * @lang: its figure language
 *
 * Makes the application open straight into presentation mode, over its
 * window: leaving the presentation (Esc) shows the window.
 */
void
karavan_application_set_presentation (KaravanApplication *self,
                                      KaravanDeck        *deck,
                                      KaravanLang         lang)
{
  g_return_if_fail (KARAVAN_IS_APPLICATION (self));
  g_return_if_fail (deck != NULL);

  g_clear_pointer (&self->present_deck, karavan_deck_unref);
  g_clear_object (&self->settings);
  self->present_deck = karavan_deck_ref (deck);
  self->present_lang = lang;
}

static void
start_presentation (KaravanApplication *self,
                    KaravanWindow      *window)
{
  g_autoptr(KaravanDeck) deck = g_steal_pointer (&self->present_deck);
  KaravanPresentationWindow *presentation;

  if (deck == NULL)
    return;

  presentation = karavan_presentation_window_new (GTK_APPLICATION (self), deck, self->present_lang);
  karavan_presentation_window_present_on (presentation, GTK_WINDOW (window));
}

static void
karavan_application_activate (GApplication *app)
{
  KaravanWindow *window = get_window (KARAVAN_APPLICATION (app));

  karavan_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  start_presentation (KARAVAN_APPLICATION (app), window);
}

static void
karavan_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  KaravanWindow *window = get_window (KARAVAN_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    karavan_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
  start_presentation (KARAVAN_APPLICATION (app), window);
}

/* "Publisher https://…", once per publisher, for the About window. */
static GStrv
collect_data_credits (KaravanWindow *window)
{
  g_autoptr(GPtrArray) datasets = karavan_window_get_datasets (window);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) credits = g_strv_builder_new ();

  for (guint i = 0; i < datasets->len; i++)
    {
      GPtrArray *sources = karavan_dataset_get_sources (datasets->pdata[i]);

      for (guint j = 0; j < sources->len; j++)
        {
          const KaravanSource *source = sources->pdata[j];
          const char *name = source->publisher;
          g_autofree char *credit = NULL;

          if (name == NULL || g_hash_table_contains (seen, name))
            continue;
          g_hash_table_add (seen, (gpointer) name);
          credit = source->url ? g_strdup_printf ("%s %s", name, source->url) : g_strdup (name);
          g_strv_builder_add (credits, credit);
        }
    }

  return g_strv_builder_end (credits);
}

static void
karavan_application_about (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  static const char *developers[] = { "Karavan developers", NULL };
  g_auto(GStrv) credits = NULL;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", "Karavan",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Charts, tables and a timeline from XML datasets"),
                        "translator-credits", _("translator-credits"),
                        NULL);

  if (KARAVAN_IS_WINDOW (parent))
    {
      credits = collect_data_credits (KARAVAN_WINDOW (parent));
      if (credits[0] != NULL)
        adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Data Sources"), (const char **) credits);
    }
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Research"),
                                                (const char *[]) {
                                                  "Siyao Liu, A. E. Serikkaliyeva (2025)",
                                                  NULL,
                                                });

  gtk_window_present (GTK_WINDOW (about));
}

static void
karavan_application_preferences (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  KaravanPreferencesWindow *window = karavan_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
karavan_application_quit (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static gboolean
get_color_scheme_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static void
karavan_application_startup (GApplication *app)
{
  KaravanApplication *self = KARAVAN_APPLICATION (app);
  static const GActionEntry actions[] = {
    { "about", karavan_application_about },
    { "preferences", karavan_application_preferences },
    { "quit", karavan_application_quit },
  };

  G_APPLICATION_CLASS (karavan_application_parent_class)->startup (app);

  /* Light or dark follows the system, unless the preferences say. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme", adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, get_color_scheme_mapping, NULL, NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", (const char *[]) { "<Control>comma", NULL });
}

static void
karavan_application_finalize (GObject *object)
{
  KaravanApplication *self = KARAVAN_APPLICATION (object);

  g_clear_pointer (&self->present_deck, karavan_deck_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (karavan_application_parent_class)->finalize (object);
}

static void
karavan_application_class_init (KaravanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = karavan_application_finalize;

  app_class->activate = karavan_application_activate;
  app_class->open = karavan_application_open;
  app_class->startup = karavan_application_startup;
}

static void
karavan_application_init (KaravanApplication *self)
{
}
