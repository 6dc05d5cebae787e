"""Ordinal claims checked against the curated chronology and milestones.

The seed article is real. Texts passed to `written(...)` are written by this project for
the tests (not quotes from articles); the dates and counts they are checked against are
the curated chronology's.
"""

from __future__ import annotations

import pandas as pd
import pytest
from facts import written

import analystkit as ak


@pytest.fixture(scope="module")
def seed_claims(seed_articles) -> pd.DataFrame:
    return ak.check_claims(seed_articles)


def test_both_seed_claims_hold(seed_claims):
    assert seed_claims["claim"].tolist() == [
        "fourth missile launch event this year",
        "the second of President Donald Trump’s second term",
    ]
    assert seed_claims["stated"].tolist() == [4, 2]
    assert seed_claims["computed"].tolist() == [4, 2]
    assert seed_claims["holds"].tolist() == [True, True]
    assert (seed_claims["event_date"] == pd.Timestamp("2025-02-26")).all()
    assert (seed_claims["sentence_id"] == 3).all()


def test_seed_claim_bases_name_period_and_source(seed_claims):
    year, term = seed_claims["basis"]
    event = "; event: the nearest news launch at or before the claim)"
    assert year == "launch events 2025-01-01..2025-02-26 (counted, curated chronology" + event
    assert term == (
        "launch events 2025-01-20..2025-02-26 (counted, curated chronology; "
        "Trump II began 2025-01-20" + event
    )


def test_a_claim_that_does_not_hold():
    claims = ak.check_claims(
        written(
            (
                "2025-02-28",
                "North Korea fired cruise missiles on Wednesday. It was the North's sixth "
                "missile launch event this year.",
            )
        )
    )
    assert len(claims) == 1
    claim = claims.iloc[0]
    assert (claim["stated"], claim["computed"], bool(claim["holds"])) == (6, 4, False)


@pytest.mark.parametrize(
    "sentence, stated, computed",
    [
        ("It was its 10th launch this year.", 10, 4),
        ("It was the second launch since Trump took office.", 2, 2),
        ("It was the second cruise missile launch this year.", 2, 2),  # Jan 25, Feb 26
        ("It was the fourth missile test of 2025.", 4, 4),
    ],
)
def test_claim_forms(sentence, stated, computed):
    claims = ak.check_claims(
        written(("2025-02-28", "North Korea fired cruise missiles on Wednesday. " + sentence))
    )
    assert claims[["stated", "computed"]].values.tolist() == [[stated, computed]]


def test_a_claim_without_a_dated_launch_is_reported_not_guessed():
    claims = ak.check_claims(
        written(("2025-02-28", "Analysts said it would be the fifth launch this year."))
    )
    assert len(claims) == 1
    assert pd.isna(claims.iloc[0]["computed"]) and pd.isna(claims.iloc[0]["holds"])
    assert "no day-dated news launch event" in claims.iloc[0]["basis"]


def test_no_claims_gives_an_empty_frame_with_the_columns():
    claims = ak.check_claims(written(("2025-02-28", "North Korea fired a missile.")))
    assert claims.empty and list(claims.columns) == [
        "article_id",
        "sentence_id",
        "claim",
        "form",
        "stated",
        "computed",
        "holds",
        "basis",
        "event_date",
    ]


def test_a_claim_before_its_launch_takes_the_nearest_launch_after_it():
    # The claim comes first; the launch it is about follows it, and a second launch
    # (a day earlier, reported later in the text) comes after that.
    claims = ak.check_claims(
        written(
            (
                "2025-02-28",
                "It was the fourth launch this year. "
                "North Korea fired cruise missiles on Wednesday. "
                "North Korea also fired a ballistic missile on Tuesday.",
            )
        )
    )
    assert len(claims) == 1
    claim = claims.iloc[0]
    assert claim["event_date"] == pd.Timestamp("2025-02-26")
    assert (claim["computed"], bool(claim["holds"])) == (4, True)
    assert "nearest news launch after the claim" in claim["basis"]


