"""The printable method deck ("Skriv ut metodkorten"): every method card on one page.

Each card carries the explorer's facet data, so explorer.js narrows the deck
to the filter in the query string (the explorer's print link passes it on).
Without JavaScript, or without a filter, the whole deck prints.

A card's text is the method's body as already converted on the method's own
page (html_parts.marked_body): converting every body a second time, as one
huge page, cost more than all the method pages together. The site adapter
fills the cards once every page is converted (`fill_deck`). Method pages and
the deck are in the same folder, so the body's relative links work unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from markupsafe import Markup

from kunskapsarena.generate.html_parts import GeneratedPage, converted_body, render_page
from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import METHOD

from .explorer import METHOD_EXPLORER, cards

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

DECK_PAGE = f"{METHOD.section}/skriv-ut.md"
_PLACEHOLDER = "<!-- ka-deck-body {} -->"
_PLACEHOLDERS = re.compile(r"<!-- ka-deck-body ([a-z0-9-]+) -->")
# Inside tags only: converted text never holds a raw '<' (it is escaped as &lt;).
_HEADING_TAG = re.compile(r"<(/?)h([1-5])(?=[\s>])")
_ID_ATTRIBUTE = re.compile(r'(<[a-zA-Z][^<>]*?\sid=")([^"]*)"')
_FRAGMENT_LINK = re.compile(r'(<a\s[^<>]*?href="#)([^"]*)"')


def body_placeholder(slug: str) -> Markup:
    return Markup(_PLACEHOLDER.format(slug))


def print_deck(arena: Arena, site: SiteInfo | None = None) -> dict[str, str | GeneratedPage]:
    env = environment(arena)
    env.filters["body_placeholder"] = body_placeholder
    return {DECK_PAGE: render_page(env.get_template("print_deck.md.j2"),
        page_uri=DECK_PAGE, cards=cards(arena, METHOD_EXPLORER), ctype=METHOD)}


def deck_card_body(body_html: str, slug: str) -> str:
    """A method's body as it reads on its card.

    Headings move one level down (the method's title is the card's heading),
    and ids get the method's slug in front, so the deck has no duplicate ids
    and the body's own '#…' links and permalinks still point inside the card.
    """
    body = _HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", body_html)
    body = _ID_ATTRIBUTE.sub(lambda m: f'{m[1]}{slug}--{m[2]}"', body)
    return _FRAGMENT_LINK.sub(lambda m: f'{m[1]}{slug}--{m[2]}"', body)


def fill_deck(deck_html: str, converted_page: Callable[[str], str | None]) -> str:
    """The deck with every card's body in place; `converted_page(slug)` is the method page's HTML."""
    def body(match: re.Match) -> str:
        page_html = converted_page(match[1])
        found = converted_body(page_html) if page_html is not None else None
        if found is None:
            raise ValueError(f"{DECK_PAGE}: the method page '{match[1]}' has no converted body")
        return deck_card_body(found, match[1])
    return _PLACEHOLDERS.sub(body, deck_html)
