"""Everything the core generates for the site, from one list of builders.

A builder takes the validated arena and facts about the site and returns
files by their docs-relative path: `.md` files become pages, anything else
(JSON, CSV, iCalendar, feeds) is published as it is. A page may come as a
GeneratedPage: Markdown plus finished HTML parts that go in after conversion. A feature adds itself
by appending its builder to BUILDERS; the site adapters never change.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .aliases import redirect_pages
from .arena import Arena
from .cms import cms_files
from .contacts import contacts_page
from .event_pages import event_pages
from .explorer import explorer_pages
from .feeds import feed_files
from .fieldref import field_reference
from .html_parts import GeneratedPage
from .ics import calendar_files
from .idea_pages import idea_pages
from .opendata import open_data_files
from .print_deck import print_deck
from .project_pages import project_pages
from .render import render_pages
from .settings import Settings
from .training_pages import training_pages
from .vocabulary_pages import vocabulary_pages
from .workers import PARALLEL_THRESHOLD, can_fork


@dataclass(frozen=True)
class SiteInfo:
    url: str          # absolute site URL ending in '/', or '' when unknown
    today: dt.date    # the build date (SOURCE_DATE_EPOCH when set)
    settings: Settings = field(default_factory=Settings, hash=False)   # mkdocs.yml `extra`, checked

    def absolute(self, path: str) -> str:
        """Absolute URL of a site path such as 'metoder/kundresa/'."""
        return self.url + path if self.url else "/" + path


Output = str | bytes | GeneratedPage
Builder = Callable[[Arena, SiteInfo], dict[str, Output]]

BUILDERS: list[Builder] = [
    render_pages,
    field_reference,
    redirect_pages,
    cms_files,
    event_pages,
    calendar_files,
    project_pages,
    idea_pages,
    training_pages,
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
        # Builders are taken in list order: the largest (render_pages) goes first.
        with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(_run_builder, range(len(BUILDERS))))
    finally:
        _shared = ()


def _run_builder(index: int) -> dict[str, Output]:
    return BUILDERS[index](*_shared)
