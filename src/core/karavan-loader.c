/* karavan-loader.c: reads a dataset file safely and checks it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read into memory by us (with a size cap), checked for UTF-8,
 * scanned once for tags past the limits (before libxml2 spends time or
 * memory on them), parsed by libxml2 with no DTDs, no entities and no
 * network, validated against the RELAX NG schema and then against the
 * format's own rules, and turned into a KaravanDataset. Each limit of
 * karavan-loader.h has its own message. Every problem is reported as
 * FILE:LINE:COLUMN: error: MESSAGE, with the position of the element or
 * attribute at fault: we remember the byte offset of every element while
 * parsing, so positions do not depend on libxml2's own column counting.
 *
 * The numbers of a <values> element are parsed while the parser streams
 * through them and never become a DOM text node: a million-point series
 * costs its doubles and nothing else.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "karavan-core-resources.h"
#include "karavan-dataset-private.h"
#include "karavan-error.h"
#include "karavan-loader.h"

#define XML_NS "http://www.w3.org/XML/1998/namespace"
#define MAX_TOKEN 64
#define LINE_STEP 256

/* Said by check_tags() and again by the SAX layer. */
#define TOO_MANY_ELEMENTS   N_("the file has more than %u elements; write long series as <values>")
#define TOO_MANY_ATTRIBUTES N_("the file has more than %u attributes")
#define DOCTYPE_REFUSED     N_("a DOCTYPE is not allowed: Karavan reads no DTDs or entities")
#define TOO_DEEP            N_("elements are nested more than %u deep")
/* Messages made elsewhere (libxml2's, karavan_parse_number()'s), passed
 * on as they are: not literals, so xgettext leaves them alone. */
#define AS_IS               "%s"
#define TOO_LARGE           N_("the file is larger than %u MiB")
#define MAX_FILE_MIB        ((guint) (KARAVAN_MAX_FILE_SIZE / (1024 * 1024)))
#define ATTR_MESSAGE        "%s: %s"
#define PARSE_CHUNK         (256 * 1024)

typedef struct {
  guint  line;
  guint  column;
  char  *message;
} Diagnostic;

typedef struct {
  GArray  *values;        /* KaravanPoint, y only (NAN for NA) */
  char     token[MAX_TOKEN + 1];
  guint    token_len;
  gsize    token_offset;
  gboolean failed;
} ValuesAccum;

typedef struct {
  const char *display_name;
  const char *doc;
  gsize       len;
  GArray     *line_starts;   /* gsize, where lines 1, 1 + LINE_STEP, … start */
  gsize       last_offset;   /* the last position worked out, or G_MAXSIZE */
  guint       last_line;
  guint       last_column;
  GArray     *diagnostics;   /* Diagnostic */
  gboolean    too_many;
  guint       n_elements;
  guint       n_attributes;
  guint       n_values;
  xmlNode    *text_node;     /* the text node growing now: its length, */
  gsize       text_len;
  gsize       text_start;    /* and where it starts */
  gboolean    stopped;
  gboolean    limit_hit;     /* one of KARAVAN_MAX_* was reached */
  GHashTable *values;        /* xmlNode* → ValuesAccum* */
  KaravanDataset *dataset;
  GPtrArray  *pending_steps; /* (xmlNode*, KaravanStep*) pairs, resolved last */
  GPtrArray  *pending_events; /* (xmlNode*, KaravanChart*) pairs, likewise */
  GCancellable *cancellable;
  gboolean    cancelled;     /* seen cancelled in a step that cannot stop the parser */
} Loader;

static xmlRelaxNGPtr schema;

/* ---------------------------------------------------------------------- */
/* Positions and diagnostics                                              */

/* A line ends at "\n", "\r\n" or a lone "\r", as XML says. */
static inline gboolean
ends_line (const char *doc,
           gsize       len,
           gsize       i)
{
  return doc[i] == '\n' || (doc[i] == '\r' && (i + 1 >= len || doc[i + 1] != '\n'));
}

/* Remembers where every LINE_STEP-th line starts: a file of 256 million
 * empty lines must not cost an array of 256 million offsets. */
static void
compute_line_starts (Loader *loader)
{
  const char *doc = loader->doc;
  gsize len = loader->len;
  gsize zero = 0;
  guint line = 0;

  loader->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (loader->line_starts, zero);
  loader->last_offset = G_MAXSIZE;

  if (memchr (doc, '\r', len) == NULL)
    {
      for (const char *p = doc; (p = memchr (p, '\n', doc + len - p)); p++)
        if (++line % LINE_STEP == 0)
          {
            gsize start = p - doc + 1;
            g_array_append_val (loader->line_starts, start);
          }
      return;
    }

  for (gsize i = 0; i < len; i++)
    if (ends_line (doc, len, i) && ++line % LINE_STEP == 0)
      {
        gsize start = i + 1;
        g_array_append_val (loader->line_starts, start);
      }
}

static void
offset_to_position (Loader *loader,
                    gsize   offset,
                    guint  *line,
                    guint  *column)
{
  GArray *starts = loader->line_starts;
  guint lo = 0, hi = starts->len;
  gsize from;
  guint l, c;

  offset = MIN (offset, loader->len);

  /* The last remembered line start <= offset... */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  from = g_array_index (starts, gsize, lo);
  l = lo * LINE_STEP + 1;
  c = 1;

  /* ...or the last position asked for, when it lies between: messages
   * come mostly in file order, and one line can be 256 MB long. */
  if (loader->last_offset != G_MAXSIZE && loader->last_offset >= from && loader->last_offset <= offset)
    {
      from = loader->last_offset;
      l = loader->last_line;
      c = loader->last_column;
    }

  /* Columns count characters (UTF-8 lead bytes). */
  for (gsize i = from; i < offset; i++)
    {
      if (ends_line (loader->doc, loader->len, i))
        l++, c = 1;
      else if (((guchar) loader->doc[i] & 0xC0) != 0x80)
        c++;
    }

  loader->last_offset = offset;
  loader->last_line = l;
  loader->last_column = c;
  *line = l;
  *column = c;
}

/* After KARAVAN_MAX_DIAGNOSTICS, further problems are only counted:
 * checked before any position is worked out, so a file with millions of
 * errors costs no more than one with a hundred. */
static gboolean
diagnostics_full (Loader *loader)
{
  if (loader->diagnostics->len < KARAVAN_MAX_DIAGNOSTICS)
    return FALSE;
  loader->too_many = TRUE;
  return TRUE;
}

