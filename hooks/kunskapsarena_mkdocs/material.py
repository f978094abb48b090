"""Material for MkDocs as the core's site engine: the blog plugin's addresses and Material's markup.

The blog plugin owns the posts: they sit in the docs tree below `<blog_dir>/posts/`, it
publishes them at `<blog_dir>/<post_url_format>/` and makes archive, category, pagination
and author pages below `<blog_dir>/`. Page templates get Material's markup (admonitions,
`.md-button` links) from templates/_engine.md.j2.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kunskapsarena.model.content_types import POST, ContentType
from kunskapsarena.model.engine import SiteEngine

# The blog plugin's settings the addresses below assume; on_config checks mkdocs.yml against them.
BLOG_DIR = "blog"
POST_URL_FORMAT = "{file}"   # the file name: the same slug rule as every other item
# BlogConfig's archive_url_format, categories_url_format, pagination_url_format and
# authors_profiles_url_format defaults: pages the plugin makes below blog_dir.
BLOG_PAGE_NAMES = frozenset({"archive", "category", "page", "author"})


class MaterialEngine(SiteEngine):
    markup_templates = Path(__file__).parent / "templates"
    reads_front_matter = frozenset({POST.name})   # the blog plugin reads each post's file itself

    def page_uri(self, ctype: ContentType, slug: str) -> str:
        return f"{BLOG_DIR}/posts/{slug}.md" if ctype.name == POST.name else super().page_uri(ctype, slug)

    def url(self, ctype: ContentType, slug: str) -> str:
        return f"{BLOG_DIR}/{slug}/" if ctype.name == POST.name else super().url(ctype, slug)

    def generated_names(self, section: str) -> frozenset[str]:
        return BLOG_PAGE_NAMES if section == BLOG_DIR else frozenset()

    def vocabulary_sections(self) -> Mapping[str, str]:
        return {"blog_categories": f"{BLOG_DIR}/category"}   # a page per category at blog/category/<slug>/


def blog_setup_problems(blog_config: Mapping) -> list[str]:
    """Settings of the blog plugin in mkdocs.yml that would move posts away from their known addresses."""
    expected = {"blog_dir": BLOG_DIR, "post_url_format": POST_URL_FORMAT}
    return [f"plugins: blog: {key}: ska vara \"{value}\" (arenan bygger länkar till inläggen med den adressen), "
            f"inte \"{blog_config.get(key)}\"" for key, value in expected.items() if blog_config.get(key) != value]
