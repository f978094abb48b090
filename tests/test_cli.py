"""The `arena` command as editors and CI run it: a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ArenaDir, tree_digest


def run_arena(root, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795392000"}   # 2026-11-23
    return subprocess.run([sys.executable, "-m", "kunskapsarena.cli", "--root", str(root), *args],
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


def test_check_does_not_import_mkdocs(arena: ArenaDir):
    code = ("import sys; from kunskapsarena.cli import main; "
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
