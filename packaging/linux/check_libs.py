"""Check a Linux bundle's shared-library needs against the .deb's dependencies; print Depends.

Every ELF file in the bundle (Qt plugins and libraries, Python extensions) is read with
``objdump -p`` for the libraries it links to directly, and run through ``ldd`` with the
bundle's library folders on the search path.  Each needed library must be in the bundle or
listed in system-libs.tsv (then its package goes into Depends).  Otherwise the check fails:
the installed app would not start (or a plugin would not load) on a machine without it.
Where a listed library is installed here, ``dpkg -S`` must name the package the table gives.

    python3 check_libs.py BUNDLE_DIR    # prints the Depends field; exit 1 with a list if not
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "system-libs.tsv"


def read_table(path: Path = TABLE) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            soname, depends = line.split("\t")
            table[soname.strip()] = depends.strip()
    return table


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def glibc_floor(paths: list[Path]) -> str | None:
    """The newest GLIBC_x.y symbol version any file asks for: the libc6 the package needs."""
    best: tuple[int, ...] = ()
    for path in paths:
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for match in re.finditer(r"GLIBC_(\d+(?:\.\d+)+)", out):
            best = max(best, tuple(int(x) for x in match.group(1).split(".")))
    return ".".join(map(str, best)) if best else None


def ldd(path: Path, library_path: str) -> dict[str, str | None]:
    """so-name -> resolved path (None: not found), as the dynamic loader would see it."""
    env = {**os.environ, "LD_LIBRARY_PATH": library_path}
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
    found: dict[str, str | None] = {}
    for line in out.splitlines():
        match = re.match(r"\s*(\S+) => (not found|(\S+))", line)
        if match:
            found[match.group(1)] = None if match.group(2) == "not found" else match.group(3)
    return found


def dpkg_owner(path: str) -> str | None:
    try:
        out = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    except FileNotFoundError:
        return None
    if out.returncode != 0:
        # /lib is a symlink to /usr/lib on merged-/usr systems; dpkg knows one of the two names.
        alt = path[4:] if path.startswith("/usr/") else "/usr" + path
        out = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
        if out.returncode != 0:
            return None
    return out.stdout.split(":")[0].strip()


def check(bundle: Path, table: dict[str, str]) -> tuple[list[str], list[str]]:
    """(Depends entries, problems) for the bundle folder."""
    files = [p for p in bundle.rglob("*") if is_elf(p)]
    in_bundle = {p.name for p in bundle.rglob("*")}
    lib_dirs = sorted({str(p.parent) for p in files if ".so" in p.name})
    library_path = ":".join(lib_dirs)
    depends: set[str] = set()
    problems: list[str] = []
    owners_checked: dict[str, str | None] = {}
    for path in files:
        rel = path.relative_to(bundle)
        resolved = ldd(path, library_path)
        for name in needed(path):
            where = resolved.get(name)
            if name in in_bundle and (where is None or where.startswith(str(bundle))):
                continue
            if name in table:
                depends.add(table[name])
                if where and where not in owners_checked:
                    owners_checked[where] = dpkg_owner(where)
                    owner = owners_checked[where]
                    alternatives = {a.strip().split()[0] for a in table[name].split("|")}
                    if owner and owner not in alternatives:
                        problems.append(f"{name}: system-libs.tsv says {table[name]!r}, dpkg -S says {owner}")
                continue
            state = "not found" if where is None else f"found only at {where}, outside the bundle"
            problems.append(f"{rel} needs {name}: {state}, and no package in system-libs.tsv provides it")
    floor = glibc_floor(files)
    entries = sorted(depends - {"libc6"})
    entries.insert(0, f"libc6 (>= {floor})" if floor else "libc6")
    return entries, problems


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print("usage: check_libs.py BUNDLE_DIR", file=sys.stderr)
        return 2
    entries, problems = check(Path(argv[1]).resolve(), read_table())
    if problems:
        print("check_libs: libraries the package would lack:", file=sys.stderr)
        for problem in sorted(set(problems)):
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(", ".join(entries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
