"""Names that become files and addresses: not the site's own pages, not Windows devices, not too long."""

from __future__ import annotations

import pytest

from conftest import TODAY, ArenaDir
from kunskapsarena import CONTENT_TYPES, EVENT, IDEA, METHOD, POST, load_arena
from kunskapsarena.check.names import MAX_NAME_LENGTH, WINDOWS_RESERVED, generated_names, shorten, url_section
from kunskapsarena.generate.editors.scaffold import ScaffoldError, new_item
from kunskapsarena.generate.outputs import site_outputs
from kunskapsarena.generate.pages.event_pages import ics_uri
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.model.slugs import slugify
from kunskapsarena.model.vocabulary_urls import ORGANISATION_SECTION, TAG_SECTION


def copy_item(arena: ArenaDir, source: str, target: str) -> None:
    arena.write(target, arena.read(source))


def test_every_page_the_builders_make_in_a_section_is_a_reserved_name(typed: ArenaDir):
    """names.py lists the generated pages (check stays free of templates); this keeps the list true."""
    arena = load_arena(typed.root, today=TODAY)
    assert arena.ok, arena.problems
    own = {record.page_uri for record in arena.all_records()} | {ics_uri(e) for e in arena.of_type(EVENT)}
    vocabulary_pages = {f"{TAG_SECTION}/{slugify(tag)}.md" for tag in arena.taxonomy.ids("tags")} | {
        f"{ORGANISATION_SECTION}/{slugify(org)}.md" for org in arena.taxonomy.organisations}
    sections = {url_section(ctype) for ctype in CONTENT_TYPES} | {TAG_SECTION, ORGANISATION_SECTION}
    checked = []
    for path in site_outputs(arena, SiteInfo("", TODAY)):
        section, _, rest = path.partition("/")
        if section not in sections or not rest or path in own or path in vocabulary_pages:
            continue
        name = rest.split("/")[0].split(".")[0]
        assert name in generated_names(section), f"{path}: add it to names.py _GENERATED"
        checked.append(path)
    assert {"metoder/per-fas.md", "metoder/skriv-ut.md", "exempel/per-organisation.md", "ideer/foresla.md",
            "evenemang/kalender.ics", "taggar/index.md"} <= set(checked)


def test_windows_reserved_names_are_the_devices():
    assert WINDOWS_RESERVED == {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                                *(f"lpt{n}" for n in range(1, 10))}


@pytest.mark.parametrize(("ctype", "name", "message"), [
    (METHOD, "per-fas", "'per-fas' är adressen till en sida som webbplatsen själv skapar (metoder/per-fas/) "
                        "(byt namn på filen, t.ex. till per-fas-1.md)"),
    (METHOD, "skriv-ut", "'skriv-ut' är adressen till en sida som webbplatsen själv skapar (metoder/skriv-ut/) "
                         "(byt namn på filen, t.ex. till skriv-ut-1.md)"),
    (METHOD, "index", "'index' är adressen till en sida som webbplatsen själv skapar (metoder/) "
                      "(byt namn på filen, t.ex. till index-1.md)"),
    (IDEA, "foresla", "'foresla' är adressen till en sida som webbplatsen själv skapar (ideer/foresla/) "
                      "(byt namn på filen, t.ex. till foresla-1.md)"),
    (EVENT, "ics", "'ics' är adressen till en sida som webbplatsen själv skapar (evenemang/ics/) "
                   "(byt namn på filen, t.ex. till ics-1.md)"),
    (EVENT, "kalender", "'kalender' är adressen till en sida som webbplatsen själv skapar (evenemang/kalender/) "
                        "(byt namn på filen, t.ex. till kalender-1.md)"),
    (POST, "archive", "'archive' är adressen till en sida som webbplatsen själv skapar (blog/archive/) "
                      "(byt namn på filen, t.ex. till archive-1.md)"),
    (METHOD, "con", "'con' är ett reserverat namn i Windows och går inte att spara där "
                    "(byt namn på filen, t.ex. till con-1.md)"),
    (METHOD, "lpt9", "'lpt9' är ett reserverat namn i Windows och går inte att spara där "
                     "(byt namn på filen, t.ex. till lpt9-1.md)"),
])
def test_reserved_file_names_are_errors(typed: ArenaDir, ctype, name, message):
    source = {METHOD: "methods/kundresa.md", IDEA: "ideas/digital-fika.md", EVENT: "events/innovationsdagen.md",
              POST: "blog/posts/forsta-inlagget.md"}[ctype]
    target = f"{ctype.folder}/{name}.md"
    copy_item(typed, source, target)
    assert typed.problems() == [f"{target}:1: filnamn: {message}"]


