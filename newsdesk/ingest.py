"""Seeds -> briefings, in steps over all items; each item is isolated at every step boundary:
a bad seed is reported (`file: what is wrong: how to fix it`) and the others are still built.

    find (safety, sources: refuse or read each seed)
    -> decide (pure, per seed: keep / unchanged / analyse / upgrade)
    -> analyse-all (sources, text, summarize, figures, entities, classify, geo; duplicates)
    -> translate-all (translate: one batch per engine)
    -> write-all (briefing: checksum verified again just before any overwrite)
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from slugify import slugify

from . import geo, safety
from .briefing import (
    MAX_NAME,
    MAX_NAMES,
    MAX_TITLE,
    RESERVED_SLUGS,
    BriefingMeta,
    Entities,
    FigureEntry,
    Italian,
    Source,
    Translation,
    is_pristine,
    latest_date,
    parse_briefing,
    render_briefing,
    strip_controls,
    write_atomic,
)
from .cache import BriefingIndex, IndexEntry
from .classify import find_topics
from .engines import engine_rank
from .entities import find_entities
from .errors import ConfigError, NewsdeskError, SourceError, bug_report
from .figures import key_figures
from .markup import md_text
from .safety import briefing_files, content_files, shown
from .sources import SEED_SUFFIXES, SourceArticle, read_seed_bytes, read_source, seed_rel
from .summarize import MAX_SENTENCE_CHARS, article_sentences, summarize
from .text import ANALYSED_LANGUAGES, detect_language
from .translate import Job, Translator, best_rank

SLUG_MAX = 60


@dataclass
class Draft:
    """An analysed article waiting for its translation."""

    article: SourceArticle
    language: str
    slug: str
    added: date
    summary: list[str]
    key_points: list[str]
    topics: list[str]
    regions: list[str]
    entities: dict[str, list[str]]
    figures: list[FigureEntry]
    job: Job | None  # it -> en for an Italian article; en -> it (the Italian page) for an English one


@dataclass
class Report:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited or reviewed: not overwritten
    pending: list[str] = field(default_factory=list)  # written, translation pending
    failed: list[str] = field(default_factory=list)  # error messages, `file: what is wrong: how to fix it`
    tracebacks: list[str] = field(default_factory=list)  # of unexpected errors, printed with -v
    warnings: list[str] = field(default_factory=list)
    translated_texts: int = 0  # texts sent to an engine (not from the cache)
    engine_calls: int = 0  # batches sent: Apertium takes a whole build in one


def build_date() -> date:
    """Today, or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(tz=UTC).date()
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ConfigError(f"SOURCE_DATE_EPOCH={shown(epoch)!r:.40} is not a Unix timestamp; set it to whole "
                          "seconds since 1970 (e.g. $(git log -1 --format=%ct)) or unset it") from None


def make_slug(title: str, sha: str, taken: set[str]) -> str:
    """ASCII, stable (from the original title), unique: a clash gets the seed hash appended."""
    base = slugify(title, max_length=SLUG_MAX, word_boundary=True, save_order=True) or "briefing"
    return base if base not in taken and base not in RESERVED_SLUGS else f"{base}-{sha[:8]}"


def analyse(article: SourceArticle, slug: str, added: date) -> Draft:
    language = article.language
    if language is None:
        language, score = detect_language(article.title + "\n" + article.body)
        if language is None:
            raise SourceError(article.path, f"cannot tell the article's language (best guess scored {score:.2f}); "
                              "use a .md seed with 'language: it' in its header")
    if language not in ANALYSED_LANGUAGES:
        raise SourceError(article.path, f"not Italian or English: the article is in {language!r}; newsdesk "
                          "analyses Italian and English articles only")
    sentences = article_sentences(article.paragraphs, language)
    summary, points = summarize(article.title, sentences, language)
    if not summary:
        raise SourceError(article.path, "no complete sentence in the body text (one that ends with a full stop "
                          f"and is under {MAX_SENTENCE_CHARS:,} characters); paste the article's paragraphs")
    figs = [FigureEntry(value=f.value, unit=f.unit, en=f.en, it=f.it)
            for f in key_figures([article.title, *article.paragraphs], language)]
    other = "en" if language == "it" else "it"
    texts = [article.title, *summary, *points]
    return Draft(
        article=article, language=language, slug=slug, added=added, summary=summary, key_points=points,
        topics=find_topics(article.title, article.body, language),
        regions=geo.story_regions(article.title, article.paragraphs, language),
        entities=find_entities([article.title, *(s.text for s in sentences)], language),
        figures=figs,
        job=Job(texts, language, other) if language != "en" else Job(texts, "en", "it"),
    )


