"""RSS and Atom feeds (saved files or URLs) as article records, via feedparser.

Each entry is one article: its content (or summary) as plain text, its published (or
updated) time as the calendar day in the caller's time zone, its title and link, and the
feed's title as the source.
"""

from __future__ import annotations

import calendar
import re
import urllib.request
from dataclasses import dataclass

import pandas as pd

FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml"})
URL_PATTERN = re.compile(r"^https?://", re.IGNORECASE)
TIMEOUT_SECONDS = 30
_MARKUP = re.compile(r"<[A-Za-z/!]")


@dataclass(slots=True)
class FeedEntry:
    day: str | None  # YYYY-MM-DD in the requested time zone; None when the entry has no date
    text: str
    title: str
    source: str
    url: str


class FeedError(ValueError):
    """The bytes are not a feed, or the URL could not be read."""


def is_url(name: str) -> bool:
    """True for an http(s) URL given as a source."""
    return bool(URL_PATTERN.match(name))


def download(url: str) -> bytes:
    """The bytes at `url`; FeedError with the reason when it cannot be read."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            return response.read()
    except (OSError, ValueError) as err:
        raise FeedError(f"unreachable: {getattr(err, 'reason', err)}") from None


def parse_feed(data: bytes, tz: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom document, in document order."""
    import feedparser  # only loaded when a feed is read

    feed = feedparser.parse(data)
    if not feed.version and not feed.entries:
        problem = feed.get("bozo_exception") or "no RSS or Atom elements"
        raise FeedError(f"invalid feed: {str(problem).splitlines()[0]}")
    source = feed.feed.get("title", "")
    return [
        FeedEntry(
            _day(entry, tz),
            _plain_text(_body(entry)),
            entry.get("title", ""),
            source,
            entry.get("link", ""),
        )
        for entry in feed.entries
    ]


def _day(entry, tz: str) -> str | None:
    """The entry's published (else updated) instant as a calendar day in `tz`."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    instant = pd.Timestamp(calendar.timegm(parsed), unit="s", tz="UTC").tz_convert(tz)
    return f"{instant.year:04d}-{instant.month:02d}-{instant.day:02d}"


def _body(entry) -> str:
    """The entry's full content when given, else its summary."""
    content = entry.get("content") or []
    return content[0].get("value", "") if content else entry.get("summary", "")


def _plain_text(value: str) -> str:
    """Markup reduced to its text (paragraphs kept apart); plain text as it is."""
    if not _MARKUP.search(value):
        return value.strip()
    import lxml.html

    root = lxml.html.fromstring(f"<div>{value}</div>")
    for element in root.iter("p", "li", "h1", "h2", "h3", "h4", "br"):
        element.tail = ("\n" if element.tag == "br" else "\n\n") + (element.tail or "")
    return re.sub(r"\n{3,}", "\n\n", root.text_content()).strip()
