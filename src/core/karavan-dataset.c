/* karavan-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "karavan-dataset-private.h"
#include "karavan-error.h"

#define HUGE_PAGE ((gsize) 2 * 1024 * 1024)

/* Only the whole 2 MiB pages inside [@mem, @mem + @len) can be huge;
 * smaller buffers are left alone. A hint: nothing fails without it. */
void
_karavan_advise_huge_pages (gpointer mem,
                            gsize    len)
{
#ifdef MADV_HUGEPAGE
  guintptr start = ((guintptr) mem + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1);
  guintptr end = ((guintptr) mem + len) & ~(guintptr) (HUGE_PAGE - 1);

  if (len >= 2 * HUGE_PAGE && end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

/* @len bytes on huge-page boundaries, for g_free()/free(). */
gpointer
_karavan_alloc_huge (gsize len)
{
  void *mem = NULL;

  if (len < 2 * HUGE_PAGE || posix_memalign (&mem, HUGE_PAGE, len) != 0)
    return g_malloc (len);
  _karavan_advise_huge_pages (mem, len);
  return mem;
}

G_DEFINE_QUARK (karavan-error-quark, karavan_error)

G_DEFINE_FINAL_TYPE (KaravanDataset, karavan_dataset, G_TYPE_OBJECT)

static const char *chart_type_names[KARAVAN_N_CHART_TYPES] = {
  [KARAVAN_CHART_LINE] = "line",
  [KARAVAN_CHART_BAR] = "bar",
  [KARAVAN_CHART_GROUPED_BAR] = "grouped-bar",
  [KARAVAN_CHART_STACKED_BAR] = "stacked-bar",
  [KARAVAN_CHART_PERCENT_BAR] = "percent-bar",
  [KARAVAN_CHART_AREA] = "area",
  [KARAVAN_CHART_DONUT] = "donut",
  [KARAVAN_CHART_HBAR] = "hbar",
};

void
_karavan_source_free (KaravanSource *source)
{
  g_free (source->id);
  g_free (source->url);
  g_free (source->publisher);
  g_free (source->published);
  g_free (source->accessed);
  karavan_text_clear (&source->citation);
  karavan_text_clear (&source->note);
  g_free (source);
}

static void
category_free (KaravanCategory *category)
{
  g_free (category->id);
  karavan_text_clear (&category->label);
  g_free (category);
}

static void
extra_free (KaravanPointExtra *extra)
{
  karavan_text_clear (&extra->period);
  karavan_text_clear (&extra->note);
  g_clear_pointer (&extra->sources, g_ptr_array_unref);
  g_free (extra);
}

void
_karavan_series_free (KaravanSeries *series)
{
  g_free (series->id);
  karavan_text_clear (&series->title);
  karavan_text_clear (&series->unit);
  karavan_text_clear (&series->definition);
  karavan_text_clear (&series->note);
  g_clear_pointer (&series->sources, g_ptr_array_unref);
  if (series->categories != NULL)
    {
      g_ptr_array_set_free_func (series->categories, (GDestroyNotify) category_free);
      g_ptr_array_unref (series->categories);
    }
  g_clear_pointer (&series->points, g_array_unref);
  if (series->extras != NULL)
    {
      g_ptr_array_set_free_func (series->extras, (GDestroyNotify) extra_free);
      g_ptr_array_unref (series->extras);
    }
  g_free (series);
}

static void
marker_free (KaravanMarker *marker)
{
  karavan_text_clear (&marker->label);
  g_free (marker);
}

static void
chart_free (KaravanChart *chart)
{
  g_clear_pointer (&chart->series, g_ptr_array_unref);
  karavan_text_clear (&chart->x_title);
  karavan_text_clear (&chart->y_title);
  g_ptr_array_set_free_func (chart->markers, (GDestroyNotify) marker_free);
  g_ptr_array_unref (chart->markers);
  g_ptr_array_set_free_func (chart->growths, g_free);
  g_ptr_array_unref (chart->growths);
  g_ptr_array_unref (chart->yoy);
  g_clear_pointer (&chart->events, g_ptr_array_unref);
  g_free (chart);
}

static void
event_category_free (KaravanEventCategory *category)
{
  g_free (category->id);
  g_free (category->color);
  karavan_text_clear (&category->label);
  g_free (category);
}

static void
correction_free (KaravanCorrection *correction)
{
  g_clear_pointer (&correction->sources, g_ptr_array_unref);
  karavan_text_clear (&correction->text);
  g_free (correction);
}

static void
event_free (KaravanEvent *event)
{
  g_free (event->id);
  g_clear_pointer (&event->sources, g_ptr_array_unref);
  karavan_text_clear (&event->title);
  karavan_text_clear (&event->short_title);
  karavan_text_clear (&event->description);
  g_ptr_array_set_free_func (event->corrections, (GDestroyNotify) correction_free);
  g_ptr_array_unref (event->corrections);
  g_free (event);
}

static void
timeline_free (KaravanTimeline *timeline)
{
  g_ptr_array_set_free_func (timeline->categories, (GDestroyNotify) event_category_free);
  g_ptr_array_unref (timeline->categories);
  g_ptr_array_set_free_func (timeline->events, (GDestroyNotify) event_free);
  g_ptr_array_unref (timeline->events);
  g_free (timeline);
}

static void
column_free (KaravanColumn *column)
{
  g_free (column->id);
  karavan_text_clear (&column->title);
  karavan_text_clear (&column->unit);
  g_free (column);
}

static void
row_free (GArray *row)
{
  for (guint i = 0; i < row->len; i++)
    karavan_text_clear (&g_array_index (row, KaravanCell, i).text);
  g_array_unref (row);
}

static void
table_free (KaravanTable *table)
{
  g_ptr_array_set_free_func (table->columns, (GDestroyNotify) column_free);
  g_ptr_array_unref (table->columns);
  g_ptr_array_set_free_func (table->rows, (GDestroyNotify) row_free);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
step_free (KaravanStep *step)
{
  karavan_text_clear (&step->title);
  karavan_text_clear (&step->note);
  g_free (step);
}

static void
lesson_free (KaravanLesson *lesson)
{
  g_ptr_array_set_free_func (lesson->steps, (GDestroyNotify) step_free);
  g_ptr_array_unref (lesson->steps);
  g_free (lesson);
}

void
_karavan_view_free (KaravanView *view)
{
  g_free (view->id);
  karavan_text_clear (&view->title);
  karavan_text_clear (&view->subtitle);
  karavan_text_clear (&view->note);
  karavan_text_clear (&view->description);
  g_clear_pointer (&view->sources, g_ptr_array_unref);

  /* A view is filled in by the loader: a failed load may leave the
   * kind-specific part unset. */
  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      g_clear_pointer (&view->chart, chart_free);
      break;
    case KARAVAN_VIEW_TIMELINE:
      g_clear_pointer (&view->timeline, timeline_free);
      break;
    case KARAVAN_VIEW_TABLE:
      g_clear_pointer (&view->table, table_free);
      break;
    case KARAVAN_VIEW_LESSON:
      g_clear_pointer (&view->lesson, lesson_free);
      break;
    default:
      g_assert_not_reached ();
    }

  g_free (view);
}

static void
karavan_dataset_finalize (GObject *object)
{
  KaravanDataset *self = (KaravanDataset *)object;

  g_clear_pointer (&self->ids, g_hash_table_unref);
  /* Views refer to series and sources: free them first. */
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  karavan_text_clear (&self->title);
  karavan_text_clear (&self->description);
  g_free (self->id);
  g_free (self->path);

  G_OBJECT_CLASS (karavan_dataset_parent_class)->finalize (object);
}

static void
karavan_dataset_class_init (KaravanDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = karavan_dataset_finalize;
}

static void
karavan_dataset_init (KaravanDataset *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) _karavan_source_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) _karavan_series_free);
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) _karavan_view_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

