"""Who claims a number: the speaker of the quote around it, else the subject of the reporting
verb that governs its clause ("officials said", "the poll shows", "according to X"), else nobody
(the outlet). Mentions are resolved to entities through ``doc.entities`` when that layer is filled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from wiresift.model import Document, Entity, Quote, SpanRef
from wiresift.nlp.claims.lexicon import DOCUMENT_NOUNS, DOCUMENT_VERBS, REPORTING_VERBS
from wiresift.nlp.claims.polls import poll_before
from wiresift.nlp.entities.coref import Speaker, doc_coref, resolve_scored

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wiresift.nlp.entities.index import EntityIndex

#: Dependency labels by which a reported clause hangs from its reporting verb (or the verb from it).
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "dobj", "ROOT"})
_WORD = re.compile(r"\w+")
_TITLE_STOP = frozenset({"the", "a", "an", "of", "and", "in", "for", "on"})
#: A nominal mention needs this many content words to be matched to a person's title.
TITLE_MIN_WORDS = 2
_SPILLS = re.compile(r"\n\s*[^\s\"“”‘’'`«]")
_DOUBLE_MARK = re.compile(r"\"|“|”|``|''")
_HAS_DIGIT = re.compile(r"\d|\bpercent\b")
_FINAL = frozenset({".", "!", "?", '"', "”", "''", ":"})
#: How a reported clause hangs from the reporting verb that governs it.
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "relcl"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How a finding hangs from a document verb besides a clause: its object and the object's
#: predicate ("the survey shows Lee ahead by 3 points", "the data put the toll at 40").
_FINDING_DEPS = frozenset({"dobj", "npadvmod", "prep", "advmod", "oprd", "attr", "acomp"})
#: Modifiers kept in a speaker mention ("harbour and coastguard officials", "the chair of the port board").
_MENTION_DEPS = frozenset({"compound", "amod", "det", "poss", "conj", "cc", "prep", "pobj", "case", "nmod"})


@dataclass
class Claimant:
    entity: str | None
    name: str | None
    mention: SpanRef | None


def _mention(doc: Doc, subj: Token) -> SpanRef:
    """The subject's noun phrase, or its appositive name ("the head of X, Kenneth Piernick")."""
    for child in subj.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            subj = child
            break
    start = subj.i
    end = subj.i
    for tok in subj.subtree:
        if tok.i < subj.i and tok.dep_ in _MENTION_DEPS | {"punct"} and tok.text not in {",", '"', "“", "”"}:
            start = min(start, tok.left_edge.i if tok.head.i == subj.i else tok.i)
    for child in subj.rights:
        if child.dep_ in {"conj", "cc", "compound"} or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i)
    for i in range(start, subj.i):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1  # a heading glued on by the parser ("Local markets\n\nA new survey")
    while start < end and not doc[start].is_alpha:
        start += 1
    while end > start and doc[end].is_punct:
        end -= 1
    span = doc[start : end + 1]
    return SpanRef(start=span.start_char, end=span.end_char, text=span.text)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and not child.like_num:
            return child
    if verb.dep_ in {"conj", "xcomp"} and verb.head.pos_ == "VERB":
        return _subject(verb.head)
    if _agent_participle(verb):
        return verb.head  # "with PollMark showing her up 3 points", "reports saying ..."
    return None


def _agent_participle(verb: Token) -> bool:
    """An -ing participle on a noun, which is its agent: "a survey showing ...", "with X showing ..."."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}


#: What a reporting verb reports of its own: a clause or an object ("you can't tell that ...").
_OWN_CONTENT = frozenset({"ccomp", "dobj", "xcomp"})


def _subject_before(verb: Token) -> Token | None:
    """The subject nearest before the verb: "a cell ... kept 120 men, XYZ News reported" (the parser
    gave the verb the sentence's first noun as a second subject)."""
    before = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i and not c.like_num]
    return before[-1] if len(before) > 1 else None


