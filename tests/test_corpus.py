"""load_articles / save_articles: the seed, every format, encodings, bad input, round trip.

Fixture files are in tests/fixtures/corpus (written by this project, see its README);
byte-exact inputs (BOM, CRLF, cp1252, binary) are generated here in tmp_path.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analystkit as ak
from analystkit import corpus
from analystkit.corpus import ARTICLE_COLUMNS, ArticleLoadError, ArticleLoadWarning

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
FORMATS = FIXTURES / "formats"
BAD = FIXTURES / "bad"
SAMPLE = "Sample text written for analystkit tests"
MAPPING = {"published": "date", "body": "text", "headline": "title"}


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _load_quietly(source, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleLoadWarning)
        return ak.load_articles(source, **kwargs)


class _StartsWith(str):
    """Equal to any string that starts with it (for reasons with variable details)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and other.startswith(str(self))

    __hash__ = str.__hash__


def _reasons(frame: pd.DataFrame) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path, reason in frame.attrs["skipped"]:
        found.setdefault(Path(path).name, []).append(reason)
    return found


# --- the seed -------------------------------------------------------------------------


def test_seed_is_one_article_dated_2025_02_28(seed_articles, seed_text):
    assert len(seed_articles) == 1
    row = seed_articles.iloc[0]
    assert row["date"] == pd.Timestamp("2025-02-28")
    assert row["text"].startswith("North Korea said on Friday")
    assert row["text"] == seed_text
    assert "\u2019" in row["text"] and "\n\n" in row["text"]  # curly quotes, paragraphs
    assert row["article_id"] == hashlib.sha256(seed_text.encode("utf-8")).hexdigest()[:16]
    assert (row["title"], row["source"], row["url"]) == ("", "", "")
    assert Path(row["path"]).name == "000_5fe2e5f7dbfbb3ae.txt"
    assert seed_articles.attrs == {
        "skipped": [],
        "duplicates": [],
        "decoded_with": [],
        "epoch_dates": [],
    }


def test_frame_columns_and_dtypes(seed_articles):
    assert tuple(seed_articles.columns) == ARTICLE_COLUMNS
    assert seed_articles["date"].dtype == "datetime64[us]"
    for column in ARTICLE_COLUMNS:
        if column != "date":
            assert seed_articles[column].dtype == "str", column
    assert isinstance(seed_articles.index, pd.RangeIndex)


def test_seed_loads_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(ak.load_articles(ak.SEEDS_DIR / "000_5fe2e5f7dbfbb3ae.txt")) == 1


# --- formats --------------------------------------------------------------------------


def test_header_block_gives_title_source_url_and_exact_body():
    (row,) = ak.load_articles(FORMATS / "header.md").itertuples()
    assert row.title == "Sample headline written for analystkit tests"
    assert row.source == "analystkit test fixture"
    assert row.url == "https://example.org/analystkit/header"
    assert row.date == pd.Timestamp("2025-02-28")
    raw = (FORMATS / "header.md").read_text(encoding="utf-8")
    assert row.text == raw.split("2025-02-28 ", 1)[1]
    assert row.text.startswith("Paraphrase of the seed article")


def test_header_date_key_replaces_the_date_line(tmp_path):
    body = f"{SAMPLE}: the date comes from the header.\n\nSecond paragraph."
    path = _write(tmp_path, "own.md", f"title: Sample\ndate: 2024-03-05\n\n{body}")
    (row,) = ak.load_articles(path).itertuples()
    assert (row.date, row.title, row.text) == (pd.Timestamp("2024-03-05"), "Sample", body)


def test_header_keys_can_be_mapped_and_unknown_keys_are_reported(tmp_path):
    _write(tmp_path, "a.md", f"headline: Mapped\n\n date 2024-01-01 {SAMPLE} a")
    _write(tmp_path, "b.md", f"author: Someone\n\n date 2024-01-01 {SAMPLE} b")
    frame = _load_quietly(tmp_path, columns={"headline": "title"})
    assert frame["title"].tolist() == ["Mapped"]
    assert _reasons(frame)["b.md"][0].startswith("unknown header key: 'author'")


def test_a_header_key_mapped_to_none_is_dropped(tmp_path):
    _write(tmp_path, "a.md", f"author: Someone\ntitle: Kept\n\n date 2024-01-01 {SAMPLE} a")
    frame = _load_quietly(tmp_path, columns={"author": None})
    assert frame["title"].tolist() == ["Kept"] and frame.attrs["skipped"] == []


