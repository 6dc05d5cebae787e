"""PLACEHOLDER: tagging is being written (see the open issue)."""

def tag(*args, **kwargs):
    raise NotImplementedError("tag is not built yet")


def tag_counts(*args, **kwargs):
    raise NotImplementedError("tag_counts is not built yet")


def kwic(*args, **kwargs):
    raise NotImplementedError("kwic is not built yet")


