"""Events from articles (extract_events): extraction and the events frame's columns.

The rule table is compiled in event_rules.py, presidential terms are read in terms.py,
and events are de-duplicated across articles in dedupe.py (dedupe_events). Extraction is
rule based and transparent: the triggers, the actor labels and the realis cues live in
data/event_rules.yml, who can act in the roster (data/roster.yml); missile classes are the
lexicon's `weapon` tags, found by the lexicon's matcher (data/lexicon.yml). Only the
sentences holding a trigger get the date work (dates.py), so large corpora stay fast.

Within one article, mentions of one event are merged: mentions of the same event_type
with compatible missile classes whose dates overlap become one event, and a mention
without any date expression joins the article's news (non-historical) event of that type,
or, if there is none, is dated the article's own day (`date_text` is then empty): the
convention of a news lead ("North Korea fired a missile into the sea").
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from analystkit.clauses import POSSESSIVE
from analystkit.dates import (
    HISTORICAL_DAYS,
    DateMention,
    coming_weekday,
    elapsed_before,
    find_dateline,
    find_dates,
    is_ahead,
    is_historical,
    lasting,
    mostly_before,
    time_counted,
    writers_weekday,
)
from analystkit.event_rules import EventRules, Party, Trigger, _lower, load_event_rules
from analystkit.frames import empty_frame, require_columns
from analystkit.lexicon import Lexicon
from analystkit.nuclear_series import NuclearSeries
from analystkit.realis import (
    RealisRules,
    clause,
    cue_realis,
    form_realis,
    gerund,
    governed,
    infinitive,
    noun_like,
    one_named,
    present_clause,
    relative_clause,
    relative_habit,
    told_as_cause,
)
from analystkit.splitting import join_articles
from analystkit.splitting import split as sentence_spans
from analystkit.tagging import is_sentences
from analystkit.terms import MilestoneResolver
from analystkit.vocab import CLASS_PRECEDENCE, DPRK, LAUNCH_TYPES, MISSILE_CLASSES

BALLISTIC_CLASSES = ("srbm", "mrbm", "irbm", "icbm", "slbm", "hypersonic", "ballistic")
SATELLITE = "satellite"
"""Where launches are listed by missile class, satellite launches (which have none) go
under this key: count_events' columns and the chart lanes of charts.py."""
UNSTATED = "unstated"
"""count_events' column for a launch whose missile class the source does not state."""
CLASS_COLUMNS = MISSILE_CLASSES + (SATELLITE, UNSTATED)
"""The order of count_events(..., by="missile_class") columns."""

EVENT_COLUMNS = [
    "event_id",
    "article_id",
    "sentence_id",
    "date",
    "date_last",
    "date_precision",
    "event_type",
    "missile_class",
    "actor",
    "realis",
    "historical",
    "confidence",
    "evidence",
    "date_text",
    "report_date",
]
_EVENT_DTYPES = {
    "sentence_id": "int64",
    "date": "datetime64[us]",
    "date_last": "datetime64[us]",
    "historical": "bool",
    "report_date": "datetime64[us]",
}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unresolved": 4}  # finest first


# ---------------------------------------------------------------- the rule table


# ---------------------------------------------------------------- presidential terms


# ---------------------------------------------------------------- extraction


@dataclass
class _Mention:
    """One trigger in one sentence, read: its realis, actor, class and date."""

    event_type: str
    sentence_id: int
    start: int
    end: int
    evidence: str
    actor: str  # filled in for the mention kept
    realis: str
    strong: bool  # may start an event (else it only joins one)
    date: DateMention | None
    in_clause: bool = False  # the date stands in the trigger's own clause
    scope: tuple[int, int] = (0, 0)  # its clause as a date sees it: where its class is
    clause_span: tuple[int, int] = (0, 0)  # its own clause (realis.clause): its actor's
    nominal: bool = False  # read as a noun ("the launch"), not a verb
    missile_class: str | None = None
    sentence_class: str | None = None  # the class its sentence names, if the clause none
    first: pd.Timestamp = pd.NaT  # the period the date denotes
    last: pd.Timestamp = pd.NaT
    offset: int = 0  # where its sentence starts in the article text
    parties: int = 0  # how many parties its sentence names (any other state as one)
    listed: str | None = None  # the title of the listed summit it names (milestones)


