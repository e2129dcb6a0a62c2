"""Page chrome: what a browser copy or a saved page carries besides the article.

Section labels, breadcrumbs, bylines ("di ...", "a cura di ..."), date and reading-time lines
("Tecnologia | 5 min", "date 2025-11-19"), share-button text, photo captions and credits,
"Leggi anche" / related-article lists, tag lines, comment counts, newsletter, cookie and paywall
prompts, "Riproduzione riservata", and a site name glued to the headline. sources.py reads the
lines of a pasted page; the decisions about which line is what live here, one rule per pattern,
each seen on more than one real page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import dates

URL_RE = re.compile(r"^<?(https?://\S+?)>?$")
_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de|di|da|del|della|van|von|[A-ZÀ-Ý][\w'’.-]+)){0,3}"
# "di Marco Firenze", "a cura di Redazione Tech", "By Jane Doe", "Di Alessandro Rimini", possibly
# followed by a date or a reading time after a separator ("di Nadia Ancona — 21 agosto 2026").
# A second author: "di Mario Rossi e Luca Neri", "di Sara Locri con Ada Neri", "di A. Rossi, L. Neri".
_SECOND = rf"(?:\s*(?:,|\s(?:e|ed|and|con|&))\s+(?P<second>(?-i:{_NAME})))?"
BYLINE_RE = re.compile(rf"^(?:di|by|a cura di|a cura della|testo di|testo e foto di|articolo di|"
                       r"(?:dal nostro|dalla nostra) (?:inviat[oa]|corrispondente)(?: a \w+)?,?)"
                       rf"\s+(?P<author>(?-i:{_NAME})|redazione(?:\s+(?-i:{_NAME}))?){_SECOND}\s*(?:$|[·|•,—–-])",
                       re.IGNORECASE)
# A byline inside a metadata line: "Pubblicato: 17/09/2026 · di Giorgio Lecce · 6 minuti di lettura".
INNER_BYLINE_RE = re.compile(rf"(?:^|[·|•—–]\s*)(?:di|by|a cura di)\s+(?P<author>{_NAME}){_SECOND}\s*(?:$|[·|•,—–-])")
READ_TIME_RE = re.compile(r"(?:\b\d+\s*(?:mins?|minuti?)\b(?:\s*(?:read|di lettura))?"
                          r"|tempo di lettura|lettura:?\s*\d+)", re.IGNORECASE)
# "HDblog.it Sep 25, 2025 · 2 mins read": publisher, date, reading time.
PUBLISHER_LINE_RE = re.compile(r"^(?P<prefix>.*?)\s*·\s*\d+\s*(?:mins?|minuti?)\s*(?:read|di lettura)$",
                               re.IGNORECASE)
META_LINE_RE = re.compile(r"^(?:date|data|author|autore|section|sezione|category|categoria|tags?|source|"
                          r"fonte|published|pubblicato|aggiornato|updated|ultimo aggiornamento|"
                          r"modificato)\b\s*:?\s*\S", re.IGNORECASE)
COMMENTS_RE = re.compile(r"^(?:\d+\s+(?:commenti|commento|comments?)|commenti\s*\(\d+\)|comments?\s*\(\d+\))$",
                         re.IGNORECASE)
BREADCRUMB_RE = re.compile(r"^(?:home\b.*|[^.!?]{1,60}(?:\s[>»/›]\s[^.!?]{1,40})+)$", re.IGNORECASE)
SHARE_WORDS = {
    "condividi", "condividi su", "share", "share this", "facebook", "x", "twitter", "tweet", "whatsapp", "email",
    "e-mail", "linkedin", "telegram", "reddit", "pinterest", "copia link", "copia il link", "stampa", "print",
    "ascolta", "regala", "salva", "commenta", "segui", "mail", "threads", "bluesky", "link", "condividi:",
    "pubblicità", "advertisement", "annuncio", "sponsorizzato", "leggi", "commenti", "ascolta l'articolo",
}
CHROME_PREFIXES = (
    "condividi", "share", "segui ", "seguici", "iscriviti", "ricevi ", "abbonati", "per continuare a leggere",
    "sei già abbonato", "accedi per", "questo sito utilizza", "questo sito usa", "utilizziamo i cookie",
    "usiamo i cookie", "accetta", "riproduzione riservata", "© riproduzione", "©", "copyright", "tutti i diritti",
    "tag:", "tags:", "argomenti:", "temi:", "nella foto", "in foto", "foto:", "foto di", "ph:", "ph.",
    "credit", "crediti", "photo:", "fonte immagine", "immagine:", "(foto", "leggi anche", "leggi l'articolo",
    "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati", "correlati", "potrebbero interessarti",
    "le notizie più lette", "più letti", "i più letti", "altre notizie", "dello stesso autore", "vedi anche",
    "guarda anche", "scopri di più", "continua a leggere", "read more", "related", "📩", "👉", "newsletter",
    "registrati", "scarica l'app", "disattiva adblock", "dal nostro inviato", "dalla nostra inviata",
    "dal nostro corrispondente", "dalla nostra corrispondente",
)
RELATED_HEADINGS = ("leggi anche", "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati",
                    "correlati", "potrebbero interessarti", "le notizie più lette", "più letti", "i più letti",
                    "altre notizie", "dello stesso autore", "vedi anche", "guarda anche", "related",
                    "potrebbe interessarti anche", "ultime notizie", "in evidenza")
# A caption ends with a photo credit: "(Foto Reuters)", "(Foto Ansa)", "- Foto: Imagoeconomica",
# "Foto di Mario Rossi.", "(Getty Images)", "© Ansa".
PHOTO_AGENCIES = r"(?:ANSA|AGF|AP|AFP|Reuters|LaPresse|Getty Images|Imagoeconomica|Shutterstock|iStock|Ipa|Fotogramma)"
CREDIT_RE = re.compile(r"(?:\((?:foto|ph\.?|photo|credit[s]?|immagine)\b[^)]*\)|\b(?:foto|ph\.?|photo)\s*:\s*\S.*"
                       r"|\bFoto di [A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+){0,2}\.?"
                       rf"|\(\s*(?:©\s*)?{PHOTO_AGENCIES}\s*\)|©\s*{PHOTO_AGENCIES}\.?"
                       r"|\bGetty Images\.?|\b(?:foto|immagine) d[i']\s?(?:repertorio|archivio)\.?)\s*$", re.IGNORECASE)
# Prompts to the reader, never article text: newsletter, channels, app, paywall, image notes.
PROMPT_RE = re.compile(r"\b(?:iscriviti|seguici|segui il nostro canale|canale (?:whatsapp|telegram)|scarica l'app|"
                       r"vuoi ricevere|resta aggiornat[oi]|clicca qui|riservat[oi] agli abbonati|"
                       r"immagine di copertina|credit[oi] foto|crediti fotografici|"
                       r"ti è piaciut[oa] quest[oa]|sostienici|sostieni (?:il nostro|la nostra|l'informazione)|"
                       r"fai una donazione|con una donazione|segnala(?:ci)? un errore|scrivi alla redazione|"
                       r"attiva le notifiche|inserisci la tua (?:e-?mail|mail)|lascia un commento|"
                       r"ricevi (?:gratis |ogni )?(?:le notizie|la newsletter|gli aggiornamenti)|"
                       # the paywall: "Per leggere l'articolo completo abbonati", "Hai letto 3 articoli gratuiti"
                       r"per leggere (?:l['’]articolo|questo articolo|tutti gli articoli|il resto|tutto)|"
                       r"abbonati (?:a partire|per continuare|per leggere|ora|subito|a \S+ (?:euro|€))|"
                       r"articoli gratuiti|scopri (?:tutte )?le offerte|sostieni il (?:nostro )?giornalismo|"
                       # the site speaking of itself: "sul nostro canale YouTube", "scrivi a redazione@..."
                       r"sul nostro (?:canale|sito|profilo)|(?:scrivi|scriveteci|scrivici|contattaci)\b[^.]*@|"
                       r"guarda (?:la gallery|il video|la fotogallery)|nella (?:foto)?gallery|"
                       r"scarica (?:gratis )?(?:la (?:nostra |nuova )?)?app\b|"
                       r"accetta(?:re)? (?:i|tutti i) cookie|gestisci le (?:tue )?preferenze|cookie policy|"
                       r"articolo (?:pubblicato|uscito|apparso) (?:sul|nel|in|su)\b|"
                       # an editor's note
                       r"quest[oa] (?:articolo|contenuto|pezzo) (?:è stato aggiornato|è stato pubblicato|fa parte)|"
                       r"articolo aggiornato (?:alle|il)|contenuto sponsorizzato|pubbliredazionale|"
                       r"\(?ha(?:nno)? collaborato\b(?=[^.]*\)\.?$)|"
                       # the site's footer
                       r"direttore responsabile|testata registrata|registrazione (?:del|presso il) tribunale|"
                       r"partita iva|p\.\s?iva|edito da|proudly powered|"
                       # an author's bio box: "Mario Rossi è giornalista, scrive di energia dal 2010."
                       r"(?:giornalista|redattore|redattrice),? (?:scrive|si occupa|segue|collabora))\b", re.IGNORECASE)
# An author's bio box: "Sara Locri è giornalista professionista e dal 2015 racconta...": a name
# (capitalised, not "Il sindaco"), then what the person is. Only under the article (is_author_box):
# "Giorgio Neri è giornalista del settimanale ed è stato ascoltato..." in the text is news.
BIO_RE = re.compile(r"^(?!(?:Il|Lo|La|I|Gli|Le|L['’]|Un|Uno|Una|Questo|Questa|Quello|Quella)\b)"
                    r"(?:[A-ZÀ-Ý][\w'’-]+\s){1,3}è (?:un[oa]?\s|una\s)?(?:giornalista|redattore|redattrice|"
                    r"cronista|reporter|inviat[oa]|corrispondente|caporedattore|caporedattrice|collaboratore|"
                    r"collaboratrice)\b")
PROMPT_MAX_WORDS = 30
CAPTION_HINT_RE = re.compile(r"\((?:a destra|a sinistra|al centro|da sinistra|da destra)\)|^da sinistra,",
                             re.IGNORECASE)
# An agency tag glued to a dateline: "(ANSA) - ROMA, 04 NOV -", "ROMA (Reuters) -".
AGENCY_DATELINE_RE = re.compile(r"^\s*(?:\((?:ANSA|AGI|Adnkronos|Askanews|Teleborsa|Reuters|LaPresse|Dire|"
                                r"Italpress|ANSA-AFP)\)\s*[-–—]\s*)?"
                                r"(?:[A-ZÀ-Ý][A-ZÀ-Ý' ]{1,25}(?:\s*\([A-Za-z]{2,12}\))?\s*,?\s*"
                                r"(?:\d{1,2}\s+[A-Za-zÀ-ÿ]{3,10}\.?(?:\s+\d{4})?)?\s*[-–—]\s+)"
                                r"|^\s*\((?:ANSA|AGI|Adnkronos|Askanews|Teleborsa|Reuters|LaPresse|Dire|Italpress)\)"
                                r"\s*[-–—]?\s*"
                                # "Roma, 3 marzo 2026 –", "Reggio Emilia, 12 gen -": a city in capitals and
                                # small letters only with a date after it.
                                r"|^\s*[A-ZÀ-Ý][a-zà-ÿ']+(?:\s(?:[A-ZÀ-Ý][a-zà-ÿ']+|di|del|sul|d'))*"
                                r"(?:\s*\([A-Za-z]{2,12}\))?\s*,\s*\d{1,2}\s+[A-Za-zÀ-ÿ]{3,10}\.?(?:\s+\d{4})?"
                                r"(?:\s*\([A-Za-z]{2,12}\))?\s*[-–—]\s+")
SITE_SUFFIX_RE = re.compile(r"^(?P<title>.+?)\s+[|\-–—]\s+(?P<site>[^|\-–—]{2,50})$")
TERMINAL = (".", "!", "?", "…", ".»", ".”", '."', "!»", "?»", "!”", "?”", '!"', '?"', ".)", ".’")
# Where the date starts in "HDblog.it Sep 25, 2025": a month abbreviation or a digit.
PUBLISHER_END_RE = re.compile(r"\s+(?=[A-Z][a-z]{2,8}\.?\s+\d|\d)")
HEADER_MAX_LINES = 16  # a page's header furniture: title, labels, byline, dates, share buttons
# After a long standfirst the byline and date may still follow: looked for in this many more lines.
HEADER_LOOKAHEAD = 6
# "Pubblicato il 3 marzo 2026" as one of the last lines of the page.
FOOTER_LINES = 4


def _key(line: str) -> str:
    return " ".join(line.replace("’", "'").split()).casefold()


# A full stop, ! ? or an ellipsis, then any closing quotes and brackets: "...ha detto.'",
# "...a Roma.»", "...(così il ministro.)", ".\"»".
TERMINATED_RE = re.compile(r"[.!?…][\"”»’'\)\]]*$")


def is_terminated(sentence: str) -> bool:
    """True when a sentence ends as sentences do: not a paywall cut ("...dell") or a label."""
    return TERMINATED_RE.search(sentence.rstrip()) is not None


def is_share_line(line: str) -> bool:
    """Share-button text: "Condividi", "Facebook X WhatsApp Email", "Condividi su: Facebook LinkedIn"."""
    words = [w for w in re.split(r"[\s·|•/,:]+", _key(line)) if w]
    return bool(words) and all(w in SHARE_WORDS or w in ("su", "via", "on", "per") for w in words)


def is_related_heading(line: str) -> bool:
    return _key(line).rstrip(": ").strip("-–—>→ ") in RELATED_HEADINGS


def is_caption(line: str) -> bool:
    key = _key(line)
    return (key.startswith(("nella foto", "in foto", "foto:", "nell'immagine", "in alto", "sopra,"))
            or (bool(CREDIT_RE.search(line)) and len(line.split()) <= 40)
            or (bool(CAPTION_HINT_RE.search(line)) and (not is_terminated(line) or len(line.split()) <= 30)))


# A live blog's timestamp: "14:20", "ore 15.05", "h. 9:30", alone on its line or opening the entry.
_CLOCK = r"(?:ore\s+|h\.?\s*)?(?:[01]?\d|2[0-3])[:.][0-5]\d"
LIVE_TIME_RE = re.compile(rf"^{_CLOCK}$", re.IGNORECASE)
LIVE_TIME_FRONT_RE = re.compile(rf"^\s*{_CLOCK}\s*(?:[-–—|·:]\s*)?(?=[A-ZÀ-Ý«\"“])", re.IGNORECASE)


# A navigation menu pasted as one line: "Home | Cronaca | Economia | Lavoro | Cagliari | Sassari | ...".
MENU_LINE_SPLIT_RE = re.compile(r"\s+[|·•/]\s+|\s{3,}|\t+")
MENU_LINE_MIN_ITEMS = 5


def is_menu_line(line: str) -> bool:
    parts = [p for p in MENU_LINE_SPLIT_RE.split(line.strip()) if p]
    return (len(parts) >= MENU_LINE_MIN_ITEMS and all(len(p.split()) <= 3 and p[:1].isupper() for p in parts)
            and not is_terminated(line))


def is_chrome(line: str) -> bool:
    """A line of page furniture, never article text."""
    key = _key(line)
    if not key:
        return False
    return (is_share_line(line) or is_related_heading(line) or is_caption(line) or is_menu_line(line)
            or bool(COMMENTS_RE.match(key)) or bool(LIVE_TIME_RE.match(key)) or key.startswith(CHROME_PREFIXES)
            or (bool(PROMPT_RE.search(key)) and len(key.split()) <= PROMPT_MAX_WORDS)
            or (bool(READ_TIME_RE.search(key)) and len(key.split()) <= 12 and not is_terminated(line))
            or (bool(META_LINE_RE.match(line)) and len(line) < 80 and not is_terminated(line))
            or (bool(BREADCRUMB_RE.match(line)) and not is_terminated(line) and len(line) < 100))


# How a sentence of page furniture inside a paragraph of article text begins ("...euro. Condividi
# questo articolo su Facebook. Il cantiere...": the paragraph is news, that sentence is not).
SENTENCE_CHROME_PREFIXES = (
    "condividi", "segui ", "seguici", "iscriviti", "abbonati", "leggi anche", "potrebbe interessarti",
    "ti potrebbe interessare", "riproduzione riservata", "© riproduzione", "tag:", "tags:", "nella foto",
    "foto:", "ascolta l'articolo", "continua a leggere", "scarica l'app", "scarica la nostra app", "vedi anche",
    "guarda anche", "pubblicità", "clicca qui", "sei già abbonato", "per continuare a leggere",
)


def is_chrome_sentence(sentence: str) -> bool:
    """A sentence of page furniture glued inside a paragraph: a share, follow, newsletter or paywall
    prompt, a "Leggi anche", a caption, an author's bio."""
    key = _key(sentence)
    return (is_share_line(sentence.rstrip(".!")) or key.startswith(SENTENCE_CHROME_PREFIXES)
            or (bool(PROMPT_RE.search(key)) and len(key.split()) <= PROMPT_MAX_WORDS))


