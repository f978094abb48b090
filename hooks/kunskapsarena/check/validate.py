"""Load every content file and data file, and collect every problem at once."""

from __future__ import annotations

import datetime as dt
import gc
import heapq
import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kunskapsarena.check.settings import settings_from_file
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CONTENT_TYPES, VOCABULARIES, ContentType, content_type
from kunskapsarena.model.engine import current_engine
from kunskapsarena.model.field_specs import FieldSpec, declared_fields, field_of
from kunskapsarena.model.models import Organisation, Person
from kunskapsarena.model.problems import Problem, Severity, did_you_mean, errors, quote_list
from kunskapsarena.model.settings import SETTINGS_FILE
from kunskapsarena.model.slugs import is_slug, slugify
from kunskapsarena.model.taxonomy import PEOPLE_FILE, TAXONOMY_FILE, Taxonomy
from kunskapsarena.model.vocabulary_urls import ORGANISATION_SECTION, TAG_SECTION
from kunskapsarena.source.clock import build_date
from kunskapsarena.source.discovery import PAGES_DIR, walk
from kunskapsarena.source.load import (
    SourceFile,
    UnreadableFile,
    line_in_file,
    read_content_file,
    read_data_file,
)
from kunskapsarena.source.workers import PARALLEL_THRESHOLD, can_fork, fork_pool
from kunskapsarena.source.yamlsource import YamlDocument

from .accessibility_lint import accessibility_problems
from .aliases import alias_problems, renamed_without_alias, shared_alias_problems
from .body import body_problems
from .html_policy import html_policy_problems
from .links import file_problem, link_problems, link_targets
from .messages import dotted, schema_problems
from .misplaced import misplaced_problem, references_waiting
from .names import MAX_NAME_LENGTH, name_problem, shorten, url_section
from .site_pages import site_page_problems
from .typography import one_message_per_value, theme_reading_problems, typographic_quote_problems


def load_arena(root: Path, today: dt.date | None = None, workers: int = 1) -> Arena:
    """Read and validate the whole arena under `root`; never raises for bad content.

    `workers` > 1 validates files in that many forked processes (large
    arenas; PyYAML's constructor is pure Python). Results are identical.
    """
    with _collector_paused():
        return _load_arena(Path(root).resolve(), today, workers)


