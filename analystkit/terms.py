"""Presidential terms of office from the milestones table ("in his first term").

`terms_from_milestones` reads the term rows ("Trump II"), `find_term` picks the term a
phrase means; extraction (events.py) and claim checking (claims.py) both use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analystkit.frames import require_columns


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
