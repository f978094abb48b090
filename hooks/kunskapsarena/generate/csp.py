"""Content Security Policy: what a page may load and run, written into every page the build makes.

The public pages run scripts from the site itself only (`script-src 'self'`,
no inline scripts and no `on…=` handlers): the theme's inline scripts live in
files (overrides/partials/javascripts/), so one policy fits every page and can
be sent as an HTTP header too (README, "Content Security Policy"). Decap CMS
at /admin/ needs a looser policy of its own (admin_policy).

A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there):
servers that can set headers add it (header_policy).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

META_NAME = "Content-Security-Policy"
# Decap fetches its backend's status page beside the API (shown as a notice when the host is down).
BACKEND_ORIGINS = {
    "github": ("https://api.github.com", "https://www.githubstatus.com"),
    "gitlab": ("https://gitlab.com",),
    "bitbucket": ("https://api.bitbucket.org", "https://bitbucket.status.atlassian.com"),
    "gitea": ("https://try.gitea.io",),
    "azure": ("https://dev.azure.com",),
    "git-gateway": ("https://www.netlifystatus.com",),
}
# Backend settings that hold an address Decap talks to (fetch/XHR).
BACKEND_URL_KEYS = ("api_root", "base_url", "identity_url", "gateway_url", "proxy_url")

_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def site_policy(extra: Mapping[str, Any] | None, live_reload: bool = False) -> str:
    """The policy of every public page; `extra` is mkdocs.yml's `extra`.

    `live_reload` is for `mkdocs serve` only, which injects an inline script
    (different in every response) into each page it serves.
    """
    return _join({
        "default-src": ["'self'"],
        # 'wasm-unsafe-eval': the site search (Pagefind) runs WebAssembly; it allows compiling
        # WebAssembly only, not eval() or new Function().
        "script-src": ["'self'", "'wasm-unsafe-eval'", *(["'unsafe-inline'"] if live_reload else [])],
        # Material sets styles from script through the CSSOM only (allowed); no style="…" or
        # <style> is in the pages (tables align with the align attribute, see mkdocs.yml).
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],   # author avatars and the theme's icons are data: SVG
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [f"https://{host}" for host in embed_hosts(extra)] or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    })


def header_policy(extra: Mapping[str, Any] | None) -> str:
    """The site policy as an HTTP header: the meta's policy plus what only a header can say."""
    return site_policy(extra) + "; frame-ancestors 'none'"


def admin_policy(cms: Mapping[str, Any] | None) -> str:
    """Decap CMS's page; `cms` is mkdocs.yml's `extra.cms`.

    Decap compiles its config schema with `new Function` (ajv) and runs
    WebAssembly ('unsafe-eval'), injects its styles as <style> elements
    ('unsafe-inline' for styles only), shows media as blob: and data: URLs and
    the editor's avatar from the git host (https: images), and talks to its
    backend's API. Scripts still come only from the site (or the configured
    script's host): an inline script or handler in a previewed body does not run.
    """
    cms = cms if isinstance(cms, Mapping) else {}
    backend = cms.get("backend") if isinstance(cms.get("backend"), Mapping) else {}
    script_origin = _origin(cms.get("script"))   # the default, decap-cms.js, is on the site
    connect = list(BACKEND_ORIGINS.get(str(backend.get("name")), ()))
    connect += [origin for key in BACKEND_URL_KEYS if (origin := _origin(backend.get(key)))]
    return _join({
        "default-src": ["'self'"],
        "script-src": ["'self'", *_unique([script_origin]), "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", *_unique(connect)],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    })


def admin_header_policy(cms: Mapping[str, Any] | None) -> str:
    return admin_policy(cms) + "; frame-ancestors 'none'"


def embed_hosts(extra: Mapping[str, Any] | None) -> list[str]:
    """`extra.embeds.hosts`: hosts of the click-to-load players; anything not a host name is left out
    (the settings check reports it)."""
    embeds = extra.get("embeds") if isinstance(extra, Mapping) else None
    hosts = embeds.get("hosts") if isinstance(embeds, Mapping) else None
    if not isinstance(hosts, list):
        return []
    return _unique(host.strip().lower() for host in hosts
                   if isinstance(host, str) and _HOSTNAME.match(host.strip().lower()))


def meta_tag(policy: str) -> str:
    # Escaped for a double-quoted attribute; the policy's single quotes stay readable.
    content = policy.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return f'<meta http-equiv="{META_NAME}" content="{content}">'


def with_policy(html: str, policy: str) -> str:
    """The page with its policy as the first thing after `<meta charset>`: before any script or style.

    A page that already carries a policy is returned as it is.
    """
    if f'http-equiv="{META_NAME}"' in html:
        return html
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + meta_tag(policy) + html[anchor.end():]


_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>",
                            re.IGNORECASE)


def inline_scripts(html: str) -> int:
    """How many inline scripts the page has: each would be blocked by the policy."""
    return len(_INLINE_SCRIPT.findall(html))


def _origin(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not _HOSTNAME.match(parts.hostname or ""):
        return None
    return f"https://{parts.netloc.lower()}" if re.fullmatch(r"[a-z0-9.-]+(:\d{1,5})?", parts.netloc.lower()) \
        else None


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _join(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


__all__ = ["admin_header_policy", "admin_policy", "embed_hosts", "header_policy", "inline_scripts", "meta_tag",
           "site_policy", "with_policy"]
