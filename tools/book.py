"""Build the book: the full edition, or the student edition with no solutions.

    python -m tools.book full       # -> _build/html
    python -m tools.book student    # -> _build/student/_build/html

Both builds treat every Sphinx warning as an error (-W -n --keep-going), so a
broken reference, a missing figure or a bad citation fails the build.

The student edition is the same book with each exercise page taken from
exercises/ (the nbgrader student version) instead of solutions/: its config
and table of contents are generated from _config.yml and _toc.yml, so the
two editions cannot drift apart.
"""
from __future__ import annotations

import argparse
import fcntl
import importlib.resources
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
STUDENT_BUILD = BUILD / "student"
# _config.yml's html_static_path; Sphinx copies it into each edition's _static/.
OFFLINE_STATIC = BUILD / "offline_static"
# The parts of MathJax 3 that TeX input with HTML-CSS output can load: the
# component itself, its fonts, the TeX extensions it autoloads, and the menu
# with its accessibility (speech) modules.
MATHJAX_PARTS = ["tex-chtml.js", "output/chtml", "input/tex", "ui", "a11y", "sre"]


def html_dir(edition: str) -> Path:
    """Where an edition's HTML ends up (Jupyter Book adds _build/html to --path-output)."""
    return BUILD / "html" if edition == "full" else STUDENT_BUILD / "_build" / "html"


def student_config() -> dict:
    """_config.yml with solutions/ left out of the build."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = f"{config['title']} (student edition)"
    config["exclude_patterns"] = [*config.get("exclude_patterns", []), "solutions/*"]
    # This config lives in _build/student: point local extensions back at the repository.
    extensions = config["sphinx"].get("local_extensions", {})
    config["sphinx"]["local_extensions"] = {name: str(ROOT) for name in extensions}
    return config


def student_toc(node):
    """_toc.yml with every solutions/ page replaced by its exercises/ page."""
    if isinstance(node, dict):
        return {key: student_toc(value) for key, value in node.items()}
    if isinstance(node, list):
        return [student_toc(item) for item in node]
    if isinstance(node, str) and node.startswith("solutions/"):
        return "exercises/" + node.removeprefix("solutions/")
    return node


def stage_mathjax() -> None:
    """Copy MathJax from the pinned package into the site's static files, once."""
    target = OFFLINE_STATIC / "mathjax"
    if target.is_dir():
        return
    source = importlib.resources.files("mathjax") / "static" / "mathjax" / "es5"
    # Copy aside, then rename: a build running in parallel never sees half a copy.
    partial = OFFLINE_STATIC / f".mathjax-{os.getpid()}"
    for part in MATHJAX_PARTS:
        origin, destination = Path(str(source / part)), partial / part
        if origin.is_dir():
            shutil.copytree(origin, destination)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, destination)
    try:
        partial.rename(target)
    except OSError:  # another build got there first
        shutil.rmtree(partial)


def write_if_changed(path: Path, text: str) -> None:
    """Write only on change, so Sphinx's incremental build sees no spurious edit."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def build(edition: str, quiet: bool = False) -> int:
    """Run jupyter-book for one edition; return its exit status.

    With `quiet`, Sphinx's output is shown only if the build fails.
    """
    stage_mathjax()
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(ROOT), "-W", "-n", "--keep-going"]
    if edition == "student":
        STUDENT_BUILD.mkdir(parents=True, exist_ok=True)
        config, toc = STUDENT_BUILD / "_config.yml", STUDENT_BUILD / "_toc.yml"
        write_if_changed(config, yaml.safe_dump(student_config(), sort_keys=False))
        toc_source = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
        write_if_changed(toc, yaml.safe_dump(student_toc(toc_source), sort_keys=False))
        command += ["--config", str(config), "--toc", str(toc),
                    "--path-output", str(STUDENT_BUILD)]
    # Parallel test workers may ask for the same edition at once: build it once at a time.
    BUILD.mkdir(exist_ok=True)
    with open(BUILD / f".{edition}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(command, cwd=ROOT, capture_output=quiet, text=True)
    if quiet and result.returncode != 0:
        print(result.stdout[-5000:], result.stderr[-5000:], sep="\n")
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the book.")
    parser.add_argument("edition", choices=["full", "student"])
    args = parser.parse_args(argv)
    return build(args.edition)


if __name__ == "__main__":
    sys.exit(main())
