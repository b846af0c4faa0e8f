/* karavan-deck.c: a lesson as an ordered, editable deck of steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving edits the user's file as a tree, not as text: libxml2 keeps
 * every node it read (comments, white space, processing instructions),
 * so the rest of the file comes out as it went in. The new file is
 * loaded again with the full loader before it replaces the old one: a
 * save never leaves a file Karavan cannot open.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "karavan-deck.h"
#include "karavan-error.h"
#include "karavan-export.h"
#include "karavan-loader.h"

struct _KaravanDeck
{
  gatomicrefcount  ref_count;
  char            *id;
  KaravanText      title;
  KaravanDataset  *dataset;   /* the lesson's, or the first step's */
  GPtrArray       *steps;     /* KaravanDeckStep* */
};

static void
text_copy (KaravanText       *dst,
           const KaravanText *src)
{
  for (guint i = 0; i < KARAVAN_N_LANGS; i++)
    {
      g_free (dst->s[i]);
      dst->s[i] = src != NULL ? g_strdup (src->s[i]) : NULL;
    }
}

static void
text_set (KaravanText *text,
          KaravanLang  lang,
          const char  *value)
{
  g_return_if_fail (lang < KARAVAN_N_LANGS);

  g_free (text->s[lang]);
  text->s[lang] = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
step_free (KaravanDeckStep *step)
{
  g_clear_object (&step->dataset);
  karavan_text_clear (&step->title);
  karavan_text_clear (&step->note);
  g_free (step);
}

static gboolean
id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || !g_ascii_isalpha (id[0]))
    return FALSE;
  len = strlen (id);
  if (len > 64)
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '.' && id[i] != '-')
      return FALSE;
  return TRUE;
}

/**
 * karavan_deck_new:
 * @id: (nullable): the id the lesson will be saved under; %NULL for
 *   "lesson"
 *
 * Returns: (transfer full): an empty deck.
 */
KaravanDeck *
karavan_deck_new (const char *id)
{
  KaravanDeck *deck = g_new0 (KaravanDeck, 1);

  g_atomic_ref_count_init (&deck->ref_count);
  deck->id = g_strdup (id_is_valid (id) ? id : "lesson");
  deck->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  return deck;
}

/**
 * karavan_deck_new_from_lesson:
 *
 * Returns: (transfer full): a deck with the steps of @lesson, a
 * %KARAVAN_VIEW_LESSON of @dataset.
 */
KaravanDeck *
karavan_deck_new_from_lesson (KaravanDataset    *dataset,
                              const KaravanView *lesson)
{
  KaravanDeck *deck;

  g_return_val_if_fail (KARAVAN_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (lesson != NULL && lesson->kind == KARAVAN_VIEW_LESSON, NULL);

  deck = karavan_deck_new (lesson->id);
  text_copy (&deck->title, &lesson->title);
  deck->dataset = g_object_ref (dataset);

  for (guint i = 0; i < lesson->lesson->steps->len; i++)
    {
      const KaravanStep *src = lesson->lesson->steps->pdata[i];
      KaravanDeckStep *step = g_new0 (KaravanDeckStep, 1);

      step->dataset = g_object_ref (dataset);
      step->view = src->view;
      step->reveal = src->reveal;
      text_copy (&step->title, &src->title);
      text_copy (&step->note, &src->note);
      g_ptr_array_add (deck->steps, step);
    }

  return deck;
}

/**
 * karavan_deck_new_for_view:
 * @toggles: (nullable): what the window shows of @view
 *
 * A deck for presenting whatever is on screen: the lesson itself when
 * @view is a lesson, else one step showing @view with @toggles.
 *
 * Returns: (transfer full): a new deck.
 */
KaravanDeck *
karavan_deck_new_for_view (KaravanDataset             *dataset,
                           const KaravanView          *view,
                           const KaravanRenderOptions *toggles)
{
  KaravanDeck *deck;

  g_return_val_if_fail (KARAVAN_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (view->kind == KARAVAN_VIEW_LESSON)
    return karavan_deck_new_from_lesson (dataset, view);

  deck = karavan_deck_new (NULL);
  text_copy (&deck->title, &view->title);
  karavan_deck_add_view (deck, dataset, view, toggles);

  return deck;
}

KaravanDeck *
karavan_deck_ref (KaravanDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);

  g_atomic_ref_count_inc (&deck->ref_count);
  return deck;
}

void
karavan_deck_unref (KaravanDeck *deck)
{
  g_return_if_fail (deck != NULL);

  if (!g_atomic_ref_count_dec (&deck->ref_count))
    return;

  g_ptr_array_unref (deck->steps);
  karavan_text_clear (&deck->title);
  g_clear_object (&deck->dataset);
  g_free (deck->id);
  g_free (deck);
}

const char *
karavan_deck_get_id (KaravanDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);

  return deck->id;
}

