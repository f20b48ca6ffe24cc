"""Every chapter and exercise notebook runs on Colab's older stack, its asserts holding.

`make test` builds .venv-colab from tests/colab-requirements.txt (Python 3.13
where the machine has it). Printed digits may differ from the stored outputs
there, so this runs the notebooks without comparing outputs: any cell that
raises, an assert included, fails the test.
"""
from __future__ import annotations

import subprocess

from tests.notebooks import EXECUTED, ROOT, rel

COLAB_PYTHON = ROOT / ".venv-colab" / "bin" / "python"


def test_every_notebook_runs_on_colabs_stack():
    assert COLAB_PYTHON.exists(), "no .venv-colab: `make test` (or `make colab-env`) creates it"
    result = subprocess.run(
        [str(COLAB_PYTHON), "-m", "tools.run_notebooks", "--check", *map(rel, EXECUTED)],
        cwd=ROOT, capture_output=True, text=True,
    )
    report = result.stdout.strip()
    assert result.returncode == 0, f"notebooks that fail on Colab's stack:\n{report}\n{result.stderr[-2000:]}"
    stack = report.splitlines()[0]
    assert "numpy 2.1.3" in stack and "scikit-learn 1.6.1" in stack, f"not Colab's stack: {stack}"
    assert f"{len(EXECUTED)} passed, 0 failed" in report
