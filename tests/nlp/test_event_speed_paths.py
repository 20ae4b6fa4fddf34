"""Shortcuts the events stage takes for speed must give what the plain walks give: ``on_line`` keeps a
phrase whole without reading its tokens one by one only when none holds a line break or is made of
spaces, and the document cache's string lists stay the tokens' own strings when a later document reuses
strings an earlier one looked up."""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Token

from wiresift.nlp import doccache
from wiresift.nlp.events.lines import on_line


def _walk(toks: list[Token], head: Token) -> list[Token]:
    """``on_line`` as the plain walk over every token (no shortcut)."""
    out = [t for t in toks if t.i <= head.i]
    for k in range(len(out) - 1, -1, -1):
        if out[k].i < head.i and ("\n" in out[k].text or "\n" in out[k].whitespace_):
            out = out[k + 1 :]
            break
    after: list[Token] = []
    if not ("\n" in head.text or "\n" in head.whitespace_):
        for t in (t for t in toks if t.i > head.i):
            if "\n" in t.text:
                break
            after.append(t)
            if "\n" in t.whitespace_:
                break
    kept = [t for t in out if not t.is_space] + [t for t in after if not t.is_space]
    return kept or [head]


def test_on_line_agrees_with_the_plain_walk_with_and_without_breaks() -> None:
    nlp = spacy.blank("en")
    pieces = ["Advertisement", "Coastal", "police", "of", "Marlow", "\n", "\n\n", "  ", "officers", "said"]
    rng = random.Random(14)
    whole = broken = 0
    for _ in range(80):
        doc = nlp(" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 14))))
        for head in doc:
            for start in range(head.i + 1):
                for end in range(head.i + 1, len(doc) + 1):
                    toks = list(doc[start:end])
                    got = on_line(toks, head)
                    assert [t.i for t in got] == [t.i for t in _walk(toks, head)], (
                        doc.text,
                        start,
                        end,
                        head.i,
                    )
                    if any(t.is_space or "\n" in t.text for t in toks):
                        broken += 1
                    else:
                        whole += 1
    assert whole > 100 and broken > 100  # both the shortcut and the walk were taken


def test_cached_strings_are_each_documents_own() -> None:
    nlp = spacy.blank("en")
    first = nlp("Rangers shelled the depot near Tarvik on Monday.")
    second = nlp("The depot near Tarvik was SHELLED again, RANGERS said.")
    for doc in (first, second):
        cache = doccache.of(doc)
        assert cache.lowers == [t.lower_ for t in doc]
        assert cache.texts == [t.text for t in doc]
        assert cache.lemmas == [t.lemma_.lower() for t in doc]
    assert doccache.of(nlp("")).lowers == []


def test_cached_strings_stay_right_when_the_table_starts_anew(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(doccache, "NAMES_KEPT", 2)
    nlp = spacy.blank("en")
    for text in ("Ferry crews in Saltmarsh struck on Friday.", "Saltmarsh ferry CREWS returned to work."):
        doc = nlp(text)
        assert doccache.of(doc).lowers == [t.lower_ for t in doc]
    assert len(doccache._NAMES[("LOWER", None)]) <= len(doc)  # the second document's strings only
