"""Everything the core generates for the site, from one list of builders.

A builder takes the validated arena and facts about the site and returns
files by their docs-relative path: `.md` files become pages, anything else
(JSON, CSV, iCalendar, feeds) is published as it is. A page may come as a
GeneratedPage: Markdown plus finished HTML parts that go in after conversion. A feature adds itself
by appending its builder to BUILDERS; the site adapters never change.
"""

from __future__ import annotations

from collections.abc import Callable

from kunskapsarena.generate.data.feeds import feed_files
from kunskapsarena.generate.data.ics import calendar_files
from kunskapsarena.generate.data.opendata import open_data_files
from kunskapsarena.generate.editors.cms import cms_files
from kunskapsarena.generate.editors.fieldref import field_reference
from kunskapsarena.generate.pages.contacts import contacts_page
from kunskapsarena.generate.pages.explorer import explorer_pages
from kunskapsarena.generate.pages.item_pages import pages_of, pages_of_each_type_but
from kunskapsarena.generate.pages.print_deck import print_deck
from kunskapsarena.generate.pages.redirects import redirect_pages
from kunskapsarena.generate.pages.vocabulary_pages import vocabulary_pages
from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import CASE, METHOD
from kunskapsarena.source.workers import PARALLEL_THRESHOLD, can_fork, fork_pool

from .html_parts import GeneratedPage
from .site_info import SiteInfo

Output = str | bytes | GeneratedPage
Builder = Callable[[Arena, SiteInfo], dict[str, Output]]

# Pages reach MkDocs in this order, which is the order of its sitemap and search
# index: methods' and cases' pages come before the field reference, every other
# type's after it, each type's by its own builder.
BUILDERS: list[Builder] = [
    pages_of(METHOD, CASE),
    field_reference,
    redirect_pages,
    cms_files,
    *pages_of_each_type_but(METHOD, CASE),
    calendar_files,
    contacts_page,
    explorer_pages,
    open_data_files,
    feed_files,
    vocabulary_pages,
    print_deck,
]


def site_outputs(arena: Arena, site: SiteInfo, workers: int = 1) -> dict[str, Output]:
    """Every generated file: docs-relative path → content.

    `workers` > 1 runs the builders in that many forked processes when the
    arena is large; the result is the same.
    """
    outputs: dict[str, Output] = {}
    for build, built in zip(BUILDERS, _run_builders(arena, site, workers), strict=True):
        for uri, content in built.items():
            if uri in outputs:
                raise ValueError(f"{uri} is generated twice (second time by {build.__module__}.{build.__name__})")
            outputs[uri] = content
    return outputs


_shared: tuple = ()   # (arena, site) inside a worker process, inherited through fork


def _run_builders(arena: Arena, site: SiteInfo, workers: int) -> list[dict[str, Output]]:
    global _shared
    if workers <= 1 or sum(map(len, arena.records.values())) < PARALLEL_THRESHOLD or not can_fork():
        return [build(arena, site) for build in BUILDERS]
    _ = arena.graph   # built once, before the fork, rather than in every worker
    _shared = (arena, site)
    try:
        # Builders are taken in list order: the largest (methods' and cases' pages) goes first.
        with fork_pool(workers) as pool:
            return list(pool.map(_run_builder, range(len(BUILDERS))))
    finally:
        _shared = ()


def _run_builder(index: int) -> dict[str, Output]:
    return BUILDERS[index](*_shared)
