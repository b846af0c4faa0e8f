/* karavan-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line interface is public (scripts and papers' build files
 * use it), documented in README.md: keep it compatible. It runs before
 * GTK is initialised, so it works with no display.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "karavan-cli.h"
#include "karavan-core.h"
#include "karavan-describe.h"
#include "karavan-handout.h"

/* As many pages as karavan_timeline_to_pdf_pages() makes. */
#define MAX_PAGES 1000

/* --present takes an optional value: the entry's group carries the
 * options (see main.c). */
static gboolean
on_present_option_cb (const char  *option_name,
                      const char  *value,
                      gpointer     data,
                      GError     **error)
{
  KaravanCliOptions *o = data;

  if (o == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s: no options to set", option_name);
      return FALSE;
    }
  o->present = TRUE;
  g_free (o->present_lesson);
  o->present_lesson = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
  return TRUE;
}

GOptionEntry *
karavan_cli_get_option_entries (KaravanCliOptions *o)
{
  GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &o->validate,
      N_("Check dataset files and print FILE: ok or one FILE:LINE:COLUMN: error: MESSAGE line per problem"), NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, &o->list,
      N_("List every chart, timeline, table and lesson as ID, KIND and TITLE separated by tabs"), NULL },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o->chart,
      N_("The chart, timeline or table to export or print as CSV"), N_("ID") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o->export_path,
      N_("Write the view to OUT; the format comes from the extension: .png, .pdf or .svg"), N_("OUT") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &o->csv,
      N_("Print the view's data as CSV on standard output"), NULL },
    { "describe", 0, 0, G_OPTION_ARG_NONE, &o->describe,
      N_("Print a text description of the view, generated from its data in the figure's language"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o->lang,
      N_("The figure's language: ru, kk, en, or all for one file per language (default: the interface language)"),
      N_("LANG") },
    { "width", 0, 0, G_OPTION_ARG_INT, &o->width,
      N_("Width: pixels for PNG, points for PDF and SVG"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &o->height,
      N_("Height: pixels for PNG, points for PDF and SVG"), N_("N") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &o->dpi,
      N_("Resolution of a PNG in dots per inch (default: 150)"), N_("N") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &o->preset,
      N_("A size preset: journal-column, journal-page, a4-landscape or slide-16x9"), N_("NAME") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &o->transparent,
      N_("Leave the background transparent"), NULL },
    { "palette", 0, 0, G_OPTION_ARG_STRING, &o->palette,
      N_("Colours: light, dark, high-contrast or monochrome"), N_("NAME") },
    { "events", 0, 0, G_OPTION_ARG_NONE, &o->events,
      N_("Show every timeline event on a time chart"), NULL },
    { "pages", 0, 0, G_OPTION_ARG_INT, &o->pages,
      N_("Export a timeline as a PDF of N pages, each the next stretch of time at the same scale"), N_("N") },
    { "lesson", 0, 0, G_OPTION_ARG_STRING, &o->lesson,
      N_("The lesson to export with --export: a handout .pdf with a page per step, or a folder/ of numbered 1920×1080 PNG slides"),
      N_("ID") },
    { "present", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer) on_present_option_cb,
      N_("Open straight into presentation mode, showing the lesson ID (default: the first lesson)"),
      N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, N_("[FILE…]") },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

gboolean
karavan_cli_wants_to_run (const KaravanCliOptions *o)
{
  return o->validate || o->list || o->csv || o->describe || o->chart != NULL || o->export_path != NULL ||
         o->lesson != NULL || o->pages != 0;
}

void
karavan_cli_options_clear (KaravanCliOptions *o)
{
  g_clear_pointer (&o->chart, g_free);
  g_clear_pointer (&o->export_path, g_free);
  g_clear_pointer (&o->lang, g_free);
  g_clear_pointer (&o->preset, g_free);
  g_clear_pointer (&o->palette, g_free);
  g_clear_pointer (&o->files, g_strfreev);
  g_clear_pointer (&o->lesson, g_free);
  g_clear_pointer (&o->present_lesson, g_free);
}

G_GNUC_PRINTF (1, 2)
static void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "karavan: %s\n", message);
}

