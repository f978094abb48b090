"""What a keyboard or screen-reader user meets: skip link, search, page structure."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from browser_harness import themed_pages


def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def test_skip_link_is_first_visible_on_focus_and_moves_to_the_content(page, site_url):
    page.goto(site_url + "/metoder/personas/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert focused(page, "a.md-skip"), "the first Tab stop is not the skip link"
    assert skip.inner_text().strip() == "Gå till innehållet"
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10 and box["y"] >= 0, f"skip link not visible: {box}"
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    assert page.locator(target).is_visible()
    # The next Tab continues from the content, not from the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article.md-content__inner')"), \
        page.evaluate("document.activeElement.outerHTML.slice(0, 200)")


def test_search_opens_from_the_keyboard_and_finds_swedish_words(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("/")
    assert focused(page, "input.md-search__input"), "'/' did not put focus in the search field"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Sök"
    # Swedish letters typed from the keyboard must reach the Swedish index and find the method.
    page.keyboard.type("förändringsteori")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    page.locator(".md-search-result__meta").filter(has_text="”förändringsteori”").wait_for()   # the final list
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.match(r"^\d+ träffar? för ”förändringsteori”", meta), meta
    paths = [urlsplit(a.get_attribute("href")).path for a in page.locator(".md-search-result__item > a").all()]
    assert "/metoder/forandringsteori/" in paths, (meta, paths)
    # Arrow keys move into the results and Enter opens one.
    page.keyboard.press("ArrowDown")
    assert focused(page, ".md-search-result__link"), "ArrowDown did not move focus to a result"
    chosen = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(chosen.split("#")[0] + "*")
    assert page.locator("h1").count() == 1


def test_every_page_has_one_h1_swedish_lang_a_title_and_a_skip_target(page, demo_site, site_url):
    pages = themed_pages(demo_site)
    failures = []
    for path in pages:
        page.goto(site_url + path)
        facts = page.evaluate("""() => ({
            lang: document.documentElement.lang,
            title: document.title.trim(),
            h1: [...document.querySelectorAll('h1')].map(h => h.textContent.trim()),
            skip: (document.querySelector('a.md-skip') || {}).hash || null,
            skipTarget: (() => {
                const link = document.querySelector('a.md-skip');
                return !!link && !!document.getElementById(decodeURIComponent(link.hash.slice(1)));
            })(),
        })""")
        problems = []
        if facts["lang"] != "sv":
            problems.append(f"lang={facts['lang']!r}")
        if not facts["title"]:
            problems.append("empty <title>")
        if len(facts["h1"]) != 1 or not facts["h1"][0]:
            problems.append(f"h1 elements: {facts['h1']}")
        # Material adds a skip link when a page has a heading to skip to; 404 has only its h1.
        if path != "/404.html":
            if not facts["skip"]:
                problems.append("no skip link")
            elif not facts["skipTarget"]:
                problems.append(f"skip link target {facts['skip']} missing")
        if problems:
            failures.append(f"{path}: {'; '.join(problems)}")
    assert len(pages) >= 40
    assert not failures, "\n".join(failures)
