"""URL slugs: lowercase ASCII words joined by hyphens (`Idéslussar` → `ideslussar`)."""

from __future__ import annotations

import re

from slugify import slugify as _slugify

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str, separator: str = "-") -> str:
    """Swedish-friendly slug; the signature also fits Material's `post_slugify`."""
    return _slugify(text, separator=separator, lowercase=True)


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))
