"""The publishing workflow: valid for GitHub Actions (actionlint), and it publishes what
`make site` builds with the official Pages actions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


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


REVIEW = REPO / ".github" / "workflows" / "review.yml"


@pytest.mark.parametrize("workflow", [WORKFLOW, REVIEW], ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow: Path) -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.fail("actionlint is not installed: pip install -r requirements-dev.txt")
    done = subprocess.run([actionlint, "-no-color", str(workflow)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_review_workflow_builds_commits_checks_and_uploads_a_preview() -> None:
    flow = yaml.safe_load(REVIEW.read_text(encoding="utf-8"))
    assert "pull_request" in flow[True]
    assert flow["permissions"] == {"contents": "write"}
    steps = flow["jobs"]["review"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "python scripts/review_build.py" in runs and "--commit" in runs and "--push" in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.head.ref }}"  # a branch, to push to


@pytest.mark.parametrize("workflow", [WORKFLOW, REVIEW])
def test_both_workflows_restore_the_translation_cache(workflow: Path) -> None:
    flow = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    paths = [p.rstrip("/") for s in steps if s.get("uses", "").startswith("actions/cache@")
             for p in s["with"]["path"].split()]
    assert paths.count(".newsdesk-cache") == 1


def test_the_restored_build_covers_every_generated_page() -> None:
    """A generated folder missing from the cache is rebuilt in full on every run: correct, but
    the incremental build loses its point. The list follows site.GENERATED_DIRS/FILES."""
    from newsdesk.site import GENERATED_DIRS, GENERATED_FILES

    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    paths = next(s["with"]["path"] for s in steps if str(s.get("uses", "")).startswith("actions/cache"))
    cached = set(paths.split())
    for name in GENERATED_DIRS:
        assert f"docs/*/{name}" in cached, f"docs/*/{name} is not restored by pages.yml"
    for name in GENERATED_FILES:
        assert f"docs/*/{name}" in cached or (name.startswith("feed.") and "docs/*/feed.*" in cached), \
            f"docs/*/{name} is not restored by pages.yml"
