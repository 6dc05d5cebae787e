"""The event rule table: data/event_rules.yml compiled (load_event_rules, EventRules).

The triggers of each event type, the keywords that gate them, who can act (the roster's
people, bodies and countries, by the rules' actor labels), the realis cues (realis.py)
and the missile classes (the lexicon's `weapon` tags, found by its matcher).
analystkit/event_rules_yaml.py reads the file; this module only compiles what it read.
Compiled tables are reused until a file changes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import ahocorasick
import numpy as np

from analystkit.chunk import scan_articles
from analystkit.dates import reporting_pattern
from analystkit.event_rules_yaml import ACTOR_MODES, read_event_rules
from analystkit.lexicon import Lexicon, LexiconError, as_lexicon
from analystkit.matcher import Entry, Matcher, normalize, pattern_variants, phrase_pattern
from analystkit.paths import DATA_DIR
from analystkit.realis import (
    RealisRules,
    compile_realis,
)
from analystkit.roster import OUTLET, PERSON, Roster, Speaker
from analystkit.splitting import join_articles
from analystkit.vocab import CLASS_PRECEDENCE, EVENT_TYPES, MISSILE_CLASSES, SPEAKER_GROUPS

RULES_PATH = DATA_DIR / "event_rules.yml"


@dataclass(frozen=True)
class Trigger:
    """One cue for an event type, with an optional co-occurrence condition."""

    event_type: str
    pattern: re.Pattern[str]
    with_: re.Pattern[str] | None  # must match in the trigger's clause (lower-cased)
    unless: re.Pattern[str] | None  # must not match in the sentence
    nominal: bool  # a noun ("missile launch"), not a verb ("fired")
    dated: bool = False  # counts only when a day or week in its scope dates it
    # undated, actual only when this matches in its date scope (else a kind: generic)
    occurs_with: re.Pattern[str] | None = None
    # the actor whatever parties the sentence names ("Freedom Shield": US-ROK)
    actor: str | None = None
    # counts only when its sentence names people of two states whose roster titles
    # this fully matches (their leaders: "Trump met Moon"); unless_leaders: only when
    # it does not (a leaders' meeting is a summit, not talks)
    leaders: re.Pattern[str] | None = None
    unless_leaders: re.Pattern[str] | None = None


Party = tuple[int, int, int, bool]
"""A party named in a text: start, end, its label's index in Parties.names, a person?"""


