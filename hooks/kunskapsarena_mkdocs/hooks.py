"""MkDocs adapter: ask the core for problems and pages, hand them to MkDocs.

Events in build order. Items are MkDocs *generated* files (File.generated):
nothing is ever written into the source tree.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path

import yaml
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from kunskapsarena import CONTENT_TYPES, METHOD, POST, Arena, Severity, load_arena
from kunskapsarena.check.links import beside_files, rewrite_links, source_paths
from kunskapsarena.check.settings import check_settings
from kunskapsarena.check.statement import STATEMENT_PAGE, markdown_first_line
from kunskapsarena.generate import sanitise
from kunskapsarena.generate.blocks import Block, fill_blocks, page_blocks
from kunskapsarena.generate.csp import inline_scripts, site_policy, with_policy
from kunskapsarena.generate.escape import inert
from kunskapsarena.generate.html_parts import GeneratedPage
from kunskapsarena.generate.outputs import site_outputs
from kunskapsarena.generate.pages.material_pages import material_files, missing_captions
from kunskapsarena.generate.pages.print_deck import DECK_PAGE, fill_deck
from kunskapsarena.generate.pages.sections import nav_sections, pages_kept_out_of_nav
from kunskapsarena.generate.pages.statement import audit_summary, read_audit, render_statement, source_digest
from kunskapsarena.generate.search import Findable, findable_pages
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.model.problems import errors
from kunskapsarena.model.settings import Settings, SetupError
from kunskapsarena.source.clock import build_date
from kunskapsarena.source.discovery import hidden_output, published_tree_problems
from kunskapsarena.source.load import read_content_file
from kunskapsarena.source.settings_file import settings_document
from kunskapsarena.source.workers import worker_count
from kunskapsarena_mkdocs.authors import material_authors
from kunskapsarena_mkdocs.material import BLOG_DIR, blog_setup_problems
from kunskapsarena_mkdocs.nav import with_pages_kept_out, with_sections
from kunskapsarena_mkdocs.pagefind import IndexFailed, body_document, index_site, mark_page
from kunskapsarena_mkdocs.sitebuild import write_failure

log = logging.getLogger("mkdocs.hooks.kunskapsarena")

_arena: Arena | None = None
_blocks: dict[str, Block] = {}
_settings: Settings | None = None
_pages_with_parts: dict[str, GeneratedPage] = {}
_scratch = tempfile.TemporaryDirectory(prefix="kunskapsarena-")
_workers = 1
_policy = ""   # the Content Security Policy of every page (kunskapsarena/generate/csp.py)
_serving = False
_embed_hosts: tuple[str, ...] = ()
_sources: dict[str, str] = {}       # source path → docs path (check/links.py): links written as source paths
_post_sources: dict[str, str] = {}  # docs path of a blog post → its source path
_missing_captions = ""   # the statement's known gaps from material (filled in on_files)
_findable: dict[str, Findable] = {}   # item pages → what the site search knows of them (generate/search.py)
_dirty = False
_bodies = Path(_scratch.name) / "search"   # each indexed page's body, for Pagefind (on_post_page)
_page_dests: set[str] = set()   # this build's pages (on_env): bodies of others are dropped
# The page events only read what on_files prepared, so hooks/parallel_pages.py
# may run it in worker processes.
PARALLEL_SAFE_PAGE_EVENTS = True


def on_startup(command: str, dirty: bool) -> None:
    global _workers, _serving, _dirty
    _dirty = dirty   # only changed pages are rendered: the search indexes the whole site folder
    _serving = command == "serve"   # its live reload is an inline script: see on_config
    # Validate in parallel for one-off builds; `serve` runs a threaded
    # server, where forking worker processes is not safe.
    _workers = 1 if command == "serve" else worker_count()


# Priority 100: validate before any plugin's on_config, and before Material's
# blog plugin reads its authors file, which we point at people.yml's data.
@event_priority(100)
def on_config(config):
    global _arena, _settings, _embed_hosts
    config_dir = os.path.dirname(os.path.abspath(config.config_file_path))
    root = Path(config_dir).resolve()
    # mkdocs.yml's `extra` as MkDocs loaded it; the file itself only for the lines.
    settings, setting_problems = check_settings(config.extra, settings_document(Path(config.config_file_path)))
    _embed_hosts = tuple(settings.embeds.hosts) if settings is not None else ()
    arena = load_arena(root, workers=_workers)
    for problem in arena.problems:
        if problem.severity is Severity.WARNING:
            log.info("%s", problem)
    # MkDocs walks docs_dir following every link (a link to / walks the whole
    # disk) and publishes what it finds: a link there stops the build first.
    published = [os.path.relpath(folder, config_dir) for folder in (config.docs_dir, config.theme.custom_dir)
                 if folder]   # custom_dir: the theme's own files are copied too
    published = [folder for folder in published if not folder.startswith("..")]
    content_problems = errors(arena.problems) + published_tree_problems(root, published, arena.problems)
    found = setting_problems + content_problems
    if found:
        wrong = [what for bad, what in ((content_problems, "innehållet"),
                                        (setting_problems, "inställningarna i mkdocs.yml")) if bad]
        raise PluginError(f"{' och '.join(wrong).capitalize()} har fel; webbplatsen byggs inte:\n"
                          + "\n".join(map(str, found))
                          + f"\n{len(found)} fel. Kör 'make check' för samma lista.")
    _arena, _settings = arena, settings
    global _policy
    _policy = site_policy(settings.model_dump(), live_reload=_serving)
    _configure_blog(config, arena)
    _place_sections(config)
    return config


# The content types' sections come from their page specs, not from mkdocs.yml:
# a new type is in the nav, and its item pages out of it, without editing it.
def _place_sections(config) -> None:
    config.nav = with_sections(config.nav, nav_sections())
    config.not_in_nav = with_pages_kept_out(config.not_in_nav, pages_kept_out_of_nav())


def _configure_blog(config, arena: Arena) -> None:
    blog = config.plugins.get("material/blog")
    if blog is None:
        return
    problems = blog_setup_problems(blog.config)
    if problems:
        raise PluginError("mkdocs.yml: " + "\nmkdocs.yml: ".join(problems))
    authors_file = Path(_scratch.name) / "authors.yml"
    used = {pid for post in arena.of_type(POST) for pid in post.data.authors}
    authors_file.write_text(yaml.safe_dump(material_authors(arena.taxonomy, used), allow_unicode=True),
                            encoding="utf-8")
    # An absolute path survives the plugin's join with docs_dir.
    blog.config.authors_file = str(authors_file)
    blog.config.categories_allowed = list(arena.taxonomy.ids("blog_categories"))


def on_pre_build(config) -> None:
    # Bodies stay between the rebuilds of one process: a page the preview reuses from its cache
    # (page_cache.py) is not rendered again, and its body from the last build is still its body.
    # on_post_build drops the bodies of pages that are gone.
    _bodies.mkdir(parents=True, exist_ok=True)


# Default priority: runs before Material's blog plugin (-50), which picks
# posts out of the file list, so the posts we add here are seen as posts.
def on_files(files: Files, config) -> Files:
    global _arena
    assert _arena is not None, "on_config did not run"
    global _blocks
    site = SiteInfo(url=_site_url(config), today=build_date(), settings=_settings)
    try:
        outputs = site_outputs(_arena, site, workers=_workers)
    except SetupError as exc:
        raise PluginError(str(exc)) from None
    _pages_with_parts.clear()
    for uri, content in outputs.items():
        if isinstance(content, GeneratedPage):
            _pages_with_parts[uri] = content
            content = content.markdown
        elif uri.endswith(".html") and isinstance(content, str):   # redirect stubs; the CMS page has its own
            content = with_policy(content, _policy)
        _add(files, File.generated(config, uri, content=content))
    _blocks = page_blocks(_arena, site)
    global _missing_captions
    _missing_captions = missing_captions(_arena)
    global _findable
    _findable = findable_pages(_arena)
    for post in _arena.of_type(POST):
        _add(files, File.generated(config, post.page_uri, abs_src_path=str(post.abs_path)))
    # Images and other files beside items, published where the items' pages are (check/links.py).
    root = Path(config.config_file_path).parent.resolve()
    for source, uri in beside_files(root).items():
        _add(files, File.generated(config, uri, abs_src_path=str(root / source)))
    global _sources, _post_sources
    _sources = source_paths(root, _arena.records.values())
    _post_sources = {post.page_uri: post.path for post in _arena.of_type(POST)}
    for uri, source in material_files(_arena):   # PDF, MP4, WebVTT … beside material items
        _add(files, File.generated(config, uri, abs_src_path=source))
    _point_edit_links_at_sources(files, config, _arena.source_paths())
    hidden = hidden_output(file.dest_uri for file in files if file.inclusion.is_included())
    if hidden:
        raise PluginError(f"{hidden}: dolda filer och mappar (namn som börjar med punkt, t.ex. .git "
                          "eller .env) publiceras aldrig; ta bort undantaget för dem ur exclude_docs i mkdocs.yml")
    # Everything MkDocs needs is in `files` now; thousands of records kept
    # alive for the rest of the build would only slow its garbage collector.
    _arena = None
    return files


def _point_edit_links_at_sources(files: Files, config, sources: dict[str, str]) -> None:
    """"Redigera sidan" on an item opens its real file (methods/…, not a generated page).

    MkDocs appends a file's edit_uri to the configured edit_uri, which points
    into docs_dir; a path relative to docs_dir ('../methods/x.md') resolves
    to the source file when the link is joined.
    """
    docs_dir = Path(config.docs_dir).resolve()
    root = Path(config.config_file_path).parent.resolve()
    for uri, source in sources.items():
        file = files.get_file_from_path(uri)
        if file is not None:
            file.edit_uri = Path(os.path.relpath(root / source, docs_dir)).as_posix()


def _site_url(config) -> str:
    url = config.site_url or ""
    return url if not url or url.endswith("/") else url + "/"


def _add(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        raise PluginError(f"content/{file.src_uri} krockar med en sida som arenan skapar; "
                          "byt namn på filen i content/")
    files.append(file)


# `mkdocs serve` rebuilds when any content folder changes. Folders are added
# here rather than under `watch:` in mkdocs.yml, where a folder that does not
# exist (an arena without events yet) would abort the build.
def on_serve(server, config, builder):
    root = Path(config.config_file_path).parent
    watched = {str(Path(path).resolve()) for path in config.watch}
    for ctype in CONTENT_TYPES:
        folder = (root / ctype.folder).resolve()
        if folder.is_dir() and str(folder) not in watched:
            server.watch(str(folder))
    return server


# Generated parts of hand-written pages: the accessibility statement's
# organisation, compliance status and latest audit (kunskapsarena/generate/pages/statement.py),
# and `<!-- arena:… -->` markers (the start page's next events, newest cases …)
# whose blocks were prepared in on_files.
def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri in _post_sources and not page.meta.get("description") and page.meta.get("summary"):
        page.meta["description"] = page.meta["summary"]   # a post's own description (made inert below)
    _escape_theme_meta(page)
    # Blog posts and content/ pages come to MkDocs as written: links to source files become docs paths
    # (the core's item pages are rewritten when rendered).
    source = _post_sources.get(page.file.src_uri) or (
        f"{Path(config.docs_dir).name}/{page.file.src_uri}" if not page.file.generated_by else None)
    if source is not None:
        markdown = rewrite_links(markdown, source, page.file.src_uri, _sources)
    if page.file.src_uri == STATEMENT_PAGE:
        try:
            root = Path(config.config_file_path).parent
            audit = audit_summary(read_audit(root), source_digest(root))
            source = read_content_file(root, Path(page.file.abs_src_path))
            markdown = render_statement(markdown, page.meta, _settings.organisation, config.site_name, audit,
                                        markdown_first_line(source), _missing_captions)
        except SetupError as exc:
            raise PluginError(str(exc)) from None
    if "arena:" not in markdown or page.file.abs_src_path is None:
        return markdown
    try:
        return fill_blocks(markdown, page.file.src_uri, _blocks,
                           f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    except SetupError as exc:
        raise PluginError(str(exc)) from None


# Material prints these front matter values into the page as HTML, unescaped
# (<title>, <meta name="description">, the header, the h1 of a post and its
# excerpt heading). Every page's values come from editors, so they are made
# inert text here, once, before any plugin or template reads them. Markup marks
# a value as done (a page may pass through this event twice, or across workers).
_THEME_META = ("title", "description")


def _escape_theme_meta(page) -> None:
    for key in _THEME_META:
        value = page.meta.get(key)
        if value is not None and not isinstance(value, Markup):
            page.meta[key] = inert(value)


# Generated pages get their fact cards and lists of links as finished HTML
# (kunskapsarena/generate/html_parts.py) after the Markdown conversion. Then the whole
# page is sanitised (kunskapsarena/generate/sanitise.py): defence in depth behind
# `arena check`'s HTML policy and the templates' escaping; iframes of allowed
# hosts become click-to-load. Lowest priority: whatever another plugin adds to
# the content is sanitised too.
@event_priority(-100)
def on_page_content(html: str, page, config, files) -> str:
    generated = _pages_with_parts.get(page.file.src_uri)
    if generated is not None:
        html = generated.fill(html)
    html = sanitise.sanitise_html(html, _embed_hosts)
    if _searchable(page):
        html = mark_page(html, page.title or "", _findable.get(page.file.src_uri))
    return html


# The site search indexes the pages visitors read: item pages and the hand-written pages in
# content/ (not generated listings, tag and organisation pages, the print deck, or the blog's
# index, which the blog plugin turns into a listing). A content page may opt out with
# `search: exclude: true` in its front matter.
def _searchable(page) -> bool:
    if page.file.src_uri in _findable:
        return True
    if getattr(page.file, "generated_by", None) is not None or page.file.src_uri == f"{BLOG_DIR}/index.md":
        return False
    search = (getattr(page, "meta", None) or {}).get("search")
    return not (isinstance(search, dict) and search.get("exclude") is True)


# The blog's index, archive and category pages show excerpts of the posts that
# Material's blog plugin converts itself, without on_page_content: sanitised
# here, after the plugin rendered them (its on_page_context runs at -100).
@event_priority(-110)
def on_page_context(context, page, config, nav):
    for excerpt in context.get("posts") or ():
        if isinstance(getattr(excerpt, "content", None), str):
            excerpt.content = sanitise.sanitise_html(excerpt.content, _embed_hosts)
    return context


# The print deck's cards take each method's body as converted on the method's
# own page (kunskapsarena/generate/pages/print_deck.py); every page is converted by now.
def on_env(env, config, files: Files):
    global _page_dests   # final addresses: the blog plugin moves its posts in its own on_files
    _page_dests = {file.dest_uri for file in files if file.is_documentation_page()}
    deck = files.get_file_from_path(DECK_PAGE)
    if deck is not None and deck.page is not None and deck.page.content is not None:
        deck.page.content = fill_deck(
            deck.page.content, lambda slug: _converted(files.get_file_from_path(METHOD.page_uri(slug)), config, files))
    return env


def _converted(file: File | None, config, files: Files) -> str | None:
    if file is None or file.page is None:
        return None
    if file.page.content is None:   # a --dirty build converts changed pages only
        file.page.read_source(config)
        file.page.render(config, files)
    return file.page.content


# Disk full or a read-only site folder: one Swedish line instead of a traceback.
def on_build_error(error: Exception) -> None:
    message = write_failure(error)
    if message:
        raise PluginError(message) from None


# Every themed page carries the Content Security Policy as its first <meta> after the charset.
# An inline script would be blocked by it: a theme upgrade that adds one fails the strict build
# here instead of breaking a feature in visitors' browsers.
def on_post_page(output: str, page, config) -> str:
    body = None if _dirty else body_document(output)
    target = _bodies / page.file.dest_uri
    if body is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    else:
        target.unlink(missing_ok=True)   # the page was indexed in an earlier rebuild
    if inline_scripts(output):
        log.warning("%s: sidan har %d inline-skript som säkerhetspolicyn (CSP) blockerar; flytta dem till "
                    "en fil som overrides/partials/javascripts/ gör (se README, Content Security Policy)",
                    page.file.src_uri, inline_scripts(output))
    return with_policy(output, _policy)


# The search index is built from the pages as written, in the folder MkDocs built into: for
# `arena build` the fresh folder that is swapped in only if this succeeds (a failed index
# fails the build and the previous site stays), for `mkdocs serve` its temporary folder.
def on_post_build(config) -> None:
    start, cpu = time.perf_counter(), _children_cpu()
    _drop_bodies_of_pages_gone(_page_dests)
    try:
        summary = index_site(config.site_dir, None if _dirty else _bodies)
    except IndexFailed as exc:
        raise PluginError(str(exc)) from None
    # scripts/bench.py --search reads the times from this line.
    log.info("Sökindex: %s (%.2f s, %.2f s CPU)", summary or "klart", time.perf_counter() - start,
             _children_cpu() - cpu)


def _drop_bodies_of_pages_gone(pages: set[str]) -> None:
    """Bodies kept from an earlier rebuild of a page this build does not have (deleted or renamed;
    a redirect page at its old address is no page)."""
    for body in [path for path in _bodies.rglob("*") if path.is_file()]:
        if body.relative_to(_bodies).as_posix() not in pages:
            body.unlink()


def _children_cpu() -> float:
    try:
        import resource  # Unix only
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def on_post_template(output: str, template_name: str, config) -> str:
    return with_policy(output, _policy) if template_name.endswith(".html") else output


def on_shutdown() -> None:
    _scratch.cleanup()
