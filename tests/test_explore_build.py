"""Explore and reuse, checked in a real build of the demo: explorers, open data, feeds, tag and
organisation pages, print deck, search index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from kunskapsarena import CASE, METHOD
from kunskapsarena.generate.pages.explorer import CASE_EXPLORER, METHOD_EXPLORER, cards

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("explore") / "site"
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(REPO), "build",
                             "--site-dir", str(site_dir)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795392000"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The file a relative link on a directory-URL page points to."""
    target = (site / page_url / href).resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize(("url", "spec", "ctype"), [("metoder/", METHOD_EXPLORER, METHOD),
                                                     ("exempel/", CASE_EXPLORER, CASE)])
def test_explorer_lists_every_item_once_with_its_facets(site, demo, url, spec, ctype):
    soup = page(site, url)
    explorer = soup.select_one("[data-ka-explorer]")
    items = explorer.select("[data-ka-item]")
    expected = {card.record.slug: card.facets for card in cards(demo, spec)}
    seen = {}
    for item in items:
        href = item.select_one("a")["href"]
        target = resolve(site, url, href)
        assert target.is_file(), f"{href} on {url} leads nowhere"
        slug = Path(href).name
        assert slug not in seen, f"{slug} listed twice"
        seen[slug] = json.loads(item["data-ka-facets"])
    assert seen == expected
    assert len(items) == len(demo.of_type(ctype))
    count = explorer.select_one("[data-ka-count]")
    assert count["role"] == "status" and count.get_text(strip=True) == f"{len(items)} {ctype.count_noun}"


@pytest.mark.parametrize("url", ["metoder/", "exempel/"])
def test_explorer_filters_are_labelled_and_hidden_without_javascript(site, url):
    soup = page(site, url)
    form = soup.select_one("[data-ka-filters]")
    assert form.has_attr("hidden"), "without JavaScript the page is the complete list"
    for fieldset in form.select("fieldset"):
        assert fieldset.legend and fieldset.legend.get_text(strip=True)
        boxes = fieldset.select('input[type="checkbox"]')
        assert boxes and all(box.find_parent("label") for box in boxes)
    search = form.select_one('input[type="search"]')
    assert form.select_one(f'label[for="{search["id"]}"]') is not None
    assert form.select_one("button[data-ka-clear]").get_text(strip=True) == "Rensa filter"
    scripts = [s.get("src", "") for s in soup.select("script")]
    assert any(src.endswith("assets/javascripts/explorer.js") for src in scripts)
    assert (site / "assets" / "javascripts" / "explorer.js").is_file()
    assert not any("data-ka" in (s.string or "") for s in soup.select("script")), "no inline explorer script"


def test_method_explorer_has_the_promised_facets(site):
    legends = [lg.get_text(strip=True) for lg in page(site, "metoder/").select("[data-ka-filters] legend")]
    assert legends == ["Fas", "Tidsåtgång", "Gruppstorlek", "Svårighetsgrad", "Ämne"]


def _indexed(site, url: str) -> bool:
    """Pagefind indexes a page only if it has data-pagefind-body (kunskapsarena_mkdocs/pagefind.py)."""
    path = site / url / "index.html"
    return path.is_file() and page(site, url).select_one("[data-pagefind-body]") is not None


def test_listing_pages_are_not_in_the_search_index(site, demo):
    for listing in ("metoder/", "exempel/", "metoder/per-fas/", "exempel/per-organisation/"):
        assert not _indexed(site, listing)
    for record in demo.all_records():
        if not getattr(record.data, "draft", False):
            assert _indexed(site, record.url), record.url


