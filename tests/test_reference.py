"""The curated reference (data/reference) and the CNS database reader."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from facts import EVENTS_PER_YEAR

import analystkit as ak
from analystkit.reference import (
    CHRONOLOGY_PATH,
    MILESTONES_PATH,
    MISSILE_CLASSES,
    ReferenceDataError,
)

FIXTURES = Path(__file__).parent / "fixtures" / "cns"


def counted(chronology: pd.DataFrame) -> pd.DataFrame:
    return chronology[chronology["counted"]]


# ---------------------------------------------------------------- the chronology


def test_launch_events_per_year_match_the_reference(chronology):
    events = counted(chronology)
    per_year = events.groupby(events["date"].dt.year).size()
    assert per_year.reindex(range(2018, 2026), fill_value=0).to_dict() == EVENTS_PER_YEAR


def test_the_seed_articles_cruise_test_is_the_fourth_event_of_2025(chronology):
    events = counted(chronology)
    year_2025 = events[events["date"].dt.year == 2025]
    before = year_2025[year_2025["date"] < "2025-02-26"]
    assert before["date"].dt.strftime("%m-%d").tolist() == ["01-06", "01-14", "01-25"]
    feb26 = year_2025.set_index("date").loc["2025-02-26"]
    assert feb26["missile_class"] == "cruise"
    assert len(year_2025[year_2025["date"] <= "2025-02-26"]) == 4
    since_inauguration = year_2025[year_2025["date"] >= "2025-01-20"]
    assert len(since_inauguration[since_inauguration["date"] <= "2025-02-26"]) == 2


def test_a_ballistic_only_tally_would_make_it_the_second(chronology):
    events = counted(chronology)
    early = events[(events["date"] >= "2025-01-01") & (events["date"] <= "2025-02-26")]
    assert (early["missile_class"] != "cruise").sum() == 2


def test_frame_types_order_and_columns(chronology):
    assert list(chronology.columns) == [
        "date",
        "event_type",
        "missile_class",
        "n_missiles",
        "missile_names",
        "counted",
        "confidence",
        "source",
        "note",
    ]
    assert pd.api.types.is_datetime64_dtype(chronology["date"])
    assert (chronology["date"] == chronology["date"].dt.normalize()).all()
    assert chronology["counted"].dtype == bool
    assert chronology["n_missiles"].dtype == "Int64"
    for column in ("event_type", "missile_class", "missile_names", "confidence", "source", "note"):
        assert pd.api.types.is_string_dtype(chronology[column]), column
    assert chronology["date"].is_monotonic_increasing and chronology["date"].is_unique


def test_every_row_cites_a_source_and_uses_the_vocabularies(chronology):
    assert chronology["source"].str.strip().str.len().gt(0).all()
    assert set(chronology["event_type"]) == {"missile_launch", "satellite_launch"}
    missiles = chronology[chronology["event_type"] == "missile_launch"]
    assert set(missiles["missile_class"]) <= set(MISSILE_CLASSES)
    assert set(chronology["confidence"]) == {"high", "medium", "low"}


def test_satellite_launch_days(chronology):
    slv = chronology[chronology["event_type"] == "satellite_launch"]
    assert slv["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2023-05-31",
        "2023-08-24",
        "2023-11-21",
        "2024-05-27",
    ]
    assert slv["missile_class"].isna().all() and slv["counted"].all()


def test_air_defence_days_and_the_undated_cruise_test_are_listed_not_counted(chronology):
    left_out = chronology[~chronology["counted"]].set_index(
        chronology.loc[~chronology["counted"], "date"].dt.strftime("%Y-%m-%d")
    )
    assert sorted(left_out.index) == [
        "2021-01-20",
        "2021-09-30",
        "2025-03-20",
        "2025-08-23",
        "2025-12-24",
    ]
    assert left_out.loc["2021-01-20", "confidence"] == "low"
    assert left_out.loc["2021-01-20", "missile_class"] == "cruise"
    air_defence = left_out.drop(index="2021-01-20")
    assert (air_defence["missile_class"] == "unknown").all()
    assert air_defence["note"].str.contains("air-defence").all()


def test_mixed_days_take_the_most_capable_class(chronology):
    by_day = chronology.set_index(chronology["date"].dt.strftime("%Y-%m-%d"))
    assert by_day.loc["2022-05-25", "missile_class"] == "icbm"  # ICBM + SRBMs
    assert by_day.loc["2022-11-03", "missile_class"] == "icbm"
    assert by_day.loc["2024-09-18", "missile_class"] == "srbm"  # SRBMs + cruise
    assert "cruise" in by_day.loc["2024-09-18", "missile_names"]
    assert by_day.loc["2025-01-06", "missile_class"] == "irbm"  # hypersonic IRBM


def test_source_conflicts_are_kept_in_the_note(chronology):
    by_day = chronology.set_index(chronology["date"].dt.strftime("%Y-%m-%d"))
    assert by_day.loc["2022-11-02", "n_missiles"] == 7
    assert "JCS" in by_day.loc["2022-11-02", "note"]
    assert by_day.loc["2023-03-09", "note"].startswith("CONFLICT")
    assert pd.isna(by_day.loc["2025-02-26", "n_missiles"])  # "several"


def test_kst_days_that_share_a_utc_date_stay_two_events(chronology):
    # 22:37 KST on Dec 17 and 08:24 KST on Dec 18 are both 2023-12-17 in UTC.
    by_day = chronology.set_index(chronology["date"].dt.strftime("%Y-%m-%d"))
    assert by_day.loc["2023-12-17", "missile_class"] == "srbm"
    assert by_day.loc["2023-12-18", "missile_class"] == "icbm"
    assert "UTC date 2023-12-17" in by_day.loc["2023-12-18", "note"]


# ---------------------------------------------------------------- the milestones


def test_milestones_frame(milestones):
    assert list(milestones.columns) == [
        "date",
        "end_date",
        "kind",
        "title",
        "label",
        "source",
        "note",
    ]
    assert len(milestones) == 72
    assert milestones["date"].is_monotonic_increasing
    assert pd.api.types.is_datetime64_dtype(milestones["end_date"])
    assert set(milestones["kind"]) == {
        "summit",
        "meeting",
        "talks",
        "sanctions",
        "term",
        "policy",
        "military",
        "other",
    }
    assert milestones["source"].str.len().gt(0).all()
    assert milestones["label"].str.len().le(16).all() and milestones["label"].is_unique
    spans = milestones.dropna(subset=["end_date"])
    assert (spans["end_date"] >= spans["date"]).all()


def test_presidential_terms(milestones):
    terms = milestones[milestones["kind"] == "term"].set_index("label")
    assert list(terms.index) == ["Trump I", "Moon", "Biden", "Yoon", "Trump II", "Lee"]
    day = lambda s: pd.Timestamp(s)  # noqa: E731
    assert (terms.loc["Trump I", "date"], terms.loc["Trump I", "end_date"]) == (
        day("2017-01-20"),
        day("2021-01-20"),
    )
    assert (terms.loc["Biden", "date"], terms.loc["Biden", "end_date"]) == (
        day("2021-01-20"),
        day("2025-01-20"),
    )
    assert terms.loc["Trump II", "date"] == day("2025-01-20")
    assert pd.isna(terms.loc["Trump II", "end_date"])
    assert terms.loc["Yoon", "end_date"] == day("2025-04-04")


def test_the_three_trump_kim_meetings_were_in_2018_and_2019(milestones):
    by_label = milestones.set_index("label")
    assert by_label.loc["Singapore", "date"] == pd.Timestamp("2018-06-12")
    assert (by_label.loc["Hanoi", "date"], by_label.loc["Hanoi", "end_date"]) == (
        pd.Timestamp("2019-02-27"),
        pd.Timestamp("2019-02-28"),
    )
    assert by_label.loc["Panmunjom", "date"] == pd.Timestamp("2019-06-30")
    assert by_label.loc["APEC Gyeongju", "note"].startswith("Trump said the timing")


# ---------------------------------------------------------------- broken rows


def _broken_copy(tmp_path: Path, source: Path, edits: dict[int, dict[str, str]]) -> Path:
    """A copy of a reference file with some cells changed, keyed by editor line."""
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0])
    for line, cells in edits.items():
        rows[line - 2].update(cells)
    target = tmp_path / source.name
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


def _line_edited_copy(tmp_path: Path, source: Path, index: int, old: str, new: str) -> Path:
    """A copy of a reference file with one raw line (0: the header) edited as text."""
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[index] = lines[index].replace(old, new, 1)
    target = tmp_path / source.name
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_broken_chronology_rows_are_all_reported_by_line(tmp_path):
    path = _broken_copy(
        tmp_path,
        CHRONOLOGY_PATH,
        {
            3: {"date": "2019-05-32"},
            5: {"event_type": "misile_launch"},
            7: {"source": ""},
            9: {"date": "2019-05-09"},  # the day on line 4
            11: {"missile_class": "SRBM"},
            13: {"n_missiles": "two"},
        },
    )
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_chronology(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: 7 problems")
    assert "line 3, date: bad date '2019-05-32'" in message
    assert "line 5, event_type: unknown event_type 'misile_launch'" in message
    assert "line 7, source: missing source" in message
    assert "line 4, date: duplicate date '2019-05-09'" in message
    assert "line 9, date: duplicate date '2019-05-09'" in message
    assert "line 11, missile_class: unknown missile_class 'SRBM'" in message
    assert "line 13, n_missiles: n_missiles 'two' is not a whole number" in message
    assert isinstance(caught.value, ValueError)


def test_the_first_data_line_is_line_2_and_duplicates_name_both_lines(tmp_path):
    first = ak.load_chronology().iloc[0]
    path = _broken_copy(
        tmp_path, CHRONOLOGY_PATH, {4: {"date": first["date"].strftime("%Y-%m-%d")}}
    )
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_chronology(path)
    assert "line 2, date: duplicate date" in str(caught.value)
    assert "line 4, date: duplicate date" in str(caught.value)


def test_a_satellite_launch_with_a_missile_class_is_refused(tmp_path):
    path = _broken_copy(tmp_path, CHRONOLOGY_PATH, {2: {"event_type": "satellite_launch"}})
    with pytest.raises(
        ReferenceDataError,
        match=r"line 2: missile_class is required for "
        r"missile_launch and must be empty for satellite_launch",
    ):
        ak.load_chronology(path)


def test_line_numbers_follow_multiline_cells(tmp_path):
    lines = CHRONOLOGY_PATH.read_text(encoding="utf-8").splitlines()
    head, second, third = lines[0], lines[1], lines[2]
    second = second.rsplit(",", 1)[0] + ',"a note\nover two lines"'
    third = third.replace("missile_launch", "rocket", 1)
    path = tmp_path / "launch_events.csv"
    path.write_text("\n".join([head, second, third]) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"line 4, event_type: unknown event_type"):
        ak.load_chronology(path)


def test_a_row_with_a_missing_comma_is_named(tmp_path):
    path = _line_edited_copy(tmp_path, CHRONOLOGY_PATH, 4, ",missile_launch,", ",missile_launch ")
    with pytest.raises(ReferenceDataError, match=r"line 5: 8 fields, the header has 9"):
        ak.load_chronology(path)


def test_unknown_and_missing_columns_are_named(tmp_path):
    path = _line_edited_copy(tmp_path, CHRONOLOGY_PATH, 0, "confidence", "certainty")
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_chronology(path)
    assert "line 1 (header): missing column 'confidence'" in str(caught.value)
    assert "line 1 (header): unexpected column 'certainty'" in str(caught.value)


def test_a_renamed_rule_column_is_reported_once_as_a_header_problem(tmp_path):
    path = _line_edited_copy(tmp_path, MILESTONES_PATH, 0, "end_date", "until")
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_milestones(path)
    assert str(caught.value).splitlines()[1:] == [
        "  line 1 (header): missing column 'end_date'",
        "  line 1 (header): unexpected column 'until'",
    ]


def test_a_repeated_column_is_named(tmp_path):
    path = _line_edited_copy(tmp_path, MILESTONES_PATH, 0, "label", "title")
    with pytest.raises(ReferenceDataError, match="column 'title' appears more than once"):
        ak.load_milestones(path)


def test_broken_milestone_rows(tmp_path):
    path = _broken_copy(
        tmp_path,
        MILESTONES_PATH,
        {
            2: {"end_date": "2016-01-20"},
            3: {"kind": "election"},
            4: {"source": ""},
            5: {"date": "8 Aug 2017"},
            6: {"label": "A label far too long for a chart"},
        },
    )
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_milestones(path)
    message = str(caught.value)
    assert "line 2: end_date before date (date '2017-01-20', end_date '2016-01-20')" in message
    assert "line 3, kind: unknown kind 'election'" in message
    assert "line 4, source: missing source" in message
    assert "line 5, date: bad date '8 Aug 2017' (expected YYYY-MM-DD)" in message
    assert "line 6, label: label 'A label far too long for a chart' is longer than 16" in message


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ReferenceDataError, match="no such file"):
        ak.load_milestones(tmp_path / "nope.csv")


# ---------------------------------------------------------------- the CNS database


@pytest.mark.parametrize("name", ["cns_fixture.csv", "cns_fixture.xlsx"])
def test_cns_missiles_become_korea_time_launch_days(name):
    days = ak.load_cns_database(FIXTURES / name)
    by_day = days.set_index(days["date"].dt.strftime("%Y-%m-%d"))
    assert list(by_day.index) == [
        "2019-04-17",
        "2019-07-25",
        "2022-05-25",
        "2023-05-31",
        "2024-10-31",
        "2025-01-06",
    ]
    # Two KN-23s at 20:34 UTC on Jul 24 were 05:34 KST on Jul 25.
    assert by_day.loc["2019-07-25", "n_missiles"] == 2
    assert by_day.loc["2019-07-25", "note"].startswith(
        "first launch 05:34 KST; UTC date 2019-07-24"
    )
    assert by_day.loc["2019-07-25", "missile_names"] == "Hwasong-11A (KN-23)"
    # No launch time: the UTC date is kept and the note says so.
    assert "launch time missing for 1 missile(s): UTC date kept" in by_day.loc["2019-04-17", "note"]
    assert pd.isna(by_day.loc["2019-04-17", "missile_names"])  # "Unknown" cleaned
    assert by_day.loc["2019-04-17", "confidence"] == "medium"
    # ICBM + two SRBMs on one day: one event, the most capable class.
    assert (by_day.loc["2022-05-25", "missile_class"], by_day.loc["2022-05-25", "n_missiles"]) == (
        "icbm",
        3,
    )
    assert by_day.loc["2023-05-31", "event_type"] == "satellite_launch"
    assert pd.isna(by_day.loc["2023-05-31", "missile_class"])
    assert by_day.loc["2024-10-31", "max_apogee_km"] == 7687.5  # "7,687.5 km"
    assert by_day.loc["2025-01-06", "max_distance_km"] == 1100.0  # "~1,100 km"
    assert pd.isna(by_day.loc["2019-07-25", "max_apogee_km"])  # "Unknown"
    assert days["counted"].all()
    assert (days["source"] == f"CNS/NTI North Korea Missile Test Database ({name})").all()
    assert days["n_missiles"].dtype == "Int64"
    assert days["max_apogee_km"].dtype == "Float64"


def test_cns_fixture_days_agree_with_the_curated_chronology(chronology):
    days = ak.load_cns_database(FIXTURES / "cns_fixture.csv")
    curated = chronology.set_index("date").loc[days["date"]]
    assert curated["event_type"].tolist() == days["event_type"].tolist()
    assert curated["missile_class"].fillna("").tolist() == days["missile_class"].fillna("").tolist()
    assert curated["n_missiles"].tolist() == days["n_missiles"].tolist()


def test_cns_csv_and_xlsx_give_the_same_events():
    from_csv = ak.load_cns_database(FIXTURES / "cns_fixture.csv").drop(columns="source")
    from_xlsx = ak.load_cns_database(FIXTURES / "cns_fixture.xlsx").drop(columns="source")
    pd.testing.assert_frame_equal(from_csv, from_xlsx)


def test_cns_rows_that_cannot_be_read_are_named(tmp_path):
    lines = (FIXTURES / "cns_fixture.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("2019-07-24", "July the 24th")  # spreadsheet row 4
    lines[4] = lines[4].replace("20:34", "dawn")  # row 5
    lines[5] = lines[5].replace(",ICBM,", ",Torpedo,")  # row 6
    lines[10] = lines[10].replace("2024-10-30", "2024-13-30")  # row 11, after a blank
    path = tmp_path / "cns.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_cns_database(path)
    message = str(caught.value)
    assert "row 4, Date: bad date 'July the 24th'" in message
    assert "row 5, Launch Time (UTC): not a time 'dawn'" in message
    assert "row 6, Missile Type: unknown type 'Torpedo'" in message
    assert "row 11, Date: bad date '2024-13-30'" in message


def test_cns_measurements_it_cannot_read_are_noted_not_dropped(tmp_path):
    text = (FIXTURES / "cns_fixture.csv").read_text(encoding="utf-8")
    path = tmp_path / "cns.csv"
    path.write_text(text.replace('"7,687.5 km"', "very high"), encoding="utf-8")
    day = ak.load_cns_database(path).set_index("date").loc["2024-10-31"]
    assert pd.isna(day["max_apogee_km"])
    assert "apogee not understood: 'very high'" in day["note"]


def test_cns_needs_its_header_and_a_known_format(tmp_path):
    no_header = tmp_path / "cns.csv"
    no_header.write_text("When,What\n2019-05-04,SRBM\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="no header row with the columns Date"):
        ak.load_cns_database(no_header)
    wrong = tmp_path / "cns.json"
    wrong.write_text("[]", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="unsupported format '.json'"):
        ak.load_cns_database(wrong)


# ---------------------------------------------------------------- dates and encodings


def _appended_copy(tmp_path: Path, source: Path, line: str) -> Path:
    target = tmp_path / source.name
    target.write_text(source.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return target


def test_a_duplicate_day_written_without_zero_padding_is_refused(tmp_path):
    row = CHRONOLOGY_PATH.read_text(encoding="utf-8").splitlines()
    copy = next(r for r in row if r.startswith("2025-02-26,"))
    path = _appended_copy(tmp_path, CHRONOLOGY_PATH, copy.replace("2025-02-26", "2025-2-26", 1))
    last = len(row) + 1
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_chronology(path)
    assert f"line {last}, date: bad date '2025-2-26' (expected YYYY-MM-DD)" in str(caught.value)


@pytest.mark.parametrize("day", ["2025-2-6", "20250226", "2025-02-26T00:00", " 2025-02-26x"])
def test_reference_dates_must_be_strict_iso(tmp_path, day):
    path = _broken_copy(tmp_path, MILESTONES_PATH, {2: {"date": day}})
    with pytest.raises(ReferenceDataError, match="line 2, date: bad date"):
        ak.load_milestones(path)


def test_a_reference_file_saved_as_cp1252_is_named_with_its_line(tmp_path):
    raw = CHRONOLOGY_PATH.read_bytes().replace(b"Yonhap", "Yonhap\u2019s".encode("cp1252"), 1)
    path = tmp_path / "launch_events.csv"
    path.write_bytes(raw)
    bad_line = raw[: raw.index(b"\x92")].count(b"\n") + 1
    with pytest.raises(ReferenceDataError) as caught:
        ak.load_chronology(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert f"line {bad_line}" in message and "not UTF-8" in message
