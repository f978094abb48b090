"""The field-spec layer: the one reader of the models, what it refuses at import, and every consumer agreeing."""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import TODAY
from kunskapsarena import CONTENT_TYPES
from kunskapsarena.check import validate
from kunskapsarena.generate.data.opendata import field_rows
from kunskapsarena.generate.editors.cms import cms_config
from kunskapsarena.generate.editors.fieldref import field_reference
from kunskapsarena.generate.editors.scaffold import render_scaffold
from kunskapsarena.generate.editors.schema import front_matter_schema
from kunskapsarena.model.content_types import VOCABULARIES
from kunskapsarena.model.field_specs import (
    FieldSpecError,
    checked_vocabularies,
    declared_fields,
    field_at,
    fields_of,
    holder_at,
    refuse_unbuildable_fields,
)
from kunskapsarena.model.fields import EMAIL_PATTERN, URL_PATTERN, Item, Range, text, vocabulary, web_url
from kunskapsarena.model.models import Event, Method, Organisation, Person, ProgrammeItem

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
CORE = HOOKS / "kunskapsarena"


# --- refused at import ---------------------------------------------------------

@pytest.mark.parametrize("name", ["type", "slug", "url", "body"])
def test_a_reserved_field_name_is_refused(name):
    throwaway = type("Throwaway", (Item,), {"__annotations__": {"title": "str", name: "str"},
                                            "__module__": __name__, "title": text("Titel"), name: text("Fält")})
    with pytest.raises(FieldSpecError, match=rf"Throwaway\.{name}: the field name '{name}' is reserved"):
        checked_vocabularies([Method, throwaway], data_models=[Person, Organisation])


def test_a_field_that_shadows_a_model_method_is_refused():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # pydantic only warns; that is why the spec layer refuses it

        class Shadowing(Item):
            title: str = text("Titel")
            violations: str = text("Avvikelser")

    with pytest.raises(FieldSpecError, match=r"Shadowing\.violations: .* attribute of Model"):
        refuse_unbuildable_fields(Shadowing)


def test_a_sub_model_may_use_a_reserved_name():
    refuse_unbuildable_fields(Method)   # Method.source is a Source, which has a `url`
    assert field_at(Method, ("source", "url")).pattern == URL_PATTERN


def test_an_optional_field_without_default_is_refused():
    class Undecided(Item):
        title: str = text("Titel")
        note: str | None = text("Anteckning")

    with pytest.raises(FieldSpecError, match=r"Undecided\.note: an optional field .* needs a default"):
        refuse_unbuildable_fields(Undecided)


def test_a_vocabulary_the_taxonomy_does_not_know_is_refused():
    class Office(Item):
        name: str = text("Namn")
        region: str = vocabulary("regioner", "Län")

    with pytest.raises(FieldSpecError, match=r"Office\.region: unknown vocabulary 'regioner' \(the taxonomy knows .*regions"):
        checked_vocabularies([ctype.model for ctype in CONTENT_TYPES], data_models=[Person, Office])


def test_the_vocabularies_are_the_ones_the_models_name():
    named = {spec.vocabulary for ctype in CONTENT_TYPES for spec in _all_fields(ctype.model) if spec.vocabulary}
    assert set(VOCABULARIES) == named
    assert len(VOCABULARIES) == len(named)
    assert VOCABULARIES[:2] == ("phases", "difficulties")   # first use: the method's fields come first


def test_a_vocabulary_a_model_names_must_be_in_taxonomy_yml(arena, monkeypatch):
    """Derived, not listed by hand: a new vocabulary() field makes taxonomy.yml's missing list an error,
    where a hand-kept list that forgot it let the field accept any value."""
    monkeypatch.setattr(validate, "VOCABULARIES", (*VOCABULARIES, "funding_sources"))
    assert any(re.match(r"data/taxonomy\.yml:\d+: funding_sources: saknas", problem) for problem in arena.problems())


def test_every_vocabulary_the_code_names_is_one_the_models_name():
    """A vocabulary renamed in a model must not leave a template or a page builder reading an empty list."""
    named = set()
    for path in [*CORE.rglob("*.py"), *CORE.rglob("*.j2"), *(HOOKS / "kunskapsarena_mkdocs").rglob("*.py")]:
        source = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"""\b(?:ids|label|_vocabulary|groups)\(\s*(?:arena,\s*)?["']([a-z_]+)["']""", source))
    assert "phases" in named and "tags" in named, "the pattern finds the code's vocabulary names"
    assert named - {"person"} <= set(VOCABULARIES)


