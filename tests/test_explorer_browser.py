"""The explorers in a real browser (Debian's chromium driven by Playwright).

Uses the shared browser harness (tests/browser_harness.py: the demo built once per
worker, served on 127.0.0.1, one Chromium; missing Chromium fails under CI=true).
Each test gets its own browser context so listeners and history start clean.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import REPO
from kunskapsarena import METHOD, load_arena

pytestmark = pytest.mark.build


@pytest.fixture
def served_demo(site_url) -> str:
    return site_url + "/"


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    errors, elsewhere = [], []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("request", lambda request: None if urlsplit(request.url).hostname == "127.0.0.1"
           else elsewhere.append(request.url))
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
    assert elsewhere == [], f"requests leaving the site: {elsewhere}"


@pytest.fixture(scope="module")
def methods():
    arena = load_arena(REPO)
    return arena.of_type(METHOD), arena.taxonomy


def visible_titles(page) -> list[str]:
    return page.locator("[data-ka-item]:visible .ka-card__title").all_inner_texts()


def test_filtering_by_phase_narrows_the_list_and_sets_the_url(served_demo, page, methods):
    records, taxonomy = methods
    page.goto(served_demo + "metoder/")
    assert page.locator("[data-ka-filters]").is_visible()
    assert len(visible_titles(page)) == len(records)

    label = taxonomy.label("phases", "testa")
    page.get_by_role("group", name="Fas").get_by_label(label).check()
    expected = sorted(m.title for m in records if "testa" in m.data.phases)
    assert 0 < len(expected) < len(records)
    assert sorted(visible_titles(page)) == expected
    assert parse_qs(urlsplit(page.url).query) == {"phase": ["testa"]}
    assert page.locator("[data-ka-count]").inner_text() == f"Visar {len(expected)} av {len(records)} metoder"

    page.reload()   # the state survives a reload: it lives in the URL
    assert page.get_by_role("group", name="Fas").get_by_label(label).is_checked()
    assert sorted(visible_titles(page)) == expected

    page.go_back()  # back to the unfiltered list
    page.wait_for_function(f"document.querySelectorAll('[data-ka-item]:not([hidden])').length > {len(expected)}")
    assert len(visible_titles(page)) == len(records)
    assert not page.get_by_role("group", name="Fas").get_by_label(label).is_checked()


def test_keyboard_free_text_and_clear(served_demo, page, methods):
    records, taxonomy = methods
    page.goto(served_demo + "metoder/?difficulty=lätt")
    easy = sorted(m.title for m in records if m.data.difficulty == "lätt")
    assert sorted(visible_titles(page)) == easy

    search = page.get_by_label("Sök bland metoderna")
    search.focus()
    word = records[0].title.split()[0]
    page.keyboard.type(word.lower())
    matching = sorted(m.title for m in records if m.data.difficulty == "lätt"
                      and word.lower() in (m.title + " " + m.data.summary).lower())
    assert sorted(visible_titles(page)) == matching
    assert parse_qs(urlsplit(page.url).query)["q"] == [word.lower()]

    page.keyboard.press("Tab")   # from the search field into the first checkbox, toggled with Space
    first_phase = next(iter(taxonomy.ids("phases")))
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused == ["phase", first_phase]
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked"), "Space checks the focused box"
    assert parse_qs(urlsplit(page.url).query).get("phase") == [first_phase], page.url

    page.get_by_role("button", name="Rensa filter").click()
    assert len(visible_titles(page)) == len(records)
    assert urlsplit(page.url).query == ""
    assert page.locator("[data-ka-count]").inner_text() == f"{len(records)} metoder"


def test_print_link_carries_the_filter_to_the_deck(served_demo, page, methods):
    records, taxonomy = methods
    page.goto(served_demo + "metoder/")
    page.get_by_role("group", name="Fas").get_by_label(taxonomy.label("phases", "testa")).check()
    page.get_by_role("link", name="Skriv ut metodkorten").click()
    page.wait_for_url("**/metoder/skriv-ut/?phase=testa")
    shown = page.locator("[data-ka-item]:visible h2").all_inner_texts()
    assert sorted(t.rstrip("¶").strip() for t in shown) == sorted(m.title for m in records if "testa" in m.data.phases)
    assert page.get_by_role("button", name="Skriv ut").is_visible()


def test_case_explorer_uses_the_same_script(served_demo, page):
    from kunskapsarena import CASE

    arena = load_arena(REPO)
    cases = arena.of_type(CASE)
    organisation = max({c.data.organisation for c in cases}, key=lambda o: sum(c.data.organisation == o for c in cases))
    page.goto(served_demo + "exempel/")
    name = arena.taxonomy.organisation_name(organisation)
    page.get_by_role("group", name="Organisation").get_by_label(name).check()
    expected = sorted(c.title for c in cases if c.data.organisation == organisation)
    assert 0 < len(expected) < len(cases)
    assert sorted(visible_titles(page)) == expected
    assert parse_qs(urlsplit(page.url).query) == {"organisation": [organisation]}
    assert page.locator("[data-ka-count]").inner_text() == f"Visar {len(expected)} av {len(cases)} goda exempel"
