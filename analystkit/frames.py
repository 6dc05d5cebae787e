"""What every function over frames shares: the check that the columns it reads are there,
the typed empty frame it returns when there is nothing to report, and string columns
built from codes or from per-chunk Arrow arrays."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa


def require_columns(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    """Raise TypeError unless `frame` is a DataFrame, and ValueError naming every column
    of `columns` it lacks (and the columns it has)."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} frame lacks column(s) {', '.join(map(str, missing))}; "
            f"it has {', '.join(map(str, frame.columns))}"
        )


def require_dates(frame: pd.DataFrame, column: str, name: str) -> None:
    """Raise TypeError, naming the column and its dtype, unless it holds datetimes."""
    if not pd.api.types.is_datetime64_any_dtype(frame[column]):
        raise TypeError(
            f"{name}[{column!r}] must hold datetimes, not {frame[column].dtype} "
            f"(convert it with pd.to_datetime({name}[{column!r}]))"
        )


def empty_frame(columns: Iterable[str], dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A frame with no rows and the given columns, typed by `dtypes` (str if not listed)."""
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "str")) for c in columns})


def labels(names, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A pandas str array of names[codes] (label_strings)."""
    return pd.array(label_strings(names, codes), dtype="str")


def label_strings(names, codes: np.ndarray) -> pa.Array:
    """names[codes] as an Arrow string array, built as an Arrow dictionary (fast for the
    few distinct values of ids, categories, tags and speakers)."""
    dictionary = pa.array(list(names), type=pa.large_string())
    indices = pa.array(np.asarray(codes) % max(len(dictionary), 1), type=pa.int64())
    return pa.DictionaryArray.from_arrays(indices, dictionary).cast(pa.large_string())


def strings(values: Iterable[str]) -> pa.Array:
    """The strs as one Arrow array (a chunk's column: compact, no Python str kept)."""
    return pa.array(values, type=pa.large_string())


def str_column(chunks: Iterable[pa.Array]) -> pd.api.extensions.ExtensionArray:
    """A pandas str array of per-chunk Arrow string arrays (`strings`), not copied."""
    return pd.array(pa.chunked_array(list(chunks), type=pa.large_string()), dtype="str")
