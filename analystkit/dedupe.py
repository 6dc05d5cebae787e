"""De-duplication of extracted events across articles (dedupe_events).

Reports of one event in many articles become one row: same event_type, compatible
missile classes, dates within a window (or, for a month or a year, the one event of that
period they can belong to).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analystkit.dates import period
from analystkit.events import EVENT_COLUMNS, PRECISION_RANK, compatible_class, more_specific
from analystkit.frames import require_columns


def dedupe_events(events: pd.DataFrame, window_days: int = 1) -> pd.DataFrame:
    """One row per distinct event: reports of one event_type with compatible missile
    classes (NA fits any; "ballistic" fits any ballistic class) whose day-precision dates
    lie within `window_days` of the first report are merged. A month- or year-precision
    report joins the one event of its period it can belong to; if there are none or
    several, it stays a row of its own. The row keeps the most precise date (the most
    reported day, earliest on a tie) and adds n_reports (distinct articles) and
    article_ids ("|"-joined, sorted: parquet-safe). historical is False if any report
    was news. report_date, when the events have it, is the earliest report's date: the
    event happened by then, so ``ak.link_events`` can read a vague date from it.

    Parameters
    ----------
    events : pandas.DataFrame
        An events frame (``ak.extract_events``), possibly of many corpora concatenated:
        every events column (``report_date`` may be left out); ``date`` and
        ``report_date`` as datetimes.
    window_days : int, default 1
        How many days apart day-precision reports of one event may be (0 or more).

    Returns
    -------
    pandas.DataFrame
        The events columns (the head report's values; ``report_date``, when given, the
        earliest report's date, of the events' dtype), plus ``n_reports`` (int64) and
        ``article_ids`` (str), sorted by date then event_type on a RangeIndex.

    Raises
    ------
    ValueError
        A column is missing, `window_days` is negative, or a ``date_precision`` is not
        one of day, week, month, year, unresolved.
    TypeError
        `events` is not a DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> import analystkit as ak
    >>> events = ak.extract_events(ak.load_articles(ak.SEEDS_DIR))
    >>> launch = events[events["event_type"] == "missile_launch"]
    >>> twice = pd.concat([launch, launch.assign(article_id="another report")])
    >>> ak.dedupe_events(twice)[["event_type", "n_reports"]].values.tolist()
    [['missile_launch', 2]]
    """
    require_columns(events, EVENT_COLUMNS[:-1], "events")
    if window_days < 0:
        raise ValueError(f"window_days must be >= 0, got {window_days}")
    reported = "report_date" in events.columns  # optional: kept, as the earliest, if given
    columns = EVENT_COLUMNS if reported else EVENT_COLUMNS[:-1]
    heads = cluster_reports(events[cluster_columns(events)], window_days)
    out = events[columns].iloc[heads["row"].to_numpy()].reset_index(drop=True)
    for column in heads.columns.drop("row"):
        out[column] = heads[column].array
    return out.sort_values(DISTINCT_ORDER, kind="stable", ignore_index=True)


DISTINCT_ORDER = ["date", "event_type"]
"""How the distinct events are sorted (stable: ties in the order first met)."""


def cluster_reports(reports: pd.DataFrame, window_days: int = 1) -> pd.DataFrame:
    """The clustering of dedupe_events, on the columns it reads (cluster_columns: with
    report_date when given): one row per distinct event, in the order the events were
    first met, with ``row`` (the position of its head report in `reports`) and the
    columns merging decides (missile_class, historical, n_reports, article_ids, and
    report_date if given). The Dask path clusters this slim copy of the events (no
    evidence text) and joins the head reports' other columns afterwards."""
    reported = "report_date" in reports.columns
    dtypes = {**_DTYPES, "report_date": reports["report_date"].dtype} if reported else _DTYPES
    rank = reports["date_precision"].map(PRECISION_RANK)
    if rank.isna().any():
        bad = sorted(set(reports["date_precision"][rank.isna()].astype(str)))
        raise ValueError(
            f"events: unknown date_precision {bad} (expected {', '.join(PRECISION_RANK)})"
        )
    slim = reports.assign(_rank=rank.to_numpy(), _row=np.arange(len(reports)))
    slim = slim.sort_values(["_rank", "date", "article_id", "sentence_id"], kind="stable")
    r = _Reports(*(slim[c].tolist() for c in (*_CLUSTER_KEYS, "_rank", "_row")))
    r.report_date = slim["report_date"].tolist() if reported else None
    del slim  # clustering reads the lists: memory follows the events' count, not their text
    window = pd.Timedelta(days=window_days)
    clusters: list[list[int]] = []  # each cluster's reports, as positions in `r`
    classes: list[str | None] = []  # each cluster's class so far
    dated: dict[str, list[tuple[pd.Timestamp, int]]] = {}  # type -> sorted (date, cluster)
    for i, date in enumerate(r.date):
        cls = None if pd.isna(r.missile_class[i]) else r.missile_class[i]
        precision, own_rank = r.date_precision[i], r.rank[i]
        home = None
        if pd.notna(date):
            index = dated.setdefault(r.event_type[i], [])
            if precision == "day":
                lo, hi = date - window, date + window
            else:
                lo, hi = period(date, precision)
            fits = [
                k
                for _, k in index[
                    bisect.bisect_left(index, (lo, -1)) : bisect.bisect_right(
                        index, (hi, len(clusters))
                    )
                ]
                if compatible_class(classes[k], cls) and r.rank[clusters[k][0]] <= own_rank
            ]
            if fits and (precision == "day" or len(fits) == 1):
                home = min(fits)
        if home is None:
            home = len(clusters)
            clusters.append([])
            classes.append(None)
            if pd.notna(date):
                bisect.insort(index, (date, home))
        clusters[home].append(i)
        classes[home] = more_specific(classes[home], cls)
    merged = [_cluster_row(c, k, r) for c, k in zip(clusters, classes)]
    heads = {"row": pd.array([row for row, _ in merged], dtype="int64")}
    for column, dtype in dtypes.items():
        heads[column] = pd.array([extra[column] for _, extra in merged], dtype=dtype)
    return pd.DataFrame(heads)


