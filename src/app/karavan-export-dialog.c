/* karavan-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview is the exported figure itself: laid out at the file's
 * size in points, as karavan_export_to_bytes() lays it out, and scaled
 * to fit. Sizes are kept in pixels and dots per inch, as GSettings
 * keeps them; a PDF or SVG page is pixels × 72 / dpi points.
 *
 * A lesson also exports as its handout (an A4 page per step) or its
 * slides (numbered PNGs in a folder), through karavan-handout.h, in the
 * dialog's language; My Lesson exports only as those.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "karavan-export-dialog.h"
#include "karavan-handout.h"
#include "karavan-lesson-editor.h"

struct _KaravanExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *export_button;
  GtkSpinner           *export_spinner;
  GtkWidget            *options_page;
  GtkDrawingArea       *preview;
  GtkLabel             *size_label;
  AdwComboRow          *format_row;
  AdwComboRow          *preset_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  GtkSpinButton        *dpi_spin;
  AdwComboRow          *language_row;
  AdwComboRow          *palette_row;
  AdwActionRow         *transparent_row;
  GtkSwitch            *transparent_switch;
  GtkWidget            *size_group;
  AdwActionRow         *all_languages_row;

  /* Owned references */
  KaravanDataset       *dataset;      /* NULL for a deck of the window's */
  KaravanDerivedView   *derived;      /* NULL for a deck of the window's */
  const KaravanView    *view;         /* what @derived derives, from @dataset */
  gboolean              log_scale;
  KaravanValueMode      value_mode;
  KaravanDeck          *deck;         /* a lesson's steps, or NULL */
  KaravanSlide         *slide;        /* the handout's preview: its first step */
  GSettings            *settings;
  KaravanFigure        *figure;       /* the preview's, at the export size */
  KaravanRenderOptions  render;       /* hidden series and events, as on screen */
  char                 *search;       /* render's strings, owned */
  char                 *selected_event;
  gboolean              updating;     /* a preset is setting the size */
  gboolean              ready;        /* built: rows may change the preview */
  gboolean              exporting;    /* a thread is writing the files */

  /* What the format row offers, in its order */
  guint                 kinds[5];
  guint                 n_kinds;
};

/* The figure formats, then a lesson's. */
enum {
  KIND_PNG = KARAVAN_EXPORT_PNG,
  KIND_PDF = KARAVAN_EXPORT_PDF,
  KIND_SVG = KARAVAN_EXPORT_SVG,
  KIND_HANDOUT,
  KIND_SLIDES,
};

G_DEFINE_FINAL_TYPE (KaravanExportDialog, karavan_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *format_names[] = { "png", "pdf", "svg" };
static const char *format_suffixes[] = { ".png", ".pdf", ".svg" };

/* The palettes offered for a file; a dark figure is rarely wanted on paper. */
static const KaravanPaletteKind palettes[] = {
  KARAVAN_PALETTE_LIGHT, KARAVAN_PALETTE_DARK, KARAVAN_PALETTE_HIGH_CONTRAST, KARAVAN_PALETTE_MONOCHROME,
};

static const char *
preset_label (const char *name)
{
  if (g_str_equal (name, "journal-column"))
    return _("Journal Column");
  if (g_str_equal (name, "journal-page"))
    return _("Journal Page");
  if (g_str_equal (name, "a4-landscape"))
    return _("A4 Landscape");
  if (g_str_equal (name, "slide-16x9"))
    return _("Slide, 16:9");
  return name;
}

static guint
get_kind (KaravanExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return self->kinds[selected < self->n_kinds ? selected : 0];
}

static gboolean
is_handout (KaravanExportDialog *self)
{
  return get_kind (self) >= KIND_HANDOUT;
}

/* A handout is a PDF, slides are PNGs. */
static KaravanExportFormat
get_format (KaravanExportDialog *self)
{
  switch (get_kind (self))
    {
    case KIND_PNG:
    case KIND_SLIDES:
      return KARAVAN_EXPORT_PNG;
    case KIND_SVG:
      return KARAVAN_EXPORT_SVG;
    case KIND_PDF:
    case KIND_HANDOUT:
    default:
      return KARAVAN_EXPORT_PDF;
    }
}

static gboolean
select_kind (KaravanExportDialog *self,
             guint                kind)
{
  for (guint i = 0; i < self->n_kinds; i++)
    if (self->kinds[i] == kind)
      {
        adw_combo_row_set_selected (self->format_row, i);
        return TRUE;
      }
  return FALSE;
}

static void
set_kinds (KaravanExportDialog *self,
           gboolean             figure,
           gboolean             lesson)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->n_kinds = 0;
  if (figure)
    {
      self->kinds[self->n_kinds++] = KIND_PNG;
      gtk_string_list_append (names, _("PNG Image"));
      self->kinds[self->n_kinds++] = KIND_PDF;
      gtk_string_list_append (names, _("PDF Document"));
      self->kinds[self->n_kinds++] = KIND_SVG;
      gtk_string_list_append (names, _("SVG Drawing"));
    }
  if (lesson)
    {
      self->kinds[self->n_kinds++] = KIND_HANDOUT;
      gtk_string_list_append (names, _("Lesson Handout (PDF)"));
      self->kinds[self->n_kinds++] = KIND_SLIDES;
      gtk_string_list_append (names, _("Lesson Slides (PNG)"));
    }
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
}