def byline(line: str) -> str | None:
    """The author a byline line names ("a cura di Redazione Tech" -> "Redazione Tech")."""
    m = BYLINE_RE.match(line.strip()) or INNER_BYLINE_RE.search(line)
    if not m or len(line) > 140:
        return None
    names = [m.group("author").strip(" .,"), (m.group("second") or "").strip(" .,")]
    if names[0].startswith("redazione"):  # "a cura della redazione": the desk
        names[0] = "R" + names[0][1:]
    # "di MARIO ROSSI": the name as it is written elsewhere.
    return ", ".join(n.title() if n.isupper() and len(n) > 4 else n for n in names if n)


META_SPLIT_RE = re.compile(r"\s+[·|•—–]\s+|\s+-\s+")
META_LINE_MAX_CHARS = 240


def is_meta_line(line: str) -> bool:
    """A byline or date line, possibly of several parts: "di Mario Rossi, inviato a Bruxelles ·
    Pubblicato il 3 marzo 2026 alle 10:15 · Tempo di lettura 4 minuti", "3 marzo 2026 | 10:15"."""
    if len(line) > META_LINE_MAX_CHARS or is_terminated(line):
        return False
    if byline(line) is not None or dates.is_date_line(line):
        return True
    parts = [p for p in META_SPLIT_RE.split(line) if p.strip()]
    dated = any(dates.find_date(p) for p in parts)
    return len(parts) > 1 and dated and all(
        byline(p) is not None or dates.find_date(p) is not None or is_chrome(p) or READ_TIME_RE.search(p)
        for p in parts)


