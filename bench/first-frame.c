/* first-frame.c: time from a process's start to its first drawn frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   first-frame [--timeout SECONDS] [--min-size PIXELS] [--min-colors N] -- COMMAND [ARG…]
 *
 * Watches the X display ($DISPLAY) from outside the application, which is
 * not changed in any way: it listens for top-level windows being created
 * (SubstructureNotify on the root window), puts an X DAMAGE monitor on
 * each at once, then starts COMMAND and waits for the first damage (a
 * drawing) to a mapped window at least --min-size pixels (default 200)
 * on each side after which the window shows at least --min-colors
 * (default 8) distinct pixel values on a 64 × 16 sample grid: the first
 * frame the application has drawn, not the blank window the X server
 * shows on mapping. It then
 * stops COMMAND (SIGTERM) and prints
 *
 *   first-frame MS map MS colors N maxrss KB [hook MS]
 *
 * MS are milliseconds from just before fork() to the damage event and to
 * the MapNotify of that window; N the distinct pixel values seen. maxrss is the peak resident size of the
 * process (wait4(), as /usr/bin/time -f %M reports it). "hook" is printed
 * when the application itself reports its first frame: if its standard
 * output has a line "karavan-first-frame MONOTONIC_US" (CLOCK_MONOTONIC in
 * microseconds; the KARAVAN_BENCH_FIRST_FRAME=1 hook proposed for
 * Karavan), MS is that time from the same start. Exit status: 0 when a
 * frame was seen, 1 on timeout or when COMMAND exited first, 2 on usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#define MAX_WINDOWS 256

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Distinct pixel values on a 64 × 64 grid of the window (16 rows read
 * back, 64 pixels each): 1 is a blank window. */
static int
count_colors (Display *dpy,
              Window   window)
{
  XWindowAttributes wa;
  unsigned long seen[64 * 16];
  int colors = 0;

  if (!XGetWindowAttributes (dpy, window, &wa) || wa.width < 64 || wa.height < 16)
    return 0;
  for (int gy = 0; gy < 16; gy++)
    {
      XImage *row = XGetImage (dpy, window, 0, (gy * 2 + 1) * wa.height / 32, wa.width, 1, AllPlanes, ZPixmap);

      if (row == NULL)
        continue;
      for (int gx = 0; gx < 64; gx++)
        {
          unsigned long v = XGetPixel (row, (gx * 2 + 1) * wa.width / 128, 0);
          int k;

          for (k = 0; k < colors && seen[k] != v; k++)
            ;
          if (k == colors)
            seen[colors++] = v;
        }
      XDestroyImage (row);
    }
  return colors;
}

