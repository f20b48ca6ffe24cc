"""The course's tools, given bad input, say what is wrong and lose nothing."""
from __future__ import annotations

import nbformat
import pytest

from tools import classroom, make_exercises, pins, run_notebooks


def notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


def test_run_notebooks_reports_a_missing_file(tmp_path, capsys):
    assert run_notebooks.main([str(tmp_path / "nowhere.ipynb")]) == 2
    assert "No such notebook" in capsys.readouterr().err


def test_run_notebooks_leaves_a_broken_notebook_untouched(tmp_path, capsys):
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [ not json', encoding="utf-8")
    assert run_notebooks.main([str(broken), "-j", "1"]) == 1
    assert "could not run" in capsys.readouterr().out
    assert broken.read_text(encoding="utf-8") == '{"cells": [ not json'


def test_run_notebooks_keeps_a_failing_notebook_as_it_was(tmp_path, capsys):
    path = tmp_path / "fails.ipynb"
    nbformat.write(notebook("x = 1", "1 / 0"), path)
    before = path.read_bytes()
    assert run_notebooks.main([str(path), "-j", "1"]) == 1
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert path.read_bytes() == before


def test_run_notebooks_stores_outputs_and_merges_split_prints(tmp_path):
    path = tmp_path / "ok.ipynb"
    source = "import sys\nprint('a', end='')\nsys.stdout.flush()\nprint('b')"
    nbformat.write(notebook(source), path)
    assert run_notebooks.main([str(path), "-j", "1"]) == 0
    cell = nbformat.read(path, as_version=4).cells[0]
    assert cell.execution_count == 1
    assert [(o.output_type, o.text) for o in cell.outputs] == [("stream", "ab\n")]


def test_run_notebooks_refuses_to_store_stderr(tmp_path, capsys):
    path = tmp_path / "warns.ipynb"
    nbformat.write(notebook("import warnings\nwarnings.warn('careful')"), path)
    assert run_notebooks.main([str(path), "-j", "1"]) == 1
    assert "stderr" in capsys.readouterr().out


def test_make_exercises_names_a_broken_source(tmp_path):
    broken = tmp_path / "01_broken.ipynb"
    broken.write_text("not a notebook", encoding="utf-8")
    with pytest.raises(SystemExit, match="01_broken.ipynb: not a readable notebook"):
        make_exercises.read(broken)


def test_make_exercises_needs_the_checks_cell():
    with pytest.raises(ValueError, match="grade_id 'checks'"):
        make_exercises.sync_checks_cell(notebook("x = 1"))


def test_classroom_refuses_an_unknown_chapter(tmp_path):
    with pytest.raises(SystemExit, match="no exercise notebook for"):
        classroom.new_course(tmp_path / "course", ["99_nothing"])


def test_classroom_never_overwrites_a_gradebook(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    (course / "gradebook.db").write_bytes(b"grades")
    with pytest.raises(SystemExit, match="already holds a gradebook"):
        classroom.new_course(course, classroom.chapters()[:1])
    assert (course / "gradebook.db").read_bytes() == b"grades"


def test_pins_check_reports_a_missing_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pins, "ENVIRONMENT", tmp_path / "environment.yml")
    assert pins.main(["--check"]) == 1
    assert "make environment.yml" in capsys.readouterr().err
