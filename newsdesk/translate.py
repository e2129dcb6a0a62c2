"""Translation: one interface over a chain of engines, each request bounded by a wall-clock
deadline, one error type, a cache that also remembers unreachable engines, and provenance.

    google          Google Translate through deep-translator (the default when reachable)
    libretranslate  a LibreTranslate server through deep-translator, when a URL is configured
    apertium        Debian's Apertium, offline: Italian -> Spanish -> English pivot

deep-translator (1.11.4) calls the module-level `requests.get`/`post` with no timeout and no
retries, and reports failures as its own exceptions or as "translations" (None, an echo, a quota
warning). So the HTTP engines here hand deep-translator their own `requests` for the length of
one call (`_routed`): a session of ours with urllib3's `Retry` (429, 5xx and connection errors,
with backoff and Retry-After), a size cap, a content-type check and a deadline on the whole
request, run in a worker thread so that a server that drips one byte every 2 s, or a resolver
that never answers, cannot hold the build. Failures are classified by exception type and HTTP
status, never by message text.

An engine that fails as a whole (unreachable, timing out, rate-limited, answering nonsense) is
skipped for the rest of the run and remembered in the cache for UNREACHABLE_TTL_S, so an
offline machine pays the deadline once, not on every build.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any, Protocol, Self

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import ConnectionPool
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from . import postedit
from .cache import CACHE_DIR, CacheDB, Warn
from .engines import MACHINE_ENGINES, Engine, parse_engines
from .errors import TranslationError
from .protect import protect

DEFAULT_ENGINES = tuple(str(e) for e in MACHINE_ENGINES)
TIMEOUT_S = 10.0  # wall-clock limit of one request, retries and waits included
RETRIES = 3  # attempts after the first, on 429 / 5xx / connection errors
BACKOFF_S = 0.5  # urllib3 backoff factor: waits 0, 1, 2 s between attempts (none before the first retry)
MAX_ANSWER_BYTES = 1_000_000  # a translation of one paragraph is a few KB; a bigger answer is not one
MAX_REDIRECTS = 3
MAX_CHARS = 2000  # LibreTranslate takes the text in the query string (HTTP 414 past a few KB)
# 30 min: an offline laptop rebuilding while editing pays the deadline once per half hour; a
# machine back online gets the better engine within the half hour (or at once, see README).
UNREACHABLE_TTL_S = 1800.0
PROBE_TEXT = "Il governo ha approvato una nuova legge sull'energia."
QUOTA_MARKERS = ("MYMEMORY WARNING", "QUERY LENGTH LIMIT EXCEEDED", "TOO MANY REQUESTS")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class Backend(Protocol):
    name: str
    remote: bool  # reached over the network: an outage is remembered across builds

    @property
    def cache_name(self) -> str:
        """Cache key: the engine, plus anything that changes its output."""

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]: ...


# ---- HTTP: our session, our deadline ------------------------------------------------------------

class _DeadlineError(Exception):
    pass


class _HttpStatusError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


class _BadAnswerError(Exception):
    """The server answered, but not with something an engine of this kind sends."""


# The request a worker thread is making: its cancel flag and the monotonic time of its deadline.
_current = threading.local()


def _stop_after_deadline() -> None:
    """In a worker thread whose request is past its deadline: stop, and make no further attempt.
    (The caller has stopped waiting; without this the thread went on retrying in the background
    for up to four socket timeouts and the backoff waits.)"""
    cancel: threading.Event | None = getattr(_current, "cancel", None)
    if (cancel is not None and cancel.is_set()) or time.monotonic() >= getattr(_current, "until", math.inf):
        raise _DeadlineError()


def _retry_class(sleep: Callable[[float], None]) -> type[Retry]:
    """urllib3's Retry, sleeping through `sleep` (tests pass a recorder). Retry copies itself
    with type(self)(...) on every attempt, so the sleeper lives on a class made per engine.
    No attempt starts after the request's deadline."""

    class EngineRetry(Retry):
        def increment(self, method: str | None = None, url: str | None = None,
                      response: BaseHTTPResponse | None = None, error: Exception | None = None,
                      _pool: ConnectionPool | None = None, _stacktrace: TracebackType | None = None) -> Self:
            _stop_after_deadline()
            return super().increment(method, url, response, error, _pool, _stacktrace)

        def sleep_for_retry(self, response: Any) -> bool:
            retry_after = self.get_retry_after(response)
            if retry_after:
                sleep(retry_after)
                _stop_after_deadline()
                return True
            return False

        def _sleep_backoff(self) -> None:
            backoff = self.get_backoff_time()
            if backoff > 0:
                sleep(backoff)
                _stop_after_deadline()

    return EngineRetry