def extract_events(
    data: pd.DataFrame | None = None,
    *,
    articles: pd.DataFrame | None = None,
    rules: EventRules | None = None,
    sentences: pd.DataFrame | None = None,
    matches: pd.DataFrame | None = None,
    milestones: pd.DataFrame | None = None,
    all_mentions: bool = False,
    lexicon: Lexicon | str | Path | None = None,
    nuclear_tests: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Events the articles report as having happened: one row per event per article
    (see the module doc); with `all_mentions`, one row per mention of any realis
    (negated, hypothetical, planned, ceased, generic too), unmerged.

    Columns: event_id (stable hash), article_id, sentence_id (the first mention), date
    (the first day the date can denote; NaT when unresolved), date_last (the last day;
    for an unresolved date, the report's date: the upper bound), date_precision (day,
    week, month, year, or unresolved: the article says when only by being the news),
    event_type, missile_class (NA when the text names none), actor, realis (actual, or
    historical: more than HISTORICAL_DAYS (7) days before the report, a month or a year
    told as earlier mostly so (dates.mostly_before; not launches or nuclear tests), or a
    perfect with no date),
    historical (realis == "historical"), confidence (high: a day in the
    trigger's own clause, and for a missile launch a stated class; medium: a day or a
    week otherwise; low: a month, a year or unresolved), evidence (the mentioning
    sentences joined by " … "), date_text (the expression that dated it; empty when
    unresolved), report_date (what dates were resolved against: the dateline's date,
    "Pyongyang, September 19 (KCNA) --", else the article's).

    `data` is an articles frame (article_id, date, text) or, as the next step of the
    chain, the frame ``ak.sentences`` returned: its sentences are then used as they are,
    not split again, and the result is the same as from the articles. A sentences frame
    has no report day, so it needs the articles it was made from: ``articles=`` (their
    date dates the news; their text is read around the sentences, for the dateline);
    without them a ValueError says so. ``extract_events(articles, sentences=...)`` is the
    same call written the other way round. `matches`, the frame ``ak.tag`` returned for
    the same articles with the same lexicon, give the missile classes: a launch's class
    is the weapon match in the trigger's own clause (denied ones, "not an ICBM", left
    out), else in its sentence, instead of a second scan with the lexicon's matcher.
    `milestones` resolve "in his first term" (default: the curated table, loaded only
    when such a phrase occurs); `nuclear_tests` date "its third nuclear test" and "its
    latest nuclear test" (a test the report tells as done with no day of its own;
    default: ``load_nuclear_tests()``, loaded only when such a test occurs). `rules` default to
    ``load_event_rules(lexicon=lexicon)``: data/event_rules.yml with the missile classes
    of `lexicon` (default: data/lexicon.yml).

    Parameters
    ----------
    data : pandas.DataFrame or None, default None
        An articles frame (``article_id``, ``date`` as datetimes, ``text``) or a
        sentences frame (``ak.sentences``).
    articles : pandas.DataFrame or None, default None
        The articles, when `data` is a sentences frame (or not given).
    rules : EventRules or None, default None
        The compiled event rules; None is ``load_event_rules(lexicon=lexicon)``.
    sentences : pandas.DataFrame or None, default None
        The sentences of the articles (``article_id``, ``sentence_id``, ``start``,
        ``end``), used instead of splitting the texts again.
    matches : pandas.DataFrame or None, default None
        ``ak.tag``'s matches of the same articles (``article_id``, ``start``, ``end``,
        ``category``, ``tag``), read for the missile classes.
    milestones : pandas.DataFrame or None, default None
        Milestones for presidential terms ("in his first term") and the summits a text
        names by place ("the Singapore summit": dated from the listed summit whose title
        names the place, as the annotation guide dates it, so that a summit of years
        ago is background); None is ``load_milestones()`` when needed.
    all_mentions : bool, default False
        One row per mention of any realis, unmerged, instead of one row per event.
    lexicon : Lexicon, str, pathlib.Path or None, default None
        The lexicon whose ``weapon`` tags are the missile classes, when `rules` is None.
    nuclear_tests : pandas.DataFrame or None, default None
        The DPRK's nuclear tests (``date``, ``ordinal``); None is
        ``load_nuclear_tests()`` when needed.

    Returns
    -------
    pandas.DataFrame
        The events frame on a RangeIndex, with the columns above: ``sentence_id``
        (int64), ``date``, ``date_last``, ``report_date`` (datetime64[us]),
        ``historical`` (bool), the others str (``missile_class`` NA when unstated).
        No events: an empty frame with these columns and dtypes.

    Raises
    ------
    ValueError
        A sentences frame without ``articles=``, a frame given twice, no frame at all,
        a required column missing, sentences that lack an article holding a trigger, or
        weapon tags in `matches` that are not missile classes of `rules`.
    TypeError
        The articles are not a DataFrame.

    Examples
    --------
    >>> import analystkit as ak
    >>> events = ak.extract_events(ak.load_articles(ak.SEEDS_DIR))
    >>> launch = events[events["event_type"] == "missile_launch"].iloc[0]
    >>> str(launch["date"].date()), launch["missile_class"], launch["actor"], launch["realis"]
    ('2025-02-26', 'cruise', 'DPRK', 'actual')
    >>> seed = ak.load_articles(ak.SEEDS_DIR)
    >>> sents = ak.sentences(seed)
    >>> ak.extract_events(sents, articles=seed).equals(events)  # the chain
    True
    >>> ak.extract_events(sents, articles=seed, matches=ak.tag(sents)).equals(events)
    True
    """
    articles, sentences = _articles_and_sentences(data, articles, sentences)
    require_columns(articles, ["article_id", "date", "text"], "articles")
    rules = rules or load_event_rules(lexicon=lexicon)
    hits = {}  # article_id -> (positions, the event types gated at each): compact (memory)
    article_ids = articles["article_id"].tolist()
    for article_id, text in zip(article_ids, _texts(articles["text"])):
        low = _lower(text)
        gated = [
            (end, types)
            for end, (length, types) in rules.keywords.iter(low)
            if end < length or not low[end - length].isalnum()
        ]  # at a word start
        if gated:
            hits[article_id] = (array("q", [g[0] for g in gated]), [g[1] for g in gated])
    if not hits:
        return empty_frame(EVENT_COLUMNS, _EVENT_DTYPES)
    keep = [article_id in hits for article_id in article_ids]
    chosen_ids = list(itertools.compress(article_ids, keep))
    texts: Iterable[str]
    spans: Mapping[str, tuple[list, list, Sequence[int]]]
    if sentences is None:
        listed = list(_texts(articles["text"], keep))
        spans, texts = _split_spans(chosen_ids, listed), listed
    else:
        texts = _texts(articles["text"], keep)  # read again, a batch at a time
        spans = _given_spans(sentences)
    resolver = MilestoneResolver(milestones)
    series = NuclearSeries(nuclear_tests)
    found = []  # (article_id, report date, its mentions)
    voices: dict[str, str | None] = {}  # article_id -> the party a state outlet speaks for
    dates = itertools.compress(articles["date"].tolist(), keep)
    for article_id, date, text in zip(chosen_ids, dates, texts):
        if article_id not in spans:
            raise ValueError(f"sentences lack article {article_id}")
        starts, ends, ids = spans[article_id]
        wanted: dict[int, set[str]] = {}
        for end, types in zip(*hits.pop(article_id)):
            i = bisect.bisect_right(starts, end) - 1
            if i >= 0 and end < ends[i]:
                wanted.setdefault(i, set()).update(types)
        dateline_end, report = find_dateline(text, date)
        # "our" in a KCNA report is the state's
        voices[article_id] = DPRK if "(KCNA)" in text[:dateline_end] else None
        mentions = []
        for i, types in sorted(wanted.items()):
            if rules.furniture is not None and rules.furniture.match(text, starts[i]):
                continue  # the web page's line ("JUST WATCHED …"), not the article's
            sentence = text[starts[i] : ends[i]]
            read = _sentence_mentions(
                sentence,
                _lower(sentence),  # not the whole text's again: only sentences gated
                ids[i],
                report,
                rules,
                types,
                max(0, dateline_end - starts[i]),
            )
            for mention in read:
                mention.offset = starts[i]
            mentions += read
        for mention in mentions:
            _date_mention(mention, report, text, resolver)
        found.append((article_id, report, mentions))
    _name_actors(found, voices, rules)
    _drop_unpaired(found, rules)
    _place_nuclear_tests(found, series)
    if matches is not None:
        _classes_from_matches(matches, found, rules)
    else:
        launches = [m for _, _, ms in found for m in ms if m.event_type in LAUNCH_TYPES]
        in_clauses = rules.classes.find(
            [_DENIED_CLASS.sub(" ", m.evidence[slice(*m.scope)]) for m in launches]
        )
        in_sentences = rules.classes.find([_DENIED_CLASS.sub(" ", m.evidence) for m in launches])
        for mention, cls, fallback in zip(launches, in_clauses, in_sentences):
            mention.missile_class, mention.sentence_class = cls, fallback
    for _, _, mentions in found:
        _rockets_carry_satellites(mentions)
    group = _each_mention if all_mentions else _merge
    rows = [
        _event_row(article_id, report, e)
        for article_id, report, mentions in found
        for e in group(mentions)
    ]
    if not rows:
        return empty_frame(EVENT_COLUMNS, _EVENT_DTYPES)
    events = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return events.astype(_EVENT_DTYPES)


def _classes_from_matches(
    matches: pd.DataFrame, found: list[tuple[str, pd.Timestamp, list[_Mention]]], rules: EventRules
) -> None:
    """Each launch mention's missile class from the `weapon` matches of ``ak.tag``: the
    most capable class matched within its clause, else within its sentence (as
    ClassFinder.find on those texts, without scanning them again)."""
    require_columns(matches, ["article_id", "start", "end", "category", "tag"], "matches")
    weapon = (matches["category"] == "weapon").to_numpy(bool)
    # column by column: a str column is filtered chunk by chunk, not joined into one first
    weapons = {c: matches[c][weapon] for c in ("article_id", "start", "end", "tag")}
    order = rules.classes.order
    codes, tags = pd.factorize(weapons["tag"], use_na_sentinel=False)
    if not set(order).issuperset(tags):
        unknown = sorted(set(tags.astype(str)) - set(order))
        if unknown:
            raise ValueError(f"matches: weapon tags {unknown} are not missile classes")
    ranks = np.array([order.index(tag) for tag in tags], dtype=np.int64)[codes]
    starts = weapons["start"].to_numpy(np.int64)
    rows, (starts, ends, ranks) = _article_rows(
        weapons["article_id"], starts, starts, weapons["end"].to_numpy(np.int64), ranks
    )
    for article_id, _, mentions in found:
        launches = [m for m in mentions if m.event_type in LAUNCH_TYPES]
        if not launches:
            continue
        lo, hi = rows.get(article_id, (0, 0))
        hits = sorted(zip(starts[lo:hi].tolist(), ends[lo:hi].tolist(), ranks[lo:hi].tolist()))
        for m in launches:
            m.missile_class = _class_within(hits, order, m.offset, m.evidence, *m.scope)
            m.sentence_class = _class_within(hits, order, m.offset, m.evidence, 0, len(m.evidence))


def _class_within(
    hits: list[tuple[int, int, int]], order: tuple[str, ...], offset: int, text: str, a: int, b: int
) -> str | None:
    """The most capable class among `hits` (start, end, rank; sorted) inside text[a:b]
    (the sentence `text` starts at `offset` in the article), denied ones left out."""
    lo, hi = offset + a, offset + b
    denied = [(lo + d.start(), lo + d.end()) for d in _DENIED_CLASS.finditer(text[a:b])]
    best = None
    for start, end, rank in hits[bisect.bisect_left(hits, (lo, -1, -1)) :]:
        if start >= hi:
            break
        if end > hi or any(start < de and ds < end for ds, de in denied):
            continue
        best = rank if best is None else min(best, rank)
    return order[best] if best is not None else None


def _articles_and_sentences(
    data: pd.DataFrame | None, articles: pd.DataFrame | None, sentences: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(articles, sentences or None) from extract_events' arguments; a clear error when
    a sentences frame comes without the articles that date it."""
    if data is not None and is_sentences(data):
        if sentences is not None:
            raise ValueError("extract_events: a sentences frame given twice (data and sentences=)")
        if articles is None:
            raise ValueError(
                "extract_events(sentences) needs articles=: the sentences frame has no "
                "report day (each article's date dates its news), so pass the articles "
                "it was made from: ak.extract_events(ak.sentences(articles), articles=articles)"
            )
        return articles, data
    if data is not None:
        if articles is not None:
            raise ValueError("extract_events: articles given twice (data and articles=)")
        return data, sentences
    if articles is None:
        raise ValueError("extract_events needs articles or a sentences frame (ak.sentences)")
    return articles, sentences


