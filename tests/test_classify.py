"""Topic classification (newsdesk/classify.py, cues in newsdesk/data/topics.yaml).

A topic is what the story is about: a cue matches whatever the inflection of the word in the
text, and a topic needs weight (title, lead, repeated mentions), not one mention in passing."""

from __future__ import annotations

import pytest
import simplemma

from newsdesk.classify import (
    LEAD_WEIGHT,
    TITLE_WEIGHT,
    WEAK_MARK,
    cue_hits,
    find_topics,
    lead,
    money_acts,
    taxonomy,
    topic_scores,
)

# A real sentence with one slot; its other words are no cue of any topic.
SENTENCE = "Nel rapporto diffuso ieri si parla soprattutto di {}, come hanno spiegato gli autori."
PREPOSITIONS = {"di", "del", "dei", "della", "delle", "in", "a", "per"}


def _known(word: str) -> bool:
    return simplemma.is_known(word, lang="it")


def _is_verb(word: str) -> bool:
    """An infinitive: its gerund is a known form of it ("investire" -> "investendo")."""
    if not word.endswith(("are", "ere", "ire")):
        return False
    gerund = word[:-3] + ("ando" if word.endswith("are") else "endo")
    return _known(gerund) and simplemma.lemmatize(gerund, lang="it") == word


def _plurals(word: str) -> set[str]:
    """The regular Italian plural of a dictionary form; where the rules allow two ("-ci"/"-chi",
    "-cie"/"-ce"), the ones Italian has. Empty for an invariable word (accented ending, a
    consonant ending, a foreign word)."""
    if not word.isalpha() or not word.islower() or word[-1] not in "aeo":
        return set()
    stem = word[:-1]
    if word.endswith("io"):
        candidates = [stem]
    elif word.endswith(("co", "go")):
        candidates = [stem + "i", stem + "hi"]
    elif word.endswith(("ca", "ga")):
        candidates = [stem + "he"]
    elif word.endswith(("cia", "gia")):
        candidates = [stem + "e", word[:-2] + "e"]
    elif word.endswith("a"):
        candidates = [stem + "e", stem + "i"]
    else:  # -o, -e
        candidates = [stem + "i"]
    known = [c for c in candidates if _known(c)]
    if _is_verb(word):  # "finanziare": no plural; "solare" is an adjective too ("pannelli solari")
        known = [c for c in known if simplemma.lemmatize(c, lang="it") == word]
    return set(known[:1] if word.endswith("a") and not word.endswith(("ca", "ga", "cia", "gia")) else known)


def _other_gender(word: str) -> set[str]:
    """An adjective's other gender, singular and plural ("elettrica" -> "elettrico", "elettrici"):
    only when simplemma takes both for forms of one adjective (not "intesa"/"inteso")."""
    if not word.isalpha() or word[-1] not in "ao":
        return set()
    other = word[:-1] + ("o" if word.endswith("a") else "a")
    lemma = simplemma.lemmatize(word, lang="it")
    if lemma not in (word, other) or not _known(other) or simplemma.lemmatize(other, lang="it") != lemma:
        return set()
    forms = {other, *_plurals(other)}
    if any(_is_verb(simplemma.lemmatize(f, lang="it")) for f in forms):
        return set()  # a participle used as a noun ("il fatturato"), not an adjective
    return forms


def inflected_forms(cue: str) -> set[str]:
    """Plural (and, for a one-word adjective, other-gender) forms of a cue. In a phrase the
    words before the first preposition agree ("rete elettrica" -> "reti elettriche"); the rest
    stays ("piano di investimento" -> "piani di investimento")."""
    words = cue.split()
    head_len = next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))
    head = words[:head_len]
    if not all(_known(w) for w in words) or any(not w.islower() for w in words):
        return set()  # a name, an acronym or a foreign term: written as is
    forms: set[str] = set()
    plurals = [_plurals(w) for w in head]
    if all(plurals):
        forms.add(" ".join([*(sorted(p)[0] for p in plurals), *words[head_len:]]))
    if len(words) == 1:
        forms |= _plurals(cue) | _other_gender(cue)
    return forms


