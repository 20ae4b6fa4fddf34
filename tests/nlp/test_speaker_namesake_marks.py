"""What else tells two namesakes apart (issue #11): a title only one of them bears ("Dr. Reyes"), the
naming that opens the paragraph ("Bo Ode, 34, ... Ode said"), a generational suffix ("Ode Jr.").
Invented sentences only."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of

from wiresift.nlp.entities.names import name_suffix, surname_forms
from wiresift.nlp.entities.namesakes import title_before
from wiresift.nlp.pipeline import Pipeline

SISTERS = (
    "The Reyes sisters opened the clinic in 2015. Elena Reyes, a nurse, runs the front desk. "
    "Her sister, Dr. Sofia Reyes, sees patients four days a week.\n"
    "Elena Reyes handles the insurance paperwork. The clinic treats about 60 patients a day.\n"
)


def test_title_before_a_mention() -> None:
    text = "Dr. Reyes and Sen. Reyes and Mrs. Reyes and the Reyes family"
    assert title_before(text, text.index("Reyes")) == "dr"
    assert title_before(text, text.index("Reyes and Mrs")) == "sen"
    assert title_before(text, text.index("Reyes and the")) == ""  # gendered: the gender rule's
    assert title_before(text, text.index("Reyes family")) == ""


def test_a_title_only_one_namesake_bears_decides(pipeline: Pipeline) -> None:
    text = SISTERS + "Dr. Reyes said many patients arrive with conditions left untreated for years."
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == "Sofia Reyes"


def test_the_naming_that_opens_the_paragraph_decides(pipeline: Pipeline) -> None:
    text = (
        "Maria Okafor and her son, Daniel Okafor, have run the bakery on Elm Street since 2004.\n"
        "Daniel Okafor, 34, took over the ovens last year after his mother fell ill. The shop now "
        "sells bread to three restaurants and a school. Its rent has tripled since the lease was "
        "signed. Okafor said he might move the shop to a suburb.\n"
    )
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == "Daniel Okafor"


def test_suffix_forms() -> None:
    assert name_suffix("Hal Brenner Jr.") == "jr" and name_suffix("Hal Brenner") == ""
    assert surname_forms("Hal Brenner Jr.") == ["Brenner", "Brenner jr"]


def test_surname_with_a_suffix_is_the_son(pipeline: Pipeline) -> None:
    text = (
        "Hal Brenner Jr. spoke at the rally on behalf of his father, Hal Brenner, the party's "
        'nominee.\n"My father built this company," Brenner Jr. said on stage.\n'
    )
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == "Hal Brenner Jr."


def test_courtesy_titles_split_a_couple_into_two_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    from wiresift.model import Document

    text = (
        "Mr. Farid Khan, a shopkeeper, and his wife, Amina Khan, opened the store in 2009. "
        "Ms. Khan said the rent had doubled. Mr. Khan said he would not close."
    )
    doc = Pipeline(stages=("entities",))(Document(text=text))
    by_name = {e.name: [text[s:x] for s, x in e.mentions] for e in doc.entities if e.type == "PERSON"}
    assert "Khan" not in by_name, by_name
    assert by_name["Amina Khan"] == ["Amina Khan", "Khan"]
    assert by_name["Farid Khan"][-1] == "Khan"
    amina = next(e for e in doc.entities if e.name == "Amina Khan")
    assert "Ms. Khan" in amina.aliases
