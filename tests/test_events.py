"""Events from articles, de-duplication, counts and ordinals.

Sentences in `written(...)` calls are written by this project for the tests; they are
not quotes from real articles. The seed article and the curated chronology are real.
"""

from __future__ import annotations

import pandas as pd
import pytest
from facts import frame as articles_of
from facts import written

import analystkit as ak
from analystkit.event_rules import load_event_rules
from analystkit.events import CLASS_COLUMNS, EVENT_COLUMNS
from analystkit.terms import terms_from_milestones


@pytest.fixture(scope="module")
def seed_events(seed_articles) -> pd.DataFrame:
    return ak.extract_events(seed_articles)


@pytest.fixture(scope="module")
def chronology() -> pd.DataFrame:
    return ak.load_chronology()


# ---------------------------------------------------------------- the seed


def test_seed_has_one_news_launch_a_cruise_missile_test_on_wednesday(seed_events):
    news = seed_events[(seed_events["event_type"] == "missile_launch") & ~seed_events["historical"]]
    assert len(news) == 1
    launch = news.iloc[0]
    assert launch["date"] == pd.Timestamp("2025-02-26")  # Wednesday before Fri 28th
    assert launch["date_precision"] == "day"
    assert launch["missile_class"] == "cruise"
    assert launch["actor"] == "DPRK"
    assert launch["date_text"] == "on Wednesday"
    assert "west coast on Wednesday" in launch["evidence"]
    assert launch["sentence_id"] == 0  # the lead names it first


def test_seed_summits_are_background_from_the_first_term(seed_events):
    summits = seed_events[seed_events["event_type"] == "summit"]
    assert len(summits) >= 1
    assert summits["historical"].all()
    assert (summits["date"].dt.year < 2020).all()  # never a 2025 summit
    assert summits["actor"].eq("US-DPRK").all()
    assert summits["evidence"].str.contains("2018-19").any()


def test_seed_has_no_false_exercise_or_sanctions_news(seed_events):
    assert not (seed_events["event_type"] == "sanctions").any()  # "disputes over sanctions"
    exercises = seed_events[seed_events["event_type"] == "military_exercise"]
    # Only "the recent US-South Korean aerial exercise": dated to the article's month at
    # month precision, never to the article's day.
    assert len(exercises) == 1
    exercise = exercises.iloc[0]
    assert (exercise["date"], exercise["date_precision"]) == (pd.Timestamp("2025-02-01"), "month")
    assert exercise["actor"] == "US-ROK"
    assert not (seed_events["date"] == pd.Timestamp("2025-02-28")).any()


def test_event_ids_are_stable_and_unique(seed_articles, seed_events):
    again = ak.extract_events(seed_articles)
    assert again["event_id"].tolist() == seed_events["event_id"].tolist()
    assert seed_events["event_id"].is_unique
    assert list(seed_events.columns) == EVENT_COLUMNS


def test_sentence_ids_match_ak_sentences(seed_articles, seed_events):
    sents = ak.sentences(seed_articles)
    given = ak.extract_events(seed_articles, sentences=sents)
    pd.testing.assert_frame_equal(given, seed_events)
    texts = sents.set_index(["article_id", "sentence_id"])["text"]
    for event in seed_events.itertuples():
        assert event.evidence.startswith(texts[(event.article_id, event.sentence_id)])


# ---------------------------------------------------------------- asserted, negated, hypothetical


def only_event(date: str, text: str) -> pd.Series:
    events = ak.extract_events(written((date, text)))
    assert len(events) == 1, events
    return events.iloc[0]


def test_a_plain_report_with_class_and_weekday():
    e = only_event(
        "2025-03-12",
        "North Korea fired two short-range ballistic missiles into "
        "the sea on Monday, South Korea's military said.",
    )
    assert (e["event_type"], e["missile_class"], e["date"]) == (
        "missile_launch",
        "srbm",
        pd.Timestamp("2025-03-10"),
    )
    assert not e["historical"]


def test_an_undated_lead_is_unresolved_with_the_article_day_as_upper_bound():
    e = only_event("2024-01-14", "North Korea launched a ballistic missile toward the sea.")
    assert pd.isna(e["date"])  # never a made-up day
    assert (e["date_last"], e["date_precision"], e["date_text"], e["confidence"]) == (
        pd.Timestamp("2024-01-14"),
        "unresolved",
        "",
        "low",
    )


