"""Realis, agent, object and dating of launch mentions, and link_events. Every sentence
here was written for analystkit's tests; none is quoted from an article."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from facts import written

import analystkit as ak

THURSDAY = "2025-03-06"


def mentions(text: str, date: str = THURSDAY) -> pd.DataFrame:
    frame = ak.extract_events(written((date, text)), all_mentions=True)
    return frame[frame["event_type"].isin(["missile_launch", "satellite_launch"])]


def realis_of(text: str, date: str = THURSDAY) -> str:
    found = mentions(text, date)
    assert len(found) == 1, found
    return found.iloc[0]["realis"]


def news(text: str, date: str = THURSDAY) -> pd.DataFrame:
    events = ak.extract_events(written((date, text)))
    return events[
        (events["realis"] == "actual")
        & (events["actor"] == "DPRK")
        & events["event_type"].isin(["missile_launch", "satellite_launch"])
    ]


@pytest.mark.parametrize(
    "text, realis",
    [
        # cessation nouns and prevention verbs scope over the launches they govern
        (
            "Analysts praised the country's suspension of nuclear tests and missile launches.",
            "ceased",
        ),
        ("The envoy urged Pyongyang to stop launching ballistic missiles.", "ceased"),
        ("Seoul asked the North to refrain from missile tests during the games.", "ceased"),
        ("Officials debated a moratorium on long-range missile tests.", "ceased"),
        ("The leader said that missile launches will be discontinued.", "ceased"),
        # called off, put off: it did not happen
        ("The Pentagon delayed a scheduled missile test on Tuesday.", "ceased"),
        ("The North postponed its planned satellite launch.", "ceased"),
        # negation, modals, planning, infinitives
        ("The North did not fire any missiles during the holiday.", "negated"),
        ("Pyongyang could launch an intercontinental missile within days.", "hypothetical"),
        ("Commercial images suggest it is preparing to launch a rocket.", "planned"),
        ("The regime wants to test-fire a missile that can reach Guam.", "hypothetical"),
        ("It threatened to fire missiles toward the island.", "hypothetical"),
        # habits and kinds
        ("North Korea regularly fires short-range missiles into the sea.", "generic"),
        ("Its missile launches have unsettled the region.", "generic"),
        # aspect: a perfect without a time is background; "said it had" is the news
        ("Pyongyang has launched intercontinental missiles before.", "historical"),
        ("The North has previously staged rocket launches on anniversaries.", "historical"),
        # a support verb's perfect, however far before the noun ("has conducted several …")
        ("Pyongyang has conducted several successful ballistic missile launches.", "historical"),
        ("State media said the country had test-fired a new cruise missile.", "actual"),
        ("The North attempted to launch a missile early on Wednesday.", "actual"),
    ],
)
def test_realis_of_a_launch_mention(text, realis):
    assert realis_of(text) == realis


def test_may_the_month_does_not_cancel_a_launch_but_may_the_modal_does():
    e = news("North Korea fired two short-range missiles on May 9.", "2025-05-12")
    assert (e.iloc[0]["date"], e.iloc[0]["missile_class"]) == (pd.Timestamp("2025-05-09"), "srbm")
    assert realis_of("North Korea may fire two missiles on Friday.") == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "KCNA said the farm workers launched a political drive in the Hwasong district.",
        "The ministry launched a campaign against missile proliferation.",
        "The two sides traded artillery fire on Tuesday near the border.",
    ],
)
def test_no_launched_thing_in_the_clause_no_missile_launch(text):
    assert (
        mentions(text).empty or not (mentions(text)["realis"] == "actual").any() or news(text).empty
    )


@pytest.mark.parametrize(
    "text, actor",
    [
        ("South Korea's military said North Korea fired a ballistic missile on Tuesday.", "DPRK"),
        ("Russia fired cruise missiles at Kyiv on Tuesday, Ukraine said.", "Russia"),
        ("The US and South Korea fired missiles into the sea on Tuesday in response.", "US"),
        ("Japan said a missile launched on Tuesday by North Korea fell into the sea.", "DPRK"),
        (
            "The Missile Administration conducted a test-fire of a new cruise missile on Tuesday.",
            "DPRK",
        ),
    ],
)
def test_the_agent_is_the_party_in_the_triggers_clause_not_the_source(text, actor):
    assert mentions(text).iloc[0]["actor"] == actor


def test_a_submarine_launched_class_word_is_not_a_launch_and_classes_the_missile():
    e = news("It said it had test-fired a new missile designed for submarine launch on Tuesday.")
    assert len(e) == 1 and e.iloc[0]["date"] == pd.Timestamp("2025-03-04")
    assert mentions("The video shows a submarine-launched missile hitting a city.").empty


def test_the_dateline_dates_the_report_and_weekdays_count_back_from_it():
    text = (
        "Pyongyang, March 4 (KCNA) -- The Missile Administration conducted a "
        "test-fire of a strategic cruise missile on Monday."
    )
    e = news(text, THURSDAY).iloc[0]
    assert (e["date"], e["report_date"], e["date_text"]) == (
        pd.Timestamp("2025-03-03"),
        pd.Timestamp("2025-03-04"),
        "on Monday",
    )


def test_a_date_of_another_clause_does_not_date_the_launch():
    e = news(
        "North Korea fired a missile into the sea, hours after the envoy's visit "
        "Sunday to a sumo tournament."
    ).iloc[0]
    assert (e["date_precision"], e["date_last"]) == ("unresolved", pd.Timestamp(THURSDAY))
    assert pd.isna(e["date"])


def test_a_fronted_date_dates_the_launch_across_a_comma():
    e = news("On Tuesday, North Korea fired a ballistic missile.").iloc[0]
    assert e["date"] == pd.Timestamp("2025-03-04")


@pytest.mark.parametrize(
    "text, first, last, precision",
    [
        ("North Korea fired a missile last week.", "2025-02-24", "2025-03-02", "week"),
        ("North Korea fired a missile over the weekend.", "2025-03-01", "2025-03-02", "week"),
        ("North Korea fired a missile two days ago.", "2025-03-04", "2025-03-04", "day"),
        ("North Korea fired a missile earlier this month.", "2025-03-01", "2025-03-31", "month"),
    ],
)
def test_relative_expressions_keep_the_precision_they_deserve(text, first, last, precision):
    e = news(text).iloc[0]
    assert (e["date"], e["date_last"], e["date_precision"]) == (
        pd.Timestamp(first),
        pd.Timestamp(last),
        precision,
    )


def test_a_weekday_naming_the_day_after_a_us_dated_report_is_that_day():
    e = news("North Korea fired a missile early Saturday, officials said.", "2025-03-07").iloc[
        0
    ]  # a Friday
    assert e["date"] == pd.Timestamp("2025-03-08")


def test_background_more_than_seven_days_old_is_historical():
    e = ak.extract_events(written((THURSDAY, "North Korea fired a missile on Feb. 20.")))
    assert e.iloc[0]["realis"] == "historical" and e.iloc[0]["historical"]


@pytest.mark.parametrize(
    ("day", "realis"),
    [("2025-03-27", "historical"), ("2025-03-06", "actual")],
)
def test_earlier_this_month_late_in_the_month_is_background(day, realis):
    text = "Earlier this month, the Treasury imposed sanctions on four shipping firms."
    e = ak.extract_events(written((day, text)))
    assert e["realis"].tolist() == [realis]


def test_a_day_before_for_and_a_gerund_is_the_main_verbs():
    # the protest was on Sunday; the measures it protests came before, on no stated day
    text = "Pyongyang denounced Washington on Sunday for slapping fresh sanctions on its banks."
    e = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    assert e[["event_type", "realis", "date_precision"]].values.tolist() == [
        ["sanctions", "actual", "unresolved"]
    ]


@pytest.mark.parametrize(
    "text, realis",
    [
        # an example named after "including" shares the cues of its head noun
        (
            "Seoul will seek every possible step, including new sanctions on the regime.",
            "hypothetical",
        ),
        ("The allies took many steps, including new sanctions on the regime on Monday.", "actual"),
    ],
)
def test_an_example_after_including_reads_as_its_head(text, realis):
    assert events_of(text, "sanctions") == [realis]


@pytest.mark.parametrize(
    "text, event_type, realis",
    [
        # an undated measure, drill or meeting told as the earlier cause: background
        (
            "The North issued threats after the allies imposed new sanctions.",
            "sanctions",
            "historical",
        ),
        (
            "Tension rose in the wake of joint naval drills held by the allies.",
            "military_exercise",
            "historical",
        ),
        # dated, it is placed by its date; a launch is placed by the chronology
        (
            "The North issued threats after the allies imposed sanctions on Monday.",
            "sanctions",
            "actual",
        ),
        ("Tokyo protested after North Korea fired a missile.", "missile_launch", "actual"),
        # after a reporting verb, the occasion of the words
        (
            "The US envoy said after he met his Chinese counterpart that it went well.",
            "talks",
            "actual",
        ),
    ],
)
def test_an_undated_cause_after_after_is_background(text, event_type, realis):
    assert events_of(text, event_type) == [realis]


def test_confidence_says_how_sure_date_and_class_are():
    sure = news("North Korea fired an ICBM on Tuesday.").iloc[0]
    vague = news("North Korea fired a missile into the sea.").iloc[0]
    assert (sure["confidence"], vague["confidence"]) == ("high", "low")


# ---------------------------------------------------------------- link_events

CHRONOLOGY = pd.DataFrame(
    {
        "date": pd.to_datetime(["2025-03-04", "2025-03-01", "2025-02-10"]),
        "event_type": ["missile_launch", "missile_launch", "satellite_launch"],
        "missile_class": ["icbm", "srbm", None],
        "counted": [True, True, True],
    }
)


@pytest.mark.parametrize(
    "text, status, day",
    [
        ("North Korea fired an ICBM on Tuesday.", "exact", "2025-03-04"),
        (
            "North Korea fired an ICBM on Monday night, US officials said.",
            "time zone",
            "2025-03-04",
        ),
        ("North Korea fired a missile into the sea.", "period", "2025-03-04"),
        ("North Korea fired a missile on Wednesday.", "time zone", "2025-03-04"),
    ],
)
def test_link_events_ties_news_launches_to_chronology_days(text, status, day):
    linked = ak.link_events(ak.extract_events(written((THURSDAY, text))), CHRONOLOGY)
    assert (linked.iloc[0]["link_status"], linked.iloc[0]["linked_date"]) == (
        status,
        pd.Timestamp(day),
    )


def test_an_unlisted_launch_is_kept_for_curation_with_a_warning():
    events = ak.extract_events(written(("2025-04-20", "North Korea fired a missile on Saturday.")))
    with pytest.warns(UserWarning, match="curation"):
        linked = ak.link_events(events, CHRONOLOGY)
    assert linked["link_status"].tolist() == ["none"]
    assert len(linked.attrs["for_curation"]) == 1


def test_the_link_columns_keep_their_dtypes_whatever_links():
    events = ak.extract_events(written((THURSDAY, "North Korea fired an ICBM on Tuesday.")))
    dtypes = {
        "linked_date": "datetime64[us]",
        "linked_class": "str",
        "link_status": "str",
        "link_note": "str",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the unlinked launch is listed for curation
        some = ak.link_events(events, CHRONOLOGY)
        none = ak.link_events(events, CHRONOLOGY.iloc[:0])
        nothing = ak.link_events(events.iloc[:0], CHRONOLOGY)
    assert some["link_status"].tolist() == ["exact"] and none["link_status"].tolist() == ["none"]
    for linked in (some, none, nothing):
        assert linked[list(dtypes)].dtypes.to_dict() == {
            c: pd.api.types.pandas_dtype(t) for c, t in dtypes.items()
        }


def test_distinct_events_link_by_their_earliest_report():
    # Two reports of one ICBM launch "this month": the earlier report bounds its day.
    events = ak.extract_events(
        written(
            ("2025-03-05", "North Korea fired an ICBM earlier this month."),
            ("2025-03-20", "North Korea fired an ICBM this month, Japan said."),
        )
    )
    distinct = ak.dedupe_events(events)
    assert distinct[["n_reports", "report_date"]].values.tolist() == [
        [2, pd.Timestamp("2025-03-05")]
    ]
    assert distinct["report_date"].dtype == events["report_date"].dtype
    linked = ak.link_events(distinct, CHRONOLOGY)
    assert (linked.iloc[0]["link_status"], linked.iloc[0]["linked_date"]) == (
        "period",
        pd.Timestamp("2025-03-04"),
    )


def test_the_seed_launch_links_exactly_and_counts_once(seed_articles, chronology):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        linked = ak.link_events(ak.extract_events(seed_articles), chronology)
    assert linked[["linked_date", "link_status", "linked_class"]].values.tolist() == [
        [pd.Timestamp("2025-02-26"), "exact", "cruise"]
    ]
    counts = ak.count_events(linked, "YS", linked=True)
    assert counts["events"].tolist() == [1]


def test_the_sentences_subject_acts_when_the_clause_names_no_party():
    e = mentions(
        "North Korea, defying a warning from the US president, tried to test a "
        "missile early Tuesday."
    ).iloc[0]
    assert (e["actor"], e["realis"], e["date"]) == ("DPRK", "actual", pd.Timestamp("2025-03-04"))


def test_a_date_expression_holding_a_clause_word_still_dates_the_launch():
    e = news("State media showed its missile launch over the sea a day before.").iloc[0]
    assert e["date"] == pd.Timestamp("2025-03-05")


def test_recent_marks_the_news_but_does_not_date_it():
    e = news("The recent test-fire of the new ICBM broke records.").iloc[0]
    assert (e["date_precision"], e["date_text"]) == ("unresolved", "")


def test_a_date_far_from_the_verb_dates_something_else():
    e = news(
        "North Korea fired a ballistic missile that flew east for a long while and "
        "then dropped into open water well away from land, long before analysts "
        "agreed on it, and a bomb test followed it on Sunday."
    ).iloc[0]
    assert e["date_precision"] == "unresolved"


@pytest.mark.parametrize(
    "text, cls",
    [
        ("The North fired at least one short-range missile on Tuesday.", "srbm"),
        ("The North fired what appeared to be one ballistic missile on Tuesday.", "ballistic"),
        ("North Korea fired a midrange ballistic missile on Tuesday.", "mrbm"),
        ("It said it tested a submarine ballistic missile on Tuesday.", "slbm"),
        ("Officials said the missile North Korea fired on Tuesday was not an ICBM.", None),
    ],
)
def test_the_launched_thing_and_its_class_are_read_in_the_clause(text, cls):
    e = news(text).iloc[0]
    assert e["date"] == pd.Timestamp("2025-03-04")
    assert (None if pd.isna(e["missile_class"]) else e["missile_class"]) == cls


def test_a_relative_clause_takes_its_antecedent_as_agent():
    e = mentions(
        "The president spoke of the US and of North Korea, which on Tuesday "
        "launched another ballistic missile."
    ).iloc[0]
    assert (e["actor"], e["realis"]) == ("DPRK", "actual")


def test_a_rocket_fired_into_space_is_a_satellite_launch():
    found = news("North Korea fired a long-range rocket into space on Tuesday.")
    assert "satellite_launch" in set(found["event_type"])


@pytest.mark.parametrize(
    "text",
    [
        # one of several counted launches, dated in an appositive, is a launch of its day
        "The North's last two missile tests, including one on Tuesday, failed.",
        "Its three missile launches, the latest on Tuesday, drew protests.",
    ],
)
def test_one_dated_launch_of_several_is_news(text):
    found = news(text)
    assert found[["realis", "date"]].values.tolist() == [["actual", pd.Timestamp("2025-03-04")]]


def test_launching_the_noun_names_a_satellite_launch():
    found = news("The North's satellite launching on Tuesday was a success.")
    assert found[["event_type", "realis"]].values.tolist() == [["satellite_launch", "actual"]]


def test_put_is_a_past_tense_too():
    # "put" does not end in -ed: it read as a present habit, and the launch was lost
    found = news("North Korea put a new satellite into orbit on Tuesday.")
    assert found[["event_type", "realis"]].values.tolist() == [["satellite_launch", "actual"]]


@pytest.mark.parametrize(
    "text",
    [
        "Crews raised a missile to an upright firing position on Tuesday.",
        "Crews were seen at the launch pad on Tuesday.",
        "After a run of missile tests this year, the leader promised more.",
        # an idiom: the systems were tried, nothing was launched
        "Missile defence systems were put to the test on Tuesday and failed.",
    ],
)
def test_launch_words_naming_places_or_tallies_are_no_news(text):
    assert news(text).empty


def test_a_date_after_told_dates_the_report():
    e = news("North Korea fired a missile, an official told CNN on Tuesday.").iloc[0]
    assert e["date_precision"] == "unresolved"


def test_a_launch_by_another_party_on_the_same_day_stays_apart():
    events = ak.extract_events(
        written(
            (
                THURSDAY,
                "North Korea fired a ballistic missile on Tuesday. The Pentagon launched an "
                "interceptor missile on Tuesday in a test.",
            )
        )
    )
    assert sorted(events["actor"]) == ["DPRK", "US"]


def test_the_launch_in_an_articles_lead_is_its_news_but_later_only_joins():
    lead = ak.extract_events(
        written((THURSDAY, "The ministry condemned the DPRK's legitimate launch of a missile."))
    )
    assert lead.iloc[0]["date_precision"] == "unresolved"
    later = ak.extract_events(
        written(
            (
                THURSDAY,
                "Talks stalled. Aid fell. Trade slowed. "
                "The ministry condemned the launch of a "
                "missile.",
            )
        )
    )
    assert later.empty


def test_a_partys_launch_is_a_particular_launch_wherever_it_stands():
    # "North Korea's launch of a rocket" names one launch; "the launch of a missile"
    # after the lead only joins one
    later = ak.extract_events(
        written(
            (
                THURSDAY,
                "Talks stalled. Aid fell. Trade slowed. "
                "The council condemned North Korea's launch of a long-range missile.",
            )
        )
    )
    assert later[["event_type", "realis", "date_precision"]].values.tolist() == [
        ["missile_launch", "actual", "unresolved"]
    ]


def test_kcna_strategic_weapon_tests_are_launches():
    e = news(
        "Pyongyang, March 5 (KCNA) -- The enemies took issue with our latest strategic weapon test."
    ).iloc[0]
    assert (e["event_type"], e["date_last"]) == ("missile_launch", pd.Timestamp("2025-03-05"))


def test_a_vague_date_does_not_outweigh_a_generic_cue():
    assert realis_of("The leader hailed a run of missile tests this year.") == "generic"
    assert realis_of("Officials saw preparations in the North for a missile test.") == "planned"


def test_an_undated_launch_links_to_the_day_after_a_us_dated_report():
    events = ak.extract_events(
        written(("2025-03-03", "North Korea fired a missile into the sea, officials said."))
    )
    linked = ak.link_events(events, CHRONOLOGY)
    assert (linked.iloc[0]["link_status"], linked.iloc[0]["linked_date"]) == (
        "period",
        pd.Timestamp("2025-03-04"),
    )


def test_a_rocket_in_a_satellite_story_is_the_satellite_launch():
    events = news(
        "North Korea fired a long-range rocket on Tuesday. It said the launch "
        "put a satellite into orbit."
    )
    assert events["event_type"].tolist() == ["satellite_launch"]
    assert news("North Korea fired a rocket on Tuesday.")["event_type"].tolist() == [
        "missile_launch"
    ]


def test_an_undated_summary_with_a_bare_plural_only_joins_the_news():
    text = (
        "Talks stalled. Aid fell. Trade slowed. The North tested ballistic missiles "
        "and a bomb in the face of sanctions."
    )
    assert news(text).empty
    assert not news(
        "Talks stalled. Aid fell. Trade slowed. The North fired two missiles into the sea."
    ).empty


def test_each_successive_test_is_generic():
    assert realis_of("With each successive missile test the North moves closer.") == "generic"


def test_a_rocket_named_near_the_trigger_carries_the_satellite_even_if_missiles_appear():
    found = news(
        "North Korea fired a long-range rocket on Tuesday, a step toward a "
        "nuclear-tipped missile. It said it put a satellite into orbit."
    )
    assert found["event_type"].tolist() == ["satellite_launch"]


def test_kcna_first_person_is_the_dprk():
    e = mentions(
        "Pyongyang, March 5 (KCNA) -- The US Navy observed our latest strategic weapon test."
    ).iloc[0]
    assert e["actor"] == "DPRK"
    e = mentions("The US Navy observed our latest missile test.").iloc[0]
    assert e["actor"] == "US"  # not a state's voice: no KCNA dateline


def test_a_600mm_rocket_launcher_test_fire_is_a_launch_artillery_is_not():
    assert not news(
        "Kim watched a test-fire for checking how an upgraded 600mm "
        "multiple rocket launcher performs."
    ).empty
    assert news(
        "The academy conducted a test-fire of 240mm multiple rocket launcher shells on Tuesday."
    ).empty


def test_last_factive_is_the_last_factive_verb_of_the_span_scanned_or_not():
    from analystkit.realis import _last_factive

    text = "Crowds hailed the test, and envoys CONDEMNED the launch of the rocket."
    found = _last_factive(text, 0, text.index("launch"))
    assert found is not None and found.group(0) == "CONDEMNED the "
    assert _last_factive(text, 0, text.index("test")).group(0) == "hailed the "
    assert _last_factive("Envoys watched the launch.", 0, 19) is None
    greek = "Crowds ΗAILED, no, hailed the launch."  # not ASCII: scanned as ever
    assert _last_factive(greek, 0, greek.index("launch")).group(0) == "hailed the "


def nuclear_tests(text: str, date: str = THURSDAY) -> list[tuple[str, str]]:
    """(realis, date precision) of each nuclear test event the article reports."""
    events = ak.extract_events(written((date, text)))
    found = events[events["event_type"] == "nuclear_test"]
    return list(zip(found["realis"], found["date_precision"]))


@pytest.mark.parametrize(
    "text",
    [
        "Had it been a nuclear test, the envoy said, the response would have differed.",
        "Analysts rated the launch a milder step than a nuclear test.",
        "Allies watch for provocations such as a nuclear test.",
        "Troops stand ready to respond to either a nuclear test or an attack.",
        "The North has conducted six nuclear tests.",
        "Its nuclear tests have drawn sanctions for years.",
        "Satellite images show new tunnels at the nuclear test site.",
        "The nuclear test threat suggests the country may act.",
        "Officials fear the North may stage some kind of nuclear test next month.",
    ],
)
def test_a_nuclear_test_named_as_a_kind_a_tally_or_a_counterfactual_is_no_event(text):
    assert nuclear_tests(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("North Korea conducted its seventh nuclear test on Tuesday.", ("actual", "day")),
        ("Seoul condemned the country's seventh nuclear test.", ("actual", "unresolved")),
        ("The North carried out a nuclear test, its state media said.", ("actual", "unresolved")),
        # "recent" marks the news, it does not date it: the month named does
        ("Beijing faulted the latest nuclear test, in January.", ("historical", "month")),
    ],
)
def test_a_nuclear_test_told_as_news_is_one_event(text, expected):
    # reported after the curated list ends (test_nuclear_series reads it against the list)
    assert nuclear_tests(text, "2026-03-05") == [expected]


def test_such_as_lists_examples_inside_one_clause():
    assert realis_of("Allies watch for provocations such as a missile launch.") == "generic"


def events_of(text: str, event_type: str) -> list[str]:
    """The realis of each `event_type` mention of a one-sentence article."""
    found = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    return found.loc[found["event_type"] == event_type, "realis"].tolist()


@pytest.mark.parametrize(
    "text, event_type, realis",
    [
        (
            "Envoys pressed the council to impose new sanctions on the North.",
            "sanctions",
            "hypothetical",
        ),
        ("Seoul and Pyongyang agreed to hold talks in the spring.", "talks", "hypothetical"),
        (
            "The council voted on Monday to impose new sanctions on the North.",
            "sanctions",
            "actual",
        ),
        ("The council imposed new sanctions on the North on Monday.", "sanctions", "actual"),
        ("The Treasury sanctioned two trading firms on Monday.", "sanctions", "actual"),
    ],
)
def test_a_to_infinitive_is_sought_not_done_unless_a_vote_does_it(text, event_type, realis):
    assert events_of(text, event_type) == [realis]


@pytest.mark.parametrize(
    "text",
    [
        "Its economy, already heavily sanctioned, depends on one neighbour.",
        "Trade with the heavily sanctioned state runs through one port.",
    ],
)
def test_being_sanctioned_is_a_state_not_an_event(text):
    assert events_of(text, "sanctions") == []


@pytest.mark.parametrize(
    "text, realis",
    [
        # still to come, seen from before it
        ("The North fired a missile ahead of a summit of the two leaders.", "planned"),
        ("With the approach of the summit, critics warned of a farce.", "planned"),
        ("Envoys met in advance of the summit in Beijing.", "planned"),
        ("Reporters waited for the scheduled summit with Moscow.", "planned"),
        ("The North fired a missile as Trump was due in Seoul for a summit.", "planned"),
        # the topic of talks is still to come; a summit the talks were held at is held
        ("The envoy met Pompeo on Monday for talks on the summit.", "planned"),
        ("Moon and Trump held talks on the sidelines of the G20 summit on Monday.", "actual"),
        # a count of times is a tally, not one summit
        ("Trump and Kim have met three times.", "generic"),
        # before another one, undated: background
        ("Both sides honoured agreements reached at previous summit talks.", "historical"),
        # a past month of its own: background
        ("The treaty was signed at the summit held last June, Kim said.", "historical"),
        ("Xi recalled the warm reception at the April summit with Trump.", "historical"),
        # a habit told after the noun; a day in the clause outweighs it
        ("A summit typically held each spring drew the leaders.", "generic"),
        ("The leaders met on Monday at a summit typically held in Seoul.", "actual"),
    ],
)
def test_summits_still_to_come_before_others_or_habitual_are_not_news(text, realis):
    assert events_of(text, "summit") == [realis]


@pytest.mark.parametrize(
    "text",
    [
        "Kerry's career was a run of endless summits and joint statements.",
        "The three summit meetings of the two leaders marked a new era.",
    ],
)
def test_summits_in_the_plural_are_no_summit_event(text):
    assert events_of(text, "summit") == []


def test_a_date_in_the_clause_dates_a_summit_noun():
    events = ak.extract_events(
        written(("2017-07-07", "Trump and Putin shook hands on Friday at the G-20 summit."))
    )
    summit = events[events["event_type"] == "summit"]
    assert summit[["realis", "date_precision"]].values.tolist() == [["actual", "day"]]
    assert summit["date"].iloc[0] == pd.Timestamp("2017-07-07")


@pytest.mark.parametrize(
    "text, realis",
    [
        # sought, not done: the object of a verb of seeking
        ("The allies pursued fresh sanctions against the regime.", "hypothetical"),
        ("Senators called for new sanctions on the firms.", "hypothetical"),
        ("Seoul wants additional sanctions on the North.", "hypothetical"),
        ("The world needs to raise the pressure with new sanctions.", "hypothetical"),
        ("Envoys are hoping to win support for fresh sanctions.", "hypothetical"),
        # made possible, not taken
        ("The Senate agreed on a bill that allows new sanctions on the banks.", "hypothetical"),
        ("A new law enabling fresh sanctions on shippers has drawn support.", "hypothetical"),
        # worked on, not yet taken
        ("Diplomats deliberated on a new sanctions resolution for weeks.", "planned"),
        ("The envoys were negotiating the text of a sanctions resolution.", "planned"),
        # in force already: enforced, implemented, a past habit
        ("Border provinces are key to the enforcement of tightened sanctions.", "generic"),
        ("The agency used to impose sanctions on rival states.", "generic"),
        # taken: verbs of imposing in every form
        ("The council is slapping new sanctions on the regime today.", "actual"),
        ("Congress finished passing tough sanctions on the North on Thursday.", "actual"),
        ("The Treasury levied sanctions on three banks on Monday.", "actual"),
    ],
)
def test_sanctions_sought_worked_on_or_in_force_are_not_new(text, realis):
    assert events_of(text, "sanctions") == [realis]


@pytest.mark.parametrize(
    "text",
    [
        "The shipping firm is sanctioned, but its partners are not.",
        "Both banks remain sanctioned under the 2016 order.",
    ],
)
def test_sanctioned_as_a_state_is_no_sanctions_event(text):
    assert events_of(text, "sanctions") == []


@pytest.mark.parametrize(
    "text, realis",
    [
        # a state named a sponsor of terrorism: a designation that brings sanctions
        ("Washington designated the regime a state sponsor of terrorism on Tuesday.", ["actual"]),
        (
            "The president put the North back on the list of state sponsors of terrorism.",
            ["actual"],
        ),
        (
            "Officials are considering placing it on the list of state sponsors of terrorism.",
            ["hypothetical"],
        ),
        ("Cuba was taken off the list of state sponsors of terrorism in 2015.", []),
    ],
)
def test_a_state_sponsor_of_terrorism_designation_is_a_sanctions_measure(text, realis):
    assert events_of(text, "sanctions") == realis


@pytest.mark.parametrize(
    "text, realis",
    [
        ("Envoys urged the allies to scale back joint military exercises.", "ceased"),
        ("Beijing proposed halting the joint military exercises.", "ceased"),
        ("Tokyo is going to stage a joint air drill next week.", "planned"),
        ("The jets fly south from time to time for joint air drills.", "generic"),
        ("Spying and various military drills have raised the tension.", "generic"),
        ("Periodic joint military exercises anger the North.", "generic"),
    ],
)
def test_exercises_scaled_back_to_come_or_habitual_are_not_news(text, realis):
    assert events_of(text, "military_exercise") == [realis]


@pytest.mark.parametrize(
    "text",
    [
        "Kim watched an artillery drill by frontline units on Monday.",
        "The bombers flew bomber drills over the peninsula on Monday.",
        "Marines staged a landing drill on the east coast on Monday.",
        "Two jets joined a strike training exercise on Monday.",
        "The allies began Keen Sword on Monday.",
        "The allies held Iron Mace on Monday.",
        "Kim watched the raid drills of a special unit on Monday.",
        "Pilots flew simulated strike drills over the sea on Monday.",
        "Three air forces held bomber-jet drills over the peninsula on Monday.",
    ],
)
def test_a_drill_named_by_its_arms_or_its_name_is_an_exercise(text):
    assert events_of(text, "military_exercise") == ["actual"]


@pytest.mark.parametrize(
    "text",
    [
        "Miners kept the rotary drills in operation on Monday.",
        "Residents joined a missile evacuation drill on Monday.",
        "Sirens sounded in a fire drill at the school on Monday.",
    ],
)
def test_civil_drills_and_tools_are_no_exercise(text):
    assert events_of(text, "military_exercise") == []


@pytest.mark.parametrize(
    "text",
    [
        # the kind, named as a grievance, a topic or a wish: no drill told as held
        "Pyongyang resents the embargo and joint naval drills near its coast.",
        "The pact covers radar data, port calls, military exercises and spare parts.",
        "Critics see a war rehearsal in the allied air drills of the region.",
        "Officials weighed patrols, along with military exercises with partners.",
    ],
)
def test_drills_named_as_a_kind_are_generic(text):
    assert events_of(text, "military_exercise") == ["generic"]


@pytest.mark.parametrize(
    "text",
    [
        # told as held or under way: a verb of holding, joining or watching, its
        # course, a word placing it now, or one drill named with "its" or "the"
        "The navies are holding joint naval drills near the coast.",
        "Two frigates took part in combined naval drills south of the island.",
        "Pyongyang fumed as the allied air drills continued into a second week.",
        "The rhetoric rose amid joint naval drills near the coast.",
        "The ongoing joint naval drills anger the North.",
        "The army called its live-fire exercise a warning to the North.",
        "The joint air drill drew a sharp reply from the North.",
        "Critics resent the joint air drills held near the border.",
    ],
)
def test_drills_told_as_held_or_one_named_are_news(text):
    assert events_of(text, "military_exercise") == ["actual"]


def test_might_the_noun_is_no_modal():
    text = "For days the allies have staged joint naval drills to show their military might."
    assert events_of(text, "military_exercise") == ["actual"]
    assert events_of("A joint naval drill might follow soon.", "military_exercise") == [
        "hypothetical"
    ]


def test_kcnas_drill_of_combatants_is_an_exercise():
    text = "Kim Jong Un watched the drill of the special units' combatants on Monday."
    assert events_of(text, "military_exercise") == ["actual"]


def test_ceaseless_drills_are_a_habit():
    assert events_of("The ceaseless joint military drills raise tension.", "military_exercise") == [
        "generic"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two climbers reached the summit of the mountain on Monday.",
        "The team hiked to the summit at dawn on Monday.",
        "Laureates gathered on Monday for a world summit on peace.",
        "Bankers spoke at an energy summit in Texas on Monday.",
    ],
)
def test_a_mountain_top_or_a_trade_meeting_is_no_summit(text):
    assert events_of(text, "summit") == []


def test_a_summit_this_weekend_in_a_thursday_report_is_still_to_come():
    assert events_of("The two leaders hold a summit this weekend in Seoul.", "summit") == [
        "planned"
    ]


@pytest.mark.parametrize(
    "text, realis",
    [
        # counted from the summit, more than the guide's 7 days back: background
        ("Kim fired a missile on Monday, two months after the summit in Hanoi.", "historical"),
        ("The talks stalled a year after the summit with Moon.", "historical"),
        # a few days back, or counted to a time still to come: no telling
        ("Seoul spoke three days after the summit in Manila.", "actual"),
        ("The pact takes effect 90 days after the summit in Seoul.", "actual"),
    ],
)
def test_time_counted_from_a_summit_dates_it_back(text, realis):
    assert events_of(text, "summit")[-1:] == [realis]


def test_a_call_on_someone_for_sanctions_seeks_them():
    text = "The report fuelled calls on Capitol Hill for new sanctions."
    assert events_of(text, "sanctions") == ["hypothetical"]


def test_a_fronted_time_dates_an_event_far_into_its_sentence():
    text = (
        "In June 2022, the alliance adopted a new long-range plan setting out its course "
        "for the coming decade and beyond, with the summit in Madrid as the occasion."
    )
    summit = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    assert summit[["realis", "date_precision", "date_text"]].values.tolist() == [
        ["historical", "month", "June 2022"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Monday to sanction the regime.",
        "Parliament introduced tough sanctions on the firms on Monday.",
        "The bloc backed sanctions that were agreed on Monday in Brussels.",
        "Pyongyang condemned the latest round of UN sanctions on Monday.",
    ],
)
def test_sanctions_taken_in_more_of_their_forms_are_new(text):
    assert events_of(text, "sanctions") == ["actual"]


def test_sanctions_agreed_on_the_day_after_a_us_report_are_a_week_back():
    # Korea's next day is read for a launch, not for a vote taken in New York
    friday = "2025-03-07"
    text = "China backed the sanctions that were approved on Saturday. It fired a missile Saturday."
    found = ak.extract_events(written((friday, text)), all_mentions=True)
    days = dict(zip(found["event_type"], found["date"].dt.strftime("%m-%d")))
    assert days == {"sanctions": "03-01", "missile_launch": "03-08"}


def test_a_date_before_another_noun_is_that_nouns():
    text = "The council imposed new sanctions in reply to a big June 3 missile test."
    found = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    sanctions = found[found["event_type"] == "sanctions"]
    assert sanctions["date_text"].tolist() == [""]
    launch = found[found["event_type"] == "missile_launch"]
    assert launch["date_text"].tolist() == ["June 3"]


@pytest.mark.parametrize(
    "text, event_type, realis",
    [
        ("The council has already imposed sanctions on the firms.", "sanctions", "historical"),
        # a day in the clause outweighs the cue: it dates the one told
        ("The North has already fired a missile on Monday.", "missile_launch", "actual"),
    ],
)
def test_already_done_is_background_unless_a_day_dates_it(text, event_type, realis):
    assert events_of(text, event_type) == [realis]


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's foreign minister met his Japanese counterpart in Tokyo on Monday.",
        "Kim Jong Un received a Russian delegation led by a vice-minister on Monday.",
        "US and Chinese envoys went over the crisis in talks on Monday.",
        "Talks between the vice-ministers of Vietnam and the DPRK, with aides, took place here.",
        "China negotiated the draft with the United States for a month.",
        "Seoul and Tokyo say their fisheries talks are under way.",
        "The US envoy gave a joint briefing with the Japanese foreign minister on Monday.",
        "The DPRK premier had a talk with the visiting Russian minister on Monday.",
        # the official's title in an appositive after the name
        "Kim Jong Un on Monday received Ivan Petrov, secretary of the Russian council.",
        # a place between the briefing and its partner
        "The US envoy spoke at a news conference in Tokyo with the Japanese foreign minister.",
        # consultations are talks
        "Tokyo and Seoul held security consultations in Seoul on Monday.",
        "Mexico's foreign minister met his Japanese counterpart on Monday.",
    ],
)
def test_officials_of_two_states_meeting_hold_talks(text):
    assert events_of(text, "talks") == ["actual"]


@pytest.mark.parametrize(
    "text",
    [
        # a meeting within one state: fewer than two parties named
        "The Chinese minister met the provincial envoys on Monday.",
        "North Korean ministers met the flood victims on Monday.",
        # leaders meeting leaders hold a summit
        "Trump met Abe, the prime minister of Japan, on Monday.",
        "Japan's prime minister had a talk with the German leader on Monday.",
        # the idiom, not a meeting
        "The Chinese plan met with criticism from Japanese ministers on Monday.",
        # a US state is no state: one side only
        "A former New Mexico governor met two North Korean diplomats on Monday.",
        # talks in general, undated; summit talks are the summit
        "Washington wants a return to talks with Pyongyang and Beijing.",
        "China and Russia watched the G20 summit talks on Monday.",
    ],
)
def test_no_talks_without_two_sides_a_meeting_or_a_day(text):
    assert events_of(text, "talks") == []


@pytest.mark.parametrize(
    "text",
    [
        "Seoul urged Pyongyang and Beijing on Monday to resume talks.",
        "US-China talks are scheduled for later this week in Beijing.",
    ],
)
def test_talks_sought_or_still_to_come_are_not_news(text):
    assert "actual" not in events_of(text, "talks")


def test_a_prime_ministers_talk_with_a_leader_is_a_summit():
    text = "Japan's prime minister had a talk with the German leader on Monday."
    assert (events_of(text, "summit"), events_of(text, "talks")) == (["actual"], [])
    minister = "Japan's prime minister had a talk with the US defence secretary on Monday."
    assert events_of(minister, "summit") == []


@pytest.mark.parametrize(
    "text, summit, talks",
    [
        # talks held with a leader, or by two leaders, are their summit
        ("Kim held talks with the visiting Chinese leader Xi on Monday.", ["actual"], []),
        ("Putin and Kim Jong Un held long talks on Monday in the Russian port.", ["actual"], []),
        ("South Korea's Moon and Kim had talks on Monday in the northern capital.", ["actual"], []),
        # officials' talks before the leaders' summit are talks (the summit is to come)
        (
            "US and North Korean officials held talks on Monday to prepare for a Trump-Kim summit.",
            ["planned"],
            ["actual"],
        ),
        # an envoy named Kim is no leader: his talks, even with a leader, are talks
        ("Kim Yong Chol held talks with the US secretary of state on Monday.", [], ["actual"]),
        ("Kim Yong Chol flew to Washington and held talks with Trump on Monday.", [], ["actual"]),
        # a leader's talks with another state's leader: KCNA's appositive and singular,
        # a first verb, any two leaders
        (
            "Kim Jong Un, chairman of the commission, had a talk with President Moon on Monday.",
            ["actual"],
            [],
        ),
        ("Kim Jong Un flew to Beijing and held talks with Xi Jinping on Monday.", ["actual"], []),
        ("Trump held talks with Xi in Beijing on Monday.", ["actual"], []),
        ("Kim Jong Un had a historic meeting with Trump at the border on Monday.", ["actual"], []),
        # the leader's sister meeting a president holds no summit
        ("Kim Yo Jong met President Moon in Seoul on Monday.", [], []),
        # a minister's talks with a leader are talks
        ("The US secretary of state held talks with Kim Jong Un on Monday.", [], ["actual"]),
    ],
)
def test_talks_of_two_leaders_are_a_summit(text, summit, talks):
    assert (events_of(text, "summit"), events_of(text, "talks")) == (summit, talks)


def test_ongoing_drills_are_under_way_and_ongoing_tests_a_series():
    text = "Pyongyang decried the ongoing joint military drills of the US and South Korea."
    assert events_of(text, "military_exercise") == ["actual"]
    assert events_of(
        "Japan is worried by the North's ongoing missile tests.", "missile_launch"
    ) == ["generic"]


@pytest.mark.parametrize(
    "text, realis",
    [
        # a gerund after "by" or "about": a means or a topic, not a measure taken
        ("The plan squeezes the North by tightening sanctions on its banks.", "generic"),
        ("The envoys talked about imposing new sanctions on its shipping.", "generic"),
        # after "for" the act may have happened ("denounced it for imposing …"): as before
        ("Pyongyang denounced Washington for imposing new sanctions on its banks.", "actual"),
        # a progressive and a dated gerund are told as done
        ("The council is imposing new sanctions on the North.", "actual"),
        ("The council acted on Monday by imposing new sanctions on two banks.", "actual"),
    ],
)
def test_a_gerund_of_means_or_topic_is_no_measure_taken(text, realis):
    assert events_of(text, "sanctions") == [realis]


@pytest.mark.parametrize(
    "text, date, realis",
    [
        # a perfect with no date is background by its form, unless the ordinal names a
        # listed test of the last days (the fifth: 2016-09-09)
        (
            "The North has now conducted its fifth nuclear test, officials said.",
            "2016-09-10",
            "actual",
        ),
        (
            "The North has now conducted its fifth nuclear test, officials said.",
            "2017-03-01",
            "historical",
        ),
        ("The North has now conducted nuclear tests, officials said.", "2016-09-10", "historical"),
    ],
)
def test_a_perfect_naming_a_recent_listed_nuclear_test_is_news(text, date, realis):
    found = ak.extract_events(written((date, text)), all_mentions=True)
    assert found.loc[found["event_type"] == "nuclear_test", "realis"].tolist() == [realis]


def test_launches_of_two_days_in_one_sentence_are_two_launches():
    found = mentions(
        "It launched an ICBM on Wednesday, hours after firing a cruise missile on Tuesday."
    )
    assert sorted(zip(found["date"].dt.day, found["missile_class"])) == [(4, "cruise"), (5, "icbm")]
    # one day told twice is one launch
    assert (
        len(news("It fired an ICBM on Wednesday; the ICBM launch on Wednesday was its first.")) == 1
    )


def test_a_launch_told_twice_and_dated_once_takes_the_date():
    text = (
        "It was the North's first ICBM test in a year, "
        "a Hwasong-19 launch on Wednesday that flew 80 minutes."
    )
    assert str(news(text)["date"].iloc[0].date()) == "2025-03-05"


@pytest.mark.parametrize(
    "text, realis",
    [
        ("The North's attempt to launch a spy satellite failed on Wednesday.", "actual"),
        ("Any attempt to launch a satellite would breach the resolutions.", "hypothetical"),
    ],
)
def test_an_attempt_to_launch_is_a_launch_made(text, realis):
    assert realis_of(text) == realis


@pytest.mark.parametrize(
    "text, actor",
    [
        # a named exercise is its holders', whoever else the sentence names
        ("The allies began Freedom Shield on Wednesday, and the North warned of war.", "US-ROK"),
        ("Pyongyang condemned Keen Sword, which began on Wednesday.", "US-Japan"),
        ("Seoul, Tokyo and Washington began Freedom Edge drills on Wednesday.", "US-ROK-Japan"),
        # an unnamed drill: the parties the sentence names, as before
        ("South Korea and the US began joint drills on Wednesday.", "US-ROK"),
    ],
)
def test_a_named_exercise_is_held_by_its_parties(text, actor):
    found = ak.extract_events(written((THURSDAY, text)))
    assert found.loc[found["event_type"] == "military_exercise", "actor"].tolist() == [actor]


@pytest.mark.parametrize(
    "text, realis",
    [
        # an appositive shares the cues of the name it describes
        ("The allies are going to stage Freedom Shield, large-scale joint exercises.", "planned"),
        ("Seoul may hold Hoguk, an annual joint military drill, next month.", "hypothetical"),
        # told as held, it stays held
        ("The allies staged Freedom Shield, large-scale joint exercises, on Wednesday.", "actual"),
    ],
)
def test_an_appositive_shares_the_realis_of_its_name(text, realis):
    assert set(events_of(text, "military_exercise")) == {realis}


@pytest.mark.parametrize(
    "text",
    [
        # a time fronted after a connective and its comma dates the clause
        "That's why, earlier this year, the Congress voted to impose new sanctions on it.",
        "However, last month, the Treasury imposed new sanctions on its banks.",
    ],
)
def test_a_time_fronted_after_a_connective_dates_its_clause(text):
    found = ak.extract_events(written(("2025-11-20", text)), all_mentions=True)
    assert found.loc[found["event_type"] == "sanctions", "realis"].tolist() == ["historical"]


@pytest.mark.parametrize(
    "text, event_type",
    [
        # the object of a support verb takes the verb's date, wherever it stands after it
        (
            "The Missile Administration conducted a test-fire of a medium-range weapon "
            "whose new engine and gliding warhead were flown together for the first time "
            "on Wednesday.",
            "missile_launch",
        ),
        (
            "Kim Jong Un guided a strike drill of long-range rocket launchers and tactical "
            "weapons of the artillery units in the front-line defence area of the west on "
            "Wednesday.",
            "military_exercise",
        ),
    ],
)
def test_a_support_verbs_object_takes_its_date(text, event_type):
    found = ak.extract_events(written((THURSDAY, text)))
    dates = found.loc[found["event_type"] == event_type, "date"]
    assert [str(d.date()) for d in dates] == ["2025-03-05"]


@pytest.mark.parametrize(
    "text, day",
    [
        # the subject of a passive support verb takes the verb's date, across a relative
        # clause or an appositive between the noun and its verb
        (
            "State media said the test of the Hwasong-19, which it called the final "
            "version of its ICBM, was conducted on Wednesday.",
            5,
        ),
        (
            "The test-fire of the new cruise missiles, the second this month, was "
            "successfully carried out on Tuesday, KCNA said.",
            4,
        ),
    ],
)
def test_the_subject_of_a_passive_support_verb_takes_its_date(text, day):
    assert news(text)["date"].dt.day.tolist() == [day]


@pytest.mark.parametrize(
    "text, event_type, day",
    [
        # a weekday after an event still to come is the coming day
        ("The summit is due to open on Friday.", "summit", "2025-03-07"),
        ("The Treasury is scheduled to announce new sanctions Tuesday.", "sanctions", "2025-03-11"),
        ("The allies are set to begin joint drills on Monday.", "military_exercise", "2025-03-10"),
        # a weekday before it dates the words that tell it
        ("On Tuesday, Seoul said it would impose new sanctions.", "sanctions", "2025-03-04"),
        # and one marked as past stays past
        ("The council had planned to adopt new sanctions last Tuesday.", "sanctions", "2025-03-04"),
    ],
)
def test_a_weekday_of_an_event_still_to_come_is_the_coming_one(text, event_type, day):
    found = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    dates = found.loc[found["event_type"] == event_type, "date"]
    assert [str(d.date()) for d in dates] == [day]


@pytest.mark.parametrize(
    "text, event_type, day",
    [
        # an edition ("this year's"), then a day within it: the day dates the event
        (
            "The allies began this year's Freedom Shield exercise on Monday.",
            "military_exercise",
            "2025-03-03",
        ),
        ("The North fired this year's first ICBM on Monday.", "missile_launch", "2025-03-03"),
        # a day outside the edition dates something else
        (
            "Last year's Freedom Shield drills drew a response on Monday.",
            "military_exercise",
            "2024-01-01",
        ),
    ],
)
def test_a_day_within_the_named_edition_dates_the_event(text, event_type, day):
    found = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    dates = found.loc[found["event_type"] == event_type, "date"]
    assert [str(d.date()) for d in dates] == [day]


def test_an_undated_event_since_which_a_span_runs_is_background():
    text = "Since the Hwasong-17 launch, the North has expanded its arsenal."
    assert realis_of(text) == "historical"
    assert news(text).empty
    # a date there dates it: its own reading decides
    text = "Drills followed since the March 3 launch of a Hwasong-17 missile."
    assert realis_of(text) == "actual"


@pytest.mark.parametrize(
    "text, event_type, realis",
    [
        # a perfect running "since" a year tells a series, not one event
        ("The alliance has invited Tokyo to its summit since 2022.", "summit", "generic"),
        (
            "The allies have held the Freedom Shield drills since 2022.",
            "military_exercise",
            "generic",
        ),
        # "the first … since" a year is one event, the news
        ("It was the first summit the two have held since 2019, on Monday.", "summit", "actual"),
    ],
)
def test_a_perfect_running_since_a_year_is_a_series(text, event_type, realis):
    assert events_of(text, event_type) == [realis]


def test_a_launching_drill_of_a_missile_is_a_launch():
    text = "A launching drill of the Hwasong-18 ICBM was conducted on Wednesday, KCNA said."
    assert realis_of(text) == "actual"
    assert news(text)["missile_class"].tolist() == ["icbm"]
    # a drill of a launch crew without a missile named is no launch
    assert mentions("The crews held a launching drill on Wednesday.").empty


def test_a_striking_drill_of_missiles_is_a_launch_and_a_rehearsal_is_not():
    text = (
        "Kim Jong Un oversaw a joint striking drill of 600mm multiple rocket launchers "
        "and tactical ballistic missiles on Wednesday, KCNA said."
    )
    assert news(text)["date"].dt.day.tolist() == [5]
    assert news("The units staged a simulated striking drill of missiles on Wednesday.").empty
    # a drill of arms that are not launched is an exercise only
    text = "Kim guided a strike drill of long-range artillery pieces on Wednesday."
    assert mentions(text).empty


def test_a_hypersonic_weapon_named_by_its_kind_is_launched_and_its_parts_are_not():
    text = "North Korea said it had tested a new hypersonic system on Wednesday."
    assert news(text)["date"].dt.day.tolist() == [5]
    assert mentions("North Korea said it had tested a new hypersonic engine on Wednesday.").empty


@pytest.mark.parametrize(
    "text, days",
    [
        # an appositive renaming the dated act before it takes its date
        (
            "North Korea said it had tested a new weapon on Wednesday, its first "
            "ballistic missile launch in five months.",
            [5],
        ),
        # not a noun after a preposition in the appositive: a response to another launch
        ("The allies held drills on Wednesday, a response to the North's missile launch.", []),
    ],
)
def test_an_appositive_renaming_a_dated_act_takes_its_date(text, days):
    assert news(text)["date"].dt.day.dropna().tolist() == days


def test_a_launch_participle_after_a_comma_reads_the_noun_before_it():
    text = "The missile, launched from near the capital on Wednesday, flew over the islands."
    assert news(text)["date"].dt.day.tolist() == [5]
    # a verb of receiving after an appositive's comma is no meeting with what precedes
    assert (
        events_of(
            "Choe, the DPRK's foreign minister, received a letter from a minister on Monday.",
            "talks",
        )
        == []
    )


@pytest.mark.parametrize(
    "text, event_type, day",
    [
        # a date before "and" dates the conjunct before when one after dates the trigger
        (
            "It cited the terror listing of the North last week and harsh new sanctions "
            "imposed by the council on February 3.",
            "sanctions",
            "2025-02-03",
        ),
        (
            "Talks were held on March 1 and a joint drill staged by the allies on March 4.",
            "military_exercise",
            "2025-03-04",
        ),
        # with no date after it, the date before still dates it
        (
            "On Tuesday and again on Wednesday, the allies staged a joint drill.",
            "military_exercise",
            "2025-03-05",
        ),
    ],
)
def test_a_date_before_and_is_the_previous_conjuncts_when_one_follows(text, event_type, day):
    found = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    dates = found.loc[found["event_type"] == event_type, "date"]
    assert str(dates.iloc[0].date()) == day


def test_a_drill_run_from_a_day_is_under_way_and_named_drills_are_their_holders():
    text = "The allies have been holding the Ssangyong landing drill from August 26."
    found = ak.extract_events(written(("2024-09-05", text)), all_mentions=True)
    drills = found[found["event_type"] == "military_exercise"]
    assert drills[["realis", "actor"]].values.tolist() == [["actual", "US-ROK"]]
    assert str(drills["date"].iloc[0].date()) == "2024-08-26"
    # a range is a range: over more than a week before the report, background
    text = "The allies held the Ssangyong landing drill from August 16 to 20."
    found = ak.extract_events(written(("2024-09-05", text)), all_mentions=True)
    assert found.loc[found["event_type"] == "military_exercise", "realis"].tolist() == [
        "historical"
    ]


@pytest.mark.parametrize(
    "text, date, event_type, realis",
    [
        # a superlative's "-ever" is no "ever" of the past
        (
            "The allies began their largest-ever joint drills on Monday.",
            THURSDAY,
            "military_exercise",
            "actual",
        ),
        (
            "It marked the longest-ever test flight of a missile by the North.",
            THURSDAY,
            "missile_launch",
            "actual",
        ),
        # a range of days with one in the window is news
        (
            "Ulchi Freedom Shield ran from August 19 to 29, the ministry said.",
            "2024-09-05",
            "military_exercise",
            "actual",
        ),
        (
            "Ulchi Freedom Shield ran from August 19 to 29, the ministry said.",
            "2024-09-20",
            "military_exercise",
            "historical",
        ),
    ],
)
def test_a_superlative_and_a_range_of_days_are_read_as_told(text, date, event_type, realis):
    found = ak.extract_events(written((date, text)), all_mentions=True)
    assert found.loc[found["event_type"] == event_type, "realis"].tolist() == [realis]


@pytest.mark.parametrize(
    "text, realis",
    [
        # a plan carried out: a verb of happening after the noun or right before it
        ("The long-planned joint drills began on Monday.", "actual"),
        ("The allies began their regularly scheduled joint drills on Monday.", "actual"),
        ("The allies began a pre-planned joint exercise on Monday.", "actual"),
        # still a plan: the verb is to come, or governs another noun
        ("The planned joint drills will begin on Monday.", "planned"),
        ("The allies held talks on the planned joint drills on Monday.", "planned"),
        ("The long-planned joint drills came to nothing.", "planned"),
    ],
)
def test_a_planned_drill_told_as_begun_is_held(text, realis):
    assert events_of(text, "military_exercise") == [realis]


def test_a_clause_word_inside_a_hyphenated_compound_opens_no_clause():
    assert realis_of("North Korea fired a never-before-seen missile on Wednesday.") == "actual"


@pytest.mark.parametrize(
    "text, realis",
    [
        # a nuclear test told with its verb and what was tested
        ("North Korea said it had successfully tested a hydrogen bomb on Wednesday.", "actual"),
        ("North Korea detonated a nuclear device on Wednesday.", "actual"),
        ("The North could test another nuclear device soon, officials warned.", "hypothetical"),
    ],
)
def test_a_nuclear_test_told_by_its_verb(text, realis):
    assert events_of(text, "nuclear_test") == [realis]


def test_a_missile_able_to_carry_a_nuclear_bomb_is_no_nuclear_test():
    assert (
        events_of(
            "The North tested a missile able to carry a nuclear bomb on Wednesday.", "nuclear_test"
        )
        == []
    )


@pytest.mark.parametrize(
    "text, event_type, day",
    [
        # a relative clause whose verb tells the act as taken or held dates its noun,
        # before a date the sentence fronts for its main verb
        (
            "On Wednesday, the envoy praised the new sanctions resolution against the "
            "North, which unanimously passed last Friday.",
            "sanctions",
            "2025-02-28",
        ),
        (
            "Seoul welcomed the new sanctions, which the Security Council adopted on Monday.",
            "sanctions",
            "2025-03-03",
        ),
        (
            "On Wednesday, Seoul praised the summit, which was held in Singapore last week.",
            "summit",
            "2025-02-24",
        ),
        (
            "Pyongyang denounced the joint drills, which began on Tuesday.",
            "military_exercise",
            "2025-03-04",
        ),
        # a verb that does not tell the act, or a modal, leaves the fronted date
        (
            "On Wednesday, the envoy praised the new sanctions, which drew protests on Monday.",
            "sanctions",
            "2025-03-05",
        ),
        (
            "On Wednesday, the envoy praised the new sanctions, which may be adopted on Monday.",
            "sanctions",
            "2025-03-05",
        ),
    ],
)
def test_a_relative_clause_of_taking_or_holding_dates_its_noun(text, event_type, day):
    found = ak.extract_events(written((THURSDAY, text)), all_mentions=True)
    dates = found.loc[found["event_type"] == event_type, "date"]
    assert [str(d.date()) for d in dates] == [day]


@pytest.mark.parametrize(
    "text, event_type, realis",
    [
        # a temporal clause in the present tells an event still to come
        ("Envoys met in Hanoi before Trump and Kim meet at their summit.", "summit", "planned"),
        ("Analysts expect little until the two leaders hold their summit.", "summit", "planned"),
        ("The North will keep its word when Kim attends the summit.", "summit", "planned"),
        (
            "The launch comes days before leaders gather in Hamburg for the summit.",
            "summit",
            "planned",
        ),
        # or a habit, when the sentence speaks of no future
        (
            "Seoul objects when the allies stage joint military drills.",
            "military_exercise",
            "generic",
        ),
        # in the past it happened; a noun after a determiner is no present verb
        ("Markets rose after the two leaders met at their summit on Tuesday.", "summit", "actual"),
        ("Seoul protested after the start of the summit on Tuesday.", "summit", "actual"),
    ],
)
def test_a_temporal_clause_in_the_present_tells_no_event_that_happened(text, event_type, realis):
    assert events_of(text, event_type) == [realis]


@pytest.mark.parametrize(
    "text, event_type, realis",
    [
        # a participial clause shares the mood of the clause before its comma
        (
            "Special forces would be on the ground in the North, conducting military drills.",
            "military_exercise",
            "hypothetical",
        ),
        ("Seoul plans to respond, staging joint military drills.", "military_exercise", "planned"),
        ("The agency used to protest, imposing sanctions on rivals.", "sanctions", "generic"),
        # but not its negation: what the participle tells was done
        (
            "The North did not fire a missile, staging joint military drills on Tuesday.",
            "military_exercise",
            "actual",
        ),
        # a habit told after the noun, or in a relative clause about it
        ("The allies stage joint military exercises annually.", "military_exercise", "generic"),
        (
            "Tokyo criticised the joint naval drills of the U.S. and Manila which are "
            "conducted every year.",
            "military_exercise",
            "generic",
        ),
        (
            "Seoul protested the joint military exercises that are usually held in March.",
            "military_exercise",
            "generic",
        ),
        ("Both navies hold joint drills every spring.", "military_exercise", "generic"),
        (
            "The allies began joint drills held every spring on Tuesday.",
            "military_exercise",
            "actual",
        ),
    ],
)
def test_a_participle_shares_the_mood_before_its_comma(text, event_type, realis):
    assert events_of(text, event_type) == [realis]


def test_a_fronted_from_date_dates_a_drill_under_way():
    found = ak.extract_events(
        written(
            (
                THURSDAY,
                "From March 3, the US, together with the South Korean air force and "
                "Australian jets, has staged a large-scale combined air drill, Freedom Flag.",
            )
        )
    )
    drill = found[found["event_type"] == "military_exercise"]
    assert drill[["realis", "date", "date_precision"]].values.tolist() == [
        ["actual", pd.Timestamp("2025-03-03"), "day"]
    ]


@pytest.mark.parametrize(
    "date, text, realis",
    [
        # two states' leaders, in office that year, meeting: a summit whoever they are
        ("2017-11-08", "Trump met Moon on Tuesday in Seoul.", ["actual"]),
        ("2013-05-08", "Obama and Park Geun-hye met at the White House on Tuesday.", ["actual"]),
        (
            "2017-07-09",
            "Trump said at his meeting with Xi on Saturday that trade mattered.",
            ["actual"],
        ),
        # a leader the roster lacks, named by the title after his country's word
        ("2017-05-26", "Trump met the French president, Emmanuel Macron, on Thursday.", ["actual"]),
        ("2017-11-06", "Abe met the U.S. president in Tokyo on Sunday.", ["actual"]),
        ("2017-11-06", "Abe met us in Tokyo on Sunday.", []),
        # one leader, a leader out of office, an idiom: none
        ("2017-10-24", "Tillerson met the Mexican president on Monday.", []),
        ("2017-11-08", "Trump met reporters on Tuesday.", []),
        ("2019-11-08", "Obama met Abe in Tokyo on Tuesday.", []),
        ("2017-11-08", "Trump may have met his match in Kim, the envoy said.", []),
        # still to come, hoped for, probable, or where a span starts
        ("2017-07-06", "Before meeting with Putin, Trump will visit Warsaw.", ["planned"]),
        ("2017-08-12", "Trump is looking forward to meeting with Xi in Beijing.", ["hypothetical"]),
        (
            "2017-11-04",
            "Trump landed in Tokyo for a tour of trade talks and probably a meeting with Putin.",
            ["hypothetical"],
        ),
        ("2017-11-04", "Xi has grown stronger since his last meeting with Trump.", ["historical"]),
    ],
)
def test_a_meeting_of_two_states_leaders_is_a_summit(date, text, realis):
    found = ak.extract_events(written((date, text)), all_mentions=True)
    assert found.loc[found["event_type"] == "summit", "realis"].tolist() == realis


def test_a_leaders_meeting_is_a_summit_not_talks():
    found = ak.extract_events(
        written(("2017-07-08", "Moon met his Japanese counterpart Shinzo Abe on Friday."))
    )
    assert found["event_type"].tolist() == ["summit"]
    talks = ak.extract_events(
        written(("2017-07-08", "Tillerson met his Chinese counterpart Wang Yi on Friday."))
    )
    assert talks["event_type"].tolist() == ["talks"]


def test_a_fronted_time_dates_a_clause_of_the_same_time():
    found = ak.extract_events(
        written(
            (
                "2017-11-04",
                "Back in April, the North tested a rocket engine as Xi and Trump met in Florida.",
            )
        ),
        all_mentions=True,
    )
    summit = found[found["event_type"] == "summit"]
    assert summit[["realis", "date"]].values.tolist() == [
        ["historical", pd.Timestamp("2017-04-01")]
    ]


@pytest.mark.parametrize(
    "date, text, realis",
    [
        # a length before the noun runs the event on from the day it began
        (
            "2013-03-11",
            "The allies are in two months of field exercises that began March 1.",
            "actual",
        ),
        (
            "2013-03-30",
            "The allies ended the 11-day military drills that started March 11.",
            "historical",
        ),
        ("2013-03-11", "The allies staged joint field exercises that began March 1.", "historical"),
    ],
)
def test_a_drills_length_runs_it_on_from_its_first_day(date, text, realis):
    found = ak.extract_events(written((date, text)), all_mentions=True)
    assert found.loc[found["event_type"] == "military_exercise", "realis"].tolist() == [realis]


@pytest.mark.parametrize("date", ["2012-08-23", "2025-08-28"])
def test_a_cue_two_people_share_names_the_party_in_office_that_year(date):
    # "President Lee" is Lee Myung-bak in 2012 and Lee Jae-myung in 2025: either way a
    # party of South Korea, so the meeting has its two sides
    found = ak.extract_events(written((date, "President Lee met a U.S. envoy on Tuesday.")))
    assert found[["event_type", "actor"]].values.tolist() == [["talks", "US-ROK"]]
