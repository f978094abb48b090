"""Editor text is data: hostile values in every free-text field reach the built site as text.

A copy of the demo gets payloads in titles, summaries, list items, people,
vocabulary labels and programme entries: HTML that would run script, attr_list
syntax that would add an event handler, Markdown that would turn into a link,
and Jinja syntax that would be evaluated if anything treated content as a
template. The site must build, show every payload literally, and contain no
element or attribute the payloads tried to create.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_EPOCH, copy_project

# Each payload sets a flag if it ever runs; the browser test looks for the flag.
HTML_PAYLOAD = 'Qzx"><img src=x onerror=window.__xss=1>'
ATTR_PAYLOAD = "Workshop {onclick=window.__xss=2}"
ATTR_PAYLOAD_BLOCK = "Notering {: onmouseover=window.__xss=3 }"
LINK_PAYLOAD = "[klicka](javascript:window.__xss=4)"
TEMPLATE_PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"

pytestmark = pytest.mark.build


def _poison(root: Path) -> None:
    def edit(rel: str, old: str, new: str) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)   # a YAML double-quoted scalar

    edit("methods/anvandarintervjuer.md", "title: Användarintervjuer", f"title: {q('Intervju ' + HTML_PAYLOAD)}")
    edit("methods/anvandarintervjuer.md", "summary: Samtal på djupet",
         f"summary: {q(HTML_PAYLOAD + ' ' + LINK_PAYLOAD + ' ' + TEMPLATE_PAYLOAD)}\n#")
    edit("methods/anvandarintervjuer.md", "  - Intervjuguide med öppna frågor", f"  - {q(ATTR_PAYLOAD_BLOCK)}")
    edit("methods/anvandarintervjuer.md", "    note: Informera om syfte", f"    note: {q(HTML_PAYLOAD)}\n#")
    edit("methods/skuggning.md", "title: Skuggning", f"title: {q(ATTR_PAYLOAD)}")
    edit("cases/treboxmodellen-skelleftebuss.md", "\ntitle: ", f"\ntitle: {q('Case ' + HTML_PAYLOAD)}\n#")
    edit("blog/posts/vad-vi-larde-oss-av-var-forsta-idesluss.md", "\ntitle: ",
         f"\ntitle: {q(ATTR_PAYLOAD + ' ' + HTML_PAYLOAD)}\n#")
    edit("blog/posts/vad-vi-larde-oss-av-var-forsta-idesluss.md", "\nsummary: ",
         f"\nsummary: {q(HTML_PAYLOAD)}\n#")
    edit("events/innovationsveckan-skelleftea-2026.md", "\ntitle: ", f"\ntitle: {q('Event ' + HTML_PAYLOAD)}\n#")
    edit("projects/idesluss-for-kommunkoncernen.md", "\ntitle: ", f"\ntitle: {q('Projekt ' + HTML_PAYLOAD)}\n#")
    edit("ideas/sophamtning-i-appen.md", "\ntitle: ", f"\ntitle: {q('Idé ' + ATTR_PAYLOAD)}\n#")
    edit("trainings/innovationscoachning-lulea.md", "\ntitle: ", f"\ntitle: {q('Kurs ' + HTML_PAYLOAD)}\n#")
    edit("data/people.yml", "  name: Anna Lindqvist", f"  name: {q('Anna ' + HTML_PAYLOAD)}")
    edit("data/taxonomy.yml", "  tjänstedesign: Tjänstedesign", f"  tjänstedesign: {q('Tjänst ' + HTML_PAYLOAD)}")
    edit("data/taxonomy.yml", "    name: Skellefteå kommun", f"    name: {q('Skellefteå ' + ATTR_PAYLOAD)}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile") / "arena")
    _poison(root)
    site = root / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _heading(soup: BeautifulSoup) -> str:
    """The h1's text without its permalink (¶)."""
    for link in soup.h1.select("a.headerlink"):
        link.decompose()
    return soup.h1.get_text(strip=True)


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_payload_creates_an_element_or_attribute(hostile_site: Path):
    found = []
    for path in _html_pages(hostile_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            if handlers:
                found.append(f"{path.relative_to(hostile_site)}: <{tag.name} {' '.join(handlers)}>")
            if tag.name == "img" and tag.get("src") == "x":
                found.append(f"{path.relative_to(hostile_site)}: <img src=x>")
            if tag.name == "a" and str(tag.get("href", "")).strip().lower().startswith("javascript:"):
                found.append(f"{path.relative_to(hostile_site)}: <a href=javascript:…>")
    assert not found, "\n".join(found[:40])


def test_payloads_are_shown_as_written(hostile_site: Path):
    method = BeautifulSoup((hostile_site / "metoder/anvandarintervjuer/index.html").read_text(encoding="utf-8"),
                           "html.parser")
    assert _heading(method) == "Intervju " + HTML_PAYLOAD
    assert method.title.get_text().startswith("Intervju " + HTML_PAYLOAD)
    description = method.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith(HTML_PAYLOAD + " " + LINK_PAYLOAD + " " + TEMPLATE_PAYLOAD)
    assert ATTR_PAYLOAD_BLOCK in method.get_text()
    other = BeautifulSoup((hostile_site / "metoder/skuggning/index.html").read_text(encoding="utf-8"), "html.parser")
    assert _heading(other) == ATTR_PAYLOAD
    assert other.title.get_text().startswith(ATTR_PAYLOAD)


def test_blog_title_and_author_are_text(hostile_site: Path):
    post = BeautifulSoup((hostile_site / "blog/vad-vi-larde-oss-av-var-forsta-idesluss/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    assert _heading(post) == ATTR_PAYLOAD + " " + HTML_PAYLOAD
    index = BeautifulSoup((hostile_site / "blog/index.html").read_text(encoding="utf-8"), "html.parser")
    assert ATTR_PAYLOAD + " " + HTML_PAYLOAD in [h.get_text(strip=True) for h in index.find_all("h2")]
    contacts = (hostile_site / "kontakter/index.html").read_text(encoding="utf-8")
    assert "Anna " + HTML_PAYLOAD in BeautifulSoup(contacts, "html.parser").get_text()


def test_search_metadata_keeps_titles_as_text(hostile_site: Path):
    """The title Pagefind shows in results is text in the page (the search box sets it as text too)."""
    method = BeautifulSoup((hostile_site / "metoder/anvandarintervjuer/index.html").read_text(encoding="utf-8"),
                           "html.parser")
    titles = method.select('[data-pagefind-meta="title"]')
    assert len(titles) == 1, "the method is not marked for the search index"
    assert titles[0].find("img") is None and "<img" in titles[0].get_text()


# --- URL and path fields are typed: a bad value is an error at its line -------------

CASE = "cases/sms-paminnelser.md"


@pytest.mark.parametrize("url, message", [
    ("https://x.example/)<img src=x onerror=alert(1)>",
     "'https://x.example/)<img src=x onerror=alert(1)>' innehåller tecknet < (kopiera adressen från "
     "webbläsarens adressfält; mellanslag skrivs %20)"),
    ("javascript:alert(1)", "'javascript:alert(1)' är ingen webbadress (skriv hela adressen, med https:// först)"),
    ("data:text/html,<script>", "'data:text/html,<script>' är ingen webbadress (skriv hela adressen, med "
                                "https:// först)"),
    ('https://x.example/"onmouseover="alert(1)', "'https://x.example/\"onmouseover=\"alert(1)' innehåller "
     "citattecken (\") (kopiera adressen från webbläsarens adressfält; mellanslag skrivs %20)"),
    ("https://x.example/a b", "'https://x.example/a b' innehåller ett mellanslag (kopiera adressen från "
                              "webbläsarens adressfält; mellanslag skrivs %20)"),
    ("https://x.example/(a", "'https://x.example/(a' har en parentes som inte stängs (kontrollera att "
                             "adressen är hel)"),
    ("HTTPS://x.example/", "'HTTPS://x.example/' ska börja med https:// eller http:// (små bokstäver, två "
                           "snedstreck) (t.ex. https://www.kommun.se)"),
])
def test_url_fields_refuse_what_could_leave_the_link(arena, url, message):
    arena.replace(CASE, "tags: [tjänstedesign]\n",
                  f"tags: [tjänstedesign]\nlinks:\n  - title: Mer\n    url: {json.dumps(url)}\n")
    assert arena.problems() == [f"{CASE}:14: links[0].url: {message}"]


@pytest.mark.parametrize("src, message", [
    ("../../data/people.yml", "'../../data/people.yml' pekar utanför innehållets mapp (..) (skriv sökvägen från "
                              "innehållsfilen, t.ex. bilder/min-bild.jpg)"),
    ("/etc/passwd", "'/etc/passwd' börjar med ett snedstreck (skriv sökvägen från innehållsfilen, t.ex. "
                    "bilder/min-bild.jpg)"),
    ("https://tracker.example/pixel.gif", "'https://tracker.example/pixel.gif' är en adress, inte en fil i arenan "
                                          "(skriv sökvägen från innehållsfilen, t.ex. bilder/min-bild.jpg)"),
    ('bilder/a.png" onerror="x', "'bilder/a.png\" onerror=\"x' innehåller tecknet \" (döp om filen till "
                                 "bokstäver, siffror och bindestreck)"),
])
def test_image_src_is_a_file_beside_the_item(arena, src, message):
    arena.replace(CASE, "tags: [tjänstedesign]\n",
                  f"tags: [tjänstedesign]\nimage:\n  src: {json.dumps(src)}\n  alt: En bild\n")
    assert arena.problems() == [f"{CASE}:13: image.src: {message}"]


def test_valid_urls_are_emitted_percent_encoded():
    from kunskapsarena.generate.escape import url

    assert url("https://sv.wikipedia.org/wiki/Design_(teknik)") == "https://sv.wikipedia.org/wiki/Design_%28teknik%29"
    assert url("https://www.båstad.se/Å?a=[1]&b=2") == "https://www.xn--bstad-mra.se/%C3%85?a=%5B1%5D&amp;b=2"
    with pytest.raises(ValueError):
        url("javascript:alert(1)")


# --- In a real browser: nothing the payloads carry runs ------------------------------


def test_no_payload_runs_in_a_browser(hostile_site: Path, browser):
    """Every page of the hostile site, and a search for the payloads, with the CSP bypassed.

    The Content-Security-Policy would block inline handlers on its own; this
    test switches it off so that it proves the escaping, not the policy.
    """
    from browser_harness import served, themed_pages

    context = browser.new_context(bypass_csp=True, locale="sv-SE")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        with served(hostile_site) as base:
            ran = []
            # Every themed page a payload reached (its flag text is in the page's source).
            def source(url: str) -> str:
                path = hostile_site / url.lstrip("/")
                return (path / "index.html" if url.endswith("/") else path).read_text(encoding="utf-8")

            reached = [url for url in themed_pages(hostile_site) if "__xss" in source(url)]
            assert len(reached) > 15, reached
            for url in reached:
                page.goto(base + url, wait_until="load")
                page.mouse.move(5, 5)
                page.mouse.move(300, 200)
                flag = page.evaluate("window.__xss")
                if flag or page.url != base + url:
                    ran.append(f"{url}: {flag} ({page.url})")
            page.goto(base + "/")
            page.keyboard.press("/")
            page.keyboard.type("Qzx")
            page.wait_for_selector("[data-ka-search-results] > li", timeout=10_000)
            page.keyboard.press("ArrowDown")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            if page.evaluate("window.__xss"):
                ran.append(f"search: {page.evaluate('window.__xss')}")
            assert not ran, "payloads ran:\n" + "\n".join(ran)
            assert not errors, errors
    finally:
        context.close()


# --- Pages in content/: only the front matter keys the arena knows ------------------


def test_content_pages_may_not_choose_templates_or_icons(tmp_path):
    from kunskapsarena.check.site_pages import site_page_problems

    page = tmp_path / "content" / "om.md"
    page.parent.mkdir(parents=True)
    page.write_text('---\ntitle: Om oss\ntemplate: "../../etc/passwd"\nhide: [toc, sidebar]\n'
                    'status: "new\\" onmouseover=\\"x"\n---\n\n# Om oss\n', encoding="utf-8")
    assert [str(p) for p in site_page_problems(tmp_path)] == [
        "content/om.md:3: template: okänt fält (menade du 'compliance'?)",
        "content/om.md:4: hide[1]: 'sidebar' finns inte bland navigation, toc, footer, path",
        "content/om.md:5: status: okänt fält (tillåtna fält: title, description, hide, search, compliance)",
    ]
