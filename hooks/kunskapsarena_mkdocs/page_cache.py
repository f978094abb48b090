"""Pages kept between the preview's builds, each keyed on everything it is made of.

The preview's builder process (preview_build.py) builds the whole site after
every change, as `mkdocs build` does; this module makes the two expensive
per-page steps free for pages whose inputs did not change:

- Markdown → HTML (MkDocs' `_populate_page`, with every plugin's page events):
  keyed on the page's source bytes, its generated HTML parts, the list of
  files and their addresses (links resolve against it), mkdocs.yml and the
  build date. Pages whose text depends on more than their file (the start
  page's `<!-- arena:… -->` blocks, the accessibility statement) and the blog's
  pages (its plugin keeps state across pages) run every event again, and
  only their Markdown conversion is reused, keyed on the Markdown the events made.
- the themed page (MkDocs' `_build_page`): keyed on what the templates read:
  the page's HTML, table of contents, meta, title, addresses and neighbours,
  the whole nav, mkdocs.yml, the theme's overrides and the build date (for a
  blog post also its dates, read time, authors and categories; for the blog's
  index, archive and category pages every post's text, settings and links,
  since they show excerpts). A hit writes the same bytes and hands the search
  plugin the same entries.

What a step logged is kept with it and logged again on a hit, so warnings
never disappear from a rebuild and `--strict` counts them as before. A miss
runs whatever MkDocs' function is at the time (parallel_pages.py's, so misses
still use every core), and parallel_pages leaves the hits alone. Jinja
templates are compiled once per process (an in-memory bytecode cache, checked
against each template's source). `tests/test_preview_incremental.py` edits,
renames, deletes, adds, breaks and fixes files and compares the served site
with a clean `arena build`, byte for byte.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from kunskapsarena.check.statement import STATEMENT_PAGE

from . import parallel_pages

_root: Path | None = None
_sources: dict[str, str] = {}              # page src_uri → the editor's file, relative to the project
_converted: dict[str, tuple[str, bytes]] = {}   # src_uri → (key, pickled page state and log records)
_themed: dict[str, tuple[str, bytes]] = {}      # src_uri → (key, pickled output, search entries, records)
_build: dict[str, str] = {}                # this build's shared key parts
_previous_populate = _previous_build = None
_serial_prefixes: tuple[str, ...] = ()
stats = {"pages": 0, "converted": 0, "converted_hits": 0, "rendered": 0, "rendered_hits": 0, "themed": 0,
         "themed_hits": 0}


class _MemoryBytecode(jinja2.BytecodeCache):
    """Compiled templates for the life of the process; Jinja checks each against its source."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


def install(root: Path) -> None:
    """Put the caches in front of MkDocs' page loops (after parallel_pages took them over)."""
    global _root, _previous_populate, _previous_build
    _root = Path(root).resolve()
    _previous_populate, _previous_build = mkdocs_build._populate_page, mkdocs_build._build_page
    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page
    parallel_pages.already_done = _already_done
    _share_compiled_templates(_MemoryBytecode())
    global _original_theme_files
    _original_theme_files = Files.add_files_from_theme
    Files.add_files_from_theme = _add_files_from_theme


_original_theme_files = None
_theme_files: dict[tuple, list[tuple[str, str]]] = {}


def _add_files_from_theme(self: Files, env, config) -> None:
    """MkDocs lists the theme's folders at every build (Material's: 14 000 names, most of a rebuild's
    second); the list is kept while the theme's folders and the overrides are the same."""
    key = (tuple(config.theme.dirs), tuple(config.theme.static_templates), _build.get("theme"))
    found = _theme_files.get(key)
    if found is None:
        listed = Files([])
        _original_theme_files(listed, env, config)
        found = _theme_files[key] = [(file.src_uri, file.src_dir) for file in listed]
    for path, folder in found:
        if self.get_file_from_path(path) is None:   # as MkDocs: theme files never override docs_dir files
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


def _share_compiled_templates(cache: jinja2.BytecodeCache) -> None:
    """Every Jinja environment of this process (the theme's, the core's page templates) uses cache."""
    original = jinja2.Environment.__init__
    if getattr(original, "_arena_shared", False):
        return

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if self.bytecode_cache is None:
            self.bytecode_cache = cache

    init._arena_shared = True
    jinja2.Environment.__init__ = init


def new_build(config) -> None:
    """Called before each build: what every key of this build shares."""
    global _serial_prefixes
    _build.clear()
    _build["config"] = _digest(_read(Path(config.config_file_path)))
    _build["date"] = get_build_date()
    _build["theme"] = _tree_digest(Path(config.theme.custom_dir)) if config.theme.custom_dir else ""
    _serial_prefixes = parallel_pages._serial_prefixes(config)


def source_of(src_uri: str) -> str | None:
    """The editor's file behind a page (methods/x.md for an item page), relative to the project."""
    return _sources.get(src_uri)


