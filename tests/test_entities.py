"""Entity finder rules (newsdesk/entities.py), one Italian sentence each, written for these tests."""

from __future__ import annotations

from newsdesk.entities import find_entities


def orgs(*sentences: str) -> list[str]:
    return find_entities(list(sentences), "it")["organizations"]


def people(*sentences: str) -> list[str]:
    return find_entities(list(sentences), "it")["people"]


# ---- People -------------------------------------------------------------------------------

def test_a_comma_ends_a_name_so_the_role_s_organisation_is_not_glued_to_the_person() -> None:
    found = find_entities(["Lo ha detto il presidente della Regione, Mario Bianchi, al termine dell'incontro."], "it")
    assert found["people"] == ["Mario Bianchi"]
    text = "«Siamo pronti», ha spiegato l'amministratrice delegata di Sparkle, Elena Ferri."
    assert people(text) == ["Elena Ferri"]


def test_a_city_or_ministry_before_a_surname_is_not_part_of_the_name() -> None:
    assert people("Ha parlato il ministro delle Imprese, Carlo Ferraresi, a Torino.") == ["Carlo Ferraresi"]
    assert people("Il sindaco di Catania, Salvatore Greco, ha firmato l'accordo.") == ["Salvatore Greco"]


def test_a_known_first_name_makes_a_person_without_a_role() -> None:
    assert people("L'azienda è stata fondata nel 2019 da Davide Colombo e Sofia Bianchini.") == [
        "Davide Colombo", "Sofia Bianchini"]


def test_a_first_name_that_is_also_a_city_still_starts_a_person() -> None:
    assert people("Ne sono convinti Paolo Verona e Sofia Marchi, i due fondatori.") == ["Paolo Verona", "Sofia Marchi"]


def test_a_role_in_apposition_after_a_foreign_name_makes_a_person() -> None:
    assert people("Ne abbiamo parlato con Hannah Lindqvist, la manager svedese che guida il cloud.") == [
        "Hannah Lindqvist"]
    assert people("Ne abbiamo parlato con Omar Farouk, ricercatore del centro studi.") == ["Omar Farouk"]


def test_a_role_before_a_foreign_name_makes_a_person() -> None:
    assert people("L'amministratore delegato Wen-Hao Lin ha alzato le previsioni.") == ["Wen-Hao Lin"]
    assert people("«I conti tornano», osserva l'analista di Cushman & Wakefield Wei Lin Tan.") == ["Wei Lin Tan"]


def test_a_role_after_a_clause_does_not_make_a_person() -> None:
    # The minister speaks during a meeting: "Consiglio Competitività" is not a person.
    assert people("Lo ha detto il ministro polacco durante il Consiglio Competitività di ieri.") == []


def test_a_person_inside_an_institution_s_name_is_split_from_it() -> None:
    assert people("Lo ha spiegato la componente del Collegio del Garante Livia Ceccarelli.") == ["Livia Ceccarelli"]


def test_names_ending_in_an_organisation_word_are_organisations_not_people() -> None:
    found = find_entities(["Lo sostiene il ricercatore Omar Farouk del centro Gulf Research Center.",
                           "Il contratto va a Yanwei Precision Industries, che produce in India."], "it")
    assert found["people"] == ["Omar Farouk"]
    assert "Gulf Research Center" in found["organizations"]
    assert "Yanwei Precision Industries" in found["organizations"]


# ---- Acronyms -------------------------------------------------------------------------------

def test_technical_and_business_acronyms_are_not_organisations() -> None:
    text = ("Le PMI lombarde pagano l'IVA e comprano memorie HBM e macchine EUV; "
            "il contratto di lungo periodo (PPA) è firmato con Medibot Srl.")
    assert orgs(text) == ["Medibot Srl"]


def test_an_acronym_after_a_plural_article_is_a_category() -> None:
    assert orgs("In Borsa le ADR sono salite del 2%.") == []


def test_an_unknown_acronym_acting_in_the_news_is_an_organisation() -> None:
    assert orgs("I satelliti sono stati costruiti da OHB a Brema.") == ["OHB"]


def test_company_form_suffixes_are_not_organisations_alone() -> None:
    assert orgs("La società è una Spa con sede a Milano e una Srl a Roma.") == []


# ---- Organisations ----------------------------------------------------------------------------

