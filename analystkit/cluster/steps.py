"""The kit's public functions over Dask DataFrames: partition-wise maps whose `meta` is
the function's own result on the zero-row input, so the columns follow the pandas path
whatever they become; dedupe across partitions; counts reduced over partitions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cloudpickle
import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from distributed import WorkerPlugin, get_client

import analystkit as ak
from analystkit.dedupe import DISTINCT_ORDER, cluster_columns, cluster_reports
from analystkit.event_rules import EventRules, load_event_rules
from analystkit.lexicon import Lexicon, as_lexicon

_SHIPPED: dict[str, Any] = {}
"""On each worker: the lexicons and rules shipped to it, by fingerprint."""


class _Ship(WorkerPlugin):
    """Sent once to every worker (and to workers that join later): keeps `obj` in the
    worker's _SHIPPED under `key`, its fingerprint. Kept for the worker's life (a few
    small objects), so a task never finds it gone while the plugin is registered again."""

    def __init__(self, key: str, obj: Any):
        self.key, self.obj = key, obj

    def setup(self, worker: Any) -> None:
        _SHIPPED.setdefault(self.key, self.obj)


@dataclass(frozen=True)
class Shipped:
    """What a task carries instead of a lexicon or rules: the fingerprint of the object
    its worker already holds."""

    key: str


def ship(obj: Any) -> Any:
    """`obj` sent to every worker of the current client once, as a worker plugin named by
    its fingerprint, and a Shipped handle for the tasks to carry; `obj` itself when no
    client runs (Dask's local schedulers). Not scattered data: the scheduler drops the
    copies no task waits for, so workers would fetch and unpickle it again and again."""
    try:
        client = get_client()
    except ValueError:
        return obj
    blob = cloudpickle.dumps(obj)
    key = f"analystkit-{type(obj).__name__}-{hashlib.sha256(blob).hexdigest()[:16]}"
    client.register_plugin(_Ship(key, obj), name=key)
    return Shipped(key)


def shipped(obj: Any) -> Any:
    """On a worker: the object a Shipped handle names (else `obj` itself)."""
    return _SHIPPED[obj.key] if isinstance(obj, Shipped) else obj


def map_articles(
    articles: dd.DataFrame, func: Callable[[pd.DataFrame, Any], pd.DataFrame], shared: Any
) -> dd.DataFrame:
    """func(partition, shared) on every partition; `shared` (a lexicon, rules) is shipped
    to the workers once, and meta is func on the empty articles frame."""
    meta = func(articles._meta, shared)
    return articles.map_partitions(func, ship(shared), meta=meta, align_dataframes=False)


def _sentences(part: pd.DataFrame, lexicon: Lexicon | Shipped) -> pd.DataFrame:
    return ak.sentences(part, shipped(lexicon))


def _tag(part: pd.DataFrame, lexicon: Lexicon | Shipped) -> pd.DataFrame:
    return ak.tag(part, shipped(lexicon))


def _extract_events(part: pd.DataFrame, rules: EventRules | Shipped) -> pd.DataFrame:
    return ak.extract_events(part, rules=shipped(rules))


def _events_of_sentences(
    part: pd.DataFrame,
    sentences: pd.DataFrame,
    matches: pd.DataFrame | None,
    rules: EventRules | Shipped,
) -> pd.DataFrame:
    return ak.extract_events(sentences, articles=part, matches=matches, rules=shipped(rules))


def sentences(articles: dd.DataFrame, lexicon: Lexicon | str | Path | None = None) -> dd.DataFrame:
    """`ak.sentences` on every partition of the articles."""
    return map_articles(articles, _sentences, as_lexicon(lexicon))


def tag(data: dd.DataFrame, lexicon: Lexicon | str | Path | None = None) -> dd.DataFrame:
    """`ak.tag` on every partition of the articles, or of their sentences (`sentences`
    above: each partition holds whole articles, so it tags them without splitting and
    crediting them again)."""
    return map_articles(data, _tag, as_lexicon(lexicon))


def extract_events(
    articles: dd.DataFrame,
    rules: EventRules | None = None,
    *,
    sentences: dd.DataFrame | None = None,
    matches: dd.DataFrame | None = None,
) -> dd.DataFrame:
    """`ak.extract_events` on every partition of the articles; given their `sentences`
    (and `matches`), made from these articles by `sentences` and `tag` above, it reads
    those partition by partition (the chain: no second split and attribution)."""
    rules = rules or load_event_rules()
    if sentences is None:
        return map_articles(articles, _extract_events, rules)
    meta = _events_of_sentences(
        articles._meta, sentences._meta, None if matches is None else matches._meta, rules
    )
    return articles.map_partitions(
        _events_of_sentences, sentences, matches, ship(rules), meta=meta, align_dataframes=False
    )


def dedupe_events(events: dd.DataFrame, window_days: int = 1) -> dd.DataFrame:
    """`ak.dedupe_events` across partitions, the same rows as the pandas path. Reports
    of different types never merge, so the clustering meets all the reports of one
    event_type in one partition: only the columns it reads travel there (dates, classes,
    article ids: no evidence text), each with a row key; the head reports' other columns
    are joined back by that key (a hash join, partition by partition). Lazy: the metas
    come from the functions themselves on made-up rows, so nothing is computed before
    the whole graph runs. Columns kept from the events keep their dtypes."""
    keyed = events.map_partitions(_with_keys, meta=_with_keys(events._meta, None))
    slim = keyed[[*cluster_columns(events._meta), _KEY]]
    heads_meta = _heads(_one_row(slim._meta), window_days).iloc[:0]
    by_type = slim.shuffle(
        "event_type", npartitions=max(1, events.npartitions), shuffle_method="tasks"
    )
    heads = by_type.map_partitions(_heads, window_days, meta=heads_meta, align_dataframes=False)
    decided = [c for c in heads_meta.columns if c != _KEY]
    rest = keyed[[c for c in keyed.columns if c not in decided]]
    meta = _typed(ak.dedupe_events(_one_row(events._meta), window_days).iloc[:0], events._meta)
    joined = heads.merge(rest, on=_KEY, how="inner", shuffle_method="tasks")
    return joined.map_partitions(_in_order, meta, meta=meta, align_dataframes=False)


_KEY = "_analystkit_row"
"""A column added for the join: each report's partition and position."""


def _with_keys(part: pd.DataFrame, partition_info: dict | None = None) -> pd.DataFrame:
    number = partition_info["number"] if partition_info else 0
    return part.assign(**{_KEY: (number << 32) + np.arange(len(part), dtype=np.int64)})


def _heads(part: pd.DataFrame, window_days: int) -> pd.DataFrame:
    """The head report's key and the columns merging decides, per distinct event."""
    heads = cluster_reports(part.drop(columns=_KEY), window_days)
    return heads.drop(columns="row").assign(**{_KEY: part[_KEY].to_numpy()[heads["row"]]})


def _in_order(part: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """The joined rows as the pandas path gives them: its columns and dtypes, sorted."""
    out = _typed(part[meta.columns], meta)
    return out.sort_values(DISTINCT_ORDER, kind="stable", ignore_index=True)


def _one_row(meta: pd.DataFrame) -> pd.DataFrame:
    """A one-row frame with the columns and dtypes of the zero-row `meta`: a day-precision
    report dated 2000-01-01, empty strings, zeros, False."""
    fill = {"M": pd.Timestamp("2000-01-01"), "i": 0, "u": 0, "f": 0.0, "b": False}
    row = {c: pd.array([fill.get(t.kind, "")], dtype=t) for c, t in meta.dtypes.items()}
    if "date_precision" in row:
        row["date_precision"] = pd.array(["day"], dtype=meta.dtypes["date_precision"])
    return pd.DataFrame(row, columns=meta.columns)


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
