"""Memos the events stage keeps for speed must give what the plain calls give (issue #14, speed): an
actor resolved again inside one document's ``remembered`` block is the one resolved anew, and a copy
that its caller may change; the dateline check's place words read from the document cache are the
words the plain walk over every token finds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from wiresift.model import Document
from wiresift.nlp import doccache
from wiresift.nlp.events.actors import remembered, resolve
from wiresift.nlp.events.scenes import DATELINE_NEXT, _place_words, dateline_word
from wiresift.nlp.pipeline import Context, make_stage

if TYPE_CHECKING:
    from spacy.language import Language

TEXT = (
    "BELMORA, March 4 (Coastwire) -- The Tarvian army said it shelled the port of Belmora on Monday. "
    "Its commander, General Ida Vossberg, told reporters in Belmora that her troops later withdrew. "
    "Hundreds of fishermen blocked the harbour road, and they demanded compensation from the ministry."
)


def test_a_remembered_actor_is_the_plain_one_and_a_copy_of_its_own(nlp: Language) -> None:
    sdoc = nlp(TEXT)
    doc = Document(text=TEXT, published="2024-03-04")
    ctx = Context(parse=nlp)
    make_stage("entities")(doc, sdoc, ctx)
    index = ctx.data["entities"]
    heads = [t for t in sdoc if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    assert any(t.pos_ == "PRON" for t in heads)  # the coreference path is taken too
    plain = {
        (t.i, nested): resolve(t, index, doc.published, nested) for t in heads for nested in (False, True)
    }
    with remembered():
        for _ in range(2):  # the second round answers from memory
            for t in heads:
                for nested in (False, True):
                    got = resolve(t, index, doc.published, nested)
                    assert got == plain[(t.i, nested)], (t.text, nested)
                    got.code, got.sector = "XXX", "YYY"  # the caller's copy: the memory stays as it was
        assert resolve(heads[0], index, "1990-01-01") == resolve(heads[0], index, "1990-01-01")
    assert resolve(heads[0], index, doc.published) == plain[(heads[0].i, False)]


def _plain_dateline(tok: Token) -> bool:
    """:func:`dateline_word` as the walk over every token of the document it was written as."""
    if len(tok.text) < 4 or not tok.text.isupper() or not tok.is_alpha:
        return False
    if tok.ent_type_ not in {"GPE", "LOC"} and not any(
        t.ent_type_ in {"GPE", "LOC"} and t.text == tok.text.title() for t in tok.doc
    ):
        return False
    after = tok.doc.text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 3].lstrip(" ")
    if not after.startswith(DATELINE_NEXT):
        return False
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is None or not (before.is_alpha and before.text.isupper())


def test_dateline_words_read_from_the_cache_are_the_plain_walks(nlp: Language) -> None:
    texts = [
        TEXT,
        "Floods hit VARNOVO, Estavia - Estavia sent rescue teams to Varnovo on Sunday.",
        "KESTREL BAY, June 2 -- Police in Kestrel Bay arrested two men. ORSK, June 3 – Ferries stopped.",
    ]
    found = 0
    for text in texts:
        sdoc = nlp(text)
        plain_words = {t.text for t in sdoc if t.ent_type_ in {"GPE", "LOC"}}
        assert _place_words(doccache.of(sdoc)) == plain_words
        for tok in sdoc:
            assert dateline_word(tok) == _plain_dateline(tok), (text, tok.text)
            # a dateline the parser typed otherwise, found by its place name elsewhere ("Belmora")
            found += dateline_word(tok) and tok.ent_type_ not in {"GPE", "LOC"}
    assert found >= 1  # the cached words were asked for and found, not only passed over
