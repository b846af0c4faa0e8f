/* test-datasets.c: the bundled data is complete and true to its sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "karavan-core.h"

static GPtrArray *
load_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = karavan_list_bundled_datasets (&error);
  GPtrArray *datasets = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < paths->len; i++)
    {
      KaravanDataset *dataset = karavan_dataset_load_file (paths->pdata[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (datasets, dataset);
    }
  return datasets;
}

/* Every text in ru, kk and en. */
static void
check_text (const KaravanText *text,
            const char        *where,
            gboolean           required)
{
  if (!required && karavan_text_is_empty (text))
    return;
  for (KaravanLang l = 0; l < KARAVAN_N_LANGS; l++)
    if (!karavan_text_has (text, l))
      g_error ("%s has no %s text", where, karavan_lang_to_string (l));
}

static void
test_three_languages (void)
{
  g_autoptr(GPtrArray) datasets = load_all ();

  for (guint d = 0; d < datasets->len; d++)
    {
      KaravanDataset *dataset = datasets->pdata[d];
      GPtrArray *sources = karavan_dataset_get_sources (dataset);
      GPtrArray *series = karavan_dataset_get_series (dataset);
      GPtrArray *views = karavan_dataset_get_views (dataset);

      check_text (karavan_dataset_get_title (dataset), karavan_dataset_get_id (dataset), TRUE);
      for (guint i = 0; i < sources->len; i++)
        {
          KaravanSource *source = sources->pdata[i];

          check_text (&source->citation, source->id, TRUE);
          check_text (&source->note, source->id, FALSE);
        }
      for (guint i = 0; i < series->len; i++)
        {
          KaravanSeries *s = series->pdata[i];

          check_text (&s->title, s->id, TRUE);
          check_text (&s->definition, s->id, TRUE);
          check_text (&s->unit, s->id, FALSE);
          check_text (&s->note, s->id, FALSE);
          for (guint c = 0; c < s->categories->len; c++)
            check_text (&((KaravanCategory *) s->categories->pdata[c])->label, s->id, TRUE);
          for (guint e = 0; e < s->extras->len; e++)
            {
              KaravanPointExtra *extra = s->extras->pdata[e];

              check_text (&extra->period, s->id, FALSE);
              check_text (&extra->note, s->id, FALSE);
            }
          /* Every series rests on a source. */
          g_assert_cmpuint (s->sources->len, >, 0);
        }
      for (guint i = 0; i < views->len; i++)
        {
          KaravanView *view = views->pdata[i];

          check_text (&view->title, view->id, TRUE);
          check_text (&view->subtitle, view->id, FALSE);
          check_text (&view->note, view->id, FALSE);
          check_text (&view->description, view->id, FALSE);
          if (view->kind == KARAVAN_VIEW_TABLE)
            {
              g_assert_cmpuint (view->sources->len, >, 0);
              for (guint c = 0; c < view->table->columns->len; c++)
                check_text (&((KaravanColumn *) view->table->columns->pdata[c])->title, view->id, TRUE);
              for (guint r = 0; r < view->table->rows->len; r++)
                {
                  GArray *row = view->table->rows->pdata[r];

                  for (guint c = 0; c < row->len; c++)
                    check_text (&g_array_index (row, KaravanCell, c).text, view->id, FALSE);
                }
            }
          if (view->kind == KARAVAN_VIEW_TIMELINE)
            for (guint e = 0; e < view->timeline->events->len; e++)
              {
                KaravanEvent *event = view->timeline->events->pdata[e];

                check_text (&event->title, event->id, TRUE);
                check_text (&event->short_title, event->id, FALSE);
                check_text (&event->description, event->id, TRUE);
                g_assert_cmpuint (event->sources->len, >, 0);
                for (guint c = 0; c < event->corrections->len; c++)
                  {
                    KaravanCorrection *correction = event->corrections->pdata[c];

                    check_text (&correction->text, event->id, TRUE);
                    g_assert_cmpuint (correction->sources->len, >, 0);
                  }
              }
          if (view->kind == KARAVAN_VIEW_LESSON)
            for (guint s = 0; s < view->lesson->steps->len; s++)
              {
                KaravanStep *step = view->lesson->steps->pdata[s];

                check_text (&step->title, view->id, FALSE);
                check_text (&step->note, view->id, FALSE);
              }
        }
    }
}

