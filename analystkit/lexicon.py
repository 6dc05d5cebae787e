"""PLACEHOLDER: lexicon is being written (see the open issue)."""

def load_lexicon(*args, **kwargs):
    raise NotImplementedError("load_lexicon is not built yet")


class Lexicon:
    pass
