"""Article files -> the articles frame (``load_articles``), and back to Parquet (``save_articles``).

The articles frame (one row per distinct text, sorted by date then article_id):

=========== ================= ==========================================================
column      dtype             meaning
=========== ================= ==========================================================
article_id  str               first 16 hex digits of SHA-256 over the UTF-8 bytes of
                              ``text`` (nothing else), so equal texts get equal ids on
                              every run and machine
date        datetime64[us]    the article's day (midnight, no time zone)
title       str               "" when the file gives none
source      str               "" when the file gives none
url         str               "" when the file gives none
path        str               the file the article came from, as found (for tables: the
                              record's own ``path`` value if it has one)
text        str               the body exactly as in the file
=========== ================= ==========================================================

``str`` is pandas' default string dtype (Arrow-backed). Missing title/source/url are
always "" (never NA), so string methods need no NA handling.

Every file is either loaded or reported, in ``frame.attrs`` as plain Python lists, and
under the ids of the loaded articles in the session's registry: ``pd.concat``, ``merge``
and many other pandas operations drop ``attrs``, but ``ak.load_report(frame)`` finds the
report of every load whose articles are in any frame with an ``article_id`` column
(analystkit/load_registry.py):

- ``attrs["skipped"]``: ``[(path, reason), ...]``; a reason reads ``"<kind>"`` or
  ``"<kind>: <detail>"``, with ``" (record N)"`` appended for one row of a table. Kinds:
  empty file, no date, impossible date, implausible date (outside 1900-2100),
  unreadable date, ambiguous date, no text, binary content, undecodable, unsupported
  extension, unreadable, unreadable folder, symlink loop, invalid table, unknown header
  key, invalid feed, unreachable (a feed URL); `` (entry N)`` marks one entry of a feed.
- ``attrs["duplicates"]``: ``[(path, path_of_the_kept_copy), ...]`` for exact
  duplicate texts (the first in path order is kept, whatever its date). Columns named in
  ``keep=`` are not lost with them: the kept row lists the values of every copy.
- ``attrs["decoded_with"]``: ``[(path, encoding), ...]`` for files that were not UTF-8
  (or UTF-8 with a few stray cp1252 bytes, repaired alone).
- ``attrs["epoch_dates"]``: ``[(path, how), ...]`` for tables whose dates were numbers
  of seconds or milliseconds since 1970.

One ``ArticleLoadWarning`` summarises the first three when any is non-empty, and warns
when nothing loaded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import json
import os
import re
import secrets
import stat
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from charset_normalizer import from_bytes
from tqdm import tqdm

from analystkit.feeds import FEED_EXTENSIONS, FeedError, download, is_url, parse_feed
from analystkit.load_registry import record_load

__all__ = [
    "ArticleLoadError",
    "ArticleLoadWarning",
    "ARTICLE_COLUMNS",
    "load_articles",
    "save_articles",
]

ARTICLE_COLUMNS = ("article_id", "date", "title", "source", "url", "path", "text")
_FIELDS = frozenset({"date", "text", "title", "source", "url", "path"})
_SEED_EXTENSIONS = frozenset({".txt", ".md"})
_TABLE_EXTENSIONS = frozenset({".csv", ".tsv", ".jsonl", ".json", ".parquet"})
_HTML_EXTENSIONS = frozenset({".html", ".htm"})
_PROGRESS_ABOVE = 500  # files; a bar appears for longer loads unless progress=False
_WESTERN = ["cp1252", "latin_1"]  # tried first, so Western text is not read as cp1250
_TOO_FEW_TO_DETECT = 16  # non-ASCII bytes: below this a legacy file is read as cp1252
_MAX_REPAIRED_BYTES = 64  # more invalid bytes than this in UTF-8: a legacy-encoded file
_YEARS = (1900, 2100)  # article dates outside these years are typing errors

_DATE_LINE = re.compile(r"\s*date[ \t]+(\S+)(?:[ \t]|\r?\n)?", re.IGNORECASE)
_HEADER_END = re.compile(r"\r?\n[ \t]*\r?\n")
_HEADER_LINE = re.compile(r"([A-Za-z][\w -]*?)[ \t]*:[ \t]*(.*?)[ \t]*")
_ISO_DAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?!\d)")
_NUMERIC_DATE = re.compile(r"[\d\s/.,-]+")


class ArticleLoadError(ValueError):
    """A file (or one record of a table) could not be loaded; raised when errors="raise"."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


