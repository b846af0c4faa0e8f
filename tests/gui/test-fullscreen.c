/* test-fullscreen.c: F11 and win.fullscreen, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb there is no window manager, and on X11 only a window
 * manager makes a window full screen: GTK asks it with a _NET_WM_STATE
 * client message to the root window, and believes the _NET_WM_STATE
 * property the manager then sets on the window. This test plays the
 * manager's part over its own X connection: it reads the requests the
 * window sends and answers them by setting or removing the property.
 * What it checks is the window's side: F11, the action and Escape ask
 * for the right state, gtk_window_is_fullscreen() follows the answer,
 * and full screen gives the figure the whole width (no sidebar).
 */
#include <string.h>

#include <X11/Xatom.h>
#include <X11/Xlibint.h>
#include <X11/extensions/xtestproto.h>
#include <X11/keysym.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "karavan-window.h"

#define NET_WM_STATE_REMOVE 0
#define NET_WM_STATE_ADD    1

typedef struct {
  KaravanWindow *window;
  Display       *wm;        /* the test's own connection: the "window manager" */
  Window         xid;
  Atom           net_wm_state;
  Atom           fullscreen;
} Fixture;

/* XTestFakeInput, as libXtst sends it (its headers are not a build
 * dependency). */
static gboolean
xtest_fake (Display      *dpy,
            int           type,
            unsigned int  detail)
{
  xXTestFakeInputReq *req;
  int opcode, first_event, first_error;

  if (!XQueryExtension (dpy, "XTEST", &opcode, &first_event, &first_error))
    return FALSE;

  LockDisplay (dpy);
  GetReq (XTestFakeInput, req);
  req->reqType = opcode;
  req->xtReqType = X_XTestFakeInput;
  req->type = type;
  req->detail = detail;
  req->time = CurrentTime;
  req->root = None;
  req->rootX = 0;
  req->rootY = 0;
  req->deviceid = 0;
  UnlockDisplay (dpy);
  SyncHandle ();
  XSync (dpy, False);
  return TRUE;
}

/* The window has the keyboard (no window manager gives it), then the key. */
static void
press_key (Fixture *f,
           guint    keysym)
{
  KeyCode code = XKeysymToKeycode (f->wm, keysym);

  XSetInputFocus (f->wm, f->xid, RevertToParent, CurrentTime);
  XSync (f->wm, False);
  g_assert_cmpuint (code, !=, 0);
  g_assert_true (xtest_fake (f->wm, KeyPress, code));
  g_assert_true (xtest_fake (f->wm, KeyRelease, code));
}

/* The next _NET_WM_STATE request about the fullscreen state, as a
 * window manager receives it: NET_WM_STATE_ADD or _REMOVE. */
static long
wait_for_request (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      while (XPending (f->wm) > 0)
        {
          XEvent event;

          XNextEvent (f->wm, &event);
          if (event.type == ClientMessage && event.xclient.window == f->xid &&
              event.xclient.message_type == f->net_wm_state &&
              ((Atom) event.xclient.data.l[1] == f->fullscreen || (Atom) event.xclient.data.l[2] == f->fullscreen))
            return event.xclient.data.l[0];
        }
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The window manager's answer. */
static void
set_fullscreen (Fixture  *f,
                gboolean  fullscreen)
{
  if (fullscreen)
    XChangeProperty (f->wm, f->xid, f->net_wm_state, XA_ATOM, 32, PropModeReplace,
                     (const unsigned char *) &f->fullscreen, 1);
  else
    XDeleteProperty (f->wm, f->xid, f->net_wm_state);
  XSync (f->wm, False);
}

static void
wait_until_fullscreen (Fixture  *f,
                       gboolean  fullscreen)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_window_is_fullscreen (GTK_WINDOW (f->window)) != fullscreen)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Shown again after the next layout. */
static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The sidebar's first view: mapped while the sidebar shows. */
static GtkWidget *
find_view_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "view-id") != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_view_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GdkDisplay *display = gdk_display_get_default ();
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  f->window = g_object_ref_sink (karavan_window_new (NULL));
  karavan_window_load_bundled (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  f->wm = XOpenDisplay (gdk_display_get_name (display));
  g_assert_nonnull (f->wm);
  f->xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->window)));
  f->net_wm_state = XInternAtom (f->wm, "_NET_WM_STATE", False);
  f->fullscreen = XInternAtom (f->wm, "_NET_WM_STATE_FULLSCREEN", False);
  /* Requests to the window manager go to the root window. */
  XSelectInput (f->wm, DefaultRootWindow (f->wm), SubstructureNotifyMask);
  XSync (f->wm, False);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (f->window);
  XCloseDisplay (f->wm);
}

static void
test_fullscreen (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *row = find_view_row (GTK_WIDGET (f->window));

  g_assert_nonnull (row);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  wait_until_mapped (row);

  /* F11 asks for full screen; granted, the sidebar goes. */
  press_key (f, XK_F11);
  g_assert_cmpint (wait_for_request (f), ==, NET_WM_STATE_ADD);
  set_fullscreen (f, TRUE);
  wait_until_fullscreen (f, TRUE);
  g_assert_false (gtk_widget_get_mapped (row));

  /* F11 again asks to leave it; the sidebar is back. */
  press_key (f, XK_F11);
  g_assert_cmpint (wait_for_request (f), ==, NET_WM_STATE_REMOVE);
  set_fullscreen (f, FALSE);
  wait_until_fullscreen (f, FALSE);
  wait_until_mapped (row);

  /* The action toggles as the key does, and Escape leaves. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.fullscreen", NULL));
  g_assert_cmpint (wait_for_request (f), ==, NET_WM_STATE_ADD);
  set_fullscreen (f, TRUE);
  wait_until_fullscreen (f, TRUE);
  press_key (f, XK_Escape);
  g_assert_cmpint (wait_for_request (f), ==, NET_WM_STATE_REMOVE);
  set_fullscreen (f, FALSE);
  wait_until_fullscreen (f, FALSE);
  wait_until_mapped (row);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("no X display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/Karavan/Window/fullscreen", Fixture, NULL, fixture_setup, test_fullscreen, fixture_teardown);

  return g_test_run ();
}
