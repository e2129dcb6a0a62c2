"""seeds/ -> briefings/ end to end, in process: what a contributor running `python build.py`
sees, and what it leaves on disk."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest

from newsdesk.briefing import load_briefings, read_briefing
from newsdesk.cache import IndexEntry
from newsdesk.cli import main
from newsdesk.engines import engine_rank
from newsdesk.ingest import Decision, decide

from .conftest import FIXTURES, REPO, seed_fixture
from .fake_libretranslate import FakeServer

SLUG_000 = "alibaba-accelera-espansione-ai-con-investimenti-massicci"
SLUG_002 = "alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di"


def build(root: Path, server: FakeServer, *extra: str) -> int:
    return main(["ingest", "--root", str(root), "--engines", "libretranslate",
                 "--libretranslate-url", server.url, "--timeout", "2", *extra])


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "briefings").glob("*"))}


def test_every_seed_becomes_a_valid_briefing(project: Path, fake_server: FakeServer,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project, fake_server) == 0
    out = capsys.readouterr().out
    assert "briefings: 2 new, 0 updated, 0 unchanged, 0 kept, 0 pending translation, 0 failed" in out.splitlines()
    briefings, errors = load_briefings(project / "briefings", project)
    assert errors == []
    assert sorted(b.slug for b in briefings) == [SLUG_000, SLUG_002]
    b = read_briefing(project / "briefings" / f"{SLUG_002}.md", project)
    assert b.meta.title == "EN: Alibaba punta forte sull'AI: alleanza con NVIDIA e piani di espansione globale"
    assert b.meta.translation.engine == "libretranslate" and not b.meta.reviewed
    assert b.meta.source.file == "seeds/002_aa7ace8b5e1f7725.txt"
    assert str(b.meta.date) == "2025-09-25"
    a = read_briefing(project / "briefings" / f"{SLUG_000}.md", project)
    assert a.meta.date is None and str(a.meta.added) == "2025-11-23"  # never invented; SOURCE_DATE_EPOCH


def test_rebuild_is_byte_identical_and_makes_no_calls(project: Path, fake_server: FakeServer,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project, fake_server) == 0
    first, calls = snapshot(project), len(fake_server.requests)
    assert build(project, fake_server) == 0
    assert snapshot(project) == first
    assert len(fake_server.requests) == calls
    report = "briefings: 0 new, 0 updated, 2 unchanged, 0 kept, 0 pending translation, 0 failed"
    assert report in capsys.readouterr().out.splitlines()


def test_fresh_checkout_rebuild_is_identical(project: Path, fake_server: FakeServer, tmp_path: Path) -> None:
    assert build(project, fake_server) == 0
    other = tmp_path / "other"
    shutil.copytree(project / "seeds", other / "seeds")
    assert build(other, fake_server) == 0
    assert snapshot(other) == snapshot(project)


def test_changed_seed_redoes_only_that_briefing(project: Path, fake_server: FakeServer,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project, fake_server) == 0
    before = snapshot(project)
    seed = project / "seeds" / "000_db0fdbf32436b3ba.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nUn paragrafo aggiunto alla fine dell’articolo.\n",
                    encoding="utf-8")
    capsys.readouterr()
    assert build(project, fake_server) == 0
    report = "briefings: 0 new, 1 updated, 1 unchanged, 0 kept, 0 pending translation, 0 failed"
    assert report in capsys.readouterr().out.splitlines()
    after = snapshot(project)
    assert after[f"{SLUG_002}.md"] == before[f"{SLUG_002}.md"]
    assert after[f"{SLUG_000}.md"] != before[f"{SLUG_000}.md"]


def test_edited_briefing_is_never_overwritten(project: Path, fake_server: FakeServer,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project, fake_server) == 0
    path = project / "briefings" / f"{SLUG_000}.md"
    edited = path.read_text(encoding="utf-8").replace("## Summary", "## Summary\n\nA careful editor's line.")
    path.write_text(edited, encoding="utf-8")
    seed = project / "seeds" / "000_db0fdbf32436b3ba.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nNuovo paragrafo di aggiornamento.\n", encoding="utf-8")
    capsys.readouterr()
    assert build(project, fake_server) == 0
    captured = capsys.readouterr()
    assert path.read_text(encoding="utf-8") == edited
    assert f"kept (edited or reviewed): briefings/{SLUG_000}.md (edited by hand)" in captured.out
    assert "changed, but" in captured.err and "--force" in captured.err
    assert build(project, fake_server, "--strict") == 1  # the warning is fatal with --strict
    assert build(project, fake_server, "--force") == 0
    assert "A careful editor's line." not in path.read_text(encoding="utf-8")


def test_reviewed_briefing_is_not_upgraded(project: Path, fake_server: FakeServer) -> None:
    assert main(["ingest", "--root", str(project), "--engines", ""]) == 0  # no engine: pending
    path = project / "briefings" / f"{SLUG_002}.md"
    assert read_briefing(path, project).meta.translation.engine == "pending"
    reviewed = path.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true")
    path.write_text(reviewed, encoding="utf-8")
    assert build(project, fake_server) == 0
    assert path.read_text(encoding="utf-8") == reviewed
    # ...while the other, unreviewed one is upgraded to the better engine.
    other = read_briefing(project / "briefings" / f"{SLUG_000}.md", project)
    assert other.meta.translation.engine == "libretranslate"


def test_no_engine_writes_a_pending_briefing_not_silent_italian(project: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--root", str(project), "--engines", ""]) == 0
    out = capsys.readouterr().out
    assert "pending translation: briefings/" in out and "2 pending translation" in out
    b = read_briefing(project / "briefings" / f"{SLUG_000}.md", project)
    assert b.meta.translation.engine == "pending"
    assert "Translation pending" in b.body


def test_unreachable_engine_falls_back_and_is_reported(project: Path, fake_server: FakeServer,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    fake_server.default = "500"
    assert build(project, fake_server) == 0
    err = capsys.readouterr().err
    assert "translation engine libretranslate unavailable" in err
    b = read_briefing(project / "briefings" / f"{SLUG_000}.md", project)
    assert b.meta.translation.engine == "pending"


BAD_SEEDS = ["empty.txt", "whitespace_only.txt", "binary_garbage.txt", "no_title.txt", "malformed_yaml_header.md",
             "unsupported_type.pdf", "spanish_article.txt"]


def test_bad_seeds_are_all_reported_and_the_rest_still_built(project: Path, fake_server: FakeServer,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    for name in BAD_SEEDS:
        shutil.copy(seed_fixture(name), project / "seeds" / name)
    (project / "seeds" / "huge_file.txt").write_bytes(b"Titolo\n\n" + b"parola " * 400_000)
    assert build(project, fake_server) == 1
    captured = capsys.readouterr()
    for name in [*BAD_SEEDS, "huge_file.txt"]:
        assert f"error: seeds/{name}: " in captured.err
    assert "the article is in 'es'" in captured.err
    report = "briefings: 2 new, 0 updated, 0 unchanged, 0 kept, 0 pending translation, 8 failed"
    assert report in captured.out.splitlines()
    assert len(list((project / "briefings").glob("*.md"))) == 2
    assert not list((project / "briefings").glob(".*"))  # no temp files


def test_english_seed_needs_no_translation_and_italian_side_is_translated(
        project: Path, fake_server: FakeServer) -> None:
    shutil.copy(seed_fixture("english_article.txt"), project / "seeds")
    assert build(project, fake_server) == 0
    b = read_briefing(project / "briefings" / "nvidia-opens-a-research-centre-in-milan.md", project)
    assert b.meta.title == "Nvidia opens a research centre in Milan"
    assert (b.meta.translation.en, b.meta.translation.it) == ("original", "libretranslate")
    assert b.meta.it.title == "IT: Nvidia opens a research centre in Milan"
    assert b.meta.source.language == "en" and b.meta.source.author == "Jane Smith"
    assert "IT" in b.meta.regions and "europe" in b.meta.regions


def test_html_in_seed_text_stays_text(project: Path, fake_server: FakeServer) -> None:
    shutil.copy(seed_fixture("script_in_text.txt"), project / "seeds")
    assert build(project, fake_server) == 0
    (path,) = [p for p in (project / "briefings").glob("attacco-*.md")]
    b = read_briefing(path, project)
    assert b.meta.source.title == "Attacco informatico <script>alert(1)</script> a una banca"
    assert "<script>" not in b.body and "<img" not in b.body  # escaped in the Markdown body
    assert "&lt;img src=x onerror=alert(1)&gt;" in b.body
    assert path.name == "attacco-informatico-script-alert-1-script-a-una-banca.md"


def test_markdown_and_html_seeds(project: Path, fake_server: FakeServer) -> None:
    for name in ("markdown_with_header.md", "saved_page.html", "markdown_syntax_in_title.md"):
        shutil.copy(seed_fixture(name), project / "seeds")
    assert build(project, fake_server) == 0
    stellantis = read_briefing(project / "briefings" / "stellantis-apre-una-gigafactory-a-termoli.md", project)
    assert stellantis.meta.source.url == "https://example.org/stellantis-termoli"
    assert stellantis.meta.source.publisher == "Esempio News" and str(stellantis.meta.date) == "2025-10-02"
    leonardo = read_briefing(project / "briefings" / "leonardo-firma-un-contratto-spaziale.md", project)
    assert leonardo.meta.source.author == "Giulia Neri" and "space" in leonardo.meta.topics
    cop = read_briefing(project / "briefings" / "cop30-a-guide-uno-due-tre-http-x.md", project)
    assert cop.meta.source.title == "COP30: a guide # uno *due* [tre](http://x)"


def test_same_article_twice_gives_one_briefing(project: Path, fake_server: FakeServer,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(project / "seeds" / "002_aa7ace8b5e1f7725.txt", project / "seeds" / "003_copy_of_002.txt")
    assert build(project, fake_server) == 0
    assert "same article as seeds/002_aa7ace8b5e1f7725.txt" in capsys.readouterr().err
    assert len(list((project / "briefings").glob("*.md"))) == 2


def test_slug_clash_gets_a_unique_suffix(project: Path, fake_server: FakeServer) -> None:
    text = (project / "seeds" / "000_db0fdbf32436b3ba.txt").read_text(encoding="utf-8")
    other = text.replace("48,6 miliardi", "50 miliardi").replace("Medio Oriente", "Africa")
    (project / "seeds" / "001_same_title.txt").write_text(other, encoding="utf-8")
    assert build(project, fake_server) == 0
    names = sorted(p.stem for p in (project / "briefings").glob("*.md"))
    assert SLUG_000 in names and any(n.startswith(SLUG_000 + "-") for n in names) and len(names) == 3


def test_check_command(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", project / "briefings")
    assert main(["check", "--root", str(project)]) == 0
    shutil.copy(FIXTURES / "briefings" / "unknown-topic.md", project / "briefings")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "error: briefings/unknown-topic.md: field 'topics': unknown topic id(s) 'knitting'" in err


def test_committed_briefings_pass_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(REPO)]) == 0


def test_usage_error_exit_code() -> None:
    assert main(["no-such-command"]) == 2



def test_no_better_engine_means_no_reanalysis(project: Path, fake_server: FakeServer,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--root", str(project), "--engines", ""]) == 0  # pending briefings
    before = snapshot(project)
    from newsdesk import ingest as ingest_module

    calls: list[str] = []
    real = ingest_module.analyse
    monkeypatch.setattr(ingest_module, "analyse", lambda a, *rest: calls.append(a.path) or real(a, *rest))
    fake_server.default = "500"
    capsys.readouterr()
    assert build(project, fake_server) == 0
    captured = capsys.readouterr()
    assert calls == []  # one failed probe, not two re-analysed articles
    assert "2 briefing(s) could get a better machine translation" in captured.err
    report = "briefings: 0 new, 0 updated, 2 unchanged, 0 kept, 0 pending translation, 0 failed"
    assert report in captured.out.splitlines()
    assert snapshot(project) == before
    fake_server.default = "ok"
    requests_before = len(fake_server.requests)
    assert build(project, fake_server) == 0
    # The failure is remembered for 30 minutes: the next build does not even probe.
    assert calls == [] and len(fake_server.requests) == requests_before
    (project / ".newsdesk-cache" / "translations.sqlite").unlink()  # "try it now", as the warning says
    assert build(project, fake_server) == 0
    assert len(calls) == 2  # reachable again: both are upgraded


# ---- the decision per seed: a pure function --------------------------------------------------------

def _entry(**changes: object) -> IndexEntry:
    base = IndexEntry(path="briefings/a.md", mtime_ns=1, size=1, sha256="0" * 64, slug="a", title="A", title_it="A",
                      description="A.", summary_it="A.", date=None, added=date(2025, 1, 1), topics=(), regions=(),
                      engine="apertium", reviewed=False, pristine=True, source_file="seeds/a.txt",
                      source_sha256="1" * 64, source_url=None, text_hash=None)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


GOOGLE, APERTIUM = engine_rank("google"), engine_rank("apertium")


@pytest.mark.parametrize(("old", "seed_sha", "force", "target", "expected"), [
    (None, "1" * 64, False, GOOGLE, Decision("analyse", "new")),
    (_entry(), "1" * 64, True, GOOGLE, Decision("analyse", "forced")),
    (_entry(reviewed=True, pristine=False), "1" * 64, True, GOOGLE, Decision("analyse", "forced")),
    (_entry(reviewed=True), "1" * 64, False, GOOGLE, Decision("keep", "reviewed")),
    (_entry(pristine=False), "1" * 64, False, GOOGLE, Decision("keep", "edited by hand")),
    (_entry(pristine=False), "2" * 64, False, GOOGLE, Decision("keep", "edited by hand", seed_changed=True)),
    (_entry(), "2" * 64, False, GOOGLE, Decision("analyse", "changed")),
    (_entry(), "1" * 64, False, APERTIUM, Decision("unchanged")),
    (_entry(engine="google"), "1" * 64, False, GOOGLE, Decision("unchanged")),
    (_entry(), "1" * 64, False, GOOGLE, Decision("upgrade")),
    (_entry(engine="pending"), "1" * 64, False, APERTIUM, Decision("upgrade")),
    (_entry(engine="original"), "1" * 64, False, GOOGLE, Decision("unchanged")),
    (_entry(engine="human"), "1" * 64, False, GOOGLE, Decision("unchanged")),
], ids=["new", "forced", "forced-over-review", "reviewed", "edited", "edited-seed-changed", "changed",
        "same-engine-rank", "best-engine-already", "upgrade", "pending-upgrade", "original-never", "human-never"])
def test_decide(old: IndexEntry | None, seed_sha: str, force: bool, target: int, expected: Decision) -> None:
    assert decide(old, seed_sha, force=force, target_rank=target) == expected
