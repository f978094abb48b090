"""The validated arena: records of every type, vocabularies and people."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.problems import Problem, errors
from kunskapsarena.model.taxonomy import Taxonomy

from .graph import Graph
from .record import Record


@dataclass
class Arena:
    root: Path
    taxonomy: Taxonomy
    records: dict[str, dict[str, Record]] = field(default_factory=dict)   # type → slug → record
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not errors(self.problems)

    def of_type(self, ctype: ContentType) -> list[Record]:
        """Records of one type in a stable order (by slug)."""
        return sorted(self.records.get(ctype.name, {}).values(), key=lambda r: r.slug)

    def published(self, ctype: ContentType) -> list[Record]:
        """Records of one type that visitors see: blog drafts are left out everywhere."""
        return [record for record in self.of_type(ctype) if record.is_published]

    def get(self, ctype: ContentType, slug: str) -> Record | None:
        return self.records.get(ctype.name, {}).get(slug)

    @cached_property
    def graph(self) -> Graph:
        """Cross-references indexed both ways (backlinks, reverse person references)."""
        return Graph(self.all_records())

    def all_records(self) -> list[Record]:
        return [record for ctype in CONTENT_TYPES for record in self.of_type(ctype)]

    def source_paths(self) -> dict[str, str]:
        """Page path in the docs tree → the source file an editor changes (for edit links)."""
        return {record.page_uri: record.path for record in self.all_records()}


__all__ = ["Arena", "Record"]
