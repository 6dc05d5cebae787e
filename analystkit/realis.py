"""Whether an event mention reports something that happened (realis), and who did what
to what, read from the trigger's clause.

The cue lists live in data/event_rules.yml (`realis`, `launch`); this module holds what a
list cannot say: the clause around a trigger, the grammatical form of the trigger
(past, perfect, infinitive, a noun with or without a determiner) and what each form
means. Values of realis:

- actual: it happened ("fired", "was launched", "said it had test-fired", "the launch on
  Sunday", "oversaw the test-fire");
- historical: it happened, but as background (set by events.py for a date more than
  dates.HISTORICAL_DAYS before the report; here for a perfect with no time anchor,
  "Pyongyang has launched ICBMs");
- generic: launches as a kind or a habit ("its missile launches", "often fires");
- negated, ceased (a suspension, a call to stop), planned, hypothetical: cues in the
  trigger's clause before it (or after it: "a launch could come", "will be
  discontinued"); an infinitive ("to launch") is hypothetical unless a planning cue makes
  it planned.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from analystkit.clauses import IRREGULAR_PAST, POSSESSIVE

REALIS_VALUES = ("actual", "historical", "generic", "negated", "ceased", "planned", "hypothetical")
BEFORE_ORDER = ("ceased", "historical", "negated", "planned", "hypothetical", "generic")
AFTER_ORDER = ("ceased", "planned", "hypothetical", "generic")

_DETERMINERS = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "these",
    "those",
    "another",
    "any",
    "each",
    "every",
    "no",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "latest",
    "recent",
    "new",
    "last",
    "two",
    "three",
    "four",
    "several",
    "multiple",
    "successful",
    "failed",
    "apparent",
    "missile",
    "rocket",
    "test",
    "weapons",
    "ballistic",
    "cruise",
    "satellite",
    "such",
    "of",
}
# A launch noun after one of these, or after a party's possessive ("North Korea's launch
# of a rocket"), is one particular launch (strong), wherever in the article it stands.
_MARKERS = re.compile(
    r"\b(?:latest|recent|new|newest|last|this|successful|failed|"
    r"attempted|botched|crucial|today['’]s|yesterday['’]s|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]s)\b",
    re.I,
)
_NOT_BEFORE_NOUN = {
    "to",
    "did",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "not",
    "never",
    "and",
    "or",
}
_BE = {"is", "are", "was", "were"}
_HAVE = {"has", "have", "'s", "’s"}
_ADVERBS = {
    "also",
    "just",
    "already",
    "successfully",
    "again",
    "reportedly",
    "recently",
    "apparently",
    "twice",
    "once",
    "now",
    "since",
    "then",
    "previously",
    "not",
    "never",
    "ever",
    "first",
}
_WORD = re.compile(r"[\w'’-]+")
_CASED = re.compile(r"\(\?-i:([^)]*)\)")


@dataclass(frozen=True)
class RealisRules:
    """The compiled `realis` and `launch` sections of data/event_rules.yml."""

    window_words: int
    clause_breaks: re.Pattern[str]
    date_breaks: re.Pattern[str]  # clause breaks a date does not cross (not commas)
    before: re.Pattern[str]  # the `before` cues, one named group per realis (lower case)
    after: re.Pattern[str]  # the `after` cues, likewise
    cased: frozenset[str]  # cues that match only in lower case: "may", not "May"
    support: re.Pattern[str]  # verbs that make a launch noun an act ("oversaw the test")
    reporting: re.Pattern[str]  # "said": a past perfect after it is the reported event
    launched: re.Pattern[str]  # what a DPRK launch launches: missiles, rockets, ...
    # a missile-defence test's target or interceptor ("a target ICBM"): no DPRK launch
    defence: re.Pattern[str] | None = None
    # a sentence that speaks of intercepting: with no party named, a defence test's
    intercept: re.Pattern[str] | None = None
    # what opens a clause telling an earlier cause ("after", "in the wake of")
    cause: re.Pattern[str] | None = None
    # verbs that tell the event as begun or held ("began"): a planned cue gives way
    happened: re.Pattern[str] | None = None
    # a temporal clause in the present: still to come ("before"), or a habit ("when")
    to_come_clause: re.Pattern[str] | None = None
    when_clause: re.Pattern[str] | None = None
    present_verbs: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Reading:
    """The realis of one mention, and whether it may start an event of its own (a bare
    "the launch" may only join an event the article reports in another mention)."""

    realis: str
    strong: bool


def compile_realis(raw: dict, launch: dict, words, lower, negations: str = "") -> RealisRules:
    """RealisRules from the YAML sections; `words(where, patterns)` compiles a cue list
    into one whole-word, case-insensitive pattern (a cue may say `(?-i:may)`), and
    `lower(where, pattern)` a pattern to match on lower-cased text (clause breaks).
    `negations` (a pattern: the lexicon's `negations`, the one list of negation words)
    are `negated` cues before a trigger, with the realis-only ones of `before.negated`
    ("instead of"); realis reads them in its own window (`window_words`), wider than
    the lexicon's three words, since a launch's clause is long ("did not, as feared,
    fire")."""

    def grouped(section: str, order: tuple[str, ...]) -> re.Pattern[str]:
        cues = dict(raw[section])
        if section == "before" and negations:
            cues["negated"] = [negations, *cues.get("negated", [])]
        unknown = sorted(set(cues) - set(order))
        if unknown:
            raise ValueError(
                f"realis.{section}: unknown realis {unknown} (expected {', '.join(order)})"
            )
        groups = "|".join(
            f"(?P<{r}>" + "|".join(_CASED.sub(r"(?:\1)", c) for c in cues[r]) + ")"
            for r in order
            if r in cues
        )
        return lower(f"realis.{section}", r"(?<!\w)(?:" + groups + r")(?!\w)")

    def optional(key: str) -> re.Pattern[str] | None:
        """An optional list of the `launch` section, compiled; None when not given."""
        return words(f"launch.{key}", launch[key]) if key in launch else None

    def optional_realis(key: str) -> re.Pattern[str] | None:
        """An optional list of the `realis` section (read as one pattern), compiled;
        None when not given."""
        return words(f"realis.{key}", [raw[key]]) if key in raw else None

    cased = frozenset(
        w.lower()
        for section in ("before", "after")
        for cs in raw[section].values()
        for c in cs
        for m in _CASED.finditer(c)
        for w in m.group(1).split("|")
    )
    return RealisRules(
        window_words=int(raw["window_words"]),
        clause_breaks=lower("realis.clause_breaks", raw["clause_breaks"]),
        date_breaks=lower("realis.date_breaks", raw["date_breaks"]),
        before=grouped("before", BEFORE_ORDER),
        after=grouped("after", AFTER_ORDER),
        cased=cased,
        support=words("launch.support_verbs", launch["support_verbs"]),
        reporting=words("launch.reporting_verbs", launch["reporting_verbs"]),
        launched=words("launch.launched_things", launch["launched_things"]),
        defence=optional("not_launched_after"),
        intercept=optional("intercept_words"),
        cause=optional_realis("cause_clause"),
        happened=optional_realis("happened"),
        to_come_clause=optional_realis("to_come_clause"),
        when_clause=optional_realis("when_clause"),
        present_verbs=optional_realis("present_verbs"),
    )


def clause(
    text: str, start: int, end: int, rules: RealisRules, strong_only: bool = False
) -> tuple[int, int]:
    """The clause holding text[start:end]: from the last clause break before it (a break
    word such as "if" or "that" belongs to the clause it opens) to the next one after.
    `strong_only`: the wider scope of its date, across commas ("On Sunday, it fired")."""
    starts, opens, ends = _breaks(text, rules.clause_breaks, rules.date_breaks)[strong_only]
    k = bisect.bisect_right(ends, start) - 1  # the last break ending before start
    j = bisect.bisect_left(starts, end)  # the first break starting after end
    return (opens[k] if k >= 0 else 0), (starts[j] if j < len(starts) else len(text))


@functools.lru_cache(maxsize=512)
def _breaks(
    text: str, clause_breaks: re.Pattern[str], date_breaks: re.Pattern[str]
) -> tuple[tuple[list[int], list[int], list[int]], ...]:
    """For the clause breaks and for the date breaks (those of them a date does not
    cross): each break's start, where it opens a clause (a word: its start;
    punctuation: its end) and its end, in text order. One scan per sentence, of the
    lower-cased text (the break patterns are lower case)."""
    low = text.lower()
    found = [
        (
            m.start(),
            m.start() if m.group(0)[:1].isalpha() else m.end(),
            m.end(),
            date_breaks.fullmatch(m.group(0)) is not None,
        )
        for m in clause_breaks.finditer(low if len(low) == len(text) else text)
        # a word inside a hyphenated compound opens no clause ("a never-before-seen
        # missile", "an after-action report")
        if not (m.group(0)[:1].isalpha() and "-" in text[max(0, m.start() - 1) : m.end() + 1])
    ]
    dated = [f for f in found if f[3]]
    return tuple(
        ([f[0] for f in fs], [f[1] for f in fs], [f[2] for f in fs]) for fs in (found, dated)
    )


def cue_realis(
    text: str,
    start: int,
    end: int,
    rules: RealisRules,
    anchored: bool,
    span: tuple[int, int] | None = None,
) -> str | None:
    """The realis a cue in the trigger's clause (`span`, if known) gives (None: no cue).
    A generic cue ("repeated launches") or a historical one ("has already fired") gives
    way to a day or week in the clause (`anchored`), not to a month or year ("a run of
    tests this year")."""
    first, last = span or clause(text, start, end, rules)
    if first > 1 and (
        _EXAMPLES.match(text, first)
        or (
            _NAME_COMMA.search(text, max(0, first - 60), first)
            and _NOUN_WORDS.fullmatch(text, first, start)
        )
    ):
        # "seek every measure, including new sanctions": an example shares the cues of
        # the noun it names an instance of; "are going to stage Freedom Shield, their
        # large annual drills": an appositive those of the name it describes
        first = clause(text, first - 2, first - 2, rules)[0]
    factive = _last_factive(text, first, start)
    if factive is not None and factive.end() == start:
        first = factive.start(1)  # cues before a factive verb do not reach its object
    before = _last_words(text[first:start], rules.window_words)
    found = _cues(rules.before, before, rules.cased)
    for realis in BEFORE_ORDER:
        if realis in found and not (realis in _DATE_DECIDES and anchored):
            return realis
    outer = _participle_mood(text, first, rules, anchored)
    if outer is not None:
        return outer
    after = " ".join(text[end:last].split()[: rules.window_words])
    found = _cues(rules.after, after, rules.cased)
    return next(
        (
            realis
            for realis in AFTER_ORDER
            if realis in found and not (realis in _DATE_DECIDES and anchored)
        ),
        None,
    )


def _participle_mood(text: str, first: int, rules: RealisRules, anchored: bool) -> str | None:
    """The mood a participial clause (", conducting risky drills") takes from the clause
    before its comma: a plan, a possibility or a habit there is its own ("special forces
    would be on the ground, conducting raids"); a negation or an end is not ("did not
    fire, holding drills instead": the drills were held)."""
    if first < 2 or not text.startswith(", ", first - 2) or not _participle(text, first):
        return None
    outer = clause(text, first - 2, first - 2, rules)[0]
    found = _cues(
        rules.before, _last_words(text[outer : first - 2], rules.window_words), rules.cased
    )
    return next((r for r in _MOODS if r in found and not (r in _DATE_DECIDES and anchored)), None)


def _participle(text: str, pos: int) -> bool:
    """Whether a participle or gerund in -ing stands at text[pos] ("conducting", not
    "during" or "morning")."""
    m = _PARTICIPLE.match(text, pos)
    return m is not None and m.group(0).lower() not in _NOT_PARTICIPLES


_PARTICIPLE = re.compile(r"[a-z]{2,}ing\b")
_NOT_PARTICIPLES = frozenset(
    "during morning evening nothing something anything everything spring string thing "
    "bring ring king wing sibling ceiling including according regarding concerning "
    "following notwithstanding pending".split()
)
"""Words in -ing that open no participial clause (prepositions, nouns)."""
_MOODS = ("planned", "hypothetical", "generic")
"""The realis a participial clause shares with the clause it depends on."""
_EXAMPLES = re.compile(r"(?:including|such as|notably|especially|particularly)\b", re.I)
"""Words opening a list of instances of the noun before the comma."""


_NAME_COMMA = re.compile(r"\b[A-Z][\w'’.-]*,\s*\Z")
"""A clause that ends with a name and its comma: what follows may be its appositive."""
_NOUN_WORDS = re.compile(
    r"(?:(?!(?:it|they|he|she|we|you|i|is|are|was|were|be|been|has|have|had|will|would|"
    r"can|could|may|might|should|must|which|who|that|and|but|or)\b)[\w'’-]+(?<!ed)(?<!ing)\s+)*",
    re.I,
)
"""Words that may open a noun phrase before its head (no pronoun, auxiliary, conjunction
or verb form): "their large annual", "the first combined"."""


_DATE_DECIDES = ("generic", "historical")
"""Cues a day or week in the clause outweighs: the date tells a habit's one occurrence,
and how far back it lies."""


_FACTIVE_VERBS = {  # stem -> its endings (and what must follow it)
    "celebrat": r"(?:e|es|ed|ing)",
    "hail": r"(?:s|ed|ing)?",
    "condemn": r"(?:s|ed|ing)?",
    "denounc": r"(?:e|es|ed|ing)",
    "congratulat": r"(?:e|es|ed|ing)\s+\w+\s+on",
    "protest": r"(?:s|ed|ing)?",
}
_FACTIVE = re.compile(
    r"\b(?:" + "|".join(stem + endings for stem, endings in _FACTIVE_VERBS.items()) + r")"
    r"\s+(?=(?:the|its|this|that|\w+['’]s)\s)"
    r"((?:(?!(?:any|future|possible|further|next|new|more)\b)[\w'’-]+\s+){1,5})",
    re.I,
)
"""A factive verb presupposes its object happened: "did not attend events that celebrated
the successful launch" reports a launch; a negation or modal before the verb does not
reach the launch it takes as its (definite) object."""


def _last_factive(text: str, first: int, end: int) -> re.Match[str] | None:
    """The last _FACTIVE match in text[first:end]; an ASCII span holding none of its
    verbs is not scanned (re.IGNORECASE matches no other letters in ASCII text)."""
    span = text[first:end]
    if span.isascii() and not any(stem in span.lower() for stem in _FACTIVE_VERBS):
        return None
    *_, factive = [None, *_FACTIVE.finditer(text, first, end)]
    return factive


def _cues(pattern: re.Pattern[str], window: str, cased: frozenset[str]) -> set[str]:
    """The realis values whose cues stand in the window: one scan of it lower-cased; a
    cue written case-sensitively ("may") counts only as written ("May 9" is a date)."""
    low = window.lower()
    if len(low) != len(window):
        low, window = window, window
    return {
        m.lastgroup
        for m in pattern.finditer(low)
        if m.lastgroup  # every cue alternative is a named group
        and not (m.group(0) in cased and window[m.start() : m.end()] != m.group(0))
    }


def told_as_cause(text: str, start: int, rules: RealisRules, span: tuple[int, int]) -> bool:
    """Whether a cause word ("after", "in the wake of") stands before the trigger in its
    clause, and no reporting verb right before it: "the North issued threats after
    new sanctions were imposed" tells the sanctions as an earlier cause, "said after
    meeting his counterpart" the occasion of the words."""
    if rules.cause is None:
        return False
    cue = rules.cause.search(text[span[0] : start].lower())
    if cue is None:
        return False
    at = span[0] + cue.start()
    before = _LAST_WORD.search(text, max(0, at - 30), at)
    return before is None or not rules.reporting.fullmatch(before.group(1).lower())


_LAST_WORD = re.compile(r"([\w'’]+)[\s,]*\Z")


def relative_clause(text: str, end: int) -> int | None:
    """Where the relative clause about the noun ending at `end` starts, after "which" or
    "that" (past the compound's head, a trigger may end on its modifier: "new
    sanctions| resolution", and past its "of" or "between" phrase: "the drills between
    the U.S. and Manila, which …"); None when no such clause follows."""
    m = _RELATIVE_AFTER.match(text, end)
    return None if m is None else m.end()


_RELATIVE_AFTER = re.compile(
    r"(?:\s+[a-z]+)?(?:\s+(?:between|of|against|on|over|in|by)\s[^,;:]{1,60}?)?"
    r"\s*,?\s+(?:which|that)\s+"
)


def relative_habit(text: str, end: int, rules: RealisRules) -> bool:
    """Whether a relative clause right after the noun ending at `end` tells it as a habit
    ("the joint exercises which are conducted every year", "the drills that are usually
    held in March"): a generic cue of `after` in the clause's first words."""
    at = relative_clause(text, end)
    if at is None:
        return False
    last = clause(text, at, at, rules)[1]
    window = " ".join(text[at:last].split()[: rules.window_words])
    return "generic" in _cues(rules.after, window, rules.cased)


def present_clause(
    text: str, start: int, end: int, rules: RealisRules, span: tuple[int, int]
) -> str | None:
    """The realis a temporal clause in the present gives the trigger at text[start:end]
    it holds: "planned" after "before" or "until" ("before Trump and Kim meet at their
    summit"), or after "when" or "after" in a sentence that speaks of the future ("will
    keep its word when Kim attends the summit"); "generic" after "when" or "after"
    otherwise (a habit: "when the North fires a missile, Tokyo issues alerts"); None
    when the clause opens with no such word or its verb is not in the present."""
    if rules.present_verbs is None or rules.to_come_clause is None or rules.when_clause is None:
        return None
    opener = _OPENER.match(text, span[0])
    if opener is None:
        return None
    word = opener.group(1).lower()
    to_come = rules.to_come_clause.fullmatch(word) is not None
    if not to_come and rules.when_clause.fullmatch(word) is None:
        return None
    if to_come and _participle(text, opener.end()):
        # "Before meeting with Putin, Trump will …": still to come when the sentence
        # speaks of the future ("said before meeting him on Sunday": the past)
        return "planned" if _FUTURE.search(text) else None
    space = text.find(" ", start, end)  # a verb trigger's own word is the clause's verb
    if not _present_verb(text[opener.end() : end if space < 0 else space], rules.present_verbs):
        return None
    if to_come or _FUTURE.search(text, max(0, span[0] - 200), span[0]):
        return "planned"
    return "generic"


_OPENER = re.compile(r"\s*(\w+)\s+")
_FUTURE = re.compile(
    r"\b(?:will|would|shall|going\s+to|plans?\s+to|planning\s+to|expected\s+to|set\s+to|"
    r"(?:is|are)\s+due\s+to)\b|['’]ll\b",
    re.I,
)
"""A main clause that speaks of the future: its "when" clause in the present is a
coming event, not a habit."""
_PAST_AUXILIARY = frozenset(("was", "were", "had", "did"))


def _present_verb(zone: str, verbs: re.Pattern[str]) -> bool:
    """Whether the words of a clause up to its trigger hold a present verb that follows
    no determiner ("before the leaders meet"; not "until the end of") and no past form."""
    low = zone.lower()
    words = _WORD.findall(low)
    if any(w.endswith("ed") or w in IRREGULAR_PAST or w in _PAST_AUXILIARY for w in words):
        return False
    for m in verbs.finditer(low):
        before = _WORD.findall(low[: m.start()])
        if before and before[-1] not in _DETERMINERS and not before[-1].endswith(POSSESSIVE):
            return True
    return False


def noun_like(
    text: str, start: int, end: int, rules: RealisRules, span: tuple[int, int] | None = None
) -> bool:
    """Whether a verb-or-noun trigger ("tests", "launch") is used as a noun: a
    determiner or a noun modifier stands before it, or before its adjective ("its
    missile tests", "the DPRK's legitimate launch")."""
    word = text[start:end].lower().split()[0]
    first, _ = span or clause(text, start, end, rules)
    p1, p2 = _previous(_WORD.findall(text[first:start].lower()))
    determined = [p for p in (p1, p2) if p in _DETERMINERS or p.endswith(POSSESSIVE)]
    return bool(determined) and p1 not in _NOT_BEFORE_NOUN and not word.endswith("ed")


def form_realis(
    text: str,
    start: int,
    end: int,
    rules: RealisRules,
    anchored: bool,
    nominal: bool,
    precision: str | None = None,
    span: tuple[int, int] | None = None,
) -> Reading:
    """The realis the trigger's grammatical form gives, for a launch trigger with no
    cue: `nominal` for a noun ("missile launch", "its tests"), `anchored` when a date
    belongs to it (of that `precision`); `span`: the trigger's clause, if known."""
    words = text[start:end].lower().split()
    first, _ = span or clause(text, start, end, rules)
    before = _WORD.findall(text[first:start].lower())
    p1, p2 = _previous(before)
    if not nominal:
        return _verb_reading(words[0], p1, p2, text, start, rules, anchored, precision)
    joined, support = _support_verb(before, rules)
    if support is not None:  # its own tense, read with the words before it ("has conducted")
        head = joined[: support.start()].split()
        return _verb_reading(
            support.group(0).split()[0], *_previous(head), text, start, rules, anchored
        )
    plural = words[-1].endswith("s") and not words[-1].endswith("ss")
    if anchored and not (plural and precision in ("month", "year")):
        return Reading("actual", True)
    if plural:  # "its missile tests (this year)": a kind, a tally, not one event
        return Reading("generic", False)
    if _MARKERS.search(" ".join(before[-3:])) or p1.endswith(POSSESSIVE):
        return Reading("actual", True)
    if p1 in ("a", "an", "any", "another", "no"):
        return Reading("generic", False)
    return Reading("actual", False)


def _support_verb(before: list[str], rules: RealisRules) -> tuple[str, re.Match[str] | None]:
    """The words before a noun trigger, joined, and the last support verb among the last
    four of them ("has conducted a", "oversaw the"), if any."""
    joined = " ".join(before)
    near = len(" ".join(before[:-4])) + (len(before) > 4)  # the last four words
    *_, support = [None, *rules.support.finditer(joined, near)]
    return joined, support


def governed(text: str, start: int, rules: RealisRules, span: tuple[int, int]) -> bool:
    """Whether a noun trigger is the object of a support verb in its last four words
    ("conducted a test-fire", "guided a strike drill"); `span`: its clause."""
    before = _WORD.findall(text[span[0] : start].lower())
    return _support_verb(before, rules)[1] is not None


_DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our"}


def one_named(text: str, start: int, end: int, span: tuple[int, int]) -> bool:
    """Whether a noun trigger names one particular thing: singular, after a definite
    determiner or a possessive ("its live-fire exercise", "the drill", "Seoul's drill";
    not "a drill", nor "the drills", which may be the kind)."""
    if text[start:end].lower().endswith("s"):
        return False
    p1, _ = _previous(_WORD.findall(text[span[0] : start].lower()))
    return p1 in _DEFINITE or p1.endswith(POSSESSIVE)


def infinitive(
    text: str, start: int, rules: RealisRules, span: tuple[int, int] | None = None
) -> bool:
    """Whether a verb trigger is a to-infinitive ("urged the council to impose
    sanctions", "agreed to hold talks"): something sought or planned, not done. A vote
    to do it does it ("the council voted unanimously to impose sanctions")."""
    first, _ = span or clause(text, start, start, rules)
    before = _WORD.findall(text[first:start].lower())
    p1, _ = _previous(before)
    return p1 == "to" and not _VOTE.intersection(before[-4:-1])


_VOTE = {"vote", "votes", "voted", "voting"}


def gerund(text: str, start: int, rules: RealisRules, span: tuple[int, int] | None = None) -> bool:
    """Whether a verb trigger is a gerund that names a means or a topic, not an act
    told: after "by" ("pressures it by tightening sanctions") or "about" ("talked about
    imposing sanctions"). Not after a preposition of time ("after meeting his
    counterpart" happened), nor after "for", "of" or "in", which may presuppose the act
    ("denounced it for imposing sanctions", "succeeded in holding talks"); "without" is
    a negation (the lexicon's)."""
    if not text[start:].split(maxsplit=1)[0].lower().endswith("ing"):
        return False
    first, _ = span or clause(text, start, start, rules)
    p1, _ = _previous(_WORD.findall(text[first:start].lower()))
    return p1 in _GERUND_PREPOSITIONS


_GERUND_PREPOSITIONS = {"by", "about"}


def _previous(before: list[str]) -> tuple[str, str]:
    """The two words before a trigger, adverbs ("also", "successfully") skipped."""
    core = [w for w in before if w not in _ADVERBS]
    return (core[-1] if core else ""), (core[-2] if len(core) > 1 else "")


def _verb_reading(
    word: str,
    p1: str,
    p2: str,
    text: str,
    start: int,
    rules: RealisRules,
    anchored: bool,
    precision: str | None = None,
) -> Reading:
    """Past and passive: actual; perfect: actual with a date, else background (a past
    perfect after "said" is the reported event); infinitive: hypothetical, but
    "attempted to launch" and "its attempt to launch" happened (a failed launch is a
    launch); present and bare forms: a habit unless dated."""
    if p1 == "to" or (p1 in ("be", "have") and p2 == "to"):
        if p2 in _ATTEMPTED:
            return Reading("actual", True)
        return Reading("hypothetical", False)
    if word.endswith("ed") or word in IRREGULAR_PAST:
        if p1 == "had" or (p1 == "been" and p2 == "had"):
            reported = rules.reporting.search(text, 0, start)
            return Reading(
                "actual" if reported or anchored else "historical", bool(reported or anchored)
            )
        if p1 in _HAVE or p1.endswith(("'ve", "’ve")) or (p1 == "been" and p2 in _HAVE):
            if _JUST.search(text, max(0, start - 30), start):  # "has just tested": news
                return Reading("actual", True)
            return Reading("actual" if anchored else "historical", anchored)
        return Reading("actual", True)
    if word.endswith("ing"):
        if p1 in _BE:
            return Reading("actual", True)
        return Reading("actual" if anchored else "generic", anchored)
    if word.endswith("s") and anchored and precision in ("day", "week"):
        # headline present: "North Korea fires a missile on Sunday"
        return Reading("actual", True)
    if p1 == "did":
        return Reading("actual", True)
    return Reading("generic", False)


_JUST = re.compile(r"\b(?:just|only\s+just)\s+(?:\w+ly\s+)?$", re.I)
"""A perfect anchored to the moment of speaking ("has just fired") is recent, not
background."""
_ATTEMPTED = {"attempted", "tried", "sought", "attempt", "attempts"}


def _last_words(text: str, n: int) -> str:
    return " ".join(text.split()[-n:])
