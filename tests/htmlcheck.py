"""Finds what could run script in an HTML page: event-handler attributes, script URLs, and the
elements that load or run code. Shared by the sanitiser tests and the built-site check."""

from __future__ import annotations

import re
from html.parser import HTMLParser

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "data",
             "ping", "lowsrc", "dynsrc", "codebase", "cite", "to", "values", "from", "by"}
SCRIPT_URL = re.compile(r"^(javascript|vbscript|data):")
CODE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "meta", "link",
             "style", "svg", "math", "input", "button", "textarea", "select", "keygen", "isindex"}


def _squeeze(url: str) -> str:
    # Browsers ignore ASCII whitespace and control characters inside a scheme.
    return re.sub(r"[\x00-\x20]", "", url).lower()


class ScriptFinder(HTMLParser):
    """`problems`: one line per event handler, script URL or code-carrying element."""

    def __init__(self, text: str, *, code_tags: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.code_tags = code_tags
        self.problems: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.code_tags and tag in CODE_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            elif name == "style" and value and re.search(r"url\s*\(|expression", value, re.I):
                self.problems.append(f"<{tag} style={value!r}>")
            elif value and (name in URL_ATTRS or (tag == "meta" and name == "content")):
                for part in re.split(r"[,;]|\s(?=\S+:)", value) if name in {"srcset", "content"} else [value]:
                    if SCRIPT_URL.match(_squeeze(part).removeprefix("url=")):
                        self.problems.append(f"<{tag} {name}={value[:60]!r}>")

    handle_startendtag = handle_starttag


def script_problems(text: str, *, code_tags: bool = True) -> list[str]:
    return ScriptFinder(text, code_tags=code_tags).problems
