"""Read the development corpora into article frames whose texts are the sources' texts,
character for character, so that gold offsets index them directly.

An article is named by its ``doc``: the url of a news article, and for the KCNA archive
the link of the first record (in file order) that carries the story's text (the archive
files one story under several topics and links)."""

from __future__ import annotations

import json
import os
from hashlib import sha256
from pathlib import Path

import pandas as pd

NEWS_FILE = "news_2012_2017.jsonl"
KCNA_FILE = "kcna_2024/headlines_2024-11-11.json"
CNS_FILE = "reference_2012_2017/cns_launch_days_2012_2017.csv"
DEFAULT_CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
COLUMNS = ["corpus", "doc", "article_id", "date", "title", "source", "url", "path", "text"]


def corpora_dir(path: str | os.PathLike | None = None) -> Path:
    """The folder holding the development corpora: `path`, else $CORPORA, else
    ../shared/corpora beside the repository. Raises FileNotFoundError saying where to
    get them."""
    folder = Path(path or os.environ.get("CORPORA") or DEFAULT_CORPORA)
    missing = [f for f in (NEWS_FILE, KCNA_FILE, CNS_FILE) if not (folder / f).is_file()]
    if missing:
        raise FileNotFoundError(
            f"development corpora not found in {folder} (missing: {', '.join(missing)}). "
            "They are shared beside the repository in ../shared/corpora; see "
            "docs/annotation.md for what they hold, and pass CORPORA=/path/to/corpora."
        )
    return folder


def _frame(corpus: str, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "corpus"])
    frame.insert(0, "corpus", corpus)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    return frame


def _article_id(text: str) -> str:
    return sha256(text.encode("utf-8")).hexdigest()[:16]


def load_news(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """The news corpus, one row per article, ``doc`` = url."""
    path = corpora_dir(folder) / NEWS_FILE
    rows = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            rows.append(
                {
                    "doc": r["url"],
                    "article_id": _article_id(r["text"]),
                    "date": r["date"],
                    "title": r["title"],
                    "source": r["source"],
                    "url": r["url"],
                    "path": str(path),
                    "text": r["text"],
                }
            )
    return _frame("news", rows)


def load_kcna(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """The KCNA archive, one row per distinct story text (photo and video records
    without text left out), ``doc`` = the link of the story's first record; the source
    is "KCNA" and the date the archive's publication day."""
    path = corpora_dir(folder) / KCNA_FILE
    rows, seen = [], set()
    for r in json.loads(path.read_text(encoding="utf-8")):
        text = r["story_text"]
        if not text or text in seen:
            continue
        seen.add(text)
        rows.append(
            {
                "doc": r["link"],
                "article_id": _article_id(text),
                "date": r["date_str"],
                "title": r["headline"],
                "source": "KCNA",
                "url": r["link"],
                "path": str(path),
                "text": text,
            }
        )
    return _frame("kcna", rows)


def load_dev_articles(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Both corpora in one frame (news first), with the kit's article columns."""
    return pd.concat([load_news(folder), load_kcna(folder)], ignore_index=True)
