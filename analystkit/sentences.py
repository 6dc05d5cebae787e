"""PLACEHOLDER: sentences is being written (see the open issue)."""

def sentences(*args, **kwargs):
    raise NotImplementedError("sentences is not built yet")