def strip_site_suffix(title: str) -> str:
    """ "Titolo - Il Molise Economico" -> "Titolo": a short site or section name after a dash or
    a bar. Kept when what is left would be shorter than a headline."""
    m = SITE_SUFFIX_RE.match(title.strip())
    if not m:
        return title.strip()
    head, site = m.group("title"), m.group("site")
    if len(head.split()) >= 4 and len(site.split()) <= 5 and not is_terminated(site) \
            and site[:1].isupper() and not any(ch.isdigit() for ch in site):
        return head.strip()
    return title.strip()


SECTIONS = ("Economia", "Finanza", "Mercati", "Politica", "Cronaca", "Esteri", "Mondo", "Italia", "Tecnologia", "Tech",
            "Scienza", "Spazio", "Ambiente", "Energia", "Lavoro", "Imprese", "Industria", "Innovazione", "Startup",
            "Cultura", "Salute", "Motori", "Sport", "Attualità", "Primo piano", "Cybersecurity", "Digitale")
SECTION_WORDS = {w.casefold() for section in SECTIONS for w in section.split()} | {
    "redazione", "home", "notizie", "news", "ultime", "oggi", "provincia", "città", "regione", "e", "ed", "di",
    "video", "foto", "gallery", "live", "diretta", "speciale", "esclusiva", "intervista", "editoriale", "commento",
    "analisi", "opinioni", "focus", "dossier", "podcast"}
