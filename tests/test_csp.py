"""The Content Security Policy the build writes (kunskapsarena/generate/csp.py) and where it goes.

The browser proves the policy works (tests/test_browser_csp.py); these tests pin what it says
and that settings can only add well-formed hosts to it.
"""

from __future__ import annotations

import pytest

from kunskapsarena.generate.csp import (
    admin_header_policy,
    admin_policy,
    embed_hosts,
    header_policy,
    inline_scripts,
    site_policy,
    with_policy,
)
from kunskapsarena.generate.editors.cms import admin_page

# 'wasm-unsafe-eval': the site search (Pagefind) compiles WebAssembly; eval() stays blocked.
SITE = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'")


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split("; "))}


def test_the_site_policy_allows_the_site_itself_and_nothing_inline():
    assert site_policy({}) == SITE
    assert site_policy(None) == SITE
    # Nothing inline and no eval: the one exception compiles WebAssembly only (the site search).
    assert "unsafe" not in SITE.replace("'wasm-unsafe-eval'", "")
    assert directives(SITE)["script-src"] == ["'self'", "'wasm-unsafe-eval'"]


def test_the_header_adds_frame_ancestors_which_a_meta_cannot_carry():
    assert header_policy({}) == SITE + "; frame-ancestors 'none'"
    assert "frame-ancestors" not in site_policy({})


def test_embed_hosts_become_the_only_frame_sources():
    extra = {"embeds": {"hosts": ["www.youtube-nocookie.com", "player.vimeo.com", "www.youtube-nocookie.com"]}}
    assert directives(site_policy(extra))["frame-src"] == ["https://www.youtube-nocookie.com",
                                                           "https://player.vimeo.com"]


@pytest.mark.parametrize("hosts", [
    ["x.example; script-src *"], ["https://x.example"], ["*.example"], ["x.example 'unsafe-inline'"],
    [42], "x.example", None, ["x.example/embed"], ["localhost"],
])
def test_anything_but_a_host_name_is_left_out_of_the_policy(hosts):
    """Settings are checked elsewhere; the policy never takes a value that could widen it."""
    assert embed_hosts({"embeds": {"hosts": hosts}}) == []
    assert directives(site_policy({"embeds": {"hosts": hosts}}))["frame-src"] == ["'none'"]
    assert embed_hosts({"embeds": "x.example"}) == []


def test_admin_policy_for_decap_is_looser_but_still_refuses_inline_script():
    policy = directives(admin_policy({"backend": {"name": "git-gateway"}}))
    assert policy["script-src"] == ["'self'", "'unsafe-eval'"]   # ajv's new Function, WebAssembly
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]  # emotion's <style> elements
    assert policy["connect-src"] == ["'self'", "https://www.netlifystatus.com"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert admin_header_policy({}).endswith("; frame-ancestors 'none'")


def test_admin_policy_reaches_the_configured_backend_and_script_host():
    cms = {"script": "https://cms.kommun.example/decap/decap-cms.js",
           "backend": {"name": "gitlab", "api_root": "https://git.kommun.example/api/v4",
                       "base_url": "https://git.kommun.example"}}
    policy = directives(admin_policy(cms))
    assert policy["script-src"] == ["'self'", "https://cms.kommun.example", "'unsafe-eval'"]
    assert policy["connect-src"] == ["'self'", "https://gitlab.com", "https://git.kommun.example"]
    github = directives(admin_policy({"backend": {"name": "github", "repo": "a/b"}}))
    assert github["connect-src"] == ["'self'", "https://api.github.com", "https://www.githubstatus.com"]


@pytest.mark.parametrize("url", ["http://git.example", "javascript:alert(1)", "https://x.example; script-src *",
                                 "https://x.example'", "//x.example"])
def test_backend_addresses_that_are_not_plain_https_are_left_out(url):
    policy = directives(admin_policy({"script": url, "backend": {"name": "proxy", "proxy_url": url}}))
    assert policy["connect-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'unsafe-eval'"]


def test_the_policy_goes_right_after_the_charset_and_only_once():
    page = '<!doctype html><html><head><meta charset="utf-8"><script src="a.js"></script></head></html>'
    done = with_policy(page, "script-src 'self'")
    assert done.startswith('<!doctype html><html><head><meta charset="utf-8">'
                           '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'"><script')
    assert with_policy(done, "other") == done


def test_the_cms_page_has_its_own_policy_and_no_inline_handler():
    page = admin_page(None, {"backend": {"name": "git-gateway"}})
    assert page.count("Content-Security-Policy") == 1
    assert "'unsafe-eval'" in page and "onerror" not in page
    assert '<script src="decap-cms.js"></script>\n<script src="cms-saknas.js"></script>' in page


def test_inline_scripts_are_counted_but_data_and_files_are_not():
    assert inline_scripts('<script src="a.js"></script><script id="__config" type="application/json">{}</script>') == 0
    assert inline_scripts("<script>alert(1)</script><SCRIPT type=module>x</SCRIPT>") == 2


def test_every_built_page_is_free_of_inline_script(demo_site):
    for path in demo_site.rglob("*.html"):
        assert inline_scripts(path.read_text(encoding="utf-8")) == 0, path


def test_only_the_live_preview_allows_inline_script():
    """`mkdocs serve` injects its live-reload script inline; the built site never allows it."""
    assert directives(site_policy({}, live_reload=True))["script-src"] == ["'self'", "'wasm-unsafe-eval'",
                                                                           "'unsafe-inline'"]
