"""Reporting clauses: for a reporting verb in a sentence, the phrase that is its subject.

The grammar of news reporting, by position:
  - before the verb, back to the clause's start: "South Korea's military said", "Mr Trump
    has said", "KCNA on Tuesday said" (auxiliaries, adverbs and days are skipped);
  - a speech participle's main clause: "North Korea fired a missile, saying …", "the
    ministry issued a statement warning …" (its subject), "with experts saying";
  - after the verb when it follows a quotation or a comma: "…,” said Kim Yo Jong";
  - after "according to";
  - past an appositive or a relative clause: "Kim Yo Jong, the leader's sister, said",
    "Hill, who was an envoy, said" (the appositive describes the speaker).
Not speech: a passive or hearsay ("Moscow was accused", "Kim is said to be"), a verb in a
subordinate clause ("a test that officials said failed"), a verb inside a quotation."""

from __future__ import annotations

import re
from typing import NamedTuple

_PUNCTUATION = frozenset(',;:“”"«»—–')
SUBORDINATORS = frozenset(
    "that which who whom whose what as after before when while because "
    "since if unless until where whether though although than once".split()
)
_CONJUNCTIONS = SUBORDINATORS | {"but", "so"}
_SKIPPED = frozenset(
    "has have had also later again then previously earlier repeatedly once "
    "further recently would will could often publicly privately reportedly "
    "yesterday today tonight already still separately quickly flatly simply "
    "openly angrily bluntly last this late early week month year night morning "
    "afternoon evening on monday tuesday wednesday thursday friday saturday "
    "sunday has since just even never always initially first".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_BE = frozenset("is are was were be been being am".split())
_END = re.compile(
    r"[,;:!?()“”\"«»—]|\s-{1,2}\s|(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)"
    r"(?<!\bMrs)(?<!\bSen)(?<!\bRep)(?<!\bGen)(?<!\bAdm)(?<!\bCol)(?<!\bGov)"
    r"(?<!\bLt)(?<!\bSt)(?<!\bBrig)(?<!\bMaj)(?<!\bCapt)(?<!\bSgt)(?<!\bCmdr)"
    r"(?<!\bProf)(?<!\bRev)\."
)  # a full stop, not an abbreviation's
# verbs of saying that put their subject after them without a quotation ("…, said the
# minister"); other verbs take an object there ("…, congratulated North Korea")
_INVERTING = frozenset(
    "said says added adds asked asks wrote writes continued explained noted notes "
    "insisted argued stated replied answered recalled remarked observed commented "
    "reported reports declared announced warned cautioned".split()
)
_LEADING_CONJUNCTION = re.compile(r"(?:and|or|yet|nor)\s+", re.IGNORECASE)
_MAX_SUBJECT_WORDS = 14
_MAX_INVERTED_WORDS = 9
_WINDOW = 200  # chars searched back for a clause's start
_MAX_APPOSITIVE_WORDS = 16
_DETERMINERS = re.compile(
    r"(?:a|an|the|one|another|two|three|some|several|many|most|"
    r"other)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"(?:who|which|whose)\b", re.IGNORECASE)
# words that open a sentence before a comma and are never its subject
_SENTENCE_ADVERBS = frozenset(
    "indeed however meanwhile moreover still instead yet also now then thus hence "
    "nonetheless nevertheless furthermore besides otherwise likewise similarly finally "
    "again already later earlier today yesterday overall ultimately first second third "
    "meantime regardless anyway accordingly consequently therefore".split()
)
# an appositive that opens with a possessor: "Choe Son Hui, North Korea's foreign minister,"
_POSSESSOR_FIRST = re.compile(r"(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*['’]s\s")
# no finite verb: a noun after a determiner ("the calls of the country"), an infinitive
# ("Needless to say")
_PRONOUN_DETERMINERS = frozenset("his her its their our my your these those".split())
_NOT_FINITE = re.compile(
    r"\b(?:the|a|an|to|" + "|".join(sorted(_PRONOUN_DETERMINERS)) + r")\s+\Z", re.I
)
# a chunk between commas that opens with one of these is an adverbial clause: after a
# clause with its own verb it is no appositive ("Officials met, although …, said X")
_ADVERBIAL = SUBORDINATORS - {"who", "whom", "whose", "which", "that", "what"}
# a noun's possessive right before a word (not a pronoun's contraction: "he's said")
_POSSESSOR_BEFORE = re.compile(
    r"(?<![\w'’])(?!(?:he|she|it|that|there|who|what|here|where)['’])\w+['’]s\s+\Z", re.I
)
_PREPOSITION_FIRST = re.compile(
    r"(?:about|for|to|of|on|in|at|with|from|by|over|after|before|during|into)\b", re.I
)
# a progressive's "be" before a participle ("North Korea is warning"): not a passive
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?\Z", re.I)
# the nouns of documents that speak for their sender ("the statement said", "a
# commentary warning that …")
DOCUMENTS = frozenset(
    "report reports statement statements commentary article editorial dispatch "
    "announcement communique communiqué letter message document release notice bulletin "
    "comment remarks speech note tweet".split()
)
# a document the participle describes ("a statement saying", "a commentary warning")
_DOCUMENT_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(DOCUMENTS)) + r")\Z", re.I)
# "with some experts saying": the participle's own subject after "with"
_WITH_SUBJECT = re.compile(r"\bwith\s+((?:[\w.'’-]+\s+){1,8}?)\Z", re.I)
# participles that report speech only before one ("adding that", "adding: …")
_SPEECH_ONLY_BEFORE = frozenset({"adding"})
_SPEECH_NEXT = re.compile(r"\s*(?:that\b|[:,\"“‘'])")
_AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might must did does do shall "
    "should".split()
)
_WORD_RUN = re.compile(r"[A-Za-z][\w'’-]*")
_RELATIVE_INSIDE = re.compile(r"\s(?:who|which|whose|that)\b")
# a participle opening the sentence ("Referring to the projects newly added to …"): the
# verb after it is inside the participle's phrase, not a clause with a subject
_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}ing (?:to|at|on|in|of|out|the|a|an|that|his|her|its)\b")
_NAME = re.compile(r"(?:[A-Z][a-z]*\.?\s+){0,2}(?:[A-Z][\w'’.-]*[a-z][\w'’-]*\s*){1,4}")


