"""The lexicon file: vocabulary, examples, pattern semantics, and every kind of error."""

from __future__ import annotations

import pytest
from facts import frame

import analystkit as ak
from analystkit.lexicon import LexiconError, lexicon_from_text
from analystkit.matcher import normalize

LEX = ak.load_lexicon()
RHETORIC = {
    "threat",
    "capability_claim",
    "hostility_accusation",
    "deterrence",
    "diplomatic_outreach",
    "rejection",
    "alignment",
}
MISSILE_CLASSES = {"cruise", "srbm", "mrbm", "irbm", "icbm", "slbm", "hypersonic", "ballistic"}
EVENT_TYPES = {
    "missile_launch",
    "satellite_launch",
    "nuclear_test",
    "summit",
    "talks",
    "military_exercise",
    "sanctions",
}
GROUPS = {
    "dprk_state",
    "us_gov",
    "rok_gov",
    "japan_gov",
    "china_gov",
    "russia_gov",
    "un",
    "expert",
    "other",  # the roster's non-governmental bodies (Amnesty International ...)
    "media",
}


def tags_of(text: str, lexicon=LEX, category: str | None = None) -> list[tuple[str, str]]:
    m = ak.tag(frame(text), lexicon)
    if category:
        m = m[m.category == category]
    return list(zip(m.matched, m.tag))


def test_default_lexicon_uses_the_design_vocabularies():
    table = LEX.table()
    by_cat = table.groupby("category")["tag"].apply(set)
    assert by_cat["rhetoric"] == RHETORIC
    assert by_cat["weapon"] == MISSILE_CLASSES
    assert by_cat["event"] == EVENT_TYPES
    assert {"dprk", "us", "rok", "japan", "china", "russia", "un"} <= by_cat["actor"]
    assert {s.group for s in LEX.speakers.values()} <= GROUPS
    assert list(table.columns) == [
        "category",
        "tag",
        "definition",
        "example",
        "n_patterns",
        "patterns",
    ]
    assert (table.definition.str.len() > 10).all() and (table.n_patterns > 0).all()


def test_repr_and_speaker_table_are_readable():
    text = repr(LEX)
    assert "lexicon.yml" in text and f"{len(LEX.tags)} tags" in text and "rhetoric" in text
    sp = LEX.speaker_table().set_index("speaker")
    assert sp.loc["KCNA", "speaker_group"] == "dprk_state"
    assert sp.loc["South Korea's Joint Chiefs of Staff", "speaker_group"] == "rok_gov"
    assert sp.loc["Donald Trump", "kind"] == "person" and sp.loc["Yonhap", "kind"] == "outlet"
    assert sp.loc["Donald Trump", "years"] == "2017-2021, 2025-"


@pytest.mark.parametrize("name", sorted(LEX.tags))
def test_every_example_is_tagged_with_its_own_tag(name):
    tag = LEX.tags[name]
    assert (tag.category, name) in {
        (c, t) for c, t in zip(*ak.tag(frame(tag.example), LEX)[["category", "tag"]].T.values)
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("it had test-fired strategic cruise missiles", "cruise"),
        ("it fired a ballistic missile into the sea", "ballistic"),
        ("an intercontinental ballistic missile", "icbm"),
        ("the ICBM flew for 70 minutes", "icbm"),
        ("a Hwasong-18 was launched", "icbm"),
        ("a Hwasong 18 was launched", "icbm"),
        ("two short-range ballistic missiles", "srbm"),
        ("a submarine-launched ballistic missile", "slbm"),
        ("a Pukguksong-2", "mrbm"),
        ("a hypersonic missile", "hypersonic"),
    ],
)
def test_weapon_class_longest_match_wins(text, expected):
    assert [t for _, t in tags_of(text, category="weapon")] == [expected]


SMALL = """
categories:
  demo:
    provocation:
      definition: d
      example: e
      patterns: [provocat*, counter-attack, Korea's nuclear, "re:Hwasong-\\\\d+",
                 "use * weapons", "Mr. Kim"]
    upper:
      definition: d
      example: e
      patterns: ["re:(?-i:US)"]
"""


def small():
    return lexicon_from_text(SMALL, "small.yml")


