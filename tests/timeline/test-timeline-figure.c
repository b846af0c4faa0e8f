/* test-timeline-figure.c: the bundled timeline laid out at several zooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every event of the dataset is drawn, ranges as bars across their span,
 * no two labels overlap and no label covers another event's marker, in
 * ru, kk and en, at several windows and sizes.
 */
#define _GNU_SOURCE
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "karavan-core.h"

static KaravanDataset *dataset;
static const KaravanView *relations;

typedef struct {
  const char *name;
  double      from, to;   /* 0, 0: fit all */
} Window;

static const Window windows[] = {
  { "fit", 0, 0 },
  { "since-2000", 2000, 2026 },
  { "2010s", 2012, 2022 },
  { "recent", 2018.5, 2025.8 },
  { "2024", 2023.6, 2025.1 },
  { "summer-2024", 2024.3, 2024.75 },
};

typedef struct {
  double width, height;
} Size;

/* The default export (points), a screen, a wide PNG, a small column. */
static const Size sizes[] = { { 768, 480 }, { 1200, 800 }, { 3000, 700 }, { 480, 640 } };

static KaravanFigure *
layout (KaravanLang  lang,
        double       from,
        double       to,
        double       width,
        double       height)
{
  KaravanRenderOptions options;

  karavan_render_options_init (&options, lang);
  options.time_from = from;
  options.time_to = to;
  return karavan_figure_new (relations, &options, width, height);
}

static gboolean
rects_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  /* A hair of tolerance for rounding. */
  return ax + 0.01 < bx + bw && bx + 0.01 < ax + aw && ay + 0.01 < by + bh && by + 0.01 < ay + ah;
}

static void
check_no_overlap (KaravanFigure *fig,
                  double         width,
                  double         height,
                  const char    *where)
{
  guint n, n_events;
  const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);
  const KaravanEventBox *events = karavan_figure_get_events (fig, &n_events);

  for (guint i = 0; i < n; i++)
    {
      const KaravanLabelBox *a = &boxes[i];

      g_assert_cmpfloat (a->x, >=, -0.01);
      g_assert_cmpfloat (a->y, >=, -0.01);
      g_assert_cmpfloat (a->x + a->width, <=, width + 0.01);
      g_assert_cmpfloat (a->y + a->height, <=, height + 0.01);
      for (guint j = i + 1; j < n; j++)
        {
          const KaravanLabelBox *b = &boxes[j];

          if (rects_overlap (a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height))
            g_error ("%s: labels overlap: “%s” and “%s”", where, a->text, b->text);
        }

      /* No text over a marker or a bar, but its own bar. */
      for (guint e = 0; e < n_events; e++)
        {
          const KaravanEventBox *ev = &events[e];

          if (ev->has_label && fabs (ev->label_x - a->x) < 0.01 && fabs (ev->label_y - a->y) < 0.01)
            continue;
          if (rects_overlap (a->x, a->y, a->width, a->height, ev->x, ev->y, ev->width, ev->height))
            g_error ("%s: label “%s” covers the marker of %s", where, a->text, ev->event->id);
        }
    }
}

static void
test_all_events (void)
{
  KaravanTimeline *timeline = relations->timeline;

  g_assert_cmpuint (timeline->events->len, ==, 33);

  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(KaravanFigure) fig = layout (lang, 0, 0, sizes[s].width, sizes[s].height);
        guint n;
        const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);

        /* Every event, once, in the dataset's order. */
        g_assert_cmpuint (n, ==, timeline->events->len);
        for (guint i = 0; i < n; i++)
          {
            g_assert_true (boxes[i].event == timeline->events->pdata[i]);
            g_assert_true (timeline->categories->pdata[boxes[i].category] == boxes[i].event->category);
            g_assert_cmpfloat (boxes[i].width, >, 0);
            g_assert_cmpfloat (boxes[i].height, >, 0);
          }
      }
}

static guint
count_labelled (KaravanFigure *fig)
{
  guint n, labelled = 0;
  const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);

  for (guint i = 0; i < n; i++)
    labelled += boxes[i].has_label;
  return labelled;
}

