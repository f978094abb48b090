"""Checks on the Markdown body: headings an item must have, and the title rule."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kunskapsarena.model.problems import Problem

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


def lines_outside_code(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code blocks, with their file lines."""
    lines = body.split("\n")
    if "```" not in body and "~~~" not in body:   # no fences: the common case, no per-line test
        yield from enumerate(lines, first_line)
        return
    fence: str | None = None
    for offset, line in enumerate(lines):
        marker = _FENCE.match(line)
        if marker:
            token = marker.group(1)[0] * 3
            if fence is None:
                fence = token
            elif token == fence:
                fence = None
            continue
        if fence is None:
            yield first_line + offset, line


def headings(body: str, first_line: int) -> Iterator[Heading]:
    """ATX headings outside fenced code blocks, with their file lines."""
    for line_number, line in lines_outside_code(body, first_line):
        match = _HEADING.match(line) if line.startswith("#") else None
        if match:
            yield Heading(len(match.group(1)), match.group(2).strip(), line_number)


def body_problems(path: str, body: str, first_line: int, required: tuple[str, ...]) -> list[Problem]:
    problems = []
    found = list(headings(body, first_line))
    for heading in found:
        if heading.level == 1:
            problems.append(Problem(
                path, heading.line, "body", f"rubriken '# {heading.text}' är på nivå 1",
                "sidans titel kommer från title; börja rubrikerna i texten med ##"))
    section_titles = [h.text.casefold() for h in found if h.level == 2]
    position = 0
    for title in required:
        try:
            position = section_titles.index(title.casefold(), position) + 1
        except ValueError:
            problems.append(Problem(
                path, first_line, "body", f"avsnittet '## {title}' saknas",
                f"lägg till rubriken ## {title} i texten" + (
                    f" (ordningen ska vara: {', '.join(required)})" if len(required) > 1 else "")))
    return problems
