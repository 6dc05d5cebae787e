"""De-duplication of extracted events across articles (dedupe_events).

Reports of one event in many articles become one row: same event_type, compatible
missile classes, dates within a window (or, for a month or a year, the one event of that
period they can belong to).
"""

from __future__ import annotations

import bisect
from collections import Counter

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
    dtypes = {**_DTYPES, "report_date": events["report_date"].dtype} if reported else _DTYPES
    frame = events.assign(_rank=events["date_precision"].map(PRECISION_RANK))
    if frame["_rank"].isna().any():
        bad = sorted(set(events["date_precision"][frame["_rank"].isna()].astype(str)))
        raise ValueError(
            f"events: unknown date_precision {bad} (expected {', '.join(PRECISION_RANK)})"
        )
    frame = frame.sort_values(["_rank", "date", "article_id", "sentence_id"], kind="stable")
    window = pd.Timedelta(days=window_days)
    clusters: list[list[dict]] = []
    classes: list[str | None] = []  # each cluster's class so far
    dated: dict[str, list[tuple[pd.Timestamp, int]]] = {}  # type -> sorted (date, cluster)
    keys = _CLUSTER_KEYS + (["report_date"] if reported else [])
    slim = frame[keys].assign(_row=np.arange(len(frame)))  # evidence stays out
    for rec in slim.to_dict("records"):
        cls = None if pd.isna(rec["missile_class"]) else rec["missile_class"]
        home = None
        if pd.notna(rec["date"]):
            index = dated.setdefault(rec["event_type"], [])
            if rec["date_precision"] == "day":
                lo, hi = rec["date"] - window, rec["date"] + window
            else:
                lo, hi = period(rec["date"], rec["date_precision"])
            fits = [
                k
                for _, k in index[
                    bisect.bisect_left(index, (lo, -1)) : bisect.bisect_right(
                        index, (hi, len(clusters))
                    )
                ]
                if compatible_class(classes[k], cls) and clusters[k][0]["_rank"] <= rec["_rank"]
            ]
            if fits and (rec["date_precision"] == "day" or len(fits) == 1):
                home = min(fits)
        if home is None:
            home = len(clusters)
            clusters.append([])
            classes.append(None)
            if pd.notna(rec["date"]):
                bisect.insort(index, (rec["date"], home))
        clusters[home].append(rec)
        classes[home] = more_specific(classes[home], cls)
    del slim
    merged = [_cluster_row(c, k) for c, k in zip(clusters, classes)]
    del clusters
    out = frame[columns].iloc[[row for row, _ in merged]].reset_index(drop=True)
    for column, dtype in dtypes.items():
        out[column] = pd.array([extra[column] for _, extra in merged], dtype=dtype)
    return out.sort_values(["date", "event_type"], kind="stable", ignore_index=True)


_CLUSTER_KEYS = [
    "date", "date_precision", "event_type", "missile_class", "article_id", "historical", "_rank"
]  # fmt: skip
_DTYPES = {"missile_class": "str", "historical": "bool", "n_reports": "int64", "article_ids": "str"}
"""What clustering reads of each report (a slim copy: memory follows the events' count,
not their evidence text; with report_date when the events have it), and the dtypes of
the columns merging decides (report_date keeps the events' dtype); the merged row's
other columns come from its head report."""


def _cluster_row(members: list[dict], cls: str | None) -> tuple[int, dict]:
    """The merged row's head report (its row in the sorted events: the most precise,
    most reported date, earliest on a tie) and the columns merging decides."""
    rank = min(m["_rank"] for m in members)
    days = Counter(m["date"] for m in members if m["_rank"] == rank)
    day = min(days, key=lambda d: (-days[d], d)) if days else pd.NaT
    head = next((m for m in members if m["_rank"] == rank and m["date"] == day), members[0])
    ids = sorted({m["article_id"] for m in members})
    extra = {
        "missile_class": cls,
        "historical": all(m["historical"] for m in members),
        "n_reports": len(ids),
        "article_ids": "|".join(ids),
    }
    if "report_date" in head:
        reported = [m["report_date"] for m in members if pd.notna(m["report_date"])]
        extra["report_date"] = min(reported) if reported else pd.NaT
    return head["_row"], extra
