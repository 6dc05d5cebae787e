"""The short answers at the top of the notebooks quote figures for the seed corpus; they
are prose, so nbval cannot see them go stale. Recompute each figure and find it quoted."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import analystkit as ak

NOTEBOOKS = ak.paths.ROOT / "notebooks"


def answer(stem: str) -> str:
    """The first markdown cell (title, question, short answer) of a notebook, one line."""
    cells = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text())["cells"]
    return " ".join("".join(cells[0]["source"]).split())


@pytest.fixture(scope="module")
def seed_matches(seed_articles) -> pd.DataFrame:
    return ak.tag(seed_articles)


def test_notebook_01_quotes_the_seeds_sentences_and_matches(seed_articles, seed_matches):
    text = answer("01_load_and_tag")
    groups = ak.sentences(seed_articles).speaker_group.value_counts()
    rhetoric = seed_matches[seed_matches.category == "rhetoric"].tag.value_counts()
    assert f"of {groups.sum()} sentences: {groups['dprk_state']} are credited" in text
    assert f"{groups['media']} are the reporter's own narration" in text
    assert (
        f"{groups['expert']} are credited to experts and {groups['us_gov']} to Donald Trump" in text
    )
    assert f"finds {len(seed_matches)} matches, {rhetoric.sum()} of them rhetoric" in text
    assert (
        f"capability claims ({rhetoric['capability_claim']}), hostility accusations "
        f"({rhetoric['hostility_accusation']})"
    ) in text
    assert rhetoric[["diplomatic_outreach", "alignment", "deterrence"]].eq(2).all()
    assert "diplomatic outreach, alignment and deterrence (2 each)" in text
    assert rhetoric["threat"] == 1 and "and one threat" in text


def test_notebook_02_quotes_the_yearly_counts_and_ordinals(chronology):
    text = answer("02_event_counts")
    years = ak.count_events(chronology, start="2018-01-01", end="2025-12-31")["events"]
    by_year = {ts.year: n for ts, n in years.items()}
    for year, n in by_year.items():
        assert (f"{n} in {year}" in text) or (
            year == 2018 and n == 0 and "no launch events in 2018" in text
        )
    assert f"**{by_year[2022]} in 2022 (the record)**" in text and years.idxmax().year == 2022
    assert ak.event_ordinal(chronology, "2025-02-26") == 4 and "4th launch event of 2025" in text
    assert ak.event_ordinal(chronology, "2025-02-26", since="2025-01-20") == 2
    assert "2nd since Trump's second inauguration" in text
    so_far = chronology[chronology.counted & chronology.date.between("2025-01-01", "2025-02-26")]
    assert (
        so_far.missile_class == "cruise"
    ).sum() == 2 and "two of those four events were cruise" in text


def test_notebook_03_quotes_who_says_what(seed_matches):
    text = answer("03_rhetoric")
    rhetoric = seed_matches[(seed_matches.category == "rhetoric") & ~seed_matches.negated]
    hard = rhetoric[
        rhetoric.tag.isin(["threat", "capability_claim", "hostility_accusation", "deterrence"])
    ]
    assert set(hard.speaker_group) == {"dprk_state"}
    assert f"({len(hard)} of its {len(rhetoric)} rhetoric matches)" in text
    outreach = rhetoric[rhetoric.tag == "diplomatic_outreach"]
    assert set(outreach.speaker_group) == {"us_gov", "expert"}
    assert "media" not in set(rhetoric.speaker_group)
    assert set(rhetoric[rhetoric.tag == "alignment"].speaker_group) == {"expert"}


def test_notebook_04_quotes_the_tempo(chronology, milestones):
    text = answer("04_chronology_2018_2025")
    counted = chronology[chronology.counted]
    per_year = counted.groupby(counted.date.dt.year).size()
    assert "(25, 19, 11)" in text and per_year.loc[[2023, 2024, 2025]].tolist() == [25, 19, 11]
    assert f"({per_year[2022]} launch days, ICBMs back)" in text
    first_2019 = counted[counted.date.dt.year == 2019].date.min()
    hanoi = milestones[milestones.label == "Hanoi"].date.iloc[0]
    panmunjom = milestones[milestones.label == "Panmunjom"].date.iloc[0]
    assert hanoi < first_2019 < panmunjom and first_2019.month in (3, 4, 5)
    assert "resumed in spring 2019, between the Hanoi and Panmunjom" in text
    assert (
        not counted.date.dt.year.eq(2018).any()
        and "Launches stopped through the 2018 summits" in text
    )


def test_notebook_05_quotes_the_shipped_kcna_table(chronology):
    text = answer("05_rhetoric_over_time")
    stamp = ak.kcna_rhetoric_stamp()
    assert f"{stamp['articles']:,} articles of the KCNA English archive" in text
    monthly = ak.load_kcna_rhetoric(freq="M").set_index(["period", "tag"])["rate"].round(1)
    sep, oct_, nov = (pd.Timestamp(f"2024-{m}-01") for m in ("09", "10", "11"))
    hostility = [monthly[(month, "hostility_accusation")] for month in (sep, oct_, nov)]
    assert (
        f"from {hostility[0]} per 1,000 sentences in September to {hostility[1]} in October"
    ) in text and f"went on to {hostility[2]}" in text
    threat = [monthly[(month, "threat")] for month in (sep, oct_, nov)]
    assert f"threats went from {threat[0]} to {threat[1]} to {threat[2]}" in text
    daily = ak.load_kcna_rhetoric(freq="D")
    with pytest.warns(UserWarning, match="fewer than 5"):
        autumn = ak.event_study(daily[daily.period >= "2024-08-01"], chronology, window=(-14, 14))
    assert len(autumn.attrs["launches"]) == 4 and "The four launch days of Aug–Nov 2024" in text
    study = ak.event_study(daily, chronology, window=(-14, 14))
    assert f"({len(study.attrs['launches'])} launch days in 2024)" in text
    assert not (study.ci_low > study.baseline_high).any() and "no rhetoric tag" in text
