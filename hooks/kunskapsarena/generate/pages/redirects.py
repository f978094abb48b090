"""A page at every old address of a renamed item (its `aliases`) that forwards to the new one."""

from __future__ import annotations

import posixpath
from html import escape
from typing import TYPE_CHECKING

from kunskapsarena.index.arena import Arena

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo


def redirect_pages(arena: Arena, site: SiteInfo | None = None) -> dict[str, str]:
    """Site path of an HTML page at every old address → the page, which forwards to the new one.

    Plain HTML (meta refresh, canonical link, a visible link) works on any
    static host, with or without JavaScript, and search engines move the
    old address's standing to the canonical one.
    """
    pages = {}
    for record in arena.all_records():
        for alias in getattr(record.data, "aliases", []):
            old_url = record.type.url(alias)
            canonical = site.absolute(record.url) if site and site.url else None
            pages[old_url + "index.html"] = _redirect_html(old_url, record.url, record.title, canonical)
    return pages


def _redirect_html(old_url: str, new_url: str, title: str, canonical: str | None) -> str:
    target = posixpath.relpath(new_url, old_url) + "/"
    canonical = canonical or target
    title, target, canonical = escape(title), escape(target), escape(canonical)
    return (
        "<!doctype html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Sidan har flyttat: {title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n"
        f'<p>Sidan har flyttat till <a href="{target}">{title}</a>.</p>\n'
        "</body>\n</html>\n"
    )