def english_body(summary: list[str], points: list[str], pending: bool) -> str:
    parts = []
    if pending:
        parts.append("!!! warning \"Translation pending\"\n    No translation engine was reachable when this "
                     "briefing was built. The summary below is in the original language.\n")
    parts.append("## Summary\n\n" + md_text(" ".join(summary)) + "\n")
    if points:
        parts.append("## Key points\n\n" + "\n".join(f"- {md_text(p)}" for p in points) + "\n")
    return "\n".join(parts)


def finish(draft: Draft) -> tuple[BriefingMeta, str]:
    """Draft + translation -> front matter and English body."""
    a = draft.article
    job = draft.job
    n_sum = len(draft.summary)
    translated = [strip_controls(t) for t in job.result] if job and job.result else None
    engine = job.engine if job and translated else "pending"
    if draft.language == "en":
        # The English is the source; the Italian page needs the translation. Without one it
        # shows the English text, and says so: `it: pending`, counted as pending.
        en_title, en_summary, en_points = a.title, draft.summary, draft.key_points
        it = Italian(
            title=translated[0] if translated else a.title,
            summary=" ".join(translated[1:1 + n_sum] if translated else draft.summary),
            key_points=translated[1 + n_sum:] if translated else draft.key_points,
        )
        provenance = Translation(en="original", it=engine, reviewed=False)  # type: ignore[arg-type]
        pending = False  # the English page is the original: no warning on it
    else:
        it = Italian(title=a.title, summary=" ".join(draft.summary), key_points=draft.key_points)
        if translated:
            en_title, en_summary, en_points = translated[0], translated[1:1 + n_sum], translated[1 + n_sum:]
        else:
            en_title, en_summary, en_points = a.title, draft.summary, draft.key_points
        provenance = Translation(en=engine, it="original", reviewed=False)  # type: ignore[arg-type]
        pending = not translated
    meta = BriefingMeta(
        title=en_title,
        date=a.published,
        added=draft.added,
        slug=draft.slug,
        description=en_summary[0],
        topics=draft.topics,
        regions=draft.regions,
        # The schema's limits (briefing.MAX_NAMES): the finder's first names, none over MAX_NAME.
        entities=Entities(**{kind: [n for n in found if len(n) <= MAX_NAME][:MAX_NAMES]
                             for kind, found in draft.entities.items()}),
        figures=draft.figures,
        source=Source(title=a.title, language=draft.language, author=a.author, publisher=a.publisher,
                      url=a.url, file=a.path, sha256=a.sha256),
        it=it,
        translation=provenance,
    )
    return meta, english_body(en_summary, en_points, pending)


# ---- find and decide ------------------------------------------------------------

Action = Literal["keep", "unchanged", "analyse", "upgrade"]


@dataclass
class Item:
    """One seed on its way through the steps; a failed step leaves it out of the later ones."""

    path: Path
    rel: str  # seeds/<name>, printable
    raw: bytes | None  # dropped once the seed needs no analysis (10,000 seeds are ~50 MB)
    sha256: str
    old: IndexEntry | None = None  # the briefing built from this seed before, if any
    action: Action = "analyse"
    draft: Draft | None = None


@dataclass(frozen=True)
class Decision:
    action: Action
    why: str = ""  # keep: "reviewed" / "edited by hand"; analyse: "new" / "changed" / "forced"
    seed_changed: bool = False


def decide(old: IndexEntry | None, seed_sha256: str, *, force: bool, target_rank: int) -> Decision:
    """What to do with one seed, from what the index knows of its briefing. Pure.

    keep       a person edited or reviewed the briefing: never overwritten without --force
    unchanged  same seed bytes, and no better engine configured than the one that translated it
    upgrade    same seed bytes, a better engine is configured: re-translate if it answers
    analyse    a new seed, a changed one, or --force
    """
    if old is None:
        return Decision("analyse", "new")
    if force:
        return Decision("analyse", "forced")
    protected = "reviewed" if old.reviewed else ("edited by hand" if not old.pristine else "")
    changed = old.source_sha256 != seed_sha256
    if protected:
        return Decision("keep", protected, seed_changed=changed)
    if changed:
        return Decision("analyse", "changed")
    if engine_rank(old.engine) >= target_rank:
        return Decision("unchanged")
    return Decision("upgrade")


