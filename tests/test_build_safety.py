"""`arena build` is safe to interrupt: a complete, readable site/ at every moment, whatever happens."""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_small_project, tree_digest
from kunskapsarena_mkdocs import sitebuild
from kunskapsarena_mkdocs.sitebuild import BuildFailed, build_site

pytestmark = pytest.mark.build
ARENA = [sys.executable, "-m", "kunskapsarena_mkdocs.cli"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
WAIT_SECONDS = 180   # a deadline for conditions on a busy machine, not a timing assertion


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


def build(root: Path, *prefix: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, *ARENA, "--root", str(root), "build"], capture_output=True, text=True,
                          env=env or ENV, umask=0o022)


def modes(site: Path) -> tuple[set[str], set[str]]:
    paths = [site, *site.rglob("*")]
    return ({oct(stat.S_IMODE(p.stat().st_mode)) for p in paths if p.is_dir()},
            {oct(stat.S_IMODE(p.stat().st_mode)) for p in paths if p.is_file()})


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A small project with a published site/."""
    root = copy_small_project(tmp_path_factory.mktemp("safe") / "arena")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_site_gets_normal_permissions(project: Path):
    """tempfile.mkdtemp's 0700 made the site unreadable for a web server running as another user."""
    assert modes(project / "site") == ({"0o755"}, {"0o644"})
    assert leftovers(project) == []


# ---------------------------------------------------------------- stopping a build

PAUSE_HOOK = '''\
import os, pathlib, time

def on_pre_build(config):
    """Like MkDocs' page workers: a forked child, then a long pause in the middle of the build."""
    worker = os.fork()
    if worker == 0:
        time.sleep(600)
        os._exit(0)
    pathlib.Path(os.environ["ARENA_TEST_PIDS"]).write_text(f"{os.getpid()} {worker}")
    time.sleep(600)
'''


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat_file = Path(f"/proc/{pid}/stat")
    try:   # a zombie has stopped; only its exit status is left for its parent to collect
        return stat_file.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return not Path("/proc/self").exists()


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


@pytest.fixture
def paused(project: Path, tmp_path: Path):
    """The project with a hook that pauses MkDocs mid-build; yields (project, file the pids appear in)."""
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    (project / "hooks" / "paus.py").write_text(PAUSE_HOOK, encoding="utf-8")
    config.write_text(original.replace("  - hooks/parallel_pages.py\n",
                                       "  - hooks/parallel_pages.py\n  - hooks/paus.py\n"), encoding="utf-8")
    pids = tmp_path / "pids"
    try:
        yield project, pids
    finally:
        config.write_text(original, encoding="utf-8")
        (project / "hooks" / "paus.py").unlink()
        if pids.exists():   # never leave a sleeper behind, whatever the test found
            for pid in map(int, pids.read_text().split()):
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)


def start_paused_build(project: Path, pids: Path) -> tuple[subprocess.Popen, list[int]]:
    process = subprocess.Popen([*ARENA, "--root", str(project), "build"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**ENV, "ARENA_TEST_PIDS": str(pids)})
    wait_for(lambda: pids.exists() and len(pids.read_text().split()) == 2 or process.poll() is not None,
             "MkDocs to start")
    assert process.poll() is None, process.communicate()
    return process, [int(pid) for pid in pids.read_text().split()]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_stopping_arena_build_stops_mkdocs_and_keeps_the_site(paused, signum: int):
    project, pids = paused
    before = tree_digest(project / "site")
    process, (mkdocs, worker) = start_paused_build(project, pids)
    assert alive(mkdocs) and alive(worker)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 128 + signum
    assert f"arena build: avbrutet ({signal.Signals(signum).name}); site/ är oförändrad" in stderr
    # Stopped, not orphaned: MkDocs and the process it forked are gone once arena build has exited.
    assert not alive(mkdocs)
    assert not alive(worker)
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_killed_build_leaves_no_mkdocs_running_and_the_next_build_cleans_up(paused):
    project, pids = paused
    before = tree_digest(project / "site")
    process, (mkdocs, _) = start_paused_build(project, pids)
    process.kill()   # SIGKILL: no handler runs in arena build
    process.wait()   # not communicate(): the pause hook's own child still holds the output pipes
    wait_for(lambda: not alive(mkdocs), "MkDocs to stop after its parent was killed")
    assert tree_digest(project / "site") == before
    left = leftovers(project)
    assert len(left) == 1 and left[0].startswith(".site-new-")
    (project / left[0] / "gammal.html").write_text("halvfärdig", encoding="utf-8")
    (project / ".site-old-4f2a").mkdir()   # and a swap that was cut short

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/paus.py\n", ""), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert leftovers(project) == []
    assert modes(project / "site") == ({"0o755"}, {"0o644"})


