"""keep=: a story filed under several topics is one article that lists every topic, and
the lists survive save_articles / load_articles. Tables written for these tests."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

import analystkit as ak

DAY_MS = 1722729600000  # 2024-08-04 00:00 UTC, in milliseconds
RECORDS = [  # the KCNA archive's layout, with project-written text
    {
        "topic": "Politics",
        "headline": "One",
        "link": "u1",
        "date": DAY_MS,
        "date_str": "2024-08-04",
        "story_text": "A story written for this test.",
    },
    {
        "topic": "Economy",
        "headline": "One",
        "link": "u2",
        "date": DAY_MS,
        "date_str": "2024-08-04",
        "story_text": "A story written for this test.",
    },
    {
        "topic": "Politics",
        "headline": "One",
        "link": "u3",
        "date": DAY_MS,
        "date_str": "2024-08-04",
        "story_text": "A story written for this test.",
    },
    {
        "topic": None,
        "headline": "Two",
        "link": "u4",
        "date": DAY_MS,
        "date_str": "2024-08-04",
        "story_text": "Another story, no topic.",
    },
    {
        "topic": "Photo",
        "headline": "Three",
        "link": "u5",
        "date": DAY_MS,
        "date_str": "2024-08-04",
        "story_text": "",
    },
]
MAPPING = {"story_text": "text", "headline": "title", "link": "url", "date_str": None}


def load(path, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ak.corpus.ArticleLoadWarning)
        return ak.load_articles(path, **kw)


@pytest.fixture()
def archive(tmp_path):
    path = tmp_path / "archive.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return path


def test_duplicates_keep_every_topic_in_record_order(archive):
    articles = load(archive, columns=MAPPING, tz="Asia/Seoul", keep=["topic"]).set_index("title")
    assert articles.loc["One", "topic"] == ["Politics", "Economy"]
    assert articles.loc["Two", "topic"] == []
    assert len(articles.attrs["duplicates"]) == 2 and len(articles.attrs["skipped"]) == 1


def test_without_keep_the_frame_is_unchanged(archive):
    articles = load(archive, columns=MAPPING, tz="Asia/Seoul")
    assert list(articles.columns) == list(ak.corpus.ARTICLE_COLUMNS)


def test_the_lists_survive_a_save_and_load(archive, tmp_path):
    articles = load(archive, columns=MAPPING, tz="Asia/Seoul", keep=["topic"])
    saved = ak.save_articles(articles, tmp_path / "saved.parquet")
    again = load(saved, keep=["topic"])
    articles.attrs, again.attrs = {}, {}
    pd.testing.assert_frame_equal(again, articles)
    assert again.set_index("title").loc["One", "topic"] == ["Politics", "Economy"]


def test_a_missing_keep_column_gives_empty_lists(tmp_path):
    seed = tmp_path / "a.txt"
    seed.write_text(" date 2024-08-04 Written for this test.", encoding="utf-8")
    assert load(seed, keep=["topic"])["topic"].tolist() == [[]]


def test_keep_refuses_article_fields_and_save_refuses_other_extra_columns(archive, tmp_path):
    with pytest.raises(ValueError, match="article fields already"):
        ak.load_articles(archive, keep=["title"])
    articles = load(archive, columns=MAPPING, tz="Asia/Seoul").assign(note="x")
    with pytest.raises(ValueError, match=r"extra \['note'\]"):
        ak.save_articles(articles, tmp_path / "bad.parquet")
