"""Short quoted phrases: mixed quotes inside a verb's object, show titles that are nobody's words,
and quotes that go on after their cue."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from quotes_support import quotes_of, speaker

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.extractor import Extractor

if TYPE_CHECKING:
    from spacy.language import Language


def test_cue_after_a_quote_that_ended_its_sentence_opens_a_new_one(pipeline: Pipeline) -> None:
    text = (
        'The minister mocked his rival with the nickname "Sleepy Sam." '
        'Okafor called the senator a "coward," a "liar" and "unfit."'
    )
    quotes = quotes_of(pipeline, text)
    assert not any(q.text.startswith('"Sleepy') for q in quotes), [q.text for q in quotes]
    (called,) = [q for q in quotes if q.cue == "called"]
    assert called.kind == "mixed"
    assert called.text.startswith("the senator a")
    assert speaker(called) == "Okafor"


def test_a_quote_after_a_whole_clause_is_not_the_cue_going_on(pipeline: Pipeline) -> None:
    text = (
        '"We will not close the crossing," Defence Minister Ana Ruiz said on Tuesday. Ruiz said the wave '
        'of raids demands that both governments show "more restraint" and "more patience."'
    )
    quotes = quotes_of(pipeline, text)
    assert len(quotes) == 2, [(q.kind, q.text) for q in quotes]
    q = quotes[1]
    assert q.kind == "mixed" and "demands that both governments show" in q.text
    assert speaker(q) == "Ruiz"


def test_a_show_title_after_a_preposition_is_not_a_quote(pipeline: Pipeline) -> None:
    text = (
        'Speaking on NTV\'s "Morning Brief," Colonel Idris Bako said the convoy had reached the '
        "northern garrison before dawn."
    )
    quotes = quotes_of(pipeline, text)
    assert [q.text for q in quotes] == ["the convoy had reached the northern garrison before dawn"]
    assert speaker(quotes[0]) == "Colonel Idris Bako"


def test_a_lower_case_phrase_after_a_preposition_is_still_a_mixed_quote(pipeline: Pipeline) -> None:
    text = 'Governor Hale compared the blockade to "a slow siege" in a speech to farmers.'
    (q,) = quotes_of(pipeline, text)
    assert q.kind == "mixed" and q.text.startswith("the blockade to")
    assert speaker(q) == "Governor Hale"


def test_a_quote_right_after_its_cue_goes_on_with_it(pipeline: Pipeline) -> None:
    text = '"We are not leaving," the mayor said. "Not this week, not next week."'
    quotes = quotes_of(pipeline, text)
    assert [speaker(q) for q in quotes] == ["the mayor", "the mayor"]


@pytest.mark.parametrize(
    ("text", "goes_on"),
    [
        ('"No," Lee said. "Not now."', True),
        ('"No," Lee said, "and not later."', True),
        ('"No," Lee told reporters at the airport. "Not now."', True),
        ('"No," Lee said the talks demand "more patience."', False),
        ('"No," Lee said on Friday. She said the talks demand "more patience."', False),
    ],
)
def test_which_quotes_go_on_after_a_cue(nlp: Language, text: str, goes_on: bool) -> None:
    extractor = Extractor(Document(text=text), nlp(text), None)
    cue = re.search(r"\b(said|told)\b", text).start()  # type: ignore[union-attr]
    second = text.index('"', text.index('"', 1) + 1)
    assert extractor.goes_on(cue, second) is goes_on


@pytest.mark.parametrize(
    ("text", "ends", "not_in"),
    [
        (
            "Lt. Col. Marta Vale told lawmakers it was her “duty” to report the flaw, as she deflected "
            "attacks from the committee on her record.",
            "duty” to report the flaw",
            "deflected",
        ),
        (
            "Vance insisted he had never used the phrase “harbour ghosts” and added, “I frankly dislike it.”",
            "“harbour ghosts”",
            "added",
        ),
        (
            "Lisbon said it stays loyal to the “two tracks” formula for the port, while the town’s "
            "wardens reject the charges and say they act with care.",
            "formula for the port",
            "wardens",
        ),
    ],
)
def test_mixed_quote_ends_before_an_aside_after_its_phrase(
    pipeline: Pipeline, text: str, ends: str, not_in: str
) -> None:
    mixed = [q for q in quotes_of(pipeline, text) if q.kind == "mixed"]
    assert mixed, text
    assert mixed[0].text.endswith(ends) and not_in not in mixed[0].text


def test_pull_quote_repeating_a_quote_is_no_statement(pipeline: Pipeline) -> None:
    text = (
        "Highlights of the hearing:\n\n"
        "“The harbour wall will not hold”\n\n"
        "Engineer Ana Ruiz told the panel, “The harbour wall will not hold. We warned them in March.”"
    )
    quotes = quotes_of(pipeline, text)
    assert [q.text for q in quotes] == ["“The harbour wall will not hold. We warned them in March.”"]


def test_quote_alone_on_its_line_is_kept_when_not_repeated(pipeline: Pipeline) -> None:
    text = (
        "Ana Ruiz spoke after the vote.\n\n“We will keep fighting for the harbour”\n\nThe council adjourned."
    )
    assert any("“We will keep fighting for the harbour”" in q.text for q in quotes_of(pipeline, text))


def test_cue_inside_a_quote_reports_nothing_outside_it(pipeline: Pipeline) -> None:
    text = "Yet the mayor has already revised her account twice — “Now I recall it,” she said of the pier."
    assert [q.text for q in quotes_of(pipeline, text) if q.cue == "recall"] == []
    text = "Most harbour workers “strongly agree” that the pier should reopen in the spring."
    assert any(q.text == "that the pier should reopen in the spring" for q in quotes_of(pipeline, text))


def test_a_quoted_subhead_alone_on_its_line_is_no_statement(pipeline: Pipeline) -> None:
    text = (
        "The mayor opened the ferry terminal on Monday.\n\n“A harbour for everyone”\n\n"
        "Builders spent two years on the terminal, which links the two halves of the town."
    )
    assert [q.text for q in quotes_of(pipeline, text) if "harbour for everyone" in q.text] == []