_ARTICLE = r"(?=(?:Il|Lo|La|I|Gli|Le|L['’]|Un|Una|Uno|Un['’])(?:\s|(?<=['’])))"
# Furniture glued to the front of the first sentence: a section label, a byline, a photo credit,
# the audio button. Each only when an article word (Il, La, Un...) starts the sentence after it.
GLUED_FRONT_RE = re.compile(
    rf"^\s*(?:(?:{'|'.join(SECTIONS)})|[A-ZÀ-Ý]{{4,}}(?:\s[A-ZÀ-Ý]{{2,}})?"
    r"|(?:A cura di|Testo di|di)\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2}?"
    rf"|(?:Foto|Ph\.?|Photo)\s*:?\s*(?i:{PHOTO_AGENCIES})"
    r"|Ascolta(?: l['’]articolo| la notizia)?(?:\s+\d+\s*min(?:uti)?)?)\s*[|:·-]?\s+"
    rf"(?:{_ARTICLE}|(?=[«“\"]))")
# Furniture nothing else starts with, glued to the first sentence whatever its first word: a
# reading time ("Tempo di lettura: 3 minuti", "4 min", "Leggi in 3 minuti"), the audio button
# with its length, an update time ("Ultimo aggiornamento: 14:20").
GLUED_FRONT_CHROME_RE = re.compile(
    r"^\s*(?:(?:Tempo di lettura:?\s*)?\d{1,2}\s*min(?:uti)?(?:\s+di lettura)?|Tempo di lettura:?"
    r"|Leggi in \d{1,2}\s*min(?:uti)?|Ascolta (?:l['’]articolo|la notizia)\s+\d{1,2}\s*min(?:uti)?"
    r"|(?:Ultimo aggiornamento|Aggiornato(?: alle| il)?|Ultima modifica):?\s*(?:ore\s*)?\d{1,2}[:.]\d{2})"
    r"\s*[|:·-]?\s+(?=[A-ZÀ-Ý«“\"])")
