"""The roster and outlets files: read with the lexicon's checks, errors name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

import analystkit as ak
from analystkit.lexicon import LexiconError
from analystkit.roster import Roster, read_outlets, read_roster

LEX = ak.load_lexicon()


def test_the_roster_holds_people_bodies_and_outlets_with_groups_and_years():
    sp = LEX.speakers
    assert sp["Donald Trump"].years == ((2017, 2021), (2025, 9999))
    assert sp["Kim Jong Un"].group == "dprk_state" and sp["Kim Jong Un"].kind == "person"
    assert sp["KCNA"].kind == "outlet" and sp["Yonhap"].group == "media"
    assert sp["State Department"].kind == "body"
    assert set(LEX.roster.state_media_groups) == {"dprk_state", "china_gov", "russia_gov"}
    for name in (
        "Mike Pompeo",
        "John Bolton",
        "Joe Biden",
        "Antony Blinken",
        "Jake Sullivan",
        "John Kirby",
        "Moon Jae-in",
        "Yoon Suk Yeol",
        "Lee Jae-myung",
        "Shinzo Abe",
        "Fumio Kishida",
        "Shigeru Ishiba",
        "Xi Jinping",
        "Wang Yi",
        "Vladimir Putin",
        "Sergei Lavrov",
        "Antonio Guterres",
        "Kim Yo Jong",
        "Choe Son Hui",
        "JD Vance",
        "Karoline Leavitt",
        "Han Duck-soo",
        "Cho Hyun",
        "Sanae Takaichi",
        "Guo Jiakun",
        "Andrei Belousov",
        "Jang Chang Ha",
        "South Korea's Joint Chiefs of Staff",
        "Pentagon",
    ):
        assert name in sp, name


@pytest.mark.parametrize(
    "year, group",
    [(2016, "other"), (2017, "us_gov"), (2022, "other"), (2025, "us_gov"), (None, "us_gov")],
)
def test_a_persons_group_follows_their_years(year, group):
    assert LEX.speakers["Donald Trump"].group_in(year) == group
    assert LEX.speakers["Barack Obama"].group_in(2018) == "expert"


PERSON = "people:\n  X Y:\n    group: us_gov\n    cues: [X Y]\n"


@pytest.mark.parametrize(
    "text, line, problem",
    [
        ("people:\n  X Y:\n    group: martians\n    cues: [X Y]\n", 3, "unknown speaker group"),
        (
            "people:\n  X Y:\n    group: us_gov\n    years: [2017-2015]\n    cues: [X Y]\n",
            4,
            "not a span",
        ),
        (
            "people:\n  X Y:\n    group: us_gov\n    years: [soon]\n    cues: [X Y]\n",
            4,
            "not a span",
        ),
        (PERSON + "roles:\n  wizards: [mage]\n", 6, "unknown role kind 'wizards'"),
        (PERSON + "countries:\n  atlantis: [Atlantean]\n", 6, "unknown country group"),
        ("people:\n  X Y:\n    group: us_gov\n", 3, "has no 'cues'"),
        (
            "people:\n  X Y:\n    group: us_gov\n    died: last year\n    cues: [X Y]\n",
            4,
            "not a year",
        ),
        (
            "people:\n  X Y:\n    group: us_gov\n    gender: x\n    cues: [X Y]\n",
            4,
            "unknown gender",
        ),
        (
            "bodies:\n  B:\n    group: un\n    cues: [B]\n    motto: peace\n",
            5,
            "unknown key 'motto'",
        ),
    ],
)
def test_a_broken_roster_names_file_line_and_problem(text, line, problem):
    with pytest.raises(LexiconError) as err:
        read_roster(text, "roster.yml")
    assert (err.value.path, err.value.line) == ("roster.yml", line)
    assert problem in err.value.problem


def test_a_broken_outlet_names_file_and_line():
    with pytest.raises(LexiconError, match=r"outlets.yml, line 2: unknown speaker group"):
        read_outlets("Paper:\n  group: press\n  cues: [Paper]\n", "outlets.yml", Roster())


def test_a_bad_cue_in_the_roster_names_the_roster_file(tmp_path: Path):
    for name in ("lexicon.yml", "outlets.yml"):
        (tmp_path / name).write_text((ak.paths.DATA_DIR / name).read_text())
    (tmp_path / "roster.yml").write_text("people:\n  X Y:\n    group: us_gov\n    cues: ['re:(']\n")
    with pytest.raises(LexiconError) as err:
        ak.load_lexicon(tmp_path / "lexicon.yml")
    assert err.value.path.endswith("roster.yml") and err.value.line == 4
