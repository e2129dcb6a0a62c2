"""Analysis in the article's own language: sentences, figures, entities, topics, regions, summary.
Nothing invented: every summary sentence and every figure is in the article."""

from __future__ import annotations

import pytest

from newsdesk import geo
from newsdesk.classify import find_topics, taxonomy
from newsdesk.entities import find_entities
from newsdesk.figures import find_figures, key_figures
from newsdesk.sources import SourceArticle, read_source
from newsdesk.summarize import article_sentences, summarize
from newsdesk.text import detect_language, split_sentences

from .conftest import FIXTURES, REPO

SEED_000 = "000_db0fdbf32436b3ba.txt"
SEED_002 = "002_aa7ace8b5e1f7725.txt"


def seed(name: str) -> SourceArticle:
    return read_source(REPO / "seeds" / name, REPO)


def sentences_of(a: SourceArticle) -> list[str]:
    return [s.text for s in article_sentences(a.paragraphs, "it")]


def test_sentence_splitting_keeps_numbers_and_names_together() -> None:
    text = ("Alibaba investe 48,6 miliardi di euro. Offre crediti fino a 110.000 euro tramite T-Head. "
            "Il chip compete con l’H20 di Nvidia, secondo il dott. Rossi. Fine.")
    assert split_sentences(text, "it") == [
        "Alibaba investe 48,6 miliardi di euro.",
        "Offre crediti fino a 110.000 euro tramite T-Head.",
        "Il chip compete con l’H20 di Nvidia, secondo il dott. Rossi.",
        "Fine.",
    ]
    assert split_sentences("Nuovi prodotti AI. Stando a Reuters, cresce. Volkswagen e BMW. Il governo tace.", "it") == [
        "Nuovi prodotti AI.", "Stando a Reuters, cresce.", "Volkswagen e BMW.", "Il governo tace."]
    assert split_sentences("Il sig. Rossi e la S.p.A. di Milano hanno firmato. Poi è partito.", "it") == [
        "Il sig. Rossi e la S.p.A. di Milano hanno firmato.", "Poi è partito."]


@pytest.mark.parametrize(("name", "language"), [(SEED_000, "it"), (SEED_002, "it")])
def test_language_of_seeds(name: str, language: str) -> None:
    a = seed(name)
    assert detect_language(a.body)[0] == language


def test_language_of_english_and_spanish_fixtures() -> None:
    english = read_source(FIXTURES / "seeds" / "english_article.txt", FIXTURES)
    spanish = read_source(FIXTURES / "seeds" / "spanish_article.txt", FIXTURES)
    assert detect_language(english.body)[0] == "en"
    assert detect_language(spanish.body)[0] == "es"


def test_key_figures_of_seed_000_are_normalised() -> None:
    figs = [f.as_dict() for f in key_figures(seed(SEED_000).paragraphs, "it")]
    assert figs == [
        {"value": 48_600_000_000, "unit": "EUR", "en": "€48.6 billion", "it": "48,6 miliardi di euro"},
        {"value": 2_000_000_000, "unit": "tokens", "en": "2 billion tokens", "it": "2 miliardi di token"},
        {"value": 110_000, "unit": "EUR", "en": "€110,000", "it": "110.000 euro"},
    ]


@pytest.mark.parametrize(("text", "value", "unit", "en"), [
    ("il 25% in più", 25, "percent", "25%"),
    ("una crescita del 3,5 per cento", 3.5, "percent", "3.5%"),
    ("300 milioni di dollari", 300_000_000, "USD", "$300 million"),
    ("€2 mld", 2_000_000_000, "EUR", "€2 billion"),
    ("1.200.000 utenti", 1_200_000, "users", "1.2 million users"),
    ("500 mila euro", 500_000, "EUR", "€500,000"),
    ("1 miliardo di euro", 1_000_000_000, "EUR", "€1 billion"),
])
def test_figure_forms(text: str, value: float, unit: str, en: str) -> None:
    (fig,) = find_figures(text, "it")
    assert (fig.value, fig.unit, fig.en) == (value, unit, en)


