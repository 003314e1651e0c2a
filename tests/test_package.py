"""Packaging (issue 6): one version source, and — when asked for — the real bundle and installer.

The fast tests check the single version source and the fixed parts of the installer. The build test runs
``installer/build.sh`` (about 1–2 minutes) and ``makensis`` (about a minute with zlib) and therefore only
runs with ``SWDESK_PACKAGE_TEST=1``: ``make package-check`` sets it; ``make test`` skips it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import swdesk

REPO = Path(__file__).resolve().parent.parent
INSTALLER = REPO / "installer"
BUNDLE = REPO / "dist" / "swdesk"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def load_version_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("swdesk_installer_version", INSTALLER / "version.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


version_py = load_version_module()


def test_the_version_comes_from_pyproject() -> None:
    with open(REPO / "pyproject.toml", "rb") as fh:
        declared = tomllib.load(fh)["project"]["version"]
    assert version_py.version() == declared
    # the installed package reports the same (a stale editable install would not)
    assert swdesk.__version__ == declared


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("1.2rc1", (1, 2, 0, 0)),
        ("2.0.1.post3", (2, 0, 1, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_windows_version_numbers(text: str, expected: tuple[int, int, int, int]) -> None:
    assert version_py.windows_version(text) == expected


def test_the_version_resource_is_a_valid_expression() -> None:
    """PyInstaller evals the file with its own classes (only on Windows); here they record their arguments."""

    class Recorder:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.args, self.kwargs = args, kwargs

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    info = eval(version_py.version_info_text("1.2.3rc1"), {name: Recorder for name in names})  # noqa: S307
    assert info.kwargs["ffi"].kwargs["filevers"] == (1, 2, 3, 0)
    strings = {s.args[0]: s.args[1] for s in info.kwargs["kids"][0].args[0][0].args[1]}
    assert strings["ProductVersion"] == "1.2.3rc1" and strings["FileVersion"] == "1.2.3.0"


def test_the_installer_keeps_its_product_id_and_per_user_default() -> None:
    script = (INSTALLER / "swdesk.nsi").read_text(encoding="utf-8")
    # changing the id would make the next version install beside the old one instead of replacing it
    assert '!define PRODUCT_ID "{67CBE5C7-6D6A-439D-BE18-F346BAF532E8}"' in script
    assert "!define MULTIUSER_EXECUTIONLEVEL Standard" in script  # = RequestExecutionLevel user
    assert re.search(r'^Section /o "un\.\$\(UNSEC_DATA\)"', script, re.MULTILINE)  # data kept by default
    assert '!insertmacro MUI_LANGUAGE "Latvian"' in script and '!insertmacro MUI_LANGUAGE "English"' in script


def test_the_installer_is_64_bit_and_refuses_a_running_swdesk() -> None:
    """Issue 20: the released installer is the one tested under Wine (64-bit), and an update never mixes
    the files of two versions (swdesk running, a file that cannot be written)."""
    script = (INSTALLER / "swdesk.nsi").read_text(encoding="utf-8")
    assert re.search(r"^Target amd64-unicode$", script, re.MULTILINE)
    assert re.search(r"^AllowSkipFiles off$", script, re.MULTILINE)  # no "Ignore" on a file in use
    on_init = script[
        script.index("Function .onInit") : script.index("FunctionEnd", script.index("Function .onInit"))
    ]
    assert "Call RefuseWhileRunning" in on_init
    section = script[script.index('Section "!$(SEC_PROGRAM)"') :]
    assert section.index("Call RefuseWhileRunning") < section.index("Call UninstallPrevious")
    un_init = script[script.index("Function un.onInit") :]
    assert "Call un.RefuseWhileRunning" in un_init[: un_init.index("FunctionEnd")]
    for held in (r"$R9\swdesk.exe", r"$R9\swdesk-cli.exe", r"$R9\_internal\python311.dll"):
        assert f'!insertmacro _SWDESK_HELD "{held}"' in script
    # a silent run that meets a running swdesk stops with exit code 2 instead of going on
    assert "/SD IDCANCEL IDRETRY retry\n    SetErrorLevel 2\n    Quit" in script


def test_the_icons_are_committed() -> None:
    for name in ("swdesk.ico", "swdesk.png"):
        assert (REPO / "resources" / "icons" / name).stat().st_size > 1000


def test_the_shipped_files_are_found_inside_the_package() -> None:
    """One lookup, through the package: what a wheel or the bundle carries, never a path into the checkout."""
    from swdesk.resources import assets_dir, resource, translations_dir

    package = Path(swdesk.__file__).resolve().parent
    assert assets_dir().resolve() == package / "assets"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert resource("fonts", name).stat().st_size > 1000
    for name in ("swdesk.png", "swdesk.ico"):
        assert resource("icons", name).read_bytes() == (REPO / "resources" / "icons" / name).read_bytes()
    assert (translations_dir() / "swdesk_lv.qm").stat().st_size > 1000


def test_staging_builds_every_asset_from_the_sources(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("swdesk_assets", INSTALLER / "assets.py")
    assert spec is not None and spec.loader is not None
    assets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(assets)
    written = assets.stage(tmp_path / "assets")
    names = sorted(p.relative_to(tmp_path / "assets").as_posix() for p in written)
    assert names == [
        "fonts/DejaVuSans-Bold.ttf",
        "fonts/DejaVuSans.ttf",
        "fonts/LICENSE-DejaVu.txt",
        "icons/swdesk.ico",
        "icons/swdesk.png",
        "translations/swdesk_lv.qm",
    ]
    assert all(p.is_file() for p in written)
    assert not (tmp_path / "assets.staging").exists()


# --- the real build ----------------------------------------------------------------------------------------

# Nothing of these may be in the bundle: unused Qt modules, test suites and test data.
UNWANTED = re.compile(
    r"WebEngine|Qt6?Quick|Qt6?Qml|[/\\]qml[/\\]|Qt6?3D|Qt6?Multimedia|Qt6?Designer|Qt6?Pdf|tkinter|matplotlib"
    r"|[/\\]_avif\.|[/\\]tests?[/\\]|[/\\]pytest|[/\\]hypothesis|[/\\]numpy[/\\]|[/\\]pandas[/\\]|\.xlsx$|\.csv$|\.sqlite$",
    re.IGNORECASE,
)


def clean_environment() -> dict[str, str]:
    """The environment of an office PC: no PYTHONPATH or virtualenv pointing at the source tree."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "SWDESK_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("SWDESK_PACKAGE_TEST") != "1", reason="set SWDESK_PACKAGE_TEST=1 to build")