def find_seeds(root: Path, report: Report) -> list[Item]:
    """Every seed, read (size-checked, inside the project) and hashed; refused ones reported."""
    items = []
    for path, problem in content_files(root / "seeds", root):
        if path.name.lower() == "readme.md" or (path.is_dir() and path.suffix.lower() not in SEED_SUFFIXES):
            continue  # notes and sub-folders (seeds/old/) are not seeds; a folder named x.txt is reported
        rel = seed_rel(path, root)
        if problem is not None:
            report.failed.append(f"{rel}: {problem}")
            continue
        raw = isolated(report, rel, "cannot read it", read_seed_bytes, path, root)
        if raw is not None:
            items.append(Item(path, rel, raw, hashlib.sha256(raw).hexdigest()))
    return items


# ---- isolation: one item's failure is that item's, never the run's --------------------------------

T = TypeVar("T")


def os_problem(exc: OSError) -> str:
    """An OSError as 'what is wrong: how to fix it'."""
    what = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        return f"{what}: free some disk space and run again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}: make the folder writable (or run where you may write) and run again"
    return f"{what}: check the file and the disk, then run again"


def isolated(report: Report, rel: str, step: str, fn: Callable[..., T], *args: Any) -> T | None:
    """Run one step of one item. Every failure becomes one reported line, `file: what: fix`;
    an unexpected exception also keeps its traceback for -v. Returns None on failure."""
    try:
        return fn(*args)
    except NewsdeskError as exc:
        report.failed.append(str(exc))
    except OSError as exc:
        report.failed.append(f"{rel}: {step}: {os_problem(exc)}")
    except Exception as exc:
        report.failed.append(f"{rel}: {step}: {bug_report(exc)}")
        report.tracebacks.append(traceback.format_exc())
    return None


# ---- duplicates, in this run and across runs --------------------------------------------------------

def text_key(raw: bytes) -> str:
    """A seed's normalised text (whitespace collapsed, case folded): a copy with other line
    breaks or spacing has the same key. Cheap (no parsing), so a fresh checkout can compute it
    for every existing seed when a new one arrives."""
    return hashlib.sha256(" ".join(raw.decode("utf-8", "replace").split()).casefold().encode()).hexdigest()


def _body_key(article: SourceArticle) -> str:
    """The article body alone: the same text under another title or header, in this run."""
    return hashlib.sha256(" ".join(article.body.split()).casefold().encode()).hexdigest()


Where = tuple[str | None, str]  # (the seed that owns the article, where it is, for the message)


@dataclass
class Known:
    """Articles that already have a briefing, or were taken earlier in this run: key -> (owner
    seed, where it is). A seed matching one owned by another seed is a duplicate."""

    shas: dict[str, Where] = field(default_factory=dict)
    urls: dict[str, Where] = field(default_factory=dict)
    texts: dict[str, Where] = field(default_factory=dict)  # text_key, across runs (in the index)
    bodies: dict[str, Where] = field(default_factory=dict)  # _body_key, this run

    def _keys(self, article: SourceArticle, raw: bytes) -> list[tuple[dict[str, Where], str | None]]:
        return [(self.shas, article.sha256), (self.urls, article.url), (self.texts, text_key(raw)),
                (self.bodies, _body_key(article))]

    def duplicate_of(self, rel: str, article: SourceArticle, raw: bytes) -> str | None:
        for table, key in self._keys(article, raw):
            if key and key in table and table[key][0] != rel:
                return table[key][1]
        return None

    def add(self, rel: str, article: SourceArticle, raw: bytes) -> None:
        for table, key in self._keys(article, raw):
            if key:
                table.setdefault(key, (rel, rel))


def known_articles(root: Path, existing: list[IndexEntry], items: list[Item], index: BriefingIndex) -> Known:
    """What the briefings already cover: seed hash, URL and normalised-text hash of each. The
    index keeps the text hash; on a fresh checkout a missing one is computed from the seed (if it
    is unchanged since the briefing was built) and stored."""
    known = Known()
    by_rel = {item.rel: item for item in items}
    for e in existing:
        text_hash = e.text_hash
        seed = by_rel.get(e.source_file or "")
        if text_hash is None and seed is not None and seed.sha256 == e.source_sha256:
            try:
                raw = seed.raw if seed.raw is not None else read_seed_bytes(seed.path, root)
            except (NewsdeskError, OSError):
                raw = None  # gone since it was listed: only its text hash stays unknown
            if raw is not None:
                text_hash = text_key(raw)
                index.set_text_hash(e.path, text_hash)
        where = e.path if e.source_file is None else f"{e.path} (from {e.source_file})"
        for table, key in ((known.shas, e.source_sha256), (known.urls, e.source_url), (known.texts, text_hash)):
            if key:
                table.setdefault(key, (e.source_file, where))
    return known


