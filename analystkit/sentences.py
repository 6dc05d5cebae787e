"""Sentences with char offsets, quotation marks and the speaker each one is credited to.

Splitting is two linear regex passes, sentence-final marks and blank lines (it knows
"Mr.", "Jan.", "U.S." and closing quotes). Attribution reads reporting clauses found by
the lexicon's matcher: a speaker cue or a back-reference ("the report", "they") within
three words before a reporting verb ("KCNA said", "Mr Trump has said"), after it in a
trailing clause (", said KCNA") or after "according to". A clause after a closing quote,
or else after the last comma (", the report said."), takes precedence. Sentences inside a
quotation take the speaker of the clause that closes or opens it. Nothing credited:
speaker "" and speaker_group "media" (the reporter's narration).
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analystkit.lexicon import (NEGATION, PREVIOUS, REFERENCE, SPEAKER, VERB, Lexicon,
                                Matcher, as_lexicon)

SEPARATOR = "\n\n"        # joins articles of a chunk; always a sentence break
_ABBREVIATIONS = ("Mr Mrs Ms Dr St No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov "
                  "Dec Gen Lt Col Sgt Capt Adm Rep Sen Gov Prof Pres Amb Jr Sr Inc Corp Co "
                  "Ltd vs etc Vol Maj Cmdr Brig Rev Ft Mt approx est").split()
_CLOSERS = r"[”\"’')\]]*"
_NOT_ABBREVIATION = "".join(            # one look-behind per abbreviation length
    rf"(?<!\b(?:{'|'.join(a for a in _ABBREVIATIONS if len(a) == n)})\.)"
    for n in sorted({len(a) for a in _ABBREVIATIONS})) + r"(?<!\b[A-Za-z]\.)"
# A sentence-final mark, then the gap (group 1). It starts with a character class so that
# `re` can skip ahead, and looks ahead (cheap) before it looks behind (abbreviations).
_STOP = re.compile(r"[.!?…](?=" + _CLOSERS + r"\s+[“\"‘'(\[]?[A-Z0-9])" + _NOT_ABBREVIATION
                   + _CLOSERS + r"(\s+)")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")
_QUOTE_KINDS = {"“": 1, "«": 1, "”": -1, "»": -1, '"': 0}
_NEAR = 48                # chars: a cue this close to a verb may be its subject
_GAP_BREAK = re.compile(r"[,;:“”\"«»]")
_MAX_GAP_WORDS = 3
_APPOSITIVE_CHARS = 100
_CLAUSE_BREAK = re.compile(r"[,;:.!?]")
_CHUNK_CHARS = 8_000_000

SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "speaker",
                    "speaker_group", "quoted"]


def join_articles(texts: list[str]) -> tuple[str, np.ndarray, np.ndarray]:
    """The texts joined by SEPARATOR, with each one's start offset and length in it."""
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths + len(SEPARATOR))[:-1]]) \
        if len(texts) else np.zeros(0, dtype=np.int64)
    return SEPARATOR.join(texts), starts, lengths


def scan_articles(matcher: Matcher, text: str, article_start: np.ndarray,
                  lengths: np.ndarray) -> tuple[np.ndarray, ...]:
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
    if len(gs):                                        # merge overlapping gaps
        first = np.flatnonzero(np.r_[True, gs[1:] >= np.maximum.accumulate(ge)[:-1]])
        gs, ge = gs[first], np.maximum.reduceat(ge, first)
        gb = np.logical_or.reduceat(gb, first)
    starts = np.r_[0, ge].astype(np.int64)
    ends = np.r_[gs, len(text)].astype(np.int64)
    para = np.r_[True, gb]
    starts[0] = len(text) - len(text.lstrip())
    ends[-1] = len(text.rstrip())
    for i in np.flatnonzero(gb).tolist():               # spaces before a blank line
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
    article_start: np.ndarray      # offset of each article in `text`
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_article: np.ndarray       # index of the sentence's article in the chunk
    para: np.ndarray               # the sentence starts a paragraph (or an article)
    hit_start: np.ndarray          # every lexicon match (all categories, resolved)
    hit_end: np.ndarray
    hit_pid: np.ndarray
    matcher: Matcher
    speaker: np.ndarray | None = None   # index into lexicon.speakers, -1: narration
    quoted: np.ndarray | None = None


