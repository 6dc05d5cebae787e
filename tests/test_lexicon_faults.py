"""A user regex in the lexicon cannot hang tagging (issue: fourteen defects, item 8).
Texts are written for analystkit tests; the time limits are generous safety nets (a
pass takes milliseconds; before the fix these ran for minutes)."""

from __future__ import annotations

import re
import signal

import pytest
from facts import frame

import analystkit as ak
from analystkit.lexicon import LexiconError, lexicon_from_text
from analystkit.matcher import pattern_matcher

HEADER = (
    "categories:\n  demo:\n    t:\n      definition: A test tag.\n"
    "      example: Sample words\n      patterns:\n"
)


def _lexicon(*patterns: str):
    return lexicon_from_text(
        HEADER + "".join(f"        - '{p}'\n" for p in patterns) + "        - sample\n", "user.yml"
    )


@pytest.fixture
def deadline():
    """Fail (instead of hanging the suite) if the test body runs past 20 seconds."""

    def expired(signum, frame_):
        raise TimeoutError("tagging did not finish in 20 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("pattern", [r"re:(\w+\s?)+test-fired", r"re:(a+)+b", r"re:(?:x+y?)*z"])
def test_a_regex_with_a_repeated_repeat_is_refused_with_its_line(pattern):
    with pytest.raises(LexiconError) as info:
        _lexicon(pattern)
    assert info.value.line == 7
    assert "repeat inside a repeat" in str(info.value)


@pytest.mark.parametrize(
    "pattern", [r"re:launch(?:es|ed)?", r"re:kn-\d+", r"re:(?:short|long)-range", r"re:\d{2,3} ?km"]
)
def test_ordinary_regexes_still_load(pattern):
    assert "t" in _lexicon(pattern).tags


def test_a_regex_scans_a_huge_word_in_linear_time(deadline):
    text = "a" * 200_000 + " sample a aa"
    matches = ak.tag(frame(text), _lexicon("re:a+"))
    assert matches["matched"].tolist() == ["a" * 200_000, "sample", "a", "aa"]


def test_a_regex_match_still_needs_a_word_start():
    matches = ak.tag(frame("xaa aa"), _lexicon("re:a+"))
    assert matches["matched"].tolist() == ["aa"]


@pytest.mark.parametrize(
    "text",
    [
        "The US, the U.S. and the USA; not us, USAF, _US or U.S (no dot).",
        "U.S.-led drills began; the U.N. met, the UN too: UN's envoy.",
        "US",
        "A U.S.A. flag and a usa cap.",
    ],
)
def test_case_sensitive_words_match_as_their_regex_would(text):
    # "re:(?-i:US|U\.S\.)" is found by the automaton and confirmed as written: the same
    # spans as the regular expression itself, tried at every position
    body = r"US|U\.S\.|USA|U\.S\.A\.|UN|U\.N\."
    matcher = pattern_matcher([f"re:(?-i:{body})"])
    assert matcher.cased  # took the automaton's path
    starts, ends, _ = matcher.scan(text)
    expected = [m.span() for m in re.finditer(rf"(?<!\w)(?:{body})(?!\w)", text)]
    assert list(zip(starts.tolist(), ends.tolist())) == expected
