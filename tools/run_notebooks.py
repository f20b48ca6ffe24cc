"""Re-execute notebooks in place, each in a fresh kernel, and store the outputs.

    python -m tools.run_notebooks chapters/*.ipynb solutions/*.ipynb
    python -m tools.run_notebooks --check chapters/*.ipynb    # run, write nothing

The stored outputs are what nbval compares against, so they must be exactly
what a fresh top-to-bottom run produces. A notebook that raises or writes to
stderr is reported and left unchanged on disk, so nothing is lost.

`--check` runs each notebook and only reports: every cell must run and every
assert hold; nothing is written. It is how the notebooks are tried on other
stacks (Colab's older releases, in an environment of their own), where printed
digits may differ from the stored ones. What such a run writes to stderr is
shown as a note, not counted as a failure.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = "python3"
CELL_TIMEOUT_S = 120


def problems_in(nb: nbformat.NotebookNode) -> list[str]:
    """What a reader or nbval would trip over in an executed notebook."""
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {index} raised {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                found.append(f"cell {index} wrote to stderr: {output.text.strip()[:200]}")
    return found


def execute(path: Path, allow_errors: bool = False) -> tuple[nbformat.NotebookNode, float]:
    """Run a notebook top to bottom in a fresh kernel started in its folder."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT_S,
        allow_errors=allow_errors,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def merge_streams(nb: nbformat.NotebookNode) -> None:
    """Join consecutive stdout (or stderr) pieces of a cell into one output.

    A kernel may flush one print in several pieces when the machine is busy;
    stored as they came, they would render as separate boxes in the book.
    """
    for cell in nb.cells:
        merged = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output.output_type == "stream" and previous is not None
                    and previous.output_type == "stream" and previous.name == output.name):
                previous.text += output.text
            else:
                merged.append(output)
        if "outputs" in cell:
            cell.outputs = merged


def refresh(path: Path) -> tuple[Path, float | None, list[str]]:
    """Execute one notebook and write it back only if it ran cleanly."""
    try:
        nb, seconds = execute(path)
    except CellExecutionError as exc:
        return path, None, [str(exc).strip().splitlines()[-1]]
    except Exception as exc:  # unreadable JSON, a kernel that dies, ...
        return path, None, [f"could not run: {type(exc).__name__}: {exc}"]
    found = problems_in(nb)
    if not found:
        merge_streams(nb)
        nb.metadata["kernelspec"] = {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": KERNEL,
        }
        nbformat.validate(nb)
        nbformat.write(nb, path)
    return path, seconds, found


def try_run(path: Path) -> tuple[Path, float | None, list[str], list[str]]:
    """Execute one notebook without writing it: (path, seconds, errors, stderr notes)."""
    try:
        nb, seconds = execute(path)
    except CellExecutionError as exc:
        return path, None, [str(exc).strip().splitlines()[-1]], []
    except Exception as exc:
        return path, None, [f"could not run: {type(exc).__name__}: {exc}"], []
    notes = [p for p in problems_in(nb) if "stderr" in p]
    return path, seconds, [], notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--check", action="store_true",
                        help="only run and report errors; write nothing")
    args = parser.parse_args(argv)

    missing = [p for p in args.notebooks if not p.is_file()]
    if missing:
        print("No such notebook: " + ", ".join(map(str, missing)), file=sys.stderr)
        return 2
    if args.check:
        return check_only(args.notebooks, args.jobs)
    failed = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, seconds, found in pool.map(refresh, args.notebooks):
            if found:
                failed += 1
                print(f"FAILED  {path}  (left unchanged)")
                for problem in found:
                    print(f"        {problem}")
            else:
                print(f"{seconds:6.1f} s  {path}")
    return 1 if failed else 0


def check_only(notebooks: list[Path], jobs: int) -> int:
    """Run every notebook, print a line each, and return 1 if any raised."""
    print(f"Python {sys.version.split()[0]}; " + ", ".join(
        f"{name} {version(name)}" for name in ("numpy", "scipy", "sympy", "matplotlib", "scikit-learn")))
    failed = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for path, seconds, errors, notes in pool.map(try_run, notebooks):
            failed += bool(errors)
            print(f"FAILED  {path}" if errors else f"{seconds:6.1f} s  {path}")
            for line in errors:
                print(f"        {line}")
            for line in notes:
                print(f"        note: {line}")
    print(f"{len(notebooks) - failed} passed, {failed} failed")
    return 1 if failed else 0


def version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(distribution)
    except PackageNotFoundError:
        return "not installed"


if __name__ == "__main__":
    sys.exit(main())
