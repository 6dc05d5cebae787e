"""Reading data/event_rules.yml node by node with the lexicon's YAML reader, so that a
broken edit is reported as the lexicon's are: the file, the line and the problem
(`LexiconError`, a ValueError). The result is the plain structure the rule compiler in
analystkit/event_rules.py takes: the rule file's lists of words, phrases and globs already
turned into regular expressions.

Patterns have the lexicon's syntax (matcher.pattern_regex): words, phrases and globs, a
list for alternatives, ``{name}`` for a list of the ``words`` section, ``re:...`` for a
regular expression. Every pattern is compiled here, so a bad one names its line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from analystkit.lexicon_yaml import LexiconError, YamlReader, compose
from analystkit.matcher import pattern_regex, phrase_pattern
from analystkit.realis import AFTER_ORDER, BEFORE_ORDER
from analystkit.vocab import EVENT_TYPES

RULE_KEYS = ("events", "actors", "launch", "realis")
OPTIONAL_KEYS = ("words",)
RETIRED_KEYS = {
    "modality": ": the negation and hypothetical cues are now the `realis` "
    "section (before/after cues by realis value); move your cues there",
    "parties": ": who acts is the roster's people, bodies and countries "
    "(data/roster.yml, with data/outlets.yml the one list of who speaks), named by "
    "`actors` (roster group or name -> actor label); add a name to the roster",
    "missile_class_order": ": which class wins when a text names several is "
    "fixed, most capable first (analystkit.vocab.CLASS_PRECEDENCE, the order "
    "data/README.md documents); delete the key",
}
_EVENT_KEYS = ("keywords", "actor", "default", "triggers")
_TRIGGER_KEYS = (
    "pattern",
    "not_before",
    "with",
    "occurs_with",
    "unless",
    "nominal",
    "dated",
    "actor",
    "leaders",
    "unless_leaders",
)
_LAUNCH_KEYS = ("launched_things", "support_verbs", "reporting_verbs")
_NOT_LAUNCHED_AFTER = "not_launched_after"  # optional: the words of a missile-defence test
_REACTING_VERBS = "reacting_verbs"  # optional: beside the lexicon's reporting verbs
_INTERCEPT_WORDS = "intercept_words"  # optional: a sentence of a missile-defence test
_REALIS_KEYS = ("window_words", "clause_breaks", "date_breaks", "before", "after")
_REALIS_OPTIONAL = ("cause_clause", "happened", "to_come_clause", "when_clause", "present_verbs")
ACTOR_MODES = ("nearest", "parties", "between")
"""How an event type names its actor (data/event_rules.yml's header says what each does)."""
_TRUE, _FALSE = ("true", "yes", "on"), ("false", "no", "off")
_REGEX_SYNTAX = re.compile(r"[\\|()\[\]+^$]")
"""What a word or phrase never holds, and a regular expression often does."""
LAUNCHED = "launched"
"""The name of launch.launched_things in a pattern: ``{launched}``."""


def read_event_rules(path: str | Path) -> dict[str, Any]:
    """The checked contents of an event rule file: ``events``, ``actors`` (with
    ``actor_lines``), ``launch`` and ``realis`` as plain dicts, lists, strings, booleans
    and integers, each list of patterns one regular expression. Raises LexiconError
    naming the file, the line and the problem.

    Examples
    --------
    >>> from analystkit.event_rules import RULES_PATH
    >>> rules = read_event_rules(RULES_PATH)
    >>> sorted(rules)
    ['actor_lines', 'actors', 'events', 'launch', 'realis']
    >>> rules["events"]["missile_launch"]["actor"]
    'nearest'
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(path, None, f"cannot read the file: {err}") from None
    return event_rules_from_text(text, path)


def event_rules_from_text(text: str, path: str | Path = "<text>") -> dict[str, Any]:
    """As read_event_rules, from YAML text (errors name `path`).

    Examples
    --------
    >>> event_rules_from_text("events: {}\\n", "mine.yml")
    Traceback (most recent call last):
    ...
    analystkit.lexicon_yaml.LexiconError: mine.yml, line 1: the rule file has no 'actors'
    """
    r = _RulesReader(path)
    root = compose(text, path)
    top = r.mapping(root, "the rule file")
    for key, (knode, _) in top.items():
        if key not in RULE_KEYS + OPTIONAL_KEYS:
            r.fail(
                knode,
                f"unknown key {key!r} (expected one of: {', '.join(RULE_KEYS + OPTIONAL_KEYS)})"
                + RETIRED_KEYS.get(key, ""),
            )
    r.require(root, top, RULE_KEYS, "the rule file")
    launch = r.mapping(
        top["launch"][1],
        "launch",
        (*_LAUNCH_KEYS, _NOT_LAUNCHED_AFTER, _REACTING_VERBS, _INTERCEPT_WORDS),
    )
    r.require(top["launch"][1], launch, _LAUNCH_KEYS, "launch")
    if "words" in top:
        for name, (knode, node) in r.mapping(top["words"][1], "words").items():
            r.name(knode, name, "word list")
            r.slots[name] = r.patterns(node, f"words.{name}")
    launched = {
        key: r.patterns(launch[key][1], f"launch.{key}")
        for key in (*_LAUNCH_KEYS, _REACTING_VERBS, _INTERCEPT_WORDS)
        if key in launch
    }
    r.slots[LAUNCHED] = launched["launched_things"]
    if _NOT_LAUNCHED_AFTER in launch:  # "a target ICBM", "an interceptor missile"
        words = r.plain_words(launch[_NOT_LAUNCHED_AFTER][1], f"launch.{_NOT_LAUNCHED_AFTER}")
        launched[_NOT_LAUNCHED_AFTER] = (
            "(?:" + "|".join(re.escape(w) for w in words) + rf")\s+(?:{r.slots[LAUNCHED]})"
        )
    return {
        "events": {
            event_type: r.event(knode, event_type, node)
            for event_type, (knode, node) in r.mapping(top["events"][1], "events").items()
        },
        **r.actors(top["actors"][1]),
        "launch": {key: [pattern] for key, pattern in launched.items()},
        "realis": r.realis(top["realis"][1]),
    }


class _RulesReader(YamlReader):
    """YamlReader with the rule file's value kinds: patterns, flags, counts; `slots` are
    the word lists read so far, as regular expressions, by name."""

    def __init__(self, path: str | Path):
        super().__init__(path)
        self.slots: dict[str, str] = {}

    def entry(self, node: yaml.Node, what: str) -> str:
        """One word, phrase, glob or ``re:`` pattern, checked (as written)."""
        value = self.scalar(node, what)
        if not value.startswith("re:") and _REGEX_SYNTAX.search(value):
            self.fail(
                node,
                f"{what}: {value!r} looks like a regular expression: write the "
                "alternatives as a list of words and phrases, or mark it re:",
            )
        try:
            regex = pattern_regex(value, self.slots)
            re.compile(regex)
        except (ValueError, re.error) as err:
            self.fail(node, f"{what}: bad pattern {value!r}: {err}")
        if not regex:
            self.fail(node, f"{what} is empty")
        return value

    def patterns(self, node: yaml.Node, what: str) -> str:
        """A pattern or a non-empty list of them, as one regex alternation."""
        nodes = [node] if isinstance(node, yaml.ScalarNode) else node.value
        if not isinstance(node, yaml.ScalarNode):
            self.items(node, what)  # a non-empty list of plain values
        entries = [self.entry(n, f"an entry of {what}") for n in nodes]
        return phrase_pattern(entries, self.slots)

    def plain_words(self, node: yaml.Node, what: str) -> list[str]:
        """A non-empty list of single words (letters and hyphens: no phrase, glob or
        ``re:``), as written."""
        found = self.items(node, what)
        for (word, _), item in zip(found, node.value):
            if not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", word):
                self.fail(item, f"an entry of {what}: {word!r} is not a single word")
        return [word for word, _ in found]

    def breaks(self, node: yaml.Node, what: str) -> str:
        """Clause breaks: words and phrases (whole words) and ``re:`` punctuation (where
        it stands), one regex alternation, the ``re:`` entries first."""
        self.items(node, what)
        entries = [self.entry(n, f"an entry of {what}") for n in node.value]
        marks = [pattern_regex(e) for e in entries if e.startswith("re:")]
        words = [e for e in entries if not e.startswith("re:")]
        bounded = [rf"(?<!\w)(?:{phrase_pattern(words, self.slots)})(?!\w)"] if words else []
        return "|".join(marks + bounded)

    def flag(self, node: yaml.Node, what: str) -> bool:
        value = self.scalar(node, what).lower()
        if value not in _TRUE + _FALSE:
            self.fail(node, f"{what} must be true or false, not {value!r}")
        return value in _TRUE

    def count(self, node: yaml.Node, what: str) -> int:
        value = self.scalar(node, what)
        if not value.isdigit() or int(value) < 1:
            self.fail(node, f"{what} must be a whole number of at least 1, not {value!r}")
        return int(value)

    def event(self, knode: yaml.Node, event_type: str, node: yaml.Node) -> dict[str, Any]:
        if event_type not in EVENT_TYPES:
            self.fail(
                knode,
                f"events: unknown event_type {event_type!r} "
                f"(expected one of: {', '.join(EVENT_TYPES)})",
            )
        where = f"events.{event_type}"
        spec = self.mapping(node, where, _EVENT_KEYS)
        self.require(node, spec, _EVENT_KEYS, where)
        actor = self.scalar(spec["actor"][1], f"{where}.actor")
        if actor not in ACTOR_MODES:
            self.fail(
                spec["actor"][1],
                f"{where}.actor must be one of {', '.join(ACTOR_MODES)}, not {actor!r}",
            )
        triggers = spec["triggers"][1]
        self.check_tag(triggers, f"{where}.triggers")
        if not isinstance(triggers, yaml.SequenceNode) or not triggers.value:
            self.fail(triggers, f"{where}.triggers must be a non-empty list")
        return {
            "keywords": [w for w, _ in self.items(spec["keywords"][1], f"{where}.keywords")],
            "actor": actor,
            "default": self.scalar(spec["default"][1], f"{where}.default"),
            "triggers": [
                self.trigger(t, f"{where}.triggers[{i}]") for i, t in enumerate(triggers.value)
            ],
        }

    def trigger(self, node: yaml.Node, where: str) -> dict[str, Any]:
        fields = self.mapping(node, where, _TRIGGER_KEYS)
        self.require(node, fields, ("pattern",), where)
        pattern = self.patterns(fields["pattern"][1], f"{where}.pattern")
        if "not_before" in fields:  # "launch pad": a launch word naming a place or thing
            after = self.patterns(fields["not_before"][1], f"{where}.not_before")
            pattern = rf"(?:{pattern})(?!\s+(?:{after}))"
        out: dict[str, Any] = {"pattern": pattern}
        for key in ("with", "occurs_with", "unless", "leaders", "unless_leaders"):
            if key in fields:
                out[key] = self.patterns(fields[key][1], f"{where}.{key}")
        for key in ("nominal", "dated"):
            if key in fields:
                out[key] = self.flag(fields[key][1], f"{where}.{key}")
        if "actor" in fields:  # who holds a named exercise, whoever the sentence names
            out["actor"] = self.scalar(fields["actor"][1], f"{where}.actor")
            out["actor_line"] = fields["actor"][1].start_mark.line + 1
        return out

    def actors(self, node: yaml.Node) -> dict[str, Any]:
        """`actors` (roster group or name -> actor label) and the line of each key."""
        fields = self.mapping(node, "actors")
        return {
            "actors": {
                k: self.scalar(v, f"the actor label of {k!r}") for k, (_, v) in fields.items()
            },
            "actor_lines": {k: knode.start_mark.line + 1 for k, (knode, _) in fields.items()},
        }

    def realis(self, node: yaml.Node) -> dict[str, Any]:
        fields = self.mapping(node, "realis", _REALIS_KEYS + _REALIS_OPTIONAL)
        self.require(node, fields, _REALIS_KEYS, "realis")
        out: dict[str, Any] = {
            "window_words": self.count(fields["window_words"][1], "realis.window_words"),
            "clause_breaks": self.breaks(fields["clause_breaks"][1], "realis.clause_breaks"),
            "date_breaks": self.breaks(fields["date_breaks"][1], "realis.date_breaks"),
        }
        for section, order in (("before", BEFORE_ORDER), ("after", AFTER_ORDER)):
            cues = self.mapping(fields[section][1], f"realis.{section}", order)
            out[section] = {
                realis: [self.patterns(cnode, f"realis.{section}.{realis}")]
                for realis, (_, cnode) in cues.items()
            }
        for key in _REALIS_OPTIONAL:
            if key in fields:
                out[key] = self.patterns(fields[key][1], f"realis.{key}")
        return out


__all__ = ["LexiconError", "read_event_rules", "event_rules_from_text"]
