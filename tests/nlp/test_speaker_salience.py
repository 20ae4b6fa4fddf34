"""Speakers the text is about (issue #11): a sentence-opening pronoun continues the previous
sentences' subject, a business nominal the organisation that just spoke or that the text is about,
an office mention opening with its owner its one holder. Invented sentences only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from quotes_support import by_cue, quotes_of

from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language


def test_pronoun_continues_previous_subject_not_last_speaker(pipeline: Pipeline) -> None:
    text = (
        '"The budget is balanced," Harold Brenning said on Monday.\n\n'
        "Mr. Oswin Tarrant was the second official questioned by the committee about the plan of "
        "Governor Ewan Castell. He said the figures had been checked twice."
    )
    quotes = quotes_of(pipeline, text)
    q = next(q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "He")
    assert q.speaker_name == "Oswin Tarrant"


def test_business_nominal_is_the_organisation_that_just_spoke(pipeline: Pipeline) -> None:
    text = (
        "Shares of Dalmore Steel rose after the ruling of the Supreme Court.\n\n"
        '"We expect margins to widen next year," said Calloway Capital Partners.\n\n'
        "A slower recovery could weigh on prices, the brokerage said."
    )
    quotes = quotes_of(pipeline, text)
    q = next(q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "the brokerage")
    assert q.speaker_name == "Calloway Capital Partners"


def test_office_opening_with_its_owner_names_the_holder(pipeline: Pipeline) -> None:
    text = (
        "Norway's ambassador to Chile, Ingrid Solberg, arrived in Santiago on Friday.\n\n"
        "Norway's ambassador to Chile warned that the talks could collapse by the end of the month."
    )
    q = by_cue(quotes_of(pipeline, text), "warned")
    assert q.speaker_name == "Ingrid Solberg"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The harbour will close in May, said another witness at the hearing, former port adviser "
            "Marta Lindqvist.",
            "Marta Lindqvist",
        ),
        (
            "Another engineer, former site manager Paolo Brenta, said the beams had cracked in March.",
            "Paolo Brenta",
        ),
        (
            "Hundreds of jobs will go this year, said the group's newly appointed chair Dora Kestrel in a "
            "note to staff.",
            "Dora Kestrel",
        ),
    ],
)
def test_nominal_takes_the_person_its_apposition_names(pipeline: Pipeline, text: str, name: str) -> None:
    quotes = [q for q in quotes_of(pipeline, text) if q.speaker_mention is not None]
    assert quotes and quotes[0].speaker_name == name


def test_short_form_of_an_organisation_name_is_that_organisation(pipeline: Pipeline) -> None:
    text = (
        "The Bree Valley Chronicle reported on Monday that the mill would close.\n\n"
        "The Chronicle says the owners had warned workers in March."
    )
    q = by_cue(quotes_of(pipeline, text), "says")
    assert q.speaker_name == "Bree Valley Chronicle"


def test_first_word_of_a_company_name_is_that_company(pipeline: Pipeline) -> None:
    text = (
        "Brackwater Cellular Networks Inc. raised its offer for a rival on Tuesday.\n\n"
        "Brackwater has pressed the rival's board for months. Brackwater said it would not bid again."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_name == "Brackwater Cellular Networks Inc."


def test_they_after_an_unnamed_group_is_no_organisation(pipeline: Pipeline) -> None:
    text = (
        "Halvorsen Foods will open a plant in Norway next year.\n\n"
        "Economists expect the number of jobs in the region to double by 2030. They say the new plant "
        "will lift wages across the valley."
    )
    quotes = quotes_of(pipeline, text)
    q = next(q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "They")
    assert q.speaker is None


def test_main_subject_is_outside_quotation_marks(nlp: Language) -> None:
    from wiresift.nlp.entities.salience import main_subject, quoted

    doc = nlp(
        "\u201cThe loan really helped us,\u201d she said, \u201cso we kept the bakery open all winter.\u201d"
    )
    sent = next(doc.sents)
    subject = main_subject(sent)
    assert subject is not None and subject.text == "she"
    inside = quoted(sent)
    assert all(tok.i not in inside for tok in doc if tok.text in ("she", "said"))
    assert all(tok.i in inside for tok in doc if tok.text in ("loan", "bakery"))


def test_quotation_running_over_sentences_is_quoted_before_its_closing_mark(nlp: Language) -> None:
    from wiresift.nlp.entities.salience import quoted

    doc = nlp('Yes, we did," he told the panel.')
    inside = quoted(doc[:])
    assert {doc[0].i, doc[2].i} <= inside and all(t.i not in inside for t in doc if t.text in ("he", "panel"))


def test_heading_line_run_into_sentence_does_not_hide_its_subject(pipeline: Pipeline) -> None:
    text = (
        '"We will hire forty people," said Walter Brandt of the port authority.\n\n'
        "Harbour plans\n"
        "Greta Holm, who runs the ferry line, doubts the timetable.\n\n"
        "\u201cNobody has asked us,\u201d she said, \u201cso we cannot plan for it.\u201d"
    )
    quotes = quotes_of(pipeline, text)
    q = next(q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "she")
    assert q.speaker_name == "Greta Holm"


def test_he_after_another_mans_claim_continues_the_new_subject(pipeline: Pipeline) -> None:
    text = (
        "\u201cThe contract is fair,\u201d said Walter Brandt, the port director.\n\n"
        "Tomas Berg, who chairs the dockworkers' union, says the contract is unfair. "
        "\u201cIt cuts our pay,\u201d he said, \u201cand nobody asked the workers.\u201d"
    )
    quotes = quotes_of(pipeline, text)
    q = next(q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "he")
    assert q.speaker_name == "Tomas Berg"


def test_two_people_joined_in_one_speaker_phrase_are_not_one_speaker(pipeline: Pipeline) -> None:
    text = (
        "Officers Anna Voss and Peter Lind were charged on Monday. Voss and Lind signed statements "
        'saying they had checked the cells.\n\n"We did our rounds," Lind told a supervisor.'
    )
    quotes = quotes_of(pipeline, text)
    joined = next(
        q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "Voss and Lind"
    )
    assert joined.speaker is None
    alone = next(q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "Lind")
    assert alone.speaker_name == "Peter Lind"


def test_a_user_of_a_service_is_not_the_service(pipeline: Pipeline) -> None:
    text = (
        "The outbreak spread fear on Weibo, the Chinese social media platform. "
        '"Why did they hide this for a week?" wrote one Weibo commenter.\n\n'
        'Acme Corp shares fell on Monday. "We are confident in our plan," an Acme spokesman said.'
    )
    quotes = quotes_of(pipeline, text)
    user = next(q for q in quotes if q.speaker_mention is not None and "commenter" in q.speaker_mention.text)
    assert user.speaker is None
    spokesman = next(
        q for q in quotes if q.speaker_mention is not None and "spokesman" in q.speaker_mention.text
    )
    # "Acme" joins the full name introduced before it (entities: short names join "Acme Corp").
    assert spokesman.speaker_name == "Acme Corp"


def test_he_after_a_womans_quote_goes_to_the_man_named_since(pipeline: Pipeline) -> None:
    # The mirror of the case above: "he" after a woman's quote goes to the man named since.
    text = (
        '"The pier needs new pilings," said Helen Marsh of the harbour board.\n\n'
        "Ferry schedules\n"
        "Oscar Lindqvist, who captains the night boat, doubts the budget.\n\n"
        "\u201cNobody has costed it,\u201d he said, \u201cso the repairs will wait.\u201d"
    )
    quotes = quotes_of(pipeline, text)
    q = next(q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "he")
    assert q.speaker_name == "Oscar Lindqvist"


def test_pronoun_continues_the_subject_of_a_clause_fronted_in_its_own_sentence(pipeline: Pipeline) -> None:
    text = (
        "Senator Paul Hendry opened the hearing on Tuesday.\n\n"
        "While Governor Martin Okafor has praised the plan, he said the costs would rise next year."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_name == "Martin Okafor"


def test_pronoun_does_not_continue_a_subject_whose_first_name_is_the_other_gender(pipeline: Pipeline) -> None:
    """ "He" is not Margaret Ellison, the subject before it: the man just named is meant."""
    text = (
        "Governor Margaret Ellison met the port director Tomas Reyes on Friday.\n\n"
        "He replied that the figures had been checked twice."
    )
    q = by_cue(quotes_of(pipeline, text), "replied")
    assert q.speaker_name == "Tomas Reyes"


def test_subject_chain_looks_through_a_quoted_passage(pipeline: Pipeline) -> None:
    """The sentences of a long quotation are the speaker's words, not the narrative: the "He" after
    four quoted sentences continues the subject of the sentence before them."""
    text = (
        "Mayor Tomas Reyes met the union on Friday.\n\n"
        "\u201cThe deal is fair. We kept every job. The pensions are safe. I am proud of it.\u201d "
        "He added that talks would go on."
    )
    q = by_cue(quotes_of(pipeline, text), "added")
    assert q.speaker_name == "Tomas Reyes"


@pytest.mark.parametrize(
    ("subject", "name"),
    [("One union delegate", None), ("A local pastor, Tom Hale,", "Tom Hale")],
)
def test_pronoun_continuing_an_unnamed_person_has_no_speaker(
    pipeline: Pipeline, subject: str, name: str | None
) -> None:
    """A "He" that continues a person the text brings in without a name ("one delegate") is not the
    senator quoted a paragraph up; with a name in the subject's phrase, it is that person."""
    text = (
        "Senator Paul Ridley toured the plant on Tuesday, his aides said.\n\n"
        '"We will bring these jobs back," Ridley said.\n\n'
        f"{subject} said he tried to arrange a meeting with the senator for weeks. "
        "He was never given a date, he said."
    )
    q = next(q for q in quotes_of(pipeline, text) if q.text.startswith("He was never"))
    assert q.speaker_name == name


