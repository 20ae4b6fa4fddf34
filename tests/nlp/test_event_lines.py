"""``same_paragraph`` finds blank lines by bisection over the document's cached blank-line runs; it must
agree with the plain reading of the text between two tokens on every shape of blank line."""

from __future__ import annotations

import random

import spacy

from wiresift.nlp.events.lines import same_paragraph


def _plain(a: spacy.tokens.Token, b: spacy.tokens.Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n\n" not in a.doc.text[lo:hi].replace(" ", "").replace("\t", "")


def test_blank_lines_of_every_shape_agree_with_the_plain_reading() -> None:
    nlp = spacy.blank("en")
    pieces = ["Rebels", "fired", ".", "\n", "\n\n", "\n \n", " \t", "\n\t\n\n", "\n  \n \n", "town"]
    rng = random.Random(8)
    pairs = 0
    for _ in range(60):
        doc = nlp(" ".join(rng.choice(pieces) for _ in range(rng.randint(3, 20))))
        for a in doc:
            for b in doc:
                assert same_paragraph(a, b) == _plain(a, b), (doc.text, a.i, b.i)
                pairs += 1
    assert pairs > 1000


def test_a_blank_line_parts_a_chrome_line_from_the_next_paragraph() -> None:
    doc = spacy.blank("en")("Sponsored\n \nGunmen fired on the convoy.\nPolice said so.")
    sponsored, gunmen, police = doc[0], doc[2], doc[-4]
    assert not same_paragraph(sponsored, gunmen)
    assert same_paragraph(gunmen, police)
