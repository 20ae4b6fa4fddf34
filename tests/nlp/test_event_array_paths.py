"""Shortcuts the events stage takes for speed must give what the plain token walks give (issue #14,
speed): an actor phrase trimmed on the document's arrays is the phrase the walk over its tokens keeps,
an actor record made without validation is the validated one, the word vectors kept per word or per
word form are the ones the tokens give, and the typer's columns looked up per sentence are those of
its features."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
from spacy.tokens import Token

from wiresift.model import Document, EventActor
from wiresift.nlp.events import acled_model
from wiresift.nlp.events.actors import _CLOCK, _DETERMINERS, _MONTHS, phrase_tokens, resolve
from wiresift.nlp.events.eventive import unit_vector
from wiresift.nlp.events.lines import on_line
from wiresift.nlp.pipeline import Context, make_stage

if TYPE_CHECKING:
    from spacy.language import Language

TEXT = (
    "02 May 2024, 07:51 Two Kenyan farmers were detained near Orlitz, police said.\n"
    "The following year retired general Ana Ruiz visited the pro-Vardan militia's camp. "
    "A 48-year-old Marlovian trader and the Chief Justice of the Regional Court of Tesk met "
    "thousands of striking dockworkers, who blocked the port; they later dispersed. "
    "Its commander, Colonel Ida Vossberg of the Peruvian army, said 12 soldiers had been wounded."
)


def _plain_phrase(head: Token) -> list[Token]:
    """:func:`phrase_tokens` as the walk over the phrase's tokens it was written as."""
    left = [
        c for c in head.children if c.i < head.i and c.dep_ in {"compound", "amod", "poss", "nmod", "nummod"}
    ]
    start = min([head.i, *[min(t.i for t in c.subtree) for c in left]])
    toks = list(head.doc[start : head.i + 1])
    while toks and (toks[0].lower_ in _DETERMINERS or toks[0].is_punct):
        toks = toks[1:]
    cut = 0
    for i, tok in enumerate(toks):
        if tok.text == "," or _CLOCK.match(tok.text):
            cut = i + 1
        elif not (tok.like_num or tok.lower_ in _MONTHS or tok.ent_type_ in {"DATE", "TIME"}):
            break
    toks = toks[cut:] if cut < len(toks) else toks
    timed = [i for i, t in enumerate(toks[:-1]) if t.ent_type_ in {"DATE", "TIME"}]
    last = -1 if any(toks[i].lower_.endswith("old") for i in timed) else max(timed, default=-1)
    rest = toks[last + 1 :]
    while rest and (rest[0].dep_ == "case" or rest[0].is_punct or rest[0].lower_ in _DETERMINERS):
        rest = rest[1:]
    toks = rest if rest else toks
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and head.pos_ in {"NOUN", "PROPN"}:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objs:
                toks = toks + list(head.doc[head.i + 1 : max(t.i for t in objs[0].subtree) + 1])
    return on_line(toks, head) if toks else [head]


def test_an_actor_phrase_read_from_the_arrays_is_the_plain_walks(nlp: Language) -> None:
    sdoc = nlp(TEXT)
    heads = [t for t in sdoc if t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]
    trimmed = 0
    for head in heads:
        plain = [t.i for t in _plain_phrase(head)]
        assert [t.i for t in phrase_tokens(head)] == plain, head.text
        trimmed += plain[0] > min(t.i for t in head.subtree)
    assert len(heads) > 20 and trimmed > 3  # the date line, time and determiner cuts were taken


def test_an_actor_record_made_unvalidated_is_the_validated_one(nlp: Language) -> None:
    sdoc = nlp(TEXT)
    doc = Document(text=TEXT, published="2024-05-02")
    ctx = Context(parse=nlp)
    make_stage("entities")(doc, sdoc, ctx)
    index = ctx.data["entities"]
    actors = [resolve(t, index, doc.published) for t in sdoc if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    assert any(a.code for a in actors) and any(a.entity for a in actors)
    for actor in actors:
        assert EventActor.model_validate(actor.model_dump()) == actor
        assert actor.model_dump_json() == EventActor(**actor.model_dump()).model_dump_json()


def test_kept_word_vectors_are_the_tokens_own(nlp: Language) -> None:
    sdoc = nlp(TEXT)
    kept = 0
    for tok in sdoc:
        lex = tok.vocab[tok.lemma_.lower()]
        vec = unit_vector(tok.vocab, tok.lemma_.lower())
        if not lex.has_vector or not lex.vector_norm:
            assert vec is None
            continue
        kept += 1
        assert np.array_equal(vec, lex.vector / lex.vector_norm)
        assert not vec.flags.writeable  # shared by every caller: no one may change it
    assert kept > 10
    if sdoc.vocab.vectors.size:
        for tok in sdoc:
            own = acled_model._unit(np.asarray(tok.vector if tok.has_vector else np.zeros(acled_model.DIMS)))
            assert np.array_equal(acled_model._form_unit(sdoc.vocab, tok.orth), own), tok.text


def test_the_typers_columns_per_sentence_are_those_of_its_features(nlp: Language) -> None:
    typer = acled_model.model()
    if typer is None:
        return
    sdoc = nlp(TEXT)
    for sent in sdoc.sents:
        for trigger in [None, *(t for t in sent if re.match(r"^(detain|block|wound|visit)", t.lemma_))]:
            for rule, plover in ((None, None), ("Arrests", "ARREST"), ("Peaceful protest", "PROTEST")):
                feats = acled_model.features(sent, trigger, rule, plover)
                plain = typer.exp_logits(feats, acled_model.dense_logits(sent, trigger))
                sparse = (
                    typer.sparse_logits(feats) + acled_model.dense_logits(sent, trigger) + typer.intercept
                )
                assert np.array_equal(np.exp(sparse - sparse.max()), plain)
                got = acled_model.exp_logits(typer, sent, trigger, rule, plover)
                assert np.array_equal(got, plain), (sent.text, trigger, rule)
