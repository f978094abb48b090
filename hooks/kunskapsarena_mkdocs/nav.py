"""The content types' sections in MkDocs' nav, and their item pages out of it, from the page specs.

mkdocs.yml lists only the hand-written pages; `- arena:sections` marks where
the sections go (without it they go last). A page the site owner lists
anywhere in the nav is not added again.
"""

from __future__ import annotations

from pathspec.gitignore import GitIgnoreSpec

SECTIONS_MARKER = "arena:sections"

NavEntry = str | dict


def with_sections(nav: list[NavEntry] | None, sections: list[tuple[str, list[str]]]) -> list[NavEntry] | None:
    """The configured nav with the sections' entries at the marker; None stays None (MkDocs' own nav)."""
    if nav is None:
        return None
    listed = set(_pages(nav))
    entries: list[NavEntry] = []
    for label, pages in sections:
        missing = [page for page in pages if page not in listed]
        if missing:
            entries.append({label: missing[0] if len(missing) == 1 else missing})
    placed, found = _at_marker(nav, entries)
    return placed if found else [*placed, *entries]


def with_pages_kept_out(not_in_nav: GitIgnoreSpec | None, patterns: list[str]) -> GitIgnoreSpec:
    """The sections' patterns, then the site owner's own (so one of theirs may take a page back)."""
    derived = GitIgnoreSpec.from_lines(patterns)
    return derived + not_in_nav if not_in_nav is not None else derived


def _pages(entries: list[NavEntry]) -> list[str]:
    found = []
    for entry in entries:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            found += _pages(value) if isinstance(value, list) else [value]
    return found


def _at_marker(entries: list[NavEntry], sections: list[NavEntry]) -> tuple[list[NavEntry], bool]:
    placed: list[NavEntry] = []
    found = False
    for entry in entries:
        if entry == SECTIONS_MARKER:
            placed += sections
            found = True
        elif isinstance(entry, dict):
            inner = {}
            for title, value in entry.items():
                if isinstance(value, list):
                    value, inside = _at_marker(value, sections)
                    found = found or inside
                inner[title] = value
            placed.append(inner)
        else:
            placed.append(entry)
    return placed, found
