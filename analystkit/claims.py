"""Ordinal claims in articles ("the fourth launch this year") checked against the
chronology (check_claims)."""

from __future__ import annotations

import bisect
import itertools
import re
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Literal, NamedTuple

import ahocorasick
import numpy as np
import pandas as pd

from analystkit.chunk import require_text
from analystkit.dates import find_dates
from analystkit.event_rules import EventRules, load_event_rules
from analystkit.events import BALLISTIC_CLASSES, LAUNCH_TYPES, extract_events
from analystkit.frames import empty_frame, require_columns
from analystkit.lexicon import Lexicon
from analystkit.linking import link_events
from analystkit.splitting import article_spans
from analystkit.terms import Term, find_term, terms_from_milestones
from analystkit.vocab import DPRK, ORDINAL_WORDS

CLAIM_COLUMNS = [
    "article_id",
    "sentence_id",
    "claim",
    "form",
    "stated",
    "computed",
    "holds",
    "basis",
    "event_date",
]
_CLAIM_DTYPES = {
    "sentence_id": "int64",
    "stated": "int64",
    "computed": "Int64",
    "holds": "boolean",
    "event_date": "datetime64[us]",
}

_ORD = r"(?P<ord>" + "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))"
_NOUN = (
    r"(?P<noun>(?:[\w-]+\s+){0,3}?(?:launch(?:es)?(?:\s+events?)?|tests?|"
    r"test-firings?|firings?))"
)
_WHO = (
    r"(?:(?:former\s+)?(?:President|Mr\.?|Mrs\.?|Ms\.?)\s+)?"
    r"(?P<who>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)['’]s"
)
_SCOPE = (
    r"(?P<scope>(?:so\s+far\s+)?this\s+year|of\s+the\s+year|"
    r"(?:in|of|for)\s+(?P<year>(?:19|20)\d\d)|"
    r"(?:of|in|during|since\s+the\s+start\s+of)\s+"
    + _WHO
    + r"\s+(?:(?P<term>first|second|third)\s+)?(?:term|presidency|administration)|"
    r"(?:of|in|during|under)\s+the\s+(?P<who4>(?:[A-Z][\w-]+\s+)?[A-Z][\w-]+)\s+administration|"
    r"since\s+"
    + _WHO.replace("['’]s", "").replace("who>", "who2>")
    + r"\s+(?:took|returned\s+to|came\s+to)\s+(?:office|power)|"
    r"since\s+" + _WHO.replace("['’]s", "").replace("who>", "who3>") + r"\s+was\s+inaugurated)"
)
_CLAIM = re.compile(r"\b" + _ORD + r"\s+" + _NOUN + r"(?:\s+[\w-]+){0,4}?\s+" + _SCOPE + r"\b")
_ELLIPTIC = re.compile(r"\bthe\s+" + _ORD + r"\s+" + _SCOPE + r"\b")


def check_claims(
    articles: pd.DataFrame,
    chronology: pd.DataFrame | None = None,
    milestones: pd.DataFrame | None = None,
    *,
    rules: EventRules | None = None,
    lexicon: Lexicon | str | Path | None = None,
    sentences: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    complete_from: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Ordinal claims in the articles ("the fourth missile launch event this year",
    "the second of President Donald Trump's second term", "its 10th launch this year")
    checked against the chronology (default: the curated one; counted rows only).

    The event a claim is about is the article's news (non-historical) launch event
    mentioned nearest at or before the claim's sentence, else the nearest after it
    (basis says which). "this year" counts from 1 January of the event's
    year; a term ("of Trump's second term", "of the Biden administration", "since Trump
    took office") from the term's start in the milestones. A noun naming a class
    ("cruise missile launch", "ballistic missile test") counts that class only;
    otherwise all launch events count (missile and satellite launches: the chronology's
    unit). An elliptic claim ("and the second of ...") takes the noun of the claim before
    it in the sentence.
    Columns: article_id, sentence_id, claim, form, stated, computed, holds, basis,
    event_date; computed/holds are NA (with the reason in basis) when no event date is
    found.
    `milestones` default to the curated table (data/reference/milestones.csv); `lexicon`
    (default: data/lexicon.yml) names missile classes, through `rules`, which default to
    ``load_event_rules(lexicon=lexicon)``; the articles are split into sentences as
    ``ak.sentences`` splits them, without crediting speakers. As a step of the chain, the
    ``ak.sentences`` frame and the ``ak.extract_events`` frame of these articles may be
    passed (`sentences`, `events`, with all mentions merged, as extract_events returns
    them): they are then not computed again, and the claims are the same.
    A gap whose subject is another state's launch ("The [US] test came two days after
    North Korea fired …": the launch event told last before it) is no claim.
    A chronology sees nothing before the day it is complete from (`complete_from`): a
    claim that counts launches before that day is refuted by the launches it lists but
    never confirmed ("the first launch since May 2017" against a chronology that begins
    in 2018: holds NA, and basis says why).

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles frame: ``article_id``, ``date``, ``text``.
    chronology : pandas.DataFrame or None, default None
        The launch chronology (``date``, ``event_type``, ``missile_class``; ``counted``
        honoured); None is ``load_chronology()``.
    milestones : pandas.DataFrame or None, default None
        The milestones that date presidential terms; None is ``load_milestones()``.
    rules : EventRules or None, default None
        The compiled event rules; None is ``load_event_rules(lexicon=lexicon)``.
    lexicon : Lexicon, str, pathlib.Path or None, default None
        The lexicon (or a path to one) whose ``weapon`` tags are the missile classes,
        used only when `rules` is None; None is ``load_lexicon()``.
    sentences : pandas.DataFrame or None, default None
        ``ak.sentences(articles)`` (``article_id``, ``sentence_id``, ``text``; ``start``
        and ``end`` too when `events` is None), to reuse instead of splitting again.
    events : pandas.DataFrame or None, default None
        ``ak.extract_events`` of these articles (merged, not ``all_mentions``), to reuse.
    complete_from : str, pandas.Timestamp or None, default None
        The first day from which the chronology lists every launch. None: 1 January 2018
        for the curated chronology (``analystkit.reference.CHRONOLOGY_FROM``), else the
        chronology's first listed launch.

    Returns
    -------
    pandas.DataFrame
        One row per claim, on a RangeIndex: ``article_id``, ``claim``, ``form``
        (ordinal_period, ordinal_gap, first_since, count_since, superlative), ``basis``
        (str), ``sentence_id``, ``stated`` (int64), ``computed`` (Int64), ``holds``
        (boolean), ``event_date`` (datetime64[us]). No claim: an empty frame so typed.

    Raises
    ------
    ValueError
        `articles`, `chronology` or `sentences` lacks a column it needs (`sentences`:
        ``start`` and ``end`` too without `events`), said before any work; an article's
        text is not a string.
    TypeError
        A frame argument is not a DataFrame.

    Examples
    --------
    >>> import analystkit as ak
    >>> claims = ak.check_claims(ak.load_articles(ak.SEEDS_DIR))
    >>> claims[["claim", "stated", "computed", "holds"]].values.tolist()[0]
    ['fourth missile launch event this year', 4, 4, True]
    >>> seed = ak.load_articles(ak.SEEDS_DIR)
    >>> sents = ak.sentences(seed)
    >>> events = ak.extract_events(sents, articles=seed)
    >>> ak.check_claims(seed, sentences=sents, events=events).equals(claims)  # the chain
    True
    """
    require_columns(articles, ["article_id", "date", "text"], "articles")
    if sentences is not None:
        _require_sentence_columns(sentences, events is None)
    source = "curated chronology" if chronology is None else "given chronology"
    if chronology is None:
        from analystkit.reference import CHRONOLOGY_FROM, load_chronology

        chronology = load_chronology()
        complete_from = CHRONOLOGY_FROM if complete_from is None else complete_from
    if milestones is None:
        from analystkit.reference import load_milestones

        milestones = load_milestones()
    require_columns(chronology, ["date", "event_type", "missile_class"], "chronology")
    terms = terms_from_milestones(milestones)
    rules = rules or load_event_rules(lexicon=lexicon)
    with_claims = articles[
        np.array([bool(h) for h in _pattern_hits(require_text(articles), True)], dtype=bool)
    ]
    if with_claims.empty:
        return empty_frame(CLAIM_COLUMNS, _CLAIM_DTYPES)
    claim_ids = set(with_claims["article_id"])
    if sentences is None:
        sents = _sentences_of(with_claims)
    else:
        sents = sentences[sentences["article_id"].isin(claim_ids)]
    if events is None:
        events = extract_events(with_claims, rules=rules, sentences=sents, milestones=milestones)
    else:
        events = events[events["article_id"].isin(claim_ids)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unlinked launches: no day, said per claim
        launches = link_events(events, chronology)
    launches = launches.assign(
        date=launches["linked_date"].where(launches["link_status"] != "none", launches["date"]),
        date_precision=launches["date_precision"].where(launches["link_status"] == "none", "day"),
    )
    news_of: dict[str, tuple[list[int], list[dict]]] = {}
    ordered = launches.sort_values("sentence_id", kind="stable")
    ordered.attrs = {}  # no attrs deep-copied into every row
    read = [c for c in _EVENT_READ if c in ordered]
    for row in ordered[read].to_dict("records"):  # one pass: an article's launches in order
        ids, rows = news_of.setdefault(row["article_id"], ([], []))
        ids.append(row["sentence_id"])
        rows.append(row)
    foreign = _foreign_launch_sentences(events, sents, rules)
    launches_before: dict[str, list[tuple[int, str]]] | None = None  # read at a gap claim
    index = DayIndex(chronology, complete_from)
    claim_article_ids = with_claims["article_id"].tolist()
    report_of = dict(
        zip(
            claim_article_ids,
            [pd.Timestamp(d).normalize() for d in with_claims["date"].tolist()],
        )
    )
    # per article, its sentences in order: (sentence_id, text, the claim patterns that
    # match it and where: _finditer); plain tuples, no frame sliced per article
    sentences_of: dict[str, list[tuple[int, str, dict[int, list[int]]]]] = {}
    texts = sents["text"].tolist()
    for article_id, sentence_id, text, hits in zip(
        sents["article_id"].tolist(), sents["sentence_id"].tolist(), texts, _pattern_hits(texts)
    ):
        sentences_of.setdefault(article_id, []).append((sentence_id, text, hits))
    rows = []
    for article_id in claim_article_ids:
        news = news_of.get(article_id, ([], []))
        previous = ""
        for sentence_id, text, hits in sentences_of.get(article_id, []):
            previous, before = text, previous
            if not hits or (article_id, sentence_id) in foreign:
                continue  # no claim pattern matches it, or its launches are another state's
            event, _ = _nearest_launch(news, sentence_id)
            claims = _finditer(_CLAIM, text, hits[_CLAIM_HIT]) if _CLAIM_HIT in hits else []
            elliptic = (
                _finditer(_ELLIPTIC, text, hits[_ELLIPTIC_HIT]) if _ELLIPTIC_HIT in hits else []
            )
            ordinal = [(m.start(), m.end()) for m in claims + elliptic]  # scanned once
            forms = {k - _FIRST_FORM_HIT: t for k, t in hits.items() if k >= _FIRST_FORM_HIT}
            for form, m in _claim_forms(text, forms):
                if any(m.start() < e and b < m.end() for b, e in ordinal):
                    continue  # the term and year ordinals below check it
                if not about_launches(form, m, text, before):
                    continue
                if form == "ordinal_gap" and m.groupdict().get("after"):
                    if launches_before is None:
                        launches_before = _launch_actors(events)
                    actor = _last_actor(launches_before.get(article_id, []), sentence_id)
                    if actor not in (None, DPRK):
                        continue  # "The [US] test came two days after Pyongyang fired …"
                checked = check_form(
                    form, m, text, event, report_of[article_id], index, rules, source, terms
                )
                if checked is not None:
                    rows.append(
                        {
                            "article_id": article_id,
                            "sentence_id": int(sentence_id),
                            "claim": m.group(0),
                            **checked,
                        }
                    )
            found = sorted(
                [(m.start(), m, True) for m in claims] + [(m.start(), m, False) for m in elliptic],
                key=lambda x: x[0],
            )
            noun = "launch"  # "the 12th this year": launches, unless a claim named one
            for _, m, explicit in found:
                if explicit:
                    noun = m.group("noun")
                if "nuclear" in noun.lower() or _NUCLEAR_WORD.search(m.group(0)):
                    continue  # "the sixth nuclear test this year", "its first test blast in 2006"
                event, position = _nearest_launch(news, sentence_id)
                rows.append(
                    _check(
                        article_id,
                        sentence_id,
                        m,
                        noun,
                        event,
                        position,
                        index,
                        terms,
                        rules,
                        source,
                    )
                )
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS).astype(
        {"stated": "int64", "computed": "Int64", "holds": "boolean"}
    )


def _foreign_launch_sentences(
    events: pd.DataFrame, sentences: pd.DataFrame, rules: EventRules
) -> set[tuple[str, int]]:
    """(article_id, sentence_id) of the sentences whose launch events are all another
    actor's than the DPRK and that name no DPRK party ("the U.S. forces launched
    Minuteman-3 missiles twice"): their claims are not about North Korea's launches."""
    launches = events[events["event_type"].isin(LAUNCH_TYPES)]
    by_dprk = (
        launches["actor"]
        .eq(DPRK)
        .groupby([launches["article_id"], launches["sentence_id"]], sort=False)
    )
    foreign = {key for key, any_dprk in by_dprk.any().items() if not any_dprk}
    if not foreign or DPRK not in rules.parties.names:
        return foreign
    keys = list(zip(sentences["article_id"].tolist(), sentences["sentence_id"].tolist()))
    rows = [i for i, key in enumerate(keys) if key in foreign]
    texts = sentences["text"].iloc[rows].tolist()
    dprk = rules.parties.names.index(DPRK)
    named = rules.parties.find_all(texts, [None] * len(texts))
    return {keys[i] for i, found in zip(rows, named) if all(p[2] != dprk for p in found)}


def _launch_actors(events: pd.DataFrame) -> dict[str, list[tuple[int, str]]]:
    """Per article, (sentence_id, actor) of its launch events in sentence order."""
    launches = events[events["event_type"].isin(LAUNCH_TYPES)].sort_values(
        "sentence_id", kind="stable"
    )
    out: dict[str, list[tuple[int, str]]] = {}
    for article_id, sentence_id, actor in zip(
        launches["article_id"].tolist(),
        launches["sentence_id"].tolist(),
        launches["actor"].tolist(),
    ):
        out.setdefault(article_id, []).append((int(sentence_id), str(actor)))
    return out


def _last_actor(launches: list[tuple[int, str]], sentence_id: int) -> str | None:
    """The actor of the last launch event told before sentence `sentence_id`: what "it"
    or "the test" of a gap claim ("It came two days after …") refers to. An event is
    placed at its first mention (merged events), so a launch told again later is seen
    where it was first told."""
    before = [actor for sid, actor in launches if sid < sentence_id]
    return before[-1] if before else None


def _sentences_of(articles: pd.DataFrame) -> pd.DataFrame:
    """The columns of ``ak.sentences(articles)`` claims read (article_id, sentence_id,
    start, end, text), the same sentences without their speakers: no attribution."""
    ids, texts = articles["article_id"].tolist(), articles["text"].tolist()
    rows = [
        (article_id, k, start, end, text[start:end])
        for article_id, text, spans in zip(ids, texts, article_spans(texts))
        for k, (start, end) in enumerate(zip(*spans))
    ]
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "text"])


