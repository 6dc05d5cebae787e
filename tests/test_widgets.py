"""FilterPanel, driven without a browser: set control values, read frames and the HTML.

The small corpus here is synthetic: written by the analystkit project for these tests,
not news; its matches and events are made up to exercise each filter.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analystkit as ak

SYNTHETIC = "Synthetic test text written by the analystkit project."


@pytest.fixture()
def corpus() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4"],
            "date": pd.to_datetime(["2022-01-10", "2022-03-05", "2022-03-20", "2023-07-01"]),
            "title": ["Launch report", "Talks report", "<b>Markup</b> title", "Quiet month"],
            "source": "analystkit tests",
            "url": "",
            "path": "",
            "text": [
                f"{SYNTHETIC} KCNA said a missile was launched.",
                f"{SYNTHETIC} Envoys met for talks.",
                f"{SYNTHETIC} <script>alert('x')</script> & a launch",
                f"{SYNTHETIC} Nothing happened.",
            ],
        }
    )
    matches = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3", "a3"],
            "sentence_id": [0, 1, 0, 0, 1],
            "start": 0,
            "end": 1,
            "matched": "x",
            "category": ["rhetoric", "weapon", "rhetoric", "rhetoric", "event"],
            "tag": ["threat", "missile", "diplomatic_outreach", "threat", "launch"],
            "pattern": "x",
            "speaker_group": ["dprk_state", "media", "us_gov", "dprk_state", "media"],
            "negated": False,
        }
    )
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "article_id": ["a1", "a2", "a3"],
            "sentence_id": 0,
            "date": pd.to_datetime(["2022-01-09", "2022-03-04", "2022-03-19"]),
            "date_precision": "day",
            "event_type": ["missile_launch", "talks", "missile_launch"],
            "missile_class": ["srbm", None, "cruise"],
            "actor": "synthetic",
            "historical": False,
            "evidence": "synthetic",
        }
    )
    return articles, matches, events


@pytest.fixture()
def panel(corpus) -> ak.FilterPanel:
    return ak.FilterPanel(*corpus)


def _ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["article_id"])


def test_full_selection_keeps_everything(panel, corpus):
    articles, matches, events = panel.filtered()
    assert (len(articles), len(matches), len(events)) == tuple(len(f) for f in corpus)
    assert "4 articles · 5 matches · 3 events" in panel.results.value


def test_month_range_filters_articles_and_their_rows(panel):
    months = [label for label, _ in panel.date_range.options]
    assert months[0] == "2022-01" and months[-1] == "2023-07" and len(months) == 19
    panel.date_range.index = (months.index("2022-03"), months.index("2022-03"))
    articles, matches, events = panel.filtered()
    assert _ids(articles) == ["a2", "a3"]
    assert set(matches["article_id"]) == {"a2", "a3"} and len(events) == 2
    assert "2 articles · 3 matches · 2 events" in panel.results.value


def test_event_types_subset_empty_and_restored(panel):
    assert panel.event_types.options == ("missile_launch", "talks")
    panel.event_types.value = ("talks",)
    articles, _, events = panel.filtered()
    assert _ids(articles) == ["a2"] and list(events["event_type"]) == ["talks"]
    panel.event_types.value = ()
    articles, matches, events = panel.filtered()
    assert len(articles) == len(matches) == len(events) == 0
    assert "ak-empty" in panel.results.value and "0 articles" in panel.results.value
    panel.event_types.value = panel.event_types.options  # selecting all again restores
    assert len(panel.filtered().articles) == 4


def test_speaker_groups_keep_articles_with_a_match_by_that_group(panel):
    assert panel.speaker_groups.options == ("dprk_state", "us_gov", "media")
    panel.speaker_groups.value = ("dprk_state",)
    articles, matches, _ = panel.filtered()
    assert _ids(articles) == ["a1", "a3"]
    assert set(matches["speaker_group"]) == {"dprk_state"} and len(matches) == 2


def test_tags_combine_with_speaker_groups(panel):
    panel.tags.value = ("threat", "diplomatic_outreach")
    assert _ids(panel.filtered().articles) == ["a1", "a2", "a3"]
    panel.speaker_groups.value = ("us_gov",)
    articles, matches, events = panel.filtered()
    assert _ids(articles) == ["a2"] and list(matches["tag"]) == ["diplomatic_outreach"]
    assert list(events["event_id"]) == ["e2"]


def test_search_is_case_insensitive_and_clearing_restores(panel):
    panel.search.value = "kcna"
    assert _ids(panel.filtered().articles) == ["a1"]
    assert "1 articles · 2 matches · 1 events" in panel.results.value
    panel.search.value = "no such words"
    assert len(panel.filtered().articles) == 0 and "ak-empty" in panel.results.value
    panel.search.value = ""
    assert len(panel.filtered().articles) == 4


def test_reset_restores_every_control(panel):
    panel.search.value = "launch"
    panel.tags.value = ()
    panel.date_range.index = (0, 0)
    assert len(panel.filtered().articles) == 0
    panel.reset()
    assert len(panel.filtered().articles) == 4
    assert "4 articles · 5 matches · 3 events" in panel.results.value


def test_results_escape_article_text_and_titles(panel):
    html = panel.results.value
    assert "<script>" not in html and "<b>Markup</b>" not in html
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        or "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    )
    assert "&lt;b&gt;Markup&lt;/b&gt; title" in html


def test_widget_parts_and_css_hooks(panel):
    assert "ak-results" in panel.results._dom_classes
    children = panel.widget.children
    assert panel.results in children and panel.chart in children
    before = panel.chart.value
    assert before[:8] == b"\x89PNG\r\n\x1a\n"
    panel.search.value = "talks"
    assert panel.chart.value != before  # the chart follows the selection


def test_without_matches_or_events_the_other_filters_still_work(corpus):
    panel = ak.FilterPanel(corpus[0])
    assert panel.tags.disabled and panel.event_types.disabled
    panel.search.value = "envoys"
    articles, matches, events = panel.filtered()
    assert _ids(articles) == ["a2"] and matches.empty and events.empty


def test_unknown_article_ids_are_reported(corpus):
    articles, matches, events = corpus
    stray = pd.concat([matches, matches.iloc[[0]].assign(article_id="zz")])
    with pytest.raises(ValueError, match="not in articles"):
        ak.FilterPanel(articles, stray, events)


def test_seed_article_in_the_panel(seed_articles):
    panel = ak.FilterPanel(seed_articles)
    assert [label for label, _ in panel.date_range.options] == ["2025-02"]
    assert "1 articles · 0 matches · 0 events" in panel.results.value
    panel.search.value = "STRATEGIC CRUISE"
    assert "test-fired strategic cruise missiles" in panel.results.value
    assert len(panel.filtered().articles) == 1


def test_thousands_of_articles_filter_like_pandas():
    # Synthetic (written by this project for this test): 3,000 made-up articles.
    rng = np.random.default_rng(3)
    n = 3000
    articles = pd.DataFrame(
        {
            "article_id": [f"s{i:05d}" for i in range(n)],
            "date": pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 2900, n), "D"),
            "title": "synthetic",
            "source": "analystkit tests",
            "url": "",
            "path": "",
            "text": rng.choice([f"{SYNTHETIC} alpha", f"{SYNTHETIC} beta"], n),
        }
    )
    matches = pd.DataFrame(
        {
            "article_id": rng.choice(articles["article_id"], 4 * n),
            "sentence_id": 0,
            "start": 0,
            "end": 1,
            "matched": "x",
            "category": "rhetoric",
            "tag": rng.choice(["threat", "deterrence", "alignment"], 4 * n),
            "pattern": "x",
            "speaker_group": rng.choice(["dprk_state", "us_gov", "expert"], 4 * n),
            "negated": False,
        }
    )
    panel = ak.FilterPanel(articles, matches)
    panel.tags.value = ("deterrence",)
    panel.search.value = "beta"
    months = [p for _, p in panel.date_range.options]
    panel.date_range.index = (12, 35)  # 2019-01 .. 2020-12
    got = panel.filtered()
    code = (articles["date"].dt.year - 1970) * 12 + articles["date"].dt.month - 1
    with_tag = set(matches.loc[matches["tag"] == "deterrence", "article_id"])
    expected = articles[
        code.between(months[12], months[35])
        & articles["text"].str.endswith("beta")
        & articles["article_id"].isin(with_tag)
    ]
    assert _ids(got.articles) == list(expected["article_id"])
    assert set(got.matches["tag"]) == {"deterrence"}
    assert "Showing the first 50 of" in panel.results.value


def test_panel_displays_as_the_widget_with_a_stable_text_form(panel):
    bundle = panel._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == "FilterPanel(4 of 4 articles, 5 matches, 3 events)"


def test_seed_with_its_matches_and_events(seed_articles):
    matches, events = ak.tag(seed_articles), ak.extract_events(seed_articles)
    panel = ak.FilterPanel(seed_articles, matches, events)
    assert "missile_launch" in panel.event_types.options
    assert "dprk_state" in panel.speaker_groups.options and "threat" in panel.tags.options
    panel.event_types.value = ("missile_launch",)
    articles, kept_matches, kept_events = panel.filtered()
    assert len(articles) == 1
    assert list(kept_events["date"].dt.strftime("%Y-%m-%d")) == ["2025-02-26"]
    assert len(kept_matches) == len(matches)  # the event filter leaves matches alone
    panel.tags.value = ("threat",)
    _, kept_matches, _ = panel.filtered()
    assert set(kept_matches["tag"]) == {"threat"}
    assert f"1 articles · {len(kept_matches)} matches · 1 events" in panel.results.value


def test_string_dates_are_named_not_an_attribute_error(seed_articles, chronology, milestones):
    as_text = seed_articles.assign(date=seed_articles["date"].dt.strftime("%Y-%m-%d"))
    with pytest.raises(TypeError, match=r"articles\['date'\] must hold datetimes, not str"):
        ak.FilterPanel(as_text)
    with pytest.raises(TypeError, match=r"milestones\['date'\] must hold datetimes"):
        ak.ChronologyPanel(chronology, milestones.assign(date=milestones["date"].astype(str)))
