"""One generated page per tag and per organisation, listing everything that names it.

Read from Arena.graph, so every content type and every field that uses the
`tags` or `organisations` vocabulary (organisation, organiser, owner …) shows
up here without code changes. Pages are kept out of the nav and the search
index: they are lists of links to pages that are indexed themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kunskapsarena.generate.html_parts import GeneratedPage, render_page
from kunskapsarena.generate.render import environment
from kunskapsarena.generate.swedish import listing
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.vocabulary_urls import (
    ORGANISATION_SECTION,
    TAG_SECTION,
    organisation_page_uri,
    tag_page_uri,
)

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

@dataclass(frozen=True)
class Group:
    ctype: ContentType
    records: list[Record]


def groups(arena: Arena, vocabulary: str, value: str) -> list[Group]:
    """Visible records naming `value`, grouped by content type in CONTENT_TYPES order."""
    result = []
    for ctype in CONTENT_TYPES:
        records = [r for r in arena.graph.referrers(vocabulary, value, source_type=ctype.name) if r.is_published]
        if records:
            result.append(Group(ctype, sorted(records, key=lambda r: r.title.casefold())))
    return result


def description(name: str, found: list[Group], contacts: int = 0) -> str:
    """The page's own description for search engines and link previews: what it lists, counted."""
    parts = [f"{len(g.records)} {g.ctype.label.lower() if len(g.records) == 1 else g.ctype.count_noun}" for g in found]
    if contacts:
        parts.append(f"{contacts} {'kontaktperson' if contacts == 1 else 'kontaktpersoner'}")
    return f"{name} i kunskapsarenan: {listing(parts)}." if parts else f"{name} i kunskapsarenan."


def vocabulary_pages(arena: Arena, site: SiteInfo | None = None) -> dict[str, GeneratedPage | str]:
    env = environment(arena)
    template = env.get_template("vocabulary_page.md.j2")
    taxonomy = arena.taxonomy
    pages: dict[str, GeneratedPage | str] = {}

    tags = []
    for tag, label in taxonomy.ids("tags").items():
        found = groups(arena, "tags", tag)
        if not found:
            continue
        uri = tag_page_uri(tag)
        tags.append((label, uri, sum(len(g.records) for g in found)))
        pages[uri] = render_page(template, page_uri=uri, title=f"Ämne: {label}", heading=label, groups=found,
                                     description=description(label, found),
                                     intro=f"Allt i arenan som handlar om {label.lower()}.",
                                     organisation=None, contacts=[], back=(f"{TAG_SECTION}/index.md", "Alla ämnen"))
    pages[f"{TAG_SECTION}/index.md"] = env.get_template("vocabulary_index.md.j2").render(
        page_uri=f"{TAG_SECTION}/index.md", title="Ämnen",
        intro="Metoder, goda exempel och blogginlägg ordnade efter ämne.", entries=tags)

    organisations = []
    people_of: dict[str, list[str]] = {}   # grouped once: organisations × people would be quadratic
    for pid, person in taxonomy.people.items():
        people_of.setdefault(person.organisation, []).append(pid)
    for org_id, organisation in sorted(taxonomy.organisations.items(), key=lambda o: o[1].name.casefold()):
        found = groups(arena, "organisations", org_id)
        contacts = people_of.get(org_id, [])
        if not found and not contacts:
            continue
        uri = organisation_page_uri(org_id)
        organisations.append((organisation.name, uri, sum(len(g.records) for g in found)))
        pages[uri] = render_page(template, page_uri=uri, title=organisation.name, heading=organisation.name,
                                     description=description(organisation.name, found, len(contacts)),
                                     groups=found, intro="", organisation=organisation, contacts=contacts,
                                     back=(f"{ORGANISATION_SECTION}/index.md", "Alla organisationer"))
    pages[f"{ORGANISATION_SECTION}/index.md"] = env.get_template("vocabulary_index.md.j2").render(
        page_uri=f"{ORGANISATION_SECTION}/index.md", title="Organisationer",
        intro="Kommuner, regioner, bolag och andra som delar goda exempel och erfarenheter i arenan.",
        entries=organisations)
    return pages