class ArticleLoadWarning(UserWarning):
    """Some files were skipped, duplicated or decoded from a legacy encoding."""


class _Skip(Exception):
    """Internal: this file or record is not an article, for the given reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class _Record:
    day: str  # YYYY-MM-DD, already validated
    text: str
    path: str
    title: str = ""
    source: str = ""
    url: str = ""
    kept: dict[str, object] = field(default_factory=dict)  # keep= columns: their cells


@dataclass(slots=True)
class _Report:
    records: list[_Record]
    skipped: list[tuple[str, str]]
    duplicates: list[tuple[str, str]]
    decoded_with: list[tuple[str, str]]
    epoch_dates: list[tuple[str, str]]


def load_articles(
    source: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    columns: Mapping[str, str | None] | None = None,
    errors: Literal["report", "raise"] = "report",
    progress: bool | None = None,
    tz: str = "UTC",
    keep: Iterable[str] = (),
) -> pd.DataFrame:
    """Load article files into the articles frame (see the module docstring).

    ``source`` is a file, a folder (searched recursively; hidden files and folders such
    as ``.ipynb_checkpoints`` are ignored) or a list of them. Formats by extension:

    - ``.txt``/``.md``: `` date YYYY-MM-DD <body>``, optionally after a ``key: value``
      header block (title, source, url, or date instead of the date line) and a blank line.
    - ``.csv``/``.tsv``/``.jsonl``/``.json``/``.parquet``: one record per article with at
      least ``date`` and ``text``; ``title``, ``source``, ``url``, ``path`` are optional
      and other columns are ignored. ``columns`` maps your names, e.g.
      ``{"published": "date", "body": "text"}`` (it also renames header keys); ``None``
      drops a column, e.g. ``{"date_str": None}`` when the file has two date columns.
      A date cell may be a number of seconds or milliseconds since 1970 (told apart by
      magnitude): an instant in UTC, taken as its calendar day in ``tz`` (default
      "UTC"; "Asia/Seoul" for Korea time) and listed in ``attrs["epoch_dates"]``.
      ``keep`` names other columns of a table to keep, e.g. ``keep=["topic"]``: each
      becomes a column of lists holding the distinct values of every record with the
      article's text (a story filed under three topics lists all three); ``[]`` where no
      record gives one. ``save_articles`` writes such columns and ``load_articles(path,
      keep=...)`` reads them back.
    - ``.html``/``.htm``: main text, title, site and date from trafilatura's metadata.
    - ``.rss``/``.atom``/``.xml`` files and ``http(s)://`` URLs: RSS or Atom feeds (via
      feedparser), one article per entry: its content (else summary) as plain text, its
      published (else updated) time as the day in ``tz``, its title and link, and the
      feed's title as the source.

    Text is kept exactly (a UTF-8 BOM is dropped; CRLF stays CRLF so offsets match the
    file). Non-UTF-8 files are decoded with charset-normalizer (Western single-byte
    encodings first) and listed in ``attrs["decoded_with"]``. With ``errors="raise"``
    the first file (or table record) that cannot be loaded raises ``ArticleLoadError``;
    duplicates and legacy encodings are only reported. A missing source raises
    FileNotFoundError.

    Parameters
    ----------
    source : str, os.PathLike or iterable of them
        A file, a folder (searched recursively), an ``http(s)://`` feed URL, or a list
        of these; each file is read once.
    columns : mapping of str to str or None, default None
        Your column (or header key) name -> an article field (``date``, ``text``,
        ``title``, ``source``, ``url``, ``path``), or ``None`` to drop the column.
    errors : {"report", "raise"}, default "report"
        ``"report"`` lists files that cannot be loaded in ``attrs["skipped"]``;
        ``"raise"`` raises ``ArticleLoadError`` on the first one.
    progress : bool or None, default None
        True/False forces the tqdm bar on/off; None shows it above 500 files.
    tz : str, default "UTC"
        Time zone whose calendar day an epoch number or a feed entry's time falls on.
    keep : iterable of str, default ()
        Other table columns to keep, each as a column of lists (a single str is one name).

    Returns
    -------
    pandas.DataFrame
        The articles frame: ``article_id``, ``date``, ``title``, ``source``, ``url``,
        ``path``, ``text`` (dtypes in the module docstring), then one object column of
        lists per ``keep`` name; sorted by date then article_id on a RangeIndex; the load
        report in ``attrs``.

    Raises
    ------
    FileNotFoundError
        A source file or folder does not exist.
    ArticleLoadError
        With ``errors="raise"``, for the first file or record that cannot be loaded.
    ValueError
        ``errors`` is neither "report" nor "raise", ``columns`` maps to an unknown
        field, or ``keep`` names an article field.

    Examples
    --------
    >>> import analystkit as ak
    >>> articles = ak.load_articles(ak.SEEDS_DIR)
    >>> articles.columns.tolist()
    ['article_id', 'date', 'title', 'source', 'url', 'path', 'text']
    >>> articles.loc[0, "article_id"], str(articles.loc[0, "date"].date())
    ('e603d5677073ee2d', '2025-02-28')
    >>> articles.attrs["skipped"], ak.load_report(articles).skipped
    ([], ())
    """
    if errors not in ("report", "raise"):
        raise ValueError(f'errors must be "report" or "raise", not {errors!r}')
    mapping = _check_columns(columns)
    keep = _check_keep(keep)
    files, unreadable = _find_files(source)
    if unreadable and errors == "raise":
        raise ArticleLoadError(*unreadable[0])
    report = _Report([], list(unreadable), [], [], [])
    show = len(files) > _PROGRESS_ABOVE if progress is None else progress
    for name in tqdm(files, desc="load_articles", unit="file", disable=not show):
        try:
            result = _read_file(name, mapping, tz, keep)
        except _Skip as skip:
            result = _FileResult([], [(name, skip.reason)])
        except Exception as err:  # one bad file is one report entry, whatever the cause
            result = _FileResult([], [(name, f"unreadable: {_describe(err)}")])
        skipped = [(_shown(n), reason) for n, reason in result.skipped]
        if skipped and errors == "raise":
            raise ArticleLoadError(*skipped[0])
        report.records.extend(_shown_path(r) for r in result.records)
        report.skipped.extend(skipped)
        if result.encoding is not None:
            report.decoded_with.append((_shown(name), result.encoding))
        if result.epoch is not None:
            report.epoch_dates.append((_shown(name), result.epoch))
    frame = _build_frame(report, keep)
    record_load(frame["article_id"].tolist(), frame.attrs)
    _warn(report, len(files), len(frame))
    return frame


def save_articles(frame: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write an articles frame to Parquet; ``load_articles(path)`` gives it back identical.

    Only the frame is written, not its ``attrs`` reports; columns of lists (from
    ``keep=``) are written too. Raises ValueError if columns are missing or extra (save
    other columns separately, e.g. with ``to_parquet``), or if the name does not end in
    ``.parquet`` (the only table format written).

    The write is atomic: the frame goes to a hidden temporary file in the same folder,
    is flushed to disk, then replaces the target in one step, so a crash or a full disk
    leaves the previous file as it was, and of two processes saving the same path the
    last one's whole file wins.

    Parameters
    ----------
    frame : pandas.DataFrame
        An articles frame: the seven article columns, plus any columns of lists.
    path : str or os.PathLike
        The file to write; its name must end in ``.parquet``. Missing parent folders
        are created.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        A column is missing or extra, or the name does not end in ``.parquet``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import analystkit as ak
    >>> articles = ak.load_articles(ak.SEEDS_DIR)
    >>> path = ak.save_articles(articles, pathlib.Path(tempfile.mkdtemp()) / "articles.parquet")
    >>> path.name, ak.load_articles(path).equals(articles)
    ('articles.parquet', True)
    """
    missing = [c for c in ARTICLE_COLUMNS if c not in frame.columns]
    listed = [c for c in frame.columns if c not in ARTICLE_COLUMNS and _holds_lists(frame[c])]
    extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS and c not in listed]
    if missing or extra:
        raise ValueError(f"not an articles frame: missing columns {missing}, extra {extra}")
    target = Path(os.fsdecode(path))
    if target.suffix.lower() != ".parquet":
        raise ValueError(
            f"save_articles writes Parquet: name the file *.parquet, not "
            f"{target.name!r} (load_articles reads it back by that suffix)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    out = frame.loc[:, [*ARTICLE_COLUMNS, *listed]]
    out.attrs = {}
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        out.to_parquet(temporary, index=False)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_folder(target.parent)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows opening folders)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _holds_lists(column: pd.Series) -> bool:
    """True for a column of lists (a keep= column), which save_articles writes."""
    return column.dtype == object and all(isinstance(v, list) for v in column)


