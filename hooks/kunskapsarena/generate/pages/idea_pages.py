"""The idea pipeline: an overview by stage with counts, one page per idea, and how to suggest one."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from kunskapsarena.generate.editors.scaffold import render_scaffold
from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import CASE, IDEA, METHOD, PROJECT
from kunskapsarena.model.models import IDEA_STAGES
from kunskapsarena.model.settings import IdeaSubmissionSettings

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

INDEX_URI = f"{IDEA.section}/index.md"
SUBMIT_URI = f"{IDEA.section}/foresla.md"


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
    submission = submission_links(site.settings.idea_submission)
    pages[SUBMIT_URI] = env.get_template("idea_submit.md.j2").render(
        page_uri=SUBMIT_URI, template=render_scaffold(IDEA, "Min idé", None), index=INDEX_URI,
        **submission)
    return pages


def submission_links(settings: IdeaSubmissionSettings) -> dict[str, str | None]:
    """The pre-filled 'new file or issue' link of the git host, and a pre-filled e-mail, from mkdocs.yml.

    The URL template was checked with the settings: only {title} and {content},
    and both are filled in percent-encoded.
    """
    scaffold = render_scaffold(IDEA, "Min idé", None)
    values = {"content": quote(scaffold, safe=""), "title": quote("Ny idé: Min idé", safe="")}
    url = settings.url.format(**values) if settings.url else None
    mailto = None
    if settings.email:
        mailto = f"mailto:{settings.email}?subject={values['title']}&body={values['content']}"
    return {"submit_url": url, "submit_label": settings.label, "email": settings.email, "mailto": mailto}