# ---------------------------------------------------------------- Markdown → HTML

def _populate_page(page: Page, config, files, dirty: bool = False) -> None:
    _remember_source(page, config)
    stats["pages"] += 1
    _loop["files"] = files
    key = _converted_key(page, files)
    if key is None:
        return _populate_in_steps(page, config, files)
    stats["converted"] += 1
    cached = _converted.get(page.file.src_uri)
    if cached is not None and cached[0] == key:
        stats["converted_hits"] += 1
        state, records = pickle.loads(cached[1])
        _replay(records)
        links = state.get("links_to_anchors")
        if links:
            state["links_to_anchors"] = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
        page.__dict__.update(state)
        return None
    with _Recorded() as recorded:
        _previous_populate(page, config, files, dirty)
    state = {name: page.__dict__[name] for name in parallel_pages.POPULATED_STATE if name in page.__dict__}
    if state.get("links_to_anchors"):
        state["links_to_anchors"] = {f.src_uri: anchors for f, anchors in state["links_to_anchors"].items()}
    if page.content is not None:
        _converted[page.file.src_uri] = (key, pickle.dumps((state, recorded.records)))
    return None


def _populate_in_steps(page: Page, config, files) -> None:
    """MkDocs' `_populate_page` for pages whose text depends on more than their file (the blog's, the
    start page's blocks, the statement): every plugin event runs, only the Markdown conversion is
    reused, keyed on the Markdown the events made, the list of files and mkdocs.yml."""
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        key = _digest(repr((_build["config"], _files_key(files), page.file.src_uri, page.markdown)))
        cached = _rendered.get(page.file.src_uri)
        stats["rendered"] += 1
        if cached is not None and cached[0] == key:
            stats["rendered_hits"] += 1
            state, records = pickle.loads(cached[1])
            _replay(records)
            _install_rendered(page, state, files)
        else:
            with _Recorded() as recorded:
                page.render(config, files)
            state = {name: page.__dict__.get(name) for name in _RENDERED_STATE}
            _rendered[page.file.src_uri] = (key, pickle.dumps((_portable(state), recorded.records)))
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    except Exception as error:   # as MkDocs' own loop reports it
        message = f"Error reading page '{page.file.src_uri}':"
        if not isinstance(error, BuildError):
            message += f" {error}"
        logging.getLogger("mkdocs.commands.build").error(message)
        raise
    finally:
        config._current_page = None


# What Page.render sets (MkDocs 1.6.1; parallel_pages.WRITTEN_FOR_MKDOCS guards the release).
_RENDERED_STATE = ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")
_rendered: dict[str, tuple[str, bytes]] = {}


def _portable(state: dict) -> dict:
    if state.get("links_to_anchors"):
        state = {**state, "links_to_anchors": {f.src_uri: a for f, a in state["links_to_anchors"].items()}}
    return state


def _install_rendered(page: Page, state: dict, files) -> None:
    links = state.get("links_to_anchors")
    if links:
        state["links_to_anchors"] = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
    page.__dict__.update(state)


