"""Ordinal claims in articles ("the fourth launch this year") checked against the
chronology (check_claims)."""
from __future__ import annotations

import re
import warnings

import pandas as pd

from analystkit.counts import event_ordinal
from analystkit.events import (
    BALLISTIC_CLASSES,
    LAUNCH_TYPES,
    EventRules,
    Term,
    extract_events,
    find_term,
    load_event_rules,
    terms_from_milestones,
)
from analystkit.frames import empty_frame, require_columns
from analystkit.linking import link_events
from analystkit.sentences import sentences as split_sentences

CLAIM_COLUMNS = ["article_id", "sentence_id", "claim", "stated", "computed", "holds",
                 "basis", "event_date"]
_CLAIM_DTYPES = {"sentence_id": "int64", "stated": "int64", "computed": "Int64",
                 "holds": "boolean", "event_date": "datetime64[us]"}

_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                  "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                  "nineteenth", "twentieth"]
_ORD = r"(?P<ord>" + "|".join(_ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))"
_NOUN = (r"(?P<noun>(?:[\w-]+\s+){0,3}?(?:launch(?:es)?(?:\s+events?)?|tests?|"
         r"test-firings?|firings?))")
_WHO = (r"(?:(?:former\s+)?(?:President|Mr\.?|Mrs\.?|Ms\.?)\s+)?"
        r"(?P<who>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)['’]s")
_SCOPE = (r"(?P<scope>(?:so\s+far\s+)?this\s+year|of\s+the\s+year|"
          r"(?:in|of|for)\s+(?P<year>(?:19|20)\d\d)|"
          r"(?:of|in|during|since\s+the\s+start\s+of)\s+" + _WHO +
          r"\s+(?P<term>first|second|third)\s+(?:term|presidency|administration)|"
          r"since\s+" + _WHO.replace("['’]s", "").replace("who>", "who2>") +
          r"\s+(?:took|returned\s+to|came\s+to)\s+(?:office|power)|"
          r"since\s+" + _WHO.replace("['’]s", "").replace("who>", "who3>") +
          r"\s+was\s+inaugurated)")
_CLAIM = re.compile(r"\b" + _ORD + r"\s+" + _NOUN + r"(?:\s+[\w-]+){0,4}?\s+" + _SCOPE + r"\b")
_ELLIPTIC = re.compile(r"\bthe\s+" + _ORD + r"\s+" + _SCOPE + r"\b")


def check_claims(articles: pd.DataFrame, chronology: pd.DataFrame | None = None,
                 milestones: pd.DataFrame | None = None) -> pd.DataFrame:
    """Ordinal claims in the articles ("the fourth missile launch event this year",
    "the second of President Donald Trump's second term", "its 10th launch this year")
    checked against the chronology (default: the curated one; counted rows only).

    The event a claim is about is the article's news (non-historical) launch event
    mentioned nearest at or before the claim's sentence, else the nearest after it
    (basis says which). "this year" counts from 1 January of the event's
    year; a term ("of Trump's second term", "since Trump took office") from the term's
    start in the milestones. A noun naming a class ("cruise missile launch", "ballistic
    missile test") counts that class only; otherwise all launch events count (missile
    and satellite launches: the chronology's unit). An elliptic claim ("and the second
    of ...") takes the noun of the claim before it in the sentence.
    Columns: article_id, sentence_id, claim, stated, computed, holds, basis, event_date;
    computed/holds are NA (with the reason in basis) when no event date is found."""
    require_columns(articles, ["article_id", "date", "text"], "articles")
    source = "curated chronology" if chronology is None else "given chronology"
    if chronology is None:
        from analystkit.reference import load_chronology
        chronology = load_chronology()
    if milestones is None:
        from analystkit.reference import load_milestones
        milestones = load_milestones()
    require_columns(chronology, ["date", "event_type", "missile_class"], "chronology")
    terms = terms_from_milestones(milestones)
    rules = load_event_rules()
    with_claims = articles[articles["text"].map(
        lambda t: bool(_CLAIM.search(t) or _ELLIPTIC.search(t) or _GAP.search(t)
                       or _SINCE.search(t) or _COUNT.search(t)))]
    if with_claims.empty:
        return empty_frame(CLAIM_COLUMNS, _CLAIM_DTYPES)
    sents = split_sentences(with_claims)
    events = extract_events(with_claims, rules=rules, sentences=sents, milestones=milestones)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")        # unlinked launches: no day, said per claim
        launches = link_events(events, chronology)
    launches = launches.assign(
        date=launches["linked_date"].where(launches["link_status"] != "none",
                                           launches["date"]),
        date_precision=launches["date_precision"].where(
            launches["link_status"] == "none", "day"))
    news_of = dict(iter(launches.groupby("article_id", sort=False)))
    sentences_of = dict(iter(sents.groupby("article_id", sort=False)))
    rows = []
    for article_id in with_claims["article_id"]:
        news = news_of.get(article_id, launches.iloc[:0])
        for s in sentences_of.get(article_id, sents.iloc[:0]).itertuples():
            event, position = _nearest_launch(news, s.sentence_id)
            for kind, pattern in (("gap", _GAP), ("since", _SINCE), ("count", _COUNT)):
                for m in pattern.finditer(s.text):
                    rows.append(_check_span(kind, article_id, s.sentence_id, m, event,
                                            chronology, rules, source))
            found = sorted([(m.start(), m, True) for m in _CLAIM.finditer(s.text)]
                           + [(m.start(), m, False) for m in _ELLIPTIC.finditer(s.text)],
                           key=lambda x: x[0])
            noun = None
            for _, m, explicit in found:
                if explicit:
                    noun = m.group("noun")
                if noun is None or "nuclear" in noun.lower():
                    continue
                event, position = _nearest_launch(news, s.sentence_id)
                rows.append(_check(article_id, s.sentence_id, m, noun, event,
                                   position, chronology, terms, rules, source))
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS).astype(
        {"stated": "int64", "computed": "Int64", "holds": "boolean"})