@dataclass
class Http:
    """One engine's HTTP client: a requests session with urllib3 Retry, and a deadline on the
    whole request (connect, retries, waits, headers and body)."""

    deadline: float = TIMEOUT_S
    sleep: Callable[[float], None] = time.sleep
    expect: str = "application/json"  # the Content-Type this engine answers with
    max_bytes: int = MAX_ANSWER_BYTES
    session: requests.Session = field(init=False)

    def __post_init__(self) -> None:
        retry = _retry_class(self.sleep)(
            total=RETRIES, connect=RETRIES, read=RETRIES, status=RETRIES, other=0,
            backoff_factor=BACKOFF_S, status_forcelist=RETRY_STATUSES,
            allowed_methods=None,  # LibreTranslate's POST /translate is safe to repeat
            respect_retry_after_header=True,
            retry_after_max=max(1, int(self.deadline)),  # a longer wait is cut by the deadline anyway
            raise_on_status=False,  # the last answer comes back, classified below by its status
            redirect=MAX_REDIRECTS, raise_on_redirect=True,
        )
        self.session = requests.Session()
        self.session.max_redirects = MAX_REDIRECTS
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """The whole exchange in a worker thread, waited for at most `deadline` seconds. A
        thread left behind stops at its next read (the cancel flag) or socket timeout."""
        outcome: dict[str, Any] = {}
        cancel = threading.Event()

        until = time.monotonic() + self.deadline

        def work() -> None:
            _current.cancel, _current.until = cancel, until
            try:
                outcome["response"] = self._fetch(method, url, cancel, kwargs)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=work, name="newsdesk-http", daemon=True)
        worker.start()
        worker.join(self.deadline)
        if worker.is_alive():
            cancel.set()
            raise _DeadlineError()
        if "error" in outcome:
            raise outcome["error"]
        response: requests.Response = outcome["response"]
        return response

    def _fetch(self, method: str, url: str, cancel: threading.Event, kwargs: dict[str, Any]) -> requests.Response:
        kwargs.pop("proxies", None)  # deep-translator passes None; the session's settings apply
        response = self.session.request(method, url, timeout=self.deadline, stream=True, **kwargs)
        try:
            if not 200 <= response.status_code < 300:
                raise _HttpStatusError(response.status_code)
            kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if kind != self.expect:
                got = f"Content-Type {kind!r}" if kind else "no Content-Type"
                raise _BadAnswerError(f"unexpected answer ({got}, expected {self.expect})")
            body = bytearray()
            while True:
                chunk = response.raw.read1(16384, decode_content=True)
                if not chunk:
                    break
                body += chunk
                if len(body) > self.max_bytes:
                    raise _BadAnswerError(f"answer over {self.max_bytes // 1000} KB: not a translation")
                if cancel.is_set():
                    raise _DeadlineError()
            response._content = bytes(body)
            return response
        finally:
            response.close()


