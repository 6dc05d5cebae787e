"""The Dask path (analystkit.cluster) on a LocalCluster of two worker processes equals the
pandas path, row for row after sorting; the `analystkit run` command line writes whole
datasets or none. Every fixture text is written by this project for its tests."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import cloudpickle
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import analystkit as ak
import analystkit.cluster as akc
from analystkit.cluster import steps
from analystkit.cluster.cli import main
from analystkit.cluster.output import LOCK_FILE

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
PARTITION_BYTES = 700
WRITTEN = "Sample text written for analystkit tests."
LAUNCH = (
    " date {day} {lead} North Korea fired a short-range ballistic missile into the "
    "East Sea on {weekday}, the Joint Chiefs of Staff said. KCNA said the test was a "
    "warning to the enemies. {tail}"
)


def _write_corpus(root: Path) -> Path:
    """Files in path order so that groups of PARTITION_BYTES split them into several
    partitions, with duplicates inside a group and across groups, one launch reported on
    two days in different partitions, a cp1252 file and a table of epoch dates."""
    shutil.copytree(FIXTURES / "formats", root / "a_formats")
    shutil.copytree(FIXTURES / "bad", root / "b_bad")
    shutil.copy(ak.SEEDS_DIR / "000_5fe2e5f7dbfbb3ae.txt", root / "c_seed.txt")
    reports = root / "d_reports"
    reports.mkdir()
    first = LAUNCH.format(
        day="2025-03-10", lead=WRITTEN, weekday="Monday", tail="Experts said it was not a threat."
    )
    (reports / "01.txt").write_text(first)
    (reports / "02.txt").write_text(first)  # a copy in the same group
    (reports / "03.txt").write_text(
        LAUNCH.format(
            day="2025-03-11",
            lead=WRITTEN,
            weekday="Monday",
            tail="Mr Trump said he would meet Kim Jong Un again.",
        )
    )
    (reports / "04.txt").write_bytes(
        LAUNCH.format(
            day="2025-05-08",
            lead=WRITTEN,
            weekday="Thursday",
            tail="It was the regime’s third test.",
        ).encode("cp1252")
    )
    (root / "e_table.jsonl").write_text(
        "\n".join(
            json.dumps(
                {
                    "date": 1746662400 + 86400 * i,
                    "text": f"{WRITTEN} Record {i}: North Korea said "
                    "it would bolster its nuclear deterrent.",
                }
            )
            for i in range(3)
        )
        + "\n"
    )
    (root / "z_late_copy.txt").write_text(first)  # a copy in a later group
    return root


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("dask_corpus"))


@pytest.fixture(scope="module")
def expected(corpus_dir) -> dict:
    """The pandas path's outputs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = ak.load_articles(corpus_dir)
    events = ak.extract_events(articles)
    matches = ak.tag(articles)
    return {
        "articles": articles,
        "sentences": ak.sentences(articles),
        "matches": matches,
        "events": events,
        "distinct_events": ak.dedupe_events(events),
    }


@pytest.fixture(scope="module")
def corpus(client, corpus_dir) -> akc.Corpus:
    return akc.read_articles(corpus_dir, partition_bytes=PARTITION_BYTES)


@pytest.fixture(scope="module")
def computed(corpus) -> dict:
    """The Dask path's outputs, persisted on the cluster."""
    events = akc.extract_events(corpus.articles).persist()
    sentences = akc.sentences(corpus.articles).persist()
    return {
        "articles": corpus.articles,
        "sentences": sentences,
        "matches": akc.tag(sentences).persist(),  # the chain (the articles: further down)
        "events": events,
        "distinct_events": akc.dedupe_events(events).persist(),
    }


@pytest.fixture(scope="module")
def cli_out(client, corpus_dir, tmp_path_factory) -> tuple[Path, str]:
    """The output folder of one `analystkit run` on the cluster, and what it printed."""
    out = tmp_path_factory.mktemp("dask_cli") / "out"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert (
            main(
                [
                    "run",
                    str(corpus_dir),
                    "--out",
                    str(out),
                    "--partition-mb",
                    "0.0007",
                    "--scheduler",
                    client.scheduler.address,
                ]
            )
            == 0
        )
    return out, printed.getvalue()


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns), ignore_index=True)


