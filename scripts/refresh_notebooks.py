"""Re-execute notebooks in place so nbval can compare their stored outputs.

Usage: python scripts/refresh_notebooks.py notebooks/*.ipynb

Each notebook runs in a fresh kernel with its own folder as the working directory.
Timing metadata, widget state and widget views are dropped (a stored view only points
at a model id that changes every run and does not exist when the notebook is reopened;
the widget's text form stays), so a second run differs only in what
tests/nbval_sanitize.cfg hides.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def refresh(path: Path) -> None:
    """Execute one notebook and write it back with outputs, without volatile metadata."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    nbformat.write(nb, path)
    print(f"refreshed {path}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        refresh(Path(arg))
