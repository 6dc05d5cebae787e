"""ChronologyPanel, driven without a browser, against the curated reference data.

Counts are the curated chronology's counted launch events (one per KST launch day) and
the milestone table in data/reference; the expected values are recomputed from those
frames with plain pandas, or are the published yearly totals (2022 the record).
"""

from __future__ import annotations

import ipywidgets as w
import matplotlib.dates as mdates
import pandas as pd
import pytest
from facts import EVENTS_PER_YEAR, SEED_EVENT
from matplotlib.figure import Figure

import analystkit as ak

START, END = pd.Timestamp("2018-01-01"), pd.Timestamp("2025-12-31")
LAUNCHES = ("missile_launch", "satellite_launch")


@pytest.fixture(scope="module")
def shared_panel(chronology, milestones) -> ak.ChronologyPanel:
    return ak.ChronologyPanel(chronology, milestones, highlight=SEED_EVENT)


@pytest.fixture()
def panel(shared_panel) -> ak.ChronologyPanel:
    """The module's panel, back in its first view (building one draws the chart)."""
    shared_panel.reset()
    shared_panel.export_path.value = "briefing/chronology"
    shared_panel.export_status.value = ""
    return shared_panel


def _counted(chronology: pd.DataFrame, lo=START, hi=END) -> pd.DataFrame:
    return chronology[
        chronology["counted"]
        & chronology["event_type"].isin(LAUNCHES)
        & chronology["date"].between(lo, hi)
    ]


def _kinds(milestones: pd.DataFrame, kinds, lo=START, hi=END) -> pd.DataFrame:
    return milestones[milestones["kind"].isin(kinds) & milestones["date"].between(lo, hi)]


def _summary(panel: ak.ChronologyPanel) -> str:
    return panel.results.value.split("<b>", 1)[1].split("</b>", 1)[0]


def _markers(fig: Figure, prefix: str = "launches:") -> int:
    """Number of launch markers drawn (scatter points in the class rows)."""
    return sum(
        len(c.get_offsets())
        for c in fig.findobj(lambda a: str(a.get_gid() or "").startswith(prefix))
    )


def _gids(fig: Figure, gid: str) -> list:
    return fig.findobj(lambda a: a.get_gid() == gid)


def test_default_view_is_every_counted_launch_day_and_the_diplomacy(panel, chronology, milestones):
    counted = _counted(chronology)
    diplomacy = _kinds(milestones, ("summit", "meeting", "talks"))
    assert len(counted) == sum(EVENTS_PER_YEAR.values())
    shown = panel.filtered()
    assert list(shown.chronology["date"]) == list(counted["date"])
    assert list(shown.chronology.columns) == list(chronology.columns)
    assert sorted(shown.milestones["label"]) == sorted(diplomacy["label"])
    expected = f"{len(counted)} launch days · {len(diplomacy)} milestones · 2018-01 – 2025-12"
    assert _summary(panel) == expected
    assert "ak-empty" not in panel.results.value


def test_controls_offer_the_lanes_kinds_and_months(panel, chronology):
    lanes = [v for _, v in panel.missile_classes.options]
    present = {
        "satellite" if t == "satellite_launch" else c
        for t, c in zip(_counted(chronology)["event_type"], _counted(chronology)["missile_class"])
    }
    assert set(lanes) == present and lanes[0] == "icbm" and lanes[-1] == "satellite"
    assert panel.missile_classes.value == tuple(lanes)
    kinds = [v for _, v in panel.milestone_kinds.options]
    assert kinds == ["summit", "meeting", "talks", "sanctions", "policy", "military", "other"]
    assert panel.milestone_kinds.value == ("summit", "meeting", "talks")
    months = panel.date_range.options
    assert len(months) == 96 and months[0] == ("2018-01", pd.Timestamp("2018-01-01"))
    assert months[-1] == ("2025-12", pd.Timestamp("2025-12-01"))


def test_only_cruise_keeps_the_counted_cruise_days(panel, chronology):
    panel.missile_classes.value = ("cruise",)
    shown = panel.filtered().chronology
    cruise = _counted(chronology)
    cruise = cruise[cruise["missile_class"] == "cruise"]
    assert list(shown["date"]) == list(cruise["date"]) and len(shown) == 22
    assert set(shown["missile_class"]) == {"cruise"}
    assert pd.Timestamp("2025-02-26") in set(shown["date"])  # the seed's launch
    assert _summary(panel).startswith("22 launch days · ")


