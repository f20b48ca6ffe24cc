"""Grade a whole (fake) class with nbgrader: generate -> release -> collect -> autograde -> export.

One chapter, seven students: fully correct, blank, partly correct, one whose
answer raises, one with an infinite loop (stopped by the cell timeout), one
whose file is not notebook JSON, and one whose notebook is missing.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from tests.notebooks import SOLUTIONS, read
from tools import classroom
from tools.classroom import fill_answers, new_course, reference_answers
from tools.make_exercises import is_answer, is_check, nbgrader_meta

CHAPTER = SOLUTIONS[0].stem
COURSE_ID = "mml-course"
CELL_TIMEOUT_S = 10  # short, so the infinite loop costs little; real answers take well under 1 s


def nbgrader(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    result = classroom.nbgrader(*args, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result


def exercises(source: nbformat.NotebookNode) -> list[tuple[str, float]]:
    """(answer grade_id, points of the checks that follow it), in order."""
    found: list[tuple[str, float]] = []
    for cell in source.cells:
        if is_answer(cell):
            found.append((nbgrader_meta(cell)["grade_id"], 0.0))
        elif is_check(cell) and found:
            answer, points = found[-1]
            found[-1] = (answer, points + nbgrader_meta(cell)["points"])
    return found


def fill(handout: Path, target: Path, answers: dict[str, str]) -> None:
    """Write the handout with some answer cells replaced, as a student would."""
    nb = read(handout)
    fill_answers(nb, answers)
    nbformat.write(nb, target)


def digests(*folders: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Run the whole flow once; return what the tests look at."""
    tmp = tmp_path_factory.mktemp("class")
    course = new_course(tmp / "course", [CHAPTER])
    exchange = ["--course", COURSE_ID, f"--Exchange.root={course / 'exchange'}"]
    nbgrader("generate_assignment", CHAPTER, cwd=course)
    nbgrader("release_assignment", CHAPTER, cwd=course)
    handout_dir = tmp / "handout"
    handout_dir.mkdir()
    nbgrader("fetch_assignment", CHAPTER, *exchange, cwd=handout_dir)
    handout = handout_dir / CHAPTER / f"{CHAPTER}.ipynb"

    source = read(SOLUTIONS[0])
    reference = reference_answers(source)
    plan = exercises(source)
    total = sum(points for _, points in plan)
    (first, first_points), (second, second_points) = plan[0], plan[1]
    half = dict(list(reference.items())[: len(plan) // 2])
    half_points = sum(points for _, points in plan[: len(plan) // 2])

    students = {  # name: (how the submission is made, expected score)
        "ada": ("correct", total),
        "ben": ("blank", 0.0),
        "cy": ("partial", half_points),
        "dee": ("raises", total - first_points),
        "eli": ("loops", total - second_points),
        "fay": ("not json", 0.0),
        "gus": ("missing", 0.0),
    }
    (course / "roster.csv").write_text("id\n" + "\n".join(students) + "\n")
    nbgrader("db", "student", "import", "roster.csv", cwd=course)

    for name, (kind, _) in students.items():
        folder = tmp / "students" / name / CHAPTER
        folder.mkdir(parents=True)
        target = folder / f"{CHAPTER}.ipynb"
        if kind == "correct":
            fill(handout, target, reference)
        elif kind == "blank":
            shutil.copyfile(handout, target)
        elif kind == "partial":
            fill(handout, target, half)
        elif kind == "raises":
            fill(handout, target, {**reference, first: 'raise RuntimeError("I gave up here")'})
        elif kind == "loops":
            fill(handout, target, {**reference, second: "while True:\n    pass"})
        elif kind == "not json":
            target.write_text('{"cells": [ this is not a notebook', encoding="utf-8")
        # "missing": the folder is submitted without the notebook
        nbgrader("submit", CHAPTER, "--student", name, *exchange, cwd=folder.parent)

    submitted_by_students = tmp / "students"
    before = digests(submitted_by_students, course / "exchange" / COURSE_ID / "inbound")
    nbgrader("collect", CHAPTER, cwd=course)
    collected = digests(course / "submitted")
    autograde = nbgrader("autograde", CHAPTER, f"--Execute.timeout={CELL_TIMEOUT_S}",
                         cwd=course, check=False)
    nbgrader("export", cwd=course)
    after = digests(submitted_by_students, course / "exchange" / COURSE_ID / "inbound")
    with open(course / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        "students": students, "rows": rows, "autograde": autograde, "total": total,
        "before": before, "after": after, "collected": collected,
        "collected_after": digests(course / "submitted"),
    }


def test_one_row_per_student(graded):
    ids = [row["student_id"] for row in graded["rows"]]
    assert sorted(ids) == sorted(graded["students"])


def test_scores_are_what_each_submission_earned(graded):
    scores = {row["student_id"]: float(row["score"]) for row in graded["rows"]}
    expected = {name: score for name, (_, score) in graded["students"].items()}
    assert scores == pytest.approx(expected)
    assert all(float(row["max_score"]) == graded["total"] for row in graded["rows"])
    assert 0 < expected["cy"] < graded["total"], "the partial submission earns part of the points"


def test_the_broken_notebook_is_reported_not_fatal(graded):
    log = graded["autograde"].stderr
    assert "fay" in log and "does not appear to be JSON" in log
    assert "ada" in log  # the others were still graded


def test_every_submitted_file_is_unchanged(graded):
    assert graded["before"] == graded["after"]
    assert graded["collected"] == graded["collected_after"]
    assert len(graded["collected"]) >= 6  # one notebook per student but the one who sent none
