"""Read a seed file (plain text, Markdown with a YAML header, saved HTML) into a SourceArticle.

Stage 1 of the pipeline. Everything here is about the mess people paste: unknown encodings,
mojibake, bylines, "0 commenti", repeated titles, reading-time lines and subheadings.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import charset_normalizer
import ftfy
import yaml

from . import clean, dates
from .errors import SourceError
from .safety import InvalidDate, UnsafeYAMLError, load_yaml, path_problem, read_checked, shown
from .text import interview_language, page_language

SEED_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                 # a page saved as one file (Chrome's "Webpage, single file", Edge, Opera): MIME, its HTML inside
                 ".mhtml": "mhtml", ".mht": "mhtml"}
# A news article is a few KB; 2 MB is a saved page with inline assets at most.
MAX_SEED_BYTES = 2_000_000
MARKDOWN_KEYS = {"title", "url", "publisher", "author", "date", "language"}

# ftfy repairs mojibake; its default also straightens curly quotes, which are correct text.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False)


@dataclass(frozen=True)
class Block:
    """A paragraph of body text, or a subheading."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class SourceArticle:
    path: str  # relative, POSIX, e.g. seeds/000_x.txt
    sha256: str  # of the raw bytes: an unchanged seed is skipped
    title: str
    blocks: tuple[Block, ...]
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    # declared by a Markdown header, or a saved page's (its metadata, checked against its text); None = detect
    language: str | None = None
    warnings: tuple[str, ...] = ()  # "seeds/x.md: header field 'section' ignored; ..."

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if not b.heading]

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


def seed_rel(path: Path, root: Path) -> str:
    """The seed's path for messages and for `source.file`: relative, POSIX, printable."""
    return shown(path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix())


def _source_error(rel: str, message: str) -> SourceError:
    return SourceError(rel, message)


SEED_TYPES_HINT = "use .txt, .md, .html or .mhtml (a page saved as a single file)"


def read_seed_bytes(path: Path, root: Path) -> bytes:
    """The raw bytes of a seed, refused before reading when it is not a regular file inside the
    project (safety.path_problem), has an unsupported type, or is over MAX_SEED_BYTES."""
    rel = seed_rel(path, root)
    if path.suffix.lower() not in SEED_SUFFIXES:
        raise SourceError(rel, f"unsupported file type {shown(path.suffix)!r}; {SEED_TYPES_HINT}")
    problem = path_problem(path, root)
    if problem is not None:
        raise SourceError(rel, problem)
    return read_checked(path, rel, _source_error, MAX_SEED_BYTES, "keep only the article text")


def read_source(path: Path, root: Path, raw: bytes | None = None) -> SourceArticle:
    """Read and parse one seed (`raw`: its bytes, when read_seed_bytes already has them).
    Raises SourceError naming the file and the fix."""
    rel = seed_rel(path, root)
    if raw is None:
        raw = read_seed_bytes(path, root)
    kind = SEED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise SourceError(rel, f"unsupported file type {shown(path.suffix)!r}; {SEED_TYPES_HINT}")
    location = None
    if kind == "mhtml":
        (text, location), kind = mhtml_page(raw, rel), "html"
    else:
        text = decode(raw, rel)
    script = foreign_script(text)
    if script is not None:
        raise SourceError(rel, f"not Italian or English: the text is mostly in {script} script; "
                          "newsdesk analyses Italian and English articles only")
    sha = hashlib.sha256(raw).hexdigest()
    if kind == "markdown":
        return parse_markdown(text, rel, sha)
    if kind == "html":
        article = parse_html(text, rel, sha)
        if article.url is None and location is not None:  # where the browser saved the .mhtml from
            article = replace(article, url=location)
        return article
    return parse_plain_text(text, rel, sha)


LETTER_RE = re.compile(r"[^\W\d_]")
# Latin letters: Basic Latin, Latin-1, Extended-A/B, Extended Additional, ligatures.
LATIN_RE = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\ufb00-\ufb06]")