def classify_error(engine: str, exc: BaseException, deadline: float) -> TranslationError:
    """Any exception an HTTP engine raised -> TranslationError, by type and status code.
    engine_down: the engine as a whole failed, skip it; otherwise only this text failed."""
    from deep_translator import exceptions as dt

    def down(message: str) -> TranslationError:
        return TranslationError(engine, message, engine_down=True)

    if isinstance(exc, TranslationError):
        return exc
    if isinstance(exc, _DeadlineError):
        return down(f"no complete answer within the {deadline:g} s deadline (slow or stalled server)")
    if isinstance(exc, _HttpStatusError):
        status = exc.status
        if status == 429:
            return down("rate limited (HTTP 429), still after retries")
        if status >= 500:
            return down(f"server error (HTTP {status}), still after retries")
        if status in (401, 403):
            return down(f"refused the request (HTTP {status}): check the API key (NEWSDESK_LIBRETRANSLATE_KEY)")
        if status in (413, 414):
            return TranslationError(engine, f"text too long for the server (HTTP {status})")
        return down(f"unexpected HTTP status {status}")
    if isinstance(exc, _BadAnswerError):
        return down(str(exc))
    if isinstance(exc, json.JSONDecodeError):  # before RequestException: requests' own is both
        return down("malformed answer (not JSON)")
    if isinstance(exc, requests.TooManyRedirects):
        return down(f"redirect loop (more than {MAX_REDIRECTS} redirects)")
    if isinstance(exc, (requests.Timeout, urllib3.exceptions.TimeoutError, socket.timeout)):
        return down("timed out (no answer within the socket timeout)")
    if isinstance(exc, requests.ConnectionError):
        reason = exc.args[0].reason if exc.args and isinstance(exc.args[0], urllib3.exceptions.MaxRetryError) else None
        if isinstance(reason, urllib3.exceptions.ReadTimeoutError):
            return down("timed out (no answer within the socket timeout)")
        if isinstance(reason, urllib3.exceptions.NewConnectionError):
            return down("cannot connect (refused, or no network)")
        return down("connection failed or dropped")
    if isinstance(exc, (requests.RequestException, urllib3.exceptions.HTTPError, OSError)):
        return down(f"connection failed or dropped ({type(exc).__name__})")
    if isinstance(exc, dt.TranslationNotFound):
        return down("malformed answer (no translation in it)")
    if isinstance(exc, (dt.NotValidPayload, dt.NotValidLength)):
        return TranslationError(engine, f"text refused by deep-translator ({type(exc).__name__})")
    if isinstance(exc, (KeyError, TypeError, IndexError, AttributeError, ValueError)):
        return down(f"malformed answer ({type(exc).__name__}: not the expected shape)")
    return TranslationError(engine, f"{type(exc).__name__}: {exc}")


def check_result(engine: str, source_text: str, result: object) -> str:
    """Reject "translations" that are really failures."""
    if result is not None and not isinstance(result, str):
        raise TranslationError(engine, f"malformed answer (the translation is {type(result).__name__}, not text)",
                               engine_down=True)
    if not result or not result.strip():
        raise TranslationError(engine, "empty answer")
    upper = result.upper()
    if any(marker in upper for marker in QUOTA_MARKERS):
        raise TranslationError(engine, "quota used up (the answer is a quota warning)", engine_down=True)
    if len(source_text) > 40 and result.strip() == source_text.strip():
        raise TranslationError(engine, "the answer is the untranslated input")
    return result.strip()


class _Requests:
    """What deep-translator calls `requests` during one of our calls: get/post through Http."""

    def __init__(self, http: Http) -> None:
        self.http = http

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self.http.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self.http.request("POST", url, **kwargs)


_routing = threading.Lock()


@contextlib.contextmanager
def _routed(module: ModuleType, http: Http) -> Iterator[None]:
    """deep-translator looks `requests` up in its own module on every call and takes no session:
    for the length of one call, that name is our client. Only that module, only then (and one
    engine at a time): the rest of the process keeps the real requests."""
    with _routing:
        original = module.requests
        module.requests = _Requests(http)  # type: ignore[attr-defined]
        try:
            yield
        finally:
            module.requests = original  # type: ignore[attr-defined]


@dataclass
class HttpEngine:
    """One deep-translator backend with our HTTP client and checked answers."""

    name: str
    factory: Callable[[str, str], Any]  # (source, target) -> deep-translator object
    module: ModuleType  # the deep-translator module whose `requests` is routed through `http`
    http: Http
    remote: bool = True

    @property
    def cache_name(self) -> str:
        return self.name

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        try:
            translator = self.factory(source, target)
        except Exception as exc:
            raise TranslationError(self.name, f"cannot translate {source}->{target}: {type(exc).__name__}") from exc
        out: list[str] = []
        for text in texts:
            try:
                if len(text) > MAX_CHARS:
                    raise TranslationError(self.name, f"text of {len(text)} characters is over {MAX_CHARS}")
                with _routed(self.module, self.http):
                    answer = translator.translate(text)
                out.append(check_result(self.name, text, answer))
            except Exception as exc:
                error = classify_error(self.name, exc, self.http.deadline)
                error.partial = out
                raise error from exc
        return out