def test_csv_records_keep_quoted_paragraphs_and_local_day():
    frame = ak.load_articles(FORMATS / "records.csv")
    assert frame["date"].tolist() == [pd.Timestamp("2024-01-02"), pd.Timestamp("2024-01-03")]
    first, second = frame.itertuples()
    assert (first.title, first.source, first.url) == (
        "Sample record one",
        "analystkit test fixture",
        "https://example.org/analystkit/csv-1",
    )
    assert (second.source, second.url) == ("", "")  # empty cells are "", never NA
    assert second.text == (
        f'{SAMPLE} (csv record 2).\n\nIt has a second paragraph, a comma, and "quotes".'
    )
    assert set(frame["path"]) == {str(FORMATS / "records.csv")}


def test_tsv_accepts_month_name_dates():
    frame = ak.load_articles(FORMATS / "records.tsv")
    assert frame["date"].tolist() == [pd.Timestamp("2024-02-01"), pd.Timestamp("2024-03-03")]
    assert frame["title"].tolist() == ["Sample tab record", ""]


def test_jsonl_skips_blank_lines_and_ignores_extra_fields():
    frame = ak.load_articles(FORMATS / "records.jsonl")
    assert frame["text"].tolist() == [f"{SAMPLE} (jsonl record 1).", f"{SAMPLE} (jsonl record 2)."]
    assert frame["source"].tolist() == ["", "analystkit test fixture"]
    assert "author" not in frame.columns


def test_json_with_mapped_column_names():
    frame = ak.load_articles(FORMATS / "mapped.json", columns=MAPPING)
    assert frame["date"].tolist() == [pd.Timestamp("2024-05-01"), pd.Timestamp("2024-05-02")]
    assert frame["title"].tolist() == ["Sample mapped record one", "Sample mapped record two"]


def test_json_without_mapping_reports_the_missing_column():
    frame = _load_quietly(FORMATS / "mapped.json")
    (reason,) = _reasons(frame)["mapped.json"]
    assert reason.startswith("no date: no 'date' column") and "columns=" in reason


def test_html_main_text_and_metadata_via_trafilatura():
    (row,) = ak.load_articles(FORMATS / "article.html").itertuples()
    assert row.date == pd.Timestamp("2025-02-28")
    assert row.title == "Sample headline written for analystkit tests"
    assert row.source == "Analystkit Test Fixture"
    assert row.url == "https://example.org/analystkit/article"
    assert "test-fired strategic cruise missiles" in row.text
    assert "Navigation" not in row.text and "Footer" not in row.text


def test_html_without_a_metadata_date_is_skipped(tmp_path):
    html = (FORMATS / "article.html").read_text(encoding="utf-8")
    html = "\n".join(line for line in html.splitlines() if "published_time" not in line)
    frame = _load_quietly(_write(tmp_path, "undated.htm", html))
    assert frame.empty
    assert _reasons(frame)["undated.htm"][0].startswith("no date")


def test_parquet_round_trip_is_identical(tmp_path):
    original = _load_quietly([ak.SEEDS_DIR, FORMATS], columns=MAPPING)
    assert len(original) == 11
    target = ak.save_articles(original, tmp_path / "out" / "articles.parquet")
    reloaded = ak.load_articles(target)
    pd.testing.assert_frame_equal(reloaded, original, check_exact=True)
    assert reloaded.attrs == {
        "skipped": [],
        "duplicates": [],
        "decoded_with": [],
        "epoch_dates": [],
    }


def test_save_refuses_frames_with_other_columns(tmp_path, seed_articles):
    with pytest.raises(ValueError, match="extra.*'tags'"):
        ak.save_articles(seed_articles.assign(tags="x"), tmp_path / "a.parquet")
    with pytest.raises(ValueError, match="missing.*'text'"):
        ak.save_articles(seed_articles.drop(columns="text"), tmp_path / "a.parquet")


def test_folder_and_list_sources_sort_by_date_then_id(tmp_path):
    for i, day in enumerate(["2024-03-01", "2024-01-01", "2024-03-01", "2024-02-01"]):
        _write(tmp_path / f"sub{i % 2}", f"{i}.txt", f" date {day} {SAMPLE} number {i}.")
    frame = ak.load_articles([tmp_path, ak.SEEDS_DIR])
    assert len(frame) == 5
    assert frame["date"].is_monotonic_increasing
    same_day = frame[frame["date"] == pd.Timestamp("2024-03-01")]["article_id"].tolist()
    assert same_day == sorted(same_day)
    pd.testing.assert_frame_equal(frame, ak.load_articles([ak.SEEDS_DIR, tmp_path]))


