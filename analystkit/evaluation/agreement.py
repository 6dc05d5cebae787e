"""Agreement between the two annotators' independent labels (data/eval/agreement/):
Cohen's kappa per kind, with the observed agreement and the number of items compared.

- launches: per article both checked, kappa on "has a new launch" (yes/no); and, where
  both found launches, the share of articles with the same set of Korea-time days.
- nuclear tests, summits, sanctions, exercises, talks: the same as launches, for those
  events.
- claims: claims both found (spans overlapping in the same article), kappa on the
  verdict; how many each found is given too.
- speakers: per item both labelled, kappa on the speaker group.
- rhetoric: per item both labelled, kappa on each tag's presence (yes/no), and pooled:
  one kappa over every (item, tag) decision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial

import pandas as pd

from analystkit.evaluation.gold import DAY_EVENT_KINDS
from analystkit.vocab import RHETORIC_TAGS

AGREEMENT_COLUMNS = ["kind", "measure", "n", "agreement", "kappa"]


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two raters' labels of the same items: (po - pe) / (1 - pe), pe
    from each rater's own label shares. NaN when there are no items or when chance
    agreement is 1 (both raters used one and the same label throughout)."""
    if len(a) != len(b):
        raise ValueError(f"the raters labelled {len(a)} and {len(b)} items")
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    chance = sum(count_a[label] * count_b[label] for label in count_a) / n**2
    return float("nan") if chance == 1 else (observed - chance) / (1 - chance)


def _row(kind: str, measure: str, a: Sequence, b: Sequence) -> dict:
    agreement = sum(x == y for x, y in zip(a, b)) / len(a) if len(a) else float("nan")
    return {
        "kind": kind,
        "measure": measure,
        "n": len(a),
        "agreement": agreement,
        "kappa": cohen_kappa(a, b),
    }


def launch_agreement(a: pd.DataFrame, b: pd.DataFrame, kind: str = "launches") -> pd.DataFrame:
    """Has-new-launch kappa over the articles both checked; same launch days where both
    found launches (agreement only: the day sets are too many labels for kappa). `kind`:
    "nuclear_tests", "summits", "sanctions", "exercises" and "talks" read the same frames
    of those new events."""
    one, day, many = {
        "nuclear_tests": ("a new nuclear test", "nuclear test", "nuclear tests"),
        "summits": ("a new summit", "summit", "summits"),
        "sanctions": ("new sanctions", "sanctions", "sanctions"),
        "exercises": ("an exercise under way", "exercise", "exercises"),
        "talks": ("new talks", "talks", "talks"),
    }.get(kind, ("a new launch", "launch", "launches"))

    def days(gold: pd.DataFrame) -> pd.Series:
        launch = gold[gold["event_type"] != "none"]
        found = launch.groupby("article_id")["day_kst"].agg(
            lambda d: frozenset(x.date().isoformat() if not pd.isna(x) else "?" for x in d)
        )
        return found.reindex(gold["article_id"].unique(), fill_value=frozenset())

    da, db = days(a), days(b)
    both = da.index.intersection(db.index)
    da, db = da[both], db[both]
    launched = [d != frozenset() for d in da], [d != frozenset() for d in db]
    two = [i for i, (x, y) in enumerate(zip(*launched)) if x and y]
    return pd.DataFrame(
        [
            _row(kind, f"has {one} (per article)", *launched),
            {
                **_row(
                    kind,
                    f"same {day} days (both found {many})",
                    [da.iloc[i] for i in two],
                    [db.iloc[i] for i in two],
                ),
                "kappa": float("nan"),
            },
        ],
        columns=AGREEMENT_COLUMNS,
    )


def claim_agreement(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Verdict kappa on the claims both found; rows giving how many each found."""
    pairs = []
    for g in a.itertuples():
        same = b[(b["article_id"] == g.article_id) & (b["start"] < g.end) & (b["end"] > g.start)]
        if len(same):
            pairs.append((g.verdict, same["verdict"].iloc[0]))
    n_a, n_b = len(a), len(b)
    found = [
        {
            "kind": "claims",
            "measure": f"claims found by {who}",
            "n": n,
            "agreement": float("nan"),
            "kappa": float("nan"),
        }
        for who, n in (("A", n_a), ("B", n_b), ("both", len(pairs)))
    ]
    return pd.DataFrame(
        found
        + [
            _row(
                "claims",
                "verdict (claims both found)",
                [x for x, _ in pairs],
                [y for _, y in pairs],
            )
        ],
        columns=AGREEMENT_COLUMNS,
    )


def _items(a: pd.DataFrame, b: pd.DataFrame, column: str) -> pd.DataFrame:
    return a[["item", column]].merge(b[["item", column]], on="item", suffixes=("_a", "_b"))


def speaker_agreement(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Kappa on the speaker group of the items both labelled."""
    both = _items(a, b, "speaker_group")
    return pd.DataFrame(
        [
            _row(
                "speakers",
                "speaker group",
                both["speaker_group_a"].tolist(),
                both["speaker_group_b"].tolist(),
            )
        ],
        columns=AGREEMENT_COLUMNS,
    )


def rhetoric_agreement(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Kappa on each tag's presence over the items both labelled, then pooled over
    every (item, tag) decision."""
    both = _items(a, b, "tags")
    rows, pooled_a, pooled_b = [], [], []
    for tag in RHETORIC_TAGS:
        ya = [tag in t for t in both["tags_a"]]
        yb = [tag in t for t in both["tags_b"]]
        rows.append(_row("rhetoric", f"tag {tag}", ya, yb))
        pooled_a += ya
        pooled_b += yb
    rows.append(_row("rhetoric", "all tags pooled (item x tag)", pooled_a, pooled_b))
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)


AGREEMENT_OF: dict[str, Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame]] = {
    "launches": launch_agreement,
    **{kind: partial(launch_agreement, kind=kind) for kind in DAY_EVENT_KINDS},
    "claims": claim_agreement,
    "speakers": speaker_agreement,
    "rhetoric": rhetoric_agreement,
}
"""The agreement function of each kind of gold."""