@contextmanager
def _collector_paused():
    """Loading makes millions of objects and no reference cycles: the cycle
    collector would only walk the growing heap again and again (a tenth of a
    large check). Forked workers inherit the pause."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_arena(root: Path, today: dt.date | None, workers: int) -> Arena:
    # Mistakes in mkdocs.yml's settings are reported by the settings check (settings.py).
    settings = settings_from_file(root / SETTINGS_FILE)[0] if (root / SETTINGS_FILE).is_file() else None
    embed_hosts = tuple(settings.embeds.hosts) if settings is not None else ()
    problems: list[Problem] = []
    context = {"today": today or build_date(), "embed_hosts": embed_hosts}
    taxonomy = _load_taxonomy(root, context, problems)
    # Known slugs come from the files on disk, readable or not, so one broken
    # file does not make every reference to it an error too.
    paths = {ctype.name: _content_paths(root, ctype, problems) for ctype in CONTENT_TYPES}
    known = {name: {path.stem for path in found} for name, found in paths.items()}
    jobs = [(ctype.name, path) for ctype in CONTENT_TYPES for path in paths[ctype.name]]
    arena = Arena(root=root, taxonomy=taxonomy, problems=problems,
                  records={ctype.name: {} for ctype in CONTENT_TYPES})
    for type_name, checked, found in _check_files(jobs, (root, taxonomy, known, context), workers):
        problems.extend(found)
        if checked is None:
            continue
        # Workers hand back the validated model: unpickling it is cheaper than
        # unpickling the raw front matter (dates) and validating it again.
        record = Record(type=content_type(type_name), abs_path=root / checked["path"], **checked)
        twin = arena.records[type_name].get(record.slug)
        if twin is not None:
            problems.append(Problem(
                record.path, 1, "filnamn", f"samma slug '{record.slug}' som {twin.path}",
                "två filer av samma typ får inte ha samma namn; döp om den ena"))
            continue
        arena.records[type_name][record.slug] = record
    site_bodies: list[tuple[str, str, int]] = []
    problems.extend(site_page_problems(root, embed_hosts, bodies=site_bodies))
    problems.extend(_link_problems(root, arena, site_bodies,
                                   {ctype.folder: known[ctype.name] for ctype in CONTENT_TYPES}))
    # Links anywhere in data/ and in the published tree are refused too (the
    # data files read above already report their own).
    for folder, hidden in (("data", False), (PAGES_DIR, True)):
        problems.extend(walk(root, folder, hidden=hidden).problems)
    problems.extend(_material_problems(arena))
    problems.extend(shared_alias_problems(arena))
    problems.extend(renamed_without_alias(arena))   # git only: compared with the last commit
    if not errors(problems):   # with broken files the references are incomplete: no false alarms
        problems += _unreferenced_people(arena)
    # A file several checks read (a linked data folder, a content page's front matter) is reported once.
    problems[:] = references_waiting(list(dict.fromkeys(problems)))
    # The data files first: a mistake there explains others.
    problems.sort(key=lambda p: (not p.path.startswith(_DATA_FOLDER), p.path, p.line, p.field))
    return arena


_DATA_FOLDER = "data/"


def _link_problems(root: Path, arena: Arena, pages: list[tuple[str, str, int]],
                   slugs: dict[str, set[str]]) -> list[Problem]:
    """Links, anchors and images in every valid item's and content/ page's body (`pages`: their
    path, body and first line, as site_page_problems read them); items' image files."""
    records = [record for ctype in CONTENT_TYPES for record in arena.records[ctype.name].values()]
    targets = link_targets(root, records, pages, slugs)
    found = []
    for page in targets.pages.values():
        found += link_problems(targets, page)
    for source, uri in targets.files.items():   # published at the same place as a file in content/
        if (root / PAGES_DIR / uri).exists():
            found.append(Problem(source, 1, "fil", f"publiceras som {uri}, där {PAGES_DIR}/{uri} redan ligger",
                                 "ta bort den ena filen eller byt namn på den"))
    for record in records:
        image = getattr(record.data, "image", None)
        if image is not None and not file_problem(targets, targets.pages[record.path], image.src):
            line = line_in_file(root, record.abs_path, ("image", "src"))
            found.append(Problem(record.path, line, "image.src", f"bildfilen '{image.src}' finns inte",
                                 f"lägg bilden i {posixpath.dirname(record.path)}/{posixpath.dirname(image.src)}/ "
                                 "eller rätta sökvägen (den skrivs från innehållsfilen)"))
    return found


def _material_problems(arena: Arena) -> list[Problem]:
    """Material against its event's programme, and its files on disk (both need more than one file)."""
    found = []
    for material in arena.records.get("material", {}).values():
        data = material.data
        event = arena.records.get("event", {}).get(data.event)
        if event is not None and data.programme_item is not None:
            titles = [item.title for item in event.data.programme]
            if data.programme_item not in titles:
                found.append(Problem(material.path, line_in_file(arena.root, material.abs_path, ("programme_item",)),
                                     "programme_item",
                                     f"'{data.programme_item}' finns inte i programmet för {data.event}",
                                     did_you_mean(data.programme_item, titles)
                                     or "skriv programpunktens titel exakt som i evenemangets program"))
        for index, file in enumerate(data.files):
            path = material.abs_path.parent / file.src
            if not path.is_file():
                found.append(Problem(material.path, line_in_file(arena.root, material.abs_path, ("files", index, "src")),
                                     f"files[{index}].src",
                                     f"filen '{file.src}' finns inte",
                                     f"lägg filen i {material.abs_path.parent.name}/ eller rätta sökvägen"))
    return found


def _unreferenced_people(arena: Arena) -> list[Problem]:
    """People nobody names as contact, author or speaker: stale entries, or a forgotten reference."""
    referenced = set(arena.graph.targets("person"))
    return [Problem(PEOPLE_FILE, arena.taxonomy.person_lines.get(pid, 1), pid,
                    "personen nämns inte i något innehåll",
                    "ta bort personen eller ange id:t som kontakt, skribent eller medverkande",
                    Severity.WARNING)
            for pid in arena.taxonomy.people if pid not in referenced]


