"""Generated blocks inside hand-written pages: `<!-- arena:kommande-evenemang -->`.

Communicators own the start page's text in content/index.md; where they
put a marker, the build puts the current list (next events, newest cases
and posts, idea-pipeline counts). Any page in content/ may use them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kunskapsarena.generate.pages.event_pages import INDEX_URI as EVENTS_URI
from kunskapsarena.generate.pages.event_pages import upcoming_events
from kunskapsarena.generate.pages.idea_pages import INDEX_URI as IDEAS_URI
from kunskapsarena.generate.pages.idea_pages import SUBMIT_URI, pipeline_counts
from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import CASE, POST
from kunskapsarena.model.problems import did_you_mean
from kunskapsarena.model.settings import SetupError

from .render import environment

if TYPE_CHECKING:
    from .site_info import SiteInfo

MARKER = re.compile(r"^[ \t]*<!--[ \t]*arena:[ \t]*([^ \t>]*)[ \t]*-->[ \t]*$", re.MULTILINE)
SHOWN = 3   # items per list block

Block = Callable[[str], str]   # page uri → Markdown


class UnknownBlock(SetupError):
    """A page in content/ names a block that does not exist."""


def page_blocks(arena: Arena, site: SiteInfo) -> dict[str, Block]:
    """Every block by marker name; each keeps only the few records it shows."""
    env = environment(arena)
    template = env.get_template("blocks.md.j2")
    events = upcoming_events(arena, site.today)[:SHOWN]
    cases = sorted(arena.of_type(CASE), key=lambda c: (c.data.published, c.slug), reverse=True)[:SHOWN]
    posts = sorted(arena.published(POST),
                   key=lambda p: (p.data.date, p.slug), reverse=True)[:SHOWN]
    counts = pipeline_counts(arena)

    def block(name: str, **values) -> Block:
        macro = getattr(template.module, name.replace("-", "_"))
        return lambda page_uri: str(macro(page_uri=page_uri, **values)).strip() + "\n"

    return {
        "kommande-evenemang": block("kommande-evenemang", events=events, index=EVENTS_URI),
        "senaste-exempel": block("senaste-exempel", cases=cases),
        "senaste-inlagg": block("senaste-inlagg", posts=posts),
        "idesluss": block("idesluss", counts=counts, index=IDEAS_URI, submit=SUBMIT_URI),
    }


def fill_blocks(markdown: str, page_uri: str, blocks: dict[str, Block], path: str) -> str:
    """Replace every marker; an unknown name is an error naming the file and line."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in blocks:
            line = markdown.count("\n", 0, match.start()) + 1
            hint = did_you_mean(name, blocks) or f"tillgängliga block: {', '.join(blocks)}"
            raise UnknownBlock(f"{path}:{line}: arena:{name}: okänt block ({hint})")
        return blocks[name](page_uri)

    return MARKER.sub(replace, markdown)
