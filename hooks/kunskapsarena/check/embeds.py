"""Embedded players (video, maps) from hosts the organisation allows, loaded only on a click.

`extra.embeds.hosts` in mkdocs.yml lists the hosts an `<iframe>` in a body may
come from (empty by default: no embeds). The built page never contains the
iframe: it carries a figure with the title, a note saying which host gets the
visitor's data, a plain link (all a visitor without JavaScript needs) and a
hidden button that `overrides/assets/javascripts/embeds.js` shows and turns
into the iframe on a click. Nothing is fetched from the host before that.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

SETTING = "extra.embeds.hosts"   # the hosts are read and checked with the other settings (settings.py)


def allowed_host(src: str, hosts: tuple[str, ...]) -> str | None:
    """The host of an https `src` on the allow-list, else None (no port, no user name)."""
    try:
        parts = urlsplit(src.strip())
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or port is not None or parts.username is not None or host not in hosts:
        return None
    return host


def click_to_load(html: str, hosts: tuple[str, ...]) -> str:
    """Every `<iframe>` in (sanitised) HTML replaced: a click-to-load figure for an allowed host, else nothing."""
    if "<iframe" not in html:
        return html
    finder = _IframeFinder(html)
    parts, position = [], 0
    for start, end, src, title in finder.iframes:
        parts.append(html[position:start])
        host = allowed_host(src, hosts)
        if host is not None and title.strip():
            parts.append(_figure(src, title.strip(), host))
        position = end
    parts.append(html[position:])
    return "".join(parts)


def _figure(src: str, title: str, host: str) -> str:
    src, title, host = escape(src), escape(title), escape(host)
    return (f'<figure class="ka-embed" data-ka-embed="{src}" data-ka-embed-title="{title}">'
            f"<figcaption>{title}</figcaption>"
            f'<p class="ka-embed__note">Videon visas från {host}. När du klickar skickas uppgifter till {host}.</p>'
            f'<p class="ka-embed__actions"><button type="button" class="md-button md-button--primary ka-embed__load" hidden>'
            f"Visa videon</button> "
            f'<a class="ka-embed__link" href="{src}">Öppna videon hos {host}</a></p>'
            "</figure>")


class _IframeFinder(HTMLParser):
    """Start and end offsets, src and title of each iframe, its content and end tag included."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.iframes: list[tuple[int, int, str, str]] = []
        self._html = html
        self._offsets = _line_offsets(html)
        self._open: tuple[int, str, str] | None = None
        self.feed(html)
        self.close()
        if self._open is not None:   # never closed: the iframe runs to the end
            start, src, title = self._open
            self.iframes.append((start, len(html), src, title))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._offsets[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe" and self._open is None:
            values = {name: value or "" for name, value in attrs}
            self._open = (self._offset(), values.get("src", ""), values.get("title", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "iframe" and self._open is not None:
            start, src, title = self._open
            self.iframes.append((start, self._html.index(">", self._offset()) + 1, src, title))
            self._open = None


def _line_offsets(text: str) -> list[int]:
    offsets, position = [0], text.find("\n")
    while position != -1:
        offsets.append(position + 1)
        position = text.find("\n", position + 1)
    return offsets
