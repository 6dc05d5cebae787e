"""PLACEHOLDER: events is being written (see the open issue)."""

def extract_events(*args, **kwargs):
    raise NotImplementedError("extract_events is not built yet")


def dedupe_events(*args, **kwargs):
    raise NotImplementedError("dedupe_events is not built yet")


def count_events(*args, **kwargs):
    raise NotImplementedError("count_events is not built yet")


def event_ordinal(*args, **kwargs):
    raise NotImplementedError("event_ordinal is not built yet")


def check_claims(*args, **kwargs):
    raise NotImplementedError("check_claims is not built yet")


