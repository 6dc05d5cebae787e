"""The development corpora's text stays out of the repository: no file the project tracks
shares a run of twelve words with a corpus article (gold files hold offsets and labels;
tests and docs say things in our own words). Needs ../shared/corpora; skipped without."""

from __future__ import annotations

import re
import subprocess

import pytest

import analystkit as ak
from analystkit.evaluation.corpora import DEFAULT_CORPORA, load_dev_articles

RUN = 12
_WORD = re.compile(r"[a-z0-9]+")
_URL = re.compile(r"https?://\S+")  # gold rows cite their article by url; a slug is not text
SUFFIXES = {".py", ".md", ".csv", ".yml", ".yaml", ".json", ".ipynb", ".txt", ".cfg", ".toml"}


def runs(text: str) -> set[int]:
    """Hashes of every run of RUN words (lower case, punctuation and urls ignored)."""
    words = _WORD.findall(_URL.sub(" ", text.lower()))
    return {hash(tuple(words[i : i + RUN])) for i in range(len(words) - RUN + 1)}


def tracked_files() -> list:
    out = subprocess.run(
        ["git", "ls-files"], cwd=ak.paths.ROOT, capture_output=True, text=True, check=True
    )
    files = [ak.paths.ROOT / line for line in out.stdout.splitlines()]
    return [f for f in files if f.suffix in SUFFIXES and f.is_file()]


def test_runs_find_a_shared_run_and_ignore_case_and_punctuation():
    text = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert runs(text.upper().replace(" ", ", ")) & runs(text)
    assert not runs("one two three four five six seven eight nine ten eleven")
    assert not runs("https://example.org/" + text.replace(" ", "-"))


@pytest.mark.skipif(not (DEFAULT_CORPORA / "README.md").exists(), reason="needs ../shared/corpora")
def test_no_tracked_file_repeats_twelve_words_of_a_corpus_article():
    corpus: set[int] = set()
    for text in load_dev_articles()["text"]:
        corpus |= runs(text)
    found = {
        str(f.relative_to(ak.paths.ROOT))
        for f in tracked_files()
        if runs(f.read_text(encoding="utf-8", errors="replace")) & corpus
    }
    assert not found, f"files repeating twelve or more words of the dev corpora: {sorted(found)}"
