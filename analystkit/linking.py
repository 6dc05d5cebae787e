"""News launches from articles tied to the chronology's Korea-time launch days
(link_events)."""

from __future__ import annotations

import bisect
import warnings

import pandas as pd

from analystkit.dates import HISTORICAL_DAYS
from analystkit.frames import require_columns
from analystkit.vocab import DPRK, LAUNCH_TYPES

LINK_COLUMNS = ["linked_date", "linked_class", "link_status", "link_note"]
LINK_STATUSES = ("exact", "time zone", "period", "none")
_LINK_DTYPES = {
    "linked_date": "datetime64[us]",
    "linked_class": "str",
    "link_status": "str",
    "link_note": "str",
}
"""The link columns' dtypes, whatever links (none, some or no news launch at all)."""


def news_launches(events: pd.DataFrame) -> pd.DataFrame:
    """The events an article reports as news launches: launch event types, realis
    actual (recent), by North Korea."""
    require_columns(events, ["event_type", "realis", "actor"], "events")
    news = (
        events["event_type"].isin(LAUNCH_TYPES)
        & (events["realis"] == "actual")
        & (events["actor"] == DPRK)
    )
    return events[news].reset_index(drop=True)


def link_events(events: pd.DataFrame, chronology: pd.DataFrame) -> pd.DataFrame:
    """The news launches of `events` (see news_launches), each tied to a launch day of
    the chronology (its counted rows), with columns linked_date, linked_class (the
    chronology's), link_status and link_note:

    - exact: the event's day is a chronology day;
    - time zone: the day before or after is (a US-dated report of a Korean morning
      launch is a day early);
    - period: a vaguer date ("last week", "earlier this month", or unresolved: the
      article reports a launch without its day) holds chronology days within the
      HISTORICAL_DAYS (7) before the report (or the day after it: a US-dated report of
      a Korean launch); the latest is taken, and link_note says how many there were;
    - none: no chronology day fits: the launch is listed for curation (also in
      `attrs["for_curation"]`, with a warning), never dropped.

    A chronology day of the same event type is preferred; a missile launch reported of
    a satellite launch day (or the reverse) links when no day of its own type fits.

    Parameters
    ----------
    events : pandas.DataFrame
        An events frame (``ak.extract_events``): needs ``event_type``, ``realis``,
        ``actor``, ``date``, ``date_last``, ``date_precision``, ``report_date``.
    chronology : pandas.DataFrame
        A launch chronology (``ak.load_chronology()``): ``date``, ``event_type``,
        ``missile_class``; only rows with a true ``counted`` are used when it has one.

    Returns
    -------
    pandas.DataFrame
        The news launches (launch types, realis "actual", actor "DPRK") on a
        RangeIndex, with the events' columns plus ``linked_date`` (datetime64[us]; NaT
        for none), ``linked_class`` (str; NA when the day has no class), ``link_status``
        (str: exact, time zone, period, none) and ``link_note`` (str): these dtypes
        whether some, none or no launch links. The unlinked rows are also in
        ``attrs["for_curation"]``.

    Raises
    ------
    ValueError
        `events` or `chronology` lacks a column it needs.
    TypeError
        `events` or `chronology` is not a DataFrame.

    Warns
    -----
    UserWarning
        When some news launch matches no chronology day.

    Examples
    --------
    >>> import analystkit as ak
    >>> events = ak.extract_events(ak.load_articles(ak.SEEDS_DIR))
    >>> launches = events[events["event_type"] == "missile_launch"]
    >>> linked = ak.link_events(launches, ak.load_chronology())
    >>> str(linked.loc[0, "linked_date"].date()), linked.loc[0, "link_status"]
    ('2025-02-26', 'exact')
    """
    require_columns(events, ["date", "date_last", "date_precision", "report_date"], "events")
    require_columns(chronology, ["date", "event_type", "missile_class"], "chronology")
    news = news_launches(events)
    days = _launch_days(chronology)
    others = {  # per event type: the other types' days, sorted once
        kind: sorted(d for other, rows in days.items() if other != kind for d in rows)
        for kind in days
    }
    links = _links(news, days, others)
    linked = news.assign(
        **{
            c: pd.Series([link[i] for link in links], index=news.index, dtype=_LINK_DTYPES[c])
            for i, c in enumerate(LINK_COLUMNS)
        }
    )
    unlinked = linked[linked["link_status"] == "none"]
    linked.attrs["for_curation"] = unlinked
    if len(unlinked):
        warnings.warn(
            f"link_events: {len(unlinked)} news launch(es) match no chronology "
            "day; listed in attrs['for_curation']",
            stacklevel=2,
        )
    return linked


