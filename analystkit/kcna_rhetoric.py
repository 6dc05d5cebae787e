"""The shipped KCNA rhetoric table: daily matches and sentences per rhetoric tag and speaker
group, computed by the kit from the public KCNA English archive (figures only, no text),
stamped with the archive's URL and SHA-256 and a fingerprint of the lexicon that made it.

Rebuild it with ``make kcna-rhetoric ARCHIVE=/path/to/headlines_2024-11-11.json``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import yaml

from analystkit.corpus import load_articles
from analystkit.fetch import CORPORA, file_sha256
from analystkit.paths import LEXICON_PATH, REFERENCE_DIR
from analystkit.sentence_table import sentences
from analystkit.tagging import tag
from analystkit.timeline import TIMELINE_KEYS, resample_timeline, rhetoric_timeline

KCNA_ARCHIVE = {
    "name": "kcna_2024",
    **{key: CORPORA["kcna_2024"][key] for key in ("file", "url", "sha256", "licence")},
}
KCNA_COLUMNS = {"story_text": "text", "headline": "title", "link": "url", "date_str": None}
KCNA_TZ = "Asia/Seoul"
KCNA_RHETORIC_PATH = REFERENCE_DIR / "kcna_rhetoric_2024.csv"
KCNA_RHETORIC_META_PATH = REFERENCE_DIR / "kcna_rhetoric_2024.json"
REBUILD_COMMAND = "make kcna-rhetoric ARCHIVE=/path/to/headlines_2024-11-11.json"


def lexicon_fingerprint(path: str | Path = LEXICON_PATH) -> str:
    """SHA-256 of the lexicon's content (its parsed YAML as canonical JSON): comments and
    layout do not change it, any pattern, tag, speaker or rule does.

    Parameters
    ----------
    path : str or pathlib.Path, default LEXICON_PATH
        The lexicon YAML file (the kit's data/lexicon.yml by default).

    Returns
    -------
    str
        64 lower-case hex digits.

    Raises
    ------
    OSError
        The file cannot be read.
    yaml.YAMLError
        The file is not valid YAML.

    Examples
    --------
    >>> import analystkit as ak
    >>> fingerprint = ak.lexicon_fingerprint()
    >>> len(fingerprint), fingerprint == ak.lexicon_fingerprint()
    (64, True)
    """
    content = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def build_kcna_rhetoric(archive: str | Path) -> tuple[pd.DataFrame, dict]:
    """Compute the daily table and its stamp from the archive file as published.

    Raises ValueError when the file is not the pinned archive (its SHA-256 differs).
    The table keeps the days and groups that have sentences; loading zero-fills it."""
    archive = Path(archive)
    checksum = file_sha256(archive)
    if checksum != KCNA_ARCHIVE["sha256"]:
        raise ValueError(
            f"{archive} is not the pinned KCNA archive: SHA-256 {checksum}, "
            f"expected {KCNA_ARCHIVE['sha256']} ({KCNA_ARCHIVE['url']})"
        )
    articles = load_articles(archive, tz=KCNA_TZ, columns=KCNA_COLUMNS)
    daily = rhetoric_timeline(
        tag(articles), sentences(articles), articles, freq="D", by=list(TIMELINE_KEYS)
    )
    table = daily[daily["sentences"] > 0].drop(columns="rate").reset_index(drop=True)
    table["period"] = table["period"].dt.strftime("%Y-%m-%d")
    meta = {
        "what": "KCNA English archive: rhetoric matches (negated left out) and sentences per "
        "Korea-time day, rhetoric tag and speaker group; days and groups without "
        "sentences omitted (zero). Figures only: no text of the archive.",
        "archive": KCNA_ARCHIVE,
        "articles": len(articles),
        "records_skipped": len(articles.attrs.get("skipped", [])),
        "duplicates_dropped": len(articles.attrs.get("duplicates", [])),
        "first_day": table["period"].min(),
        "last_day": table["period"].max(),
        "lexicon_sha256": lexicon_fingerprint(),
        "rebuild": REBUILD_COMMAND,
    }
    return table, meta


def stamp_path(path: str | Path) -> Path:
    """Where a table's stamp is: beside it, of its name with .json (the shipped
    kcna_rhetoric_2024.csv has kcna_rhetoric_2024.json)."""
    return Path(path).with_suffix(".json")


def write_kcna_rhetoric(
    table: pd.DataFrame,
    meta: dict,
    path: Path = KCNA_RHETORIC_PATH,
    meta_path: Path | None = None,
) -> None:
    """Write the table (CSV) and its stamp (JSON; default beside the table, where
    load_kcna_rhetoric reads it), byte for byte reproducibly."""
    meta_path = stamp_path(path) if meta_path is None else meta_path
    table.to_csv(path, index=False, lineterminator="\n")
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def kcna_rhetoric_stamp(meta_path: Path = KCNA_RHETORIC_META_PATH) -> dict:
    """The shipped table's stamp: archive URL and SHA-256, lexicon fingerprint, span.

    Parameters
    ----------
    meta_path : pathlib.Path, default KCNA_RHETORIC_META_PATH
        The stamp's JSON file (data/reference/kcna_rhetoric_2024.json by default).

    Returns
    -------
    dict
        The parsed JSON: ``what``, ``archive`` (name, file, url, sha256, licence),
        ``articles``, ``records_skipped``, ``duplicates_dropped``, ``first_day``,
        ``last_day`` (ISO days), ``lexicon_sha256``, ``rebuild``.

    Examples
    --------
    >>> import analystkit as ak
    >>> stamp = ak.kcna_rhetoric_stamp()
    >>> {"archive", "lexicon_sha256", "first_day", "last_day"} <= set(stamp)
    True
    """
    return json.loads(Path(meta_path).read_text(encoding="utf-8"))


def load_kcna_rhetoric(
    freq: str = "W",
    by: str | Sequence[str] = "tag",
    speaker_groups: Sequence[str] | None = None,
    path: Path = KCNA_RHETORIC_PATH,
) -> pd.DataFrame:
    """The shipped KCNA table as a zero-filled timeline (see ``resample_timeline``):
    weekly by tag by default; freq="D" with by=("tag", "speaker_group") gives it whole.
    ``attrs["stamp"]`` holds the archive's URL and checksum and the lexicon fingerprint,
    ``attrs["corpus"]`` a one-line citation for chart source lines: both from the
    table's own stamp, the JSON file beside it (its name with .json), so a table of
    another archive is never cited as the shipped one.

    Parameters
    ----------
    freq : {"D", "W", "M"}, default "W"
        Days, weeks (Monday first) or months.
    by : str or sequence of str, default "tag"
        "tag", "speaker_group" or both.
    speaker_groups : sequence of str or None, default None
        Only these groups (None: all).
    path : pathlib.Path, default KCNA_RHETORIC_PATH
        The table's CSV (data/reference/kcna_rhetoric_2024.csv by default); its stamp
        is read from the same name with .json beside it, as ``write_kcna_rhetoric``
        (``make kcna-rhetoric``) writes it.

    Returns
    -------
    pandas.DataFrame
        A timeline as ``resample_timeline`` returns it: period (datetime64[us]), the `by`
        columns (str), matches, sentences (int64), rate (float64).

    Raises
    ------
    ValueError
        `freq` or `by` is not one of the values above.
    FileNotFoundError
        The table, or its stamp beside it, is not there.

    Examples
    --------
    >>> import analystkit as ak
    >>> weekly = ak.load_kcna_rhetoric(freq="W")
    >>> weekly.columns.tolist()
    ['period', 'tag', 'matches', 'sentences', 'rate']
    >>> "corpus" in weekly.attrs and "stamp" in weekly.attrs
    True
    """
    table = pd.read_csv(path, parse_dates=["period"], dtype={k: "str" for k in TIMELINE_KEYS})
    meta_path = stamp_path(path)
    if not meta_path.is_file():
        raise FileNotFoundError(
            f"{path}: no stamp {meta_path} beside the table (its archive, article count "
            "and lexicon fingerprint, which attrs['stamp'] and attrs['corpus'] cite); "
            "write_kcna_rhetoric writes a table and its stamp together (the shipped "
            f"one: `{REBUILD_COMMAND}`)"
        )
    timeline = resample_timeline(table, freq=freq, by=by, speaker_groups=speaker_groups)
    stamp = kcna_rhetoric_stamp(meta_path)
    timeline.attrs["stamp"] = stamp
    timeline.attrs["corpus"] = (
        f"KCNA English archive, {stamp['articles']:,} articles, "
        f"{stamp['archive']['url']} ({stamp['archive']['licence']})"
    )
    return timeline