def test_well_known_multiword_hyphenated_and_mixed_case_organisations() -> None:
    found = orgs("FiberCop e Open Fiber hanno firmato un accordo con Intesa Sanpaolo.",
                 "Il sindacato Fiom-Cgil e la Fim-Cisl chiedono garanzie a Hitachi Rail.")
    assert found == ["FiberCop", "Open Fiber", "Intesa Sanpaolo", "Fiom-Cgil", "Fim-Cisl", "Hitachi Rail"]


def test_agencies_are_known_and_go_by_the_acronym_the_article_uses() -> None:
    found = orgs("Per anni l'Agenzia spaziale europea (ESA) si è affidata a lanciatori russi.",
                 "L'ESA prevede dieci lanci l'anno.")
    assert found == ["ESA"]


def test_an_acronym_in_brackets_used_once_leaves_the_full_name() -> None:
    found = orgs("L'Autorità di regolazione per energia reti e ambiente (ARERA) ha avviato una consultazione.")
    assert found == ["Autorità di regolazione per energia reti e ambiente"]


def test_an_acronym_in_brackets_used_again_is_the_name() -> None:
    found = orgs("Indaga l'Agenzia per la cybersicurezza nazionale (ACN), che ha inviato i tecnici.",
                 "Per l'ACN gli attacchi sono in aumento.")
    assert found == ["ACN"]


def test_institutions_are_named_in_full() -> None:
    found = orgs("Il Centro nazionale anticrimine informatico per la protezione delle infrastrutture critiche "
                 "indaga con la Polizia postale.",
                 "Il software è stato sviluppato dal Comune di Bologna e oggi è usato.")
    assert found == ["Centro nazionale anticrimine informatico per la protezione delle infrastrutture critiche",
                     "Polizia postale", "Comune di Bologna"]


def test_a_shorter_form_of_an_institution_is_the_same_one() -> None:
    found = orgs("L'Autorità di sistema portuale del Mar Ionio ha firmato la concessione.",
                 "Lo ha detto il presidente dell'Autorità portuale, Marco Liuzzi.")
    assert found == ["Autorità di sistema portuale del Mar Ionio"]


def test_an_organisation_noun_or_a_demonym_before_a_name_makes_an_organisation() -> None:
    found = orgs("Hanno firmato la società austriaca Trans Austria Gasleitung e il fondo americano Blackstone.",
                 "I satelliti sono costruiti dalla torinese Argotec.")
    assert found == ["Trans Austria Gasleitung", "Blackstone", "Argotec"]


def test_an_apposition_makes_an_organisation_even_of_an_ordinary_word() -> None:
    assert orgs("Fatturo, la piattaforma milanese dei pagamenti, ha chiuso un round.") == []
    assert orgs("Fatturo, la società milanese dei pagamenti, ha chiuso un round.") == ["Fatturo"]
    assert orgs("Il fondo ha creato Humain, una società per il calcolo.") == ["Humain"]


def test_a_name_listed_with_organisations_is_one() -> None:
    assert orgs("Il piano prevede accordi con Hino Motors e con Kawada.") == ["Hino Motors", "Kawada"]
    assert orgs("Hanno vinto Toyota, Zorbit e Quantix.") == ["Toyota", "Zorbit", "Quantix"]


def test_places_in_a_list_stay_places() -> None:
    assert orgs("Il gruppo Enel è presente in Brasile, Cile e Colombia.") == ["Enel"]


def test_an_alphanumeric_company_name_with_an_organisation_cue_is_an_organisation() -> None:
    found = find_entities(["Qui G42, la società tecnologica di Abu Dhabi, costruisce un campus."], "it")
    assert found["organizations"] == ["G42"]
    assert found["products"] == []


def test_the_fullest_company_name_wins() -> None:
    assert orgs("Toyota Motor non rinuncia all'idrogeno.", "Toyota costruirà una nuova linea.") == ["Toyota Motor"]
    assert orgs("Comau Spa lancia i cobot a noleggio.", "Comau punta a mille robot.") == ["Comau Spa"]


def test_a_subsidiary_named_after_its_country_is_its_own_organisation() -> None:
    assert orgs("Il progetto è gestito da Enel Green Power Brasil.") == ["Enel Green Power Brasil"]


def test_a_lower_case_name_is_found_only_as_written() -> None:
    assert orgs("Il consorzio è guidato da MTN e dall'operatore emiratino e&.") == ["MTN", "e&"]


# ---- Sources and examples -----------------------------------------------------------------------