static void
test_no_overlap (void)
{
  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(KaravanFigure) fig = layout (lang, windows[w].from, windows[w].to, sizes[s].width, sizes[s].height);
          g_autofree char *where = g_strdup_printf ("%s, %s, %g×%g", karavan_lang_to_string (lang), windows[w].name,
                                                    sizes[s].width, sizes[s].height);
          guint n;

          check_no_overlap (fig, sizes[s].width, sizes[s].height, where);
          karavan_figure_get_events (fig, &n);
          g_test_message ("%s: %u events, %u labelled", where, n, count_labelled (fig));
        }
}

/* With room, every event has its label; at the default export size too
 * (see test_default_size()). */
static void
test_labels (void)
{
  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    {
      g_autoptr(KaravanFigure) wide = layout (lang, 0, 0, 3000, 700);
      g_autoptr(KaravanFigure) recent = layout (lang, 2018.5, 2025.8, 1600, 1000);
      g_autoptr(KaravanFigure) small = layout (lang, 0, 0, 768, 480);
      guint n;

      karavan_figure_get_events (wide, &n);
      g_assert_cmpuint (count_labelled (wide), ==, n);
      karavan_figure_get_events (recent, &n);
      g_assert_cmpuint (count_labelled (recent), ==, n);
      karavan_figure_get_events (small, &n);
      g_assert_cmpuint (count_labelled (small), ==, n);
    }
}

/* At the default export size every event has its label, whole, and no
 * two labels overlap. At 10 pt too: a font with taller lines than
 * DejaVu (Noto Sans, where most desktops have it) needs about as much
 * room as DejaVu does at 10 pt. */
static void
test_default_size (void)
{
  static const double font_sizes[] = { 0, 10 };

  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    for (guint s = 0; s < G_N_ELEMENTS (font_sizes); s++)
      {
        g_autoptr(KaravanFigure) fig = NULL;
        g_autofree char *where = NULL;
        KaravanExportOptions options;
        const KaravanLabelBox *labels;
        const KaravanEventBox *events;
        guint n_labels, n_events;

        karavan_export_options_init (&options, KARAVAN_EXPORT_PDF, lang);
        options.render.font_size = font_sizes[s];
        g_assert_cmpfloat (options.width, ==, KARAVAN_EXPORT_DEFAULT_WIDTH);
        g_assert_cmpfloat (options.height, ==, KARAVAN_EXPORT_DEFAULT_HEIGHT);
        fig = karavan_figure_new (relations, &options.render, options.width, options.height);
        where = g_strdup_printf ("default size, %s, %g pt", karavan_lang_to_string (lang), font_sizes[s]);

        events = karavan_figure_get_events (fig, &n_events);
        labels = karavan_figure_get_labels (fig, &n_labels);
        g_assert_cmpuint (n_events, ==, relations->timeline->events->len);
        for (guint e = 0; e < n_events; e++)
          {
            const KaravanEvent *event = events[e].event;
            const char *text = karavan_text_get (&event->short_title, lang);
            gboolean found = FALSE;

            if (text == NULL)
              text = karavan_text_get (&event->title, lang);
            if (!events[e].has_label)
              g_error ("%s: %s has no label", where, event->id);

            /* Its label is among the figure's, where the event says. */
            for (guint i = 0; i < n_labels && !found; i++)
              found = labels[i].kind == KARAVAN_LABEL_EVENT && strcmp (labels[i].text, text) == 0 &&
                      fabs (labels[i].x - events[e].label_x) < 0.01 && fabs (labels[i].y - events[e].label_y) < 0.01;
            if (!found)
              g_error ("%s: the label “%s” of %s is not placed", where, text, event->id);
          }
        check_no_overlap (fig, options.width, options.height, where);
      }
}

static const KaravanEventBox *
find_box (KaravanFigure *fig,
          const char    *id)
{
  guint n;
  const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (boxes[i].event->id, id) == 0)
      return &boxes[i];
  return NULL;
}

