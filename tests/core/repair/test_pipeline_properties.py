"""Property tests over the whole pipeline: no input crashes it; clean text comes back unchanged."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.document import repair_text
from reviewer.core.glossary import parse_glossary
from reviewer.core.repair.pipeline import RepairOptions

GLOSSARY = parse_glossary("光年之外\n硅谷\nChatGPT\n偶拍 => OpenAI\n")
FMTS = st.sampled_from([None, "chat", "timestamped", "plain", "srt", "vtt"])

# Clean text: CJK, ASCII words, full-width punctuation, emoji; no controls, no
# trailing spaces, nothing shaped like mojibake.
_CLEAN_CHARS = st.sampled_from(
    list(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    )
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.?!'")
    + list("，。！？：；“”（）、…—")
    + ["😂", "👍", "🔥", "💯"]
)
_clean_line = st.text(_CLEAN_CHARS, min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), FMTS)
def test_no_text_crashes_the_pipeline(text, fmt):
    doc = repair_text(text, RepairOptions(glossary=GLOSSARY), fmt=fmt)
    for seg in doc.transcript.segments:
        for e in seg.edits:
            assert seg.original[e.start : e.end] == e.before
    assert isinstance(doc.repaired_text, str)


@settings(max_examples=100, deadline=None)
@given(st.lists(_clean_line, min_size=1, max_size=8))
def test_clean_plain_text_is_unchanged(lines):
    text = "\n".join(lines) + "\n"
    doc = repair_text(text, RepairOptions.without("glossary"), fmt="plain")
    assert [e for s in doc.transcript.segments for e in s.edits] == []
    assert doc.repaired_text == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("AB"), _clean_line), min_size=1, max_size=8))
def test_clean_chat_is_unchanged(turns):
    text = "".join(f"[{who}]: {line}\n" for who, line in turns)
    doc = repair_text(text, RepairOptions.without("glossary"))
    assert [e for s in doc.transcript.segments for e in s.edits] == []
    assert doc.repaired_text == text
