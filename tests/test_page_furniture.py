"""Lines a web page sets around the story (the lexicon's `page_furniture`): credited to
no one, never tagged, never read as an event. Every text here is written for
analystkit's tests; none is quoted from an article."""

from __future__ import annotations

import pytest
from facts import written

import analystkit as ak
from analystkit.lexicon import LexiconError, lexicon_from_text
from analystkit.splitting import page_furniture

# a story whose page carries a video player's titles and a sign-up prompt between its
# paragraphs: each title names an event the story itself does not report
PAGE = written(
    (
        "2025-03-06",
        "South Korea's foreign minister said on Wednesday that envoys would meet in June.\n\n"
        "JUST WATCHED North Korea fires two ballistic missiles Replay More Videos ...\n\n"
        "MUST WATCH Leaders hold summit in Hanoi 02:41\n\n"
        "Sign up for our newsletter to get North Korea threats and provocations daily.\n\n"
        "He added that the talks would cover sanctions relief.",
    )
)


def test_a_page_line_is_credited_to_no_one_and_skipped_by_the_reading():
    s = ak.sentences(PAGE)
    assert list(s["attribution"]) == ["cue", "furniture", "furniture", "furniture", "pronoun"]
    assert list(s["speaker_group"]) == ["rok_gov", "media", "media", "media", "rok_gov"]


def test_a_page_line_is_never_tagged_from_articles_or_sentences():
    sentences = ak.sentences(PAGE)
    furniture = set(sentences.loc[sentences["attribution"] == "furniture", "sentence_id"])
    for matches in (ak.tag(PAGE), ak.tag(sentences)):
        assert not furniture & set(matches["sentence_id"])
    assert ak.tag(PAGE).equals(ak.tag(sentences))
    # the same words in the story's own sentence are tagged
    own = written(("2025-03-06", "North Korea fires two ballistic missiles, Seoul said."))
    assert "ballistic" in set(ak.tag(own)["tag"])


def test_a_page_line_reports_no_event_from_articles_or_sentences():
    events = ak.extract_events(PAGE)
    assert set(events["event_type"]) <= {"talks"}
    assert "missile_launch" not in set(events["event_type"])
    assert "summit" not in set(events["event_type"])
    chain = ak.extract_events(ak.sentences(PAGE), articles=PAGE)
    assert chain.equals(events)


def test_only_a_sentence_that_opens_with_furniture_is_the_pages():
    text = "Officials said they would click here and there. Click here to read more."
    lexicon = ak.load_lexicon()
    assert page_furniture(lexicon.furniture, text, [0, 48]) == [False, True]
    # a pattern ends at a word's end: "Advertisements" is not "advertisement …"
    assert page_furniture(lexicon.furniture, "Related: a list.", [0]) == [True]
    assert page_furniture(lexicon.furniture, "Relatedly, it fell.", [0]) == [False]


LEXICON = (
    "categories:\n  demo:\n    t:\n      definition: A tag.\n      example: word\n"
    "      patterns: [word]\n"
)


def test_a_lexicon_without_furniture_has_none_and_a_broken_entry_names_its_line():
    lexicon = lexicon_from_text(LEXICON, "user.yml")
    assert lexicon.furniture is None and lexicon.page_furniture == ()
    assert page_furniture(lexicon.furniture, "JUST WATCHED x", [0]) == [False]
    listed = lexicon_from_text(LEXICON + "page_furniture:\n  - just watched\n", "user.yml")
    assert listed.page_furniture == ("just watched",)
    assert listed.without("t").page_furniture == ("just watched",)
    with pytest.raises(LexiconError) as info:
        lexicon_from_text(LEXICON + "page_furniture:\n  - just watched\n  - 're:(x'\n", "user.yml")
    assert info.value.line == 9
    assert "page_furniture" in str(info.value)
