"""The `make eval` scorer on small cases written here (no corpora needed).

Every article text and gold row below is written by this project for these tests."""

from __future__ import annotations

import csv
from hashlib import sha256
from pathlib import Path

import pandas as pd
import pytest

from analystkit.evaluation import scoring
from analystkit.evaluation.__main__ import main
from analystkit.evaluation.agreement import (
    AGREEMENT_OF,
    claim_agreement,
    cohen_kappa,
    launch_agreement,
    rhetoric_agreement,
    speaker_agreement,
)
from analystkit.evaluation.chronology import cns_days, dev_chronology
from analystkit.evaluation.corpora import CNS_FILE, KCNA_FILE, NEWS_FILE
from analystkit.evaluation.gold import KINDS, GoldError, read_gold
from analystkit.evaluation.kit import KitRun, news_events, news_launches
from analystkit.evaluation.report import evaluate, render

# Project-written article texts (not from any corpus).
TEXTS = {
    "a": "North Korea fired a missile on Tuesday. It flew far. Officials said more may come.",
    "b": "Talks were held in the capital. No launch was reported.",
    "c": "The agency said the army will strike back. The test proved the weapon works.",
}


def _id(text: str) -> str:
    return sha256(text.encode("utf-8")).hexdigest()[:16]


A, B, C = (_id(TEXTS[k]) for k in "abc")
ARTICLES = pd.DataFrame(
    {
        "corpus": ["news", "news", "kcna"],
        "doc": ["url-a", "url-b", "link-c"],
        "article_id": [A, B, C],
        "date": pd.to_datetime(["2017-07-05"] * 3),
        "text": [TEXTS[k] for k in "abc"],
    }
)


def write_gold(
    path: Path, kind: str, rows: list[list[object]], header: list[str] | None = None
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or KINDS[kind])
        writer.writerows(rows)
    return path


def gold(tmp_path: Path, kind: str, rows: list[list[object]]) -> pd.DataFrame:
    return read_gold(write_gold(tmp_path / f"{kind}.csv", kind, rows), kind, ARTICLES)


def launch(corpus, article_id, event_type, day="", klass="", basis="explicit", span=(0, 9)):
    if event_type == "none":
        return [corpus, "d", article_id, "A", "none", "", "", "", "", "", ""]
    return [corpus, "d", article_id, "A", event_type, day, basis if day else "", klass, *span, ""]


def events(*rows) -> pd.DataFrame:
    """Kit events: (article_id, date, event_type, missile_class[, historical, precision])."""
    full = [(*r, False, "day")[:6] if len(r) == 4 else r for r in rows]
    return pd.DataFrame(
        full,
        columns=[
            "article_id",
            "date",
            "event_type",
            "missile_class",
            "historical",
            "date_precision",
        ],
    ).assign(date=lambda f: pd.to_datetime(f["date"]))


def table(figures: pd.DataFrame, corpus: str = "all") -> dict[str, tuple[int, int]]:
    rows = figures[figures["corpus"] == corpus]
    return {f: (h, n) for f, h, n in zip(rows["figure"], rows["hits"], rows["n"])}


# ---------------------------------------------------------------- launches


def test_launches_count_a_miss_a_false_alarm_a_one_day_match_and_a_wrong_class(tmp_path):
    g = gold(
        tmp_path,
        "launches",
        [
            launch("news", A, "missile_launch", "2017-07-04", "icbm"),
            launch("news", A, "missile_launch", "2017-07-28", "icbm"),
            launch("news", B, "none"),
            launch("kcna", C, "missile_launch", "2017-05-14", "irbm"),  # the kit misses it
        ],
    )
    kit = events(
        (A, "2017-07-04", "missile_launch", "icbm"),  # exact, class right
        (A, "2017-07-29", "missile_launch", "irbm"),  # a day off, wrong class
        (B, "2017-06-01", "missile_launch", "srbm"),
    )  # false alarm
    figures = table(scoring.launch_figures(g, kit))
    assert figures["launch precision, exact day"] == (1, 3)
    assert figures["launch recall, exact day"] == (1, 3)
    assert figures["launch precision, ±1 day"] == (2, 3)
    assert figures["launch recall, ±1 day"] == (2, 3)
    assert figures["launch class right (±1-day matches)"] == (1, 2)
    assert figures["clean: no news launch where gold has none"] == (0, 1)
    assert table(scoring.launch_figures(g, kit), "kcna")["launch recall, ±1 day"] == (0, 1)


