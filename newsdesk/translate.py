"""Translation: one interface over a chain of engines, with timeouts, bounded retries, one
error type, a cache and provenance.

deep-translator (1.11.4) calls `requests` with no timeout and no retries, lets raw `requests`
exceptions through, and can "succeed" with None, an echo or a quota warning. Each of those
is handled here, once, for every engine:

    google          deep-translator's GoogleTranslator (the default when reachable)
    libretranslate  deep-translator's LibreTranslator, when a server URL is configured
    apertium        Debian's Apertium, offline: Italian -> Spanish -> English pivot

The offline engine is literal, so names, figures, places, URLs and glossary terms are swapped
for placeholder tokens (ZZ<n>ZZ) that it passes through untouched, and restored afterwards.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import requests
import yaml

from . import entities, figures, geo
from .errors import ConfigError, TranslationError

# Provenance ranks: a briefing is re-translated when a better engine becomes reachable.
ENGINE_RANK = {"pending": 0, "apertium": 1, "libretranslate": 2, "google": 3}
DEFAULT_ENGINES = ("google", "libretranslate", "apertium")
TIMEOUT_S = 10.0  # per HTTP request; a slow server must not hang the build
RETRIES = 3  # attempts after the first, on 429 / 5xx / timeouts / dropped connections
BACKOFF_S = 0.5  # first wait; doubles each retry (0.5, 1, 2)
MAX_CHARS = 2000  # LibreTranslate takes the text in the query string (HTTP 414 past a few KB)
PLACEHOLDER_RE = re.compile(r"ZZ(\d+)ZZ")
PROBE_TEXT = "Il governo ha approvato una nuova legge sull'energia."
QUOTA_MARKERS = ("MYMEMORY WARNING", "QUERY LENGTH LIMIT EXCEEDED", "TOO MANY REQUESTS")
# deep-translator's ServerException messages that are worth a retry (429 and 5xx).
RETRYABLE_SERVER_MESSAGES = {"ERR_TOO_MANY_REQUESTS", "ERR_INTERNAL_SERVER_ERROR",
                             "ERR_SERVICE_NOT_AVAIBLE", "API server error"}


class Engine(Protocol):
    name: str

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]: ...


# ---- HTTP engines through deep-translator ----------------------------------------------------

@contextlib.contextmanager
def http_timeout(seconds: float) -> Iterator[None]:
    """Give every `requests` call made inside a default timeout: deep-translator sets none."""
    original = requests.Session.request

    def request(self: requests.Session, method: str, url: str, **kwargs: Any) -> requests.Response:
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = seconds
        return original(self, method, url, **kwargs)

    requests.Session.request = request  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        requests.Session.request = original  # type: ignore[method-assign]


def classify_error(engine: str, exc: BaseException) -> TranslationError:
    """Any exception an engine raised -> TranslationError, marked retryable or not."""
    from deep_translator import exceptions as dt

    if isinstance(exc, TranslationError):
        return exc
    if isinstance(exc, requests.Timeout):
        return TranslationError(engine, f"timed out ({exc.__class__.__name__})", retryable=True)
    if isinstance(exc, requests.ConnectionError):
        return TranslationError(engine, "connection failed or dropped", retryable=True)
    if isinstance(exc, dt.TooManyRequests):
        return TranslationError(engine, "rate limited (HTTP 429)", retryable=True)
    if isinstance(exc, dt.ServerException):
        message = str(exc)
        return TranslationError(engine, f"server error: {message}", retryable=message in RETRYABLE_SERVER_MESSAGES)
    if isinstance(exc, dt.RequestError):
        return TranslationError(engine, "request failed (HTTP error)", retryable=True)
    if isinstance(exc, (ValueError, KeyError, TypeError)):
        # requests' JSONDecodeError is a ValueError: a broken answer, maybe a passing one.
        return TranslationError(engine, f"malformed answer ({exc.__class__.__name__})", retryable=True)
    return TranslationError(engine, f"{exc.__class__.__name__}: {exc}")


def check_result(engine: str, source_text: str, result: object) -> str:
    """Reject "translations" that are really failures."""
    if not isinstance(result, str) or not result.strip():
        raise TranslationError(engine, "empty answer", retryable=True)
    upper = result.upper()
    if any(marker in upper for marker in QUOTA_MARKERS):
        raise TranslationError(engine, "quota warning returned as the translation")
    if len(source_text) > 40 and result.strip() == source_text.strip():
        raise TranslationError(engine, "the answer is the untranslated input")
    return result.strip()


@dataclass
class RetryPolicy:
    retries: int = RETRIES
    backoff: float = BACKOFF_S
    sleep: Callable[[float], None] = time.sleep

    def run(self, engine: str, call: Callable[[], str]) -> str:
        for attempt in range(self.retries + 1):
            try:
                return call()
            except Exception as exc:
                error = classify_error(engine, exc)
                if not error.retryable or attempt == self.retries:
                    raise error from exc
                self.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")


@dataclass
class HttpEngine:
    """One deep-translator backend, made safe: timeout, retries, checked answers."""

    name: str
    factory: Callable[[str, str], Any]  # (source, target) -> deep-translator object
    timeout: float = TIMEOUT_S
    policy: RetryPolicy = field(default_factory=RetryPolicy)

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        try:
            translator = self.factory(source, target)
        except Exception as exc:
            raise classify_error(self.name, exc) from exc
        out: list[str] = []
        with http_timeout(self.timeout):
            for text in texts:
                if len(text) > MAX_CHARS:
                    raise TranslationError(self.name, f"text of {len(text)} characters is over {MAX_CHARS}")

                def call(text: str = text) -> str:
                    return check_result(self.name, text, translator.translate(text))

                try:
                    out.append(self.policy.run(self.name, call))
                except TranslationError as exc:
                    exc.partial = out
                    raise
        return out


def google_engine(timeout: float = TIMEOUT_S, policy: RetryPolicy | None = None,
                  base_url: str | None = None) -> HttpEngine:
    """base_url replaces Google's address (tests point it at a local fake)."""
    from deep_translator import GoogleTranslator

    def factory(source: str, target: str) -> Any:
        translator = GoogleTranslator(source=source, target=target)
        if base_url:
            translator._base_url = base_url
        return translator

    return HttpEngine("google", factory, timeout, policy or RetryPolicy())


