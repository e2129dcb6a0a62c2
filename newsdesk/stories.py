"""Stories: briefings from different outlets about the same event, grouped for one page.

Two briefings are about the same event when they name the same subjects (organisations, people,
products: at least two in common, news agencies they quote left out), their dates are close or
unknown, and their Italian texts are similar: the cosine of their lemmas' term-frequency vectors
(scikit-learn's TfidfVectorizer without IDF: a pair's score depends on that pair only, so a new
briefing never regroups old ones). Topics alone never make a story: every AI article shares the topic "artificial
intelligence".

The grouping is stored in stories.yaml at the project root so that a person can review it: the
build rewrites the automatic stories, and keeps every story marked `pinned: true` exactly as
written (a pinned story with one briefing keeps that briefing out of every story). `python
build.py check` validates the file.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sklearn.feature_extraction.text import TfidfVectorizer

from . import names
from .briefing import SLUG_RE, write_atomic
from .cache import CacheDB
from .names import Item
from .text import lemmas

STORIES_FILE = "stories.yaml"
# Days between two stated publication dates beyond which articles report different events
# (a follow-up a month later is a new story). An unknown date is compatible with any date.
MAX_DAYS_APART = 7
# Subjects in common: one (the company) is what every article about that company shares; two
# (the company and its partner, or its product) mark the same news.
MIN_SHARED_SUBJECTS = 2
# Cosine of the lemma vectors. The two Alibaba seeds, written by different outlets, score 0.30;
# an article about the same company's quarterly results 0.15-0.17 (tests/fixtures/stories/):
# 0.22 sits between. Lemmas of three letters or fewer are mostly articles and prepositions.
MIN_SIMILARITY = 0.22
MIN_LEMMA_LEN = 4
PAIR_BLOCK = 100_000  # candidate pairs whose cosines are computed at once

HEADER = """\
# Stories: briefings about the same event from different sources, one page each.
# Written by `python build.py render` (and build, site). Review it like a briefing:
# - to change a story, edit its `briefings` (and `lead`, whose summary the story page shows) and
#   set `pinned: true`: a pinned story is kept exactly as written;
# - to keep a briefing out of every story, pin a story that holds only that briefing.
# Unpinned stories are recomputed from the briefings on every build.
"""


Slug = Annotated[str, Field(pattern=SLUG_RE)]


class Story(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug  # the slug of the member added first: stays the same as sources join
    lead: Slug  # whose summary the story page shows
    briefings: list[Slug]
    pinned: bool = False


class StoriesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stories: list[Story] = []


class StoriesError(ValueError):
    """stories.yaml is not valid: every problem names the story and the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# ---- similarity ---------------------------------------------------------------------------------

def _text(b: Item) -> str:
    # The Italian fields exist for every briefing (original or translated), so every pair is
    # compared in one language.
    it = b.meta.it
    return " ".join([it.title, it.summary, *it.key_points])


def _lemmas(text: str) -> list[str]:
    return [w for w in lemmas(text, "it") if len(w) >= MIN_LEMMA_LEN and w.isalpha()]


LEMMA_SCHEMA = "CREATE TABLE IF NOT EXISTS lemmas (key TEXT PRIMARY KEY, lemmas TEXT NOT NULL);"


def _lemma_lists(texts: Sequence[str], root: Path | None) -> list[list[str]]:
    """`_lemmas` of each text, kept in .newsdesk-cache/lemmas.sqlite by a hash of the text and the
    lemmatiser's version: lemmatising is most of the grouping's time, and a build that adds one
    briefing to 10,000 would otherwise lemmatise them all again."""
    salt = f"{version('simplemma')} {MIN_LEMMA_LEN}\0"
    keys = [hashlib.sha256((salt + t).encode()).hexdigest() for t in texts]
    db = CacheDB.open(root, "lemmas", version=1, schema=LEMMA_SCHEMA)
    try:
        known: dict[str, list[str]] = {}
        for start in range(0, len(keys), 500):  # sqlite's limit on parameters
            chunk = keys[start:start + 500]
            rows = db.read(f"SELECT key, lemmas FROM lemmas WHERE key IN ({','.join('?' * len(chunk))})", chunk,
                           lambda row: (str(row[0]), str(row[1]).split()))
            known.update(rows)
        out, new = [], []
        for key, text in zip(keys, texts, strict=True):
            if key not in known:
                known[key] = _lemmas(text)
                new.append((key, " ".join(known[key])))  # lemmas are letters only: a space splits them
            out.append(known[key])
        if new:
            db.write_many("INSERT OR REPLACE INTO lemmas (key, lemmas) VALUES (?, ?)", new)
            db.commit()
        return out
    finally:
        db.close()


