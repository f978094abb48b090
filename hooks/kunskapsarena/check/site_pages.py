"""The site's own pages in content/ (start page, guides, the statement): each read once, every check on it.

A page's text goes through the accessibility lint and the HTML policy even when
its front matter is broken (the body is still published), and the front matter
is reported once, whether the theme could not read it or the arena refuses a key.

Front matter:
The theme reads several front matter keys and prints some of them unescaped
or uses them to pick templates and icons (`template`, `icon`, `status`, …).
Editors' pages may only set the keys below; anything else is reported at its
line, like an unknown field in an item.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from kunskapsarena.model.fields import Model
from kunskapsarena.model.problems import Problem
from kunskapsarena.source.discovery import PAGES_DIR, walk
from kunskapsarena.source.load import (
    NO_FRONT_MATTER,
    SourceFile,
    UnreadableFile,
    parse_content,
    read_text,
    relative,
    split_front_matter,
)

from .accessibility_lint import accessibility_problems
from .body import headings
from .html_policy import html_policy_problems
from .messages import schema_problems
from .statement import STATEMENT_PAGE, statement_page_problems
from .typography import theme_reading_problems, typographic_quote_problems


def site_page_problems(root: Path, embed_hosts: Collection[str] = (), folder: str = PAGES_DIR,
                       bodies: list[tuple[str, str, int]] | None = None) -> list[Problem]:
    """Every check of the pages in `folder`; `bodies`, if given, receives (path, body, first line) of
    each readable page, so the link check needs no second read."""
    problems: list[Problem] = []
    statement = f"{folder}/{STATEMENT_PAGE}"
    for file in walk(Path(root), folder, suffix=".md").files:   # links are reported by the caller, never read
        rel = relative(Path(root), file)
        try:
            text = read_text(Path(root), file)
        except UnreadableFile as exc:
            problems.append(exc.problem)
            continue
        _, body, first_line = split_front_matter(text)
        if bodies is not None:
            bodies.append((rel, body, first_line))
        # A page whose title is its own '# Title' line starts below level 1; else the title is the h1.
        has_h1 = any(heading.level == 1 for heading in headings(body, first_line))
        problems += accessibility_problems(rel, body, first_line, title_level=0 if has_h1 else 1)
        source: SourceFile | None = None
        try:
            source = parse_content(rel, file, text)
        except UnreadableFile as exc:
            # Without front matter there is nothing for the theme to read: fine, except for the statement.
            if exc.problem.message != NO_FRONT_MATTER or rel == statement:
                problems.append(exc.problem)
        if source is not None:
            if rel == statement:
                problems += statement_page_problems(source)
            problems += content_page_problems(source)
            problems += typographic_quote_problems(rel, source.front)
            problems += theme_reading_problems(rel, source.front, ContentPage)
        problems += html_policy_problems(rel, body, first_line, embed_hosts)
    return problems


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
