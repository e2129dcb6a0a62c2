"""Seeds -> briefings. Collect and analyse everything first, translate in one batch per engine,
then write: a bad seed is reported and skipped, the others are still built.

    read (sources) -> analyse (text, summarize, figures, entities, classify, geo)
    -> translate (translate) -> write (briefing)
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from slugify import slugify

from . import geo
from .briefing import (
    BriefingMeta,
    Entities,
    FigureEntry,
    Italian,
    Source,
    Translation,
    parse_briefing,
    render_briefing,
    write_atomic,
)
from .cache import BriefingIndex, IndexEntry
from .classify import find_topics
from .entities import find_entities
from .errors import NewsdeskError, SourceError
from .figures import key_figures
from .markup import md_text
from .sources import SEED_SUFFIXES, SourceArticle, read_source
from .summarize import article_sentences, summarize
from .text import ANALYSED_LANGUAGES, detect_language
from .translate import ENGINE_RANK, Job, Translator, best_rank

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
    failed: list[str] = field(default_factory=list)  # error messages
    warnings: list[str] = field(default_factory=list)
    translated_texts: int = 0  # texts sent to an engine (not from the cache)
    engine_calls: int = 0  # batches sent: Apertium takes a whole build in one


def build_date() -> date:
    """Today, or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


def make_slug(title: str, sha: str, taken: set[str]) -> str:
    """ASCII, stable (from the original title), unique: a clash gets the seed hash appended."""
    base = slugify(title, max_length=SLUG_MAX, word_boundary=True, save_order=True) or "briefing"
    return base if base not in taken else f"{base}-{sha[:8]}"


def find_seeds(seeds_dir: Path) -> list[Path]:
    return sorted(p for p in seeds_dir.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.name.lower() != "readme.md")


