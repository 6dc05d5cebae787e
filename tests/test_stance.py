"""Rhetoric needs a stance act: counter-examples, narration, requires, idioms, exclude."""

from __future__ import annotations

import pytest
from facts import frame

import analystkit as ak

LEX = ak.load_lexicon()
RHETORIC = [t for t in LEX.tags.values() if t.category == "rhetoric"]


def rhetoric_tags(text: str, source: str = "") -> set[str]:
    m = ak.tag(frame(text).assign(source=source), LEX)
    return set(m[(m.category == "rhetoric") & ~m.negated].tag)


@pytest.mark.parametrize(
    "tag, sentence", [(t.name, c) for t in RHETORIC for c in t.counter_examples]
)
def test_counter_examples_do_not_get_the_tag(tag, sentence):
    assert tag not in rhetoric_tags(sentence)


def test_every_rhetoric_tag_has_counter_examples():
    assert all(len(t.counter_examples) >= 2 for t in RHETORIC)


@pytest.mark.parametrize(
    "sentence",
    [
        "The North Korean nuclear attack threat has grown, and sanctions followed.",
        "Pyongyang's provocations continued through the spring.",
        "The summit offered a chance for dialogue, but it was never taken up.",
    ],
)
def test_a_topic_word_in_the_reporters_narration_is_no_stance(sentence):
    assert rhetoric_tags(sentence) == set()


@pytest.mark.parametrize(
    "sentence, tag",
    [
        ("North Korea threatened to strike American bases.", "threat"),
        ("KCNA said any attack would be met with a nuclear strike.", "threat"),
        ("Pyongyang dismissed the offer of talks, its foreign ministry said.", "rejection"),
        ("The ministry called the drills a reckless provocation.", "hostility_accusation"),
        ("Seoul said it was willing to resume dialogue with the North.", "diplomatic_outreach"),
    ],
)
def test_a_reported_stance_act_is_tagged(sentence, tag):
    assert tag in rhetoric_tags(sentence)


@pytest.mark.parametrize("mark", ['"', "“”"])
def test_a_partys_words_quoted_in_the_reporters_sentence_keep_their_stance(mark):
    # the quotation is someone's words, reported; the same words unquoted are narration
    opening, closing = mark[0], mark[-1]
    quoted = (
        f"The statement ended with a line about {opening}a sea of fire{closing} over the bases."
    )
    assert "threat" in rhetoric_tags(quoted, source="Reuters")
    plain = "The statement ended with a line about a sea of fire over the bases."
    assert rhetoric_tags(plain, source="Reuters") == set()
    # a quotation elsewhere in the sentence does not lend its stance to the narration
    apart = 'The talks, which one envoy called "useful", ended in a sea of fire of recriminations.'
    assert "threat" not in rhetoric_tags(apart, source="Reuters")


@pytest.mark.parametrize(
    "sentence, tag",
    [
        ("In recent weeks the North has issued threats almost daily.", "threat"),
        ("Experts doubted the regime's threats to strike the island.", "threat"),
        ("The drills drew threats of nuclear attacks on the ports.", "threat"),
        ("The general later walked back threats of war.", "threat"),
        ("The week brought threats of pre-emptive nuclear attacks on Seoul.", "threat"),
        ("Pyongyang ignored the South's offer of talks.", "diplomatic_outreach"),
    ],
)
def test_a_phrase_naming_a_partys_act_counts_in_narration(sentence, tag):
    """The reporter's narration takes no stance, but a `reported` phrase names a party's
    act (a verb of issuing, or the threatened act stated): the guide's reported acts."""
    assert tag in rhetoric_tags(sentence, source="Reuters")


@pytest.mark.parametrize(
    "sentence",
    [
        "Emerging threats against the bases worry the planners.",  # a danger
        "Threats to regional stability grew through the spring.",
        "The museum holds records of the talks of 1953.",
    ],
)
def test_a_danger_or_a_topic_named_in_narration_is_still_no_stance(sentence):
    assert rhetoric_tags(sentence, source="Reuters") == set()


