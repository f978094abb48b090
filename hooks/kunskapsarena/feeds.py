"""RSS 2.0 and Atom feeds: the blog, and newly published good-practice cases.

Written with feedgen from the records rather than by mkdocs-rss-plugin: the
plugin needs git history or page dates from MkDocs' own page objects, and it
stamps feeds with the wall-clock time; here every date comes from the content
or from the build date (SOURCE_DATE_EPOCH), so two builds give identical
bytes, and the core stays free of MkDocs. feedgen defaults every timestamp
to now(); each one is therefore set explicitly below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from .arena import Arena, Record
from .content_types import CASE, POST, ContentType

if TYPE_CHECKING:
    from .outputs import SiteInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MAX_ENTRIES = 50


@dataclass(frozen=True)
class FeedSpec:
    name: str                              # file stem: <name>-rss.xml, <name>-atom.xml
    ctype: ContentType
    title: str
    description: str
    date: Callable[[Record], dt.date]      # when the item appeared
    authors: Callable[[Arena, Record], list[str]]
    categories: Callable[[Arena, Record], list[str]]


FEEDS = (
    FeedSpec("blog", POST, "Kunskapsarenan – blogg",
             "Erfarenheter och reflektioner från innovationsarbete i offentlig sektor.",
             date=lambda post: post.data.date,
             authors=lambda arena, post: [arena.taxonomy.people[a].name for a in post.data.authors
                                          if a in arena.taxonomy.people],
             categories=lambda arena, post: [*post.data.categories,
                                             *(arena.taxonomy.label("tags", t) for t in post.data.tags)]),
    FeedSpec("cases", CASE, "Kunskapsarenan – nya goda exempel",
             "Goda exempel på innovation i kommuner, regioner och bolag, senast publicerade först.",
             date=lambda case: case.data.published,
             authors=lambda arena, case: [arena.taxonomy.organisation_name(case.data.organisation)],
             categories=lambda arena, case: [arena.taxonomy.label("tags", t) for t in case.data.tags]),
)


def feed_path(spec: FeedSpec, kind: str) -> str:
    """At the site root: Material fetches `sitemap.xml` next to every <link rel=alternate>
    (for language alternates), and only at the root does that file exist."""
    return f"{spec.name}-{kind}.xml"


def _timestamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), STOCKHOLM)


def newest_first(arena: Arena, spec: FeedSpec) -> list[Record]:
    records = [r for r in arena.of_type(spec.ctype) if not getattr(r.data, "draft", False)]
    return sorted(records, key=lambda r: (spec.date(r), r.slug), reverse=True)[:MAX_ENTRIES]


def _generator(arena: Arena, spec: FeedSpec, site: SiteInfo, kind: str) -> FeedGenerator:
    records = newest_first(arena, spec)
    feed = FeedGenerator()
    feed.id(site.absolute(spec.ctype.section + "/"))
    feed.title(spec.title)
    feed.subtitle(spec.description)
    feed.description(spec.description)
    feed.language("sv")
    # Self first: RSS's channel <link> is the last link feedgen was given.
    feed.link(href=site.absolute(feed_path(spec, kind)), rel="self")
    feed.link(href=site.absolute(spec.ctype.section + "/"), rel="alternate")
    feed.generator("Kunskapsarena")
    # Atom <updated> and RSS <lastBuildDate> (one value in feedgen): when the content last
    # changed, i.e. the newest item; an empty feed falls back to the build date.
    feed.updated(_timestamp(spec.date(records[0]) if records else site.today))
    for record in records:   # newest first; append keeps that order in the file
        entry = feed.add_entry(order="append")
        url = site.absolute(record.url)
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(record.title)
        entry.link(href=url)
        entry.summary(record.data.summary)
        entry.published(_timestamp(spec.date(record)))
        entry.updated(_timestamp(spec.date(record)))
        for name in spec.authors(arena, record):
            entry.author(name=name)
        for category in dict.fromkeys(spec.categories(arena, record)):   # once each, in order
            entry.category(term=category)
    return feed


def feed_files(arena: Arena, site: SiteInfo) -> dict[str, bytes]:
    files = {}
    for spec in FEEDS:
        files[feed_path(spec, "rss")] = _generator(arena, spec, site, "rss").rss_str(pretty=True)
        files[feed_path(spec, "atom")] = _generator(arena, spec, site, "atom").atom_str(pretty=True)
    return files
