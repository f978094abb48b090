"""axe-core (pinned, from npm) on every page of the demo, light and dark: WCAG 2.0/2.1 A and AA."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser_harness import COLOR_SCHEMES, site_pages, themed_pages
from conftest import REPO
from kunskapsarena.generate.pages.statement import record_audit, source_digest
from kunskapsarena.source.clock import build_date

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STANDARD = "WCAG 2.1 nivå A och AA"


def axe_source() -> str:
    """axe.min.js as `make test` installs it (Makefile: AXE_CORE_VERSION, integrity-checked)."""
    configured = os.environ.get("AXE_CORE_JS")
    candidates = [Path(configured)] if configured else sorted(REPO.glob(".venv/axe-core-*/axe.min.js"))
    if not candidates or not candidates[-1].is_file():
        pytest.fail("axe-core is not installed: run the tests with `make test`, which installs it", pytrace=False)
    return candidates[-1].read_text(encoding="utf-8")


def audit(page, url: str, scheme: str, source: str, themed: bool) -> list[dict]:
    page.goto(url)
    page.wait_for_load_state("load")
    if themed:   # pages outside the theme (the editors' CMS shell) have no palette: audited as they are
        actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert actual == COLOR_SCHEMES[scheme], f"{url}: expected the {scheme} scheme, got {actual}"
    page.evaluate(source)
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))",
        WCAG_TAGS)


def summary(path: str, violations: list[dict]) -> str:
    lines = [f"{path}: {len(violations)} regel/regler bryts"]
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} "
                     f"({len(violation['nodes'])} element)")
        for node in violation["nodes"][:3]:
            reason = " ".join(node["summary"].split())[:200]
            lines.append(f"    {node['target']} — {reason}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", list(COLOR_SCHEMES))
def test_every_page_passes_axe(scheme, request, demo_site, site_url):
    digest = source_digest(REPO)   # the version the demo_site fixture was built from
    page = request.getfixturevalue(f"{scheme}_page")
    source = axe_source()
    pages = site_pages(demo_site)
    themed = set(themed_pages(demo_site))
    assert len(pages) >= 40, pages   # the whole demo, not a handful
    failures = []
    for path in pages:
        violations = audit(page, site_url + path, scheme, source, path in themed)
        if violations:
            failures.append(summary(path, violations))
    print(f"axe-core ({scheme}): {len(pages)} sidor, {len(failures)} med brister")
    if os.environ.get("ARENA_RECORD_AUDIT") == "1":   # `make audit`: the statement shows this result
        tool = "axe-core " + page.evaluate("axe.version")
        record_audit(REPO, scheme, build_date(), len(pages), len(failures), tool, STANDARD, digest)
    assert not failures, f"axe-core, {scheme} scheme, {len(failures)} of {len(pages)} pages:\n" + "\n".join(failures)

