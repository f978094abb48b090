"""What a visitor sees in a real browser: old addresses land on the renamed page; the edit button."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from kunskapsarena import load_arena

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.build, pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="chromium not installed")]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from test_build import arena_command

    site = tmp_path_factory.mktemp("browse") / "site"
    result = arena_command(REPO, "build", "--site-dir", str(site), env={"SOURCE_DATE_EPOCH": "1795392000"})
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def page(browser):
    # The harness's Chromium (tests/browser_harness.py): a second sync Playwright in the
    # same worker fails ("Sync API inside the asyncio loop") once the harness has started.
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_old_address_of_a_renamed_item_opens_the_item(base_url, page):
    demo = load_arena(REPO)
    aliased = [(record, alias) for record in demo.all_records() for alias in record.data.aliases]
    assert aliased
    for record, alias in aliased:
        page.goto(base_url + record.type.url(alias))
        page.wait_for_url(base_url + record.url)
        assert page.locator("article h1").inner_text().rstrip("¶").strip() == record.title


def test_item_page_has_an_edit_button_to_its_source_file(base_url, page):
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    page.goto(base_url + "metoder/kundresa/")
    button = page.get_by_title("Redigera sidan")
    assert button.is_visible()
    assert button.get_attribute("href") == (config["repo_url"].rstrip("/") + "/"
                                            + config["edit_uri"].removesuffix("content/") + "methods/kundresa.md")
