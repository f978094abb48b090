"""Symbolic links are refused, never followed; nothing outside the project or hidden is published."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_small_project, tree_digest

LINK = "är en symbolisk länk (till {target}) och läses inte"
HINT = ("(ersätt länken med en vanlig kopia; arenan följer aldrig symboliska länkar, "
        "eftersom de kan peka på filer utanför projektet)")
SECRET = "HEMLIGT-7Q3"
# Read, this would be a method with problems that quote it.
SECRET_METHOD = f"---\ntitle: {SECRET}\nokänt_{SECRET}: {SECRET}\n---\n\n{SECRET}\n"


def link_message(path: str, kind: str, target: Path | str) -> str:
    return f"{path}:1: {kind}: {LINK.format(target=target)} {HINT}"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the arena (tmp_path/arena) that must never be read."""
    path = tmp_path / "utanfor" / "hemlig.md"
    path.parent.mkdir()
    path.write_text(SECRET_METHOD, encoding="utf-8")
    return path


def no_secret(problems: list[str]) -> None:
    assert not [p for p in problems if SECRET in p], "the link's target was read"


def test_link_to_a_file_outside_is_refused_at_the_links_path(arena, outside: Path):
    os.symlink(outside, arena.path("methods/hemlig.md"))
    problems = arena.problems()
    assert problems == [link_message("methods/hemlig.md", "fil", outside)]
    no_secret(problems)


def test_relative_link_inside_the_project_is_refused_too(arena):
    """Every link is refused, not only those that leave the project: where it points can change."""
    os.symlink("kundresa.md", arena.path("methods/kopia.md"))
    assert arena.problems() == [link_message("methods/kopia.md", "fil", "kundresa.md")]


def test_linked_folder_is_refused_and_not_looked_into(arena, outside: Path):
    os.symlink(outside.parent, arena.path("cases/fler"))
    problems = arena.problems()
    assert problems == [link_message("cases/fler", "mapp", outside.parent)]
    no_secret(problems)


def test_link_on_the_way_to_a_content_folder_is_refused(arena, outside: Path, tmp_path: Path):
    """blog/posts is reached through blog/: a linked blog/ would bring in posts from anywhere."""
    elsewhere = tmp_path / "annan-blogg"
    (elsewhere / "posts").mkdir(parents=True)
    (elsewhere / "posts" / "hemlig.md").write_text(SECRET_METHOD, encoding="utf-8")
    blog = arena.path("blog")
    os.rename(blog, tmp_path / "gammal-blogg")
    os.symlink(elsewhere, blog)
    problems = arena.problems()
    assert link_message("blog", "mapp", elsewhere) in problems
    no_secret(problems)


def test_linked_data_file_is_reported_once_and_not_read(arena, tmp_path: Path):
    copy = tmp_path / "taxonomy.yml"
    copy.write_text(arena.read("data/taxonomy.yml") + f"\n{SECRET}: [a]\n", encoding="utf-8")
    arena.path("data/taxonomy.yml").unlink()
    os.symlink(copy, arena.path("data/taxonomy.yml"))
    problems = arena.problems()
    assert problems.count(link_message("data/taxonomy.yml", "fil", copy)) == 1
    no_secret(problems)


def test_any_link_in_data_is_refused(arena, outside: Path):
    os.symlink(outside, arena.path("data/extra.yml"))
    assert arena.problems() == [link_message("data/extra.yml", "fil", outside)]


def test_linked_data_folder_is_refused(arena, tmp_path: Path):
    elsewhere = tmp_path / "annan-data"
    os.rename(arena.path("data"), elsewhere)
    os.symlink(elsewhere, arena.path("data"))
    problems = arena.problems()
    assert problems.count(link_message("data", "mapp", elsewhere)) == 1
    assert not [p for p in problems if p.startswith("data/")], "data files were read through the link"


