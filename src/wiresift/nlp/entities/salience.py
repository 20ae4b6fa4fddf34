"""The person a sentence-opening "he"/"she" continues: the subject of the sentences before it.

News copy keeps the person it is talking about in subject position: "Lee was the third witness to
testify. He said he was not worried." — the "he" is Lee, not the last person named ("…the call with
President Obe") nor the speaker of a quote two paragraphs up. :func:`subject_antecedent` walks back
over at most :data:`MAX_SENTENCES` sentences from a pronoun that is its sentence's main subject: a
sentence whose main subject is the same pronoun passes the chain on ("Ann Lee faces a fine. She was
arrested in May. During the call, she asked …"), a sentence naming no person is skipped, and the
first main subject that is a person of a compatible gender (titles, else first name) answers; a
person who is the subject of a clause fronted in the pronoun's own sentence ("While Lee has praised
the plan, she said …") answers before any earlier sentence. Anything else abstains.
A sentence-opening "they" after a sentence about an unnamed group ("Analysts expect …") means that
group (:func:`unnamed_group`), no entity. Sentences wholly inside quotation marks are looked through
(the speaker's words, not the narrative); a subject that is an unnamed person ("one delegate", "Lee's
lawyer") ends the walk with no one; a person's thing ("Lee's response") stands for that person.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.entities.given_names import name_gender
from wiresift.nlp.entities.mentions import FEMININE, MASCULINE, PERSON_NOUNS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wiresift.nlp.entities.coref_model import DocCoref
    from wiresift.nlp.entities.index import EntityIndex

#: Sentences a subject chain may reach back over.
MAX_SENTENCES = 3
#: Sentences wholly inside quotation marks it may look through besides ("“…. …. ….” she said." after
#: "Lee spoke next."): a quoted passage is the speaker's words, not a change of topic.
MAX_QUOTED_SENTENCES = 8
_GENDER = {"he": "m", "she": "f"}
#: What :func:`subject_antecedent` returns when the pronoun continues a person the text does not name.
UNNAMED = ""
#: How far into a line whose verb has no subject a name may open it (:func:`_stray_subject`): a
#: title and a first name before the surname ("Senior committee counsel Ivan Petrov").
STRAY_SUBJECT_TOKENS = 6
#: Determiners that bring in a person the text does not name.
INDEFINITE = frozenset({"a", "an", "one", "another"})
_PLURAL = frozenset({"they"})


_OPENING = frozenset({"\u201c", "\u00ab"})
_CLOSING = frozenset({"\u201d", "\u00bb"})


def quoted(span: Span) -> set[int]:
    """Indices of the tokens of ``span`` inside double quotation marks (the marks included). A span
    that opens inside a quotation ("Yes," he said. after a quote running over sentences) counts its
    words before the first closing mark as quoted; a straight mark hanging on the word before it closes."""
    inside: set[int] = set()
    state: bool | None = None  # None: no mark seen yet
    pending: list[int] = []
    sdoc = span.doc
    texts = doccache.of(sdoc).texts  # the words' texts read once: no Token made but at a straight mark
    for i in range(span.start, span.end):
        text = texts[i]
        straight = text == '"'
        closing = text in _CLOSING or (
            straight and (state is True or (state is None and _attached(sdoc[i], span)))
        )
        if text in _OPENING or (straight and not closing):
            state = True
            inside.add(i)
            continue
        if closing:
            if state is None:
                inside.update(pending)  # the span opened inside a quotation
            inside.add(i)
            state = False
            continue
        if state is None:
            pending.append(i)
        elif state:
            inside.add(i)
    return inside


def _attached(tok: Token, span: Span) -> bool:
    """Whether a straight mark closes a quotation: it hangs on the word before it (``works,"``) or
    ends its line. A mark spaced on both sides (as in tokenised corpora) opens one."""
    if (
        "\n" in tok.whitespace_
        or tok.i + 1 == len(tok.doc)
        or (tok.nbor(1).is_space and "\n" in tok.nbor(1).text)
    ):
        return True
    return tok.i > span.start and not tok.nbor(-1).whitespace_ and not tok.nbor(-1).is_space


def lines(sent: Span) -> list[Span]:
    """The parts of a sentence between line breaks: the parse can run a heading line, a caption or
    the end of a quotation paragraph into the sentence that follows it."""
    parts, start = [], sent.start
    for tok in sent:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            if any(not t.is_space for t in tok.doc[start : tok.i + 1]):
                parts.append(tok.doc[start : tok.i + 1])
            start = tok.i + 1
    if start < sent.end and any(not t.is_space for t in tok.doc[start : sent.end]):
        parts.append(sent.doc[start : sent.end])
    return parts or [sent]


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def main_subject(sent: Span) -> Token | None:
    """The subject of the sentence's root verb (the first, when conjoined), else None. When the parse
    roots the sentence inside a quotation ("“It works,” she said, “so I stayed.”" rooted on "stayed")
    (a span of one line of it, see :func:`lines`, has its own root), the subject outside quotation marks of the verb outside them
    nearest the root answers: the words between the marks are the speaker's, not the writer's."""
    inside = quoted(sent)
    root = sent.root
    if root.i not in inside:
        for tok in root.children:
            if tok.dep_ in SUBJECT_DEPS and sent.start <= tok.i < sent.end:
                return tok if tok.i not in inside else None
        return None
    best: Token | None = None
    for tok in sent:
        if tok.dep_ not in SUBJECT_DEPS or tok.i in inside or tok.head.i in inside:
            continue
        if not sent.start <= tok.head.i < sent.end:
            continue
        if best is None or _depth(tok) < _depth(best):
            best = tok
    return best


def _person_at(index: EntityIndex, tok: Token) -> str | None:
    eid = index.at(tok.idx, tok.idx + len(tok.text))
    entity = index.get(eid)
    return eid if entity is not None and entity.type == "PERSON" else None


def _names_person(index: EntityIndex, sent: Span) -> bool:
    lo = bisect_left(index.mentions, (sent.start_char, 0, ""))
    hi = bisect_left(index.mentions, (sent.end_char, 0, ""))
    return any(index.entities[eid].type == "PERSON" for _s, _e, eid in index.mentions[lo:hi])


def subject_antecedent(
    index: EntityIndex, state: DocCoref, head_start: int, voices: bool = False
) -> str | None:
    """The person the pronoun at ``head_start`` continues as its sentence's subject, :data:`UNNAMED`
    when that subject is a person the text does not name ("One delegate said he tried. He failed, he
    said": not the candidate named a paragraph up), or None. With ``voices``, an unnamed person who
    speaks for an organisation named in their own phrase gives that organisation
    (:func:`voice_of`)."""
    tok = state.geo.token(head_start, head_start + 1)
    if tok is None or tok.lower_ not in _GENDER or tok.dep_ not in SUBJECT_DEPS:
        return None
    own = _line_of(tok)
    first = main_subject(own)
    if first is None or first.lower_ != tok.lower_:
        return None  # "Lee said he would …": the pronoun is not what the sentence is about
    gender = _GENDER[tok.lower_]
    fronted = _fronted_clause_subject(index, tok)
    if fronted is not None:
        return fronted if _gender_of(index, state, fronted) in ("", gender) else None
    sdoc = tok.doc
    sent = tok.sent
    earlier = [part for part in lines(sent) if part.end <= own.start]
    budget = MAX_SENTENCES + 1
    for _ in range(MAX_SENTENCES + 1 + MAX_QUOTED_SENTENCES):
        if budget == 0:
            return None
        if not earlier or not all(wholly_quoted(part) for part in earlier):
            budget -= 1  # a sentence all inside quotation marks is the speaker's: the walk looks through it
        for part in reversed(earlier):
            if wholly_quoted(part):
                continue
            subject = main_subject(part)
            if subject is None:
                subject = _stray_subject(index, part)
            if subject is not None and subject.lower_ == tok.lower_:
                continue
            eid = _person_at(index, subject) if subject is not None else None
            if eid is None and subject is not None:
                eid = _owner_subject(index, subject, part)
            if eid is not None:
                return eid if _gender_of(index, state, eid) in ("", gender) else None
            if subject is not None and _unnamed_person(index, subject):
                body = voice_of(index, subject) if voices else None
                return (
                    body
                    if body is not None and _NOUN_GENDER.get(subject.lower_, gender) == gender
                    else UNNAMED
                )
            if _names_person(index, part):
                return None
        if sent.start == 0:
            return None
        sent = sdoc[sent.start - 1].sent
        earlier = lines(sent)
    return None


def voice_of(index: EntityIndex, subject: Token) -> str | None:
    """The one organisation an unnamed person noun speaks for, named in the noun's own phrase: "a
    spokeswoman for Norvik Air", "Norvik Air's spokesman", "a Norvik Air official" (its owner, a
    compound, or the object of a preposition on it). The team's gold, like most newsrooms, counts an
    organisation's unnamed voice as the organisation: "She said …" after "A spokeswoman for Norvik
    Air said …" is Norvik Air speaking again."""
    found = set()
    for child in subject.children:
        if child.dep_ in ("poss", "compound"):
            words = list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in _VOICE_PREPOSITIONS:
            words = [t for c in child.children if c.dep_ == "pobj" for t in c.subtree]
        else:
            continue
        for t in words:
            eid = index.at(t.idx, t.idx + len(t.text))
            if eid is not None and index.entities[eid].type == "ORG":
                found.add(eid)
    return found.pop() if len(found) == 1 else None


#: Prepositions that tie a spokesperson to the body they speak for ("for", "of", "at", "from").
_VOICE_PREPOSITIONS = frozenset({"for", "of", "at", "from", "with"})
#: The gender a person noun tells ("spokeswoman": "f"); nouns not listed tell none.
_NOUN_GENDER = {w: "m" for w in MASCULINE} | {w: "f" for w in FEMININE}


def _owner_subject(index: EntityIndex, subject: Token, part: Span) -> str | None:
    """The person whose thing is the active subject of a line that names no other person: "Lee's
    response has been sharp. He has proposed …" continues Lee. Not when the thing is a person ("Lee's
    lawyer said … He added" is the lawyer) nor where another person is named ("Lee's plan was
    praised by Berg")."""
    if subject.dep_ != "nsubj" or subject.pos_ != "NOUN" or subject.lower_ in PERSON_NOUNS:
        return None
    owners = [c for c in subject.children if c.dep_ == "poss"]
    eid = _person_at(index, owners[0]) if owners else None
    if eid is None:
        return None
    lo = bisect_left(index.mentions, (part.start_char, 0, ""))
    hi = bisect_left(index.mentions, (part.end_char, 0, ""))
    named = {m for _s, _e, m in index.mentions[lo:hi] if index.entities[m].type == "PERSON"}
    return eid if named == {eid} else None


def _stray_subject(index: EntityIndex, part: Span) -> Token | None:
    """The person a misparse took from the subject of a verb that has none: a name opening the line
    before the verb ("Early, who …, does not think" with "Early" read as an adverb; "Committee counsel
    Ivan Petrov asked …" hung on a heading run into the line)."""
    root = part.root
    if root.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return None
    inside = quoted(part)
    for tok in part[:STRAY_SUBJECT_TOKENS]:
        if tok.i >= root.i or tok.i in inside:
            return None
        if _person_at(index, tok) is not None:
            return tok
    return None


def _unnamed_person(index: EntityIndex, subject: Token) -> bool:
    """Whether ``subject`` brings in one person the text does not name: a singular person noun with an
    indefinite determiner ("a woman", "one delegate", "another witness") or an owner ("Lee's lawyer",
    "his aide": not Lee) and no name in its phrase ("a local pastor, Tom Hale," is Hale)."""
    if subject.pos_ != "NOUN" or subject.tag_ == "NNS" or subject.lower_ not in PERSON_NOUNS:
        return False
    if not any(
        (c.lower_ in INDEFINITE and c.dep_ in ("det", "nummod")) or c.dep_ == "poss" for c in subject.children
    ):
        return False  # neither "a lawyer" nor "Lee's lawyer", "his lawyer": a person named before
    owner = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
    return not any(_person_at(index, t) is not None for t in subject.subtree if t.i not in owner)


def wholly_quoted(part: Span) -> bool:
    """Whether every word of ``part`` is inside quotation marks: a sentence of a speaker's own words
    ("“We will appeal. The ruling is wrong.”"), which says nothing of whom the narrative is about."""
    words = [t.i for t in part if not (t.is_space or t.is_punct)]
    if not words:
        return False
    if _open_at(doccache.of(part.doc).text, part.start_char) and not any(
        t.text in _OPENING or t.text in _CLOSING or t.text == '"' for t in part
    ):
        return True  # a middle sentence of a quotation running over several: no mark of its own
    inside = quoted(part)
    return all(i in inside for i in words)


def _open_at(text: str, pos: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at ``pos``."""
    state = False
    for ch in text[text.rfind("\n", 0, pos) + 1 : pos]:
        if ch in _OPENING:
            state = True
        elif ch in _CLOSING:
            state = False
        elif ch == '"':
            state = not state
    return state


def _gender_of(index: EntityIndex, state: DocCoref, eid: str) -> str:
    """A person's gender from titles and courtesy titles, else from the first name: "Ann Lee was
    questioned. He said …" does not continue with Ann Lee."""
    return state.gender(eid, chains=False) or name_gender(index.entities[eid].name)


def _fronted_clause_subject(index: EntityIndex, tok: Token) -> str | None:
    """The person subject of a clause fronted before the pronoun's own verb ("While Governor Ann Lee
    has praised the plan, she said …", "After Lee lost, he told …"): the sentence is about that
    person, whatever the sentences before it were about."""
    verb = tok.head
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i >= tok.i:
            continue
        for subj in clause.children:
            if subj.dep_ in SUBJECT_DEPS and subj.i < tok.i:
                return _person_at(index, subj)
    return None


def _line_of(tok: Token) -> Span:
    """The line of its sentence that holds ``tok``."""
    return next((part for part in lines(tok.sent) if part.start <= tok.i < part.end), tok.sent)


def unnamed_group(index: EntityIndex, state: DocCoref, head_start: int) -> bool:
    """Whether a sentence-opening "they" continues the previous sentence's subject and that subject
    is a group the text does not name ("Analysts expect a rise. They say …"): then no entity is
    meant, and the nearest organisation must not take the words."""
    tok = state.geo.token(head_start, head_start + 1)
    if tok is None or tok.lower_ not in _PLURAL or tok.dep_ not in SUBJECT_DEPS:
        return False
    first = main_subject(_line_of(tok))
    if first is None or first.i != tok.i or tok.sent.start == 0:
        return False
    subject = main_subject(lines(tok.doc[tok.sent.start - 1].sent)[-1])
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NNS":
        return False
    return index.at(subject.idx, subject.idx + len(subject.text)) is None
