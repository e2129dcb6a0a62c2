"""Fluency rules of the offline English (issue 10, "Offline English"): business terms protected
before the pivot, locative "a <place>", adjectives put before their noun, and the post-edit
phrase table for the pivot's false senses. Each row: an Italian sentence, what its English must
contain, and the artefact the rule exists for. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from newsdesk import postedit
from newsdesk.protect import _prepose, protect
from newsdesk.translate import ApertiumEngine, apertium_modes

needs_apertium = pytest.mark.skipif(
    not {"ita-spa", "spa-eng"} <= apertium_modes(),
    reason="apertium ita-spa/spa-eng not installed (apt-get install apertium apertium-spa-ita apertium-eng-spa cg3)",
)

# id: (Italian, required in the English, forbidden in the English)
SENTENCES: dict[str, tuple[str, list[str], list[str]]] = {
    # adjectives after a protected or unknown noun come before it
    "demonym-after-acronym": ("Il PIL italiano è cresciuto dello 0,3%.", ["The Italian GDP"], ["GDP italian"]),
    "demonym-after-glossary": ("La filiera italiana dei chip è in crescita.", ["Italian supply chain"],
                               ["supply chain italian"]),
    "demonym-after-company": ("La società giapponese ha ordinato dieci aerei.", ["The Japanese company"],
                              ["company japanese"]),
    "demonym-after-adjective": ("I produttori chiedono sussidi per le nuove fonderie europee.",
                                ["new European foundries"], ["foundries european"]),
    "city-adjective": ("La startup milanese ha chiuso un round da 85 milioni di dollari.",
                       ["Milanese startup"], ["startup Milanese", "milanesa"]),
    "american-dollars": ("Il fatturato è salito a 32 miliardi di dollari americani.", ["$32 billion"],
                         ["american", "American"]),
    "current": ("I dipendenti attuali saranno trasferiti.", ["current employees"], ["act them", "employees current"]),
    # "a <place>" is "in <place>", except after motion or in "da X a Y"
    "locative-city": ("L'accordo è stato siglato ieri a Bruxelles.", ["in Brussels"], ["to Brussels"]),
    "locative-ad": ("Il prezzo del gas è salito del 12% ad Amsterdam.", ["in Amsterdam"], ["to Amsterdam"]),
    "locative-unknown-city": ("Il modulo è stato prodotto oggi a Breslavia.", ["in Breslavia"], ["to Breslavia"]),
    "link-not-locative": ("La nuova linea collegherà Milano a Torino.", ["Milan to Turin"], ["in Turin"]),
    "near-not-locative": ("Lo stabilimento, vicino a Taranto, produce acciaio.", ["near Taranto"],
                          ["in Taranto", "near of"]),
    "from-to-not-locative": ("Il treno va da Milano a Roma in tre ore.", ["to Rome"], ["in Rome"]),
    "piazza-affari-on": ("A Piazza Affari il titolo ha guadagnato il 3%.",
                         ["On the Milan stock exchange", "stock has gained 3%"], ["To The", "title", "won"]),
    # business terms the pivot gives a wrong sense
    "compared-with-the": ("I ricavi sono cresciuti del 21% rispetto allo stesso periodo del 2025.",
                          ["revenues", "compared with the same period"], ["in front of", "collections"]),
    "in-front-of-kept": ("Il ministro ha parlato davanti al Parlamento.", ["in front of the Parliament"], ["compared"]),
    "network-5g": ("La rete 5G e la rete fissa coprono il paese, con un utile netto in crescita.",
                   ["5G network", "fixed network", "net profit"], ["net 5G", "fixed net ", "net gain"]),
    "relations-report-ratio": ("I rapporti con la Cina restano buoni, dice il rapporto annuale; il rapporto tra "
                               "debito e PIL sale.", ["relations with China", "annual report", "ratio"],
                               ["ratios with"]),
    "auction-adjective": ("L'asta pubblica si terrà a marzo.", ["public auction"], ["horn"]),
    "premium-percent": ("Il premio del 48% offerto agli azionisti è alto.", ["premium of 48%"], ["prize"]),
    "power-plant-noun": ("La centrale di Civitavecchia chiuderà.", ["plant of Civitavecchia"], ["head office"]),
    "hire-people": ("L'azienda ha assunto 200 persone.", ["hired 200 people"], ["assumed"]),
    "bring": ("Il progetto porterà lavoro a 500 persone.", ["will bring work"], ["spend"]),
    "fighter-jets": ("I caccia europei voleranno nel 2035.", ["European fighter jets"], ["hunting"]),
    "customers-main": ("I clienti principali hanno chiesto più capacità.", ["main customers"], ["clients"]),
    "agreement-will-bring": ("L'intesa porterà a 1.100 le assunzioni entro il 2027.",
                             ["agreement will bring", "1,100"], ["understood", "spend"]),
    "double": ("Il gruppo punta a raddoppiare la propria capacità produttiva.", ["double its own"],
               ["bend", "the own"]),
    "report": ("Secondo il nuovo rapporto dell'Ocse, la crescita rallenterà.", ["new report", "OECD"],
               ["ratio", "Ocse"]),
    "power-plant": ("La centrale nucleare di Flamanville tornerà in funzione.", ["nuclear power plant"],
                    ["head office"]),
    "auction": ("L'asta per le frequenze ha raccolto 4 miliardi di euro.", ["auction", "raised €4 billion"],
                ["horn", "collected"]),
    "premium": ("Il premio assicurativo è salito del 15% in un anno.", ["insurance premium", "has risen by 15%"],
                ["prize", "gone up"]),
    "fighter-jet": ("Il nuovo caccia di sesta generazione sarà costruito da Leonardo.",
                    ["sixth-generation fighter jet", "built by Leonardo"], ["hunting", "built of"]),
    "sample": ("Un campione di 1.200 imprese ha risposto al questionario.", ["A sample of 1,200"], ["champion"]),
    "the-vote": ("Il voto è previsto per giovedì.", ["The vote is expected"], ["I vote it", "foreseen"]),
    "full-capacity": ("L'impianto entrerà a regime nel 2027.", ["full capacity"], ["regime"]),
    "listed-since": ("Il titolo è quotato al Nasdaq dal 2023.", ["listed on the Nasdaq since 2023"],
                     ["nasdaq", "of 2023", "title"]),
    "agent-by": ("ACC, controllata da Stellantis, ha presentato un piano ai sindacati.", ["controlled by Stellantis"],
                 ["controlled of"]),
    "should-start": ("La linea dovrebbe partire nella seconda metà del 2027.", ["should start"],
                     ["would have to", "split"]),
    "plans-to": ("Il gruppo prevede di aprire nuovi negozi in Asia.", ["plans to open new shops"],
                 ["foresees", "tents"]),
    "demand": ("Gli analisti prevedono un rallentamento della domanda.", ["expect", "demand"],
               ["foresee", "question"]),
    "reached": ("La società ha raggiunto 12 milioni di clienti in Europa.", ["reached 12 million customers"],
                ["achieved"]),
    "second-quarter": ("Il PIL è cresciuto nel secondo trimestre.", ["second quarter"], ["according to quarter"]),
    "name-not-glossary": ("La Società Autostrade Meridionali investirà 2 miliardi con una società cinese.",
                          ["Società Autostrade Meridionali", "Chinese company"], ["Company Autostrade"]),
    "an-before-vowel": ("L'Antitrust ha aperto un'istruttoria sulle tariffe.",
                        ["competition authority", "an investigation"], ["a investigation"]),
    "becomes": ("Il Sud-Est asiatico diventa la nuova frontiera dei data center.", ["becomes the new"], ["goes back"]),
    "serve": ("I dati servono alla Protezione civile per seguire le frane.", ["serve"], ["do fault"]),
    "by-institution": ("Il taglio dei tassi da parte della Fed è atteso a dicembre.", ["by the Fed", "expected"],
                       ["apart from", "attended"]),
    "municipalities": ("Il progetto coinvolge 2.600 comuni e il comune di Milano.",
                       ["2,600 municipalities", "municipality of Milan"], ["common"]),
    "industry-adjectives": ("Il grande gruppo automobilistico tedesco e la società mineraria Vale.",
                            ["German car group", "mining company Vale"], ["group car", "automotriz"]),
    "ruling-family": ("La famiglia regnante degli Emirati ha investito.", ["ruling family"], ["family ruling"]),
    "respect-previous": ("Gli attacchi sono aumentati del 40% rispetto all'anno precedente.",
                         ["compared with the previous year"], ["respect", "precedent"]),
    "provides-for": ("Il piano prevede 1.800 posti di lavoro entro il 2029.", ["plan provides for 1,800 jobs"],
                     ["foresees", "expects"]),
    "between-numbers": ("Il costo sarà tra 40.000 e 80.000 euro.", ["between 40,000"], ["among"]),
    "a-year": ("Il razzo farà dieci lanci all'anno.", ["a year"], ["to the year"]),
    "fear": ("Gli investitori temono un rallentamento dell'economia cinese.", ["fear"], ["dread"]),
    "gas-no-article": ("Il prezzo del gas è salito del 12%.", ["price of gas"], ["of the gas"]),
    "six": ("Sei satelliti sono stati lanciati ieri.", ["Six satellites were launched yesterday"], ["You are"]),
    "expectations": ("Il dato è più basso delle attese degli analisti.", ["lower than the expectations"],
                     ["waits", "lower that"]),
    "closed-up": ("Francoforte ha chiuso in rialzo dello 0,9%.", ["closed up by 0.9%"], ["in rise"]),
    "surpasses": ("Il danno totale supera i 9 milioni di euro.", ["surpasses €9 million"], ["the €9"]),
    "able-kmh-from": ("I treni, in grado di viaggiare a 360 km orari, entreranno in servizio dal 2029.",
                      ["able to travel", "360 km/h", "will enter service from 2029"], ["degree", "km time", "since"]),
    "go-from-to": ("La startup passerà da 35 a 90 dipendenti entro il 2027.", ["will go from 35 to 90"], ["spend"]),
    "from-name-to-name": ("I clienti principali, da Nvidia ad Apple, hanno chiesto più capacità.",
                          ["from Nvidia to Apple"], ["of Nvidia"]),
    "more-than": ("La Cina produce oltre il 90% del totale mondiale.", ["more than 90%"], ["further of"]),
    "simple-past-yesterday": ("Il governo ha approvato ieri una nuova legge.", ["The government approved yesterday"],
                              ["has approved"]),
    "simple-past-last-week": ("L'accordo è stato firmato la settimana scorsa a Parigi.",
                              ["was signed last week in Paris"], ["has been", "past week"]),
    "perfect-kept-since": ("La città ha limitato dal 2019 i nuovi data center.", ["has limited"], []),
}


@needs_apertium
@pytest.mark.apertium
@pytest.mark.parametrize(("italian", "required", "forbidden"), SENTENCES.values(), ids=SENTENCES.keys())
def test_fluency_sentence(italian: str, required: list[str], forbidden: list[str]) -> None:
    english = ApertiumEngine().translate_batch([italian], "it", "en")[0]
    missing = [r for r in required if r not in english]
    present = [f for f in forbidden if f in english]
    assert (missing, present) == ([], []), english


@pytest.mark.parametrize(("italian", "values"), [
    ("firmato a Bruxelles", ("in Brussels",)),
    ("salito ad Amsterdam", ("in Amsterdam",)),
    ("collegherà Milano a Torino", ("Milan", "Turin")),
    ("da Milano a Roma", ("Milan", "Rome")),
    ("La Società Autostrade e la società", ("Società Autostrade", "company")),
    ("Società e servizi", ("Company",)),
    ("quotata dal 2023", ("listed", "since")),
], ids=["a-city", "ad-city", "link", "from-to", "capital-is-a-name", "capital-at-start", "since-year"])
def test_protected_spans(italian: str, values: tuple[str, ...]) -> None:
    assert protect(italian, "it", "en").values == values


@pytest.mark.parametrize(("translated", "values", "restored"), [
    ("the ZZ0ZZ italian", ("supply chain",), "the Italian ZZ0ZZ"),
    ("the new ZZ0ZZ European.", ("foundries",), "the new European ZZ0ZZ."),
    ("The ZZ0ZZ ZZ1ZZ has", ("startup", "Milanese"), "The Milanese ZZ0ZZ has"),
    ("up to ZZ0ZZ American.", ("$32 billion",), "up to ZZ0ZZ."),
    ("exports are italian and ZZ0ZZ", ("Chinese",), "exports are Italian and ZZ0ZZ"),
    ("the ZZ0ZZ south korean", ("GPU",), "the South Korean ZZ0ZZ"),
    ("the first Italian sanction", (), "the first Italian sanction"),
    ("the new launcher european", (), "the new European launcher"),
    ("ZZ0ZZ chinese, Brussels", ("Electric cars",), "Chinese electric cars, Brussels"),
    ("the group ZZ0ZZ German", ("car",), "the German car group"),
    ("the family ZZ0ZZ of", ("ruling",), "the ruling family of"),
    ("data ZZ0ZZ", ("evening",), "evening data"),
    ("data mining and Monday evening", (), "data mining and Monday evening"),
    ("the ZZ0ZZ ZZ1ZZ Italians do", ("SMEs", "manufacturing"), "the Italian manufacturing ZZ0ZZ do"),
    ("for the Italians and Europeans", (), "for the Italians and Europeans"),
], ids=["lower-case", "after-adjective", "placeholder-adjective", "dollars", "after-verb", "two-words",
        "engine-order-kept", "lower-case-after-word", "sentence-start-term", "two-adjectives-reversed",
        "glossary-adjective", "glossary-adjective-after-word", "plain-words-not-adjectives", "plural-demonym",
        "plural-demonym-noun-kept"])
def test_adjective_before_noun(translated: str, values: tuple[str, ...], restored: str) -> None:
    assert _prepose(translated, values) == restored


@pytest.mark.parametrize(("english", "edited"), [
    ("The plant, near of Taranto, is new.", "The plant, near Taranto, is new."),
    ("The stock was bought of Amazon.", "The stock was bought by Amazon."),
    ("He was accused of Fraud.", "He was accused of Fraud."),
    ("The title has gone up by 4%.", "The stock has risen by 4%."),
    ("The group foresees to open shops.", "The group plans to open shops."),
    ("It has collected €4 billion.", "It has raised €4 billion."),
    ("Revenue in growth of 12%.", "Revenue up 12%."),
    ("Sales in the first semester of the past year.", "Sales in the first half of last year."),
    ("A investigation and a European rule and a unit, a iPhone.",
     "An investigation and a European rule and a unit, an iPhone."),
    ("The line would have to open.", "The line should open."),
    ("The net 5G, the net needs it, net profit, net of tax.",
     "The 5G network, the network needs it, net profit, net of tax."),
    ("The tents of Telco&Nets.", "The shops of Telco&Nets."),
    ("Sales have grown by 5% in 2024.", "Sales grew by 5% in 2024."),
    ("The rules have been approved yesterday. It has risen.", "The rules were approved yesterday. It has risen."),
    ("The company has announced a plan.", "The company has announced a plan."),
    ("It has grown since 2019, last year too.", "It has grown since 2019, last year too."),
    ("The plant will open since 2029.", "The plant will open from 2029."),
    ("The electricity is dear, the gas pipeline and the energy of the sun.",
     "Electricity is dear, the gas pipeline and the energy of the sun."),
    ("Up to the year 2030 and 50 to the month.", "Up to the year 2030 and 50 a month."),
    ("ACC has slowed already the projects and brought in orbit two satellites.",
     "ACC has already slowed the projects and brought into orbit two satellites."),
    ("Among Senegal and Morocco, among Italy, France and Spain.", "Between Senegal and Morocco, among Italy, France "
     "and Spain."),
], ids=["near-of", "agent-by", "accused-of-kept", "title-gone-up", "foresees-to", "collected-money", "in-growth",
        "semester-past-year", "an", "would-have-to", "net", "words-lower-case-only", "past-irregular",
        "past-been-plural", "perfect-without-past-time", "perfect-with-since", "future-from-year",
        "abstract-noun", "a-month", "adverb-after-participle", "between-two"])
def test_post_edit_phrase_table(english: str, edited: str) -> None:
    assert postedit.post_edit(english) == edited


@pytest.mark.parametrize(("spanish", "edited"), [
    ("Las ventas frente al trimestre.", "Las ventas comparado con el trimestre."),
    ("FRENTE A ayer.", "Comparado con ayer."),
    ("La sede es enfrente al puerto.", "La sede es enfrente al puerto."),
    ("La pregunta de energía y las preguntas.", "La demanda de energía y las preguntas."),
    ("La ganancia neta y las ganancias.", "La beneficio neta y las beneficios."),
    ("Las ratios con China, la ratio anual, la ratio entre deuda y PIB.",
     "Las relaciones con China, la informe anual, la ratio entre deuda y PIB."),
    ("Asumirá la conduce y asumirá 300 ingenieros.", "Asumirá la conduce y contratará 300 ingenieros."),
    ("Llevará trabajo y llevará a cabo el plan.", "Traerá trabajo y llevará a cabo el plan."),
    ("La central nuclear y la central sindical.", "La planta nuclear y la central sindical."),
    ("Respeto al año y con respecto a la ley.", "Respeto al año y con respecto a la ley."),
    ("Creció respeto al año.", "Creció comparado con el año."),
], ids=["frente-al", "frente-a-capitals", "enfrente-kept", "pregunta-singular", "ganancia", "ratio", "asumir-people",
        "llevar", "central", "sentence-start-kept", "respeto-al"])
def test_spanish_pre_edit(spanish: str, edited: str) -> None:
    assert postedit.pre_edit_spanish(spanish) == edited
