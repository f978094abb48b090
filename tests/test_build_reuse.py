"""`arena build` of unchanged inputs reuses the site it built before; anything else builds in full."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, copy_small_project, tree_digest

pytestmark = pytest.mark.build

REUSED = "är redan byggd av exakt de här filerna; inget att bygga om."


def build(root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build"],
                          capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, **env})


def test_unchanged_inputs_reuse_the_site_and_any_change_builds_again(tmp_path: Path):
    root = copy_small_project(tmp_path / "arena")
    first = build(root)   # a clean checkout: no record, a full build as always
    assert first.returncode == 0, first.stdout + first.stderr
    assert REUSED not in first.stderr
    site = root / "site"
    built = tree_digest(site)
    stamp = (site / "index.html").stat().st_mtime_ns

    again = build(root)
    assert again.returncode == 0, again.stderr
    assert REUSED in again.stderr
    assert "Allt innehåll är giltigt" in again.stderr, "the check always runs"
    assert tree_digest(site) == built and (site / "index.html").stat().st_mtime_ns == stamp

    # Another build date is another input.
    later = build(root, SOURCE_DATE_EPOCH=str(int(BUILD_EPOCH) + 86_400))
    assert REUSED not in later.stderr and later.returncode == 0

    # A changed content file builds again, and shows.
    build(root)
    method = root / "methods" / "kundresa.md"
    method.write_text(method.read_text(encoding="utf-8").replace("title: Kundresa", "title: Kundresan"),
                      encoding="utf-8")
    changed = build(root)
    assert changed.returncode == 0 and REUSED not in changed.stderr
    assert "Kundresan" in (site / "metoder" / "kundresa" / "index.html").read_text(encoding="utf-8")

    # A site someone edited is built again, not trusted.
    (site / "index.html").write_text("ändrad", encoding="utf-8")
    time.sleep(0.01)
    repaired = build(root)
    assert repaired.returncode == 0 and REUSED not in repaired.stderr
    assert (site / "index.html").read_text(encoding="utf-8") != "ändrad"

    # Without the record (a fresh checkout of the same files): a full build.
    (root / ".cache" / "arena-build.json").unlink()
    fresh = build(root)
    assert fresh.returncode == 0 and REUSED not in fresh.stderr
