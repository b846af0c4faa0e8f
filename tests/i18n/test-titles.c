/* test-titles.c: every title and subtitle is shown whole, in every
 * language, at the journal-column size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each bundled view is exported as a PDF at the journal-column preset in
 * ru, kk and en; pdftotext must find the whole title and subtitle in it,
 * and the same figure's labels say that neither is ellipsized (the frame
 * wraps them instead of cutting them with "…"), that both lie inside the
 * page, and that they are clear of every other label.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "karavan-core.h"

static const KaravanLang langs[] = { KARAVAN_LANG_RU, KARAVAN_LANG_KK, KARAVAN_LANG_EN };

static char *tmpdir;

/* Text without its spaces and line breaks (wrapping adds and moves them;
 * pdftotext keeps no-break spaces), and without the hyphen Pango adds
 * where it breaks a word. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' && (p[1] == '\n' || p[1] == '\0'))
        continue;
      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0x00AD)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
pdf_text (GBytes     *pdf,
          const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-nopgbrk", path, "-", NULL };

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  return g_steal_pointer (&out);
}

static gboolean
inside (const KaravanLabelBox *b,
        double                 width,
        double                 height)
{
  return b->x >= -0.5 && b->y >= -0.5 && b->x + b->width <= width + 0.5 && b->y + b->height <= height + 0.5;
}

static gboolean
overlap (const KaravanLabelBox *a,
         const KaravanLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The title's and subtitle's boxes: inside the figure, apart from the rest. */
static void
check_boxes (const KaravanView *view,
             KaravanLang        lang,
             double             width,
             double             height,
             const char        *what)
{
  KaravanRenderOptions options;
  g_autoptr(KaravanFigure) fig = NULL;
  const KaravanLabelBox *boxes;
  guint n, frame = 0;

  karavan_render_options_init (&options, lang);
  fig = karavan_figure_new (view, &options, width, height);
  boxes = karavan_figure_get_labels (fig, &n);
  for (guint i = 0; i < n; i++)
    {
      const KaravanLabelBox *a = &boxes[i];

      if (a->kind != KARAVAN_LABEL_TITLE && a->kind != KARAVAN_LABEL_SUBTITLE)
        continue;
      frame++;
      /* pdftotext cannot tell: an ellipsized run keeps the whole text
       * behind its "…" in the PDF. */
      if (a->ellipsized)
        g_error ("%s: “%s” is cut short with “…”", what, a->text);
      if (!inside (a, width, height))
        g_error ("%s: “%s” leaves the figure", what, a->text);
      for (guint j = 0; j < n; j++)
        if (j != i && boxes[j].width > 0 && boxes[j].height > 0 && overlap (a, &boxes[j]))
          g_error ("%s: “%s” overlaps “%s”", what, a->text, boxes[j].text);
    }
  if (karavan_text_get (&view->title, lang) != NULL && frame == 0)
    g_error ("%s: the title is not shown", what);
}

static void
test_titles_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = karavan_list_bundled_datasets (&error);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint checked = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (paths);

  for (guint d = 0; d < paths->len; d++)
    {
      g_autoptr(KaravanDataset) dataset = karavan_dataset_load_file (paths->pdata[d], &error);
      GPtrArray *views;

      g_assert_no_error (error);
      views = karavan_dataset_get_views (dataset);
      for (guint v = 0; v < views->len; v++)
        {
          KaravanView *view = views->pdata[v];

          /* Lessons are printed as handouts, not as one figure. */
          if (view->kind == KARAVAN_VIEW_LESSON)
            continue;
          for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
            {
              KaravanExportOptions export;
              g_autoptr(GBytes) pdf = NULL;
              g_autofree char *what = g_strdup_printf ("%s (%s)", view->id, karavan_lang_to_string (langs[l]));
              g_autofree char *name = g_strdup_printf ("%s-%s.pdf", view->id, karavan_lang_to_string (langs[l]));
              g_autofree char *text = NULL;
              g_autofree char *page = NULL;
              const char *parts[] = { karavan_text_get (&view->title, langs[l]),
                                      karavan_text_get (&view->subtitle, langs[l]) };

              karavan_export_options_init (&export, KARAVAN_EXPORT_PDF, langs[l]);
              g_assert_true (karavan_export_apply_preset (&export, "journal-column"));
              pdf = karavan_export_to_bytes (view, &export, &error);
              g_assert_no_error (error);
              text = pdf_text (pdf, name);
              page = squeeze (text);
              for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
                {
                  g_autofree char *want = NULL;

                  if (parts[p] == NULL)
                    continue;
                  want = squeeze (parts[p]);
                  if (strstr (page, want) == NULL)
                    g_error ("%s: the %s “%s” is not whole in the journal-column PDF, which reads:\n%s",
                             what, p == 0 ? "title" : "subtitle", parts[p], text);
                }
              check_boxes (view, langs[l], export.width, export.height, what);
              checked++;
            }
        }
    }

  /* Every bundled view, three times. */
  g_assert_cmpuint (checked, >=, 3 * 20);
  g_test_message ("%u views checked", checked);
}

/* The frame keeps a long title whole even in a figure much smaller than
 * a journal column, and still leaves the body room. */
static void
test_long_title (void)
{
  static const char xml[] =
    "<dataset xmlns=\"https://karavan.github.io/ns/dataset/1\" version=\"1\" id=\"t\">\n"
    "  <title xml:lang=\"en\">T</title>\n"
    "  <sources><source id=\"s\"><citation xml:lang=\"en\">C</citation></source></sources>\n"
    "  <series id=\"a\" sources=\"s\"><title xml:lang=\"en\">A</title>\n"
    "    <unit xml:lang=\"en\">cars</unit><definition xml:lang=\"en\">Cars.</definition>\n"
    "    <points><point x=\"2020\" y=\"1\"/><point x=\"2021\" y=\"2\"/></points></series>\n"
    "  <chart id=\"c\" type=\"line\" series=\"a\">\n"
    "    <title xml:lang=\"en\">Қазақстан Республикасының өңірлері бойынша ауыл шаруашылығы "
    "өнімдерінің экспорты мен импортының жылдық өзгерісі, мың АҚШ доллары</title>\n"
    "    <subtitle xml:lang=\"en\">Өңірлер бойынша, ағымдағы бағамен, мың АҚШ доллары есебінде, "
    "2020–2021 жылдар аралығында</subtitle></chart>\n"
    "</dataset>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KaravanDataset) dataset = karavan_dataset_load_bytes (bytes, "long.xml", &error);
  KaravanView *view;

  g_assert_no_error (error);
  view = karavan_dataset_get_views (dataset)->pdata[0];
  for (double width = 180; width <= 480; width += 60)
    {
      g_autofree char *what = g_strdup_printf ("long title at %g pt", width);
      KaravanRenderOptions options;
      g_autoptr(KaravanFigure) fig = NULL;
      double x, y, w, h;

      check_boxes (view, KARAVAN_LANG_EN, width, width * 0.75, what);
      karavan_render_options_init (&options, KARAVAN_LANG_EN);
      fig = karavan_figure_new (view, &options, width, width * 0.75);
      g_assert_true (karavan_figure_get_plot_area (fig, &x, &y, &w, &h));
      g_assert_cmpfloat (h, >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("karavan-titles-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/Karavan/I18n/titles-whole-at-journal-column", test_titles_whole);
  g_test_add_func ("/Karavan/I18n/long-title", test_long_title);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