def google_engine(timeout: float = TIMEOUT_S, sleep: Callable[[float], None] = time.sleep,
                  base_url: str | None = None) -> HttpEngine:
    """base_url replaces Google's address (tests point it at a local fake)."""
    from deep_translator import GoogleTranslator, google

    def factory(source: str, target: str) -> Any:
        translator = GoogleTranslator(source=source, target=target)
        if base_url:
            translator._base_url = base_url
        return translator

    return HttpEngine("google", factory, google, Http(timeout, sleep, expect="text/html"))


def libretranslate_engine(url: str, api_key: str | None = None, timeout: float = TIMEOUT_S,
                          sleep: Callable[[float], None] = time.sleep) -> HttpEngine:
    from deep_translator import LibreTranslator, libre

    base = url if url.endswith("/") else url + "/"  # deep-translator appends "translate" as is
    # deep-translator refuses to start without a key, even for a self-hosted server.
    return HttpEngine("libretranslate",
                      lambda s, t: LibreTranslator(source=s, target=t, api_key=api_key or "none", custom_url=base),
                      libre, Http(timeout, sleep, expect="application/json"))


# ---- Apertium, offline -------------------------------------------------------------------------

APERTIUM_PIVOTS = {("it", "en"): ("ita-spa", "spa-eng"), ("en", "it"): ("eng-spa", "spa-ita")}
APERTIUM_MARKS = re.compile(r"(?<!\w)[#@*](?=\w)")


