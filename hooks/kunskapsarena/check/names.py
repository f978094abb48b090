"""Which names an item, an old address (alias) or a vocabulary id may have.

A name becomes a file and an address on the site: `methods/kundresa.md` is
published at `metoder/kundresa/`. So a name must not be an address the site
makes itself (`metoder/per-fas/`), must work on every file system (Windows
refuses `con`, `aux`, `nul` …) and must stay short enough for paths and URLs.

The generated pages are listed here rather than asked of the builders at
run time: the builders render templates (Jinja, Markdown), which `arena check`
must stay free of. tests/test_names.py builds the demo site and fails when a
builder makes a page in a section that is not listed here.
"""

from __future__ import annotations

from functools import cache

from kunskapsarena.model.content_types import CASE, EVENT, IDEA, METHOD, ContentType
from kunskapsarena.model.engine import current_engine

MAX_NAME_LENGTH = 100

# Device names Windows refuses as file names, with any extension (con.md too).
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10)])

# Pages and folders the builders make inside a section (docs paths; see the
# page spec or builder named in each comment). Every section also has its own index page.
_GENERATED = (
    f"{METHOD.section}/per-fas.md",               # sections.PAGE_SPECS (method)
    f"{METHOD.section}/skriv-ut.md",              # print_deck.DECK_PAGE
    f"{CASE.section}/per-organisation.md",        # sections.PAGE_SPECS (case)
    f"{EVENT.section}/kalender.ics",              # event_pages.FEED_URI
    f"{EVENT.section}/ics/",                      # event_pages.ics_uri: one calendar file per event
    f"{IDEA.section}/foresla.md",                 # idea_pages.SUBMIT_URI
)


def generated_names(section: str) -> frozenset[str]:
    """Names in `section` (e.g. 'metoder', 'taggar') that the site uses for its own pages."""
    return _builder_names(section) | current_engine().generated_names(section)


@cache
def _builder_names(section: str) -> frozenset[str]:
    names = {"index"}
    for path in _GENERATED:
        folder, _, rest = path.partition("/")
        if folder == section:
            names.add(rest.split("/")[0].split(".")[0])
    return frozenset(names)


def url_section(ctype: ContentType) -> str:
    """The first part of the type's item URLs ('metoder'; the engine may place a type elsewhere)."""
    return ctype.url("x").split("/")[0]


def name_problem(name: str, section: str) -> tuple[str, str] | None:
    """(message, a name that would do) when `name` may not be an address in `section`, else None.

    `name` is already a valid slug (lowercase a–z, digits, hyphens)."""
    if len(name) > MAX_NAME_LENGTH:
        return f"namnet är {len(name)} tecken långt, högst {MAX_NAME_LENGTH} är tillåtet", shorten(name)
    if name in WINDOWS_RESERVED:
        return f"'{name}' är ett reserverat namn i Windows och går inte att spara där", f"{name}-1"
    if name in generated_names(section):
        address = f"{section}/" if name == "index" else f"{section}/{name}/"
        return f"'{name}' är adressen till en sida som webbplatsen själv skapar ({address})", f"{name}-1"
    return None


def shorten(slug: str, limit: int = MAX_NAME_LENGTH) -> str:
    """The slug cut at a word (hyphen) boundary to at most `limit` characters."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit + 1] else slug[:limit]
    return cut[:limit].strip("-")