static void
add_diagnostic_at (Loader     *loader,
                   guint       line,
                   guint       column,
                   const char *message)
{
  g_autofree char *text = NULL;
  Diagnostic d;

  if (diagnostics_full (loader))
    return;

  /* One problem, one line, in UTF-8: libxml2 ends its messages with a
   * newline, puts some inside, and quotes the file cut at any byte. */
  text = g_strstrip (g_utf8_make_valid (message, -1));
  for (char *p = text; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  /* libxml2 repeats some schema errors: say each once. */
  for (guint i = 0; i < loader->diagnostics->len; i++)
    {
      Diagnostic *o = &g_array_index (loader->diagnostics, Diagnostic, i);

      if (o->line == line && o->column == column && g_str_equal (o->message, text))
        return;
    }

  d.line = line;
  d.column = column;
  d.message = g_steal_pointer (&text);
  g_array_append_val (loader->diagnostics, d);
}

G_GNUC_PRINTF (3, 4)
static void
error_at_offset (Loader     *loader,
                 gsize       offset,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (diagnostics_full (loader))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (_(format), args);
  va_end (args);

  offset_to_position (loader, offset, &line, &column);
  add_diagnostic_at (loader, line, column, message);
}

static gsize
node_offset (xmlNode *node)
{
  /* Set by start_element_ns(): offset + 1 of the element's '<'. */
  if (node != NULL && node->_private != NULL)
    return GPOINTER_TO_SIZE (node->_private) - 1;
  return 0;
}

/* The offset of attribute @name inside @node's start tag, or of the
 * element itself when the attribute is not there. */
static gsize
attr_offset (Loader     *loader,
             xmlNode    *node,
             const char *name)
{
  gsize start = node_offset (node);
  gsize name_len = strlen (name);
  gsize i = start + 1;

  /* Skip the element's name, then look at each attribute name in turn;
   * '>' cannot appear unquoted inside a tag. */
  while (i < loader->len && !g_ascii_isspace (loader->doc[i]) && loader->doc[i] != '>')
    i++;

  while (i < loader->len && loader->doc[i] != '>')
    {
      char quote;
      gsize name_start;

      while (i < loader->len && g_ascii_isspace (loader->doc[i]))
        i++;
      name_start = i;
      while (i < loader->len && loader->doc[i] != '=' && !g_ascii_isspace (loader->doc[i]) &&
             loader->doc[i] != '>' && loader->doc[i] != '/')
        i++;
      if (i - name_start == name_len && memcmp (loader->doc + name_start, name, name_len) == 0)
        return name_start;
      while (i < loader->len && loader->doc[i] != '"' && loader->doc[i] != '\'' && loader->doc[i] != '>')
        i++;
      if (i >= loader->len || loader->doc[i] == '>')
        break;
      quote = loader->doc[i++];
      while (i < loader->len && loader->doc[i] != quote)
        i++;
      i++;
    }

  return start;
}

G_GNUC_PRINTF (3, 4)
static void
error_at_node (Loader     *loader,
               xmlNode    *node,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (diagnostics_full (loader))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (_(format), args);
  va_end (args);

  offset_to_position (loader, node_offset (node), &line, &column);
  add_diagnostic_at (loader, line, column, message);
}

G_GNUC_PRINTF (4, 5)
static void
error_at_attr (Loader     *loader,
               xmlNode    *node,
               const char *attr,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (diagnostics_full (loader))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (_(format), args);
  va_end (args);

  offset_to_position (loader, attr_offset (loader, node, attr), &line, &column);
  add_diagnostic_at (loader, line, column, message);
}

/* @format is libxml2's own English for the message @message: when the
 * arguments give back exactly @message, the catalog's translation of
 * @format with the same arguments; otherwise NULL. So English output
 * stays libxml2's word for word, and an unexpected wording is passed on
 * untranslated rather than mistranslated. */
G_GNUC_PRINTF (2, 3)
static char *
translate_libxml (const char *message,
                  const char *format,
                  ...)
{
  g_autofree char *english = NULL;
  char *local;
  va_list args;

  va_start (args, format);
  english = g_strdup_vprintf (format, args);
  va_end (args);
  if (!g_str_equal (g_strstrip (english), message))
    return NULL;

  va_start (args, format);
  local = g_strdup_vprintf (_(format), args);
  va_end (args);
  return local;
}

/* The message of a libxml2 error in the interface's language, for the
 * parser and schema errors people meet most; any other in English. */
static char *
libxml_message (xmlErrorPtr error)
{
  g_autofree char *message = g_strstrip (g_strdup (error->message ? error->message : ""));
  const char *s1 = error->str1 ? error->str1 : "(null)";
  const char *s2 = error->str2 ? error->str2 : "(null)";
  char *local = NULL;

  if (message[0] == '\0')
    return g_strdup (_("the file is not well-formed XML"));

  /* RELAX NG's codes are an enum of their own. */
  if (error->domain == XML_FROM_RELAXNGV)
    {
      switch ((xmlRelaxNGValidErr) error->code)
        {
        case XML_RELAXNG_ERR_ELEMWRONG:
          local = translate_libxml (message, "Did not expect element %s there", s1);
          break;
        case XML_RELAXNG_ERR_NOELEM:
          local = translate_libxml (message, "Expecting an element %s, got nothing", s1);
          break;
        case XML_RELAXNG_ERR_ELEMNAME:
          local = translate_libxml (message, "Expecting element %s, got %s", s1, s2);
          break;
        case XML_RELAXNG_ERR_INVALIDATTR:
          local = translate_libxml (message, "Invalid attribute %s for element %s", s1, s2);
          break;
        case XML_RELAXNG_ERR_EXTRACONTENT:
          local = translate_libxml (message, "Element %s has extra content: %s", s1, s2);
          break;
        case XML_RELAXNG_ERR_ATTRVALID:
          local = translate_libxml (message, "Element %s failed to validate attributes", s1);
          break;
        case XML_RELAXNG_ERR_CONTENTVALID:
          local = translate_libxml (message, "Element %s failed to validate content", s1);
          break;
        case XML_RELAXNG_ERR_DATATYPE:
          local = translate_libxml (message, "Error validating datatype %s", s1);
          break;
        case XML_RELAXNG_ERR_VALUE:
          local = translate_libxml (message, "Error validating value %s", s1);
          break;
        case XML_RELAXNG_ERR_ELEMNOTEMPTY:
          local = translate_libxml (message, "Expecting element %s to be empty", s1);
          break;
        case XML_RELAXNG_ERR_TEXTWRONG:
          local = translate_libxml (message, "Did not expect text in element %s content", s1);
          break;
        case XML_RELAXNG_ERR_ELEMWRONGNS:
          local = translate_libxml (message, "Element %s has wrong namespace: expecting %s", s1, s2);
          break;
        case XML_RELAXNG_ERR_INTEREXTRA:
          local = translate_libxml (message, "Extra element %s in interleave", s1);
          break;
        default:
          break;
        }
    }
  else
    {
      switch ((xmlParserErrors) error->code)
        {
        case XML_ERR_TAG_NAME_MISMATCH:
          local = translate_libxml (message, "Opening and ending tag mismatch: %s line %d and %s",
                                    s1, error->int1, s2);
          break;
        case XML_ERR_GT_REQUIRED:
          /* libxml2 words this one three ways. */
          local = translate_libxml (message, "Couldn't find end of Start Tag %s line %d", s1, error->int1);
          if (local == NULL)
            local = translate_libxml (message, "Couldn't find end of Start Tag %s", s1);
          if (local == NULL)
            local = translate_libxml (message, "attributes construct error");
          break;
        case XML_ERR_RESERVED_XML_NAME:
          local = translate_libxml (message, "XML declaration allowed only at the start of the document");
          break;
        case XML_ERR_ATTRIBUTE_REDEFINED:
          local = translate_libxml (message, "Attribute %s redefined", s1);
          break;
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
          local = translate_libxml (message, "Specification mandates value for attribute %s", s1);
          break;
        case XML_NS_ERR_UNDEFINED_NAMESPACE:
          local = translate_libxml (message, "Namespace prefix %s on %s is not defined", s1, s2);
          break;
        case XML_ERR_UNDECLARED_ENTITY:
          local = translate_libxml (message, "Entity '%s' not defined", s1);
          break;
        case XML_ERR_DOCUMENT_END:
          local = translate_libxml (message, "Extra content at the end of the document");
          break;
        case XML_ERR_LT_IN_ATTRIBUTE:
          local = translate_libxml (message, "Unescaped '<' not allowed in attributes values");
          break;
        default:
          break;
        }
    }

  return local != NULL ? local : g_steal_pointer (&message);
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  Loader *loader = user_data;
  xmlNode *node = error->node;
  g_autofree char *message = NULL;

  if (error->level == XML_ERR_WARNING || diagnostics_full (loader))
    return;

  message = libxml_message (error);
  if (node != NULL && node->type == XML_ELEMENT_NODE && node->_private != NULL)
    {
      guint line, column;

      offset_to_position (loader, node_offset (node), &line, &column);
      add_diagnostic_at (loader, line, column, message);
    }
  else
    add_diagnostic_at (loader, MAX (error->line, 1), MAX (error->int2, 1), message);
}

static gsize parser_offset (xmlParserCtxtPtr ctxt, const xmlChar *p);

static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  Loader *loader = ctxt->_private;
  xmlParserInputPtr in = ctxt->input;

  if (error->level == XML_ERR_WARNING || diagnostics_full (loader))
    return;

  /* Where the parser stands, counted as every other message is. */
  if (ctxt->inputNr == 1 && in != NULL && in->cur >= in->base && in->cur <= in->end)
    {
      gsize offset = MIN (parser_offset (ctxt, in->cur), loader->len);

      /* The parser gives up on a comment, a CDATA section or a PI at the
       * end of the file: point at its start, where the end is missing. */
      const char *start = error->code == XML_ERR_COMMENT_NOT_FINISHED ? "<!--" :
                          error->code == XML_ERR_CDATA_NOT_FINISHED ? "<![CDATA[" :
                          error->code == XML_ERR_PI_NOT_FINISHED ? "<?" : NULL;

      if (start != NULL)
        {
          const char *open = g_strrstr_len (loader->doc, offset, start);

          if (open != NULL)
            offset = (gsize) (open - loader->doc);
        }
      g_autofree char *message = libxml_message (error);

      error_at_offset (loader, offset, AS_IS, message);
    }
  else
    structured_error_cb (loader, error);
}

/* ---------------------------------------------------------------------- */
/* Numbers                                                                */

/**
 * karavan_parse_number:
 *
 * Parses a number as the format writes it: C syntax, whatever the
 * locale, finite. On failure @out_message says why, with a hint for a
 * decimal comma.
 */
