"""The CAMEO verb patterns' index (by object word and by anchor) picks the pattern that checking every
pattern in order picks, on invented sentences whose verbs have particles, prepositions, subjects and
objects; and the features read from the document's arrays are those the tokens give."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from wiresift.nlp.events.lexicon import VerbBlock, pattern_anchor, verbs
from wiresift.nlp.events.patterns import _hits, _match, best_pattern, features

if TYPE_CHECKING:
    from spacy.language import Language

SENTENCES = [
    "Opposition delegates walked out of the talks in Varnos on Tuesday.",
    "The rebels surrendered to the army after a week of fighting near Kestel.",
    "The council sided with the miners and broke off relations with the company.",
    "Police rounded up dozens of activists and put the city on alert.",
    "The ministry sent 40 tonnes of food and a team of doctors to the flooded province.",
    "Armoured columns moved toward the border as the envoy called on both sides to hold talks.",
    "The court found no evidence that the mayor had accepted bribes from the builders.",
    "Troops attacked the village for three hours and withdrew from the valley at dawn.",
]


def _brute_force(
    blocks: list[VerbBlock], feats: dict[str, Any], lemma: str
) -> tuple[int, dict[str, Any]] | None:
    """:func:`best_pattern` with every pattern checked in order, no index."""
    if not blocks:
        return None
    hits = {"obj": _hits(feats["obj"]), "subj": _hits(feats["subj"])}
    for strict, own in ((True, True), (True, False), (False, True), (False, False)):
        best: tuple[int, dict[str, Any]] | None = None
        for block in blocks:
            sized = block.sized_patterns_of(lemma, own)
            if not strict:
                sized = [sp for sp in sized if "obj_mods" in sp[1]]
            for size, pattern in sized:
                if best is not None and (size < best[0] or (size == best[0] and "obj" in best[1])):
                    break
                if (best is None or "obj" in pattern) and _match(pattern, feats, hits, strict):
                    best = (size, pattern)
                    if "obj" in pattern:
                        break
        if best is not None:
            return best
    return None


@pytest.mark.parametrize("text", SENTENCES)
def test_indexed_patterns_pick_what_checking_all_picks(nlp: Language, text: str) -> None:
    table = verbs().by_lemma
    checked = 0
    for tok in nlp(text):
        if tok.pos_ != "VERB":
            continue
        for key in {tok.lemma_.lower(), *(f"{tok.lemma_.lower()} {c.lower_}" for c in tok.children)}:
            if key in table:
                feats = features(tok)
                assert best_pattern(table[key], feats, key) == _brute_force(table[key], feats, key), key
                checked += 1
    assert checked


def test_features_from_the_arrays_match_the_tokens(nlp: Language) -> None:
    doc = nlp("Police rounded up dozens of protesters and sent armoured trucks into the square.")
    rounded = next(t for t in doc if t.lower_ == "rounded")
    sent = next(t for t in doc if t.lower_ == "sent")
    assert features(rounded)["part"] == {"up"}
    assert features(rounded)["subj"] == {"police"}
    assert "protester" in features(rounded)["obj"]  # the counted noun, not "dozens"
    feats = features(sent)
    assert "truck" in feats["obj"] and "into" in feats["preps"]
    assert [t.i for t in feats["obj_toks"]] == [next(t.i for t in doc if t.lower_ == "trucks")]


def test_every_pattern_without_an_object_has_an_anchor() -> None:
    """A pattern with no anchor would be checked for every verb of its lemma: the dictionary has none."""
    for lemma, blocks in verbs().by_lemma.items():
        for block in blocks:
            for _, pattern in block.sized_patterns_of(lemma, False):
                assert "obj" in pattern or pattern_anchor(pattern) is not None, (lemma, pattern)
