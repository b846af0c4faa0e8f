/* karavan-sources-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every view: the full citation of each source with its link,
 * publisher and dates; for a chart, the definition and unit of each
 * measure and the notes on single values; for a timeline, the
 * corrections other sources make. The data's texts are in the figure's
 * language, the headings in the interface's.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "karavan-sources-view.h"

struct _KaravanSourcesView
{
  GtkWidget          parent_instance;

  /* Children */
  GtkScrolledWindow *scroller;
  GtkBox            *box;

  /* Owned references */
  GString           *text;   /* everything shown, for tests and copying */
};

G_DEFINE_FINAL_TYPE (KaravanSourcesView, karavan_sources_view, GTK_TYPE_WIDGET)

static GtkWidget *
add_group (KaravanSourcesView *self,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->box, group);
  g_string_append_printf (self->text, "%s\n", title);

  return group;
}

static GtkWidget *
add_label (KaravanSourcesView *self,
           GtkBox             *box,
           const char         *text,
           const char         *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  g_string_append_printf (self->text, "%s\n", text);

  return label;
}

/* A row of a group: a heading, a body, a line of details, a link. */
typedef struct {
  const char *heading;
  const char *body;
  const char *note;
  const char *details;
  const char *url;
  const char *copy;     /* a "Copy" button copies this */
} RowText;

static void
on_copy_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-toast", "s", _("Citation copied"));
}

static void
add_row (KaravanSourcesView *self,
         GtkWidget          *group,
         const RowText      *row_text)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "title", row_text->heading ? row_text->heading : row_text->body,
                                 "activatable", FALSE,
                                 NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (outer, "sources-row");

  if (row_text->heading != NULL)
    add_label (self, GTK_BOX (box), row_text->heading, "heading");
  if (row_text->body != NULL)
    add_label (self, GTK_BOX (box), row_text->body, NULL);
  if (row_text->note != NULL)
    {
      GtkWidget *label = add_label (self, GTK_BOX (box), row_text->note, "dim-label");

      gtk_widget_set_margin_top (label, 2);
    }
  if (row_text->details != NULL)
    {
      GtkWidget *label = add_label (self, GTK_BOX (box), row_text->details, "dim-label");

      gtk_widget_add_css_class (label, "caption");
    }
  if (row_text->url != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", row_text->url, row_text->url);
      GtkWidget *link = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (link), markup);
      gtk_label_set_xalign (GTK_LABEL (link), 0);
      gtk_label_set_ellipsize (GTK_LABEL (link), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_tooltip_text (link, row_text->url);
      gtk_widget_add_css_class (link, "caption");
      gtk_box_append (GTK_BOX (box), link);
      g_string_append_printf (self->text, "%s\n", row_text->url);
    }
  gtk_box_append (GTK_BOX (outer), box);

  if (row_text->copy != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Copy Citation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Citation"),
                                      -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "text", g_strdup (row_text->copy), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (outer), button);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static char *
