"""`arena serve` (`make serve`): the live preview an editor keeps open beside the text editor.

- The web server answers at once, always: it only reads the last good site
  from disk. Builds run in a separate process (preview_build.py), started
  again after every change the watcher reports (inotify through watchdog,
  no polling), and each writes a fresh folder; the server switches to it
  only when the whole site was written.
- While a file is broken the last good site stays up, and every page shows a
  banner with the problems in `arena check`'s form (`path:line: field:
  message (hint)`), in Swedish; MkDocs' link warnings are translated to the
  same form (preview_messages.py). The next good build removes it.
- Pages reload themselves after each build: /__arena/preview.js (a file, like
  the theme's scripts: the Content-Security-Policy allows no inline script)
  long-polls /__arena/wait. The banner is HTML the server writes into the
  page, escaped. The built folder itself is exactly what `arena build`
  writes; only the served copy of each page gets the banner and the script.
"""

from __future__ import annotations

import contextlib
import html
import multiprocessing as mp
import os
import posixpath
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .preview_address import AddressProblem, bind, parse_address
from .preview_build import FAILED, OK, WARNINGS, BuildResult, serve_builds

ASSETS = Path(__file__).parent / "preview_assets"
PREFIX = "/__arena/"
WAIT_SECONDS = 25
# Saves come in bursts (a temporary file, a rename, a second file): wait this long for quiet.
SETTLE_SECONDS = 0.03
IGNORED_PARTS = {".git", ".venv", "node_modules", "__pycache__", ".cache", ".pytest_cache", "site", "schemas"}
_EDITOR_TEMP = re.compile(r"(^\.#|~$|\.sw[a-z]$|^4913$|\.tmp$)")


class Preview:
    """What the server shows: the last good site, the problems of the last build, a version that changes."""

    def __init__(self, root: Path, mount: str = "/") -> None:
        self.root = root
        self.mount = mount
        self.site: Path | None = None
        self.problems: list[str] = []
        self.state = ""
        self.version = 0
        self.changed = threading.Condition()

    def publish(self, result: BuildResult, site: Path | None) -> None:
        with self.changed:
            if site is not None:
                self.site = site
            self.problems = result.problems
            self.state = result.state
            self.version += 1
            self.changed.notify_all()

    def snapshot(self) -> tuple[Path | None, int, list[str], str]:
        """Site, version, problems and state of one build, read together (a page and its reload version agree)."""
        with self.changed:
            return self.site, self.version, self.problems, self.state

    def wait(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


# ---------------------------------------------------------------- the web server

class _Handler(BaseHTTPRequestHandler):
    preview: Preview
    server_version = "Kunskapsarena-förhandsvisning"

    def log_message(self, format: str, *args) -> None:   # the terminal shows builds, not requests
        pass

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path.startswith(PREFIX):
            return self._arena(path[len(PREFIX):], head)
        mount = self.preview.mount
        if not path.startswith(mount):
            if path in ("/", "") or path + "/" == mount:
                return self._redirect(urllib.parse.quote(mount))
            return self._send(HTTPStatus.NOT_FOUND, b"", "text/plain", head)
        snapshot = self.preview.snapshot()
        site = snapshot[0]
        if site is None:
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, self._page(_waiting_page(), snapshot), "text/html",
                              head)
        relative = posixpath.normpath(path[len(mount):]).lstrip("/")
        if relative.startswith("..") or "\0" in relative:
            return self._send(HTTPStatus.NOT_FOUND, b"", "text/plain", head)
        target = site / relative if relative not in ("", ".") else site
        if target.is_dir():
            if not path.endswith("/"):
                return self._redirect(urllib.parse.quote(path) + "/")
            target = target / "index.html"
        status = HTTPStatus.OK
        if not target.is_file():
            target, status = site / "404.html", HTTPStatus.NOT_FOUND
        try:
            data = target.read_bytes()
        except OSError:   # the folder was replaced while we read it: the next request finds the new one
            data, target = b"", Path("x.txt")
        kind = _content_type(target.name)
        if kind == "text/html":
            data = self._page(data, snapshot)
        self._send(status, data, kind, head)

    def _page(self, data: bytes, snapshot: tuple) -> bytes:
        """The page with the preview's stylesheet, script and (when there are problems) the banner."""
        _, version, problems, state = snapshot
        text = data.decode("utf-8", "replace")
        head = (f'<link rel="stylesheet" href="{PREFIX}preview.css">'
                f'<script src="{PREFIX}preview.js" data-version="{version}" defer></script>')
        text = text.replace("</head>", head + "</head>", 1) if "</head>" in text else head + text
        banner = problem_banner(problems, state)
        if banner:
            match = re.search(r"<body[^>]*>", text)
            text = text[:match.end()] + banner + text[match.end():] if match else banner + text
        return text.encode("utf-8")

    def _arena(self, name: str, head: bool) -> None:
        if name.startswith("wait"):
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            try:
                seen = int(query.get("v", ["-1"])[0])
            except ValueError:
                seen = -1
            version = self.preview.wait(seen, WAIT_SECONDS)
            return self._send(HTTPStatus.OK, str(version).encode(), "text/plain", head)
        if name in ("preview.js", "preview.css"):
            return self._send(HTTPStatus.OK, (ASSETS / name).read_bytes(), _content_type(name), head)
        return self._send(HTTPStatus.NOT_FOUND, b"", "text/plain", head)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, data: bytes, kind: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or
                                                 kind.endswith(("json", "javascript")) else ""))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)


