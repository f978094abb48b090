"""`arena new` scaffolds: every schema field present, valid once filled in."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import TODAY, ArenaDir
from kunskapsarena import CONTENT_TYPES, METHOD
from kunskapsarena.generate.editors.scaffold import ScaffoldError, new_item
from kunskapsarena.model.slugs import is_slug, slugify

# What an editor types over the placeholders, per type.
FILLED_IN = {
    "method": {"person-id": "eva-berg"},
    "case": {"person-id": "eva-berg", "organisation-id": "lulea-kommun", "metod-slug": "kundresa"},
    "post": {"person-id": "eva-berg", "organisation-id": "lulea-kommun"},
    "event": {"person-id": "eva-berg", "organisation-id": "lulea-kommun", "# location:": "location: Stadshuset"},
    "project": {"person-id": "eva-berg", "organisation-id": "lulea-kommun"},
    "idea": {"person-id": "eva-berg", "organisation-id": "lulea-kommun"},
    "training": {"person-id": "eva-berg", "organisation-id": "lulea-kommun"},
    "material": {"evenemang-slug": "innovationsdagen", "# external_url:": "external_url: https://example.org/bildspel"},
}


@pytest.mark.parametrize("ctype", CONTENT_TYPES, ids=lambda c: c.name)
def test_scaffold_has_every_field(arena: ArenaDir, ctype):
    path = new_item(arena.root, ctype, "Åtgärder för äldre", TODAY)
    text = path.read_text(encoding="utf-8")
    for name in ctype.model.model_fields:
        assert f"\n{name}:" in text or f"\n# {name}:" in text, f"{name} missing from scaffold"
    assert path.name == "atgarder-for-aldre.md"


@pytest.mark.parametrize("ctype", CONTENT_TYPES, ids=lambda c: c.name)
def test_scaffold_validates_after_filling_placeholders(arena: ArenaDir, ctype):
    if ctype.name == "material":   # material belongs to an event: the typed fixture's
        shutil.copytree(Path(__file__).parent / "fixtures" / "types" / "events", arena.root / "events")
    path = new_item(arena.root, ctype, "Ny sak att pröva", TODAY)
    unfilled = [p for p in arena.problems() if p.startswith(path.relative_to(arena.root).as_posix())]
    assert unfilled, "placeholders must not pass validation unnoticed"
    text = path.read_text(encoding="utf-8").replace(": ''", ": Ifylld av redaktören")
    for placeholder, value in FILLED_IN[ctype.name].items():
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")
    assert arena.problems() == []


def test_scaffold_never_overwrites(arena: ArenaDir):
    before = arena.read("methods/kundresa.md")
    with pytest.raises(ScaffoldError, match="finns redan"):
        new_item(arena.root, METHOD, "Kundresa", dt.date(2026, 1, 1))
    assert arena.read("methods/kundresa.md") == before


@pytest.mark.parametrize(("title", "slug"), [
    ("Idéslussar", "ideslussar"),
    ("Åtgärdsplan för äldreomsorgen", "atgardsplan-for-aldreomsorgen"),
    ("Så gör vi: kundresa i 5 steg!", "sa-gor-vi-kundresa-i-5-steg"),
    ("  Mötesplats  digitalisering & innovation ", "motesplats-digitalisering-innovation"),
    ("Ögonblick – Örebro", "ogonblick-orebro"),
])
def test_swedish_slugs(title: str, slug: str):
    assert slugify(title) == slug
    assert is_slug(slug)


def test_title_without_letters_is_refused(arena: ArenaDir):
    with pytest.raises(ScaffoldError, match="ger inget filnamn"):
        new_item(arena.root, METHOD, "!!!", TODAY)