class Parties:
    """Who can act in an event: the roster's people and bodies (not its news outlets: an
    outlet reports, it does not act) and its country words, each named in the `actor`
    column by the label `actors` gives its roster name or its group; a person only in
    the years of their role ("Trump" in 2012 is no party). Found with the lexicon's
    matcher (its pattern syntax, case-insensitive unless a cue says otherwise); where
    names overlap, the longest wins ("US Joint Chiefs of Staff", not "Joint Chiefs of
    Staff"). `names` are the labels in the order they are joined in ``actor``."""

    def __init__(self, roster: Roster, actors: Mapping[str, str]):
        self.names = tuple(dict.fromkeys(actors.values()))
        # the label of the group `other` (any other state or body): it takes a launch
        # from the DPRK default ("Iran test-fired a missile"), but is not listed among
        # the parties of a summit or a drill, where such states are often the venue
        # ("a summit in Vietnam")
        other = actors.get(_OTHER_GROUP)
        self.unlisted = frozenset() if other is None else frozenset({self.names.index(other)})
        self._roster = roster  # whose `holder` settles a cue two people share
        self._entries: list[Entry] = []
        self._holders: list[Speaker | None] = []  # the person or body a cue names
        self._labels: list[int] = []
        self._label_of: dict[str, int] = {}  # a person's name -> its label
        for speaker in roster.speakers.values():
            label = actors.get(speaker.name, actors.get(speaker.group))
            if label is None or speaker.kind == OUTLET:
                continue
            path, lines = roster.lines[speaker.name]
            for cue, line in zip(speaker.cues, lines):
                self._add(Entry(cue, _PARTY, speaker.name, line, path), speaker, label)
        for group, words in roster.countries.items():  # all: the longest name wins, so
            for word, line in words:  # "South China Sea" (other) hides "the South" (ROK)
                entry = Entry(word, _PARTY, group, line, roster.path)
                self._add(entry, None, actors.get(group))

    def _add(self, entry: Entry, holder: Speaker | None, label: str | None) -> None:
        self._entries.append(entry)
        self._holders.append(holder)
        self._labels.append(-1 if label is None else self.names.index(label))
        if holder is not None:
            self._label_of[holder.name] = self._labels[-1]

    def _named(self, pid: int, year: int | None) -> tuple[Speaker | None, int]:
        """The person or body entry `pid` names in a report of `year`, and its label: a
        cue two people share ("President Lee") names the one in office then
        (`Roster.holder`, as for speakers)."""
        holder, label = self._holders[pid], self._labels[pid]
        if holder is not None and holder.kind == PERSON:
            holder = self._roster.holder(holder.name, self._entries[pid].source, year)
            label = self._label_of.get(holder.name, -1)
        return holder, label

    @functools.cached_property
    def matcher(self) -> Matcher:
        """The party names compiled (once; rebuilt after unpickling)."""
        return Matcher(self._entries, "<parties>")

    def find_all(self, texts: list[str], years: list[int | None]) -> list[list[Party]]:
        """For each text, (start, end, index of the label in `names`, whether a person
        is named) of every party it names, in a report of its year (None: every person
        counts); one scan."""
        out: list[list[Party]] = [[] for _ in texts]
        for k, start, end, label, holder in self._found(texts, years):
            out[k].append((start, end, label, holder is not None and holder.kind == PERSON))
        return out

    def leaders(
        self, text: str, year: int | None, titles: re.Pattern[str]
    ) -> list[tuple[int, int]]:
        """(start, label) of each state's leader a sentence names: a person of the
        roster, in office in `year`, one of whose titles `titles` fully matches
        ("Trump": a president), or a country word with such a title after it ("the
        French president", "Singapore Prime Minister Lee"). Read word by word, the
        longest name first, as the parties' matcher reads (names written as cased
        regular expressions, "US", among them), without the matcher's set-up, which
        costs more than a sentence."""
        index, firsts, longest = self._word_index
        tokens = list(_TOKEN.finditer(normalize(text)))
        words = [m.group() for m in tokens]
        found = []
        i = 0
        while i < len(words):
            if words[i] not in firsts:  # most words start no name
                i += 1
                continue
            for n in range(min(longest, len(words) - i), 0, -1):
                pids = [
                    pid
                    for pid, written in index.get(tuple(words[i : i + n]), ())
                    if written is None or text.startswith(written, tokens[i].start())
                ]
                if pids:
                    break
            else:
                i += 1
                continue
            holder, label = self._named(pids[0], year)
            if holder is None:  # a country word: a leader if a title follows
                after = words[i + n : i + n + 2]
                if label >= 0 and any(titles.fullmatch(" ".join(after[:size])) for size in (2, 1)):
                    found.append((tokens[i].start(), label))
            elif (
                label >= 0
                and holder.kind == PERSON
                and holder.group_in(year) == holder.group
                and any(titles.fullmatch(t) for t in holder.titles)
            ):
                found.append((tokens[i].start(), label))
            i += n
        return found

    @functools.cached_property
    def _word_index(
        self,
    ) -> tuple[dict[tuple[str, ...], list[tuple[int, str | None]]], frozenset[str], int]:
        """Each name's normalized words (every hyphen variant) -> (entry id, the name as
        it must be written: None for any case), the words a name starts with, and the
        most words a name has. A regular-expression name counts when it lists names in
        their case ("re:(?-i:US|U\\.S\\.)"); other ones and globs are left out."""
        index: dict[tuple[str, ...], list[tuple[int, str | None]]] = {}
        for pid, entry in enumerate(self._entries):
            cased = _CASED_NAMES.fullmatch(entry.source)
            if cased is not None:
                written: list[tuple[str, str | None]] = [
                    (name, name) for name in cased[1].replace("\\", "").split("|")
                ]
            elif entry.source.startswith("re:") or "*" in entry.source:
                continue
            else:
                written = [(v, None) for v in pattern_variants(entry.source)]
            for name, case in written:
                index.setdefault(tuple(normalize(name).split()), []).append((pid, case))
        firsts = frozenset(words[0] for words in index)
        return index, firsts, max(map(len, index), default=1)

    def _found(
        self, texts: list[str], years: list[int | None]
    ) -> Iterator[tuple[int, int, int, int, Speaker | None]]:
        """(text index, start, end, label, person or body) of each party name in the
        texts, in a report of the text's year; one scan."""
        joined, offsets, lengths = join_articles(texts)
        hits = scan_articles(self.matcher, joined, offsets, lengths)
        for k, start, end, pid in zip(*(h.tolist() for h in hits)):
            holder, label = self._named(pid, years[k])
            if label < 0:
                continue  # no party: a name only to outrun a shorter one
            if holder is None or holder.group_in(years[k]) == holder.group:
                at = int(offsets[k])
                yield k, start - at, end - at, label, holder

    def __getstate__(self) -> dict:  # the automaton and the index are rebuilt
        return {k: v for k, v in self.__dict__.items() if k not in ("matcher", "_word_index")}


