"""Domain facts and test-text helpers shared by the test modules."""

from __future__ import annotations

import hashlib

import pandas as pd

# Counted launch events per year (one event = one KST launch day), data/README.md.
EVENTS_PER_YEAR = {2018: 0, 2019: 14, 2020: 5, 2021: 7, 2022: 37, 2023: 25, 2024: 19, 2025: 11}
# The seed article's launch: strategic cruise missiles on Wednesday 2025-02-26.
SEED_EVENT = pd.DataFrame(
    {
        "date": [pd.Timestamp("2025-02-26")],
        "event_type": ["missile_launch"],
        "missile_class": ["cruise"],
    }
)


def written(*items: tuple[str, str]) -> pd.DataFrame:
    """An articles frame from (date, text) pairs written by this project for tests."""
    rows = [
        dict(
            article_id=hashlib.sha256(text.encode()).hexdigest()[:16],
            date=pd.Timestamp(date),
            title="(test text written by analystkit)",
            source="analystkit tests",
            url="",
            path="",
            text=text,
        )
        for date, text in items
    ]
    return pd.DataFrame(rows)


def frame(*texts: str) -> pd.DataFrame:
    """A minimal articles frame (ids a0, a1, ..., dated 2025-01-01) of test texts."""
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(texts))],
            "date": pd.Timestamp("2025-01-01"),
            "text": list(texts),
        }
    )
