#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in.
top="$1"
cd "$top" || exit 1
status=0
for f in $(grep -rlE '(^|[^A-Za-z_])(_|N_|C_|NC_|KC_)\(|translatable="yes"' src ui data --include='*.c' --include='*.ui' --include='*.in' --include='*.gschema.xml' 2>/dev/null | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
# And every listed file must exist.
grep -v '^#' po/POTFILES.in | grep -v '^$' | while read -r f; do
  [ -f "$f" ] || { echo "listed but missing: $f"; exit 1; }
done || status=1
exit $status