/* The files named, or the bundled datasets when none is. */
static GPtrArray *
input_paths (KaravanCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *paths;

  if (o->files != NULL && o->files[0] != NULL)
    {
      paths = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; o->files[i]; i++)
        g_ptr_array_add (paths, g_strdup (o->files[i]));
      return paths;
    }

  paths = karavan_list_bundled_datasets (&error);
  if (paths == NULL)
    fail (_("cannot find the bundled datasets: %s"), error->message);
  return paths;
}

static GPtrArray *
load_all (GPtrArray *paths)
{
  GPtrArray *datasets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      KaravanDataset *dataset = karavan_dataset_load_file (paths->pdata[i], &error);

      if (dataset == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          g_ptr_array_unref (datasets);
          return NULL;
        }
      g_ptr_array_add (datasets, dataset);
    }

  return datasets;
}

/* The bundled datasets hold a view once, and every one of them loads
 * (tests/test-datasets.c): the view @id is in the first file that holds
 * it, so a command for one view loads files in order and stops there,
 * which is the dataset karavan_find_view() would pick among all of them.
 * A file whose bytes do not contain the id at all cannot hold it and is
 * not parsed. Returns %NULL (quietly) when anything is unexpected: the
 * caller then loads everything and says what is wrong as always. */
static GPtrArray *
load_bundled_view (GPtrArray  *paths,
                   const char *id)
{
  const char *colon = strchr (id, ':');
  const char *view_id = colon != NULL ? colon + 1 : id;
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);

  if (*view_id == '\0')
    return NULL;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;
      KaravanDataset *dataset;
      const guchar *u;

      if (!g_file_get_contents (paths->pdata[i], &contents, &len, NULL))
        return NULL;
      u = (const guchar *) contents;
      /* Only UTF-8 text can be searched for the id's bytes. */
      if ((len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) ||
          memchr (contents, '\0', len) != NULL)
        return NULL;
      if (g_strstr_len (contents, len, view_id) == NULL)
        continue;

      dataset = karavan_dataset_load_file (paths->pdata[i], NULL);
      if (dataset == NULL)
        return NULL;
      g_ptr_array_add (datasets, dataset);
      if (karavan_find_view (datasets, id, NULL) != NULL)
        {
          /* Only the one that holds it: karavan_find_view() on the
           * result must give this file's view. */
          g_ptr_array_remove_range (datasets, 0, datasets->len - 1);
          return g_steal_pointer (&datasets);
        }
    }

  return NULL;
}

static int
run_validate (GPtrArray *paths)
{
  int status = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (paths->pdata[i], &error);

      if (dataset != NULL)
        printf ("%s: ok\n", (const char *) paths->pdata[i]);
      else
        {
          printf ("%s\n", error->message);
          status = 1;
        }
    }

  return status;
}

static int
run_list (GPtrArray   *datasets,
          KaravanLang  lang)
{
  for (guint i = 0; i < datasets->len; i++)
    {
      GPtrArray *views = karavan_dataset_get_views (datasets->pdata[i]);

      for (guint j = 0; j < views->len; j++)
        {
          KaravanView *view = views->pdata[j];
          const char *title = karavan_text_get (&view->title, lang);

          printf ("%s\t%s\t%s\n", view->id, karavan_view_kind_to_string (view), title ? title : "");
        }
    }

  return 0;
}

/* fig.pdf → fig-kk.pdf */
static char *
path_for_lang (const char  *path,
               KaravanLang  lang)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, '/');

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%s", path, karavan_lang_to_string (lang));

  return g_strdup_printf ("%.*s-%s%s", (int) (dot - path), path, karavan_lang_to_string (lang), dot);
}

