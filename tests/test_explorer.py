"""Explorer data (cards and facet counts) against the records, without a site build."""

from __future__ import annotations

from kunskapsarena import CASE, METHOD
from kunskapsarena.explorer import (
    CASE_EXPLORER,
    DURATION_BANDS,
    GROUP_BANDS,
    METHOD_EXPLORER,
    bands,
    cards,
    facets,
)
from kunskapsarena.fields import Range
from kunskapsarena.site_urls import href, relative_url


def test_every_method_and_case_is_exactly_one_card(demo):
    for spec, ctype in ((METHOD_EXPLORER, METHOD), (CASE_EXPLORER, CASE)):
        slugs = [card.record.slug for card in cards(demo, spec)]
        assert sorted(slugs) == [r.slug for r in demo.of_type(ctype)]
        assert len(slugs) == len(set(slugs))


def test_method_facet_counts_match_the_records(demo):
    methods = demo.of_type(METHOD)
    deck = cards(demo, METHOD_EXPLORER)
    by_key = {facet.key: {o.value: o.count for o in facet.options} for facet in facets(demo, METHOD_EXPLORER, deck)}
    assert by_key["phase"] == {p: sum(p in m.data.phases for m in methods)
                               for p in demo.taxonomy.ids("phases") if any(p in m.data.phases for m in methods)}
    assert by_key["difficulty"] == {d: sum(m.data.difficulty == d for m in methods)
                                    for d in {m.data.difficulty for m in methods}}
    assert by_key["tag"] == {t: sum(t in m.data.tags for m in methods) for t in {t for m in methods for t in m.data.tags}}
    # Bands counted from the raw minutes, independently of bands().
    for key, bounds, attribute in (("duration", DURATION_BANDS, "duration"), ("group", GROUP_BANDS, "group_size")):
        expected = {}
        for value, _label, low, high in bounds:
            n = sum(1 for m in methods if getattr(m.data, attribute).min <= high
                    and getattr(m.data, attribute).max >= low)
            if n:
                expected[value] = n
        assert by_key[key] == expected


def test_case_facets_cover_organisation_region_year_status_method_and_tag(demo):
    cases = demo.of_type(CASE)
    deck = cards(demo, CASE_EXPLORER)
    by_key = {facet.key: {o.value: o.count for o in facet.options} for facet in facets(demo, CASE_EXPLORER, deck)}
    assert set(by_key) == {"organisation", "region", "year", "status", "method", "tag"}
    assert by_key["organisation"] == {o: sum(c.data.organisation == o for c in cases)
                                      for o in {c.data.organisation for c in cases}}
    assert by_key["year"] == {str(y): sum(c.data.year == y for c in cases) for y in {c.data.year for c in cases}}
    assert by_key["method"] == {s: sum(s in c.data.methods for c in cases) for s in {s for c in cases for s in c.data.methods}}
    assert sum(by_key["region"].values()) == len(cases), "every case has exactly one region"
    for card in deck:
        organisation = demo.taxonomy.organisations[card.record.data.organisation]
        assert card.facets["region"] == [card.record.data.region or organisation.region]


def test_duration_bands_follow_the_overlap_rule():
    assert bands(DURATION_BANDS, Range(min=15, max=30)) == ["upp-till-30"]
    assert bands(DURATION_BANDS, Range(min=30, max=90)) == ["upp-till-30", "30-60", "1-2-tim"]
    assert bands(DURATION_BANDS, Range(min=480, max=960)) == ["heldag"]
    assert bands(GROUP_BANDS, Range(min=10, max=40)) == ["6-12", "13-30", "over-30"]


def test_relative_url_between_directory_urls():
    assert relative_url("metoder/", "metoder/kundresa/") == "../metoder/kundresa/"
    assert relative_url("", "exempel/x/") == "exempel/x/"
    assert relative_url("taggar/workshop/", "blog/y/") == "../../blog/y/"


def test_href_between_docs_pages():
    assert href("exempel/x.md", "metoder/kundresa.md") == "../../exempel/x/"
    assert href("kontakter/index.md", "metoder/per-fas.md") == "../../kontakter/"
    assert href("metoder/kundresa.md", "metoder/index.md") == "kundresa/"
    assert href("metoder/skuggning.md", "metoder/kundresa.md") == "../skuggning/"
    assert href("taggar/workshop.md", "index.md") == "taggar/workshop/"
    assert href("index.md", "metoder/per-fas.md") == "../../"
    assert href("index.md", "index.md") == "./"


def test_deck_headings_move_one_level_down_outside_code():
    from kunskapsarena.print_deck import demote_headings

    text = "## Syfte\n\nText\n\n### Steg\n\n```\n## not a heading\n```\n#hashtag"
    assert demote_headings(text) == "### Syfte\n\nText\n\n#### Steg\n\n```\n## not a heading\n```\n#hashtag"