# --- looking fields up -----------------------------------------------------------

def test_fields_come_in_editing_order_and_pydantic_order():
    assert [spec.name for spec in fields_of(Method)][-1] == "aliases"
    assert [spec.name for spec in declared_fields(Method)][0] == "aliases"
    assert {spec.name for spec in fields_of(Method)} == set(Method.model_fields)


def test_a_field_is_found_by_its_location():
    speakers = field_at(Event, ("programme", 2, "speakers"))
    assert speakers.ref == "person" and speakers.names_allowed and speakers.many
    assert speakers.reverse == "Medverkar i"
    assert field_at(Event, ("programme", 0, "nothing")) is None
    assert holder_at(Event, ("programme", 0)) is ProgrammeItem
    assert holder_at(Method, ("duration",)) is Range
    assert holder_at(Method, ("title",)) is Method
    assert holder_at(Method, ()) is Method


def test_the_spec_carries_the_swedish_label_hint_and_example():
    summary = field_at(Method, ("summary",))
    assert (summary.title, summary.max_length, summary.required) == ("Sammanfattning", 300, True)
    assert summary.description.startswith("En eller två meningar")
    assert field_at(Method, ("phases",)).example == ["förstå"]
    assert field_at(Method, ("phases",)).vocabulary == "phases"
    assert field_at(Event, ("registration",)).format == "url"


def test_the_pattern_message_comes_with_the_field():
    website = field_at(Organisation, ("website",))
    assert website.pattern == URL_PATTERN
    assert website.pattern_problem("https://x.se/a b")[0] == "innehåller ett mellanslag"
    email = field_at(Person, ("email",))
    assert email.pattern == EMAIL_PATTERN
    assert email.pattern_problem("petra.kommun.se") == ("är ingen giltig e-postadress", "skriv t.ex. namn@kommun.se")
    assert web_url("Adress").json_schema_extra["x-format"] == "url"


# --- every consumer agrees on required-ness --------------------------------------

@pytest.mark.parametrize("ctype", CONTENT_TYPES, ids=lambda c: c.name)
def test_every_consumer_agrees_on_required(ctype, demo):
    required = {spec.name for spec in fields_of(ctype.model) if spec.required}
    # pydantic itself: the fields an empty front matter misses
    with pytest.raises(ValidationError) as caught:
        ctype.model.model_validate({}, context={"today": TODAY})
    assert {error["loc"][0] for error in caught.value.errors() if error["type"] == "missing"} == required
    # the JSON Schema, also for every sub-model
    schema = front_matter_schema(ctype, demo)
    assert set(schema.get("required", [])) == required
    for name, node in schema.get("$defs", {}).items():
        holder = next(spec.nested for spec in _all_fields(ctype.model) if spec.nested and spec.nested.__name__ == name)
        assert set(node.get("required", [])) == {spec.name for spec in fields_of(holder) if spec.required}, name
    # the CMS
    collection = next(c for c in cms_config(demo)["collections"] if c["name"] == ctype.name)
    assert {f["name"] for f in collection["fields"] if f.get("required", True) and f["name"] != "body"} == required
    # the field reference
    (markdown,) = field_reference(demo).values()
    section = markdown.split(f"{{ #{ctype.name} }}")[1].split("\n## ")[0]
    rows = re.findall(r"<br>`([^`.\[]+)`.*?\| (ja|nej) \|", section)
    assert {name for name, flag in rows if flag == "ja"} == required
    # open data's field list
    assert {row["name"] for row in field_rows(ctype.model) if row["required"] == "ja" and "." not in row["name"]
            and "[" not in row["name"]} == required
    # the scaffold
    scaffold = render_scaffold(ctype, "Titel", TODAY)
    comments = re.findall(r"^# .*\((obligatoriskt|valfritt)\).*\n#? ?([a-z_]+):", scaffold, flags=re.M)
    assert {name for flag, name in comments if flag == "obligatoriskt"} == required


def test_no_other_module_reads_the_models_fields():
    readers = ("model_fields", "json_schema_extra", "is_required", "get_origin", "get_args", "annotation")
    found = []
    for path in sorted(HOOKS.rglob("*.py")):
        if path == CORE / "model" / "field_specs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if name in readers:
                found.append(f"{path.relative_to(HOOKS)}:{node.lineno}: {name}")
    assert found == []


def _all_fields(model):
    for spec in declared_fields(model):
        yield spec
        if spec.nested is not None:
            yield from _all_fields(spec.nested)