def libretranslate_engine(url: str, api_key: str | None = None, timeout: float = TIMEOUT_S,
                          policy: RetryPolicy | None = None) -> HttpEngine:
    from deep_translator import LibreTranslator

    base = url if url.endswith("/") else url + "/"  # deep-translator appends "translate" as is
    # deep-translator refuses to start without a key, even for a self-hosted server.
    return HttpEngine("libretranslate",
                      lambda s, t: LibreTranslator(source=s, target=t, api_key=api_key or "none", custom_url=base),
                      timeout, policy or RetryPolicy())


# ---- Apertium, offline -------------------------------------------------------------------------

APERTIUM_PIVOTS = {("it", "en"): ("ita-spa", "spa-eng"), ("en", "it"): ("eng-spa", "spa-ita")}
APERTIUM_MARKS = re.compile(r"(?<!\w)[#@*](?=\w)")


@functools.lru_cache(maxsize=1)
def apertium_modes() -> frozenset[str]:
    if shutil.which("apertium") is None:
        return frozenset()
    try:
        listing = subprocess.run(["apertium", "-l"], capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in listing.stdout.splitlines() if line.strip())


@dataclass
class ApertiumEngine:
    """Apertium through a pivot language; a whole batch goes through one pipe."""

    name: str = "apertium"
    timeout: float = 300.0

    def available(self, source: str, target: str) -> bool:
        pivot = APERTIUM_PIVOTS.get((source, target))
        return pivot is not None and set(pivot) <= apertium_modes()

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        if not self.available(source, target):
            raise TranslationError(self.name, f"not installed for {source}->{target} "
                                   "(apt-get install apertium apertium-spa-ita apertium-eng-spa cg3)")
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
                raise TranslationError(self.name, f"{mode} failed: {exc}") from exc
            if run.returncode != 0:
                raise TranslationError(self.name, f"{mode} exited {run.returncode}: {run.stderr.strip()[:200]}")
            payload = run.stdout
        parts = [p.strip() for p in re.split(r"\n\s*\n", payload.strip())]
        if len(parts) != len(texts):
            raise TranslationError(self.name, f"returned {len(parts)} paragraphs for {len(texts)} texts")
        return [check_result(self.name, t, p.restore(" ".join(APERTIUM_MARKS.sub("", out).split())))
                for t, p, out in zip(texts, protected, parts, strict=False)]