gboolean
karavan_parse_number (const char  *str,
                      double      *out_value,
                      char       **out_message)
{
  /* Powers of ten that are exact doubles. */
  static const double exact_tens[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *p = str;
  char *end = NULL;
  gboolean digits = FALSE;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int scale = 0;          /* the decimal exponent the digits imply */
  int exponent = 0;
  gboolean fast = TRUE;   /* every digit fits in the mantissa exactly */
  double value;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  while (g_ascii_isdigit (*p))
    {
      if (mantissa < (G_GUINT64_CONSTANT (1) << 53) / 10 + 1)
        mantissa = mantissa * 10 + (guint64) (*p - '0');
      else
        fast = FALSE;
      p++, digits = TRUE;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (mantissa < (G_GUINT64_CONSTANT (1) << 53) / 10 + 1)
            mantissa = mantissa * 10 + (guint64) (*p - '0'), scale--;
          else
            fast = FALSE;
          p++, digits = TRUE;
        }
    }
  if (digits && (*p == 'e' || *p == 'E'))
    {
      const char *e = p + 1;
      gboolean e_negative = FALSE;

      if (*e == '+' || *e == '-')
        e_negative = *e++ == '-';
      if (g_ascii_isdigit (*e))
        {
          while (g_ascii_isdigit (*e))
            {
              if (exponent < 10000)
                exponent = exponent * 10 + (*e - '0');
              e++;
            }
          p = e;
          scale += e_negative ? -exponent : exponent;
        }
    }

  if (!digits || *p != '\0')
    {
      const char *word = str + (*str == '+' || *str == '-');

      if (g_ascii_strcasecmp (word, "nan") == 0 || g_ascii_strcasecmp (word, "inf") == 0 ||
          g_ascii_strcasecmp (word, "infinity") == 0)
        {
          if (out_message)
            *out_message = g_strdup_printf (_("“%s” is not a number: values must be finite"), str);
          return FALSE;
        }
      if (strchr (str, ',') != NULL && strchr (str, '.') == NULL)
        {
          g_autofree char *fixed = g_strdelimit (g_strdup (str), ",", '.');
          double ignored;

          if (karavan_parse_number (fixed, &ignored, NULL))
            {
              if (out_message)
                *out_message = g_strdup_printf (_("“%s” is not a number: write a decimal point, not a comma (%s)"),
                                                str, fixed);
              return FALSE;
            }
        }
      if (out_message)
        *out_message = g_strdup_printf (_("“%s” is not a number"), str);
      return FALSE;
    }

  /* Clinger's fast path: a mantissa below 2^53 and a power of ten up to
   * 10^22 are both exact doubles, so one multiplication or division,
   * correctly rounded by IEEE 754, gives the double strtod() would. Most
   * data is written this way; the rest goes to strtod(). */
#if FLT_EVAL_METHOD == 0
  if (fast && mantissa <= (G_GUINT64_CONSTANT (1) << 53) && scale >= -22 && scale <= 22)
    {
      value = (double) mantissa;
      value = scale < 0 ? value / exact_tens[-scale] : value * exact_tens[scale];
      *out_value = negative ? -value : value;
      return TRUE;
    }
#else
  (void) fast, (void) negative, (void) exact_tens;
#endif

  value = g_ascii_strtod (str, &end);
  if (!isfinite (value))
    {
      if (out_message)
        *out_message = g_strdup_printf (_("“%s” is out of range: values must be finite, "
                                          "at most about 1.8e308 in size"), str);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The SAX layer                                                          */

static gboolean
is_ours (xmlNode    *node,
         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST KARAVAN_NS) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

/* Stops at a limit: every caller has just said which one. */
static void
stop (xmlParserCtxtPtr ctxt)
{
  Loader *loader = ctxt->_private;

  loader->stopped = TRUE;
  loader->limit_hit = TRUE;
  xmlStopParser (ctxt);
}

static gsize
parser_offset (xmlParserCtxtPtr  ctxt,
               const xmlChar    *p)
{
  xmlParserInputPtr in = ctxt->input;

  return (gsize) in->consumed + (gsize) (p - in->base);
}

static void
start_element_ns (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *URI,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Loader *loader = ctxt->_private;
  gsize cur = MIN (parser_offset (ctxt, ctxt->input->cur), loader->len);
  gsize start = cur;

  /* The parser stands at the end of the start tag; '<' cannot occur
   * inside a tag, so the last one before is where the element starts. */
  while (start > 0 && loader->doc[start] != '<')
    start--;

  if (++loader->n_elements > KARAVAN_MAX_ELEMENTS)
    {
      error_at_offset (loader, start, TOO_MANY_ELEMENTS, KARAVAN_MAX_ELEMENTS);
      stop (ctxt);
      return;
    }
  if (ctxt->nodeNr >= KARAVAN_MAX_DEPTH)
    {
      error_at_offset (loader, start, TOO_DEEP, KARAVAN_MAX_DEPTH);
      stop (ctxt);
      return;
    }
  /* Each attribute costs two nodes in the tree. */
  loader->n_attributes += (guint) (nb_attributes + nb_namespaces);
  if (loader->n_attributes > KARAVAN_MAX_ATTRIBUTES)
    {
      error_at_offset (loader, start, TOO_MANY_ATTRIBUTES, KARAVAN_MAX_ATTRIBUTES);
      stop (ctxt);
      return;
    }

  xmlSAX2StartElementNs (ctx, localname, prefix, URI, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);

  if (ctxt->node != NULL)
    ctxt->node->_private = GSIZE_TO_POINTER (start + 1);
}

static void
values_token (xmlParserCtxtPtr  ctxt,
              Loader           *loader,
              ValuesAccum      *accum)
{
  g_autofree char *message = NULL;
  double value;

  accum->token[accum->token_len] = '\0';
  accum->token_len = 0;

  if (++loader->n_values > KARAVAN_MAX_VALUES)
    {
      error_at_offset (loader, accum->token_offset, "the file has more than %u values",
                       KARAVAN_MAX_VALUES);
      loader->limit_hit = TRUE;
      if (ctxt != NULL)
        stop (ctxt);
      accum->failed = TRUE;
      return;
    }

  if (strcmp (accum->token, "NA") == 0)
    value = NAN;
  else if (!karavan_parse_number (accum->token, &value, &message))
    {
      /* One message per <values>: a broken million-point series is one
       * problem, not a million. */
      if (!accum->failed)
        error_at_offset (loader, accum->token_offset, AS_IS, message);
      accum->failed = TRUE;
      return;
    }

  /* Straight into the points the series will own: no array of doubles
   * to copy from afterwards (a 100 MB file has 12 million values). */
  g_array_set_size (accum->values, accum->values->len + 1);
  g_array_index (accum->values, KaravanPoint, accum->values->len - 1).y = value;
}

static void
values_characters (xmlParserCtxtPtr  ctxt,
                   ValuesAccum      *accum,
                   const xmlChar    *ch,
                   int               len)
{
  Loader *loader = ctxt->_private;
  gsize base;

  /* Where this chunk starts in the document: exact when libxml2 hands us
   * its input buffer, which it does for plain text. */
  if (ch >= ctxt->input->base && ch < ctxt->input->end)
    base = parser_offset (ctxt, ch);
  else
    {
      gsize cur = MIN (parser_offset (ctxt, ctxt->input->cur), loader->len);

      /* After a CDATA section the parser stands past its "]]>". */
      if (cur >= 3 && memcmp (loader->doc + cur - 3, "]]>", 3) == 0)
        cur -= 3;
      base = cur - MIN ((gsize) len, cur);
    }

  for (int i = 0; i < len; i++)
    {
      char c = ch[i];

      if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        {
          if (accum->token_len > 0)
            values_token (ctxt, loader, accum);
          if (loader->stopped)
            return;
          continue;
        }

      if (accum->token_len == 0)
        accum->token_offset = base + i;

      if (accum->token_len == MAX_TOKEN)
        {
          if (!accum->failed)
            error_at_offset (loader, accum->token_offset, "a value is longer than %d characters", MAX_TOKEN);
          accum->failed = TRUE;
          accum->token_len = 0;
          continue;
        }

      accum->token[accum->token_len++] = c;
    }
}

static inline gboolean
is_value_space (guchar c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* How many values a <values> element holds, counted in the document from
 * where its text starts to the next tag, so that room for all of them is
 * made at once: a long series is never copied to grow (and its pages can
 * be huge ones). Only a hint: at most what the file may hold. */
static guint
count_values (Loader           *loader,
              xmlParserCtxtPtr  ctxt,
              const xmlChar    *ch)
{
  const guchar *doc = (const guchar *) loader->doc;
  const guchar *end;
  gsize from, to, n = 0;

  if (!(ch >= ctxt->input->base && ch < ctxt->input->end))
    return 0;
  from = MIN (parser_offset (ctxt, ch), loader->len);
  end = memchr (doc + from, '<', loader->len - from);
  to = end != NULL ? (gsize) (end - doc) : loader->len;
  if (from < to)
    n = !is_value_space (doc[from]);
  /* A value starts where a space is followed by anything else; written
   * without a carried dependency, so that it vectorises. */
  for (gsize i = from + 1; i < to; i++)
    n += is_value_space (doc[i - 1]) & !is_value_space (doc[i]);

  return (guint) MIN (n, (gsize) (KARAVAN_MAX_VALUES - MIN (loader->n_values, KARAVAN_MAX_VALUES)) + 1);
}

static void
values_accum_free (ValuesAccum *accum)
{
  g_array_unref (accum->values);
  g_free (accum);
}

static void
characters (void          *ctx,
            const xmlChar *ch,
            int            len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Loader *loader = ctxt->_private;
  xmlNode *node = ctxt->node;

  if (is_ours (node, "values"))
    {
      ValuesAccum *accum = g_hash_table_lookup (loader->values, node);

      if (accum == NULL)
        {
          guint hint = count_values (loader, ctxt, ch);

          accum = g_new0 (ValuesAccum, 1);
          accum->values = g_array_sized_new (FALSE, FALSE, sizeof (KaravanPoint), hint);
          _karavan_advise_huge_pages (accum->values->data, (gsize) hint * sizeof (KaravanPoint));
          g_hash_table_insert (loader->values, node, accum);
        }
      values_characters (ctxt, accum, ch, len);
      return;
    }

  /* libxml2 joins adjacent chunks into one text node: count its length
   * ourselves, since ctxt->nodelen can be left over from another one. */
  {
    xmlParserInputPtr in = ctxt->input;
    xmlNode *before = node != NULL ? node->last : NULL;
    gsize have = (before != NULL && before == loader->text_node) ? loader->text_len : 0;
    gsize here = ch >= in->base && ch < in->end ? parser_offset (ctxt, ch)
                                                : parser_offset (ctxt, in->cur);
    xmlNode *after;

    if (have + (gsize) len > KARAVAN_MAX_TEXT)
      {
        error_at_offset (loader, MIN (have > 0 ? loader->text_start : here, loader->len),
                         "a text is longer than 1 MiB (%u bytes)", KARAVAN_MAX_TEXT);
        stop (ctxt);
        return;
      }

    xmlSAX2Characters (ctx, ch, len);

    after = node != NULL ? node->last : NULL;
    if (after != NULL && after->type == XML_TEXT_NODE)
      {
        if (after != before)
          have = 0, loader->text_start = here;
        loader->text_len = have + (gsize) len;
        loader->text_node = after;
      }
  }
}

static void
internal_subset (void          *ctx,
                 const xmlChar *name,
                 const xmlChar *external_id,
                 const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Loader *loader = ctxt->_private;
  gsize cur = MIN (parser_offset (ctxt, ctxt->input->cur), loader->len);
  const char *doctype = g_strrstr_len (loader->doc, cur, "<!DOCTYPE");

  error_at_offset (loader, doctype ? (gsize) (doctype - loader->doc) : cur, DOCTYPE_REFUSED);
  stop (ctxt);
}

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  /* Nothing outside the file is ever read: not a DTD, not an entity. */
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Set-up                                                                 */

static gpointer
init_once (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr rctxt;

  xmlInitParser ();
  xmlSetExternalEntityLoader (deny_entity_loader);
  /* Once only: a static resource registered twice corrupts GIO's list. */
  karavan_core_register_resource ();

  bytes = g_resources_lookup_data ("/io/github/karavan/Karavan/core/karavan-dataset.rng",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);

  rctxt = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                      (int) g_bytes_get_size (bytes));
  schema = xmlRelaxNGParse (rctxt);
  xmlRelaxNGFreeParserCtxt (rctxt);
  g_assert (schema != NULL);

  return NULL;
}

void
karavan_loader_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_once, NULL);
}

/* ---------------------------------------------------------------------- */
/* Reading the tree                                                       */

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *ret;

  if (value == NULL)
    return NULL;

  ret = g_strdup ((const char *) value);
  xmlFree (value);
  return ret;
}

/* Collapses white space, as the format says texts are read. */
static char *
normalize_space (const char *str)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = str; *p; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static void
read_ltext (Loader      *loader,
            xmlNode     *node,
            KaravanText *text)
{
  xmlChar *lang = xmlGetNsProp (node, BAD_CAST "lang", BAD_CAST XML_NS);
  KaravanLang l;

  if (lang == NULL || !karavan_lang_from_string ((const char *) lang, &l) ||
      strlen ((const char *) lang) != 2)
    {
      error_at_node (loader, node, "<%s> needs xml:lang=\"ru\", \"kk\" or \"en\"", node->name);
    }
  else if (text->s[l] != NULL)
    {
      error_at_attr (loader, node, "xml:lang",
                     "<%s> repeats xml:lang=\"%s\" in the same place", node->name, lang);
    }
  else
    {
      xmlChar *content = xmlNodeGetContent (node);

      text->s[l] = normalize_space (content ? (const char *) content : "");
      xmlFree (content);
    }

  xmlFree (lang);
}

/* Reads the per-language child elements called @name into @text. */
static void
read_texts (Loader      *loader,
            xmlNode     *parent,
            const char  *name,
            KaravanText *text)
{
  for (xmlNode *child = parent->children; child; child = child->next)
    if (is_ours (child, name))
      read_ltext (loader, child, text);
}

static KaravanIdEntry *
lookup_id (Loader     *loader,
           const char *id)
{
  return g_hash_table_lookup (loader->dataset->ids, id);
}

static const char *
id_kind_name (KaravanIdKind kind)
{
  switch (kind)
    {
    /* TRANSLATORS: the last two words of "ATTR “ID” must name a source,
     * but names a series" (what an id reference names). */
    case KARAVAN_ID_SOURCE: return _("a source");
    case KARAVAN_ID_SERIES: return _("a series");
    case KARAVAN_ID_VIEW: return _("a view");
    case KARAVAN_ID_EVENT: return _("an event");
    default: g_assert_not_reached ();
    }
}

/* Records @id as naming @ptr; a second use of an id is an error. */
static void
register_id (Loader        *loader,
             xmlNode       *node,
             const char    *id,
             KaravanIdKind  kind,
             gpointer       ptr)
{
  KaravanIdEntry *entry;

  if (id == NULL)
    return;

  if (lookup_id (loader, id) != NULL)
    {
      error_at_attr (loader, node, "id", "the id “%s” is used more than once", id);
      return;
    }

  entry = g_new (KaravanIdEntry, 1);
  entry->kind = kind;
  entry->ptr = ptr;
  /* Keys point into the element that owns the id. */
  g_hash_table_insert (loader->dataset->ids, (gpointer) id, entry);
}

