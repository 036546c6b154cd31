"""Transcript Reviewer: repair, review and annotate transcripts."""

from importlib.metadata import PackageNotFoundError, version

try:
    # One place for the version: pyproject.toml (installed metadata; the bundle ships it too).
    __version__ = version("transcript-reviewer")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
