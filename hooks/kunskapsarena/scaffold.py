"""`arena new`: write a new item with every field of its schema, like Hugo's archetypes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic_core import PydanticUndefined

from .content_types import ContentType
from .fields import field_meta, field_names
from .slugs import slugify


class ScaffoldError(Exception):
    pass


def new_item(root: Path, ctype: ContentType, title: str, today: dt.date) -> Path:
    """Create the file for a new item and return its path; never overwrites."""
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"titeln '{title}' ger inget filnamn; använd bokstäver eller siffror")
    path = Path(root) / ctype.folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} finns redan; välj en annan titel "
                            "eller redigera den befintliga filen")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:   # 'x': fail rather than overwrite in a race
        handle.write(render_scaffold(ctype, title, today))
    return path


def render_scaffold(ctype: ContentType, title: str, today: dt.date) -> str:
    """Front matter with every field; an unedited scaffold never passes validation
    with placeholder text: free text starts empty, references start as ids that
    do not exist, and optional fields keep their empty default."""
    lines = ["---"]
    for name in field_names(ctype.model):
        info = ctype.model.model_fields[name]
        meta = field_meta(ctype.model, name)
        required = info.default is PydanticUndefined and info.default_factory is None
        example = meta.get("x-example")
        picks_from_a_list = "x-vocabulary" in meta or "x-ref" in meta
        comment = info.title or name
        if info.description:
            comment += f" – {info.description}"
        comment += " (obligatoriskt)" if required else " (valfritt)"
        if example not in (None, [], "ÅÅÅÅ-MM-DD") and not (required and picks_from_a_list):
            comment += f" t.ex. {_yaml_value(example)}"
        lines.append(f"# {comment}")
        if name == "title":
            value = title
        elif not required:
            default = info.get_default(call_default_factory=True)
            if default is None:
                lines.append(f"# {name}:")
                continue
            value = default
        elif picks_from_a_list or not isinstance(example, str) or example == "ÅÅÅÅ-MM-DD":
            value = example
        else:
            value = ""
        lines.append(f"{name}: {_yaml_value(_fill_dates(value, today))}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + ctype.body_template


def _fill_dates(value: Any, today: dt.date) -> Any:
    return today if value == "ÅÅÅÅ-MM-DD" else value


def _yaml_value(value: Any) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()