static void
test_ranges (void)
{
  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      g_autoptr(KaravanFigure) fig = layout (KARAVAN_LANG_EN, windows[w].from, windows[w].to, 1200, 800);
      double px, py, pw, ph, from, to, per_year;
      guint n;
      const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);

      g_assert_true (karavan_figure_get_plot_area (fig, &px, &py, &pw, &ph));
      g_assert_true (karavan_figure_get_time_window (fig, &from, &to));
      per_year = pw / (to - from);

      for (guint i = 0; i < n; i++)
        {
          const KaravanEventBox *box = &boxes[i];
          double x0 = px + (box->time_from - from) * per_year;
          double x1 = px + (box->time_to - from) * per_year;

          g_assert_cmpint (box->is_range, ==, box->event->is_range);
          if (box->is_range)
            {
              /* A bar over the whole span, cut at the window's edges. */
              g_assert_cmpfloat_with_epsilon (box->x, CLAMP (x0, px, px + pw), 0.01);
              g_assert_cmpfloat_with_epsilon (box->x + box->width, CLAMP (x1, px, px + pw), 0.01);
            }
          else
            {
              /* A dot in the middle of the period its date names. */
              g_assert_cmpfloat_with_epsilon (box->x + box->width / 2, (x0 + x1) / 2, 0.01);
              g_assert_cmpfloat_with_epsilon (box->width, box->height, 0.01);
            }
        }
    }

  /* 1993–1994 is two whole years; 2015–2020 six. */
  {
    g_autoptr(KaravanFigure) fig = layout (KARAVAN_LANG_EN, 0, 0, 1200, 800);
    const KaravanEventBox *plan = find_box (fig, "ev-1993-culture-plan");
    const KaravanEventBox *travel = find_box (fig, "ev-2015-2020-travel");
    const KaravanEventBox *dot = find_box (fig, "ev-2013-belt-and-road");
    double from, to;

    g_assert_true (karavan_figure_get_time_window (fig, &from, &to));
    g_assert_cmpfloat (from, ==, 1991);
    g_assert_cmpfloat (to, ==, 2026);
    g_assert_nonnull (plan);
    g_assert_true (plan->is_range);
    g_assert_cmpfloat (plan->time_from, ==, 1993);
    g_assert_cmpfloat (plan->time_to, ==, 1995);
    g_assert_cmpfloat_with_epsilon (travel->width / plan->width, 3.0, 0.001);
    g_assert_cmpfloat (plan->width, >, dot->width * 3);
  }

  /* A range that starts before the window is cut at the plot's edge. */
  {
    g_autoptr(KaravanFigure) fig = layout (KARAVAN_LANG_EN, 2017, 2026, 1200, 800);
    const KaravanEventBox *travel = find_box (fig, "ev-2015-2020-travel");
    double px, py, pw, ph;

    g_assert_true (karavan_figure_get_plot_area (fig, &px, &py, &pw, &ph));
    g_assert_nonnull (travel);
    g_assert_cmpfloat_with_epsilon (travel->x, px, 0.01);
    g_assert_true (travel->has_label);
    g_assert_cmpfloat (travel->label_x, >=, px);
    g_assert_null (find_box (fig, "ev-2013-belt-and-road"));
  }
}

