"""Quote modes: statements apart from beliefs, intentions, knowledge and other stances; verbs that
attribute nothing make no quote. Invented sentences only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from quotes_support import by_cue, quotes_of

from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.mode_table import LEARNED_MODES
from wiresift.nlp.quotes.modes import CORE, MODES, lemma_mode

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("lemma", "mode"),
    [
        ("say", "statement"),
        ("tell", "statement"),
        ("announce", "statement"),
        ("accord", "statement"),  # "according to"
        ("believe", "belief"),
        ("doubt", "belief"),
        ("want", "intention"),
        ("aim", "intention"),
        ("decide", "intention"),
        ("know", "knowledge"),
        ("learn", "knowledge"),
        ("endorse", "other"),
        ("issue", "other"),
        (None, "statement"),  # quotation marks alone: the words were said
    ],
)
def test_core_classes(lemma: str | None, mode: str) -> None:
    assert lemma_mode(lemma) == mode


def test_no_verb_of_knowing_wanting_deciding_aiming_leaving_or_issuing_is_a_statement() -> None:
    for lemma in ("know", "realise", "want", "hope", "decide", "aim", "seek", "leave", "exit", "issue"):
        assert lemma_mode(lemma) != "statement", lemma


def test_learned_table_holds_modes_only_and_never_overrides_the_core() -> None:
    assert set(LEARNED_MODES.values()) <= set(MODES)
    assert not set(LEARNED_MODES) & set(CORE)


@pytest.mark.parametrize(
    ("text", "cue", "mode"),
    [
        ("Mayor Lena Ortiz said the bridge would reopen in May.", "said", "statement"),
        ("Senator Paul Brandt believes the tariff will hurt farmers in the valley.", "believes", "belief"),
        ("Governor Ana Diaz wants to cut the fuel tax before the winter.", "wants", "intention"),
        ("Chief Omar Haddad knows that the budget for the station is tight.", "knows", "knowledge"),
        ("Councillor Ruth Baines endorsed the plan for a new harbour wall.", "endorsed", "other"),
    ],
)
def test_quote_mode_from_its_cue(pipeline: Pipeline, text: str, cue: str, mode: str) -> None:
    assert by_cue(quotes_of(pipeline, text), cue).mode == mode


@pytest.mark.parametrize(
    ("text", "cue", "mode"),
    [
        ("The Brightwater board agreed to sell the ferry unit to a rival for cash.", "agreed", "intention"),
        ("The Brightwater board agreed that the ferry unit had lost money for years.", "agreed", "statement"),
        ("Mayor Lena Ortiz vowed to rebuild the pier before the summer season.", "vowed", "statement"),
    ],
)
def test_infinitive_content_is_a_plan_unless_saying_it_is_the_act(
    pipeline: Pipeline, text: str, cue: str, mode: str
) -> None:
    assert by_cue(quotes_of(pipeline, text), cue).mode == mode


def test_direct_quote_is_a_statement(pipeline: Pipeline) -> None:
    quotes = quotes_of(pipeline, "“We will rebuild the pier by the spring,” Mayor Lena Ortiz said on Friday.")
    assert [q.mode for q in quotes] == ["statement"]


@pytest.mark.parametrize(
    "text",
    [
        "Officer Dana Pike stopped at the corner. Then she exited her vehicle and walked to the crowd.",
        "Brightwater Airlines is courting travellers who do not yet know the airline at all.",
    ],
)
def test_acts_make_no_quote(pipeline: Pipeline, text: str) -> None:
    assert [q.cue for q in quotes_of(pipeline, text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "A spokeswoman for the Harbor Trust declined to comment on the audit.",
        "Mayor Lena Ortiz refused to say whether she would run again next year.",
        "The carmaker says the van is a preview, but it wouldn't say when the van reaches dealers.",
        "A nurse, who asked not to be identified, walked to the door of the clinic.",
    ],
)
def test_withheld_speech_makes_no_quote(pipeline: Pipeline, text: str) -> None:
    quotes = quotes_of(pipeline, text)
    assert all(w not in q.text for q in quotes for w in ("comment", "whether", "when", "identified"))


def test_negated_report_of_a_that_clause_stays(pipeline: Pipeline) -> None:
    quotes = quotes_of(pipeline, "Councillor Ruth Baines did not say that the harbour plan had failed.")
    assert by_cue(quotes, "say").text == "that the harbour plan had failed"


@pytest.mark.parametrize("text", ["Ortiz agreed to back the plan.", "Ortiz refused to leave the room."])
def test_withheld_needs_a_refused_statement(nlp: Language, text: str) -> None:
    from wiresift.nlp.quotes.modes import withheld

    sdoc = nlp(text)
    cue = sdoc[1]
    comp = next(c for c in cue.children if c.dep_ == "xcomp")
    assert not withheld(cue, comp)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Goalkeeper Tom Reyes could see the anger on the coach's face after the match.", "see"),
        ("We have not seen any sign of a discount on the new tablet this week.", "seen"),
        ("The Harbor index added 14.2 points, or 0.3%, by the close on Tuesday.", "added"),
        ("Three separate soil samples now point to a leak in the eastern reservoir.", "point"),
        ("The frame's design shows its quality on rough mountain roads.", "shows"),
        ("Senators also questioned Maria Rao about her testimony on the harbour contract.", "questioned"),
        ("The app launched with a fare rule that sees riders paying twice for one trip.", "sees"),
    ],
)
def test_perceptions_amounts_and_things_make_no_quote(pipeline: Pipeline, text: str, cue: str) -> None:
    assert cue not in [q.cue for q in quotes_of(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Senator Ava Brandt sees the toll road as a trap for commuters.", "sees", "the toll road"),
        ("A new Harbor Institute poll shows broad support for the ferry plan.", "shows", "broad support"),
        ("The experts praised the council's flood defence proposals.", "praised", "flood defence proposals"),
        ("The guilds said over 7,500 porters joined the walkout.", "said", "7,500 porters joined"),
        ("Senator Ava Brandt asked Maria Rao about the missing invoices.", "asked", "the missing invoices"),
        ("Looking ahead, Harbor Foods sees annual sales growth of 2.5 percent.", "sees", "sales growth"),
        ("Analysts polled by the bank were expecting earnings of $1.40 a share.", "expecting", "1.40"),
    ],
)
def test_views_of_people_and_sources_stay(pipeline: Pipeline, text: str, cue: str, content: str) -> None:
    assert content in by_cue(quotes_of(pipeline, text), cue).text


def test_a_title_after_a_naming_participle_is_no_quote(pipeline: Pipeline) -> None:
    text = "She wrote a poem called “Harbour Lights,” which won a prize. Mayor Lena Ortiz called the plan “a disgrace.”"
    quotes = quotes_of(pipeline, text)
    assert all("Harbour" not in q.text for q in quotes)
    assert "a disgrace" in by_cue(quotes, "called").text


@pytest.mark.parametrize(
    "text",
    [
        "The farmer was treated for what's called “harbour cough,” a rare allergy to grain dust.",
        "Investors bought what are called “green bonds,” loans tied to clean power projects.",
    ],
)
def test_a_term_after_a_passive_what_is_no_statement(pipeline: Pipeline, text: str) -> None:
    terms = [q for q in quotes_of(pipeline, text) if "cough" in q.text or "bonds" in q.text]
    assert [(q.mode, q.speaker_mention) for q in terms] == [("other", None)], terms


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Lena Ortiz rejected what was called “a land grab” by the council chair, Ben Reyes.",
        "The county cut its bus routes in what has been condemned as a “slow starvation” of transit.",
    ],
)
def test_a_passive_what_with_an_agent_or_a_judgement_stays(pipeline: Pipeline, text: str) -> None:
    assert any("land grab" in q.text or "starvation" in q.text for q in quotes_of(pipeline, text))
