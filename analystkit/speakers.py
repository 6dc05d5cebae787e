"""Who a reporting clause's subject is: a roster entry, a role ("US officials"), a named
person not in the roster, a pronoun or a definite description pointing back.

`Reader` reads one article's subjects in order and remembers whom it credited, so that
"he", "the president" or "the ministry" resolve to the last matching speaker (not to
someone in a list of who accompanied him), and a surname ("Lankov said") to the person
introduced earlier ("Andrei Lankov, a professor at Kookmin University"). A surname the
roster gives a person ("Kim" for Kim Jong Un) is that person only while the article has
not named someone else in full with it since ("Kim Dong-yub, a professor …"; a late
leader, the roster's `died`, does not count)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache

from analystkit.clauses import DOCUMENTS, POSSESSIVE
from analystkit.roster import (
    BODY,
    EVENT,
    GOVERNMENT,
    OUTLET,
    PERSON,
    STATE_MEDIA,
    Roster,
    Speaker,
)

CUE, QUOTE, PRONOUN, SOURCE, DEFAULT = "cue", "quote", "pronoun", "source", "default"
FURNITURE = "furniture"  # a line of the web page, not the article's (lexicon page_furniture)
ATTRIBUTIONS = (CUE, QUOTE, PRONOUN, SOURCE, DEFAULT, FURNITURE)
NARRATION = "media"
_STATES = frozenset(
    {"dprk_state", "us_gov", "rok_gov", "japan_gov", "china_gov", "russia_gov", "un"}
)
_MEMBER_STATES = _STATES - {"un"}  # whose UN diplomats they are
_PRONOUNS = {"he": PERSON, "she": PERSON, "it": BODY, "they": None}
_GENDER_OF = {"he": "m", "she": "f"}
_PLURAL = re.compile(
    r"\b(?:officials|diplomats|sources|analysts|experts|aides|lawmakers|officers|negotiators"
    r"|spokespeople|leaders|ministers|members|people|participants|speakers|envoys|observers)\b",
    re.I,
)
# a label ending in a plural: a lower-case noun ("several diplomats") or a people
# ("Palestinians", "Koreans"), not a name ("Mattis", "Evans")
_PLURAL_END = re.compile(r"(?:\b[a-z]+[^s'’\W]s|\b[A-Z][a-z]+(?:ians|eans|icans))\W*\Z")
# an honorific and its gender (group 1: a woman's), at a name ("Ms. Kim") or before one
_HONORIFIC_AT = re.compile(r"(?:(Ms|Mrs|Miss)|Mr)\b\.?\s")
_HONORIFIC_BEFORE = re.compile(r"\b(?:(Ms|Mrs|Miss)|Mr)\b\.?\s+\Z")
_WOMAN_TITLES = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman"})
_MAN_TITLES = frozenset({"spokesman", "chairman", "congressman", "businessman"})
_CONTRACTION = re.compile(r"['’](?:s|ll|d|ve|re)\Z")  # "He’s said": he
_WRITER = frozenset({"i", "we", "you", "this reporter", "this writer"})
_BODY_ROLES = frozenset(
    "ministry ministries government administration military army navy "
    "air force regime mission delegation cabinet agency authorities "
    "embassy council media state media newspaper news agency "
    "broadcaster radio website".split()
)
_PREPOSITION = re.compile(  # a word of its own: not the "in" of "Moon Jae-in"
    r"(?<![\w-])(of|at|in|from|for|with|on|near|to|by|about|under|inside|"
    r"within|over|via|during)(?![\w-])",
    re.IGNORECASE,
)
_MEMBERSHIP = frozenset({"of", "for", "from"})
_LOCATION = frozenset({"in", "at"})
# after a role, these name the other side: "negotiator with North Korea", "envoy to Seoul"
_COUNTERPART = frozenset({"with", "to"})
_NATIONAL_ROLES = frozenset(
    {
        "diplomat",
        "diplomats",
        "ambassador",
        "ambassadors",
        "envoy",
        "envoys",
        "delegate",
        "delegation",
        "mission",
    }
)
# roles whose "with"/"to" names the other side ("envoy to North Korea"); for the others
# it names the employer ("an aide to President Moon", "an official with the ministry")
_OTHER_SIDE_ROLES = _NATIONAL_ROLES | frozenset(
    "negotiator negotiators representative representatives".split()
)
# media a state owns by name ("state media", "the state-run newspaper", "the official
# news agency"), not any media
_STATE_OWNED = re.compile(r"\b(?:state|official|mouthpiece|propaganda)")
# titles only a state has: "Foreign Ministry spokesman" near "the United Nations" is not the UN's
_STATE_TITLES = frozenset(
    "ministry ministries minister ministers military army navy force president presidents "
    "embassy consulate lawmaker lawmakers legislator legislators guard cabinet governor mayor "
    "regime adm. gen. admiral general generals".split()
)
_TOKEN = re.compile(r"[A-Za-z][\w'’.\-]*")
_NAME_TOKEN = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]*\.|[A-Z][A-Za-z'’\-]*[a-z][A-Za-z'’\-]*")
# the last words of an office's name, never a person's first name ("Under Secretary of
# Defense for Policy Jo Lind": not "Policy Jo Lind")
_OFFICE_WORDS = frozenset(
    "Affairs Policy Security Defense Defence State Staff Operations Intelligence "
    "Relations Studies Programs Nonproliferation Proliferation Control".split()
)


def _names_follow(text: str, pos: int, e: int) -> bool:
    """Whether two capitalized words follow `pos` (before `e`): a person's full name."""
    words = text[pos:e].split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words[:2])


