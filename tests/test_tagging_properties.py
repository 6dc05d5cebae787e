"""Property tests: odd text never crashes the tagger, offsets always stay valid, and
tagging the sentences frame gives what tagging the articles gives."""

from __future__ import annotations

import pandas as pd
from facts import frame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analystkit as ak
from analystkit.matcher import _normalized_codes, normalize

LEX = ak.load_lexicon()
PIECES = [
    "North Korea",
    "KCNA said",
    "said",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    ".",
    "!",
    "?",
    "…",
    ",",
    " ",
    "\n",
    "\n\n",
    "\t",
    "Mr.",
    "U.S.",
    "Jan.",
    "ballistic missile",
    "Hwasong-18",
    "counter–attack",
    "not",
    "no sign of",
    "provocations",
    "the report",
    "they say",
    "according to",
    "İ",
    "ß",
    "é",
    "\u0301",
    "\U0001f680",
    "한국",
    "ǅ",
    "\u00a0",
    "\u200b",
    "re:",
    "*",
    "-",
    "—",
    "(",
    ")",
    "KPA",
    "US",
    "us",
]
odd_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map(" ".join),
)


def check(texts: list[str]) -> None:
    arts = frame(*texts)
    sents = ak.sentences(arts, LEX)
    by_id = dict(zip(arts.article_id, texts))
    last_end: dict[str, int] = {}
    for r in sents.itertuples():
        text = by_id[r.article_id]
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text and r.text == r.text.strip()
        assert r.start >= last_end.get(r.article_id, 0)  # ordered, no overlap
        last_end[r.article_id] = r.end
    spans = {
        (a, i): (s, e)
        for a, i, s, e in zip(sents.article_id, sents.sentence_id, sents.start, sents.end)
    }
    matches = ak.tag(arts, LEX)
    pd.testing.assert_frame_equal(ak.tag(sents, LEX), matches)  # the chain gives the same
    for r in matches.itertuples():
        text = by_id[r.article_id]
        assert 0 <= r.start < r.end <= len(text) and text[r.start : r.end] == r.matched
        s, e = spans[(r.article_id, r.sentence_id)]
        assert s <= r.start < e
    k = ak.kwic(arts, "ballistic", lexicon=LEX)
    assert all(by_id[a][s:e] == kw for a, s, e, kw in zip(k.article_id, k.start, k.end, k.keyword))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(odd_text, min_size=1, max_size=4))
def test_odd_text_never_crashes_and_offsets_stay_valid(texts):
    check(texts)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_normalize_keeps_length(text):
    assert len(normalize(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9 ?,.-’“é\u0130\u212a\u017f\u0301\ud800😀가")))
def test_normalize_patches_as_the_code_point_table_folds(text):
    """The mostly-ASCII path (bytes.translate, then non-ASCII letters patched in) folds
    like the per-code-point table, surrogates and astral characters included."""
    expected = _normalized_codes(text).tobytes().decode("utf-32-le", "surrogatepass")
    assert normalize(text) == expected
    assert normalize("x" * 50 + text) == "x" * 50 + expected


def test_edge_cases():
    check(
        [
            "",
            " ",
            "“",
            "”",
            '"',
            "“““",
            "”””",
            '"""',
            "“ unbalanced quote. KCNA said so.",
            "closing only” KCNA said.",
            "...",
            "\n\n\n",
            "İİİ ballistic missile",
        ]
    )


def test_very_long_sentence():
    text = ("the North Korean military said it had fired a ballistic missile and " * 4000).strip()
    check([text])
    sents = ak.sentences(frame(text), LEX)
    assert len(sents) == 1
    assert (ak.tag(frame(text), LEX).tag == "ballistic").sum() == 4000
