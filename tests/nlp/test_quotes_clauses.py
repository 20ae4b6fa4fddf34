"""Reports whose clause the parse hangs in unusual places: "as"-asides, fronted clauses, clauses told
to a group, subjects the parse lost, nested stances."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from quotes_support import by_cue, quotes_of, speaker
from spacy.tokens import Doc

from wiresift.model import Document, Quote
from wiresift.nlp.entities.coref_rules import Speaker
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.clauses import reader_addressed
from wiresift.nlp.quotes.common import Found
from wiresift.nlp.quotes.marks import marked_spans
from wiresift.nlp.quotes.stage import extract

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "cue", "said", "who"),
    [
        (
            "As many economists have pointed out, the new tariff will raise prices for farmers.",
            "pointed",
            "the new tariff will raise prices for farmers",
            "many economists",
        ),
        (
            "The tariff will raise prices for farmers, as the minister noted on Monday.",
            "noted",
            "The tariff will raise prices for farmers",
            "the minister",
        ),
    ],
)
def test_as_aside_reports_the_clause_it_modifies(
    pipeline: Pipeline, text: str, cue: str, said: str, who: str
) -> None:
    q = by_cue(quotes_of(pipeline, text), cue)
    assert q.text == said and speaker(q) == who


def test_as_clause_of_time_reports_nothing(pipeline: Pipeline) -> None:
    assert quotes_of(pipeline, "As the mayor spoke, the crowd cheered loudly in the square.") == []


def test_stance_nested_in_a_named_speakers_report_is_kept(pipeline: Pipeline) -> None:
    qs = quotes_of(pipeline, "Senator Ruiz said she believes the new fuel tax is unfair to farmers.")
    q = by_cue(qs, "believes")
    assert q.text == "the new fuel tax is unfair to farmers" and speaker(q) == "Senator Ruiz"


def test_stance_nested_in_a_pronouns_report_is_left_to_it(pipeline: Pipeline) -> None:
    qs = quotes_of(pipeline, "She said she believes the new fuel tax is unfair to farmers.")
    assert [q.cue for q in qs] == ["said"]


@pytest.mark.parametrize(
    ("text", "cue", "said", "who"),
    [
        (
            "The quarrel over coal in the hill towns was bound to come - Senator Ruiz has promised to "
            "restore the old pit jobs and cut costly rules.",
            "promised",
            "to restore the old pit jobs and cut costly rules",
            "Senator Ruiz",
        ),
        (
            "The governor's argument is that voters will forgive the tax increase by November.",
            "argument",
            "that voters will forgive the tax increase by November",
            "The governor",
        ),
        (
            "The co-op bought the old sawmill, which Mr. Lee says he is trying all he can to keep afloat.",
            "says",
            "he is trying all he can to keep afloat",
            "Mr. Lee",
        ),
    ],
)
def test_content_found_where_the_parse_hides_it(
    pipeline: Pipeline, text: str, cue: str, said: str, who: str
) -> None:
    q = by_cue(quotes_of(pipeline, text), cue)
    assert q.text == said and speaker(q) == who


def test_headline_ending_with_name_says(pipeline: Pipeline) -> None:
    text = (
        "Tax Cuts Will Pay For Themselves, Former Budget Chief Says.\nThe senator spoke in Fresno on Monday."
    )
    qs = [q for q in quotes_of(pipeline, text) if q.speaker_mention is not None]
    assert [(q.text, speaker(q)) for q in qs] == [("Tax Cuts Will Pay For Themselves", "Former Budget Chief")]


def test_pronoun_report_with_its_relative_pulled_out_is_left_out(pipeline: Pipeline) -> None:
    text = "The co-op bought the old sawmill, which he says he is trying all he can to keep afloat."
    assert [q.cue for q in quotes_of(pipeline, text)] == []


# The rules below repair parse slips that a short invented sentence seldom triggers, so they are
# tested on hand-made parses: one "text/head/dep/POS/tag/lemma" item per token, heads as indices.


def parsed(nlp: Language, items: list[str], spaces: list[bool] | None = None) -> Doc:
    fields = [item.split("/") for item in items]
    return Doc(
        nlp.vocab,
        words=[f[0] for f in fields],
        spaces=spaces,
        heads=[int(f[1]) for f in fields],
        deps=[f[2] for f in fields],
        pos=[f[3] for f in fields],
        tags=[f[4] for f in fields],
        lemmas=[f[5] for f in fields],
    )


def extracted(sdoc: Doc) -> list[Quote]:
    return extract(Document(text=sdoc.text), sdoc, None)


def test_clause_parsed_as_adverbial_before_the_speaker_is_said(nlp: Language) -> None:
    sdoc = parsed(
        nlp,
        [
            "Prices/1/nsubj/NOUN/NNS/price",
            "rose/7/advcl/VERB/VBD/rise",
            "3/3/nummod/NUM/CD/3",
            "percent/1/dobj/NOUN/NN/percent",
            ",/7/punct/PUNCT/,/,",
            "the/6/det/DET/DT/the",
            "agency/7/nsubj/NOUN/NN/agency",
            "said/7/ROOT/VERB/VBD/say",
            "in/7/prep/ADP/IN/in",
            "a/10/det/DET/DT/a",
            "report/8/pobj/NOUN/NN/report",
            "./7/punct/PUNCT/./.",
        ],
        [True, True, True, False, True, True, True, True, True, True, False, False],
    )
    q = by_cue(extracted(sdoc), "said")
    assert q.text == "Prices rose 3 percent" and speaker(q) == "the agency"


def test_parenthetical_hung_on_a_second_clause_reports_from_the_first(nlp: Language) -> None:
    sdoc = parsed(
        nlp,
        [
            "It/2/nsubj/PRON/PRP/it",
            "will/2/aux/AUX/MD/will",
            "take/2/ROOT/VERB/VB/take",
            "weeks/2/dobj/NOUN/NNS/week",
            ",/6/punct/PUNCT/,/,",
            "he/6/nsubj/PRON/PRP/he",
            "said/11/parataxis/VERB/VBD/say",
            ",/6/punct/PUNCT/,/,",
            "and/6/cc/CCONJ/CC/and",
            "talks/11/nsubj/NOUN/NNS/talk",
            "could/11/aux/AUX/MD/could",
            "stall/2/conj/VERB/VB/stall",
            "./2/punct/PUNCT/./.",
        ],
        [True, True, True, False, True, True, False, True, True, True, True, False, False],
    )
    q = by_cue(extracted(sdoc), "said")
    assert q.text.startswith("It will take weeks") and speaker(q) == "he"


def test_clause_after_that_on_the_person_told_is_what_was_told(nlp: Language) -> None:
    sdoc = parsed(
        nlp,
        [
            "Lee/1/nsubj/PROPN/NNP/Lee",
            "told/1/ROOT/VERB/VBD/tell",
            "the/3/det/DET/DT/the",
            "group/1/dobj/NOUN/NN/group",
            "that/8/mark/SCONJ/IN/that",
            "the/6/det/DET/DT/the",
            "roads/8/nsubj/NOUN/NNS/road",
            "are/8/aux/AUX/VBP/be",
            "failing/3/relcl/VERB/VBG/fail",
            "./1/punct/PUNCT/./.",
        ],
        [True] * 8 + [False, False],
    )
    q = by_cue(extracted(sdoc), "told")
    assert q.text == "that the roads are failing" and speaker(q) == "Lee"


def test_verb_after_a_quote_that_reports_its_own_clause_is_not_its_cue(nlp: Language) -> None:
    sdoc = parsed(
        nlp,
        [
            "Ruiz/1/nsubj/PROPN/NNP/Ruiz",
            "wore/1/ROOT/VERB/VBD/wear",
            "a/3/det/DET/DT/a",
            "shirt/1/dobj/NOUN/NN/shirt",
            '"/5/punct/PUNCT/``/"',
            "stay/3/appos/VERB/VB/stay",
            "put/5/acomp/ADJ/JJ/put",
            "\"/5/punct/PUNCT/''/\"",
            "and/1/cc/CCONJ/CC/and",
            "said/1/conj/VERB/VBD/say",
            "she/12/nsubj/PRON/PRP/she",
            "was/12/aux/AUX/VBD/be",
            "staying/9/ccomp/VERB/VBG/stay",
            "./1/punct/PUNCT/./.",
        ],
        [True, True, True, True, False, True, False, True, True, True, True, True, False, False],
    )
    q = by_cue(extracted(sdoc), "said")
    assert q.text == "she was staying" and speaker(q) == "Ruiz"


def test_subject_the_parse_lost_is_the_name_before_the_verb(nlp: Language) -> None:
    sdoc = parsed(
        nlp,
        [
            "In/7/prep/ADP/IN/in",
            "a/2/det/DET/DT/a",
            "talk/0/pobj/NOUN/NN/talk",
            "with/2/prep/ADP/IN/with",
            "the/6/det/DET/DT/the",
            "Ledger/6/compound/PROPN/NNP/Ledger",
            "Smith/3/pobj/PROPN/NNP/Smith",
            "said/7/ROOT/VERB/VBD/say",
            "that/11/mark/SCONJ/IN/that",
            "taxes/11/nsubj/NOUN/NNS/tax",
            "would/11/aux/AUX/MD/would",
            "fall/7/ccomp/VERB/VB/fall",
            "./7/punct/PUNCT/./.",
        ],
        [True] * 11 + [False, False],
    )
    q = by_cue(extracted(sdoc), "said")
    assert q.text == "that taxes would fall" and speaker(q) == "Ledger Smith"


@pytest.mark.parametrize(
    "text",
    [
        "You can call it the cheapest phone of the year, and the critics agree with you.",
        "You will find that the battery lasts two full days on one charge.",
        "You might argue that the price is too high for a phone this small.",
    ],
)
def test_the_reader_you_is_no_source(pipeline: Pipeline, text: str) -> None:
    assert quotes_of(pipeline, text) == []


def test_you_inside_quoted_speech_stays_a_speaker() -> None:
    text = "“You will find that the plan works,” the mayor said. You will find that the plan works."
    marks = marked_spans(text)
    inner = Found(15, 34, "indirect", speaker=Speaker(1, 4, "you"))
    outer = Found(67, 86, "indirect", speaker=Speaker(53, 56, "you"))
    named = Found(1, 35, "direct", speaker=Speaker(37, 46, "mayor"))
    assert reader_addressed([inner, outer, named], marks) == [inner, named]
