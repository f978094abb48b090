"""Material from events: the rules with their messages, the demo's archive in a real build, the
recording's captions in Chromium, axe on the new pages."""

from __future__ import annotations

import pytest

from conftest import ArenaDir

MATERIAL = """---
title: Bildspel från välkomsten
summary: Bildspelet som visades när dagen började.
format: {format}
event: innovationsdagen
programme_item: Välkommen
speakers: [eva-berg, Petra Liuski]
files:
{files}
{extra}
published: 2026-01-10
---

## Om materialet

Vad bildspelet tar upp, i text.
"""


def write(arena: ArenaDir, name: str = "bildspel", format: str = "bildspel", files: tuple[str, ...] = (),
          extra: str = "") -> None:
    listed = "".join(f"  - src: filer/{f}\n    title: Filen {f}\n" for f in files) or "  []"
    arena.write(f"material/{name}.md", MATERIAL.format(format=format, files=listed.rstrip("\n"), extra=extra))
    for f in files:
        if not arena.path(f"material/filer/{f}").exists():
            arena.write(f"material/filer/{f}", b"x")


def mine(arena: ArenaDir) -> list[str]:
    return [p for p in arena.problems() if p.startswith("material/")]


def test_valid_slides_pass(typed: ArenaDir):
    write(typed, files=("bildspel.pdf",))
    assert mine(typed) == []


def test_recording_without_captions_is_an_error(typed: ArenaDir):
    write(typed, format="inspelning", files=("film.mp4",))
    assert mine(typed) == [
        "material/bildspel.md:4: captions: en inspelning måste ha textning (lägg en WebVTT-fil (.vtt) i "
        "files:, ange captions: med adressen till textningen eller captions: saknas och ett skäl i "
        "captions_reason:)"]


def test_recording_with_a_vtt_file_or_a_captions_address_passes(typed: ArenaDir):
    write(typed, "med-vtt", format="inspelning", files=("film.mp4", "film.vtt"))
    write(typed, "extern", format="inspelning",
          extra="external_url: https://video.example/film\ncaptions: https://video.example/film.vtt")
    assert mine(typed) == []


def test_missing_captions_needs_a_reason(typed: ArenaDir):
    write(typed, format="inspelning", files=("film.mp4",), extra="captions: saknas")
    assert mine(typed) == [
        "material/bildspel.md:11: captions_reason: saknas: ange varför inspelningen saknar textning "
        "(skriv skälet i captions_reason:)"]


def test_missing_captions_with_a_reason_passes(typed: ArenaDir):
    write(typed, format="inspelning", files=("film.mp4",),
          extra="captions: saknas\ncaptions_reason: Ljudet gick inte att texta.")
    assert mine(typed) == []


def test_programme_item_must_be_in_the_events_programme(typed: ArenaDir):
    write(typed, files=("bildspel.pdf",))
    typed.replace("material/bildspel.md", "programme_item: Välkommen", "programme_item: Välkomen")
    assert mine(typed) == [
        "material/bildspel.md:6: programme_item: 'Välkomen' finns inte i programmet för innovationsdagen "
        "(menade du 'Välkommen'?)"]


def test_files_must_exist(typed: ArenaDir):
    write(typed, files=("film.vtt", "bildspel.pdf"))
    typed.path("material/filer/bildspel.pdf").unlink()
    assert mine(typed) == [
        "material/bildspel.md:11: files[1].src: filen 'filer/bildspel.pdf' finns inte "
        "(lägg filen i material/ eller rätta sökvägen)"]


def test_files_must_be_of_a_known_format(typed: ArenaDir):
    write(typed, files=("bildspel.pdf", "bild.png"))
    assert mine(typed) == [
        "material/bildspel.md:11: files[1].src: 'filer/bild.png' är inte PDF, PPTX, MP4 eller WebVTT "
        "(spara filen i ett av de formaten)"]


def test_material_needs_files_or_an_address(typed: ArenaDir):
    write(typed)
    assert mine(typed) == [
        "material/bildspel.md:2: files: materialet har varken filer eller extern adress "
        "(lägg till files: med filer bredvid innehållsfilen eller external_url: med en adress)"]


def test_event_is_required_and_must_exist(typed: ArenaDir):
    write(typed, files=("bildspel.pdf",))
    typed.replace("material/bildspel.md", "event: innovationsdagen", "event: innovationsdag")
    found = mine(typed)
    assert len(found) == 1 and found[0].startswith("material/bildspel.md:5: event: "), found


