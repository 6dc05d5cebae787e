"""Property tests for load_articles: arbitrary files never crash it and nothing is lost."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analystkit as ak
from analystkit.corpus import ArticleLoadWarning

# One record per file for these; tables (csv, json, parquet) may hold many.
SINGLE = [".txt", ".md", ".html", ".htm", ".pdf", ".bin", ""]
TABLES = [".csv", ".tsv", ".json", ".jsonl", ".parquet"]

_stem = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"),
    min_size=1,
    max_size=20,
).filter(lambda s: not s.startswith(".") and s.strip() not in ("", ".", ".."))

# Arbitrary bytes, plus bytes that look like the seed format so the date and text
# branches are exercised too.
_seedish = st.builds(
    lambda day, body: f" date {day} {body}".encode(),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
    st.text(max_size=40),
)
_content = st.one_of(st.binary(max_size=200), _seedish)


def _files(extensions: list[str]):
    entry = st.tuples(_stem, st.sampled_from(extensions), _content)
    return st.lists(entry, max_size=8, unique_by=lambda e: (e[0] + e[1]).casefold())


def _load(folder: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleLoadWarning)
        return ak.load_articles(folder)


def _write_all(folder: str, files) -> set[str]:
    paths = set()
    for stem, ext, data in files:
        path = Path(folder, stem + ext)
        path.write_bytes(data)
        paths.add(str(path))
    return paths


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_files(SINGLE))
def test_every_file_is_loaded_skipped_or_a_duplicate(files):
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_all(folder, files)
        frame = _load(folder)
        skipped = frame.attrs["skipped"]
        duplicates = frame.attrs["duplicates"]
        assert len(frame) + len(skipped) + len(duplicates) == len(paths)
        accounted = set(frame["path"]) | {p for p, _ in skipped} | {p for p, _ in duplicates}
        assert accounted == paths
        assert frame["article_id"].is_unique
        assert frame["date"].is_monotonic_increasing


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_files(SINGLE + TABLES))
def test_tables_and_files_never_crash_and_every_file_is_accounted_for(files):
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_all(folder, files)
        frame = _load(folder)
        accounted = (
            {p for p, _ in frame.attrs["skipped"]}
            | {p for p, _ in frame.attrs["duplicates"]}
            | set(frame["path"])
        )
        assert paths <= accounted


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(
        min_value=pd.Timestamp("1900-01-01").date(), max_value=pd.Timestamp("2100-12-31").date()
    ),
    body=st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1
    ).filter(str.strip),
    bom=st.booleans(),
)
def test_seed_format_body_comes_back_exactly(day, body, bom):
    with tempfile.TemporaryDirectory() as folder:
        data = f" date {day.isoformat()} {body}".encode()
        Path(folder, "a.txt").write_bytes(b"\xef\xbb\xbf" + data if bom else data)
        frame = ak.load_articles(folder)
        assert frame["text"].tolist() == [body]
        assert frame["date"].tolist() == [pd.Timestamp(day)]
