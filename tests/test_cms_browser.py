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

from conftest import REPO, TODAY, copy_project, needs_tool
from kunskapsarena import CONTENT_TYPES, load_arena
from kunskapsarena.model.field_specs import field_names

pytestmark = [
    pytest.mark.build,
    needs_tool((REPO / "content" / "admin" / "decap-cms.js").is_file(), "Decap CMS (make cms)"),
]
CONFIG_ERROR = "Error loading the CMS configuration"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served_site(demo_site: Path, tmp_path_factory):
    """A copy of the built demo with Decap's in-browser test backend instead of a git host."""
    site = tmp_path_factory.mktemp("cms") / "site"
    shutil.copytree(demo_site, site)
    config_path = site / "admin" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["backend"] = {"name": "test-repo"}   # entries live in the page's memory (window.repoFiles)
    config["publish_mode"] = "simple"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


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


# Optional fields whose value a rule across fields decides, which the CMS form cannot express: material
# needs a file or an external address, and a programme item only if its event has it (None: left empty).
ACROSS_FIELDS = {"material": {"external_url": "https://exempel.se/prov", "programme_item": None}}


def fill_required(page, fields: list[dict], where: str, pick=lambda boxes: boxes.first) -> None:
    """Fill every required field the way an editor would: type, pick from lists, set dates."""
    hour = 9   # date-times get increasing hours, so an end comes after its start
    for field in fields:
        if field["widget"] == "markdown":
            continue
        if field["name"] in ACROSS_FIELDS.get(where, {}):
            if ACROSS_FIELDS[where][field["name"]] is not None:
                pick(page.locator(f"[id^='{field['name']}-field-']")).fill(ACROSS_FIELDS[where][field["name"]])
            continue
        if field.get("required") is False:
            # Plain optional text too: rules across fields may need it (a physical event's place).
            if field["widget"] == "string" and "pattern" not in field:
                pick(page.locator(f"[id^='{field['name']}-field-']")).fill(f"Prov för {field['label'].lower()}")
            continue
        box = page.locator(f"[id^='{field['name']}-field-']")
        widget = field["widget"]
        if widget in ("string", "text"):
            pick(box).fill(f"Prov för {field['label'].lower()}")
        elif widget == "select":
            pick(box).click()
            first = field["options"][0]
            pick(box).fill(first if isinstance(first, str) else first["label"])
            page.keyboard.press("Enter")
        elif widget == "number":
            for number in box.all():
                number.fill("2025")   # a plausible year, and a valid count or duration
        elif widget == "datetime" and field.get("time_format"):
            pick(box).fill(f"2026-11-20T{hour:02d}:00")
            hour += 1
        elif widget == "datetime":
            pick(box).fill("2026-11-20")
        elif widget == "relation":
            # An item of another collection, saved earlier in this test: pick it from the search list.
            pick(box).click()
            pick(box).fill("Prov")
            page.get_by_text("Prov för titel").last.wait_for()
            page.keyboard.press("Enter")
        elif widget == "object":
            fill_required(page, field["fields"], f"{where}.{field['name']}", pick)
        elif widget == "list" and "fields" in field:
            # One entry, as an editor adds it; its fields are the newest of their name on the page.
            page.get_by_role("button", name=f"Add {field['label'].lower()}").click()
            fill_required(page, field["fields"], f"{where}.{field['name']}", lambda boxes: boxes.last)
        else:
            pytest.fail(f"{where}.{field['name']}: no way to fill a required {widget} widget in this test")


def saved_files(tree: dict) -> dict[str, str]:
    found = {}
    for value in tree.values():
        if isinstance(value, dict) and "content" in value and "path" in value:
            found[value["path"]] = value["content"]
        elif isinstance(value, dict):
            found.update(saved_files(value))
    return found


def test_items_created_in_the_cms_pass_arena_check(served_site, browser, tmp_path):
    """Round trip: a new item of every type, saved by Decap, is valid content for the arena."""
    site, base = served_site
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    page = browser.new_page()
    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Logga in").click()
    for collection in config["collections"]:
        page.goto(f"{base}/admin/#/collections/{collection['name']}/new")
        page.get_by_text("Brödtext", exact=False).first.wait_for()
        fill_required(page, collection["fields"], collection["name"])
        page.get_by_role("button", name="Publicera").first.click()
        page.get_by_text("Publicera nu").click()
        page.wait_for_function(
            f"() => JSON.stringify(window.repoFiles || {{}}).includes({collection['folder'] + '/'!r})")
    files = saved_files(page.evaluate("() => window.repoFiles"))
    page.close()
    assert sorted(path.split("/")[0] for path in files) == sorted(c.folder.split("/")[0] for c in CONTENT_TYPES)
    project = copy_project(tmp_path / "arena")
    for path, content in files.items():
        (project / path).write_text(content, encoding="utf-8")
    problems = [str(p) for p in load_arena(project, today=TODAY).problems if p.path in files]
    assert problems == []
    assert len(load_arena(project, today=TODAY).all_records()) == len(load_arena(REPO, today=TODAY).all_records()) + len(
        CONTENT_TYPES)