KaravanDataset *
_karavan_dataset_new (const char *path)
{
  KaravanDataset *self = g_object_new (KARAVAN_TYPE_DATASET, NULL);

  self->path = g_strdup (path);

  return self;
}

const char *
karavan_dataset_get_id (KaravanDataset *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return self->id;
}

const char *
karavan_dataset_get_path (KaravanDataset *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return self->path;
}

const KaravanText *
karavan_dataset_get_title (KaravanDataset *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return &self->title;
}

const KaravanText *
karavan_dataset_get_description (KaravanDataset *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return &self->description;
}

GPtrArray *
karavan_dataset_get_sources (KaravanDataset *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return self->sources;
}

GPtrArray *
karavan_dataset_get_series (KaravanDataset *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return self->series;
}

GPtrArray *
karavan_dataset_get_views (KaravanDataset *self)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return self->views;
}

static gpointer
find_id (KaravanDataset *self,
         const char     *id,
         KaravanIdKind   kind)
{
  KaravanIdEntry *entry;

  if (id == NULL)
    return NULL;

  entry = g_hash_table_lookup (self->ids, id);
  if (entry == NULL || entry->kind != kind)
    return NULL;

  return entry->ptr;
}

KaravanView *
karavan_dataset_find_view (KaravanDataset *self,
                           const char     *id)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return find_id (self, id, KARAVAN_ID_VIEW);
}

