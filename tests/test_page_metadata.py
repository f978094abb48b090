"""Every page describes itself to search engines and link previews (Open Graph, Twitter cards)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_harness import themed_pages
from conftest import REPO, TODAY
from kunskapsarena import POST, load_arena

SITE_DESCRIPTION = "Metoder, goda exempel och erfarenheter av innovation i offentlig sektor."


def _soup(site: Path, url: str) -> BeautifulSoup:
    url = url.lstrip("/")
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    found = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return found["content"] if found else None


def test_every_themed_page_has_link_preview_tags(demo_site: Path):
    pages = themed_pages(demo_site)
    assert len(pages) > 100
    missing = []
    for url in pages:
        soup = _soup(demo_site, url)
        canonical = soup.find("link", rel="canonical")
        expected = {"og:locale": "sv_SE", "og:site_name": "Kunskapsarenan", "twitter:card": "summary",
                    "og:title": _meta(soup, "twitter:title"), "og:description": _meta(soup, "description"),
                    "twitter:description": _meta(soup, "description")}
        wrong = {key: _meta(soup, key) for key, value in expected.items() if not value or _meta(soup, key) != value}
        # The 404 page answers at any address: no canonical address, so no og:url either.
        if _meta(soup, "og:url") != (canonical["href"] if canonical else None):
            wrong["og:url"] = _meta(soup, "og:url")
        if wrong:
            missing.append(f"{url}: {wrong}")
    assert not missing, "\n".join(missing[:20])


def test_posts_describe_themselves_with_their_summary(demo_site: Path):
    posts = load_arena(REPO, today=TODAY).published(POST)
    assert posts
    for post in posts:
        soup = _soup(demo_site, post.url)
        assert html.unescape(_meta(soup, "description")) == post.data.summary, post.url
        assert _meta(soup, "og:type") == "article"


@pytest.mark.parametrize(("url", "start"), [
    ("taggar/tjanstedesign/", "Tjänstedesign i kunskapsarenan: "),
    ("organisationer/skelleftea-kommun/", "Skellefteå kommun i kunskapsarenan: "),
])
def test_tag_and_organisation_pages_say_what_they_list(demo_site: Path, url: str, start: str):
    description = _meta(_soup(demo_site, url), "description")
    assert description.startswith(start), description
    assert description != SITE_DESCRIPTION
    assert description.endswith(".") and any(char.isdigit() for char in description)


def test_the_start_page_is_the_website(demo_site: Path):
    soup = _soup(demo_site, "")
    assert _meta(soup, "og:type") == "website"
    assert _meta(soup, "og:description") == SITE_DESCRIPTION