/* NULL for a custom size. */
static const KaravanPreset *
get_preset (KaravanExportDialog *self)
{
  guint n_presets;
  const KaravanPreset *presets = karavan_export_get_presets (&n_presets);
  guint selected = adw_combo_row_get_selected (self->preset_row);

  return selected >= 1 && selected <= n_presets ? &presets[selected - 1] : NULL;
}

static KaravanLang
get_lang (KaravanExportDialog *self)
{
  return (KaravanLang) MIN (adw_combo_row_get_selected (self->language_row), KARAVAN_LANG_EN);
}

void
karavan_export_dialog_get_options (KaravanExportDialog  *self,
                                   KaravanExportOptions *options)
{
  KaravanExportFormat format;
  const KaravanPreset *preset;
  double dpi;

  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));

  format = get_format (self);
  preset = get_preset (self);
  karavan_export_options_init (options, format, get_lang (self));

  if (preset != NULL)
    karavan_export_apply_preset (options, preset->name);
  else
    {
      dpi = gtk_spin_button_get_value (self->dpi_spin);
      options->dpi = dpi;
      options->width = gtk_spin_button_get_value (self->width_spin);
      options->height = gtk_spin_button_get_value (self->height_spin);
      if (format != KARAVAN_EXPORT_PNG)
        {
          options->width = options->width * 72 / dpi;
          options->height = options->height * 72 / dpi;
        }
    }

  options->render = self->render;
  options->render.lang = get_lang (self);
  options->render.palette = palettes[MIN (adw_combo_row_get_selected (self->palette_row), G_N_ELEMENTS (palettes) - 1)];
  options->render.transparent = format != KARAVAN_EXPORT_PDF && gtk_switch_get_active (self->transparent_switch);
  options->dataset_id = self->dataset != NULL ? karavan_dataset_get_id (self->dataset) : NULL;
}

static KaravanPaletteKind
get_palette (KaravanExportDialog *self)
{
  return palettes[MIN (adw_combo_row_get_selected (self->palette_row), G_N_ELEMENTS (palettes) - 1)];
}

/* The handout in the dialog's language and colours; slides keep the
 * projector's. */
static void
get_handout_options (KaravanExportDialog   *self,
                     KaravanHandoutOptions *options)
{
  karavan_handout_options_init (options, get_lang (self));
  options->palette = get_palette (self);
}

/* The figure's size in points, as the export lays it out. */
static void
get_points (const KaravanExportOptions *options,
            double                     *width,
            double                     *height)
{
  double scale = options->format == KARAVAN_EXPORT_PNG ? options->dpi / 72 : 1;

  *width = options->width / scale;
  *height = options->height / scale;
}

/**
 * karavan_export_dialog_get_size_text:
 *
 * Returns: "1600 × 1000 px · 150 dpi · 271 × 169 mm", as the dialog
 *   shows under its preview
 */
