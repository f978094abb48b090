"""What the site engine decides and the core follows: where items live, names it takes, its markup.

The core renders neutral Markdown and HTML parts and knows no engine. An
engine whose plugins own some pages (Material's blog owns the posts' URLs and
makes archive and category pages) describes that in a SiteEngine subclass and
selects it with `use_engine`; the MkDocs adapter does so when it is imported.
Without one, every item is `<section>/<slug>.md` at `<section>/<slug>/`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol


class ContentType(Protocol):
    """What an engine reads of a content type (content_types.ContentType; not imported: it imports this)."""

    name: str
    section: str


class SiteEngine:
    """The neutral engine: plain sections, no pages of its own, plain Markdown markup."""

    # A folder holding `_engine.md.j2`, the macros page templates call for markup the
    # Markdown standard lacks (a button-styled link, a note box); None: the core's neutral ones.
    markup_templates: Path | None = None
    # Content types whose files the engine reads itself (front matter with its own YAML), as it
    # does every page in content/: their text values must read the same there (check/typography.py).
    reads_front_matter: frozenset[str] = frozenset()

    def page_uri(self, ctype: ContentType, slug: str) -> str:
        """The item's page inside the docs tree."""
        return f"{ctype.section}/{slug}.md"

    def url(self, ctype: ContentType, slug: str) -> str:
        """The item page's URL path relative to the site root (directory URLs)."""
        return f"{ctype.section}/{slug}/"

    def generated_names(self, section: str) -> frozenset[str]:
        """Names the engine takes for pages of its own below `section` (URL section)."""
        return frozenset()

    def vocabulary_sections(self) -> Mapping[str, str]:
        """Vocabularies the engine makes a page of per id: vocabulary → URL section of those pages."""
        return {}


_engine: SiteEngine = SiteEngine()


def use_engine(engine: SiteEngine) -> None:
    """Select the site engine for this process (forked workers inherit it)."""
    global _engine
    _engine = engine


def current_engine() -> SiteEngine:
    return _engine