# ---- placeholders ----------------------------------------------------------------------------

URL_RE = re.compile(r"https?://\S+")


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    data: dict[str, dict[str, str]] = yaml.safe_load(geo._data("glossary.yaml"))
    return data["it-en"]


@functools.lru_cache(maxsize=1)
def _glossary_re() -> re.Pattern[str]:
    terms = sorted(glossary(), key=len, reverse=True)
    # Acronyms match as written ("AI", not the Italian "ai"); other terms in any case.
    alternatives = [f"(?-i:{re.escape(t)})" if t.isupper() else re.escape(t) for t in terms]
    return re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _glossary_folded() -> dict[str, str]:
    return {k.casefold(): v for k, v in glossary().items()}


@dataclass(frozen=True)
class Protected:
    text: str  # with placeholders
    values: tuple[str, ...]  # what each placeholder stands for in the target language

    def restore(self, translated: str) -> str:
        missing = [i for i in range(len(self.values)) if f"ZZ{i}ZZ" not in translated]
        if missing:
            raise TranslationError("apertium", f"lost placeholder(s) {missing} in {translated!r}")
        # Apertium capitalises the word after an unknown token ("ZZ0ZZ Has announced"): names
        # are all placeholders, so a capital right after one is an artefact.
        translated = re.sub(r"(ZZ\d+ZZ) ([A-Z][a-z]+)\b", lambda m: f"{m.group(1)} {m.group(2).lower()}", translated)
        return PLACEHOLDER_RE.sub(lambda m: self.values[int(m.group(1))], translated)


def protect(text: str, source: str, target: str) -> Protected:
    """Swap the spans a literal engine would mangle for placeholders (figures, names,
    places, URLs, glossary terms); overlapping spans keep the earliest, longest one."""
    spans: list[tuple[int, int, str]] = []
    for fig in figures.find_figures(text, source):
        spans.append((fig.start, fig.end, fig.en if target == "en" else fig.it))
    for mention in entities.find_mentions(text, source):
        spans.append((mention.start, mention.end, mention.name))
    for place in geo.find_places(text, source):
        phrase = text[place.start:place.end]
        if place.named and (not geo.is_country(place.code) or phrase == geo.label(place.code, source)):
            spans.append((place.start, place.end, geo.label(place.code, target)))
    for m in URL_RE.finditer(text):
        spans.append((m.start(), m.end(), m.group(0)))
    if source == "it" and target == "en":
        for m in _glossary_re().finditer(text):
            english = _glossary_folded()[m.group(0).casefold()]
            spans.append((m.start(), m.end(), english))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[str] = []
    values: list[str] = []
    pos = 0
    for start, end, value in spans:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f"ZZ{len(values)}ZZ")
        values.append(value)
        pos = end
    out.append(text[pos:])
    return Protected("".join(out), tuple(values))


# ---- cache and chain ---------------------------------------------------------------------------

