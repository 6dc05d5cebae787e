"""Charts for briefings: the 2018-2025 chronology, launch counts, rhetoric by speaker.

Every function builds a matplotlib Figure without pyplot (no global figure state, nothing
shown), or draws into a given ``ax``, and returns the Figure. Styling is fixed inside an
rc context, so the same frames give the same picture; ``save_figure`` writes PNG and SVG
byte-for-byte reproducibly. Colours are the Okabe-Ito colour-blind-safe palette, and every
missile class also has its own marker, so nothing depends on colour alone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from analystkit.counts import count_events
from analystkit.events import SATELLITE
from analystkit.frames import require_columns
from analystkit.vocab import LAUNCH_TYPES, RHETORIC_TAGS, SPEAKER_GROUPS

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.typing import RcKeyType

HAlign = Literal["left", "right"]

__all__ = ["chronology_chart", "plot_counts", "plot_rhetoric", "save_figure"]

# Okabe & Ito (2008) palette, plus its neutral grey.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
# One lane row per class, top to bottom: longest range first, satellites and unknowns last.
LANE_ORDER = (
    "icbm",
    "irbm",
    "mrbm",
    "hypersonic",
    "slbm",
    "srbm",
    "ballistic",
    "cruise",
    SATELLITE,
    "unknown",
)
CLASS_LABELS = {
    "icbm": "ICBM",
    "irbm": "IRBM",
    "mrbm": "MRBM",
    "hypersonic": "Hypersonic",
    "slbm": "SLBM",
    "srbm": "SRBM",
    "ballistic": "Ballistic (type n/s)",
    "cruise": "Cruise",
    SATELLITE: "Satellite launch",
    "unknown": "Unknown",
}
CLASS_STYLE = {  # colour, marker
    "icbm": (OKABE_ITO["vermillion"], "^"),
    "irbm": (OKABE_ITO["orange"], "D"),
    "mrbm": (OKABE_ITO["purple"], "s"),
    "hypersonic": (OKABE_ITO["black"], "*"),
    "slbm": (OKABE_ITO["blue"], "P"),
    "srbm": (OKABE_ITO["sky_blue"], "o"),
    "ballistic": (OKABE_ITO["grey"], "X"),
    "cruise": (OKABE_ITO["green"], ">"),
    SATELLITE: (OKABE_ITO["yellow"], "p"),
    "unknown": (OKABE_ITO["grey"], "h"),
}
CHRONOLOGY_YEARS = (2018, 2025)  # the curated chronology is complete for these years
MILESTONE_COLORS = {
    "summit": OKABE_ITO["blue"],
    "meeting": OKABE_ITO["purple"],
    "talks": OKABE_ITO["orange"],
}
ADMIN_FILLS = ("#E6E6E6", "#F5F5F5")
HIGHLIGHT_COLOR = OKABE_ITO["vermillion"]
DEFAULT_SOURCE = (
    "Source: analystkit curated chronology (data/reference): one launch event = one KST "
    "calendar day with at least one missile or satellite launch; CNS/NTI North Korea Missile "
    "Test Database, South Korean JCS, Japanese MoD and news reports, cited per row. "
    "Milestones: analystkit milestone table, cited per row."
)
# Fixed styling; svg.hashsalt makes SVG element ids reproducible.
RC: dict[RcKeyType, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "analystkit",
    "svg.fonttype": "path",
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "path.simplify": True,
}
# Vertical layout of the chronology axes, in axes fractions (bottom to top).
BARS_BAND = (0.0, 0.25)  # monthly counts (inset axes)
LANE_BAND = (0.31, 0.64)  # one row per missile class
LABEL_BAND = (0.67, 0.925)  # milestone and highlight labels, staggered
ADMIN_Y = 0.965  # administration names
LABEL_GAP_PX = 6.0
# Labels sit on a translucent box so leader lines of higher labels pass behind them.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75}


def _new_figure(
    figsize: tuple[float, float], layout: Literal["constrained"] | None = None
) -> tuple[Figure, Axes]:
    """A pyplot-free Figure with an Agg canvas (so text can be measured) and one Axes."""
    fig = Figure(figsize=figsize, layout=layout)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _renderer(fig: Figure) -> RendererBase:
    """The figure's renderer, for measuring text (works for Agg and inline backends)."""
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()  # type: ignore[attr-defined]  # private, not in the stubs


def _figure_of(ax: Axes) -> Figure:
    """The root Figure an Axes is drawn on (``ax.figure`` may be a SubFigure)."""
    fig = ax.get_figure(root=True)
    if fig is None:
        raise ValueError("the Axes is not on a Figure")
    return fig


def _lane_key(event_type: str, missile_class: object) -> str:
    """The lane row of a launch: satellites get their own row, blanks go to unknown."""
    if event_type == "satellite_launch":
        return SATELLITE
    return missile_class if missile_class in CLASS_STYLE else "unknown"


