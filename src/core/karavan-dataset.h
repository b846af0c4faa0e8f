/* karavan-dataset.h: a loaded dataset (see data/dataset-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is read-only once loaded: the loader builds it, everything
 * else reads the public fields. Every pointer inside belongs to the
 * dataset and lives as long as it does.
 */
#pragma once

#include <gio/gio.h>

#include "karavan-lang.h"

G_BEGIN_DECLS

typedef enum {
  KARAVAN_X_YEAR,
  KARAVAN_X_MONTH,    /* x = year * 12 + (month - 1) */
  KARAVAN_X_DATE,     /* x = days since 0001-01-01 (GDate's Julian day) */
  KARAVAN_X_NUMBER,
  KARAVAN_X_CATEGORY, /* x = index into the series' categories */
} KaravanXType;

typedef enum {
  KARAVAN_FORMAT_NUMBER,
  KARAVAN_FORMAT_PERCENT,
} KaravanValueFormat;

typedef enum {
  KARAVAN_RELATION_EQ,
  KARAVAN_RELATION_APPROX,
  KARAVAN_RELATION_GT,
  KARAVAN_RELATION_GE,
  KARAVAN_RELATION_LT,
  KARAVAN_RELATION_LE,
} KaravanRelation;

typedef enum {
  KARAVAN_POINT_MISSING  = 1 << 0,
  KARAVAN_POINT_ESTIMATE = 1 << 1,
  KARAVAN_POINT_PARTIAL  = 1 << 2,
} KaravanPointFlags;

typedef struct {
  char        *id;
  char        *url;
  char        *publisher;
  char        *published;
  char        *accessed;
  KaravanText  citation;
  KaravanText  note;
} KaravanSource;

typedef struct {
  char        *id;
  KaravanText  label;
} KaravanCategory;

typedef struct {
  KaravanText  period;
  KaravanText  note;
  GPtrArray   *sources;   /* KaravanSource*, or NULL for the series' */
} KaravanPointExtra;

typedef struct {
  double  x;
  double  y;              /* NAN when missing */
  guint32 extra;          /* 1 + index into series->extras, 0 for none */
  guint8  flags;          /* KaravanPointFlags */
  guint8  relation;       /* KaravanRelation */
} KaravanPoint;

typedef struct {
  char               *id;
  KaravanXType        x_type;
  KaravanValueFormat  format;
  KaravanText         title;
  KaravanText         unit;
  KaravanText         definition;
  KaravanText         note;
  GPtrArray          *sources;     /* KaravanSource* */
  GPtrArray          *categories;  /* KaravanCategory*, for KARAVAN_X_CATEGORY */
  GArray             *points;      /* KaravanPoint, sorted by x */
  GPtrArray          *extras;      /* KaravanPointExtra* */
  double              y_min;       /* of the values present; NAN if none */
  double              y_max;
  guint               n_present;   /* points that have a value */
} KaravanSeries;

typedef enum {
  KARAVAN_VIEW_CHART,
  KARAVAN_VIEW_TIMELINE,
  KARAVAN_VIEW_TABLE,
  KARAVAN_VIEW_LESSON,
} KaravanViewKind;

typedef enum {
  KARAVAN_CHART_LINE,
  KARAVAN_CHART_BAR,
  KARAVAN_CHART_GROUPED_BAR,
  KARAVAN_CHART_STACKED_BAR,
  KARAVAN_CHART_PERCENT_BAR,
  KARAVAN_CHART_AREA,
  KARAVAN_CHART_DONUT,
  KARAVAN_CHART_HBAR,
  KARAVAN_N_CHART_TYPES
} KaravanChartType;

typedef struct {
  double      x;
  KaravanText label;
} KaravanMarker;

typedef enum {
  KARAVAN_GROWTH_MULTIPLE = 1 << 0,
  KARAVAN_GROWTH_CAGR     = 1 << 1,
} KaravanGrowthShow;

typedef struct {
  KaravanSeries     *series;
  double             from;
  double             to;
  KaravanGrowthShow  show;
} KaravanGrowth;

typedef struct _KaravanTimeline KaravanTimeline;

typedef struct {
  KaravanChartType  type;
  GPtrArray        *series;          /* KaravanSeries* */
  KaravanXType      x_type;
  KaravanText       x_title;
  KaravanText       y_title;
  gboolean          has_y_min;
  gboolean          has_y_max;
  double            y_min;
  double            y_max;
  gboolean          log_scale;
  gboolean          has_x;
  double            x;               /* for donut and bar over several series */
  GPtrArray        *markers;         /* KaravanMarker* */
  GPtrArray        *growths;         /* KaravanGrowth* */
  GPtrArray        *yoy;             /* KaravanSeries* */
  KaravanTimeline  *events_timeline; /* NULL when none */
  GPtrArray        *events;          /* KaravanEvent* shown by default */
} KaravanChart;

typedef struct {
  gint16 year;
  guint8 month;   /* 0 when the date is a year */
  guint8 day;     /* 0 when the date is a month or a year */
} KaravanDate;

typedef struct {
  char        *id;
  char        *color;   /* "#RRGGBB" or NULL */
  KaravanText  label;
} KaravanEventCategory;

typedef struct {
  GPtrArray   *sources;  /* KaravanSource* */
  KaravanText  text;
} KaravanCorrection;