/* Resolves a space-separated list of ids of one kind. */
static GPtrArray *
resolve_refs (Loader        *loader,
              xmlNode       *node,
              const char    *attr,
              KaravanIdKind  kind)
{
  g_autofree char *value = get_attr (node, attr);
  g_auto(GStrv) ids = NULL;
  GPtrArray *out;

  if (value == NULL)
    return NULL;

  out = g_ptr_array_new ();
  ids = g_strsplit_set (value, " \t\n\r", -1);
  for (guint i = 0; ids[i]; i++)
    {
      KaravanIdEntry *entry;

      if (ids[i][0] == '\0')
        continue;

      entry = lookup_id (loader, ids[i]);
      if (entry == NULL)
        error_at_attr (loader, node, attr, "%s “%s” refers to nothing: no element has this id",
                       attr, ids[i]);
      else if (entry->kind != kind)
        error_at_attr (loader, node, attr, "%s “%s” must name %s, but names %s",
                       attr, ids[i], id_kind_name (kind), id_kind_name (entry->kind));
      else if (!g_ptr_array_find (out, entry->ptr, NULL))
        g_ptr_array_add (out, entry->ptr);
    }

  return out;
}

static gboolean
parse_number_attr (Loader     *loader,
                   xmlNode    *node,
                   const char *attr,
                   double     *out)
{
  g_autofree char *value = get_attr (node, attr);
  g_autofree char *message = NULL;

  if (value == NULL)
    return FALSE;

  if (!karavan_parse_number (value, out, &message))
    {
      error_at_attr (loader, node, attr, ATTR_MESSAGE, attr, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_date (const char  *str,
            KaravanDate *date)
{
  int year, month = 0, day = 0;
  char *end;
  gboolean negative = (str[0] == '-');

  year = (int) g_ascii_strtoll (str + negative, &end, 10);
  if (end != str + negative + 4)
    return FALSE;
  if (*end == '-')
    {
      month = (int) g_ascii_strtoll (end + 1, &end, 10);
      if (month < 1 || month > 12)
        return FALSE;
      if (*end == '-')
        {
          day = (int) g_ascii_strtoll (end + 1, &end, 10);
          if (negative || year < 1 || !g_date_valid_dmy (day, month, year))
            return FALSE;
        }
    }
  if (*end != '\0')
    return FALSE;

  date->year = negative ? -year : year;
  date->month = month;
  date->day = day;
  return TRUE;
}

/* The x values parse_x() can give, so that anything computed from them
 * (a <values> range) stays a valid date or a finite number. */
static gboolean
x_in_range (KaravanXType type,
            double       x)
{
  switch (type)
    {
    case KARAVAN_X_YEAR: return x >= -9999 && x <= 9999;
    case KARAVAN_X_MONTH: return x >= -9999 * 12 && x <= 9999 * 12 + 11;
    case KARAVAN_X_DATE: return x >= 1 && x <= 3652059; /* 9999-12-31 */
    case KARAVAN_X_NUMBER: return isfinite (x);
    case KARAVAN_X_CATEGORY:
    default: return FALSE;
    }
}

static const char *
x_type_limit (KaravanXType type)
{
  switch (type)
    {
    /* TRANSLATORS: the end of "3 values from “9998” in steps of 1 go
     * past the year 9999". */
    case KARAVAN_X_YEAR: return _("the year 9999");
    case KARAVAN_X_MONTH: return _("the month 9999-12");
    case KARAVAN_X_DATE: return _("the date 9999-12-31");
    case KARAVAN_X_NUMBER:
    default: return _("the largest number (about 1.8e308)");
    }
}

static const char *
x_type_example (KaravanXType type)
{
  switch (type)
    {
    /* TRANSLATORS: the end of "x “VALUE” is not a year such as 2020". */
    case KARAVAN_X_YEAR: return _("a year such as 2020");
    case KARAVAN_X_MONTH: return _("a month such as 2024-03");
    case KARAVAN_X_DATE: return _("a date such as 2024-07-03");
    case KARAVAN_X_NUMBER: return _("a number");
    case KARAVAN_X_CATEGORY: return _("a category");
    default: g_assert_not_reached ();
    }
}

/* Turns an x written in a file into the model's number for @type. For
 * categories, @series (may be NULL) maps ids to indexes. */
static gboolean
parse_x (const char    *str,
         KaravanXType   type,
         KaravanSeries *series,
         gboolean       add_category,
         double        *out)
{
  KaravanDate date;
  char *message = NULL;

  switch (type)
    {
    case KARAVAN_X_YEAR:
      if (!parse_date (str, &date) || date.month != 0)
        return FALSE;
      *out = date.year;
      return TRUE;

    case KARAVAN_X_MONTH:
      if (!parse_date (str, &date) || date.month == 0 || date.day != 0)
        return FALSE;
      *out = (double) date.year * 12 + (date.month - 1);
      return TRUE;

    case KARAVAN_X_DATE:
      if (!parse_date (str, &date) || date.day == 0)
        return FALSE;
      {
        g_autoptr(GDate) d = g_date_new_dmy (date.day, date.month, date.year);
        *out = g_date_get_julian (d);
      }
      return TRUE;

    case KARAVAN_X_NUMBER:
      if (!karavan_parse_number (str, out, &message))
        {
          g_free (message);
          return FALSE;
        }
      return TRUE;

    case KARAVAN_X_CATEGORY:
      if (str[0] == '\0' || series == NULL)
        return FALSE;
      for (guint i = 0; i < series->categories->len; i++)
        if (g_str_equal (((KaravanCategory *)series->categories->pdata[i])->id, str))
          {
            *out = i;
            return TRUE;
          }
      if (!add_category)
        return FALSE;
      {
        KaravanCategory *category = g_new0 (KaravanCategory, 1);

        category->id = g_strdup (str);
        g_ptr_array_add (series->categories, category);
        *out = series->categories->len - 1;
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_boolean_attr (xmlNode    *node,
                    const char *attr)
{
  g_autofree char *value = get_attr (node, attr);

  return g_strcmp0 (value, "true") == 0;
}

static KaravanRelation
parse_relation_attr (xmlNode *node)
{
  static const char *names[] = { "eq", "approx", "gt", "ge", "lt", "le" };
  g_autofree char *value = get_attr (node, "relation");

  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (value, names[i]))
      return (KaravanRelation) i;

  return KARAVAN_RELATION_EQ;
}

static gint
compare_points (gconstpointer a,
                gconstpointer b)
{
  const KaravanPoint *pa = a, *pb = b;

  return (pa->x > pb->x) - (pa->x < pb->x);
}

static gboolean
points_sorted (GArray *points)
{
  for (guint i = 1; i < points->len; i++)
    if (!(g_array_index (points, KaravanPoint, i - 1).x <= g_array_index (points, KaravanPoint, i).x))
      return FALSE;
  return TRUE;
}

static void
read_point (Loader        *loader,
            KaravanSeries *series,
            xmlNode       *node)
{
  g_autofree char *x = get_attr (node, "x");
  KaravanPoint point = { 0 };
  KaravanPointExtra extra = { 0 };

  if (x == NULL || !parse_x (x, series->x_type, series, TRUE, &point.x))
    {
      error_at_attr (loader, node, "x", "x “%s” is not %s", x ? x : "",
                     x_type_example (series->x_type));
      return;
    }

  if (parse_boolean_attr (node, "missing"))
    {
      point.flags |= KARAVAN_POINT_MISSING;
      point.y = NAN;
    }
  else if (!parse_number_attr (loader, node, "y", &point.y))
    return;

  if (parse_boolean_attr (node, "estimate"))
    point.flags |= KARAVAN_POINT_ESTIMATE;
  if (parse_boolean_attr (node, "partial"))
    point.flags |= KARAVAN_POINT_PARTIAL;
  point.relation = parse_relation_attr (node);

  read_texts (loader, node, "period", &extra.period);
  read_texts (loader, node, "note", &extra.note);
  extra.sources = resolve_refs (loader, node, "sources", KARAVAN_ID_SOURCE);

  if (!karavan_text_is_empty (&extra.period) || !karavan_text_is_empty (&extra.note) ||
      extra.sources != NULL)
    {
      g_ptr_array_add (series->extras, g_memdup2 (&extra, sizeof extra));
      point.extra = series->extras->len;
    }

  g_array_append_val (series->points, point);
}

static void
read_values (Loader        *loader,
             KaravanSeries *series,
             xmlNode       *node)
{
  g_autofree char *start_str = get_attr (node, "start");
  ValuesAccum *accum = g_hash_table_lookup (loader->values, node);
  double start, step = 1;

  if (series->x_type == KARAVAN_X_CATEGORY)
    {
      error_at_node (loader, node, "a category series cannot use <values>: write <points>");
      return;
    }
  if (start_str == NULL || !parse_x (start_str, series->x_type, NULL, FALSE, &start))
    {
      error_at_attr (loader, node, "start", "start “%s” is not %s", start_str ? start_str : "",
                     x_type_example (series->x_type));
      return;
    }
  if (xmlHasProp (node, BAD_CAST "step") != NULL)
    {
      g_autofree char *step_str = get_attr (node, "step");

      if (!parse_number_attr (loader, node, "step", &step))
        return;
      if (step == 0 || (series->x_type != KARAVAN_X_NUMBER && (step != floor (step) || step < 0)))
        {
          if (series->x_type == KARAVAN_X_NUMBER)
            error_at_attr (loader, node, "step", "step “%s” must be non-zero", step_str);
          else
            error_at_attr (loader, node, "step", "step “%s” must be a positive whole number", step_str);
          return;
        }
    }

  if (accum == NULL)
    return;

  /* A trailing token without white space after it. */
  if (accum->token_len > 0)
    values_token (NULL, loader, accum);

  /* start + i × step must stay an x the series can have: a huge step
   * would make infinite numbers or dates past year 9999. */
  if (accum->values->len > 0 &&
      !x_in_range (series->x_type, start + (accum->values->len - 1) * step))
    {
      error_at_node (loader, node, "%u values from “%s” in steps of %g go past %s",
                     accum->values->len, start_str, step, x_type_limit (series->x_type));
      return;
    }

  /* The accumulated points become the series' (when it has none yet). */
  if (series->points->len == 0)
    {
      g_array_unref (series->points);
      series->points = g_array_ref (accum->values);
    }
  else
    {
      g_array_set_size (series->points, accum->values->len);
      memcpy (series->points->data, accum->values->data, accum->values->len * sizeof (KaravanPoint));
    }
  for (guint i = 0; i < series->points->len; i++)
    {
      KaravanPoint *p = &g_array_index (series->points, KaravanPoint, i);

      p->x = start + i * step;
      p->flags = isnan (p->y) ? KARAVAN_POINT_MISSING : 0;
      p->extra = 0;
      p->relation = KARAVAN_RELATION_EQ;
    }

  /* The numbers live in the points now. */
  g_hash_table_remove (loader->values, node);
}

static KaravanXType
parse_x_type (xmlNode *node)
{
  g_autofree char *value = get_attr (node, "x-type");

  if (g_strcmp0 (value, "month") == 0)
    return KARAVAN_X_MONTH;
  if (g_strcmp0 (value, "date") == 0)
    return KARAVAN_X_DATE;
  if (g_strcmp0 (value, "number") == 0)
    return KARAVAN_X_NUMBER;
  if (g_strcmp0 (value, "category") == 0)
    return KARAVAN_X_CATEGORY;
  return KARAVAN_X_YEAR;
}

static void
read_series (Loader        *loader,
             KaravanSeries *series,
             xmlNode       *node)
{
  g_autofree char *format = get_attr (node, "format");

  series->x_type = parse_x_type (node);
  series->format = g_strcmp0 (format, "percent") == 0 ? KARAVAN_FORMAT_PERCENT : KARAVAN_FORMAT_NUMBER;
  series->sources = resolve_refs (loader, node, "sources", KARAVAN_ID_SOURCE);
  read_texts (loader, node, "title", &series->title);
  read_texts (loader, node, "unit", &series->unit);
  read_texts (loader, node, "definition", &series->definition);
  read_texts (loader, node, "note", &series->note);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_ours (child, "category"))
        {
          g_autofree char *id = get_attr (child, "id");
          double index;

          if (series->x_type != KARAVAN_X_CATEGORY)
            error_at_node (loader, child, "<category> is only for series with x-type=\"category\"");
          else if (id != NULL && parse_x (id, KARAVAN_X_CATEGORY, series, FALSE, &index))
            error_at_attr (loader, child, "id", "the category “%s” is defined twice", id);
          else if (id != NULL)
            {
              KaravanCategory *category = g_new0 (KaravanCategory, 1);

              category->id = g_steal_pointer (&id);
              read_texts (loader, child, "label", &category->label);
              g_ptr_array_add (series->categories, category);
            }
        }
      else if (is_ours (child, "points"))
        {
          for (xmlNode *p = child->children; p; p = p->next)
            if (is_ours (p, "point"))
              read_point (loader, series, p);
        }
      else if (is_ours (child, "values"))
        read_values (loader, series, child);
    }

  /* <values> with a positive step and <points> written in order are
   * sorted already: checking is one pass, sorting 24-byte points costs
   * a third of a big load. The sort is stable, so skipping it changes
   * nothing. */
  if (!points_sorted (series->points))
    g_array_sort (series->points, compare_points);

  series->y_min = NAN;
  series->y_max = NAN;
  for (guint i = 0; i < series->points->len; i++)
    {
      KaravanPoint *p = &g_array_index (series->points, KaravanPoint, i);

      if (i > 0 && p->x == g_array_index (series->points, KaravanPoint, i - 1).x)
        {
          error_at_node (loader, node, "series “%s” has two points at the same x", series->id);
          break;
        }
      if (p->flags & KARAVAN_POINT_MISSING)
        continue;
      series->n_present++;
      if (!(p->y >= series->y_min))
        series->y_min = p->y;
      if (!(p->y <= series->y_max))
        series->y_max = p->y;
    }
}

static KaravanView *
new_view (Loader          *loader,
          xmlNode         *node,
          KaravanViewKind  kind)
{
  KaravanView *view = g_new0 (KaravanView, 1);

  view->kind = kind;
  view->id = get_attr (node, "id");
  read_texts (loader, node, "title", &view->title);
  read_texts (loader, node, "subtitle", &view->subtitle);
  read_texts (loader, node, "note", &view->note);
  read_texts (loader, node, "description", &view->description);

  return view;
}

static void
read_chart (Loader      *loader,
            KaravanView *view,
            xmlNode     *node)
{
  KaravanChart *chart = g_new0 (KaravanChart, 1);
  g_autofree char *type = get_attr (node, "type");
  g_autofree char *scale = get_attr (node, "scale");
  g_autofree char *x = get_attr (node, "x");
  KaravanSeries *first = NULL;

  view->chart = chart;
  chart->markers = g_ptr_array_new ();
  chart->growths = g_ptr_array_new ();
  chart->yoy = g_ptr_array_new ();
  if (!karavan_chart_type_from_string (type, &chart->type))
    chart->type = KARAVAN_CHART_LINE;
  chart->log_scale = g_strcmp0 (scale, "log") == 0;
  chart->series = resolve_refs (loader, node, "series", KARAVAN_ID_SERIES);
  if (chart->series == NULL)
    chart->series = g_ptr_array_new ();
  view->sources = resolve_refs (loader, node, "sources", KARAVAN_ID_SOURCE);
  read_texts (loader, node, "x-title", &chart->x_title);
  read_texts (loader, node, "y-title", &chart->y_title);
  chart->has_y_min = parse_number_attr (loader, node, "y-min", &chart->y_min);
  chart->has_y_max = parse_number_attr (loader, node, "y-max", &chart->y_max);

  if (chart->series->len == 0)
    {
      error_at_attr (loader, node, "series", "chart “%s” shows no series", view->id);
      return;
    }

  first = chart->series->pdata[0];
  chart->x_type = first->x_type;
  for (guint i = 1; i < chart->series->len; i++)
    {
      KaravanSeries *s = chart->series->pdata[i];

      if (s->x_type != first->x_type)
        error_at_attr (loader, node, "series",
                       "chart “%s” mixes series of different x-type (“%s” and “%s”)",
                       view->id, first->id, s->id);
    }

  if (chart->has_y_min && chart->has_y_max && chart->y_min >= chart->y_max)
    error_at_attr (loader, node, "y-max", "y-max must be greater than y-min");

  if (x != NULL)
    {
      chart->has_x = parse_x (x, chart->x_type, first, FALSE, &chart->x);
      if (!chart->has_x)
        error_at_attr (loader, node, "x", "x “%s” is not %s of series “%s”", x,
                       x_type_example (chart->x_type), first->id);
    }

  if ((chart->type == KARAVAN_CHART_DONUT || chart->type == KARAVAN_CHART_BAR ||
       chart->type == KARAVAN_CHART_HBAR) && chart->series->len > 1 && x == NULL)
    error_at_attr (loader, node, "series",
                   "a %s chart shows one series, or several with an x attribute naming the period",
                   type);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_ours (child, "marker"))
        {
          g_autofree char *mx = get_attr (child, "x");
          KaravanMarker *marker = g_new0 (KaravanMarker, 1);

          if (mx == NULL || !parse_x (mx, chart->x_type, first, FALSE, &marker->x))
            error_at_attr (loader, child, "x", "marker x “%s” is not %s", mx ? mx : "",
                           x_type_example (chart->x_type));
          read_texts (loader, child, "label", &marker->label);
          g_ptr_array_add (chart->markers, marker);
        }
      else if (is_ours (child, "growth") || is_ours (child, "yoy"))
        {
          g_autofree char *sid = get_attr (child, "series");
          KaravanSeries *series = karavan_dataset_find_series (loader->dataset, sid);

          if (series == NULL || !g_ptr_array_find (chart->series, series, NULL))
            {
              error_at_attr (loader, child, "series", "series “%s” is not one of the chart's series",
                             sid ? sid : "");
              continue;
            }

          if (is_ours (child, "yoy"))
            g_ptr_array_add (chart->yoy, series);
          else
            {
              KaravanGrowth *growth = g_new0 (KaravanGrowth, 1);
              g_autofree char *show = get_attr (child, "show");
              const char *ends[] = { "from", "to" };
              double *values[] = { &growth->from, &growth->to };

              growth->series = series;
              growth->show = g_strcmp0 (show, "cagr") == 0 ? KARAVAN_GROWTH_CAGR :
                             g_strcmp0 (show, "both") == 0 ? KARAVAN_GROWTH_MULTIPLE | KARAVAN_GROWTH_CAGR :
                             KARAVAN_GROWTH_MULTIPLE;
              g_ptr_array_add (chart->growths, growth);

              for (guint e = 0; e < 2; e++)
                {
                  g_autofree char *v = get_attr (child, ends[e]);
                  const KaravanPoint *p;

                  if (v == NULL || !parse_x (v, series->x_type, series, FALSE, values[e]))
                    error_at_attr (loader, child, ends[e], "%s “%s” is not %s", ends[e], v ? v : "",
                                   x_type_example (series->x_type));
                  else if ((p = karavan_series_find_point (series, *values[e])) == NULL ||
                           (p->flags & KARAVAN_POINT_MISSING) || p->y <= 0)
                    error_at_attr (loader, child, ends[e],
                                   "series “%s” has no positive value at %s “%s”", series->id, ends[e], v);
                }
              if (growth->from >= growth->to)
                error_at_attr (loader, child, "to", "growth must go from an earlier x to a later one");
            }
        }
      else if (is_ours (child, "events"))
        {
          /* The timeline may come later in the file: resolved at the end. */
          g_ptr_array_add (loader->pending_events, child);
          g_ptr_array_add (loader->pending_events, chart);
        }
    }
}

static void
read_chart_events (Loader       *loader,
                   KaravanChart *chart,
                   xmlNode      *child)
{
  g_autofree char *tid = get_attr (child, "timeline");
  KaravanView *tv = karavan_dataset_find_view (loader->dataset, tid);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *cats = get_attr (child, "categories");
  g_auto(GStrv) cat_ids = cats ? g_strsplit (cats, " ", -1) : NULL;

  if (tv == NULL || tv->kind != KARAVAN_VIEW_TIMELINE || tv->timeline == NULL)
    {
      error_at_attr (loader, child, "timeline", "“%s” is not a timeline of this file",
                     tid ? tid : "");
      return;
    }

  chart->events_timeline = tv->timeline;
  ids = resolve_refs (loader, child, "ids", KARAVAN_ID_EVENT);
  chart->events = g_ptr_array_new ();

  for (guint c = 0; cat_ids && cat_ids[c]; c++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < tv->timeline->categories->len; k++)
        found |= g_str_equal (((KaravanEventCategory *)tv->timeline->categories->pdata[k])->id, cat_ids[c]);
      if (!found && cat_ids[c][0] != '\0')
        error_at_attr (loader, child, "categories", "timeline “%s” has no category “%s”", tid, cat_ids[c]);
    }

  for (guint k = 0; k < tv->timeline->events->len; k++)
    {
      KaravanEvent *event = tv->timeline->events->pdata[k];
      gboolean by_cat = cat_ids != NULL && g_strv_contains ((const char * const *) cat_ids, event->category->id);
      gboolean by_id = ids != NULL && g_ptr_array_find (ids, event, NULL);

      if ((cat_ids == NULL && ids == NULL) || by_cat || by_id)
        g_ptr_array_add (chart->events, event);
    }
  if (ids != NULL)
    for (guint k = 0; k < ids->len; k++)
      if (!g_ptr_array_find (tv->timeline->events, ids->pdata[k], NULL))
        error_at_attr (loader, child, "ids", "event “%s” is not in timeline “%s”",
                       ((KaravanEvent *)ids->pdata[k])->id, tid);
}