class Clause(NamedTuple):
    """A reporting clause: the verb's span, its subject's span, an appositive describing
    the subject (or (-1, -1)), and whether the clause is subordinate. (A named tuple:
    one is made for nearly every reporting verb, and a tuple is made fastest.)"""

    verb: tuple[int, int]
    subject: tuple[int, int]
    description: tuple[int, int]
    subordinate: bool
    after_quote: bool  # the clause follows a closing quotation mark ("…,” he said)


def _strip_right(text: str, s: int, e: int) -> tuple[int, int, bool]:
    """The span without trailing auxiliaries, adverbs and days; and whether a form of
    "to be" came right before the verb (a passive: "is said", "was accused")."""
    passive = False
    while e > s:
        j = max(text.rfind(" ", s, e), s - 1)
        raw = text[j + 1 : e].strip(".")
        word = raw.lower()
        if not word:
            e = max(j, s)
            continue
        if word in _BE or word in ("it's", "it’s", "'s", "’s"):
            passive = True
        if raw[:1].isupper() and word not in _DAYS:
            break  # a name's word ("DPRK Today")
        if word in _SKIPPED or word in _BE or word.endswith("ly") and raw.islower():
            e = max(j, s)
            continue
        break
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    return s, e, passive


def _strip_left(text: str, s: int, e: int) -> int:
    while s < e and text[s] in " \t\n":
        s += 1
    return s


