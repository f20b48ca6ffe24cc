"""Structure and consistency: what nbval and the book build take for granted."""
from __future__ import annotations

import re

import pytest

from tests.notebooks import CHAPTERS, EXECUTED, EXERCISES, ROOT, SOLUTIONS, read, rel, toc_files
from tools import pins
from tools.run_notebooks import problems_in

ALL_NOTEBOOKS = EXECUTED + EXERCISES


def test_every_toc_entry_exists():
    missing = [
        entry for entry in toc_files()
        if not any((ROOT / f"{entry}{suffix}").is_file() for suffix in (".md", ".ipynb"))
    ]
    assert not missing, f"_toc.yml lists files that do not exist: {missing}"


def test_every_chapter_and_exercise_page_is_in_the_toc():
    listed = set(toc_files())
    unlisted = [rel(p) for p in CHAPTERS + SOLUTIONS if rel(p.with_suffix("")) not in listed]
    unlisted += [rel(p) for p in (ROOT / "chapters").glob("*.md")
                 if rel(p.with_suffix("")) not in listed]
    assert not unlisted, f"notebooks missing from _toc.yml: {unlisted}"


def test_chapter_files_sort_in_reading_order():
    names = [p.stem for p in CHAPTERS]
    numbered = [n for n in names if n[:2].isdigit()]
    assert numbered == [f"{i:02d}_{n[3:]}" for i, n in enumerate(numbered, start=1)], (
        f"chapter files must be numbered 01, 02, ... without gaps: {numbered}"
    )


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=rel)
def test_kernelspec_is_python3(path):
    spec = read(path).metadata.get("kernelspec", {})
    assert spec.get("name") == "python3", f"{rel(path)}: kernelspec is {spec.get('name')!r}"
    assert spec.get("language") == "python"


@pytest.mark.parametrize("path", EXECUTED, ids=rel)
def test_executed_once_top_to_bottom(path):
    counts = [c.execution_count for c in read(path).cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{rel(path)}: execution counts {counts} are not 1..n; run `make execute`"
    )


@pytest.mark.parametrize("path", EXECUTED, ids=rel)
def test_no_errors_or_stderr_in_outputs(path):
    bad = problems_in(read(path))
    assert not bad, f"{rel(path)}: {bad}"


@pytest.mark.parametrize("path", EXECUTED, ids=rel)
def test_outputs_hold_no_memory_addresses_or_timings(path):
    text = "\n".join(
        output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
        for cell in read(path).cells for output in cell.get("outputs", [])
    )
    assert not re.search(r"at 0x[0-9a-f]{6,}", text), f"{rel(path)}: a memory address in an output"
    assert not re.search(r"\b(Wall time|CPU times)\b", text), f"{rel(path)}: a timing in an output"


def test_environment_yml_agrees_with_requirements():
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    environment = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert pins.drift(requirements, environment) == [], "run `make environment.yml`"
    assert environment == pins.render_environment(pins.read_pins(requirements))


def test_drift_check_notices_a_changed_pin():
    requirements = "numpy==2.4.6\nscipy==1.17.1\n"
    environment = pins.render_environment({"numpy": "2.4.6", "scipy": "1.16.0"})
    assert pins.drift(requirements, environment) == [
        "scipy: requirements.txt pins 1.17.1, environment.yml 1.16.0"
    ]
    assert pins.drift("numpy==2.4.6\n", pins.render_environment({})) != []


def test_every_requirement_is_an_exact_pin():
    with pytest.raises(ValueError, match="not an exact pin"):
        pins.read_pins("numpy>=2\n")
    assert pins.read_pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))


def test_makefile_installs_from_the_pins():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -r requirements.txt" in makefile