def test_section_names_of_other_sections_are_free(arena: ArenaDir):
    copy_item(arena, "methods/kundresa.md", "methods/foresla.md")   # ideer/foresla, not metoder/foresla
    copy_item(arena, "methods/kundresa.md", "methods/console.md")
    assert arena.problems() == []


def test_file_name_over_100_characters(arena: ArenaDir):
    name = "-".join(["mycket-lang-titel"] * 6)   # 107 characters
    copy_item(arena, "methods/kundresa.md", f"methods/{name}.md")
    short = "-".join(["mycket-lang-titel"] * 5) + "-mycket"   # cut where a word ends
    assert len(short) <= MAX_NAME_LENGTH
    assert arena.problems() == [f"methods/{name}.md:1: filnamn: namnet är 107 tecken långt, högst 100 är tillåtet "
                                f"(byt namn på filen, t.ex. till {short}.md)"]


def test_names_differing_only_in_case(arena: ArenaDir):
    copy_item(arena, "methods/kundresa.md", "methods/Kundresa.md")
    assert arena.problems() == [
        "methods/Kundresa.md:1: filnamn: 'Kundresa.md' och kundresa.md skiljer sig bara i stora och små bokstäver, "
        "och blir samma fil i Windows och macOS (ta bort den ena filen eller byt namn på den: kundresa-2.md)"]


def test_upper_case_name_alone_keeps_the_slug_hint(arena: ArenaDir):
    copy_item(arena, "methods/kundresa.md", "methods/Ny_Metod.md")
    assert arena.problems() == ["methods/Ny_Metod.md:1: filnamn: 'Ny_Metod.md' är inget giltigt filnamn "
                                "(använd små bokstäver a–z, siffror och bindestreck: ny-metod.md)"]


def test_aliases_are_checked_against_generated_pages(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "title: Kundresa", "title: Kundresa\naliases: [per-fas, nul, gammal-resa]")
    assert arena.problems() == [
        "methods/kundresa.md:3: aliases[0]: 'per-fas' är adressen till en sida som webbplatsen själv skapar "
        "(metoder/per-fas/) (ta bort raden: en sådan adress kan inte leda hit)",
        "methods/kundresa.md:3: aliases[1]: 'nul' är ett reserverat namn i Windows och går inte att spara där "
        "(ta bort raden: en sådan adress kan inte leda hit)",
    ]


BANG = "  '!!!'"