# ---- the steps -----------------------------------------------------------------------------------

MAX_SEED_TITLE = MAX_TITLE // 2  # its translation must fit the briefing's limit too


def without_controls(article: SourceArticle) -> SourceArticle:
    """The article without control characters (briefing.CONTROL_RE), which a briefing may not
    hold: a header's YAML escapes ("\\x01") and an HTML page's character references (&#1;)
    make them after the decoder has removed the raw ones."""
    def plain(text: str | None) -> str | None:
        return strip_controls(text).strip() or None if text is not None else None

    title = strip_controls(article.title).strip()
    if not title:
        raise SourceError(article.path, "the title is only control characters; put the headline on the first line")
    if len(title) > MAX_SEED_TITLE:
        raise SourceError(article.path, f"the title is {len(title):,} characters long (a headline is at most "
                          f"{MAX_SEED_TITLE:,}); put the headline alone on the first line")
    return replace(article, title=title, url=plain(article.url), publisher=plain(article.publisher),
                   author=plain(article.author),
                   blocks=tuple(replace(b, text=strip_controls(b.text)) for b in article.blocks))


def analyse_item(root: Path, item: Item, known: Known, taken: set[str], added_today: date,
                 report: Report) -> Draft | None:
    """Parse the seed, skip a duplicate (a warning), analyse."""
    article = without_controls(read_source(item.path, root, item.raw))
    if article.published is not None and article.published > latest_date():  # a briefing may not hold it
        report.warnings.append(f"{item.rel}: the date {article.published.isoformat()} is after today; the briefing "
                               "says the date is unknown (correct the date in the seed)")
        article = replace(article, published=None)
    report.warnings.extend(article.warnings)  # header fields ignored
    assert item.raw is not None
    dup = known.duplicate_of(item.rel, article, item.raw)
    if dup is not None:
        report.warnings.append(f"{item.rel}: same article as {dup}; skipped (delete one of the two)")
        return None
    known.add(item.rel, article, item.raw)
    if item.old is not None:
        slug, added = item.old.slug, item.old.added
    else:
        slug, added = make_slug(article.title, article.sha256, taken), added_today
        taken.add(slug)
    draft = analyse(article, slug, added)
    if item.action == "upgrade" and draft.job is not None and item.old is not None:
        # An upgrade only counts when a better engine than the recorded one answers.
        draft.job.min_rank = engine_rank(item.old.engine)
    return draft


def overwrite_problem(target: Path) -> str | None:
    """Checked just before writing, on the file itself, not the index: an edit made with the
    old mtime restored (cp -p, rsync -a) is still seen."""
    if not os.path.lexists(target):
        return None
    if target.is_symlink() or not target.is_file():
        return "is not a regular file; it was not overwritten (remove it and run again)"
    try:
        text = target.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return "was edited by hand (it is not what the build wrote); not overwritten (use --force)"
    if not is_pristine(text):
        return "was edited by hand (it is not what the build wrote); not overwritten (use --force)"
    return None


def write_item(root: Path, item: Item, index: BriefingIndex, force: bool, report: Report) -> None:
    draft = item.draft
    assert draft is not None
    rel_out = f"briefings/{draft.slug}.md"
    old = item.old
    if old is not None and draft.job and draft.job.result is None and draft.job.min_rank > 0:
        report.unchanged.append(old.path)  # no better engine answered: keep what is there
        return
    meta, body = finish(draft)
    text = render_briefing(meta, body)
    briefing = parse_briefing(text, rel_out)  # what is written passes the check a hand-written file does
    size = len(text.encode("utf-8"))
    if size > safety.MAX_BRIEFING_BYTES:  # it would be refused by every later check, render and ingest
        raise SourceError(item.rel, f"its briefing would be {size:,} bytes, over the "
                          f"{safety.MAX_BRIEFING_BYTES:,}-byte limit (a sentence too long to summarise); "
                          "paste the article with its full stops")
    target = root / rel_out
    problem = None if force else overwrite_problem(target)
    if problem is not None:
        report.kept.append(f"{rel_out} (edited by hand)")
        report.warnings.append(f"{rel_out}: {problem}")
        return
    changed = write_atomic(target, text)
    data = text.encode("utf-8")
    assert item.raw is not None
    index.record(IndexEntry.of(briefing, data, target.stat().st_mtime_ns, text_key(item.raw)))
    if meta.translation.engine == "pending":
        report.pending.append(rel_out)
    if old is None:
        report.new.append(rel_out)
    elif changed:
        report.updated.append(rel_out)
    else:
        report.unchanged.append(rel_out)