# a participle's clause between commas describes what someone did, not who they are
# ("Mattis, asked what a conflict with the North would be like,"); "retired" is a title
_PARTICIPLE_START = re.compile(r"(?!retired\b)[a-z]+(?:ed|ing)\b")
# a title's holder named right after it: "President George W. Bush", "Gen. Vincent Brooks"
_NAME_AFTER = re.compile(
    r"\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.?)*\s*[A-Z][a-z]"  # two names or more
    r"|\s+[A-Z][a-z]+['’]s\b"  # a possessive: "President Obama's"
)
_NOT_NAMES = frozenset(
    "the a an in on at but and or so this that these those its his her "
    "their our some many most several both all one two three another "
    "other former retired senior top new then later when while after "
    "if as it he she they we i you there here what who such no not yes "
    "however meanwhile also although last next each every before during "
    "since according asked speaking writing his its many few "
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday".split()
)
_DOCUMENT_END = re.compile(r"\b(" + "|".join(sorted(DOCUMENTS)) + r")\s*\Z", re.IGNORECASE)
_DETERMINERS = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her|latest|new|recent|"
    r"same|official|joint|separate|reply|congratulatory|full|text\s+of\s+the)\b",
    re.IGNORECASE,
)
_FROM = (
    r"(?P<doc>message|letter|statement|report|commentary|article)s?\s+(?:of\s+\w+\s+)?"
    r"(?:from|by)\s+(?P<from>[^,.;:(]{3,90})"
)  # "a message from X"
_SENT = (
    r"(?:sent|released|issued|published|delivered)\s+"
    r"(?:a|an|the|his|her|its)\s+(?:\w+\s+){0,2}?(?P<doc2>message|letter|statement)"
)  # "X sent a message": the verb and the document; X is capitalized words before it
_AUTHORED = re.compile(
    _FROM
    + r"|(?P<by>(?-i:[A-Z])[\w'’.-]*\s+(?:(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w'’.-]*\s+){0,7}?)"
    + _SENT,
    re.IGNORECASE,
)
# the same on lower-cased text, case-sensitive (Python's re scans case-insensitive
# alternations position by position: these are about 4x faster)
_FROM_LOWER, _SENT_LOWER = re.compile(_FROM), re.compile(_SENT)
_PARENTHESES = re.compile(r"\([^()]{0,40}\)")
_CLEAN_TAIL = re.compile(
    r"(?:,?\s+(?:Jr|Sr)\.?|\s+I{2,3})?"  # a name's suffix ("James R. Clapper Jr.")
    r"[\s)’'\"”.,]*(?:(?:and|familiar|close|knowledgeable|briefed|"
    r"involved|speaking)\b.*)?\Z",
    re.DOTALL,
)
_MAX_LABEL = 60
_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?\Z", re.IGNORECASE)
_EVENT_NOUN = re.compile(
    r"\b(?:rall(?:y|ies)|meetings?|demonstrations?|protests?|seminars?|symposi(?:um|a)|"
    r"conferences?|forums?|ceremon(?:y|ies)|gatherings?|vigils?|marches|sit-ins?|"
    r"press conferences?|lectures?|functions?)\b",
    re.IGNORECASE,
)
_UPPER = re.compile("[A-Z]")  # every name token (_NAME_TOKEN) has one
_FORMER = frozenset({"former", "retired"})
_ELECTED = frozenset(
    "president vice-president senator congressman congresswoman lawmaker legislator "
    "governor mayor candidate".split()
)
_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+")
_GIVEN_NAME_TAIL = re.compile(r"-[a-z]")  # "Park Jin" + "-young": a longer name
_GIVEN_NAME = re.compile(r" (?:[A-Z][a-z]+-[a-z]+|[A-Z][a-z]{1,5} [A-Z][a-z]{1,5})\b(?![-'’])")
_CAPITALIZED = re.compile(r"\b[A-Z]")
_WORD = re.compile(r"\b[A-Za-z]")


def _possessive(text: str, end: int) -> bool:
    """Whether the name ending at `end` takes a possessive 's ("Trump's envoy")."""
    return text[end : end + 2] in POSSESSIVE


def _headline(text: str, s: int, e: int) -> bool:
    """Whether most words of text[s:e] are capitalized (a headline: "Kerry Warns North
    Korea, But Holds Out Hope"); read on the name's own line, at most 60 chars each side."""
    return len(_CAPITALIZED.findall(text, s, e)) > 0.7 * len(_WORD.findall(text, s, e))


_RETINUE = re.compile(r"\b(?:accompanied|[Pp]resent|attended|greeted|welcomed)\b")
_CUE_REACH = 80  # chars: how far back a cue covering a position is looked for
_NEARBY = 300  # chars searched back for the government of an unplaced title
_TOPIC = "dprk_state"  # the corpus's subject: named everywhere, rarely a title's owner


@dataclass
class Credit:
    """Whom a sentence is credited to: a name, the group, how (ATTRIBUTIONS), whether it
    is a person (for "he"/"she"), and the nouns that refer back to it ("president")."""

    speaker: str
    group: str
    how: str
    person: bool = False
    titles: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def _word(word: str) -> re.Pattern[str]:
    """The word as a whole-word pattern (compiled once per surname)."""
    escaped = re.escape(word)  # literal first: a leading \b would make re try every position
    return re.compile(rf"{escaped}(?<!\w{escaped})\b")


@dataclass
class Hits:
    """The roster matches of a chunk, sorted by start: speaker cues, roles, countries."""

    cue_start: list[int]
    cue_end: list[int]
    cue_name: list[str]
    role_start: list[int]
    role_end: list[int]
    role_kind: list[str]
    country_start: list[int]
    country_end: list[int]
    country_group: list[str]

    def cues(self, s: int, e: int) -> range:
        return range(bisect_left(self.cue_start, s), bisect_left(self.cue_start, e))

    def in_cue(self, pos: int, reach: int) -> bool:
        """Whether `pos` is strictly inside a cue that starts at most `reach` chars
        before it."""
        k = bisect_left(self.cue_start, pos) - 1
        while k >= 0 and self.cue_start[k] >= pos - reach:
            if pos < self.cue_end[k]:
                return True
            k -= 1
        return False

    def roles(self, s: int, e: int) -> range:
        return range(bisect_left(self.role_start, s), bisect_left(self.role_start, e))

    def countries(self, s: int, e: int) -> range:
        return range(bisect_left(self.country_start, s), bisect_left(self.country_start, e))


