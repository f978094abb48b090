"""The content types' pages and nav places come from their page specs, not from mkdocs.yml."""

from __future__ import annotations

import dataclasses
import os

import pytest
from mkdocs.config import load_config
from pathspec.gitignore import GitIgnoreSpec

from conftest import REPO, TODAY
from kunskapsarena import CASE, METHOD
from kunskapsarena.generate.outputs import site_outputs
from kunskapsarena.generate.pages.item_pages import type_pages
from kunskapsarena.generate.pages.sections import PAGE_SPECS, nav_sections, pages_kept_out_of_nav
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.index.arena import Arena
from kunskapsarena.model.content_types import ContentType
from kunskapsarena.model.page_specs import Backlinks, ByVocabulary, IndexPage, Links, NavPlace, PageSpec
from kunskapsarena_mkdocs.hooks import _place_sections
from kunskapsarena_mkdocs.nav import with_pages_kept_out, with_sections

# The nav and not_in_nav mkdocs.yml spelled out by hand before the specs made them.
NAV_BEFORE = [
    {"Start": "index.md"},
    {"Metodbank": "metoder/index.md"},
    {"Goda exempel": "exempel/index.md"},
    {"Evenemang": ["evenemang/index.md", "utbildningar/index.md", "material/index.md"]},
    {"Projekt och idéer": ["projekt/index.md", "ideer/index.md", "ideer/foresla.md"]},
    {"Blogg": "blog/index.md"},
    {"Om arenan": ["om.md", "kontakter/index.md", "redaktorsguide.md", {"Fältreferens": "redaktorsguide/falt.md"},
                   "tillganglighet.md", "oppna-data.md"]},
]
NOT_IN_NAV_BEFORE = ["/metoder/*.md", "/exempel/*.md", "/evenemang/*.md", "/projekt/*.md", "/ideer/*.md",
                     "/utbildningar/*.md", "/material/*.md", "/taggar/*.md", "/organisationer/*.md"]

# A throwaway content type, shaped like a method, added by a test only.
CHECKLIST = ContentType(name="checklist", model=METHOD.model, folder="checklists", section="checklistor",
                        label="Checklista", plural_label="Checklistor", count_noun="checklistor")
CHECKLIST_SPEC = PageSpec(
    CHECKLIST, "method.md.j2",
    links=(Links("related", "related", METHOD),),
    backlinks=(Backlinks("used_in", sources=(CASE,)), Backlinks("also_in", excluded=(CASE, METHOD))),
    context=lambda arena, checklist, site: {"used_together": []},
    indexes=(IndexPage("per-fas.md", "methods_index.md.j2", items="methods", groups="by_phase",
                       grouping=ByVocabulary("phases", "phases")),),
    nav=NavPlace("Checklistor", 35))


@pytest.fixture(scope="module")
def config():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(config_file=str(REPO / "mkdocs.yml"))


def test_the_derived_nav_is_the_one_mkdocs_yml_spelled_out(config):
    _place_sections(config)
    assert config.nav == NAV_BEFORE
    assert [pattern.pattern for pattern in config.not_in_nav.patterns] == NOT_IN_NAV_BEFORE


def test_mkdocs_yml_lists_no_section_of_a_content_type():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "not_in_nav:" not in text
    assert not any(page in text for _label, pages in nav_sections() for page in pages)


def test_a_section_the_site_owner_lists_is_not_added_twice():
    nav = [{"Start": "index.md"}, {"Händer": ["evenemang/index.md"]}, "arena:sections", {"Om": "om.md"}]
    placed = with_sections(nav, nav_sections())
    assert placed[:2] == nav[:2]
    assert {"Evenemang": ["utbildningar/index.md", "material/index.md"]} in placed
    pages = [page for entry in placed for value in entry.values()
             for page in (value if isinstance(value, list) else [value])]
    assert pages.count("evenemang/index.md") == 1
    assert placed[-1] == {"Om": "om.md"}


def test_without_the_marker_the_sections_go_last_and_without_a_nav_mkdocs_makes_its_own():
    sections = with_sections(["arena:sections"], nav_sections())
    assert with_sections([{"Start": "index.md"}], nav_sections()) == [{"Start": "index.md"}, *sections]
    assert with_sections(None, nav_sections()) is None


def test_the_marker_may_stand_inside_a_section():
    sections = with_sections(["arena:sections"], nav_sections())
    assert with_sections([{"Innehåll": ["arena:sections"]}], nav_sections()) == [{"Innehåll": sections}]


def test_the_site_owners_not_in_nav_comes_after_the_sections_and_may_take_a_page_back():
    own = GitIgnoreSpec.from_lines(["/extra/*.md", "!/metoder/kundresa.md"])
    spec = with_pages_kept_out(own, pages_kept_out_of_nav())
    assert spec.match_file("extra/a.md") and spec.match_file("metoder/personas.md")
    assert not spec.match_file("metoder/kundresa.md")


def test_a_new_content_type_gets_its_pages_nav_entry_and_not_in_nav_from_its_spec_alone(demo):
    specs = (*PAGE_SPECS, CHECKLIST_SPEC)
    checklists = {slug: dataclasses.replace(method, type=CHECKLIST)
                  for slug, method in demo.records[METHOD.name].items()}
    arena = Arena(demo.root, demo.taxonomy, records={**demo.records, CHECKLIST.name: checklists})
    pages = type_pages(arena, SiteInfo(url="", today=TODAY), (CHECKLIST_SPEC,))
    assert set(pages) == {f"checklistor/{slug}.md" for slug in checklists} | {"checklistor/per-fas.md"}
    kundresa = pages["checklistor/kundresa.md"]
    assert "Kundresa" in (kundresa if isinstance(kundresa, str) else kundresa.markdown)

    nav = load_config(config_file=str(REPO / "mkdocs.yml")).nav
    placed = with_sections(nav, nav_sections(specs))
    today = with_sections(nav, nav_sections())
    # After the entry holding the trainings (order 31), before the one holding projects (40).
    events = next(i for i, entry in enumerate(today) if "utbildningar/index.md" in str(entry))
    assert placed == [*today[:events + 1], {"Checklistor": "checklistor/index.md"}, *today[events + 1:]]
    patterns = pages_kept_out_of_nav()
    assert pages_kept_out_of_nav(specs) == [*patterns[:-2], "/checklistor/*.md", *patterns[-2:]]


def test_every_type_page_the_specs_name_is_generated(demo):
    outputs = site_outputs(demo, SiteInfo(url="", today=TODAY))
    for spec in PAGE_SPECS:
        for index in spec.indexes:
            assert spec.index_uri(index) in outputs
        if spec.item_template:
            assert all(record.page_uri in outputs for record in demo.of_type(spec.ctype))


def test_backlinks_admit_their_sources_but_not_the_excluded():
    also_in = Backlinks("also_in", excluded=(CASE, METHOD))
    assert not also_in.admits(CASE) and not also_in.admits(METHOD) and also_in.admits(CHECKLIST)
    assert Backlinks("used_in", sources=(CASE,)).admits(CASE) and not Backlinks("x", sources=(CASE,)).admits(CHECKLIST)