def foreign_script(text: str) -> str | None:
    """The name of the script most letters are in ('Cyrillic', 'Arabic'...) when fewer than half
    of the letters are Latin; None for a Latin-script text (counted by two regexes: cheap)."""
    sample = text[:20000]
    letters = LETTER_RE.findall(sample)
    latin = len(LATIN_RE.findall(sample))
    if not letters or latin * 2 >= len(letters):
        return None
    counts = Counter(unicodedata.name(ch, "?").split(" ")[0] for ch in letters if not LATIN_RE.match(ch))
    script = counts.most_common(1)[0][0]
    return {"CJK": "Chinese/Japanese (CJK)"}.get(script, script.title())


def _decode_lines(raw: bytes) -> str | None:
    """A file with some lines in UTF-8 and others in cp1252 (a UTF-8 title pasted over a Windows
    body): each line decoded in its own encoding. None when no line is non-ASCII UTF-8: then the
    whole file is in one legacy encoding and charset-normalizer decides."""
    lines = raw.split(b"\n")
    decoded: list[str | None] = []
    utf8_text = False
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_text = utf8_text or not line.isascii()
        except UnicodeDecodeError:
            decoded.append(None)
    if not utf8_text:
        return None
    out = []
    for line, text in zip(lines, decoded, strict=True):
        if text is None:
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:
                text = line.decode("latin-1")
        out.append(text)
    return "\n".join(out)


# Characters a reader cannot see that reorder or hide text: bidirectional overrides and
# isolates, LRM/RLM/ALM, zero-width space, word joiner, a BOM inside the text. A pasted article
# never needs them, and in a title they can make a published headline read backwards.
# (Zero-width joiner and non-joiner stay: emoji and some scripts need them.)
INVISIBLE_RE = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def decode(raw: bytes, rel: str) -> str:
    """Bytes -> clean str: BOM, UTF-8, else detected (cp1252, latin-1...), then ftfy."""
    if len(raw) > MAX_SEED_BYTES:  # read_seed_bytes checks before reading; this is for other callers
        raise SourceError(rel, f"file is {len(raw):,} bytes, over the {MAX_SEED_BYTES:,}-byte limit; "
                          "paste only the article text")
    if not raw.strip():
        raise SourceError(rel, "file is empty (or whitespace only); paste the article text into it")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(rel, "file is binary, not text; save the article as .txt, .md or .html")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        mixed = None if utf16 else _decode_lines(raw.removeprefix(b"\xef\xbb\xbf"))
        if mixed is not None:
            text = mixed
        else:
            best = charset_normalizer.from_bytes(raw).best()
            if best is None:
                raise SourceError(rel, "cannot detect the text encoding; save the file as UTF-8") from None
            text = str(best)
    # Counted before ftfy, which deletes control characters (and would leave an empty "article").
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise SourceError(rel, "file looks binary (control characters); save the article as text")
    text = ftfy.fix_text(text, config=FTFY_CONFIG)
    text = INVISIBLE_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SourceError(rel, "file is empty (or whitespace only); paste the article text into it")
    return text


def mhtml_page(raw: bytes, rel: str) -> tuple[str, str | None]:
    """(the HTML document of a page saved as a single file (.mhtml), the address it was saved
    from): the first text/html part of the MIME archive (the page itself; its frames and images
    come after it), decoded; its Snapshot-Content-Location or Content-Location, when a web URL."""
    import email
    from email import policy

    if len(raw) > MAX_SEED_BYTES:
        return decode(raw, rel), None  # refused there, with the size
    message = email.message_from_bytes(raw, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        location = " ".join(str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "").split())
        url = location if HEADER_URL_RE.match(location) else None
        charset = part.get_content_charset()
        if charset:
            try:
                return decode(payload.decode(charset).encode("utf-8"), rel), url
            except (LookupError, UnicodeDecodeError):
                pass
        return decode(payload, rel), url
    raise SourceError(rel, "no HTML page inside this .mhtml file; open it in the browser and save it as "
                      "'Webpage, HTML only' (.html), or paste the article text into a .txt file")


