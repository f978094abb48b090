"""Refactoring guard: record what the arena produces, compare it later byte for byte.

    python scripts/guard.py record DIR    # before the refactor
    python scripts/guard.py compare DIR   # after it: prints every difference, exit 1 if any

It records the demo site (`arena build` with SOURCE_DATE_EPOCH fixed) as a manifest of
sha256 per file, and the exact stdout, stderr and exit code of `arena check` on the demo
and on small arenas with one typical editor mistake each.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
ARENA = Path(sys.executable).parent / "arena"
EPOCH = "1795000000"


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"guard: {old!r} not in {rel}")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def _write(rel: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).write_text(text, encoding="utf-8")
    return apply


# One typical editor mistake per arena (the minimal arena plus the other content types).
MISTAKES: dict[str, Callable[[Path], None]] = {
    "unknown-field": _replace("methods/kundresa.md", "difficulty: medel\n", "difficulty: medel\nduraton: 3\n"),
    "vocabulary-did-you-mean": _replace("methods/kundresa.md", "phases: [förstå]", "phases: [forsta]"),
    "missing-required": _replace("methods/kundresa.md", "summary: Kartlägg hur en invånare upplever en tjänst "
                                 "från början till slut.\n", ""),
    "bad-url": _replace("events/innovationsdagen.md", "https://exempel.example/anmalan", "exempel.example/anmalan"),
    "bad-yaml": _replace("methods/kundresa.md", "tags: [tjänstedesign]", "tags: [tjänstedesign"),
    "unknown-reference": _replace("methods/kundresa.md", "related: [personas]", "related: [persona]"),
    "body-html-policy": _replace("methods/kundresa.md", "Se tjänsten med invånarens ögon.",
                                 'Se tjänsten <script>alert(1)</script> <a href="javascript:x()">här</a>.'),
    "bad-date": _replace("methods/kundresa.md", "updated: 2026-01-10", "updated: 2026-13-40"),
    "bad-data-file": _write("data/taxonomy.yml", "phases:\n  förstå: Förstå\n  - oj\n"),
}


def _run(args: list[str], cwd: Path) -> dict[str, object]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    return {"exit": done.returncode, "stdout": done.stdout, "stderr": done.stderr}


def _normalised(result: dict[str, object], temp: Path) -> dict[str, object]:
    """Temp folder names must not count as differences."""
    return {key: value.replace(str(temp), "<TMP>") if isinstance(value, str) else value
            for key, value in result.items()}


def _site_manifest(temp: Path) -> dict[str, str]:
    site = temp / "site"
    result = _run([str(ARENA), "--root", str(REPO), "build", "--site-dir", str(site)], REPO)
    if result["exit"] != 0:
        raise SystemExit(f"guard: arena build failed:\n{result['stderr']}")
    ignored = _ignored_docs_files()
    return {rel: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*"))
            if path.is_file() and (rel := path.relative_to(site).as_posix()) not in ignored}


def _ignored_docs_files() -> set[str]:
    """Files in content/ that git ignores (the Decap bundle from `make cms`): not the code's output."""
    listed = subprocess.run(["git", "ls-files", "--others", "--ignored", "--exclude-standard", "content"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout
    return {line.removeprefix("content/") for line in listed.splitlines()}


def _checks(temp: Path) -> dict[str, dict[str, object]]:
    results = {"demo": _run([str(ARENA), "--root", str(REPO), "check"], REPO)}
    for name, mistake in MISTAKES.items():
        root = temp / name
        shutil.copytree(FIXTURES / "minimal", root)
        shutil.copytree(FIXTURES / "types", root, dirs_exist_ok=True)
        mistake(root)
        results[name] = _normalised(_run([str(ARENA), "--root", str(root), "check"], root), root)
    return results


def snapshot() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="guard-") as name:
        temp = Path(name)
        return {"site": _site_manifest(temp), "checks": _checks(temp)}


def record(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    found = snapshot()
    (out / "site-manifest.json").write_text(json.dumps(found["site"], indent=1, sort_keys=True) + "\n")
    (out / "checks.json").write_text(json.dumps(found["checks"], indent=1, ensure_ascii=False) + "\n")
    print(f"recorded {len(found['site'])} site files and {len(found['checks'])} check runs in {out}")
    return 0


def compare(saved: Path) -> int:
    before_site = json.loads((saved / "site-manifest.json").read_text())
    before_checks = json.loads((saved / "checks.json").read_text())
    now = snapshot()
    differences = []
    for rel in sorted(set(before_site) | set(now["site"])):
        old, new = before_site.get(rel), now["site"].get(rel)
        if old != new:
            what = "missing now" if new is None else "new file" if old is None else "content differs"
            differences.append(f"site/{rel}: {what}")
    for name in sorted(set(before_checks) | set(now["checks"])):
        old, new = before_checks.get(name), now["checks"].get(name)
        if old is None or new is None:
            differences.append(f"check {name}: {'missing now' if new is None else 'new run'}")
            continue
        for key in ("exit", "stdout", "stderr"):
            if old[key] != new[key]:
                differences.append(f"check {name}: {key} differs\n--- before\n{old[key]}\n+++ now\n{new[key]}")
    for line in differences:
        print(line)
    print(f"{len(differences)} differences ({len(now['site'])} site files, {len(now['checks'])} check runs)")
    return 1 if differences else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("record", "compare"):
        print(__doc__, file=sys.stderr)
        return 2
    command, folder = argv[0], Path(argv[1])
    return record(folder) if command == "record" else compare(folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