def _quote_positions(text: str) -> tuple[list[int], list[int]]:
    """Positions of quotation marks and their kind: 1 opens, -1 closes, 0 toggles (")."""
    found = []
    for ch, kind in _QUOTE_KINDS.items():
        pos = text.find(ch)
        while pos >= 0:
            found.append((pos, kind))
            pos = text.find(ch, pos + 1)
    found.sort()
    return [p for p, _ in found], [k for _, k in found]


class _Attributor:
    """Credits each sentence of a chunk to a speaker, in reading order."""

    def __init__(self, a: Analysis, lexicon: Lexicon):
        m = a.matcher
        cat = m.category[a.hit_pid]
        self.text, self.a = a.text, a
        self.names = list(lexicon.speakers)
        verb = np.flatnonzero(cat == VERB)
        cue = np.flatnonzero((cat == SPEAKER) | (cat == REFERENCE))
        vs, ve = a.hit_start[verb], a.hit_end[verb]
        cs, ce = a.hit_start[cue], a.hit_end[cue]
        refs = list(lexicon.references)
        self.refs = [lexicon.references[r] for r in refs]
        code = {n: i for i, n in enumerate(self.names)}
        code.update({r: -1 - i for i, r in enumerate(refs)})
        by_pid = np.array([code.get(t, 0) for t in m.tag.tolist()], dtype=np.int64)
        self.c_kind = by_pid[a.hit_pid[cue]].tolist()
        self.c_start, self.c_end = cs.tolist(), ce.tolist()
        self.v_start = vs.tolist()
        self.v_after = (m.tag[a.hit_pid[verb]] == "according to").tolist()
        self.before, self.after = self._subjects(a, vs, ve, cs, ce)
        self.art_first_cue = np.searchsorted(cs, a.article_start).tolist()

    def _subjects(self, a: Analysis, vs, ve, cs, ce) -> tuple[list[int], list[int]]:
        """For each verb, the cue ending just before it and the cue starting just after
        it, when in the same sentence and at most three words away (else -1)."""
        if not len(cs):
            return [-1] * len(vs), [-1] * len(vs)
        sent = np.searchsorted(a.sent_start, vs, "right") - 1
        jb = np.searchsorted(ce, vs, "right") - 1
        jbc = np.maximum(jb, 0)
        near_b = (jb >= 0) & (cs[jbc] >= a.sent_start[sent]) & (vs - ce[jbc] <= _NEAR)
        ja = np.searchsorted(cs, ve, "left")
        jac = np.minimum(ja, len(cs) - 1)
        near_a = (ja < len(cs)) & (ce[jac] <= a.sent_end[sent]) & (cs[jac] - ve <= _NEAR)
        text = self.text
        before = [j if ok and self._close(text[c:v]) else -1 for j, ok, c, v in zip(
            jb.tolist(), near_b.tolist(), ce[jbc].tolist(), vs.tolist())]
        after = [j if ok and self._close(text[v:c]) else -1 for j, ok, v, c in zip(
            ja.tolist(), near_a.tolist(), ve.tolist(), cs[jac].tolist())]
        return before, after

    @staticmethod
    def _close(gap: str) -> bool:
        return gap == " " or (not _GAP_BREAK.search(gap) and len(gap.split()) <= _MAX_GAP_WORDS)

    def run(self) -> tuple[np.ndarray, np.ndarray]:
        a, text = self.a, self.text
        n = len(a.sent_start)
        speaker = [-1] * n
        quoted = [False] * n
        qpos, qkind = _quote_positions(text)
        v_lo = np.searchsorted(self.v_start, a.sent_start)
        v_hi = np.searchsorted(self.v_start, a.sent_end)
        q_lo = np.searchsorted(qpos, a.sent_start)
        q_hi = np.searchsorted(qpos, a.sent_end)
        busy = np.flatnonzero((v_hi > v_lo) | (q_hi > q_lo)).tolist()
        v_lo, v_hi, q_lo, q_hi = v_lo.tolist(), v_hi.tolist(), q_lo.tolist(), q_hi.tolist()
        starts, ends = a.sent_start.tolist(), a.sent_end.tolist()
        resets = np.flatnonzero(a.para).tolist()       # paragraph or article starts
        depth, pending, opener, prev = 0, [], -1, -1
        for i in busy + [n]:
            if depth > 0:               # the quiet sentences since `prev` sit in a quote
                k = bisect_right(resets, prev)
                reset = resets[k] if k < len(resets) and resets[k] <= i else -1
                for j in range(prev + 1, reset if reset >= 0 else i):
                    quoted[j] = True
                    pending.append(j)
                if reset >= 0:
                    for j in pending:
                        speaker[j] = opener
                    depth, pending, opener = 0, [], -1
            if i == n:
                break
            inside = depth > 0
            for kind in qkind[q_lo[i]:q_hi[i]]:
                depth = (1 - depth) if kind == 0 else (1 if kind > 0 else 0)
            quoted[i] = inside or q_hi[i] > q_lo[i]
            who = self._credit(i, starts[i], ends[i], v_lo[i], v_hi[i], speaker) \
                if v_hi[i] > v_lo[i] else -1
            if not inside and depth > 0:            # a quotation opens here
                opener, pending = who, ([i] if who < 0 else [])
            elif inside and depth == 0:             # a quotation closes here
                if who < 0:
                    who = opener
                for j in pending:
                    speaker[j] = who
                pending, opener = [], -1
            elif inside and who < 0:
                pending.append(i)
            speaker[i] = who
            prev = i
        for j in pending:
            speaker[j] = opener
        return np.array(speaker, dtype=np.int64), np.array(quoted, dtype=bool)

    def _credit(self, i, s, e, lo, hi, speaker) -> int:
        text = self.text
        cut = max(text.rfind("”", s, e), text.rfind('"', s, e))   # after a quotation,
        if cut < s:                                                 # else the last comma
            cut = text.rfind(",", s, e)
        if cut > s:                     # a trailing clause: ", KCNA said." ", said KCNA."
            for v in range(hi - 1, lo - 1, -1):
                if self.v_start[v] <= cut:
                    break
                for j in (self.before[v], self.after[v]):
                    if j >= 0 and self.c_start[j] > cut:
                        who = self._resolve(i, j, speaker)
                        if who >= 0:
                            return who
        for v in range(lo, hi):
            for j in (self.before[v], self.after[v] if self.v_after[v] else -1):
                if j >= 0:
                    who = self._resolve(i, j, speaker)
                    if who >= 0:
                        return who
            before = text[max(s, self.v_start[v] - 4):self.v_start[v]]
            if before.lower() == "and ":
                who = self._first(i, s, e, speaker)     # "Mr Kim ... and said"
            elif before.endswith(", "):
                who = self._apposed(i, s, self.v_start[v] - 2, speaker)
            else:
                continue
            if who >= 0:
                return who
        return -1

    def _apposed(self, i, s, comma, speaker) -> int:
        """The cue just before an appositive: "Kim Yo Jong, the leader's sister, said"."""
        opening = self.text.rfind(",", s, comma)
        if opening < 0 or comma - opening > _APPOSITIVE_CHARS:
            return -1
        j = bisect_right(self.c_end, opening) - 1
        if j < 0 or self.c_start[j] < s or self.text[self.c_end[j]:opening].strip():
            return -1
        return self._resolve(i, j, speaker)

    def _first(self, i, s, e, speaker) -> int:
        j = bisect_left(self.c_start, s)
        if j >= len(self.c_start) or self.c_end[j] > e or len(
                self.text[s:self.c_start[j]].split()) > _MAX_GAP_WORDS:
            return -1
        return self._resolve(i, j, speaker)

    def _resolve(self, i, j, speaker) -> int:
        kind = self.c_kind[j]
        if kind >= 0:
            return kind
        target = self.refs[-1 - kind]
        art = self.a.sent_article
        if target == PREVIOUS:
            return speaker[i - 1] if i > 0 and art[i - 1] == art[i] else -1
        wanted = {self.names.index(t) for t in target}
        for k in range(j - 1, self.art_first_cue[art[i]] - 1, -1):
            if self.c_kind[k] in wanted:
                return self.c_kind[k]
        return -1


