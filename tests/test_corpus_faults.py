"""load_articles / save_articles under faults: every file loaded or reported, nothing
corrupted. Each test here failed before its fix (issue: fourteen defects found with bad
input). All texts are written for analystkit tests."""

from __future__ import annotations

import codecs
import errno
import json
import multiprocessing
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analystkit as ak
from analystkit import corpus
from analystkit.corpus import ArticleLoadWarning

SAMPLE = "Sample text written for analystkit tests"


def _seed(text: str = SAMPLE, day: str = "2024-05-09") -> str:
    return f" date {day} {text}"


def _load(source, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleLoadWarning)
        return ak.load_articles(source, **kwargs)


def _reasons(frame: pd.DataFrame) -> list[str]:
    return [reason for _, reason in frame.attrs["skipped"]]


# ---------------------------------------------------------------- saving (defects 2, 14)


def test_a_failed_save_leaves_the_previous_file_intact(tmp_path, monkeypatch, seed_articles):
    target = tmp_path / "corpus.parquet"
    ak.save_articles(seed_articles, target)
    before = target.read_bytes()

    def crash(self, path, **kwargs):
        Path(path).write_bytes(b"PAR1 half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", crash)
    with pytest.raises(OSError, match="No space left"):
        ak.save_articles(seed_articles.iloc[:0], target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.parquet"]


def _save_many(args: tuple[str, int]) -> None:
    path, n = args
    frame = ak.load_articles(ak.SEEDS_DIR)
    frame = pd.concat([frame] * n, ignore_index=True) if n > 1 else frame
    for _ in range(15):
        ak.save_articles(frame, path)


def test_concurrent_saves_leave_one_whole_file(tmp_path):
    target = str(tmp_path / "corpus.parquet")
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_save_many, [(target, 1), (target, 3)])
    loaded = pd.read_parquet(target)
    assert len(loaded) in (1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.parquet"]


def test_save_refuses_a_suffix_that_load_cannot_read(tmp_path, seed_articles):
    with pytest.raises(ValueError, match=r"\.parquet"):
        ak.save_articles(seed_articles, tmp_path / "corpus.csv")


def test_bytes_paths_are_paths(tmp_path, seed_articles):
    (tmp_path / "a.txt").write_text(_seed(), encoding="utf-8")
    assert len(_load(os.fsencode(tmp_path))) == 1
    ak.save_articles(seed_articles, os.fsencode(tmp_path / "out.parquet"))
    assert (tmp_path / "out.parquet").is_file()


# ---------------------------------------------------------------- the folder walk (3, 4)


def test_symlinked_folders_are_followed_and_loops_reported(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(_seed(), encoding="utf-8")
    links = tmp_path / "links"
    links.mkdir()
    (links / "to_real").symlink_to(real, target_is_directory=True)
    (links / "loop").symlink_to(links, target_is_directory=True)
    frame = _load(links)
    assert frame["text"].tolist() == [SAMPLE]
    assert any("symlink loop" in r for r in _reasons(frame))


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(_seed(), encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(_seed("Another sample"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(corpus.os, "scandir", scandir)
    frame = _load(tmp_path)
    assert len(frame) == 1
    assert frame.attrs["skipped"] == [
        (str(tmp_path / "locked"), "unreadable folder: Permission denied")
    ]


def _deep_folders(root: Path, depth: int, name: str = "d") -> Path:
    """`depth` nested folders made relative to each other, so that the full path may
    exceed PATH_MAX; returns the deepest one's full path (which may be too long to use)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        leaf = os.open("a.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(leaf, _seed().encode())
        os.close(leaf)
    finally:
        os.close(fd)
    return root.joinpath(*[name] * depth)


def _remove_deep_folders(root: Path, depth: int, name: str) -> None:
    """Undo _deep_folders without recursion (pytest's clean-up recurses too deep)."""
    fds = [os.open(root, os.O_RDONLY)]
    for _ in range(depth):
        fds.append(os.open(name, os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("a.txt", dir_fd=fds[-1])
    for parent in reversed(fds[:-1]):
        os.close(fds.pop())
        os.rmdir(name, dir_fd=parent)
    os.close(fds.pop())


def test_a_thousand_nested_folders_load(tmp_path):
    _deep_folders(tmp_path, 1000, "n")
    try:
        assert _load(tmp_path)["text"].tolist() == [SAMPLE]
    finally:
        _remove_deep_folders(tmp_path, 1000, "n")


def test_paths_longer_than_path_max_are_reported(tmp_path):
    _deep_folders(tmp_path, 120, "x" * 40)
    try:
        frame = _load(tmp_path)
    finally:
        _remove_deep_folders(tmp_path, 120, "x" * 40)
    assert len(frame) == 0
    assert any("too long" in r.lower() for r in _reasons(frame))


def test_nothing_loaded_warns(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.warns(ArticleLoadWarning, match="0 articles from 0 files; no articles loaded"):
        ak.load_articles(tmp_path / "empty")


def test_a_filename_that_is_not_utf8_loads_with_its_byte_shown(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(_seed().encode())
    frame = _load(tmp_path)
    assert frame["text"].tolist() == [SAMPLE]
    assert frame["path"].iloc[0].endswith("caf\\xe9.txt")


def test_json_nested_too_deeply_is_one_skipped_file(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "a.txt").write_text(_seed(), encoding="utf-8")
    frame = _load(tmp_path)
    assert len(frame) == 1
    assert _reasons(frame) == ["invalid table: nested too deeply"]


def test_any_exception_in_one_file_is_one_skipped_entry(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "a.txt").write_text(_seed(), encoding="utf-8")

    def missing_dependency(html, path):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(corpus, "_html_record", missing_dependency)
    frame = _load(tmp_path)
    assert len(frame) == 1
    assert _reasons(frame) == [
        "unreadable: ImportError: lxml.html.clean module is now a separate project lxml_html_clean"
    ]


def test_lxml_html_clean_is_a_declared_dependency():
    project = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"lxml_html_clean' in project


# ---------------------------------------------------------------- JSONL lines (5)


def test_jsonl_keeps_unicode_line_separators_inside_strings(tmp_path):
    texts = [
        f"First{sep}sample written for analystkit tests" for sep in ("\u2028", "\u2029", "\u0085")
    ]
    lines = [json.dumps({"date": "2024-05-09", "text": t}, ensure_ascii=False) for t in texts]
    (tmp_path / "rows.jsonl").write_text("\n".join(lines + ["{broken"]) + "\n", encoding="utf-8")
    frame = _load(tmp_path)
    assert sorted(frame["text"]) == sorted(texts)
    [reason] = _reasons(frame)
    assert reason.startswith("invalid table: line 4:")


def test_jsonl_where_no_line_parses_keeps_each_lines_reason(tmp_path):
    (tmp_path / "rows.jsonl").write_text("{a\n{b\n", encoding="utf-8")
    reasons = _reasons(_load(tmp_path))
    assert [r.split(":")[1].strip() for r in reasons] == ["line 1", "line 2"]


# ---------------------------------------------------------------- encodings (6, 14)


def test_a_stray_cp1252_byte_in_utf8_is_repaired_alone(tmp_path):
    text = "Korea\u2019s \u201cnew\u201d sample written for analystkit tests, \u00e9t\u00e9"
    data = _seed(text).encode("utf-8").replace(b"sample", b"sample\x96", 1)
    (tmp_path / "a.txt").write_bytes(data)
    frame = _load(tmp_path)
    assert frame["text"].iloc[0] == text.replace("sample", "sample\u2013", 1)
    assert frame.attrs["decoded_with"] == [
        (str(tmp_path / "a.txt"), "utf-8 (1 invalid byte read as cp1252)")
    ]


def test_a_utf32_byte_order_mark_is_utf32(tmp_path):
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF32_LE + _seed().encode("utf-32-le"))
    frame = _load(tmp_path)
    assert frame["text"].tolist() == [SAMPLE]
    assert frame.attrs["decoded_with"][0][1] == "utf-32"


# ---------------------------------------------------------------- dates (10, 11)


@pytest.mark.parametrize("cell", ["March 2025", "Mar. 2025", "2025 March"])
def test_a_month_without_a_day_is_refused(tmp_path, cell):
    (tmp_path / "rows.csv").write_text(f"date,text\n{cell},{SAMPLE}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(f"date: {cell}\n\n{SAMPLE}", encoding="utf-8")
    reasons = _reasons(_load(tmp_path))
    assert len(reasons) == 2
    assert all(r.startswith(f"ambiguous date: {cell!r} names no day") for r in reasons)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_dates_outside_1900_2100_are_refused(tmp_path, day):
    (tmp_path / "a.txt").write_text(_seed(day=day), encoding="utf-8")
    (tmp_path / "rows.csv").write_text(f"date,text\n{day},Another sample\n", encoding="utf-8")
    reasons = _reasons(_load(tmp_path))
    assert len(reasons) == 2
    assert all(r.startswith(f"implausible date: {day} (outside 1900-2100)") for r in reasons)


# ---------------------------------------------------------------- archives as published

ARCHIVE = [  # the KCNA archive's layout (project-written records)
    {
        "topic": "Top News",
        "headline": "H1",
        "link": "u1",
        "date": 1722729600000,
        "date_str": "2024-08-04",
        "story_text": "Pyongyang, August 4 (KCNA) -- Sample one.",
    },
    {
        "topic": "Home News",
        "headline": "H1",
        "link": "u2",
        "date": 1722729600000,
        "date_str": "2024-08-04",
        "story_text": "Pyongyang, August 4 (KCNA) -- Sample one.",
    },
    {
        "topic": "Photo",
        "headline": "P",
        "link": "u3",
        "date": 1722816000000,
        "date_str": "2024-08-05",
        "story_text": "",
    },
    {
        "topic": "World",
        "headline": "H2",
        "link": "u4",
        "date": 1722816000,
        "date_str": "2024-08-05",
        "story_text": "Sample two, dated in seconds.",
    },
]
KCNA_COLUMNS = {"story_text": "text", "headline": "title", "link": "url", "date_str": None}


def test_an_archive_as_published_loads_with_one_mapping(tmp_path):
    (tmp_path / "archive.json").write_text(json.dumps(ARCHIVE), encoding="utf-8")
    frame = _load(tmp_path, columns=KCNA_COLUMNS, tz="Asia/Seoul")
    assert frame["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-08-04", "2024-08-05"]
    assert frame["url"].tolist() == ["u1", "u4"]
    report = frame.attrs
    assert len(frame) + len(report["skipped"]) + len(report["duplicates"]) == len(ARCHIVE)
    assert report["epoch_dates"] == [
        (
            str(tmp_path / "archive.json"),
            "milliseconds and seconds since 1970 (UTC), as days in Asia/Seoul",
        )
    ]


def test_epoch_dates_take_the_day_of_the_time_zone_asked_for(tmp_path):
    late_utc = 1722786000  # 2024-08-04 15:40 UTC = 2024-08-05 00:40 in Seoul
    (tmp_path / "rows.csv").write_text(f"date,text\n{late_utc},{SAMPLE}\n", encoding="utf-8")
    assert str(_load(tmp_path)["date"].iloc[0].date()) == "2024-08-04"
    assert str(_load(tmp_path, tz="Asia/Seoul")["date"].iloc[0].date()) == "2024-08-05"


def test_two_columns_giving_one_field_are_named_with_the_fix(tmp_path):
    (tmp_path / "archive.json").write_text(json.dumps(ARCHIVE), encoding="utf-8")
    frame = _load(tmp_path, columns={"story_text": "text", "date_str": "date"})
    [reason] = _reasons(frame)
    assert reason == (
        "invalid table: columns 'date' and 'date_str' both give 'date'; keep "
        "one, e.g. columns={'date': None} drops the first"
    )


def test_an_eight_digit_number_is_still_an_ambiguous_date(tmp_path):
    (tmp_path / "rows.csv").write_text(f"date,text\n20240805,{SAMPLE}\n", encoding="utf-8")
    assert _reasons(_load(tmp_path))[0].startswith("ambiguous date: '20240805'")


def test_legacy_bytes_with_one_accidental_utf8_sequence_stay_legacy(tmp_path):
    text = "caf\u00e9 \u00e9\u2013\u2013 sample written for analystkit tests"  # é–– = E9 96 96
    (tmp_path / "a.txt").write_bytes(_seed(text).encode("cp1252").replace(b"caf", b"caf\xe9", 1))
    frame = _load(tmp_path)
    assert frame["text"].iloc[0] == text.replace("caf", "caf\u00e9", 1)
