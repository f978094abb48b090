"""The core knows no site engine: an engine says where items live, which names it takes and its markup."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO, TODAY, copy_small_project
from kunskapsarena import EVENT, POST, load_arena
from kunskapsarena.check.names import generated_names
from kunskapsarena.generate.pages import event_pages
from kunskapsarena.generate.render import environment
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.model.engine import SiteEngine, current_engine, use_engine
from kunskapsarena_mkdocs.material import MaterialEngine, blog_setup_problems


@pytest.fixture
def neutral_engine():
    before = current_engine()
    use_engine(SiteEngine())
    yield
    use_engine(before)


def test_the_adapter_selects_material():
    assert isinstance(current_engine(), MaterialEngine)
    assert POST.page_uri("hej") == "blog/posts/hej.md"
    assert POST.url("hej") == "blog/hej/"
    assert {"archive", "category", "page", "author"} <= generated_names("blog")


def test_without_an_engine_every_type_is_a_plain_section(neutral_engine):
    assert POST.page_uri("hej") == "blog/hej.md"
    assert POST.url("hej") == "blog/hej/"
    assert EVENT.page_uri("dag") == "evenemang/dag.md"
    assert generated_names("blog") == {"index"}


def test_the_core_alone_imports_no_engine():
    code = ("import sys, kunskapsarena.generate.outputs, kunskapsarena.check.validate; "
            "from kunskapsarena import POST; "
            "print(POST.page_uri('x'), sorted(m for m in sys.modules if m.split('.')[0] in "
            "('mkdocs', 'material', 'kunskapsarena_mkdocs')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=REPO / "hooks")
    assert done.stdout.strip() == "blog/x.md []"


def _event_page(arena) -> str:
    """A past event's page, rendered with its spec's context (the note and the buttons are engine markup)."""
    event = next(e for e in arena.of_type(EVENT) if e.data.end.date() < TODAY)
    context = event_pages.item_context(arena, event, SiteInfo(url="https://arena.example/", today=TODAY))
    return environment(arena).get_template("event.md.j2").render(
        page_uri=event.page_uri, item=event, data=event.data, **context)


def test_templates_take_markup_from_the_engine():
    arena = load_arena(REPO, today=TODAY)
    material = _event_page(arena)
    assert '!!! note "Evenemanget har redan ägt rum"' in material
    assert "{ .md-button .md-button--primary }" in material
    use_engine(SiteEngine())
    try:
        neutral = _event_page(arena)
    finally:
        use_engine(MaterialEngine())
    assert "> **Evenemanget har redan ägt rum**" in neutral
    assert "[Lägg till i din kalender](" in neutral
    assert "md-button" not in neutral and "!!!" not in neutral


def test_a_blog_setting_that_moves_posts_is_refused(tmp_path):
    assert blog_setup_problems({"blog_dir": "blog", "post_url_format": "{file}"}) == []
    root = copy_small_project(tmp_path / "arena")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('post_url_format: "{file}"',
                                                                  'post_url_format: "{date}/{slug}"'),
                      encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build",
                           "--site-dir", str(tmp_path / "site")], capture_output=True, text=True)
    assert done.returncode != 0
    assert 'plugins: blog: post_url_format: ska vara "{file}"' in done.stderr
    assert not (tmp_path / "site").exists()
