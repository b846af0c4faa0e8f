/* karavan-derived-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "karavan-derived-view.h"

struct _KaravanDerivedView
{
  const KaravanView *original;
  gboolean           derived;   /* FALSE: the original is shown as it is */
  KaravanView        view;
  KaravanChart       chart;
  GPtrArray         *series;    /* KaravanSeries*, their points owned */
  GPtrArray         *none;      /* empty: no growth or yoy labels */
  KaravanText        y_title;
};

static const char *mode_names[] = { "absolute", "index", "change" };

const char *
karavan_value_mode_to_string (KaravanValueMode mode)
{
  g_return_val_if_fail (mode < G_N_ELEMENTS (mode_names), mode_names[0]);

  return mode_names[mode];
}

gboolean
karavan_value_mode_from_string (const char       *str,
                                KaravanValueMode *out_mode)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (mode_names); i++)
    if (g_str_equal (str, mode_names[i]))
      {
        *out_mode = (KaravanValueMode) i;
        return TRUE;
      }
  return FALSE;
}

/* A log scale suits lines whose values are positive. */
gboolean
karavan_derived_view_can_log (const KaravanView *view)
{
  if (view == NULL || view->kind != KARAVAN_VIEW_CHART || view->chart->type != KARAVAN_CHART_LINE)
    return FALSE;

  for (guint i = 0; i < view->chart->series->len; i++)
    {
      const KaravanSeries *series = view->chart->series->pdata[i];

      if (series->n_present > 0 && series->y_max > 0)
        return TRUE;
    }
  return FALSE;
}

/* Relative values suit counts over time: not shares, not categories,
 * not stacks (whose sum would mean nothing). */
gboolean
karavan_derived_view_can_relative (const KaravanView *view)
{
  const KaravanChart *chart;
  gboolean long_enough = FALSE;

  if (view == NULL || view->kind != KARAVAN_VIEW_CHART)
    return FALSE;

  chart = view->chart;
  if (chart->x_type == KARAVAN_X_CATEGORY)
    return FALSE;
  if (chart->type != KARAVAN_CHART_LINE && chart->type != KARAVAN_CHART_GROUPED_BAR &&
      !(chart->type == KARAVAN_CHART_BAR && !chart->has_x))
    return FALSE;

  for (guint i = 0; i < chart->series->len; i++)
    {
      const KaravanSeries *series = chart->series->pdata[i];

      if (series->format != KARAVAN_FORMAT_NUMBER)
        return FALSE;
      if (series->n_present >= 2)
        long_enough = TRUE;
    }
  return long_enough;
}

static void
series_free (KaravanSeries *series)
{
  g_clear_pointer (&series->points, g_array_unref);
  g_free (series);
}

static KaravanSeries *
derive_series (const KaravanSeries *original,
               KaravanValueMode     mode)
{
  KaravanSeries *series = g_new (KaravanSeries, 1);
  double base = NAN, previous = NAN;

  /* Texts, sources and extras stay the original's. */
  memcpy (series, original, sizeof *series);
  memset (&series->unit, 0, sizeof series->unit);
  series->format = mode == KARAVAN_VALUES_CHANGE ? KARAVAN_FORMAT_PERCENT : KARAVAN_FORMAT_NUMBER;
  series->points = g_array_sized_new (FALSE, FALSE, sizeof (KaravanPoint), original->points->len);
  series->y_min = NAN;
  series->y_max = NAN;
  series->n_present = 0;

  for (guint i = 0; i < original->points->len; i++)
    {
      KaravanPoint point = g_array_index (original->points, KaravanPoint, i);
      double value = NAN;

      if (!(point.flags & KARAVAN_POINT_MISSING))
        {
          if (mode == KARAVAN_VALUES_INDEX)
            {
              if (isnan (base) && point.y != 0)
                base = point.y;
              if (!isnan (base))
                value = point.y / base * 100.0;
            }
          else
            {
              if (!isnan (previous) && previous != 0)
                value = (point.y - previous) / fabs (previous) * 100.0;
              previous = point.y;
            }
        }

      if (isfinite (value))
        {
          point.y = value;
          point.flags &= ~KARAVAN_POINT_MISSING;
          if (!(value >= series->y_min))
            series->y_min = value;
          if (!(value <= series->y_max))
            series->y_max = value;
          series->n_present++;
        }
      else
        {
          point.y = NAN;
          point.flags = KARAVAN_POINT_MISSING;
          point.relation = KARAVAN_RELATION_EQ;
        }
      g_array_append_val (series->points, point);
    }

  return series;
}