def _require_sentence_columns(sentences: pd.DataFrame, extracting: bool) -> None:
    """Raise ValueError naming the columns `sentences` lacks: its texts, and their spans
    too when the events are `extracting` from it (no events given)."""
    columns = ["article_id", "sentence_id", "text"] + (["start", "end"] if extracting else [])
    name = "sentences (without events=, extract_events reads start and end)"
    require_columns(sentences, columns, name if extracting else "sentences")


_EVENT_READ = [  # the columns of a launch the checks read
    "article_id",
    "sentence_id",
    "date",
    "date_precision",
    "missile_class",
]


def _nearest_launch(
    news: tuple[list[int], list[dict]], sentence_id: int
) -> tuple[dict | None, str]:
    """The news launch mentioned nearest at or before the claim's sentence, else the
    nearest after it; and which of the two it was. `news`: the article's launches in
    sentence order (their sentence ids, their rows)."""
    ids, rows = news
    k = bisect.bisect_right(ids, sentence_id)
    if k:
        return rows[k - 1], "at or before"
    return (rows[0], "after") if rows else (None, "")


def _check(
    article_id: str,
    sentence_id: int,
    m: re.Match[str],
    noun: str,
    event: pd.Series | None,
    position: str,
    chronology: pd.DataFrame,
    terms: list[Term],
    rules: EventRules,
    source: str,
) -> dict:
    word = m.group("ord").lower()
    stated = ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else int(word[:-2])
    row = {
        "article_id": article_id,
        "sentence_id": int(sentence_id),
        "claim": m.group(0),
        "form": "ordinal_period",
        "stated": stated,
        "computed": pd.NA,
        "holds": pd.NA,
        "event_date": pd.NaT,
    }
    if event is None or event["date_precision"] != "day":
        return {**row, "basis": "no day-dated news launch event in the article"}
    date = pd.Timestamp(event["date"])
    if m.group("year") and int(m.group("year")) != date.year:
        return {
            **row,
            "basis": f"not checked: the claim's year {m.group('year')} is not "
            f"the year of the article's launch ({date:%Y-%m-%d})",
        }
    since, note = _since(m, date, terms)
    if since is None:
        return {**row, "event_date": date, "basis": note}
    types = ("satellite_launch",) if "satellite" in noun.lower() else LAUNCH_TYPES
    named = rules.classes.name(noun)
    classes = BALLISTIC_CLASSES if named == "ballistic" else ([named] if named else None)
    index = chronology if isinstance(chronology, DayIndex) else DayIndex(chronology)
    computed = index.ordinal(date, types, since, classes)
    what = f"{named + ' ' if named else ''}launch events"
    basis = (
        f"{what} {since:%Y-%m-%d}..{date:%Y-%m-%d} (counted, {source}{note}; "
        f"event: the nearest news launch {position} the claim)"
    )
    short = _unchecked_count(index, classes, since, date, computed, stated)
    if short:
        return {**row, "computed": computed, "basis": short + basis, "event_date": date}
    return {
        **row,
        "computed": computed,
        "holds": computed == stated,
        "basis": basis,
        "event_date": date,
    }


def _since(
    m: re.Match[str], date: pd.Timestamp, terms: list[Term]
) -> tuple[pd.Timestamp | None, str]:
    """Where the claim's count starts, and a note on how that was found."""
    if m.group("year"):
        return pd.Timestamp(int(m.group("year")), 1, 1), ""
    who = m.group("who") or m.group("who2") or m.group("who3") or m.group("who4")
    if who is None:
        return pd.Timestamp(date.year, 1, 1), ""
    ordinal = ORDINAL_WORDS.index(m.group("term").lower()) + 1 if m.group("term") else None
    term = find_term(terms, who, ordinal, date)
    if term is None:
        return None, f"no term in the milestones matches {who!r}"
    return term.start, f"; {term.label} began {term.start:%Y-%m-%d}"


