"""Date expressions in news sentences, resolved against the article's date.

`find_dates(text, article_date)` returns every date expression in a sentence with the
period it denotes and its precision (day, month or year). The rules, in the order they
claim text (an earlier rule wins where two overlap):

- ISO dates ("2025-02-26") and news dates ("January 14", "Jan. 14", "14 January",
  "Jan. 14, 2024"). Without a year the article's year is used, or the previous year
  when the month lies after the article's month ("December 30" in a January article is
  last December).
- Weekdays: "on Wednesday" / "Wednesday" is the latest such day on or before the article
  date (a Friday article's "on Friday" is that Friday: the news convention for the day of
  publication), except the day after the article's: a Friday article's "early
  Saturday" is that Saturday (Korea is 13-14 hours ahead of a US newsroom's date; for
  sanctions, voted or signed in the writer's own time, events.py reads it as the latest
  such day: `writers_weekday`; for an event still to come, told before its weekday,
  it reads the coming one: `coming_weekday`);
  "last Saturday" is the latest Saturday strictly before it, and not the day before it
  either (a Friday report's "last Thursday" is a week before "yesterday"; "this past
  Thursday" is yesterday).
- "today", "yesterday", "a day earlier" / "the day before" / "the previous day" (taken
  relative to the article date), "N days ago/earlier".
- Week precision: "last week" (Monday to Sunday of the week before; in a Sunday report,
  the week ending that day, Monday to Saturday), "this week" /
  "earlier this week" (Monday to the article date), "over the weekend" / "last weekend"
  (the latest Saturday and Sunday up to the article date; "this weekend" in a report of
  Tuesday to Friday is the coming one, still to come: `is_ahead`, as is "later this week"
  and "later this month"), "two weeks ago", "just
  days ago" / "a few days ago" (the six days before the article date).
- Month precision: "this month" / "earlier this month", "last month", "in March",
  "March 2024", and "recent"/"recently", dated to the article's month (an approximation:
  early in a month a "recent" event may lie in the month before).
- Year precision: "this year", "last year", "in 2018", ranges "in 2018 and 2019",
  "2018-19", "from 2018 to 2019" (the period runs from the first to the last year).
- Presidential terms: "in his first term", "during Trump's second term" (kind "term"):
  the period is left open (NaT) here, since resolving it needs the milestones table;
  events.py does that.

For speed a rule only runs on a sentence holding one of its cue words (a digit, a
weekday or month name, "day", "month", "year", "recent", "term" ...).

A dateline ("SEOUL, July 4 --", "Pyongyang, September 19 (KCNA) --") dates the report,
not an event: `find_dateline` finds it at the start of an article, and the kit resolves the
article's other dates against it.

A mention right after a reporting verb ("said on Friday", "reported Thursday") is
flagged `reporting=True`: it dates the report, not the event reported.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

import ahocorasick
import pandas as pd
from dateutil.relativedelta import relativedelta

from analystkit.matcher import phrase_pattern  # one way to write a phrase

HISTORICAL_DAYS = 7
"""An event whose period ends more than this many days before the report is background
(docs/annotation.md: a new launch is at most 7 days before the publication day)."""

_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _number(word: str) -> int:
    """A count written in digits or as a word ("3", "three"; "a" and "an" are 1)."""
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1
    )
}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)"
)
_YEAR = r"(?:19|20)\d\d"
_I = "(?i:{})".format  # case-insensitive group inside a case-sensitive pattern

_DIGIT = "0"  # the cue standing for "the sentence holds a digit"
_CUES = {
    "iso": {_DIGIT},
    "year_range": {_DIGIT},
    "year": {_DIGIT},
    "explicit": {
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    },
    "day_range": {"from"},
    "weekday": set(_WEEKDAYS),
    "relative_day": {"today", "yesterday", "day", "days"},
    "relative_week": {"week", "weekend", "weeks", "days"},
    "relative_month": {"month"},
    "recent": {"recent", "recently"},
    "month": {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    },
    "relative_year": {"year"},
    "term": {"term", "presidency", "administration"},
}

# (kind, pattern), in priority order: where two matches overlap, the earlier rule wins.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern))
    for kind, pattern in [
        ("iso", rf"\b{_YEAR}-\d\d-\d\d\b"),
        # a span of days: "from July 30 to August 1", "from August 19 to 29"
        (
            "day_range",
            rf"\bfrom\s+(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?:to|until|till|through)\s+(?:(?P<m2>{_MONTH})\.?\s+)?(?P<d2>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?!\s*(?:a\.?m|p\.?m|:))",
        ),
        ("explicit", rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?"),
        ("explicit", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b\.?(?:,?\s+{_YEAR}\b)?"),
        (
            "weekday",
            _I(r"\b(?:(?P<last>last|this\s+past|past)\s+)?(?:on\s+)?")
            + r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        ),
        (
            "relative_day",
            _I(
                r"\b(?:today|yesterday|(?:a|one|the)\s+day\s+(?:earlier|before)"
                r"|the\s+previous\s+day|(?P<n>two|three|four|five|six|seven|"
                r"eight|nine|ten|\d{1,2})\s+days\s+(?:ago|earlier|before))\b"
            ),
        ),
        (
            "relative_week",
            _I(
                r"\b(?:(?P<lastweek>last\s+week|the\s+previous\s+week|a\s+week\s+ago)"
                r"|(?P<laterweek>later\s+this\s+week)"
                r"|(?P<thisweek>(?:earlier\s+)?this\s+week)"
                r"|(?P<weekend>(?:over|at|during)\s+the\s+weekend|(?:this|last|past)"
                r"\s+weekend)"
                r"|(?P<nweeks>two|three|\d)\s+weeks\s+ago"
                r"|(?P<fewdays>(?:just|only|mere|a\s+few)\s+days\s+ago))\b"
            ),
        ),
        (
            "relative_month",
            _I(
                r"\b(?:(?:earlier\s+|later\s+)?this\s+month|last\s+month|"
                r"the\s+previous\s+month|a\s+month\s+ago)\b"
            ),
        ),
        ("recent", _I(r"\brecent(?:ly)?\b(?!\s+(?:years|decades|months|weeks))")),
        ("month", rf"\b{_MONTH_FULL}\s+{_YEAR}\b"),
        (
            "month",
            _I(r"\b(?:in|since|during|early|late|mid|by|until|through)\s*-?\s*")
            + rf"{_MONTH_FULL}\b(?:\s+{_YEAR}\b)?",
        ),
        # "last June" (the latest June before this month), and a month naming a thing
        # of its own ("the April summit", "the February nuclear test", "the November
        # Security Council resolution")
        ("month", _I(r"\b(?:last|this\s+past)\s+") + rf"{_MONTH_FULL}\b(?!\s+\d)"),
        ("month", rf"\b[Tt]he\s+{_MONTH_FULL}(?=\s+(?!(?:on|of|to|for|in|and|or)\b)[a-zA-Z])"),
        (
            "relative_year",
            _I(
                r"\b(?:(?:earlier\s+|so\s+far\s+|later\s+)?this\s+year|"
                r"last\s+year|the\s+previous\s+year|a\s+year\s+ago)\b"
            ),
        ),
        (
            "year_range",
            rf"\b(?P<y1>{_YEAR})\s*(?:-|–|—|to|through|and)\s*(?P<y2>{_YEAR}|\d\d)\b"
            r"(?!-\d)",
        ),
        ("year", rf"(?<![\d-]){_YEAR}\b(?!-\d)"),
        (
            "term",
            _I(r"\b(?:in|during|throughout|over)\s+(?:his|her|the)\s+")
            + _I(r"(?P<ord>first|second|third|1st|2nd|3rd)\s+(?:term|presidency|administration)\b"),
        ),
        (
            "term",
            _I(r"\b(?:in|during|throughout|over)\s+(?:(?:President|Mr\.?|Mrs\.?|Ms\.?)\s+)?")
            + r"(?P<who>[A-Z][\w-]+)['’]s\s+"
            + _I(r"(?P<ord>first|second|third|1st|2nd|3rd)\s+(?:term|presidency|administration)\b"),
        ),
    ]
]
_CUE_FINDER = ahocorasick.Automaton()
for _word in set().union(*_CUES.values()) - {_DIGIT}:
    _CUE_FINDER.add_word(_word, _word)
_CUE_FINDER.make_automaton()
_ANY_DIGIT = re.compile(r"\d")

_TELLING = ("told", "tells", "tell")
"""Reporting verbs that take the hearer as object: "told reporters on Monday"."""


def reporting_pattern(verbs: Iterable[str]) -> re.Pattern[str]:
    """The pattern that ends a reporting clause just before a date ("KCNA said on
    Friday", "officials told reporters Tuesday"): a day there is when it was said, not
    when the event was. `verbs` are phrases as written in a lexicon's `reporting_verbs`
    (find_dates' default: those of data/lexicon.yml, the one list of reporting verbs).

    Examples
    --------
    >>> rep = reporting_pattern(["said", "told", "according to"])
    >>> bool(rep.search("The ministry said ")), bool(rep.search("They told reporters "))
    (True, True)
    >>> bool(rep.search("The missile flew "))
    False
    """
    verbs = [v.strip() for v in verbs if v.strip()]
    telling = [v for v in verbs if v.lower() in _TELLING]
    others = [v for v in verbs if v.lower() not in _TELLING]
    alternatives = [phrase_pattern(others)] if others else []
    if telling:
        alternatives.insert(0, "(?:" + phrase_pattern(telling) + r")(?:\s+[\w.'’]+){1,3}?")
    if not alternatives:
        return re.compile(r"(?!)")  # no reporting verbs: no day is the report's
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\s*,?\s*$", re.I)


@functools.lru_cache(maxsize=1)
def _default_reporting() -> re.Pattern[str]:
    from analystkit.event_rules import lexicon_words
    from analystkit.lexicon import load_lexicon

    return reporting_pattern(lexicon_words(load_lexicon(), "reporting_verbs"))


@dataclass(frozen=True)
class DateMention:
    """One date expression: its span in the sentence and the period it denotes."""

    start: int
    end: int
    text: str
    kind: str
    date: pd.Timestamp  # first day of the period (NaT for an unresolved term)
    end_date: pd.Timestamp  # last day of the period (NaT for an unresolved term)
    precision: str  # day | week | month | year
    reporting: bool = False  # right after "said"/"reported": the report's date
    term: int | None = None  # for kind "term": which term (1, 2, 3)
    who: str | None = None  # for kind "term": the name given ("Trump"), None for "his"


def find_dates(
    text: str, article_date: pd.Timestamp, reporting: re.Pattern[str] | None = None
) -> list[DateMention]:
    """Every date expression in `text`, resolved against `article_date`, in text order;
    a day right after a reporting verb (`reporting`, from `reporting_pattern`; default:
    the reporting verbs of data/lexicon.yml) is flagged `reporting`.

    Examples
    --------
    >>> said, fired = find_dates("It said on Friday that it fired on Wednesday.", "2025-03-07")
    >>> said.reporting, str(fired.date.date()), fired.reporting
    (True, '2025-03-05', False)
    """
    article_date = _day(article_date)
    reporting = reporting or _default_reporting()
    words = _cue_words(text.lower())
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _RULES:
        if words.isdisjoint(_CUES[kind]):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _resolve(kind, m, article_date)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(_open_start(text, _flag_reporting(text, mention, reporting), article_date))
    return sorted(found, key=lambda d: d.start)


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:on\s+)?\Z", re.I)
_TO_AFTER = re.compile(r"\s*(?:to|until|till|through|thru|and|[-–—])\b|\s*[-–—]", re.I)


def _open_start(text: str, mention: DateMention, article_date: pd.Timestamp) -> DateMention:
    """A day told as where something runs "from", with no end ("staging the drill from
    August 26"): a period from that day to the report, so that what is still going on
    is not read as over (a day-precise first day; "from March 1 to 10" is a range).

    >>> [d] = find_dates("They staged the drill from August 26.", "2024-09-05")
    >>> str(d.date.date()), str(d.end_date.date()), d.precision
    ('2024-08-26', '2024-09-05', 'day')
    """
    if (
        mention.precision != "day"
        or mention.date >= article_date
        or not _FROM_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        or _TO_AFTER.match(text, mention.end)
    ):
        return mention
    return replace(mention, end_date=article_date)


def _day(value: object) -> pd.Timestamp:
    """`value` as a day: ``pd.Timestamp(value).normalize()``, or `value` itself when it
    is a time-zone-naive Timestamp at midnight already (a report's date, given for each
    of its sentences: no copy to make)."""
    if (
        isinstance(value, pd.Timestamp)
        and value.tz is None
        and not (value.hour or value.minute or value.second)
        and not (value.microsecond or value.nanosecond)
    ):
        return value
    return pd.Timestamp(value).normalize()


def _cue_words(low: str) -> set[str]:
    """The cue words standing in the lower-cased sentence as whole runs of letters a-z
    ("day" in "day" or "day's", not in "today"), and _DIGIT if it holds a digit."""
    found = {
        word
        for end, word in _CUE_FINDER.iter(low)
        if not (
            "a" <= low[end + 1 : end + 2] <= "z"
            or "a" <= low[end - len(word) : end - len(word) + 1] <= "z"
        )
    }
    if _ANY_DIGIT.search(low):
        found.add(_DIGIT)
    return found


def is_historical(mention: DateMention, article_date: pd.Timestamp) -> bool:
    """True when the mention's period ends more than HISTORICAL_DAYS before the article."""
    if pd.isna(mention.end_date):
        return mention.kind == "term"
    return (pd.Timestamp(article_date) - mention.end_date).days > HISTORICAL_DAYS


def mostly_before(mention: DateMention, article_date: pd.Timestamp) -> bool:
    """True when a month-precise period ("earlier this month", "last month"), or a year
    told as earlier ("earlier this year"), lies mostly more than HISTORICAL_DAYS before
    the article: an event it dates is then more likely background than news (of "last
    month" in a report of the 3rd, at most 5 days are recent). Not "recently": the writer
    says it is recent; nor a bare "this year", which may be the year's news; nor a range
    of days ("from August 19 to 29"), whose days are named: one in the window is news."""
    earlier_year = mention.precision == "year" and mention.text.lower().startswith("earlier")
    if not (mention.precision == "month" or earlier_year) or mention.kind in (
        "recent",
        "day_range",
    ):
        return False  # (a range of days names its days: some in the window are news)
    if pd.isna(mention.date) or pd.isna(mention.end_date):
        return False
    report = pd.Timestamp(article_date)
    last = min(mention.end_date, report)
    recent = (last - max(mention.date, report - pd.Timedelta(days=HISTORICAL_DAYS))).days + 1
    return 2 * max(0, recent) < (last - mention.date).days + 1


_UNIT_DAYS = {"day": 1, "week": 7, "month": 28, "year": 365}
_ELAPSED = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+"
    r"(?P<unit>day|week|month|year)s?\s+(?:after|since)\s+(?:[\w'’-]+\s+){0,4}\Z",
    re.I,
)
_TO_COME = re.compile(r"\b(?:will|would|shall|within|effect|expires?)\b", re.I)


def time_counted(text: str, pos: int) -> bool:
    """Whether a time counted from the thing named at text[pos] comes right before it
    ("three days after the summit", "90 days after the vote"): the count, not the
    "after", places it (elapsed_before).

    >>> time_counted("Seoul spoke three days after the summit", 33)
    True
    """
    return _counted(text, pos) is not None


def _counted(text: str, pos: int) -> re.Match[str] | None:
    return _ELAPSED.search(text, max(0, pos - 80), pos)


def elapsed_before(text: str, pos: int) -> int:
    """The least number of days the thing named at text[pos] lies before the writing,
    read from the time counted from it right before ("some 40 days after the
    summit", "two months since the test"); 0 when none is (or when the count runs to
    a time still to come: "will expire 30 days after the resolution").

    >>> elapsed_before("Kim visited 30 days after the summit", 30)
    30
    >>> elapsed_before("The ban takes effect 90 days after the resolution", 40)
    0
    """
    m = _counted(text, pos)
    if m is None or _TO_COME.search(text, max(0, m.start() - 40), m.start()):
        return 0
    n = m.group("n")
    count = 2 if n.lower() == "several" else _number(n)
    return count * _UNIT_DAYS[m.group("unit").lower()]


def lasting(mention: DateMention, text: str, pos: int) -> DateMention:
    """A first day extended by the length the text gives the thing named at text[pos]
    right before it ("two months of field exercises that began March 1", "the 11-day
    drills that started Monday"): what lasts runs on after the day it began.

    >>> text = "two months of drills that began March 1"
    >>> [d] = find_dates(text, "2013-03-11")
    >>> str(lasting(d, text, 14).end_date.date())
    '2013-04-25'
    """
    m = _DURATION_BEFORE.search(text, max(0, pos - 60), pos)
    if m is None or mention.precision != "day":
        return mention
    days = _number(m.group("n")) * _UNIT_DAYS[m.group("unit").lower()]
    end = mention.date + pd.Timedelta(days=days - 1)
    return replace(mention, end_date=max(mention.end_date, end))


_DURATION_BEFORE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)[-\s]"
    r"(?P<unit>day|week|month)s?(?:-long)?\s+(?:of\s+)?(?:[\w.'’-]+\s+){0,4}\Z",
    re.I,
)
"""A length right before a noun: "two months of separate field exercises", "the 11-day
drills", "a two-week-long exercise"."""


