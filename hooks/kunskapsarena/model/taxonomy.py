"""Controlled vocabularies (data/taxonomy.yml) and people (data/people.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Organisation, Person

TAXONOMY_FILE = "data/taxonomy.yml"
PEOPLE_FILE = "data/people.yml"

# The vocabularies it must define are read from the models (content_types.VOCABULARIES).


@dataclass
class Taxonomy:
    """Vocabulary name → ordered {id: label}. Order is display order."""

    vocabularies: dict[str, dict[str, str]] = field(default_factory=dict)
    # Vocabulary name → {id: words the entry's items are also found by in the site search}
    # (`id: {label: …, synonyms: […]}` in taxonomy.yml).
    synonyms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    person_ids: dict[str, str] = field(default_factory=dict)   # every id in people.yml, valid or not
    person_lines: dict[str, int] = field(default_factory=dict)  # id → line in people.yml, for messages
    people_readable: bool = True   # False: people.yml itself is reported, references are not checked

    def ids(self, name: str) -> dict[str, str]:
        if name == "person":
            return self.person_ids
        return self.vocabularies.get(name, {})

    def label(self, name: str, value: str) -> str:
        return self.ids(name).get(value, value)

    def synonyms_of(self, name: str, value: str) -> tuple[str, ...]:
        return self.synonyms.get(name, {}).get(value, ())

    def organisation_name(self, org_id: str) -> str:
        org = self.organisations.get(org_id)
        return org.name if org else org_id