def test_subject_chain_finds_a_name_the_parse_did_not_make_a_subject(pipeline: Pipeline) -> None:
    """ "Early, who …, does not think" parses "Early" as an adverb, leaving the verb without a
    subject: the name opening the line is still what the next "he" continues, not the last speaker."""
    text = (
        "Councillor Tom Early and Councillor Ed Reyes argued over the ferry contract on Monday.\n\n"
        '"We cannot afford the ferry," Reyes said.\n\n'
        "Early, who chaired the council until last spring, does not think the contract is a risk.\n\n"
        '"The harbour has paid for itself twice," he said.'
    )
    q = next(q for q in quotes_of(pipeline, text) if q.text.startswith('"The harbour'))
    assert q.speaker_name == "Tom Early"


def test_owner_of_the_subject_continues_that_person(pipeline: Pipeline) -> None:
    """A line about a person's thing ("Ridley's plan") is about that person."""
    text = (
        "A majority of the farmers polled said Senator Paul Ridley would protect their exports "
        "better than Governor Tom Hale.\n\n"
        "Ridley's plan for the harbour drew objections from shipping firms. He proposed "
        "a fee on every container."
    )
    q = by_cue(quotes_of(pipeline, text), "proposed")
    assert q.speaker_name == "Paul Ridley"


def test_a_persons_lawyer_is_not_that_person(pipeline: Pipeline) -> None:
    """A line about a person's lawyer is about the lawyer, whom the text does not name: the "He"
    after it is not the client."""
    text = (
        "Senator Paul Ridley toured the plant on Tuesday with Governor Tom Hale.\n\n"
        "Ridley's lawyer spoke to the press later. He said the visit was private."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.speaker_name is None
