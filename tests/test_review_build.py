"""The pull-request workflow's script: ingest, commit the briefings to the branch, check, build.
Run against a real git repository with a local bare remote and the fake translation server:
no network."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import REPO
from .fake_libretranslate import FakeServer

SCRIPT = REPO / "scripts" / "review_build.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("review_build", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def pull_request(project: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A contributor's branch that adds the two seeds, tracking a bare remote."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(project, "init", "-q", "-b", "add-seeds")
    git(project, "config", "user.name", "Contributor")
    git(project, "config", "user.email", "contributor@example.org")
    (project / "briefings" / ".gitkeep").write_text("", encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "Add two seeds")
    git(project, "remote", "add", "origin", str(remote))
    git(project, "push", "-q", "-u", "origin", "add-seeds")
    return project, remote


def engines(server: FakeServer) -> list[str]:
    return ["--", "--engines", "libretranslate", "--libretranslate-url", server.url]


def test_generated_briefings_are_committed_and_pushed_for_review(
        pull_request: tuple[Path, Path], fake_server: FakeServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    project, remote = pull_request
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    script = load_script()
    assert script.main(["--root", str(project), "--commit", "--push", "--skip-site", *engines(fake_server)]) == 0
    assert git(remote, "log", "-1", "--format=%s", "add-seeds").strip() == script.COMMIT_MESSAGE
    files = git(remote, "show", "--name-only", "--format=", "add-seeds").split()
    assert sorted(files) == sorted([
        "briefings/alibaba-accelera-espansione-ai-con-investimenti-massicci.md",
        "briefings/alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di.md",
        "stories.yaml",
    ])
    text = summary.read_text(encoding="utf-8")
    assert "- ✅ `check --strict`" in text
    assert "- `stories.yaml`" in text
    # A second run on the same branch has nothing new to commit.
    assert script.main(["--root", str(project), "--commit", "--push", "--skip-site", *engines(fake_server)]) == 0
    assert git(remote, "rev-list", "--count", "add-seeds").strip() == "2"


def test_a_broken_hand_written_briefing_fails_the_check_and_nothing_is_pushed_without_push(
        pull_request: tuple[Path, Path], fake_server: FakeServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project, remote = pull_request
    shutil.copy(REPO / "tests" / "fixtures" / "briefings" / "unknown-topic.md", project / "briefings")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    script = load_script()
    assert script.main(["--root", str(project), "--skip-site", *engines(fake_server)]) == 1
    assert "- ❌ `check --strict`" in summary.read_text(encoding="utf-8")
    assert "failed: render, check --strict" in capsys.readouterr().err
    assert git(remote, "rev-list", "--count", "add-seeds").strip() == "1"
