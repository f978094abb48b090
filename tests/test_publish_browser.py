"""What a visitor sees in a real browser: old addresses land on the renamed page; the edit button."""

from __future__ import annotations

import yaml

from conftest import REPO
from kunskapsarena import load_arena


def test_old_address_of_a_renamed_item_opens_the_item(site_url, page):
    demo = load_arena(REPO)
    aliased = [(record, alias) for record in demo.all_records() for alias in record.data.aliases]
    assert {record.type.name for record, _ in aliased} >= {"method", "post"}
    for record, alias in aliased:
        page.goto(f"{site_url}/{record.type.url(alias)}")
        page.wait_for_url(f"{site_url}/{record.url}")
        assert page.locator("article h1").inner_text().rstrip("¶").strip() == record.title


def test_item_page_has_an_edit_button_to_its_source_file(site_url, page):
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    edit_root = config["repo_url"].rstrip("/") + "/" + config["edit_uri"].removesuffix("content/")
    page.goto(f"{site_url}/metoder/kundresa/")
    button = page.get_by_title("Redigera sidan")
    assert button.is_visible()
    assert button.get_attribute("href") == edit_root + "methods/kundresa.md"
