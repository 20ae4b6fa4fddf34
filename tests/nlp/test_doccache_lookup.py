"""The document cache's look-up (:func:`wiresift.nlp.doccache.of`) keeps documents apart."""

from __future__ import annotations

from wiresift.nlp import doccache


def test_doccache_of_tells_documents_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    a, b = nlp("Rebels seized the bridge."), nlp("Police arrested two smugglers.")
    cache_a = doccache.of(a)
    assert doccache.of(b) is not cache_a and doccache.of(b).doc is b
    assert doccache.of(a) is cache_a and doccache.of(a).lemmas[1] == "seize"