def _lane_y(rows: Sequence[str]) -> dict[str, float]:
    """Row centre (axes fraction) of each lane row, first row at the top."""
    lo, hi = LANE_BAND
    step = (hi - lo) / len(rows)
    return {row: hi - step * (i + 0.5) for i, row in enumerate(rows)}


def _counted_launches(
    chronology: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp
) -> pd.DataFrame:
    """Counted launch events (missile or satellite) between start and end, with lane keys."""
    require_columns(chronology, ("date", "event_type", "missile_class", "counted"), "chronology")
    c = chronology[
        chronology["counted"].fillna(False).astype(bool)
        & chronology["event_type"].isin(LAUNCH_TYPES)
        & chronology["date"].between(start, end)
    ]
    lane = [_lane_key(t, m) for t, m in zip(c["event_type"], c["missile_class"])]
    return c.assign(lane=lane)


def _administrations(
    milestones: pd.DataFrame, names: Sequence[str], start: pd.Timestamp, end: pd.Timestamp
) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """(name, from, to) spans of the named term rows: to their end_date, else to the next
    named term, else to ``end``."""
    terms = milestones[(milestones["kind"] == "term") & milestones["label"].isin(names)]
    terms = terms.sort_values("date")
    ends = terms["end_date"] if "end_date" in terms else pd.Series(pd.NaT, index=terms.index)
    spans = []
    for name, begin, stop, nxt in zip(
        terms["label"], terms["date"], ends, list(terms["date"].iloc[1:]) + [end]
    ):
        lo, hi = max(begin, start), min(nxt if pd.isna(stop) else stop, end)
        if lo < hi:
            spans.append((name, lo, hi))
    return spans


def _assign_levels(
    anchors: list[float], widths: list[float], lo: float, hi: float, gap: float
) -> list[tuple[int, HAlign]]:
    """Greedy stagger: each label (in x order) takes the lowest level where it fits,
    running right of its date if it can, else left of it; returns (level, ha) per label.

    Pixels throughout: ``anchors`` are the dates' x, ``lo``..``hi`` the axes' extent.
    """
    placed: list[list[tuple[float, float]]] = []
    result: list[tuple[int, HAlign]] = []
    for x, width in zip(anchors, widths):
        sides: tuple[tuple[HAlign, float], ...] = (("left", x), ("right", x - width))
        options: list[tuple[HAlign, float, float]] = [
            (ha, x0, x0 + width) for ha, x0 in sides if lo - 0.5 <= x0 and x0 + width <= hi + 0.5
        ] or [("right", x - width, x)]
        level = 0
        while True:
            if level == len(placed):
                placed.append([])
            free = [
                (ha, x0, x1)
                for ha, x0, x1 in options
                if all(x1 + gap < a or b + gap < x0 for a, b in placed[level])
            ]
            if free:
                ha, x0, x1 = free[0]
                placed[level].append((x0, x1))
                result.append((level, ha))
                break
            level += 1
    return result


def _place_labels(ax: Axes, items: list[dict], fontsize: float) -> list[Text]:
    """Draw labels above their dates in the label band without overlaps; return the texts.

    Each item: x (date number), text, color, gid, bold, y_from (axes fraction the leader
    line starts at). Widths are measured with the renderer; a label runs right of its
    leader line, or left of it where that fits lower (and always at the right edge);
    levels are stacked from the bottom of the band, and the font shrinks if the levels
    would not fit the band (if they still do not, the top levels rise above it: crowded,
    but never overlapping).
    """
    fig = _figure_of(ax)
    trans = ax.get_xaxis_transform()
    items = sorted(items, key=lambda it: (it["x"], it["text"]))
    renderer = _renderer(fig)
    ax_px = ax.get_window_extent(renderer)
    anchors = [ax.transData.transform((it["x"], 0))[0] for it in items]
    sizes = (fontsize, fontsize - 0.5, fontsize - 1, fontsize - 1.5, fontsize - 2)
    for size in sizes:
        texts = [
            ax.text(
                it["x"],
                LABEL_BAND[0],
                it["text"],
                transform=trans,
                fontsize=size,
                fontweight="bold" if it.get("bold") else "normal",
                color=it.get("text_color", it["color"]),
                ha="left",
                va="bottom",
                zorder=6,
                clip_on=False,
                gid=it["gid"],
                parse_math=False,
                bbox=it.get("bbox", LABEL_BOX),
            )
            for it in items
        ]
        boxes = [t.get_window_extent(renderer) for t in texts]
        placement = _assign_levels(
            anchors, [b.width for b in boxes], ax_px.x0, ax_px.x1, LABEL_GAP_PX
        )
        levels = [level for level, _ in placement]
        step = (max((b.height for b in boxes), default=0) + 2.5) / ax_px.height
        fits = not texts or LABEL_BAND[0] + step * (max(levels) + 1) <= LABEL_BAND[1]
        if fits or size == sizes[-1]:  # too crowded even small: stack on, above the band
            break
        for t in texts:
            t.remove()
    for it, t, (level, ha) in zip(items, texts, placement):
        y = LABEL_BAND[0] + step * level
        t.set_y(y)
        t.set_horizontalalignment(ha)
        ax.plot(
            [it["x"], it["x"]],
            [it["y_from"], y],
            transform=trans,
            color=it["color"],
            lw=0.8,
            ls=(0, (2, 2)),
            alpha=0.8,
            zorder=1,
            clip_on=False,
        )
    return texts


