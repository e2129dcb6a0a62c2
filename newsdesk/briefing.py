"""The briefing file: one schema, YAML front matter emitted by a dumper, atomic writes,
and the checksum that tells a generated file from one a person edited.

A briefing is `briefings/<slug>.md`:

    ---
    <front matter, validated by BriefingMeta>
    checksum: <sha256 of everything above, as the build wrote it>
    ---
    <English briefing in Markdown>

Generated and hand-written briefings pass the same validation. A hand-written one simply has no
checksum; an edited one has a checksum that no longer matches. Neither is ever overwritten
without --force.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Protocol, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError, field_validator, model_validator

from . import geo
from .classify import taxonomy
from .engines import Engine
from .errors import BriefingError, bug_report
from .safety import InvalidDate, UnsafeYAMLError, content_files, load_yaml, read_checked, shown

SLUG_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CHECKSUM_LINE_RE = re.compile(r"^checksum: ([0-9a-f]{64})\n", re.MULTILINE)
# briefings/index/ would collide with the listing page MkDocs builds from briefings/index.md.
RESERVED_SLUGS = frozenset({"index"})
YamlDate = Annotated[date, Strict()]  # an unquoted YAML date; "2025-09-25" in quotes is a string

# The C dumper (libyaml) is ~10x faster on large content sets, with the same results.
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


# Characters no text field may hold: C0 controls but tab and newline, DEL, C1 controls, and the
# two non-characters XML forbids. YAML's escapes ("\x0b", "\e") make them; an RSS feed holding
# one is not well-formed XML, so every reader of the feed fails on it.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """Text without the characters CONTROL_RE finds (what the build writes never holds one)."""
    return CONTROL_RE.sub("", text)


FUTURE_GRACE = datetime.timedelta(days=2)  # time zones, and a build just past midnight


def latest_date() -> date:
    """The latest date a briefing may carry: today (or SOURCE_DATE_EPOCH's day, when later) and
    FUTURE_GRACE. Lists are newest first, so a date far ahead (9999-12-31) pinned a briefing
    above every other."""
    today = datetime.datetime.now(datetime.UTC).date()
    with contextlib.suppress(ValueError, OverflowError, OSError):
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        if epoch.strip():
            today = max(today, datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date())
    return today + FUTURE_GRACE


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for n, text in enumerate(texts):
            found = CONTROL_RE.search(text) if isinstance(text, str) else None
            if found is not None:
                where = f" (entry {n + 1})" if isinstance(value, list) else ""
                raise ValueError(f"has a control character{where}, {shown(found.group())}; delete it (a YAML "
                                 "escape such as \\x0b or \\e in a quoted value makes one)")
        return value


NonEmpty = Annotated[str, Field(min_length=1)]

# Every card a briefing is on repeats its titles and summary, and it is on the listing of each of
# its topics, regions (up to 259), organisations and people: without limits a 900 KB briefing
# made 333 MB of pages, and 3,000 names 6,000 pages. Real briefings are far below: titles of
# about 100 characters, one-sentence descriptions (summarize keeps sentences under 1,000), a
# dozen names.
MAX_TITLE = 2_000
MAX_DESCRIPTION = 4_000
MAX_SUMMARY = 20_000
MAX_NAMES = 100  # per kind
MAX_NAME = 200
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE)]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
Names = Annotated[list[Name], Field(max_length=MAX_NAMES)]


class Entities(Model):
    organizations: Names = []
    people: Names = []
    products: Names = []


class FigureEntry(Model):
    value: int | float
    unit: NonEmpty
    en: NonEmpty
    it: NonEmpty

    @field_validator("value")
    @classmethod
    def _finite(cls, value: int | float) -> int | float:
        # YAML's .nan and .inf are floats; the briefing index stores them as JSON null, which
        # then fails validation on every later build.
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{value!r} is not a number a figure can have; write the value in digits, "
                             "e.g. 48600000000")
        return value


class Source(Model):
    title: Title
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")]
    author: str | None = None
    publisher: str | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    file: Annotated[str, Field(pattern=r"^seeds/[^/]+$")] | None = None
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None


class Italian(Model):
    title: Title
    summary: Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY)]
    key_points: list[NonEmpty] = []


class Translation(Model):
    """Provenance per language: where the English text and the Italian text come from.

    An Italian article has `it: original` and `en:` the engine that translated it; an English
    article the other way round. `pending` on either side: no engine answered, that side still
    shows the original language, and the next build with an engine reachable translates it.
    The older one-field form `engine: X` (the English side) is still read.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)

    en: Engine
    it: Engine
    reviewed: bool = False

    @model_validator(mode="before")
    @classmethod
    def _legacy_engine(cls, data: Any) -> Any:
        if isinstance(data, dict) and "engine" in data and not ({"en", "it"} & data.keys()):
            data = dict(data)
            engine = data.pop("engine")
            # `engine: original` was an English article whose Italian side was never recorded
            # (and may still be English): call it pending, so an engine re-translates it.
            data["en"], data["it"] = engine, ("pending" if engine == "original" else "original")
        return data

    @model_validator(mode="after")
    def _one_side_is_the_source(self) -> Translation:
        if Engine.ORIGINAL not in (self.en, self.it) and Engine.HUMAN not in (self.en, self.it):
            raise ValueError("one of 'en' and 'it' must be 'original' (the article's language) or 'human'")
        return self

    @property
    def engine(self) -> str:
        """The translated side's provenance (the English of an Italian article): what the site
        describes, what ranks an upgrade and what counts as pending."""
        return str(self.it if self.en == Engine.ORIGINAL else self.en)

    @property
    def pending(self) -> bool:
        return Engine.PENDING in (self.en, self.it)