static int
compare_dates (const KaravanDate *a,
               const KaravanDate *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

static gint
compare_events (gconstpointer a,
                gconstpointer b)
{
  const KaravanEvent *ea = *(KaravanEvent **)a, *eb = *(KaravanEvent **)b;
  int c = compare_dates (&ea->from, &eb->from);

  return c != 0 ? c : compare_dates (&ea->to, &eb->to);
}

static void
read_timeline (Loader      *loader,
               KaravanView *view,
               xmlNode     *node)
{
  KaravanTimeline *timeline = g_new0 (KaravanTimeline, 1);

  view->timeline = timeline;
  timeline->categories = g_ptr_array_new ();
  timeline->events = g_ptr_array_new ();
  view->sources = resolve_refs (loader, node, "sources", KARAVAN_ID_SOURCE);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_ours (child, "category"))
        {
          KaravanEventCategory *category = g_new0 (KaravanEventCategory, 1);

          category->id = get_attr (child, "id");
          category->color = get_attr (child, "color");
          read_texts (loader, child, "label", &category->label);
          for (guint i = 0; i < timeline->categories->len; i++)
            if (g_strcmp0 (((KaravanEventCategory *)timeline->categories->pdata[i])->id, category->id) == 0)
              error_at_attr (loader, child, "id", "the category “%s” is defined twice", category->id);
          g_ptr_array_add (timeline->categories, category);
        }
      else if (is_ours (child, "event"))
        {
          KaravanEvent *event = g_new0 (KaravanEvent, 1);
          g_autofree char *cat = get_attr (child, "category");
          g_autofree char *date = get_attr (child, "date");
          g_autofree char *from = get_attr (child, "from");
          g_autofree char *to = get_attr (child, "to");

          event->id = get_attr (child, "id");
          event->corrections = g_ptr_array_new ();
          g_ptr_array_add (timeline->events, event);
          register_id (loader, child, event->id, KARAVAN_ID_EVENT, event);

          for (guint i = 0; i < timeline->categories->len; i++)
            if (g_strcmp0 (((KaravanEventCategory *)timeline->categories->pdata[i])->id, cat) == 0)
              event->category = timeline->categories->pdata[i];
          if (event->category == NULL)
            {
              error_at_attr (loader, child, "category", "the timeline has no category “%s”", cat ? cat : "");
              event->category = timeline->categories->len > 0 ? timeline->categories->pdata[0] : NULL;
            }

          event->sources = resolve_refs (loader, child, "sources", KARAVAN_ID_SOURCE);
          if (date != NULL)
            {
              if (!parse_date (date, &event->from))
                error_at_attr (loader, child, "date", "“%s” is not a date (1992, 1992-08 or 1992-08-15)", date);
              event->to = event->from;
            }
          else
            {
              event->is_range = TRUE;
              if (from == NULL || !parse_date (from, &event->from))
                error_at_attr (loader, child, "from", "“%s” is not a date (1992, 1992-08 or 1992-08-15)", from ? from : "");
              else if (to == NULL || !parse_date (to, &event->to))
                error_at_attr (loader, child, "to", "“%s” is not a date (1992, 1992-08 or 1992-08-15)", to ? to : "");
              else if (compare_dates (&event->from, &event->to) > 0)
                error_at_attr (loader, child, "to", "the range ends (%s) before it starts (%s)", to, from);
            }

          read_texts (loader, child, "title", &event->title);
          read_texts (loader, child, "short", &event->short_title);
          read_texts (loader, child, "description", &event->description);
          for (xmlNode *c = child->children; c; c = c->next)
            if (is_ours (c, "correction"))
              {
                KaravanCorrection *correction = g_new0 (KaravanCorrection, 1);

                correction->sources = resolve_refs (loader, c, "sources", KARAVAN_ID_SOURCE);
                read_texts (loader, c, "text", &correction->text);
                g_ptr_array_add (event->corrections, correction);
              }
        }
    }

  g_ptr_array_sort (timeline->events, compare_events);
}