def _document_noun(tok: Token) -> bool:
    """ "the data", "the figures", "the poll": by the word as written too ("data" has the lemma "datum")."""
    return tok.lemma_.lower() in DOCUMENT_NOUNS or tok.lower_ in DOCUMENT_NOUNS


def _name(tok: Token) -> bool:
    """A proper noun, or a capitalised noun inside a sentence the tagger missed ("PollMark")."""
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and not tok.is_lower and not tok.is_sent_start)


def _is_reporting(verb: Token, subj: Token | None) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in REPORTING_VERBS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if (subj is not None and subj.lower_ in _GENERIC) or _conditional(verb):
        return False  # "(10 if you count the safety)": a way of counting, nobody's report
    if lemma in DOCUMENT_VERBS:
        # "Lio was found on a raft ...": a passive subject is what was found, not a finder
        if subj is None or subj.dep_ == "nsubjpass":
            return False
        document = _document_noun(subj) or _name(subj)
        # what a poll shows or finds may be an amount itself ("showing him ahead 5 points")
        return document and (lemma in _SHOWING or not _measures(verb))
    if lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False  # "the fresh orders add to a boom": "add to" is a verb of change
    if subj is not None and subj.dep_ == "nsubjpass" and lemma not in _PASSIVE_SPEAKERS:
        return False  # "(the addition of 10 titles was announced ...)": what is announced, not who
    # "the stock added 2 %", "the index put on 40 points": a change, not a report
    return not _measures(verb)


#: Subjects that address the reader ("if you count ..."): no claimant.
_GENERIC = frozenset({"you"})
#: Subordinators of a condition: a verb under one says how a number could be read, not who reports it.
_CONDITION_MARKS = frozenset({"if", "unless"})


def _conditional(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children)


#: Reporting verbs whose passive subject is still the speaker ("the mayor was quoted as saying").
_PASSIVE_SPEAKERS = frozenset({"quote", "cite", "tell", "inform", "brief", "ask"})
#: Document verbs whose object is a finding even when it is an amount ("the poll shows 3 points").
_SHOWING = frozenset({"show", "find", "suggest", "indicate"})
#: Dependency labels of an amount a verb takes as its own object ("added 2 %", "shed $3").
_AMOUNT_DEPS = frozenset({"dobj", "npadvmod"})


def _measures(verb: Token) -> bool:
    """Whether the verb's object is an amount (a number, or a unit or noun a number modifies),
    which makes "add", "count", "record" verbs of change or tally rather than of speech."""
    for child in verb.children:
        if (
            child.dep_ in _AMOUNT_DEPS
            and child.ent_type_ not in {"DATE", "TIME"}
            and (child.like_num or child.text == "%" or any(c.dep_ == "nummod" for c in child.children))
        ):
            return True
    return False


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i and any(
        a.i == root.i for a in [tok, *tok.ancestors]
    )


