"""The shared column check names what is missing and what is there."""

import pandas as pd
import pytest

from analystkit.frames import require_columns


def test_missing_columns_are_named_with_the_columns_present():
    with pytest.raises(
        ValueError, match=r"events frame lacks column\(s\) date, event_type; it has when"
    ):
        require_columns(pd.DataFrame({"when": []}), ["date", "event_type"], "events")


def test_a_non_frame_is_a_type_error():
    with pytest.raises(TypeError, match="articles must be a pandas DataFrame, got list"):
        require_columns([], ["text"], "articles")


def test_a_complete_frame_passes():
    require_columns(pd.DataFrame({"date": [], "text": []}), ("date",), "articles")
