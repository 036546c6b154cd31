"""User actions as plain Python over core and store (no Qt): the window and the command line
run the same Op for the same action.

    from reviewer import ops
    ops.run(store, ops.ReplaceTags(doc, add=[TagSpec(3, "topic", "AI")]))

Each Op writes in one transaction and returns :class:`Changes` (see ops.base).
"""

from reviewer.ops.base import AS_BUILT, Op, Seen, run
from reviewer.ops.changes import Changes
from reviewer.ops.error_types import AddErrorType
from reviewer.ops.glossary import ChangeGlossary
from reviewer.ops.repairs import DecideEdits, Decision, decisions_for
from reviewer.ops.speakers import RenameSpeaker, SetSpeaker
from reviewer.ops.tags import ReplaceTags, UpdateTag
from reviewer.ops.teach import TeachCorrection
from reviewer.ops.topics import ColourTopic, CreateTopic, MergeTopics, MoveTopic, RenameTopic

__all__ = [
    "AS_BUILT",
    "AddErrorType",
    "ChangeGlossary",
    "Changes",
    "ColourTopic",
    "CreateTopic",
    "DecideEdits",
    "Decision",
    "MergeTopics",
    "MoveTopic",
    "Op",
    "RenameSpeaker",
    "RenameTopic",
    "ReplaceTags",
    "Seen",
    "SetSpeaker",
    "TeachCorrection",
    "UpdateTag",
    "decisions_for",
    "run",
]
