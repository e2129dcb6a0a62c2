"""The hand-written data files in newsdesk/data/, typed and checked when they are loaded.

topics.yaml, entities.yaml, regions.yaml, glossary.yaml and ui.yaml are edited by contributors.
Each has a pydantic model here (unknown keys are refused) and one cached loader, so a typo'd key
or a value of the wrong type is a DataFileError naming the file, the key path and the fix when
the file is first read, not a KeyError halfway through rendering. `python build.py check` runs
`problems()`: every problem of every file at once.
"""

from __future__ import annotations

import difflib
import string
import types
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import yaml
from babel import Locale
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .errors import DataFileError

DATA_DIR = "newsdesk/data"
Text = Annotated[str, StringConstraints(min_length=1)]


def _none_is_empty(value: Any) -> Any:
    return [] if value is None else value


# `Name: []` and `Name:` (null) both mean "no other spellings".
Spellings = Annotated[list[Text], BeforeValidator(_none_is_empty)]
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def read_text(name: str) -> str:
    """A file of newsdesk/data/ as text (the TSV and SVG tables are read through this too)."""
    return resources.files("newsdesk").joinpath("data").joinpath(name).read_text(encoding="utf-8")


# ---- topics.yaml ---------------------------------------------------------------------------------

class Topic(_Model):
    id: Annotated[str, Field(pattern=SLUG)]
    en: Text
    it: Text
    cues: Annotated[list[Text], Field(min_length=1)]


class TopicsFile(_Model):
    min_score: Annotated[int, Field(ge=1)]
    max_topics: Annotated[int, Field(ge=1)]
    topics: Annotated[list[Topic], Field(min_length=1)]

    @field_validator("topics")
    @classmethod
    def _unique_ids(cls, topics: list[Topic]) -> list[Topic]:
        ids = [t.id for t in topics]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"topic id {twice[0]!r} is used twice; give each topic its own id")
        return topics


# ---- entities.yaml -------------------------------------------------------------------------------

class EntitiesFile(_Model):
    organizations: dict[str, Spellings] = {}
    people: dict[str, Spellings] = {}
    products: dict[str, Spellings] = {}
    not_entities: list[Text] = []
    person_cues: list[Text] = []
    person_verbs: list[Text] = []
    organization_cues: list[Text] = []
    organization_suffixes: list[Text] = []
    product_cues: list[Text] = []
    not_organization_acronyms: list[Text] = []
    speech_verbs: list[Text] = []
    company_forms: list[Text] = []
    institutions: list[Text] = []
    name_connectors: list[Text] = []
    function_words: list[Text] = []
    aliases: dict[str, Text] = {}
    units: dict[str, Text] = {}
    news_outlets: list[Text] = []

    def of_kind(self, kind: str) -> dict[str, list[str]]:
        """The gazetteer of one kind (organizations, people, products): name -> other spellings."""
        known: dict[str, list[str]] = {"organizations": self.organizations, "people": self.people,
                                       "products": self.products}[kind]
        return known


# ---- regions.yaml --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _cldr_regions() -> frozenset[str]:
    return frozenset(Locale("en").territories)


class MacroRegion(_Model):
    cldr: str | None = None
    en: Text | None = None
    it: Text | None = None

    @model_validator(mode="after")
    def _labelled(self) -> MacroRegion:
        if self.cldr is None and (self.en is None or self.it is None):
            raise ValueError("write either cldr: <CLDR region code> or both en: and it: labels")
        if self.cldr is not None and self.cldr not in _cldr_regions():
            raise ValueError(f"{self.cldr!r} is not a CLDR region code (e.g. \"150\" for Europe; quote it)")
        return self

    def written(self, lang: str) -> str:
        """The label written in the file for a language ('en' or 'it'); '' when CLDR names it."""
        return (self.it if lang == "it" else self.en) or ""