@pytest.mark.parametrize(
    "text, hits",
    [
        ("Their PROVOCATIONS and provocative acts", ["PROVOCATIONS", "provocative"]),
        (
            "a counter-attack, a counterattack, a counter attack, a counter–attack",
            ["counter-attack", "counterattack", "counter attack", "counter–attack"],
        ),
        ("North Korea's nuclear and North Korea’s nuclear", ["Korea's nuclear", "Korea’s nuclear"]),
        ("the Hwasong-17 and the hwasong-19", ["Hwasong-17", "hwasong-19"]),
        ("ready to use its weapons; use weapons", ["use its weapons"]),
        ("Mr. Kim and Mr Kim", ["Mr. Kim"]),
        ("the US told us", ["US"]),
        ("unprovocative, counterattacking, Koreas", []),
    ],
)
def test_pattern_semantics(text, hits):
    m = ak.tag(frame(text), small())
    assert list(m.matched) == hits
    assert all(text[s:e] == x for s, e, x in zip(m.start, m.end, m.matched))


def test_normalize_keeps_length_and_folds_case_and_punctuation():
    for text in ["İstanbul’s “KCNA” — Ünited", "a\u0301b c", "x\U0001f600y", ""]:
        out = normalize(text)
        assert len(out) == len(text)
    assert normalize("North Korea’s U.S.-led") == "north korea s u s  led"


