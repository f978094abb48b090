"""Accessibility lint in `arena check`: one test per rule, each naming path, line and field."""

from __future__ import annotations

from conftest import REPO, ArenaDir
from kunskapsarena import load_arena
from kunskapsarena.model.problems import Severity

METHOD = "methods/kundresa.md"   # body starts at line 22; line 25 is "Se tjänsten med invånarens ögon."


def test_markdown_image_without_alt_text_is_an_error(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.", "Se tjänsten.\n\n![](resa.png)")
    assert arena.problems() == [
        "methods/kundresa.md:27: body: bilden saknar alternativtext "
        "(beskriv bilden mellan hakparenteserna: ![Vad bilden visar](bild.png))"]


def test_html_image_without_alt_attribute_is_an_error_but_empty_alt_is_decorative(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.",
                  '<img src="dekor.png" alt="">\n\n<img src="resa.png" width="300">')
    assert arena.problems() == [
        "methods/kundresa.md:27: body: bilden (<img>) saknar alt-attribut "
        "(lägg till alt=\"vad bilden visar\", eller alt=\"\" om bilden bara är dekoration)"]


def test_skipped_heading_level_is_a_warning(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.", "Se tjänsten.\n\n#### Förberedelser\n\nText.")
    assert arena.problems() == [
        "methods/kundresa.md:27: body: rubriken '#### Förberedelser' hoppar över nivå 3 "
        "(använd ### eller lägg till en rubrik på nivå 3 före) [varning]"]


def test_first_body_heading_below_level_two_skips_a_level(arena: ArenaDir):
    arena.replace(METHOD, "## Syfte\n", "### Bakgrund\n\n## Syfte\n")
    assert arena.problems() == [
        "methods/kundresa.md:23: body: rubriken '### Bakgrund' hoppar över nivå 2 "
        "(använd ## eller lägg till en rubrik på nivå 2 före) [varning]"]


def test_vague_link_text_is_a_warning(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.",
                  "Se tjänsten. Mer om metoden finns [här](https://exempel.example/kundresa).\n"
                  'Eller <a href="https://exempel.example/">Läs mer…</a>')
    problems = [str(p) for p in load_arena(arena.root).problems]
    hint = ("skriv målet i länktexten, t.ex. [Läs om tjänstedesign](...); skärmläsare listar länkar "
            "utan sammanhang")
    assert problems == [
        f"methods/kundresa.md:25: body: länktexten 'här' säger inte vart länken leder ({hint}) [varning]",
        f"methods/kundresa.md:26: body: länktexten 'Läs mer…' säger inte vart länken leder ({hint}) [varning]",
    ]


def test_descriptive_link_text_is_fine(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.",
                  "Läs [mer om kundresor hos Göteborgs Stad](https://exempel.example/) här.")
    assert arena.problems() == []


def test_link_without_text_is_an_error(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.", "Se [](https://exempel.example/) tjänsten.")
    assert arena.problems() == [
        "methods/kundresa.md:25: body: länken saknar text "
        "(skriv vart länken leder mellan hakparenteserna: [Metodbanken](...))"]


def test_colour_only_emphasis_is_an_error(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.",
                  'Se <span style="color: red">viktigt</span>.\n\nOch <font color="#f00">detta</font>.\n\n'
                  "Även attribut: obs{ style=\"font-weight: bold; color:blue\" }")
    hint = ("färgen når inte skärmläsare och kan ge för låg kontrast i mörkt läge; använd **fetstil**, "
            "en rubrik eller en ruta (!!! note) i stället")
    # The HTML policy refuses style and <font> as well (tests/test_html_policy.py); here only the colour rule.
    assert [p for p in arena.problems() if "färg används" in p] == [
        f"methods/kundresa.md:{line}: body: färg används för att markera text ({hint})" for line in (25, 27, 29)]


def test_code_is_not_linted(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.",
                  "Skriv inte `[här](url)` eller `![](bild.png)`.\n\n```html\n<img src=\"a.png\">\n"
                  "<font color=\"red\">x</font>\n#### inte en rubrik\n```")
    assert arena.problems() == []


def test_warnings_do_not_keep_an_item_off_the_site(arena: ArenaDir):
    arena.replace(METHOD, "Se tjänsten med invånarens ögon.", "Se [här](https://exempel.example/).")
    loaded = load_arena(arena.root)
    assert [p.severity for p in loaded.problems] == [Severity.WARNING]
    assert loaded.ok
    assert "kundresa" in loaded.records["method"]


def test_site_pages_in_content_are_linted_too(arena: ArenaDir):
    arena.write("content/om.md", "# Om arenan\n\n## Kontakt\n\n#### Telefon\n\n![](karta.png)\n")
    arena.write("content/karta.png", b"")   # the image exists: only its missing text is reported
    assert arena.problems() == [
        "content/om.md:5: body: rubriken '#### Telefon' hoppar över nivå 3 "
        "(använd ### eller lägg till en rubrik på nivå 3 före) [varning]",
        "content/om.md:7: body: bilden saknar alternativtext "
        "(beskriv bilden mellan hakparenteserna: ![Vad bilden visar](bild.png))",
    ]


def test_content_page_with_front_matter_reports_file_lines(arena: ArenaDir):
    arena.write("content/index.md", "---\ntitle: Start\nhide: [toc]\n---\n\nVälkommen! [Klicka här](om.md).\n")
    assert arena.problems() == [
        "content/index.md:6: body: länktexten 'Klicka här' säger inte vart länken leder "
        "(skriv målet i länktexten, t.ex. [Läs om tjänstedesign](...); skärmläsare listar länkar utan "
        "sammanhang) [varning]"]


def test_demo_content_passes_the_lint():
    found = [str(p) for p in load_arena(REPO).problems]
    assert found == []