def dates_compatible(a: Item, b: Item) -> bool:
    if a.meta.date is None or b.meta.date is None:
        return True
    return abs((a.meta.date - b.meta.date).days) <= MAX_DAYS_APART


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    shared: int  # subjects in common
    similarity: float


def _as_is(tokens: list[str]) -> list[str]:
    return tokens


def related_pairs(briefings: Sequence[Item], root: Path | None = None) -> list[Pair]:
    """Every pair of briefings about the same event, strongest evidence first: more subjects in
    common, then more similar text. Only pairs that share
    subjects are compared, so the work grows with the briefings about each company, not with the
    square of the whole archive."""
    if len(briefings) < 2:
        return []
    subjects = [names.subjects(b) for b in briefings]
    by_subject: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(subjects):
        for name in found:
            by_subject[name].append(i)
    # Pairs as one int64 each (i * n + j), counted with numpy: a large archive has millions of
    # pairs that share one subject, and a dict of tuples of them took gigabytes.
    n = len(briefings)
    days = day_numbers(briefings)
    codes = [i * n + j for i, j in (_close_in_time(days, members) for members in by_subject.values())]
    unique, counts = np.unique(np.concatenate(codes) if codes else np.zeros(0, np.int64), return_counts=True)
    del codes
    keep = counts >= MIN_SHARED_SUBJECTS
    candidates, shared = unique[keep], counts[keep]
    if not len(candidates):
        return []
    lefts, rights = candidates // n, candidates % n
    # Only briefings in a candidate pair are lemmatised (the slow part).
    in_pairs = np.unique(np.concatenate([lefts, rights]))
    row = np.full(n, -1, dtype=np.int64)
    row[in_pairs] = np.arange(len(in_pairs))
    vectorizer = TfidfVectorizer(analyzer=_as_is, sublinear_tf=True, use_idf=False)
    vectors = vectorizer.fit_transform(_lemma_lists([_text(briefings[i]) for i in in_pairs.tolist()], root))
    similarities = np.concatenate([  # the cosines, a block of pairs at a time
        np.asarray(vectors[row[lefts[k:k + PAIR_BLOCK]]].multiply(vectors[row[rights[k:k + PAIR_BLOCK]]])
                   .sum(axis=1)).ravel()
        for k in range(0, len(candidates), PAIR_BLOCK)])
    pairs = []
    for i, j, common, similarity in zip(lefts.tolist(), rights.tolist(), shared.tolist(), similarities.tolist(),
                                        strict=True):
        if similarity >= MIN_SIMILARITY:
            a, b = sorted((briefings[i].slug, briefings[j].slug))
            pairs.append(Pair(a, b, common, round(similarity, 6)))
    return sorted(pairs, key=lambda p: (-p.shared, -p.similarity, p.a, p.b))


def day_numbers(briefings: Sequence[Item]) -> np.ndarray:
    """Each briefing's stated date as a day number, -1 when it states none."""
    return np.array([b.meta.date.toordinal() if b.meta.date else -1 for b in briefings], dtype=np.int64)


