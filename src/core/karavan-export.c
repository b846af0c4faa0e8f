/* karavan-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file is made in memory and then written atomically: a failed
 * export never leaves half a file, nor harms one already there.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <png.h>

#include "karavan-dataset-private.h"
#include "karavan-describe.h"
#include "karavan-error.h"
#include "karavan-export.h"
#include "karavan-format.h"

static const KaravanPreset presets[] = {
  { "journal-column", 85, 64, 300 },
  { "journal-page", 170, 110, 300 },
  { "a4-landscape", 297, 210, 300 },
  /* 1920×1080 pixels: 960×540 points at 144 dpi, type sized for a room. */
  { "slide-16x9", 1920 * 25.4 / 144, 1080 * 25.4 / 144, 144 },
};

void
karavan_export_options_init (KaravanExportOptions *options,
                             KaravanExportFormat   format,
                             KaravanLang           lang)
{
  memset (options, 0, sizeof *options);
  options->format = format;
  options->dpi = KARAVAN_EXPORT_DEFAULT_DPI;
  if (format == KARAVAN_EXPORT_PNG)
    {
      options->width = round (KARAVAN_EXPORT_DEFAULT_WIDTH * options->dpi / 72);
      options->height = round (KARAVAN_EXPORT_DEFAULT_HEIGHT * options->dpi / 72);
    }
  else
    {
      options->width = KARAVAN_EXPORT_DEFAULT_WIDTH;
      options->height = KARAVAN_EXPORT_DEFAULT_HEIGHT;
    }
  karavan_render_options_init (&options->render, lang);
}

gboolean
karavan_export_format_from_path (const char          *path,
                                 KaravanExportFormat *out_format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *out_format = KARAVAN_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out_format = KARAVAN_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *out_format = KARAVAN_EXPORT_SVG;
  else
    return FALSE;

  return TRUE;
}

const KaravanPreset *
karavan_export_get_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/* Sets size (and for PNG, dpi) from a preset; sizes are physical, so a
 * PNG gets pixels = mm / 25.4 × dpi and a PDF points = mm / 25.4 × 72. */
gboolean
karavan_export_apply_preset (KaravanExportOptions *options,
                             const char           *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_strcmp0 (presets[i].name, name) == 0)
      {
        double unit = options->format == KARAVAN_EXPORT_PNG ? presets[i].dpi : 72;

        options->dpi = presets[i].dpi;
        options->width = round (presets[i].width_mm / 25.4 * unit);
        options->height = round (presets[i].height_mm / 25.4 * unit);
        return TRUE;
      }
  return FALSE;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* PNG chunks: pHYs for the dpi, iTXt for the metadata                    */

static guint32 crc_table[256];

static gpointer
init_crc_table (gpointer data)
{
  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (int k = 0; k < 8; k++)
        c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }
  return NULL;
}