# ---------------------------------------------------------------- other claim forms

_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_EVER = pd.Timestamp("1900-01-01")  # a count with no period: every launch ever
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_CLASS = (
    r"(?:(?:(?:intercontinental|intermediate-range|medium-range|midrange|short-range|"
    r"submarine-launched|long-range|cruise|ballistic|hypersonic|"
    r"(?:short|medium|mid|intermediate)-to-(?:medium|intermediate|long)-range)\s+)+missiles?|"
    r"ICBMs?|IRBMs?|SLBMs?|SRBMs?|MRBMs?)"
)
_CORE = (
    r"(?:(?:flight\s+)?test(?:-launch(?:es)?|\s+launch(?:es)?|-firings?|s)?|"
    r"launch(?:es)?|firings?|test-fir(?:e|es|ings?)|bids?|attempts?)"
)
_CORE_PLURAL = (
    r"(?:(?:flight\s+)?tests|test-launches|test\s+launches|test-firings|"
    r"launches|firings|test-fires|bids|attempts)\b"
)
# a count's number; not one joined to a name by a hyphen ("Minuteman-3", "Hwasong-15")
_NUM = r"(?<!-)(?P<count>\d{1,3}|" + "|".join(list(_NUMBERS)[2:]) + r")"
_ORDW = r"(?P<ord>" + "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))"
_ADJ = r"(?:(?:ever|successful|such|straight|recent|separate|more|new|" + _MONTHS + r")\s+)*"
_WHAT = (
    r"(?P<what>"
    + _ADJ
    + r"(?:(?:"
    + _CLASS
    + r"|missile|rocket)\s+)?(?:"
    + _CORE
    + r"|time)"
    + r"(?:\s+of\s+(?:an?\s+)?"
    + _CLASS
    + r")?|"
    + _ADJ
    + _CLASS
    + r")"
)
_SPAN_RE = (
    r"(?P<bound>less\s+than|just\s+over|more\s+than|over|nearly|about|almost|"
    r"the\s+past|as\s+many)?\s*(?P<n>a|an|two|three|four|five|six|\d{1,2})?\s*"
    r"(?P<unit>days?|weeks?|months?|years?)"
)
_SPAN_COUNT = "|".join(["a", "an", *list(_NUMBERS)[2:13]])  # a span's number: "a" to "twelve"
_WHEN = (  # "November 2017" is a month and a year, not November 20
    r"(?P<month>" + _MONTHS + r")?\s*(?P<day>\d{1,2}(?!\d))?,?\s*(?P<year>(?:19|20)\d\d(?!\d))?"
)

_FORMS: list[tuple[str, re.Pattern[str]]] = [
    (form, re.compile(p, re.I))
    for form, p in [
        (
            "ordinal_gap",
            r"\b" + _ORDW + r"\s+" + _WHAT + r"?(?:\s+[\w’'-]+){0,3}?\s+in\s+"
            r"(?P<gap>(?:less\s+than|just\s+over|under)\s+(?:" + _SPAN_COUNT + r"|\d{1,2})\s+"
            r"(?:days?|weeks?|months?))",
        ),
        (
            "first_since",
            r"\bfirst(?:\s+" + _WHAT + r")?(?:\s+[\w’'-]+){0,4}?\s+(?:in\s+"
            r"(?P<span>(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+)?(?:"
            + _SPAN_COUNT
            + r"|\d{1,2})\s+(?:days?|weeks?|months?|years?))|since\s+(?:a\s+|the\s+)?"
            + _WHEN
            + r")",
        ),
        (
            "first_since",  # the article's launch ends a gap: "shattered a two-month calm"
            r"\b(?:end(?:ed|s|ing)?|broke|breaks|breaking|shatter(?:ed|s|ing)?|"
            r"snapp(?:ed|ing)|interrupt(?:ed|s|ing)?)\s+(?:a|an|the|its)\s+"
            r"(?:(?:nearly|almost|about|roughly|more\s+than|over)\s+)?"
            r"(?P<span>(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[\s-]+"
            r"(?:day|week|month|year)s?)(?:[\s-]+long)?\s+(?:[\w-]+\s+)?"
            r"(?:calm|lull|pause|hiatus|break|silence|quiet|respite)\b",
        ),
        (
            "first_since",  # the launch before it named: "its last ICBM test, in 2016"
            r"\b(?:the|its|[\w-]+['’]s)\s+(?:last|previous)\s+"
            r"(?P<what>(?:[\w-]+\s+){0,3}?(?:launch|test|test-fire|firing))\s*,?\s+"
            r"(?:(?:which|that)\s+(?:happened|took\s+place|came|was\s+carried\s+out)\s+)?"
            r"(?P<prevwhen>in\s+(?:19|20)\d\d|(?:earlier\s+)?this\s+(?:month|year)|"
            r"last\s+(?:month|year)|in\s+(?:" + _MONTHS + r")(?:\s+(?:19|20)\d\d)?)\b",
        ),
        (
            "count_since",
            r"\bhas(?:n[’']t|\s+not)\s+(?:launched|fired|tested)\s+(?:a|any)\s+"
            r"(?P<what>missiles?|" + _CLASS + r")\s+since\s+" + _WHEN,
        ),
        (
            "count_since",
            r"\bhas\s+yet\s+to\s+(?:flight\s+)?test(?:-fire|-launch)?\s+"
            r"(?P<what>(?:an?\s+)?" + _CLASS + r"|them)",
        ),
        (
            "count_since",
            r"\b"
            + _NUM
            + r"\s+(?P<what>"
            + _ADJ
            + r"(?:(?:"
            + _CLASS
            + r"|missile|rocket)\s+)?"
            + _CORE_PLURAL
            + r"(?:\s+of\s+"
            + _CLASS
            + r")?|"
            + _ADJ
            + _CLASS
            + r")(?P<period>(?:\s+[\w’'-]+){0,3}?\s+"
            r"(?:last\s+month|this\s+year|so\s+far|in\s+(?:"
            + _MONTHS
            + r")|since\s+"
            + _WHEN
            + r"|in\s+(?:the\s+past|as\s+many)\s+(?:\w+\s+)?(?:weeks?|months?)))?",
        ),
        (
            "count_since",
            r"\b(?:test-launched|launched|fired|tested|testing\s+of|test\s+launches"
            r"\s+of)\s+" + _NUM + r"\s+(?P<what>" + _CLASS + r")(?P<period>\s+last\s+month)?",
        ),
        (
            "ordinal_gap",
            r"\b(?:comes?|came|follow(?:s|ed)?)\s+"
            r"(?:just\s+|only\s+|roughly\s+|about\s+)?"
            r"(?P<after>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>days?|weeks?|months?)"
            r"\s+(?:after|since)\b",
        ),
        (
            "count_since",
            r"\b" + _NUM + r"\s+(?:consecutive\s+|straight\s+|separate\s+)?times"
            r"(?P<period>\s+(?:in\s+the\s+past\s+(?:\w+\s+)?(?:weeks?|months?)|this\s+year|"
            r"last\s+month))",
        ),
        (
            "superlative",
            r"\b(?:(?:the\s+)?most\s+(?:[\w-]+\s+)?(?:launches|tests|missiles|"
            r"test-firings)|(?:the\s+)?busiest\s+year|"
            + _ORDW.replace("?P<ord>", "?:")
            + r"-ever\s+(?:[\w-]+\s+)?(?:test|launch|flight)\w*|more\s+(?:[\w-]+\s+){0,2}"
            r"(?:missiles|launches|tests)\s+than)\b",
        ),
        ("ordinal_period", r"\b" + _ORDW + r"\s+(?P<what>missiles?)\b"),
        ("ordinal_period", r"(?:\b[Ii]n\s+a|,\s+a)\s+(?P<ord>first)\b(?!\s+(?!for\b)[\w-]+)"),
        (
            "ordinal_period",
            r"\b" + _ORDW + r"\s+(?:straight\s+|consecutive\s+)?"
            r"(?P<what>failures?|successes)\b",
        ),
        (
            "ordinal_period",
            r"\b(?:for\s+a|for\s+the)\s+(?P<ord>second|third|fourth|fifth)\s+"
            r"(?P<what>time)\b",
        ),
        (
            "ordinal_period",
            r"\b"
            + _ORDW
            + r"\s+"
            + _WHAT
            + r"(?P<period>(?:\s+[\w’'-]+){0,2}?\s+(?:in\s+(?P<inyear>(?:19|20)\d\d)|this\s+month"
            r"|ever|since\s+(?:[\w’'.-]+\s+){0,8}?(?:on\s+)?(?P<month>"
            + _MONTHS
            + r")\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>(?:19|20)\d\d))?))?",
        ),
        (
            "ordinal_gap",  # a bare span, read with a margin: "the fourth launch in two weeks"
            r"\b(?!first\b)"
            + _ORDW
            + r"\s+"
            + _WHAT
            + r"(?:\s+[\w’'-]+){0,3}?\s+in\s+(?:the\s+(?:past|last)\s+)?"
            r"(?P<gap>(?:" + _SPAN_COUNT + r"|\d{1,2})\s+(?:days?|weeks?|months?))\b",
        ),
    ]
]


