"""No hidden state: the cached lexicon cannot be edited in place, and every step that
reads the lexicon, the event rules or the milestones takes them as arguments."""

from __future__ import annotations

import pickle
import re

import cloudpickle
import pytest
from facts import frame

import analystkit as ak
from analystkit.lexicon import LEXICON_PATH

THREAT = "They threatened to turn Seoul into a sea of fire, KCNA said."


def test_the_cached_lexicon_refuses_edits_and_a_fresh_load_is_whole():
    lex = ak.load_lexicon()
    n_tags = len(lex.tags)
    with pytest.raises(AttributeError):
        lex.tags.pop("threat")  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        del lex.tags["threat"]  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        lex.tags["new"] = lex.tags["threat"]  # type: ignore[index]
    with pytest.raises(TypeError):
        lex.speakers["Donald Trump"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        lex.tags["threat"].patterns = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        lex.tags = {}  # type: ignore[misc]
    fresh = ak.load_lexicon()
    assert len(fresh.tags) == n_tags and "threat" in fresh.tags


def test_the_roster_of_the_cached_lexicon_refuses_edits_too():
    roster = ak.load_lexicon().roster
    with pytest.raises(AttributeError):
        roster.speakers.pop("KCNA")  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        roster.roles["government"] = []  # type: ignore[index]
    with pytest.raises(TypeError, match="read-only"):
        roster.add(roster.speakers["KCNA"], "x.yml", [1])
    assert "KCNA" in ak.load_lexicon().speakers


def test_without_makes_a_new_lexicon_whose_matches_agree_with_its_tags():
    articles = frame(THREAT)
    lex = ak.load_lexicon()
    assert "threat" in set(ak.tag(articles, lex)["tag"])
    smaller = lex.without("threat")
    assert "threat" not in smaller.tags and "threat" in lex.tags
    assert "threat" not in set(ak.tag(articles, smaller)["tag"])
    assert "threat" in set(ak.tag(articles)["tag"])  # the cached one is unchanged
    with pytest.raises(ValueError, match="no tag 'nonsense'"):
        lex.without("nonsense")


def test_a_lexicon_pickles_read_only():
    lex = pickle.loads(pickle.dumps(ak.load_lexicon()))
    assert "threat" in lex.tags and "KCNA" in lex.speakers
    with pytest.raises(TypeError):
        lex.tags["threat"] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        lex.roster.speakers["KCNA"] = None  # type: ignore[index]


def test_load_event_rules_is_public():
    rules = ak.load_event_rules()
    assert isinstance(rules, ak.EventRules) and "missile_launch" in rules.triggers


def test_the_cached_event_rules_refuse_edits_and_a_fresh_load_is_whole():
    rules = ak.load_event_rules()
    with pytest.raises(TypeError):
        rules.actor_default["summit"] = "DPRK"  # type: ignore[index]
    with pytest.raises(TypeError):
        rules.actor_mode["summit"] = "nearest"  # type: ignore[index]
    with pytest.raises(AttributeError):
        rules.screens.pop("summit")  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        rules.triggers["summit"].append(rules.triggers["talks"][0])  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        rules.triggers["summit"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        rules.parties.names.append("Mars")  # type: ignore[attr-defined]
    fresh = ak.load_event_rules()
    assert fresh.actor_default["summit"] == "unknown" and fresh.actor_mode["summit"] == "parties"


def test_event_rules_pickle_read_only():
    for dumps in (pickle.dumps, cloudpickle.dumps):  # cloudpickle: how Dask ships them
        rules = pickle.loads(dumps(ak.load_event_rules()))
        assert rules.actor_default["missile_launch"] == "DPRK" and rules.triggers["summit"]
        with pytest.raises(TypeError):
            rules.actor_default["missile_launch"] = "US"  # type: ignore[index]
        events = ak.extract_events(frame("North Korea fired a missile on Monday."), rules=rules)
        assert events["actor"].tolist() == ["DPRK"]


@pytest.fixture
def lexicon_without_weapons(tmp_path):
    """A copy of the lexicon without its `weapon` category (missile classes)."""
    text = LEXICON_PATH.read_text(encoding="utf-8")
    start = text.index("\n  weapon:\n")
    after = re.compile(r"\n  [a-z_]+:\n").search(text, start + 1)
    assert after is not None
    path = tmp_path / "lexicon.yml"
    path.write_text(text[:start] + text[after.start() :], encoding="utf-8")
    assert "weapon" not in ak.load_lexicon(path).categories
    return path


def test_extract_events_and_check_claims_use_the_lexicon_given(lexicon_without_weapons):
    articles = frame("North Korea fired its fourth ballistic missile this year on Monday.")
    with pytest.raises(ValueError, match="no category 'weapon'"):
        ak.extract_events(articles, lexicon=lexicon_without_weapons)
    with pytest.raises(ValueError, match="no category 'weapon'"):
        ak.check_claims(articles, lexicon=lexicon_without_weapons)
    rules = ak.load_event_rules()
    assert ak.check_claims(articles, rules=rules).equals(ak.check_claims(articles))
