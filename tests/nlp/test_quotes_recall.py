"""Attributions the parse used to hide (#11, session 10): a subject hung on the auxiliary or on a
participle before the verb, a cue that reports a clause of its own beside the quote it also cues, a
fronted clause around a short quote, and "according to X" set off inside its clause."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of, speaker
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline
from wiresift.nlp.quotes.extractor import Extractor
from wiresift.nlp.quotes.indirect import lost_subject
from wiresift.nlp.quotes.marks import Marked


def test_a_subject_the_parse_hung_on_the_auxiliary_still_speaks(pipeline: Pipeline) -> None:
    text = "Her closest advisers have, over the past year, said she would not seek a third term."
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.text == "she would not seek a third term"
    assert speaker(q) == "Her closest advisers"


def test_the_noun_before_a_participle_phrase_is_the_speaker(pipeline: Pipeline) -> None:
    text = (
        "Pickers at the Orland orchards say the season is over. Seasonal workers hoping to keep the "
        "packing plant open into the winter say their union is finally ready to strike."
    )
    q = next(q for q in quotes_of(pipeline, text) if q.text == "their union is finally ready to strike")
    assert speaker(q) == "Seasonal workers"
    text = (
        "But many nurses questioned at two Leeds hospitals last month, among them Ms. Okafor, said they "
        "would accept the new shifts, although few of them welcomed the change."
    )
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.text == "they would accept the new shifts"
    assert speaker(q) == "many nurses"


def test_a_quotes_cue_also_reports_its_own_that_clause(pipeline: Pipeline) -> None:
    text = (
        "Pointing to “pressing duties in Aberdeen,” the minister’s press officer told the Courier that "
        "Halloran will miss the opening of the bridge."
    )
    quotes = quotes_of(pipeline, text)
    assert sorted((q.kind, q.text) for q in quotes) == [
        ("direct", "“pressing duties in Aberdeen,”"),
        ("indirect", "that Halloran will miss the opening of the bridge"),
    ]
    assert all(speaker(q) == "the minister’s press officer" for q in quotes)


def test_a_fronted_clause_around_a_short_quote_is_one_mixed_quote(pipeline: Pipeline) -> None:
    text = "Both harbours had “seen their worst winter” since the storm of 1987, the port director said on local radio."
    (q,) = quotes_of(pipeline, text)
    assert (
        q.kind == "mixed" and q.text == "Both harbours had “seen their worst winter” since the storm of 1987"
    )
    assert speaker(q) == "the port director"


def test_a_fronted_clause_stops_at_a_colon_or_dash_before_the_quote(pipeline: Pipeline) -> None:
    text = 'Later that week, Ferreira appeared to admit the talks had failed: "We walked away from the table," she told the Tribune.'
    q = by_cue(quotes_of(pipeline, text), "told")
    assert q.kind == "direct" and q.text == '"We walked away from the table,"'
    text = "Ms. Ortega had by then revised her account of the night twice — “Yes, I saw him leave,” she said."
    q = by_cue(quotes_of(pipeline, text), "said")
    assert q.kind == "direct" and q.text == "“Yes, I saw him leave,”"


def test_according_to_set_off_inside_its_clause_reports_the_clause(pipeline: Pipeline) -> None:
    text = "At dawn, according to Sergeant Pike, the convoy turned back toward the border."
    q = by_cue(quotes_of(pipeline, text), "according to")
    assert q.text == "At dawn, according to Sergeant Pike, the convoy turned back toward the border"
    assert speaker(q) == "Sergeant Pike"
    # at the end of its sentence it still reports what comes before it
    text = "Fares rose 4 percent last year, according to the transit agency."
    q = by_cue(quotes_of(pipeline, text), "according to")
    assert q.text == "Fares rose 4 percent last year"


def test_according_to_before_a_mere_adjunct_reports_the_clause_before_it(pipeline: Pipeline) -> None:
    text = (
        "Tallis Rail is under review by the transport regulator, according to three officials briefed on "
        "the review, compounding a difficult year for the operator."
    )
    q = by_cue(quotes_of(pipeline, text), "according to")
    assert q.text == "Tallis Rail is under review by the transport regulator"


def test_a_report_inside_an_according_aside_keeps_its_own_subject(pipeline: Pipeline) -> None:
    text = (
        "Three in four fishermen - 74 percent in the 2021 count, according to the coastal census - still "
        "think the quota system is unfair."
    )
    quotes = quotes_of(pipeline, text)
    assert by_cue(quotes, "according to").text.endswith("still think the quota system is unfair")
    assert speaker(by_cue(quotes, "think")) != "the coastal census"


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_the_subject_of_a_subordinate_clause_is_not_a_lost_speaker() -> None:
    # "Although raids happened there, the paper claims the ban failed", parsed with the paper lost:
    # the clause with its own "although" is no participle phrase of a speaker
    words = ["Although", "raids", "happened", "there", "the", "paper", "claims", "the", "ban", "failed"]
    heads = [2, 2, 6, 2, 5, 6, 6, 8, 9, 6]
    deps = ["mark", "nsubj", "advcl", "advmod", "det", "dobj", "ROOT", "det", "nsubj", "ccomp"]
    tags = ["IN", "NNS", "VBD", "RB", "DT", "NN", "VBZ", "DT", "NN", "VBD"]
    pos = ["SCONJ", "NOUN", "VERB", "ADV", "DET", "NOUN", "VERB", "DET", "NOUN", "VERB"]
    doc = _parsed(words, heads, deps, tags, pos)
    found = lost_subject(doc[6])
    assert found is None or found[2].text != "raids"
    # the same words as a participle phrase of the speaker ("raids reported there …") do speak
    words[0], deps[0], tags[0], pos[0] = "Many", "amod", "JJ", "ADJ"
    heads[0] = 1
    doc = _parsed(words, heads, deps, tags, pos)
    found = lost_subject(doc[6])
    assert found is not None and found[2].text == "raids"


def test_a_cue_owns_the_clause_its_quote_follows_right_away() -> None:
    # 'Lee insisted it was early, "We wait"' with the quote's clause and the first clause both on the cue
    words = ["Lee", "insisted", "it", "was", "early", ",", '"', "We", "wait", '"']
    heads = [1, 1, 3, 1, 3, 1, 8, 8, 1, 8]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct", "punct", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "PRP", "VBD", "JJ", ",", "``", "PRP", "VBP", "''"]
    pos = ["PROPN", "VERB", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]
    sdoc = _parsed(words, heads, deps, tags, pos)
    mark = Marked(sdoc[6].idx, sdoc[9].idx + 1, True, 0, len(sdoc.text))
    extractor = Extractor(Document(text=sdoc.text), sdoc, None)
    assert extractor.own_clause(sdoc[1], mark)
    # a clause with more words between it and the quote is not the cue's own ('…, Lee replied, "…"')
    words[5], tags[5], pos[5], deps[5] = "then", "RB", "ADV", "advmod"
    sdoc = _parsed(words, heads, deps, tags, pos)
    mark = Marked(sdoc[6].idx, sdoc[9].idx + 1, True, 0, len(sdoc.text))
    assert not Extractor(Document(text=sdoc.text), sdoc, None).own_clause(sdoc[1], mark)