def test_hidden_files_and_checkpoint_folders_are_ignored(tmp_path):
    _write(tmp_path, "kept.txt", f" date 2024-01-01 {SAMPLE}.")
    _write(tmp_path, ".hidden.txt", f" date 2024-01-01 {SAMPLE}, hidden.")
    _write(tmp_path / ".ipynb_checkpoints", "kept-checkpoint.txt", f" date 2024-01-01 {SAMPLE}!")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = ak.load_articles(tmp_path)
    assert [Path(p).name for p in frame["path"]] == ["kept.txt"]


# --- encodings ------------------------------------------------------------------------


def test_utf8_bom_is_dropped_and_crlf_is_kept(tmp_path, seed_text):
    crlf = seed_text.replace("\n", "\r\n")
    _write(tmp_path, "bom.txt", b"\xef\xbb\xbf date 2025-02-28 " + seed_text.encode("utf-8"))
    _write(tmp_path, "crlf.txt", f" date 2025-02-28 {crlf}")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = ak.load_articles(tmp_path)
    texts = dict(zip(frame["path"].map(lambda p: Path(p).name), frame["text"]))
    assert texts == {"bom.txt": seed_text, "crlf.txt": crlf}


def test_cp1252_is_decoded_and_the_fallback_reported(tmp_path):
    text = f"{SAMPLE}: \u201ccaf\u00e9\u201d \u2014 na\u00efve r\u00e9sum\u00e9, 10\u00a0\u20ac."
    path = _write(tmp_path, "legacy.txt", f" date 2024-01-05 {text}".encode("cp1252"))
    with pytest.warns(ArticleLoadWarning, match="not UTF-8, decoded as cp1252"):
        frame = ak.load_articles(path)
    assert frame["text"].tolist() == [text]
    assert frame.attrs["decoded_with"] == [(str(path), "cp1252")]


def test_latin1_and_utf16_are_decoded(tmp_path):
    text = f"{SAMPLE}: caf\u00e9 cr\u00e8me br\u00fbl\u00e9e."
    _write(tmp_path, "latin.txt", f" date 2024-01-06 {text} latin".encode("latin-1"))
    _write(tmp_path, "wide.txt", f" date 2024-01-07 {text} wide".encode("utf-16"))
    frame = _load_quietly(tmp_path)
    assert frame["text"].tolist() == [f"{text} latin", f"{text} wide"]
    assert len(frame.attrs["decoded_with"]) == 2


# --- bad input ------------------------------------------------------------------------


def test_every_bad_fixture_is_reported_with_its_reason():
    with pytest.warns(ArticleLoadWarning) as caught:
        frame = ak.load_articles(BAD)
    assert len(caught) == 1  # one summary, not one warning per file
    assert frame["text"].tolist() == [f"{SAMPLE} (good record)."]
    assert _reasons(frame) == {
        "broken.json": [_StartsWith("invalid table")],
        "empty.txt": ["empty file"],
        "impossible_date.txt": ["impossible date: 2025-02-30"],
        "no_date.txt": [_StartsWith("no date")],
        "notes.pdf": ["unsupported extension: '.pdf'"],
        "rows.csv": ["no date (record 2)", "no text (record 3)"],
    }
    message = str(caught[0].message)
    assert "skipped 7" in message and "2 no date" in message and "1 impossible date" in message


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("bom_only.md", b"\xef\xbb\xbf", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
        ("garbage.txt", bytes(range(0x80, 0x100)), "undecodable"),
        ("no_body.txt", b" date 2024-01-01 ", "no text"),
        ("bad_token.txt", b" date 2024-1-1 body", "no date"),
        ("feb29.txt", b" date 2023-02-29 body", "impossible date"),
        ("slides.pptx", b"Sample file written for analystkit tests", "unsupported extension"),
        ("no_extension", b" date 2024-01-01 body", "unsupported extension"),
        ("ambiguous.csv", b"date,text\n03/04/2024,body\n", "ambiguous date"),
        ("header_only.csv", b"date,text\n", "empty file"),
        ("list.json", b'["not", "objects"]', "invalid table"),
        ("bad_line.jsonl", b'{"date": "2024-01-01", "text": "ok"}\n{oops\n', "invalid table"),
        ("bad.parquet", b"PAR1 not really parquet", "invalid table"),
    ],
)
def test_bad_input_kinds(tmp_path, name, data, kind):
    path = _write(tmp_path, name, data)
    frame = _load_quietly(path)
    reasons = [reason for _, reason in frame.attrs["skipped"]]
    assert len(reasons) == 1 and reasons[0].startswith(kind), reasons
    assert frame.attrs["skipped"][0][0] == str(path)


