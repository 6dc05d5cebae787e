"""PLACEHOLDER: charts is being written (see the open issue)."""

def chronology_chart(*args, **kwargs):
    raise NotImplementedError("chronology_chart is not built yet")


def plot_counts(*args, **kwargs):
    raise NotImplementedError("plot_counts is not built yet")


def plot_rhetoric(*args, **kwargs):
    raise NotImplementedError("plot_rhetoric is not built yet")


def save_figure(*args, **kwargs):
    raise NotImplementedError("save_figure is not built yet")


