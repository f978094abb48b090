"""The printable method deck ("Skriv ut metodkorten"): every method card on one page.

Each card carries the explorer's facet data, so explorer.js narrows the deck
to the filter in the query string (the explorer's print link passes it on).
Without JavaScript, or without a filter, the whole deck prints.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .arena import Arena
from .content_types import METHOD
from .explorer import METHOD_EXPLORER, cards
from .html_parts import GeneratedPage, render_page
from .render import environment

if TYPE_CHECKING:
    from .outputs import SiteInfo

DECK_PAGE = f"{METHOD.section}/skriv-ut.md"
_HEADING = re.compile(r"^(#{1,5})(?=\s)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def demote_headings(markdown: str) -> str:
    """One level down (## → ###) so each method's own title stays the card's heading."""
    lines, in_fence = [], False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        lines.append(line if in_fence else _HEADING.sub(r"#\1", line))
    return "\n".join(lines)


def print_deck(arena: Arena, site: SiteInfo | None = None) -> dict[str, str | GeneratedPage]:
    env = environment(arena)
    env.filters["demote_headings"] = demote_headings
    return {DECK_PAGE: render_page(env.get_template("print_deck.md.j2"),
        page_uri=DECK_PAGE, cards=cards(arena, METHOD_EXPLORER), ctype=METHOD)}
