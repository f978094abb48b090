"""Front matter of the hand-written pages in content/ (start page, guides, statement).

The theme reads several front matter keys and prints some of them unescaped
or uses them to pick templates and icons (`template`, `icon`, `status`, …).
Editors' pages may only set the keys below; anything else is reported at its
line, like an unknown field in an item.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationError

from kunskapsarena.model.fields import Model
from kunskapsarena.model.problems import Problem
from kunskapsarena.source.load import SourceFile

from .messages import schema_problems


class PageSearch(Model):
    exclude: bool = Field(default=False, title="Utelämna ur sökningen")


class ContentPage(Model):
    """What a page in content/ may set in its front matter."""

    title: str | None = Field(default=None, min_length=1, max_length=120, title="Titel")
    description: str | None = Field(default=None, min_length=1, max_length=300, title="Beskrivning")
    hide: list[Literal["navigation", "toc", "footer", "path"]] = Field(
        default_factory=list, title="Dölj", description="Delar av sidan som inte ska visas.")
    search: PageSearch | None = Field(default=None, title="Sökning")
    compliance: Literal["helt", "delvis", "inte"] | None = Field(
        default=None, title="Förenlighet", description="Bara i tillgänglighetsredogörelsen.")


def content_page_problems(source: SourceFile) -> list[Problem]:
    """A content/ page's front matter against ContentPage, at its lines."""
    try:
        ContentPage.model_validate(source.data)
    except ValidationError as exc:
        return sorted(schema_problems(exc, ContentPage, source.path, source.front), key=lambda problem: problem.line)
    return []