# Furniture glued after the last sentence: " - Il Sole 24 ORE", "Riproduzione riservata ©", "© Ansa",
# "(ANSA).", "Leggi anche: ...".
GLUED_BACK_RE = re.compile(
    r"(?<=[.!?»”\"])\s+(?:[-–—|]\s+[A-Z][^.!?|]{1,40}"
    r"|(?:©\s*)?riproduzione riservata\s*©?"
    rf"|©\s*[^.!?]{{1,40}}|\(\s*{PHOTO_AGENCIES}\s*\)\.?|\((?:ANSA|AGI|Adnkronos|Askanews|Dire|Italpress)\)\.?"
    r"|(?:leggi anche|potrebbe interessarti(?: anche)?|vedi anche|guarda anche|leggi l['’]articolo)\b.*"
    r"|(?:nella foto|in foto|foto:|ph\.|condividi\b)[^.!?]*\.?)\s*$",
    re.IGNORECASE)
AGENCY_TAIL_RE = re.compile(r"\s*\((?:ANSA(?:-AFP)?|AGI|Adnkronos|Askanews|Dire|Italpress|Reuters|LaPresse|Teleborsa|"
                            r"AFP|AP)\)(?=\.?\s*$)", re.IGNORECASE)


def strip_glued(line: str) -> str:
    """A line of article text with the furniture glued to its ends removed (the line is kept)."""
    m = GLUED_FRONT_RE.match(line) or GLUED_FRONT_CHROME_RE.match(line) or LIVE_TIME_FRONT_RE.match(line)
    if m and m.end() < len(line):
        line = line[m.end():]
    line = GLUED_BACK_RE.sub("", line)
    return AGENCY_TAIL_RE.sub("", line).rstrip()


def strip_dateline(paragraph: str) -> str:
    """ "(ANSA) - ROMA, 04 NOV - Il governo..." -> "Il governo...": the dateline is chrome, the
    sentence is news."""
    m = AGENCY_DATELINE_RE.match(paragraph) or _city_dateline(paragraph)
    if m and m.end() < len(paragraph) and paragraph[m.end():m.end() + 1].isupper():
        return paragraph[m.end():]
    return paragraph


# "Bari – La Regione...", "Reggio Emilia (Dire) - Il sindaco...": a city written in small letters,
# then a dash. Only a city the gazetteer knows: "Intesa - Unicredit" is not a dateline.
CITY_DASH_RE = re.compile(r"^\s*(?P<city>[A-ZÀ-Ý][a-zà-ÿ']+(?:\s(?:[A-ZÀ-Ý][a-zà-ÿ']+|di|del|sul|d'))*)"
                          r"(?:\s*\([A-Za-z]{2,12}\))?\s+[-–—]\s+")


def _city_dateline(paragraph: str) -> re.Match[str] | None:
    from . import geo

    m = CITY_DASH_RE.match(paragraph)
    return m if m and m.group("city").casefold() in geo.gazetteer().cities else None