def _nearest_launch(news: pd.DataFrame, sentence_id: int) -> tuple[pd.Series | None, str]:
    """The news launch mentioned nearest at or before the claim's sentence, else the
    nearest after it; and which of the two it was."""
    ordered = news.sort_values("sentence_id", kind="stable")
    before = ordered[ordered["sentence_id"] <= sentence_id]
    if not before.empty:
        return before.iloc[-1], "at or before"
    after = ordered[ordered["sentence_id"] > sentence_id]
    return (after.iloc[0], "after") if not after.empty else (None, "")


def _check(article_id: str, sentence_id: int, m: re.Match[str], noun: str,
           event: pd.Series | None, position: str, chronology: pd.DataFrame,
           terms: list[Term], rules: EventRules, source: str) -> dict:
    word = m.group("ord").lower()
    stated = _ORDINAL_WORDS.index(word) + 1 if word in _ORDINAL_WORDS else int(word[:-2])
    row = {"article_id": article_id, "sentence_id": int(sentence_id), "claim": m.group(0),
           "stated": stated, "computed": pd.NA, "holds": pd.NA, "event_date": pd.NaT}
    if event is None or event["date_precision"] != "day":
        return {**row, "basis": "no day-dated news launch event in the article"}
    date = pd.Timestamp(event["date"])
    since, note = _since(m, date, terms)
    if since is None:
        return {**row, "event_date": date, "basis": note}
    types = ("satellite_launch",) if "satellite" in noun.lower() else LAUNCH_TYPES
    named = rules.classes.find([noun])[0]
    classes = BALLISTIC_CLASSES if named == "ballistic" else ([named] if named else None)
    computed = event_ordinal(chronology, date, types, since, classes)
    what = f"{named + ' ' if named else ''}launch events"
    basis = (f"{what} {since:%Y-%m-%d}..{date:%Y-%m-%d} (counted, {source}{note}; "
             f"event: the nearest news launch {position} the claim)")
    return {**row, "computed": computed, "holds": computed == stated, "basis": basis,
            "event_date": date}


def _since(m: re.Match[str], date: pd.Timestamp,
           terms: list[Term]) -> tuple[pd.Timestamp | None, str]:
    """Where the claim's count starts, and a note on how that was found."""
    if m.group("year"):
        return pd.Timestamp(int(m.group("year")), 1, 1), ""
    who = m.group("who") or m.group("who2") or m.group("who3")
    if who is None:
        return pd.Timestamp(date.year, 1, 1), ""
    ordinal = _ORDINAL_WORDS.index(m.group("term").lower()) + 1 if m.group("term") else None
    term = find_term(terms, who, ordinal, date)
    if term is None:
        return None, f"no term in the milestones matches {who!r}"
    return term.start, f"; {term.label} began {term.start:%Y-%m-%d}"


# ---------------------------------------------------------------- gap, since, count claims

_NUMBER = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six",
                                       "seven", "eight", "nine", "ten", "eleven", "twelve",
                                       "thirteen", "fourteen", "fifteen", "sixteen",
                                       "seventeen", "eighteen", "nineteen", "twenty"])}
_NUMBER["a"] = _NUMBER["an"] = 1
_UNIT = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30,
         "year": 365, "years": 365}
_LAUNCH_NOUN = (r"(?P<noun>(?:[\w-]+\s+){0,4}?(?:launch(?:es)?|tests?|test-fir(?:e|es|ings?)|"
                r"firings?|time))")
_SPAN = (r"(?P<bound>less\s+than|just\s+over|more\s+than|over|nearly|about|almost)?\s*"
         r"(?P<n>a|an|\d{1,2}|" + "|".join(list(_NUMBER)[1:21]) + r")\s+"
         r"(?P<unit>days?|weeks?|months?|years?)")
