"""A fake LibreTranslate server on 127.0.0.1 that drives deep-translator's real HTTP code path
(POST /translate); GET answers like Google Translate's page, for the Google engine.

Its behaviour is scripted per request: a queue of modes, then a default. Translations are
deterministic ("EN: <text>"), so golden briefings built with it never change by accident.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

MODES = ("ok", "500", "429", "slow", "drop", "badjson", "empty", "echo", "quota")


def fake_translation(text: str, source: str, target: str) -> str:
    return f"{target.upper()}: {text}"


@dataclass
class FakeServer:
    url: str
    default: str = "ok"
    script: list[str] = field(default_factory=list)  # modes for the next requests, in order
    requests: list[dict[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)  # lets "slow" answers finish

    def next_mode(self) -> str:
        return self.script.pop(0) if self.script else self.default


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            """Google Translate's mobile page, as deep-translator's GoogleTranslator reads it."""
            query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            server.requests.append(query)
            mode = server.next_mode()
            if mode == "drop":
                self.connection.close()
                return
            text = fake_translation(query.get("q", ""), query.get("sl", ""), query.get("tl", ""))
            status = int(mode) if mode in ("500", "429") else 200
            body = f'<html><body><div class="result-container">{text}</div></body></html>'.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                query.update({k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()})
            server.requests.append(query)
            mode = server.next_mode()
            if mode == "drop":
                self.connection.close()  # no answer at all: requests raises ConnectionError
                return
            if mode == "slow":
                server.release.wait(timeout=30)  # holds the answer past the client's timeout
            status, body = 200, b""
            text = query.get("q", "")
            if mode in ("500", "429"):
                status, body = int(mode), b'{"error": "scripted failure"}'
            elif mode == "badjson":
                body = b"<html>not json"
            elif mode == "empty":
                body = json.dumps({"translatedText": ""}).encode()
            elif mode == "echo":
                body = json.dumps({"translatedText": text}).encode()
            elif mode == "quota":
                warning = "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS"
                body = json.dumps({"translatedText": warning}).encode()
            else:
                body = json.dumps({"translatedText": fake_translation(text, query.get("source", ""),
                                                                      query.get("target", ""))}).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): fine

    return Handler


@contextmanager
def running(default: str = "ok") -> Iterator[FakeServer]:
    state = FakeServer(url="", default=default)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
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
