"""Documents, findings and their authors as speakers (issue #11): a report or a study speaks for whoever
issued it, a "from"/"by" author wins over the document's own title, an "it" after a document's words is
its issuer, a country's army speaks as a body, and a nominal whose head is a named person's title is that
person. Invented sentences only."""

from __future__ import annotations

from quotes_support import quotes_of

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline


def _speaker_of(pipeline: Pipeline, text: str, words: str) -> str | None:
    found = [q for q in quotes_of(pipeline, text) if words in q.text]
    assert len(found) == 1, [q.text for q in quotes_of(pipeline, text)]
    return found[0].speaker_name


def test_the_report_speaks_for_who_said_it_in_a_report(pipeline: Pipeline) -> None:
    text = (
        "Mortgage approvals rose in May, the Bank of Ruritania said in a report on Monday. "
        "The report said lending to first-time buyers had doubled."
    )
    assert _speaker_of(pipeline, text, "first-time buyers") == "Bank of Ruritania"


def test_the_report_speaks_for_who_released_it(pipeline: Pipeline) -> None:
    text = "The Ministry of Transport released a report on Friday. The report said rail delays had fallen by a third."
    assert _speaker_of(pipeline, text, "rail delays") == "Ministry of Transport"


def test_a_report_someone_cited_is_not_theirs(pipeline: Pipeline) -> None:
    text = (
        "Senator Tom Vale cited a report on rural broadband at the hearing. "
        "The report said one in four farms had no fast connection."
    )
    assert _speaker_of(pipeline, text, "four farms") != "Tom Vale"


def test_a_letter_someone_cited_is_not_theirs(pipeline: Pipeline) -> None:
    text = (
        "Senator Tom Vale cited a letter at the hearing on Tuesday. "
        "The letter said one in four farms had no fast connection."
    )
    assert _speaker_of(pipeline, text, "four farms") != "Tom Vale"


def test_the_letter_of_a_subject_with_its_author(pipeline: Pipeline) -> None:
    text = (
        "A letter from the Halden Institute reached the council on Monday. "
        "The letter said that commuters in the city spend 40 minutes a day in traffic."
    )
    assert _speaker_of(pipeline, text, "40 minutes") == "Halden Institute"


def test_the_author_after_from_wins_over_the_report_title(pipeline: Pipeline) -> None:
    text = (
        "Home sales in the Denver area fell 8 percent last month, according to the Market Pulse "
        "report from Harlow Analytics Inc., a research firm in Boulder."
    )
    assert _speaker_of(pipeline, text, "Home sales") == "Harlow Analytics Inc."


def test_it_after_the_statement_and_an_army_as_a_body(pipeline: Pipeline) -> None:
    text = (
        "Three Canadian soldiers were injured in a vehicle accident near Kandahar, the Canadian army "
        "said in a statement on Tuesday.\n\n"
        '"The cause of the accident is being examined, and there is no sign of hostile action," the '
        "statement said.\n\n"
        "It did not give the names of the soldiers and said it was waiting until their families could be told."
    )
    assert _speaker_of(pipeline, text, "vehicle accident") == "Canadian army"
    assert _speaker_of(pipeline, text, "no sign of hostile action") == "Canadian army"
    assert _speaker_of(pipeline, text, "waiting until their families") == "Canadian army"


def test_a_nominal_headed_by_a_named_persons_title(pipeline: Pipeline) -> None:
    text = (
        "Ann Lee, a real estate agent, hosted the open house on Sunday. "
        "The real estate agent said she expected prices to climb in the spring."
    )
    assert _speaker_of(pipeline, text, "prices to climb") == "Ann Lee"


def test_a_poll_a_person_leads_in_is_not_theirs(pipeline: Pipeline) -> None:
    text = (
        "Governor Ann Roe leads in the poll by ten points. "
        "Most voters in the north are still undecided, the poll found."
    )
    assert _speaker_of(pipeline, text, "still undecided") != "Ann Roe"


def test_an_org_nominal_is_not_the_person_titled_by_it(pipeline: Pipeline) -> None:
    text = (
        "Acme Corp cut 300 jobs in March. Dan Fry, a vice president of the company, toured the plant "
        "on Monday. The company says it fears more cuts could follow in the autumn."
    )
    assert _speaker_of(pipeline, text, "more cuts") != "Dan Fry"


def test_an_unnamed_author_of_a_subject_letter_is_no_guess(pipeline: Pipeline) -> None:
    text = (
        "The Treasury backed Dan Fry for a second term. A letter from the staff association reflected "
        "both worries. The staff letter noted that surveys of workers showed a crisis of trust."
    )
    assert _speaker_of(pipeline, text, "crisis of trust") != "Treasury"


def test_a_nationality_adjective_makes_forces_a_body_but_not_a_family(pipeline: Pipeline) -> None:
    """An adjective of nationality before "army" names a speaking body; before a word such as "family" or
    "team" it only describes the people (an organisation there joined the wrong mentions in coreference)."""
    text = (
        "The Jordanian army said on Monday that two border posts had been reinforced. "
        "The Jordanian family that runs the bakery said the new road had brought more customers."
    )
    doc = next(iter(pipeline.run([Document(id="t", text=text)])))
    names = {e.name for e in doc.entities}
    assert "Jordanian army" in names
    assert "Jordanian family" not in names
