/* test-loader.c: valid files, and each kind of invalid file with its
 * exact line and column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "karavan-core.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"t\">\n" \
             "  <title xml:lang=\"en\">T</title>\n" \
             "  <sources><source id=\"s\"><citation xml:lang=\"en\">C</citation></source></sources>\n"
/* HEAD is four lines: the first line of a body is line 5. */

static KaravanDataset *
load (const char  *text,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return karavan_dataset_load_bytes (bytes, "test.xml", error);
}

/* Loads @body after HEAD and expects an error at LINE:COL mentioning
 * @needle. */
static void
expect_error (const char *body,
              const char *position,
              const char *needle)
{
  g_autofree char *text = g_strconcat (HEAD, body, "</dataset>\n", NULL);
  g_autofree char *prefix = g_strdup_printf ("test.xml:%s: error: ", position);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = load (text, &error);

  g_assert_null (dataset);
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  if (strstr (error->message, prefix) == NULL || strstr (error->message, needle) == NULL)
    g_error ("expected “%s…%s”, got:\n%s", prefix, needle, error->message);
}

static const char *series_a =
  "  <series id=\"a\" sources=\"s\">\n"
  "    <title xml:lang=\"en\">A</title><title xml:lang=\"ru\">А</title>\n"
  "    <unit xml:lang=\"en\">cars</unit>\n"
  "    <definition xml:lang=\"en\">Cars.</definition>\n"
  "    <points>\n"
  "      <point x=\"2024\" y=\"124234\"/>\n"
  "      <point x=\"2020\" y=\"7439\"/>\n"
  "      <point x=\"2022\" missing=\"true\"/>\n"
  "      <point x=\"2025\" y=\"147404\" partial=\"true\" relation=\"approx\"><period xml:lang=\"en\">Jan–Sep</period></point>\n"
  "    </points>\n"
  "  </series>\n";

