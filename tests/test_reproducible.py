"""Reproducible builds: the same commit builds byte-identical sites."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import IN_CI, copy_project, site_digest
from kunskapsarena.source.clock import commit_epoch

pytestmark = pytest.mark.build
EPOCH = 1795392000           # 2026-11-23
COMMIT_DATE = "2026-11-02T12:00:00+00:00"   # after every demo date, before the test epoch


def build(project: Path, site_dir: Path, **env: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(project), "build",
                             "--site-dir", str(site_dir)], capture_output=True, text=True,
                            env={**environment, "NO_MKDOCS_2_WARNING": "1", **env})
    assert result.returncode == 0, result.stdout + result.stderr


def lastmods(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path):
    """Different checkout folders, file times and hash seeds; the same SOURCE_DATE_EPOCH."""
    first, second = copy_project(tmp_path / "a"), copy_project(tmp_path / "checkout-b")
    for path in (second / "methods").iterdir():
        os.utime(path, (EPOCH - 86_400 * 30, EPOCH - 86_400 * 30))
    build(first, tmp_path / "site-a", SOURCE_DATE_EPOCH=str(EPOCH), PYTHONHASHSEED="1")
    build(second, tmp_path / "site-b", SOURCE_DATE_EPOCH=str(EPOCH), PYTHONHASHSEED="2")
    a, b = site_digest(tmp_path / "site-a"), site_digest(tmp_path / "site-b")
    assert len(a) > 50
    assert sorted(set(a) ^ set(b)) == []
    assert [path for path in a if a[path] != b[path]] == []
    # Timestamps come from the epoch, not the clock.
    assert lastmods(tmp_path / "site-a") == {"2026-11-23"}
    with gzip.open(tmp_path / "site-a" / "sitemap.xml.gz") as handle:
        handle.read()
        assert handle.mtime == int(dt.datetime(2026, 11, 23, tzinfo=dt.UTC).timestamp())
    # ...and the comparison is sensitive: another epoch gives another site.
    build(first, tmp_path / "site-c", SOURCE_DATE_EPOCH=str(EPOCH + 86_400 * 3))
    c = site_digest(tmp_path / "site-c")
    # Calendar files carry the build date as DTSTAMP (RFC 5545), so they follow the epoch too.
    calendars = {path for path in a if path.endswith(".ics")}
    assert calendars
    assert {path for path in a if a[path] != c.get(path)} == {"sitemap.xml", "sitemap.xml.gz"} | calendars


def git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktionen", "GIT_AUTHOR_EMAIL": "redaktionen@arena.example",
           "GIT_COMMITTER_NAME": "Redaktionen", "GIT_COMMITTER_EMAIL": "redaktionen@arena.example",
           "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def committed_project(tmp_path: Path) -> Path:
    if shutil.which("git") is None:   # CI clones the repository with git: never skipped there
        if IN_CI:
            pytest.fail("git is not installed", pytrace=False)
        pytest.skip("git is not installed")
    project = copy_project(tmp_path / "arena")
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message", "Arena")
    return project


def test_commit_epoch_is_the_commit_time_of_a_clean_checkout(committed_project: Path, tmp_path: Path):
    assert commit_epoch(committed_project) == str(int(dt.datetime.fromisoformat(COMMIT_DATE).timestamp()))
    (committed_project / "methods" / "kundresa.md").write_text("ändrad\n", encoding="utf-8")
    assert commit_epoch(committed_project) is None     # uncommitted work: today's date
    assert commit_epoch(tmp_path) is None               # not a repository


def test_build_without_epoch_dates_the_site_by_its_commit(committed_project: Path, tmp_path: Path):
    build(committed_project, tmp_path / "site")
    assert lastmods(tmp_path / "site") == {"2026-11-02"}