def test_a_cited_agency_is_not_a_participant() -> None:
    assert orgs("Samsung investirà 45 miliardi. Lo riporta Bloomberg, citando documenti.",
                "Secondo Reuters, la certificazione è arrivata a settembre.",
                "(ANSA) - ROMA, 9 OTT - Stellantis ha presentato il piano.") == ["Samsung", "Stellantis"]


def test_a_source_also_acting_in_the_story_stays() -> None:
    found = orgs("Secondo un rapporto di Cushman & Wakefield, gli investimenti raddoppiano.",
                 "«Le reti non reggono», avverte l'analista di Cushman & Wakefield Wei Lin Tan.")
    assert found == ["Cushman & Wakefield"]


def test_an_organisation_only_given_as_an_example_is_not_a_participant() -> None:
    text = "TSMC chiude il trimestre. I clienti principali, da Nvidia ad Apple, chiedono più capacità."
    assert orgs(text) == ["TSMC"]
    # "come" names a real partner, not an example: "accordi con operatori come Vodafone".
    assert orgs("Alibaba ha stretto accordi con operatori come Vodafone.") == ["Alibaba", "Vodafone"]
    # An example in an aside, between commas, is one; a speaker after "come" is not.
    assert orgs("Titolo", "Per chi vende macchinari, come l'olandese ASML, la norma introduce un obbligo.") == []
    assert orgs("Titolo", "Google, come Microsoft, apre un data center in Arabia.") == ["Google"]
    assert orgs("Titolo", "Il piano è pronto, come spiega Enel in una nota.") == ["Enel"]


def test_a_known_organisation_followed_by_an_organisation_word_is_another_one() -> None:
    assert orgs("Il round è affiancato da Bain Capital Ventures.") == ["Bain Capital Ventures"]


def test_a_news_outlet_is_never_a_participant_however_it_is_quoted() -> None:
    assert orgs("L'amministratore delegato ha detto al Financial Times che Arianespace crescerà.",
                "In un'intervista al Sole 24 Ore, Snam conferma il piano.") == ["Arianespace", "Snam"]


# ---- Generic patterns: names no gazetteer holds ------------------------------------------------

def test_lower_case_institutions_named_by_place_or_office() -> None:
    assert orgs("L'inchiesta è coordinata dalla procura di Brescia.") == ["procura di Brescia"]
    assert orgs("Il ministero del Lavoro spagnolo ha risposto con una nota.") == ["ministero del Lavoro spagnolo"]
    # A ministry the gazetteer knows keeps its canonical name, whatever the case.
    assert orgs("Firmerà con il ministero delle Imprese e del Made in Italy.") == [
        "Ministero delle Imprese e del Made in Italy"]


def test_an_institution_s_name_stops_before_a_verb_the_dictionary_does_not_know() -> None:
    assert orgs("L'Autorità portuale multa la compagnia di navigazione.") == ["Autorità portuale"]


def test_a_name_with_an_ampersand_is_not_a_person() -> None:
    assert people("«Il mercato cresce», spiega Marchetti & Lanza.") == []


def test_a_lower_case_brand_after_a_demonym_is_an_organisation() -> None:
    assert orgs("Hanno firmato Snam e la tedesca gasnetz.") == ["Snam", "gasnetz"]


def test_a_known_organisation_followed_by_words_ending_in_an_organisation_word_is_another_one() -> None:
    assert orgs("Il bando è gestito da Intesa Sanpaolo Innovation Center.") == ["Intesa Sanpaolo Innovation Center"]


def test_the_agent_of_a_passive_is_an_organisation() -> None:
    assert orgs("Il catalogo nazionale è gestito da Nexora.") == ["Nexora"]


def test_an_acronym_after_an_elided_preposition_is_an_organisation() -> None:
    assert orgs("I dati sono stati raccolti con il supporto tecnico dell'ARPAL.") == ["ARPAL"]


def test_an_apposition_after_an_elided_article_makes_an_organisation() -> None:
    assert orgs("Intanto Veltrix, l'operatore lussemburghese, ha chiuso l'accordo.") == ["Veltrix"]


def test_a_place_after_a_passive_is_no_agent() -> None:
    assert orgs("Le auto sono state importate dalla Cina nell'Unione europea.") == []


