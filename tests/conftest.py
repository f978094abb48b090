"""Shared fixtures: a small valid arena to break on purpose, and the real repository."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

import kunskapsarena_mkdocs  # noqa: F401  (selects the site's engine, Material: the blog's post addresses)
from kunskapsarena import load_arena

REPO = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"
TODAY = dt.date(2026, 11, 23)


class ArenaDir:
    """A throwaway copy of an arena whose files a test edits."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> None:
        target = self.path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def problems(self) -> list[str]:
        return [str(p) for p in load_arena(self.root, today=TODAY).problems]


@pytest.fixture(scope="session")
def demo():
    """The demo arena, validated as of TODAY; tests must not change it."""
    arena = load_arena(REPO, today=TODAY)
    assert arena.ok, "\n".join(map(str, arena.problems))
    return arena


@pytest.fixture
def arena(tmp_path: Path) -> ArenaDir:
    root = tmp_path / "arena"
    shutil.copytree(MINIMAL, root)
    return ArenaDir(root)


@pytest.fixture
def typed(tmp_path: Path) -> ArenaDir:
    """The minimal arena plus an event, project, idea and training or two (tests/fixtures/types)."""
    root = tmp_path / "arena"
    shutil.copytree(MINIMAL, root)
    shutil.copytree(MINIMAL.parent / "types", root, dirs_exist_ok=True)
    return ArenaDir(root)


def copy_project(target: Path) -> Path:
    """The whole repository (config, hooks, content, data) without build output."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "__pycache__", "*.egg-info",
                                    ".pytest_cache", "tests")
    shutil.copytree(REPO, target, ignore=ignore)
    return target


def copy_small_project(target: Path) -> Path:
    """The project's config, hooks and pages with the minimal arena's items: a real build in seconds."""
    copy_project(target)
    for folder in ("methods", "cases", "blog/posts", "events", "projects", "ideas", "trainings", "material"):
        shutil.rmtree(target / folder, ignore_errors=True)
    for name in ("taxonomy.yml", "people.yml"):
        (target / "data" / name).unlink()
    shutil.copytree(MINIMAL, target, dirs_exist_ok=True)
    return target


def tree_digest(root: Path) -> dict[str, str]:
    """Content hash of every file below root, to prove nothing was touched."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


# Pagefind 1.5.2 writes its filter indexes in hash-map order, which differs between runs (fragments
# and word indexes do not; Pagefind/pagefind#638): their names, the metadata file naming them and
# the entry file's hash change with it. The same index in another order is the same index.
_PAGEFIND_UNORDERED = ("pagefind/filter/", "pagefind/pagefind.", "pagefind/pagefind-entry.json")


def site_digest(site: Path) -> dict[str, str]:
    """tree_digest of a built site, with Pagefind's order-dependent files compared by content, not order:
    one entry with the sorted bytes of each of them, decompressed, under a name that does not change."""
    import gzip
    import re

    digest = tree_digest(site)
    unordered = sorted(path for path in digest if path.startswith(_PAGEFIND_UNORDERED)
                       and not path.endswith((".js", ".css")))
    groups: dict[str, list[str]] = {}
    for path in unordered:
        del digest[path]
        data = (site / path).read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        data = re.sub(rb"_[0-9a-f]{7,}", b"_", data)   # the names of the other files, in the meta and entry files
        name = re.sub(r"_[0-9a-f]{7,}(\.pf_)", r"\1", path) + " (order-free)"
        groups.setdefault(name, []).append(hashlib.sha256(bytes(sorted(data))).hexdigest())
    digest.update({name: hashlib.sha256(" ".join(sorted(parts)).encode()).hexdigest()
                   for name, parts in groups.items()})
    return digest


# The build date every demo build test sees: upcoming/past events, "not in the future" checks.
BUILD_EPOCH = str(int(dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC).timestamp()))


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """One real `arena build` of the demo per test session (per xdist worker), dated TODAY."""
    import os
    import subprocess
    import sys

    folders = ("content", "methods", "cases", "blog", "events", "projects", "ideas", "trainings", "data",
               "hooks", "overrides", "material")
    before = {folder: tree_digest(REPO / folder) for folder in folders}
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(REPO), "build",
                             "--site-dir", str(site_dir)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    after = {folder: tree_digest(REPO / folder) for folder in folders}
    assert after == before, "the build modified the source tree"
    return site_dir


# Browser fixtures (demo site served on 127.0.0.1, Chromium via Playwright).
pytest_plugins = ["browser_harness"]


IN_CI = os.environ.get("CI", "").lower() == "true"


def needs_tool(available: bool, what: str) -> pytest.MarkDecorator:
    """Skip a test whose optional tool is missing on a developer's machine.

    Under CI (CI=true) .ci/run installs every tool, so a missing one is a
    broken install: the test then runs and fails instead of being skipped.
    """
    return pytest.mark.skipif(not available and not IN_CI, reason=f"{what} is not installed")
