"""What goes into the PyInstaller bundle besides the Python modules, in one place.

Read by packaging/reviewer.spec (at build time) and by tests/test_packaging.py (which checks the
lists against pyproject and the source tree).  Standard library only: it runs inside PyInstaller.

- Package data comes from pyproject's [tool.setuptools] `packages`, `package-dir` and
  `package-data`, so the bundle ships exactly what a wheel ships.
- Alembic reads the migration scripts as source files from reviewer/store/migrations: they
  go in as data, next to where the frozen ``reviewer.store.migrate`` looks for them.
- seeds/ goes next to the ``reviewer`` package: reviewer.gui.app looks for the samples in
  ``Path(app.__file__).parents[2] / "seeds"``, which in a bundle is its ``_internal`` folder.
- Qt: only the plugins, libraries and translations the window uses on each OS (``keep_qt``).
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
DIST_NAME = "transcript-reviewer"
APP_NAME = "Transcript Reviewer"
EXE_NAME = "reviewer"

# Python modules Alembic's env.py and the version scripts import: PyInstaller cannot see
# them, because Alembic loads those scripts from files at run time.
MIGRATION_IMPORTS = ["alembic.context", "alembic.op", "reviewer.store.models", "reviewer.store.paths"]

# Never imported by the app, but found by PyInstaller through optional imports of its
# dependencies; each would add megabytes (jieba's Paddle mode, test tools, other Qt bindings).
EXCLUDED_MODULES = [
    "paddle",
    "jieba.lac_small",
    "tkinter",
    "pytest",
    "hypothesis",
    "IPython",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "numpy",
    # PyInstaller's PySide6 hook adds it, the app never imports it (the window needs no network).
    "PySide6.QtNetwork",
]


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def version() -> str:
    """The one version number: pyproject's [project] version."""
    return str(project()["project"]["version"])


def package_dir(package: str, setuptools: dict) -> Path:
    mapped = setuptools.get("package-dir", {}).get(package)
    return ROOT / (mapped if mapped else package.replace(".", "/"))


def package_data() -> list[tuple[str, str]]:
    """(source file, destination folder in the bundle) for every package-data file a wheel ships."""
    setuptools = project()["tool"]["setuptools"]
    patterns = setuptools.get("package-data", {})
    out: list[tuple[str, str]] = []
    for package in setuptools["packages"]:
        folder = package_dir(package, setuptools)
        dest = package.replace(".", "/")
        for pattern in [*patterns.get("*", []), *patterns.get(package, [])]:
            for path in sorted(folder.glob(pattern)):
                if path.is_file():
                    rel_parent = path.parent.relative_to(folder)
                    out.append((str(path), str(PurePosixPath(dest) / rel_parent.as_posix())))
    return sorted(set(out))


def mapped_package_sources() -> list[tuple[str, str]]:
    """The modules of packages pyproject maps to another folder (``reviewer.resources`` is
    resources/): PyInstaller's module search cannot find them there, so they ship as source
    files, which Python imports from the bundle folder like any other file."""
    setuptools = project()["tool"]["setuptools"]
    out: list[tuple[str, str]] = []
    for package in setuptools.get("package-dir", {}):
        folder = package_dir(package, setuptools)
        out += [(str(p), package.replace(".", "/")) for p in sorted(folder.glob("*.py"))]
    return out


def migration_scripts() -> list[tuple[str, str]]:
    """Alembic's env.py and version scripts, as source files (Alembic executes them from disk)."""
    base = ROOT / "reviewer" / "store" / "migrations"
    out = [(str(p), "reviewer/store/migrations") for p in sorted(base.glob("*.py"))]
    out += [(str(p), "reviewer/store/migrations/versions") for p in sorted((base / "versions").glob("*.py"))]
    out.append((str(ROOT / "reviewer" / "store" / "alembic.ini"), "reviewer/store"))
    return out


