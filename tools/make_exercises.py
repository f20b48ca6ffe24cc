"""Generate the student notebooks in exercises/ from the reference source in solutions/.

    python -m tools.make_exercises             # refresh the checks cell, regenerate exercises/
    python -m tools.make_exercises solutions/04_inference.ipynb   # only these notebooks
    python -m tools.make_exercises --check     # exit 1 if exercises/ is not what solutions/ gives
    python -m tools.make_exercises --check-stubs solutions/01_linear_algebra.ipynb
                                               # run the student version: every check must fail

The student version is made by nbgrader's own preprocessors (ClearSolutions,
ClearHiddenTests, ClearOutput), so what students get here is what
`nbgrader generate_assignment` would hand out. The only addition is dropping
the `hide-input` tag from answer cells: it folds reference answers in the
book but would fold the student's own stub in the student edition.
"""
from __future__ import annotations

import argparse
import copy
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import ClearHiddenTests, ClearOutput, ClearSolutions

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
CHECKS_SOURCE = Path(__file__).with_name("checks.py")
CHECKS_GRADE_ID = "checks"
REVEAL_TAG = "hide-input"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


def nbgrader_meta(cell: NotebookNode) -> dict:
    """The cell's nbgrader metadata ({} for an ordinary cell)."""
    return cell.get("metadata", {}).get("nbgrader", {})


def is_answer(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and bool(nbgrader_meta(cell).get("solution"))


def is_check(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and bool(nbgrader_meta(cell).get("grade"))


def sync_checks_cell(nb: NotebookNode) -> bool:
    """Make the checks cell a folded copy of tools/checks.py; True if it changed."""
    source = CHECKS_SOURCE.read_text(encoding="utf-8").rstrip("\n")
    for cell in nb.cells:
        if nbgrader_meta(cell).get("grade_id") == CHECKS_GRADE_ID:
            tags = cell.metadata.setdefault("tags", [])
            if cell.source == source and REVEAL_TAG in tags:
                return False
            cell.source = source
            if REVEAL_TAG not in tags:
                tags.append(REVEAL_TAG)  # readers of the book need not scroll past it
            return True
    raise ValueError(f"no cell with nbgrader grade_id {CHECKS_GRADE_ID!r}")


def student_version(nb: NotebookNode) -> NotebookNode:
    """The notebook as handed to students: answers, hidden tests and outputs removed."""
    student = copy.deepcopy(nb)
    resources: dict = {}
    for preprocessor in (ClearSolutions(), ClearHiddenTests(), ClearOutput()):
        student, resources = preprocessor.preprocess(student, resources)
    for cell in filter(is_answer, student.cells):
        tags = cell.get("metadata", {}).get("tags")
        if tags and REVEAL_TAG in tags:
            tags.remove(REVEAL_TAG)
            if not tags:
                del cell.metadata["tags"]
    return student


def student_json(nb: NotebookNode) -> str:
    """The exact text of the student notebook file generated from `nb`."""
    return nbformat.writes(student_version(nb)) + "\n"


def answer_lines(nb: NotebookNode) -> set[str]:
    """Every line of every reference answer (between the SOLUTION markers), stripped."""
    lines: set[str] = set()
    for cell in nb.cells:
        if not is_answer(cell):
            continue
        inside = False
        for line in cell.source.splitlines():
            if BEGIN in line:
                inside = True
            elif END in line:
                inside = False
            elif inside and line.strip():
                lines.add(line.strip())
    return lines


def read(path: Path) -> NotebookNode:
    """Read a notebook, saying which file is broken if it is not valid."""
    try:
        return nbformat.read(path, as_version=4)
    except Exception as exc:
        raise SystemExit(f"{path}: not a readable notebook ({type(exc).__name__}: {exc})") from None


def generate(sources: list[Path], every: bool = True) -> int:
    """Refresh each source's checks cell and write its student version.

    With `every`, `sources` is the whole of solutions/ and stale student
    notebooks (with no source any more) are reported.
    """
    EXERCISES.mkdir(exist_ok=True)
    for path in sources:
        nb = read(path)
        if sync_checks_cell(nb):
            nbformat.write(nb, path)
            print(f"refreshed the checks cell of {path.relative_to(ROOT)}")
        target = EXERCISES / path.name
        target.write_text(student_json(nb), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    if not every:
        return 0
    stale = {p.name for p in EXERCISES.glob("*.ipynb")} - {p.name for p in sources}
    for name in sorted(stale):
        print(f"exercises/{name} has no source in solutions/: delete it or restore its source")
    return 1 if stale else 0


def check(sources: list[Path]) -> int:
    """Exit status 1, with the reasons, if exercises/ differs from what solutions/ gives."""
    problems = []
    for path in sources:
        target = EXERCISES / path.name
        expected = student_json(read(path))
        if not target.exists():
            problems.append(f"exercises/{path.name} is missing")
        elif target.read_text(encoding="utf-8") != expected:
            problems.append(f"exercises/{path.name} is not what solutions/{path.name} generates")
    for problem in problems:
        print(problem)
    if problems:
        print("Run `make exercises` to regenerate exercises/ (never edit it by hand).")
    return 1 if problems else 0


def checks_that_pass_on_stubs(path: Path) -> list[str]:
    """Run the student version of `path`; return the grade_ids of checks that did NOT fail."""
    from tools.run_notebooks import execute

    student = student_version(read(path))
    with tempfile.TemporaryDirectory() as tmp:
        copy_path = Path(tmp) / path.name
        nbformat.write(student, copy_path)
        ran, _ = execute(copy_path, allow_errors=True)
    return [
        nbgrader_meta(cell)["grade_id"]
        for cell in ran.cells
        if is_check(cell) and not any(o.output_type == "error" for o in cell.outputs)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="solutions/ notebooks to regenerate (default: all of them)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--check-stubs", nargs="+", type=Path, metavar="NOTEBOOK",
                        help="execute the student version; every check must fail")
    args = parser.parse_args(argv)
    if args.check_stubs:
        status = 0
        for path in args.check_stubs:
            passing = checks_that_pass_on_stubs(path)
            if passing:
                status = 1
                print(f"{path}: these checks pass on the blank stub: {', '.join(passing)}")
            else:
                print(f"{path}: every check fails on the blank stub, as it should")
        return status
    sources = sorted(p.resolve() for p in args.notebooks) or sorted(SOLUTIONS.glob("*.ipynb"))
    outside = [str(p) for p in sources if p.parent != SOLUTIONS or not p.is_file()]
    if outside:
        parser.error(f"not a notebook in solutions/: {', '.join(outside)}")
    return check(sources) if args.check else generate(sources, every=not args.notebooks)


if __name__ == "__main__":
    sys.exit(main())