# ---- dates -------------------------------------------------------------------------------

def coerce_date(value: Any, rel: str, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, InvalidDate):
        raise SourceError(rel, f"field '{field}': {str(value)!r} is not a calendar date; write a real date "
                          "as YYYY-MM-DD")
    found = dates.find_date(str(value))
    if found is None:
        raise SourceError(rel, f"field '{field}': cannot read {shown(str(value))!r:.60} as a date; "
                          "write it as YYYY-MM-DD")
    return found


# ---- plain text --------------------------------------------------------------------------

COMMENTS_RE = re.compile(r"^\d+\s+(?:commenti|commento|comments?)$", re.IGNORECASE)
BOILERPLATE = {
    "share this", "share", "condividi", "condividi questo articolo", "leggi anche", "read more",
    "continua a leggere", "pubblicità", "advertisement", "iscriviti alla newsletter",
}
# A subheading is one short line without sentence-final punctuation.
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12
DATELINE_PARAGRAPHS = 2  # the lead, or the paragraph after a standfirst
AUTHOR_BOX_PARAGRAPHS = 2  # an author's bio is one of the last paragraphs


def _is_boilerplate(line: str) -> bool:
    return line.strip().lower().rstrip(":") in BOILERPLATE or bool(COMMENTS_RE.match(line.strip()))


def _looks_like_heading(paragraph: str) -> bool:
    return ("\n" not in paragraph and len(paragraph) <= HEADING_MAX_CHARS
            and len(paragraph.split()) <= HEADING_MAX_WORDS
            and not paragraph.rstrip().endswith((".", "!", "?", ";", ",", "…", ":")))


def _looks_like_body(line: str) -> bool:
    return len(line) > 200 or (len(line.split()) > 25 and line.rstrip().endswith((".", "!", "?", "”", '"')))


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# Text pasted without the final full stops (from an app, a PDF, a social post): when most
# paragraphs end without one, each paragraph ending in a word gets it back.
UNCLOSED_SHARE = 2 / 3
OPEN_END_RE = re.compile(r"[\w%)\]»”\"']$")


def _closed_paragraphs(blocks: list[Block]) -> list[Block]:
    body = [b for b in blocks if not b.heading]
    unclosed = [b for b in body if not clean.is_terminated(b.text)]
    if len(body) < 2 or len(unclosed) < UNCLOSED_SHARE * len(body):
        return blocks  # a paragraph cut by a paywall, or a label, stays as it is
    return [Block(f"{b.text}.") if not b.heading and OPEN_END_RE.search(b.text) else b for b in blocks]


