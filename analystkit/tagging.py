"""Lexicon matches as a tidy table, counts per article, and keyword-in-context."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analystkit.attribution import Credits
from analystkit.chunk import (
    Analysis,
    ArticleText,
    analyse,
    first_of_article,
    map_chunks,
    negated,
    require_text,
    scan_articles,
)
from analystkit.frames import label_strings, require_columns, str_column, strings
from analystkit.lexicon import REQUIRES, Lexicon, as_lexicon
from analystkit.matcher import Matcher, pattern_matcher
from analystkit.quotes import inside_quotation
from analystkit.sentence_table import SENTENCE_COLUMNS, sentence_arrays
from analystkit.speakers import FURNITURE
from analystkit.splitting import chunk_bounds, join_articles
from analystkit.stance import stance_kept

MATCH_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "matched",
    "category",
    "tag",
    "pattern",
    "speaker_group",
    "negated",
]
KWIC_COLUMNS = ["article_id", "date", "start", "end", "pre", "keyword", "post"]


def _requires(m: Matcher) -> np.ndarray:
    """Per pattern id: whether it is a `requires` cue (whose negation stance reads)."""
    found = m.__dict__.get("_requires")
    if found is None:
        found = m.__dict__["_requires"] = np.array(
            [c.startswith(REQUIRES) for c in m.category.tolist()], dtype=bool
        )
    return found


def _match_rows(articles: list[ArticleText], lexicon: Lexicon, memo: dict) -> dict:
    return _matches(analyse(articles, lexicon, memo=memo), lexicon)


def _quoted(
    a: Analysis, start: np.ndarray, end: np.ndarray, sent: np.ndarray
) -> Callable[[np.ndarray], np.ndarray]:
    """For match indices: whether each match stands inside a quotation of its sentence
    (stance asks it of the rhetoric matches in narration only)."""
    lo, hi = a.sent_start, a.sent_end

    def inside(matches: np.ndarray) -> np.ndarray:
        i = sent[matches]
        spans = zip(lo[i].tolist(), hi[i].tolist(), start[matches].tolist(), end[matches].tolist())
        return np.array([inside_quotation(a.text, *span) for span in spans], dtype=bool)

    return inside


def _matches(a: Analysis, lexicon: Lexicon) -> dict:
    """The kept matches of an analysed chunk (split, scanned and attributed)."""
    assert a.credits is not None  # analyse always attributes
    m = a.matcher
    public = m.public[a.hit_pid]
    start, end, pid = a.hit_start[public], a.hit_end[public], a.hit_pid[public]
    sent = np.searchsorted(a.sent_start, start, "right") - 1
    hit_sent = np.searchsorted(a.sent_start, a.hit_start, "right") - 1
    needs = _requires(m)[a.hit_pid]
    hit_negated = np.zeros(len(a.hit_pid), dtype=bool)
    hit_negated[needs] = negated(a, a.hit_start[needs], hit_sent[needs])
    keep = stance_kept(
        lexicon,
        m,
        pid,
        start,
        end,
        sent,
        a.credits.group,
        a.credits.how,
        a.hit_pid,
        a.hit_start,
        a.hit_end,
        hit_sent,
        hit_negated,
        _quoted(a, start, end, sent),
    )
    keep &= np.array([h != FURNITURE for h in a.credits.how], dtype=bool)[sent]
    start, end, pid, sent = start[keep], end[keep], pid[keep], sent[keep]
    sents = sentence_arrays(a, with_text=False)
    art = np.searchsorted(a.article_start, start, "right") - 1
    offset = a.article_start[art]
    text = a.text
    return dict(
        article=art,
        sentence_id=sents["sentence_id"][sent],
        start=start - offset,
        end=end - offset,
        pid=pid,
        group=strings(a.credits.group).take(sent),
        negated=negated(a, start, sent),
        matched=strings([text[s:e] for s, e in zip(start.tolist(), end.tolist())]),
    )


def tag(data: pd.DataFrame, lexicon: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """Every lexicon match, one row each, in article order then text order; a rhetoric
    match only where a speaker takes that stance (analystkit/stance.py).

    `data` is an articles frame (article_id, text; date and source are read for
    attribution) or, as the next step of the chain, the frame ``ak.sentences`` returned:
    its sentences and their speakers are then used as they are, not split and attributed
    again (matches are found within sentences; the result is the same as from the
    articles). Columns (dtypes): article_id (str), sentence_id (int64, 0-based in the
    article), start, end (int64 char offsets into the article text: text[start:end] ==
    matched), matched (str), category, tag, pattern (str: as written in the lexicon),
    speaker_group (str: of the sentence), negated (bool: "not", "did not", "no sign of"
    ... at most three words before, same clause). Within a category the longest of
    overlapping matches wins; matches of different categories are all kept. For many
    cores or machines, see analystkit.cluster (Dask).

    Parameters
    ----------
    data : pandas.DataFrame
        A sentences frame (told apart by its ``sentence_id``, ``speaker_group`` and
        ``attribution`` columns; it then needs every sentences column) or an articles
        frame (``article_id`` and ``text``).
    lexicon : Lexicon, str, pathlib.Path or None, default None
        The lexicon to match, or a path to one; None is ``load_lexicon()``.

    Returns
    -------
    pandas.DataFrame
        The matches frame on a RangeIndex, with the columns and dtypes above.

    Raises
    ------
    ValueError
        An articles frame lacks ``article_id`` or ``text`` (or a text is not a string),
        a sentences frame lacks a sentences column, or its sentences overlap.
    TypeError
        `lexicon` is neither a Lexicon, a path nor None.

    Examples
    --------
    >>> import pandas as pd
    >>> import analystkit as ak
    >>> articles = pd.DataFrame({"article_id": ["a1"], "date": [pd.Timestamp("2025-01-06")],
    ...     "text": ["KCNA said the army is ready to use its nuclear weapons."]})
    >>> m = ak.tag(articles)
    >>> m.loc[m["category"] == "rhetoric", ["tag", "matched", "speaker_group"]].values.tolist()
    [['threat', 'ready to use its nuclear weapons', 'dprk_state']]
    >>> seed = ak.load_articles(ak.SEEDS_DIR)
    >>> ak.tag(ak.sentences(seed)).equals(ak.tag(seed))  # the chain gives the same
    True
    >>> ak.tag(seed).columns.tolist()
    ['article_id', 'sentence_id', 'start', 'end', 'matched', 'category', 'tag', 'pattern',
     'speaker_group', 'negated']
    """
    lexicon = as_lexicon(lexicon)
    if is_sentences(data):
        parts = _sentence_parts(data, lexicon)
    else:
        ids = data["article_id"].astype(str).to_numpy()
        parts = [
            _match_columns(p, first, ids, lexicon.matcher)
            for first, p in map_chunks(_match_rows, data, lexicon)
        ]
    return pd.DataFrame(
        {
            c: np.concatenate([p[c] for p in parts]).astype(_NUMERIC[c], copy=False)
            if c in _NUMERIC
            else str_column(p[c] for p in parts)
            for c in MATCH_COLUMNS
        },
        columns=MATCH_COLUMNS,
    )


_NUMERIC = {"sentence_id": np.int64, "start": np.int64, "end": np.int64, "negated": bool}
"""The matches frame's columns that are not str, and their dtypes."""