# What each form's match must contain (case-insensitive, as the forms): a sentence
# lacking it is not searched with that form, which finds the same claims faster. Edit
# a form, check its gates (tests/test_claims.py compares the forms with and without).
# Each gate's alternatives: the words, then any others.
_GATE_PARTS: dict[str, list[str]] = {
    "ord": [*ORDINAL_WORDS, r"\d(?:st|nd|rd|th)"],
    "num": [*list(_NUMBERS)[2:], r"\d"],
    "first": ["first"],
    "gap": ["under", r"less\s+than|just\s+over"],
    "lull": ["calm", "lull", "pause", "hiatus", "break", "silence", "quiet", "respite"],
    "last": ["last", "previous"],
    "has_not": [r"has(?:n[’']t|\s+not)"],
    "yet": [r"has\s+yet\s+to"],
    "fired": ["launched", "fired", "test"],
    "after": ["after", "since"],
    "times": ["times"],
    "most": ["most", "busiest", "-ever", "than"],
    "missile": ["missile"],
    "outcome": ["failure", "successes"],
    "time": ["time"],
    "span": [r"in\s+(?:the\s+(?:past|last)\s+)?\w+\s+(?:day|week|month)"],
}


class _Gate(NamedTuple):
    """A gate, to find in folded texts (_folded): as written, its words, and a pattern of
    its other alternatives (None if none), as is and ASCII (_ascii_alike)."""

    plain: re.Pattern[str]
    words: list[str]
    others: tuple[re.Pattern[str], re.Pattern[str]] | None


def _gate(parts: list[str]) -> _Gate:
    words = [p for p in parts if re.fullmatch(r"[a-z-]+", p)]
    others = "|".join(p for p in parts if p not in words)
    return _Gate(re.compile("|".join(parts)), words, _both(others) if others else None)


