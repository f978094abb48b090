"""Load every content file and data file, and collect every problem at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .arena import Arena, Record
from .body import body_problems
from .clock import build_date
from .content_types import CONTENT_TYPES, ContentType
from .load import SourceFile, UnreadableFile, read_content_file, read_data_file
from .messages import dotted, nested_model, schema_problems
from .models import Organisation, Person
from .problems import Problem, did_you_mean, quote_list
from .slugs import is_slug, slugify
from .taxonomy import PEOPLE_FILE, TAXONOMY_FILE, VOCABULARIES, Taxonomy
from .yamlsource import YamlDocument


def load_arena(root: Path, today: dt.date | None = None) -> Arena:
    """Read and validate the whole arena under `root`; never raises for bad content."""
    root = Path(root).resolve()
    context = {"today": today or build_date()}
    problems: list[Problem] = []
    taxonomy = _load_taxonomy(root, context, problems)
    # Known slugs come from the files on disk, readable or not, so one broken
    # file does not make every reference to it an error too.
    paths = {ctype.name: _content_paths(root, ctype) for ctype in CONTENT_TYPES}
    known = {name: {path.stem for path in found} for name, found in paths.items()}
    sources = {ctype.name: _read_sources(root, paths[ctype.name], problems) for ctype in CONTENT_TYPES}
    arena = Arena(root=root, taxonomy=taxonomy, problems=problems)
    for ctype in CONTENT_TYPES:
        arena.records[ctype.name] = {}
        for source in sources[ctype.name]:
            record = _validate_source(ctype, source, taxonomy, known, context, problems)
            if record is None:
                continue
            twin = arena.records[ctype.name].get(record.slug)
            if twin is not None:
                problems.append(Problem(
                    source.path, 1, "filnamn", f"samma slug '{record.slug}' som {twin.path}",
                    "två filer av samma typ får inte ha samma namn; döp om den ena"))
                continue
            arena.records[ctype.name][record.slug] = record
    problems.sort(key=lambda p: (p.path, p.line, p.field))
    return arena


def _content_paths(root: Path, ctype: ContentType) -> list[Path]:
    folder = root / ctype.folder
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.rglob("*.md"))
            if not any(part.startswith(".") for part in path.relative_to(folder).parts)]


def _read_sources(root: Path, paths: list[Path], problems: list[Problem]) -> list[SourceFile]:
    sources = []
    for path in paths:
        try:
            sources.append(read_content_file(root, path))
        except UnreadableFile as exc:
            problems.append(exc.problem)
    return sources


def _validate_source(ctype: ContentType, source: SourceFile, taxonomy: Taxonomy,
                     known: dict[str, set[str]], context: dict[str, Any],
                     problems: list[Problem]) -> Record | None:
    slug = source.abs_path.stem
    found: list[Problem] = []
    if not is_slug(slug):
        found.append(Problem(source.path, 1, "filnamn", f"'{source.abs_path.name}' är inget giltigt filnamn",
                             f"använd små bokstäver a–z, siffror och bindestreck: {slugify(slug) or 'min-titel'}.md"))
    found += reference_problems(ctype.model, source.data, (), source.path, source.front, taxonomy, known)
    if slug in _as_strings(source.data.get("related")) and ctype.model.model_fields.get("related"):
        found.append(Problem(source.path, source.front.line_of(("related",)), "related",
                             "en metod kan inte vara relaterad till sig själv", f"ta bort '{slug}'"))
    found += body_problems(source.path, source.body, source.body_line, ctype.body_sections)
    try:
        data = ctype.model.model_validate(source.data, context=context)
    except ValidationError as exc:
        found += schema_problems(exc, ctype.model, source.path, source.front)
        data = None
    problems.extend(found)
    if data is None or found:
        return None
    return Record(type=ctype, slug=slug, path=source.path, abs_path=source.abs_path,
                  data=data, body=source.body, body_line=source.body_line)


def reference_problems(model: type[BaseModel], raw: Any, base: tuple, path: str,
                       document: YamlDocument, taxonomy: Taxonomy,
                       known: dict[str, set[str]]) -> list[Problem]:
    """Vocabulary values and cross-references, checked on the raw front matter.

    Working on raw data (not the validated model) means a file with a
    missing field still gets its misspelt tags reported in the same run.
    """
    if not isinstance(raw, dict):
        return []
    problems = []
    for name, info in model.model_fields.items():
        if name not in raw:
            continue
        value = raw[name]
        meta = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        vocabulary, target = meta.get("x-vocabulary"), meta.get("x-ref")
        if vocabulary and vocabulary not in taxonomy.vocabularies:
            pass   # the broken vocabulary itself is already reported
        elif vocabulary or target:
            allowed = taxonomy.ids(vocabulary) if vocabulary else _ref_ids(target, taxonomy, known)
            items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                if not isinstance(item, str) or item in allowed:
                    continue
                loc = base + (name,) + (() if index is None else (index,))
                message, hint = _unknown_value(item, vocabulary, target, allowed)
                problems.append(Problem(path, document.line_of(loc), dotted(loc), message, hint))
        nested = nested_model(info.annotation)
        if nested is not None:
            children = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, child in children:
                loc = base + (name,) + (() if index is None else (index,))
                problems += reference_problems(nested, child, loc, path, document, taxonomy, known)
    return problems


def _ref_ids(target: str, taxonomy: Taxonomy, known: dict[str, set[str]]) -> set[str] | dict[str, str]:
    if target == "person":
        return taxonomy.ids("person")
    return known.get(target, set())


def _unknown_value(value: str, vocabulary: str | None, target: str | None,
                   allowed) -> tuple[str, str]:
    guess = did_you_mean(value, allowed)
    if vocabulary:
        message = f"'{value}' finns inte bland {quote_list(allowed)}"
        return message, guess or f"lägg till värdet under {vocabulary} i {TAXONOMY_FILE} om det behövs"
    if target == "person":
        return f"'{value}' finns inte i {PEOPLE_FILE}", guess or (
            f"välj bland {quote_list(sorted(allowed))} eller lägg till personen i {PEOPLE_FILE}")
    folder = next((c.folder for c in CONTENT_TYPES if c.name == target), target)
    return f"'{value}' finns inte i {folder}/", guess or (
        f"skriv filnamnet utan .md, t.ex. {sorted(allowed)[0]}" if allowed else f"{folder}/ är tom")


def _as_strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# --- data/taxonomy.yml and data/people.yml -----------------------------------

def _load_taxonomy(root: Path, context: dict, problems: list[Problem]) -> Taxonomy:
    taxonomy = Taxonomy()
    try:
        document = read_data_file(root, root / TAXONOMY_FILE)
    except UnreadableFile as exc:
        problems.append(exc.problem)
        return taxonomy
    data = document.data
    for name in VOCABULARIES:
        value = data.get(name)
        if name == "organisations":
            taxonomy.organisations, ids = _typed_entries(value, Organisation, name, TAXONOMY_FILE,
                                                         document, taxonomy, context, problems)
            taxonomy.vocabularies["organisations"] = ids
            continue
        entries = _vocabulary_entries(value)
        if entries is None:
            problems.append(Problem(TAXONOMY_FILE, document.line_of((name,)), name,
                                    "saknas eller är varken en lista eller en grupp id: etikett",
                                    f"lägg till {name} med ett värde per rad: id: Etikett"))
            continue
        taxonomy.vocabularies[name] = entries
    for name in data:
        if name not in VOCABULARIES:
            problems.append(Problem(TAXONOMY_FILE, document.line_of((name,)), str(name), "okänd vokabulär",
                                    did_you_mean(str(name), VOCABULARIES) or f"tillåtna: {', '.join(VOCABULARIES)}"))
    taxonomy.people = _load_people(root, taxonomy, context, problems)
    return taxonomy


def _vocabulary_entries(value: Any) -> dict[str, str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return {v: v for v in value}
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return {str(k): v for k, v in value.items()}
    return None


def _typed_entries(value: Any, model: type[BaseModel], name: str, path: str, document: YamlDocument,
                   taxonomy: Taxonomy, context: dict, problems: list[Problem]) -> tuple[dict, dict[str, str]]:
    """Valid entries of a data file keyed by id, and every id it declares (id → name)."""
    if not isinstance(value, dict):
        problems.append(Problem(path, document.line_of((name,) if name else ()), name or "fil",
                                "ska vara en grupp där varje id har sina fält"))
        return {}, {}
    entries = {}
    ids = {str(key): str(fields.get("name", key)) if isinstance(fields, dict) else str(key)
           for key, fields in value.items()}
    for key, fields in value.items():
        base = (name, key) if name else (key,)
        key = str(key)
        if not is_slug(key):
            problems.append(Problem(path, document.line_of(base), key, f"id '{key}' är ogiltigt",
                                    f"använd små bokstäver a–z, siffror och bindestreck: {slugify(key)}"))
            continue
        found = reference_problems(model, fields, base, path, document, taxonomy, {})
        try:
            entry = model.model_validate(fields, context=context)
        except ValidationError as exc:
            found += schema_problems(exc, model, path, document, base)
        problems.extend(found)
        if not found:
            entries[key] = entry
    return entries, ids


def _load_people(root: Path, taxonomy: Taxonomy, context: dict, problems: list[Problem]) -> dict[str, Person]:
    try:
        document = read_data_file(root, root / PEOPLE_FILE)
    except UnreadableFile as exc:
        problems.append(exc.problem)
        return {}
    people, taxonomy.person_ids = _typed_entries(document.data, Person, "", PEOPLE_FILE, document,
                                                 taxonomy, context, problems)
    return people