@dataclass
class Reader:
    """Reads the subjects of one article, in order (see the module docstring)."""

    text: str
    article: tuple[int, int]  # the article's span in `text`
    hits: Hits
    roster: Roster
    year: int | None
    voice: Speaker | None  # the article's state outlet, if any
    cache: dict = field(default_factory=dict)  # (subject, description[, year]) → Credit
    history: list[Credit] = field(default_factory=list)
    names: dict[str, Credit] = field(default_factory=dict)
    authored: list[tuple[int, int, str, tuple[int, int]]] | None = None  # see _authored
    contextual: bool = False  # the last reading used the article's context
    dated: bool = False  # the last reading used the article's year

    # ---------------------------------------------------------------- entry points
    def credit(
        self, s: int, e: int, description: tuple[int, int], sentence_start: int
    ) -> Credit | None:
        """The speaker of the subject text[s:e] (described by text[description]), or
        None when it is no one's voice (the writer's "we said")."""
        phrase = self.text[s:e]
        low = _CONTRACTION.sub("", phrase.lower().strip(" ."))
        if low in _WRITER:
            return None
        if low in _PRONOUNS:
            found = self.pronoun(_PRONOUNS[low], sentence_start, _GENDER_OF.get(low))
        elif self._nobody(s, e):
            found = None
        else:
            key = (phrase, self.text[description[0] : description[1]])
            dated = (*key, self.year)
            cacheable = not self._straddled(s, e)
            if cacheable and key in self.cache:
                found = self.cache[key]
            elif cacheable and dated in self.cache:
                found = self.cache[dated]
            else:
                self.contextual = self.dated = False
                found = self._classify(s, e, description, sentence_start)
                if cacheable and not self.contextual:
                    self.cache[dated if self.dated else key] = found
        if found is not None and found.how != SOURCE:
            self.history.append(found)
        return found

    def _nobody(self, s: int, e: int) -> bool:
        """A subject _classify reads as no one, seen at once: no roster cue or role
        starts in it, no capitalized word (a name), and it names no document."""
        h = self.hits
        return (
            _UPPER.search(self.text, s, e) is None
            and not h.cues(s, e)
            and not h.roles(s, e)
            and _DOCUMENT_END.search(self.text, s, e) is None
        )

    def _speaker(self, k: int) -> Speaker:
        """The roster entry cue k names: the matcher's, or for a cue several people
        share ("President Lee"), the one who held the role in the article's year."""
        h = self.hits
        sp = self.roster.speakers[h.cue_name[k]]
        if sp.years and sp.kind == PERSON and sp.group_in(self.year) != sp.group:
            self.dated = True
            return self.roster.holder(sp.name, self.text[h.cue_start[k] : h.cue_end[k]], self.year)
        return sp

    def _group_in(self, sp: Speaker) -> str:
        """sp's group in the article's year (remembering that the reading used it)."""
        if sp.years:
            self.dated = True
        return sp.group_in(self.year)

    def _straddled(self, s: int, e: int) -> bool:
        """Whether a roster match runs across the edge of text[s:e] (then the same words
        elsewhere may read differently)."""
        return self.hits.in_cue(s, _CUE_REACH) or self.hits.in_cue(e, _CUE_REACH)

    def pronoun(self, kind: str | None, before: int, gender: str | None = None) -> Credit | None:
        """The last credited speaker of that kind (person for he/she, a body for it),
        not of the other gender ("she" after a man's words goes back to the woman before
        him; where none is, to the last person as before), else the last one mentioned;
        in a state outlet's article, else the outlet."""
        of_kind = [
            c for c in reversed(self.history) if kind is None or (kind == PERSON) == c.person
        ]
        if gender is not None:
            matching = [c for c in of_kind if self._gender(c) in (gender, None)]
            if of_kind and not matching:  # "Kim inspected the unit. The participants
                # said …. He said": the last person of that gender the article names
                named = self._mentioned(
                    before, lambda sp: sp.kind == PERSON and sp.gender == gender
                )
                if named is not None:
                    return Credit(
                        named.name,
                        self._group_in(named),
                        PRONOUN,
                        True,
                        frozenset(named.titles),
                    )
            of_kind = matching or of_kind
        for c in of_kind[:1]:
            return Credit(c.speaker, c.group, PRONOUN, c.person, c.titles)
        if kind == BODY:  # "a message from X arrived. …, it said": the document's sender
            self.contextual = True
            author = self._author(None, before)
            if author is not None:
                return author
        mentioned = self._mentioned(
            before, lambda sp: kind is None or (sp.kind == PERSON) == (kind == PERSON)
        )
        if mentioned is not None:
            return Credit(
                mentioned.name,
                self._group_in(mentioned),
                PRONOUN,
                mentioned.kind == PERSON,
                frozenset(mentioned.titles),
            )
        return self.source_voice(PRONOUN)

    def _other_gender(self, k: int, sp: Speaker) -> tuple[int, int] | None:
        """The span of an honorific and the name of cue k when the honorific says a
        gender the roster person is not ("Mr. Park" is not Park Geun-hye, "Ms. Kim" not
        Kim Jong Un): someone else of that name; else None."""
        if sp.kind != PERSON or sp.gender is None:
            return None
        h, text = self.hits, self.text
        a, b = h.cue_start[k], h.cue_end[k]
        m = _HONORIFIC_AT.match(text, a) or _HONORIFIC_BEFORE.search(text, max(0, a - 6), a)
        if m is None:
            return None
        said = "f" if m.group(1) else "m"
        return (min(m.start(), a), b) if said != sp.gender else None

    def _gender(self, c: Credit) -> str | None:
        """A credited person's gender: the roster's, else their honorific or title
        ("Ms.", "spokeswoman"), "plural" for several people ("U.S. officials": no "he"
        or "she"), else None (not known)."""
        sp = self.roster.speakers.get(c.speaker)
        if sp is not None and sp.kind == PERSON:
            return sp.gender
        if _PLURAL.search(c.speaker) or _PLURAL_END.search(c.speaker):
            return "plural"
        m = _HONORIFIC_AT.match(c.speaker)
        if m is not None:
            return "f" if m.group(1) else "m"
        if c.titles & _WOMAN_TITLES:
            return "f"
        if c.titles & _MAN_TITLES:
            return "m"
        return None

    def source_voice(self, how: str = SOURCE) -> Credit | None:
        self.contextual = True
        if self.voice is None:
            return None
        return Credit(self.voice.name, self.voice.group, how, False, frozenset(self.voice.titles))

    # ---------------------------------------------------------------- classification
    def _classify(self, s: int, e: int, description: tuple[int, int], before: int) -> Credit | None:
        """The phrase's head decides: a roster entry, a person's name, or a role (see the
        module docstring); the core is the phrase before its first preposition, and
        when the core has no head, the phrase after it ("an edition of People's Daily")."""
        text = self.text
        doc = _DOCUMENT_END.search(text, s, e)
        if doc is not None:  # "the statement said", "a ministry statement"
            if not _DETERMINERS.sub("", text[s : doc.start()]).strip():
                return self.definite(doc.group(1).lower(), before)
            e = doc.start()
        cut = s
        for m in _PREPOSITION.finditer(text, s, e):
            if not self._in_cue(m.start()):
                cut = m.start()
                break
        core_end = cut if cut > s else e
        if core_end < e and self._title_of_name(s, core_end, e):
            core_end = e  # "Secretary of State Mike Pompeo": the name is the head
        found = self._head(s, e, core_end, description, before)
        if found is None and core_end < e:
            tail = _PREPOSITION.match(text, core_end)
            found = self._head(tail.end() if tail else core_end, e, e, description, before)
            if found is not None and not found.person and self._counterpart(s, tail):
                return None  # "a negotiator with North Korea" is not North Korea
        return found

    def _counterpart(self, s: int, tail: re.Match[str] | None) -> bool:
        """Whether the preposition `tail` after a phrase's core introduces the other side
        ("a negotiator with North Korea", "an envoy to Seoul"), not the core's body
        ("an edition of People's Daily") nor a source ("according to Yonhap")."""
        if tail is None or tail.group(1).lower() not in _COUNTERPART:
            return False
        return not self.text[s : tail.start()].rstrip().lower().endswith("according")

    def _title_of_name(self, s: int, core_end: int, e: int) -> bool:
        """Whether text[s:e] is a title with a prepositional phrase, then the person who
        holds it ("Secretary of State Mike Pompeo", "Ambassador to the UN Nikki Haley",
        "U.S. Secretary of State John Kerry", "Secretary of State James Baker"): one to
        three capitalized words before the preposition, words between the preposition and
        the name (not "Aides to Pence", "a spokesman for Kim Jong Un", whose heads are the
        aides and the spokesman). A name the roster lacks needs two words or more and a
        role word in the title ("Minister of Foreign Affairs" names no one)."""
        core = self.text[s:core_end].split()
        if not 1 <= len(core) <= 3 or not all(w[:1].isupper() for w in core):
            return False
        h = self.hits
        after = _PREPOSITION.match(self.text, core_end)
        first = after.end() if after else core_end
        if any(
            h.cue_end[k] == e
            and self.roster.speakers[h.cue_name[k]].kind == PERSON
            and self.text[first : h.cue_start[k]].strip()
            for k in h.cues(core_end, e)
        ):
            return True
        roles = list(h.roles(s, e))
        if not any(h.role_start[k] < core_end for k in roles):
            return False
        name = self._name(first, e, [], roles)
        return (
            name is not None
            and name[1] == self._end_of_words(e)
            and len(self.text[name[0] : name[1]].split()) >= 2
            and bool(self.text[first : name[0]].strip())
        )

    def _end_of_words(self, e: int) -> int:
        while e > 0 and self.text[e - 1] in " ,":
            e -= 1
        return e

    def _in_cue(self, pos: int) -> bool:
        return self.hits.in_cue(pos, _CUE_REACH - 1)

    def _head(
        self, s: int, e: int, core_end: int, description: tuple[int, int], before: int
    ) -> Credit | None:
        """The speaker the phrase's head names; as `other` when a "former" title is a
        politician's or a private one (_former_public)."""
        h = self.hits
        cues = [k for k in h.cues(s, core_end) if h.cue_end[k] <= core_end and self._is_name(k)]
        roles = [
            k
            for k in h.roles(s, core_end)
            if h.role_end[k] <= core_end
            and not any(h.cue_start[c] <= h.role_start[k] < h.cue_end[c] for c in cues)
        ]
        expert = any(h.role_kind[k] == "expert" for k in roles) or (
            description[0] >= 0 and self._kind_in(description, "expert")
        )
        head = (cues, roles)
        if expert and self._former_public(roles, description):
            return self._as_other(self._read_head(s, e, core_end, head, description, before, False))
        return self._read_head(s, e, core_end, head, description, before, expert)

    def _read_head(
        self,
        s: int,
        e: int,
        core_end: int,
        head: tuple[list[int], list[int]],
        description: tuple[int, int],
        before: int,
        expert: bool,
    ) -> Credit | None:
        """The speaker the head names among the phrase's cues and roles (`head`, as
        _head found them: name cues, and roles outside them)."""
        text, h = self.text, self.hits
        cues, roles = head
        name = self._name(s, core_end, cues, roles)
        head_cue = cues[-1] if cues else -1
        head_end = max(
            [
                h.cue_end[head_cue] if cues else -1,
                h.role_end[roles[-1]] if roles else -1,
                name[1] if name else -1,
            ]
        )
        words = {self._role_word(k) for k in roles}
        if description[0] >= 0:
            words |= {self._role_word(k) for k in self._own_roles(description)}
        if head_end < 0 or not _CLEAN_TAIL.match(_PARENTHESES.sub("", text[head_end:core_end])):
            return None  # the phrase does not end with its head
        if description[0] < 0 and core_end < e:  # "Bush of Brookings"
            description = (core_end, e)
        if cues and head_end == h.cue_end[head_cue]:
            sp = self._speaker(head_cue)
            other = self._other_gender(head_cue, sp)
            if other is not None:  # "Mr. Park": not Park Geun-hye
                return self._named(other, s, description, words, expert, before)
            if _possessive(self.text, h.cue_end[head_cue]):
                pass  # a possessor, not the speaker
            else:
                named = self._second_reference(head_cue) if sp.kind == PERSON else None
                if isinstance(named, tuple):  # a person the roster lacks ("Kim Dong-yub")
                    return self._named(named, s, description, words, expert, before)
                sp = named or sp
                group = "expert" if expert and sp.kind == PERSON else self._group_in(sp)
                if (
                    description[0] >= 0
                    and sp.kind == PERSON
                    and group == sp.group
                    and not _PARTICIPLE_START.match(self.text, description[0])
                ):  # "Kim, a defector from the North,": another Kim
                    group = self._described_group(description) or group
                return Credit(sp.name, group, CUE, sp.kind == PERSON, frozenset(sp.titles) | words)
        if name and head_end == name[1]:
            glued = self._glued(name)
            if glued is not None:
                sp = self.roster.speakers[glued]
                group = "expert" if expert else self._group_in(sp)
                return Credit(sp.name, group, CUE, True, frozenset(sp.titles) | words)
            outlet = self._outlet_of(name[0], cues)
            if outlet is not None:  # "NPR's Jane Roe": the outlet's journalist
                label = text[name[0] : name[1]]
                return Credit(label, outlet.group, CUE, True, frozenset(words))
            return self._named(name, s, description, words, expert, before)
        if roles and head_end == h.role_end[roles[-1]]:
            return self._role(s, e, roles, words, expert, before)
        return None

    def _former_public(self, roles: list[int], description: tuple[int, int]) -> bool:
        """ "former" or "retired" (and no other analyst's title) before an elected
        office or a private role ("the former senator", "a former staffer"): a public
        figure or a private person, not an analyst (annotation guide §3)."""
        h = self.hits
        found = roles + (list(h.roles(*description)) if description[0] >= 0 else [])
        former = [k for k in found if h.role_kind[k] == "expert"]
        if any(self.text[h.role_start[k] : h.role_end[k]].lower() not in _FORMER for k in former):
            return False
        after = [
            k
            for k in found
            if h.role_kind[k] != "expert" and h.role_start[k] > h.role_start[former[0]]
        ]
        return bool(after) and (
            h.role_kind[after[0]] == "other" or self._role_word(after[0]) in _ELECTED
        )

    def _as_other(self, c: Credit | None) -> Credit | None:
        """A person's credit as `other` (and so remembered by surname)."""
        if c is None or not c.person or c.group == "other":
            return c
        other = Credit(c.speaker, "other", c.how, c.person, c.titles)
        surname = c.speaker.split()[-1] if c.speaker.split() else ""
        if self.names.get(surname) is c:
            self.names[surname] = other
        return other

    def _outlet_of(self, pos: int, cues: list[int]) -> Speaker | None:
        """The outlet whose possessive stands right before a name at `pos` ("CNN's")."""
        h = self.hits
        for k in cues:
            sp = self.roster.speakers[h.cue_name[k]]
            end = h.cue_end[k]
            if (
                sp.kind == OUTLET
                and _possessive(self.text, end)
                and not self.text[end + 2 : pos].strip()
            ):
                return sp
        return None

    def _glued(self, name: tuple[int, int]) -> str | None:
        """The roster person a name run holds with a space dropped on either side
        ("ComradeKim Jong Unhighly", "ofKim Yo Jongat"), if any."""
        lo = max(self.article[0], name[0] - 20)
        for a, b, person in self.roster.glued_spans(self.text, lo, name[1] + 20):
            if b > name[0] and a < name[1]:
                return person
        return None

    def _role_word(self, k: int) -> str:
        """The role's head noun ("ministry" of "defence ministry")."""
        return self.text[self.hits.role_start[k] : self.hits.role_end[k]].lower().split()[-1]

    def _kind_in(self, span: tuple[int, int], kind: str) -> bool:
        h = self.hits
        return any(h.role_kind[k] == kind for k in h.roles(*span))

    def _second_reference(self, k: int) -> Speaker | tuple[int, int] | None:
        """For the surname alone ("Kim", "Mr. Kim") of a roster person whose name puts
        the surname first (Korean and Chinese order), the person it refers to when not
        that one (news names a person in full, then by surname): the last one the
        article named in full with it before ("Kim Yo Jong", a roster entry; "Kim
        Dong-yub", a span of the text), unless that one died before the article; else
        None."""
        h, text = self.hits, self.text
        surname = _HONORIFIC.sub("", text[h.cue_start[k] : h.cue_end[k]])
        own = h.cue_name[k]
        if " " in surname or own.split()[0] != surname:
            return None
        self.contextual = True  # the same words read differently in another article
        found = list(_word(surname).finditer(text, self.article[0], h.cue_start[k]))
        for m in reversed(found):
            full = self._full_name(*m.span())
            if full is None:
                continue
            # a roster cue longer than the surname: the full name or a title with it
            # ("President Park" of "President Park Geun Hye")
            roster = self._covering(*m.span())
            if not roster:
                return full
            sp = self.roster.speakers[h.cue_name[roster[-1]]]
            if sp.name == own:
                return None
            if sp.died is None or self.year is None or self.year <= sp.died:
                return sp  # (a late leader, "Kim Il Sung", is not "Kim" today)
        return None

    def _full_name(self, a: int, b: int) -> tuple[int, int] | None:
        """The name a surname at text[a:b] begins, with its given name after it: one
        hyphenated word ("Kim Dong-yub") or two capitalized ones ("Kim Yong Chol"); None
        when it stands alone or the words around it are a headline's capitals."""
        text = self.text
        given = _GIVEN_NAME.match(text, b)
        if given is None:
            return None
        lo = max(self.article[0], a - 60, text.rfind("\n", 0, a) + 1)
        hi = text.find("\n", given.end(), given.end() + 60)
        return (
            None if _headline(text, lo, hi if hi >= 0 else given.end() + 60) else (a, given.end())
        )

    def _is_name(self, k: int) -> bool:
        """A person's cue must be capitalized and must not run on into a hyphenated
        given name ("Park Jin" in "Park Jin-young"), and a one-word cue must not be the
        start of a longer name ("Kim" in "Kim Dong-yub")."""
        h, text = self.hits, self.text
        sp = self.roster.speakers[h.cue_name[k]]
        if sp.kind != PERSON:
            return True
        word = text[h.cue_start[k] : h.cue_end[k]]
        if not word[:1].isupper() or _GIVEN_NAME_TAIL.match(text, h.cue_end[k]):
            return False
        nxt = (
            _TOKEN.match(text, h.cue_end[k] + 1)
            if text[h.cue_end[k] : h.cue_end[k] + 1] in (" ", "-")
            else None
        )
        return " " in word or nxt is None or not nxt.group(0)[:1].isupper()

    def _name(self, s: int, e: int, cues: list[int], roles: list[int]) -> tuple[int, int] | None:
        """The last run of capitalized words in text[s:e] that no cue, role or country
        covers: a person not in the roster ("Bong Young-shik")."""
        h, text = self.hits, self.text
        covered = [(h.cue_start[k], h.cue_end[k]) for k in cues]
        covered += [(h.role_start[k], h.role_end[k]) for k in roles]
        covered += [(h.country_start[k], h.country_end[k]) for k in h.countries(s, e)]
        covered += [m.span() for m in _PARENTHESES.finditer(text, s, e)]
        cue_ends = {h.cue_end[k] for k in cues}
        run: tuple[int, int] | None = None
        last: tuple[int, int] | None = None
        for m in _TOKEN.finditer(text, s, e):
            a, b = m.span()
            word = m.group(0)
            is_name = (
                bool(_NAME_TOKEN.fullmatch(word.rstrip(",")))
                and word.lower().strip(".") not in _NOT_NAMES
                and not any(x <= a < y for x, y in covered)
            )
            if is_name and run is None and any(0 <= a - c <= 1 for c in cue_ends):
                is_name = False  # "Yonhap News": the cue's own words
            if is_name and run is None and word in _OFFICE_WORDS and _names_follow(text, b, e):
                is_name = False  # "… for Policy James Miller": the office's last word
            if is_name:
                run = (run[0], b) if run is not None and text[run[1] : a].strip() == "" else (a, b)
                last = run
            else:
                run = None
        return last

    def _own_roles(self, span: tuple[int, int]) -> list[int]:
        """The roles in text[span] but the titles of other people named there ("who was
        the chief negotiator during President George W. Bush's term": not a president)."""
        h, text = self.hits, self.text
        return [k for k in h.roles(*span) if not _NAME_AFTER.match(text, h.role_end[k], span[1])]

    def _described_group(self, span: tuple[int, int], title: bool = False) -> str | None:
        """The group an appositive or (`title`) a title before the name gives ("a
        professor at …": expert); an appositive's titles of other people named in it
        are not its own (_own_roles)."""
        h = self.hits
        roles = list(h.roles(*span)) if title else self._own_roles(span)
        if not roles:
            return None
        kinds = [h.role_kind[k] for k in roles]
        if "expert" in kinds:
            return "expert"
        for k in reversed(roles):
            kind = h.role_kind[k]
            if kind == EVENT:
                return self._event_group(span[0], span[1], h.role_start[k])
            if kind in (GOVERNMENT, STATE_MEDIA):
                side = self._role_word(k) in _OTHER_SIDE_ROLES
                group = self._country(span[0], span[1], kind, role=h.role_start[k], other_side=side)
                if group:
                    return group
                if kind == GOVERNMENT:
                    return self._nearby(span[0], roles)
            elif kind != GOVERNMENT:
                return kind if kind != STATE_MEDIA else None
        return None

    def _nearby(self, pos: int, roles: Sequence[int] = ()) -> str | None:
        """The government named last in the _NEARBY characters before `pos` (North
        Korea, named in every sentence, only in a state outlet's own article; a state,
        not the UN, for a title only a state has among `roles`): whose "Foreign Ministry
        spokesman" or "Adm." a title without a country is."""
        self.contextual = True
        h, lo = self.hits, max(self.article[0], pos - _NEARBY)
        found = [(h.country_start[k], h.country_group[k]) for k in h.countries(lo, pos)]
        found += [
            (h.cue_start[k], self.roster.speakers[h.cue_name[k]].group)
            for k in h.cues(lo, pos)
            if self.roster.speakers[h.cue_name[k]].kind == BODY
        ]
        topic = self.voice.group if self.voice is not None else _TOPIC
        found = [f for f in found if f[1] != topic and (f[1] in _STATES or f[1] == "other")]
        if any(self._role_word(k) in _STATE_TITLES for k in roles):
            found = [f for f in found if f[1] != "un"]
        return max(found)[1] if found else None

    def _last_country(self, lo: int, hi: int, groups: Set[str]) -> str | None:
        """The group of the country named last in text[lo:hi], of `groups` only."""
        h = self.hits
        named = [
            (h.country_start[k], h.country_group[k])
            for k in h.countries(lo, hi)
            if h.country_group[k] in groups
        ]
        return max(named)[1] if named else None

    def _country(
        self,
        s: int,
        e: int,
        kind: str,
        head: int | None = None,
        role: int | None = None,
        other_side: bool = False,
    ) -> str | None:
        """The group of the country or body named in text[s:e] for a role of `kind` at
        `head`: the nearest before it ("US officials"), else the first after it
        ("a spokesman for the Chinese Foreign Ministry"). After the role word at `role`,
        never the other side of an envoy's or a negotiator's role (`other_side`: "envoy
        to North Korea"), nor a place when a country is named before the role ("the top
        U.S. diplomat in Seoul")."""
        head = e if head is None else head
        h, text = self.hits, self.text
        found: list[tuple[int, str]] = []  # (position, group)
        marks = {m.start(): m.group(1).lower() for m in _PREPOSITION.finditer(text, s, e)}
        for k in h.countries(s, e):
            if not self._in_cue(h.country_start[k] + 1):
                found.append((h.country_start[k], h.country_group[k]))
        for k in h.cues(s, e):
            sp = self._speaker(k)
            if sp.kind != PERSON or (self._is_name(k) and self._holds_title(k, head)):
                group = self._group_in(sp) if sp.kind == PERSON else sp.group
                found.append((h.cue_start[k], group))
        if not found:
            return None
        found.sort(key=lambda f: (f[0] > head, -f[0] if f[0] < head else f[0]))
        named_before = role is not None and any(pos < role for pos, _ in found)
        for pos, group in found:
            before = [p for p in marks if p < pos]
            preposition = marks[max(before)] if before else ""
            after_role = role is not None and pos > role
            if after_role and other_side and preposition in _COUNTERPART:
                continue  # "the chief negotiator with North Korea": the other side
            if after_role and named_before and preposition in _LOCATION:
                continue  # "the top U.S. diplomat in Seoul": where, not whose
            if group == "un" and preposition and preposition not in _MEMBERSHIP:
                continue  # "a diplomat at the UN"
            if kind == STATE_MEDIA:
                return group if group in self.roster.state_media_groups else NARRATION
            return group
        return None

    def _named(
        self,
        name: tuple[int, int],
        s: int,
        description: tuple[int, int],
        words: set[str],
        expert: bool,
        before: int,
    ) -> Credit:
        """A person not in the roster: the group their title or appositive gives, else
        the one given where the article introduced them, else `other`."""
        self.contextual = True
        label = self.text[name[0] : name[1]]
        surname = label.split()[-1]
        group = "expert" if expert else None
        if group is None and description[0] >= 0:
            group = self._described_group(description)
        if group is None and name[0] > s:
            group = self._described_group((s, name[0]), title=True)
        known = self.names.get(surname)
        if group is None and known is not None:
            return Credit(known.speaker, known.group, CUE, True, known.titles)
        named = self._full_name_before(surname, before) if group is None else None
        if named is not None:
            titles = frozenset(named.titles) | words
            self.names[surname] = Credit(named.name, self._group_in(named), CUE, True, titles)
            return self.names[surname]
        if group is None:
            group = self._introduced(surname, before)
        credit = Credit(label, group or "other", CUE, True, frozenset(words))
        self.names[surname] = credit
        return credit

    def _full_name_before(self, surname: str, before: int) -> Speaker | None:
        """The roster person the article last named in full before `before` with
        `surname` at either end of the name: news gives the name once, then the surname
        ("Kurt Campbell …" then "Campbell said", "Cho Hyun …" then "Cho said")."""
        for m in reversed(list(_word(surname).finditer(self.text, self.article[0], before))):
            for k in self._covering(*m.span()):
                sp = self._speaker(k)
                if sp.kind == PERSON:
                    return sp
        return None

    def _covering(self, a: int, b: int) -> list[int]:
        """The roster cues longer than text[a:b] that hold it (a surname's full name, or
        a title with it), in order of their start."""
        h = self.hits
        return [
            k
            for k in h.cues(a - _CUE_REACH, b)
            if h.cue_start[k] <= a and h.cue_end[k] >= b and h.cue_end[k] - h.cue_start[k] > b - a
        ]

    def _introduced(self, surname: str, before: int) -> str | None:
        """Where the article first names `surname` with a title or an appositive, the
        group that gives ("Chinese Foreign Ministry spokesman Hong Lei")."""
        text = self.text
        for m in _word(surname).finditer(text, self.article[0], before):
            pos = m.start()
            lo = max(self._sentence_start(pos), pos - 90)
            group = self._described_group((lo, pos), title=True)
            if group:
                return group
            end = pos + len(surname)
            comma = text.find(",", end, end + 3)
            if comma >= 0:
                stop = min(
                    [i for i in (text.find(",", comma + 1), text.find(".", comma + 1)) if i >= 0]
                    or [len(text)]
                )
                group = self._described_group((comma, min(stop, comma + 120)))
                if group:
                    return group
        return None

    def _sentence_start(self, pos: int) -> int:
        """After the last full stop before `pos` that ends a sentence, not an initial's
        or an abbreviation's ("U.S.", "John F."): where a title before a name starts."""
        text, lo = self.text, self.article[0]
        dot = text.rfind(".", lo, pos)
        while dot > lo and text[dot - 1].isupper() and not text[dot - 2 : dot - 1].isalpha():
            dot = text.rfind(".", lo, dot)
        return dot + 1 if dot >= lo else lo  # the article's start when no stop is before

    def _role(
        self, s: int, e: int, roles: list[int], words: set[str], expert: bool, before: int
    ) -> Credit | None:
        """A speaker named by role: "US officials", "the ministry", "analysts"."""
        h, text = self.hits, self.text
        head = roles[-1]
        kind = h.role_kind[head]
        label = text[s:e][:_MAX_LABEL].strip()
        person = self._role_word(head) not in _BODY_ROLES
        if expert:
            return Credit(label, "expert", CUE, person, frozenset(words))
        if kind == EVENT:  # "speakers at the rally"
            return Credit(label, self._event_group(s, e, h.role_start[head]), CUE, person)
        if kind == NARRATION and self.voice is not None and not h.cues(s, e):
            # "the reporter", "the white paper" of a KCNA article: KCNA's own
            return Credit(label, self.voice.group, CUE, person, frozenset(words))
        if kind not in (GOVERNMENT, STATE_MEDIA):
            return Credit(label, kind, CUE, person, frozenset(words))
        side = self._role_word(head) in _OTHER_SIDE_ROLES
        group = self._country(s, e, kind, h.role_start[head], h.role_start[head], side)
        if group == "un" and self._role_word(head) in _NATIONAL_ROLES:
            # "Russia's deputy U.N. envoy": Russia's; "a UN Security Council diplomat":
            # some state's
            group = self._last_country(s, h.role_start[head], _MEMBER_STATES) or "other"
        if group:
            return Credit(label, group, CUE, person, frozenset(words))
        if kind == STATE_MEDIA and self._named_before(s, h.role_start[head]):
            return Credit(label, NARRATION, CUE, False)  # "the Fars news agency": an outlet
        self.contextual = True
        for c in reversed(self.history):  # "the ministry said"
            if self._role_word(head) in c.titles:
                return Credit(c.speaker, c.group, PRONOUN, c.person, c.titles)
        if text[s : s + 4].lower() == "the ":
            back = self.definite(self._role_word(head), before)
            if back is not None:
                return back
        if kind == STATE_MEDIA:
            voice = self.source_voice(CUE)
            named = text[max(s, h.role_start[head] - 18) : h.role_end[head]].lower()
            if voice is None and _STATE_OWNED.search(named):
                # "the state-run newspaper" after "North Korea fired …": of the states
                # that speak through their media, the one named last before it (a state
                # without them, named in between, has none to speak through)
                self.contextual = True
                owner = self._last_country(
                    max(self.article[0], s - _NEARBY), s, self.roster.state_media_groups
                )
                if owner is not None:
                    return Credit(label, owner, CUE, False, frozenset(words))
            return voice or Credit(label, NARRATION, CUE, False)
        near = self._nearby(s, roles)  # "Foreign Ministry spokesman"
        if near:
            return Credit(label, near, CUE, person, frozenset(words))
        for c in reversed(self.history):  # "officials said"
            if c.group in _STATES:
                return Credit(label, c.group, PRONOUN, person, frozenset(words))
        return self.source_voice(CUE) or Credit(label, "other", CUE, person, frozenset(words))

    def _event_group(self, s: int, e: int, head: int) -> str:
        """Those who speak at a meeting or rally: in a state outlet's article, its state's
        when no other country is named with them or just before (its own meetings);
        else `other` (citizens at a rally are not their government)."""
        self.contextual = True
        group = (
            self._country(s, e, GOVERNMENT, head, head, True) or self._nearby(s) or self._venue(s)
        )
        if self.voice is not None and group in (None, self.voice.group):
            return self.voice.group
        return "other"

    def _venue(self, pos: int) -> str | None:
        """The group of the place where the article last reports an event held before
        `pos` ("a rally was staged in Seoul", "a meeting … in Busan"): those who speak
        there, however far back it was named, speak from that place."""
        h, text, lo = self.hits, self.text, self.article[0]
        for k in reversed(h.countries(lo, pos)):
            at = h.country_start[k]
            m = _IN_PLACE.search(text, max(lo, at - 12), at)
            if m is None:
                continue
            opening = max(text.rfind(".", lo, at), lo)
            if _EVENT_NOUN.search(text, opening, m.start()):
                return h.country_group[k]
        return None

    def _named_before(self, s: int, head: int) -> bool:
        """Whether a capitalized name stands right before the role at `head` ("Fars News
        Agency"): a body of its own, not "the agency" pointing back."""
        name = self._name(s, head, [], [])
        return name is not None and not self.text[name[1] : head].strip()

    def definite(self, noun: str, before: int) -> Credit | None:
        """ "the president", "the ministry", "the report": the last speaker credited or
        mentioned that the noun refers to."""
        self.contextual = True
        if noun in DOCUMENTS:
            author = self._author(noun, before)
            if author is not None:
                return author
            for c in reversed(self.history):
                if c.how != DEFAULT:
                    return Credit(c.speaker, c.group, PRONOUN, c.person, c.titles)
            return self.source_voice(PRONOUN)
        for c in reversed(self.history):
            if noun in c.titles:
                return Credit(c.speaker, c.group, PRONOUN, c.person, c.titles)
        sp = self._mentioned(before, lambda sp: noun in sp.titles)
        if sp is not None:
            return Credit(
                sp.name, self._group_in(sp), PRONOUN, sp.kind == PERSON, frozenset(sp.titles)
            )
        return self.source_voice(PRONOUN)

    def _author(self, noun: str | None, before: int) -> Credit | None:
        """Who wrote "the message" (noun None: any document): the article's "a message
        from X" or "X sent a message" (the last before `before`)."""
        if self.authored is None:
            self.authored = self._authored()
        found = None
        for start, end, doc, who_span in self.authored:
            if end > before:
                break
            if noun is None or doc == noun:
                found = start, who_span
        if found is None:
            return None
        who = self._classify(*found[1], (-1, -1), found[0])
        return (
            Credit(who.speaker, who.group, PRONOUN, who.person, who.titles)
            if who is not None
            else None
        )

    def _authored(self) -> list[tuple[int, int, str, tuple[int, int]]]:
        """The article's "a message from X" and "X sent a message", in order: start, end,
        the document noun (lower case) and X's span."""
        a, b = self.article
        lower = self.text[a:b].lower()
        if len(lower) == b - a and _SENT_LOWER.search(lower) is None:  # no "X sent a …"
            return [
                (a + m.start(), a + m.end(), m.group("doc"), (a + m.start("from"), a + m.end()))
                for m in _FROM_LOWER.finditer(lower)
            ]
        return [
            (
                m.start(),
                m.end(),
                (m.group("doc") or m.group("doc2")).lower(),
                m.span("by") if m.group("by") else m.span("from"),
            )
            for m in _AUTHORED.finditer(self.text, a, b)
        ]

    def _mentioned(self, before: int, wanted) -> Speaker | None:
        """The roster entry mentioned last in the article before `before` that `wanted`,
        not counting those in a list of who attended ("He was accompanied by X, Y and
        Z": "he" in the next sentence is still the one they accompanied)."""
        h = self.hits
        lo = bisect_left(h.cue_start, self.article[0])
        found, at = None, -1
        for k in range(bisect_right(h.cue_start, before) - 1, lo - 1, -1):
            sp = self._speaker(k)
            if (
                sp.kind != OUTLET
                and wanted(sp)
                and self._is_name(k)
                and not self._in_retinue(h.cue_start[k])
            ):
                found, at = sp, h.cue_start[k]
                break
        glued = self._last_glued(max(at, self.article[0]), before)
        if glued is not None and wanted(self.roster.speakers[glued]):
            return self.roster.speakers[glued]
        return found

    def _holds_title(self, k: int, head: int) -> bool:
        """Whether person cue k can give the title at `head` its country: named after it
        (its holder: "Secretary of Defense James Mattis"), as its possessor ("Trump's
        envoy"), or right before it ("Obama administration officials"); not across a
        preposition ("greetings from Kim Jong Un to President Pezeshkian")."""
        h, text = self.hits, self.text
        end = h.cue_end[k]
        if h.cue_start[k] >= head or _possessive(text, end):
            return True
        return _PREPOSITION.search(" " + text[end:head]) is None  # (KCNA's "Unto")

    def _in_retinue(self, pos: int) -> bool:
        """Whether the name at `pos` follows "accompanied by", "present were" … in its
        sentence."""
        return _RETINUE.search(self.text, self._sentence_start(pos), pos) is not None

    def _last_glued(self, lo: int, hi: int) -> str | None:
        """The roster person named last in text[lo:hi] with a space dropped around the
        name (which the cue matcher cannot see: "That eveningKim Jong Unmet")."""
        spans = self.roster.glued_spans(self.text, lo, hi)
        return spans[-1][2] if spans else None