static int
run_export (KaravanCliOptions *o,
            KaravanDataset    *dataset,
            KaravanView       *view,
            KaravanLang        lang,
            gboolean           all_langs)
{
  KaravanExportFormat format;
  KaravanPaletteKind palette = KARAVAN_PALETTE_LIGHT;

  if (!karavan_export_format_from_path (o->export_path, &format))
    {
      fail (_("cannot tell the format of “%s”: name the file .png, .pdf or .svg"), o->export_path);
      return 1;
    }
  if (o->palette != NULL && !karavan_palette_from_string (o->palette, &palette))
    {
      fail (_("unknown palette “%s”: use light, dark, high-contrast or monochrome"), o->palette);
      return 1;
    }
  if (o->pages != 0 && view->kind != KARAVAN_VIEW_TIMELINE)
    {
      fail (_("--pages is for timelines: “%s” is not one"), o->chart);
      return 1;
    }
  if (o->pages != 0 && format != KARAVAN_EXPORT_PDF)
    {
      fail (_("--pages writes a PDF: name the file .pdf"));
      return 1;
    }
  if (o->pages < 0 || o->pages > MAX_PAGES)
    {
      fail (_("--pages must be between 1 and %d"), MAX_PAGES);
      return 1;
    }

  for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *path = NULL;
      KaravanExportOptions options;

      if (!all_langs && l != lang)
        continue;

      karavan_export_options_init (&options, format, l);
      if (o->preset != NULL && !karavan_export_apply_preset (&options, o->preset))
        {
          fail (_("unknown preset “%s”: use journal-column, journal-page, a4-landscape or slide-16x9"), o->preset);
          return 1;
        }
      if (o->dpi > 0)
        {
          /* A new dpi keeps the physical size of a PNG. */
          if (format == KARAVAN_EXPORT_PNG && o->width <= 0 && o->height <= 0)
            {
              options.width = round (options.width * o->dpi / options.dpi);
              options.height = round (options.height * o->dpi / options.dpi);
            }
          options.dpi = o->dpi;
        }
      if (o->width > 0 && o->height <= 0)
        options.height = round (o->width * options.height / options.width);
      else if (o->height > 0 && o->width <= 0)
        options.width = round (o->height * options.width / options.height);
      if (o->width > 0)
        options.width = o->width;
      if (o->height > 0)
        options.height = o->height;
      options.render.transparent = o->transparent;
      options.render.palette = palette;
      options.render.show_events = o->events;
      options.dataset_id = karavan_dataset_get_id (dataset);

      path = all_langs ? path_for_lang (o->export_path, l) : g_strdup (o->export_path);
      if (o->pages > 0)
        {
          /* Each page is the export's size; the stretches of time follow. */
          pdf = karavan_timeline_to_pdf_pages (view, &options.render, options.width, options.height, o->pages,
                                               &error);
          if (pdf == NULL || !karavan_write_file_atomically (path, pdf, &error))
            {
              fail ("%s", error->message);
              return 1;
            }
        }
      else if (!karavan_export_to_file (view, &options, path, &error))
        {
          fail ("%s", error->message);
          return 1;
        }
    }

  return 0;
}

/* "story, other": every lesson id, for messages. */
static char *
list_lesson_ids (GPtrArray *datasets)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < datasets->len; i++)
    {
      GPtrArray *views = karavan_dataset_get_views (datasets->pdata[i]);

      for (guint j = 0; j < views->len; j++)
        {
          KaravanView *view = views->pdata[j];

          if (view->kind != KARAVAN_VIEW_LESSON)
            continue;
          if (out->len)
            g_string_append (out, ", ");
          g_string_append (out, view->id);
        }
    }
  if (out->len == 0)
    g_string_append (out, _("(none)"));

  return g_string_free (out, FALSE);
}