_TYPES = {".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".json": "application/json",
          ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
          ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon", ".xml": "application/xml",
          ".txt": "text/plain", ".ics": "text/calendar", ".csv": "text/csv", ".woff2": "font/woff2",
          ".woff": "font/woff", ".gz": "application/gzip", ".wasm": "application/wasm", ".yml": "text/yaml",
          ".map": "application/json", ".pdf": "application/pdf", ".xsl": "application/xml"}


def _content_type(name: str) -> str:
    return _TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")


def problem_banner(problems: list[str], state: str) -> str:
    """The banner every page shows while the last build had problems: escaped, one line per problem."""
    if not problems and state != FAILED:
        return ""
    if state == WARNINGS:
        heading = ("Varningar från senaste bygget. Sidan är uppdaterad, men <code>make site</code> "
                   "stoppar på dem:")
    else:
        heading = ("Innehållet har fel, så sidan visar den senaste versionen som gick att bygga. "
                   "Rätta felen och spara, så uppdateras sidan:")
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
    count = f"{len(problems)} {'problem' if len(problems) == 1 else 'problem'}" if problems else ""
    return (f'<div class="arena-preview-problems" role="alert" data-state="{html.escape(state)}">'
            f"<p><strong>Förhandsvisning:</strong> {heading}</p><ul>{items}</ul>"
            f'<p class="arena-preview-count">{count}</p></div>')


def _waiting_page() -> bytes:
    return ('<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Förhandsvisning</title></head>'
            "<body><main><h1>Webbplatsen har inte gått att bygga ännu</h1></main></body></html>").encode()


# ---------------------------------------------------------------- builds and the watcher

class _Builds:
    """Runs builds in the builder process, one at a time, into fresh folders; publishes each result."""

    def __init__(self, root: Path, preview: Preview, out: Path, report) -> None:
        self.root, self.preview, self.out, self.report = root, preview, out, report
        self.wanted = threading.Event()
        self.stopping = False
        self._process = None
        self._connection = None
        self._folders = 0
        self._retired: list[Path] = []
        self.started = None   # called once, after the first build

    def _start_builder(self) -> None:
        context = mp.get_context("spawn")   # no thread of this process comes along; forks freely
        parent, child = context.Pipe()
        self._process = context.Process(target=serve_builds, args=(str(self.root), child), daemon=False,
                                        name="arena-preview-builder")
        self._process.start()
        child.close()
        self._connection = parent

    def request(self) -> None:
        self.wanted.set()

    def run(self) -> None:
        while not self.stopping:
            self.wanted.wait()
            if self.stopping:
                break
            time.sleep(SETTLE_SECONDS)
            self.wanted.clear()
            self.build_once()
            if self.started is not None:
                self.started()
                self.started = None

    def build_once(self) -> BuildResult:
        self._folders += 1
        folder = self.out / f"site-{self._folders}"
        started = time.perf_counter()
        result = self._build(folder)
        site = folder if result.state in (OK, WARNINGS) else None
        previous = self.preview.site
        self.preview.publish(result, site)
        if site is not None and previous is not None and previous != site:
            # Requests that began on it finish first: remove it on the next swap.
            self._retire(previous)
        elif site is None:
            shutil.rmtree(folder, ignore_errors=True)
        self._say(result, time.perf_counter() - started)
        return result

    def _build(self, folder: Path) -> BuildResult:
        for _ in range(2):   # a builder that died (killed, out of memory) is started again once
            if self.stopping:
                break
            if self._process is None or not self._process.is_alive():
                self._start_builder()
            try:
                self._connection.send(str(folder))
                return self._connection.recv()
            except (EOFError, OSError, BrokenPipeError):
                self._process = None
        return BuildResult(FAILED, ["förhandsvisningens byggprocess stannade; starta om make serve"])

    def _retire(self, folder: Path) -> None:
        for old in self._retired:
            shutil.rmtree(old, ignore_errors=True)
        self._retired = [folder]

    def _say(self, result: BuildResult, seconds: float) -> None:
        when = time.strftime("%H:%M:%S")
        if result.state == OK:
            self.report(f"{when} Byggt på {seconds:.2f} s.")
        else:
            what = "varningar" if result.state == WARNINGS else "fel; visar senaste fungerande version"
            self.report(f"{when} Byggt på {seconds:.2f} s med {what}:\n" + "\n".join(result.problems))

    def stop(self) -> None:
        self.stopping = True
        self.wanted.set()
        if self._connection is not None:
            with contextlib.suppress(OSError, BrokenPipeError):
                self._connection.send(None)
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():   # in the middle of a build: stop it and the workers it forked
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self._process.pid, signal.SIGTERM)
                self._process.join(timeout=5)