def _split_spans(article_ids: list[str], texts: list[str]) -> dict[str, tuple[list, list, range]]:
    """article_id -> (starts, ends, sentence_ids), split as ak.sentences splits (the
    texts joined by its separator, one pass), without its speaker attribution."""
    text, offsets, _ = join_articles(texts)
    starts, ends, _ = sentence_spans(text)
    bounds = np.searchsorted(starts, np.append(offsets, np.iinfo(np.int64).max))
    out = {}
    for k, article_id in enumerate(article_ids):
        lo, hi = bounds[k], bounds[k + 1]
        out[article_id] = (
            (starts[lo:hi] - offsets[k]).tolist(),
            (ends[lo:hi] - offsets[k]).tolist(),
            range(hi - lo),
        )
    return out


_BATCH = 1024  # texts converted to Python strs, or sentences scanned for parties, at a time


def _texts(column: pd.Series, keep: list[bool] | None = None) -> Iterator[str]:
    """The column's strs in order (only where `keep`), converted a batch at a time: a
    whole corpus's texts are never Python strs all at once (memory)."""
    for lo in range(0, len(column), _BATCH):
        part = column.iloc[lo : lo + _BATCH].tolist()
        yield from part if keep is None else itertools.compress(part, keep[lo : lo + _BATCH])


def _given_spans(sentences: pd.DataFrame) -> _SentenceSpans:
    """article_id -> (starts, ends, sentence_ids) from a sentences frame (which
    ``ak.sentences`` makes grouped by article and in text order: then its offset columns
    are read in place, not copied)."""
    require_columns(sentences, ["article_id", "sentence_id", "start", "end"], "sentences")
    starts = sentences["start"].to_numpy(np.int64)
    rows, columns = _article_rows(
        sentences["article_id"],
        starts,
        starts,
        sentences["end"].to_numpy(np.int64),
        sentences["sentence_id"].to_numpy(np.int64),
    )
    return _SentenceSpans(rows, *columns)


def _article_rows(
    ids: pd.Series, keys: np.ndarray, *columns: np.ndarray
) -> tuple[dict[str, tuple[int, int]], list[np.ndarray]]:
    """The columns ordered by article (in order of first appearance), then by `keys`
    (stable; not copied when already so), and each article's rows in them, (lo, hi);
    rows without an id are left out."""
    codes, uniques = pd.factorize(ids, sort=False)  # a missing id: -1
    order = np.lexsort((keys, codes))
    if not (order == np.arange(len(order))).all():
        columns, codes = tuple(c[order] for c in columns), codes[order]
    firsts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else codes
    bounds = np.append(firsts, len(codes)).tolist()
    names = uniques.tolist()
    rows = {
        names[code]: span
        for code, span in zip(codes[firsts].tolist(), zip(bounds, bounds[1:]))
        if code >= 0
    }
    return rows, list(columns)


@dataclass
class _SentenceSpans(Mapping):
    """The sentences of each article as lists, made when the article is read: the
    whole corpus's offsets are never Python ints all at once (memory)."""

    rows: dict[str, tuple[int, int]]  # article_id -> its rows in the arrays
    starts: np.ndarray
    ends: np.ndarray
    sentence_ids: np.ndarray

    def __getitem__(self, article_id: str) -> tuple[list, list, list]:
        lo, hi = self.rows[article_id]
        return (
            self.starts[lo:hi].tolist(),
            self.ends[lo:hi].tolist(),
            self.sentence_ids[lo:hi].tolist(),
        )

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _sentence_mentions(
    text: str,
    low: str,
    sentence_id: int,
    report: pd.Timestamp,
    rules: EventRules,
    types: Iterable[str],
    dateline_end: int,
) -> list[_Mention]:
    """The triggers of `types` in one sentence (`low`: the sentence lower-cased), one
    per event_type (in the rule table's order): the first that reads as actual, else
    the first found, with its realis."""
    dates: list[DateMention] | None = None
    seen: dict[str, bool] = {}  # a condition shared by triggers is searched once
    read_as_noun: set[tuple[int, int]] = set()
    named: dict[str, list[tuple[int, int]]] = {}  # leaders of the sentence, by their titles

    def leaders_of(titles: re.Pattern[str]) -> list[tuple[int, int]]:
        if titles.pattern not in named:
            named[titles.pattern] = rules.parties.leaders(text, _year(report), titles)
        return named[titles.pattern]

    out = []
    for event_type in (e for e in rules.triggers if e in types):
        # One scan for all of the type's triggers: where the first of them matches (no
        # trigger matches before it, so each one's own scan can start there).
        screen = rules.screens.get(event_type)
        first = screen.search(low) if screen else None
        if screen and first is None:
            continue
        best = None
        launch = event_type in LAUNCH_TYPES
        read: list[_Mention] = []  # a launch's mentions, for those of other days
        spans: list[tuple[int, int]] = []  # read already: a match inside one is its part
        for trigger in rules.triggers[event_type]:
            if trigger.unless is not None and _found(trigger.unless, low, seen):
                continue
            if trigger.with_ is not None and not _found(trigger.with_, low, seen):
                continue  # not in the sentence, so in no clause of it
            for m in trigger.pattern.finditer(low, first.start() if first else 0):
                if trigger.nominal and m.span() in read_as_noun:
                    continue  # an earlier trigger read this word as a noun already
                # "new sanctions" is part of "to impose new sanctions", read already (a
                # launch's verb and noun triggers are each read, the first actual wins)
                if not launch and any(a <= m.start() and m.end() <= b for a, b in spans):
                    continue
                if trigger.with_ and not trigger.with_.search(
                    low, *_object_scope(text, m.start(), m.end(), rules, launch)
                ):
                    continue
                if trigger.leaders is not None and len(_states(leaders_of(trigger.leaders))) < 2:
                    continue  # the sentence names no two states' leaders: read no further
                if dates is None:
                    dates = [
                        d
                        for d in find_dates(text, report, rules.reporting)
                        if not d.reporting and d.start >= dateline_end
                    ]
                if trigger.dated and not any(d.precision in _DAYS for d in dates):
                    continue  # no day or week in the sentence to date it: read no further
                mention = _read(text, m.start(), m.end(), trigger, sentence_id, dates, rules)
                if trigger.leaders is not None and not _leaders_meet(
                    mention, leaders_of(trigger.leaders)
                ):
                    continue  # "Trump met reporters": no two leaders meeting
                if trigger.unless_leaders is not None and _leaders_meet(
                    mention, leaders_of(trigger.unless_leaders)
                ):
                    continue  # "Moon met his counterpart Abe": a summit, not talks
                if trigger.dated and (mention.date is None or mention.date.precision not in _DAYS):
                    continue  # undated, the noun names talks in general ("return to talks")
                spans.append(m.span())
                if mention.nominal:
                    read_as_noun.add(m.span())
                if launch:
                    read.append(mention)
                if best is None or (
                    mention.realis == "actual"
                    and (
                        best.realis != "actual"
                        or mention.strong > best.strong
                        # a launch told twice, dated once ("its first ICBM test in a
                        # year, a Hwasong-19 launch on Thursday"): the dated mention
                        or (
                            mention.strong == best.strong
                            and best.date is None
                            and mention.date is not None
                        )
                    )
                ):
                    best = mention
                if _settled(best, launch, dates):
                    break
            if best is not None and _settled(best, launch, dates):
                break
        if best is not None:
            coordinated = _coordinated(best, dates or [])
            out += [best, *coordinated, *_other_days(best, coordinated, read)]
    return out


def _settled(best: _Mention, launch: bool, dates: list[DateMention] | None) -> bool:
    """Whether the sentence's reading can stop at `best`: an actual mention that may
    start an event; for a launch, also dated (or no date to find) in a sentence naming
    at most one day (else a later trigger may be a launch of another day: _other_days)."""
    if not (best.realis == "actual" and best.strong):
        return False
    if not launch:
        return True
    days = sum(d.precision == "day" for d in dates or ())
    return days < 2 and (best.date is not None or not dates)


def _other_days(
    best: _Mention, coordinated: list[_Mention], read: list[_Mention]
) -> list[_Mention]:
    """Launches a sentence tells on other days than its first actual one and the days
    coordinated with it ("launched an ICBM on Monday, hours after firing a short-range
    missile on Sunday"): each actual mention dated to a day of its own, the first per
    day."""
    if best.date is None or best.date.precision != "day":
        return []
    days = {m.date.date for m in (best, *coordinated) if m.date is not None}
    out = []
    for m in read:
        d = m.date
        if m.realis == "actual" and m.strong and d is not None and d.precision == "day":
            if d.date not in days:
                days.add(d.date)
                out.append(m)
    return out


_AND_DATE = re.compile(r"\s*(?:,\s*|,?\s+and\s+)(?:on\s+|then\s+)?")


