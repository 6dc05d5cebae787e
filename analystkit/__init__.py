"""analystkit: load and tag articles on North Korea into pandas frames, count launch
events, check claims against a curated 2018-2025 chronology, and chart it.

The public API, re-exported from small modules (see DESIGN in README.md)."""
from analystkit.paths import LEXICON_PATH, REFERENCE_DIR, SEEDS_DIR
from analystkit.corpus import ArticleLoadError, load_articles, save_articles
from analystkit.lexicon import Lexicon, LexiconError, load_lexicon
from analystkit.sentences import sentences
from analystkit.tagging import kwic, tag, tag_counts
from analystkit.events import dedupe_events, extract_events
from analystkit.counts import count_events, event_ordinal
from analystkit.claims import check_claims
from analystkit.reference import (
    ReferenceDataError,
    load_chronology,
    load_cns_database,
    load_milestones,
)
from analystkit.charts import chronology_chart, plot_counts, plot_rhetoric, save_figure
from analystkit.widgets import ChronologyPanel, FilterPanel

__all__ = [
    "SEEDS_DIR", "LEXICON_PATH", "REFERENCE_DIR",
    "load_articles", "save_articles", "ArticleLoadError",
    "Lexicon", "load_lexicon", "LexiconError",
    "sentences",
    "tag", "tag_counts", "kwic",
    "extract_events", "dedupe_events", "count_events", "event_ordinal", "check_claims",
    "load_chronology", "load_milestones", "load_cns_database", "ReferenceDataError",
    "chronology_chart", "plot_counts", "plot_rhetoric", "save_figure",
    "FilterPanel", "ChronologyPanel",
]
