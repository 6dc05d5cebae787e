"""Source voice: the outlet an article comes from, read from its source field or its
dateline ("Pyongyang, July 14 (KCNA) --"). In a state outlet's article the narration is
that state's voice; in a news outlet's it is the reporter's (`media`)."""

from __future__ import annotations

import re

from analystkit.matcher import normalize
from analystkit.roster import OUTLET, Roster, Speaker

_DATELINE = re.compile(
    r"\s*[A-Z][\w .'-]{1,40},?\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\(([^)]{2,40})\)"
    r"\s*(?:-{1,2}|—|–)"
)
_HEAD_CHARS = 120
_NARRATION = "media"
_MAX_CACHED = 10_000  # distinct source names remembered


class Voices:
    """Finds the state outlet (if any) an article speaks as."""

    def __init__(self, roster: Roster):
        self.by_cue = {
            " ".join(normalize(c).split()): sp
            for sp in roster.speakers.values()
            if sp.kind == OUTLET
            for c in sp.cues
            if not c.startswith("re:")
        }
        self._outlets: dict[str, Speaker | None] = {}  # name → outlet (sources repeat)

    def outlet(self, name: str) -> Speaker | None:
        """The outlet a source field or dateline names (whole words), if any."""
        if name not in self._outlets:
            if len(self._outlets) >= _MAX_CACHED:
                self._outlets.clear()
            self._outlets[name] = self._outlet(name)
        return self._outlets[name]

    def _outlet(self, name: str) -> Speaker | None:
        words = normalize(name).split()
        for size in range(min(len(words), 5), 0, -1):
            for i in range(len(words) - size + 1):
                sp = self.by_cue.get(" ".join(words[i : i + size]))
                if sp is not None:
                    return sp
        return None

    def voice(self, source: str, text: str) -> Speaker | None:
        """The article's state outlet: from the source field, else the dateline; None
        for a news outlet or an unknown source (narration is then the reporter's)."""
        found = self.outlet(source) if source else None
        if found is None:
            m = _DATELINE.match(text[:_HEAD_CHARS])
            found = self.outlet(m.group(1)) if m else None
        return found if found is not None and found.group != _NARRATION else None