@pytest.mark.parametrize(
    "sentence, tag",
    [  # the annotation guide's examples (docs/annotation.md §4), as a speaker's words
        ("The test proved the missile can reach any target, KCNA said.", "capability_claim"),
        ("The president said he was willing to meet the leader.", "diplomatic_outreach"),
        ("Let us crush them, the general said.", "threat"),
        ("We will wipe them out, the general said.", "threat"),
        ("The accord is void, the ministry said.", "rejection"),
        # and their kin, written here
        ("The two sides agreed to strengthen military cooperation, KCNA said.", "alignment"),
        ("Beijing expressed full support for the talks, the ministry said.", "alignment"),
        ("The envoy said they were open to meeting without preconditions.", "diplomatic_outreach"),
    ],
)
def test_the_guides_examples_get_their_tags(sentence, tag):
    assert tag in rhetoric_tags(sentence)


def test_an_offer_turned_down_is_the_speakers_rejection_not_their_outreach():
    # the guide's table: "Pyongyang dismissed the offer of talks as a ploy." is `rejection`
    assert rhetoric_tags("Pyongyang dismissed the offer of talks as a ploy.") == {"rejection"}
    assert rhetoric_tags("Seoul rebuffed the offer of dialogue, the envoy said.") == {"rejection"}


def test_a_state_outlets_narration_takes_stances():
    text = "The puppet warmongers will pay dearly for their reckless provocation."
    assert {"threat", "hostility_accusation"} <= rhetoric_tags(text, source="KCNA")
    assert rhetoric_tags(text, source="Reuters") == set()


def test_requires_idioms_and_exclude():
    # a `patterns` match needs one of `requires` in the sentence; an idiom does not
    assert "threat" not in rhetoric_tags("The general recalled a nuclear attack drill, KCNA said.")
    assert "threat" in rhetoric_tags("The enemy will be met with a nuclear attack, KCNA said.")
    assert "threat" in rhetoric_tags("They would turn the city into ashes, KCNA said.")
    # `exclude`: the tag never counts inside these phrases
    assert "deterrence" not in rhetoric_tags(
        "The US offered extended deterrence to its ally, KCNA said."
    )


@pytest.mark.parametrize(
    "sentence, tag",
    [
        (
            "We will never tolerate the provocations of the enemies, KCNA said.",
            "hostility_accusation",
        ),
        (
            "The DPRK will not allow the hostile forces to go on, the ministry said.",
            "hostility_accusation",
        ),
        ("The US has not stopped its war drills, the spokesman said.", "hostility_accusation"),
        ("We will never give up our nuclear deterrent, KCNA said.", "deterrence"),
        ("The regime can never cover up its criminal nature, KCNA said.", "hostility_accusation"),
    ],
)
def test_a_negated_verb_of_tolerance_or_ending_does_not_negate_its_object(sentence, tag):
    # "will never tolerate X" accuses of X: the negation ends at the verb (negation_stops)
    assert tag in rhetoric_tags(sentence)


@pytest.mark.parametrize(
    "sentence, tag",
    [
        ("There was no provocation on the border, the ministry said.", "hostility_accusation"),
        ("The minister said they would not use nuclear weapons first.", "threat"),
    ],
)
def test_a_negation_still_denies_what_it_reaches(sentence, tag):
    assert tag not in rhetoric_tags(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The president promised a strong military response to any provocation.",
        "We may take offensive action at any moment, the general said.",
        "The leader instructed the army to take offensive action against intruders, KCNA said.",
        "A pre-emptive military strike remains an option, the adviser said.",
        "All options are on the table, the secretary said.",
        "The government vowed to respond firmly to any attack.",
        "The North repeated its threats against the bases, KCNA said.",
        "Any intrusion will bring grave consequences, the spokesman warned.",
        "The ministry made threats of nuclear strikes on the islands, the envoy said.",
        "Weeks of threats against the bases followed the drills, officials said.",
    ],
)
def test_commitments_orders_and_veiled_threats_of_force_are_threats(sentence):
    # threat `requires`: a promise, a possibility, an order; idioms: a veiled threat of force
    assert "threat" in rhetoric_tags(sentence, source="KCNA" if "KCNA" in sentence else "")