# --- the demo, built once (the session's demo_site) -------------------------------------------

EVENT_PAGE = "evenemang/motesplats-digitalisering-och-innovation-2020/index.html"
RECORDING = "material/medborgardialog-pa-distans-inspelning/"


def test_past_event_page_is_its_archive(demo_site):
    html = (demo_site / EVENT_PAGE).read_text(encoding="utf-8")
    archive = html[html.index('id="dokumentation"'):html.index('id="kontakt"')]
    # Grouped by programme item, in programme order.
    assert archive.index("Varför vi digitaliserar – inledning") < archive.index("Medborgardialog på distans")
    assert archive.count('href="../../material/') == 6
    # Programme items link to their material.
    programme = html[html.index('id="program"'):html.index('id="dokumentation"')]
    assert ('<a href="../../material/medborgardialog-pa-distans-inspelning/">Inspelning: Medborgardialog på '
            'distans – inspelning</a>') in programme


def test_upcoming_event_has_no_archive(demo_site):
    html = (demo_site / "evenemang/motesplats-digitalisering-och-innovation-2026/index.html").read_text("utf-8")
    assert 'id="dokumentation"' not in html


def test_events_overview_marks_past_events_with_material(demo_site):
    html = (demo_site / "evenemang/index.html").read_text(encoding="utf-8")
    past = html[html.index("Tidigare evenemang"):]
    entry = past[past.index("Mötesplats digitalisering och innovation 2020"):]
    assert entry.index("Dokumentation finns") < entry.index("</li>")


def test_recording_page_has_video_with_captions_and_files_with_size(demo_site):
    html = (demo_site / RECORDING / "index.html").read_text(encoding="utf-8")
    assert '<video class="ka-video" controls="" preload="metadata" src="filer/medborgardialog-pa-distans.mp4">' in html
    assert ('<track kind="captions" srclang="sv" label="Svenska" src="filer/medborgardialog-pa-distans.vtt" '
            'default="">') in html
    assert "(Video (MP4), 50 kB)" in html
    assert (demo_site / RECORDING / "filer/medborgardialog-pa-distans.vtt").read_text("utf-8").startswith("WEBVTT")
    assert (demo_site / RECORDING / "filer/medborgardialog-pa-distans.mp4").stat().st_size < 200_000


def test_pdf_page_says_how_to_get_an_accessible_format(demo_site):
    html = (demo_site / "material/varfor-vi-digitaliserar-bildspel/index.html").read_text(encoding="utf-8")
    assert "Behöver du dokumentet i ett tillgängligt format" in html
    assert "(PDF, 1 kB)" in html
    assert (demo_site / "material/varfor-vi-digitaliserar-bildspel/filer/varfor-vi-digitaliserar.pdf"
            ).read_bytes().startswith(b"%PDF-1.4")


def test_statement_lists_recordings_without_captions(demo_site):
    html = (demo_site / "tillganglighet/index.html").read_text(encoding="utf-8")
    assert ('<li>Inspelningen <a href="../material/samtal-och-avslutning-inspelning/">Samtal och avslutning – '
            'inspelning</a> saknar textning. Ljudet från samtalet spelades in med för låg kvalitet') in html


def test_speakers_contact_entries_list_what_they_presented(demo_site):
    html = (demo_site / "kontakter/index.html").read_text(encoding="utf-8")
    ahmed = html[html.index('id="ahmed-karimi"'):]
    ahmed = ahmed[:ahmed.index("<h3 id=")]
    presented = ahmed[ahmed.index("<strong>Har presenterat:</strong>"):]
    assert "Medborgardialog på distans – inspelning" in presented[:presented.index("</ul>")]


def test_material_bank_is_an_explorer_with_event_format_year_and_tag(demo_site):
    html = (demo_site / "material/index.html").read_text(encoding="utf-8")
    assert html.count("data-ka-item") == 6
    for key in ("event", "format", "year", "tag"):
        assert f'name="{key}"' in html, key


def test_material_is_in_open_data_and_its_feed(demo_site):
    import json

    items = json.loads((demo_site / "api/materials.json").read_text(encoding="utf-8"))
    items = items.get("items", items) if isinstance(items, dict) else items
    assert len(items) == 6
    recording = next(i for i in items if i["title"] == "Medborgardialog på distans – inspelning")
    assert recording["event"] == "motesplats-digitalisering-och-innovation-2020"
    assert (demo_site / "material-rss.xml").read_text(encoding="utf-8").count("<item>") == 6
    cases = json.loads((demo_site / "api/cases.json").read_text(encoding="utf-8"))
    cases = cases.get("items", cases) if isinstance(cases, dict) else cases
    assert {"name": "Växthuspriset", "year": 2020} in next(
        c for c in cases if c["title"] == "Affärsinnovation på Skellefteå Kraft")["awards"]