char *
karavan_export_dialog_get_size_text (KaravanExportDialog *self)
{
  KaravanExportOptions options;
  double w, h;

  g_return_val_if_fail (KARAVAN_IS_EXPORT_DIALOG (self), NULL);

  if (is_handout (self))
    {
      KaravanHandoutOptions handout;
      guint n = karavan_deck_get_n_steps (self->deck);

      get_handout_options (self, &handout);
      if (get_kind (self) == KIND_SLIDES)
        /* TRANSLATORS: how many PNG slides a lesson exports as, and their pixels */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u slide · %.0f × %.0f px", "%u slides · %.0f × %.0f px", n),
                                n, handout.slide_width, handout.slide_height);
      /* TRANSLATORS: how many pages a lesson's handout has, and their size in millimetres */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page · %.0f × %.0f mm", "%u pages · %.0f × %.0f mm", n),
                              n, handout.page_width / 72 * 25.4, handout.page_height / 72 * 25.4);
    }

  karavan_export_dialog_get_options (self, &options);
  get_points (&options, &w, &h);

  if (options.format == KARAVAN_EXPORT_PNG)
    /* TRANSLATORS: pixels, dots per inch and millimetres of an exported image */
    return g_strdup_printf (_("%.0f × %.0f px · %.0f dpi · %.0f × %.0f mm"),
                            options.width, options.height, options.dpi,
                            w / 72 * 25.4, h / 72 * 25.4);

  /* TRANSLATORS: points and millimetres of an exported page */
  return g_strdup_printf (_("%.0f × %.0f pt · %.0f × %.0f mm"), w, h, w / 72 * 25.4, h / 72 * 25.4);
}

static void
update (KaravanExportDialog *self)
{
  g_autofree char *size = NULL;
  gboolean handout;

  /* Rows change while the template is being built. */
  if (!self->ready)
    return;

  handout = is_handout (self);
  size = karavan_export_dialog_get_size_text (self);
  gtk_label_set_text (self->size_label, size);
  /* A handout's pages and slides have sizes of their own; slides keep
   * the projector's colours. */
  gtk_widget_set_visible (self->size_group, !handout);
  gtk_widget_set_visible (GTK_WIDGET (self->transparent_row), !handout);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_row), get_format (self) != KARAVAN_EXPORT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->palette_row), get_kind (self) != KIND_SLIDES);
  adw_action_row_set_subtitle (self->all_languages_row,
                               get_kind (self) == KIND_SLIDES
                               ? _("One folder per language, named ru, kk and en")
                               : _("One file per language, named with -ru, -kk and -en"));
  g_clear_pointer (&self->figure, karavan_figure_free);
  g_clear_pointer (&self->slide, karavan_slide_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* A checkerboard under a transparent figure. */
static void
draw_checkerboard (cairo_t *cr,
                   double   width,
                   double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.80, 0.80, 0.80);
  for (int y = 0; y * 8 < height; y++)
    for (int x = y % 2; x * 8 < width; x += 2)
      cairo_rectangle (cr, x * 8, y * 8, 8, 8);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The handout's first page or first slide. The slide is drawn as the
 * handout draws it; the page's running head is left out. */
static void
draw_handout_preview (KaravanExportDialog *self,
                      cairo_t             *cr,
                      int                  width,
                      int                  height)
{
  gboolean slides = get_kind (self) == KIND_SLIDES;
  KaravanHandoutOptions handout;
  const KaravanPalette *pal;
  double w, h, scale, x, y, margin, body = 10.0;

  get_handout_options (self, &handout);
  w = slides ? handout.slide_width : handout.page_width;
  h = slides ? handout.slide_height : handout.page_height;
  margin = slides ? 0 : MIN (w, h) * 0.07;
  pal = karavan_palette_get (slides ? handout.slide_palette : handout.palette);

  if (self->slide == NULL)
    {
      g_autoptr(KaravanDeck) deck = karavan_lesson_copy_deck (self->deck, FALSE);
      KaravanRenderOptions render;

      if (slides)
        {
          karavan_slide_options_init (&render, handout.lang, w, h);
          render.palette = handout.slide_palette;
          self->slide = karavan_slide_new (karavan_deck_get_step (deck, 0), &render,
                                           KARAVAN_SLIDE_NOTE | KARAVAN_SLIDE_BRIEF_SOURCES, w, h);
        }
      else
        {
          double inner = w - 2 * margin;

          karavan_render_options_init (&render, handout.lang);
          render.palette = handout.palette;
          render.font_size = body;
          self->slide = karavan_slide_new (karavan_deck_get_step (deck, 0), &render, 0, inner,
                                           CLAMP (h - 2 * margin - 3 * body, inner * 0.5, inner * 1.2));
        }
    }

  scale = MIN (width / w, height / h);
  x = floor ((width - w * scale) / 2);
  y = floor ((height - h * scale) / 2);

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 1, y + 2, w * scale, h * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, pal->background.r, pal->background.g, pal->background.b);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin + 3 * body * (slides ? 0 : 1));
  karavan_slide_draw (self->slide, cr);
  cairo_restore (cr);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  KaravanExportDialog *self = user_data;
  KaravanExportOptions options;
  double w, h, scale, x, y;

  if (!self->ready)
    return;

  if (is_handout (self))
    {
      draw_handout_preview (self, cr, width, height);
      return;
    }

  karavan_export_dialog_get_options (self, &options);
  get_points (&options, &w, &h);
  if (self->figure == NULL)
    self->figure = karavan_figure_new (karavan_derived_view_get_view (self->derived), &options.render, w, h);

  scale = MIN (width / w, height / h);
  x = floor ((width - w * scale) / 2);
  y = floor ((height - h * scale) / 2);

  /* A shadow under the page, then the page. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 1, y + 2, w * scale, h * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  if (options.render.transparent)
    draw_checkerboard (cr, w * scale, h * scale);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  karavan_figure_draw (self->figure, cr);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Controls                                                               */

