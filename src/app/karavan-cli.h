/* karavan-cli.h: the command line, which needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gboolean   validate;
  gboolean   list;
  gboolean   csv;
  gboolean   transparent;
  gboolean   events;
  char      *chart;
  char      *export_path;
  char      *lang;
  char      *preset;
  char      *palette;
  int        width;
  int        height;
  int        dpi;
  char     **files;
} KaravanCliOptions;

GOptionEntry *karavan_cli_get_option_entries (KaravanCliOptions *options);
gboolean      karavan_cli_wants_to_run      (const KaravanCliOptions *options);
int           karavan_cli_run               (KaravanCliOptions       *options);
void          karavan_cli_options_clear     (KaravanCliOptions       *options);

G_END_DECLS