static guint32
png_crc (const guint8 *buf,
         gsize         len)
{
  static GOnce once = G_ONCE_INIT;
  guint32 c = 0xffffffffu;

  g_once (&once, init_crc_table, NULL);
  for (gsize i = 0; i < len; i++)
    c = crc_table[(c ^ buf[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

static void
append_be32 (GByteArray *out,
             guint32     v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (out, b, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         len)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();

  g_byte_array_append (body, (const guint8 *) type, 4);
  g_byte_array_append (body, data, len);
  append_be32 (out, len);
  g_byte_array_append (out, body->data, body->len);
  append_be32 (out, png_crc (body->data, body->len));
}

static void
append_itxt (GByteArray *out,
             const char *keyword,
             const char *text)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();

  if (text == NULL)
    return;
  /* keyword NUL, uncompressed (0, 0), no language tag NUL, no
   * translated keyword NUL, then UTF-8 text. */
  g_byte_array_append (data, (const guint8 *) keyword, strlen (keyword));
  g_byte_array_append (data, (const guint8 *) "\0\0\0\0\0", 5);
  g_byte_array_append (data, (const guint8 *) text, strlen (text));
  append_chunk (out, "iTXt", data->data, data->len);
}

typedef struct {
  char *title;
  char *description;
  char *sources;
  char *software;
  char *dataset;
} Metadata;

static void
metadata_clear (Metadata *meta)
{
  g_free (meta->title);
  g_free (meta->description);
  g_free (meta->sources);
  g_free (meta->software);
  g_free (meta->dataset);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metadata, metadata_clear)

/* ---------------------------------------------------------------------- */
/* PNG encoding                                                           */

static void
png_write_cb (png_structp  png,
              png_bytep    data,
              png_size_t   len)
{
  g_byte_array_append (png_get_io_ptr (png), data, len);
}

static void
png_flush_cb (png_structp png)
{
}

typedef struct {
  const guint8 *data;
  int           width;
  int           height;
  int           stride;
  gboolean      opaque;
  guint8       *row;
} PngImage;

/* The rows, as cairo converts them: RGB when every pixel is opaque, else
 * RGBA unpremultiplied the same way. */
static void
write_png_rows (png_structp     png,
                const PngImage *img)
{
  for (int y = 0; y < img->height; y++)
    {
      const guint32 *px = (const guint32 *) (img->data + (gsize) y * img->stride);
      guint8 *b = img->row;

      for (int x = 0; x < img->width; x++)
        {
          guint32 p = px[x];
          guint32 alpha = p >> 24;

          if (img->opaque)
            {
              *b++ = (p >> 16) & 0xff;
              *b++ = (p >> 8) & 0xff;
              *b++ = p & 0xff;
            }
          else if (alpha == 0)
            {
              b[0] = b[1] = b[2] = b[3] = 0;
              b += 4;
            }
          else
            {
              *b++ = (((p >> 16) & 0xff) * 255 + alpha / 2) / alpha;
              *b++ = (((p >> 8) & 0xff) * 255 + alpha / 2) / alpha;
              *b++ = ((p & 0xff) * 255 + alpha / 2) / alpha;
              *b++ = alpha;
            }
        }
      png_write_row (png, img->row);
    }
}

/* libpng reports errors by longjmp(): nothing here changes after
 * setjmp(), so nothing can be clobbered. */
static cairo_status_t
png_encode (const PngImage *img,
            GByteArray     *out)
{
  png_structp png;
  png_infop info;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }
  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, out, png_write_cb, png_flush_cb);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, img->width, img->height, 8, img->opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);
  write_png_rows (png, img);
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);

  return CAIRO_STATUS_SUCCESS;
}

/* Writes @surface as cairo_surface_write_to_png() does, pixel for pixel,
 * but at zlib level 1 with no row filters: a chart is flat colour and
 * thin lines, which filters and harder compression shrink little for
 * several times the time (80–190 ms at 1920 × 1080 here). */
