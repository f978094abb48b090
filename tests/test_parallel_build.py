"""Pages rendered in worker processes (hooks/parallel_pages.py) build exactly the serial site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, copy_project, site_digest

pytestmark = pytest.mark.build
RENDERED_IN_PROCESSES = "Rendering "


def mkdocs_build(project: Path, site_dir: Path, workers: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH,
           "KUNSKAPSARENA_WORKERS": str(workers)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose",
                           "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
                          capture_output=True, text=True, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "arena")


def test_parallel_build_is_byte_identical_to_the_serial_build(project: Path, tmp_path: Path):
    serial = mkdocs_build(project, tmp_path / "serial", workers=1)
    parallel = mkdocs_build(project, tmp_path / "parallel", workers=2)
    assert serial.returncode == 0, serial.stderr
    assert parallel.returncode == 0, parallel.stderr
    # Both loops really ran in processes, and never in the serial build.
    assert parallel.stderr.count(RENDERED_IN_PROCESSES) == 2
    assert RENDERED_IN_PROCESSES not in serial.stderr
    a, b = site_digest(tmp_path / "serial"), site_digest(tmp_path / "parallel")
    assert len(a) > 100
    assert sorted(set(a) ^ set(b)) == []
    assert [path for path in a if a[path] != b[path]] == []   # search index included


def warnings_and_errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]


def test_warnings_from_workers_count_under_strict_in_page_order(project: Path, tmp_path: Path):
    for name in ("a", "b", "c"):
        (project / "content" / f"trasig-{name}.md").write_text(
            f"# Trasig {name}\n\nSe [sidan som saknas](saknas-{name}.md).\n", encoding="utf-8")
    serial = mkdocs_build(project, tmp_path / "serial", workers=1)
    parallel = mkdocs_build(project, tmp_path / "parallel", workers=2)
    assert serial.returncode == parallel.returncode == 1
    assert "Aborted with 3 warnings in strict mode!" in parallel.stdout + parallel.stderr
    reported = warnings_and_errors(parallel.stderr)
    assert [line for line in reported if "saknas-" in line] == [
        line for line in warnings_and_errors(serial.stderr) if "saknas-" in line]
    assert len([line for line in reported if "saknas-" in line]) == 3


def test_a_page_that_fails_in_a_worker_fails_the_build_once(project: Path, tmp_path: Path):
    (project / "content" / "trasig.md").write_text("# Trasig\n\n<!-- arena:finns-inte -->\n", encoding="utf-8")
    parallel = mkdocs_build(project, tmp_path / "parallel", workers=2)
    assert parallel.returncode == 1
    assert parallel.stderr.count("arena:finns-inte") == 1, parallel.stderr
    assert parallel.stderr.count("Error reading page 'trasig.md'") == 1, parallel.stderr[-3000:]


def test_an_unknown_plugin_with_page_events_keeps_the_pages_in_one_process(project: Path, tmp_path: Path):
    (project / "hooks" / "counter.py").write_text(
        "seen = []\n\ndef on_page_content(html, page, config, files):\n    seen.append(page)\n    return html\n",
        encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - hooks/parallel_pages.py\n", "  - hooks/parallel_pages.py\n  - hooks/counter.py\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", workers=2)
    assert result.returncode == 0, result.stderr
    assert "Pages are rendered one at a time: hooks/counter.py handles 'page_content' events" in result.stderr
    # The template loop has no unknown handlers, so it still runs in processes.
    assert result.stderr.count(RENDERED_IN_PROCESSES) == 1


def test_page_state_a_worker_would_lose_fails_the_build_loudly(project: Path, tmp_path: Path):
    """A plugin (or a future MkDocs) that sets page state the workers do not copy back stops the build."""
    (project / "hooks" / "marker.py").write_text(
        "PARALLEL_SAFE_PAGE_EVENTS = True\n\n"
        "def on_page_markdown(markdown, page, config, files):\n    page.marked_by_plugin = True\n    return markdown\n",
        encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - hooks/parallel_pages.py\n", "  - hooks/parallel_pages.py\n  - hooks/marker.py\n"), encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "serial", workers=1).returncode == 0
    parallel = mkdocs_build(project, tmp_path / "parallel", workers=2)
    assert parallel.returncode == 1
    assert "set page state that workers do not copy back (marked_by_plugin)" in parallel.stderr


def test_another_mkdocs_release_builds_in_one_process_and_says_so(monkeypatch, caplog):
    import mkdocs
    from mkdocs.commands import build as mkdocs_build_module

    from kunskapsarena_mkdocs import parallel_pages

    monkeypatch.setattr(mkdocs, "__version__", "1.7.0")
    monkeypatch.setattr(parallel_pages, "worker_count", lambda: 2)
    original = mkdocs_build_module._populate_page
    with caplog.at_level("WARNING"):
        parallel_pages.on_startup("build", dirty=False)
    assert mkdocs_build_module._populate_page is original
    assert "parallel_pages is written for MkDocs 1.6.1, this is 1.7.0" in caplog.text
