"""`analystkit run CORPUS --out DIR [--scheduler ADDRESS] [--workers N]`: the batch run
on a local cluster or a remote Dask scheduler, with a progress bar and a summary."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from distributed import Client, LocalCluster, progress

from analystkit.cluster.output import OutputBusyError
from analystkit.cluster.pipeline import COUNTS_FILE, DATASETS, REPORT_FILE, run
from analystkit.cluster.reading import PARTITION_BYTES


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="analystkit", description=__doc__.splitlines()[0])
    commands = p.add_subparsers(dest="command", required=True)
    r = commands.add_parser("run", help="load, tag and extract events into Parquet datasets")
    r.add_argument("corpus", help="a folder of article files, or an articles Parquet dataset")
    r.add_argument("--out", required=True, help="the output folder")
    r.add_argument(
        "--scheduler", help="address of a running Dask scheduler (default: a local cluster)"
    )
    r.add_argument(
        "--workers", type=int, default=None, help="local worker processes (default: one per core)"
    )
    r.add_argument(
        "--partition-mb",
        type=float,
        default=PARTITION_BYTES / 1e6,
        help="megabytes of files per partition (default: %(default)s)",
    )
    r.add_argument("--tz", default="UTC", help="time zone of epoch dates (default: UTC)")
    r.add_argument(
        "--timeout",
        type=float,
        default=10,
        help="seconds to wait for the scheduler (default: %(default)s)",
    )
    return p


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int | None, timeout: float) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a new local cluster of `workers`
    single-threaded processes."""
    if scheduler is None:
        with (
            LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=f"{timeout}s")
    except (OSError, TimeoutError, ValueError) as err:
        raise SystemExit(
            f"analystkit run: cannot reach the Dask scheduler at {scheduler!r} "
            f"({type(err).__name__}: {err}). Start one with `dask scheduler` "
            "and pass the address it prints."
        ) from None
    with client:
        yield client


def summary(result: dict[str, Any], out: str) -> str:
    """What was loaded, skipped and written, in a few lines."""
    report = result["load_report"]
    rows = result["rows"]
    lines = [
        f"loaded {rows['articles']} articles from {result['source']}",
        f"skipped {len(report['skipped'])} files or records, "
        f"{len(report['duplicates'])} duplicates, "
        f"{len(report['decoded_with'])} decoded from legacy encodings, "
        f"{len(report['epoch_dates'])} tables with epoch dates "
        f"(details in {os.path.join(out, REPORT_FILE)})",
    ]
    lines += [f"  {path}: {reason}" for path, reason in report["skipped"][:10]]
    if len(report["skipped"]) > 10:
        lines.append(f"  ... and {len(report['skipped']) - 10} more")
    lines.append(
        f"wrote to {out}: "
        + ", ".join(f"{name} ({rows[name]} rows)" for name in DATASETS)
        + f", {COUNTS_FILE}, {REPORT_FILE}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not os.path.exists(args.corpus):
        raise SystemExit(f"analystkit run: no such file or folder: {args.corpus}")
    with connect(args.scheduler, args.workers, args.timeout) as client:
        try:
            result = run(
                args.corpus,
                args.out,
                client=client,
                tz=args.tz,
                partition_bytes=int(args.partition_mb * 1e6),
                wait=lambda futures: progress(futures),
            )
        except OutputBusyError as err:
            raise SystemExit(f"analystkit run: {err}") from None
    print("\n" + summary(result, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
