/* test-export-safety.c: a failed export loses nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports go through a temporary file renamed over the target. These run
 * the real command line into places where writing fails (a full disk, a
 * read-only folder, a folder that is a file, /proc, a stdout that is
 * /dev/full) and check that it says so, exits with 1, and leaves a file
 * already there byte for byte as it was, with no temporary file behind.
 *
 * Tests may run as root, for whom a read-only folder is writable: that
 * case is skipped then, and the full disk is made with RLIMIT_FSIZE,
 * which binds root too.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "karavan-core.h"

#define OLD_CONTENT "an export from last week, which must survive\n"

static char *dataset;

typedef struct {
  gboolean exited;
  int      status;
  char    *out;
  char    *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
bytes_to_string (GBytes *bytes)
{
  /* An empty GBytes may have no data pointer at all. */
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* In the child, before exec: files may grow to @user_data bytes, and
 * going past fails with EFBIG instead of killing the process. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit;

  limit.rlim_cur = limit.rlim_max = GPOINTER_TO_SIZE (user_data);
  setrlimit (RLIMIT_FSIZE, &limit);
  signal (SIGXFSZ, SIG_IGN);
}

static void
run_karavan (const char * const *args,
             gsize               file_size_limit,
             const char         *stdout_path,
             Run                *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KARAVAN_EXE"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new ((stdout_path ? 0 : G_SUBPROCESS_FLAGS_STDOUT_PIPE) |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (stdout_path)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  if (file_size_limit > 0)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size,
                                           GSIZE_TO_POINTER (file_size_limit), NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run->exited = g_subprocess_get_if_exited (proc);
  run->status = run->exited ? g_subprocess_get_exit_status (proc) : -1;
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
}

/* Exit status 1 and a "karavan: …" message naming @what went wrong. */
static void
assert_failed_cleanly (const Run  *run,
                       const char *reason)
{
  if (!run->exited)
    g_error ("karavan was killed by a signal; stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "karavan: "));
  if (reason != NULL && strstr (run->err, reason) == NULL)
    g_error ("“%s” is not in “%s”", reason, run->err);
}

static char *
make_dir_with_old_file (char **out_file)
{
  g_autofree char *dir = g_dir_make_tmp ("karavan-export-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  *out_file = g_build_filename (dir, "figure.png", NULL);
  g_file_set_contents (*out_file, OLD_CONTENT, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

/* Only the old file is there, unchanged: no temporary files left. */
static void
assert_old_file_intact (const char *dir,
                        const char *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;

  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENT);

  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      if (!g_str_equal (name, "figure.png"))
        g_error ("%s was left in %s", name, dir);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static void
remove_dir (const char *dir,
            const char *file)
{
  g_chmod (dir, 0700);
  g_remove (file);
  g_rmdir (dir);
}

/* A disk that fills up while the PNG is written. */
static void
test_full_disk (void)
{
  g_autofree char *file = NULL;
  g_autofree char *dir = make_dir_with_old_file (&file);
  g_autofree char *export = g_strdup_printf ("--export=%s", file);
  const char *args[] = { dataset, "--chart=line", export, "--lang=en", NULL };
  g_auto(Run) run = { 0 };

  run_karavan (args, 4096, NULL, &run);
  assert_failed_cleanly (&run, g_strerror (EFBIG));
  assert_old_file_intact (dir, file);

  /* And with room, the export replaces the old file. */
  {
    g_auto(Run) ok = { 0 };
    g_autofree char *contents = NULL;
    gsize len;

    run_karavan (args, 0, NULL, &ok);
    g_assert_cmpint (ok.status, ==, 0);
    g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 4096);
    g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  }

  remove_dir (dir, file);
}

/* /dev/full takes nothing: ENOSPC on the first write. */
static void
test_dev_full (void)
{
  g_autofree char *dir = g_dir_make_tmp ("karavan-export-XXXXXX", NULL);
  g_autofree char *link = g_build_filename (dir, "full.svg", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", link);
  const char *args[] = { dataset, "--chart=line", export, "--lang=en", NULL };
  g_auto(Run) run = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      g_rmdir (dir);
      return;
    }
  /* The format comes from the name: a link named .svg. */
  g_assert_cmpint (symlink ("/dev/full", link), ==, 0);
  run_karavan (args, 0, NULL, &run);
  assert_failed_cleanly (&run, g_strerror (ENOSPC));

  g_remove (link);
  g_rmdir (dir);
}

/* CSV on a stdout that cannot take it. */
static void
test_csv_to_dev_full (void)
{
  const char *args[] = { dataset, "--chart=line", "--csv", "--lang=en", NULL };
  g_auto(Run) run = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  run_karavan (args, 0, "/dev/full", &run);
  g_assert_true (run.exited);
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_read_only_folder (void)
{
  g_autofree char *file = NULL;
  g_autofree char *dir = make_dir_with_old_file (&file);
  g_autofree char *export = g_strdup_printf ("--export=%s", file);
  const char *args[] = { dataset, "--chart=line", export, "--lang=en", NULL };
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      /* Root: permissions do not stop it; /proc and a file standing
       * where a folder should be do, in the tests below. */
      g_test_skip ("running as root, who may write into a read-only folder");
      remove_dir (dir, file);
      return;
    }

  run_karavan (args, 0, NULL, &run);
  assert_failed_cleanly (&run, g_strerror (EACCES));
  assert_old_file_intact (dir, file);
  remove_dir (dir, file);
}

/* A path through a file, as if it were a folder: ENOTDIR, even for root. */
static void
test_file_as_folder (void)
{
  g_autofree char *file = NULL;
  g_autofree char *dir = make_dir_with_old_file (&file);
  g_autofree char *target = g_build_filename (file, "figure.pdf", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", target);
  const char *args[] = { dataset, "--chart=line", export, "--lang=en", NULL };
  g_auto(Run) run = { 0 };

  run_karavan (args, 0, NULL, &run);
  assert_failed_cleanly (&run, g_strerror (ENOTDIR));
  assert_old_file_intact (dir, file);
  remove_dir (dir, file);
}

/* /proc takes no new files, even from root. */
static void
test_proc (void)
{
  const char *args[] = { dataset, "--chart=line", "--export=/proc/karavan-figure.png", "--lang=en", NULL };
  g_auto(Run) run = { 0 };

  if (!g_file_test ("/proc/self", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc");
      return;
    }
  run_karavan (args, 0, NULL, &run);
  assert_failed_cleanly (&run, "/proc/karavan-figure.png");
  g_assert_false (g_file_test ("/proc/karavan-figure.png", G_FILE_TEST_EXISTS));
}

/* The same through the library: a failed write keeps the old file. */
static void
test_write_atomically (void)
{
  g_autofree char *file = NULL;
  g_autofree char *dir = make_dir_with_old_file (&file);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autoptr(GError) error = NULL;

  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (karavan_write_file_atomically ("/dev/full", bytes, &error));
      g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO);
      g_clear_error (&error);
    }

  g_assert_false (karavan_write_file_atomically (dir, bytes, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO);
  g_clear_error (&error);
  assert_old_file_intact (dir, file);

  g_assert_true (karavan_write_file_atomically (file, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  g_remove (file);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = g_test_build_filename (G_TEST_DIST, "corpus", "ok-full.xml", NULL);

  g_test_add_func ("/Karavan/ExportSafety/full-disk", test_full_disk);
  g_test_add_func ("/Karavan/ExportSafety/dev-full", test_dev_full);
  g_test_add_func ("/Karavan/ExportSafety/csv-to-dev-full", test_csv_to_dev_full);
  g_test_add_func ("/Karavan/ExportSafety/read-only-folder", test_read_only_folder);
  g_test_add_func ("/Karavan/ExportSafety/file-as-folder", test_file_as_folder);
  g_test_add_func ("/Karavan/ExportSafety/proc", test_proc);
  g_test_add_func ("/Karavan/ExportSafety/write-atomically", test_write_atomically);

  status = g_test_run ();
  g_free (dataset);
  return status;
}
