/* test-deck.c: lessons as decks, and saving one into a user's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "karavan-core.h"
#include "karavan-deck.h"

static char *tmpdir;

static KaravanDataset *
load_bundled (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = karavan_get_datasets_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  KaravanDataset *dataset = karavan_dataset_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* A copy of tests/teaching/my-dataset.xml in the test's own folder. */
static char *
copy_fixture (const char *name,
              char      **out_contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_build_filename (TESTS_SRCDIR, "teaching", "my-dataset.xml", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);
  gsize length;

  g_file_get_contents (src, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  if (out_contents)
    *out_contents = g_steal_pointer (&contents);
  return path;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The bundled lesson tells the article's story in eight steps, each with
 * a title and a note in the three languages. */
static void
test_bundled_lesson (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ("kazakhstan-china.xml");
  KaravanView *lesson = karavan_dataset_find_view (dataset, "story");
  g_autoptr(KaravanDeck) deck = NULL;
  static const KaravanReveal reveals[] = {
    KARAVAN_REVEAL_POINTS, KARAVAN_REVEAL_ERAS, KARAVAN_REVEAL_NONE, KARAVAN_REVEAL_POINTS,
    KARAVAN_REVEAL_POINTS, KARAVAN_REVEAL_SERIES, KARAVAN_REVEAL_SERIES, KARAVAN_REVEAL_SERIES,
  };

  g_assert_nonnull (lesson);
  g_assert_cmpint (lesson->kind, ==, KARAVAN_VIEW_LESSON);

  deck = karavan_deck_new_from_lesson (dataset, lesson);
  g_assert_cmpstr (karavan_deck_get_id (deck), ==, "story");
  g_assert_true (karavan_deck_get_dataset (deck) == dataset);
  g_assert_cmpuint (karavan_deck_get_n_steps (deck), ==, G_N_ELEMENTS (reveals));

  for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
    g_assert_true (karavan_text_has (karavan_deck_get_title (deck), l));

  for (guint i = 0; i < karavan_deck_get_n_steps (deck); i++)
    {
      const KaravanDeckStep *step = karavan_deck_get_step (deck, i);

      g_assert_cmpint (step->reveal, ==, reveals[i]);
      g_assert_true (step->dataset == dataset);
      g_assert_cmpint (step->view->kind, !=, KARAVAN_VIEW_LESSON);
      g_assert_false (step->has_lang);
      for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
        {
          g_assert_true (karavan_text_has (&step->title, l));
          g_assert_true (karavan_text_has (&step->note, l));
        }
    }

  /* The deck holds its dataset: it outlives the caller's reference. */
  g_assert_cmpstr (karavan_deck_get_step (deck, 0)->view->id, ==, "exports-growth");
}

/* Adding, moving and removing steps; what each view unfolds by. */
static void
test_edit (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ("kazakhstan-china.xml");
  g_autoptr(KaravanDeck) deck = karavan_deck_new (NULL);
  KaravanRenderOptions toggles, base, out;
  KaravanDeckStep *step;
  const char *ids[] = { "exports-growth", "relations", "survey-culture", "exports-measures", "imports-2023" };

  g_assert_cmpstr (karavan_deck_get_id (deck), ==, "lesson");
  g_assert_false (karavan_deck_set_id (deck, "1st lesson"));
  g_assert_cmpstr (karavan_deck_get_id (deck), ==, "lesson");
  g_assert_true (karavan_deck_set_id (deck, "my-lesson"));
  g_assert_cmpstr (karavan_deck_get_id (deck), ==, "my-lesson");
  g_assert_null (karavan_deck_get_dataset (deck));

  karavan_render_options_init (&toggles, KARAVAN_LANG_KK);
  toggles.hidden_series = 0x2;
  toggles.hidden_categories = 0x4;
  toggles.show_events = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (karavan_deck_add_view (deck, dataset, karavan_dataset_find_view (dataset, ids[i]),
                                             i == 3 ? &toggles : NULL));
  /* A lesson is not a step. */
  g_assert_null (karavan_deck_add_view (deck, dataset, karavan_dataset_find_view (dataset, "story"), NULL));
  g_assert_cmpuint (karavan_deck_get_n_steps (deck), ==, 5);
  g_assert_true (karavan_deck_get_dataset (deck) == dataset);

  g_assert_cmpint (karavan_deck_get_step (deck, 0)->reveal, ==, KARAVAN_REVEAL_POINTS);  /* line */
  g_assert_cmpint (karavan_deck_get_step (deck, 1)->reveal, ==, KARAVAN_REVEAL_ERAS);    /* timeline */
  g_assert_cmpint (karavan_deck_get_step (deck, 2)->reveal, ==, KARAVAN_REVEAL_NONE);    /* table */
  g_assert_cmpint (karavan_deck_get_step (deck, 3)->reveal, ==, KARAVAN_REVEAL_SERIES);  /* grouped bars */
  g_assert_cmpint (karavan_deck_get_step (deck, 4)->reveal, ==, KARAVAN_REVEAL_SERIES);  /* bars of several series */

  /* The window's toggles travel with the step. */
  step = karavan_deck_get_step (deck, 3);
  g_assert_true (step->has_lang);
  g_assert_cmpint (step->lang, ==, KARAVAN_LANG_KK);
  karavan_render_options_init (&base, KARAVAN_LANG_RU);
  base.reveal = 2;
  karavan_deck_step_get_render_options (step, &base, &out);
  g_assert_cmpint (out.lang, ==, KARAVAN_LANG_KK);
  g_assert_cmphex (out.hidden_series, ==, 0x2);
  g_assert_cmphex (out.hidden_categories, ==, 0x4);
  g_assert_true (out.show_events);
  g_assert_cmpint (out.reveal, ==, 2);
  g_assert_cmpint (out.reveal_kind, ==, KARAVAN_REVEAL_SERIES);
  /* A step without a language of its own takes the presentation's; one
   * that does not unfold shows everything. */
  karavan_deck_step_get_render_options (karavan_deck_get_step (deck, 2), &base, &out);
  g_assert_cmpint (out.lang, ==, KARAVAN_LANG_RU);
  g_assert_cmpint (out.reveal, ==, -1);

  g_assert_true (karavan_deck_move_step (deck, 4, 0));
  g_assert_cmpstr (karavan_deck_get_step (deck, 0)->view->id, ==, "imports-2023");
  g_assert_cmpstr (karavan_deck_get_step (deck, 1)->view->id, ==, "exports-growth");
  g_assert_true (karavan_deck_move_step (deck, 0, 2));
  g_assert_cmpstr (karavan_deck_get_step (deck, 0)->view->id, ==, "exports-growth");
  g_assert_cmpstr (karavan_deck_get_step (deck, 1)->view->id, ==, "relations");
  g_assert_cmpstr (karavan_deck_get_step (deck, 2)->view->id, ==, "imports-2023");
  g_assert_false (karavan_deck_move_step (deck, 0, 5));
  g_assert_false (karavan_deck_move_step (deck, 5, 0));

  g_assert_true (karavan_deck_remove_step (deck, 1));
  g_assert_false (karavan_deck_remove_step (deck, 4));
  g_assert_cmpuint (karavan_deck_get_n_steps (deck), ==, 4);
  g_assert_cmpstr (karavan_deck_get_step (deck, 1)->view->id, ==, "imports-2023");

  /* Titles and notes: empty brings back the view's own. */
  step = karavan_deck_get_step (deck, 0);
  karavan_deck_step_set_title (step, KARAVAN_LANG_EN, "Growth");
  g_assert_cmpstr (karavan_text_get (&step->title, KARAVAN_LANG_KK), ==, "Growth");
  karavan_deck_step_set_title (step, KARAVAN_LANG_EN, "");
  g_assert_true (karavan_text_is_empty (&step->title));
}

/* A new lesson goes after the last view; the rest of the file stays as
 * it was, byte for byte; the file loads with the lesson in it. */
static void
test_save_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *path = copy_fixture ("new.xml", &original);
  g_autoptr(KaravanDataset) mine = karavan_dataset_load_file (path, &error);
  g_autoptr(KaravanDataset) again = NULL;
  g_autoptr(KaravanDeck) deck = karavan_deck_new ("tour");
  g_autoptr(KaravanDeck) reread = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *xml_again = NULL;
  const char *anchor = "\n  <!-- The end of the views. -->";
  const char *at;
  KaravanDeckStep *step;
  KaravanView *lesson;

  g_assert_no_error (error);
  karavan_deck_set_title (deck, KARAVAN_LANG_RU, "Экскурсия");
  karavan_deck_set_title (deck, KARAVAN_LANG_KK, "Саяхат");
  karavan_deck_set_title (deck, KARAVAN_LANG_EN, "A tour & a <test>");
  step = karavan_deck_add_view (deck, mine, karavan_dataset_find_view (mine, "growth"), NULL);
  karavan_deck_step_set_title (step, KARAVAN_LANG_RU, "Рост");
  karavan_deck_step_set_note (step, KARAVAN_LANG_EN, "Ask: \"why?\"");
  karavan_deck_add_view (deck, mine, karavan_dataset_find_view (mine, "history"), NULL);
  karavan_deck_add_view (deck, mine, karavan_dataset_find_view (mine, "both"), NULL);
  karavan_deck_add_view (deck, mine, karavan_dataset_find_view (mine, "facts"), NULL);

  g_assert_true (karavan_deck_save_to_file (deck, path, &error));
  g_assert_no_error (error);

  /* Byte for byte: the original with the lesson after the last view. */
  saved = read_file (path);
  xml = karavan_deck_to_xml (deck, "  ");
  g_strchomp (xml);
  at = strstr (original, anchor);
  g_assert_nonnull (at);
  expected = g_strdup_printf ("%.*s\n%s%s", (int) (at - original), original, xml, at);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_nonnull (strstr (saved, "A tour &amp; a &lt;test&gt;"));

  /* It loads, with the lesson as the deck was. */
  again = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  lesson = karavan_dataset_find_view (again, "tour");
  g_assert_nonnull (lesson);
  g_assert_cmpint (lesson->kind, ==, KARAVAN_VIEW_LESSON);
  g_assert_cmpuint (lesson->lesson->steps->len, ==, 4);
  reread = karavan_deck_new_from_lesson (again, lesson);
  g_assert_cmpint (karavan_deck_get_step (reread, 0)->reveal, ==, KARAVAN_REVEAL_POINTS);
  g_assert_cmpint (karavan_deck_get_step (reread, 1)->reveal, ==, KARAVAN_REVEAL_ERAS);
  g_assert_cmpint (karavan_deck_get_step (reread, 2)->reveal, ==, KARAVAN_REVEAL_SERIES);
  g_assert_cmpint (karavan_deck_get_step (reread, 3)->reveal, ==, KARAVAN_REVEAL_NONE);
  g_assert_cmpstr (karavan_text_get (&karavan_deck_get_step (reread, 0)->note, KARAVAN_LANG_EN), ==, "Ask: \"why?\"");
  g_assert_cmpstr (karavan_text_get (karavan_deck_get_title (reread), KARAVAN_LANG_EN), ==, "A tour & a <test>");
  xml_again = karavan_deck_to_xml (reread, "  ");
  g_strchomp (xml_again);
  g_assert_cmpstr (xml_again, ==, xml);
  /* The other lesson is still there. */
  g_assert_nonnull (karavan_dataset_find_view (again, "old"));
}

/* Saving a lesson under an existing lesson's id replaces it in place. */
static void
test_save_replace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *path = copy_fixture ("replace.xml", &original);
  g_autoptr(KaravanDataset) mine = karavan_dataset_load_file (path, &error);
  g_autoptr(KaravanDataset) again = NULL;
  g_autoptr(KaravanDeck) deck = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *expected = NULL;
  const char *start, *end;
  KaravanView *lesson;

  g_assert_no_error (error);
  deck = karavan_deck_new_from_lesson (mine, karavan_dataset_find_view (mine, "old"));
  karavan_deck_add_view (deck, mine, karavan_dataset_find_view (mine, "history"), NULL);
  karavan_deck_move_step (deck, 1, 0);

  g_assert_true (karavan_deck_save_to_file (deck, path, &error));
  g_assert_no_error (error);

  saved = read_file (path);
  xml = karavan_deck_to_xml (deck, "  ");
  g_strstrip (xml);
  start = strstr (original, "<lesson id=\"old\">");
  end = strstr (original, "</lesson>") + strlen ("</lesson>");
  expected = g_strdup_printf ("%.*s%s%s", (int) (start - original), original, xml, end);
  g_assert_cmpstr (saved, ==, expected);

  again = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  lesson = karavan_dataset_find_view (again, "old");
  g_assert_cmpuint (lesson->lesson->steps->len, ==, 2);
  g_assert_cmpstr (((KaravanStep *) lesson->lesson->steps->pdata[0])->view->id, ==, "history");
}