def _draw_administrations(
    ax: Axes, spans: list[tuple[str, pd.Timestamp, pd.Timestamp]]
) -> list[tuple[Text, float, float]]:
    """Shade each administration and name it at the top of the axes; return each name
    with its span (date numbers)."""
    trans = ax.get_xaxis_transform()
    names = []
    for i, (name, lo, hi) in enumerate(spans):
        x0, x1 = mdates.date2num(lo), mdates.date2num(hi)
        ax.axvspan(x0, x1, color=ADMIN_FILLS[i % 2], zorder=0, lw=0, gid=f"administration:{name}")
        ax.axvline(x0, color="#7F7F7F", lw=0.8, zorder=0.5)
        text = ax.text(
            (x0 + x1) / 2,
            ADMIN_Y,
            name,
            transform=trans,
            ha="center",
            va="center",
            fontsize=10,
            fontweight="bold",
            color="#404040",
            gid="administration-label",
            parse_math=False,
        )
        names.append((text, x0, x1))
    return names


def _dodge_names(ax: Axes, names: list[tuple[Text, float, float]], labels: list[Text]) -> None:
    """Slide an administration name along its span if a milestone label covers it."""
    renderer = _renderer(_figure_of(ax))
    boxes = [t.get_window_extent(renderer) for t in labels]
    for text, x0, x1 in names:
        for frac in (0.5, 0.3, 0.7, 0.15, 0.85):
            text.set_x(x0 + frac * (x1 - x0))
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(b) for b in boxes):
                break
        else:
            text.set_x((x0 + x1) / 2)


def _draw_lane(ax: Axes, launches: pd.DataFrame, rows: Sequence[str]) -> dict[str, float]:
    """One row of markers per class; y tick labels name the rows. Returns row positions."""
    ys = _lane_y(rows)
    for row in rows:
        x = mdates.date2num(launches.loc[launches["lane"] == row, "date"].to_numpy())
        color, marker = CLASS_STYLE[row]
        ax.scatter(
            x,
            np.full(len(x), ys[row]),
            s=42 if marker != "*" else 80,
            marker=marker,
            facecolor=color,
            edgecolor="#202020",
            linewidth=0.5,
            zorder=4,
            label=f"{CLASS_LABELS[row]} ({len(x)})",
            gid=f"launches:{row}",
        )
    ax.set_yticks([ys[r] for r in rows], [CLASS_LABELS[r] for r in rows])
    ax.tick_params(axis="y", length=0)
    for y in ys.values():
        ax.axhline(y, color="#BFBFBF", lw=0.4, zorder=0.8)
    return ys


def _draw_monthly_bars(
    ax: Axes,
    launches: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    covered: tuple[int, int],
) -> Axes:
    """Monthly launch-event counts as bars in an inset lane, with each year's total
    ("n/a" for years outside the ``covered`` years of the chronology)."""
    bars = ax.inset_axes((0, BARS_BAND[0], 1, BARS_BAND[1] - BARS_BAND[0]))
    bars.patch.set_alpha(0)
    months = pd.date_range(start.to_period("M").to_timestamp(), end, freq="MS")
    per_month = (
        launches.groupby(launches["date"].dt.to_period("M"))
        .size()
        .reindex(months.to_period("M"), fill_value=0)
    )
    x = mdates.date2num((months + pd.Timedelta(days=15)).to_numpy())
    bars.bar(x, per_month.to_numpy(), width=22, color="#4D4D4D", zorder=3, gid="monthly-bars")
    top = max(int(per_month.max()), 1)
    bars.set_ylim(0, top * 1.45)
    bars.yaxis.set_major_locator(mpl.ticker.MaxNLocator(3, integer=True))
    bars.yaxis.tick_right()
    bars.yaxis.set_label_position("right")
    bars.set_ylabel("launch days\nper month", fontsize=8)
    bars.spines[["top", "left"]].set_visible(False)
    bars.spines["right"].set_visible(True)
    per_year = launches.groupby(launches["date"].dt.year).size()
    trans = bars.get_xaxis_transform()
    for year in range(start.year, end.year + 1):
        mid = min(max(pd.Timestamp(year, 7, 1), start), end)
        total = int(per_year.get(year, 0)) if covered[0] <= year <= covered[1] else "n/a"
        bars.text(
            mdates.date2num(mid),
            0.97,
            f"{year}: {total}",
            transform=trans,
            ha="center",
            va="top",
            fontsize=8.5,
            color="#202020",
            gid="year-total",
        )
    return bars


