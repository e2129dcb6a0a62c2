"""A fake LibreTranslate server on 127.0.0.1 that drives deep-translator's real HTTP code path
(POST /translate); GET answers like Google Translate's page, for the Google engine.

Its behaviour is scripted per request: a queue of modes, then a default. Translations are
deterministic ("EN: <text>"), so golden briefings built with it never change by accident.
Hostile modes reproduce what real servers and proxies do: errors, rate limits with
Retry-After, stalls before and after the headers, a one-byte drip, dropped connections, answers
of the wrong shape, type or size, redirect loops.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

# mode -> what the server does (see Handler._answer)
MODES = (
    "ok", "gzip", "500", "502", "503", "429", "429-retry-after", "403", "404", "414",
    "slow",  # holds the request without answering (until released)
    "stall-after-headers",  # sends the headers, then nothing
    "drip",  # sends the headers, then one byte at a time, forever
    "drop",  # closes the connection without an answer
    "truncated",  # promises 200 bytes, sends 10, closes
    "badjson", "html-type", "no-type", "list", "wrong-key", "number", "null", "empty-object",
    "empty", "echo", "quota", "huge", "redirect-loop",
)
DRIP_INTERVAL_S = 0.02  # between bytes of "drip" (a real hostile server: 2 s)
RETRY_AFTER_S = 7


def fake_translation(text: str, source: str, target: str) -> str:
    return f"{target.upper()}: {text}"


@dataclass
class FakeServer:
    url: str
    default: str = "ok"
    script: list[str] = field(default_factory=list)  # modes for the next requests, in order
    requests: list[dict[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)  # ends stalls and drips

    def next_mode(self) -> str:
        return self.script.pop(0) if self.script else self.default


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            """Google Translate's mobile page, as deep-translator's GoogleTranslator reads it."""
            query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            text = fake_translation(query.get("q", ""), query.get("sl", ""), query.get("tl", ""))
            page = f'<html><body><div class="result-container">{text}</div></body></html>'
            self._answer(query, page.encode(), "text/html; charset=utf-8", query.get("q", ""))

        def do_POST(self) -> None:
            query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                query.update({k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()})
            text = query.get("q", "")
            translated = fake_translation(text, query.get("source", ""), query.get("target", ""))
            self._answer(query, json.dumps({"translatedText": translated}).encode(), "application/json", text)

        def _send(self, status: int, body: bytes, kind: str | None = "application/json",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            if kind:
                self.send_header("Content-Type", kind)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _answer(self, query: dict[str, str], good: bytes, kind: str, text: str) -> None:
            server.requests.append(query)
            mode = server.next_mode()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up: fine
                self._act(mode, good, kind, text)

        def _act(self, mode: str, good: bytes, kind: str, text: str) -> None:
            as_json = {
                "badjson": b"<html>not json", "list": b'["EN: a list"]', "wrong-key": b'{"translation": "EN: x"}',
                "number": b'{"translatedText": 42}', "null": b'{"translatedText": null}', "empty-object": b"{}",
                "empty": b'{"translatedText": ""}', "echo": json.dumps({"translatedText": text}).encode(),
                "quota": json.dumps({"translatedText": "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE "
                                                       "TRANSLATIONS FOR TODAY"}).encode(),
            }
            if mode == "ok":
                self._send(200, good, kind)
            elif mode == "gzip":
                self._send(200, gzip.compress(good), kind, {"Content-Encoding": "gzip"})
            elif mode in ("500", "502", "503", "403", "404", "414", "429"):
                self._send(int(mode), b'{"error": "scripted failure"}')
            elif mode == "429-retry-after":
                self._send(429, b'{"error": "slow down"}', headers={"Retry-After": str(RETRY_AFTER_S)})
            elif mode == "slow":
                server.release.wait(timeout=30)
                self._send(200, good, kind)
            elif mode == "stall-after-headers":
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(good)))
                self.end_headers()
                self.wfile.flush()
                server.release.wait(timeout=30)
            elif mode == "drip":
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                while not server.release.wait(timeout=DRIP_INTERVAL_S):
                    self.wfile.write(b" ")
                    self.wfile.flush()
            elif mode == "drop":
                self.close_connection = True
                self.connection.shutdown(2)
            elif mode == "truncated":
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", "200")
                self.end_headers()
                self.wfile.write(good[:10])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
            elif mode == "html-type":
                self._send(200, good, "text/html; charset=utf-8")
            elif mode == "no-type":
                self._send(200, good, None)
            elif mode == "huge":
                self._send(200, b'{"translatedText": "' + b"x" * 2_000_000 + b'"}', kind)
            elif mode == "redirect-loop":
                self._send(302, b"", None, {"Location": self.path})
            elif mode in as_json:
                self._send(200, as_json[mode], kind)
            else:
                raise AssertionError(f"unknown mode {mode!r}")

    return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (the deadline cut it, or a test ended) is expected here; any
        other error in a handler is still printed."""
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def running(default: str = "ok") -> Iterator[FakeServer]:
    state = FakeServer(url="", default=default)
    httpd = _Server(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
