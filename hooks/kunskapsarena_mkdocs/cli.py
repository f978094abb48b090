"""`arena`: check, new, build and serve, for editors and CI.

`check` must stay fast and must not import MkDocs: it is the pre-commit and
CI path. `build` runs MkDocs in a subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from kunskapsarena.check.settings import settings_from_file
from kunskapsarena.check.validate import load_arena
from kunskapsarena.generate.editors.scaffold import ScaffoldError, new_item
from kunskapsarena.generate.editors.schema import SCHEMA_DIR, write_schemas
from kunskapsarena.model.content_types import CONTENT_TYPES, content_type
from kunskapsarena.model.problems import Problem, errors
from kunskapsarena.model.settings import SETTINGS_FILE
from kunskapsarena.source.clock import build_date, commit_epoch
from kunskapsarena.source.workers import worker_count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="arena", description="Kunskapsarenan: kontrollera, skapa och bygg innehåll.")
    parser.add_argument("--root", type=Path, default=None,
                        help="projektets mapp (där mkdocs.yml ligger); standard: den aktuella mappen eller en förälder")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="kontrollera allt innehåll (snabbt, bygger inte webbplatsen)")
    check.add_argument("--format", choices=("text", "github", "gitlab"), default="text",
                       help="github = GitHub Actions-annoteringar (::error file=…,line=…::), "
                            "gitlab = Code Quality-rapport (JSON)")

    new = commands.add_parser("new", help="skapa en ny innehållsfil med alla fält")
    names = sorted({n for c in CONTENT_TYPES for n in (c.name, *c.cli_names)})
    new.add_argument("type", help=f"innehållstyp: {', '.join(names)}")
    new.add_argument("title", help="titeln, t.ex. \"Idéslussar\"")

    schema = commands.add_parser("schema", help="skriv JSON Schema för varje innehållstyp (för editorer)")
    schema.add_argument("--out", type=Path, default=None, help="mapp att skriva till; standard: schemas/")

    build = commands.add_parser("build", help="kontrollera och bygg webbplatsen till site/")
    build.add_argument("--site-dir", type=Path, default=None)

    serve = commands.add_parser("serve", help="förhandsvisa webbplatsen medan du redigerar (uppdateras när du sparar)")
    serve.add_argument("--addr", default=None,
                       help="värd:port att lyssna på; standard: 127.0.0.1:8000 (make serve ADDR=127.0.0.1:8123)")

    args = parser.parse_args(argv)
    root = (args.root or _find_root(Path.cwd())).resolve()
    if args.command == "check":
        return _check(root, args.format)
    if args.command == "new":
        return _new(root, args.type, args.title)
    if args.command == "schema":
        return _schema(root, args.out or root / SCHEMA_DIR)
    if args.command == "serve":
        from .preview import serve  # MkDocs is imported by the builder process only

        return serve(root, args.addr or "")
    return _build(root, args.site_dir or root / "site")


def _find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def _check(root: Path, output: str) -> int:
    arena = load_arena(root, workers=worker_count())
    problems = _settings_problems(root) + arena.problems
    if output == "gitlab":
        print(json.dumps([p.code_quality_issue() for p in problems], ensure_ascii=False, indent=2))
    elif problems:   # one write: thousands of warnings (a large people.yml) print at once
        print("\n".join(problem.github_annotation() if output == "github" else str(problem)
                        for problem in problems))
    found = errors(problems)
    if found:
        files = len({p.path for p in found})
        print(f"\n{len(found)} fel i {files} {'fil' if files == 1 else 'filer'}. "
              "Rätta dem och kör kontrollen igen.", file=sys.stderr)
        return 1
    summary = ", ".join(f"{len(arena.records[c.name])} {c.count_noun}" for c in CONTENT_TYPES
                        if arena.records.get(c.name)) or "inget innehåll ännu"
    print(f"Allt innehåll är giltigt ({summary}).", file=sys.stderr)
    return 0


def _settings_problems(root: Path) -> list[Problem]:
    """mkdocs.yml's `extra`, read without MkDocs; a folder without mkdocs.yml has content only."""
    config_file = root / SETTINGS_FILE
    return settings_from_file(config_file)[1] if config_file.is_file() else []


def _new(root: Path, type_name: str, title: str) -> int:
    try:
        ctype = content_type(type_name.strip().lower())
    except KeyError:
        names = sorted({n for c in CONTENT_TYPES for n in (c.name, *c.cli_names)})
        print(f"arena new: okänd typ '{type_name}'; välj en av: {', '.join(names)}", file=sys.stderr)
        return 2
    try:
        path = new_item(root, ctype, title, build_date())
    except ScaffoldError as exc:
        print(f"arena new: {exc}", file=sys.stderr)
        return 1
    print(f"Skapade {path.relative_to(root).as_posix()}. Fyll i fälten och kör 'make check'.")
    return 0


def _schema(root: Path, out_dir: Path) -> int:
    arena = load_arena(root)
    for path in write_schemas(arena, out_dir):
        print(f"Skrev {_shown_path(root, path)}")
    if not arena.ok:
        print("Obs! Innehållet har fel (kör 'arena check'); listorna i schemana kan vara ofullständiga.",
              file=sys.stderr)
    return 0


def _shown_path(root: Path, path: Path) -> str:
    path = path.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _build(root: Path, site_dir: Path) -> int:
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        epoch = commit_epoch(root)
        if epoch:   # inherited by the mkdocs subprocess: sitemap dates follow the commit
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    if _check(root, "text") != 0:
        print(f"Webbplatsen byggdes inte; {site_dir.name}/ är oförändrad.", file=sys.stderr)
        return 1
    from . import build_reuse
    from .sitebuild import BuildFailed, BuildInterrupted, build_site  # subprocess only; keeps `check` light

    site_dir = site_dir.resolve()
    if build_reuse.unchanged(root, site_dir):
        print(f"Webbplatsen i {site_dir} är redan byggd av exakt de här filerna; inget att bygga om.",
              file=sys.stderr)
        return 0
    inputs = build_reuse.inputs_digest(root, site_dir)
    try:
        build_site(root, site_dir)
    except BuildFailed as exc:
        print(f"arena build: {exc}", file=sys.stderr)
        return 1
    except BuildInterrupted as exc:   # MkDocs was stopped before anything was published
        print(f"\narena build: avbrutet ({signal.Signals(exc.signum).name}); {site_dir.name}/ är oförändrad",
              file=sys.stderr)
        return 128 + exc.signum
    build_reuse.remember(root, site_dir, inputs)
    print(f"Webbplatsen är byggd i {site_dir}.", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