def _format_time_axis(ax: Axes, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """Year boundaries as ticks, year numbers centred between them."""
    ax.set_xlim(mdates.date2num(start), mdates.date2num(end))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mpl.ticker.NullFormatter())
    ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=7, bymonthday=1))
    ax.xaxis.set_minor_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", which="minor", length=0, labelsize=10)
    ax.tick_params(axis="x", which="major", length=5)
    ax.grid(axis="x", which="major", color="#FFFFFF", lw=1.2, zorder=0.6)


def chronology_chart(
    chronology: pd.DataFrame,
    milestones: pd.DataFrame,
    start: str | pd.Timestamp = "2018-01-01",
    end: str | pd.Timestamp = "2025-12-31",
    highlight: pd.DataFrame | None = None,
    ax: Axes | None = None,
    *,
    milestone_kinds: Sequence[str] = ("summit", "meeting", "talks"),
    administrations: Sequence[str] = ("Trump I", "Biden", "Trump II"),
    title: str | None = "North Korean launch events and diplomacy, {start}–{end}",
    source: str = DEFAULT_SOURCE,
    covered: tuple[int, int] = CHRONOLOGY_YEARS,
) -> Figure:
    """The launch tempo against summits, talks and US administrations, 14x6 in.

    Draws every counted launch event of ``chronology`` in a lane by missile class, the
    monthly counts as bars beneath, the ``milestones`` of ``milestone_kinds`` as staggered
    labels (their ``label`` column), the term rows whose label is in ``administrations``
    as shaded, named spans, and a source line. ``highlight`` (events with ``date`` and
    optionally ``missile_class``/``event_type``, e.g. ``ak.extract_events(articles)``):
    its launch events are ringed and labelled "this article: <date>". ``covered`` are the
    years the chronology is complete for (others get "n/a" totals). With ``ax`` the chart is
    drawn into that Axes; returns ``ax.figure``.

    Parameters
    ----------
    chronology : pandas.DataFrame
        The launch chronology: ``date``, ``event_type``, ``missile_class``, ``counted``.
    milestones : pandas.DataFrame
        The milestones: ``date``, ``kind``, ``label``; ``end_date`` for term spans.
    start, end : str or pandas.Timestamp, default "2018-01-01", "2025-12-31"
        The time span drawn; `end` must be after `start`.
    highlight : pandas.DataFrame or None, default None
        Events to ring (``date``; ``event_type``, ``missile_class`` when present).
    ax : matplotlib.axes.Axes or None, default None
        The Axes to draw into; None makes a new 14x6 in figure.
    milestone_kinds : sequence of str, default ("summit", "meeting", "talks")
        The milestone kinds labelled.
    administrations : sequence of str, default ("Trump I", "Biden", "Trump II")
        The labels of the term rows drawn as shaded spans.
    title : str or None, default "North Korean launch events and diplomacy, {start}–{end}"
        The title, formatted with the start and end years; None or "" for none.
    source : str, default charts.DEFAULT_SOURCE
        The source line beneath the chart.
    covered : tuple of (int, int), default (2018, 2025)
        The first and last year the chronology is complete for.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.

    Raises
    ------
    ValueError
        `end` is not after `start`, or a frame lacks a column it needs.
    TypeError
        A frame argument is not a DataFrame.

    Examples
    --------
    >>> import analystkit as ak
    >>> fig = ak.chronology_chart(ak.load_chronology(), ak.load_milestones())
    >>> type(fig).__name__, fig.axes[0].get_title(loc="left")[:30]
    ('Figure', 'North Korean launch events and')
    """
    require_columns(milestones, ("date", "kind", "label"), "milestones")
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end <= start:
        raise ValueError(f"end ({end.date()}) must be after start ({start.date()})")
    launches = _counted_launches(chronology, start, end)
    hl = _highlight_rows(highlight, start, end)
    with mpl.rc_context(RC):
        if ax is None:
            fig, ax = _new_figure((14, 6))
            fig.subplots_adjust(left=0.095, right=0.94, top=0.91, bottom=0.2)
        fig = _figure_of(ax)
        rows = [r for r in LANE_ORDER if r in set(launches["lane"]) | set(hl["lane"])]
        rows = rows or ["unknown"]
        ax.set_ylim(0, 1)
        _format_time_axis(ax, start, end)
        ax.spines[["left", "top", "right"]].set_visible(False)
        ax.tick_params(axis="x", which="both", labelbottom=False)
        names = _draw_administrations(ax, _administrations(milestones, administrations, start, end))
        ys = _draw_lane(ax, launches, rows)
        bars = _draw_monthly_bars(ax, launches, start, end, covered)
        _format_time_axis(bars, start, end)
        items = _milestone_items(milestones, milestone_kinds, start, end)
        items += _highlight_items(ax, hl, ys)
        _dodge_names(ax, names, _place_labels(ax, items, fontsize=8.5))
        handles, _ = ax.get_legend_handles_labels()
        handles += [
            Line2D([], [], color=c, lw=1, ls=(0, (2, 2)), label=k.capitalize())
            for k, c in MILESTONE_COLORS.items()
            if k in milestone_kinds
        ]
        legend = ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.075),
            ncol=min(len(handles), 8),
            frameon=False,
            handletextpad=0.3,
            columnspacing=1.2,
        )
        if title:
            ax.set_title(
                title.format(start=start.year, end=end.year), loc="left", pad=8, parse_math=False
            )
        below = ax.transAxes.inverted().transform(
            (0, legend.get_window_extent(_renderer(fig)).y0 - 3)
        )[1]
        ax.text(
            0,
            below,
            _wrap_to_axes(ax, source, fontsize=7),
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize=7,
            color="#505050",
            gid="source-line",
            parse_math=False,
        )
    return fig


