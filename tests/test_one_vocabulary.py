"""One vocabulary: the event side reads the lexicon's word lists (negations, reporting
verbs) instead of keeping lists of its own; an edit to data/lexicon.yml reaches events
and dates. Texts written by this project."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from facts import written

import analystkit as ak
from analystkit.dates import find_dates, reporting_pattern
from analystkit.event_rules import lexicon_words, phrase_pattern
from analystkit.lexicon import lexicon_from_text
from analystkit.paths import DATA_DIR

FRIDAY = pd.Timestamp("2025-03-07")


@pytest.fixture()
def edited_lexicon(tmp_path):
    """A copy of the shipped lexicon (with its roster and outlets) with one more
    negation ("scarcely") and one more reporting verb ("grumbled")."""
    for name in ("roster.yml", "outlets.yml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    text = (DATA_DIR / "lexicon.yml").read_text(encoding="utf-8")
    text = text.replace("\nnegations:\n", "\nnegations:\n  - scarcely\n", 1)
    text = text.replace("\nreporting_verbs:\n", "\nreporting_verbs:\n  - grumbled\n", 1)
    path = tmp_path / "lexicon.yml"
    path.write_text(text, encoding="utf-8")
    return ak.load_lexicon(path)


def realis(text: str, **kwargs) -> str:
    events = ak.extract_events(written(("2025-03-07", text)), all_mentions=True, **kwargs)
    return events[events["event_type"] == "missile_launch"]["realis"].iloc[0]


def test_the_lexicons_lists_are_read_as_written():
    lexicon = ak.load_lexicon()
    assert {"not", "never", "cannot"} <= set(lexicon_words(lexicon, "negations"))
    assert {"said", "told", "warned"} <= set(lexicon_words(lexicon, "reporting_verbs"))
    with pytest.raises(ValueError, match="unknown lexicon list"):
        lexicon_words(lexicon, "actors")


def test_phrases_become_one_alternation_of_whole_phrases():
    import re

    pattern = re.compile(r"(?<!\w)(?:" + phrase_pattern(["no sign of", "don't", "no"]) + r")")
    assert pattern.match("no  sign of").group(0) == "no  sign of"  # longest first
    assert pattern.match("don’t")  # either apostrophe


def test_a_negation_of_the_lexicon_negates_a_launch():
    # "cannot" is in the lexicon's negations only; realis reads them
    assert realis("Officials say the North cannot launch a missile from that site.") == "negated"
    assert realis("The army did not fire a missile on Tuesday, the ministry said.") == "negated"


def test_an_edited_lexicon_reaches_realis_and_dates(edited_lexicon):
    text = "The North scarcely fired a missile on Tuesday, officials insisted."
    rules = ak.load_event_rules(lexicon=edited_lexicon)
    assert realis(text) == "actual"
    assert realis(text, rules=rules) == "negated"
    said = "The ministry grumbled on Friday that the North had fired on Wednesday."
    default = {d.text: d.reporting for d in find_dates(said, FRIDAY)}
    edited = {d.text: d.reporting for d in find_dates(said, FRIDAY, rules.reporting)}
    assert default == {"on Friday": False, "on Wednesday": False}
    assert edited == {"on Friday": True, "on Wednesday": False}


def test_a_day_after_any_reporting_verb_of_the_lexicon_is_the_reports_day():
    said, fired = find_dates("Seoul warned on Friday that the North fired on Wednesday.", FRIDAY)
    assert said.reporting and not fired.reporting
    told = reporting_pattern(["told"])
    assert told.search("an aide told two reporters ")
    assert not told.search("it flew ")


def test_no_reporting_verbs_flag_no_day():
    assert not reporting_pattern([]).search("It said ")
    assert not reporting_pattern(["told"]).search("It said ")


def test_a_rule_pattern_follows_the_lexicons_conventions():
    import re

    from analystkit.matcher import pattern_regex

    def finds(pattern: str, text: str) -> bool:
        return re.fullmatch(pattern_regex(pattern), text.lower()) is not None

    assert all(finds("counter-attack", t) for t in ("counter-attack", "counter attack"))
    assert finds("counter-attack", "counterattack") and finds("Korea's", "Korea’s")
    assert finds("launch*", "launches") and not finds("launch*", "launch pad")
    assert finds("prepared to use * weapons", "prepared to use nuclear weapons")
    assert finds("re:hwasong-\\d+", "Hwasong-18") and not finds("Mr. Kim", "Mr Kim")


def _actors(date: str, text: str, event_type: str) -> list[str]:
    """The actor of each `event_type` event ak.extract_events finds in `text`."""
    events = ak.extract_events(written((date, text)))
    return events.loc[events["event_type"] == event_type, "actor"].tolist()


def test_the_south_china_sea_is_not_south_korea():
    # who acts is the roster's country words: "the South" there, not in a sea's name
    text = (
        "Xi and Trump met at a summit in Beijing on Wednesday and discussed trade "
        "and the South China Sea."
    )
    assert _actors("2017-11-08", text, "summit") == ["US-China"]


# --- actor tags take their names from the roster (sentences written for these tests)


def _actor_tags(text: str) -> list[tuple[str, str]]:
    found = ak.tag(written(("2024-05-01", text)))
    actors = found[found["category"] == "actor"]
    return list(zip(actors["matched"], actors["tag"]))


def test_an_actor_tag_takes_its_groups_full_names_from_the_roster():
    lex = ak.load_lexicon()
    assert lex.tags["us"].roster == "us_gov" and "Mike Pompeo" in lex.tags["us"].patterns
    assert _actor_tags("Mike Pompeo met Choe Son Hui and Moon Jae-in.") == [
        ("Mike Pompeo", "us"),
        ("Choe Son Hui", "dprk"),
        ("Moon Jae-in", "rok"),
    ]


def test_a_surname_alone_or_a_bodys_cue_is_not_an_actor_topic():
    # which Kim, which regime, which congress: only a reporting clause's context tells
    names = [n for n, _, _ in ak.load_lexicon().roster.topic_names("dprk_state")]
    assert "Kim Jong Un" in names and "North Korea" in names
    assert not {"Kim", "Choe", "leader Kim", "the regime", "North Korea's"} & set(names)
    assert _actor_tags("Kim met the delegates at the party congress.") == []


def test_a_longer_place_name_is_not_the_country_its_first_word_names():
    assert _actor_tags("The ship left the South China Sea for South Hamgyong Province.") == [
        ("South China Sea", "other"),
        ("South Hamgyong", "dprk"),
    ]


def test_a_country_name_that_is_a_common_word_counts_only_capitalized():
    assert _actor_tags("The guinea pig trials moved to western Turkey.") == [("Turkey", "other")]


def test_officials_of_a_north_korean_province_speak_for_the_dprk():
    sents = ak.sentences(
        written(("2024-05-01", "Officials of South Phyongan Province said the harvest was good."))
    )
    assert sents["speaker_group"].tolist() == ["dprk_state"]


HEADER = (
    "categories:\n  actor:\n    dprk:\n      definition: The North.\n      example: the North\n"
)


@pytest.mark.parametrize(
    "tail, problem",
    [
        (
            "      roster: dprk_state\n      patterns: [Pyongyang]\n",
            "'Pyongyang' of 'dprk' is already in its roster group",
        ),
        ("      roster: dprk\n", "'dprk' is not a speaker group"),
        ("", "needs patterns, a roster group, or both"),
    ],
)
def test_a_broken_actor_tag_names_its_line(tail, problem):
    with pytest.raises(ak.LexiconError) as err:
        lexicon_from_text(HEADER + tail, "user.yml")
    assert problem in str(err.value) and "user.yml, line" in str(err.value)


def test_a_launch_by_the_dod_is_a_us_launch():
    # "DOD", the usual abbreviation of the US Department of Defense, is a roster cue
    text = (
        "In a May test, the DOD fired an ICBM target from the Marshall Islands "
        "and destroyed it with an interceptor."
    )
    assert _actors("2017-06-01", text, "missile_launch") == ["US"]
