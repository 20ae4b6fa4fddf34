"""The document cache's look-up (:func:`wiresift.nlp.doccache.of`) keeps documents apart."""

from __future__ import annotations

from wiresift.nlp import doccache


def test_doccache_of_tells_documents_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    a, b = nlp("Rebels seized the bridge."), nlp("Police arrested two smugglers.")
    cache_a = doccache.of(a)
    assert doccache.of(b) is not cache_a and doccache.of(b).doc is b
    assert doccache.of(a) is cache_a and doccache.of(a).lemmas[1] == "seize"


def test_doccache_first_from_finds_the_token_at_or_after_an_offset(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp("The mayor of Dunmore resigned on Friday.  Her deputy, Ana Ruiz, took over.")
    cache = doccache.of(sdoc)
    for pos in range(len(sdoc.text) + 2):
        expected = next((t.i for t in sdoc if t.idx >= pos), None)
        assert cache.first_from(pos) == expected
    assert cache.first_from(len(sdoc.text) + 1) is None


def test_doccache_sent_chars_are_the_sentences_character_bounds(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp("Floods closed the Tarrow bridge.\n\nCrews reopened it on Monday. Traffic is slow.  ")
    got = doccache.of(sdoc).sent_chars
    assert got == [(s.start_char, s.end_char) for s in sdoc.sents]
    assert len(got) >= 3


def test_doccache_sent_at_is_the_tokens_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp("Storms hit Varna overnight. Two ferries stayed in port. The coast guard said so.")
    cache = doccache.of(sdoc)
    for tok in sdoc:
        sent = cache.sent_at(cache.sent_index(tok.i))
        assert (sent.start, sent.end) == (tok.sent.start, tok.sent.end)
    assert cache.sent_at(1).start > 0
