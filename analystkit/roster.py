"""The roster (data/roster.yml) and the outlets table (data/outlets.yml): who can be
credited with a sentence, the group each speaks for and when, and the role and country
words that place an unnamed speaker ("a South Korean official").

Both files are read with the lexicon's checks: an error names the file and the line."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import ahocorasick
import yaml

from analystkit.clauses import IRREGULAR_PAST, POSSESSIVE
from analystkit.lexicon_yaml import LexiconError, YamlReader, compose
from analystkit.vocab import SPEAKER_GROUPS

PERSON, BODY, OUTLET = "person", "body", "outlet"
GOVERNMENT, STATE_MEDIA, EVENT = "government", "state_media", "event"
ROLE_KINDS = (GOVERNMENT, STATE_MEDIA, EVENT) + SPEAKER_GROUPS
_YEARS = re.compile(r"(\d{4})\s*-\s*(\d{4})?\Z")
_ROSTER_KEYS = ("people", "bodies", "roles", "state_media_groups", "countries")
_PERSON_KEYS = ("group", "years", "titles", "cues", "died", "gender")
_GENDERS = ("f", "m")
_OUTLET_KEYS = ("group", "country", "cues")
_OPEN_END = 9999


@dataclass(frozen=True)
class Speaker:
    """A person, body or outlet a sentence can be credited to. `years` are the spans
    (first, last) of its role; empty: always."""

    name: str
    group: str
    cues: tuple[str, ...]
    kind: str = BODY
    years: tuple[tuple[int, int], ...] = ()
    titles: tuple[str, ...] = ()
    died: int | None = None  # a surname alone in a later article is not them
    gender: str | None = None  # "f" or "m" (a person not marked "f" is taken as "m")

    def group_in(self, year: int | None) -> str:
        """The group it speaks for in `year`: before its first term `other`, after its
        last `expert` (a former official), between terms `other`."""
        if not self.years or year is None or any(a <= year <= b for a, b in self.years):
            return self.group
        return "expert" if year > max(b for _, b in self.years) else "other"


@dataclass
class Roster:
    """People, bodies and outlets by name; role words → kind; country words → group.

    Filled by the readers, then frozen by ``load_roster`` (``freeze``): the mappings
    become read-only, as the cached lexicon that holds the roster is."""

    speakers: Mapping[str, Speaker] = field(default_factory=dict)
    roles: Mapping[str, Sequence[tuple[str, int]]] = field(default_factory=dict)
    countries: Mapping[str, Sequence[tuple[str, int]]] = field(default_factory=dict)
    state_media_groups: frozenset[str] = frozenset()
    lines: Mapping[str, tuple[str, Sequence[int]]] = field(default_factory=dict)
    path: str = ""  # the roster file (roles and countries)
    namesakes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # see holder

    def glued_spans(
        self, text: str, lo: int = 0, hi: int | None = None
    ) -> list[tuple[int, int, str]]:
        """Where text[lo:hi] names a person of the roster (a cue of two or more words,
        case-sensitive) with a space dropped around the name ("ofKim Jong Unat":
        KCNA's English; is_glued), as (start, end, the person's name), the longest name
        at each start. One Aho-Corasick pass (built on first use)."""
        if "_glued_finder" not in self.__dict__:
            finder = ahocorasick.Automaton()
            for sp in self.speakers.values():
                if sp.kind == PERSON:
                    for c in sp.cues:
                        if (
                            " " in c
                            and c[:1].isupper()
                            and not c.startswith("re:")
                            and "*" not in c
                        ):
                            finder.add_word(c, (len(c), sp.name))
            if len(finder):
                finder.make_automaton()
            self.__dict__["_glued_finder"] = finder
        finder = self.__dict__["_glued_finder"]
        if not len(finder):
            return []
        longest: dict[int, tuple[int, str]] = {}
        window = text if lo == 0 and hi is None else text[lo:hi]  # (iter's own bounds
        for end, (length, name) in finder.iter(window):  # copy the whole text each call)
            end += lo
            start = end - length + 1
            if start not in longest or end + 1 > longest[start][0]:
                if is_glued(text, start, end + 1):
                    longest[start] = (end + 1, name)
        return [(a, b, name) for a, (b, name) in sorted(longest.items())]

    def topic_names(self, group: str) -> list[tuple[str, str, int]]:
        """The words that name `group` wherever they stand, for a lexicon tag's `roster`
        key, as (pattern, file, line): its country words (not their possessives), then
        its people's full names (cues with two or more parts of the name: "Kim
        Jong-un", "Donald Trump"). Not a surname alone or with a title ("Kim", "Mr.
        Kim", "President Trump"), nor a body's cues ("the regime", "Congress"): which
        of several people or bodies they mean takes a reporting clause's context, which
        only attribution reads.

        Examples
        --------
        >>> from analystkit import load_lexicon
        >>> names = [n for n, _, _ in load_lexicon().roster.topic_names("us_gov")]
        >>> "Mike Pompeo" in names, "Pompeo" in names, "Trump's" in names
        (True, False, False)
        """
        names = [
            (w, self.path, line)
            for w, line in self.countries.get(group, ())
            if not w.endswith(POSSESSIVE)  # "North Korea" matches there anyway
        ]
        for sp in self.speakers.values():
            if sp.kind == PERSON and sp.group == group:
                path, lines = self.lines[sp.name]
                parts = set(_name_parts(sp.name))
                names += [
                    (c, path, line)
                    for c, line in zip(sp.cues, lines)
                    if not c.startswith("re:") and len(parts.intersection(_name_parts(c))) >= 2
                ]
        return names

    def holder(self, name: str, cue: str, year: int | None) -> Speaker:
        """The person a cue shared by several people names in `year`: `name` (the
        matcher's pick), unless they did not hold their role then and another with the
        same cue did ("President Lee": Lee Myung-bak in 2012, Lee Jae-myung in 2025).

        Examples
        --------
        >>> from analystkit import load_lexicon
        >>> roster = load_lexicon().roster
        >>> [roster.holder("Lee Myung-bak", "President Lee", y).name for y in (2012, 2025)]
        ['Lee Myung-bak', 'Lee Jae-myung']
        """
        own = self.speakers[name]
        if year is None or own.group_in(year) == own.group:
            return own
        for other in self.namesakes.get(" ".join(cue.lower().split()), ()):
            sp = self.speakers[other]
            if sp.years and sp.group_in(year) == sp.group:
                return sp
        return own

    def add(self, speaker: Speaker, path: str, lines: list[int]) -> None:
        _writable(self.speakers)[speaker.name] = speaker
        _writable(self.lines)[speaker.name] = (path, lines)

    def freeze(self) -> Roster:
        """Make the mappings read-only (and their lists tuples); returns the roster."""
        self.speakers = MappingProxyType(dict(self.speakers))
        self.roles = MappingProxyType({k: tuple(v) for k, v in self.roles.items()})
        self.countries = MappingProxyType({k: tuple(v) for k, v in self.countries.items()})
        self.lines = MappingProxyType({k: (p, tuple(n)) for k, (p, n) in self.lines.items()})
        shared: dict[str, list[str]] = {}
        for sp in self.speakers.values():
            if sp.kind == PERSON:
                for cue in dict.fromkeys(" ".join(c.lower().split()) for c in sp.cues):
                    shared.setdefault(cue, []).append(sp.name)
        self.namesakes = MappingProxyType(
            {cue: tuple(names) for cue, names in shared.items() if len(names) > 1}
        )
        return self

    def __getstate__(self) -> dict:  # a mappingproxy does not pickle
        frozen = isinstance(self.speakers, MappingProxyType)
        state = {
            k: dict(v) if isinstance(v, MappingProxyType) else v
            for k, v in vars(self).items()
            if k != "_glued_finder"  # rebuilt on first use
        }
        return {**state, "_frozen": frozen}

    def __setstate__(self, state: dict) -> None:
        frozen = state.pop("_frozen", False)
        self.__dict__.update(state)
        if frozen:
            self.freeze()


_K = TypeVar("_K")
_V = TypeVar("_V")


_GLUED_WORD = re.compile(r"[a-z]+(?![A-Za-z])")
# what KCNA's English glues to a name: a verb or an adverb ("Unvisited", "Unwarmly"), a
# reporting verb, a short word
_GLUE_ENDS = ("ed", "ly")
_GLUE_WORDS = IRREGULAR_PAST | frozenset(
    "was is and at in on to of for with who had has says adds warns notes stresses "
    "underlines".split()
)


def _name_parts(name: str) -> list[str]:
    """The parts of a name, lower-cased: "Kim Jong-un" -> kim, jong, un."""
    return re.split(r"[\s\-]+", name.lower())


def glued_after(text: str, b: int) -> re.Match[str] | None:
    """The lower-case word glued to the end of a name at `b` ("Kim Jong Unsaid"), if it
    is one KCNA glues there; None when there is none, or the letters continue the name
    ("Wang Yiwei" is not Wang Yi)."""
    m = _GLUED_WORD.match(text, b)
    if m is None:
        return None
    word = m.group(0)
    return m if word in _GLUE_WORDS or word.endswith(_GLUE_ENDS) else None


def is_glued(text: str, a: int, b: int) -> bool:
    """Whether the name at text[a:b] has lost a space on either side: a letter right
    before it, or a glued word right after it, and no letters that continue the name."""
    if text[b : b + 1].islower() and glued_after(text, b) is None:
        return False
    return text[a - 1 : a].isalpha() or text[b : b + 1].islower()


def _writable(mapping: Mapping[_K, _V]) -> dict[_K, _V]:
    """The mapping of a roster being read (a frozen roster refuses additions)."""
    if not isinstance(mapping, dict):
        raise TypeError("the roster is read-only once loaded")
    return mapping


def _group(r: YamlReader, node: yaml.Node, what: str, allowed=SPEAKER_GROUPS) -> str:
    value = r.scalar(node, what)
    if value not in allowed:
        r.fail(node, f"unknown {what} {value!r} (expected one of: {', '.join(allowed)})")
    return value


def _years(r: YamlReader, node: yaml.Node, name: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for text, line in r.items(node, f"the years of {name!r}"):
        m = _YEARS.match(text)
        if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            raise LexiconError(
                r.path, line, f"years of {name!r}: {text!r} is not a span like 2017-2021 or 2025-"
            )
        spans.append((int(m.group(1)), int(m.group(2) or _OPEN_END)))
    return tuple(spans)


def _year(r: YamlReader, node: yaml.Node, what: str) -> int:
    value = r.scalar(node, what)
    if not re.fullmatch(r"\d{4}", value):
        r.fail(node, f"{what}: {value!r} is not a year like 1994")
    return int(value)


def read_roster(text: str, path: str | Path, roster: Roster | None = None) -> Roster:
    """Add the people, bodies, roles and countries of roster YAML `text` to `roster`."""
    r, roster = YamlReader(path), roster or Roster()
    roster.path = str(path)
    top = r.mapping(compose(text, path), "the roster", _ROSTER_KEYS)
    for section, kind in (("people", PERSON), ("bodies", BODY)):
        if section in top:
            for name, (_, node) in r.mapping(top[section][1], section).items():
                _add_speaker(r, roster, name, node, kind, _PERSON_KEYS)
    if "roles" in top:
        for kind, (knode, node) in r.mapping(top["roles"][1], "roles").items():
            if kind not in ROLE_KINDS:
                r.fail(
                    knode, f"unknown role kind {kind!r} (expected one of: {', '.join(ROLE_KINDS)})"
                )
            _writable(roster.roles)[kind] = r.items(node, f"the {kind} roles")
    if "state_media_groups" in top:
        groups = r.items(top["state_media_groups"][1], "state_media_groups")
        for g, line in groups:
            if g not in SPEAKER_GROUPS:
                raise LexiconError(path, line, f"unknown state media group {g!r}")
        roster.state_media_groups = frozenset(g for g, _ in groups)
    if "countries" in top:
        for group, (gnode, node) in r.mapping(top["countries"][1], "countries").items():
            _group(r, gnode, "country group")
            _writable(roster.countries)[group] = r.items(node, f"the countries of {group!r}")
    return roster


def read_outlets(text: str, path: str | Path, roster: Roster) -> Roster:
    """Add the outlets of outlets YAML `text` to `roster`."""
    r = YamlReader(path)
    for name, (_, node) in r.mapping(compose(text, path), "the outlets").items():
        _add_speaker(r, roster, name, node, OUTLET, _OUTLET_KEYS)
    return roster


def _add_speaker(
    r: YamlReader, roster: Roster, name: str, node: yaml.Node, kind: str, keys: tuple[str, ...]
) -> None:
    """Read one person, body or outlet (its `keys`) and add it to `roster`."""
    fields = r.mapping(node, f"{kind} {name!r}", keys)
    r.require(node, fields, ("group", "cues"), f"{kind} {name!r}")
    cues = r.items(fields["cues"][1], f"the cues of {name!r}")
    titles = r.items(fields["titles"][1], f"the titles of {name!r}") if "titles" in fields else []
    speaker = Speaker(
        name,
        _group(r, fields["group"][1], "speaker group"),
        tuple(c for c, _ in cues),
        kind,
        _years(r, fields["years"][1], name) if "years" in fields else (),
        tuple(t.lower() for t, _ in titles),
        _year(r, fields["died"][1], f"the year {name!r} died") if "died" in fields else None,
        _group(r, fields["gender"][1], f"gender of {name!r}", _GENDERS)
        if "gender" in fields
        else ("m" if kind == PERSON else None),
    )
    roster.add(speaker, str(r.path), [line for _, line in cues])


def load_roster(folder: Path) -> Roster:
    """roster.yml and outlets.yml from `folder` (each optional)."""
    roster = Roster()
    for name, reader in (("roster.yml", read_roster), ("outlets.yml", read_outlets)):
        path = folder / name
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise LexiconError(path, None, f"cannot read the file: {err}") from None
            reader(text, path, roster)
    return roster.freeze()
