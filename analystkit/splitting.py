"""Sentence splitting and the chunks articles are processed in.

Splitting is three linear regex passes, sentence-final marks, list items and blank lines
(it knows "Mr.", "Jan.", "U.S." and closing quotes); a blank line also starts a
paragraph. Articles are joined into chunks of about a million characters (SEPARATOR
between them is always a sentence break), so memory follows the chunk, not the corpus.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

import numpy as np

SEPARATOR = "\n\n"  # joins articles of a chunk; always a sentence break

_ABBREVIATIONS = (
    "Mr Mrs Ms Dr St No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov "
    "Dec Gen Lt Col Sgt Capt Adm Rep Sen Gov Prof Pres Amb Jr Sr Inc Corp Co "
    "Ltd vs etc Vol Maj Cmdr Brig Rev Ft Mt approx est"
).split()

_CLOSERS = r"[”\"’')\]]*"

_NOT_ABBREVIATION = (
    "".join(  # one look-behind per abbreviation length
        rf"(?<!\b(?:{'|'.join(a for a in _ABBREVIATIONS if len(a) == n)})\.)"
        for n in sorted({len(a) for a in _ABBREVIATIONS})
    )
    + r"(?<!\b[A-Za-z]\.)"
)

# A sentence-final mark, then the gap (group 1). It starts with a character class so that
# `re` can skip ahead, and looks ahead (cheap) before it looks behind (abbreviations).
_STOP = re.compile(
    r"[.!?…](?=" + _CLOSERS + r"\s+[“\"‘'(\[]?[A-Z0-9])" + _NOT_ABBREVIATION + _CLOSERS + r"(\s+)"
)

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")

# A line that opens with a bullet ("- ", "• ", "* "): a list item, a sentence of its own
# whatever ends the line before it (KCNA's "Following are major news items …:" lists)
_BULLET = re.compile(r"\n[ \t]*(?=[-•*·][ \t])")

_CHUNK_CHARS = 1_000_000  # a chunk's working memory is about ten times its text

_NOT_SPACE = re.compile(r"\S")  # whitespace as str.strip() reads it


def join_articles(texts: list[str]) -> tuple[str, np.ndarray, np.ndarray]:
    """The texts joined by SEPARATOR, with each one's start offset and length in it."""
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = (
        np.concatenate([[0], np.cumsum(lengths + len(SEPARATOR))[:-1]])
        if len(texts)
        else np.zeros(0, dtype=np.int64)
    )
    return SEPARATOR.join(texts), starts, lengths


def _spans(spans: Iterable[tuple[int, int]]) -> np.ndarray:
    """The (start, end) pairs flat in one int64 array (no tuple list kept)."""
    return np.fromiter(itertools.chain.from_iterable(spans), dtype=np.int64)


def _spaced_back(text: str, start: int, end: int) -> tuple[int, int]:
    """The gap (start, end) widened back over the spaces before it (the line's end):
    the regex starts at the newline, which `re` can skip to, not at optional spaces."""
    while start > 0 and text[start - 1] in " \t\r":
        start -= 1
    return start, end


def split(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence (start, end) offsets in `text`, and whether each starts a paragraph."""
    stops = _spans(
        itertools.chain(
            (m.span(1) for m in _STOP.finditer(text)),
            (_spaced_back(text, m.start(), m.end()) for m in _BULLET.finditer(text)),
        )
    )
    blanks = _spans(m.span() for m in _BLANK_LINE.finditer(text))
    gaps = np.r_[stops, blanks].reshape(-1, 2)
    blank = np.arange(len(gaps)) >= len(stops) // 2
    order = np.argsort(gaps[:, 0], kind="stable")
    gs, ge, gb = gaps[order, 0], gaps[order, 1], blank[order]
    if len(gs):  # merge overlapping gaps
        first = np.flatnonzero(np.r_[True, gs[1:] >= np.maximum.accumulate(ge)[:-1]])
        gs, ge = gs[first], np.maximum.reduceat(ge, first)
        gb = np.logical_or.reduceat(gb, first)
    starts = np.r_[0, ge].astype(np.int64)
    ends = np.r_[gs, len(text)].astype(np.int64)
    para = np.r_[True, gb]
    first_word = _NOT_SPACE.search(text)
    starts[0] = first_word.start() if first_word else len(text)
    trimmed = ends.tolist()  # spaces before a blank line, and at the end
    for i in [*np.flatnonzero(gb).tolist(), len(trimmed) - 1]:
        e = trimmed[i]
        while e > 0 and text[e - 1].isspace():
            e -= 1
        trimmed[i] = e
    ends = np.array(trimmed, dtype=np.int64)
    keep = ends > starts
    return starts[keep], ends[keep], para[keep]


def page_furniture(pattern: re.Pattern[str] | None, text: str, starts: list[int]) -> list[bool]:
    """Per sentence start in `text`: whether the sentence opens with the lexicon's
    `page_furniture` (`pattern`, Lexicon.furniture; None: nothing is), a line the web
    page sets around the story ("JUST WATCHED …", "Read more:", "Sign up for …"): not
    the article's words, so no one is credited with it and nothing is tagged or read as
    an event in it. (Extract_events asks the same of each sentence it reads, with
    EventRules.furniture.)

    >>> page_furniture(re.compile("just watched", re.I), "JUST WATCHED Clip. Text.", [0, 19])
    [True, False]
    """
    if pattern is None:
        return [False] * len(starts)
    return [pattern.match(text, s) is not None for s in starts]


def article_spans(texts: list[str]) -> list[tuple[list[int], list[int]]]:
    """Each text's sentence (starts, ends) offsets, split as ak.sentences splits them
    (the texts joined by SEPARATOR, one pass), without its speaker attribution."""
    text, offsets, _ = join_articles(texts)
    starts, ends, _ = split(text)
    bounds = np.searchsorted(starts, np.append(offsets, np.iinfo(np.int64).max)).tolist()
    return [
        ((starts[lo:hi] - offset).tolist(), (ends[lo:hi] - offset).tolist())
        for offset, lo, hi in zip(offsets.tolist(), bounds[:-1], bounds[1:])
    ]


def chunk_bounds(lengths: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive chunks of texts of these lengths, as (first, stop) indices: a chunk
    ends once its texts reach _CHUNK_CHARS characters (so a longer text ends the chunk
    it joins); one empty chunk when there are no texts."""
    out, first, size = [], 0, 0
    stop = 0
    for stop, length in enumerate(lengths, start=1):
        size += length
        if size >= _CHUNK_CHARS:
            out.append((first, stop))
            first, size = stop, 0
    if first < stop or not out:
        out.append((first, stop))
    return out
