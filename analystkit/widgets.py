"""PLACEHOLDER: widgets is being written (see the open issue)."""

class FilterPanel:
    pass
