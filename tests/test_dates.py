"""Date expressions resolved against a fixed article date.

All sentences here are written by this project for the tests (not quotes from articles).
The article date is the seed's: Friday 2025-02-28.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analystkit.dates import (
    HISTORICAL_DAYS,
    _day,
    elapsed_before,
    find_dateline,
    find_dates,
    is_ahead,
    is_historical,
    mostly_before,
    period,
    writers_weekday,
)

FRIDAY = pd.Timestamp("2025-02-28")


def only(text: str, article_date: pd.Timestamp = FRIDAY):
    """The single date mention in `text`."""
    found = find_dates(text, article_date)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, day, mostly",
    [
        # most of the period more than seven days back: more likely background
        ("It happened last month.", "2025-03-03", True),  # 5 of 28 days recent
        ("It happened earlier this month.", "2025-02-28", True),  # 7 of 27
        ("It happened this month.", "2025-02-20", True),  # 7 of 20
        # most of it recent: as likely news
        ("It happened this month.", "2025-02-10", False),  # 7 of 10
        ("It happened earlier this month.", "2025-02-06", False),  # 5 of 5
        # a day or a week is placed, not weighed
        ("It happened on February 21.", "2025-02-28", False),
        ("It happened last week.", "2025-02-28", False),
        # the writer's "recent" says it is recent
        ("It happened recently.", "2025-02-28", False),
        # a year told as earlier is weighed as a month is; a bare "this year" is not
        ("It happened earlier this year.", "2025-11-20", True),
        ("It happened earlier this year.", "2025-01-05", False),  # 5 of 5 days recent
        ("It happened this year.", "2025-11-20", False),
    ],
)
def test_a_month_mostly_before_the_news_window_is_likely_background(text, day, mostly):
    report = pd.Timestamp(day)
    assert mostly_before(only(text, report), report) is mostly


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("The launch took place on Wednesday.", "2025-02-26", "day"),
        ("The launch took place Thursday.", "2025-02-27", "day"),
        ("The launch took place on Friday.", "2025-02-28", "day"),  # the article's own day
        ("The launch took place on Saturday.", "2025-03-01", "day"),  # the next day: US-dated
        ("The launch took place last Saturday.", "2025-02-22", "day"),  # never a future day
        ("Last Saturday, a launch took place.", "2025-02-22", "day"),
        ("A launch took place last Friday.", "2025-02-21", "day"),  # strictly before
        ("They fired it last Thursday.", "2025-02-20", "day"),  # yesterday is "yesterday"
        ("They fired it this past Thursday.", "2025-02-27", "day"),
        ("A launch took place yesterday.", "2025-02-27", "day"),
        ("A launch took place today.", "2025-02-28", "day"),
        ("A day earlier, a launch took place.", "2025-02-27", "day"),
        ("A launch took place three days ago.", "2025-02-25", "day"),
        ("A launch took place on January 14.", "2025-01-14", "day"),
        ("A launch took place on Jan. 14.", "2025-01-14", "day"),
        ("A launch took place on 14 January.", "2025-01-14", "day"),
        ("A launch took place on Jan 14th.", "2025-01-14", "day"),
        ("A launch took place on 2025-01-14.", "2025-01-14", "day"),
        ("A launch took place on Dec. 30.", "2024-12-30", "day"),  # month after Feb: last year
        ("A launch took place on November 2, 2023.", "2023-11-02", "day"),
        ("A launch took place earlier this month.", "2025-02-01", "month"),
        ("A launch took place last month.", "2025-01-01", "month"),
        ("A launch took place in March.", "2024-03-01", "month"),
        ("A launch took place in March 2023.", "2023-03-01", "month"),
        ("The summit held last January set the agenda.", "2025-01-01", "month"),
        ("The summit held last February set the agenda.", "2024-02-01", "month"),  # this one
        ("Officials recalled the January summit.", "2025-01-01", "month"),
        ("The December test drew sanctions.", "2024-12-01", "month"),
        ("The November Security Council resolution still binds.", "2024-11-01", "month"),
        ("A recent launch was reported.", "2025-02-01", "month"),
        ("A launch took place earlier this year.", "2025-01-01", "year"),
        ("A launch took place last year.", "2024-01-01", "year"),
        ("A launch took place in 2019.", "2019-01-01", "year"),
    ],
)
def test_date_forms_against_friday_2025_02_28(text, expected, precision):
    mention = only(text)
    assert mention.date == pd.Timestamp(expected)
    assert mention.precision == precision
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("They met in 2018 and 2019.", "2018-01-01", "2019-12-31"),
        ("They met three times from 2018-19.", "2018-01-01", "2019-12-31"),
        ("They met from 2018 to 2019.", "2018-01-01", "2019-12-31"),
        ("They met in 2018–2019.", "2018-01-01", "2019-12-31"),
    ],
)
def test_year_ranges_cover_both_years(text, first, last):
    mention = only(text)
    assert (mention.date, mention.end_date, mention.precision) == (
        pd.Timestamp(first),
        pd.Timestamp(last),
        "year",
    )
    assert is_historical(mention, FRIDAY)


def test_a_month_name_that_names_no_time_is_no_date():
    assert find_dates("Crowds joined the March on the capital.", FRIDAY) == []


def test_terms_are_left_for_the_milestones_to_resolve():
    his = only("They met at three summits in his first term.")
    assert (his.kind, his.term, his.who, his.precision) == ("term", 1, None, "year")
    assert pd.isna(his.date)
    named = only("It was the second launch during Trump’s second term.")
    assert (named.term, named.who) == (2, "Trump")


def test_a_weekday_after_said_is_the_report_date():
    said, tested = find_dates("KCNA said on Friday the test took place on Wednesday.", FRIDAY)
    assert said.reporting and said.date == FRIDAY
    assert not tested.reporting and tested.date == pd.Timestamp("2025-02-26")
    assert only("The military reported Thursday a launch.").reporting


def test_impossible_dates_are_not_mentions():
    assert find_dates("A launch took place on Feb. 30.", FRIDAY) == []
    assert find_dates("The range was 2019-17 km.", FRIDAY) == []


def test_historical_threshold_is_the_guides_seven_days():
    assert not is_historical(only("It happened on February 21."), FRIDAY)  # 7 days
    assert is_historical(only("It happened on February 20."), FRIDAY)  # 8 days
    assert not is_historical(only("It happened this month."), FRIDAY)
    assert is_historical(only("It happened last month."), FRIDAY)
    assert is_historical(only("It happened in 2024."), FRIDAY)
    assert HISTORICAL_DAYS == 7


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("It fired last week.", "2025-02-17", "2025-02-23"),
        ("It fired earlier this week.", "2025-02-24", "2025-02-28"),
        ("It fired over the weekend.", "2025-02-22", "2025-02-23"),
        ("It fired two weeks ago.", "2025-02-10", "2025-02-16"),
    ],
)
def test_week_expressions_have_week_precision_and_their_own_days(text, first, last):
    d = only(text)
    assert (d.precision, d.date, d.end_date) == ("week", pd.Timestamp(first), pd.Timestamp(last))


def test_may_the_month_is_case_sensitive():
    assert only("It fired two missiles on May 9.").date == pd.Timestamp("2024-05-09")
    assert find_dates("It may fire 9 missiles.", FRIDAY) == []


@pytest.mark.parametrize(
    "text, end, day",
    [
        ("Pyongyang, September 19 (KCNA) -- The test was on Wednesday.", 33, "2024-09-19"),
        ("SEOUL, July 4 -- North Korea fired.", 16, "2024-07-04"),
        ("SEOUL, South Korea (AP) — North Korea fired.", 25, "2024-09-20"),
        ("Mr Kim — the leader — watched.", 0, "2024-09-20"),
    ],
)
def test_a_dateline_dates_the_report(text, end, day):
    assert find_dateline(text, pd.Timestamp("2024-09-20")) == (end, pd.Timestamp(day))


def test_january_article_reads_december_as_last_year():
    mention = only("A launch took place on December 30.", pd.Timestamp("2025-01-03"))
    assert mention.date == pd.Timestamp("2024-12-30")


def test_period_bounds_and_bad_precision():
    assert period(pd.Timestamp("2024-02-10"), "month") == (
        pd.Timestamp("2024-02-01"),
        pd.Timestamp("2024-02-29"),
    )
    assert period(FRIDAY, "week") == (FRIDAY, FRIDAY + pd.Timedelta(days=6))
    with pytest.raises(ValueError, match="fortnight"):
        period(FRIDAY, "fortnight")


def test_a_sundays_last_week_is_the_week_ending_that_day():
    sunday = pd.Timestamp("2025-03-02")
    mention = only("A missile was fired last week.", sunday)
    assert (mention.date, mention.end_date) == (
        pd.Timestamp("2025-02-24"),
        pd.Timestamp("2025-03-01"),
    )
    mention = only("A missile was fired last week.", FRIDAY)  # a weekday: the week before
    assert (mention.date, mention.end_date) == (
        pd.Timestamp("2025-02-17"),
        pd.Timestamp("2025-02-23"),
    )


def test_day_is_the_midnight_of_any_date_and_the_same_timestamp_when_one_already():
    midnight = pd.Timestamp("2024-11-05")
    assert _day(midnight) is midnight
    assert _day(pd.Timestamp("2024-11-05 17:30")) == midnight
    assert _day("2024-11-05") == midnight
    aware = _day(pd.Timestamp("2024-11-05 09:00", tz="Asia/Seoul"))
    assert aware == pd.Timestamp("2024-11-05", tz="Asia/Seoul")
    said, fired = find_dates("Seoul said on Friday that the North fired on Tuesday.", midnight)
    assert str(fired.date.date()) == "2024-11-05" and said.reporting


@pytest.mark.parametrize(
    "text, first, last, precision",
    [
        (
            "The allies held the drill from January 30 to February 1.",
            "2025-01-30",
            "2025-02-01",
            "week",
        ),
        ("The drills ran from February 3 to 14.", "2025-02-03", "2025-02-14", "month"),
        ("The drills ran from Dec. 28 to Jan. 3.", "2024-12-28", "2025-01-03", "week"),
    ],
)
def test_a_span_of_days_keeps_its_first_and_last_day(text, first, last, precision):
    span = only(text)
    assert (str(span.date.date()), str(span.end_date.date()), span.precision) == (
        first,
        last,
        precision,
    )


def test_a_span_of_hours_or_a_backward_span_is_no_span():
    assert [d.kind for d in find_dates("The office opens from January 3 to 5 p.m.", FRIDAY)] == [
        "explicit"
    ]
    assert [d.kind for d in find_dates("Talks ran from February 14 to 10.", FRIDAY)] == ["explicit"]


@pytest.mark.parametrize(
    "day, first, ahead",
    [
        ("2025-02-25", "2025-03-01", True),  # a Tuesday: the coming weekend
        ("2025-02-28", "2025-03-01", True),  # a Friday: tomorrow's
        ("2025-03-01", "2025-03-01", False),  # a Saturday: today
        ("2025-03-03", "2025-03-01", False),  # a Monday: the one just past
    ],
)
def test_this_weekend_in_a_weekday_report_is_the_coming_one(day, first, ahead):
    d = only("The leaders meet this weekend.", pd.Timestamp(day))
    assert (d.date, is_ahead(d, pd.Timestamp(day))) == (pd.Timestamp(first), ahead)


def test_this_past_weekend_and_named_days_are_never_ahead():
    wednesday = pd.Timestamp("2025-02-26")
    assert not is_ahead(only("It fired this past weekend.", wednesday), wednesday)
    # a Friday report's "Saturday" may be Korea's next day: not read as still to come
    saturday = only("It fired early Saturday.")
    assert saturday.date == pd.Timestamp("2025-03-01") and not is_ahead(saturday, FRIDAY)


@pytest.mark.parametrize(
    "text, days",
    [
        ("The visit came some 40 days after the summit", 40),
        ("He spoke two months after the first summit", 56),
        ("It is a year since the test", 365),
        ("Kim returned three days after the summit", 3),
        ("Several weeks after the summit", 14),
        # counted to a time still to come: the thing itself may be today's
        ("The ban will lapse 90 days after the summit", 0),
        ("The curbs take effect 30 days after the vote", 0),
        ("Kim spoke after the summit", 0),
    ],
)
def test_time_counted_from_a_thing_puts_it_that_far_back(text, days):
    assert elapsed_before(text, text.rindex(" ") + 1) == days


def test_just_days_ago_is_the_week_before_the_report():
    d = only("The council acted just days ago.")
    assert (d.precision, d.date, d.end_date) == (
        "week",
        pd.Timestamp("2025-02-22"),
        pd.Timestamp("2025-02-27"),
    )
    assert [m.text for m in find_dates("It fired five days ago.", FRIDAY)] == ["five days ago"]


def test_a_weekday_in_the_writers_time_is_never_the_next_day():
    saturday = only("The vote was on Saturday.")  # Korea's next day, for a launch
    assert saturday.date == pd.Timestamp("2025-03-01")
    assert writers_weekday(saturday, FRIDAY).date == pd.Timestamp("2025-02-22")
    wednesday = only("The vote was on Wednesday.")
    assert writers_weekday(wednesday, FRIDAY) == wednesday


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("The envoys meet later this week.", "2025-03-01", "2025-03-02"),
        ("The vote comes later this month.", "2025-03-01", "2025-03-01"),
    ],
)
def test_later_this_week_or_month_is_still_to_come(text, first, last):
    d = only(text)
    assert (d.date, d.end_date) == (pd.Timestamp(first), pd.Timestamp(last))
    assert is_ahead(d, FRIDAY)