def parse_plain_text(text: str, rel: str, sha: str, meta: dict[str, Any] | None = None,
                     warnings: tuple[str, ...] = (), page: bool = False) -> SourceArticle:
    """A pasted article (or a Markdown body, or the text extracted from a saved page: `page`)."""
    meta = dict(meta or {})
    lines = [ln.strip() for ln in text.split("\n")]
    # Header zone (title, byline, dates, labels, share buttons): the decisions are clean.py's.
    header = clean.read_header(lines, meta.get("title"))
    title = header.title
    url, publisher = meta.get("url") or header.url, meta.get("publisher") or header.publisher
    author, published = meta.get("author") or header.author, header.published
    if title is None:
        first = next((ln for ln in lines if ln), "")
        if page:
            raise SourceError(rel, "no title: the page has no headline (no <h1>, <title> or og:title, and its first "
                              "line reads like body text); save the article page itself, or paste its text into "
                              "a .txt file with the headline on the first line")
        if first and clean.looks_like_body(first):
            raise SourceError(rel, "no title: the first line reads like body text; put the "
                              "headline on the first line, or use a .md file with 'title:' in its header")
        raise SourceError(rel, "no title: the file has no text line; put the headline on the first line")
    i = header.body_start
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(paragraph)
            blocks.append(Block(joined, heading=_looks_like_heading(joined)))
            paragraph.clear()

    for line in [*header.standfirst, "", *clean.body_lines(lines[i:])]:
        if not line:
            flush()
        elif _is_boilerplate(line) or _same_text(clean.strip_site_suffix(line), title):
            continue
        elif paragraph and clean.looks_like_subheading(paragraph[-1], line) and len(paragraph) == 1:
            flush()  # a subheading on its own line, with the paragraph on the next one
            paragraph.append(line)
        else:
            paragraph.append(line)
    flush()
    # The author box under the article: "Sara Locri è giornalista..." (the byline's author, or any
    # name said to be a journalist), among the last two paragraphs; elsewhere such a sentence is news.
    blocks = [b for n, b in enumerate(blocks) if n < len(blocks) - AUTHOR_BOX_PARAGRAPHS
              or not clean.is_author_box(b.text, str(author) if author else None, n == len(blocks) - 1)]
    # A trailing heading with no paragraph after it is page furniture, not a subheading.
    while blocks and blocks[-1].heading:
        blocks.pop()
    blocks = _closed_paragraphs(blocks)
    if not any(not b.heading for b in blocks):
        raise SourceError(rel, "no body text after the title; paste the article's paragraphs below the title")
    # A dateline ("VIENNA, 2 ottobre 2026 -", "(ANSA) - ROMA, 04 NOV -") states a date; it is not news.
    # It opens the lead, or the paragraph after a standfirst.
    for n in [n for n, b in enumerate(blocks) if not b.heading][:DATELINE_PARAGRAPHS]:
        stripped = clean.strip_dateline(blocks[n].text)
        if stripped != blocks[n].text:
            published = published or dates.dateline_date(blocks[n].text)
            blocks[n] = Block(stripped)
            break
    language = meta.get("language")
    if language is None and not page:
        language = interview_language(title, [b.text for b in blocks if not b.heading])
    return SourceArticle(
        path=rel, sha256=sha, title=title, blocks=tuple(blocks), url=url, publisher=publisher,
        author=author, published=coerce_date(meta.get("date"), rel, "date") or published,
        language=language, warnings=warnings,
    )


# ---- Markdown with a YAML header -----------------------------------------------------------

# The header ends with '---' or with YAML's own end-of-document marker '...'.
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# "title: Brindisi: 240 assunti": a plain value with ': ' in it, which YAML refuses. A headline
# often has a colon; the value is quoted and the header read again.
UNQUOTED_COLON_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+"
                               r"(?P<value>[^\s\"'\[{|>&*!#-].*?:[ \t].*?)[ \t]*$")


def _quote_colon_values(header: str) -> str | None:
    """The header with each top-level plain value that holds ': ' put in double quotes; None when
    no line has one."""
    lines = header.split("\n")
    changed = False
    for n, line in enumerate(lines):
        m = UNQUOTED_COLON_RE.match(line)
        if m and " #" not in m.group("value"):
            value = m.group("value").replace("\\", "\\\\").replace('"', '\\"')
            lines[n] = f'{m.group("key")}: "{value}"'
            changed = True
    return "\n".join(lines) if changed else None


def _load_header(text: str) -> Any:
    try:
        return load_yaml(text)
    except yaml.YAMLError:
        quoted = _quote_colon_values(text)
        if quoted is None:
            raise
        try:
            return load_yaml(quoted)
        except (yaml.YAMLError, UnsafeYAMLError, RecursionError):
            pass
        raise


def split_front_matter(text: str, rel: str) -> tuple[dict[str, Any], str]:
    """(header mapping, body). A malformed header is an error naming its line."""
    m = FRONT_MATTER_RE.match(text)
    if not m:
        if text.startswith("---"):
            raise SourceError(rel, "the YAML header opened with '---' is never closed; end it with a '---' line")
        return {}, text
    try:
        header = _load_header(m.group(1) or "") or {}
    except UnsafeYAMLError as exc:
        raise SourceError(rel, f"YAML header at line {exc.line + 2}: {exc.problem}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        fix = ("YAML tags (!!name) are not allowed; write plain values" if "constructor" in problem
               else "quote values that contain ': ' or '#'")
        raise SourceError(rel, f"malformed YAML header{where}: {problem}; {fix}") from None
    if not isinstance(header, dict):
        raise SourceError(rel, "the YAML header must be a mapping of 'key: value' lines")
    return header, text[m.end():]