def test_open_data_is_published_and_linked(site, demo):
    from kunskapsarena import CONTENT_TYPES
    from kunskapsarena.generate.data.opendata import api_name

    soup = page(site, "oppna-data/")
    links = {a["href"] for a in soup.select("article a")}
    for ctype in CONTENT_TYPES:
        for suffix in (".json", ".csv", "-excel.csv"):
            href = f"../api/{api_name(ctype)}{suffix}"
            assert href in links
            assert resolve(site, "oppna-data/", href).is_file()
        document = json.loads((site / "api" / f"{api_name(ctype)}.json").read_text(encoding="utf-8"))
        for item in document["items"]:
            assert item["url"].startswith("https://kunskapsarena.example/")
            assert (site / item["url"].removeprefix("https://kunskapsarena.example/") / "index.html").is_file()
    nav = {a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a")}
    assert "Öppna data" in nav


def test_feeds_are_published_and_discoverable_from_every_page(site):
    import feedparser

    pages = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    themed = 0
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one(".md-container") is None:
            continue   # not a site page: the CMS admin app, redirect stubs at old URLs
        themed += 1
        url = path.parent.relative_to(site).as_posix() + "/"
        alternates = {resolve(site, url, link["href"]) for link in soup.head.select('link[rel="alternate"]')
                      if link.get("type") in ("application/rss+xml", "application/atom+xml")}
        assert alternates == {(site / f"{name}-{kind}.xml").resolve()
                              for name in ("blog", "cases", "material") for kind in ("rss", "atom")}, path
    assert themed > 40
    for name in ("blog", "cases"):
        for kind in ("rss", "atom"):
            parsed = feedparser.parse((site / f"{name}-{kind}.xml").read_bytes())
            assert not parsed.bozo and parsed.entries


def article_links(site: Path, url: str) -> set[Path]:
    """Files that the links in a page's article lead to."""
    soup = page(site, url)
    return {resolve(site, url, a["href"]) for a in soup.select("article a[href]")
            if not a["href"].startswith(("#", "http", "mailto:", "tel:"))}


def item_file(site: Path, record) -> Path:
    return (site / record.url / "index.html").resolve()


def visible_records(demo):
    return [r for r in demo.all_records() if not getattr(r.data, "draft", False)]


def test_every_tag_page_links_every_item_with_the_tag(site, demo):
    from kunskapsarena.model.slugs import slugify

    used = {tag for r in visible_records(demo) for tag in getattr(r.data, "tags", [])}
    assert used, "the demo uses tags"
    index_links = article_links(site, "taggar/")
    for tag in used:
        url = f"taggar/{slugify(tag)}/"
        assert (site / url / "index.html").resolve() in index_links
        expected = {item_file(site, r) for r in visible_records(demo) if tag in getattr(r.data, "tags", [])}
        linked = article_links(site, url)
        assert expected <= linked, f"{url} misses {expected - linked}"
        assert {p for p in linked if "taggar" not in p.parts} == expected, f"{url} links items without the tag"


def test_every_organisation_page_links_its_items_and_contacts(site, demo):
    from kunskapsarena.model.slugs import slugify

    for org_id in demo.taxonomy.organisations:
        # Every field that names an organisation counts (a case's organisation, an event's organiser …).
        items = {item_file(site, r) for r in demo.graph.referrers("organisations", org_id)
                 if not getattr(r.data, "draft", False)}
        people = [p for p in demo.taxonomy.people.values() if p.organisation == org_id]
        path = site / "organisationer" / slugify(org_id) / "index.html"
        if not items and not people:
            assert not path.exists()
            continue
        url = f"organisationer/{slugify(org_id)}/"
        linked = article_links(site, url)
        assert {p for p in linked if "organisationer" not in p.parts} == items, url
        text = page(site, url).select_one("article").get_text()
        for person in people:
            assert person.name in text and person.email in text


def test_item_pages_link_their_tags_and_organisation(site, demo):
    from kunskapsarena.model.slugs import slugify

    for record in demo.of_type(METHOD) + demo.of_type(CASE):
        linked = article_links(site, record.url)
        for tag in record.data.tags:
            assert (site / "taggar" / slugify(tag) / "index.html").resolve() in linked, record.url
        if record.type is CASE:
            assert (site / "organisationer" / slugify(record.data.organisation) / "index.html").resolve() in linked


def test_method_pages_show_methods_used_together_in_cases(site, demo):
    checked = 0
    for method in demo.of_type(METHOD):
        shared = {}
        for case in demo.of_type(CASE):
            if method.slug in case.data.methods:
                for other in set(case.data.methods) - {method.slug} - set(method.data.related):
                    shared[other] = shared.get(other, 0) + 1
        soup = page(site, method.url)
        h2 = next((h for h in soup.select("article h2") if h.get_text(strip=True).rstrip("¶")
                   == "Ofta använd tillsammans med"), None)
        if not shared:
            assert h2 is None, method.slug
            continue
        items = h2.find_next_sibling(["ul", "div"]).find_all("li")
        found = {Path(li.a["href"]).name: li.get_text() for li in items}
        assert set(found) == set(shared), method.slug
        for slug, count in shared.items():
            assert ("i ett exempel" if count == 1 else f"i {count} exempel") in found[slug]
        checked += 1
    assert checked >= 3


def test_generated_listing_pages_stay_out_of_nav_and_search(site):
    from kunskapsarena_mkdocs.pagefind import EXCLUDE_SELECTORS

    generated = [path.parent.relative_to(site).as_posix() + "/" for folder in ("taggar", "organisationer")
                 for path in (site / folder).rglob("index.html")]
    assert generated and not any(_indexed(site, url) for url in generated)
    # Backlink lists repeat other pages' summaries: asides, which the index leaves out.
    method = page(site, "metoder/kundresa/").select_one("[data-pagefind-body]")
    for heading in ("anvands-i", "relaterade-metoder"):
        following = method.select_one(f"h2#{heading}").find_next_sibling()
        assert "ka-aside" in following.get("class", []), heading
    assert ".ka-aside" in EXCLUDE_SELECTORS
    assert method.select_one("h2#sa-gor-du") is not None and method.select_one("h2#syfte") is not None
    nav = {a.get("href", "") for a in page(site, "").select("nav.md-nav--primary a")}
    assert not any("taggar/" in href or "organisationer/" in href for href in nav)


def test_print_stylesheet_is_in_every_page_and_hides_the_chrome(site):
    css = (site / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert "@media print" in css
    printed = css.split("@media print", 1)[1]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".ka-filters"):
        assert selector in printed
    assert 'attr(data-ka-href)' in css and 'attr(href)' in css, "link addresses are printed"
    for url in ("", "metoder/kundresa/", "metoder/skriv-ut/"):
        soup = page(site, url)
        assert any(link.get("href", "").endswith("assets/stylesheets/print.css") for link in soup.select("link"))
        assert any(s.get("src", "").endswith("assets/javascripts/print.js") for s in soup.select("script"))


def test_print_deck_holds_every_method_card_once(site, demo):
    soup = page(site, "metoder/skriv-ut/")
    deck = soup.select_one("[data-ka-explorer]")
    sections = deck.select("section.ka-print-card[data-ka-item]")
    titles = [s.find("h2").get_text(strip=True).rstrip("¶") for s in sections]
    methods = sorted(demo.of_type(METHOD), key=lambda m: m.title.casefold())
    assert titles == [m.title for m in methods]
    expected = {card.record.title: card.facets for card in cards(demo, METHOD_EXPLORER)}
    for section, method in zip(sections, methods, strict=True):
        assert json.loads(section["data-ka-facets"]) == expected[method.title]
        assert section.select_one(".ka-facts") is not None, "the fact card is printed"
        headings = [h.get_text(strip=True).rstrip("¶") for h in section.find_all("h3")]
        assert "Så gör du" in headings, "the steps are printed, one level below the method title"
        assert section.find("ol") is not None
    link = page(site, "metoder/").select_one("a[data-ka-keep-query]")
    assert resolve(site, "metoder/", link["href"]) == (site / "metoder" / "skriv-ut" / "index.html").resolve()