def _wrap_to_axes(ax: Axes, text: str, fontsize: float) -> str:
    """Wrap text to the width of the axes (about 0.55 em per character)."""
    width_pt = ax.get_position().width * _figure_of(ax).get_figwidth() * 72
    return textwrap.fill(text, width=max(40, int(width_pt / (0.55 * fontsize))))


def _milestone_items(
    milestones: pd.DataFrame, kinds: Sequence[str], start: pd.Timestamp, end: pd.Timestamp
) -> list[dict]:
    """Label items for the milestones of the given kinds between start and end."""
    m = milestones[milestones["kind"].isin(kinds) & milestones["date"].between(start, end)]
    titles = m["title"] if "title" in m else m["label"]
    labels = m["label"].where(m["label"].fillna("").str.strip() != "", titles)
    return [
        {
            "x": mdates.date2num(d),
            "text": str(label),
            "gid": "milestone-label",
            "color": MILESTONE_COLORS.get(kind, OKABE_ITO["black"]),
            "text_color": "#1A1A1A",
            "bold": kind == "summit",
            "y_from": LANE_BAND[0],
        }
        for d, kind, label in zip(m["date"], m["kind"], labels)
    ]


def _highlight_rows(
    highlight: pd.DataFrame | None, start: pd.Timestamp, end: pd.Timestamp
) -> pd.DataFrame:
    """The highlighted launch events in range, one per date and lane row (other event
    types, e.g. summits in an events frame, are not launches and are not ringed)."""
    if highlight is not None and "event_type" in highlight:
        highlight = highlight[highlight["event_type"].isin(LAUNCH_TYPES)]
    if highlight is None or len(highlight) == 0:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "lane": []})
    require_columns(highlight, ("date",), "highlight")
    types = (
        highlight["event_type"]
        if "event_type" in highlight
        else ["missile_launch"] * len(highlight)
    )
    classes = (
        highlight["missile_class"] if "missile_class" in highlight else [None] * len(highlight)
    )
    h = pd.DataFrame(
        {
            "date": pd.to_datetime(highlight["date"]).to_numpy(),
            "lane": [_lane_key(t, c) for t, c in zip(types, classes)],
        }
    )
    return h[h["date"].between(start, end)].drop_duplicates().sort_values(["date", "lane"])


def _highlight_items(ax: Axes, hl: pd.DataFrame, ys: dict[str, float]) -> list[dict]:
    """Ring each highlighted event on its lane row; return one label item per date."""
    trans = ax.get_xaxis_transform()
    for d, lane in zip(hl["date"], hl["lane"]):
        ax.scatter(
            [mdates.date2num(d)],
            [ys[lane]],
            s=260,
            marker="o",
            facecolor="none",
            edgecolor=HIGHLIGHT_COLOR,
            linewidth=2.0,
            zorder=5,
            transform=trans,
            gid="highlight-ring",
        )
    items = []
    for d, group in hl.groupby("date", sort=True):
        items.append(
            {
                "x": mdates.date2num(d),
                "text": f"this article: {d:%Y-%m-%d}",
                "gid": "highlight-label",
                "color": HIGHLIGHT_COLOR,
                "bold": True,
                "y_from": max(ys[lane] for lane in group["lane"]),
                "bbox": {
                    "boxstyle": "round,pad=0.2",
                    "fc": "white",
                    "ec": HIGHLIGHT_COLOR,
                    "lw": 1,
                },
            }
        )
    return items


