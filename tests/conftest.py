"""Shared fixtures: the seed corpus and its one article."""

from __future__ import annotations

import pandas as pd
import pytest

import analystkit as ak

SEED_FILE = ak.SEEDS_DIR / "000_5fe2e5f7dbfbb3ae.txt"


@pytest.fixture(scope="session")
def seed_articles() -> pd.DataFrame:
    """The seed corpus as an articles frame (one article, dated 2025-02-28)."""
    return ak.load_articles(ak.SEEDS_DIR)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's body, exactly as in the file (without the ' date ...' prefix)."""
    raw = SEED_FILE.read_text(encoding="utf-8")
    return raw.split("2025-02-28 ", 1)[1]


@pytest.fixture(scope="session")
def chronology() -> pd.DataFrame:
    """The curated launch chronology (data/reference/launch_events.csv)."""
    return ak.load_chronology()


@pytest.fixture(scope="session")
def milestones() -> pd.DataFrame:
    """The curated milestones (data/reference/milestones.csv)."""
    return ak.load_milestones()
