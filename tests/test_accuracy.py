"""The measured figures travel with the kit: eval/figures.csv says what eval/REPORT.md's
headline says, reads back whole, and a chart quotes it in its source line."""

from __future__ import annotations

import pandas as pd
import pytest

import analystkit as ak
from analystkit.accuracy import ACCURACY_COLUMNS, ACCURACY_PATH, save_accuracy
from analystkit.evaluation.report import percent
from analystkit.paths import ROOT

FIGURES = pd.DataFrame(
    {
        "figure": ["rhetoric precision (all tags)", "rhetoric recall (all tags)", "empty"],
        "corpus": ["all", "all", "all"],
        "hits": [9, 3, 0],
        "n": [10, 4, 0],
    }
)


def test_figures_round_trip_keeps_every_field(tmp_path):
    path = save_accuracy(FIGURES, "2026-01-02", "9.9.9", tmp_path / "figures.csv")
    back = ak.load_accuracy(path)
    assert back[ACCURACY_COLUMNS].equals(FIGURES.assign(measured="2026-01-02", version="9.9.9"))
    assert back["share"].tolist()[:2] == [0.9, 0.75] and pd.isna(back["share"].iloc[2])


def test_a_note_quotes_the_figures_by_name_or_label(tmp_path):
    acc = ak.load_accuracy(save_accuracy(FIGURES, "2026-01-02", "9.9.9", tmp_path / "f.csv"))
    note = ak.accuracy_note(["rhetoric precision (all tags)"], accuracy=acc, labels=["tags"])
    assert note == (
        "Measured on analystkit's development gold (make eval, 2026-01-02): tags 90% (9 of 10)."
    )


def test_an_unmeasured_figure_or_a_missing_file_is_a_clear_error(tmp_path):
    acc = ak.load_accuracy(save_accuracy(FIGURES, "2026-01-02", "9.9.9", tmp_path / "f.csv"))
    with pytest.raises(ValueError, match="no measured figure \\['talks precision'\\]"):
        ak.accuracy_note(["talks precision"], accuracy=acc)
    with pytest.raises(ValueError, match="at least one figure"):
        ak.accuracy_note([], accuracy=acc)
    with pytest.raises(FileNotFoundError, match="make eval"):
        ak.load_accuracy(tmp_path / "none.csv")


def _report_cells() -> dict[tuple[str, str], str]:
    """The headline cells of eval/REPORT.md by (figure, corpus)."""
    lines = (ROOT / "eval" / "REPORT.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("## Headline") + 2
    head = [c.strip() for c in lines[start].strip("|").split("|")]
    cells = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        row = [c.strip() for c in line.strip("|").split("|")]
        cells.update({(row[0], corpus): cell for corpus, cell in zip(head[1:], row[1:])})
    return cells


def test_the_shipped_figures_are_the_reports_headline():
    cells = _report_cells()
    acc = ak.load_accuracy(ACCURACY_PATH)
    assert len(acc) > 50
    for row in acc.itertuples():
        assert cells[(row.figure, row.corpus)] == percent(row.hits, row.n), row.figure


def _source_line(fig) -> str:
    return next(t.get_text() for t in fig.texts if t.get_gid() == "source-line")


def test_the_rhetoric_timeline_quotes_the_measured_tags(tmp_path):
    timeline = ak.load_kcna_rhetoric(freq="W")
    acc = ak.load_accuracy(save_accuracy(FIGURES, "2026-01-02", "9.9.9", tmp_path / "f.csv"))
    quoted = _source_line(ak.plot_rhetoric_timeline(timeline, accuracy=acc))
    assert "the rhetoric tags' precision 90% (9 of 10); their recall 75% (3 of 4)" in quoted
    plain = _source_line(ak.plot_rhetoric_timeline(timeline, accuracy=acc.iloc[:0]))
    assert "Measured" not in plain
