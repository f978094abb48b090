"""Click-to-load embeds in Chromium: nothing is fetched from the video host before the visitor clicks.

The demo has no embeds (a made-up video would mislead its readers), so this
module builds a copy of it with one allowed host in mkdocs.yml and one iframe
in a method body. Requests to the host are answered by a stub (route), never
the real network, and recorded.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from browser_harness import _QuietHandler
from conftest import BUILD_EPOCH, copy_project

pytestmark = pytest.mark.build
HOST = "www.youtube-nocookie.com"
VIDEO = f"https://{HOST}/embed/abc123?rel=0"
METHOD = "methods/anvandarintervjuer.md"
PAGE = "/metoder/anvandarintervjuer/"
TITLE = "Film: Så går en användarintervju till"


@pytest.fixture(scope="module")
def embed_site(tmp_path_factory) -> Iterator[str]:
    """A copy of the demo with an allowed host and an embedded video, built and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("embeds")
    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    hosts: []", f"    hosts: [{HOST}]", 1),
                      encoding="utf-8")
    method = project / METHOD
    method.write_text(method.read_text(encoding="utf-8") + (
        f'\n<iframe width="560" height="315" src="{VIDEO}" title="{TITLE}" frameborder="0" '
        'allow="autoplay; encrypted-media" allowfullscreen></iframe>\n'), encoding="utf-8")
    site = root / "site"
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(project), "build",
                             "--site-dir", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / PAGE.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "<iframe" not in html and 'class="ka-embed"' in html
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _context(browser, **options):
    """A fresh context whose requests to other hosts are recorded and answered by a stub."""
    context = browser.new_context(locale="sv-SE", **options)
    outside: list[str] = []

    def stub(route):
        outside.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>stub</title><p>video</p>")

    context.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), stub)
    return context, outside


def test_nothing_is_fetched_from_the_host_before_the_click_and_the_iframe_comes_after(browser, embed_site):
    context, outside = _context(browser)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(embed_site + PAGE, wait_until="networkidle")
        figure = page.locator("figure.ka-embed")
        assert figure.locator("figcaption").inner_text() == TITLE
        assert figure.locator(".ka-embed__note").inner_text() == (
            f"Videon visas från {HOST}. När du klickar skickas uppgifter till {HOST}.")
        assert page.locator("iframe").count() == 0
        assert outside == []
        button = figure.get_by_role("button", name="Visa videon")
        assert button.is_visible()
        button.click()
        frame = figure.locator("iframe")
        frame.wait_for()
        assert frame.get_attribute("src") == VIDEO
        assert frame.get_attribute("title") == TITLE
        page.wait_for_load_state("networkidle")
        assert outside == [VIDEO]
        assert errors == []
    finally:
        context.close()


def test_without_javascript_the_video_is_a_plain_link(browser, embed_site):
    context, outside = _context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(embed_site + PAGE, wait_until="networkidle")
        link = page.get_by_role("link", name=f"Öppna videon hos {HOST}")
        assert link.get_attribute("href") == VIDEO
        assert not page.locator(".ka-embed__load").is_visible()
        assert page.locator("iframe").count() == 0
        assert outside == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_click_to_load_figure_passes_axe(scheme, request, embed_site):
    from test_browser_axe import audit, axe_source, summary

    page = request.getfixturevalue(f"{scheme}_page")
    violations = audit(page, embed_site + PAGE, scheme, axe_source(), themed=True)
    assert not violations, summary(PAGE, violations)