def test_an_institution_s_name_runs_through_inner_prepositions_not_into_the_next_clause() -> None:
    assert orgs("L'Autorità per la vigilanza sulle assicurazioni ha approvato le regole.") == [
        "Autorità per la vigilanza sulle assicurazioni"]
    assert orgs("Per l'Unione nazionale artigiani il blocco è utile.") == ["Unione nazionale artigiani"]


def test_a_place_named_like_an_institution_is_left_to_places() -> None:
    assert orgs("Le merci entrano nell'Unione europea senza dazi.") == []
    assert orgs("Per un Comune di tremila abitanti è un costo enorme.") == []


def test_a_place_after_an_organisation_noun_is_no_organisation() -> None:
    assert orgs("Veltrix, la società di Monaco di Baviera, assume.") == ["Veltrix"]


def test_a_brand_in_lower_camel_case_and_brands_joined_by_a_plus() -> None:
    assert orgs("Da oggi cyberGuardia Srl, la startup napoletana, assume.") == ["cyberGuardia Srl"]
    assert orgs("Iliad e Fastweb+Vodafone presenteranno i piani.") == ["Iliad", "Fastweb+Vodafone"]


def test_an_industry_word_after_a_known_name_makes_its_full_name() -> None:
    assert orgs("Intanto la cinese Ganfeng Lithium ha avviato la seconda fase.") == ["Ganfeng Lithium"]


def test_the_employer_after_a_person_s_role_is_an_organisation_a_portfolio_is_not() -> None:
    assert orgs("«Siamo pronti», dice la direttrice di Federmarmi, Laura Bassi.") == ["Federmarmi"]
    assert orgs("Lo ha detto il ministro dell'Economia cileno, Ricardo Valdés.") == []


def test_one_name_per_organisation() -> None:
    # A hyphenated name's first part, an acronym of its initials, a short name before its expansion.
    assert orgs("Asstel-Assotelecomunicazioni, l'associazione delle imprese, chiede tempo.",
                "«Siamo le prime vittime», dice la direttrice di Asstel, Laura Bassi.") == [
        "Asstel-Assotelecomunicazioni"]
    assert orgs("La centrale sarà costruita da Polskie Elektrownie Jądrowe.",
                "«Siamo pronti», ha detto il presidente di PEJ, Marek Nowak.") == ["Polskie Elektrownie Jądrowe"]
    assert orgs("L'Enas, l'Ente acque della Sardegna che governa le dighe, ha ridotto le forniture.") == [
        "Ente acque della Sardegna"]
    assert orgs("Amkor raddoppia in Vietnam.", "Amkor Technology investirà 1,6 miliardi.") == ["Amkor Technology"]


def test_a_source_cited_by_its_analysts_or_a_picture_credit_is_not_a_participant() -> None:
    assert orgs("Per gli analisti di Fitch Solutions il problema è tecnico.", "Credit: Cyberdyne Inc.") == []


def test_an_acronym_after_a_utility_noun_is_an_organisation() -> None:
    assert orgs("Il gestore elettrico statale EVN completerà la linea entro l'estate.") == ["EVN"]


def test_a_short_name_made_of_the_starts_of_a_full_name_s_words_is_that_organisation() -> None:
    assert orgs("Nucleare, parere positivo sul piano",
                "L'Autorità per la sicurezza nucleare ha approvato il piano.",
                "«Serve prudenza», ha detto il presidente dell'Asn, Marco Ferri.") == [
        "Autorità per la sicurezza nucleare"]
    # The parent's own name is no abbreviation of its unit's.
    assert orgs("Satelliti, nuova commessa", "Thales Alenia Space costruirà i satelliti.",
                "Thales ha confermato.") == ["Thales Alenia Space", "Thales"]


def test_institution_names_joined_by_e_and_cut_before_their_parent_body() -> None:
    assert orgs("Titolo", "La Cassa Risparmi e Prestiti ha deciso.") == ["Cassa Risparmi e Prestiti"]
    assert orgs("Titolo", "Hanno firmato la Regione Lombardia e Comune di Bergamo.") == [
        "Regione Lombardia", "Comune di Bergamo"]
    assert orgs("Titolo", "Lo ha presentato l'Ufficio per la transizione energetica della Presidenza della Regione.") \
        == ["Ufficio per la transizione energetica"]
    assert orgs("Titolo", "Paga il ministero del Turismo e delle politiche giovanili.") == [
        "ministero del Turismo e delle politiche giovanili"]


# ---- Named in passing: a role that is no part in the story -------------------------------------