def writers_weekday(mention: DateMention, article_date: pd.Timestamp) -> DateMention:
    """The mention, with a weekday read as Korea's next day ("early Saturday" in a Friday
    report) read instead in the writer's own time: the latest such day on or before the
    report. For events the writer's time dates (a vote in New York, an order signed in
    Washington), not for those Korea's does (a launch, a drill, a summit in Asia).

    >>> friday = pd.Timestamp("2017-08-11")
    >>> [saturday] = find_dates("Sanctions were agreed on Saturday.", friday)
    >>> saturday.date.date(), writers_weekday(saturday, friday).date.date()
    (datetime.date(2017, 8, 12), datetime.date(2017, 8, 5))
    """
    if mention.kind != "weekday" or (mention.date - pd.Timestamp(article_date)).days != 1:
        return mention
    week = pd.Timedelta(days=7)
    return replace(mention, date=mention.date - week, end_date=mention.end_date - week)


def is_time_word(word: str) -> bool:
    """Whether a capitalized word names a month or a weekday (a time, not a place).

    >>> is_time_word("March"), is_time_word("Monday"), is_time_word("Hanoi")
    (True, True, False)
    """
    return word.lower() in _WEEKDAYS or re.fullmatch(_MONTH_FULL, word) is not None


def coming_weekday(mention: DateMention, article_date: pd.Timestamp) -> DateMention:
    """The mention, with a weekday read forward: for an event still to come ("is due to
    open on Friday", "are set to begin the drills on Monday") a bare weekday is the
    next such day on or after the report, not the last one before it ("last Friday",
    "this past Friday" stay where they are).

    >>> wednesday = pd.Timestamp("2025-10-22")
    >>> [friday] = find_dates("The summit is due to open on Friday.", wednesday)
    >>> friday.date.date(), coming_weekday(friday, wednesday).date.date()
    (datetime.date(2025, 10, 17), datetime.date(2025, 10, 24))
    """
    report = pd.Timestamp(article_date)
    if mention.kind != "weekday" or mention.date >= report or _PAST_WEEKDAY.search(mention.text):
        return mention
    week = pd.Timedelta(days=7)
    return replace(mention, date=mention.date + week, end_date=mention.end_date + week)