def test_gap_since_and_count_claims_are_found_and_checked_with_their_basis():
    chronology = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-10", "2024-05-02", "2024-05-06", "2024-05-09"]),
            "event_type": "missile_launch",
            "missile_class": "srbm",
            "counted": True,
        }
    )
    text = (
        "North Korea fired a short-range missile on Thursday. It was the second "
        "launch in less than a week, and three missile tests since May. The first "
        "launch in more than a year came on May 2."
    )
    claims = ak.check_claims(written(("2024-05-10", text)), chronology)
    found = dict(zip(claims["claim"].str.split().str[0], claims["holds"]))
    assert found == {"second": True, "three": True, "first": False}
    assert claims["basis"].str.contains("launch days").all()


def test_a_claim_without_a_dated_launch_says_it_was_not_checked():
    claims = ak.check_claims(
        written(("2024-05-10", "Analysts called it the second launch in less than a week."))
    )
    assert claims["holds"].isna().all()
    assert claims["basis"].str.contains("no day-dated news launch").all()


CHRONOLOGY_2017 = pd.DataFrame(
    {
        "date": pd.to_datetime(["2017-03-06", "2017-07-04", "2017-07-28", "2017-08-29"]),
        "event_type": "missile_launch",
        "missile_class": ["srbm", "icbm", "icbm", "irbm"],
        "counted": True,
    }
)


@pytest.mark.parametrize(
    "date, sentence, form, holds",
    [
        ("2017-08-10", "It conducted two ICBM tests last month.", "count_since", True),
        (
            "2017-08-10",
            "It has conducted three intercontinental missile tests this year.",
            "count_since",
            False,
        ),
        ("2017-06-20", "It hasn't launched a missile since March 6.", "count_since", True),
    ],
)
def test_count_and_class_ordinal_claims(date, sentence, form, holds):
    claims = ak.check_claims(written((date, sentence)), CHRONOLOGY_2017, complete_from="2017-01-01")
    assert claims[["form", "holds"]].values.tolist() == [[form, holds]]
    assert claims["basis"].str.contains("icbm|launch days").all()


@pytest.mark.parametrize(
    "date, sentence, form",
    [
        (
            "2017-04-20",
            "The North has yet to test an intercontinental ballistic missile.",
            "count_since",
        ),
        ("2017-08-10", "Analysts recalled its second test of an ICBM.", "ordinal_period"),
        ("2017-07-05", "It was its first intercontinental ballistic missile.", "ordinal_period"),
    ],
)
def test_claims_about_every_launch_ever_are_not_checked(date, sentence, form):
    claims = ak.check_claims(written((date, sentence)), CHRONOLOGY_2017)
    assert claims["form"].tolist() == [form] and claims["holds"].isna().all()
    assert claims["basis"].str.startswith("not checked: the claim counts every launch ever").all()


def test_a_chronology_can_refute_a_claim_about_every_launch_ever():
    claims = ak.check_claims(
        written(("2017-07-20", "The North has yet to test an intercontinental ballistic missile.")),
        CHRONOLOGY_2017,
    )
    assert claims["holds"].tolist() == [False]
    assert claims["basis"].str.contains("more than the claim's 0").all()


def test_counts_of_missiles_and_vague_ordinals_are_not_claims_or_say_not_parsed():
    claims = ak.check_claims(
        written(
            (
                "2017-08-30",
                "North Korea fired three short-range missiles on Tuesday. It was the "
                "fifth test, and for the first time it flew over Japan.",
            )
        ),
        CHRONOLOGY_2017,
    )
    assert claims["claim"].tolist() == ["fifth test"]
    assert claims["holds"].isna().all() and claims["basis"].str.startswith("not parsed").all()


@pytest.mark.parametrize(
    "sentence, holds",
    [
        ("It was the first launch since the new president took office on Friday.", True),
        ("It was the first test since a January 25 launch.", False),  # Feb 26 came after
        ("It was the first test since a February 20 launch.", None),  # not in the list
        ("It was the first launch since Trump took office.", False),
        # a month or a year named: the launch before followed in it (Feb 26, Jan 25)
        ("It was the first launch since February.", True),
        ("It was the first launch since January.", False),
        ("It was the first launch since February 2025.", True),  # not "February 20"
        ("It was the first launch since 2024.", False),
    ],
)
def test_since_phrases_are_resolved_by_their_dates_or_the_milestones(sentence, holds):
    claims = ak.check_claims(
        written(("2025-03-06", "North Korea fired a cruise missile on Tuesday. " + sentence))
    )
    got = claims["holds"].iloc[0]
    assert (None if pd.isna(got) else bool(got)) == holds