def _match_columns(p: dict, first: int, ids: np.ndarray, m: Matcher) -> dict:
    """A chunk's matches (_matches; its first article is ids[first], `m` scanned it) as
    the matches frame's columns: its str columns already Arrow arrays, so that only
    they are kept from chunk to chunk, not the codes they are made of (memory)."""
    return {
        "article_id": label_strings(ids, p["article"] + first),
        "sentence_id": p["sentence_id"],
        "start": p["start"],
        "end": p["end"],
        "matched": p["matched"],
        "category": label_strings(m.category, p["pid"]),
        "tag": label_strings(m.tag, p["pid"]),
        "pattern": label_strings(m.source, p["pid"]),
        "speaker_group": p["group"],
        "negated": p["negated"],
    }


def is_sentences(frame: pd.DataFrame) -> bool:
    """Whether `frame` is a sentences frame (``ak.sentences``), not articles."""
    return {"sentence_id", "speaker_group", "attribution"} <= set(frame.columns)


def _sentence_parts(sentences: pd.DataFrame, lexicon: Lexicon) -> list[dict]:
    """The per-chunk match columns (_match_columns) of a sentences frame: each article's
    text is rebuilt from its sentences at their offsets (the whitespace between them as
    spaces), and each sentence keeps the speaker it was credited with."""
    require_columns(sentences, SENTENCE_COLUMNS, "sentences")
    codes, ids = pd.factorize(sentences["article_id"].astype(str), sort=False)
    names = np.asarray(ids, dtype=object)
    order = np.lexsort((sentences["start"].to_numpy(), codes))
    in_order = bool((order == np.arange(len(order))).all())
    frame = sentences if in_order else sentences.take(order)  # no copy when in order
    art = codes[order]
    starts = frame["start"].to_numpy(np.int64)
    ends = frame["end"].to_numpy(np.int64)
    bounds = np.searchsorted(art, np.arange(len(ids) + 1))
    # each article's rebuilt length (its last sentence's end), so that the chunks are
    # those of its texts, which are rebuilt and read one chunk at a time (memory)
    reach = starts + frame["text"].str.len().to_numpy(np.int64)
    lengths = np.zeros(len(ids), dtype=np.int64)
    has = bounds[1:] > bounds[:-1]
    lengths[has] = reach[bounds[1:][has] - 1]
    quoted = frame["quoted"].to_numpy(bool)
    parts = []
    for first, stop in chunk_bounds(lengths.tolist()):
        lo, hi = bounds[first], bounds[stop]
        rows = frame.iloc[lo:hi]
        texts = _rebuilt_texts(
            rows["text"].tolist(),
            starts[lo:hi].tolist(),
            (bounds[first : stop + 1] - lo).tolist(),
        )
        text, article_start, article_lengths = join_articles(texts)
        del texts
        sent_article = art[lo:hi] - first
        offset = article_start[sent_article]
        _, hs, he, hp = scan_articles(lexicon.tag_matcher, text, article_start, article_lengths)
        para = first_of_article(sent_article)
        a = Analysis(
            text, article_start, starts[lo:hi] + offset, ends[lo:hi] + offset,
            sent_article, para, hs, he, hp, lexicon.tag_matcher,
            Credits(
                rows["speaker"].tolist(), rows["speaker_group"].tolist(),
                rows["attribution"].tolist(), quoted[lo:hi],
            ),
        )  # fmt: skip
        parts.append(_match_columns(_matches(a, lexicon), first, names, lexicon.tag_matcher))
    return parts