def verb_forms(cue: str) -> set[str]:
    """A verb cue as news reports it: the third persons of the present and the future and the past
    participle ("investire" -> "investe", "investono", "investirà", "investito", "investiti"), each
    only when simplemma knows it as a form of that verb; the rest of a phrase stays ("mettere sul
    piatto" -> "mette sul piatto")."""
    first, *rest = cue.split()
    if not first.isalpha() or not first.islower() or not _is_verb(first) or (
            _known(first[:-1] + "i") and simplemma.lemmatize(first[:-1] + "i", lang="it") == first):
        return set()  # not a verb, or an adjective too ("militare": "militari"), written for that
    stem, ending = first[:-3], first[-3:]
    future = stem + ("erà" if ending in ("are", "ere") else "irà")
    if ending == "are":
        forms = [stem + "a", stem + "ano", stem + "ato", stem + "ati", future]
    elif ending == "ere":
        forms = [stem + "e", stem + "ono", future]  # participles of -ere verbs are irregular
    else:
        forms = [stem + "e", stem + "ono", stem + "isce", stem + "iscono", stem + "ito", stem + "iti", future]
    return {" ".join([f, *rest]) for f in forms if _known(f) and simplemma.lemmatize(f, lang="it") == first}


VERB_SENTENCE = "Secondo il comunicato di ieri la società {} già da qualche mese, ha spiegato il portavoce."
VERB_CASES = sorted({(topic.id, cue, form) for topic in taxonomy().topics.values()
                     for cue in (c.removeprefix(WEAK_MARK) for c in topic.cues) for form in verb_forms(cue)})


CASES = sorted({(topic.id, cue, form) for topic in taxonomy().topics.values()
                for cue in (c.removeprefix(WEAK_MARK) for c in topic.cues) for form in {cue, *inflected_forms(cue)}})


def test_the_form_generator_knows_italian() -> None:
    assert inflected_forms("dazio") == {"dazi"}
    assert inflected_forms("attacco informatico") == {"attacchi informatici"}
    assert inflected_forms("rete elettrica") == {"reti elettriche"}
    assert inflected_forms("piano di investimento") == {"piani di investimento"}
    assert inflected_forms("elettrica") == {"elettriche", "elettrico", "elettrici"}
    assert inflected_forms("sovranità") == set()
    assert inflected_forms("Pechino") == set()
    assert len(CASES) > 250
    assert verb_forms("investire") == {"investe", "investono", "investito", "investiti", "investirà"}
    assert verb_forms("mettere sul piatto") >= {"mette sul piatto", "metterà sul piatto"}
    assert verb_forms("energia") == verb_forms("Pechino") == verb_forms("solare") == set()
    assert len(VERB_CASES) > 50


@pytest.mark.parametrize(("topic", "cue", "form"), VERB_CASES)
def test_every_verb_cue_matches_its_conjugated_forms(topic: str, cue: str, form: str) -> None:
    hits = cue_hits(VERB_SENTENCE.format(form), "it")
    assert topic in {c.topic for c in hits}, f"{cue!r} does not match {form!r}"


def test_the_verb_sentence_is_no_cue() -> None:
    assert cue_hits(VERB_SENTENCE.format("cresce"), "it") == []


@pytest.mark.parametrize(("topic", "cue", "form"), CASES)
def test_every_cue_matches_its_own_inflected_forms(topic: str, cue: str, form: str) -> None:
    hits = cue_hits(SENTENCE.format(form), "it")
    assert topic in {c.topic for c in hits}, f"{cue!r} does not match {form!r}"


def test_the_sentence_around_the_cue_is_no_cue() -> None:
    assert cue_hits(SENTENCE.format("tutto"), "it") == []


def test_tariffs_are_trade() -> None:
    # simplemma reads the lone word "dazio" as the verb "daziare", the plural "dazi" as "dazio"
    hits = cue_hits("Washington annuncia nuovi dazi sull’acciaio europeo.", "it")
    assert [(c.text, c.topic) for c in hits] == [("Washington", "geopolitics"), ("dazio", "trade")]


