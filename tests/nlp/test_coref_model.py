"""The learned coreference model: pronouns and nominals go to the entity they mean, or abstain.

Invented wording only (no evaluation text)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pytest

from wiresift.model import Document
from wiresift.nlp.entities.coref import Speaker, resolve, resolve_scored
from wiresift.nlp.entities.coref_model import FEATURES, DocCoref, load_weights
from wiresift.nlp.entities.coref_rules import resolve_rules
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.mentions import anaphors
from wiresift.nlp.entities.stage import build

if TYPE_CHECKING:
    from spacy.language import Language

TEXT = (
    "Maria Lopez, the chief executive of Vantor Motor Company, opened a plant in Ohio on Monday.\n"
    "She said the company would hire 300 workers next year.\n"
    "Tom Becker, a union organiser, welcomed the news. He said the jobs were overdue."
)


def indexed(nlp: Language, text: str) -> tuple[EntityIndex, str]:
    index = build(Document(text=text), nlp(text))
    return index, text


def speaker(text: str, word: str, nth: int = 0) -> Speaker:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    head = word.split()[-1]
    head_start = start + len(word) - len(head)
    return Speaker(start, start + len(word), head.lower(), head_start, head_start + len(head))


def name_of(index: EntityIndex, eid: str | None) -> str | None:
    entity = index.get(eid)
    return entity.name if entity else None


def test_weights_match_the_code() -> None:
    weights = load_weights()
    assert weights.coef.shape == (len(FEATURES),)
    assert 0.0 < weights.threshold < 1.0 and 0.5 < weights.name_confidence <= 1.0


def test_anaphors_are_third_person_pronouns_and_definite_nominals(nlp: Language) -> None:
    found = [(a.head, a.kind) for a in anaphors(nlp(TEXT))]
    assert ("she", "sg") in found and ("he", "sg") in found and ("company", "org") in found
    assert not any(head in ("i", "we", "workers", "plant") for head, _ in found)


def test_pronouns_go_to_the_person_they_mean(nlp: Language) -> None:
    index, text = indexed(nlp, TEXT)
    eid, p = resolve_scored(index, speaker(text, "She"))
    assert name_of(index, eid) == "Maria Lopez" and p >= load_weights().threshold
    assert name_of(index, resolve(index, speaker(text, "He"), None, -1)) == "Tom Becker"


def test_a_nominal_goes_to_the_organisation_whose_name_holds_its_head(nlp: Language) -> None:
    index, text = indexed(nlp, TEXT)
    eid, _ = resolve_scored(index, speaker(text, "the company"))
    assert name_of(index, eid) == "Vantor Motor Company"


def test_a_name_is_its_entity_with_the_name_confidence(nlp: Language) -> None:
    index, text = indexed(nlp, TEXT)
    eid, p = resolve_scored(index, speaker(text, "Tom Becker"))
    assert name_of(index, eid) == "Tom Becker" and p == load_weights().name_confidence


def test_abstains_with_no_candidate(nlp: Language) -> None:
    index, text = indexed(nlp, "He said the rain would stop by noon.")
    assert resolve_scored(index, speaker(text, "He")) == (None, 0.0)
    assert resolve_scored(None, speaker(text, "He")) == (None, 0.0)


def test_without_a_parse_the_rules_answer() -> None:
    from wiresift.model import Entity

    index = EntityIndex(entities={"e1": Entity(id="e1", name="Ann Roe", type="PERSON")})
    index.add(0, 7, "e1")
    eid, p = resolve_scored(index, Speaker(20, 22, "he", 20, 22))
    assert eid == "e1" and p == pytest.approx(0.5)


def test_gender_clash_lowers_a_candidate(nlp: Language) -> None:
    """A "she" after "Mr Hale" and "Ms Quint": the woman wins although the man came last."""
    text = "Ms Anna Quint met Mr Peter Hale at the summit. Later she said the talks had gone well."
    index, _ = indexed(nlp, text)
    state = DocCoref(index, index.sdoc, load_weights())  # type: ignore[arg-type]
    she = next(a for a in state.anaphors if a.head == "she")
    cands = state.candidates(she)
    probs = load_weights().prob(state.features(she, cands))
    best = cands[int(np.argmax(probs))].eid
    assert (name_of(index, best) or "").endswith("Anna Quint")


def _feature(state: DocCoref, head: str, name: str) -> dict[str, float]:
    """Feature ``name`` of each candidate of the anaphor ``head``, by candidate name."""
    ana = next(a for a in state.anaphors if a.head == head)
    cands = state.candidates(ana)
    x = state.features(ana, cands)
    column = FEATURES.index(name)
    return {state.index.entities[c.eid].name: float(x[row, column]) for row, c in enumerate(cands)}


def test_only_fit_marks_the_one_candidate_a_pronoun_agrees_with(nlp: Language) -> None:
    """After "Ms Anna Quint" and "Mr Peter Hale", a "she" has one candidate that fits, the nearest
    that fits; a "they" has no gender to rule anyone out."""
    text = "Ms Anna Quint met Mr Peter Hale at the summit. Later she said they had agreed on a plan."
    index, _ = indexed(nlp, text)
    state = DocCoref(index, index.sdoc, load_weights())  # type: ignore[arg-type]
    only = _feature(state, "she", "p_only_fit")
    nearest = _feature(state, "she", "p_nearest_fit")
    quint = next(n for n in only if n.endswith("Anna Quint"))
    hale = next(n for n in only if n.endswith("Peter Hale"))
    assert only[quint] == 1.0 and only[hale] == 0.0
    assert nearest[quint] == 1.0 and nearest[hale] == 0.0
    assert not any(_feature(state, "they", "p_only_fit").values())


def test_quote_outsider_marks_the_speaker_outside_a_quote_in_the_same_sentence(nlp: Language) -> None:
    """In 'Ms Berg said, "He never called back."' the "he" is someone other than the speaker Berg."""
    text = 'Tom Reyes ran the depot for years. Ms Ada Berg said, "He never called back."'
    index, _ = indexed(nlp, text)
    state = DocCoref(index, index.sdoc, load_weights())  # type: ignore[arg-type]
    outsider = _feature(state, "he", "p_quote_outsider")
    assert [n for n, v in outsider.items() if v] == [next(n for n in outsider if n.endswith("Ada Berg"))]


def test_vector_similarity_ignores_words_that_only_share_a_pruned_row() -> None:
    """A pruned vectors table gives unrelated words one vector ("firm" and "north" below): that is no
    likeness; the same word, or a word with a vector of its own, still counts."""
    from types import SimpleNamespace

    from spacy.vocab import Vocab

    vocab = Vocab()
    shared = np.array([1.0, 0.0, 0.0], dtype="float32")
    vocab.set_vector("firm", shared)
    vocab.set_vector("north", shared)
    vocab.set_vector("company", np.array([0.8, 0.6, 0.0], dtype="float32"))
    state = SimpleNamespace(sdoc=SimpleNamespace(vocab=vocab), _vectors={})
    similarity = DocCoref._similarity
    assert similarity(state, "firm", {"north"}) == 0.0  # type: ignore[arg-type]
    assert similarity(state, "firm", {"firm"}) == pytest.approx(1.0)  # type: ignore[arg-type]
    assert similarity(state, "firm", {"north", "company"}) == pytest.approx(0.8)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of nurses marched through Ostbury on Friday, and in the main square they said their wards "
        "were short of staff.",
        "The match in Ostbury drew a record crowd. After the final whistle, fans of both clubs sang for an "
        "hour, and later they said it was the best day of the season.",
    ],
)
def test_they_of_an_unnamed_group_is_not_the_place_named_nearby(nlp: Language, text: str) -> None:
    """A speaking "they" is the learned model's: a group the text does not name is no entity, where
    the rules gave the words to the last organisation or place."""
    index, text = indexed(nlp, text)
    eid, _ = resolve_scored(index, speaker(text, "they"))
    assert eid is None


def _hand_index() -> EntityIndex:
    from wiresift.model import Entity

    index = EntityIndex(entities={"e1": Entity(id="e1", name="Ann Roe", type="PERSON")})
    index.add(0, 7, "e1")
    return index


@pytest.mark.parametrize("word", ["I", "we"])
def test_a_first_person_speaker_is_the_quote_just_before_or_no_one(word: str) -> None:
    """ "I" or "we" right after Ann Roe's quote is hers; with no quote just before it is the writer or a
    group, not whoever was named last."""
    index = _hand_index()
    who = Speaker(300, 300 + len(word), word.lower(), 300, 300 + len(word))
    assert resolve_rules(index, who, None, -1) is None
    if word == "I":
        assert resolve_rules(index, who, "e1", 250) == "e1"


def test_after_a_close_quote_nobody_could_be_given_a_pronoun_takes_no_bystander() -> None:
    """A "he" right after a quote whose speaker is unknown is not simply the person named last."""
    index = _hand_index()
    he = Speaker(300, 302, "he", 300, 302)
    assert resolve_rules(index, he, None, -1) == "e1"  # no quote before: the person named last
    assert resolve_rules(index, he, None, 280) is None


def test_nominals_have_their_own_threshold(nlp: Language) -> None:
    """A nominal links only at the nominal threshold, whatever the pronouns' one."""
    index, _ = indexed(nlp, TEXT)
    shipped = load_weights()
    company = next(a for a in anaphors(index.sdoc) if a.head == "company")  # type: ignore[arg-type]
    p = DocCoref(index, index.sdoc, shipped).score(company)[1]  # type: ignore[arg-type]
    for nominal_threshold, links in ((min(p, 0.99), True), (min(p + 0.01, 1.0), False)):
        weights = replace(shipped, threshold=0.0, nominal_threshold=nominal_threshold)
        eid, _ = DocCoref(index, index.sdoc, weights).score(company)  # type: ignore[arg-type]
        assert (eid is not None) == links


