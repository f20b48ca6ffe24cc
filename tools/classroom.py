"""Set up an nbgrader course directory for grading the course's exercises.

    python -m tools.classroom new COURSE_DIR [CHAPTER ...]

creates COURSE_DIR with classroom/nbgrader_config.py and, for each chapter
(all of them by default), `source/<chapter>/<chapter>.ipynb` copied from
solutions/. From there nbgrader's own commands take over; instructors.md
walks through generate -> release -> collect -> autograde -> export.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from nbformat import NotebookNode

from tools.make_exercises import is_answer, nbgrader_meta

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "classroom" / "nbgrader_config.py"
SOLUTIONS = ROOT / "solutions"


def nbgrader(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run this environment's nbgrader in `cwd`, capturing its output.

    nbgrader starts `alembic` and the kernel by name, so the environment's
    bin/ goes first on PATH even when the caller has not activated it.
    """
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([str(bin_dir / "nbgrader"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def reference_answers(source: NotebookNode) -> dict[str, str]:
    """Each answer cell's reference source, by grade_id, in notebook order."""
    return {nbgrader_meta(c)["grade_id"]: c.source for c in source.cells if is_answer(c)}


def fill_answers(handout: NotebookNode, answers: dict[str, str]) -> None:
    """Replace the handout's answer cells named in `answers`, as a student would."""
    for cell in handout.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]


def chapters() -> list[str]:
    """The assignment names: one per exercise notebook."""
    return sorted(p.stem for p in SOLUTIONS.glob("*.ipynb"))


def new_course(course: Path, names: list[str]) -> Path:
    """Create the course directory; refuse to touch one that already has a gradebook."""
    unknown = sorted(set(names) - set(chapters()))
    if unknown:
        raise SystemExit(f"no exercise notebook for {unknown}; choose from {chapters()}")
    if (course / "gradebook.db").exists():
        raise SystemExit(f"{course} already holds a gradebook; choose a new directory")
    course.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CONFIG, course / "nbgrader_config.py")
    (course / "exchange").mkdir(exist_ok=True)
    for name in names:
        source = course / "source" / name
        source.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SOLUTIONS / f"{name}.ipynb", source / f"{name}.ipynb")
    return course


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Set up an nbgrader course directory.")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="create a course directory")
    new.add_argument("course", type=Path)
    new.add_argument("chapters", nargs="*", help="e.g. 01_linear_algebra (default: all)")
    args = parser.parse_args(argv)
    course = new_course(args.course, args.chapters or chapters())
    print(f"course directory ready: {course}\nnext: cd {course} && nbgrader generate_assignment <chapter>")
    return 0


if __name__ == "__main__":
    sys.exit(main())