static void
test_valid (void)
{
  g_autofree char *text = g_strconcat (HEAD, series_a,
    "  <series id=\"b\" sources=\"s\" x-type=\"number\"><title xml:lang=\"en\">B</title>"
    "<definition xml:lang=\"en\">d</definition><values start=\"10\" step=\"0.5\">\n 1 2\tNA\n 4.5e1 </values></series>\n"
    "  <chart id=\"c\" type=\"line\" series=\"a\"><title xml:lang=\"en\">Chart</title>"
    "<growth series=\"a\" from=\"2020\" to=\"2024\" show=\"both\"/><events timeline=\"tl\" ids=\"e2\"/></chart>\n"
    "  <timeline id=\"tl\"><title xml:lang=\"en\">TL</title>"
    "<category id=\"d\" color=\"#0072B2\"><label xml:lang=\"en\">D</label></category>"
    "<event id=\"e2\" category=\"d\" sources=\"s\" from=\"1993\" to=\"1994\"><title xml:lang=\"en\">Plan</title></event>"
    "<event id=\"e1\" category=\"d\" sources=\"s\" date=\"1992-08\"><title xml:lang=\"en\">  Agreement\n   signed </title></event>"
    "</timeline>\n"
    "  <table id=\"tb\" sources=\"s\"><title xml:lang=\"en\">Tb</title>"
    "<column id=\"q\"><title xml:lang=\"en\">Q</title></column><column id=\"v\" type=\"percent\"><title xml:lang=\"en\">V</title></column>"
    "<row><cell><text xml:lang=\"en\">x</text></cell><cell value=\"50\" relation=\"gt\"/></row></table>\n"
    "  <lesson id=\"l\"><title xml:lang=\"en\">L</title><step view=\"tb\"/><step view=\"c\" reveal=\"points\"/></lesson>\n"
    "</dataset>\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = load (text, &error);
  KaravanSeries *a, *b;
  KaravanView *chart, *timeline, *table, *lesson;
  const KaravanPoint *p;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpstr (karavan_dataset_get_id (dataset), ==, "t");

  a = karavan_dataset_find_series (dataset, "a");
  g_assert_nonnull (a);
  g_assert_cmpuint (a->points->len, ==, 4);
  /* Sorted by x, missing kept as NAN, flags read. */
  g_assert_cmpfloat (g_array_index (a->points, KaravanPoint, 0).x, ==, 2020);
  g_assert_true (isnan (g_array_index (a->points, KaravanPoint, 1).y));
  g_assert_cmpuint (a->n_present, ==, 3);
  g_assert_cmpfloat (a->y_max, ==, 147404);
  p = karavan_series_find_point (a, 2025);
  g_assert_nonnull (p);
  g_assert_true (p->flags & KARAVAN_POINT_PARTIAL);
  g_assert_cmpint (p->relation, ==, KARAVAN_RELATION_APPROX);
  g_assert_cmpstr (karavan_text_get (&karavan_series_get_extra (a, p)->period, KARAVAN_LANG_KK), ==, "Jan–Sep");
  g_assert_cmpstr (karavan_text_get (&a->title, KARAVAN_LANG_KK), ==, "А");

  b = karavan_dataset_find_series (dataset, "b");
  g_assert_cmpuint (b->points->len, ==, 4);
  g_assert_cmpfloat (g_array_index (b->points, KaravanPoint, 3).x, ==, 11.5);
  g_assert_cmpfloat (g_array_index (b->points, KaravanPoint, 3).y, ==, 45);
  g_assert_true (g_array_index (b->points, KaravanPoint, 2).flags & KARAVAN_POINT_MISSING);

  chart = karavan_dataset_find_view (dataset, "c");
  g_assert_cmpint (chart->kind, ==, KARAVAN_VIEW_CHART);
  g_assert_cmpuint (chart->chart->growths->len, ==, 1);
  /* The chart names a timeline that comes later in the file. */
  g_assert_nonnull (chart->chart->events_timeline);
  g_assert_cmpuint (chart->chart->events->len, ==, 1);

  timeline = karavan_dataset_find_view (dataset, "tl");
  g_assert_cmpuint (timeline->timeline->events->len, ==, 2);
  /* Sorted by date; white space collapsed. */
  g_assert_cmpstr (((KaravanEvent *) timeline->timeline->events->pdata[0])->id, ==, "e1");
  g_assert_cmpstr (karavan_text_get (&((KaravanEvent *) timeline->timeline->events->pdata[0])->title, KARAVAN_LANG_EN),
                   ==, "Agreement signed");
  g_assert_true (((KaravanEvent *) timeline->timeline->events->pdata[1])->is_range);

  table = karavan_dataset_find_view (dataset, "tb");
  g_assert_cmpint (g_array_index ((GArray *) table->table->rows->pdata[0], KaravanCell, 1).relation, ==, KARAVAN_RELATION_GT);

  lesson = karavan_dataset_find_view (dataset, "l");
  g_assert_cmpuint (lesson->lesson->steps->len, ==, 2);
  g_assert_true (((KaravanStep *) lesson->lesson->steps->pdata[1])->view == chart);

  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_not_well_formed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = load (HEAD "  <series id=\"a\"\n</dataset>\n", &error);

  g_assert_null (dataset);
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:6:"));
}

static void
test_empty_and_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = load ("", &error);

  g_assert_null (dataset);
  g_assert_cmpstr (error->message, ==, "test.xml:1:1: error: the file is empty");
  g_clear_error (&error);

  dataset = load ("hello\xff\xfe world", &error);
  g_assert_null (dataset);
  g_assert_cmpstr (error->message, ==, "test.xml:1:6: error: the file is not valid UTF-8 here");
}