/* Returns FALSE, and keeps the old id, when @id is not a valid id. */
gboolean
karavan_deck_set_id (KaravanDeck *deck,
                     const char  *id)
{
  g_return_val_if_fail (deck != NULL, FALSE);

  if (!id_is_valid (id))
    return FALSE;

  g_free (deck->id);
  deck->id = g_strdup (id);
  return TRUE;
}

const KaravanText *
karavan_deck_get_title (KaravanDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);

  return &deck->title;
}

/* An empty or %NULL @title removes the title in @lang. */
void
karavan_deck_set_title (KaravanDeck *deck,
                        KaravanLang  lang,
                        const char  *title)
{
  g_return_if_fail (deck != NULL);

  text_set (&deck->title, lang, title);
}

/**
 * karavan_deck_get_dataset:
 *
 * Returns: (transfer none) (nullable): the lesson's dataset, or the
 * dataset of the first view added; %NULL for an empty new deck.
 */
KaravanDataset *
karavan_deck_get_dataset (KaravanDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);

  return deck->dataset;
}

guint
karavan_deck_get_n_steps (KaravanDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);

  return deck->steps->len;
}

/**
 * karavan_deck_get_step:
 *
 * Returns: (transfer none): step @index; edit its title, note, reveal
 * and toggles in place.
 */
KaravanDeckStep *
karavan_deck_get_step (KaravanDeck *deck,
                       guint        index)
{
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (index < deck->steps->len, NULL);

  return deck->steps->pdata[index];
}

/* How a view unfolds unless told otherwise: a time series grows x by x,
 * bars of several series come one series after another, a timeline era
 * by era; a table shows at once. */
KaravanReveal
karavan_reveal_for_view (const KaravanView *view)
{
  g_return_val_if_fail (view != NULL, KARAVAN_REVEAL_NONE);

  switch (view->kind)
    {
    case KARAVAN_VIEW_TIMELINE:
      return KARAVAN_REVEAL_ERAS;

    case KARAVAN_VIEW_CHART:
      switch (view->chart->type)
        {
        case KARAVAN_CHART_GROUPED_BAR:
        case KARAVAN_CHART_STACKED_BAR:
        case KARAVAN_CHART_PERCENT_BAR:
          return KARAVAN_REVEAL_SERIES;
        case KARAVAN_CHART_BAR:
        case KARAVAN_CHART_DONUT:
          return view->chart->series->len > 1 ? KARAVAN_REVEAL_SERIES : KARAVAN_REVEAL_POINTS;
        case KARAVAN_CHART_LINE:
        case KARAVAN_CHART_AREA:
        case KARAVAN_CHART_HBAR:
        default:
          return KARAVAN_REVEAL_POINTS;
        }

    case KARAVAN_VIEW_TABLE:
    case KARAVAN_VIEW_LESSON:
    default:
      return KARAVAN_REVEAL_NONE;
    }
}

const char *
karavan_reveal_to_string (KaravanReveal reveal)
{
  switch (reveal)
    {
    case KARAVAN_REVEAL_POINTS: return "points";
    case KARAVAN_REVEAL_SERIES: return "series";
    case KARAVAN_REVEAL_ERAS: return "eras";
    case KARAVAN_REVEAL_NONE:
    default: return "none";
    }
}

/**
 * karavan_deck_add_view:
 * @toggles: (nullable): the language, hidden series, hidden timeline
 *   categories and events the window shows @view with; %NULL for the view
 *   as it is
 *
 * Appends a step showing @view, a chart, a timeline or a table of
 * @dataset, with the reveal that suits it (see karavan_reveal_for_view()).
 *
 * Returns: (transfer none): the new step, or %NULL when @view is a lesson.
 */
