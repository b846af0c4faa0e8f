/* test-window-language.c: the window speaks the language of LANGUAGE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application is started in a child process with LANG=C.UTF-8
 * and LANGUAGE=kk (then ru), and the process locale set up as main.c
 * does. The child walks the window's widget tree (labels, buttons, the
 * window title, tooltips, stack page titles, drop-down items, row titles)
 * and the menu models it can reach, and holds every text against
 * po/LANG.po: no English source string may show where the catalog has a
 * translation, and the catalog's translations must be what is shown.
 * With LANG=C glibc ignores LANGUAGE by design (the way scripts ask for
 * untranslated messages): that case must stay English.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "karavan-application.h"
#include "karavan-chart-view.h"
#include "karavan-core.h"
#include "karavan-window.h"

/* ---------------------------------------------------------------------- */
/* The catalog                                                            */

typedef struct {
  GHashTable *translation;  /* msgid (and msgid without mnemonic) → msgstr */
  GHashTable *translated;   /* every msgstr that differs from its msgid, with and without mnemonic */
} Catalog;

static char *
strip_mnemonic (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, *++p);
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The text of a quoted po string, unescaped. */
static void
append_po_string (GString    *out,
                  const char *line)
{
  const char *p = strchr (line, '"');

  if (p == NULL)
    return;
  for (p++; *p && *p != '"'; p++)
    {
      if (*p == '\\' && p[1])
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
catalog_add (Catalog    *catalog,
             const char *msgid,
             const char *msgstr)
{
  if (msgid[0] == '\0' || msgstr[0] == '\0' || g_str_equal (msgid, msgstr))
    return;
  g_hash_table_replace (catalog->translation, g_strdup (msgid), g_strdup (msgstr));
  g_hash_table_replace (catalog->translation, strip_mnemonic (msgid), strip_mnemonic (msgstr));
  g_hash_table_add (catalog->translated, g_strdup (msgstr));
  g_hash_table_add (catalog->translated, strip_mnemonic (msgstr));
}

static void
free_gstring (gpointer s)
{
  g_string_free (s, TRUE);
}

/* A small reader for the po files we write: msgctxt, msgid, msgid_plural,
 * msgstr and msgstr[N], each possibly continued on following lines. */
static Catalog *
catalog_load (const char *path)
{
  Catalog *catalog = g_new0 (Catalog, 1);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) msgid = g_string_new (NULL);
  g_autoptr(GString) plural = g_string_new (NULL);
  g_autoptr(GPtrArray) strs = g_ptr_array_new_with_free_func (free_gstring);
  GString *current = NULL;
  gboolean fuzzy = FALSE;

  catalog->translation = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  catalog->translated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];

      /* An entry ends at a blank line (or the end of the file). */
      if (line == NULL || line[0] == '\0')
        {
          if (!fuzzy && strs->len > 0)
            {
              catalog_add (catalog, msgid->str, ((GString *) strs->pdata[0])->str);
              if (plural->len > 0)
                for (guint n = 1; n < strs->len; n++)
                  catalog_add (catalog, plural->str, ((GString *) strs->pdata[n])->str);
            }
          g_ptr_array_set_size (strs, 0);
          g_string_truncate (msgid, 0);
          g_string_truncate (plural, 0);
          current = NULL;
          fuzzy = FALSE;
          if (line == NULL)
            break;
          continue;
        }

      if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
        fuzzy = TRUE;
      else if (line[0] == '#')
        continue;
      else if (g_str_has_prefix (line, "msgctxt "))
        current = NULL;
      else if (g_str_has_prefix (line, "msgid_plural "))
        append_po_string (current = plural, line);
      else if (g_str_has_prefix (line, "msgid "))
        append_po_string (current = msgid, line);
      else if (g_str_has_prefix (line, "msgstr"))
        {
          GString *s = g_string_new (NULL);

          g_ptr_array_add (strs, s);
          append_po_string (current = s, line);
        }
      else if (line[0] == '"' && current != NULL)
        append_po_string (current, line);
    }

  return catalog;
}

static void
catalog_free (Catalog *catalog)
{
  g_hash_table_unref (catalog->translation);
  g_hash_table_unref (catalog->translated);
  g_free (catalog);
}

/* ---------------------------------------------------------------------- */
/* The child: the application, as main.c starts it                        */

typedef struct {
  KaravanWindow *window;
  GPtrArray     *texts;   /* "where\ttext" */
  gint64         deadline;
} Child;