def test_an_organisation_named_only_in_a_comparison_is_not_a_participant() -> None:
    assert orgs("Titolo", "La nuova società di Eutelsat nasce per competere con SpaceX nelle costellazioni.") == [
        "Eutelsat"]
    assert orgs("Titolo", "Quintix Srl pubblica il progetto, a differenza di quanto fa Arm con le licenze.") == [
        "Quintix Srl"]
    # A competitor that acts elsewhere in the story stays.
    assert orgs("Titolo", "Eutelsat nasce per competere con SpaceX.", "SpaceX ha risposto tagliando i prezzi.") == [
        "Eutelsat", "SpaceX"]


def test_the_addressee_of_an_appeal_or_a_request_is_not_a_participant() -> None:
    assert orgs("Titolo", "Medibot Srl annuncia ricorso al tribunale di Milano contro la multa.") == ["Medibot Srl"]
    assert orgs("Titolo", "Gli operatori alternativi chiedono ora all'Agcom di controllare i prezzi di FiberCop.") \
        == ["FiberCop"]
    assert orgs("Titolo", "Fatturo Spa prepara la richiesta di una licenza bancaria presso la Banca d'Italia.") == [
        "Fatturo Spa"]
    # The same body acting in the story stays.
    assert orgs("Titolo", "Gli operatori chiedono all'Agcom di intervenire.", "L'Agcom ha aperto un'istruttoria.") \
        == ["Agcom"]


def test_a_former_affiliation_is_background() -> None:
    assert orgs("Titolo", "Datavia Srl, fondata da due ex ricercatori del Politecnico di Bari, chiude un round.") \
        == ["Datavia Srl"]
    assert orgs("Titolo", "Datavia Srl è nata da un gruppo di ricercatori del Politecnico di Bari.") == [
        "Datavia Srl", "Politecnico di Bari"]


def test_a_complement_in_the_pluperfect_is_background_its_subject_still_acts() -> None:
    assert orgs("Titolo", "Medibot Srl, che nel 2024 aveva raccolto un round guidato dal fondo P101, fa ricorso.") \
        == ["Medibot Srl"]
    assert orgs("Titolo", "Per anni l'Agenzia spaziale europea era stata costretta a rivolgersi a SpaceX.") == [
        "Agenzia spaziale europea"]
    assert orgs("Titolo", "La Competition and Markets Authority aveva autorizzato la fusione nel 2024.") == [
        "Competition and Markets Authority"]



def test_an_organisation_named_only_in_an_earlier_event_after_dopo_is_background() -> None:
    assert orgs("Titolo", "FiberCop, nata dopo lo scorporo da TIM, collegherà tre milioni di case.") == ["FiberCop"]
    assert orgs("Titolo", "TIM ha venduto la rete.", "FiberCop, nata dopo lo scorporo da TIM, collegherà le case.") \
        == ["TIM", "FiberCop"]

# ---- The name as the article gives it -----------------------------------------------------------

def test_a_ministry_named_by_several_portfolios_after_a_comma_is_one() -> None:
    assert orgs("Titolo", "L'obiettivo è fissato dal ministero della Salute, del lavoro e del welfare giapponese.") \
        == ["ministero della Salute, del lavoro e del welfare giapponese"]
    assert orgs("Titolo", "Il Ministero dell'Istruzione, dell'Università e della Ricerca firma il decreto.") == [
        "Ministero dell'Istruzione, dell'Università e della Ricerca"]
    # A comma before a clause ends the name.
    assert orgs("Titolo", "Il ministero della Salute, che ha firmato, ne parlerà con la Regione Lombardia.") == [
        "Ministero della Salute", "Regione Lombardia"]


def test_the_spelled_out_acronym_of_an_organisation_is_no_other_one() -> None:
    assert orgs("Titolo", "«Apriremo nel 2027», spiega l'amministratore delegato di TEB Spa, la società delle "
                "Tramvie elettriche bergamasche, Gianni Scarpellini.") == ["TEB Spa"]


def test_a_headline_s_short_form_of_a_unit_the_article_names_is_that_unit() -> None:
    assert orgs("Google apre un data center a Riad", "Google Cloud aprirà un nuovo data center in Arabia Saudita.") \
        == ["Google Cloud"]
    # Named in the body too, the parent stays.
    assert orgs("Google apre a Riad", "Google Cloud aprirà un data center.", "Google non ha commentato.") == [
        "Google", "Google Cloud"]


