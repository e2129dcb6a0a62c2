"""Topic classification (newsdesk/classify.py, cues in newsdesk/data/topics.yaml).

A topic is what the story is about: a cue matches whatever the inflection of the word in the
text, and a topic needs weight (title, lead, repeated mentions), not one mention in passing."""

from __future__ import annotations

import pytest
import simplemma

from newsdesk.classify import cue_hits, taxonomy

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


CASES = sorted({(topic.id, cue, form) for topic in taxonomy().topics.values() for cue in topic.cues
                for form in {cue, *inflected_forms(cue)}})


def test_the_form_generator_knows_italian() -> None:
    assert inflected_forms("dazio") == {"dazi"}
    assert inflected_forms("attacco informatico") == {"attacchi informatici"}
    assert inflected_forms("rete elettrica") == {"reti elettriche"}
    assert inflected_forms("piano di investimento") == {"piani di investimento"}
    assert inflected_forms("elettrica") >= {"elettriche", "elettrico", "elettrici"}
    assert inflected_forms("sovranità") == set()
    assert inflected_forms("Pechino") == set()
    assert len(CASES) > 250


@pytest.mark.parametrize(("topic", "cue", "form"), CASES)
def test_every_cue_matches_its_own_inflected_forms(topic: str, cue: str, form: str) -> None:
    hits = cue_hits(SENTENCE.format(form), "it")
    assert topic in {c.topic for c in hits}, f"{cue!r} does not match {form!r}"


def test_the_sentence_around_the_cue_is_no_cue() -> None:
    assert cue_hits(SENTENCE.format("tutto"), "it") == []


def test_tariffs_are_trade() -> None:
    # simplemma reads the lone word "dazio" as the verb "daziare", the plural "dazi" as "dazio"
    hits = cue_hits("Washington annuncia nuovi dazi sull’acciaio europeo.", "it")
    assert "trade" in {c.topic for c in hits}


def test_a_cue_under_two_topics_counts_for_both() -> None:
    hits = cue_hits("Le esportazioni di macchinari verso la Cina sono calate.", "it")
    assert {"trade", "geopolitics"} <= {c.topic for c in hits}


def test_an_acronym_cue_is_not_the_preposition() -> None:
    assert cue_hits("Ai lavoratori è stato promesso un aumento entro l’estate.", "it") == []
    assert [c.topic for c in cue_hits("Il nuovo modello di AI è stato presentato ieri.", "it")] == [
        "artificial-intelligence"]


def test_the_longest_cue_wins() -> None:
    hits = cue_hits("Le capacità di calcolo in Europa restano scarse.", "it")
    assert [c.text for c in hits] == ["capacità di calcolo"]


def test_a_verb_that_shares_a_nouns_lemma_is_not_the_noun() -> None:
    # simplemma gives "lancio" the lemma "lanciare": a launched subscription is no space launch
    assert cue_hits("L’operatore ha lanciato un nuovo abbonamento per le famiglie.", "it") == []
    assert [c.topic for c in cue_hits("Il lancio del satellite è previsto a marzo.", "it")] == ["space", "space"]
