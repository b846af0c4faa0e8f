/* test-corpus.c: hostile and broken files through the real command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of tests/corpus runs through `karavan --validate FILE` in a
 * process of its own, as a user would run it, and must print what
 * expected.txt says (see the comment at its top) within 5 seconds,
 * without crashing and without reading anything outside the file: the
 * hostile ones try to pull in secret.txt, secret.dtd and /etc/passwd.
 * Accepted files are then drawn to PNG, PDF and SVG. Files too big to
 * keep in the repository (past each of the loader's limits) are made
 * here at run time.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#define TIME_LIMIT 5.0
#define CANARY     "KARAVAN-CANARY-4f9d2"
#define PASSWD     "root:x:0:0:"

typedef struct {
  int   line;     /* 0 for "FILE: error: …" */
  int   column;
  char *text;
} Expectation;

typedef struct {
  char      *name;
  gboolean   ok;
  GPtrArray *expected;  /* Expectation* */
} Case;

typedef struct {
  char     *out;
  char     *err;
  gboolean  exited;
  int       status;
  gboolean  timed_out;
  double    limit;
  double    seconds;
} Run;

static char *corpus_dir;
static GPtrArray *cases;

static void
expectation_free (Expectation *e)
{
  g_free (e->text);
  g_free (e);
}

static void
case_free (Case *c)
{
  g_free (c->name);
  g_ptr_array_unref (c->expected);
  g_free (c);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* ---------------------------------------------------------------------- */
/* Running karavan                                                        */

typedef struct {
  GSubprocess *proc;
  GBytes      *out, *err;
  gboolean     done;
  gboolean     timed_out;
} Waiting;

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Waiting *w = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &w->out, &w->err, NULL);
  w->done = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Waiting *w = user_data;

  w->timed_out = TRUE;
  g_subprocess_force_exit (w->proc);
  return G_SOURCE_REMOVE;
}