def test_a_cue_under_two_topics_counts_for_both() -> None:
    hits = cue_hits("Le esportazioni di macchinari verso la Cina sono calate.", "it")
    assert [(c.text, c.topic) for c in hits] == [("esportazione", "geopolitics"), ("esportazione", "trade")]


def test_an_acronym_cue_is_not_the_preposition() -> None:
    assert cue_hits("Ai lavoratori è stato promesso un aumento entro l’estate.", "it") == []
    assert [c.topic for c in cue_hits("Il nuovo modello di AI è stato presentato ieri.", "it")] == [
        "artificial-intelligence"]


def test_the_longest_cue_wins() -> None:
    hits = cue_hits("Le capacità di calcolo in Europa restano scarse.", "it")
    assert [c.text for c in hits] == ["capacità di calcolo"]


def test_a_verb_that_shares_a_nouns_lemma_is_not_the_noun() -> None:
    # simplemma gives "lancio" the lemma "lanciare": a launched subscription is no space launch
    assert cue_hits("L’azienda ha lanciato un nuovo abbonamento per le famiglie.", "it") == []
    assert [c.topic for c in cue_hits("Il lancio del satellite è previsto a marzo.", "it")] == ["space", "space"]


# What the story is about: position and weight, not every theme mentioned once.
ENERGY_STORY = (
    "Terna ha presentato ieri il piano per la rete elettrica del Mezzogiorno: nuovi elettrodotti, "
    "accumuli e collegamenti con i parchi eolici e solari della Puglia e della Sicilia.\n\n"
    "Il piano prevede 12 nuove stazioni e il raddoppio del collegamento sottomarino tra la Sicilia "
    "e la Calabria, che oggi limita l’energia rinnovabile che l’isola può esportare nelle ore di sole.\n\n"
    "Secondo l’azienda la domanda di elettricità crescerà del 20% entro il 2030, spinta da pompe di "
    "calore e auto elettriche. Per prevedere i consumi Terna usa da due anni un modello di AI, "
    "un algoritmo sviluppato con il Politecnico di Milano.\n\n"
    "I lavori partiranno in primavera e dovrebbero chiudersi entro il 2029, con cantieri in dieci "
    "province e circa 1.500 persone impiegate nelle fasi di picco."
)


def test_a_theme_mentioned_in_passing_is_not_a_topic() -> None:
    topics = find_topics("Terna, piano da 11 miliardi per la rete del Sud", ENERGY_STORY, "it")
    assert topics[0] == "energy"
    # two words of AI near the end of a story about the grid: enough for the bar of a short story, not
    # a fifth of what the story says about energy
    assert "artificial-intelligence" not in topics


def test_the_title_and_the_lead_weigh_more_than_the_body() -> None:
    body = ("Il governo ha approvato ieri il decreto che semplifica le autorizzazioni per le fabbriche e per "
            "i laboratori di ricerca, con tempi certi per ogni pratica.\n\n"
            "Secondo il ministro il testo servirà anche alle startup e alle aziende dei semiconduttori.")
    in_title = topic_scores("Semiconduttori, il governo approva il decreto", body, "it")
    in_body = topic_scores("Il governo approva il decreto", body, "it")
    # once at its best place (the title), then half a point for the repeat in the body
    assert TITLE_WEIGHT > LEAD_WEIGHT > 1
    assert in_title["semiconductors"] == TITLE_WEIGHT + 0.5 and in_body["semiconductors"] == 1
    in_lead = topic_scores("Il governo approva il decreto", "Aiuti ai semiconduttori: approvato il decreto.", "it")
    assert in_lead["semiconductors"] == LEAD_WEIGHT


def test_the_lead_is_the_first_paragraph_not_a_kicker_line() -> None:
    body = ("Analisi | Energia\n\nIl prezzo del gas è sceso del 12% in una settimana sui mercati europei, "
            "il livello più basso da due anni, grazie alle scorte piene.\n\nAltro.")
    first, rest = lead(body)
    assert first.startswith("Analisi") and first.endswith("piene.") and rest == "Altro."


