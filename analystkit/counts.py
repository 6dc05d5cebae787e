"""Event counts per year or month (count_events) and which event of its kind one was
(event_ordinal), over an events frame or the curated chronology."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import pandas as pd

from analystkit.events import CLASS_COLUMNS, LAUNCH_TYPES, SATELLITE, UNSTATED
from analystkit.frames import require_columns


def count_events(
    events: pd.DataFrame,
    freq: str = "YS",
    by: str | None = None,
    start=None,
    end=None,
    linked: bool = False,
) -> pd.DataFrame:
    """Events per year ("YS") or month ("MS"), zero-filled from `start` (default: the
    first event) to `end` (default: the last). With `by` ("missile_class",
    "event_type", ...) one column per value (NA → "unstated"), else one column "events".
    By "missile_class" only launches are counted (event_type in LAUNCH_TYPES; a frame
    without event_type is taken as launches): a class breakdown is a launch breakdown.
    Satellite launches get the column "satellite", and the columns follow CLASS_COLUMNS
    (cruise, srbm, ... unknown, satellite, unstated; any other value after them,
    alphabetically).
    Only events from `start` to `end` (inclusive days) are counted, so a first or last
    period cut by them counts only its days in range (end="2024-06-30" gives 2024 the
    events of January to June); a month- or year-precision event that may fall on
    either side of `start`/`end` is left out, with a warning.
    Rows with a `counted` column set to False are left out (the curated chronology's
    air-defence and low-confidence rows); so are undated rows and rows less precise than
    `freq` (a year-precision event has no month), with a warning saying how many.
    `linked=True` counts ak.link_events' output: each linked chronology day once (however
    many articles report it), on that day; unlinked launches are left out.

    Parameters
    ----------
    events : pandas.DataFrame
        An events frame or the chronology: ``date`` (datetimes) and the `by` column;
        ``event_type``, ``date_precision`` and ``counted`` are read when present. With
        `linked`, ``ak.link_events``' output (``linked_date``, ``link_status``,
        ``event_type``).
    freq : {"YS", "MS"}, default "YS"
        Years or months.
    by : str or None, default None
        A column whose values become the count columns; None: one column ``events``.
    start, end : date-like or None, default None
        The first and last day counted (inclusive); None spans the events.
    linked : bool, default False
        Count each linked chronology day once instead of each event.

    Returns
    -------
    pandas.DataFrame
        A DatetimeIndex named ``period`` (each period's first day, none missing); int64
        columns ``events``, or one per value of `by` (columns named `by`).

    Raises
    ------
    ValueError
        `freq` is not "YS" or "MS", a column is missing, a ``counted`` cell is NA, or
        nothing is dated and neither `start` nor `end` is given.
    TypeError
        `events` is not a DataFrame.

    Warns
    -----
    UserWarning
        When undated, too-vague or partly out-of-range rows are left out.

    Examples
    --------
    >>> import analystkit as ak
    >>> counts = ak.count_events(ak.load_chronology(), freq="YS")
    >>> counts.loc["2022":"2024", "events"].tolist()
    [37, 25, 19]
    """
    if freq not in ("YS", "MS"):
        raise ValueError(f"freq must be 'YS' (years) or 'MS' (months), got {freq!r}")
    require_columns(events, ["date"] + ([by] if by else []), "events")
    frame = _linked_days(events) if linked else _counted(events)
    if by == "missile_class" and "event_type" in frame:
        frame = frame[frame["event_type"].isin(LAUNCH_TYPES)]
    too_vague = frame["date"].isna()
    if freq == "MS" and "date_precision" in frame:
        too_vague |= frame["date_precision"] == "year"
    if too_vague.any():
        warnings.warn(
            f"count_events: {int(too_vague.sum())} undated or year-precision "
            f"rows left out of the {freq} counts",
            stacklevel=2,
        )
        frame = frame[~too_vague]
    lo = pd.Timestamp(start).normalize() if start is not None else None
    hi = pd.Timestamp(end).normalize() if end is not None else None
    frame = _within(frame, lo, hi)
    periods = frame["date"].dt.to_period("Y" if freq == "YS" else "M").dt.start_time
    first = lo if lo is not None else periods.min()
    last = hi if hi is not None else periods.max()
    if pd.isna(first) or pd.isna(last):
        raise ValueError("count_events: no dated events and no start/end to span")
    index = pd.date_range(first, last, freq=freq, name="period")
    if len(index) == 0 or index[0] > first:  # start in mid-period: include its period
        index = pd.date_range(
            pd.Period(first, "Y" if freq == "YS" else "M").start_time,
            last,
            freq=freq,
            name="period",
        )
    if by is None:
        counts = periods.value_counts().rename("events").to_frame()
    else:
        keys = frame[by].astype("object").where(frame[by].notna(), UNSTATED)
        if by == "missile_class" and "event_type" in frame:
            keys = keys.where(frame["event_type"] != "satellite_launch", SATELLITE)
        counts = pd.crosstab(periods, keys)
        if by == "missile_class":
            counts = counts[sorted(counts.columns, key=_class_column_rank)]
    counts = counts.reindex(index, fill_value=0).fillna(0).astype("int64")
    counts.columns.name = by
    return counts


def _linked_days(events: pd.DataFrame) -> pd.DataFrame:
    """One row per linked chronology day and event type, on that day."""
    require_columns(events, ["linked_date", "link_status", "event_type"], "linked events")
    frame = events[events["link_status"] != "none"]
    frame = frame.assign(date=frame["linked_date"], date_precision="day")
    if "linked_class" in frame:
        frame = frame.assign(missile_class=frame["linked_class"])
    return frame.drop_duplicates(["date", "event_type"])


def _within(frame: pd.DataFrame, lo: pd.Timestamp | None, hi: pd.Timestamp | None) -> pd.DataFrame:
    """The rows whose date (a day, or the whole month or year of a vaguer date) lies in
    [lo, hi]; rows that may lie on either side are left out with a warning."""
    if lo is None and hi is None:
        return frame
    precision = (
        frame["date_precision"]
        if "date_precision" in frame
        else pd.Series("day", index=frame.index)
    )
    first, last = frame["date"].dt.normalize(), frame["date"].dt.normalize()
    for name, code in (("month", "M"), ("year", "Y")):
        vague = precision == name
        span = frame.loc[vague, "date"].dt.to_period(code)
        first[vague], last[vague] = span.dt.start_time, span.dt.end_time.dt.normalize()
    inside = pd.Series(True, index=frame.index)
    outside = pd.Series(False, index=frame.index)
    if lo is not None:
        inside &= first >= lo
        outside |= last < lo
    if hi is not None:
        inside &= last <= hi
        outside |= first > hi
    straddling = ~inside & ~outside
    if straddling.any():
        warnings.warn(
            f"count_events: {int(straddling.sum())} month- or year-precision rows "
            "left out: partly outside start/end",
            stacklevel=3,
        )
    return frame[inside]


def _class_column_rank(column: object) -> tuple[int, str]:
    """Sort key: CLASS_COLUMNS order, then other values alphabetically."""
    if column in CLASS_COLUMNS:
        return CLASS_COLUMNS.index(column), ""
    return len(CLASS_COLUMNS), str(column)


def event_ordinal(
    events: pd.DataFrame,
    date,
    event_type: str | Iterable[str] = "missile_launch",
    since=None,
    missile_class: str | Iterable[str] | None = None,
) -> int:
    """Which event of its kind was the one on `date`, counting distinct event days from
    `since` (default: 1 January of that year) through `date`: the number of counted days
    before `date` plus one (so it also answers for an event the table lacks).
    `event_type` and `missile_class` take one value or several.

    Parameters
    ----------
    events : pandas.DataFrame
        An events frame or the chronology: ``date`` (datetimes), ``event_type``;
        ``missile_class`` when `missile_class` is given; ``counted`` is honoured.
    date : date-like
        The day of the event in question (its time of day is dropped).
    event_type : str or iterable of str, default "missile_launch"
        The event type(s) counted.
    since : date-like or None, default None
        The first day counted; None is 1 January of `date`'s year.
    missile_class : str, iterable of str or None, default None
        Count only these missile classes; None counts every class.

    Returns
    -------
    int
        1 + the number of distinct counted days from `since` up to the day before `date`.

    Raises
    ------
    ValueError
        `events` lacks ``date`` or ``event_type`` (or ``missile_class`` when
        `missile_class` is given), or a ``counted`` cell is NA.
    TypeError
        `events` is not a DataFrame.

    Examples
    --------
    >>> import analystkit as ak
    >>> chronology = ak.load_chronology()
    >>> ak.event_ordinal(chronology, "2025-02-26")  # the fourth launch day of 2025
    4
    >>> ak.event_ordinal(chronology, "2025-02-26", since="2025-01-20")  # of Trump's second term
    2
    """
    needed = ["date", "event_type"] + (["missile_class"] if missile_class is not None else [])
    require_columns(events, needed, "events")
    date = pd.Timestamp(date).normalize()
    since = pd.Timestamp(since) if since is not None else pd.Timestamp(date.year, 1, 1)
    frame = _counted(events)
    keep = frame["event_type"].isin(_as_set(event_type)) & frame["date"].notna()
    if missile_class is not None:
        keep &= frame["missile_class"].isin(_as_set(missile_class))
    days = frame.loc[keep, "date"].dt.normalize()
    return int(days[(days >= since) & (days < date)].nunique()) + 1


def _counted(events: pd.DataFrame) -> pd.DataFrame:
    if "counted" not in events:
        return events
    counted = events["counted"]
    if counted.isna().any():
        raise ValueError(f"events: {int(counted.isna().sum())} rows have no counted flag")
    return events[counted.astype(bool)]


def _as_set(value: str | Iterable[str]) -> set[str]:
    return {value} if isinstance(value, str) else set(value)
