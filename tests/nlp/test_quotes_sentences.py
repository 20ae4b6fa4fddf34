"""The sentence a reported content may not leave (:mod:`wiresift.nlp.quotes.sentences`); invented text."""

from __future__ import annotations

from wiresift.nlp.quotes.marks import marked_spans
from wiresift.nlp.quotes.sentences import clip_to_sentence, sentence_unit


def _unit(text: str, word: str) -> str:
    lo, hi = sentence_unit(text, text.index(word), marked_spans(text))
    return text[lo:hi].strip()


def test_units_end_at_stops_line_breaks_and_closing_marks() -> None:
    text = "The mayor spoke first. Then the council voted.\nNobody left early."
    assert _unit(text, "council") == "Then the council voted."
    assert _unit(text, "Nobody") == "Nobody left early."
    text = "“We will not wait,” she said. The port reopened 3 days later."
    assert _unit(text, "said") == "“We will not wait,” she said."


def test_quoted_stops_and_abbreviations_do_not_end_a_unit() -> None:
    text = "He called the plan “a mess. A total mess.” Aides agreed."
    assert _unit(text, "called") == "He called the plan “a mess. A total mess.”"
    text = "Mr. Lane met Sen. Ortiz at 9 a.m. Monday in the U.S. Capitol. They talked."
    assert _unit(text, "Ortiz") == "Mr. Lane met Sen. Ortiz at 9 a.m. Monday in the U.S. Capitol."


def test_content_running_into_the_next_sentence_is_cut_back() -> None:
    text = "The agency said output rose by 4 percent. Prices fell 12 percent in May."
    start, cue = text.index("output"), text.index("said")
    got = clip_to_sentence(text, start, len(text) - 1, cue, marked_spans(text))
    assert got is not None and text[got[0] : got[1]] == "output rose by 4 percent"
    text = "“It was a fine year.”\nSales rose 7 percent, according to the firm."
    got = clip_to_sentence(text, 1, text.index(", according"), text.index("according"), marked_spans(text))
    assert got is not None and text[got[0] : got[1]] == "Sales rose 7 percent"


def test_content_inside_its_sentence_or_elsewhere_is_left_alone() -> None:
    text = "She said the vote was close. Later: the count was redone."
    start, end = text.index("the vote"), text.index(". Later")
    assert clip_to_sentence(text, start, end, text.index("said")) == (start, end)
    other = text.index("the count")
    assert clip_to_sentence(text, other, len(text) - 1, text.index("said")) == (other, len(text) - 1)


def test_abbreviations_at_a_line_start_or_after_a_hyphen() -> None:
    text = "Mrs. Ortiz met then-Gov. Lane at the pier. They spoke."
    assert _unit(text, "pier") == "Mrs. Ortiz met then-Gov. Lane at the pier."
