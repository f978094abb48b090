"""Validation: one test per kind of bad input, each naming path, line and field."""

from __future__ import annotations

import pytest

from conftest import ArenaDir


def test_minimal_fixture_is_valid(arena: ArenaDir):
    assert arena.problems() == []


def test_missing_required_field(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "difficulty: medel\n", "")
    assert arena.problems() == [
        "methods/kundresa.md:1: difficulty: saknas men måste finnas (lägg till raden difficulty: lätt)"]


def test_unknown_key_suggests_the_field_meant(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "summary:", "sumary:")
    # One mistake, one message: the missing 'summary' is the misspelt key.
    assert arena.problems() == [
        "methods/kundresa.md:3: sumary: okänt fält (menade du 'summary'? det fältet saknas)",
    ]


def test_enum_value_with_did_you_mean(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: medium")
    assert arena.problems() == [
        "methods/kundresa.md:11: difficulty: 'medium' finns inte bland lätt, medel, avancerad "
        "(menade du 'medel'?)"]


def test_wrong_type_in_nested_field(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "  min: 60", "  min: en timme")
    assert arena.problems() == [
        "methods/kundresa.md:6: duration.min: ska vara ett heltal, inte 'en timme' (skriv bara siffror, t.ex. 30)"]


def test_range_min_above_max(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "  min: 60", "  min: 180")
    assert arena.problems() == ["methods/kundresa.md:5: duration: min (180) är större än max (120)"]


def test_list_needs_at_least_one_value(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "phases: [förstå]", "phases: []")
    assert arena.problems() == ["methods/kundresa.md:4: phases: behöver minst 1 värde"]


def test_summary_too_long(arena: ArenaDir):
    summary = "Påhittade men realistiska användare. " * 9
    arena.replace("methods/personas.md", "summary: Påhittade men realistiska användare som håller gruppen kvar vid verkliga behov.",
                  f"summary: {summary}")
    assert arena.problems() == [
        f"methods/personas.md:3: summary: är {len(summary.strip())} tecken långt, högst 300 är tillåtet (korta texten)"]


def test_implausible_year(arena: ArenaDir):
    arena.replace("cases/sms-paminnelser.md", "year: 2025", "year: 1850")
    assert arena.problems() == [
        "cases/sms-paminnelser.md:6: year: årtalet 1850 är inte rimligt (ska vara 1990–2027)"]


def test_impossible_date(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "updated: 2026-01-10", "updated: 2026-02-30")
    assert arena.problems() == [
        "methods/kundresa.md:20: updated: '2026-02-30' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-01)"]


def test_date_in_the_future(arena: ArenaDir):
    arena.replace("cases/sms-paminnelser.md", "published: 2026-03-01", "published: 2027-03-01")
    assert arena.problems() == [
        "cases/sms-paminnelser.md:12: published: datumet 2027-03-01 ligger i framtiden (i dag är 2026-11-23)"]


def test_invalid_url(arena: ArenaDir):
    arena.replace("methods/personas.md", "license:", "source: {name: Boken, url: www.exempel.se}\nlicense:")
    assert arena.problems() == [
        "methods/personas.md:8: source.url: 'www.exempel.se' är ingen webbadress (skriv hela adressen, med https:// först)"]


def test_unknown_related_method_with_did_you_mean(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "related: [personas]", "related: [persona]")
    assert arena.problems() == [
        "methods/kundresa.md:14: related[0]: 'persona' finns inte i methods/ (menade du 'personas'?)"]


def test_method_cannot_relate_to_itself(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "related: [personas]", "related: [personas, kundresa]")
    assert arena.problems() == [
        "methods/kundresa.md:14: related: en metod kan inte vara relaterad till sig själv (ta bort 'kundresa')"]


def test_unknown_method_in_case(arena: ArenaDir):
    arena.replace("cases/sms-paminnelser.md", "methods: [kundresa]", "methods:\n  - kundresa\n  - kundresan")
    assert arena.problems() == [
        "cases/sms-paminnelser.md:10: methods[1]: 'kundresan' finns inte i methods/ (menade du 'kundresa'?)"]


def test_unknown_person(arena: ArenaDir):
    arena.replace("methods/personas.md", "contacts: [eva-berg]", "contacts: [eva-bergh]")
    assert arena.problems() == [
        "methods/personas.md:9: contacts[0]: 'eva-bergh' finns inte i data/people.yml (menade du 'eva-berg'?)"]


def test_unknown_blog_author(arena: ArenaDir):
    arena.replace("blog/posts/forsta-inlagget.md", "authors: [eva-berg]", "authors: [okänd]")
    assert arena.problems() == [
        "blog/posts/forsta-inlagget.md:4: authors[0]: 'okänd' finns inte i data/people.yml "
        "(välj bland eva-berg eller lägg till personen i data/people.yml)"]


def test_unknown_organisation(arena: ArenaDir):
    arena.replace("cases/sms-paminnelser.md", "organisation: lulea-kommun", "organisation: lulea")
    assert arena.problems() == [
        "cases/sms-paminnelser.md:4: organisation: 'lulea' finns inte bland lulea-kommun "
        "(menade du 'lulea-kommun'?)"]


def test_unknown_value_without_close_match_explains_where_to_add_it(arena: ArenaDir):
    arena.replace("cases/sms-paminnelser.md", "organisation: lulea-kommun", "organisation: boden")
    assert arena.problems() == [
        "cases/sms-paminnelser.md:4: organisation: 'boden' finns inte bland lulea-kommun "
        "(lägg till värdet under organisations i data/taxonomy.yml om det behövs)"]


def test_unknown_tag_and_category(arena: ArenaDir):
    arena.replace("blog/posts/forsta-inlagget.md", "categories: [Erfarenheter]",
                  "categories: [erfarenheter]\ntags: [workshopp]")
    assert arena.problems() == [
        "blog/posts/forsta-inlagget.md:5: categories[0]: 'erfarenheter' finns inte bland Erfarenheter "
        "(menade du 'Erfarenheter'?)",
        "blog/posts/forsta-inlagget.md:6: tags[0]: 'workshopp' finns inte bland workshop, tjänstedesign "
        "(menade du 'workshop'?)",
    ]


def test_unknown_vocabulary_in_nested_list(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "  - topic: gdpr", "  - topic: GDPR")
    assert arena.problems() == [
        "methods/kundresa.md:18: considerations[0].topic: 'GDPR' finns inte bland gdpr (menade du 'gdpr'?)"]


def test_file_name_must_be_a_slug(arena: ArenaDir):
    arena.path("methods/personas.md").rename(arena.path("methods/Personas Ny.md"))
    arena.replace("methods/kundresa.md", "related: [personas]", "related: []")
    assert arena.problems() == [
        "methods/Personas Ny.md:1: filnamn: 'Personas Ny.md' är inget giltigt filnamn "
        "(använd små bokstäver a–z, siffror och bindestreck: personas-ny.md)"]


def test_slug_unique_within_a_type(arena: ArenaDir):
    arena.write("methods/arkiv/personas.md", arena.read("methods/personas.md"))
    assert arena.problems() == [
        "methods/personas.md:1: filnamn: samma slug 'personas' som methods/arkiv/personas.md "
        "(två filer av samma typ får inte ha samma namn; döp om den ena)"]


def test_malformed_yaml_reports_its_line(arena: ArenaDir):
    arena.replace("methods/personas.md", "difficulty: lätt", "difficulty: [lätt")
    [problem] = arena.problems()
    assert problem.startswith("methods/personas.md:8: front matter: ogiltig YAML")


def test_colon_in_value_gets_a_quoting_hint(arena: ArenaDir):
    arena.replace("methods/personas.md", "title: Personas", "title: Personas: så gör du")
    assert arena.problems() == [
        "methods/personas.md:2: front matter: ogiltig YAML: ett kolon (:) mitt i ett värde; sätt värdet "
        "inom citattecken, t.ex. title: \"Metod: så gör du\""]


def test_python_tags_are_refused_not_run(arena: ArenaDir, tmp_path):
    marker = tmp_path / "pwned"
    arena.replace("methods/personas.md", "difficulty: lätt",
                  f"difficulty: !!python/object/apply:os.system ['touch {marker}']")
    assert arena.problems() == [
        "methods/personas.md:7: front matter: YAML-taggar (!!…) är inte tillåtna i innehållsfiler; ta bort taggen"]
    assert not marker.exists()


def test_duplicate_key(arena: ArenaDir):
    arena.replace("methods/personas.md", "difficulty: lätt", "difficulty: lätt\ndifficulty: medel")
    assert arena.problems() == [
        "methods/personas.md:8: front matter: fältet 'difficulty' står två gånger; ta bort det ena"]


def test_empty_file(arena: ArenaDir):
    arena.write("methods/tom.md", "  \n")
    assert arena.problems() == [
        "methods/tom.md:1: fil: filen är tom (fyll i front matter och text, eller ta bort filen)"]


def test_file_not_utf8(arena: ArenaDir):
    arena.write("methods/latin.md", arena.read("methods/personas.md").replace(
        "title: Personas", "title: Personas").encode("utf-8").replace("Påhittade".encode(), "Påhittade".encode("latin-1")))
    assert arena.problems() == [
        "methods/latin.md:3: fil: filen är inte sparad som UTF-8 (spara om filen med teckenkodningen UTF-8 i din editor)"]


def test_missing_front_matter(arena: ArenaDir):
    arena.write("methods/utan.md", "# Bara text\n")
    assert arena.problems() == [
        "methods/utan.md:1: front matter: filen börjar inte med front matter "
        "(första raden ska vara --- och fälten avslutas med en rad ---)"]


def test_missing_body_section_and_level_one_heading(arena: ArenaDir):
    arena.replace("methods/personas.md", "## Så gör du", "# Så gör du")
    assert arena.problems() == [
        "methods/personas.md:12: body: avsnittet '## Så gör du' saknas "
        "(lägg till rubriken ## Så gör du i texten (ordningen ska vara: Syfte, Så gör du))",
        "methods/personas.md:17: body: rubriken '# Så gör du' är på nivå 1 "
        "(sidans titel kommer från title; börja rubrikerna i texten med ##)",
    ]


def test_heading_inside_code_block_is_not_a_heading(arena: ArenaDir):
    arena.replace("methods/personas.md", "1. Samla", "```\n# inte en rubrik\n```\n\n1. Samla")
    assert arena.problems() == []


def test_all_problems_in_one_run(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: svår")
    arena.replace("cases/sms-paminnelser.md", "status: infört", "status: klart")
    arena.replace("data/people.yml", "email: eva.berg@lulea.example", "email: eva.berg")
    problems = arena.problems()
    assert [p.split(": ")[0] for p in problems] == [   # the data files first: they explain other mistakes
        "data/people.yml:5", "cases/sms-paminnelser.md:7", "methods/kundresa.md:11"]


def test_people_file_problems(arena: ArenaDir):
    arena.replace("data/people.yml", "organisation: lulea-kommun", "organisation: lulea-komun")
    problems = arena.problems()
    assert problems[0] == (
        "data/people.yml:4: eva-berg.organisation: 'lulea-komun' finns inte bland lulea-kommun "
        "(menade du 'lulea-kommun'?)")


def test_taxonomy_problems(arena: ArenaDir):
    arena.replace("data/taxonomy.yml", "    region: norrbotten", "    region: norrland")
    arena.replace("data/taxonomy.yml", "blog_categories:", "blog_category:")
    assert arena.problems() == [
        "data/taxonomy.yml:1: blog_categories: saknas eller är varken en lista eller en grupp id: etikett "
        "(lägg till blog_categories med ett värde per rad: id: Etikett)",
        "data/taxonomy.yml:20: organisations.lulea-kommun.region: 'norrland' finns inte bland norrbotten "
        "(menade du 'norrbotten'?)",
        "data/taxonomy.yml:21: blog_category: okänd vokabulär (menade du 'blog_categories'?)",
    ]


@pytest.mark.parametrize("value", ["no", "yes", "on"])
def test_yaml_words_are_not_booleans(arena: ArenaDir, value: str):
    """'no' stays text (not False) so it is reported as an unknown value, not a type error."""
    arena.replace("methods/personas.md", "difficulty: lätt", f"difficulty: {value}")
    [problem] = arena.problems()
    assert problem.startswith(f"methods/personas.md:7: difficulty: '{value}' finns inte bland")


def test_validation_never_modifies_files(arena: ArenaDir):
    from conftest import tree_digest

    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: svår")
    before = tree_digest(arena.root)
    assert arena.problems()
    assert tree_digest(arena.root) == before
