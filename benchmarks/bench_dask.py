"""Throughput of the Dask path (`analystkit.cluster.run`: sentences, tags, events, dedupe,
every dataset written) on a Parquet dataset of the synthetic corpus, with 1 and 2 local
worker processes, and the peak memory (RSS high-water mark) of each worker. Before each
run: the speed-up the machine gives 2 plain processes at that moment (the ceiling on a
shared machine) and the load average. After it: the workers' share of the wall time in
tasks (below 100%: waiting for work or data), their share on a CPU (in tasks but not on a
CPU: other programs have the cores) and their CPU seconds (the work: about the same with
1 and 2 workers when none is wasted).

    .venv/bin/python benchmarks/bench_dask.py [--mb 1000] [--file-mb 25] [--workers 1 2]
                                              [--data DIR]

Not a test: figures depend on the machine and on what else runs on it."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from distributed import Client, LocalCluster, get_task_stream

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_articles  # noqa: E402

import analystkit.cluster as akc  # noqa: E402


def write_dataset(folder: Path, mb: float, file_mb: float, seed: int) -> float:
    """About `mb` MB of synthetic text as Parquet files of `file_mb` MB each; the MB of
    text in them. Files already in `folder` (a dataset kept with --data) are reused, so an
    interrupted generation goes on where it stopped."""
    folder.mkdir(parents=True, exist_ok=True)
    total, i = 0.0, 0
    while total < mb:
        path = folder / f"part-{i:04d}.parquet"
        if path.exists():
            part = pd.read_parquet(path, columns=["text"])
        else:
            part = synthetic_articles(min(file_mb, mb - total), seed=seed + i)
            part.to_parquet(path.with_suffix(".partial"), index=False)
            path.with_suffix(".partial").rename(path)  # a killed run leaves no half file
        total += part["text"].str.len().sum() / 1e6
        i += 1
    return total


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux: ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """This process's CPU time so far (user and system), in seconds."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def busy_seconds(task_stream: list[dict]) -> float:
    """The seconds the workers spent running tasks (not waiting for work or data)."""
    return sum(
        span["stop"] - span["start"]
        for task in task_stream
        for span in task["startstops"]
        if span["action"] == "compute"
    )


def measure(
    dataset: Path, out: Path, workers: int, partition_mb: float
) -> tuple[float, list[float], float, float]:
    """Seconds for one run on a fresh local cluster, each worker's peak MB, and the
    workers' CPU seconds and seconds in tasks in the run."""
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        cpu = sum(client.run(cpu_seconds).values())
        start = time.perf_counter()
        with get_task_stream(client) as tasks:
            akc.run(dataset, out, client=client, partition_bytes=int(partition_mb * 1e6))
        seconds = time.perf_counter() - start
        cpu = sum(client.run(cpu_seconds).values()) - cpu
        peaks = sorted(client.run(peak_rss_mb).values())
    return seconds, peaks, cpu, busy_seconds(tasks.data)


def _spin(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def cpu_ceiling() -> float:
    """The speed-up this machine gives right now to 2 processes over 1 (a pure-Python
    loop): on a shared machine, the ceiling for 2 workers."""
    alone = _spin(0)
    with multiprocessing.Pool(2) as pool:
        pair = pool.map(_spin, [0, 1])
    return 2 * alone / max(pair)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1000, help="corpus size (default 1000)")
    ap.add_argument(
        "--file-mb",
        type=float,
        default=25,
        help="MB per Parquet file, one partition each (default 25)",
    )
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--data",
        type=Path,
        help="keep the synthetic dataset in this folder and reuse it on the next run "
        "(the runs read the whole folder: one folder per --mb; default: a temporary "
        "folder, removed at the end)",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_dask_") as tmp:
        started = time.perf_counter()
        data = args.data or Path(tmp) / "articles"
        mb = write_dataset(data, args.mb, args.file_mb, args.seed)
        print(
            f"synthetic corpus: {mb:.0f} MB of text in {args.file_mb:g} MB Parquet files "
            f"(generated in {time.perf_counter() - started:.0f} s)"
        )
        first = None
        for workers in args.workers:
            print(
                f"this machine's ceiling now: 2 processes run {cpu_ceiling():.2f}x one "
                "(load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + ")"
            )
            seconds, peaks, cpu, busy = measure(
                data, Path(tmp) / f"out{workers}", workers, args.file_mb
            )
            first = first or (workers, seconds)
            print(
                f"{workers} worker(s): {seconds:6.1f} s, {mb / seconds:5.2f} MB/s, "
                f"speed-up {first[1] / seconds:4.2f}x over {first[0]}; workers in tasks "
                f"{100 * busy / (seconds * workers):.0f}% of the wall time, on a CPU "
                f"{100 * cpu / (seconds * workers):.0f}% ({cpu:.0f} CPU s); peak memory "
                "per worker " + ", ".join(f"{p:.0f} MB" for p in peaks)
            )


if __name__ == "__main__":
    main()