static char *
bytes_to_string (GBytes *bytes)
{
  /* An empty GBytes may have no data pointer at all. */
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Runs @argv (argv[0] is put in front: the karavan under test, or any
 * program when @program is set) in @cwd and waits at most @limit seconds. */
static void
run_program (const char          *program,
             const char * const  *args,
             const char          *cwd,
             const char * const  *env,
             double               limit,
             Run                 *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Waiting w = { 0 };
  guint timeout_id;
  gint64 start;

  memset (run, 0, sizeof *run);
  g_ptr_array_add (argv, (gpointer) (program ? program : g_getenv ("KARAVAN_EXE")));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  for (guint i = 0; env && env[i]; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  start = g_get_monotonic_time ();
  w.proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  timeout_id = g_timeout_add ((guint) (limit * 1000), timeout_cb, &w);
  g_subprocess_communicate_async (w.proc, NULL, NULL, communicated_cb, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (w.proc, NULL, NULL);
  if (!w.timed_out)
    g_source_remove (timeout_id);

  run->limit = limit;
  run->seconds = (g_get_monotonic_time () - start) / 1e6;
  run->timed_out = w.timed_out;
  run->exited = g_subprocess_get_if_exited (w.proc);
  run->status = run->exited ? g_subprocess_get_exit_status (w.proc) : -1;
  run->out = bytes_to_string (w.out);
  run->err = bytes_to_string (w.err);
  g_clear_pointer (&w.out, g_bytes_unref);
  g_clear_pointer (&w.err, g_bytes_unref);
  g_object_unref (w.proc);
}

static void
run_karavan (const char * const *args,
             const char         *cwd,
             double              limit,
             Run                *run)
{
  run_program (NULL, args, cwd, NULL, limit, run);
}

/* No trace of what hostile files try to read, whatever happened. */
static void
assert_nothing_leaked (const Run *run)
{
  g_assert_null (strstr (run->out, CANARY));
  g_assert_null (strstr (run->err, CANARY));
  g_assert_null (strstr (run->out, PASSWD));
  g_assert_null (strstr (run->err, PASSWD));
}

static void
assert_clean_exit (const Run  *run,
                   int         status,
                   const char *what)
{
  if (run->timed_out)
    g_error ("%s: still running after %.0f s", what, run->limit);
  if (!run->exited)
    g_error ("%s: killed by a signal; stderr: %s", what, run->err);
  if (run->status != status)
    g_error ("%s: exit status %d, not %d; stdout: %s; stderr: %s", what, run->status, status, run->out, run->err);
  if (run->err[0] != '\0')
    g_error ("%s: wrote to stderr: %s", what, run->err);
}

/* ---------------------------------------------------------------------- */
/* Checking what --validate printed                                       */

/* Every line is NAME:LINE:COLUMN: error: MESSAGE or NAME: error: MESSAGE;
 * @expected must come out in this order (other lines may lie between). */
static void
check_diagnostics (const char *name,
                   const char *out,
                   GPtrArray  *expected)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  guint next = 0, n_lines = 0;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *rest;
      int l = 0, c = 0;
      char *end;

      if (line[0] == '\0' && lines[i + 1] == NULL)
        break;
      n_lines++;

      if (!g_str_has_prefix (line, prefix))
        g_error ("%s: a line that is not about the file: “%s”", name, line);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      rest = line + strlen (prefix);
      if (!g_str_has_prefix (rest, " error: "))
        {
          l = (int) strtol (rest, &end, 10);
          if (end == rest || *end != ':')
            g_error ("%s: no LINE: in “%s”", name, line);
          rest = end + 1;
          c = (int) strtol (rest, &end, 10);
          if (end == rest || !g_str_has_prefix (end, ": error: "))
            g_error ("%s: no COLUMN: error: in “%s”", name, line);
          g_assert_cmpint (l, >=, 1);
          g_assert_cmpint (c, >=, 1);
          rest = end + 1;
        }
      rest += strlen (" error: ");

      if (next < expected->len)
        {
          Expectation *e = expected->pdata[next];

          if (e->line == l && e->column == c && strstr (rest, e->text) != NULL)
            next++;
        }
    }

  if (next < expected->len)
    {
      Expectation *e = expected->pdata[next];

      g_error ("%s: expected “%s:%d:%d: error: …%s…” (in this order), got:\n%s",
               name, name, e->line, e->column, e->text, out);
    }
  /* The loader stops at 100 messages, then says so. */
  g_assert_cmpuint (n_lines, >=, 1);
  g_assert_cmpuint (n_lines, <=, 101);
}

static void
test_file (gconstpointer data)
{
  const Case *c = data;
  g_auto(Run) run = { 0 };
  const char *args[] = { "--validate", c->name, NULL };

  run_karavan (args, corpus_dir, TIME_LIMIT, &run);
  assert_nothing_leaked (&run);
  assert_clean_exit (&run, c->ok ? 0 : 1, c->name);
  g_assert_cmpfloat (run.seconds, <, TIME_LIMIT);

  if (c->ok)
    {
      g_autofree char *line = g_strdup_printf ("%s: ok\n", c->name);

      g_assert_cmpstr (run.out, ==, line);
    }
  else
    check_diagnostics (c->name, run.out, c->expected);
}

/* ---------------------------------------------------------------------- */
/* The expectations file and the folder                                   */

static void
load_cases (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "expected.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Case *current = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (fields[1] == NULL)
        g_error ("expected.txt:%u: no tab", i + 1);

      if (current == NULL || !g_str_equal (current->name, fields[0]))
        {
          for (guint k = 0; k < cases->len; k++)
            if (g_str_equal (((Case *) cases->pdata[k])->name, fields[0]))
              g_error ("expected.txt:%u: %s is not on consecutive lines", i + 1, fields[0]);
          current = g_new0 (Case, 1);
          current->name = g_strdup (fields[0]);
          current->expected = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);
          g_ptr_array_add (cases, current);
        }

      if (g_str_equal (fields[1], "ok"))
        current->ok = TRUE;
      else
        {
          Expectation *e = g_new0 (Expectation, 1);

          if (fields[2] == NULL || fields[2][0] == '\0')
            g_error ("expected.txt:%u: no message", i + 1);
          if (!g_str_equal (fields[1], "-") && sscanf (fields[1], "%d:%d", &e->line, &e->column) != 2)
            g_error ("expected.txt:%u: “%s” is not LINE:COLUMN", i + 1, fields[1]);
          e->text = g_strdup (fields[2]);
          g_ptr_array_add (current->expected, e);
        }
      if (current->ok && current->expected->len > 0)
        g_error ("expected.txt:%u: %s is both ok and not", i + 1, current->name);
    }
}

