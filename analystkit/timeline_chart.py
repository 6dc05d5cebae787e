"""A briefing chart of rhetoric over time: one small panel per tag on a shared time axis,
launch days from the chronology as ticks, milestones labelled, and a source line."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from analystkit.accuracy import accuracy_note, load_accuracy
from analystkit.charts import OKABE_ITO, RC
from analystkit.frames import require_columns, require_dates
from analystkit.vocab import LAUNCH_TYPES, RHETORIC_TAGS

TIMELINE_SOURCE = (
    "Rates: analystkit lexicon matches (negated left out) per 1,000 sentences. "
    "Launch days: analystkit curated chronology (data/reference)."
)
PERIOD_NAMES = {"D": "day", "W": "week", "M": "month"}
LINE_COLOR = OKABE_ITO["blue"]
LAUNCH_COLOR = OKABE_ITO["vermillion"]
MILESTONE_COLOR = OKABE_ITO["grey"]


RHETORIC_FIGURES = ("rhetoric precision (all tags)", "rhetoric recall (all tags)")
_RHETORIC_LABELS = ("the rhetoric tags' precision", "their recall")


def _measured(accuracy: pd.DataFrame | None) -> str | None:
    """The rhetoric tags' measured precision and recall as a sentence, if measured."""
    if accuracy is None:
        try:
            accuracy = load_accuracy()
        except FileNotFoundError:  # `make eval` has not written the figures
            return None
    if not set(RHETORIC_FIGURES) <= set(accuracy["figure"]):
        return None
    return accuracy_note(RHETORIC_FIGURES, accuracy=accuracy, labels=_RHETORIC_LABELS)


def plot_rhetoric_timeline(
    timeline: pd.DataFrame,
    chronology: pd.DataFrame | None = None,
    milestones: pd.DataFrame | None = None,
    tags: Sequence[str] | None = None,
    title: str | None = None,
    source: str = TIMELINE_SOURCE,
    accuracy: pd.DataFrame | None = None,
) -> Figure:
    """Small multiples of a timeline by tag (``rhetoric_timeline(..., by="tag")``).

    Parameters
    ----------
    timeline : pandas.DataFrame
        Columns period, tag, rate (periods without sentences are gaps in the line).
    chronology : pandas.DataFrame or None, default None
        Launch days (``load_chronology()``), drawn as ticks under every panel: counted
        launch rows within the timeline's span (``date``, ``event_type``, ``counted``).
        None: no ticks.
    milestones : pandas.DataFrame or None, default None
        Dated milestones (``load_milestones()``) within the span: a dotted line across
        the panels and the milestone's label on top (administrations left out;
        ``date``, ``kind``, ``label``). None: no lines.
    tags : sequence of str or None, default None
        The panels, in order (default: the rhetoric tags in the timeline).
    title : str or None, default None
        The title; None says the period.
    source : str, default timeline_chart.TIMELINE_SOURCE
        The source line under the chart; a corpus named in ``timeline.attrs["corpus"]``
        is added to it.
    accuracy : pandas.DataFrame or None, default None
        Measured figures (``load_accuracy()``): the rhetoric tags' precision and recall
        on the development gold are quoted in the source line. None reads
        eval/figures.csv, and quotes none when ``make eval`` has not written it; an
        empty frame quotes none.

    Returns
    -------
    matplotlib.figure.Figure
        A pyplot-free figure, 10 inches wide.

    Raises
    ------
    ValueError
        A frame lacks a column it needs, or there is no tag to plot.
    TypeError
        A frame is not a DataFrame, or the timeline's ``period`` does not hold datetimes.

    Examples
    --------
    >>> import analystkit as ak
    >>> timeline = ak.load_kcna_rhetoric(freq="W")
    >>> fig = ak.plot_rhetoric_timeline(timeline, ak.load_chronology(), ak.load_milestones())
    >>> type(fig).__name__, len(fig.axes) >= 1
    ('Figure', True)
    """
    require_columns(timeline, ("period", "tag", "rate"), "timeline")
    require_dates(timeline, "period", "timeline")
    present = list(dict.fromkeys(timeline["tag"]))
    tags = (
        list(tags)
        if tags is not None
        else (
            [t for t in RHETORIC_TAGS if t in present]
            + [t for t in present if t not in RHETORIC_TAGS]
        )
    )
    if not tags:
        raise ValueError("the timeline has no tag to plot")
    start = timeline["period"].min()
    end = _next_period(timeline["period"].max(), timeline.attrs.get("freq", "D"))
    step = PERIOD_NAMES.get(timeline.attrs.get("freq", ""), "period")
    with mpl.rc_context(RC):
        fig = Figure(figsize=(10, 0.95 * len(tags) + 1.6), layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(len(tags), 1, sharex=True, squeeze=False)[:, 0]
        top = max(float(np.nanmax(timeline["rate"].to_numpy(float), initial=0)), 1.0)
        for ax, name in zip(axes, tags):
            rows = _closed_steps(timeline[timeline["tag"] == name].sort_values("period"), end)
            ax.plot(
                rows["period"],
                rows["rate"],
                color=LINE_COLOR,
                lw=1.3,
                drawstyle="steps-post",
                gid=f"rate-{name}",
            )
            ax.set_ylim(0, top * 1.1)
            ax.set_ylabel(name.replace("_", " "), rotation=0, ha="right", va="center")
            ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(2))
            _draw_launches(ax, chronology, start, end)
            _draw_milestones(ax, milestones, start, end, label=ax is axes[0])
        axes[0].set_title(
            title or f"Rhetoric per 1,000 sentences, by {step}",
            loc="left",
            parse_math=False,
            pad=32,
        )
        axes[-1].xaxis.set_major_locator(mdates.MonthLocator())
        axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        axes[-1].set_xlim(start, end)
        corpus = timeline.attrs.get("corpus")
        note = " ".join(
            filter(
                None,
                [
                    source,
                    f"Articles: {corpus}." if corpus else None,
                    _measured(accuracy),
                    "Red ticks: launch days." if chronology is not None else None,
                ],
            )
        )
        fig.text(
            0.01,
            0.0,
            note,
            fontsize=7,
            color="#505050",
            ha="left",
            va="bottom",
            wrap=True,
            gid="source-line",
            parse_math=False,
        )
        engine = fig.get_layout_engine()
        assert isinstance(engine, ConstrainedLayoutEngine)  # made with layout="constrained"
        engine.set(h_pad=0.04, rect=(0, 0.04, 1, 0.96))
    return fig