def test_a_short_story_with_one_clear_topic() -> None:
    title = "Attacco ransomware all’ospedale di Lecco: sale operatorie ferme"
    body = ("Un attacco ransomware ha bloccato nella notte i sistemi dell’ospedale di Lecco. "
            "La Polizia postale indaga; gli hacker chiedono un riscatto in bitcoin.")
    assert find_topics(title, body, "it") == ["cybersecurity"]


@pytest.mark.parametrize(("sentence", "topic"), [
    ("Piazza Affari chiude in rialzo, bene i titoli bancari.", "markets"),
    ("Il Garante ha inflitto una multa da 5 milioni di euro.", "regulation"),
    ("L’Agenzia spaziale europea prepara l’allunaggio del suo primo lander.", "space"),
    ("Le bollette della luce scendono: il prezzo del kWh torna sotto i 20 centesimi.", "energy"),
    ("Il consorzio ha firmato un protocollo d’intesa con il porto di Genova.", "partnerships"),
    ("Le terre rare restano il nodo della guerra commerciale.", "trade"),
    ("La fintech milanese chiude un round guidato da un business angel.", "startups"),
    ("Nel magazzino lavorano venti cobot accanto agli operai.", "robotics"),
    ("Il codice aperto del progetto è pubblicato su GitHub.", "open-source"),
    ("Il nuovo carburo di silicio arriva dalle fabbriche di Catania.", "semiconductors"),
    ("Il treno ad alta velocità collegherà le due città in un’ora.", "mobility"),
    ("Le aree bianche avranno la connettività in fibra entro il 2027.", "telecom"),
    ("Il Cremlino ha risposto con nuove sanzioni diplomatiche.", "geopolitics"),
    ("Il PNRR finanzia la nuova scuola con 3 milioni di euro.", "investment"),
    ("L’addestramento del nuovo algoritmo ha richiesto mesi.", "artificial-intelligence"),
    ("Il centro di calcolo di Bologna raddoppia i suoi server.", "data-centers"),
])
def test_common_news_vocabulary_of_each_topic(sentence: str, topic: str) -> None:
    assert topic in {c.topic for c in cue_hits(sentence, "it")}


def test_one_word_repeated_is_not_a_topic_unless_the_title_names_it() -> None:
    # "miliardi" in every figure of a market report does not make it an investment story, nor
    # in the title, where it is a general word; "investimenti" in the title does
    body = ("Seduta positiva per Piazza Affari, che chiude in rialzo dell’1,2%. Gli scambi sono saliti a "
            "3 miliardi di euro, contro i 2 miliardi di venerdì.\n\n"
            "Le banche hanno guadagnato 4 miliardi in due giorni, le utility 1 miliardo; lo spread resta "
            "stabile.")
    assert find_topics("Piazza Affari chiude in rialzo", body, "it") == ["markets"]
    assert find_topics("Piazza Affari, 3 miliardi di scambi", body, "it") == ["markets"]
    assert find_topics("Piazza Affari, tornano gli investimenti esteri", body, "it") == ["markets", "investment"]


def test_on_a_tie_the_topic_named_first_comes_first() -> None:
    body = "La fiera di Torino apre domani con duecento espositori da tutta Europa e un programma di incontri."
    assert find_topics("Satelliti e robot, la nuova sfida dell’industria torinese", body, "it") == ["space", "robotics"]
    assert find_topics("Robot e satelliti, la nuova sfida dell’industria torinese", body, "it") == ["robotics", "space"]


def test_a_central_bank_is_no_power_plant() -> None:
    hits = cue_hits("La banca centrale ha lasciato invariati i tassi; la centrale di Brindisi chiuderà.", "it")
    assert [(c.topic, c.text) for c in hits] == [("markets", "banca centrale"), ("markets", "tasso"),
                                                 ("energy", "centrale")]


# General words: a cue marked "~" in topics.yaml weighs half a specific one.

