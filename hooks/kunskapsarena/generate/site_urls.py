"""Site URLs of docs pages (directory URLs: 'metoder/kundresa.md' → 'metoder/kundresa/')."""

from __future__ import annotations


def page_url(docs_path: str) -> str:
    return docs_path[: -len("index.md")] if docs_path.endswith("index.md") else docs_path[:-3] + "/"


def url_href(target_url: str, from_url: str) -> str:
    """Finished link between two site URLs, for HTML the engine does not rewrite.

    The shortest form, as MkDocs writes links: '../skuggning/' from
    'metoder/kundresa/' to 'metoder/skuggning/'.
    """
    source = from_url.split("/")[:-1]
    target = target_url.split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "../" * (len(source) - common) + "/".join(target[common:]) or "./"


def href(target_docs_path: str, from_docs_path: str) -> str:
    """Finished link from one docs page to another."""
    return url_href(page_url(target_docs_path), page_url(from_docs_path))
