"""Filter panels for notebooks: ipywidgets controls that narrow frames and redraw.

FilterPanel narrows articles, matches and events together; ChronologyPanel narrows the
curated chronology and milestones behind the 2018-2025 chronology chart and exports it.
The per-row work (month keys, lane keys, lower-cased text, which article each match and
event belongs to) is done once in ``__init__``; a redraw is a few vectorised masks, an
escaped HTML summary and a PNG chart.
"""

from __future__ import annotations

import html
import io
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import ipywidgets as w
import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analystkit.charts import (
    CLASS_LABELS,
    LANE_ORDER,
    OKABE_ITO,
    RC,
    _counted_launches,
    _highlight_rows,
    chronology_chart,
    save_figure,
)
from analystkit.events import EVENT_COLUMNS, SATELLITE
from analystkit.frames import require_columns, require_dates
from analystkit.tagging import MATCH_COLUMNS
from analystkit.vocab import EVENT_TYPES, MILESTONE_KINDS, RHETORIC_TAGS, SPEAKER_GROUPS

__all__ = ["ChronologyPanel", "Chronology", "FilterPanel", "Filtered"]

NO_VALUE = "(none)"
SNIPPET_CHARS = 90
STYLE = {"description_width": "initial"}


class Filtered(NamedTuple):
    """The frames left after filtering."""

    articles: pd.DataFrame
    matches: pd.DataFrame
    events: pd.DataFrame


def _ordered(values: np.ndarray, vocabulary: tuple[str, ...]) -> list[str]:
    """Distinct values: vocabulary order first, then any others alphabetically."""
    present = set(np.unique(values).tolist())
    return [v for v in vocabulary if v in present] + sorted(present - set(vocabulary))


def _positions(frame: pd.DataFrame, index: pd.Index, name: str) -> np.ndarray:
    """Row position in articles of each row's article_id; unknown ids are an error."""
    pos = index.get_indexer(frame["article_id"])
    if (pos < 0).any():
        unknown = sorted(set(frame["article_id"][pos < 0]))
        raise ValueError(
            f"{len(unknown)} article_id(s) in {name} are not in articles, e.g. {unknown[:3]}"
        )
    return pos


def _month_codes(dates: pd.Series) -> np.ndarray:
    """Months since 1970-01 (pandas' monthly period ordinal) of each date; -1 if undated."""
    code = (dates.dt.year - 1970) * 12 + dates.dt.month - 1
    return code.fillna(-1).to_numpy(dtype=np.int64)


def _month_slider(options: list[tuple[str, object]], enabled: bool) -> w.SelectionRangeSlider:
    """A month range slider over (label, value) options, the whole range selected."""
    return w.SelectionRangeSlider(
        options=options,
        index=(0, len(options) - 1),
        description="Months",
        disabled=not enabled,
        continuous_update=False,
        style=STYLE,
        layout=w.Layout(width="55%"),
    )


def _multi_select(
    options: Sequence[str | tuple[str, str]],
    label: str,
    enabled: bool = True,
    value: Sequence[str] | None = None,
) -> w.SelectMultiple:
    """A multi-select over options (values or (label, value) pairs), by default with every
    option selected."""
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    return w.SelectMultiple(
        options=list(options),
        value=tuple(values if value is None else value),
        description=label,
        rows=min(max(len(values), 2), 7),
        disabled=not enabled,
        style=STYLE,
        layout=w.Layout(width="32%"),
    )


def _reset_button(on_reset: Callable[[], None]) -> w.Button:
    """The Reset button: calls ``on_reset`` when pressed."""
    button = w.Button(
        description="Reset", tooltip="clear every filter", layout=w.Layout(width="auto")
    )
    button.on_click(lambda _: on_reset())
    return button


def _png_bytes(fig: Figure, dpi: int) -> bytes:
    """The figure as PNG bytes, reproducibly (fixed styling, no software stamp)."""
    buffer = io.BytesIO()
    with mpl.rc_context(RC):
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


