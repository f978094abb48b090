"""`arena schema`: one JSON Schema per content type, valid and faithful to the model."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from pydantic_core import PydanticUndefined

from conftest import REPO, ArenaDir
from kunskapsarena import CONTENT_TYPES
from kunskapsarena.model.field_specs import field_names
from kunskapsarena.model.models import Person
from kunskapsarena.model.taxonomy import PEOPLE_FILE
from kunskapsarena.source.load import read_content_file, read_data_file
from test_cli import run_arena


@pytest.fixture(scope="module")
def schemas(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("schemas")
    result = run_arena(REPO, "schema", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(out.glob("*.json"))}


def jsonable(value):
    """YAML dates as the strings editors typed, so JSON Schema sees what the editor sees."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def validator(schema: dict) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_one_valid_schema_per_content_type(schemas):
    assert set(schemas) == {f"{c.name}.schema.json" for c in CONTENT_TYPES} | {"people.schema.json"}
    for name, schema in schemas.items():
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#", name
        jsonschema.validators.validator_for(schema).check_schema(schema)


def test_every_model_field_is_in_the_schema(schemas):
    for ctype in CONTENT_TYPES:
        schema = schemas[f"{ctype.name}.schema.json"]
        fields = ctype.model.model_fields
        assert list(schema["properties"]) == field_names(ctype.model)
        assert set(field_names(ctype.model)) == set(fields)
        required = {n for n, f in fields.items() if f.default is PydanticUndefined and f.default_factory is None}
        assert set(schema["required"]) == required
        assert schema["additionalProperties"] is False
        assert schema["x-files"] == [f"{ctype.folder}/**/*.md"]
        for name, info in fields.items():
            assert schema["properties"][name]["title"] == info.title


def test_vocabularies_become_enums_and_references_suggestions(schemas, demo):
    taxonomy = demo.taxonomy
    method = schemas["method.schema.json"]
    assert method["properties"]["phases"]["items"]["enum"] == list(taxonomy.ids("phases"))
    assert method["properties"]["difficulty"]["enum"] == ["lätt", "medel", "avancerad"]
    assert method["properties"]["contacts"]["items"]["enum"] == list(taxonomy.ids("person"))
    assert method["properties"]["related"]["items"]["examples"] == sorted(demo.records["method"])
    assert method["properties"]["related"]["x-ref"] == "method"
    topic = method["$defs"]["Consideration"]["properties"]["topic"]
    assert topic["enum"] == list(taxonomy.ids("consideration_topics"))
    region = schemas["case.schema.json"]["properties"]["region"]   # optional: str | None
    assert next(b for b in region["anyOf"] if b.get("type") == "string")["enum"] == list(taxonomy.ids("regions"))
    assert schemas["people.schema.json"]["additionalProperties"]["properties"]["organisation"]["enum"] == list(
        taxonomy.ids("organisations"))


def test_demo_front_matter_validates_against_the_schemas(schemas):
    checked = 0
    for ctype in CONTENT_TYPES:
        check = validator(schemas[f"{ctype.name}.schema.json"])
        for path in sorted((REPO / ctype.folder).glob("*.md")):
            data = jsonable(read_content_file(REPO, path).data)
            errors = [f"{path.name}: {e.json_path}: {e.message}" for e in check.iter_errors(data)]
            assert errors == []
            checked += 1
    assert checked >= 30
    people = jsonable(read_data_file(REPO, REPO / PEOPLE_FILE).data)
    assert list(validator(schemas["people.schema.json"]).iter_errors(people)) == []
    assert set(Person.model_fields) == set(schemas["people.schema.json"]["additionalProperties"]["properties"])


def test_schema_rejects_what_check_rejects(arena: ArenaDir):
    assert run_arena(arena.root, "schema").returncode == 0
    schema = json.loads(arena.read("schemas/method.schema.json"))
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: medium")
    arena.replace("methods/kundresa.md", "updated: 2026-01-10", "updated: 2026-01-10\ncolour: blå")
    data = jsonable(read_content_file(arena.root, arena.path("methods/kundresa.md")).data)
    messages = sorted(e.message for e in validator(schema).iter_errors(data))
    assert messages == ["'medium' is not one of ['lätt', 'medel', 'avancerad']",
                        "Additional properties are not allowed ('colour' was unexpected)"]


def test_schema_command_writes_into_schemas_by_default(arena: ArenaDir):
    result = run_arena(arena.root, "schema")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in Path(arena.root, "schemas").iterdir()) == sorted(
        [f"{c.name}.schema.json" for c in CONTENT_TYPES] + ["people.schema.json"])
    assert "Skrev schemas/method.schema.json" in result.stdout
