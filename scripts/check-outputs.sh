#!/usr/bin/env bash
# Scores workbooks written by other producers and checks every output with ../shared/ooxml/check.sh
# (ECMA-376 schema validation and cross-part rules; issue 12 §9): inputs from ExcelJS (the bundled
# sample), openpyxl and XlsxWriter (../shared/ooxml/make-inputs.py, plus an openpyxl table with the
# absolute relationship targets openpyxl writes), LibreOffice (the sample converted), CSV files, and a
# re-scored output. Each output must have 0 CERTAIN findings. Runs from a clean clone with ../shared beside
# it, no stdin; needs node, /usr/bin/python3 with lxml, openpyxl and xlsxwriter, xmllint and soffice.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
ooxml="$repo/../shared/ooxml"
[ -x "$ooxml/check.sh" ] || [ -f "$ooxml/check.sh" ] || { echo "check-outputs: $ooxml/check.sh not found (../shared must be beside the repository)" >&2; exit 2; }
py=/usr/bin/python3
work="$(mktemp -d "${TMPDIR:-/tmp}/sro-check-outputs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
in="$work/in"; out="$work/out"
mkdir -p "$in" "$out"

[ -f dist/cli/sro.js ] || npm run --silent build:cli >/dev/null
sro() { node "$repo/dist/cli/sro.js" "$@" </dev/null; }

# 1. ExcelJS: the bundled sample.
cp assets/sample-portfolio.xlsx "$in/exceljs-sample.xlsx"

# 2 and 3. openpyxl and XlsxWriter. make-inputs.py looks for the sample at ../../../main/assets beside
# itself, so it runs from a copy laid out that way.
mkdir -p "$work/mk/a/b/ooxml" "$work/mk/main/assets"
cp "$ooxml/make-inputs.py" "$work/mk/a/b/ooxml/"
cp assets/sample-portfolio.xlsx "$work/mk/main/assets/"
"$py" "$work/mk/a/b/ooxml/make-inputs.py" "$in" >/dev/null
for f in openpyxl-plain openpyxl-clash xlsxwriter xlsxwriter-hrc; do
  [ -f "$in/$f.xlsx" ] || { echo "check-outputs: make-inputs.py did not write $f.xlsx" >&2; exit 1; }
done
# openpyxl's own absolute targets (/xl/tables/table1.xml), which make-inputs.py relativizes in its copy.
"$py" - "$in/openpyxl-table-absolute.xlsx" <<'PY'
import sys, openpyxl
from openpyxl.worksheet.table import Table, TableStyleInfo
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Projects'
ws.append(['ID', 'Project Name', 'Status', 'Cost', 'Benefit', 'Growth', 'Efficiency'])
for i in range(1, 13):
    ws.append(['T-%02d' % i, 'Initiative %d' % i, 'Proposed' if i % 3 else 'Active', 50000 * (i + 3), 90000 * (i % 7 + 2), i % 5 + 1, (i * 3) % 5 + 1])
t = Table(displayName='Projects', ref='A1:G13')
t.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
ws.add_table(t)
wb.save(sys.argv[1])
PY
rels="$(unzip -p "$in/openpyxl-table-absolute.xlsx" xl/worksheets/_rels/sheet1.xml.rels)"
[[ "$rels" == *'Target="/xl/tables/'* ]] \
  || { echo "check-outputs: openpyxl no longer writes absolute table targets; the case is not exercised" >&2; exit 1; }

# 4. LibreOffice: the sample converted (a profile of its own, so no running instance is needed).
soffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to xlsx --outdir "$work/lo" \
  "$repo/assets/sample-portfolio.xlsx" >/dev/null 2>&1
cp "$work/lo/sample-portfolio.xlsx" "$in/libreoffice-sample.xlsx"

# 5. CSV files: Windows-1252 with semicolons and Excel's sep= line, and UTF-8 with a BOM and commas.
"$py" - "$in" <<'PY'
import os, sys
rows = [['ID', 'Project Name', 'Status', 'Cost', 'Benefit', 'Growth', 'Efficiency']]
for i in range(1, 16):
    rows.append(['C-%02d' % i, 'Café initiative %d; "phase" %d' % (i, i % 3), 'Proposed', '€%d.000' % (40 * i + 100), '%d.500,50' % (70 * (i % 6) + 90), str(i % 5 + 1), str((2 * i) % 5 + 1)])
q = lambda f, sep: '"%s"' % f.replace('"', '""') if any(c in f for c in (sep, '"', '\n')) else f
with open(os.path.join(sys.argv[1], 'csv-1252.csv'), 'wb') as fh:
    fh.write(('sep=;\r\n' + ''.join(';'.join(q(f, ';') for f in r) + '\r\n' for r in rows)).encode('cp1252'))
rows = [[f.replace('€', '$').replace('.000', ',000').replace('.500,50', ',500.50') for f in r] for r in rows]
with open(os.path.join(sys.argv[1], 'csv-utf8.csv'), 'wb') as fh:
    fh.write(('\ufeff' + ''.join(','.join(q(f, ',') for f in r) + '\n' for r in rows)).encode('utf-8'))
PY

failed=0
check() { # check OUT [INPUT]
  local o="$1" i="${2:-}" log="$1.check.txt" args=("$1")
  [ -n "$i" ] && args+=(--input "$i")
  local rc=0
  bash "$ooxml/check.sh" "${args[@]}" >"$log" 2>&1 </dev/null || rc=$?
  local summary
  summary="$(grep -m1 '^summary:' "$log" || echo 'summary: none')"
  if [ "$rc" -eq 0 ] && grep -q '^summary: 0 CERTAIN' "$log"; then
    echo "ok    $(basename "$o"): $summary"
  else
    echo "FAIL  $(basename "$o") (check.sh exit $rc): $summary"
    grep -m20 -E '^(CERTAIN|PROBABLE)' "$log" | sed 's/^/      /' || true
    failed=1
  fi
}

for f in "$in"/*.xlsx "$in"/*.csv; do
  name="$(basename "$f")"
  o="$out/${name%.*}.sro.xlsx"
  if ! sro score "$f" -o "$o" --quiet >"$o.stdout.txt" 2>"$o.stderr.txt"; then
    echo "FAIL  sro score $name: $(head -c 400 "$o.stderr.txt")"
    failed=1
    continue
  fi
  case "$name" in *.csv) check "$o" ;; *) check "$o" "$f" ;; esac
done

# 6. A re-scored output: the sample's output scored again, and its styles part unchanged by it.
sro score "$out/exceljs-sample.sro.xlsx" -o "$out/exceljs-sample.rescored.sro.xlsx" --quiet >/dev/null
check "$out/exceljs-sample.rescored.sro.xlsx" "$out/exceljs-sample.sro.xlsx"
if ! cmp -s <(unzip -p "$out/exceljs-sample.sro.xlsx" xl/styles.xml) <(unzip -p "$out/exceljs-sample.rescored.sro.xlsx" xl/styles.xml); then
  echo "FAIL  re-scoring changed the styles part"
  failed=1
fi

# The checker itself finds the faults it is there for, on a clean output of ours.
bash "$ooxml/selftest.sh" "$out/exceljs-sample.sro.xlsx" || { echo "FAIL  ../shared/ooxml/selftest.sh"; failed=1; }

[ "$failed" -eq 0 ] && echo "check-outputs: every output has 0 CERTAIN findings"
exit "$failed"