_shared: tuple = ()   # (root, taxonomy, known, context) inside a worker process
CHUNK_SIZE = 100


def _check_files(jobs: list[tuple[str, Path]], shared: tuple, workers: int) -> Iterator[tuple]:
    """Results in the order of `jobs`, as they come: the caller builds
    records from early chunks while the workers check the later ones."""
    global _shared
    if workers <= 1 or len(jobs) < PARALLEL_THRESHOLD or not can_fork():
        _shared = shared
        yield from map(_check_file, jobs)
        return
    # Many small chunks: the workers finish together, and results flow back early.
    chunks = [jobs[start:start + CHUNK_SIZE] for start in range(0, len(jobs), CHUNK_SIZE)]
    with fork_pool(workers, initializer=_set_shared, initargs=(shared,)) as pool:
        for chunk in pool.map(_check_chunk, chunks):
            yield from chunk


def _set_shared(shared: tuple) -> None:
    global _shared
    _shared = shared


def _check_chunk(jobs: list[tuple[str, Path]]) -> list[tuple]:
    return [_check_file(job) for job in jobs]


def _check_file(job: tuple[str, Path]) -> tuple[str, dict | None, list[Problem]]:
    """Read and validate one file; its YAML node tree dies with this call."""
    type_name, path = job
    root, taxonomy, known, context = _shared
    try:
        source = read_content_file(root, path)
    except UnreadableFile as exc:
        return type_name, None, [exc.problem]
    found, model = _source_problems(content_type(type_name), source, taxonomy, known, context)
    if model is None or errors(found):
        return type_name, None, found
    # Warnings are reported but do not keep the item off the site.
    return type_name, {"slug": path.stem, "path": source.path, "body": source.body,
                       "body_line": source.body_line, "data": model}, found


def _content_paths(root: Path, ctype: ContentType, problems: list[Problem]) -> list[Path]:
    """The type's Markdown files in path order; hidden files left out, links reported, never followed."""
    listing = walk(root, ctype.folder, suffix=".md")
    problems.extend(listing.problems)
    return listing.files


def _source_problems(ctype: ContentType, source: SourceFile, taxonomy: Taxonomy,
                     known: dict[str, set[str]], context: dict[str, Any]) -> tuple[list[Problem], BaseModel | None]:
    """Everything wrong with one content file (name, references, body, schema), and its model if valid."""
    slug = source.abs_path.stem
    found: list[Problem] = []
    found += file_name_problems(ctype, source, known[ctype.name])
    misplaced = misplaced_problem(ctype, source)
    if misplaced is not None:   # its fields would all be "unknown" here: one message says where it belongs
        return found + [misplaced], None
    found += reference_problems(ctype.model, source.data, (), source.path, source.front, taxonomy, known)
    if slug in _as_strings(source.data.get("related")) and field_of(ctype.model, "related"):
        found.append(Problem(source.path, source.front.line_of(("related",)), "related",
                             "en metod kan inte vara relaterad till sig själv", f"ta bort '{slug}'"))
    found += alias_problems(ctype, source, known[ctype.name])
    found += body_problems(source.path, source.body, source.body_line, ctype.body_sections)
    found += accessibility_problems(source.path, source.body, source.body_line)
    found += html_policy_problems(source.path, source.body, source.body_line, context.get("embed_hosts", ()))
    quoted = typographic_quote_problems(source.path, source.front)
    if ctype.name in current_engine().reads_front_matter:
        quoted += theme_reading_problems(source.path, source.front, ctype.model)
    try:
        model = ctype.model.model_validate(source.data, context=context)
    except ValidationError as exc:
        found += schema_problems(exc, ctype.model, source.path, source.front)
        return one_message_per_value(found, quoted), None
    found += [Problem(source.path, source.front.line_of(v.line_loc), dotted(v.loc), v.message, v.hint)
              for v in model.violations(context["today"])]
    return one_message_per_value(found, quoted), model


