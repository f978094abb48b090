"""Decap CMS for editors who do not use git: admin/config.yml from the content model.

Generated at every build from the same models and vocabularies as the
validation, so the CMS can never offer a field or a value the check rejects.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING, Any

import yaml

from kunskapsarena.generate.csp import admin_policy, meta_tag
from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.field_specs import FieldSpec, fields_of
from kunskapsarena.model.settings import DECAP_SCRIPT, CmsSettings

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

DEFAULT_SCRIPT = DECAP_SCRIPT      # same origin: see README, "Web editing"
LONG_TEXT = 150                     # max_length above this gets a multi-line box
DATE_FORMAT = "YYYY-MM-DD"
TIME_FORMAT = "HH:mm"               # what yamlsource keeps as a string and pydantic reads as a time


def cms_config(arena: Arena, settings: CmsSettings | None = None, site_url: str | None = None) -> dict[str, Any]:
    """The whole config.yml; `settings` is mkdocs.yml's `extra.cms` (backend, media folders)."""
    settings = settings or CmsSettings()
    config: dict[str, Any] = {
        "backend": settings.backend.model_dump(exclude_none=True),
        # Every change becomes a pull request: the same checks as a git user's change run before it is published.
        "publish_mode": settings.publish_mode,
        "locale": "sv",
        "media_folder": settings.media_folder,
        "public_folder": settings.public_folder,
        # The arena's slug rule: lowercase ASCII, å/ä → a, ö → o, hyphens.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_collection(ctype, arena) for ctype in CONTENT_TYPES],
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def cms_files(arena: Arena, site: SiteInfo) -> dict[str, str]:
    """admin/index.html and admin/config.yml, set up by `extra.cms` in mkdocs.yml."""
    settings = site.settings.cms
    return {
        "admin/index.html": admin_page(settings.script, settings.model_dump(exclude_none=True)),
        "admin/cms-saknas.js": MISSING_NOTICE_SCRIPT,
        "admin/config.yml": config_yaml(cms_config(arena, settings, site.url or None)),
    }


def config_yaml(config: dict[str, Any]) -> str:
    header = "# Generated from the content model at every build; do not edit (see README, Web editing).\n"
    # libyaml's emitter writes the same text several times faster than PyYAML's.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return header + yaml.dump(_shared_long_options(config), Dumper=dumper,
                              allow_unicode=True, sort_keys=False, width=120)


LONG_OPTIONS = 100


def _shared_long_options(config: Any, seen: dict | None = None) -> Any:
    """The same long option list (every person, in each of seven person fields) as one
    object, so YAML writes it once and refers to it (&id001 / *id001): 20 000 people
    make a 1.5 MB config instead of 10 MB. Short lists stay written out."""
    seen = {} if seen is None else seen
    if isinstance(config, list):
        return [_shared_long_options(item, seen) for item in config]
    if not isinstance(config, dict):
        return config
    result = {key: _shared_long_options(value, seen) for key, value in config.items()}
    options = result.get("options")
    if isinstance(options, list) and len(options) >= LONG_OPTIONS:
        key = tuple(tuple(option.items()) if isinstance(option, dict) else option for option in options)
        result["options"] = seen.setdefault(key, options)
    return result


# Shows the notice when Decap did not load (file missing or blocked). A file, not an
# onerror="…" attribute: the page's Content Security Policy refuses inline handlers.
MISSING_NOTICE_SCRIPT = (
    "// Generated at every build (hooks/kunskapsarena/generate/editors/cms.py): runs after Decap's script, which defines window.CMS.\n"
    'if (!window.CMS) document.getElementById("cms-saknas").hidden = false;\n'
)


def admin_page(script: str | None = None, settings: dict[str, Any] | None = None) -> str:
    """The page that loads Decap; `settings` (extra.cms) decide its Content Security Policy."""
    src = escape(script or DEFAULT_SCRIPT)
    policy = admin_policy({**(settings or {}), "script": script})
    return (
        "<!doctype html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"{meta_tag(policy)}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        "<title>Redigera Kunskapsarenan</title>\n"
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        # Decap's "Tillbaka till sida" on the login screen is #798291 on #eff0f4 (3.4:1, below
        # WCAG's 4.5:1); the element selector outweighs Decap's own class rule.
        '<style>p[class*="-ButtonText"] { color: #4a5261; }</style>\n'
        "</head>\n<body>\n"
        '<p id="cms-saknas" hidden>Redigeringsverktyget (Decap CMS) kunde inte laddas. '
        "Be webbplatsens förvaltare installera det (se README, avsnittet Web editing).</p>\n"
        f'<script src="{src}"></script>\n'
        '<script src="cms-saknas.js"></script>\n'
        "</body>\n</html>\n"
    )