_PARTY = "_party"
_TOKEN = re.compile(r"\S+")  # a word of normalize()d text
_CASED_NAMES = re.compile(r"re:\(\?-i:((?:[A-Za-z ]|\\\.)+(?:\|(?:[A-Za-z ]|\\\.)+)*)\)")
"""A regular-expression name that only lists names in their case: "re:(?-i:UN|U\\.N\\.)"."""
_OTHER_GROUP = "other"  # of vocab.SPEAKER_GROUPS: any other state or body


@dataclass(frozen=True)
class EventRules:
    """The compiled contents of data/event_rules.yml.

    Built by `load_event_rules`, which caches it and hands the same object out again, so
    EventRules is immutable: its fields cannot be reassigned, its mappings are read-only
    (``types.MappingProxyType``, whatever mappings it is given) and an event type's
    triggers a tuple, so no caller can change what later calls extract. (The
    ``keywords`` automaton is compiled once; leave it as it is.) It pickles, for Dask
    workers, and unpickles read-only. For variant rules, edit a copy of the YAML file
    and load that.

    Parameters
    ----------
    triggers : mapping of str to tuple of Trigger
        Event type -> its trigger cues (pattern, ``with``/``unless`` conditions, nominal).
    screens : mapping of str to re.Pattern
        Event type -> one pattern matching any of its triggers (absent for an event type
        whose triggers hold backreferences).
    keywords : ahocorasick.Automaton
        Lower-cased keyword -> ``(length, event types it gates)``: the cheap first pass.
    actor_mode : mapping of str to str
        Event type -> how its actor is read: ``"nearest"`` or ``"parties"``.
    actor_default : mapping of str to str
        Event type -> the actor when the text names none.
    classes : ClassFinder
        The missile classes named in texts (the lexicon's ``weapon`` tags).
    parties : Parties
        Who can act: the roster's people, bodies and countries, by actor label.
    realis : RealisRules
        The compiled ``realis`` and ``launch`` sections.
    reporting : re.Pattern
        The lexicon's reporting verbs before a date (dates.py).
    reacting : re.Pattern
        Verbs whose subject reacts to a launch noun without launching it: the lexicon's
        reporting verbs and ``launch.reacting_verbs``.
    furniture : re.Pattern or None
        The lexicon's ``page_furniture``: a sentence opening with it is the web page's,
        and no event is read in it (None: the lexicon lists none).

    See Also
    --------
    load_event_rules : Read and compile the rule table.

    Examples
    --------
    >>> import analystkit as ak
    >>> rules = ak.load_event_rules()
    >>> rules.actor_mode["summit"], rules.actor_default["summit"]
    ('parties', 'unknown')
    >>> rules.actor_default["summit"] = "DPRK"
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    >>> rules.classes.find(["it fired an ICBM", "no class here"])
    ['icbm', None]
    >>> rules.classes.name("cruise missile test")
    'cruise'
    """

    triggers: Mapping[str, tuple[Trigger, ...]]  # by event_type
    screens: Mapping[str, re.Pattern[str]]  # by event_type: any of its trigger patterns
    keywords: ahocorasick.Automaton  # keyword -> (length, the event types it gates)
    actor_mode: Mapping[str, str]
    actor_default: Mapping[str, str]
    classes: ClassFinder  # missile classes: the lexicon's weapon tags
    parties: Parties  # the roster's, by actor label, in the order joined in `actor`
    realis: RealisRules
    reporting: re.Pattern[str]  # the lexicon's reporting verbs before a date (dates.py)
    reacting: re.Pattern[str]  # "China condemned the launch": it did not launch
    furniture: re.Pattern[str] | None  # the lexicon's page_furniture (splitting.py)

    def __post_init__(self) -> None:
        _freeze(self, self.__dict__)

    def __getstate__(self) -> dict:  # a mappingproxy does not pickle
        return {k: dict(v) if k in _MAPPINGS else v for k, v in self.__dict__.items()}

    def __setstate__(self, state: dict) -> None:
        _freeze(self, state)


