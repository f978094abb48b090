"""Generated parts of a page as finished HTML, kept out of the Markdown engine.

Python-Markdown converts about half a megabyte a second. On a method page the
generated parts (fact card, tag line, lists of links, contacts) took 6 of its
7 ms, more than the rest of the build spends on the page. So a page template
wraps such a part in `{% call parts.add() %}…{% endcall %}`: the part is kept
as HTML, the Markdown carries a placeholder comment instead, and the site
adapter swaps the placeholder for the HTML after conversion (`fill`).
Headings stay in Markdown, so the engine still gives them ids, permalinks and
a place in the table of contents. Links in parts are final relative URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

_PLACEHOLDER = "<!-- ka-part {} -->"
# Around an item's own text on its page, for pages that reuse the converted
# text (the print deck). Comments pass through Markdown unchanged.
BODY_START = "<!-- ka-body -->"
BODY_END = "<!-- /ka-body -->"
# Around an aside part (HtmlParts.aside): lists of links to other items.
ASIDE_CLASS = "ka-aside"


@dataclass
class HtmlParts:
    """Collects a page's HTML parts while its template renders."""

    parts: dict[str, str] = field(default_factory=dict)

    def add(self, caller) -> Markup:
        placeholder = _PLACEHOLDER.format(len(self.parts) + 1)
        self.parts[placeholder] = caller().strip()
        # Blank lines around it: a raw HTML block of its own in any Markdown engine.
        return Markup(f"\n{placeholder}\n\n")

    def aside(self, caller) -> Markup:
        """A part that leads elsewhere (links to other items) rather than being the page's own
        text: the site search leaves it out, so a page is found by what it says itself."""
        return self.add(lambda: f'<div class="{ASIDE_CLASS}">{caller().strip()}</div>')


@dataclass(frozen=True)
class GeneratedPage:
    """A page's Markdown plus the HTML that goes in place of its placeholders."""

    markdown: str
    parts: dict[str, str]

    def fill(self, html: str) -> str:
        """The converted page with every part in place."""
        for placeholder, part in self.parts.items():
            html = html.replace(placeholder, part, 1)
        return html

    def inline(self) -> str:
        """Markdown with the parts written in as raw HTML (for engines without a post-conversion step)."""
        return self.fill(self.markdown)


def render_page(template, **context) -> GeneratedPage | str:
    parts = HtmlParts()
    markdown = template.render(parts=parts, **context)
    return GeneratedPage(markdown, parts.parts) if parts.parts else markdown


def marked_body(markdown: str) -> str:
    return f"{BODY_START}\n\n{markdown.strip()}\n\n{BODY_END}"


def converted_body(page_html: str) -> str | None:
    """The converted text between the body marks, or None if the page has none."""
    start = page_html.find(BODY_START)
    end = page_html.find(BODY_END, start)
    if start < 0 or end < 0:
        return None
    return page_html[start + len(BODY_START):end].strip()
