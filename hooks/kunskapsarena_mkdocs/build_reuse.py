"""`arena build` of unchanged inputs reuses the site it built last time on this machine.

After each successful build, `.cache/arena-build.json` records a digest of
everything the build read and of the site it wrote. The next `arena build`
(after `arena check`, which always runs) compares: when every input and the
site folder are byte for byte the same, the site already is what MkDocs would
write, and nothing is built. Inputs are every file of the project except
build output and tooling (.git, .venv, site folders, caches), the build date
and SOURCE_DATE_EPOCH, the Python and package versions and PYTHON* variables. Anything else —
no record (a clean checkout), a changed byte anywhere, a site folder someone
touched — builds as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

from kunskapsarena.source.clock import build_date

RECORD = Path(".cache") / "arena-build.json"
NOT_INPUTS = {".git", ".venv", "node_modules", "__pycache__", ".cache", ".pytest_cache", "site"}
_VERSION = 1


def _files_digest(folder: Path, skip_top: set[str] | None = None, skip: Path | None = None) -> str:
    digest = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        if here == folder and skip_top is not None:
            dirnames[:] = [name for name in dirnames if name not in skip_top and not name.startswith(".site-")]
        dirnames[:] = sorted(name for name in dirnames
                             if name != "__pycache__" and (skip is None or here / name != skip))
        for name in sorted(filenames):
            path = here / name
            if path.is_symlink() or not path.is_file():
                digest.update(f"{path.relative_to(folder).as_posix()}\0special\n".encode())
                continue
            digest.update(f"{path.relative_to(folder).as_posix()}\0".encode("utf-8", "surrogateescape"))
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _environment() -> str:
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    return hashlib.sha256("\n".join([sys.version, *packages]).encode()).hexdigest()


def inputs_digest(root: Path, site_dir: Path) -> str:
    parts = {
        "version": _VERSION,
        "files": _files_digest(root, NOT_INPUTS, skip=site_dir),
        "date": build_date().isoformat(),
        "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
        "environment": _environment(),
        # PYTHONPATH can load code into MkDocs (sitecustomize): the interpreter's settings are inputs too.
        "python": sorted((name, value) for name, value in os.environ.items() if name.startswith("PYTHON")),
        "site_dir": str(site_dir),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def unchanged(root: Path, site_dir: Path) -> bool:
    """The site folder is exactly what a build of these inputs wrote last time."""
    try:
        record = json.loads((root / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    entry = record.get(str(site_dir)) if isinstance(record, dict) else None
    if not isinstance(entry, dict) or not site_dir.is_dir():
        return False
    return (entry.get("inputs") == inputs_digest(root, site_dir)
            and entry.get("site") == _files_digest(site_dir))


def remember(root: Path, site_dir: Path, inputs: str) -> None:
    """After a successful build: what it read (digested before it started) and what it wrote.

    Best effort: a tree where the record cannot be written builds in full every time.
    """
    path = root / RECORD
    with contextlib.suppress(OSError, ValueError):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        if not isinstance(record, dict):
            record = {}
        record[str(site_dir)] = {"inputs": inputs, "site": _files_digest(site_dir)}
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
