"""One content item after validation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kunskapsarena.model.content_types import ContentType
from kunskapsarena.model.fields import Model


@dataclass
class Record:
    """One content item after validation."""

    type: ContentType
    slug: str
    path: str              # source path relative to the project root
    abs_path: Path
    data: Model
    body: str
    body_line: int

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def url(self) -> str:
        return self.type.url(self.slug)

    @property
    def is_published(self) -> bool:
        """Visitors see it: everything but blog drafts (the one rule every listing, feed and data file uses)."""
        return not getattr(self.data, "draft", False)

    @property
    def page_uri(self) -> str:
        return self.type.page_uri(self.slug)
