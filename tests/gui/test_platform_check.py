"""Before the window on Linux: a missing X11 library or no screen is a Latvian message and exit status 3,
never Qt's English abort; where the window can open, nothing is said."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from swdesk.gui import platform_check as pc

# `ldd …/PySide6/Qt/plugins/platforms/libqxcb.so` on a Debian 12 without libxcb-cursor0 (shortened)
LDD_WITHOUT_CURSOR = """\
\tlinux-vdso.so.1 (0x00007ffd5a5f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f0e1c000000)
\tlibQt6Gui.so.6 => not found
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f0e1bf78000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f0e1bf6f000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x00007f0e1bf68000)
\tlibxcb-cursor.so.0 => not found
\tlibicuuc.so.73 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0e1b800000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f0e1c0b6000)
"""
LDD_COMPLETE = LDD_WITHOUT_CURSOR.replace(
    "libxcb-cursor.so.0 => not found", "libxcb-cursor.so.0 => /lib/x.so"
)

X11_DESKTOP = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


def check(environ: dict[str, str], ldd: str = LDD_COMPLETE, *, connects: bool = True) -> str | None:
    return pc.window_problem(environ, platform="linux", ldd_output=lambda: ldd, connect=lambda _d: connects)


def test_ldd_output_gives_the_missing_system_libraries_each_once():
    # Qt's own libraries and ICU come with PySide6: a "not found" for them is not the system's lack
    assert pc.missing_libraries(LDD_WITHOUT_CURSOR) == ["libxcb-cursor.so.0"]
    assert pc.missing_libraries(LDD_COMPLETE) == []


def test_a_missing_library_is_named_with_its_package_and_the_command_to_install_it():
    message = check(X11_DESKTOP, LDD_WITHOUT_CURSOR)
    assert message is not None
    assert message.startswith("Programmas logu nevar atvērt: nav instalētas sistēmas bibliotēkas")
    assert "libxcb-cursor.so.0 (pakotne libxcb-cursor0)" in message
    assert message.rstrip().endswith("sudo apt-get install libxcb-cursor0")
    assert "could not load" not in message


def test_several_missing_libraries_make_one_install_line_and_unknown_ones_are_still_named():
    ldd = "libxcb-icccm.so.4 => not found\nlibxcb-keysyms.so.1 => not found\nlibGLX.so.0 => not found\n"
    ldd += "libgthread-2.0.so.0 => not found\nlibglib-2.0.so.0 => not found\nlibnew-thing.so.2 => not found\n"
    message = check(X11_DESKTOP, ldd)
    assert message is not None
    install = [line.strip() for line in message.splitlines() if "apt-get" in line]
    assert install == ["sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libglx0 libglib2.0-0"]
    assert "libnew-thing.so.2 (pakotni atradīs: apt-file search libnew-thing.so.2)" in message


def test_english_when_asked():
    from swdesk import i18n

    i18n.set_language("en")
    message = check(X11_DESKTOP, LDD_WITHOUT_CURSOR)
    assert message is not None and "libxcb-cursor.so.0 (package libxcb-cursor0)" in message
    assert "Install them and start swdesk again" in message


def test_no_screen_at_all_is_said_so():
    for environ in ({}, {"QT_QPA_PLATFORM": "xcb"}, {"XDG_SESSION_TYPE": "tty"}):
        message = check(environ)
        assert message is not None and "nav ekrāna" in message and "DISPLAY" in message


def test_a_screen_that_does_not_answer_is_said_so():
    message = check({"DISPLAY": ":7"}, connects=False)
    assert message is not None and "neizdodas pieslēgties ekrānam :7" in message


def test_where_the_window_can_open_nothing_is_said():
    assert check(X11_DESKTOP) is None
    assert check({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}) is None
    # other platforms than X11 first: Qt's choice, not ours to second-guess
    assert check({"QT_QPA_PLATFORM": "offscreen"}, LDD_WITHOUT_CURSOR) is None
    assert check({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, LDD_WITHOUT_CURSOR) is None
    assert check({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, LDD_WITHOUT_CURSOR) is None
    assert check({"XDG_SESSION_TYPE": "wayland"}, LDD_WITHOUT_CURSOR) is None
    assert pc.window_problem({}, platform="win32") is None
    assert pc.window_problem({}, platform="darwin") is None


def test_the_offscreen_platform_of_the_tests_is_left_alone():
    assert pc.window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_a_gui_library_missing_at_import_is_named_with_its_package():
    exc = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert pc.library_from_import_error(exc) == "libEGL.so.1"
    assert "sudo apt-get install libegl1" in pc.missing_message(["libEGL.so.1"])
    assert pc.library_from_import_error(ImportError("No module named 'PySide6'")) is None
    assert pc.library_from_import_error(ImportError("libQt6Gui.so.6: cannot open shared object file")) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 plugin is Linux's")
def test_every_x11_library_the_real_plugin_links_has_its_package():
    """A newer PySide6 that links another X11/GL library fails here until PACKAGES names its package."""
    plugin = pc.xcb_plugin()
    if plugin is None:
        pytest.skip("this PySide6 has no libqxcb.so")
    output = pc.run_ldd(plugin)
    if output is None:
        pytest.skip("no ldd")
    names = {line.strip().split(" =>")[0] for line in output.splitlines() if "=>" in line}
    x11 = {n for n in names if n.startswith(("libxcb", "libxkb", "libX", "libGL", "libEGL", "libfontconfig"))}
    x11 |= {n for n in names if n.startswith(("libdbus", "libglib", "libgthread", "libfreetype"))}
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0", "libEGL.so.1"} <= x11
    assert sorted(x11 - set(pc.PACKAGES)) == []


SIMULATED_START = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import swdesk.gui.platform_check as pc

    pc.xcb_plugin = lambda: Path("/nowhere/libqxcb.so")
    pc.run_ldd = lambda _plugin: "\\tlibxcb-cursor.so.0 => not found\\n\\tlibGL.so.1 => /lib/libGL.so.1\\n"
    from swdesk.cli import main

    sys.argv = ["swdesk", "--db", sys.argv[1]]
    sys.exit(main())
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="the data folder is moved with XDG_DATA_HOME (Linux)")
def test_the_program_without_an_x11_library_says_what_to_install_and_exits_with_3(tmp_path: Path):
    env = {
        k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "SWDESK_DB")
    }
    env |= {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11", "XDG_DATA_HOME": str(tmp_path / "data")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", SIMULATED_START, str(tmp_path / "db.sqlite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout == ""
    assert "libxcb-cursor.so.0 (pakotne libxcb-cursor0)" in done.stderr
    assert "sudo apt-get install libxcb-cursor0" in done.stderr
    assert "Qt platform plugin" not in done.stderr and "Aborted" not in done.stderr
    log = (tmp_path / "data" / "swdesk" / "swdesk.log").read_text(encoding="utf-8")
    assert "the window cannot open here: QT_QPA_PLATFORM='' DISPLAY=':0'" in log
    assert "exit status 3: Programmas logu nevar atvērt" in log
    assert not (tmp_path / "db.sqlite").exists()  # it stopped before opening anything