static gboolean
has_tick (KaravanFigure *fig,
          const char    *text)
{
  guint n;
  const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);

  for (guint i = 0; i < n; i++)
    if (boxes[i].kind == KARAVAN_LABEL_TICK && strcmp (boxes[i].text, text) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_ticks (KaravanFigure *fig)
{
  guint n, ticks = 0;
  const KaravanLabelBox *boxes = karavan_figure_get_labels (fig, &n);

  for (guint i = 0; i < n; i++)
    ticks += boxes[i].kind == KARAVAN_LABEL_TICK;
  return ticks;
}

/* Decades, then years, then months as the window narrows. */
static void
test_ticks (void)
{
  g_autoptr(KaravanFigure) narrow = layout (KARAVAN_LANG_EN, 0, 0, 480, 640);
  g_autoptr(KaravanFigure) fit = layout (KARAVAN_LANG_EN, 0, 0, 1200, 800);
  g_autoptr(KaravanFigure) years = layout (KARAVAN_LANG_EN, 1998, 2026, 1200, 800);
  g_autoptr(KaravanFigure) months = layout (KARAVAN_LANG_EN, 2023.6, 2025.1, 1200, 800);

  /* Narrow: steps of five years or more. */
  g_assert_true (has_tick (narrow, "2000"));
  g_assert_true (has_tick (narrow, "2010"));
  g_assert_false (has_tick (narrow, "2002"));
  g_assert_false (has_tick (narrow, "2001"));

  g_assert_true (has_tick (fit, "2000"));
  g_assert_false (has_tick (fit, "2001"));

  for (int year = 1998; year <= 2025; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      g_assert_true (has_tick (years, text));
    }
  g_assert_false (has_tick (years, "Jan"));
  g_assert_false (has_tick (years, "Jul"));

  g_assert_true (has_tick (months, "Jan"));
  g_assert_true (has_tick (months, "Jun"));
  g_assert_true (has_tick (months, "2024"));
  g_assert_true (has_tick (months, "2025"));
  g_assert_cmpuint (count_ticks (months), >=, 15);
}

static void
test_filter (void)
{
  KaravanTimeline *timeline = relations->timeline;
  KaravanRenderOptions options;
  guint culture = G_MAXUINT, n;

  for (guint c = 0; c < timeline->categories->len; c++)
    if (strcmp (((KaravanEventCategory *) timeline->categories->pdata[c])->id, "culture") == 0)
      culture = c;
  g_assert_cmpuint (culture, <, timeline->categories->len);

  karavan_render_options_init (&options, KARAVAN_LANG_EN);
  options.hidden_categories = G_GUINT64_CONSTANT (1) << culture;
  {
    g_autoptr(KaravanFigure) fig = karavan_figure_new (relations, &options, 1200, 800);
    const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);
    guint expected = 0, n_labels;
    const KaravanLabelBox *labels = karavan_figure_get_labels (fig, &n_labels);

    for (guint i = 0; i < timeline->events->len; i++)
      expected += ((KaravanEvent *) timeline->events->pdata[i])->category != timeline->categories->pdata[culture];
    g_assert_cmpuint (n, ==, expected);
    for (guint i = 0; i < n; i++)
      g_assert_cmpuint (boxes[i].category, !=, culture);
    for (guint i = 0; i < n_labels; i++)
      g_assert_true (labels[i].kind != KARAVAN_LABEL_LEGEND || strcmp (labels[i].text, "Culture and sport") != 0);
  }

  karavan_render_options_init (&options, KARAVAN_LANG_EN);
  options.search = "  VISA ";
  options.selected_event = "ev-2023-visa-free-30";
  {
    g_autoptr(KaravanFigure) fig = karavan_figure_new (relations, &options, 1200, 800);
    const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);
    guint selected = 0;

    g_assert_cmpuint (n, ==, 2);
    for (guint i = 0; i < n; i++)
      {
        g_assert_true (karavan_event_matches (boxes[i].event, "visa", KARAVAN_LANG_EN));
        selected += boxes[i].selected;
      }
    g_assert_cmpuint (selected, ==, 1);
    g_assert_true (find_box (fig, "ev-2023-visa-free-30")->selected);
  }

  /* Words match in any order, whatever the case; in Russian too. */
  g_assert_true (karavan_event_matches (timeline->events->pdata[0], "", KARAVAN_LANG_RU));
  {
    int hits = 0;

    for (guint i = 0; i < timeline->events->len; i++)
      hits += karavan_event_matches (timeline->events->pdata[i], "ВИЗ", KARAVAN_LANG_RU);
    g_assert_cmpint (hits, >=, 2);
  }

  /* Nothing matches: the figure says so. */
  options.search = "no-such-thing";
  {
    g_autoptr(KaravanFigure) fig = karavan_figure_new (relations, &options, 1200, 800);
    guint n_labels, found = 0;
    const KaravanLabelBox *labels = karavan_figure_get_labels (fig, &n_labels);

    karavan_figure_get_events (fig, &n);
    g_assert_cmpuint (n, ==, 0);
    for (guint i = 0; i < n_labels; i++)
      found += strstr (labels[i].text, "no-such-thing") != NULL;
    g_assert_cmpuint (found, ==, 1);
  }

  /* Every lane hidden. */
  karavan_render_options_init (&options, KARAVAN_LANG_EN);
  options.hidden_categories = G_MAXUINT64;
  {
    g_autoptr(KaravanFigure) fig = karavan_figure_new (relations, &options, 1200, 800);

    karavan_figure_get_events (fig, &n);
    g_assert_cmpuint (n, ==, 0);
  }
}

