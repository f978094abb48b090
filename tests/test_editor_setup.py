"""Editor support: VS Code settings, the remark front matter check, the pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import yaml

from conftest import REPO, ArenaDir, needs_tool
from kunskapsarena import CONTENT_TYPES
from kunskapsarena.model.taxonomy import PEOPLE_FILE, TAXONOMY_FILE
from test_cli import run_arena


def test_vscode_recommends_yaml_and_remark_and_maps_data_schema(arena: ArenaDir):
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert {"redhat.vscode-yaml", "unifiedjs.vscode-remark"} <= set(extensions["recommendations"])
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert run_arena(arena.root, "schema").returncode == 0
    for schema_path, files in settings["yaml.schemas"].items():
        assert arena.path(schema_path).is_file(), f"{schema_path} is not written by arena schema"
        assert files == json.loads(arena.read(schema_path))["x-files"]
    assert settings["yaml.schemas"]["./schemas/people.schema.json"] == [PEOPLE_FILE]


def test_pre_commit_hook_runs_check_on_content_and_data_changes():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"]]
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def triggers(path: str) -> bool:   # pre-commit: `files` searched, `exclude` searched
        return bool(files.search(path)) and not exclude.search(path)

    for ctype in CONTENT_TYPES:
        assert triggers(f"{ctype.folder}/ett-nytt-inlagg.md"), ctype.folder
    assert triggers("evenemang/ny-typ.md")   # a future content folder needs no edit
    assert triggers(TAXONOMY_FILE) and triggers(PEOPLE_FILE)
    for path in ("content/index.md", "hooks/kunskapsarena_mkdocs/cli.py", "tests/fixtures/minimal/methods/kundresa.md",
                 ".github/workflows/publish.yml", "scripts/bench.py"):
        assert not triggers(path), path
    assert hook["entry"] == "make --silent check"
    # Under `make test` the parent make's MAKEFLAGS/MAKELEVEL would add "Entering directory" lines.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    dry_run = subprocess.run([*hook["entry"].split(), "-n", "-o", ".venv/.installed"], cwd=REPO,
                             capture_output=True, text=True, env=env)
    assert dry_run.stdout.split() == [".venv/bin/arena", "check"], dry_run.stderr


REMARK = REPO / "node_modules" / ".bin" / "remark"


@needs_tool(REMARK.exists() and shutil.which("node") is not None, "the editor tooling (npm ci)")
def test_remark_reports_front_matter_errors_with_line(arena: ArenaDir):
    """What VS Code's remark extension shows, run from the command line."""
    shutil.copy(REPO / ".remarkrc.mjs", arena.root)
    os.symlink(REPO / "node_modules", arena.root / "node_modules")
    assert run_arena(arena.root, "schema").returncode == 0
    command = [str(REMARK), "--frail", "--quiet", "--no-stdout", "--no-color", "methods", "cases", "blog/posts"]
    clean = subprocess.run(command, cwd=arena.root, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    arena.replace("methods/kundresa.md", "difficulty: medel", "difficulty: medium")
    broken = subprocess.run(command, cwd=arena.root, capture_output=True, text=True)
    assert broken.returncode == 1
    assert "methods/kundresa.md" in broken.stderr
    assert re.search(r"11:13-11:19 +warning +Must be equal to one of the allowed values", broken.stderr), broken.stderr
