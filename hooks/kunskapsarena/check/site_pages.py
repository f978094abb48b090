"""The site's own pages in content/ (start page, guides, the statement): each read once, every check on it.

A page's text goes through the accessibility lint and the HTML policy even when
its front matter is broken (the body is still published), and the front matter
is reported once, whether the theme could not read it or the arena refuses a key.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

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
from .content_pages import ContentPage, content_page_problems
from .html_policy import html_policy_problems
from .statement import STATEMENT_PAGE, statement_page_problems
from .typography import theme_reading_problems, typographic_quote_problems


def site_page_problems(root: Path, embed_hosts: Collection[str] = (), folder: str = PAGES_DIR) -> list[Problem]:
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