static int
ignore_errors (Display     *dpy,
               XErrorEvent *ev)
{
  /* Windows come and go while we watch them (BadWindow, BadDamage). */
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  double timeout = 20, start, map_time = -1, frame_time = -1, hook_time = -1;
  int min_size = 200, damage_event, damage_error, argi = 1, out_pipe[2], status = 0;
  Window watched[MAX_WINDOWS];
  int colors = 0, min_colors = 8;
  double mapped_at[MAX_WINDOWS];
  int n_watched = 0;
  char linebuf[4096];
  size_t line_len = 0;
  struct rusage ru;
  Display *dpy;
  Window root;
  pid_t pid;

  while (argi < argc && strncmp (argv[argi], "--", 2) == 0 && argv[argi][2] != '\0')
    {
      if (strcmp (argv[argi], "--timeout") == 0 && argi + 1 < argc)
        timeout = atof (argv[++argi]);
      else if (strcmp (argv[argi], "--min-size") == 0 && argi + 1 < argc)
        min_size = atoi (argv[++argi]);
      else if (strcmp (argv[argi], "--min-colors") == 0 && argi + 1 < argc)
        min_colors = atoi (argv[++argi]);
      else
        break;
      argi++;
    }
  if (argi < argc && strcmp (argv[argi], "--") == 0)
    argi++;
  if (argi >= argc)
    {
      fprintf (stderr, "usage: first-frame [--timeout SECONDS] [--min-size PIXELS] [--min-colors N] -- COMMAND [ARG…]\n");
      return 2;
    }

  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    {
      fprintf (stderr, "first-frame: cannot open the display “%s”\n", getenv ("DISPLAY") ? getenv ("DISPLAY") : "");
      return 2;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "first-frame: the X server has no DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_errors);
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  if (pipe (out_pipe) != 0)
    return 2;

  setenv ("KARAVAN_BENCH_FIRST_FRAME", "1", 1);
  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      close (ConnectionNumber (dpy));
      dup2 (out_pipe[1], STDOUT_FILENO);
      close (out_pipe[0]);
      close (out_pipe[1]);
      execvp (argv[argi], argv + argi);
      fprintf (stderr, "first-frame: cannot run %s: %s\n", argv[argi], strerror (errno));
      _exit (127);
    }
  close (out_pipe[1]);
  fcntl (out_pipe[0], F_SETFL, O_NONBLOCK);

  while (frame_time < 0 && now_ms () - start < timeout * 1000)
    {
      struct pollfd fds[2] = {
        { ConnectionNumber (dpy), POLLIN, 0 },
        { out_pipe[0], POLLIN, 0 },
      };

      while (XPending (dpy))
        {
          XEvent ev;
          double t;

          XNextEvent (dpy, &ev);
          t = now_ms () - start;

          if (ev.type == CreateNotify && !ev.xcreatewindow.override_redirect && n_watched < MAX_WINDOWS)
            {
              XDamageCreate (dpy, ev.xcreatewindow.window, XDamageReportNonEmpty);
              XSelectInput (dpy, ev.xcreatewindow.window, StructureNotifyMask);
              watched[n_watched] = ev.xcreatewindow.window;
              mapped_at[n_watched++] = -1;
              XFlush (dpy);
            }
          else if (ev.type == MapNotify)
            {
              if (getenv ("FIRST_FRAME_DEBUG"))
                fprintf (stderr, "%.1f map %#lx\n", t, ev.xmap.window);
              for (int i = 0; i < n_watched; i++)
                if (watched[i] == ev.xmap.window && mapped_at[i] < 0)
                  mapped_at[i] = t;
            }
          else if (ev.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *de = (XDamageNotifyEvent *) &ev;

              XDamageSubtract (dpy, de->damage, None, None);
              if (getenv ("FIRST_FRAME_DEBUG"))
                fprintf (stderr, "%.1f damage %#lx %dx%d+%d+%d of %dx%d colors %d\n", t, de->drawable,
                         de->area.width, de->area.height, de->area.x, de->area.y,
                         de->geometry.width, de->geometry.height, count_colors (dpy, de->drawable));
              for (int i = 0; i < n_watched; i++)
                if (watched[i] == de->drawable && mapped_at[i] >= 0 &&
                    de->geometry.width >= min_size && de->geometry.height >= min_size &&
                    frame_time < 0 && (colors = count_colors (dpy, watched[i])) >= min_colors)
                  {
                    frame_time = t;
                    map_time = mapped_at[i];
                  }
            }
        }
      if (frame_time >= 0)
        break;

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "first-frame: %s exited (status %d) before drawing a frame\n", argv[argi], status);
          return 1;
        }

      poll (fds, 2, 20);
      if (fds[1].revents & POLLIN)
        {
          ssize_t n = read (out_pipe[0], linebuf + line_len, sizeof linebuf - 1 - line_len);

          if (n > 0)
            line_len += n;
        }
    }

  /* The application's own report, if it has one, comes at once. */
  if (frame_time >= 0)
    {
      double until = now_ms () + 100;

      while (now_ms () < until && strstr (linebuf, "karavan-first-frame ") == NULL)
        {
          struct pollfd fd = { out_pipe[0], POLLIN, 0 };
          ssize_t n;

          linebuf[line_len] = '\0';
          if (poll (&fd, 1, 10) > 0 && (n = read (out_pipe[0], linebuf + line_len, sizeof linebuf - 1 - line_len)) > 0)
            line_len += n;
          linebuf[line_len] = '\0';
        }
      linebuf[line_len] = '\0';
      {
        const char *hook = strstr (linebuf, "karavan-first-frame ");

        if (hook != NULL)
          {
            /* Both are CLOCK_MONOTONIC. */
            hook_time = atof (hook + strlen ("karavan-first-frame ")) / 1e3 - start;
          }
      }
    }

  kill (pid, SIGTERM);
  if (wait4 (pid, &status, 0, &ru) < 0)
    memset (&ru, 0, sizeof ru);

  if (frame_time < 0)
    {
      fprintf (stderr, "first-frame: no frame within %g s\n", timeout);
      return 1;
    }

  printf ("first-frame %.1f map %.1f colors %d maxrss %ld", frame_time, map_time, colors, ru.ru_maxrss);
  if (hook_time >= 0)
    printf (" hook %.1f", hook_time);
  printf ("\n");
  return 0;
}
