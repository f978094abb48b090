"""mkdocs.yml `extra` is one typed model: every mistake is one message naming the file, line and key, all at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, TODAY, ArenaDir, copy_project
from kunskapsarena.check.settings import check_settings, settings_from_file
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.model.settings import Settings

DEMO_CONFIG = (REPO / "mkdocs.yml").read_text(encoding="utf-8")

# One broken setting of each kind, in a copy of the demo's mkdocs.yml (which a real build accepts otherwise).
MISTAKES = [
    ("  generator: false", "  generator: nej"),                                       # wrong type
    ("  organisation:\n", "  organisaton:\n"),                                     # misspelt, so missing
    ("    label: ", "    lable: "),                                                # misspelt key
    ("issue[description]={content}", "issue[description]={innehåll}"),                # bad placeholder
    ("    script: decap-cms.js", "    script: 'https://cdn.example/decap.js\"><script>'"),   # unsafe URL
    ("      name: git-gateway", "      name: gitgateway"),                            # not a choice
    ("    hosts: []\n", "    hosts: [www.youtube-nocookie.com, 'https://vimeo.com/']\n"),
    # Tags MkDocs and Material use elsewhere in mkdocs.yml must not trouble the check.
    ("  - attr_list\n", "  - attr_list\n  - pymdownx.emoji:\n"
                        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"),
]


def broken_config() -> str:
    text = DEMO_CONFIG
    for old, new in MISTAKES:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


SCRIPT_LINE = "    script: 'https"


def line(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def expected_problems(text: str) -> list[str]:
    return [
        f"mkdocs.yml:{line(text, 'extra:')}: extra.organisation: saknas men måste finnas (tillgänglighetsredogörelsen "
        "behöver organisationens namn och kontaktuppgifter: lägg till name, email och phone)",
        f"mkdocs.yml:{line(text, 'generator: nej')}: extra.generator: ska vara true eller false, inte 'nej'",
        f"mkdocs.yml:{line(text, '    url: ')}: extra.idea_submission.url: okänd platshållare {{innehåll}} "
        "(använd {content} för den ifyllda filen och {title} för en rubrik)",
        f"mkdocs.yml:{line(text, 'lable:')}: extra.idea_submission.lable: okänt fält (menade du 'label'?)",
        f"mkdocs.yml:{line(text, 'organisaton:')}: extra.organisaton: okänt fält (menade du 'organisation'?)",
        f"mkdocs.yml:{line(text, '    hosts:')}: extra.embeds.hosts[1]: 'https://vimeo.com/' är inget värdnamn "
        "(skriv bara värdnamnet, utan https:// och sökväg, t.ex. www.youtube-nocookie.com)",
        f"mkdocs.yml:{line(text, SCRIPT_LINE)}: extra.cms.script: 'https://cdn.example/decap.js\"><script>' "
        "innehåller citattecken (\") (kopiera adressen från webbläsarens adressfält; mellanslag skrivs %20)",
        f"mkdocs.yml:{line(text, 'name: gitgateway')}: extra.cms.backend.name: 'gitgateway' finns inte bland "
        "git-gateway, github, gitlab, gitea, bitbucket, azure, proxy, test-repo (menade du 'git-gateway'?)",
    ]


def test_the_demo_settings_are_valid():
    settings, problems = settings_from_file(REPO / "mkdocs.yml")
    assert problems == []
    assert settings.organisation.name == "Kunskapsarenan (demo)"
    assert settings.cms.backend.model_dump(exclude_none=True) == {"name": "git-gateway", "branch": "main"}
    assert settings.embeds.hosts == [] and settings.generator is False


def test_every_mistake_is_reported_at_once_with_its_line(tmp_path: Path):
    text = broken_config()
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    settings, problems = settings_from_file(tmp_path / "mkdocs.yml")
    assert settings is None
    assert list(map(str, problems)) == expected_problems(text)


@pytest.mark.parametrize(("extra", "message"), [
    ({"organisation": {"name": "X", "phone": "0771-123 45"}, "idea_submission": {"url": "javascript:alert(1)"}},
     "extra.idea_submission.url: 'javascript:alert(1)' är ingen webbadress (skriv hela adressen, med https:// först)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"},
      "idea_submission": {"url": "https://git.example/new?v={content.__class__}"}},
     "extra.idea_submission.url: okänd platshållare {content.__class__} "
     "(använd {content} för den ifyllda filen och {title} för en rubrik)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"},
      "idea_submission": {"url": "https://git.example/new?v={title!r}"}},
     "extra.idea_submission.url: okänd platshållare {title!r} "
     "(använd {content} för den ifyllda filen och {title} för en rubrik)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"}, "idea_submission": {"url": "https://git.example/{"}},
     "extra.idea_submission.url: 'https://git.example/{' har en klammer ({ eller }) som inte hör till en "
     "platshållare (platshållare skrivs {title} eller {content}; skriv {{ eller }} för en klammer)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"},
      "social": [{"icon": "fontawesome/brands/github", "link": "https://x.example/a)<img src=x>"}]},
     "extra.social[0].link: 'https://x.example/a)<img src=x>' innehåller tecknet < "
     "(kopiera adressen från webbläsarens adressfält; mellanslag skrivs %20)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"}, "cms": {"script": "http://cms.example/decap-cms.js"}},
     "extra.cms.script: 'http://cms.example/decap-cms.js' ska börja med https:// "
     "(webbläsaren laddar inte skript över http:// på en webbplats med https://)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"},
      "social": [{"icon": "fontawesome/brands/github", "link": "https://x.example/a_(b"}]},
     "extra.social[0].link: 'https://x.example/a_(b' har en parentes som inte stängs "
     "(kontrollera att adressen är hel)"),
    ({"organisation": {"name": "X", "email": "webb@x.example>"}},
     "extra.organisation.email: 'webb@x.example>' är ingen giltig e-postadress (skriv t.ex. namn@kommun.se)"),
    ({"organisation": {"name": "X", "phone": 771123456}},
     "extra.organisation.phone: ska vara text, inte 771123456 (sätt texten inom citattecken)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"}, "cms": {"media_folder": "../../etc"}},
     "extra.cms.media_folder: '../../etc' är ingen giltig mapp "
     "(skriv en sökväg med bokstäver a–z, siffror, - och _, t.ex. content/assets/bilder)"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"}, "cms": "github"},
     "extra.cms: ska vara en grupp av fält"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"}, "embeds": {"hosts": "www.youtube.com"}},
     "extra.embeds.hosts: ska vara en lista (skriv t.ex. [a, b] eller ett värde per rad som börjar med '- ')"),
    ({"organisation": {"name": "X", "phone": "0771-123 45"}, "analytics": {"provider": "google"}},
     "extra.analytics: okänt fält (tillåtna fält: organisation, idea_submission, cms, embeds, generator, social)"),
    ({}, "extra.organisation: saknas men måste finnas (tillgänglighetsredogörelsen behöver organisationens namn "
         "och kontaktuppgifter: lägg till name, email och phone)"),
])
def test_each_kind_of_mistake_has_its_message(extra, message):
    settings, problems = check_settings(extra)
    assert settings is None
    assert list(map(str, problems)) == [f"mkdocs.yml:1: {message}"]


def test_embed_hosts_are_plain_host_names():
    settings, problems = check_settings({"organisation": {"name": "X", "phone": "0771-123 45"},
                                         "embeds": {"hosts": ["www.YouTube-nocookie.com", "player.vimeo.com"]}})
    assert problems == []
    assert settings.embeds.hosts == ["www.youtube-nocookie.com", "player.vimeo.com"]


def test_builders_get_default_settings_without_mkdocs_yml():
    site = SiteInfo(url="", today=TODAY)
    assert site.settings == Settings()
    assert site.settings.cms.script == "decap-cms.js" and site.settings.idea_submission.url is None


def test_env_tags_are_read_as_mkdocs_reads_them(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ARENA_TEST_PHONE", "0771-123 45")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nextra:\n  organisation:\n    name: X\n    phone: !ENV ARENA_TEST_PHONE\n"
        "    email: !ENV [ARENA_TEST_UNSET, webb@x.example]\n", encoding="utf-8")
    settings, problems = settings_from_file(tmp_path / "mkdocs.yml")
    assert problems == []
    assert (settings.organisation.phone, settings.organisation.email) == ("0771-123 45", "webb@x.example")


def test_broken_yaml_in_mkdocs_yml_is_one_problem(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nextra:\n  organisation: {name: X\n", encoding="utf-8")
    assert list(map(str, settings_from_file(tmp_path / "mkdocs.yml")[1])) == [
        "mkdocs.yml:4: YAML: ogiltig YAML: expected ',' or '}', but got '<stream end>' "
        "(kontrollera indraget och att listor och citattecken är stängda)"]


def test_arena_check_reports_the_settings_with_the_content(arena: ArenaDir):
    text = broken_config()
    arena.write("mkdocs.yml", text)
    arena.replace("methods/kundresa.md", "summary: ", "sumary: ")
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(arena.root), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        *expected_problems(text),
        "methods/kundresa.md:3: sumary: okänt fält (menade du 'summary'? det fältet saknas)"]
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_plain_mkdocs_build_stops_on_bad_settings_without_a_traceback(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    text = broken_config()
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "Inställningarna i mkdocs.yml har fel; webbplatsen byggs inte:\n" in result.stderr
    for problem in expected_problems(text):
        assert problem in result.stderr
    assert f"{len(expected_problems(text))} fel." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()
