"""The publishing workflow: valid for GitHub Actions (actionlint), and it publishes what
`make site` builds with the official Pages actions."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from .conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def test_workflow_passes_actionlint() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.fail("actionlint is not installed: pip install -r requirements-dev.txt")
    done = subprocess.run([actionlint, "-no-color", str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_builds_with_make_site_and_deploys_to_pages() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "") for s in steps] + [s.get("uses", "") for s in flow["jobs"]["deploy"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(s.get("run") == "make site" for s in steps)
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True


def test_workflow_restores_the_previous_build_before_building() -> None:
    """One new article rebuilds only its pages in CI too: the caches, the generated pages and
    site/ come back from the previous run before `make site`."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    names = [s.get("uses", s.get("run", "")) for s in steps]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    paths = cache["with"]["path"].split()
    assert {".newsdesk-cache", "site", "docs/*/briefings", "docs/*/index.md"} <= set(paths)
    assert names.index(cache["uses"]) < names.index("make site")