static void
read_table (Loader      *loader,
            KaravanView *view,
            xmlNode     *node)
{
  KaravanTable *table = g_new0 (KaravanTable, 1);

  view->table = table;
  table->columns = g_ptr_array_new ();
  table->rows = g_ptr_array_new ();
  view->sources = resolve_refs (loader, node, "sources", KARAVAN_ID_SOURCE);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_ours (child, "column"))
        {
          KaravanColumn *column = g_new0 (KaravanColumn, 1);
          g_autofree char *type = get_attr (child, "type");

          column->id = get_attr (child, "id");
          column->type = g_strcmp0 (type, "number") == 0 ? KARAVAN_COLUMN_NUMBER :
                         g_strcmp0 (type, "percent") == 0 ? KARAVAN_COLUMN_PERCENT :
                         KARAVAN_COLUMN_TEXT;
          read_texts (loader, child, "title", &column->title);
          read_texts (loader, child, "unit", &column->unit);
          g_ptr_array_add (table->columns, column);
        }
      else if (is_ours (child, "row"))
        {
          GArray *row = g_array_new (FALSE, TRUE, sizeof (KaravanCell));
          guint n = 0;

          g_ptr_array_add (table->rows, row);
          for (xmlNode *c = child->children; c; c = c->next)
            {
              KaravanCell cell = { 0 };
              KaravanColumn *column;

              if (!is_ours (c, "cell"))
                continue;

              if (n >= table->columns->len)
                {
                  error_at_node (loader, c, "this row has more cells than the table has columns (%u)",
                                 table->columns->len);
                  break;
                }
              column = table->columns->pdata[n++];

              if (xmlHasProp (c, BAD_CAST "value"))
                {
                  cell.kind = KARAVAN_CELL_NUMBER;
                  cell.relation = parse_relation_attr (c);
                  if (!parse_number_attr (loader, c, "value", &cell.value))
                    cell.kind = KARAVAN_CELL_EMPTY;
                  if (column->type == KARAVAN_COLUMN_TEXT)
                    error_at_attr (loader, c, "value", "column “%s” holds text, not numbers", column->id);
                }
              else
                {
                  read_texts (loader, c, "text", &cell.text);
                  if (!karavan_text_is_empty (&cell.text))
                    {
                      cell.kind = KARAVAN_CELL_TEXT;
                      if (column->type != KARAVAN_COLUMN_TEXT)
                        error_at_node (loader, c, "column “%s” holds numbers: write value=\"…\"", column->id);
                    }
                }
              g_array_append_val (row, cell);
            }

          if (n < table->columns->len)
            error_at_node (loader, child, "this row has too few cells: %u for %u columns",
                           n, table->columns->len);
          /* Keep rows rectangular even when the file is not. */
          g_array_set_size (row, table->columns->len);
        }
    }
}

static void
read_lesson (Loader      *loader,
             KaravanView *view,
             xmlNode     *node)
{
  KaravanLesson *lesson = g_new0 (KaravanLesson, 1);

  view->lesson = lesson;
  lesson->steps = g_ptr_array_new ();

  for (xmlNode *child = node->children; child; child = child->next)
    if (is_ours (child, "step"))
      {
        KaravanStep *step = g_new0 (KaravanStep, 1);
        g_autofree char *reveal = get_attr (child, "reveal");

        step->reveal = g_strcmp0 (reveal, "points") == 0 ? KARAVAN_REVEAL_POINTS :
                       g_strcmp0 (reveal, "series") == 0 ? KARAVAN_REVEAL_SERIES :
                       g_strcmp0 (reveal, "eras") == 0 ? KARAVAN_REVEAL_ERAS :
                       KARAVAN_REVEAL_NONE;
        read_texts (loader, child, "title", &step->title);
        read_texts (loader, child, "note", &step->note);
        g_ptr_array_add (lesson->steps, step);
        /* Steps may name views further down: resolved at the end. */
        g_ptr_array_add (loader->pending_steps, child);
        g_ptr_array_add (loader->pending_steps, step);
      }
}

static void
resolve_steps (Loader *loader)
{
  for (guint i = 0; i + 1 < loader->pending_steps->len; i += 2)
    {
      xmlNode *node = loader->pending_steps->pdata[i];
      KaravanStep *step = loader->pending_steps->pdata[i + 1];
      g_autofree char *id = get_attr (node, "view");
      KaravanView *view = karavan_dataset_find_view (loader->dataset, id);

      if (view == NULL)
        error_at_attr (loader, node, "view", "view “%s” refers to nothing: no chart, timeline or table has this id",
                       id ? id : "");
      else if (view->kind == KARAVAN_VIEW_LESSON)
        error_at_attr (loader, node, "view", "a lesson step cannot show another lesson (“%s”)", id);
      else
        step->view = view;
    }
}

static void
build_dataset (Loader  *loader,
               xmlNode *root)
{
  KaravanDataset *dataset = loader->dataset;

  dataset->id = get_attr (root, "id");
  read_texts (loader, root, "title", &dataset->title);
  read_texts (loader, root, "description", &dataset->description);

  /* Sources first: everything else refers to them. */
  for (xmlNode *child = root->children; child; child = child->next)
    if (is_ours (child, "sources"))
      for (xmlNode *s = child->children; s; s = s->next)
        if (is_ours (s, "source"))
          {
            KaravanSource *source = g_new0 (KaravanSource, 1);

            source->id = get_attr (s, "id");
            source->url = get_attr (s, "url");
            source->publisher = get_attr (s, "publisher");
            source->published = get_attr (s, "published");
            source->accessed = get_attr (s, "accessed");
            read_texts (loader, s, "citation", &source->citation);
            read_texts (loader, s, "note", &source->note);
            g_ptr_array_add (dataset->sources, source);
            register_id (loader, s, source->id, KARAVAN_ID_SOURCE, source);

            if (source->published && !parse_date (source->published, &(KaravanDate) { 0 }))
              error_at_attr (loader, s, "published", "“%s” is not a date", source->published);
            if (source->accessed && !parse_date (source->accessed, &(KaravanDate) { 0 }))
              error_at_attr (loader, s, "accessed", "“%s” is not a date", source->accessed);
          }

  /* Then series, so that charts anywhere in the file can show them. */
  for (xmlNode *child = root->children; child; child = child->next)
    if (is_ours (child, "series"))
      {
        KaravanSeries *series;

        /* A series of millions of values takes a while to build. */
        if (g_cancellable_is_cancelled (loader->cancellable))
          {
            loader->cancelled = TRUE;
            return;
          }
        series = g_new0 (KaravanSeries, 1);

        series->id = get_attr (child, "id");
        series->categories = g_ptr_array_new ();
        series->points = g_array_new (FALSE, FALSE, sizeof (KaravanPoint));
        series->extras = g_ptr_array_new ();
        g_ptr_array_add (dataset->series, series);
        register_id (loader, child, series->id, KARAVAN_ID_SERIES, series);
        read_series (loader, series, child);
      }

  /* Views in file order; each registers its id before reading, so a
   * chart can show events of a timeline above it. */
  for (xmlNode *child = root->children; child; child = child->next)
    {
      KaravanView *view;
      KaravanViewKind kind;

      if (is_ours (child, "chart"))
        kind = KARAVAN_VIEW_CHART;
      else if (is_ours (child, "timeline"))
        kind = KARAVAN_VIEW_TIMELINE;
      else if (is_ours (child, "table"))
        kind = KARAVAN_VIEW_TABLE;
      else if (is_ours (child, "lesson"))
        kind = KARAVAN_VIEW_LESSON;
      else
        continue;

      view = new_view (loader, child, kind);
      g_ptr_array_add (dataset->views, view);
      register_id (loader, child, view->id, KARAVAN_ID_VIEW, view);

      switch (kind)
        {
        case KARAVAN_VIEW_CHART: read_chart (loader, view, child); break;
        case KARAVAN_VIEW_TIMELINE: read_timeline (loader, view, child); break;
        case KARAVAN_VIEW_TABLE: read_table (loader, view, child); break;
        case KARAVAN_VIEW_LESSON: read_lesson (loader, view, child); break;
        default: g_assert_not_reached ();
        }
    }

  resolve_steps (loader);
  for (guint i = 0; i + 1 < loader->pending_events->len; i += 2)
    read_chart_events (loader, loader->pending_events->pdata[i + 1], loader->pending_events->pdata[i]);
}