def test_kit_launches_are_counted_by_day_and_only_in_checked_articles(tmp_path):
    g = gold(tmp_path, "launches", [launch("news", A, "missile_launch", "2017-07-04", "icbm")])
    kit = events(
        (A, "2017-07-04", "missile_launch", "cruise"),
        (A, "2017-07-04", "missile_launch", "icbm"),  # same day: one launch day
        ("ffffffffffffffff", "2017-07-04", "missile_launch", "icbm"),
    )  # unchecked
    figures = table(scoring.launch_figures(g, kit))
    assert figures["launch precision, exact day"] == (1, 1)
    assert figures["launch class right (±1-day matches)"] == (1, 1)


def test_an_undated_gold_launch_takes_one_kit_day_out_of_both_counts(tmp_path):
    g = gold(tmp_path, "launches", [launch("news", A, "missile_launch", "", "unknown")])
    kit = events(
        (A, "2017-07-04", "missile_launch", pd.NA), (A, "2017-07-01", "missile_launch", pd.NA)
    )
    m = scoring.match_launches(g, scoring.launch_days(kit))
    assert sorted(m["outcome"]) == ["false_alarm", "undated"]
    assert table(scoring.launch_figures(g, kit))["launch recall, exact day"] == (0, 0)


def test_news_launches_are_actual_dprk_launches_on_their_linked_day():
    def row(article, date, kind, realis="actual", actor="DPRK", precision="day", last=None):
        return {
            "article_id": article,
            "date": pd.Timestamp(date),
            "event_type": kind,
            "missile_class": pd.NA,
            "realis": realis,
            "actor": actor,
            "historical": realis == "historical",
            "date_precision": precision,
            "date_last": pd.Timestamp(last or date),
            "report_date": pd.Timestamp(last or date),
        }

    kit = pd.DataFrame(
        [
            row(A, "2017-07-04", "missile_launch"),  # exact
            row(A, "2016-02-07", "satellite_launch", realis="historical"),
            row(A, "2017-07-03", "nuclear_test"),
            row(B, "2017-07-01", "satellite_launch"),  # time zone: 2nd
            row(B, "2017-06-20", "missile_launch", actor="US"),
            row(C, "2017-06-10", "missile_launch"),  # unlinked, dated
            row(C, "2017-06-01", "missile_launch", precision="month", last="2017-06-30"),
        ]
    )
    chronology = pd.DataFrame(
        {
            "date": pd.to_datetime(["2017-07-02", "2017-07-04"]),
            "event_type": ["satellite_launch", "missile_launch"],
            "missile_class": [None, "icbm"],
        }
    )
    assert news_launches(kit, chronology)["date"].dt.day.tolist() == [4, 2, 10]


# ---------------------------------------------------------------- nuclear tests


def nuclear(corpus, article_id, day="", basis="weekday", span=(0, 9)):
    if not day:
        return [corpus, "d", article_id, "A", "none", "", "", "", "", ""]
    return [corpus, "d", article_id, "A", "nuclear_test", day, basis, *span, ""]


def kit_tests(*rows) -> pd.DataFrame:
    """Kit news nuclear tests: (article_id, day or None for undated)."""
    return pd.DataFrame(
        {"article_id": [r[0] for r in rows], "day": pd.to_datetime([r[1] for r in rows])}
    )