def test_vocabulary_ids(arena: ArenaDir):
    long_id = "a" * 101
    arena.replace("data/taxonomy.yml", "  tjänstedesign: Tjänstedesign\n",
                  "  tjänstedesign: Tjänstedesign\n  Tjänstedesign: Igen\n  index: Index\n  '!!!': Utrop\n"
                  f"  aux: Aux\n  {long_id}: Lång\n")
    arena.replace("data/taxonomy.yml", "  - Erfarenheter\n", "  - Erfarenheter\n  - erfarenheter\n")
    arena.replace("data/taxonomy.yml", "  testa: Testa\n", "  testa: Testa\n  TESTA: Igen\n")
    line = {text: arena.read("data/taxonomy.yml").split(text)[0].count("\n") + 1
            for text in ("  TESTA", "  - erfarenheter", "  Tjänstedesign", "  index", BANG, "  aux", "  aaa")}
    assert arena.problems() == [
        f"data/taxonomy.yml:{line['  TESTA']}: phases.TESTA: 'TESTA' och 'testa' skiljer sig bara i stora och "
        "små bokstäver (slå ihop dem eller byt id på den ena)",
        f"data/taxonomy.yml:{line['  - erfarenheter']}: blog_categories[1]: 'erfarenheter' och 'Erfarenheter' "
        "får samma adress (blog/category/erfarenheter/) (slå ihop dem eller byt id på den ena)",
        f"data/taxonomy.yml:{line['  Tjänstedesign']}: tags.Tjänstedesign: 'Tjänstedesign' och 'tjänstedesign' "
        "får samma adress (taggar/tjanstedesign/) (slå ihop dem eller byt id på den ena)",
        f"data/taxonomy.yml:{line['  index']}: tags.index: 'index' är adressen till en sida som webbplatsen själv "
        "skapar (taggar/) (byt id, t.ex. till index-1, och ändra det där det används)",
        f"data/taxonomy.yml:{line[BANG]}: tags.!!!: '!!!' ger ingen adress (taggar/…/) "
        "(använd bokstäver eller siffror i id:t)",
        f"data/taxonomy.yml:{line['  aux']}: tags.aux: 'aux' är ett reserverat namn i Windows och går inte att "
        "spara där (byt id, t.ex. till aux-1, och ändra det där det används)",
        f"data/taxonomy.yml:{line['  aaa']}: tags.{long_id}: id:t är 101 tecken långt, högst 100 är tillåtet "
        f"(korta det, t.ex. {'a' * 100})",
    ]


def test_organisation_id_that_is_a_generated_page(arena: ArenaDir):
    arena.replace("data/taxonomy.yml", "organisations:\n", "organisations:\n  index:\n    name: Index\n"
                  "    kind: kommun\n    region: norrbotten\n")
    assert arena.problems() == [
        "data/taxonomy.yml:" + str(arena.read("data/taxonomy.yml").split("  index:")[0].count("\n") + 1)
        + ": organisations.index: 'index' är adressen till en sida som webbplatsen själv skapar (organisationer/) "
        "(byt id, t.ex. till index-1, och ändra det där det används)"]


def test_scaffold_shortens_a_long_title_at_a_word(arena: ArenaDir):
    title = "Så här leder du en workshop om tjänstedesign för invånare " * 4
    path = new_item(arena.root, METHOD, title, TODAY)
    assert len(path.stem) <= MAX_NAME_LENGTH
    assert path.stem == shorten(slugify(title))
    assert slugify(title).startswith(path.stem + "-")   # cut where a word ends
    assert [p for p in arena.problems() if p.startswith(f"methods/{path.name}:1: filnamn")] == []


def test_scaffold_with_one_endless_word(arena: ArenaDir):
    path = new_item(arena.root, METHOD, "x" * 300, TODAY)
    assert path.name == "x" * 100 + ".md"


def test_scaffold_refuses_a_generated_name(arena: ArenaDir):
    with pytest.raises(ScaffoldError) as exc:
        new_item(arena.root, METHOD, "Per fas", TODAY)
    assert str(exc.value) == ("filnamnet per-fas.md går inte: 'per-fas' är adressen till en sida som webbplatsen "
                              "själv skapar (metoder/per-fas/); välj en annan titel")


def test_vocabulary_ids_are_plain_words(arena: ArenaDir):
    """Material prints blog categories unescaped (category pages, post headers): ids carry no markup."""
    arena.replace("data/taxonomy.yml", "  - Erfarenheter\n", "  - Erfarenheter\n  - \"Tips<img src=x onerror=alert(1)>\"\n")
    line = arena.read("data/taxonomy.yml").split("  - \"Tips")[0].count("\n") + 1
    assert arena.problems() == [
        f"data/taxonomy.yml:{line}: blog_categories[1]: 'Tips<img src=x onerror=alert(1)>' innehåller tecken som "
        "inte får finnas i ett id (använd bokstäver, siffror, mellanslag, punkt och bindestreck)"]
