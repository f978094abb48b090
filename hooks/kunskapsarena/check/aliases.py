"""Renamed items keep their old addresses: `aliases` lists earlier slugs.

An old address can only lead to one page, and never to a page that
exists under that name today, nor to one the site makes itself (names.py).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.problems import Problem, Severity
from kunskapsarena.model.slugs import is_slug, slugify
from kunskapsarena.source.history import renamed_files, since
from kunskapsarena.source.load import SourceFile, line_in_file

from .names import name_problem, url_section

FIELD = "aliases"   # redirect pages: generate/pages/redirects.py


def alias_problems(ctype: ContentType, source: SourceFile, known_slugs: set[str]) -> list[Problem]:
    """Aliases of one file: valid slugs, not its own name, not a page that exists, not repeated."""
    raw = source.data.get(FIELD)
    if not isinstance(raw, list):
        return []   # a wrong type is reported by the schema
    slug = source.abs_path.stem
    problems, seen = [], set()
    for index, alias in enumerate(raw):
        if not isinstance(alias, str):
            continue
        line = source.front.line_of((FIELD, index))
        where = f"{FIELD}[{index}]"
        if not is_slug(alias):
            problems.append(Problem(source.path, line, where, f"'{alias}' är ingen giltig adress",
                                    f"skriv det gamla filnamnet utan .md, t.ex. {_old_name(alias)}"))
        elif (reserved := name_problem(alias, url_section(ctype))) is not None:
            problems.append(Problem(source.path, line, where, reserved[0],
                                    "ta bort raden: en sådan adress kan inte leda hit"))
        elif alias == slug:
            problems.append(Problem(source.path, line, where, f"'{alias}' är sidans nuvarande namn",
                                    "ta bort det; bara tidigare namn hör hit"))
        elif alias in known_slugs:
            problems.append(Problem(source.path, line, where,
                                    f"'{alias}' är adressen till {ctype.folder}/{alias}.md, som finns",
                                    "en adress kan bara leda till en sida: ta bort den här raden "
                                    "eller byt namn på den andra filen"))
        elif alias in seen:
            problems.append(Problem(source.path, line, where, f"'{alias}' står två gånger", "ta bort den ena"))
        seen.add(alias)
    return problems


def _old_name(alias: str) -> str:
    """`prickrostning.md`, `methods/prickrostning.md` or `/metoder/prickrostning/` → prickrostning."""
    name = alias.strip().strip("/").rsplit("/", 1)[-1]
    for suffix in (".md", ".markdown", ".html", ".htm"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return slugify(name) or "gammalt-namn"


def renamed_without_alias(arena: Arena) -> list[Problem]:
    """Items whose file was renamed since the last commit without their old name in `aliases` (warnings)."""
    by_path = {record.path: record for ctype in CONTENT_TYPES for record in arena.of_type(ctype)}
    problems = []
    for old, new in renamed_files(arena.root, [ctype.folder for ctype in CONTENT_TYPES]):
        record = by_path.get(new)
        old_slug = Path(old).stem
        if record is None or Path(old).parent != Path(new).parent or old_slug == record.slug:
            continue   # moved to another type, or not valid yet (its errors come first)
        aliases = list(getattr(record.data, FIELD, []))
        if old_slug in aliases or old_slug in arena.records[record.type.name]:
            continue   # kept, or another file has the old name now
        written = ", ".join([*aliases, old_slug])
        line = line_in_file(arena.root, record.abs_path, (FIELD,)) if aliases else 1
        problems.append(Problem(
            record.path, line, FIELD,
            f"filen hette {old} {_when()}; den gamla adressen slutar fungera",
            f"lägg till raden aliases: [{written}] i {record.path}" if not aliases
            else f"skriv aliases: [{written}]", Severity.WARNING))
    return problems


def _when() -> str:
    base = since()
    return "i senaste incheckningen" if base == "HEAD" else f"i {base}"


def shared_alias_problems(arena: Arena) -> list[Problem]:
    """Two items of one type claiming the same old address."""
    problems = []
    for ctype in CONTENT_TYPES:
        claims: dict[str, list] = defaultdict(list)
        for record in arena.of_type(ctype):
            for index, alias in enumerate(getattr(record.data, FIELD, [])):
                claims[alias].append((record, index))
        for alias, owners in claims.items():
            if len(owners) < 2:
                continue
            for record, index in owners:
                others = ", ".join(other.path for other, _ in owners if other is not record)
                line = line_in_file(arena.root, record.abs_path, (FIELD, index))
                problems.append(Problem(record.path, line, f"{FIELD}[{index}]",
                                        f"'{alias}' är också en tidigare adress för {others}",
                                        "en gammal adress kan bara leda till en sida; behåll den där den hör hemma"))
    return problems