def test_a_known_body_whose_name_is_also_a_town_is_the_body() -> None:
    assert orgs("Titolo", "«Da soli non ce la fanno», spiega Carla Fontana, responsabile innovazione dell'Anci.") \
        == ["Anci"]


# ---- Not organisations at all -------------------------------------------------------------------

def test_acronyms_of_laws_programmes_and_techniques_are_not_organisations() -> None:
    assert orgs("Titolo", "Le acciaierie chiedono di rivedere il CBAM e il prezzo del TTF entro marzo.") == []
    assert orgs("Titolo", "I sensori LiDAR e le batterie LFP arrivano con l'M&A di Brembo.") == ["Brembo"]


def test_an_acronym_a_descriptive_phrase_just_gave_is_not_an_organisation() -> None:
    assert orgs("Titolo", "Il meccanismo di adeguamento del carbonio alle frontiere (MACF) entrerà in vigore.",
                "Il MACF costerà alle imprese 2 miliardi.") == []
    # The acronym of an organisation's name, or of a phrase with an organisation noun, is one.
    assert orgs("Titolo", "La federazione europea dei produttori di vetro (FEPV) ha protestato.") == ["FEPV"]
    assert orgs("Titolo", "Indaga l'Agenzia per la cybersicurezza nazionale (ACN).") == [
        "Agenzia per la cybersicurezza nazionale"]


def test_a_category_union_and_its_confederation_are_one_name() -> None:
    assert orgs("Titolo", "I sindacati chiedono garanzie: la Filctem Cgil ha ricordato i 300 posti.") == [
        "Filctem Cgil"]
    assert orgs("Titolo", "Hanno firmato la Flaei Cisl e la Cgil.") == ["Flaei Cisl", "Cgil"]


def test_a_place_after_an_elided_preposition_is_no_part_of_the_name() -> None:
    assert orgs("Titolo", "La manager guida le infrastrutture cloud di Microsoft nell'Europa del Nord.") == [
        "Microsoft"]


def test_an_organisation_word_alone_is_no_organisation() -> None:
    assert orgs("«Power is the new real estate»: Microsoft porta in Piemonte un campus",
                "Microsoft investirà 4 miliardi.") == ["Microsoft"]


def test_an_institution_named_only_by_an_official_who_attends_is_not_a_participant() -> None:
    assert orgs("Titolo", "Datavia Srl ha presentato il campus alla presenza del presidente della Regione Piemonte.") \
        == ["Datavia Srl"]
    assert orgs("Titolo", "«È una svolta», ha detto la direttrice durante la visita del presidente della Regione "
                "Siciliana.") == []
    assert orgs("Titolo", "La Regione Piemonte ha firmato.",
                "Il campus è stato presentato alla presenza del presidente della Regione Piemonte.") == [
        "Regione Piemonte"]


def test_companies_of_the_milan_index_are_known() -> None:
    assert orgs("Titolo", "Tanto è bastato a far scendere Technoprobe del 6,1% e Buzzi del 2%.") == [
        "Technoprobe", "Buzzi"]


def test_in_the_pluperfect_a_party_of_the_deal_and_a_new_clause_still_act() -> None:
    assert orgs("Titolo", "Il contratto era stato firmato con Leonardo nel 2024.") == ["Leonardo"]
    assert orgs("Titolo", "Era previsto che Enel costruisse la centrale entro il 2027.") == ["Enel"]


def test_english_names_of_laws_plans_and_events_are_not_organisations() -> None:
    assert orgs("Titolo", "Le imprese hanno discusso del Critical Raw Materials Act e del Net-Zero Industry Act.") == []
    assert orgs("Titolo", "Al Consumer Electronics Show si è parlato dello Steel and Metals Action Plan.") == []
    assert orgs("Titolo", "Il governo ha esercitato il Golden Power su Pirelli.") == ["Pirelli"]


def test_the_stati_generali_are_an_assembly_not_the_insurer() -> None:
    assert orgs("Titolo", "Agli Stati Generali dell'energia Generali ha annunciato un fondo.") == ["Generali"]
    assert orgs("Titolo", "Se ne parlerà agli Stati Generali della natalità.") == []


def test_associations_and_public_lenders_are_known() -> None:
    assert orgs("Titolo", "Lo chiedono Confesercenti e la Cna, mentre Simest finanzia il piano.") == [
        "Confesercenti", "Cna", "Simest"]
