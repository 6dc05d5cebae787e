"""Rhetoric needs a stance: a rhetoric match counts only where someone takes it.

A match of a `rhetoric` tag is kept when its sentence is credited to a speaker who is not
the reporter or a news outlet (a reporting clause, a quotation, a pronoun, a state
outlet's narration: "the North Korean threat" in the reporter's narration is a topic,
not a threat), when it stands inside a quotation of the reporter's sentence (a
party's own words reported: 'Pyongyang threatened to "reduce the mainland to ashes"'),
or when it is one of the tag's `reported` phrases, which name a party's act ("it issued
threats", "threats to strike the base": the annotation guide's reported acts);
when the tag lists `requires`, the sentence also holds one of them, not negated (its
`idioms` need nothing more); and never inside one of the tag's `exclude` phrases."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from analystkit.lexicon import EXCLUDE, REQUIRES, Lexicon
from analystkit.matcher import Matcher
from analystkit.speakers import DEFAULT, NARRATION

STANCE_CATEGORY = "rhetoric"


def _tag_ids(m: Matcher, names: list[str], prefix: str) -> tuple[np.ndarray, np.ndarray]:
    """Per pattern id of `m`: the index in `names` of the tag of a `rhetoric` pattern,
    and of the tag whose `prefix` category (requires, exclude) the pattern is (-1: none)."""
    index = {name: i for i, name in enumerate(names)}
    categories, tags = m.category.tolist(), m.tag.tolist()
    own = [index.get(t, -1) if c == STANCE_CATEGORY else -1 for c, t in zip(categories, tags)]
    cue = [index.get(c[len(prefix) :], -1) if c.startswith(prefix) else -1 for c in categories]
    return np.array(own, dtype=np.int64), np.array(cue, dtype=np.int64)


def _silent(sentences: np.ndarray, groups: list[str], hows: list[str]) -> np.ndarray:
    """Per sentence index: whether nobody takes a stance there (the reporter's or a news
    outlet's narration, or no rule credited it)."""
    unique, back = np.unique(sentences, return_inverse=True)
    silent = [hows[i] == DEFAULT or groups[i] == NARRATION for i in unique.tolist()]
    return np.array(silent, dtype=bool)[back]


def stance_kept(
    lexicon: Lexicon,
    m: Matcher,
    pid: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    sent: np.ndarray,
    groups: list[str],
    hows: list[str],
    hit_pid: np.ndarray,
    hit_start: np.ndarray,
    hit_end: np.ndarray,
    hit_sent: np.ndarray,
    hit_negated: np.ndarray,
    quoted: Callable[[np.ndarray], np.ndarray],
) -> np.ndarray:
    """Which matches (pattern ids of `m`, offsets and sentence per match; hit_* for
    every hit of the chunk; groups and hows per sentence) to keep. `quoted` says of
    match indices whether each stands inside a quotation of its sentence (asked only of
    rhetoric matches in narration). A negated `requires` cue ("talks would not resume")
    does not count."""
    keep = np.ones(len(start), dtype=bool)
    rhetoric = np.flatnonzero((m.category == STANCE_CATEGORY)[pid])
    if not len(rhetoric):
        return keep
    r_pid, r_sent = pid[rhetoric], sent[rhetoric]
    drop = _silent(r_sent, groups, hows)
    narrated = np.flatnonzero(drop)
    if len(narrated):
        drop[narrated] = ~m.reported[r_pid[narrated]] & ~quoted(rhetoric[narrated])
    needs = [t for t, spec in lexicon.tags.items() if spec.requires]
    own, cue = _tag_ids(m, needs, REQUIRES)
    wanted = (own[r_pid] >= 0) & ~m.idiom[r_pid]
    found = (cue[hit_pid] >= 0) & ~hit_negated
    width = int(max(r_sent.max(), hit_sent.max(initial=0))) + 2  # (tag, sentence) as one key
    has = np.isin(
        own[r_pid] * width + r_sent + 1, cue[hit_pid[found]] * width + hit_sent[found] + 1
    )
    drop |= wanted & ~has
    excludes = [t for t, spec in lexicon.tags.items() if spec.exclude]
    own, cue = _tag_ids(m, excludes, EXCLUDE)
    outside = cue[hit_pid] >= 0
    if outside.any():
        spans: dict[int, list[tuple[int, int]]] = {}
        for c, s, e in zip(
            cue[hit_pid[outside]].tolist(), hit_start[outside].tolist(), hit_end[outside].tolist()
        ):
            spans.setdefault(c, []).append((s, e))
        tags = own[r_pid]
        for k in np.flatnonzero(~drop & np.isin(tags, list(spans))).tolist():
            a, b = int(start[rhetoric[k]]), int(end[rhetoric[k]])
            drop[k] = any(s <= a and b <= e for s, e in spans[int(tags[k])])
    keep[rhetoric[drop]] = False
    return keep