def test_undated_mentions_in_one_article_are_one_event():
    events = ak.extract_events(
        written(
            (
                "2024-01-14",
                "North Korea launched a ballistic missile toward the sea. "
                "The missile launch drew protests from Seoul and Tokyo.",
            )
        )
    )
    assert len(events) == 1
    assert events.iloc[0]["evidence"].count(" … ") == 1


def test_satellite_launch_is_not_a_missile_launch():
    e = only_event(
        "2023-11-23", "North Korea launched a military reconnaissance satellite on Tuesday."
    )
    assert (e["event_type"], e["date"]) == ("satellite_launch", pd.Timestamp("2023-11-21"))


def test_explicit_past_date_is_historical():
    e = only_event("2025-02-28", "North Korea fired an ICBM on Nov. 18, 2022.")
    assert (e["date"], e["missile_class"], e["historical"]) == (
        pd.Timestamp("2022-11-18"),
        "icbm",
        True,
    )


def test_first_term_is_resolved_through_the_milestones():
    e = only_event("2025-02-28", "Mr Trump held a summit with Mr Kim in his first term.")
    assert e["event_type"] == "summit" and e["historical"]
    assert (e["date"], e["date_last"], e["date_precision"]) == (  # the term's own days
        pd.Timestamp("2017-01-20"),
        pd.Timestamp("2021-01-20"),
        "year",
    )


@pytest.mark.parametrize(
    "text",
    [
        "North Korea did not fire any missiles on Monday.",
        "North Korea didn't launch a missile during the holiday.",
        "There was no sign of a nuclear test at the site this week.",
        "South Korea said the North had never conducted a nuclear test in winter.",
        "Seoul said Pyongyang refrained from missile launches in January.",
    ],
)
def test_negated_mentions_make_no_event(text):
    assert ak.extract_events(written(("2025-02-28", text))).empty


@pytest.mark.parametrize(
    "text",
    [
        "Experts say North Korea could conduct a seventh nuclear test at any time.",
        "North Korea plans to launch a reconnaissance satellite next month.",
        "Mr Trump vowed to hold a summit with Mr Kim.",
        "Pyongyang may fire an ICBM soon, analysts warned.",
        "North Korea is expected to test-fire missiles around the anniversary.",
        "The summit would take place in Singapore.",
        "Officials said new sanctions were possible if the North fires another missile.",
    ],
)
def test_hypothetical_mentions_make_no_event(text):
    assert ak.extract_events(written(("2025-02-28", text))).empty


def test_no_trigger_no_event_and_bad_input_is_named():
    assert ak.extract_events(written(("2025-02-28", "Talks stalled; nobody moved."))).empty
    with pytest.raises(ValueError, match="text"):
        ak.extract_events(pd.DataFrame({"article_id": ["a"], "date": [pd.Timestamp(0)]}))


def test_a_broken_rule_file_is_named(tmp_path):
    broken = tmp_path / "rules.yml"
    broken.write_text(
        ak.paths.DATA_DIR.joinpath("event_rules.yml")
        .read_text()
        .replace("  summit:\n", "  summmit:\n")
    )
    with pytest.raises(ValueError, match=r"rules\.yml.*summmit"):
        load_event_rules(broken)