def _coordinated(mention: _Mention, dates: list[DateMention]) -> list[_Mention]:
    """A launch dated by coordinated days ("tested ICBMs on July 3 and July 28") is one
    launch per day: copies of `mention` for the days after its own."""
    d = mention.date
    if d is None or d.precision != "day":
        return []
    copies, at = [], d
    for other in sorted(dates, key=lambda x: x.start):
        if other.start < at.end or other.precision != "day":
            continue
        if not _AND_DATE.fullmatch(mention.evidence, at.end, other.start):
            break
        copies.append(replace(mention, date=other))
        at = other
    return copies


def _found(pattern: re.Pattern[str], low: str, seen: dict[str, bool]) -> bool:
    """Whether `pattern` occurs in the sentence, searched once per sentence."""
    if pattern.pattern not in seen:
        seen[pattern.pattern] = pattern.search(low) is not None
    return seen[pattern.pattern]


def _object_scope(
    text: str, start: int, end: int, rules: EventRules, participle: bool = False
) -> tuple[int, int]:
    """Where a trigger's object may stand: its clause up to the first preposition after
    the trigger ("launched a campaign against missiles" launches no missile), and when
    the clause is a relative one ("the missiles that it fired"), or a launch verb opens
    it after a comma (`participle`: "the missile, launched from near the capital,"), the
    words before it."""
    first, last = clause(text, start, end, rules.realis)
    if _RELATIVE.match(text, first) or (
        participle and start == first and text.endswith(", ", 0, first)
    ):
        # "the missiles that it fired", "the missile, launched from near the capital,"
        first = max(0, first - 40)
    cut = _PREPOSITION.search(text, end, last)
    if cut is None and _NAME_APPOSED.fullmatch(text, max(first, last - 40), last + 1):
        # the name's appositive is the object too: "received Ivan Petrov, secretary of
        # the council"
        after = _APPOSITIVE.match(text, last + 1)
        if after is not None:
            _, last = clause(text, after.end(), after.end(), rules.realis)
            cut = _PREPOSITION.search(text, end, last)
    return first, cut.start() if cut else last


_NAME_APPOSED = re.compile(r".*\b[A-Z][\w'’.-]*,", re.S)
"""A clause that ends with a name and its comma (an appositive may follow)."""
_APPOSITIVE = re.compile(r"\s+(?!(?:and|but|or|who|which|whose|that|said|says)\b)(?=\w)")
"""The start of an appositive: not a conjunction, a relative word or a reporting verb."""


_RELATIVE = re.compile(r"(?:that|which|who)\b", re.I)
_THAT = re.compile(r"that\b", re.I)
_PREPOSITION = re.compile(
    r"\b(?:against|for(?!\s+\w+ing\b)|on|in|into|toward|towards|from|"
    r"with|over|about|"
    r"by|amid|near|across|at(?!\s+(?:least|most)\b)|"
    r"(?<!\bup\s)to(?!\s+be\b))\b",
    re.I,
)
"""Ends the span where a verb's object stands; not "at least", "up to", "appeared to be",
"for verifying" (a purpose: "a test-fire for verifying how a new missile performs")."""


def _read(
    text: str,
    start: int,
    end: int,
    trigger: Trigger,
    sentence_id: int,
    dates: list[DateMention],
    rules: EventRules,
) -> _Mention:
    """One trigger match read: its date (the nearest in its date scope), realis, actor."""
    r = rules.realis
    first, last = clause(text, start, end, r)
    scope_first, scope_last = clause(text, start, end, r, strong_only=True)
    launch = trigger.event_type in LAUNCH_TYPES
    by_form = launch or trigger.event_type == NUCLEAR_TEST  # read by its grammatical form
    if by_form:  # "recent" marks news, it does not date it
        dates = [d for d in dates if d.kind != "recent"]
    nominal = trigger.nominal or launch and noun_like(text, start, end, r, (first, last))
    # a fronted time ("Two weeks ago, it failed in its launch of ..."), also of a clause
    # of the same time ("Back in February, Kim fired a missile as Abe and Trump met")
    simultaneous = _SIMULTANEOUS.match(text, first) is not None
    fronted = [
        d
        for d in dates
        if (scope_first <= d.start < scope_last or simultaneous and d.start < first)
        and _FRONTED.fullmatch(text, 0, d.start)
        and text.startswith(",", d.end)
    ]
    relative = _relative_dates(text, end, dates, r)  # "the resolution, which passed …"
    if relative:
        in_scope = relative
    elif nominal:  # a noun's own date: "the launch on Sunday", "Sunday's launch"
        in_scope = (
            _own_dates(
                [  # next to the noun, in its clause
                    d
                    for d in dates
                    if first <= d.start < last
                    and (0 <= d.start - end <= 60 or 0 <= start - d.end <= 12)
                ],
                text,
                start,
                end,
            )
            or [  # set off by commas right after it: "its latest test, on Saturday, failed",
                # or one of several: "its last two tests, including one on Saturday, failed"
                d
                for d in dates
                if (_APPOSED.fullmatch(text, end, d.start) or _ONE_OF.fullmatch(text, end, d.start))
                and _AFTER_APPOSED.match(text, d.end)
            ]
            or [  # an appositive renaming the dated act before it: "fired a missile on
                # Sunday, its first launch in two months"
                d
                for d in dates
                if _RENAMING.fullmatch(text, d.end, start)
            ]
            or fronted
        )
    else:  # a date starting in the verb's wider clause, near it; else a fronted one
        in_scope = (
            _own_dates(
                [
                    d
                    for d in dates
                    if scope_first <= d.start < scope_last
                    and -_NEAR <= d.start - end <= _NEAR
                    and start - d.end <= _NEAR
                    and not _modifies_other_noun(text, d, start)
                    and not (
                        d.end <= start
                        and _FOR_REASON.match(text, d.end, start)
                        and text[start:end].split()[0].endswith("ing")
                    )
                ],
                text,
                start,
                end,
            )
            or fronted
        )
    if not in_scope and governed(text, start, r, (first, last)):
        # the object of a support verb takes the verb's date, wherever it stands after
        # it in the clause ("conducted a test-fire of … missile on May 4")
        in_scope = [d for d in dates if end <= d.start < scope_last]
    if not in_scope and nominal:
        in_scope = _predicate_dates(text, end, dates, r)
    date = min(in_scope, key=lambda d: min(abs(d.start - end), abs(start - d.end)), default=None)
    if date is not None and date.precision in ("month", "year"):
        # the edition ("this year's Freedom Shield exercise"), then a day within it
        # after the trigger, no comma between ("began this year's … on Monday",
        # "fired this year's first ICBM on Monday"): the day
        within = [
            d
            for d in dates
            if d.precision in _DAYS
            and max(end, date.end) <= d.start <= end + _NEAR
            and "," not in text[min(date.end, end) : d.start]
            and date.date <= d.date <= date.end_date
        ]
        date = min(within, key=lambda d: d.start, default=date)
    anchored = date is not None
    in_clause = date is not None and first <= date.start < last
    precise = date is not None and date.precision in ("day", "week")
    realis, strong = cue_realis(text, start, end, r, precise, (first, last)), True
    if (
        trigger.event_type == NUCLEAR_TEST
        and text[start:end].endswith("s")
        and _TALLY.search(text, max(0, start - 40), start)
    ):
        realis = "generic"  # "all of its six nuclear tests", dated or not: a tally
    if realis is None:
        if by_form:
            reading = form_realis(
                text,
                start,
                end,
                r,
                anchored,
                nominal or not launch,
                date.precision if date is not None else None,
                (first, last),
            )
            # a nuclear test is news on its own, however it is named ("the country's
            # sixth nuclear test"); only its kinds and its background are set apart
            realis, strong = reading.realis, reading.strong or not launch
        elif not nominal and infinitive(text, start, r, (first, last)):
            realis = "hypothetical"
        elif not nominal and not anchored and gerund(text, start, r, (first, last)):
            realis = "generic"  # "pressing it by tightening sanctions": a means, not an act
        else:
            realis = "actual"
    if realis == "actual":  # "before Trump and Kim meet at their summit": still to come
        realis = present_clause(text, start, end, r, (first, last)) or realis
    if (
        realis == "actual"
        and not (date is not None and date.precision in _DAYS)
        and relative_habit(text, end, r)
    ):
        realis = "generic"  # "the exercises which are conducted every year": a habit
    if realis == "planned" and _carried_out(text, first, start, end, last, r):
        realis = "actual"  # "the long-planned drills began on Monday": a plan carried out
    if (
        realis == "actual"
        and trigger.event_type not in _PLACED  # a reference list places those
        and date is None
        and told_as_cause(text, start, r, (first, last))
        and not time_counted(text, start)
    ):
        realis = "historical"  # "threats came after new sanctions were imposed"
    if (
        realis == "actual"
        and date is None
        and nominal
        and _SINCE_NOUN.fullmatch(text, first, start)
        and not any(first <= d.start < start for d in dates)  # "since the July 4 test"
    ):
        realis = "historical"  # "Since the Hwasong-17 launch, …": the span's starting point
    if (
        realis == "actual"
        and trigger.event_type not in _PLACED
        and date is None
        and _PERFECT_BEFORE.search(text, first, start)
        and _SINCE_YEAR.search(text, end, end + 60)
        and not _FIRST.search(text, first, start)
    ):
        realis = "generic"  # "NATO has invited Seoul to its summit since 2022": a series
    if (
        realis == "actual"
        and not nominal
        and trigger.event_type not in _PLACED
        and date is None
        and _TIMES_AFTER.match(text, end)
    ):
        realis = "generic"  # "Trump and Kim have met three times": a tally
    if (
        realis == "actual"
        and trigger.occurs_with is not None
        and not anchored
        and trigger.occurs_with.search(text[scope_first:scope_last].lower()) is None
        and not one_named(text, start, end, (first, last))
    ):
        realis = "generic"  # the kind named, none told as held: "angry about joint drills"
    if (
        launch
        and realis == "actual"
        and not anchored
        and not nominal
        and _BARE_PLURAL.match(text, end)
    ):
        strong = False  # "tested ballistic missiles and a bomb": a summary, not the news
    return _Mention(
        trigger.event_type,
        sentence_id,
        start,
        end,
        text,
        trigger.actor or "",
        realis,
        strong,
        date,
        in_clause,
        (scope_first, scope_last),
        (first, last),
        nominal,
    )


