"""MkDocs' English link warnings as editors' lines: `path:line: länk: message (hint)`, in Swedish.

MkDocs names the page it converted (`Doc file 'metoder/x.md' …`), which for an
item is a generated page: the line an editor needs is in the item's own file
(methods/x.md), found by looking for the link's text there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

_DOC = r"Doc file '(?P<doc>[^']+)' contains "
_MEAN = r"(?: Did you mean '(?P<mean>[^']+)'\?)?"
_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], tuple[str, str]]]] = [
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the target(?: '[^']*')? is not found among "
                r"documentation files\." + _MEAN + "$"),
     lambda m: (f"'{m['link']}' pekar på en sida eller fil som inte finns",
                f"menade du '{m['mean']}'?" if m["mean"] else "rätta adressen, eller skapa sidan")),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<link>[^']*)', it was left as is\." + _MEAN + "$"),
     lambda m: (f"'{m['link']}' pekar inte på någon fil och lämnas som den är",
                f"menade du '{m['mean']}'?" if m["mean"] else "länka till sidans .md-fil, t.ex. ../metoder/kundresa.md")),
    (re.compile(_DOC + r"an absolute link '(?P<link>[^']*)', it was left as is\." + _MEAN + "$"),
     lambda m: (f"'{m['link']}' börjar med / och kontrolleras inte",
                "skriv en relativ länk till sidans .md-fil, så fungerar den var webbplatsen än publiceras")),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the doc '(?P<target>[^']+)' does not contain an anchor "
                r"'#(?P<anchor>[^']*)'\.$"),
     lambda m: (f"'{m['link']}': sidan {m['target']} har ingen rubrik med ankaret #{m['anchor']}",
                "kontrollera rubriken, ankaret är rubriken med små bokstäver och bindestreck")),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but there is no such anchor on this page\.(?P<rest>.*)$"),
     lambda m: (f"'{m['link']}': sidan har inget ankare #{m['link'].partition('#')[2]}",
                "kontrollera rubriken, ankaret är rubriken med små bokstäver och bindestreck")),
    (re.compile(_DOC + r"a link to '(?P<link>[^']*)' which is excluded from the built site\.$"),
     lambda m: (f"'{m['link']}' leder till en sida som inte publiceras", "ta bort länken eller publicera sidan")),
]


def editor_line(message: str, source_of: Callable[[str], str | None], root: Path) -> str:
    """One MkDocs message as `path:line: länk: message (hint)`; any other message as it is."""
    for pattern, words in _PATTERNS:
        match = pattern.match(message.strip())
        if match:
            text, hint = words(match)
            source = source_of(match["doc"]) or match["doc"]
            return f"{source}:{_line_of(root / source, match['link'])}: länk: {text} ({hint})"
    return message.strip()


def _line_of(path: Path, needle: str) -> int:
    """The first line of the file that holds the link (1 if it cannot be found, e.g. a generated page)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for number, line in enumerate(lines, 1):
        if needle and needle in line:
            return number
    return 1
