/* test-cli.c: the command line, run as a real process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

static char *tmpdir;

/* Runs karavan with @argv (NULL-terminated, without the program). */
static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL, *e = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("KARAVAN_EXE"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &o, &e, &error);
  g_assert_no_error (error);
  /* A crash is never an answer. */
  g_assert_true (g_subprocess_get_if_exited (proc));

  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  return g_subprocess_get_exit_status (proc);
}

/* Runs a checking tool; returns its output, or NULL if it is not there. */
static char *
tool (const char * const *argv,
      int                *status)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);

  if (program == NULL)
    return NULL;
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (proc);
  return out;
}

/* pdftotext keeps no-break spaces: compare with plain ones. */
static char *
plain_spaces (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\u00a0", " ", 0);
  g_string_replace (s, "\u202f", " ", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
test_validate (void)
{
  g_autofree char *out = NULL;
  g_autofree char *bad = tmp_path ("bad.xml");
  g_autofree char *expected = NULL;

  g_assert_cmpint (run ((const char *[]) { "--validate", NULL }, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "kazakhstan-china.xml: ok\n"));
  g_clear_pointer (&out, g_free);

  g_assert_true (g_file_set_contents (bad,
    "<?xml version=\"1.0\"?>\n"
    "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"b\">\n"
    "  <title xml:lang=\"en\">B</title>\n"
    "  <sources><source id=\"s\"><citation xml:lang=\"en\">C</citation></source></sources>\n"
    "  <series id=\"a\" sources=\"s\"><title xml:lang=\"en\">A</title><definition xml:lang=\"en\">d</definition>\n"
    "    <points><point x=\"2020\" y=\"1,5\"/><point x=\"2021\" y=\"2\" sources=\"x\"/></points></series>\n"
    "</dataset>\n", -1, NULL));
  g_assert_cmpint (run ((const char *[]) { "--validate", bad, NULL }, &out, NULL), ==, 1);
  /* Every problem, each with its position. */
  expected = g_strdup_printf ("%s:6:29: error: y: “1,5” is not a number: write a decimal point, not a comma (1.5)\n"
                              "%s:6:60: error: sources “x” refers to nothing: no element has this id\n", bad, bad);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_list (void)
{
  g_autofree char *en = NULL, *ru = NULL, *kk = NULL;
  g_auto(GStrv) en_lines = NULL, ru_lines = NULL, kk_lines = NULL;

  g_assert_cmpint (run ((const char *[]) { "--list", "--lang=en", NULL }, &en, NULL), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "--list", "--lang=ru", NULL }, &ru, NULL), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "--list", "--lang=kk", NULL }, &kk, NULL), ==, 0);
  g_assert_nonnull (strstr (en, "exports-growth\tline\tVehicle exports from China to Kazakhstan\n"));
  g_assert_nonnull (strstr (en, "relations\ttimeline\t"));
  g_assert_nonnull (strstr (en, "survey-culture\ttable\t"));
  g_assert_nonnull (strstr (en, "story\tlesson\t"));

  en_lines = g_strsplit (en, "\n", -1);
  ru_lines = g_strsplit (ru, "\n", -1);
  kk_lines = g_strsplit (kk, "\n", -1);
  g_assert_cmpuint (g_strv_length (en_lines), ==, g_strv_length (kk_lines));
  g_assert_cmpuint (g_strv_length (en_lines), >, 20);
  for (guint i = 0; en_lines[i] && en_lines[i][0]; i++)
    {
      g_auto(GStrv) e = g_strsplit (en_lines[i], "\t", -1);
      g_auto(GStrv) r = g_strsplit (ru_lines[i], "\t", -1);
      g_auto(GStrv) k = g_strsplit (kk_lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (e), ==, 3);
      g_assert_cmpstr (e[0], ==, k[0]);
      g_assert_cmpstr (e[1], ==, k[1]);
      /* Every view has its own title in each language: no fallback. */
      g_assert_cmpstr (e[2], !=, "");
      g_assert_cmpstr (k[2], !=, e[2]);
      g_assert_cmpstr (r[2], !=, e[2]);
      g_assert_true (g_utf8_strchr (r[2], -1, 0x0430) || g_utf8_strchr (r[2], -1, 0x043e) ||
                     g_utf8_strchr (r[2], -1, 0x0435) || g_utf8_strchr (r[2], -1, 0x0438));
    }
  /* Kazakh letters in the Kazakh titles. */
  g_assert_nonnull (strstr (kk, "Қ"));
  g_assert_nonnull (strstr (kk, "ә") ? kk : strstr (kk, "ғ"));
}