static cairo_status_t
write_png (cairo_surface_t *surface,
           GByteArray      *out)
{
  g_autofree guint8 *row = NULL;
  PngImage img;

  cairo_surface_flush (surface);
  img.data = cairo_image_surface_get_data (surface);
  img.width = cairo_image_surface_get_width (surface);
  img.height = cairo_image_surface_get_height (surface);
  img.stride = cairo_image_surface_get_stride (surface);
  if (img.data == NULL || cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    return CAIRO_STATUS_INVALID_FORMAT;

  img.opaque = TRUE;
  for (int y = 0; y < img.height && img.opaque; y++)
    {
      const guint32 *px = (const guint32 *) (img.data + (gsize) y * img.stride);

      for (int x = 0; x < img.width; x++)
        if ((px[x] >> 24) != 0xff)
          {
            img.opaque = FALSE;
            break;
          }
    }

  row = g_malloc ((gsize) img.width * 4);
  img.row = row;

  return png_encode (&img, out);
}

static const cairo_user_data_key_t pixels_key;

/* An image whose pixels sit in huge pages: a 1920 × 1080 export touches
 * 8 MiB of fresh memory, which costs tens of milliseconds in 4 KiB pages
 * on a virtual machine. The same pixels as cairo_image_surface_create(). */
static cairo_surface_t *
create_image_surface (int width,
                      int height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  cairo_surface_t *surface;
  guint8 *pixels;

  if (stride <= 0)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  pixels = _karavan_alloc_huge ((gsize) stride * height);
  /* cairo_image_surface_create() hands out cleared pixels. */
  memset (pixels, 0, (gsize) stride * height);
  surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, width, height, stride);
  if (cairo_surface_set_user_data (surface, &pixels_key, pixels, g_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_free (pixels);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
  return surface;
}

static GBytes *
png_with_chunks (GByteArray     *png,
                 double          dpi,
                 const Metadata *meta)
{
  GByteArray *out = g_byte_array_new ();
  guint32 ppm = (guint32) round (dpi / 0.0254);
  guint8 phys[9] = { ppm >> 24, ppm >> 16, ppm >> 8, ppm, ppm >> 24, ppm >> 16, ppm >> 8, ppm, 1 };
  const gsize ihdr_end = 8 + 4 + 4 + 13 + 4;

  /* Signature and IHDR come first; our chunks go right after them. */
  g_byte_array_append (out, png->data, ihdr_end);
  append_chunk (out, "pHYs", phys, sizeof phys);
  append_itxt (out, "Title", meta->title);
  append_itxt (out, "Description", meta->description);
  append_itxt (out, "Source", meta->sources);
  append_itxt (out, "Software", meta->software);
  append_itxt (out, "Comment", meta->dataset);
  g_byte_array_append (out, png->data + ihdr_end, png->len - ihdr_end);

  return g_byte_array_free_to_bytes (out);
}

/* ---------------------------------------------------------------------- */
/* SVG text                                                               */

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

static void
svg_text_line_cb (const KaravanTextLine *line,
                  gpointer               user_data)
{
  GString *out = user_data;
  char buf[4][G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "<text");
  if (line->rotated)
    g_string_append_printf (out, " transform=\"translate(%s %s) rotate(-90)\"",
                            g_ascii_formatd (buf[0], sizeof buf[0], "%.2f", line->origin_x),
                            g_ascii_formatd (buf[1], sizeof buf[1], "%.2f", line->origin_y));
  g_string_append_printf (out, " x=\"%s\" y=\"%s\"",
                          g_ascii_formatd (buf[2], sizeof buf[2], "%.2f", (line->rotated ? 0 : line->origin_x) + line->x),
                          g_ascii_formatd (buf[3], sizeof buf[3], "%.2f", (line->rotated ? 0 : line->origin_y) + line->baseline));
  g_string_append (out, " font-family=\"");
  append_escaped (out, line->family ? line->family : "sans-serif", -1);
  g_string_append (out, ", sans-serif\"");
  g_string_append_printf (out, " font-size=\"%s\" fill=\"#%02x%02x%02x\"%s>",
                          g_ascii_formatd (buf[0], sizeof buf[0], "%.2f", line->size),
                          (int) round (line->color->r * 255), (int) round (line->color->g * 255),
                          (int) round (line->color->b * 255),
                          line->bold ? " font-weight=\"bold\"" : "");
  append_escaped (out, line->text, line->length);
  g_string_append (out, "</text>\n");
}

static GBytes *
svg_with_text (GByteArray     *svg,
               KaravanFigure  *fig,
               const Metadata *meta)
{
  g_autoptr(GString) insert = g_string_new ("\n<title>");
  g_autoptr(GString) text = g_string_new (NULL);
  GString *out;
  const char *data = (const char *) svg->data;
  const char *root, *root_end, *close;

  append_escaped (insert, meta->title ? meta->title : "", -1);
  g_string_append (insert, "</title>\n<desc>");
  append_escaped (insert, meta->description ? meta->description : "", -1);
  if (meta->sources)
    {
      g_string_append (insert, "\n");
      append_escaped (insert, meta->sources, -1);
    }
  g_string_append (insert, "</desc>\n<metadata>");
  append_escaped (insert, meta->software, -1);
  g_string_append (insert, "; dataset ");
  append_escaped (insert, meta->dataset ? meta->dataset : "", -1);
  g_string_append (insert, "</metadata>\n");

  karavan_figure_foreach_text_line (fig, svg_text_line_cb, text);

  g_byte_array_append (svg, (const guint8 *) "", 1);
  data = (const char *) svg->data;
  root = strstr (data, "<svg");
  root_end = root ? strchr (root, '>') : NULL;
  close = g_strrstr (data, "</svg>");
  g_return_val_if_fail (root_end != NULL && close != NULL, NULL);

  out = g_string_new_len (data, root_end + 1 - data);
  g_string_append (out, insert->str);
  g_string_append_len (out, root_end + 1, close - (root_end + 1));
  g_string_append (out, "<g>\n");
  g_string_append (out, text->str);
  g_string_append (out, "</g>\n");
  g_string_append (out, close);

  return g_string_free_to_bytes (out);
}

/* ---------------------------------------------------------------------- */

static void
collect_metadata (const KaravanView          *view,
                  const KaravanExportOptions *options,
                  KaravanFigure              *fig,
                  Metadata                   *meta)
{
  KaravanLang lang = options->render.lang;
  const char *description = karavan_text_get (&view->description, lang);

  meta->title = karavan_figure_get_title (fig);
  /* The alt text: the dataset's own, else one told from the data. */
  meta->description = description ? g_strdup (description) : karavan_describe_view (view, lang);
  meta->sources = karavan_figure_get_sources_text (fig);
  meta->software = g_strdup ("Karavan " PACKAGE_VERSION);
  meta->dataset = options->dataset_id ? g_strdup_printf ("%s:%s", options->dataset_id, view->id)
                                      : g_strdup (view->id);
}

GBytes *
karavan_export_to_bytes (const KaravanView          *view,
                         const KaravanExportOptions *options,
                         GError                    **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(KaravanFigure) fig = NULL;
  g_auto(Metadata) meta = { 0 };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  double w, h, scale = 1;
  cairo_t *cr;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(options->width >= 1 && options->height >= 1 && options->width <= 20000 && options->height <= 20000))
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_UNSUPPORTED,
                   _("a size of %g × %g is out of range (1 to 20000)"), options->width, options->height);
      return NULL;
    }

  if (options->format == KARAVAN_EXPORT_PNG)
    {
      if (!(options->dpi >= 10 && options->dpi <= 2400))
        {
          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_UNSUPPORTED,
                       _("a resolution of %g dpi is out of range (10 to 2400)"), options->dpi);
          return NULL;
        }
      /* The figure is laid out in points, and painted at dpi / 72. */
      scale = options->dpi / 72;
      w = options->width / scale;
      h = options->height / scale;
    }
  else
    {
      w = options->width;
      h = options->height;
    }

  fig = karavan_figure_new (view, &options->render, w, h);
  collect_metadata (view, options, fig, &meta);

  switch (options->format)
    {
    case KARAVAN_EXPORT_PNG:
      surface = create_image_surface ((int) options->width, (int) options->height);
      break;
    case KARAVAN_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_array, buffer, w, h);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, meta.title ? meta.title : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                      meta.description ? meta.description : (meta.sources ? meta.sources : ""));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, meta.dataset);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, meta.software);
      if (meta.sources)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, meta.sources);
      break;
    case KARAVAN_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_array, buffer, w, h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (options->format == KARAVAN_EXPORT_SVG)
    karavan_figure_draw_without_text (fig, cr);
  else
    karavan_figure_draw (fig, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (options->format == KARAVAN_EXPORT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = write_png (surface, buffer);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("drawing failed: %s"), cairo_status_to_string (status));
      return NULL;
    }

  switch (options->format)
    {
    case KARAVAN_EXPORT_PNG:
      return png_with_chunks (buffer, options->dpi, &meta);
    case KARAVAN_EXPORT_SVG:
      return svg_with_text (buffer, fig, &meta);
    case KARAVAN_EXPORT_PDF:
    default:
      return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
    }
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          len,
           int           *out_errno)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *out_errno = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/**
 * karavan_write_file_atomically:
 *
 * Writes @bytes to a temporary file beside @path, flushes it to disk and
 * renames it over @path, so @path holds either its old content or all of
 * the new one. A path that is not a regular file (a pipe, /dev/stdout) is
 * written in place, since it cannot be replaced.
 */