def test_a_general_word_weighs_half_a_specific_one() -> None:
    body = "Il gruppo ha annunciato ieri {} per il nuovo stabilimento di Bari."
    specific = topic_scores("Il gruppo cresce a Bari", body.format("investimenti"), "it")
    general = topic_scores("Il gruppo cresce a Bari", body.format("2 miliardi"), "it")
    assert specific["investment"] == LEAD_WEIGHT  # in the lead
    assert general["investment"] == LEAD_WEIGHT / 2


def test_every_general_cue_is_marked_and_known() -> None:
    hits = cue_hits("Il governo ha firmato un accordo da 3 miliardi con gli operatori.", "it")
    weak = {c.text for c in hits if c.weak}
    assert weak == {"governo", "firmare", "miliardo", "operatore"}  # "accordo" is specific
    assert not any(c.weak for c in cue_hits("La fibra ottica arriva nelle aree bianche.", "it"))


def test_general_words_of_a_theme_in_passing_do_not_make_it_a_topic() -> None:
    # a ransomware story that names the government, a contract and a platform along the way
    title = "Ransomware, bloccati i sistemi del Comune di Pavia"
    body = ("Un attacco ransomware ha cifrato nella notte i server del Comune di Pavia: anagrafe e tributi "
            "sono fermi e gli hacker chiedono un riscatto.\n\n"
            "Il sindaco ha chiesto aiuto al governo e all’Agenzia per la cybersicurezza nazionale. Il contratto "
            "con il fornitore della piattaforma scade a dicembre e il governo valuta un nuovo contratto per "
            "tutti i comuni della provincia, ha spiegato il prefetto.")
    assert find_topics(title, body, "it") == ["cybersecurity"]


def test_a_repeated_word_counts_less_than_as_many_different_words() -> None:
    repeated = ("Il satellite è stato costruito a Torino. Il satellite pesa due tonnellate. Il satellite "
                "resterà in servizio dieci anni.")
    varied = ("Il satellite è stato costruito a Torino. Il razzo pesa duecento tonnellate. L’orbita "
              "sarà raggiunta in dieci minuti.")
    title = "Torino, pronto il nuovo progetto"
    # all in the lead: one cue and two repeats, against three different cues
    assert topic_scores(title, repeated, "it")["space"] == LEAD_WEIGHT + 0.5 + 0.5
    assert topic_scores(title, varied, "it")["space"] == 3 * LEAD_WEIGHT


# What a story is about: labels name one to four topics.

MANY_THEMES = (
    "Il gruppo investirà 5 miliardi di euro nel nuovo polo di Brindisi, con un finanziamento della Bei: "
    "chip e semiconduttori per le auto elettriche e i veicoli industriali, prodotti con energia solare ed "
    "eolica, robot forniti da una startup torinese che ha chiuso un round di serie A, e un titolo che ha "
    "guadagnato il 3% in Borsa, a Piazza Affari.\n\n"
    "I lavori partiranno in primavera."
)


def test_a_story_gets_at_most_four_topics_the_strongest() -> None:
    scores = topic_scores("Semiconduttori, investimenti da 5 miliardi a Brindisi", MANY_THEMES, "it")
    topics = find_topics("Semiconduttori, investimenti da 5 miliardi a Brindisi", MANY_THEMES, "it")
    assert taxonomy().max_topics == 4
    assert len(scores) > 4 and len(topics) == 4  # the lead names more themes than that
    assert topics[:2] == ["investment", "semiconductors"]  # the two the title names, the stronger first
    assert scores["energy"] > scores["semiconductors"]  # three words in the lead: more weight, named later
    rest = [t for t in scores if t not in topics[:2]]
    assert topics[2:] == sorted(rest, key=lambda t: -scores[t])[:2]  # then the strongest