def _files_key(files) -> str:
    if "files" not in _build:
        _build["files"] = _digest(repr(sorted((f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files)))
    return _build["files"]


def _converted_key(page: Page, files) -> str | None:
    uri = page.file.src_uri
    if uri.startswith(_serial_prefixes) or uri == STATEMENT_PAGE:
        return None
    source = _source_bytes(page)
    if source is None or b"arena:" in source:
        return None
    _files_key(files)
    hooks = _hooks()
    parts = getattr(hooks, "_pages_with_parts", {}).get(uri) if hooks else None
    return _digest(repr((_build["config"], _build["date"], _build["files"], uri, source,
                         sorted(parts.parts.items()) if parts is not None else None)))


def _source_bytes(page: Page) -> bytes | None:
    file = page.file
    if file.abs_src_path:
        return _read(Path(file.abs_src_path))
    try:
        return file.content_bytes
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- themed pages

def _build_page(page: Page, config, doc_files, nav, env, dirty: bool = False, excluded: bool = False) -> None:
    _loop["nav"] = nav
    key = _themed_key(page, nav, excluded)
    if key is None:
        return _previous_build(page, config, doc_files, nav, env, dirty, excluded)
    stats["themed"] += 1
    searches = parallel_pages._search_plugins(config)
    cached = _themed.get(page.file.src_uri)
    if cached is not None and cached[0] == key:
        stats["themed_hits"] += 1
        output, entries, records = pickle.loads(cached[1])
        _replay(records)
        for plugin, added in zip(searches, entries, strict=True):
            plugin.search_index.entries.extend(added)
        if output is not None:
            dest = Path(page.file.abs_dest_path)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(output)
        return None
    before = [len(plugin.search_index.entries) for plugin in searches]
    with _Recorded() as recorded:
        _previous_build(page, config, doc_files, nav, env, dirty, excluded)
    entries = [plugin.search_index.entries[start:] for plugin, start in zip(searches, before, strict=True)]
    dest = Path(page.file.abs_dest_path)
    output = dest.read_bytes() if dest.is_file() else None
    _themed[page.file.src_uri] = (key, pickle.dumps((output, entries, recorded.records)))
    return None


def _themed_key(page: Page, nav, excluded: bool) -> str | None:
    uri = page.file.src_uri
    post, view = _is_blog(page, "Post"), _is_blog(page, "View")
    if (uri.startswith(_serial_prefixes) and not (post or view)) or page.content is None:
        return None
    if "nav" not in _build:
        _build["nav"] = _digest(repr(_nav_shape(nav.items)))
    neighbours = [(p.title, p.url) if p is not None else None for p in (page.previous_page, page.next_page)]
    # A post's template also reads what the blog plugin gave it: dates, read time, authors, categories.
    blog = ((repr(dict(page.config)), [repr(dict(author)) for author in page.authors],
             [(category.title, category.url) for category in page.categories],
             (page.parent.title, page.parent.url) if page.parent else None) if post else None)
    # A view (the blog's index, archive and category pages) shows excerpts of posts, which the plugin
    # renders while the view is themed: every post's text, settings and links are its inputs.
    posts = _blog_posts(page) if view else None
    return _digest(repr((_build["config"], _build["date"], _build["theme"], _build["nav"], uri, page.url,
                         page.file.dest_uri, page.canonical_url, page.edit_url, page.title, repr(page.meta),
                         page.content, _toc_shape(page.toc), neighbours, page.is_homepage, excluded, blog,
                         posts)))


def _is_blog(page: Page, kind: str) -> bool:
    """A page of Material's blog plugin of that kind (Post, or View: index, archive, category)."""
    return any(base.__name__ == kind and base.__module__.startswith("material.plugins.blog")
               for base in type(page).__mro__)


def _blog_posts(view: Page) -> str:
    if "posts" not in _build:
        posts = []
        for page in _loop["files"].documentation_pages() if _loop["files"] is not None else ():
            post = page.page
            if post is not None and _is_blog(post, "Post"):
                posts.append((post.file.src_uri, post.url, post.title, post.markdown, repr(dict(post.config)),
                              [repr(dict(author)) for author in post.authors],
                              [(category.title, category.url) for category in post.categories],
                              getattr(post, "excerpt", None) is not None))
        _build["posts"] = _digest(repr((_build.get("files"), posts)))
    return _build["posts"]


def _already_done(page: Page, loop: str) -> bool:
    """For parallel_pages: pages this module will take from its cache are not rendered there."""
    if loop == "populate":
        key = _converted_key(page, _loop["files"])
        if key is None:
            return True   # converted in steps at its turn (_populate_in_steps), never ahead
        cached = _converted.get(page.file.src_uri)
    else:
        key = _themed_key(page, _loop["nav"], page.file.inclusion.is_excluded())
        cached = _themed.get(page.file.src_uri)
    return key is not None and cached is not None and cached[0] == key


# parallel_pages asks about every page when MkDocs' loop first calls it: the loop's files and nav.
_loop: dict = {"files": None, "nav": None}


# ---------------------------------------------------------------- helpers

def _nav_shape(items: Iterable) -> list:
    shape = []
    for item in items:
        children = getattr(item, "children", None)
        shape.append((type(item).__name__, item.title, getattr(item, "url", None),
                      _nav_shape(children) if children else None))
    return shape


def _toc_shape(toc) -> list:
    return [(item.title, item.url, item.level, _toc_shape(item.children)) for item in toc or ()]


def _remember_source(page: Page, config) -> None:
    """The editor's file behind the page, for messages: an item page's edit link points at it."""
    file = page.file
    root = _root or Path(config.config_file_path).parent
    if file.abs_src_path:
        path = Path(file.abs_src_path)
    elif file.edit_uri and not file.edit_uri.startswith(("http:", "https:")):
        path = Path(os.path.normpath(Path(config.docs_dir) / file.edit_uri))
    else:
        return
    try:
        _sources[file.src_uri] = path.resolve().relative_to(root).as_posix()
    except ValueError:
        pass


def _hooks():
    import sys
    return sys.modules.get("kunskapsarena_mkdocs.hooks")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _digest(value: str | bytes | None) -> str:
    if value is None:
        value = b""
    return hashlib.sha256(value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")).hexdigest()


def _tree_digest(folder: Path) -> str:
    entries = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath, name)
            entries.append((path.relative_to(folder).as_posix(), _digest(_read(path))))
    return _digest(repr(entries))


class _Recorded(logging.Handler):
    """What one page step logged (past MkDocs' loggers' filters), to log again on a cache hit."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def __enter__(self) -> _Recorded:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append((record.name, record.levelno, record.getMessage()))


def _replay(records: list[tuple[str, int, str]]) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)
