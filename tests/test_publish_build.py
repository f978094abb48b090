"""What authoring features put into the built site: edit links, redirects, the CMS, the field reference."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO
from kunskapsarena import CONTENT_TYPES
from kunskapsarena.generate.editors.cms import cms_config
from kunskapsarena.model.settings import CmsSettings

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site(demo_site: Path) -> Path:
    return demo_site   # the session's one demo build (conftest), dated 2026-11-23


@pytest.fixture(scope="module")
def mkdocs_config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def edit_link(site: Path, url: str) -> str | None:
    link = soup_of(site / url / "index.html").select_one('a.md-content__button[rel="edit"]')
    return link["href"] if link else None


def test_every_item_page_edits_its_real_source_file(site: Path, demo, mkdocs_config):
    edit_root = mkdocs_config["repo_url"].rstrip("/") + "/" + mkdocs_config["edit_uri"].removesuffix("content/")
    records = demo.all_records()
    assert {r.type.name for r in records} == {c.name for c in CONTENT_TYPES}
    for record in records:
        if getattr(record.data, "draft", False):
            continue
        assert edit_link(site, record.url) == edit_root + record.path
        assert (REPO / record.path).is_file()


def test_content_pages_edit_their_file_in_docs_dir_and_generated_indexes_have_no_edit_link(site: Path, mkdocs_config):
    edit_base = mkdocs_config["repo_url"].rstrip("/") + "/" + mkdocs_config["edit_uri"]
    assert edit_link(site, "om") == edit_base + "om.md"
    assert edit_link(site, "redaktorsguide") == edit_base + "redaktorsguide.md"
    assert edit_link(site, "metoder") is None      # generated from every method: no single file to edit
    assert edit_link(site, "exempel") is None
    title = soup_of(site / "om" / "index.html").select_one('a[rel="edit"]')["title"]
    assert title == "Redigera sidan"


def test_built_site_redirects_every_demo_alias(site: Path, demo):
    aliased = [(r, a) for r in demo.all_records() for a in r.data.aliases]
    assert aliased, "the demo should show a renamed item"
    for record, alias in aliased:
        page = site / record.type.url(alias) / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        target = soup.select_one('meta[http-equiv="refresh"]')["content"].split("url=", 1)[1]
        resolved = (page.parent / target / "index.html").resolve()
        assert resolved == (site / record.url / "index.html").resolve()
        assert resolved.is_file()
        assert soup.select_one('link[rel="canonical"]')["href"] == "https://kunskapsarena.example/" + record.url


def test_site_ships_the_cms_admin_page_and_its_generated_config(site: Path, demo, mkdocs_config):
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["cms"]
    shipped = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert shipped == cms_config(demo, CmsSettings.model_validate(settings), mkdocs_config["site_url"])
    admin = soup_of(site / "admin" / "index.html")
    assert admin.html["lang"] == "sv"
    assert [s["src"] for s in admin.find_all("script")] == [settings["script"], "cms-saknas.js"]
    assert admin.select_one('link[rel="cms-config-url"]')["href"] == "config.yml"


def test_field_reference_page_is_in_the_guide(site: Path):
    page = soup_of(site / "redaktorsguide" / "falt" / "index.html")
    assert page.find("h1").get_text(strip=True).rstrip("¶") == "Fältreferens"
    assert len(page.select("article table")) == len(CONTENT_TYPES)
    guide = soup_of(site / "redaktorsguide" / "index.html")
    assert guide.select_one('article a[href="falt/"]') is not None
    nav = {a.get("href") for a in guide.select("nav.md-nav--primary a")}
    assert "falt/" in nav
