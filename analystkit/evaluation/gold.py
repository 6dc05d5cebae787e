"""Read and validate the gold files of data/eval/ (docs/annotation.md defines them).

`read_gold` returns a typed frame with each row's file line (`line`); any problem in the
file (header, vocabulary, offsets, duplicates, and with `articles` an article_id not in
its corpus or offsets outside the text) raises GoldError naming the file, the line and
the problem, every problem at once."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd

from analystkit.csvlines import csv_records
from analystkit.paths import DATA_DIR
from analystkit.vocab import MISSILE_CLASSES, RHETORIC_TAGS, SPEAKER_GROUPS

EVAL_DIR = DATA_DIR / "eval"
AGREEMENT_DIR = EVAL_DIR / "agreement"
DAY_EVENT_KINDS = {
    "nuclear_tests": ("nuclear_test", "nuclear test"),
    "summits": ("summit", "summit"),
    "sanctions": ("sanctions", "sanctions"),
    "exercises": ("military_exercise", "exercise"),
    "talks": ("talks", "talks"),
}
"""The golds of new events by day besides launches (docs/annotation.md §5-§9): each
kind's event type and the noun its figures and messages use."""
LAUNCH_COLUMNS = [
    "corpus",
    "doc",
    "article_id",
    "annotator",
    "event_type",
    "day_kst",
    "day_basis",
    "missile_class",
    "start",
    "end",
    "note",
]
DAY_EVENT_COLUMNS = [c for c in LAUNCH_COLUMNS if c != "missile_class"]
"""The other new events by day are written as launches are, without a missile class."""
KINDS = {
    "launches": LAUNCH_COLUMNS,
    **{kind: DAY_EVENT_COLUMNS for kind in DAY_EVENT_KINDS},
    "claims": [
        "corpus",
        "doc",
        "article_id",
        "annotator",
        "start",
        "end",
        "form",
        "verdict",
        "note",
    ],
    "speakers": [
        "item",
        "corpus",
        "doc",
        "article_id",
        "start",
        "end",
        "annotator",
        "speaker_group",
        "note",
    ],
    "rhetoric": [
        "item",
        "corpus",
        "doc",
        "article_id",
        "start",
        "end",
        "annotator",
        "tags",
        "note",
    ],
}
"""Each kind of gold and its header row, exactly."""
CORPORA = ("news", "kcna")
GOLD_EVENT_TYPES = ("missile_launch", "satellite_launch", "none")
DAY_BASES = ("explicit", "weekday", "relative", "reference", "tz")
CLAIM_FORMS = ("ordinal_period", "ordinal_gap", "first_since", "count_since", "superlative")
VERDICTS = ("holds", "fails", "uncheckable")
GOLD_SPEAKER_GROUPS = tuple(dict.fromkeys(SPEAKER_GROUPS + ("other",)))
"""The kit's groups and `other` (a named speaker in none of them), which the guide uses
before the kit knows it."""
_ARTICLE_ID = re.compile(r"^[0-9a-f]{16}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class GoldError(ValueError):
    """A gold file cannot be scored as it is; the message lists every problem by line."""


def gold_path(
    kind: str, annotator: str | None = None, folder: str | os.PathLike | None = None
) -> Path:
    """data/eval/<kind>.csv, or data/eval/agreement/<kind>_<a|b>.csv for an annotator."""
    if annotator is None:
        return Path(folder or EVAL_DIR) / f"{kind}.csv"
    return Path(folder or AGREEMENT_DIR) / f"{kind}_{annotator.lower()}.csv"


def read_gold(
    path: str | os.PathLike, kind: str, articles: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The gold file at `path` of `kind` (a key of KINDS) as a frame: its columns, typed
    (start/end Int64, item int64, day_kst datetime, tags a frozenset), plus `line`.
    With `articles` (corpus, article_id, text), rows are also checked against the texts."""
    path = Path(path)
    if kind not in KINDS:
        raise ValueError(f"unknown gold kind {kind!r}; one of {', '.join(KINDS)}")
    records, problems = _records(path, KINDS[kind])
    for line, row in records:
        problems += [f"line {line}: {p}" for p in _ROW_CHECKS[kind](row)]
    if not problems:
        frame = _typed(records, kind)
        problems += _FILE_CHECKS[kind](frame)
        if articles is not None:
            problems += _text_problems(frame, articles)
    if problems:
        raise GoldError(
            f"{path}: {len(problems)} problem{'s' * (len(problems) != 1)}\n  "
            + "\n  ".join(problems)
        )
    return frame


def _records(path: Path, header: list[str]) -> tuple[list[tuple[int, dict]], list[str]]:
    """(line, {column: stripped cell}) per non-blank record, and the problems found."""
    if not path.is_file():
        raise GoldError(f"{path}: no such file")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        found, rows, problems = csv_records(handle)
    if found != header:
        return [], [
            f"line 1: header is {','.join(found) or '(empty)'}; expected {','.join(header)}"
        ]
    records = [(line, dict(zip(header, cells))) for line, cells in rows]
    return records, problems


# ---------------------------------------------------------------- one row


def _in(row: dict, column: str, values: tuple[str, ...], empty_ok: bool = False) -> list[str]:
    value = row[column]
    if (value == "" and empty_ok) or value in values:
        return []
    return [f"{column} {value!r} is not one of {', '.join(values)}"]


def _common(row: dict) -> list[str]:
    problems = _in(row, "corpus", CORPORA)
    if not _ARTICLE_ID.match(row["article_id"]):
        problems.append(f"article_id {row['article_id']!r} is not 16 hex digits")
    if not row["annotator"]:
        problems.append("annotator is empty")
    return problems


def _span(row: dict, empty_ok: bool = False) -> list[str]:
    start, end = row["start"], row["end"]
    if empty_ok and start == end == "":
        return []
    if not (start.isdigit() and end.isdigit()):
        return [f"start/end {start!r}/{end!r} are not whole numbers"]
    return [] if int(start) < int(end) else [f"start {start} is not before end {end}"]


def _dated_row(row: dict, event_types: tuple[str, ...]) -> list[str]:
    """The checks of a row of new events by day (launches, nuclear tests, summits,
    sanctions, exercises, talks)."""
    problems = _common(row) + _in(row, "event_type", event_types)
    if row["event_type"] == "none":
        filled = [c for c in ("day_kst", "day_basis", "missile_class") if row.get(c)]
        if filled:
            problems.append(f"a none row has {', '.join(filled)} (leave them empty)")
        return problems + _span(row, empty_ok=True)
    if row["day_kst"] and not _is_day(row["day_kst"]):
        problems.append(f"day_kst {row['day_kst']!r} is not a YYYY-MM-DD day")
    problems += _in(row, "day_basis", DAY_BASES, empty_ok=not row["day_kst"])
    return problems + _span(row)


def _launch_row(row: dict) -> list[str]:
    problems = _dated_row(row, GOLD_EVENT_TYPES)
    kind = row["event_type"]
    if kind == "satellite_launch" and row["missile_class"]:
        problems.append("a satellite_launch row has a missile_class (leave it empty)")
    if kind == "missile_launch":
        problems += _in(row, "missile_class", MISSILE_CLASSES)
    return problems


def _claim_row(row: dict) -> list[str]:
    return _common(row) + _span(row) + _in(row, "form", CLAIM_FORMS) + _in(row, "verdict", VERDICTS)


def _item_row(row: dict) -> list[str]:
    problems = _common(row) + _span(row)
    if not row["item"].isdigit():
        problems.append(f"item {row['item']!r} is not a whole number")
    return problems


def _speaker_row(row: dict) -> list[str]:
    return _item_row(row) + _in(row, "speaker_group", GOLD_SPEAKER_GROUPS)


def _rhetoric_row(row: dict) -> list[str]:
    tags = _split_tags(row["tags"])
    unknown = [t for t in tags if t not in RHETORIC_TAGS]
    problems = _item_row(row)
    if unknown:
        problems.append(f"tags {', '.join(map(repr, unknown))} not in {', '.join(RHETORIC_TAGS)}")
    if len(set(tags)) != len(tags):
        problems.append(f"tags {row['tags']!r} repeat a tag")
    return problems


def _is_day(value: str) -> bool:
    return bool(_DAY.match(value)) and not pd.isna(pd.to_datetime(value, errors="coerce"))


def _split_tags(value: str) -> list[str]:
    return [t.strip() for t in value.split(";") if t.strip()]


_ROW_CHECKS: dict[str, Callable[[dict], list[str]]] = {
    "launches": _launch_row,
    **{
        kind: partial(_dated_row, event_types=(event_type, "none"))
        for kind, (event_type, _) in DAY_EVENT_KINDS.items()
    },
    "claims": _claim_row,
    "speakers": _speaker_row,
    "rhetoric": _rhetoric_row,
}


# ---------------------------------------------------------------- the whole file


def _typed(records: list[tuple[int, dict]], kind: str) -> pd.DataFrame:
    frame = pd.DataFrame([row for _, row in records], columns=KINDS[kind], dtype="str")
    frame["line"] = pd.Series([line for line, _ in records], dtype="int64")
    for column in ("start", "end"):
        frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
    if "item" in frame:
        frame["item"] = frame["item"].astype("int64")
    if kind == "launches" or kind in DAY_EVENT_KINDS:
        frame["day_kst"] = pd.to_datetime(frame["day_kst"].replace("", None), format="%Y-%m-%d")
    if kind == "rhetoric":
        frame["tags"] = frame["tags"].map(lambda v: frozenset(_split_tags(v)))
    return frame


def _repeated(frame: pd.DataFrame, keys: list[str], what: str) -> list[str]:
    twice = frame[frame.duplicated(keys, keep="first")]
    return [f"line {r.line}: {what} repeated" for r in twice.itertuples()]


def _dated_file(frame: pd.DataFrame, what: str = "launch") -> list[str]:
    problems = _repeated(
        frame[frame["day_kst"].notna()], ["article_id", "day_kst"], f"{what} day of this article"
    )
    for article_id, rows in frame.groupby("article_id", sort=False):
        none = rows["event_type"] == "none"
        if none.any() and not none.all():
            problems.append(
                f"lines {', '.join(map(str, rows['line']))}: article "
                f"{article_id} has both a none row and {what} rows"
            )
        elif none.sum() > 1:
            problems.append(f"line {rows['line'].iloc[1]}: second none row of {article_id}")
    return problems + _one_annotator(frame, "article_id", "article")


def _claim_file(frame: pd.DataFrame) -> list[str]:
    return _repeated(frame, ["article_id", "start", "end"], "claim span") + _one_annotator(
        frame, "article_id", "article"
    )


def _item_file(frame: pd.DataFrame) -> list[str]:
    return _repeated(frame, ["item"], "item")


def _one_annotator(frame: pd.DataFrame, key: str, what: str) -> list[str]:
    """An article labelled by two annotators in one file would be counted twice."""
    by = frame.groupby(key, sort=False)["annotator"].unique()
    return [
        f"{what} {k}: labelled by {' and '.join(sorted(v))} in one file (keep the "
        "settled labels only)"
        for k, v in by.items()
        if len(v) > 1
    ]


_FILE_CHECKS: dict[str, Callable[[pd.DataFrame], list[str]]] = {
    "launches": _dated_file,
    **{kind: partial(_dated_file, what=noun) for kind, (_, noun) in DAY_EVENT_KINDS.items()},
    "claims": _claim_file,
    "speakers": _item_file,
    "rhetoric": _item_file,
}


def _text_problems(frame: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    """Rows whose article is not in its corpus, or whose span leaves the text."""
    lengths = {
        (c, a): len(t)
        for c, a, t in zip(articles["corpus"], articles["article_id"], articles["text"])
    }
    problems = []
    for r in frame.itertuples():
        length = lengths.get((r.corpus, r.article_id))
        if length is None:
            problems.append(
                f"line {r.line}: article_id {r.article_id} is not in the {r.corpus} corpus"
            )
        elif not pd.isna(r.end) and r.end > length:
            problems.append(
                f"line {r.line}: span {r.start}-{r.end} is outside the text ({length} characters)"
            )
    return problems
