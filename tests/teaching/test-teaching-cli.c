/* test-teaching-cli.c: --lesson and --present on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

static char *tmpdir;

/* Runs karavan with @args (NULL-terminated), without a display. */
static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL, *e = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("KARAVAN_EXE"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Nothing here may need a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_cwd (launcher, tmpdir);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &o, &e, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  return g_subprocess_get_exit_status (proc);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static guint
pdf_pages (const char *path)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  const char *line;

  if (program == NULL)
    return 0;
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           "pdfinfo", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + strlen ("Pages:"), " "), NULL, 10);
}

static void
assert_pdf (const char *path,
            guint       pages)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  n = pdf_pages (path);
  if (n != 0)
    g_assert_cmpuint (n, ==, pages);
}

static void
assert_slides (const char *folder,
               guint       n)
{
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u.png", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
      cairo_surface_destroy (surface);
    }
  {
    g_autofree char *name = g_strdup_printf ("%02u.png", n + 1);
    g_autofree char *path = g_build_filename (folder, name, NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* karavan --lesson=story --export=handout.pdf: a page per step. */
static void
test_handout (void)
{
  g_autofree char *err = NULL;
  g_autofree char *path = tmp_path ("handout.pdf");

  g_assert_cmpint (run ((const char *[]) { "--lesson=story", "--export=handout.pdf", "--lang=ru", NULL },
                        NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_pdf (path, 8);
}

/* karavan --lesson=story --export=slides/: 01.png … 08.png. */
static void
test_slides (void)
{
  g_autofree char *err = NULL;
  g_autofree char *folder = tmp_path ("slides");

  g_assert_cmpint (run ((const char *[]) { "--lesson=story", "--export=slides/", "--lang=kk", NULL },
                        NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_slides (folder, 8);
}

/* --lang=all: one handout per language, one folder of slides each. */
static void
test_all_languages (void)
{
  g_autofree char *dir = tmp_path ("all");

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "--lesson=kazakhstan-china:story", "--export=all/lesson.pdf",
                                           "--lang=all", NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "--lesson=story", "--export=all/slides/", "--lang=all",
                                           "--palette=dark", NULL }, NULL, NULL), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      const char *lang = (const char *[]) { "ru", "kk", "en" }[i];
      g_autofree char *pdf_name = g_strdup_printf ("lesson-%s.pdf", lang);
      g_autofree char *pdf = g_build_filename (dir, pdf_name, NULL);
      g_autofree char *slides = g_build_filename (dir, "slides", lang, NULL);

      assert_pdf (pdf, 8);
      assert_slides (slides, 8);
    }
}

/* Mistakes are one line on standard error and exit status 1; nothing is
 * written. */
static void
test_mistakes (void)
{
  struct {
    const char *args[5];
    const char *message;   /* a part of it */
  } cases[] = {
    { { "--lesson=nope", "--export=x.pdf", NULL }, "story" },
    { { "--lesson=exports-growth", "--export=x.pdf", NULL }, "story" },
    { { "--lesson=story", NULL }, "--export" },
    { { "--lesson=story", "--export=x.png", NULL }, "x.png" },
    { { "--lesson=story", "--csv", NULL }, "--export" },
    { { "--lesson=story", "--chart=exports-growth", "--export=x.pdf", NULL }, "--lesson" },
    { { "--lesson=story", "--export=x.pdf", "--palette=sepia", NULL }, "sepia" },
    { { "--lesson=story", "--export=x.pdf", "--preset=poster", NULL }, "poster" },
    { { "--present", "--list", NULL }, "--present" },
    { { "--present=story", "--lesson=story", "--export=x.pdf", NULL }, "--present" },
    { { "--present=nope", NULL }, "nope" },
    { { "--present", "--lang=fr", NULL }, "fr" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *pdf = tmp_path ("x.pdf");
      g_autofree char *png = tmp_path ("x.png");

      g_assert_cmpint (run (cases[i].args, &out, &err), ==, 1);
      if (strstr (err, cases[i].message) == NULL)
        g_test_message ("%s: %s", cases[i].args[0], err);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_true (g_str_has_prefix (err, "karavan: "));
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }
}

static void
test_help (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run ((const char *[]) { "--help", NULL }, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--lesson=ID"));
  g_assert_nonnull (strstr (out, "--present"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rm = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("karavan-teaching-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/Karavan/TeachingCli/handout", test_handout);
  g_test_add_func ("/Karavan/TeachingCli/slides", test_slides);
  g_test_add_func ("/Karavan/TeachingCli/all-languages", test_all_languages);
  g_test_add_func ("/Karavan/TeachingCli/mistakes", test_mistakes);
  g_test_add_func ("/Karavan/TeachingCli/help", test_help);

  status = g_test_run ();

  rm = g_strdup_printf ("rm -rf '%s'", tmpdir);
  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  g_free (tmpdir);
  return status;
}