def _collection(ctype: ContentType, arena: Arena) -> dict[str, Any]:
    fields = [_field(spec, arena) for spec in fields_of(ctype.model)]
    body: dict[str, Any] = {"label": "Brödtext", "name": "body", "widget": "markdown"}
    if ctype.body_template:
        body["default"] = ctype.body_template
    if ctype.body_sections:
        body["hint"] = "Rubriker som måste finnas (nivå 2, ##): " + ", ".join(ctype.body_sections)
    return {
        "name": ctype.name,
        "label": ctype.plural_label,
        "label_singular": ctype.label,
        "folder": ctype.folder,
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "fields": [*fields, body],
    }


def _field(spec: FieldSpec, arena: Arena) -> dict[str, Any]:
    field: dict[str, Any] = {"label": spec.title or spec.name, "name": spec.name}
    if spec.description:
        field["hint"] = spec.description
    if not spec.required:
        field["required"] = False
    field.update(_widget(spec, arena))
    if field.get("required") is False and field["widget"] == "object":
        # Decap enforces required sub-fields even when the group itself is left out;
        # the check still requires them once any part of the group is filled in.
        for child in field["fields"]:
            child["required"] = False
    if spec.default is not None and "default" not in field:
        field["default"] = spec.default
    return field


def _widget(spec: FieldSpec, arena: Arena) -> dict[str, Any]:
    vocabulary, target, item, many = spec.vocabulary, spec.ref, spec.item, spec.many
    if target == "person" and spec.names_allowed:
        # Person ids or free names ("Petra Ek"): a select would refuse the names.
        text = {"label": spec.title or "Värde", "name": "value", "widget": "string"}
        return {"widget": "list", "field": text} if many else {"widget": "string"}
    if vocabulary or target == "person":
        widget = {"widget": "select", "options": _options(vocabulary, target, arena)}
        return {**widget, "multiple": True, **_min_items(spec)} if many else widget
    if target:
        widget = {"widget": "relation", "collection": target, "value_field": "{{slug}}",
                  "search_fields": ["title"], "display_fields": ["title"]}
        return {**widget, "multiple": True, **_min_items(spec)} if many else widget
    if spec.nested is not None:
        fields = [_field(child, arena) for child in fields_of(spec.nested)]
        if many:
            return {"widget": "list", "fields": fields, **_min_items(spec)}
        return {"widget": "object", "fields": fields}
    if many:
        return {"widget": "list", "field": {"label": spec.title or "Värde", "name": "value",
                                            **_widget(spec.bare_item(), arena)}}
    if item is bool:
        return {"widget": "boolean"}
    if item is int:
        return {"widget": "number", "value_type": "int", **({"min": spec.ge} if spec.ge is not None else {})}
    if item is dt.date:
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False}
    if item is dt.datetime:   # Swedish local time, as editors write it: 2026-10-05 09:00
        return {"widget": "datetime", "format": f"{DATE_FORMAT} {TIME_FORMAT}", "date_format": DATE_FORMAT,
                "time_format": TIME_FORMAT}
    if item is dt.time:
        return {"widget": "datetime", "format": TIME_FORMAT, "date_format": False, "time_format": TIME_FORMAT}
    if spec.choices:
        return {"widget": "select", "options": [str(value) for value in spec.choices]}
    widget: dict[str, Any] = {"widget": "string"}
    if spec.max_length and spec.max_length > LONG_TEXT:
        widget["widget"] = "text"
    if spec.pattern:
        widget["pattern"] = [spec.pattern, "Skriv en hel adress som börjar med https://"
                             if spec.format == "url" else f"Ska matcha {spec.pattern}"]
    return widget


def _options(vocabulary: str | None, target: str | None, arena: Arena) -> list[dict[str, str]]:
    taxonomy = arena.taxonomy
    if vocabulary:
        return [{"label": label, "value": value} for value, label in taxonomy.ids(vocabulary).items()]
    # People live in data/people.yml, a map of id → fields that Decap cannot edit as a
    # collection; the select is rebuilt from it at every build instead.
    options = []
    for pid in taxonomy.ids("person"):
        person = taxonomy.people.get(pid)
        options.append({"label": f"{person.name} ({person.role})" if person else pid, "value": pid})
    return options


def _min_items(spec: FieldSpec) -> dict[str, int]:
    return {"min": spec.min_length} if spec.min_length else {}



__all__ = ["DEFAULT_SCRIPT", "admin_page", "cms_config", "cms_files", "config_yaml"]
