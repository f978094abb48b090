"""The site search (Pagefind) on the built demo, in Chromium: what pages it indexes, the box in the
header, and whether a Swedish visitor's queries find the right page (tests/search_queries.yml).

The demo is built once per session (conftest.demo_site); the browser tests share one page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from browser_harness import COLOR_SCHEMES
from conftest import REPO
from test_browser_axe import WCAG_TAGS, axe_source

pytestmark = pytest.mark.build
QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
PASS_SHARE = 0.95


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# ---------------------------------------------------------------- what is indexed

def test_the_index_is_built_and_material_search_is_gone(demo_site: Path):
    assert (demo_site / "pagefind" / "pagefind.js").is_file()
    assert (demo_site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (demo_site / "search" / "search_index.json").exists(), "Material's lunr index is still built"
    assert "lunr" not in (demo_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["metoder/idesluss", "exempel/treboxmodellen-skelleftebuss",
                                  "blog/vad-vi-larde-oss-av-var-forsta-idesluss", "evenemang/kreativa-byrakrater-2027",
                                  "projekt/idesluss-for-kommunkoncernen", "ideer/sophamtning-i-appen",
                                  "utbildningar/innovationsledning-vasterbotten", "om", "redaktorsguide"])
def test_item_and_content_pages_are_indexed(demo_site: Path, path: str):
    page = soup(demo_site, path)
    body = page.select_one("[data-pagefind-body]")
    assert body is not None
    assert body.select_one("h1") is not None or body.select_one('p[hidden][data-pagefind-weight="10"]') is not None
    assert page.select_one(".md-header [data-pagefind-body], .md-sidebar [data-pagefind-body]") is None


@pytest.mark.parametrize("path", ["metoder", "exempel", "evenemang", "projekt", "ideer", "utbildningar",
                                  "metoder/per-fas", "metoder/skriv-ut", "taggar/tjanstedesign", "taggar",
                                  "organisationer/skelleftea-kommun", "kontakter", "blog", "blog/archive/2026"])
def test_listing_tag_organisation_and_print_pages_are_not_indexed(demo_site: Path, path: str):
    assert (demo_site / path / "index.html").exists(), f"{path}/ is not in the demo"
    assert soup(demo_site, path).select_one("[data-pagefind-body]") is None


def test_item_pages_carry_type_filters_and_leave_out_their_link_lists(demo_site: Path):
    page = soup(demo_site, "metoder/idesluss")
    body = page.select_one("[data-pagefind-body]")
    assert body.select_one('[data-pagefind-meta="type"]').get_text() == "Metod"
    filters = {(f["data-pagefind-filter"], f.get_text()) for f in body.select("[data-pagefind-filter]")}
    assert ("Typ", "Metod") in filters
    assert any(name == "Fas" for name, _ in filters)
    case = soup(demo_site, "exempel/treboxmodellen-skelleftebuss").select_one("[data-pagefind-body]")
    organisation = {f.get_text() for f in case.select('[data-pagefind-filter="Organisation"]')}
    assert organisation == {"Skelleftebuss"}
    # Lists of links to other items are asides, which the index leaves out (pagefind.EXCLUDE_SELECTORS).
    assert body.select(".ka-aside a"), "the method's 'Används i' list is not marked as an aside"
    assert body.select_one(".ka-facts") is not None


def test_editors_cannot_add_search_markup(demo_site: Path):
    """data-pagefind-* comes only from the adapter: the sanitiser drops it from bodies."""
    for path in ("metoder/idesluss", "om"):
        page = soup(demo_site, path)
        assert len(page.select("[data-pagefind-body]")) == 1
        assert len(page.select('[data-pagefind-meta="title"]')) == 1


# ---------------------------------------------------------------- the box, in a browser

def search(page, query: str) -> list[str]:
    """Type `query` into the header's box as a visitor does; the result pages' paths, in order."""
    box = page.locator("#ka-search-query")
    box.fill(query)
    status = page.locator("[data-ka-search-status]")
    status.filter(has_text=f"”{query}”").wait_for(timeout=10_000)
    return [urlsplit(a.get_attribute("href")).path
            for a in page.locator("[data-ka-search-results] > li > a:first-child").all()]


@pytest.fixture(scope="module")
def search_page(light_page, site_url):
    light_page.goto(site_url + "/")
    return light_page


def test_swedish_queries_find_their_page(search_page):
    misses = []
    for case in QUERIES:
        found = search(search_page, case["query"])
        wanted = case.get("pages") or [case["page"]]
        if not set(wanted) & set(found[:3]):
            misses.append(f"{case['query']!r} ({case['kind']}): väntade {' eller '.join(wanted)}, fick {found[:3]}")
    passed = len(QUERIES) - len(misses)
    print(f"\nsökrelevans: {passed}/{len(QUERIES)} ({passed / len(QUERIES):.0%}) i topp 3")
    for miss in misses:
        print("  miss:", miss)
    assert len(QUERIES) >= 40
    assert passed / len(QUERIES) >= PASS_SHARE, "\n".join(misses)


def test_one_result_per_page_with_type_title_and_highlighted_excerpt(search_page):
    found = search(search_page, "idésluss")
    assert len(found) == len(set(found)), "a page fills several result slots"
    first = search_page.locator("[data-ka-search-results] > li > a:first-child").first
    assert first.locator(".ka-search__type").text_content() in {"Metod", "Gott exempel", "Blogginlägg", "Evenemang",
                                                              "Förändringsprojekt", "Idé", "Utbildning"}
    assert first.locator(".ka-search__title").inner_text()
    assert first.locator(".ka-search__excerpt mark").count() >= 1
    status = search_page.locator("[data-ka-search-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert re.match(r"^\d+ träffar? för ”idésluss”", status.inner_text())


def test_keyboard_opens_moves_and_closes(page, site_url):
    page.goto(site_url + "/metoder/kundresa/")
    page.locator("body").click(position={"x": 5, "y": 300})
    for key in ("/", "s"):
        page.keyboard.press("Escape")
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.id") == "ka-search-query", f"{key!r} did not open the search"
        assert page.locator("#__search").is_checked()
    page.keyboard.type("personas")
    page.locator("[data-ka-search-status]").filter(has_text="”personas”").wait_for()
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first and "/metoder/personas/" in first
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") != first
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "ka-search-query"
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.keyboard.press("/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/metoder/personas/")


def test_type_filter_narrows_the_results(search_page):
    search(search_page, "idésluss")
    toggle = search_page.locator("[data-ka-search-filter-toggle]")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    select = search_page.locator("#ka-search-type")
    select.locator("option", has_text="Metod").wait_for(state="attached")
    before = search_page.locator(".ka-search__type").all_text_contents()
    assert set(before) != {"Metod"}
    select.select_option("Metod")
    for _ in range(100):
        types = search_page.locator(".ka-search__type").all_text_contents()
        if types and set(types) == {"Metod"}:
            break
        search_page.wait_for_timeout(100)
    assert types and set(types) == {"Metod"}, types
    assert "/metoder/idesluss/" in [urlsplit(a.get_attribute("href")).path for a in
                                    search_page.locator("[data-ka-search-results] > li > a:first-child").all()]
    select.select_option("")
    # The other filters the models declare, with the values the index holds.
    assert "Skellefteå kommun" in search_page.locator("#ka-search-organisation option").all_text_contents()
    assert "Ta fram idéer" in search_page.locator("#ka-search-phase option").all_text_contents()


def test_excerpts_are_text_not_markup(search_page, demo_site: Path):
    """Pagefind escapes the page text in excerpts; the box keeps only text and <mark> anyway."""
    search(search_page, "tjänstedesign")
    raw = search_page.evaluate("""async () => {
        const bundle = document.querySelector('[data-ka-search]').getAttribute('data-ka-bundle');
        const pagefind = await import(new URL(bundle, document.baseURI).href);
        const search = await pagefind.search('tjänstedesign');
        return (await search.results[0].data()).excerpt; }""")
    assert "<mark>" in raw and re.sub(r"</?mark>", "", raw).count("<") == 0
    tags = search_page.evaluate("""() => [...document.querySelectorAll('[data-ka-search-results] .ka-search__excerpt *')]
        .map(e => e.tagName)""")
    assert set(tags) <= {"MARK"}


@pytest.mark.parametrize("scheme", list(COLOR_SCHEMES))
def test_open_search_passes_axe(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/")
        page.keyboard.press("/")
        search(page, "idésluss")
        page.evaluate(axe_source())
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
            WCAG_TAGS)
        assert result == []
    finally:
        context.close()


def test_no_third_party_files_are_referenced():
    script = (REPO / "overrides" / "assets" / "javascripts" / "search.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", script.split("*/", 1)[1])


# ---------------------------------------------------------------- synonyms in data/taxonomy.yml

def test_a_vocabulary_entry_lists_synonyms_its_items_are_found_by(arena):
    from kunskapsarena import load_arena
    from kunskapsarena.generate.search import findable_pages

    arena.replace("data/taxonomy.yml", "  tjänstedesign: Tjänstedesign\n",
                  "  tjänstedesign:\n    label: Tjänstedesign\n    synonyms: [servicedesign, design thinking]\n")
    assert arena.problems() == []
    loaded = load_arena(arena.root)
    assert loaded.taxonomy.label("tags", "tjänstedesign") == "Tjänstedesign"
    found = {uri: f for uri, f in findable_pages(loaded).items() if "servicedesign" in f.terms}
    assert "metoder/kundresa.md" in found
    assert found["metoder/kundresa.md"].terms == ("servicedesign", "design thinking")
    assert dict(found["metoder/kundresa.md"].filters)["Typ"] == ("Metod",)


def test_malformed_synonyms_are_reported_at_their_line(arena):
    arena.replace("data/taxonomy.yml", "  workshop: Workshop\n",
                  "  workshop:\n    label: Workshop\n    synonyms: verkstad\n    synonymer: [x]\n"
                  "  tjänstedesign:\n    synonyms: [servicedesign]\n")
    arena.replace("data/taxonomy.yml", "  tjänstedesign: Tjänstedesign\n", "")
    problems = [p for p in arena.problems() if "taxonomy.yml" in p]
    assert any(":26: tags.workshop.synonyms: ska vara en lista med ord" in p for p in problems), problems
    assert any(":27: tags.workshop: okänt fält 'synonymer' (tillåtna: label, synonyms)" in p for p in problems), problems
    assert any(":28: tags.tjänstedesign: label saknas" in p for p in problems), problems
