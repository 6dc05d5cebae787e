"""One chunk of articles analysed: split into sentences, scanned with the lexicon's
matcher, and every sentence credited to a speaker.

Attribution (attribution.py) reads the grammar of reporting: a reporting clause's subject
(clauses.py), resolved against the roster, roles, pronouns and definite descriptions
(speakers.py); quotations take the speaker of the clause that introduces or closes them
(quotes.py); narration is the article's state outlet (voices.py) or else the reporter's
(`media`). `ak.sentences` and `ak.tag` both start here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from analystkit.attribution import Credits, attribute
from analystkit.lexicon import NEGATION, NEGATION_STOP, SPEAKER, VERB, Lexicon
from analystkit.matcher import Matcher
from analystkit.roster import glued_after
from analystkit.splitting import chunk_bounds, join_articles, page_furniture, split

_MAX_GAP_WORDS = 3

_CLAUSE_BREAK = re.compile(r"[,;:.!?]")


class ArticleText(NamedTuple):
    """What attribution needs of an article: its text, year (None: unknown; a roster
    person's years are then not checked) and source field."""

    text: str
    year: int | None = None
    source: str = ""


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


def first_of_article(sent_article: np.ndarray) -> np.ndarray:
    """Per sentence (sorted by article): whether it is its article's first."""
    return np.r_[True, sent_article[1:] != sent_article[:-1]][: len(sent_article)]


def analyse(
    articles: list[ArticleText],
    lexicon: Lexicon,
    speakers_only: bool = False,
    memo: dict | None = None,
) -> Analysis:
    """Split, scan and attribute one chunk of articles (speakers_only: scan for roster
    cues, reporting verbs and negations only). `memo` keeps the subjects read without
    context from chunk to chunk of one call (attribution.attribute)."""
    texts = [a.text for a in articles]
    text, article_start, lengths = join_articles(texts)
    s, e, para = split(text)
    art = np.searchsorted(article_start, s, "right") - 1
    para = para | first_of_article(art)
    matcher = lexicon.speaker_matcher if speakers_only else lexicon.matcher
    _, hs, he, hp = scan_articles(matcher, text, article_start, lengths)
    hs, he, hp = _with_glued(text, hs, he, hp, matcher, lexicon)
    a = Analysis(text, article_start, s, e, art, para, hs, he, hp, matcher)
    voices = lexicon.voices
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
        {} if memo is None else memo,
        page_furniture(lexicon.furniture, text, s.tolist()),
    )
    return a


def _with_glued(
    text: str, hs: np.ndarray, he: np.ndarray, hp: np.ndarray, matcher: Matcher, lexicon: Lexicon
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The hits plus the roster people named with a space dropped around the name, which
    the matcher cannot see ("the respected ComradeKim Jong Unsaid:", KCNA's English,
    where the name was set apart in print), and a reporting verb glued right after
    such a name ("Unsaid", "Unstressed"): the same pattern ids the matcher gives
    (roster.glued_spans: "Wang Yiwei" is somebody else than Wang Yi)."""
    roster = lexicon.roster
    cue_pid, verb_pid = _glue_pids(matcher)
    add: list[tuple[int, int, int]] = []
    for a, b, name in roster.glued_spans(text):  # spaced names the matcher found
        add.append((a, b, cue_pid[name]))
        after = glued_after(text, b)
        if after is not None and after.group(0) in verb_pid:
            add.append((b, after.end(), verb_pid[after.group(0)]))
    if not add:
        return hs, he, hp
    s, e, p = (np.array(x, dtype=np.int64) for x in zip(*add))
    s, e, p = np.r_[hs, s], np.r_[he, e], np.r_[hp, p]
    order = np.argsort(s, kind="stable")
    return s[order], e[order], p[order]


def _glue_pids(matcher: Matcher) -> tuple[dict[str, int], dict[str, int]]:
    """Per roster person, the pattern id of their first cue; per reporting verb written
    as a plain word, its pattern id (in `matcher`)."""
    found = matcher.__dict__.get("_glue_pids")
    if found is None:
        cues: dict[str, int] = {}
        verbs: dict[str, int] = {}
        for pid, (category, tag, source) in enumerate(
            zip(matcher.category.tolist(), matcher.tag.tolist(), matcher.source.tolist())
        ):
            if category == SPEAKER:
                cues.setdefault(tag, pid)
            elif category == VERB and source.isalpha():
                verbs.setdefault(source.lower(), pid)
        found = matcher.__dict__["_glue_pids"] = (cues, verbs)
    return found


def negated(a: Analysis, starts: np.ndarray, sent: np.ndarray) -> np.ndarray:
    """Whether a negation cue ends at most three words before each match start, in the
    same sentence and clause, with no negation stop between them ("will never tolerate
    the provocations" accuses: the negation ends at "tolerate")."""
    category = a.matcher.category[a.hit_pid]  # compared per pattern, not per hit
    neg = category == NEGATION
    ns, ne = a.hit_start[neg], a.hit_end[neg]
    out = np.zeros(len(starts), dtype=bool)
    if not len(ns) or not len(starts):
        return out
    j = np.searchsorted(ne, starts, "right") - 1
    cue_end = ne[np.maximum(j, 0)]
    stops = np.r_[a.hit_start[category == NEGATION_STOP], np.iinfo(np.int64).max]
    next_stop = stops[np.searchsorted(stops, cue_end)]  # the first at or after the cue
    cand = (
        (j >= 0)
        & (ns[np.maximum(j, 0)] >= a.sent_start[sent])
        & (starts - cue_end <= 40)
        & (next_stop >= starts)
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


def map_chunks(func, articles: pd.DataFrame, lexicon: Lexicon) -> list:
    """Apply func(article_texts of a chunk, lexicon, memo) to consecutive chunks of about
    a million characters of text, as (first index, result) in input order. A chunk's
    texts become Python strings only when it is reached, so memory follows the chunk, not
    the corpus; `memo`, one dict for the call, is analyse's. Parallel work goes through
    Dask (analystkit.cluster), not a pool here."""
    memo: dict = {}
    return [
        (first, func(article_texts(articles.iloc[first:stop]), lexicon, memo))
        for first, stop in chunk_bounds(text_lengths(articles))
    ]


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
    """The articles' texts as Python strings (ValueError as text_lengths)."""
    text_lengths(articles)
    return articles["text"].tolist()


def text_lengths(articles: pd.DataFrame) -> list[int]:
    """The length of each article's text, read without making the texts Python strings.

    Raises ValueError when the frame lacks ``article_id`` or ``text``, or a text is not
    a string (naming the first such row and how many there are)."""
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise ValueError(
                f"articles frame has no {col!r} column (columns: "
                f"{', '.join(map(str, articles.columns))})"
            )
    texts = articles["text"]
    if isinstance(texts.dtype, pd.StringDtype):  # Arrow or Python strings, or missing
        bad = texts.isna().to_numpy()
    else:
        bad = np.array([not isinstance(t, str) for t in texts], dtype=bool)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"articles.text must be strings; row {first} holds "
            f"{type(texts.iloc[first]).__name__} ({int(bad.sum())} such rows)"
        )
    return texts.str.len().tolist() if len(texts) else []