static void
on_format_changed_cb (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      KaravanExportDialog *self)
{
  update (self);
}

static void
on_preset_changed_cb (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      KaravanExportDialog *self)
{
  const KaravanPreset *preset = get_preset (self);

  if (preset != NULL)
    {
      gboolean updating = self->updating;

      /* Show the preset's size in the custom fields too. */
      self->updating = TRUE;
      gtk_spin_button_set_value (self->dpi_spin, preset->dpi);
      gtk_spin_button_set_value (self->width_spin, round (preset->width_mm / 25.4 * preset->dpi));
      gtk_spin_button_set_value (self->height_spin, round (preset->height_mm / 25.4 * preset->dpi));
      self->updating = updating;
    }
  update (self);
}

static void
on_size_changed_cb (GtkSpinButton       *spin,
                    KaravanExportDialog *self)
{
  /* Editing a size makes it a custom one. */
  if (!self->updating)
    adw_combo_row_set_selected (self->preset_row, 0);
  update (self);
}

static void
on_option_changed_cb (GObject             *object,
                      GParamSpec          *pspec,
                      KaravanExportDialog *self)
{
  update (self);
}

static void
save_folder (KaravanExportDialog *self,
             GFile               *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_settings_set_string (self->settings, "last-folder", uri);
    }
}

static void
save_settings (KaravanExportDialog *self,
               GFile               *file)
{
  const KaravanPreset *preset = get_preset (self);

  /* A handout's choices are not a figure's. */
  if (is_handout (self))
    {
      save_folder (self, file);
      return;
    }

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format", format_names[get_format (self)]);
  g_settings_set_string (self->settings, "export-preset", preset != NULL ? preset->name : "custom");
  g_settings_set_int (self->settings, "export-width", gtk_spin_button_get_value_as_int (self->width_spin));
  g_settings_set_int (self->settings, "export-height", gtk_spin_button_get_value_as_int (self->height_spin));
  g_settings_set_int (self->settings, "export-dpi", gtk_spin_button_get_value_as_int (self->dpi_spin));
  g_settings_set_boolean (self->settings, "export-transparent", gtk_switch_get_active (self->transparent_switch));
  g_settings_set_string (self->settings, "export-palette", karavan_palette_to_string (get_palette (self)));
  save_folder (self, file);
  g_settings_apply (self->settings);
}

static void
load_settings (KaravanExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "export-format");
  g_autofree char *preset = g_settings_get_string (self->settings, "export-preset");
  g_autofree char *palette = g_settings_get_string (self->settings, "export-palette");
  KaravanPaletteKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (format, format_names[i]))
      select_kind (self, i);

  karavan_export_dialog_set_size (self,
                                  g_settings_get_int (self->settings, "export-width"),
                                  g_settings_get_int (self->settings, "export-height"),
                                  g_settings_get_int (self->settings, "export-dpi"));
  karavan_export_dialog_set_preset (self, preset);
  gtk_switch_set_active (self->transparent_switch, g_settings_get_boolean (self->settings, "export-transparent"));

  if (karavan_palette_from_string (palette, &kind))
    for (guint i = 0; i < G_N_ELEMENTS (palettes); i++)
      if (palettes[i] == kind)
        adw_combo_row_set_selected (self->palette_row, i);
}

/* ---------------------------------------------------------------------- */
/* Exporting                                                              */

/* What to write, copied from the dialog: a thread writes it while the
 * dialog may change or close. Nothing in it touches GTK. */
