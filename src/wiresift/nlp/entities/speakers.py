"""Persons the tagger missed that the parse shows speaking: "Tennis great Margot Ellery recalled …".

spaCy's NER leaves some full names untagged, most often after a lower-case role phrase ("tennis
great", "longtime aide") or in a name it has not seen. When such a name is the subject of a
reporting verb, the quote has a speaker mention and no entity, and every later "Ellery says" is a
bare word nobody can resolve. The evidence here is the parse and a name resource, not a list of
people: a run of two to four capitalised proper nouns (a compound chain ending on the verb's
subject) that reports — the verb reports speech (:data:`SPEECH_LEMMAS`) or takes a clause — and
whose first word is a known given name (the US Social Security list of
:mod:`~wiresift.nlp.entities.given_names`, the given names of the PETRARCH2 people, or a word whose
vector lies near theirs). A run ending
on an institution or organisation word ("Ann Lee Foundation said") is left to the organisation rules.
The same evidence retypes a speaking name the tagger took for a thing ("Margot Ellery" a work of
art) and splits one glued to its owner ("Acme's Dana Whitfield").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from wiresift.nlp import doccache
from wiresift.nlp.entities.given_names import share_female
from wiresift.nlp.entities.lexicon import TITLE_HEADS, fold_accents, words
from wiresift.nlp.entities.mentions import ORG_NOUNS, REPORT_LEMMAS
from wiresift.nlp.entities.persons import INSTITUTION_TAILS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

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
#: Cosine to the given-name prototype above which a word is a given name: given names the lists
#: leave out score 0.5-0.6 ("Dana", "Billie", "Kym"), the words that open organisations and places
#: under 0.3 ("Grand", "Kestrel", "Twitter", "New").
GIVEN_NAME_COSINE = 0.4
#: Types of things the tagger gives a speaking name by mistake; an ORG, GPE or NORP keeps its type
#: ("Morgan Stanley said" opens on a given name too).
THING_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"})


def _known_given(word: str, vocab: Vocab) -> bool:
    """A given name by the lists (the gendered SSA names, the PETRARCH2 people's given names) or, for
    the names both sexes bear that the SSA list leaves out ("Dana", "Billie"), by its word vector:
    near the mean vector of the known given names (:data:`GIVEN_NAME_COSINE`)."""
    from wiresift.nlp.entities.person_check import _cosine, _people_words

    if fold_accents(word.lower()) in share_female() or word in _people_words()[1]:
        return True
    return _cosine(vocab, word)[0] >= GIVEN_NAME_COSINE


def _reports(tok: Token, lemmas: list[str]) -> bool:
    """``tok`` is the subject of a verb that reports speech or takes a clause."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.i == tok.i:
        return False
    return lemmas[verb.i] in SPEECH_LEMMAS or any(c.dep_ == "ccomp" for c in verb.children)


def _person_name(run: Span) -> bool:
    """Two to four capitalised name words opening on a known given name, not an institution's."""
    if not 2 <= len(run) <= MAX_NAME_WORDS or not all(_NAME_WORD.fullmatch(t.text) for t in run):
        return False
    last = run[-1].lower_
    return (
        last not in INSTITUTION_TAILS and last not in ORG_NOUNS and _known_given(run[0].text, run.doc.vocab)
    )


def speaking_names(sdoc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the persons who report made PERSON: a name the tagger typed as a thing
    (:data:`THING_LABELS`: "Billie Jean King" a work of art) or glued to its owner ("Acme's Dana
    Whitfield" one work of art: the owner becomes an organisation), and the untagged ones
    (:func:`untagged_persons`)."""
    from spacy.tokens import Span

    lemmas = doccache.of(sdoc).lemmas
    out: list[Span] = []
    for ent in ents:
        if ent.label_ in THING_LABELS and len(ent) >= 2:
            owner = max((t.i for t in ent if t.tag_ == "POS"), default=None)
            start = ent.start if owner is None else owner + 1
            run = sdoc[start : ent.end]
            if _person_name(run) and _reports(run[-1], lemmas):
                if owner is not None and owner > ent.start:
                    out.append(Span(sdoc, ent.start, owner, label="ORG"))
                out.append(Span(sdoc, start, ent.end, label="PERSON"))
                continue
        out.append(ent)
    out = sorted([*out, *untagged_persons(sdoc, out)], key=lambda e: e.start)
    made = {e.text for e in out if e.label_ == "PERSON" and len(e) >= 2}
    # one name, one sense: the speaker's name typed a thing elsewhere in the article is the speaker
    return [
        Span(sdoc, e.start, e.end, label="PERSON") if e.label_ in THING_LABELS and e.text in made else e
        for e in out
    ]


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
    lemmas = doccache.of(sdoc).lemmas
    out = []
    for i in hits:
        if i in taken or not _reports(sdoc[i], lemmas):
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
        if _person_name(run):
            out.append(Span(sdoc, run.start, run.end, label="PERSON"))
    return out