def test_build_the_bundle_and_selftest_it(tmp_path: Path) -> None:
    build = subprocess.run(
        ["bash", str(INSTALLER / "build.sh")], cwd=REPO, capture_output=True, text=True, timeout=1800
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]

    cli = BUNDLE / f"swdesk-cli{EXE_SUFFIX}"
    assert cli.is_file() and (BUNDLE / f"swdesk{EXE_SUFFIX}").is_file()
    # the Python modules are shared in _internal, not embedded twice: each executable is a thin launcher
    for executable in (cli, BUNDLE / f"swdesk{EXE_SUFFIX}"):
        assert executable.stat().st_size < 2_000_000, executable
    assert (BUNDLE / "_internal" / "swdesk" / "rules").is_dir()
    unwanted = [str(p.relative_to(BUNDLE)) for p in BUNDLE.rglob("*") if UNWANTED.search(str(p))]
    assert unwanted == []

    # From a folder outside the repository, with a clean environment: only the bundle can supply the files.
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = subprocess.run(
        [str(cli), "selftest"],
        cwd=work,
        env=clean_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("OK   ") for line in lines), lines
    assert list(work.iterdir()) == []  # the self-test leaves nothing in the working folder

    makensis = shutil.which("makensis")
    if makensis is None:
        return
    version = version_py.version()
    windows = ".".join(map(str, version_py.windows_version(version)))
    nsis = subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",
            f"-DVERSION={version}",
            f"-DVERSION_WIN={windows}",
            f"-DBUNDLE_DIR={BUNDLE}",
            f"-DOUTDIR={tmp_path}",
            "-DCOMPRESSOR=zlib",
            str(INSTALLER / "swdesk.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert nsis.returncode == 0, nsis.stdout[-3000:] + nsis.stderr[-3000:]
    assert (tmp_path / f"swdesk-{version}-setup.exe").stat().st_size > 10_000_000
