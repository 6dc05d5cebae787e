"""FilterPanel: ipywidgets controls that narrow articles, matches and events together.

All the per-article work (month keys, lower-cased text, which article each match and
event belongs to) is done once in ``__init__``; a redraw is a few vectorised masks, an
escaped HTML table and a small PNG bar chart.
"""
from __future__ import annotations

import io
from typing import NamedTuple

import ipywidgets as w
import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analystkit.charts import OKABE_ITO, RC, RHETORIC_TAGS, SPEAKER_GROUPS

__all__ = ["FilterPanel", "Filtered"]

EVENT_TYPES = ("missile_launch", "satellite_launch", "nuclear_test", "summit", "talks",
               "military_exercise", "sanctions")
MATCH_COLUMNS = ("article_id", "sentence_id", "start", "end", "matched", "category", "tag",
                 "pattern", "speaker_group", "negated")
EVENT_COLUMNS = ("event_id", "article_id", "sentence_id", "date", "date_precision",
                 "event_type", "missile_class", "actor", "historical", "evidence")
NO_VALUE = "(none)"
SNIPPET_CHARS = 90


class Filtered(NamedTuple):
    """The frames left after filtering."""
    articles: pd.DataFrame
    matches: pd.DataFrame
    events: pd.DataFrame


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {missing}; has {list(frame.columns)}")


def _ordered(values: np.ndarray, vocabulary: tuple[str, ...]) -> list[str]:
    """Distinct values: vocabulary order first, then any others alphabetically."""
    present = set(np.unique(values).tolist())
    return [v for v in vocabulary if v in present] + sorted(present - set(vocabulary))


def _positions(frame: pd.DataFrame, index: pd.Index, name: str) -> np.ndarray:
    """Row position in articles of each row's article_id; unknown ids are an error."""
    pos = index.get_indexer(frame["article_id"])
    if (pos < 0).any():
        unknown = sorted(set(frame["article_id"][pos < 0]))
        raise ValueError(f"{len(unknown)} article_id(s) in {name} are not in articles, "
                         f"e.g. {unknown[:3]}")
    return pos