/* ---------------------------------------------------------------------- */
/* Entry points                                                           */

static char *
diagnostics_to_string (Loader *loader)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < loader->diagnostics->len; i++)
    {
      Diagnostic *d = &g_array_index (loader->diagnostics, Diagnostic, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s:%u:%u: error: %s", loader->display_name, d->line, d->column, d->message);
    }

  if (loader->too_many)
    {
      g_string_append_printf (out, "\n%s: error: ", loader->display_name);
      g_string_append_printf (out, _("too many errors; stopped after %u"), KARAVAN_MAX_DIAGNOSTICS);
    }

  return g_string_free (out, FALSE);
}

static gint
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const Diagnostic *da = a, *db = b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  return (da->column > db->column) - (da->column < db->column);
}

static void
clear_diagnostic (Diagnostic *d)
{
  g_free (d->message);
}

/* Turns the file's bytes into UTF-8 the parser can take, or says where
 * they stop being text. The result is @data itself when it is UTF-8 (no
 * copy of a 256 MB file); a converted one is returned in @owned too. */
static const char *
to_utf8 (Loader      *loader,
         const char  *data,
         gsize        len,
         gsize       *out_len,
         char       **owned)
{
  const guchar *u = (const guchar *) data;
  const char *end;

  *owned = NULL;

  if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
                   (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
    {
      loader->doc = "";
      loader->len = 0;
      compute_line_starts (loader);
      add_diagnostic_at (loader, 1, 1, _("the file is UTF-32: save it as UTF-8 (or UTF-16)"));
      return NULL;
    }

  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      gsize bytes_written = 0;
      g_autoptr(GError) error = NULL;

      /* g_convert() ends its result with NULs. */
      *owned = g_convert (data + 2, len - 2, "UTF-8", u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                          NULL, &bytes_written, &error);
      if (*owned == NULL)
        {
          loader->doc = "";
          loader->len = 0;
          compute_line_starts (loader);
          add_diagnostic_at (loader, 1, 1, _("the file starts as UTF-16 but is not valid UTF-16"));
          return NULL;
        }
      data = *owned;
      len = bytes_written;
    }
  else
    {
      /* Skip a UTF-8 byte-order mark. */
      if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        data += 3, len -= 3;
    }

  *out_len = len;
  if (!g_utf8_validate_len (data, len, &end))
    {
      loader->doc = data;
      loader->len = len;
      compute_line_starts (loader);
      /* "<\0?\0" or "\0<\0?": text in UTF-16 that does not say which. */
      if (*end == '\0' && end - data <= 1)
        error_at_offset (loader, end - data, "the file contains a NUL byte: if it is UTF-16, "
                         "it needs a byte-order mark; better, save it as UTF-8");
      else if (*end == '\0')
        error_at_offset (loader, end - data, "the file contains a NUL byte");
      else
        error_at_offset (loader, end - data, "the file is not valid UTF-8 here");
      loader->doc = "";
      loader->len = 0;
      g_clear_pointer (owned, g_free);
      return NULL;
    }

  return data;
}

/* Finds @needle in the document from @from; the offset after it, or
 * G_MAXSIZE when it is not there. */
static gsize
skip_past (Loader     *loader,
           gsize       from,
           const char *needle)
{
  gsize n = strlen (needle);
  const char *hit = from <= loader->len ? g_strstr_len (loader->doc + from, loader->len - from, needle) : NULL;

  return hit != NULL ? (gsize) (hit - loader->doc) + n : G_MAXSIZE;
}

/* A quick pass over the bytes before libxml2 sees them. libxml2 2.9
 * compares each attribute of a start tag with every other one before the
 * SAX layer hears of the element (a 2 MB tag takes minutes), and meets an
 * attribute value over 10 MB with a cascade of errors. And a file past the
 * limits on elements and attributes is refused here before a tree of
 * hundreds of megabytes is built (the SAX layer checks them again). In
 * well-formed XML a '<' outside comments, PIs and CDATA starts a tag, and
 * an '=' outside quotes in a start tag follows an attribute name; for
 * anything else the parser will say what is wrong. */
static gboolean
check_tags (Loader *loader)
{
  const char *doc = loader->doc;
  gsize len = loader->len;
  gsize i = 0;
  guint n_elements = 0, n_attributes = 0;
  /* Where the elements still open start: a file cut short ends inside
   * one, which libxml2 calls "Extra content at the end of the document". */
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gsize));

  /* libxml2 says "Document is empty" of a text file: say what it is. */
  while (i < len && g_ascii_isspace (doc[i]))
    i++;
  if (i < len && doc[i] != '<')
    {
      error_at_offset (loader, i, "this is not XML: an XML file starts with “<”");
      return FALSE;
    }

  while (i < len)
    {
      const char *lt = memchr (doc + i, '<', len - i);
      gsize tag, name;
      guint n_attrs = 0;

      if (lt == NULL)
        break;
      tag = name = (gsize) (lt - doc);
      i = tag + 1;

      if ((len - i >= 3 && memcmp (doc + i, "!--", 3) == 0) || (i < len && doc[i] == '?') ||
          (len - i >= 8 && memcmp (doc + i, "![CDATA[", 8) == 0))
        {
          gboolean pi = doc[i] == '?', comment = !pi && doc[i + 1] == '-';
          const char *close = doc[i] == '?' ? "?>" : doc[i + 1] == '-' ? "-->" : "]]>";

          /* Where the end is missing the parser would only say so at the
           * end of the file, in words that depend on where it stopped. */
          i = skip_past (loader, i + (doc[i] == '?' ? 1 : doc[i + 1] == '-' ? 3 : 8), close);
          if (i == G_MAXSIZE)
            {
              /* Whole sentences, so that translations can agree. */
              if (pi)
                error_at_offset (loader, tag, "a processing instruction is not finished: “%s” is missing", close);
              else if (comment)
                error_at_offset (loader, tag, "a comment is not finished: “%s” is missing", close);
              else
                error_at_offset (loader, tag, "a CDATA section is not finished: “%s” is missing", close);
              return FALSE;
            }
          /* Comments and PIs never reach the tree, but libxml2 reads each
           * whole before going on; CDATA is text, capped as text is. */
          if (i - tag > KARAVAN_MAX_TEXT && close[0] != ']')
            {
              if (pi)
                error_at_offset (loader, tag, "a processing instruction is longer than 1 MiB (%u bytes)",
                                 KARAVAN_MAX_TEXT);
              else
                error_at_offset (loader, tag, "a comment is longer than 1 MiB (%u bytes)", KARAVAN_MAX_TEXT);
              loader->limit_hit = TRUE;
              return FALSE;
            }
          continue;
        }
      if (len - i >= 8 && memcmp (doc + i, "!DOCTYPE", 8) == 0)
        {
          /* Refused before libxml2 reads a byte of it; internal_subset()
           * would stop the parser there too. */
          error_at_offset (loader, tag, DOCTYPE_REFUSED);
          return FALSE;
        }
      if (i < len && doc[i] == '!')
        break;  /* not XML: the parser says so */
      if (i < len && doc[i] == '/')
        {
          while (i < len && doc[i] != '>' && doc[i] != '<')
            i++;
          if (i >= len)
            {
              error_at_offset (loader, tag, "a tag is not finished: its “>” is missing");
              return FALSE;
            }
          if (open->len > 0)
            g_array_set_size (open, open->len - 1);
          continue;
        }

      if (++n_elements > KARAVAN_MAX_ELEMENTS)
        {
          error_at_offset (loader, tag, TOO_MANY_ELEMENTS, KARAVAN_MAX_ELEMENTS);
          loader->limit_hit = TRUE;
          return FALSE;
        }
      if (open->len >= KARAVAN_MAX_DEPTH)
        {
          error_at_offset (loader, tag, TOO_DEEP, KARAVAN_MAX_DEPTH);
          loader->limit_hit = TRUE;
          return FALSE;
        }

      while (i < len && doc[i] != '>' && doc[i] != '<')
        {
          char c = doc[i];

          if (c == '"' || c == '\'')
            {
              const char *end = memchr (doc + i + 1, c, len - i - 1);

              if (end == NULL)
                {
                  error_at_offset (loader, i, "an attribute value is not finished: its closing %s is missing",
                                   c == '"' ? "“\"”" : "“'”");
                  return FALSE;
                }
              if ((gsize) (end - (doc + i + 1)) > KARAVAN_MAX_TEXT)
                {
                  error_at_offset (loader, name, "an attribute value is longer than 1 MiB (%u bytes)",
                                   KARAVAN_MAX_TEXT);
                  loader->limit_hit = TRUE;
                  return FALSE;
                }
              i = (gsize) (end - doc) + 1;
              continue;
            }

          if (c == '=')
            {
              if (++n_attrs > KARAVAN_MAX_ELEMENT_ATTRIBUTES)
                {
                  error_at_offset (loader, tag, "an element has more than %u attributes",
                                   KARAVAN_MAX_ELEMENT_ATTRIBUTES);
                  loader->limit_hit = TRUE;
                  return FALSE;
                }
              if (++n_attributes > KARAVAN_MAX_ATTRIBUTES)
                {
                  error_at_offset (loader, tag, TOO_MANY_ATTRIBUTES, KARAVAN_MAX_ATTRIBUTES);
                  loader->limit_hit = TRUE;
                  return FALSE;
                }
              /* Back over white space and the name, for messages. */
              name = i;
              while (name > tag && g_ascii_isspace (doc[name - 1]))
                name--;
              while (name > tag && !g_ascii_isspace (doc[name - 1]))
                name--;
            }
          i++;
        }
      if (i >= len)
        {
          error_at_offset (loader, tag, "a tag is not finished: its “>” is missing");
          return FALSE;
        }
      if (doc[i] == '>' && doc[i - 1] != '/')
        g_array_append_val (open, tag);
    }

  if (open->len > 0)
    {
      error_at_offset (loader, g_array_index (open, gsize, open->len - 1),
                       "the file ends before this element does: it is cut short, or an end tag is missing");
      return FALSE;
    }

  return TRUE;
}

