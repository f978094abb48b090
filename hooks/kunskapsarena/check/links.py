"""Links, anchors and images in bodies: where they point, written as source paths or as site paths.

An editor links the way GitHub, GitLab and VS Code follow: the other file's path
from this one (`../methods/kundresa.md`, `kundresa.md#syfte`), and puts images
beside the items (`cases/bilder/foto.jpg`, written `bilder/foto.jpg`). Items are
published elsewhere (`exempel/<slug>.md` in the docs tree), so:

- files beside items (everything but .md, never hidden files or links) are
  published in the docs folder of the type's pages (`beside_files`);
- a body's links and images that name a source file are rewritten to the
  docs path of its page or published copy (`rewrite_links`): the engine turns
  docs paths into URLs; links written as site paths (`../../metoder/x/`) stay;
- `link_problems` reports, at its line, a link to an item or page that does not
  exist, an image file that does not exist and an anchor (`#rubrik`) that is no
  heading of its target. External addresses are never fetched.

Links are found with the HTML policy's reading of a body (html_policy.py):
code is skipped the same way, so what is checked is what is rewritten.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.problems import Problem, did_you_mean
from kunskapsarena.source.discovery import PAGES_DIR, walk

from .body import headings
from .html_policy import _REFERENCE, _destination, _is_image, _LineMap, _prose
from .names import generated_names, url_section

FIELD = "body"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_HEADING_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*$")
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class BodyLink:
    start: int          # offset of the destination in the body
    end: int
    line: int
    destination: str
    image: bool


def body_links(body: str, first_line: int) -> list[BodyLink]:
    """Markdown links, images and reference definitions outside code, in order."""
    if "](" not in body and "]:" not in body:
        return []
    text = _prose(body, first_line)   # code blanked; every offset kept
    lines = _LineMap(text, first_line)
    found = []
    for match in re.finditer(r"\]\(", text):
        position = match.end()
        while position < len(text) and text[position] in " \t\n":
            position += 1
        destination = _destination(text, match.end())
        if text.startswith("<", position):
            position += 1
        if destination:
            found.append(BodyLink(position, position + len(destination), lines.line_of(match.start()),
                                  destination, _is_image(text, match.start())))
    for match in _REFERENCE.finditer(text):
        start = match.start(1) + (1 if match.group(1).startswith("<") else 0)
        destination = match.group(1).strip("<>")
        found.append(BodyLink(start, start + len(destination), lines.line_of(match.start(1)), destination,
                              False))
    return sorted(found, key=lambda link: link.start)


def _split(destination: str) -> tuple[str, str] | None:
    """(path, '?query#anchor' suffix) of a relative address; None for external and absolute ones."""
    if _SCHEME.match(destination) or destination.startswith(("/", "\\")):
        return None
    cut = min((i for i in (destination.find("#"), destination.find("?")) if i >= 0), default=len(destination))
    return destination[:cut], destination[cut:]


def _join(folder: str, path: str) -> str | None:
    joined = posixpath.normpath(posixpath.join(folder, unquote(path)))
    return None if joined == ".." or joined.startswith("../") else joined


def docs_folder(ctype: ContentType) -> str:
    """The docs folder of the type's item pages (`exempel`, `blog/posts`)."""
    return posixpath.dirname(ctype.page_uri("x"))


def beside_files(root: Path) -> dict[str, str]:
    """Files next to items (not .md, not hidden, no links): source path → docs path of the published copy."""
    found = {}
    for ctype in CONTENT_TYPES:
        folder = docs_folder(ctype)
        for path in walk(root, ctype.folder).files:
            if path.suffix != ".md":
                rel = path.relative_to(root / ctype.folder).as_posix()
                found[f"{ctype.folder}/{rel}"] = f"{folder}/{rel}" if folder else rel
    return found


def source_paths(root: Path, records_by_type) -> dict[str, str]:
    """Source path → docs path of every item page, content/ page and file beside items (for rewrite_links)."""
    found = {record.path: record.page_uri for records in records_by_type for record in records.values()}
    found.update({f"{PAGES_DIR}/{path.relative_to(root / PAGES_DIR).as_posix()}":
                  path.relative_to(root / PAGES_DIR).as_posix() for path in walk(root, PAGES_DIR).files})
    found.update(beside_files(root))
    return found


def rewrite_links(body: str, source_path: str, docs_uri: str, sources: dict[str, str]) -> str:
    """The body with links and images written as source paths pointing at the docs paths they became.

    `sources`: source path → docs path of every item page, content/ page and published file."""
    if "](" not in body and "]:" not in body:
        return body
    out, last = [], 0
    for link in body_links(body, 1):
        new = rewrite_path(link.destination, source_path, docs_uri, sources)
        if new != link.destination:
            out += [body[last:link.start], new]
            last = link.end
    return "".join(out) + body[last:] if out else body