def remove_temp_files(folder: Path) -> None:
    """`.<name>.md.<random>.tmp`: what write_atomic leaves when a build is killed mid-write.
    The CLI holds the build lock, so no other build is writing one now."""
    if not folder.is_dir():
        return
    for path in folder.glob(".*.md.*.tmp"):
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                path.unlink()


def ingest(root: Path, translator: Translator, *, force: bool = False,
           progress: Callable[[str], None] | None = None, use_index: bool = True) -> Report:
    """Turn every new or changed seed into a briefing. Never overwrites an edited briefing
    unless force; keeps going past bad seeds and reports them all.

        find -> decide (pure, per seed) -> analyse-all -> translate-all -> write-all
    """
    report = Report()
    out_dir = root / "briefings"
    out_dir.mkdir(exist_ok=True)
    remove_temp_files(out_dir)
    index = BriefingIndex(root if use_index else None, warn=report.warnings.append)
    existing, errors = index.scan(root)
    report.warnings.extend(str(err) for err in errors)
    report.tracebacks.extend("".join(traceback.format_exception(err.__cause__)) for err in errors if err.__cause__)
    by_file = {b.source_file: b for b in existing if b.source_file}
    taken = {b.slug for b in existing} | {p.name[:-3] for p, _ in briefing_files(root)}
    added_today = build_date()
    target_rank = best_rank(translator)

    # find, then decide
    items = find_seeds(root, report)
    todo: list[Item] = []
    upgrades: dict[int, list[Item]] = {}
    for item in items:
        item.old = by_file.get(item.rel)
        decision = decide(item.old, item.sha256, force=force, target_rank=target_rank)
        item.action = decision.action
        if decision.action == "keep":
            assert item.old is not None
            report.kept.append(f"{item.old.path} ({decision.why})")
            if decision.seed_changed:
                report.warnings.append(f"{item.rel} changed, but {item.old.path} was {decision.why}: "
                                       "not overwritten (use --force to regenerate it)")
        elif decision.action == "unchanged":
            assert item.old is not None
            report.unchanged.append(item.old.path)
        elif decision.action == "upgrade":
            assert item.old is not None
            upgrades.setdefault(engine_rank(item.old.engine), []).append(item)
        else:
            todo.append(item)
    for item in items:
        if item.action in ("keep", "unchanged"):
            item.raw = None
    # An upgrade waits for a better engine to answer one probe: offline, nothing is re-analysed.
    deferred = 0
    for rank, group in sorted(upgrades.items()):
        if translator.reachable_above(rank):
            todo.extend(group)
        else:
            report.unchanged.extend(item.old.path for item in group if item.old is not None)
            deferred += len(group)
    todo.sort(key=lambda item: item.rel)

    # analyse-all
    known = known_articles(root, existing, items, index) if todo else Known()
    drafts: list[Item] = []
    for n, item in enumerate(todo, 1):
        if progress:
            progress(f"[{n}/{len(todo)}] reading {item.rel}")
        item.draft = isolated(report, item.rel, "cannot analyse it", analyse_item, root, item, known, taken,
                              added_today, report)
        if item.draft is not None:
            drafts.append(item)

    # translate-all
    if progress and drafts:
        progress(f"translating {len(drafts)} briefing(s)")
    cached_before = translator.cache.size()
    jobs = [item.draft.job for item in drafts if item.draft is not None and item.draft.job]
    def translate_all() -> bool:
        translator.run(jobs)
        return True

    if isolated(report, "translation", "failed", translate_all) is None:
        for job in jobs:  # an unexpected failure of the whole step: every briefing stays pending
            job.result, job.engine = None, "pending"
    report.translated_texts = translator.cache.size() - cached_before
    report.engine_calls = translator.calls
    if deferred:
        report.warnings.append(f"{deferred} briefing(s) could get a better machine translation; "
                               "no better engine answered, so they were left as they are")
    for engine, why in sorted(translator.down.items()):
        report.warnings.append(f"translation engine {engine} unavailable: {why}")

    # write-all
    for item in drafts:
        assert item.draft is not None
        isolated(report, f"briefings/{item.draft.slug}.md", "cannot write it", write_item, root, item, index,
                 force, report)
    index.commit()
    index.close()
    return report