static void
add_text (Child      *child,
          const char *where,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (child->texts, g_strdup_printf ("%s\t%s", where, text));
}

static void
walk_menu (Child      *child,
           GMenuModel *model,
           const char *where)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_text (child, where, label);
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          walk_menu (child, link, where);
          g_object_unref (link);
        }
    }
}

static void
add_string_property (Child      *child,
                     GObject    *object,
                     const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_autofree char *value = NULL;
  g_autofree char *where = NULL;

  if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
    return;
  g_object_get (object, property, &value, NULL);
  where = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (object), property);
  add_text (child, where, value);
}

static void
add_list_model (Child      *child,
                GListModel *model,
                const char *where)
{
  if (model == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item))
        add_text (child, where, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      else if (ADW_IS_VIEW_STACK_PAGE (item))
        add_text (child, where, adw_view_stack_page_get_title (ADW_VIEW_STACK_PAGE (item)));
      else if (GTK_IS_STACK_PAGE (item))
        add_text (child, where, gtk_stack_page_get_title (GTK_STACK_PAGE (item)));
    }
}

static void
walk_widget (Child     *child,
             GtkWidget *widget)
{
  static const char *properties[] = {
    "label", "title", "subtitle", "description", "placeholder-text", "tooltip-text", "heading", "body",
  };
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (GTK_IS_LABEL (widget))
    add_text (child, type, gtk_label_get_text (GTK_LABEL (widget)));
  else
    for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
      add_string_property (child, G_OBJECT (widget), properties[i]);
  if (GTK_IS_LABEL (widget))
    add_string_property (child, G_OBJECT (widget), "tooltip-text");

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    walk_menu (child, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), "GMenuModel");
  if (GTK_IS_POPOVER_MENU (widget) && gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)))
    walk_menu (child, gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)), "GMenuModel");
  if (GTK_IS_DROP_DOWN (widget))
    add_list_model (child, gtk_drop_down_get_model (GTK_DROP_DOWN (widget)), "GtkDropDown");
  if (ADW_IS_COMBO_ROW (widget))
    add_list_model (child, adw_combo_row_get_model (ADW_COMBO_ROW (widget)), "AdwComboRow");
  if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));

      add_list_model (child, G_LIST_MODEL (pages), "AdwViewStackPage");
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      add_list_model (child, G_LIST_MODEL (pages), "GtkStackPage");
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    walk_widget (child, c);
}

static gboolean
on_check_cb (gpointer data)
{
  GApplication *app = data;
  Child *child = g_object_get_data (G_OBJECT (app), "child");
  GtkWidget *chart;

  if (child->window == NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

      if (windows != NULL && KARAVAN_IS_WINDOW (windows->data))
        child->window = windows->data;
    }
  if (child->window == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, child->deadline);
      return G_SOURCE_CONTINUE;
    }

  /* Wait for the bundled datasets and a chart on screen: the texts that
   * depend on the view are then there too. */
  chart = GTK_WIDGET (karavan_window_get_chart_view (child->window));
  if (!gtk_widget_get_mapped (chart) ||
      karavan_chart_view_get_figure (KARAVAN_CHART_VIEW (chart)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, child->deadline);
      return G_SOURCE_CONTINUE;
    }

  add_text (child, "GtkWindow:title", gtk_window_get_title (GTK_WINDOW (child->window)));
  walk_widget (child, GTK_WIDGET (child->window));
  if (gtk_application_get_menubar (GTK_APPLICATION (app)))
    walk_menu (child, gtk_application_get_menubar (GTK_APPLICATION (app)), "menubar");
  {
    GtkWidget *help = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (child->window)));

    if (help != NULL)
      walk_widget (child, help);
  }

  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_startup_cb (GApplication *app,
               gpointer      data)
{
  g_timeout_add (20, on_check_cb, app);
}

