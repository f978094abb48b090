"""`arena serve` (`make serve`): its address, a busy port, the problem banner and MkDocs' warnings in Swedish.

The preview in a real browser is tests/test_browser_preview.py; its rebuilds
compared with clean builds are tests/test_preview_incremental.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ArenaDir
from kunskapsarena_mkdocs.preview import problem_banner
from kunskapsarena_mkdocs.preview_address import AddressProblem, parse_address
from kunskapsarena_mkdocs.preview_build import FAILED, OK, WARNINGS
from kunskapsarena_mkdocs.preview_messages import editor_line


@pytest.mark.parametrize(("text", "expected"), [
    ("", ("127.0.0.1", 8000)),
    ("127.0.0.1:8123", ("127.0.0.1", 8123)),
    ("0.0.0.0:9000", ("0.0.0.0", 9000)),
    (":8123", ("127.0.0.1", 8123)),
    ("8123", ("127.0.0.1", 8123)),
    ("[::1]:8123", ("::1", 8123)),
    ("localhost:8001", ("localhost", 8001)),
])
def test_address(text, expected):
    assert parse_address(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("127.0.0.1", "adressen '127.0.0.1' saknar port; skriv värd:port, t.ex. ADDR=127.0.0.1:8000"),
    ("127.0.0.1:http", "porten i '127.0.0.1:http' ska vara ett tal mellan 1 och 65535, t.ex. ADDR=127.0.0.1:8000"),
    ("127.0.0.1:70000", "porten i '127.0.0.1:70000' ska vara ett tal mellan 1 och 65535, t.ex. ADDR=127.0.0.1:8000"),
])
def test_wrong_address(text, message):
    with pytest.raises(AddressProblem) as caught:
        parse_address(text)
    assert str(caught.value) == message


def test_busy_port_gives_one_clear_message(arena: ArenaDir):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        start = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(arena.root),
                                 "serve", "--addr", f"127.0.0.1:{port}"],
                                capture_output=True, text=True, timeout=60)
        elapsed = time.monotonic() - start
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"arena serve: porten {port} på 127.0.0.1 används redan av ett annat program (kanske en förhandsvisning "
        f"som redan är igång). Stäng det, eller välj en annan port: make serve ADDR=127.0.0.1:{port + 1}\n")
    assert elapsed < 20, "the port is checked before anything is built"


def test_make_serve_passes_the_address():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/arena serve $(if $(ADDR),--addr $(ADDR))" in makefile
    result = subprocess.run(["make", "-n", "serve", "ADDR=127.0.0.1:8123"], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent.parent, env={**os.environ, "MAKEFLAGS": ""})
    assert ".venv/bin/arena serve --addr 127.0.0.1:8123" in result.stdout


def test_banner_escapes_and_lists_every_problem():
    problems = ["methods/x.md:3: title: <script>alert(1)</script> & 'citat' (ledtråd)",
                "cases/y.md:9: year: ska vara ett heltal"]
    banner = problem_banner(problems, FAILED)
    assert "<script>" not in banner
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x27;citat&#x27; (ledtråd)" in banner
    assert banner.count("<li>") == 2
    assert "senaste versionen som gick att bygga" in banner
    assert 'role="alert"' in banner and "style=" not in banner
    assert problem_banner([], OK) == ""
    assert "make site" in problem_banner(["x"], WARNINGS)


def test_mkdocs_link_warnings_in_the_editors_form(tmp_path: Path):
    (tmp_path / "methods").mkdir()
    (tmp_path / "methods" / "x.md").write_text("---\ntitle: X\n---\n\n## Syfte\n\nSe [kundresan](../kundresa.md).\n",
                                               encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "om.md").write_text("# Om\n\n[Rubrik](index.md#saknas)\n", encoding="utf-8")
    sources = {"metoder/x.md": "methods/x.md", "om.md": "content/om.md"}
    line = editor_line("Doc file 'metoder/x.md' contains a link '../kundresa.md', but the target 'kundresa.md' is "
                       "not found among documentation files.", sources.get, tmp_path)
    assert line == ("methods/x.md:7: länk: '../kundresa.md' pekar på en sida eller fil som inte finns "
                    "(rätta adressen, eller skapa sidan)")
    line = editor_line("Doc file 'metoder/x.md' contains a link '../kundresa.md', but the target 'kundresa.md' is "
                       "not found among documentation files. Did you mean '../metoder/kundresa.md'?",
                       sources.get, tmp_path)
    assert line.endswith("(menade du '../metoder/kundresa.md'?)")
    line = editor_line("Doc file 'om.md' contains a link 'index.md#saknas', but the doc 'index.md' does not "
                       "contain an anchor '#saknas'.", sources.get, tmp_path)
    assert line == ("content/om.md:3: länk: 'index.md#saknas': sidan index.md har ingen rubrik med ankaret #saknas "
                    "(kontrollera rubriken, ankaret är rubriken med små bokstäver och bindestreck)")
    line = editor_line("Doc file 'om.md' contains an absolute link '/metoder/', it was left as is.",
                       sources.get, tmp_path)
    assert line.startswith("content/om.md:1: länk: '/metoder/' börjar med / och kontrolleras inte (")
    assert editor_line("Something else entirely", sources.get, tmp_path) == "Something else entirely"


def test_server_injects_reload_and_banner_and_stays_inside_the_site(tmp_path: Path):
    import threading
    import urllib.error
    import urllib.request

    from kunskapsarena_mkdocs.preview import Preview, _server
    from kunskapsarena_mkdocs.preview_address import bind
    from kunskapsarena_mkdocs.preview_build import BuildResult

    site = tmp_path / "site"
    (site / "idéer").mkdir(parents=True)
    (site / "idéer" / "index.html").write_text("<html><head></head><body class='x'><h1>Idéer</h1></body></html>",
                                               encoding="utf-8")
    (site / "404.html").write_text("<html><head></head><body>Saknas</body></html>", encoding="utf-8")
    (tmp_path / "hemlig.txt").write_text("hemlig", encoding="utf-8")
    preview = Preview(tmp_path, "/")
    sock = bind("127.0.0.1", 0)
    server = _server(sock, preview)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"

    def get(path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    try:
        status, body = get("/")
        assert status == 503 and "inte gått att bygga ännu" in body   # no good build yet
        preview.publish(BuildResult(OK), site)
        status, body = get("/id%C3%A9er")   # a folder without its slash: redirected, then served
        assert status == 200 and "<h1>Idéer</h1>" in body
        assert '<script src="/__arena/preview.js" data-version="1" defer></script></head>' in body
        assert "arena-preview-problems" not in body
        assert get("/../hemlig.txt")[0] == 404 and get("/%2e%2e/hemlig.txt")[0] == 404
        status, body = get("/finns-inte/")
        assert status == 404 and "Saknas" in body

        preview.publish(BuildResult(FAILED, ["methods/x.md:3: title: <b>fel</b>"]), None)
        status, body = get("/idéer/".replace("é", "%C3%A9"))
        assert status == 200 and "<h1>Idéer</h1>" in body, "the last good site stays"
        assert "<body class='x'><div class=\"arena-preview-problems\"" in body
        assert "methods/x.md:3: title: &lt;b&gt;fel&lt;/b&gt;" in body
        assert get("/__arena/wait?v=1")[1] == "2", "a page from an earlier build is told to reload at once"
        assert get("/__arena/preview.js")[0] == 200 and get("/__arena/preview.css")[0] == 200
    finally:
        server.shutdown()
        server.server_close()
