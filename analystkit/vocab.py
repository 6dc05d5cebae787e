"""The fixed vocabularies of the frames, defined once for every module.

Plain tuples, no imports: the core, the charts and the widgets all read them from here.
Frame column lists stay with the module that builds the frame (tagging.MATCH_COLUMNS,
events.EVENT_COLUMNS).
"""

EVENT_TYPES = (
    "missile_launch",
    "satellite_launch",
    "nuclear_test",
    "summit",
    "talks",
    "military_exercise",
    "sanctions",
)
LAUNCH_TYPES = ("missile_launch", "satellite_launch")
"""A launch event (the chronology's counting unit) is a missile or a satellite launch."""

ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
"""Ordinals written as words, in order ("the fourth launch this year", "the second
Trump-Kim summit"): the n-th is ORDINAL_WORDS[n - 1]."""

DPRK = "DPRK"
"""The actor label of North Korea's events (data/event_rules.yml `actors`: dprk_state)."""

MISSILE_CLASSES = (
    "cruise",
    "srbm",
    "mrbm",
    "irbm",
    "icbm",
    "slbm",
    "hypersonic",
    "ballistic",
    "unknown",
)
"""The order of charts and tables; "ballistic" is a ballistic missile of unstated type."""

CLASS_PRECEDENCE = (
    "icbm",
    "irbm",
    "mrbm",
    "slbm",
    "hypersonic",
    "srbm",
    "ballistic",
    "cruise",
    "unknown",
)
"""Which class wins when a day or a sentence names several: the most capable first, as
data/README.md documents for the curated chronology. Extraction (events.py) and the CNS
reader (reference.py) both use it."""

SPEAKER_GROUPS = (
    "dprk_state",
    "us_gov",
    "rok_gov",
    "japan_gov",
    "china_gov",
    "russia_gov",
    "un",
    "expert",
    "other",
    "media",
)
"""Who a sentence speaks for. `other`: a named or described speaker in none of the groups
(another government, a company, a defector); `media`: the reporter's own narration and
news outlets that are not a state's voice (docs/annotation.md, section 3)."""
RHETORIC_TAGS = (
    "threat",
    "capability_claim",
    "hostility_accusation",
    "deterrence",
    "diplomatic_outreach",
    "rejection",
    "alignment",
)
MILESTONE_KINDS = ("summit", "meeting", "talks", "sanctions", "term", "policy", "military", "other")
"""The milestones table's `kind`; "term" rows are administrations (drawn as shading)."""