def rewrite_path(destination: str, source_path: str, docs_uri: str, sources: dict[str, str]) -> str:
    """One relative address written from the source file, as seen from the page's docs path."""
    split = _split(destination)
    if split is None or not split[0]:
        return destination
    target = _join(posixpath.dirname(source_path), split[0])
    docs = sources.get(target) if target else None
    if docs is None:
        return destination
    new = posixpath.relpath(docs, posixpath.dirname(docs_uri) or ".")
    return destination if new == split[0] else new + split[1]


def slugify(text: str) -> str:
    """A heading's id as Python-Markdown's toc makes it (mkdocs.yml sets no slugify): å → a, ö → o."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def heading_ids(title: str | None, body: str) -> list[str]:
    """The ids the page's headings get: `{#id}` or the slug, numbered _1, _2 … when repeated."""
    ids: list[str] = []
    texts = ([title] if title else []) + [heading.text for heading in headings(body, 1)]
    for text in texts:
        explicit = _HEADING_ID.search(text)
        if explicit:
            ids.append(explicit.group(1))
            continue
        plain = _INLINE_LINK.sub(r"\1", text).replace("*", "").replace("`", "")
        value = slugify(plain)
        while value in ids or not value:
            number = re.match(r"^(.*)_([0-9]+)$", value)
            value = f"{number.group(1)}_{int(number.group(2)) + 1}" if number else f"{value}_1"
        ids.append(value)
    return ids


@dataclass
class _Page:
    source: str            # project-relative source path
    docs: str              # docs path
    url: str | None        # URL path of the page, directory style
    title: str | None
    body: str
    body_line: int

    @cached_property
    def ids(self) -> list[str]:
        return heading_ids(self.title, self.body)


@dataclass
class LinkTargets:
    """Everything a body may link to, by source path, docs path and URL."""

    root: Path
    pages: dict[str, _Page] = field(default_factory=dict)     # source path → page
    files: dict[str, str] = field(default_factory=dict)       # source path of a published file → docs path
    slugs: dict[str, set[str]] = field(default_factory=dict)  # type folder → slugs on disk

    @cached_property
    def by_docs(self) -> dict[str, _Page]:
        return {page.docs: page for page in self.pages.values()}

    @cached_property
    def by_url(self) -> dict[str, _Page]:
        return {page.url: page for page in self.pages.values() if page.url is not None}

    @cached_property
    def docs_files(self) -> set[str]:
        return set(self.files.values())

    def sources(self) -> dict[str, str]:
        """Source path → docs path: what rewrite_links needs."""
        return {**{source: page.docs for source, page in self.pages.items()}, **self.files}


def link_targets(root: Path, records, content_pages: Iterator[tuple[str, str, int]], slugs: dict[str, set[str]]
                 ) -> LinkTargets:
    """records: the arena's items; content_pages: (source path, body, first line) of each content/ page."""
    targets = LinkTargets(root=root, slugs=slugs)
    for record in records:
        targets.pages[record.path] = _Page(record.path, record.page_uri, record.url, record.title, record.body,
                                           record.body_line)
    for source, body, first_line in content_pages:
        docs = source[len(PAGES_DIR) + 1:]
        url = "" if docs == "index.md" else (docs[:-len("index.md")] if docs.endswith("/index.md")
                                             else docs[:-3] + "/")
        targets.pages[source] = _Page(source, docs, url, None, body, first_line)
    targets.files = beside_files(root)
    return targets


def link_problems(targets: LinkTargets, page: _Page) -> list[Problem]:
    """Every link, image and anchor in one page's body that points nowhere, at its line."""
    problems = []
    for link in body_links(page.body, page.body_line):
        split = _split(link.destination)
        if split is None:
            continue
        problem = _problem(targets, page, link, *split)
        if problem is not None:
            problems.append(Problem(page.source, link.line, FIELD, *problem))
    return problems


def _problem(targets: LinkTargets, page: _Page, link: BodyLink, path: str, suffix: str
             ) -> tuple[str, str] | None:
    shown = link.destination if len(link.destination) <= 60 else link.destination[:57] + "…"
    anchor = suffix.partition("#")[2]
    if not path:
        return _anchor_problem(page, anchor, shown, "") if anchor else None
    source_folder, docs_dir = posixpath.dirname(page.source), posixpath.dirname(page.docs)
    by_source = _join(source_folder, path)
    by_docs = _join(docs_dir, path)
    target = targets.pages.get(by_source) if by_source else None
    if target is None and by_docs is not None:
        target = targets.by_docs.get(by_docs)
    if target is None and not path.endswith(".md") and not posixpath.splitext(path.rstrip("/"))[1]:
        by_url = _join(page.url or "", path)   # a site path: ../../metoder/kundresa/
        if by_url is not None:
            target = targets.by_url.get(by_url.rstrip("/") + "/")
            if target is None:
                return _unknown_page(targets, page, shown, by_url.split("/"), url=True)
    if target is not None:
        return _anchor_problem(target, anchor, shown, target.docs) if anchor else None
    if _exists(targets, by_source, by_docs):
        return None
    if link.image or path.lower().endswith(IMAGE_SUFFIXES):
        return _missing_file(targets, page, path, shown)
    if path.endswith(".md"):
        return _unknown_md(targets, page, by_source, by_docs, shown)
    if by_source and posixpath.splitext(by_source)[1] and _beside_items(by_source, by_docs):
        return _missing_file(targets, page, path, shown)   # an attachment (.pdf) meant to lie beside the item
    return None   # another file the site may make itself (api/…json): not known here


