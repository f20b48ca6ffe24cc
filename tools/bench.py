"""Benchmarks: how long notebooks, the test suite and the book take on this machine.

    python -m tools.bench        (make bench)

Prints, measured in this run:
- each notebook's execution time in a fresh kernel;
- the nbval suite's wall time against its floor: one kernel start plus the
  stack's imports per notebook, divided by the cores (goal: at most 2x);
- a clean book build and an incremental rebuild after touching one chapter
  (goal: incremental at most a quarter of clean);
- the built site's size, and its heaviest page with the images it loads;
- autograding a class of 40 correct submissions of Chapter 1 with nbgrader.

These are measurements to read, not timed tests: nothing here fails on a
slow machine.
"""
from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from tools import book
from tools.classroom import fill_answers, nbgrader, new_course, reference_answers
from tools.run_notebooks import execute

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
STACK_IMPORTS = "import numpy, scipy.stats, scipy.optimize, sympy, sklearn, matplotlib.pyplot"
FLOOR_SAMPLES = 3
CLASS_SIZE = 40
GRADED_CHAPTER = "01_linear_algebra"


def seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def notebook_times() -> dict[str, float]:
    """Each notebook, run alone in a fresh kernel (a copy: nothing is written back)."""
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in NOTEBOOKS:
            copy = Path(tmp) / path.name
            shutil.copyfile(path, copy)
            _, times[str(path.relative_to(ROOT))] = execute(copy)
    return times


def kernel_floor() -> float:
    """Seconds to start a kernel and import the stack once (median of a few runs)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(STACK_IMPORTS)]
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "floor.ipynb"
        nbformat.write(nb, path)
        for _ in range(FLOOR_SAMPLES):
            start = time.perf_counter()
            execute(path)  # includes kernel start-up and shutdown, as nbval's per-notebook cost does
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def nbval_wall_time() -> float:
    """The nbval part of the suite, as `make test` runs it."""
    command = [sys.executable, "-m", "pytest", "-q", "chapters", "solutions"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        print(result.stdout[-2000:])
        raise SystemExit("nbval failed; fix the notebooks before benchmarking")
    return wall


def book_times() -> tuple[float, float, float]:
    """A clean build of the full edition, a rebuild with nothing changed (the fixed
    start-up cost), and an incremental rebuild after touching one chapter."""
    html = book.html_dir("full")
    for stale in (html, html.parent / ".doctrees", html.parent / "jupyter_execute"):
        shutil.rmtree(stale, ignore_errors=True)
    clean = seconds(lambda: book.build("full", quiet=True))
    unchanged = seconds(lambda: book.build("full", quiet=True))
    os.utime(ROOT / "chapters" / "01_linear_algebra.ipynb")
    incremental = seconds(lambda: book.build("full", quiet=True))
    return clean, unchanged, incremental


def site_size(html: Path) -> tuple[int, str, int, list[tuple[str, int]]]:
    """Total bytes, and the heaviest page with its own size plus its images'."""
    total = sum(p.stat().st_size for p in html.rglob("*") if p.is_file())
    heaviest, heaviest_bytes, heaviest_images = "", 0, []
    for page in html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        images = []
        for src in sorted(set(re.findall(r'<img[^>]+src="([^"]+)"', text))):
            image = (page.parent / src).resolve()
            if image.is_file():
                images.append((image.name, image.stat().st_size))
        weight = page.stat().st_size + sum(size for _, size in images)
        if weight > heaviest_bytes:
            heaviest, heaviest_bytes, heaviest_images = str(page.relative_to(html)), weight, images
    return total, heaviest, heaviest_bytes, heaviest_images


def autograde_time(class_size: int = CLASS_SIZE) -> float:
    """Seconds for `nbgrader autograde` on `class_size` correct submissions of one chapter."""
    with tempfile.TemporaryDirectory() as tmp:
        course = new_course(Path(tmp) / "course", [GRADED_CHAPTER])
        nbgrader("generate_assignment", GRADED_CHAPTER, cwd=course).check_returncode()
        handout = nbformat.read(course / "release" / GRADED_CHAPTER / f"{GRADED_CHAPTER}.ipynb", 4)
        source = nbformat.read(ROOT / "solutions" / f"{GRADED_CHAPTER}.ipynb", 4)
        fill_answers(handout, reference_answers(source))
        for number in range(class_size):
            folder = course / "submitted" / f"student{number:02d}" / GRADED_CHAPTER
            folder.mkdir(parents=True)
            nbformat.write(handout, folder / f"{GRADED_CHAPTER}.ipynb")
        return seconds(lambda: nbgrader("autograde", GRADED_CHAPTER, cwd=course).check_returncode())


def main() -> int:
    cores = os.cpu_count() or 1
    print(f"Benchmarks on {cores} cores, Python {sys.version.split()[0]}\n")

    print("Notebook execution, fresh kernel each:")
    times = notebook_times()
    for name, value in times.items():
        print(f"  {value:5.1f} s  {name}")
    print(f"  {sum(times.values()):5.1f} s  total, {max(times.values()):.1f} s slowest\n")

    floor_each = kernel_floor()
    floor = floor_each * len(NOTEBOOKS) / cores
    wall = nbval_wall_time()
    print(f"nbval suite: {wall:.1f} s wall for {len(NOTEBOOKS)} notebooks")
    print(f"  floor: {floor_each:.2f} s (kernel start + stack imports) x {len(NOTEBOOKS)} / {cores} cores"
          f" = {floor:.1f} s")
    print(f"  ratio: {wall / floor:.2f}x the floor (goal: at most 2x)\n")

    clean, unchanged, incremental = book_times()
    print(f"Book build: clean {clean:.1f} s, incremental after touching one chapter {incremental:.1f} s")
    print(f"  ratio: {incremental / clean:.2f} (goal: at most 0.25); a rebuild with nothing"
          f" changed takes {unchanged:.1f} s (start-up)\n")

    total, page, page_bytes, images = site_size(book.html_dir("full"))
    print(f"Built site: {total / 1e6:.1f} MB")
    print(f"  heaviest page: {page}, {page_bytes / 1e3:.0f} kB with its {len(images)} images")
    for name, size in sorted(images, key=lambda item: -item[1]):
        print(f"    {size / 1e3:6.0f} kB  {name}")

    graded = autograde_time()
    print(f"\nAutograding {CLASS_SIZE} submissions of {GRADED_CHAPTER}: {graded:.0f} s"
          f" ({graded / CLASS_SIZE:.1f} s each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
