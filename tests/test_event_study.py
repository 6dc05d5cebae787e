"""event_study on daily timelines with known rates: a pre-launch rise, one launch (no
conclusion), launches at the edges of the span and outside it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analystkit as ak

START = pd.Timestamp("2024-01-01")


def daily(
    days: int,
    matches: dict[int, int] | None = None,
    sentences: int = 100,
    gaps: tuple[int, ...] = (),
) -> pd.DataFrame:
    """A daily one-tag timeline: `sentences` a day (none on `gaps`), one threat a day except
    where `matches` (day index -> count) says otherwise."""
    period = pd.date_range(START, periods=days, freq="D")
    m = np.ones(days, dtype=np.int64)
    for i, n in (matches or {}).items():
        m[i] = n
    s = np.full(days, sentences, dtype=np.int64)
    s[list(gaps)], m[list(gaps)] = 0, 0
    tl = pd.DataFrame({"period": period, "tag": "threat", "matches": m, "sentences": s})
    tl.attrs["freq"] = "D"
    return tl


def launches(*day_indices: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": [START + pd.Timedelta(days=i) for i in day_indices],
            "event_type": "missile_launch",
            "counted": True,
        }
    )


def at(study: pd.DataFrame, day: int) -> pd.Series:
    return study[study["relative_day"] == day].iloc[0]


def test_a_rise_the_day_before_six_launches_stands_out_from_the_baseline():
    days = [20, 30, 40, 50, 60, 70]
    tl = daily(100, {d - 1: 6 for d in days})
    study = ak.event_study(tl, launches(*days), window=(-3, 3))
    assert list(study["relative_day"]) == list(range(-3, 4))
    before = at(study, -1)
    assert (before.n_launches, before.matches, before.sentences) == (6, 36, 600)
    assert before.rate == 60.0 and before.ci_low == before.ci_high == 60.0  # no spread
    assert at(study, 0).rate == 10.0
    # baseline: the 94 non-launch days, six of them the eves (6 matches)
    assert study["baseline_rate"].iloc[0] == pytest.approx(1000 * (88 + 36) / 9400)
    assert before.ci_low > study["baseline_high"].iloc[0]
    assert study.attrs["launches"] == [START + pd.Timedelta(days=d) for d in days]


def test_bootstrap_intervals_cover_the_rate_and_repeat_with_the_seed():
    tl = daily(100, {19: 9, 29: 2, 39: 5, 49: 0, 59: 7, 69: 3})
    kw = dict(window=(-1, 0), n_boot=500, seed=3)
    study = ak.event_study(tl, launches(20, 30, 40, 50, 60, 70), **kw)
    before = at(study, -1)
    assert before.ci_low < before.rate < before.ci_high
    pd.testing.assert_frame_equal(study, ak.event_study(tl, launches(20, 30, 40, 50, 60, 70), **kw))


def test_one_launch_gives_counts_but_no_rate_and_says_why():
    with pytest.warns(UserWarning, match="fewer than 5 launches.*no conclusion"):
        study = ak.event_study(daily(60), launches(30), window=(-2, 2))
    assert (study["n_launches"] == 1).all() and (study["matches"] == 1).all()
    assert study[["rate", "ci_low", "ci_high"]].isna().all().all()
    assert study["baseline_rate"].iloc[0] == 10.0  # the baseline is still given


def test_launches_at_the_edges_count_only_on_days_inside_the_span():
    # launches on the first and last day, three inside, one after the span (ignored)
    tl = daily(50)
    with pytest.warns(UserWarning, match="fewer than 5"):
        study = ak.event_study(tl, launches(0, 10, 20, 30, 49, 80), window=(-2, 2))
    assert [at(study, d).n_launches for d in (-2, -1, 0, 1, 2)] == [4, 4, 5, 4, 4]
    assert at(study, 0).rate == 10.0 and np.isnan(at(study, -1).rate)
    assert len(study.attrs["launches"]) == 5


def test_days_without_sentences_do_not_count_as_launches_behind_a_figure():
    with pytest.warns(UserWarning, match="fewer than 5"):
        study = ak.event_study(
            daily(100, gaps=(19, 29)), launches(20, 30, 40, 50, 60), window=(-1, 0)
        )
    assert at(study, -1).n_launches == 3 and at(study, 0).n_launches == 5


def test_chronology_rows_that_are_not_counted_launches_are_ignored():
    chron = pd.concat(
        [
            launches(20, 30, 40, 50, 60),
            launches(70).assign(counted=False),
            launches(80).assign(event_type="nuclear_test"),
        ]
    )
    study = ak.event_study(daily(100), chron, window=(0, 0))
    assert at(study, 0).n_launches == 5


def test_one_study_per_tag_and_group():
    a = daily(60).assign(speaker_group="media")
    b = daily(60).assign(tag="deterrence", speaker_group="media")
    both = pd.concat([a, b], ignore_index=True)
    both.attrs["freq"] = "D"
    study = ak.event_study(both, launches(10, 20, 30, 40, 50), window=(0, 1))
    assert list(study.columns[:2]) == ["tag", "speaker_group"]
    assert len(study) == 4 and set(study["tag"]) == {"threat", "deterrence"}


def test_refusals():
    tl = daily(30)
    with pytest.raises(ValueError, match="at least 5"):
        ak.event_study(tl, launches(1), min_launches=3)
    with pytest.raises(ValueError, match="first <= last"):
        ak.event_study(tl, launches(1), window=(3, -3))
    weekly = tl.copy()
    weekly.attrs["freq"] = "W"
    with pytest.raises(ValueError, match="needs a daily timeline"):
        ak.event_study(weekly, launches(1))
    with pytest.raises(ValueError, match="timeline is empty"):
        ak.event_study(tl.iloc[:0], launches(1))
