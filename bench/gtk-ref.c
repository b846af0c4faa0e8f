/* gtk-ref.c: the floor for W5, a libadwaita window's first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that opens one 1280 × 800 AdwApplicationWindow with a
 * header bar and a drawing area that draws a title and a short line with
 * Cairo and Pango: what any GTK 4 + libadwaita application pays before
 * its first frame, whatever it shows. bench/first-frame times it exactly
 * as it times Karavan.
 */
#include <adwaita.h>

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), "Vehicle exports from China to Kazakhstan");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, 20, 20);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  cairo_set_source_rgb (cr, 0, 0.45, 0.7);
  cairo_set_line_width (cr, 3);
  cairo_move_to (cr, 60, height - 60);
  cairo_line_to (cr, width - 60, 80);
  cairo_stroke (cr);
}

static void
activate_cb (GApplication *app,
             gpointer      data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_window_set_title (GTK_WINDOW (window), "gtk-ref");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_widget_set_vexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, NULL, NULL);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), area);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.karavan.BenchGtkRef", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