@pytest.mark.parametrize(
    "sentence, form, holds",
    [
        ("The launch came two weeks after a test on March 20.", "ordinal_gap", True),
        ("The launch came two days after the last one.", "ordinal_gap", False),
        ("It has launched four consecutive times in the past two months.", "count_since", False),
        ("It was the busiest year for its missile tests.", "superlative", None),  # unrefuted
        ("Two tests this year were abruptly terminated.", "count_since", None),
        ("It made nine missile launches on six occasions since January.", "count_since", False),
        ("It was the third-ever test of its kind.", "superlative", None),
    ],
)
def test_gap_after_consecutive_and_superlative_claims(sentence, form, holds):
    chronology = pd.DataFrame(
        {
            # a list that tracks cruise missiles (a count it falls short of is refuted)
            "date": pd.to_datetime(["2025-01-25", "2025-03-20", "2025-04-03"]),
            "event_type": "missile_launch",
            "missile_class": ["cruise", "srbm", "srbm"],
        }
    )
    claims = ak.check_claims(
        written(("2025-04-04", "North Korea fired a missile on Thursday. " + sentence)),
        chronology,
        complete_from="2025-01-01",
    )
    assert claims["form"].tolist() == [form]
    got = claims["holds"].iloc[0]
    assert (None if pd.isna(got) else bool(got)) == holds


@pytest.mark.parametrize(
    "sentence",
    [
        "In a first, the missile flew over the islands.",
        "It was the second straight failure this month.",
    ],
)
def test_firsts_and_outcome_ordinals_are_found_but_not_checked(sentence):
    claims = ak.check_claims(
        written(("2025-03-06", "North Korea fired a missile on Tuesday. " + sentence))
    )
    assert len(claims) == 1 and claims["holds"].isna().all()
    assert claims["basis"].str.startswith("not").all()


@pytest.mark.parametrize(
    "date, text, holds",
    [
        # the article's launch on Aug 29 ends a quiet spell of about seven weeks
        (
            "2017-08-29",
            "North Korea fired a missile over Japan on Tuesday, which broke a four-week lull.",
            True,
        ),
        (
            "2017-08-29",
            "North Korea fired a missile over Japan on Tuesday, ending a three-month pause.",
            False,
        ),
        # the launch before the article's one, named with its period
        (
            "2017-08-29",
            "North Korea fired a missile on Tuesday. Its last missile test, in July, was an ICBM.",
            True,
        ),
        (
            "2017-08-29",
            "North Korea fired a missile on Tuesday. The previous launch, which took place "
            "last year, failed.",
            False,
        ),
    ],
)
def test_a_gap_ended_and_the_launch_before_named(date, text, holds):
    claims = ak.check_claims(written((date, text)), CHRONOLOGY_2017)
    assert claims[["form", "holds"]].values.tolist() == [["first_since", holds]]


@pytest.mark.parametrize(
    "text, holds",
    [
        (
            "North Korea fired two missiles on Saturday. It was the fourth launch in two weeks.",
            True,
        ),
        ("North Korea fired two missiles on Saturday, the seventh launch in two weeks.", False),
    ],
)
def test_a_bare_span_is_read_with_a_margin(text, holds):
    # 10 August 2019 closed a run of launches (25 and 31 July, 2 and 6 August): "in two
    # weeks" holds for any count a span of 11 to 18 days gives (here 4 to 5)
    claims = ak.check_claims(written(("2019-08-10", text)))
    assert claims["form"].tolist() == ["ordinal_gap"]
    assert claims["holds"].tolist() == [holds]
    assert "(4 to 5 for a span read from 11 to 18 days)" in claims["basis"].iloc[0]


def test_the_last_long_range_rocket_counts_icbms_and_satellite_carriers():
    chronology = pd.DataFrame(
        {
            "date": pd.to_datetime(["2012-12-12", "2014-03-26", "2016-02-07"]),
            "event_type": ["satellite_launch", "missile_launch", "satellite_launch"],
            "missile_class": [None, "mrbm", None],
            "counted": True,
        }
    )
    text = (
        "The North put a satellite into orbit on Sunday. "
        "Its last long-range rocket launch, in 2012, did too."
    )
    claims = ak.check_claims(written(("2016-02-08", text)), chronology)
    assert claims[["form", "holds"]].values.tolist() == [["first_since", True]]