typedef struct {
  char                 *id;
  KaravanEventCategory *category;
  GPtrArray            *sources;      /* KaravanSource* */
  KaravanDate           from;
  KaravanDate           to;           /* == from for a single date */
  gboolean              is_range;
  KaravanText           title;
  KaravanText           short_title;
  KaravanText           description;
  GPtrArray            *corrections;  /* KaravanCorrection* */
} KaravanEvent;

struct _KaravanTimeline {
  GPtrArray *categories;  /* KaravanEventCategory* */
  GPtrArray *events;      /* KaravanEvent*, sorted by date */
};

typedef enum {
  KARAVAN_COLUMN_TEXT,
  KARAVAN_COLUMN_NUMBER,
  KARAVAN_COLUMN_PERCENT,
} KaravanColumnType;

typedef struct {
  char              *id;
  KaravanColumnType  type;
  KaravanText        title;
  KaravanText        unit;
} KaravanColumn;

typedef enum {
  KARAVAN_CELL_EMPTY,
  KARAVAN_CELL_NUMBER,
  KARAVAN_CELL_TEXT,
} KaravanCellKind;

typedef struct {
  KaravanCellKind  kind;
  KaravanRelation  relation;
  double           value;
  KaravanText      text;
} KaravanCell;

typedef struct {
  GPtrArray *columns;  /* KaravanColumn* */
  GPtrArray *rows;     /* GArray of KaravanCell, one per column */
} KaravanTable;

typedef enum {
  KARAVAN_REVEAL_NONE,
  KARAVAN_REVEAL_POINTS,
  KARAVAN_REVEAL_SERIES,
  KARAVAN_REVEAL_ERAS,
} KaravanReveal;

typedef struct _KaravanView KaravanView;

typedef struct {
  KaravanView   *view;
  KaravanReveal  reveal;
  KaravanText    title;
  KaravanText    note;
} KaravanStep;

typedef struct {
  GPtrArray *steps;  /* KaravanStep* */
} KaravanLesson;

/* What a user opens: a chart, a timeline, a table or a lesson. */
struct _KaravanView {
  KaravanViewKind  kind;
  char            *id;
  KaravanText      title;
  KaravanText      subtitle;
  KaravanText      note;
  KaravanText      description;
  GPtrArray       *sources;   /* KaravanSource* named by the view itself */
  union {
    KaravanChart    *chart;
    KaravanTimeline *timeline;
    KaravanTable    *table;
    KaravanLesson   *lesson;
  };
};

#define KARAVAN_TYPE_DATASET (karavan_dataset_get_type ())

G_DECLARE_FINAL_TYPE (KaravanDataset, karavan_dataset, KARAVAN, DATASET, GObject)

KaravanDataset *karavan_dataset_load_file     (const char      *path,
                                               GError         **error);
KaravanDataset *karavan_dataset_load_bytes    (GBytes          *bytes,
                                               const char      *display_name,
                                               GError         **error);

/* @fraction goes from 0 to 1 as reading, parsing, checking and building
 * go on; it is called from the thread that loads, at most a few hundred
 * times per file. */
typedef void (*KaravanLoadProgressFunc) (double   fraction,
                                         gpointer user_data);

KaravanDataset *karavan_dataset_load_file_full (const char              *path,
                                                GCancellable            *cancellable,
                                                KaravanLoadProgressFunc  progress,
                                                gpointer                 user_data,
                                                GError                 **error);
KaravanDataset *karavan_dataset_load_bytes_full (GBytes                 *bytes,
                                                 const char             *display_name,
                                                 GCancellable           *cancellable,
                                                 KaravanLoadProgressFunc progress,
                                                 gpointer                user_data,
                                                 GError                **error);

const char     *karavan_dataset_get_id        (KaravanDataset  *self);
const char     *karavan_dataset_get_path      (KaravanDataset  *self);
const KaravanText *karavan_dataset_get_title  (KaravanDataset  *self);
const KaravanText *karavan_dataset_get_description (KaravanDataset *self);
GPtrArray      *karavan_dataset_get_sources   (KaravanDataset  *self);
GPtrArray      *karavan_dataset_get_series    (KaravanDataset  *self);
GPtrArray      *karavan_dataset_get_views     (KaravanDataset  *self);
KaravanView    *karavan_dataset_find_view     (KaravanDataset  *self,
                                               const char      *id);
KaravanSeries  *karavan_dataset_find_series   (KaravanDataset  *self,
                                               const char      *id);
GPtrArray      *karavan_view_collect_sources  (const KaravanView *view);

const char     *karavan_view_kind_to_string   (const KaravanView *view);
const char     *karavan_chart_type_to_string  (KaravanChartType type);
gboolean        karavan_chart_type_from_string (const char      *str,
                                                KaravanChartType *out_type);
const KaravanCategory *karavan_series_get_category (const KaravanSeries *series,
                                                    const KaravanPoint  *point);
const KaravanPointExtra *karavan_series_get_extra (const KaravanSeries *series,
                                                   const KaravanPoint  *point);
const KaravanPoint *karavan_series_find_point (const KaravanSeries *series,
                                               double               x);

/* Private to the loader. */
KaravanDataset *_karavan_dataset_new          (const char      *path);

G_END_DECLS