_MAPPINGS = ("triggers", "screens", "actor_mode", "actor_default")
"""EventRules' mappings: read-only on the rules, plain dicts in their pickles."""


def _freeze(rules: EventRules, state: dict) -> None:
    """Set the rules' fields from `state`, its mappings read-only and triggers tuples
    (a frozen dataclass: object.__setattr__ is the way in)."""
    for name, value in state.items():
        if name == "triggers":
            value = {k: tuple(v) for k, v in value.items()}
        if name in _MAPPINGS:
            value = MappingProxyType(dict(value))
        object.__setattr__(rules, name, value)


class ClassFinder:
    """Missile classes named in texts, found by the lexicon's matcher with its `weapon`
    patterns (each weapon tag is a missile class); where a text names several, the first
    in vocab.CLASS_PRECEDENCE (the most capable) wins, as in the curated chronology."""

    def __init__(self, lexicon: Lexicon):
        self.matcher = lexicon.category_matcher("weapon")
        tags = self.matcher.tag.tolist()
        unknown = sorted({t for t in tags if t not in MISSILE_CLASSES})
        if unknown:
            raise ValueError(
                f"{lexicon.path}: weapon tags {unknown} are not missile "
                f"classes (expected {', '.join(MISSILE_CLASSES)})"
            )
        self.order = CLASS_PRECEDENCE
        self.rank = np.array([CLASS_PRECEDENCE.index(t) for t in tags], dtype=np.int64)
        self._named: dict[str, str | None] = {}  # name(): a short text's class, once

    def name(self, text: str) -> str | None:
        """The class one short text names, as ``find([text])[0]``, remembered: claim
        checking asks again and again about the same few nouns ("missile launch")."""
        if text not in self._named:
            if len(self._named) >= 4096:
                self._named.clear()
            self._named[text] = self.find([text])[0]
        return self._named[text]

    def find(self, texts: list[str]) -> list[str | None]:
        """The winning class each text names (None: it names none), in one scan."""
        if not texts:
            return []
        which, _, _, pids = scan_articles(self.matcher, *join_articles(texts))
        best = np.full(len(texts), len(self.order), dtype=np.int64)
        np.minimum.at(best, which, self.rank[pids])
        return [self.order[b] if b < len(self.order) else None for b in best.tolist()]


_LEXICON_LISTS = {"reporting_verbs": "_verb", "negations": "_negation"}


def lexicon_words(lexicon: Lexicon, key: str) -> list[str]:
    """A word list of the lexicon (`reporting_verbs` or `negations` of data/lexicon.yml),
    as written there: the one place these words live; the event rules read them from
    the lexicon they are compiled with, and dates.py its reporting verbs.

    Examples
    --------
    >>> import analystkit as ak
    >>> lexicon_words(ak.load_lexicon(), "negations")[:3]
    ['not', 'never', 'no']
    """
    if key not in _LEXICON_LISTS:
        raise ValueError(f"unknown lexicon list {key!r} (expected {', '.join(_LEXICON_LISTS)})")
    matcher = lexicon.matcher
    category = _LEXICON_LISTS[key]
    return [str(s) for s, c in zip(matcher.source, matcher.category) if c == category]