def _count_table(
    data: pd.DataFrame,
    freq: str,
    by: str | None,
    start: str | pd.Timestamp | None,
    end: str | pd.Timestamp | None,
) -> pd.DataFrame:
    """Launch events per period (rows) and ``by`` value (columns), zero-filled over the
    whole periods from ``start`` to ``end``. A chronology or events frame is counted by
    ``count_events`` (its launch rows only); a wide count table with a DatetimeIndex (as
    ``count_events`` returns) is only cut to those periods."""
    code = _count_period(freq)[0]
    lo = pd.Period(start, code).start_time if start is not None else None
    hi = pd.Period(end, code).end_time.normalize() if end is not None else None
    if isinstance(data.index, pd.DatetimeIndex) and "date" not in data.columns:
        table = data.select_dtypes("number").fillna(0)
    else:
        require_columns(data, ("date",), "counts input")
        if "event_type" in data.columns:
            data = data[data["event_type"].isin(LAUNCH_TYPES)]
        if data["date"].isna().all() and (lo is None or hi is None):
            return pd.DataFrame(index=pd.DatetimeIndex([], name="period"))
        table = count_events(data, "YS" if code == "Y" else "MS", by, lo, hi)
        if code == "Q":
            table = table.resample(freq).sum()
        if by is None:
            table = table.rename(columns={"events": "launch events"})
    if len(table) == 0 and (lo is None or hi is None):
        return _class_order(table)
    span = pd.date_range(
        lo if lo is not None else table.index.min(),
        hi if hi is not None else table.index.max(),
        freq=freq,
    )
    table = table.reindex(table.index.union(span), fill_value=0)
    return _class_order(table[(table.index >= span.min()) & (table.index <= span.max())])


def _class_order(table: pd.DataFrame) -> pd.DataFrame:
    """Columns in lane order (longest range first), other columns after, alphabetically."""
    order = [c for c in LANE_ORDER if c in table.columns] + sorted(
        c for c in table.columns if c not in LANE_ORDER
    )
    return table[order]


COUNT_FREQS = {"YS": ("Y", "year"), "QS": ("Q", "quarter"), "MS": ("M", "month")}
"""plot_counts' periods: freq -> (pandas period code, name)."""


def _count_period(freq: str) -> tuple[str, str]:
    """The period code and name of a plot_counts `freq`, refusing any other freq."""
    if freq not in COUNT_FREQS:
        raise ValueError(f"freq must be one of {', '.join(map(repr, COUNT_FREQS))}, got {freq!r}")
    return COUNT_FREQS[freq]


def _period_ticks(index: pd.DatetimeIndex, freq: str) -> np.ndarray:
    """Positions to label: every period if few, else the first period of each year."""
    if len(index) <= 16 or freq == "YS":
        return np.arange(len(index))
    starts = np.flatnonzero(index.month == index.month.min())
    step = max(1, int(np.ceil(len(starts) / 16)))
    return starts[::step]


def _period_label(ts: pd.Timestamp, freq: str) -> str:
    """Tick label of one period: the year, quarter or month."""
    if freq == "YS":
        return f"{ts.year}"
    if freq == "QS":
        return f"{ts.year} Q{ts.quarter}"
    return f"{ts:%Y-%m}"