def analyse(texts: list[str], lexicon: Lexicon, speakers_only: bool = False) -> Analysis:
    """Split, scan and attribute one chunk of article texts (speakers_only: scan for
    speaker cues, reporting verbs and negations only)."""
    text, article_start, lengths = join_articles(texts)
    s, e, para = split(text)
    art = np.searchsorted(article_start, s, "right") - 1
    para = para | np.r_[True, art[1:] != art[:-1]] if len(s) else para
    matcher = lexicon.speaker_matcher if speakers_only else lexicon.matcher
    _, hs, he, hp = scan_articles(matcher, text, article_start, lengths)
    a = Analysis(text, article_start, s, e, art, para, hs, he, hp, matcher)
    a.speaker, a.quoted = _Attributor(a, lexicon).run()
    return a


def negated(a: Analysis, starts: np.ndarray, sent: np.ndarray) -> np.ndarray:
    """Whether a negation cue ends at most three words before each match start, in the
    same sentence and clause."""
    neg = a.matcher.category[a.hit_pid] == NEGATION
    ns, ne = a.hit_start[neg], a.hit_end[neg]
    out = np.zeros(len(starts), dtype=bool)
    if not len(ns) or not len(starts):
        return out
    j = np.searchsorted(ne, starts, "right") - 1
    cand = (j >= 0) & (ns[np.maximum(j, 0)] >= a.sent_start[sent]) & (
        starts - ne[np.maximum(j, 0)] <= 40)
    text = a.text
    idx = np.flatnonzero(cand)
    for k, gap_start, gap_end in zip(idx.tolist(), ne[j[idx]].tolist(), starts[idx].tolist()):
        gap = text[gap_start:gap_end]
        words = gap.lower().split()
        out[k] = gap == " " or (len(words) <= _MAX_GAP_WORDS and "but" not in words
                                and not _CLAUSE_BREAK.search(gap))
    return out