def test_a_range_span_counts_every_class_in_it():
    text = (
        "The North fired a missile on Tuesday, after two tests of short-to-medium-range "
        "missiles in as many months."
    )
    chronology = pd.DataFrame(
        {
            "date": pd.to_datetime(["2017-07-01", "2017-07-20", "2017-08-01", "2017-08-29"]),
            "event_type": "missile_launch",
            "missile_class": ["srbm", "icbm", "mrbm", "irbm"],
            "counted": True,
        }
    )
    claims = ak.check_claims(written(("2017-08-29", text)), chronology, complete_from="2017-06-01")
    assert claims[["form", "holds"]].values.tolist() == [["count_since", True]]
    assert claims["basis"].str.contains("srbm-mrbm").all()


def test_a_count_short_of_a_list_without_cruise_missiles_is_not_refuted():
    # CHRONOLOGY_2017 lists no cruise launch: an unqualified ninth may count them
    claims = ak.check_claims(
        written(("2017-08-29", "The missile launch on Tuesday was the ninth this year.")),
        CHRONOLOGY_2017,
    )
    assert claims["holds"].isna().all()
    assert claims["basis"].str.contains("no cruise launch").all()
    # ... but a count the list already exceeds is refuted
    claims = ak.check_claims(
        written(("2017-08-29", "The missile launch on Tuesday was the second this year.")),
        CHRONOLOGY_2017,
    )
    assert claims["holds"].tolist() == [False]


@pytest.mark.parametrize(
    "text",
    [
        "The senator gave his first public remarks since the talks collapsed in 2019.",
        "The treaty debate came a day after the minister announced a budget.",
        "Experts said the last test, in 2016, left the device's yield unknown; "
        "a nuclear blast is hard to measure.",
        "It was the third such congress since 1980.",
        "The launch came ahead of a party congress in May, the first since 1980.",
        # missiles bought or held, not launched; a number in a missile's name
        "Japan ordered 400 long-range missiles in August.",
        "The Air Force showed a Minuteman-3 intercontinental ballistic missile in August.",
        # another state's launches, in a sentence that names no North Korean party
        "In June the US Air Force test-fired two intercontinental ballistic missiles this year.",
        # superlatives of performance rank no launch days (annotation guide, section 2)
        "The missile flew higher than any previous shot.",
        "It was the longest-ever test flight of the missile.",
        # weapons shown, made or deployed: an ordinal with no verb of launching
        "Crowds watched its first intercontinental ballistic missile roll past in August.",
        "The navy will station a second missile defense radar in the south.",
        # a nuclear test is no launch, whatever the noun before its period
        "Its first test blast in 2006 was small.",
    ],
)
def test_claim_forms_about_anything_but_launches_are_no_claims(text):
    claims = claims_after_a_launch(text)
    assert claims.empty, claims


@pytest.mark.parametrize(
    "text",
    [
        "In July it test-fired its first intercontinental ballistic missile.",
        "The rocket was the first missile the country has fired over the islands.",
    ],
)
def test_an_ordinal_weapon_with_a_verb_of_launching_is_a_claim(text):
    claims = claims_after_a_launch(text)
    assert claims["form"].tolist() == ["ordinal_period"], claims


def claims_after_a_launch(text: str) -> pd.DataFrame:
    """The claims of an article of 29 August 2017 that reports a launch, then `text`."""
    return ak.check_claims(
        written(("2017-08-29", "North Korea fired a missile on Tuesday. " + text)),
        CHRONOLOGY_2017,
    )


def test_a_gap_claim_about_another_states_test_is_no_claim():
    text = (
        "The Pentagon launched an interceptor missile in a test on Tuesday. "
        "The test came two days after North Korea fired a missile on Sunday."
    )
    assert ak.check_claims(written(("2017-08-29", text)), CHRONOLOGY_2017).empty
    ours = "North Korea fired a missile on Tuesday. The test came two days after the last one."
    claims = ak.check_claims(written(("2017-08-29", ours)), CHRONOLOGY_2017)
    assert claims["form"].tolist() == ["ordinal_gap"]