static void
test_export_png (void)
{
  g_autofree char *png = tmp_path ("fig.png");
  cairo_surface_t *surface;
  const guint8 *data;
  int stride, colored = 0;

  g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--export", png, "--width=900", "--height=600",
                                           "--lang=kk", NULL }, NULL, NULL), ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 900; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4);

        /* The line's blue (#0072b2). */
        if (ABS ((int) ((p >> 16) & 0xff) - 0x00) < 10 && ABS ((int) ((p >> 8) & 0xff) - 0x72) < 10 &&
            ABS ((int) (p & 0xff) - 0xb2) < 10)
          colored++;
      }
  cairo_surface_destroy (surface);
  g_assert_cmpint (colored, >, 300);

  /* A transparent background leaves the corners clear. */
  g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--export", png, "--transparent", NULL }, NULL, NULL), ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (*(const guint32 *) cairo_image_surface_get_data (surface) >> 24, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_export_pdf (void)
{
  static const struct { const char *lang; const char *title; const char *number; } cases[] = {
    { "en", "Vehicle exports from China to Kazakhstan", "124,234" },
    { "ru", "Экспорт автомобилей из Китая в Казахстан", "124 234" },
    { "kk", "Қытайдан Қазақстанға автокөлік экспорты", "124 234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pdf = tmp_path ("fig.pdf");
      g_autofree char *lang = g_strdup_printf ("--lang=%s", cases[i].lang);
      g_autofree char *text = NULL, *plain = NULL, *fonts = NULL;
      int status;

      g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--export", pdf, lang, NULL }, NULL, NULL), ==, 0);
      text = tool ((const char *[]) { "pdftotext", pdf, "-", NULL }, &status);
      if (text == NULL)
        {
          g_test_skip ("pdftotext is not installed");
          return;
        }
      plain = plain_spaces (text);
      g_assert_nonnull (strstr (plain, cases[i].title));
      g_assert_nonnull (strstr (plain, cases[i].number));
      g_assert_nonnull (strstr (plain, "7"));
      g_assert_nonnull (strstr (plain, "2020"));

      fonts = tool ((const char *[]) { "pdffonts", pdf, NULL }, &status);
      g_assert_cmpint (status, ==, 0);
      /* Every font embedded: no line says "no" in the emb column. */
      g_assert_nonnull (strstr (fonts, " yes "));
      g_assert_null (strstr (fonts, " no  "));
    }
}

static void
test_export_svg (void)
{
  g_autofree char *svg = tmp_path ("fig.svg");
  g_autofree char *png = tmp_path ("svg.png");
  g_autofree char *out = NULL;
  int status;

  g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--export", svg, "--lang=en", NULL }, NULL, NULL), ==, 0);
  out = tool ((const char *[]) { "xmllint", "--noout", svg, NULL }, &status);
  if (out == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = tool ((const char *[]) { "rsvg-convert", svg, "-o", png, NULL }, &status);
  if (out != NULL)
    {
      g_assert_cmpint (status, ==, 0);
      g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
    }
}

static void
test_all_languages (void)
{
  g_autofree char *base = tmp_path ("all.pdf");

  g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--export", base, "--lang=all", NULL }, NULL, NULL), ==, 0);
  for (const char *l = "ru\0kk\0en\0"; *l; l += 3)
    {
      g_autofree char *name = g_strdup_printf ("all-%s.pdf", l);
      g_autofree char *path = tmp_path (name);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_false (g_file_test (base, G_FILE_TEST_EXISTS));
}

static void
test_csv (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--csv", "--lang=en", NULL }, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "series,series_title,x,x_label,value,unit,"));
  g_assert_nonnull (strstr (out, ",2020,2020,7439,"));
  g_assert_nonnull (strstr (out, ",2024,2024,124234,"));
  g_assert_nonnull (strstr (out, "\r\n"));
}

/* The article's survey tables, every value with its comment. */
static void
test_survey_tables (void)
{
  static const struct { const char *id; const char *values[4]; } tables[] = {
    { "survey-culture", { "74", "60", "37", "71" } },
    { "survey-awareness", { "84", "70", ">50", "80" } },
  };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const char *l = "ru\0kk\0en\0"; *l; l += 3)
      {
        g_autofree char *chart = g_strdup_printf ("--chart=%s", tables[t].id);
        g_autofree char *lang = g_strdup_printf ("--lang=%s", l);
        g_autofree char *out = NULL;
        g_auto(GStrv) lines = NULL;

        g_assert_cmpint (run ((const char *[]) { chart, "--csv", lang, NULL }, &out, NULL), ==, 0);
        lines = g_strsplit (out, "\r\n", -1);
        /* A header and four rows: item, share, comment. */
        g_assert_cmpuint (g_strv_length (lines), ==, 6);
        for (guint r = 0; r < 4; r++)
          {
            const char *line = lines[r + 1];
            g_autofree char *needle = g_strdup_printf (",%s,", tables[t].values[r]);
            const char *comment = strstr (line, needle);

            g_assert_nonnull (comment);
            /* A comment follows the value. */
            g_assert_cmpuint (strlen (comment + strlen (needle)), >, 3);
          }
      }
}

static void
test_errors (void)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *dir = tmp_path ("no/such/dir/fig.png");

  g_assert_cmpint (run ((const char *[]) { "--chart=nope", "--csv", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "karavan: "));
  g_assert_nonnull (strstr (err, "nope"));
  g_assert_nonnull (strstr (err, "exports-growth"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--export", dir, NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "karavan: "));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *[]) { "--chart=exports-growth", "--export=x.bmp", NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, ".png"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *[]) { "--list", "/nonexistent.xml", NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent.xml"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *[]) { "--list", "--lang=de", NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "de"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("karavan-cli-XXXXXX", NULL);

  g_test_add_func ("/Karavan/Cli/validate", test_validate);
  g_test_add_func ("/Karavan/Cli/list", test_list);
  g_test_add_func ("/Karavan/Cli/export-png", test_export_png);
  g_test_add_func ("/Karavan/Cli/export-pdf", test_export_pdf);
  g_test_add_func ("/Karavan/Cli/export-svg", test_export_svg);
  g_test_add_func ("/Karavan/Cli/all-languages", test_all_languages);
  g_test_add_func ("/Karavan/Cli/csv", test_csv);
  g_test_add_func ("/Karavan/Cli/survey-tables", test_survey_tables);
  g_test_add_func ("/Karavan/Cli/errors", test_errors);

  status = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    g_assert_cmpint (system (cmd), ==, 0);
  }
  g_free (tmpdir);
  return status;
}