class FilterPanel:
    """Filter articles (and their matches and events) by month, event type, speaker
    group, tag and free text; ``.widget`` is the panel, ``.filtered()`` the selection.

    A multi-select with every option selected does not filter; a subset keeps the
    articles with at least one selected match (or event) and only those rows; nothing
    selected leaves nothing. ``reset()`` (the Reset button) restores everything.
    """

    def __init__(self, articles: pd.DataFrame, matches: pd.DataFrame | None = None,
                 events: pd.DataFrame | None = None, *, max_rows: int = 50) -> None:
        _require(articles, ("article_id", "date", "title", "source", "text"), "articles")
        self._articles = articles.reset_index(drop=True)
        self._matches = (pd.DataFrame(columns=list(MATCH_COLUMNS)) if matches is None
                         else matches.reset_index(drop=True))
        self._events = (pd.DataFrame(columns=list(EVENT_COLUMNS)) if events is None
                        else events.reset_index(drop=True))
        _require(self._matches, ("article_id", "speaker_group", "tag"), "matches")
        _require(self._events, ("article_id", "event_type"), "events")
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
        self.widget = w.VBox([
            w.HBox([self.date_range, self.search, self.reset_button]),
            w.HBox([self.event_types, self.speaker_groups, self.tags]),
            self.results, self.chart])
        self.widget.add_class("ak-filter-panel")
        for control in (self.date_range, self.event_types, self.speaker_groups, self.tags,
                        self.search):
            control.observe(self._refresh, names="value")
        self._refresh()

    # --- precomputation (once) -----------------------------------------------------
    def _prepare(self) -> None:
        a = self._articles
        dated = a["date"].notna().to_numpy()
        # month ordinal as pandas numbers monthly periods (months since 1970-01); -1 undated
        code = (a["date"].dt.year - 1970) * 12 + a["date"].dt.month - 1
        self._month_code = code.fillna(-1).to_numpy(dtype=np.int64)
        self._months = (list(pd.period_range(a["date"].min(), a["date"].max(), freq="M"))
                        if dated.any() else [])
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
        style = {"description_width": "initial"}
        options = [(f"{p:%Y-%m}", p.ordinal) for p in self._months] or [("no articles", 0)]
        self.date_range = w.SelectionRangeSlider(
            options=options, index=(0, len(options) - 1), description="Months",
            disabled=not self._months, continuous_update=False, style=style,
            layout=w.Layout(width="55%"))

        def multi(values: list[str], label: str, present: bool) -> w.SelectMultiple:
            return w.SelectMultiple(options=values, value=tuple(values), description=label,
                                    rows=min(max(len(values), 2), 7), disabled=not present,
                                    style=style, layout=w.Layout(width="32%"))
        self.event_types = multi(_ordered(self._e_type, EVENT_TYPES),
                                 "Event types", self._has_events)
        self.speaker_groups = multi(_ordered(self._m_group, SPEAKER_GROUPS),
                                    "Speakers", self._has_matches)
        self.tags = multi(_ordered(self._m_tag, RHETORIC_TAGS), "Tags",
                          self._has_matches)
        self.search = w.Text(description="Search", placeholder="words in title or text",
                             style=style, layout=w.Layout(width="30%"))
        self.reset_button = w.Button(description="Reset", tooltip="clear every filter",
                                     layout=w.Layout(width="auto"))
        self.reset_button.on_click(lambda _: self.reset())

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
            mask = (self._haystack.str.contains(term, regex=False).to_numpy(bool) if term
                    else np.ones(len(self._articles), bool))
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
        if self._has_matches and (len(groups.value) < len(groups.options)
                                  or len(tags.value) < len(tags.options)):
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
        return Filtered(self._articles[keep].reset_index(drop=True),
                        self._matches[m_keep].reset_index(drop=True),
                        self._events[e_keep].reset_index(drop=True))

    # --- drawing ---------------------------------------------------------------------
    def _refresh(self, _change: object = None) -> None:
        keep, m_keep, e_keep = self._masks()
        self.results.value = self._results_html(keep, m_keep, e_keep)
        self.chart.value = self._chart_png(keep)

    def _results_html(self, keep: np.ndarray, m_keep: np.ndarray, e_keep: np.ndarray) -> str:
        n, m, k = int(keep.sum()), int(m_keep.sum()), int(e_keep.sum())
        summary = (f'<div class="ak-summary"><b>{n:,} articles · {m:,} matches · '
                   f"{k:,} events</b> (of {len(keep):,} articles)</div>")
        if n == 0:
            return summary + ('<p class="ak-empty">Nothing matches these filters. Widen the '
                              "month range, select more options, clear the search, or press "
                              "Reset.</p>")
        rows = np.flatnonzero(keep)[: self.max_rows]
        a = self._articles.iloc[rows]
        m_counts = np.bincount(self._m_pos[m_keep], minlength=len(keep))[rows]
        e_counts = np.bincount(self._e_pos[e_keep], minlength=len(keep))[rows]
        table = pd.DataFrame({
            "date": a["date"].dt.strftime("%Y-%m-%d").to_numpy(),
            "title": a["title"].fillna("").where(a["title"].fillna("") != "",
                                                 "(untitled)").to_numpy(),
            "source": a["source"].fillna("").to_numpy(),
            "matches": m_counts, "events": e_counts,
            "excerpt": [self._snippet(t) for t in a["text"].fillna("")]})
        more = (f'<p class="ak-more">Showing the first {len(rows):,} of {n:,}; narrow the '
                "filters or use .filtered() for all.</p>" if n > len(rows) else "")
        return summary + table.to_html(index=False, escape=True, border=0,
                                       classes="ak-table") + more

    def _snippet(self, text: str) -> str:
        """About SNIPPET_CHARS characters of text around the search term (or its start)."""
        term = self.search.value.strip().lower()
        at = text.lower().find(term) if term else -1
        lo = max(0, at - SNIPPET_CHARS // 2) if at >= 0 else 0
        piece = " ".join(text[lo: lo + SNIPPET_CHARS].split())
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
            self._selected = ax.stairs(self._all_per_month, edges, fill=True,
                                       color=OKABE_ITO["blue"])
            x = np.arange(len(self._months))
            step = max(1, len(x) // 8)
            ax.set_xticks(x[::step], [f"{p:%Y-%m}" for p in self._months[::step]])
            ax.set_xlim(edges[0], max(edges[-1], 0.5))
            ax.set_ylim(0, max(int(self._all_per_month.max(initial=0)), 1) * 1.1)
            ax.tick_params(labelsize=7)
            ax.set_title("Articles per month: selected (blue) of all (grey)", fontsize=8,
                         fontweight="normal", loc="left")

    def _chart_png(self, keep: np.ndarray) -> bytes:
        """The small chart for the current selection, as PNG bytes."""
        self._selected.set_data(self._per_month(keep))
        buffer = io.BytesIO()
        with mpl.rc_context(RC):
            self._fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        """Display the panel itself when the object is the last value in a cell, with a
        short, stable text form (for nbval) instead of the widget tree."""
        bundle = self.widget._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        f = self.filtered()
        return (f"FilterPanel({len(f.articles)} of {len(self._articles)} articles, "
                f"{len(f.matches)} matches, {len(f.events)} events)")

