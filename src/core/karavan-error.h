/* karavan-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KARAVAN_ERROR (karavan_error_quark ())

typedef enum {
  KARAVAN_ERROR_IO,          /* a file could not be read or written */
  KARAVAN_ERROR_TOO_LARGE,   /* a limit of the loader was reached */
  KARAVAN_ERROR_PARSE,       /* not well-formed XML */
  KARAVAN_ERROR_INVALID,     /* against the schema or the format's rules */
  KARAVAN_ERROR_NOT_FOUND,   /* no view with that id */
  KARAVAN_ERROR_UNSUPPORTED, /* e.g. an unknown export format */
  KARAVAN_ERROR_CANCELLED,
} KaravanError;

GQuark karavan_error_quark (void);

G_END_DECLS