HEADER_URL_RE = re.compile(r"^https?://[^\s/]+\S*$")
# "it", or a locale tag a CMS writes ("it-IT", "it_IT", "IT"): the language is its first two letters.
LANGUAGE_RE = re.compile(r"^([a-z]{2})(?:[-_][a-z]{2})?$", re.IGNORECASE)


# What CMS exports and static-site generators call the fields newsdesk reads (Hugo's publishDate,
# Jekyll's authors, an Italian export's titolo and data); a key is matched in any case ("Title").
KEY_ALIASES = {
    "headline": "title", "titolo": "title",
    "published": "date", "pubdate": "date", "publishdate": "date", "publish_date": "date",
    "published_at": "date", "date_published": "date", "datepublished": "date", "data": "date",
    "authors": "author", "autore": "author", "autori": "author", "byline": "author",
    "lang": "language", "lingua": "language",
    "link": "url", "permalink": "url", "canonical_url": "url", "source_url": "url", "original_url": "url",
    "testata": "publisher", "site_name": "publisher", "sitename": "publisher",
}


def canonical_keys(header: dict[Any, Any]) -> dict[Any, Any]:
    """The header with "Title", "publishDate", "authors"... under the names newsdesk reads; a key
    written exactly wins over an alias, the first alias over later ones. Other keys are kept."""
    out: dict[Any, Any] = {k: v for k, v in header.items() if k in MARKDOWN_KEYS}
    for key, value in header.items():
        if key in MARKDOWN_KEYS:
            continue
        name = key.strip().lower() if isinstance(key, str) else key
        canonical = name if name in MARKDOWN_KEYS else KEY_ALIASES.get(name) if isinstance(name, str) else None
        if canonical is not None and canonical not in out:
            out[canonical] = value
        else:
            out[key] = value
    return out


def _author_value(value: Any) -> Any:
    """`author: [Ada Rossi, Luca Neri]` -> "Ada Rossi, Luca Neri"; `author: {name: Ada Rossi}` -> "Ada Rossi"."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    if isinstance(value, list) and value and all(isinstance(v, dict) and isinstance(v.get("name"), str)
                                                 for v in value):
        return ", ".join(v["name"].strip() for v in value)
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return value


def header_fields(header: dict[Any, Any], rel: str) -> dict[str, Any]:
    """A seed's YAML header checked field by field: one clear error for the first bad value."""
    meta: dict[str, Any] = {}
    for key, value in header.items():
        if key == "date":
            meta[key] = value
            continue
        if key == "author":
            value = _author_value(value)
        if value is None:
            continue
        if isinstance(value, (dict, list)):
            raise SourceError(rel, f"field '{key}': expected one line of text, got a "
                              f"{'list' if isinstance(value, list) else 'mapping'}")
        if isinstance(value, bool):
            raise SourceError(rel, f"field '{key}': read as true/false (YAML turns yes, no, on, off into "
                              "booleans); put the value in quotes")
        if not isinstance(value, (str, int, float, date)):  # !!binary, !!set: a repr is no title
            raise SourceError(rel, f"field '{key}': expected one line of text, got {type(value).__name__}; "
                              "YAML tags (!!name) are not allowed: write plain values")
        text = " ".join(str(value).split())
        if not text:
            raise SourceError(rel, f"field '{key}': is empty; write a value or delete the line")
        if key == "url" and not HEADER_URL_RE.match(text):
            raise SourceError(rel, f"field 'url': expected an http:// or https:// URL (got {shown(text)!r:.60}); "
                              "write the full address, e.g. https://www.example.com/a")
        if key == "language":
            m = LANGUAGE_RE.match(text)
            if m is None:
                raise SourceError(rel, f"field 'language': expected a two-letter code such as it or en "
                                  f"(got {shown(text)!r:.30})")
            text = m.group(1).lower()
        meta[key] = text
    return meta


