"""Plain text -> safe Markdown. Article text is text: `<script>` must show as text, and
`*`, `_`, `[`, `#` must not turn into markup."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")
_LINE_START = re.compile(r"^(\s*)([#>+\-])(?=\s)", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)\.(?=\s)", re.MULTILINE)


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def md_text(text: str) -> str:
    """Escape text so Python-Markdown renders it literally."""
    text = escape_html(text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _NUMBERED.sub(r"\1\\.", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