class RegionsFile(_Model):
    macro_regions: dict[Annotated[str, Field(pattern=SLUG)], MacroRegion]
    aliases: dict[str, str] = {}
    demonyms: dict[str, str] = {}

    @field_validator("aliases", "demonyms")
    @classmethod
    def _known_codes(cls, codes: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        if "macro_regions" not in info.data:
            return codes  # macro_regions itself is invalid (reported): the ids are not known
        macro = info.data["macro_regions"]
        for key, code in codes.items():
            if code not in macro and not (len(code) == 2 and code in _cldr_regions()):
                raise ValueError(f"{key!r} -> {code!r}: write an ISO 3166 country code (two capitals, e.g. DE) "
                                 "or a macro-region id listed under macro_regions")
        return codes


# ---- glossary.yaml -------------------------------------------------------------------------------

class GlossaryFile(_Model):
    it_en: Annotated[dict[Text, Text], Field(alias="it-en")]


# ---- ui.yaml -------------------------------------------------------------------------------------

class Provenance(_Model):
    google: Text
    libretranslate: Text
    apertium: Text
    original: Text
    human: Text
    pending: Text


class UiStrings(_Model):
    """Every interface string of one language: a key missing from either language is an error."""

    home_title: Text
    home_intro: Text
    all_briefings: Text
    archive_title: Text
    archive_intro: Text
    topics_title: Text
    topics_intro: Text
    regions_title: Text
    regions_intro: Text
    topic_page_intro: Text
    region_page_intro: Text
    original_title: Text
    source: Text
    published: Text
    date_unknown: Text
    added: Text
    original_article: Text
    reading_time: Text
    topics: Text
    regions: Text
    summary: Text
    key_points: Text
    key_figures: Text
    figure: Text
    original: Text
    entities: Text
    organizations: Text
    people: Text
    products: Text
    provenance_title: Text
    provenance: Provenance
    reviewed: Text
    not_reviewed: Text
    engine_names: dict[str, Text]
    extractive: Text
    language_names: dict[str, Text]
    feed_title: Text
    count: Text
    count_one: Text
    none_yet: Text
    newer: Text
    older: Text
    older_in_archive: Text
    page_of: Text
    outlet_unknown: Text
    date_not_stated: Text
    story_label: Text
    story_sources: Text
    story_read_lead: Text
    story_sources_title: Text
    story_outlet: Text
    story_date: Text
    story_briefing: Text
    story_differences: Text
    story_differences_intro: Text
    story_fact: Text
    story_stated_by: Text
    story_not_stated_by: Text
    story_no_differences: Text
    also_reported: Text
    part_of_story: Text
    names_title: Text
    names_intro: Text
    organizations_page_intro: Text
    people_page_intro: Text
    unit_of: Text
    map_title: Text
    map_caption: Text
    map_table_country: Text
    map_table_count: Text
    map_legend: Text
    story_page_link: Text
    feed_dates: Text
    undated_intro: Text
    home_order: Text
    more_chips: Text


def _placeholders(value: Any, key: str = "") -> dict[str, set[str]]:
    """key path -> the {names} a string formats in."""
    if isinstance(value, dict):
        out: dict[str, set[str]] = {}
        for k, v in value.items():
            out.update(_placeholders(v, f"{key}.{k}" if key else k))
        return out
    return {key: {f for _, f, _, _ in string.Formatter().parse(value) if f}} if isinstance(value, str) else {}


class UiFile(_Model):
    en: UiStrings
    it: UiStrings

    @model_validator(mode="after")
    def _same_placeholders(self) -> UiFile:
        en, it = _placeholders(self.en.model_dump()), _placeholders(self.it.model_dump())
        for key, names in en.items():
            if key in it and it[key] != names:
                shown = ", ".join("{" + n + "}" for n in sorted(it[key])) or "none"
                raise ValueError(f"key 'it.{key}': uses {shown} where en uses "
                                 + (", ".join("{" + n + "}" for n in sorted(names)) or "none")
                                 + "; write the same {placeholders} in both languages")
        return self


# ---- loading and error messages ------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)
MODELS: dict[str, type[BaseModel]] = {
    "topics.yaml": TopicsFile,
    "entities.yaml": EntitiesFile,
    "regions.yaml": RegionsFile,
    "glossary.yaml": GlossaryFile,
    "ui.yaml": UiFile,
}


def _key_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.replace("_", "a").replace("-", "a").isalnum():
            out += f".{part}" if out else part
        else:
            out += f'["{part}"]'
    return out or "(top level)"


def _unwrap(tp: Any) -> Any:
    """Annotated[X, ...] and X | None -> X."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp


def _keys_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The keys the model allows in the mapping at `loc` (empty when that is not a model)."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = next((f for n, f in tp.model_fields.items() if part in (n, f.alias)), None)
            if field is None:
                return []
            tp = field.annotation
        elif get_origin(tp) in (list, dict):
            tp = get_args(tp)[-1]
        else:
            return []
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [f.alias or n for n, f in tp.model_fields.items()]
    return []


def _problem(model: type[BaseModel], err: Any) -> str:
    loc = tuple(err["loc"])
    kind = err["type"]
    got = err.get("input")
    message = str(err["msg"]).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        allowed = _keys_at(model, loc[:-1])
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        message = (f"unknown key; did you mean '{near[0]}'?" if near else
                   "unknown key; " + (f"expected one of: {', '.join(allowed)}" if allowed else "remove it"))
        return f"key '{_key_path(loc)}': {message}"
    if kind == "missing":
        return f"key '{_key_path(loc)}': required key is missing; add it"
    if kind == "string_type" and isinstance(got, list | dict):
        message = "expected text, not a " + ("list" if isinstance(got, list) else "mapping")
    elif kind == "string_type":
        message = "expected text; put the value in quotes" + (" (YAML reads yes/no/on/off and NO as true/false)"
                                                              if isinstance(got, bool) else "")
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = "expected a whole number"
    elif kind == "list_type":
        message = "expected a list, written [a, b] or as '- ' lines"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = "expected a mapping of 'key: value' lines"
    elif kind == "string_too_short":
        message = "is empty; write a value"
    elif kind == "string_pattern_mismatch":
        message = "expected lower-case ASCII words joined by '-', e.g. data-centers"
    if not loc:
        return message
    quiet = isinstance(got, dict | list) or kind.startswith("value_error") or got is None
    shown = "" if quiet else f" (got {got!r:.60})"
    return f"key '{_key_path(loc)}': {message}{shown}"


def parse(name: str, text: str, model: type[M]) -> M:
    """The text of data file `name`, validated by `model`; DataFileError naming every problem."""
    path = f"{DATA_DIR}/{name}"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataFileError(path, [f"not valid YAML{line}: {getattr(exc, 'problem', None) or exc}; "
                                   "check the indentation and quotes"]) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(path, [_problem(model, err) for err in exc.errors()]) from None


def _load(name: str, model: type[M]) -> M:
    return parse(name, read_text(name), model)


@lru_cache(maxsize=1)
def topics() -> TopicsFile:
    return _load("topics.yaml", TopicsFile)


@lru_cache(maxsize=1)
def entities() -> EntitiesFile:
    return _load("entities.yaml", EntitiesFile)


@lru_cache(maxsize=1)
def regions() -> RegionsFile:
    return _load("regions.yaml", RegionsFile)


@lru_cache(maxsize=1)
def glossary() -> GlossaryFile:
    return _load("glossary.yaml", GlossaryFile)


@lru_cache(maxsize=1)
def ui() -> UiFile:
    return _load("ui.yaml", UiFile)


def problems() -> list[str]:
    """Every problem of every data file, one line each naming the file (for `build.py check`);
    read afresh, not from the loaders' caches."""
    out: list[str] = []
    for name, model in MODELS.items():
        try:
            parse(name, read_text(name), model)
        except DataFileError as exc:
            out.extend(str(exc).splitlines())
    return out
