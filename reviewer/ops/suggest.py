"""Two reviewer aids: topic suggestions, and where else a correction applies.

Plain functions of the store; the window runs them as a background Job (the keyword
model and a search over every document can each take a second on a long store), which
is the Task they report progress to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.occurrences import Occurrence, find_occurrences
from reviewer.core.topics import suggest_topics
from reviewer.ops.tasks import QUIET, Task
from reviewer.store import Store

SUGGESTED = "Suggested"  # accepted suggestions become topics under this parent


@dataclass(frozen=True)
class TopicSuggestion:
    """Keywords of one stretch: the segment indices it covers and its (word, score) pairs."""

    indices: tuple[int, ...]
    keywords: tuple[tuple[str, float], ...]

    @property
    def label(self) -> str:
        first, last = self.indices[0], self.indices[-1]
        return f"{first}" if first == last else f"{first}–{last}"


def topic_path(keyword: str) -> str:
    return f"{SUGGESTED}/{keyword.replace('/', '∕')}"  # a "/" in a keyword would nest the topic


def suggest(store: Store, rows: Sequence[tuple[int, str]], job: Task = QUIET) -> list[TopicSuggestion]:
    """Suggestions for (segment index, repaired text) rows, with the stored glossary loaded."""
    glossary = store.glossary()
    texts = [t for _i, t in rows]
    out = []
    for stretch in suggest_topics(texts, glossary, progress=lambda _s, n, of: job.check(n, of)):
        indices = tuple(i for i, _t in rows[stretch.start : stretch.end])
        out.append(TopicSuggestion(indices, stretch.keywords))
    return out


@dataclass(frozen=True)
class Occurrences:
    wrong: str
    right: str
    found: list[Occurrence]
    names: dict[int, str]  # document id → name, for the preview


def occurrences(
    store: Store, wrong: str, right: str, skip: Sequence[tuple[int, int, int, int]] = (), job: Task = QUIET
) -> Occurrences:
    """Every occurrence of ``wrong`` in the repaired text of every stored document, less ``skip``
    and the places already marked with this correction."""
    marked = [
        (a.document_id, a.segment_index, a.span_start, a.span_end)
        for a in store.annotations()
        if a.kind == "error"
        and a.correction == right
        and a.target == "repaired"
        and a.segment_index is not None
        and a.span_start is not None
        and a.span_end is not None
    ]
    docs = store.documents()
    found: list[Occurrence] = []
    for n, doc in enumerate(docs):
        job.check(n, len(docs), doc.name)
        segments = store.segments(doc.id, with_edits=False)
        found += find_occurrences(
            ((doc.id, s.index, s.repaired) for s in segments), wrong, right, [*skip, *marked]
        )
    return Occurrences(wrong, right, found, {d.id: d.name for d in docs})