def test_links_in_the_published_pages_are_refused_hidden_folders_included(arena, outside: Path):
    """MkDocs walks content/ following links, hidden folders too: a link to / would walk the whole disk."""
    arena.write("content/index.md", "# Start\n")
    os.symlink(outside, arena.path("content/hemlig.md"))
    arena.path("content/.cache").mkdir()
    os.symlink("/", arena.path("content/.cache/rot"))
    problems = arena.problems()
    assert problems == [link_message("content/.cache/rot", "mapp", "/"),
                        link_message("content/hemlig.md", "fil", outside)]
    no_secret(problems)


def test_a_named_pipe_is_refused_without_hanging(arena):
    os.mkfifo(arena.path("methods/ror.md"))
    assert arena.problems() == [
        "methods/ror.md:1: fil: är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte "
        "(ta bort den; här får bara vanliga filer och mappar ligga)"]


def test_arena_check_fails_on_a_link(arena, outside: Path):
    os.symlink(outside, arena.path("methods/hemlig.md"))
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(arena.root), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [link_message("methods/hemlig.md", "fil", outside)]
    assert "1 fel i 1 fil." in result.stderr
    assert SECRET not in result.stdout + result.stderr


# ---------------------------------------------------------------- real builds

def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def site_text(site: Path) -> str:
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A small project, built once, with hidden files in content/ that MkDocs leaves out by default."""
    root = copy_small_project(tmp_path_factory.mktemp("fs") / "arena")
    (root / "content" / ".env").write_text(f"TOKEN={SECRET}\n", encoding="utf-8")
    (root / "content" / ".git").mkdir()
    (root / "content" / ".git" / "config").write_text(f"[remote]\n\turl = {SECRET}\n", encoding="utf-8")
    result = run(root, "kunskapsarena_mkdocs.cli", "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.mark.build
def test_hidden_files_and_git_are_not_published(project: Path):
    site = project / "site"
    assert (site / "index.html").is_file()
    assert not [p for p in site.rglob(".*")]
    assert SECRET not in site_text(site)


@pytest.mark.build
def test_build_refuses_a_link_in_content_and_keeps_the_site(project: Path, outside: Path):
    before = tree_digest(project / "site")
    link = project / "content" / "hemlig.md"
    os.symlink(outside, link)
    try:
        result = run(project, "kunskapsarena_mkdocs.cli", "build")
        plain = run(project, "mkdocs", "build", "--strict", "--site-dir", str(outside.parent / "ut"))
    finally:
        link.unlink()
    message = link_message("content/hemlig.md", "fil", outside)
    assert result.returncode == 1
    assert message in result.stdout.splitlines()
    assert "Webbplatsen byggdes inte; site/ är oförändrad." in result.stderr
    assert tree_digest(project / "site") == before
    # MkDocs alone (the hooks) refuses it too, before it walks content/.
    assert plain.returncode == 1
    assert message in plain.stderr.splitlines()
    out = outside.parent / "ut"
    assert not out.exists() or SECRET not in site_text(out)
    assert SECRET not in site_text(project / "site")


@pytest.mark.build
def test_build_refuses_hidden_files_that_exclude_docs_would_publish(project: Path, tmp_path: Path):
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "exclude_docs: |\n  !.env\n", encoding="utf-8")
    try:
        result = run(project, "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "ut"))
    finally:
        config.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert (".env: dolda filer och mappar (namn som börjar med punkt, t.ex. .git eller .env) publiceras "
            "aldrig; ta bort undantaget för dem ur exclude_docs i mkdocs.yml") in result.stderr
    assert not (tmp_path / "ut").exists() or SECRET not in site_text(tmp_path / "ut")


@pytest.mark.build
def test_build_refuses_a_link_in_the_themes_custom_dir(project: Path, outside: Path, tmp_path: Path):
    """MkDocs copies the theme's custom_dir (overrides/) into the site too."""
    link = project / "overrides" / "hemlig.txt"
    os.symlink(outside, link)
    try:
        result = run(project, "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "ut"))
    finally:
        link.unlink()
    assert result.returncode == 1
    assert link_message("overrides/hemlig.txt", "fil", outside) in result.stderr.splitlines()
    assert not (tmp_path / "ut").exists() or SECRET not in site_text(tmp_path / "ut")
