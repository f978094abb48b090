"""Issue 14: if check passes, the strict build passes and every page shows what the editor wrote;
if check fails, each mistake gives one message at its line that says how to fix it."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from conftest import BUILD_EPOCH, IN_CI, MINIMAL, TODAY, ArenaDir, copy_small_project
from kunskapsarena import load_arena

EVENT_FILE = "events/innovationsdagen.md"

# Times as Swedes write them: unquoted, with a full stop or a colon, one-digit hours.
SWEDISH_TIMES_EVENT = """---
title: Tider på svenska
summary: Ett evenemang med klockslag som svenskar skriver dem.
start: 2026-11-30 9.00
end: 2026-11-30 16.00
format: digitalt
organiser: lulea-kommun
programme:
  - time: 9.00
    end: 10:00
    title: Välkommen
  - time: 13.00
    end: 13:45
    title: Efter lunch
  - time: 14:30
    title: Avslutning
contacts: [eva-berg]
---

## Om evenemanget

Klockslag som de skrivs.
"""


# --- 1. silent changes: times, dates, numbers, yes/no --------------------------

def test_swedish_times_are_read_as_written(typed: ArenaDir):
    typed.write("events/tider.md", SWEDISH_TIMES_EVENT)
    arena = load_arena(typed.root, today=TODAY)
    assert arena.problems == []
    event = arena.records["event"]["tider"].data
    assert (f"{event.start:%Y-%m-%d %H:%M}", f"{event.end:%H:%M}") == ("2026-11-30 09:00", "16:00")
    assert [(f"{p.time:%H:%M}", p.end and f"{p.end:%H:%M}") for p in event.programme] == [
        ("09:00", "10:00"), ("13:00", "13:45"), ("14:30", None)]


@pytest.mark.parametrize(("written", "message"), [
    ("13.3", "'13.3' är ingen giltig tid (minuterna skrivs med två siffror: 13:30 eller 13:03)"),
    ("25.00", "'25.00' är ingen giltig tid: timmen ska vara 0–23 (skriv TT:MM, t.ex. 13:00 eller 13.00)"),
    ("13", "13 är ingen giltig tid: minuterna saknas (skriv 13:00)"),
    ("0900", "'0900' är ingen giltig tid (skriv 09:00)"),
    ("9.00–10.00", "'9.00–10.00' är ingen giltig tid (skriv starttiden här, 09:00, och sluttiden på en egen rad: "
                   "end: 10:00)"),
])
def test_a_time_that_is_not_one_names_what_was_written(typed: ArenaDir, written: str, message: str):
    typed.replace(EVENT_FILE, 'time: "10:00"', f"time: {written}")
    assert typed.problems() == [f"{EVENT_FILE}:15: programme[1].time: {message}"]


@pytest.mark.parametrize(("written", "message"), [
    ("2026-10-22", "'2026-10-22' saknar klockslag (skriv t.ex. 2026-10-22 09:00)"),
    ("2026-10-22 9.3", "'2026-10-22 9.3' är ingen giltig tidpunkt (skriv 2026-10-22 TT:MM)"),
    ("2026-10-2 9.00", "'2026-10-2 9.00' är ingen giltig tidpunkt (skriv 2026-10-02 09:00)"),
    ("2026-10-22 9.00-16.00", "'2026-10-22 9.00-16.00' är två tider (skriv 2026-10-22 09:00 här och "
                              "2026-10-22 16:00 under end)"),
])
def test_an_event_start_that_is_not_a_time_names_what_was_written(typed: ArenaDir, written: str, message: str):
    typed.replace(EVENT_FILE, "start: 2026-10-22 09:00", f"start: {written}")
    assert typed.problems() == [f"{EVENT_FILE}:4: start: {message}"]


@pytest.mark.parametrize(("written", "message"), [
    ("2026-1-5", "'2026-1-5': månad och dag skrivs med två siffror (skriv 2026-01-05)"),
    ("5/1 2026", "'5/1 2026' kan läsas på flera sätt (dag/månad eller månad/dag) "
                 "(skriv 2026-01-05 om du menar 5 januari)"),
    ("5 januari 2026", "'5 januari 2026' är inget datum i formen ÅÅÅÅ-MM-DD (skriv 2026-01-05)"),
    ("2026/01/05", "'2026/01/05' är inget datum i formen ÅÅÅÅ-MM-DD (skriv 2026-01-05)"),
    ("20260105", "20260105 är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-01)"),
])
def test_a_date_not_written_as_iso_gets_the_form_to_copy(arena: ArenaDir, written: str, message: str):
    arena.replace("methods/kundresa.md", "updated: 2026-01-10", f"updated: {written}")
    assert arena.problems() == [f"methods/kundresa.md:20: updated: {message}"]


def test_numbers_with_spaces_are_accepted_and_separators_refused(typed: ArenaDir):
    project = "projects/ny-e-tjanst.md"
    text = typed.read(project)
    amount = next(line for line in text.splitlines() if "amount:" in line)
    typed.replace(project, amount, amount.split("amount:")[0] + "amount: 1 500 000")
    arena = load_arena(typed.root, today=TODAY)
    assert arena.problems == []
    assert arena.records["project"]["ny-e-tjanst"].data.funding[0].amount == 1_500_000
    typed.replace(project, "amount: 1 500 000", "amount: 1.500")
    line = typed.read(project).splitlines().index(amount.split("amount:")[0] + "amount: 1.500") + 1
    assert typed.problems() == [
        f"{project}:{line}: funding[0].amount: '1.500' kan läsas både som ett decimaltal och som 1500 "
        "(skriv 1500; tusental kan skiljas med mellanslag: 1 500)"]


def test_a_decimal_where_a_whole_number_belongs_is_refused(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "  min: 60", "  min: 1,5")
    assert arena.problems() == [
        "methods/kundresa.md:6: duration.min: '1,5' är inget heltal (här behövs ett heltal utan decimaler, t.ex. 30)"]


@pytest.mark.parametrize(("written", "message"), [
    ("ja", "'ja' förstås inte här (skriv true; temat som bygger bloggen läser fältet själv och förstår "
           "bara true och false)"),
    ("Nej", "'Nej' förstås inte här (skriv false; temat som bygger bloggen läser fältet själv och förstår "
            "bara true och false)"),
    ("1", "ska vara true eller false, inte 1 (skriv true (ja) eller false (nej))"),
])
def test_yes_no_words_the_theme_cannot_read_are_refused(arena: ArenaDir, written: str, message: str):
    post = "blog/posts/forsta-inlagget.md"
    arena.replace(post, "date: 2026-04-01", f"date: 2026-04-01\ndraft: {written}")
    assert arena.problems() == [f"{post}:4: draft: {message}"]


def test_yes_and_true_mean_the_same(arena: ArenaDir):
    post = "blog/posts/forsta-inlagget.md"
    arena.replace(post, "date: 2026-04-01", "date: 2026-04-01\npin: yes")
    arena_ = load_arena(arena.root, today=TODAY)
    assert arena_.problems == [] and arena_.records["post"]["forsta-inlagget"].data.pin is True


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """One real `arena build --strict` of the small project with Swedish times in an event."""
    root = copy_small_project(tmp_path_factory.mktemp("contract") / "arena")
    shutil.copytree(MINIMAL.parent / "types", root, dirs_exist_ok=True)
    (root / "events" / "tider.md").write_text(SWEDISH_TIMES_EVENT, encoding="utf-8")
    site = root.parent / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    done = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build",
                           "--site-dir", str(site)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return site


@pytest.mark.build
def test_swedish_times_reach_the_page_and_the_calendar(built: Path):
    page = BeautifulSoup((built / "evenemang" / "tider" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = page.select_one("article.md-content__inner").get_text(" ", strip=True)
    assert "09.00" in text and "13.00" in text and "14.30" in text and "00.00" not in text
    [vevent] = Calendar.from_ical((built / "evenemang" / "ics" / "tider.ics").read_bytes()).walk("VEVENT")
    assert vevent.decoded("DTSTART").isoformat() == "2026-11-30T09:00:00+01:00"
    assert vevent.decoded("DTEND").isoformat() == "2026-11-30T16:00:00+01:00"
    description = str(vevent["DESCRIPTION"])
    assert "09.00–10.00 Välkommen" in description and "13.00–13.45 Efter lunch" in description
    assert "14.30 Avslutning" in description


# --- 2. typography: typographic quotes, NFD, look-alike suggestions ------------

@pytest.mark.parametrize("quoted", ["”Kundresa”", "“Kundresa”", "«Kundresa»", "„Kundresa“"])
def test_a_value_in_typographic_quotes_asks_for_straight_ones(arena: ArenaDir, quoted: str):
    arena.replace("methods/kundresa.md", "title: Kundresa", f"title: {quoted}")
    assert arena.problems() == [
        f"methods/kundresa.md:2: title: {quoted} står inom typografiska citattecken ({quoted[0]}…{quoted[-1]}); "
        "YAML tar inte bort dem, så de skulle synas på sidan "
        f"(skriv raka citattecken: title: \"Kundresa\"; ska citattecknen synas, skriv title: '{quoted}')"]


def test_typographic_quotes_are_one_message_not_also_an_unknown_value(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: ”medel”")
    arena.replace("methods/kundresa.md", "contacts: [eva-berg]", "contacts: [”eva-berg”]")
    problems = arena.problems()
    assert [p.split(": ")[1] for p in problems] == ["difficulty", "contacts[0]"]
    assert all("typografiska citattecken" in p for p in problems)


def test_quotes_meant_to_show_and_quotations_inside_a_value_pass(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "title: Kundresa", "title: '”Kundresa”'")
    arena.replace("methods/kundresa.md", "summary: Kartlägg", "summary: ”Kartlägg” och ”förstå” tjänsten")
    assert arena.problems() == []


def test_a_colon_inside_typographic_quotes_gets_the_straight_quotes_hint(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "title: Kundresa", "title: ”Kundresa: så gör du”")
    assert arena.problems() == [
        "methods/kundresa.md:2: front matter: ogiltig YAML: ett kolon (:) i ett värde inom typografiska "
        "citattecken (” “ « »), som YAML inte känner igen; byt dem mot raka citattecken, "
        "t.ex. title: \"Metod: så gör du\""]


def test_typographic_quotes_in_data_files(arena: ArenaDir):
    people = arena.read("data/people.yml")
    name_line = next(line for line in people.splitlines() if "name:" in line)
    arena.replace("data/people.yml", name_line, name_line.split("name:")[0] + "name: ”Eva Berg”")
    line = arena.read("data/people.yml").splitlines().index(name_line.split("name:")[0] + "name: ”Eva Berg”") + 1
    problems = arena.problems()
    assert [p for p in problems if "typografiska" in p] == [p for p in problems if "[varning]" not in p]
    assert problems[0].startswith(f"data/people.yml:{line}: eva-berg.name: ”Eva Berg” står inom typografiska")


def test_decomposed_letters_from_macos_are_the_same_letters(arena: ArenaDir):
    import unicodedata

    text = arena.read("methods/kundresa.md")
    arena.write("methods/kundresa.md", unicodedata.normalize("NFD", text))
    assert "förstå" not in arena.read("methods/kundresa.md")   # really decomposed on disk
    assert arena.problems() == []


def test_a_did_you_mean_never_looks_identical(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "phases: [förstå]", "phases: [förstå\u200b]")
    assert arena.problems() == [
        "methods/kundresa.md:4: phases[0]: 'förstå\u200b' finns inte bland förstå, idé, testa "
        "(värdet ser ut som 'förstå' men innehåller tecknet U+200B ZERO WIDTH SPACE; skriv om det för hand)"]


# --- 3. cascades: a broken data file is one error and one follow-up line ----------

PEOPLE_LATER = ("data/people.yml:{line}: yaml: hänvisningar till personer (contacts, authors, speakers …) "
                "kontrolleras när filen går att läsa igen (rätta felet ovan och kör arena check igen) [varning]")
TAXONOMY_LATER = ("data/taxonomy.yml:{line}: yaml: värden ur vokabulärerna (faser, taggar, organisationer …) "
                  "i innehållet kontrolleras när filen går att läsa igen (rätta felet ovan och kör arena check igen) "
                  "[varning]")


def test_a_tab_in_people_is_one_error_and_one_follow_up(typed: ArenaDir):
    typed.replace("data/people.yml", "  role: Innovationsledare", "\trole: Innovationsledare")
    assert typed.problems() == [
        "data/people.yml:3: yaml: tabbtecken går inte i YAML; använd mellanslag för indrag",
        PEOPLE_LATER.format(line=3)]


def test_a_bad_indent_in_taxonomy_is_one_error_and_one_follow_up(typed: ArenaDir):
    typed.replace("data/taxonomy.yml", "  idé: Idé", "   idé: Idé")
    assert typed.problems() == [
        "data/taxonomy.yml:3: yaml: ogiltig YAML: ett kolon (:) mitt i ett värde; sätt värdet inom citattecken, "
        "t.ex. title: \"Metod: så gör du\"",
        TAXONOMY_LATER.format(line=3)]


def test_a_person_indented_under_another_names_the_line_to_move(typed: ArenaDir):
    typed.write("data/people.yml", typed.read("data/people.yml") + "\n  petra-ek:\n  name: Petra Ek\n")
    assert typed.problems() == [
        "data/people.yml:8: yaml: raden 'petra-ek:' har fel indrag: den hamnar inuti gruppen ovanför, så fältet "
        "'name' på rad 9 står två gånger där; flytta 'petra-ek:' till samma indrag som gruppen ovanför",
        PEOPLE_LATER.format(line=8)]


def test_the_data_file_comes_first(typed: ArenaDir):
    typed.replace("data/people.yml", "  role: Innovationsledare", "\trole: Innovationsledare")
    typed.replace("cases/sms-paminnelser.md", "title: ", "titel: ")
    problems = typed.problems()
    assert problems[0].startswith("data/people.yml:3: yaml:") and problems[1] == PEOPLE_LATER.format(line=3)
    assert problems[2:] == ["cases/sms-paminnelser.md:2: titel: okänt fält (menade du 'title'? det fältet saknas)"]


def test_an_empty_vocabulary_is_named_not_listed_empty(arena: ArenaDir):
    arena.replace("data/taxonomy.yml", "phases:\n  förstå: Förstå\n  idé: Idé\n  testa: Testa\n", "phases: {}\n")
    assert arena.problems() == [
        "methods/kundresa.md:4: phases[0]: 'förstå' finns inte: phases i data/taxonomy.yml är tom "
        "(lägg till värdet under phases i data/taxonomy.yml om det behövs)",
        "methods/personas.md:4: phases[0]: 'förstå' finns inte: phases i data/taxonomy.yml är tom "
        "(lägg till värdet under phases i data/taxonomy.yml om det behövs)",
        "methods/personas.md:4: phases[1]: 'idé' finns inte: phases i data/taxonomy.yml är tom "
        "(lägg till värdet under phases i data/taxonomy.yml om det behövs)"]


# --- 4. wrong folder ----------------------------------------------------------------

def test_a_case_saved_in_methods_is_one_message_saying_where_it_belongs(arena: ArenaDir):
    arena.write("methods/bygglov.md", arena.read("cases/sms-paminnelser.md"))
    assert arena.problems() == [
        "methods/bygglov.md:1: fil: fälten passar ett gott exempel, inte en metod: filen ligger i fel mapp "
        "(7 av 11 fält finns inte för metod) (flytta filen till cases/bygglov.md)"]


def test_an_event_saved_in_projects_is_recognised(typed: ArenaDir):
    typed.write("projects/dagen.md", typed.read("events/innovationsdagen.md"))
    assert typed.problems() == [
        "projects/dagen.md:1: fil: fälten passar ett evenemang, inte ett förändringsprojekt: filen ligger i fel "
        "mapp (7 av 10 fält finns inte för förändringsprojekt) (flytta filen till events/dagen.md)"]


def test_a_few_misspelt_keys_are_still_misspellings(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "difficulty:", "dificulty:")
    arena.replace("methods/kundresa.md", "materials:", "material:")
    assert [p.split(": ")[1] for p in arena.problems()] == ["dificulty", "material"]


# --- 5. renames -----------------------------------------------------------------------

@pytest.mark.parametrize(("written", "better"), [
    ("prickrostning.md", "prickrostning"), ("methods/prickrostning.md", "prickrostning"),
    ("/metoder/prickrostning/", "prickrostning")])
def test_the_alias_hint_drops_md_and_folders(arena: ArenaDir, written: str, better: str):
    arena.replace("methods/kundresa.md", "updated:", f"aliases: ['{written}']\nupdated:")
    assert arena.problems() == [f"methods/kundresa.md:20: aliases[0]: '{written}' är ingen giltig adress "
                                f"(skriv det gamla filnamnet utan .md, t.ex. {better})"]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example"})


@pytest.fixture
def committed(arena: ArenaDir) -> ArenaDir:
    if shutil.which("git") is None:   # CI clones the repository with git: never skipped there
        if IN_CI:
            pytest.fail("git is not installed", pytrace=False)
        pytest.skip("git is not installed")
    git(arena.root, "init", "-q")
    git(arena.root, "add", "-A")
    git(arena.root, "commit", "-q", "-m", "start")
    return arena


CASE_RENAMED = ("cases/bygglov.md:1: aliases: filen hette cases/sms-paminnelser.md i senaste incheckningen; "
                "den gamla adressen slutar fungera (lägg till raden aliases: [sms-paminnelser] i cases/bygglov.md) "
                "[varning]")


def test_a_file_renamed_in_a_file_manager_gets_the_line_to_add(committed: ArenaDir):
    committed.path("cases/sms-paminnelser.md").rename(committed.path("cases/bygglov.md"))
    assert committed.problems() == [CASE_RENAMED]


def test_a_file_renamed_with_git_mv_gets_the_line_to_add(committed: ArenaDir):
    git(committed.root, "mv", "cases/sms-paminnelser.md", "cases/bygglov.md")
    assert committed.problems() == [CASE_RENAMED]


def test_a_rename_with_its_alias_passes(committed: ArenaDir):
    committed.path("cases/sms-paminnelser.md").rename(committed.path("cases/bygglov.md"))
    committed.replace("cases/bygglov.md", "published:", "aliases: [sms-paminnelser]\npublished:")
    assert committed.problems() == []


def test_without_git_the_check_still_runs(committed: ArenaDir, monkeypatch):
    committed.path("cases/sms-paminnelser.md").rename(committed.path("cases/bygglov.md"))
    monkeypatch.setenv("PATH", "/nonexistent")
    assert committed.problems() == []


@pytest.mark.parametrize(("written", "read"), [("13.00", "talet 13.0"), ("yes", "sant/falskt (true)"),
                                               ("13:00", "talet 780")])
def test_a_post_title_the_theme_would_read_as_a_number_must_be_quoted(arena: ArenaDir, written: str, read: str):
    post = "blog/posts/forsta-inlagget.md"
    arena.replace(post, "title: Första inlägget", f"title: {written}")
    assert arena.problems() == [
        f"{post}:2: title: {written} läses av webbplatsens tema som {read} och skulle inte visas som du skrev det "
        f"(sätt värdet inom citattecken: title: \"{written}\")"]


def test_a_method_title_like_a_number_is_shown_as_written(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "title: Kundresa", "title: 13.00")
    arena_ = load_arena(arena.root, today=TODAY)
    assert arena_.problems == [] and arena_.records["method"]["kundresa"].data.title == "13.00"


def test_a_content_page_title_the_theme_would_read_as_a_number_must_be_quoted(arena: ArenaDir):
    arena.write("content/om.md", "---\ntitle: 2.0\n---\n\n# Om\n\nText.\n")
    assert arena.problems() == [
        "content/om.md:2: title: 2.0 läses av webbplatsens tema som talet 2.0 och skulle inte visas som du "
        "skrev det (sätt värdet inom citattecken: title: \"2.0\")"]


def test_the_editors_schema_accepts_the_times_check_accepts(typed: ArenaDir):
    import jsonschema

    from kunskapsarena.generate.editors.schema import front_matter_schema
    from kunskapsarena.model.content_types import EVENT

    schema = front_matter_schema(EVENT, load_arena(typed.root, today=TODAY))
    check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    event = {"title": "Dagen", "summary": "Om dagen.", "start": "2026-11-30 09:00", "end": "2026-11-30 16:00",
             "format": "digitalt", "organiser": "lulea-kommun", "contacts": ["eva-berg"]}
    for time in ("13:00", "9.00", 13.0, 9.3):   # YAML 1.2 (VS Code) reads an unquoted 13.00 as a number
        assert list(check.iter_errors({**event, "programme": [{"time": time, "title": "Punkt"}]})) == []
    assert list(check.iter_errors({**event, "programme": [{"time": "25:00", "title": "Punkt"}]}))


# --- property: a notation is read as written or refused, never changed -------------

def _read_time(front: str):
    from pydantic import TypeAdapter, ValidationError

    from kunskapsarena.model.notation import ClockTime
    from kunskapsarena.source.yamlsource import YamlSyntaxError, parse_yaml

    try:
        value = parse_yaml(front).data["time"]
        return TypeAdapter(ClockTime).validate_python(value)
    except (ValidationError, YamlSyntaxError):
        return None


@settings(deadline=None)   # the first example imports pydantic's schema machinery
@given(hour=st.integers(0, 23), minute=st.integers(0, 59), sep=st.sampled_from([":", "."]),
       pad=st.booleans(), prefix=st.sampled_from(["", "kl. ", "kl "]), quote=st.sampled_from(["", '"', "'"]))
def test_every_swedish_time_notation_reads_as_written(hour, minute, sep, pad, prefix, quote):
    written = f"{prefix}{hour:02d}{sep}{minute:02d}" if pad else f"{prefix}{hour}{sep}{minute:02d}"
    assert _read_time(f"time: {quote}{written}{quote}\n") == dt.time(hour, minute)


@settings(deadline=None)
@given(st.text(alphabet="0123456789.:, kl-", max_size=8))
def test_a_time_is_read_as_its_digits_or_refused(text):
    found = _read_time(f"time: '{text}'\n")
    if found is not None:   # accepted: the hour and minutes are the numbers written, nothing else
        digits = [int(part) for part in re.findall(r"\d+", text)]
        assert digits[:2] == [found.hour, found.minute] and all(d == 0 for d in digits[2:])


@settings(deadline=None)
@given(st.text(alphabet="0123456789., \u00a0-", min_size=1, max_size=9))
def test_a_whole_number_is_read_as_its_digits_or_refused(text):
    from pydantic import TypeAdapter, ValidationError

    from kunskapsarena.model.notation import WholeNumber
    from kunskapsarena.source.yamlsource import YamlSyntaxError, parse_yaml

    try:
        found = TypeAdapter(WholeNumber).validate_python(parse_yaml(f"amount: '{text}'\n").data["amount"])
    except (ValidationError, YamlSyntaxError):
        return
    assert str(abs(found)) == re.sub(r"\D", "", text).lstrip("0") or found == 0
    assert "." not in text and "," not in text


@pytest.mark.parametrize(("line", "what"), [('draft: "true"', "sant/falskt"), ("pin: 'false'", "sant/falskt"),
                                            ('date: "2026-04-01"', "ett datum")])
def test_a_quoted_yes_no_or_date_in_a_post_is_text_to_the_theme(arena: ArenaDir, line: str, what: str):
    post = "blog/posts/forsta-inlagget.md"
    arena.replace(post, "date: 2026-04-01", line if line.startswith("date") else f"date: 2026-04-01\n{line}")
    key, value = line.split(": ")
    row = 3 if key == "date" else 4
    assert arena.problems() == [
        f"{post}:{row}: {key}: '{value[1:-1]}' står inom citattecken och läses då av webbplatsens tema som text, "
        f"inte som {what} (ta bort citattecknen: {key}: {value[1:-1]})"]


def test_references_to_a_misplaced_file_wait_for_the_move(typed: ArenaDir):
    typed.path("cases/sms-paminnelser.md").rename(typed.path("methods/sms-paminnelser.md"))
    assert typed.problems() == [
        "methods/sms-paminnelser.md:1: fil: fälten passar ett gott exempel, inte en metod: filen ligger i fel "
        "mapp (7 av 11 fält finns inte för metod) (flytta filen till cases/sms-paminnelser.md)"]


def test_ci_compares_with_the_branch_it_merges_into(committed: ArenaDir, monkeypatch):
    git(committed.root, "mv", "cases/sms-paminnelser.md", "cases/bygglov.md")
    git(committed.root, "commit", "-q", "-m", "rename")
    assert committed.problems() == []   # against the last commit nothing changed
    monkeypatch.setenv("ARENA_RENAMES_SINCE", "HEAD~1")
    assert committed.problems() == [CASE_RENAMED.replace("i senaste incheckningen", "i HEAD~1")]


def test_a_phone_number_with_a_leading_zero_stays_as_written(arena: ArenaDir):
    arena.replace("data/people.yml", 'phone: "070-174 06 05"', "phone: 0701740605")
    arena_ = load_arena(arena.root, today=TODAY)
    assert arena_.problems == [] and arena_.taxonomy.people["eva-berg"].phone == "0701740605"