/* Every file is in expected.txt (and the other way round), and there are
 * at least 40 hostile or broken ones. */
static void
test_listing (void)
{
  g_autoptr(GDir) dir = g_dir_open (corpus_dir, 0, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_bad = 0, n_files = 0;
  const char *name;

  g_assert_nonnull (dir);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      g_autofree char *path = g_build_filename (corpus_dir, c->name, NULL);

      g_hash_table_add (listed, c->name);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("expected.txt names %s, which is not in %s", c->name, corpus_dir);
      if (!c->ok)
        n_bad++;
    }

  while ((name = g_dir_read_name (dir)))
    {
      if (g_str_equal (name, "expected.txt") || g_str_equal (name, "meson.build") ||
          g_str_has_suffix (name, ".c") || g_str_has_prefix (name, "secret."))
        continue;
      n_files++;
      if (!g_hash_table_contains (listed, name))
        g_error ("%s/%s is not in expected.txt", corpus_dir, name);
    }

  g_assert_cmpuint (n_files, ==, cases->len);
  g_assert_cmpuint (n_bad, >=, 40);
}

/* ---------------------------------------------------------------------- */
/* Nothing read from outside the file                                     */

static gboolean
mentions_secret (const char *name)
{
  g_autofree char *path = g_build_filename (corpus_dir, name, NULL);
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  return strstr (text, "secret.") != NULL || strstr (text, "/etc/passwd") != NULL ||
         strstr (text, "http://") != NULL;
}

/* strace shows every file opened and every socket: a hostile file must
 * cost neither. Skipped where strace is missing or may not trace. */
static void
test_no_outside_reads (void)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *tmp = NULL;
  /* LeakSanitizer cannot stop the world under strace. */
  const char *env[] = { "ASAN_OPTIONS", "detect_leaks=0", NULL };
  guint n_checked = 0;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }
  tmp = g_dir_make_tmp ("karavan-corpus-XXXXXX", NULL);
  g_assert_nonnull (tmp);

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      g_autofree char *log = g_build_filename (tmp, "trace.log", NULL);
      g_autofree char *trace = NULL;
      g_auto(Run) run = { 0 };
      const char *args[] = { "-f", "-qq", "-o", log, "-e", "trace=%file,%network",
                             g_getenv ("KARAVAN_EXE"), "--validate", c->name, NULL };

      if (!mentions_secret (c->name))
        continue;

      run_program (strace, args, corpus_dir, env, 30, &run);
      if (!run.exited || !g_file_get_contents (log, &trace, NULL, NULL) || trace[0] == '\0')
        {
          g_test_skip ("strace cannot trace here");
          g_remove (log);
          g_rmdir (tmp);
          return;
        }
      assert_nothing_leaked (&run);
      g_assert_cmpint (run.status, ==, 1);
      if (strstr (trace, "secret.") || strstr (trace, "/etc/passwd") ||
          strstr (trace, "connect(") || strstr (trace, "socket("))
        g_error ("%s: karavan reached outside the file:\n%s", c->name, trace);
      g_remove (log);
      n_checked++;
    }

  g_rmdir (tmp);
  g_assert_cmpuint (n_checked, >=, 8);
}

/* ---------------------------------------------------------------------- */
/* Accepted files draw                                                    */

/* Every view of every accepted file, to PNG, PDF and SVG, and to SVG in
 * the monochrome palette (patterns and hatching): 1e308 values, ±1.8e308
 * x values, an axis narrower than its numbers' precision, series without
 * points, estimates in every kind of bar. The SVG keeps coordinates as
 * text: no NaN or infinity may reach it. Under the sanitizers this is
 * also where leaks in drawing show. */
