"""The site search: Pagefind's markup on the pages and its index after the build.

Pagefind (the `pagefind-bin` wheel holds its binary) reads the built HTML and
writes a static index split into small fragments to `<site>/pagefind/`; the
visitor's browser fetches only the fragments a query needs
(overrides/assets/javascripts/search.js is the search box).

- Which pages: once one page has `data-pagefind-body`, Pagefind skips every
  page without it. Item pages and the hand-written pages in content/ get it
  (`mark_page`); listings, tag, organisation and print pages, the blog's own
  pages and the redirect stubs do not (kunskapsarena/generate/search.py).
- What on a page: the body only (not the header, nav or footer). Fact cards,
  contact cards, lists of links to other items and permalink signs are left
  out (EXCLUDE_SELECTORS) so that a page is found by its own text.
- Beside the text: the type (Metod, Gott exempel …) as metadata and as a
  filter, the other filters the models declare, and synonyms as hidden text.
- When: on_post_build, from the bodies on_post_page set aside (body_document), into
  the folder MkDocs just wrote. That is one place for
  `arena build` (which builds into a fresh folder and swaps it in only when
  MkDocs succeeds: a failed index stops MkDocs, so the old site stays),
  `mkdocs build`, and `mkdocs serve`, which builds into a temporary folder on
  every change.
"""

from __future__ import annotations

import subprocess
from html import escape
from pathlib import Path

from markupsafe import escape as escape_text

from kunskapsarena.generate.search import Findable

BUNDLE_DIR = "pagefind"
BODY_START = "<div data-pagefind-body>"
BODY_END = "<!-- /pagefind-body -->"
TITLE_WEIGHT = 10
LANGUAGE = "sv"   # Snowball's Swedish stemmer, whatever <html lang> a page has
# Parts of a page body that are not the page's own text (CSS selectors Pagefind skips).
EXCLUDE_SELECTORS = (
    ".headerlink",                 # the ¶ beside each heading
    ".ka-facts",                   # fact cards (phases, duration …): filters carry what matters
    ".ka-contacts",                # contact cards
    ".ka-aside",                   # lists of links to other items (html_parts.HtmlParts.aside)
    ".md-source-file",
    ".md-content__button",         # "Redigera sidan"
)


class IndexFailed(Exception):
    pass


def mark_page(html: str, title: str, findable: Findable | None) -> str:
    """A page's converted content inside Pagefind's body, with its metadata and filters.

    Every value is escaped here: titles, labels and synonyms come from editors.
    """
    # The title as the theme shows it: already inert (Markup) when it came from front matter.
    hidden = [f'<span data-pagefind-meta="title">{escape_text(title)}</span>']
    if findable is not None:
        hidden.append(f'<span data-pagefind-meta="type">{escape(findable.type_label, quote=False)}</span>')
        for name, values in findable.filters:
            hidden += [f'<span data-pagefind-filter="{escape(name)}">{escape(value, quote=False)}</span>'
                       for value in values]
    extra = ""
    if findable is not None and findable.terms:
        # Found by these words without showing them (weight 2: a synonym names what the page is about).
        extra = (f'<p hidden data-pagefind-weight="2">'
                 f'{escape(" · ".join(findable.terms), quote=False)}</p>')
    # The title counts most: above Pagefind's 7 for an h1, so a page whose title is the query
    # ranks above pages that mention it often.
    if "<h1" in html:
        html = html.replace("<h1", f'<h1 data-pagefind-weight="{TITLE_WEIGHT}"', 1)
    else:   # a blog post: the theme prints its title outside the content
        extra = f'<p hidden data-pagefind-weight="{TITLE_WEIGHT}">{escape_text(title)}</p>' + extra
    return (f'{BODY_START}'
            f'<div hidden data-pagefind-ignore>{"".join(hidden)}</div>{extra}{html}</div>{BODY_END}')


def body_document(page_html: str) -> str | None:
    """The indexed part of a finished page as a small document of its own, or None if it has none.

    Pagefind reads only the body anyway; handing it just that (not the theme's header, nav and
    footer around it) halves its indexing time.
    """
    start = page_html.find(BODY_START)
    end = page_html.find(BODY_END, start)
    if start < 0 or end < 0:
        return None
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>'
            f'{page_html[start:end]}</body></html>')


def index_site(site_dir: str | Path, bodies_dir: str | Path | None = None) -> str:
    """Write the index into site_dir/pagefind/; returns Pagefind's summary line, raises IndexFailed.

    `bodies_dir`: the pages' body_document()s at the pages' paths, indexed instead of site_dir's pages.
    """
    try:
        from pagefind_bin import get_executable
        binary = str(get_executable())
    except (ImportError, FileNotFoundError):
        raise IndexFailed("sökindexet kan inte byggas: pagefind-bin saknas (installera beroendena igen: "
                          "make .venv/.installed)") from None
    site_dir = Path(site_dir).resolve()
    source = ["--site", str(Path(bodies_dir).resolve()), "--output-path", str(site_dir / BUNDLE_DIR)] if bodies_dir \
        else ["--site", str(site_dir), "--output-subdir", BUNDLE_DIR]
    command = [binary, *source, "--force-language", LANGUAGE, "--exclude-selectors", ", ".join(EXCLUDE_SELECTORS)]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise IndexFailed("sökindexet kunde inte byggas (pagefind, kod "
                          f"{result.returncode}): " + " / ".join(detail))
    _remove_unused_ui(site_dir / BUNDLE_DIR)
    return _summary(result.stdout)


def _remove_unused_ui(bundle: Path) -> None:
    """Pagefind's ready-made search UIs: the site has its own box (overrides/partials/search.html)."""
    for path in bundle.glob("pagefind-*"):
        if path.name.endswith((".js", ".css")) and path.name != "pagefind-worker.js":
            path.unlink()


def _summary(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if "Indexed" in line]
    return "; ".join(lines)