KaravanDeckStep *
karavan_deck_add_view (KaravanDeck                *deck,
                       KaravanDataset             *dataset,
                       const KaravanView          *view,
                       const KaravanRenderOptions *toggles)
{
  KaravanDeckStep *step;

  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (KARAVAN_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (view->kind == KARAVAN_VIEW_LESSON)
    return NULL;

  step = g_new0 (KaravanDeckStep, 1);
  step->dataset = g_object_ref (dataset);
  step->view = view;
  step->reveal = karavan_reveal_for_view (view);
  if (toggles != NULL)
    {
      step->has_lang = TRUE;
      step->lang = toggles->lang;
      step->hidden_series = toggles->hidden_series;
      step->hidden_categories = toggles->hidden_categories;
      step->show_events = toggles->show_events;
    }
  g_ptr_array_add (deck->steps, step);

  if (deck->dataset == NULL)
    deck->dataset = g_object_ref (dataset);

  return step;
}

/* Moves step @from to position @to, shifting those between. */
gboolean
karavan_deck_move_step (KaravanDeck *deck,
                        guint        from,
                        guint        to)
{
  gpointer step;

  g_return_val_if_fail (deck != NULL, FALSE);

  if (from >= deck->steps->len || to >= deck->steps->len)
    return FALSE;
  if (from == to)
    return TRUE;

  step = g_ptr_array_steal_index (deck->steps, from);
  g_ptr_array_insert (deck->steps, (int) to, step);
  return TRUE;
}

gboolean
karavan_deck_remove_step (KaravanDeck *deck,
                          guint        index)
{
  g_return_val_if_fail (deck != NULL, FALSE);

  if (index >= deck->steps->len)
    return FALSE;

  g_ptr_array_remove_index (deck->steps, index);
  return TRUE;
}

/* An empty or %NULL @title brings back the view's own title. */
void
karavan_deck_step_set_title (KaravanDeckStep *step,
                             KaravanLang      lang,
                             const char      *title)
{
  g_return_if_fail (step != NULL);

  text_set (&step->title, lang, title);
}

void
karavan_deck_step_set_note (KaravanDeckStep *step,
                            KaravanLang      lang,
                            const char      *note)
{
  g_return_if_fail (step != NULL);

  text_set (&step->note, lang, note);
}

/**
 * karavan_deck_step_get_render_options:
 * @base: language, palette, font size and reveal of the presentation
 * @out: (out caller-allocates): @base with the step's own toggles
 *
 * The step's language wins over @base's when it has one; its reveal
 * kind is the step's, and @base's reveal count is kept only for a step
 * that reveals.
 */
void
karavan_deck_step_get_render_options (const KaravanDeckStep      *step,
                                      const KaravanRenderOptions *base,
                                      KaravanRenderOptions       *out)
{
  g_return_if_fail (step != NULL);
  g_return_if_fail (base != NULL && out != NULL);

  *out = *base;
  if (step->has_lang)
    out->lang = step->lang;
  out->hidden_series = step->hidden_series;
  out->hidden_categories = step->hidden_categories;
  out->show_events = step->show_events;
  out->reveal_kind = step->reveal;
  if (step->reveal == KARAVAN_REVEAL_NONE)
    out->reveal = -1;
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                 */

/* As libxml2 writes text: quotes stay as they are. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static void
append_texts (GString           *out,
              const char        *element,
              const KaravanText *text,
              const char        *indent)
{
  static const KaravanLang order[] = { KARAVAN_LANG_RU, KARAVAN_LANG_KK, KARAVAN_LANG_EN };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *value = text->s[order[i]];

      if (value == NULL)
        continue;
      g_string_append_printf (out, "%s<%s xml:lang=\"%s\">", indent, element, karavan_lang_to_string (order[i]));
      append_escaped (out, value);
      g_string_append_printf (out, "</%s>\n", element);
    }
}

/**
 * karavan_deck_to_xml:
 * @indent: (nullable): one level of indentation; %NULL for two spaces
 *
 * Returns: (transfer full): the deck as a <lesson> element of the
 * dataset format, without a namespace declaration, starting at
 * indentation level 1 and ending with a newline.
 */
char *
karavan_deck_to_xml (KaravanDeck *deck,
                     const char  *indent)
{
  GString *out = g_string_new (NULL);
  g_autofree char *i2 = NULL, *i3 = NULL;

  g_return_val_if_fail (deck != NULL, NULL);

  if (indent == NULL)
    indent = "  ";
  i2 = g_strconcat (indent, indent, NULL);
  i3 = g_strconcat (i2, indent, NULL);

  g_string_append_printf (out, "%s<lesson id=\"%s\">\n", indent, deck->id);
  append_texts (out, "title", &deck->title, i2);
  for (guint i = 0; i < deck->steps->len; i++)
    {
      const KaravanDeckStep *step = deck->steps->pdata[i];

      g_string_append_printf (out, "%s<step view=\"%s\" reveal=\"%s\"", i2, step->view->id,
                              karavan_reveal_to_string (step->reveal));
      if (karavan_text_is_empty (&step->title) && karavan_text_is_empty (&step->note))
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");
      append_texts (out, "title", &step->title, i3);
      append_texts (out, "note", &step->note, i3);
      g_string_append_printf (out, "%s</step>\n", i2);
    }
  g_string_append_printf (out, "%s</lesson>\n", indent);

  return g_string_free (out, FALSE);
}

typedef struct {
  xmlDoc *doc;
} XmlDocHolder;

static void
xml_doc_holder_clear (XmlDocHolder *holder)
{
  g_clear_pointer (&holder->doc, xmlFreeDoc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XmlDocHolder, xml_doc_holder_clear)

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, KARAVAN_NS) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static gboolean
is_blank_text (xmlNode *node)
{
  return node != NULL && node->type == XML_TEXT_NODE && xmlIsBlankNode (node);
}

/* The indentation of the root's children, as the file writes it. */
static char *
guess_indent (xmlNode *root)
{
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && is_blank_text (child->prev))
        {
          const char *ws = (const char *) child->prev->content;
          const char *nl = strrchr (ws, '\n');
          const char *line = nl != NULL ? nl + 1 : ws;

          if (*line != '\0' && strlen (line) <= 8)
            return g_strdup (line);
          break;
        }
    }

  return g_strdup ("  ");
}

