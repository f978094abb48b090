"""Resource limits: hostile or odd YAML and huge files give one clear message, never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TODAY, ArenaDir
from kunskapsarena import METHOD, load_arena
from kunskapsarena.model.field_specs import field_names
from kunskapsarena.source.load import MAX_CONTENT_BYTES

DEEP = 30_000   # libyaml's composer overflowed the C stack here (a segfault, not an exception)
TOO_DEEP = ("front matter: värdet är nästlat i mer än 50 nivåer; "
            "kontrollera hakparenteser [ ] och klamrar { } och indraget")


def check_in_subprocess(root: Path) -> subprocess.CompletedProcess:
    """`arena check` in its own process: a segfault or a runaway fails the test, not pytest."""
    return subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "check"],
                          capture_output=True, text=True, timeout=120)


def test_deep_nesting_is_one_message_not_a_segfault(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "materials: [Stort papper]", "materials: " + "[" * DEEP + "]" * DEEP)
    # Block style nests as deep on one line: `- - - - … x`.
    arena.replace("methods/personas.md", "\n---\n", "\nextra:\n  " + "- " * DEEP + "x\n---\n")
    arena.write("data/taxonomy.yml", arena.read("data/taxonomy.yml") + "deep: " + "{a: " * DEEP + "}" * DEEP + "\n")
    result = check_in_subprocess(arena.root)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    taxonomy_line = arena.read("data/taxonomy.yml").count("\n")
    assert lines == [
        "data/taxonomy.yml:" + str(taxonomy_line) + ": yaml: värdet är nästlat i mer än 50 nivåer; "
        "kontrollera hakparenteser [ ] och klamrar { } och indraget",
        "data/taxonomy.yml:" + str(taxonomy_line) + ": yaml: värden ur vokabulärerna (faser, taggar, "
        "organisationer …) i innehållet kontrolleras när filen går att läsa igen (rätta felet ovan och kör "
        "arena check igen) [varning]",
        "methods/kundresa.md:12: " + TOO_DEEP,
        "methods/personas.md:" + str(_line_of(arena, "methods/personas.md", "extra:") + 1) + ": " + TOO_DEEP,
    ]


def _line_of(arena: ArenaDir, rel: str, text: str) -> int:
    return arena.read(rel)[: arena.read(rel).index(text)].count("\n") + 1


def test_nesting_up_to_the_limit_still_parses(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "materials: [Stort papper]", "materials: " + "[" * 49 + "]" * 49)
    assert arena.problems() == ["methods/kundresa.md:12: materials[0]: ska vara text, inte en lista "
                                "(sätt texten inom citattecken)"]


BILLION_LAUGHS = "".join(
    ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)])


def test_alias_bomb_in_people_is_refused_before_it_expands(arena: ArenaDir):
    arena.write("data/people.yml", arena.read("data/people.yml") + BILLION_LAUGHS)
    first = arena.read("data/people.yml").count("\n") - 9
    result = check_in_subprocess(arena.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # One message and one line saying the references to people wait until the file can be read.
    assert result.stdout.splitlines() == [
        f"data/people.yml:{first}: yaml: YAML-ankare (&) är inte tillåtna; "
        "skriv ut värdet på varje ställe där det behövs",
        f"data/people.yml:{first}: yaml: hänvisningar till personer (contacts, authors, speakers …) "
        "kontrolleras när filen går att läsa igen (rätta felet ovan och kör arena check igen) [varning]"]


def test_alias_in_front_matter_is_refused(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "tags: [tjänstedesign]", "tags: *taggar")
    assert arena.problems() == ["methods/kundresa.md:13: front matter: YAML-alias (*) är inte tillåtna; "
                                "skriv ut värdet på varje ställe där det behövs"]


def test_stars_and_ampersands_in_text_are_fine(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "materials: [Stort papper]",
                  'materials: [Stort papper, Penna & sudd, "*fetstil*", a*b]\nsummary2: x')
    assert arena.problems() == ["methods/kundresa.md:13: summary2: okänt fält (menade du 'summary'?)"]


def test_person_written_as_text_is_one_message(arena: ArenaDir):
    arena.write("data/people.yml", arena.read("data/people.yml") + "petra: Petra Ek\n")
    line = arena.read("data/people.yml").count("\n")
    assert arena.problems() == [
        f"data/people.yml:{line}: petra: ska vara en grupp av fält, inte 'Petra Ek' "
        "(skriv fälten på egna rader, indragna under 'petra:', t.ex. name: Petra Ek, role: …, "
        "organisation: …, email: …)"]


def test_person_written_as_a_list_is_one_message(arena: ArenaDir):
    arena.write("data/people.yml", arena.read("data/people.yml") + "petra: [Petra Ek]\n")
    line = arena.read("data/people.yml").count("\n")
    assert arena.problems() == [
        f"data/people.yml:{line}: petra: ska vara en grupp av fält, inte en lista "
        "(skriv fälten på egna rader, indragna under 'petra:', t.ex. name: …, role: …, "
        "organisation: …, email: …)"]


def test_ten_megabyte_body_is_refused_before_reading(arena: ArenaDir):
    arena.write("methods/kundresa.md", arena.read("methods/kundresa.md") + ("Lorem ipsum. " * 80 + "\n\n") * 10_000)
    assert arena.problems() == [
        "methods/kundresa.md:1: fil: filen är 10,4 MB, högst 1,0 MB är tillåtet "
        "(dela upp texten på flera sidor; bilder och bilagor ska vara egna filer)"]


def test_body_just_under_the_size_limit_works(arena: ArenaDir):
    text = arena.read("methods/kundresa.md")
    paragraph = "Lorem ipsum dolor sit amet. " * 30 + "\n\n"
    arena.write("methods/kundresa.md", text + paragraph * ((MAX_CONTENT_BYTES - len(text.encode()) - 1) // len(paragraph)))
    assert arena.problems() == []


def test_list_as_a_key_is_one_message(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "materials: [Stort papper]", "? [a, b]\n: c")
    assert arena.problems() == ["methods/kundresa.md:12: front matter: ett fältnamn kan inte vara en lista "
                                "eller en grupp; skriv namnet som text"]


def test_merge_key_is_plain_text(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "materials: [Stort papper]", "materials: [Stort papper]\n<<: {title: X}")
    fields = ", ".join(field_names(METHOD.model))
    assert arena.problems() == [f"methods/kundresa.md:13: <<: okänt fält (tillåtna fält: {fields})"]


# --- arbitrary front matter never raises ----------------------------------------

# Pieces of YAML syntax, joined at random: most texts are broken YAML, some are odd valid YAML.
YAMLISH = st.lists(st.sampled_from(list("[]{}:-?&*!|>'\"#%@`,.\\ \t\nab1ÅéT~=<")
                                   + ["\n  ", "- ", ": ", "title: ", "tags: ", "&a ", "*a", "!!str ", "---", "? "]),
                   max_size=60).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates())
VALUES = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)), max_leaves=12)
FIELDS = st.dictionaries(st.sampled_from(["title", "summary", "phases", "duration", "tags", "related", "contacts",
                                          "considerations", "aliases", "updated", "x"]), VALUES, max_size=6)


def _front_matter_never_raises(root: Path, front: str) -> None:
    (root / "methods" / "kundresa.md").write_text(f"---\n{front}\n---\n\n## Syfte\n\nText.\n", encoding="utf-8")
    arena = load_arena(root, today=TODAY)   # must not raise, whatever the text
    assert all(problem.line >= 1 for problem in arena.problems)


@settings(max_examples=60, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(front=YAMLISH)
def test_yamlish_front_matter_never_raises(arena: ArenaDir, front: str):
    _front_matter_never_raises(arena.root, front)


@settings(max_examples=30, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fields=FIELDS)
def test_structured_front_matter_never_raises(arena: ArenaDir, fields: dict):
    import yaml
    _front_matter_never_raises(arena.root, yaml.safe_dump(fields, allow_unicode=True))


def test_misspelt_person_in_a_long_people_list_still_gets_a_suggestion(arena: ArenaDir):
    """Long lists use an index instead of comparing with every person (suggest.py); same answers."""
    people = "".join(f"\nperson-{i:04d}:\n  name: Person {i}\n  role: Handläggare\n  organisation: lulea-kommun\n"
                     f"  email: person-{i:04d}@lulea.example\n" for i in range(2000))
    arena.write("data/people.yml", arena.read("data/people.yml") + people)
    arena.replace("methods/kundresa.md", "contacts: [eva-berg]", "contacts: [eva-berg, persn-1234, Person-0042]")
    problems = [p for p in arena.problems() if "varning" not in p]
    assert problems == [
        "methods/kundresa.md:16: contacts[1]: 'persn-1234' finns inte i data/people.yml (menade du 'person-1234'?)",
        "methods/kundresa.md:16: contacts[2]: 'Person-0042' finns inte i data/people.yml (menade du 'person-0042'?)",
    ]


def test_site_page_front_matter_is_held_to_the_same_limits(arena: ArenaDir):
    """content/ pages are read by MkDocs (PyYAML), not by the arena: the check refuses for it."""
    arena.write("content/om.md", "---\ntitle: Om\nhide: &dolj [toc]\nextra: *dolj\n---\n\n# Om\n\nText.\n")
    arena.write("content/djup.md", "---\ntitle: Djup\nx: " + "[" * DEEP + "]" * DEEP + "\n---\n\n# Djup\n")
    assert arena.problems() == [
        "content/djup.md:3: front matter: värdet är nästlat i mer än 50 nivåer; "
        "kontrollera hakparenteser [ ] och klamrar { } och indraget",
        "content/om.md:3: front matter: YAML-ankare (&) är inte tillåtna; "
        "skriv ut värdet på varje ställe där det behövs",
    ]
