"""Strict nbval under the CPU kernels readers' machines select (tools/portable.py).

The main suite runs nbval with whatever kernel this machine selects; this runs
it again under each kernel of the CI part of the matrix, so that an output or
an assert that only holds on some CPUs fails here. Kernels this CPU cannot
execute are skipped, and say so.
"""
from __future__ import annotations

import nbformat
import pytest

from tests.notebooks import EXECUTED
from tools import portable


@pytest.mark.parametrize("config", portable.CI_MATRIX, ids=lambda c: c.name)
def test_strict_nbval_under(config):
    if not config.runs_here():
        pytest.skip(f"this CPU cannot run the {config.coretype} kernel")
    outcome = portable.run(config, EXECUTED)
    assert not outcome.failed, (
        f"strict nbval fails under {config.name} ({config.example}): {outcome.failed}\n"
        f"{outcome.log[-4000:]}"
    )


def test_a_configuration_that_did_not_take_effect_is_refused():
    config = portable.CI_MATRIX[0]
    seen = {"kernels": ["Prescott"], "threads": [config.threads + 1],
            "numpy_on": list(portable.AVX512_TARGETS)}
    problems = portable.took_effect(config, seen)
    assert any("OpenBLAS ran" in p for p in problems)
    assert any("threads" in p for p in problems)
    if config.numpy_off:
        assert any("NumPy still dispatches" in p for p in problems)


def test_the_runner_reports_a_stale_output(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell("print(1 + 1)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="3\n")]
    nb.cells = [cell]
    path = tmp_path / "stale.ipynb"
    nbformat.write(nb, path)
    config = next(c for c in portable.MATRIX if c.runs_here())
    outcome = portable.run(config, [path], jobs=1)
    assert len(outcome.failed) == 1 and outcome.failed[0].endswith("::Cell 0")