typedef struct {
  KaravanDataset        *dataset;    /* keeps the view alive */
  KaravanDerivedView    *derived;    /* the job's own */
  KaravanDeck           *deck;       /* the job's own copy, for a handout */
  KaravanExportOptions   options;
  KaravanHandoutOptions  handout;
  char                  *search;     /* options' strings, owned */
  char                  *selected_event;
  KaravanLang            lang;
  gboolean               slides;
  gboolean               all_languages;
  GFile                 *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  /* The derived view borrows from the dataset. */
  g_clear_pointer (&job->derived, karavan_derived_view_free);
  g_clear_pointer (&job->deck, karavan_deck_unref);
  g_clear_object (&job->dataset);
  g_clear_object (&job->file);
  g_free (job->search);
  g_free (job->selected_event);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static ExportJob *
export_job_new (KaravanExportDialog *self,
                GFile               *file,
                gboolean             all_languages)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->file = g_object_ref (file);
  job->all_languages = all_languages;
  job->lang = get_lang (self);

  if (is_handout (self))
    {
      job->deck = karavan_lesson_copy_deck (self->deck, FALSE);
      job->slides = get_kind (self) == KIND_SLIDES;
      get_handout_options (self, &job->handout);
    }
  else
    {
      job->dataset = g_object_ref (self->dataset);
      job->derived = karavan_derived_view_new (self->view, self->log_scale, self->value_mode);
      karavan_export_dialog_get_options (self, &job->options);
      job->search = g_strdup (job->options.render.search);
      job->selected_event = g_strdup (job->options.render.selected_event);
      job->options.render.search = job->search;
      job->options.render.selected_event = job->selected_event;
      job->options.dataset_id = karavan_dataset_get_id (job->dataset);
    }

  return job;
}

/* FILE.pdf → FILE-ru.pdf, FILE-kk.pdf, FILE-en.pdf */
static GFile *
file_for_lang (GFile       *file,
               KaravanLang  lang)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *stem = NULL;
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  g_autofree char *result = NULL;

  if (dot != NULL && (slash == NULL || dot > slash))
    {
      stem = g_strndup (path, dot - path);
      result = g_strdup_printf ("%s-%s%s", stem, karavan_lang_to_string (lang), dot);
    }
  else
    result = g_strdup_printf ("%s-%s", path, karavan_lang_to_string (lang));

  return g_file_new_for_path (result);
}

/* The figure, the handout or the slides in @lang, at @path: a file, or
 * a folder of slides. */
static gboolean
export_job_write (ExportJob   *job,
                  const char  *path,
                  KaravanLang  lang,
                  GError     **error)
{
  if (job->deck != NULL)
    {
      KaravanHandoutOptions handout = job->handout;

      handout.lang = lang;
      if (job->slides)
        return karavan_handout_write_slides (job->deck, &handout, path, error);
      return karavan_handout_write_pdf (job->deck, &handout, path, error);
    }
  else
    {
      KaravanExportOptions options = job->options;

      options.render.lang = lang;
      return karavan_export_to_file (karavan_derived_view_get_view (job->derived), &options, path, error);
    }
}

/* In any thread. Stops at the first file that cannot be written. */
static GPtrArray *
export_job_run (ExportJob  *job,
                GError    **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_file_get_path (job->file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", _("Figures can only be exported to local files"));
      return NULL;
    }

  if (!job->all_languages)
    {
      if (!export_job_write (job, path, job->lang, error))
        return NULL;
      g_ptr_array_add (files, g_object_ref (job->file));
      return g_steal_pointer (&files);
    }

  for (KaravanLang lang = 0; lang < KARAVAN_N_LANGS; lang++)
    {
      g_autoptr(GFile) out = job->slides ? g_file_get_child (job->file, karavan_lang_to_string (lang))
                                         : file_for_lang (job->file, lang);
      g_autofree char *out_path = g_file_get_path (out);

      if (!export_job_write (job, out_path, lang, error))
        return NULL;
      g_ptr_array_add (files, g_steal_pointer (&out));
    }
  return g_steal_pointer (&files);
}

/**
 * karavan_export_dialog_export_to_file:
 * @file: the file to write; for a lesson's slides, the folder to write
 *   them in (created when missing)
 *
 * Exports with every option as the dialog shows it, at once.
 */
