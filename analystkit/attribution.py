"""Credit every sentence of a chunk of articles to a speaker, in reading order.

A sentence is credited by its main reporting clause (clauses.py; whose subject
speakers.py resolves); a sentence inside a quotation by the clause that introduces or
closes that quotation, wherever it is (the same sentence, the next one, or the speaker
credited just before an unattributed quotation); a message's text printed without
quotation marks ("The message said: …") by its sender (_Article._message); narration,
and a sentence that only quotes a few words mid-sentence, by the article's state outlet
(source voice) or else by no one (`media`, the reporter). The `attribution` column says
which rule decided: cue, quote, pronoun, source, default; or furniture, a line of the web
page (the lexicon's `page_furniture`), read as if absent."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from analystkit.clauses import Clause, find_clause
from analystkit.lexicon import COUNTRY, ROLE, SPEAKER, VERB, Lexicon
from analystkit.quotes import quotations
from analystkit.roster import PERSON, Speaker
from analystkit.speakers import (
    DEFAULT,
    FURNITURE,
    NARRATION,
    QUOTE,
    SOURCE,
    Credit,
    Hits,
    Reader,
)

_ADJACENT = 4  # chars: a clause this close to a quotation introduces or closes it
_SPEECH_WORDS = 5  # a shorter quotation inside a sentence is a phrase (scare quotes,
# a title), not speech, unless a clause introduces it
_SAYING = frozenset(
    "said says say added adds told reported reports wrote writes noted notes "
    "stated explained continued warned argued insisted according to".split()
    + ["according to"]
)
_TITLE = tuple(
    "titled entitled called dubbed named so-called slogan song film book article program "
    "programme operation".split()
)  # a word right before a quotation that makes it a title or a name
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")  # a whole run of letters: never part of one
_TRAILING = re.compile(r"[\s.!?”\"’')]*\Z")
_ACCORDING = "according to"
_DATED = re.compile(
    r"\s*(?:(?:back |as early as |as far back as )?in (?:early |late |mid-)?((?:19|20)\d\d)\b"
    r"|in an? ((?:19|20)\d\d) \w+|(at (?:that|the) time)\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a message, letter or telegram named before a clause's verb ("The message said", "In the
# letter, he noted", "The president in the message stressed")
_DOCUMENT = re.compile(
    r"\b(?:the|this|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(message|letter|telegram|greetings|reply)\b",
    re.IGNORECASE,
)
# lower-case stems, searched in the ASCII bytes of the text (_ascii_lower)
_MESSAGES = (b"messag", b"letter", b"telegram", b"greeting", b"reply")
_NEW_MESSAGE = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:message|letter|telegram)", re.IGNORECASE
)
# a sentence reporting a message's words without a reporting verb: "In the letter, they
# extended …", "The message paid tribute …", "The president in the message extended …"
_REPORTS = re.compile(
    r"(?:in\s+)?(?:the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:message|letter|telegram)\b"
    r"(?!\s+(?:was|is|were|of|to|from)\b)"
    r"|[^,.;:\n]{3,50}?\s+in\s+(?:the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:message|letter)\b",
    re.IGNORECASE,
)
# the words right after such a clause's verb that open the document's unquoted text
_OPENS = re.compile(r"(?:,?\s*and\s+(?:went\s+on|continued))?\s*:\s*\n")
# a sentence opening "The full text of the message is as follows:"
_FOLLOWS = re.compile(
    r"(?:the\s+(?:full\s+)?text\s+of\s+)?the\s+(?:[\w-]+\s+){0,2}?(message|letter|telegram)\s+"
    r"(?:is|are|reads?)\s+(?:as\s+follows\s*)?:\s*\n",
    re.IGNORECASE,
)


_NAMED_COLON = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s+\S")
"""A name of up to four capitalized words, a colon, then the words (see _named_colon)."""


def _ascii_lower(text: str) -> bytes:
    """`text` as lower-case ASCII bytes, one per character ("?" for any other): a
    lower-case ASCII word is in it where it is in ``text.lower()`` (no other character
    lowers to an ASCII letter but "İ", to "i" and a combining dot, and the Kelvin sign).
    Searched far faster than ``text.lower()``, which is slow on text that is not ASCII."""
    return text.encode("ascii", "replace").lower()


@dataclass
class Credits:
    """Per sentence of a chunk: speaker ("" for narration), group, attribution, quoted."""

    speaker: list[str]
    group: list[str]
    how: list[str]
    quoted: np.ndarray


def _hits(
    text: str,
    category: np.ndarray,
    tag: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    pid: np.ndarray,
) -> tuple[Hits, list[tuple[int, int, bool]]]:
    out = []
    for name in (SPEAKER, ROLE, COUNTRY):  # compared per pattern, not per hit (objects)
        keep = (category == name)[pid]
        out += [starts[keep].tolist(), ends[keep].tolist(), tag[pid[keep]].tolist()]
    keep = (category == VERB)[pid]
    according = (tag == _ACCORDING)[pid[keep]]
    verbs = list(zip(starts[keep].tolist(), ends[keep].tolist(), according.tolist()))
    return Hits(*out), verbs


def attribute(
    text: str,
    sent_start: np.ndarray,
    sent_end: np.ndarray,
    sent_article: np.ndarray,
    para: np.ndarray,
    article_start: np.ndarray,
    article_end: np.ndarray,
    hit_start: np.ndarray,
    hit_end: np.ndarray,
    hit_pid: np.ndarray,
    lexicon: Lexicon,
    matcher,
    years: list[int | None],
    voices: list[Speaker | None],
    memo: dict,
    furniture: list[bool],
) -> Credits:
    """Credit the sentences of a chunk (arrays as in chunk.Analysis). `memo` holds the
    subjects whose reading needs no context (Reader.cache), kept from chunk to chunk;
    `furniture` marks the sentences that are the web page's (splitting.page_furniture):
    credited to no one (FURNITURE) and skipped by the reading, as if absent."""
    hits, verbs = _hits(text, matcher.category, matcher.tag, hit_start, hit_end, hit_pid)
    n = len(sent_start)
    speaker, group = [""] * n, [NARRATION] * n
    how = [FURNITURE if f else DEFAULT for f in furniture]
    quoted = np.zeros(n, dtype=bool)
    starts, ends = sent_start.tolist(), sent_end.tolist()
    verb_start = [v[0] for v in verbs]
    para_no = np.cumsum(para).tolist()
    para_starts = sent_start[para].tolist()
    para_first = [0, *para_no]  # paragraphs before each sentence
    vs = np.array(verb_start, dtype=np.int64)
    has_verb = (np.searchsorted(vs, sent_end) > np.searchsorted(vs, sent_start)).tolist()
    first = np.searchsorted(sent_article, np.arange(len(article_start))).tolist() + [n]
    for k in range(len(article_start)):
        lo, hi = first[k], first[k + 1]
        if lo == hi:
            continue
        reader = Reader(
            text,
            (int(article_start[k]), int(article_end[k])),
            hits,
            lexicon.roster,
            years[k],
            voices[k],
            memo,
        )
        _Article(
            reader,
            text,
            starts,
            ends,
            para_no,
            verbs,
            verb_start,
            has_verb,
            lo,
            hi,
            para_starts[para_first[lo] : para_first[hi]],
        ).run(speaker, group, how, quoted)
    return Credits(speaker, group, how, quoted)


class _Article:
    """The reading-order pass over one article's sentences."""

    def __init__(
        self,
        reader: Reader,
        text: str,
        starts,
        ends,
        para_no,
        verbs,
        verb_start,
        has_verb: list[bool],
        lo: int,
        hi: int,
        paragraph_starts: list[int],
    ):
        self.reader, self.text = reader, text
        self.starts, self.ends, self.para_no = starts, ends, para_no
        self.verbs, self.verb_start, self.has_verb = verbs, verb_start, has_verb
        self.lo, self.hi = lo, hi
        self.quotes = quotations(text, paragraph_starts, starts[lo], ends[hi - 1])
        self.q_start = [q[0] for q in self.quotes]
        self.titles: dict[tuple[int, int, int], bool] = {}  # quotation → _title
        body = _ascii_lower(text[starts[lo] : ends[hi - 1]])
        self.messages = any(stem in body for stem in _MESSAGES)

    def _quotes_in(self, s: int, e: int) -> list[tuple[int, int, int]]:
        j = bisect_left(self.q_start, s)
        return [
            q
            for q in self.quotes[max(0, j - 1) : bisect_left(self.q_start, e)]
            if q[0] < e and q[1] > s
        ]

    def _speech(
        self, quotes: list[tuple[int, int, int]], s: int, e: int
    ) -> list[tuple[int, int, int]]:
        """The quotations that are speech: long enough, or the sentence's start or end."""
        text = self.text
        return [
            q
            for q in quotes
            if not self._title(q)
            and (
                len(text[q[0] : q[1]].split()) >= _SPEECH_WORDS
                or not text[s : q[0]].strip()
                or _TRAILING.match(text, q[1], e)
            )
        ]

    def _title(self, q: tuple[int, int, int]) -> bool:
        """A quoted title or name ("an article titled “…”", “We Are the Happiest”)."""
        if q not in self.titles:
            text = self.text
            before = text[max(0, q[0] - 20) : q[0]].rstrip().lower()
            self.titles[q] = before.endswith(_TITLE) or self._capitalized(q[0], q[1])
        return self.titles[q]

    def _capitalized(self, s: int, e: int) -> bool:
        """Whether text[s:e] has two or more words of four letters or more, and all of
        them capitalized (read up to the first that is not)."""
        count = 0
        for m in _LONG_WORD.finditer(self.text, s, e):
            if not self.text[m.start()].isupper():
                return False
            count += 1
        return count >= 2

    def _inside(self, pos: int, quotes: list[tuple[int, int, int]]) -> bool:
        return any(a < pos < b for a, b, _ in quotes)

    def _clause(self, i: int, quotes) -> tuple[Clause | None, Credit | None]:
        """The main reporting clause of sentence i and whom it credits."""
        s, e = self.starts[i], self.ends[i]
        clauses = []
        for v in range(bisect_left(self.verb_start, s), bisect_left(self.verb_start, e)):
            vs, ve, according = self.verbs[v]
            if ve > e or quotes and self._inside(vs, quotes):
                continue
            c = find_clause(self.text, s, e, vs, ve, according)
            if c is not None and not c.subordinate:
                clauses.append(c)
        # a clause next to a quotation (…,” he said / he said: “…) first, then a "said"
        # clause that ends the sentence (…, the report said.), then the first
        if len(clauses) > 1:
            clauses.sort(
                key=lambda c: (
                    not self._introduces(c, quotes),
                    not (
                        _TRAILING.match(self.text, max(c.subject[1], c.verb[1]), e)
                        and self.text[c.verb[0] : c.verb[1]].lower() in _SAYING
                    ),
                )
            )
        found = None
        for c in clauses:
            credit = self.reader.credit(*c.subject, c.description, s)
            said = self._said_in(i, c) if credit is not None else None
            if said is not None and said != self.reader.year:
                credit = self._dated(c, s, said)
            if credit is not None and credit.group != NARRATION:
                return c, credit
            found = found or (credit and (c, credit))  # a news outlet relaying it
        return found or (None, None)

    def _named_colon(self, i: int) -> Credit | None:
        """A sentence that opens with a person of the roster and a colon is that person's
        words, a headline's way of quoting ("Kerry: the allies urge …") or a transcript's."""
        s = self.starts[i]
        m = _NAMED_COLON.match(self.text, s, self.ends[i])
        if m is None:
            return None
        a, b = m.span(1)
        h = self.reader.hits
        if not any(
            h.cue_start[k] == a
            and h.cue_end[k] == b
            and self.reader.roster.speakers[h.cue_name[k]].kind == PERSON
            for k in h.cues(a, b)
        ):
            return None
        return self.reader.credit(a, b, (-1, -1), s)

    def _dated(self, c: Clause, s: int, said: int) -> Credit | None:
        """The clause's speaker with the office held in the year `said` (the article's
        reading stays the one remembered for "he" later: undated words are the
        article's time)."""
        reader = self.reader
        year, reader.year, size = reader.year, said, len(reader.history)
        credit = reader.credit(*c.subject, c.description, s)
        reader.year = year
        del reader.history[size:]
        return credit

    def _said_in(self, i: int, c: Clause) -> int | None:
        """The year the text gives for the words of clause c in sentence i: "In 2013," or
        "Back in 2013," right before the clause, "said in 2013", "wrote in a 2013 post";
        "At that time," or "At the time," takes the last year the sentence before names."""
        text, s = self.text, self.starts[i]
        m = _DATED.match(text, s)
        if m is not None and text[m.end() : min(c.subject[0], c.verb[0])].strip(" ,"):
            m = None  # "In 2013 the bank fell, X said": the year dates the words' content
        if m is None and c.verb[1] > 0:
            m = _DATED.match(text, c.verb[1])
        if m is None:
            return None
        if m.group(1) or m.group(2):
            return int(m.group(1) or m.group(2))
        years = _YEAR.findall(text, self.starts[i - 1], s) if i > self.lo else []
        return int(years[-1]) if years else None

    def _introduces(self, c: Clause, quotes) -> bool:
        lo, hi = min(c.subject[0], c.verb[0]), max(c.subject[1], c.verb[1])
        return any(0 <= lo - b <= _ADJACENT or 0 <= a - hi <= _ADJACENT + 2 for a, b, _ in quotes)

    def run(self, speaker, group, how, quoted) -> None:
        reader = self.reader
        known: dict[int, Credit] = {}  # quotation number → its speaker
        pending: dict[int, list[int]] = {}  # quotation number → sentences waiting
        before: dict[int, tuple[Credit, int]] = {}  # speaker credited before it opened
        ended: list[int] = []  # quotations closed without a speaker
        last: tuple[Credit, int] | None = None  # last credit and its paragraph

        def put(i: int, c: Credit, rule: str) -> None:
            speaker[i], group[i], how[i] = c.speaker, c.group, rule

        voice = reader.source_voice()
        has_verb = self.has_verb
        letter: Credit | None = None  # the sender whose message's text runs on (“…said:”)
        aside: tuple[Credit | None, list[int]] | None = None  # see _message
        for i in range(self.lo, self.hi):
            if how[i] == FURNITURE:  # the page's, not the article's: as if absent
                continue
            s, e = self.starts[i], self.ends[i]
            quotes = self._quotes_in(s, e) if self.quotes else []
            if not quotes and not ended:  # the common case: no quotation
                clause, credit = self._clause(i, quotes) if has_verb[i] else (None, None)
                credit = credit or self._named_colon(i)
                if credit is not None:
                    put(i, credit, credit.how)
                    last = (credit, self.para_no[i])
                    letter, aside = self._message(i, clause, credit, aside, put)
                    continue
                if self.messages:
                    letter, aside = self._unsaid(i, letter, aside)
                    if letter is not None:
                        put(i, letter, QUOTE)
                        continue
                if voice is not None:
                    put(i, voice, SOURCE)
                continue
            letter = aside = None
            quoted[i] = bool(quotes)
            quotes = self._speech(quotes, s, e)
            numbers = list(dict.fromkeys(q[2] for q in quotes))
            clause, credit = self._clause(i, quotes)
            credit = credit or self._named_colon(i)
            if ended:  # quotations left without a speaker
                lead = (
                    clause is not None
                    and not quotes
                    and min(clause.subject[0], clause.verb[0]) - s <= 2
                )
                for q in ended:
                    # a clause opening a new paragraph does not claim a quotation that
                    # continues the speaker credited earlier in its own paragraph
                    fallback = credit if lead and not self._continues(q, before, i) else None
                    if fallback is None and q in before and self.para_no[i - 1] - before[q][1] <= 1:
                        fallback = before[q][0]
                    if fallback is None:
                        fallback = reader.source_voice(QUOTE)
                    if fallback is not None:
                        known[q] = fallback
                        for j in pending.pop(q, []):
                            put(j, fallback, QUOTE)
                ended = []
            for q in numbers:
                if q not in known and q not in before and last is not None:
                    before[q] = last
            if credit is not None:
                put(i, credit, credit.how)
                last = (credit, self.para_no[i])
                for q in numbers:
                    if q not in known:
                        known[q] = credit
                        for j in pending.pop(q, []):
                            put(j, credit, QUOTE)
            elif (
                numbers
                and self.text[s : min(q[0] for q in quotes)].strip()
                and all(q[0] >= s for q in quotes)
            ):
                if voice is not None:  # narration quoting words mid-sentence:
                    put(i, voice, SOURCE)  # the narrator's, whoever said them
            elif numbers and all(q in known for q in numbers):
                put(i, known[numbers[-1]], QUOTE)
            elif numbers:
                for q in numbers:
                    pending.setdefault(q, []).append(i)
            elif voice is not None:
                put(i, voice, SOURCE)
            closed = [q for q in numbers if q in pending and self._last_end(q) <= e]
            ended += closed
        for q in ended + list(pending):
            fallback = before.get(q, (None,))[0] or reader.source_voice(QUOTE)
            if fallback is not None:
                for j in pending.pop(q, []):
                    put(j, fallback, QUOTE)

    def _message(self, i: int, clause: Clause | None, credit: Credit, aside, put):
        """After sentence i, credited by `clause`: the sender whose message's text runs
        on unquoted, when the clause names the message and ends in a colon ("The message
        said:", "…, the letter said, and went on:"); and the message named last with
        the sentences since (`aside`). A sentence naming the same sender's message again
        ("It also noted", "The message expressed") credits those in between to him; one
        credited to anyone else, or not naming the message, ends both."""
        if clause is None or not self.messages or not self._names_message(i, clause, aside):
            return None, None
        if aside is not None and (aside[0] is None or aside[0].speaker == credit.speaker):
            for j in aside[1]:
                put(j, credit, QUOTE)
        letter = credit if _OPENS.match(self.text, clause.verb[1]) else None
        return letter, (credit, [])

    def _unsaid(self, i: int, letter: Credit | None, aside):
        """For sentence i, which has no reporting clause of its own: the sender whose
        message's text it continues (or None), and `aside` as in _message."""
        text, s, e = self.text, self.starts[i], self.ends[i]
        opening = _FOLLOWS.match(text, s)
        if opening is not None:  # "The text of the message is as follows:"
            letter = self.reader.definite(opening.group(1).lower(), s)
            if letter is not None:
                return letter, aside
        reports = _REPORTS.match(text, s) is not None
        if letter is None and aside is None and not reports:
            return None, None
        fresh = _NEW_MESSAGE.search(text, s, e) is not None
        # a sentence naming a message ("The message was handed over", "X sent a message
        # to Y") is narration again: the text ran to the one before
        if letter is not None and not fresh and not _DOCUMENT.search(text, s, e):
            return letter, aside
        if reports and not fresh:
            # "The president in the message extended …": the message's, once a sentence
            # after it names the message and its sender
            return None, (aside[0], aside[1] + [i]) if aside else (None, [i])
        if fresh or _DOCUMENT.search(text, s, e):
            return None, None  # narration of a message ("Kim read the message out")
        if aside is not None:
            aside[1].append(i)
        return None, aside

    def _names_message(self, i: int, clause: Clause, aside) -> bool:
        """Whether the clause's subject, or the words before its verb, name a message
        ("The message said", "In the letter, he noted"), or it is "it" while one is open."""
        lo, hi = clause.subject
        if self.text[lo:hi].strip().lower() == "it":
            return aside is not None
        if lo < clause.verb[0]:
            lo = self.starts[i]
        return _DOCUMENT.search(self.text, lo, max(hi, clause.verb[0])) is not None

    def _continues(self, q: int, before: dict, i: int) -> bool:
        """Whether quotation q, ended in sentence i - 1, follows a speaker credited in
        its own paragraph while sentence i starts a new one."""
        para = self.para_no
        return q in before and before[q][1] == para[i - 1] != para[i]

    def _last_end(self, number: int) -> int:
        return max(b for a, b, q in self.quotes if q == number)
