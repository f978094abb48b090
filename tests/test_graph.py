"""The reference graph: backlinks and reverse references from field metadata."""

from __future__ import annotations

from conftest import TODAY
from kunskapsarena import load_arena


def test_backlinks_from_every_reference_field(arena):
    graph = load_arena(arena.root, today=TODAY).graph

    assert [r.slug for r in graph.referrers("method", "personas")] == ["kundresa"]
    assert [r.slug for r in graph.referrers("method", "kundresa", source_type="case")] == ["sms-paminnelser"]
    people_refs = {(e.source.slug, e.field) for e in graph.incoming("person", "eva-berg")}
    assert people_refs == {("kundresa", "contacts"), ("personas", "contacts"),
                           ("sms-paminnelser", "contacts"), ("forsta-inlagget", "authors")}


def test_nested_fields_and_vocabularies_are_indexed(arena):
    graph = load_arena(arena.root, today=TODAY).graph

    topics = graph.incoming("consideration_topics", "gdpr")
    assert [(e.source.slug, e.field, e.kind) for e in topics] == [("kundresa", "considerations.topic", "vocabulary")]
    assert "eva-berg" in graph.targets("person")
    assert graph.referrers("method", "finns-inte") == []


def test_a_new_reference_shows_up_without_code_changes(arena):
    arena.replace("methods/personas.md", "contacts: [eva-berg]", "contacts: [eva-berg]\nrelated: [kundresa]")
    graph = load_arena(arena.root, today=TODAY).graph

    assert [(r.slug, r.type.name) for r in graph.referrers("method", "kundresa")] == [
        ("personas", "method"), ("sms-paminnelser", "case")]
    assert [e.field for e in graph.incoming("method", "kundresa")] == ["related", "methods"]