/* --lesson=ID --export=handout.pdf or --export=slides/ */
static int
run_lesson_export (KaravanCliOptions *o,
                   GPtrArray         *datasets,
                   KaravanLang        lang,
                   gboolean           all_langs)
{
  g_autoptr(KaravanDeck) deck = NULL;
  g_autofree char *lower = NULL;
  KaravanPaletteKind palette = KARAVAN_PALETTE_LIGHT;
  KaravanDataset *dataset = NULL;
  KaravanView *view;
  gboolean slides;

  if (o->chart != NULL)
    {
      fail (_("--chart and --lesson name different things: give one of them"));
      return 1;
    }
  if (o->export_path == NULL || o->csv || o->describe)
    {
      fail (_("--lesson needs --export=OUT.pdf for a handout or --export=FOLDER/ for numbered PNG slides"));
      return 1;
    }

  view = karavan_find_view (datasets, o->lesson, &dataset);
  if (view == NULL || view->kind != KARAVAN_VIEW_LESSON)
    {
      g_autofree char *ids = list_lesson_ids (datasets);

      fail (_("no lesson has the id “%s”; the lessons are: %s"), o->lesson, ids);
      return 1;
    }

  lower = g_ascii_strdown (o->export_path, -1);
  slides = g_str_has_suffix (o->export_path, "/") || g_file_test (o->export_path, G_FILE_TEST_IS_DIR);
  if (!slides && !g_str_has_suffix (lower, ".pdf"))
    {
      fail (_("cannot tell what to write to “%s”: name a .pdf file for a handout, or a folder ending in / for PNG slides"),
            o->export_path);
      return 1;
    }
  if (o->palette != NULL && !karavan_palette_from_string (o->palette, &palette))
    {
      fail (_("unknown palette “%s”: use light, dark, high-contrast or monochrome"), o->palette);
      return 1;
    }

  deck = karavan_deck_new_from_lesson (dataset, view);

  for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      KaravanHandoutOptions options;
      double *width, *height;
      gboolean ok;

      if (!all_langs && l != lang)
        continue;

      karavan_handout_options_init (&options, l);
      if (o->palette != NULL)
        options.palette = options.slide_palette = palette;

      width = slides ? &options.slide_width : &options.page_width;
      height = slides ? &options.slide_height : &options.page_height;
      if (o->preset != NULL)
        {
          KaravanExportOptions preset;

          karavan_export_options_init (&preset, slides ? KARAVAN_EXPORT_PNG : KARAVAN_EXPORT_PDF, l);
          if (!karavan_export_apply_preset (&preset, o->preset))
            {
              fail (_("unknown preset “%s”: use journal-column, journal-page, a4-landscape or slide-16x9"), o->preset);
              return 1;
            }
          *width = preset.width;
          *height = preset.height;
        }
      if (o->width > 0 && o->height <= 0)
        *height = round (o->width * *height / *width);
      else if (o->height > 0 && o->width <= 0)
        *width = round (o->height * *width / *height);
      if (o->width > 0)
        *width = o->width;
      if (o->height > 0)
        *height = o->height;

      if (slides)
        {
          path = all_langs ? g_build_filename (o->export_path, karavan_lang_to_string (l), NULL)
                           : g_strdup (o->export_path);
          ok = karavan_handout_write_slides (deck, &options, path, &error);
        }
      else
        {
          path = all_langs ? path_for_lang (o->export_path, l) : g_strdup (o->export_path);
          ok = karavan_handout_write_pdf (deck, &options, path, &error);
        }
      if (!ok)
        {
          fail ("%s", error->message);
          return 1;
        }
    }

  return 0;
}

/**
 * karavan_cli_load_presentation:
 * @out_lang: (out): the figure language asked for with --lang
 *
 * For --present[=ID]: loads the files named (or the bundled datasets) and
 * makes the deck to present: lesson ID, or the view ID alone, or with no
 * ID the first lesson, or when there is none every chart, timeline and
 * table in turn. Prints a message and returns %NULL when it cannot.
 *
 * Returns: (transfer full) (nullable): the deck.
 */
KaravanDeck *
karavan_cli_load_presentation (KaravanCliOptions *o,
                               KaravanLang       *out_lang)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(KaravanDeck) deck = NULL;
  KaravanLang lang = karavan_lang_from_environment ();
  KaravanDataset *dataset = NULL;
  KaravanView *view;

  if (o->lang != NULL && (!karavan_lang_from_string (o->lang, &lang) || strlen (o->lang) != 2))
    {
      fail (_("unknown language “%s”: use ru, kk or en%s"), o->lang, "");
      return NULL;
    }

  paths = input_paths (o);
  if (paths == NULL)
    return NULL;
  datasets = load_all (paths);
  if (datasets == NULL)
    return NULL;

  if (o->present_lesson != NULL)
    {
      view = karavan_find_view (datasets, o->present_lesson, &dataset);
      if (view == NULL)
        {
          g_autofree char *ids = karavan_list_view_ids (datasets);

          fail (_("no lesson or view has the id “%s”; the views are: %s"), o->present_lesson, ids);
          return NULL;
        }
      deck = karavan_deck_new_for_view (dataset, view, NULL);
    }

  for (guint i = 0; deck == NULL && i < datasets->len; i++)
    {
      GPtrArray *views = karavan_dataset_get_views (datasets->pdata[i]);

      for (guint j = 0; deck == NULL && j < views->len; j++)
        if (((KaravanView *) views->pdata[j])->kind == KARAVAN_VIEW_LESSON)
          deck = karavan_deck_new_from_lesson (datasets->pdata[i], views->pdata[j]);
    }

  if (deck == NULL)
    {
      const KaravanText *title = karavan_dataset_get_title (datasets->pdata[0]);

      deck = karavan_deck_new (NULL);
      for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
        if (karavan_text_has (title, l))
          karavan_deck_set_title (deck, l, karavan_text_get (title, l));
      for (guint i = 0; i < datasets->len; i++)
        {
          GPtrArray *views = karavan_dataset_get_views (datasets->pdata[i]);

          for (guint j = 0; j < views->len; j++)
            karavan_deck_add_view (deck, datasets->pdata[i], views->pdata[j], NULL);
        }
    }

  if (karavan_deck_get_n_steps (deck) == 0)
    {
      fail (_("nothing to present: the files have no chart, timeline or table"));
      return NULL;
    }

  *out_lang = lang;
  return g_steal_pointer (&deck);
}

