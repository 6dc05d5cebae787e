"""The batch run: a corpus in, Parquet datasets, counts and the load report out."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pyarrow.dataset as pads
from distributed import Client, Future, get_client

import analystkit as ak
from analystkit.cluster import steps
from analystkit.cluster.output import write_atomically
from analystkit.cluster.reading import PARTITION_BYTES, read_articles

DATASETS = ("articles", "sentences", "matches", "events", "distinct_events")
"""The Parquet datasets `run` writes, one folder each in the output folder."""
REPORT_FILE = "report.json"
COUNTS_FILE = "event_counts.csv"


def run(
    source: str | os.PathLike,
    out: str | os.PathLike,
    *,
    client: Client | None = None,
    columns: Mapping[str, str | None] | None = None,
    tz: str = "UTC",
    partition_bytes: int = PARTITION_BYTES,
    wait: Callable[[list[Future]], None] | None = None,
) -> dict[str, Any]:
    """Load `source`, then write into `out`: the Parquet datasets of DATASETS, the distinct
    launch events per year by missile class (event_counts.csv) and report.json (the load
    report and the rows of each dataset). All of it appears at once, or, if the run
    fails or is interrupted, none of it (earlier outputs stay as they were). `wait` is
    called with the running futures (a progress bar). Returns what report.json holds."""
    client = client or get_client()
    corpus = read_articles(
        source, columns=columns, tz=tz, partition_bytes=partition_bytes, client=client
    )
    sentences = steps.sentences(corpus.articles)
    matches = steps.tag(sentences)  # the chain: sentences are split and credited once
    events = steps.extract_events(corpus.articles, sentences=sentences, matches=matches)
    frames = {
        "articles": corpus.articles,
        "sentences": sentences,
        "matches": matches,
        "events": events,
        "distinct_events": steps.dedupe_events(events),
    }
    with write_atomically(out) as work:
        writes = [
            dd.to_parquet(frame, work / name, write_index=False, compute=False)
            for name, frame in frames.items()
        ]
        futures = client.compute(writes)  # one graph: no step waits for another to end
        try:
            (wait or client.gather)(futures)
            client.gather(futures)
        finally:
            client.cancel(futures)
        distinct = pd.read_parquet(work / "distinct_events")
        if len(distinct):
            ak.count_events(distinct, by="missile_class").to_csv(work / COUNTS_FILE)
        summary = {
            "source": str(source),
            "load_report": corpus.report,
            "rows": {name: _rows(work / name) for name in DATASETS},
        }
        (work / REPORT_FILE).write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    return summary


def _rows(dataset: Path) -> int:
    return pads.dataset(dataset, format="parquet").count_rows()