gboolean
karavan_write_file_atomically (const char  *path,
                               GBytes      *bytes,
                               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *base = NULL;
  const guint8 *data;
  struct stat st;
  gsize len;
  int fd, saved_errno = 0;

  data = g_bytes_get_data (bytes, &len);

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("%s: is a folder"), path);
          return FALSE;
        }
      fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
      if (fd < 0 || !write_all (fd, data, len, &saved_errno))
        {
          if (fd < 0)
            saved_errno = errno;
          else
            close (fd);
          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
      if (close (fd) != 0)
        {
          saved_errno = errno;
          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("%s: cannot write in %s: %s"),
                   path, dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!write_all (fd, data, len, &saved_errno) || fsync (fd) != 0)
    {
      if (saved_errno == 0)
        saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Closed once only, even when that fails: the number may be another
   * thread's file by the time a second close() runs. */
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
karavan_export_to_file (const KaravanView          *view,
                        const KaravanExportOptions *options,
                        const char                 *path,
                        GError                    **error)
{
  g_autoptr(GBytes) bytes = karavan_export_to_bytes (view, options, error);

  if (bytes == NULL)
    return FALSE;

  return karavan_write_file_atomically (path, bytes, error);
}

/* ---------------------------------------------------------------------- */
/* CSV (RFC 4180)                                                         */

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value == NULL)
    value = "";

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_row (GString     *out,
         const char **fields,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    csv_field (out, fields[i], i + 1 == n);
}

static char *
sources_ids (GPtrArray *sources)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, ((KaravanSource *) sources->pdata[i])->id);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *relation_names[] = { "", "approx", "gt", "ge", "lt", "le" };