/* Prints "where\ttext" lines on stdout for the parent to check. */
static int
run_child (void)
{
  g_autoptr(GApplication) app = NULL;
  Child child = { 0 };
  char *argv[] = { (char *) "karavan", NULL };

  /* As main.c: the environment's locale, our catalogs. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, karavan_catalog_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  child.texts = g_ptr_array_new_with_free_func (g_free);
  child.deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  app = G_APPLICATION (karavan_application_new ());
  g_object_set_data (G_OBJECT (app), "child", &child);
  g_signal_connect (app, "startup", G_CALLBACK (on_startup_cb), NULL);
  if (g_application_run (app, 1, argv) != 0)
    return 1;

  for (guint i = 0; i < child.texts->len; i++)
    g_print ("%s\n", (const char *) child.texts->pdata[i]);
  g_ptr_array_unref (child.texts);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* The parent: the checks                                                 */

static char *self_path;
static gboolean have_display;

static GStrv
run_window (const char *lang_env,
            const char *language)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { self_path, "--child", NULL };

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", lang_env, TRUE);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the window with LANG=%s LANGUAGE=%s failed:\n%s", lang_env, language, err);
  return g_strsplit (out, "\n", -1);
}

static void
check_window_language (const char *lang)
{
  g_autofree char *po = g_build_filename (TESTS_SRCDIR, "..", "po", NULL);
  g_autofree char *po_file = g_strdup_printf ("%s/%s.po", po, lang);
  g_autoptr(GString) english = g_string_new (NULL);
  guint shown = 0, translated = 0, own_letters = 0;
  g_auto(GStrv) lines = NULL;
  Catalog *catalog;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }
  catalog = catalog_load (po_file);
  lines = run_window ("C.UTF-8", lang);

  for (guint i = 0; lines[i]; i++)
    {
      const char *tab = strchr (lines[i], '\t');
      const char *text, *translation;
      g_autofree char *bare = NULL;

      if (tab == NULL)
        continue;
      text = tab + 1;
      bare = strip_mnemonic (text);
      shown++;

      if (g_hash_table_contains (catalog->translated, text) || g_hash_table_contains (catalog->translated, bare))
        {
          translated++;
          /* Kazakh's own letters, so Russian cannot pass for Kazakh. */
          if (g_str_equal (lang, "kk") && strpbrk (text, "\xd2\xd3") != NULL)
            own_letters++;
          continue;
        }
      translation = g_hash_table_lookup (catalog->translation, text);
      if (translation == NULL)
        translation = g_hash_table_lookup (catalog->translation, bare);
      if (translation != NULL)
        g_string_append_printf (english, "\n  %.*s “%s” should read “%s”", (int) (tab - lines[i]), lines[i],
                                text, translation);
    }

  g_test_message ("LANGUAGE=%s: %u texts shown, %u of them translations from po/%s.po", lang, shown,
                  translated, lang);
  if (english->len > 0)
    g_error ("LANGUAGE=%s: English where po/%s.po has a translation:%s", lang, lang, english->str);
  /* The window's own words, its menus and tooltips: dozens of them. */
  g_assert_cmpuint (translated, >=, 40);
  if (g_str_equal (lang, "kk"))
    g_assert_cmpuint (own_letters, >=, 5);
  catalog_free (catalog);
}

static void
test_kazakh (void)
{
  check_window_language ("kk");
}

static void
test_russian (void)
{
  check_window_language ("ru");
}

/* glibc ignores LANGUAGE in the "C" locale; that is how scripts ask for
 * English, and it stays so. */
static void
test_c_locale_is_english (void)
{
  g_autofree char *po_file = g_build_filename (TESTS_SRCDIR, "..", "po", "kk.po", NULL);
  guint translated = 0, english = 0;
  g_auto(GStrv) lines = NULL;
  Catalog *catalog;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }
  catalog = catalog_load (po_file);
  lines = run_window ("C", "kk");

  for (guint i = 0; lines[i]; i++)
    {
      const char *tab = strchr (lines[i], '\t');

      if (tab == NULL)
        continue;
      if (g_hash_table_contains (catalog->translated, tab + 1))
        translated++;
      else if (g_hash_table_contains (catalog->translation, tab + 1))
        english++;
    }
  g_assert_cmpuint (translated, ==, 0);
  g_assert_cmpuint (english, >=, 40);
  catalog_free (catalog);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);

  if (argc == 2 && g_str_equal (argv[1], "--child"))
    return run_child ();

  g_test_init (&argc, &argv, NULL);
  self_path = g_canonicalize_filename (argv[0], NULL);

  /* The children open the display; the parent only needs to know there is one. */
  have_display = g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;

  g_test_add_func ("/Karavan/I18n/window/kk", test_kazakh);
  g_test_add_func ("/Karavan/I18n/window/ru", test_russian);
  g_test_add_func ("/Karavan/I18n/window/c-locale-is-english", test_c_locale_is_english);

  return g_test_run ();
}
