"""A real `mkdocs build --strict` of the demo arena, checked page by page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kunskapsarena import CASE, METHOD, POST

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site(demo_site: Path) -> Path:
    return demo_site


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def section_links(soup: BeautifulSoup, heading: str) -> list[str]:
    """hrefs of the list that follows an h2 with the given text."""
    h2 = next(h for h in article(soup).find_all("h2") if h.get_text(strip=True).rstrip("¶") == heading)
    return [a["href"] for a in h2.find_next_sibling(["ul", "div"]).find_all("a")]


def test_demo_has_the_promised_amount_of_content(demo):
    assert len(demo.of_type(METHOD)) >= 15
    assert len(demo.of_type(CASE)) >= 8
    assert len(demo.of_type(POST)) >= 5


def test_every_item_has_a_page(site: Path, demo):
    for record in demo.all_records():
        soup = page(site, record.url)
        assert article(soup).find("h1").get_text(strip=True).rstrip("¶") == record.title


def test_method_page_shows_fact_card(site: Path, demo):
    taxonomy = demo.taxonomy
    for method in demo.of_type(METHOD):
        facts = {div.dt.get_text(strip=True): div.dd for div in article(page(site, method.url)).select(".ka-facts > div")}
        assert [chip.get_text() for chip in facts["Fas"].select(".ka-chip")] == [
            taxonomy.label("phases", p) for p in method.data.phases]
        assert facts["Svårighetsgrad"].get_text() == taxonomy.label("difficulties", method.data.difficulty)
        if method.data.materials:
            assert [li.get_text() for li in facts["Material"].find_all("li")] == method.data.materials
        assert "min" in facts["Tid"].get_text() or "tim" in facts["Tid"].get_text()
        assert facts["Gruppstorlek"].get_text().endswith(("personer", "person"))


def test_method_page_lists_the_cases_that_used_it(site: Path, demo):
    checked = 0
    for method in demo.of_type(METHOD):
        expected = sorted(f"../../{c.url}" for c in demo.of_type(CASE) if method.slug in c.data.methods)
        soup = page(site, method.url)
        if expected:
            assert sorted(section_links(soup, "Används i")) == expected
            checked += 1
        else:
            assert "Inga goda exempel använder metoden ännu" in article(soup).get_text()
    assert checked >= 10, "the demo should show backlinks on most method pages"


def test_method_page_links_related_methods(site: Path, demo):
    for method in demo.of_type(METHOD):
        if method.data.related:
            links = section_links(page(site, method.url), "Relaterade metoder")
            assert links == [f"../{slug}/" for slug in method.data.related]


def test_case_page_shows_organisation_contacts_and_methods(site: Path, demo):
    for case in demo.of_type(CASE):
        soup = page(site, case.url)
        facts = {div.dt.get_text(strip=True): div.dd.get_text() for div in article(soup).select(".ka-facts > div")}
        assert facts["Organisation"] == demo.taxonomy.organisation_name(case.data.organisation)
        assert facts["År"] == str(case.data.year)
        text = article(soup).get_text()
        for pid in case.data.contacts:
            person = demo.taxonomy.people[pid]
            assert person.name in text
            assert soup.select_one(f'a[href="mailto:{person.email}"]') is not None
        if case.data.methods:
            assert section_links(soup, "Metoder som användes") == [
                f"../../{METHOD.url(slug)}" for slug in case.data.methods]


def test_method_bank_by_phase_groups_every_method_by_phase(site: Path, demo):
    """The grouped view (issue 2); the Metodbank start page is the explorer (tests/test_explore_build.py)."""
    soup = page(site, "metoder/per-fas/")
    body = article(soup)
    phase_labels = [h.get_text(strip=True).rstrip("¶") for h in body.find_all("h2")]
    assert phase_labels == [label for pid, label in demo.taxonomy.ids("phases").items()
                            if any(pid in m.data.phases for m in demo.of_type(METHOD))]
    for h2 in body.find_all("h2"):
        phase = next(pid for pid, label in demo.taxonomy.ids("phases").items()
                     if label == h2.get_text(strip=True).rstrip("¶"))
        listed = {a["href"] for a in h2.find_next_sibling(["ul", "div"]).find_all("a")}
        assert listed == {f"../{m.slug}/" for m in demo.of_type(METHOD) if phase in m.data.phases}
    assert page(site, "metoder/").select_one('a[href="per-fas/"]') is not None, "explorer links the by-phase view"


def test_case_index_groups_cases_by_organisation(site: Path, demo):
    body = article(page(site, "exempel/per-organisation/"))
    seen = set()
    for h2 in body.find_all("h2"):
        organisation = h2.get_text(strip=True).rstrip("¶")
        for a in h2.find_next_sibling(["ul", "div"]).find_all("a"):
            case = demo.get(CASE, a["href"].removeprefix("../").rstrip("/"))
            assert demo.taxonomy.organisation_name(case.data.organisation) == organisation
            seen.add(case.slug)
    assert seen == {c.slug for c in demo.of_type(CASE)}


def test_blog_lists_posts_with_authors_and_categories(site: Path, demo):
    index = page(site, "blog/")
    listed = {a["href"] for a in index.select("article.md-post h2 a")}
    visible = [p for p in demo.of_type(POST) if not p.data.draft]
    assert listed == {f"{p.slug}/" for p in visible}
    for post in visible:
        soup = page(site, post.url)
        authors = {strong.get_text(strip=True)
                   for strong in soup.select(".md-post__authors .md-profile__description strong")}
        assert authors == {demo.taxonomy.people[a].name for a in post.data.authors}
        for category in post.data.categories:
            assert (site / "blog" / "category" / category.lower().replace(" ", "-") / "index.html").is_file()


def test_navigation_is_small_and_swedish(site: Path, demo):
    soup = page(site, "index.html")
    tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
    assert tabs == ["Start", "Metodbank", "Goda exempel", "Evenemang", "Projekt och idéer", "Blogg", "Om arenan"]
    nav_links = {a.get("href") for a in soup.select("nav.md-nav--primary a")}
    assert not any(record.url in href for record in demo.all_records() for href in nav_links)
    assert soup.html["lang"] == "sv"


def test_every_page_is_swedish_and_has_one_title(site: Path):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "sv", path
        assert soup.title and soup.title.get_text(strip=True), path


def test_no_request_leaves_the_site(site: Path):
    """No Google Fonts, CDNs or other third parties: GDPR-clean and works offline."""
    offenders = []
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and not set(element.get("rel", [])) & {"stylesheet", "preconnect", "preload",
                                                                        "icon", "dns-prefetch", "modulepreload"}:
                    continue
                if value.startswith(("http://", "https://", "//")):
                    offenders.append(f"{path.relative_to(site)}: <{tag} {attribute}={value}>")
    assert offenders == []
    css = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_search_index_is_swedish(site: Path, demo):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["sv"]
    assert entry["languages"]["sv"]["page_count"] >= len(demo.all_records())
    for record in demo.of_type(METHOD):
        assert "data-pagefind-body" in (site / record.url / "index.html").read_text(encoding="utf-8"), record.url
