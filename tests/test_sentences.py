"""Sentence splitting and speaker attribution, on the seed and on project-written text."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from facts import frame

import analystkit as ak


@pytest.fixture(scope="module")
def seed_sentences(seed_articles) -> pd.DataFrame:
    return ak.sentences(seed_articles)


def row(sents: pd.DataFrame, prefix: str) -> pd.Series:
    hit = sents[sents.text.str.startswith(prefix)]
    assert len(hit) == 1, f"no single sentence starts with {prefix!r}"
    return hit.iloc[0]


@pytest.mark.parametrize(
    "prefix, speaker, group",
    [
        ("North Korea said on Friday", "North Korea", "dprk_state"),
        ("The official Korean Central News Agency (KCNA) said", "KCNA", "dprk_state"),
        ("The launches were designed to inform", "KCNA", "dprk_state"),
        ("Mr Kim expressed satisfaction", "KCNA", "dprk_state"),  # "the report said"
        ("Mr Trump has said he would reach out", "Donald Trump", "us_gov"),
        ("North Korea has not directly responded", "", "media"),
        ("Many experts say", "Many experts", "expert"),
        ("They say Mr Kim could reconsider", "Many experts", "expert"),
        (
            "Last Saturday, North Korea’s Defence Ministry alleged",
            "North Korea's Defence Ministry",
            "dprk_state",
        ),
        ("A Defence Ministry statement said", "North Korea's Defence Ministry", "dprk_state"),
        ("They were the North’s fourth missile launch event", "", "media"),
        ("Mr Kim has since sharply increased", "", "media"),
    ],
)
def test_seed_speakers(seed_sentences, prefix, speaker, group):
    r = row(seed_sentences, prefix)
    assert (r.speaker, r.speaker_group) == (speaker, group)


def test_seed_sentences_offsets_ids_and_quotes(seed_sentences, seed_text):
    s = seed_sentences
    assert len(s) == 15  # 14 paragraphs; the first has one sentence each
    assert list(s.sentence_id) == list(range(15))
    assert all(seed_text[a:b] == t for a, b, t in zip(s.start, s.end, s.text))
    assert s.quoted.sum() == 1 and row(s, "The launches were designed").quoted
    assert list(s.columns) == [
        "article_id",
        "sentence_id",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_group",
        "attribution",
        "quoted",
    ]
    assert s.dtypes["sentence_id"] == "int64" and s.dtypes["quoted"].kind == "b"


def test_split_survives_abbreviations_and_closing_quotes():
    text = (
        "Mr. Kim met U.S. officials on Jan. 5 in Hanoi. Dr. Lee said it was No. 3 on "
        "the list. “We will respond.” The talks ended! Did they? Yes…"
    )
    s = ak.sentences(frame(text))
    assert list(s.text) == [
        "Mr. Kim met U.S. officials on Jan. 5 in Hanoi.",
        "Dr. Lee said it was No. 3 on the list.",
        "“We will respond.”",
        "The talks ended!",
        "Did they?",
        "Yes…",
    ]


def test_quotation_takes_the_speaker_of_its_closing_clause():
    text = (
        "“We will never give up our nuclear weapons. The enemy will pay dearly,” "
        "KCNA said. The sea was calm."
    )
    s = ak.sentences(frame(text))
    assert list(s.speaker) == ["KCNA", "KCNA", ""]
    assert list(s.attribution) == ["quote", "cue", "default"]
    assert list(s.quoted) == [True, True, False]


def test_quotation_opened_after_a_reporting_clause():
    text = 'Kim Yo Jong said: "Seoul is a fool. It will regret this." The South did not reply.'
    s = ak.sentences(frame(text))
    assert list(s.speaker) == ["Kim Yo Jong", "Kim Yo Jong", ""]
    assert list(s.speaker_group) == ["dprk_state", "dprk_state", "media"]


@pytest.mark.parametrize(
    "text, speaker, group",
    [
        (
            "The missile flew 1,000 km, according to South Korea's Joint Chiefs of Staff.",
            "South Korea's Joint Chiefs of Staff",
            "rok_gov",
        ),
        ("The launch was a success, said KCNA.", "KCNA", "dprk_state"),
        ("“We will respond,” said Kim Yo Jong, the leader's sister.", "Kim Yo Jong", "dprk_state"),
        (
            "North Korea fired two missiles on Monday, South Korea's military said.",
            "South Korea's Joint Chiefs of Staff",
            "rok_gov",
        ),
        (
            "Japan's Defence Ministry said the missile fell into the sea.",
            "Japanese government",
            "japan_gov",
        ),
        ("The Kremlin said it had no comment.", "Russian government", "russia_gov"),
        ("Analysts warned of a seventh nuclear test.", "Analysts", "expert"),
        ("The launch drew other reported activities nearby.", "", "media"),
        (
            "Kim Yo Jong, the powerful sister of leader Kim Jong Un, said talks were pointless.",
            "Kim Yo Jong",
            "dprk_state",
        ),
        ("Talks, the official said, were pointless.", "the official", "other"),
    ],
)
def test_reporting_clauses(text, speaker, group):
    s = ak.sentences(frame(text))
    assert (s.speaker[0], s.speaker_group[0]) == (speaker, group)


def test_the_report_without_a_named_source_is_narration():
    s = ak.sentences(frame("The report said the launch failed."))
    assert (s.speaker[0], s.speaker_group[0], s.attribution[0]) == ("", "media", "default")


def test_each_article_restarts_sentence_ids_and_back_references():
    s = ak.sentences(
        frame(
            "KCNA said the test worked. The report said more.",
            "The report said the test failed.",
            "",
            "   \n\n  ",
        )
    )
    assert list(s.article_id) == ["a0", "a0", "a1"]
    assert list(s.sentence_id) == [0, 1, 0]
    assert list(s.speaker) == ["KCNA", "KCNA", ""]


def test_every_attribution_is_one_of_the_documented_rules(seed_sentences):
    from analystkit.speakers import ATTRIBUTIONS

    assert set(seed_sentences.attribution) <= set(ATTRIBUTIONS)
    assert set(seed_sentences.speaker_group) <= set(ak.vocab.SPEAKER_GROUPS)


def test_bad_articles_frame_gets_a_clear_error():
    with pytest.raises(ValueError, match="no 'text' column"):
        ak.sentences(pd.DataFrame({"article_id": ["x"]}))
    with pytest.raises(ValueError, match="must be strings; row 1"):
        ak.sentences(pd.DataFrame({"article_id": ["x", "y"], "text": ["ok", None]}))
    arrow = pd.DataFrame({"article_id": ["x", "y", "z"], "text": ["ok", None, None]})
    arrow["text"] = arrow["text"].astype("str")  # a missing text in a str column
    with pytest.raises(ValueError, match=r"must be strings; row 1 holds float \(2 such rows\)"):
        ak.tag(arrow)


def test_chunks_hold_about_a_million_characters_and_every_text_once():
    from analystkit.splitting import _CHUNK_CHARS, chunk_bounds

    assert chunk_bounds([]) == [(0, 0)]
    assert chunk_bounds([5, 7]) == [(0, 2)]  # a small corpus is one chunk
    big = _CHUNK_CHARS
    assert chunk_bounds([big // 2, big // 2, 3, 2 * big, 1]) == [(0, 2), (2, 4), (4, 5)]
    bounds = chunk_bounds([1000] * 2500)
    assert [b - a for a, b in bounds] == [1000, 1000, 500]
    assert all(a == b for (_, a), (b, _) in zip(bounds, bounds[1:]))


def test_a_chunk_becomes_python_strings_only_when_it_is_reached(monkeypatch):
    """map_chunks hands each function call its own chunk's texts, made then: the corpus
    is never held as Python strings all at once (memory follows the chunk)."""
    from analystkit import chunk

    monkeypatch.setattr(sys.modules["analystkit.splitting"], "_CHUNK_CHARS", 50)
    made: list[int] = []
    real = chunk.article_texts
    monkeypatch.setattr(chunk, "article_texts", lambda a: made.append(len(a)) or real(a))
    arts = pd.DataFrame({"article_id": list("abcdef"), "text": ["x" * 30] * 6})
    calls = chunk.map_chunks(lambda texts, lexicon, memo: [t.text for t in texts], arts, None)
    assert made == [2, 2, 2]
    assert [first for first, _ in calls] == [0, 2, 4]
    assert sum((texts for _, texts in calls), []) == arts["text"].tolist()


def test_split_trims_whitespace_around_sentences_and_before_blank_lines():
    from analystkit.splitting import split

    text = " \t Seoul said so. It rained \u00a0\n \nThen it stopped.  \n"
    starts, ends, para = split(text)
    assert [text[s:e] for s, e in zip(starts, ends)] == [
        "Seoul said so.",
        "It rained",
        "Then it stopped.",
    ]
    assert para.tolist() == [True, False, True]
    assert [a.tolist() for a in split("")] == [[], [], []]
    assert [a.tolist() for a in split(" \n\n ")] == [[], [], []]


def test_a_list_item_is_a_sentence_of_its_own():
    from analystkit.splitting import split

    text = (
        "Following are the day's items:\n- The leader received a gift.\n"
        "- A farm moved into new houses\n* Crops grew.\n\nA dash - inside stays."
    )
    starts, ends, para = split(text)
    assert [text[a:b] for a, b in zip(starts, ends)] == [
        "Following are the day's items:",
        "- The leader received a gift.",
        "- A farm moved into new houses",
        "* Crops grew.",
        "A dash - inside stays.",
    ]
    assert para.tolist() == [True, False, False, False, True]
