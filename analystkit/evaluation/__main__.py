"""`python -m analystkit.evaluation` (`make eval`): run the kit over the dev corpora,
score it against the gold in data/eval/, print the report and write eval/REPORT.md and its
headline figures as eval/figures.csv (analystkit.accuracy reads them)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from analystkit import __version__
from analystkit.accuracy import ACCURACY_PATH, save_accuracy
from analystkit.evaluation.chronology import dev_chronology
from analystkit.evaluation.corpora import corpora_dir, load_dev_articles
from analystkit.evaluation.gold import EVAL_DIR, KINDS, GoldError, gold_path, read_gold
from analystkit.evaluation.kit import run_kit
from analystkit.evaluation.report import evaluate, render
from analystkit.paths import ROOT

REPORT_PATH = ROOT / "eval" / "REPORT.md"


def _size(kind: str, frame: pd.DataFrame) -> str:
    unit = "items" if "item" in frame else "articles"
    per = frame.drop_duplicates("article_id" if unit == "articles" else "item")
    corpora = ", ".join(f"{c} {n}" for c, n in per["corpus"].value_counts().items())
    return f"{kind}: {len(frame)} rows, {len(per)} {unit} ({corpora})"


def _shown(path: Path) -> str:
    """The path relative to the repository when it is inside it."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analystkit.evaluation", description=__doc__)
    parser.add_argument(
        "--corpora",
        help="the dev corpora folder (default: $CORPORA, "
        "else ../shared/corpora beside the repository)",
    )
    parser.add_argument(
        "--gold", type=Path, default=EVAL_DIR, help="the gold folder (default: data/eval)"
    )
    parser.add_argument(
        "--figures",
        type=Path,
        default=ACCURACY_PATH,
        help="where to write the headline figures as CSV (default: eval/figures.csv)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=REPORT_PATH,
        help="where to write the Markdown report (default: eval/REPORT.md)",
    )
    args = parser.parse_args(argv)
    try:
        folder = corpora_dir(args.corpora)
    except FileNotFoundError as error:
        print(f"make eval: {error}", file=sys.stderr)
        return 2
    articles = load_dev_articles(folder)
    try:
        gold = {
            kind: read_gold(gold_path(kind, folder=args.gold), kind, articles)
            for kind in KINDS
            if gold_path(kind, folder=args.gold).is_file()
        }
        pairs = {
            kind: tuple(
                read_gold(gold_path(kind, who, args.gold / "agreement"), kind, articles)
                for who in "ab"
            )
            for kind in KINDS
            if all(gold_path(kind, who, args.gold / "agreement").is_file() for who in "ab")
        }
    except GoldError as error:
        print(f"make eval: {error}", file=sys.stderr)
        return 1
    kit = run_kit(articles, dev_chronology(folder))
    now = datetime.now(UTC)
    sizes = ", ".join(f"{c} {n}" for c, n in articles["corpus"].value_counts().items())
    stamp = [
        f"made {now:%Y-%m-%d %H:%M} UTC by `make eval` over "
        f"{len(articles)} articles ({sizes}) in {folder}; gold from {_shown(args.gold)}",
        *(f"gold {_size(kind, frame)}" for kind, frame in gold.items()),
        *(f"agreement {kind}: {len(a)} and {len(b)} rows (A, B)" for kind, (a, b) in pairs.items()),
    ]
    result = evaluate(gold, kit, articles, pairs)
    text = render(result, stamp)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    save_accuracy(result.figures, f"{now:%Y-%m-%d}", __version__, args.figures)
    print(f"written to {args.out} and {args.figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
