"""The curated reference in data/reference/: the launch chronology and the milestones,
validated on load, plus a reader for the CNS/NTI North Korea Missile Test Database.

A launch event is one calendar day in Korea time (UTC+9) with at least one ballistic,
cruise or satellite launch (see data/README.md). A broken row an analyst typed raises a
ReferenceDataError naming the file, the line as an editor shows it, and the problem.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from analystkit.csvlines import csv_records
from analystkit.paths import REFERENCE_DIR
from analystkit.vocab import CLASS_PRECEDENCE, LAUNCH_TYPES, MILESTONE_KINDS, MISSILE_CLASSES

CHRONOLOGY_PATH = REFERENCE_DIR / "launch_events.csv"
# the curated chronology lists every launch from this day (there were none in 2018)
CHRONOLOGY_FROM = pd.Timestamp("2018-01-01")
MILESTONES_PATH = REFERENCE_DIR / "milestones.csv"
NUCLEAR_TESTS_PATH = REFERENCE_DIR / "nuclear_tests.csv"
NUCLEAR_TESTS_THROUGH = pd.Timestamp("2025-12-31")
"""The curated nuclear tests are every DPRK nuclear test up to this day: before it, "its
latest nuclear test" is the last one listed; after it, a new one may be missing."""

CHRONOLOGY_COLUMNS = [
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
MILESTONE_COLUMNS = ["date", "end_date", "kind", "title", "label", "source", "note"]
NUCLEAR_TEST_COLUMNS = ["date", "ordinal", "dprk_claim", "source", "note"]

CONFIDENCE_LEVELS = ("high", "medium", "low")
LABEL_MAX_CHARS = 16
KST = pd.Timedelta(hours=9)


class ReferenceDataError(ValueError):
    """A reference file (or a CNS spreadsheet) has rows that cannot be used as they are."""


# ---------------------------------------------------------------- curated tables


def load_chronology(path: str | Path | None = None) -> pd.DataFrame:
    """The launch chronology (default data/reference/launch_events.csv), validated.

    One row per Korea-time day: date (datetime64), event_type, missile_class,
    n_missiles (Int64, <NA> where sources say only "several"), missile_names,
    counted (bool), confidence, source, note. Sorted by date.

    Parameters
    ----------
    path : str, pathlib.Path or None, default None
        A chronology CSV; None is the curated data/reference/launch_events.csv.

    Returns
    -------
    pandas.DataFrame
        On a RangeIndex: ``date`` (datetime64[us]), ``n_missiles`` (Int64), ``counted``
        (bool), the other columns str.

    Raises
    ------
    ReferenceDataError
        The file is missing, empty, not UTF-8 or not valid CSV, or a row breaks the
        schema (the message names the file, the line and the problem).

    Examples
    --------
    >>> import analystkit as ak
    >>> chronology = ak.load_chronology()
    >>> chronology.columns.tolist()[:4]
    ['date', 'event_type', 'missile_class', 'n_missiles']
    >>> sorted(set(chronology["event_type"]))
    ['missile_launch', 'satellite_launch']
    """
    path = Path(path) if path is not None else CHRONOLOGY_PATH
    raw = _read_table(path)
    if "counted" in raw:
        raw["counted"] = raw["counted"].str.lower()
    _validate(raw, _chronology_schema(), path)
    frame = raw[CHRONOLOGY_COLUMNS].copy()
    frame["date"] = _iso_dates(frame["date"])
    frame["n_missiles"] = pd.to_numeric(frame["n_missiles"]).astype("Int64")
    frame["counted"] = frame["counted"].eq("true").astype(bool)
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def load_milestones(path: str | Path | None = None) -> pd.DataFrame:
    """The milestones (default data/reference/milestones.csv), validated.

    Columns date, end_date (NaT for single days and for terms still running), kind,
    title, label (<= 16 characters, for chart annotations), source, note. Sorted by date.

    Parameters
    ----------
    path : str, pathlib.Path or None, default None
        A milestones CSV; None is the curated data/reference/milestones.csv.

    Returns
    -------
    pandas.DataFrame
        On a RangeIndex: ``date``, ``end_date`` (datetime64[us]), the other columns str.

    Raises
    ------
    ReferenceDataError
        The file is missing, empty, not UTF-8 or not valid CSV, or a row breaks the
        schema (the message names the file, the line and the problem).

    Examples
    --------
    >>> import analystkit as ak
    >>> milestones = ak.load_milestones()
    >>> milestones.columns.tolist()
    ['date', 'end_date', 'kind', 'title', 'label', 'source', 'note']
    >>> milestones.loc[milestones["label"] == "Trump II", "date"].dt.date.astype(str).tolist()
    ['2025-01-20']
    """
    path = Path(path) if path is not None else MILESTONES_PATH
    raw = _read_table(path)
    _validate(raw, _milestone_schema(), path)
    frame = raw[MILESTONE_COLUMNS].copy()
    frame["date"] = _iso_dates(frame["date"])
    frame["end_date"] = _iso_dates(frame["end_date"])
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def load_nuclear_tests(path: str | Path | None = None) -> pd.DataFrame:
    """The DPRK's nuclear tests (default data/reference/nuclear_tests.csv), validated.

    One row per test, its Korea-time day: date, ordinal (1 for the first; the rows must
    count the tests in date order), dprk_claim (what the state said it tested), source,
    note. The curated table lists every test up to NUCLEAR_TESTS_THROUGH
    (2025-12-31). ``ak.extract_events`` dates "its third nuclear test" and "its latest
    nuclear test" with it.

    Parameters
    ----------
    path : str, pathlib.Path or None, default None
        A nuclear tests CSV; None is the curated data/reference/nuclear_tests.csv.

    Returns
    -------
    pandas.DataFrame
        On a RangeIndex, sorted by date: ``date`` (datetime64[us]), ``ordinal`` (int64),
        the other columns str.

    Raises
    ------
    ReferenceDataError
        The file is missing, empty, not UTF-8 or not valid CSV, or a row breaks the
        schema (the message names the file, the line and the problem).

    Examples
    --------
    >>> import analystkit as ak
    >>> tests = ak.load_nuclear_tests()
    >>> tests[["date", "ordinal"]].astype(str).values.tolist()[-2:]
    [['2016-09-09', '5'], ['2017-09-03', '6']]
    """
    path = Path(path) if path is not None else NUCLEAR_TESTS_PATH
    raw = _read_table(path)
    _validate(raw, _nuclear_test_schema(), path)
    frame = raw[NUCLEAR_TEST_COLUMNS].copy()
    frame["date"] = _iso_dates(frame["date"])
    frame["ordinal"] = frame["ordinal"].astype("int64")
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def _read_table(path: Path) -> pd.DataFrame:
    """Read a CSV as stripped strings (empty -> <NA>) with each record's editor line."""
    if not path.is_file():
        raise ReferenceDataError(f"{path}: no such file")
    with io.StringIO(_utf8_text(path), newline="") as handle:
        header, rows, problems = csv_records(handle)
    records = [cells for _, cells in rows]
    lines = [line for line, _ in rows]
    if not header:
        raise ReferenceDataError(f"{path}: the file is empty")
    if problems:
        raise ReferenceDataError(_report(path, problems))
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise ReferenceDataError(
            _report(
                path,
                [f"line 1 (header): column {name!r} appears more than once" for name in repeated],
            )
        )
    frame = pd.DataFrame(records, columns=header, dtype="str").replace("", pd.NA)
    frame.index = pd.Index(lines, name="line")
    return frame


def _utf8_text(path: Path) -> str:
    """The file's text; a file that is not UTF-8 (Excel's cp1252) is named with the line
    of its first bad byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ReferenceDataError(
            _report(
                path,
                [
                    f"line {line}: byte 0x{data[err.start]:02x} is not UTF-8 (saved as cp1252 by "
                    "Excel? save the file as 'CSV UTF-8')"
                ],
            )
        ) from None


def _iso_dates(values: pd.Series) -> pd.Series:
    """Days written strictly as YYYY-MM-DD (zero-padded); anything else is NaT, so that
    "2025-2-26" can neither pass validation nor slip past the one-row-a-day check."""
    strict = values.where(values.str.fullmatch(r"\d{4}-\d{2}-\d{2}", na=False))
    return pd.to_datetime(strict, format="%Y-%m-%d", errors="coerce")


def _is_iso_date(values: pd.Series) -> pd.Series:
    return _iso_dates(values).notna()


_ISO = pa.Check(_is_iso_date, error="bad date {value} (expected YYYY-MM-DD)")


def _vocabulary(name: str, allowed: tuple[str, ...]) -> pa.Check:
    return pa.Check.isin(allowed, error=f"unknown {name} {{value}} (allowed: {', '.join(allowed)})")


def _required(checks: list[pa.Check] | pa.Check | None = None, **kw) -> pa.Column:
    return pa.Column(str, checks=checks, nullable=False, **kw)


def _optional(checks: list[pa.Check] | pa.Check | None = None) -> pa.Column:
    return pa.Column(str, checks=checks, nullable=True)


_CLASS_RULE = "missile_class is required for missile_launch and must be empty for satellite_launch"
_END_RULE = "end_date before date"
_ORDINAL_RULE = "ordinal must count the tests in date order (1, 2, 3 ...)"
_RULE_COLUMNS = {
    _CLASS_RULE: ("event_type", "missile_class"),
    _END_RULE: ("date", "end_date"),
    _ORDINAL_RULE: ("date", "ordinal"),
}


def _chronology_schema() -> pa.DataFrameSchema:
    class_matches_type = pa.Check(
        lambda d: (
            ~d["event_type"].isin(LAUNCH_TYPES)
            | ((d["event_type"] == "missile_launch") == d["missile_class"].notna())
        ),
        ignore_na=False,
        error=_CLASS_RULE,
    )
    return pa.DataFrameSchema(
        {
            "date": _required(_ISO, unique=True),
            "event_type": _required(_vocabulary("event_type", LAUNCH_TYPES)),
            "missile_class": _optional(_vocabulary("missile_class", MISSILE_CLASSES)),
            "n_missiles": _optional(
                pa.Check.str_matches(
                    r"^\d+$",
                    error="n_missiles {value} is not a whole number (leave it empty "
                    "when the sources give none)",
                )
            ),
            "missile_names": _optional(),
            "counted": _required(_vocabulary("counted", ("true", "false"))),
            "confidence": _required(_vocabulary("confidence", CONFIDENCE_LEVELS)),
            "source": _required(),
            "note": _optional(),
        },
        checks=[class_matches_type],
        strict=True,
    )


def _milestone_schema() -> pa.DataFrameSchema:
    end_not_before_start = pa.Check(
        lambda d: (
            _iso_dates(d["end_date"]).isna() | (_iso_dates(d["end_date"]) >= _iso_dates(d["date"]))
        ),
        ignore_na=False,
        error=_END_RULE,
    )
    return pa.DataFrameSchema(
        {
            "date": _required(_ISO),
            "end_date": _optional(_ISO),
            "kind": _required(_vocabulary("kind", MILESTONE_KINDS)),
            "title": _required(),
            "label": _required(
                pa.Check.str_length(
                    max_value=LABEL_MAX_CHARS,
                    error=f"label {{value}} is longer than {LABEL_MAX_CHARS} characters",
                )
            ),
            "source": _required(),
            "note": _optional(),
        },
        checks=[end_not_before_start],
        strict=True,
    )


def _nuclear_test_schema() -> pa.DataFrameSchema:
    def counts_in_order(d: pd.DataFrame) -> pd.Series:
        rank = _iso_dates(d["date"]).rank(method="first")
        return pd.to_numeric(d["ordinal"], errors="coerce") == rank

    return pa.DataFrameSchema(
        {
            "date": _required(_ISO, unique=True),
            "ordinal": _required(
                pa.Check.str_matches(r"^[1-9]\d*$", error="ordinal {value} is not 1, 2, 3 ...")
            ),
            "dprk_claim": _optional(),
            "source": _required(),
            "note": _optional(),
        },
        checks=[pa.Check(counts_in_order, ignore_na=False, error=_ORDINAL_RULE)],
        strict=True,
    )


_GENERIC_CHECKS = {
    "not_nullable": "missing {column}",
    "field_uniqueness": "duplicate {column} {value} (one row per Korea-time day)",
    "column_in_dataframe": "missing column",
    "column_in_schema": "unexpected column",
}


def _validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, path: Path) -> None:
    """Validate lazily; turn every failure into one line of a ReferenceDataError."""
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        raise ReferenceDataError(_report(path, _describe(err.failure_cases))) from None


def _describe(cases: pd.DataFrame) -> list[str]:
    problems: dict[tuple[int, str], str] = {}
    across: dict[tuple[int, str], list[str]] = {}
    unrunnable: list[str] = []
    for case in cases.itertuples(index=False):
        check, column, value = str(case.check), case.column, case.failure_case
        if check in ("column_in_dataframe", "column_in_schema"):
            key = (1, f"line 1 (header): {_GENERIC_CHECKS[check]} {value!r}")
            problems.setdefault(key, key[1])
            continue
        if pd.isna(case.index):  # a rule that could not run, e.g. over a missing column
            unrunnable.append(f"line 1 (header): cannot check {check!r} ({value})")
            continue
        line = int(case.index)
        if case.schema_context == "DataFrameSchema":  # a rule across columns: once a row
            if column in _RULE_COLUMNS.get(check, ()):
                shown = "" if pd.isna(value) else str(value)
                across.setdefault((line, check), []).append(f"{column} {shown!r}")
            continue
        message = _GENERIC_CHECKS.get(check, check)
        shown = message.format(column=column, value=repr(str(value)))
        problems[(line, f"{column}:{check}")] = f"line {line}, {column}: {shown}"
    for (line, check), values in across.items():
        problems[(line, check)] = f"line {line}: {check} ({', '.join(values)})"
    header_trouble = any(line == 1 for line, _ in problems)
    return (unrunnable if not header_trouble else []) + [problems[k] for k in sorted(problems)]


def _report(path: Path, problems: list[str]) -> str:
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return f"{path}: {count}\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------- the CNS database

CNS_REQUIRED = ("Date", "Launch Time (UTC)", "Missile Type")
CNS_OPTIONAL = (
    "Missile Name",
    "Facility Name",
    "Apogee",
    "Distance Travelled",
    "Confirmation Status",
    "Test Outcome",
)
CNS_SOURCE = "CNS/NTI North Korea Missile Test Database ({name})"
_MISSING = {"", "unknown", "n/a", "na", "none", "-", "?", "nan", "nat"}
_TYPE_TOKENS = {
    "icbm": "icbm",
    "irbm": "irbm",
    "mrbm": "mrbm",
    "slbm": "slbm",
    "srbm": "srbm",
    "hypersonic": "hypersonic",
    "cruise": "cruise",
    "ballistic": "ballistic",
    "slv": "slv",
    "satellite": "slv",
}
_TYPE_PATTERN = re.compile(r"\b(" + "|".join(_TYPE_TOKENS) + r")\b")
_TIME_PATTERN = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b")
_KM_PATTERN = re.compile(r"^(?:~|approx\.?|about|c\.)?\s*([\d,]*\.?\d+)\s*(?:km)?\.?$")


def load_cns_database(path: str | Path) -> pd.DataFrame:
    """Read the CNS/NTI missile test spreadsheet (.xlsx or .csv, one row per missile)
    into the chronology frame: one counted event per Korea-time day.

    Dates there are UTC: each missile's Date + Launch Time (UTC) is moved to Korea time
    (UTC+9) before grouping; a missile without a launch time keeps its UTC date and the
    note says so. Extra columns: max_apogee_km, max_distance_km (Float64, "Unknown" and
    "km" strings cleaned). Missile Type maps to missile_class (SLV rows make a
    satellite_launch day; "Unknown" means a ballistic missile of unstated type).

    Parameters
    ----------
    path : str or pathlib.Path
        The spreadsheet, ``.xlsx``/``.xlsm`` or ``.csv``.

    Returns
    -------
    pandas.DataFrame
        The chronology columns (as ``load_chronology`` types them, ``date`` as
        datetimes), then ``max_apogee_km`` and ``max_distance_km`` (Float64); one row per
        Korea-time day, sorted by date, on a RangeIndex.

    Raises
    ------
    ReferenceDataError
        The file is missing or of another format, has no header or missile rows, or
        rows that cannot be read (each named by its spreadsheet row).

    Examples
    --------
    The CNS database is not shipped (download it from the James Martin CNS site):

    >>> import analystkit as ak
    >>> cns = ak.load_cns_database("cns_missile_test_database.xlsx")  # doctest: +SKIP
    """
    path = Path(path)
    table = _read_cns_rows(path)
    missiles = _cns_missiles(table, path)
    source = CNS_SOURCE.format(name=path.name)
    days = [_cns_day(day, group, source) for day, group in missiles.groupby("kst_date", sort=True)]
    frame = pd.DataFrame(days, columns=CHRONOLOGY_COLUMNS + ["max_apogee_km", "max_distance_km"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["n_missiles"] = frame["n_missiles"].astype("Int64")
    frame["counted"] = frame["counted"].astype(bool)
    for column in ("event_type", "missile_class", "missile_names", "confidence", "source", "note"):
        frame[column] = frame[column].astype("str")
    for column in ("max_apogee_km", "max_distance_km"):
        frame[column] = frame[column].astype("Float64")
    return frame.reset_index(drop=True)


def _read_cns_rows(path: Path) -> pd.DataFrame:
    """The spreadsheet's rows under its header row, indexed by spreadsheet row number."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReferenceDataError(f"{path}: no such file")
    if suffix in (".xlsx", ".xlsm"):
        grid = pd.read_excel(path, header=None, dtype=object, engine="openpyxl")
    elif suffix == ".csv":
        grid = pd.read_csv(
            path,
            header=None,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            encoding="utf-8-sig",
        )
    else:
        raise ReferenceDataError(f"{path}: unsupported format {suffix!r} (use .xlsx or .csv)")
    wanted = {name.lower() for name in CNS_REQUIRED}
    for position in range(min(len(grid), 20)):
        names = [str(cell).strip() for cell in grid.iloc[position]]
        if wanted <= {name.lower() for name in names}:
            break
    else:
        raise ReferenceDataError(
            f"{path}: no header row with the columns {', '.join(CNS_REQUIRED)} in the first 20 rows"
        )
    canonical = {name.lower(): name for name in CNS_REQUIRED + CNS_OPTIONAL}
    table = grid.iloc[position + 1 :].copy()
    table.columns = [canonical.get(name.lower(), name) for name in names]
    table.index = pd.RangeIndex(position + 2, position + 2 + len(table), name="row")
    table = table.loc[~table.apply(lambda row: all(_is_missing(v) for v in row), axis=1)]
    if table.empty:
        raise ReferenceDataError(f"{path}: no missile rows under the header")
    for name in CNS_OPTIONAL:
        if name not in table:
            table[name] = None
    return table


def _cns_missiles(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    """One row per missile with its Korea-time day, class and cleaned measurements."""
    problems: list[str] = []
    rows = []
    for row, record in table.iterrows():
        date = _cell_date(record["Date"])
        time = _cell_time(record["Launch Time (UTC)"])
        kind = _cell_type(record["Missile Type"])
        if date is None:
            problems.append(f"row {row}, Date: bad date {record['Date']!r}")
        if time is False:
            problems.append(
                f"row {row}, Launch Time (UTC): not a time {record['Launch Time (UTC)']!r}"
            )
        if kind is None:
            problems.append(
                f"row {row}, Missile Type: unknown type "
                f"{record['Missile Type']!r} (expected SRBM, MRBM, IRBM, "
                "ICBM, SLBM, SLV, cruise, hypersonic or Unknown)"
            )
        if date is None or time is False or kind is None:
            continue
        launch = date + time + KST if time is not None else None
        rows.append(
            {
                "kst_date": launch.normalize() if launch is not None else date,
                "utc_date": date,
                "kst_time": launch,
                "kind": kind,
                "name": _cell_text(record["Missile Name"]),
                "facility": _cell_text(record["Facility Name"]),
                "outcome": _cell_text(record["Test Outcome"]),
                "confirmed": (_cell_text(record["Confirmation Status"]) or "").lower()
                == "confirmed",
                "apogee": _cell_km(record["Apogee"]),
                "distance": _cell_km(record["Distance Travelled"]),
                "raw_apogee": record["Apogee"],
                "raw_distance": record["Distance Travelled"],
            }
        )
    if problems:
        raise ReferenceDataError(_report(path, problems))
    return pd.DataFrame(rows)


def _cns_day(day: pd.Timestamp, group: pd.DataFrame, source: str) -> dict:
    """Fold one Korea-time day's missiles into one chronology row."""
    missiles = group[group["kind"] != "slv"]
    classes = set(missiles["kind"])
    missile_class = next((c for c in CLASS_PRECEDENCE if c in classes), None)
    notes = []
    timed = group["kst_time"].dropna()
    if len(timed):
        notes.append(f"first launch {timed.min():%H:%M} KST")
    shifted = sorted({d.date().isoformat() for d in group["utc_date"] if d != day})
    if shifted:
        notes.append(f"UTC date {', '.join(shifted)}")
    untimed = int(group["kst_time"].isna().sum())
    if untimed:
        notes.append(f"launch time missing for {untimed} missile(s): UTC date kept")
    if missile_class is not None and (group["kind"] == "slv").any():
        notes.append("also a satellite launch this day")
    notes += _listing("facility", group["facility"])
    notes += _listing("outcome", group["outcome"])
    unconfirmed = int((~group["confirmed"]).sum())
    if unconfirmed:
        notes.append(f"{unconfirmed} missile(s) not marked Confirmed")
    for label, raw, parsed in (
        ("apogee", "raw_apogee", "apogee"),
        ("distance", "raw_distance", "distance"),
    ):
        odd = group.loc[group[parsed].isna() & ~group[raw].map(_is_missing), raw]
        notes += [f"{label} not understood: {value!r}" for value in odd]
    return {
        "date": day,
        "event_type": "missile_launch" if missile_class else "satellite_launch",
        "missile_class": missile_class,
        "n_missiles": len(group),
        "missile_names": "; ".join(dict.fromkeys(group["name"].dropna())) or pd.NA,
        "counted": True,
        "confidence": "high" if unconfirmed == 0 else "medium",
        "source": source,
        "note": "; ".join(notes),
        "max_apogee_km": group["apogee"].max(),
        "max_distance_km": group["distance"].max(),
    }


def _listing(label: str, values: pd.Series) -> list[str]:
    counts = values.dropna().value_counts(sort=False)
    if counts.empty:
        return []
    parts = [f"{v} x{n}" if n > 1 else str(v) for v, n in counts.items()]
    return [f"{label}: {', '.join(parts)}"]


def _is_missing(value: object) -> bool:
    return (
        value is None
        or (not isinstance(value, str) and pd.isna(value))
        or str(value).strip().lower() in _MISSING
    )


def _cell_text(value: object) -> str | None:
    return None if _is_missing(value) else str(value).strip()


def _cell_date(value: object) -> pd.Timestamp | None:
    if _is_missing(value):
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).normalize()
    parsed = pd.to_datetime(str(value).strip(), format="mixed", errors="coerce")
    return None if pd.isna(parsed) else parsed.normalize()


def _cell_time(value: object) -> pd.Timedelta | None | bool:
    """A UTC time of day; None when unknown; False when the cell is not a time."""
    if _is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return pd.Timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    if isinstance(value, (int, float)) and 0 <= value < 1:  # Excel day fraction
        return pd.Timedelta(days=float(value)).round("s")
    match = _TIME_PATTERN.search(str(value))
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return False
    return pd.Timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))


def _cell_type(value: object) -> str | None:
    """missile_class (or "slv") for a Missile Type cell; None if not understood."""
    if _is_missing(value):
        return "ballistic"
    tokens = {_TYPE_TOKENS[t] for t in _TYPE_PATTERN.findall(str(value).lower())}
    ranked = [c for c in CLASS_PRECEDENCE if c in tokens]
    return ranked[0] if ranked else ("slv" if "slv" in tokens else None)


def _cell_km(value: object) -> float | None:
    if _is_missing(value):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    match = _KM_PATTERN.match(str(value).strip().lower())
    return float(match[1].replace(",", "")) if match else None
