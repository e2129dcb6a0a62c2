"""Page chrome and stated dates (newsdesk.clean, newsdesk.dates): one case per pattern seen on
real pages, each written for the purpose."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdesk import clean, dates
from newsdesk.ingest import analyse
from newsdesk.sources import read_source

from .conftest import FIXTURES


@pytest.mark.parametrize(("text", "expected"), [
    ("Pubblicato il 3 mar 2026 alle 10:15", date(2026, 3, 3)),
    ("12 Gennaio 2025", date(2025, 1, 12)),
    ("Giovedì 2 ottobre 2026, ore 9:12", date(2026, 10, 2)),
    ("03/11/2026 - 11:20", date(2026, 11, 3)),
    ("date 2025-11-19", date(2025, 11, 19)),
    ("HDblog.it Sep 25, 2025 · 2 mins read", date(2025, 9, 25)),
    ("Roma, 3 marzo -", None),  # no year: not a stated date
    ("Tecnologia | 5 min", None),  # a reading time is not "5 minutes ago"
    ("31 febbraio 2025", None),
    ("/2025/09/29/alibaba-ai", None),  # a URL path is a hint, never a stated date
])
def test_a_date_is_found_only_when_stated_in_full(text: str, expected: date | None) -> None:
    assert dates.find_date(text) == expected


def test_the_publication_date_wins_over_the_update_date() -> None:
    assert dates.stated_date(["Aggiornato il 14 nov 2026 alle 12:05", "Pubblicato il 13 nov 2026 alle 09:40"]) \
        == date(2026, 11, 13)
    assert dates.stated_date(["30 ottobre 2026 (modifica il 31 ottobre 2026 | 21:10)"]) == date(2026, 10, 30)
    assert dates.stated_date(["Aggiornato il 14 nov 2026"]) == date(2026, 11, 14)


def test_a_dateline_with_a_year_states_a_date_and_is_not_news() -> None:
    assert dates.dateline_date("VIENNA, 2 ottobre 2026 - Snam ha firmato") == date(2026, 10, 2)
    assert dates.dateline_date("(ANSA) - ROMA, 04 NOV - Il governo") is None
    assert clean.strip_dateline("(ANSA) - ROMA, 04 NOV - Il governo ha deciso.") == "Il governo ha deciso."
    assert clean.strip_dateline("Il governo ha deciso.") == "Il governo ha deciso."


def test_html_dates_come_from_markup_or_the_visible_date_line_never_the_url() -> None:
    url_only = ('<html><head><link rel="canonical" href="https://x.it/2025/09/29/pezzo"></head>'
                '<body><h1>Un titolo abbastanza lungo per un pezzo</h1><p>Testo.</p></body></html>')
    assert dates.html_date(url_only) is None
    byline = url_only.replace("<p>Testo.</p>", '<p class="byline">di Nadia Ancona — 21 agosto 2026</p>')
    assert dates.html_date(byline) == date(2026, 8, 21)
    meta = url_only.replace("</head>", '<meta property="article:published_time" content="2026-03-03T10:15:00">'
                            "</head>")
    assert dates.html_date(meta) == date(2026, 3, 3)


@pytest.mark.parametrize("line", [
    "Nella foto, da sinistra, Mario Rossi e Anna Bianchi",
    "Mario Rossi (a destra) e Luca Verdi (a sinistra)",
    "La sede di TSMC a Hsinchu (Foto Reuters)",
    "Condividi su: Facebook  LinkedIn  X  Email",
    "Facebook", "WhatsApp", "0 commenti", "Commenti (2)",
    "Tag: Termoli, Stellantis, ACC, batterie",
    "© Riproduzione riservata",
    "Iscriviti alla newsletter del Molise Economico: ogni mattina le notizie della regione",
    "Tecnologia | 5 min", "Tempo di lettura: 3 minuti", "date 2025-11-19",
    "Home > Puglia > Taranto",
    "Per continuare a leggere abbonati",
    "Leggi anche: Da Bologna a Berlino, la fintech che fa i conti alle PMI",
    "Scarica gratis la nuova app di Puglia Oggi per iPhone e Android e ricevi le notifiche.",
    "Per continuare la navigazione accetta i cookie oppure gestisci le tue preferenze.",
    "Nella gallery, le immagini del progetto presentato in prefettura.",
    "14:20", "ore 15.05",
])
def test_page_furniture_is_chrome(line: str) -> None:
    assert clean.is_chrome(line)


@pytest.mark.parametrize("line", [
    "Il piano prevede 1.800 posti di lavoro entro il 2029.",
    "Il giornalista che segue il processo è stato minacciato.",
    "L'azienda ha collaborato con la Procura per mesi.",
    "Il ministro si occupa di energia dal 2022 e ha detto che il piano è pronto.",
    "La Regione Molise finanzierà i corsi di formazione per i dipendenti.",
    "I lavoratori oggi",
    "Il Garante ha multato la società per l'uso dei cookie di profilazione senza consenso.",
    "La app della Regione per prenotare le visite è stata scaricata 300.000 volte.",
    "Il sindaco è giornalista e ha detto che il porto riaprirà a maggio.",
    "Alle 14:20 il treno è ripartito da Bologna con tre ore di ritardo.",
])
def test_article_text_is_not_chrome(line: str) -> None:
    assert not clean.is_chrome(line)


@pytest.mark.parametrize(("line", "expected"), [
    ("Economia La Borsa chiude in rialzo.", "La Borsa chiude in rialzo."),  # a section label
    ("ECONOMIA Il governo ha deciso.", "Il governo ha deciso."),
    ("A cura di Mario Rossi Il gruppo ha chiuso.", "Il gruppo ha chiuso."),
    ("Foto Ansa L'azienda ha chiuso.", "L'azienda ha chiuso."),
    ("Il titolo chiude a 3,2 euro. - Il Sole 24 ORE", "Il titolo chiude a 3,2 euro."),
    ("Lo ha detto il ministro. © Riproduzione riservata", "Lo ha detto il ministro."),
    ("Lo ha detto il ministro (ANSA).", "Lo ha detto il ministro."),
    ("Lo ha detto il ministro. Leggi anche: Enel, il piano", "Lo ha detto il ministro."),
    ("Lo ha detto il ministro. Nella foto, il ministro a Bari.", "Lo ha detto il ministro."),
    ("Lo ha detto il ministro (Italpress).", "Lo ha detto il ministro."),
    # Article text that looks alike stays whole.
    ("Secondo Il Sole 24 Ore, il governo taglierà le tasse.", "Secondo Il Sole 24 Ore, il governo taglierà le tasse."),
    ("Economia e finanza sono legate.", "Economia e finanza sono legate."),
    ("Di Maio Il ministro ha parlato.", "Di Maio Il ministro ha parlato."),
    ("Il piano vale 3 miliardi - secondo le stime.", "Il piano vale 3 miliardi - secondo le stime."),
])
def test_furniture_glued_to_a_sentence_is_cut_off(line: str, expected: str) -> None:
    assert clean.strip_glued(line) == expected


@pytest.mark.parametrize("line", [
    "Il ministro dei Trasporti (al centro) con i vertici della società al casello di Cesena.",
    "Da sinistra, Mario Rossi, Anna Bianchi e Luca Verdi alla firma dell'accordo.",
    "La centrale di Brindisi vista dall'alto. Foto di Mario Rossi.",
    "Lavoratori all'ingresso della fabbrica di Termoli (Getty Images)",
    "Vuoi ricevere ogni mattina le notizie di economia? Iscriviti alla nostra newsletter.",
    "Resta aggiornato: segui il nostro canale WhatsApp.",
    "Contenuto riservato agli abbonati.",
    "Ti è piaciuto questo articolo? La rivista è indipendente: sostienici con una donazione.",
    "Marta Fermo è giornalista, scrive di energia e trasporti dal 2014.",
    "Testata registrata presso il Tribunale di Bari n. 12 del 2019.",
    "Un'antenna installata su un tetto. Foto di repertorio",
    "Questo articolo è stato aggiornato alle 15 con la replica dell'azienda.",
    "(Ha collaborato Anna Verdi)",
])
def test_captions_and_prompts_are_chrome_even_with_a_full_stop(line: str) -> None:
    assert clean.is_chrome(line)


def test_a_page_with_furniture_glued_to_its_paragraphs_gives_only_article_text() -> None:
    a = read_source(FIXTURES / "chrome" / "glued_furniture.txt", FIXTURES)
    assert a.title == "Autostrade, il casello digitale arriva sulla A14: addio alle barriere"
    assert a.author == "Giulia Fermo" and a.published == date(2026, 1, 14)
    text = " ".join(a.paragraphs)
    for chrome in ("Ascolta", "(al centro)", "Leggi anche", "newsletter", "Riproduzione", "MOTORI", "Giulia"):
        assert chrome not in text
    assert a.paragraphs[1].startswith("Il nuovo sistema di pedaggio senza barriere sarà attivato")
    assert a.paragraphs[2].startswith("Secondo la società, l'investimento complessivo vale 180 milioni")
    assert a.paragraphs[-1].endswith("senza sanzioni.")


def test_a_related_list_of_headlines_each_after_a_blank_line_is_dropped() -> None:
    lines = ["Primo paragrafo della notizia con un fatto.", "", "Leggi anche", "",
             "Bollette, quanto costa davvero la luce?", "", "Stellantis, a Melfi la nuova piattaforma", "",
             "Il governo prevede nuovi incentivi per le imprese che investono nel Sud, con fondi fino al 2030."]
    assert [ln for ln in clean.body_lines(lines) if ln] == [
        "Primo paragrafo della notizia con un fatto.",
        "Il governo prevede nuovi incentivi per le imprese che investono nel Sud, con fondi fino al 2030."]


def test_a_related_list_is_dropped_up_to_the_next_blank_line() -> None:
    lines = ["Primo paragrafo della notizia con un fatto.", "", "LEGGI ANCHE",
             "Stellantis, a Melfi la nuova piattaforma", 'Molise, il porto punta sulle crociere: "Serve dragare"',
             "", "Tempi e incognite", "Restano i dubbi sulla domanda."]
    assert [ln for ln in clean.body_lines(lines) if ln] == [
        "Primo paragrafo della notizia con un fatto.", "Tempi e incognite", "Restano i dubbi sulla domanda."]


@pytest.mark.parametrize(("line", "author"), [
    ("di Marco Firenze", "Marco Firenze"),
    ("a cura di Redazione Tech", "Redazione Tech"),
    ("Di Alessandro Rimini", "Alessandro Rimini"),
    ("di Nadia Ancona — 21 agosto 2026", "Nadia Ancona"),
    ("Pubblicato: 17/09/2026 · di Giorgio Lecce · 6 minuti di lettura", "Giorgio Lecce"),
    ("di recente il governo ha deciso", None),
])
def test_bylines(line: str, author: str | None) -> None:
    assert clean.byline(line) == author


@pytest.mark.parametrize(("title", "expected"), [
    ("Termoli, la gigafactory riparte: 1.800 posti entro il 2029 - Il Molise Economico",
     "Termoli, la gigafactory riparte: 1.800 posti entro il 2029"),
    ("Attacco ransomware all'Asl di Cuneo: bloccati i servizi | Cronaca Piemonte",
     "Attacco ransomware all'Asl di Cuneo: bloccati i servizi"),
    ("Spazio, firmato l'accordo Airbus-Thales-Leonardo", "Spazio, firmato l'accordo Airbus-Thales-Leonardo"),
    ("Roma - Milano", "Roma - Milano"),
])
def test_a_site_name_suffix_leaves_the_headline(title: str, expected: str) -> None:
    assert clean.strip_site_suffix(title) == expected


def test_the_header_gives_title_byline_and_stated_date_not_labels() -> None:
    lines = ["Economia e Finanza | Il Corriere del Nord", "Startup",
             "Pagamenti alle imprese, la milanese Fatturo diventa un unicorno", "di Claudio Prato",
             "30 ottobre 2026 (modifica il 30 ottobre 2026 | 21:10)", "Ascolta", "Salva", "",
             "L'Italia ha un nuovo unicorno: " + "una frase lunga di corpo " * 10 + "."]
    head = clean.read_header(lines)
    assert (head.title, head.author, head.published) == (
        "Pagamenti alle imprese, la milanese Fatturo diventa un unicorno", "Claudio Prato", date(2026, 10, 30))
    assert lines[head.body_start].startswith("L'Italia")


@pytest.mark.parametrize(("sentence", "ok"), [
    ("Il piano vale 2 miliardi.", True), ("«Restiamo a Milano.»", True), ("Ha detto: «Sì!»", True),
    ("Per continuare a leggere abbonati", False), ("La quota dell", False),
])
def test_an_unterminated_sentence_is_a_cut_off(sentence: str, ok: bool) -> None:
    assert clean.is_terminated(sentence) is ok


def test_a_bio_box_paywall_and_the_site_speaking_of_itself_are_not_article_text() -> None:
    a = read_source(FIXTURES / "chrome" / "bio_paywall_and_site_prompts.txt", FIXTURES)
    assert a.published == date(2026, 10, 9) and a.author == "Ilaria Gallipoli"
    text = " ".join(a.paragraphs)
    for chrome in ("inviata", "canale YouTube", "abbonati", "redazione@", "numero di ottobre", "giornalista"):
        assert chrome not in text
    assert a.paragraphs[0].startswith("Il porto turistico di San Cataldo")
    assert a.paragraphs[-1].startswith("Il sindaco ha detto che il porto")


def test_live_blog_timestamps_are_not_article_text() -> None:
    a = read_source(FIXTURES / "chrome" / "live_blog_timestamps.txt", FIXTURES)
    text = " ".join(a.paragraphs)
    for stamp in ("14:20", "15:05", "15.40", "16:12"):
        assert stamp not in text
    assert "Il prefetto ha convocato i sindacati" in text and "Il Comune ha prolungato" in text
    assert a.published == date(2026, 10, 21)  # only an update time is stated: it is the date


def test_an_author_box_under_the_article_is_not_article_text() -> None:
    # A name on its own line, then the bio that opens with the same name.
    a = read_source(FIXTURES / "chrome" / "author_box_under_article.txt", FIXTURES)
    assert a.author == "Vito Montescaglioso"
    text = " ".join(a.paragraphs)
    for chrome in ("è nato a Bernalda", "Carla Ferrandina", "collabora con la redazione"):
        assert chrome not in text
    assert a.paragraphs[-1].startswith("I sindacati parlano di un primo passo")
    assert [clean.is_bio(line, "Mario Rossi") for line in (
        "Mario Rossi è giornalista dal 2001.", "Mario Rossi, 40 anni, scrive di sport.",
        "Mario Rossi ha detto che il piano è pronto.", "Il sindaco Mario Rossi è soddisfatto.")] == [
        True, True, False, False]


def test_a_reading_time_or_an_update_time_glued_to_a_paragraph_is_cut() -> None:
    a = read_source(FIXTURES / "chrome" / "glued_front_reading_time.txt", FIXTURES)
    assert [p.split(",")[0] for p in a.paragraphs] == [
        "La Regione Marche ha firmato il contratto per 40 autobus a idrogeno che dal 2028 serviranno le linee "
        "costiere tra Pesaro e San Benedetto del Tronto",
        "Secondo l'assessorato ai Trasporti",
        "Il piano prevede anche la formazione di 120 autisti e meccanici"]
    assert clean.strip_glued("4 min «Siamo pronti», ha detto il sindaco.") == "«Siamo pronti», ha detto il sindaco."
    assert clean.strip_glued("Di Maio ha detto che il piano è pronto.") == "Di Maio ha detto che il piano è pronto."


def test_a_caption_in_italics_under_its_image_is_not_article_text() -> None:
    a = read_source(FIXTURES / "chrome" / "caption_in_italics_under_image.html", FIXTURES)
    assert "pontile di Bellariva" not in a.body
    assert [p[:30] for p in a.paragraphs] == ["Il Comune di Rimini ha aperto ", "Al posto della vecchia strada ",
                                              "Il secondo tratto, fino al con"]


def test_a_prompt_inside_a_paragraph_of_news_is_never_a_summary_sentence() -> None:
    a = read_source(FIXTURES / "chrome" / "prompts_inside_paragraphs.txt", FIXTURES)
    draft = analyse(a, "x", date(2026, 1, 1))
    chosen = " ".join([*draft.summary, *draft.key_points])
    assert "Condividi" not in chosen and "Google News" not in chosen
    assert clean.is_chrome_sentence("Segui Verona Sera su Google News.")
    assert not clean.is_chrome_sentence("Il presidente della fiera ha detto che il padiglione sarà raddoppiato.")


def test_a_journalist_or_researcher_in_the_news_is_article_text(tmp_path: Path) -> None:
    # "X è ricercatore...", "X è giornalista e da anni segue...", "X è giornalista del settimanale ed è
    # stato ascoltato..." are news: only an author box under the article is a bio.
    a = read_source(FIXTURES / "reader" / "bio_sentences_in_news.txt", FIXTURES)
    assert len(a.paragraphs) == 5
    assert a.paragraphs[3].startswith("Giorgio Arzergrande è giornalista del settimanale diocesano")
    chosen = " ".join([*(d := analyse(a, "x", date(2026, 1, 1))).summary, *d.key_points])
    assert "Giulia Piove è giornalista" in chosen
    # The same page with an author box under the last paragraph, for a name the byline does not give.
    path = tmp_path / "seeds" / "box.txt"
    path.parent.mkdir()
    path.write_text((FIXTURES / "reader" / "bio_sentences_in_news.txt").read_text("utf-8").replace(
        "di Elisa Cittadella\n", "") + "\nElisa Cittadella è giornalista e dal 2012 racconta per il giornale "
        "l'università e la ricerca.\n", "utf-8")
    boxed = read_source(path, tmp_path)
    assert boxed.paragraphs[-1].startswith("L'ateneo ha già depositato") and len(boxed.paragraphs) == 5


@pytest.mark.parametrize(("name", "title", "author"), [
    # "Site.it — Section" over the headline; "Name | day month, time" without "di" and without a year.
    ("site_label_and_name_bylines.txt",
     "Venezia, il porto di Marghera avrà una banchina per le navi elettriche entro il 2028", "Anna Mestrina"),
    # The author's name in capitals on its own line over the date line.
    ("caps_name_over_date_line.txt",
     "Treviso, la cartiera di Carbonera assume 45 operai per la nuova linea del cartone riciclato",
     "Luca Zero Branco"),
])
def test_a_site_label_is_not_the_title_and_a_bare_name_byline_is_the_author(name: str, title: str,
                                                                              author: str) -> None:
    a = read_source(FIXTURES / "reader" / name, FIXTURES)
    assert (a.title, a.author) == (title, author)
    assert not any(author in p or author.upper() in p for p in a.paragraphs)


def test_a_section_label_over_a_date_line_is_not_an_author() -> None:
    assert clean._name_byline("PRIMO PIANO", "18 novembre 2026 · 08:40") is None
    assert clean._name_byline("Video Gallery", "18 novembre 2026") is None
    assert clean._name_byline("Marta Riese", "La giunta ha approvato il piano.") is None
    for place in ("Reggio Calabria", "Emilia Romagna", "Stati Uniti"):  # a place over the date: a dateline
        assert clean._name_byline(place, "12 novembre 2026") is None
    assert clean._name_byline("Marta Riese | 17 novembre, 09:20", "") == "Marta Riese"
    assert clean._name_byline("REDAZIONE ONLINE", "18 novembre 2026 · 08:40") == "Redazione Online"
    assert clean.looks_like_title("Ucraina - la tregua regge da tre giorni")
    assert not clean.looks_like_title("TelcoItalia.news — Regole & Authority")


@pytest.mark.parametrize(("line", "author"), [
    ("di Mario Rossi e Luca Bianchi", "Mario Rossi, Luca Bianchi"),  # two authors
    ("di Francesca Sironi con Luca Neri", "Francesca Sironi, Luca Neri"),
    ("Pubblicato: 17/09/2026 · di Giorgio Lecce e Ada Neri · 6 minuti di lettura", "Giorgio Lecce, Ada Neri"),
    ("di Mario Rossi, inviato a Bruxelles", "Mario Rossi"),  # what follows the comma is no name
    ("Di MARIO ROSSI", "Mario Rossi"),  # in capitals
    ("A cura della Redazione", "Redazione"),  # a desk
    ("Testo e foto di Paolo Neri", "Paolo Neri"),
    ("dalla nostra inviata a Kiev, Giulia Neri", "Giulia Neri"),
    ("di Mario Rossi e altri", None),
    ("di fronte al municipio", None),  # "di" and small letters: no byline
    ("di recente", None),
    ("a cura della redazione", "Redazione"),
    ("di Redazione Economia", "Redazione Economia"),
])
def test_byline_variants_name_their_authors(line: str, author: str | None) -> None:
    assert clean.byline(line) == author
