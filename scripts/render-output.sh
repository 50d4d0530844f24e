#!/usr/bin/env bash
# Renders an SRO output workbook with LibreOffice to check it opens and looks right without Excel:
# a PDF of every sheet, one PNG per page, and the Summary sheet's first page as its own PNG.
#
#   scripts/render-output.sh <workbook.xlsx> [out-dir] [--summary-png FILE]
#
# Needs `soffice` (apt-get install libreoffice-calc-nogui) and `pdftoppm`/`pdftotext` (poppler-utils).
# Exit codes: 0 rendered, 2 bad arguments, 3 a tool is missing, 4 LibreOffice could not convert the file.
set -euo pipefail

usage() { echo "usage: $0 <workbook.xlsx> [out-dir] [--summary-png FILE]" >&2; exit 2; }

input=""
outdir=""
summary_png=""
while [ $# -gt 0 ]; do
  case "$1" in
    --summary-png) [ $# -ge 2 ] || usage; summary_png="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) if [ -z "$input" ]; then input="$1"; elif [ -z "$outdir" ]; then outdir="$1"; else usage; fi; shift ;;
  esac
done
[ -n "$input" ] || usage
[ -f "$input" ] || { echo "render-output: no such file: $input" >&2; exit 2; }
outdir="${outdir:-$(dirname "$input")/render}"

for tool in soffice pdftoppm pdftotext; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "render-output: $tool is not installed (apt-get install libreoffice-calc-nogui poppler-utils)" >&2
    exit 3
  }
done

mkdir -p "$outdir"
name="$(basename "${input%.*}")"
pdf="$outdir/$name.pdf"
rm -f "$pdf" "$outdir/$name"-*.png

# A private LibreOffice profile: a second soffice (or the user's own) must not share or lock it.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
if ! soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$outdir" "$input" >"$outdir/soffice.log" 2>&1 || [ ! -s "$pdf" ]; then
  echo "render-output: LibreOffice could not convert $input (see $outdir/soffice.log)" >&2
  exit 4
fi

pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
pdftoppm -png -r 80 "$pdf" "$outdir/$name"

# The Summary sheet's first page: the one whose text starts with its title.
summary_page=""
for ((p = 1; p <= ${pages:-0}; p++)); do
  if pdftotext -f "$p" -l "$p" "$pdf" - 2>/dev/null | head -n 3 | grep -q "SRO Portfolio — Summary"; then
    summary_page="$p"
    break
  fi
done
if [ -n "$summary_page" ]; then
  pdftoppm -png -r 110 -f "$summary_page" -l "$summary_page" -singlefile "$pdf" "$outdir/$name-summary"
  if [ -n "$summary_png" ]; then cp "$outdir/$name-summary.png" "$summary_png"; fi
fi

echo "pdf: $pdf"
echo "pages: ${pages:-0}"
echo "summary: ${summary_page:+$outdir/$name-summary.png}"
