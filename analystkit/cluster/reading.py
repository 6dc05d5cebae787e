"""Articles as a Dask DataFrame: a folder of files loaded by `ak.load_articles` in groups
of about `partition_bytes`, or an articles Parquet dataset read as it is."""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import dask
import dask.dataframe as dd
import pandas as pd
import pyarrow.parquet as pq
from distributed import Client, get_client

import analystkit as ak
from analystkit.corpus import ARTICLE_COLUMNS, _find_files

PARTITION_BYTES = 64_000_000
REPORT_KEYS = ("skipped", "duplicates", "decoded_with", "epoch_dates")


@dataclass
class Corpus:
    """The articles (one partition per group of files) and the load report of
    `ak.load_articles` (`attrs`: skipped, duplicates, decoded_with, epoch_dates) over all
    of them."""

    articles: dd.DataFrame
    report: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {k: [] for k in REPORT_KEYS}
    )


def empty_articles() -> pd.DataFrame:
    """A zero-row articles frame with the dtypes `ak.load_articles` gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = ak.load_articles([])
    frame.attrs = {}
    return frame


def read_articles(
    source: str | os.PathLike,
    *,
    columns: Mapping[str, str | None] | None = None,
    tz: str = "UTC",
    partition_bytes: int = PARTITION_BYTES,
    client: Client | None = None,
) -> Corpus:
    """The articles under `source` on the cluster of `client` (default: the current one).

    An articles Parquet dataset (a folder, or file, of Parquet files with exactly the
    articles columns, as `run` or `ak.save_articles` write them) is read as it is. Else
    files are listed as `ak.load_articles` lists them and loaded by it in groups of about
    `partition_bytes`, one group per partition; a text found in several groups is kept
    in the first (path order) and reported in `duplicates`, as `ak.load_articles` does.
    The loaded partitions stay in the cluster's memory (spilled to disk under pressure)."""
    source = os.path.expanduser(source)
    if is_articles_dataset(source):
        with dask.config.set({"dataframe.convert-string": False}):
            frame = dd.read_parquet(source, blocksize=partition_bytes)
        return Corpus(frame)
    client = client or get_client()
    files, unreadable = _find_files(source)
    groups = size_groups(files, partition_bytes)
    loaded = client.map(_load_group, groups, columns=dict(columns or {}), tz=tz, pure=False)
    reports = client.gather(client.map(_group_report, loaded))
    drops, report = merge_reports(reports)
    report["skipped"][:0] = unreadable
    kept = client.map(_drop, loaded, drops, pure=False)
    with dask.config.set({"dataframe.convert-string": False}):
        frame = dd.from_delayed(kept, meta=empty_articles(), verify_meta=False)
    return Corpus(frame, report)


def is_articles_dataset(source: str | os.PathLike) -> bool:
    """Whether `source` is a Parquet file or a folder of only Parquet files (hidden ones
    aside) whose first file has exactly the articles columns."""
    path = Path(source)
    files = (
        sorted(p for p in path.iterdir() if not p.name.startswith((".", "_")))
        if path.is_dir()
        else [path]
    )
    if not files or any(p.suffix != ".parquet" or not p.is_file() for p in files):
        return False
    return pq.read_schema(files[0]).names == list(ARTICLE_COLUMNS)


def size_groups(files: list[str], partition_bytes: int) -> list[list[str]]:
    """Consecutive groups of files of about `partition_bytes` each (at least one)."""
    groups: list[list[str]] = [[]]
    size = 0
    for name in files:
        if groups[-1] and size >= partition_bytes:
            groups.append([])
            size = 0
        groups[-1].append(name)
        try:
            size += os.stat(name).st_size
        except OSError:
            pass  # load_articles reports it
    return groups


def merge_reports(
    reports: list[tuple[dict, list[tuple[str, str]]]],
) -> tuple[list[list[str]], dict[str, list[tuple[str, str]]]]:
    """From each group's (attrs, [(article_id, path), ...]): the article ids each group
    must drop (kept by an earlier group) and the load report of all groups, with every
    duplicate pointing at the copy kept overall (a duplicate inside a group is matched to
    its kept copy by path, exact for one-article files)."""
    first: dict[str, str] = {}
    drops: list[list[str]] = []
    merged: dict[str, list[tuple[str, str]]] = {k: [] for k in REPORT_KEYS}
    for attrs, kept in reports:
        dropped = [(article_id, path) for article_id, path in kept if article_id in first]
        first.update((article_id, path) for article_id, path in kept if article_id not in first)
        moved = {path: first[article_id] for article_id, path in dropped}
        drops.append([article_id for article_id, _ in dropped])
        for key in ("skipped", "decoded_with", "epoch_dates"):
            merged[key] += [tuple(entry) for entry in attrs[key]]
        merged["duplicates"] += [
            (path, moved.get(kept_path, kept_path)) for path, kept_path in attrs["duplicates"]
        ]
        merged["duplicates"] += [(path, first[article_id]) for article_id, path in dropped]
    return drops, merged


def _load_group(files: list[str], columns: dict[str, str | None], tz: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ak.load_articles(files, columns=columns, tz=tz, progress=False)


def _group_report(frame: pd.DataFrame) -> tuple[dict, list[tuple[str, str]]]:
    kept = list(zip(frame["article_id"].tolist(), frame["path"].tolist()))
    return frame.attrs, kept


def _drop(frame: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    out = frame[~frame["article_id"].isin(article_ids)].reset_index(drop=True)
    out.attrs = {}
    return out
