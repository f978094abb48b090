"""The site's content sections: each content type's page spec, and what the nav needs from them.

The specs are read by one generic builder (item_pages.py) and by the site
adapter, which places the sections in the nav and keeps item pages out of it.
They live here, not in model/, because they name templates and context
functions of this stage; model/page_specs.py declares their shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunskapsarena.index.related import used_together
from kunskapsarena.model.content_types import CASE, EVENT, IDEA, MATERIAL, METHOD, POST, PROJECT, TRAINING
from kunskapsarena.model.page_specs import (
    Backlinks,
    ByOrganisation,
    ByVocabulary,
    IndexPage,
    Links,
    NavPlace,
    PageSpec,
    by_title,
)
from kunskapsarena.model.vocabulary_urls import ORGANISATION_SECTION, TAG_SECTION

from . import event_pages, idea_pages, material_pages, training_pages

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo
    from kunskapsarena.index.arena import Arena, Record


def _methods_used_together(arena: Arena, method: Record, site: SiteInfo) -> dict:
    return {"used_together": used_together(arena, method)}


def _funding_total(arena: Arena, project: Record, site: SiteInfo) -> dict:
    return {"funding_total": sum(f.amount or 0 for f in project.data.funding)}


def _project_count(arena: Arena, site: SiteInfo) -> dict:
    return {"count": len(arena.of_type(PROJECT))}


# In CONTENT_TYPES order. The section start pages of methods and cases are the explorers (explorer.py);
# their index pages here are grouped views.
PAGE_SPECS: tuple[PageSpec, ...] = (
    PageSpec(
        METHOD, "method.md.j2",
        links=(Links("related", "related", METHOD),),
        backlinks=(Backlinks("used_in", sources=(CASE,)),
                   # Projects, ideas, trainings … that name the method (any type but cases and methods).
                   Backlinks("also_in", excluded=(CASE, METHOD))),
        context=_methods_used_together,
        indexes=(IndexPage("per-fas.md", "methods_index.md.j2", items="methods", groups="by_phase",
                           grouping=ByVocabulary("phases", "phases")),),
        nav=NavPlace("Metodbank", 10)),
    PageSpec(
        CASE, "case.md.j2",
        links=(Links("methods", "methods", METHOD),),
        backlinks=(Backlinks("material", sources=(MATERIAL,)),),
        indexes=(IndexPage("per-organisation.md", "cases_index.md.j2", items="cases", groups="by_organisation",
                           grouping=ByOrganisation("organisation", sort=lambda c: (-c.data.year, c.title))),),
        nav=NavPlace("Goda exempel", 20)),
    # Posts are the editors' own pages, published by the engine's blog (engine.py): only their nav place is ours.
    PageSpec(POST, None, nav=NavPlace("Blogg", 50)),
    PageSpec(
        EVENT, "event.md.j2",
        context=event_pages.item_context,
        indexes=(IndexPage("index.md", "events_index.md.j2", context=event_pages.index_context),),
        nav=NavPlace("Evenemang", 30)),
    PageSpec(
        PROJECT, "project.md.j2",
        links=(Links("methods", "methods", METHOD), Links("cases", "cases", CASE), Links("ideas", "ideas", IDEA)),
        context=_funding_total,
        indexes=(IndexPage("index.md", "projects_index.md.j2", groups="groups", context=_project_count,
                           grouping=ByVocabulary("status", "project_statuses", reverse=True,
                                                 sort=lambda p: (p.data.period.start, p.title.casefold()))),),
        nav=NavPlace("Projekt och idéer", 40)),
    PageSpec(
        IDEA, "idea.md.j2",
        links=(Links("methods", "methods", METHOD), Links("cases", "cases", CASE)),
        backlinks=(Backlinks("projects", sources=(PROJECT,)),),
        context=idea_pages.item_context,
        indexes=(IndexPage("index.md", "ideas_index.md.j2", groups="stages", grouping=idea_pages.PIPELINE,
                           context=idea_pages.index_context),),
        extra_pages=idea_pages.submission_page,
        nav=NavPlace("Projekt och idéer", 41, pages=("index.md", "foresla.md"))),
    PageSpec(
        TRAINING, "training.md.j2",
        links=(Links("methods", "methods", METHOD),),
        context=training_pages.item_context,
        item_order=by_title,
        indexes=(IndexPage("index.md", "trainings_index.md.j2", context=training_pages.index_context),),
        nav=NavPlace("Evenemang", 31)),
    PageSpec(
        MATERIAL, "material.md.j2",
        links=(Links("methods", "methods", METHOD), Links("cases", "cases", CASE)),
        context=material_pages.item_context,   # the section's start page is the explorer (explorer.py)
        nav=NavPlace("Evenemang", 32)),
)


def nav_sections(specs: tuple[PageSpec, ...] = PAGE_SPECS) -> list[tuple[str, list[str]]]:
    """(nav label, docs pages) in nav order; types that share a label share the entry."""
    placed = sorted((spec for spec in specs if spec.nav), key=lambda spec: spec.nav.order)
    sections: dict[str, list[str]] = {}
    for spec in placed:
        sections.setdefault(spec.nav.label, []).extend(f"{spec.ctype.section}/{page}" for page in spec.nav.pages)
    return list(sections.items())


def pages_kept_out_of_nav(specs: tuple[PageSpec, ...] = PAGE_SPECS) -> list[str]:
    """Gitignore-style patterns of generated pages that section pages list instead of the nav."""
    sections = [spec.ctype.section for spec in specs if spec.item_template] + [TAG_SECTION, ORGANISATION_SECTION]
    return [f"/{section}/*.md" for section in sections]
