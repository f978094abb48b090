"""People as authors for Material's blog plugin (its `.authors.yml` format).

Avatars are SVG initials embedded as data URIs: no image files to keep,
and no request leaves the site (no Gravatar or other third party).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from kunskapsarena.generate.escape import theme_text
from kunskapsarena.model.taxonomy import Taxonomy

_COLOURS = ("#1f5f8b", "#7a3b69", "#2e6b3a", "#8a4b0f", "#4b4f9c", "#6b4226")


def material_authors(taxonomy: Taxonomy, used: Collection[str] | None = None) -> dict[str, dict[str, dict[str, str]]]:
    """Material's authors file; with `used`, only those people (the posts' authors):
    a people.yml of 20 000 people need not become 20 000 avatars for the blog plugin."""
    authors = {}
    for pid, person in sorted(taxonomy.people.items()):
        if used is not None and pid not in used:
            continue
        authors[pid] = {
            # Material prints these as HTML: editor text made inert (escape.py).
            "name": theme_text(person.name),
            "description": theme_text(f"{person.role}, {taxonomy.organisation_name(person.organisation)}"),
            "avatar": initials_avatar(person.name),
        }
    return {"authors": authors}


def initials_avatar(name: str) -> str:
    initials = xml_escape("".join(part[0] for part in name.split()[:2]).upper())
    colour = _COLOURS[int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(_COLOURS)]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
           f'<rect width="64" height="64" rx="32" fill="{colour}"/>'
           f'<text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" '
           f'text-anchor="middle">{initials}</text></svg>')
    return "data:image/svg+xml," + quote(svg)
