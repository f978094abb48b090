"""Fixtures for tests in a real browser: the demo site built once, served on 127.0.0.1, Chromium.

Playwright drives Debian's Chromium (`executable_path`): it cannot download
its own browsers here. Each xdist worker builds the site once, starts one
server and one browser, and its tests reuse pages.

Every browser test must use the `browser` fixture below: Playwright's sync API
allows one running instance per process, so a test module that starts its own
`sync_playwright()` fails whenever it shares a worker with the other browser tests.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import REPO

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
COLOR_SCHEMES = {"light": "default", "dark": "slate"}   # Playwright's name → Material's scheme


def chromium_path() -> str | None:
    """Debian's chromium; other names for hosted CI runners that ship Chromium or Chrome instead."""
    found = (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))
    return os.environ.get("CHROMIUM") or next((path for path in found if path), None)


def build_demo(site_dir: Path) -> Path:
    """`arena build` of the demo arena into site_dir (validates, then mkdocs --strict)."""
    result = subprocess.run(
        [sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(REPO), "build", "--site-dir", str(site_dir)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def site_pages(site: Path) -> list[str]:
    """URL path of every HTML page in the built site, except redirect stubs.

    A redirect stub (meta refresh) has no content of its own: the browser
    leaves it at once for the page it points to, which is audited itself.
    """
    return [url for url, html in _pages(site) if 'http-equiv="refresh"' not in html]


def themed_pages(site: Path) -> list[str]:
    """The pages a visitor reads in the site's theme (header, footer, palette).

    Leaves out pages that are not the theme's: redirect stubs and the editors'
    Decap CMS shell at /admin/, which the CMS's own script renders.
    """
    return [url for url, html in _pages(site) if "data-md-color-scheme" in html]


def _pages(site: Path) -> list[tuple[str, str]]:
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        pages.append((url, path.read_text(encoding="utf-8")))
    return pages


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


# `demo_site` (the session's one demo build, dated by SOURCE_DATE_EPOCH) is defined in conftest.py.


@contextlib.contextmanager
def served(directory: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of `directory` served on a free local port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of the demo site served on a free local port."""
    with served(demo_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (apt-get install chromium); the browser tests cannot run"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def light_page(browser):
    """A page in the light colour scheme, reused by every test (navigate, don't reopen)."""
    context = browser.new_context(color_scheme="light", locale="sv-SE")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def dark_page(browser):
    context = browser.new_context(color_scheme="dark", locale="sv-SE")
    yield context.new_page()
    context.close()


@pytest.fixture
def page(light_page):
    """The shared light page with a fresh state: blank, no listeners left from a previous test."""
    light_page.goto("about:blank")
    return light_page
