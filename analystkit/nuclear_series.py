"""Which of the DPRK's nuclear tests a mention names: "its third nuclear test" is the
third listed in data/reference/nuclear_tests.csv, "its latest nuclear test" the last one
listed before the report. extract_events dates such mentions with it, so that the
background of a story ("a month after its fourth nuclear test") is not its news.
"""

from __future__ import annotations

import re

import pandas as pd

from analystkit.dates import HISTORICAL_DAYS, DateMention

_ORDINALS = {
    word: n
    for n, words in enumerate(
        [
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th"),
            ("fifth", "5th"),
            ("sixth", "6th"),
            ("seventh", "7th"),
            ("eighth", "8th"),
            ("ninth", "9th"),
            ("tenth", "10th"),
        ],
        start=1,
    )
    for word in words
}
_ORDINAL = re.compile(
    r"(?:\b(an?)\s+)?\b(" + "|".join(_ORDINALS) + r")\b"
    r"(?:,?\s+(?:and\s+)?(?!and\b)[\w-]+){0,4}?,?\s+\Z",
    re.I,
)
"""An ordinal right before the test: "its sixth and by far its largest"; "a second"
(group 1: "another") names no test of the series, though it may name a future one."""
_OF_A_PERIOD = re.compile(
    r"\s+(?:since|in|of|this|under|during|after|for|within|to)\b|\s+(?:ever\s+)?by\b", re.I
)
"""After the test, the ordinal counts within a period or a reign, not the series: "its
second nuclear test of 2016", "its first nuclear test since 2017", "the first
nuclear test under Kim Jong Un"."""
_LATEST = re.compile(r"\b(?:latest|last|(?:most\s+)?recent|newest)\s+(?:[\w-]+\s+){0,2}\Z", re.I)
"""The newest test before the report: "Pyongyang's latest nuclear test", "the recent North
Korean nuclear test"."""
_SUBSERIES = re.compile(r"hydrogen|h-bomb|thermonuclear", re.I)
"""A test named by a kind of bomb: an ordinal or "latest" before it counts that kind
("its first hydrogen bomb test" is the fourth nuclear test), so the list places none."""
_LOOK_BACK = 60
"""How far (characters) before the test its ordinal or "latest" may start."""
_TIME_ZONE_DAYS = 1
"""A report dated in the Americas can tell of a test on the next Korea-time day."""


class NuclearSeries:
    """The listed tests (default: ak.load_nuclear_tests(), loaded on first need)."""

    def __init__(self, tests: pd.DataFrame | None = None):
        self._tests = tests
        self._days: tuple[list[pd.Timestamp], dict[int, pd.Timestamp]] | None = None

    def days(self) -> tuple[list[pd.Timestamp], dict[int, pd.Timestamp]]:
        """The tests' days in order, and the day of each ordinal."""
        if self._days is None:
            if self._tests is None:
                from analystkit.reference import load_nuclear_tests

                self._tests = load_nuclear_tests()
            days = pd.to_datetime(self._tests["date"]).dt.normalize().tolist()
            self._days = sorted(days), dict(zip(self._tests["ordinal"].astype(int), days))
        return self._days

    def named(
        self, sentence: str, start: int, end: int, report: pd.Timestamp
    ) -> DateMention | None:
        """The listed test that the test mention sentence[start:end] names by its place
        in the series ("its third", "its latest"), as a day-precise date mention of the
        words that name it; None when it names none that had happened by the report."""
        if _SUBSERIES.search(sentence, start, end):
            return None
        before = sentence[max(0, start - _LOOK_BACK) : start]
        latest = _latest_day(report)
        all_days, by_ordinal = self.days()
        m = _ORDINAL.search(before)
        if m and not m.group(1):  # not "a second": another one
            day = by_ordinal.get(_ORDINALS[m.group(2).lower()])
        elif not m and (m := _LATEST.search(before)) and _complete(report):
            day = max((d for d in all_days if d <= latest), default=None)
        else:
            return None
        if day is None or day > latest or _OF_A_PERIOD.match(sentence, end):
            return None
        first = start - len(before) + m.start()
        return DateMention(first, end, sentence[first:end], "reference", day, day, "day")

    def within(
        self, first: pd.Timestamp, last: pd.Timestamp, report: pd.Timestamp
    ) -> DateMention | None:
        """The one listed test inside the period first..last (up to the report's day),
        when the list is complete: "the nuclear test this month" is that test; None when
        the period holds none or several."""
        days = [d for d in self.days()[0] if first <= d <= min(last, _latest_day(report))]
        if len(days) != 1 or not _complete(report):
            return None
        return DateMention(0, 0, "", "reference", days[0], days[0], "day")

    def not_yet(self, sentence: str, start: int, end: int, report: pd.Timestamp) -> bool:
        """Whether the test sentence[start:end] is named by an ordinal of the series ("its
        sixth", "a seventh") that the series had not reached by the report's day."""
        m = _ORDINAL.search(sentence[max(0, start - _LOOK_BACK) : start])
        if (
            m is None
            or _OF_A_PERIOD.match(sentence, end)
            or _SUBSERIES.search(sentence, start, end)
        ):
            return False
        day = self.days()[1].get(_ORDINALS[m.group(2).lower()])
        return day > _latest_day(report) if day is not None else _complete(report)

    def quiet(self, report: pd.Timestamp) -> bool:
        """Whether no listed test may be the report's news while the list is complete:
        a nuclear test it tells as done, undated, is then an earlier one."""
        latest = _latest_day(report)
        recent = [d for d in self.days()[0] if (report - d).days <= HISTORICAL_DAYS and d <= latest]
        return _complete(report) and not recent


def _latest_day(report: pd.Timestamp) -> pd.Timestamp:
    return report + pd.Timedelta(days=_TIME_ZONE_DAYS)


def _complete(report: pd.Timestamp) -> bool:
    """Whether the curated list holds every test up to the report's day."""
    from analystkit.reference import NUCLEAR_TESTS_THROUGH

    return report <= NUCLEAR_TESTS_THROUGH
