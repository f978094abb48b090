"""The preview's builder: one long-lived process that builds the site again after each change.

It runs apart from the preview's web server (preview.py), so the server answers
at once whatever a build is doing, and the builder itself has no threads: its
build may fork workers on every core like `arena build`. The hooks stay loaded
between builds (MkDocs loads a hooks file once per process), and so do the
caches of page_cache.py: a rebuild redoes only what its inputs changed.

Each build is a normal strict `mkdocs build` into a fresh folder, so the
result is the same site `arena build` makes of the same files. The server
swaps folders only after a build that wrote the whole site.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

OK, WARNINGS, FAILED = "ok", "warnings", "failed"


@dataclass
class BuildResult:
    state: str                                        # OK, WARNINGS (site complete) or FAILED (no site)
    problems: list[str] = field(default_factory=list)   # editors' lines, as `arena check` prints them
    seconds: float = 0.0
    reused: int = 0     # page steps (Markdown → HTML, themed page) taken from page_cache.py
    redone: int = 0     # page steps done again


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class Builder:
    """Builds root's site into a folder it is given; keeps hooks and caches between builds."""

    def __init__(self, root: Path, cache: bool = True) -> None:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        self.root = Path(root).resolve()
        self.cache = cache
        self._started = None   # the plugins of the first configuration: on_shutdown at the end

    def build(self, site_dir: Path) -> BuildResult:
        from mkdocs.commands import build as mkdocs_build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError

        from . import page_cache

        start = time.perf_counter()
        before = dict(page_cache.stats)
        captured = _Captured()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(captured)
        failure = None
        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            if self._started is None:
                # As `mkdocs build` does, once: the hooks choose their workers, parallel_pages
                # takes over MkDocs' page loops. `mkdocs serve` runs no page worker: it is threaded.
                config.plugins.on_startup(command="build", dirty=False)
                self._started = config.plugins
                if self.cache:
                    page_cache.install(self.root)
            page_cache.new_build(config)
            mkdocs_build.build(config)
        except ConfigurationError as exc:
            failure = f"mkdocs.yml: {exc}"
        except Abort as exc:
            failure = str(exc)
        except Exception as exc:   # the server must keep serving whatever a build does
            failure = f"{type(exc).__name__}: {exc}"
        finally:
            logger.removeHandler(captured)
        problems = self._editor_lines(captured.records)
        counts = {name: page_cache.stats[name] - before.get(name, 0) for name in page_cache.stats}
        reused = counts["converted_hits"] + counts["rendered_hits"] + counts["themed_hits"]
        done = BuildResult(OK, problems, time.perf_counter() - start, reused,
                           counts["pages"] * 2 - reused)
        if failure is None:
            return done
        if "in strict mode" in failure and not any(r.levelno >= logging.ERROR for r in captured.records):
            done.state = WARNINGS   # every file written, the warnings counted
            return done
        done.state, done.problems = FAILED, problems or [failure]
        return done

    def _editor_lines(self, records: list[logging.LogRecord]) -> list[str]:
        from . import page_cache
        from .preview_messages import editor_line

        lines: list[str] = []
        for record in records:
            message = record.getMessage()
            body = message.splitlines()
            # The hooks' content error: a heading, the problems (as `arena check` prints them), a count.
            if len(body) > 2 and "byggs inte" in body[0] and "make check" in body[-1]:
                lines.extend(body[1:-1])
                continue
            line = editor_line(message, page_cache.source_of, self.root)
            if line.startswith("Aborted with"):
                continue
            lines.append(line)
        return list(dict.fromkeys(lines))

    def close(self) -> None:
        if self._started is not None:
            self._started.on_shutdown()


def serve_builds(root: str, connection, cache: bool = True) -> None:
    """The builder process: build into each folder the server sends, answer with a BuildResult."""
    # A process group of its own (with the workers a build forks), which the server stops as one;
    # Ctrl-C in the terminal reaches the server only, which stops us in order.
    os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    builder = Builder(Path(root), cache=cache)
    try:
        while True:
            try:
                request = connection.recv()
            except (EOFError, KeyboardInterrupt):
                break
            if request is None:
                break
            connection.send(builder.build(Path(request)))
    finally:
        builder.close()
