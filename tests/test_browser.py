"""A real browser reads every page of the built book, with the network blocked.

Headless Chromium (Debian's, at /usr/bin/chromium, installed by `make test`)
is driven by Playwright; Playwright never downloads a browser of its own.
Every request that leaves 127.0.0.1 is blocked and counts as a failure, so a
page that needs a CDN to read properly fails here.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.notebooks import CHAPTERS, SOLUTIONS
from tools import book

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a headless, sandboxed-as-root run with no background traffic; every
# host but 127.0.0.1 fails to resolve, so the book is read with no internet.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
MATHJAX_TIMEOUT_MS = 30_000
# A page is settled once no request has been in flight for this long (Playwright's
# own "networkidle" uses the same 500 ms but is flaky and says nothing when it hangs).
QUIET_SECONDS = 0.5
SETTLE_TIMEOUT_SECONDS = 30

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed: `make test` installs it"
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass


class BookServer(http.server.ThreadingHTTPServer):
    # Room in the backlog (default 5) for all the connections Chromium opens
    # at once, so none of them waits on TCP retries.
    request_queue_size = 128
    daemon_threads = True


# Where each edition's exercise pages live: reference answers folded, or stubs only.
EXERCISE_DIR = {"full": "solutions", "student": "exercises"}


@contextlib.contextmanager
def serve_directory(root: Path):
    """Serve `root` on 127.0.0.1; yield the base URL."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = BookServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@contextlib.contextmanager
def serve(edition: str):
    """Build one edition and serve it on 127.0.0.1; yield (root, base URL)."""
    assert book.build(edition) == 0, f"the {edition} edition failed or warned"
    root = book.html_dir(edition)
    with serve_directory(root) as base_url:
        yield root, base_url


@pytest.fixture(scope="class")
def site(request):
    """The edition named by the test class, built and served for that class's tests."""
    with serve(request.cls.edition_name) as served:
        yield served


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def is_local(url: str) -> bool:
    return urlparse(url).hostname == "127.0.0.1"


class PageVisit:
    """One page in a fresh context, recording everything that went wrong."""

    def __init__(self, browser, url: str):
        self.problems: list[str] = []
        self.in_flight: set = set()
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("request", self._on_request)
        self.page.on("requestfinished", lambda request: self.in_flight.discard(request))
        self.page.on("requestfailed", self._on_failed)
        self.page.on("response", self._on_response)
        self.page.goto(url, wait_until="load")

    def settle(self) -> None:
        """Wait until no request has been in flight for QUIET_SECONDS; name any that hang."""
        deadline = time.monotonic() + SETTLE_TIMEOUT_SECONDS
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < QUIET_SECONDS:
            if self.in_flight:
                quiet_since = time.monotonic()
            if time.monotonic() >= deadline:
                pending = sorted(request.url for request in self.in_flight)
                raise AssertionError(
                    f"requests still pending after {SETTLE_TIMEOUT_SECONDS} s: {pending}")
            self.page.wait_for_timeout(50)  # lets Playwright deliver the request events

    def _on_request(self, request):
        self.in_flight.add(request)
        if urlparse(request.url).scheme in ("http", "https") and not is_local(request.url):
            self.problems.append(f"request outside localhost: {request.url}")

    def _on_console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location['url']})")

    def _on_failed(self, request):
        self.in_flight.discard(request)
        if is_local(request.url):  # the others are reported when they are made
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


def notebook_pages(edition: str) -> list[str]:
    return ([f"chapters/{p.stem}.html" for p in CHAPTERS]
            + [f"{EXERCISE_DIR[edition]}/{p.stem}.html" for p in SOLUTIONS])


def pages_of_book(edition: str) -> list[str]:
    return ["intro.html", "genindex.html", "search.html", "instructors.html",
            "chapters/B_references.html", *notebook_pages(edition)]


def check_reads_offline(visit: PageVisit) -> None:
    """Every figure loaded and described; every equation typeset, with no raw TeX left;
    then nothing more is loading (so a late request that fails is caught too)."""
    page = visit.page
    images = page.eval_on_selector_all(
        "main img", "els => els.map(e => [e.getAttribute('src'), e.naturalWidth, e.alt])"
    )
    for src, width, alt in images:
        assert width > 0, f"image did not load: {src}"
        assert alt and alt.strip(), f"image without alt text: {src}"
    if page.eval_on_selector_all("main .math", "els => els.length"):
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
        errors = page.eval_on_selector_all(
            "main mjx-merror", "els => els.map(e => e.getAttribute('data-mjx-error'))"
        )
        assert not errors, f"MathJax errors: {errors[:3]}"
    visit.settle()


