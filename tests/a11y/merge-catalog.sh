#!/bin/sh
# merge-catalog.sh PO PROPOSALS OUT.mo
#
# The descriptions' catalog for the tests: po/LANG.po's translations,
# with the proposals in tests/a11y/po/LANG.po filling only what po/LANG.po
# does not translate yet (msgcat --use-first prefers a translated, not
# fuzzy entry of the first file).
set -e
msgcat --use-first "$1" "$2" -o "$3.po"
msgfmt -c -o "$3" "$3.po"
