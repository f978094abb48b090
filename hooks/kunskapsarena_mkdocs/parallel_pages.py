"""Render pages on every core: `mkdocs build` works through pages one at a time.

A build spends nearly all its time in two per-page loops of
mkdocs.commands.build: Markdown → HTML (`_populate_page`) and HTML → themed
page file (`_build_page`). Pages do not depend on each other in either loop,
so at the first call of each loop this hook splits the pages among forked
processes (the main process takes a share too) and then lets MkDocs' loop run
as usual, handing it each page's finished state in MkDocs' own order:
- log records are captured per page and replayed at the page's turn, so
  messages keep their order and `--strict` counts every warning;
- the search plugin's entries are merged in page order, so the index, like
  every other file, is byte-identical to a serial build (tested);
- a page that failed, or whose worker died, is rendered again by the
  original MkDocs function in the loop, which reports the error as usual.

Pages of a plugin that keeps state across pages (the blog's posts and views)
stay in the main process, in order. An unknown plugin that handles page
events turns the hook off for the loop it takes part in, since its state
would be lost in a worker. The hook is also off for `mkdocs serve` (a
threaded server, where forking is unsafe), for --dirty builds, without fork
(Windows, macOS's default) and with KUNSKAPSARENA_WORKERS=1.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import mkdocs
from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from kunskapsarena.source.workers import can_fork, worker_count

log = logging.getLogger("mkdocs.hooks.parallel_pages")

# Page state that `_populate_page` sets (read_source, render, plugin events).
POPULATED_STATE = ("markdown", "meta", "content", "toc", "title", "_title_from_render",
                   "present_anchor_ids", "links_to_anchors")
# Plugins whose page events are known to be safe in a worker: search keeps its
# entries (merged here), the blog keeps state only for its own pages (serial).
# A hooks module opts in with `PARALLEL_SAFE_PAGE_EVENTS = True`.
SAFE_PLUGIN_MODULES = {"material.plugins.search.plugin", "material.plugins.blog.plugin"}
POPULATE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
BUILD_EVENTS = ("page_context", "post_page")
# A themed page costs about as much as this many characters of content.
TEMPLATE_COST = 8000

# The private functions replaced below and the page state copied back are those of this
# MkDocs release; another release builds in one process until this module is checked against it.
WRITTEN_FOR_MKDOCS = "1.6.1"

# Pages another layer already has (the preview's page_cache.py): left out of the loops here.
already_done: Callable[[Page, str], bool] = lambda page, loop: False

_original_populate = mkdocs_build._populate_page
_original_build = mkdocs_build._build_page


# ---------------------------------------------------------------- events

def on_startup(command: str, dirty: bool) -> None:
    if command == "build" and not dirty and worker_count() > 1 and can_fork():
        if mkdocs.__version__ != WRITTEN_FOR_MKDOCS:
            # A warning, so a --strict build stops: a silent fallback would hide the change.
            log.warning("parallel_pages is written for MkDocs %s, this is %s: the pages are built in one process. "
                        "Check POPULATED_STATE against the new release and update WRITTEN_FOR_MKDOCS, or set "
                        "KUNSKAPSARENA_WORKERS=1.", WRITTEN_FOR_MKDOCS, mkdocs.__version__)
            return
        mkdocs_build._populate_page = _populate_page
        mkdocs_build._build_page = _build_page


def on_config(config):
    global _populated, _built, _searches
    _populated = _built = None   # a fresh build
    _searches = []
    return config


def on_shutdown() -> None:
    mkdocs_build._populate_page = _original_populate
    mkdocs_build._build_page = _original_build


# ---------------------------------------------------------------- results

@dataclass
class PageResult:
    records: list[logging.LogRecord]
    state: dict[str, Any] | None = None        # populated state to install; None: already in place
    search_entries: list[list[dict]] = field(default_factory=list)   # per search plugin; [] if none
    error: Exception | None = None             # raised at the page's turn (main process only)


_populated: dict[str, PageResult] | None = None
_built: dict[str, PageResult] | None = None
_searches: list = []   # the build's search plugins, in the order of PageResult.search_entries


def _populate_page(page: Page, config, files, dirty: bool = False) -> None:
    global _populated
    if _populated is None:
        _populated = _populate_all(config, files)
    result = _populated.pop(page.file.src_uri, None)
    if result is None:
        return _original_populate(page, config, files, dirty)
    _replay(result)
    if result.state is not None:
        _install(page, result.state, files)


def _build_page(page: Page, config, doc_files, nav, env, dirty: bool = False, excluded: bool = False) -> None:
    global _built
    if _built is None:
        _built = _build_all(config, doc_files, nav, env)
    result = _built.pop(page.file.src_uri, None)
    if result is None:
        return _original_build(page, config, doc_files, nav, env, dirty, excluded)
    _replay(result)
    if result.search_entries:
        for plugin, entries in zip(_searches, result.search_entries, strict=True):
            plugin.search_index.entries.extend(entries)


# ---------------------------------------------------------------- the two loops

def _populate_all(config, files) -> dict[str, PageResult]:
    if not _events_safe(config, POPULATE_EVENTS):
        return {}
    pages = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)   # as MkDocs' loop does; it reuses file.page
        if file.page is not None and not already_done(file.page, "populate"):
            pages.append(file.page)

    def render(page: Page, in_worker: bool) -> PageResult:
        before = dict(page.__dict__) if in_worker else {}
        _original_populate(page, config, files)
        if not in_worker:
            return PageResult([])
        lost = sorted(key for key, value in page.__dict__.items()
                      if key not in POPULATED_STATE and (key not in before or before[key] is not value))
        if lost:
            # State set in a worker that is not copied back would vanish from the page without a trace:
            # a warning, replayed at the page's turn, so a --strict build stops and says why.
            log.warning("parallel_pages: rendering %s set page state that workers do not copy back (%s); add it "
                        "to POPULATED_STATE or set KUNSKAPSARENA_WORKERS=1", page.file.src_uri, ", ".join(lost))
        state = {key: page.__dict__[key] for key in POPULATED_STATE if key in page.__dict__}
        if state.get("links_to_anchors"):
            state["links_to_anchors"] = {f.src_uri: links for f, links in state["links_to_anchors"].items()}
        return PageResult([], state)

    return _run_shared(pages, _serial_prefixes(config), render, _source_size)


def _build_all(config, doc_files, nav, env) -> dict[str, PageResult]:
    global _searches
    if not _events_safe(config, BUILD_EVENTS):
        return {}
    _searches = _search_plugins(config)
    pages = [file.page for file in doc_files if file.page is not None and not already_done(file.page, "build")]

    def render(page: Page, in_worker: bool) -> PageResult:
        before = [len(plugin.search_index.entries) for plugin in _searches]
        _original_build(page, config, doc_files, nav, env, False, page.file.inclusion.is_excluded())
        entries = []
        for plugin, start in zip(_searches, before, strict=True):
            entries.append(plugin.search_index.entries[start:])
            # Merged back in page order at the page's turn, in every process.
            del plugin.search_index.entries[start:]
        return PageResult([], search_entries=entries if any(entries) else [])

    return _run_shared(pages, _serial_prefixes(config), render,
                       lambda page: TEMPLATE_COST + len(page.content or ""))


def _run_shared(pages: list[Page], serial_prefixes: tuple[str, ...],
                render: Callable[[Page, bool], PageResult],
                cost: Callable[[Page], int]) -> dict[str, PageResult]:
    """Render every page ahead of MkDocs' loop, on all workers.

    The main process first renders the pages that must stay in it (in their
    order), then joins the workers in taking pages from one shared queue,
    largest first, so all finish at about the same time.
    """
    workers = worker_count()
    serial = [page for page in pages if page.file.src_uri.startswith(serial_prefixes)]
    shared = [page for page in pages if not page.file.src_uri.startswith(serial_prefixes)]
    if workers < 2 or len(shared) < 2 * workers:
        return {}
    queue = _PageQueue(sorted(shared, key=lambda page: (-cost(page), page.file.src_uri)))
    context = mp.get_context("fork")
    children = []
    for _ in range(workers - 1):
        reader, writer = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(queue, render, writer), daemon=True)
        child.start()
        writer.close()
        children.append((child, reader))
    log.debug("Rendering %d pages in %d processes (%d in the main process only)",
              len(pages), workers, len(serial))
    results = _render_pages(iter(serial), render, in_worker=False)
    results.update(_render_pages(queue, render, in_worker=False))
    for child, reader in children:
        try:
            results.update({uri: PageResult(*fields) for uri, fields in reader.recv().items()})
        except EOFError:
            log.info("A page worker (pid %s) stopped early; its pages are rendered in the main process",
                     child.pid)
        reader.close()
        child.join()
    return results


class _PageQueue:
    """Pages handed out one at a time to whichever process asks first."""

    def __init__(self, pages: list[Page]) -> None:
        self._pages = pages
        self._next = mp.get_context("fork").Value("l", 0)

    def __iter__(self):
        return self

    def __next__(self) -> Page:
        with self._next.get_lock():
            index = self._next.value
            self._next.value += 1
        if index >= len(self._pages):
            raise StopIteration
        return self._pages[index]


def _child(queue: _PageQueue, render, writer) -> None:
    try:
        # A page that failed is left to MkDocs' loop, which reports the error as usual.
        # Plain tuples rather than PageResults: the pipe carries builtins only.
        writer.send({uri: (r.records, r.state, r.search_entries)
                     for uri, r in _render_pages(queue, render, in_worker=True).items() if r.error is None})
    finally:
        writer.close()


def _render_pages(pages, render, in_worker: bool) -> dict[str, PageResult]:
    results: dict[str, PageResult] = {}
    with _CapturedLogs() as captured:
        for page in pages:
            captured.records = []
            try:
                result = render(page, in_worker)
            except Exception as error:
                # Kept with its messages: rendering it again in the main process would
                # not repeat them (MkDocs' build logger drops duplicate messages).
                result = PageResult([], error=error)
            result.records = captured.records
            results[page.file.src_uri] = result
    return results


# ---------------------------------------------------------------- helpers

def _install(page: Page, state: dict[str, Any], files) -> None:
    links = state.get("links_to_anchors")
    if links:
        state = {**state, "links_to_anchors": {files.get_file_from_path(uri): anchors
                                               for uri, anchors in links.items()}}
    page.__dict__.update(state)


class _CapturedLogs(logging.Handler):
    """Holds MkDocs' log records, ready to be sent and replayed at the page's turn."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []
        self._logger = logging.getLogger("mkdocs")

    def __enter__(self) -> _CapturedLogs:
        self._saved = self._logger.handlers[:], self._logger.propagate
        self._logger.handlers[:] = [self]
        self._logger.propagate = False
        return self

    def __exit__(self, *exc) -> None:
        self._logger.handlers[:], self._logger.propagate = self._saved

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None   # picklable, as formatted
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def _replay(result: PageResult) -> None:
    """The page's messages at its turn; raises the page's error like MkDocs' own loop."""
    for record in result.records:
        # Past the loggers' filters, which saw the record when it was made.
        logging.getLogger(record.name).callHandlers(record)
    if result.error is not None:
        raise result.error


def _events_safe(config, events: tuple[str, ...]) -> bool:
    for event in events:
        for method in config.plugins.events[event]:
            owner = getattr(method, "__module__", None)
            module = sys.modules.get(owner or "")
            if owner not in SAFE_PLUGIN_MODULES and not getattr(module, "PARALLEL_SAFE_PAGE_EVENTS", False):
                log.info("Pages are rendered one at a time: %s handles '%s' events", owner, event)
                return False
    return True


def _serial_prefixes(config) -> tuple[str, ...]:
    """Folders whose pages a stateful plugin handles (the blog's posts and views)."""
    prefixes = []
    for plugin in config.plugins.values():
        if type(plugin).__module__ == "material.plugins.blog.plugin" and plugin.config.enabled:
            prefixes.append(plugin.config.blog_dir.strip("/") + "/")
    return tuple(prefixes)


def _search_plugins(config) -> list:
    return [plugin for plugin in config.plugins.values()
            if type(plugin).__module__ == "material.plugins.search.plugin" and plugin.config.enabled]


def _source_size(page: Page) -> int:
    file = page.file
    return os.path.getsize(file.abs_src_path) if file.abs_src_path else len(file.content_bytes)