def test_salience_features_count_subjects_and_the_lead(nlp: Language) -> None:
    text = (
        "Vantor Industries opened a plant in Ohio on Monday.\n"
        "Vantor Industries expects strong sales next year.\n"
        "Analysts compared the plan with one by Kelm Holdings.\n"
        "The company said the first cars would leave the line in May."
    )
    index, _ = indexed(nlp, text)
    state = DocCoref(index, index.sdoc, load_weights())  # type: ignore[arg-type]
    company = next(a for a in state.anaphors if a.head == "company")
    cands = state.candidates(company)
    x = state.features(company, cands)
    lead, subjects = FEATURES.index("n_lead"), FEATURES.index("n_subject_mentions")
    by_name = {name_of(index, c.eid): row for c, row in zip(cands, x, strict=True)}
    vantor, kelm = by_name["Vantor Industries"], by_name["Kelm Holdings"]
    assert (vantor[lead], kelm[lead]) == (1.0, 0.0)
    assert vantor[subjects] > kelm[subjects] == 0.0


def test_a_she_is_never_joined_to_a_man_named_by_his_first_name(nlp: Language) -> None:
    # Nothing but "Matthew" tells that Orland is a man: no title, no pronoun joined to him yet. The
    # woman the text does not name is no candidate, so without the first name the model took him.
    text = (
        "Matthew Orland questioned the night nurse about the report on Friday. Asked whether "
        "she had read it, she said it had never reached the ward."
    )
    index, _ = indexed(nlp, text)
    state = DocCoref(index, index.sdoc, load_weights())  # type: ignore[arg-type]
    orland = next(e.id for e in index.entities.values() if e.name == "Matthew Orland")
    assert state.sure_gender(orland) == "m"
    resolved = state.resolve_all()
    assert all(eid != orland for (s, _e), (eid, _p) in resolved.items() if text[s : s + 3] == "she")
