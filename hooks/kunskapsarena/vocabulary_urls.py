"""Where the generated tag and organisation pages live (docs-relative paths)."""

from __future__ import annotations

from .slugs import slugify

TAG_SECTION = "taggar"
ORGANISATION_SECTION = "organisationer"


def tag_page_uri(tag: str) -> str:
    return f"{TAG_SECTION}/{slugify(tag)}.md"


def organisation_page_uri(org_id: str) -> str:
    return f"{ORGANISATION_SECTION}/{slugify(org_id)}.md"
