"""What a content type's pages show, declared: one generic builder reads it (generate/pages/item_pages.py).

A spec names the item template, the references listed on an item page (the
item's own and those pointing at it), the section's index pages with their
grouping, and the type's place in the site's nav. Only what no declaration
covers (an event's programme days, a training's next dates) is a small named
context function on the spec.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from .content_types import ContentType
from .taxonomy import Taxonomy

# Context functions get the arena, the record (item pages only) and the site
# facts; typed loosely here because the model comes before the index and the generator.
ItemContext = Callable[..., dict[str, Any]]      # (arena, record, site) → extra template context
IndexContext = Callable[..., dict[str, Any]]     # (arena, site) → extra template context
ExtraPages = Callable[..., dict[str, str]]       # (arena, site) → docs path → page


def by_title(record: Any) -> str:
    return record.title.casefold()


@dataclass(frozen=True)
class Links:
    """The items an item names in one of its fields, as a list on its page."""

    name: str              # the list's name in the item template
    field: str             # the item's field holding the slugs
    target: ContentType


@dataclass(frozen=True)
class Backlinks:
    """The items that name this one, as a list on its page (each once, in the graph's order)."""

    name: str
    sources: tuple[ContentType, ...] = ()    # only these types; empty: every type …
    excluded: tuple[ContentType, ...] = ()   # … but these

    def admits(self, source: ContentType) -> bool:
        names = {ctype.name for ctype in self.sources}
        return (not names or source.name in names) and source.name not in {c.name for c in self.excluded}


class Group(NamedTuple):
    key: str
    label: str
    members: list


@dataclass(frozen=True)
class ByVocabulary:
    """Groups in a vocabulary's order: a taxonomy vocabulary's name, or fixed (id → label) choices."""

    field: str
    vocabulary: str | Mapping[str, str]
    sort: Callable[[Any], Any] = by_title
    reverse: bool = False
    keep_empty: bool = False     # list every choice, even without items

    def groups(self, taxonomy: Taxonomy, records: list) -> list[Group]:
        choices = taxonomy.ids(self.vocabulary) if isinstance(self.vocabulary, str) else self.vocabulary
        found = []
        for key, label in choices.items():
            members = sorted((r for r in records if _has(r, self.field, key)), key=self.sort, reverse=self.reverse)
            if members or self.keep_empty:
                found.append(Group(key, label, members))
        return found


@dataclass(frozen=True)
class ByOrganisation:
    """Groups by organisation, alphabetical by the organisation's name."""

    field: str
    sort: Callable[[Any], Any] = by_title
    reverse: bool = False

    def groups(self, taxonomy: Taxonomy, records: list) -> list[Group]:
        grouped: dict[str, list] = {}
        for record in records:
            grouped.setdefault(getattr(record.data, self.field), []).append(record)
        ordered = sorted(grouped.items(), key=lambda item: taxonomy.organisation_name(item[0]).casefold())
        return [Group(org, taxonomy.organisation_name(org), sorted(members, key=self.sort, reverse=self.reverse))
                for org, members in ordered]


def _has(record: Any, field: str, key: str) -> bool:
    value = getattr(record.data, field)
    return key in value if isinstance(value, list | tuple) else value == key


@dataclass(frozen=True)
class IndexPage:
    """A page of the type's section listing its items."""

    file: str                    # inside the section: 'index.md'
    template: str
    items: str = ""              # name of every item (by slug) in the template, if it wants them
    groups: str = ""             # name of the grouped items in the template …
    grouping: ByVocabulary | ByOrganisation | None = None   # … grouped so
    context: IndexContext | None = None


@dataclass(frozen=True)
class NavPlace:
    """Where the section's pages stand in the site's nav (the adapter puts them there)."""

    label: str                   # the nav entry; types with the same label share it
    order: int                   # entries by their lowest order, pages within an entry too
    pages: tuple[str, ...] = ("index.md",)   # inside the section


@dataclass(frozen=True)
class PageSpec:
    ctype: ContentType
    item_template: str | None    # None: someone else makes the item pages (the blog plugin makes posts')
    links: tuple[Links, ...] = ()
    backlinks: tuple[Backlinks, ...] = ()
    context: ItemContext | None = None
    item_order: Callable[[Any], Any] | None = None   # the order pages are made in (None: by slug)
    indexes: tuple[IndexPage, ...] = ()
    extra_pages: ExtraPages | None = None            # more pages of the section, made after the indexes
    nav: NavPlace | None = None

    def index_uri(self, index: IndexPage) -> str:
        return f"{self.ctype.section}/{index.file}"