def seeds() -> list[tuple[str, str]]:
    return [(str(p), "seeds") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def dist_info(folder: Path) -> tuple[str, str]:
    """The app's own package metadata (importlib.metadata reads name and version from it), written
    fresh from pyproject: PyInstaller's copy_metadata would take whichever stale
    transcript_reviewer.egg-info or editable dist-info it finds first."""
    name = f"{DIST_NAME.replace('-', '_')}-{version()}.dist-info"
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    summary = project()["project"].get("description", "")
    (target / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {DIST_NAME}\nVersion: {version()}\nSummary: {summary}\n",
        encoding="utf-8",
    )
    return (str(target / "METADATA"), name)


def app_datas() -> list[tuple[str, str]]:
    return sorted(set(package_data() + mapped_package_sources() + migration_scripts() + seeds()))


# --- Qt: what to keep ------------------------------------------------------------------------
# Paths are the bundle's destination paths, "/"-separated, e.g. "PySide6/Qt/plugins/platforms/libqxcb.so".
PLATFORM_PLUGINS = {
    "linux": {"libqxcb.so", "libqoffscreen.so"},
    "win32": {"qwindows.dll", "qoffscreen.dll"},
    "darwin": {"libqcocoa.dylib", "libqoffscreen.dylib"},
}
# Plugin folders the window has no use for.  platformthemes/libqgtk3 would pull GTK 3 in.
DROPPED_PLUGIN_DIRS = {
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "tls",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "wayland-shell-integration",
    "qmltooling",
    "sqldrivers",
    "printsupport",
}
DROPPED_PLUGINS = {"libqgtk3.so", "qdirect2d.dll", "qminimal.dll", "libqminimal.dylib"}
# Qt libraries only the dropped plugins need.  Dropped on Linux only, where the ldd check in
# build_deb.sh proves that nothing kept needs them; elsewhere PyInstaller's own choice stands.
DROPPED_LIBS = re.compile(
    r"(^|/)libQt6(Wayland\w*|EglFS\w*|EglFsKms\w*|WlShellIntegration|Network|Pdf|Qml\w*|Quick\w*)\.so\.6$"
)
KEPT_TRANSLATIONS = {"qtbase_zh_CN.qm"}


def keep_qt(dest: str, platform: str) -> bool:
    """Whether a file PyInstaller collected for Qt belongs in the bundle."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    name = path.name
    if parts and parts[0] == "PySide6" and "plugins" in parts:
        kind = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
        if kind in DROPPED_PLUGIN_DIRS or name in DROPPED_PLUGINS:
            return False
        if kind == "platforms":
            return name in PLATFORM_PLUGINS.get(platform, set())
        return True
    if "translations" in parts and parts[0] in ("PySide6", "PyQt6"):
        return name in KEPT_TRANSLATIONS
    if platform == "linux" and DROPPED_LIBS.search(dest.replace("\\", "/")):
        return False
    return True


def bundle_platform(sys_platform: str) -> str:
    return "linux" if sys_platform.startswith("linux") else sys_platform


# --- Linux: system libraries and pruning ---------------------------------------------------------
SYSTEM_LIBS_FILE = ROOT / "packaging" / "linux" / "system-libs.tsv"


def system_libs() -> dict[str, str]:
    """so-name -> Debian Depends entry, for the libraries the .deb takes from the system."""
    table: dict[str, str] = {}
    for line in SYSTEM_LIBS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            soname, depends = line.split("\t")
            table[soname.strip()] = depends.strip()
    return table


def keep_file(dest: str, platform: str) -> bool:
    """Qt's filter, and on Linux: no copies of the system libraries the package depends on."""
    if platform == "linux" and PurePosixPath(dest.replace("\\", "/")).name in system_libs():
        return False
    return keep_qt(dest, platform)


def elf_needed(path: str) -> list[str]:
    """The so-names an ELF file links to directly (its DT_NEEDED entries; ldd would list them all)."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type)


def prune_unreachable(binaries: list[Entry], imports_of: Callable[[str], list[str]]) -> list[Entry]:
    """Drop shared libraries no kept file links to (e.g. GTK, pulled in for a Qt plugin we dropped).

    Roots are Python extension modules, Qt plugins and libpython; ``imports_of(source)`` gives
    the so-names a file links to directly.  Non-library entries are always kept.
    """
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name, []).append(entry)

    def is_root(entry: Entry) -> bool:
        dest = entry[0].replace("\\", "/")
        return entry[2] != "BINARY" or "/plugins/" in dest or PurePosixPath(dest).name.startswith("libpython")

    kept = {entry for entry in binaries if is_root(entry)}
    todo = [entry for entry in kept if entry[2] in ("BINARY", "EXTENSION")]
    while todo:
        entry = todo.pop()
        for name in imports_of(entry[1]):
            for dep in by_name.get(PurePosixPath(name).name, []):
                if dep not in kept:
                    kept.add(dep)
                    todo.append(dep)
    return [entry for entry in binaries if entry in kept]
