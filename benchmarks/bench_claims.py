"""Benchmark ak.check_claims on claim-dense SYNTHETIC articles (written here from
templates; not news).

Every article reports a launch on a weekday and makes several checkable claims of the
forms check_claims knows ("the third launch this year", "the second in less than a
week", "the first since March", "N tests since May", "broke a two-month lull", ...),
checked against the curated chronology. Prints articles/s on one core (CPU time of this
process; wall time in brackets) for check_claims from the articles (it splits them into
sentences and extracts the events itself), which counts through a day index built once
per call, and for the old way, the same code filtering the chronology again for every
claim, measured in the same run, and their ratio; and check_claims as a step of the
chain, given the sentences and events already computed (not timed). Target (issue #12):
>= 2,000 articles/s for the chain step; the verdict says whether it is met.

Usage: .venv/bin/python benchmarks/bench_claims.py [--articles 2000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_events import best_of  # noqa: E402

import analystkit as ak  # noqa: E402
from analystkit import claims as claims_module  # noqa: E402

TARGET = 2000.0

LEADS = [
    "North Korea fired a short-range ballistic missile into the sea on {wd}, "
    "the South's military said.",
    "The North launched an intercontinental ballistic missile on {wd}, officials said.",
    "Pyongyang test-fired two cruise missiles off its west coast on {wd}.",
]
CLAIMS = [
    "It was the {ord} launch this year.",
    "The test was the {ord} in less than a week.",
    "It was the first launch since {month}.",
    "The North has carried out {n} tests since {month}.",
    "The launch broke a two-month lull in testing.",
    "Its last missile test, in {month}, had failed.",
    "It was the {ord} ballistic missile test this year.",
    "The launch came two weeks after a test on {month} 3.",
    "Analysts called it the most launches in a single year.",
    "It has not fired a cruise missile since {month}.",
]
FILLER = [
    "Seoul and Tokyo condemned the launch and called for restraint.",
    "The envoy said talks remained possible if the North stopped its provocations.",
    "Markets in the region barely moved on the news.",
]
ORDS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "10th", "12th"]
MONTHS = ["January", "February", "March", "April", "May", "June"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def claim_articles(n: int, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        date = pd.Timestamp("2022-07-01") + pd.Timedelta(days=rng.randrange(900))
        sentences = [rng.choice(LEADS).format(wd=rng.choice(WEEKDAYS))]
        for template in rng.sample(CLAIMS, 4):
            sentences.append(
                template.format(
                    ord=rng.choice(ORDS), n=rng.randrange(2, 15), month=rng.choice(MONTHS)
                )
            )
            sentences.append(rng.choice(FILLER))
        rows.append({"article_id": f"c{i:06d}", "date": date, "text": " ".join(sentences)})
    return pd.DataFrame(rows)


class _FilterEachTime(claims_module.DayIndex):
    """The old way: the chronology filtered again for every claim (no cached days)."""

    def days(self, event_types=None, classes=None):
        self._cache.clear()
        return super().days(event_types, classes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="how many articles")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    args = parser.parse_args()
    articles = claim_articles(args.articles)
    chronology = ak.load_chronology()
    milestones = ak.load_milestones()
    ak.check_claims(articles.head(5), chronology, milestones)  # load rules outside timings

    c_new, w_new, new = best_of(
        args.repeat, lambda: ak.check_claims(articles, chronology, milestones)
    )
    shipped = claims_module.DayIndex
    claims_module.DayIndex = _FilterEachTime
    try:
        c_old, w_old, old = best_of(
            args.repeat, lambda: ak.check_claims(articles, chronology, milestones)
        )
    finally:
        claims_module.DayIndex = shipped
    pd.testing.assert_frame_equal(new, old)  # the two ways agree
    sents = ak.sentences(articles)  # the chain: the steps before, done once, not timed
    events = ak.extract_events(sents, articles=articles)
    c_chain, w_chain, chained = best_of(
        args.repeat,
        lambda: ak.check_claims(articles, chronology, milestones, sentences=sents, events=events),
    )
    pd.testing.assert_frame_equal(chained, new)  # the chain agrees too
    n = len(articles)
    print(f"corpus: {n:,} synthetic claim-dense articles, {len(new):,} claims found")
    print(
        f"check_claims from the articles (day index)       {n / c_new:6.0f} articles/s "
        f"({n / w_new:.0f} wall; {c_new:.2f} s CPU)"
    )
    print(
        f"check_claims from the articles (filter per claim) {n / c_old:5.0f} articles/s "
        f"({n / w_old:.0f} wall; {c_old:.2f} s CPU)"
    )
    print(
        f"check_claims given sentences and events (the chain) {n / c_chain:6.0f} articles/s "
        f"({n / w_chain:.0f} wall; {c_chain:.2f} s CPU)"
    )
    print(f"ratio day index / filter per claim (CPU time): {c_old / c_new:.2f}x")
    verdict = "meets" if n / c_chain >= TARGET else "MISSES"
    print(
        f"target >= {TARGET:.0f} articles/s on one core for the chain step: {verdict} "
        f"({n / c_chain:.0f}; from the articles: {n / c_new:.0f}, not the target's)"
    )


if __name__ == "__main__":
    main()
