"""Change project pages and the overview grouped by status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CASE, IDEA, METHOD, PROJECT

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

INDEX_URI = f"{PROJECT.section}/index.md"


def projects_by_status(arena: Arena) -> list[tuple[str, str, list[Record]]]:
    """(status id, label, projects) in the taxonomy's order, empty statuses left out."""
    projects = arena.of_type(PROJECT)
    groups = []
    for status, label in arena.taxonomy.ids("project_statuses").items():
        members = sorted((p for p in projects if p.data.status == status),
                         key=lambda p: (p.data.period.start, p.title.casefold()), reverse=True)
        if members:
            groups.append((status, label, members))
    return groups


def project_pages(arena: Arena, site: SiteInfo) -> dict[str, str]:
    env = environment(arena)
    pages = {}
    for project in arena.of_type(PROJECT):
        data = project.data
        pages[project.page_uri] = env.get_template("project.md.j2").render(
            page_uri=project.page_uri, item=project, data=data,
            methods=[arena.get(METHOD, slug) for slug in data.methods],
            cases=[arena.get(CASE, slug) for slug in data.cases],
            ideas=[arena.get(IDEA, slug) for slug in data.ideas],
            funding_total=sum(f.amount or 0 for f in data.funding))
    pages[INDEX_URI] = env.get_template("projects_index.md.j2").render(
        page_uri=INDEX_URI, groups=projects_by_status(arena), count=len(arena.of_type(PROJECT)))
    return pages
