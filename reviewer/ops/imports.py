"""Importing files: each repaired and stored in its own transaction; bad files are listed, not fatal."""

from __future__ import annotations

import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.core.progress import Cancelled, fraction
from reviewer.ops.tasks import QUIET, Task
from reviewer.store import ImportResult, Store


@dataclass
class ImportOutcome:
    results: list[ImportResult] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, why it was not imported)
    cancelled: bool = False


# Progress bar steps per imported file, so one large file's stages move the bar too.
STEPS_PER_FILE = 1000


def import_files(
    store: Store, paths: Sequence[str | Path], glossary: Glossary | None = None, job: Task = QUIET
) -> ImportOutcome:
    """Repair and store each file; a bad file is reported and skipped.

    Cancel takes effect within a fraction of a second, also in the middle of one large
    file: the file being imported is rolled back, the files before it stay imported.
    """
    out = ImportOutcome()
    total = len(paths) * STEPS_PER_FILE
    for n, path in enumerate(paths):
        name = Path(path).name

        def progress(stage: str, done: int, of: int, n: int = n, name: str = name) -> None:
            if job.cancelled:
                raise Cancelled
            step = n * STEPS_PER_FILE + round(fraction(stage, done, of) * STEPS_PER_FILE)
            job.report(step, total, name)

        try:
            progress("decode", 0, 1)
            doc = store.load_file(path, glossary, progress=progress)
            out.results.append(store.import_document(doc, progress))
            if glossary:
                store.add_glossary(glossary)
        except Cancelled:
            out.cancelled = True
            break
        except InputError as err:
            out.errors.append((str(path), str(err)))
        except Exception as err:  # a fault of ours with this file: say so, keep importing the rest
            traceback.print_exc()
            out.errors.append((str(path), f"unexpected error ({type(err).__name__}: {err})"))
    job.report(total, total, "")
    return out


def import_all_or_none(
    store: Store,
    paths: Sequence[str | Path],
    glossary: Glossary | None = None,
    *,
    encoding: str | None = None,
    fmt: str | None = None,
) -> Iterator[ImportResult]:
    """The command line's import: every file is read and repaired before any is stored, so
    one bad file (InputError) changes nothing; then each is stored (yielded as it is), and
    the glossary kept."""
    docs = [store.load_file(p, glossary, encoding=encoding, fmt=fmt) for p in paths]
    if glossary:
        store.add_glossary(glossary)
    for doc in docs:
        yield store.import_document(doc)
