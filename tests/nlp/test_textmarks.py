"""Quotation marks shared by the quotes and entities stages (:mod:`wiresift.nlp.textmarks`)."""

from __future__ import annotations

from wiresift.nlp.textmarks import inside_marks


def test_curly_marks_open_and_close() -> None:
    text = "The mayor said “the bridge will reopen” on Friday."
    assert inside_marks(text, 0, text.index("bridge"))
    assert not inside_marks(text, 0, text.index("Friday"))


def test_a_straight_mark_toggles() -> None:
    text = 'She called it "a fair deal" and "long overdue" before leaving.'
    assert inside_marks(text, 0, text.index("fair"))
    assert not inside_marks(text, 0, text.index("and"))
    assert inside_marks(text, 0, text.index("overdue"))


def test_marks_before_the_start_do_not_count() -> None:
    text = "“Ready,” he said. Then the council voted."
    assert not inside_marks(text, text.index("Then"), text.index("council"))


def test_a_low_opening_mark_opens() -> None:
    text = "The banner read „no more tolls” all week."
    assert inside_marks(text, 0, text.index("tolls"))