def plot_counts(
    counts_or_chronology: pd.DataFrame,
    freq: str = "YS",
    by: str | None = "missile_class",
    ax: Axes | None = None,
    *,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    title: str | None = "North Korean launch events per {period}",
    source: str | None = None,
) -> Figure:
    """Stacked bars of launch events per period (``freq``: "YS", "QS", "MS") by ``by``.

    Takes a chronology (only counted launch rows), an events frame (launch events only),
    both counted by ``count_events``, or a wide count table indexed by date. ``start``
    and ``end`` choose whole periods (end="2025-01-01" with "YS" draws all of 2025);
    periods with no events are drawn as zero; the highest total is annotated as the record.

    Parameters
    ----------
    counts_or_chronology : pandas.DataFrame
        A chronology or events frame (``date``, and the `by` column), or a wide count
        table on a DatetimeIndex (its numeric columns are the stacks).
    freq : {"YS", "QS", "MS"}, default "YS"
        Years, quarters or months.
    by : str or None, default "missile_class"
        The column whose values are stacked; None draws one bar of all launch events.
    ax : matplotlib.axes.Axes or None, default None
        The Axes to draw into; None makes a new figure.
    start, end : str, pandas.Timestamp or None, default None
        The first and last periods drawn (whole periods); None spans the data.
    title : str or None, default "North Korean launch events per {period}"
        The title, formatted with the period's name; None or "" for none.
    source : str or None, default None
        A source line beneath the chart.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.

    Raises
    ------
    ValueError
        `freq` is not exactly "YS", "QS" or "MS", a column is missing, or
        ``count_events`` refuses the frame.

    Examples
    --------
    >>> import analystkit as ak
    >>> fig = ak.plot_counts(ak.load_chronology(), freq="YS", start="2022-01-01", end="2024-12-31")
    >>> fig.axes[0].get_title(loc="left")
    'North Korean launch events per year'
    """
    period = _count_period(freq)[1]
    table = _count_table(counts_or_chronology, freq, by, start, end)
    with mpl.rc_context(RC):
        if ax is None:
            width = float(np.clip(2.5 + 0.45 * len(table), 7, 14))
            fig, ax = _new_figure((width, 4.8), layout="constrained")
        fig = _figure_of(ax)
        x = np.arange(len(table))
        bottom = np.zeros(len(table))
        for col in table.columns:
            color, _ = CLASS_STYLE.get(col, (OKABE_ITO["grey"], "o"))
            values = table[col].to_numpy(dtype=float)
            ax.bar(
                x,
                values,
                bottom=bottom,
                width=0.8,
                color=color,
                edgecolor="white",
                linewidth=0.5,
                label=CLASS_LABELS.get(col, str(col)),
                gid=f"counts:{col}",
            )
            bottom += values
        ticks = _period_ticks(table.index, freq)
        ax.set_xticks(
            x[ticks],
            [_period_label(t, freq if len(ticks) == len(x) else "YS") for t in table.index[ticks]],
        )
        ax.set_xlim(-0.6, len(table) - 0.4)
        ax.set_ylabel(f"launch events per {period}")
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.grid(axis="y", color="#E0E0E0", lw=0.6)
        ax.set_axisbelow(True)
        if len(table) and bottom.max() > 0:
            ax.set_ylim(0, bottom.max() * 1.18)
            for peak in np.flatnonzero(bottom == bottom.max()):
                ax.annotate(
                    f"{_period_label(table.index[peak], freq)}: {bottom[peak]:.0f} (most)",
                    (peak, bottom[peak]),
                    xytext=(0, 5),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontweight="bold",
                    gid="peak-label",
                )
        else:
            ax.text(
                0.5,
                0.5,
                "no launch events to count",
                transform=ax.transAxes,
                ha="center",
                va="center",
                color="#505050",
            )
        if len(table.columns):  # below the axes: never over the bars, fits composed figures
            ax.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, -0.09),
                frameon=False,
                ncol=min(len(table.columns), 5),
                columnspacing=1.2,
            )
        if title:
            ax.set_title(title.format(period=period), loc="left", parse_math=False)
        if source:
            ax.text(
                0,
                -0.3,
                _wrap_to_axes(ax, source, fontsize=7),
                transform=ax.transAxes,
                fontsize=7,
                color="#505050",
                va="top",
                gid="source-line",
                parse_math=False,
            )
    return fig


def _compact(n: float) -> str:
    """A count as short text: 7, 950, 1.2k, 34k."""
    if n < 1000:
        return f"{n:.0f}"
    return f"{n / 1000:.1f}k" if n < 10000 else f"{n / 1000:.0f}k"