def reporting_subject(sent: Span, tok: Token) -> Token | None:
    """The subject of the reporting verb whose reported clause holds ``tok`` (None when none does)."""
    # 1. a reporting verb among the ancestors, reached through a clause: "officials said (that)
    #    ... 82 were killed", but not its object: "the bombs claimed 217 lives"
    child = tok
    for anc in tok.ancestors:
        through = child
        child = anc
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        if _writer_voice(anc):
            break
        if through.dep_ in {"attr", "acomp"}:
            wh = next((r for c in anc.children if (r := _wh_reporter(c)) is not None), None)
            if wh is not None and not _crosses_line(tok, wh):
                return wh  # "which Acme claims is a 15 % gain"
        subj = _subject(anc)
        inside = subj is not None and _in_subtree(tok, subj) and not _agent_participle(anc)
        if not _is_reporting(anc, subj) or subj is None or inside or _crosses_line(tok, anc):
            continue
        if subj.lower_ in _RESPONDENT_HEADS or subj.tag_ == "CD":
            break  # what respondents say or expect is the poll's finding, not theirs to claim
        if through.dep_ in _REPORTED_DEPS and not _circumstance(through):
            return subj
        if anc.lemma_.lower() in DOCUMENT_VERBS and through.dep_ in _FINDING_DEPS:
            return subj  # "the poll shows her ahead by 3 points": what a document shows is its finding
    # 2. a reporting verb hanging from the number's clause: "82 were killed, officials said"
    root = tok
    for anc in tok.ancestors:
        root = anc
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or verb.i < tok.i or verb.head.i != root.i:
            continue
        subj = _subject_before(verb) or _subject(verb)
        if subj is None or not _is_reporting(verb, subj) or _crosses_line(tok, verb):
            continue
        if subj.lower_ in _RESPONDENT_HEADS or subj.tag_ == "CD":
            continue
        if verb.dep_ == "conj" and any(c.dep_ in _OWN_CONTENT for c in verb.children):
            continue  # "... a quarter inch thinner, and nobody will notice that ...": its own report
        if verb.i == root.i and _adjunct_of(tok, verb):
            continue  # "As the mother of three, Vega said ...": about the report, not in it
        if verb.dep_ in CLAUSE_DEPS and subj.i > tok.i:
            return subj
    # 3. the parser split "<claim>, <speaker> revealed on Thursday." into two sentences
    follow = continuation(sent)
    if follow is not None:
        verb = follow.root
        subj = _subject(verb)
        objects = {c.dep_ for c in verb.children}
        own_object = objects & {"ccomp", "dobj", "xcomp"}
        if subj is not None and _is_reporting(verb, subj) and not own_object and not _crosses_line(tok, verb):
            return subj
    # 4. "according to X"
    for word in sent:
        if word.lower_ == "according" and word.i + 2 < len(word.doc) and word.nbor(1).lower_ == "to":
            for child in word.nbor(1).children:
                inside = child.left_edge.i <= tok.i <= child.right_edge.i
                if child.dep_ == "pobj" and not inside and not _crosses_line(tok, word):
                    return child
    return None


#: How a phrase that only frames the report hangs from its verb ("In Tarsk, where ..., she insisted").
_FRAMING_DEPS = frozenset({"prep", "advmod", "npadvmod", "agent"})


