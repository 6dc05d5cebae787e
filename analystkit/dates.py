"""PLACEHOLDER: dates is being written (see the open issue)."""