static char *
raw_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

static void
chart_csv (GString           *out,
           const KaravanView *view,
           KaravanLang        lang)
{
  static const char *header[] = { "series", "series_title", "x", "x_label", "value", "unit",
                                  "relation", "estimate", "partial", "period", "note", "sources" };

  csv_row (out, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < view->chart->series->len; i++)
    {
      KaravanSeries *s = view->chart->series->pdata[i];
      g_autofree char *series_sources = sources_ids (s->sources);

      for (guint j = 0; j < s->points->len; j++)
        {
          const KaravanPoint *p = &g_array_index (s->points, KaravanPoint, j);
          const KaravanPointExtra *extra = karavan_series_get_extra (s, p);
          g_autofree char *x = karavan_format_x_raw (p->x, s->x_type, s);
          g_autofree char *x_label = karavan_format_x (p->x, s->x_type, s, lang);
          g_autofree char *value = (p->flags & KARAVAN_POINT_MISSING) ? g_strdup ("") : raw_number (p->y);
          g_autofree char *point_sources = extra && extra->sources ? sources_ids (extra->sources) : NULL;
          const char *fields[] = {
            s->id, karavan_text_get (&s->title, lang), x, x_label, value,
            karavan_text_get (&s->unit, lang),
            relation_names[MIN (p->relation, G_N_ELEMENTS (relation_names) - 1)],
            (p->flags & KARAVAN_POINT_ESTIMATE) ? "yes" : "",
            (p->flags & KARAVAN_POINT_PARTIAL) ? "yes" : "",
            extra ? karavan_text_get (&extra->period, lang) : NULL,
            extra ? karavan_text_get (&extra->note, lang) : NULL,
            point_sources ? point_sources : series_sources,
          };

          csv_row (out, fields, G_N_ELEMENTS (fields));
        }
    }
}