def _next_period(last: pd.Timestamp, freq: str) -> pd.Timestamp:
    """The first day after the timeline's last period."""
    return last + {
        "D": pd.DateOffset(days=1),
        "W": pd.DateOffset(weeks=1),
        "M": pd.DateOffset(months=1),
    }.get(freq, pd.DateOffset(days=1))


def _closed_steps(rows: pd.DataFrame, end: pd.Timestamp) -> pd.DataFrame:
    """The rows plus a closing point at `end`, so the last period's step has its width."""
    if rows.empty:
        return rows
    return pd.concat([rows, rows.iloc[[-1]].assign(period=end)], ignore_index=True)


def _draw_launches(
    ax, chronology: pd.DataFrame | None, start: pd.Timestamp, end: pd.Timestamp
) -> None:
    """Counted launch days in the span as short ticks at the foot of the panel."""
    if chronology is None:
        return
    require_columns(chronology, ("date", "event_type", "counted"), "chronology")
    rows = chronology[
        chronology["event_type"].isin(LAUNCH_TYPES)
        & chronology["counted"]
        & (chronology["date"] >= start)
        & (chronology["date"] < end)
    ]
    for day in rows["date"]:
        ax.axvline(day, ymin=0, ymax=0.18, color=LAUNCH_COLOR, lw=1.6, gid="launch-tick")


def _draw_milestones(
    ax, milestones: pd.DataFrame | None, start: pd.Timestamp, end: pd.Timestamp, label: bool
) -> None:
    """Milestones in the span (not administrations) as dotted lines, labelled on top."""
    if milestones is None:
        return
    require_columns(milestones, ("date", "kind", "label"), "milestones")
    rows = milestones[
        (milestones["kind"] != "term") & (milestones["date"] >= start) & (milestones["date"] < end)
    ]
    right_edge = start + 0.85 * (end - start)
    for i, (day, text) in enumerate(zip(rows["date"], rows["label"])):
        ax.axvline(day, color=MILESTONE_COLOR, lw=0.8, ls=":", gid="milestone-line")
        if label:
            near_end = day > right_edge
            ax.annotate(
                text,
                (day, 1),
                xycoords=("data", "axes fraction"),
                xytext=(-2 if near_end else 2, 2 + 9 * (i % 3)),
                textcoords="offset points",
                fontsize=7,
                ha="right" if near_end else "left",
                color="#404040",
                annotation_clip=False,
                parse_math=False,
                gid="milestone-label",
            )
