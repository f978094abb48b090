"""Open data (api/*.json, api/*.csv) round-trips to the records, for every content type."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import typing

import jsonschema
import pytest
from pydantic import BaseModel

from kunskapsarena import CONTENT_TYPES, POST, load_arena
from kunskapsarena.generate.data.opendata import api_name, open_data_files
from kunskapsarena.generate.site_info import SiteInfo

SITE = SiteInfo(url="https://arena.example/", today=dt.date(2026, 11, 23))


@pytest.fixture(scope="module")
def files(demo):
    return open_data_files(demo, SITE)


def visible(demo, ctype):
    return [r for r in demo.of_type(ctype) if not getattr(r.data, "draft", False)]


@pytest.mark.parametrize("ctype", CONTENT_TYPES, ids=lambda c: c.name)
def test_json_round_trips_to_the_records(demo, files, ctype):
    document = json.loads(files[f"api/{api_name(ctype)}.json"])
    records = visible(demo, ctype)
    assert document["type"] == ctype.name and document["count"] == len(records) == len(document["items"])
    assert document["license"] == "CC-BY-4.0" and document["source"] == "https://arena.example/"
    for item, record in zip(document["items"], records, strict=True):
        assert item["slug"] == record.slug
        assert item["url"] == f"https://arena.example/{record.url}"
        fields = {k: v for k, v in item.items() if k not in ("type", "slug", "url")}
        assert list(fields) == list(ctype.model.model_fields), "every model field, in model order"
        assert ctype.model.model_validate(fields) == record.data


def test_drafts_are_not_published(arena):
    arena.replace("blog/posts/forsta-inlagget.md", "\ntitle:", "\ndraft: true\ntitle:")
    fixture = load_arena(arena.root, today=dt.date(2026, 11, 23))
    assert fixture.ok, fixture.problems
    document = json.loads(open_data_files(fixture, SITE)["api/posts.json"])
    assert document["count"] == 0 and document["items"] == []
    assert len(fixture.of_type(POST)) == 1


def undefuse(cell: str) -> str:
    """The reading rule the Öppna data page gives for cells defused against formula injection."""
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "|", "%", "\t", "\r"):
        return cell[1:].replace("\\|", "|")
    return cell


def nested_model(annotation) -> type[BaseModel] | None:
    """The sub-model in an annotation (Range, `Source | None`, `list[Link]`), read independently of the writer."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, map(nested_model, typing.get_args(annotation))), None)


def decode_row(model, row: dict[str, str]) -> dict:
    """Rebuild front-matter data from one CSV row, independently of the writer."""
    row = {column: undefuse(cell) for column, cell in row.items()}
    data = {}
    for name, info in model.model_fields.items():
        annotation = info.annotation
        is_list = typing.get_origin(annotation) is list
        nested = nested_model(annotation)
        if nested is not None and not is_list:
            parts = {sub: row[f"{name}.{sub}"] for sub in nested.model_fields}
            data[name] = {k: v for k, v in parts.items() if v != ""} or None
        elif is_list and nested is not None:
            data[name] = json.loads(row[name]) if row[name] else []
        elif is_list:
            data[name] = row[name].split(" | ") if row[name] else []
        else:
            data[name] = row[name] if row[name] != "" else None
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize("ctype", CONTENT_TYPES, ids=lambda c: c.name)
@pytest.mark.parametrize("variant", ["plain", "excel"])
def test_csv_round_trips_to_the_records(demo, files, ctype, variant):
    raw = files[f"api/{api_name(ctype)}{'-excel' if variant == 'excel' else ''}.csv"]
    assert isinstance(raw, bytes)
    if variant == "excel":
        assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
        text, delimiter = raw.decode("utf-8-sig"), ";"
    else:
        assert not raw.startswith(b"\xef\xbb\xbf"), "the RFC 4180 file has no BOM"
        text, delimiter = raw.decode("utf-8"), ","
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    records = visible(demo, ctype)
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["slug"] == record.slug and row["url"] == f"https://arena.example/{record.url}"
        assert ctype.model.model_validate(decode_row(ctype.model, row)) == record.data


def test_csv_keeps_swedish_letters(files):
    text = files["api/methods.csv"].decode("utf-8")
    assert "förstå" in text and "Användarintervjuer" in text


def test_open_data_page_documents_every_type_and_field(demo, files):
    page = files["oppna-data.md"]
    assert "CC BY 4.0" in page
    for ctype in CONTENT_TYPES:
        assert f"(api/{api_name(ctype)}.json)" in page and f"(api/{api_name(ctype)}.csv)" in page
        for name in ctype.model.model_fields:
            assert f"| `{name}` |" in page, f"{ctype.name}.{name} is not documented"


@pytest.mark.parametrize("ctype", CONTENT_TYPES, ids=lambda c: c.name)
def test_published_json_schema_accepts_every_published_item(files, ctype):
    schema = json.loads(files[f"api/schema/{ctype.name}.schema.json"])
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    items = json.loads(files[f"api/{api_name(ctype)}.json"])["items"]
    assert items, f"no {ctype.name} in the demo to check the schema against"
    for item in items:
        fields = {k: v for k, v in item.items() if k not in ("type", "slug", "url") and v is not None}
        problems = [f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(fields)]
        assert not problems, f"{item['slug']}: {problems}"
    broken = dict(fields, title=123)
    assert not validator.is_valid(broken), "the schema must be able to reject an item"