_CLUSTER_KEYS = [
    "date",
    "date_precision",
    "event_type",
    "missile_class",
    "article_id",
    "historical",
]


def cluster_columns(events: pd.DataFrame) -> list[str]:
    """The columns of `events` that cluster_reports reads (report_date when they have
    it): memory follows the events' count, not their evidence text."""
    extra = ["report_date"] if "report_date" in events.columns else []
    return [*_CLUSTER_KEYS, "sentence_id", *extra]


_DTYPES = {"missile_class": "str", "historical": "bool", "n_reports": "int64", "article_ids": "str"}
"""The dtypes of the columns merging decides (report_date keeps the events' dtype); the
merged row's other columns come from its head report."""


@dataclass
class _Reports:
    """The reports in clustering order, one list per column (no dict per report)."""

    date: list
    date_precision: list
    event_type: list
    missile_class: list
    article_id: list
    historical: list
    rank: list
    row: list  # the report's position in the events given
    report_date: list | None = None


def _cluster_row(members: list[int], cls: str | None, r: _Reports) -> tuple[int, dict]:
    """The merged row's head report (its row in the events: the most precise, most
    reported date, earliest on a tie) and the columns merging decides."""
    rank = min(r.rank[m] for m in members)
    days = Counter(r.date[m] for m in members if r.rank[m] == rank)
    day = min(days, key=lambda d: (-days[d], d)) if days else pd.NaT
    head = next((m for m in members if r.rank[m] == rank and r.date[m] == day), members[0])
    ids = sorted({r.article_id[m] for m in members})
    extra = {
        "missile_class": cls,
        "historical": all(r.historical[m] for m in members),
        "n_reports": len(ids),
        "article_ids": "|".join(ids),
    }
    if r.report_date is not None:
        reported = [r.report_date[m] for m in members if pd.notna(r.report_date[m])]
        extra["report_date"] = min(reported) if reported else pd.NaT
    return r.row[head], extra
