/* karavan-catalog.c: a small reader of GNU .mo files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "karavan-catalog.h"
#include "karavan-library.h"

typedef struct {
  const char *text;   /* points into the catalog's bytes */
  guint32     len;    /* all plural forms, NUL-separated */
} Translation;

typedef struct {
  GBytes      *bytes;
  Translation *translations;
  GHashTable  *messages;  /* "ctx\004msgid" → Translation* */
} Catalog;

static GMutex lock;
static char *localedir_override;
static Catalog *catalogs[KARAVAN_N_LANGS];
static gboolean loaded[KARAVAN_N_LANGS];

void
karavan_catalog_set_localedir (const char *localedir)
{
  g_mutex_lock (&lock);
  /* The old one is never freed: an export thread may be reading it. */
  g_atomic_pointer_set (&localedir_override, g_strdup (localedir));
  for (guint i = 0; i < KARAVAN_N_LANGS; i++)
    loaded[i] = FALSE;
  g_mutex_unlock (&lock);
}

/* KARAVAN_LOCALEDIR points a build tree at its own catalogs; an
 * installed tree finds them beside the program. */
const char *
karavan_catalog_get_localedir (void)
{
  static char *relocated;
  static gsize once;
  const char *override = g_atomic_pointer_get (&localedir_override);

  if (override != NULL)
    return override;
  if (g_getenv ("KARAVAN_LOCALEDIR") != NULL)
    return g_getenv ("KARAVAN_LOCALEDIR");
  if (g_once_init_enter (&once))
    {
      relocated = karavan_get_install_path (LOCALEDIR_RELATIVE);
      g_once_init_leave (&once, 1);
    }
  return relocated ? relocated : LOCALEDIR;
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

static Catalog *
catalog_load (KaravanLang lang)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  const guint8 *data;
  guint32 magic, n, orig, trans;
  gboolean swap;
  Catalog *catalog;

  path = g_build_filename (karavan_catalog_get_localedir (), karavan_lang_to_string (lang),
                           "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &len, NULL) || len < 28)
    return NULL;

  data = (const guint8 *) contents;
  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return NULL;

  n = read_u32 (data, 8, swap);
  orig = read_u32 (data, 12, swap);
  trans = read_u32 (data, 16, swap);
  if (orig > len || trans > len || (gsize) n * 8 > len - MAX (orig, trans))
    return NULL;

  catalog = g_new0 (Catalog, 1);
  catalog->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  catalog->messages = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->translations = g_new0 (Translation, n);
  data = g_bytes_get_data (catalog->bytes, NULL);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, orig + i * 8, swap);
      guint32 ooff = read_u32 (data, orig + i * 8 + 4, swap);
      guint32 tlen = read_u32 (data, trans + i * 8, swap);
      guint32 toff = read_u32 (data, trans + i * 8 + 4, swap);

      /* Strings are NUL-terminated inside the file; skip anything odd. */
      if ((gsize) ooff + olen >= len || (gsize) toff + tlen >= len ||
          data[ooff + olen] != '\0' || data[toff + tlen] != '\0' || olen == 0)
        continue;

      catalog->translations[i].text = (const char *) (data + toff);
      catalog->translations[i].len = tlen;
      g_hash_table_insert (catalog->messages, (gpointer) (data + ooff), &catalog->translations[i]);
    }

  return catalog;
}

static Catalog *
get_catalog (KaravanLang lang)
{
  Catalog *catalog;

  g_mutex_lock (&lock);
  if (!loaded[lang])
    {
      /* Catalogs are never freed: strings handed out must stay valid. */
      catalogs[lang] = catalog_load (lang);
      loaded[lang] = TRUE;
    }
  catalog = catalogs[lang];
  g_mutex_unlock (&lock);

  return catalog;
}

static const Translation *
lookup (KaravanLang  lang,
        const char  *context,
        const char  *msgid)
{
  g_autofree char *key = NULL;
  Catalog *catalog;
  const Translation *translation;

  if (lang == KARAVAN_LANG_EN || (catalog = get_catalog (lang)) == NULL)
    return NULL;

  key = context ? g_strconcat (context, "\004", msgid, NULL) : g_strdup (msgid);
  translation = g_hash_table_lookup (catalog->messages, key);
  if (translation == NULL || translation->text[0] == '\0')
    return NULL;

  return translation;
}

const char *
karavan_catalog_pgettext (KaravanLang  lang,
                          const char  *context,
                          const char  *msgid)
{
  const Translation *translation = lookup (lang, context, msgid);

  return translation ? translation->text : msgid;
}

/* The plural rules of the catalogs' headers, for our three languages. */
static guint
plural_index (KaravanLang lang,
              gulong      n)
{
  switch (lang)
    {
    case KARAVAN_LANG_RU:
      return (n % 10 == 1 && n % 100 != 11) ? 0 :
             (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) ? 1 : 2;
    case KARAVAN_LANG_KK:
    case KARAVAN_LANG_EN:
    default:
      return n != 1;
    }
}

const char *
karavan_catalog_npgettext (KaravanLang  lang,
                           const char  *context,
                           const char  *msgid,
                           const char  *msgid_plural,
                           gulong       n)
{
  /* The key of a plural entry is "msgid\0msgid_plural": the part up to
   * the first NUL is what the hash table holds. */
  const Translation *translation = lookup (lang, context, msgid);
  const char *form, *end;
  guint index;

  if (translation == NULL)
    return n == 1 ? msgid : msgid_plural;

  form = translation->text;
  end = form + translation->len;
  index = plural_index (lang, n);
  for (guint i = 0; i < index; i++)
    {
      const char *next = form + strlen (form) + 1;

      /* Fewer forms than the rule asks for: keep the last one. */
      if (next >= end)
        break;
      form = next;
    }

  return form;
}
