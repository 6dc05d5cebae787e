"""Rhetoric needs a stance: a rhetoric match counts only where someone takes it.

A match of a `rhetoric` tag is kept when its sentence is credited to a speaker who is not
the reporter or a news outlet (a reporting clause, a quotation, a pronoun, a state
outlet's narration: "the North Korean threat" in the reporter's narration is a topic,
not a threat), or when it stands inside a quotation of the reporter's sentence (a
party's own words reported: 'Pyongyang threatened to "reduce the mainland to ashes"');
when the tag lists `requires`, the sentence also holds one of them, not negated (its
`idioms` need nothing more); and never inside one of the tag's `exclude` phrases."""

from __future__ import annotations

import numpy as np

from analystkit.lexicon import EXCLUDE, REQUIRES, Lexicon
from analystkit.speakers import DEFAULT, NARRATION

STANCE_CATEGORY = "rhetoric"


def stance_kept(
    lexicon: Lexicon,
    idiom: np.ndarray,
    category: np.ndarray,
    tag: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    sent: np.ndarray,
    groups: list[str],
    hows: list[str],
    hit_cat: np.ndarray,
    hit_tag: np.ndarray,
    hit_start: np.ndarray,
    hit_end: np.ndarray,
    hit_sent: np.ndarray,
    hit_negated: np.ndarray,
    quoted: np.ndarray,
) -> np.ndarray:
    """Which matches (arrays per match, `idiom` and `quoted`, inside a quotation of its
    sentence, among them; hit_* for every hit of the chunk) to keep. A negated
    `requires` cue ("talks would not resume") does not count."""
    keep = np.ones(len(start), dtype=bool)
    rhetoric = np.flatnonzero(category == STANCE_CATEGORY)
    if not len(rhetoric):
        return keep
    needs = {REQUIRES + t for t, spec in lexicon.tags.items() if spec.requires}
    excludes = {EXCLUDE + t for t, spec in lexicon.tags.items() if spec.exclude}
    cues = np.isin(hit_cat, list(needs)) & ~hit_negated
    has = set(zip(hit_cat[cues].tolist(), hit_sent[cues].tolist()))
    spans: dict[str, list[tuple[int, int]]] = {}
    outside = np.isin(hit_cat, list(excludes))
    for c, s, e in zip(
        hit_cat[outside].tolist(), hit_start[outside].tolist(), hit_end[outside].tolist()
    ):
        spans.setdefault(c, []).append((s, e))
    for k in rhetoric.tolist():
        i, name = int(sent[k]), str(tag[k])
        if (hows[i] == DEFAULT or groups[i] == NARRATION) and not quoted[k]:
            keep[k] = False
        elif REQUIRES + name in needs and not idiom[k] and (REQUIRES + name, i) not in has:
            keep[k] = False
        elif any(s <= start[k] and end[k] <= e for s, e in spans.get(EXCLUDE + name, ())):
            keep[k] = False
    return keep