static KaravanView *
find (GPtrArray  *datasets,
      const char *id)
{
  KaravanView *view = karavan_find_view (datasets, id, NULL);

  g_assert_nonnull (view);
  return view;
}

/* Every dated event of the article (data-sources.md, section C). */
static void
test_timeline_events (void)
{
  g_autoptr(GPtrArray) datasets = load_all ();
  KaravanView *view = find (datasets, "relations");
  static const struct { int year, month, day, to_year; } article[] = {
    { 1991 }, { 1992, 8 }, { 1993, 0, 0, 1994 }, { 1998, 5, 7 }, { 2001 }, { 2005 }, { 2013 },
    { 2015, 0, 0, 2020 }, { 2017, 6 }, { 2019 }, { 2021 }, { 2022 }, { 2022, 12 }, { 2023 },
    { 2024 }, { 2024, 6 }, { 2024, 8 }, { 2024, 11 }, { 2024, 7 }, { 2025 },
  };
  guint ranges = 0;

  g_assert_cmpuint (view->timeline->events->len, >=, 30);
  for (guint i = 0; i < G_N_ELEMENTS (article); i++)
    {
      gboolean found = FALSE;

      for (guint e = 0; e < view->timeline->events->len && !found; e++)
        {
          KaravanEvent *event = view->timeline->events->pdata[e];

          found = event->from.year == article[i].year &&
                  (article[i].month == 0 || event->from.month == article[i].month) &&
                  (article[i].day == 0 || event->from.day == article[i].day) &&
                  (article[i].to_year == 0 || (event->is_range && event->to.year == article[i].to_year));
        }
      if (!found)
        g_error ("no event for %d-%02d-%02d", article[i].year, article[i].month, article[i].day);
    }

  /* 1993–1994 is a range. */
  for (guint e = 0; e < view->timeline->events->len; e++)
    {
      KaravanEvent *event = view->timeline->events->pdata[e];

      if (event->is_range)
        ranges++;
      if (event->from.year == 1993 && event->is_range)
        g_assert_cmpint (event->to.year, ==, 1994);
    }
  g_assert_cmpuint (ranges, >=, 2);
}

/* The article's own numbers. */
static void
test_article_numbers (void)
{
  g_autoptr(GPtrArray) datasets = load_all ();
  KaravanView *view = find (datasets, "exports-growth");
  KaravanSeries *series = view->chart->series->pdata[0];

  g_assert_cmpfloat (karavan_series_find_point (series, 2020)->y, ==, 7439);
  g_assert_cmpfloat (karavan_series_find_point (series, 2024)->y, ==, 124234);
  g_assert_cmpuint (view->chart->growths->len, >=, 1);
  g_assert_nonnull (view->chart->events);
  g_assert_cmpuint (view->chart->events->len, >=, 3);
}

/* Every chart type is used at least once. */
static void
test_every_chart_type (void)
{
  g_autoptr(GPtrArray) datasets = load_all ();
  gboolean used[KARAVAN_N_CHART_TYPES] = { 0 };

  for (guint d = 0; d < datasets->len; d++)
    {
      GPtrArray *views = karavan_dataset_get_views (datasets->pdata[d]);

      for (guint i = 0; i < views->len; i++)
        if (((KaravanView *) views->pdata[i])->kind == KARAVAN_VIEW_CHART)
          used[((KaravanView *) views->pdata[i])->chart->type] = TRUE;
    }
  for (guint t = 0; t < KARAVAN_N_CHART_TYPES; t++)
    if (!used[t])
      g_error ("no bundled chart of type %s", karavan_chart_type_to_string (t));
}

static void
test_lesson (void)
{
  g_autoptr(GPtrArray) datasets = load_all ();
  KaravanView *view = find (datasets, "story");

  g_assert_cmpuint (view->lesson->steps->len, >=, 6);
  g_assert_cmpuint (view->lesson->steps->len, <=, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Karavan/Datasets/three-languages", test_three_languages);
  g_test_add_func ("/Karavan/Datasets/timeline-events", test_timeline_events);
  g_test_add_func ("/Karavan/Datasets/article-numbers", test_article_numbers);
  g_test_add_func ("/Karavan/Datasets/every-chart-type", test_every_chart_type);
  g_test_add_func ("/Karavan/Datasets/lesson", test_lesson);

  return g_test_run ();
}
