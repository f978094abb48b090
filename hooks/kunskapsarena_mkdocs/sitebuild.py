"""Build the site into a fresh folder and swap it in only on success.

What a failed, interrupted or killed build must never do: leave `site/`
half-written, missing, or unreadable for the web server.

- MkDocs writes into `.site-new-<random>/` next to `site/`, created with the
  usual permissions (0777 minus the umask: directories 0755, files 0644), not
  tempfile.mkdtemp's 0700, which a web server running as another user cannot
  read.
- On success the new folder and `site/` trade places in one atomic step:
  renameat2(RENAME_EXCHANGE) on Linux, renamex_np(RENAME_SWAP) on macOS. Two
  renames (site/ away, new folder in) leave a moment without `site/`, and
  os.replace cannot put a folder onto a non-empty one. We keep `site/` a real
  folder rather than a symlink to versioned folders (the other atomic
  approach) because deployments copy it (`cp -r`, `rsync`, CI artifacts):
  `cp -r site` copies a symlink as a symlink. Only where the file system has
  no atomic exchange (Windows, some network file systems) do we fall back to
  the two renames, with signals blocked between them.
- One build at a time per folder (a lock on the parent folder), so the next
  build can safely remove what a killed one left behind (`.site-new-*`,
  `.site-old-*`).
- SIGTERM, SIGINT and SIGHUP stop MkDocs and every worker process it forked
  (its own process group), and remove the unfinished folder; on Linux MkDocs
  is also told to stop if `arena build` itself is killed with SIGKILL.
- Disk full, a read-only tree or missing permissions give one Swedish line.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

STAGING_PREFIX = ".site-new-"
RETIRED_PREFIX = ".site-old-"
STOP_GRACE_SECONDS = 5
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


class BuildFailed(Exception):
    pass


class BuildInterrupted(BaseException):
    """A stop signal arrived: like KeyboardInterrupt, not an ordinary error."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_WRITE_ERRORS = {
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
}


def write_failure(error: BaseException) -> str | None:
    """A Swedish line for an OSError of the file system (disk full, read-only, no permission), else None."""
    if not isinstance(error, OSError) or error.errno not in _WRITE_ERRORS:
        return None
    where = f": {error.filename}" if error.filename else ""
    return f"bygget avbröts, {_WRITE_ERRORS[error.errno]}{where}"


def build_site(root: Path, site_dir: Path, extra_args: tuple[str, ...] = ()) -> None:
    """Build root's site into site_dir; raises BuildFailed (site_dir unchanged) or BuildInterrupted."""
    root = Path(root).resolve()
    site_dir = Path(site_dir).resolve()   # a site/ that links to the web root: build next to the real folder
    unchanged = f"{site_dir.name}/ är oförändrad"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with _one_build_at_a_time(site_dir.parent):
            remove_leftovers(site_dir.parent)
            staging = _new_folder(site_dir.parent, STAGING_PREFIX)
            try:
                command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                           "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging), *extra_args]
                code = _run(command, root, env)
                if code != 0:
                    raise BuildFailed(f"mkdocs build misslyckades (kod {code}); {unchanged}")
                staging = _swap(staging, site_dir)   # now the previous site, to remove
            finally:
                _remove(staging)
    except OSError as exc:
        reason = _WRITE_ERRORS.get(exc.errno, exc.strerror or str(exc))
        raise BuildFailed(f"kunde inte skriva i {site_dir.parent}: {reason}; {unchanged}") from None


@contextlib.contextmanager
def _one_build_at_a_time(parent: Path) -> Iterator[None]:
    """An exclusive lock on the parent folder (flock: released when the process dies)."""
    try:
        import fcntl
    except ImportError:   # Windows: no lock, builds there are not run concurrently by CI
        yield
        return
    fd = os.open(parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise BuildFailed(f"ett annat bygge i {parent} pågår redan; vänta tills det är klart") from None
            # A file system without locks (some network mounts): build anyway.
        yield
    finally:
        os.close(fd)


def remove_leftovers(parent: Path) -> None:
    """Folders of builds that were killed before they could clean up."""
    for entry in os.scandir(parent):
        if entry.name.startswith((STAGING_PREFIX, RETIRED_PREFIX)):
            _remove(Path(entry.path))


def _new_folder(parent: Path, prefix: str) -> Path:
    while True:
        path = parent / f"{prefix}{secrets.token_hex(6)}"
        try:
            os.mkdir(path, 0o777)   # the umask applies: 0755 under the usual 022
            return path
        except FileExistsError:
            continue


def _remove(path: Path) -> None:
    """Best effort: what cannot be removed now is a leftover the next build removes."""
    if path.is_symlink() or path.is_file():
        with contextlib.suppress(OSError):
            path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------- MkDocs

def _run(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Run MkDocs in its own process group; a stop signal stops the whole group, then re-raises.

    Its own group: SIGTERM reaches MkDocs' forked page workers too, and a
    Ctrl-C in the terminal reaches only us, so we stop MkDocs in order.
    """
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in _STOP_SIGNALS:
            previous[signum] = signal.signal(signum, _interrupted)
    try:
        # stdin from /dev/null: a background process group that reads the terminal is stopped.
        process = subprocess.Popen(command, cwd=cwd, env=env, process_group=0, stdin=subprocess.DEVNULL,
                                   preexec_fn=functools.partial(_stop_with_parent, os.getpid()) if _LIBC else None)
        try:
            return process.wait()
        except BaseException:
            _stop(process)
            raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _interrupted(signum: int, frame) -> None:
    raise BuildInterrupted(signum)


def _stop(process: subprocess.Popen) -> None:
    _kill_group(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        _kill_group(process.pid, signal.SIGKILL)
        process.wait()


def _kill_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def _load_libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith(("linux", "darwin")):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc() if sys.platform.startswith("linux") else None   # for prctl; loaded before any fork
_PR_SET_PDEATHSIG = 1


def _stop_with_parent(parent: int) -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: MkDocs gets SIGTERM when `arena build` dies, even by SIGKILL (no orphan keeps writing)."""
    _LIBC.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    if os.getppid() != parent:   # it died before prctl
        os._exit(1)


# ---------------------------------------------------------------- the swap

def _swap(staging: Path, site_dir: Path) -> Path:
    """Put staging at site_dir; returns the path that now holds the previous site (if any)."""
    if not os.path.lexists(site_dir):
        os.rename(staging, site_dir)   # the first build: nothing to replace
        return staging
    if exchange(staging, site_dir):
        return staging
    # No atomic exchange here: two renames, a moment without site/, and no
    # signal may stop us between them.
    retired = site_dir.parent / f"{RETIRED_PREFIX}{secrets.token_hex(6)}"
    blocked = hasattr(signal, "pthread_sigmask")
    if blocked:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        os.rename(site_dir, retired)
        try:
            os.rename(staging, site_dir)
        except OSError:
            os.rename(retired, site_dir)
            raise
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    return retired


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2   # Linux renameat2 flag
_RENAME_SWAP = 2       # macOS renamex_np flag
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False where the system or file system cannot."""
    libc = _load_libc()
    if libc is None:
        return False
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        call = libc.renameat2
        call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        result = call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        call = libc.renamex_np
        call.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        result = call(os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(b))
