"""Participle cues a preposition takes: the clause's subject speaks ("angered voters by calling …")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes_support import by_cue, quotes_of, speaker

from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.cues import participle_subject, subject_group

if TYPE_CHECKING:
    from spacy.language import Language


def _verb(nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp(text) if t.text == word)


def test_participle_after_by_reports_for_the_clause_subject(pipeline: Pipeline) -> None:
    text = "Senator Alma Reyes angered farm groups by attacking the water plan during a radio interview."
    attacking = by_cue(quotes_of(pipeline, text), "attacking")
    assert attacking.text == "the water plan" and speaker(attacking) == "Senator Alma Reyes"


def test_participle_subject_is_the_verb_subject_of_a_listed_preposition(nlp: Language) -> None:
    verb = _verb(
        nlp, "The mayor opened the session by thanking the volunteers of the flood crews.", "thanking"
    )
    subj = participle_subject(verb)
    assert subj is not None and subj.text == "mayor"
    assert subject_group(verb) == "noun"


def test_participle_after_from_or_instead_of_speaks_for_no_one(nlp: Language) -> None:
    # "refrained from attacking" is no attack; "instead of denying" no denial
    refrained = _verb(
        nlp, "On Monday, Ms. Harlow refrained from attacking her rivals on the council.", "attacking"
    )
    assert participle_subject(refrained) is None
    instead = _verb(nlp, "The board, instead of denying the loans, cut their size by half.", "denying")
    assert participle_subject(instead) is None


def test_participle_after_a_copula_speaks_for_no_one(nlp: Language) -> None:
    verb = _verb(
        nlp,
        "For years, the council has been at the forefront in criticizing the harbour plan.",
        "criticizing",
    )
    assert participle_subject(verb) is None
