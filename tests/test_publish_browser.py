"""What a visitor sees in a real browser: old addresses land on the renamed page; the edit button."""

from __future__ import annotations

import pytest
import yaml

from conftest import REPO
from kunskapsarena import load_arena

pytestmark = pytest.mark.build


@pytest.fixture
def base_url(site_url: str) -> str:
    return site_url + "/"


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