KaravanSeries *
karavan_dataset_find_series (KaravanDataset *self,
                             const char     *id)
{
  g_return_val_if_fail (KARAVAN_IS_DATASET (self), NULL);

  return find_id (self, id, KARAVAN_ID_SERIES);
}

static void
add_sources (GPtrArray *out,
             GPtrArray *sources)
{
  if (sources == NULL)
    return;

  for (guint i = 0; i < sources->len; i++)
    if (!g_ptr_array_find (out, sources->pdata[i], NULL))
      g_ptr_array_add (out, sources->pdata[i]);
}

/**
 * karavan_view_collect_sources:
 *
 * Every source a view rests on, in a stable order: the view's own, then
 * those of its series and their points, events or steps.
 *
 * Returns: (transfer container): a new array of borrowed KaravanSource*
 */
GPtrArray *
karavan_view_collect_sources (const KaravanView *view)
{
  GPtrArray *out = g_ptr_array_new ();

  add_sources (out, view->sources);

  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      for (guint i = 0; i < view->chart->series->len; i++)
        {
          KaravanSeries *series = view->chart->series->pdata[i];

          add_sources (out, series->sources);
          for (guint j = 0; j < series->extras->len; j++)
            add_sources (out, ((KaravanPointExtra *)series->extras->pdata[j])->sources);
        }
      break;

    case KARAVAN_VIEW_TIMELINE:
      for (guint i = 0; i < view->timeline->events->len; i++)
        {
          KaravanEvent *event = view->timeline->events->pdata[i];

          add_sources (out, event->sources);
          for (guint j = 0; j < event->corrections->len; j++)
            add_sources (out, ((KaravanCorrection *)event->corrections->pdata[j])->sources);
        }
      break;

    case KARAVAN_VIEW_TABLE:
      break;

    case KARAVAN_VIEW_LESSON:
      for (guint i = 0; i < view->lesson->steps->len; i++)
        {
          KaravanStep *step = view->lesson->steps->pdata[i];
          g_autoptr(GPtrArray) inner = karavan_view_collect_sources (step->view);

          add_sources (out, inner);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return out;
}

const char *
karavan_chart_type_to_string (KaravanChartType type)
{
  g_return_val_if_fail (type < KARAVAN_N_CHART_TYPES, NULL);

  return chart_type_names[type];
}

gboolean
karavan_chart_type_from_string (const char       *str,
                                KaravanChartType *out_type)
{
  for (guint i = 0; i < KARAVAN_N_CHART_TYPES; i++)
    if (g_strcmp0 (str, chart_type_names[i]) == 0)
      {
        *out_type = (KaravanChartType) i;
        return TRUE;
      }

  return FALSE;
}

/* KIND as printed by `karavan --list`. */
const char *
karavan_view_kind_to_string (const KaravanView *view)
{
  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      return karavan_chart_type_to_string (view->chart->type);
    case KARAVAN_VIEW_TIMELINE:
      return "timeline";
    case KARAVAN_VIEW_TABLE:
      return "table";
    case KARAVAN_VIEW_LESSON:
      return "lesson";
    default:
      g_assert_not_reached ();
    }
}

const KaravanCategory *
karavan_series_get_category (const KaravanSeries *series,
                             const KaravanPoint  *point)
{
  guint index;

  if (series->x_type != KARAVAN_X_CATEGORY || series->categories == NULL)
    return NULL;

  index = (guint) point->x;
  if (index >= series->categories->len)
    return NULL;

  return series->categories->pdata[index];
}

const KaravanPointExtra *
karavan_series_get_extra (const KaravanSeries *series,
                          const KaravanPoint  *point)
{
  if (point->extra == 0 || point->extra > series->extras->len)
    return NULL;

  return series->extras->pdata[point->extra - 1];
}

const KaravanPoint *
karavan_series_find_point (const KaravanSeries *series,
                           double               x)
{
  guint lo = 0, hi = series->points->len;

  /* Points are sorted by x. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const KaravanPoint *p = &g_array_index (series->points, KaravanPoint, mid);

      if (p->x < x)
        lo = mid + 1;
      else if (p->x > x)
        hi = mid;
      else
        return p;
    }

  return NULL;
}