def assert_same_rows(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(_sorted(got), _sorted(want))


def test_articles_and_load_report_equal_pandas(corpus, expected):
    assert corpus.articles.npartitions >= 4
    want = expected["articles"]
    assert_same_rows(corpus.articles.compute(), want)
    for key in ("skipped", "decoded_with", "epoch_dates"):
        assert corpus.report[key] == want.attrs[key], key
    assert sorted(corpus.report["duplicates"]) == sorted(want.attrs["duplicates"])
    assert (
        len(want.attrs["duplicates"]) == 2
        and want.attrs["decoded_with"]
        and want.attrs["epoch_dates"]
    )


@pytest.mark.parametrize("name", ["sentences", "matches", "events"])
def test_partition_maps_equal_pandas(computed, expected, name):
    assert list(computed[name].columns) == list(expected[name].columns)
    assert len(expected[name])
    assert_same_rows(computed[name].compute(), expected[name])


def test_dedupe_across_partitions(computed, expected):
    per_partition = computed["events"].map_partitions(len).compute()
    assert (per_partition > 0).sum() >= 2  # the reports start apart
    got = computed["distinct_events"].compute()
    assert_same_rows(got, expected["distinct_events"])
    assert got["n_reports"].max() >= 2  # two partitions' reports merged


def test_dedupe_builds_its_graph_without_computing(corpus, expected):
    """No barrier: dedupe_events asks nothing of the cluster before the graph runs."""
    events = akc.extract_events(corpus.articles)

    def fail(part):
        raise AssertionError("computed while building the graph")

    distinct = akc.dedupe_events(events.map_partitions(fail, meta=events._meta))
    assert list(distinct.columns) == list(expected["distinct_events"].columns)
    assert dict(distinct.dtypes) == dict(expected["distinct_events"].dtypes)


def test_lexicon_and_rules_go_to_each_worker_once(client, corpus):
    """The tasks name the lexicon and the rules (a worker plugin sent to every worker once)
    instead of carrying a pickled copy each."""
    lexicon = ak.load_lexicon()
    assert len(cloudpickle.dumps(lexicon)) > 50_000
    for frame in (akc.tag(corpus.articles, lexicon), akc.extract_events(corpus.articles)):
        graph = dict(frame.__dask_graph__())
        assert max(len(cloudpickle.dumps(task)) for task in graph.values()) < 20_000
    held = client.run(lambda: sorted(steps._SHIPPED))
    assert len(held) == 2
    for keys in held.values():
        assert any(k.startswith("analystkit-Lexicon-") for k in keys)
        assert any(k.startswith("analystkit-EventRules-") for k in keys)


def test_counts_reduce_over_partitions(computed, expected):
    for by in ("tag", ["speaker_group", "tag"]):
        pd.testing.assert_frame_equal(
            akc.tag_counts(computed["matches"], by=by, include_negated=False),
            ak.tag_counts(expected["matches"], by=by, include_negated=False),
        )
    for options in ({"freq": "YS"}, {"by": "missile_class"}):
        pd.testing.assert_frame_equal(
            akc.count_events(computed["distinct_events"], **options),
            ak.count_events(expected["distinct_events"], **options),
        )


def test_command_line_writes_every_dataset(cli_out, expected):
    out, printed = cli_out
    for name in akc.DATASETS:
        assert_same_rows(pd.read_parquet(out / name), expected[name])
    report = json.loads((out / "report.json").read_text())
    assert report["load_report"]["skipped"] == [
        list(s) for s in expected["articles"].attrs["skipped"]
    ]
    assert (out / "event_counts.csv").exists()
    assert [p.name for p in out.glob(".*")] == [LOCK_FILE]  # no partial folder left
    assert f"loaded {len(expected['articles'])} articles" in printed
    skipped = len(expected["articles"].attrs["skipped"])
    assert f"skipped {skipped} files or records, 2 duplicates, 1 decoded" in printed


def test_articles_dataset_reads_back(client, cli_out, expected):
    again = akc.read_articles(cli_out[0] / "articles")
    assert_same_rows(again.articles.compute(), expected["articles"])
    assert_same_rows(akc.tag(again.articles).compute(), expected["matches"])


def test_interrupted_run_leaves_no_partial_dataset(client, cli_out, corpus_dir, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(cli_out[0], out)
    before = {p.relative_to(out): p.stat().st_mtime_ns for p in outputs(out)}

    def interrupt(futures):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        akc.run(corpus_dir, out, partition_bytes=PARTITION_BYTES, wait=interrupt)
    after = {p.relative_to(out): p.stat().st_mtime_ns for p in outputs(out)}
    assert after == before  # no partial folder; the earlier outputs untouched


def test_rerun_removes_what_a_killed_run_left(client, corpus_dir, tmp_path):
    out = tmp_path / "out"
    half = out / ".partial-999-deadbeef" / "matches"
    half.mkdir(parents=True)
    (half / "part.0.parquet").write_bytes(b"half a file")
    akc.run(corpus_dir, out, partition_bytes=PARTITION_BYTES)
    assert sorted(p.name for p in outputs(out) if p.parent == out) == sorted(
        [*akc.DATASETS, "event_counts.csv", "report.json"]
    )


def outputs(out):
    """Every file and folder under `out` but the run lock, which each run rewrites."""
    return [p for p in out.rglob("*") if p.name != LOCK_FILE]


def test_a_second_run_into_the_same_folder_stops_with_a_clear_error(corpus_dir, tmp_path):
    out = tmp_path / "out"
    with akc.write_atomically(out) as work:
        (work / "first.txt").write_text("the first run's output")
        with pytest.raises(
            akc.OutputBusyError, match=rf"being written by another run \(pid {os.getpid()}"
        ):
            with akc.write_atomically(out):
                pass
        assert work.exists()  # the second run did not clear the first one's folder
    assert (out / "first.txt").read_text() == "the first run's output"
    with akc.write_atomically(out) as work:  # the lock is released when a run ends
        (work / "second.txt").write_text("")
    assert (out / "second.txt").exists()


def test_bad_scheduler_address_fails_quickly(corpus_dir, tmp_path):
    started = time.monotonic()
    with pytest.raises(SystemExit, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        main(
            [
                "run",
                str(corpus_dir),
                "--out",
                str(tmp_path / "out"),
                "--scheduler",
                "tcp://127.0.0.1:9",
                "--timeout",
                "1",
            ]
        )
    assert time.monotonic() - started < 10
    assert not (tmp_path / "out").exists()


def test_the_pandas_kit_never_imports_dask():
    code = "import sys, analystkit\nprint('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
