"""PLACEHOLDER: reference is being written (see the open issue)."""

def load_chronology(*args, **kwargs):
    raise NotImplementedError("load_chronology is not built yet")


def load_milestones(*args, **kwargs):
    raise NotImplementedError("load_milestones is not built yet")


def load_cns_database(*args, **kwargs):
    raise NotImplementedError("load_cns_database is not built yet")


