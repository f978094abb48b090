"""Find the project's files without ever following a symbolic link.

A link in the repository can point anywhere on the machine that builds the
site (/etc/passwd, ~/.ssh, another checkout): followed, its target would be
read, and in `content/` published. So the arena never follows one. Every walk
reports links (and pipes, sockets, devices) as problems at the link's own
path, and never looks behind them; load.py opens files with O_NOFOLLOW.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kunskapsarena.model.problems import Problem

PAGES_DIR = "content"   # docs_dir in mkdocs.yml: the hand-written pages and assets MkDocs publishes
LINK_HINT = ("ersätt länken med en vanlig kopia; arenan följer aldrig symboliska länkar, "
             "eftersom de kan peka på filer utanför projektet")
SPECIAL_HINT = "ta bort den; här får bara vanliga filer och mappar ligga"


@dataclass
class Listing:
    files: list[Path] = field(default_factory=list)    # regular files, in path order
    problems: list[Problem] = field(default_factory=list)


def walk(root: Path, folder: str, suffix: str = "", hidden: bool = False) -> Listing:
    """Regular files below root/folder whose names end with `suffix`, and a problem for every link met.

    hidden=False leaves out names starting with '.' without looking into
    them (the loaders never read them). The published tree (docs_dir) is
    walked with hidden=True: MkDocs walks hidden folders too, following links.
    """
    listing = Listing()
    start = _unlinked_folder(root, folder, listing.problems)
    if start is None:
        return listing
    found: list[str] = []
    _scan(str(root), start, suffix, hidden, found, listing.problems)
    # Plain strings split at the separator: the same order as a sorted os.walk, and fast.
    listing.files = [Path(path) for path in sorted(found, key=lambda path: path.split(os.sep))]
    return listing


def published_tree_problems(root: Path, folders: list[str], known: list[Problem]) -> list[Problem]:
    """Links in the folders MkDocs publishes (docs_dir, the theme's custom_dir), relative to root,
    that are not already in `known`."""
    found: list[Problem] = []
    for folder in folders:
        found += [p for p in walk(root, folder, hidden=True).problems if p not in known and p not in found]
    return found


def hidden_output(uris) -> str | None:
    """The first published path with a hidden part (.git, .env), if any.

    MkDocs leaves hidden files out unless exclude_docs re-includes them;
    only .well-known/ (security.txt and friends, RFC 8615) may be published.
    """
    for uri in uris:
        if any(part.startswith(".") and part != ".well-known" for part in uri.split("/")):
            return uri
    return None


def first_link(root: Path, path: Path) -> Path | None:
    """The first symbolic link on the way from root down to path (path included), if any."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def link_problem(root: Path, link: Path) -> Problem:
    rel = _relative(str(root), str(link))
    kind = "mapp" if link.is_dir() else "fil"
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    return Problem(rel, 1, kind, f"är en symbolisk länk (till {target}) och läses inte", LINK_HINT)


def _unlinked_folder(root: Path, folder: str, problems: list[Problem]) -> str | None:
    """root/folder as a string, or None when it is missing or reached through a link (reported)."""
    path = root / folder
    link = first_link(root, path)
    if link is not None:
        problems.append(link_problem(root, link))
        return None
    return str(path) if path.is_dir() else None


def _scan(root: str, directory: str, suffix: str, hidden: bool,
          found: list[str], problems: list[Problem]) -> None:
    try:
        entries = list(os.scandir(directory))
    except OSError as exc:
        problems.append(Problem(_relative(root, directory), 1, "mapp",
                                f"mappen kan inte läsas ({exc.strerror})", "kontrollera mappens behörigheter"))
        return
    # DirEntry answers from the directory listing itself: no extra stat per file.
    for entry in entries:
        if not hidden and entry.name.startswith("."):
            continue
        if entry.is_symlink():
            problems.append(link_problem(Path(root), Path(entry.path)))
        elif entry.is_dir(follow_symlinks=False):
            _scan(root, entry.path, suffix, hidden, found, problems)
        elif entry.is_file(follow_symlinks=False):
            if entry.name.endswith(suffix):
                found.append(entry.path)
        else:
            problems.append(Problem(_relative(root, entry.path), 1, "fil",
                                    "är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) "
                                    "och läses inte", SPECIAL_HINT))


def _relative(root: str, path: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")
