"""Decap CMS itself loads the generated config in a real browser and shows every field.

Needs the CMS files (`make cms`, from the npm registry), Playwright and Debian's chromium;
skipped otherwise. Decap validates its config strictly on load, so a wrong widget option
fails here even when the YAML looks right.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from kunskapsarena import CONTENT_TYPES
from kunskapsarena.fields import field_names

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.build,
    pytest.mark.skipif(not (REPO / "content" / "admin" / "decap-cms.js").is_file(),
                       reason="Decap CMS not installed (make cms)"),
    pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="chromium not installed"),
]
CONFIG_ERROR = "Error loading the CMS configuration"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """The built demo with Decap's in-browser test backend instead of a git host."""
    from test_build import arena_command

    site = tmp_path_factory.mktemp("cms") / "site"
    result = arena_command(REPO, "build", "--site-dir", str(site), env={"SOURCE_DATE_EPOCH": "1795392000"})
    assert result.returncode == 0, result.stdout + result.stderr
    config_path = site / "admin" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["backend"] = {"name": "test-repo"}
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        yield chromium
        chromium.close()


def test_decap_accepts_the_config_and_shows_every_field_of_every_type(served_site, browser):
    _, base = served_site
    page = browser.new_page()
    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Logga in").click()
    sidebar = page.locator("aside, nav").first
    sidebar.wait_for()
    body = page.inner_text("body")
    assert CONFIG_ERROR not in body
    for ctype in CONTENT_TYPES:
        assert ctype.plural_label in body
    for ctype in CONTENT_TYPES:
        page.goto(f"{base}/admin/#/collections/{ctype.name}/new")
        page.get_by_text("Brödtext", exact=False).first.wait_for()
        labels = page.inner_text("body").casefold()
        for name in field_names(ctype.model):
            title = ctype.model.model_fields[name].title
            assert title.casefold() in labels, f"{ctype.name}.{name} ({title}) is not in the CMS form"
    page.close()


def test_a_config_decap_rejects_is_reported(served_site, browser):
    """The check above can fail: a select without options is refused by Decap."""
    site, base = served_site
    broken = site / "admin-trasig"
    shutil.copytree(site / "admin", broken)
    config = yaml.safe_load((broken / "config.yml").read_text(encoding="utf-8"))
    select = next(f for f in config["collections"][0]["fields"] if f["widget"] == "select")
    del select["options"]
    (broken / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    page = browser.new_page()
    page.goto(f"{base}/admin-trasig/")
    page.get_by_text(CONFIG_ERROR).wait_for()
    assert "must have required property 'options'" in page.inner_text("body")
    page.close()
