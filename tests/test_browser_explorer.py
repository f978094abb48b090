"""The faceted explorers (method bank, cases) by keyboard: every filter reachable and operable,
focus visible, and the live region announcing the result count."""

from __future__ import annotations

import pytest

from browser_harness import themed_pages
from conftest import REPO

# Written against the explorer branch (faceted filters on /metoder/ and /exempel/); runs as soon as
# its script is part of the project. Until then every test here skips with this reason.
pytestmark = pytest.mark.skipif(not (REPO / "overrides" / "assets" / "javascripts" / "explorer.js").is_file(),
                                reason="the method explorer (overrides/assets/javascripts/explorer.js) has not landed")

CONTROLS = "[data-ka-filters] input:not([type=hidden]), [data-ka-filters] button, [data-ka-filters] select"
DESCRIBE_FOCUS = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        key: el.id || `${el.name}=${el.value}` || el.textContent.trim(),
        inForm: !!el.closest('[data-ka-filters]'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
    };
}"""


def explorer_pages(demo_site) -> list[str]:
    """Themed pages with a filter form, found in the built HTML."""
    files = {path: demo_site / path.lstrip("/") / "index.html" for path in themed_pages(demo_site) if path.endswith("/")}
    return [path for path, file in files.items() if "data-ka-filters" in file.read_text(encoding="utf-8")]


def control_key(locator) -> str:
    return locator.evaluate("el => el.id || `${el.name}=${el.value}` || el.textContent.trim()")


def test_there_are_explorers_to_test(demo_site):
    assert {"/metoder/", "/exempel/"} <= set(explorer_pages(demo_site))


@pytest.mark.parametrize("path", ["/metoder/", "/exempel/"])
def test_every_filter_is_reached_by_tab_in_order_with_visible_focus(path, page, site_url):
    page.goto(site_url + path)
    controls = page.locator(CONTROLS)
    expected = [control_key(controls.nth(i)) for i in range(controls.count()) if controls.nth(i).is_visible()]
    assert len(expected) >= 5, expected
    reached, invisible = [], []
    for _ in range(200):   # from the top of the page through the whole form
        page.keyboard.press("Tab")
        focus = page.evaluate(DESCRIBE_FOCUS)
        if focus["inForm"]:
            reached.append(focus["key"])
            if not (focus["outline"] or focus["shadow"]):
                invisible.append(focus["key"])
        elif reached:
            break
    assert reached == expected
    assert not invisible, f"no visible focus indicator on {invisible}"


@pytest.mark.parametrize("path", ["/metoder/", "/exempel/"])
def test_filters_work_from_the_keyboard_and_the_live_region_announces_the_count(path, page, site_url):
    page.goto(site_url + path)
    status = page.locator("[data-ka-count]")
    # A live region must exist before it changes, or screen readers never hear it.
    assert status.get_attribute("role") == "status" or status.get_attribute("aria-live") in ("polite", "assertive")
    assert status.evaluate("el => !el.closest('[hidden], [aria-hidden=true]')")
    items = page.locator("[data-ka-item]")
    total = items.count()
    box = page.locator("[data-ka-filters] input[type=checkbox]").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    shown = page.locator("[data-ka-item]:visible").count()
    assert 0 < shown < total
    assert status.inner_text().startswith(f"Visar {shown} av {total} ")
    page.keyboard.press("Space")   # and back
    assert not box.is_checked()
    assert page.locator("[data-ka-item]:visible").count() == total
    assert not status.inner_text().startswith("Visar")
    # Enter in the text field filters in place; it never submits the form and reloads the page.
    search = page.locator("[data-ka-filters] input[type=search]")
    search.focus()
    page.evaluate("window.__stillHere = true")
    page.keyboard.type("zzzz-finns-inte")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__stillHere === true")
    assert page.locator("[data-ka-item]:visible").count() == 0
    assert status.inner_text().startswith(f"Visar 0 av {total} ")
