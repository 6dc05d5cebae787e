"""The shared vocabularies (analystkit/vocab.py) and the one missile-class precedence.

Sentences in `written(...)` calls are written by this project for the tests; they are
not quotes from real articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from facts import written

import analystkit as ak
from analystkit.event_rules import load_event_rules
from analystkit.reference import _cell_type
from analystkit.vocab import CLASS_PRECEDENCE, MISSILE_CLASSES

PACKAGE = Path(ak.__file__).parent
VOCABULARIES = (
    "EVENT_TYPES",
    "LAUNCH_TYPES",
    "LAUNCH_EVENT_TYPES",
    "MISSILE_CLASSES",
    "SPEAKER_GROUPS",
    "RHETORIC_TAGS",
    "MILESTONE_KINDS",
    "CLASS_PRECEDENCE",
)


def test_the_precedence_is_the_order_data_readme_documents_for_the_chronology():
    readme = (ak.paths.DATA_DIR / "README.md").read_text(encoding="utf-8")
    documented = re.search(r"in this order: ([a-z >\n]+)\.", readme)[1].split()
    assert tuple(c for c in documented if c != ">") == CLASS_PRECEDENCE
    assert sorted(CLASS_PRECEDENCE) == sorted(MISSILE_CLASSES)


def test_each_vocabulary_is_defined_only_in_vocab():
    defined = re.compile(rf"^({'|'.join(VOCABULARIES)})\s*=", re.M)
    copies = {
        p.name: defined.findall(p.read_text(encoding="utf-8"))
        for p in PACKAGE.glob("*.py")
        if p.name != "vocab.py"
    }
    assert {name: found for name, found in copies.items() if found} == {}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a mixed day: the more capable class wins, as 2022-05-25 is icbm in the chronology
        (
            "North Korea fired an intercontinental ballistic missile and two short-range "
            "ballistic missiles on Wednesday.",
            "icbm",
        ),
        # ballistic (type not stated) outranks cruise
        ("North Korea fired ballistic missiles and cruise missiles on Wednesday.", "ballistic"),
        # hypersonic outranks srbm
        (
            "North Korea fired a hypersonic missile and a short-range ballistic missile on "
            "Wednesday.",
            "hypersonic",
        ),
    ],
)
def test_extraction_and_the_cns_reader_pick_the_same_class(sentence, expected):
    event = ak.extract_events(written(("2025-03-06", sentence))).iloc[0]
    assert event["missile_class"] == expected
    cell = {
        "icbm": "ICBM, SRBM",
        "ballistic": "Ballistic, Cruise",
        "hypersonic": "Hypersonic, SRBM",
    }[expected]
    assert _cell_type(cell) == expected


def test_a_rule_file_still_setting_the_class_order_is_refused_by_name(tmp_path):
    old = tmp_path / "rules.yml"
    old.write_text(
        ak.paths.DATA_DIR.joinpath("event_rules.yml").read_text(encoding="utf-8")
        + "missile_class_order: [icbm, cruise]\n",
        encoding="utf-8",
    )
    with pytest.raises(
        ValueError,
        match=r"rules\.yml, line \d+: unknown key 'missile_class_order'"
        r".*CLASS_PRECEDENCE",
    ):
        load_event_rules(old)
