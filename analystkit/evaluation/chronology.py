"""The chronology that links and checks the dev articles: the CNS launch days of
2012-2017 (reference_2012_2017/cns_launch_days_2012_2017.csv in the corpora folder)
followed by the kit's curated chronology from 2018 on."""

from __future__ import annotations

import os

import pandas as pd

from analystkit.evaluation.corpora import CNS_FILE, corpora_dir
from analystkit.reference import CHRONOLOGY_COLUMNS, load_chronology
from analystkit.vocab import CLASS_PRECEDENCE

CURATED_FROM = pd.Timestamp("2018-01-01")
CNS_SOURCE = (
    "CNS/NTI North Korea Missile Test Database, via nagix/nk-missile-tests "
    "(dev corpora: " + CNS_FILE + ")"
)


def cns_days(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """The CNS days file as chronology rows (load_chronology's columns): one counted
    launch event per Korea-time day before 2018; SLV-only days are satellite launches,
    CNS "Unknown" a ballistic missile of unstated type, several types the first in
    CLASS_PRECEDENCE."""
    raw = pd.read_csv(corpora_dir(folder) / CNS_FILE, dtype=str, keep_default_na=False)
    classes = raw["missile_types"].map(_missile_class)
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(raw["date_kst"], format="%Y-%m-%d"),
            "event_type": classes.isna().map({True: "satellite_launch", False: "missile_launch"}),
            "missile_class": classes.astype("str"),
            "n_missiles": pd.to_numeric(raw["n_missiles"]).astype("Int64"),
            "missile_names": raw["missile_names"].replace("", pd.NA),
            "counted": True,
            "confidence": "high",
            "source": CNS_SOURCE,
            "note": raw["kst_first_time"] + "; " + raw["outcomes"],
        },
        columns=CHRONOLOGY_COLUMNS,
    )
    return frame[frame["date"] < CURATED_FROM].reset_index(drop=True)


def dev_chronology(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """CNS days before 2018, then the curated chronology (data/reference) from 2018 on:
    the chronology check_claims (and event linking) get for the dev corpora."""
    curated = load_chronology()
    curated = curated[curated["date"] >= CURATED_FROM]
    return pd.concat([cns_days(folder), curated], ignore_index=True)


def _missile_class(types: str) -> str | None:
    """The class of a CNS missile_types cell ("MRBM|SRBM", "SLV", "Unknown"); None for
    a satellite launch day."""
    kinds = {t.strip().lower() for t in types.split("|")}
    kinds = {"ballistic" if k == "unknown" else k for k in kinds}
    return next((c for c in CLASS_PRECEDENCE if c in kinds), None)
