"""The kit's measured accuracy as `make eval` last wrote it (eval/figures.csv): the
headline figures of eval/REPORT.md, one row per figure and corpus, so that a chart or a
notebook can quote how far its numbers are to be trusted."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analystkit.frames import require_columns
from analystkit.paths import ROOT

ACCURACY_PATH = ROOT / "eval" / "figures.csv"
ACCURACY_COLUMNS = ["figure", "corpus", "hits", "n", "measured", "version"]


def save_accuracy(
    figures: pd.DataFrame, measured: str, version: str, path: str | Path = ACCURACY_PATH
) -> Path:
    """Write the headline figures (``figure``, ``corpus``, ``hits``, ``n``), stamped with
    the day they were measured and the kit's version, as CSV.

    Parameters
    ----------
    figures : pandas.DataFrame
        The figures ``make eval`` scored: ``figure``, ``corpus``, ``hits``, ``n``.
    measured : str
        The day they were measured (YYYY-MM-DD).
    version : str
        The analystkit version that was measured.
    path : str or pathlib.Path, default accuracy.ACCURACY_PATH
        Where to write (eval/figures.csv).

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> from analystkit.accuracy import save_accuracy, load_accuracy
    >>> figures = pd.DataFrame({"figure": ["launch precision, exact day"],
    ...                         "corpus": ["all"], "hits": [68], "n": [75]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = save_accuracy(figures, "2026-11-30", "0.13.0", f"{folder}/figures.csv")
    ...     load_accuracy(path)["share"].round(3).tolist()
    [0.907]
    """
    require_columns(figures, ("figure", "corpus", "hits", "n"), "figures")
    out = figures[["figure", "corpus", "hits", "n"]].assign(measured=measured, version=version)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, lineterminator="\n")
    return path


def load_accuracy(path: str | Path = ACCURACY_PATH) -> pd.DataFrame:
    """The measured figures, with ``share`` = hits / n (NaN where n is 0).

    Parameters
    ----------
    path : str or pathlib.Path, default accuracy.ACCURACY_PATH
        The figures file ``make eval`` writes (eval/figures.csv).

    Returns
    -------
    pandas.DataFrame
        ``figure``, ``corpus`` (news, kcna or all), ``hits``, ``n`` (int64),
        ``measured``, ``version`` (str) and ``share`` (float).

    Raises
    ------
    FileNotFoundError
        No figures file: run ``make eval`` (it needs the development corpora).
    ValueError
        The file lacks a column.

    Examples
    --------
    >>> import analystkit as ak
    >>> acc = ak.load_accuracy()
    >>> sorted(set(acc["corpus"]))
    ['all', 'kcna', 'news']
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no measured figures; `make eval` writes them")
    frame = pd.read_csv(path, dtype={"measured": str, "version": str})
    require_columns(frame, ACCURACY_COLUMNS, str(path))
    frame = frame.astype({"hits": "int64", "n": "int64"})
    share = frame["hits"] / frame["n"].where(frame["n"] > 0)
    return frame.assign(share=share)


def accuracy_note(
    figures: Sequence[str],
    corpus: str = "all",
    accuracy: pd.DataFrame | None = None,
    labels: Sequence[str] | None = None,
) -> str:
    """A sentence quoting measured figures, for a chart's source line.

    Parameters
    ----------
    figures : sequence of str
        Figure names, as in the headline of eval/REPORT.md ("rhetoric precision (all
        tags)").
    corpus : str, default "all"
        The corpus they were measured on: news, kcna or all.
    accuracy : pandas.DataFrame or None, default None
        The measured figures; None is ``load_accuracy()``.
    labels : sequence of str or None, default None
        What to call each figure in the sentence (default: its name).

    Returns
    -------
    str
        "Measured on analystkit's development gold (make eval, <day>): <figure> <share>
        (<hits> of <n>); …."

    Raises
    ------
    ValueError
        No figure named, or a figure or the corpus is not among the measured ones (the
        message lists them).

    Examples
    --------
    >>> from analystkit.accuracy import accuracy_note
    >>> accuracy_note(["launch precision, exact day"]).startswith("Measured on")
    True
    """
    if not figures:
        raise ValueError("name at least one figure to quote")
    acc = load_accuracy() if accuracy is None else accuracy
    rows = acc[acc["corpus"] == corpus].set_index("figure")
    unknown = [f for f in figures if f not in rows.index]
    if unknown:
        raise ValueError(
            f"no measured figure {unknown} for corpus {corpus!r}; "
            f"measured: {sorted(set(acc['figure']))} on {sorted(set(acc['corpus']))}"
        )
    parts = [
        f"{label} {rows.loc[name, 'share']:.0%} ({rows.loc[name, 'hits']} of {rows.loc[name, 'n']})"
        for name, label in zip(figures, labels or figures, strict=True)
    ]
    day = rows.loc[figures[0], "measured"]
    return f"Measured on analystkit's development gold (make eval, {day}): {'; '.join(parts)}."


__all__ = ["ACCURACY_PATH", "accuracy_note", "load_accuracy", "save_accuracy"]
