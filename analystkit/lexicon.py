"""The lexicon: data/lexicon.yml read safely, checked line by line, compiled into one
matcher (matcher.py).

Pattern syntax (quanteda's YAML dictionaries): words and phrases match case-insensitively
as whole words; `*`/`?` are globs; `re:...` marks a regular expression. The full rules are
in the header of data/lexicon.yml. The loaded Lexicon is immutable and cached per file
(its tags, speakers and roster are read-only); `Lexicon.without(...)` gives a variant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd
import yaml

from analystkit.lexicon_yaml import LexiconError, YamlReader, compose
from analystkit.matcher import Entry, Matcher, normalize, phrase_pattern
from analystkit.paths import DATA_DIR, LEXICON_PATH
from analystkit.roster import Roster, Speaker, load_roster
from analystkit.vocab import SPEAKER_GROUPS
from analystkit.voices import Voices

SPEAKER, ROLE, COUNTRY = "_speaker", "_role", "_country"
VERB, NEGATION, NEGATION_STOP = "_verb", "_negation", "_negation_stop"
REQUIRES, EXCLUDE = "_requires:", "_exclude:"  # + tag name: one category per tag

_TOP_KEYS = ("categories", "reporting_verbs", "negations", "negation_stops", "page_furniture")
_TAG_KEYS = ("definition", "example")
_TAG_OPTIONAL = (
    "patterns",
    "roster",
    "idioms",
    "reported",
    "requires",
    "exclude",
    "counter_examples",
)


@dataclass(frozen=True)
class Tag:
    """One tag: its category, a one-line definition, an example sentence, its patterns.

    A tag with `roster` (a speaker group) also matches the names roster.yml gives that
    group (``Roster.topic_names``: country words, people's full names); `patterns`
    lists them after the tag's own. For tags that need context: a match of `patterns`
    counts only in a sentence that also holds one of `requires` (when given); `idioms`
    count on their own; `reported` phrases name a party's act ("threats to strike the
    base") and count on their own in the reporter's narration too (stance.py); a match
    inside one of `exclude` never counts.
    `counter_examples` are sentences written for the project that must not get the tag
    (tested)."""

    category: str
    name: str
    definition: str
    example: str
    patterns: tuple[str, ...]
    idioms: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    roster: str = ""


# ---------------------------------------------------------------- normalization


# ---------------------------------------------------------------- pattern compilation


# ---------------------------------------------------------------- YAML reading


def _tag(
    r: YamlReader, cat: str, name: str, node: yaml.Node, roster: Roster
) -> tuple[Tag, list[Entry]]:
    """One tag and the matcher entries of its patterns (its own, then its roster
    group's names), idioms, reported phrases, requires and excludes."""
    fields = r.mapping(node, f"tag {name!r}", _TAG_KEYS + _TAG_OPTIONAL)
    r.require(node, fields, _TAG_KEYS, f"tag {name!r}")
    if "patterns" not in fields and "roster" not in fields:
        r.fail(node, f"tag {name!r} needs patterns, a roster group, or both")
    lists = {
        k: r.items(fields[k][1], f"the {k} of {name!r}") if k in fields else []
        for k in ("patterns", "idioms", "reported", "requires", "exclude", "counter_examples")
    }
    group = _roster_group(r, fields["roster"][1], name) if "roster" in fields else ""
    names = roster.topic_names(group) if group else []
    _check_not_in_roster(r, lists["patterns"], names, name)
    entries = [Entry(p, cat, name, line) for p, line in lists["patterns"]]
    entries += [Entry(p, cat, name, line, path) for p, path, line in names]
    lists["patterns"] += [(p, line) for p, _, line in names]
    entries += [Entry(p, cat, name, line, idiom=True) for p, line in lists["idioms"]]
    entries += [
        Entry(p, cat, name, line, idiom=True, reported=True) for p, line in lists["reported"]
    ]
    entries += [Entry(p, REQUIRES + name, name, line) for p, line in lists["requires"]]
    entries += [Entry(p, EXCLUDE + name, name, line) for p, line in lists["exclude"]]
    words = {k: tuple(v for v, _ in found) for k, found in lists.items()}
    tag = Tag(
        cat,
        name,
        r.scalar(fields["definition"][1], f"the definition of {name!r}"),
        r.scalar(fields["example"][1], f"the example of {name!r}"),
        words["patterns"],
        words["idioms"],
        words["reported"],
        words["requires"],
        words["exclude"],
        words["counter_examples"],
        group,
    )
    return tag, entries


def _roster_group(r: YamlReader, node: yaml.Node, name: str) -> str:
    """The speaker group a tag's `roster` key names (one of SPEAKER_GROUPS)."""
    group = r.scalar(node, f"the roster group of {name!r}")
    if group not in SPEAKER_GROUPS:
        r.fail(
            node,
            f"the roster group of {name!r}: {group!r} is not a speaker group "
            f"(expected one of: {', '.join(SPEAKER_GROUPS)})",
        )
    return group


def _check_not_in_roster(
    r: YamlReader, patterns: list[tuple[str, int]], names: list[tuple[str, str, int]], tag: str
) -> None:
    """A tag's own pattern that its roster group already names is written twice: say
    where (one vocabulary: the names live in roster.yml)."""
    known = {normalize(p): (path, line) for p, path, line in names}
    for p, line in patterns:
        if (key := normalize(p)) in known:
            path, at = known[key]
            raise LexiconError(
                r.path, line, f"{p!r} of {tag!r} is already in its roster group ({path}, line {at})"
            )


def _roster_entries(roster: Roster) -> list[Entry]:
    """Matcher entries for the roster: speaker cues (with their titled full names),
    role words, country words."""
    entries = []
    for name, sp in roster.speakers.items():
        path, lines = roster.lines[name]
        entries += [Entry(c, SPEAKER, name, line, path) for c, line in zip(sp.cues, lines)]
        entries += [
            Entry(c, SPEAKER, name, line, path) for c, line in _titled_names(sp.cues, lines)
        ]
    for kind, words in roster.roles.items():
        entries += [Entry(w, ROLE, kind, line, roster.path) for w, line in words]
    for group, words in roster.countries.items():
        entries += [Entry(w, COUNTRY, group, line, roster.path) for w, line in words]
    return entries


def _titled_names(cues: Sequence[str], lines: Sequence[int]) -> list[tuple[str, int]]:
    """A titled surname run on into the full name ("President Moon" and "Moon Jae-in"
    give "President Moon Jae-in"), with the titled cue's line: one cue over the whole
    name, where the matcher, taking the leftmost of two overlapping cues, would leave
    the given name outside the speaker ("President Moon" + "Jae-in"). A title written
    in lower case ("leader Kim") is a description, read with its possessor, not a name.

    >>> _titled_names(("Moon Jae-in", "President Moon", "Moon"), [1, 1, 1])
    [('President Moon Jae-in', 1)]
    """
    known = set(cues)
    out: dict[str, int] = {}
    for cue, line in zip(cues, lines):
        *title, surname = cue.split()
        if not title or not title[0][0].isupper():  # "leader Kim": a description
            continue
        for full in cues:
            first, *rest = full.split()
            joined = f"{cue} {' '.join(rest)}"
            if first == surname and rest and joined not in known:
                out.setdefault(joined, line)
    return list(out.items())


def _parse(text: str, path: str | Path, roster: Roster) -> Lexicon:
    r = YamlReader(path)
    root = compose(text, path)
    top = r.mapping(root, "the lexicon", _TOP_KEYS)
    r.require(root, top, ("categories",), "the lexicon")
    entries: list[Entry] = []
    tags: dict[str, Tag] = {}
    cats = r.mapping(top["categories"][1], "categories")
    for cat, (cnode, cval) in cats.items():
        r.name(cnode, cat, "category")
        for tname, (tnode, tval) in r.mapping(cval, f"category {cat!r}").items():
            r.name(tnode, tname, "tag")
            if tname in tags:
                r.fail(tnode, f"tag {tname!r} is already in category {tags[tname].category!r}")
            tags[tname], found = _tag(r, cat, tname, tval, roster)
            entries += found
    for key, cat in (
        ("reporting_verbs", VERB),
        ("negations", NEGATION),
        ("negation_stops", NEGATION_STOP),
    ):
        words = r.items(top[key][1], key) if key in top else []
        entries += [Entry(v, cat, v, line) for v, line in words]
    furniture = (
        r.items(top["page_furniture"][1], "page_furniture") if "page_furniture" in top else []
    )
    for pattern, line in furniture:
        try:
            re.compile(phrase_pattern([pattern]))
        except (ValueError, re.error) as err:
            raise LexiconError(path, line, f"page_furniture {pattern!r}: {err}") from None
    lex = Lexicon(
        path, tags, roster, entries + _roster_entries(roster), tuple(p for p, _ in furniture)
    )
    _ = lex.matcher  # compile now, so pattern errors surface at load time
    return lex


class Lexicon:
    """Categories → tags → patterns, speakers and their cues, as read from a YAML file.

    `table()` lists the tags with definitions and examples; `speaker_table()` the
    speakers; `matcher` is the compiled form used by `ak.tag` and `ak.sentences`.

    A Lexicon is immutable: `tags`, `speakers` and the mappings of its `roster` are
    read-only, of frozen records, so the lexicon `load_lexicon` caches and hands out again
    cannot drift from what it matches. For a variant, edit a copy of the YAML file and
    load that, or take `without(...)` some tags.

    Parameters
    ----------
    path : str or pathlib.Path
        The file the lexicon was read from (kept as str; names it in errors).
    tags : mapping of str to Tag
        Tag name -> its `Tag` record (category, definition, example, patterns, ...).
    roster : Roster
        The speakers, role words and country words (from roster.yml and outlets.yml).
    entries : iterable of Entry
        The matcher entries: every pattern, idiom, requires/exclude phrase, reporting
        verb, negation, negation stop and roster cue, with the line it came from.
    page_furniture : tuple of str, default ()
        Patterns that open a line a web page sets around the story (`page_furniture`).

    See Also
    --------
    load_lexicon : Read a lexicon file (the usual way to get one).

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.tags["threat"].category
    'rhetoric'
    >>> lex.tags.pop("threat")
    Traceback (most recent call last):
    ...
    AttributeError: 'mappingproxy' object has no attribute 'pop'
    >>> "threat" in lex.without("threat").tags, "threat" in load_lexicon().tags
    (False, True)
    """

    def __init__(
        self,
        path: str | Path,
        tags: Mapping[str, Tag],
        roster: Roster,
        entries: Iterable[Entry],
        page_furniture: tuple[str, ...] = (),
    ):
        self._path = str(path)
        self._tags: Mapping[str, Tag] = MappingProxyType(dict(tags))
        self._roster = roster
        self._entries: tuple[Entry, ...] = tuple(entries)
        self._page_furniture = tuple(page_furniture)

    @property
    def path(self) -> str:
        """The lexicon file it was read from."""
        return self._path

    @property
    def tags(self) -> Mapping[str, Tag]:
        """Tag name → Tag, in file order (read-only)."""
        return self._tags

    @property
    def roster(self) -> Roster:
        """The roster (data/roster.yml and outlets.yml) its speaker cues come from."""
        return self._roster

    @property
    def speakers(self) -> Mapping[str, Speaker]:
        """Roster name → Speaker (read-only)."""
        return MappingProxyType(self._roster.speakers)

    def without(self, *names: str) -> Lexicon:
        """A new Lexicon without the tags `names` (their patterns, idioms, reported
        phrases, requires and excludes); this one is unchanged. An unknown name raises
        ValueError."""
        unknown = [n for n in names if n not in self._tags]
        if unknown:
            raise ValueError(f"{self._path}: no tag {unknown[0]!r}")
        gone = set(names)
        tags = {n: t for n, t in self._tags.items() if n not in gone}
        entries = [
            e
            for e in self._entries
            if not (
                e.tag in gone
                and e.category in (self._tags[e.tag].category, REQUIRES + e.tag, EXCLUDE + e.tag)
            )
        ]
        return Lexicon(self._path, tags, self._roster, entries, self._page_furniture)

    @property
    def categories(self) -> list[str]:
        """Category names, in file order."""
        return list(dict.fromkeys(t.category for t in self.tags.values()))

    @cached_property
    def matcher(self) -> Matcher:
        """Every pattern: tags, roster cues, role and country words, reporting verbs,
        negations."""
        return Matcher(self._entries, self.path)

    @cached_property
    def speaker_matcher(self) -> Matcher:
        """Only what attribution needs (for `ak.sentences`)."""
        return Matcher([e for e in self._entries if e.category.startswith("_")], self.path)

    @cached_property
    def tag_matcher(self) -> Matcher:
        """What tagging reads once attribution is done (``ak.tag`` of a sentences
        frame): the tags, negations and stance cues, without the roster's words. Its
        matches of the tags are those of `matcher` (overlaps are settled per category)."""
        speakers = (SPEAKER, ROLE, COUNTRY, VERB)
        return Matcher([e for e in self._entries if e.category not in speakers], self.path)

    @property
    def page_furniture(self) -> tuple[str, ...]:
        """The patterns of `page_furniture`, as written."""
        return self._page_furniture

    @cached_property
    def furniture(self) -> re.Pattern[str] | None:
        """`page_furniture` as one case-insensitive regex, matched at a sentence's start
        and ending at a word's end (None when the list is empty): see
        splitting.page_furniture."""
        if not self._page_furniture:
            return None
        return re.compile(rf"(?:{phrase_pattern(list(self._page_furniture))})(?!\w)", re.I)

    @cached_property
    def voices(self) -> Voices:
        """The roster's outlets, to find the one an article speaks as (source voice)."""
        return Voices(self.roster)

    def category_matcher(self, category: str) -> Matcher:
        """The patterns of one category only (ak.extract_events reads missile classes
        with the "weapon" patterns); compiled once per category."""
        if category not in self.categories:
            raise ValueError(
                f"{self.path}: no category {category!r} (categories: {', '.join(self.categories)})"
            )
        compiled = self.__dict__.setdefault("_category_matchers", {})
        if category not in compiled:
            compiled[category] = Matcher(
                [e for e in self._entries if e.category == category], self.path
            )
        return compiled[category]

    def __getstate__(self):  # the automaton is rebuilt after pickling
        state = self.__dict__.copy()
        state.pop("matcher", None)
        state.pop("speaker_matcher", None)
        state.pop("tag_matcher", None)
        state.pop("voices", None)
        state.pop("_category_matchers", None)
        state["_tags"] = dict(self._tags)  # a mappingproxy does not pickle
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._tags = MappingProxyType(dict(self._tags))

    def __repr__(self) -> str:
        n_pat = sum(len(t.patterns) for t in self.tags.values())
        return (
            f"<Lexicon {Path(self.path).name}: {len(self.categories)} categories "
            f"({', '.join(self.categories)}), {len(self.tags)} tags, {n_pat} patterns, "
            f"{len(self.speakers)} speakers>"
        )

    def table(self) -> pd.DataFrame:
        """One row per tag: category, tag, definition, example, n_patterns, patterns
        (its patterns, idioms and reported phrases)."""
        return pd.DataFrame(
            [
                (
                    t.category,
                    t.name,
                    t.definition,
                    t.example,
                    len(t.patterns + t.idioms + t.reported),
                    ", ".join(t.patterns + t.idioms + t.reported),
                )
                for t in self.tags.values()
            ],
            columns=["category", "tag", "definition", "example", "n_patterns", "patterns"],
        )

    def speaker_table(self) -> pd.DataFrame:
        """One row per roster entry: speaker, kind (person, body, outlet),
        speaker_group, years (empty: always), cues."""
        return pd.DataFrame(
            [
                (
                    s.name,
                    s.kind,
                    s.group,
                    ", ".join(f"{a}-{b if b < 9999 else ''}" for a, b in s.years),
                    ", ".join(s.cues),
                )
                for s in self.speakers.values()
            ],
            columns=["speaker", "kind", "speaker_group", "years", "cues"],
        )


def lexicon_from_text(
    text: str, path: str | Path = "<text>", roster: Roster | None = None
) -> Lexicon:
    """A Lexicon from YAML text (errors name `path`), with `roster` (default: the kit's
    data/roster.yml and data/outlets.yml)."""
    return _parse(
        text, path, roster if roster is not None else _roster(DATA_DIR, *_stamp(DATA_DIR))
    )


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and check a lexicon file (default: data/lexicon.yml) with the roster.yml and
    outlets.yml beside it (else the kit's own). Raises LexiconError naming the file, line
    and problem. A file read before is reused until it changes
    (its modification time or size), so tagging calls don't recompile it.

    Parameters
    ----------
    path : str, pathlib.Path or None, default None
        The lexicon YAML file; None reads the kit's ``LEXICON_PATH``. The roster files
        are taken from its folder when it holds a roster.yml.

    Returns
    -------
    Lexicon
        The checked, compiled and immutable lexicon (the same object for an unchanged file).

    Raises
    ------
    LexiconError
        The file cannot be read, is not valid YAML, or breaks the lexicon's schema or a
        pattern's syntax (the message names the file and line).

    Examples
    --------
    >>> import analystkit as ak
    >>> lexicon = ak.load_lexicon()
    >>> lexicon.categories
    ['actor', 'weapon', 'event', 'rhetoric']
    >>> lexicon.tags["threat"].category, lexicon.speakers["KCNA"].group
    ('rhetoric', 'dprk_state')
    >>> ak.load_lexicon() is lexicon  # cached until the files change; immutable
    True
    """
    path = Path(path) if path is not None else LEXICON_PATH
    try:
        stat = path.stat()
    except OSError as err:
        raise LexiconError(path, None, f"cannot read the file: {err}") from None
    folder = path.parent if (path.parent / "roster.yml").is_file() else DATA_DIR
    return _read_lexicon(path, stat.st_mtime_ns, stat.st_size, folder, *_stamp(folder))


def _stamp(folder: Path) -> tuple[int, int]:
    """A change stamp of the roster files in `folder` (modification times, sizes)."""
    stats = [(folder / n).stat() for n in ("roster.yml", "outlets.yml") if (folder / n).is_file()]
    return sum(s.st_mtime_ns for s in stats), sum(s.st_size for s in stats)


@lru_cache(maxsize=8)
def _roster(folder: Path, mtime_ns: int, size: int) -> Roster:
    return load_roster(folder)


@lru_cache(maxsize=8)
def _read_lexicon(
    path: Path, mtime_ns: int, size: int, folder: Path, roster_mtime_ns: int, roster_size: int
) -> Lexicon:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(path, None, f"cannot read the file: {err}") from None
    return _parse(text, path, _roster(folder, roster_mtime_ns, roster_size))


def as_lexicon(lexicon: Lexicon | str | Path | None) -> Lexicon:
    """A Lexicon as given, read from a path, or the default one (None)."""
    if isinstance(lexicon, Lexicon):
        return lexicon
    if lexicon is None or isinstance(lexicon, (str, Path)):
        return load_lexicon(lexicon)
    raise TypeError(f"lexicon must be a Lexicon, a path or None, not {type(lexicon).__name__}")