def file_name_problems(ctype: ContentType, source: SourceFile, known_slugs: set[str]) -> list[Problem]:
    """The file's name: a slug, not a name the site or Windows uses, not too long."""
    slug, file_name = source.abs_path.stem, source.abs_path.name
    if not is_slug(slug):
        lower = slug.lower()
        if lower != slug and lower in known_slugs:   # Kundresa.md next to kundresa.md
            return [Problem(source.path, 1, "filnamn", f"'{file_name}' och {lower}.md skiljer sig bara i "
                            "stora och små bokstäver, och blir samma fil i Windows och macOS",
                            f"ta bort den ena filen eller byt namn på den: {lower}-2.md")]
        return [Problem(source.path, 1, "filnamn", f"'{file_name}' är inget giltigt filnamn",
                        f"använd små bokstäver a–z, siffror och bindestreck: {shorten(slugify(slug)) or 'min-titel'}.md")]
    problem = name_problem(slug, url_section(ctype))
    if problem is None:
        return []
    message, better = problem
    return [Problem(source.path, 1, "filnamn", message, f"byt namn på filen, t.ex. till {better}.md")]


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
    for spec in _reference_fields(model):
        if spec.name not in raw:
            continue
        value = raw[spec.name]
        vocabulary, target = spec.vocabulary, spec.ref
        if vocabulary and vocabulary not in taxonomy.vocabularies:
            pass   # the broken vocabulary itself is already reported
        elif target == "person" and not taxonomy.people_readable:
            pass   # so is an unreadable people.yml: one message, not one per reference
        elif vocabulary or target:
            allowed = taxonomy.ids(vocabulary) if vocabulary else _ref_ids(target, taxonomy, known)
            items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                if not isinstance(item, str) or item in allowed or (spec.names_allowed and not is_slug(item)):
                    continue
                loc = base + (spec.name,) + (() if index is None else (index,))
                message, hint = _unknown_value(item, vocabulary, target, allowed)
                if spec.names_allowed and target == "person" and not hint.startswith("menade"):
                    hint = f"skriv hela namnet, t.ex. 'Förnamn Efternamn', för den som inte finns i {PEOPLE_FILE}"
                problems.append(Problem(path, document.line_of(loc), dotted(loc), message, hint))
        if spec.nested is not None:
            children = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, child in children:
                loc = base + (spec.name,) + (() if index is None else (index,))
                problems += reference_problems(spec.nested, child, loc, path, document, taxonomy, known)
    return problems


