"""The whole chain — sentences, tag, extract_events — on the synthetic corpus: its time
against a plain tokenizing pass, against the same steps each starting from the articles,
and the growth of peak memory while it runs.

Prints, all measured in this run on the same texts:
  - the tokenizing pass, re.findall(r"\\w+", text.lower()) (target: chain <= 2x);
  - the chain: s = ak.sentences(a); m = ak.tag(s); ak.extract_events(s, articles=a, matches=m);
  - the old way: ak.sentences(a); ak.tag(a); ak.extract_events(a) (each splits again);
  - each step of the chain, and sentence splitting alone, against the tokenizing pass
    (where the time goes);
  - peak-RSS growth while the chain runs over --memory-mb of text, in fresh processes
    (the median of --memory-runs: it varies by a tenth or more from run to run), as a
    multiple of the text size (target <= 5x): with the articles built in the process,
    whose freed strings the chain reuses (as after ak.load_articles), and read from
    Parquet into a heap that has held no text (a dataset on disk), which shows what
    the chain itself allocates.

    .venv/bin/python benchmarks/bench_chain.py [--mb 50] [--memory-mb 100] [--repeat 2]
        [--memory-runs 3] [--steps]

--steps also prints, per step, the median peak while it ran and the RSS once it returned,
over the chain's start (where the peak is, and what the returned frames keep).

Not a test: figures depend on the machine and on what else runs on it."""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_events import best_of  # noqa: E402
from bench_tagging import timed, tokenize  # noqa: E402
from synthetic import synthetic_articles  # noqa: E402

import analystkit as ak  # noqa: E402
from analystkit.splitting import split  # noqa: E402

STEPS = ("sentences", "tag", "events")


def chain(articles, lexicon, after: Callable[[str], None] = lambda step: None) -> tuple:
    """The three steps, calling after(step) when each has returned."""
    sentences = ak.sentences(articles, lexicon)
    after("sentences")
    matches = ak.tag(sentences, lexicon)
    after("tag")
    events = ak.extract_events(sentences, articles=articles, matches=matches, lexicon=lexicon)
    after("events")
    return sentences, matches, events


def step_times(articles, lexicon) -> dict[str, float]:
    """The wall time of each step of one chain run."""
    marks = [("start", time.perf_counter())]
    chain(articles, lexicon, after=lambda step: marks.append((step, time.perf_counter())))
    return {step: t - marks[k][1] for k, (step, t) in enumerate(marks[1:])}


def each_from_articles(articles, lexicon) -> tuple:
    return (
        ak.sentences(articles, lexicon),
        ak.tag(articles, lexicon),
        ak.extract_events(articles),
    )


def status_kb(field: str) -> int:
    """A field of /proc/self/status in kB: VmHWM (the high-water mark of this process's
    RSS) or VmRSS."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_kb() -> int:
    """The high-water mark of this process's RSS (VmHWM), in kB."""
    return status_kb("VmHWM")


def reset_peak() -> int:
    """Reset VmHWM to the current RSS; return it (kB)."""
    Path("/proc/self/clear_refs").write_text("5")
    return peak_kb()


def memory_child(mb: float, source: str = "") -> None:
    """Run in a fresh process: the chain over `mb` MB; print text MB and peak growth MB,
    then per step the peak growth while it ran and the RSS growth once it returned (MB,
    over the chain's start; VmHWM is reset after each step, the peak is their maximum).
    `source`: a Parquet file of the corpus to read, into a heap that has held no text
    (a dataset read from disk); else the corpus is generated here, never read from
    ANALYSTKIT_BENCH_CORPUS, and the chain reuses the memory its freed strings leave (as
    after load_articles, which builds them). Generated text follows the running
    lexicon: to compare two versions on the same text, read the Parquet figure."""
    articles = pd.read_parquet(source) if source else synthetic_articles(mb, 7, cached=False)
    lexicon = ak.load_lexicon()
    chain(articles.head(20), lexicon)  # imports, compiled patterns
    gc.collect()
    size = sum(len(t.encode()) for t in articles["text"]) / 1e6
    before = reset_peak()
    steps: list[float] = []

    def after(step: str) -> None:
        steps.extend([(peak_kb() - before) / 1e3, (status_kb("VmRSS") - before) / 1e3])
        reset_peak()

    chain(articles, lexicon, after)
    print(size, max(steps[::2]), *steps)


