"""rhetoric_timeline and resample_timeline on project-written frames with known rates:
empty periods, negated matches, speaker groups, period boundaries."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import analystkit as ak


def frames(spec: list[tuple[str, str, int, list[tuple[int, str, str, bool]]]]):
    """Articles, sentences and matches from (article_id, date, n_sentences,
    [(sentence_id, tag, speaker_group, negated), ...]); other sentences are 'media'."""
    articles = pd.DataFrame(
        {
            "article_id": [a for a, *_ in spec],
            "date": pd.to_datetime([d for _, d, *_ in spec]),
            "text": ["written for this test"] * len(spec),
        }
    )
    groups = {(a, sid): g for a, _, _, ms in spec for sid, _, g, _ in ms}
    sentences = pd.DataFrame(
        [
            {"article_id": a, "sentence_id": i, "speaker_group": groups.get((a, i), "media")}
            for a, _, n, _ in spec
            for i in range(n)
        ]
    )
    matches = pd.DataFrame(
        [
            {
                "article_id": a,
                "sentence_id": sid,
                "tag": t,
                "speaker_group": g,
                "negated": neg,
                "category": "rhetoric",
            }
            for a, _, _, ms in spec
            for sid, t, g, neg in ms
        ],
        columns=["article_id", "sentence_id", "tag", "speaker_group", "negated", "category"],
    )
    return articles, sentences, matches


# Week of Mon 2024-01-01: 10 sentences, 2 threats (one negated, one by dprk_state);
# week of 2024-01-08: nothing published; week of 2024-01-15: 5 sentences, 1 outreach.
SPEC = [
    ("a", "2024-01-01", 6, [(0, "threat", "dprk_state", False), (1, "threat", "media", True)]),
    ("b", "2024-01-07", 4, [(2, "threat", "media", False)]),
    ("c", "2024-01-19", 5, [(0, "diplomatic_outreach", "dprk_state", False)]),
]


def row(timeline: pd.DataFrame, period: str, **keys) -> pd.Series:
    picked = timeline[timeline["period"] == pd.Timestamp(period)]
    for key, value in keys.items():
        picked = picked[picked[key] == value]
    assert len(picked) == 1, picked
    return picked.iloc[0]


def test_weekly_rates_per_thousand_sentences_with_an_empty_week():
    articles, sentences, matches = frames(SPEC)
    tl = ak.rhetoric_timeline(matches, sentences, articles, freq="W")
    assert list(tl.columns) == ["period", "tag", "matches", "sentences", "rate"]
    assert tl.attrs["freq"] == "W"
    assert sorted(set(tl["period"])) == list(
        pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15"])
    )
    assert len(tl) == 3 * len(ak.vocab.RHETORIC_TAGS)  # every tag, every week
    threat = row(tl, "2024-01-01", tag="threat")
    assert (threat.matches, threat.sentences, threat.rate) == (2, 10, 200.0)  # negated left out
    empty = row(tl, "2024-01-08", tag="threat")
    assert (empty.matches, empty.sentences) == (0, 0) and np.isnan(empty.rate)
    assert row(tl, "2024-01-15", tag="diplomatic_outreach").rate == 200.0
    assert row(tl, "2024-01-15", tag="threat").rate == 0.0


def test_negated_matches_count_only_when_asked():
    articles, sentences, matches = frames(SPEC)
    tl = ak.rhetoric_timeline(matches, sentences, articles, include_negated=True)
    assert row(tl, "2024-01-01", tag="threat").matches == 3


def test_by_speaker_group_divides_by_that_groups_sentences():
    articles, sentences, matches = frames(SPEC)
    tl = ak.rhetoric_timeline(matches, sentences, articles, freq="W", by=["tag", "speaker_group"])
    dprk = row(tl, "2024-01-01", tag="threat", speaker_group="dprk_state")
    media = row(tl, "2024-01-01", tag="threat", speaker_group="media")
    assert (dprk.matches, dprk.sentences, dprk.rate) == (1, 1, 1000.0)
    assert (media.matches, media.sentences, media.rate) == (1, 9, pytest.approx(1000 / 9))
    only_state = ak.rhetoric_timeline(matches, sentences, articles, speaker_groups=["dprk_state"])
    assert row(only_state, "2024-01-01", tag="threat").rate == 1000.0
    assert row(only_state, "2024-01-15", tag="diplomatic_outreach").sentences == 1


def test_by_speaker_group_alone_counts_each_sentence_once():
    articles, sentences, matches = frames(SPEC)
    tl = ak.rhetoric_timeline(matches, sentences, articles, by="speaker_group")
    media = row(tl, "2024-01-01", speaker_group="media")
    assert (media.matches, media.sentences) == (1, 9)


def test_daily_table_resampled_to_weeks_and_months_equals_a_direct_count():
    articles, sentences, matches = frames(SPEC)
    daily = ak.rhetoric_timeline(
        matches, sentences, articles, freq="D", by=["tag", "speaker_group"]
    )
    assert len(set(daily["period"])) == 19  # 1 to 19 January, zero-filled
    for freq in ("W", "M"):
        direct = ak.rhetoric_timeline(matches, sentences, articles, freq=freq)
        pd.testing.assert_frame_equal(ak.resample_timeline(daily, freq=freq), direct)
    monthly = ak.resample_timeline(daily, freq="M")
    assert set(monthly["period"]) == {pd.Timestamp("2024-01-01")}
    assert row(monthly, "2024-01-01", tag="threat").rate == pytest.approx(2000 / 15)


def test_timezone_aware_dates_count_on_their_own_calendar_day():
    articles, sentences, matches = frames(SPEC)
    articles["date"] = articles["date"].dt.tz_localize("Asia/Seoul")
    tl = ak.rhetoric_timeline(matches, sentences, articles, freq="D")
    assert row(tl, "2024-01-07", tag="threat").matches == 1


def test_undated_articles_are_left_out_with_a_warning():
    articles, sentences, matches = frames(SPEC)
    articles.loc[2, "date"] = pd.NaT
    with pytest.warns(UserWarning, match="1 undated article"):
        tl = ak.rhetoric_timeline(matches, sentences, articles)
    assert tl["period"].max() == pd.Timestamp("2024-01-01")


@pytest.mark.parametrize("by", ["article_id", [], ["tag", "tag"]])
def test_by_names_the_allowed_keys(by):
    articles, sentences, matches = frames(SPEC)
    with pytest.raises(ValueError, match="'tag', 'speaker_group' or both"):
        ak.rhetoric_timeline(matches, sentences, articles, by=by)


def test_unknown_freq_and_missing_columns_are_refused():
    articles, sentences, matches = frames(SPEC)
    with pytest.raises(ValueError, match="freq must be one of D, W, M"):
        ak.rhetoric_timeline(matches, sentences, articles, freq="Q")
    with pytest.raises(ValueError, match="lacks column"):
        ak.rhetoric_timeline(matches.drop(columns="negated"), sentences, articles)


def test_articles_written_for_this_test_through_the_kit():
    articles = pd.DataFrame(
        {
            "article_id": ["x1", "x2"],
            "date": pd.to_datetime(["2024-03-04", "2024-03-20"]),
            "text": [
                "Its deterrent is ready, the ministry said. The harbour was quiet. Ships "
                "came and went. Farmers planted rice.",
                "The harbour was quiet. Farmers planted rice.",
            ],
        }
    )
    tl = ak.rhetoric_timeline(ak.tag(articles), ak.sentences(articles), articles, freq="W")
    first = row(tl, "2024-03-04", tag="deterrence")
    assert (first.matches, first.sentences, first.rate) == (1, 4, 250.0)
    assert np.isnan(row(tl, "2024-03-11", tag="deterrence").rate)  # nothing that week
    assert row(tl, "2024-03-18", tag="deterrence").rate == 0.0


def test_no_dated_article_gives_an_empty_timeline():
    articles, sentences, matches = frames(SPEC)
    tl = ak.rhetoric_timeline(matches.iloc[:0], sentences.iloc[:0], articles.iloc[:0])
    assert tl.empty and list(tl.columns) == ["period", "tag", "matches", "sentences", "rate"]
    assert tl.attrs["freq"] == "W"


def test_an_unknown_freq_is_refused_even_when_no_article_is_dated():
    articles, sentences, matches = frames(SPEC)
    undated = articles.assign(date=pd.NaT)
    with pytest.warns(UserWarning, match="undated"):
        assert ak.rhetoric_timeline(matches, sentences, undated, freq="M").empty
    for nothing in (articles.iloc[:0], undated):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the undated articles are left out
            with pytest.raises(ValueError, match="freq must be one of D, W, M, not 'Q'"):
                ak.rhetoric_timeline(matches, sentences, nothing, freq="Q")
