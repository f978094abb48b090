"""The editors' field reference: generated from the content model, every field of every type."""

from __future__ import annotations

import re
from typing import get_args

from pydantic import BaseModel

from conftest import TODAY, ArenaDir
from kunskapsarena import CONTENT_TYPES, content_type, load_arena
from kunskapsarena.generate.editors.fieldref import PAGE_URI, field_reference
from kunskapsarena.model.field_specs import field_names


def sections(markdown: str) -> dict[str, list[list[str]]]:
    """Type id → table rows (cells) under its heading."""
    found: dict[str, list[list[str]]] = {}
    current = None
    for line in markdown.splitlines():
        heading = re.match(r"^## .+ \{ #(\w+) \}$", line)
        if heading:
            current = found.setdefault(heading.group(1), [])
        elif current is not None and line.startswith("| **"):
            current.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
    return found


def expected_rows(model: type[BaseModel], prefix: str = ""):
    """Read from pydantic here, independently of the spec layer the page is built from."""
    for name in field_names(model):
        info = model.model_fields[name]
        args = [a for a in get_args(info.annotation) if a is not type(None)]
        optional = len(args) == 1 and type(None) in get_args(info.annotation)
        annotation = args[0] if optional else info.annotation
        meta = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        yield prefix + name, info, meta, info.is_required() and not optional
        args = getattr(annotation, "__args__", ())
        item = args[0] if args else annotation
        if isinstance(item, type) and issubclass(item, BaseModel):
            yield from expected_rows(item, prefix + name + ("[]." if args else "."))


def test_every_field_of_every_type_is_documented(demo):
    (uri, markdown), = field_reference(demo).items()
    assert uri == PAGE_URI
    tables = sections(markdown)
    assert list(tables) == [c.name for c in CONTENT_TYPES]
    for ctype in CONTENT_TYPES:
        rows = {re.search(r"<br>`([^`]+)`", row[0]).group(1): row for row in tables[ctype.name]}
        expected = list(expected_rows(ctype.model))
        assert list(rows) == [path for path, *_ in expected]
        for path, info, meta, required in expected:
            label, is_required, _kind, allowed, _example = rows[path]
            assert label.startswith(f"**{info.title}**"), path
            assert is_required == ("ja" if required else "nej"), path
            if meta.get("x-vocabulary"):
                values = demo.taxonomy.ids(meta["x-vocabulary"])
                assert allowed.endswith(", ".join(f"`{v}`" for v in values)), path
            elif meta.get("x-ref") == "person":
                assert "data/people.yml" in allowed
            elif meta.get("x-ref"):
                assert f"{content_type(meta['x-ref']).folder}/" in allowed


def test_types_limits_and_examples_are_shown(demo):
    rows = {re.search(r"<br>`([^`]+)`", r[0]).group(1): r for r in sections(
        field_reference(demo)[PAGE_URI])["method"]}
    assert rows["summary"][2] == "text, högst 300 tecken"
    assert rows["phases"][2] == "lista (text), minst 1 värde"
    assert rows["duration.min"][2] == "heltal, minst 1"
    assert rows["updated"][2] == "datum ÅÅÅÅ-MM-DD" and rows["updated"][4] == "`2026-03-01`"
    assert rows["considerations[].topic"][3].startswith("ur `consideration_topics` i `data/taxonomy.yml`")
    # Placeholders of the scaffold ('person-id') become real ids from the arena.
    assert rows["contacts"][4] == f"`[{', '.join(list(demo.taxonomy.person_ids)[:2])}]`"


def test_reference_follows_the_taxonomy(arena: ArenaDir):
    arena.replace("data/taxonomy.yml", "phases:\n", "phases:\n  kartlägga: Kartlägga nuläget\n")
    markdown = field_reference(load_arena(arena.root, today=TODAY))[PAGE_URI]
    assert "ur `phases` i `data/taxonomy.yml`: `kartlägga`, " in markdown