def memory_run(mb: float, source: str = "") -> list[float]:
    """Text MB, peak growth MB, and per step its peak and retained growth MB, of one
    memory_child run in a fresh process."""
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(mb), "--memory-source", source],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [float(x) for x in out[-2 - 2 * len(STEPS) :]]


def report_memory(how: str, runs: list[list[float]]) -> None:
    """Print the median and each run's peak growth as multiples of the text."""
    text_mb = runs[0][0]
    growth = sorted(run[1] for run in runs)
    median = statistics.median(growth)
    print(
        f"peak RSS growth while the chain runs over {text_mb:.0f} MB ({how}), median of "
        f"{len(runs)} runs: {median:,.0f} MB = {median / text_mb:.1f}x the text (target <= 5x; "
        f"runs: {', '.join(f'{g / text_mb:.1f}x' for g in growth)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus for timing (50)")
    parser.add_argument("--memory-mb", type=float, default=100.0, help="corpus for memory")
    parser.add_argument("--repeat", type=int, default=2, help="best of N (default 2)")
    parser.add_argument("--memory-runs", type=int, default=3, help="median of N (default 3)")
    parser.add_argument(
        "--steps", action="store_true", help="also the peak and RSS growth after each step"
    )
    parser.add_argument("--memory-child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--memory-source", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.memory_source)
        return

    articles = synthetic_articles(args.mb, seed=0)
    texts = articles["text"].tolist()
    size = sum(len(t.encode()) for t in texts) / 1e6
    lexicon = ak.load_lexicon()
    chain(articles.head(20), lexicon)  # warm-up
    print(
        f"synthetic corpus: {len(articles):,} articles, {size:.1f} MB; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    _, t_tok, n_tok = best_of(args.repeat, lambda: tokenize(texts))  # wall times
    _, t_chain, (sents, matches, events) = best_of(args.repeat, lambda: chain(articles, lexicon))
    _, t_each, _ = best_of(args.repeat, lambda: each_from_articles(articles, lexicon))
    print(
        f"tokenizing pass             {size / t_tok:6.1f} MB/s  ({n_tok:,} tokens, {t_tok:.2f} s)"
    )
    print(
        f"chain (sentences → tag → events) {size / t_chain:6.1f} MB/s  ({len(sents):,} "
        f"sentences, {len(matches):,} matches, {len(events):,} events, {t_chain:.2f} s)"
    )
    print(f"each step from the articles  {size / t_each:6.1f} MB/s  ({t_each:.2f} s)")
    print(f"ratio chain / tokenizing pass: {t_chain / t_tok:.2f}x time (target <= 2x)")
    print(f"ratio each-from-articles / chain: {t_each / t_chain:.2f}x time")
    print("each step of one more chain run, as a multiple of the tokenizing pass:")
    t_split, _ = timed(lambda: [split(t) for t in texts])
    print(f"  splitting alone (analystkit.splitting.split) {t_split / t_tok:5.2f}x")
    for step, seconds in step_times(articles, lexicon).items():
        print(f"  {step:<9} {seconds / t_tok:5.2f}x  ({seconds:.2f} s)")

    # the peak varies from run to run (when the collector and the allocator give memory
    # back): several fresh processes, their median
    runs = [memory_run(args.memory_mb) for _ in range(args.memory_runs)]
    text_mb = runs[0][0]
    report_memory("articles built in Python, as load_articles builds them", runs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.parquet"
        synthetic_articles(args.memory_mb, seed=7).to_parquet(path, index=False)
        cold = [memory_run(args.memory_mb, str(path)) for _ in range(args.memory_runs)]
    report_memory("articles read from Parquet, into a heap that has held no text", cold)
    if args.steps:
        for k, step in enumerate(STEPS):
            peak, kept = (statistics.median(run[2 + 2 * k + i] for run in runs) for i in (0, 1))
            print(
                f"  after {step:<9} (median): peak {peak / text_mb:.1f}x, "
                f"RSS {kept / text_mb:.1f}x the text over the chain's start"
            )
    print(f"load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
