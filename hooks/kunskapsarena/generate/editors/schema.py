"""JSON Schema for the front matter of every content type, for editors' tools.

pydantic writes the structure; we add what only the arena knows: the
allowed values of each vocabulary (`enum`, so editors get a pick list),
people's ids, and the slugs that exist today as suggestions (`examples`:
a file created a minute ago must not turn red in the editor).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.field_specs import FieldSpec, field_names, field_of, nested_models
from kunskapsarena.model.models import Person
from kunskapsarena.model.slugs import SLUG_PATTERN
from kunskapsarena.model.taxonomy import PEOPLE_FILE

# Draft-07: what VS Code's YAML extension and ajv-based linters support best.
DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "schemas"
PLACEHOLDER_DATE = "ÅÅÅÅ-MM-DD"


def front_matter_schema(ctype: ContentType, arena: Arena) -> dict[str, Any]:
    schema = ctype.model.model_json_schema()
    schema["properties"] = {name: schema["properties"][name] for name in field_names(ctype.model)}
    _annotate(schema, ctype.model, arena)
    return {
        "$schema": DIALECT,
        **schema,
        "title": f"{ctype.label} ({ctype.folder}/)",
        "description": f"Front matter i {ctype.folder}/*.md. Skapas av 'arena schema' från innehållsmodellen.",
        "x-files": [f"{ctype.folder}/**/*.md"],
    }


def people_schema(arena: Arena) -> dict[str, Any]:
    """data/people.yml: person id → Person."""
    person = Person.model_json_schema()
    _annotate(person, Person, arena)
    definitions = person.pop("$defs", {})
    return {
        "$schema": DIALECT,
        "title": "Kontaktpersoner (data/people.yml)",
        "type": "object",
        "propertyNames": {"pattern": SLUG_PATTERN.pattern},
        "additionalProperties": person,
        **({"$defs": definitions} if definitions else {}),
        "x-files": [PEOPLE_FILE],
    }


def all_schemas(arena: Arena) -> dict[str, dict[str, Any]]:
    """File name → schema: one per content type, plus people.yml."""
    schemas = {f"{ctype.name}.schema.json": front_matter_schema(ctype, arena) for ctype in CONTENT_TYPES}
    schemas["people.schema.json"] = people_schema(arena)
    return schemas


def write_schemas(arena: Arena, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas(arena).items():
        path = out_dir / name
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    return written


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _annotate(schema: dict[str, Any], model: type[BaseModel], arena: Arena) -> None:
    """Vocabularies and references as enums/examples, on every object in the schema."""
    # pydantic names each sub-model's definition after its class.
    models = {sub.__name__: sub for sub in nested_models(model)}
    objects = [(model, schema), *((models[name], node) for name, node in schema.get("$defs", {}).items())]
    for holder, node in objects:
        for name, prop in node.get("properties", {}).items():
            _annotate_property(prop, field_of(holder, name), arena)


def _annotate_property(prop: dict[str, Any], spec: FieldSpec, arena: Arena) -> None:
    if prop.get("description") == "":
        del prop["description"]
    example = prop.get("x-example")   # as pydantic wrote it (keys sorted), not spec.example
    vocabulary, target = spec.vocabulary, spec.ref
    # Placeholders such as 'person-id' or ÅÅÅÅ-MM-DD are for the scaffold, not examples.
    if example not in (None, []) and PLACEHOLDER_DATE not in json.dumps(example, ensure_ascii=False) \
            and not (vocabulary or target):
        prop["examples"] = [example]
    values: list[str] = []
    if vocabulary:
        values = list(arena.taxonomy.ids(vocabulary))
    elif target == "person":
        values = list(arena.taxonomy.ids("person"))
    elif target:
        values = sorted(arena.records.get(target, {}))
    if not values:
        return
    scalar = _scalar_node(prop)
    if vocabulary or (target == "person" and not spec.names_allowed):
        scalar["enum"] = values
    else:
        scalar["examples"] = values


def _scalar_node(prop: dict[str, Any]) -> dict[str, Any]:
    """The node that holds one value: the list's items, or the non-null branch."""
    if "items" in prop:
        return prop["items"]
    for branch in prop.get("anyOf", []):
        if branch.get("type") != "null":
            return branch
    return prop