@cache
def _reference_fields(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The fields worth walking: vocabulary values, references and sub-models."""
    return tuple(spec for spec in declared_fields(model) if spec.vocabulary or spec.ref or spec.nested)


def _ref_ids(target: str, taxonomy: Taxonomy, known: dict[str, set[str]]) -> set[str] | dict[str, str]:
    if target == "person":
        return taxonomy.ids("person")
    return known.get(target, set())


def _unknown_value(value: str, vocabulary: str | None, target: str | None,
                   allowed) -> tuple[str, str]:
    guess = did_you_mean(value, allowed)
    if vocabulary:
        message = (f"'{value}' finns inte bland {quote_list(allowed)}" if allowed
                   else f"'{value}' finns inte: {vocabulary} i {TAXONOMY_FILE} är tom")
        return message, guess or f"lägg till värdet under {vocabulary} i {TAXONOMY_FILE} om det behövs"
    if target == "person":
        return f"'{value}' finns inte i {PEOPLE_FILE}", guess or (
            f"välj bland {_first_ids(allowed)} eller lägg till personen i {PEOPLE_FILE}" if allowed
            else f"lägg till personen i {PEOPLE_FILE}")
    folder = next((c.folder for c in CONTENT_TYPES if c.name == target), target)
    return f"'{value}' finns inte i {folder}/", guess or (
        f"skriv filnamnet utan .md, t.ex. {sorted(allowed)[0]}" if allowed else f"{folder}/ är tom")


def _first_ids(allowed, limit: int = 12) -> str:
    """quote_list(sorted(allowed)) without sorting 20 000 people for every unknown reference."""
    shown = ", ".join(heapq.nsmallest(limit, allowed))
    return shown + (f" … ({len(allowed)} totalt)" if len(allowed) > limit else "")


def _as_strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# --- data/taxonomy.yml and data/people.yml -----------------------------------

def _load_taxonomy(root: Path, context: dict, problems: list[Problem]) -> Taxonomy:
    taxonomy = Taxonomy()
    try:
        document = read_data_file(root, root / TAXONOMY_FILE)
    except UnreadableFile as exc:
        problems += [exc.problem, _checked_later(exc.problem, "värden ur vokabulärerna (faser, taggar, "
                                                 "organisationer …) i innehållet")]
        taxonomy.people = _load_people(root, taxonomy, context, problems)   # people do not depend on it
        return taxonomy
    data = document.data
    problems += typographic_quote_problems(TAXONOMY_FILE, document)
    # Organisations last: their entries name other vocabularies (a region), checked once those are read.
    for name in sorted(VOCABULARIES, key=lambda vocabulary: vocabulary == "organisations"):
        value = data.get(name)
        problems += vocabulary_id_problems(name, value, document)
        if name == "organisations":
            taxonomy.organisations, ids = _typed_entries(value, Organisation, name, TAXONOMY_FILE,
                                                         document, taxonomy, context, problems)
            taxonomy.vocabularies["organisations"] = ids
            continue
        value, taxonomy.synonyms[name] = _synonyms(name, value, document, problems)
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


# Vocabularies whose ids become addresses: their pages' section (vocabulary_urls.py; the
# site engine may add its own, e.g. a blog plugin's category pages: engine.py).
URL_VOCABULARIES = {"tags": TAG_SECTION, "organisations": ORGANISATION_SECTION}


_PLAIN_ID = re.compile(r"^\w[\w .-]*$")


def vocabulary_id_problems(name: str, value: Any, document: YamlDocument) -> list[Problem]:
    """Ids that are too long or that two entries share (ignoring case); for ids that become
    addresses also an empty address, a name the site or Windows uses, and two ids on one address.

    Ids are words editors write (`tjänstedesign`, `CC-BY-4.0`, a category `Metoder i praktiken`),
    not slugs: an address is made of the id with slugify, as the page builders do."""
    if isinstance(value, dict):
        entries = [((name, key), str(key)) for key in value]
    elif isinstance(value, list):
        entries = [((name, index), item) for index, item in enumerate(value) if isinstance(item, str)]
    else:
        return []
    section = {**URL_VOCABULARIES, **current_engine().vocabulary_sections()}.get(name)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for loc, vid in entries:
        if name == "organisations" and not is_slug(vid):
            continue   # reported with the organisation's other fields
        where = dotted(loc)
        key = slugify(vid) if section else vid.casefold()
        if len(vid) > MAX_NAME_LENGTH:
            found = (f"id:t är {len(vid)} tecken långt, högst {MAX_NAME_LENGTH} är tillåtet",
                     f"korta det, t.ex. {shorten(key) if section else vid[:MAX_NAME_LENGTH]}")
        elif section and not key:
            found = (f"'{vid}' ger ingen adress ({section}/…/)", "använd bokstäver eller siffror i id:t")
        elif section and (reserved := name_problem(key, section)):
            found = (reserved[0], f"byt id, t.ex. till {reserved[1]}, och ändra det där det används")
        elif not _PLAIN_ID.match(vid):
            # Ids are shown as they are (the theme prints blog categories unescaped): plain words only.
            found = (f"'{vid}' innehåller tecken som inte får finnas i ett id",
                     "använd bokstäver, siffror, mellanslag, punkt och bindestreck")
        elif key in seen:
            twin = seen[key]
            found = ((f"'{vid}' och '{twin}' får samma adress ({section}/{key}/)" if section else
                      f"'{vid}' och '{twin}' skiljer sig bara i stora och små bokstäver"),
                     "slå ihop dem eller byt id på den ena")
        else:
            seen[key] = vid
            continue
        problems.append(Problem(TAXONOMY_FILE, document.line_of(loc), where, *found))
    return problems


MAX_SYNONYM_LENGTH = 60


def _synonyms(name: str, value: Any, document: YamlDocument,
              problems: list[Problem]) -> tuple[Any, dict[str, tuple[str, ...]]]:
    """An entry may be `id: {label: Etikett, synonyms: [ord, …]}` instead of `id: Etikett`: the
    site search finds the entry's items by its synonyms too. Returns the vocabulary as `id: label`
    and the synonyms by id; a malformed entry is reported at its line."""
    if not isinstance(value, dict):
        return value, {}
    plain: dict = {}
    synonyms: dict[str, tuple[str, ...]] = {}
    example = "skriv t.ex. idéhantering: {label: Idéhantering, synonyms: [förslagsverksamhet, idésluss]}"
    for key, entry in value.items():
        if not isinstance(entry, dict):
            plain[key] = entry
            continue
        where = f"{name}.{key}"
        unknown = [str(k) for k in entry if k not in ("label", "synonyms")]
        label, words = entry.get("label"), entry.get("synonyms", [])
        if unknown:
            problems.append(Problem(TAXONOMY_FILE, document.line_of((name, key, unknown[0])), where,
                                    f"okänt fält '{unknown[0]}' (tillåtna: label, synonyms)", example))
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(TAXONOMY_FILE, document.line_of((name, key)), where,
                                    "label saknas: en post med synonymer behöver sin etikett i label", example))
            label = str(key)
        if not isinstance(words, list) or not all(isinstance(w, str) and 0 < len(w.strip()) <= MAX_SYNONYM_LENGTH
                                                   for w in words):
            problems.append(Problem(TAXONOMY_FILE, document.line_of((name, key, "synonyms")), f"{where}.synonyms",
                                    f"ska vara en lista med ord eller korta fraser (högst {MAX_SYNONYM_LENGTH} "
                                    "tecken var)", example))
            words = []
        plain[key] = label
        if words:
            synonyms[str(key)] = tuple(dict.fromkeys(w.strip() for w in words))
    return plain, synonyms


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
        if not isinstance(fields, dict):   # e.g. `petra: Petra Ek` instead of a group of fields
            problems.append(Problem(path, document.line_of(base), key,
                                    "ska vara en grupp av fält, inte " + _shown_kind(fields),
                                    _group_example(model, key, fields)))
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


def _shown_kind(value: Any) -> str:
    if isinstance(value, list):
        return "en lista"
    return "tomt" if value is None else f"'{value}'"


def _group_example(model: type[BaseModel], key: str, value: Any) -> str:
    """'skriv fälten … t.ex. name: Petra Ek, role: …' from the model's required fields."""
    shown = [f"{spec.name}: {value if spec.name == 'name' and isinstance(value, str) else '…'}"
             for spec in declared_fields(model) if spec.required]
    return f"skriv fälten på egna rader, indragna under '{key}:', t.ex. {', '.join(shown)}"


def _checked_later(problem: Problem, what: str) -> Problem:
    """One line instead of an unknown-value error for every reference into an unreadable data file."""
    # Same place and field as the problem: the sort keeps it right after.
    return Problem(problem.path, problem.line, problem.field, f"{what} kontrolleras när filen går att läsa igen",
                   "rätta felet ovan och kör arena check igen", Severity.WARNING)


def _load_people(root: Path, taxonomy: Taxonomy, context: dict, problems: list[Problem]) -> dict[str, Person]:
    try:
        document = read_data_file(root, root / PEOPLE_FILE)
    except UnreadableFile as exc:
        problems += [exc.problem, _checked_later(exc.problem, "hänvisningar till personer (contacts, "
                                                 "authors, speakers …)")]
        taxonomy.people_readable = False
        return {}
    quoted = typographic_quote_problems(PEOPLE_FILE, document)
    found: list[Problem] = []
    people, taxonomy.person_ids = _typed_entries(document.data, Person, "", PEOPLE_FILE, document,
                                                 taxonomy, context, found)
    problems += one_message_per_value(found, quoted)
    taxonomy.person_lines = {pid: document.line_of((pid,)) for pid in people}
    return people