def _close_in_time(days: np.ndarray, members: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (i < j) of `members` whose dates are compatible, as two index arrays, without
    forming the others: a subject named in thousands of briefings over the years pairs each
    only with the ones of the same week (sorted by date, a window), plus the undated ones,
    compatible with any."""
    group = np.asarray(members, dtype=np.int64)
    undated = group[days[group] < 0]
    dated = group[days[group] >= 0]
    dated = dated[np.argsort(days[dated], kind="stable")]
    d = days[dated]
    after = np.searchsorted(d, d + MAX_DAYS_APART, side="right") - np.arange(len(d)) - 1  # partners later in the window
    first = np.repeat(np.arange(len(d)), after)
    second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(after) - after, after)
    u, v = np.triu_indices(len(undated), 1)
    left = np.concatenate([dated[first], np.repeat(undated, len(dated)), undated[u]])
    right = np.concatenate([dated[second], np.tile(dated, len(undated)), undated[v]])
    return np.minimum(left, right), np.maximum(left, right)


# ---- grouping -----------------------------------------------------------------------------------

def _lead(members: Iterable[Item]) -> Item:
    """The member whose summary stands for the story: reviewed English first, then the one with the
    most figures and names, then a stated date."""
    def weight(b: Item) -> tuple[int, int, int, str]:
        m = b.meta
        return (-int(m.reviewed), -(len(m.figures) + len(names.subjects(b))), int(m.date is None), b.slug)
    return min(members, key=weight)


def _by_date(b: Item) -> tuple[bool, int, str]:
    """Sources in the order they published; those that do not say, last."""
    return (b.meta.date is None, b.meta.display_date.toordinal(), b.slug)


def _first_added(members: Iterable[Item]) -> Item:
    return min(members, key=lambda b: (b.meta.added, b.slug))


def group(briefings: Sequence[Item], pinned: Sequence[Story] = (), root: Path | None = None) -> list[Story]:
    """The stories of a set of briefings: the pinned ones as given, then automatic ones of two or
    more briefings among the rest. Clusters merge along the strongest pairs first, and only
    when every date in the merged cluster stays compatible (no chains across months)."""
    by_slug = {b.slug: b for b in briefings}
    taken = {slug for s in pinned for slug in s.briefings}
    free = [b for b in briefings if b.slug not in taken]
    cluster: dict[str, list[str]] = {b.slug: [b.slug] for b in free}
    # The stated dates of a cluster as (earliest, latest) day: every pair of its dates is
    # compatible exactly when latest - earliest <= MAX_DAYS_APART (undated members fit any).
    span: dict[int, tuple[int, int] | None] = {
        id(cluster[b.slug]): None if b.meta.date is None else (b.meta.date.toordinal(),) * 2 for b in free}
    for pair in related_pairs(free, root):
        left, right = cluster[pair.a], cluster[pair.b]
        if left is right:
            continue
        a, b = span[id(left)], span[id(right)]
        merged = a or b if a is None or b is None else (min(a[0], b[0]), max(a[1], b[1]))
        if merged is not None and merged[1] - merged[0] > MAX_DAYS_APART:
            continue
        if len(left) < len(right):  # the smaller cluster's members move
            left, right = right, left
        left.extend(right)
        for slug in right:
            cluster[slug] = left
        span[id(left)] = merged
    stories = list(pinned)
    seen: set[int] = set()
    for members in cluster.values():
        if len(members) < 2 or id(members) in seen:
            continue
        seen.add(id(members))
        items = [by_slug[s] for s in members]
        stories.append(Story(id=_first_added(items).slug, lead=_lead(items).slug,
                             briefings=sorted(members, key=lambda s: _by_date(by_slug[s]))))
    return sorted(stories, key=lambda s: s.id)


# ---- the stories file ---------------------------------------------------------------------------

def _format(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = f"story {loc[1] + 1}" if len(loc) > 1 and loc[0] == "stories" and isinstance(loc[1], int) else ""
        field = ".".join(str(x) for x in loc[2:]) or ".".join(str(x) for x in loc)
        msg = err["msg"]
        if err["type"] == "string_pattern_mismatch":
            msg = "expected a briefing slug (lower-case words joined by '-')"
        elif err["type"] == "extra_forbidden":
            msg = "unknown field; a story has id, lead, briefings and pinned"
        out.append(f"{STORIES_FILE}: {where + ', ' if where else ''}field '{field}': {msg}")
    return out


def parse(text: str) -> StoriesFile:
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise StoriesError([f"{STORIES_FILE}: not valid YAML{line}; check indentation and quotes"]) from exc
    if data is None:
        return StoriesFile()
    if not isinstance(data, dict):
        raise StoriesError([f"{STORIES_FILE}: expected a mapping with a 'stories' list"])
    try:
        return StoriesFile.model_validate(data)
    except ValidationError as exc:
        raise StoriesError(_format(exc)) from exc


def load(root: Path) -> StoriesFile:
    path = root / STORIES_FILE
    return parse(path.read_text(encoding="utf-8")) if path.exists() else StoriesFile()


def problems(stories: StoriesFile, briefings: Sequence[Item]) -> list[str]:
    """What is wrong between stories.yaml and the briefings, one line per problem, naming the
    story, the field and the fix."""
    known = {b.slug for b in briefings}
    out: list[str] = []
    where: dict[str, str] = {}
    ids: set[str] = set()
    for s in stories.stories:
        name = f"{STORIES_FILE}: story '{s.id}'"
        if s.id in ids:
            out.append(f"{name}, field 'id': used by two stories; give each story its own id")
        ids.add(s.id)
        for slug in s.briefings:
            if slug not in known:
                out.append(f"{name}, field 'briefings': no briefing '{slug}' in briefings/; remove it or fix the slug")
            elif slug in where:
                out.append(f"{name}, field 'briefings': '{slug}' is also in story '{where[slug]}'; "
                           "a briefing belongs to one story")
            else:
                where[slug] = s.id
        if len(set(s.briefings)) != len(s.briefings):
            out.append(f"{name}, field 'briefings': lists a briefing twice")
        if s.lead not in s.briefings:
            out.append(f"{name}, field 'lead': '{s.lead}' is not one of the story's briefings")
        if not s.pinned and len(s.briefings) < 2:
            out.append(f"{name}, field 'briefings': an automatic story needs two briefings; "
                       "pin it (pinned: true) to keep a briefing out of every story")
    return out


def dump(stories: Sequence[Story]) -> str:
    data = {"stories": [s.model_dump() for s in stories]}
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def update(root: Path, briefings: Sequence[Item]) -> list[Story]:
    """Recompute the automatic stories, keep the pinned ones, and write stories.yaml when it
    changes. Raises StoriesError when the file is invalid (nothing is written then)."""
    current = load(root)
    found = problems(StoriesFile(stories=[s for s in current.stories if s.pinned]), briefings)
    if found:
        raise StoriesError(found)
    stories = group(briefings, [s for s in current.stories if s.pinned], root)
    text = dump(stories)
    if stories or (root / STORIES_FILE).exists():
        write_atomic(root / STORIES_FILE, text)
    return stories


def stale(root: Path, briefings: Sequence[Item]) -> bool:
    """Whether stories.yaml differs from what the build would write."""
    current = load(root)
    expected = dump(group(briefings, [s for s in current.stories if s.pinned], root))
    path = root / STORIES_FILE
    actual = path.read_text(encoding="utf-8") if path.exists() else dump([])
    return actual != expected


# ---- what a story page shows --------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    """A fact some sources state and others do not."""
    en: str  # the fact, in each language
    it: str
    stated_by: tuple[str, ...]  # slugs of the members that state it
    not_stated_by: tuple[str, ...]


def differences(members: Sequence[Item]) -> list[Difference]:
    """Figures and publication dates on which the sources differ: a figure one states and
    another does not, a date one states and another leaves unknown."""
    out: list[Difference] = []
    slugs = tuple(b.slug for b in members)
    figures: dict[tuple[float, str], tuple[str, str]] = {}
    stating: dict[tuple[float, str], list[str]] = defaultdict(list)
    for b in members:
        for fig in b.meta.figures:
            key = (float(fig.value), fig.unit)
            figures.setdefault(key, (fig.en, fig.it))
            if b.slug not in stating[key]:
                stating[key].append(b.slug)
    for key, (en, it) in figures.items():
        if len(stating[key]) < len(members):
            out.append(Difference(en, it, tuple(stating[key]), tuple(s for s in slugs if s not in stating[key])))
    dated = [b for b in members if b.meta.date]
    if dated and len(dated) < len(members):
        out.append(Difference("publication date", "data di pubblicazione", tuple(b.slug for b in dated),
                              tuple(b.slug for b in members if not b.meta.date)))
    return out


def membership(stories: Iterable[Story]) -> dict[str, Story]:
    """Item slug -> its story."""
    return {slug: s for s in stories for slug in s.briefings}


def check(root: Path, briefings: Sequence[Item]) -> tuple[list[str], list[str]]:
    """Errors and warnings about stories.yaml for `build.py check`: an invalid file is an error;
    one the build would rewrite is a warning (an error with --strict)."""
    try:
        current = load(root)
    except StoriesError as exc:
        return exc.problems, []
    found = problems(current, briefings)
    if found:
        return found, []
    if stale(root, briefings):
        return [], [f"{STORIES_FILE} is out of date: run `python build.py render` and review the change"]
    return [], []
