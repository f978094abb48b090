"""Build the site into a temporary folder and swap it in only on success.

A failed build (bad content, broken link, strict-mode warning) must leave
the previously published `site/` exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class BuildFailed(Exception):
    pass


def build_site(root: Path, site_dir: Path, extra_args: tuple[str, ...] = ()) -> None:
    root = Path(root).resolve()
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging), *extra_args]
    try:
        result = subprocess.run(command, cwd=root, env=env)
        if result.returncode != 0:
            raise BuildFailed(f"mkdocs build misslyckades (kod {result.returncode}); "
                              f"{site_dir.name}/ är oförändrad")
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, site_dir: Path) -> None:
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        os.replace(site_dir, retired / "site")
    os.replace(staging, site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