static void
test_hit (void)
{
  g_autoptr(KaravanFigure) fig = layout (KARAVAN_LANG_RU, 2018.5, 2025.8, 1200, 800);
  guint n;
  const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);

  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    {
      const KaravanEventBox *hit = karavan_figure_hit_event (fig, boxes[i].x + boxes[i].width / 2,
                                                             boxes[i].y + boxes[i].height / 2);

      /* Markers of one period may coincide; then either is right. */
      g_assert_nonnull (hit);
      g_assert_cmpfloat_with_epsilon (hit->x + hit->width / 2, boxes[i].x + boxes[i].width / 2,
                                      boxes[i].is_range ? boxes[i].width : 0.01);
      if (boxes[i].has_label)
        {
          hit = karavan_figure_hit_event (fig, boxes[i].label_x + boxes[i].label_width / 2,
                                          boxes[i].label_y + boxes[i].label_height / 2);
          g_assert_true (hit == &boxes[i]);
        }
    }
  g_assert_null (karavan_figure_hit_event (fig, 1, 1));
}

static void
test_eras (void)
{
  KaravanRenderOptions options;
  guint n;

  karavan_render_options_init (&options, KARAVAN_LANG_EN);
  options.reveal_kind = KARAVAN_REVEAL_ERAS;
  options.reveal = 1;
  {
    g_autoptr(KaravanFigure) fig = karavan_figure_new (relations, &options, 1200, 800);
    const KaravanEventBox *boxes = karavan_figure_get_events (fig, &n);
    double from, to;

    /* The 1990s, 1990–2025 in four steps, on the axis of the whole. */
    g_assert_cmpint (karavan_figure_get_reveal_steps (fig), ==, 4);
    g_assert_cmpuint (n, ==, 4);
    for (guint i = 0; i < n; i++)
      g_assert_cmpfloat (boxes[i].time_from, <, 2000);
    g_assert_true (karavan_figure_get_time_window (fig, &from, &to));
    g_assert_cmpfloat (to, ==, 2026);
  }
  options.reveal = 4;
  {
    g_autoptr(KaravanFigure) fig = karavan_figure_new (relations, &options, 1200, 800);

    karavan_figure_get_events (fig, &n);
    g_assert_cmpuint (n, ==, 33);
  }
}

static KaravanEvent *
find_event (const char *id)
{
  for (guint i = 0; i < relations->timeline->events->len; i++)
    if (strcmp (((KaravanEvent *) relations->timeline->events->pdata[i])->id, id) == 0)
      return relations->timeline->events->pdata[i];
  g_assert_not_reached ();
}

