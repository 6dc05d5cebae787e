"""The load report survives what pandas does to attrs: concat, filtering, merge, and the
frames computed from the articles."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import analystkit as ak


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ak.corpus.ArticleLoadWarning)
        return ak.load_articles(folder)


@pytest.fixture
def two_loads(tmp_path):
    """Two loads: each one article, one file it skips and one it decodes from cp1252."""
    frames = []
    for name, day in (("first", "2024-03-01"), ("second", "2024-04-02")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "ok.txt").write_text(
            f" date {day} The {name} load: North Korea fired a missile.", encoding="utf-8"
        )
        (folder / "bad.txt").write_text("no date in the {name} load", encoding="utf-8")
        (folder / "legacy.txt").write_bytes(
            f" date {day} The {name} legacy file – a dash.".encode("cp1252")
        )
        frames.append(_load(folder))
    return frames


def _skipped_folders(report: ak.LoadReport) -> set[str]:
    return {path.replace("\\", "/").split("/")[-2] for path, _ in report.skipped}


def test_concat_drops_attrs_but_the_report_is_found(two_loads):
    first, second = two_loads
    both = pd.concat([first, second], ignore_index=True)
    assert "skipped" not in both.attrs  # what pandas does: the differing attrs are dropped
    report = ak.load_report(both)
    assert report.loads == 2
    assert _skipped_folders(report) == {"first", "second"}
    assert len(report.decoded_with) == 2 and len(report["decoded_with"]) == 2
    assert ak.load_report(first).skipped == tuple(first.attrs["skipped"])


def test_filtering_keeps_the_reports_of_the_loads_still_in_the_frame(two_loads):
    both = pd.concat(two_loads, ignore_index=True)
    april = both[both["date"].dt.month == 4]
    assert _skipped_folders(ak.load_report(april)) == {"second"}
    assert ak.load_report(both.iloc[:0]) == ak.LoadReport()


def test_merge_and_derived_frames_find_their_loads(two_loads):
    both = pd.concat(two_loads, ignore_index=True)
    merged = both[["article_id", "text"]].merge(
        pd.DataFrame({"article_id": both["article_id"], "topic": "launch"}), on="article_id"
    )
    assert merged.attrs == {} or "skipped" not in merged.attrs
    assert ak.load_report(merged).loads == 2
    matches = ak.tag(both)
    assert ak.load_report(matches).loads == 2
    counts = matches.groupby("article_id").size().to_frame("n")  # article_id as the index
    assert ak.load_report(counts).loads == 2


def test_the_report_as_a_frame(two_loads):
    table = ak.load_report(pd.concat(two_loads)).to_frame()
    assert list(table.columns) == ["kind", "path", "detail"]
    assert table["kind"].value_counts().to_dict() == {"skipped": 2, "decoded_with": 2}


def test_a_reloaded_folder_is_recorded_once(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2024-01-01 Text one.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("undated", encoding="utf-8")
    again = pd.concat([_load(tmp_path), _load(tmp_path)])
    assert ak.load_report(again).loads == 1


def test_frames_not_loaded_here_fall_back_to_attrs_or_an_empty_report():
    frame = pd.DataFrame({"article_id": ["not-an-id"], "text": ["x"]})
    assert ak.load_report(frame) == ak.LoadReport()
    frame.attrs["skipped"] = [("elsewhere.txt", "no date")]
    assert ak.load_report(frame).skipped == (("elsewhere.txt", "no date"),)
    with pytest.raises(ValueError, match="article_id"):
        ak.load_report(pd.DataFrame({"text": ["x"]}))


def test_reloading_after_a_fix_supersedes_the_old_report(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2024-01-01 Kept text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("undated", encoding="utf-8")
    assert len(ak.load_report(_load(tmp_path)).skipped) == 1
    (tmp_path / "b.txt").write_text(" date 2024-01-02 Now dated.", encoding="utf-8")
    fixed = _load(tmp_path)
    assert ak.load_report(fixed) == ak.LoadReport(loads=1)


def test_a_repeated_load_counts_as_the_latest(tmp_path):
    seed_file = next(ak.SEEDS_DIR.glob("*.txt"))
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "seed.txt").write_bytes(seed_file.read_bytes())
    (mixed / "bad.txt").write_text("undated", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text(" date 2024-05-05 Another text.", encoding="utf-8")
    (other / "y.txt").write_text("also undated", encoding="utf-8")
    _load(ak.SEEDS_DIR)
    _load(mixed)  # holds the seed's text too
    seeds = _load(ak.SEEDS_DIR)  # the same load as the first: now the latest
    both = pd.concat([seeds, _load(other)], ignore_index=True)
    assert both.attrs == {}
    assert {p.replace("\\", "/").split("/")[-1] for p, _ in ak.load_report(both).skipped} == {
        "y.txt"
    }
