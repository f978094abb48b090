"""Values wrapped in typographic quotes: the editor meant YAML's quotes.

Word processors and phones turn `"` into `”`, `“…”`, `«…»` or `„…“`. YAML only
knows the straight ones, so `title: ”Tjänstedesign”` would be published with
the quotes. Such a value is an error at its line that says to type straight
quotes; a value that should show its quotes is written inside straight ones
(`title: '”Tjänstedesign”'`) and is left alone. Only whole values written
without YAML quotes count: `”Tjänstedesign” – en introduktion` is a quotation.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml
from pydantic import BaseModel

from kunskapsarena.model.field_specs import field_at
from kunskapsarena.model.problems import Problem
from kunskapsarena.source.yamlsource import TYPOGRAPHIC_QUOTES, YamlDocument, read_differently

from .messages import dotted

# Opening quote → the closing quotes that end a value it opens.
_PAIRS = {"”": "”“", "“": "”“", "„": "“”", "«": "»", "»": "«»", "‘": "’‘", "’": "’", "‚": "‘’"}
assert set(_PAIRS) <= set(TYPOGRAPHIC_QUOTES)


def typographic_quote_problems(path: str, document: YamlDocument, base: tuple = ()) -> list[Problem]:
    """One problem per plain value wrapped in typographic quotes (none when the text has no such quote)."""
    if not document.typographic or document.root is None:
        return []
    problems: list[Problem] = []
    stack = [(document.root, base)]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, loc + (str(key.value),)) for key, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, loc + (index,)) for index, item in reversed(list(enumerate(node.value))))
        elif not node.style and isinstance(node.value, str) and wrapped(node.value):   # plain: no YAML quotes
            problems.append(_problem(path, node, loc))
    return problems


def wrapped(value: str) -> bool:
    text = value.strip()
    return len(text) >= 2 and text[-1] in _PAIRS.get(text[0], "") and not _inner_quote(text[1:-1])


def _inner_quote(inner: str) -> bool:
    """”a” och ”b”: two quotations, not one wrapped value."""
    return any(char in inner for char in "”“„«»")


def _problem(path: str, node: yaml.ScalarNode, loc: tuple) -> Problem:
    text = node.value.strip()
    inner = text[1:-1]
    straight = f'"{inner}"' if '"' not in inner else "'" + inner.replace("'", "''") + "'"
    shown = "'" + text.replace("'", "''") + "'"
    key = f"{loc[-1]}: " if loc and isinstance(loc[-1], str) else ""
    return Problem(path, node.start_mark.line + 1, dotted(loc),
                   f"{text} står inom typografiska citattecken ({text[0]}…{text[-1]}); YAML tar inte bort dem, "
                   "så de skulle synas på sidan",
                   f"skriv raka citattecken: {key}{straight}; ska citattecknen synas, skriv {key}{shown}")


def one_message_per_value(found: list[Problem], quoted: list[Problem]) -> list[Problem]:
    """`difficulty: ”medel”` is one mistake: the quotes, not also an unknown value 'medel' (look-alike)."""
    if not quoted:
        return found
    places = {(problem.path, problem.line, problem.field) for problem in quoted}
    return [p for p in found if (p.path, p.line, p.field) not in places] + quoted


def theme_reading_problems(path: str, document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """Values the site engine, reading the file itself with YAML 1.1, would read differently.

    Blog posts and the pages in content/ are read by MkDocs and its theme, whose YAML
    makes `title: 13.00` the number 13.0 and `title: yes` True; the arena keeps them as
    written. Such a value in a text field must be quoted to be shown as written; and a
    quoted `"true"` or `"2026-04-01"` is text there, which the blog refuses for `draft`,
    `pin` and `date`."""
    if document.root is None or not isinstance(document.root, yaml.MappingNode):
        return []
    problems: list[Problem] = []
    stack = [(value, (str(key.value),)) for key, value in document.root.value]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, loc + (str(key.value),)) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, loc + (index,)) for index, item in enumerate(node.value))
        elif isinstance(node, yaml.ScalarNode):
            found = _theme_problem(path, node, loc, model)
            if found is not None:
                problems.append(found)
    return sorted(problems, key=lambda problem: problem.line)


def _theme_problem(path: str, node: yaml.ScalarNode, loc: tuple, model: type[BaseModel]) -> Problem | None:
    key = f"{loc[-1]}: " if isinstance(loc[-1], str) else ""
    if node.style in ("'", '"'):   # quoted: text to every reader, fine for text, not for yes/no or a date
        spec = field_at(model, loc)
        item = spec.item if spec is not None else None
        if item is bool or (item is dt.date and re.match(r"^\d{4}-\d{2}-\d{2}$", node.value.strip())):
            what = "sant/falskt" if item is bool else "ett datum"
            return Problem(path, node.start_mark.line + 1, dotted(loc),
                           f"'{node.value}' står inom citattecken och läses då av webbplatsens tema som text, "
                           f"inte som {what}", f"ta bort citattecknen: {key}{node.value.strip()}")
        return None
    differs, theirs = read_differently(node)
    spec = field_at(model, loc) if differs else None
    if spec is None or spec.item is not str or spec.nested is not None:
        return None
    return Problem(path, node.start_mark.line + 1, dotted(loc),
                   f"{node.value} läses av webbplatsens tema som {_kind(theirs)} och skulle inte visas som du "
                   "skrev det", f"sätt värdet inom citattecken: {key}\"{node.value}\"")


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"sant/falskt ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        return f"talet {value}"
    return f"ett datum ({value})"