def _plain_value(value: Any) -> bool:
    """Text, a number, a date, true/false, or a list or mapping of those: what an ignored header field
    may hold (not bytes or a set, which only a YAML tag makes)."""
    if isinstance(value, list):
        return all(_plain_value(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_value(v) for k, v in value.items())
    return value is None or isinstance(value, (str, int, float, date))


def _malformed_extra(key: Any, value: Any, raw_header: str) -> bool:
    """An extra header field that is refused, not ignored: a key that is not a name (`1: x`), a
    value only a YAML tag makes (!!binary, !!set), or a word YAML silently turns into a boolean
    (`summary: no`; an explicit `draft: false` is fine)."""
    if not isinstance(key, str) or not _plain_value(value):
        return True
    word = rf"(?im)^{re.escape(key)}[ \t]*:[ \t]*(?:yes|no|on|off|y|n)[ \t]*(?:#.*)?$"
    return isinstance(value, bool) and re.search(word, raw_header) is not None


MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
# Markdown syntax in the body, which is not text: an image, a link's address, emphasis marks, a
# quote's '>', a list bullet, a rule; and the paragraph and emphasis tags a CMS export leaves.
MD_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
MD_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
MD_EMPHASIS_RE = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
MD_BLOCK_PREFIX_RE = re.compile(r"^\s*(?:>\s?)+|^\s*(?:[-*+]|\d{1,2}[.)])\s+(?=\S)")
MD_QUOTE_RE = re.compile(r"^\s*>")
MD_RULE_RE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
HTML_BREAK_RE = re.compile(r"</?(?:p|div|section|blockquote)\b[^>]*>|<br\s*/?>", re.IGNORECASE)
HTML_INLINE_RE = re.compile(r"</?(?:strong|em|b|i|u|span|a)\b[^>]*>", re.IGNORECASE)


def markdown_text(line: str) -> str:
    """A body line of a Markdown seed as the words it shows: "**Il sindaco** ha detto" -> "Il
    sindaco ha detto", "[Enel](https://...)" -> "Enel", "> «Citazione»" -> "«Citazione»"."""
    if MD_RULE_RE.match(line):
        return ""
    line = MD_IMAGE_RE.sub("", line)
    line = MD_LINK_RE.sub(r"\1", line)
    line = MD_BLOCK_PREFIX_RE.sub("", line)
    line = HTML_INLINE_RE.sub("", line)
    line = MD_STRONG_RE.sub(r"\2", line)
    return MD_EMPHASIS_RE.sub(r"\2", line)


def parse_markdown(text: str, rel: str, sha: str) -> SourceArticle:
    header, body = split_front_matter(text, rel)
    header = canonical_keys(header)
    # An extra field a CMS export carries (section, tags, category, description, draft: false) is
    # ignored with a warning; a malformed one is refused.
    raw_header = text[: len(text) - len(body)]
    refused = sorted(shown(str(k)) for k, v in header.items()
                     if k not in MARKDOWN_KEYS and _malformed_extra(k, v, raw_header))
    if refused:
        raise SourceError(rel, f"unknown header field(s) {', '.join(refused)}; "
                          f"allowed: {', '.join(sorted(MARKDOWN_KEYS))}")
    ignored = sorted(shown(k) for k in header if k not in MARKDOWN_KEYS)
    warnings = tuple(f"{rel}: header field {k!r:.60} ignored; newsdesk reads {', '.join(sorted(MARKDOWN_KEYS))}"
                     for k in ignored)
    meta = header_fields({k: v for k, v in header.items() if k in MARKDOWN_KEYS}, rel)
    lines = HTML_BREAK_RE.sub("\n\n", body).split("\n")
    out: list[str] = []
    for line in lines:
        m = MD_HEADING_RE.match(line.strip())
        if m:
            if meta.get("title") is None and line.startswith("# "):
                meta["title"] = m.group(1)
                continue
            out.extend(["", markdown_text(m.group(1)), ""])  # a heading becomes its own short paragraph
        else:
            out.append(markdown_text(line))
    article = parse_plain_text("\n".join(out), rel, sha, meta, warnings)
    # "> ..." lines are quotations: someone else's words, maybe in another language.
    quoted = [markdown_text(line) for line in lines if MD_QUOTE_RE.match(line)]
    if article.language is None and quoted:
        language = page_language(f"{article.title}\n{article.body}", None, quoted)
        return replace(article, language=language) if language is not None else article
    return article


# ---- saved HTML ----------------------------------------------------------------------------

# trafilatura's precision mode first (less page furniture); its balanced mode when precision finds
# no body, as on a table layout or a page whose text is only in its JSON-LD articleBody; its recall
# mode last, when the article sits in an element trafilatura takes for furniture (an <aside>, a
# <footer>, a wrapper whose class says "comments").
EXTRACTION_MODES = ("precision", "balanced", "recall")


def _extract(text: str, mode: str) -> dict[str, Any]:
    import trafilatura  # heavy import: only when an HTML seed exists

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=mode == "precision",
                                            favor_recall=mode == "recall")
    if isinstance(extracted, dict):
        return extracted
    return extracted.as_dict() if extracted is not None else {}


