"""The accessibility statement's placeholders checked (the page itself: generate/pages/statement.py).

The editors write `content/tillganglighet.md` with placeholders that the build
fills in. Placeholders a statement may use:

    {{ organisation.name }} {{ organisation.email }} {{ organisation.phone }}
    {{ site_name }} {{ compliance }} {{ audit_summary }} {{ contact_list }}

Anything else between braces is an error at its line; nothing is ever evaluated.
"""

from __future__ import annotations

import re

from kunskapsarena.model.problems import Problem, did_you_mean
from kunskapsarena.source.load import SourceFile

STATEMENT_PAGE = "tillganglighet.md"        # below docs_dir
COMPLIANCE = {"helt": "helt förenlig", "delvis": "delvis förenlig", "inte": "inte förenlig"}


# `{{ name }}` with optional spaces; anything else between braces is reported, never run.
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_TEMPLATE_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)


def placeholder_problems(markdown: str, first_line: int = 1) -> list[Problem]:
    """Every `{{ … }}` that is not a known placeholder and every `{% … %}`, at its line."""
    path = f"content/{STATEMENT_PAGE}"

    def line(offset: int) -> int:
        return first_line + markdown.count("\n", 0, offset)

    problems = [Problem(path, line(tag.start()), "platshållare",
                        f"'{tag[0][:40]}' stöds inte: villkor och andra mallkommandon körs aldrig", _ALLOWED)
                for tag in _TEMPLATE_TAG.finditer(markdown)]
    for found in PLACEHOLDER.finditer(markdown):
        if found[1] not in PLACEHOLDERS:
            guess = did_you_mean(found[1], PLACEHOLDERS)
            problems.append(Problem(path, line(found.start()), "platshållare",
                                    f"'{{{{ {found[1][:40]} }}}}' är ingen platshållare",
                                    f"{guess + ' ' if guess else ''}{_ALLOWED}"))
    return sorted(problems, key=lambda problem: problem.line)


def statement_page_problems(source: SourceFile) -> list[Problem]:
    """`arena check` for the statement page: its placeholders and compliance status."""
    problems = placeholder_problems(source.body, source.body_line)
    if "compliance" not in source.data:   # a wrong value is reported with the page's other front matter
        problems.insert(0, Problem(source.path, 1, "compliance", "saknas men måste finnas",
                                   f"lägg till raden compliance: och en av {', '.join(COMPLIANCE)}"))
    return problems


def markdown_first_line(source: SourceFile) -> int:
    """File line of the body's first line as MkDocs hands it over (it drops leading blank lines)."""
    return source.body_line + len(source.body) - len(source.body.lstrip("\n"))


PLACEHOLDERS = ("organisation.name", "organisation.email", "organisation.phone", "site_name", "compliance",
                "audit_summary", "contact_list", "missing_captions")
_ALLOWED = "tillåtna platshållare: " + ", ".join(PLACEHOLDERS)