class BriefingMeta(Model):
    """The front matter of every briefing."""

    title: Title  # English (the original title while the translation is pending)
    date: YamlDate | None = None  # publication date; null when the article does not say
    added: YamlDate  # when the briefing was added
    slug: Annotated[str, Field(pattern=SLUG_RE, max_length=80)]
    # One English sentence: feeds, cards, meta description.
    description: Annotated[str, Field(min_length=1, max_length=MAX_DESCRIPTION)]
    topics: list[str] = []
    regions: list[str] = []
    entities: Entities = Entities()
    figures: list[FigureEntry] = []
    source: Source
    it: Italian
    translation: Translation
    checksum: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None

    @field_validator("date", "added")
    @classmethod
    def _not_in_the_future(cls, value: datetime.date | None) -> datetime.date | None:
        if value is not None and value > latest_date():
            raise ValueError(f"{value.isoformat()} is after today: a briefing dated ahead would stay first on the "
                             "home page, in its listings and in the feeds until then; write the real date")
        return value

    @field_validator("slug")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_SLUGS:
            raise ValueError(f"the slug {value!r} is reserved (briefings/{value}/ is the list of all "
                             "briefings); choose another slug and rename the file to match")
        return value

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, value: list[str]) -> list[str]:
        known = taxonomy().topics
        unknown = [t for t in value if t not in known]
        if unknown:
            raise ValueError(f"unknown topic id(s) {', '.join(map(repr, unknown))}; expected ids from "
                             f"newsdesk/data/topics.yaml: {', '.join(sorted(known))}")
        return value

    @field_validator("regions")
    @classmethod
    def _known_regions(cls, value: list[str]) -> list[str]:
        known = set(geo.all_codes())
        unknown = [r for r in value if r not in known]
        if unknown:
            raise ValueError(f"unknown region code(s) {', '.join(map(repr, unknown))}; expected ISO 3166 "
                             "alpha-2 country codes (DE, CN) or macro-region ids (europe, middle-east)")
        return value

    @model_validator(mode="after")
    def _one_of_each(self) -> BriefingMeta:
        for name in ("topics", "regions"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"'{name}' lists an entry twice")
        return self

    @property
    def display_date(self) -> datetime.date:
        return self.date or self.added

    @property
    def reviewed(self) -> bool:
        return self.translation.reviewed


