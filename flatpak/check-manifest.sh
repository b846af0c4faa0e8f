#!/bin/sh
# Check a Flatpak manifest of Karavan without building it.
#
# Usage: check-manifest.sh MANIFEST [DATA_DIR]
#
#   (a) MANIFEST parses as JSON (and, if flatpak-builder is installed, as a
#       flatpak-builder manifest);
#   (b) every local "path" of a source exists relative to the manifest;
#   (c) finish-args grant no network and no home/host file system access;
#   (d) the app id equals the desktop entry's and the metainfo's id, and the
#       command equals the program the desktop entry runs.
#
# DATA_DIR defaults to ../data beside the manifest.  Exit status 0 when all
# checks pass, 1 when one fails, 77 (skip, for meson) without python3.

set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 MANIFEST [DATA_DIR]" >&2
    exit 2
fi

manifest=$1
manifest_dir=$(cd "$(dirname "$manifest")" && pwd)
data_dir=${2:-$manifest_dir/../data}

if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 not found" >&2
    exit 77
fi

if command -v flatpak-builder >/dev/null 2>&1; then
    # flatpak-builder makes a .flatpak-builder state directory in the working
    # directory even for --show-manifest (which takes no --state-dir): run
    # it from a scratch directory to keep that out of the tree.
    manifest_abs=$manifest_dir/$(basename "$manifest")
    state=$(mktemp -d)
    if ! (cd "$state" && flatpak-builder --show-manifest "$manifest_abs") >/dev/null; then
        rm -rf "$state"
        echo "FAIL: flatpak-builder cannot read $manifest" >&2
        exit 1
    fi
    rm -rf "$state"
    echo "ok: flatpak-builder reads the manifest"
fi

exec python3 - "$manifest" "$data_dir" <<'PYEOF'
import configparser
import json
import os
import sys
import xml.etree.ElementTree as ET

manifest_path, data_dir = sys.argv[1], sys.argv[2]
manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def ok(msg):
    print("ok: " + msg)


# (a) JSON
try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    print("FAIL: cannot parse %s: %s" % (manifest_path, e))
    sys.exit(1)
if not isinstance(manifest, dict):
    print("FAIL: the manifest is not a JSON object")
    sys.exit(1)
ok("manifest parses as JSON")

app_id = manifest.get("id") or manifest.get("app-id")
if not app_id:
    fail("no id (or app-id) in the manifest")
for key in ("runtime", "runtime-version", "sdk", "command", "modules"):
    if key not in manifest:
        fail("no %s in the manifest" % key)


# (b) local paths
def walk_modules(modules, where):
    for i, module in enumerate(modules or []):
        if isinstance(module, str):
            # A module given as the name of another manifest file.
            check_path(module, "%s module %d" % (where, i))
            continue
        name = module.get("name", str(i))
        for j, source in enumerate(module.get("sources", [])):
            if isinstance(source, str):
                check_path(source, "module %s source %d" % (name, j))
                continue
            if "path" in source and "url" not in source:
                check_path(source["path"], "module %s source %d" % (name, j))
            for p in source.get("paths", []):
                check_path(p, "module %s source %d" % (name, j))
        walk_modules(module.get("modules"), "module %s" % name)


def check_path(path, what):
    full = os.path.normpath(os.path.join(manifest_dir, path))
    if os.path.exists(full):
        ok("%s: %s exists" % (what, path))
    else:
        fail("%s: %s does not exist (looked for %s)" % (what, path, full))


walk_modules(manifest.get("modules"), "top level")

# (c) sandbox holes
finish_args = manifest.get("finish-args", [])
forbidden_fs = ("home", "host", "host-os", "host-etc")
holes = 0
for arg in finish_args:
    if arg == "--share=network":
        fail("finish-args share the network: " + arg)
        holes += 1
    if arg.startswith("--filesystem="):
        value = arg.split("=", 1)[1]
        base = value.split(":", 1)[0]
        if base in forbidden_fs or base.startswith("~") or base.startswith("/"):
            fail("finish-args open the file system: " + arg)
            holes += 1
if holes == 0:
    ok("finish-args: no network, no home/host file system")

# (d) ids
desktop_in = os.path.join(data_dir, "%s.desktop.in" % app_id)
metainfo_in = os.path.join(data_dir, "%s.metainfo.xml.in" % app_id)

if not os.path.isfile(desktop_in):
    fail("no desktop entry named after the app id: %s" % desktop_in)
else:
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(desktop_in, encoding="utf-8")
    icon = parser.get("Desktop Entry", "Icon", fallback=None)
    if icon != app_id:
        fail("desktop entry Icon is %r, not %r" % (icon, app_id))
    exec_line = parser.get("Desktop Entry", "Exec", fallback="")
    program = exec_line.split()[0] if exec_line.split() else ""
    if program != manifest.get("command"):
        fail("desktop entry runs %r but the manifest command is %r"
             % (program, manifest.get("command")))
    else:
        ok("desktop entry %s matches id and command" % os.path.basename(desktop_in))

if not os.path.isfile(metainfo_in):
    fail("no metainfo named after the app id: %s" % metainfo_in)
else:
    root = ET.parse(metainfo_in).getroot()
    meta_id = (root.findtext("id") or "").strip()
    if meta_id != app_id:
        fail("metainfo id is %r, not %r" % (meta_id, app_id))
    launchable = (root.findtext("launchable") or "").strip()
    if launchable != app_id + ".desktop":
        fail("metainfo launchable is %r, not %r" % (launchable, app_id + ".desktop"))
    if meta_id == app_id and launchable == app_id + ".desktop":
        ok("metainfo %s matches the app id" % os.path.basename(metainfo_in))

if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("all manifest checks passed")
PYEOF
