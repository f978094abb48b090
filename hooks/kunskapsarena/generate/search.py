"""What makes each page findable in the site search, engine-neutral.

The search indexes the pages a visitor reads: every published item page and
the hand-written pages in content/ (the site adapter decides which of its
pages those are). Listing, tag, organisation, print and redirect pages are
left out: they repeat the items' titles and would push the items down.

For an item page this module says what the search shows and filters on
besides the page's text:

- its type as visitors read it (`ContentType.label`: Metod, Gott exempel …);
- filters, declared once on the models (`vocabulary(..., search_filter=...)`,
  read through field_specs): "Typ" for every item, "Organisation", "Fas";
- extra terms the page is found by without showing them: the synonyms a
  vocabulary entry lists in data/taxonomy.yml (`synonyms:`) for the values the
  item has, so an item tagged `idéhantering` is found by "förslagsverksamhet".

The site adapter turns this into its search engine's markup
(kunskapsarena_mkdocs/pagefind.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from kunskapsarena.index.arena import Arena
from kunskapsarena.index.record import Record
from kunskapsarena.model.field_specs import declared_fields
from kunskapsarena.model.taxonomy import Taxonomy

TYPE_FILTER = "Typ"


@dataclass(frozen=True)
class Findable:
    """An item page as the search sees it, beside its text."""

    type_label: str
    filters: tuple[tuple[str, tuple[str, ...]], ...]   # (filter name, values) in declaration order
    terms: tuple[str, ...]                              # found by these, not shown


def findable_pages(arena: Arena) -> dict[str, Findable]:
    """Every published item's page (docs-relative path) → what the search knows of it."""
    return {record.page_uri: findable(record, arena.taxonomy)
            for record in arena.all_records() if record.is_published}


def findable(record: Record, taxonomy: Taxonomy) -> Findable:
    filters: dict[str, list[str]] = {TYPE_FILTER: [record.type.label]}
    terms: list[str] = []
    for spec in declared_fields(type(record.data)):
        if spec.vocabulary is None:
            continue
        value = getattr(record.data, spec.name, None)
        values = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
        if spec.search_filter:
            shown = filters.setdefault(spec.search_filter, [])
            shown += [_label(taxonomy, spec.vocabulary, v) for v in values if _label(taxonomy, spec.vocabulary, v)
                      not in shown]
        for v in values:
            terms += [term for term in taxonomy.synonyms_of(spec.vocabulary, v) if term not in terms]
    return Findable(record.type.label, tuple((name, tuple(values)) for name, values in filters.items()),
                    tuple(terms))


def _label(taxonomy: Taxonomy, vocabulary: str, value: str) -> str:
    return taxonomy.organisation_name(value) if vocabulary == "organisations" else taxonomy.label(vocabulary, value)
