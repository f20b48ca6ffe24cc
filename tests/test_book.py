"""The book builds warning-free (-W -n --keep-going) and its pages show their content."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.notebooks import CHAPTERS, ROOT, SOLUTIONS, leaked, page_text, read, toc_files
from tools import book
from tools.make_exercises import answer_lines


class PageParser(HTMLParser):
    """Collect the images and the CSS classes of a built page."""

    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.classes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.classes.update((attrs.get("class") or "").split())
        if tag == "img":
            self.images.append(attrs)


def parse(path):
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def html():
    """Build the full edition once for this module (incremental after `make book`)."""
    status = book.build("full")
    assert status == 0, "the book build failed or warned: see the Sphinx output above"
    return book.html_dir("full")


def test_every_toc_page_is_built(html):
    missing = [entry for entry in toc_files() if not (html / f"{entry}.html").is_file()]
    assert (html / "index.html").is_file()
    assert not missing, f"pages not built: {missing}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_page_shows_math_code_outputs_and_figures(html, chapter):
    page = html / "chapters" / f"{chapter.stem}.html"
    parsed = parse(page)
    assert "math" in parsed.classes, f"{page.name}: no typeset math"
    assert "cell_input" in parsed.classes, f"{page.name}: no code cells"
    assert "cell_output" in parsed.classes, f"{page.name}: no outputs"
    figures = [img for img in parsed.images if "_images/" in img.get("src", "")]
    assert figures, f"{page.name}: no figures"
    unlabelled = [img["src"] for img in figures if not (img.get("alt") or "").strip()]
    assert not unlabelled, f"{page.name}: figures without alt text: {unlabelled}"


def test_chapter_one_states_the_dot_product(html):
    text = (html / "chapters" / "01_linear_algebra.html").read_text(encoding="utf-8")
    assert re.search(r"\b32\b", text)


def test_launch_buttons_point_at_the_repository(html):
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    repo = re.search(r"url:\s*https://github.com/(\S+)", config).group(1)
    page = (html / "chapters" / "01_linear_algebra.html").read_text(encoding="utf-8")
    assert f"mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/chapters/01_linear_algebra.ipynb" in page
    assert f"colab.research.google.com/github/{repo}/blob/main/chapters/01_linear_algebra.ipynb" in page


def test_exercise_pages_fold_the_reference_answers(html):
    """The answers are on the page but folded; the student-edition leak search finds them here."""
    for source in SOLUTIONS:
        page = html / "solutions" / f"{source.stem}.html"
        assert leaked(answer_lines(read(source)), page_text(page)), f"{page.name}: answers not shown"
        assert "tag_hide-input" in page.read_text(encoding="utf-8"), f"{page.name}: answers not folded"
