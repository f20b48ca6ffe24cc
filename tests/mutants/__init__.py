"""Wrong and right answers for every exercise, run against the checks students see.

Each solutions notebook `solutions/NN_topic.ipynb` has a module
`tests/mutants/exNN_topic.py` with a dict `ANSWERS`: for each answer cell's
grade_id, a list of

- `Wrong(mistake, source, says)`: a plausible wrong answer (the source of the
  whole answer cell); the *visible* check (hidden tests removed, as students
  get it) must fail with a `CheckFailed` whose message contains `says`, the
  words that name the mistake;
- `Right(how, source)`: a correct answer written differently from the
  reference; the visible check and the full check (hidden tests included)
  must both pass.

A run executes, in one namespace, the notebook's cells in order up to the
exercise's check cell, with every earlier exercise answered by its reference
answer, the exercise itself answered by the candidate, and (for a visible run)
the hidden tests removed, exactly as nbgrader's ClearHiddenTests does. If the
candidate's own cell raises, the check still runs, as it does for a student
who runs the next cell anyway.
"""
from __future__ import annotations

import contextlib
import importlib
import io
import linecache
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from tools.make_exercises import is_answer, is_check, nbgrader_meta

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Wrong:
    mistake: str   # what the student got wrong, in a few words
    source: str    # the whole answer cell as the student writes it
    says: str      # words the check's message must contain (case-insensitive)


@dataclass(frozen=True)
class Right:
    how: str       # how this correct answer differs from the reference
    source: str


@dataclass(frozen=True)
class Verdict:
    passed: bool
    message: str   # the CheckFailed message, or the error if the check itself broke
    failure: str   # "" when passed, "CheckFailed", or the type of any other exception


def module_name(notebook: Path) -> str:
    return f"tests.mutants.ex{notebook.stem}"


def answers_for(notebook: Path) -> dict[str, list]:
    """The ANSWERS dict of the notebook's mutant module ({} if it has none)."""
    if not (HERE / f"ex{notebook.stem}.py").is_file():
        return {}
    return importlib.import_module(module_name(notebook)).ANSWERS


def without_hidden_tests(source: str) -> str:
    """The check cell as students see it (nbgrader's ClearHiddenTests, by its markers)."""
    kept, hidden = [], False
    for line in source.splitlines():
        if "### BEGIN HIDDEN TESTS" in line:
            hidden = True
        elif "### END HIDDEN TESTS" in line:
            hidden = False
        elif not hidden:
            kept.append(line)
    return "\n".join(kept)


def check_cell_of(nb: NotebookNode, grade_id: str) -> int:
    """Index of the first check cell after the answer cell `grade_id`."""
    start = next(i for i, c in enumerate(nb.cells) if nbgrader_meta(c).get("grade_id") == grade_id)
    return next(i for i in range(start + 1, len(nb.cells)) if is_check(nb.cells[i]))


def run_cell(source: str, name: str, namespace: dict) -> None:
    """Execute one cell's source, registering it as IPython does so that
    `inspect.getsource` works on the functions it defines."""
    linecache.cache[name] = (len(source), None, source.splitlines(True), name)
    exec(compile(source, name, "exec"), namespace)


def judge(nb: NotebookNode, grade_id: str, candidate: str, *, hidden: bool = False) -> Verdict:
    """Run the notebook up to the check of `grade_id` with `candidate` as that answer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    last = check_cell_of(nb, grade_id)
    namespace: dict = {"__name__": "__main__"}
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            for index, cell in enumerate(nb.cells[: last + 1]):
                if cell.cell_type != "code":
                    continue
                source = cell.source
                if nbgrader_meta(cell).get("grade_id") == grade_id:
                    source = candidate
                elif is_check(cell) and not hidden:
                    source = without_hidden_tests(source)
                if index == last:
                    try:
                        run_cell(source, f"<{grade_id} check>", namespace)
                    except Exception as exc:  # the verdict: how the check reacted
                        failure = type(exc).__name__
                        return Verdict(False, str(exc), failure)
                    return Verdict(True, output.getvalue(), "")
                try:
                    run_cell(source, f"<cell {index}>", namespace)
                except Exception:
                    if source is not candidate:
                        raise  # the notebook itself is broken: not the candidate's verdict
                    # A student whose answer cell raises still runs the check next.
    finally:
        plt.close("all")
    raise AssertionError("unreachable")


def read(notebook: Path) -> NotebookNode:
    return nbformat.read(notebook, as_version=4)


def answer_ids(nb: NotebookNode) -> list[str]:
    return [nbgrader_meta(c)["grade_id"] for c in nb.cells if is_answer(c)]