def _adjunct_of(tok: Token, verb: Token) -> bool:
    """``tok`` lies in a phrase that frames the reporting ``verb`` itself — a fronted or inserted
    prepositional or adverbial phrase, or a clause of time, cause or concession — not in what it
    reports."""
    branch = next((a for a in [tok, *tok.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
    return branch is not None and (branch.dep_ in _FRAMING_DEPS or _circumstance(branch))


def _wh_reporter(verb: Token) -> Token | None:
    """The subject of "which X claims is ...", "what officials say was ...": the parser makes the
    reporting verb the clausal subject of the reported clause, with the relative word as its object."""
    wh = {"WDT", "WP"}
    if verb.dep_ != "csubj" or not any(c.dep_ in {"dobj", "nsubj"} and c.tag_ in wh for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in wh), None)
    return subj if subj is not None and _is_reporting(verb, subj) else None


#: Verbs by which a clause on a noun says who gave its number; not verbs of acts ("a reward
#: announced by the minister" is the minister's act, the amount the outlet's report).
_CITING_VERBS = frozenset(
    {"report", "estimate", "cite", "quote", "claim", "count", "tally", "record", "project", "forecast",
     "predict", "calculate"}
)  # fmt: skip
#: Heads of a subject that is a share of respondents ("A majority of members expect ..."), not a claimant.
#: Fractions and bare numbers ("four-fifths said", "Eight in 10 said") are shares of respondents too.
_RESPONDENT_HEADS = frozenset({
    "majority", "minority", "plurality", "percent", "%", "half", "third", "thirds", "quarter",
    "quarters", "fifth", "fifths", "tenth", "tenths",
})  # fmt: skip


def reported_on(*toks: Token) -> Token | None:
    """Who a clause on the number's noun says reported or cited it: "the $41 million figure Brisket
    cited" (a relative clause whose subject is not the noun itself), "the 40 deaths reported by the
    ministry" (a participle's agent)."""
    for tok in toks:
        for clause in tok.children:
            if clause.lemma_.lower() not in _CITING_VERBS or clause.pos_ != "VERB":
                continue
            if clause.dep_ == "relcl":
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                own = any(c.dep_ == "dobj" for c in clause.children)
                if subj is not None and subj.tag_ not in {"WDT", "WP", "WP$"} and not own:
                    return subj
            elif clause.dep_ == "acl" and clause.tag_ == "VBN":
                for agent in clause.children:
                    if agent.dep_ == "agent":
                        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


#: Nouns of a measurement that claims the numbers it is named over ("in the last poll, 58 % ...").
POLL_NOUNS = frozenset({"poll", "survey", "study", "census", "audit", "tally", "count", "analysis"})
_POLL_PREPS = frozenset({"in", "from"})


def poll_over(tok: Token) -> Token | None:
    """The poll, survey or study that a preposition names over the number: on its noun phrase
    ("a 5-point lead in the polls"), right after it ("slid from 47 percent in the prior poll to 44
    percent today": the 47 only) or before the verb of its clause ("In a May survey, 69 percent said"); not
    when the number lies inside that phrase ("in a poll of 1,000 adults")."""
    in_phrase = True
    for anc in [tok, *tok.ancestors]:
        in_phrase = in_phrase and anc.pos_ not in {"VERB", "AUX"}
        for prep in anc.children:
            if prep.dep_ != "prep" or prep.lower_ not in _POLL_PREPS:
                continue
            if prep.left_edge.i <= tok.i <= prep.right_edge.i or _crosses_line(tok, prep):
                continue
            if not (in_phrase or prep.i < anc.i or prep.i == tok.right_edge.i + 1):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() in POLL_NOUNS:
                    return obj
    return None


#: Subordinators of a clause that sets the time, cause or concession of the report itself
#: ("X reported its third case after two others were revealed"): not what is reported.
_CIRCUMSTANCE_MARKS = frozenset(
    {
        "after",
        "before",
        "since",
        "until",
        "when",
        "while",
        "although",
        "though",
        "because",
        "once",
        "whereas",
        "as",
    }
)
_WRITER = frozenset({"we", "i"})


def _circumstance(clause: Token) -> bool:
    """An adverbial clause opened by a subordinator of time, cause or concession."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in clause.children
    )


def _writer_voice(verb: Token) -> bool:
    """A clause whose subject is the writer ("we would not rule out ..."): the outlet speaks there."""
    return any(c.dep_ == "nsubj" and c.lower_ in _WRITER for c in verb.children)


def _crosses_line(a: Token, b: Token) -> bool:
    """A line break between two tokens: a headline or caption the parser glued to the next sentence."""
    lo, hi = sorted((a.i, b.i))
    return "\n" in a.doc[lo : hi + 1].text


def continuation(sent: Span) -> Span | None:
    """The next sentence when the parser cut a sentence short: ``sent`` does not end on final
    punctuation and no line break follows ("<claim>, Chief of X" | "Joint Staff revealed ...")."""
    doc = sent.doc
    last = sent.end - 1
    while last > sent.start and doc[last].is_space:
        last -= 1
    if doc[last].text in _FINAL or sent.end >= len(doc) or "\n" in doc[last : sent.end + 1].text_with_ws:
        return None
    return doc[sent.end].sent


def _entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity named in ``[start, end)``; a nationality only when it is the whole mention
    ("the Russians" is a claimant, the "Russian" of "the Russian General" is not)."""
    adjectival = None
    for ent in entities:
        for s, e in ent.mentions:
            if s < end and start < e:
                if ent.type != "NORP":
                    return ent
                if s <= start and end <= e:
                    adjectival = ent
    return adjectival


def _entity_by_title(entities: list[Entity], mention: str) -> Entity | None:
    """The one person whose title holds every content word of a capitalised nominal mention:
    "Joint Staff" -> the entity titled "head of the CSTO Joint Staff"."""
    words = [w for w in _WORD.findall(mention) if w.lower() not in _TITLE_STOP]
    if len(words) < TITLE_MIN_WORDS or not any(w[0].isupper() for w in words):
        return None
    wanted = {w.lower() for w in words}
    found = [
        ent
        for ent in entities
        if ent.type == "PERSON"
        and any(wanted <= {w.lower() for w in _WORD.findall(title)} for title in ent.titles)
    ]
    return found[0] if len(found) == 1 else None


#: The signature line of an embedded post: "— Ann Lee (@annlee) November 18, 2019".
_SIGNATURE = re.compile(r"[—–]\s*(?P<name>[^\n—–()@]{2,60}?)\s*\(@\w{1,30}\)")


_TO_LAST_LETTER = re.compile(r".*[^\W\d_]")


def tweet_author(text: str, pos: int) -> SpanRef | None:
    """The author of an embedded social-media post whose text holds ``pos``: the name of the
    signature line that closes the post's paragraph or opens the next one ("... close to $90,000 for the mural — Ann Lee
    (@annlee) November 18, 2019"); the post is the author's words as a quote is its speaker's."""
    line_end = text.find("\n", pos)
    line_end = line_end if line_end >= 0 else len(text)
    # on the post's own line, or opening the next line ("...on it\n\n— Ann Lee (@annlee) ...")
    next_line = len(text) - len(text[line_end:].lstrip())
    m = _SIGNATURE.search(text, pos, line_end) or _SIGNATURE.match(text, next_line)
    if m is None:
        return None
    raw = m.group("name")
    letters = _TO_LAST_LETTER.match(raw.strip())  # "Ann Lee 🌈": the name without its emoji
    if letters is None:
        return None
    name = letters.group(0)
    start = m.start("name") + raw.index(name)
    return SpanRef(start=start, end=start + len(name), text=name)


def _mispaired(quote: Quote) -> bool:
    """A quote that runs on into a paragraph not opened by a quotation mark (news style reopens the
    mark on every quoted paragraph), or holds a double mark inside its outer ones, was paired from
    the close of one quote to the opening of the next: its speaker is not the number's claimant."""
    inner = quote.text.strip().strip("\"“”`'").strip()
    text = quote.text.strip()
    # opened by a closing mark or closed by an opening one ("'' that the rifle ... ``")
    backwards = text.startswith(("''", "”")) or text.endswith(("``", "“"))
    return bool(backwards or _SPILLS.search(quote.text) or _DOUBLE_MARK.search(inner))


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote whose content holds ``[start, end)`` and names a usable speaker.

    Quotes built from mispaired marks are skipped (see :func:`_mispaired`). A speaker mention that
    itself holds a number ("Just 61 percent of the members surveyed felt
    that ...") is a poll share, not a claimant of the numbers around it.
    """
    for q in quotes:
        if not (q.start <= start and end <= q.end) or _mispaired(q):
            continue
        mention = q.speaker_mention
        if mention is not None and _HAS_DIGIT.search(mention.text):
            continue
        if q.speaker or q.speaker_name or mention:
            return q
    return None


def _from_quote(quote: Quote) -> Claimant:
    name = quote.speaker_name or (quote.speaker_mention.text if quote.speaker_mention else None)
    return Claimant(quote.speaker, name, quote.speaker_mention)


#: Subject pronouns a reporting verb may have; the entities stage's coreference resolves them.
PRONOUNS = frozenset({"he", "she", "it", "they", "we"})


def _pronoun_entity(doc: Document, index: EntityIndex | None, subj: Token, mention: SpanRef) -> str | None:
    """The entity a pronoun claimant ("It said ...", "he told") stands for, by the entities stage's
    coreference (rules and the learned mention ranker, which abstains when unsure); the speaker of
    the last quote before it is the follow-on candidate ("'...,' Ames said. He added ...")."""
    if index is None:
        return None
    before = [q for q in doc.quotes if q.end <= mention.start and q.speaker and not _mispaired(q)]
    prev = max(before, key=lambda q: q.end) if before else None
    speaker = Speaker(mention.start, mention.end, subj.lower_, subj.idx, subj.idx + len(subj.text))
    eid, _p = resolve_scored(
        index, speaker, prev.speaker if prev else None, prev.end if prev else -1, mention.text
    )
    if eid is None and subj.lower_ == "it":
        eid = _speaking_it(index, mention.start, mention.end)
    return eid


#: How many sentences back the organisation a speaking "it" stands for may have been named.
IT_SENTENCES = 1


def _speaking_it(index: EntityIndex, start: int, end: int) -> str | None:
    """The coreference model's best-ranked organisation for an "it" that reports something.

    The model's threshold was chosen over every "it", most of which mean a thing the text does not
    name as an entity, so it abstains on "The Harlow Water Board met. It said ..."; the subject of a
    reporting verb is an agent, so here its first-ranked candidate is taken when that is an
    organisation named in the same or the previous sentence."""
    state = doc_coref(index)
    ana = state.anaphor_at(start, end) if state is not None else None
    if state is None or state.weights is None or ana is None or ana.kind != "it":
        return None
    cands = state.candidates(ana)
    if not cands:
        return None
    best = cands[int(np.argmax(state.weights.prob(state.features(ana, cands))))]
    near = state.place(ana.start, ana.end).sent - best.last.place.sent <= IT_SENTENCES
    return best.eid if near and index.entities[best.eid].type == "ORG" else None


def find_claimant(
    doc: Document,
    sent: Span,
    tok: Token,
    start: int,
    end: int,
    number: Token | None = None,
    index: EntityIndex | None = None,
) -> Claimant:
    """The claimant of the claim ``[start, end)`` whose counted noun (else number) is ``tok`` and
    whose number's syntactic head is ``number`` (``tok`` when not given). ``index`` is the entities
    stage's mention index (``ctx.data["entities"]``), through which pronoun claimants are resolved.

    Order: the speaker of a direct or mixed quote around it; the subject of a reporting verb
    governing it in the same sentence; a poll named by a preposition over it; a poll named just
    before a respondent share (:mod:`~wiresift.nlp.claims.polls`); the outlet. Indirect quotes of
    the quotes layer are not used: inside one sentence the parse finds the same speaker, and on dev
    it was right more often.
    """
    quote = _quote_at(doc.quotes, start, end)
    if quote is not None and quote.kind != "indirect":
        return _from_quote(quote)
    author = tweet_author(doc.text, end)
    if author is not None:
        ent = _entity_at(doc.entities, author.start, author.end)
        return Claimant(ent.id if ent else None, ent.name if ent else author.text, author)
    head = number if number is not None else tok
    subj = (
        reporting_subject(sent, tok) or reported_on(tok, head) or poll_over(head) or poll_before(sent, head)
    )
    if subj is None:
        return Claimant(None, doc.site, None)
    mention = _mention(sent.doc, subj)
    said = quote.speaker_mention if quote is not None else None
    if quote is not None and quote.speaker and said and said.start < mention.end and mention.start < said.end:
        # the same speaker as the quotes layer found, which resolved it ("the Russian General" -> Sidorov)
        return Claimant(quote.speaker, quote.speaker_name, mention)
    if subj.lower_ in PRONOUNS and subj.pos_ == "PRON":
        eid = _pronoun_entity(doc, index, subj, mention)
        ent = index.get(eid) if index is not None else None
    else:
        ent = _entity_at(doc.entities, mention.start, mention.end) or _entity_by_title(
            doc.entities, mention.text
        )
    if ent is not None:
        return Claimant(ent.id, ent.name, mention)
    return Claimant(None, mention.text, mention)