gboolean
karavan_export_dialog_export_to_file (KaravanExportDialog  *self,
                                      GFile                *file,
                                      GError              **error)
{
  g_autoptr(ExportJob) job = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_return_val_if_fail (KARAVAN_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  job = export_job_new (self, file, FALSE);
  if ((files = export_job_run (job, error)) == NULL)
    return FALSE;
  save_settings (self, file);
  return TRUE;
}

/**
 * karavan_export_dialog_export_all_languages:
 * @file: the name chosen; the language goes before its extension. For
 *   a lesson's slides, the folder to make a folder per language in
 * @out_files: (out) (optional): the files (or folders) written
 *
 * Writes the figure once per language, at once, with every other option
 * as the dialog shows it. Stops at the first file that cannot be written.
 */
gboolean
karavan_export_dialog_export_all_languages (KaravanExportDialog  *self,
                                            GFile                *file,
                                            GPtrArray           **out_files,
                                            GError              **error)
{
  g_autoptr(ExportJob) job = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_return_val_if_fail (KARAVAN_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  job = export_job_new (self, file, TRUE);
  if ((files = export_job_run (job, error)) == NULL)
    return FALSE;
  save_settings (self, file);
  if (out_files != NULL)
    *out_files = g_steal_pointer (&files);
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *files = export_job_run (task_data, &error);

  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * karavan_export_dialog_export_async:
 * @all_languages: one file per language, as
 *   karavan_export_dialog_export_all_languages() names them
 *
 * Exports as the dialog shows it now, in a worker thread: the dialog
 * may change or close meanwhile. Cairo and Pango draw there with the
 * thread's own font map.
 */
void
karavan_export_dialog_export_async (KaravanExportDialog *self,
                                    GFile               *file,
                                    gboolean             all_languages,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, karavan_export_dialog_export_async);
  g_task_set_name (task, "[karavan] export");
  g_task_set_task_data (task, export_job_new (self, file, all_languages), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Returns: (transfer container): the files (or folders) written, or
 *   %NULL with @error set */
GPtrArray *
karavan_export_dialog_export_finish (KaravanExportDialog  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* While a thread writes, the dialog says so and cannot be changed or
 * closed half-way. */
static void
set_exporting (KaravanExportDialog *self,
               gboolean             exporting)
{
  self->exporting = exporting;
  gtk_widget_set_sensitive (self->export_button, !exporting);
  gtk_widget_set_sensitive (self->options_page, !exporting);
  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), exporting);
  gtk_spinner_set_spinning (self->export_spinner, exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !exporting);
}

static void
show_error (KaravanExportDialog *self,
            GFile               *file,
            const GError        *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  /* TRANSLATORS: the heading of a message; %s is the file's name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), display);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KaravanExportDialog *self = KARAVAN_EXPORT_DIALOG (object);
  GFile *file = ((ExportJob *) g_task_get_task_data (G_TASK (result)))->file;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = karavan_export_dialog_export_finish (self, result, &error);

  /* Closed with its parent meanwhile: the files are written all the same. */
  if (self->settings == NULL)
    return;
  set_exporting (self, FALSE);

  if (files == NULL)
    {
      show_error (self, file, error);
      return;
    }

  save_settings (self, file);
  g_signal_emit (self, signals[EXPORTED], 0, files);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * karavan_export_dialog_export:
 *
 * Exports as the Export button does once a file is chosen: in a worker
 * thread, with the dialog showing it works; then ::exported and the
 * dialog closes, or a message says which file failed and why.
 */
void
karavan_export_dialog_export (KaravanExportDialog *self,
                              GFile               *file,
                              gboolean             all_languages)
{
  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->exporting)
    return;

  set_exporting (self, TRUE);
  karavan_export_dialog_export_async (self, file, all_languages, NULL, on_exported_cb, NULL);
}

gboolean
karavan_export_dialog_is_exporting (KaravanExportDialog *self)
{
  g_return_val_if_fail (KARAVAN_IS_EXPORT_DIALOG (self), FALSE);

  return self->exporting;
}

static void
on_save_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     KaravanExportDialog *self)
{
  gboolean all_languages = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "all-languages"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    karavan_export_dialog_export (self, file, all_languages);
}

static void
choose_file (KaravanExportDialog *self,
             gboolean             all_languages)
{
  g_autofree char *folder_uri = g_settings_get_string (self->settings, "last-folder");
  g_autofree char *name = NULL;
  const char *title;
  GtkFileChooserAction action = GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser;

  switch (get_kind (self))
    {
    case KIND_SLIDES:
      /* The slides go into a folder the user picks or makes. */
      action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
      title = all_languages ? _("Choose a Folder for the Slides in All Languages") : _("Choose a Folder for the Slides");
      break;
    case KIND_HANDOUT:
      title = all_languages ? _("Export Handouts in All Languages") : _("Export Handout");
      name = g_strconcat (karavan_deck_get_id (self->deck), ".pdf", NULL);
      break;
    default:
      title = all_languages ? _("Export in All Languages") : _("Export Figure");
      name = g_strconcat (karavan_derived_view_get_view (self->derived)->id, format_suffixes[get_format (self)], NULL);
      break;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder_uri[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folder_uri);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_object_set_data (G_OBJECT (chooser), "all-languages", GINT_TO_POINTER (all_languages));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_clicked_cb (GtkButton           *button,
                      KaravanExportDialog *self)
{
  choose_file (self, FALSE);
}

static void
on_all_languages_activated_cb (AdwActionRow        *row,
                               KaravanExportDialog *self)
{
  choose_file (self, TRUE);
}

/* ---------------------------------------------------------------------- */
/* Setters, for the window and for tests                                  */

/* PNG, PDF or SVG of the figure; a dialog for My Lesson has none. */
void
karavan_export_dialog_set_format (KaravanExportDialog *self,
                                  KaravanExportFormat  format)
{
  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= KARAVAN_EXPORT_SVG);

  select_kind (self, format);
}

/**
 * karavan_export_dialog_set_handout:
 *
 * Chooses the lesson's handout or slides as what to export.
 *
 * Returns: %FALSE when the dialog does not export a lesson
 */
gboolean
karavan_export_dialog_set_handout (KaravanExportDialog  *self,
                                   KaravanHandoutFormat  format)
{
  g_return_val_if_fail (KARAVAN_IS_EXPORT_DIALOG (self), FALSE);

  return select_kind (self, format == KARAVAN_HANDOUT_SLIDES ? KIND_SLIDES : KIND_HANDOUT);
}

/* Returns: whether a handout or slides are chosen, and which */
gboolean
karavan_export_dialog_get_handout (KaravanExportDialog  *self,
                                   KaravanHandoutFormat *format)
{
  g_return_val_if_fail (KARAVAN_IS_EXPORT_DIALOG (self), FALSE);

  if (!is_handout (self))
    return FALSE;
  if (format != NULL)
    *format = get_kind (self) == KIND_SLIDES ? KARAVAN_HANDOUT_SLIDES : KARAVAN_HANDOUT_PDF;
  return TRUE;
}

/* A preset's name, or "custom". */
void
karavan_export_dialog_set_preset (KaravanExportDialog *self,
                                  const char          *name)
{
  guint n_presets;
  const KaravanPreset *presets = karavan_export_get_presets (&n_presets);

  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < n_presets; i++)
    if (g_strcmp0 (presets[i].name, name) == 0)
      {
        adw_combo_row_set_selected (self->preset_row, i + 1);
        return;
      }
  adw_combo_row_set_selected (self->preset_row, 0);
}

void
karavan_export_dialog_set_size (KaravanExportDialog *self,
                                int                  width,
                                int                  height,
                                int                  dpi)
{
  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));

  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
  gtk_spin_button_set_value (self->dpi_spin, dpi);
}

