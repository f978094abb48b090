"""The shape of the code: no import cycles, the core never imports the site engine, small folders.

Read from the source with ast (imports under TYPE_CHECKING and inside functions count too),
so a cycle is caught before it bites at import time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
PACKAGES = ("kunskapsarena", "kunskapsarena_mkdocs")
CORE = "kunskapsarena"
ENGINES = ("mkdocs", "material")
MAX_MODULES_PER_FOLDER = 14
# The core's stages in data-flow order (README, Design): a stage imports only from itself and earlier ones.
STAGES = ("model", "source", "index", "check", "generate")


def _modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of our packages."""
    found = {}
    for package in PACKAGES:
        for path in sorted((HOOKS / package).rglob("*.py")):
            parts = path.relative_to(HOOKS).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _imported(name: str, path: Path) -> list[str]:
    """Every module name an import statement of the file names (absolute, relative resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.append(base)
            # `from package import module` imports the module itself.
            names += [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
    return names


def _graph() -> dict[str, set[str]]:
    return {name: {target for target in _imported(name, path) if target in MODULES and target != name}
            for name, path in MODULES.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path of module names, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_import_graph_is_read_from_the_source():
    graph = _graph()
    assert "kunskapsarena.index.graph" in graph["kunskapsarena.index.arena"]
    assert "kunskapsarena.generate.sanitise" in graph["kunskapsarena_mkdocs.hooks"]   # `from package import module`
    assert "kunskapsarena.generate.site_info" in graph["kunskapsarena.generate.pages.explorer"]   # under TYPE_CHECKING


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles():
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle)


@pytest.mark.parametrize("name", [name for name in MODULES if name.split(".")[0] == CORE])
def test_the_core_does_not_import_the_site_engine(name):
    engine = [target for target in _imported(name, MODULES[name]) if target.split(".")[0] in ENGINES]
    assert not engine, f"{name} imports {engine}: engine code belongs in kunskapsarena_mkdocs/"


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == CORE and len(parts) > 1 and parts[1] in STAGES else None


def _stage_violations(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for name, targets in sorted(graph.items()):
        if (stage := _stage(name)) is None:
            continue
        found += [f"{name} ({stage}) imports {target} ({_stage(target)})" for target in sorted(targets)
                  if (later := _stage(target)) is not None and STAGES.index(later) > STAGES.index(stage)]
    return found


def test_the_stage_check_finds_a_backward_import():
    assert _stage_violations({"kunskapsarena.model.a": {"kunskapsarena.check.b", "kunskapsarena.model.c"},
                              "kunskapsarena.generate.d": {"kunskapsarena.index.e"}}) == [
        "kunskapsarena.model.a (model) imports kunskapsarena.check.b (check)"]


def test_each_stage_imports_only_itself_and_earlier_stages():
    assert set(STAGES) == {path.name for path in (HOOKS / CORE).iterdir() if (path / "__init__.py").is_file()}
    violations = _stage_violations(_graph())
    assert not violations, "against the data flow " + " → ".join(STAGES) + ":\n" + "\n".join(violations)


def test_no_folder_holds_more_than_a_dozen_or_so_modules():
    for folder in [HOOKS, *(path for path in HOOKS.rglob("*") if path.is_dir() and path.name != "__pycache__")]:
        modules = [path.name for path in folder.glob("*.py") if path.name != "__init__.py"]
        assert len(modules) <= MAX_MODULES_PER_FOLDER, f"{folder.relative_to(HOOKS.parent)}: {len(modules)} modules"
