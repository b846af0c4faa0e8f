/* karavan-cli.h: the command line, which needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "karavan-deck.h"

G_BEGIN_DECLS

typedef struct {
  gboolean   validate;
  gboolean   list;
  gboolean   csv;
  gboolean   describe;        /* --describe: print the view in words */
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
  char      *lesson;          /* --lesson=ID: export a lesson's handout */
  gboolean   present;         /* --present[=ID]: open in presentation mode */
  char      *present_lesson;  /* its ID, or NULL for the first lesson */
  int        pages;           /* --pages=N: a timeline as an N-page PDF */
} KaravanCliOptions;

GOptionEntry *karavan_cli_get_option_entries (KaravanCliOptions *options);
gboolean      karavan_cli_wants_to_run      (const KaravanCliOptions *options);
int           karavan_cli_run               (KaravanCliOptions       *options);
void          karavan_cli_options_clear     (KaravanCliOptions       *options);
KaravanDeck  *karavan_cli_load_presentation (KaravanCliOptions       *options,
                                             KaravanLang             *out_lang);

G_END_DECLS