class Briefing(Model):
    meta: BriefingMeta
    body: str  # English Markdown
    path: str  # relative path, for messages

    @property
    def slug(self) -> str:
        return self.meta.slug


# ---- reading and validating --------------------------------------------------------------------

FRONT_RE = re.compile(r"\A---\n(.*?\n)---\n?(.*)\Z", re.DOTALL)


def _field_name(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "front matter"


PATTERN_HINTS = {
    "slug": "expected lower-case ASCII words joined by '-', e.g. alibaba-expands-ai",
    "source.language": "expected a two-letter ISO 639-1 code such as it or en",
    "source.url": "expected an http:// or https:// URL",
    "source.file": "expected seeds/<file name> (or null for a hand-written briefing)",
    "source.sha256": "expected 64 lower-case hex digits (or null)",
    "checksum": "expected 64 lower-case hex digits; delete the line in a hand-written briefing",
}


def format_errors(exc: ValidationError) -> list[str]:
    problems = []
    for err in exc.errors():
        field = _field_name(tuple(err["loc"]))
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            message = "required field is missing"
        elif err["type"] == "string_too_short" and err.get("input") == "":
            message = "is empty; write a value"
        elif err["type"] == "string_too_long":
            message = (f"is {len(err.get('input', '')):,} characters long, over the limit of "
                       f"{err.get('ctx', {}).get('max_length', 0):,}; shorten it")
        elif err["type"] == "too_long":
            message = (f"lists {err.get('ctx', {}).get('actual_length', 0):,} entries, over the limit of "
                       f"{err.get('ctx', {}).get('max_length', 0):,}; keep the most important")
        elif err["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; README lists the fields)"
        elif err["type"] == "date_type" and isinstance(err.get("input"), InvalidDate):
            message = "not a calendar date; write a real date as YYYY-MM-DD"
        elif err["type"] == "date_type":
            message = "expected a date written YYYY-MM-DD without quotes"
        elif err["type"] == "string_pattern_mismatch" and field in PATTERN_HINTS:
            message = PATTERN_HINTS[field]
        got = err.get("input")
        shown = "" if err["type"] in ("missing",) or isinstance(got, dict) else f" (got {got!r:.60})"
        problems.append(f"field '{field}': {message}{shown}")
    return problems


def split_front(text: str) -> re.Match[str] | None:
    """A briefing's text split into front matter (group 1) and body (group 2), or None."""
    return FRONT_RE.match(text.removeprefix("\ufeff").replace("\r\n", "\n"))


def parse_briefing(text: str, path: str) -> Briefing:
    """Text of a briefing file -> Briefing, or BriefingError naming every problem."""
    m = split_front(text)
    if not m:
        raise BriefingError(path, ["no front matter: the file must start with a '---' line, the YAML "
                                   "fields, and another '---' line"])
    try:
        data = load_yaml(m.group(1))
    except UnsafeYAMLError as exc:
        raise BriefingError(path, [f"front matter at line {exc.line + 2}: {exc.problem}"]) from None
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise BriefingError(path, [f"malformed YAML front matter{where}: "
                                   f"{getattr(exc, 'problem', None) or exc}"]) from None
    if not isinstance(data, dict):
        raise BriefingError(path, ["front matter must be a mapping of 'field: value' lines"])
    try:
        meta = BriefingMeta.model_validate(data)
    except ValidationError as exc:
        raise BriefingError(path, format_errors(exc)) from None
    stem = Path(path).stem
    if meta.slug != stem:
        raise BriefingError(path, [f"field 'slug': must equal the file name {stem!r} (got {meta.slug!r}); "
                                   "rename the file or change the slug"])
    if not m.group(2).strip():
        raise BriefingError(path, ["the body is empty: write the English briefing below the front matter"])
    return Briefing(meta=meta, body=m.group(2), path=path)


def briefing_error(rel: str, message: str) -> BriefingError:
    """A one-problem BriefingError (the error factory safety.read_checked takes)."""
    return BriefingError(rel, [message])


def decode_text(raw: bytes, rel: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BriefingError(rel, ["not UTF-8 text; save the file as UTF-8"]) from None


def read_text(path: Path, rel: str) -> str:
    """A briefing's text: a regular file inside the project, at most MAX_BRIEFING_BYTES, UTF-8."""
    return decode_text(read_checked(path, rel, briefing_error), rel)


def read_one(path: Path, rel: str) -> tuple[Briefing, bytes]:
    """One briefing file and its bytes. Every failure is a BriefingError naming the file: an
    unexpected one (a bug) says so and keeps the original exception as its cause (-v prints it),
    so one file never stops check, render or ingest for the others."""
    try:
        raw = read_checked(path, rel, briefing_error)
        return parse_briefing(decode_text(raw, rel), rel), raw
    except BriefingError:
        raise
    except Exception as exc:
        raise BriefingError(rel, [bug_report(exc)]) from exc


def read_briefing(path: Path, root: Path) -> Briefing:
    rel = shown(path.relative_to(root).as_posix())
    return parse_briefing(read_text(path, rel), rel)


def load_briefings(directory: Path, root: Path) -> tuple[list[Briefing], list[BriefingError]]:
    """Every briefing in the folder, and every problem (nothing stops at the first): a file that
    is not valid, or not a regular file inside the project (see safety.py), is reported."""
    briefings, errors = [], []
    for path, problem in content_files(directory, root, (".md",)):
        rel = shown(path.relative_to(root).as_posix())
        if problem is not None:
            errors.append(BriefingError(rel, [problem]))
            continue
        try:
            briefings.append(read_one(path, rel)[0])
        except BriefingError as exc:
            errors.append(exc)
    kept, twice = one_per_article(briefings, lambda b: b.meta.source.url or b.meta.source.sha256)
    return kept, errors + twice


class _Filed(Protocol):
    @property
    def path(self) -> str: ...


T = TypeVar("T", bound=_Filed)


def one_per_article(items: Iterable[T], key: Callable[[T], str | None]) -> tuple[list[T], list[BriefingError]]:
    """One article, two briefings (the same source URL or text): the first is kept, each later
    one is an error naming the first, and is neither checked further nor rendered."""
    kept: list[T] = []
    errors: list[BriefingError] = []
    seen: dict[str, str] = {}
    for item in items:
        k = key(item)
        if k and k in seen:
            errors.append(BriefingError(item.path, [f"field 'source': same article as {seen[k]}; keep one of them"]))
            continue
        if k:
            seen[k] = item.path
        kept.append(item)
    return kept, errors


# ---- writing -------------------------------------------------------------------------------

def dump_front_matter(data: dict[str, Any]) -> str:
    """YAML by a real dumper: 'COP30: a guide', 'true', '2024', '# uno' stay strings."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def checksum(front_without_checksum: str, body: str) -> str:
    return hashlib.sha256((front_without_checksum + "\x00" + body).encode("utf-8")).hexdigest()


def render_briefing(meta: BriefingMeta, body: str) -> str:
    """The exact bytes of a generated briefing, with its checksum."""
    data = meta.model_dump(mode="python", exclude={"checksum"})
    front = dump_front_matter(data)
    return f"---\n{front}checksum: {checksum(front, body)}\n---\n{body}"


def is_pristine(text: str) -> bool:
    """True when the file is exactly what the build wrote: the checksum matches."""
    m = FRONT_RE.match(text.replace("\r\n", "\n"))
    if not m:
        return False
    found = CHECKSUM_LINE_RE.search(m.group(1))
    if not found:
        return False
    front = CHECKSUM_LINE_RE.sub("", m.group(1), count=1)
    return found.group(1) == checksum(front, m.group(2))


def current_umask() -> int:
    """The process umask: from /proc on Linux (reading never changes it); elsewhere by setting it
    and setting it straight back (a thread creating a file in between would see 022)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> bool:
    """Write via a temp file and os.replace: an interrupted build leaves the old file or the
    new one, never half of one. Returns False (and writes nothing) when nothing changed."""
    data = text.encode("utf-8")
    if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600; a generated file gets the usual mode under the umask.
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


