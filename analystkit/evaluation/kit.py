"""What the kit reports on the dev corpora: its own public functions run once, in the
frames the scorer reads. Nothing here analyses text."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import pandas as pd

import analystkit as ak
from analystkit.evaluation.gold import DAY_EVENT_KINDS
from analystkit.vocab import DPRK


@dataclass(frozen=True)
class KitRun:
    """The kit's output on a set of articles."""

    sentences: pd.DataFrame  # ak.sentences
    matches: pd.DataFrame  # ak.tag
    events: pd.DataFrame  # ak.extract_events
    launches: pd.DataFrame  # news_launches(events, chronology)
    day_events: dict[str, pd.DataFrame]  # gold kind -> news_events of its event type
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


def news_events(events: pd.DataFrame, event_type: str, actor: str | None = None) -> pd.DataFrame:
    """The events the kit reports as news of one type, the rows scored against a gold
    of new events by day (nuclear tests: by the DPRK, `actor`; summits, sanctions and
    exercises: anyone's): realis actual; columns article_id and day (the event's date
    when it is day-precise, else NaT: the kit says it is the article's news without its
    day)."""
    news = events[(events["event_type"] == event_type) & (events["realis"] == "actual")]
    if actor is not None:
        news = news[news["actor"] == actor]
    day = news["date"].where(news["date_precision"] == "day").dt.normalize()
    return pd.DataFrame({"article_id": news["article_id"].astype(str), "day": day}).reset_index(
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
        day_events={
            kind: news_events(events, event_type, DPRK if event_type == "nuclear_test" else None)
            for kind, (event_type, _) in DAY_EVENT_KINDS.items()
        },
        claims=ak.check_claims(articles, chronology, sentences=sentences, events=events),
    )