def _both(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pattern compiled as is, and with re.ASCII (faster: \\d and \\s test ASCII only)."""
    return re.compile(pattern), re.compile(pattern, re.ASCII)


_UNICODE_ONLY = re.compile(r"[\x1c-\x1f]")  # ASCII that \s takes only without re.ASCII


def _ascii_alike(text: str) -> bool:
    """Whether a pattern finds in `text` what it finds with re.ASCII: the text is ASCII,
    and holds none of the separators \\x1c-\\x1f (\\s without re.ASCII only)."""
    return text.isascii() and _UNICODE_ONLY.search(text) is None


def _folded(text: str) -> str:
    """The text lower-cased, as long, with the letters re.I takes for ASCII ones ("İ",
    "ı", "ſ", the Kelvin sign) made those: a lower-case ASCII gate found in it
    case-sensitively is where re.I finds it in the text."""
    if text.isascii():
        return text.lower()
    return text.replace("İ", "I").lower().replace("ı", "i").replace("ſ", "s")


_GATES = {name: _gate(parts) for name, parts in _GATE_PARTS.items()}
_FORM_GATES: list[tuple[str, ...]] = [  # in the order of _FORMS
    ("ord", "gap"),
    ("first",),
    ("lull",),
    ("last",),
    ("has_not",),
    ("yet",),
    ("num",),
    ("num", "fired"),
    ("after",),
    ("num", "times"),
    ("most",),
    ("ord", "missile"),
    ("first",),
    ("ord", "outcome"),
    ("ord", "time"),
    ("ord",),
    ("ord", "span"),
]
_FORM_RANK: dict[str, int] = {}  # a form's first place in _FORMS (ties in overlaps)
for _rank, (_form, _) in enumerate(_FORMS):
    _FORM_RANK.setdefault(_form, _rank)


_LAUNCH_WORD = re.compile(
    r"\b(?:missiles?|launch(?:es|ed|ing)?|rockets?|projectiles?|ICBMs?|SLBMs?|IRBMs?|"
    r"MRBMs?|SRBMs?|test-fir\w*|test-launch\w*|fired|firings?)\b",
    re.I,
)
_TESTED_THING = re.compile(
    r"\b(?:tests?|tested|testing|flight|time|kind|attempts?|failures?|successes)\b", re.I
)
_GAP_OBJECT = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(?:tests?|tested|(?:last|previous|latest)\s+one)\b", re.I
)
_NUCLEAR_WORD = re.compile(r"\b(?:nuclear|hydrogen|atomic|detonat\w*|device|bomb|blast)\b", re.I)
_GAP_SUBJECT = re.compile(
    r"\b(?:launch(?:es)?|test(?:-fire)?s?|firings?|missiles?|rockets?|it|this)\W*"
    r"(?:[\w’'-]+\W+){0,3}$",
    re.I,
)


_APPOSITIVE = re.compile(r",\s+(?:the|its)\s+$", re.I)
_OTHER_EVENT = re.compile(  # events an appositive "…, the first since" may be about
    r"\b(?:congress|plenum|plenary|meetings?|summits?|talks|visits?|trips?|elections?|"
    r"sessions?|conferences?|parades?|rall(?:y|ies)|speech(?:es)?|exercises?|drills?|"
    r"negotiations|ceremon(?:y|ies)|celebrations?|anniversary|statements?)\b",
    re.I,
)


def _about_another_event(sentence: str, start: int) -> bool:
    """Whether the claim at `start` is an appositive whose nearest event noun before the
    comma is not a launch ("…ahead of a party congress in May, the first since 1980")."""
    if not _APPOSITIVE.search(sentence, 0, start):
        return False
    before = sentence[:start].rsplit(",", 1)[0]
    other = [m.end() for m in _OTHER_EVENT.finditer(before)]
    launch = [m.end() for m in _LAUNCH_WORD.finditer(before)]
    return bool(other) and other[-1] > max(launch, default=-1)


_LAUNCH_VERB = re.compile(
    r"\b(?:launch(?:ed|es|ing)?|fir(?:ed|es|ing)|test(?:ed|s|ing)?|test-fir\w*|"
    r"test-launch\w*)\b",
    re.I,
)


_NOT_A_WEAPON = re.compile(r"\b(?:" + _CORE + r"|time|failures?|successes)\b", re.I)
# what a launch is said to be: "It was its first ICBM", "The missile is the second …"
_LAUNCH_WAS = re.compile(
    r"\b(?:it|this|the\s+(?:launch|missile|rocket|projectile|test))\s+(?:was|is)\s+"
    r"(?:[\w’'-]+\s+){0,2}\Z",
    re.I,
)


def _weapons_not_launches(m: re.Match[str], sentence: str) -> bool:
    """Whether a count of missiles ("400 long-range missiles in March") or an ordinal
    weapon with no period ("its first ICBM rolled through the square", "a second missile
    defense radar") has no verb of launching in its clause before it or in its own
    words, nor (an ordinal) in the relative clause right after it ("the first missile
    the nation has fired"), and is not what a launch is said to be ("It was its first
    ICBM"): weapons bought, built, shown or deployed, not launches. An ordinal with a
    period ("its 12th missile this year") counts launches."""
    found = m.groupdict()
    what = found.get("what") or ""
    clause = sentence[max(0, m.start() - 80) : m.start()].rsplit(";", 1)[-1]
    if found.get("count"):
        if not what or _PLURAL.search(what):
            return False
        after = ""
    elif found.get("ord") and what and not found.get("period") and not _NOT_A_WEAPON.search(what):
        if _LAUNCH_WAS.search(clause):
            return False
        after = sentence[m.end() : m.end() + 60].split(",", 1)[0]
    else:
        return False
    return not any(_LAUNCH_VERB.search(words) for words in (clause, m.group(0), after))


def about_launches(form: str, m: re.Match[str], sentence: str, previous: str = "") -> bool:
    """Whether a claim form found in a sentence is about launches at all: its own words
    name a launch, or (a "first since", "for the second time", "came a day after" with
    no noun of its own) its sentence does, or its sentence speaks of a test or a failure
    right after one (`previous`) that names a launch; not an appositive to another
    event ("a party congress, the first since 1980"); never a count of nuclear tests; a
    gap ("came two days after") needs a launch on both sides."""
    words = m.group(0)
    if _NUCLEAR_WORD.search(words):
        return False
    if form in ("count_since", "ordinal_period") and _weapons_not_launches(m, sentence):
        return False
    if form == "ordinal_gap" and m.groupdict().get("after"):
        subject = sentence[max(0, m.start() - 60) : m.start()]
        after = sentence[m.end() : m.end() + 80]
        return bool(
            _GAP_SUBJECT.search(subject)
            and (_LAUNCH_WORD.search(after) or _GAP_OBJECT.search(after))
        )
    if _LAUNCH_WORD.search(words):
        return True
    if _about_another_event(sentence, m.start()):
        return False
    if not (
        _LAUNCH_WORD.search(sentence)
        or _TESTED_THING.search(sentence)
        and _LAUNCH_WORD.search(previous)
        and not _NUCLEAR_WORD.search(previous)
    ):
        return False  # "the first public comments since", "the first of its kind"
    return not (
        _TESTED_THING.search(words)
        and _NUCLEAR_WORD.search(sentence)
        and not _LAUNCH_WORD.search(sentence, 0, m.start())
    )


def find_claim_forms(text: str) -> list[tuple[str, re.Match[str]]]:
    """The gap, first-since, count and ordinal claims in a sentence, longest first where
    two overlap (the forms' own order on a tie)."""
    return _claim_forms(text, dict.fromkeys(_gated_forms(text)))


def _gated_forms(text: str) -> list[int]:
    """The indices in _FORMS of the forms whose gates the sentence passes."""
    present: dict[str, bool] = {}  # gate -> found in the sentence (each searched once)
    folded = _folded(text)

    def gated(names: tuple[str, ...]) -> bool:
        for name in names:
            if name not in present:
                present[name] = _GATES[name].plain.search(folded) is not None
            if not present[name]:
                return False
        return True

    return [k for k, gates in enumerate(_FORM_GATES) if gated(gates)]


def _claim_forms(
    text: str, forms: Mapping[int, list[int] | None]
) -> list[tuple[str, re.Match[str]]]:
    """find_claim_forms with only the forms of `forms` (indices in _FORMS, in order),
    each tried where it says (_finditer)."""
    found = [
        (_FORMS[k][0], m)
        for k, tries in forms.items()
        for m in _finditer(_FORMS[k][1], text, tries)
    ]
    found.sort(key=lambda f: (-(f[1].end() - f[1].start()), _FORM_RANK[f[0]]))
    kept: list[tuple[str, re.Match[str]]] = []
    for form, m in found:
        if not any(m.start() < k.end() and k.start() < m.end() for _, k in kept):
            kept.append((form, m))
    return sorted(kept, key=lambda f: f[1].start())


# ------------------------------------------------------------ many texts scanned at once

_SEPARATOR = "\x00"  # between joined texts: no claim pattern or gate matches across it
_SCANNED: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (_CLAIM, ("ord",)),
    (_ELLIPTIC, ("ord",)),
    *((pattern, gates) for (_, pattern), gates in zip(_FORMS, _FORM_GATES, strict=True)),
]  # the ordinal claims, then the other forms in the order of _FORMS, with their gates
_CLAIM_HIT, _ELLIPTIC_HIT, _FIRST_FORM_HIT = 0, 1, 2
_DIGIT = r"\d"  # in a _Start's words: a digit, the first of a run of them


class _Start(NamedTuple):
    """Where a pattern's matches begin: at its words (folded, as _folded makes them),
    or, with `before`, at the positions it finds back from them."""

    words: tuple[str, ...]
    before: Callable[[str, int], list[int]] | None = None


def _spaces_before(text: str, at: int) -> int:
    """Where the run of whitespace (\\s) ending at `at` begins (`at` if none)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _word_before(text: str, at: int, hyphen: bool = False) -> int:
    """Where the run of word characters (\\w, and "-" if `hyphen`) ending at `at` begins."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in ("_-" if hyphen else "_")):
        at -= 1
    return at


def _the_before(text: str, at: int) -> list[int]:
    """ "the" and spaces before `at`: where "the" would begin."""
    spaces = _spaces_before(text, at)
    return [spaces - 3] if 3 <= spaces < at else []


def _at_or_the_before(text: str, at: int) -> list[int]:
    """ "(the) most": `at`, and where a "the" before it would begin."""
    return [*_the_before(text, at), at]


def _word_ending(text: str, at: int) -> list[int]:
    """ "[\\w]+-ever": where the word ending at `at` begins."""
    start = _word_before(text, at)
    return [start] if start < at else []


def _owner_before(text: str, at: int) -> list[int]:
    """ "(the|its|[\\w-]+'s) last": where the word before the spaces before `at` would
    begin: "the" or "its", or anywhere in the run of [\\w-] before "'s"."""
    spaces = _spaces_before(text, at)
    if spaces == at or spaces < 3:
        return []
    return sorted({spaces - 3, *range(_word_before(text, spaces - 2, hyphen=True), spaces - 2)})


def _a_before(text: str, at: int) -> list[int]:
    """ "(in|,) a first": where "in" or "," before "a" and spaces before `at` would begin."""
    spaces = _spaces_before(text, at)
    before_a = _spaces_before(text, spaces - 1) if spaces < at else spaces - 1
    return [p for p in (before_a - 2, before_a - 1) if p >= 0 and before_a < spaces - 1]


_ORD_START = _Start((*ORDINAL_WORDS, _DIGIT))
_NUM_START = _Start((*list(_NUMBERS)[2:], _DIGIT))
# Where each pattern of _SCANNED (in its order) may match, in folded text (_folded):
# the search tries there only, not every position ("\b" first and re.I make Python's re
# try each). Edit a pattern, check its starts (tests/test_claims.py).
_STARTS: list[tuple[_Start, ...]] = [
    (_ORD_START,),
    (_ORD_START._replace(before=_the_before),),  # "the 12th this year"
    (_ORD_START,),
    (_Start(("first",)),),
    (_Start(("end", "broke", "break", "shatter", "snapp", "interrupt")),),
    (_Start(("last", "previous"), _owner_before),),
    (_Start(("has",)),),
    (_Start(("has",)),),
    (_NUM_START,),
    (_Start(("test", "launched", "fired")),),
    (_Start(("come", "came", "follow")),),
    (_NUM_START,),
    (
        _Start(("most", "busiest"), _at_or_the_before),
        _Start(("higher", "farther", "longer", "more")),
        _Start(("-ever",), _word_ending),
    ),
    (_ORD_START,),
    (_Start(("first",), _a_before),),
    (_ORD_START,),
    (_Start(("for",)),),
    (_ORD_START,),
    (_ORD_START,),
]
_DIGIT_RUN = _both(r"\d+")


def _word_finder() -> ahocorasick.Automaton:
    """An automaton finding every gate word and pattern start at once: word -> its
    length, the gates it opens, and the patterns it starts (index in _SCANNED, and
    how to find the start from it)."""
    finder = ahocorasick.Automaton()
    opens: dict[str, tuple[list[str], list[tuple[int, Callable | None]]]] = {}
    for name, gate in _GATES.items():
        for word in gate.words:
            opens.setdefault(word, ([], []))[0].append(name)
    for k, starts in enumerate(_STARTS):
        for start in starts:
            for word in start.words:
                if word != _DIGIT:
                    opens.setdefault(word, ([], []))[1].append((k, start.before))
    for word, (gates, patterns) in opens.items():
        finder.add_word(word, (len(word), tuple(gates), tuple(patterns)))
    finder.make_automaton()
    return finder


_WORDS = _word_finder()


class _Joined(NamedTuple):
    """Some of a list of texts joined by _SEPARATOR: where each starts, and its index."""

    text: str
    starts: list[int]
    ids: list[int]


def _join(texts: list[str], ids: list[int]) -> _Joined:
    starts = list(itertools.accumulate((len(texts[i]) + 1 for i in ids[:-1]), initial=0))
    return _Joined(_SEPARATOR.join(texts[i] for i in ids), starts, ids)


def _matching(find: Callable[[str, int], int], joined: _Joined, text: str) -> list[int]:
    """The ids of the joined texts in which `find` (where it is found in `text` from a
    position, -1 if not; `text`: `joined.text` or a copy as long) finds something: one
    search per text found, the next resuming at the next text."""
    found = []
    pos = 0
    while (at := find(text, pos)) >= 0:
        k = bisect.bisect_right(joined.starts, at) - 1
        found.append(joined.ids[k])
        if k + 1 == len(joined.starts):
            break
        pos = joined.starts[k + 1]
    return found


def _searching(pattern: re.Pattern[str]) -> Callable[[str, int], int]:
    """Where `pattern` first matches a text from a position (-1: nowhere)."""

    def find(text: str, pos: int) -> int:
        m = pattern.search(text, pos)
        return -1 if m is None else m.start()

    return find


class _Scan(NamedTuple):
    """Texts joined to scan them (and where each starts, as an array): which hold each
    gate, and where each pattern of _SCANNED may match (sorted positions in the joined
    text)."""

    joined: _Joined
    bounds: np.ndarray
    holding: dict[str, set[int]]
    starts: list[list[int]]


def _scan(texts: list[str]) -> _Scan:
    """The texts joined and folded, read in one pass for the gates' words and the
    patterns' starts, then for the gates' other alternatives and the runs of digits."""
    joined = _join(texts, list(range(len(texts))))
    bounds = np.array(joined.starts)
    folded = _folded(joined.text)
    holding: dict[str, set[int]] = {name: set() for name in _GATES}
    starts: list[list[int]] = [[] for _ in _STARTS]
    gate_ends, gate_names = [], []
    for end, (length, gates, patterns) in _WORDS.iter(folded):
        if gates:
            gate_ends.append(end)
            gate_names.append(gates)
        for k, before in patterns:
            at = end - length + 1
            starts[k] += [at] if before is None else before(joined.text, at)
    at = np.searchsorted(bounds, gate_ends, side="right") - 1
    for i, names in zip(at.tolist(), gate_names):
        for name in names:
            holding[name].add(i)
    ascii = int(_ascii_alike(folded))  # which of a pattern's two compilations to use
    for name, gate in _GATES.items():
        if gate.others is not None:
            holding[name].update(_matching(_searching(gate.others[ascii]), joined, folded))
    runs = [m.start() for m in _DIGIT_RUN[ascii].finditer(folded)]
    for found, rules in zip(starts, _STARTS, strict=True):
        for rule in rules:
            if _DIGIT in rule.words:
                found += (
                    runs
                    if rule.before is None
                    else [p for run in runs for p in rule.before(joined.text, run)]
                )
        found[:] = sorted(set(found))
    return _Scan(joined, bounds, holding, starts)


def _matching_at(
    pattern: re.Pattern[str], scan: _Scan, starts: list[int], among: set[int]
) -> dict[int, list[int]]:
    """The ids of the texts of `among` in which `pattern` matches at one of `starts`
    (sorted positions in the scan's joined text), in order, each with its starts (in
    the text) from the first it matches at on: where finditer would find the rest."""
    found: dict[int, list[int]] = {}
    joined = scan.joined
    at = np.searchsorted(scan.bounds, starts, side="right") - 1
    for pos, k in zip(starts, at.tolist()):
        i = joined.ids[k]
        if i in found:
            found[i].append(pos - joined.starts[k])
        elif i in among and pattern.match(joined.text, pos):
            found[i] = [pos - joined.starts[k]]
    return found


def _pattern_hits(texts: list[str], first_only: bool = False) -> list[dict[int, list[int]]]:
    """For each text, the indices in _SCANNED of the patterns that match it (`first_only`:
    only the first, enough to tell that one does), each with the positions in the text
    to find its matches from (_finditer): each pattern tried once over the texts its
    gates let through, joined, at its starts, instead of searched in each text (issue
    #12)."""
    hits: list[dict[int, list[int]]] = [{} for _ in texts]
    scan = _scan(texts)
    left = set(range(len(texts)))  # the texts still searched
    for k, ((pattern, names), starts) in enumerate(zip(_SCANNED, scan.starts, strict=True)):
        among = left.intersection(*(scan.holding[name] for name in names))
        if not among:
            continue
        found = _matching_at(pattern, scan, starts, among)
        for i, tries in found.items():
            hits[i][k] = tries
        if first_only:
            left.difference_update(found)
    return hits


def _finditer(pattern: re.Pattern[str], text: str, tries: list[int] | None) -> list[re.Match[str]]:
    """pattern.finditer(text) as a list, trying only at `tries` (sorted positions where
    every match begins; None: at every position). None of the patterns matches empty."""
    if tries is None:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    for pos in tries:
        if (not found or pos >= found[-1].end()) and (m := pattern.match(text, pos)):
            found.append(m)
    return found


def check_form(
    form: str,
    m: re.Match[str],
    sentence: str,
    event: pd.Series | None,
    report: pd.Timestamp,
    chronology: pd.DataFrame,
    rules: EventRules,
    source: str,
    terms: list[Term],
) -> dict | None:
    """One claim of another form checked: computed, holds and basis (NA with the reason
    when it cannot be checked); None when the match is no claim about launches (a count
    of missiles without a class or a period)."""
    groups = m.groupdict()
    if not isinstance(chronology, DayIndex):
        chronology = DayIndex(chronology)
    if form == "superlative":
        if "busiest year" in m.group(0).lower():
            return _busiest_year(report, chronology, source)
        return {
            "form": form,
            "stated": 1,
            "computed": pd.NA,
            "holds": pd.NA,
            "event_date": pd.NaT,
            "basis": "not checked: a superlative or an ordinal with '-ever' (of these the "
            "kit checks only the busiest year)",
        }
    what = groups.get("what") or ""
    named = rules.classes.name(what) if what else None
    out = {"form": form, "computed": pd.NA, "holds": pd.NA, "event_date": pd.NaT}
    period_named = groups.get("period") or _PERIOD_WORD.search(sentence[: m.end()])
    if form == "count_since" and not (period_named or named is not None and _PLURAL.search(what)):
        return None  # "fired three missiles", "two tests": a count of missiles, no period
    if (
        form == "ordinal_period"
        and what.lower().endswith("time")
        and not groups.get("period")
        and not m.group(0).lower().startswith("for")
    ):
        return None  # "the first time": no count of launches
    if form == "count_since" and what.lower() == "them":
        return {**out, "stated": 0, "basis": "not parsed: 'them' names no missile class"}
    if form == "ordinal_period" and _OUTCOME_NOUN.fullmatch(what):
        return {
            **out,
            "stated": _ordinal(groups["ord"]),
            "basis": "not checked: it counts "
            "launches by their outcome, which the chronology does not record",
        }
    if form == "ordinal_period" and named is None and not groups.get("period"):
        return {
            **out,
            "stated": _ordinal(groups["ord"]),
            "basis": f"not parsed: no period or missile class in {m.group(0)!r}",
        }
    classes = BALLISTIC_CLASSES if named == "ballistic" else ([named] if named else None)
    spanned = _RANGE_SPAN.search(what)
    if spanned:  # "medium-to-long-range missiles": every class in the span
        lo, hi = (_RANGES.index(_RANGE_WORDS[w.lower()]) for w in spanned.groups())
        classes = list(_RANGES[lo : hi + 1])
        named = "-".join(classes)
    days = _chronology_days(chronology, classes)
    values = chronology.values(None, classes)
    label = f"{named + ' ' if named else ''}launch days ({source})"
    if groups.get("prevwhen"):
        return _previous_launch(out, groups, what, named, days, event, report, chronology, label)
    if form == "count_since":
        stated = 0 if _NONE_YET.search(m.group(0)) else _count(groups)
        occasions = _OCCASIONS.search(sentence, m.start())
        if occasions:  # "nine missiles on six occasions": six days
            stated = _count(occasions.groupdict())
        if _OUTCOME.match(sentence, m.end()):
            return {
                **out,
                "stated": stated,
                "basis": "not checked: it counts launches by "
                "their outcome, which the chronology does not record",
            }
        first, last, why = _count_period(groups, sentence, m, report, terms)
        if first is None:
            return {**out, "stated": stated, "basis": f"not parsed: {why}"}
        if first == _EVER:
            return _ever(out, stated, _n_days(values, None, last, True), days, label)
        computed = _n_days(values, first, last, True)
        short = _unchecked_count(chronology, classes, first, last, computed, stated)
        return {
            **out,
            "stated": stated,
            "computed": computed,
            "holds": pd.NA if short else computed == stated,
            "basis": f"{short}{label} {first:%Y-%m-%d}..{last:%Y-%m-%d}: {computed}",
        }
    stated = _ordinal(groups["ord"]) if groups.get("ord") else 1
    if (
        (event is None or event["date_precision"] != "day")
        and form == "ordinal_period"
        and named is not None
        and not groups.get("period")
    ):
        event = pd.Series({"date": report, "date_precision": "day", "missile_class": None})
    if event is None or event["date_precision"] != "day":
        return {**out, "stated": stated, "basis": "no day-dated news launch event in the article"}
    date = pd.Timestamp(event["date"])
    out["event_date"] = date
    n_before, last = _latest_before(days, date)
    if form == "first_since":
        since, why = _first_since_day(groups, m, sentence, date, terms)
        if since is None:
            return {**out, "stated": 1, "basis": f"not parsed: {why}"}
        named_day = since - pd.Timedelta(days=1)
        if (
            _SINCE_A_LAUNCH.search(sentence, m.start())
            and not (
                abs(_chronology_days(chronology, None) - named_day) <= pd.Timedelta(days=1)
            ).any()
        ):
            return {
                **out,
                "stated": 1,
                "basis": f"not checked: the claim counts from a "
                f"launch on {named_day:%Y-%m-%d} that the chronology does not list",
            }
        holds = bool(pd.isna(last) or last <= since)
        elided = _elided_class(form, what, event, named)
        if elided is not None:  # "fired an ICBM, its first since March": of ICBMs, or any?
            _, last_of = _latest_before(_chronology_days(chronology, [elided]), date)
            if bool(pd.isna(last_of) or last_of <= since) != holds:
                return {
                    **out,
                    "stated": 1,
                    "basis": f"not checked: {m.group(0)!r} names no launch: it holds of "
                    f"{'any launch' if holds else elided + ' launches'}, not of "
                    f"{elided + ' launches' if holds else 'any launch'}",
                }
        unseen = _unseen(chronology, since, 1 if holds else 2, 1)
        return {
            **out,
            "stated": 1,
            "computed": 1 if holds else 2,
            "holds": pd.NA if unseen else holds,
            "basis": f"{unseen}{label}: the one before {date:%Y-%m-%d} was "
            f"{'none' if pd.isna(last) else f'{last:%Y-%m-%d}'}; the claim "
            f"needs none from {since:%Y-%m-%d}",
        }
    if form == "ordinal_gap" and groups.get("after"):
        n, unit = _span(m.group(0))
        expected = n * _UNIT_DAYS[unit]
        gap = (date - last).days if pd.notna(last) else None
        slack = max(1, expected // 4)
        holds = gap is not None and abs(gap - expected) <= slack
        # a listed launch nearer than claimed refutes it; else the one before may be unlisted
        nearer = gap is not None and gap < expected - slack
        unseen = (
            "" if nearer else _unseen(chronology, date - pd.Timedelta(days=expected + slack), 0, 0)
        )
        return {
            **out,
            "stated": expected,
            "computed": gap if gap is not None else pd.NA,
            "holds": pd.NA if unseen else holds,
            "basis": f"{unseen}{label}: the one before {date:%Y-%m-%d} was "
            f"{'none' if pd.isna(last) else f'{last:%Y-%m-%d}'}, {gap} days "
            f"before (the claim: about {expected})",
        }
    if form == "ordinal_gap":
        n, unit = _span(groups["gap"])
        days_back = n * _UNIT_DAYS[unit]
        bound = groups["gap"].lower().split()[0]
        if bound == "just":  # "just over a week": up to a third more
            days_back += days_back // 3
        first = date - pd.Timedelta(days=days_back)
        computed = _launches_within(values, n_before, first)
        if bound not in _BOUNDS:  # "in two weeks": from three quarters to a third more
            shortest, longest = days_back - days_back // 4, days_back + days_back // 3
            first = date - pd.Timedelta(days=longest)
            fewest = _launches_within(values, n_before, date - pd.Timedelta(days=shortest))
            most = _launches_within(values, n_before, first)
            unseen = _unseen(chronology, first, most, stated)
            return {
                **out,
                "stated": stated,
                "computed": computed,
                "holds": pd.NA if unseen else fewest <= stated <= most,
                "basis": f"{unseen}{label} in the {days_back} days to {date:%Y-%m-%d}: "
                f"{computed} ({fewest} to {most} for a span read from "
                f"{shortest} to {longest} days)",
            }
        unseen = _unseen(chronology, first, computed, stated)
        return {
            **out,
            "stated": stated,
            "computed": computed,
            "holds": pd.NA if unseen else computed == stated,
            "basis": f"{unseen}{label} {first:%Y-%m-%d}..{date:%Y-%m-%d}: {computed}",
        }
    if groups.get("inyear"):
        first = pd.Timestamp(int(groups["inyear"]), 1, 1)
        if first.year != date.year:
            return {
                **out,
                "stated": stated,
                "event_date": pd.NaT,
                "basis": f"not checked: the claim's year {first.year} is not the year "
                f"of the article's launch ({date:%Y-%m-%d})",
            }
    elif groups.get("month"):
        first = _when(groups, date)
    elif groups.get("period") and "month" in groups["period"].lower():
        first = date.replace(day=1)
    else:  # "its second ICBM test": ever
        unread = _UNREAD_PERIOD.match(sentence, m.end())
        if unread:  # "the first ballistic launch of the Biden administration": not ever
            return {
                **out,
                "stated": stated,
                "basis": f"not parsed: the period {unread.group(0).strip()!r} is not one it reads",
            }
        if named is not None and event.get("missile_class") != named:
            return _ever(out, stated, 0, days, label)  # about another launch: unrefuted
        return _ever(out, stated, _n_days(values, None, date, False) + 1, days, label)
    computed = _n_days(values, first, date, False) + 1
    short = _unchecked_count(chronology, classes, first, date, computed, stated)
    return {
        **out,
        "stated": stated,
        "computed": computed,
        "holds": pd.NA if short else computed == stated,
        "basis": f"{short}{label} {first:%Y-%m-%d}..{date:%Y-%m-%d}: {computed}",
    }


def _unchecked_count(
    chronology: DayIndex,
    classes,
    first: pd.Timestamp,
    day: pd.Timestamp,
    computed: int,
    stated: int,
) -> str:
    """Why a count of the launches from `first` to `day` is not checked ("" if it is):
    the chronology may not track the claim's cruise missiles (_short_of_unlisted), or
    is not complete that far back (_unseen)."""
    return _short_of_unlisted(chronology, classes, day, computed, stated) or _unseen(
        chronology, first, computed, stated
    )


def _short_of_unlisted(
    chronology: DayIndex, classes, day: pd.Timestamp, computed: int, stated: int
) -> str:
    """Why a count the chronology falls short of is not refuted ("" if it is): the
    claim's unit takes in cruise missiles (an unqualified "launch" or "test") and the
    chronology lists none up to `day`, so it may not track them (the 2012-2017 list has
    ballistic and satellite launches only). A count it exceeds is refuted all the same."""
    if computed >= stated or (classes is not None and "cruise" not in classes):
        return ""
    if pd.notna(chronology.first_cruise) and chronology.first_cruise <= day:
        return ""
    return (
        f"not checked: the chronology lists {computed} but no cruise launch up to "
        f"{day:%Y-%m-%d}, and the claim's unit counts them: "
    )


def _unseen(chronology: DayIndex, first: pd.Timestamp, computed: int, stated: int) -> str:
    """Why a count over the days from `first` is not checked ("" if it is): the
    chronology is complete only from a later day, so it cannot show the launches before
    it. A count it already exceeds is refuted all the same."""
    if computed > stated or not chronology.start > first:
        return ""
    return (
        f"not checked: the chronology lists every launch only from "
        f"{chronology.start:%Y-%m-%d}, after {first:%Y-%m-%d}: "
    )


# compiled once: check_form and its helpers run per claim
_PERIOD_WORD = re.compile(r"\b(?:" + _MONTHS + r")\b|yet|since")
_PLURAL = re.compile(_CORE_PLURAL, re.I)
_OUTCOME_NOUN = re.compile(r"failures?|successes", re.I)
_NONE_YET = re.compile(r"n[’']t|not|yet", re.I)
_SPAN_OF = re.compile(
    r"\b(a|an|" + "|".join(list(_NUMBERS)[1:]) + r"|\d{1,2})[\s-]+(day|week|month|year)", re.I
)
_PAST = re.compile(r"(?:the\s+past|as\s+many)\s+(?:(\w+)\s+)?(weeks?|months?)")
_MONTH_WORD = re.compile(r"\b(" + _MONTHS + r")\b")
_RANGE_SPAN = re.compile(
    r"\b(short|medium|mid|intermediate)-to-(medium|intermediate|long)-range\b", re.I
)
_RANGE_WORDS = {
    "short": "srbm",
    "medium": "mrbm",
    "mid": "mrbm",
    "intermediate": "irbm",
    "long": "icbm",
}
_RANGES = ("srbm", "mrbm", "irbm", "icbm")
_LONG_RANGE_ROCKET = re.compile(r"\blong-range\s+rocket", re.I)


def _previous_launch(
    out: dict,
    groups: dict,
    what: str,
    named: str | None,
    days: pd.Series,
    event: pd.Series | None,
    report: pd.Timestamp,
    chronology: DayIndex,
    label: str,
) -> dict:
    """ "Its last ICBM test, in 2016": the latest listed launch (of the class) before the
    article's news launch (else before the report) lies in the period named. A "long-range
    rocket" is an ICBM or a satellite carrier."""
    if named is None and _LONG_RANGE_ROCKET.search(what):
        satellites = chronology.days(("satellite_launch",), None)
        days = pd.Series(sorted(set(chronology.days(None, ["icbm"])) | set(satellites)))
        label = f"ICBM and satellite launch days{label[len('launch days') :]}"
    found = [d for d in find_dates(groups["prevwhen"], report) if d.kind != "recent"]
    if not found:
        return {**out, "stated": 1, "basis": f"not parsed: {groups['prevwhen']!r}"}
    period = found[0]
    day = (
        pd.Timestamp(event["date"])
        if event is not None and event["date_precision"] == "day"
        else None
    )
    until = day if day is not None else report + pd.Timedelta(days=1)
    _, last = _latest_before(days, until)
    if pd.isna(last) or last < period.date and days.min() >= period.date:
        return {
            **out,
            "stated": 1,
            "basis": f"not checked: {label} list none before {until:%Y-%m-%d} in reach",
        }
    holds = bool(period.date <= last <= period.end_date)
    return {
        **out,
        "stated": 1,
        "computed": 1 if holds else 0,
        "holds": holds,
        "event_date": day if day is not None else pd.NaT,
        "basis": f"{label}: the last before {until:%Y-%m-%d} was {last:%Y-%m-%d}; the claim "
        f"puts it in {period.date:%Y-%m-%d}..{period.end_date:%Y-%m-%d}",
    }


def _ever(out: dict, stated: int, listed: int, days: pd.Series, label: str) -> dict:
    """A claim about every launch ever ("its first ICBM", "has yet to test an ICBM"):
    a chronology starts somewhere, so it can refute the claim (it already lists more
    launches than the claim counts) but never confirm it."""
    start = f"{days.min():%Y-%m-%d}" if len(days) else "-"
    if listed > stated:
        return {
            **out,
            "stated": stated,
            "computed": listed,
            "holds": False,
            "basis": f"{label} from {start}: {listed} already, more than the claim's {stated}",
        }
    return {
        **out,
        "stated": stated,
        "basis": f"not checked: the claim counts every launch ever, and the "
        f"chronology's launch days begin on {start}",
    }


def _count(groups: dict) -> int:
    word = (groups.get("count") or "").lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word, 0)


def _ordinal(word: str) -> int:
    word = word.lower()
    return ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else int(word[:-2])


def _span(text: str) -> tuple[int, str]:
    m = _SPAN_OF.search(text)
    assert m is not None, text  # the claim pattern matched a span here
    n = m.group(1).lower()
    return (int(n) if n.isdigit() else _NUMBERS.get(n, 1)), m.group(2).lower()


def _when(groups: dict, before: pd.Timestamp) -> pd.Timestamp | None:
    """The day a "since ..." names (its first day), at or before `before`."""
    if not (groups.get("month") or groups.get("year")):
        return None
    year = int(groups["year"]) if groups.get("year") else before.year
    month = pd.Timestamp(f"{groups['month']} 1 2000").month if groups.get("month") else 1
    day = int(groups["day"]) if groups.get("day") and groups.get("month") else 1
    try:
        since = pd.Timestamp(year, month, day)
    except ValueError:
        return None
    return since.replace(year=since.year - 1) if since > before else since


def _first_since_day(
    groups: dict, m: re.Match[str], sentence: str, date: pd.Timestamp, terms: list[Term]
) -> tuple[pd.Timestamp | None, str]:
    """Where a first-since claim's quiet period starts, or why it is not known."""
    if groups.get("span"):
        n, unit = _span(groups["span"])
        days = n * _UNIT_DAYS[unit]
        if _SHORT_OF.match(groups["span"]):  # "nearly a month": 28 days will do
            days -= days // 4
        return date - pd.Timedelta(days=days), ""
    return _since_day(sentence, m.start(), date, terms, after=True)


_OCCASIONS = re.compile(
    r"\s+on\s+" + _NUM + r"\s+(?:separate\s+|different\s+)?"
    r"(?:occasions|days)\b",
    re.I,
)
_OUTCOME = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:were|was|have\s+been|had\s+been)?\s*"
    r"(?:abruptly\s+|successfully\s+)?(?:failed|terminated|exploded|"
    r"aborted|succeeded|blew\s+up)\b",
    re.I,
)
_SINCE_A_LAUNCH = re.compile(r"\bsince\s+(?:a|the|its)\s+(?:[\w-]+\s+){1,3}?(?:test|launch)", re.I)
_SINCE_WORD = re.compile(r"\bsince\s+", re.I)
_UNREAD_PERIOD = re.compile(  # a period after an ordinal that no claim form reads
    r"\s+(?:of|under|during|in)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?"
    r"(?:[\w'’.-]+\s+){0,3}?(?:administration|term|presidency|government|tenure|era|rule|"
    r"watch|leadership|reign)\b",
    re.I,
)
_SHORT_OF = re.compile(r"(?:nearly|almost|about|around|roughly)\b", re.I)
_TOOK_OFFICE = re.compile(
    r"(?P<who>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:took|"
    r"returned\s+to|came\s+to)\s+(?:office|power)|(?P<who2>(?:[A-Z]"
    r"[\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+was\s+inaugurated"
)


def _since_day(
    sentence: str, at: int, report: pd.Timestamp, terms: list[Term], after: bool = False
) -> tuple[pd.Timestamp | None, str]:
    """The first day a "since ..." after position `at` of the sentence counts from: a
    date expression in its phrase ("since September 15": from the 16th; "since May",
    "since 1998", "since he took office last week": from the period's first day, or with
    `after` from the day after it, as a first-since claim reads it: "the first launch
    since May" follows a launch in May), else a term in the milestones ("since Trump
    took office"); None and why when neither."""
    since = _SINCE_WORD.search(sentence, at)
    if since is None:
        return None, "no 'since'"
    phrase = re.split(r"[.;:]", sentence[since.start() : since.end() + 100])[0]
    dates = [d for d in find_dates(phrase, report) if pd.notna(d.date)]
    if dates:
        d = dates[0]
        if after or d.precision == "day":
            return d.end_date + pd.Timedelta(days=1), ""
        return d.date, ""
    office = _TOOK_OFFICE.search(phrase)
    if office:
        who = office.group("who") or office.group("who2")
        term = find_term(terms, who, None, report)
        if term is not None:
            return term.start, ""
        return None, f"no term in the milestones for {who!r}"
    return None, f"no date after 'since' in {phrase.strip()!r}"


def _count_period(
    groups: dict, sentence: str, m: re.Match[str], report: pd.Timestamp, terms: list[Term]
) -> tuple[pd.Timestamp | None, pd.Timestamp | None, str]:
    """The days a count claim counts over: its period, else a month named in the
    sentence before it ("In July it launched two ICBMs"), else everything up to the
    report."""
    text = (groups.get("period") or "") + " " + m.group(0)
    low = text.lower()
    month_start = report.replace(day=1)
    if "last month" in low:
        first = month_start - pd.offsets.MonthBegin(1)
        return first, month_start - pd.Timedelta(days=1), ""
    if "this year" in low:
        return report.replace(month=1, day=1), report, ""
    if "since" in low:
        first, why = _since_day(sentence, m.start(), report, terms)
        return (first, report, "") if first is not None else (None, None, why)
    past = _PAST.search(low)
    if past:
        n = (past.group(1) or groups.get("count") or "one").lower()
        n = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
        return report - pd.Timedelta(days=n * _UNIT_DAYS[past.group(2).rstrip("s")]), report, ""
    named = _MONTH_WORD.search(text + " " + sentence[: m.start()])
    if named:
        first = _when({"month": named.group(1)}, report)
        return first, first + pd.offsets.MonthEnd(0), ""
    return _EVER, report, ""


class DayIndex:
    """The chronology's counted launch days, filtered once per kind and kept sorted:
    check_claims builds one per call, so each claim counts with a binary search instead
    of filtering the chronology again (issue #12)."""

    def __init__(self, chronology: pd.DataFrame, complete_from: str | pd.Timestamp | None = None):
        frame = chronology
        if "counted" in frame:
            frame = frame[frame["counted"].astype(bool)]
        frame = frame[frame["date"].notna()]
        self._types = frame["event_type"].to_numpy(dtype=object)
        self._classes = frame["missile_class"].to_numpy(dtype=object)
        self._dates = frame["date"].dt.normalize().to_numpy()
        cruise = self._dates[self._classes == "cruise"]
        self.first_cruise = pd.Timestamp(cruise.min()) if len(cruise) else pd.NaT
        # the day from which it lists every launch (default: its first listed launch)
        first = pd.Timestamp(self._dates.min()) if len(self._dates) else pd.NaT
        self.start = first if complete_from is None else pd.Timestamp(complete_from)
        self._cache: dict[tuple, tuple[pd.Series, np.ndarray]] = {}

    def days(self, event_types=None, classes=None) -> pd.Series:
        """The distinct days (sorted) of `event_types` (default: launches) and `classes`
        (None: any)."""
        return self._days(event_types, classes)[0]

    def values(self, event_types=None, classes=None) -> np.ndarray:
        """days(event_types, classes) as an array, kept (Series.values costs more than a
        binary search)."""
        return self._days(event_types, classes)[1]

    def _days(self, event_types, classes) -> tuple[pd.Series, np.ndarray]:
        key = (
            tuple(sorted(event_types or LAUNCH_TYPES)),
            None if classes is None else tuple(sorted(classes)),
        )
        if key not in self._cache:
            keep = np.isin(self._types, key[0])
            if key[1] is not None:
                keep &= np.isin(self._classes, key[1])
            days = pd.Series(np.unique(self._dates[keep]), dtype="datetime64[ns]")
            self._cache[key] = days, days.values
        return self._cache[key]

    def ordinal(self, date: pd.Timestamp, event_types, since: pd.Timestamp, classes) -> int:
        """As counts.event_ordinal: the distinct days in [since, date) plus one."""
        days = self.values(tuple(event_types), classes)
        lo, hi = (int(days.searchsorted(pd.Timestamp(d).to_datetime64())) for d in (since, date))
        return hi - lo + 1


_BOUNDS = ("less", "just", "under")  # a span's bound words ("in less than a week")


def _launches_within(values: np.ndarray, n_before: int, first: pd.Timestamp) -> int:
    """The launch days from `first` on (inclusive) among the `n_before` before the
    claim's launch, plus that launch: its ordinal in the span."""
    after_first = n_before - _n_days(values, None, first, True) if pd.notna(first) else 0
    return max(0, after_first) + 1


def _n_days(days: pd.Series | np.ndarray, first, last, inclusive: bool) -> int:
    """How many of the sorted `days` lie in [first, last] (`inclusive`) or [first, last)
    (`first` None: from the start), by binary search: no mask per claim."""
    if pd.isna(last) or (first is not None and pd.isna(first)):
        return 0  # as a comparison with NaT: nothing is in
    values = days if isinstance(days, np.ndarray) else days.values  # its own binary search
    side: Literal["left", "right"] = "right" if inclusive else "left"
    hi = int(values.searchsorted(pd.Timestamp(last).to_datetime64(), side=side))
    lo = int(values.searchsorted(pd.Timestamp(first).to_datetime64())) if first is not None else 0
    return max(0, hi - lo)


def _elided_class(form: str, what: str, event, named: str | None) -> str | None:
    """The class an elliptical "first since" may mean ("fired an ICBM, its first since
    March": its first ICBM, or its first launch?): the article's launch's, when the
    claim names no launch word and that class is a specific one."""
    if form != "first_since" or what or named is not None or event is None:
        return None
    cls = event.get("missile_class")
    return cls if isinstance(cls, str) and cls not in ("ballistic", "unknown") else None


def _latest_before(days: pd.Series, day: pd.Timestamp) -> tuple[int, pd.Timestamp]:
    """How many of the sorted `days` lie before `day`, and the latest of them (NaT if
    none): days.iloc[: days.searchsorted(day)] and its last, without slicing a Series."""
    if pd.isna(day):
        before = days.iloc[: days.searchsorted(day)]
        return len(before), before.iloc[-1] if len(before) else pd.NaT
    values = days.values
    k = _n_days(values, None, day, False)
    return k, pd.Timestamp(values[k - 1]) if k else pd.NaT  # faster than .iloc


def _chronology_days(chronology, classes) -> pd.Series:
    """The chronology's counted launch days (of `classes`, if given), one per day."""
    index = chronology if isinstance(chronology, DayIndex) else DayIndex(chronology)
    return index.days(None, classes)


def _busiest_year(report: pd.Timestamp, chronology: pd.DataFrame, source: str) -> dict:
    """'the busiest year (ever)': the report's year up to its day against every earlier
    year in the chronology, in launch days: refuted by a busier listed year, else not
    checked (years before the chronology are not in it)."""
    days = _chronology_days(chronology, None)
    per_year = days.dt.year.value_counts()
    this = int(((days.dt.year == report.year) & (days <= report)).sum())
    earlier = per_year[per_year.index < report.year]
    record = int(earlier.max()) if len(earlier) else 0
    year = int(earlier.idxmax()) if len(earlier) else None
    basis = (
        f"launch days ({source}): {report.year} to {report:%Y-%m-%d}: {this}; the "
        f"most in an earlier year: {record}" + (f" ({year})" if year else "")
    )
    if this > record:  # the chronology cannot see the years before it begins
        return {
            "form": "superlative",
            "stated": this,
            "computed": record,
            "holds": pd.NA,
            "event_date": pd.NaT,
            "basis": f"not checked: the most of the chronology's "
            f"years, but it begins in {days.min():%Y}; {basis}",
        }
    return {
        "form": "superlative",
        "stated": this,
        "computed": record,
        "holds": False,
        "event_date": pd.NaT,
        "basis": basis,
    }
