"""Local speaker mentions of the quotes stage: who the parse says reports, in invented sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from quotes_support import quotes_of

from wiresift.model import Quote
from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.clauses import quoted_first_person
from wiresift.nlp.quotes.common import Found

if TYPE_CHECKING:
    from spacy.language import Language


def mention_of(quotes: list[Quote], words: str) -> str | None:
    """The speaker mention of the one quote holding ``words``."""
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    mention = found[0].speaker_mention
    return mention.text if mention is not None else None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The panel forced Marta Velasquez, the port authority chief, to admit that no guard had "
            "checked the containers.",
            "no guard",
            "Marta Velasquez",
        ),
        (
            "The leak has led the defence minister to conclude that the army needs a new radio network.",
            "new radio",
            "the defence minister",
        ),
        (
            "The clashes also left many officers feeling that the truce had failed.",
            "truce",
            "many officers",
        ),
    ],
)
def test_the_object_of_a_causing_verb_speaks(pipeline: Pipeline, text: str, words: str, speaker: str) -> None:
    mention = mention_of(quotes_of(pipeline, text), words)
    assert mention is not None and speaker in mention


def test_a_directive_leaves_the_speaker_with_its_subject(pipeline: Pipeline) -> None:
    text = "Senator Ruth Amadi urged her colleagues to reject the arms deal with the junta."
    assert mention_of(quotes_of(pipeline, text), "arms deal") == "Senator Ruth Amadi"


def test_the_person_in_footage_asks(pipeline: Pipeline) -> None:
    text = 'The rival party\'s spot uses old footage of Governor Tom Reyes asking, "Why should we pay for their war?"'
    mention = mention_of(quotes_of(pipeline, text), "their war")
    assert mention is not None and "Reyes" in mention


def test_an_aside_names_the_speaker_of_a_quoted_phrase(pipeline: Pipeline) -> None:
    text = 'Young voters, he said, can "march like soldiers" and "organize like unions."'
    assert mention_of(quotes_of(pipeline, text), "organize") == "he"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "After the vote, Governor Lena Marsh issued a short statement:\n\n"
            '"We will not let this cowardly attack divide our state. Our police will find those responsible."',
            "Governor Lena Marsh",
        ),
        (
            "Senator Ravi Patel has joined the camp of hardliners in the upper house of parliament: "
            '"We must arm our allies before it is too late."',
            "Senator Ravi Patel",
        ),
        (
            "General Ines Okoro gave a long interview to the Norwegian daily Aftenposten: "
            '"Both sides are rearming at a pace we have not seen in years."',
            "General Ines Okoro",
        ),
        (
            'Critics of the treaty were blunt - Tom Brandt: "Both sides are rearming at a pace we have not seen."',
            "Tom Brandt",
        ),
    ],
)
def test_the_clause_before_a_colon_names_the_speaker(pipeline: Pipeline, text: str, speaker: str) -> None:
    direct = [q for q in quotes_of(pipeline, text) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker_mention is not None
    assert direct[0].speaker_mention.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Fares rose again in Bree. Ann Lee, the transit chief, said the rise was small.\n\n"
            "As the union leader Karl Odum put it, \u201cEvery cent of this comes out of a cleaner's pocket.\u201d",
            "the union leader Karl Odum",
        ),
        (
            "The harbour board met on Monday. Mayor Ines Varga said the ferry would run again soon.\n\n"
            "Later that evening, Tomas Brenner issued a short statement, "
            "\u201cWe will not close the pier while families still rely on it.\u201d",
            "Tomas Brenner",
        ),
    ],
)
def test_the_clause_before_a_comma_names_the_speaker_of_an_uncued_quote(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    """Not the subject of the last reporting verb before it (the rule of an uncued quote)."""
    direct = [q for q in quotes_of(pipeline, text) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker_mention is not None
    assert direct[0].speaker_mention.text == speaker


def test_a_passive_clause_before_a_comma_names_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Budget director Ola Nyberg said on Monday that revenue had fallen short.\n\n"
        "Two new levies were postponed in the spending deal, \u201cwhich may look like a large sum, "
        "but it is a rounding error for a state of this size.\u201d"
    )
    assert mention_of(quotes_of(pipeline, text), "rounding error") != "Two new levies"


def test_a_cue_the_parse_left_without_subject_takes_the_name_opening_the_sentence(pipeline: Pipeline) -> None:
    # the parse makes "Varga" the subject of "sees" inside the aside and leaves "said" with none
    text = (
        "Varga, who has told aides she sees the two crises as linked, said in her written statement: "
        '"We are trying to keep the mills open and the workers paid. There is no time left to sit and '
        'wait on the council."'
    )
    assert mention_of(quotes_of(pipeline, text), "mills open") == "Varga"


def test_a_colon_after_there_is_no_speaker(pipeline: Pipeline) -> None:
    text = 'The rebels sent a list. Here they are:\n\n"Withdraw the troops from the border and free the prisoners."'
    assert mention_of(quotes_of(pipeline, text), "Withdraw") != "they"


def test_a_report_inside_according_to_is_the_sources(pipeline: Pipeline) -> None:
    text = (
        "General Omar Haddad ordered the army to delay the withdrawal from the border towns, "
        "according to two officials who attended the meeting."
    )
    quotes = quotes_of(pipeline, text)
    inner = [q for q in quotes if q.text.startswith("the army to delay")]
    assert len(inner) == 1 and inner[0].speaker_mention is not None
    assert "two officials" in inner[0].speaker_mention.text


def test_a_subject_inside_another_quote_is_not_the_speaker(pipeline: Pipeline) -> None:
    text = (
        'The hearing turned tense. "Senator," Mara Quist, the budget director, said, '
        '"We cannot pay for two new frigates and a tanker fleet in the same year."'
    )
    mention = mention_of(quotes_of(pipeline, text), "frigates")
    assert mention is not None and "Quist" in mention


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "A new survey by the Harlow Institute found that 61 percent of reservists said they would not "
            "serve another tour abroad.",
            "they would not serve",
            "survey",
        ),
        (
            "A poll released on Monday shows that a majority of farmers say the tariff will ruin them.",
            "the tariff will",
            "poll",
        ),
    ],
)
def test_a_share_of_respondents_speaks_through_the_poll(
    pipeline: Pipeline, text: str, words: str, speaker: str
) -> None:
    inner = [q for q in quotes_of(pipeline, text) if q.text.startswith(words)]
    assert len(inner) == 1 and inner[0].speaker_mention is not None
    assert speaker in inner[0].speaker_mention.text


def test_a_second_that_clause_goes_on_with_the_outer_report(pipeline: Pipeline) -> None:
    text = (
        "Defence Minister Ana Lutz said the army would stay in the north and that she expects "
        "the talks with the rebels to fail."
    )
    inner = [q for q in quotes_of(pipeline, text) if q.text.startswith("the talks")]
    assert len(inner) == 1 and inner[0].speaker_mention is not None
    assert "Lutz" in inner[0].speaker_mention.text


@pytest.mark.parametrize(
    "text",
    [
        "When it was revealed that the agency had kept the files, the director resigned.",
        "It seems that the ministry will cancel the contract with the shipyard.",
        "It is hard to say whether the new sanctions will hurt the regime in the capital.",
    ],
)
def test_a_placeholder_it_is_no_source(pipeline: Pipeline, text: str) -> None:
    quotes = quotes_of(pipeline, text)
    assert quotes and all(q.speaker_mention is None for q in quotes)


def test_a_restrictive_relative_clause_is_reported_by_the_outer_speaker(pipeline: Pipeline) -> None:
    text = "Governor Ellis said she knew of no donors who argued that the party should drop the tax plan."
    inner = [q for q in quotes_of(pipeline, text) if q.text.startswith("that the party")]
    assert len(inner) == 1 and inner[0].speaker_mention is not None
    assert "Ellis" in inner[0].speaker_mention.text


def test_an_uncued_quote_skips_a_subordinate_clause_of_the_cue(pipeline: Pipeline) -> None:
    text = (
        '"The harbour belongs to everyone," Bishop Anton Weber told a crowd on the quay on Sunday, '
        'as he called for higher wages for the sailors.  "No family here should sleep in a car."'
    )
    assert mention_of(quotes_of(pipeline, text), "No family") == "Bishop Anton Weber"


def test_a_quote_after_according_to_is_the_sources(pipeline: Pipeline) -> None:
    text = (
        "The inquiry widened on Friday. According to the Harbor Times, "
        '"The port authority hid the damage from inspectors for two years. Nobody was told."'
    )
    direct = [q for q in quotes_of(pipeline, text) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker_mention is not None
    assert direct[0].speaker_mention.text == "the Harbor Times"


def test_the_subject_of_is_expected_to_is_no_source(pipeline: Pipeline) -> None:
    text = "Defence Minister Ana Lutz is expected to announce new sanctions against the junta on Monday."
    quotes = quotes_of(pipeline, text)
    assert quotes and all(q.speaker_mention is None for q in quotes)


def test_i_reporting_inside_a_quote_is_the_quotes_speaker(nlp: Language) -> None:
    text = '"I said the port tax would hurt us," Mayor Ruiz said.'
    sdoc = nlp(text)
    said = next(t for t in sdoc if t.text == "said")
    quote_end = text.index(",") + 2
    ruiz = Speaker(text.index("Mayor"), text.index(" said."), "ruiz")
    direct = Found(0, quote_end, "direct", speaker=ruiz)
    inner = Found(text.index("the port"), text.index(","), "indirect", cue=said, speaker=Speaker(1, 2, "i"))
    outside = Found(0, 0, "indirect", cue=sdoc[-2], speaker=Speaker(1, 2, "i"))
    quoted_first_person([direct, inner, outside])
    assert inner.speaker is ruiz and outside.speaker is not ruiz


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Greta Holm had one complaint about working with Walter Brandt: "
            "\u201cHe never sleeps, and he expects the rest of us not to either.\u201d",
            "Greta Holm",
        ),
        (
            "The mayor, Greta Holm, thanked the volunteers and praised Walter Brandt: "
            "\u201cWithout them the town would have flooded.\u201d",
            None,
        ),
    ],
)
def test_a_name_the_clause_before_a_colon_governs_is_not_its_speaker(
    pipeline: Pipeline, text: str, speaker: str | None
) -> None:
    quote = next(q for q in quotes_of(pipeline, text) if q.kind == "direct")
    assert quote.speaker_name != "Walter Brandt"
    if speaker is not None:
        assert quote.speaker_name == speaker
