"""The matcher: lexicon patterns compiled into one Aho-Corasick automaton (words and
phrases) plus the analyst's regular expressions, scanned over a normalized copy of the text.

The normalized copy has the same length as the text (lower case, every character that is
not a letter or digit turned into a space), padded with one space at each end. Each word or
phrase is searched as " phrase " with one automaton, so word boundaries cost nothing and
offsets map straight back to the original text. Globs (`*`, `?`) and `re:` patterns are
regular expressions tried where they can start.
"""

from __future__ import annotations

import itertools
import re
import re._parser as _sre  # the stdlib's regex parser: to find nested repeats
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick
import numpy as np

from analystkit.lexicon_yaml import LexiconError

_APOSTROPHES = "’‘ʼ′`´"
_DASHES = "‐‑‒–—―−"
_MAX_HYPHENS = 4


@dataclass(frozen=True)
class Entry:
    """One pattern to compile: where its matches go and where it was written (`path`:
    when not the lexicon's own file)."""

    source: str
    category: str
    tag: str
    line: int | None = None
    path: str | None = None
    idiom: bool = False  # counts without the tag's `requires`
    reported: bool = False  # names a party's act: counts in narration too (stance.py)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c).startswith("M")


def _fold(c: str) -> str:
    """The normalized form of one character: its lower case if it is part of a word
    (first character only, so "İ" → "i"), else a space."""
    return c.lower()[0] if _is_word_char(c) else " "


@cache
def _bmp_table() -> np.ndarray:
    """_fold for every code point below 0x10000, as a lookup array (surrogates kept)."""
    codes = np.arange(0x10000, dtype=np.uint32)
    out = codes.copy()
    for c in range(0x10000):
        if not 0xD800 <= c < 0xE000:
            out[c] = ord(_fold(chr(c)))
    return out


