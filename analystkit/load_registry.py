"""The load report that survives: what ``load_articles`` skipped, dropped as duplicates
or decoded from a legacy encoding, found again from any frame holding its rows.

``load_articles`` puts its report in ``frame.attrs``, but ``pd.concat`` of frames with
different attrs, ``merge`` and many other pandas operations drop ``attrs``. So every load
is also recorded in this session's registry under the ids of the articles it loaded, and
``ak.load_report(frame)`` gathers the reports of every load whose articles are in the
frame: an articles frame, a concatenation or filter of several, or a frame derived from
them that keeps an ``article_id`` column (sentences, matches, events). A frame whose
``attrs`` still hold the report (pandas keeps them through filters and copies) gets that
report. Otherwise an article loaded by several loads (the same text: the same id) is
credited to the latest, so reloading a folder after fixing a file supersedes the old
report. The registry lives in the Python
session (a restarted kernel or a Dask worker has its own); a load that loaded no article
is found through ``frame.attrs`` only.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

REPORT_KINDS = ("skipped", "duplicates", "decoded_with", "epoch_dates")

Entries = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LoadReport:
    """The combined report of one or more ``load_articles`` calls.

    Each field lists ``(path, detail)`` pairs, as ``frame.attrs`` of a fresh load does.
    ``report["skipped"]`` works as ``attrs["skipped"]`` did (a list; an unknown kind
    raises KeyError); ``to_frame()`` gives one row per entry, columns ``kind``, ``path``,
    ``detail`` (all str).

    Parameters
    ----------
    skipped : tuple of (str, str), default ()
        ``(path, reason)`` of each file or record that was not loaded.
    duplicates : tuple of (str, str), default ()
        ``(path, path of the kept copy)`` of each duplicate text.
    decoded_with : tuple of (str, str), default ()
        ``(path, encoding)`` of each file that was not plain UTF-8.
    epoch_dates : tuple of (str, str), default ()
        ``(path, how the dates were read)`` of each table with epoch-number dates.
    loads : int, default 0
        How many ``load_articles`` calls the report gathers.

    Examples
    --------
    >>> import analystkit as ak
    >>> report = ak.LoadReport(skipped=(("b.txt", "no date"),), loads=1)
    >>> report["skipped"]
    [('b.txt', 'no date')]
    >>> report.to_frame().values.tolist()
    [['skipped', 'b.txt', 'no date']]
    """

    skipped: Entries = ()
    duplicates: Entries = ()
    decoded_with: Entries = ()
    epoch_dates: Entries = ()
    loads: int = 0

    def __getitem__(self, kind: str) -> list[tuple[str, str]]:
        if kind not in REPORT_KINDS:
            raise KeyError(f"{kind!r} (a load report has {', '.join(REPORT_KINDS)})")
        return list(getattr(self, kind))

    def to_frame(self) -> pd.DataFrame:
        """One row per entry: kind (skipped, duplicates, decoded_with, epoch_dates), path,
        detail (the reason, the kept copy, the encoding, how dates were read)."""
        rows = [(kind, path, detail) for kind in REPORT_KINDS for path, detail in self[kind]]
        return pd.DataFrame(rows, columns=["kind", "path", "detail"]).astype("str")


@dataclass(frozen=True)
class _Load:
    keys: np.ndarray  # the loaded article ids as sorted uint64 (16 hex digits each)
    report: dict[str, Entries]


# digest of a load (its ids and report) -> the load, oldest first; a load repeated (a
# re-run cell) is recorded once, as the latest
_LOADS: dict[bytes, _Load] = {}
_LOCK = threading.Lock()


def _keys(ids: Iterable[object]) -> np.ndarray:
    """Article ids (16 hex digits) as sorted unique uint64; other values are left out."""
    hexes = [i for i in ids if isinstance(i, str) and len(i) == 16]
    try:
        keys = np.frombuffer(bytes.fromhex("".join(hexes)), dtype=">u8")
    except ValueError:  # an id that is not hex: parse one by one
        keys = np.array([int(h, 16) for h in hexes if _is_hex(h)], dtype=np.uint64)
    return np.unique(keys.astype(np.uint64))


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return True


def _entries(report: Mapping[str, object], kind: str) -> Entries:
    value = report.get(kind) or []
    assert isinstance(value, Sequence)
    return tuple((str(a), str(b)) for a, b in value)


def record_load(article_ids: Iterable[object], report: Mapping[str, object]) -> None:
    """Remember the report of one load under the ids of the articles it loaded (called
    by ``load_articles``)."""
    keys = _keys(article_ids)
    if not len(keys):
        return
    entries = {kind: _entries(report, kind) for kind in REPORT_KINDS}
    digest = hashlib.sha256(keys.tobytes() + repr(sorted(entries.items())).encode()).digest()
    with _LOCK:
        known = _LOADS.pop(digest, None)
        _LOADS[digest] = known if known is not None else _Load(keys, entries)


def _frame_ids(frame: pd.DataFrame) -> list[object]:
    if "article_id" in frame.columns:
        return pd.unique(frame["article_id"].dropna()).tolist()
    if "article_id" in (frame.index.names or []):
        return pd.unique(frame.index.get_level_values("article_id").dropna()).tolist()
    raise ValueError(
        "load_report needs an article_id column (or index level) to find the loads of a frame"
    )


def load_report(frame: pd.DataFrame) -> LoadReport:
    """The load report of every ``load_articles`` call whose articles are in `frame`.

    Parameters
    ----------
    frame : DataFrame
        Any frame with an ``article_id`` column or index level: an articles frame, the
        concatenation, filter or merge of several, or sentences, matches or events
        computed from them.

    Returns
    -------
    LoadReport
        ``skipped``, ``duplicates``, ``decoded_with`` and ``epoch_dates`` of those loads,
        in load order, each entry once; ``loads`` counts them. An article loaded more
        than once counts for the latest load that loaded it. When pandas kept the report
        in ``frame.attrs`` (a frame from one load, filtered or copied), that report.

    Raises
    ------
    ValueError
        `frame` has no ``article_id`` column or index level (and no report in ``attrs``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> import analystkit as ak
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text(" date 2024-01-02 Pyongyang fired a missile.")
    >>> _ = (folder / "b.txt").write_text("no date here")
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")  # "skipped 1 file" is in the report
    ...     a = ak.load_articles(folder)
    >>> b = ak.load_articles(ak.SEEDS_DIR)
    >>> both = pd.concat([a, b], ignore_index=True)
    >>> both.attrs  # pandas dropped the differing attrs
    {}
    >>> report = ak.load_report(both)
    >>> report.loads
    2
    >>> for path, reason in report.skipped:
    ...     print(pathlib.Path(path).name, "|", reason)
    b.txt | no date: expected ' date YYYY-MM-DD <body>' or a 'date:' header
    >>> ak.load_report(both[both["date"].dt.year == 2025]).loads  # only the seed's rows
    1
    """
    attrs = {k: frame.attrs[k] for k in REPORT_KINDS if k in frame.attrs}
    if attrs:  # kept by pandas: the frame comes from one load (or equal ones)
        return LoadReport(**{k: _entries(attrs, k) for k in REPORT_KINDS}, loads=1)
    remaining = _keys(_frame_ids(frame))
    loads: list[_Load] = []
    with _LOCK:
        for load in reversed(_LOADS.values()):  # an article loaded again: the latest load's
            if not len(remaining):
                break
            found = np.isin(remaining, load.keys, assume_unique=True)
            if found.any():
                loads.insert(0, load)
                remaining = remaining[~found]
    merged = {
        kind: tuple(dict.fromkeys(e for load in loads for e in load.report[kind]))
        for kind in REPORT_KINDS
    }
    return LoadReport(**merged, loads=len(loads))
