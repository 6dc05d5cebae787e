"""Reading data/event_rules.yml node by node with the lexicon's YAML reader, so that a
broken edit is reported as the lexicon's are: the file, the line and the problem
(`LexiconError`, a ValueError). The result is the plain structure the rule compiler in
analystkit/events.py takes (the same values `yaml.safe_load` would give a valid file).

Patterns are Python regular expressions; one may be written ``re:...`` to say so
explicitly (the prefix is dropped). Every pattern is compiled here, so a bad one names
its line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from analystkit.lexicon_yaml import LexiconError, YamlReader, compose
from analystkit.realis import AFTER_ORDER, BEFORE_ORDER
from analystkit.vocab import EVENT_TYPES

RULE_KEYS = ("events", "parties", "launch", "realis")
RETIRED_KEYS = {
    "modality": ": the negation and hypothetical cues are now the `realis` "
    "section (before/after cues by realis value); move your cues there",
    "missile_class_order": ": which class wins when a text names several is "
    "fixed, most capable first (analystkit.vocab.CLASS_PRECEDENCE, the order "
    "data/README.md documents); delete the key",
}
_EVENT_KEYS = ("keywords", "actor", "default", "triggers")
_TRIGGER_KEYS = ("pattern", "with", "unless", "nominal")
_LAUNCH_KEYS = ("launched_things", "support_verbs", "reporting_verbs")
_REALIS_KEYS = ("window_words", "clause_breaks", "date_breaks", "before", "after")
_ACTOR_MODES = ("nearest", "parties")
_TRUE, _FALSE = ("true", "yes", "on"), ("false", "no", "off")


def read_event_rules(path: str | Path) -> dict[str, Any]:
    """The checked contents of an event rule file: ``events``, ``parties``, ``launch``
    and ``realis`` as plain dicts, lists, strings, booleans and integers. Raises
    LexiconError naming the file, the line and the problem.

    Examples
    --------
    >>> from analystkit.event_rules import RULES_PATH
    >>> rules = read_event_rules(RULES_PATH)
    >>> sorted(rules)
    ['events', 'launch', 'parties', 'realis']
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
    analystkit.lexicon_yaml.LexiconError: mine.yml, line 1: the rule file has no 'parties'
    """
    r = _RulesReader(path)
    root = compose(text, path)
    top = r.mapping(root, "the rule file")
    for key, (knode, _) in top.items():
        if key not in RULE_KEYS:
            r.fail(
                knode,
                f"unknown key {key!r} (expected one of: {', '.join(RULE_KEYS)})"
                + RETIRED_KEYS.get(key, ""),
            )
    r.require(root, top, RULE_KEYS, "the rule file")
    launch = r.mapping(top["launch"][1], "launch", _LAUNCH_KEYS)
    r.require(top["launch"][1], launch, _LAUNCH_KEYS, "launch")
    return {
        "events": {
            event_type: r.event(knode, event_type, node)
            for event_type, (knode, node) in r.mapping(top["events"][1], "events").items()
        },
        "parties": {
            name: [p for p, _ in r.items(node, f"the phrases of party {name!r}")]
            for name, (_, node) in r.mapping(top["parties"][1], "parties").items()
        },
        "launch": {key: r.patterns(launch[key][1], f"launch.{key}") for key in _LAUNCH_KEYS},
        "realis": r.realis(top["realis"][1]),
    }


class _RulesReader(YamlReader):
    """YamlReader with the rule file's value kinds: patterns, flags, counts."""

    def pattern(self, node: yaml.Node, what: str, launched: bool = False) -> str:
        """A regular expression (``re:`` prefix dropped), compiled to check it;
        `launched`: it may hold ``{launched}`` (launch.launched_things)."""
        value = self.scalar(node, what).removeprefix("re:").strip()
        if not value:
            self.fail(node, f"{what} is empty")
        try:
            re.compile(value.replace("{launched}", "(?:x)") if launched else value)
        except re.error as err:
            self.fail(node, f"{what}: bad pattern {value!r}: {err}")
        return value

    def patterns(self, node: yaml.Node, what: str) -> list[str]:
        self.items(node, what)  # a non-empty list of plain values
        return [self.pattern(n, f"an entry of {what}") for n in node.value]

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
        if actor not in _ACTOR_MODES:
            self.fail(spec["actor"][1], f"{where}.actor must be nearest or parties, not {actor!r}")
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
        out: dict[str, Any] = {"pattern": self.pattern(fields["pattern"][1], f"{where}.pattern")}
        if "with" in fields:
            out["with"] = self.pattern(fields["with"][1], f"{where}.with", launched=True)
        if "unless" in fields:
            out["unless"] = self.pattern(fields["unless"][1], f"{where}.unless")
        if "nominal" in fields:
            out["nominal"] = self.flag(fields["nominal"][1], f"{where}.nominal")
        return out

    def realis(self, node: yaml.Node) -> dict[str, Any]:
        fields = self.mapping(node, "realis", _REALIS_KEYS)
        self.require(node, fields, _REALIS_KEYS, "realis")
        out: dict[str, Any] = {
            "window_words": self.count(fields["window_words"][1], "realis.window_words"),
            "clause_breaks": self.pattern(fields["clause_breaks"][1], "realis.clause_breaks"),
            "date_breaks": self.pattern(fields["date_breaks"][1], "realis.date_breaks"),
        }
        for section, order in (("before", BEFORE_ORDER), ("after", AFTER_ORDER)):
            cues = self.mapping(fields[section][1], f"realis.{section}", order)
            out[section] = {
                realis: self.patterns(cnode, f"realis.{section}.{realis}")
                for realis, (_, cnode) in cues.items()
            }
        return out


__all__ = ["LexiconError", "read_event_rules", "event_rules_from_text"]
