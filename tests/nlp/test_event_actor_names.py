"""Actor codes of names the dictionaries spell another way (issue #14): a possessive clitic the tokenizer
splits off is read joined, or without its apostrophe."""

from __future__ import annotations

from wiresift.nlp.events.actor_codes import lookup


def test_a_split_clitic_is_read_as_the_dictionary_spells_the_name() -> None:
    words = ["democratic", "people", "'s", "republic", "of", "korea"]
    assert lookup(words, "2021-03-04") == "PRK"  # not South Korea's code from "republic of korea"


def test_a_possessor_before_its_clitic_keeps_its_code() -> None:
    assert lookup(["ghana", "'s", "army"], "2021-03-04") == "GHA"