def test_a_theme_only_further_down_is_not_a_topic() -> None:
    title = "Aruba apre a Bergamo il suo quarto data center"
    body = ("Aruba ha inaugurato ieri a Ponte San Pietro il suo quarto data center in Italia: 30.000 metri "
            "quadrati di sale server per il cloud delle imprese lombarde e della pubblica amministrazione.\n\n"
            "Il campus sarà alimentato solo da energia rinnovabile: un impianto fotovoltaico sul tetto, una "
            "centrale idroelettrica di proprietà sul Brembo e contratti di fornitura di elettricità verde. "
            "Il raffreddamento a liquido riduce i consumi di energia del 30%.\n\n"
            "Lavoreranno nel sito 120 tecnici.")
    scores = topic_scores(title, body, "it")
    assert scores["energy"] >= 0.5 * scores["data-centers"]  # not a passing mention, but context
    assert find_topics(title, body, "it") == ["data-centers"]


def test_a_topic_far_below_the_leading_one_is_dropped() -> None:
    title = "Fotovoltaico, la Puglia accende il parco solare più grande d’Italia"
    body = ("Entra in funzione a Brindisi il parco solare più grande d’Italia, progettato con un algoritmo di "
            "intelligenza artificiale: "
            "400 megawatt di pannelli fotovoltaici e un sistema di accumulo da 200 MWh, collegati alla rete "
            "elettrica di Terna.\n\n"
            "L’impianto produrrà l’energia consumata da 250.000 famiglie e ridurrà le emissioni di CO2 di "
            "mezzo milione di tonnellate l’anno. L’elettricità sarà venduta con contratti di lungo periodo.")
    scores = topic_scores(title, body, "it")
    # the lead names the design tool (two cues, above the bar of a short story), a fifth of the energy
    assert 2 <= scores["artificial-intelligence"] < 0.2 * scores["energy"]
    assert find_topics(title, body, "it") == ["energy"]


@pytest.mark.parametrize(("sentence", "topic"), [
    ("Pechino risponde alla stretta sull’export con nuove restrizioni alle esportazioni di gallio.", "geopolitics"),
    ("La Bei ha concesso un cofinanziamento da 300 milioni al nuovo impianto.", "investment"),
    ("Le due società hanno deciso di unire le forze in una joint venture paritetica.", "partnerships"),
    ("Il data breach ha esposto le credenziali di migliaia di correntisti.", "cybersecurity"),
    ("La banda ultralarga raggiungerà anche i comuni di montagna.", "telecom"),
    ("Il nuovo rover è atterrato nel cratere più profondo della Luna.", "space"),
    ("Il cofondatore della scale-up ha lasciato l’incarico.", "startups"),
    ("L’utile netto del trimestre è salito del 12% e la cedola cresce.", "markets"),
    ("Il progetto open-source è ospitato su GitLab e accetta contributi.", "open-source"),
    ("Il nuovo modello fondativo è addestrato su testi in italiano.", "artificial-intelligence"),
    ("L’impianto userà il raffreddamento a liquido per i suoi rack.", "data-centers"),
    ("La nuova NPU integrata nel microprocessore accelera le reti neurali.", "semiconductors"),
    ("L’Antitrust ha aperto un’istruttoria sulla procedura di vendita.", "regulation"),
    ("Le pompe di calore riducono la bolletta delle famiglie.", "energy"),
    ("Il monopattino in sharing arriva nei mezzi pubblici della città.", "mobility"),
    ("Nell’officina lavorano un esoscheletro e un robot industriale.", "robotics"),
    ("I nuovi dazi antidumping colpiscono l’acciaio importato.", "trade"),
])
def test_general_vocabulary_of_each_topic(sentence: str, topic: str) -> None:
    assert topic in {c.topic for c in cue_hits(sentence, "it")}


def test_two_spellings_of_one_topic_count_once() -> None:
    # "TIM" (the acronym cue) and "Tim" (as papers write it) are both telecom cues
    hits = cue_hits("TIM e Vodafone firmano l’accordo.", "it")
    assert [c.topic for c in hits if c.topic == "telecom"] == ["telecom", "telecom"]  # TIM, Vodafone
    assert [c.topic for c in cue_hits("Tim cresce.", "it")] == ["telecom"]


def test_nuclear_fusion_is_energy_not_a_merger() -> None:
    hits = cue_hits("La fusione nucleare resta lontana, la fusione tra le due utility è vicina.", "it")
    assert [(c.topic, c.text) for c in hits] == [("energy", "fusione nucleare"), ("partnerships", "fusione")]