static void
test_dates (void)
{
  g_autofree char *range = karavan_event_get_date_text (find_event ("ev-1993-culture-plan"), KARAVAN_LANG_EN);
  g_autofree char *day = karavan_event_get_date_text (find_event ("ev-1998-sport-agreement"), KARAVAN_LANG_EN);
  g_autofree char *month = karavan_event_get_date_text (find_event ("ev-1992-culture-agreement"), KARAVAN_LANG_EN);
  g_autofree char *year = karavan_event_get_date_text (find_event ("ev-2013-belt-and-road"), KARAVAN_LANG_EN);
  double from, to;

  g_assert_cmpstr (range, ==, "1993–1994");
  g_assert_cmpstr (day, ==, "7 May 1998");
  g_assert_cmpstr (month, ==, "August 1992");
  g_assert_cmpstr (year, ==, "2013");

  karavan_event_get_period (find_event ("ev-1992-culture-agreement"), &from, &to);
  g_assert_cmpfloat_with_epsilon (from, 1992 + 7 / 12.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (to, 1992 + 8 / 12.0, 1e-9);
  karavan_event_get_period (find_event ("ev-1998-sport-agreement"), &from, &to);
  g_assert_cmpfloat_with_epsilon (from, 1998 + 4 / 12.0 + 6 / (12.0 * 31), 1e-9);
  g_assert_cmpfloat_with_epsilon (to - from, 1 / (12.0 * 31), 1e-9);
}

/* A dataset made here: one lane, a range and two dates of one day. */
static const char small_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"t\">\n"
  "  <title xml:lang=\"en\">T</title>\n"
  "  <sources><source id=\"s\"><citation xml:lang=\"en\">S</citation></source></sources>\n"
  "  <timeline id=\"tl\"><title xml:lang=\"en\">Small</title>\n"
  "    <category id=\"a\" color=\"#336699\"><label xml:lang=\"en\">A</label></category>\n"
  "    <event id=\"e1\" category=\"a\" sources=\"s\" from=\"1850-03\" to=\"1851-10\"><title xml:lang=\"en\">A long stretch</title><description xml:lang=\"en\">d</description></event>\n"
  "    <event id=\"e2\" category=\"a\" sources=\"s\" date=\"1851-02-03\"><title xml:lang=\"en\">Same day one</title><description xml:lang=\"en\">d</description></event>\n"
  "    <event id=\"e3\" category=\"a\" sources=\"s\" date=\"1851-02-03\"><title xml:lang=\"en\">Same day two</title><description xml:lang=\"en\">d</description></event>\n"
  "  </timeline>\n"
  "</dataset>\n";

static void
test_other_dataset (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (small_xml, sizeof small_xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) small = karavan_dataset_load_bytes (bytes, "small.xml", &error);
  KaravanView *view;
  KaravanRenderOptions options;
  double from, to;

  g_assert_no_error (error);
  view = karavan_dataset_find_view (small, "tl");
  g_assert_true (karavan_timeline_get_extent (view->timeline, &from, &to));
  g_assert_cmpfloat (from, ==, 1850);
  g_assert_cmpfloat (to, ==, 1852);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(KaravanFigure) fig = NULL;
      guint n;
      const KaravanEventBox *boxes;

      karavan_render_options_init (&options, KARAVAN_LANG_KK);
      fig = karavan_figure_new (view, &options, sizes[s].width, sizes[s].height);
      boxes = karavan_figure_get_events (fig, &n);
      g_assert_cmpuint (n, ==, 3);
      g_assert_true (boxes[0].is_range);
      /* Two events of one day: two rows, both labelled. */
      g_assert_true (boxes[1].has_label && boxes[2].has_label);
      g_assert_cmpfloat (fabs (boxes[1].y - boxes[2].y), >, 1);
      check_no_overlap (fig, sizes[s].width, sizes[s].height, "small");
      g_assert_true (has_tick (fig, "1851"));
    }
}

static void
test_export (void)
{
  KaravanExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const guint8 *data;

  /* SVG keeps text as text: the short labels are in it. */
  karavan_export_options_init (&options, KARAVAN_EXPORT_SVG, KARAVAN_LANG_EN);
  options.width = 1600;
  options.height = 700;
  svg = karavan_export_to_bytes (relations, &options, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "Plan 1993–94"));
  g_assert_nonnull (strstr (text, "Recognition"));

  /* A wide PNG. */
  karavan_export_options_init (&options, KARAVAN_EXPORT_PNG, KARAVAN_LANG_RU);
  options.width = 6000;
  options.height = 1200;
  png = karavan_export_to_bytes (relations, &options, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 8);
  g_assert_true (memcmp (data, "\x89PNG", 4) == 0);

  csv = karavan_view_to_csv (relations, KARAVAN_LANG_KK);
  g_assert_true (g_str_has_prefix (csv, "id,category,from,to,"));
  g_assert_nonnull (strstr (csv, "ev-1993-culture-plan,culture,1993,1994,"));
}