def analyse(article: SourceArticle, slug: str, added: date) -> Draft:
    language = article.language
    if language is None:
        language, score = detect_language(article.title + "\n" + article.body)
        if language is None:
            raise SourceError(article.path, f"cannot tell the article's language (best guess scored {score:.2f}); "
                              "use a .md seed with 'language: it' in its header")
    if language not in ANALYSED_LANGUAGES:
        raise SourceError(article.path, f"the article is in {language!r}; newsdesk analyses "
                          f"{' and '.join(ANALYSED_LANGUAGES)} only")
    sentences = article_sentences(article.paragraphs, language)
    summary, points = summarize(article.title, sentences, language)
    if not summary:
        raise SourceError(article.path, "no sentences found in the body text")
    full_text = article.title + "\n" + article.body
    figs = [FigureEntry(value=f.value, unit=f.unit, en=f.en, it=f.it)
            for f in key_figures([article.title, *article.paragraphs], language)]
    other = "en" if language == "it" else "it"
    texts = [article.title, *summary, *points]
    return Draft(
        article=article, language=language, slug=slug, added=added, summary=summary, key_points=points,
        topics=find_topics(article.title, article.body, language),
        regions=geo.find_regions(full_text, language),
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
    if draft.language == "en":
        # The English is the source; the Italian page needs the translation (or stays pending).
        en_title, en_summary, en_points = a.title, draft.summary, draft.key_points
        translated = job.result if job else None
        it = Italian(
            title=translated[0] if translated else a.title,
            summary=" ".join(translated[1:1 + n_sum] if translated else draft.summary),
            key_points=translated[1 + n_sum:] if translated else draft.key_points,
        )
        engine = "original"
        pending = False
    else:
        it = Italian(title=a.title, summary=" ".join(draft.summary), key_points=draft.key_points)
        if job and job.result:
            en_title, en_summary, en_points = job.result[0], job.result[1:1 + n_sum], job.result[1 + n_sum:]
            engine = job.engine
            pending = False
        else:
            en_title, en_summary, en_points = a.title, draft.summary, draft.key_points
            engine, pending = "pending", True
    meta = BriefingMeta(
        title=en_title,
        date=a.published,
        added=draft.added,
        slug=draft.slug,
        description=en_summary[0],
        topics=draft.topics,
        regions=draft.regions,
        entities=Entities(**draft.entities),
        figures=draft.figures,
        source=Source(title=a.title, language=draft.language, author=a.author, publisher=a.publisher,
                      url=a.url, file=a.path, sha256=a.sha256),
        it=it,
        translation=Translation(engine=engine, reviewed=False),  # type: ignore[arg-type]
    )
    return meta, english_body(en_summary, en_points, pending)


def _why_kept(old: IndexEntry) -> str:
    return "reviewed" if old.reviewed else "edited by hand"


def _body_key(article: SourceArticle) -> str:
    return hashlib.sha256(" ".join(article.body.split()).casefold().encode()).hexdigest()


def ingest(root: Path, translator: Translator, *, force: bool = False,
           progress: Callable[[str], None] | None = None, use_index: bool = True) -> Report:
    """Turn every new or changed seed into a briefing. Never overwrites an edited briefing
    unless force; keeps going past bad seeds and reports them all."""
    report = Report()
    seeds_dir, out_dir = root / "seeds", root / "briefings"
    out_dir.mkdir(exist_ok=True)
    index = BriefingIndex(root if use_index else None, warn=report.warnings.append)
    existing, errors = index.scan(root)
    for err in errors:
        report.warnings.append(str(err))
    by_file = {b.source_file: b for b in existing if b.source_file}
    taken = {b.slug for b in existing} | {p.stem for p in out_dir.glob("*.md")}
    added_today = build_date()
    target_rank = best_rank(translator)
    seen_urls: dict[str, str] = {}
    seen_bodies: dict[str, str] = {}
    drafts: list[Draft] = []
    deferred = 0  # briefings a better engine could re-translate, had one answered

    seeds = find_seeds(seeds_dir) if seeds_dir.is_dir() else []
    for n, path in enumerate(seeds, 1):
        rel = path.relative_to(root).as_posix()
        if progress:
            progress(f"[{n}/{len(seeds)}] reading {rel}")
        if path.suffix.lower() not in SEED_SUFFIXES:
            report.failed.append(f"{rel}: unsupported file type {path.suffix!r}; use .txt, .md or .html")
            continue
        old = by_file.get(rel)
        if old is not None and not force and old.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest():
            # Fast path, without parsing the seed: the same bytes as when the briefing was built.
            if old.source_url:
                seen_urls[old.source_url] = rel
            if old.reviewed or not old.pristine:
                report.kept.append(f"{old.path} ({_why_kept(old)})")
                continue
            old_rank = ENGINE_RANK.get(old.engine, 99)
            if old_rank >= target_rank:
                report.unchanged.append(old.path)
                continue
            if not translator.reachable_above(old_rank):
                report.unchanged.append(old.path)
                deferred += 1
                continue
        try:
            article = read_source(path, root)
        except (NewsdeskError, OSError) as exc:
            report.failed.append(str(exc))
            continue
        # The same article twice (same URL or same text) gives one briefing.
        dup = (article.url and seen_urls.get(article.url)) or seen_bodies.get(_body_key(article))
        if dup and dup != rel:
            report.warnings.append(f"{rel}: same article as {dup}; skipped (delete one of the two seeds)")
            continue
        if article.url:
            seen_urls[article.url] = rel
        seen_bodies[_body_key(article)] = rel

        if old is not None:
            # Here the seed changed, or a better engine answered, or --force: the fast path above
            # took every unchanged seed.
            if (old.reviewed or not old.pristine) and not force:
                why = _why_kept(old)
                report.kept.append(f"{old.path} ({why})")
                report.warnings.append(f"{rel} changed, but {old.path} was {why}: not overwritten "
                                       "(use --force to regenerate it)")
                continue
            slug, added = old.slug, old.added
        else:
            slug, added = make_slug(article.title, article.sha256, taken), added_today
            taken.add(slug)
        try:
            draft = analyse(article, slug, added)
        except NewsdeskError as exc:
            report.failed.append(str(exc))
            continue
        if old is not None and draft.job and not force:
            # An upgrade only counts when a better engine than the recorded one answers.
            draft.job.min_rank = ENGINE_RANK.get(old.engine, 0) if old.source_sha256 == article.sha256 else 0
        drafts.append(draft)

    if progress and drafts:
        progress(f"translating {len(drafts)} briefing(s)")
    cached_before = translator.cache.size()
    translator.run([d.job for d in drafts if d.job])
    report.translated_texts = translator.cache.size() - cached_before
    report.engine_calls = translator.calls
    if deferred:
        report.warnings.append(f"{deferred} briefing(s) could get a better machine translation; "
                               "no better engine answered, so they were left as they are")
    for engine, why in sorted(translator.down.items()):
        report.warnings.append(f"translation engine {engine} unavailable: {why}")

    for draft in drafts:
        rel_out = f"briefings/{draft.slug}.md"
        old = by_file.get(draft.article.path)
        if old is not None and draft.job and draft.job.result is None and draft.job.min_rank > 0:
            report.unchanged.append(old.path)  # no better engine answered: keep what is there
            continue
        meta, body = finish(draft)
        text = render_briefing(meta, body)
        parse_briefing(text, rel_out)  # what is written passes the same check as a hand-written file
        changed = write_atomic(root / rel_out, text)
        if meta.translation.engine == "pending":
            report.pending.append(rel_out)
        if old is None:
            report.new.append(rel_out)
        elif changed:
            report.updated.append(rel_out)
        else:
            report.unchanged.append(rel_out)
    return report