static void
assert_unchanged (const char *path,
                  const char *original)
{
  g_autofree char *now = read_file (path);
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  g_assert_cmpstr (now, ==, original);
  /* No temporary file is left behind. */
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');
}

/* Every refusal leaves the file as it was. */
static void
test_save_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *path = copy_fixture ("refused.xml", &original);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.xml", NULL);
  g_autofree char *broken = g_build_filename (tmpdir, "broken.xml", NULL);
  g_autoptr(KaravanDataset) mine = karavan_dataset_load_file (path, &error);
  g_autoptr(KaravanDataset) bundled = load_bundled ("kazakhstan-china.xml");
  g_autoptr(KaravanDeck) deck = NULL;
  g_autoptr(KaravanDeck) empty = karavan_deck_new ("empty");
  g_autoptr(KaravanDeck) untitled = karavan_deck_new ("untitled");

  g_assert_no_error (error);

  /* A view of another file. */
  deck = karavan_deck_new ("mixed");
  karavan_deck_set_title (deck, KARAVAN_LANG_EN, "Mixed");
  karavan_deck_add_view (deck, mine, karavan_dataset_find_view (mine, "growth"), NULL);
  karavan_deck_add_view (deck, bundled, karavan_dataset_find_view (bundled, "exports-measures"), NULL);
  g_assert_false (karavan_deck_save_to_file (deck, path, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "exports-measures"));
  g_clear_error (&error);
  assert_unchanged (path, original);

  /* An id that belongs to a chart. */
  karavan_deck_remove_step (deck, 1);
  g_assert_true (karavan_deck_set_id (deck, "growth"));
  g_assert_false (karavan_deck_save_to_file (deck, path, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "growth"));
  g_clear_error (&error);
  assert_unchanged (path, original);

  /* No steps; no title. */
  karavan_deck_set_title (empty, KARAVAN_LANG_EN, "Empty");
  g_assert_false (karavan_deck_save_to_file (empty, path, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_clear_error (&error);
  karavan_deck_add_view (untitled, mine, karavan_dataset_find_view (mine, "growth"), NULL);
  g_assert_false (karavan_deck_save_to_file (untitled, path, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID);
  g_clear_error (&error);
  assert_unchanged (path, original);

  /* No file; a file that is not a dataset. */
  g_assert_true (karavan_deck_set_id (deck, "fine"));
  g_assert_false (karavan_deck_save_to_file (deck, missing, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_file_set_contents (broken, "<dataset>", -1, &error);
  g_assert_no_error (error);
  g_assert_false (karavan_deck_save_to_file (deck, broken, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_unchanged (broken, "<dataset>");

  /* And the same deck saves where its views are. */
  g_assert_true (karavan_deck_save_to_file (deck, path, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("karavan-deck-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/Karavan/Deck/bundled-lesson", test_bundled_lesson);
  g_test_add_func ("/Karavan/Deck/edit", test_edit);
  g_test_add_func ("/Karavan/Deck/save-new", test_save_new);
  g_test_add_func ("/Karavan/Deck/save-replace", test_save_replace);
  g_test_add_func ("/Karavan/Deck/save-refused", test_save_refused);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (tmpdir);
  g_free (tmpdir);

  return status;
}
