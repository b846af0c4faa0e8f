#!/bin/sh
# Installs Karavan into a temporary prefix and runs the installed program
# headless, with nothing pointing it at the source or build tree.
#   test-install.sh BUILDDIR
set -eu
builddir="$1"
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

echo "1..5"
meson install -C "$builddir" --no-rebuild --destdir "$dest" >"$dest/install.log" 2>&1 ||
  { cat "$dest/install.log"; echo "not ok 1 meson install"; exit 1; }
echo "ok 1 meson install"

exe=$(find "$dest" -path '*/bin/karavan' -type f | head -n 1)
[ -x "$exe" ] || { echo "not ok 2 no installed karavan"; exit 1; }
echo "ok 2 installed at ${exe#$dest}"

run() {
  env -u KARAVAN_DATADIR -u KARAVAN_LOCALEDIR -u GSETTINGS_SCHEMA_DIR \
      LANG=C.UTF-8 LANGUAGE=kk DISPLAY= WAYLAND_DISPLAY= "$exe" "$@"
}

out=$(run --list)
echo "$out" | grep -q "^exports-growth	line	Қытайдан" ||
  { echo "$out" | head; echo "not ok 3 --list in Kazakh from the installed datasets"; exit 1; }
echo "ok 3 --list finds the installed datasets, titles in Kazakh"

run --chart=exports-growth --export="$dest/fig.pdf"
[ -s "$dest/fig.pdf" ] || { echo "not ok 4 export"; exit 1; }
echo "ok 4 export from the installed program"

if command -v pdftotext >/dev/null; then
  text=$(pdftotext "$dest/fig.pdf" -)
  # The figure's own words come from the installed Kazakh catalog.
  echo "$text" | grep -q "Дереккөз" ||
    { echo "$text" | tail -5; echo "not ok 5 the figure's words are not in Kazakh"; exit 1; }
  echo "ok 5 the installed catalog translates the figure"
else
  echo "ok 5 # SKIP pdftotext is not installed"
fi
