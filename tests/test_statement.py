"""The accessibility statement: organisation from mkdocs.yml, compliance status, latest audit, footer link."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_harness import themed_pages
from conftest import REPO, copy_project
from kunskapsarena.check.settings import check_settings
from kunskapsarena.generate.pages.statement import (
    StatementError,
    audit_summary,
    read_audit,
    record_audit,
    render_statement,
    source_digest,
)
from kunskapsarena.model.settings import OrganisationSettings

ORGANISATION = OrganisationSettings(name="Exempelby kommun", email="tillganglighet@exempelby.example")
DIGEST = "ab" * 32
RECORD = {"tool": "axe-core 4.14.1", "standard": "WCAG 2.1 nivå A och AA",
          "schemes": {"light": {"date": "2026-11-20", "pages": 48, "pages_with_violations": 0, "source": DIGEST},
                      "dark": {"date": "2026-11-21", "pages": 48, "pages_with_violations": 0, "source": DIGEST}}}


def arena_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build",
                           "--site-dir", str(site_dir)],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def article_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.select_one("article.md-content__inner").get_text(" ").split())


# --- the core, without MkDocs ------------------------------------------------------------

# Without the parsed mkdocs.yml the settings check has no lines to give: line 1.
@pytest.mark.parametrize("extra, message", [
    ({}, "mkdocs.yml:1: extra.organisation: saknas men måste finnas (tillgänglighetsredogörelsen behöver "
         "organisationens namn och kontaktuppgifter: lägg till name, email och phone)"),
    ({"organisation": {"email": "a@b.example"}},
     "mkdocs.yml:1: extra.organisation.name: saknas men måste finnas (lägg till raden name: Exempelby kommun)"),
    ({"organisation": {"name": "Exempelby kommun"}},
     "mkdocs.yml:1: extra.organisation: ange email eller phone (dit besökare rapporterar brister i "
     "tillgängligheten)"),
    ({"organisation": {"name": "Exempelby kommun", "phone": "0771-123 45", "epost": "x"}},
     "mkdocs.yml:1: extra.organisation.epost: okänt fält (tillåtna fält: name, email, phone)"),
])
def test_organisation_must_name_who_answers_and_how_to_reach_them(extra, message):
    settings, problems = check_settings(extra)
    assert settings is None
    assert list(map(str, problems)) == [message]


def test_statement_fills_in_organisation_status_and_audit():
    markdown = ("{{ organisation.name }} står bakom {{ site_name }}, som är {{compliance}}.\n"
                "{{ contact_list }}\n{{ audit_summary }}\n")
    audit = audit_summary(RECORD, DIGEST)
    assert render_statement(markdown, {"compliance": "delvis"}, ORGANISATION, "Exempelarenan", audit) == (
        "Exempelby kommun står bakom Exempelarenan, som är delvis förenlig.\n"
        "- E-post: [tillganglighet@exempelby.example](mailto:tillganglighet@exempelby.example)\n"
        "Den senaste automatiska granskningen av den här versionen gjordes den 21 november 2026: alla 48 sidor "
        "granskades med "
        "axe-core 4.14.1 mot WCAG 2.1 nivå A och AA i ljust och mörkt läge. Inga brister hittades.\n")


PLACEHOLDERS = ("tillåtna platshållare: organisation.name, organisation.email, organisation.phone, site_name, "
                "compliance, audit_summary, contact_list, missing_captions")


@pytest.mark.parametrize("meta, markdown, message", [
    ({}, "x", "content/tillganglighet.md: compliance: 'None' ska vara en av helt, delvis, inte "
              "(hur väl webbplatsen uppfyller lagen)"),
    ({"compliance": "helt"}, "Text\n\n{{ organisation.adress }}",
     "content/tillganglighet.md:7: platshållare: '{{ organisation.adress }}' är ingen platshållare "
     f"(menade du 'organisation.name'? {PLACEHOLDERS})"),
    ({"compliance": "helt"}, "{{ org_name }} och {% if x %}",
     "content/tillganglighet.md:5: platshållare: '{% if x %}' stöds inte: villkor och andra mallkommandon körs "
     f"aldrig ({PLACEHOLDERS})\n"
     f"content/tillganglighet.md:5: platshållare: '{{{{ org_name }}}}' är ingen platshållare "
     f"(menade du 'site_name'? {PLACEHOLDERS})"),
])
def test_statement_errors_name_the_file_line_and_what_to_fix(meta, markdown, message):
    with pytest.raises(StatementError) as caught:
        render_statement(markdown, meta, ORGANISATION, "Arenan", "", first_line=5)
    assert str(caught.value) == message


def test_statement_never_evaluates_what_the_editor_wrote(tmp_path):
    """Jinja-style payloads are reported, never run, in check and in the build."""
    marker = tmp_path / "pwned"
    payload = f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}"
    with pytest.raises(StatementError) as caught:
        render_statement(f"Intro\n{payload}\n", {"compliance": "helt"}, ORGANISATION, "Arenan", "")
    assert "content/tillganglighet.md:2: platshållare: '{{ cycler.__init__.__globals__" in str(
        caught.value)
    root = copy_project(tmp_path / "arena")
    statement = root / "content" / "tillganglighet.md"
    statement.write_text(statement.read_text(encoding="utf-8") + "\n" + payload + "\n", encoding="utf-8")
    line = statement.read_text(encoding="utf-8").count("\n")
    check = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "check"],
                           capture_output=True, text=True)
    assert check.returncode != 0
    assert f"content/tillganglighet.md:{line}: platshållare:" in check.stdout + check.stderr
    build = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build"],
                           capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode != 0
    assert not marker.exists()


def test_audit_summary_reports_failures_and_a_missing_audit():
    failing = {**RECORD, "schemes": {**RECORD["schemes"],
                                     "dark": {**RECORD["schemes"]["dark"], "pages_with_violations": 3}}}
    assert audit_summary(failing, DIGEST).endswith("Brister hittades på 3 sidor i mörkt läge.")
    assert audit_summary(None, DIGEST) == "Ingen automatisk granskning har registrerats för webbplatsen ännu."


def test_an_audit_of_another_version_is_not_claimed_for_this_one():
    assert audit_summary(RECORD, "cd" * 32) == (
        "Den senaste automatiska granskningen gjordes den 21 november 2026 på en tidigare version av "
        "webbplatsen. Den här versionen har inte granskats sedan den ändrades.")


def test_source_digest_follows_content_and_theme_but_not_the_record(arena):
    (arena.root / "mkdocs.yml").write_text("site_name: X\n", encoding="utf-8")
    before = source_digest(arena.root)
    arena.write("data/accessibility-audit.yml", "schemes: {}\n")
    assert source_digest(arena.root) == before
    # Installed tools and caches that .gitignore leaves out differ between checkouts of one version.
    arena.write(".gitignore", "/content/admin/\n__pycache__/\n")
    before = source_digest(arena.root)
    arena.write("content/admin/decap-cms.js", "// installed by make cms\n")
    arena.write("hooks/__pycache__/x.pyc", b"\0")
    assert source_digest(arena.root) == before
    arena.replace("methods/kundresa.md", "Rita resan.", "Rita hela resan.")
    assert source_digest(arena.root) != before


def test_recorded_audit_round_trips_and_resets_for_another_tool(tmp_path: Path):
    (tmp_path / "data").mkdir()
    standard = "WCAG 2.1 nivå A och AA"
    record_audit(tmp_path, "light", dt.date(2026, 11, 20), 48, 0, "axe-core 4.14.1", standard, DIGEST)
    record_audit(tmp_path, "dark", dt.date(2026, 11, 21), 48, 0, "axe-core 4.14.1", standard, DIGEST)
    assert read_audit(tmp_path) == RECORD
    record_audit(tmp_path, "light", dt.date(2026, 12, 1), 50, 0, "axe-core 4.15.0", standard, DIGEST)
    assert set(read_audit(tmp_path)["schemes"]) == {"light"}


# --- the built demo --------------------------------------------------------------------------

def test_demo_statement_has_what_digg_requires(demo_site: Path):
    text = article_text(demo_site / "tillganglighet" / "index.html")
    assert "Kunskapsarenan (demo) står bakom webbplatsen Kunskapsarenan" in text
    assert "E-post: kunskapsarenan@arena.example" in text and "Telefon: 070-174 06 99" in text
    statuses = [s for s in ("helt förenlig", "delvis förenlig", "inte förenlig") if s in text]
    assert statuses == ["delvis förenlig"]
    # What DIGG lists for a statement: content that is not accessible and why, disproportionate
    # burden (12 §), content outside the law (9 §), the method, how to report, the supervisor.
    for heading in ("Innehåll som inte är tillgängligt", "Bristande förenlighet med lagkraven",
                    "Oskäligt betungande anpassning", "Innehåll som inte omfattas av lagstiftningen",
                    "Hur vi testat webbplatsen", "Rapportera brister i webbplatsens tillgänglighet", "Tillsyn"):
        assert heading in text, heading
    assert "självskattning" in text and "Redogörelsen uppdaterades senast den" in text
    soup = BeautifulSoup((demo_site / "tillganglighet" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('article a[href="https://www.digg.se/tdosanmalan"]') is not None
    assert soup.select_one('article a[href="mailto:kunskapsarenan@arena.example"]') is not None
    # The audit paragraph is the committed record's, rendered at build time.
    assert audit_summary(read_audit(REPO), source_digest(REPO)) in text
    assert "{{" not in text and "{%" not in text


def test_every_page_links_to_the_statement_from_its_footer(demo_site: Path):
    pages = themed_pages(demo_site)
    missing = []
    for path in pages:
        file = demo_site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        link = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one(
            "footer .ka-footer-links a")
        target = (file.parent / link["href"]).resolve() if link else None
        if path == "/404.html" and link:   # served at any depth: links are absolute
            target = demo_site / link["href"].lstrip("/")
        if link is None or link.get_text(strip=True) != "Tillgänglighetsredogörelse" or \
                target != (demo_site / "tillganglighet").resolve():
            missing.append(f"{path}: {link}")
    assert len(pages) >= 40
    assert not missing, "\n".join(missing)


@pytest.mark.build
def test_a_fork_gets_its_own_organisation_and_does_not_claim_our_audit(tmp_path: Path):
    root = copy_project(tmp_path / "fork")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("name: Kunskapsarenan (demo)", "name: Exempelby kommun")
                                     .replace("email: kunskapsarenan@arena.example",
                                              "email: webb@exempelby.example"), encoding="utf-8")
    result = arena_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    text = article_text(tmp_path / "site" / "tillganglighet" / "index.html")
    assert "Exempelby kommun står bakom webbplatsen" in text
    assert "E-post: webb@exempelby.example" in text and "kunskapsarenan@arena.example" not in text
    # Its mkdocs.yml differs from the audited version, so the statement says so.
    assert "på en tidigare version av webbplatsen. Den här versionen har inte granskats" in text


@pytest.mark.build
def test_build_fails_without_an_organisation(tmp_path: Path):
    root = copy_project(tmp_path / "fork")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("    name: Kunskapsarenan (demo)\n", ""), encoding="utf-8")
    line = config[:config.index("  organisation:")].count("\n") + 1
    result = arena_build(root, tmp_path / "site")
    assert result.returncode != 0
    assert (f"mkdocs.yml:{line}: extra.organisation.name: saknas men måste finnas "
            "(lägg till raden name: Exempelby kommun)") in result.stdout   # `arena build` checks first
    assert not (tmp_path / "site").exists()
