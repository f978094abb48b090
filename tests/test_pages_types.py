"""Generated pages for the newer types, rendered by the core without MkDocs: blocks, pipeline, submission."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import TODAY, ArenaDir
from kunskapsarena import load_arena
from kunskapsarena.check.settings import check_settings
from kunskapsarena.generate.blocks import UnknownBlock, fill_blocks, page_blocks
from kunskapsarena.generate.outputs import site_outputs
from kunskapsarena.generate.pages.idea_pages import pipeline_counts, submission_links
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.model.settings import IdeaSubmissionSettings

SITE = SiteInfo(url="https://arena.example/", today=TODAY)


def test_pipeline_counts_follow_the_ideas(typed: ArenaDir):
    assert pipeline_counts(load_arena(typed.root, today=TODAY)) == [
        ("inkommen", "Inkommen", 0), ("bedöms", "Bedöms", 0), ("utvecklas", "Utvecklas", 0),
        ("testas", "Testas", 1), ("införd", "Införd", 0), ("avslutad", "Avslutad", 0)]
    typed.write("ideas/ny.md", (
        "---\ntitle: Ny idé\nsummary: Kort.\nsubmitted: 2026-11-20\norigin: medborgare\n"
        "organisation: lulea-kommun\nstatus: inkommen\nhistory:\n  - status: inkommen\n    date: 2026-11-20\n"
        "contacts: [eva-berg]\n---\n"))
    counts = {stage: count for stage, _, count in pipeline_counts(load_arena(typed.root, today=TODAY))}
    assert (counts["inkommen"], counts["testas"]) == (1, 1)


def test_blocks_fill_markers_with_links_relative_to_the_page(typed: ArenaDir):
    october = dt.date(2026, 10, 23)
    blocks = page_blocks(load_arena(typed.root, today=october), SiteInfo(url="", today=october))
    filled = fill_blocks("# Start\n\n<!-- arena:kommande-evenemang -->\n\nText.\n", "om/index.md", blocks, "content/om.md")
    assert "[Två dagar om tjänstedesign](../evenemang/tva-dagar.md)" in filled
    assert "Innovationsdagen" not in filled   # over on 2026-10-23
    assert filled.endswith("\nText.\n") and "arena:" not in filled


def test_unknown_block_names_file_line_and_suggestion(typed: ArenaDir):
    blocks = page_blocks(load_arena(typed.root, today=TODAY), SITE)
    with pytest.raises(UnknownBlock) as caught:
        fill_blocks("# Start\n\nText\n<!-- arena:idesluse -->\n", "index.md", blocks, "content/index.md")
    assert str(caught.value) == "content/index.md:4: arena:idesluse: okänt block (menade du 'idesluss'?)"


def test_submission_link_is_prefilled_from_the_template():
    links = submission_links(IdeaSubmissionSettings(url="https://git.example/new?file=ideas/x.md&value={content}"))
    assert links["submit_url"].startswith("https://git.example/new?file=ideas/x.md&value=---%0A%23%20Titel")
    assert links["mailto"] is None


@pytest.mark.parametrize(("config", "message"), [
    ({"url": "git.example/new?value={content}"},
     "mkdocs.yml:1: extra.idea_submission.url: 'git.example/new?value={content}' är ingen webbadress "
     "(skriv hela adressen, med https:// först)"),
    ({"url": "https://git.example/new?value={body}"},
     "mkdocs.yml:1: extra.idea_submission.url: okänd platshållare {body} "
     "(använd {content} för den ifyllda filen och {title} för en rubrik)"),
    ({"adress": "https://git.example"},
     "mkdocs.yml:1: extra.idea_submission.adress: okänt fält (tillåtna fält: url, label, email)"),
])
def test_bad_submission_config_is_explained(config, message):
    settings, problems = check_settings({"organisation": {"name": "X", "phone": "0771-123 45"},
                                         "idea_submission": config})
    assert list(map(str, problems)) == [message]


def test_without_a_git_host_the_page_explains_email(typed: ArenaDir):
    arena = load_arena(typed.root, today=TODAY)
    page = site_outputs(arena, SITE)["ideer/foresla.md"]
    assert "Lämna idén direkt i arenan" not in page
    assert "Kopiera mallen nedan" in page and "```text\n---\n# Titel" in page
