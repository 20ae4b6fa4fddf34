"""The time stage's trigger search (``patterns._triggers``) finds exactly the matches of the plain
``_TRIGGER.finditer``: it only skips places where no match can start."""

from __future__ import annotations

import random
import re

from wiresift.nlp.time import patterns

WORDS = sorted(set(re.findall(r"[a-z]+", patterns._TRIGGER.pattern)))
SEPARATORS = ["", " ", "  ", "\n", ".", ",", "-", "'", "1", "19", "2020", "'9", "a ", "3 pm", "7:30", "x"]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_every_word_the_trigger_opens_with_is_a_start() -> None:
    for word in WORDS:
        if patterns._TRIGGER.match(word):
            assert patterns._TRIGGER_START.match(word), word


def test_triggers_equal_the_plain_search_on_random_text() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 12)))
        assert _spans(patterns._triggers(text)) == _spans(patterns._TRIGGER.finditer(text)), text


def test_triggers_on_news_text() -> None:
    text = (
        "on tuesday the council said that in the past two weeks, at 3 pm and again at 7:30, "
        "the '90s flood levels returned; nowadays a long while passes before spring. "
        "annually, for the forties, know-how, snowfall, seasonal terms and 1999 or 2021 troops."
    )
    assert _spans(patterns._triggers(text)) == _spans(patterns._TRIGGER.finditer(text))
    assert _spans(patterns._triggers(text))  # the text has triggers
