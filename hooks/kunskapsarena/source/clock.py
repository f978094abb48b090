"""The build date: SOURCE_DATE_EPOCH when set, so builds are reproducible."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def commit_epoch(root: Path) -> str | None:
    """HEAD's commit time when the checkout has no uncommitted changes, else None.

    `arena build` uses it as SOURCE_DATE_EPOCH when none is set, so building
    the same commit twice gives the same bytes; uncommitted work keeps
    today's date (a post dated today must not be "in the future").
    """
    def git(*args: str) -> str | None:
        try:
            result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return result.stdout.strip() if result.returncode == 0 else None

    if git("rev-parse", "--is-inside-work-tree") != "true" or git("status", "--porcelain") != "":
        return None
    epoch = git("log", "-1", "--format=%ct")
    return epoch if epoch and epoch.isdigit() else None
