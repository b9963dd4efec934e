#!/usr/bin/env bash
# Renders a workbook to PNG pages so a reviewer can see what a user sees when opening an export:
# LibreOffice headless prints it to PDF (every sheet, with its print setup), pdftoppm rasterises.
# Needs the Debian packages libreoffice-calc and poppler-utils; CI does not depend on it.
#   usage: scripts/render-xlsx.sh FILE.xlsx OUTDIR [DPI]
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 FILE.xlsx OUTDIR [DPI]" >&2
  exit 64
fi
file=$1
out=$2
dpi=${3:-80}
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool not found: apt-get install --no-install-recommends libreoffice-calc poppler-utils" >&2
    exit 69
  fi
done
[[ -f $file ]] || { echo "no such file: $file" >&2; exit 66; }

mkdir -p "$out"
base=$(basename "${file%.*}")
# A private profile: a user's running LibreOffice (or a parallel render) would otherwise hold the lock.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice "-env:UserInstallation=file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$out" "$file" >/dev/null
[[ -s $out/$base.pdf ]] || { echo "LibreOffice produced no PDF for $file" >&2; exit 70; }
pdftoppm -png -r "$dpi" "$out/$base.pdf" "$out/$base"
ls -1 "$out/$base"*.png
