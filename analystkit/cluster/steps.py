"""The kit's public functions over Dask DataFrames: partition-wise maps whose `meta` is
the function's own result on the zero-row input, so the columns follow the pandas path
whatever they become; dedupe across partitions; counts reduced over partitions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from distributed import get_client

import analystkit as ak
from analystkit.events import EventRules, load_event_rules
from analystkit.lexicon import Lexicon, as_lexicon


def ship(obj: Any) -> Any:
    """`obj` sent to every worker of the current client once (a Future that tasks take as
    an argument), or `obj` itself when no client runs (Dask's local schedulers)."""
    try:
        client = get_client()
    except ValueError:
        return obj
    return client.scatter(obj, broadcast=True, hash=False)


def map_articles(
    articles: dd.DataFrame, func: Callable[[pd.DataFrame, Any], pd.DataFrame], shared: Any
) -> dd.DataFrame:
    """func(partition, shared) on every partition; `shared` (a lexicon, rules) is shipped
    to the workers once, and meta is func on the empty articles frame."""
    meta = func(articles._meta, shared)
    return articles.map_partitions(func, ship(shared), meta=meta, align_dataframes=False)


def _sentences(part: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    return ak.sentences(part, lexicon)


def _tag(part: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    return ak.tag(part, lexicon)


def _extract_events(part: pd.DataFrame, rules: EventRules) -> pd.DataFrame:
    return ak.extract_events(part, rules=rules)


def sentences(articles: dd.DataFrame, lexicon: Lexicon | str | Path | None = None) -> dd.DataFrame:
    """`ak.sentences` on every partition of the articles."""
    return map_articles(articles, _sentences, as_lexicon(lexicon))


def tag(articles: dd.DataFrame, lexicon: Lexicon | str | Path | None = None) -> dd.DataFrame:
    """`ak.tag` on every partition of the articles."""
    return map_articles(articles, _tag, as_lexicon(lexicon))


def extract_events(articles: dd.DataFrame, rules: EventRules | None = None) -> dd.DataFrame:
    """`ak.extract_events` on every partition of the articles."""
    return map_articles(articles, _extract_events, rules or load_event_rules())


def dedupe_events(events: dd.DataFrame, window_days: int = 1) -> dd.DataFrame:
    """`ak.dedupe_events` across partitions: the events are shuffled so that all of one
    event_type (so all of one day) meet in one partition, then deduplicated there. Reports
    of different types never merge, so the rows equal the pandas path's. `events` should
    be persisted: a row of it gives the meta. Columns kept from the events keep their
    dtypes (a partition's all-NA column would otherwise be object)."""
    sample = events.head(1, npartitions=-1)
    meta = _typed(ak.dedupe_events(sample, window_days).iloc[:0], events._meta)
    by_type = events.shuffle(
        "event_type", npartitions=max(1, events.npartitions), shuffle_method="tasks"
    )
    return by_type.map_partitions(_dedupe, window_days, meta, meta=meta, align_dataframes=False)


def _dedupe(part: pd.DataFrame, window_days: int, meta: pd.DataFrame) -> pd.DataFrame:
    return _typed(ak.dedupe_events(part, window_days), part) if len(part) else meta


def _typed(frame: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """`frame` with the dtypes of `like` for the columns they share."""
    return frame.astype({c: like[c].dtype for c in frame.columns if c in like.columns})


def count_events(distinct: dd.DataFrame, **options: Any) -> pd.DataFrame:
    """`ak.count_events(distinct_events, **options)`: the distinct events (one row per
    real event, a small table) are gathered and counted once, so the zero-filled periods
    and the column order are the pandas path's."""
    return ak.count_events(distinct.compute(), **options)


def tag_counts(
    matches: dd.DataFrame, by: str | list[str] = "tag", include_negated: bool = True
) -> pd.DataFrame:
    """`ak.tag_counts` of each partition (an article's matches share one), concatenated:
    one row per article with a match, one int64 column per value of `by`."""
    parts = [
        dask.delayed(ak.tag_counts)(p, by, include_negated=include_negated)
        for p in matches.to_delayed()
    ]
    return dask.delayed(_concat_counts)(parts).compute()


def _concat_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    wide = pd.concat(parts).fillna(0).sort_index().sort_index(axis=1)
    return wide.astype(np.int64)
