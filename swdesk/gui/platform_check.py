"""Before the window opens on Linux: can Qt show it here? If not, say why in Latvian and how to fix it.

Qt loads its platform plugin when the QApplication is created; when the X11 plugin (xcb) is missing a system
library, or there is no screen, Qt prints an English "could not load the Qt platform plugin" and aborts the
process — nothing Python can catch. So :func:`window_problem` looks first, without loading any Qt library
but QtCore: ``ldd`` on PySide6's ``libqxcb.so`` names every library that would not load, and
:data:`PACKAGES` the Debian/Ubuntu package that has it. The command `swdesk gui` prints the answer and
exits with status 3 (:data:`EXIT_NO_WINDOW`).

Nothing here imports Qt at module level: the check runs before PySide6's GUI libraries load, and their own
missing libraries are recognised in the ImportError that follows (:func:`library_from_import_error`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from swdesk.i18n import define
from swdesk.i18n import tr as core_tr  # not `tr`: lupdate would take these keys for Qt strings

EXIT_NO_WINDOW = 3

# The Debian (and Ubuntu) package of each system library that Qt's GUI and its X11 plugin link, as `ldd`
# lists them for PySide6 6.12's plugins/platforms/libqxcb.so (with lib/libQt6XcbQpa.so.6, libQt6Gui.so.6,
# libQt6DBus.so.6) and as `dpkg -S` names their packages on Debian 12. Qt's own libraries and ICU come
# with PySide6. Ubuntu 24.04 and Debian 13 renamed a few (libglib2.0-0t64, libpng16-16t64); apt-get
# installs those for the old names.
PACKAGES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpng16.so.16": "libpng16-16",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libexpat.so.1": "libexpat1",
}

# Libraries that come with PySide6 (or, in the Windows/Linux bundle, beside the program): `ldd` may not
# find them from the plugin's folder, but Qt has loaded them already when it loads the plugin.
_BUNDLED = re.compile(r"^(libQt6|libicu|libshiboken|libpyside)")

define(
    {
        "platform.no_screen": (
            "Programmas logu nevar atvērt: nav ekrāna (nav iestatīts ne DISPLAY, ne WAYLAND_DISPLAY). "
            "Palaidiet swdesk no darbvirsmas vai izmantojiet komandrindu (swdesk --help).",
            "The program window cannot open: there is no screen (neither DISPLAY nor WAYLAND_DISPLAY is "
            "set). Start swdesk from the desktop, or use the command line (swdesk --help).",
        ),
        "platform.cannot_connect": (
            "Programmas logu nevar atvērt: neizdodas pieslēgties ekrānam {display} (DISPLAY). Pārbaudiet, "
            "vai darbvirsma darbojas un vai DISPLAY ir pareizs.",
            "The program window cannot open: the screen {display} (DISPLAY) cannot be reached. Check that "
            "the desktop is running and that DISPLAY is right.",
        ),
        "platform.missing": (
            "Programmas logu nevar atvērt: nav instalētas sistēmas bibliotēkas, kas vajadzīgas Qt ekrāna "
            "(X11) darbam:",
            "The program window cannot open: system libraries that Qt needs for the screen (X11) are not "
            "installed:",
        ),
        "platform.missing_library": ("  {library} (pakotne {package})", "  {library} (package {package})"),
        "platform.unknown_library": (
            "  {library} (pakotni atradīs: apt-file search {library})",
            "  {library} (find its package: apt-file search {library})",
        ),
        "platform.install": (
            "Instalējiet tās un palaidiet swdesk vēlreiz:\n\n    {command}",
            "Install them and start swdesk again:\n\n    {command}",
        ),
    }
)


# --- which platform Qt will choose -------------------------------------------------------------------


def xcb_comes_first(environ: Mapping[str, str]) -> bool:
    """Will Qt try the X11 platform plugin (xcb) first?

    ``QT_QPA_PLATFORM`` decides when set (its first entry). Unset, Qt 6 tries Wayland first in a Wayland
    session and X11 otherwise; a Wayland desktop without the X11 libraries still shows the window, so it
    is left alone.
    """
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


# --- the libraries ----------------------------------------------------------------------------------


def xcb_plugin() -> Path | None:
    """PySide6's ``platforms/libqxcb.so``, or None when this PySide6 has none."""
    try:
        from PySide6.QtCore import QLibraryInfo

        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    except ImportError:  # QtCore itself cannot load: PySide6's own folder says where the plugins are
        try:
            import PySide6
        except ImportError:
            return None
        plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    plugin = plugins / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def run_ldd(library: Path) -> str | None:
    """What ``ldd`` says about ``library``; None when ldd is not there or fails."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run([ldd, str(library)], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` could not find (``libfoo.so.1 => not found``), each once, bundled ones left out."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        name, arrow, where = line.strip().partition("=>")
        name = name.strip()
        if arrow and where.strip().startswith("not found") and name not in found and not _BUNDLED.match(name):
            found.append(name)
    return found


def library_from_import_error(exc: BaseException) -> str | None:
    """``libEGL.so.1`` from "libEGL.so.1: cannot open shared object file" (PySide6's GUI import failing)."""
    match = re.search(r"([\w.+-]+\.so[\w.]*): cannot open shared object file", str(exc))
    return match.group(1) if match and not _BUNDLED.match(match.group(1)) else None


def missing_message(libraries: Iterable[str]) -> str:
    """The missing libraries, their packages and the one command that installs them."""
    libraries = list(libraries)
    lines = [core_tr("platform.missing")]
    packages: list[str] = []
    for library in libraries:
        package = PACKAGES.get(library)
        if package is None:
            lines.append(core_tr("platform.unknown_library", library=library))
        else:
            lines.append(core_tr("platform.missing_library", library=library, package=package))
            if package not in packages:
                packages.append(package)
    if packages:
        lines += ["", core_tr("platform.install", command="sudo apt-get install " + " ".join(packages))]
    return "\n".join(lines)


# --- the screen ---------------------------------------------------------------------------------------


def can_connect(display: str) -> bool:
    """Whether an X server answers at ``display``; True when that cannot be tried (Qt will say)."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    error = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)
    return error == 0


# --- all together -------------------------------------------------------------------------------------


def window_problem(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    ldd_output: Callable[[], str | None] | None = None,
    connect: Callable[[str], bool] = can_connect,
) -> str | None:
    """Why the window cannot open here (a message for the person), or None when Qt can show it.

    Only Linux with the X11 platform first is checked; ``ldd_output`` and ``connect`` stand in for
    ``ldd`` on the real plugin and for the X server in tests.
    """
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux") or not xcb_comes_first(environ):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        return core_tr("platform.no_screen")
    if ldd_output is None:
        plugin = xcb_plugin()
        output = run_ldd(plugin) if plugin is not None else None
    else:
        output = ldd_output()
    missing = missing_libraries(output or "")
    if missing:
        return missing_message(missing)
    if not connect(display):
        return core_tr("platform.cannot_connect", display=display)
    return None
