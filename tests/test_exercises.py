"""Exercises: one source, generated student notebooks, checks that bite, no leaks."""
from __future__ import annotations

import re

import nbformat
import pytest

from tests.notebooks import CHAPTERS, EXERCISES, ROOT, SOLUTIONS, leaked, page_text, read, rel
from tools import book
from tools.make_exercises import (
    CHECKS_GRADE_ID,
    REVEAL_TAG,
    answer_lines,
    checks_that_pass_on_stubs,
    is_answer,
    is_check,
    nbgrader_meta,
    student_json,
)

def test_every_chapter_has_an_exercise_notebook():
    chapters = {p.name for p in CHAPTERS if p.name[:2].isdigit()}
    assert chapters == {p.name for p in SOLUTIONS}, "each numbered chapter needs solutions/<same name>"
    assert {p.name for p in SOLUTIONS} == {p.name for p in EXERCISES}, "run `make exercises`"


@pytest.mark.parametrize("source", SOLUTIONS, ids=rel)
class TestSource:
    def test_student_notebook_is_generated_not_edited(self, source):
        target = ROOT / "exercises" / source.name
        assert target.read_text(encoding="utf-8") == student_json(read(source)), (
            f"exercises/{source.name} differs from what solutions/{source.name} generates: "
            "run `make exercises` (never edit exercises/ by hand)"
        )

    def test_checks_cell_is_the_shared_one(self, source):
        shared = (ROOT / "tools" / "checks.py").read_text(encoding="utf-8").rstrip("\n")
        cells = [c for c in read(source).cells if nbgrader_meta(c).get("grade_id") == CHECKS_GRADE_ID]
        assert len(cells) == 1 and cells[0].source == shared, "run `make exercises`"

    def test_enough_exercises_of_each_kind(self, source):
        nb = read(source)
        answers = [c for c in nb.cells if is_answer(c)]
        checks = [c for c in nb.cells if is_check(c)]
        assert len(answers) >= 5 and len(checks) >= 5, "at least five exercises per chapter"
        functions = [c for c in answers if re.search(r"^def \w+\(", c.source, flags=re.M)]
        numeric = [c for c in answers if re.search(r"^\w+ = None\b", c.source, flags=re.M)]
        assert len(functions) >= 2, "at least two 'implement ...' exercises"
        assert numeric, "at least one conceptual exercise with a numeric answer"
        assert re.search(r"\bload_(iris|digits|diabetes|breast_cancer|wine)\b",
                         "\n".join(c.source for c in nb.cells)), "one exercise on a real data set"

    def test_cells_carry_complete_nbgrader_metadata(self, source):
        nb = read(source)
        ids = [nbgrader_meta(c)["grade_id"] for c in nb.cells if nbgrader_meta(c)]
        assert len(ids) == len(set(ids)), f"duplicate grade_ids: {ids}"
        for cell in nb.cells:
            if is_check(cell):
                assert nbgrader_meta(cell).get("points", 0) > 0 and nbgrader_meta(cell)["locked"]
                assert "passed(" in cell.source, "a check ends by saying what passed"
            if is_answer(cell):
                assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
                assert REVEAL_TAG in cell.metadata.get("tags", []), "the book folds reference answers"

    def test_checks_with_hidden_tests_say_the_grader_runs_more(self, source):
        silent = [nbgrader_meta(c)["grade_id"] for c in read(source).cells
                  if is_check(c) and "### BEGIN HIDDEN TESTS" in c.source
                  and "more_when_graded=True" not in c.source]
        assert not silent, (f"these checks hold hidden tests but do not tell the student: {silent}; "
                            "end them with passed(..., more_when_graded=True)")

    def test_every_check_fails_on_the_blank_stub(self, source):
        assert checks_that_pass_on_stubs(source) == []

    def test_no_answer_leaks_into_the_student_notebook(self, source):
        student = (ROOT / "exercises" / source.name).read_text(encoding="utf-8")
        text = "\n".join(c.source for c in nbformat.reads(student, as_version=4).cells)
        assert not leaked(answer_lines(read(source)), text)


def test_leak_check_can_fail():
    nb = read(SOLUTIONS[0])
    lines = answer_lines(nb)
    assert lines and leaked(lines, "\n".join(c.source for c in nb.cells))


def test_student_edition_builds_and_holds_no_answer():
    assert book.build("student") == 0, "the student edition failed or warned: see the output above"
    html_dir = book.html_dir("student")
    missing = [p.stem for p in SOLUTIONS if not (html_dir / "exercises" / f"{p.stem}.html").is_file()]
    assert not missing, f"exercise pages missing from the student edition: {missing}"
    assert not (html_dir / "solutions").exists(), "no solutions/ pages in the student edition"
    all_answers = set().union(*(answer_lines(read(p)) for p in SOLUTIONS))
    leaks = {}
    for page in sorted(html_dir.rglob("*.html")):
        found = leaked(all_answers, page_text(page))
        if found:
            leaks[str(page.relative_to(html_dir))] = found
    assert not leaks, f"reference answers in the student edition: {leaks}"