def test_missile_classes_come_from_the_lexicon_weapon_patterns(tmp_path):
    launch = written(("2023-07-13", "North Korea launched a Hwasong-18 on Wednesday."))
    e = ak.extract_events(launch).iloc[0]
    assert (e["missile_class"], e["date"]) == ("icbm", pd.Timestamp("2023-07-12"))
    lexicon = ak.paths.DATA_DIR.joinpath("lexicon.yml").read_text(encoding="utf-8")
    edited = tmp_path / "lexicon.yml"  # an analyst drops the name
    edited.write_text(lexicon.replace("        - Hwasong-18\n", ""), encoding="utf-8")
    rules = load_event_rules(lexicon=edited)
    assert pd.isna(ak.extract_events(launch, rules=rules).iloc[0]["missile_class"])
    renamed = tmp_path / "renamed.yml"  # a weapon tag that is no class
    renamed.write_text(lexicon.replace("    ballistic:\n", "    rocket:\n"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"renamed\.yml.*rocket.*not missile classes"):
        load_event_rules(lexicon=renamed)


# ---------------------------------------------------------------- de-duplication

REPORTS = written(
    (
        "2025-01-14",
        "North Korea fired several short-range ballistic missiles on Tuesday, "
        "South Korea's Joint Chiefs of Staff said.",
    ),
    ("2025-01-15", "Japan said North Korea launched ballistic missiles yesterday."),
    ("2025-01-15", "KCNA said the North test-fired missiles a day earlier."),
    ("2025-01-31", "North Korea has fired missiles this year, raising tension."),
    ("2025-01-26", "North Korea fired cruise missiles on Saturday."),
)


def test_dedupe_merges_reports_of_one_launch():
    distinct = ak.dedupe_events(ak.extract_events(REPORTS))
    launches = distinct[distinct["event_type"] == "missile_launch"]
    jan14 = launches[launches["date"] == pd.Timestamp("2025-01-14")].iloc[0]
    assert jan14["n_reports"] == 3
    assert jan14["missile_class"] == "srbm"  # the most specific class reported
    assert jan14["date_precision"] == "day"
    assert set(jan14["article_ids"].split("|")) == set(REPORTS["article_id"][:3])
    cruise = launches[launches["missile_class"] == "cruise"]
    assert len(cruise) == 1 and cruise.iloc[0]["date"] == pd.Timestamp("2025-01-25")
    # "fired missiles this year" fits both January events: ambiguous, so it stays apart
    assert (launches["date_precision"] == "year").sum() == 1
    assert len(launches) == 3


def test_dedupe_keeps_the_events_dtypes_with_rows_or_without():
    events = ak.extract_events(REPORTS)
    for frame in (events, events.iloc[:0]):
        distinct = ak.dedupe_events(frame)
        shared = [c for c in events.columns if c in distinct.columns]
        assert distinct[shared].dtypes.equals(events[shared].dtypes)
        assert distinct["n_reports"].dtype == "int64" and distinct["historical"].dtype == bool


def test_dedupe_names_every_date_precision_it_accepts():
    events = ak.extract_events(REPORTS)
    with pytest.raises(ValueError, match="expected day, week, month, year, unresolved"):
        ak.dedupe_events(events.assign(date_precision="fortnight"))


def test_dedupe_reads_events_without_report_date_and_keeps_it_when_given():
    events = ak.extract_events(REPORTS)
    assert "report_date" in ak.dedupe_events(events).columns
    assert "report_date" not in ak.dedupe_events(events.drop(columns="report_date")).columns


def test_dedupe_keeps_precise_date_and_joins_an_unambiguous_vague_report():
    events = ak.extract_events(
        written(
            ("2023-07-12", "North Korea fired an ICBM on Wednesday."),
            ("2023-08-20", "North Korea fired an ICBM last month."),
        )
    )
    distinct = ak.dedupe_events(events)
    assert len(distinct) == 1
    row = distinct.iloc[0]
    assert (row["date"], row["date_precision"], row["n_reports"]) == (
        pd.Timestamp("2023-07-12"),
        "day",
        2,
    )


def test_dedupe_respects_window_and_class():
    events = ak.extract_events(
        written(
            ("2022-11-03", "North Korea fired an ICBM on Thursday."),
            ("2022-11-05", "North Korea fired short-range missiles on Saturday."),
            ("2022-11-06", "North Korea fired an ICBM on Sunday."),
        )
    )
    assert len(ak.dedupe_events(events, window_days=1)) == 3
    assert len(ak.dedupe_events(events, window_days=3)) == 2  # the two ICBM reports


def test_dedupe_output_is_parquet_safe(tmp_path):
    distinct = ak.dedupe_events(ak.extract_events(REPORTS))
    path = tmp_path / "events.parquet"
    distinct.to_parquet(path)
    back = pd.read_parquet(path)
    assert back["article_ids"].tolist() == distinct["article_ids"].tolist()


# ---------------------------------------------------------------- counts and ordinals


def test_counts_per_year_on_the_curated_chronology(chronology):
    counts = ak.count_events(chronology, start="2018-01-01")["events"]
    assert {d.year: n for d, n in counts.items()} == {
        2018: 0,
        2019: 14,
        2020: 5,
        2021: 7,
        2022: 37,
        2023: 25,
        2024: 19,
        2025: 11,
    }


def test_counts_by_class_and_month_are_zero_filled(chronology):
    by_class = ak.count_events(chronology, by="missile_class", start="2018-01-01")
    assert by_class.loc["2018-01-01"].eq(0).all()
    assert by_class.sum(axis=1).tolist() == [0, 14, 5, 7, 37, 25, 19, 11]
    assert by_class.loc["2025-01-01", "cruise"] >= 2  # Jan 25 and Feb 26
    months = ak.count_events(
        chronology[chronology["date"].dt.year == 2025],
        freq="MS",
        start="2025-01-01",
        end="2025-12-31",
    )
    assert len(months) == 12 and months["events"].sum() == 11
    assert months.loc["2025-01-01", "events"] == 3  # Jan 6, 14, 25


def test_counts_by_class_give_satellite_launches_their_own_column(chronology):
    by_class = ak.count_events(chronology, by="missile_class", start="2018-01-01")
    # The satellite launches of 2023-05-31, 2023-08-24, 2023-11-21 and 2024-05-27.
    assert by_class["satellite"].to_dict() == {
        pd.Timestamp(f"{year}-01-01"): {2023: 3, 2024: 1}.get(year, 0) for year in range(2018, 2026)
    }
    assert "unstated" not in by_class  # every counted missile has a class
    assert list(by_class.columns) == [c for c in CLASS_COLUMNS if c in by_class.columns]
    assert list(by_class.columns)[:2] == ["cruise", "srbm"]


def test_counts_by_class_keep_unstated_for_an_unnamed_missile_class():
    events = ak.extract_events(
        written(
            ("2024-04-20", "North Korea fired cruise missiles on Friday, KCNA said."),
            ("2024-05-28", "North Korea launched a reconnaissance satellite on Monday."),
            ("2024-05-31", "North Korea fired a barrage of missiles on Thursday."),
        )
    )
    counts = ak.count_events(events, by="missile_class")
    assert list(counts.columns) == ["cruise", "satellite", "unstated"]
    assert counts.loc["2024-01-01"].tolist() == [1, 1, 1]
    # A value outside the vocabulary (an analyst's own label) goes after it.
    labelled = events.assign(missile_class=["Hwasal-1", pd.NA, "srbm"])
    counts = ak.count_events(labelled, by="missile_class")
    assert list(counts.columns) == ["srbm", "satellite", "Hwasal-1"]


def test_counts_on_extracted_events(seed_events):
    counts = ak.count_events(seed_events, by="event_type")
    assert counts.loc["2025-01-01", "missile_launch"] == 1
    assert counts.loc["2018-01-01", "summit"] == 1
    assert counts.loc["2020-01-01"].eq(0).all()  # zero-filled gap
    with pytest.raises(ValueError, match="freq"):
        ak.count_events(seed_events, freq="W")
    with pytest.warns(UserWarning, match="1 undated or year-precision"):
        months = ak.count_events(seed_events, freq="MS")  # the 2018 summits row
    assert months["events"].sum() == len(seed_events) - 1


def test_event_ordinal_on_the_curated_chronology(chronology):
    assert ak.event_ordinal(chronology, "2025-02-26") == 4
    assert ak.event_ordinal(chronology, "2025-02-26", since="2025-01-20") == 2
    assert ak.event_ordinal(chronology, "2025-01-06") == 1
    # a cruise-only tally: Jan 25 and Feb 26
    assert ak.event_ordinal(chronology, "2025-02-26", missile_class="cruise") == 2


def test_event_ordinal_by_class_names_a_missing_class_column(chronology):
    days = chronology[["date", "event_type"]]
    assert ak.event_ordinal(days, "2025-02-26") == 4  # no class asked: none needed
    with pytest.raises(ValueError, match="lacks column.*missile_class"):
        ak.event_ordinal(days, "2025-02-26", missile_class="cruise")


def test_counts_between_start_and_end_count_only_the_days_in_range(chronology):
    # 19 counted launch days in 2024: 14 from 1 January to 30 June, 5 after.
    assert ak.count_events(chronology, "YS", end="2024-06-30")["events"].iloc[-1] == 14
    second_half = ak.count_events(chronology, "YS", start="2024-07-01", end="2024-12-31")
    assert second_half["events"].to_dict() == {pd.Timestamp("2024-01-01"): 5}
    # inclusive days: the counted 2025-12-28 launch is in a range ending that day
    december = ak.count_events(chronology, "MS", start="2025-12-28", end="2025-12-28")
    assert december["events"].tolist() == [1]


def test_a_vague_date_straddling_start_or_end_is_left_out_with_a_warning(seed_events):
    # The seed's 2018 summits row is dated to the year only: it may lie before June.
    with pytest.warns(UserWarning, match="1 .*partly outside"):
        counts = ak.count_events(seed_events, by="event_type", start="2018-06-01")
    assert "summit" not in counts  # its only summit row was left out
    assert counts.loc["2025-01-01", "missile_launch"] == 1


def test_counts_by_class_count_launches_only():
    events = ak.extract_events(
        written(
            ("2019-05-10", "North Korea fired two short-range ballistic missiles on Thursday."),
            ("2019-07-01", "Trump and Kim held a summit at Panmunjom on Sunday."),
        )
    )
    assert set(events["event_type"]) == {"missile_launch", "summit"}
    counts = ak.count_events(events, by="missile_class")
    assert counts.to_dict("list") == {"srbm": [1]}
    assert ak.count_events(events)["events"].tolist() == [2]  # by=None counts every type


def test_term_labels_take_any_roman_numeral_and_a_bad_one_is_named():
    # Made-up term rows (written by this project for this test), not real milestones.
    milestones = pd.DataFrame(
        {
            "date": pd.to_datetime(["2001-01-20", "2005-01-20", "2009-01-20", "2013-01-20"]),
            "end_date": pd.NaT,
            "kind": "term",
            "label": ["Example", "Example V", "Example IX", "Example XIV"],
        }
    )
    terms = terms_from_milestones(milestones)
    assert [(t.who, t.ordinal) for t in terms] == [
        ("Example", 1),
        ("Example", 5),
        ("Example", 9),
        ("Example", 14),
    ]
    with pytest.raises(ValueError, match="'Example IIII'"):
        terms_from_milestones(
            milestones.assign(label=["Example", "Example IIII", "Example IX", "Example XIV"])
        )


# ---------------------------------------------------------------- rules of issue 10, round 2


def test_a_fronted_time_dates_a_launch_noun_in_its_clause():
    events = ak.extract_events(
        written(
            (
                "2025-03-20",
                "North Korea fired a short-range ballistic missile on Tuesday. "
                "Three weeks ago, Pyongyang botched its launch of a Musudan "
                "intermediate-range ballistic missile.",
            )
        )
    )
    news = events[events["realis"] == "actual"]
    assert len(news) == 1 and news.iloc[0]["missile_class"] == "srbm"
    old = events[events["realis"] == "historical"]
    assert len(old) == 1 and old.iloc[0]["date_precision"] == "week"


def test_a_launch_dated_after_the_report_is_no_news_of_that_day():
    e = only_event("2025-03-05", "The North test-fired an ICBM on March 20, the military said.")
    assert e["realis"] == "historical"


def test_a_month_named_launch_does_not_lend_its_class_to_a_dated_one():
    events = ak.extract_events(
        written(
            (
                "2025-04-18",
                "North Korea tried to launch a missile on Wednesday, but it blew up. "
                "The North launched an intermediate-range ballistic missile earlier this month.",
            )
        )
    )
    day = events[events["date_precision"] == "day"].iloc[0]
    assert pd.isna(day["missile_class"])


def test_a_celebrated_launch_happened_whatever_negates_the_celebrating():
    e = only_event(
        "2016-02-10",
        "The general was not seen at the rallies held to celebrate the successful "
        "launch of a satellite on Sunday.",
    )
    assert (e["event_type"], e["realis"], e["date"]) == (
        "satellite_launch",
        "actual",
        pd.Timestamp("2016-02-07"),
    )


def test_a_just_perfect_is_news_and_a_bare_perfect_background():
    e = only_event("2025-03-05", "North Korea has just tested a long-range missile.")
    assert (e["realis"], e["missile_class"]) == ("actual", "icbm")
    mentions = ak.extract_events(
        written(("2025-03-05", "North Korea has tested a long-range missile.")),
        all_mentions=True,
    )
    assert mentions["realis"].tolist() == ["historical"]


@pytest.mark.parametrize(
    "text, cls",
    [
        # a known name states the class it was known by (annotation guide, section 1)
        ("The North fired two Scuds into the sea on Tuesday.", "srbm"),
        ("The North test-fired a Scud-type ballistic missile on Tuesday.", "srbm"),
        # the extended-range Scud was not known as short-range: no range class stated
        ("The North fired an extended-range Scud on Tuesday.", "ballistic"),
        ("The North fired a Scud-ER on Tuesday.", "ballistic"),
    ],
)
def test_a_scud_is_short_range_but_not_its_extended_range_version(text, cls):
    assert only_event("2025-03-05", text)["missile_class"] == cls


@pytest.mark.parametrize(
    "later",
    [
        "The Scud missile in that earlier launch fell into the sea.",
        "Its previous ICBM test had failed.",
    ],
)
def test_an_undated_earlier_launch_is_background_and_lends_the_news_no_class(later):
    text = "North Korea fired a missile on Sunday. " + later
    mentions = ak.extract_events(written(("2017-04-18", text)), all_mentions=True)
    assert mentions["realis"].tolist() == ["actual", "historical"]
    e = only_event("2017-04-18", text)
    assert (e["date"], e["missile_class"]) == (pd.Timestamp("2017-04-16"), None)


def test_an_earlier_launch_of_the_same_day_is_still_news():
    mentions = ak.extract_events(
        written(("2017-04-18", "North Korea earlier fired a missile, the ministry said.")),
        all_mentions=True,
    )
    assert mentions["realis"].tolist() == ["actual"]


def test_a_submarine_launch_is_slbm_and_we_in_a_quote_is_not_the_dprk():
    e = only_event("2025-03-05", "The North fired a ballistic missile from a submarine on Tuesday.")
    assert e["missile_class"] == "slbm"
    e = only_event("2025-03-05", '"We have just launched dozens of missiles," the admiral said.')
    assert e["actor"] != "DPRK"


@pytest.mark.parametrize(
    "text, actor",
    [
        # "its test" is the nearest state's, not the person's between them
        (
            "North Korea handed President Donald Trump a hard choice with its "
            "newest missile test on Tuesday.",
            "DPRK",
        ),
        ("The US condemned North Korea for its missile launch on Tuesday.", "DPRK"),
        # "between X and Y" names a relation, not who launched
        (
            "Talks between the US and South Korea went on after the missile test on Tuesday.",
            "DPRK",
        ),
        ("The US and South Korea fired missiles into the sea on Tuesday.", "US"),
    ],
)
def test_the_actor_of_its_launch_and_of_a_launch_after_between(text, actor):
    assert only_event("2025-03-05", text)["actor"] == actor


@pytest.mark.parametrize(
    "text, actor",
    [
        # a party reacting to a launch noun did not launch it
        ("China condemned the missile launch on Tuesday.", "DPRK"),
        ("Japan protests the missile launch on Tuesday.", "DPRK"),
        ("President Trump was briefed on the missile test on Tuesday.", "DPRK"),
        ("Japan's UN ambassador called the missile launch on Tuesday an outrage.", "DPRK"),
        ("Japan convened its cabinet in response to the missile launch on Tuesday.", "DPRK"),
        # a verb that is no reaction leaves its subject the launcher
        ("The Pentagon rescheduled a missile test for Tuesday.", "US"),
        # a party that does it, owns it or acts in it did
        ("The United States conducted a missile launch on Tuesday.", "US"),
        ("Pyongyang's missile launch on Tuesday failed.", "DPRK"),
        ("A US warship shot down a ballistic missile in a test off Hawaii on Tuesday.", "US"),
        # the parties of a reporting frame are not the launch's in its "that" clause
        ("Seoul and Washington agreed that the missile launch on Tuesday was illegal.", "DPRK"),
        # another state is a party too: its launch is not the DPRK's default
        ("Iran test-fired a ballistic missile on Tuesday.", "other"),
        # but not where it is the venue
        ("At talks in Warsaw, Poland, leaders discussed the missile launch on Tuesday.", "DPRK"),
    ],
)
def test_who_launched_a_launch_noun_by_the_grammar_around_it(text, actor):
    assert only_event("2025-03-05", text)["actor"] == actor


@pytest.mark.parametrize(
    "text, actor",
    [
        (
            "In Tuesday's test, an interceptor missile was launched and hit a target ICBM.",
            "unknown",
        ),
        ("The agency launched a mock ICBM from the atoll on Tuesday.", "unknown"),
        ("The Pentagon launched a mock ICBM from the atoll on Tuesday.", "US"),
        # a sentence of intercepting, with no party named
        ("A missile launched from the range on Tuesday was tracked, then intercepted.", "unknown"),
        ("North Korea fired a missile on Tuesday, and Japan did not intercept it.", "DPRK"),
    ],
)
def test_a_missile_defence_tests_target_or_interceptor_is_no_dprk_launch(text, actor):
    mentions = ak.extract_events(written(("2025-03-05", text)), all_mentions=True)
    assert mentions["actor"].tolist() == [actor]


def test_rules_without_the_missile_defence_words_still_load(tmp_path):
    from analystkit.event_rules import RULES_PATH

    text = RULES_PATH.read_text(encoding="utf-8")
    start = text.index("  # A word right before what is launched")
    path = tmp_path / "rules.yml"
    path.write_text(text[:start] + text[text.index("  support_verbs:", start) :], "utf-8")
    rules = load_event_rules(path)
    text = "The agency launched a mock ICBM from the atoll on Tuesday."
    assert ak.extract_events(written(("2025-03-05", text)), rules=rules)["actor"].tolist() == [
        "DPRK"
    ]  # the default, with nothing to say otherwise


def test_another_state_is_no_party_of_a_summit_it_hosts():
    text = "Kim Jong Un and Donald Trump held a summit in Hanoi, Vietnam, on Wednesday."
    assert ak.extract_events(articles_of(text))["actor"].tolist() == ["US-DPRK"]


def test_a_launch_nouns_date_set_off_by_commas_dates_it():
    e = only_event("2017-05-03", "Its newest missile test, on Saturday, ended in failure.")
    assert (e["realis"], e["date"]) == ("actual", pd.Timestamp("2017-04-29"))


@pytest.mark.parametrize(
    "text",
    [
        "Lately the North has fired rockets over Japan and carried out its fifth nuclear test.",
        "On Tuesday the North carried out a nuclear test to show its missiles can carry one.",
    ],
)
def test_a_nuclear_test_is_no_missile_launch_and_a_place_is_no_actor(text):
    events = ak.extract_events(written(("2016-09-12", text)), all_mentions=True)
    assert events.loc[events["event_type"] == "nuclear_test", "actor"].tolist() == ["DPRK"]
    launches = events[events["event_type"] == "missile_launch"]
    assert launches["realis"].ne("actual").all()


def test_likely_before_a_class_hedges_the_class_not_the_launch():
    e = only_event(
        "2025-03-05",
        "An adviser said the missile test on Sunday was likely a medium-range missile.",
    )
    assert (e["realis"], e["missile_class"]) == ("actual", "mrbm")


def test_coordinated_days_are_one_launch_each():
    events = ak.extract_events(
        written(("2025-07-30", "The North test-fired ICBMs on July 3 and July 28, Seoul said."))
    )
    by_day = events.set_index("date")["realis"].to_dict()
    assert by_day == {
        pd.Timestamp("2025-07-03"): "historical",
        pd.Timestamp("2025-07-28"): "actual",
    }


def test_who_acts_is_the_roster_in_the_years_of_each_role():
    text = "Kim Jong Un and Donald Trump held a summit in Hanoi on Wednesday."
    in_office = articles_of(text)
    before = in_office.assign(date=pd.Timestamp("2012-03-01"))
    assert ak.extract_events(in_office)["actor"].tolist() == ["US-DPRK"]
    assert ak.extract_events(before)["actor"].tolist() == ["DPRK"]  # not yet president
    talks = ak.extract_events(articles_of("Ukraine and Russia held talks in Istanbul on Monday."))
    assert talks["actor"].tolist() == ["Russia-Ukraine"]  # a roster name of group other


def test_russia_s_security_council_is_russia_not_the_un():
    text = "Kim Jong Un met the secretary of the Russian Security Council on Monday."
    assert ak.extract_events(articles_of(text))["actor"].tolist() == ["DPRK-Russia"]


def test_a_news_outlet_reports_and_does_not_act():
    events = ak.extract_events(articles_of("Xinhua said Kim and Putin held a summit on Monday."))
    assert events["actor"].tolist() == ["DPRK-Russia"]