# Money acts: an amount invested, raised or funded is the story's act when the title or lead states it.

@pytest.mark.parametrize(("sentence", "topics"), [
    ("Enel investirà 1,2 miliardi di euro in nuovi parchi eolici in Spagna.", {"investment"}),
    ("Con un investimento di 1,1 miliardi di dollari sarà il più grande impianto del Sudamerica.", {"investment"}),
    ("La società ha chiuso un round da 30 milioni guidato da un fondo americano.", {"investment", "startups"}),
    ("La startup ha raccolto 12 milioni di euro dai suoi soci.", {"investment", "startups"}),
    ("Il governo ha stanziato altri 500 milioni per completare la rete.", {"investment"}),
    ("Samsung mette sul piatto 62.000 miliardi di won per le memorie.", {"investment"}),
    ("Per la parte italiana la società prevede di investire circa 4,5 miliardi.", {"investment"}),
])
def test_an_amount_tied_to_investing_is_a_money_act(sentence: str, topics: set[str]) -> None:
    assert money_acts(sentence, "it") == topics


@pytest.mark.parametrize("sentence", [
    "Il mercato dei robot di servizio potrebbe valere 1.000 miliardi di yen.",  # no investing word
    "Gli investimenti in fibra hanno raggiunto 2 milioni di case.",  # a count, not money
    "Nvidia ha venduto acceleratori per 30 miliardi di dollari.",  # a chip, not a startup accelerator
    "Il fondo ha aperto la sede di Milano. Il gruppo ha 2 miliardi di ricavi.",  # two sentences
    "L’investimento della società nella ricerca è cresciuto negli ultimi anni, come il fatturato, "
    "che ha toccato 3 miliardi.",  # the amount is far from the investing word
])
def test_a_figure_in_passing_is_no_money_act(sentence: str) -> None:
    assert money_acts(sentence, "it") == set()


SOLAR_STORY = (
    "Enel ha avviato in Brasile la costruzione di un parco fotovoltaico da 1,2 GW abbinato a un sistema "
    "di batterie da 600 MWh. Con un investimento di 1,1 miliardi di dollari, sarà il più grande impianto "
    "solare con accumulo del Sudamerica.\n\n"
    "L’impianto produrrà l’energia rinnovabile consumata da due milioni di famiglie e ridurrà le emissioni di "
    "CO2. L’elettricità sarà venduta con contratti di lungo periodo alle industrie della regione, e la rete "
    "elettrica dello stato sarà potenziata con nuovi elettrodotti e centrali di accumulo.\n\n"
    "Il Brasile è il secondo mercato del gruppo dopo l’Italia per l’energia solare ed eolica."
)


def test_a_money_act_in_the_lead_is_a_topic_when_another_dominates() -> None:
    title = "Enel, in Brasile il più grande parco solare con accumulo del Sudamerica"
    scores = topic_scores(title, SOLAR_STORY, "it")
    assert scores["investment"] < 0.2 * scores["energy"]  # far below the leading topic
    assert find_topics(title, SOLAR_STORY, "it") == ["energy", "investment"]


def test_a_money_act_only_further_down_is_context() -> None:
    title = "Enel, in Brasile il più grande parco solare con accumulo del Sudamerica"
    body = SOLAR_STORY.replace("Con un investimento di 1,1 miliardi di dollari, sarà", "Sarà")
    body += "\n\nL’investimento complessivo è di 1,1 miliardi di dollari."
    assert find_topics(title, body, "it") == ["energy"]


def test_an_ai_gigafactory_is_a_data_center_not_a_car_plant() -> None:
    # the EU's "AI gigafactories" are computing campuses; a gigafactory alone makes batteries
    hits = cue_hits("Bruxelles finanzierà cinque gigafactory dell’AI, la prima a Torino.", "it")
    assert {c.topic for c in hits} == {"investment", "data-centers"}
    car_plant = cue_hits("La gigafactory di batterie di Termoli è ferma.", "it")
    assert [c.topic for c in car_plant] == ["mobility", "mobility"]
