"""`arena new`: write a new item with every field of its schema, like Hugo's archetypes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from kunskapsarena.check.names import name_problem, shorten, url_section
from kunskapsarena.model.content_types import ContentType
from kunskapsarena.model.field_specs import fields_of
from kunskapsarena.model.slugs import slugify

DATE_PLACEHOLDER = "ÅÅÅÅ-MM-DD"


class ScaffoldError(Exception):
    pass


def new_item(root: Path, ctype: ContentType, title: str, today: dt.date) -> Path:
    """Create the file for a new item and return its path; never overwrites."""
    slug = shorten(slugify(title))   # a long title gives a name cut at a word, ≤ 100 characters
    if not slug:
        raise ScaffoldError(f"titeln '{title}' ger inget filnamn; använd bokstäver eller siffror")
    reserved = name_problem(slug, url_section(ctype))
    if reserved is not None:
        raise ScaffoldError(f"filnamnet {slug}.md går inte: {reserved[0]}; välj en annan titel")
    path = Path(root) / ctype.folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} finns redan; välj en annan titel "
                            "eller redigera den befintliga filen")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:   # 'x': fail rather than overwrite in a race
        handle.write(render_scaffold(ctype, title, today))
    return path


def render_scaffold(ctype: ContentType, title: str, today: dt.date | None) -> str:
    """Front matter with every field; an unedited scaffold never passes validation
    with placeholder text: free text starts empty, references start as ids that
    do not exist, and optional fields keep their empty default."""
    lines = ["---"]
    for spec in fields_of(ctype.model):
        name, required, example = spec.name, spec.required, spec.example
        picks_from_a_list = bool(spec.vocabulary or spec.ref or spec.choices)
        comment = spec.title or name
        if spec.description:
            comment += f" – {spec.description}"
        comment += " (obligatoriskt)" if required else " (valfritt)"
        if example not in (None, [], DATE_PLACEHOLDER) and not (required and picks_from_a_list):
            comment += f" t.ex. {inline_yaml(example)}"
        lines.append(f"# {comment}")
        if name == "title":
            value = title
        elif not required:
            default = spec.default_value()
            if default is None:
                lines.append(f"# {name}:")
                continue
            value = default
        elif picks_from_a_list or not isinstance(example, str) or example.startswith(DATE_PLACEHOLDER):
            value = example
        else:
            value = ""
        lines.append(f"{name}: {inline_yaml(fill_dates(value, today))}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + ctype.body_template


def fill_dates(value: Any, today: dt.date | None) -> Any:
    """Today's date wherever an example says ÅÅÅÅ-MM-DD (also 'ÅÅÅÅ-MM-DD 09:00' and nested)."""
    if today is None:   # a template for later use: the date is filled in when it is used
        return value
    if isinstance(value, dict):
        return {key: fill_dates(item, today) for key, item in value.items()}
    if isinstance(value, list):
        return [fill_dates(item, today) for item in value]
    if value == DATE_PLACEHOLDER:
        return today
    if isinstance(value, str) and value.startswith(DATE_PLACEHOLDER):
        return today.isoformat() + value.removeprefix(DATE_PLACEHOLDER)
    return value


def inline_yaml(value: Any) -> str:
    """A value as one line of YAML, as an editor writes it after `key: ` (also in the field reference)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()
