"""Translation: the engine enum, the chain, the cache (on newsdesk.cache, rebuilt when damaged),
placeholders, and Apertium offline. Misbehaving servers are in test_translate_hostile.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.engines import MACHINE_ENGINES, Engine, engine_rank, parse_engines
from newsdesk.errors import ConfigError, TranslationError
from newsdesk.protect import protect
from newsdesk.translate import (
    DEFAULT_ENGINES,
    ApertiumEngine,
    Job,
    TranslationCache,
    Translator,
    apertium_modes,
    build_translator,
    check_result,
    libretranslate_engine,
)

from .conftest import NoSleep
from .fake_libretranslate import FakeServer

needs_apertium = pytest.mark.skipif(
    not {"ita-spa", "spa-eng"} <= apertium_modes(),
    reason="apertium ita-spa/spa-eng not installed (apt-get install apertium apertium-spa-ita apertium-eng-spa cg3)",
)


def engine(server: FakeServer, no_sleep: NoSleep, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    return libretranslate_engine(server.url, timeout=timeout, sleep=no_sleep)


def test_success_goes_through_the_real_http_path(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    out = engine(fake_server, no_sleep).translate_batch(["Ciao mondo", "Buongiorno"], "it", "en")
    assert out == ["EN: Ciao mondo", "EN: Buongiorno"]
    assert [r["q"] for r in fake_server.requests] == ["Ciao mondo", "Buongiorno"]
    assert fake_server.requests[0]["source"] == "it" and fake_server.requests[0]["target"] == "en"


@pytest.mark.parametrize("result", [None, "", "   "])
def test_none_and_empty_are_not_translations(result: object) -> None:
    with pytest.raises(TranslationError, match="google: empty answer"):
        check_result("google", "Ciao", result)


def test_one_engine_enum_ranks_everything() -> None:
    assert [e.value for e in MACHINE_ENGINES] == list(DEFAULT_ENGINES) == ["google", "libretranslate", "apertium"]
    assert [engine_rank(n) for n in ("pending", "apertium", "libretranslate", "google", "human", "original")] == \
        [0, 1, 2, 3, 99, 99]
    assert engine_rank("deepl") == 99  # an unknown name in an old index row is never "upgraded" by guess
    assert parse_engines(["apertium", "google"]) == [Engine.APERTIUM, Engine.GOOGLE]


@pytest.mark.parametrize("names", [["deepl"], ["google", "foo"], ["original"], ["pending"], ["human"]])
def test_unknown_or_non_machine_engines_are_refused(names: list[str]) -> None:
    bad = names[-1]
    with pytest.raises(ConfigError) as info:
        build_translator(names)
    assert str(info.value) == (f"--engines: unknown translation engine {bad!r}; choose from google, "
                               "libretranslate, apertium (comma-separated, best first), or '' for none")


def test_chain_falls_back_and_records_the_engine(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    class Failing:
        name, remote, cache_name = "google", False, "google"

        def translate_batch(self, texts, source, target):  # type: ignore[no-untyped-def]
            raise TranslationError("google", "connection failed or dropped", engine_down=True)

    translator = Translator([Failing(), engine(fake_server, no_sleep)])
    job = Job(["Ciao", "Mondo"], "it", "en")
    translator.run([job])
    assert job.result == ["EN: Ciao", "EN: Mondo"] and job.engine == "libretranslate"
    assert translator.down == {"google": "connection failed or dropped"}


def test_no_engine_leaves_the_job_pending() -> None:
    translator = Translator([])
    job = Job(["Ciao"], "it", "en")
    translator.run([job])
    assert job.result is None and job.engine == "pending"


def test_cache_means_a_rebuild_makes_no_calls(fake_server: FakeServer, no_sleep: NoSleep, tmp_path: Path) -> None:
    first = Translator([engine(fake_server, no_sleep)], TranslationCache(tmp_path))
    first.run([Job(["Ciao", "Mondo"], "it", "en")])
    assert len(fake_server.requests) == 2
    second = Translator([engine(fake_server, no_sleep)], TranslationCache(tmp_path))
    job = Job(["Ciao", "Mondo"], "it", "en")
    second.run([job])
    assert job.result == ["EN: Ciao", "EN: Mondo"]
    assert len(fake_server.requests) == 2 and second.calls == 0


def test_partial_results_survive_a_failure(fake_server: FakeServer, no_sleep: NoSleep, tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    fake_server.script = ["ok", "500", "500", "500", "500"]
    translator = Translator([engine(fake_server, no_sleep)], cache)
    job = Job(["Ciao", "Mondo"], "it", "en")
    translator.run([job])
    assert job.result is None  # all or nothing per briefing
    fake_server.requests.clear()
    cache.forget_unreachable("libretranslate")  # as half an hour later
    retry = Translator([engine(fake_server, no_sleep)], cache)
    retry.run([Job(["Ciao", "Mondo"], "it", "en")])
    assert [r["q"] for r in fake_server.requests] == ["Mondo"]  # "Ciao" came from the cache


def test_build_translator_skips_libretranslate_without_url() -> None:
    chain = build_translator(["google", "libretranslate", "apertium"])
    assert [e.name for e in chain.engines] == ["google", "apertium"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong-schema", "folder-is-a-file"])
def test_a_damaged_cache_is_rebuilt_with_one_warning(tmp_path: Path, fake_server: FakeServer, no_sleep: NoSleep,
                                                     damage: str) -> None:
    folder = tmp_path / ".newsdesk-cache"
    good = TranslationCache(tmp_path)
    Translator([engine(fake_server, no_sleep)], good).run([Job(["Ciao"], "it", "en")])
    good.db.close()
    db = folder / "translations.sqlite"
    if damage == "garbage":
        db.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        db.write_bytes(db.read_bytes()[:1000])
    elif damage == "wrong-schema":
        import sqlite3

        db.unlink()
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE t (key TEXT PRIMARY KEY, value TEXT)")  # the cache of older versions
    else:
        shutil.rmtree(folder)
        folder.write_text("not a folder")
    warnings: list[str] = []
    cache = TranslationCache(tmp_path, warn=warnings.append)
    job = Job(["Ciao"], "it", "en")
    Translator([engine(fake_server, no_sleep)], cache).run([job])
    assert job.result == ["EN: Ciao"] and len(warnings) == 1
    assert warnings[0].startswith(".newsdesk-cache/")
    assert cache.get("libretranslate", "it", "en", "Ciao") == "EN: Ciao"


def test_placeholders_protect_names_figures_places_urls_and_glossary() -> None:
    p = protect("Alibaba investe 48,6 miliardi di euro in datacenter AI in Medio Oriente: https://x.it/a "
                "per avvicinarsi ai mercati", "it", "en")
    assert p.values == ("Alibaba", "€48.6 billion", "data centers", "AI", "Middle East", "https://x.it/a")
    assert " ai mercati" in p.text  # the Italian "ai" is not the acronym


def test_restore_fixes_capital_after_placeholder_and_refuses_lost_placeholders() -> None:
    p = protect("Alibaba ha annunciato un piano.", "it", "en")
    assert p.restore("ZZ0ZZ Has announced a plan.") == "Alibaba has announced a plan."
    with pytest.raises(TranslationError, match="lost placeholder"):
        p.restore("Has announced a plan.")


@needs_apertium
def test_apertium_translates_a_batch_offline_keeping_names_and_figures() -> None:
    texts = [
        "Alibaba ha annunciato un piano di investimento da 48,6 miliardi di euro nei prossimi tre anni.",
        "La collaborazione con Nvidia, però, non passa inosservata.",
        "Il 25% dei datacenter in Medio Oriente usa chip H20.",
    ]
    out = ApertiumEngine().translate_batch(texts, "it", "en")
    assert len(out) == 3
    assert out[0].startswith("Alibaba has announced") and "€48.6 billion" in out[0]
    assert "Nvidia" in out[1] and "collaboration" in out[1]
    assert "25%" in out[2] and "Middle East" in out[2] and "data centers" in out[2] and "H20" in out[2]


@needs_apertium
def test_apertium_runs_one_process_pair_per_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(cmd, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(cmd)
        return real_run(cmd, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting_run)
    ApertiumEngine().translate_batch([f"Frase numero {i} sul mercato." for i in range(50)], "it", "en")
    assert [c[-1] for c in calls] == ["ita-spa", "spa-eng"]


def test_apertium_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    apertium_modes.cache_clear()
    try:
        with pytest.raises(TranslationError, match="apt-get install apertium"):
            ApertiumEngine().translate_batch(["Ciao"], "it", "en")
    finally:
        apertium_modes.cache_clear()
