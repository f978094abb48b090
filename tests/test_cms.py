"""Decap CMS config generated from the content model: every field of every type, the right widgets."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel

from conftest import TODAY, ArenaDir
from kunskapsarena import CONTENT_TYPES, load_arena
from kunskapsarena.generate.editors.cms import admin_page, cms_config, cms_files, config_yaml
from kunskapsarena.generate.outputs import BUILDERS
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.model.field_specs import field_names
from kunskapsarena.model.fields import URL_PATTERN
from kunskapsarena.model.settings import CmsSettings, Settings


@pytest.fixture(scope="module")
def config(demo) -> dict:
    text = config_yaml(cms_config(demo, None, "https://kunskapsarena.example/"))
    return yaml.safe_load(text)


def field_meta(model: type[BaseModel], name: str) -> dict:
    """The field's x- metadata, read from pydantic here, independently of the spec layer."""
    extra = model.model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def unwrap(annotation):
    args = [a for a in get_args(annotation) if a is not type(None)]
    found = args[0] if get_origin(annotation) is not list and len(args) == 1 else annotation
    return get_args(found)[0] if get_origin(found) is Annotated else found   # notation.Date → dt.date


def check_fields(model: type[BaseModel], fields: list[dict], demo, where: str, optional_group: bool = False) -> int:
    """Every model field, in order, with the widget its type calls for; returns fields checked.

    Inside an optional group every field is optional for Decap, which would otherwise refuse
    to save an item that leaves the group out."""
    assert [f["name"] for f in fields] == field_names(model), where
    taxonomy = demo.taxonomy
    checked = 0
    for field in fields:
        name = field["name"]
        info = model.model_fields[name]
        meta = field_meta(model, name)
        annotation = unwrap(info.annotation)
        many = get_origin(annotation) is list
        item = get_args(annotation)[0] if many else annotation
        required = info.is_required() and type(None) not in get_args(info.annotation) and not optional_group
        assert field.get("required", True) is required, f"{where}.{name}"
        assert field["label"] == info.title, f"{where}.{name}"
        if meta.get("x-vocabulary"):
            assert field["widget"] == "select"
            assert [o["value"] for o in field["options"]] == list(taxonomy.ids(meta["x-vocabulary"]))
            assert [o["label"] for o in field["options"]] == list(taxonomy.ids(meta["x-vocabulary"]).values())
        elif meta.get("x-ref") == "person" and meta.get("x-names-allowed"):
            assert field["widget"] == ("list" if many else "string")   # ids or free names
        elif meta.get("x-ref") == "person":
            assert field["widget"] == "select"
            assert [o["value"] for o in field["options"]] == list(taxonomy.person_ids)
        elif meta.get("x-ref"):
            assert field["widget"] == "relation"
            assert field["collection"] == meta["x-ref"]
            assert field["collection"] in {c.name for c in CONTENT_TYPES}
            assert field["value_field"] == "{{slug}}"
        elif isinstance(item, type) and issubclass(item, BaseModel):
            assert field["widget"] == ("list" if many else "object")
            checked += check_fields(item, field["fields"], demo, f"{where}.{name}",
                                    optional_group=not many and field.get("required") is False)
        elif many:
            assert field["widget"] == "list" and field["field"]["widget"] == "string"
        elif get_origin(item) is Literal:
            assert field["widget"] == "select" and field["options"] == list(get_args(item)), f"{where}.{name}"
        else:
            expected = {bool: "boolean", int: "number", dt.date: "datetime", dt.datetime: "datetime",
                        dt.time: "datetime", str: ("string", "text")}[item]
            assert field["widget"] in expected, f"{where}.{name}"
        if (meta.get("x-vocabulary") or meta.get("x-ref")) and not meta.get("x-names-allowed"):
            assert field.get("multiple", False) is many, f"{where}.{name}"
        checked += 1
    return checked


def test_config_is_valid_yaml_with_one_collection_per_type(config):
    assert [c["name"] for c in config["collections"]] == [c.name for c in CONTENT_TYPES]
    for collection, ctype in zip(config["collections"], CONTENT_TYPES, strict=True):
        assert collection["folder"] == ctype.folder
        assert collection["format"] == "frontmatter" and collection["extension"] == "md"
        assert collection["create"] is True and collection["slug"] == "{{slug}}"
    assert config["locale"] == "sv"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["site_url"] == "https://kunskapsarena.example/"


def test_every_field_of_every_type_has_the_right_widget(config, demo):
    total = 0
    for collection, ctype in zip(config["collections"], CONTENT_TYPES, strict=True):
        *fields, body = collection["fields"]
        total += check_fields(ctype.model, fields, demo, ctype.name)
        assert body["name"] == "body" and body["widget"] == "markdown"
        assert body.get("default", "") == ctype.body_template
    assert total > 40


def test_specific_widgets(config):
    method = {f["name"]: f for f in config["collections"][0]["fields"]}
    assert method["summary"]["widget"] == "text"          # up to 300 characters
    assert method["title"]["widget"] == "string"
    assert method["updated"] == {"label": "Senast ändrad", "name": "updated", "widget": "datetime",
                                 "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    assert method["phases"]["multiple"] is True and method["phases"]["min"] == 1
    assert method["duration"]["fields"][0] == {"label": "Minst", "name": "min", "widget": "number",
                                               "value_type": "int", "min": 1}
    assert method["source"]["fields"][1]["pattern"][0] == URL_PATTERN
    assert method["aliases"]["widget"] == "list"


def test_new_vocabulary_values_reach_the_cms(arena: ArenaDir):
    arena.replace("data/taxonomy.yml", "phases:\n", "phases:\n  kartlägga: Kartlägga nuläget\n")
    found = yaml.safe_load(config_yaml(cms_config(load_arena(arena.root, today=TODAY))))
    phases = next(f for f in found["collections"][0]["fields"] if f["name"] == "phases")
    assert phases["options"][0] == {"label": "Kartlägga nuläget", "value": "kartlägga"}


def test_backend_and_media_come_from_settings(demo):
    settings = {"backend": {"name": "gitlab", "repo": "redaktionen/kunskapsarena", "branch": "main"},
                "media_folder": "content/bilder", "public_folder": "/bilder", "publish_mode": "simple"}
    config = cms_config(demo, CmsSettings.model_validate(settings))
    assert config["backend"] == settings["backend"]
    assert (config["media_folder"], config["public_folder"], config["publish_mode"]) == (
        "content/bilder", "/bilder", "simple")


def test_admin_page_loads_the_configured_script():
    assert '<script src="https://cms.kommun.example/decap-cms.js"' in admin_page("https://cms.kommun.example/decap-cms.js")
    assert '<script src="decap-cms.js"' in admin_page(None)
    assert '<html lang="sv">' in admin_page(None)


def test_cms_builder_reads_its_settings_from_the_site_settings(demo):
    settings = Settings.model_validate({"cms": {"script": "/js/decap-cms.js",
                                                "backend": {"name": "github", "repo": "a/b"}}})
    site = SiteInfo(url="https://arena.example/", today=TODAY, settings=settings)
    files = cms_files(demo, site)
    assert sorted(files) == ["admin/cms-saknas.js", "admin/config.yml", "admin/index.html"]
    assert '<script src="/js/decap-cms.js"' in files["admin/index.html"]
    config = yaml.safe_load(files["admin/config.yml"])
    assert config["backend"] == {"name": "github", "repo": "a/b"}
    assert config["site_url"] == "https://arena.example/"
    assert cms_files in BUILDERS
