"""The Examples in the docstrings run, as doctests, on the shipped seed and reference
data; and every public name of the package has one."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import matplotlib
import pytest

import analystkit as ak

matplotlib.use("Agg")  # charts and widgets draw without a display

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(ak.__path__, "analystkit.")
    if not m.name.endswith("__main__")
)
# Exceptions need no example: they are raised, and shown in the examples that raise them.
NO_EXAMPLE = {"ArticleLoadError", "LexiconError", "CorpusFetchError", "ReferenceDataError"}
CONSTANTS = {"SEEDS_DIR", "LEXICON_PATH", "REFERENCE_DIR"}


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_of_a_module_run(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.FAIL_FAST
    )
    for test in finder.find(module, name):  # the module's own objects only
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name} (output above)"


@pytest.mark.parametrize("name", sorted(set(ak.__all__) - NO_EXAMPLE - CONSTANTS))
def test_every_public_name_has_an_examples_section(name):
    doc = inspect.getdoc(getattr(ak, name)) or ""
    _, found, examples = doc.partition("Examples\n--------\n")
    assert found and ">>>" in examples, f"ak.{name} has no Examples section with a doctest"
