"""Nuclear tests read against the listed series (data/reference/nuclear_tests.csv): a
test named by its place ("its third", "its latest") takes its day, one the series had
not reached is not done, and an undated one far from any test is background."""

from __future__ import annotations

import pandas as pd
import pytest
from facts import written

import analystkit as ak

AFTER_THE_LIST = "2026-03-05"  # a Thursday after NUCLEAR_TESTS_THROUGH: no test is known


def nuclear_tests(date: str, text: str, **kwargs) -> list[tuple[str, str, str, str]]:
    """(realis, date, precision, date_text) of each nuclear test event of one article."""
    events = ak.extract_events(written((date, text)), **kwargs)
    found = events[events["event_type"] == "nuclear_test"]
    days = found["date"].dt.strftime("%Y-%m-%d").fillna("")
    return list(zip(found["realis"], days, found["date_precision"], found["date_text"]))


def test_the_list_holds_six_tests_in_order_each_with_a_source():
    tests = ak.load_nuclear_tests()
    assert tests["ordinal"].tolist() == [1, 2, 3, 4, 5, 6]
    assert tests["date"].is_monotonic_increasing
    assert tests["date"].iloc[-1] == pd.Timestamp("2017-09-03")  # also in the milestones
    assert tests["source"].str.len().gt(0).all()
    assert ak.load_milestones()["date"].eq(tests["date"].iloc[-1]).any()


@pytest.mark.parametrize(
    "date, text, expected",
    [
        # a month after the test: background, on the test's day
        (
            "2013-03-15",
            "It conducted its third nuclear test.",
            ("historical", "2013-02-12", "day", "third nuclear test"),
        ),
        # the day after: the news, however many words stand between
        (
            "2017-09-04",
            "The blast was its sixth and by far its largest nuclear detonation.",
            ("actual", "2017-09-03", "day", "sixth and by far its largest nuclear detonation"),
        ),
        # the newest one before the report
        (
            "2013-03-29",
            "The latest nuclear test angered China.",
            ("historical", "2013-02-12", "day", "latest nuclear test"),
        ),
        # the one listed test inside the period the text names
        (
            "2017-09-21",
            "The nuclear test conducted this month was its largest.",
            ("historical", "2017-09-03", "day", "this month"),
        ),
        # a text date to the day is kept as the text gives it
        (
            "2016-09-10",
            "North Korea conducted its fifth nuclear test on Friday.",
            ("actual", "2016-09-09", "day", "on Friday"),
        ),
    ],
)
def test_a_test_named_by_its_place_in_the_series_takes_its_day(date, text, expected):
    assert nuclear_tests(date, text) == [expected]


@pytest.mark.parametrize(
    "date, text",
    [
        # counted within a year or since a date, not in the series
        ("2016-09-10", "Seoul condemned the second nuclear test of the year."),
        (AFTER_THE_LIST, "Seoul condemned its first nuclear test since 2017."),
        # "a second" is another one, not the second of the series
        ("2016-09-10", "Seoul condemned a second nuclear test."),
    ],
)
def test_an_ordinal_of_a_period_or_another_one_is_not_the_series(date, text):
    assert nuclear_tests(date, text) == [("actual", "", "unresolved", "")]


@pytest.mark.parametrize(
    "date, text",
    [
        ("2017-04-15", "The envoys discussed its sixth nuclear test."),
        ("2017-04-13", "The envoys discussed a sixth nuclear test."),
        ("2024-06-01", "Seoul condemned the country's seventh nuclear test."),
    ],
)
def test_a_test_the_series_had_not_reached_is_not_done(date, text):
    assert nuclear_tests(date, text) == []
    mentions = ak.extract_events(written((date, text)), all_mentions=True)
    assert mentions.loc[mentions["event_type"] == "nuclear_test", "realis"].tolist() == [
        "hypothetical"
    ]


def test_an_undated_test_far_from_any_listed_one_is_background():
    assert nuclear_tests("2013-03-29", "China condemned the nuclear test.") == []
    # within a week of a listed test it is the news, left undated for the analyst
    assert nuclear_tests("2016-01-07", "China condemned the nuclear test.") == [
        ("actual", "", "unresolved", "")
    ]


def test_after_the_list_ends_a_test_stays_news():
    for text in (
        "Seoul condemned the country's seventh nuclear test.",
        "China condemned the latest nuclear test.",
        "The North carried out a nuclear test, its state media said.",
    ):
        assert nuclear_tests(AFTER_THE_LIST, text) == [("actual", "", "unresolved", "")]


def test_a_given_list_is_used_instead_of_the_curated_one():
    one = pd.DataFrame({"date": [pd.Timestamp("2013-02-12")], "ordinal": [3]})
    assert nuclear_tests(
        "2013-03-15", "It conducted its third nuclear test.", nuclear_tests=one
    ) == [("historical", "2013-02-12", "day", "third nuclear test")]
    assert (
        nuclear_tests("2013-03-15", "It conducted its fourth nuclear test.", nuclear_tests=one)
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Today's quake was smaller than all of its six nuclear tests.",
        "On Friday officials recalled the two nuclear tests of last year.",
    ],
)
def test_a_number_of_nuclear_tests_is_a_tally_even_when_dated(text):
    assert nuclear_tests("2017-09-23", text) == []


def test_a_broken_list_names_its_lines(tmp_path):
    path = tmp_path / "tests.csv"
    path.write_text(
        "date,ordinal,dprk_claim,source,note\n2006-10-09,2,,s,\n2009-05-25,1,,s,\n",
        encoding="utf-8",
    )
    with pytest.raises(ak.ReferenceDataError, match=r"line 2: ordinal must count"):
        ak.load_nuclear_tests(path)


@pytest.mark.parametrize(
    "date, text, expected",
    [
        # named by what was tested
        (
            "2016-09-09",
            "The North carried out a test of a nuclear warhead, its state media said.",
            ("actual", "", "unresolved", ""),
        ),
        (
            "2013-02-13",
            "Seismologists recorded an atomic test on Tuesday.",
            ("actual", "2013-02-12", "day", "on Tuesday"),
        ),
        # an ordinal before a hydrogen bomb counts hydrogen bombs: not the 2006 test
        (
            "2016-01-07",
            "State television hailed its first hydrogen bomb test.",
            ("actual", "", "unresolved", ""),
        ),
    ],
)
def test_a_test_named_by_its_bomb_is_a_nuclear_test(date, text, expected):
    assert nuclear_tests(date, text) == [expected]
