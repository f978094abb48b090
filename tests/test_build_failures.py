"""A failed build must leave the previous site/ exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, tree_digest

pytestmark = pytest.mark.build


def arena(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), *args],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("project") / "arena")
    result = arena(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site" / "index.html").is_file()
    return root


def edit(path: Path, old: str, new: str) -> str:
    original = path.read_text(encoding="utf-8")
    assert old in original
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return original


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


def test_invalid_content_keeps_previous_site(project: Path):
    before = tree_digest(project / "site")
    method = project / "methods" / "kundresa.md"
    original = edit(method, "difficulty: ", "difficulty: omöjlig # ")
    try:
        result = arena(project, "build")
    finally:
        method.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "methods/kundresa.md:" in result.stdout and "difficulty: 'omöjlig' finns inte bland" in result.stdout
    assert "Webbplatsen byggdes inte; site/ är oförändrad." in result.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_broken_link_in_strict_mode_keeps_previous_site(project: Path):
    """Content that validates but fails MkDocs' strict checks must not half-publish."""
    before = tree_digest(project / "site")
    start = project / "content" / "index.md"
    original = start.read_text(encoding="utf-8")
    start.write_text(original + "\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    try:
        result = arena(project, "build")
    finally:
        start.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "finns-inte.md" in result.stderr
    assert "site/ är oförändrad" in result.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_plain_mkdocs_build_also_refuses_invalid_content(project: Path, tmp_path: Path):
    """The hooks validate too, so `mkdocs build` without the CLI cannot publish bad content."""
    method = project / "methods" / "kundresa.md"
    original = edit(method, "summary: ", "sumary: ")
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                                 str(tmp_path / "out")], cwd=project, capture_output=True, text=True)
    finally:
        method.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "methods/kundresa.md:3: sumary: okänt fält (menade du 'summary'? det fältet saknas)" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_successful_rebuild_replaces_site(project: Path):
    method = project / "methods" / "kundresa.md"
    original = edit(method, "title: ", "title: Kundresan i nytt skick # ")
    try:
        result = arena(project, "build")
        html = (project / "site" / "metoder" / "kundresa" / "index.html").read_text(encoding="utf-8")
    finally:
        method.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert "Kundresan i nytt skick" in html
    assert leftovers(project) == []


def test_failed_search_index_keeps_previous_site(project: Path):
    """The index is written into the new folder before the swap: if Pagefind fails, nothing is published.

    A file in content/ named pagefind is published where the index goes, so Pagefind cannot write it.
    """
    before = tree_digest(project / "site")
    blocker = project / "content" / "pagefind"
    blocker.write_text("inte en mapp\n", encoding="utf-8")
    try:
        result = arena(project, "build")
    finally:
        blocker.unlink()
    assert result.returncode == 1
    assert "sökindexet kunde inte byggas (pagefind" in result.stderr
    assert "site/ är oförändrad" in result.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []
