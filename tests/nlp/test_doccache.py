"""The per-document cache gives what reading the tokens one by one gives, and keeps no Doc alive."""

from __future__ import annotations

import gc
import weakref

import pytest

from wiresift.nlp import doccache

# Invented text: coordinations, to-infinitives, an upper-case dateline, double spaces and line breaks.
TEXT = (
    "HARBOURTON (Wire) — Rebels and soldiers fought to free the town, and the mayor asked them to "
    "leave.\n\nShe said Mr. O'Neil wants  peace, talks and an end to the blockade.  Nobody came."
)


@pytest.fixture(scope="module")
def sdoc(nlp):  # type: ignore[no-untyped-def]
    return nlp(TEXT)


def test_values_match_the_tokens(sdoc) -> None:  # type: ignore[no-untyped-def]
    cache = doccache.of(sdoc)
    assert doccache.of(sdoc) is cache
    assert cache.text == sdoc.text
    assert cache.texts == [t.text for t in sdoc]
    assert cache.lemmas == [t.lemma_.lower() for t in sdoc]
    assert cache.pos == [t.pos_ for t in sdoc]
    assert cache.deps == [t.dep_ for t in sdoc]
    assert cache.lowers == [t.lower_ for t in sdoc]
    assert cache.ent_types == [t.ent_type_ for t in sdoc]
    assert cache.starts == {t.idx: t.i for t in sdoc}
    assert cache.offsets == [t.idx for t in sdoc]
    # a span's text, trailing spaces and line breaks inside it as the Span gives them
    for start in range(len(sdoc)):
        for end in range(start, min(len(sdoc), start + 4) + 1):
            assert cache.span_text(start, end) == sdoc[start:end].text, (start, end)
    assert [(s.start, s.end) for s in cache.sents] == [(s.start, s.end) for s in sdoc.sents]
    assert cache.sent_bounds == [(s.start, s.end) for s in sdoc.sents]
    sent = cache.sents[1]
    assert cache.sent_lemmas(sent) == {t.lemma_.lower() for t in sent}
    for start, end in [
        (0, 0),
        (sent.start_char, sent.start_char + 12),
        (sent.start_char + 3, 10**6),
        (50, 20),
    ]:
        expected = [t.i for t in sent if start <= t.idx < end]
        assert list(cache.tokens_between(sent, start, end)) == expected


def test_lookups_match_the_tokens(sdoc) -> None:  # type: ignore[no-untyped-def]
    """``lower_in`` finds the tokens by their lower-cased text, case aside; ``sent_index`` tells the
    sentence of each token as ``Token.sent`` does."""
    cache = doccache.of(sdoc)
    words = frozenset({"rebels", "and", "peace", "nobody", "absent"})
    assert cache.lower_in(words) == [t.i for t in sdoc if t.lower_ in words]
    assert len(cache.lower_in(words)) >= 5  # "Rebels", both "and"s, "peace", "Nobody"
    assert cache.lower_in(frozenset()) == []
    starts = [s.start for s in sdoc.sents]
    assert len(starts) >= 3
    for tok in sdoc:
        assert cache.sent_index(tok.i) == starts.index(tok.sent.start)


def test_sentences_of_a_hand_split_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    """Sentence bounds read from the starts array match spaCy's for set starts and for a one-word doc."""
    doc = nlp.make_doc("Rebels fought . Talks stalled . Nobody came")
    for tok in doc:
        tok.is_sent_start = tok.i in {0, 3, 6}
    assert [(s.start, s.end) for s in doccache.of(doc).sents] == [(0, 3), (3, 6), (6, 8)]
    assert [doccache.of(doc).sent_index(i) for i in range(8)] == [0, 0, 0, 1, 1, 1, 2, 2]
    single = nlp("Peace.")
    assert [(s.start, s.end) for s in doccache.of(single).sents] == [(s.start, s.end) for s in single.sents]


def test_structure_matches_the_parse(sdoc) -> None:  # type: ignore[no-untyped-def]
    cache = doccache.of(sdoc)
    assert any(t.conjuncts for t in sdoc)  # the text has coordinations to find
    for tok in sdoc:
        if tok.conjuncts:
            assert tok.i in cache.coordinated
        assert cache.children(tok.i) == [c.i for c in tok.children]
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        assert (tok.i in cache.heads_of("aux", "to")) == has_to
        assert sorted(cache.subtree(tok.i)) == sorted(t.i for t in tok.subtree)
    assert max(len(cache.subtree(t.i)) for t in sdoc) > 5  # some phrases have words of their own
    assert cache.head_indices() == [t.head.i for t in sdoc]
    assert cache.lemma_forms() == [t.lemma_ for t in sdoc]
    assert any(f != f.lower() for f in cache.lemma_forms())  # case kept ("O'Neil")
    lefts, rights = cache.edges()
    assert lefts == [t.left_edge.i for t in sdoc]
    assert rights == [t.right_edge.i for t in sdoc]
    assert any(left < t.i - 2 for left, t in zip(lefts, sdoc, strict=True))  # edges reach past the children


def test_arrays_are_read_once_and_kept_unchanged(sdoc) -> None:  # type: ignore[no-untyped-def]
    cache = doccache.of(sdoc)
    assert cache._ids("DEP") is cache._ids("DEP")
    with pytest.raises(ValueError):
        cache._ids("LOWER")[0] = 0  # shared by every look-up: no caller may change it


def test_memo_builds_once(sdoc) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    cache = doccache.of(sdoc)
    for _ in range(3):
        assert cache.memo(("test", 1), lambda: calls.append(1) or 42) == 42
    assert calls == [1]


def test_cache_goes_with_its_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The council met to vote.")
    assert doccache.of(doc).lemmas[:2] == ["the", "council"]
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None  # the cache held no token, span or Doc that kept it alive