void
karavan_export_dialog_set_lang (KaravanExportDialog *self,
                                KaravanLang          lang)
{
  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->language_row, lang);
}

void
karavan_export_dialog_set_transparent (KaravanExportDialog *self,
                                       gboolean             transparent)
{
  g_return_if_fail (KARAVAN_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->transparent_switch, transparent);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
karavan_export_dialog_dispose (GObject *object)
{
  KaravanExportDialog *self = KARAVAN_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KARAVAN_TYPE_EXPORT_DIALOG);
  /* The figure and the derived view borrow from the dataset. */
  g_clear_pointer (&self->figure, karavan_figure_free);
  g_clear_pointer (&self->slide, karavan_slide_free);
  g_clear_pointer (&self->derived, karavan_derived_view_free);
  g_clear_pointer (&self->deck, karavan_deck_unref);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->selected_event, g_free);

  G_OBJECT_CLASS (karavan_export_dialog_parent_class)->dispose (object);
}

/* Not closed half-way through writing a file. */
static gboolean
karavan_export_dialog_close_request (GtkWindow *window)
{
  if (KARAVAN_EXPORT_DIALOG (window)->exporting)
    return TRUE;
  return GTK_WINDOW_CLASS (karavan_export_dialog_parent_class)->close_request (window);
}

