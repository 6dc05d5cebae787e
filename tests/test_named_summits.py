"""Summits a text names by place or pair ("the Singapore summit") are dated from the
milestones, as the annotation guide dates them (§6). Every sentence here was written for
analystkit's tests; none is quoted from an article."""

from __future__ import annotations

import pandas as pd
import pytest
from facts import written

import analystkit as ak


def summits(text: str, date: str, milestones: pd.DataFrame | None = None) -> list[tuple]:
    found = ak.extract_events(written((date, text)), all_mentions=True, milestones=milestones)
    found = found[found["event_type"] == "summit"]
    return [(r.realis, None if pd.isna(r.date) else str(r.date.date())) for r in found.itertuples()]


@pytest.mark.parametrize(
    "text, date, expected",
    [
        # a summit of years ago, named by its place: background, on its listed day
        (
            "Kim and Trump pledged at the Singapore summit to work for peace.",
            "2020-06-12",
            ("historical", "2018-06-12"),
        ),
        (
            "The Hanoi summit collapsed over sanctions relief.",
            "2021-03-01",
            ("historical", "2019-02-27"),
        ),
        # within a week of the report: the news, on its first day
        (
            "The summit in Hanoi collapsed over sanctions relief.",
            "2019-03-01",
            ("actual", "2019-02-27"),
        ),
        # before it began: still to come
        (
            "Officials readied the venue for the Hanoi summit.",
            "2019-02-20",
            ("planned", "2019-02-27"),
        ),
        # an ordinal counts the pair's summits; a place after the pair narrows them
        (
            "The first Trump-Kim summit gave a vague statement.",
            "2019-03-10",
            ("historical", "2018-06-12"),
        ),
        (
            "Trump said the Trump-Kim summit in Singapore was a success.",
            "2019-03-10",
            ("historical", "2018-06-12"),
        ),
        # a month after the place is a time, not a place
        (
            "Both sides recalled the Hanoi summit in March 2019 fondly.",
            "2024-01-10",
            ("historical", "2019-02-27"),
        ),
        # the pair's latest summit by the report
        (
            "The Kim-Putin summit produced a defence treaty.",
            "2024-07-10",
            ("historical", "2024-06-19"),
        ),
        # a leaders' pair also names their meetings listed as `meeting`, by ordinal or place
        (
            "The fourth Kim-Xi summit took place in January.",
            "2019-03-10",
            ("historical", "2019-01-07"),
        ),
        (
            "The Kim-Xi summit in Pyongyang cemented ties.",
            "2020-03-10",
            ("historical", "2019-06-20"),
        ),
    ],
)
def test_a_summit_named_by_its_place_takes_its_listed_day(text, date, expected):
    assert summits(text, date) == [expected]


@pytest.mark.parametrize(
    "text, date",
    [
        # another series in the same city, a country in a compound: no listed summit
        ("Pence met leaders at the ASEAN summit in Singapore.", "2018-11-15"),
        ("The U.S.-Japan summit of April agreed on arms sales.", "2024-04-20"),
        # a place alone names no leaders' meeting (many are held in Beijing)
        ("The summit in Beijing drew leaders from Africa.", "2024-05-20"),
        # an indefinite summit is one more, not a listed one
        ("Xi and Putin met at a summit in Pyongyang on trade.", "2024-05-20"),
    ],
)
def test_a_summit_of_another_series_is_not_a_listed_one(text, date):
    assert [d for _, d in summits(text, date)] == [None]


def test_the_milestones_given_are_the_ones_read():
    listed = pd.DataFrame(
        {
            "date": [pd.Timestamp("2030-05-02")],
            "end_date": [pd.NaT],
            "kind": ["summit"],
            "title": ["Kim-Trump summit in Oslo"],
            "label": ["Oslo"],
            "source": ["written for a test"],
            "note": [""],
        }
    )
    text = "The Oslo summit ended with a handshake."
    assert summits(text, "2030-05-03", listed) == [("actual", "2030-05-02")]
    assert summits(text, "2030-05-03") == [("actual", None)]


def test_a_listed_summit_named_alone_takes_the_parties_its_title_names():
    found = ak.extract_events(
        written(("2024-07-01", "The Hanoi summit collapsed over sanctions relief.")),
        all_mentions=True,
    )
    assert found.loc[found["event_type"] == "summit", "actor"].tolist() == ["US-DPRK"]
    # the parties the sentence names come first
    text = "Xi praised the Singapore summit of the two leaders."
    found = ak.extract_events(written(("2018-06-20", text)), all_mentions=True)
    assert found.loc[found["event_type"] == "summit", "actor"].tolist() == ["China"]