NUCLEAR_TEST = "nuclear_test"
"""Read by its grammatical form, as a launch noun is, when no cue decides: "a nuclear
test" or "its nuclear tests" undated is a kind, "has conducted five nuclear tests" a
tally, not the news; "Friday's nuclear test" is one event."""
SUMMIT = "summit"
"""A summit named by its place ("the Singapore summit") is the listed summit of that
place (milestones), dated from the public record: the annotation guide's rule (§6)."""
SANCTIONS = "sanctions"
"""Measures are dated in the writer's time: most are taken in New York or Washington, so a
weekday is never Korea's next day for them ("agreed on Saturday" in a Friday report is the
Saturday before). Launches, tests and drills happen in Korea, and summits of its leaders
in Asia: a US-dated report may name their day as the next one ("early Saturday")."""
_DAYS = ("day", "week")  # the precisions that date a `dated` trigger's mention
_PLACED = (*LAUNCH_TYPES, NUCLEAR_TEST)  # types a reference list dates to the day
_TALLY = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|both|all|several|\d+)\s+"
    r"(?:[\w-]+\s+){0,2}\Z",
    re.I,
)
"""A number before plural nuclear tests counts them: several events, not one."""
_APPOSED = re.compile(r"\s*,\s*")  # between a launch noun and its date
_TO_COME = ("planned", "hypothetical")
"""Realis of an event still to come (or that may come): a bare weekday names the coming
day."""
_RENAMING = re.compile(
    r"\s*,\s*(?:its|their|the|a|an)\s+"
    r"(?:(?!(?:to|of|for|after|against|on|in|by|from|with|at)\b)[\w-]+\s+){0,4}"
)
"""From a date to the noun of an appositive that renames the act the date ends: a
determiner and up to four words, no preposition ("on Sunday, its first ballistic missile
launch"; not "on Monday, a response to the North's launch")."""
_AFTER_APPOSED = re.compile(r"\s*(?:[,.;)]|\Z)")  # the date's appositive closes
_SIMULTANEOUS = re.compile(r"(?:as|when|while)\s", re.I)
"""A clause of the same time as the one it depends on: a time fronted in the sentence
dates it too."""
_ONE_OF = re.compile(r"\s*,\s*(?:including|one of them|the latest|the last)\s+(?:one\s+)?")
"""Between plural event nouns and the date of one of them ("two tests, including one
on Saturday")."""
_FRONTED = re.compile(
    r"\s*(?:back\s+)?(?:(?:on|in|by|from|and|but|so)\s+"
    r"|(?:however|meanwhile|moreover|still|yet|indeed|instead|that['’]s\s+why|"
    r"this\s+is\s+why|that\s+is\s+why),\s+)?",
    re.I,
)
"""What may stand before a sentence's fronted time adverbial: a preposition ("From
October 21, the allies have staged …": a period to the report; "Back in February,") or
a conjunction, or a connective and its comma ("That's why, earlier this year, …")."""
# a date between a determiner (and perhaps one word) and the noun it modifies ("a big June
# 3 missile test"); not before a preposition, a conjunction or a time of day ("fired a
# missile Sept. 3 from the coast", "on Sunday morning"): see _modifies_other_noun
_DETERMINED = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?:[a-z][\w-]*\s+)?\Z", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:in|on|at|over|into|and|or|to|from|with|near|off|after|before|when|while|as|"
    r"but|for|by|of|that|which|who|amid|despite|under|across|through|toward|towards|about|"
    r"morning|afternoon|evening|night)\b)[a-z]"
)
_BARE_PLURAL = re.compile(
    r"\s+(?!(?:a|an|the|its|their|his|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"multiple|what|at|up|some|more|\d+)\b)(?:[\w-]+\s+){0,2}?(?:missiles|rockets|"
    r"projectiles)\b",
    re.I,
)
"""An undated verb with a bare plural object ("launched missiles") tells a habit or a
summary: it may join the article's news launch, not start one."""
_DENIED_CLASS = re.compile(r"\bnot\s+(?:an?\s+)?(?:[\w-]+\W*){1,3}", re.I)
"""'was not an intercontinental ballistic missile' names no class."""
LEAD_SENTENCES = 3
"""In an article's lead (its first sentences) "the launch" is the news the article is
about, and may start an event; later it only joins one."""
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|un|ld|nt|de)\b")
"""A present perfect ("has invited", "have held", "has sent"): with "since" a year after
the noun, it tells a span of repeats."""
_TIMES_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)"
    r"\s+times|twice)\b",
    re.I,
)
"""A count of times after a verb ("have met three times", "met Kim twice"): a tally."""
_SINCE_YEAR = re.compile(r"\bsince\s+(?:19|20)\d\d\b", re.I)
_FIRST = re.compile(r"\bfirst\b", re.I)  # "the first … since 2017" is news, not a series
_PLANNED_BEFORE = re.compile(
    r"\b(?:planned|scheduled)\s+(?:[\w'’-]+\s+){0,3}\Z|-(?:planned|scheduled)\s+(?:[\w'’-]+\s+){0,3}\Z",
    re.I,
)
"""A planned cue that modifies the noun ("the long-planned joint drills", "regularly
scheduled exercises"), not a clause of planning ("plans to stage drills")."""
_VERB_TO_NOUN = re.compile(
    r"\s+(?:(?:the|a|an|their|its|his|her|our|this|these)\s+)?(?:[\w'’]+\s+)?", re.I
)
"""Between a verb and a modifier of its object: a determiner and one word at most."""


def _carried_out(
    text: str, first: int, start: int, end: int, last: int, rules: RealisRules
) -> bool:
    """Whether a noun trigger that a planned cue modifies ("the long-planned drills",
    "regularly scheduled exercises") is told as begun or held: a verb of `realis.happened`
    after it in its clause ("the long-planned drills began") or right before its phrase
    ("began their regularly scheduled drills"), not one whose object is another noun
    ("held talks on the planned drills")."""
    cue = _PLANNED_BEFORE.search(text, max(first, start - 40), start)
    if rules.happened is None or cue is None:
        return False
    low = text.lower()
    if rules.happened.search(low, end, last) is not None:
        return True
    at = cue.start() if text[cue.start()] != "-" else text.rfind(" ", 0, cue.start()) + 1
    verbs = list(rules.happened.finditer(low, first, at))  # ("pre-planned": its word)
    return bool(verbs) and _VERB_TO_NOUN.fullmatch(text, verbs[-1].end(), at) is not None


_SINCE_NOUN = re.compile(r"since\s+(?:[\w'’-]+\s+){0,5}", re.I)
"""From "since" to a noun trigger it governs ("since the Hwasong-17 launch"): the noun
names where a span starts, before the news."""
_NEAR = 100
"""How far (characters) a date may stand from a verb trigger to date it."""
_SUBJECT_TAIL = re.compile(
    r"(?:\s+of\s[^,.;:]{1,60}?)?(?:\s*,[^,.;:]{1,150},)?"
    r"\s+(?:(?:was|were|had\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?(?=[a-z])|(?=took\s+place\b))"
)
"""From a noun to its predicate: its "of" phrase, a relative clause or appositive
between commas, then "was" (and an adverb) or "took place"."""


