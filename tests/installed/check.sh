#!/usr/bin/env bash
# The program as a user receives it (issue 11): build the sdist and the wheel (the wheel from the sdist),
# install the wheel into a throwaway environment, and from a folder outside the source tree run what a
# new user runs first: the self-test, the demonstration data, a claim as .xlsx and .pdf, a survey, and the
# window, which must open in Latvian. Nothing of the checkout is on the path: the commands run from the
# throwaway environment, from another folder, Python in isolated mode.
#
#   bash tests/installed/check.sh [PYTHON]     # `make install-check`; PYTHON builds (default .venv/bin/python)
#
# Leaves the files it made in $SWDESK_INSTALLED_OUT (default build/installed-check) for a person to look at:
# the claim, the survey and a screenshot of the window.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)
PYTHON=${1:-.venv/bin/python}
OUT=${SWDESK_INSTALLED_OUT:-$REPO/build/installed-check}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/swdesk-installed.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT"

step() { echo "== $*"; }
die() { echo "install-check: $*" >&2; exit 1; }

step "sdist and wheel (python -m build: the wheel is built from the sdist)"
"$PYTHON" -m build --outdir "$WORK/dist" . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; die "build failed"; }
WHEEL=$(ls "$WORK"/dist/swdesk-*.whl)
SDIST=$(ls "$WORK"/dist/swdesk-*.tar.gz)
echo "$(basename "$SDIST"), $(basename "$WHEEL")"
# listed into files first: with pipefail, grep -q closing the pipe early would fail the listing (SIGPIPE)
"$PYTHON" -m zipfile -l "$WHEEL" >"$WORK/wheel.txt"
tar tzf "$SDIST" >"$WORK/sdist.txt"
for part in fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf fonts/LICENSE-DejaVu.txt icons/swdesk.png \
            icons/swdesk.ico translations/swdesk_lv.qm; do
    grep -q "swdesk/assets/$part" "$WORK/wheel.txt" || die "the wheel lacks swdesk/assets/$part"
done
for part in resources/fonts/DejaVuSans.ttf resources/icons/swdesk.ico translations/swdesk_lv.ts installer/assets.py setup.py; do
    grep -q "/$part\$" "$WORK/sdist.txt" || die "the sdist lacks $part"
done

step "a throwaway environment with the wheel"
BASE_PYTHON=$("$PYTHON" -c 'import sys, os; print(os.path.join(sys.base_prefix, "bin", "python3"))')
"$BASE_PYTHON" -m venv "$WORK/env"
"$WORK/env/bin/python" -m pip install --quiet --disable-pip-version-check "$WHEEL" >"$WORK/pip.log" 2>&1 \
    || { tail -20 "$WORK/pip.log"; die "pip install of the wheel failed"; }
SWDESK="$WORK/env/bin/swdesk"

# From a folder outside the tree, with the user's data folder and database inside the throwaway folder.
mkdir -p "$WORK/user/Mani dokumenti" && cd "$WORK/user/Mani dokumenti"
export HOME="$WORK/user" XDG_DATA_HOME="$WORK/user/data" XDG_CONFIG_HOME="$WORK/user/config"
export QT_QPA_PLATFORM=offscreen
unset PYTHONPATH SWDESK_DB
DB="$WORK/user/Mani dokumenti/dienests.sqlite"

step "swdesk --version, from $(pwd)"
"$SWDESK" --version
"$WORK/env/bin/python" -I -c 'import swdesk, sys; p = swdesk.__file__; print(p); sys.exit(0 if p.startswith(sys.argv[1]) else 1)' "$WORK/env" \
    || die "swdesk is not imported from the throwaway environment"

step "swdesk selftest"
"$SWDESK" selftest | tee "$OUT/selftest.txt"
grep -q VIGA "$OUT/selftest.txt" && die "the self-test failed"

step "swdesk demo --size small"
"$SWDESK" --db "$DB" demo --size small

step "swdesk claim --period 2025 --xlsx --pdf"
"$SWDESK" --db "$DB" claim --period 2025 --xlsx "$OUT/pieprasījums 2025.xlsx" --pdf "$OUT/pieprasījums 2025.pdf" >"$OUT/claim.txt"
tail -n 3 "$OUT/claim.txt"
"$WORK/env/bin/python" -I - "$OUT/pieprasījums 2025.xlsx" <<'PY'
import sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True)
cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None]
assert len(cells) > 50, f"only {len(cells)} cells in the claim workbook"
assert any(ch in "".join(cells) for ch in "āčēģīķļņšūž"), "no Latvian letter in the claim workbook"
print(f"the claim workbook: {len(book.worksheets)} sheets, {len(cells)} cells")
PY
if command -v pdffonts >/dev/null; then
    pdffonts "$OUT/pieprasījums 2025.pdf" >"$WORK/fonts.txt"
    grep -q "DejaVuSans.*yes yes" "$WORK/fonts.txt" || die "the claim PDF does not embed DejaVu Sans"
    pdftotext "$OUT/pieprasījums 2025.pdf" "$WORK/claim.txt"
    grep -qi "pieprasījum" "$WORK/claim.txt" || die "the claim PDF has no Latvian text"
    echo "the claim PDF: $(pdfinfo "$OUT/pieprasījums 2025.pdf" | grep Pages), DejaVu Sans embedded"
fi

step "swdesk survey --date 01.02.2026 --xlsx --pdf"
"$SWDESK" --db "$DB" survey --date 01.02.2026 --xlsx "$OUT/aptauja.xlsx" --pdf "$OUT/aptauja.pdf" >/dev/null
test -s "$OUT/aptauja.xlsx" && test -s "$OUT/aptauja.pdf" || die "the survey was not written"

step "the files heads keep: LibreOffice .ods, old Excel .xls, Excel's Latvian CSV (Windows-1257)"
for book in dati.ods dati.xls windows-1257/Darbinieki.csv; do
    fresh="$WORK/user/Mani dokumenti/formats-$(basename "$book").sqlite"
    # a fresh database has no structural units yet: the command line creates the file's only when told
    "$SWDESK" --db "$fresh" import --create-units "$REPO/tests/import_files/$book" >"$WORK/import.txt" \
        || { cat "$WORK/import.txt"; die "the import of $book failed"; }
    "$WORK/env/bin/python" -I - "$fresh" "$book" <<'PY'
import sqlite3, sys
names = {r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT first_name || ' ' || last_name FROM staff")}
assert "Ērika Šķēle" in names, f"{sys.argv[2]}: {sorted(names)}"
print(f"{sys.argv[2]}: {len(names)} staff, Ērika Šķēle letter for letter")
PY
done

step "the window, in Latvian"
cp "$REPO/tests/installed/window_check.py" "$WORK/window_check.py"
"$WORK/env/bin/python" -I "$WORK/window_check.py" "$WORK/env" "$DB" "$OUT/window.png"

step "installed swdesk passed, outside the tree; files in $OUT"
