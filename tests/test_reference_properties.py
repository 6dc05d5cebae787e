"""Any single-character edit of one line of launch_events.csv either loads as exactly
what the edited file says, or fails naming that line: a typo can never change a count
silently (the issue's defect 1: "2025-2-26" passed as a second 2025-02-26)."""

from __future__ import annotations

import csv
import io
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

import analystkit as ak
from analystkit.reference import CHRONOLOGY_PATH, ReferenceDataError

LINES = CHRONOLOGY_PATH.read_text(encoding="utf-8").splitlines()


def _edit(line: str, op: str, at: int, char: str) -> str:
    at %= max(len(line), 1)
    if op == "replace":
        return line[:at] + char + line[at + 1 :]
    if op == "delete":
        return line[:at] + line[at + 1 :]
    return line[:at] + char + line[at:]


def _counts_as_written(text: str) -> Counter:
    """Counted launch days per year, read naively from the text as it stands."""
    rows = csv.DictReader(io.StringIO(text))
    return Counter(
        r["date"].strip()[:4] for r in rows if r["counted"].strip().lower() == "true"
    )  # cells are read stripped, as the dates compared above


@settings(max_examples=300, deadline=None)
@given(
    index=st.integers(1, len(LINES) - 1),
    op=st.sampled_from(["replace", "delete", "insert"]),
    at=st.integers(0, 400),
    char=st.sampled_from(list('0123456789-," aT.')),
)
@example(index=1, op="insert", at=0, char=" ")  # a space before the date
def test_a_one_character_edit_loads_as_written_or_names_its_line(index, op, at, char):
    lines = list(LINES)
    lines[index] = _edit(lines[index], op, at, char)
    text = "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "launch_events.csv")
        path.write_text(text, encoding="utf-8")
        try:
            frame = ak.load_chronology(path)
        except ReferenceDataError as err:
            assert f"line {index + 1}" in str(err), (lines[index], str(err))
            return
    rows = [row for row in csv.reader(io.StringIO(text)) if any(c.strip() for c in row)]
    written = [row[0].strip() for row in rows[1:]]
    assert sorted(frame["date"].dt.strftime("%Y-%m-%d")) == sorted(written)
    per_year = Counter(frame.loc[frame["counted"], "date"].dt.strftime("%Y"))
    assert per_year == _counts_as_written(text)