def _rebuilt_texts(texts: list[str], starts: list[int], bounds: list[int]) -> list[str]:
    """Each article's text from its sentences (sorted by start), gaps as spaces."""
    out = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        pieces, at = [], 0
        for text, start in zip(texts[lo:hi], starts[lo:hi]):
            if start < at:
                raise ValueError(f"sentences overlap at offset {start}: not an ak.sentences frame")
            pieces += [" " * (start - at), text]
            at = start + len(text)
        out.append("".join(pieces))
    return out


def tag_counts(
    matches: pd.DataFrame,
    by: str | list[str] = "tag",
    articles: pd.DataFrame | None = None,
    include_negated: bool = True,
) -> pd.DataFrame:
    """Wide counts: one row per article_id, one int64 column per value of `by` ("tag",
    "category", or a list such as ["speaker_group", "tag"] for MultiIndex columns).
    With `articles`, every article gets a row (zeros included), in the articles' order,
    and every match must be of one of them (no count is lost: a match of another article
    is an error); include_negated=False leaves negated matches out.

    Parameters
    ----------
    matches : pandas.DataFrame
        A matches frame (``ak.tag``): needs ``article_id``, the `by` columns, and
        ``negated`` when `include_negated` is False.
    by : str or list of str, default "tag"
        The column(s) whose values become the count columns.
    articles : pandas.DataFrame or None, default None
        An articles frame whose ``article_id`` order (and zero rows) the result follows;
        it must hold the article of every match. None gives only the articles with a
        match, sorted by id.
    include_negated : bool, default True
        Whether negated matches are counted.

    Returns
    -------
    pandas.DataFrame
        Index ``article_id`` (str); one int64 column per value of `by`, sorted (a
        MultiIndex of columns when `by` is a list).

    Raises
    ------
    ValueError
        `matches` lacks ``article_id`` or a `by` column; `articles` lacks ``article_id``,
        or some match is of an article not in it (the message says how many, and one).

    Examples
    --------
    >>> import pandas as pd
    >>> import analystkit as ak
    >>> articles = pd.DataFrame({"article_id": ["a1", "a2"], "date": pd.Timestamp("2025-01-06"),
    ...     "text": ["KCNA said the army is ready to use its nuclear weapons.", "Rain."]})
    >>> m = ak.tag(articles)
    >>> counts = ak.tag_counts(m[m["category"] == "rhetoric"], articles=articles)
    >>> counts["threat"].to_dict()
    {'a1': 1, 'a2': 0}
    """
    keys = [by] if isinstance(by, str) else list(by)
    missing = [c for c in ["article_id", *keys] if c not in matches.columns]
    if missing:
        raise ValueError(
            f"matches has no column(s) {missing}; columns: {', '.join(map(str, matches.columns))}"
        )
    rows = matches if include_negated else matches[~matches["negated"].astype(bool)]
    counts = rows.groupby(["article_id", *keys], sort=True).size()
    wide = (
        counts.unstack(keys, fill_value=0)
        if len(counts)
        else pd.DataFrame(index=pd.Index([], name="article_id", dtype="str"))
    )
    wide = wide.sort_index(axis=1)
    if articles is not None:
        _require_articles_of(matches, articles)
        wide = wide.reindex(articles["article_id"].astype(str), fill_value=0)
    return wide.astype(np.int64)