def html_title(html: str) -> str | None:
    """The page's own headline: its first <h1> of headline length (the <title> and og:title
    carry the site name, or are cut at the colon)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if looks_like_title(text):
            return text
    return None


AUTHOR_MARK_RE = re.compile(r"author|autore|autrice|byline|firma", re.IGNORECASE)
NAME_RE = re.compile(rf"^{_NAME}$")


def html_author(html: str) -> str | None:
    """The author a saved page names in an element marked as the author or byline ("<span
    class="autore">di Rosa Messina</span>", rel="author", itemprop="author")."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for element in tree.iter("span", "div", "p", "a", "address", "strong"):
        marks = " ".join(element.get(k, "") for k in ("class", "id", "rel", "itemprop"))
        if not AUTHOR_MARK_RE.search(marks) or any(a.tag in ("aside", "nav", "footer")
                                                    for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if 0 < len(text) <= 60:
            name = byline(text) or (text if NAME_RE.match(text) and len(text.split()) >= 2 else None)
            if name:
                return name
    # An unmarked byline with its date: "<div>di Sara Locri - 3 novembre 2026 ore 14:20</div>".
    for element in tree.iter("div", "p", "span", "small"):
        if any(a.tag in ("aside", "nav", "footer", "a", "figure") for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if 0 < len(text) <= 100 and is_meta_line(text) and dates.find_date(text) is not None:
            name = byline(text)
            if name:
                return name
    return None


# A site's address in a label: "TelcoItalia.news", "ilpost.it".
DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:it|com|news|net|org|eu|info|tv|online|media)\b", re.IGNORECASE)


def looks_like_title(line: str) -> bool:
    """A headline: five words or more, not a label ("Economia e Finanza | Il Corriere del Nord",
    "TelcoItalia.news — Regole & Authority")."""
    parts = re.split(r"\s[|·•]\s", line)
    if len(parts) == 1:  # a dash separates a headline's parts too: a label only with the site's address
        parts = re.split(r"\s[—–-]\s", line) if DOMAIN_RE.search(line) else parts
    return len(line.split()) >= 5 and not (len(parts) > 1 and all(len(p.split()) <= 4 for p in parts))


# A byline without "di": the author's name on its own line over the date line ("PAOLO COMO" /
# "19 novembre 2026 · 07:15"), or beside a date the line states without a year ("Giulia Teramo |
# 16 novembre, 14:52").
_MONTH = r"(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)[a-z]*\.?"
DAY_OR_TIME_RE = re.compile(rf"^(?:[A-Za-zì]+,?\s+)?(?:\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)?[,\s]*(?:(?:ore\s+)?"
                            r"\d{1,2}[:.]\d{2})?$", re.IGNORECASE)
CAPS_NAME_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+){1,2}$")


def _bare_name(text: str) -> str | None:
    """A person's name alone: two or three capitalised words ("Giulia Teramo"), or in capitals."""
    text = text.strip()
    if CAPS_NAME_RE.match(text):
        text = " ".join(w.capitalize() if "'" not in w else w.title() for w in text.split())
    words = text.split()
    if not (2 <= len(words) <= 3 and NAME_RE.match(text)) or any(w.casefold() in SECTION_WORDS for w in words):
        return None
    return None if _is_place(text) else text


def _is_place(text: str) -> bool:
    """A city, country or region the gazetteer knows ("Reggio Emilia" over the date line is a dateline)."""
    from . import geo

    gazetteer = geo.gazetteer()
    keys = {text.casefold(), text.casefold().replace(" ", "-")}  # "Emilia Romagna" as "Emilia-Romagna"
    return any(key in gazetteer.cities or any(key in names for names in gazetteer.names.values()) for key in keys)


def _name_byline(line: str, next_line: str) -> str | None:
    """The author of a byline without "di" under the headline (see DAY_OR_TIME_RE)."""
    parts = [p for p in META_SPLIT_RE.split(line) if p.strip()]
    if len(parts) > 1:
        dated = all(DAY_OR_TIME_RE.match(p.strip()) and any(ch.isdigit() for ch in p) for p in parts[1:])
        return _bare_name(parts[0]) if dated else None
    if next_line and (is_meta_line(next_line) or dates.is_date_line(next_line)) and byline(next_line) is None:
        return _bare_name(line) or (line.strip().title() if DESK_RE.match(line.strip()) else None)
    return None


# A desk's byline on its own line: "Redazione", "REDAZIONE ONLINE", "La Redazione".
DESK_RE = re.compile(r"^(?:la\s+)?redazione(?:\s+[\w]+){0,2}$", re.IGNORECASE)


def looks_like_subheading(line: str, next_line: str) -> bool:
    """A subheading on its own line above its paragraph ("I lavoratori oggi" / "Nello
    stabilimento..."): short, unpunctuated, and the next line starts a sentence."""
    return (len(line.split()) <= 8 and len(line) <= 60 and line[:1].isupper() and next_line[:1].isupper()
            and not line.rstrip().endswith((*TERMINAL, ",", ";", ":", "-", "–")))


def looks_like_body(line: str) -> bool:
    return len(line) > 200 or (len(line.split()) > 20 and is_terminated(line))


@dataclass
class Header:
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    standfirst: list[str] = field(default_factory=list)  # subtitle lines: article text
    body_start: int = 0  # index of the first body line


def read_header(lines: list[str], title: str | None = None) -> Header:
    """Title, byline, date and the rest of a pasted page's header, up to the first body line.
    Never guesses a date: only one the header states (dates.stated_date)."""
    head = Header(title=title)
    given = title is not None  # from a Markdown header or the HTML metadata: only furniture follows
    # Where the given headline stands in the text (a saved page's extracted text may repeat it under
    # the top bar): the lines above it are the page's, not the article's.
    title_at = next((n for n, ln in enumerate(lines[:HEADER_MAX_LINES]) if given and ln.strip()
                     and _key(strip_site_suffix(ln.strip())) == _key(str(title))), -1)
    date_lines: list[str] = []
    date_from: list[int] = []  # the line each of date_lines comes from
    labels: list[str] = []
    i = 0 if given else _menu_end(lines)
    seen = 0
    while i < len(lines) and seen < HEADER_MAX_LINES:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if looks_like_body(line):
            if head.title is None and is_chrome(line):  # a cookie or paywall banner above the headline
                i += 1
                continue
            break
        if (head.title is None or i < title_at) and dates.is_today_strip(line) and byline(line) is None:
            i += 1  # the top bar's date of the day, above the headline: never the publication date
            continue
        seen += 1
        author = byline(line)
        if (m := URL_RE.match(line)) is not None:
            head.url = head.url or m.group(1)
        elif author is not None:  # "Pubblicato: 17/09/2026 · di Giorgio Lecce · 6 minuti di lettura"
            head.author = head.author or author
            date_lines.append(line)
        elif (m := PUBLISHER_LINE_RE.match(line)) is not None and dates.find_date(m.group("prefix")):
            date_lines.append(m.group("prefix"))
            publisher = PUBLISHER_END_RE.split(m.group("prefix"), maxsplit=1)[0].strip()
            head.publisher = head.publisher or publisher or None
        elif is_meta_line(line):
            _read_meta_line(line, head, date_lines)
        elif head.title is None and len(line.split()) <= 2 and not any(ch.isdigit() for ch in line):
            labels.append(line)  # a menu item or a section label: not counted as a header line
            seen -= 1
        elif (head.title is None and not given and looks_like_title(line) and is_caption(line)
              and not is_terminated(line) and (credited := CREDIT_RE.sub("", line).strip())
              and looks_like_title(credited)):
            # "Brindisi, il nuovo impianto di elettrolizzatori (ANSA)": a headline with the agency's
            # credit, not a caption (a caption comes under the headline).
            head.title = strip_site_suffix(credited)
        elif is_chrome(line) or (len(line) < 120 and dates.find_date(line) is not None and (
                head.title is not None or not looks_like_title(line) or line[0].isdigit()
                or dates.PUBLISHED_RE.search(line) or dates.UPDATED_RE.search(line))):
            date_lines.append(line)
        elif given:
            break
        elif head.title is None:
            if looks_like_title(line):
                head.title = strip_site_suffix(line)
            else:
                labels.append(line)
        elif _key(strip_site_suffix(line)) == _key(head.title) or _key(line) == _key(head.title):
            pass
        elif looks_like_title(line):
            if head.standfirst and len(line.split()) > 12:
                break  # a second long line after the subtitle: the body has begun
            head.standfirst.append(strip_glued(line))
        else:
            labels.append(line)  # a section label or a site name
            nxt = next((ln.strip() for ln in lines[i + 1:i + 3] if ln.strip()), "")
            head.author = head.author or _name_byline(line, nxt)
        date_from += [i] * (len(date_lines) - len(date_from))
        i += 1
    if head.title is None and labels:
        # A short headline among labels: not a kicker in capitals ("ENERGIA") or a section name.
        headline = next((ln for ln in labels if len(ln.split()) >= 2 and not ln.isupper()
                         and ln.strip().casefold() not in {x.casefold() for x in SECTIONS}), labels[0])
        head.title = strip_site_suffix(headline)
    # The byline and date under a long standfirst, which ended the header zone.
    body_seen = 0
    for line in [ln.strip() for ln in lines[i:] if ln.strip()][:HEADER_LOOKAHEAD]:
        if is_meta_line(line):
            _read_meta_line(line, head, date_lines)
        elif looks_like_body(line):
            body_seen += 1
            if body_seen == 2:
                break
    head.published = _header_date(lines, head.title if not given else None, date_lines, date_from)
    if head.published is None:
        head.published = _body_date([ln.strip() for ln in lines[i:] if ln.strip()])
    head.body_start = i
    return head


# A navigation menu pasted above the headline: dozens of short lines (sections, "Abbonati", "Accedi",
# regions, the site's name), read as one block, never as the title.
MENU_MIN_ITEMS = 8
MENU_MAX_LINES = 150
MENU_ITEM_MAX_WORDS = 6
MENU_ITEM_MAX_CHARS = 50


def _menu_item(line: str) -> bool:
    return (len(line.split()) <= MENU_ITEM_MAX_WORDS and len(line) <= MENU_ITEM_MAX_CHARS
            and not is_terminated(line) and not line.endswith((",", ";", ":")) and URL_RE.match(line) is None
            and byline(line) is None and dates.find_date(line) is None)


def _menu_end(lines: list[str]) -> int:
    """Where the text starts after a menu of at least MENU_MIN_ITEMS short lines at its top (0 when
    there is none). When what follows the menu is no headline (a byline, a date, the text), its
    last short line is the headline and is kept."""
    items: list[int] = []
    for n, line in enumerate(lines[:MENU_MAX_LINES]):
        line = line.strip()
        if not line:
            continue
        if not _menu_item(line):
            if len(items) >= MENU_MIN_ITEMS and not looks_like_title(line):
                items.pop()
            break
        items.append(n)
    return items[-1] + 1 if len(items) >= MENU_MIN_ITEMS else 0


# A date line above a pasted headline is its publication date when it stands right over it (at most a
# section label between them); above a menu ("23 novembre 2026" / "Accedi" / "Abbonati" / "Cronaca"...) it
# is the top bar's date of the day.
ABOVE_TITLE_GAP = 2


def _header_date(lines: list[str], title: str | None, date_lines: list[str], date_from: list[int]) -> date | None:
    """The publication date of a pasted header (dates.stated_date). A date stated under the headline
    wins over one above it; one above it counts only right over it, or marked "Pubblicato"."""
    at = next((n for n, ln in enumerate(lines) if title is not None and ln.strip()
               and _key(strip_site_suffix(ln.strip())) == _key(title)), None)
    if at is None:
        return dates.stated_date(date_lines)
    above = [ln for ln, n in zip(date_lines, date_from, strict=False) if n < at]
    below = date_lines[len(above):]
    stated = dates.stated_date(below, updates=False)
    if stated is not None or not above:
        return stated or dates.stated_date(below)
    gap = sum(1 for ln in lines[max(n for n in date_from if n < at) + 1:at] if ln.strip())
    if gap > ABOVE_TITLE_GAP and not any(dates.PUBLISHED_RE.search(ln) for ln in above):
        return dates.stated_date(below)
    return dates.stated_date(date_lines)


FOOT_ZONE_LINES = 8  # the lines between the last paragraph and a related list or the page's end


def _body_date(rest: list[str]) -> date | None:
    """A date the page states below its header: a "Pubblicato il ..." line anywhere (a meta line,
    not a sentence); a "Pubblicato" or "Aggiornato" line among the last lines of the page; a date
    line right under the last paragraph ("03 novembre 2026 14:20" above the agency's copyright),
    before any related list."""
    last_body = max((n for n, ln in enumerate(rest) if looks_like_body(ln)), default=-1)
    under: list[str] = []
    for line in rest[last_body + 1:][:FOOT_ZONE_LINES]:
        if is_related_heading(line) or (is_chrome(line) and _key(line).startswith(RELATED_HEADINGS)):
            break
        under.append(line)
    candidates = [ln for ln in rest if is_meta_line(ln) and dates.PUBLISHED_RE.search(ln)]
    candidates += [ln for ln in rest[-FOOTER_LINES:] if is_meta_line(ln) and dates.UPDATED_RE.search(ln)]
    candidates += [ln for ln in under if is_meta_line(ln)]
    return dates.stated_date(candidates)


def _read_meta_line(line: str, head: Header, date_lines: list[str]) -> None:
    """The author and the date parts of a byline or date line."""
    for part in META_SPLIT_RE.split(line):
        head.author = head.author or byline(part)
        if dates.find_date(part):
            date_lines.append(part)


RELATED_HEADLINE_WORDS = 16


BIO_MAX_WORDS = 60


# What a bio says of a career, not of an event: "dal 2014 racconta", "da anni segue", "scrive di".
CAREER_RE = re.compile(r"\b(?:dal \d{4}|da (?:anni|oltre|più di|\d+)|scrive|racconta|si occupa|segue|collabora|"
                       r"cura (?:la|il|le|i)\b|ha lavorato|lavora (?:per|con|a)|autore|autrice|esperto|esperta)\b",
                       re.IGNORECASE)


def is_author_box(paragraph: str, author: str | None, last: bool) -> bool:
    """An author's bio, for a paragraph among the last ones of an article: about the byline's
    author (is_bio); or, as the very last paragraph (`last`), a short "Nome Cognome è giornalista
    e dal 2014 racconta..." about a career."""
    if author is not None and len(author.split()) >= 2 and is_bio(paragraph, author):
        return True
    return (last and BIO_RE.match(paragraph.strip()) is not None and len(paragraph.split()) <= BIO_MAX_WORDS
            and CAREER_RE.search(paragraph) is not None)


def is_bio(line: str, name: str) -> bool:
    """An author box's text about `name`: "Sara Locri è nata a Lecce nel 1984. Dal 2010 si occupa..."
    (the name, then è or a comma, in a short paragraph)."""
    return (len(line.split()) <= 80 and _key(line).startswith(_key(name))
            and re.match(r"\s*(?:è\b|,|\()", line[len(name):]) is not None)


def body_lines(lines: list[str]) -> list[str]:
    """The body lines with page chrome removed; blank lines kept (they end paragraphs). A related
    list ("Leggi anche" and the headlines under it) is dropped up to the next blank line, or past
    it while what follows still reads as headlines (one at a time, each after a blank line)."""
    out: list[str] = []
    in_related = False
    skipped = 0  # headlines dropped under the current related heading
    spaced = False  # a blank line after them: only more headlines (no full stop) still belong to the list
    bio_of: str | None = None  # the name line of an author box: the next line is the bio
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            spaced = in_related and skipped > 0
            out.append("")
            continue
        if bio_of is not None and is_bio(stripped, bio_of):
            bio_of = None
            continue
        bio_of = None
        nxt = next((ln.strip() for ln in lines[n + 1:n + 3] if ln.strip()), "")
        if NAME_RE.match(stripped) and len(stripped.split()) >= 2 and is_bio(nxt, stripped):
            bio_of = stripped  # "Sara Locri" over "Sara Locri è nata a Lecce...": an author box
            continue
        if is_related_heading(stripped) or (is_chrome(stripped) and _key(stripped).startswith(RELATED_HEADINGS)):
            in_related, skipped, spaced = True, 0, False
            continue
        # A subheading has its paragraph on the next line; a headline of the list stands alone.
        alone = n + 1 == len(lines) or not lines[n + 1].strip()
        if in_related and spaced and not (alone and len(stripped.split()) <= RELATED_HEADLINE_WORDS and (
                not is_terminated(stripped) or stripped.endswith("?"))):
            in_related = False
        if in_related:
            if not is_terminated(stripped) or len(stripped.split()) < 12:
                skipped += 1
                continue
            in_related = False
        if is_chrome(stripped) or is_meta_line(stripped) or (len(stripped) < 70 and (byline(stripped) or (
                dates.find_date(stripped) and not is_terminated(stripped)))):
            continue
        out.append(strip_glued(stripped))
    return out