static void
test_doctype (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = load ("<?xml version=\"1.0\"?>\n"
                                            "<!DOCTYPE dataset [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
                                            "<dataset>&x;</dataset>\n", &error);

  g_assert_null (dataset);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:2:1: error: a DOCTYPE is not allowed"));
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_wrong_root (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = load ("<?xml version=\"1.0\"?>\n\n  <dataset version=\"1\" id=\"x\"/>\n", &error);

  g_assert_null (dataset);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:3:3: error: this is not a Karavan dataset"));
}

static void
test_schema_error (void)
{
  /* <sources> is missing its <source>: the schema says where. */
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = load ("<?xml version=\"1.0\"?>\n"
                                            "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"t\">\n"
                                            "  <title xml:lang=\"en\">T</title>\n"
                                            "    <sources/>\n"
                                            "</dataset>\n", &error);

  g_assert_null (dataset);
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:4:5: error: "));
}

static void
test_decimal_comma (void)
{
  expect_error ("  <series id=\"a\" sources=\"s\"><title xml:lang=\"en\">A</title><definition xml:lang=\"en\">d</definition>\n"
                "    <points><point x=\"2020\" y=\"12,5\"/></points></series>\n",
                "6:29", "write a decimal point, not a comma (12.5)");
}

static void
test_compact_values_error (void)
{
  /* The bad token's own position, inside the text. */
  expect_error ("  <series id=\"a\" sources=\"s\"><title xml:lang=\"en\">A</title><definition xml:lang=\"en\">d</definition>\n"
                "    <values start=\"2000\">1 2\n      3 x4 5</values></series>\n",
                "7:9", "“x4” is not a number");
}

static void
test_dangling_reference (void)
{
  expect_error ("  <series id=\"a\" sources=\"s nosuch\"><title xml:lang=\"en\">A</title><definition xml:lang=\"en\">d</definition>\n"
                "    <points/></series>\n",
                "5:18", "sources “nosuch” refers to nothing");
}

static void
test_duplicate_id (void)
{
  expect_error ("  <series id=\"a\" sources=\"s\"><title xml:lang=\"en\">A</title><definition xml:lang=\"en\">d</definition><points/></series>\n"
                "  <chart type=\"line\" id=\"a\" series=\"a\"><title xml:lang=\"en\">C</title></chart>\n",
                "6:22", "the id “a” is used more than once");
}

static void
test_wrong_kind_reference (void)
{
  expect_error ("  <chart id=\"c\" type=\"line\" series=\"s\"><title xml:lang=\"en\">C</title></chart>\n",
                "5:29", "series “s” must name a series, but names a source");
}

static void
test_repeated_language (void)
{
  expect_error ("  <series id=\"a\" sources=\"s\"><title xml:lang=\"en\">A</title>\n"
                "    <title xml:lang=\"en\">B</title><definition xml:lang=\"en\">d</definition><points/></series>\n",
                "6:12", "repeats xml:lang=\"en\"");
}

static void
test_bad_x (void)
{
  expect_error ("  <series id=\"a\" sources=\"s\" x-type=\"month\"><title xml:lang=\"en\">A</title><definition xml:lang=\"en\">d</definition>\n"
                "    <points><point y=\"1\" x=\"2024-13\"/></points></series>\n",
                "6:26", "x “2024-13” is not a month such as 2024-03");
}

static void
test_duplicate_x (void)
{
  expect_error ("  <series id=\"a\" sources=\"s\"><title xml:lang=\"en\">A</title><definition xml:lang=\"en\">d</definition>\n"
                "    <points><point x=\"2020\" y=\"1\"/><point x=\"2020\" y=\"2\"/></points></series>\n",
                "5:3", "two points at the same x");
}

static void
test_range_backwards (void)
{
  expect_error ("  <timeline id=\"tl\"><title xml:lang=\"en\">T</title><category id=\"d\"><label xml:lang=\"en\">D</label></category>\n"
                "    <event id=\"e\" category=\"d\" sources=\"s\" from=\"1994\" to=\"1993\"><title xml:lang=\"en\">E</title></event></timeline>\n",
                "6:56", "the range ends (1993) before it starts (1994)");
}

static void
test_table_shape (void)
{
  expect_error ("  <table id=\"tb\" sources=\"s\"><title xml:lang=\"en\">T</title>\n"
                "    <column id=\"a\"><title xml:lang=\"en\">A</title></column><column id=\"b\" type=\"number\"><title xml:lang=\"en\">B</title></column>\n"
                "    <row><cell value=\"1\"/></row></table>\n",
                "7:16", "column “a” holds text, not numbers");
}

static void
test_lesson_step (void)
{
  expect_error ("  <lesson id=\"l\"><title xml:lang=\"en\">L</title>\n"
                "    <step view=\"nope\"/></lesson>\n",
                "6:11", "view “nope” refers to nothing");
}

static void
test_utf16 (void)
{
  g_autofree char *text = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                                       "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"t\">\n"
                                       "  <title xml:lang=\"kk\">Қазақстан</title>\n"
                                       "  <sources><source id=\"s\"><citation xml:lang=\"en\">C</citation></source></sources>\n",
                                       "</dataset>\n", NULL);
  gsize len = 0;
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = NULL;

  g_byte_array_append (data, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (data, (const guint8 *) utf16, len);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  dataset = karavan_dataset_load_bytes (bytes, "utf16.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (karavan_text_get (karavan_dataset_get_title (dataset), KARAVAN_LANG_KK), ==, "Қазақстан");
}

static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new (HEAD);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append (deep, "<note>");
  for (int i = 0; i < 100; i++)
    g_string_append (deep, "</note>");
  g_string_append (deep, "</dataset>\n");
  dataset = load (deep->str, &error);
  g_assert_null (dataset);
  g_assert_nonnull (strstr (error->message, "nested more than 64 deep"));
}

static void
test_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = karavan_list_bundled_datasets (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (paths->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (dataset);
    }
}

/* A file of @n values in one series, in the compact form. */
static char *
big_dataset (guint n)
{
  GString *s = g_string_new (HEAD);

  g_string_append (s, "  <series id=\"a\" sources=\"s\" x-type=\"number\">\n"
                      "    <title xml:lang=\"en\">A</title>\n"
                      "    <unit xml:lang=\"en\">units</unit>\n"
                      "    <definition xml:lang=\"en\">A walk.</definition>\n"
                      "    <values start=\"0\" step=\"1\">");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%u.25%c", 1000 + i % 997, i % 16 == 15 ? '\n' : ' ');
  g_string_append (s, "</values>\n  </series>\n</dataset>\n");

  return g_string_free (s, FALSE);
}

typedef struct {
  GArray       *fractions;
  GCancellable *cancel_at_half;
} Progress;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  Progress *p = user_data;

  g_array_append_val (p->fractions, fraction);
  if (p->cancel_at_half != NULL && fraction >= 0.5)
    g_cancellable_cancel (p->cancel_at_half);
}

