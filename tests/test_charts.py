"""Charts: the 2018-2025 chronology, launch counts, rhetoric heatmaps, PNG/SVG export.

Headless (Agg canvas). The chronology tests read the curated reference frames; the
synthetic frames below are written by this project for these tests and are labelled so.
"""

from __future__ import annotations

import itertools

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from facts import EVENTS_PER_YEAR, SEED_EVENT
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import analystkit as ak
from analystkit.charts import RHETORIC_TAGS


@pytest.fixture(scope="module")
def chart(chronology, milestones) -> Figure:
    fig = ak.chronology_chart(chronology, milestones, highlight=SEED_EVENT)
    fig.canvas.draw()
    return fig


def _texts(fig: Figure, gid: str) -> list:
    return [t for t in fig.findobj(lambda a: a.get_gid() == gid)]


def _main_ax(fig: Figure):
    return fig.axes[0]


def test_x_axis_spans_2018_to_2025(chart):
    lo, hi = (mdates.num2date(x).date().isoformat() for x in _main_ax(chart).get_xlim())
    assert (lo, hi) == ("2018-01-01", "2025-12-31")


def test_every_counted_launch_is_drawn_in_its_class_row(chart, chronology):
    counted = chronology[
        chronology["counted"]
        & chronology["event_type"].isin(["missile_launch", "satellite_launch"])
        & chronology["date"].between("2018-01-01", "2025-12-31")
    ]
    drawn = {
        c.get_gid().split(":")[1]: len(c.get_offsets())
        for c in chart.findobj(lambda a: str(a.get_gid()).startswith("launches:"))
    }
    assert sum(drawn.values()) == len(counted) == sum(EVENTS_PER_YEAR.values())
    assert drawn["satellite"] == (counted["event_type"] == "satellite_launch").sum()
    assert drawn["srbm"] == (counted["missile_class"] == "srbm").sum()
    # every drawn x is the date of a counted launch
    xs = np.concatenate(
        [
            c.get_offsets()[:, 0]
            for c in chart.findobj(lambda a: str(a.get_gid()).startswith("launches:"))
        ]
    )
    assert sorted(xs) == sorted(mdates.date2num(counted["date"].to_numpy()))


def test_year_totals_and_monthly_bars_match_the_reference_counts(chart):
    totals = [t.get_text() for t in _texts(chart, "year-total")]
    assert totals == [f"{y}: {n}" for y, n in EVENTS_PER_YEAR.items()]
    heights = [p.get_height() for p in chart.findobj(lambda a: a.get_gid() == "monthly-bars")]
    assert len(heights) == 8 * 12 and sum(heights) == sum(EVENTS_PER_YEAR.values())


def test_every_milestone_in_range_is_labelled(chart, milestones):
    in_range = milestones[
        milestones["kind"].isin(["summit", "meeting", "talks"])
        & milestones["date"].between("2018-01-01", "2025-12-31")
    ]
    labels = sorted(t.get_text() for t in _texts(chart, "milestone-label"))
    assert labels == sorted(in_range["label"])
    assert {"Singapore", "Hanoi", "Stockholm", "Vladivostok", "Vostochny"} <= set(labels)


def test_milestone_and_highlight_labels_do_not_overlap(chart):
    renderer = chart.canvas.get_renderer()
    boxes = [
        t.get_window_extent(renderer)
        for t in _texts(chart, "milestone-label") + _texts(chart, "highlight-label")
    ]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)


def test_names_legend_and_source_do_not_collide(chart):
    renderer = chart.canvas.get_renderer()
    labels = [
        t.get_window_extent(renderer)
        for t in _texts(chart, "milestone-label") + _texts(chart, "highlight-label")
    ]
    for name in _texts(chart, "administration-label"):
        assert not any(name.get_window_extent(renderer).overlaps(b) for b in labels)
    legend = _main_ax(chart).get_legend().get_window_extent(renderer)
    (source,) = _texts(chart, "source-line")
    assert source.get_window_extent(renderer).y1 < legend.y0


def test_years_outside_the_chronology_are_not_shown_as_zero(chronology, milestones):
    small = Figure(figsize=(10, 5))  # crowded: milestone labels reach the names' row
    FigureCanvasAgg(small)
    small.subplots_adjust(left=0.15, right=0.92, bottom=0.22, top=0.9)
    fig = ak.chronology_chart(chronology, milestones, start="2017-01-01", ax=small.add_subplot())
    totals = [t.get_text() for t in _texts(fig, "year-total")]
    assert totals[:2] == ["2017: n/a", "2018: 0"]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in _texts(fig, "milestone-label")]
    for name in _texts(fig, "administration-label"):
        assert not any(name.get_window_extent(renderer).overlaps(b) for b in boxes)


