"""The coreference geometry read from the document's arrays agrees with spaCy's tokens, and the
word-pair cosines kept across documents start anew for another vocabulary."""

from __future__ import annotations

from typing import Any

from spacy.vocab import Vocab

from wiresift.nlp.entities import coref_model
from wiresift.nlp.entities.mentions import REPORT_LEMMAS, SUBJECT_DEPS, Geometry
from wiresift.nlp.entities.salience import lines

TEXT = (
    "Harbour chief Lina Osei said the new berths would open in March.\n"
    "The port authority, which runs four terminals, told shippers it expects delays.\n\n"
    "Osei added that the dredging contract went to a firm from Valletta."
)


def _token_head(sdoc: Any, start: int, end: int) -> int:
    """The head token of ``[start, end)`` as the Token-based code found it."""
    toks = [t for t in sdoc if t.idx + len(t.text) > start and t.idx < max(end, start + 1)]
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return roots[0].i if len(roots) == 1 else toks[-1].i


def test_places_match_the_tokens(nlp: Any) -> None:
    sdoc = nlp(TEXT)
    geo = Geometry(sdoc)
    for ent in [*sdoc.ents, *sdoc.noun_chunks]:
        place = geo.place(ent.start_char, ent.end_char)
        tok = sdoc[_token_head(sdoc, ent.start_char, ent.end_char)]
        assert place.token == tok.i
        assert place.subject == (tok.dep_ in SUBJECT_DEPS)
        assert place.reporter == (place.subject and tok.head.lemma_.lower() in REPORT_LEMMAS)
        assert place.sent == [s.start for s in sdoc.sents].index(tok.sent.start)


def test_lines_split_at_line_breaks(nlp: Any) -> None:
    sdoc = nlp("Port reopens\nThe harbour chief said the berths are ready.")
    sent = sdoc[:]
    parts = lines(sent)
    expected = []
    start = 0
    for tok in sdoc:
        if tok.is_space and "\n" in tok.text:
            expected.append((start, tok.i + 1))
            start = tok.i + 1
    expected.append((start, len(sdoc)))
    assert [(p.start, p.end) for p in parts] == expected
    assert len(parts) == 2


def test_pair_cosines_start_anew_for_another_vocabulary() -> None:
    first, second = Vocab(), Vocab()
    pairs, _ = coref_model._pair_cosines(first)
    pairs[("company", "firm")] = 0.5
    assert coref_model._pair_cosines(first)[0] is pairs
    assert coref_model._pair_cosines(second)[0] == {}