def _check_keep(keep: Iterable[str]) -> tuple[str, ...]:
    """keep= as a tuple of column names that are not already article fields."""
    names = (keep,) if isinstance(keep, str) else tuple(keep)
    taken = [n for n in names if n in _FIELDS or n in ARTICLE_COLUMNS]
    if taken:
        raise ValueError(
            f"keep= names extra columns; {taken} are article fields already "
            "(map a column to them with columns=)"
        )
    return names


def _check_columns(columns: Mapping[str, str | None] | None) -> dict[str, str | None]:
    mapping = dict(columns or {})
    unknown = {k: v for k, v in mapping.items() if v is not None and v not in _FIELDS}
    if unknown:
        raise ValueError(
            f"columns must map to {sorted(_FIELDS)} or to None (drop the column); got {unknown}"
        )
    return mapping


def _find_files(
    source: str | bytes | os.PathLike | Iterable[str | bytes | os.PathLike],
) -> tuple[list[str], list[tuple[str, str]]]:
    """Every file under the sources (hidden ones excluded, symlinked folders followed),
    each once, in path order; and the folders that could not be read, with the reason."""
    sources: list[str | bytes | os.PathLike] = (
        [source] if isinstance(source, (str, bytes, os.PathLike)) else list(source)
    )
    found: dict[str, None] = {}
    unreadable: list[tuple[str, str]] = []
    for item in sources:
        if isinstance(item, str) and is_url(item):
            found[item] = None
            continue
        root = Path(os.fsdecode(item))
        if root.is_dir():
            below = _walk(str(root), unreadable)
            found.update(dict.fromkeys(sorted(below, key=lambda p: p.split(os.sep))))
        elif root.exists() or root.is_symlink():
            found[str(root)] = None
        else:
            raise FileNotFoundError(f"load_articles: no such file or folder: {root}")
    return list(found), [(_shown(p), reason) for p, reason in unreadable]