def _predicate_dates(
    text: str, end: int, dates: list[DateMention], rules: RealisRules
) -> list[DateMention]:
    """The dates of the predicate a noun trigger ending at `end` is the subject of, when
    that predicate is a passive support verb or "took place": "the test of the
    Hwasong-19, which it called the final version of its ICBM, was conducted on
    Thursday" (a relative clause between the noun and its verb keeps the date outside
    the noun's own clause)."""
    m = _SUBJECT_TAIL.match(text, end)
    if m is None:
        return []
    verb = rules.support.match(text, m.end())
    if verb is None and not text.startswith("took place", m.end()):
        return []
    at = verb.end() if verb is not None else m.end() + len("took place")
    last = clause(text, at, at, rules, strong_only=True)[1]
    return [d for d in dates if at <= d.start < last and d.start - at <= _NEAR]


_PASSIVE_ADVERB = re.compile(
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:[a-z]+ly\s+)?"
)
"""From "which" to the verb of a relative clause: an auxiliary of the passive and an
adverb ("the resolution, which was unanimously passed …")."""
_ADVERB_PLACE = re.compile(
    r"\s*(?:[a-z]+ly\s+)?(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+)?"
)
"""After a relative clause's verb, before its date: an adverb, a place ("held in
Singapore last week")."""
_ON_IN = re.compile(r"(?:on|in)\s+")
_SUBJECT_WORDS = 5
_SUBJECT_WORD = re.compile(
    r"(?!(?:not|never|will|would|could|may|might|should|can|must|to)\b)[\w.'’-]+\s+(?![\w'’]*n['’]t\b)",
    re.I,
)
"""A word of a relative clause's subject, not a modal or a negation ("which the council
adopted", not "which may be adopted")."""


def _relative_dates(
    text: str, end: int, dates: list[DateMention], rules: RealisRules
) -> list[DateMention]:
    """The date a relative clause gives the act a noun trigger ending at `end` names,
    when its verb tells the act as taken or held (`realis.happened`) and the date
    follows the verb, perhaps after an adverb or a place (the clause's subject may
    stand before the verb: "which the council adopted on Monday"): "the latest sanctions
    resolution, which passed last week", "the summit, which was held in Singapore last
    week" (the clause is the noun's; the date a sentence fronts is its main verb's:
    "On Friday, she praised the resolution, which passed last week")."""
    at = relative_clause(text, end)
    if at is None or rules.happened is None:
        return []
    m = _PASSIVE_ADVERB.match(text, at)
    pos = m.end() if m else at
    for _ in range(_SUBJECT_WORDS + 1):  # the clause's subject first: "which the council adopted"
        verb = rules.happened.match(text[pos : pos + 30].lower())
        if verb is not None:
            break
        word = _SUBJECT_WORD.match(text, pos)
        if word is None:
            return []
        pos = word.end()
    else:
        return []
    verb_end = pos + verb.end()
    gap = _ADVERB_PLACE.match(text, verb_end)  # always matches (all of it optional)
    at = gap.end() if gap else verb_end
    after = _ON_IN.match(text, at)  # a year or an explicit day starts after it
    return [d for d in dates if d.start in (at, verb_end, after.end() if after else at)]


_FOR_REASON = re.compile(r".*\bfor\s+\Z", re.S)
"""A date, then "for" and the trigger's gerund: the date is the main verb's, the reason
came before it ("lashed out on Sunday for imposing sanctions")."""
_SOURCE_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+[\w.'’-]+){0,4}?\s+(?:said|says|told|reported|reports|announced|"
    r"stated|confirmed|claimed|added|noted|warned|estimated|believes?|detected|spotted|"
    r"tracked|monitored)\b"
)
_SOURCE_BEFORE = re.compile(r"according\s+to\s+(?:[\w.'’-]+\s+){0,3}$", re.I)
_FIRST_PERSON = re.compile(r"\b(?:our|we|us)\b", re.I)
_WE = re.compile(r"\b(?:we|I)(?:['’]ve|['’]d|\s+have|\s+had)?\s+(?:[\w-]+\s+){0,2}$", re.I)
_CONJOINED = re.compile(r"(?s:.*?)()(?:\s+and\s+|\s*,\s*)(?:the\s+)?")
_OWNER = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,4}\Z", re.I)  # "its newest missile"
# a party named as the place of an act ("fired rockets over Japan") is not who acted
# (a possessive after "over" is the topic's owner: "anger over Pyongyang's test")
_PLACE_BEFORE = re.compile(
    r"\b(?:over|into|toward|towards|near|off|across|above)\s+(?:the\s+)?\Z", re.I
)
# nor is another state where something was said or met ("a press conference in Warsaw,
# Poland"); "preparations in the North" still names the main parties' actor
_VENUE_BEFORE = re.compile(r"\b(?i:in|at)\s+(?:[A-Z][\w.'’-]*,?\s+(?:and\s+)?){0,3}\Z")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?\Z", re.I)
_AND = re.compile(r"\s+and\s+(?:the\s+)?", re.I)
_BY = re.compile(r"\s+(?:[\w.'’-]+\s+){0,3}?by\s+(?:the\s+)?", re.I)


def _actor(
    text: str,
    start: int,
    end: int,
    event_type: str,
    rules: EventRules,
    found: list[Party],
    voice: str | None = None,
    span: tuple[int, int] | None = None,
    nominal: bool = False,
) -> str:
    """Who acted, by the event type's rule: of the parties `found` in `text`
    (Parties.find_all), the nearest before the trigger that is not a source ("Seoul
    said"), a place ("over Japan"), another state as a venue ("in Warsaw, Poland"), a
    party reacting to a launch noun (`nominal`: "China condemned the launch") nor one
    side of "between X and Y", after "by" ("launched Tuesday by North Korea"), else in
    its clause (`span`, if known), else in the sentence unless the trigger is in a
    "that" clause (the reporting frame's parties); "its test" is the nearest state's or
    body's, not a person's ("North Korea pushed Trump … with its test"); or every party
    named, other states left out. In a report that speaks for a party (`voice`: KCNA's
    dateline), "our test", "we launched" are that party's."""
    if rules.actor_mode[event_type] == "nearest":
        first, last = span or clause(text, start, end, rules.realis)
        if voice and _FIRST_PERSON.search(text, max(first, start - 40), start):
            return voice
        sides = _between(text, found)
        owned = _OWNER.search(text, max(0, start - 50), start) is not None
        agents = [
            (s, i)
            for s, e, i, person in found
            if e <= start
            and s not in sides
            and not (owned and person)
            and not _SOURCE_AFTER.match(text, e)
            and not _SOURCE_BEFORE.search(text, max(0, s - 40), s)
            and not (_PLACE_BEFORE.search(text, max(0, s - 12), s) and not _possessive(text, e))
            and not (i in rules.parties.unlisted and _VENUE_BEFORE.search(text, max(0, s - 60), s))
            and not (nominal and not owned and _reacts_to(text, e, start, rules))
        ]
        in_clause = [a for a in agents if a[0] >= first]
        by = _BY.match(text, end)
        passive = [(s, i) for s, e, i, _ in found if by and s == by.end() and s < last]
        antecedent = [
            a
            for a in agents
            if _RELATIVE.match(text, first)
            and not text[_party_end(found, a[0]) : first].strip(" ,")
        ]  # "X, which"
        subject = [a for a in agents[:1] if not text[: a[0]].strip()]  # opens the sentence
        if _THAT.match(text, first) and not owned:
            subject = agents = []  # "X told Y that the test …": the reporting frame's
        pick = passive or in_clause or antecedent or subject or agents
        if not pick:
            if _WE.search(text, max(first, start - 40), start):
                return "unknown"  # "we've just launched" outside a state's voice: the speaker's
            if _defended(text, first, last, rules):
                return "unknown"  # "an interceptor missile was launched": not the default's
            return rules.actor_default[event_type]
        starts = {s: (e, i) for s, e, i, _ in found}
        ends = {e: (s, i) for s, e, i, _ in found}
        at, index = max(pick)
        while True:  # the first of conjoined parties: "the US and South Korea fired"
            gap = _CONJOINED.fullmatch(text, 0, at) if at else None
            prior = ends.get(gap.start(1)) if gap else None
            if prior is None or prior[0] >= at:
                break
            at, index = prior
        return rules.parties.names[starts[at][1] if at in starts else index]
    named = sorted({index for _, _, index, _ in found if index not in rules.parties.unlisted})
    return (
        "-".join(rules.parties.names[i] for i in named)
        if named
        else rules.actor_default[event_type]
    )