static guint
count_pages (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  guint pages = 0;

  /* The file has binary streams: memmem, not strstr. */
  for (const char *p = data; (p = memmem (p, size - (p - data), "/Type /Page", 11)) != NULL; p++)
    pages += p + 11 < data + size && p[11] != 's';
  return pages;
}

static void
test_pdf_pages (void)
{
  KaravanRenderOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) three = NULL;
  g_autoptr(GBytes) automatic = NULL;
  guint n_auto;

  karavan_render_options_init (&options, KARAVAN_LANG_EN);
  three = karavan_timeline_to_pdf_pages (relations, &options, 842, 595, 3, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (g_bytes_get_data (three, NULL), "%PDF", 4) == 0);
  g_assert_cmpuint (count_pages (three), ==, 3);

  /* As many pages as it takes for every label, each 1/n of the span. */
  automatic = karavan_timeline_to_pdf_pages (relations, &options, 842, 595, 0, &error);
  g_assert_no_error (error);
  n_auto = count_pages (automatic);
  g_assert_cmpuint (n_auto, >=, 1);
  g_assert_cmpuint (n_auto, <, 40);
  {
    guint events = 0;

    for (guint p = 0; p < n_auto; p++)
      {
        g_autoptr(KaravanFigure) fig = NULL;
        double per_page = ceil (35.0 / n_auto);
        guint n;

        options.time_from = 1991 + per_page * p;
        options.time_to = options.time_from + per_page;
        fig = karavan_figure_new (relations, &options, 842, 595);
        karavan_figure_get_events (fig, &n);
        /* Bars cut by a page break show on both pages. */
        g_assert_cmpuint (count_labelled (fig), ==, n);
        events += n;
      }
    g_assert_cmpuint (events, >=, 33);
  }
}

/* The command line exports the timeline like any chart. */
static void
test_cli (void)
{
  const char *exe = g_getenv ("KARAVAN_EXE");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  int status;

  if (exe == NULL)
    {
      g_test_skip ("KARAVAN_EXE is not set");
      return;
    }

  dir = g_dir_make_tmp ("karavan-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint f = 0; f < 3; f++)
    {
      static const char *names[] = { "t.png", "t.pdf", "t.svg" };
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autofree char *arg = g_strdup_printf ("--export=%s", path);
      const char *argv[] = { exe, "--chart=relations", arg, "--lang=kk", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_remove (path);
    }

  {
    const char *argv[] = { exe, "--chart=relations", "--csv", "--lang=en", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &csv, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (csv, "ev-2015-2020-travel,tourism,2015,2020,"));
  }
  g_rmdir (dir);
}

/* Runs @argv; its standard output, or NULL when it failed to start. */
static char *
run (const char * const *argv,
     int                *status,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err, status, &error))
    return NULL;
  return out;
}

