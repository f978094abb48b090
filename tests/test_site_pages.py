"""The site's own pages in content/: each file read once, each mistake reported once."""

from __future__ import annotations

from kunskapsarena.check import site_pages
from kunskapsarena.check.site_pages import site_page_problems


def _page(root, name: str, text: str) -> None:
    path = root / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_every_page_is_read_once(tmp_path, monkeypatch):
    _page(tmp_path, "om.md", "---\ntitle: Om\n---\n\n# Om\n\nText.\n")
    _page(tmp_path, "tillganglighet.md", "---\ncompliance: delvis\n---\n\n# Redogörelse\n\n{{ site_name }}\n")
    _page(tmp_path, "guide/ny.md", "# Utan front matter\n\n![](bild.png)\n")
    reads = []
    real = site_pages.read_text
    monkeypatch.setattr(site_pages, "read_text", lambda root, path: reads.append(path.name) or real(root, path))
    problems = [str(problem) for problem in site_page_problems(tmp_path)]
    assert sorted(reads) == ["ny.md", "om.md", "tillganglighet.md"]
    assert problems == ["content/guide/ny.md:3: body: bilden saknar alternativtext "
                        "(beskriv bilden mellan hakparenteserna: ![Vad bilden visar](bild.png))"]


def test_a_front_matter_mistake_is_one_message(tmp_path):
    # Anchors are refused by the YAML limits; the theme's reader and ours used to report it once each.
    _page(tmp_path, "om.md", "---\ntitle: &namn Om\ndescription: *namn\n---\n\n# Om\n")
    problems = site_page_problems(tmp_path)
    assert len(problems) == 1, problems
    assert (problems[0].path, problems[0].field) == ("content/om.md", "front matter")


def test_the_statement_needs_front_matter_other_pages_do_not(tmp_path):
    _page(tmp_path, "om.md", "# Om\n")
    _page(tmp_path, "tillganglighet.md", "# Redogörelse\n\n{{ okänd }}\n")
    assert [(p.path, p.field, p.message) for p in site_page_problems(tmp_path)] == [
        ("content/tillganglighet.md", "front matter", "filen börjar inte med front matter")]