def _walk(root: str, unreadable: list[tuple[str, str]]) -> list[str]:
    """Files below `root`, depth first without recursion (any depth), following links to
    folders; a folder reached twice on one branch is a symlink loop and is reported."""
    files: list[str] = []
    stack: list[tuple[str, frozenset]] = [(root, frozenset())]
    while stack:
        folder, ancestors = stack.pop()
        try:
            info = os.stat(folder)
            identity = (info.st_dev, info.st_ino)
            if identity in ancestors:
                unreadable.append((folder, "symlink loop: this folder contains itself"))
                continue
            with os.scandir(folder) as entries:
                listed = [(e.name, e.path, e.is_dir()) for e in entries]
        except OSError as err:
            unreadable.append((folder, f"unreadable folder: {err.strerror or err}"))
            continue
        inner = ancestors | {identity}
        for name, path, is_folder in listed:
            if name.startswith("."):
                continue
            if is_folder:
                stack.append((path, inner))
            else:
                files.append(path)
    return files


def _shown(path: str) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 in a file
    name (kept by Python as surrogates) are shown as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _shown_path(record: _Record) -> _Record:
    record.path = _shown(record.path)
    return record


def _describe(err: BaseException) -> str:
    """`Type: message` of an unexpected exception, for a skipped file's reason."""
    return f"{type(err).__name__}: {err}".splitlines()[0]


@dataclass(slots=True)
class _FileResult:
    records: list[_Record]
    skipped: list[tuple[str, str]]
    encoding: str | None = None  # how the bytes were decoded, when not plain UTF-8
    epoch: str | None = None  # how epoch dates were read, when the file had some