def test_broken_link_is_unreadable(tmp_path):
    os.symlink(tmp_path / "missing.txt", tmp_path / "link.txt")
    frame = _load_quietly(tmp_path)
    assert frame.attrs["skipped"] == [
        (str(tmp_path / "link.txt"), "unreadable: No such file or directory")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission_is_unreadable(tmp_path):
    path = _write(tmp_path, "locked.txt", f" date 2024-01-01 {SAMPLE}.")
    path.chmod(0)
    frame = _load_quietly(tmp_path)
    assert frame.attrs["skipped"] == [(str(path), "unreadable: Permission denied")]


def test_permission_denied_is_unreadable_even_for_root(tmp_path, monkeypatch):
    locked = _write(tmp_path, "locked.txt", f" date 2024-01-01 {SAMPLE}.")
    _write(tmp_path, "open.txt", f" date 2024-01-02 {SAMPLE}.")

    def deny_locked(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return open(file, *args, **kwargs)

    monkeypatch.setattr(corpus, "open", deny_locked, raising=False)
    frame = _load_quietly(tmp_path)
    assert len(frame) == 1
    assert frame.attrs["skipped"] == [(str(locked), "unreadable: Permission denied")]


def test_errors_raise_names_the_file_and_reason(tmp_path):
    path = _write(tmp_path, "impossible.txt", f" date 2025-02-30 {SAMPLE}.")
    with pytest.raises(
        ArticleLoadError, match=r"impossible\.txt: impossible date: 2025-02-30"
    ) as caught:
        ak.load_articles(path, errors="raise")
    assert isinstance(caught.value, ValueError)
    assert (caught.value.path, caught.value.reason) == (str(path), "impossible date: 2025-02-30")


def test_errors_raise_on_a_bad_table_record():
    with pytest.raises(ArticleLoadError, match=r"rows\.csv: no date \(record 2\)"):
        ak.load_articles(BAD / "rows.csv", errors="raise")


def test_bad_arguments_raise(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        ak.load_articles(tmp_path / "no-such-folder")
    with pytest.raises(ValueError, match="errors"):
        ak.load_articles(ak.SEEDS_DIR, errors="ignore")
    with pytest.raises(ValueError, match="columns must map"):
        ak.load_articles(ak.SEEDS_DIR, columns={"body": "content"})


# --- duplicates and reports -----------------------------------------------------------


def test_exact_duplicate_texts_collapse_and_are_reported(tmp_path, seed_text):
    first = _write(tmp_path, "a.txt", f" date 2025-02-28 {seed_text}")
    copy = _write(tmp_path, "b/copy.txt", f" date 2025-03-01 {seed_text}")
    near = _write(tmp_path, "c.txt", f" date 2025-02-28 {seed_text} ")  # one more space
    with pytest.warns(ArticleLoadWarning, match="1 duplicate texts dropped"):
        frame = ak.load_articles(tmp_path)
    assert set(frame["path"]) == {str(first), str(near)}
    assert frame.attrs["duplicates"] == [(str(copy), str(first))]
    assert frame["article_id"].is_unique


def test_reports_survive_copies_filters_and_concat(tmp_path):
    _write(tmp_path, "ok.txt", f" date 2024-01-01 {SAMPLE}.")
    _write(tmp_path, "empty.txt", b"")
    frame = _load_quietly(tmp_path)
    expected = [(str(tmp_path / "empty.txt"), "empty file")]
    assert frame.copy().attrs["skipped"] == expected
    assert frame[frame["date"].dt.year == 2024].attrs["skipped"] == expected
    assert pd.concat([frame, frame]).attrs["skipped"] == expected


def test_progress_bar_on_request_only(tmp_path, capsys):
    ak.load_articles(ak.SEEDS_DIR)
    assert "load_articles" not in capsys.readouterr().err
    ak.load_articles(ak.SEEDS_DIR, progress=True)
    assert "load_articles: 100%" in capsys.readouterr().err
