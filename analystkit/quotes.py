"""Quotations in an article: where each one runs, and which belong together.

A quotation opens at “ « or a straight " and closes at ” » or the next straight ". One
that is still open at the end of a paragraph ends there; when the next paragraph opens a
quotation straight away, that one continues it (the newspaper convention for a quote over
several paragraphs), so both get the same quotation number."""

from __future__ import annotations

from bisect import bisect_right

_OPEN, _CLOSE, _TOGGLE = 1, -1, 0
_KINDS = {"“": _OPEN, "«": _OPEN, "”": _CLOSE, "»": _CLOSE, '"': _TOGGLE}


def quote_marks(text: str) -> tuple[list[int], list[int]]:
    """Positions of quotation marks in `text`, and their kind (1 opens, -1 closes, 0
    toggles)."""
    found = []
    for ch, kind in _KINDS.items():
        pos = text.find(ch)
        while pos >= 0:
            found.append((pos, kind))
            pos = text.find(ch, pos + 1)
    found.sort()
    return [p for p, _ in found], [k for _, k in found]


def quotations(
    text: str, paragraph_starts: list[int], lo: int = 0, hi: int | None = None
) -> list[tuple[int, int, int]]:
    """The quotations in text[lo:hi] as (start, end, number): start at the opening mark,
    end after the closing one (or at the paragraph's end); a quotation continued in the
    next paragraph keeps its number. `paragraph_starts` are sorted offsets."""
    hi = len(text) if hi is None else hi
    positions, kinds = quote_marks(text[lo:hi])
    out: list[tuple[int, int, int]] = []
    number, start, para_end, para = -1, -1, -1, -1
    carried = -2  # paragraph whose end the last quotation ran to
    for rel, kind in zip(positions, kinds):
        pos = lo + rel
        if start >= 0 and pos >= para_end:  # still open at the paragraph's end
            out.append((start, para_end, number))
            start, carried = -1, para
        if start < 0:
            if kind == _CLOSE:
                continue
            para = bisect_right(paragraph_starts, pos) - 1
            para_start = paragraph_starts[para] if para >= 0 else lo
            if not (carried == para - 1 and not text[para_start:pos].strip()):
                number += 1
            carried, start = -2, pos
            para_end = _paragraph_end(text, paragraph_starts, para, hi)
        elif kind != _OPEN:
            out.append((start, pos + 1, number))
            start = -1
    if start >= 0:
        out.append((start, para_end, number))
    return out


def inside_quotation(text: str, lo: int, hi: int, a: int, b: int) -> bool:
    """Whether text[a:b] lies inside a quotation that opens and closes within
    text[lo:hi] (a sentence): someone's words quoted in it, a statement or a phrase.

    Examples
    --------
    >>> s = 'It vowed to "wipe out" the bases.'
    >>> inside_quotation(s, 0, len(s), 13, 21), inside_quotation(s, 0, len(s), 27, 32)
    (True, False)
    """
    before, after = text[lo:a], text[b:hi]
    curly = sum(before.count(c) for c in "“«") > sum(before.count(c) for c in "”»")
    if curly and ("”" in after or "»" in after):
        return True
    return before.count('"') % 2 == 1 and '"' in after


def _paragraph_end(text: str, paragraph_starts: list[int], k: int, hi: int) -> int:
    end = paragraph_starts[k + 1] if k + 1 < len(paragraph_starts) else hi
    return min(end, hi)
