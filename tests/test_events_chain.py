"""extract_events as a step of the chain: the sentences frame (with the articles that
date it) gives the same events as the articles; texts written by this project."""

from __future__ import annotations

import pandas as pd
import pytest
from facts import written

import analystkit as ak

OURS = written(
    (
        "2025-03-14",
        "North Korea launched two short-range ballistic missiles toward the sea on "
        "Wednesday, the military in Seoul told reporters. Officials in Tokyo said the "
        "North had not warned shipping beforehand.",
    ),
    (
        "2025-03-15",
        "Pyongyang, March 15 (KCNA) -- The Missile General Bureau test-fired a new "
        "cruise missile on Friday, the agency said. The test did not affect the security "
        "of neighbouring countries.",
    ),
    (
        "2025-03-16",
        "Analysts believe the North could fire an ICBM within weeks. It never launched a "
        "satellite in January, a ministry spokesperson added.",
    ),
    ("2025-03-17", "A quiet weekend in the capital, with no military news at all."),
)


@pytest.mark.parametrize("which", ["seed", "ours"])
def test_the_chain_gives_the_events_of_the_articles(which, seed_articles):
    articles = seed_articles if which == "seed" else OURS
    sents = ak.sentences(articles)
    chained = ak.extract_events(sents, articles=articles)
    pd.testing.assert_frame_equal(chained, ak.extract_events(articles))
    pd.testing.assert_frame_equal(chained, ak.extract_events(articles, sentences=sents))
    if which == "ours":
        assert set(chained["event_type"]) >= {"missile_launch"}
    mentions = ak.extract_events(sents, articles=articles, all_mentions=True)
    pd.testing.assert_frame_equal(mentions, ak.extract_events(articles, all_mentions=True))
    matches = ak.tag(sents)  # the classes from the matches, not a second scan
    pd.testing.assert_frame_equal(
        ak.extract_events(sents, articles=articles, matches=matches), chained
    )
    pd.testing.assert_frame_equal(
        ak.extract_events(sents, articles=articles, matches=matches, all_mentions=True), mentions
    )


CLASSES = written(
    (
        "2025-04-02",
        "Seoul said the projectile the North fired on Tuesday was not an ICBM but a "
        "short-range ballistic missile. A hypersonic glide vehicle was tested in January.",
    ),
    (
        "2025-04-03",
        "The North launched an intercontinental ballistic missile and a cruise missile "
        "on Wednesday, the Japanese defence ministry said.",
    ),
    ("2025-04-04", "North Korea fired a missile on Thursday; it named no type."),
)


def test_classes_from_the_matches_are_the_classes_of_the_clause():
    sents = ak.sentences(CLASSES)
    events = ak.extract_events(sents, articles=CLASSES, matches=ak.tag(sents))
    pd.testing.assert_frame_equal(events, ak.extract_events(CLASSES))
    launches = events[events["event_type"] == "missile_launch"]
    by_day = dict(zip(launches["date"].dt.strftime("%m-%d"), launches["missile_class"]))
    assert by_day["04-01"] == "srbm"  # the denied ICBM is not its class
    assert by_day["04-02"] == "icbm"  # the most capable class named wins
    assert pd.isna(by_day["04-03"])


def test_matches_without_weapon_classes_are_refused():
    sents = ak.sentences(CLASSES)
    matches = ak.tag(sents)
    wrong = matches.assign(tag=matches["tag"].where(matches["category"] != "weapon", "sword"))
    with pytest.raises(ValueError, match="not missile classes"):
        ak.extract_events(sents, articles=CLASSES, matches=wrong)
    with pytest.raises(ValueError, match="matches"):
        ak.extract_events(sents, articles=CLASSES, matches=matches.drop(columns="category"))


def test_a_sentences_frame_without_its_articles_says_what_it_needs():
    with pytest.raises(ValueError, match="needs articles="):
        ak.extract_events(ak.sentences(OURS))


def test_arguments_given_twice_or_not_at_all_are_errors():
    sents = ak.sentences(OURS)
    with pytest.raises(ValueError, match="given twice"):
        ak.extract_events(sents, articles=OURS, sentences=sents)
    with pytest.raises(ValueError, match="given twice"):
        ak.extract_events(OURS, articles=OURS)
    with pytest.raises(ValueError, match="needs articles or a sentences frame"):
        ak.extract_events()


def test_articles_may_be_passed_by_keyword():
    pd.testing.assert_frame_equal(ak.extract_events(articles=OURS), ak.extract_events(OURS))
