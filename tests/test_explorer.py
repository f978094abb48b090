"""Explorer data (cards and facet counts) against the records, without a site build."""

from __future__ import annotations

import pytest

from kunskapsarena import CASE, METHOD
from kunskapsarena.generate.html_parts import BODY_END, BODY_START, converted_body, marked_body
from kunskapsarena.generate.pages.explorer import (
    CASE_EXPLORER,
    DURATION_BANDS,
    GROUP_BANDS,
    METHOD_EXPLORER,
    bands,
    cards,
    facets,
)
from kunskapsarena.generate.pages.print_deck import body_placeholder, deck_card_body, fill_deck
from kunskapsarena.generate.site_urls import href, url_href
from kunskapsarena.model.fields import Range


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
    assert set(by_key) == {"organisation", "region", "year", "status", "method", "tag", "award"}
    assert by_key["award"] == {"Växthuspriset": 1}
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


def test_url_href_between_directory_urls():
    assert url_href("metoder/kundresa/", "metoder/") == "kundresa/"
    assert url_href("exempel/x/", "") == "exempel/x/"
    assert url_href("blog/y/", "taggar/workshop/") == "../../blog/y/"
    assert url_href("blog/y/", "blog/") == "y/"
    assert url_href("", "blog/y/") == "../../"


def test_href_between_docs_pages():
    assert href("exempel/x.md", "metoder/kundresa.md") == "../../exempel/x/"
    assert href("kontakter/index.md", "metoder/per-fas.md") == "../../kontakter/"
    assert href("metoder/kundresa.md", "metoder/index.md") == "kundresa/"
    assert href("metoder/skuggning.md", "metoder/kundresa.md") == "../skuggning/"
    assert href("taggar/workshop.md", "index.md") == "taggar/workshop/"
    assert href("index.md", "metoder/per-fas.md") == "../../"
    assert href("index.md", "index.md") == "./"


def test_deck_card_body_moves_headings_down_and_keeps_ids_unique():
    body = ('<h2 id="syfte">Syfte<a class="headerlink" href="#syfte" title="Länk">¶</a></h2>\n'
            '<p>Se <a href="#steg">stegen</a> och <a href="../kundresa/">kundresan</a>.</p>\n'
            '<h3 id="steg">Steg</h3>\n<pre><code>&lt;h2 id="x"&gt; &lt;a href="#y"&gt;</code></pre>')
    assert deck_card_body(body, "persona") == (
        '<h3 id="persona--syfte">Syfte<a class="headerlink" href="#persona--syfte" title="Länk">¶</a></h3>\n'
        '<p>Se <a href="#persona--steg">stegen</a> och <a href="../kundresa/">kundresan</a>.</p>\n'
        '<h4 id="persona--steg">Steg</h4>\n<pre><code>&lt;h2 id="x"&gt; &lt;a href="#y"&gt;</code></pre>')


def test_deck_cards_take_the_marked_body_of_each_method_page():
    pages = {"a": f"<h1>A</h1>\n{BODY_START}\n<p>Text A</p>\n{BODY_END}\n<h2>Används i</h2>",
             "b": f"{BODY_START}\n{BODY_END}"}
    deck = f"<section>{body_placeholder('a')}</section><section>{body_placeholder('b')}</section>"
    assert fill_deck(deck, pages.get) == "<section><p>Text A</p></section><section></section>"
    with pytest.raises(ValueError, match="'c' has no converted body"):
        fill_deck(body_placeholder("c"), pages.get)
    with pytest.raises(ValueError, match="'d' has no converted body"):
        fill_deck(body_placeholder("d"), {"d": "<p>no marks</p>"}.get)


def test_marked_body_survives_markdown_conversion():
    import markdown

    body = marked_body("Text\n\n- a\n- b")   # the end mark is not taken into the list
    html = markdown.markdown(f"# T\n\n{body}\n\n## Next")
    assert converted_body(html) == "<p>Text</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
