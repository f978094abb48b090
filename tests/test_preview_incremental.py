"""The preview's rebuilds reuse cached pages, and the site they make equals a clean `arena build`, byte for byte.

The builder runs in its own process exactly as under `arena serve`
(preview_build.serve_builds over a pipe): its hooks and page caches live
across builds. After each step of a sequence of edits (change, rename, delete,
add, break, fix) its folder is compared with a clean `arena build` of the same
files, every file and every byte.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, MINIMAL, copy_small_project, site_digest
from kunskapsarena_mkdocs.preview_build import FAILED, OK, WARNINGS, serve_builds

pytestmark = pytest.mark.build


class Builder:
    def __init__(self, root: Path) -> None:
        context = mp.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=serve_builds, args=(str(root), child))
        self.process.start()
        child.close()
        self.count = 0

    def build(self, out: Path):
        self.count += 1
        folder = out / f"preview-{self.count}"
        self.connection.send(str(folder))
        return folder, self.connection.recv()

    def close(self) -> None:
        self.connection.send(None)
        self.process.join(timeout=30)


def clean_build(root: Path, site: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build",
                             "--site-dir", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def differences(a: Path, b: Path) -> list[str]:
    """Every file that differs; Pagefind's order-dependent index files by content (conftest.site_digest)."""
    digest_a, digest_b = site_digest(a), site_digest(b)
    found = [f"only in the preview: {name}" for name in sorted(digest_a.keys() - digest_b.keys())]
    found += [f"only in the clean build: {name}" for name in sorted(digest_b.keys() - digest_a.keys())]
    found += [f"differs: {name}" for name in sorted(digest_a.keys() & digest_b.keys())
              if digest_a[name] != digest_b[name]]
    return found


@pytest.fixture
def project(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)   # the builder process inherits it
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = copy_small_project(tmp_path / "project")
    shutil.copytree(MINIMAL.parent / "types", root, dirs_exist_ok=True)   # events, projects, ideas, trainings
    builder = Builder(root)
    yield root, builder
    builder.close()


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_rebuilds_after_every_kind_of_edit_equal_clean_builds(project, tmp_path: Path):
    root, builder = project
    out = tmp_path / "out"
    clean = tmp_path / "clean"

    def same_as_clean(step: str):
        folder, result = builder.build(out)
        assert result.state == OK, f"{step}: {result.problems}"
        expected = clean_build(root, clean / step)
        assert differences(folder, expected) == [], step
        return result

    first = same_as_clean("first")
    assert first.reused == 0 and first.redone > 0

    # Change: a method's title (shown on the case that uses it, the explorer, its related method) and body,
    # and a blog post's text (its excerpt is on the blog's index).
    edit(root, "methods/kundresa.md", "title: Kundresa", "title: Kundresan")
    edit(root, "methods/kundresa.md", "Se tjänsten med invånarens ögon.", "Se tjänsten med *invånarens* ögon.")
    posts = sorted((root / "blog/posts").glob("*.md"))
    assert posts
    edit(root, posts[0].relative_to(root).as_posix(), "\n---\n", "\n---\n\nEn ny inledning.\n")
    changed = same_as_clean("change")
    assert changed.reused > changed.redone, "pages the change did not touch come from the caches"

    # Rename: personas → persona-kort, its old address kept as an alias, references updated.
    text = (root / "methods/personas.md").read_text(encoding="utf-8")
    (root / "methods/personas.md").unlink()
    (root / "methods/persona-kort.md").write_text(text.replace("---\n", "---\naliases: [personas]\n", 1),
                                                  encoding="utf-8")
    for item in (root / "methods/kundresa.md", root / "ideas/digital-fika.md"):
        item.write_text(item.read_text(encoding="utf-8").replace("personas", "persona-kort"), encoding="utf-8")
    same_as_clean("rename")

    # Delete an event, add a method, edit a hand-written page and a person shown on pages.
    (root / "events/tva-dagar.md").unlink()
    new = (root / "methods/kundresa.md").read_text(encoding="utf-8").replace("title: Kundresan", "title: Tjänstesafari")
    (root / "methods/tjanstesafari.md").write_text(new.replace("related: [persona-kort]", "related: [kundresa]"),
                                                   encoding="utf-8")
    edit(root, "content/om.md", "\n", "\nEn ny första mening.\n\n")
    same_as_clean("delete-add")

    # Break: the build fails with the editor's line; nothing of the failed build is kept.
    edit(root, "methods/kundresa.md", "difficulty: medel", "difficulty: medium")
    folder, result = builder.build(out)
    assert result.state == FAILED
    assert ("methods/kundresa.md:11: difficulty: 'medium' finns inte bland lätt, medel, avancerad "
            "(menade du 'medel'?)") in result.problems

    # Fix it, and change the people file that every contact card reads.
    edit(root, "methods/kundresa.md", "difficulty: medium", "difficulty: medel")
    people = (root / "data/people.yml").read_text(encoding="utf-8")
    name = next(line.split(":", 1)[1].strip() for line in people.splitlines() if line.strip().startswith("name:"))
    edit(root, "data/people.yml", name, name + " Andersson")
    same_as_clean("fix")

    # A broken link: MkDocs' warning in the editors' form; the site is written (shown with the banner).
    edit(root, "content/om.md", "En ny första mening.", "En ny första mening med [en länk](finns-inte.md).")
    folder, result = builder.build(out)
    assert result.state == WARNINGS
    assert result.problems == ["content/om.md:2: länk: 'finns-inte.md' pekar på en sida eller fil som inte finns "
                               "(rätta adressen, eller skapa sidan)"]
    edit(root, "content/om.md", " med [en länk](finns-inte.md).", ".")

    # Nothing changed since "fix": every page step but the blog's and those with arena: blocks from the caches.
    unchanged = same_as_clean("unchanged")
    assert unchanged.reused > 0.7 * (unchanged.reused + unchanged.redone), unchanged
