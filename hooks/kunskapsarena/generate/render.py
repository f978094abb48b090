"""The page templates' environment, and the filters that format values and links for them.

Pages are Markdown whose generated parts (fact cards, lists of links,
contacts) are finished HTML kept beside it (html_parts.py), so any Markdown
site engine can take it; the MkDocs adapter puts the parts in after conversion.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from kunskapsarena.check.links import rewrite_links, rewrite_path, source_paths
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.engine import current_engine
from kunskapsarena.model.fields import Range
from kunskapsarena.model.vocabulary_urls import organisation_page_uri, tag_page_uri

from . import escape, swedish
from .html_parts import marked_body
from .site_urls import href, page_url, url_href

TEMPLATES = Path(__file__).parent / "templates"


def environment(arena: Arena) -> Environment:
    """The page templates' environment: every `{{ … }}` is inert text unless a filter says otherwise.

    Templates write Markdown with HTML parts, and editor text lands in both.
    Autoescaping with `escape.inert` as the finalizer makes each value literal
    text in either context (escape.py); filters that produce links, YAML or the
    editor's own Markdown body return Markup and pass through unchanged.
    """
    engine_templates = current_engine().markup_templates
    # The engine's _engine.md.j2 (its markup macros) comes before the core's neutral one.
    folders = [engine_templates, TEMPLATES] if engine_templates else [TEMPLATES]
    env = Environment(loader=FileSystemLoader(folders), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      autoescape=True, finalize=escape.inert,
                      auto_reload=False)  # one render per build: no stat() per page
    taxonomy = arena.taxonomy
    env.globals.update(taxonomy=taxonomy, people=taxonomy.people,
                       tag_page_uri=tag_page_uri, organisation_page_uri=organisation_page_uri)
    sources = source_paths(arena.root, arena.records.values())

    @pass_context
    def own_body(context, body: object) -> str:
        """The item's body with links written as source paths pointing at docs paths (check/links.py)."""
        item = context.get("item")
        text = str(body)
        return rewrite_links(text, item.path, context["page_uri"], sources) if isinstance(item, Record) else text

    env.filters.update(
        # Front matter for the engine: a YAML string; the adapter escapes it for the theme.
        yaml_string=lambda value: Markup(json.dumps(str(value), ensure_ascii=False)),
        url=escape.url,           # an editor's http(s) address (validated by the model)
        markdown=pass_context(lambda context, body: Markup(own_body(context, body).strip())),   # the editor's own body (checked by the HTML policy)
        verbatim=escape.verbatim,  # inside a code span or fenced code block
        # A relative path (image files beside an item), written from the item's source file.
        path=pass_context(lambda context, value: escape.path_url(
            rewrite_path(str(value), context["item"].path, context["page_uri"], sources)
            if isinstance(context.get("item"), Record) else value)),
        mailto=lambda address: escape.url(address, schemes=("mailto",)),
        label=lambda value, vocabulary: taxonomy.label(vocabulary, value),
        organisation=taxonomy.organisation_name,
        minutes=format_minutes,
        persons=format_persons,
        link=lambda target, from_uri: escape.path_url(relative_link(target, from_uri)),
        link_to=lambda target_uri, from_uri: escape.path_url(relative_uri(target_uri, from_uri)),
        href=lambda target, from_uri: escape.path_url(href(target, from_uri)),   # HTML parts: docs page → docs page
        # HTML parts: link to a record by its real URL (a post's docs path is not its URL).
        record_href=lambda record, from_docs_path: escape.path_url(url_href(record.url, page_url(from_docs_path))),
        marked_body=pass_context(lambda context, body: Markup(marked_body(own_body(context, body)))),
        long_date=swedish.long_date,
        weekday_date=swedish.weekday_date,
        clock=swedish.clock,
        time_span=swedish.time_span,
        date_span=swedish.date_span,
    )
    return env


def relative_link(target: Record, from_uri: str) -> str:
    """Link between generated pages: up to the docs root, then down (relpath is slow at scale)."""
    return relative_uri(target.page_uri, from_uri)


def relative_uri(target_uri: str, from_uri: str) -> str:
    """Link from one docs page to another docs file, both given by their docs-relative paths."""
    depth = from_uri.count("/")
    return "../" * depth + target_uri if depth else target_uri


def format_minutes(duration: Range) -> str:
    """30–45 min, 1–3 tim, or 45 min – 2 tim: what a workshop planner reads."""
    low, high = duration.min, duration.max

    def hours(value: int) -> str:
        return f"{value // 60}" if value % 60 == 0 else f"{value / 60:.1f}".replace(".", ",")

    if high < 60:
        return f"{low} min" if low == high else f"{low}–{high} min"
    if low >= 60 and low % 30 == 0 and high % 30 == 0:
        return f"{hours(low)} tim" if low == high else f"{hours(low)}–{hours(high)} tim"
    return f"{low} min – {hours(high)} tim" if high % 30 == 0 else f"{low}–{high} min"


def format_persons(size: Range) -> str:
    if size.min == size.max:
        return f"{size.min} {'person' if size.min == 1 else 'personer'}"
    return f"{size.min}–{size.max} personer"