def test_nothing_is_clipped_at_briefing_size(chart):
    assert tuple(chart.get_size_inches()) == (14, 6)
    renderer = chart.canvas.get_renderer()
    frame = chart.bbox
    texts = [
        t
        for t in chart.findobj(lambda a: hasattr(a, "get_text") and a.get_visible())
        if t.get_text() and t.get_figure() is chart
    ]
    for t in texts:
        box = t.get_window_extent(renderer)
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 + 0.5, t.get_text()
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1 + 0.5, t.get_text()


def test_us_administrations_are_shaded_and_named(chart):
    spans = {
        p.get_gid().split(":")[1]: p
        for p in chart.findobj(lambda a: str(a.get_gid()).startswith("administration:"))
    }
    assert list(spans) == ["Trump I", "Biden", "Trump II"]
    names = [t.get_text() for t in _texts(chart, "administration-label")]
    assert names == ["Trump I", "Biden", "Trump II"]
    x, width = spans["Biden"].get_x(), spans["Biden"].get_width()
    assert mdates.num2date(x).date().isoformat() == "2021-01-20"
    assert mdates.num2date(x + width).date().isoformat() == "2025-01-20"


def test_highlight_rings_the_seed_event_and_labels_it(chart):
    rings = chart.findobj(lambda a: a.get_gid() == "highlight-ring")
    assert len(rings) == 1
    assert mdates.num2date(rings[0].get_offsets()[0, 0]).date().isoformat() == "2025-02-26"
    assert [t.get_text() for t in _texts(chart, "highlight-label")] == ["this article: 2025-02-26"]


def test_highlight_takes_the_seed_articles_extracted_events(chronology, milestones, seed_articles):
    events = ak.extract_events(seed_articles)  # also a summit and an exercise: not ringed
    fig = ak.chronology_chart(chronology, milestones, highlight=events)
    (ring,) = fig.findobj(lambda a: a.get_gid() == "highlight-ring")
    (cruise,) = fig.findobj(lambda a: a.get_gid() == "launches:cruise")
    x, y = ring.get_offsets()[0]
    assert mdates.num2date(x).date().isoformat() == "2025-02-26"
    assert y == cruise.get_offsets()[0, 1]  # on the cruise row, where the launch is drawn
    assert x in cruise.get_offsets()[:, 0]
    assert [t.get_text() for t in _texts(fig, "highlight-label")] == ["this article: 2025-02-26"]


def test_source_line_names_the_chronology_sources(chart):
    (source,) = _texts(chart, "source-line")
    assert "CNS/NTI" in source.get_text() and "cited per row" in source.get_text()


def test_legend_names_every_drawn_class_with_its_count(chart):
    legend = _main_ax(chart).get_legend()
    entries = [t.get_text() for t in legend.get_texts()]
    assert "SRBM (63)" in entries and "Satellite launch (4)" in entries
    assert {"Summit", "Meeting", "Talks"} <= set(entries)


def test_ax_composes_into_a_larger_figure(chronology, milestones):
    fig = Figure(figsize=(14, 10))
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1)
    out = ak.chronology_chart(chronology, milestones, start="2022-01-01", end="2022-12-31", ax=top)
    assert out is fig
    assert mdates.num2date(top.get_xlim()[0]).year == 2022
    assert len(bottom.collections) == 0  # the other panel is untouched
    assert [t.get_text() for t in _texts(fig, "year-total")] == ["2022: 37"]


def test_chart_rejects_frames_without_required_columns(milestones):
    with pytest.raises(ValueError, match="counted"):
        ak.chronology_chart(
            pd.DataFrame({"date": [], "event_type": [], "missile_class": []}), milestones
        )
    with pytest.raises(ValueError, match="after start"):
        ak.chronology_chart(ak.load_chronology(), milestones, start="2025-01-01", end="2018-01-01")


def test_crowded_milestones_are_staggered_without_overlap(chronology):
    # Synthetic (written by this project for this test): twelve milestones in 23 days.
    crowded = pd.DataFrame(
        {
            "date": pd.date_range("2022-06-01", periods=12, freq="2D"),
            "end_date": pd.NaT,
            "kind": ["summit", "meeting", "talks"] * 4,
            "title": [f"Synthetic milestone {i}" for i in range(12)],
            "label": [f"Synthetic {i:02d}" for i in range(12)],
            "source": "project test",
            "note": "synthetic",
        }
    )
    fig = ak.chronology_chart(chronology, crowded, start="2022-01-01", end="2022-12-31")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = _texts(fig, "milestone-label")
    assert len(texts) == 12
    boxes = [t.get_window_extent(renderer) for t in texts]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    assert min(t.get_fontsize() for t in texts) >= 6.5