class TranslationCache:
    """sqlite: (engine, source, target, text) -> translation. A rebuild makes no calls."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path) if path else ":memory:")
        self.db.execute("CREATE TABLE IF NOT EXISTS t (key TEXT PRIMARY KEY, value TEXT NOT NULL)")

    @staticmethod
    def key(engine: str, source: str, target: str, text: str) -> str:
        return hashlib.sha256("\x1f".join((engine, source, target, text)).encode()).hexdigest()

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM t WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (key, value))

    def size(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM t").fetchone()[0])

    def commit(self) -> None:
        self.db.commit()


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


@dataclass
class Translator:
    engines: list[Engine]
    cache: TranslationCache = field(default_factory=lambda: TranslationCache(None))
    calls: int = 0  # engine batches actually sent (a warm rebuild makes none)
    down: dict[str, str] = field(default_factory=dict)  # engine -> why, for the rest of the run
    _probed: dict[int, bool] = field(default_factory=dict)

    def reachable_above(self, rank: int, source: str = "it", target: str = "en") -> bool:
        """Does an engine better than `rank` answer now? One short probe per run, so a build
        with no better engine does not re-analyse every article it could have upgraded."""
        if rank not in self._probed:
            self._probed[rank] = False
            for engine in self.engines:
                if ENGINE_RANK.get(engine.name, 0) <= rank or engine.name in self.down:
                    continue
                try:
                    engine.translate_batch([PROBE_TEXT], source, target)
                except TranslationError as exc:
                    if exc.retryable:
                        self.down[engine.name] = str(exc)
                    continue
                self._probed[rank] = True
                break
        return self._probed[rank]

    def run(self, jobs: list[Job]) -> None:
        """Translate every job, batching all jobs of one engine into as few calls as possible.
        A job an engine fails goes on to the next engine; partial results stay cached."""
        for engine in self.engines:
            todo = [j for j in jobs if j.result is None and ENGINE_RANK.get(engine.name, 0) > j.min_rank]
            if not todo or engine.name in self.down:
                continue
            by_pair: dict[tuple[str, str], list[Job]] = {}
            for job in todo:
                by_pair.setdefault((job.source, job.target), []).append(job)
            for (source, target), group in by_pair.items():
                self._run_engine(engine, source, target, group)
        self.cache.commit()

    def _run_engine(self, engine: Engine, source: str, target: str, group: list[Job]) -> None:
        keys = {t: self.cache.key(engine.name, source, target, t) for j in group for t in j.texts}
        missing = sorted({t for t, k in keys.items() if self.cache.get(k) is None})
        if missing:
            self.calls += 1
            try:
                translated = engine.translate_batch(missing, source, target)
                for text, out in zip(missing, translated, strict=False):
                    self.cache.put(keys[text], out)
            except TranslationError as exc:
                for text, out in zip(missing, exc.partial, strict=False):
                    self.cache.put(keys[text], out)
                for job in group:
                    job.errors.append(str(exc))
                if exc.retryable:
                    # Retries are spent: the engine is unreachable for the rest of this run.
                    self.down[engine.name] = str(exc)
                    return
                if len(group) > 1:
                    # One text it cannot do (an echo, a lost placeholder): the others still can.
                    for job in group:
                        self._run_engine(engine, source, target, [job])
                    return
        for job in group:
            if job.result is not None:
                continue
            values = [self.cache.get(keys[t]) for t in job.texts]
            if all(v is not None for v in values):
                job.result = [v for v in values if v is not None]
                job.engine = engine.name


def build_translator(names: Sequence[str], *, libretranslate_url: str | None = None,
                     libretranslate_key: str | None = None, cache_path: Path | None = None,
                     timeout: float = TIMEOUT_S, policy: RetryPolicy | None = None) -> Translator:
    """The engine chain in the order given; libretranslate only when a URL is set."""
    engines: list[Engine] = []
    for name in names:
        if name == "google":
            engines.append(google_engine(timeout, policy))
        elif name == "libretranslate":
            if libretranslate_url:
                engines.append(libretranslate_engine(libretranslate_url, libretranslate_key, timeout, policy))
        elif name == "apertium":
            engines.append(ApertiumEngine())
        else:
            raise ConfigError(f"unknown translation engine {name!r}; choose from {', '.join(DEFAULT_ENGINES)}")
    return Translator(engines, TranslationCache(cache_path))


def best_rank(translator: Translator) -> int:
    return max((ENGINE_RANK.get(e.name, 0) for e in translator.engines), default=0)
