"""Reading seeds as people paste them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdesk import dates
from newsdesk.errors import SourceError
from newsdesk.ingest import analyse
from newsdesk.safety import shown
from newsdesk.sources import MAX_SEED_BYTES, decode, read_source

from .conftest import FIXTURES, REPO

SEEDS = FIXTURES / "seeds"
ENEL_BODY_START = "Enel ha annunciato un piano da 3,5 miliardi di euro per modernizzare le reti elettriche"


def read(name: str):  # type: ignore[no-untyped-def]
    return read_source(SEEDS / name, FIXTURES)


def test_seed_002_header_lines_are_metadata_not_body() -> None:
    a = read_source(REPO / "seeds" / "002_aa7ace8b5e1f7725.txt", REPO)
    assert a.title == "Alibaba punta forte sull'AI: alleanza con NVIDIA e piani di espansione globale"
    assert a.url == "https://www.hdblog.it/nvidia/articoli/n632703/alibaba-nvidia-partnership-ai/"
    assert a.publisher == "HDblog.it"
    assert a.published == date(2025, 9, 25)
    assert a.path == "seeds/002_aa7ace8b5e1f7725.txt"
    body = a.body
    for junk in ("Share this", "mins read", a.title):
        assert junk not in body
    assert a.blocks[0].text.startswith("Alibaba mette l’intelligenza artificiale al centro")
    assert not any(b.heading for b in a.blocks)


def test_seed_000_byline_comments_and_subheadings() -> None:
    a = read_source(REPO / "seeds" / "000_db0fdbf32436b3ba.txt", REPO)
    assert a.title == "Alibaba accelera espansione AI con investimenti massicci"
    assert a.author == "Redazione"
    assert a.url is None and a.published is None and a.publisher is None
    assert "commenti" not in a.body and "di Redazione" not in a.body
    headings = [b.text for b in a.blocks if b.heading]
    assert headings == [
        "Avanzamenti in infrastrutture AI", "Partnership e collaborazioni chiave",
        "Impatto su sovranità dati e regolamenti", "Sviluppo di modelli e tecnologie proprietarie",
        "Sfide globali e strategie di mitigazione",
    ]
    assert len(a.paragraphs) == 6


@pytest.mark.parametrize("name", ["utf8_with_bom.txt", "cp1252_curly_quotes.txt", "latin1_accents.txt",
                                  "mojibake_utf8_as_cp1252.txt", "clean_curly_quotes.txt"])
def test_any_encoding_reads_as_the_same_clean_text(name: str) -> None:
    a = read(name)
    assert a.title == "Enel investe in reti elettriche in Spagna"
    assert a.author == "Maria Bianchi"
    assert a.paragraphs[0].startswith(ENEL_BODY_START)
    assert "più resistente" in a.body
    assert "Ã" not in a.body and "\ufeff" not in a.body and "\ufffd" not in a.body


def test_clean_curly_quotes_are_not_straightened() -> None:
    assert "«Il gruppo" in read("clean_curly_quotes.txt").body
    assert "“sicura”" in read("clean_curly_quotes.txt").body
    assert "l’investimento" in read("clean_curly_quotes.txt").body


def test_cp1252_curly_quotes_survive_decoding() -> None:
    assert "“Il gruppo" in read("cp1252_curly_quotes.txt").body


def test_mojibake_is_repaired() -> None:
    raw = (SEEDS / "mojibake_utf8_as_cp1252.txt").read_text(encoding="utf-8")
    assert "piÃ¹" in raw  # the fixture really is broken
    assert "l’amministratore delegato Flavio Cattaneo" in read("mojibake_utf8_as_cp1252.txt").body


@pytest.mark.parametrize(("name", "message"), [
    ("empty.txt", "file is empty"),
    ("whitespace_only.txt", "file is empty"),
    ("binary_garbage.txt", "binary"),
    ("no_title.txt", "no title"),
    ("malformed_yaml_header.md", "malformed YAML header at line 2"),
    ("unclosed_yaml_header.md", "never closed"),
    ("unsupported_type.pdf", "unsupported file type '.pdf'"),
])
def test_bad_seed_gets_an_error_naming_file_and_fix(name: str, message: str) -> None:
    with pytest.raises(SourceError) as info:
        read(name)
    assert str(info.value).startswith(f"seeds/{name}: ")
    assert message in str(info.value)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seeds" / "huge_file.txt"
    path.parent.mkdir()
    path.write_bytes(b"Titolo\n\n" + b"parola " * (MAX_SEED_BYTES // 7 + 10))
    with pytest.raises(SourceError, match="over the 2,000,000-byte limit"):
        read_source(path, tmp_path)


def test_markdown_header_wins_over_inference() -> None:
    a = read("markdown_with_header.md")
    assert (a.title, a.url, a.publisher, a.author, a.published, a.language) == (
        "Stellantis apre una gigafactory a Termoli", "https://example.org/stellantis-termoli", "Esempio News",
        "Luca Verdi", date(2025, 10, 2), "it")
    assert [b.text for b in a.blocks if b.heading] == ["Lavoro e filiera"]


def test_extra_header_fields_of_a_cms_export_are_ignored_with_a_warning() -> None:
    a = read("markdown_cms_extra_fields.md")
    assert a.title == "Leonardo, nuovo centro di ricerca sui droni a Grottaglie"
    assert a.author == "Chiara Lecce"
    assert a.published == date(2026, 3, 3)  # a quoted ISO timestamp is a date
    assert a.paragraphs[0].startswith("Leonardo aprirà entro l'estate")
    allowed = "newsdesk reads author, date, language, publisher, title, url"
    assert a.warnings == tuple(f"seeds/markdown_cms_extra_fields.md: header field '{k}' ignored; {allowed}"
                               for k in ("category", "description", "draft", "section", "tags"))


@pytest.mark.parametrize(("header", "field"), [
    ("1: Enel", "1"),  # a key that is not a name
    ("summary: no", "summary"),  # YAML reads `no` as false: not text
    ("tags: [Enel, !!binary aGk=]", "tags"),
])
def test_a_malformed_extra_header_field_is_still_refused(tmp_path: Path, header: str, field: str) -> None:
    path = tmp_path / "seeds" / "x.md"
    path.parent.mkdir()
    path.write_text(f"---\ntitle: Enel investe al Sud\n{header}\n---\n\nEnel investe tre miliardi.\n", "utf-8")
    with pytest.raises(SourceError) as info:
        read_source(path, tmp_path)
    assert str(info.value).startswith(f"seeds/x.md: unknown header field(s) {field}; allowed: author, date")


@pytest.mark.parametrize("name", ["table_layout_page.html", "cookie_banner_first.txt"])
def test_a_page_laid_out_in_a_table_or_under_a_cookie_banner_is_read(name: str) -> None:
    a = read(name)
    assert a.title == "Frosinone, riapre la cartiera chiusa da tre anni con 80 assunzioni"
    assert a.paragraphs[0].startswith("La cartiera di Isola del Liri tornerà a produrre")
    assert len(a.paragraphs) == 2


def test_a_saved_page_names_its_author_in_a_marked_element() -> None:
    a = read("author_in_marked_span.html")
    assert a.author == "Rosa Trapani"  # not "di Rosa Trapani", not the sidebar's author
    assert a.published == date(2026, 9, 15)


def test_a_byline_inside_a_publisher_style_meta_line_names_the_author(tmp_path: Path) -> None:
    path = tmp_path / "seeds" / "x.txt"
    path.parent.mkdir()
    path.write_text("Il Garante multa la startup del chatbot sanitario: 5 milioni di euro\n"
                    "Pubblicato: 17/09/2026 · di Giorgio Lecce · 6 minuti di lettura\n\n"
                    "Il Garante ha inflitto una sanzione di 5 milioni di euro alla società milanese.\n", "utf-8")
    a = read_source(path, tmp_path)
    assert (a.author, a.published) == ("Giorgio Lecce", date(2026, 9, 17))


@pytest.mark.parametrize(("declared", "language"), [("it-IT", "it"), ("it_IT", "it"), ("EN", "en")])
def test_a_locale_tag_declares_its_language(tmp_path: Path, declared: str, language: str) -> None:
    path = tmp_path / "seeds" / "x.md"
    path.parent.mkdir()
    path.write_text(f"---\ntitle: Enel investe al Sud\nlanguage: {declared}\n---\n\nEnel investe tre miliardi.\n",
                    "utf-8")
    assert read_source(path, tmp_path).language == language


def test_markdown_syntax_in_title_is_kept_verbatim() -> None:
    assert read("markdown_syntax_in_title.md").title == "COP30: a guide # uno *due* [tre](http://x)"


def test_saved_html_page_gives_text_and_metadata() -> None:
    a = read("saved_page.html")
    assert a.title == "Leonardo firma un contratto spaziale"
    assert a.author == "Giulia Neri"
    assert a.publisher == "Notizie Esempio"
    assert a.published == date(2025, 6, 12)
    assert a.url == "https://example.org/leonardo-spazio"
    assert a.paragraphs[0].startswith("Leonardo ha firmato con l’Agenzia spaziale europea")
    assert "track()" not in a.body and "Tutti i diritti" not in a.body and "Home" not in a.body


def test_html_in_plain_text_is_kept_as_text() -> None:
    a = read("script_in_text.txt")
    assert a.title == "Attacco informatico <script>alert(1)</script> a una banca"
    assert "<img src=x onerror=alert(1)>" in a.body


@pytest.mark.parametrize(("text", "expected"), [
    ("HDblog.it Sep 25, 2025", date(2025, 9, 25)),
    ("25 settembre 2025", date(2025, 9, 25)),
    ("2025-09-25", date(2025, 9, 25)),
    ("25/09/2025", date(2025, 9, 25)),
    ("nessuna data qui", None),
    ("31 febbraio 2025", None),
])
def test_find_date_never_guesses(text: str, expected: date | None) -> None:
    assert dates.find_date(text) == expected


@pytest.mark.parametrize("invisible", ["\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\u061c", "\u200f",
                                       "\u2060", "\ufeff"])
def test_invisible_and_direction_changing_characters_are_removed(invisible: str) -> None:
    text = decode(f"Enel {invisible}acitsigol e{invisible} zero\n\nTesto.".encode(), "seeds/x.txt")
    assert text == "Enel acitsigol e zero\n\nTesto."


def test_invisible_characters_in_file_names_are_printed_escaped() -> None:
    assert shown("a\u200bb\u061cc.txt") == "a\\u200bb\\u061cc.txt"


def test_sentences_that_end_inside_closing_quotes_are_complete_sentences() -> None:
    # '...62 milioni.' and "...altri 400.»": a sentence may end in a straight quote or in two closing marks.
    a = read("quotes_closing_every_sentence.txt")
    draft = analyse(a, "x", date(2026, 1, 1))
    assert draft.summary[0].startswith("Il rettore dell'Università di Bari ha confermato")
    assert draft.summary[0].endswith("62 milioni.'")
    assert any(s.endswith("400.»\"") for s in draft.summary)


def test_a_headline_with_a_colon_needs_no_quotes_in_the_header() -> None:
    # YAML refuses `title: Ravenna, il rigassificatore raddoppia: via libera...`; people write it so.
    a = read("header_unquoted_colon_in_title.md")
    assert a.title == "Ravenna, il rigassificatore raddoppia: via libera a 5 miliardi di metri cubi"
    assert (a.author, a.published) == ("Tommaso Cervia", date(2026, 10, 14))
    assert a.paragraphs[0].startswith("Il rigassificatore galleggiante al largo di Ravenna")


def test_a_cms_export_header_is_read_under_its_own_key_names() -> None:
    # "Title", Hugo's publishDate, a list of authors, "Lang", and YAML's '...' closing the header.
    a = read("header_cms_key_names.md")
    assert a.title == "Trieste, il porto franco attira un nuovo terminal per le auto elettriche"
    assert a.published == date(2026, 9, 30)
    assert a.author == "Elena Muggia, Paolo Grado"
    assert a.language == "it"
    assert a.paragraphs[0].startswith("Il porto di Trieste avrà un terminal")
    assert [w.split("'")[1] for w in a.warnings] == ["draft"]


def test_an_article_laid_out_in_an_aside_and_a_footer_is_still_read() -> None:
    # trafilatura's precision and balanced modes take both for furniture: its recall mode reads them.
    a = read("body_in_aside_and_footer.html")
    assert a.title == "Cagliari, il tram arriva all'aeroporto di Elmas entro il 2028"
    assert a.paragraphs[0].startswith("La linea del tram di Cagliari sarà prolungata")
    assert a.paragraphs[-1].startswith("Secondo le stime dell'assessorato ai Trasporti")


def test_markdown_syntax_in_the_body_is_not_article_text() -> None:
    # Emphasis marks, an image, a link's address, a quote's '>', a list's bullets and a CMS's <p>.
    a = read("markdown_body_syntax.md")
    assert a.paragraphs[0] == ("Il consorzio che costruisce la nuova diga foranea di Genova ha posato il "
                               "cinquantesimo cassone, superando la metà dei 94 previsti dal progetto.")
    assert a.paragraphs[1] == ("Secondo l'Autorità di sistema portuale, i lavori sono in linea con il nuovo "
                               "cronoprogramma e la diga sarà consegnata nel 2029, con un costo complessivo di "
                               "1,3 miliardi di euro.")
    assert a.paragraphs[2].startswith("«Il tratto più difficile")
    assert a.paragraphs[3].startswith("Le grandi navi portacontainer")
    for syntax in ("**", "](", "<p>", "</p>", "> «", "* 94", "/img/"):
        assert syntax not in a.body
    draft = analyse(a, "x", date(2026, 1, 1))
    assert draft.summary[0].startswith("Il consorzio che costruisce la nuova diga")


def test_a_headline_ending_with_the_agency_credit_is_the_title_not_a_caption() -> None:
    # It was taken for a photo caption, and the page refused as having no text line.
    a = read("headline_with_agency_credit.txt")
    assert a.title == "Bolzano, l'A22 sperimenta la corsia dinamica per i camion"
    assert a.paragraphs[0].startswith("Autostrada del Brennero ha avviato")


def test_a_headline_under_four_words_is_the_title_not_the_kicker_above_it() -> None:
    a = read("short_headline_under_kicker.txt")
    assert a.title == "Cremona, arriva la robotica"
    assert a.paragraphs[0].startswith("L'ospedale di Cremona ha inaugurato")


# ---- the page's language: its own text, then its metadata; quotations count less ----------------

@pytest.mark.parametrize(("name", "language"), [
    # An Italian report on a CEO's visit; about 40% of its words are his answers, quoted in English.
    ("italian_with_english_quotes.txt", "it"),
    # An interview: short Italian questions, long English answers in “ ” (57% of the words).
    ("italian_interview_english_answers.txt", "it"),
    # An English report with an Italian quote in « ».
    ("english_article_italian_quote.txt", "en"),
    # The interview as a Markdown export: the answers are "> " quote blocks, without quote marks.
    ("italian_interview_blockquotes.md", "it"),
    # <html lang="it"> and og:locale it_IT; the American founder's words in <blockquote>, unquoted.
    ("italian_page_lang_it_blockquotes.html", "it"),
])
def test_the_language_is_the_articles_own_not_its_quotations(name: str, language: str) -> None:
    # The language analyse() works in and translates from.
    assert analyse(read(name), "x", date(2026, 11, 23)).language == language


def _variant(tmp_path: Path, name: str, old: str, new: str) -> Path:
    path = tmp_path / "seeds" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text((SEEDS / name).read_text("utf-8").replace(old, new), "utf-8")
    return path


def test_a_saved_pages_declared_language_counts_when_its_text_is_mixed(tmp_path: Path) -> None:
    # The same page with its quotations in <div>s, not <blockquote>s: the text alone reads as English
    # (55% of the words), and lang="it" settles it.
    path = _variant(tmp_path, "italian_page_lang_it_blockquotes.html", "blockquote>", "div>")
    assert analyse(read_source(path, tmp_path), "x", date(2026, 11, 23)).language == "it"


@pytest.mark.parametrize(("declared", "language"), [
    ('<html lang="en-US">', "it"),  # a CMS template's default on an Italian site: the text is clearly Italian
    ('<html lang="it">', "it"),
])
def test_a_declared_language_the_text_clearly_contradicts_is_overruled(tmp_path: Path, declared: str,
                                                                       language: str) -> None:
    path = _variant(tmp_path, "italian_page_lang_it_blockquotes.html", '<html lang="it">', declared)
    path.write_text(path.read_text("utf-8").replace('<meta property="og:locale" content="it_IT">', ""), "utf-8")
    assert analyse(read_source(path, tmp_path), "x", date(2026, 11, 23)).language == language


def test_an_english_story_on_an_italian_site_is_english(tmp_path: Path) -> None:
    body = (SEEDS / "english_article_italian_quote.txt").read_text("utf-8").split("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body[2:])
    html = ('<html lang="it"><head><meta property="og:locale" content="it_IT"></head><body><article>'
            f'<h1>{body[0].splitlines()[0]}</h1>{paragraphs}</article></body></html>')
    path = tmp_path / "seeds" / "wire.html"
    path.parent.mkdir()
    path.write_text(html, "utf-8")
    assert analyse(read_source(path, tmp_path), "x", date(2026, 11, 23)).language == "en"


# ---- saved pages as browsers save them (tests/fixtures/reader) ----------------------------------

READER = FIXTURES / "reader"


def read_page(name: str):  # type: ignore[no-untyped-def]
    return read_source(READER / name, FIXTURES)


def test_an_article_inside_a_wrapper_marked_comments_is_read() -> None:
    # A theme's <div class="article-comments-wrapper"> holds the headline, the text and the comments.
    a = read_page("article_in_comments_wrapper.html")
    assert a.title == "Cremona, riapre il ponte sul Po dopo due anni di lavori"
    assert len(a.paragraphs) == 4 and a.paragraphs[0].startswith("Il ponte sul Po tra Cremona")
    assert "Finalmente" not in a.body  # the comments themselves are still not article text


def test_a_page_saved_as_a_single_file_mhtml_is_read() -> None:
    a = read_page("saved_single_file.mhtml")
    assert a.title == "Pavia, l'università apre un campus a Vigevano: 600 studenti dal 2028"
    assert a.author == "Lorenzo Mortara" and a.published == date(2026, 11, 18)
    assert a.url == "https://www.provinciapavese.example/cronaca/2026/11/18/universita-campus-vigevano"
    assert len(a.paragraphs) == 4 and "font-family" not in a.body and "=C3" not in a.body


def test_a_frameset_page_is_refused_naming_its_frames_and_the_fix() -> None:
    with pytest.raises(SourceError) as exc:
        read_page("frameset_page.html")
    message = str(exc.value)
    assert message.startswith("reader/frameset_page.html: a frameset page")
    assert "articoli/2026/ponte-valle.htm" in message and "Open frame in new tab" in message


def test_a_page_without_any_headline_gets_a_message_for_a_page() -> None:
    # The headline in bold in the first paragraph is the title.
    assert read_page("no_title_anywhere.html").title == ("Trento, la funivia del Bondone passa alla Provincia: "
                                                         "40 milioni per il rifacimento")
    with pytest.raises(SourceError) as exc:
        read_page("no_title_no_heading.html")
    message = str(exc.value)
    assert "no title: the page has no headline" in message and "first line" in message
    assert "use a .md file" not in message


def test_a_text_pasted_without_final_full_stops_is_read_as_sentences() -> None:
    a = read_page("no_final_periods.txt")
    assert len(a.paragraphs) == 4 and all(p.endswith(".") for p in a.paragraphs)
    draft = analyse(a, "x", date(2026, 11, 23))
    assert draft.summary[0].startswith("Il Comune di Rimini ha firmato l'atto di acquisto")


def test_one_paragraph_cut_short_is_not_closed(tmp_path: Path) -> None:
    # A paywall cut under complete paragraphs stays unterminated: it is not a sentence.
    paragraphs = (READER / "no_final_periods.txt").read_text("utf-8").strip().split("\n\n")
    path = tmp_path / "seeds" / "cut.txt"
    path.parent.mkdir()
    path.write_text("\n\n".join([paragraphs[0], *(p + "." for p in paragraphs[1:4]), paragraphs[4][:100]]), "utf-8")
    assert read_source(path, tmp_path).paragraphs[-1] == paragraphs[4][:100]


@pytest.mark.parametrize(("name", "language"), [
    # Italian headline, introduction and questions; the English answers in plain paragraphs, unquoted.
    ("interview_unquoted_english_answers.txt", "it"),
    # A bilingual site's lang="de" over an article in Italian with a few German paragraphs.
    ("lang_de_declared_italian_text.html", "it"),
])
def test_the_articles_own_italian_wins_over_answers_and_a_third_declared_language(name: str, language: str) -> None:
    assert analyse(read_page(name), "x", date(2026, 11, 23)).language == language


def test_a_german_page_is_still_refused_as_german(tmp_path: Path) -> None:
    html = ('<html lang="de"><body><article><h1>Der Brennerbasistunnel wird erst 2033 fertig</h1>'
            "<p>Die Eröffnung des Tunnels unter dem Brenner verschiebt sich um zwei Jahre, weil der Abschnitt "
            "unter dem Wipptal mehr Zeit braucht als geplant.</p><p>Die Kosten steigen auf zehn Milliarden Euro, "
            "und die Landesregierung fordert schnellere Zulaufstrecken im Norden und im Süden.</p>"
            "</article></body></html>")
    path = tmp_path / "seeds" / "de.html"
    path.parent.mkdir()
    path.write_text(html, "utf-8")
    with pytest.raises(SourceError, match="not Italian or English: the article is in 'de'"):
        analyse(read_source(path, tmp_path), "x", date(2026, 11, 23))


def test_a_big_pasted_menu_is_not_the_title() -> None:
    # 36 short lines: skip link, login, the site's name, sections, regions, provinces, services.
    a = read_page("big_top_menu.txt")
    assert a.title == "Pordenone, la fiera apre un padiglione per l'agroalimentare da 12 milioni"
    assert a.author == "Stefano Cordenons"
    assert len(a.paragraphs) == 3 and a.paragraphs[0].startswith("La fiera di Pordenone costruirà")
    assert not any(b.heading for b in a.blocks)


def test_a_short_headline_right_under_a_pasted_menu_is_still_the_title(tmp_path: Path) -> None:
    text = (READER / "big_top_menu.txt").read_text("utf-8").replace(
        "Foto\n\nPordenone, la fiera apre un padiglione per l'agroalimentare da 12 milioni",
        "Foto\nPordenone, padiglione da 12 milioni")
    path = tmp_path / "seeds" / "menu.txt"
    path.parent.mkdir()
    path.write_text(text, "utf-8")
    a = read_source(path, tmp_path)
    assert a.title == "Pordenone, padiglione da 12 milioni" and a.author == "Stefano Cordenons"


def test_a_menu_pasted_as_one_long_line_is_not_where_the_text_begins(tmp_path: Path) -> None:
    # The site's name, then the whole menu on one line of over 200 characters (which reads as text
    # by its length), a section label, the headline.
    menu = " | ".join(["Home", "Cronaca", "Politica", "Economia", "Lavoro", "Sport", "Cultura e Spettacoli",
                       "Pordenone", "Udine", "Gorizia", "Trieste", "Belluno", "Treviso", "Edizione digitale",
                       "Necrologie", "Annunci", "Meteo", "Podcast", "Contatti"])
    text = (READER / "big_top_menu.txt").read_text("utf-8").split("\n\n", 1)[1]
    path = tmp_path / "seeds" / "menu_line.txt"
    path.parent.mkdir()
    path.write_text(f"Friuli Economia & Lavoro\n{menu}\nECONOMIA\n{text}", "utf-8")
    a = read_source(path, tmp_path)
    assert a.title == "Pordenone, la fiera apre un padiglione per l'agroalimentare da 12 milioni"
    assert len(a.paragraphs) == 3 and "Necrologie" not in a.body


def test_a_frameset_page_with_the_article_in_its_noframes_is_read(tmp_path: Path) -> None:
    article = (READER / "article_in_comments_wrapper.html").read_text("utf-8")
    body = article[article.index("<h1"):article.index('<div id="comments"')]
    page = (READER / "frameset_page.html").read_text("utf-8").replace(
        "<p>Il tuo browser non supporta i frame.</p>", body)
    path = tmp_path / "seeds" / "frames.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    a = read_source(path, tmp_path)
    assert a.title == "Cremona, riapre il ponte sul Po dopo due anni di lavori" and len(a.paragraphs) == 4
