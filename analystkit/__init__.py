"""analystkit: load and tag articles on North Korea into pandas frames, count launch
events, check claims against a curated 2018-2025 chronology, and chart it.

The public API, re-exported from small modules (see the data flow in README.md). The
charts, the widgets and the reference loaders load on first use, so batch work that only
loads, tags and counts never imports matplotlib, ipywidgets or pandera."""

from importlib import import_module
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from analystkit.claims import check_claims
from analystkit.corpus import ArticleLoadError, load_articles, save_articles
from analystkit.counts import count_events, event_ordinal
from analystkit.dedupe import dedupe_events
from analystkit.event_rules import EventRules, load_event_rules
from analystkit.event_study import event_study
from analystkit.events import extract_events
from analystkit.fetch import CorpusFetchError, fetch_corpus
from analystkit.lexicon import Lexicon, LexiconError, load_lexicon
from analystkit.linking import link_events
from analystkit.load_registry import LoadReport, load_report
from analystkit.paths import LEXICON_PATH, REFERENCE_DIR, SEEDS_DIR
from analystkit.sentence_table import sentences
from analystkit.tagging import kwic, tag, tag_counts
from analystkit.timeline import resample_timeline, rhetoric_timeline

try:
    __version__ = _version("analystkit")  # pyproject.toml's [project] version
except PackageNotFoundError:  # not installed (the source folder on sys.path)
    __version__ = "unknown"

_ON_FIRST_USE = {
    "analystkit.reference": (
        "load_chronology",
        "load_milestones",
        "load_nuclear_tests",
        "load_cns_database",
        "ReferenceDataError",
    ),
    "analystkit.charts": ("chronology_chart", "plot_counts", "plot_rhetoric", "save_figure"),
    "analystkit.widgets": ("FilterPanel", "ChronologyPanel"),
    "analystkit.timeline_chart": ("plot_rhetoric_timeline",),
    "analystkit.accuracy": ("load_accuracy", "accuracy_note"),
    "analystkit.kcna_rhetoric": (
        "load_kcna_rhetoric",
        "kcna_rhetoric_stamp",
        "lexicon_fingerprint",
    ),
}
_MODULE_OF = {name: module for module, names in _ON_FIRST_USE.items() for name in names}

__all__ = [
    "SEEDS_DIR",
    "LEXICON_PATH",
    "REFERENCE_DIR",
    "load_articles",
    "save_articles",
    "ArticleLoadError",
    "load_report",
    "LoadReport",
    "Lexicon",
    "load_lexicon",
    "LexiconError",
    "sentences",
    "tag",
    "tag_counts",
    "kwic",
    "extract_events",
    "load_event_rules",
    "EventRules",
    "dedupe_events",
    "link_events",
    "count_events",
    "event_ordinal",
    "check_claims",
    "rhetoric_timeline",
    "resample_timeline",
    "event_study",
    "fetch_corpus",
    "CorpusFetchError",
    *_MODULE_OF,
]


def __getattr__(name: str):
    """Import a chart, widget or reference-loader module the first time it is asked for."""
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'analystkit' has no attribute {name!r}")
    value = getattr(import_module(_MODULE_OF[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
