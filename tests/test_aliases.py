"""Renamed items keep their URLs: `aliases` on every content type, checked and redirected."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import TODAY, ArenaDir
from kunskapsarena import CONTENT_TYPES, load_arena
from kunskapsarena.generate.pages.redirects import redirect_pages
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.model.fields import Item


def add_aliases(arena: ArenaDir, rel: str, aliases: str) -> None:
    text = arena.read(rel)
    arena.write(rel, text.replace("\n---\n", f"\naliases: {aliases}\n---\n", 1))


def test_every_content_type_has_aliases():
    for ctype in CONTENT_TYPES:
        assert issubclass(ctype.model, Item), f"{ctype.name}: subclass fields.Item, not Model"
        assert "aliases" in ctype.model.model_fields


def test_valid_aliases_pass(arena: ArenaDir):
    add_aliases(arena, "methods/kundresa.md", "[kundresan, tjanstekarta]")
    add_aliases(arena, "cases/sms-paminnelser.md", "[kundresan]")   # other type: other URL space
    add_aliases(arena, "blog/posts/forsta-inlagget.md", "[hej-varlden]")
    assert arena.problems() == []


def test_alias_that_is_a_live_slug_is_an_error(arena: ArenaDir):
    add_aliases(arena, "methods/kundresa.md", "[kundresan, personas]")
    assert arena.problems() == [
        "methods/kundresa.md:21: aliases[1]: 'personas' är adressen till methods/personas.md, som finns "
        "(en adress kan bara leda till en sida: ta bort den här raden eller byt namn på den andra filen)"]


def test_alias_claimed_by_two_items_is_an_error_in_both(arena: ArenaDir):
    add_aliases(arena, "methods/kundresa.md", "\n  - gammal-metod")
    add_aliases(arena, "methods/personas.md", "[tidigare, gammal-metod]")
    found = [p for p in arena.problems() if "gammal-metod" in p]
    personas_line = arena.read("methods/personas.md").splitlines().index("aliases: [tidigare, gammal-metod]") + 1
    assert found == [
        "methods/kundresa.md:22: aliases[0]: 'gammal-metod' är också en tidigare adress för methods/personas.md "
        "(en gammal adress kan bara leda till en sida; behåll den där den hör hemma)",
        f"methods/personas.md:{personas_line}: aliases[1]: 'gammal-metod' är också en tidigare adress för "
        "methods/kundresa.md (en gammal adress kan bara leda till en sida; behåll den där den hör hemma)",
    ]


def test_alias_own_name_repeat_and_bad_slug(arena: ArenaDir):
    add_aliases(arena, "methods/kundresa.md", "[kundresa, Kund Resa, gammal, gammal]")
    assert arena.problems() == [
        "methods/kundresa.md:21: aliases[0]: 'kundresa' är sidans nuvarande namn "
        "(ta bort det; bara tidigare namn hör hit)",
        "methods/kundresa.md:21: aliases[1]: 'Kund Resa' är ingen giltig adress "
        "(skriv det gamla filnamnet utan .md, t.ex. kund-resa)",
        "methods/kundresa.md:21: aliases[3]: 'gammal' står två gånger (ta bort den ena)",
    ]


def test_aliases_must_be_a_list(arena: ArenaDir):
    add_aliases(arena, "methods/kundresa.md", "kundresan")
    assert arena.problems() == [
        "methods/kundresa.md:21: aliases: ska vara en lista "
        "(skriv t.ex. [a, b] eller ett värde per rad som börjar med '- ')"]


def test_redirect_pages_point_at_the_new_address(arena: ArenaDir):
    add_aliases(arena, "methods/kundresa.md", "[kundresan]")
    add_aliases(arena, "blog/posts/forsta-inlagget.md", "[hej-varlden]")
    pages = redirect_pages(load_arena(arena.root, today=TODAY), SiteInfo(url="https://arena.example/", today=TODAY))
    assert sorted(pages) == ["blog/hej-varlden/index.html", "metoder/kundresan/index.html"]
    soup = BeautifulSoup(pages["metoder/kundresan/index.html"], "html.parser")
    assert soup.html["lang"] == "sv"
    assert soup.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../kundresa/"
    assert soup.select_one('link[rel="canonical"]')["href"] == "https://arena.example/metoder/kundresa/"
    assert soup.select_one("body a")["href"] == "../kundresa/"
    assert soup.title.get_text() == "Sidan har flyttat: Kundresa"