def _beside_items(by_source: str, by_docs: str | None) -> bool:
    """Whether a path is in a type's folder (where the site makes nothing itself)."""
    for ctype in CONTENT_TYPES:
        if by_source.startswith(ctype.folder + "/"):
            folder = docs_folder(ctype)
            name = posixpath.basename(by_docs or "").split(".")[0]
            return not (by_docs and posixpath.dirname(by_docs) == folder and name in generated_names(folder))
    return False


def _exists(targets: LinkTargets, by_source: str | None, by_docs: str | None) -> bool:
    if by_source is not None and by_source in targets.files:
        return True
    if by_docs is not None and (by_docs in targets.docs_files or _regular_file(targets.root / PAGES_DIR / by_docs)):
        return True
    return False


def _regular_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _missing_file(targets: LinkTargets, page: _Page, path: str, shown: str) -> tuple[str, str]:
    here = posixpath.dirname(page.source) or "."
    near = [posixpath.relpath(source, here) for source in targets.files
            if posixpath.dirname(source).startswith(posixpath.dirname(page.source))]
    hint = did_you_mean(unquote(path), near)
    expected = _join(posixpath.dirname(page.source), unquote(path))
    folder = posixpath.dirname(expected) if expected else here
    return (f"filen '{shown}' finns inte",
            hint or f"lägg filen i mappen {folder}/ eller rätta sökvägen; den skrivs från den här filen, "
                    "t.ex. bilder/foto.jpg för en bild i undermappen bilder/")


def _unknown_md(targets: LinkTargets, page: _Page, by_source: str | None, by_docs: str | None,
                shown: str) -> tuple[str, str] | None:
    for ctype in CONTENT_TYPES:
        if by_source and by_source.startswith(ctype.folder + "/"):
            return _unknown_item(targets, page, ctype, posixpath.basename(by_source)[:-3], shown)
    if by_docs:
        parts = by_docs.split("/")
        return _unknown_page(targets, page, shown, parts[:-1] + [parts[-1][:-3]], url=False)
    return None


def _unknown_page(targets: LinkTargets, page: _Page, shown: str, parts: list[str], url: bool
                  ) -> tuple[str, str] | None:
    """A docs path or URL in a type's section whose item does not exist; elsewhere: not known here."""
    parts = [part for part in parts if part]
    for ctype in CONTENT_TYPES:
        section = url_section(ctype) if url else docs_folder(ctype)
        depth = section.count("/") + 1
        if "/".join(parts[:depth]) == section and len(parts) == depth + 1:
            name = parts[depth]
            if name in generated_names(section.split("/")[0]) or name in targets.slugs.get(ctype.folder, ()):
                return None
            return _unknown_item(targets, page, ctype, name, shown)
    return None


def _unknown_item(targets: LinkTargets, page: _Page, ctype: ContentType, slug: str, shown: str
                  ) -> tuple[str, str]:
    hint = did_you_mean(slug, targets.slugs.get(ctype.folder, ()))
    known = [source for source in targets.pages if source.startswith(ctype.folder + "/")
             and posixpath.basename(source)[:-3] == hint.partition("'")[2].partition("'")[0]] if hint else []
    if known:
        hint = f"menade du '{posixpath.relpath(known[0], posixpath.dirname(page.source) or '.')}'?"
    return (f"länken '{shown}' går till {ctype.label.lower()} '{slug}' som inte finns",
            hint or f"länka till filen i {ctype.folder}/ från den här filen, t.ex. "
                    f"{posixpath.relpath(ctype.folder, posixpath.dirname(page.source) or '.')}/namn.md")


def _anchor_problem(target: _Page, anchor: str, shown: str, where: str) -> tuple[str, str] | None:
    anchor = unquote(anchor)
    if not anchor or anchor in target.ids:
        return None
    hint = did_you_mean(anchor, target.ids)
    place = "på sidan" if not where else f"i {target.source}"
    listed = ", ".join(f"#{value}" for value in target.ids[:8])
    return (f"avsnittet '#{anchor}' i länken '{shown}' finns inte {place}",
            hint or (f"rubrikerna där har de här namnen: {listed}" if listed else
                     "sidan har inga rubriker att länka till; ta bort #…"))


def file_problem(targets: LinkTargets, page: _Page, path: str) -> bool:
    """Whether a file written relative to the page's source (image.src) exists where it is published from."""
    return _exists(targets, _join(posixpath.dirname(page.source), path), _join(posixpath.dirname(page.docs), path))