def _name_actors(
    found: list[tuple[str, pd.Timestamp, list[_Mention]]],
    voices: Mapping[str, str | None],
    rules: EventRules,
) -> None:
    """Every mention's actor (_actor), the parties of their sentences found in one scan
    per _BATCH of them (memory), each in the year of its report."""
    mentions = [(m, article_id, _year(report)) for article_id, report, ms in found for m in ms]
    for lo in range(0, len(mentions), _BATCH):
        _name_batch(mentions[lo : lo + _BATCH], voices, rules)


def _name_batch(
    mentions: list[tuple[_Mention, str, int | None]],
    voices: Mapping[str, str | None],
    rules: EventRules,
) -> None:
    """_name_actors for some mentions, with their article ids and report years."""
    named = rules.parties.find_all([m.evidence for m, _, _ in mentions], [y for *_, y in mentions])
    for (m, article_id, _), parties in zip(mentions, named):
        m.parties = len({index for _, _, index, _ in parties})
        m.actor = m.actor or _actor(
            m.evidence,
            m.start,
            m.end,
            m.event_type,
            rules,
            parties,
            voices[article_id],
            m.clause_span,  # found by _read: its sentence's breaks are not scanned again
            m.nominal or m.event_type == NUCLEAR_TEST,  # always a noun: "condemned the test"
        )
        if m.listed is not None and m.actor == rules.actor_default[m.event_type]:
            # "The Hanoi summit collapsed": the parties its listed title names, in its year
            [listed] = rules.parties.find_all([m.listed], [m.first.year])
            m.actor = _actor(m.listed, 0, 0, m.event_type, rules, listed)


def _drop_unpaired(
    found: list[tuple[str, pd.Timestamp, list[_Mention]]], rules: EventRules
) -> None:
    """Leave out the mentions of an event type read `between` parties whose sentence
    names fewer than two: talks are between states or bodies, so a party's own meeting of
    its ministers, or ministers meeting flood victims, is none."""
    for _, _, mentions in found:
        mentions[:] = [
            m
            for m in mentions
            if not (rules.actor_mode[m.event_type] == "between" and m.parties < 2)
        ]


def _leaders_meet(m: _Mention, leaders: list[tuple[int, int]]) -> bool:
    """Whether mention `m` tells two states' leaders meeting, given (start, state) of the
    leaders its sentence names: both in its clause ("Trump and Abe met"), or one after
    its trigger there ("met Moon", "his meeting with Xi") and the other in the sentence
    ("Trump said after meeting Moon"); not "Envoys met before Trump and Kim meet"."""
    first, last = m.clause_span
    if len(_states(leaders, first, last)) >= 2:
        return True
    return bool(_states(leaders, m.end, last)) and len(_states(leaders)) >= 2


def _states(leaders: list[tuple[int, int]], lo: int = 0, hi: int | None = None) -> set[int]:
    """The states of the leaders (start, state) named from `lo` up to `hi`."""
    return {state for at, state in leaders if lo <= at and (hi is None or at < hi)}


def _defended(text: str, first: int, last: int, rules: EventRules) -> bool:
    """Whether the clause text[first:last] launches a missile-defence test's target or
    interceptor ("a target ICBM", "an interceptor missile": event rules,
    launch.not_launched_after), or its sentence speaks of intercepting ("… before
    intercepting it": launch.intercept_words)."""
    low = text.lower()
    defence, intercept = rules.realis.defence, rules.realis.intercept
    return (defence is not None and defence.search(low, first, last) is not None) or (
        intercept is not None and intercept.search(low) is not None
    )


_TAKES_PART = re.compile(r"\b(?:in|during)\s+(?:[\w'’-]+\s+){0,3}\Z", re.I)
# the launch noun in an adjunct of the party's act, not its object
_AFTER_IT = re.compile(
    r"\b(?:after|following|over|against|to|amid|despite)\s+(?:[\w'’-]+\s+){0,4}\Z", re.I
)


def _reacts_to(text: str, party_end: int, start: int, rules: EventRules) -> bool:
    """Whether the party ending at `party_end` is the subject of a verb that reacts to
    the launch noun at `start` without doing it ("China condemned the missile launch",
    "Japan protests the test", "Trump was briefed on the test"): a reacting verb (the
    lexicon's reporting verbs and the rules' launch.reacting_verbs) stands between them
    and no support verb ("North Korea conducted a missile launch"), and the noun is not
    where the party acted ("a US warship shot down a missile in a test")."""
    gap = text[party_end:start]
    if _AFTER_IT.search(gap):
        return True  # "imposed sanctions in response to the test", "drills after the test"
    if _TAKES_PART.search(gap) or rules.realis.support.search(gap.lower()):
        return False
    return rules.reacting.search(gap) is not None


def _year(report: pd.Timestamp) -> int | None:
    """The report's year (None when it has no date): whose roles the parties are."""
    return None if pd.isna(report) else int(report.year)


def _party_end(found: list[Party], start: int) -> int:
    return next(e for s, e, _, _ in found if s == start)


def _possessive(text: str, end: int) -> bool:
    """Whether the name ending at `end` is a possessive ("Pyongyang's", "Pyongyang’s")."""
    return text[end - 2 : end] in POSSESSIVE or text[end : end + 2] in POSSESSIVE


def _between(text: str, found: list[Party]) -> set[int]:
    """The starts of the parties of "between X and Y" (a relation, not an agent)."""
    sides: set[int] = set()
    for k, (s, e, _, _) in enumerate(found):
        if _BETWEEN.search(text, max(0, s - 13), s):
            sides.add(s)
            after = found[k + 1] if k + 1 < len(found) else None
            if after is not None and _AND.fullmatch(text, e, after[0]):
                sides.add(after[0])
    return sides


# a launch noun said to come before another ("in that earlier launch", "its previous
# ICBM test", "at previous summit talks"); not "North Korea earlier fired" (news:
# earlier today), nor "last" or "latest" (the newest one, often the news)
_EARLIER_ONE = re.compile(
    r"\b(?:(?:the|that|an|its|their|[\w-]+['’]s)\s+|(?:at|in|of|from)\s+)"
    r"(?:earlier|previous|prior)\s+(?:[\w-]+\s+){0,2}\Z",
    re.I,
)


def _own_dates(near: list[DateMention], text: str, start: int, end: int) -> list[DateMention]:
    """The dates near a trigger that are its own: one before it across "and" dates the
    conjunct before ("… last week and new sanctions imposed in September") when one
    after it dates the trigger itself."""
    after = [d for d in near if d.start >= end]
    if not after:
        return near
    return [d for d in near if d.start >= end or not _AND.search(text, d.end, start)]


_AND = re.compile(r"\band\b", re.I)


def _modifies_other_noun(text: str, d: DateMention, trigger_start: int) -> bool:
    """Whether the date stands before another noun as its modifier, between a determiner
    and the noun ("in reply to a big June 3 missile test": the test's date, not
    that of a verb elsewhere in the sentence; not "fired a missile Sept. 3 from the
    coast", nor "the Sept. 11 sanctions resolution" when that noun is the trigger)."""
    return (
        (d.end > trigger_start or text[d.end : trigger_start].strip() != "")
        and _NOUN_AFTER.match(text, d.end) is not None
        and _DETERMINED.search(text, max(0, d.start - 30), d.start) is not None
    )


def _date_mention(
    m: _Mention, report: pd.Timestamp, article_text: str, resolver: MilestoneResolver
) -> None:
    """Fill in the mention's period from its date expression, and make an actual
    mention historical when that period ends more than HISTORICAL_DAYS before the
    report, or when it has no date and names a launch before another ("in that
    earlier launch": not the news, which it would join)."""
    d = m.date
    if m.event_type == SUMMIT and (d is None or d.precision not in _DAYS):
        listed = resolver.summit(m.evidence, m.start, m.end, report)
        if listed is not None:  # "the Singapore summit": the listed one's days
            d = m.date = listed[0]
            m.listed = listed[1]
            if d.date > report + pd.Timedelta(days=1):
                m.first, m.last = d.date, d.end_date
                if m.realis == "actual":
                    m.realis = "planned"  # "ahead of the Hanoi summit" before it began
                return
    if d is None:
        if m.realis == "actual" and (
            _EARLIER_ONE.search(m.evidence, max(0, m.start - 60), m.start)
            or elapsed_before(m.evidence, m.start) > HISTORICAL_DAYS
        ):
            m.realis = "historical"
        return
    if d.kind != "term":
        if m.event_type == SANCTIONS:  # "agreed on Saturday" in a Friday report
            d = m.date = writers_weekday(d, report)
        if m.realis in _TO_COME and d.start > m.start:
            # "is due to open on Friday": the coming Friday (a weekday before the event,
            # "On Friday, Seoul said it would impose sanctions", dates the words)
            d = m.date = coming_weekday(d, report)
        if m.event_type not in _PLACED and m.event_type != SANCTIONS:
            d = m.date = lasting(d, m.evidence, m.start)  # "two months of drills that began"
        m.first, m.last = d.date, d.end_date
        # a period mostly before the news window is background, except for a launch or
        # a nuclear test, which a chronology or the listed tests place on its day
        # (link_events, _place_nuclear_tests)
        past = is_historical(d, report) or (
            m.event_type not in _PLACED and mostly_before(d, report)
        )
        if m.realis == "actual" and is_ahead(d, report):
            m.realis = "planned"  # "the summit this weekend" in a Wednesday report
            return
    else:
        term = resolver.resolve(d, m.evidence, article_text, report)
        if term is None:  # an unresolvable term: undated background
            m.date, past = None, True
        else:
            m.first = term.start
            m.last = term.end if pd.notna(term.end) else report
            later = [
                t for t in resolver.terms() if t.who == term.who and term.start < t.start <= report
            ]
            past = bool(later) or (report - m.last).days > HISTORICAL_DAYS
    if d.kind != "term" and (m.first - report).days > 1 and m.realis == "actual":
        # told as done, but dated after the report (and its time-zone day): the text
        # was changed after its date, so it is no news of that date
        past = True
    if past and m.realis == "actual":
        m.realis = "historical"