def _by_first_letter(words: frozenset[str]) -> str:
    """The words as a regex alternation grouped by their first letter ("a(?:fter|s)|if"):
    `re` tries one group per position instead of every word (the same matches)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        re.escape(first) + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
        for first, rests in groups.items()
    )


_LAST_DELIMITER = re.compile(
    r"(?s:.*)(?:(?P<mark>[" + re.escape("".join(sorted(_PUNCTUATION))) + r"])"
    r"|(?:^| )(?P<word>-{1,2}|(?ai:" + _by_first_letter(_CONJUNCTIONS) + r"))(?= |\Z))"
)


def _clause_start(text: str, lo: int, pos: int) -> tuple[int, str]:
    """Where the clause ending at `pos` starts (after the last delimiter since `lo`: a
    punctuation mark, or a dash or a conjunction standing as a word between spaces), and
    that delimiter ("" at the sentence start). Only the last _WINDOW characters are read:
    a subject is short."""
    window = max(lo, pos - _WINDOW)
    m = _LAST_DELIMITER.match(text[window:pos])
    if m is None:
        return window, ""
    if m.start("mark") >= 0:
        return window + m.end("mark"), m.group("mark")
    return window + m.end("word"), m.group("word").lower()


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def _phrase_after(text: str, pos: int, hi: int, limit: int) -> tuple[int, int]:
    """The noun phrase starting at `pos`: up to the next punctuation, at most `limit`
    words and no "that" (else empty: a complement clause, not a subject)."""
    s = _strip_left(text, pos, hi)
    m = _END.search(text, s, hi)
    e = m.start() if m else hi
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    if _words(text, s, e) > limit or re.search(r"\bthat\b", text[s:e]):
        return s, s
    return s, e


def _appositive_after(text: str, pos: int, hi: int) -> tuple[int, int]:
    """ ", a professor at Yonsei University," right after a subject ending at `pos`."""
    while pos < hi and text[pos] == " ":
        pos += 1
    if pos >= hi or text[pos] != ",":
        return -1, -1
    s = _strip_left(text, pos + 1, hi)
    m = _END.search(text, s, hi)
    e = m.start() if m else hi
    who = _RELATIVE_INSIDE.search(text, s, e)  # "…, a professor who served as …"
    e = who.start() if who else e
    if (
        e > s
        and (_DETERMINERS.match(text, s) or text[s : s + 1].islower())
        and _words(text, s, e) <= _MAX_APPOSITIVE_WORDS
    ):
        return s, e
    return -1, -1


def _walk_back(text: str, lo: int, comma: int) -> Clause | None:
    """ "Kim Yo Jong, the leader's sister, said" / "Choe Son Hui, North Korea's foreign
    minister, said" / "Hill, who …, said": the chunk before the comma at `comma` is an
    appositive or a relative clause; the subject is before it."""
    opening = text.rfind(",", lo, comma)
    if opening < 0:
        return None
    inner_s = _strip_left(text, opening + 1, comma)
    inner = text[inner_s:comma]
    words = inner.split()
    if not words or len(words) > _MAX_APPOSITIVE_WORDS:
        return None
    start, delim = _clause_start(text, lo, opening)
    if delim in SUBORDINATORS:
        return None
    s = _strip_left(text, start, opening)
    if not s < opening or _words(text, s, opening) > _MAX_SUBJECT_WORDS:
        return None
    lone = text[s:opening].lower()
    if lone in _SENTENCE_ADVERBS or lone.endswith("ly") and " " not in lone:
        return None  # "Indeed, …, says X": an adverb, not a subject
    if words[0].lower() in _ADVERBIAL and _has_past_verb(text[s:opening]):
        return None  # "Officials met in New York, although …, said a source"
    if _NAME.fullmatch(inner) and len(words) <= 4:  # "Trump's predecessor, Barack Obama,"
        return Clause((-1, -1), (inner_s, comma), (s, opening), False, False)
    described = (
        _DETERMINERS.match(inner)
        or _RELATIVE.match(inner)
        or _POSSESSOR_FIRST.match(inner)
        or inner[:1].islower()
        or (len(words) <= 3 and inner[:1].isupper() and "." in inner)
    )  # "D-Md."
    if not described:
        return None
    description = (inner_s, comma) if not _RELATIVE.match(inner) else (-1, -1)
    return Clause((-1, -1), (s, opening), description, False, False)


POSSESSIVE = ("'s", "’s")  # the endings of a possessive ("Trump's", "Korea’s")
IRREGULAR_PAST = frozenset(  # past tenses that do not end in -ed
    "met went made took gave held spoke sent left came saw got began oversaw undertook "
    "told wrote said flew led ran sat stood won lost put set kept shot".split()
)


def _participle_clause(text: str, lo: int, vs: int, ve: int) -> Clause | None:
    """The clause of a speech participle (a reporting verb in -ing): after a comma or a
    document noun it reports what the main clause's subject said ("North Korea fired a
    missile, saying it was a test", "the ministry issued a statement saying"); elsewhere
    it has no subject of its own ("after saying", "by warning", "a warning light")."""
    if text[vs:ve].lower() in _SPEECH_ONLY_BEFORE and not _SPEECH_NEXT.match(text, ve):
        return None  # "adding dynamism to the cause": not "adding that"
    before = text[max(lo, vs - 30) : vs].rstrip()
    document = _DOCUMENT_BEFORE.search(before) is not None
    absolute = None if document else _WITH_SUBJECT.search(text, max(lo, vs - 90), vs)
    if absolute is not None:  # "with some experts saying": its own subject
        s, e, passive = _strip_right(text, absolute.start(1), vs)
        return Clause((vs, ve), (s, e), (-1, -1), False, False) if e > s else None
    if before.endswith(","):
        pos = lo + len(text[lo:vs].rstrip()) - 1  # the comma
    elif document:  # "issued a statement saying", "with a tweet calling": its sender
        pos = vs
    else:
        return None
    start, delim = _clause_start(text, lo, pos)
    s = _strip_left(text, start, pos)
    predicate = _predicate(text, s, pos)
    if predicate is None:
        return None
    s, e, passive = _strip_right(text, s, predicate)
    if passive or e <= s or _words(text, s, e) > _MAX_SUBJECT_WORDS:
        return None
    return Clause((vs, ve), (s, e), (-1, -1), delim in SUBORDINATORS, False)


def _predicate(text: str, s: int, e: int) -> int | None:
    """Where the first verb of text[s:e] starts (an auxiliary, a past tense): the end of
    its subject ("The Pentagon is taking", "North Korea fired"); None if there is none."""
    for m in _WORD_RUN.finditer(text, s, e):
        word = m.group(0)
        if (
            m.start() > s
            and word.islower()
            and (word in _AUXILIARIES or word in IRREGULAR_PAST or word.endswith("ed"))
        ):
            return m.start()
    return None


def _possessed_noun(text: str, lo: int, vs: int, ve: int) -> bool:
    """Whether the verb's word after a noun's possessive is a noun ("North Korea's claim",
    "the agency's reports"); a past form after one is a verb ("Kim's warned": has)."""
    if not _POSSESSOR_BEFORE.search(text, max(lo, vs - 12), vs):
        return False
    word = text[vs:ve].lower()
    return not (word.endswith("ed") or word in IRREGULAR_PAST)


def _has_past_verb(phrase: str) -> bool:
    """Whether a phrase has a past-tense verb (or a participle) after its first word
    ("officials met in New York"; not "a retired general", "newly appointed")."""
    words = phrase.split()
    for before, word in zip(words, words[1:]):
        if not word.islower():
            continue
        if word in IRREGULAR_PAST or (
            word.endswith("ed")
            and not _DETERMINERS.fullmatch(before)
            and before.lower() not in _PRONOUN_DETERMINERS
            and not before.lower().endswith("ly")
        ):
            return True
    return False


def _before_predicate(text: str, s: int, e: int) -> int:
    """Where the predicate starts in "X declined to comment and" (the first past-tense
    verb), so that X is the subject; `s` when there is none."""
    for m in re.finditer(r"[A-Za-z]+", text[s:e]):
        word = m.group(0)
        if word.islower() and (word.endswith("ed") or word in IRREGULAR_PAST):
            return s + m.start()
    return s


def _before_relative(text: str, lo: int, hi: int, who_end: int, vs: int, ve: int) -> Clause | None:
    """The subject before a subject relative clause: "A defector who fled in 2019 said"."""
    who = who_end - 3
    start, delim = _clause_start(text, lo, who)
    s = _strip_left(text, start, who)
    s, e, passive = _strip_right(text, s, who)
    if (
        passive
        or e <= s
        or _words(text, s, e) > _MAX_SUBJECT_WORDS
        or _words(text, who_end, vs) > _MAX_APPOSITIVE_WORDS
    ):
        return None
    return Clause((vs, ve), (s, e), (-1, -1), delim in SUBORDINATORS, False)


def _ends_with_and(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] ends with the word "and"."""
    if not text.endswith("and", s, e):
        return False
    before = text[e - 4] if e - 4 >= s else " "
    return not (before.isalnum() or before == "_")


