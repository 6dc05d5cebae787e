"""Rhetoric over time: matches per 1,000 sentences by period, tag and speaker group.

`rhetoric_timeline` counts from the matches, sentences and articles frames (their public
columns only); `resample_timeline` regroups a timeline that keeps tag and speaker group
(such as the shipped KCNA table) to another period or grouping.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analystkit.frames import empty_frame, require_columns, require_dates
from analystkit.vocab import RHETORIC_TAGS, SPEAKER_GROUPS

TIMELINE_KEYS = ("tag", "speaker_group")
FREQS = {"D": "D", "W": "W-SUN", "M": "M"}
"""Periods: days, weeks from Monday to Sunday, calendar months; labelled by their first day."""
PER_SENTENCES = 1000


def rhetoric_timeline(
    matches: pd.DataFrame,
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    freq: str = "W",
    by: str | Sequence[str] = "tag",
    speaker_groups: Sequence[str] | None = None,
    tags: Sequence[str] = RHETORIC_TAGS,
    include_negated: bool = False,
) -> pd.DataFrame:
    """Rhetoric matches per period, zero-filled over the whole span of the articles.

    Parameters
    ----------
    matches, sentences, articles : pandas.DataFrame
        Frames of ``ak.tag``, ``ak.sentences`` and ``ak.load_articles`` (columns used:
        article_id, sentence_id, speaker_group, tag, negated; the articles' date, as
        datetimes; undated articles are left out with a warning).
    freq : {"D", "W", "M"}, default "W"
        Days, weeks (Monday first) or months.
    by : str or sequence of str, default "tag"
        "tag", "speaker_group" or both: the columns each row is counted by.
    speaker_groups : sequence of str or None, default None
        Only sentences and matches of these groups (None: all).
    tags : sequence of str, default vocab.RHETORIC_TAGS
        The tags counted, each with a row in every period even when it has no match.
    include_negated : bool, default False
        Count negated matches too (default: left out).

    Returns
    -------
    pandas.DataFrame
        On a RangeIndex: period (datetime64[us], the period's first day), the `by`
        columns (str; tag before speaker_group), matches and sentences (int64: sentences
        of the row's speaker group, or of all selected groups), rate (float64: matches
        per 1,000 sentences; NaN where the period has no sentence). ``attrs["freq"]``
        holds `freq`.

    Raises
    ------
    ValueError
        `by` is not "tag", "speaker_group" or both, `freq` is not D, W or M, or a
        frame lacks a column it needs.
    TypeError
        A frame is not a DataFrame, or the articles' ``date`` does not hold datetimes.

    Examples
    --------
    >>> import analystkit as ak
    >>> articles = ak.load_articles(ak.SEEDS_DIR)
    >>> matches, sentences = ak.tag(articles), ak.sentences(articles)
    >>> timeline = ak.rhetoric_timeline(matches, sentences, articles, freq="M")
    >>> timeline.columns.tolist()
    ['period', 'tag', 'matches', 'sentences', 'rate']
    >>> str(timeline.loc[0, "period"].date()), timeline.attrs["freq"]
    ('2025-02-01', 'M')
    """
    keys = _keys(by)
    _check_freq(freq)  # whether or not any article is dated
    require_columns(
        matches, ("article_id", "sentence_id", "speaker_group", "tag", "negated"), "matches"
    )
    require_columns(sentences, ("article_id", "sentence_id", "speaker_group"), "sentences")
    require_columns(articles, ("article_id", "date"), "articles")
    require_dates(articles, "date", "articles")
    days = _article_days(articles)
    if days.empty:
        empty = empty_frame(
            ["period", *keys, "matches", "sentences", "rate"],
            {
                "period": "datetime64[us]",
                "matches": "int64",
                "sentences": "int64",
                "rate": "float64",
            },
        )
        empty.attrs["freq"] = freq
        return empty
    s = sentences.assign(day=sentences["article_id"].astype(str).map(days)).dropna(subset=["day"])
    m = matches[matches["tag"].isin(list(tags))]
    if not include_negated:
        m = m[~m["negated"].fillna(False).astype(bool)]
    m = m.assign(day=m["article_id"].astype(str).map(days)).dropna(subset=["day"])
    if speaker_groups is not None:
        s = s[s["speaker_group"].isin(list(speaker_groups))]
        m = m[m["speaker_group"].isin(list(speaker_groups))]
    groups = (
        list(speaker_groups) if speaker_groups is not None else _in_vocab_order(s["speaker_group"])
    )
    counts = _daily_counts(m, s, days, list(tags), groups)
    return resample_timeline(counts, freq=freq, by=keys)


def resample_timeline(
    timeline: pd.DataFrame,
    freq: str = "W",
    by: str | Sequence[str] = "tag",
    speaker_groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Regroup a timeline by tag and speaker group (e.g. daily) into `freq` periods by `by`.

    Matches add up; a row's sentences are those of its speaker group, or the sum over the
    selected groups when `by` leaves the group out. Same columns as ``rhetoric_timeline``.

    Parameters
    ----------
    timeline : pandas.DataFrame
        A timeline by tag and speaker group (``period``, ``tag``, ``speaker_group``,
        ``matches``, ``sentences``), e.g. ``rhetoric_timeline(..., freq="D",
        by=["speaker_group", "tag"])``.
    freq : {"D", "W", "M"}, default "W"
        Days, weeks (Monday first) or months.
    by : str or sequence of str, default "tag"
        "tag", "speaker_group" or both.
    speaker_groups : sequence of str or None, default None
        Only these groups' rows (None: all).

    Returns
    -------
    pandas.DataFrame
        As ``rhetoric_timeline`` returns: period, the `by` columns, matches, sentences,
        rate, every period of the span present; ``attrs["freq"]`` holds `freq`.

    Raises
    ------
    ValueError
        `by` or `freq` is not one of the values above, or a column is missing.
    TypeError
        `timeline` is not a DataFrame.

    Examples
    --------
    >>> import analystkit as ak
    >>> daily = ak.load_kcna_rhetoric(freq="D", by=["speaker_group", "tag"])
    >>> monthly = ak.resample_timeline(daily, freq="M")
    >>> monthly.columns.tolist()
    ['period', 'tag', 'matches', 'sentences', 'rate']
    >>> int(monthly["matches"].sum()) == int(daily["matches"].sum())
    True
    """
    keys = _keys(by)
    _check_freq(freq)
    require_columns(timeline, ("period", *TIMELINE_KEYS, "matches", "sentences"), "timeline")
    t = timeline
    if speaker_groups is not None:
        t = t[t["speaker_group"].isin(list(speaker_groups))]
    group_days = t.drop_duplicates(["period", "speaker_group"])  # a group's sentences, once
    t = t.assign(period=_period_starts(t["period"], freq))
    group_days = group_days.assign(period=_period_starts(group_days["period"], freq))
    group_keys = ["speaker_group"] if "speaker_group" in keys else []
    sentences = group_days.groupby(["period", *group_keys])["sentences"].sum()
    matches = t.groupby(["period", *keys])["matches"].sum()
    full = (
        pd.date_range(t["period"].min(), t["period"].max(), freq=_offset(freq))
        if len(t)
        else pd.DatetimeIndex([])
    )
    index = pd.MultiIndex.from_product(
        [full, *(_levels(t, k) for k in keys)], names=["period", *keys]
    )
    out = matches.reindex(index, fill_value=0).rename("matches").reset_index()
    out = out.merge(
        sentences.rename("sentences").reset_index(), how="left", on=["period", *group_keys]
    )
    out["matches"] = out["matches"].astype(np.int64)
    out["sentences"] = out["sentences"].fillna(0).astype(np.int64)
    out["rate"] = PER_SENTENCES * out["matches"] / out["sentences"].where(out["sentences"] > 0)
    out = out[["period", *keys, "matches", "sentences", "rate"]]
    out.attrs["freq"] = freq
    return out


def _keys(by: str | Sequence[str]) -> list[str]:
    """`by` as a list of timeline keys, refusing anything else."""
    keys = [by] if isinstance(by, str) else list(by)
    if not keys or any(k not in TIMELINE_KEYS for k in keys) or len(set(keys)) < len(keys):
        raise ValueError(f"by must be 'tag', 'speaker_group' or both, not {by!r}")
    return [k for k in TIMELINE_KEYS if k in keys]


def _check_freq(freq: str) -> None:
    """Refuse a `freq` that is not one of FREQS."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")


def _article_days(articles: pd.DataFrame) -> pd.Series:
    """Each dated article's day, by article_id; undated articles left out with a warning."""
    dated = articles.dropna(subset=["date"])
    if len(dated) < len(articles):
        warnings.warn(
            f"rhetoric_timeline: {len(articles) - len(dated)} undated article(s) left out",
            stacklevel=3,
        )
    dates = dated["date"]
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    return pd.Series(dates.dt.normalize().to_numpy(), index=dated["article_id"].astype(str))


def _in_vocab_order(groups: pd.Series) -> list[str]:
    """The groups present: the vocabulary's order (vocab.py) first, then others A-Z."""
    present = set(groups.dropna())
    return [g for g in SPEAKER_GROUPS if g in present] + sorted(present - set(SPEAKER_GROUPS))


def _daily_counts(
    m: pd.DataFrame, s: pd.DataFrame, days: pd.Series, tags: list[str], groups: list[str]
) -> pd.DataFrame:
    """One row per day of the span, tag and group: matches, and the group's sentences."""
    span = (
        pd.date_range(days.min(), days.max(), freq="D", name="period")
        if len(days)
        else pd.DatetimeIndex([], name="period")
    )
    index = pd.MultiIndex.from_product([span, tags, groups], names=["period", *TIMELINE_KEYS])
    matches = m.groupby(["day", "tag", "speaker_group"]).size().rename_axis(index.names)
    sentences = s.groupby(["day", "speaker_group"]).size().rename_axis(["period", "speaker_group"])
    out = matches.reindex(index, fill_value=0).rename("matches").reset_index()
    out = out.merge(
        sentences.rename("sentences").reset_index(), how="left", on=["period", "speaker_group"]
    )
    out["sentences"] = out["sentences"].fillna(0).astype(np.int64)
    return out


def _period_starts(values: pd.Series, freq: str) -> pd.Series:
    """The first day of each value's period."""
    return values.dt.to_period(FREQS[freq]).dt.start_time


def _offset(freq: str) -> str:
    """The date_range step from one period start to the next."""
    return {"D": "D", "W": "W-MON", "M": "MS"}[freq]


def _levels(t: pd.DataFrame, key: str) -> list[str]:
    """A key's values in the timeline, in their first-seen order (vocabulary order)."""
    return list(dict.fromkeys(t[key]))
