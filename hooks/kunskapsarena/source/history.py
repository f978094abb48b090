"""Files renamed since the last commit, asked of git when the arena is a git work tree.

Renaming an item's file changes its address; `aliases` keeps the old one
working, but only if the editor remembers to add it. The check compares the
content folders with the last commit (HEAD): a rename git already sees
(`git mv`, or staged) and a file deleted next to a new, untracked one in the
same folder with the same title (a rename in a file manager or the CMS).
Without git, outside a work tree, before the first commit or when git fails,
there is simply nothing to compare: the check never fails for that.

CI checks a branch whose renames are already committed: there ARENA_RENAMES_SINCE
names what to compare with instead of HEAD (e.g. `origin/main`, the pull request's base).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from .load import UnreadableFile, read_text

SINCE_VARIABLE = "ARENA_RENAMES_SINCE"
_TIMEOUT = 10   # seconds per git call; a slow network file system must not hang the check
_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)


def since() -> str:
    """The commit renames are counted from: HEAD, or ARENA_RENAMES_SINCE."""
    return os.environ.get(SINCE_VARIABLE, "").strip() or "HEAD"


def renamed_files(root: Path, folders: Iterable[str], suffix: str = ".md") -> list[tuple[str, str]]:
    """(old path, new path) pairs relative to `root`, for files in `folders` renamed since `since()`."""
    folders = [folder for folder in folders if (root / folder).is_dir()]
    base = since()
    if not folders or shutil.which("git") is None or base.startswith("-"):
        return []
    if _git(root, "rev-parse", "--verify", "-q", f"{base}^{{commit}}") is None:   # no work tree, no such commit
        return []
    diff = _git(root, "diff", "--name-status", "-M", "-z", "--relative", base, "--", *folders)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *folders)
    if diff is None or untracked is None:
        return []
    pairs, deleted, added = [], [], [path for path in untracked.split("\0") if path.endswith(suffix)]
    fields = diff.split("\0")
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        if status.startswith(("R", "C")):
            old, new = fields[index + 1], fields[index + 2]
            if status.startswith("R") and old.endswith(suffix) and new.endswith(suffix):
                pairs.append((old, new))
            index += 3
            continue
        path = fields[index + 1]
        if path.endswith(suffix):
            (deleted if status == "D" else added if status == "A" else []).append(path)
        index += 2
    pairs += _same_title(root, base, deleted, added)
    return pairs


def _same_title(root: Path, base: str, deleted: list[str], added: list[str]) -> list[tuple[str, str]]:
    """A deleted file and a new one in the same folder with the same title: renamed outside git."""
    if not deleted or not added:
        return []
    pairs = []
    for old in deleted:
        before = _git(root, "show", f"{base}:./{old}")
        title = _title(before or "")
        if not title:
            continue
        for new in added:
            if Path(new).parent == Path(old).parent and _title(_read(root, root / new)) == title:
                pairs.append((old, new))
                added.remove(new)
                break
    return pairs


def _title(text: str) -> str:
    front = text.split("\n---", 1)[0]
    found = _TITLE.search(front)
    return found[1].strip("'\"") if found else ""


def _read(root: Path, path: Path) -> str:
    try:
        return read_text(root, path)   # never through a symbolic link
    except (OSError, UnreadableFile):
        return ""


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              timeout=_TIMEOUT, check=False, encoding="utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