def _launch_days(chronology: pd.DataFrame) -> dict[str, list[tuple[pd.Timestamp, str]]]:
    """event_type -> sorted (day, class) of the chronology's counted launch rows."""
    frame = chronology
    if "counted" in frame:
        frame = frame[frame["counted"].astype(bool)]
    frame = frame[frame["event_type"].isin(LAUNCH_TYPES) & frame["date"].notna()]
    out: dict[str, list[tuple[pd.Timestamp, str]]] = {t: [] for t in LAUNCH_TYPES}
    for day, kind, cls in zip(
        frame["date"].dt.normalize(), frame["event_type"], frame["missile_class"]
    ):
        out[kind].append((day, cls if isinstance(cls, str) else ""))
    return {kind: sorted(set(rows)) for kind, rows in out.items()}


_ROW_READ = ["event_type", "date_precision", "date", "date_last", "report_date"]


def _links(
    news: pd.DataFrame,
    days: dict[str, list[tuple[pd.Timestamp, str]]],
    others: dict[str, list[tuple[pd.Timestamp, str]]],
) -> list[tuple]:
    """_link of each row of `news`, worked out once per event type and day (a day-precise
    date) or period (date, date_last and report_date): many reports tell of one launch."""
    found: dict[tuple, tuple] = {}
    links = []
    for row in news[_ROW_READ].itertuples():  # the columns _link reads only: less per row
        key: tuple = (row.event_type, row.date_precision, row.date)
        if row.date_precision != "day":
            key += (row.date_last, row.report_date)
        if key not in found:
            found[key] = _link(row, days, others)
        links.append(found[key])
    return links


def _link(
    row,
    days: dict[str, list[tuple[pd.Timestamp, str]]],
    others: dict[str, list[tuple[pd.Timestamp, str]]],
) -> tuple:
    own, other = days[row.event_type], others[row.event_type]
    for rows, note in ((own, ""), (other, f"a {_other(row.event_type)} day")):
        found = _day_link(row, rows) if row.date_precision == "day" else _period_link(row, rows)
        if found:
            (day, cls), status, why = found
            return day, cls or None, status, "; ".join(x for x in (why, note) if x)
    return pd.NaT, None, "none", "no chronology launch day fits; curate"


_SHIFTS = [  # the text's day, then the day after and before: (days, as a Timedelta, status)
    (shift, pd.Timedelta(days=shift), status)
    for shift, status in ((0, "exact"), (1, "time zone"), (-1, "time zone"))
]


def _day_link(row, rows: list[tuple[pd.Timestamp, str]]) -> tuple | None:
    day = pd.Timestamp(row.date).normalize()
    for shift, by, status in _SHIFTS:
        hit = _between(rows, day + by, day + by)
        if hit:
            why = "" if shift == 0 else f"the text's day {day:%Y-%m-%d} {shift:+d} day"
            return hit[-1], status, why
    return None


def _period_link(row, rows: list[tuple[pd.Timestamp, str]]) -> tuple | None:
    report = pd.Timestamp(row.report_date).normalize()
    first = report - pd.Timedelta(days=HISTORICAL_DAYS)
    if pd.notna(row.date):
        first = max(first, pd.Timestamp(row.date).normalize())
    # a US-dated report may name a Korean day one after its own date
    last = min(report, pd.Timestamp(row.date_last).normalize()) + pd.Timedelta(days=1)
    hit = _between(rows, first, last)
    if not hit:
        return None
    return hit[-1], "period", (f"the latest of {len(hit)} days {first:%Y-%m-%d}..{last:%Y-%m-%d}")


def _between(
    rows: list[tuple[pd.Timestamp, str]], first: pd.Timestamp, last: pd.Timestamp
) -> list[tuple[pd.Timestamp, str]]:
    return rows[bisect.bisect_left(rows, (first, "")) : bisect.bisect_right(rows, (last, "~"))]


def _other(event_type: str) -> str:
    return "satellite launch" if event_type == "missile_launch" else "missile launch"
