"""Where the generated tag and organisation pages live (docs-relative paths)."""

from __future__ import annotations

from functools import cache

from .slugs import slugify

TAG_SECTION = "taggar"
ORGANISATION_SECTION = "organisationer"


@cache   # a few dozen values, asked for on every item page
def tag_page_uri(tag: str) -> str:
    return f"{TAG_SECTION}/{slugify(tag)}.md"


@cache
def organisation_page_uri(org_id: str) -> str:
    return f"{ORGANISATION_SECTION}/{slugify(org_id)}.md"
