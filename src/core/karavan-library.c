/* karavan-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "karavan-error.h"
#include "karavan-library.h"

#include <string.h>

/**
 * karavan_get_install_path:
 * @relative: a path relative to the installation prefix
 *
 * Finds @relative beside the running program: PREFIX/bin/karavan looks
 * in PREFIX/@relative, so an installed tree works wherever it is moved.
 *
 * Returns: (nullable): the path if it exists there
 */
char *
karavan_get_install_path (const char *relative)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;

  if (exe == NULL || g_path_is_absolute (BINDIR_RELATIVE))
    return NULL;

  dir = g_path_get_dirname (exe);
  /* One step up per component of the bindir ("bin" → one). */
  parts = g_strsplit (BINDIR_RELATIVE, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (parts[i][0] != '\0')
      {
        char *up = g_path_get_dirname (dir);

        g_free (dir);
        dir = up;
      }

  path = g_build_filename (dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&path);
}

/* KARAVAN_DATADIR points a build tree at the source's data/. */
char *
karavan_get_datasets_dir (void)
{
  const char *env = g_getenv ("KARAVAN_DATADIR");
  g_autofree char *relocated = NULL;

  if (env != NULL)
    return g_build_filename (env, "datasets", NULL);

  relocated = karavan_get_install_path (DATADIR_RELATIVE "/karavan/datasets");
  if (relocated != NULL)
    return g_steal_pointer (&relocated);

  return g_build_filename (PKGDATADIR, "datasets", NULL);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * karavan_list_bundled_datasets:
 *
 * Returns: (transfer full): the paths of the bundled dataset files,
 *   sorted by name
 */
GPtrArray *
karavan_list_bundled_datasets (GError **error)
{
  g_autofree char *dir_path = karavan_get_datasets_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  GPtrArray *paths;
  const char *name;

  if (dir == NULL)
    return NULL;

  paths = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_strings);

  return paths;
}

/**
 * karavan_find_view:
 * @id: a view id, or DATASET_ID:VIEW_ID
 *
 * A plain id names the first dataset's view with that id.
 */
KaravanView *
karavan_find_view (GPtrArray       *datasets,
                   const char      *id,
                   KaravanDataset **out_dataset)
{
  const char *colon = strchr (id, ':');

  for (guint i = 0; i < datasets->len; i++)
    {
      KaravanDataset *dataset = datasets->pdata[i];
      KaravanView *view;

      if (colon != NULL)
        {
          const char *dataset_id = karavan_dataset_get_id (dataset);

          if (strlen (dataset_id) != (gsize) (colon - id) || strncmp (dataset_id, id, colon - id) != 0)
            continue;
          view = karavan_dataset_find_view (dataset, colon + 1);
        }
      else
        view = karavan_dataset_find_view (dataset, id);

      if (view != NULL)
        {
          if (out_dataset)
            *out_dataset = dataset;
          return view;
        }
    }

  return NULL;
}

/* "a, b, c": every view id, for messages. */
char *
karavan_list_view_ids (GPtrArray *datasets)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < datasets->len; i++)
    {
      GPtrArray *views = karavan_dataset_get_views (datasets->pdata[i]);

      for (guint j = 0; j < views->len; j++)
        {
          if (out->len)
            g_string_append (out, ", ");
          g_string_append (out, ((KaravanView *) views->pdata[j])->id);
        }
    }

  return g_string_free (out, FALSE);
}
