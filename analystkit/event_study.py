"""Rhetoric around launch days: pooled rates by day relative to each launch, against a
baseline of the days without a launch, with bootstrap confidence intervals."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from analystkit.frames import require_columns, require_dates
from analystkit.timeline import PER_SENTENCES, TIMELINE_KEYS
from analystkit.vocab import LAUNCH_TYPES

MIN_LAUNCHES = 5
STUDY_COLUMNS = [
    "relative_day",
    "n_launches",
    "matches",
    "sentences",
    "rate",
    "ci_low",
    "ci_high",
    "baseline_rate",
    "baseline_low",
    "baseline_high",
]


def event_study(
    timeline: pd.DataFrame,
    chronology: pd.DataFrame,
    window: tuple[int, int] = (-14, 14),
    min_launches: int = MIN_LAUNCHES,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """The rate of each tag by day relative to the launch days in the timeline's span.

    Parameters
    ----------
    timeline : pandas.DataFrame
        A daily timeline (``rhetoric_timeline(..., freq="D")`` or the shipped KCNA table).
    chronology : pandas.DataFrame
        Launch days: rows with a date, and where present an event_type among the launch
        types and ``counted`` true (the curated chronology as ``load_chronology`` gives it).
    window : tuple of (int, int), default (-14, 14)
        First and last day relative to a launch (day 0).
    min_launches : int, default 5
        No rate is given from fewer launches than this (at least five): the row keeps its
        counts and ``n_launches``, and a warning says why its rate is empty.
    n_boot : int, default 2000
        Bootstrap resamples (of launches; of days for the baseline).
    ci : float, default 0.95
        The interval's coverage.
    seed : int, default 0
        The random seed: the same inputs give the same intervals.

    Returns
    -------
    pandas.DataFrame
        One row per key of the timeline (tag, speaker group: str) and relative_day
        (int64), on a RangeIndex: n_launches (launches with sentences on that day),
        matches, sentences (int64), rate (pooled: matches per 1,000 sentences over those
        days), ci_low, ci_high, and baseline_rate, baseline_low, baseline_high over days
        in the span that are not launch days (the same for every relative day; all
        float64). ``attrs["launches"]`` lists the launch days used.

    Raises
    ------
    ValueError
        `min_launches` is below 5, ``window[0] > window[1]``, a column is missing, the
        timeline is not daily (``attrs["freq"]``) or is empty.
    TypeError
        A frame is not a DataFrame, or its ``period``/``date`` does not hold datetimes.

    Warns
    -----
    UserWarning
        When some rates are left empty for resting on fewer than `min_launches` launches.

    Examples
    --------
    >>> import analystkit as ak
    >>> study = ak.event_study(ak.load_kcna_rhetoric(freq="D"), ak.load_chronology(), n_boot=200)
    >>> study.columns.tolist()[:4]
    ['tag', 'relative_day', 'n_launches', 'matches']
    >>> int(study["relative_day"].min()), int(study["relative_day"].max())
    (-14, 14)
    """
    if min_launches < MIN_LAUNCHES:
        raise ValueError(f"min_launches must be at least {MIN_LAUNCHES}, not {min_launches}")
    lo, hi = window
    if lo > hi:
        raise ValueError(f"window must be (first, last) with first <= last, not {window}")
    require_columns(timeline, ("period", "matches", "sentences"), "timeline")
    require_dates(timeline, "period", "timeline")
    if timeline.attrs.get("freq", "D") != "D":
        raise ValueError(
            "event_study needs a daily timeline: rhetoric_timeline(..., freq='D') "
            f"(this one is by {timeline.attrs['freq']!r})"
        )
    if timeline.empty:
        raise ValueError("event_study: the timeline is empty (no dated article)")
    keys = [k for k in TIMELINE_KEYS if k in timeline.columns]
    span = pd.date_range(timeline["period"].min(), timeline["period"].max(), freq="D")
    launches = _launch_days(chronology, span)
    offsets = np.arange(lo, hi + 1)
    rng = np.random.default_rng(seed)
    parts = []
    for key, rows in timeline.groupby(keys, sort=False) if keys else [((), timeline)]:
        daily = rows.groupby("period")[["matches", "sentences"]].sum().reindex(span, fill_value=0)
        part = _study(daily, launches, offsets, n_boot, ci, rng)
        parts.append(part.assign(**dict(zip(keys, key if isinstance(key, tuple) else (key,)))))
    out = pd.concat(parts, ignore_index=True)[[*keys, *STUDY_COLUMNS]]
    too_few = out["n_launches"] < min_launches
    out.loc[too_few, ["rate", "ci_low", "ci_high"]] = np.nan
    if too_few.any():
        most = int(out["n_launches"].max()) if len(out) else 0
        warnings.warn(
            f"event_study: {int(too_few.sum())} of {len(out)} figures rest on fewer "
            f"than {min_launches} launches (at most {most} of the {len(launches)} "
            "launch days in the span have sentences on a given relative day); their "
            "rates are left empty: no conclusion from so few launches",
            stacklevel=2,
        )
    out.attrs["launches"] = list(launches)
    out.attrs["min_launches"] = min_launches
    return out


def _launch_days(chronology: pd.DataFrame, span: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """The counted launch days of the chronology that fall in the span."""
    require_columns(chronology, ("date",), "chronology")
    require_dates(chronology, "date", "chronology")
    rows = chronology
    if "event_type" in rows:
        rows = rows[rows["event_type"].isin(LAUNCH_TYPES)]
    if "counted" in rows:
        rows = rows[rows["counted"].fillna(False).astype(bool)]
    days = pd.DatetimeIndex(rows["date"].dropna().dt.normalize().unique()).sort_values()
    return days[days.isin(span)]


def _study(
    daily: pd.DataFrame,
    launches: pd.DatetimeIndex,
    offsets: np.ndarray,
    n_boot: int,
    ci: float,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Pooled rates by relative day for one key, and the non-launch baseline."""
    position = pd.Series(np.arange(len(daily)), index=daily.index)
    cell = position.reindex(launches).to_numpy()[:, None] + offsets[None, :]
    inside = (cell >= 0) & (cell < len(daily))
    m = np.where(inside, daily["matches"].to_numpy()[np.clip(cell, 0, len(daily) - 1)], 0)
    s = np.where(inside, daily["sentences"].to_numpy()[np.clip(cell, 0, len(daily) - 1)], 0)
    low, high = _bootstrap(m, s, n_boot, ci, rng)
    quiet = daily[~daily.index.isin(launches)]
    base_m, base_s = quiet["matches"].to_numpy()[:, None], quiet["sentences"].to_numpy()[:, None]
    base_low, base_high = _bootstrap(base_m, base_s, n_boot, ci, rng)
    return pd.DataFrame(
        {
            "relative_day": offsets,
            "n_launches": (s > 0).sum(axis=0),
            "matches": m.sum(axis=0),
            "sentences": s.sum(axis=0),
            "rate": _pooled(m.sum(axis=0), s.sum(axis=0)),
            "ci_low": low,
            "ci_high": high,
            "baseline_rate": _pooled(base_m.sum(), base_s.sum())[()],
            "baseline_low": base_low[0],
            "baseline_high": base_high[0],
        }
    )


def _bootstrap(
    m: np.ndarray, s: np.ndarray, n_boot: int, ci: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of the pooled rate per column, resampling rows (units)."""
    if len(m) == 0:
        return np.full(m.shape[1], np.nan), np.full(m.shape[1], np.nan)
    draws = rng.integers(0, len(m), size=(n_boot, len(m)))
    rates = _pooled(m[draws].sum(axis=1), s[draws].sum(axis=1))
    tail = 100 * (1 - ci) / 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns: no sentences
        return np.nanpercentile(rates, tail, axis=0), np.nanpercentile(rates, 100 - tail, axis=0)


def _pooled(matches: np.ndarray, sentences: np.ndarray) -> np.ndarray:
    """Matches per 1,000 sentences, NaN where there is no sentence."""
    matches, sentences = np.asarray(matches, float), np.asarray(sentences, float)
    return np.divide(
        PER_SENTENCES * matches, sentences, out=np.full_like(matches, np.nan), where=sentences > 0
    )