def test_save_figure_writes_png_and_reproducible_svg(chronology, milestones, tmp_path):
    fig = ak.chronology_chart(chronology, milestones, highlight=SEED_EVENT)
    png, svg = ak.save_figure(fig, tmp_path / "chronology.png")
    assert (png.name, svg.name) == ("chronology.png", "chronology.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.read_text().lstrip().startswith("<?xml")
    first = svg.read_bytes()
    again = ak.chronology_chart(chronology, milestones, highlight=SEED_EVENT)
    png2, svg2 = ak.save_figure(again, tmp_path / "second" / "chronology")
    assert svg2.read_bytes() == first
    assert png2.read_bytes() == png.read_bytes()


# --- counts ---------------------------------------------------------------------------


def _bar_totals(fig: Figure) -> np.ndarray:
    containers = fig.axes[0].containers
    return np.sum([[p.get_height() for p in c] for c in containers], axis=0)


def test_counts_per_year_stack_by_class_and_mark_2022(chronology):
    fig = ak.plot_counts(
        chronology, freq="YS", by="missile_class", start="2018-01-01", end="2025-01-01"
    )
    assert list(_bar_totals(fig)) == list(EVENTS_PER_YEAR.values())
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == [str(y) for y in EVENTS_PER_YEAR]
    assert [t.get_text() for t in _texts(fig, "peak-label")] == ["2022: 37 (most)"]
    classes = {c.get_label() for c in fig.axes[0].containers}
    assert {"SRBM", "ICBM", "Cruise", "Satellite launch"} <= classes


def test_counts_accept_the_count_events_table(chronology):
    table = ak.count_events(chronology, by="missile_class", start="2018-01-01")
    fig = ak.plot_counts(table)
    assert list(_bar_totals(fig)) == list(EVENTS_PER_YEAR.values())
    labels = [c.get_label() for c in fig.axes[0].containers]
    assert labels[:2] == ["ICBM", "IRBM"]  # longest range at the bottom of each stack


def test_counts_per_month_cover_every_month(chronology):
    fig = ak.plot_counts(chronology, freq="MS", start="2018-01-01", end="2025-12-01")
    totals = _bar_totals(fig)
    assert len(totals) == 96 and totals.sum() == sum(EVENTS_PER_YEAR.values())
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()][:2] == ["2018", "2019"]


def test_counts_on_a_large_synthetic_frame():
    # Synthetic (written by this project for this test): 6,000 made-up launch rows.
    rng = np.random.default_rng(7)
    dates = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 2922, 6000), "D")
    classes = rng.choice(["srbm", "icbm", "cruise", "unknown"], 6000)
    events = pd.DataFrame({"date": dates, "event_type": "missile_launch", "missile_class": classes})
    fig = ak.plot_counts(events, freq="YS")
    expected = events.groupby(events["date"].dt.year).size()
    assert list(_bar_totals(fig)) == list(expected)
    assert len(_texts(fig, "peak-label")) == (expected == expected.max()).sum()


@pytest.mark.parametrize("freq", ["Y", "QE", "ME", "AS", "M", "W", "D", "ys"])
def test_counts_accept_only_the_documented_periods(chronology, freq):
    with pytest.raises(ValueError, match="freq must be one of 'YS', 'QS', 'MS'"):
        ak.plot_counts(chronology, freq=freq)


def test_counts_of_nothing_say_so():
    empty = pd.DataFrame(
        {"date": pd.Series(dtype="datetime64[ns]"), "event_type": [], "missile_class": []}
    )
    fig = ak.plot_counts(empty)
    assert "no launch events" in " ".join(t.get_text() for t in fig.axes[0].texts)


# --- rhetoric -------------------------------------------------------------------------