def test_a_test_claim_after_a_launch_sentence_is_about_that_launch():
    claims = ak.check_claims(
        written(
            (
                "2017-08-29",
                "North Korea fired a missile on Tuesday. "
                "Tuesday's test was the first from the North since the new envoy took "
                "office on August 1.",
            )
        ),
        CHRONOLOGY_2017,
    )
    assert claims["form"].tolist() == ["first_since"]


def test_the_day_index_counts_as_event_ordinal_does():
    from analystkit.claims import DayIndex

    chronology = pd.concat(
        [CHRONOLOGY_2017, CHRONOLOGY_2017.assign(counted=False, date=pd.Timestamp("2017-05-01"))]
    )
    index = DayIndex(chronology)
    for date, since, classes in [
        ("2017-08-29", "2017-01-01", None),
        ("2017-07-28", "2017-03-06", ["icbm"]),
        ("2017-03-06", "2017-01-01", ["srbm", "irbm"]),
    ]:
        expected = ak.event_ordinal(
            chronology, date, ("missile_launch", "satellite_launch"), since, classes
        )
        got = index.ordinal(
            pd.Timestamp(date),
            ("missile_launch", "satellite_launch"),
            pd.Timestamp(since),
            classes,
        )
        assert got == expected
        days = index.days(None, classes)
        assert index.values(None, classes).tolist() == days.values.tolist() and len(days)


# ---------------------------------------------------------------- the chain

CHAIN_TEXTS = written(
    (
        "2023-03-17",
        "The North fired an intercontinental ballistic missile into the sea on Thursday, "
        "Japanese officials said. It was the third ballistic missile test this year, and "
        "the launch broke a two-week lull.",
    ),
    (
        "2023-03-18",
        "Seoul said the North tested two cruise missiles on Friday. Critics in the "
        "capital called it the first such launch since January.",
    ),
    ("2023-03-19", "Nothing was fired this weekend; the talks went on."),
)


def test_given_sentences_and_events_the_claims_are_the_same():
    sents = ak.sentences(CHAIN_TEXTS)
    events = ak.extract_events(sents, articles=CHAIN_TEXTS)
    alone = ak.check_claims(CHAIN_TEXTS)
    assert len(alone) >= 2
    pd.testing.assert_frame_equal(
        ak.check_claims(CHAIN_TEXTS, sentences=sents, events=events), alone
    )
    # frames of more articles than carry claims are narrowed to those that do
    more = pd.concat([CHAIN_TEXTS, written(("2023-03-20", "A calm day at the border."))])
    pd.testing.assert_frame_equal(
        ak.check_claims(more, sentences=ak.sentences(more), events=ak.extract_events(more)),
        alone,
    )


def test_sentences_without_events_lacking_spans_are_refused_up_front():
    """Without `events`, the sentences' start and end are read (to extract the events):
    their absence is said at once, naming them, even when no article makes a claim."""
    bare = ak.sentences(CHAIN_TEXTS)[["article_id", "sentence_id", "text"]]
    for articles in (CHAIN_TEXTS, written(("2023-03-20", "A calm day at the border."))):
        with pytest.raises(ValueError, match=r"without events=.*lacks column\(s\) start, end"):
            ak.check_claims(articles, sentences=bare)
    events = ak.extract_events(CHAIN_TEXTS)
    assert len(ak.check_claims(CHAIN_TEXTS, sentences=bare, events=events)) >= 2


def test_a_text_that_is_no_string_is_refused_by_name():
    articles = written(("2025-02-28", "It was the fourth launch this year.")).assign(text=[None])
    with pytest.raises(ValueError, match="articles.text must be strings; row 0 holds NoneType"):
        ak.check_claims(articles)


def test_a_noun_names_its_class_once_and_the_same_each_time():
    rules = ak.load_event_rules()
    assert rules.classes.name("ballistic missile test") == "ballistic"
    assert rules.classes.name("ballistic missile test") == "ballistic"
    assert rules.classes.name("launch") is None
    assert (
        rules.classes.name("cruise missile launch")
        == rules.classes.find(["cruise missile launch"])[0]
    )


