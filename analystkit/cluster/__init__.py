"""The kit's steps on Dask (dask.dataframe with dask.distributed), from a laptop to a
cluster: the same public functions run partition by partition, so every output equals
the pandas path's.

    from distributed import Client
    import analystkit.cluster as akc
    client = Client()                                # or Client("tcp://scheduler:8786")
    corpus = akc.read_articles("~/archive")          # .articles (Dask), .report (lists)
    matches = akc.tag(corpus.articles)
    events = akc.extract_events(corpus.articles)
    akc.tag_counts(matches)                          # pandas, reduced over partitions

`run` (and the `analystkit run` command line) writes them all as Parquet datasets."""

from analystkit.cluster.output import OutputBusyError, write_atomically
from analystkit.cluster.pipeline import DATASETS, run
from analystkit.cluster.reading import Corpus, read_articles
from analystkit.cluster.steps import (
    count_events,
    dedupe_events,
    extract_events,
    sentences,
    tag,
    tag_counts,
)

__all__ = [
    "Corpus",
    "read_articles",
    "sentences",
    "tag",
    "extract_events",
    "dedupe_events",
    "count_events",
    "tag_counts",
    "write_atomically",
    "OutputBusyError",
    "DATASETS",
    "run",
]