KaravanDerivedView *
karavan_derived_view_new (const KaravanView *view,
                          gboolean           log_scale,
                          KaravanValueMode   mode)
{
  KaravanDerivedView *self;

  g_return_val_if_fail (view != NULL, NULL);

  self = g_new0 (KaravanDerivedView, 1);
  self->original = view;

  if (view->kind != KARAVAN_VIEW_CHART)
    return self;

  if (!karavan_derived_view_can_log (view))
    log_scale = view->chart->log_scale;
  if (!karavan_derived_view_can_relative (view))
    mode = KARAVAN_VALUES_ABSOLUTE;
  /* Changes go below zero, where a log scale has nothing to show. */
  if (mode == KARAVAN_VALUES_CHANGE)
    log_scale = FALSE;

  if (!!log_scale == !!view->chart->log_scale && mode == KARAVAN_VALUES_ABSOLUTE)
    return self;

  self->derived = TRUE;
  self->view = *view;
  self->chart = *view->chart;
  self->view.chart = &self->chart;
  self->chart.log_scale = log_scale;

  if (mode != KARAVAN_VALUES_ABSOLUTE)
    {
      self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
      for (guint i = 0; i < view->chart->series->len; i++)
        g_ptr_array_add (self->series, derive_series (view->chart->series->pdata[i], mode));
      self->none = g_ptr_array_new ();

      self->chart.series = self->series;
      /* Growth and year-on-year labels speak of the original values,
       * and fixed limits are those of the original axis. */
      self->chart.growths = self->none;
      self->chart.yoy = self->none;
      self->chart.has_y_min = FALSE;
      self->chart.has_y_max = FALSE;

      for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
        self->y_title.s[lang] = g_strdup (mode == KARAVAN_VALUES_INDEX
                                          ? KC_("figure", "Index, first value = 100")
                                          : KC_("figure", "Change from the previous value, %"));
      self->chart.y_title = self->y_title;
    }

  return self;
}

void
karavan_derived_view_free (KaravanDerivedView *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->none, g_ptr_array_unref);
  karavan_text_clear (&self->y_title);
  g_free (self);
}

const KaravanView *
karavan_derived_view_get_view (KaravanDerivedView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->derived ? &self->view : self->original;
}

/**
 * karavan_derived_view_get_original:
 * @series: a series of the derived view
 * @point: (nullable): one of its points
 * @out_point: (out) (optional): the same point in the original series
 *
 * Returns: the original series that @series was derived from (or
 *   @series itself when it was not derived)
 */
const KaravanSeries *
karavan_derived_view_get_original (KaravanDerivedView   *self,
                                   const KaravanSeries  *series,
                                   const KaravanPoint   *point,
                                   const KaravanPoint  **out_point)
{
  g_return_val_if_fail (self != NULL, series);

  if (out_point != NULL)
    *out_point = point;

  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    {
      const KaravanSeries *original = self->original->chart->series->pdata[i];

      if (self->series->pdata[i] != series)
        continue;
      if (out_point != NULL && point != NULL)
        {
          gsize index = point - &g_array_index (series->points, KaravanPoint, 0);

          *out_point = index < original->points->len ? &g_array_index (original->points, KaravanPoint, index) : NULL;
        }
      return original;
    }

  return series;
}