def _ungated_forms(text):
    """find_claim_forms as it was before the gates: every form searched."""
    from analystkit import claims

    found = [(form, m) for form, pattern in claims._FORMS for m in pattern.finditer(text)]
    order = [form for form, _ in claims._FORMS]
    found.sort(key=lambda f: (-(f[1].end() - f[1].start()), order.index(f[0])))
    kept = []
    for form, m in found:
        if not any(m.start() < k.end() and k.start() < m.end() for _, k in kept):
            kept.append((form, m))
    return [(form, m.span()) for form, m in sorted(kept, key=lambda f: f[1].start())]


def test_the_form_gates_skip_no_claim(monkeypatch):
    """The gates (words a form's match must contain) find the same claims as searching
    every sentence with every form: on the seed, this file's sentences and the
    benchmark's claim templates."""
    import inspect
    import re
    import sys
    from pathlib import Path

    from analystkit.claims import find_claim_forms

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_claims import claim_articles

    texts = ak.sentences(ak.load_articles(ak.SEEDS_DIR))["text"].tolist()
    texts += ak.sentences(claim_articles(300))["text"].tolist()
    texts += re.findall(r'"([^"\n]{12,})"', inspect.getsource(sys.modules[__name__]))
    texts += [t.upper() for t in texts[-200:]] + ["It was the 21st test this year."]
    for text in texts:
        assert [(f, m.span()) for f, m in find_claim_forms(text)] == _ungated_forms(text), text


def test_the_patterns_searched_over_joined_texts_find_what_each_text_finds(monkeypatch):
    """check_claims searches each claim pattern once over many texts joined (those its
    gates let through): each text is found by the patterns that match it alone, ASCII or
    not (re.I folds "ſ" to "s"), and `first_only` gives the first of them."""
    import inspect
    import re
    import sys
    from pathlib import Path

    from analystkit import claims

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_claims import claim_articles

    texts = ak.sentences(ak.load_articles(ak.SEEDS_DIR))["text"].tolist()
    texts += ak.sentences(claim_articles(300))["text"].tolist()
    texts += re.findall(r'"([^"\n]{12,})"', inspect.getsource(sys.modules[__name__]))
    texts += [t.upper() for t in texts[-200:]] + ["", "It was the 21st test this year."]
    texts += ["It was the firſt launch since May.", "the ſecond launch in less than a week"]
    texts += ["The KCNA’s third missile test this year.", "İt was the fourth launch this year"]
    alone = [[k for k, (p, _) in enumerate(claims._SCANNED) if p.search(t)] for t in texts]
    assert [list(found) for found in claims._pattern_hits(texts)] == alone
    first = claims._pattern_hits(texts, first_only=True)
    assert [list(found) for found in first] == [found[:1] for found in alone]


def test_the_sentences_claims_read_are_those_of_ak_sentences(monkeypatch):
    """check_claims splits articles as ak.sentences does, without crediting speakers."""
    from pathlib import Path

    from analystkit.claims import _sentences_of

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_claims import claim_articles

    columns = ["article_id", "sentence_id", "start", "end", "text"]
    articles = pd.concat([ak.load_articles(ak.SEEDS_DIR), CHAIN_TEXTS, claim_articles(50)])
    ours, theirs = _sentences_of(articles), ak.sentences(articles)[columns]
    assert ours.values.tolist() == theirs.values.tolist()


def test_a_folded_text_keeps_its_length_and_finds_what_re_i_finds():
    """_folded lower-cases a text without moving a character, and makes the letters re.I
    takes for ASCII ones ("İ", "ı", "ſ", the Kelvin sign) those ASCII letters."""
    import re

    from analystkit.claims import _folded

    text = "İT WAS THE Fırſt LAUNCH ſince the KCNA’s \u212aorean test."
    folded = _folded(text)
    assert len(folded) == len(text)
    assert folded == "it was the first launch since the kcna’s korean test."
    for word in ("first", "since", "korean", "it was"):
        assert re.search(word, text, re.I).span() == re.search(word, folded).span()
    assert _folded("The Third Test") == "the third test"