def test_nuclear_tests_pair_by_day_and_an_undated_kit_test_counts_for_its_article(tmp_path):
    g = gold(
        tmp_path,
        "nuclear_tests",
        [
            nuclear("news", A, "2017-07-04"),
            nuclear("news", B, "2017-07-02", "reference"),
            nuclear("kcna", C),
        ],
    )
    kit = kit_tests(
        (A, "2017-07-05"),  # a day off: a match, not exact
        (A, "2017-06-01"),  # false alarm
        (B, None),  # undated: the article's test
        (C, None),  # a test where gold has none
    )
    figures = table(scoring.day_figures(g, kit, "nuclear test"))
    assert figures["nuclear test precision"] == (2, 4)
    assert figures["nuclear test precision, kit events dated to the day"] == (1, 2)
    assert figures["nuclear test recall"] == (2, 2)
    assert figures["nuclear test day exact (matches)"] == (0, 1)  # of the pairs both date
    assert figures["clean: no news nuclear test where gold has none"] == (0, 1)
    outcomes = scoring.day_outcomes(g, kit)
    assert outcomes.loc["news"].tolist() == [2, 0, 1]
    assert outcomes.loc["kcna"].tolist() == [0, 0, 1]


def test_an_undated_gold_summit_pairs_with_a_kit_summit_left_over(tmp_path):
    g = gold(
        tmp_path,
        "summits",
        [
            [*nuclear("news", A, "2017-07-07")[:4], "summit", "2017-07-07", "weekday", 0, 9, ""],
            [*nuclear("news", A, "2017-07-07")[:4], "summit", "", "", 0, 9, ""],
        ],
    )
    kit = kit_tests((A, "2017-07-07"), (A, "2017-06-01"), (A, "2017-06-20"))
    m = scoring.match_days(g, kit)
    assert sorted(m["outcome"]) == ["false_alarm", "match", "match"]
    figures = table(scoring.day_figures(g, kit, "summit"))
    assert figures["summit precision"] == (2, 3)
    assert figures["summit day exact (matches)"] == (1, 1)  # the undated pair is not dated


def test_news_events_are_actual_events_of_a_type_dated_only_to_the_day():
    found = news_events(
        pd.DataFrame(
            {
                "article_id": ["a", "b", "c", "d"],
                "event_type": ["nuclear_test", "nuclear_test", "nuclear_test", "missile_launch"],
                "realis": ["actual", "actual", "historical", "actual"],
                "actor": ["DPRK", "DPRK", "DPRK", "DPRK"],
                "date": pd.to_datetime(["2017-09-03", "2017-09-01", "2013-02-12", "2017-09-03"]),
                "date_precision": ["day", "month", "day", "day"],
            }
        ),
        "nuclear_test",
        "DPRK",
    )
    assert found["article_id"].tolist() == ["a", "b"]
    assert found["day"].tolist()[0] == pd.Timestamp("2017-09-03") and pd.isna(found["day"][1])


@pytest.mark.parametrize(
    "rows, message",
    [
        ([nuclear("news", A, "2017-07-04"), nuclear("news", A)], "both a none row and nuclear"),
        (
            [
                nuclear("news", A, "2017-07-04")[:4]
                + ["missile_launch", "2017-07-04", "weekday", 0, 9, ""]
            ],
            "event_type 'missile_launch' is not one of nuclear_test, none",
        ),
        (
            [nuclear("news", A, "2017-07-04"), nuclear("news", A, "2017-07-04")],
            "nuclear test day of this article repeated",
        ),
    ],
)
def test_a_bad_nuclear_test_gold_row_is_named(tmp_path, rows, message):
    path = write_gold(tmp_path / "nuclear_tests.csv", "nuclear_tests", rows)
    with pytest.raises(GoldError, match=message):
        read_gold(path, "nuclear_tests", ARTICLES)


