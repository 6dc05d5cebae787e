"""The sentences frame: one row per sentence with its offsets, text and speaker."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analystkit.chunk import Analysis, ArticleText, analyse, map_chunks
from analystkit.frames import labels, str_column, strings
from analystkit.lexicon import Lexicon, as_lexicon

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
_STRING_COLUMNS = ("text", "speaker", "group", "how")  # of sentence_arrays


def _sentence_rows(articles: list[ArticleText], lexicon: Lexicon, memo: dict) -> dict:
    rows = sentence_arrays(analyse(articles, lexicon, speakers_only=True, memo=memo))
    # one Arrow array per chunk and column: no Python str per sentence kept for the corpus
    for column in _STRING_COLUMNS:
        rows[column] = strings(rows[column])
    return rows


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
            "text": str_column(p["text"] for _, p in parts),
            "speaker": str_column(p["speaker"] for _, p in parts),
            "speaker_group": str_column(p["group"] for _, p in parts),
            "attribution": str_column(p["how"] for _, p in parts),
            "quoted": np.concatenate([p["quoted"] for _, p in parts]).astype(bool),
        },
        columns=SENTENCE_COLUMNS,
    )


def sentences(articles: pd.DataFrame, lexicon: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id (0-based within the article),
    start, end (char offsets into the article text; int64), text, speaker (a roster
    name, or the subject as written: "" for the reporter's narration), speaker_group
    (vocab.SPEAKER_GROUPS; "media" for narration), attribution (the rule that credited it:
    cue, quote, pronoun, source, default; furniture: a line of the web page, which
    ak.tag and ak.extract_events skip), quoted (bool: the sentence holds or sits
    inside a quotation). The `date` and `source` columns, when present, are read too (a
    roster person's years; a state outlet's narration). Rows follow the articles'
    order. For many cores or machines, see analystkit.cluster (Dask).

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles frame: needs ``article_id`` and ``text`` (strings); ``date`` and
        ``source`` are used when present.
    lexicon : Lexicon, str, pathlib.Path or None, default None
        The lexicon whose roster and reporting verbs attribute speakers, or a path to
        one; None is ``load_lexicon()``.

    Returns
    -------
    pandas.DataFrame
        The sentences frame on a RangeIndex: ``article_id``, ``text``, ``speaker``,
        ``speaker_group``, ``attribution`` (str), ``sentence_id``, ``start``, ``end``
        (int64), ``quoted`` (bool).

    Raises
    ------
    ValueError
        `articles` lacks ``article_id`` or ``text``, or a text is not a string.
    TypeError
        `lexicon` is neither a Lexicon, a path nor None.

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
    parts = map_chunks(_sentence_rows, articles, lexicon)
    return sentence_frame(articles, parts)
