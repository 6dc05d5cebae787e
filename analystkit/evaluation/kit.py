"""What the kit reports on the dev corpora: its own public functions run once, in the
frames the scorer reads. Nothing here analyses text."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import pandas as pd

import analystkit as ak
from analystkit.vocab import DPRK


@dataclass(frozen=True)
class KitRun:
    """The kit's output on a set of articles."""

    sentences: pd.DataFrame  # ak.sentences
    matches: pd.DataFrame  # ak.tag
    events: pd.DataFrame  # ak.extract_events
    launches: pd.DataFrame  # news_launches(events, chronology)
    nuclear_tests: pd.DataFrame  # news_nuclear_tests(events)
    claims: pd.DataFrame  # ak.check_claims, with the chronology given


def news_launches(events: pd.DataFrame, chronology: pd.DataFrame) -> pd.DataFrame:
    """The events the kit reports as news launches, the rows scored against the gold's
    new launches: ak.link_events' rows (launch types, realis actual, by the DPRK), each
    on its linked Korea-time day, else on its own day when that is day-precise (an
    unlinked launch the text dates); an unlinked vaguer date is no day to score.

    The one definition of "news launch" in the evaluation."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        linked = ak.link_events(events, chronology)
    own_day = linked["date"].where(linked["date_precision"] == "day")
    day = linked["linked_date"].where(linked["link_status"] != "none", own_day)
    return linked.assign(date=day)[day.notna()].reset_index(drop=True)


def news_nuclear_tests(events: pd.DataFrame) -> pd.DataFrame:
    """The events the kit reports as news nuclear tests, the rows scored against the
    gold's new tests: event type nuclear_test, realis actual, by the DPRK; columns
    article_id and day (the event's date when it is day-precise, else NaT: the kit says
    it is the article's news without its day)."""
    tests = events[
        (events["event_type"] == "nuclear_test")
        & (events["realis"] == "actual")
        & (events["actor"] == DPRK)
    ]
    day = tests["date"].where(tests["date_precision"] == "day").dt.normalize()
    return pd.DataFrame({"article_id": tests["article_id"].astype(str), "day": day}).reset_index(
        drop=True
    )


def run_kit(articles: pd.DataFrame, chronology: pd.DataFrame) -> KitRun:
    """Sentences, lexicon matches, events, news launches and claims of `articles`, as the
    chain an analyst runs: each step reads what the step before produced. Claims are
    checked against `chronology` (dev_chronology for the dev corpora)."""
    sentences = ak.sentences(articles)
    matches = ak.tag(sentences)
    events = ak.extract_events(sentences, articles=articles, matches=matches)
    return KitRun(
        sentences=sentences,
        matches=matches,
        events=events,
        launches=news_launches(events, chronology),
        nuclear_tests=news_nuclear_tests(events),
        claims=ak.check_claims(articles, chronology, sentences=sentences, events=events),
    )