def test_nuclear_test_agreement_reads_like_launch_agreement(tmp_path):
    a = gold(tmp_path, "nuclear_tests", [nuclear("news", A, "2017-07-04"), nuclear("news", B)])
    b = read_gold(
        write_gold(
            tmp_path / "b.csv",
            "nuclear_tests",
            [nuclear("news", A, "2017-07-04", "reference"), nuclear("news", B, "2017-07-02")],
        ),
        "nuclear_tests",
        ARTICLES,
    )
    rows = AGREEMENT_OF["nuclear_tests"](a, b).set_index("measure")
    assert rows.loc["has a new nuclear test (per article)", "agreement"] == 0.5
    assert rows.loc["same nuclear test days (both found nuclear tests)", "agreement"] == 1.0
    assert set(rows["kind"]) == {"nuclear_tests"}


# ---------------------------------------------------------------- claims


def sentences_of(*rows) -> pd.DataFrame:
    """Kit sentences (article_id, sentence_id, start, end, speaker_group) over ARTICLES."""
    text = dict(zip(ARTICLES["article_id"], ARTICLES["text"]))
    return pd.DataFrame(
        [(a, i, s, e, text[a][s:e], g) for a, i, s, e, g in rows],
        columns=["article_id", "sentence_id", "start", "end", "text", "speaker_group"],
    )


SENTENCES = sentences_of(
    (A, 0, 0, 39, "media"),
    (A, 1, 40, 52, "media"),
    (A, 2, 53, 82, "us_gov"),
    (B, 0, 0, 31, "media"),
    (B, 1, 32, 55, "media"),
    (C, 0, 0, 42, "dprk_state"),
    (C, 1, 43, 76, "media"),
)


def test_a_found_claim_with_a_wrong_verdict_and_a_claim_not_found(tmp_path):
    g = gold(
        tmp_path,
        "claims",
        [
            ["news", "d", A, "A", 12, 38, "ordinal_period", "holds", ""],
            ["news", "d", A, "A", 53, 60, "count_since", "fails", ""],
        ],
    )
    claims = pd.DataFrame(
        {
            "article_id": [A, B],
            "sentence_id": [0, 0],
            "claim": ["a missile on Tuesday", "were held"],
            "holds": pd.array([False, pd.NA], dtype="boolean"),
        }
    )
    spans = scoring.claim_spans(claims, SENTENCES)
    assert spans[["start", "end", "verdict"]].values.tolist() == [
        [18, 38, "fails"],
        [6, 15, "uncheckable"],
    ]
    figures = table(scoring.claim_figures(g, spans, ARTICLES[["corpus", "article_id"]]))
    assert figures["claims found"] == (1, 2)
    assert figures["claim verdicts right (found claims)"] == (0, 1)
    assert figures["kit claims that are gold claims"] == (1, 2)


# ---------------------------------------------------------------- speakers


def test_speakers_map_a_span_to_the_sentence_of_its_midpoint_and_confuse(tmp_path):
    g = gold(
        tmp_path,
        "speakers",
        [
            [1, "news", "d", A, 0, 39, "A", "media", ""],
            [2, "news", "d", A, 30, 82, "A", "us_gov", ""],  # midpoint 56: sentence 2
            [3, "news", "d", A, 40, 52, "A", "us_gov", ""],  # the kit says media
            [4, "kcna", "d", C, 43, 76, "A", "dprk_state", ""],
        ],
    )
    pairs = scoring.speaker_pairs(g, SENTENCES)
    assert pairs["kit_group"].tolist() == ["media", "us_gov", "media", "media"]
    assert table(scoring.speaker_figures(pairs))["speaker group right"] == (2, 4)
    by_group = scoring.speaker_by_group(pairs)
    assert by_group.loc["us_gov", ["n", "right"]].tolist() == [2, 1]
    confusion = scoring.speaker_confusion(pairs)
    assert confusion.loc["us_gov", "media"] == 1 and confusion.loc["dprk_state", "media"] == 1


