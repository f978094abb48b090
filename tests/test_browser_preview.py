"""`arena serve` in Chromium: a broken file never hangs the preview, a banner says what is wrong.

A real `arena serve` (subprocess) on a free port, serving a small project; the
test edits its files as an editor would and watches the open page, which
reloads itself after each build (no navigation by the test).
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, copy_small_project

pytestmark = pytest.mark.build

BROKEN = ("methods/kundresa.md:11: difficulty: 'medium' finns inte bland lätt, medel, avancerad "
          "(menade du 'medel'?)")
CSP_CONSOLE = "Content Security Policy"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Serving:
    """`arena serve` of a project, its output lines readable as they come."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.lines: queue.Queue[str] = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "serve",
             "--addr", f"127.0.0.1:{self.port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL,
            env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"})
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "arena serve stopped:\n" + "\n".join(seen)
                continue
            seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no {text!r} from arena serve in {timeout} s:\n" + "\n".join(seen))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def timed_get(url: str) -> tuple[float, int, str]:
    start = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        body = response.read().decode("utf-8")
        return time.monotonic() - start, response.status, body


@pytest.fixture
def serving(tmp_path: Path):
    root = copy_small_project(tmp_path / "project")
    server = Serving(root)
    try:
        server.wait_for("Förhandsvisningen är igång")
        yield root, server
    finally:
        server.stop()


def test_a_broken_file_shows_a_banner_and_never_hangs(serving, browser):
    root, server = serving
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if CSP_CONSOLE in message.text else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        page.goto(f"{server.url}/metoder/kundresa/")
        assert page.locator("h1").first.inner_text().rstrip("¶") == "Kundresa"
        assert page.locator(".arena-preview-problems").count() == 0

        method = root / "methods" / "kundresa.md"
        good = method.read_text(encoding="utf-8")
        method.write_text(good.replace("difficulty: medel", "difficulty: medium"), encoding="utf-8")
        # The open page reloads itself when the build has failed, and shows the problem line.
        banner = page.locator(".arena-preview-problems")
        banner.wait_for(timeout=120_000)
        assert BROKEN in banner.inner_text()
        assert "senaste versionen som gick att bygga" in banner.inner_text()
        assert page.locator("h1").first.inner_text().rstrip("¶") == "Kundresa", "the last good page stays"
        # Every page answers at once with the banner, not only the one that is open.
        elapsed, status, body = timed_get(f"{server.url}/metoder/")
        assert status == 200 and elapsed < 1.0
        assert "difficulty: &#x27;medium&#x27; finns inte bland" in body

        # Fixed, with a new title: the banner goes and the change is on screen.
        method.write_text(good.replace("title: Kundresa", "title: Kundresan förnyad"), encoding="utf-8")
        elapsed, status, _ = timed_get(f"{server.url}/metoder/kundresa/")   # answered while it builds
        assert status == 200 and elapsed < 1.0
        page.locator("h1", has_text="Kundresan förnyad").wait_for(timeout=120_000)
        assert page.locator(".arena-preview-problems").count() == 0
        assert problems == [], "the preview's script and banner keep the Content-Security-Policy"
    finally:
        context.close()
