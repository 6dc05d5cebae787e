"""The public API: every documented name resolves, and batch work stays light."""

import ast
import subprocess
import sys

import pytest

import analystkit as ak


@pytest.mark.parametrize("name", ak.__all__)
def test_every_public_name_resolves(name):
    assert getattr(ak, name) is not None


def test_the_package_has_the_version_of_pyproject():
    import tomllib
    from pathlib import Path

    pyproject = Path(ak.__file__).parents[1] / "pyproject.toml"
    assert ak.__version__ == tomllib.loads(pyproject.read_text())["project"]["version"]


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'tag_everything'"):
        _ = ak.tag_everything


def _modules_loaded_by(code: str) -> list[str]:
    code = (
        f"import sys\n{code}\nprint(sorted(m for m in ('matplotlib', 'ipywidgets', "
        "'pandera') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ast.literal_eval(out.stdout)


def test_importing_the_kit_loads_no_plotting_widgets_or_schemas():
    assert _modules_loaded_by("import analystkit") == []


def test_loading_tagging_and_counting_never_load_plotting_or_widgets():
    # extract_events may read the curated milestones (validated with pandera) to date
    # "in his first term"; plotting and widgets stay out of batch work.
    assert _modules_loaded_by(
        "import analystkit as ak\n"
        "a = ak.load_articles(ak.SEEDS_DIR)\n"
        "ak.count_events(ak.dedupe_events(ak.extract_events(a)))\n"
        "ak.tag_counts(ak.tag(a))"
    ) in ([], ["pandera"])