def test_the_kcna_share_counts_every_kcna_sentence():
    share = scoring.state_voice(SENTENCES, ARTICLES)
    assert share[["corpus", "hits", "n"]].values.tolist() == [["kcna", 1, 2]]


# ---------------------------------------------------------------- rhetoric


def test_rhetoric_counts_a_false_positive_a_miss_and_skips_negated_matches(tmp_path):
    g = gold(
        tmp_path,
        "rhetoric",
        [
            [1, "kcna", "d", C, 0, 42, "A", "threat", ""],
            [2, "kcna", "d", C, 43, 76, "A", "capability_claim", ""],
            [3, "news", "d", B, 0, 55, "A", "", ""],
        ],
    )  # spans both sentences of B
    matches = pd.DataFrame(
        [
            (C, 0, "rhetoric", "threat", False),
            (C, 1, "rhetoric", "threat", False),
            (B, 1, "rhetoric", "rejection", True),
            (B, 0, "actor", "dprk", False),
        ],
        columns=["article_id", "sentence_id", "category", "tag", "negated"],
    )
    pairs = scoring.rhetoric_pairs(g, SENTENCES, matches)
    assert pairs["kit_tags"].tolist() == [{"threat"}, {"threat"}, set()]
    by_tag = scoring.rhetoric_by_tag(pairs)
    assert by_tag.loc["threat", ["n", "kit", "right"]].tolist() == [1, 2, 1]
    assert by_tag.loc["threat", "precision"] == 0.5
    assert by_tag.loc["capability_claim", "recall"] == 0
    assert pd.isna(by_tag.loc["capability_claim", "precision"])
    figures = table(scoring.rhetoric_figures(pairs))
    assert figures["rhetoric precision (all tags)"] == (1, 2)
    assert figures["rhetoric recall (all tags)"] == (1, 2)
    assert figures["rhetoric items with the exact tag set"] == (2, 3)


# ---------------------------------------------------------------- agreement


def test_kappa_on_a_known_table_matches_the_hand_computation():
    # 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    # po = 35/50 = 0.7; pe = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7-0.5)/(1-0.5) = 0.4
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa(a, a) == 1
    assert pd.isna(cohen_kappa(["y", "y"], ["y", "y"]))  # chance agreement is 1
    with pytest.raises(ValueError):
        cohen_kappa(["y"], [])


def test_agreement_per_kind(tmp_path):
    a = gold(
        tmp_path,
        "launches",
        [
            launch("news", A, "missile_launch", "2017-07-04", "icbm"),
            launch("news", B, "none"),
            launch("kcna", C, "missile_launch", "2017-05-14", "irbm"),
        ],
    )
    b = gold(
        tmp_path,
        "launches",
        [
            launch("news", A, "missile_launch", "2017-07-03", "icbm"),
            launch("news", B, "none"),
            launch("kcna", C, "none"),
        ],
    )
    rows = launch_agreement(a, b).set_index("measure")
    # has-launch: A y,n,y  B y,n,n: po 2/3, pe 2/3*1/3 + 1/3*2/3 = 4/9, kappa 0.4
    assert rows.loc["has a new launch (per article)", "kappa"] == pytest.approx(0.4)
    assert rows.loc["same launch days (both found launches)", ["n", "agreement"]].tolist() == [
        1,
        0.0,
    ]

    speak = [
        [i, "news", "d", A, 0, 39, "A", g, ""]
        for i, g in enumerate(["media", "us_gov", "media", "expert"], start=1)
    ]
    other = [[*r[:7], g, ""] for r, g in zip(speak, ["media", "us_gov", "expert", "expert"])]
    s = speaker_agreement(gold(tmp_path, "speakers", speak), gold(tmp_path, "speakers", other))
    assert s["n"].item() == 4 and s["agreement"].item() == 0.75

    tags_a = [
        [1, "kcna", "d", C, 0, 42, "A", "threat;deterrence", ""],
        [2, "kcna", "d", C, 43, 76, "A", "", ""],
    ]
    tags_b = [
        [1, "kcna", "d", C, 0, 42, "B", "threat", ""],
        [2, "kcna", "d", C, 43, 76, "B", "", ""],
    ]
    r = rhetoric_agreement(
        gold(tmp_path, "rhetoric", tags_a), gold(tmp_path, "rhetoric", tags_b)
    ).set_index("measure")
    assert r.loc["tag threat", "kappa"] == 1
    assert r.loc["all tags pooled (item x tag)", ["n", "agreement"]].tolist() == [14, 13 / 14]

    claims_a = gold(
        tmp_path,
        "claims",
        [
            ["news", "d", A, "A", 12, 38, "first_since", "holds", ""],
            ["news", "d", A, "A", 53, 60, "count_since", "fails", ""],
        ],
    )
    claims_b = gold(tmp_path, "claims", [["news", "d", A, "B", 20, 30, "first_since", "fails", ""]])
    c = claim_agreement(claims_a, claims_b).set_index("measure")
    assert c.loc[
        ["claims found by A", "claims found by B", "claims found by both"], "n"
    ].tolist() == [2, 1, 1]
    assert c.loc["verdict (claims both found)", "agreement"] == 0