@pytest.mark.parametrize(("text", "expected"), [
    # currencies named by CLDR, not only by the common table; an ISO code written as such
    ("un piano da 6.000 miliardi di dong", [(6_000_000_000_000, "VND", "₫6 trillion", "6.000 miliardi di dong")]),
    ("ricavi per 3 miliardi di baht", [(3_000_000_000, "THB", "THB 3 billion", "3 miliardi di baht")]),
    ("2 milioni di corone norvegesi", [(2_000_000, "NOK", "NOK 2 million", "2 milioni di corone norvegesi")]),
    ("5 milioni di SGD", [(5_000_000, "SGD", "SGD 5 million", "5 milioni di SGD")]),
    # a currency understood from the amount before it in the same clause
    ("1,4 miliardi di euro, di cui 180 milioni per le banchine",
     [(1_400_000_000, "EUR", "€1.4 billion", "1,4 miliardi di euro"),
      (180_000_000, "EUR", "€180 million", "180 milioni di euro")]),
    ("un round da 50 milioni di dollari che porta la valutazione a 1,1 miliardi",
     [(50_000_000, "USD", "$50 million", "50 milioni di dollari"),
      (1_100_000_000, "USD", "$1.1 billion", "1,1 miliardi di dollari")]),
    # ... but not across a sentence, nor when the number counts something else
    ("Ricavi per 3 miliardi di euro. Gli utenti sono 200 milioni.",
     [(3_000_000_000, "EUR", "€3 billion", "3 miliardi di euro"),
      (200_000_000, "count", "200 million", "200 milioni")]),
    ("10 milioni di euro per 120 milioni di metri cubi d'acqua",
     [(10_000_000, "EUR", "€10 million", "10 milioni di euro"),
      (120_000_000, "cubic metres", "120 million cubic metres", "120 milioni di metri cubi")]),
    # ranges: the first end takes the scale and unit of the second
    ("tra 44 e 46 miliardi di dollari", [(44_000_000_000, "USD", "$44 billion", "44 miliardi di dollari"),
                                         (46_000_000_000, "USD", "$46 billion", "46 miliardi di dollari")]),
    ("da 480 a circa 700 dipendenti", [(480, "employees", "480 employees", "480 dipendenti"),
                                       (700, "employees", "700 employees", "700 dipendenti")]),
    ("tra il 3 e il 5%", [(3, "percent", "3%", "3%"), (5, "percent", "5%", "5%")]),
    ("40-50 milioni di euro", [(40_000_000, "EUR", "€40 million", "40 milioni di euro"),
                               (50_000_000, "EUR", "€50 million", "50 milioni di euro")]),
    # a year is not the start of a range, and "e" without "tra"/"da" joins no range
    ("nel 2025 a 30 milioni di euro", [(30_000_000, "EUR", "€30 million", "30 milioni di euro")]),
    ("oltre 3 e 4 milioni di euro", [(4_000_000, "EUR", "€4 million", "4 milioni di euro")]),
    # counted things, also after "nuovi"; measures
    ("un ordine per 40 nuovi treni", [(40, "trains", "40 new trains", "40 nuovi treni")]),
    ("1.200 appuntamenti rinviati", [(1_200, "appointments", "1,200 appointments", "1.200 appuntamenti")]),
    ("un treno da 360 km/h", [(360, "km/h", "360 km/h", "360 km/h")]),
    ("un taglio di 25 punti base", [(25, "basis points", "25 basis points", "25 punti base")]),
    ("500.000 kWh l'anno", [(500_000, "kWh", "500,000 kWh", "500.000 kWh")]),
    # short currency names that are Italian words are not currencies
    ("200 marchi del lusso", []),
])
def test_figures_in_context(text: str, expected: list[tuple[float, str, str, str]]) -> None:
    assert [(f.value, f.unit, f.en, f.it) for f in find_figures(text, "it")] == expected


@pytest.mark.parametrize("text", ["la licenza Apache 2.0", "nel 2025", "tre anni", "H20 di Nvidia"])
def test_bare_numbers_are_not_key_figures(text: str) -> None:
    assert find_figures(text, "it") == []


def test_every_figure_is_found_in_the_article() -> None:
    for name in (SEED_000, SEED_002):
        a = seed(name)
        for fig in key_figures(a.paragraphs, "it"):
            assert fig.it in a.body  # the whole figure as written, unit and all, not its first number


