"""Parallel validation (large arenas) gives exactly what sequential validation gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, TODAY
from kunskapsarena import load_arena
from kunskapsarena.generate import outputs
from kunskapsarena.generate.outputs import site_outputs
from kunskapsarena.generate.site_info import SiteInfo
from kunskapsarena.source.workers import PARALLEL_THRESHOLD

sys.path.insert(0, str(REPO / "scripts"))
from generate_arena import generate  # noqa: E402


def test_parallel_and_sequential_agree(tmp_path: Path):
    root = tmp_path / "arena"
    generate(root, PARALLEL_THRESHOLD + 100)
    broken = sorted((root / "methods").glob("*.md"))
    broken[0].write_text(broken[0].read_text(encoding="utf-8").replace("difficulty: ", "difficulty: x"),
                         encoding="utf-8")
    broken[-1].write_bytes(b"---\ntitle: [\n---\n")
    sequential = load_arena(root, today=TODAY, workers=1)
    parallel = load_arena(root, today=TODAY, workers=2)
    assert [str(p) for p in parallel.problems] == [str(p) for p in sequential.problems]
    assert len(sequential.problems) == 2
    for name, records in sequential.records.items():
        assert list(parallel.records[name]) == list(records)
        assert [r.data for r in parallel.records[name].values()] == [r.data for r in records.values()]


def test_builders_in_workers_give_the_same_outputs(tmp_path: Path, monkeypatch):
    root = tmp_path / "arena"
    generate(root, PARALLEL_THRESHOLD + 100)
    arena = load_arena(root, today=TODAY)
    site = SiteInfo("https://arena.example/", TODAY)
    sequential = site_outputs(arena, site, workers=1)
    parallel = site_outputs(arena, site, workers=2)
    assert list(parallel) == list(sequential)
    assert parallel == sequential

    def broken_builder(arena, site):
        raise ValueError("a builder failed")

    monkeypatch.setattr(outputs, "BUILDERS", [*outputs.BUILDERS, broken_builder])
    with pytest.raises(ValueError, match="a builder failed"):
        site_outputs(arena, site, workers=2)
