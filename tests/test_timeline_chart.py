"""plot_rhetoric_timeline: one panel per tag on a shared axis, launch ticks and milestones
inside the span only, a source line; saved reproducibly. Frames written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import analystkit as ak


def weekly(tags=("threat", "deterrence"), weeks: int = 8) -> pd.DataFrame:
    period = pd.date_range("2024-09-02", periods=weeks, freq="W-MON")
    tl = pd.DataFrame(
        [
            {"period": p, "tag": t, "matches": i, "sentences": 100, "rate": 10.0 * i}
            for i, p in enumerate(period)
            for t in tags
        ]
    )
    tl.attrs["freq"] = "W"
    return tl


def by_gid(fig, gid: str) -> list:
    return fig.findobj(lambda a: a.get_gid() == gid)


def test_one_panel_per_tag_with_launch_ticks_and_milestones_in_the_span(chronology, milestones):
    fig = ak.plot_rhetoric_timeline(weekly(), chronology, milestones)
    assert [ax.get_ylabel() for ax in fig.axes] == ["threat", "deterrence"]
    # launch days 2024-09-02 .. 2024-10-27: 12 and 18 September
    assert len(by_gid(fig, "launch-tick")) == 2 * len(fig.axes)
    labels = [t.get_text() for t in by_gid(fig, "milestone-label")]
    assert labels == ["Roads blown up", "Troops to Russia"]
    assert "by week" in fig.axes[0].get_title(loc="left")
    assert "Red ticks: launch days" in by_gid(fig, "source-line")[0].get_text()


def test_the_last_period_is_drawn_to_its_end():
    fig = ak.plot_rhetoric_timeline(weekly(weeks=3))
    line = by_gid(fig, "rate-threat")[0]
    assert pd.Timestamp(line.get_xdata()[-1]) == pd.Timestamp("2024-09-23")
    assert not by_gid(fig, "launch-tick") and not by_gid(fig, "milestone-line")


def test_tags_choose_and_order_the_panels():
    fig = ak.plot_rhetoric_timeline(weekly(), tags=["deterrence"])
    assert [ax.get_ylabel() for ax in fig.axes] == ["deterrence"]
    with pytest.raises(ValueError, match="no tag"):
        ak.plot_rhetoric_timeline(weekly().iloc[:0])


def test_the_kcna_chart_is_the_same_bytes_every_time(tmp_path, chronology, milestones):
    tl = ak.load_kcna_rhetoric()
    saved = []
    for name in ("a", "b"):
        fig = ak.plot_rhetoric_timeline(tl[tl["period"] >= "2024-07-01"], chronology, milestones)
        saved.append([p.read_bytes() for p in ak.save_figure(fig, tmp_path / name)])
    assert saved[0] == saved[1]
