"""Translation servers that misbehave, on 127.0.0.1: every case goes through deep-translator's
real HTTP path, our session (urllib3 Retry) and the deadline, and pins the exact outcome: the
message, whether the engine is marked unreachable (and remembered), which engine the briefing
ends up with, how many requests were made and which waits the backoff asked for. No sleeps:
the backoff goes to a recorder; stalls are cut by a short real deadline."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsdesk.translate import Job, TranslationCache, Translator, google_engine, libretranslate_engine

from .conftest import NoSleep
from .fake_libretranslate import RETRY_AFTER_S, FakeServer

TEXT = "Il governo ha approvato una nuova legge sulle reti elettriche."
EN = f"EN: {TEXT}"
OFFLINE = f"OFFLINE: {TEXT}"
STALL_DEADLINE_S = 0.4  # short real deadline for the stalling servers (no sleep in the test)


class Offline:
    """A local stand-in for Apertium: always answers."""

    name = "apertium"
    remote = False
    cache_name = "apertium"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [f"OFFLINE: {t}" for t in texts]


def chain(server: FakeServer, no_sleep: NoSleep, deadline: float = 10.0, cache: TranslationCache | None = None,
          now: float = 1_000_000.0) -> Translator:
    return Translator([libretranslate_engine(server.url, timeout=deadline, sleep=no_sleep), Offline()],
                      cache or TranslationCache(None), clock=lambda: now)


DOWN = "engine down"
# id: (script, default, outcome, message, requests made, backoff waits)
#   outcome DOWN: libretranslate marked unreachable with `message`, the offline engine translates
#   outcome "text": only this text failed (`message` in job.errors), the engine stays usable
#   outcome "ok": the server's translation is used
CASES: dict[str, tuple[list[str], str, str, str, int | None, list[float]]] = {
    "500-always": ([], "500", DOWN, "server error (HTTP 500), still after retries", 4, [1.0, 2.0]),
    "502-always": ([], "502", DOWN, "server error (HTTP 502), still after retries", 4, [1.0, 2.0]),
    "503-always": ([], "503", DOWN, "server error (HTTP 503), still after retries", 4, [1.0, 2.0]),
    "500-twice-then-ok": (["500", "500"], "ok", "ok", "", 3, [1.0]),
    "429-always": ([], "429", DOWN, "rate limited (HTTP 429), still after retries", 4, [1.0, 2.0]),
    "429-retry-after-always": ([], "429-retry-after", DOWN, "rate limited (HTTP 429), still after retries", 4,
                               [RETRY_AFTER_S] * 3),
    "429-retry-after-then-ok": (["429-retry-after"], "ok", "ok", "", 2, [RETRY_AFTER_S]),
    "403-bad-key": ([], "403", DOWN, "refused the request (HTTP 403): check the API key "
                                     "(NEWSDESK_LIBRETRANSLATE_KEY)", 1, []),
    "404-wrong-url": ([], "404", DOWN, "unexpected HTTP status 404", 1, []),
    "414-too-long": ([], "414", "text", "text too long for the server (HTTP 414)", 1, []),
    "slow-before-headers": ([], "slow", DOWN, f"no complete answer within the {STALL_DEADLINE_S:g} s deadline "
                                             "(slow or stalled server)", None, []),
    "headers-then-stall": ([], "stall-after-headers", DOWN, f"no complete answer within the {STALL_DEADLINE_S:g} "
                                                           "s deadline (slow or stalled server)", None, []),
    "headers-then-drip": ([], "drip", DOWN, f"no complete answer within the {STALL_DEADLINE_S:g} s deadline "
                                           "(slow or stalled server)", None, []),
    "dropped-always": ([], "drop", DOWN, "connection failed or dropped", 4, [1.0, 2.0]),
    "dropped-once-then-ok": (["drop"], "ok", "ok", "", 2, []),
    "truncated-body": ([], "truncated", DOWN, "connection failed or dropped (ProtocolError)", 1, []),
    "bad-json": ([], "badjson", DOWN, "malformed answer (not JSON)", 1, []),
    "json-as-text-html": ([], "html-type", DOWN, "unexpected answer (Content-Type 'text/html', expected "
                                                 "application/json)", 1, []),
    "no-content-type": ([], "no-type", DOWN, "unexpected answer (no Content-Type, expected application/json)", 1, []),
    "json-list": ([], "list", DOWN, "malformed answer (TypeError: not the expected shape)", 1, []),
    "json-wrong-key": ([], "wrong-key", DOWN, "malformed answer (KeyError: not the expected shape)", 1, []),
    "json-number": ([], "number", DOWN, "malformed answer (the translation is int, not text)", 1, []),
    "json-empty-object": ([], "empty-object", DOWN, "malformed answer (no translation in it)", 1, []),
    "json-null": ([], "null", "text", "empty answer", 1, []),
    "empty-string": ([], "empty", "text", "empty answer", 1, []),
    "echo": ([], "echo", "text", "the answer is the untranslated input", 1, []),
    "quota-warning": ([], "quota", DOWN, "quota used up (the answer is a quota warning)", 1, []),
    "huge-answer": ([], "huge", DOWN, "answer over 1000 KB: not a translation", 1, []),
    "redirect-loop": ([], "redirect-loop", DOWN, "redirect loop (more than 3 redirects)", 4, []),
    "gzip-encoded": ([], "gzip", "ok", "", 1, []),
}


@pytest.mark.parametrize(("script", "default", "outcome", "message", "n_requests", "waits"), CASES.values(),
                         ids=CASES.keys())
def test_hostile_server(fake_server: FakeServer, no_sleep: NoSleep, script: list[str], default: str, outcome: str,
                        message: str, n_requests: int | None, waits: list[float]) -> None:
    fake_server.script, fake_server.default = list(script), default
    stalls = default in ("slow", "stall-after-headers", "drip")
    cache = TranslationCache(None)
    translator = chain(fake_server, no_sleep, STALL_DEADLINE_S if stalls else 10.0, cache)
    job = Job([TEXT], "it", "en")
    translator.run([job])
    if outcome == "ok":
        assert (job.result, job.engine, translator.down, job.errors) == ([EN], "libretranslate", {}, [])
    elif outcome == "text":
        assert (job.result, job.engine, translator.down) == ([OFFLINE], "apertium", {})
        assert job.errors == [f"libretranslate: {message}"]
        assert cache.unreachable("libretranslate", 1_000_000.0) is None
    else:
        assert (job.result, job.engine) == ([OFFLINE], "apertium")
        assert translator.down == {"libretranslate": message}
        assert job.errors == [f"libretranslate: {message}"]
        assert cache.unreachable("libretranslate", 1_000_000.0) == (1_000_000.0, 1_001_800.0, message)
    if n_requests is not None:
        assert len(fake_server.requests) == n_requests
    else:
        assert len(fake_server.requests) >= 1
    assert no_sleep.waits == waits


@pytest.mark.parametrize("default", ["slow", "stall-after-headers"])
def test_no_attempt_starts_after_the_deadline(fake_server: FakeServer, no_sleep: NoSleep, default: str) -> None:
    """The caller stops waiting at the deadline; the worker thread left behind used to go on
    retrying in the background (four requests, four socket timeouts). Now it makes no new one."""
    fake_server.default = default
    translator = chain(fake_server, no_sleep, STALL_DEADLINE_S)
    before = {t for t in threading.enumerate() if t.name == "newsdesk-http"}
    translator.run([Job([TEXT], "it", "en")])
    assert translator.down == {"libretranslate": f"no complete answer within the {STALL_DEADLINE_S:g} s deadline "
                                                 "(slow or stalled server)"}
    left = [t for t in threading.enumerate() if t.name == "newsdesk-http" and t not in before]
    for worker in left:  # bounded: each ends at its socket timeout, which is the deadline
        worker.join(timeout=10 * STALL_DEADLINE_S)
    assert not any(worker.is_alive() for worker in left)
    assert len(fake_server.requests) == 1


def test_retry_after_is_capped_by_the_deadline(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    fake_server.default = "429-retry-after"  # asks for 7 s; the whole request may take 3
    translator = chain(fake_server, no_sleep, deadline=3.0)
    translator.run([Job([TEXT], "it", "en")])
    assert no_sleep.waits == [3, 3, 3]
    assert translator.down == {"libretranslate": "rate limited (HTTP 429), still after retries"}


def test_connection_refused_is_retried_then_remembered(no_sleep: NoSleep) -> None:
    dead = libretranslate_engine("http://127.0.0.1:9/", timeout=5.0, sleep=no_sleep)
    translator = Translator([dead, Offline()], clock=lambda: 50.0)
    job = Job([TEXT], "it", "en")
    translator.run([job])
    assert (job.result, job.engine) == ([OFFLINE], "apertium")
    assert translator.down == {"libretranslate": "cannot connect (refused, or no network)"}
    assert no_sleep.waits == [1.0, 2.0]


def test_an_unreachable_engine_is_remembered_for_a_while(fake_server: FakeServer, no_sleep: NoSleep,
                                                         tmp_path: Path) -> None:
    """An offline machine pays the deadline once, not on every build; after the TTL it tries again."""
    fake_server.default = "503"
    first = chain(fake_server, no_sleep, cache=TranslationCache(tmp_path), now=1_000_000.0)
    first.run([Job([TEXT], "it", "en")])
    assert len(fake_server.requests) == 4
    fake_server.requests.clear()
    # The next build, 10 minutes later, from the cache on disk: no request at all.
    second = chain(fake_server, no_sleep, cache=TranslationCache(tmp_path), now=1_000_600.0)
    job = Job(["Un'altra frase da tradurre per il secondo build."], "it", "en")
    second.run([job])
    assert fake_server.requests == [] and job.engine == "apertium"
    assert second.down == {"libretranslate": "server error (HTTP 503), still after retries (at 13:46 UTC; not "
                                             "tried again before 14:16 UTC; delete .newsdesk-cache/"
                                             "translations.sqlite to try it now)"}
    assert not second.reachable_above(1)  # the upgrade probe does not pay for it either
    assert fake_server.requests == []
    # 31 minutes after the failure: tried again, and it answers.
    fake_server.default = "ok"
    third = chain(fake_server, no_sleep, cache=TranslationCache(tmp_path), now=1_001_860.0)
    job = Job([TEXT], "it", "en")
    third.run([job])
    assert (job.result, job.engine, third.down) == ([EN], "libretranslate", {})


def test_a_per_text_failure_is_not_remembered(fake_server: FakeServer, no_sleep: NoSleep, tmp_path: Path) -> None:
    fake_server.script = ["echo"]
    chain(fake_server, no_sleep, cache=TranslationCache(tmp_path)).run([Job([TEXT], "it", "en")])
    job = Job([TEXT], "it", "en")
    chain(fake_server, no_sleep, cache=TranslationCache(tmp_path)).run([job])
    assert (job.result, job.engine) == ([EN], "libretranslate")


def test_google_through_our_session(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    google = google_engine(timeout=10.0, sleep=no_sleep, base_url=fake_server.url)
    fake_server.script = ["429-retry-after"]
    assert google.translate_batch(["Ciao mondo"], "it", "en") == ["EN: Ciao mondo"]
    assert fake_server.requests[-1]["tl"] == "en" and no_sleep.waits == [RETRY_AFTER_S]
    fake_server.default = "500"
    translator = Translator([google, Offline()])
    job = Job([TEXT], "it", "en")
    translator.run([job])
    assert translator.down == {"google": "server error (HTTP 500), still after retries"}
    assert job.engine == "apertium"


def test_google_answer_that_is_not_a_page(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    fake_server.default = "badjson"  # JSON content type where Google sends HTML
    translator = Translator([google_engine(timeout=5.0, sleep=no_sleep, base_url=fake_server.url), Offline()])
    translator.run([Job([TEXT], "it", "en")])
    assert translator.down == {"google": "malformed answer (no translation in it)"}


def test_requests_itself_is_never_patched(fake_server: FakeServer, no_sleep: NoSleep) -> None:
    """Only deep-translator's own reference is routed, and only during a call."""
    import requests
    from deep_translator import libre

    before = (requests.Session.request, requests.get, requests.post)
    engine = libretranslate_engine(fake_server.url, timeout=5.0, sleep=no_sleep)
    engine.translate_batch(["Ciao"], "it", "en")
    assert (requests.Session.request, requests.get, requests.post) == before
    assert libre.requests is requests
