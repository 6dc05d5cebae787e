"""Reading analyst-edited YAML (the lexicon, the roster, the outlets) node by node, so that
every problem is reported with the file and the line it is on."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_PLAIN_YAML_TAGS = {"str", "int", "float", "bool", "null", "seq", "map"}


class LexiconError(ValueError):
    """A problem in a lexicon file, with the file and line it is on."""

    def __init__(self, path: str | Path, line: int | None, problem: str):
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


def compose(text: str, path: str | Path) -> yaml.Node:
    """The YAML node tree of `text`; LexiconError naming the line if it is not YAML or
    the file is empty."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise LexiconError(
            path,
            mark.line + 1 if mark else None,
            f"not valid YAML: {getattr(err, 'problem', None) or err}",
        ) from None
    if root is None:
        raise LexiconError(path, None, "the file is empty")
    return root


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class YamlReader:
    """Walks the composed YAML node tree, raising LexiconError with line numbers."""

    def __init__(self, path: str | Path):
        self.path = path

    def fail(self, node: yaml.Node | None, problem: str):
        raise LexiconError(self.path, _line(node) if node is not None else None, problem)

    def check_tag(self, node: yaml.Node, what: str):
        if node.tag.removeprefix("tag:yaml.org,2002:") not in _PLAIN_YAML_TAGS:
            self.fail(node, f"{what}: YAML tag {node.tag} is not allowed (plain values only)")

    def scalar(self, node: yaml.Node, what: str) -> str:
        self.check_tag(node, what)
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{what} must be a single value, not a list or mapping")
        value = node.value.strip()
        if not value:
            self.fail(node, f"{what} is empty")
        return value

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...] | None = None
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        self.check_tag(node, what)
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping of names to values")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for k, v in node.value:
            key = self.scalar(k, f"a key in {what}")
            if key in out:
                self.fail(k, f"duplicate key {key!r} in {what}")
            if allowed is not None and key not in allowed:
                self.fail(
                    k, f"unknown key {key!r} in {what} (expected one of: {', '.join(allowed)})"
                )
            out[key] = (k, v)
        return out

    def items(self, node: yaml.Node, what: str) -> list[tuple[str, int]]:
        self.check_tag(node, what)
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(node, f"{what} must be a non-empty list")
        return [(self.scalar(n, f"an entry of {what}"), _line(n)) for n in node.value]

    def require(self, parent: yaml.Node, found: dict, keys: tuple[str, ...], what: str):
        for key in keys:
            if key not in found:
                self.fail(parent, f"{what} has no {key!r}")

    def name(self, knode: yaml.Node, key: str, what: str) -> str:
        if not _NAME.match(key):
            self.fail(
                knode,
                f"{what} name {key!r} must be lower-case letters, digits and "
                "underscores, starting with a letter",
            )
        return key