def check_buttons_open(page, notebook: str) -> None:
    """Binder, Colab and download all lead to `notebook`, and the download is that notebook."""
    links = page.eval_on_selector_all("a", "els => els.map(e => e.href)")
    binder = [u for u in links if "mybinder.org" in u]
    colab = [u for u in links if "colab.research.google.com" in u]
    download = [u for u in links if u.endswith(".ipynb") and "/_sources/" in u]
    assert binder and all(u.endswith(f"lab/tree/{notebook}") for u in binder), binder
    assert colab and all(u.endswith(f"/blob/main/{notebook}") for u in colab), colab
    assert download and all(u.endswith(f"_sources/{notebook}") for u in download), download
    response = page.request.get(download[0])
    assert response.ok and b'"cells"' in response.body(), "the download is not the notebook"


def test_a_page_that_needs_the_internet_fails(browser, tmp_path):
    """The offline check bites: a CDN image is never fetched and is reported, and
    a missing local file is reported too."""
    (tmp_path / "page.html").write_text(
        '<html><body><main><img src="https://cdn.example.org/logo.png" alt="logo">'
        '<img src="missing.png" alt="gone"></main></body></html>'
    )
    with serve_directory(tmp_path) as base_url:
        visit = PageVisit(browser, f"{base_url}/page.html")
        try:
            with pytest.raises(AssertionError, match="image did not load: https://cdn"):
                check_reads_offline(visit)
            visit.settle()
            assert "request outside localhost: https://cdn.example.org/logo.png" in visit.problems
            assert any("ERR_NAME_NOT_RESOLVED" in p for p in visit.problems), visit.problems
            assert f"HTTP 404: {base_url}/missing.png" in visit.problems
        finally:
            visit.close()


def edition_tests(edition: str) -> type:
    """The page-by-page tests for one edition: a class per edition, so that
    pytest-xdist (--dist loadscope) reads the two editions on separate workers."""

    class EditionTests:
        edition_name = edition  # read by the `site` fixture

        def test_the_test_reads_every_built_page(self, site):
            root, _ = site
            assert set(built_pages(root)) <= set(pages_of_book(edition)) | {"index.html"}

        @pytest.mark.parametrize("page_path", pages_of_book(edition))
        def test_page_reads_fully_offline(self, site, browser, page_path):
            """On a notebook page, the launch and download buttons open that page's
            notebook too (on the student edition, the student notebook)."""
            visit = PageVisit(browser, f"{site[1]}/{page_path}")
            try:
                check_reads_offline(visit)
                if page_path in notebook_pages(edition):
                    check_buttons_open(visit.page, page_path.replace(".html", ".ipynb"))
                assert not visit.problems, "\n".join(visit.problems)
            finally:
                visit.close()

    return EditionTests


class TestFullEdition(edition_tests("full")):
    def test_search_finds_chapter_one(self, site, browser):
        visit = PageVisit(browser, f"{site[1]}/search.html?q=eigenvalue")
        try:
            visit.page.wait_for_selector("#search-results li a", timeout=15_000)
            hits = visit.page.eval_on_selector_all(
                "#search-results li a", "els => els.map(e => e.getAttribute('href'))"
            )
            assert any("01_linear_algebra" in h for h in hits), hits
            assert not visit.problems, visit.problems
        finally:
            visit.close()

    def test_solution_toggle_opens_on_click(self, site, browser):
        visit = PageVisit(browser, f"{site[1]}/solutions/{SOLUTIONS[0].stem}.html")
        try:
            answer = visit.page.locator(".tag_hide-input details").last  # the last exercise's answer
            assert answer.get_attribute("open") is None, "the answer should start folded"
            code = answer.locator("pre").first
            assert not code.is_visible()
            answer.locator("summary").click()
            assert answer.get_attribute("open") is not None
            assert code.is_visible() and "### BEGIN SOLUTION" in code.inner_text()
        finally:
            visit.close()


class TestStudentEdition(edition_tests("student")):
    def test_exercise_pages_hold_stubs_not_answers(self, site, browser):
        visit = PageVisit(browser, f"{site[1]}/exercises/{SOLUTIONS[0].stem}.html")
        try:
            text = visit.page.inner_text("main")
            assert "raise NotImplementedError()" in text
            assert "### BEGIN SOLUTION" not in text
        finally:
            visit.close()
