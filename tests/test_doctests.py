"""The Examples in the docstrings run, as doctests, on the shipped seed and reference
data; every public name of the package has one; and every public function and class has
numpydoc Parameters and Returns sections that match its signature (numpydoc's validator)."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import matplotlib
import pytest
from numpydoc.validate import validate

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
# numpydoc's validation codes that must pass: every parameter documented, none unknown,
# in the signature's order, each with a type and a description; a Returns section (for
# functions) with a type and a description; sections known, in numpydoc's order, well
# formed; a summary and an example. Left out: the summary's wording and length (SS02-SS06),
# the extended summary (ES01), See Also (SA01-SA04), capitals and full stops (PR08, PR09,
# RT04, RT05), where the docstring opens (GL01).
NUMPYDOC_CODES = {
    "GL02", "GL03", "GL05", "GL06", "GL07", "GL08", "GL09", "GL10",
    "SS01",
    "PR01", "PR02", "PR03", "PR04", "PR05", "PR06", "PR07", "PR10",
    "RT01", "RT02", "RT03",
    "YD01",
    "EX01",
}  # fmt: skip


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


@pytest.mark.parametrize("name", sorted(set(ak.__all__) - NO_EXAMPLE - CONSTANTS))
def test_every_public_name_has_numpydoc_parameters_and_returns(name):
    obj = getattr(ak, name)
    result = validate(f"{obj.__module__}.{obj.__qualname__}")
    errors = [f"{code}: {message}" for code, message in result["errors"] if code in NUMPYDOC_CODES]
    assert not errors, f"ak.{name}'s docstring:\n" + "\n".join(errors)