def _synthetic_matches(n_articles: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Synthetic (written by this project for tests): rhetoric matches on made-up articles."""
    rng = np.random.default_rng(11)
    ids = [f"synthetic-{i:05d}" for i in range(n_articles)]
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "date": pd.Timestamp("2019-01-01")
            + pd.to_timedelta(rng.integers(0, 2500, n_articles), "D"),
        }
    )
    n = n_articles * 4
    matches = pd.DataFrame(
        {
            "article_id": rng.choice(ids, n),
            "sentence_id": 0,
            "start": 0,
            "end": 1,
            "matched": "x",
            "category": rng.choice(["rhetoric", "weapon"], n, p=[0.8, 0.2]),
            "tag": rng.choice(list(RHETORIC_TAGS), n),
            "pattern": "x",
            "speaker_group": rng.choice(["dprk_state", "us_gov", "rok_gov", "expert", "media"], n),
            "negated": rng.random(n) < 0.1,
        }
    )
    return articles, matches


def _heat_values(fig: Figure) -> np.ndarray:
    return np.asarray(fig.axes[0].images[0].get_array())


def test_rhetoric_heatmap_counts_who_says_what_on_thousands():
    _, matches = _synthetic_matches(3000)
    fig = ak.plot_rhetoric(matches, by="speaker_group")
    kept = matches[(matches["category"] == "rhetoric") & ~matches["negated"]]
    expected = pd.crosstab(kept["speaker_group"], kept["tag"])
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    cols = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert rows == ["dprk_state", "us_gov", "rok_gov", "expert", "media"]
    assert cols == list(RHETORIC_TAGS)
    assert (_heat_values(fig) == expected.loc[rows, cols].to_numpy()).all()
    assert len(_texts(fig, "cell-count")) == 5 * 7


def test_rhetoric_over_months_uses_article_dates():
    articles, matches = _synthetic_matches(2000)
    fig = ak.plot_rhetoric(matches, over="month", articles=articles)
    values = _heat_values(fig)
    kept = matches[(matches["category"] == "rhetoric") & ~matches["negated"]]
    assert values.sum() == len(kept)
    assert values.shape[0] == 5 and values.shape[1] >= 80
    with pytest.raises(ValueError, match="articles"):
        ak.plot_rhetoric(matches, over="month")


def test_rhetoric_of_the_seed_article(seed_articles):
    matches = ak.tag(seed_articles)
    fig = ak.plot_rhetoric(matches)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    values = _heat_values(fig)
    rhetoric = matches[(matches["category"] == "rhetoric") & ~matches["negated"]]
    assert values.sum() == len(rhetoric) > 0
    assert rows[0] == "dprk_state"  # KCNA and the Defence Ministry do most of the talking
    assert values[0].sum() == values.sum(axis=1).max()
    threat = list(RHETORIC_TAGS).index("threat")
    assert values[0, threat] >= 1  # "prepared to use its nuclear weapons"
    by_month = ak.plot_rhetoric(matches, over="month", articles=seed_articles)
    assert [t.get_text() for t in by_month.axes[0].get_xticklabels()] == ["2025-02"]


def test_rhetoric_of_one_article_is_readable():
    # Synthetic (written by this project for this test): one article, three matches.
    one = pd.DataFrame(
        {
            "article_id": "synthetic-1",
            "sentence_id": [0, 1, 2],
            "start": 0,
            "end": 1,
            "matched": "x",
            "category": "rhetoric",
            "tag": ["threat", "threat", "deterrence"],
            "pattern": "x",
            "speaker_group": ["dprk_state", "dprk_state", "us_gov"],
            "negated": [False, False, True],
        }
    )
    fig = ak.plot_rhetoric(one)
    assert _heat_values(fig).sum() == 2  # the negated deterrence match is left out
    assert ak.plot_rhetoric(one, include_negated=True).axes[0].images[0].get_array().sum() == 3
    empty = ak.plot_rhetoric(one[one["tag"] == "none"])
    assert _texts(empty, "empty-state")


def test_counts_follow_the_count_events_rules():
    # Written by this project for this test: two launches, one without a stated class,
    # with a missile-count column `n` that must not be read as a weight.
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-03-01", "2024-04-02"]),
            "event_type": "missile_launch",
            "missile_class": ["srbm", pd.NA],
            "n": [3, 5],
        }
    )
    fig = ak.plot_counts(events)
    assert list(_bar_totals(fig)) == [2]
    assert [c.get_label() for c in fig.axes[0].containers] == ["SRBM", "unstated"]
    with pytest.raises(ValueError, match="no counted flag"):
        ak.plot_counts(events.assign(counted=[True, None]))
    # start/end choose whole periods: the 2024 bar counts both launches
    fig = ak.plot_counts(events, start="2024-04-01", end="2024-04-01")
    assert list(_bar_totals(fig)) == [2]
    quarters = ak.plot_counts(events, freq="QS", by=None)
    assert list(_bar_totals(quarters)) == [1, 1]


def test_dollar_signs_in_labels_are_text_not_mathtext(chronology, milestones):
    edited = milestones.copy()
    summits = edited.index[edited["kind"] == "summit"]
    edited.loc[summits[0], "label"] = "$100% & $200"
    edited.loc[summits[2], "label"] = "$1bn vs $2bn"
    fig = ak.chronology_chart(chronology, edited, title="Costs in $ and $$")
    fig.canvas.draw()
    drawn = {t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))}
    assert {"$100% & $200", "$1bn vs $2bn", "Costs in $ and $$"} <= drawn