def test_satellite_lane_is_the_satellite_launches(panel, chronology):
    panel.missile_classes.value = ("satellite",)
    shown = panel.filtered().chronology
    counted = _counted(chronology)
    assert set(shown["event_type"]) == {"satellite_launch"}
    assert len(shown) == (counted["event_type"] == "satellite_launch").sum() > 0


@pytest.mark.parametrize("year", sorted(EVENTS_PER_YEAR))
def test_one_year_of_months_gives_that_years_launch_days(panel, year):
    panel.date_range.value = (pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 1))
    shown = panel.filtered()
    assert len(shown.chronology) == EVENTS_PER_YEAR[year]
    assert (shown.chronology["date"].dt.year == year).all()
    assert (shown.milestones["date"].dt.year == year).all()
    assert _summary(panel).endswith(f" · {year}-01 – {year}-12")


def test_2025_only_and_the_chart_follows(panel, milestones):
    panel.date_range.value = (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-01"))
    shown = panel.filtered()
    assert len(shown.chronology) == 11
    lo, hi = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-31")
    assert sorted(shown.milestones["label"]) == sorted(
        _kinds(milestones, ("summit", "meeting", "talks"), lo, hi)["label"]
    )
    fig = panel.figure()
    xlim = [mdates.num2date(x).date().isoformat() for x in fig.axes[0].get_xlim()]
    assert xlim == ["2025-01-01", "2025-12-31"]
    assert _markers(fig) == 11
    assert len(_gids(fig, "milestone-label")) == len(shown.milestones)
    assert len(_gids(fig, "highlight-ring")) == 1  # the seed's cruise launch, in range


def test_months_can_be_set_with_timestamps_as_in_the_notebook(panel):
    panel.date_range.value = (pd.Timestamp("2024-01-01"), pd.Timestamp("2025-12-01"))
    assert len(panel.filtered().chronology) == EVENTS_PER_YEAR[2024] + EVENTS_PER_YEAR[2025]


def test_only_summits_are_the_summit_rows(panel, milestones):
    panel.milestone_kinds.value = ("summit",)
    shown = panel.filtered().milestones
    summits = _kinds(milestones, ("summit",))
    assert list(shown["label"]) == list(summits["label"])
    assert {"Singapore", "Hanoi", "Vladivostok"} <= set(shown["label"])
    assert set(shown["kind"]) == {"summit"}
    assert len(panel.filtered().chronology) == sum(EVENTS_PER_YEAR.values())  # untouched


def test_other_kinds_and_never_the_terms(panel, milestones):
    panel.milestone_kinds.value = ("sanctions", "military")
    shown = panel.filtered().milestones
    assert set(shown["kind"]) == {"sanctions", "military"}
    assert len(shown) == len(_kinds(milestones, ("sanctions", "military")))
    assert "term" not in [v for _, v in panel.milestone_kinds.options]


def test_empty_selection_is_an_empty_chart_and_a_message(panel):
    panel.missile_classes.value = ()
    panel.milestone_kinds.value = ()
    shown = panel.filtered()
    assert shown.chronology.empty and shown.milestones.empty
    assert _summary(panel) == "0 launch days · 0 milestones · 2018-01 – 2025-12"
    assert 'class="ak-empty"' in panel.results.value
    fig = panel.figure()
    assert _markers(fig) == 0 and not _gids(fig, "milestone-label")
    assert not _gids(fig, "highlight-ring")
    assert panel.chart.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_highlight_follows_the_class_filter(panel):
    assert len(_gids(panel.figure(), "highlight-ring")) == 1
    panel.missile_classes.value = ("srbm",)
    fig = panel.figure()
    assert not _gids(fig, "highlight-ring") and not _gids(fig, "highlight-label")
    panel.date_range.value = (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-01"))
    panel.missile_classes.value = ("cruise",)
    assert not _gids(panel.figure(), "highlight-ring")  # 2025-02-26 is out of range


def test_reset_restores_the_first_view(panel):
    before, image = panel.results.value, panel.chart.value
    panel.missile_classes.value = ()
    panel.milestone_kinds.value = ("other",)
    panel.date_range.value = (pd.Timestamp("2020-01-01"), pd.Timestamp("2020-03-01"))
    assert panel.results.value != before
    panel.reset_button.click()
    assert panel.results.value == before and panel.chart.value == image
    assert len(panel.filtered().chronology) == sum(EVENTS_PER_YEAR.values())


def _first_select_multiple(widget: w.Widget) -> w.SelectMultiple | None:
    """The first SelectMultiple in DOM order (depth first through the boxes)."""
    if isinstance(widget, w.SelectMultiple):
        return widget
    for child in getattr(widget, "children", ()):
        found = _first_select_multiple(child)
        if found is not None:
            return found
    return None


def test_first_multi_select_is_the_classes_and_its_first_option_changes_the_summary(panel):
    first = _first_select_multiple(panel.widget)
    assert first is panel.missile_classes
    assert "ak-results" in panel.results._dom_classes and panel.results in panel.widget.children
    before = panel.results.value
    first.value = (first.options[0][1],)  # what the browser test does: ICBM alone
    assert panel.results.value != before
    assert _summary(panel).startswith(f"{len(panel.filtered().chronology)} launch days")
    assert set(panel.filtered().chronology["missile_class"]) == {"icbm"}


def test_image_follows_the_controls_and_is_deterministic(panel, chronology, milestones):
    image = panel.chart.value
    assert image[:8] == b"\x89PNG\r\n\x1a\n" and panel.chart in panel.widget.children
    panel.milestone_kinds.value = ("summit",)
    assert panel.chart.value != image
    panel.milestone_kinds.value = ("summit", "meeting", "talks")
    assert panel.chart.value == image
    fresh = ak.ChronologyPanel(chronology, milestones, highlight=SEED_EVENT)
    assert fresh.chart.value == image


def test_export_writes_png_and_svg(panel, tmp_path):
    panel.export_path.value = str(tmp_path / "briefing" / "chronology")
    panel.date_range.value = (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-01"))
    panel.save_button.click()
    png, svg = tmp_path / "briefing" / "chronology.png", tmp_path / "briefing" / "chronology.svg"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    again, _ = ak.save_figure(panel.figure(), tmp_path / "again")  # the 2025 view
    assert png.read_bytes() == again.read_bytes()
    full = panel.date_range.options
    panel.date_range.value = (full[0][1], full[-1][1])
    whole, _ = ak.save_figure(panel.figure(), tmp_path / "whole")
    assert png.read_bytes() != whole.read_bytes()
    assert str(png) in panel.export_status.value and str(svg) in panel.export_status.value
    assert panel.export_path.value.endswith("chronology")


def test_export_default_path_and_save_method(panel, tmp_path, monkeypatch):
    assert panel.export_path.value == "briefing/chronology"
    monkeypatch.chdir(tmp_path)
    png, svg = panel.save()
    assert (tmp_path / png).is_file() and (tmp_path / svg).is_file()
    assert str(png) == "briefing/chronology.png"


def test_export_to_an_unwritable_place_is_reported_not_raised(panel, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    panel.export_path.value = str(blocker / "chronology")
    panel.save_button.click()  # must not raise
    assert "ak-error" in panel.export_status.value and "Not saved" in panel.export_status.value
    assert str(blocker) in panel.export_status.value
    panel.export_path.value = "   "
    panel.save_button.click()
    assert "no file path" in panel.export_status.value
    with pytest.raises(OSError):
        panel.save(blocker / "chronology")


def test_short_stable_text_form(panel):
    assert repr(panel) == "ChronologyPanel(118 launch days, 20 milestones, 2018-01 – 2025-12)"
    bundle = panel._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == repr(panel)
    panel.missile_classes.value = ("cruise",)
    panel.date_range.value = (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-06-01"))
    assert repr(panel).startswith("ChronologyPanel(") and "2025-01 – 2025-06" in repr(panel)


def test_other_start_and_end(chronology, milestones):
    panel = ak.ChronologyPanel(chronology, milestones, start="2022-01-01", end="2022-12-31")
    assert [label for label, _ in panel.date_range.options][::11] == ["2022-01", "2022-12"]
    assert len(panel.filtered().chronology) == EVENTS_PER_YEAR[2022]
    assert repr(panel) == (
        f"ChronologyPanel({EVENTS_PER_YEAR[2022]} launch days, "
        f"{len(panel.filtered().milestones)} milestones, 2022-01 – 2022-12)"
    )


def test_bad_arguments_are_clear_errors(chronology, milestones):
    with pytest.raises(ValueError, match="must be after start"):
        ak.ChronologyPanel(chronology, milestones, start="2025-01-01", end="2024-01-01")
    with pytest.raises(ValueError, match="label"):
        ak.ChronologyPanel(chronology, milestones.drop(columns="label"))
    with pytest.raises(ValueError, match="counted"):
        ak.ChronologyPanel(chronology.drop(columns="counted"), milestones)