static void
table_csv (GString           *out,
           const KaravanView *view,
           KaravanLang        lang)
{
  KaravanTable *table = view->table;
  g_autofree const char **fields = g_new0 (const char *, table->columns->len);

  for (guint c = 0; c < table->columns->len; c++)
    fields[c] = karavan_text_get (&((KaravanColumn *) table->columns->pdata[c])->title, lang);
  csv_row (out, fields, table->columns->len);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = table->rows->pdata[r];
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < table->columns->len; c++)
        {
          KaravanCell *cell = &g_array_index (row, KaravanCell, c);
          static const char *prefixes[] = { "", "≈", ">", "≥", "<", "≤" };

          if (cell->kind == KARAVAN_CELL_NUMBER)
            {
              g_autofree char *number = raw_number (cell->value);
              char *text = g_strconcat (prefixes[MIN (cell->relation, G_N_ELEMENTS (prefixes) - 1)], number, NULL);

              g_ptr_array_add (owned, text);
              fields[c] = text;
            }
          else if (cell->kind == KARAVAN_CELL_TEXT)
            fields[c] = karavan_text_get (&cell->text, lang);
          else
            fields[c] = "";
        }
      csv_row (out, fields, table->columns->len);
    }
}

static void
date_raw (GString           *out,
          const KaravanDate *date)
{
  g_string_append_printf (out, "%04d", date->year);
  if (date->month)
    g_string_append_printf (out, "-%02d", date->month);
  if (date->day)
    g_string_append_printf (out, "-%02d", date->day);
}

static void
timeline_csv (GString           *out,
              const KaravanView *view,
              KaravanLang        lang)
{
  static const char *header[] = { "id", "category", "from", "to", "date_label", "title", "description",
                                  "sources", "correction" };

  csv_row (out, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < view->timeline->events->len; i++)
    {
      KaravanEvent *event = view->timeline->events->pdata[i];
      g_autoptr(GString) from = g_string_new (NULL);
      g_autoptr(GString) to = g_string_new (NULL);
      g_autoptr(GString) correction = g_string_new (NULL);
      g_autofree char *sources = sources_ids (event->sources);
      g_autofree char *label = NULL;
      const char *fields[9];

      date_raw (from, &event->from);
      date_raw (to, &event->to);
      for (guint c = 0; c < event->corrections->len; c++)
        {
          const char *text = karavan_text_get (&((KaravanCorrection *) event->corrections->pdata[c])->text, lang);

          if (correction->len)
            g_string_append_c (correction, ' ');
          g_string_append (correction, text ? text : "");
        }
      label = event->is_range ? karavan_format_date_range (&event->from, &event->to, lang)
                              : karavan_format_date (&event->from, lang);

      fields[0] = event->id;
      fields[1] = event->category->id;
      fields[2] = from->str;
      fields[3] = to->str;
      fields[4] = label;
      fields[5] = karavan_text_get (&event->title, lang);
      fields[6] = karavan_text_get (&event->description, lang);
      fields[7] = sources;
      fields[8] = correction->str;
      csv_row (out, fields, G_N_ELEMENTS (fields));
    }
}

static void
lesson_csv (GString           *out,
            const KaravanView *view,
            KaravanLang        lang)
{
  static const char *header[] = { "step", "view", "kind", "title", "note" };

  csv_row (out, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < view->lesson->steps->len; i++)
    {
      KaravanStep *step = view->lesson->steps->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *title = karavan_text_get (&step->title, lang);
      const char *fields[] = {
        number, step->view->id, karavan_view_kind_to_string (step->view),
        title ? title : karavan_text_get (&step->view->title, lang),
        karavan_text_get (&step->note, lang),
      };

      csv_row (out, fields, G_N_ELEMENTS (fields));
    }
}

/**
 * karavan_view_to_csv:
 *
 * The data behind a view as RFC 4180 CSV, with a header row and CRLF
 * line ends. Numbers are written as data ("124234", "3.4"), whatever
 * @lang is; texts are in @lang.
 */
char *
karavan_view_to_csv (const KaravanView *view,
                     KaravanLang        lang)
{
  GString *out = g_string_new (NULL);

  switch (view->kind)
    {
    case KARAVAN_VIEW_CHART:
      chart_csv (out, view, lang);
      break;
    case KARAVAN_VIEW_TABLE:
      table_csv (out, view, lang);
      break;
    case KARAVAN_VIEW_TIMELINE:
      timeline_csv (out, view, lang);
      break;
    case KARAVAN_VIEW_LESSON:
      lesson_csv (out, view, lang);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free (out, FALSE);
}
