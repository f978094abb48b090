"""The editors' field reference, generated from the content model so it is never out of date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

import yaml
from annotated_types import Ge, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.fields import field_meta, field_names, unwrap_optional
from kunskapsarena.model.taxonomy import PEOPLE_FILE, TAXONOMY_FILE

from .scaffold import fill_dates

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

PAGE_URI = "redaktorsguide/falt.md"
EXAMPLE_DATE = dt.date(2026, 3, 1)
_CELL_ESCAPES = str.maketrans({"|": "\\|", "\n": " "})


def field_reference(arena: Arena, site: SiteInfo | None = None) -> dict[str, str]:
    """docs path → Markdown of the field reference page."""
    lines = [
        "# Fältreferens",
        "",
        "Alla fält som huvudet (front matter) i varje innehållstyp kan ha. Sidan skapas automatiskt "
        "från samma innehållsmodell som kontrollen (`make check`) använder, så den stämmer alltid.",
        "",
        "Obligatoriska fält måste finnas. Valfria fält kan du utelämna. Fält med punkt i namnet, "
        "till exempel `duration.min`, skrivs indragna under fältet före punkten; `[]` betyder "
        "att fältet är en lista med sådana grupper.",
        "",
    ]
    for ctype in CONTENT_TYPES:
        lines += _section(ctype, arena)
    return {PAGE_URI: "\n".join(lines) + "\n"}


def _section(ctype: ContentType, arena: Arena) -> list[str]:
    lines = [f"## {ctype.label} {{ #{ctype.name} }}", "",
             f"Filer i `{ctype.folder}/`, en fil per {ctype.label.lower()}. "
             f"Skapa en ny med `make new TYPE={ctype.name} TITLE=\"…\"`.", ""]
    if ctype.body_sections:
        headings = ", ".join(f"`## {h}`" for h in ctype.body_sections)
        lines += [f"Brödtexten måste ha rubrikerna {headings}, i den ordningen.", ""]
    lines += ["| Fält | Obligatoriskt | Typ | Tillåtna värden | Exempel |", "|---|---|---|---|---|"]
    lines += [_row(*row) for row in _rows(ctype.model, "", arena)]
    return lines + [""]


def _rows(model: type[BaseModel], prefix: str, arena: Arena):
    for name in field_names(model):
        info = model.model_fields[name]
        meta = field_meta(model, name)
        annotation, optional = unwrap_optional(info.annotation)
        many = get_origin(annotation) is list
        item = get_args(annotation)[0] if many else annotation
        required = info.is_required() and not optional
        path = prefix + name
        yield path, info, meta, required, _type_name(item, many, info), _allowed(meta, info, arena), \
            _example(meta, item, many, arena)
        if isinstance(item, type) and issubclass(item, BaseModel):
            yield from _rows(item, path + ("[]." if many else "."), arena)


def _row(path: str, info: FieldInfo, meta: dict, required: bool, kind: str, allowed: str, example: str) -> str:
    label = f"**{_cell(info.title or path)}**<br>`{path}`"
    if info.description:
        label += f"<br>{_cell(info.description)}"
    return f"| {label} | {'ja' if required else 'nej'} | {kind} | {allowed} | {example} |"


def _type_name(item: Any, many: bool, info: FieldInfo) -> str:
    if isinstance(item, type) and issubclass(item, BaseModel):
        single = "grupp av fält"
    else:
        single = {bool: "true eller false", int: "heltal", dt.date: "datum ÅÅÅÅ-MM-DD",
                  dt.datetime: "datum och tid ÅÅÅÅ-MM-DD TT:MM, svensk tid", dt.time: "tid TT:MM"}.get(item, "text")
    limits = []
    for rule in info.metadata:
        if isinstance(rule, MinLen) and (many or rule.min_length > 1):
            limits.append(f"minst {rule.min_length} {'värde' if many else 'tecken'}")
        elif isinstance(rule, MaxLen):
            limits.append(f"högst {rule.max_length} {'värden' if many else 'tecken'}")
        elif isinstance(rule, Ge):
            limits.append(f"minst {rule.ge}")
    name = f"lista ({single})" if many else single
    return name + (f", {', '.join(limits)}" if limits else "")


def _allowed(meta: dict, info: FieldInfo, arena: Arena) -> str:
    vocabulary, target = meta.get("x-vocabulary"), meta.get("x-ref")
    if vocabulary:
        values = ", ".join(f"`{value}`" for value in arena.taxonomy.ids(vocabulary))
        return f"ur `{vocabulary}` i `{TAXONOMY_FILE}`: {values}"
    if target == "person" and meta.get("x-names-allowed"):
        return f"ett id ur `{PEOPLE_FILE}`, eller ett namn (`Förnamn Efternamn`)"
    if target == "person":
        return f"ett id ur `{PEOPLE_FILE}`"
    if target:
        folder = next((c.folder for c in CONTENT_TYPES if c.name == target), target)
        return f"filnamnet på en fil i `{folder}/`, utan .md"
    choices = _literal_values(info.annotation)
    if choices:
        return "ett av " + ", ".join(f"`{value}`" for value in choices)
    pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
    if pattern and "http" in pattern:
        return "en hel webbadress som börjar med https://"
    return ""


def _example(meta: dict, item: Any, many: bool, arena: Arena) -> str:
    vocabulary, target = meta.get("x-vocabulary"), meta.get("x-ref")
    value = meta.get("x-example")
    # Scaffold placeholders ('person-id') are replaced by real values from this arena.
    if vocabulary or target:
        ids = list(arena.taxonomy.ids(vocabulary or "person")) if vocabulary or target == "person" else sorted(
            arena.records.get(target, {}))
        value = (ids[:2] if many else ids[0]) if ids else None
    elif item is dt.date:
        value = EXAMPLE_DATE
    else:
        value = fill_dates(value, EXAMPLE_DATE)   # 'ÅÅÅÅ-MM-DD 09:00', nested dates
    if value in (None, []):
        return ""
    return f"`{_cell(_inline_yaml(value))}`"


def _literal_values(annotation: Any) -> tuple:
    """The allowed values of a Literal field (also inside a list or `| None`)."""
    annotation, _ = unwrap_optional(annotation)
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    return get_args(annotation) if get_origin(annotation) is Literal else ()


def _inline_yaml(value: Any) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _cell(text: str) -> str:
    return str(text).translate(_CELL_ESCAPES)