def _normalized_codes(text: str) -> np.ndarray:
    """The code points of `normalize(text)` as a uint32 array."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if not codes.size or codes.max() < 0x10000:
        return _bmp_table()[codes]
    out = np.take(_bmp_table(), codes, mode="clip")
    astral = codes >= 0x10000
    out[astral] = [ord(_fold(chr(v))) for v in codes[astral].tolist()]
    return out


def normalize(text: str) -> str:
    """Lower-case `text` and turn every character that is not a letter, digit or
    combining mark into a space, keeping the length (offsets stay valid)."""
    raw = text.encode("ascii", "replace")  # one byte per character: "?" if not ASCII
    folded = raw.translate(_ASCII_TABLE).decode("ascii")
    if text.isascii():
        return folded
    marks = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == ord("?")).tolist()
    if len(marks) * _ASCII_SHARE > len(text):  # mostly not ASCII: fold them all at once
        return _normalized_codes(text).tobytes().decode("utf-32-le", "surrogatepass")
    pieces, at = [], 0
    for pos in marks:  # "?" and what it replaced folded to a space; patch the others
        c = _fold_other(text[pos])
        if c != " ":
            pieces += [folded[at:pos], c]
            at = pos + 1
    return "".join([*pieces, folded[at:]]) if pieces else folded


_ASCII_SHARE = 8  # normalize patches char by char when under 1/8 of the text is not ASCII
_ASCII_TABLE = bytes(ord(_fold(chr(c))) for c in range(128)) + bytes(range(128, 256))


@cache
def _fold_other(c: str) -> str:
    """normalize() of one character (as _normalized_codes folds it)."""
    return chr(_bmp_table()[ord(c)]) if ord(c) < 0x10000 else _fold(c)


def _sort_order(*keys: np.ndarray) -> np.ndarray:
    """np.lexsort order (last key primary) for non-negative int keys, packed into one
    int64 key when they fit (much faster than lexsort)."""
    widths = [int(k.max(initial=0)).bit_length() for k in keys]
    if sum(widths) > 62:
        return np.lexsort(keys)
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    for k, w in zip(reversed(keys), reversed(widths)):
        packed = (packed << w) | k
    return np.argsort(packed, kind="stable")


def pattern_variants(source: str) -> list[str]:
    """The normalized forms of a word/glob pattern: hyphens become a space or nothing."""
    s = " ".join(source.split()).lower()
    s = s.translate({ord(c): "'" for c in _APOSTROPHES}).translate({ord(c): "-" for c in _DASHES})
    parts = s.split("-")
    if len(parts) - 1 > _MAX_HYPHENS:
        raise ValueError(f"more than {_MAX_HYPHENS} hyphens (each one doubles the variants)")
    variants = []
    for joins in itertools.product((" ", ""), repeat=len(parts) - 1):
        v = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:]))
        v = "".join(c if c in "*?" else _fold(c) for c in v)
        if v not in variants:
            variants.append(v)
    if not any(_is_word_char(c) for c in variants[0]):
        raise ValueError("pattern has no letters or digits")
    return [v.strip() for v in variants]


_SLOT = re.compile(r"\{(\w+)\}")


def pattern_regex(source: str, slots: Mapping[str, str] | None = None) -> str:
    """A word, phrase or glob of the lexicon's syntax as a regular expression on the
    original text, for rules that read the text itself (data/event_rules.yml, the
    lexicon's negations and reporting verbs in realis and dates). It means what the
    matcher finds: letters in lower case (match lower-cased text, or ignore case), a
    space any whitespace, an apostrophe any apostrophe, a hyphen or dash a hyphen, a
    dash, a space or nothing, ``*`` any letters within a word (alone: one word), ``?``
    one letter; other punctuation as written. ``re:...`` is a regular expression, kept
    as written. Word boundaries are the caller's.

    Parameters
    ----------
    source : str
        The pattern, as written in a YAML file.
    slots : mapping of str to str or None, default None
        Named regular expressions that ``{name}`` in the pattern stands for (the
        event rules' word lists); None: braces are punctuation.

    Returns
    -------
    str
        The regular expression, without word boundaries.

    Raises
    ------
    ValueError
        The pattern has no letters or digits, more hyphens than the matcher takes, or
        names a slot that is not given.

    Examples
    --------
    >>> print(pattern_regex("test-fire"), pattern_regex("launch*"))
    test[\\s\\-‐‑‒–—―−]?fire launch\\w*
    >>> import re
    >>> bool(re.fullmatch(pattern_regex("don't"), "don’t"))
    True
    >>> re.fullmatch(pattern_regex("{verb} up", {"verb": "give|gave"}), "gave  up").group(0)
    'gave  up'
    """
    if source.startswith("re:"):
        return source[3:].strip()
    pieces = _SLOT.split(source.strip()) if slots is not None else [source.strip()]
    pattern_variants("x".join(pieces[::2]))  # the lexicon's checks, a slot as a letter
    out = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            out.append(_words_regex(piece))
        elif slots is not None and piece in slots:
            out.append(f"(?:{slots[piece]})")
        else:
            raise ValueError(f"no word list {{{piece}}} (lists: {', '.join(slots or ())})")
    return "".join(out)


def phrase_pattern(phrases: list[str], slots: Mapping[str, str] | None = None) -> str:
    """Patterns of the lexicon's syntax (words, phrases, globs, ``re:``; see
    matcher.pattern_regex, with its `slots`) as one regex alternation, longest first:
    where two fit at one place, the longer wins.

    Examples
    --------
    >>> print(phrase_pattern(["no", "no sign of"]))
    no\\s+sign\\s+of|no
    """
    unique = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "|".join(pattern_regex(p, slots) for p in unique)


def _words_regex(words: str) -> str:
    """Words, globs and punctuation of a pattern as a regex (see pattern_regex)."""
    text = re.sub(r"\s+", " ", words.lower())
    out = []
    for i, c in enumerate(text):
        if c == " ":
            out.append(r"\s+")
        elif c in _APOSTROPHES + "'":
            out.append("['" + _APOSTROPHES + "]")
        elif c in _DASHES + "-":
            out.append(r"[\s\-" + _DASHES + "]?")
        elif c == "?":
            out.append(r"\w")
        elif c == "*":
            alone = text[i - 1 : i] in ("", " ") and text[i + 1 : i + 2] in ("", " ")
            out.append(r"\w+" if alone else r"\w*")
        else:
            out.append(re.escape(c))
    return "".join(out)


def _glob_regex(variant: str) -> re.Pattern:
    """A regex for a glob variant on normalized text, anchored at a word start."""
    out = []
    for i, c in enumerate(variant):
        if c == "*":
            alone = (i == 0 or variant[i - 1] == " ") and (
                i + 1 == len(variant) or variant[i + 1] == " "
            )
            out.append("[^ ]+" if alone else "[^ ]*")
        elif c == "?":
            out.append("[^ ]")
        else:
            out.append(re.escape(c))
    return re.compile("".join(out) + "(?= )")


_CASED = re.compile(r"re:\s*\(\?-i:((?:[A-Za-z0-9]|\\\.)+(?:\|(?:[A-Za-z0-9]|\\\.)+)*)\)\s*")


def _cased_words(source: str) -> tuple[str, ...]:
    """The words of a regex that is only case-sensitive words and abbreviations
    ("re:(?-i:US|U\\.S\\.)"), which the automaton finds and the text confirms as
    written, instead of a regex tried at every capital letter; () for any other
    pattern."""
    m = _CASED.fullmatch(source)
    return tuple(w.replace("\\.", ".") for w in m.group(1).split("|")) if m else ()


def _regex_word_char(c: str) -> bool:
    """Whether `re` counts `c` as a word character (\\w): letters, digits, "_"."""
    return c.isalnum() or c == "_"


def _user_regex(body: str) -> re.Pattern:
    """The regex between word boundaries. A repeat inside a repeat ("(\\w+ ?)+") is
    refused: it can backtrack for minutes on one sentence. The leading look-behind makes
    every start inside a word fail at once, so a long word costs linear time."""
    parsed = _sre.parse(body)  # an error's position is one in the analyst's own pattern
    rx = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    if rx.fullmatch(""):
        raise ValueError("regular expression matches empty text")
    if _nested_repeat(parsed):
        raise ValueError(
            "a repeat inside a repeat (e.g. '(\\w+ ?)+') can take minutes "
            "on one sentence; repeat a group without a repeat inside, or list "
            "the phrases"
        )
    return rx


_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}


def _nested_repeat(tokens, inside_repeat: bool = False) -> bool:
    """Whether a parsed regex has an unbounded-ish repeat within another repeat."""
    for op, arg in tokens:
        if op in _REPEATS:
            low, high, sub = arg
            repeats = high is _sre.MAXREPEAT or high > 1
            if repeats and inside_repeat:
                return True
            if _nested_repeat(sub, inside_repeat or repeats):
                return True
        elif op in (_sre.SUBPATTERN, _sre.ATOMIC_GROUP):
            if _nested_repeat(arg[-1], inside_repeat):
                return True
        elif op is _sre.BRANCH:
            if any(_nested_repeat(branch, inside_repeat) for branch in arg[1]):
                return True
    return False


def _regex_spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Non-empty matches of rx (which starts at a word boundary)."""
    return [m.span() for m in rx.finditer(text) if m.end() > m.start()]


def _body(rx: re.Pattern) -> str:
    """The analyst's own pattern inside a _user_regex."""
    return rx.pattern[len(r"(?<!\w)(?:") : -len(r")(?!\w)")]


def _prefilter(regexes: list[tuple[int, re.Pattern]]) -> tuple[re.Pattern | None, list[int]]:
    """One zero-width search that finds every word start where any of the user regexes'
    patterns match (each costs a whole pass over the text when scanned alone), and the
    regexes it covers (not those with groups, whose numbers or names would clash in one
    alternation). The look-behind comes first, as in _user_regex: a start inside a long
    word fails at once."""
    covered, bodies = [], []
    for i, (_, rx) in enumerate(regexes):
        if rx.groups == 0:
            covered.append(i)
            bodies.append(_body(rx))
    if not covered:
        return None, []
    try:
        alternation = "|".join(f"(?:{b})" for b in bodies)
        return re.compile(rf"(?<!\w)(?={alternation})", re.IGNORECASE), covered
    except re.error:
        return None, []


_ASCII_CASED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_MAX_RANGE = 256


def _first_chars(tokens, ignorecase: bool) -> tuple[set[str], bool] | None:
    """The characters a match of the parsed regex can start with, and whether any
    non-ASCII character can (under IGNORECASE an ASCII letter brings its other case and
    every non-ASCII character, some of which fold to it: the Kelvin sign to "k"); None
    when the first token may match empty text or is not simple to read."""
    if not tokens:
        return None
    op, av = tokens[0]
    if op is _sre.LITERAL:
        c = chr(av)
        if not ignorecase or (c.isascii() and c not in _ASCII_CASED):
            return {c}, False
        return ({c.lower(), c.upper()}, True) if c in _ASCII_CASED else None
    if op is _sre.IN:
        chars: set[str] = set()
        for item, arg in av:
            if item is _sre.LITERAL:
                codes = [arg]
            elif item is _sre.RANGE and arg[1] - arg[0] <= _MAX_RANGE:
                codes = list(range(arg[0], arg[1] + 1))
            else:
                return None
            for code in codes:
                found = _first_chars([(_sre.LITERAL, code)], ignorecase)
                if found is None:
                    return None
                chars |= found[0]
        return chars, ignorecase
    if op is _sre.BRANCH:
        union: set[str] = set()
        non_ascii = False
        for branch in av[1]:
            found = _first_chars(branch, ignorecase)
            if found is None:
                return None
            union |= found[0]
            non_ascii = non_ascii or found[1]
        return union, non_ascii
    if op is _sre.SUBPATTERN:
        _, add, remove, sub = av
        return _first_chars(sub, (ignorecase or bool(add & re.I)) and not remove & re.I)
    if op in _REPEATS and av[0] >= 1:
        return _first_chars(av[2], ignorecase)
    return None


def _first_char_class(bodies: list[str]) -> re.Pattern | None:
    """A one-character class matching wherever a match of any of the bodies (user
    regexes, compiled with IGNORECASE) can start; None when one is not simple to read.
    Searching for it skips at C speed over the text between candidates."""
    chars: set[str] = set()
    non_ascii = False
    for body in bodies:
        found = _first_chars(_sre.parse(body), True)
        if found is None:
            return None
        chars |= found[0]
        non_ascii = non_ascii or found[1]
    inside = "".join(re.escape(c) for c in sorted(chars)) + (
        r"\x80-\U0010ffff" if non_ascii else ""
    )
    return re.compile(f"[{inside}]") if inside else None


def _spans_at(rx: re.Pattern, text: str, candidates: list[int]) -> list[tuple[int, int]] | None:
    """_regex_spans(rx, text), trying rx only at `candidates` (sorted; every position
    where it can match among them); None when rx matches empty text somewhere (then
    finditer's rule for what follows an empty match applies: scan it whole)."""
    spans, last = [], 0
    match = rx.match
    for p in candidates:
        if p < last:
            continue
        m = match(text, p)
        if m is None:
            continue
        last = m.end()
        if last == p:
            return None
        spans.append((p, last))
    return spans


class _Table:
    """Pattern ids per automaton key, stored flat (CSR) so hits expand with numpy."""

    def __init__(self, per_key: list[list[int]]):
        self.count = np.array([len(p) for p in per_key], dtype=np.int64)
        self.ptr = np.concatenate([[0], np.cumsum(self.count)]).astype(np.int64)
        self.pid = np.array([p for ps in per_key for p in ps], dtype=np.int64)

    def expand(self, kid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For hits of keys `kid`: (hit row, pattern id), one pair per pattern."""
        n = self.count[kid]
        row = np.repeat(np.arange(len(kid)), n)
        first = np.repeat(np.cumsum(n) - n, n)
        return row, self.pid[self.ptr[kid[row]] + np.arange(len(row)) - first]


class Matcher:
    """Compiled patterns: `scan(text)` finds every match, longest-wins within a group."""

    def __init__(self, entries: Sequence[Entry], origin: str | Path = "<patterns>"):
        self.category = np.array([e.category for e in entries], dtype=object)
        self.tag = np.array([e.tag for e in entries], dtype=object)
        self.source = np.array([e.source for e in entries], dtype=object)
        self.public = np.array([not e.category.startswith("_") for e in entries], dtype=bool)
        self.idiom = np.array([e.idiom for e in entries], dtype=bool)
        self.reported = np.array([e.reported for e in entries], dtype=bool)
        group_ids = {g: i for i, g in enumerate(dict.fromkeys(e.category for e in entries))}
        self.group = np.array([group_ids[e.category] for e in entries], dtype=np.int64)
        keys: dict[str, int] = {}
        plain: list[list[int]] = []
        tails: list[list[int]] = []
        globs: dict[int, list[tuple[int, re.Pattern]]] = {}
        self.unanchored: list[tuple[int, re.Pattern]] = []
        self.regexes: list[tuple[int, re.Pattern]] = []
        self.cased: dict[int, tuple[str, ...]] = {}  # pid -> its words, as written
        for pid, e in enumerate(entries):
            try:
                words = _cased_words(e.source)
                if words:
                    self.cased[pid] = words
                elif e.source.startswith("re:"):
                    self.regexes.append((pid, _user_regex(e.source[3:].strip())))
                    continue
                for v in (v for w in words or (e.source,) for v in pattern_variants(w)):
                    wild = min((v.index(c) for c in "*?" if c in v), default=-1)
                    key = " " + (v if wild < 0 else v[:wild]) + (" " if wild < 0 else "")
                    if wild == 0:
                        self.unanchored.append((pid, re.compile("(?<= )" + _glob_regex(v).pattern)))
                        continue
                    kid = keys.setdefault(key, len(keys))
                    if kid == len(plain):
                        plain.append([])
                        tails.append([])
                    if wild < 0:
                        plain[kid].append(pid)
                    elif wild == len(v) - 1 and v[-1] == "*" and v[-2] != " ":
                        tails[kid].append(pid)  # "provocat*": to the end of the word
                    else:
                        globs.setdefault(kid, []).append((pid, _glob_regex(v)))
            except (ValueError, re.error) as err:
                raise LexiconError(
                    e.path or origin, e.line, f"pattern {e.source!r}: {err}"
                ) from None
        self.prefilter, self.prefiltered = _prefilter(self.regexes)
        self.first_char = _first_char_class([_body(self.regexes[i][1]) for i in self.prefiltered])
        self.automaton = ahocorasick.Automaton()
        for key, kid in keys.items():
            self.automaton.add_word(key, kid)
        if keys:
            self.automaton.make_automaton()
        self.key_len = np.array([len(k) for k in keys], dtype=np.int64)
        self.plain = _Table(plain)
        self.tails = _Table(tails)
        self.globs = globs
        self.has_glob = np.zeros(len(keys), dtype=bool)
        self.has_glob[list(globs)] = True

    def scan(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All matches in `text` as (start, end, pattern id), sorted by start; within a
        group (a category) overlapping matches are reduced to the longest."""
        padded = " " + normalize(text) + " "
        starts, ends, pids = [], [], []
        if len(self.key_len):
            hits = np.fromiter(
                itertools.chain.from_iterable(self.automaton.iter(padded)), dtype=np.int64
            ).reshape(-1, 2)
            last, kid = hits[:, 0], hits[:, 1]
            row, pid = self.plain.expand(kid)
            start, end = last[row] - self.key_len[kid[row]] + 1, last[row] - 1
            if self.cased:
                start, end, pid = self._as_written(text, start, end, pid)
            starts.append(start)
            ends.append(end)
            pids.append(pid)
            row, pid = self.tails.expand(kid)
            if len(row):
                find = padded.find  # the word's end: the next space
                starts.append(last[row] - self.key_len[kid[row]] + 1)
                ends.append(np.array([find(" ", p) - 1 for p in (last[row] + 1).tolist()]))
                pids.append(pid)
            gs, ge, gp = [], [], []
            for e, k in hits[self.has_glob[kid]].tolist():
                word = e - int(self.key_len[k]) + 2
                for pid_, rx in self.globs[k]:
                    m = rx.match(padded, word)
                    if m:
                        gs.append(word - 1)
                        ge.append(m.end() - 1)
                        gp.append(pid_)
            starts.append(np.array(gs, dtype=np.int64))
            ends.append(np.array(ge, dtype=np.int64))
            pids.append(np.array(gp, dtype=np.int64))
        for pid_, rx in self.unanchored:
            spans = [m.span() for m in rx.finditer(padded)]
            starts.append(np.array([s - 1 for s, _ in spans], dtype=np.int64))
            ends.append(np.array([e - 1 for _, e in spans], dtype=np.int64))
            pids.append(np.full(len(spans), pid_, dtype=np.int64))
        for pid_, spans in self._regex_matches(text):
            starts.append(np.array([s for s, _ in spans], dtype=np.int64))
            ends.append(np.array([e for _, e in spans], dtype=np.int64))
            pids.append(np.full(len(spans), pid_, dtype=np.int64))
        if not starts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty.copy(), empty.copy()
        return self._longest(np.concatenate(starts), np.concatenate(ends), np.concatenate(pids))

    def _as_written(
        self, text: str, start: np.ndarray, end: np.ndarray, pid: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The word hits, those of case-sensitive words (`cased`) kept only where the
        text holds one of them as written, between word boundaries: the first that fits
        at a start, as the regex alternation they were written as would take it."""
        cased = np.isin(pid, list(self.cased))
        if not cased.any():
            return start, end, pid
        found: dict[tuple[int, int], int] = {}
        for s, p in sorted(set(zip(start[cased].tolist(), pid[cased].tolist()))):
            if s > 0 and _regex_word_char(text[s - 1]):
                continue
            for word in self.cased[p]:
                e = s + len(word)
                if text.startswith(word, s) and not (e < len(text) and _regex_word_char(text[e])):
                    found[(s, p)] = e
                    break
        kept = list(found.items())
        return (
            np.concatenate([start[~cased], np.array([s for (s, _), _ in kept], dtype=np.int64)]),
            np.concatenate([end[~cased], np.array([e for _, e in kept], dtype=np.int64)]),
            np.concatenate([pid[~cased], np.array([p for (_, p), _ in kept], dtype=np.int64)]),
        )

    def _regex_matches(self, text: str) -> list[tuple[int, list[tuple[int, int]]]]:
        """(pattern id, spans) of every user regex, in order: the covered ones tried only
        where the prefilter found one of them, the others scanned whole."""
        found: dict[int, list[tuple[int, int]] | None] = {}
        if self.prefilter is not None:
            candidates = self._candidates(text)
            for i in self.prefiltered:
                found[i] = _spans_at(self.regexes[i][1], text, candidates)
        out = []
        for i, (pid, rx) in enumerate(self.regexes):
            spans = found.get(i)
            out.append((pid, spans if spans is not None else _regex_spans(rx, text)))
        return out

    def _candidates(self, text: str) -> list[int]:
        """Where the prefilter matches: tried only at the characters that can start a
        match when those are known, else at every position."""
        assert self.prefilter is not None
        if self.first_char is None:
            return [m.start() for m in self.prefilter.finditer(text)]
        match = self.prefilter.match
        return [p for p in (m.start() for m in self.first_char.finditer(text)) if match(text, p)]

    def _longest(self, s: np.ndarray, e: np.ndarray, p: np.ndarray):
        """Keep, within each group, the longest of overlapping matches (ties: the earlier
        start, then the pattern written first)."""
        g = self.group[p]
        order = _sort_order(p, int(e.max(initial=0) - s.min(initial=0)) - (e - s), s, g)
        s, e, p, g = s[order], e[order], p[order], g[order]
        shift = g * (int(e.max(initial=0)) + 1)
        reach = np.maximum.accumulate(e + shift)
        new = np.ones(len(s), dtype=bool)
        new[1:] = (s[1:] + shift[1:]) >= reach[:-1]
        cluster = np.cumsum(new) - 1
        sizes = np.bincount(cluster)
        keep = sizes[cluster] == 1
        first = np.flatnonzero(new)
        pair = first[sizes == 2]  # the common case: two overlapping matches
        a, b = pair, pair + 1
        a_wins = (e[a] - s[a] > e[b] - s[b]) | (
            (e[a] - s[a] == e[b] - s[b]) & ((s[a] < s[b]) | ((s[a] == s[b]) & (p[a] <= p[b])))
        )
        keep[np.where(a_wins, a, b)] = True
        multi = np.flatnonzero(sizes > 2)
        if len(multi):
            sl, el, pl = s.tolist(), e.tolist(), p.tolist()
            for lo, hi in zip(first[multi].tolist(), (first[multi] + sizes[multi]).tolist()):
                taken: list[tuple[int, int]] = []
                for i in sorted(range(lo, hi), key=lambda i: (sl[i] - el[i], sl[i], pl[i])):
                    if all(el[i] <= a or sl[i] >= b for a, b in taken):
                        taken.append((sl[i], el[i]))
                        keep[i] = True
        s, e, p = s[keep], e[keep], p[keep]
        order = _sort_order(p, e, s)
        return s[order], e[order], p[order]


def pattern_matcher(patterns: list[str]) -> Matcher:
    """A Matcher for ad-hoc patterns in lexicon syntax (used by kwic)."""
    return Matcher([Entry(p, "pattern", "pattern") for p in patterns], "<pattern>")