_PAST_WEEKDAY = re.compile(r"\b(?:last|past)\b", re.I)


def is_ahead(mention: DateMention, article_date: pd.Timestamp) -> bool:
    """True when the mention counts time from the writer's day ("this weekend") and
    starts after the article: it is still to come (a day or date named outright may be
    the next day in Korea's time, and is not read so)."""
    return mention.kind.startswith("relative_") and mention.date > pd.Timestamp(article_date)


def period(date: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day denoted by `date` at `precision` (day, week, month, year)."""
    date = pd.Timestamp(date)
    if precision == "day":
        return date, date
    if precision == "week":
        return date, date + pd.Timedelta(days=6)
    if precision == "month":
        start = date.replace(day=1)
        return start, start.replace(day=start.days_in_month)  # as + MonthEnd(0), faster
    if precision == "year":
        return date.replace(month=1, day=1), date.replace(month=12, day=31)
    raise ValueError(f"unknown date precision {precision!r} (expected day, week, month or year)")


def _flag_reporting(text: str, mention: DateMention, reporting: re.Pattern[str]) -> DateMention:
    if mention.precision == "day" and reporting.search(
        text, max(0, mention.start - 60), mention.start
    ):
        return DateMention(**{**mention.__dict__, "reporting": True})
    return mention


def _mention(m: re.Match[str], kind: str, date: pd.Timestamp, precision: str) -> DateMention:
    start, end = period(date, precision)
    return DateMention(m.start(), m.end(), m.group(0), kind, start, end, precision)


def _resolve(kind: str, m: re.Match[str], today: pd.Timestamp) -> DateMention | None:
    text = m.group(0)
    low = text.lower()
    if kind == "iso":
        try:
            return _mention(m, kind, pd.Timestamp(text), "day")
        except ValueError:
            return None
    if kind == "explicit":
        return _explicit(m, today)
    if kind == "day_range":
        return _day_range(m, today)
    if kind == "weekday":
        weekday = _WEEKDAYS[m.group("wd").lower()]
        if not m.group("last") and (today.weekday() + 1) % 7 == weekday:
            # the day after the report's: a report dated in the US of a Korean day
            return _mention(m, kind, today + pd.Timedelta(days=1), "day")
        last = (m.group("last") or "").lower()
        # "last Thursday" in a Friday report is not yesterday (that would be
        # "yesterday"): "last" skips the day before; "this past Thursday" does not
        anchor = today - pd.Timedelta(days=2 if last == "last" else 1 if last else 0)
        back = (anchor.weekday() - weekday) % 7  # 0: the anchor is that weekday
        return _mention(m, kind, anchor - pd.Timedelta(days=back), "day")
    if kind == "relative_day":
        if low == "today":
            days = 0
        elif m.group("n"):
            days = _number(m.group("n"))
        else:
            days = 1
        return _mention(m, kind, today - pd.Timedelta(days=days), "day")
    if kind == "relative_week":
        return _week(m, today)
    if kind == "relative_month":
        if low.startswith("later"):  # the rest of the month, still to come: `is_ahead`
            first = today + pd.Timedelta(days=1)
            _, end = period(today, "month")
            return DateMention(m.start(), m.end(), text, kind, first, max(first, end), "month")
        back = 0 if "this month" in low else 1
        return _mention(m, kind, today - relativedelta(months=back), "month")
    if kind == "recent":
        return _mention(m, kind, today, "month")
    if kind == "month":
        return _month(m, today)
    if kind == "relative_year":
        back = 0 if "this year" in low else 1
        return _mention(m, kind, today - relativedelta(years=back), "year")
    if kind == "year_range":
        first = int(m.group("y1"))
        y2 = m.group("y2")
        last = int(y2) if len(y2) == 4 else first // 100 * 100 + int(y2)
        if not first < last <= first + 20:
            return None
        return DateMention(
            m.start(),
            m.end(),
            text,
            kind,
            pd.Timestamp(first, 1, 1),
            pd.Timestamp(last, 12, 31),
            "year",
        )
    if kind == "year":
        return _mention(m, kind, pd.Timestamp(int(text), 1, 1), "year")
    if kind == "term":
        who = m.groupdict().get("who")
        return DateMention(
            m.start(),
            m.end(),
            text,
            kind,
            pd.NaT,
            pd.NaT,
            "year",
            term=_ORDINALS[m.group("ord").lower()],
            who=who,
        )
    raise ValueError(f"no resolver for date rule {kind!r}")


def _part(pattern: str, text: str) -> str:
    """The first match of `pattern` in a date expression whose own pattern guarantees it."""
    found = re.search(pattern, text)
    assert found is not None, (pattern, text)
    return found.group(0)


def _latest_year(month: int, today: pd.Timestamp, this_month: bool = True) -> int:
    """The year of the latest `month` up to today's (a month after today's is last year's;
    without `this_month`, today's own month is last year's too: "last June" in June)."""
    later = month > today.month if this_month else month >= today.month
    return today.year - 1 if later else today.year


def _day_range(m: re.Match[str], today: pd.Timestamp) -> DateMention | None:
    """'from July 30 to August 1': its first and last day (the year inferred from the
    first as for explicit dates); precision week when it spans at most 7 days, else
    month. None when the days do not exist or the last is before the first."""
    m1 = _MONTH_NUMBERS[m.group("m1")[:3].lower()]
    m2 = _MONTH_NUMBERS[m.group("m2")[:3].lower()] if m.group("m2") else m1
    year = _latest_year(m1, today)
    try:
        first = pd.Timestamp(datetime(year, m1, int(m.group("d1"))))
        last = pd.Timestamp(datetime(year + (m2 < m1), m2, int(m.group("d2"))))
    except ValueError:
        return None
    if last < first:
        return None
    precision = "week" if (last - first).days < 7 else "month"
    return DateMention(m.start(), m.end(), m.group(0), "day_range", first, last, precision)


def _explicit(m: re.Match[str], today: pd.Timestamp) -> DateMention | None:
    """'January 14', 'Jan. 14', '14 January' (+ optional year)."""
    text = m.group(0)
    month = _MONTH_NUMBERS[_part(r"[A-Z][a-z]{2}", text).lower()]
    day = int(_part(r"(?<!\d)\d{1,2}(?!\d)", text))
    year_match = re.search(_YEAR + r"\b", text)
    if year_match:
        year = int(year_match.group(0))
    else:
        year = _latest_year(month, today)
    try:
        date = pd.Timestamp(datetime(year, month, day))
    except ValueError:
        return None  # "Feb. 30": not a date, so not a date mention
    return _mention(m, "explicit", date, "day")


def _month(m: re.Match[str], today: pd.Timestamp) -> DateMention:
    """'in March', 'last March', 'the March summit' (year inferred as for explicit
    dates) or 'March 2024'."""
    text = m.group(0)
    name = _part(_MONTH_FULL, text)
    month = _MONTH_NUMBERS[name[:3].lower()]  # a full English month name
    year_match = re.search(_YEAR + r"\b", text)
    if year_match:
        year = int(year_match.group(0))
    elif _LAST.match(text):  # "last June" in June is a year ago
        year = _latest_year(month, today, this_month=False)
    else:
        year = _latest_year(month, today)
    return _mention(m, "month", pd.Timestamp(year, month, 1), "month")


_LAST = re.compile(r"(?:last|this\s+past)\b", re.I)


def _week(m: re.Match[str], today: pd.Timestamp) -> DateMention:
    """'last week', 'this week', 'over the weekend', 'two weeks ago', 'just days ago' (week
    precision: the period says which days)."""
    monday = today - pd.Timedelta(days=today.weekday())
    if m.group("thisweek"):
        first, last = monday, today
    elif m.group("laterweek"):  # still to come: `is_ahead`
        first = today + pd.Timedelta(days=1)
        last = max(first, monday + pd.Timedelta(days=6))
    elif m.group("fewdays"):  # "just days ago": within the week before the report
        first, last = today - pd.Timedelta(days=6), today - pd.Timedelta(days=1)
    elif m.group("weekend"):
        sunday = today - pd.Timedelta(days=(today.weekday() + 1) % 7)
        first, last = sunday - pd.Timedelta(days=1), min(sunday, today)
        if today.weekday() == 5:  # a Saturday report: this weekend's Saturday
            first = last = today
        elif 0 < today.weekday() < 5 and m.group("weekend").lower().startswith("this"):
            # "this weekend" in a report of Tuesday to Friday is the coming one (on a
            # Monday, "fired missiles this weekend" is the one just past)
            first = today + pd.Timedelta(days=5 - today.weekday())
            last = first + pd.Timedelta(days=1)
    else:
        n = m.group("nweeks")
        back = _number(n) if n else 1
        if today.weekday() == 6:  # a Sunday's "last week" is the week ending that day
            back -= 1
        first = monday - pd.Timedelta(weeks=back)
        last = min(first + pd.Timedelta(days=6), today - pd.Timedelta(days=1))
    return DateMention(m.start(), m.end(), m.group(0), "relative_week", first, last, "week")


_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.\'-]+(?:[ ,]+[A-Z][A-Za-z.\'-]+)*?)"
    rf"(?:\s*,\s*(?P<date>{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+{_YEAR})?))?\s*"
    r"(?P<agency>\((?:[A-Z][A-Za-z]+)(?:[ /][A-Z][A-Za-z]+)*\))?\s*(?:--|—|–)"
)


def find_dateline(text: str, published: pd.Timestamp) -> tuple[int, pd.Timestamp]:
    """Where an article's dateline ends (0: none) and the report's date: the dateline's
    date ("Pyongyang, September 19 (KCNA) --"), else the publication day."""
    published = _day(published)
    m = _DATELINE.match(text[:160])
    if m is None or not (m.group("date") or m.group("agency") or m.group("place").isupper()):
        return 0, published
    if m.group("date"):
        date = _explicit_text(m.group("date"), published)
        if date is not None and date <= published:
            return m.end(), date
    return m.end(), published


_EXPLICIT = next(pattern for kind, pattern in _RULES if kind == "explicit")
"""The month-first explicit date ("September 19"): a dateline's form."""


def _explicit_text(text: str, today: pd.Timestamp) -> pd.Timestamp | None:
    """The day of a news date written alone ("September 19", "Sept. 19, 2024")."""
    m = _EXPLICIT.search(text)
    found = _explicit(m, today) if m else None
    return found.date if found else None
