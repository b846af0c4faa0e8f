/* karavan-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-application.h"
#include "karavan-window.h"

struct _KaravanApplication
{
  AdwApplication parent_instance;
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

static void
karavan_application_activate (GApplication *app)
{
  KaravanWindow *window = get_window (KARAVAN_APPLICATION (app));

  karavan_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
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
}

static void
karavan_application_about (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Karavan developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Karavan",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Charts, tables and a timeline from XML datasets"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
karavan_application_quit (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
karavan_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", karavan_application_about },
    { "quit", karavan_application_quit },
  };

  G_APPLICATION_CLASS (karavan_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", (const char *[]) { "<Control>e", NULL });
}

static void
karavan_application_class_init (KaravanApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = karavan_application_activate;
  app_class->open = karavan_application_open;
  app_class->startup = karavan_application_startup;
}

static void
karavan_application_init (KaravanApplication *self)
{
}
