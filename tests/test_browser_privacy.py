"""No request leaves the local server while a visitor reads every page (GDPR: no third parties)."""

from __future__ import annotations

from urllib.parse import urlsplit

from browser_harness import site_pages

LOCAL_SCHEMES = {"data", "blob", "about"}


def test_no_page_makes_a_request_to_another_host(browser, demo_site, site_url):
    # A fresh context: nothing cached from other tests, so every request really happens.
    # A tall viewport puts lazy images in view, so they load before the load event.
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 12000})
    requests: list[tuple[str, str]] = []
    current = {"path": ""}
    context.on("request", lambda request: requests.append((current["path"], request.url)))
    page = context.new_page()
    origin = urlsplit(site_url).netloc
    pages = site_pages(demo_site)
    try:
        for path in pages:
            current["path"] = path
            page.goto(site_url + path, wait_until="load")
        # Search loads Pagefind's module, WebAssembly and index fragments on first use.
        current["path"] = "/ (search)"
        page.goto(site_url + "/")
        page.keyboard.press("/")
        page.keyboard.type("metod")
        page.locator("[data-ka-search-results] > li").first.wait_for()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert len(pages) >= 40
    local = [url for _, url in requests if urlsplit(url).netloc == origin]
    assert any(url.endswith(".pf_fragment") for url in local), "the search was never loaded"
    leaving = sorted({f"{path}: {url}" for path, url in requests
                      if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != origin})
    assert not leaving, f"{len(leaving)} requests leave {origin}:\n" + "\n".join(leaving)