def _html_author(value: Any) -> str | None:
    """The page's author without the byline word its markup kept ("Di Mario Rossi" -> "Mario Rossi")."""
    if not value:
        return None
    text = " ".join(str(value).split())
    return clean.byline(text) or text


# A caption set in italics right under its image, in the same paragraph: "<p><img ...><br><em>L'area
# dell'ex centrale...</em></p>". trafilatura keeps it as a paragraph of text.
IMAGE_CAPTION_RE = re.compile(r"(<img\b[^>]*>\s*(?:<br\s*/?>\s*)*)<(em|i|small)\b[^>]*>[^<]{0,400}</\2>",
                              re.IGNORECASE)


# Where a saved page declares its language: <html lang>, og:locale, a Content-Language meta tag.
LANGUAGE_META = ("og:locale", "content-language", "language", "dc.language")


def html_language(text: str) -> tuple[str | None, list[str]]:
    """(the language a saved page declares, or None; the text of its <blockquote> and <q> elements,
    which are quotations: someone else's words, maybe in another language)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return None, []
    root = tree.getroottree().getroot()
    declared = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"), root.get("xml:lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").strip().lower()
        if key in LANGUAGE_META:
            declared.append(meta.get("content"))
    quoted = [" ".join(q.text_content().split()) for q in tree.iter("blockquote", "q")]
    for value in declared:
        m = LANGUAGE_RE.match((value or "").strip())
        if m is not None:
            return m.group(1).lower(), quoted
    return None, quoted


def parse_html(text: str, rel: str, sha: str) -> SourceArticle:
    article = _parse_html(text, rel, sha)
    declared, quoted = html_language(text)
    language = page_language(f"{article.title}\n{article.body}", declared, quoted)
    return replace(article, language=language) if language is not None else article


# A wrapper a theme marks with "comments" ("post-with-comments", id="comments-wrapper"): trafilatura
# drops it as the comment section, and the article in it with it. An element holding the headline
# or the article's body is never the comment section.
COMMENT_MARK_RE = re.compile(r"comment", re.IGNORECASE)
ARTICLE_PART_XPATH = (".//h1 | .//*[@itemprop='articleBody'] | .//*[contains(@class, 'entry-content')]"
                      " | .//*[contains(@class, 'article-body')] | .//*[contains(@class, 'post-content')]"
                      " | .//article[not(contains(@class, 'comment')) and not(contains(@id, 'comment'))]")


def _frames(tree: Any) -> list[str]:
    """The addresses of a frameset page's frames (its article is in one of them, not in the page)."""
    return [str(f.get("src")) for f in tree.iter("frame") if f.get("src")] if next(tree.iter("frameset"), None) \
        is not None else []