# ---------------------------------------------------------------- disk full, read-only

DISK_FULL = '''\
import builtins, errno, os

_open = builtins.open

def _disk_full(file, mode="r", *args, **kwargs):
    """Writing into the new site fails as on a full disk."""
    if isinstance(file, (str, os.PathLike)) and set(mode) & set("wax") and "/.site-new-" in os.fspath(file):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fspath(file))
    return _open(file, mode, *args, **kwargs)

builtins.open = _disk_full
'''


def test_disk_full_while_mkdocs_writes_gives_one_message_and_keeps_the_site(project: Path, tmp_path: Path):
    (tmp_path / "sitecustomize.py").write_text(DISK_FULL, encoding="utf-8")   # loaded by every Python started
    before = tree_digest(project / "site")
    result = build(project, env={**ENV, "PYTHONPATH": str(tmp_path)})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Error: bygget avbröts, disken är full: " + str(project / ".site-new-") in result.stderr
    assert "arena build: mkdocs build misslyckades (kod 1); site/ är oförändrad" in result.stderr
    assert "Traceback" not in output
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_disk_full_before_mkdocs_starts(project: Path, monkeypatch):
    def full(path, mode=0o777):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    before = tree_digest(project / "site")
    monkeypatch.setattr(sitebuild.os, "mkdir", full)
    with pytest.raises(BuildFailed) as failed:
        build_site(project, project / "site")
    assert str(failed.value) == f"kunde inte skriva i {project}: disken är full; site/ är oförändrad"
    assert tree_digest(project / "site") == before


def read_only_prefix(folder: Path) -> list[str]:
    """A command prefix under which `folder` is read-only: root ignores file modes, so a read-only mount."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    shell = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    prefix = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", shell, "sh", str(folder)]
    if shutil.which("unshare") is None or subprocess.run([*prefix, "true"], capture_output=True).returncode:
        pytest.skip("running as root without user namespaces: no way to make a folder read-only")
    return prefix


def test_read_only_tree_gives_one_message_and_keeps_the_site(project: Path):
    before = tree_digest(project / "site")
    page = project / "content" / "om.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nNy text.\n", encoding="utf-8")   # unchanged inputs would reuse the site
    try:
        result = build(project, *read_only_prefix(project))
    finally:
        project.chmod(0o755)
        page.write_text(original, encoding="utf-8")
    reason = "filsystemet är skrivskyddat" if os.geteuid() == 0 else "behörighet saknas"
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"arena build: kunde inte skriva i {project}: {reason}; site/ är oförändrad"
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(project / "site") == before


# ---------------------------------------------------------------- the swap and the lock

def folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not sys.platform.startswith(("linux", "darwin")), reason="atomic exchange: Linux and macOS")
def test_swap_exchanges_the_folders_in_one_step(tmp_path: Path, monkeypatch):
    """No rename at all: a rename-away-then-in swap would leave a moment without site/."""
    site, staging = folder(tmp_path / "site", "gammal"), folder(tmp_path / ".site-new-x", "ny")

    def no_rename(*args):
        raise AssertionError("renamed instead of exchanged")

    monkeypatch.setattr(sitebuild.os, "rename", no_rename)
    monkeypatch.setattr(sitebuild.os, "replace", no_rename)
    previous = sitebuild._swap(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "ny"
    assert (previous / "index.html").read_text(encoding="utf-8") == "gammal"


def test_swap_without_atomic_exchange_falls_back_to_two_renames(tmp_path: Path, monkeypatch):
    site, staging = folder(tmp_path / "site", "gammal"), folder(tmp_path / ".site-new-x", "ny")
    monkeypatch.setattr(sitebuild, "exchange", lambda a, b: False)
    previous = sitebuild._swap(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "ny"
    assert previous.name.startswith(".site-old-")
    assert (previous / "index.html").read_text(encoding="utf-8") == "gammal"


def test_a_second_build_at_the_same_time_is_refused(tmp_path: Path):
    """Otherwise it would remove the first build's folder as a leftover."""
    site = folder(tmp_path / "site", "gammal")
    running = folder(tmp_path / ".site-new-igang", "halv")
    lock = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(lock, fcntl.LOCK_EX)   # what the running build holds
    try:
        with pytest.raises(BuildFailed) as failed:
            build_site(tmp_path, site)
    finally:
        os.close(lock)
    assert str(failed.value) == f"ett annat bygge i {tmp_path} pågår redan; vänta tills det är klart"
    assert (running / "index.html").is_file()
