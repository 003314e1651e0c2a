#!/usr/bin/env bash
# Build the swdesk bundle for the current platform into dist/swdesk/ (issue 6).
#
#   bash installer/build.sh            # Linux, or Git Bash on Windows (the CI workflow)
#   PYTHON=python bash installer/build.sh
#
# Steps: stage swdesk/assets (fonts, icons, translations/*.ts compiled to .qm; installer/assets.py),
# install PyInstaller into the environment if it is missing, run PyInstaller with installer/swdesk.spec (which writes build/file_version_info.txt from pyproject.toml),
# then print the bundle's size and its ten largest files, so that growth is noticed in every build log.
# It does not run the self-test: `dist/swdesk/swdesk-cli selftest` is a separate step (make package-check,
# the CI workflow), so a failing self-test still leaves the bundle to look at.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then
        PYTHON=.venv/bin/python
    elif [[ -x .venv/Scripts/python.exe ]]; then
        PYTHON=.venv/Scripts/python.exe
    else
        PYTHON=python
    fi
fi
# Pinned to a major version: a new PyInstaller major release changes hooks and the bundle layout.
PYINSTALLER_REQ=${PYINSTALLER_REQ:-"pyinstaller>=6.10,<7"}

started=$(date +%s)
echo "== swdesk $("$PYTHON" installer/version.py) with $("$PYTHON" --version 2>&1) on $(uname -s)"

echo "== fonts, icons and translations into swdesk/assets"
"$PYTHON" installer/assets.py

echo "== PyInstaller"
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    "$PYTHON" -m pip install --quiet "$PYINSTALLER_REQ"
fi
"$PYTHON" -m PyInstaller --version

# --clean: no cached analysis from an earlier build (a module removed since must not linger in the bundle)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/swdesk.spec

BUNDLE=dist/swdesk
finished=$(date +%s)
echo "== bundle $REPO/$BUNDLE"
du -sh "$BUNDLE"
echo "== the 10 largest files"
# portable across GNU and Git Bash (no find -printf on some), sizes in KiB
# awk stops printing after ten lines but reads to the end: with pipefail, head would make sort die of SIGPIPE
find "$BUNDLE" -type f -exec du -k {} + | sort -rn | awk 'NR <= 10 {printf "%8.1f MB  %s\n", $1 / 1024, $2}'
echo "== built in $((finished - started)) s"