def test_case_page_shows_its_award(demo_site):
    html = (demo_site / "exempel/affarsinnovation-skelleftea-kraft/index.html").read_text(encoding="utf-8")
    assert "<div><dt>Utmärkelser</dt><dd>Växthuspriset 2020</dd></div>" in html


def test_method_and_case_pages_link_back_to_material(demo_site):
    html = (demo_site / "metoder/tjanstedesign/index.html").read_text(encoding="utf-8")
    assert "Tjänstedesign i praktiken – grafisk dokumentation" in html


# --- in Chromium ------------------------------------------------------------------------------

def test_caption_track_loads_and_its_cues_are_read(page, site_url):
    page.goto(f"{site_url}/{RECORDING}")
    page.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " t.mode = 'hidden'; return t.cues && t.cues.length > 0; }", timeout=15000)
    cues = page.evaluate("Array.from(document.querySelector('video').textTracks[0].cues, c => c.text)")
    assert cues == ["Välkomna till passet om medborgardialog på distans.",
                    "I våras fick vi flytta alla våra dialoger till nätet.",
                    "Det gick bättre än vi trodde – fler unga deltog."]
    assert page.evaluate("document.querySelector('track').readyState") == 2   # LOADED


@pytest.mark.parametrize("path", [RECORDING, "material/", "material/varfor-vi-digitaliserar-bildspel/",
                                  EVENT_PAGE.removesuffix("index.html")])
def test_new_pages_pass_axe(path, page, site_url):
    from test_browser_axe import audit, axe_source, summary

    violations = audit(page, f"{site_url}/{path}", "light", axe_source(), True)
    assert not violations, summary(path, violations)


# --- an external recording: click-to-load from an allowed host only ----------------------------

@pytest.fixture(scope="module")
def embed_site(tmp_path_factory):
    import os
    import shutil
    import subprocess
    import sys

    from conftest import MINIMAL, copy_small_project

    root = copy_small_project(tmp_path_factory.mktemp("embed") / "arena")
    shutil.copytree(MINIMAL.parent / "types" / "events", root / "events", dirs_exist_ok=True)
    arena = ArenaDir(root)
    arena.replace("mkdocs.yml", "    hosts: []", "    hosts: [video.example]")
    for name, host in (("tillaten", "video.example"), ("okand", "annan.example")):
        write(arena, name, format="inspelning",
              extra=f"external_url: https://{host}/film\ncaptions: https://{host}/film.vtt")
    write(arena, "fientlig", format="inspelning", files=("film.mp4",),
          extra="captions: saknas\ncaptions_reason: '<img src=x onerror=alert(1)> [länk](javascript:alert(1))'")
    arena.replace("material/fientlig.md", "title: Bildspel från välkomsten", "title: '<script>alert(1)</script>'")
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build"],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_external_recording_from_an_allowed_host_is_click_to_load(embed_site):
    html = (embed_site / "material/tillaten/index.html").read_text(encoding="utf-8")
    assert "<iframe" not in html
    assert '<figure class="ka-embed" data-ka-embed="https://video.example/film"' in html
    assert "Videon visas från video.example. När du klickar skickas uppgifter till video.example." in html
    assert '<a href="https://video.example/film.vtt">Textning till inspelningen</a>' in html


def test_external_recording_from_another_host_is_only_a_link(embed_site):
    html = (embed_site / "material/okand/index.html").read_text(encoding="utf-8")
    assert "<iframe" not in html and "ka-embed" not in html
    assert '<a href="https://annan.example/film">Öppna materialet på den externa webbplatsen</a>' in html


def test_editor_text_on_material_and_in_the_statement_stays_text(embed_site):
    for page in ("material/fientlig/index.html", "tillganglighet/index.html"):
        html = (embed_site / page).read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<script>alert" not in html and 'href="javascript:' not in html, page
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, page


def test_tag_and_organisation_pages_list_material(demo_site):
    tag = (demo_site / "taggar/medborgardialog/index.html").read_text(encoding="utf-8")
    assert "Medborgardialog på distans – inspelning" in tag
    org = (demo_site / "organisationer/helsingborgs-stad/index.html").read_text(encoding="utf-8")
    assert "Så arbetar Helsingborg med innovation – bildspel" in org