def load_event_rules(
    path: str | Path | None = None, lexicon: Lexicon | str | Path | None = None
) -> EventRules:
    """Read and compile the event rule table (default: data/event_rules.yml) with the
    lexicon whose `weapon` patterns name missile classes (default: data/lexicon.yml);
    errors (LexiconError, a ValueError) name the file, the line and the problem, as the
    lexicon's do (analystkit/event_rules_yaml.py reads the file). Compiled tables are
    reused until a file changes.

    Parameters
    ----------
    path : str, pathlib.Path or None, default None
        The rule table; None is the kit's data/event_rules.yml.
    lexicon : Lexicon, str, pathlib.Path or None, default None
        The lexicon whose ``weapon`` tags, negations and reporting verbs the rules use,
        or a path to one; None is ``load_lexicon()``.

    Returns
    -------
    EventRules
        The compiled rules (the same object while neither file changes: immutable, so
        it cannot carry one caller's edits to the next).

    Raises
    ------
    LexiconError
        The file cannot be read, or an entry breaks the table's schema (file and line).
    ValueError
        A bad pattern, an unknown event type or actor mode, a missing keywords list, a
        malformed realis/launch entry, or a ``weapon`` tag that is not a missile class.

    Examples
    --------
    >>> import analystkit as ak
    >>> rules = ak.load_event_rules()
    >>> sorted(rules.triggers)[:3]
    ['military_exercise', 'missile_launch', 'nuclear_test']
    >>> rules.actor_default["missile_launch"]
    'DPRK'
    """
    path = Path(path) if path is not None else RULES_PATH
    lexicon = as_lexicon(lexicon)
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError as err:
        raise LexiconError(path, None, f"cannot read the file: {err}") from None
    return _compiled_rules(path.resolve(), mtime_ns, lexicon)


