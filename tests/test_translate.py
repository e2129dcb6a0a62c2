"""Translation: the real deep-translator HTTP path against a fake LibreTranslate server on
127.0.0.1, Apertium offline, the cache and the engine chain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.errors import ConfigError, TranslationError
from newsdesk.translate import (
    ApertiumEngine,
    Job,
    RetryPolicy,
    TranslationCache,
    Translator,
    apertium_modes,
    build_translator,
    check_result,
    google_engine,
    libretranslate_engine,
    protect,
)

from .conftest import NoSleep
from .fake_libretranslate import FakeServer

needs_apertium = pytest.mark.skipif(
    not {"ita-spa", "spa-eng"} <= apertium_modes(),
    reason="apertium ita-spa/spa-eng not installed (apt-get install apertium apertium-spa-ita apertium-eng-spa cg3)",
)


def engine(server: FakeServer, no_sleep: NoSleep, timeout: float = 2.0):  # type: ignore[no-untyped-def]
    return libretranslate_engine(server.url, timeout=timeout, policy=RetryPolicy(sleep=no_sleep))


def test_success_goes_through_the_real_http_path(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    out = engine(fake_server, no_sleep).translate_batch(["Ciao mondo", "Buongiorno"], "it", "en")
    assert out == ["EN: Ciao mondo", "EN: Buongiorno"]
    assert [r["q"] for r in fake_server.requests] == ["Ciao mondo", "Buongiorno"]
    assert fake_server.requests[0]["source"] == "it" and fake_server.requests[0]["target"] == "en"


@pytest.mark.parametrize("failure", ["500", "429", "drop", "badjson", "empty"])
def test_transient_failures_are_retried_with_backoff(fake_server: FakeServer, no_sleep: NoSleep, failure: str) -> None:
    fake_server.script = [failure, failure]
    assert engine(fake_server, no_sleep).translate_batch(["Ciao"], "it", "en") == ["EN: Ciao"]
    assert len(fake_server.requests) == 3
    assert no_sleep.waits == [0.5, 1.0]


@pytest.mark.parametrize(("failure", "message"), [
    ("500", "server error"), ("429", "server error: ERR_TOO_MANY_REQUESTS"), ("drop", "connection"),
    ("badjson", "malformed answer"), ("empty", "empty answer"),
])
def test_retries_are_bounded_and_end_in_one_error_type(fake_server: FakeServer, no_sleep: NoSleep,
                                                       failure: str, message: str) -> None:
    fake_server.default = failure
    with pytest.raises(TranslationError, match=message) as info:
        engine(fake_server, no_sleep).translate_batch(["Ciao"], "it", "en")
    assert info.value.engine == "libretranslate"
    assert len(fake_server.requests) == 4  # the first try and 3 retries
    assert no_sleep.waits == [0.5, 1.0, 2.0]


def test_slow_server_times_out_instead_of_hanging(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    fake_server.default = "slow"
    with pytest.raises(TranslationError, match="timed out"):
        engine(fake_server, no_sleep, timeout=0.2).translate_batch(["Ciao"], "it", "en")
    assert len(fake_server.requests) == 4


@pytest.mark.parametrize(("mode", "message"), [("quota", "quota warning"), ("echo", "untranslated input")])
def test_answers_that_are_really_errors_are_rejected(fake_server: FakeServer, no_sleep: NoSleep,
                                                     mode: str, message: str) -> None:
    fake_server.default = mode
    with pytest.raises(TranslationError, match=message):
        engine(fake_server, no_sleep).translate_batch(["Una frase abbastanza lunga da non essere un nome proprio."],
                                                       "it", "en")


@pytest.mark.parametrize("result", [None, "", "   "])
def test_none_and_empty_are_not_translations(result: object) -> None:
    with pytest.raises(TranslationError):
        check_result("google", "Ciao", result)


def test_google_path_through_deep_translator(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    google = google_engine(timeout=2.0, policy=RetryPolicy(sleep=no_sleep), base_url=fake_server.url)
    fake_server.script = ["429"]
    assert google.translate_batch(["Ciao mondo"], "it", "en") == ["EN: Ciao mondo"]
    assert fake_server.requests[-1]["tl"] == "en" and no_sleep.waits == [0.5]
    fake_server.default = "500"
    with pytest.raises(TranslationError, match="google: request failed"):
        google.translate_batch(["Ciao"], "it", "en")


def test_unreachable_server_is_one_clean_error(no_sleep: NoSleep) -> None:
    dead = libretranslate_engine("http://127.0.0.1:9/", timeout=0.5, policy=RetryPolicy(sleep=no_sleep))
    with pytest.raises(TranslationError, match="connection failed"):
        dead.translate_batch(["Ciao"], "it", "en")


def test_chain_falls_back_and_records_the_engine(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    class Failing:
        name = "google"

        def translate_batch(self, texts, source, target):  # type: ignore[no-untyped-def]
            raise TranslationError("google", "connection failed or dropped", retryable=True)

    translator = Translator([Failing(), engine(fake_server, no_sleep)])
    job = Job(["Ciao", "Mondo"], "it", "en")
    translator.run([job])
    assert job.result == ["EN: Ciao", "EN: Mondo"] and job.engine == "libretranslate"
    assert "google" in translator.down


def test_no_engine_leaves_the_job_pending() -> None:
    translator = Translator([])
    job = Job(["Ciao"], "it", "en")
    translator.run([job])
    assert job.result is None and job.engine == "pending"


def test_cache_means_a_rebuild_makes_no_calls(fake_server: FakeServer, no_sleep: NoSleep, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    first = Translator([engine(fake_server, no_sleep)], TranslationCache(cache))
    first.run([Job(["Ciao", "Mondo"], "it", "en")])
    assert len(fake_server.requests) == 2
    second = Translator([engine(fake_server, no_sleep)], TranslationCache(cache))
    job = Job(["Ciao", "Mondo"], "it", "en")
    second.run([job])
    assert job.result == ["EN: Ciao", "EN: Mondo"]
    assert len(fake_server.requests) == 2 and second.calls == 0


def test_partial_results_survive_a_failure(fake_server: FakeServer, no_sleep: NoSleep, tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite")
    fake_server.script = ["ok", "500", "500", "500", "500"]
    translator = Translator([engine(fake_server, no_sleep)], cache)
    job = Job(["Ciao", "Mondo"], "it", "en")
    translator.run([job])
    assert job.result is None  # all or nothing per briefing
    fake_server.requests.clear()
    retry = Translator([engine(fake_server, no_sleep)], cache)
    retry.run([Job(["Ciao", "Mondo"], "it", "en")])
    assert [r["q"] for r in fake_server.requests] == ["Mondo"]  # "Ciao" came from the cache


def test_build_translator_skips_libretranslate_without_url() -> None:
    chain = build_translator(["google", "libretranslate", "apertium"])
    assert [e.name for e in chain.engines] == ["google", "apertium"]
    with pytest.raises(ConfigError, match="unknown translation engine"):
        build_translator(["deepl"])


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
