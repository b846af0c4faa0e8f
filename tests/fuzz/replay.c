/* replay.c: runs the fuzz target over files, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer checks for leaks in the middle of a run, and takes the groups
 * that karavan-chart.c keeps alive until an SVG surface is finished for
 * leaks. This replays a corpus in one ordinary process, so that
 * LeakSanitizer looks at exit, as it does in the tests.
 *
 *   replay-loader FILE…
 */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
main (int   argc,
      char *argv[])
{
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_get_contents (argv[i], &data, &len, NULL))
        {
          fprintf (stderr, "replay: cannot read %s\n", argv[i]);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
    }

  printf ("replayed %d inputs\n", argc - 1);
  return 0;
}
