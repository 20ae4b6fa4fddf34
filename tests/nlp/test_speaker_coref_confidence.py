"""The speaker confidence knows how sure the coreference was: a pronoun or nominal speaker carries the
mention-ranking model's probability, margin and rivals for its entity.

Invented wording only (no evaluation text)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.model import Document
from wiresift.nlp.entities.coref import CorefEvidence, Speaker, coref_evidence
from wiresift.nlp.entities.stage import build
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.confidence import COREF_FEATURES, Evidence, feature_names, vector
from wiresift.nlp.quotes.stage import attribute

if TYPE_CHECKING:
    from spacy.language import Language


def _speaker(text: str, word: str) -> Speaker:
    found = re.search(rf"\b{word}\b", text)
    assert found is not None
    start = found.start()
    return Speaker(start, start + len(word), word.lower(), start, start + len(word))


def _evidence(coref: CorefEvidence | None) -> Evidence:
    return Evidence("subject", "pronoun", "antecedent", "PERSON", 80, 0, 0, False, True, True, coref)


def test_a_pronoun_with_one_fitting_candidate_has_no_rival(nlp: Language) -> None:
    text = "Ms Anna Quint met Mr Peter Hale at the port on Tuesday. Later she said the talks had gone well."
    index = build(Document(text=text), nlp(text))
    quint = next(e.id for e in index.entities.values() if e.name.endswith("Anna Quint"))
    found = coref_evidence(index, _speaker(text, "she"), quint)
    assert found is not None and found.p > 0.0 and not found.rival
    assert found.sentences == 1 and not found.via_pronoun


def test_a_pronoun_between_two_women_has_a_rival(nlp: Language) -> None:
    text = (
        "Ms Anna Quint met Ms Clara Dunmore at the port on Tuesday. Later she said the talks had gone well."
    )
    index = build(Document(text=text), nlp(text))
    eids = {e.name: e.id for e in index.entities.values() if e.type == "PERSON"}
    chosen = next(eid for name, eid in eids.items() if name.endswith("Clara Dunmore"))
    found = coref_evidence(index, _speaker(text, "she"), chosen)
    assert found is not None and found.rival


def test_an_entity_the_model_never_ranked_gets_no_probability(nlp: Language) -> None:
    text = "Mr Peter Hale arrived at the port on Tuesday. Later he said the talks had gone well."
    index = build(Document(text=text), nlp(text))
    found = coref_evidence(index, _speaker(text, "he"), "no-such-entity")
    assert found is not None and found.p == 0.0 and found.sentences == -1


def test_coref_features_are_zero_without_the_model_and_set_with_it() -> None:
    names = feature_names()
    assert set(COREF_FEATURES) <= set(names)
    bare = dict(zip(names, vector(_evidence(None)), strict=True))
    assert all(bare[n] == 0.0 for n in COREF_FEATURES)
    seen = dict(zip(names, vector(_evidence(CorefEvidence(0.7, 0.4, True, 2, True))), strict=True))
    assert seen["coref_scored"] == 1.0 and seen["coref_margin"] == 0.4
    assert seen["coref_rival"] == 1.0 and seen["coref_via_pronoun"] == 1.0


def test_a_pronoun_speaker_carries_the_models_view_of_its_link(nlp: Language) -> None:
    text = (
        "Mr Peter Hale, the harbour master, inspected the new cranes on Monday.\n\n"
        "He said the cranes would be working by March."
    )
    doc = Document(id="d", text=text)
    sdoc = nlp(text)
    index = build(doc, sdoc)
    pairs = [(q, ev) for q, ev in attribute(doc, sdoc, index, nlp) if q.speaker_mention is not None]
    assert pairs
    quote, evidence = pairs[0]
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "He"
    assert evidence is not None and evidence.mention == "pronoun" and evidence.coref is not None
    assert evidence.coref.p > 0.0


def _they_speaker(pipeline: Pipeline, text: str) -> str | None:
    doc = next(iter(pipeline.run([Document(id="d", text=text)])))
    they = [q for q in doc.quotes if q.speaker_mention is not None and q.speaker_mention.text == "They"]
    assert they
    return they[0].speaker_name


def test_they_goes_on_from_the_quote_of_an_organisation(pipeline: Pipeline) -> None:
    text = (
        "The Calvera Port Authority rejected the claims on Monday: “The cranes were inspected in May.” "
        "They also said the terminal would reopen on Friday."
    )
    assert _they_speaker(pipeline, text) == "Calvera Port Authority"


def test_they_stays_open_when_someone_else_is_named_since(pipeline: Pipeline) -> None:
    text = (
        "The Calvera Port Authority rejected the claims on Monday: “The cranes were inspected in May.” "
        "Dock workers Ana Lutz and Piet Sorel disputed that. They also said the terminal was unsafe."
    )
    assert _they_speaker(pipeline, text) is None


def _pronoun_speaker(pipeline: Pipeline, text: str, word: str) -> str | None:
    doc = next(iter(pipeline.run([Document(id="d", text=text)])))
    said = [q for q in doc.quotes if q.speaker_mention is not None and q.speaker_mention.text == word]
    assert said
    return said[0].speaker_name


SPOKESWOMAN = (
    "Norvik Air said on Tuesday it would cut 200 jobs at its Tromsdal base.\n\n"
    "A spokeswoman for Norvik Air said the cuts would be finished by June.\n\n"
)


def test_a_pronoun_after_an_organisations_unnamed_voice_is_the_organisation(pipeline: Pipeline) -> None:
    text = SPOKESWOMAN + "She said the airline would keep its route to Oslo."
    assert _pronoun_speaker(pipeline, text, "She") == "Norvik Air"


def test_the_voice_must_fit_the_pronouns_gender(pipeline: Pipeline) -> None:
    text = SPOKESWOMAN + "He said the airline would keep its route to Oslo."
    assert _pronoun_speaker(pipeline, text, "He") is None