_OPENING = {"”": "“", '"': '"', "»": "«"}
_TITLED = re.compile(
    r"\s(?:in|with|under)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:titled|entitled|headlined)\s*\Z",
    re.IGNORECASE,
)


def _title_before(text: str, lo: int, start: int, vs: int, delim: str) -> int:
    """Where the adjunct of a quoted title starts when the verb at `vs` follows right
    after the title ("X in an article titled “…” said": "in an article titled “…”"
    belongs to the subject's clause, not to a quotation the verb closes); else -1."""
    if text[start:vs].strip():
        return -1
    opening = text.rfind(_OPENING[delim], lo, start - 1)
    if opening < 0:
        return -1
    m = _TITLED.search(text, max(lo, opening - 60), opening)
    return m.start() if m else -1


def find_clause(text: str, lo: int, hi: int, vs: int, ve: int, according: bool) -> Clause | None:
    """The reporting clause of the verb text[vs:ve] in the sentence text[lo:hi], or None
    when the verb has no subject here (a passive, a participle, a modifier, a noun after
    a determiner: "responding to the calls", an infinitive: "needless to say")."""
    if according:  # "according to X"
        s, e = _phrase_after(text, ve, hi, _MAX_SUBJECT_WORDS + 4)
        if e <= s:
            return None
        start, delim = _clause_start(text, lo, vs)
        return Clause(
            (vs, ve), (s, e), _appositive_after(text, e, hi), delim in SUBORDINATORS, False
        )
    if _NOT_FINITE.search(text, max(lo, vs - 7), vs) or _possessed_noun(text, lo, vs, ve):
        return None
    progressive = False
    if text.endswith("ing", vs, ve):
        progressive = _BE_BEFORE.search(text, max(lo, vs - 25), vs) is not None
        if not progressive:  # "X fired a missile, saying …", "X issued a statement saying"
            return _participle_clause(text, lo, vs, ve)
    start, delim = _clause_start(text, lo, vs)
    end = vs
    titled = _title_before(text, lo, start, vs, delim) if delim in _OPENING else -1
    if titled >= 0:  # "X in an article titled “…” said": the subject is X
        end = titled
        start, delim = _clause_start(text, lo, end)
    if delim == "who" and not (
        _DETERMINERS.match(text, _strip_left(text, start, vs))
        or text[_strip_left(text, start, vs)].isupper()
    ):
        return _before_relative(text, lo, hi, start, vs, ve)  # "A man who fled said"
    s = _strip_left(text, start, end)
    s, e, passive = _strip_right(text, s, end)
    if passive and not progressive:
        return None
    lead = _LEADING_CONJUNCTION.match(text, s, e)
    if lead is not None and lead.end() < e:  # "And they stressed": the subject is "they"
        s = lead.end()
    if e > s and _ends_with_and(text, s, e):  # "X declined to comment and said"
        e = _before_predicate(text, s, e)
    if e > s:
        if _words(text, s, e) > _MAX_SUBJECT_WORDS or _PARTICIPLE.match(text, s, e):
            return None
        if delim == "," and _RELATIVE.match(text, s):
            return None
        return Clause((vs, ve), (s, e), (-1, -1), delim in SUBORDINATORS, False)
    # nothing between the delimiter and the verb: an inverted clause or an appositive
    if delim in ("”", '"', "»", ",", "--", "—", "-"):
        after_quote = delim in ("”", '"', "»") or text[max(lo, start - 3) : start].strip(" ,")[
            -1:
        ] in ("”", '"', "»")
        if delim == "," and not text[vs:ve].endswith("ing"):  # not "…, saying": a participle
            back = _walk_back(text, lo, start - 1)
            if back is not None and not after_quote:
                return Clause((vs, ve), back.subject, back.description, False, False)
        if not after_quote and text[vs:ve].lower() not in _INVERTING:
            return None  # "…, congratulated North Korea": an object, not a speaker
        s, e = _phrase_after(text, ve, hi, _MAX_INVERTED_WORDS)
        if _PREPOSITION_FIRST.match(text, s, e):
            return None  # "…, asked about a war": a participle's phrase, no subject
        if e > s and (after_quote or delim == ","):
            return Clause((vs, ve), (s, e), _appositive_after(text, e, hi), False, after_quote)
    return None