/* Parses the lesson's XML in the namespace of @doc's root and returns its
 * element, adopted into @doc. */
static xmlNode *
lesson_node_for (KaravanDeck *deck,
                 xmlDoc      *doc,
                 const char  *indent,
                 GError     **error)
{
  g_autofree char *xml = karavan_deck_to_xml (deck, indent);
  g_autofree char *wrapped = NULL;
  g_auto(XmlDocHolder) fragment = { NULL };
  xmlNode *lesson = NULL;
  xmlNode *copy;

  /* Trimmed: the white space around it is the file's own. */
  g_strstrip (xml);
  wrapped = g_strdup_printf ("<dataset xmlns=\"%s\">%s</dataset>", KARAVAN_NS, xml);
  fragment.doc = xmlReadMemory (wrapped, (int) strlen (wrapped), NULL, "UTF-8", XML_PARSE_NONET);
  if (fragment.doc != NULL && xmlDocGetRootElement (fragment.doc) != NULL)
    lesson = xmlDocGetRootElement (fragment.doc)->children;
  if (lesson == NULL || lesson->type != XML_ELEMENT_NODE)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID, _("the lesson “%s” cannot be written as XML"), deck->id);
      return NULL;
    }

  copy = xmlDocCopyNode (lesson, doc, 1);
  if (copy == NULL)
    g_set_error_literal (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("out of memory"));
  return copy;
}

/* The copy declares the namespace again on itself: use the root's
 * declaration instead, whatever prefix the file gives it. */
static void
adopt_namespace (xmlNode *node,
                 xmlNs   *ns)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (n->ns != NULL && g_strcmp0 ((const char *) n->ns->href, KARAVAN_NS) == 0)
        n->ns = ns;
      adopt_namespace (n->children, ns);
    }
}

static GBytes *
doc_to_bytes (xmlDoc *doc)
{
  xmlChar *mem = NULL;
  int size = 0;
  GBytes *bytes;

  xmlDocDumpMemoryEnc (doc, &mem, &size, "UTF-8");
  if (mem == NULL)
    return NULL;
  bytes = g_bytes_new (mem, size);
  xmlFree (mem);
  return bytes;
}

