"""The trust boundary for text: editor values made inert for the output they land in.

Content files, data/*.yml and the CMS are untrusted. Every value that reaches a
page goes through one of these functions, chosen by the output context:

- `inert`: text inside generated Markdown *or* HTML. Characters that mean
  something to HTML (`& < > " '`) or to Markdown and its extensions (emphasis,
  links, code, attr_list braces, tables, headings, escapes) become numeric
  character references, which both Markdown engines and browsers show as the
  character itself and never as markup. Line breaks become spaces, so a value
  cannot start a new Markdown block. The page templates apply it to every
  `{{ … }}` by default (render.environment), so a new field is safe without
  anyone remembering a filter.
- `theme_text`: values handed to the site theme, which prints them into HTML
  unescaped (page titles and descriptions, author names); the same inert text.
- `url`: a validated http(s) URL for an `href`/`src` in Markdown or HTML,
  percent-encoded so it cannot leave its attribute or Markdown link.

JSON, CSV, XML and iCalendar are written by libraries that escape for their
own formats (json, csv + defusing, feedgen/lxml, icalendar).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

# HTML specials, Markdown inline syntax, attr_list braces, table pipes, heading
# hashes and backslash escapes. `(`/`)`/`!` only matter next to `[`/`]`,
# which are always encoded.
_SPECIAL = "&<>\"'`*_{}[]#|\\~"
_ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in _SPECIAL})
_WHITESPACE = re.compile(r"\s+")
# At the start of a line Markdown reads `- x`, `+ x` and `1. x` as lists.
_LIST_START = re.compile(r"^(?:[-+]|\d+[.)])")
# What may stay as it is in a URL; everything else is percent-encoded. `&` is
# encoded as an HTML reference afterwards (valid in attributes and Markdown).
_URL_SAFE = "/:?#[]@!$&*+,;=%-._~"


def inert(value: object) -> Markup:
    """Editor text as literal text in Markdown and HTML alike."""
    if isinstance(value, Markup):
        return value
    text = _WHITESPACE.sub(" ", str(value)).strip()
    start = _LIST_START.match(text)
    if start:
        end = start.end()
        text = text[:end - 1] + f"&#{ord(text[end - 1])};" + text[end:].translate(_ENTITIES)
    else:
        text = text.translate(_ENTITIES)
    return Markup(text)


def theme_text(value: object) -> str:
    """A value the theme prints as HTML (titles, descriptions, author names)."""
    return str(inert(value))


class UnsafeUrl(ValueError):
    """A URL with a scheme other than the ones allowed where it is used."""


def url(value: object, schemes: tuple[str, ...] = ("http", "https")) -> Markup:
    """An absolute URL (http(s) unless told otherwise), percent-encoded for an attribute or a Markdown link."""
    text = str(value).strip()
    scheme = urlsplit(text).scheme.lower()
    if scheme not in schemes:
        raise UnsafeUrl(f"not an {'/'.join(schemes)} URL: {text!r}")
    encoded = quote(_ascii_host(text, scheme), safe=_URL_SAFE)
    # Brackets belong only in an IPv6 host; after it they could end a Markdown link text.
    start = len(scheme) + 3 if encoded[len(scheme):].startswith("://") else len(scheme) + 1
    host_end = encoded.find("/", start)
    head, tail = (encoded, "") if host_end < 0 else (encoded[:host_end], encoded[host_end:])
    if "[" not in head:
        head, tail = encoded[:start], encoded[start:]
    tail = tail.replace("[", "%5B").replace("]", "%5D").replace("*", "%2A")
    return Markup((head + tail).replace("&", "&amp;"))


def _ascii_host(text: str, scheme: str) -> str:
    """`https://www.båstad.se/…` → `https://www.xn--bstad-ora.se/…`: a host is IDNA, not percent-encoded."""
    parts = urlsplit(text)
    if not parts.hostname or parts.hostname.isascii():
        return text
    try:
        ascii_host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise UnsafeUrl(f"host name cannot be encoded: {parts.hostname!r}") from None
    netloc = parts.netloc.lower().replace(parts.hostname, ascii_host, 1)
    return parts._replace(netloc=netloc).geturl()


def verbatim(value: object) -> Markup:
    """Text for a fenced code block: shown as written, so only a closing fence could do harm."""
    text = str(value)
    if "```" in text or "~~~" in text:
        raise ValueError("text for a code block must not contain a code fence")
    return Markup(text)


def path_url(value: object) -> Markup:
    """A site-relative path or link built from slugs, escaped for an attribute or Markdown link."""
    text = quote(str(value), safe="/#?=&%-._~")
    return Markup(text.replace("&", "&amp;"))
