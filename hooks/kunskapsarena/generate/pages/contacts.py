"""The contacts page: everyone in data/people.yml by organisation, with what each is contact for.

Roles come from the referring field's `reverse` label ("Kontaktperson
för", "Skribent för", "Medverkar i"), so a new person field in any type
shows up here without code.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kunskapsarena.generate.html_parts import GeneratedPage, render_page
from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CONTENT_TYPES
from kunskapsarena.model.field_specs import field_at

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

CONTACTS_URI = "kontakter/index.md"


def person_roles(arena: Arena, pid: str) -> list[tuple[str, list[Record]]]:
    """(role label, records) for one person, roles in first-seen order, records once each, by type then title."""
    roles: dict[str, dict[int, Record]] = defaultdict(dict)
    for edge in arena.graph.incoming("person", pid):
        roles[reverse_label(edge.source.type.model, edge.field)][id(edge.source)] = edge.source
    order = {ctype.name: index for index, ctype in enumerate(CONTENT_TYPES)}
    return [(label, sorted(records.values(), key=lambda r: (order[r.type.name], r.title.casefold())))
            for label, records in roles.items()]


@cache
def reverse_label(model: type[BaseModel], dotted: str) -> str:
    """The `reverse` label of a (possibly nested) reference field, else its title."""
    spec = field_at(model, dotted.split("."))
    return spec.reverse or spec.title or spec.name


def contacts_page(arena: Arena, site: SiteInfo) -> dict[str, GeneratedPage | str]:
    taxonomy = arena.taxonomy
    by_organisation: dict[str, list[str]] = defaultdict(list)
    for pid, person in taxonomy.people.items():
        by_organisation[person.organisation].append(pid)
    groups = [(taxonomy.organisation_name(org), sorted(pids, key=lambda p: taxonomy.people[p].name.casefold()))
              for org, pids in sorted(by_organisation.items(),
                                      key=lambda item: taxonomy.organisation_name(item[0]).casefold())]
    roles = {pid: person_roles(arena, pid) for pid in taxonomy.people}
    page = render_page(environment(arena).get_template("contacts.md.j2"),
        page_uri=CONTACTS_URI, groups=groups, roles=roles, count=len(taxonomy.people))
    return {CONTACTS_URI: page}