# ---------------------------------------------------------------- bad gold files


@pytest.mark.parametrize(
    ("kind", "rows", "message"),
    [
        (
            "launches",
            [
                launch("news", A, "missile_launch", "2017-07-04", "icbm"),
                launch("news", A, "missile", "2017-07-05", "icbm"),
            ],
            "line 3: event_type 'missile' is not one of",
        ),
        (
            "launches",
            [launch("news", A, "missile_launch", "2017-13-04", "icbm")],
            "line 2: day_kst '2017-13-04' is not a YYYY-MM-DD day",
        ),
        (
            "launches",
            [launch("news", A, "none"), launch("news", A, "missile_launch", "2017-07-04", "icbm")],
            "has both a none row and launch rows",
        ),
        (
            "launches",
            [launch("news", A, "missile_launch", "2017-07-04", "")],
            "line 2: missile_class '' is not one of",
        ),
        (
            "launches",
            [launch("news", A, "missile_launch", "2017-07-04", "icbm", span=(10, 900))],
            "line 2: span 10-900 is outside the text",
        ),
        (
            "claims",
            [["news", "d", "0123456789abcdef", "A", 1, 5, "ordinal_period", "holds", ""]],
            "line 2: article_id 0123456789abcdef is not in the news corpus",
        ),
        (
            "claims",
            [["news", "d", A, "A", 5, 5, "ordinal_period", "true", ""]],
            "line 2: start 5 is not before end 5",
        ),
        (
            "speakers",
            [
                [1, "news", "d", A, 0, 39, "A", "media", ""],
                [1, "news", "d", A, 0, 39, "A", "us_gov", ""],
            ],
            "line 3: item repeated",
        ),
        (
            "speakers",
            [[1, "news", "d", A, 0, 39, "A", "reporter", ""]],
            "line 2: speaker_group 'reporter' is not one of",
        ),
        (
            "rhetoric",
            [[1, "kcna", "d", C, 0, 42, "A", "threat;bluster", ""]],
            "line 2: tags 'bluster' not in",
        ),
        ("rhetoric", [[1, "kcna", "d", C, 0, 42, "A"]], "line 2: 7 fields, the header has 9"),
    ],
)
def test_a_bad_gold_file_names_file_line_and_problem(tmp_path, kind, rows, message):
    path = write_gold(tmp_path / f"{kind}.csv", kind, rows)
    with pytest.raises(GoldError) as error:
        read_gold(path, kind, ARTICLES)
    assert str(path) in str(error.value) and message in str(error.value)