def test_every_match_of_a_scanned_pattern_begins_at_one_of_its_starts(monkeypatch):
    """_pattern_hits tries a pattern only at the starts _scan finds for it (_STARTS: its
    words in the folded text, or positions found back from them): every match, in any
    case, begins at one of them."""
    import inspect
    import re
    import sys
    from pathlib import Path

    from analystkit import claims

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_claims import claim_articles

    texts = ak.sentences(ak.load_articles(ak.SEEDS_DIR))["text"].tolist()
    texts += ak.sentences(claim_articles(300))["text"].tolist()
    texts += re.findall(r'"([^"\n]{12,})"', inspect.getsource(sys.modules[__name__]))
    texts += ["It was the firſt launch since May, its ٣rd.", "It fired for the third time."]
    texts += ["Kim Jong-un's last missile test, in 2016, failed.", "In a  first, it flew."]
    texts += ["It was the third-ever ICBM test, the  most tests in a year."]
    texts += [t.upper() for t in texts]
    matched = set()
    for text in texts:
        starts = claims._scan([text]).starts
        for k, (pattern, _) in enumerate(claims._SCANNED):
            for m in pattern.finditer(text):
                assert m.start() in starts[k], (k, m.group(0))
                matched.add(k)
    assert matched == set(range(len(claims._SCANNED)))


def test_the_matches_found_at_the_starts_are_those_finditer_finds():
    """_pattern_hits says where each pattern that matches a text is to be tried, and
    _finditer, trying there only, finds every match pattern.finditer finds."""
    from analystkit import claims

    texts = [
        "It was the third launch this year and the fourth test this month, the 12th in 2023.",
        "The North has carried out 11 tests since May, its first since a two-week lull.",
        "Nothing here counts anything.",
    ]
    for text, hits in zip(texts, claims._pattern_hits(texts)):
        for k, tries in hits.items():
            pattern = claims._SCANNED[k][0]
            got = [(m.span(), m.groups()) for m in claims._finditer(pattern, text, tries)]
            assert got == [(m.span(), m.groups()) for m in pattern.finditer(text)], (k, text)
    assert [m.group("ord") for m in claims._finditer(claims._CLAIM, texts[0], None)] == ["third"]


def test_a_text_is_ascii_alike_when_re_ascii_finds_the_same_in_it():
    """_ascii_alike: ASCII text without the separators \\x1c-\\x1f, which \\s takes only
    without re.ASCII; the gates find the same in a text that is not."""
    import re

    from analystkit.claims import _ascii_alike, _pattern_hits

    assert _ascii_alike("It was the 3rd test in less than a week.")
    assert not _ascii_alike("It was the North’s 3rd test.")
    spaced = "It was the 3rd test in less\x1cthan a week."
    assert not _ascii_alike(spaced)
    assert re.search(r"less\s+than", spaced) and not re.search(r"less\s+than", spaced, re.A)
    assert list(_pattern_hits([spaced])[0]) == list(_pattern_hits([spaced.replace("\x1c", " ")])[0])


def test_the_starts_found_back_from_a_word_are_where_its_phrase_begins():
    """The rules of _STARTS that look back from a word: where "the", an owner ("its",
    "Kim Jong-un's"), "in a" / ", a" or a word before "-ever" would begin."""
    from analystkit import claims

    text = "Then the  12th came: Kim Jong-un's last test, in a first, the third-ever try."
    at = text.index
    assert claims._spaces_before(text, at("12th")) == at("  12th")
    assert claims._word_before(text, at("'s last"), hyphen=True) == at("Kim Jong") + 4
    assert claims._the_before(text, at("12th")) == [at("the  12th")]
    assert claims._the_before(text, at("Then")) == []
    assert claims._at_or_the_before(text, at("12th")) == [at("the  12th"), at("12th")]
    owners = claims._owner_before(text, at("last"))
    assert at("Jong-un") in owners and at("-un") + 1 in owners and at("Kim") not in owners
    assert claims._a_before(text, at("first")) == [at("in a"), at("n a")]
    assert claims._word_ending(text, at("-ever")) == [at("third-ever")]


@pytest.mark.parametrize(
    "complete_from, holds",
    [(None, None), ("2017-01-01", True)],  # by default complete from 2017-03-06 only
)
def test_a_chronology_confirms_no_count_before_it_is_complete(complete_from, holds):
    text = "North Korea fired a missile on Friday, its second launch this year."
    claims = ak.check_claims(
        written(("2017-07-04", text)), CHRONOLOGY_2017, complete_from=complete_from
    )
    got = claims["holds"].iloc[0]
    assert (None if pd.isna(got) else bool(got)) == holds
    if holds is None:
        assert claims["basis"].str.startswith("not checked: the chronology lists every").all()