def test_entities_seed_002() -> None:
    a = seed(SEED_002)
    found = find_entities([a.title, *sentences_of(a)], "it")
    # "NVIDIA" in the text is found under its one canonical spelling; in order of first mention;
    # "Stando a quanto riporta Reuters": a cited source is not a participant (issue 10)
    assert found == {"organizations": ["Alibaba", "Nvidia", "Alibaba Cloud"],
                     "people": ["Eddie Wu", "Feifei Li"], "products": ["H20"]}


def test_entities_seed_000() -> None:
    a = seed(SEED_000)
    found = find_entities([a.title, *sentences_of(a)], "it")
    assert found == {"organizations": ["Alibaba", "T-Head", "Nvidia", "Vodafone"], "people": [],
                     "products": ["H20", "Qwen3-Omni"]}


def test_people_are_found_from_cues_not_only_the_gazetteer() -> None:
    found = find_entities(["Secondo l’amministratore delegato Flavio Cattaneo, il piano è solido."], "it")
    assert found["people"] == ["Flavio Cattaneo"]


def test_places_are_not_entities() -> None:
    found = find_entities(["La società ha aperto a Francoforte e in Medio Oriente."], "it")
    assert found == {"organizations": [], "people": [], "products": []}


def test_topics_seed_000() -> None:
    # An overview with one section per theme: AI infrastructure, the investment plan, data
    # sovereignty. Its own chips are one paragraph among six, and a reader browsing the
    # semiconductors page would not look for it there; at most four topics (the labels name 1-4).
    a = seed(SEED_000)
    assert set(find_topics(a.title, a.body, "it")) == {"artificial-intelligence", "data-centers", "investment",
                                                       "regulation"}


def test_topics_seed_002() -> None:
    # The title says AI and an alliance with Nvidia (its GPUs are the chips at stake); data centers
    # and the US-China rivalry are each one paragraph, and only one of them fits under the cap of four.
    a = seed(SEED_002)
    topics = find_topics(a.title, a.body, "it")
    assert set(topics[:3]) == {"artificial-intelligence", "partnerships", "semiconductors"}
    assert len(topics) == 4 and topics[3] in {"data-centers", "geopolitics"}


def test_topic_vocabulary_has_both_labels() -> None:
    for topic in taxonomy().topics.values():
        assert topic.en and topic.it and topic.cues


def test_regions_seed_000() -> None:
    a = seed(SEED_000)
    regions = geo.find_regions(a.title + "\n" + a.body, "it")
    assert regions == ["CN", "DE", "US", "east-asia", "europe", "latin-america", "middle-east", "north-america",
                       "southeast-asia"]


def test_regions_seed_002() -> None:
    a = seed(SEED_002)
    regions = geo.find_regions(a.title + "\n" + a.body, "it")
    assert regions == ["AE", "BR", "CN", "FR", "JP", "KR", "MX", "MY", "NL", "US", "east-asia", "europe",
                       "latin-america", "middle-east", "north-america", "southeast-asia"]


def test_every_country_implies_its_macro_region() -> None:
    regions = geo.find_regions("Nuovi uffici a Francoforte, Pechino, Dubai e San Paolo.", "it")
    assert regions == ["AE", "BR", "CN", "DE", "east-asia", "europe", "latin-america", "middle-east"]


@pytest.mark.parametrize(("code", "en", "it"), [
    ("DE", "Germany", "Germania"), ("europe", "Europe", "Europa"),
    ("middle-east", "Middle East", "Medio Oriente"), ("latin-america", "Latin America", "America Latina"),
])
def test_region_labels_are_localised(code: str, en: str, it: str) -> None:
    assert (geo.label(code, "en"), geo.label(code, "it")) == (en, it)


def test_summary_keeps_the_lead_fact_and_invents_nothing() -> None:
    a = seed(SEED_000)
    sentences = article_sentences(a.paragraphs, "it")
    summary, points = summarize(a.title, sentences, "it")
    assert 3 <= len(summary) <= 5 and 3 <= len(points) <= 5
    assert "48,6 miliardi di euro nei prossimi tre anni" in summary[0]
    texts = {s.text for s in sentences}
    assert set(summary) <= texts and set(points) <= texts
    assert not set(summary) & set(points)


def test_summary_of_seed_002_includes_the_partnership() -> None:
    a = seed(SEED_002)
    summary, _ = summarize(a.title, article_sentences(a.paragraphs, "it"), "it")
    assert any("partnership con NVIDIA" in s for s in summary)
