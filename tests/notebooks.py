"""What the tests know about the course's files: one place for paths and readers."""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
EXECUTED = CHAPTERS + SOLUTIONS  # committed with outputs, checked by nbval


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def toc_files() -> list[str]:
    """Every `file:` entry of _toc.yml (without suffix), root first."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc.get("parts", []))
    return files


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# An answer line this long is specific enough that finding it elsewhere is a leak;
# shorter ones (`return s`, `]`) also occur in ordinary code and prose.
MIN_LEAK_CHARS = 10


def leaked(lines: set[str], text: str) -> list[str]:
    """The answer lines (long enough to be telling) that occur in `text`."""
    return sorted(line for line in lines if len(line) >= MIN_LEAK_CHARS and line in text)


def page_text(path: Path) -> str:
    """A built page's text as a reader sees it (tags removed, entities decoded)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", raw))
