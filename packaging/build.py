"""Build the installer for the machine this runs on (``make package``), into dist/.

    Linux:   dist/reviewer/ (the bundle) and dist/transcript-reviewer_<version>_<arch>.deb
    Windows: dist/reviewer/ and dist/transcript-reviewer-<version>-setup.exe (Inno Setup's iscc)
    macOS:   dist/Transcript Reviewer.app and dist/transcript-reviewer-<version>-macos.dmg

The version is pyproject's.  Each step prints how long it took.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bundle_contents as contents  # noqa: E402

ROOT = contents.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def step(name: str, command: list[str], **kwargs: object) -> None:
    print(f"== {name}: {' '.join(command)}", flush=True)
    started = time.perf_counter()
    if subprocess.run(command, cwd=ROOT, **kwargs).returncode != 0:  # type: ignore[call-overload]
        raise SystemExit(f"build.py: step '{name}' failed (its output is above)")
    print(f"== {name}: {time.perf_counter() - started:.1f} s", flush=True)


def bundle() -> None:
    # A stale bundle would be packaged as it is if PyInstaller stopped half-way: start clean.
    shutil.rmtree(DIST / contents.EXE_NAME, ignore_errors=True)
    step(
        "bundle (PyInstaller)",
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(HERE / "reviewer.spec"),
        ],
    )


def installer() -> Path:
    version = contents.version()
    if sys.platform.startswith("linux"):
        step(".deb", ["bash", str(HERE / "linux" / "build_deb.sh"), str(DIST / contents.EXE_NAME), str(DIST)])
        arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
        return DIST / f"{contents.DIST_NAME}_{version}_{arch or 'amd64'}.deb"
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        step(
            "installer (Inno Setup)",
            [
                iscc,
                f"/DAppVersion={version}",
                f"/DDistDir={DIST}",
                f"/DIconFile={HERE / 'icons' / 'reviewer.ico'}",
                str(HERE / "windows" / "reviewer.iss"),
            ],
        )
        return DIST / f"{contents.DIST_NAME}-{version}-setup.exe"
    if sys.platform == "darwin":
        step(
            ".dmg",
            [
                "bash",
                str(HERE / "macos" / "build_dmg.sh"),
                str(DIST / f"{contents.APP_NAME}.app"),
                str(DIST / f"{contents.DIST_NAME}-{version}-macos.dmg"),
            ],
        )
        return DIST / f"{contents.DIST_NAME}-{version}-macos.dmg"
    raise SystemExit(f"no installer recipe for {sys.platform}")


def main() -> int:
    started = time.perf_counter()
    if "--installer-only" not in sys.argv:
        bundle()
    out = installer()
    if not out.is_file():
        raise SystemExit(f"build.py: expected {out}, which was not made")
    size = out.stat().st_size / 1e6
    print(f"== built {out.relative_to(ROOT)} ({size:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