def _require_articles_of(matches: pd.DataFrame, articles: pd.DataFrame) -> None:
    """Raise ValueError, saying how many matches of how many articles, unless every match
    is of an article of `articles` (their ids as strings, as tag_counts reindexes)."""
    require_columns(articles, ["article_id"], "articles")
    ids = matches["article_id"]
    outside = ids[~ids.isin(articles["article_id"].astype(str))]
    if len(outside):
        raise ValueError(
            f"tag_counts: {len(outside)} match(es) of {outside.nunique()} article(s) not in "
            f"articles, e.g. article_id {outside.iloc[0]!r}; pass the articles the matches "
            "come from, or select the matches of these articles first"
        )


def _words_before(text: str, pos: int, n: int) -> str:
    span = 40 * n + 40
    lo = max(0, pos - span)
    words = text[lo:pos].split()
    if lo > 0 and len(words) <= n:
        words = text[:pos].split()
    return " ".join(words[-n:]) if n else ""


def _words_after(text: str, pos: int, n: int) -> str:
    span = 40 * n + 40
    words = text[pos : pos + span].split()
    if pos + span < len(text) and len(words) <= n:
        words = text[pos:].split()
    return " ".join(words[:n])


def kwic(
    articles: pd.DataFrame,
    pattern: str,
    window: int = 8,
    lexicon: Lexicon | str | Path | None = None,
) -> pd.DataFrame:
    """Keyword in context: every match of `pattern` (lexicon syntax: word, phrase, glob or
    `re:`; or the name of a lexicon tag, meaning all its patterns, idioms and reported
    phrases) with `window` words (whitespace-separated) either side. Columns:
    article_id, date, start, end (char offsets, like quanteda's from/to), pre, keyword,
    post.

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles frame: needs ``article_id`` and ``text``; ``date`` is copied when
        present (NaT otherwise).
    pattern : str
        A pattern in lexicon syntax, or the name of a tag of `lexicon`.
    window : int, default 8
        Words of context either side (0 or more).
    lexicon : Lexicon, str, pathlib.Path or None, default None
        The lexicon whose tag names `pattern` may be, or a path to one; None is
        ``load_lexicon()``.

    Returns
    -------
    pandas.DataFrame
        One row per match in article then text order, on a RangeIndex: ``article_id``,
        ``pre``, ``keyword``, ``post`` (str), ``date`` (the articles' dtype, e.g.
        datetime64[us]), ``start``, ``end`` (int64).

    Raises
    ------
    ValueError
        `window` is not a non-negative int, or `articles` lacks ``article_id`` or ``text``.
    LexiconError
        `pattern` is not a valid pattern (e.g. an unbalanced ``re:`` expression).

    Examples
    --------
    >>> import analystkit as ak
    >>> k = ak.kwic(ak.load_articles(ak.SEEDS_DIR), "re:missiles?", window=2)
    >>> k[["pre", "keyword", "post"]].values.tolist()[:2]
    [['strategic cruise', 'missiles', 'to demonstrate'], ['oversaw the', 'missile', 'tests off']]
    """
    if not isinstance(window, int) or window < 0:
        raise ValueError(f"window must be a whole number of words >= 0, not {window!r}")
    lexicon = as_lexicon(lexicon)
    texts = require_text(articles)
    tag = lexicon.tags.get(pattern)
    pats = [*tag.patterns, *tag.idioms, *tag.reported] if tag else [pattern]
    matcher = pattern_matcher(pats)
    joined, article_start, lengths = join_articles(texts)
    art, starts, ends, _ = scan_articles(matcher, joined, article_start, lengths)
    starts, ends = starts - article_start[art], ends - article_start[art]
    rows = [
        (texts[a][s:e], _words_before(texts[a], s, window), _words_after(texts[a], e, window))
        for a, s, e in zip(art.tolist(), starts.tolist(), ends.tolist())
    ]
    dates = (
        articles["date"].to_numpy()
        if "date" in articles.columns
        else np.full(len(texts), np.datetime64("NaT"))
    )
    return pd.DataFrame(
        {
            "article_id": pd.array(articles["article_id"].astype(str).to_numpy()[art], dtype="str"),
            "date": dates[art],
            "start": starts.astype(np.int64),
            "end": ends.astype(np.int64),
            "pre": pd.array([r[1] for r in rows], dtype="str"),
            "keyword": pd.array([r[0] for r in rows], dtype="str"),
            "post": pd.array([r[2] for r in rows], dtype="str"),
        },
        columns=KWIC_COLUMNS,
    )