static KaravanDataset *
load (GBytes                 *bytes,
      const char             *display_name,
      const char             *path,
      GCancellable           *cancellable,
      KaravanLoadProgressFunc progress,
      gpointer                user_data,
      GError                **error)
{
  Loader loader = { 0 };
  gboolean cancelled = FALSE;
  g_autofree char *owned = NULL;
  const char *doc;
  gsize doc_len = 0;
  xmlParserCtxtPtr ctxt = NULL;
  xmlDocPtr xdoc = NULL;
  xmlNode *root;
  KaravanDataset *ret = NULL;
  gboolean parse_failed = FALSE;

  karavan_loader_init ();

  loader.display_name = display_name;
  loader.diagnostics = g_array_new (FALSE, FALSE, sizeof (Diagnostic));
  g_array_set_clear_func (loader.diagnostics, (GDestroyNotify) clear_diagnostic);
  loader.values = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) values_accum_free);
  loader.pending_steps = g_ptr_array_new ();
  loader.pending_events = g_ptr_array_new ();

  if (g_bytes_get_size (bytes) == 0)
    {
      add_diagnostic_at (&loader, 1, 1, _("the file is empty"));
      parse_failed = TRUE;
      goto out;
    }
  if (g_bytes_get_size (bytes) > KARAVAN_MAX_FILE_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_(TOO_LARGE), MAX_FILE_MIB);

      add_diagnostic_at (&loader, 1, 1, message);
      loader.limit_hit = TRUE;
      goto out;
    }

  doc = to_utf8 (&loader, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &doc_len, &owned);
  if (doc == NULL)
    {
      parse_failed = TRUE;
      goto out;
    }

  loader.doc = doc;
  loader.len = doc_len;
  g_clear_pointer (&loader.line_starts, g_array_unref);
  compute_line_starts (&loader);

  if (progress != NULL)
    progress (0.2, user_data);
  if (!check_tags (&loader))
    {
      parse_failed = TRUE;
      goto out;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      cancelled = TRUE;
      goto out;
    }

  /* Pushed in chunks, not parsed from one memory buffer: libxml2 2.9
   * keeps a whole memory buffer and, past its first 10 MB, fails any
   * attribute longer than a few hundred bytes ("Huge input lookup"). A
   * push parser drops what it has read, and so holds no second copy of
   * the file either. */
  ctxt = xmlCreatePushParserCtxt (NULL, NULL, NULL, 0, NULL);
  if (ctxt == NULL)
    {
      add_diagnostic_at (&loader, 1, 1, _("out of memory"));
      parse_failed = TRUE;
      goto out;
    }

  ctxt->_private = &loader;
  ctxt->sax->startElementNs = start_element_ns;
  ctxt->sax->characters = characters;
  ctxt->sax->ignorableWhitespace = characters;
  ctxt->sax->internalSubset = internal_subset;
  ctxt->sax->externalSubset = NULL;
  /* Comments and PIs would be nodes nobody reads: millions of them fit in
   * a file, so they never enter the tree. */
  ctxt->sax->comment = NULL;
  ctxt->sax->processingInstruction = NULL;
  ctxt->sax->serror = parser_error_cb;
  /* NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE and HUGE stay off. The
   * bytes are UTF-8 now, whatever the declaration says. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);

  /* xmlParseChunk() returns the last error, fatal or not: go on until
   * the parser itself stops. */
  for (gsize off = 0; off < doc_len && ctxt->instate != XML_PARSER_EOF; off += PARSE_CHUNK)
    {
      xmlParseChunk (ctxt, doc + off, (int) MIN (PARSE_CHUNK, doc_len - off), 0);
      /* A chunk is a few milliseconds: the finest grain worth checking. */
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          goto out;
        }
      if (progress != NULL && (off / PARSE_CHUNK) % 4 == 3)
        progress (0.25 + 0.55 * (double) off / (double) doc_len, user_data);
    }
  if (ctxt->instate != XML_PARSER_EOF)
    xmlParseChunk (ctxt, NULL, 0, 1);
  xdoc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (!ctxt->wellFormed || loader.stopped || xdoc == NULL)
    {
      if (loader.diagnostics->len == 0)
        add_diagnostic_at (&loader, 1, 1, _("the file is not well-formed XML"));
      parse_failed = TRUE;
      goto out;
    }

  /* Belt and braces: internal_subset() stops the parser at a DOCTYPE. */
  if (xdoc->intSubset != NULL || xdoc->extSubset != NULL)
    {
      add_diagnostic_at (&loader, 1, 1, _("a DOCTYPE is not allowed"));
      parse_failed = TRUE;
      goto out;
    }

  root = xmlDocGetRootElement (xdoc);
  if (root == NULL || !xmlStrEqual (root->name, BAD_CAST "dataset") ||
      root->ns == NULL || !xmlStrEqual (root->ns->href, BAD_CAST KARAVAN_NS))
    {
      error_at_node (&loader, root, "this is not a Karavan dataset: the root element must be "
                     "<dataset xmlns=\"%s\">", KARAVAN_NS);
      goto out;
    }

  if (progress != NULL)
    progress (0.8, user_data);
  if (g_cancellable_is_cancelled (cancellable))
    {
      cancelled = TRUE;
      goto out;
    }

  {
    xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (schema);

    xmlRelaxNGSetValidStructuredErrors (vctxt, structured_error_cb, &loader);
    if (xmlRelaxNGValidateDoc (vctxt, xdoc) != 0 && loader.diagnostics->len == 0)
      add_diagnostic_at (&loader, 1, 1, _("the file does not match the dataset schema"));
    xmlRelaxNGFreeValidCtxt (vctxt);
  }

  if (progress != NULL)
    progress (0.9, user_data);
  if (g_cancellable_is_cancelled (cancellable))
    {
      cancelled = TRUE;
      goto out;
    }

  /* The format's own rules assume the structure the schema checked. */
  if (loader.diagnostics->len == 0)
    {
      loader.dataset = _karavan_dataset_new (path);
      loader.cancellable = cancellable;
      build_dataset (&loader, root);
      cancelled = loader.cancelled;
    }

out:
  /* A load cancelled while parsing leaves its half-built tree with the
   * parser, which does not free it. */
  if (ctxt != NULL && ctxt->myDoc != NULL)
    {
      xmlFreeDoc (ctxt->myDoc);
      ctxt->myDoc = NULL;
    }
  if (ctxt != NULL)
    xmlFreeParserCtxt (ctxt);
  if (xdoc != NULL)
    xmlFreeDoc (xdoc);

  if (cancelled)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      g_clear_object (&loader.dataset);
    }
  else if (loader.diagnostics->len > 0)
    {
      g_autofree char *message = NULL;

      g_array_sort (loader.diagnostics, compare_diagnostics);
      message = diagnostics_to_string (&loader);
      g_set_error_literal (error, KARAVAN_ERROR,
                           loader.limit_hit ? KARAVAN_ERROR_TOO_LARGE :
                           parse_failed ? KARAVAN_ERROR_PARSE : KARAVAN_ERROR_INVALID,
                           message);
      g_clear_object (&loader.dataset);
    }
  else
    {
      ret = g_steal_pointer (&loader.dataset);
      if (progress != NULL)
        progress (1.0, user_data);
    }

  g_clear_pointer (&loader.line_starts, g_array_unref);
  g_array_unref (loader.diagnostics);
  g_hash_table_unref (loader.values);
  g_ptr_array_unref (loader.pending_steps);
  g_ptr_array_unref (loader.pending_events);

  return ret;
}

/**
 * karavan_dataset_load_bytes:
 * @bytes: the file's content
 * @display_name: the name used in messages, usually the path
 *
 * Returns: (transfer full): the dataset, or %NULL with @error holding one
 *   line `NAME:LINE:COLUMN: error: MESSAGE` per problem
 */
KaravanDataset *
karavan_dataset_load_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return load (bytes, display_name, NULL, NULL, NULL, NULL, error);
}

/**
 * karavan_dataset_load_bytes_full:
 * @cancellable: (nullable): stops the load between two steps; the error
 *   is then %G_IO_ERROR_CANCELLED
 * @progress: (nullable): told how far the load is, from 0.2 on (the
 *   bytes are read already)
 *
 * As karavan_dataset_load_bytes(), for a load in a worker thread.
 */
KaravanDataset *
karavan_dataset_load_bytes_full (GBytes                 *bytes,
                                 const char             *display_name,
                                 GCancellable           *cancellable,
                                 KaravanLoadProgressFunc progress,
                                 gpointer                user_data,
                                 GError                **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return load (bytes, display_name, NULL, cancellable, progress, user_data, error);
}

/**
 * karavan_dataset_load_file:
 *
 * Reads @path (refusing files over KARAVAN_MAX_FILE_SIZE without reading
 * them) and loads it; see karavan_dataset_load_bytes().
 */
KaravanDataset *
karavan_dataset_load_file (const char  *path,
                           GError     **error)
{
  return karavan_dataset_load_file_full (path, NULL, NULL, NULL, error);
}

/* Reads in pieces this size, so a load can be cancelled while reading. */
#define READ_CHUNK (4 * 1024 * 1024)

/**
 * karavan_dataset_load_file_full:
 * @cancellable: (nullable): stops the load between two steps; the error
 *   is then %G_IO_ERROR_CANCELLED
 * @progress: (nullable): told how far the load is
 *
 * As karavan_dataset_load_file(), for a load in a worker thread.
 */
KaravanDataset *
karavan_dataset_load_file_full (const char              *path,
                                GCancellable            *cancellable,
                                KaravanLoadProgressFunc  progress,
                                gpointer                 user_data,
                                GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize size, len = 0;
  struct stat st;
  int fd;
  g_autofree char *too_large = g_strdup_printf (_(TOO_LARGE), MAX_FILE_MIB);

  g_return_val_if_fail (path != NULL, NULL);

  /* Read it ourselves, never mapped: a file that shrinks while we read
   * it must not crash us, and nothing past the cap is ever read. A FIFO
   * nobody writes to would block the open: O_NONBLOCK, then blocking
   * reads again. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: error: %s", path, g_strerror (saved_errno));
      return NULL;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: error: %s", path, g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: error: %s", path,
                   _("is a folder, not a dataset file"));
      return NULL;
    }
  if (S_ISREG (st.st_mode) && (guint64) st.st_size > KARAVAN_MAX_FILE_SIZE)
    {
      close (fd);
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_TOO_LARGE, "%s:1:1: error: %s", path, too_large);
      return NULL;
    }

  /* Straight into one buffer, which is then parsed where it lies. A byte
   * of room is always asked for, so a file past the cap shows itself;
   * two spare bytes let a file that keeps its size end without the
   * buffer growing (a copy of the whole file). */
  size = MAX (S_ISREG (st.st_mode) ? (gsize) st.st_size + 2 : 0, 65536);
  data = _karavan_alloc_huge (size);
  for (;;)
    {
      gssize n;

      if (size - len < 2)
        {
          size = MIN (size * 2, KARAVAN_MAX_FILE_SIZE + 2);
          data = g_realloc (data, size);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      n = read (fd, data + len, MIN (size - len - 1, READ_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s: error: %s", path, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
      if (progress != NULL && S_ISREG (st.st_mode) && st.st_size > 0)
        progress (0.2 * MIN (1.0, (double) len / (double) st.st_size), user_data);
      if (len > KARAVAN_MAX_FILE_SIZE)
        {
          close (fd);
          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_TOO_LARGE, "%s:1:1: error: %s", path, too_large);
          return NULL;
        }
    }
  close (fd);

  bytes = g_bytes_new_take (g_steal_pointer (&data), len);

  return load (bytes, path, path, cancellable, progress, user_data, error);
}
