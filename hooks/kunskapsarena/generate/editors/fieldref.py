"""The editors' field reference, generated from the content model so it is never out of date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.field_specs import FieldSpec, fields_of
from kunskapsarena.model.taxonomy import PEOPLE_FILE, TAXONOMY_FILE

from .scaffold import fill_dates, inline_yaml

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
    for spec in fields_of(model):
        path = prefix + spec.name
        yield path, spec, _type_name(spec), _allowed(spec, arena), _example(spec, arena)
        if spec.nested is not None:
            yield from _rows(spec.nested, path + ("[]." if spec.many else "."), arena)


def _row(path: str, spec: FieldSpec, kind: str, allowed: str, example: str) -> str:
    label = f"**{_cell(spec.title or path)}**<br>`{path}`"
    if spec.description:
        label += f"<br>{_cell(spec.description)}"
    return f"| {label} | {'ja' if spec.required else 'nej'} | {kind} | {allowed} | {example} |"


def _type_name(spec: FieldSpec) -> str:
    if spec.nested is not None:
        single = "grupp av fält"
    else:
        single = {bool: "true eller false", int: "heltal", dt.date: "datum ÅÅÅÅ-MM-DD",
                  dt.datetime: "datum och tid ÅÅÅÅ-MM-DD TT:MM, svensk tid",
                  dt.time: "tid TT:MM"}.get(spec.item, "text")
    limits = []
    if spec.ge is not None:
        limits.append(f"minst {spec.ge}")
    if spec.min_length is not None and (spec.many or spec.min_length > 1):
        limits.append(f"minst {spec.min_length} {'värde' if spec.many else 'tecken'}")
    if spec.max_length is not None:
        limits.append(f"högst {spec.max_length} {'värden' if spec.many else 'tecken'}")
    name = f"lista ({single})" if spec.many else single
    return name + (f", {', '.join(limits)}" if limits else "")


def _allowed(spec: FieldSpec, arena: Arena) -> str:
    vocabulary, target = spec.vocabulary, spec.ref
    if vocabulary:
        values = ", ".join(f"`{value}`" for value in arena.taxonomy.ids(vocabulary))
        return f"ur `{vocabulary}` i `{TAXONOMY_FILE}`: {values}"
    if target == "person" and spec.names_allowed:
        return f"ett id ur `{PEOPLE_FILE}`, eller ett namn (`Förnamn Efternamn`)"
    if target == "person":
        return f"ett id ur `{PEOPLE_FILE}`"
    if target:
        folder = next((c.folder for c in CONTENT_TYPES if c.name == target), target)
        return f"filnamnet på en fil i `{folder}/`, utan .md"
    if spec.choices:
        return "ett av " + ", ".join(f"`{value}`" for value in spec.choices)
    if spec.format == "url":
        return "en hel webbadress som börjar med https://"
    return ""


def _example(spec: FieldSpec, arena: Arena) -> str:
    vocabulary, target = spec.vocabulary, spec.ref
    value = spec.example
    # Scaffold placeholders ('person-id') are replaced by real values from this arena.
    if vocabulary or target:
        ids = list(arena.taxonomy.ids(vocabulary or "person")) if vocabulary or target == "person" else sorted(
            arena.records.get(target, {}))
        value = (ids[:2] if spec.many else ids[0]) if ids else None
    elif spec.item is dt.date:
        value = EXAMPLE_DATE
    else:
        value = fill_dates(value, EXAMPLE_DATE)   # 'ÅÅÅÅ-MM-DD 09:00', nested dates
    if value in (None, []):
        return ""
    return f"`{_cell(inline_yaml(value))}`"


def _cell(text: str) -> str:
    return str(text).translate(_CELL_ESCAPES)