def write(tmp_path, body: str):
    path = tmp_path / "bad.yml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD_TAG = "      definition: d\n      example: e\n"


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("categories:\n  demo:\n    t:\n      patterns: [a, b\n", None, "not valid YAML"),
        ("categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns: [good, '']\n", 6, "empty"),
        (
            "categories:\n  demo:\n    t:\n"
            + GOOD_TAG
            + "      patterns: [a]\n      colour: red\n",
            7,
            "unknown key 'colour'",
        ),
        (
            "categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns:\n        - ok\n"
            "        - 're:(unclosed'\n",
            8,
            "re:(unclosed",
        ),
        (
            "categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns: ['re:a*']\n",
            6,
            "matches empty text",
        ),
        (
            "categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns: ['--']\n",
            6,
            "no letters or digits",
        ),
        (
            "categories:\n  demo:\n    t:\n      example: e\n      patterns: [a]\n",
            4,
            "no 'definition'",
        ),
        (
            "categories:\n  a:\n    t:\n"
            + GOOD_TAG
            + "      patterns: [x]\n  b:\n    t:\n"
            + GOOD_TAG
            + "      patterns: [y]\n",
            8,
            "already in category 'a'",
        ),
        (
            "categories:\n  demo:\n    Bad-Name:\n" + GOOD_TAG + "      patterns: [x]\n",
            3,
            "lower-case",
        ),
        (
            "categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns: [x]\nspeakers:\n  X:\n"
            "    group: media\n    cues: [x]\n",
            7,
            "unknown key 'speakers'",
        ),
        (
            "categories:\n  demo:\n    t:\n"
            + GOOD_TAG
            + "      patterns: [x]\n      requires: y\n",
            7,
            "must be a non-empty list",
        ),
        (
            "categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns: x\n",
            6,
            "must be a non-empty list",
        ),
        ("categories: {}\nversion: 2\n", 2, "unknown key 'version'"),
        (
            "categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns: [x]\n    t:\n",
            7,
            "duplicate key 't'",
        ),
        (
            "categories:\n  demo:\n    t:\n"
            + GOOD_TAG
            + "      patterns: [!!python/object/apply:os.system ['echo hacked']]\n",
            6,
            "not allowed",
        ),
        ("", None, "empty"),
    ],
)
def test_broken_lexicon_names_file_line_and_problem(tmp_path, body, line, words):
    path = write(tmp_path, body)
    with pytest.raises(LexiconError) as info:
        ak.load_lexicon(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.path == str(path) and str(path) in str(err)
    if line is not None:
        assert err.line == line and f"line {line}" in str(err)
    assert words in str(err)


def test_yaml_error_reports_its_line(tmp_path):
    path = write(tmp_path, "categories:\n  demo:\n    t: [unclosed\n")
    with pytest.raises(LexiconError) as info:
        ak.load_lexicon(path)
    assert info.value.line is not None and info.value.line >= 3


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        ak.load_lexicon(tmp_path / "nope.yml")


def test_yaml_booleans_stay_words():
    lex = lexicon_from_text(
        "categories:\n  demo:\n    t:\n" + GOOD_TAG + "      patterns: [no, yes, on]\n"
    )
    assert lex.tags["t"].patterns == ("no", "yes", "on")
    assert [x for x, _ in tags_of("Yes or no, on it", lex)] == ["Yes", "no", "on"]


def test_lexicon_pickles_and_paths_are_accepted(seed_articles):
    import pickle

    copy = pickle.loads(pickle.dumps(LEX))
    assert "matcher" not in copy.__dict__  # rebuilt on use, not shipped
    expected = ak.tag(seed_articles, LEX)
    assert ak.tag(seed_articles, copy).equals(expected)
    assert ak.tag(seed_articles, str(ak.LEXICON_PATH)).equals(expected)
    with pytest.raises(TypeError, match="lexicon must be"):
        ak.tag(seed_articles, 42)


def test_a_lexicon_file_is_reused_until_it_changes(tmp_path):
    path = tmp_path / "lexicon.yml"
    path.write_text(ak.LEXICON_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    first = ak.load_lexicon(path)
    assert ak.load_lexicon(path) is first
    added = "- reach* out\n        - hold out a hand"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- reach* out", added, 1), encoding="utf-8"
    )
    edited = ak.load_lexicon(path)
    assert edited is not first
    outreach = edited.table().set_index("tag").loc["diplomatic_outreach", "patterns"]
    assert "hold out a hand" in outreach.split(", ")


def test_user_regexes_scanned_together_find_what_each_finds_alone():
    """The one-pass prefilter over all `re:` patterns gives each the matches its own
    finditer gives: overlapping patterns, case rules, a pattern with a group (scanned
    alone), and one that can match empty text (scanned alone). (Regexes of plain
    case-sensitive words, "re:(?-i:US|U\\.S\\.)", go the automaton's way instead:
    tests/test_lexicon_faults.py.)"""
    from analystkit.matcher import Entry, Matcher, _regex_spans

    sources = [
        "re:(?-i:US|U\\.S\\.?|USA)",
        "re:(?-i:USA?)",
        "re:(?-i:UN|U\\.N\\.?)",
        "re:hwasong-?\\d+",
        "re:(kn)-(\\d+)",
        "re:x?(?=\\s)",
    ]
    m = Matcher([Entry(s, "c", f"t{i}") for i, s in enumerate(sources)])
    text = (
        "The USA and the U.S. told the UN; a Hwasong-15 and hwasong17, "
        "KN-23 and kn-24 flew. BUSAN USAF UNESCO U.N. x y"
    )
    got = dict(m._regex_matches(text))
    for pid, rx in m.regexes:
        assert got[pid] == _regex_spans(rx, text), m.source[pid]
    assert got[0] and got[1] and got[2] and got[3] and got[4]


def test_regex_prefilter_tried_only_where_a_match_can_start():
    """With every `re:` pattern's first characters known, the prefilter is tried only at
    those (both cases under IGNORECASE, and every non-ASCII character: the Kelvin sign
    folds to "k"), and finds what a scan of every position finds."""
    from analystkit.matcher import Entry, Matcher, _first_char_class

    sources = ["re:(?-i:US|U\\.S\\.?|USA)", "re:hwasong-?\\d+", "re:kn-\\d+", "re:[0-9]+ km"]
    m = Matcher([Entry(s, "c", f"t{i}") for i, s in enumerate(sources)])
    assert m.first_char is not None
    text = "The USA and U.S. saw a Hwasong-15, \u212aN-23 and KN-24 fly 300 km; BUSAN kn-2"
    assert m.prefilter is not None
    assert m._candidates(text) == [x.start() for x in m.prefilter.finditer(text)]
    assert len(m._candidates(text)) == 7
    assert _first_char_class(["x?y"]) is None  # may start with "y" as well: not read