def test_a_chronology_refutes_with_the_launches_it_lists_before_it_is_complete():
    # the window reaches back before the list's first launch, but a listed one is in it
    text = "North Korea fired a missile on Tuesday, its first launch since February."
    claims = ak.check_claims(written(("2017-08-29", text)), CHRONOLOGY_2017)
    assert claims["holds"].tolist() == [False]


def test_the_curated_chronology_checks_no_claim_about_2017():
    # it lists every launch from 2018: a 2017 quiet spell is not its to confirm
    text = "North Korea fired an ICBM on Wednesday, its first launch since September 15."
    claims = ak.check_claims(written(("2017-11-29", text)))
    assert claims["holds"].isna().all()
    assert claims["basis"].str.contains("only from 2018-01-01").all()


@pytest.mark.parametrize(
    "date, sentence, holds",
    [
        # 25 and 31 July, 2 August 2019: the three span eight days
        ("2019-08-02", "It was the third such launch in just over a week.", True),
        ("2019-08-02", "It was the third launch in less than ten days.", True),
        ("2019-08-02", "It was the third launch in less than a week.", False),
        # the launch before 27 February 2022 was on 30 January, 28 days earlier
        ("2022-02-27", "It was its first launch in nearly a month.", True),
        ("2022-02-27", "It was its first launch in almost a month.", True),
        ("2022-02-27", "It was its first launch in more than a month.", False),
    ],
)
def test_a_span_just_over_or_nearly_its_length_is_read_so(date, sentence, holds):
    day = pd.Timestamp(date).day_name()
    claims = ak.check_claims(written((date, f"North Korea fired a missile on {day}. {sentence}")))
    assert claims["holds"].tolist() == [holds]


def test_an_ordinal_with_a_period_it_cannot_read_is_not_taken_for_ever():
    # "ever" would be refuted by the list; the claim is about one leader's rule
    text = "North Korea fired two ICBMs on Thursday, the first ICBM launch of the Kim era."
    claims = ak.check_claims(written(("2021-03-25", text)))
    assert claims["holds"].isna().all()
    assert claims["basis"].str.startswith("not parsed: the period").all()


@pytest.mark.parametrize(
    "sentence, holds",
    [
        # Biden took office on 20 January 2021; launches on 21 (cruise) and 25 March
        ("the first ballistic missile launch of the Biden administration.", True),
        ("the second launch of the Biden administration.", True),
        ("the first launch of Biden's presidency.", False),
    ],
)
def test_an_administration_or_presidency_counts_from_its_term(sentence, holds):
    text = "North Korea fired two ballistic missiles on Thursday, " + sentence
    claims = ak.check_claims(written(("2021-03-25", text)))
    assert claims["holds"].tolist() == [holds]
    assert claims["basis"].str.contains("Biden began 2021-01-20").all()


@pytest.mark.parametrize(
    "text, holds, why",
    [
        # the article's launch is an ICBM; the last ICBM was in January, the last launch
        # of any kind in May: "its first since March" holds of ICBMs, not of launches
        ("The North fired an ICBM on Thursday, its first since March.", None, "names no launch"),
        # a launch word: any launch, as written
        ("The North fired an ICBM on Thursday, its first launch since March.", False, ""),
        # both readings agree: checked
        ("The North fired an ICBM on Thursday, its first since June.", True, ""),
    ],
)
def test_an_elided_first_since_is_checked_only_where_its_readings_agree(text, holds, why):
    chronology = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-10", "2023-05-10", "2023-09-07"]),
            "event_type": "missile_launch",
            "missile_class": ["icbm", "srbm", "icbm"],
            "counted": True,
        }
    )
    claims = ak.check_claims(written(("2023-09-07", text)), chronology)
    assert claims["form"].tolist() == ["first_since"]
    got = claims["holds"].iloc[0]
    assert (None if pd.isna(got) else bool(got)) == holds
    assert why in claims["basis"].iloc[0]