_GAP = re.compile(r"\b" + _ORD + r"\s+" + _LAUNCH_NOUN + r"\s+in\s+" + _SPAN + r"\b", re.I)
_SINCE_WHEN = (r"(?P<month>January|February|March|April|May|June|July|August|September|"
               r"October|November|December)?\s*(?P<year>(?:19|20)\d\d)?")
_SINCE = re.compile(r"\bfirst\s+" + _LAUNCH_NOUN + r"\s+(?:in\s+" + _SPAN
                    + r"|since\s+" + _SINCE_WHEN + r")", re.I)
_COUNT = re.compile(r"\b(?P<count>\d{1,3}|" + "|".join(list(_NUMBER)[2:21]) + r")\s+"
                    r"(?:sets\s+of\s+|rounds\s+of\s+)?" + _LAUNCH_NOUN.replace("|time", "")
                    + r"\s+(?:[\w-]+\s+){0,3}?since\s+" + _SINCE_WHEN, re.I)


def _check_span(kind: str, article_id: str, sentence_id: int, m: re.Match[str],
                event: pd.Series | None, chronology: pd.DataFrame, rules: EventRules,
                source: str) -> dict:
    """Check a gap claim ("the second launch in less than a week"), a first-since claim
    ("the first launch in more than a year", "the first ICBM test since 2017") or a
    count-since claim ("13 missile tests since May") against the chronology's launch
    days up to the claim's launch; NA with the reason when it cannot."""
    stated = _stated(m, kind)
    row = {"article_id": article_id, "sentence_id": int(sentence_id), "claim": m.group(0),
           "stated": stated, "computed": pd.NA, "holds": pd.NA, "event_date": pd.NaT}
    if event is None or event["date_precision"] != "day":
        return {**row, "basis": "no day-dated news launch event in the article"}
    date = pd.Timestamp(event["date"])
    named = rules.classes.find([m.group("noun")])[0]
    classes = BALLISTIC_CLASSES if named == "ballistic" else ([named] if named else None)
    days = _launch_days(chronology, classes)
    since = _since_day(m, date)
    if since is None:
        return {**row, "event_date": date,
                "basis": f"not parsed: no period or date in {m.group(0)!r}"}
    what = f"{named + ' ' if named else ''}launch days ({source})"
    if kind == "gap":
        computed = int(((days > since) & (days <= date)).sum())
        if date not in set(days):
            computed += 1
        holds = computed >= stated if m.group("bound") and "less" in m.group("bound").lower() \
            else computed == stated
        basis = f"{what} {since:%Y-%m-%d}..{date:%Y-%m-%d}: {computed}"
    elif kind == "since":
        before = days[(days < date)]
        last = before.max() if len(before) else pd.NaT
        computed = 1
        holds = pd.isna(last) or last < since
        basis = (f"{what}: the previous one before {date:%Y-%m-%d} was "
                 f"{'none' if pd.isna(last) else f'{last:%Y-%m-%d}'}; the claim needs none "
                 f"after {since:%Y-%m-%d}")
    else:
        computed = int(((days >= since) & (days <= date)).sum())
        holds = computed == stated
        basis = f"{what} {since:%Y-%m-%d}..{date:%Y-%m-%d}: {computed}"
    return {**row, "computed": computed, "holds": bool(holds), "basis": basis,
            "event_date": date}


def _stated(m: re.Match[str], kind: str) -> int:
    if kind == "count":
        word = m.group("count").lower()
        return int(word) if word.isdigit() else _NUMBER[word]
    if kind == "since":
        return 1
    word = m.group("ord").lower()
    return _ORDINAL_WORDS.index(word) + 1 if word in _ORDINAL_WORDS else int(word[:-2])


def _since_day(m: re.Match[str], date: pd.Timestamp) -> pd.Timestamp | None:
    """Where the claim's period starts: date minus "a week", or "since May (2017)"."""
    groups = m.groupdict()
    if groups.get("n"):
        n = groups["n"].lower()
        count = int(n) if n.isdigit() else _NUMBER[n]
        return date - pd.Timedelta(days=count * _UNIT[groups["unit"].lower()])
    if groups.get("month") or groups.get("year"):
        year = int(groups["year"]) if groups.get("year") else date.year
        month = (pd.Timestamp(f"{groups['month']} 1 2000").month if groups.get("month")
                 else 1)
        since = pd.Timestamp(year, month, 1)
        if since > date:
            since = since.replace(year=since.year - 1)
        return since
    return None


def _launch_days(chronology: pd.DataFrame, classes) -> pd.Series:
    """The chronology's counted launch days (of `classes`, if given), one per day."""
    frame = chronology
    if "counted" in frame:
        frame = frame[frame["counted"].astype(bool)]
    keep = frame["event_type"].isin(LAUNCH_TYPES) & frame["date"].notna()
    if classes is not None:
        keep &= frame["missile_class"].isin(list(classes))
    return pd.Series(frame.loc[keep, "date"].dt.normalize().unique())