def _read_file(
    name: str, mapping: dict[str, str | None], tz: str, keep: tuple[str, ...]
) -> _FileResult:
    """The records of one file, its skipped records, and how it was decoded and dated."""
    if is_url(name):
        try:
            return _feed_result(download(name), name, tz)
        except FeedError as err:
            raise _Skip(str(err)) from None
    ext = os.path.splitext(name)[1].lower()
    if ext not in _SEED_EXTENSIONS | _TABLE_EXTENSIONS | _HTML_EXTENSIONS | FEED_EXTENSIONS:
        raise _Skip(f"unsupported extension: {ext!r}" if ext else "unsupported extension: none")
    data = _read_bytes(name)
    if not data.strip():
        raise _Skip("empty file")
    if ext == ".parquet":
        records, skipped, epoch = _table_records(_read_parquet(data), name, mapping, tz, keep)
        return _FileResult(records, skipped, None, epoch)
    if ext in FEED_EXTENSIONS:
        return _feed_result(data, name, tz)
    text, encoding = _decode(data)
    if not text.strip():
        raise _Skip("empty file")
    if ext in _SEED_EXTENSIONS:
        return _FileResult([_seed_record(text, name, mapping)], [], encoding)
    if ext in _HTML_EXTENSIONS:
        return _FileResult([_html_record(text, name)], [], encoding)
    table, bad_lines = _parse_table(text, ext)
    if table.empty and bad_lines:  # every line was broken: its reasons, not "empty file"
        return _FileResult([], [(name, reason) for reason in bad_lines], encoding)
    records, skipped, epoch = _table_records(table, name, mapping, tz, keep)
    return _FileResult(records, [(name, reason) for reason in bad_lines] + skipped, encoding, epoch)


def _feed_result(data: bytes, name: str, tz: str) -> _FileResult:
    """The entries of a feed as records; an entry without text or date is skipped."""
    try:
        entries = parse_feed(data, tz)
    except FeedError as err:
        raise _Skip(str(err)) from None
    records, skipped = [], []
    for i, entry in enumerate(entries, start=1):
        try:
            if not entry.text.strip():
                raise _Skip("no text")
            if entry.day is None:
                raise _Skip("no date: no published or updated time")
            records.append(
                _Record(
                    _valid_day(entry.day), entry.text, name, entry.title, entry.source, entry.url
                )
            )
        except _Skip as skip:
            skipped.append((name, f"{skip.reason} (entry {i})"))
    if not entries:
        skipped.append((name, "empty file: the feed has no entries"))
    return _FileResult(records, skipped)