@functools.lru_cache(maxsize=8)
def _compiled_rules(path: Path, mtime_ns: int, lexicon: Lexicon) -> EventRules:
    raw = read_event_rules(path)  # checked: every entry's problem names its line

    def compile_(where: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
        try:
            return re.compile(pattern if flags else _lower_pattern(pattern), flags)
        except re.error as err:
            raise ValueError(f"{path}: {where}: bad pattern {pattern!r}: {err}") from None

    def words(where: str, patterns: list[str], flags: int = 0) -> re.Pattern[str]:
        return compile_(where, r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", flags)

    def trigger_words(where: str, patterns: list[str]) -> re.Pattern[str]:
        # not inside a hyphenated word: "submarine-launched" is a class, not a launch
        return compile_(where, r"(?<![\w-])(?:" + "|".join(patterns) + r")(?!\w)")

    def cues(where: str, patterns: list[str]) -> re.Pattern[str]:
        return words(where, patterns, re.I)

    triggers: dict[str, list[Trigger]] = {}
    parties = _parties(path, raw, lexicon.roster)
    names = parties.names
    screens: dict[str, re.Pattern[str]] = {}
    modes, defaults = {}, {}
    keywords = ahocorasick.Automaton()
    for event_type, spec in raw["events"].items():
        if event_type not in EVENT_TYPES:
            raise ValueError(
                f"{path}: events: unknown event_type {event_type!r} "
                f"(expected one of {', '.join(EVENT_TYPES)})"
            )
        if spec.get("actor") not in ACTOR_MODES:
            raise ValueError(
                f"{path}: events.{event_type}.actor must be one of {', '.join(ACTOR_MODES)}"
            )
        if not spec.get("keywords"):
            raise ValueError(f"{path}: events.{event_type} needs a keywords list")
        for word in spec["keywords"]:
            _, types = keywords.get(word.lower(), (0, frozenset()))
            keywords.add_word(word.lower(), (len(word), types | {event_type}))
        modes[event_type], defaults[event_type] = spec["actor"], spec["default"]
        triggers[event_type] = []
        for i, t in enumerate(spec["triggers"]):
            where = f"events.{event_type}.triggers[{i}]"
            triggers[event_type].append(
                Trigger(
                    event_type,
                    trigger_words(where, [t["pattern"]]),
                    words(where + ".with", [t["with"]]) if "with" in t else None,
                    words(where + ".unless", [t["unless"]]) if "unless" in t else None,
                    bool(t.get("nominal", False)),
                    bool(t.get("dated", False)),
                    words(where + ".occurs_with", [t["occurs_with"]])
                    if "occurs_with" in t
                    else None,
                    _fixed_actor(path, t, names),
                    words(where + ".leaders", [t["leaders"]]) if "leaders" in t else None,
                    words(where + ".unless_leaders", [t["unless_leaders"]])
                    if "unless_leaders" in t
                    else None,
                )
            )
        patterns = [t["pattern"] for t in spec["triggers"]]
        if not any(_BACKREFERENCE.search(p) for p in patterns):  # else they can't be joined
            screens[event_type] = trigger_words(f"events.{event_type}.triggers", patterns)
    keywords.make_automaton()
    reporting_verbs = lexicon_words(lexicon, "reporting_verbs")  # the lexicon's, read once
    try:
        realis = compile_realis(
            raw["realis"],
            raw["launch"],
            cues,
            compile_,
            negations=phrase_pattern(lexicon_words(lexicon, "negations")),
        )
    except (KeyError, TypeError) as err:
        raise ValueError(f"{path}: realis/launch: missing or malformed entry {err}") from None
    except ValueError as err:
        raise ValueError(f"{path}: {err}") from None
    return EventRules(
        triggers={k: tuple(v) for k, v in triggers.items()},
        screens=screens,
        keywords=keywords,
        actor_mode=modes,
        actor_default=defaults,
        classes=ClassFinder(lexicon),
        parties=parties,
        realis=realis,
        reporting=reporting_pattern(reporting_verbs),
        reacting=cues(
            "launch.reacting_verbs",
            [phrase_pattern(reporting_verbs), *raw["launch"].get("reacting_verbs", [])],
        ),
        furniture=lexicon.furniture,
    )


def _fixed_actor(path: Path, trigger: dict, names: tuple[str, ...]) -> str | None:
    """A trigger's `actor`: actor labels joined by "-" in the order ``actor`` joins them
    (the labels of `actors`); anything else is named with its line."""
    if "actor" not in trigger:
        return None
    parts = trigger["actor"].split("-")
    if any(p not in names for p in parts) or parts != sorted(parts, key=names.index):
        raise LexiconError(
            path,
            trigger["actor_line"],
            f"actor {trigger['actor']!r}: actor labels joined by '-' in the order "
            f"{'-'.join(names)} (the labels of `actors`)",
        )
    return trigger["actor"]


def _parties(path: Path, raw: dict, roster: Roster) -> Parties:
    """The rule file's `actors` over the roster; a key that is neither a roster group nor
    a roster name is named with its line."""
    known = set(roster.countries) | set(SPEAKER_GROUPS) | set(roster.speakers)
    for key, line in raw["actor_lines"].items():
        if key not in known:
            raise LexiconError(
                path, line, f"actors: {key!r} is neither a roster group nor a name in the roster"
            )
    return Parties(roster, raw["actors"])


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
_ESCAPE = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P<\w+>", re.S)


def _lower_pattern(pattern: str) -> str:
    """The pattern in lower case, escapes (\\W, \\D, \\N{...}) and group names kept:
    rule patterns are matched against lower-cased text, which is faster than
    case-insensitive matching (the regex engine can then skip ahead to a pattern's
    possible first characters)."""
    out, last = [], 0
    for m in _ESCAPE.finditer(pattern):
        out += [pattern[last : m.start()].lower(), m.group(0)]
        last = m.end()
    return "".join(out) + pattern[last:].lower()


def _lower(text: str) -> str:
    """`text` lower-cased character by character, offsets kept (a character whose lower
    case is longer, such as "İ", stays as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