@pytest.mark.parametrize(
    "sentence, tag",
    [
        (
            "The drills betrayed the true colors of the warmongers, KCNA said.",
            "hostility_accusation",
        ),
        ("The US is a perfidious country, the spokesman said.", "hostility_accusation"),
        ("The adventurist military moves go on, the ministry said.", "hostility_accusation"),
        ("We hope to resolve this through dialogue, the minister said.", "diplomatic_outreach"),
        ("The ministry denounces and rejects the sanctions resolution, KCNA said.", "rejection"),
        ("We will never deal with the envoy, the ministry said.", "rejection"),
        ("The senator said the president should scrap the deal.", "rejection"),
        ("The ministry said the accord was null and void.", "rejection"),
        ("Pyongyang dismissed the warnings as bluster, its ministry said.", "rejection"),
        ("The alliance is the linchpin of security, the envoy said.", "alignment"),
    ],
)
def test_state_media_idiom_repudiations_and_calls_for_dialogue(sentence, tag):
    assert tag in rhetoric_tags(sentence)


@pytest.mark.parametrize(
    "sentence, tag",
    [
        # KCNA's idioms of this round: a threat of a price to pay, a build-up claimed,
        # the 2024 treaty's aid
        ("Those who provoke us will pay a dear price, KCNA said.", "threat"),
        (
            "Kim said the nuclear arsenal would grow exponentially, KCNA reported.",
            "capability_claim",
        ),
        (
            "Kim said the army would soon show a new strategic weapon, KCNA said.",
            "capability_claim",
        ),
        (
            "Putin said the two states would give immediate military assistance to each other.",
            "alignment",
        ),
    ],
)
def test_this_rounds_idioms_get_their_tag(sentence, tag):
    assert tag in rhetoric_tags(sentence)


@pytest.mark.parametrize(
    "sentence, tag",
    [
        # the DPRK's words for its enemies since 2017, and the language of Trump's
        # meetings with Kim
        ("Kim said the mentally deranged dotard would pay for his words.", "hostility_accusation"),
        ("The ministry called the South the principal enemy, KCNA said.", "hostility_accusation"),
        ("The ROK is a hostile state, the general staff said.", "hostility_accusation"),
        ("The army would turn the bases into a heap of ashes, KCNA said.", "threat"),
        ("Trump said he would love to meet Kim again this year.", "diplomatic_outreach"),
        ("Trump said he and Kim would meet again soon.", "diplomatic_outreach"),
    ],
)
def test_the_idioms_of_2017_to_2025_get_their_tag(sentence, tag):
    assert tag in rhetoric_tags(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # force, and KCNA's words for using it, told as something a party will do
        "Beijing said it was prepared to use force to stop the move.",
        "The president said the country would use this power if attacked.",
        "The army will make the aggressors shed blood, KCNA said.",
        "The ministry said the state would counter them with strong strength.",
        "The army will take a thoroughgoing action against them, the spokesman said.",
        "The navy would respond far more vigorously, the minister said.",
        "The spokesman said the country will take action of justice.",
    ],
)
def test_the_language_of_using_force_is_a_threat(sentence):
    assert "threat" in rhetoric_tags(sentence)


def test_threats_against_a_party_are_a_reported_threat_even_in_narration():
    assert "threat" in rhetoric_tags("The North issued a string of threats against Seoul.")
    assert "threat" not in rhetoric_tags("The study lists emerging threats against shipping.")


@pytest.mark.parametrize(
    "sentence, tagged",
    [
        # a call or plea for talks, reported in narration, is the party's outreach
        ("Beijing made a plea for a return to negotiations.", True),
        ("Seoul renewed its calls for talks with the North.", True),
        ("The envoy said the president would be honoured to meet Kim.", True),
        # a call rejected is none
        ("Pyongyang rejected calls for talks with the South.", False),
    ],
)
def test_a_call_for_talks_is_reported_outreach(sentence, tagged):
    assert ("diplomatic_outreach" in rhetoric_tags(sentence)) is tagged


def test_a_refusal_to_meet_again_is_no_outreach():
    assert "diplomatic_outreach" not in rhetoric_tags("We will not meet again, the ministry said.")
