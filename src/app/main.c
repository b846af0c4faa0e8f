/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "karavan-application.h"
#include "karavan-cli.h"
#include "karavan-core.h"

/* The interface's language from the preferences, for the window only:
 * the command line follows the environment. gettext and GLib read
 * LANGUAGE again on their next call. */
static void
apply_interface_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *lang = NULL;

  if (schema == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  lang = g_settings_get_string (settings, "interface-language");
  if (lang[0] != '\0')
    g_setenv ("LANGUAGE", lang, TRUE);
}

/* KARAVAN_BENCH_FIRST_FRAME=1 (bench/first-frame.c): prints
 * "karavan-first-frame MONOTONIC_US" once the first window has painted
 * its first frame. The window loads the bundled datasets before it is
 * shown, so that frame already has the chart on it: the time is what a
 * user waits for, not for an empty window. */
static void
on_first_after_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint_cb, user_data);
  g_print ("karavan-first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}

static void
on_first_window_realize_cb (GtkWidget *window,
                            gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, on_first_window_realize_cb, user_data);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_after_paint_cb), NULL);
}

static void
on_first_window_added_cb (GtkApplication *app,
                          GtkWindow      *window,
                          gpointer        user_data)
{
  g_signal_handlers_disconnect_by_func (app, on_first_window_added_cb, user_data);
  g_signal_connect (window, "realize", G_CALLBACK (on_first_window_realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr(GApplication) app = NULL;
  g_auto(GStrv) args = NULL;
  KaravanCliOptions options = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, karavan_catalog_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command line is parsed here, before GTK exists: exporting,
   * listing and validating need no display. */
  args = g_strdupv (argv);
  entries = karavan_cli_get_option_entries (&options);
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Charts, tables and a timeline from XML datasets.\n"
                                  "With no FILE, the bundled datasets are used."));
  {
    /* The group hands the options to callbacks (--present's value). */
    GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, &options, NULL);

    g_option_group_add_entries (group, entries);
    g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
    g_option_context_set_main_group (context, group);
  }
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("karavan: %s\n", error->message);
      karavan_cli_options_clear (&options);
      return 1;
    }

  if (karavan_cli_wants_to_run (&options))
    {
      status = karavan_cli_run (&options);
      karavan_cli_options_clear (&options);
      return status;
    }

  apply_interface_language ();
  app = G_APPLICATION (karavan_application_new ());
  if (g_strcmp0 (g_getenv ("KARAVAN_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_first_window_added_cb), NULL);

  if (options.present)
    {
      /* The lesson is found before GTK starts, so a wrong id is an error
       * on the command line, not in a window. */
      g_autoptr(KaravanDeck) deck = NULL;
      KaravanLang lang;

      deck = karavan_cli_load_presentation (&options, &lang);
      if (deck == NULL)
        {
          karavan_cli_options_clear (&options);
          return 1;
        }
      karavan_application_set_presentation (KARAVAN_APPLICATION (app), deck, lang);
    }
  {
    /* Files are handed to the application as "open". */
    g_autoptr(GPtrArray) app_args = g_ptr_array_new ();

    g_ptr_array_add (app_args, argv[0]);
    if (options.files && options.files[0])
      g_ptr_array_add (app_args, (char *) "--");
    for (guint i = 0; options.files && options.files[i]; i++)
      g_ptr_array_add (app_args, options.files[i]);
    g_ptr_array_add (app_args, NULL);
    status = g_application_run (app, app_args->len - 1, (char **) app_args->pdata);
  }

  karavan_cli_options_clear (&options);
  return status;
}
