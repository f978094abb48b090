"""Front matter of the hand-written pages in content/ (start page, guides, statement).

The theme reads several front matter keys and prints some of them unescaped
or uses them to pick templates and icons (`template`, `icon`, `status`, …).
Editors' pages may only set the keys below; anything else is reported at its
line, like an unknown field in an item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from kunskapsarena.model.fields import Model
from kunskapsarena.model.problems import Problem
from kunskapsarena.source.discovery import walk
from kunskapsarena.source.load import NO_FRONT_MATTER, UnreadableFile, read_content_file, relative

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


def front_matter_problems(root: Path, folder: str = "content") -> list[Problem]:
    """Every content/ page's front matter against ContentPage."""
    problems: list[Problem] = []
    for file in walk(Path(root), folder, suffix=".md").files:   # links are reported by the caller, never read
        try:
            source = read_content_file(Path(root), file)
        except UnreadableFile as exc:
            if exc.problem.field != "front matter" or exc.problem.message != NO_FRONT_MATTER:
                problems.append(exc.problem)
            continue   # no front matter: nothing for the theme to read
        try:
            ContentPage.model_validate(source.data)
        except ValidationError as exc:
            found = schema_problems(exc, ContentPage, relative(Path(root), file), source.front)
            problems += sorted(found, key=lambda problem: problem.line)
    return problems