def _place_nuclear_tests(
    found: list[tuple[str, pd.Timestamp, list[_Mention]]], series: NuclearSeries
) -> None:
    """Read the DPRK's nuclear tests told as done, and not dated to the day, against
    the listed tests (nuclear_series): "its third nuclear test" takes the third one's
    day (and is historical when that is more than HISTORICAL_DAYS before the report);
    one named that had not happened by the report ("by conducting its sixth nuclear
    test", in April 2017) is not done but hypothetical; one dated by a period ("this
    month") takes the day of the one listed test in it; and an undated one, in a report
    with no listed test in the days before it while the list is complete, is
    background, not news. A perfect with no date ("has now conducted its fifth
    nuclear test"), background by its form alone, is news when the test it names is recent."""
    for _, report, mentions in found:
        for m in mentions:
            perfect = m.realis == "historical" and m.date is None
            if not (
                m.event_type == NUCLEAR_TEST
                and m.actor == DPRK
                and (m.realis == "actual" or perfect)
                and (m.date is None or m.date.precision != "day")
            ):
                continue
            named = series.named(m.evidence, m.start, m.end, report)
            if m.date is not None and not (named and m.first <= named.date <= m.last):
                named = series.within(m.first, m.last, report)
                if named is not None:  # dated by its period's words ("this month")
                    named = replace(named, text=m.date.text)
            if named is not None:
                m.date, m.in_clause, m.first, m.last = named, False, named.date, named.date
                m.realis = "historical" if is_historical(named, report) else "actual"
            elif perfect:
                continue
            elif series.not_yet(m.evidence, m.start, m.end, report):
                m.realis = "hypothetical"
            elif m.date is None and series.quiet(report):
                m.realis = "historical"


_ROCKET = re.compile(r"\brockets?\b(?!\s+launchers?)", re.I)
_MISSILE = re.compile(r"\bmissiles?\b", re.I)


def _rockets_carry_satellites(mentions: list[_Mention]) -> None:
    """In an article about a satellite launch, a launched "rocket" (no "missile" near
    the trigger, no range class) is the satellite's carrier: a satellite launch."""
    if not any(m.event_type == "satellite_launch" for m in mentions):
        return
    for m in mentions:
        near = m.evidence[max(0, m.start - 40) : m.end + 40]
        if (
            m.event_type == "missile_launch"
            and _ROCKET.search(near)
            and not _MISSILE.search(near)
            and m.missile_class in (None, "ballistic")
        ):
            m.event_type = "satellite_launch"


def _each_mention(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Every mention its own event (all_mentions)."""
    return [[m] for m in mentions]


def _merge(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group one article's actual and historical mentions into events, each listing its
    mentions, the most precisely dated first: a dated mention joins the event of its
    type and launching party whose date lies in its period (whatever the class: a
    launch event is a day); an undated one joins the article's first news event of its
    type and party, or (if it may start one) becomes the article's unresolved news
    event of that type."""

    def order(m: _Mention):
        if m.date is None:
            return (PRECISION_RANK["unresolved"], 0, False, m.sentence_id)
        # at a precision, the text's own date before a listed nuclear test's
        from_list = m.date.kind == "reference"
        return (PRECISION_RANK[m.date.precision], (m.last - m.first).days, from_list, m.sentence_id)

    events: list[list[_Mention]] = []
    dated: dict[tuple, list[tuple[pd.Timestamp, int]]] = {}  # key -> sorted (first, event)
    news: dict[tuple, int] = {}  # key -> its first news event
    for m in sorted(mentions, key=order):
        if m.realis not in ("actual", "historical"):
            continue
        key = (m.event_type, m.actor if m.event_type in LAUNCH_TYPES else "")
        home = None
        if m.date is not None:
            index = dated.setdefault(key, [])
            k = bisect.bisect_left(index, (m.first, -1))
            if k < len(index) and index[k][0] <= m.last:
                home = index[k][1]
        elif m.realis == "actual":
            home = news.get(key)
            if home is None and not (m.strong or m.sentence_id < LEAD_SENTENCES):
                continue
        else:
            continue  # undated background
        if home is None:
            home = len(events)
            events.append([])
            if m.date is not None:
                bisect.insort(dated[key], (m.first, home))
            if m.realis == "actual":
                news.setdefault(key, home)
        events[home].append(m)
    return events


def compatible_class(a: str | None, b: str | None) -> bool:
    """Whether two reports' classes can be one launch's (None fits any; "ballistic" fits
    any ballistic class)."""
    if a is None or b is None or a == b:
        return True
    return "ballistic" in (a, b) and a in BALLISTIC_CLASSES and b in BALLISTIC_CLASSES


def more_specific(a: str | None, b: str | None) -> str | None:
    """The more specific of two compatible classes (a named class over "ballistic")."""
    return b if a is None or (a == "ballistic" and b is not None) else a


def _event_class(e: list[_Mention]) -> str | None:
    """The most capable class the event's mentions name in their clauses
    (CLASS_PRECEDENCE), the strong mentions' first, the actor's own before others';
    else the one their sentences name."""
    actor = next((m.actor for m in e if m.strong), e[0].actor)
    if e[0].date is not None and e[0].date.precision in ("day", "week"):
        # a month or a year holds other launches too ("a Scud earlier this month"):
        # such a mention joins a dated launch but does not name its class
        e = [m for m in e if m.date is None or m.date.precision in ("day", "week")]
    own = [m for m in e if m.actor == actor]
    for mentions in ([m for m in own if m.strong], own, e):
        named = [m.missile_class for m in mentions if m.missile_class]
        if named:
            return min(named, key=CLASS_PRECEDENCE.index)
    named = [m.sentence_class for m in own if m.sentence_class]
    return min(named, key=CLASS_PRECEDENCE.index) if named else None


def _event_row(article_id: str, report: pd.Timestamp, mentions: list[_Mention]) -> dict:
    """The events-frame row of one merged event."""
    head = mentions[0]  # the most precise mention: it dates the event
    in_order = sorted(mentions, key=lambda m: (m.sentence_id, m.start))
    if head.date is None:
        date, last, precision, date_text = pd.NaT, report, "unresolved", ""
    else:
        date, last, precision = head.first, head.last, head.date.precision
        date_text = head.date.text
    cls = _event_class(mentions) if head.event_type in LAUNCH_TYPES else None
    key = f"{article_id}:{in_order[0].sentence_id}:{in_order[0].start}:{head.event_type}"
    return {
        "event_id": hashlib.sha1(key.encode()).hexdigest()[:12],
        "article_id": article_id,
        "sentence_id": in_order[0].sentence_id,
        "date": date,
        "date_last": last,
        "date_precision": precision,
        "event_type": head.event_type,
        "missile_class": cls,
        "actor": next((m.actor for m in in_order if m.strong), in_order[0].actor),
        "realis": head.realis,
        "historical": head.realis == "historical",
        "confidence": _confidence(head, precision, cls),
        "evidence": " … ".join(dict.fromkeys(m.evidence for m in in_order)),
        "date_text": date_text,
        "report_date": report,
    }


def _confidence(head: _Mention, precision: str, cls: str | None) -> str:
    """high: a day in the trigger's own clause (and a stated class for a missile
    launch); medium: a day or week otherwise; low: a month, a year, or unresolved."""
    if (
        precision == "day"
        and head.in_clause
        and head.strong
        and (cls is not None or head.event_type != "missile_launch")
    ):
        return "high"
    return "medium" if precision in ("day", "week") else "low"


# ---------------------------------------------------------------- de-duplication
