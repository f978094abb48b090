"""Shared fixtures: a small valid arena to break on purpose, and the real repository."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

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


@pytest.fixture
def arena(tmp_path: Path) -> ArenaDir:
    root = tmp_path / "arena"
    shutil.copytree(MINIMAL, root)
    return ArenaDir(root)


def copy_project(target: Path) -> Path:
    """The whole repository (config, hooks, content, data) without build output."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "__pycache__", "*.egg-info",
                                    ".pytest_cache", "tests")
    shutil.copytree(REPO, target, ignore=ignore)
    return target


def tree_digest(root: Path) -> dict[str, str]:
    """Content hash of every file below root, to prove nothing was touched."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


# Browser fixtures (demo site served on 127.0.0.1, Chromium via Playwright).
pytest_plugins = ["browser_harness"]


IN_CI = os.environ.get("CI", "").lower() == "true"


def needs_tool(available: bool, what: str) -> pytest.MarkDecorator:
    """Skip a test whose optional tool is missing on a developer's machine.

    Under CI (CI=true) .ci/run installs every tool, so a missing one is a
    broken install: the test then runs and fails instead of being skipped.
    """
    return pytest.mark.skipif(not available and not IN_CI, reason=f"{what} is not installed")
