"""The HTML policy for Markdown bodies (items and content/ pages): what raw HTML an editor may write.

Bodies are untrusted: an editor's `<script>`, `onclick=` or `javascript:` link
would run in every visitor's browser, on the same origin as the CMS and its
tokens. `arena check` therefore allows a short list of harmless tags and
attributes and reports everything else at its line, in Swedish:

- tags outside ALLOWED_TAGS (script, style, iframe, object, embed, form,
  input, button, link, meta, base, svg, math, and any unknown tag);
- attributes outside the tag's list: every on* event handler, style, and the rest;
- link and image addresses that are not http(s), mailto, tel or relative
  (javascript:, data:, vbscript:, also written with entities, mixed case or
  whitespace), in HTML and in Markdown links, images and reference definitions;
- attr_list attributes other than #id and .class (`{: onclick=… }`, `{ style=… }`);
- an `<iframe>` unless mkdocs.yml lists its host in extra.embeds.hosts and it has a title.

Fenced code blocks and code spans are not checked: they are shown as text (the
editors' guide shows bad examples in them). HTML is read with a real tokenizer
(html.parser), never matched with patterns. The build sanitises again with nh3
(sanitise.py), so a gap here is not a hole in the site.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html import unescape
from html.parser import HTMLParser

from kunskapsarena.model.problems import Problem

from .body import lines_outside_code
from .embeds import SETTING as EMBED_SETTING
from .embeds import allowed_host

FIELD = "body"
LINK_SCHEMES = ("http", "https", "mailto", "tel")
IMAGE_SCHEMES = ("https",)
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang"})
# Tag → attributes it may have besides GLOBAL_ATTRIBUTES.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "abbr": frozenset(),
    "br": frozenset(),
    "caption": frozenset(),
    "details": frozenset({"open"}),
    "div": frozenset(),
    "em": frozenset(),
    "figcaption": frozenset(),
    "figure": frozenset(),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "kbd": frozenset(),
    "li": frozenset(),
    "mark": frozenset(),
    "ol": frozenset(),
    "p": frozenset(),
    "span": frozenset(),
    "strong": frozenset(),
    "sub": frozenset(),
    "summary": frozenset(),
    "sup": frozenset(),
    "table": frozenset(),
    "tbody": frozenset(),
    "td": frozenset({"colspan", "rowspan"}),
    "tfoot": frozenset(),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "thead": frozenset(),
    "tr": frozenset(),
    "ul": frozenset(),
}
# md_in_html reads `markdown` and drops it: it never reaches the page.
MARKDOWN_ATTRIBUTES = frozenset({"markdown"})
# What an editor pastes from a video site's "embed" dialog; only src and title are used.
IFRAME_ATTRIBUTES = frozenset({"src", "title", "width", "height", "allow", "allowfullscreen", "frameborder",
                               "loading", "referrerpolicy"})

_WHY_TAG = {
    "script": "skript körs i varje besökares webbläsare",
    "style": "stilar ändrar hela sidan och följer inte webbplatsens tema",
    "iframe": "inbäddat innehåll hämtas från en annan webbplats",
    "object": "inbäddat innehåll hämtas från en annan webbplats",
    "embed": "inbäddat innehåll hämtas från en annan webbplats",
    "form": "formulär kan skicka besökarens uppgifter vidare",
    "input": "formulär kan skicka besökarens uppgifter vidare",
    "button": "knappar hör till formulär och skript",
    "link": "taggen ändrar hela sidan (stilar, adresser, omdirigering)",
    "meta": "taggen ändrar hela sidan (stilar, adresser, omdirigering)",
    "base": "taggen ändrar hela sidan (stilar, adresser, omdirigering)",
    "svg": "svg och math i texten kan innehålla skript; lägg bilden som fil: ![Beskrivning](bild.svg)",
    "math": "svg och math i texten kan innehålla skript; lägg bilden som fil: ![Beskrivning](bild.svg)",
}
_ALLOWED_LIST = ", ".join(sorted(ALLOWED_TAGS))
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")   # Python-Markdown's BACKTICK_RE
_AUTOLINK = re.compile(r"<(?:https?://|ftp://|mailto:)[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>", re.IGNORECASE)
_ANGLE_DESTINATION = re.compile(r"(?<=\]\()[ \t]*<[^<>\n]*>")   # [x](<address>): a link, not a tag
_ATTR_LIST = re.compile(r"\{(:?)[ ]*([^}\n ][^}\n]*?)[ ]*\}")   # attr_list's BASE_RE
_ATTR_TOKEN = re.compile(r"""([^\s=}]+)=(?:"[^"]*"|'[^']*'|\S*)|(\S+)""")
_REFERENCE = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]]+\]:[ \t]*(\S+)", re.MULTILINE)   # not footnotes [^1]:
_BLOCK_START = re.compile(r"^[ ]{0,3}<([a-zA-Z][a-zA-Z0-9-]*)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
# Block-level tags that start a raw HTML block in Python-Markdown: nothing inside is Markdown.
_RAW_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "canvas", "center", "colgroup", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "iframe", "legend", "li", "main", "map", "math", "menu", "nav", "noscript",
    "object", "ol", "option", "output", "p", "pre", "progress", "script", "section", "style", "summary",
    "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "video"})


def html_policy_problems(path: str, body: str, first_line: int,
                         embed_hosts: tuple[str, ...] = ()) -> list[Problem]:
    """Every raw HTML, address and attr_list problem in one body whose first line is `first_line`."""
    if not ("<" in body or "](" in body or "{" in body or "]:" in body):
        return []   # the common case: plain prose, nothing to check
    text = _prose(body, first_line)
    lines = _LineMap(text, first_line)
    problems: list[Problem] = []
    if "<" in text:
        scanner = _HtmlScanner(path, lines, embed_hosts)
        scanner.scan(_ANGLE_DESTINATION.sub(_blank, _AUTOLINK.sub(_blank, text)))
        problems += scanner.problems
    if "](" in text or "]:" in text:
        problems += _markdown_url_problems(path, text, lines)
    if "{" in text:
        problems += _attr_list_problems(path, text, lines)
    return sorted(problems, key=lambda p: p.line)


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _prose(body: str, first_line: int) -> str:
    """The body with fenced code and code spans blanked, every line kept where it was.

    A raw HTML block (a block-level tag at the start of a line, up to its end
    tag) is not Markdown: backticks inside it are no code span, so it is kept whole.
    """
    lines = body.split("\n")
    kept = {number - first_line: line for number, line in lines_outside_code(body, first_line)}
    out: list[str] = []
    raw_tag, depth = None, 0
    for index in range(len(lines)):
        line = kept.get(index)
        if line is None:
            out.append("")
            continue
        if raw_tag is None:
            start = _BLOCK_START.match(line)
            if start and start.group(1).lower() in _RAW_BLOCK_TAGS:
                raw_tag, depth = start.group(1).lower(), 0
        if raw_tag is not None:
            lower = line.lower()
            depth += len(re.findall(rf"<{raw_tag}\b", lower)) - len(re.findall(rf"</{raw_tag}\s*>", lower))
            if depth <= 0:
                raw_tag = None
            out.append(line)
            continue
        out.append(_CODE_SPAN.sub(_blank, line) if "`" in line else line)
    return "\n".join(out)


class _LineMap:
    """Offsets in the prose text → file lines."""

    def __init__(self, text: str, first_line: int) -> None:
        self.first_line = first_line
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return self.first_line + bisect_right(self.starts, offset) - 1


def url_problem(value: str, image: bool = False) -> str | None:
    """Why a link (or image) address is refused, or None when it is fine.

    Browsers decode entities and drop tabs, newlines and leading spaces or
    control characters before they read the scheme, so `java&#x73;cript:` and
    ` JaVa\\tScript:` are javascript: too.
    """
    address = _IGNORED_IN_URL.sub("", unescape(value)).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                                           "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                                           "\x19\x1a\x1b\x1c\x1d\x1e\x1f ").lower()
    scheme = _SCHEME.match(address)
    allowed = IMAGE_SCHEMES if image else LINK_SCHEMES
    if scheme is None:
        if image and address.startswith("//"):
            return "https://"
        return None
    return None if scheme.group(1) in allowed else scheme.group(1) + ":"


def _url_message(path: str, line: int, value: str, refused: str, image: bool) -> Problem:
    shown = " ".join(value.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "…"
    if image:
        return Problem(path, line, FIELD, f"bildadressen '{shown}' är inte tillåten",
                       "använd en bild i samma mapp (bild.png) eller en adress som börjar med https://")
    dangerous = refused in ("javascript:", "data:", "vbscript:")
    return Problem(path, line, FIELD, f"länkadressen '{shown}' är inte tillåten",
                   ("adressen kör kod i besökarens webbläsare; " if dangerous else "")
                   + "länka med https://, http://, mailto:, tel:, en relativ adress eller #avsnitt")


class _HtmlScanner(HTMLParser):
    """Every start tag and attribute in the prose, held against the allow-list."""

    def __init__(self, path: str, lines: _LineMap, embed_hosts: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.path, self.lines, self.embed_hosts = path, lines, embed_hosts
        self.problems: list[Problem] = []

    def scan(self, text: str) -> None:
        self.feed(text)
        self.close()

    def _line(self) -> int:
        return self.lines.first_line + self.getpos()[0] - 1

    def _problem(self, message: str, hint: str) -> None:
        self.problems.append(Problem(self.path, self._line(), FIELD, message, hint))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe" and self.embed_hosts:
            self._iframe(attrs)
            return
        if tag not in ALLOWED_TAGS:
            why = _WHY_TAG.get(tag)
            if tag == "iframe":
                why += ("; länka till sidan i stället, eller be den som förvaltar webbplatsen att tillåta "
                        f"värden i {EMBED_SETTING} i mkdocs.yml")
            else:
                why = (f"{why}; ta bort taggen" if why else
                       f"tillåtna taggar: {_ALLOWED_LIST}; vill du visa tecknet < skriver du &lt;")
            self._problem(f"HTML-taggen <{tag}> är inte tillåten", why)
            return
        self._attributes(tag, attrs, ALLOWED_TAGS[tag] | GLOBAL_ATTRIBUTES | MARKDOWN_ATTRIBUTES)

    handle_startendtag = handle_starttag

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]], allowed: frozenset[str]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self._problem(f"attributet {name} är inte tillåtet",
                              "händelseattribut kör JavaScript i besökarens webbläsare; ta bort det")
            elif name == "style":
                self._problem("attributet style är inte tillåtet",
                              "utseendet kommer från webbplatsens tema; använd **fetstil**, en rubrik "
                              "eller en ruta (!!! note) i stället")
            elif name not in allowed:
                others = ", ".join(sorted(allowed - MARKDOWN_ATTRIBUTES))
                self._problem(f"attributet {name} är inte tillåtet på <{tag}>",
                              f"tillåtna attribut på <{tag}>: {others}")
            elif name == "id" and (value or "").startswith("__"):
                self._problem(f"id:t '{value}' är inte tillåtet",
                              "id som börjar med __ används av webbplatsens tema; välj ett annat")
            elif name in ("href", "src") and value is not None:
                refused = url_problem(value, image=(tag == "img"))
                if refused:
                    self.problems.append(_url_message(self.path, self._line(), value, refused, tag == "img"))

    def _iframe(self, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes("iframe", attrs, IFRAME_ATTRIBUTES | GLOBAL_ATTRIBUTES)
        values = {name: value or "" for name, value in attrs}
        src = values.get("src", "")
        if allowed_host(src, self.embed_hosts) is None:
            self._problem(f"inbäddning från '{src[:60]}' är inte tillåten",
                          f"adressen ska börja med https:// och värden stå i {EMBED_SETTING} i mkdocs.yml "
                          f"(nu: {', '.join(self.embed_hosts)})")
        if not values.get("title", "").strip():
            self._problem("inbäddningen (<iframe>) saknar title",
                          'beskriv innehållet, t.ex. title="Film: Så fungerar idéslussen"; titeln visas innan '
                          "videon laddas och läses upp av skärmläsare")

    def handle_comment(self, data: str) -> None:
        # Browsers end a comment at `<!-->`, `<!--->` and `--!>`; what follows would be live HTML.
        if data.startswith((">", "->")) or "--!>" in data:
            self._problem("HTML-kommentaren är felaktigt skriven", "skriv kommentarer som <!-- text -->")


def _markdown_url_problems(path: str, text: str, lines: _LineMap) -> list[Problem]:
    """Addresses of Markdown links and images `[x](…)`, `![x](…)` and reference definitions `[x]: …`."""
    problems = []
    for match in re.finditer(r"\]\(", text):
        destination = _destination(text, match.end())
        if destination:
            image = _is_image(text, match.start())
            refused = url_problem(destination, image)
            if refused:
                problems.append(_url_message(path, lines.line_of(match.start()), destination, refused, image))
    for match in _REFERENCE.finditer(text):
        destination = match.group(1).strip("<>")
        refused = url_problem(destination)
        if refused:
            problems.append(_url_message(path, lines.line_of(match.start(1)), destination, refused, False))
    return problems


def _destination(text: str, start: int) -> str:
    """A link destination after `](`: `<…>`, or up to whitespace or the unbalanced `)`."""
    position = start
    while position < len(text) and text[position] in " \t\n":
        position += 1
    if text.startswith("<", position):
        end = text.find(">", position)
        return text[position + 1:end if end != -1 else len(text)]
    depth, end = 0, position
    while end < len(text):
        char = text[end]
        if char in " \t\n" or (char == ")" and depth == 0):
            break
        depth += char == "("
        depth -= char == ")"
        end += 1
    return text[position:end]


def _is_image(text: str, bracket: int) -> bool:
    """Whether the `]` at `bracket` closes `![…`: walk back to its matching `[`."""
    depth = 0
    for position in range(bracket, max(-1, bracket - 2000), -1):
        char = text[position]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                return position > 0 and text[position - 1] == "!"
    return False


def _attr_list_problems(path: str, text: str, lines: _LineMap) -> list[Problem]:
    """attr_list blocks `{: #id .class key=value }`: only #id, .class, id= and class= may appear."""
    problems = []
    for match in _ATTR_LIST.finditer(text):
        tokens = list(_ATTR_TOKEN.finditer(match.group(2)))
        is_attr_list = match.group(1) == ":" or any(
            token.group(1) or token.group(2).startswith(("#", ".")) for token in tokens)
        if not is_attr_list:
            continue   # plain braces in prose, e.g. {antal}
        for token in tokens:
            name = (token.group(1) or token.group(2)).strip("\"'")
            if token.group(2) and name.startswith(("#", ".")) and not name.startswith("#__"):
                continue
            if name.lower() in ("id", "class") and token.group(1):
                continue
            problems.append(Problem(
                path, lines.line_of(match.start()), FIELD, f"attributet {name} i {{…}} är inte tillåtet",
                "i {…} efter en rubrik, ett stycke, en länk eller en bild går bara #id och .klass att ange"))
    return problems