static void
test_accepted_draw (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("karavan-corpus-XXXXXX", NULL);
  guint n_views = 0;

  g_assert_nonnull (tmp);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      g_autofree char *path = g_build_filename (corpus_dir, c->name, NULL);
      const char *list_args[] = { "--list", "--lang=en", path, NULL };
      g_auto(Run) list = { 0 };
      g_auto(GStrv) lines = NULL;

      if (!c->ok)
        continue;

      run_karavan (list_args, tmp, TIME_LIMIT, &list);
      assert_clean_exit (&list, 0, c->name);
      lines = g_strsplit (list.out, "\n", -1);
      for (guint l = 0; lines[l] && lines[l][0]; l++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[l], "\t", 3);
          const char *formats[] = { "png", "pdf", "svg", "svg" };

          if (g_str_equal (fields[1], "lesson"))
            continue;
          for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
            {
              g_autofree char *out = g_strdup_printf ("%s/%s.%s", tmp, fields[0], formats[f]);
              g_autofree char *chart = g_strdup_printf ("--chart=%s", fields[0]);
              g_autofree char *export = g_strdup_printf ("--export=%s", out);
              g_autofree char *what = g_strdup_printf ("%s %s %s", c->name, fields[0], formats[f]);
              g_autofree char *contents = NULL;
              gsize len = 0;
              const char *palette = f == 3 ? "--palette=monochrome" : "--palette=light";
              const char *args[] = { path, chart, export, "--lang=en", palette, NULL };
              g_auto(Run) run = { 0 };

              run_karavan (args, tmp, TIME_LIMIT, &run);
              assert_clean_exit (&run, 0, what);
              g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
              g_assert_cmpuint (len, >, 100);
              if (f >= 2)
                {
                  g_autofree char *lower = g_ascii_strdown (contents, len);

                  if (strstr (lower, "nan") || strstr (lower, "inf"))
                    g_error ("%s: the SVG holds a NaN or an infinity", what);
                }
              g_remove (out);
            }
          n_views++;
        }
    }

  g_rmdir (tmp);
  g_assert_cmpuint (n_views, >=, 10);
}

/* ---------------------------------------------------------------------- */
/* Past each limit, made at run time                                      */