/* Enter exports: the focus starts on the Export button. */
static void
karavan_export_dialog_map (GtkWidget *widget)
{
  KaravanExportDialog *self = KARAVAN_EXPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (karavan_export_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (self->export_button);
}

static void
karavan_export_dialog_class_init (KaravanExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = karavan_export_dialog_dispose;
  widget_class->map = karavan_export_dialog_map;
  GTK_WINDOW_CLASS (klass)->close_request = karavan_export_dialog_close_request;

  /**
   * KaravanExportDialog::exported:
   * @files: (element-type GFile): the files written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/karavan-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, palette_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, size_group);
  gtk_widget_class_bind_template_child (widget_class, KaravanExportDialog, all_languages_row);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_languages_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
karavan_export_dialog_init (KaravanExportDialog *self)
{
  guint n_presets;
  const KaravanPreset *presets = karavan_export_get_presets (&n_presets);
  g_autoptr(GtkStringList) preset_names = gtk_string_list_new (NULL);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  set_kinds (self, TRUE, FALSE);

  gtk_string_list_append (preset_names, _("Custom"));
  for (guint i = 0; i < n_presets; i++)
    gtk_string_list_append (preset_names, preset_label (presets[i].name));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (preset_names));

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  self->settings = g_settings_new (APP_ID);
}

KaravanExportDialog *
karavan_export_dialog_new (GtkWindow                  *parent,
                           KaravanDataset             *dataset,
                           const KaravanView          *view,
                           gboolean                    log_scale,
                           KaravanValueMode            value_mode,
                           const KaravanRenderOptions *render)
{
  KaravanExportDialog *self;
  const char *title;

  g_return_val_if_fail (KARAVAN_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (render != NULL, NULL);

  self = g_object_new (KARAVAN_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->dataset = g_object_ref (dataset);
  self->derived = karavan_derived_view_new (view, log_scale, value_mode);
  self->view = view;
  self->log_scale = log_scale;
  self->value_mode = value_mode;
  self->render = *render;
  /* The timeline's search and selection outlive the window's strings. */
  self->search = g_strdup (render->search);
  self->selected_event = g_strdup (render->selected_event);
  self->render.search = self->search;
  self->render.selected_event = self->selected_event;
  self->render.font_family = NULL;
  /* Print type, not the screen's. */
  self->render.font_size = 0;
  self->render.palette = KARAVAN_PALETTE_LIGHT;

  title = karavan_text_get (&view->title, render->lang);
  adw_window_title_set_subtitle (self->window_title, title ? title : view->id);

  /* A lesson: its overview figure, its handout or its slides; the
   * handout first. */
  if (view->kind == KARAVAN_VIEW_LESSON)
    {
      self->deck = karavan_deck_new_from_lesson (dataset, view);
      set_kinds (self, TRUE, karavan_deck_get_n_steps (self->deck) > 0);
      adw_window_title_set_title (self->window_title, _("Export Lesson"));
      gtk_window_set_title (GTK_WINDOW (self), _("Export Lesson"));
    }

  load_settings (self);
  if (self->deck != NULL)
    select_kind (self, KIND_HANDOUT);
  karavan_export_dialog_set_lang (self, render->lang);
  self->updating = FALSE;
  self->ready = TRUE;
  update (self);

  return self;
}

/**
 * karavan_export_dialog_new_for_deck:
 * @deck: a lesson with at least one step, such as My Lesson; the dialog
 *   keeps a reference
 * @lang: the language to start with
 *
 * A dialog that exports @deck as a handout or as slides.
 */
KaravanExportDialog *
karavan_export_dialog_new_for_deck (GtkWindow   *parent,
                                    KaravanDeck *deck,
                                    KaravanLang  lang)
{
  KaravanExportDialog *self;
  const char *title;

  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (karavan_deck_get_n_steps (deck) > 0, NULL);

  self = g_object_new (KARAVAN_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->deck = karavan_deck_ref (deck);
  set_kinds (self, FALSE, TRUE);

  title = karavan_text_get (karavan_deck_get_title (deck), lang);
  adw_window_title_set_title (self->window_title, _("Export Lesson"));
  adw_window_title_set_subtitle (self->window_title, title ? title : karavan_deck_get_id (deck));
  gtk_window_set_title (GTK_WINDOW (self), _("Export Lesson"));

  load_settings (self);
  select_kind (self, KIND_HANDOUT);
  karavan_export_dialog_set_lang (self, lang);
  self->updating = FALSE;
  self->ready = TRUE;
  update (self);

  return self;
}