def chunks(texts: list[str], n: int) -> list[tuple[int, list[str]]]:
    """Split texts into consecutive chunks of about equal size: (first index, texts)."""
    total = sum(len(t) for t in texts)
    size = max(1, min(_CHUNK_CHARS, total // max(1, n) + 1))
    out, cur, cur_len, first = [], [], 0, 0
    for i, t in enumerate(texts):
        cur.append(t)
        cur_len += len(t)
        if cur_len >= size:
            out.append((first, cur))
            cur, cur_len, first = [], 0, i + 1
    if cur or not out:
        out.append((first, cur))
    return out


_WORKER_LEXICON: Lexicon | None = None


def _init_worker(lexicon: Lexicon) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon


def _run_in_worker(func, texts: list[str]):
    return func(texts, _WORKER_LEXICON)


def map_chunks(func, texts: list[str], lexicon: Lexicon, n_jobs: int | None) -> list:
    """Apply func(texts, lexicon) to chunks of texts, on n_jobs processes (None or -1:
    all cores); results come back in input order, as (first index, result). Each worker
    receives the lexicon once (already compiled, where processes fork)."""
    jobs = (os.cpu_count() or 1) if n_jobs in (None, -1) else max(1, int(n_jobs))
    parts = chunks(texts, jobs * 4 if jobs > 1 else 1)
    if jobs == 1 or len(parts) == 1:
        return [(first, func(part, lexicon)) for first, part in parts]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(lexicon,)) as pool:
        results = pool.map(_run_in_worker, [func] * len(parts), [p for _, p in parts])
        return [(first, r) for (first, _), r in zip(parts, results)]


def require_text(articles: pd.DataFrame) -> list[str]:
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise ValueError(f"articles frame has no {col!r} column (columns: "
                             f"{', '.join(map(str, articles.columns))})")
    texts = articles["text"].tolist()
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise ValueError(f"articles.text must be strings; row {bad[0]} holds "
                         f"{type(texts[bad[0]]).__name__} ({len(bad)} such rows)")
    return texts


def _sentence_rows(texts: list[str], lexicon: Lexicon) -> dict:
    return sentence_arrays(analyse(texts, lexicon, speakers_only=True))


def sentence_arrays(a: Analysis, with_text: bool = True) -> dict:
    art = a.sent_article
    first = np.searchsorted(art, np.arange(len(a.article_start)))
    offset = a.article_start[art]
    text = a.text
    return dict(article=art, sentence_id=np.arange(len(art)) - first[art],
                start=a.sent_start - offset, end=a.sent_end - offset,
                speaker=a.speaker, quoted=a.quoted,
                text=[text[s:e] for s, e in zip(a.sent_start.tolist(), a.sent_end.tolist())]
                if with_text else [])


def labels(names, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A pandas str array of names[codes], built as an Arrow dictionary (fast for the
    few distinct values of ids, categories, tags and speakers)."""
    dictionary = pa.array(list(names), type=pa.large_string())
    indices = pa.array(np.asarray(codes) % max(len(dictionary), 1), type=pa.int64())
    return pd.array(pa.DictionaryArray.from_arrays(indices, dictionary)
                    .cast(pa.large_string()), dtype="str")


def sentence_frame(articles: pd.DataFrame, parts: list[tuple[int, dict]],
                   lexicon: Lexicon) -> pd.DataFrame:
    """Assemble per-chunk sentence arrays into the DESIGN sentences frame."""
    ids = articles["article_id"].astype(str).to_numpy()
    art = np.concatenate([p["article"] + first for first, p in parts])
    start = np.concatenate([p["start"] for _, p in parts])
    end = np.concatenate([p["end"] for _, p in parts])
    spk = np.concatenate([p["speaker"] for _, p in parts])
    names = np.array(list(lexicon.speakers) + [""], dtype=object)
    groups = np.array([s.group for s in lexicon.speakers.values()] + ["media"], dtype=object)
    return pd.DataFrame({
        "article_id": labels(ids, art),
        "sentence_id": np.concatenate([p["sentence_id"] for _, p in parts]).astype(np.int64),
        "start": start.astype(np.int64),
        "end": end.astype(np.int64),
        "text": pd.array([x for _, p in parts for x in p["text"]], dtype="str"),
        "speaker": labels(names, spk),
        "speaker_group": labels(groups, spk),
        "quoted": np.concatenate([p["quoted"] for _, p in parts]).astype(bool),
    }, columns=SENTENCE_COLUMNS)


def sentences(articles: pd.DataFrame, lexicon: Lexicon | str | Path | None = None,
              n_jobs: int | None = 1) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id (0-based within the article),
    start, end (char offsets into the article text; int64), text, speaker ("" when no
    one is credited), speaker_group (DESIGN vocabulary; "media" for narration), quoted
    (bool: the sentence holds or sits inside a quotation). Rows follow the articles'
    order. n_jobs > 1 (or -1 for all cores) splits the work over processes."""
    lexicon = as_lexicon(lexicon)
    texts = require_text(articles)
    parts = map_chunks(_sentence_rows, texts, lexicon, n_jobs)
    return sentence_frame(articles, parts, lexicon)