def _unmark_comment_wrappers(tree: Any) -> bool:
    """Take the "comment" out of the class and id of the elements that hold the article (see
    COMMENT_MARK_RE). True when one was changed."""
    changed = False
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        marks = {k: element.get(k) for k in ("class", "id") if COMMENT_MARK_RE.search(element.get(k) or "")}
        if marks and element.xpath(ARTICLE_PART_XPATH):
            for key, value in marks.items():
                element.set(key, COMMENT_MARK_RE.sub("wrap", str(value)))
            changed = True
    return changed


NOFRAMES_MIN_CHARS = 400  # an article, not a note that the browser needs frames
NOFRAMES_RE = re.compile(r"<noframes\b[^>]*>(?P<inner>.*?)</noframes\s*>", re.IGNORECASE | re.DOTALL)


def _noframes_page(text: str) -> str:
    """A frameset page's <noframes> part as a page of its own (an old site's copy of the article for
    browsers without frames), with the page's <head>; the page itself when it has none."""
    m = NOFRAMES_RE.search(text)
    if m is None or len(" ".join(re.sub(r"<[^>]*>", " ", m.group("inner")).split())) < NOFRAMES_MIN_CHARS:
        return text  # none, or "Il tuo browser non supporta i frame"
    head = re.search(r"<head\b.*?</head\s*>", text, re.IGNORECASE | re.DOTALL)
    inner = re.sub(r"</?(?:body|html)\b[^>]*>", "", m.group("inner"), flags=re.IGNORECASE)
    return f"<html>{head.group(0) if head else ''}<body>{inner}</body></html>"


def _prepared(text: str) -> tuple[str, list[str]]:
    """(the saved page as trafilatura should see it, the addresses of its frames when it is a
    frameset page: its article is in one of them, not in the page)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return text, []
    frames = _frames(tree)
    if _unmark_comment_wrappers(tree):
        return str(lxml.html.tostring(tree.getroottree(), encoding="unicode")), frames
    return text, frames


def _parse_html(text: str, rel: str, sha: str) -> SourceArticle:
    text = IMAGE_CAPTION_RE.sub(r"\1", text)
    page, frames = _prepared(text)
    if frames:
        text = page = _noframes_page(text)
    title = clean.html_title(text)
    published = dates.html_date(text)
    author = clean.html_author(text)  # a marked byline element; else trafilatura's guess
    problem: SourceError | None = None
    for mode in EXTRACTION_MODES:
        doc = _extract(page, mode)
        if not str(doc.get("text") or "").strip():
            continue
        meta = {"title": title or clean.strip_site_suffix(str(doc.get("title") or "")) or None,
                "url": doc.get("url"), "publisher": doc.get("sitename"),
                "author": author or _html_author(doc.get("author")),
                "date": published}
        meta = {k: v for k, v in meta.items() if v}
        if not HEADER_URL_RE.match(str(meta.get("url", "https://x"))):
            del meta["url"]  # a relative or javascript: link in the page's metadata is not a source URL
        try:
            # trafilatura gives one paragraph per line.
            return parse_plain_text("\n\n".join(str(doc["text"]).split("\n")), rel, sha, meta, page=True)
        except SourceError as exc:  # no body after the title: try the next mode
            problem = exc
    if frames:  # a frameset page whose <noframes> holds no article either
        shown_frames = ", ".join(shown(f) for f in frames[:4])
        raise SourceError(rel, f"a frameset page: the article is in one of its frames ({shown_frames:.200}), not in "
                          "this file; open the article's frame on its own (right-click it, 'Open frame in new "
                          "tab') and save that page")
    raise problem or SourceError(rel, "no article text found in the HTML page; save the article page itself, "
                                 "or paste its text into a .txt file")