source_details (const KaravanSource *source)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (source->publisher != NULL)
    g_ptr_array_add (parts, g_strdup (source->publisher));
  if (source->published != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Published %s"), source->published));
  if (source->accessed != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Accessed %s"), source->accessed));
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
add_sources (KaravanSourcesView *self,
             const KaravanView  *view,
             KaravanLang         lang)
{
  g_autoptr(GPtrArray) sources = karavan_view_collect_sources (view);
  GtkWidget *group;

  if (sources->len == 0)
    return;

  group = add_group (self, _("Sources"), NULL);
  for (guint i = 0; i < sources->len; i++)
    {
      const KaravanSource *source = sources->pdata[i];
      const char *citation = karavan_text_get (&source->citation, lang);
      const char *note = karavan_text_get (&source->note, lang);
      g_autofree char *details = source_details (source);
      RowText row = {
        .body = citation ? citation : source->id,
        .note = note,
        .details = details,
        .url = source->url,
        .copy = citation ? citation : source->id,
      };

      add_row (self, group, &row);
    }
}

static void
add_measures (KaravanSourcesView *self,
              const KaravanView  *view,
              KaravanLang         lang)
{
  const KaravanChart *chart = view->chart;
  GtkWidget *group = NULL;
  GtkWidget *notes = NULL;

  for (guint i = 0; i < chart->series->len; i++)
    {
      const KaravanSeries *series = chart->series->pdata[i];
      const char *title = karavan_text_get (&series->title, lang);
      const char *unit = karavan_text_get (&series->unit, lang);
      const char *definition = karavan_text_get (&series->definition, lang);
      const char *note = karavan_text_get (&series->note, lang);
      g_autofree char *details = NULL;
      RowText row = { 0 };

      if (group == NULL)
        group = add_group (self, _("Measures"), _("What each series counts"));

      if (unit != NULL)
        details = g_strdup_printf (_("Unit: %s"), unit);
      else if (series->format == KARAVAN_FORMAT_PERCENT)
        details = g_strdup (_("Unit: per cent"));
      row.heading = title ? title : series->id;
      row.body = definition;
      row.note = note;
      row.details = details;
      add_row (self, group, &row);
    }

  /* Notes on single values, in the order of the chart. */
  for (guint i = 0; i < chart->series->len; i++)
    {
      const KaravanSeries *series = chart->series->pdata[i];
      const char *title = karavan_text_get (&series->title, lang);

      for (guint j = 0; j < series->points->len; j++)
        {
          const KaravanPoint *point = &g_array_index (series->points, KaravanPoint, j);
          const KaravanPointExtra *extra = karavan_series_get_extra (series, point);
          const char *note = extra != NULL ? karavan_text_get (&extra->note, lang) : NULL;
          const char *period = extra != NULL ? karavan_text_get (&extra->period, lang) : NULL;
          g_autofree char *x = NULL;
          g_autofree char *heading = NULL;
          RowText row = { 0 };

          if (note == NULL && period == NULL)
            continue;
          if (notes == NULL)
            notes = add_group (self, _("Notes on Values"), NULL);

          x = karavan_format_x (point->x, series->x_type, series, lang);
          /* TRANSLATORS: a series and one of its x values, as in "Vehicle exports, 2024" */
          heading = g_strdup_printf (_("%s, %s"), title ? title : series->id, x);
          row.heading = heading;
          row.body = note != NULL ? note : period;
          row.details = note != NULL ? period : NULL;
          add_row (self, notes, &row);
        }
    }
}

static void
add_corrections (KaravanSourcesView *self,
                 const KaravanView  *view,
                 KaravanLang         lang)
{
  GtkWidget *group = NULL;

  for (guint i = 0; i < view->timeline->events->len; i++)
    {
      const KaravanEvent *event = view->timeline->events->pdata[i];
      const char *title = karavan_text_get (&event->title, lang);
      g_autofree char *date = karavan_format_date (&event->from, lang);

      for (guint c = 0; c < event->corrections->len; c++)
        {
          const KaravanCorrection *correction = event->corrections->pdata[c];
          g_autofree char *heading = g_strdup_printf (C_("event title and date", "%s, %s"), title ? title : event->id, date);
          g_autoptr(GString) details = g_string_new (NULL);
          g_autofree char *corrected_by = NULL;
          RowText row = { 0 };

          if (group == NULL)
            group = add_group (self, _("Corrections"), _("Where another source corrects what the first one says"));

          for (guint s = 0; correction->sources != NULL && s < correction->sources->len; s++)
            {
              const KaravanSource *source = correction->sources->pdata[s];

              if (details->len > 0)
                g_string_append (details, "; ");
              g_string_append (details, source->publisher != NULL ? source->publisher : source->id);
            }
          /* TRANSLATORS: %s is one or more publishers, separated by semicolons */
          if (details->len > 0)
            corrected_by = g_strdup_printf (_("Corrected by: %s"), details->str);

          row.heading = heading;
          row.body = karavan_text_get (&correction->text, lang);
          row.details = corrected_by;
          add_row (self, group, &row);
        }
    }
}

static void
add_about (KaravanSourcesView *self,
           const KaravanView  *view,
           KaravanLang         lang)
{
  const char *note = karavan_text_get (&view->note, lang);
  const char *description = karavan_text_get (&view->description, lang);
  GtkWidget *group;

  if (note == NULL && description == NULL)
    return;

  group = add_group (self, _("About This View"), NULL);
  if (description != NULL)
    add_row (self, group, &(RowText) { .heading = _("Description"), .body = description });
  if (note != NULL)
    add_row (self, group, &(RowText) { .heading = _("Note"), .body = note });
}

void
karavan_sources_view_set_view (KaravanSourcesView *self,
                               const KaravanView  *view,
                               KaravanLang         lang)
{
  GtkWidget *child;

  g_return_if_fail (KARAVAN_IS_SOURCES_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  g_string_truncate (self->text, 0);

  if (view == NULL)
    return;

  add_sources (self, view, lang);
  if (view->kind == KARAVAN_VIEW_CHART)
    add_measures (self, view, lang);
  if (view->kind == KARAVAN_VIEW_TIMELINE)
    add_corrections (self, view, lang);
  add_about (self, view, lang);

  if (gtk_widget_get_first_child (GTK_WIDGET (self->box)) == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Sources"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), _("This view names no sources"));
      gtk_box_append (self->box, status);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Every text shown, one per line. */
char *
karavan_sources_view_get_text (KaravanSourcesView *self)
{
  g_return_val_if_fail (KARAVAN_IS_SOURCES_VIEW (self), NULL);

  return g_strdup (self->text->str);
}

static void
karavan_sources_view_dispose (GObject *object)
{
  KaravanSourcesView *self = KARAVAN_SOURCES_VIEW (object);

  g_clear_pointer ((GtkWidget **) &self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (karavan_sources_view_parent_class)->dispose (object);
}

static void
karavan_sources_view_finalize (GObject *object)
{
  KaravanSourcesView *self = KARAVAN_SOURCES_VIEW (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (karavan_sources_view_parent_class)->finalize (object);
}

static void
karavan_sources_view_class_init (KaravanSourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_sources_view_dispose;
  object_class->finalize = karavan_sources_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourcesview");
}

static void
karavan_sources_view_init (KaravanSourcesView *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->text = g_string_new (NULL);

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->box), 12);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->box));

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, clamp);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
}

GtkWidget *
karavan_sources_view_new (void)
{
  return g_object_new (KARAVAN_TYPE_SOURCES_VIEW, NULL);
}