/* Every step must show a chart, a timeline or a table of the file. */
static gboolean
check_steps (KaravanDeck    *deck,
             KaravanDataset *target,
             const char     *path,
             GError        **error)
{
  if (deck->steps->len == 0)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID, _("the lesson “%s” has no step to save"), deck->id);
      return FALSE;
    }
  if (karavan_text_is_empty (&deck->title))
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID, _("the lesson “%s” needs a title"), deck->id);
      return FALSE;
    }

  for (guint i = 0; i < deck->steps->len; i++)
    {
      const KaravanDeckStep *step = deck->steps->pdata[i];
      KaravanView *view = karavan_dataset_find_view (target, step->view->id);

      if (view == NULL || view->kind == KARAVAN_VIEW_LESSON)
        {
          g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID,
                       _("%s: step %u shows “%s”, which is not a chart, timeline or table of this file; "
                         "a lesson can only show views of its own file"),
                       path, i + 1, step->view->id);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * karavan_deck_save_to_file:
 * @path: a dataset file of the user's
 *
 * Writes the deck as <lesson id="ID"> into @path: in place of the lesson
 * with the deck's id when the file has one, else after the file's last
 * view. Everything else in the file is kept. The file must be a valid
 * dataset holding every view the deck shows; the new file is checked
 * with the loader and written atomically, so on any error @path is left
 * as it was.
 */
gboolean
karavan_deck_save_to_file (KaravanDeck  *deck,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *indent = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GBytes) new_bytes = NULL;
  g_autoptr(KaravanDataset) target = NULL;
  g_autoptr(KaravanDataset) check = NULL;
  g_auto(XmlDocHolder) holder = { NULL };
  KaravanView *existing, *saved;
  xmlNode *root, *lesson, *old = NULL, *last = NULL;
  gsize length;

  g_return_val_if_fail (deck != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  old_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* The full loader first: limits, no DTD, the schema and the rules. */
  target = karavan_dataset_load_bytes (old_bytes, path, error);
  if (target == NULL)
    return FALSE;
  if (!check_steps (deck, target, path, error))
    return FALSE;

  existing = karavan_dataset_find_view (target, deck->id);
  if (existing != NULL && existing->kind != KARAVAN_VIEW_LESSON)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID,
                   _("%s: the id “%s” is already used by a view that is not a lesson: give the lesson another id"),
                   path, deck->id);
      return FALSE;
    }

  karavan_loader_init ();  /* no external entity is ever read */
  holder.doc = xmlReadMemory (g_bytes_get_data (old_bytes, NULL), (int) g_bytes_get_size (old_bytes),
                              NULL, NULL, XML_PARSE_NONET);
  root = holder.doc != NULL ? xmlDocGetRootElement (holder.doc) : NULL;
  if (root == NULL || !is_element (root, "dataset"))
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_PARSE, _("%s: cannot read the file back"), path);
      return FALSE;
    }

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      last = child;
      if (is_element (child, "lesson"))
        {
          xmlChar *id = xmlGetNoNsProp (child, BAD_CAST "id");

          if (id != NULL && strcmp ((const char *) id, deck->id) == 0)
            old = child;
          xmlFree (id);
        }
    }

  indent = guess_indent (root);
  lesson = lesson_node_for (deck, holder.doc, indent, error);
  if (lesson == NULL)
    return FALSE;

  if (old != NULL)
    {
      xmlReplaceNode (old, lesson);
      xmlFreeNode (old);
    }
  else
    {
      g_autofree char *before = g_strconcat ("\n", indent, NULL);
      xmlNode *space = xmlNewDocText (holder.doc, BAD_CAST before);

      /* After the last element, before the white space that closes the
       * root, as if it had always been there. */
      if (last != NULL)
        {
          xmlAddNextSibling (last, space);
          xmlAddNextSibling (space, lesson);
        }
      else
        {
          xmlAddChild (root, space);
          xmlAddChild (root, lesson);
          xmlAddChild (root, xmlNewDocText (holder.doc, BAD_CAST "\n"));
        }
    }
  adopt_namespace (lesson->children, root->ns);
  lesson->ns = root->ns;
  g_clear_pointer (&lesson->nsDef, xmlFreeNsList);

  new_bytes = doc_to_bytes (holder.doc);
  if (new_bytes == NULL)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_IO, _("%s: cannot write the file"), path);
      return FALSE;
    }

  check = karavan_dataset_load_bytes (new_bytes, path, &local_error);
  saved = check != NULL ? karavan_dataset_find_view (check, deck->id) : NULL;
  if (saved == NULL || saved->kind != KARAVAN_VIEW_LESSON || saved->lesson->steps->len != deck->steps->len)
    {
      g_set_error (error, KARAVAN_ERROR, KARAVAN_ERROR_INVALID, _("%s: the lesson would make the file invalid: %s"),
                   path, local_error != NULL ? local_error->message : _("its steps are not read back"));
      return FALSE;
    }

  return karavan_write_file_atomically (path, new_bytes, error);
}
