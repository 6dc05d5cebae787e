"""RSS and Atom feeds into the articles frame: saved files and a URL served on 127.0.0.1.
Every feed here is written by this project; nothing touches the internet."""

from __future__ import annotations

import socket
import warnings

import pytest
from local_server import serving

import analystkit as ak

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Project Test Wire</title>
<item><title>Launch reported</title><link>https://example.org/a</link>
<pubDate>Thu, 31 Oct 2024 23:30:00 GMT</pubDate>
<description>&lt;p&gt;The military said a missile was fired.&lt;/p&gt;
&lt;p&gt;Written for this test.&lt;/p&gt;</description></item>
<item><title>No date</title><link>https://example.org/b</link>
<description>Undated entry.</description></item>
<item><title>Empty</title><pubDate>Fri, 01 Nov 2024 08:00:00 GMT</pubDate>
<description></description></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Project Atom Desk</title>
<id>urn:test</id><updated>2024-11-05T01:00:00Z</updated>
<entry><title>Talks</title><id>urn:1</id><link href="https://example.org/c"/>
<updated>2024-11-05T01:00:00Z</updated>
<content type="html">&lt;p&gt;Envoys met for talks.&lt;/p&gt;</content></entry>
</feed>"""


def load(source, **kw):
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        return ak.load_articles(source, **kw)


def test_an_rss_file_gives_one_article_per_dated_entry_in_plain_text(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_bytes(RSS)
    articles = load(feed, tz="Asia/Seoul")
    assert len(articles) == 1
    row = articles.iloc[0]
    assert row.text == "The military said a missile was fired.\n\nWritten for this test."
    assert (row.title, row.source, row.url) == (
        "Launch reported",
        "Project Test Wire",
        "https://example.org/a",
    )
    assert str(row.date.date()) == "2024-11-01"  # 23:30 UTC is the next day in Seoul
    assert articles.attrs["skipped"] == [
        (str(feed), "no date: no published or updated time (entry 2)"),
        (str(feed), "no text (entry 3)"),
    ]


def test_an_atom_file_in_a_folder_and_the_day_in_utc(tmp_path):
    (tmp_path / "desk.atom").write_bytes(ATOM)
    articles = load(tmp_path)
    assert articles[["title", "source", "text"]].values.tolist() == [
        ["Talks", "Project Atom Desk", "Envoys met for talks."]
    ]
    assert str(articles.date.iloc[0].date()) == "2024-11-05"


def test_an_xml_file_that_is_not_a_feed_is_reported(tmp_path):
    other = tmp_path / "settings.xml"
    other.write_text("<settings><a>1</a></settings>", encoding="utf-8")
    articles = load(other)
    assert len(articles) == 0
    assert articles.attrs["skipped"][0][1].startswith(("invalid feed", "empty file"))


@pytest.fixture()
def feed_url():
    with serving(RSS, {"Content-Type": "application/rss+xml"}) as (url, _):
        yield f"{url}/feed"


def test_a_feed_url_loads_like_a_file(feed_url, tmp_path):
    saved = tmp_path / "wire.rss"
    saved.write_bytes(RSS)
    articles = load([feed_url, saved])
    assert len(articles) == 1 and len(articles.attrs["duplicates"]) == 1
    assert articles.path.iloc[0] == feed_url


def test_an_unreachable_url_is_reported_not_raised():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed"
    articles = load(url)
    assert len(articles) == 0 and articles.attrs["skipped"][0][0] == url
    assert articles.attrs["skipped"][0][1].startswith("unreachable")
    with pytest.raises(ak.ArticleLoadError, match="unreachable"):
        ak.load_articles(url, errors="raise")
