"""A real browser reads every page of the built book, with the network blocked.

Headless Chromium (Debian's, at /usr/bin/chromium, installed by `make test`)
is driven by Playwright; Playwright never downloads a browser of its own.
Every request that leaves 127.0.0.1 is blocked and counts as a failure, so a
page that needs a CDN to read properly fails here.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.notebooks import CHAPTERS, ROOT, SOLUTIONS
from tools import book

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a headless, sandboxed-as-root run with no background traffic.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
MATHJAX_TIMEOUT_MS = 30_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed: `make test` installs it"
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def site():
    """The full edition, built and served on 127.0.0.1 for the length of this module."""
    assert book.build("full") == 0, "the book build failed or warned"
    root = book.html_dir("full")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageVisit:
    """One page in a fresh context, recording everything that went wrong."""

    def __init__(self, browser, url: str):
        self.problems: list[str] = []
        self.context = browser.new_context()
        self.context.route("**/*", self._only_localhost)
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("requestfailed", self._on_failed)
        self.page.on("response", self._on_response)
        self.page.goto(url, wait_until="load")

    def _only_localhost(self, route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith("data:") or host == "127.0.0.1":
            route.continue_()
        else:
            self.problems.append(f"request outside localhost: {route.request.url}")
            route.abort()

    def _on_console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _on_failed(self, request):
        if urlparse(request.url).hostname == "127.0.0.1":
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def _on_response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def close(self):
        self.context.close()


def built_pages(root: Path) -> list[str]:
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*.html")
        if not str(p.relative_to(root)).startswith(("_static", "_sources"))
    )


def pages_of_book() -> list[str]:
    pages = ["intro.html", "genindex.html", "search.html", "instructors.html",
             "chapters/B_references.html"]
    pages += [f"chapters/{p.stem}.html" for p in CHAPTERS]
    pages += [f"solutions/{p.stem}.html" for p in SOLUTIONS]
    return pages


def test_the_test_reads_every_built_page(site):
    root, _ = site
    assert set(built_pages(root)) <= set(pages_of_book()) | {"index.html"}


@pytest.mark.parametrize("page_path", pages_of_book())
def test_page_reads_fully_offline(site, browser, page_path):
    root, base = site
    visit = PageVisit(browser, f"{base}/{page_path}")
    page = visit.page
    try:
        # Every figure has loaded and is described.
        images = page.eval_on_selector_all(
            "main img", "els => els.map(e => [e.getAttribute('src'), e.naturalWidth, e.alt])"
        )
        for src, width, alt in images:
            assert width > 0, f"image did not load: {src}"
            assert alt and alt.strip(), f"image without alt text: {src}"
        # Every equation is typeset by MathJax, with no raw TeX left.
        math_count = page.eval_on_selector_all("main .math", "els => els.length")
        if math_count:
            page.wait_for_function(
                "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
                " && document.querySelectorAll('main .math mjx-container').length > 0",
                timeout=MATHJAX_TIMEOUT_MS,
            )
            page.evaluate("() => MathJax.startup.promise")
            untypeset = page.eval_on_selector_all(
                "main .math",
                "els => els.filter(e => !e.querySelector('mjx-container')).map(e => e.textContent)",
            )
            assert not untypeset, f"equations left as raw TeX: {untypeset[:3]}"
            raw = page.eval_on_selector_all(
                "main mjx-merror", "els => els.map(e => e.getAttribute('data-mjx-error'))"
            )
            assert not raw, f"MathJax errors: {raw[:3]}"
        page.wait_for_load_state("networkidle")
        assert not visit.problems, "\n".join(visit.problems)
    finally:
        visit.close()


@pytest.mark.parametrize(
    "page_path", [f"chapters/{p.stem}.html" for p in CHAPTERS if p.suffix == ".ipynb"]
    + [f"solutions/{p.stem}.html" for p in SOLUTIONS]
)
def test_launch_and_download_buttons_open_this_pages_notebook(site, browser, page_path):
    _, base = site
    notebook = page_path.replace(".html", ".ipynb")
    visit = PageVisit(browser, f"{base}/{page_path}")
    try:
        links = visit.page.eval_on_selector_all("a", "els => els.map(e => e.href)")
        binder = [u for u in links if "mybinder.org" in u]
        colab = [u for u in links if "colab.research.google.com" in u]
        download = [u for u in links if u.endswith(".ipynb") and "/_sources/" in u]
        assert binder and all(u.endswith(f"lab/tree/{notebook}") for u in binder), binder
        assert colab and all(u.endswith(f"/blob/main/{notebook}") for u in colab), colab
        assert download and all(u.endswith(f"_sources/{notebook}") for u in download), download
        response = visit.page.request.get(download[0])
        assert response.ok and b'"cells"' in response.body(), "the download is not the notebook"
    finally:
        visit.close()


def test_search_finds_chapter_one(site, browser):
    _, base = site
    visit = PageVisit(browser, f"{base}/search.html?q=eigenvalue")
    try:
        visit.page.wait_for_selector("#search-results li a", timeout=15_000)
        hits = visit.page.eval_on_selector_all(
            "#search-results li a", "els => els.map(e => e.getAttribute('href'))"
        )
        assert any("01_linear_algebra" in h for h in hits), hits
        assert not visit.problems, visit.problems
    finally:
        visit.close()


def test_solution_toggle_opens_on_click(site, browser):
    _, base = site
    visit = PageVisit(browser, f"{base}/solutions/{SOLUTIONS[0].stem}.html")
    try:
        fold = visit.page.locator(".tag_hide-input details").first
        assert fold.get_attribute("open") is None, "the answer should start folded"
        code = fold.locator("pre").first
        assert not code.is_visible()
        fold.locator("summary").click()
        assert fold.get_attribute("open") is not None
        assert code.is_visible()
        assert re.search(r"\S", code.inner_text())
    finally:
        visit.close()