class _DisplaysItself:
    """Mixin: the panel displays as its ``.widget`` with its repr as the text form."""

    widget: w.Widget

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        """Display the panel itself when the object is the last value in a cell, with a
        short, stable text form (for nbval) instead of the widget tree."""
        bundle = self.widget._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = repr(self)
        return bundle


class FilterPanel(_DisplaysItself):
    """Filter articles (and their matches and events) by month, event type, speaker
    group, tag and free text; ``.widget`` is the panel, ``.filtered()`` the selection.

    A multi-select with every option selected does not filter; a subset keeps the
    articles with at least one selected match (or event) and only those rows; nothing
    selected leaves nothing. ``reset()`` (the Reset button) restores everything.

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles frame: ``article_id``, ``date`` (datetimes), ``title``, ``source``,
        ``text``.
    matches : pandas.DataFrame or None, default None
        ``ak.tag``'s matches of the articles (``article_id``, ``speaker_group``, ``tag``);
        None: no speaker-group or tag filter applies.
    events : pandas.DataFrame or None, default None
        ``ak.extract_events``' events of the articles (``article_id``, ``event_type``);
        None: no event-type filter applies.
    max_rows : int, default 50
        The most articles listed in the results table.

    Raises
    ------
    ValueError
        A frame lacks a column it needs.
    TypeError
        A frame is not a DataFrame, or the articles' ``date`` does not hold datetimes.

    Examples
    --------
    Built without a display (in JupyterLab, the panel shows itself as a cell's value):

    >>> import analystkit as ak
    >>> articles = ak.load_articles(ak.SEEDS_DIR)
    >>> panel = ak.FilterPanel(articles, ak.tag(articles))
    >>> panel.tags.value = ("threat",)
    >>> panel.filtered()[0]["article_id"].tolist()
    ['e603d5677073ee2d']
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        matches: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
        *,
        max_rows: int = 50,
    ) -> None:
        require_columns(articles, ("article_id", "date", "title", "source", "text"), "articles")
        require_dates(articles, "date", "articles")
        self._articles = articles.reset_index(drop=True)
        self._matches = (
            pd.DataFrame(columns=list(MATCH_COLUMNS))
            if matches is None
            else matches.reset_index(drop=True)
        )
        self._events = (
            pd.DataFrame(columns=list(EVENT_COLUMNS))
            if events is None
            else events.reset_index(drop=True)
        )
        require_columns(self._matches, ("article_id", "speaker_group", "tag"), "matches")
        require_columns(self._events, ("article_id", "event_type"), "events")
        self.max_rows = max_rows
        self._has_matches, self._has_events = matches is not None, events is not None
        self._prepare()
        self._build_controls()
        self._build_chart()
        self._search_cache: tuple[str, np.ndarray] = ("", np.ones(len(self._articles), bool))
        self.results = w.HTML()
        self.results.add_class("ak-results")
        self.chart = w.Image(format="png")
        self.chart.add_class("ak-chart")
        self.widget = w.VBox(
            [
                w.HBox([self.date_range, self.search, self.reset_button]),
                w.HBox([self.event_types, self.speaker_groups, self.tags]),
                self.results,
                self.chart,
            ]
        )
        self.widget.add_class("ak-filter-panel")
        for control in (
            self.date_range,
            self.event_types,
            self.speaker_groups,
            self.tags,
            self.search,
        ):
            control.observe(self._refresh, names="value")
        self._refresh()

    # --- precomputation (once) -----------------------------------------------------
    def _prepare(self) -> None:
        a = self._articles
        dated = a["date"].notna().to_numpy()
        self._month_code = _month_codes(a["date"])
        self._months = (
            list(pd.period_range(a["date"].min(), a["date"].max(), freq="M")) if dated.any() else []
        )
        self._first_month = self._months[0].ordinal if self._months else 0
        self._haystack = (a["title"].fillna("") + "\n" + a["text"].fillna("")).str.lower()
        index = pd.Index(a["article_id"])
        m, e = self._matches, self._events
        self._m_pos = _positions(m, index, "matches")
        self._e_pos = _positions(e, index, "events")
        self._m_group = m["speaker_group"].astype("string").fillna(NO_VALUE).to_numpy(str)
        self._m_tag = m["tag"].astype("string").fillna(NO_VALUE).to_numpy(str)
        self._e_type = e["event_type"].astype("string").fillna(NO_VALUE).to_numpy(str)
        n = len(a)
        self._n_matches = np.bincount(self._m_pos, minlength=n)
        self._n_events = np.bincount(self._e_pos, minlength=n)
        self._all_per_month = self._per_month(np.ones(n, bool))

    def _per_month(self, keep: np.ndarray) -> np.ndarray:
        """Number of kept, dated articles in each month of the slider."""
        codes = self._month_code[keep & (self._month_code >= 0)] - self._first_month
        return np.bincount(codes, minlength=len(self._months))

    def _build_controls(self) -> None:
        options = [(f"{p:%Y-%m}", p.ordinal) for p in self._months] or [("no articles", 0)]
        self.date_range = _month_slider(options, bool(self._months))
        self.event_types = _multi_select(
            _ordered(self._e_type, EVENT_TYPES), "Event types", self._has_events
        )
        self.speaker_groups = _multi_select(
            _ordered(self._m_group, SPEAKER_GROUPS), "Speakers", self._has_matches
        )
        self.tags = _multi_select(_ordered(self._m_tag, RHETORIC_TAGS), "Tags", self._has_matches)
        self.search = w.Text(
            description="Search",
            placeholder="words in title or text",
            style=STYLE,
            layout=w.Layout(width="30%"),
        )
        self.reset_button = _reset_button(self.reset)

    # --- filtering ---------------------------------------------------------------------
    def reset(self) -> None:
        """Select everything again: full month range, all options, empty search."""
        with self.widget.hold_sync():
            self.date_range.index = (0, len(self.date_range.options) - 1)
            for control in (self.event_types, self.speaker_groups, self.tags):
                control.value = tuple(control.options)
            self.search.value = ""
        self._refresh()

    def _search_mask(self) -> np.ndarray:
        term = self.search.value.strip().lower()
        if term != self._search_cache[0]:
            mask = (
                self._haystack.str.contains(term, regex=False).to_numpy(bool)
                if term
                else np.ones(len(self._articles), bool)
            )
            self._search_cache = (term, mask)
        return self._search_cache[1]

    def _masks(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Boolean masks over articles, matches and events for the current controls."""
        keep = self._search_mask().copy()
        if self.date_range.index != (0, len(self.date_range.options) - 1):
            lo, hi = self.date_range.value  # a narrowed range leaves undated articles out
            keep &= (self._month_code >= lo) & (self._month_code <= hi)
        m_keep = np.ones(len(self._m_pos), bool)
        e_keep = np.ones(len(self._e_pos), bool)
        groups, tags = self.speaker_groups, self.tags
        if self._has_matches and (
            len(groups.value) < len(groups.options) or len(tags.value) < len(tags.options)
        ):
            m_keep = np.isin(self._m_group, groups.value) & np.isin(self._m_tag, tags.value)
            keep &= np.bincount(self._m_pos[m_keep], minlength=len(keep)) > 0
        types = self.event_types
        if self._has_events and len(types.value) < len(types.options):
            e_keep = np.isin(self._e_type, types.value)
            keep &= np.bincount(self._e_pos[e_keep], minlength=len(keep)) > 0
        return keep, m_keep & keep[self._m_pos], e_keep & keep[self._e_pos]

    def filtered(self) -> Filtered:
        """The current selection as (articles, matches, events) frames."""
        keep, m_keep, e_keep = self._masks()
        return Filtered(
            self._articles[keep].reset_index(drop=True),
            self._matches[m_keep].reset_index(drop=True),
            self._events[e_keep].reset_index(drop=True),
        )

    # --- drawing ---------------------------------------------------------------------
    def _refresh(self, _change: object = None) -> None:
        keep, m_keep, e_keep = self._masks()
        self.results.value = self._results_html(keep, m_keep, e_keep)
        self.chart.value = self._chart_png(keep)

    def _results_html(self, keep: np.ndarray, m_keep: np.ndarray, e_keep: np.ndarray) -> str:
        n, m, k = int(keep.sum()), int(m_keep.sum()), int(e_keep.sum())
        summary = (
            f'<div class="ak-summary"><b>{n:,} articles · {m:,} matches · '
            f"{k:,} events</b> (of {len(keep):,} articles)</div>"
        )
        if n == 0:
            return summary + (
                '<p class="ak-empty">Nothing matches these filters. Widen the '
                "month range, select more options, clear the search, or press "
                "Reset.</p>"
            )
        rows = np.flatnonzero(keep)[: self.max_rows]
        a = self._articles.iloc[rows]
        m_counts = np.bincount(self._m_pos[m_keep], minlength=len(keep))[rows]
        e_counts = np.bincount(self._e_pos[e_keep], minlength=len(keep))[rows]
        table = pd.DataFrame(
            {
                "date": a["date"].dt.strftime("%Y-%m-%d").to_numpy(),
                "title": a["title"]
                .fillna("")
                .where(a["title"].fillna("") != "", "(untitled)")
                .to_numpy(),
                "source": a["source"].fillna("").to_numpy(),
                "matches": m_counts,
                "events": e_counts,
                "excerpt": [self._snippet(t) for t in a["text"].fillna("")],
            }
        )
        more = (
            f'<p class="ak-more">Showing the first {len(rows):,} of {n:,}; narrow the '
            "filters or use .filtered() for all.</p>"
            if n > len(rows)
            else ""
        )
        return (
            summary + table.to_html(index=False, escape=True, border=0, classes="ak-table") + more
        )

    def _snippet(self, text: str) -> str:
        """About SNIPPET_CHARS characters of text around the search term (or its start)."""
        term = self.search.value.strip().lower()
        at = text.lower().find(term) if term else -1
        lo = max(0, at - SNIPPET_CHARS // 2) if at >= 0 else 0
        piece = " ".join(text[lo : lo + SNIPPET_CHARS].split())
        return ("…" if lo else "") + piece + ("…" if lo + SNIPPET_CHARS < len(text) else "")

    def _build_chart(self) -> None:
        """The small chart, built once: articles per month, all (grey) and selected."""
        with mpl.rc_context(RC):
            self._fig = Figure(figsize=(7, 1.6))
            FigureCanvasAgg(self._fig)
            self._fig.subplots_adjust(left=0.07, right=0.99, top=0.84, bottom=0.2)
            ax = self._fig.add_subplot()
            edges = np.arange(len(self._months) + 1) - 0.5
            ax.stairs(self._all_per_month, edges, fill=True, color="#D9D9D9")
            self._selected = ax.stairs(
                self._all_per_month, edges, fill=True, color=OKABE_ITO["blue"]
            )
            x = np.arange(len(self._months))
            step = max(1, len(x) // 8)
            ax.set_xticks(x[::step], [f"{p:%Y-%m}" for p in self._months[::step]])
            ax.set_xlim(edges[0], max(edges[-1], 0.5))
            ax.set_ylim(0, max(int(self._all_per_month.max(initial=0)), 1) * 1.1)
            ax.tick_params(labelsize=7)
            ax.set_title(
                "Articles per month: selected (blue) of all (grey)",
                fontsize=8,
                fontweight="normal",
                loc="left",
            )

    def _chart_png(self, keep: np.ndarray) -> bytes:
        """The small chart for the current selection, as PNG bytes."""
        self._selected.set_data(self._per_month(keep))
        return _png_bytes(self._fig, dpi=100)

    def __repr__(self) -> str:
        f = self.filtered()
        return (
            f"FilterPanel({len(f.articles)} of {len(self._articles)} articles, "
            f"{len(f.matches)} matches, {len(f.events)} events)"
        )


ADMINISTRATION_KIND = "term"  # drawn as shading, not offered as a milestone kind
WIDGET_DPI = 80  # the 14 x 6 in chart as a 1120 px wide image in the notebook
CACHED_IMAGES = 16  # recent selections' PNGs (~90 kB each): going back is instant


class Chronology(NamedTuple):
    """What the chronology chart shows: counted launch days and milestones."""

    chronology: pd.DataFrame
    milestones: pd.DataFrame


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


class ChronologyPanel(_DisplaysItself):
    """The 2018-2025 chronology chart with filters and a briefing export.

    Controls: ``date_range`` (months from ``start`` to ``end``), ``missile_classes`` (the
    chart's lane rows present: missile classes and satellite launches, all selected),
    ``milestone_kinds`` (every kind but the administration terms; ``milestone_kinds``
    selected at first), ``reset_button``; ``export_path`` and ``save_button`` write PNG
    and SVG via ``save_figure`` and say what was written in ``export_status``.
    ``.filtered()`` is the selection, ``.figure()`` its chart; the chart image and the
    ``.ak-results`` summary line follow every change. Launch days are the chronology's
    counted launch events (one per KST calendar day), as in the chart.

    Parameters
    ----------
    chronology : pandas.DataFrame
        The launch chronology: ``date``, ``event_type``, ``missile_class``, ``counted``.
    milestones : pandas.DataFrame
        The milestones: ``date`` (datetimes), ``kind``, ``label``.
    highlight : pandas.DataFrame or None, default None
        Events to ring on the chart, as ``chronology_chart`` takes them.
    start, end : str or pandas.Timestamp, default "2018-01-01", "2025-12-31"
        The span the panel covers; `end` must be after `start`.
    milestone_kinds : sequence of str, default ("summit", "meeting", "talks")
        The milestone kinds selected at first.
    export_path : str, default "briefing/chronology"
        The initial file name (without suffix) of the briefing export.

    Raises
    ------
    ValueError
        `end` is not after `start`, or a frame lacks a column it needs.
    TypeError
        A frame is not a DataFrame, or the milestones' ``date`` does not hold datetimes.

    Examples
    --------
    Built without a display (in JupyterLab, the panel shows itself as a cell's value):

    >>> import analystkit as ak
    >>> panel = ak.ChronologyPanel(ak.load_chronology(), ak.load_milestones())
    >>> type(panel.figure()).__name__
    'Figure'
    """

    def __init__(
        self,
        chronology: pd.DataFrame,
        milestones: pd.DataFrame,
        highlight: pd.DataFrame | None = None,
        *,
        start: str | pd.Timestamp = "2018-01-01",
        end: str | pd.Timestamp = "2025-12-31",
        milestone_kinds: Sequence[str] = ("summit", "meeting", "talks"),
        export_path: str = "briefing/chronology",
    ) -> None:
        require_columns(milestones, ("date", "kind", "label"), "milestones")
        require_dates(milestones, "date", "milestones")
        self.start, self.end = pd.Timestamp(start), pd.Timestamp(end)
        if self.end <= self.start:
            raise ValueError(f"end ({self.end.date()}) must be after start ({self.start.date()})")
        self._milestones = milestones
        self._prepare(chronology, milestones, highlight)
        self._default_kinds = tuple(k for k in milestone_kinds if k in self._kind_options)
        self._build_controls(export_path)
        self.results = w.HTML()
        self.results.add_class("ak-results")
        self.chart = w.Image(format="png", layout=w.Layout(width="100%"))
        self.chart.add_class("ak-chart")
        self.export_status = w.HTML()
        self.export_status.add_class("ak-export-status")
        self.widget = w.VBox(
            [
                w.HBox([self.date_range, self.reset_button]),
                w.HBox([self.missile_classes, self.milestone_kinds]),
                self.results,
                self.chart,
                w.HBox([self.export_path, self.save_button]),
                self.export_status,
            ]
        )
        self.widget.add_class("ak-chronology-panel")
        self._paused = False
        self._images: OrderedDict[tuple, bytes] = OrderedDict()
        for control in (self.date_range, self.missile_classes, self.milestone_kinds):
            control.observe(self._refresh, names="value")
        self._refresh()

    # --- precomputation (once) -----------------------------------------------------
    def _prepare(
        self, chronology: pd.DataFrame, milestones: pd.DataFrame, highlight: pd.DataFrame | None
    ) -> None:
        first = self.start.to_period("M").ordinal
        self._months = pd.date_range(self.start.to_period("M").to_timestamp(), self.end, freq="MS")
        launches = _counted_launches(chronology, self.start, self.end)
        self._launches = launches.drop(columns="lane").reset_index(drop=True)
        self._l_lane = launches["lane"].to_numpy(str)
        self._l_month = _month_codes(launches["date"]) - first
        shown = milestones[
            (milestones["kind"] != ADMINISTRATION_KIND)
            & milestones["date"].between(self.start, self.end)
        ]
        self._shown_milestones = shown.reset_index(drop=True)
        self._m_kind = shown["kind"].astype("string").fillna(NO_VALUE).to_numpy(str)
        self._m_month = _month_codes(shown["date"]) - first
        self._kind_options = _ordered(
            milestones.loc[milestones["kind"] != ADMINISTRATION_KIND, "kind"]
            .astype("string")
            .fillna(NO_VALUE)
            .to_numpy(str),
            MILESTONE_KINDS,
        )
        self._highlight = _highlight_rows(highlight, self.start, self.end)
        self._h_month = _month_codes(self._highlight["date"]) - first
        present = set(self._l_lane) | set(self._highlight["lane"])
        self._lanes = [lane for lane in LANE_ORDER if lane in present]

    def _build_controls(self, export_path: str) -> None:
        self.date_range = _month_slider([(f"{m:%Y-%m}", m) for m in self._months], True)
        self.missile_classes = _multi_select(
            [(CLASS_LABELS[lane], lane) for lane in self._lanes],
            "Missile classes",
            bool(self._lanes),
        )
        self.milestone_kinds = _multi_select(
            [(kind.capitalize(), kind) for kind in self._kind_options],
            "Milestones",
            bool(self._kind_options),
            value=self._default_kinds,
        )
        self.reset_button = _reset_button(self.reset)
        self.export_path = w.Text(
            value=export_path,
            description="Save to",
            placeholder="folder/name (.png and .svg are added)",
            style=STYLE,
            layout=w.Layout(width="45%"),
        )
        self.save_button = w.Button(
            description="Save PNG + SVG",
            icon="download",
            tooltip="write the chart as PNG and SVG for a briefing",
            layout=w.Layout(width="auto"),
        )
        self.save_button.on_click(lambda _: self._export())

    # --- filtering ---------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the first view: every month, every class, the default milestone kinds."""
        self._paused = True
        try:
            with self.widget.hold_sync():
                self.date_range.index = (0, len(self.date_range.options) - 1)
                self.missile_classes.value = tuple(v for _, v in self.missile_classes.options)
                self.milestone_kinds.value = self._default_kinds
        finally:
            self._paused = False
        self._refresh()

    def _span(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """First and last day of the selected months, within ``start`` .. ``end``."""
        lo, hi = self.date_range.value
        return max(lo, self.start), min(hi + pd.offsets.MonthEnd(0), self.end)

    def _masks(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Boolean masks over the launch days, milestones and highlighted events."""
        i, j = self.date_range.index
        lanes, kinds = self.missile_classes.value, self.milestone_kinds.value
        launch = (self._l_month >= i) & (self._l_month <= j) & np.isin(self._l_lane, lanes)
        milestone = (self._m_month >= i) & (self._m_month <= j) & np.isin(self._m_kind, kinds)
        ringed = (
            (self._h_month >= i)
            & (self._h_month <= j)
            & np.isin(self._highlight["lane"].to_numpy(str), lanes)
        )
        return launch, milestone, ringed

    def filtered(self) -> Chronology:
        """The counted launch days (chronology rows) and the milestones now shown."""
        launch, milestone, _ = self._masks()
        return Chronology(
            self._launches[launch].reset_index(drop=True),
            self._shown_milestones[milestone].reset_index(drop=True),
        )

    def figure(self) -> Figure:
        """The chronology chart for the current selection (a new Figure)."""
        launch, _, ringed = self._masks()
        lo, hi = self._span()
        hl = self._highlight[ringed]
        satellite = (hl["lane"] == SATELLITE).to_numpy()
        highlight = pd.DataFrame(
            {  # back to events form: the chart assigns the lanes again
                "date": hl["date"].to_numpy(),
                "event_type": np.where(satellite, "satellite_launch", "missile_launch"),
                "missile_class": np.where(satellite, None, hl["lane"].to_numpy(object)),
            }
        )
        return chronology_chart(
            self._launches[launch],
            self._milestones,
            lo,
            hi,
            highlight=highlight,
            milestone_kinds=tuple(self.milestone_kinds.value),
        )

    # --- drawing and export ------------------------------------------------------------
    def _refresh(self, _change: object = None) -> None:
        if self._paused:
            return
        self.results.value = self._summary_html()
        self.chart.value = self._image()

    def _image(self) -> bytes:
        """The chart for the current selection as PNG bytes, from the cache if drawn
        recently (the key is the selection as sets, so option order does not matter)."""
        key = (
            self.date_range.index,
            frozenset(self.missile_classes.value),
            frozenset(self.milestone_kinds.value),
        )
        if key not in self._images:
            fig = self.figure()
            self._images[key] = _png_bytes(fig, dpi=WIDGET_DPI)
            fig.clear()  # drop the artists now; the figure is not kept anywhere
            while len(self._images) > CACHED_IMAGES:
                self._images.popitem(last=False)
        self._images.move_to_end(key)
        return self._images[key]

    def _summary(self, sep: str = " · ") -> str:
        """ "118 launch days · 20 milestones · 2018-01 – 2025-12" for the selection."""
        launch, milestone, _ = self._masks()
        lo, hi = self.date_range.value
        return sep.join(
            (
                _plural(int(launch.sum()), "launch day"),
                _plural(int(milestone.sum()), "milestone"),
                f"{lo:%Y-%m} – {hi:%Y-%m}",
            )
        )

    def _summary_html(self) -> str:
        launch, milestone, _ = self._masks()
        html_text = f'<div class="ak-summary"><b>{html.escape(self._summary())}</b></div>'
        if not launch.any() and not milestone.any():
            html_text += (
                '<p class="ak-empty">Nothing to chart: select at least one '
                "missile class or milestone kind, widen the months, or press "
                "Reset.</p>"
            )
        return html_text

    def save(self, path: str | Path | None = None) -> tuple[Path, Path]:
        """Write the current chart as PNG and SVG (``path`` or the export box's path)."""
        target = str(self.export_path.value if path is None else path).strip()
        if not target:
            raise ValueError("no file path to save to: type one, e.g. briefing/chronology")
        fig = self.figure()
        try:
            return save_figure(fig, target)
        finally:
            fig.clear()

    def _export(self) -> None:
        """The Save button: save, and say what was written or why it could not be."""
        try:
            png, svg = self.save()
        except (OSError, ValueError) as error:
            self.export_status.value = (
                f'<span class="ak-error">Not saved: {html.escape(str(error))}</span>'
            )
        else:
            self.export_status.value = f"Saved {html.escape(str(png))} and {html.escape(str(svg))}"

    def __repr__(self) -> str:
        return f"ChronologyPanel({self._summary(sep=', ')})"
