"""Set up an nbgrader course directory, and autograde a whole class in parallel.

    python -m tools.classroom new COURSE_DIR [CHAPTER ...]
    python -m tools.classroom autograde ASSIGNMENT [--jobs N] [--force] [--timeout S]

`new` creates COURSE_DIR with classroom/nbgrader_config.py and, for each
chapter (all of them by default), `source/<chapter>/<chapter>.ipynb` copied
from solutions/. From there nbgrader's own commands take over; instructors.md
walks through generate -> release -> collect -> autograde -> export.

`autograde`, run in the course directory, grades every collected submission
of ASSIGNMENT: first it executes them on all cores, each worker with its own
throw-away copy of the gradebook; then `nbgrader autograde` itself runs once,
serially, reusing those executions (tools/grading.py CachedExecute), so only
one process ever writes the real gradebook. It ends with the integrity report.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nbformat import NotebookNode

from tools.make_exercises import is_answer, nbgrader_meta

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "classroom" / "nbgrader_config.py"
SOLUTIONS = ROOT / "solutions"


def nbgrader(*args: str, cwd: Path, env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess:
    """Run this environment's nbgrader in `cwd`, capturing its output.

    nbgrader starts `alembic` and the kernel by name, so the environment's
    bin/ goes first on PATH even when the caller has not activated it.
    """
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, **(env or {})}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
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
    config = CONFIG.read_text(encoding="utf-8").replace("@REPOSITORY@", str(ROOT))
    (course / "nbgrader_config.py").write_text(config, encoding="utf-8")
    (course / "exchange").mkdir(exist_ok=True)
    for name in names:
        source = course / "source" / name
        source.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SOLUTIONS / f"{name}.ipynb", source / f"{name}.ipynb")
    return course


# ---- autograding a class ---------------------------------------------------------

_API = None  # each worker process's own NbGraderAPI, on its own copy of the gradebook


def _start_worker(course: str, scratch: str, timeout: int | None, env: dict[str, str]) -> None:
    global _API
    os.environ.update(env)
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    own = Path(scratch) / f"worker-{os.getpid()}"
    own.mkdir()
    shutil.copyfile(Path(course) / "gradebook.db", own / "gradebook.db")
    config = PyFileConfigLoader("nbgrader_config.py", path=course).load_config()
    config.CourseDirectory.root = course
    config.CourseDirectory.db_url = f"sqlite:///{own / 'gradebook.db'}"
    config.CourseDirectory.autograded_directory = str(own / "autograded")
    config.RemoveGuards.report_directory = ""  # the real pass writes the reports
    if timeout is not None:
        config.Execute.timeout = timeout
    os.chdir(course)
    _API = NbGraderAPI(config=config)


def _execute_one(job: tuple[str, str]) -> tuple[str, bool, float]:
    assignment, student = job
    start = time.perf_counter()
    result = _API.autograde(assignment, student)
    return student, bool(result.get("success")), time.perf_counter() - start


def submissions(course: Path, assignment: str) -> list[str]:
    """Students with a collected submission of `assignment`."""
    return sorted(p.parent.name for p in (course / "submitted").glob(f"*/{assignment}") if p.is_dir())


def integrity_report(course: Path, assignment: str, students: list[str]) -> list[dict]:
    """The integrity reports RemoveGuards wrote for these students."""
    records = []
    for student in students:
        for path in sorted((course / "integrity" / assignment / student).glob("*.json")):
            records.append(json.loads(path.read_text(encoding="utf-8")))
    return records


def format_report(records: list[dict]) -> str:
    lines = []
    for record in records:
        who = f"{record['student']} ({record['notebook']})"
        for event in record["tampering"]:
            lines.append(f"  {who}, cell {event['cell']}: {event['what']}")
        if record["zeroed"]:
            lines.append(f"  {who}: scored zero on {', '.join(record['zeroed'])}")
        for cell in record["missing_locked_cells"]:
            lines.append(f"  {who}: the locked cell {cell} is missing")
        for finding in record["static"]:
            lines.append(f"  {who}, cell {finding['cell']} line {finding['line']} "
                         f"(review, not scored): {finding['what']}")
    return "\n".join(lines)


def autograde(course: Path, assignment: str, jobs: int, force: bool = False,
              timeout: int | None = None) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Grade every collected submission of `assignment`; (nbgrader's run, reports).

    Executing a notebook is the slow part and needs no gradebook, so the
    submissions are executed first on `jobs` processes, each writing only to
    its own copy of the gradebook and a scratch directory. Then one ordinary
    `nbgrader autograde` writes every grade to the real gradebook, reusing
    those executions: SQLite never sees two writers, and what is graded is
    exactly what nbgrader's own pipeline does (a notebook whose execution was
    not found is simply executed again).
    """
    course = course.resolve()
    students = submissions(course, assignment)
    todo = [s for s in students if force or not (course / "autograded" / s / assignment).exists()]
    with tempfile.TemporaryDirectory(prefix="autograde-") as scratch:
        env = {"MML_GRADING_NONCE": secrets.token_hex(8),
               "MML_GRADING_CACHE": str(Path(scratch) / "executed")}
        (Path(scratch) / "executed").mkdir()
        if jobs > 1 and len(todo) > 1:
            # fork: the workers need nothing from the caller's __main__ (spawn would re-run it)
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            with context.Pool(min(jobs, len(todo)), initializer=_start_worker,
                              initargs=(str(course), scratch, timeout, env)) as pool:
                # the longest first would be best; submissions are alike, so keep them in order
                list(pool.imap_unordered(_execute_one, [(assignment, s) for s in todo]))
        args = ["autograde", assignment] + (["--force"] if force else [])
        if timeout is not None:
            args.append(f"--Execute.timeout={timeout}")
        result = nbgrader(*args, cwd=course, env=env)
    return result, integrity_report(course, assignment, todo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Set up an nbgrader course directory, "
                                                 "or autograde a class in parallel.")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="create a course directory")
    new.add_argument("course", type=Path)
    new.add_argument("chapters", nargs="*", help="e.g. 01_linear_algebra (default: all)")
    grade = sub.add_parser("autograde", help="grade every collected submission (run in the "
                                             "course directory)")
    grade.add_argument("assignment")
    grade.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                       help="notebooks executed at once (default: one per core)")
    grade.add_argument("--force", action="store_true", help="grade again those already graded")
    grade.add_argument("--timeout", type=int, help="seconds a cell may run (default: the "
                                                   "course configuration's Execute.timeout)")
    grade.add_argument("--course", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.command == "autograde":
        result, records = autograde(args.course, args.assignment, args.jobs, args.force,
                                    args.timeout)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        report = format_report(records)
        print(f"\nIntegrity report for {args.assignment}:\n{report or '  nothing to report'}")
        return result.returncode
    course = new_course(args.course, args.chapters or chapters())
    print(f"course directory ready: {course}\nnext: cd {course} && nbgrader generate_assignment <chapter>")
    return 0


if __name__ == "__main__":
    sys.exit(main())