@functools.lru_cache(maxsize=1)
def apertium_modes() -> frozenset[str]:
    if shutil.which("apertium") is None:
        return frozenset()
    try:
        listing = subprocess.run(["apertium", "-l"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in listing.stdout.splitlines() if line.strip())


@dataclass
class ApertiumEngine:
    """Apertium through a pivot language; a whole batch goes through one pipe. Its output is
    protected before (placeholders) and post-edited after (newsdesk.postedit)."""

    name: str = "apertium"
    timeout: float = 300.0
    remote: bool = False

    @property
    def cache_name(self) -> str:
        # A change to the protection or post-editing rules changes the output: a new cache key.
        return f"apertium/{postedit.rules_version()}"

    def available(self, source: str, target: str) -> bool:
        pivot = APERTIUM_PIVOTS.get((source, target))
        return pivot is not None and set(pivot) <= apertium_modes()

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        if not self.available(source, target):
            raise TranslationError(self.name, f"not installed for {source}->{target} "
                                   "(apt-get install apertium apertium-spa-ita apertium-eng-spa cg3)",
                                   engine_down=True)
        if not texts:
            return []
        protected = [protect(t, source, target) for t in texts]
        # One text per paragraph: Apertium keeps blank lines, so the batch splits back cleanly.
        payload = "\n\n".join(" ".join(p.text.split()) for p in protected) + "\n"
        for mode in APERTIUM_PIVOTS[(source, target)]:
            try:
                run = subprocess.run(["apertium", "-u", "-f", "txt", mode], input=payload, capture_output=True,
                                     text=True, timeout=self.timeout, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise TranslationError(self.name, f"{mode} failed: {exc}", engine_down=True) from exc
            if run.returncode != 0:
                raise TranslationError(self.name, f"{mode} exited {run.returncode}: {run.stderr.strip()[:200]}",
                                       engine_down=True)
            payload = run.stdout
            if mode == "ita-spa" and target == "en":
                payload = postedit.pre_edit_spanish(payload)  # senses spa-eng would get wrong
        parts = [p.strip() for p in re.split(r"\n\s*\n", payload.strip())]
        if len(parts) != len(texts):
            raise TranslationError(self.name, f"returned {len(parts)} paragraphs for {len(texts)} texts")
        out = []
        for text, p, raw in zip(texts, protected, parts, strict=True):
            english = p.restore(" ".join(APERTIUM_MARKS.sub("", raw).split()))
            if (source, target) == ("it", "en"):
                english = postedit.post_edit(english)
            elif (source, target) == ("en", "it"):
                english = postedit.post_edit_italian(english)
            out.append(check_result(self.name, text, english))
        return out


# ---- cache: translations, and engines known to be unreachable ----------------------------------

CACHE_VERSION = 2
CACHE_SCHEMA = """
CREATE TABLE translation (
    engine TEXT NOT NULL,          -- Backend.cache_name
    source TEXT NOT NULL,          -- ISO 639-1
    target TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,     -- of the source text
    translation TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, text_sha256)
) STRICT;
CREATE TABLE unreachable (
    engine TEXT PRIMARY KEY,       -- Engine name
    since REAL NOT NULL,           -- Unix time of the failure
    until REAL NOT NULL,           -- not tried again before this Unix time
    reason TEXT NOT NULL
) STRICT;
"""


def _text(row: tuple[Any, ...]) -> str:
    if not isinstance(row[0], str):
        raise ValueError("translation is not text")
    return row[0]


def _down_row(row: tuple[Any, ...]) -> tuple[float, float, str]:
    since, until, reason = row
    if not isinstance(reason, str):
        raise ValueError("reason is not text")
    return float(since), float(until), reason


class TranslationCache:
    """`.newsdesk-cache/translations.sqlite` on the shared disposable cache (newsdesk.cache):
    (engine, languages, text) -> translation, so a rebuild makes no calls; and the engines that
    failed recently, with when to try them again. A damaged file is rebuilt with one warning."""

    def __init__(self, root: Path | None, warn: Warn | None = None) -> None:
        self.db = CacheDB.open(root, "translations", version=CACHE_VERSION, schema=CACHE_SCHEMA, warn=warn)

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, engine: str, source: str, target: str, text: str) -> str | None:
        rows = self.db.read("SELECT translation FROM translation WHERE engine = ? AND source = ? AND target = ? "
                            "AND text_sha256 = ?", (engine, source, target, self.digest(text)), _text)
        return rows[0] if rows else None

    def put(self, engine: str, source: str, target: str, text: str, translation: str) -> None:
        self.db.write("INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?)",
                      (engine, source, target, self.digest(text), translation))

    def size(self) -> int:
        rows = self.db.read("SELECT count(*) FROM translation", (), lambda r: int(r[0]))
        return rows[0] if rows else 0

    def unreachable(self, engine: str, now: float) -> tuple[float, float, str] | None:
        """(since, until, reason) while the engine is remembered as unreachable, else None."""
        rows = self.db.read("SELECT since, until, reason FROM unreachable WHERE engine = ? AND until > ?",
                            (engine, now), _down_row)
        return rows[0] if rows else None

    def remember_unreachable(self, engine: str, since: float, until: float, reason: str) -> None:
        self.db.write("INSERT OR REPLACE INTO unreachable VALUES (?, ?, ?, ?)", (engine, since, until, reason))

    def forget_unreachable(self, engine: str) -> None:
        self.db.write("DELETE FROM unreachable WHERE engine = ?", (engine,))

    def commit(self) -> None:
        self.db.commit()


# ---- the chain ---------------------------------------------------------------------------------

@dataclass
class Job:
    """The texts of one briefing: all translated by one engine, or none."""

    texts: list[str]
    source: str
    target: str
    min_rank: int = 0  # only engines ranked above this (an upgrade needs a better engine)
    result: list[str] | None = None
    engine: str = "pending"
    errors: list[str] = field(default_factory=list)


def _hhmm(t: float) -> str:
    return datetime.fromtimestamp(t, tz=UTC).strftime("%H:%M UTC")


@dataclass
class Translator:
    engines: list[Backend]
    cache: TranslationCache = field(default_factory=lambda: TranslationCache(None))
    clock: Callable[[], float] = time.time  # wall clock, for remembering outages across builds
    unreachable_ttl: float = UNREACHABLE_TTL_S
    calls: int = 0  # engine batches actually sent (a warm rebuild makes none)
    down: dict[str, str] = field(default_factory=dict)  # engine -> why, for the rest of the run
    _probed: dict[int, bool] = field(default_factory=dict)

    def usable(self, engine: Backend) -> bool:
        """Not failed in this run, and not remembered as unreachable by a recent build."""
        if engine.name in self.down:
            return False
        if engine.remote:
            known = self.cache.unreachable(engine.name, self.clock())
            if known is not None:
                since, until, reason = known
                self.down[engine.name] = (f"{reason} (at {_hhmm(since)}; not tried again before {_hhmm(until)}; "
                                          f"delete {CACHE_DIR}/translations.sqlite to try it now)")
                return False
        return True

    def _failed(self, engine: Backend, exc: TranslationError) -> None:
        reason = str(exc).removeprefix(f"{engine.name}: ")
        self.down[engine.name] = reason
        if engine.remote:
            now = self.clock()
            self.cache.remember_unreachable(engine.name, now, now + self.unreachable_ttl, reason)
            self.cache.commit()

    def reachable_above(self, rank: int, source: str = "it", target: str = "en") -> bool:
        """Does an engine better than `rank` answer now? One short probe per run, so a build
        with no better engine does not re-analyse every article it could have upgraded."""
        if rank not in self._probed:
            self._probed[rank] = False
            for engine in self.engines:
                if Engine(engine.name).rank <= rank or not self.usable(engine):
                    continue
                try:
                    engine.translate_batch([PROBE_TEXT], source, target)
                except TranslationError as exc:
                    if exc.engine_down:
                        self._failed(engine, exc)
                    continue
                self._probed[rank] = True
                break
        return self._probed[rank]

    def run(self, jobs: list[Job]) -> None:
        """Translate every job, batching all jobs of one engine into as few calls as possible.
        A job an engine fails goes on to the next engine; partial results stay cached."""
        for engine in self.engines:
            rank = Engine(engine.name).rank
            todo = [j for j in jobs if j.result is None and rank > j.min_rank]
            if not todo or not self.usable(engine):
                continue
            by_pair: dict[tuple[str, str], list[Job]] = {}
            for job in todo:
                by_pair.setdefault((job.source, job.target), []).append(job)
            for (source, target), group in by_pair.items():
                if engine.name not in self.down:
                    self._run_engine(engine, source, target, group)
        self.cache.commit()

    def _run_engine(self, engine: Backend, source: str, target: str, group: list[Job]) -> None:
        key = engine.cache_name
        texts = sorted({t for j in group for t in j.texts})
        missing = [t for t in texts if self.cache.get(key, source, target, t) is None]
        if missing:
            self.calls += 1
            try:
                translated = engine.translate_batch(missing, source, target)
                for text, out in zip(missing, translated, strict=True):
                    self.cache.put(key, source, target, text, out)
            except TranslationError as exc:
                for text, out in zip(missing, exc.partial, strict=False):
                    self.cache.put(key, source, target, text, out)
                for job in group:
                    job.errors.append(str(exc))
                if exc.engine_down:
                    self._failed(engine, exc)
                    return
                if len(group) > 1:
                    # One text it cannot do (an echo, a lost placeholder): the others still can.
                    for job in group:
                        self._run_engine(engine, source, target, [job])
                    return
        for job in group:
            if job.result is not None:
                continue
            values = [self.cache.get(key, source, target, t) for t in job.texts]
            if all(v is not None for v in values):
                job.result = [v for v in values if v is not None]
                job.engine = engine.name


def build_translator(names: Sequence[str], *, libretranslate_url: str | None = None,
                     libretranslate_key: str | None = None, cache_root: Path | None = None,
                     timeout: float = TIMEOUT_S, sleep: Callable[[float], None] = time.sleep,
                     warn: Warn | None = None) -> Translator:
    """The engine chain in the order given (names checked against the Engine enum: an unknown
    one is a ConfigError); libretranslate only when a URL is set. cache_root: the project folder
    (the cache lives in its .newsdesk-cache/), or None for a cache in memory."""
    backends: list[Backend] = []
    for engine in parse_engines(names):
        if engine is Engine.GOOGLE:
            backends.append(google_engine(timeout, sleep))
        elif engine is Engine.LIBRETRANSLATE:
            if libretranslate_url:
                backends.append(libretranslate_engine(libretranslate_url, libretranslate_key, timeout, sleep))
        elif engine is Engine.APERTIUM:
            backends.append(ApertiumEngine())
    return Translator(backends, TranslationCache(cache_root, warn))


def best_rank(translator: Translator) -> int:
    return max((Engine(e.name).rank for e in translator.engines), default=0)
