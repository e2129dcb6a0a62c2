"""Synthetic corpora of Italian news articles, for the scale benchmark.

    python bench/generate.py 1000 bench/out/1000/seeds

Articles are built from sentence templates with a fixed random seed, so a given N always gives
the same files: titles, bylines, dates, figures, places and organisations, 300-1,500 words, in
the three formats seeds/ accepts (mostly pasted text, some Markdown with a header, some HTML).
They read like news to the analysis, not to a person.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 20251123
COMPANIES = ["Alibaba", "Nvidia", "Enel", "Stellantis", "Leonardo", "Vodafone", "Ericsson", "Samsung",
             "TSMC", "Intel", "Huawei", "Tencent", "Amazon", "Microsoft", "Google", "Eni", "Fastweb",
             "SpaceX", "Tesla", "Baidu", "Apple", "Meta", "OpenAI", "Nokia", "ASML", "Iliad"]
PLACES = ["Milano", "Roma", "Torino", "Francoforte", "Parigi", "Madrid", "Londra", "Pechino", "Shanghai",
          "Tokyo", "Seul", "Singapore", "Dubai", "Riad", "San Paolo", "Città del Messico", "Nairobi",
          "Lagos", "Sydney", "Mumbai", "Bangalore", "Almaty", "Toronto", "New York", "Giacarta"]
REGIONS = ["Europa", "Medio Oriente", "Sud-Est Asiatico", "America Latina", "Africa", "Asia centrale"]
SECTORS = [("intelligenza artificiale", "modelli linguistici"), ("semiconduttori", "chip avanzati"),
           ("energia rinnovabile", "parchi eolici"), ("telecomunicazioni", "reti 5G"),
           ("spazio", "satelliti"), ("mobilità elettrica", "batterie"), ("cybersicurezza", "attacchi informatici"),
           ("cloud", "data center"), ("commercio", "esportazioni"), ("finanza", "titoli in borsa")]
PEOPLE = ["Giulia Ferri", "Marco Rinaldi", "Laura Conti", "Paolo Greco", "Sara Villa", "Luca Moretti"]
ROLES = ["l'amministratore delegato", "la presidente", "il direttore generale", "la fondatrice"]
MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
          "ottobre", "novembre", "dicembre"]

TEMPLATES = [
    "{company} ha annunciato un investimento da {amount} per rafforzare la propria presenza nel settore {sector}.",
    "Secondo {role} {person}, il piano permetterà di assumere {jobs} persone entro il {year}.",
    "Il progetto prevede nuovi impianti a {place} e una rete di {thing} in {region}.",
    "Gli analisti stimano che il mercato delle {thing} crescerà del {pct}% nei prossimi tre anni.",
    "L'accordo con {company2} riguarda lo sviluppo congiunto di {thing} per clienti industriali.",
    "Le autorità di {place} hanno chiesto garanzie sulla sicurezza dei dati e sul rispetto delle normative.",
    "Il titolo di {company} è salito del {pct}% alla borsa dopo l'annuncio, con scambi superiori alla media.",
    "La concorrenza di {company2} resta forte, soprattutto in {region}, dove i prezzi continuano a scendere.",
    "Il governo ha promesso incentivi per {amount2} a sostegno della filiera del {sector}.",
    "Restano però i dubbi sui tempi: i permessi per gli impianti di {place} potrebbero richiedere due anni.",
    "{company} prevede ricavi per {amount2} nel {year}, in crescita rispetto all'anno precedente.",
    "Nel frattempo la domanda di {thing} da parte delle imprese europee continua ad aumentare.",
]
HEADINGS = ["Il piano industriale", "Le reazioni del mercato", "La sfida della concorrenza",
            "Regole e sicurezza", "Le prossime tappe"]


def amount(rng: random.Random) -> str:
    value = rng.choice(["1,2", "2", "3,5", "48,6", "110", "250", "750", "15"])
    scale = rng.choice(["milioni", "miliardi"])
    return f"{value} {scale} di {rng.choice(['euro', 'dollari'])}"


def article(rng: random.Random, n: int) -> tuple[str, str, dict[str, str]]:
    company, company2 = rng.sample(COMPANIES, 2)
    sector, thing = rng.choice(SECTORS)
    what = rng.choice(["nuovo piano", "accordo", "investimenti"])
    title = f"{company} punta su {sector}: {what} a {rng.choice(PLACES)} ({n})"
    words_target = rng.randint(300, 1500)
    paragraphs: list[str] = []
    words = 0
    while words < words_target:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            sentence = rng.choice(TEMPLATES).format(
                company=company, company2=company2, sector=sector, thing=thing, place=rng.choice(PLACES),
                region=rng.choice(REGIONS), role=rng.choice(ROLES), person=rng.choice(PEOPLE),
                amount=amount(rng), amount2=amount(rng), jobs=rng.choice(["200", "1.500", "3.000"]),
                year=rng.choice(["2026", "2027", "2028"]), pct=rng.choice(["4", "12", "3,5", "25"]))
            sentences.append(sentence[0].upper() + sentence[1:])
        paragraphs.append(" ".join(sentences))
        words += sum(len(s.split()) for s in sentences)
        if rng.random() < 0.25:
            paragraphs.append(rng.choice(HEADINGS))
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2024, 2025])
    meta = {"title": title, "date": f"{year}-{month:02d}-{day:02d}", "author": rng.choice(PEOPLE),
            "dateline": f"{day} {MONTHS[month - 1]} {year}"}
    return title, "\n\n".join(paragraphs), meta


def render(fmt: str, title: str, body: str, meta: dict[str, str], n: int) -> str:
    if fmt == "md":
        return (f"---\ntitle: \"{title}\"\ndate: {meta['date']}\nauthor: {meta['author']}\nlanguage: it\n---\n\n"
                + body.replace("\n\nIl piano industriale\n\n", "\n\n## Il piano industriale\n\n") + "\n")
    if fmt == "html":
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        return (f"<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>{title}</title>"
                f"<meta name=\"author\" content=\"{meta['author']}\">"
                f"<meta property=\"article:published_time\" content=\"{meta['date']}\"></head><body>"
                f"<nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{paras}</article>"
                f"<footer>Esempio News</footer></body></html>")
    return (f"{title}\n\nhttps://example.org/news/{n}\n\ndi {meta['author']}\n0 commenti\n\n"
            f"{meta['dateline']}\n\n{body}\n")


def generate(n: int, out: Path, seed: int = SEED) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        title, body, meta = article(rng, i)
        roll = rng.random()
        fmt = "md" if roll < 0.1 else "html" if roll < 0.2 else "txt"
        path = out / f"{i:05d}.{fmt}"
        path.write_text(render(fmt, title, body, meta, i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
