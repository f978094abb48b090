"""Every content type's item pages and section index pages, from the types' page specs (sections.py).

Common to all: an item page gets its record (`item`, `data`, `page_uri`), the
items it names (Links) and the items naming it (Backlinks); an index page
gets the type's items, grouped as its spec says. A spec's context function
adds what is particular to its type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kunskapsarena.generate.html_parts import GeneratedPage, render_page
from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import ContentType
from kunskapsarena.model.page_specs import PageSpec

from .sections import PAGE_SPECS

if TYPE_CHECKING:
    from jinja2 import Environment

    from kunskapsarena.generate.site_info import SiteInfo

Pages = dict[str, str | GeneratedPage]


def type_pages(arena: Arena, site: SiteInfo, specs: tuple[PageSpec, ...] = PAGE_SPECS) -> Pages:
    """The types' item pages, then their index pages, in the specs' order."""
    env = environment(arena)
    pages: Pages = {}
    for spec in specs:
        pages.update(_item_pages(env, arena, site, spec))
    for spec in specs:
        pages.update(_index_pages(env, arena, site, spec))
        if spec.extra_pages:
            pages.update(spec.extra_pages(arena, site))
    return pages


def pages_of(*ctypes: ContentType) -> Callable[[Arena, SiteInfo], Pages]:
    """A builder (outputs.py) of these types' pages."""
    names = {ctype.name for ctype in ctypes}
    specs = tuple(spec for spec in PAGE_SPECS if spec.ctype.name in names)

    def build(arena: Arena, site: SiteInfo) -> Pages:
        return type_pages(arena, site, specs)

    build.__name__ = f"pages_of_{'_'.join(spec.ctype.name for spec in specs)}"
    return build


def pages_of_each_type_but(*ctypes: ContentType) -> list[Callable[[Arena, SiteInfo], Pages]]:
    """One builder per other type that has pages of ours: a new type is built without being named."""
    names = {ctype.name for ctype in ctypes}
    return [pages_of(spec.ctype) for spec in PAGE_SPECS
            if spec.ctype.name not in names and (spec.item_template or spec.indexes or spec.extra_pages)]


def _item_pages(env: Environment, arena: Arena, site: SiteInfo, spec: PageSpec) -> Pages:
    if spec.item_template is None:
        return {}
    template = env.get_template(spec.item_template)
    records = arena.of_type(spec.ctype)
    if spec.item_order:
        records = sorted(records, key=spec.item_order)
    pages: Pages = {}
    for record in records:
        context = {links.name: [arena.get(links.target, slug) for slug in getattr(record.data, links.field)]
                   for links in spec.links}
        context.update(_backlinks(arena, spec, record))
        if spec.context:
            context.update(spec.context(arena, record, site))
        pages[record.page_uri] = render_page(template, page_uri=record.page_uri, item=record, data=record.data,
                                             **context)
    return pages


def _backlinks(arena: Arena, spec: PageSpec, record: Record) -> dict[str, list[Record]]:
    if not spec.backlinks:
        return {}
    referrers = arena.graph.referrers(spec.ctype.name, record.slug)
    return {backlinks.name: [r for r in referrers if backlinks.admits(r.type)] for backlinks in spec.backlinks}


def _index_pages(env: Environment, arena: Arena, site: SiteInfo, spec: PageSpec) -> Pages:
    records = arena.of_type(spec.ctype)
    pages: Pages = {}
    for index in spec.indexes:
        uri = spec.index_uri(index)
        context = {}
        if index.items:
            context[index.items] = records
        if index.grouping:
            context[index.groups] = index.grouping.groups(arena.taxonomy, records)
        if index.context:
            context.update(index.context(arena, site))
        pages[uri] = render_page(env.get_template(index.template), page_uri=uri, **context)
    return pages