/* Every run of white space, no-break spaces too, as one space. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("[\\s\\x{00a0}\\x{202f}]+", G_REGEX_OPTIMIZE, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* karavan --pages=N: a timeline as an N-page PDF that names every event. */
static void
test_cli_pages (void)
{
  const char *exe = g_getenv ("KARAVAN_EXE");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *arg = NULL;
  int status;

  if (exe == NULL)
    {
      g_test_skip ("KARAVAN_EXE is not set");
      return;
    }
  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  dir = g_dir_make_tmp ("karavan-pages-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "timeline.pdf", NULL);
  arg = g_strdup_printf ("--export=%s", path);

  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    for (int pages = 1; pages <= 4; pages += 3)
      {
        g_autofree char *lang_arg = g_strdup_printf ("--lang=%s", karavan_lang_to_string (lang));
        g_autofree char *pages_arg = g_strdup_printf ("--pages=%d", pages);
        g_autofree char *expected = g_strdup_printf ("^Pages:\\s+%d$", pages);
        const char *argv[] = { exe, "--chart=relations", arg, pages_arg, lang_arg, NULL };
        g_autofree char *out = run (argv, &status, NULL);
        g_autofree char *info = NULL;
        g_autofree char *text = NULL;
        g_autofree char *flat = NULL;

        g_assert_nonnull (out);
        g_assert_true (g_spawn_check_wait_status (status, NULL));

        info = run ((const char *[]) { pdfinfo, path, NULL }, &status, NULL);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        g_assert_true (g_regex_match_simple (expected, info, G_REGEX_MULTILINE, 0));

        /* Every event, by the label the figure gives it, on some page. */
        text = run ((const char *[]) { pdftotext, "-enc", "UTF-8", path, "-", NULL }, &status, NULL);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        flat = squeeze (text);
        for (guint i = 0; i < relations->timeline->events->len; i++)
          {
            KaravanEvent *event = relations->timeline->events->pdata[i];
            const char *label = karavan_text_get (&event->short_title, lang);
            g_autofree char *want = squeeze (label ? label : karavan_text_get (&event->title, lang));

            if (strstr (flat, want) == NULL)
              g_error ("%s, %d pages: “%s” is not in the PDF", karavan_lang_to_string (lang), pages, want);
          }
        g_remove (path);
      }

  /* Only for a timeline, and only as a PDF; nothing is written. */
  {
    const char *chart[] = { exe, "--chart=exports-growth", arg, "--pages=2", NULL };
    const char *png[] = { exe, "--chart=relations", "--export=timeline.png", "--pages=2", NULL };
    const char *none[] = { exe, "--chart=relations", "--pages=2", NULL };
    const char *zero[] = { exe, "--chart=relations", arg, "--pages=-1", NULL };
    const char * const *bad[] = { chart, png, none, zero };

    for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
      {
        g_autofree char *err = NULL;
        g_autofree char *out = run (bad[b], &status, &err);

        g_assert_nonnull (out);
        g_assert_false (g_spawn_check_wait_status (status, NULL));
        g_assert_nonnull (strstr (err, "--pages"));
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test ("timeline.png", G_FILE_TEST_EXISTS));
      }
  }

  /* --help names it. */
  {
    g_autofree char *help = run ((const char *[]) { exe, "--help", NULL }, &status, NULL);

    g_assert_nonnull (strstr (help, "--pages=N"));
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = karavan_get_datasets_dir ();
  path = g_build_filename (dir, "kazakhstan-china.xml", NULL);
  dataset = karavan_dataset_load_file (path, &error);
  g_assert_no_error (error);
  relations = karavan_dataset_find_view (dataset, "relations");
  g_assert_nonnull (relations);
  g_assert_cmpint (relations->kind, ==, KARAVAN_VIEW_TIMELINE);

  g_test_add_func ("/Karavan/Timeline/all-events", test_all_events);
  g_test_add_func ("/Karavan/Timeline/no-overlap", test_no_overlap);
  g_test_add_func ("/Karavan/Timeline/labels", test_labels);
  g_test_add_func ("/Karavan/Timeline/default-size", test_default_size);
  g_test_add_func ("/Karavan/Timeline/ranges", test_ranges);
  g_test_add_func ("/Karavan/Timeline/ticks", test_ticks);
  g_test_add_func ("/Karavan/Timeline/filter", test_filter);
  g_test_add_func ("/Karavan/Timeline/hit", test_hit);
  g_test_add_func ("/Karavan/Timeline/eras", test_eras);
  g_test_add_func ("/Karavan/Timeline/dates", test_dates);
  g_test_add_func ("/Karavan/Timeline/other-dataset", test_other_dataset);
  g_test_add_func ("/Karavan/Timeline/export", test_export);
  g_test_add_func ("/Karavan/Timeline/pdf-pages", test_pdf_pages);
  g_test_add_func ("/Karavan/Timeline/cli", test_cli);
  g_test_add_func ("/Karavan/Timeline/cli-pages", test_cli_pages);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
