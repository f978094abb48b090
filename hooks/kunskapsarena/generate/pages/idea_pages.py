"""The idea pipeline by stage, and the page on how to suggest an idea (the rest is the ideas' page spec)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from kunskapsarena.generate.editors.scaffold import render_scaffold
from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import IDEA
from kunskapsarena.model.models import IDEA_STAGES
from kunskapsarena.model.page_specs import ByVocabulary, Group
from kunskapsarena.model.settings import IdeaSubmissionSettings

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

INDEX_URI = f"{IDEA.section}/index.md"
SUBMIT_URI = f"{IDEA.section}/foresla.md"
# Every stage in pipeline order with its ideas (newest activity first), empty stages included.
PIPELINE = ByVocabulary("status", IDEA_STAGES, sort=lambda i: (i.data.history[-1].date, i.slug), reverse=True,
                        keep_empty=True)


def pipeline(arena: Arena) -> list[Group]:
    return PIPELINE.groups(arena.taxonomy, arena.of_type(IDEA))


def pipeline_counts(arena: Arena) -> list[tuple[str, str, int]]:
    return [(stage, label, len(members)) for stage, label, members in pipeline(arena)]


def item_context(arena: Arena, idea: Record, site: SiteInfo) -> dict:
    return {"stages": IDEA_STAGES}


def index_context(arena: Arena, site: SiteInfo) -> dict:
    return {"total": len(arena.of_type(IDEA)), "submit": SUBMIT_URI}


def submission_page(arena: Arena, site: SiteInfo) -> dict[str, str]:
    # The template keeps ÅÅÅÅ-MM-DD: the idea is sent long after the build, and the page
    # must not change with the build date (reproducible builds).
    submission = submission_links(site.settings.idea_submission)
    return {SUBMIT_URI: environment(arena).get_template("idea_submit.md.j2").render(
        page_uri=SUBMIT_URI, template=render_scaffold(IDEA, "Min idé", None), index=INDEX_URI, **submission)}


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
