"""Persons the tagger missed that the parse shows speaking: "Tennis great Margot Ellery recalled …".

spaCy's NER leaves some full names untagged, most often after a lower-case role phrase ("tennis
great", "longtime aide") or in a name it has not seen. When such a name is the subject of a
reporting verb, the quote has a speaker mention and no entity, and every later "Ellery says" is a
bare word nobody can resolve. The evidence here is the parse and a name resource, not a list of
people: a run of two to four capitalised proper nouns (a compound chain ending on the verb's
subject) that reports — the verb reports speech (:data:`SPEECH_LEMMAS`) or takes a clause — and
whose first word is a known given name (the US Social Security list of
:mod:`~wiresift.nlp.entities.given_names` or the given names of the PETRARCH2 people). A run ending
on an institution or organisation word ("Ann Lee Foundation said") is left to the organisation rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from wiresift.nlp import doccache
from wiresift.nlp.entities.given_names import share_female
from wiresift.nlp.entities.lexicon import TITLE_HEADS, words
from wiresift.nlp.entities.mentions import ORG_NOUNS, REPORT_LEMMAS
from wiresift.nlp.entities.persons import INSTITUTION_TAILS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Verbs whose subject speaks, beyond the reporting lemmas the coreference features use (those are
#: fitted into learned weights and stay as they are): recalling, remembering, posting and the like.
SPEECH_LEMMAS = REPORT_LEMMAS | words(
    "recall remember tweet post insist testify recount reflect praise criticize criticise urge reveal"
)
#: Courtesy titles and ranks that may open the run without being part of the name ("Dr.", "Sen.").
_HONORIFICS = words("mr mrs ms miss dr prof sen rep gov gen col capt sgt lt rev hon sir dame lady lord")
#: A word of a name: a capital, then letters (apostrophes and hyphens inside: "O'Connor", "Smith-Jones"),
#: or an initial ("J.").
_NAME_WORD = re.compile(r"[A-Z](?:[a-z]+(?:['’-][A-Za-z][a-z]+)*|[a-z]*[A-Z][a-z]+|\.)")
MAX_NAME_WORDS = 4


def _known_given(word: str) -> bool:
    from wiresift.nlp.entities.person_check import _people_words

    low = word.lower()
    return low in share_female() or word in _people_words()[1]


def untagged_persons(sdoc: Doc, ents: list[Span]) -> list[Span]:
    """PERSON spans for the untagged names that report (see the module docstring), none overlapping
    ``ents``."""
    from spacy.attrs import DEP, ENT_IOB, POS
    from spacy.tokens import Span

    if not len(sdoc):
        return []
    strings = sdoc.vocab.strings
    arr = sdoc.to_array([POS, DEP, ENT_IOB])
    hits = np.nonzero(
        (arr[:, 0] == strings["PROPN"]) & (arr[:, 1] == strings["nsubj"]) & (arr[:, 2] == 2)  # 2: outside
    )[0].tolist()
    if not hits:
        return []
    taken = {i for e in ents for i in range(e.start, e.end)}
    cache = doccache.of(sdoc)
    out = []
    for i in hits:
        tok = sdoc[i]
        verb = tok.head
        if verb.pos_ != "VERB" or i in taken:
            continue
        if cache.lemmas[verb.i] not in SPEECH_LEMMAS and not any(c.dep_ == "ccomp" for c in verb.children):
            continue
        left = i
        while (
            left > 0
            and sdoc[left - 1].pos_ == "PROPN"
            and sdoc[left - 1].dep_ == "compound"
            and left - 1 not in taken
            and sdoc[left - 1].whitespace_ != ""
        ):
            left -= 1
        while left < i and sdoc[left].lower_.rstrip(".") in _HONORIFICS | TITLE_HEADS:
            left += 1  # "Coach Ann Lee": the office is a title, not a name
        run = sdoc[left : i + 1]
        if not 2 <= len(run) <= MAX_NAME_WORDS or not all(_NAME_WORD.fullmatch(t.text) for t in run):
            continue
        last = run[-1].lower_
        if last in INSTITUTION_TAILS or last in ORG_NOUNS or not _known_given(run[0].text):
            continue
        out.append(Span(sdoc, run.start, run.end, label="PERSON"))
    return out
