"""What the kit reports on the dev corpora: its own public functions run once, in the
frames the scorer reads. Nothing here analyses text."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import analystkit as ak
from analystkit.vocab import LAUNCH_TYPES


@dataclass(frozen=True)
class KitRun:
    """The kit's output on a set of articles."""
    sentences: pd.DataFrame   # ak.sentences
    matches: pd.DataFrame     # ak.tag
    events: pd.DataFrame      # ak.extract_events
    launches: pd.DataFrame    # news_launches(events)
    claims: pd.DataFrame      # ak.check_claims, with the chronology given


def news_launches(events: pd.DataFrame) -> pd.DataFrame:
    """The events the kit reports as news launches, the rows scored against the gold's
    new launches: launch event types, not historical, dated at day precision.

    The one definition of "news launch" in the evaluation; when events gain a realis
    column and link_events, this is the function to change."""
    news = (events["event_type"].isin(LAUNCH_TYPES) & ~events["historical"].astype(bool)
            & (events["date_precision"] == "day"))
    return events[news].reset_index(drop=True)


def run_kit(articles: pd.DataFrame, chronology: pd.DataFrame) -> KitRun:
    """Sentences, lexicon matches, events, news launches and claims of `articles`;
    claims are checked against `chronology` (dev_chronology for the dev corpora)."""
    sentences = ak.sentences(articles)
    events = ak.extract_events(articles, sentences=sentences)
    return KitRun(sentences=sentences, matches=ak.tag(articles), events=events,
                  launches=news_launches(events),
                  claims=ak.check_claims(articles, chronology))
