"""Site URLs of docs pages (directory URLs: 'metoder/kundresa.md' → 'metoder/kundresa/')."""

from __future__ import annotations


def page_url(docs_path: str) -> str:
    return docs_path[: -len("index.md")] if docs_path.endswith("index.md") else docs_path[:-3] + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Link between two directory URLs such as 'metoder/' and 'exempel/x/' (raw HTML is not rewritten)."""
    return "../" * from_url.count("/") + to_url


def href(target_docs_path: str, from_docs_path: str) -> str:
    """Finished link from one page to another, for HTML the engine does not rewrite.

    The shortest form, as MkDocs writes links: '../skuggning/' between two methods.
    """
    source = page_url(from_docs_path).split("/")[:-1]
    target = page_url(target_docs_path).split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "../" * (len(source) - common) + "/".join(target[common:]) or "./"
