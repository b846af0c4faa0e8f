/* test-export.c: files made in memory, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <string.h>

#include <glib/gstdio.h>

#include "karavan-core.h"

static KaravanDataset *
load_bundled (void)
{
  g_autofree char *dir = karavan_get_datasets_dir ();
  g_autofree char *path = g_build_filename (dir, "kazakhstan-china.xml", NULL);
  g_autoptr(GError) error = NULL;
  KaravanDataset *dataset = karavan_dataset_load_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
test_png_chunks (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ();
  KaravanView *view = karavan_dataset_find_view (dataset, "exports-growth");
  KaravanExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  const guint8 *data;
  gsize len, off = 8;
  gboolean phys = FALSE, title = FALSE;

  karavan_export_options_init (&options, KARAVAN_EXPORT_PNG, KARAVAN_LANG_KK);
  g_assert_true (karavan_export_apply_preset (&options, "journal-column"));
  options.dataset_id = "kazakhstan-china";
  png = karavan_export_to_bytes (view, &options, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &len);

  /* 85 mm at 300 dpi. */
  g_assert_cmpuint (be32 (data + 16), ==, 1004);
  while (off + 12 <= len)
    {
      guint32 n = be32 (data + off);

      if (memcmp (data + off + 4, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (be32 (data + off + 8), ==, 11811);  /* 300 dpi in pixels per metre */
          phys = TRUE;
        }
      if (memcmp (data + off + 4, "iTXt", 4) == 0 && memcmp (data + off + 8, "Title", 6) == 0)
        {
          g_assert_nonnull (memmem (data + off + 8, n, "Қытай", strlen ("Қытай")));
          title = TRUE;
        }
      off += 12 + n;
    }
  g_assert_true (phys);
  g_assert_true (title);
}

static void
test_svg_text (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ();
  KaravanView *view = karavan_dataset_find_view (dataset, "exports-growth");
  KaravanExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;

  karavan_export_options_init (&options, KARAVAN_EXPORT_SVG, KARAVAN_LANG_RU);
  svg = karavan_export_to_bytes (view, &options, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "<title>Экспорт"));
  g_assert_nonnull (strstr (text, "<desc>"));
  /* Text stays text: the value label is a <text> element. */
  g_assert_nonnull (strstr (text, ">124\u00a0234</text>"));
}

static void
test_atomic_write (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ();
  KaravanView *view = karavan_dataset_find_view (dataset, "exports-growth");
  g_autofree char *dir = g_dir_make_tmp ("karavan-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fig.pdf", NULL);
  g_autofree char *blocked = g_build_filename (dir, "sub", "fig.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  KaravanExportOptions options;
  gsize len;

  karavan_export_options_init (&options, KARAVAN_EXPORT_PDF, KARAVAN_LANG_EN);
  g_assert_true (g_file_set_contents (path, "old", 3, NULL));

  /* Not a size anyone can draw: fails before touching the file. */
  options.width = 0;
  g_assert_false (karavan_export_to_file (view, &options, path, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* A full disk: the error is reported. */
  options.width = 400;
  g_assert_false (karavan_export_to_file (view, &options, "/dev/full", &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO);
  g_clear_error (&error);

  /* A folder that does not exist. */
  g_assert_false (karavan_export_to_file (view, &options, blocked, &error));
  g_assert_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (karavan_export_to_file (view, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* No temporary file is left behind. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_csv (void)
{
  g_autoptr(KaravanDataset) dataset = load_bundled ();
  KaravanView *view = karavan_dataset_find_view (dataset, "survey-awareness");
  g_autofree char *csv = karavan_view_to_csv (view, KARAVAN_LANG_EN);

  /* RFC 4180: CRLF, header first, >50 kept. */
  g_assert_nonnull (strstr (csv, "\r\n"));
  g_assert_nonnull (strstr (csv, ">50"));
  g_assert_nonnull (strstr (csv, "84"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Karavan/Export/png-chunks", test_png_chunks);
  g_test_add_func ("/Karavan/Export/svg-text", test_svg_text);
  g_test_add_func ("/Karavan/Export/atomic-write", test_atomic_write);
  g_test_add_func ("/Karavan/Export/csv", test_csv);

  return g_test_run ();
}