def test_a_wrong_header_is_reported_on_line_1(tmp_path):
    path = write_gold(
        tmp_path / "speakers.csv",
        "speakers",
        [],
        header=["item", "corpus", "doc", "article_id", "start", "end", "group"],
    )
    with pytest.raises(GoldError, match="line 1: header is item,corpus"):
        read_gold(path, "speakers")


def test_gold_is_read_typed(tmp_path):
    g = gold(tmp_path, "rhetoric", [[7, "kcna", "d", C, 0, 42, "A", "threat; deterrence", ""]])
    assert g.loc[0, "tags"] == {"threat", "deterrence"}
    assert g.loc[0, "item"] == 7 and g.loc[0, "line"] == 2


# ---------------------------------------------------------------- chronology, report, command


def fake_corpora(folder: Path) -> Path:
    """A corpora folder holding a CNS days file written here (and empty corpus files)."""
    folder.mkdir(exist_ok=True)
    (folder / NEWS_FILE).touch()
    for name in (KCNA_FILE, CNS_FILE):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / KCNA_FILE).write_text("[]")
    (folder / CNS_FILE).write_text(
        "date_kst,n_missiles,missile_types,missile_names,cns_utc_dates,kst_first_time,"
        "outcomes\n2016-02-07,1,SLV,rocket,2016-02-07,09:00,success\n"
        "2017-03-06,4,MRBM|SRBM,,2017-03-05,07:36,success\n"
        "2017-05-14,1,Unknown,,2017-05-13,05:27,success\n"
        "2018-01-01,1,SRBM,,2018-01-01,09:00,success\n"
    )
    return folder


def test_cns_days_become_chronology_rows_before_2018(tmp_path):
    days = cns_days(fake_corpora(tmp_path))
    assert days["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2016-02-07",
        "2017-03-06",
        "2017-05-14",
    ]
    assert days["event_type"].tolist() == ["satellite_launch", "missile_launch", "missile_launch"]
    assert days["missile_class"].tolist()[1:] == ["mrbm", "ballistic"]
    assert days["counted"].all()
    chronology = dev_chronology(tmp_path)
    assert chronology["date"].is_monotonic_increasing
    assert chronology["date"].iloc[3].year >= 2018 and len(chronology) > 3


def test_evaluate_and_render_a_report(tmp_path):
    g = {
        "launches": gold(
            tmp_path,
            "launches",
            [launch("news", A, "missile_launch", "2017-07-04", "icbm"), launch("news", B, "none")],
        )
    }
    kit = KitRun(
        sentences=SENTENCES,
        matches=pd.DataFrame(),
        claims=pd.DataFrame(),
        events=pd.DataFrame(),
        launches=events((A, "2017-07-04", "missile_launch", "icbm")),
        day_events={},
    )
    text = render(evaluate(g, kit, ARTICLES), ["gold launches: 2 rows"])
    assert "| launch recall, exact day | 100% (1 of 1) | – | 100% (1 of 1) |" in text
    assert "| KCNA sentences credited dprk_state | – | 50% (1 of 2) | – |" in text
    assert (
        "No gold yet for: nuclear_tests, summits, sanctions, exercises, talks, claims, "
        "speakers, rhetoric" in text
    )


def test_without_the_corpora_the_command_says_where_and_fails(tmp_path, capsys):
    assert main(["--corpora", str(tmp_path), "--out", str(tmp_path / "r.md")]) == 2
    assert "CORPORA=" in capsys.readouterr().err
    assert not (tmp_path / "r.md").exists()


def test_a_bad_gold_file_stops_the_command_with_its_line(tmp_path, capsys):
    corpora = fake_corpora(tmp_path / "corpora")
    write_gold(tmp_path / "claims.csv", "claims", [["news", "d", A, "A", 1, 5, "nth", "holds", ""]])
    assert (
        main(["--corpora", str(corpora), "--gold", str(tmp_path), "--out", str(tmp_path / "r.md")])
        == 1
    )
    error = capsys.readouterr().err
    assert "claims.csv" in error and "line 2: form 'nth' is not one of" in error