int
karavan_cli_run (KaravanCliOptions *o)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) datasets = NULL;
  KaravanLang lang = karavan_lang_from_environment ();
  gboolean all_langs = FALSE;
  KaravanDataset *dataset = NULL;
  KaravanView *view;

  if (o->lang != NULL)
    {
      if (g_strcmp0 (o->lang, "all") == 0 && o->export_path != NULL)
        all_langs = TRUE;
      else if (!karavan_lang_from_string (o->lang, &lang) || strlen (o->lang) != 2)
        {
          fail (_("unknown language “%s”: use ru, kk or en%s"), o->lang, o->export_path ? _(", or all") : "");
          return 1;
        }
    }

  if ((o->validate + o->list + (o->csv || o->describe || o->export_path || o->chart || o->lesson)) > 1)
    {
      fail (_("--validate, --list and --chart do different things: give one of them"));
      return 1;
    }
  if (o->present)
    {
      fail (_("--present opens the window: it cannot be combined with --validate, --list, --chart, --lesson, --export or --csv"));
      return 1;
    }

  paths = input_paths (o);
  if (paths == NULL)
    return 1;

  if (o->validate)
    return run_validate (paths);

  /* One view of the bundled datasets: only the file that holds it. */
  if (!o->list && (o->chart != NULL || o->lesson != NULL) && (o->files == NULL || o->files[0] == NULL))
    datasets = load_bundled_view (paths, o->lesson != NULL ? o->lesson : o->chart);
  if (datasets == NULL)
    datasets = load_all (paths);
  if (datasets == NULL)
    return 1;

  if (o->list)
    return run_list (datasets, lang);

  if (o->lesson != NULL && o->pages != 0)
    {
      fail (_("--pages is for timelines: “%s” is not one"), o->lesson);
      return 1;
    }
  if (o->lesson != NULL)
    return run_lesson_export (o, datasets, lang, all_langs);

  if (o->chart == NULL)
    {
      fail (o->describe ? _("--describe needs --chart=ID; see the views with --list")
                        : _("--export and --csv need --chart=ID; see the views with --list"));
      return 1;
    }
  if (o->pages != 0 && o->export_path == NULL)
    {
      fail (_("--pages needs --export=OUT.pdf"));
      return 1;
    }
  if (o->export_path == NULL && !o->csv && !o->describe)
    {
      fail (_("--chart needs --export=OUT, --csv or --describe"));
      return 1;
    }
  /* Both write to standard output. */
  if (o->csv && o->describe)
    {
      fail (_("--csv and --describe both print to standard output: give one of them"));
      return 1;
    }

  view = karavan_find_view (datasets, o->chart, &dataset);
  if (view == NULL)
    {
      g_autofree char *ids = karavan_list_view_ids (datasets);

      fail (_("no chart, timeline or table has the id “%s”; the views are: %s"), o->chart, ids);
      return 1;
    }

  if (o->csv)
    {
      g_autofree char *csv = karavan_view_to_csv (view, lang);

      fputs (csv, stdout);
      if (fflush (stdout) != 0)
        return 1;
    }

  if (o->describe)
    {
      /* The dataset's own text alternative wins over the generated one,
       * as in exported files and the chart widget. */
      const char *own = karavan_text_get (&view->description, lang);
      g_autofree char *text = own ? g_strdup (own) : karavan_describe_view (view, lang);

      puts (text);
      if (fflush (stdout) != 0)
        return 1;
    }

  if (o->export_path != NULL)
    return run_export (o, dataset, view, lang, all_langs);

  return 0;
}
