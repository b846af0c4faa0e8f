/* karavan-core.h: everything of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "karavan-catalog.h"
#include "karavan-dataset.h"
#include "karavan-error.h"
#include "karavan-export.h"
#include "karavan-figure.h"
#include "karavan-format.h"
#include "karavan-lang.h"
#include "karavan-library.h"
#include "karavan-loader.h"
#include "karavan-palette.h"