def plot_rhetoric(
    matches: pd.DataFrame,
    by: str = "speaker_group",
    over: str | None = None,
    ax: Axes | None = None,
    *,
    articles: pd.DataFrame | None = None,
    include_negated: bool = False,
    title: str | None = None,
) -> Figure:
    """Heatmap of rhetoric matches: ``by`` (rows) x rhetoric tag, or ``by`` x month.

    Uses matches of category "rhetoric" and, unless ``include_negated``, drops negated
    ones. ``over="month"`` needs article dates: a ``date`` column in matches or the
    ``articles`` frame. Cells carry their counts when there are few enough to read.

    Parameters
    ----------
    matches : pandas.DataFrame
        A matches frame (``ak.tag``): ``category``, ``tag``, ``negated`` and the `by`
        column; ``article_id`` (or ``date``) for ``over="month"``.
    by : str, default "speaker_group"
        The column whose values are the rows (NA shown as "unattributed").
    over : {None, "month"}, default None
        The columns: rhetoric tags (None) or months.
    ax : matplotlib.axes.Axes or None, default None
        The Axes to draw into; None makes a new figure.
    articles : pandas.DataFrame or None, default None
        Articles (``article_id``, ``date``) that date the matches for ``over="month"``.
    include_negated : bool, default False
        Count negated matches too.
    title : str or None, default None
        The title; None writes "Rhetoric by <by> and <tag or month>".

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.

    Raises
    ------
    ValueError
        A column is missing, `over` is not None or "month", or ``over="month"`` has no
        dates for the matches.

    Examples
    --------
    >>> import analystkit as ak
    >>> fig = ak.plot_rhetoric(ak.tag(ak.load_articles(ak.SEEDS_DIR)))
    >>> type(fig).__name__
    'Figure'
    """
    require_columns(matches, ("category", "tag", "negated", by), "matches")
    if over not in (None, "month"):
        raise ValueError(f"over must be None or 'month', not {over!r}")
    m = matches[matches["category"] == "rhetoric"]
    if not include_negated:
        m = m[~m["negated"].fillna(False).astype(bool)]
    if over == "month":
        m = _with_dates(m, articles)
        col_key = m["date"].dt.to_period("M")
        periods = (
            pd.period_range(col_key.min(), col_key.max(), freq="M")
            if len(m)
            else pd.PeriodIndex([], freq="M")
        )
        columns = list(periods)
    else:
        col_key = m["tag"]
        columns = list(RHETORIC_TAGS) + sorted(set(m["tag"]) - set(RHETORIC_TAGS))
    row_key = m[by].astype("string").fillna("unattributed")
    table = (
        pd.crosstab(row_key, col_key).reindex(columns=columns, fill_value=0)
        if len(m)
        else pd.DataFrame(columns=columns)
    )
    vocab = SPEAKER_GROUPS if by == "speaker_group" else ()
    table = table.reindex(
        [g for g in vocab if g in table.index] + sorted(g for g in table.index if g not in vocab)
    )
    with mpl.rc_context(RC):
        if ax is None:
            w = float(np.clip(3.5 + 0.55 * len(columns), 7, 14))
            h = float(np.clip(2.2 + 0.38 * len(table), 3.2, 9))
            fig, ax = _new_figure((w, h), layout="constrained")
        fig = _figure_of(ax)
        what = "month" if over == "month" else "tag"
        ax.set_title(
            title or f"Rhetoric by {by.replace('_', ' ')} and {what}", loc="left", parse_math=False
        )
        ax.text(
            1,
            1.02,
            "matches, negated included" if include_negated else "matches, negated left out",
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=8,
            color="#505050",
        )
        if table.empty or table.to_numpy().sum() == 0:
            ax.text(
                0.5,
                0.5,
                "no rhetoric matches in this selection",
                ha="center",
                va="center",
                transform=ax.transAxes,
                color="#505050",
                gid="empty-state",
            )
            ax.set_xticks([])
            ax.set_yticks([])
            return fig
        values = table.to_numpy(dtype=float)
        im = ax.imshow(
            values,
            aspect="auto",
            cmap="Blues",
            vmin=0,
            vmax=max(values.max(), 1),
            interpolation="nearest",
        )
        ax.set_yticks(np.arange(len(table)), list(table.index))
        labels = [str(c) for c in table.columns]
        step = max(1, int(np.ceil(len(labels) / 18)))
        rotation = 35 if over is None else (90 if len(labels) > 12 else 0)
        ax.set_xticks(
            np.arange(len(labels))[::step],
            labels[::step],
            rotation=rotation,
            ha="right" if rotation == 35 else "center",
        )
        ax.tick_params(length=0)
        ax.spines[:].set_visible(False)
        if values.size <= 240:
            for (i, j), v in np.ndenumerate(values):
                color = (
                    "white" if v > 0.6 * values.max() else "#202020" if v else "#A0A0A0"
                )  # zeros recede
                ax.text(
                    j,
                    i,
                    _compact(v),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color=color,
                    gid="cell-count",
                )
        bar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02, label="matches")
        bar.locator = mpl.ticker.MaxNLocator(integer=True)
        bar.update_ticks()
    return fig


def _with_dates(m: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """Matches with their article's date, from a date column or the articles frame."""
    if "date" in m.columns:
        return m
    if articles is None:
        raise ValueError(
            "over='month' needs article dates: pass articles=... or matches with a 'date' column"
        )
    require_columns(articles, ("article_id", "date"), "articles")
    dates = articles.drop_duplicates("article_id").set_index("article_id")["date"]
    unknown = set(m["article_id"]) - set(dates.index)
    if unknown:
        raise ValueError(
            f"{len(unknown)} article_id(s) in matches are not in articles, "
            f"e.g. {sorted(unknown)[:3]}"
        )
    return m.assign(date=m["article_id"].map(dates))


def save_figure(fig: Figure, path: str | Path) -> tuple[Path, Path]:
    """Write ``fig`` as PNG (150 dpi) and SVG next to each other; return both paths.

    ``path`` may end in .png or .svg or have no suffix; both files are written either way.
    Output is reproducible: no timestamps, fixed SVG ids.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to write.
    path : str or pathlib.Path
        The file name, with or without a .png/.svg suffix; missing folders are created.

    Returns
    -------
    tuple of (pathlib.Path, pathlib.Path)
        The PNG and the SVG written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import analystkit as ak
    >>> fig = ak.plot_counts(ak.load_chronology())
    >>> png, svg = ak.save_figure(fig, pathlib.Path(tempfile.mkdtemp()) / "counts")
    >>> png.name, svg.name, png.stat().st_size > 0
    ('counts.png', 'counts.svg', True)
    """
    base = Path(path)
    if base.suffix.lower() in (".png", ".svg"):
        base = base.with_suffix("")
    base.parent.mkdir(parents=True, exist_ok=True)
    png, svg = base.with_name(base.name + ".png"), base.with_name(base.name + ".svg")
    with mpl.rc_context(RC):
        fig.savefig(png, format="png", dpi=150, metadata={"Software": None})
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return png, svg