def watched_folders(root: Path) -> list[Path]:
    """Everything a build reads: mkdocs.yml's folder (not recursively), docs_dir, content, data, theme."""
    from kunskapsarena.model.content_types import CONTENT_TYPES
    names = {"content", "data", "overrides", *(ctype.folder.split("/")[0] for ctype in CONTENT_TYPES)}
    return sorted(root / name for name in names if (root / name).is_dir())


def _watch(root: Path, builds: _Builds):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    watched: set[Path] = set()
    observer = Observer()

    class Changed(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            paths = [event.src_path, getattr(event, "dest_path", "") or ""]
            if all(not path or _ignored(root, Path(os.fsdecode(path))) for path in paths):
                return
            # A content folder created after the start (the first event): watch it too.
            for folder in watched_folders(root):
                if folder not in watched:
                    observer.schedule(self, str(folder), recursive=True)
                    watched.add(folder)
            builds.request()

    handler = Changed()
    observer.schedule(handler, str(root), recursive=False)
    for folder in watched_folders(root):
        observer.schedule(handler, str(folder), recursive=True)
        watched.add(folder)
    observer.daemon = True
    observer.start()
    return observer


def _ignored(root: Path, path: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return True
    if not parts:
        return True
    if len(parts) == 1 and not (path.suffix in (".yml", ".yaml") or (root / parts[0]).is_dir()):
        return True   # files beside mkdocs.yml other than the settings (README, Makefile)
    return (parts[0] in IGNORED_PARTS or parts[0].startswith((".site-", ".git"))
            or bool(_EDITOR_TEMP.search(parts[-1])))


# ---------------------------------------------------------------- `arena serve`

def serve(root: Path, address: str, report=None) -> int:
    """Run the preview until Ctrl-C; returns the exit code."""
    try:
        host, port = parse_address(address)
        sock = bind(host, port)
    except AddressProblem as exc:
        print(f"arena serve: {exc}", file=sys.stderr)
        return 1
    report = report or _say
    out = Path(tempfile.mkdtemp(prefix="kunskapsarena-preview-"))
    preview = Preview(root, _mount(root))
    builds = _Builds(root, preview, out, report)
    server = _server(sock, preview)
    threading.Thread(target=server.serve_forever, daemon=True, name="arena-preview-server").start()
    shown = f"http://{'[' + host + ']' if ':' in host else host}:{sock.getsockname()[1]}{preview.mount}"
    report(f"Förhandsvisningen startar på {shown} (avsluta med Ctrl-C).")
    observer = None
    stop = threading.Event()
    previous = {signum: signal.signal(signum, lambda *_: stop.set())
                for signum in (signal.SIGTERM, signal.SIGHUP) if threading.current_thread() is threading.main_thread()}
    builds.started = lambda: report(f"Förhandsvisningen är igång på {shown}; sidan uppdateras när du sparar.")
    try:
        observer = _watch(root, builds)
        builds.request()   # the first build, in the builds thread: this one only waits for a stop
        threading.Thread(target=builds.run, daemon=True, name="arena-preview-builds").start()
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if observer is not None:
            observer.stop()
        server.shutdown()
        server.server_close()
        builds.stop()
        shutil.rmtree(out, ignore_errors=True)
    return 0


def _say(text: str) -> None:
    print(text, flush=True)


def _server(sock: socket.socket, preview: Preview) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"preview": preview})
    server = ThreadingHTTPServer(sock.getsockname()[:2], handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    server.daemon_threads = True
    return server


def _mount(root: Path) -> str:
    """The site's path below its host (site_url), where `mkdocs serve` mounts it too."""
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        match = re.search(r"^site_url:\s*(\S+)", text, re.MULTILINE)
        path = urllib.parse.urlsplit(match.group(1).strip("'\"")).path if match else "/"
    except (OSError, ValueError):
        path = "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"