static void
test_progress (void)
{
  g_autofree char *text = big_dataset (400000);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress p = { fractions, NULL };
  int fd = g_file_open_tmp ("karavan-progress-XXXXXX.xml", &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  close (fd);

  dataset = karavan_dataset_load_file_full (path, NULL, record_progress, &p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (karavan_dataset_get_series (dataset)->len, ==, 1);

  /* Several steps while parsing, never backwards, and the end last. */
  g_assert_cmpuint (fractions->len, >=, 5);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, 0), >, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  g_unlink (path);
}

static void
test_cancel (void)
{
  char *text = big_dataset (400000);
  gsize len = strlen (text);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, len);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress p = { fractions, cancellable };
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = NULL;
  g_autoptr(KaravanDataset) again = NULL;

  /* Cancelled halfway through the parse: no dataset, the cancel error,
   * and no progress after it. */
  dataset = karavan_dataset_load_bytes_full (bytes, "big.xml", cancellable, record_progress, &p, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 0.8);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  dataset = karavan_dataset_load_bytes_full (bytes, "big.xml", cancellable, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The same bytes load when nobody cancels. */
  again = karavan_dataset_load_bytes_full (bytes, "big.xml", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Karavan/Loader/valid", test_valid);
  g_test_add_func ("/Karavan/Loader/not-well-formed", test_not_well_formed);
  g_test_add_func ("/Karavan/Loader/empty-and-garbage", test_empty_and_garbage);
  g_test_add_func ("/Karavan/Loader/doctype", test_doctype);
  g_test_add_func ("/Karavan/Loader/wrong-root", test_wrong_root);
  g_test_add_func ("/Karavan/Loader/schema-error", test_schema_error);
  g_test_add_func ("/Karavan/Loader/decimal-comma", test_decimal_comma);
  g_test_add_func ("/Karavan/Loader/compact-values-error", test_compact_values_error);
  g_test_add_func ("/Karavan/Loader/dangling-reference", test_dangling_reference);
  g_test_add_func ("/Karavan/Loader/duplicate-id", test_duplicate_id);
  g_test_add_func ("/Karavan/Loader/wrong-kind-reference", test_wrong_kind_reference);
  g_test_add_func ("/Karavan/Loader/repeated-language", test_repeated_language);
  g_test_add_func ("/Karavan/Loader/bad-x", test_bad_x);
  g_test_add_func ("/Karavan/Loader/duplicate-x", test_duplicate_x);
  g_test_add_func ("/Karavan/Loader/range-backwards", test_range_backwards);
  g_test_add_func ("/Karavan/Loader/table-shape", test_table_shape);
  g_test_add_func ("/Karavan/Loader/progress", test_progress);
  g_test_add_func ("/Karavan/Loader/cancel", test_cancel);
  g_test_add_func ("/Karavan/Loader/lesson-step", test_lesson_step);
  g_test_add_func ("/Karavan/Loader/utf16", test_utf16);
  g_test_add_func ("/Karavan/Loader/limits", test_limits);
  g_test_add_func ("/Karavan/Loader/bundled", test_bundled);

  return g_test_run ();
}
