"""The wheel's package list and data, and the installers (packaging/): what the bundle ships,
the .deb's library check, its menu entry, one version number.  The bundle itself is built and
run by .ci/package-smoke.sh."""

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from reviewer.resources import read_text

import reviewer
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "packaging" / "linux"))
import bundle_contents
import check_libs


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "reviewer").rglob("__init__.py")
    } | {"reviewer.resources"}
    assert set(config["packages"]) == on_disk
    assert config["package-dir"] == {"reviewer.resources": "resources"}


def test_shipped_resources_load_through_the_package():
    assert "asr" in read_text("error_types.json")
    assert "偶拍 => OpenAI" in read_text("glossaries/ai-podcasts.txt")


# --- The installers ---------------------------------------------------------------------------


def _bundle_files() -> set[str]:
    return {f"{dest}/{Path(src).name}" for src, dest in bundle_contents.app_datas()}


def test_bundle_ships_every_file_the_app_reads_at_run_time():
    shipped = _bundle_files()
    # What the app opens through importlib.resources / paths relative to its modules.
    expected = {
        "reviewer/resources/__init__.py",
        "reviewer/resources/error_types.json",
        "reviewer/resources/glossaries/ai-podcasts.txt",
        "reviewer/resources/translations/reviewer_zh_CN.qm",
        "reviewer/store/migrations/env.py",
        "reviewer/store/migrations/script.py.mako",
        "reviewer/store/alembic.ini",
    }
    # Every migration on disk (a new one must reach the bundle without editing the spec), every sample.
    versions = ROOT / "reviewer" / "store" / "migrations" / "versions"
    expected |= {f"reviewer/store/migrations/versions/{p.name}" for p in versions.glob("0*.py")}
    expected |= {f"seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt")}
    assert len(list(versions.glob("0*.py"))) >= 3
    assert expected <= shipped, sorted(expected - shipped)
    # Everything under resources/ but the translators' .ts sources.
    resources = {
        f"reviewer/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix not in (".ts", ".pyc")
    }
    assert resources <= shipped, sorted(resources - shipped)


def test_qt_filter_keeps_what_each_os_needs():
    keep = bundle_contents.keep_qt
    linux = "PySide6/Qt/plugins/platforms/"
    assert keep(linux + "libqxcb.so", "linux") and keep(linux + "libqoffscreen.so", "linux")
    assert not keep(linux + "libqwayland.so", "linux") and not keep(linux + "libqvnc.so", "linux")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux")
    assert keep("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux")
    assert keep("PySide6\\plugins\\platforms\\qwindows.dll", "win32")
    assert not keep("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32")
    assert keep("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin")
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm", "linux")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm", "linux")
    assert not keep("libQt6WaylandClient.so.6", "linux") and keep("libQt6Core.so.6", "linux")
    # Another package's own "plugins" folder is not Qt's business.
    assert keep("somepkg/plugins/thing.so", "linux")


def test_prune_drops_libraries_only_a_dropped_plugin_needed():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libpng16.so.16", "/src/libpng16.so.16", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
    ]
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libpng16.so.16", "libc.so.6"],
        "/src/libqxcb.so": ["libQt6Gui.so.6"],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
    }
    kept = bundle_contents.prune_unreachable(binaries, lambda src: links.get(src, []))
    assert [e[0] for e in kept] == [e[0] for e in binaries[:4]]


def test_one_version_number_from_pyproject():
    version = bundle_contents.version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert reviewer.__version__ == version
    # No recipe carries a copy of it: each reads pyproject (or is handed the version by build.py).
    for path in [
        *(ROOT / "packaging").rglob("*"),
        *(ROOT / ".github").rglob("*"),
        ROOT / ".ci/package-smoke.sh",
    ]:
        if path.is_file() and path.suffix not in (".png", ".ico", ".icns", ".pyc"):
            assert version not in path.read_text(encoding="utf-8"), path


DESKTOP = ROOT / "packaging" / "linux" / "transcript-reviewer.desktop"
VALIDATE = shutil.which("desktop-file-validate")


@pytest.mark.skipif(VALIDATE is None and not os.environ.get("CI"), reason="desktop-file-utils not installed")
def test_desktop_entry_validates_and_opens_transcripts():
    assert VALIDATE, "desktop-file-validate missing (.ci/system-deps.sh installs desktop-file-utils)"
    done = subprocess.run([VALIDATE, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr
    entry = dict(
        line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line
    )
    assert set(entry["MimeType"].rstrip(";").split(";")) == {"text/plain", "application/x-subrip", "text/vtt"}
    # build_deb.sh installs the icon under this name and the launcher at this path.
    assert entry["Icon"] == "transcript-reviewer"
    assert entry["Exec"] == "/opt/transcript-reviewer/reviewer-desktop %F"
    assert (ROOT / "packaging" / "linux" / "reviewer-desktop").stat().st_mode & 0o111


def _qt_plugin(name: str) -> Path:
    import PySide6

    (found,) = Path(PySide6.__file__).parent.glob(f"Qt/plugins/platforms/{name}")
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is built on Linux")
def test_library_check_fails_until_every_need_is_bundled_or_declared(tmp_path: Path):
    # libqoffscreen.so links (read off `objdump -p`): libX11.so.6 libQt6Gui.so.6 libGL.so.1
    # libQt6Core.so.6 libxkbcommon.so.0 libstdc++.so.6 libm.so.6 libgcc_s.so.1 libc.so.6.
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy(_qt_plugin("libqoffscreen.so"), bundle / "libqoffscreen.so")
    table = check_libs.read_table()
    depends, problems = check_libs.check(bundle, table)
    missing = {re.search(r"needs (\S+):", p).group(1) for p in problems}  # type: ignore[union-attr]
    assert missing == {"libQt6Gui.so.6", "libQt6Core.so.6", "libstdc++.so.6", "libgcc_s.so.1"}
    # Bundled (any file of that name in the bundle) or declared: then it passes.
    for name in sorted(missing):
        (bundle / name).symlink_to(_qt_plugin("libqoffscreen.so"))
    depends, problems = check_libs.check(bundle, table)
    assert problems == []
    assert depends[0].startswith("libc6 (>= 2.")
    assert depends[1:] == ["libgl1", "libx11-6", "libxkbcommon0"]