def _read_bytes(file: str) -> bytes:
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):
            raise _Skip("unreadable: not a regular file")
        with open(file, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise _Skip(f"unreadable: {err.strerror or err}") from None


def _decode(data: bytes) -> tuple[str, str | None]:
    """Text of the bytes, and how it was decoded when that was not plain UTF-8."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):  # UTF-32 first: its LE mark begins with UTF-16's
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise _Skip(
                    f"undecodable: {name.upper()} byte order mark but invalid {name.upper()}"
                ) from None
    if b"\x00" in data:
        raise _Skip("binary content: contains NUL bytes")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    repaired = _repair_utf8(data)
    if repaired is not None:
        return repaired
    best = from_bytes(data, cp_isolation=_WESTERN).best()
    if best is None and sum(b >= 0x80 for b in data) <= _TOO_FEW_TO_DETECT:
        try:  # a few non-ASCII bytes are too little evidence for any detector
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    best = best or from_bytes(data).best()
    if best is None:
        raise _Skip("undecodable: not UTF-8 and no known encoding fits")
    return str(best), best.encoding


def _repair_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few stray single-byte characters (a cp1252 dash pasted into a
    UTF-8 file): keep the UTF-8, read only the invalid bytes as cp1252. None (a legacy
    file) when valid multi-byte characters are fewer than twice the invalid bytes, or the
    invalid bytes are many."""
    parts, position, invalid, multibyte = [], 0, 0, 0
    while True:
        try:
            good = data[position:].decode("utf-8")
        except UnicodeDecodeError as err:
            good = data[position : position + err.start].decode("utf-8")
            bad = data[position + err.start : position + err.end]
            invalid += len(bad)
            position += err.end
            if invalid > _MAX_REPAIRED_BYTES:
                return None
            parts += [good, "".join(_cp1252_char(b) for b in bad)]
            multibyte += sum(ord(c) > 127 for c in good)
            continue
        parts.append(good)
        multibyte += sum(ord(c) > 127 for c in good)
        break
    if multibyte < 2 * invalid:  # too little UTF-8 to outweigh the bytes that are not
        return None
    plural = "s" if invalid != 1 else ""
    return "".join(parts), f"utf-8 ({invalid} invalid byte{plural} read as cp1252)"


def _cp1252_char(byte: int) -> str:
    """A byte as cp1252 reads it, or as Latin-1 for the five bytes cp1252 leaves undefined."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin_1")


@lru_cache(maxsize=65536)
def _valid_day(iso: str) -> str:
    """The YYYY-MM-DD string if it names a real day; raises _Skip otherwise."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        raise _Skip(f"impossible date: {iso}") from None
    if not _YEARS[0] <= day.year <= _YEARS[1]:
        raise _Skip(f"implausible date: {iso} (outside {_YEARS[0]}-{_YEARS[1]})")
    return iso


def _day(value: object) -> str:
    """YYYY-MM-DD for a date cell: ISO strings, datetimes, or unambiguous month names."""
    if isinstance(value, str):
        text = value.strip()
        iso = _ISO_DAY.match(text)
        if iso:
            return _valid_day(iso.group(1))
        if not text:
            raise _Skip("no date")
        if _NUMERIC_DATE.fullmatch(text):
            raise _Skip(f"ambiguous date: {text!r} (write YYYY-MM-DD)")
        if not re.search(r"\d{4}", text):  # also keeps "today"/"now" out
            raise _Skip(f"unreadable date: {text!r}")
        if len(re.findall(r"\d+", text)) < 2:  # "March 2025" would become March 1
            raise _Skip(f"ambiguous date: {text!r} names no day (write YYYY-MM-DD)")
        try:
            value = pd.Timestamp(text)
        except (ValueError, OverflowError):
            raise _Skip(f"unreadable date: {text!r}") from None
    if _missing(value):
        raise _Skip("no date")
    if isinstance(value, (dt.date, np.datetime64)):
        stamp = pd.Timestamp(value)  # wall-clock day, whatever the time zone
        return _valid_day(f"{stamp.year:04d}-{stamp.month:02d}-{stamp.day:02d}")
    raise _Skip(f"unreadable date: {value!r}")


def _seed_record(text: str, path: str, mapping: dict[str, str | None]) -> _Record:
    """`` date YYYY-MM-DD <body>``, optionally after a ``key: value`` header block (a
    key mapped to None in `mapping` is dropped)."""
    fields: dict[str, str] = {}
    body = text
    if not _DATE_LINE.match(text):
        end = _HEADER_END.search(text)
        lines = re.split(r"\r?\n", text[: end.start()].strip()) if end else []
        pairs = [m for line in lines if (m := _HEADER_LINE.fullmatch(line))]
        if end is not None and lines and len(pairs) == len(lines):
            named = ((mapping.get(k, k.lower()), v) for k, v in (m.groups() for m in pairs))
            fields = {name: v for name, v in named if name is not None}
            body = text[end.end() :]
    if "date" in fields:
        day = _day(fields["date"])
    else:
        line = _DATE_LINE.match(body)
        if not line:
            raise _Skip("no date: expected ' date YYYY-MM-DD <body>' or a 'date:' header")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", line.group(1)):
            raise _Skip(f"no date: {line.group(1)!r} is not YYYY-MM-DD")
        day = _valid_day(line.group(1))
        body = body[line.end() :]
    unknown = sorted(set(fields) - {"title", "source", "url", "date"})
    if unknown:
        raise _Skip(
            f"unknown header key: {unknown[0]!r} (known: title, source, url, date;"
            " map others with columns=)"
        )
    if not body.strip():
        raise _Skip("no text")
    return _Record(
        day, body, path, fields.get("title", ""), fields.get("source", ""), fields.get("url", "")
    )


def _html_record(html: str, path: str) -> _Record:
    """Main text and metadata via trafilatura; only explicit metadata dates count."""
    import trafilatura  # imported on first HTML file: it is slow to import

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    assert not isinstance(doc, dict)  # a Document unless as_dict=True
    text = doc.text if doc is not None else None
    if doc is None or not text or not text.strip():
        raise _Skip("no text: trafilatura found no main text")
    if not doc.date:
        raise _Skip("no date: no publication date in the HTML metadata")
    return _Record(
        _day(doc.date),
        text,
        path,
        doc.title or "",
        doc.sitename or doc.hostname or "",
        doc.url or "",
    )


def _read_parquet(data: bytes) -> pd.DataFrame:
    try:
        return pd.read_parquet(io.BytesIO(data))
    except Exception as err:  # pyarrow raises several unrelated types for bad files
        raise _Skip(f"invalid table: {type(err).__name__}: {err}") from None


def _parse_table(text: str, ext: str) -> tuple[pd.DataFrame, list[str]]:
    """A frame of the records in a csv/tsv/json/jsonl text, and reasons for bad lines."""
    bad: list[str] = []
    try:
        if ext in (".csv", ".tsv"):
            table = pd.read_csv(
                io.StringIO(text),
                sep="\t" if ext == ".tsv" else ",",
                dtype=str,
                keep_default_na=False,
                na_filter=False,
            )
            return table, bad
        if ext == ".json":
            rows = json.loads(text)
            rows = [rows] if isinstance(rows, dict) else rows
        else:
            rows = []
            # JSON Lines end at "\n" only: U+2028, U+2029 and U+0085 may sit in strings
            for number, line in enumerate(text.split("\n"), 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        bad.append(f"invalid table: line {number}: {err.msg}")
                    except RecursionError:
                        bad.append(f"invalid table: line {number}: nested too deeply")
    except (ValueError, pd.errors.ParserError) as err:
        raise _Skip(f"invalid table: {err}".splitlines()[0]) from None
    except RecursionError:
        raise _Skip("invalid table: nested too deeply") from None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise _Skip("invalid table: expected JSON objects with date and text")
    return pd.DataFrame(rows), bad


def _table_records(
    table: pd.DataFrame, path: str, mapping: dict[str, str | None], tz: str, keep: tuple[str, ...]
) -> tuple[list[_Record], list[tuple[str, str]], str | None]:
    """Records and skipped records of a table, and the epoch unit its dates used."""
    names = [mapping.get(str(c), str(c).strip().lower()) for c in table.columns]
    table = table.loc[:, [n is not None for n in names]]
    names = [n for n in names if n is not None]
    given_by: dict[str, list[str]] = {}
    for column, name in zip(map(str, table.columns), names):
        if name in _FIELDS:
            given_by.setdefault(name, []).append(column)
    clashes = {f: cols for f, cols in given_by.items() if len(cols) > 1}
    if clashes:
        field, cols = next(iter(clashes.items()))
        raise _Skip(
            f"invalid table: columns {' and '.join(map(repr, cols))} both give "
            f"{field!r}; keep one, e.g. columns={{{cols[0]!r}: None}} drops the first"
        )
    if table.empty:
        raise _Skip("empty file: the table has no records")
    missing = [f for f in ("date", "text") if f not in names]
    if missing:
        raise _Skip(
            f"no {missing[0]}: no {missing[0]!r} column among {list(table.columns)}"
            " (map yours with columns=)"
        )
    table = table.set_axis(names, axis=1)
    cells = {f: _cells(table[f]) if f in table else None for f in _FIELDS}
    texts, dates = _cells(table["text"]), _cells(table["date"])  # both present (checked)
    kept = {k: _cells(table[k]) for k in keep if k in table}
    records, skipped, units = [], [], set()
    for i in range(len(table)):
        try:
            text = texts[i]
            if not isinstance(text, str) or not text.strip():
                raise _Skip("no text")
            epoch = _epoch_day(dates[i], tz)
            if epoch:
                day, unit = epoch
                units.add(unit)
            else:
                day = _day(dates[i])
            record = _Record(
                day,
                text,
                _text(cells["path"], i) or path,
                _text(cells["title"], i),
                _text(cells["source"], i),
                _text(cells["url"], i),
                {k: v[i] for k, v in kept.items()},
            )
        except _Skip as skip:
            skipped.append((path, f"{skip.reason} (record {i + 1})"))
            continue
        records.append(record)
    stated = f"{' and '.join(sorted(units))} since 1970 (UTC), as days in {tz}" if units else None
    return records, skipped, stated


def _epoch_day(value: object, tz: str) -> tuple[str, str] | None:
    """(YYYY-MM-DD in `tz`, unit) for a number of seconds or milliseconds since 1970,
    told apart by magnitude (1e8-1e11 seconds, 1e11-1e14 milliseconds); None for other
    values. A bare 8-digit number stays refused as ambiguous (YYYYMMDD?)."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        return None
    if _missing(value) or not 1e8 <= abs(float(value)) < 1e14:
        return None
    unit = "seconds" if abs(float(value)) < 1e11 else "milliseconds"
    stamp = pd.Timestamp(int(value), unit="s" if unit == "seconds" else "ms", tz="UTC")
    local = stamp.tz_convert(tz)
    return _valid_day(f"{local.year:04d}-{local.month:02d}-{local.day:02d}"), unit


def _cells(column: pd.Series) -> list:
    """Python values of a column; datetimes as their wall-clock YYYY-MM-DD strings."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        column = column.dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(column.dtype):
        column = column.dt.strftime("%Y-%m-%d")
    return column.tolist()


def _missing(value: Any) -> bool:
    """None, NaN or NaT (but not a list or dict, which pd.isna would map element-wise)."""
    return value is None or (np.ndim(value) == 0 and bool(pd.isna(value)))


def _text(cells: list | None, i: int) -> str:
    value = None if cells is None else cells[i]
    return value if isinstance(value, str) else "" if _missing(value) else str(value)


def _build_frame(report: _Report, keep: tuple[str, ...]) -> pd.DataFrame:
    """One row per distinct text, with the canonical dtypes; duplicates go to the report,
    and their keep= values to the kept row's lists."""
    kept: dict[str, _Record] = {}
    listed: dict[str, dict[str, list[str]]] = {}
    for record in report.records:
        first = kept.setdefault(record.text, record)
        if first is not record:
            report.duplicates.append((record.path, first.path))
        values = listed.setdefault(record.text, {k: [] for k in keep})
        for name, cell in record.kept.items():
            values[name].extend(v for v in _listed(cell) if v not in values[name])
    rows = list(kept.values())
    ids = [hashlib.sha256(r.text.encode("utf-8")).hexdigest()[:16] for r in rows]
    frame = pd.DataFrame(
        {
            "article_id": pd.array(ids, dtype="str"),
            "date": np.array([r.day for r in rows], dtype="datetime64[D]").astype("datetime64[us]"),
            **{
                f: pd.array([getattr(r, f) for r in rows], dtype="str")
                for f in ("title", "source", "url", "path", "text")
            },
            **{k: pd.Series([listed[r.text][k] for r in rows], dtype=object) for k in keep},
        }
    )
    frame = frame.sort_values(["date", "article_id"], ignore_index=True)
    frame.attrs = {
        "skipped": report.skipped,
        "duplicates": report.duplicates,
        "decoded_with": report.decoded_with,
        "epoch_dates": report.epoch_dates,
    }
    return frame


def _listed(cell: object) -> list[str]:
    """A keep= cell as strings: a list (from Parquet) flattened, missing values dropped."""
    items = list(cell) if isinstance(cell, (list, tuple, np.ndarray)) else [cell]
    return [v if isinstance(v, str) else str(v) for v in items if not _missing(v)]


def _warn(report: _Report, n_files: int, n_articles: int) -> None:
    """One warning summarising skipped files, duplicates and legacy encodings."""
    parts = []
    if report.skipped:
        kinds = Counter(
            re.split(r"[:(]", reason, maxsplit=1)[0].strip() for _, reason in report.skipped
        )
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        parts.append(
            f"skipped {len(report.skipped)} files or table records ({detail}) -> .attrs['skipped']"
        )
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} duplicate texts dropped -> .attrs['duplicates']")
    if report.decoded_with:
        names = ", ".join(sorted({enc for _, enc in report.decoded_with}))
        parts.append(
            f"{len(report.decoded_with)} files not UTF-8, decoded as {names}"
            " -> .attrs['decoded_with']"
        )
    if not n_articles:
        parts.insert(0, "no articles loaded")
    if parts:
        warnings.warn(
            f"load_articles: {n_articles} articles from {n_files} files; " + "; ".join(parts),
            ArticleLoadWarning,
            stacklevel=3,
        )
