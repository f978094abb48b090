"""Defence in depth at build: every page's converted HTML goes through nh3 (the Rust sanitizer ammonia).

`arena check` already refuses raw HTML outside the editors' allow-list
(html_policy.py); this is the net for anything that gets past it (a check
skipped, a tokenizer difference, a bug), and for editor text that a template
forgot to escape: the adapter sanitises each page whole, generated HTML parts
included. The allow-list here is the editors' list plus what the Markdown
extensions and our templates produce (explorer forms, fact cards, headerlinks,
admonitions, code blocks). It drops
script and style elements with their content, every event handler and style
attribute (except text-align, which Markdown tables write), and every URL
that is not http, https, mailto, tel or relative. HTML comments stay: the
print deck finds each method's body by its marker comments.

Sanitising rewrites how the HTML is written, never what it says: `&#34;`
becomes `&quot;`, `&para;` becomes `¶`, a bare boolean attribute gets `=""`.
tests/test_html_policy.py builds the demo with and without it and compares
every page after parsing.
"""

from __future__ import annotations

from functools import cache

import nh3

from kunskapsarena.check.embeds import click_to_load
from kunskapsarena.check.html_policy import ALLOWED_TAGS, GLOBAL_ATTRIBUTES, LINK_SCHEMES

# What Python-Markdown, its extensions (tables, admonition, details, toc, attr_list,
# md_in_html, footnotes, code highlighting) and our templates write, beyond the editors' list.
GENERATED_TAGS = {
    "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(), "h6": set(),
    "blockquote": set(), "pre": set(), "code": set(), "hr": set(), "b": set(), "i": set(), "u": set(),
    "s": set(), "del": set(), "ins": set(), "small": set(), "q": set(), "cite": set(), "dfn": set(),
    "samp": set(), "var": set(), "colgroup": set(), "col": {"span"}, "dl": set(), "dt": set(), "dd": set(),
    "section": set(), "article": set(), "aside": set(), "nav": set(), "time": {"datetime"},
    # The explorers' filter forms and the print deck's button (generated, never from editors).
    "form": set(), "fieldset": set(), "legend": set(), "label": {"for"},
    "input": {"type", "name", "value", "checked", "autocomplete", "placeholder"},
    "button": {"type"},
    # Self-hosted recordings on material pages (material.md.j2), with their captions.
    "video": {"controls", "preload", "src"}, "track": {"kind", "srclang", "label", "src", "default"},
}
GENERATED_GLOBAL_ATTRIBUTES = {
    "hidden", "role", "dir",
    # Read by explorer.js and print.js (grep data-ka- in hooks/ and overrides/). Not a data-ka- prefix:
    # data-ka-embed must only ever come from embeds.py, after sanitising.
    "data-ka-clear", "data-ka-count", "data-ka-empty", "data-ka-explorer", "data-ka-facet",
    "data-ka-facets", "data-ka-filters", "data-ka-item", "data-ka-keep-query", "data-ka-list",
    "data-ka-noun", "data-ka-print",
}
GENERATED_ATTRIBUTES = {"a": {"name"}, "ol": {"start", "reversed", "type"}, "li": {"value"}}


def sanitise_html(html: str, embed_hosts: tuple[str, ...] = ()) -> str:
    """The page's HTML with everything outside the allow-list removed, embeds made click-to-load."""
    clean = _cleaner(embed_hosts).clean(html)
    return click_to_load(clean, embed_hosts) if embed_hosts else clean


@cache
def _cleaner(embed_hosts: tuple[str, ...]) -> nh3.Cleaner:
    tags = {**GENERATED_TAGS}
    attributes: dict[str, set[str]] = {"*": set(GLOBAL_ATTRIBUTES) | GENERATED_GLOBAL_ATTRIBUTES}
    for tag, extra in [*ALLOWED_TAGS.items(), *GENERATED_ATTRIBUTES.items()]:
        tags[tag] = tags.get(tag, set()) | set(extra)
    if embed_hosts:   # iframes survive only to be replaced by click_to_load
        tags["iframe"] = {"src", "title"}
    for tag, extra in tags.items():
        attributes.setdefault(tag, set()).update(extra)
    # Markdown tables align columns with style="text-align: …"; no other style survives.
    attributes["th"].add("style")
    attributes["td"].add("style")
    return nh3.Cleaner(
        tags=set(tags), attributes=attributes, generic_attribute_prefixes={"aria-"},
        url_schemes=set(LINK_SCHEMES), link_rel=None, strip_comments=False,
        clean_content_tags={"script", "style"}, filter_style_properties={"text-align"})
