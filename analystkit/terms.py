"""Presidential terms of office and listed summits from the milestones table ("in his
first term", "the Singapore summit").

`terms_from_milestones` reads the term rows ("Trump II"), `find_term` picks the term a
phrase means; extraction (events.py) and claim checking (claims.py) both use them.
`MilestoneResolver` dates both for extraction, and names the listed summit a summit
mention means by its place or pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analystkit.dates import DateMention, is_time_word
from analystkit.frames import require_columns
from analystkit.vocab import ORDINAL_WORDS


@dataclass(frozen=True)
class Term:
    """One term of office from the milestones table (kind "term")."""

    who: str  # the label's name, e.g. "Trump"
    ordinal: int  # 2 for "Trump II"
    label: str
    start: pd.Timestamp
    end: pd.Timestamp  # NaT while in office


def terms_from_milestones(milestones: pd.DataFrame) -> list[Term]:
    """The term rows of the milestones, named as in their label ("Trump II"; no numeral
    is the first term). A label ending in a malformed numeral ("Trump IIII") raises
    ValueError naming it."""
    require_columns(milestones, ["date", "end_date", "kind", "label"], "milestones")
    out = []
    for row in milestones[milestones["kind"] == "term"].itertuples():
        m = re.fullmatch(r"(.+?)(?:\s+([IVXLCDM]+))?", str(row.label).strip())
        if m is None:
            raise ValueError(f"milestones: a term row on {row.date} has an empty label")
        ordinal = _roman(m.group(2), row.label) if m.group(2) else 1
        out.append(
            Term(
                m.group(1),
                ordinal,
                str(row.label),
                pd.Timestamp(row.date),
                pd.Timestamp(row.end_date) if pd.notna(row.end_date) else pd.NaT,
            )
        )
    return out


_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman(numeral: str, label: str) -> int:
    """The value of a Roman numeral ("XIV" → 14); ValueError naming `label` if malformed."""
    if not _ROMAN.fullmatch(numeral):
        raise ValueError(
            f"milestones: term label {label!r} ends in {numeral!r}, which is not a Roman numeral"
        )
    values = [_ROMAN_VALUES[c] for c in numeral] + [0]
    return sum(-v if v < nxt else v for v, nxt in zip(values, values[1:]))


def find_term(
    terms: list[Term], who: str | None, ordinal: int | None, on: pd.Timestamp
) -> Term | None:
    """The term of `who` (a name ending with the label's name) with that ordinal, or
    (ordinal None) the latest term of `who` begun on or before `on`."""
    if not who:
        return None
    mine = [t for t in terms if re.search(rf"\b{re.escape(t.who)}$", who.strip())]
    if ordinal is not None:
        return next((t for t in mine if t.ordinal == ordinal), None)
    begun = [t for t in mine if t.start <= on]
    return max(begun, key=lambda t: t.start) if begun else None


class MilestoneResolver:
    """Dates "in his first term" and "the Singapore summit" through the milestones,
    loaded on first need."""

    def __init__(self, milestones: pd.DataFrame | None):
        self._milestones = milestones
        self._terms: list[Term] | None = None
        self._summits: list[tuple[pd.Timestamp, pd.Timestamp, str, str]] | None = None
        self._first_named: dict[int, str | None] = {}  # id(article) -> first term-holder

    def milestones(self) -> pd.DataFrame:
        if self._milestones is None:
            from analystkit.reference import load_milestones

            self._milestones = load_milestones()
        return self._milestones

    def terms(self) -> list[Term]:
        if self._terms is None:
            self._terms = terms_from_milestones(self.milestones())
        return self._terms

    def resolve(
        self, d: DateMention, sentence: str, article: str, today: pd.Timestamp
    ) -> Term | None:
        """The term meant: the name given, else the last term-holder named before it in
        the sentence, else the first named in the article."""
        terms = self.terms()
        names = {t.who for t in terms}
        who = d.who
        if who is None:
            before = [
                (m.start(), n)
                for n in names
                for m in re.finditer(rf"\b{re.escape(n)}\b", sentence[: d.start])
            ]
            if before:
                who = max(before)[1]
            else:
                if id(article) not in self._first_named:
                    first = [
                        (m.start(), n)
                        for n in names
                        if (m := re.search(rf"\b{re.escape(n)}\b", article))
                    ]
                    self._first_named[id(article)] = min(first)[1] if first else None
                who = self._first_named[id(article)]
        term = find_term(terms, who, d.term, today)
        return term if term is not None and term.start <= today else None

    def summit(
        self, sentence: str, start: int, end: int, today: pd.Timestamp
    ) -> tuple[DateMention, str] | None:
        """The listed summit (milestones of kind "summit"), as its days and its title, a
        summit mention at
        sentence[start:end] names: by a place or pair right before it ("the Singapore
        summit", "the first Trump-Kim summit"), a place after it ("the summit in Hanoi"),
        or both (those listed under both). Of those whose title names them, the one its
        ordinal counts, else the latest begun by the day after `today`, else the first
        after it (still to come). None when it names none of them: an indefinite one
        ("a summit in Beijing"), one named by no place, or by another series ("the G20
        summit in Osaka"; "the ASEAN summit in Singapore" is no Trump-Kim summit)."""
        if self._summits is None:
            rows = self.milestones()
            rows = rows[rows["kind"].isin(["summit", "meeting"])]
            self._summits = [
                (pd.Timestamp(r.date), pd.Timestamp(r.end_date), str(r.title), str(r.kind))
                for r in rows.itertuples()
            ]
        if _INDEFINITE.search(sentence, max(0, start - 40), start):
            return None  # "a summit in Beijing": one more, not a listed one
        before = _NAMED_BEFORE.search(sentence, max(0, start - 60), start)
        if before is not None and before.group("name") in _NOT_NAMES:
            before = None  # "The summit in Hanoi": a sentence's first word
        after = _NAMED_AFTER.match(sentence, end)
        if after is not None and is_time_word(after.group("name").split()[0]):
            after = None  # "the Hanoi summit in March 2019": a time, not a place
        chosen = self._listed(before.group("name")) if before is not None else None
        if before is not None and not chosen:
            return None  # another series
        if after is not None and chosen is not None:  # the pair's, in that place
            place = _whole_word(after.group("name").split()[-1])
            chosen = [s for s in chosen if place.search(s[2])]
        elif after is not None:
            chosen = self._listed(after.group("name"))
        if not chosen:
            return None
        ordinal = before.group("ordinal") if before is not None else None
        if ordinal:
            n = _ORDINALS[ordinal.lower()]
            if n > len(chosen):
                return None
            first, last, title, _ = chosen[n - 1]
        else:
            begun = [s for s in chosen if s[0] <= today + pd.Timedelta(days=1)]
            first, last, title, _ = begun[-1] if begun else chosen[0]
        at = before if before is not None else after
        assert at is not None
        days = DateMention(
            at.start("name"),
            at.end("name"),
            at.group("name"),
            "named",
            first,
            last if pd.notna(last) else first,
            "day",
        )
        return days, title

    def _listed(self, name: str) -> list[tuple[pd.Timestamp, pd.Timestamp, str, str]]:
        """The listed summits whose title names `name` as a whole word, or its last word
        ("DPRK-Russia Pyongyang": Pyongyang), in date order. A leaders' pair ("Kim-Xi")
        also names the leaders' meetings the milestones list as `meeting` (the guide's
        summits all the same); a place alone names only rows of kind `summit` (many
        meetings are held in Beijing)."""
        assert self._summits is not None
        for part in (name, name.split()[-1]):
            word = _whole_word(part)
            pair = "-" in part
            found = [s for s in self._summits if (pair or s[3] == "summit") and word.search(s[2])]
            if found:
                return found
        return []


_ORDINALS = {w: n for n, w in enumerate(ORDINAL_WORDS[:10], start=1)}
"""A summit's ordinal, up to the tenth ("the fourth Kim-Xi summit")."""
_NOT_NAMES = frozenset("The A An This That Its Their His Her Our Last Next".split())
"""Capitalized words before "summit" that name no place (a sentence's first word)."""
_NAMED_BEFORE = re.compile(
    r"(?:\b(?P<ordinal>" + "|".join(_ORDINALS) + r")\s+)?"
    r"(?<![\w.'’-])(?P<name>(?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*)\s+\Z"
)
"""The place or pair right before "summit" ("the Singapore summit", "the first
Trump-Kim summit", "the Camp David summit"), with an ordinal before it; a whole word,
not the end of a compound ("the U.S.-Japan summit" names no place)."""
_INDEFINITE = re.compile(r"\b(?:an?|another|one)\s+(?:[\w'’-]+\s+){0,3}\Z", re.I)
"""An indefinite summit ("a summit in Beijing", "another Trump-Kim summit")."""
_NAMED_AFTER = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
"""The place after "summit" ("the summit in Hanoi", "the summit at Camp David")."""


def _whole_word(name: str) -> re.Pattern[str]:
    """`name` as a whole word of a title, not part of a compound ("Japan" is no word of
    "US-Japan-ROK")."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
