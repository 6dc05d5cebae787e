"""data/event_rules.yml edited wrongly: each problem is named with the file and its line,
as the lexicon's are (LexiconError, a ValueError)."""

from __future__ import annotations

import pytest
from facts import frame

import analystkit as ak
from analystkit.event_rules import RULES_PATH, load_event_rules
from analystkit.event_rules_yaml import event_rules_from_text
from analystkit.lexicon import LexiconError

SHIPPED = RULES_PATH.read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _broken(tmp_path, text: str):
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_event_rules(path)
    assert err.value.path == str(path)
    return err.value


def test_an_empty_file_is_named(tmp_path):
    err = _broken(tmp_path, "# nothing but a comment\n")
    assert "the file is empty" in str(err) and "rules.yml" in str(err)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(LexiconError, match=r"nowhere\.yml: cannot read the file"):
        load_event_rules(tmp_path / "nowhere.yml")


def test_a_missing_key_names_the_line_of_its_parent(tmp_path):
    text = SHIPPED.replace("    actor: nearest\n    default: DPRK\n", "    actor: nearest\n", 1)
    err = _broken(tmp_path, text)
    assert err.line == _line_of(text, "  missile_launch:") + 1
    assert "events.missile_launch has no 'default'" in err.problem


def test_a_missing_section_is_named(tmp_path):
    text = SHIPPED[: SHIPPED.index("\nrealis:")] + "\n"
    err = _broken(tmp_path, text)
    assert "the rule file has no 'realis'" in err.problem


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("  window_words: 12", "  window_words: twelve", "window_words must be a whole number"),
        ("        nominal: true\n", "        nominal: maybe\n", "nominal must be true or false"),
        ("        dated: true\n", "        dated: maybe\n", "dated must be true or false"),
        ("    actor: nearest\n", "    actor: closest\n", "actor must be one of nearest, parties"),
        (
            "    keywords: [sanction, state sponsor]",
            "    keywords: sanction",
            "keywords must be a non-empty list",
        ),
        ("    default: DPRK\n", "    default: [DPRK]\n", "must be a single value"),
        # the pattern language: an unknown key, a bad glob, an empty list, ...
        (
            "        not_before: '{launch_place}'",
            "        not_befor: '{launch_place}'",
            "unknown key 'not_befor' in events.missile_launch.triggers[1]",
        ),
        (
            "        not_before: '{launch_place}'",
            "        not_before: '*'",
            "bad pattern '*': pattern has no letters or digits",
        ),
        (
            "        not_before: '{launch_place}'",
            "        not_before: []",
            "not_before must be a non-empty list",
        ),
        (
            "        not_before: '{launch_place}'",
            "        not_before: '{launch_places}'",
            "bad pattern '{launch_places}': no word list {launch_places}",
        ),
        (
            "        occurs_with: '{under_way}'\n",
            "        occurs_with: '{under_wya}'\n",
            "bad pattern '{under_wya}': no word list {under_wya}",
        ),
        (
            "  cause_clause: [after, following, in the wake of, on the heels of]",
            "  cause_clause: []",
            "realis.cause_clause must be a non-empty list",
        ),
        (
            "      - pattern: [met, meets, meeting, 're:(?:met|meets|meeting) with']",
            "      - pattern: 'met|meets'",
            "looks like a regular expression",
        ),
        ("  projectile: [missile,", "  projectile: [a-b-c-d-e-missile,", "more than 4 hyphens"),
        ("        actor: US-ROK-Japan", "        actor: Japan-US-ROK", "actor 'Japan-US-ROK'"),
        ("        actor: US-Japan", "        actor: US-Korea", "actor 'US-Korea'"),
        (
            "  not_launched_after: [target,",
            "  not_launched_after: [target missile,",
            "'target missile' is not a single word",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_names_its_line(tmp_path, old, new, problem):
    assert old in SHIPPED
    text = SHIPPED.replace(old, new, 1)
    err = _broken(tmp_path, text)
    assert problem in err.problem
    assert err.line == _line_of(text, new)


def test_a_bad_regex_names_its_line(tmp_path):
    old = "      - pattern: 're:(?:held|hold"
    text = SHIPPED.replace(old, "      - pattern: 're:((?:held|hold", 1)
    err = _broken(tmp_path, text)
    assert err.line == _line_of(text, "re:((?:held")
    assert "events.talks.triggers[0].pattern: bad pattern 're:((?:held" in err.problem


def test_a_bad_realis_cue_and_an_unknown_realis_name_their_lines():
    text = SHIPPED.replace("      - 're:\\w+n[''’]t'", "      - 're:(\\w+n[''’]t'", 1)
    with pytest.raises(LexiconError) as err:
        event_rules_from_text(text, "mine.yml")
    assert err.value.line == _line_of(text, "re:(\\w+n")
    assert str(err.value).startswith(
        f"mine.yml, line {err.value.line}: an entry of realis.before.negated: bad pattern"
    )
    text = SHIPPED.replace("    historical:", "    historic:", 1)
    with pytest.raises(LexiconError) as err:
        event_rules_from_text(text, "mine.yml")
    assert err.value.line == _line_of(text, "    historic:")
    assert "unknown key 'historic' in realis.before" in err.value.problem


def test_an_unknown_event_type_names_its_line():
    text = SHIPPED.replace("  summit:\n", "  summmit:\n", 1)
    with pytest.raises(LexiconError) as err:
        event_rules_from_text(text, "mine.yml")
    assert err.value.line == _line_of(text, "  summmit:")
    assert "unknown event_type 'summmit'" in err.value.problem


SUMMIT_LINE = "      - pattern: ['re:summit(?![\\w-]| meetings)']"
"""The shipped summit trigger, a regular expression."""


def test_a_pattern_may_say_re_explicitly(tmp_path):
    assert SUMMIT_LINE in SHIPPED
    path = tmp_path / "rules.yml"
    path.write_text(SHIPPED.replace(SUMMIT_LINE, "      - pattern: [summit]", 1), encoding="utf-8")
    articles = frame("Kim and Trump held a summit in Hanoi on Wednesday.")
    got = ak.extract_events(articles, rules=load_event_rules(path))
    assert list(got["event_type"]) == list(ak.extract_events(articles)["event_type"])
    assert "summit" in set(got["event_type"])


def test_a_word_list_finds_what_its_regex_found(tmp_path):
    assert SUMMIT_LINE in SHIPPED
    path = tmp_path / "rules.yml"
    path.write_text(SHIPPED.replace(SUMMIT_LINE, "      - pattern: [summit]", 1), encoding="utf-8")
    shipped, words = load_event_rules(), load_event_rules(path)
    text = "the summit, two summits, summitry and a pre-summit meeting"
    found = [m.span() for m in shipped.triggers["summit"][0].pattern.finditer(text)]
    assert found == [m.span() for m in words.triggers["summit"][0].pattern.finditer(text)]
    assert found == [(4, 10)]


def test_not_before_keeps_a_launch_word_naming_a_place_out():
    verb = load_event_rules().triggers["missile_launch"][1].pattern
    assert verb.search("it fired a missile") and verb.search("it test-fired")
    assert not verb.search("near the launch pads") and not verb.search("a firing position")


def test_an_actor_label_for_no_roster_group_or_name_names_its_line(tmp_path):
    text = SHIPPED.replace("  rok_gov: ROK\n", "  rok_govt: ROK\n", 1)
    err = _broken(tmp_path, text)
    assert err.line == _line_of(text, "  rok_govt: ROK")
    assert "'rok_govt' is neither a roster group nor a name in the roster" in err.problem


def test_the_retired_parties_list_says_where_who_acts_lives():
    text = SHIPPED.replace("actors:\n", "parties:\n  US: [US]\nactors:\n", 1)
    with pytest.raises(LexiconError, match="who acts is the roster's people"):
        event_rules_from_text(text, "mine.yml")
