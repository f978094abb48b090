"""RSS 2.0 and Atom feeds: the blog, and newly published good-practice cases.

Written with feedgen from the records rather than by mkdocs-rss-plugin: the
plugin needs git history or page dates from MkDocs' own page objects, and it
stamps feeds with the wall-clock time; here every date comes from the content
or from the build date (SOURCE_DATE_EPOCH), so two builds give identical
bytes, and the core stays free of MkDocs. feedgen defaults every timestamp
to now(); each one is therefore set explicitly below.

Editor text reaches a feed reader as text, never as markup (see `_PlainTextAtom`
and `_rss_character_data`): an Atom title or summary says type="text", and an
RSS description, which readers render as HTML, carries HTML-escaped text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CASE, MATERIAL, POST, ContentType
from kunskapsarena.model.fields import STOCKHOLM

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

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
    FeedSpec("material", MATERIAL, "Kunskapsarenan – nytt material",
             "Bildspel, inspelningar och dokumentation från arenans evenemang, senast publicerade först.",
             date=lambda material: material.data.published,
             authors=lambda arena, material: [arena.taxonomy.people[s].name if s in arena.taxonomy.people else s
                                              for s in material.data.speakers],
             categories=lambda arena, material: [arena.taxonomy.label("material_formats", material.data.format),
                                                 *(arena.taxonomy.label("tags", t) for t in material.data.tags)]),
)


def feed_path(spec: FeedSpec, kind: str) -> str:
    """At the site root: Material fetches `sitemap.xml` next to every <link rel=alternate>
    (for language alternates), and only at the root does that file exist."""
    return f"{spec.name}-{kind}.xml"


def _timestamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), STOCKHOLM)


def newest_first(arena: Arena, spec: FeedSpec) -> list[Record]:
    records = arena.published(spec.ctype)
    return sorted(records, key=lambda r: (spec.date(r), r.slug), reverse=True)[:MAX_ENTRIES]


ATOM_TEXT_CONSTRUCTS = ("title", "subtitle", "summary", "rights")


class _PlainTextAtom(BaseEntryExtension):
    """Marks the feed's and every entry's Atom text constructs type="text".

    Without a type Atom already means text (RFC 4287, 3.1.1), but readers that guess
    do not all agree, and the explicit attribute leaves nothing to guess. feedgen calls
    this with the <feed> element (before the entries are added) and with each <entry>.
    """

    def extend_atom(self, element):
        for child in element:
            if etree.QName(child).localname in ATOM_TEXT_CONSTRUCTS and "type" not in child.attrib:
                child.set("type", "text")
        return element


def _rss_character_data(xml: bytes) -> bytes:
    """Write &, < and > as hexadecimal character references (&#x26; &#x3C; &#x3E;).

    The same characters to any XML parser, but RSS never said whether <title> is text
    or HTML, and this is the form the RSS Advisory Board's Best Practices Profile
    recommends because it reads as text in the widest range of aggregators. lxml
    writes these three only as the entities replaced here (our feeds have no CDATA
    or comments), so the swap is exact.
    """
    return xml.replace(b"&amp;", b"&#x26;").replace(b"&lt;", b"&#x3C;").replace(b"&gt;", b"&#x3E;")


def _generator(arena: Arena, spec: FeedSpec, site: SiteInfo, kind: str) -> FeedGenerator:
    records = newest_first(arena, spec)
    feed = FeedGenerator()
    if kind == "atom":
        feed.register_extension("plain_text", _PlainTextAtom, _PlainTextAtom, atom=True, rss=False)
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
        # RSS readers render <description> as HTML ("entity-encoded HTML is allowed"):
        # escaping makes the summary's own < & " arrive as text. Atom says type="text".
        entry.summary(escape(record.data.summary) if kind == "rss" else record.data.summary)
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
        files[feed_path(spec, "rss")] = _rss_character_data(_generator(arena, spec, site, "rss").rss_str(pretty=True))
        files[feed_path(spec, "atom")] = _generator(arena, spec, site, "atom").atom_str(pretty=True)
    return files
