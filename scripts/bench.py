"""Benchmark: check and build times, page sizes, and our hooks' overhead.

Usage: python scripts/bench.py [--sizes 1000 5000] [--keep DIR] [--explore | --search | --people 20000 | --serve]

For each size it generates a synthetic arena (scripts/generate_arena.py),
then measures:
  check      `arena check` wall time (a fresh process, as editors run it)
  build      `mkdocs build` with our hooks, pages rendered on every core
             (hooks/kunskapsarena_mkdocs/parallel_pages.py)
  serial     the same build in one process (KUNSKAPSARENA_WORKERS=1)
  plain      `mkdocs build` of the *same* Markdown with plain Material: the
             generated pages and posts written into docs_dir (HTML parts
             inlined), hooks removed, the same nav, theme and plugins; one process.
             Its print deck has no card bodies (our build copies them in from
             the method pages), so plain is a little cheaper: overhead errs high
  overhead   serial / plain - 1 (what our hooks cost, core for core)
and sizes: HTML per item page (mean and max), site size per page, and
"ref ms": a fixed pure-Python loop timed before and after, for comparing rows.
With --explore it builds once per size and reports instead: the method
explorer page (HTML + explorer.js + explorer.css, raw and gzip) and the
whole Pagefind index (raw, gzip, per 1 000 items; a visitor fetches a small part).
With --search it compares the site search with the old one (Material's lunr,
built from a copy of the arena with the search plugin back): Chromium with 4x
CPU throttling, navigation start → first result shown (and typing → first
result: the search alone, without the page's own load) and the bytes the
search fetched, and how much of the build Pagefind's indexing takes (wall and CPU time:
the CPU share holds on a loaded machine).
Targets: first result ≤ 1 s at 1 000 items and ≤ 1.5 s at 10 000, ≤ 300 kB
fetched per query at 10 000, indexing ≤ 10 % of the build at 5 000. 1667 items hold
1 000 methods.
With --people N it measures a large data/people.yml instead: `arena check` and
the core's generated files (site_outputs, one process) for an arena of the
first --sizes items plus N/4 and N generated people, and how much the time grows
from N/4 to N people (≈ 4× or less: no quadratic cost per person).
With --serve it measures the preview loop instead: from saving a method's file
to the served page showing the change, with `arena serve` (the preview) and
with today's `mkdocs serve --strict` side by side, in the same run; size 0 is
the demo arena. Best and median of --runs saves (at least 3 for the preview).
It also times `arena build` of the arena and a second `arena build` of the
same, unchanged files (which reuses the first site).
Budgets (2 cores): 1 000 items ≤ 10 s, 5 000 ≤ 60 s, ≤ 60 kB HTML per item
page, check of 5 000 ≤ 1.5 s, overhead ≤ 5 %; 20 000 people add about a second
to the check (most of it libyaml composing the 2.6 MB file) and time grows at
most linearly with people (growth ×4 or less from N/4 to N).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_arena import generate  # noqa: E402
from kunskapsarena import CONTENT_TYPES, POST, load_arena  # noqa: E402
from kunskapsarena.generate.html_parts import GeneratedPage  # noqa: E402
from kunskapsarena.generate.outputs import site_outputs
from kunskapsarena.generate.site_info import SiteInfo  # noqa: E402
from kunskapsarena.source.clock import build_date  # noqa: E402
from kunskapsarena_mkdocs.authors import material_authors  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path, **env: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**ENV, **env}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def best_of(runs: int, command: list[str], cwd: Path, **env: str) -> float:
    return min(timed(command, cwd, **env) for _ in range(runs))


def plain_material_project(project: Path, target: Path) -> Path:
    """The same site as plain Markdown in docs_dir, built without our hooks."""
    arena = load_arena(project)
    docs = target / "docs"
    shutil.copytree(project / "content", docs)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for uri, content in site_outputs(arena, SiteInfo(config.get("site_url", ""), build_date())).items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, GeneratedPage):   # the HTML parts written into the Markdown
            (docs / uri).write_text(content.inline(), encoding="utf-8")
        elif isinstance(content, bytes):
            (docs / uri).write_bytes(content)
        else:
            (docs / uri).write_text(content, encoding="utf-8")
    for post in arena.of_type(POST):
        (docs / post.page_uri).write_bytes(post.abs_path.read_bytes())
    (docs / "blog" / ".authors.yml").write_text(
        yaml.safe_dump(material_authors(arena.taxonomy), allow_unicode=True), encoding="utf-8")
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    shutil.copytree(project / "overrides", target / "overrides")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    return target


def page_sizes(project: Path, site: Path) -> list[int]:
    """HTML size of every item page (not the listings and the print deck beside them)."""
    arena = load_arena(project)
    return [(site / record.url / "index.html").stat().st_size
            for ctype in CONTENT_TYPES if ctype is not POST for record in arena.of_type(ctype)]


def cpu_reference() -> float:
    """Milliseconds for a fixed pure-Python loop, best of 3.

    This VM's speed drifts by up to ±40 % within minutes; a row's figures are only
    comparable with another row's if their reference times are close.
    """
    def loop() -> float:
        start, total = time.perf_counter(), 0
        for number in range(2_000_000):
            total += number % 7
        return time.perf_counter() - start
    return min(loop() for _ in range(3)) * 1000


def measure(count: int, workdir: Path, runs: int) -> dict[str, float]:
    reference = cpu_reference()
    project = workdir / f"arena-{count}"
    generate(project, count)
    arena_cli = [sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(project), "check"]
    check = best_of(runs, arena_cli, project)
    build_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(workdir / f"site-{count}")]
    build = best_of(runs, build_cmd, project)
    serial = best_of(runs, build_cmd, project, KUNSKAPSARENA_WORKERS="1")
    plain = plain_material_project(project, workdir / f"plain-{count}")
    plain_time = best_of(runs, [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir",
                                str(workdir / f"plain-site-{count}")], plain)
    site = workdir / f"site-{count}"
    sizes = page_sizes(project, site)
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "items": count, "check_s": check, "build_s": build, "serial_s": serial, "plain_s": plain_time,
        "overhead_pct": (serial / plain_time - 1) * 100,
        "item_page_kb_mean": statistics.mean(sizes) / 1024, "item_page_kb_max": max(sizes) / 1024,
        "pages": len(pages), "site_mb": total / 1024 / 1024, "kb_per_page": total / len(pages) / 1024,
        "reference_ms": (reference + cpu_reference()) / 2,
    }


EXPLORER_ASSETS = ("assets/javascripts/explorer.js", "assets/stylesheets/explorer.css")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))   # a typical server setting


def measure_explore(count: int, workdir: Path) -> dict[str, float]:
    """Explorer page and search index sizes in one real build."""
    project = workdir / f"arena-{count}"
    generated = generate(project, count)
    site = workdir / f"site-{count}"
    build = timed([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], project)
    parts = [(site / "metoder" / "index.html").read_bytes()] + [(site / a).read_bytes() for a in EXPLORER_ASSETS]
    index = b"".join(path.read_bytes() for path in sorted((site / "pagefind").rglob("*")) if path.is_file()
                     and path.suffix in (".pf_index", ".pf_meta", ".pf_filter", ".pf_fragment"))
    return {
        "items": count, "methods": generated["methods"], "build_s": build,
        "explorer_kb": sum(map(len, parts)) / 1024, "explorer_gz_kb": sum(map(gzip_size, parts)) / 1024,
        "search_kb": len(index) / 1024, "search_gz_kb": gzip_size(index) / 1024,
        "search_kb_per_1000": len(index) / 1024 / count * 1000,
    }


def main_explore(sizes: list[int], workdir: Path) -> None:
    print(f"{'items':>6} {'methods':>8} {'build s':>8} {'explorer kB':>12} {'gzip kB':>8} "
          f"{'search kB':>10} {'gzip kB':>8} {'search kB/1000 items':>21}", flush=True)
    for count in sizes:
        r = measure_explore(count, workdir)
        print(f"{r['items']:>6} {r['methods']:>8} {r['build_s']:>8.1f} {r['explorer_kb']:>12.1f} "
              f"{r['explorer_gz_kb']:>8.1f} {r['search_kb']:>10.1f} {r['search_gz_kb']:>8.1f} "
              f"{r['search_kb_per_1000']:>21.1f}", flush=True)


# --- the site search: Pagefind against Material's lunr, in a throttled browser ---------------

SEARCH_QUERY = "förändring"   # a word generate_arena writes into many items
CPU_THROTTLING = 4            # a phone-class CPU (Chrome DevTools' "4× slowdown")


def lunr_project(project: Path, target: Path) -> Path:
    """A copy of the project built the old way: Material's search plugin (lunr, lang sv) and its box."""
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("site", ".site-*"))
    for override in ("overrides/partials/header.html", "overrides/partials/search.html"):
        (target / override).unlink()
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("plugins:\n", "plugins:\n  - search:\n      lang: sv\n", 1)
    config = config.replace("  - assets/javascripts/search.js\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def first_result(site: Path, old: bool, browser) -> dict[str, float]:
    """Navigation start → first result shown, and what the search fetched (raw and gzip bytes)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from browser_harness import served

    result_selector = ".md-search-result__item" if old else "[data-ka-search-results] > li"
    searchy = ("/search/", "workers/search", "lunr") if old else ("/pagefind/",)
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[tuple[str, bytes]] = []
    page.on("requestfinished", lambda request: fetched.append((request.url, request.response().body()))
            if any(part in request.url for part in searchy) else None)
    # The time the first result appears, in the page's own clock (0 = navigation start).
    page.add_init_script(f"""new MutationObserver((_, observer) => {{
        if (document.querySelector({result_selector!r})) {{ window.__firstResult = performance.now(); observer.disconnect(); }}
      }}).observe(document, {{childList: true, subtree: true}});""")
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLING})
    try:
        with served(site) as base:
            page.goto(base + "/metoder/", wait_until="commit")
            page.locator("input.md-search__input").wait_for()
            typed = page.evaluate("performance.now()")
            page.keyboard.press("/")
            page.keyboard.type(SEARCH_QUERY)
            page.locator(result_selector).first.wait_for(timeout=120_000)
            page.wait_for_load_state("networkidle")
            shown = page.evaluate("window.__firstResult")
    finally:
        context.close()
    bodies = [body for _, body in fetched]
    return {"first_ms": shown, "search_ms": shown - typed, "kb": sum(map(len, bodies)) / 1024, "gz_kb": sum(map(gzip_size, bodies)) / 1024,
            "requests": len(bodies)}


def measure_search(count: int, workdir: Path, browser) -> dict[str, float]:
    project = workdir / f"arena-{count}"
    generate(project, count)
    site, old_site = workdir / f"site-{count}", workdir / f"site-lunr-{count}"
    # CPU seconds too (this and every waited-for child process): on a loaded machine wall time
    # swings, the CPU share of the indexing does not.
    cpu = lambda: sum(getattr(resource.getrusage(resource.RUSAGE_CHILDREN), f) for f in ("ru_utime", "ru_stime"))  # noqa: E731
    cpu_start, start = cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=project, env=ENV,
                          capture_output=True, text=True)
    build, build_cpu = time.perf_counter() - start, cpu() - cpu_start
    # The indexing's own wall and CPU time, as on_post_build logs them.
    times = re.search(r"Sökindex: .*\(([\d.]+) s, ([\d.]+) s CPU\)", done.stdout + done.stderr)
    if done.returncode != 0 or times is None:
        raise SystemExit(f"mkdocs build failed or logged no index times:\n{done.stdout}\n{done.stderr}")
    indexing, indexing_cpu = float(times.group(1)), float(times.group(2))
    timed([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(old_site)],
          lunr_project(project, workdir / f"arena-lunr-{count}"))
    new, old = first_result(site, False, browser), first_result(old_site, True, browser)
    return {"items": count, "build_s": build, "index_s": indexing, "index_pct": indexing / build * 100,
            "build_cpu_s": build_cpu, "index_cpu_s": indexing_cpu, "index_cpu_pct": indexing_cpu / build_cpu * 100,
            "new": new, "old": old}


def main_search(sizes: list[int], workdir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from playwright.sync_api import sync_playwright

    from browser_harness import CHROMIUM_ARGS, chromium_path

    print(f"Query {SEARCH_QUERY!r}, Chromium with {CPU_THROTTLING}x CPU throttling; kB = what the search fetched "
          "(raw / gzip), first result = navigation start → first result shown.", flush=True)
    print(f"{'items':>6} {'build s':>8} {'index s':>8} {'index %':>8} {'CPU %':>6} | {'Pagefind ms':>12} "
          f"{'typed→':>7} {'kB':>6} {'gz kB':>6} {'req':>4} | {'lunr ms':>8} {'typed→':>7} {'kB':>6} {'gz kB':>6} "
          f"{'req':>4}", flush=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        try:
            for count in sizes:
                r = measure_search(count, workdir, browser)
                new, old = r["new"], r["old"]
                print(f"{r['items']:>6} {r['build_s']:>8.1f} {r['index_s']:>8.2f} {r['index_pct']:>7.1f}% "
                      f"{r['index_cpu_pct']:>5.1f}% | "
                      f"{new['first_ms']:>12.0f} {new['search_ms']:>7.0f} {new['kb']:>6.0f} {new['gz_kb']:>6.0f} "
                      f"{new['requests']:>4} | {old['first_ms']:>8.0f} {old['search_ms']:>7.0f} {old['kb']:>6.0f} "
                      f"{old['gz_kb']:>6.0f} {old['requests']:>4}",
                      flush=True)
        finally:
            browser.close()


def measure_people(people: int, items: int, workdir: Path, runs: int) -> dict[str, float]:
    project = workdir / f"arena-{items}-{people}-people"
    generate(project, items, people_count=people)
    check = best_of(runs, [sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(project), "check"], project)
    arena = load_arena(project)
    start = time.perf_counter()
    site_outputs(arena, SiteInfo("", build_date()))
    return {"people": people, "check_s": check, "outputs_s": time.perf_counter() - start}


def main_people(people: int, items: int, workdir: Path, runs: int) -> None:
    reference = cpu_reference()
    print(f"{'items':>6} {'people':>7} {'check s':>8} {'outputs s':>10}", flush=True)
    rows = []
    for count in (people // 4, people):
        rows.append(measure_people(count, items, workdir, runs))
        print(f"{items:>6} {count:>7} {rows[-1]['check_s']:>8.2f} {rows[-1]['outputs_s']:>10.2f}", flush=True)
    small, large = rows
    print(f"growth from {small['people']} to {large['people']} people: check ×{large['check_s'] / small['check_s']:.1f}, "
          f"outputs ×{large['outputs_s'] / small['outputs_s']:.1f}; "
          f"ref ms {(reference + cpu_reference()) / 2:.0f}", flush=True)


REPO = Path(__file__).resolve().parent.parent
DEMO_PARTS = ("mkdocs.yml", "hooks", "content", "overrides", "data", "methods", "cases", "blog", "events",
              "projects", "ideas", "trainings")


def demo_project(target: Path) -> Path:
    for part in DEMO_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 900) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def save_to_screen(command: list[str], project: Path, port: int, runs: int) -> list[float]:
    """Seconds from saving a method's file to the served page showing the change, once per run."""
    record = load_arena(project).of_type(CONTENT_TYPES[0])[0]
    url = f"http://127.0.0.1:{port}/{record.url}"
    source = project / record.path
    original = source.read_text(encoding="utf-8")
    process = subprocess.Popen(command, cwd=project, env=ENV, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 900
        while record.data.title not in _get(url, 5):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{command[:3]} did not start serving {url}")
            time.sleep(0.2)
        times = []
        for run in range(runs):
            time.sleep(1.0)   # the watcher and the server at rest, as between two saves
            token = f"Bänkmärke{run}x{port}"
            start = time.perf_counter()
            source.write_text(original.rstrip("\n") + f"\n\n{token}\n", encoding="utf-8")
            while token not in _get(url):
                if time.perf_counter() - start > 600:
                    raise SystemExit(f"{url} never showed the change")
                time.sleep(0.01)
            times.append(time.perf_counter() - start)
        return times
    finally:
        source.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def main_serve(sizes: list[int], workdir: Path, runs: int) -> None:
    print(f"{'arena':>8} {'preview best s':>15} {'median s':>9} {'mkdocs serve best s':>20} "
          f"{'median s':>9} {'arena build s':>14} {'unchanged s':>12} {'ref ms':>7}", flush=True)
    for count in sizes:
        reference = cpu_reference()
        project = workdir / f"serve-{count}"
        if count:
            generate(project, count)
        else:
            demo_project(project)
        port = _free_port()
        preview = save_to_screen([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(project), "serve",
                                  "--addr", f"127.0.0.1:{port}"], project, port, max(runs, 3))
        port = _free_port()
        today = save_to_screen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                               project, port, runs)
        # `arena build` twice: the second of unchanged files reuses the first's site (build_reuse.py).
        build = [sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(project), "build"]
        full = timed(build, project)
        again = timed(build, project)
        label = f"{count}" if count else "demo"
        print(f"{label:>8} {min(preview):>15.2f} {statistics.median(preview):>9.2f} "
              f"{min(today):>20.2f} {statistics.median(today):>9.2f} {full:>14.1f} {again:>12.2f} "
              f"{(reference + cpu_reference()) / 2:>7.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Kunskapsarena benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=1, help="best of N runs per timing")
    parser.add_argument("--keep", type=Path, default=None, help="keep generated arenas here")
    parser.add_argument("--explore", action="store_true",
                        help="explorer page and search index sizes only (one build per size)")
    parser.add_argument("--search", action="store_true",
                        help="site search: Pagefind against the old lunr search, first result and bytes in Chromium "
                             "with 4x CPU throttling, and the indexing share of the build (--sizes 1000 5000 10000)")
    parser.add_argument("--people", type=int, default=0,
                        help="measure check and outputs with this many people in data/people.yml")
    parser.add_argument("--serve", action="store_true",
                        help="save → page updated with arena serve and mkdocs serve (size 0: the demo)")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="arena-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.serve:
        try:
            main_serve(args.sizes, workdir, args.runs)
        finally:
            if args.keep is None:
                shutil.rmtree(workdir, ignore_errors=True)
        return
    if args.people:
        try:
            main_people(args.people, args.sizes[0], workdir, args.runs)
        finally:
            if args.keep is None:
                shutil.rmtree(workdir, ignore_errors=True)
        return
    if args.search:
        try:
            main_search(args.sizes, workdir)
        finally:
            if args.keep is None:
                shutil.rmtree(workdir, ignore_errors=True)
        return
    if args.explore:
        try:
            main_explore(args.sizes, workdir)
        finally:
            if args.keep is None:
                shutil.rmtree(workdir, ignore_errors=True)
        return
    header = (f"{'items':>6} {'check s':>8} {'build s':>8} {'serial s':>9} {'plain s':>8} {'overhead':>9} "
              f"{'item kB':>8} {'max kB':>7} {'pages':>6} {'site MB':>8} {'kB/page':>8} {'ref ms':>7}")
    rows = []
    try:
        for count in args.sizes:
            r = measure(count, workdir, args.runs)
            rows.append(f"{r['items']:>6} {r['check_s']:>8.2f} {r['build_s']:>8.1f} {r['serial_s']:>9.1f} "
                        f"{r['plain_s']:>8.1f} "
                        f"{r['overhead_pct']:>8.1f}% {r['item_page_kb_mean']:>8.1f} {r['item_page_kb_max']:>7.1f} "
                        f"{r['pages']:>6} {r['site_mb']:>8.1f} {r['kb_per_page']:>8.1f} {r['reference_ms']:>7.0f}")
            print(rows[-1] if len(rows) > 1 else header + "\n" + rows[-1], flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
