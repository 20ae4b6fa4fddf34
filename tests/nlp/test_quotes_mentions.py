"""Which words a reporting verb's speaker is when the parse runs over a paragraph break (invented text)."""

from __future__ import annotations

from quotes_support import quotes_of
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.marks import marked_spans
from wiresift.nlp.quotes.speaker import reporter, same_paragraph, speaker_span


def _parsed(words: list[str], heads: list[int], deps: list[str], lemmas: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)


def test_a_clause_hung_on_the_verb_of_the_paragraph_before_has_no_reporter() -> None:
    # "… said Okafor.¶Brightwater had called the ruling a turning point.": the parse made "called" a
    # clause of "said"; the line break between them says it is not Okafor's report.
    words = ["said", "Okafor", ".", "\n\n", "Brightwater", "had", "called", "it", "fair", "."]
    heads = [0, 0, 6, 2, 6, 6, 0, 6, 6, 0]
    deps = ["ROOT", "nsubj", "nsubj", "dep", "nsubj", "aux", "ccomp", "dobj", "oprd", "punct"]
    lemmas = ["say", "Okafor", ".", "\n\n", "Brightwater", "have", "call", "it", "fair", "."]
    pos = ["VERB", "PROPN", "PUNCT", "SPACE", "PROPN", "AUX", "VERB", "PRON", "ADJ", "PUNCT"]
    doc = _parsed(words, heads, deps, lemmas, pos)
    assert not same_paragraph(doc[0], doc[6])
    assert reporter(doc[6]) is None
    # the same clause within one paragraph is the outer verb's report
    joined = _parsed([w if w != "\n\n" else "then" for w in words], heads, deps, lemmas, pos)
    assert same_paragraph(joined[0], joined[6])
    reported = reporter(joined[6])
    assert reported is not None and reported.i == 0


def test_a_paragraph_opening_phrase_the_parse_hung_on_the_quote_before_speaks(pipeline: Pipeline) -> None:
    text = (
        "“The bridge was never closed to us,” Pereira said.\n\n"
        "“… no trucks past the gate after dark”\n\n"
        "The foreman on the night shift, who has run the kilns since 2009, said the notice was "
        "“a bluff from start to finish.”"
    )
    found = [q for q in quotes_of(pipeline, text) if "a bluff" in q.text]
    assert len(found) == 1
    mention = found[0].speaker_mention
    assert mention is not None and "The foreman on the night shift" in mention.text
    assert "Pereira" not in (found[0].speaker_name or "")


def test_backticks_open_an_archive_quote_that_two_apostrophes_close() -> None:
    text = "``The levy was set for the mills,'' Okafor said. ``We will pay.'' He left."
    spans = marked_spans(text)
    assert [(s.closed, text[s.start : s.end]) for s in spans] == [
        (True, "``The levy was set for the mills,''"),
        (True, "``We will pay.''"),
    ]


def test_an_archive_quote_is_its_speakers_not_the_words_after_it(pipeline: Pipeline) -> None:
    text = "``The harbour was quiet all week,'' said Tomas Reyl, a pilot.\n\nThe port reopened on Monday."
    quotes = quotes_of(pipeline, text)
    assert [q.text for q in quotes] == ["``The harbour was quiet all week,''"]
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text.startswith("Tomas Reyl")


def test_a_cut_speaker_phrase_keeps_its_owner_and_hyphenated_modifier(pipeline: Pipeline) -> None:
    for text, name in [
        (
            "Hollin's Seed Supply Co., which sells grain, fencing wire and feed to farms across the "
            "upland valleys, said on Monday that two of its depots would close.",
            "Hollin's Seed Supply Co.",
        ),
        (
            "Port Vell-based Dunmore Savings, which runs 62 branches and holds 3 billion crowns for its "
            "savers, told members the vote would wait until spring.",
            "Port Vell-based Dunmore Savings",
        ),
    ]:
        (quote,) = quotes_of(pipeline, text)
        assert quote.speaker_mention is not None and quote.speaker_mention.text == name


def test_a_cut_speaker_phrase_keeps_the_number_of_a_share(pipeline: Pipeline) -> None:
    text = (
        "In the union's survey of its members across the northern provinces, 45% of the retired "
        "teachers who answered in the last week of March said they would back a strike."
    )
    (quote,) = quotes_of(pipeline, text)
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "45%"


def test_a_quote_open_over_paragraphs_is_the_speaker_named_where_it_closes(pipeline: Pipeline) -> None:
    text = (
        "Bo Lind said the port was calm.\n\n"
        '"The cranes were idle for a week.\n\n'
        '"We had no parts for them.\n\n'
        '"Nobody told us why," said Ana Lutz, a dock worker.'
    )
    direct = [q for q in quotes_of(pipeline, text) if q.kind == "direct"]
    assert len(direct) == 3
    for quote in direct:
        assert quote.speaker_mention is not None and quote.speaker_mention.text.startswith("Ana Lutz")


def test_a_closed_quote_keeps_the_speaker_before_it(pipeline: Pipeline) -> None:
    text = 'Bo Lind, a crane driver, spoke first.\n\n"The cranes were idle."\n\n"Nobody told us why," said Ana Lutz.'
    direct = {q.text: q for q in quotes_of(pipeline, text) if q.kind == "direct"}
    first = direct['"The cranes were idle."']
    assert first.speaker_mention is None or "Ana Lutz" not in first.speaker_mention.text


def test_a_subject_the_parse_took_from_the_headline_above_gives_way_to_the_phrase_opening_the_line() -> None:
    # "Lind charged by council¶Ana Brill, a judge, described it": the parse made "Lind" the subject.
    words = [
        "Lind",
        "charged",
        "by",
        "council",
        "\n",
        "Ana",
        "Brill",
        ",",
        "a",
        "judge",
        ",",
        "described",
        "it",
    ]
    heads = [11, 0, 1, 5, 3, 6, 2, 6, 9, 6, 0, 11, 11]
    deps = ["nsubj", "acl", "prep", "compound", "dep", "compound", "pobj", "punct", "det", "appos", "punct"]
    deps += ["ROOT", "dobj"]
    pos = ["PROPN", "VERB", "ADP", "NOUN", "SPACE", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"]
    pos += ["PRON"]
    tags = ["NNP", "VBN", "IN", "NN", "_SP", "NNP", "NNP", ",", "DT", "NN", ",", "VBD", "PRP"]
    lemmas = [w.lower() for w in words[:11]] + ["describe", "it"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos, tags=tags)
    found = speaker_span(doc, doc[11], None)
    assert found is not None and doc.text[found.start : found.end] == "Ana Brill"
