"""The idea pipeline: an overview by stage with counts, one page per idea, and how to suggest one."""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .arena import Arena, Record
from .content_types import CASE, IDEA, METHOD, PROJECT
from .models import IDEA_STAGES
from .render import environment
from .scaffold import render_scaffold

if TYPE_CHECKING:
    from .outputs import SiteInfo

INDEX_URI = f"{IDEA.section}/index.md"
SUBMIT_URI = f"{IDEA.section}/foresla.md"
SUBMISSION_PLACEHOLDERS = ("content", "title")


class SubmissionConfigError(ValueError):
    """mkdocs.yml's extra.idea_submission is wrong; the message is for the site's maintainer."""


def pipeline(arena: Arena) -> list[tuple[str, str, list[Record]]]:
    """Every stage in pipeline order with its ideas (newest activity first), empty stages included."""
    ideas = arena.of_type(IDEA)
    return [(stage, label, sorted((i for i in ideas if i.data.status == stage),
                                  key=lambda i: (i.data.history[-1].date, i.slug), reverse=True))
            for stage, label in IDEA_STAGES.items()]


def pipeline_counts(arena: Arena) -> list[tuple[str, str, int]]:
    return [(stage, label, len(members)) for stage, label, members in pipeline(arena)]


def idea_pages(arena: Arena, site: SiteInfo) -> dict[str, str]:
    env = environment(arena)
    pages = {}
    for idea in arena.of_type(IDEA):
        pages[idea.page_uri] = env.get_template("idea.md.j2").render(
            page_uri=idea.page_uri, item=idea, data=idea.data, stages=IDEA_STAGES,
            methods=[arena.get(METHOD, slug) for slug in idea.data.methods],
            cases=[arena.get(CASE, slug) for slug in idea.data.cases],
            projects=arena.graph.referrers(IDEA.name, idea.slug, source_type=PROJECT.name))
    pages[INDEX_URI] = env.get_template("ideas_index.md.j2").render(
        page_uri=INDEX_URI, stages=pipeline(arena), total=len(arena.of_type(IDEA)), submit=SUBMIT_URI)
    # The template keeps ÅÅÅÅ-MM-DD: the idea is sent long after the build, and the page
    # must not change with the build date (reproducible builds).
    submission = submission_links(site.extra.get("idea_submission"))
    pages[SUBMIT_URI] = env.get_template("idea_submit.md.j2").render(
        page_uri=SUBMIT_URI, template=render_scaffold(IDEA, "Min idé", None), index=INDEX_URI,
        **submission)
    return pages


def submission_links(config: Any) -> dict[str, str | None]:
    """The pre-filled 'new file or issue' link of the git host, and a pre-filled e-mail, from mkdocs.yml."""
    config = config or {}
    if not isinstance(config, dict):
        raise SubmissionConfigError("extra.idea_submission ska vara en grupp med url, label och email")
    unknown = sorted(set(config) - {"url", "label", "email"})
    if unknown:
        raise SubmissionConfigError(f"extra.idea_submission: okänt fält {', '.join(unknown)} "
                                    "(tillåtna: url, label, email)")
    scaffold = render_scaffold(IDEA, "Min idé", None)
    values = {"content": quote(scaffold, safe=""), "title": quote("Ny idé: Min idé", safe="")}
    url = config.get("url")
    if url is not None:
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise SubmissionConfigError(f"extra.idea_submission.url: {url!r} är ingen webbadress")
        fields = {name for _, name, _, _ in string.Formatter().parse(url) if name is not None}
        if fields - set(SUBMISSION_PLACEHOLDERS):
            raise SubmissionConfigError(
                f"extra.idea_submission.url: okänd platshållare {{{sorted(fields - set(SUBMISSION_PLACEHOLDERS))[0]}}} "
                "(använd {content} för den ifyllda filen och {title} för en rubrik)")
        url = url.format(**values)
    email = config.get("email")
    mailto = None
    if email:
        mailto = f"mailto:{email}?subject={values['title']}&body={values['content']}"
    return {"submit_url": url, "submit_label": config.get("label") or "Föreslå en idé", "email": email,
            "mailto": mailto}
