"""Sentences with char offsets, quotation marks and the speaker each one is credited to.

Splitting is two linear regex passes, sentence-final marks and blank lines (it knows
"Mr.", "Jan.", "U.S." and closing quotes). Attribution (attribution.py) reads the
grammar of reporting: a reporting clause's subject (clauses.py), resolved against the
roster, roles, pronouns and definite descriptions (speakers.py); quotations take the
speaker of the clause that introduces or closes them (quotes.py); narration is the
article's state outlet (voices.py) or else the reporter's (`media`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from analystkit.attribution import Credits, attribute
from analystkit.lexicon import NEGATION, Lexicon, Matcher, as_lexicon
from analystkit.voices import Voices

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
_MAX_GAP_WORDS = 3
_CLAUSE_BREAK = re.compile(r"[,;:.!?]")
_CHUNK_CHARS = 8_000_000

SENTENCE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_group",
    "attribution",
    "quoted",
]


class ArticleText(NamedTuple):
    """What attribution needs of an article: its text, year (None: unknown; a roster
    person's years are then not checked) and source field."""

    text: str
    year: int | None = None
    source: str = ""


def join_articles(texts: list[str]) -> tuple[str, np.ndarray, np.ndarray]:
    """The texts joined by SEPARATOR, with each one's start offset and length in it."""
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = (
        np.concatenate([[0], np.cumsum(lengths + len(SEPARATOR))[:-1]])
        if len(texts)
        else np.zeros(0, dtype=np.int64)
    )
    return SEPARATOR.join(texts), starts, lengths


def scan_articles(
    matcher: Matcher, text: str, article_start: np.ndarray, lengths: np.ndarray
) -> tuple[np.ndarray, ...]:
    """The matches in `text` (from join_articles) that lie inside one article, as
    (article index, start, end, pattern id); offsets are in `text`. A user regex must
    not match across articles."""
    starts, ends, pids = matcher.scan(text)
    if not len(article_start):
        return np.zeros(0, dtype=np.int64), starts[:0], ends[:0], pids[:0]
    art = np.searchsorted(article_start, starts, "right") - 1
    inside = ends <= (article_start + lengths)[art]
    return art[inside], starts[inside], ends[inside], pids[inside]


def split(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence (start, end) offsets in `text`, and whether each starts a paragraph."""
    stops = [m.span(1) for m in _STOP.finditer(text)]
    blanks = [m.span() for m in _BLANK_LINE.finditer(text)]
    gaps = np.array(stops + blanks, dtype=np.int64).reshape(-1, 2)
    blank = np.r_[np.zeros(len(stops), dtype=bool), np.ones(len(blanks), dtype=bool)]
    order = np.argsort(gaps[:, 0], kind="stable")
    gs, ge, gb = gaps[order, 0], gaps[order, 1], blank[order]
    if len(gs):  # merge overlapping gaps
        first = np.flatnonzero(np.r_[True, gs[1:] >= np.maximum.accumulate(ge)[:-1]])
        gs, ge = gs[first], np.maximum.reduceat(ge, first)
        gb = np.logical_or.reduceat(gb, first)
    starts = np.r_[0, ge].astype(np.int64)
    ends = np.r_[gs, len(text)].astype(np.int64)
    para = np.r_[True, gb]
    starts[0] = len(text) - len(text.lstrip())
    ends[-1] = len(text.rstrip())
    for i in np.flatnonzero(gb).tolist():  # spaces before a blank line
        e = int(ends[i])
        while e > 0 and text[e - 1].isspace():
            e -= 1
        ends[i] = e
    keep = ends > starts
    return starts[keep], ends[keep], para[keep]


@dataclass
class Analysis:
    """One chunk of articles joined by SEPARATOR: sentences, speakers and raw matches."""

    text: str
    article_start: np.ndarray  # offset of each article in `text`
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_article: np.ndarray  # index of the sentence's article in the chunk
    para: np.ndarray  # the sentence starts a paragraph (or an article)
    hit_start: np.ndarray  # every lexicon match (all categories, resolved)
    hit_end: np.ndarray
    hit_pid: np.ndarray
    matcher: Matcher
    credits: Credits | None = None


def analyse(articles: list[ArticleText], lexicon: Lexicon, speakers_only: bool = False) -> Analysis:
    """Split, scan and attribute one chunk of articles (speakers_only: scan for roster
    cues, reporting verbs and negations only)."""
    texts = [a.text for a in articles]
    text, article_start, lengths = join_articles(texts)
    s, e, para = split(text)
    art = np.searchsorted(article_start, s, "right") - 1
    para = para | np.r_[True, art[1:] != art[:-1]] if len(s) else para
    matcher = lexicon.speaker_matcher if speakers_only else lexicon.matcher
    _, hs, he, hp = scan_articles(matcher, text, article_start, lengths)
    a = Analysis(text, article_start, s, e, art, para, hs, he, hp, matcher)
    voices = _voices(lexicon)
    a.credits = attribute(
        text,
        s,
        e,
        art,
        para,
        article_start,
        article_start + lengths,
        hs,
        he,
        hp,
        lexicon,
        matcher,
        [x.year for x in articles],
        [voices.voice(x.source, x.text) for x in articles],
    )
    return a


def _voices(lexicon: Lexicon) -> Voices:
    found = lexicon.__dict__.get("_voices")
    if found is None:
        found = lexicon.__dict__["_voices"] = Voices(lexicon.roster)
    return found


def negated(a: Analysis, starts: np.ndarray, sent: np.ndarray) -> np.ndarray:
    """Whether a negation cue ends at most three words before each match start, in the
    same sentence and clause."""
    neg = a.matcher.category[a.hit_pid] == NEGATION
    ns, ne = a.hit_start[neg], a.hit_end[neg]
    out = np.zeros(len(starts), dtype=bool)
    if not len(ns) or not len(starts):
        return out
    j = np.searchsorted(ne, starts, "right") - 1
    cand = (
        (j >= 0)
        & (ns[np.maximum(j, 0)] >= a.sent_start[sent])
        & (starts - ne[np.maximum(j, 0)] <= 40)
    )
    text = a.text
    idx = np.flatnonzero(cand)
    for k, gap_start, gap_end in zip(idx.tolist(), ne[j[idx]].tolist(), starts[idx].tolist()):
        gap = text[gap_start:gap_end]
        words = gap.lower().split()
        out[k] = gap == " " or (
            len(words) <= _MAX_GAP_WORDS and "but" not in words and not _CLAUSE_BREAK.search(gap)
        )
    return out


def chunks(texts: list, n: int) -> list[tuple[int, list]]:
    """Split texts (str or ArticleText) into consecutive chunks of about equal size:
    (first index, texts)."""
    sizes = [len(t.text) if isinstance(t, ArticleText) else len(t) for t in texts]
    total = sum(sizes)
    size = max(1, min(_CHUNK_CHARS, total // max(1, n) + 1))
    out, cur, cur_len, first = [], [], 0, 0
    for i, (t, length) in enumerate(zip(texts, sizes)):
        cur.append(t)
        cur_len += length
        if cur_len >= size:
            out.append((first, cur))
            cur, cur_len, first = [], 0, i + 1
    if cur or not out:
        out.append((first, cur))
    return out


def map_chunks(func, texts: list, lexicon: Lexicon) -> list:
    """Apply func(texts, lexicon) to consecutive chunks of at most about 8 MB of text
    (so memory follows the chunk, not the corpus), as (first index, result) in input
    order. Parallel work goes through Dask (analystkit.cluster), not a pool here."""
    return [(first, func(part, lexicon)) for first, part in chunks(texts, 1)]


def article_texts(articles: pd.DataFrame) -> list[ArticleText]:
    """The texts of an articles frame with the year and source attribution reads."""
    texts = require_text(articles)
    n = len(texts)
    if "date" in articles.columns:
        dates = pd.to_datetime(articles["date"], errors="coerce")
        years = [None if pd.isna(y) else int(y) for y in dates.dt.year.tolist()]
    else:
        years = [None] * n
    sources = (
        articles["source"].fillna("").astype(str).tolist()
        if "source" in articles.columns
        else [""] * n
    )
    return [ArticleText(t, y, src) for t, y, src in zip(texts, years, sources)]


def require_text(articles: pd.DataFrame) -> list[str]:
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise ValueError(
                f"articles frame has no {col!r} column (columns: "
                f"{', '.join(map(str, articles.columns))})"
            )
    texts = articles["text"].tolist()
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise ValueError(
            f"articles.text must be strings; row {bad[0]} holds "
            f"{type(texts[bad[0]]).__name__} ({len(bad)} such rows)"
        )
    return texts


def _sentence_rows(articles: list[ArticleText], lexicon: Lexicon) -> dict:
    return sentence_arrays(analyse(articles, lexicon, speakers_only=True))


def sentence_arrays(a: Analysis, with_text: bool = True) -> dict:
    assert a.credits is not None  # analyse always attributes
    art = a.sent_article
    first = np.searchsorted(art, np.arange(len(a.article_start)))
    offset = a.article_start[art]
    text = a.text
    return dict(
        article=art,
        sentence_id=np.arange(len(art)) - first[art],
        start=a.sent_start - offset,
        end=a.sent_end - offset,
        speaker=a.credits.speaker,
        group=a.credits.group,
        how=a.credits.how,
        quoted=a.credits.quoted,
        text=[text[s:e] for s, e in zip(a.sent_start.tolist(), a.sent_end.tolist())]
        if with_text
        else [],
    )


def labels(names, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A pandas str array of names[codes], built as an Arrow dictionary (fast for the
    few distinct values of ids, categories, tags and speakers)."""
    dictionary = pa.array(list(names), type=pa.large_string())
    indices = pa.array(np.asarray(codes) % max(len(dictionary), 1), type=pa.int64())
    return pd.array(
        pa.DictionaryArray.from_arrays(indices, dictionary).cast(pa.large_string()), dtype="str"
    )


def sentence_frame(articles: pd.DataFrame, parts: list[tuple[int, dict]]) -> pd.DataFrame:
    """Assemble per-chunk sentence arrays into the sentences frame."""
    ids = articles["article_id"].astype(str).to_numpy()
    art = np.concatenate([p["article"] + first for first, p in parts])
    start = np.concatenate([p["start"] for _, p in parts])
    end = np.concatenate([p["end"] for _, p in parts])
    return pd.DataFrame(
        {
            "article_id": labels(ids, art),
            "sentence_id": np.concatenate([p["sentence_id"] for _, p in parts]).astype(np.int64),
            "start": start.astype(np.int64),
            "end": end.astype(np.int64),
            "text": pd.array([x for _, p in parts for x in p["text"]], dtype="str"),
            "speaker": pd.array([x for _, p in parts for x in p["speaker"]], dtype="str"),
            "speaker_group": pd.array([x for _, p in parts for x in p["group"]], dtype="str"),
            "attribution": pd.array([x for _, p in parts for x in p["how"]], dtype="str"),
            "quoted": np.concatenate([p["quoted"] for _, p in parts]).astype(bool),
        },
        columns=SENTENCE_COLUMNS,
    )


def sentences(articles: pd.DataFrame, lexicon: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id (0-based within the article),
    start, end (char offsets into the article text; int64), text, speaker (a roster
    name, or the subject as written: "" for the reporter's narration), speaker_group
    (vocab.SPEAKER_GROUPS; "media" for narration), attribution (the rule that credited it:
    cue, quote, pronoun, source, default), quoted (bool: the sentence holds or sits
    inside a quotation). The `date` and `source` columns, when present, are read too (a
    roster person's years; a state outlet's narration). Rows follow the articles'
    order. For many cores or machines, see analystkit.cluster (Dask).

    Examples
    --------
    >>> import analystkit as ak
    >>> s = ak.sentences(ak.load_articles(ak.SEEDS_DIR))
    >>> s.columns.tolist()
    ['article_id', 'sentence_id', 'start', 'end', 'text', 'speaker', 'speaker_group',
     'attribution', 'quoted']
    >>> s.loc[0, "text"][:40]
    'North Korea said on Friday it had test-f'
    >>> s.loc[0, ["speaker", "speaker_group"]].tolist()
    ['North Korea', 'dprk_state']
    """
    lexicon = as_lexicon(lexicon)
    parts = map_chunks(_sentence_rows, article_texts(articles), lexicon)
    return sentence_frame(articles, parts)
