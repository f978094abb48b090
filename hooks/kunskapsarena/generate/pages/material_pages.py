"""What material pages need: the files beside the item with size and format, the event and its
programme item, and the event's archive (material grouped by programme item)."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from kunskapsarena.check.embeds import allowed_host
from kunskapsarena.generate.escape import inert
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import EVENT, MATERIAL

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

OTHER_ITEMS = "Övrigt material"


def file_uri(material: Record, src: str) -> str:
    """Where a file beside the item is published in the docs tree: beside the item's page."""
    return f"{MATERIAL.section}/{material.slug}/{src}"


def human_size(size: int) -> str:
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{size / 1000:.0f} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def files_of(material: Record) -> list[dict]:
    """The item's files: description, link relative to the item's page, format and size."""
    page_dir = posixpath.dirname(MATERIAL.url(material.slug).rstrip("/") + "/x")
    folder = material.abs_path.parent
    found = []
    for file in material.data.files:
        path = folder / file.src
        size = path.stat().st_size if path.is_file() else 0
        found.append({"title": file.title, "src": file.src,
                      "href": posixpath.relpath(file_uri(material, file.src), page_dir),
                      "kind": material.data.file_kind(file.src), "size": human_size(size),
                      "suffix": file.src.rsplit(".", 1)[-1].lower()})
    return found


def item_context(arena: Arena, material: Record, site: SiteInfo) -> dict:
    data = material.data
    files = files_of(material)
    hosts = tuple(site.settings.embeds.hosts) if site.settings is not None else ()
    return {"event": arena.get(EVENT, data.event), "files": files,
            "video": next((f for f in files if f["suffix"] == "mp4"), None),
            "vtt": [f for f in files if f["suffix"] == "vtt"],
            "pdf": any(f["suffix"] == "pdf" for f in files),
            "embed_host": allowed_host(data.external_url, hosts) if data.external_url and data.format == "inspelning" else None}


def material_of_event(arena: Arena, event: Record) -> list[Record]:
    return sorted((m for m in arena.of_type(MATERIAL) if m.data.event == event.slug),
                  key=lambda m: (m.data.published, m.title))


def archive(arena: Arena, event: Record) -> list[tuple[str, list[Record]]]:
    """The event's material grouped by programme item, in programme order; the rest last."""
    material = material_of_event(arena, event)
    groups: list[tuple[str, list[Record]]] = []
    for item in event.data.programme:
        found = [m for m in material if m.data.programme_item == item.title]
        if found:
            groups.append((item.title, found))
    titles = {item.title for item in event.data.programme}
    rest = [m for m in material if m.data.programme_item not in titles]
    if rest:
        groups.append((OTHER_ITEMS, rest))
    return groups


def material_files(arena: Arena) -> list[tuple[str, str]]:
    """(docs-tree URI, absolute source path) of every existing file beside a material item."""
    found = []
    for material in arena.of_type(MATERIAL):
        for file in material.data.files:
            path = material.abs_path.parent / file.src
            if path.is_file() and not path.is_symlink():
                found.append((file_uri(material, file.src), str(path)))
    return found


def missing_captions(arena: Arena) -> str:
    """The accessibility statement's known gaps: each recording published without captions, and why.

    Markdown list items (links relative to the statement at the site root); empty when there are none."""
    lines = []
    for material in arena.of_type(MATERIAL):
        data = material.data
        if data.format == "inspelning" and data.captions == "saknas":
            lines.append(f"- Inspelningen [{inert(material.title)}]({material.page_uri}) saknar textning. "
                         f"{inert(data.captions_reason or '')} Det strider mot WCAG 2.1, kriterium 1.2.2 "
                         "(Undertexter (förinspelat)).")
    return "\n".join(lines)
