"""Data files shipped inside the package (so they load from a checkout, a wheel or a bundle).

Read them with :func:`read_text`, never through a filesystem path.
"""

from __future__ import annotations

from importlib.resources import files


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    return files(__name__).joinpath(name).read_bytes()
