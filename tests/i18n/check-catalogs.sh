#!/bin/sh
# Every catalog is valid (msgfmt -c), fully translated with nothing fuzzy,
# and holds every message the sources have (msgcmp against a fresh
# template made from po/POTFILES.in, with the keywords of po/meson.build).
#   check-catalogs.sh SOURCE_ROOT
top="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
n=0

cd "$top" || exit 1
xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=KC_:1c,2 --keyword=karavan_catalog_npgettext:2c,3,4 \
  --keyword=error_at_offset:3 --flag=error_at_offset:3:c-format \
  --keyword=error_at_node:3 --flag=error_at_node:3:c-format \
  --keyword=error_at_attr:4 --flag=error_at_attr:4:c-format \
  --keyword=translate_libxml:2 --flag=translate_libxml:2:c-format \
  -o "$tmp/karavan.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; echo "1..0 # xgettext failed"; exit 1; }

for po in po/*.po; do
  name=$(basename "$po")
  n=$((n + 1))
  stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*|*error*|*warning*)
      echo "not ok $n $name is complete and valid: $stats"; status=1 ;;
    *)
      echo "ok $n $name is complete and valid: $stats" ;;
  esac
  n=$((n + 1))
  if LC_ALL=C msgcmp "$po" "$tmp/karavan.pot" >"$tmp/msgcmp.log" 2>&1; then
    echo "ok $n $name has every message of the sources"
  else
    missing=$(grep -c "used but not defined" "$tmp/msgcmp.log")
    echo "not ok $n $name has every message of the sources: $missing missing (run meson compile karavan-update-po)"
    status=1
  fi
done
echo "1..$n"
exit $status
