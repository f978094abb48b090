"""The `arena` command as editors and CI run it: a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ArenaDir, tree_digest
from kunskapsarena.model.problems import Problem, Severity


def run_arena(root, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795392000"}   # 2026-11-23
    return subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), *args],
                          capture_output=True, text=True, env=env)


def test_check_passes_on_valid_arena(arena: ArenaDir):
    result = run_arena(arena.root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "Allt innehåll är giltigt (2 metoder, 1 goda exempel, 1 blogginlägg)." in result.stderr


def test_check_prints_every_problem_and_exits_1(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: medium")
    arena.replace("cases/sms-paminnelser.md", "year: 2025", "year: tjugotjugofem")
    before = tree_digest(arena.root)
    result = run_arena(arena.root, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "cases/sms-paminnelser.md:6: year: ska vara ett heltal, inte 'tjugotjugofem' (skriv bara siffror, t.ex. 30)",
        "methods/kundresa.md:11: difficulty: 'medium' finns inte bland lätt, medel, avancerad (menade du 'medel'?)",
    ]
    assert "2 fel i 2 filer." in result.stderr
    assert tree_digest(arena.root) == before


def test_check_github_annotations(arena: ArenaDir):
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: medium")
    result = run_arena(arena.root, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=methods/kundresa.md,line=11::difficulty: 'medium' finns inte bland lätt, medel, "
        "avancerad (menade du 'medel'?)"]


def broken_arena(arena: ArenaDir) -> None:
    """Problems of several kinds in several files, one with ':' and ',' in its name."""
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: medium")
    arena.replace("cases/sms-paminnelser.md", "contacts: [eva-berg]", "contacts: [eva-bergh]")
    arena.replace("blog/posts/forsta-inlagget.md", "categories: [Erfarenheter]", "categories: [Erfarenheter")
    arena.write("methods/Ny metod, utkast.md", arena.read("methods/personas.md"))
    arena.path("methods/personas.md").unlink()


def test_check_github_annotations_for_a_broken_arena(arena: ArenaDir):
    broken_arena(arena)
    before = tree_digest(arena.root)
    result = run_arena(arena.root, "check", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "::error file=blog/posts/forsta-inlagget.md,line=6::front matter: ogiltig YAML: kontrollera indraget "
        "och att listor och citattecken är stängda",
        "::error file=cases/sms-paminnelser.md,line=10::contacts[0]: 'eva-bergh' finns inte i data/people.yml "
        "(menade du 'eva-berg'?)",
        "::error file=methods/Ny metod%2C utkast.md,line=1::filnamn: 'Ny metod, utkast.md' är inget giltigt "
        "filnamn (använd små bokstäver a–z, siffror och bindestreck: ny-metod-utkast.md)",
        "::error file=methods/kundresa.md,line=11::difficulty: 'medium' finns inte bland lätt, medel, avancerad "
        "(menade du 'medel'?)",
        "::error file=methods/kundresa.md,line=14::related[0]: 'personas' finns inte i methods/ "
        "(skriv filnamnet utan .md, t.ex. Ny metod, utkast)",
    ]
    # The same problems as text, line for line.
    text = run_arena(arena.root, "check").stdout.splitlines()
    assert len(text) == len(lines)
    for annotation, plain in zip(lines, text, strict=True):
        path, line = plain.split(":")[0:2]
        assert f"line={line}::" in annotation and path.replace(",", "%2C") in annotation
    assert tree_digest(arena.root) == before


def test_check_gitlab_code_quality_report(arena: ArenaDir):
    broken_arena(arena)
    result = run_arena(arena.root, "check", "--format", "gitlab")
    assert result.returncode == 1
    issues = json.loads(result.stdout)
    text = run_arena(arena.root, "check").stdout.splitlines()
    assert [f"{i['location']['path']}:{i['location']['lines']['begin']}: {i['description']}" for i in issues] == text
    assert {i["severity"] for i in issues} == {"major"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_check_gitlab_report_is_an_empty_list_when_valid(arena: ArenaDir):
    result = run_arena(arena.root, "check", "--format", "gitlab")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_check_does_not_import_mkdocs(arena: ArenaDir):
    code = ("import sys; from kunskapsarena_mkdocs.cli import main; "
            f"code = main(['--root', {str(arena.root)!r}, 'check']); "
            "assert not [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')], 'mkdocs imported'; "
            "sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_new_writes_scaffold_and_refuses_to_overwrite(arena: ArenaDir):
    result = run_arena(arena.root, "new", "metod", "Idéslussar")
    assert result.returncode == 0, result.stderr
    assert "Skapade methods/ideslussar.md." in result.stdout
    written = arena.read("methods/ideslussar.md")
    again = run_arena(arena.root, "new", "method", "Idéslussar")
    assert again.returncode == 1
    assert "methods/ideslussar.md finns redan" in again.stderr
    assert arena.read("methods/ideslussar.md") == written


def test_new_rejects_unknown_type(arena: ArenaDir):
    result = run_arena(arena.root, "new", "recept", "Kanelbullar")
    assert result.returncode == 2
    assert "okänd typ 'recept'" in result.stderr
    assert not list(arena.root.rglob("kanelbullar.md"))


def test_github_annotation_escapes_what_the_workflow_command_syntax_reserves():
    problem = Problem("methods/a:b,c.md", 3, "summary", "50 % klar\nrad två", "kortare")
    assert problem.github_annotation() == "::error file=methods/a%3Ab%2Cc.md,line=3::summary: 50 %25 klar%0Arad två (kortare)"
    warning = Problem("data/people.yml", 2, "phone", "saknas", severity=Severity.WARNING)
    assert warning.github_annotation() == "::warning file=data/people.yml,line=2::phone: saknas"
