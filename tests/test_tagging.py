"""The match table, counts and keyword-in-context, on the seed and project-written text."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest
from facts import frame

import analystkit as ak


@pytest.fixture(scope="module")
def seed_matches(seed_articles) -> pd.DataFrame:
    return ak.tag(seed_articles)


@pytest.mark.parametrize(
    "phrase, tag",
    [
        ("prepared to use its nuclear weapons", "threat"),
        ("seriously violating our security environment", "hostility_accusation"),
        ("escalating the confrontation", "hostility_accusation"),
        ("provocations", "hostility_accusation"),
        ("counterattack capability", "capability_claim"),
        ("counter-attack capability", "capability_claim"),
        ("readiness of its nuclear operations", "capability_claim"),
        ("counter the strategic threat", "deterrence"),
        ("strategic means", "deterrence"),
        ("reach out", "diplomatic_outreach"),
        ("support of Russia", "alignment"),
        ("co-operation with Russia", "alignment"),
        ("test-fired", "missile_launch"),
        ("strategic cruise missiles", "cruise"),
        ("missile launch", "missile_launch"),
        ("summits", "summit"),
        ("aerial exercise", "military_exercise"),
        ("sanctions", "sanctions"),
        ("Korean Central News Agency", "dprk"),
    ],
)
def test_seed_tags(seed_matches, phrase, tag):
    assert tag in set(seed_matches.loc[seed_matches.matched == phrase, "tag"])


def test_seed_matches_carry_offsets_sentences_and_speakers(seed_matches, seed_articles, seed_text):
    m = seed_matches
    assert list(m.columns) == [
        "article_id",
        "sentence_id",
        "start",
        "end",
        "matched",
        "category",
        "tag",
        "pattern",
        "speaker_group",
        "negated",
    ]
    assert all(seed_text[s:e] == x for s, e, x in zip(m.start, m.end, m.matched))
    sents = ak.sentences(seed_articles).set_index("sentence_id")
    joined = m.merge(
        sents[["start", "end", "speaker_group"]],
        left_on="sentence_id",
        right_index=True,
        suffixes=("", "_s"),
    )
    assert ((joined.start >= joined.start_s) & (joined.end <= joined.end_s)).all()
    assert (joined.speaker_group == joined.speaker_group_s).all()
    threat = m[m.tag == "threat"].iloc[0]
    assert threat.speaker_group == "dprk_state" and threat.pattern.startswith("prepared to use")
    outreach = m[m.matched == "reach out"].iloc[0]
    assert outreach.speaker_group == "us_gov"
    assert m[m.tag.isin(["alignment"])].speaker_group.tolist() == ["expert", "expert"]
    assert m.start.is_monotonic_increasing


def test_within_category_longest_wins_across_categories_both_kept():
    m = ak.tag(
        frame(
            "Pyongyang test-fired an intercontinental ballistic missile in "
            "support of Russia, KCNA said."
        )
    )
    weapons = m[m.category == "weapon"]
    assert list(zip(weapons.matched, weapons.tag)) == [
        ("intercontinental ballistic missile", "icbm")
    ]
    pairs = set(zip(m.matched, m.category))
    assert {("support of Russia", "rhetoric"), ("Russia", "actor")} <= pairs


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("North Korea did not launch a ballistic missile on Monday.", "ballistic missile", True),
        ("There was no sign of a nuclear test at the site.", "nuclear test", True),
        ("The North never fired a cruise missile that day.", "cruise missile", True),
        ("Seoul said Pyongyang didn’t test-fire anything.", "test-fire", True),
        ("It fired a ballistic missile, not a satellite.", "ballistic missile", False),
        (
            "It was not clear, but officials said a ballistic missile flew.",
            "ballistic missile",
            False,
        ),
        (
            "It has not, experts say, been seen for years that a nuclear test was planned.",
            "nuclear test",
            False,
        ),
        ("North Korea fired a ballistic missile on Monday.", "ballistic missile", False),
    ],
)
def test_negation(text, phrase, expected):
    m = ak.tag(frame(text))
    row = m[m.matched == phrase]
    assert len(row) == 1 and bool(row.negated.iloc[0]) is expected


def test_tag_counts_wide_by_tag_category_and_speaker(seed_matches, seed_articles):
    by_tag = ak.tag_counts(seed_matches)
    aid = seed_articles.article_id[0]
    assert by_tag.loc[aid, "threat"] == 1
    assert by_tag.loc[aid, "hostility_accusation"] == 3  # not the reporter's "hostilities"
    assert by_tag.loc[aid, "alignment"] == 2
    assert by_tag.dtypes.eq("int64").all() and by_tag.index.name == "article_id"
    by_cat = ak.tag_counts(seed_matches, by="category")
    assert by_cat.loc[aid].sum() == len(seed_matches)
    both = ak.tag_counts(seed_matches, by=["speaker_group", "tag"])
    assert both.loc[aid, ("us_gov", "diplomatic_outreach")] == 1
    assert both.loc[aid, ("dprk_state", "threat")] == 1


def test_tag_counts_keeps_articles_without_matches_and_can_drop_negated():
    arts = frame("Nothing here.", "North Korea did not launch a ballistic missile.")
    m = ak.tag(arts)
    counts = ak.tag_counts(m, articles=arts)
    assert list(counts.index) == ["a0", "a1"] and counts.loc["a0"].sum() == 0
    assert counts.loc["a1", "ballistic"] == 1
    assert "ballistic" not in ak.tag_counts(m, include_negated=False).columns
    with pytest.raises(ValueError, match="no column"):
        ak.tag_counts(m, by="colour")


def test_tag_counts_with_articles_loses_no_match():
    """A match of an article missing from `articles` is an error, not a row dropped."""
    arts = frame("North Korea fired a ballistic missile.", "It fired another ballistic missile.")
    m = ak.tag(arts)
    with pytest.raises(ValueError, match=r"2 match\(es\) of 1 article\(s\).*'a1'"):
        ak.tag_counts(m, articles=arts[arts["article_id"] == "a0"])
    with pytest.raises(ValueError, match="lacks column"):
        ak.tag_counts(m, articles=arts[["text"]])


def test_kwic_by_tag_and_pattern(seed_articles, seed_text):
    k = ak.kwic(seed_articles, "alignment", window=3)
    assert list(k.columns) == ["article_id", "date", "start", "end", "pre", "keyword", "post"]
    assert list(k.keyword) == ["support of Russia", "co-operation with Russia"]
    assert list(k.pre) == ["preoccupied with his", "Korea’s current solid"]
    assert k.post[0] == "’s war against"
    assert all(seed_text[s:e] == kw for s, e, kw in zip(k.start, k.end, k.keyword))
    assert (k.date == pd.Timestamp("2025-02-28")).all()
    g = ak.kwic(seed_articles, "provocat*")
    assert list(g.keyword) == ["provocations"]
    assert len(g.pre[0].split()) == 8
    assert g.post[0] == "targeting North Korea since Mr Trump took power."


def test_chunked_output_equals_whole(monkeypatch):
    texts = [
        "KCNA said the North test-fired a Hwasong-18 ICBM. " * (i % 5 + 1)
        + "Experts say talks with Washington would not resume. " * (i % 3)
        for i in range(60)
    ]
    arts = frame(*texts)
    serial, whole_sentences = ak.tag(arts), ak.sentences(arts)
    monkeypatch.setattr(
        sys.modules["analystkit.splitting"], "_CHUNK_CHARS", 300
    )  # many small chunks
    pd.testing.assert_frame_equal(ak.tag(arts), serial)
    pd.testing.assert_frame_equal(ak.sentences(arts), whole_sentences)
    assert np.array_equal(serial.groupby("article_id").size().loc[["a0", "a1"]].to_numpy(), [5, 12])


# The chain: tag() takes the sentences frame and gives what it gives from the articles.
CHAIN_TEXTS = (
    "Pyongyang, March 3 (KCNA) -- The puppet warmongers are escalating the confrontation. "
    "The ministry said the country is prepared to use its nuclear weapons.",
    "Written for this test. North Korea did not fire a missile on Monday, officials said.\n\n"
    '"We will reach out to Pyongyang," the envoy told reporters.   Sanctions stay.',
    "",
    "Analysts said the provocations were aimed at Washington. He said of the North Koreans "
    "that their strategic means were growing.",
)


def test_tag_of_sentences_equals_tag_of_articles(seed_articles):
    written_here = frame(*CHAIN_TEXTS).assign(source=["KCNA", "", "", ""])
    for articles in (seed_articles, written_here):
        sentences = ak.sentences(articles)
        pd.testing.assert_frame_equal(ak.tag(sentences), ak.tag(articles))


def test_tag_of_sentences_keeps_the_speakers_it_was_given():
    sentences = ak.sentences(
        frame("The ministry said the country is prepared to use its nuclear weapons.")
    )
    assert "threat" in set(ak.tag(sentences)["tag"])
    narration = sentences.assign(speaker="", speaker_group="media", attribution="default")
    assert "threat" not in set(ak.tag(narration)["tag"])  # no one's stance: a topic


def test_tag_of_sentences_in_any_order_within_articles_is_in_text_order():
    sentences = ak.sentences(frame(*CHAIN_TEXTS))
    backwards = sentences.sort_values(["article_id", "sentence_id"], ascending=[True, False])
    pd.testing.assert_frame_equal(ak.tag(backwards), ak.tag(sentences))


def test_overlapping_sentences_are_not_a_sentences_frame():
    sentences = ak.sentences(frame("One sentence here. Another one there."))
    broken = sentences.assign(start=0)
    with pytest.raises(ValueError, match="sentences overlap"):
        ak.tag(broken)