static const char header[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"big\">\n";

typedef void (*Writer) (FILE *f);

/* Writes @name in a new temporary folder with @write and validates it:
 * exit 1 and @line:@column (0:0: no position) with @message. */
static void
check_generated (const char *name,
                 Writer      write,
                 int         line,
                 int         column,
                 const char *message,
                 double      limit)
{
  g_autofree char *tmp = g_dir_make_tmp ("karavan-corpus-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, name, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  Expectation e = { line, column, (char *) message };
  const char *args[] = { "--validate", name, NULL };
  g_auto(Run) run = { 0 };
  FILE *f;

  f = fopen (path, "wb");
  g_assert_nonnull (f);
  write (f);
  g_assert_cmpint (fclose (f), ==, 0);

  run_karavan (args, tmp, limit, &run);
  g_test_message ("%s: %.2f s", name, run.seconds);
  assert_clean_exit (&run, 1, name);
  g_ptr_array_add (expected, &e);
  check_diagnostics (name, run.out, expected);

  g_remove (path);
  g_rmdir (tmp);
}

static void
write_huge_text (FILE *f)
{
  fputs (header, f);
  fputs ("  <title xml:lang=\"en\">", f);
  for (int i = 0; i < 2 * 1024; i++)
    fprintf (f, "%01023d\n", i);
  fputs ("</title>\n</dataset>\n", f);
}

static void
test_huge_text (void)
{
  /* The text starts on line 3 after "  <title xml:lang="en">". */
  check_generated ("huge-text.xml", write_huge_text, 3, 24, "a text is longer than 1 MiB", TIME_LIMIT);
}

static void
write_huge_attribute (FILE *f)
{
  fputs (header, f);
  fputs ("  <title xml:lang=\"en\" note=\"", f);
  for (int i = 0; i < 2 * 1024 * 1024; i++)
    fputc ('a' + i % 26, f);
  fputs ("\">Big</title>\n</dataset>\n", f);
}

static void
test_huge_attribute (void)
{
  check_generated ("huge-attribute.xml", write_huge_attribute, 3, 24,
                   "an attribute value is longer than 1 MiB", TIME_LIMIT);
}

static void
write_huge_comment (FILE *f)
{
  fputs (header, f);
  fputs ("  <!--", f);
  for (int i = 0; i < 2 * 1024 * 1024; i++)
    fputc ('a' + i % 26, f);
  fputs ("-->\n</dataset>\n", f);
}

/* Comments never reach the tree, but libxml2 reads each whole. */
static void
test_huge_comment (void)
{
  check_generated ("huge-comment.xml", write_huge_comment, 3, 3, "a comment is longer than 1 MiB", TIME_LIMIT);
}

static void
write_many_attributes (FILE *f)
{
  fputs (header, f);
  fputs ("  <title xml:lang=\"en\"", f);
  for (int i = 0; i < 200000; i++)
    fprintf (f, " a%d=\"\"", i);
  fputs (">Attributes</title>\n</dataset>\n", f);
}

/* libxml2 2.9 compares each attribute with every other one: 200 000 of
 * them would take minutes. */
static void
test_many_attributes (void)
{
  check_generated ("many-attributes.xml", write_many_attributes, 3, 3,
                   "an element has more than 64 attributes", TIME_LIMIT);
}

static void
write_many_elements (FILE *f)
{
  fputs (header, f);
  /* dataset is the first element, so the 1 000 001st is <a/> number
   * 1 000 000, on line 2 + 1 000 000. */
  for (int i = 0; i < 1000000 + 10; i++)
    fputs ("<a/>\n", f);
  fputs ("</dataset>\n", f);
}

static void
test_many_elements (void)
{
  check_generated ("many-elements.xml", write_many_elements, 1000002, 1,
                   "the file has more than 1000000 elements", TIME_LIMIT);
}

static void
write_many_attributes_in_all (FILE *f)
{
  fputs (header, f);
  /* dataset has 3 (xmlns, version, id); each <a> 50. */
  for (int i = 0; i < 2000000 / 50 + 10; i++)
    {
      fputs ("<a", f);
      for (int k = 0; k < 50; k++)
        fprintf (f, " b%d=\"\"", k);
      fputs ("/>\n", f);
    }
  fputs ("</dataset>\n", f);
}

static void
test_many_attributes_in_all (void)
{
  /* 3 + 50 × 39 999 = 1 999 953; the 40 000th <a> passes 2 000 000. */
  check_generated ("many-attributes-in-all.xml", write_many_attributes_in_all, 2 + 40000, 1,
                   "the file has more than 2000000 attributes", TIME_LIMIT);
}

static void
write_many_lines (FILE *f)
{
  /* Three million empty lines, then a declaration where none may be. */
  for (int i = 0; i < 3000000; i++)
    fputc ('\n', f);
  fputs ("<?xml version=\"1.0\"?>\n<dataset/>\n", f);
}

static void
test_many_lines (void)
{
  check_generated ("many-lines.xml", write_many_lines, 3000001, 6,
                   "XML declaration allowed only at the start", TIME_LIMIT);
}

static void
write_old_mac_lines (FILE *f)
{
  /* Lines ended by a lone CR count as lines too, as XML says. */
  fputs ("<?xml version=\"1.0\"?>\r<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\"\r"
         "  version=\"1\" id=\"cr\">\r\r  <title xml:lang=\"en\">&nope;</title>\r</dataset>\r", f);
}

static void
test_old_mac_lines (void)
{
  check_generated ("cr-lines.xml", write_old_mac_lines, 5, 30, "Entity 'nope' not defined", TIME_LIMIT);
}

static void
write_many_values (FILE *f)
{
  fputs (header, f);
  fputs ("<values start=\"0\">", f);
  /* "0 " is the shortest value: 50 000 001 of them on 10 001 lines. */
  for (int l = 0; l < 10001; l++)
    {
      for (int i = 0; i < 5000; i++)
        fputs ("0 ", f);
      fputc ('\n', f);
    }
  fputs ("</values>\n</dataset>\n", f);
}

static void
test_many_values (void)
{
  if (!g_test_slow ())
    {
      g_test_skip ("a 100 MB file: run with -m slow");
      return;
    }
  /* Value 50 000 001 is the first of line 3 + 10 000. */
  check_generated ("many-values.xml", write_many_values, 10003, 1,
                   "the file has more than 50000000 values", 60);
}

/* A sparse file past the size limit: refused before it is read. */
static void
test_too_large (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("karavan-corpus-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "too-large.xml", NULL);
  const char *args[] = { "--validate", "too-large.xml", NULL };
  g_auto(Run) run = { 0 };
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<", 1), ==, 1);
  g_assert_cmpint (ftruncate (fd, (off_t) 256 * 1024 * 1024 + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  run_karavan (args, tmp, TIME_LIMIT, &run);
  assert_clean_exit (&run, 1, "too-large.xml");
  g_assert_cmpstr (run.out, ==, "too-large.xml:1:1: error: the file is larger than 256 MiB\n");
  g_assert_cmpfloat (run.seconds, <, 1.0);

  g_remove (path);
  g_rmdir (tmp);
}

/* Things that are not files: a FIFO nobody writes to must not block,
 * a folder and a missing file are errors. */
static void
test_not_files (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("karavan-corpus-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (tmp, "fifo.xml", NULL);
  const char *fifo_args[] = { "--validate", "fifo.xml", NULL };
  const char *dir_args[] = { "--validate", ".", NULL };
  const char *missing_args[] = { "--validate", "missing.xml", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run_karavan (fifo_args, tmp, TIME_LIMIT, &a);
  assert_clean_exit (&a, 1, "fifo.xml");
  g_assert_cmpstr (a.out, ==, "fifo.xml:1:1: error: the file is empty\n");

  run_karavan (dir_args, tmp, TIME_LIMIT, &b);
  assert_clean_exit (&b, 1, ".");
  g_assert_cmpstr (b.out, ==, ".: error: is a folder, not a dataset file\n");

  run_karavan (missing_args, tmp, TIME_LIMIT, &c);
  assert_clean_exit (&c, 1, "missing.xml");
  g_assert_true (g_str_has_prefix (c.out, "missing.xml: error: "));

  g_remove (fifo);
  g_rmdir (tmp);
}

/* ---------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  corpus_dir = g_test_build_filename (G_TEST_DIST, "corpus", NULL);
  load_cases ();

  g_test_add_func ("/Karavan/Corpus/listing", test_listing);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      g_autofree char *test_path = g_strdup_printf ("/Karavan/Corpus/file/%s", c->name);

      g_test_add_data_func (test_path, c, test_file);
    }
  g_test_add_func ("/Karavan/Corpus/no-outside-reads", test_no_outside_reads);
  g_test_add_func ("/Karavan/Corpus/accepted-draw", test_accepted_draw);
  g_test_add_func ("/Karavan/Corpus/limit/huge-text", test_huge_text);
  g_test_add_func ("/Karavan/Corpus/limit/huge-attribute", test_huge_attribute);
  g_test_add_func ("/Karavan/Corpus/limit/huge-comment", test_huge_comment);
  g_test_add_func ("/Karavan/Corpus/limit/many-attributes", test_many_attributes);
  g_test_add_func ("/Karavan/Corpus/limit/many-attributes-in-all", test_many_attributes_in_all);
  g_test_add_func ("/Karavan/Corpus/limit/many-elements", test_many_elements);
  g_test_add_func ("/Karavan/Corpus/limit/many-values", test_many_values);
  g_test_add_func ("/Karavan/Corpus/limit/too-large", test_too_large);
  g_test_add_func ("/Karavan/Corpus/lines/many", test_many_lines);
  g_test_add_func ("/Karavan/Corpus/lines/carriage-returns", test_old_mac_lines);
  g_test_add_func ("/Karavan/Corpus/not-files", test_not_files);

  status = g_test_run ();

  g_ptr_array_unref (cases);
  g_free (corpus_dir);
  return status;
}
