"""Faceted explorers: the Metodbank and Goda exempel start pages.

Every item is a card that carries its facet values in a `data-ka-facets`
attribute (JSON), so overrides/assets/javascripts/explorer.js filters them
without inline script (strict CSP) and without a second data file. Without
JavaScript the page is the complete list: the filter form stays `hidden`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kunskapsarena.generate.html_parts import GeneratedPage, render_page
from kunskapsarena.generate.render import environment, format_minutes, format_persons
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CASE, EVENT, MATERIAL, METHOD, ContentType
from kunskapsarena.model.fields import Range

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

# (URL value, label, lowest, highest), inclusive and not overlapping: a method
# belongs to every band its own range overlaps (30–90 min is in two bands).
DURATION_BANDS = (
    ("upp-till-30", "Upp till 30 min", 1, 30),
    ("30-60", "30–60 min", 31, 60),
    ("1-2-tim", "1–2 timmar", 61, 120),
    ("halvdag", "Halvdag (2–4 timmar)", 121, 240),
    ("heldag", "Heldag eller längre", 241, 10**9),
)
GROUP_BANDS = (
    ("1-5", "1–5 personer", 1, 5),
    ("6-12", "6–12 personer", 6, 12),
    ("13-30", "13–30 personer", 13, 30),
    ("over-30", "Fler än 30", 31, 10**9),
)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    key: str            # the URL query parameter
    legend: str         # Swedish fieldset legend
    options: tuple[Option, ...]


@dataclass(frozen=True)
class FacetSpec:
    key: str
    legend: str
    values: Callable[[Arena, Record], list[str]]    # a record's values for this facet
    choices: Callable[[Arena, list[Record]], list[tuple[str, str]]]   # (value, label) in display order


@dataclass(frozen=True)
class Card:
    record: Record
    facets: dict[str, list[str]]
    meta: list[str]       # short facts under the summary

    @property
    def facets_json(self) -> str:
        return json.dumps(self.facets, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@dataclass(frozen=True)
class ExplorerSpec:
    ctype: ContentType
    title: str
    description: str
    intro: str
    search_label: str
    facets: tuple[FacetSpec, ...]
    meta: Callable[[Arena, Record], list[str]]
    alternative_views: tuple[tuple[str, str], ...] = ()   # (docs-relative page, link text)


def bands(bounds: tuple[tuple[str, str, int, int], ...], value: Range) -> list[str]:
    return [key for key, _label, low, high in bounds if value.min <= high and value.max >= low]


def _vocabulary(name: str) -> Callable[[Arena, list[Record]], list[tuple[str, str]]]:
    return lambda arena, _records: list(arena.taxonomy.ids(name).items())


def _fixed(bounds) -> Callable[[Arena, list[Record]], list[tuple[str, str]]]:
    return lambda _arena, _records: [(key, label) for key, label, _low, _high in bounds]


def _case_region(arena: Arena, case: Record) -> str:
    organisation = arena.taxonomy.organisations.get(case.data.organisation)
    return case.data.region or (organisation.region if organisation else "")


def _organisations_in_use(arena: Arena, records: list[Record]) -> list[tuple[str, str]]:
    used = {r.data.organisation for r in records}
    return sorted(((org, arena.taxonomy.organisation_name(org)) for org in used), key=lambda o: o[1].casefold())


def _years(_arena: Arena, records: list[Record]) -> list[tuple[str, str]]:
    return [(str(year), str(year)) for year in sorted({r.data.year for r in records}, reverse=True)]


def _methods_in_use(arena: Arena, records: list[Record]) -> list[tuple[str, str]]:
    used = {slug for r in records for slug in r.data.methods}
    titles = {slug: arena.get(METHOD, slug).title for slug in used if arena.get(METHOD, slug)}
    return sorted(titles.items(), key=lambda item: item[1].casefold())


def _awards_in_use(_arena: Arena, records: list[Record]) -> list[tuple[str, str]]:
    return [(name, name) for name in sorted({a.name for r in records for a in r.data.awards}, key=str.casefold)]


def _method_meta(arena: Arena, method: Record) -> list[str]:
    return [format_minutes(method.data.duration), format_persons(method.data.group_size),
            arena.taxonomy.label("difficulties", method.data.difficulty).split(" – ")[0]]


def _case_meta(arena: Arena, case: Record) -> list[str]:
    return [arena.taxonomy.organisation_name(case.data.organisation), str(case.data.year),
            arena.taxonomy.label("case_statuses", case.data.status)]


METHOD_EXPLORER = ExplorerSpec(
    ctype=METHOD, title="Metodbank",
    description="Hitta en metod efter fas, tidsåtgång, gruppstorlek, svårighetsgrad och ämne.",
    intro=("Metodbanken samlar beprövade metoder för att förstå behov, ta fram idéer, testa, införa och "
           "utvärdera. Välj det som passar er situation, till exempel en halvdag med tio personer för att "
           "förstå användarna, så visas bara de metoder som passar."),
    search_label="Sök bland metoderna",
    facets=(
        FacetSpec("phase", "Fas", lambda _a, m: list(m.data.phases), _vocabulary("phases")),
        FacetSpec("duration", "Tidsåtgång", lambda _a, m: bands(DURATION_BANDS, m.data.duration), _fixed(DURATION_BANDS)),
        FacetSpec("group", "Gruppstorlek", lambda _a, m: bands(GROUP_BANDS, m.data.group_size), _fixed(GROUP_BANDS)),
        FacetSpec("difficulty", "Svårighetsgrad", lambda _a, m: [m.data.difficulty], _vocabulary("difficulties")),
        FacetSpec("tag", "Ämne", lambda _a, m: list(m.data.tags), _vocabulary("tags")),
    ),
    meta=_method_meta,
    alternative_views=(("metoder/per-fas.md", "Alla metoder ordnade efter fas"),
                       ("taggar/index.md", "Alla ämnen"),
                       ("metoder/skriv-ut.md", "Skriv ut metodkorten")),
)

CASE_EXPLORER = ExplorerSpec(
    ctype=CASE, title="Goda exempel",
    description="Så har kommuner, regioner och bolag arbetat med innovation – och vilka metoder de använde.",
    intro=("Här berättar organisationer om sina utvecklingsarbeten: vad de gjorde, vad det gav och vilka "
           "metoder de använde. Filtrera på organisation, län, år, status, metod eller ämne."),
    search_label="Sök bland exemplen",
    facets=(
        FacetSpec("organisation", "Organisation", lambda _a, c: [c.data.organisation], _organisations_in_use),
        FacetSpec("region", "Län", lambda a, c: [_case_region(a, c)], _vocabulary("regions")),
        FacetSpec("year", "År", lambda _a, c: [str(c.data.year)], _years),
        FacetSpec("status", "Status", lambda _a, c: [c.data.status], _vocabulary("case_statuses")),
        FacetSpec("method", "Metod som användes", lambda _a, c: list(c.data.methods), _methods_in_use),
        FacetSpec("tag", "Ämne", lambda _a, c: list(c.data.tags), _vocabulary("tags")),
        FacetSpec("award", "Utmärkelse", lambda _a, c: [a.name for a in c.data.awards], _awards_in_use),
    ),
    meta=_case_meta,
    alternative_views=(("exempel/per-organisation.md", "Alla exempel ordnade efter organisation"),
                       ("organisationer/index.md", "Alla organisationer")),
)

def _event_of(arena: Arena, material: Record) -> Record | None:
    return arena.get(EVENT, material.data.event)


def _events_in_use(arena: Arena, records: list[Record]) -> list[tuple[str, str]]:
    events = {e.slug: e for e in (_event_of(arena, r) for r in records) if e is not None}
    return [(slug, e.title) for slug, e in sorted(events.items(), key=lambda i: i[1].data.start, reverse=True)]


def _material_year(arena: Arena, material: Record) -> str:
    event = _event_of(arena, material)
    return str(event.data.start.year if event else material.data.published.year)


def _material_years(arena: Arena, records: list[Record]) -> list[tuple[str, str]]:
    return [(year, year) for year in sorted({_material_year(arena, r) for r in records}, reverse=True)]


def _material_meta(arena: Arena, material: Record) -> list[str]:
    event = _event_of(arena, material)
    return [arena.taxonomy.label("material_formats", material.data.format), event.title if event else "",
            f"Publicerad {material.data.published.isoformat()}"]


MATERIAL_EXPLORER = ExplorerSpec(
    ctype=MATERIAL, title="Materialbank",
    description="Bildspel, inspelningar och dokumentation från arenans evenemang.",
    intro=("Här finns bildspel, inspelningar, dokument och grafisk dokumentation från arenans evenemang. "
           "Varje inspelning har textning och varje dokument en sammanfattning i text. Filtrera på "
           "evenemang, form, år eller ämne."),
    search_label="Sök bland materialet",
    facets=(
        FacetSpec("event", "Evenemang", lambda _a, m: [m.data.event], _events_in_use),
        FacetSpec("format", "Form", lambda _a, m: [m.data.format], _vocabulary("material_formats")),
        FacetSpec("year", "År", lambda a, m: [_material_year(a, m)], _material_years),
        FacetSpec("tag", "Ämne", lambda _a, m: list(m.data.tags), _vocabulary("tags")),
    ),
    meta=_material_meta,
    alternative_views=(("evenemang/index.md", "Alla evenemang"),),
)

EXPLORERS: tuple[ExplorerSpec, ...] = (METHOD_EXPLORER, CASE_EXPLORER, MATERIAL_EXPLORER)


def cards(arena: Arena, spec: ExplorerSpec) -> list[Card]:
    """One card per record of the explorer's type, facet values attached."""
    result = []
    for record in sorted(arena.of_type(spec.ctype), key=lambda r: r.title.casefold()):
        facets = {}
        for facet in spec.facets:
            facets[facet.key] = sorted(set(facet.values(arena, record)))
        result.append(Card(record, facets, spec.meta(arena, record)))
    return result


def facets(arena: Arena, spec: ExplorerSpec, deck: list[Card]) -> list[Facet]:
    """Every facet with the options that match at least one card, and how many."""
    records = [card.record for card in deck]
    result = []
    for facet in spec.facets:
        options = []
        for value, label in facet.choices(arena, records):
            count = sum(value in card.facets[facet.key] for card in deck)
            if count:
                options.append(Option(value, label, count))
        if options:
            result.append(Facet(facet.key, facet.legend, tuple(options)))
    return result


def explorer_pages(arena: Arena, site: SiteInfo | None = None) -> dict[str, GeneratedPage | str]:
    env = environment(arena)
    pages = {}
    for spec in EXPLORERS:
        docs_path = f"{spec.ctype.section}/index.md"
        deck = cards(arena, spec)
        pages[docs_path] = render_page(env.get_template("explorer.md.j2"), page_uri=docs_path,
            spec=spec, ctype=spec.ctype, cards=deck, facets=facets(arena, spec, deck))
    return pages
