#!/bin/sh
# Validate every *.xml dataset in a directory against the RELAX NG schema.
#
# Usage: validate-datasets.sh SCHEMA DIR
#
# Exit status: 0 when every file validates, 1 when any fails (all files are
# still checked and each failure is reported), 2 on bad usage, 77 (meson's
# "skipped") when xmllint is missing or DIR holds no *.xml file.
# XMLLINT in the environment names the xmllint to use.

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 SCHEMA DIR" >&2
    exit 2
fi

schema=$1
dir=$2
xmllint=${XMLLINT:-xmllint}

if ! command -v "$xmllint" >/dev/null 2>&1; then
    echo "SKIP: xmllint not found" >&2
    exit 77
fi
if [ ! -f "$schema" ]; then
    echo "FAIL: no schema at $schema" >&2
    exit 1
fi

total=0
failed=0
for file in "$dir"/*.xml; do
    [ -e "$file" ] || continue
    total=$((total + 1))
    if "$xmllint" --noout --nonet --relaxng "$schema" "$file"; then
        :
    else
        failed=$((failed + 1))
        echo "FAIL: $file" >&2
    fi
done

if [ "$total" -eq 0 ]; then
    echo "SKIP: no *.xml dataset in $dir" >&2
    exit 77
fi

echo "$((total - failed)) of $total dataset(s) valid"
[ "$failed" -eq 0 ]
