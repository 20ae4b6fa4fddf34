"""Who reports: the speaker phrase of a reporting verb (its subject, cut to a noun phrase).

Split from :mod:`quotes` to keep modules small. A speaker is a :class:`~wiresift.nlp.coref.Speaker`:
the local mention span and its head word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS
from wiresift.nlp.quotes.cues import CUE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.entities.index import EntityIndex

#: Longer subject subtrees are cut down to the subject's own noun phrase.
MAX_SPEAKER_TOKENS = 10
SUBJECTS = ("nsubj", "nsubjpass")
#: Dependencies through which a subject-less verb borrows the subject of its head ("X paused and
#: said", "X began by saying", "X spoke, adding that").
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
#: How many heads up from a quoted phrase the governing verb may be ("as a “crazy system”": 2).
MAX_CLIMB = 4


def speaker_span(sdoc: Doc, verb: Token, avoid: tuple[int, int] | None) -> Speaker | None:
    """The subject of ``verb`` (or of the verb it is conjoined to), outside the quote ``avoid``."""
    tok = verb
    for _ in range(4):
        # A subject inside the quote is a parse slip ("“My reaction, …,” X said"): take one outside it.
        subj = own_subject(tok, avoid)
        if subj is not None and tok.i != verb.i and reported_passive(tok, subj):
            tok, subj = tok.head, None  # "X said the army could be deployed, warning: …": X warns
            continue
        if subj is not None:
            break
        subj = controller(tok, avoid)
        if subj is not None:
            break
        if tok.dep_ in CLIMB_DEPS and tok.head.i != tok.i and same_paragraph(tok, tok.head):
            tok = tok.head
        else:
            return opening_subject(sdoc, verb, avoid)
    if subj is None:
        return None
    if subj.lower_ == "that" and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        subj = tok.head  # "rules that promise ...": the rules (annotators keep "who" and "which" as is)
    if avoid and avoid[0] <= subj.idx < avoid[1]:
        return None
    left, right = subj.left_edge.i, subj.right_edge.i + 1
    if right - left > MAX_SPEAKER_TOKENS or (avoid and left <= tok_of(sdoc, avoid[0]) < right):
        left = noun_phrase_start(subj)
        right = subj.i + 1
    while right > left + 1 and right - 1 != subj.i and (sdoc[right - 1].is_punct or sdoc[right - 1].is_space):
        right -= 1  # (the subject itself stays: "45%" is no "45")
    if subj.pos_ == "NOUN" and (named := apposed_name(sdoc, subj, tok, right)) is not None:
        return named  # "The boss of the fund backing Reed, Paula Sneddon, defended …": Sneddon
    span = sdoc[left:right]
    found = Speaker(span.start_char, span.end_char, subj.lower_, subj.idx, subj.idx + len(subj.text))
    if left < verb.i and "\n" in sdoc[left : verb.i].text:  # (a Span's text: the Doc's costs O(n))
        # the parse ran the clause back over a heading line ("2:45 p.m.\n\nThe tax commissioner says")
        opening = opening_subject(sdoc, verb, avoid) if not same_paragraph(subj, verb) else None
        return opening or paragraph_subject(sdoc, verb) or _after_break(sdoc, left, subj) or found
    return found


def apposed_name(sdoc: Doc, subj: Token, verb: Token, right: int) -> Speaker | None:
    """The person's name set off by commas right before ``verb`` after a common-noun subject whose
    speaker phrase (ending at token ``right``) left it out: in "The boss of the fund backing Governor
    Reed, Paula Sneddon, defended …" the parse hangs the name on "Reed", but it names the boss, who
    speaks. The name must be a PERSON of the tagger, directly between two commas and the verb, and
    apposed to the subject or to another name (a name apposed to a common noun inside the phrase may
    name that noun's person: "a spokesman for the mayor, Tom Reed, said")."""
    end = verb.i - 1
    if end <= subj.i or sdoc[end].text != "," or sdoc[end - 1].ent_type_ != "PERSON":
        return None
    start = end - 1
    while start > subj.i and sdoc[start - 1].ent_type_ == "PERSON" and sdoc[start].ent_iob_ != "B":
        start -= 1
    if start <= right or sdoc[start - 1].text != "," or sdoc[start].ent_iob_ != "B":
        return None
    if "\n" in sdoc[subj.i : verb.i].text or sdoc[start].sent.start != subj.sent.start:
        return None
    head = sdoc[end - 1]
    if head.dep_ != "appos" or not (head.head.pos_ == "PROPN" or head.head.i == subj.i):
        return None  # "a spokesman for the mayor, Tom Reed, said": the parse names the mayor; leave it
    return Speaker(
        sdoc[start].idx, head.idx + len(head.text), head.lower_, head.idx, head.idx + len(head.text)
    )


#: Dependents that belong to a speaker's own noun phrase when its subject phrase is cut down (with the
#: number of a share: "45% of the teachers who …" is cut to "45%", not "%").
PREMODIFIERS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod"})
#: Marks that set an aside apart inside a noun phrase.
ASIDE_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–"})


def noun_phrase_start(noun: Token) -> int:
    """Where ``noun``'s own noun phrase starts: its adjacent determiners, modifiers and owners with their
    words ("Hollin's Seed Supply Co.", "Port Vell-based Dunmore Savings"), at most a speaker phrase long."""
    left = noun.i
    for c in reversed(list(noun.lefts)):
        if (
            c.dep_ not in PREMODIFIERS
            or c.right_edge.i != left - 1
            or noun.i - c.left_edge.i >= MAX_SPEAKER_TOKENS
        ):
            break
        if any(t.text in ASIDE_MARKS for t in noun.doc[c.left_edge.i : c.right_edge.i + 1]):
            break  # (in "a Velden Falls, Pa., glassworks" the town and state are an aside of their own)
        left = c.left_edge.i
    return left


def line_start(sdoc: Doc, lo: int, hi: int) -> int | None:
    """The first word of the last line that starts in ``sdoc[lo:hi]`` (after its last line break,
    leading spaces and punctuation skipped, at most ``hi``); None when no line break lies there."""
    breaks = [t.i for t in sdoc[lo:hi] if "\n" in t.text]
    if not breaks:
        return None
    start = breaks[-1] + 1
    while start < hi and (sdoc[start].is_space or sdoc[start].is_punct):
        start += 1
    return start


def _after_break(sdoc: Doc, left: int, subj: Token) -> Speaker | None:
    """The part of a speaker phrase after the last line break before its head: a dateline the parse
    ran into the subject (a "BREE, Ruritania" line above "Acme, a sensor maker, announced …") is not
    the speaker's."""
    start = line_start(sdoc, left, subj.i)
    if start is None:
        return None
    right = subj.right_edge.i + 1
    if right - start > MAX_SPEAKER_TOKENS:
        right = subj.i + 1
    while right > start + 1 and (sdoc[right - 1].is_punct or sdoc[right - 1].is_space):
        right -= 1
    span = sdoc[start:right]
    return Speaker(span.start_char, span.end_char, subj.lower_, subj.idx, subj.idx + len(subj.text))


#: Tags of a verb that heads a clause of its own (no infinitive, participle or gerund).
TENSED = frozenset({"VBD", "VBZ", "VBP"})
#: How far back the paragraph start of :func:`opening_subject` may lie.
MAX_OPENING_TOKENS = 40


def opening_subject(sdoc: Doc, verb: Token, avoid: tuple[int, int] | None) -> Speaker | None:
    """The noun phrase that opens a subject-less reporting verb's paragraph when the parse hung it on
    the paragraph before ("…” ¶ The foreman on the night shift, who has run the kilns since 2009, said
    …": the foreman, whom the parse made an apposition in the quoted line above)."""
    if verb.tag_ not in TENSED:
        return None
    first = line_start(sdoc, max(0, verb.i - MAX_OPENING_TOKENS), verb.i)
    if first is None:
        return None
    if first >= verb.i or (avoid and avoid[0] <= sdoc[first].idx < avoid[1]):
        return None
    root = sdoc[first]
    while first <= root.head.i < verb.i and root.head.i != root.i:
        root = root.head
    # the phrase's head hangs before the paragraph: the parse slip, not a fronted object or clause
    if root.pos_ not in ("NOUN", "PROPN") or root.head.i >= first or root.dep_ == "ROOT":
        return None
    # nothing else between the phrase and the verb but an aside set off by commas
    end = root.right_edge.i + 1
    if end < verb.i and sdoc[verb.i - 1].text != ",":
        return None
    comma = next((t.i for t in sdoc[root.i : end] if t.text == ","), end)
    right = comma if comma - first <= MAX_SPEAKER_TOKENS else root.i + 1
    left = first if right - first <= MAX_SPEAKER_TOKENS else root.i
    while right > left + 1 and (sdoc[right - 1].is_punct or sdoc[right - 1].is_space):
        right -= 1
    span = sdoc[left:right]
    return Speaker(span.start_char, span.end_char, root.lower_, root.idx, root.idx + len(root.text))


def own_subject(verb: Token, avoid: tuple[int, int] | None) -> Token | None:
    """The subject of ``verb`` outside ``avoid``; of two (a parse slip: "State schools chief Ann Lee
    has cited …" parsed with "schools" and "Lee" both subjects) the proper noun nearest the verb."""
    subjects = [
        c for c in verb.children if c.dep_ in SUBJECTS and not (avoid and avoid[0] <= c.idx < avoid[1])
    ]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    before = [c for c in subjects if c.i < verb.i] or subjects
    proper = [c for c in before if c.pos_ == "PROPN"]
    return (proper or before)[-1]


def reported_passive(tok: Token, subj: Token) -> bool:
    """Whether ``tok``, reached by climbing from a reporting verb's adjunct, is a passive clause that
    another reporting verb reports ("X said the army could be deployed, warning …"): its subject is
    acted on and does not speak; the reporter above it does."""
    return (
        subj.dep_ == "nsubjpass"
        and tok.dep_ == "ccomp"
        and tok.head.i != tok.i
        and tok.head.lemma_ in CUE_VERBS
        and any(c.dep_ in SUBJECTS for c in tok.head.children)
    )


def own_named_source(sdoc: Doc, verb: Token, speaker: Speaker | None) -> bool:
    """Whether a reporting verb in an adjunct clause of another report names its own source: in "X
    said he acted after the Post reported that …" the Post reports, not X. A pronoun or common noun
    subject leaves the report to the outer speaker."""
    if speaker is None or verb.dep_ != "advcl" or speaker.head_start < 0:
        return False
    head = sdoc.char_span(speaker.head_start, speaker.head_end)
    return head is not None and head[0].pos_ in ("PROPN", "NOUN") and head[0].head.i == verb.i


#: Verbs that make their object do what their infinitive says: the object speaks ("forced the banker
#: to admit ...", "led voters to conclude ...", "heard her say ..."). Directives are not here: in
#: "urged voters to ask ..." or "pressed the party to drop ..." the one who urges is the source.
CAUSE_TO_SAY = frozenset({"force", "lead", "prompt", "cause", "leave", "drive", "inspire", "compel", "hear"})
#: Verbs that show their object in the act ("footage of the senator asking ...", "left the voters
#: feeling ...", "caught the mayor saying ..."): only with a participle.
SHOWN_SAYING = CAUSE_TO_SAY | frozenset(
    {"see", "show", "watch", "catch", "feature", "use", "film", "record", "capture", "find", "quote"}
)


def controller(verb: Token, avoid: tuple[int, int] | None) -> Token | None:
    """The object that does what ``verb`` (an infinitive or participle below it) says, when the verb
    above makes or shows it doing so: "forced the banker to admit ...", "footage of Ann Lee asking"."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or head.i == verb.i:
        return None
    if head.lemma_ not in (SHOWN_SAYING if verb.tag_ == "VBG" else CAUSE_TO_SAY):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or (avoid and avoid[0] <= obj.idx < avoid[1]) or obj.ent_type_ in ("DATE", "TIME"):
        return None
    if obj.pos_ in ("PROPN", "NOUN") or obj.lower_ in PERSON_PRONOUNS or obj.lower_ in PLURAL_PRONOUNS:
        return obj
    return None


def aside_speaker(sdoc: Doc, verb: Token) -> Speaker | None:
    """The subject of a reporting verb set inside ``verb``'s clause as an aside: "Farmers, he said,
    can “grow like giants”" is his, not the farmers'."""
    for c in verb.lefts:
        if (
            c.dep_ == "parataxis"
            and c.lemma_ in CUE_VERBS
            and any(s.dep_ in SUBJECTS for s in c.children)
            and "\n" not in sdoc[c.i : verb.i].text
        ):
            return speaker_span(sdoc, c, None)
    return None


def paragraph_subject(sdoc: Doc, verb: Token) -> Speaker | None:
    """The words from the verb's paragraph start to the verb, when they are a short noun phrase."""
    lo = max(0, verb.i - MAX_SPEAKER_TOKENS)
    breaks = [t for t in sdoc[lo : verb.i] if "\n" in t.text]
    if breaks:
        start = breaks[-1].idx + breaks[-1].text.rfind("\n") + 1
    elif lo == 0:
        start = 0
    else:
        return None  # the paragraph opens further back than a speaker phrase
    toks = [t for t in sdoc[lo : verb.i] if t.idx >= start and not t.is_space]
    while toks and toks[-1].pos_ in ("AUX", "PART", "ADV", "PUNCT"):
        toks.pop()  # "is", "has", "also"
    if not toks or toks[0].idx != start or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    head = next((t for t in reversed(toks) if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if head is None:
        return None
    end = toks[-1].idx + len(toks[-1].text)
    return Speaker(start, end, head.lower_, head.idx, head.idx + len(head.text))


#: Entity types of a name that speaks even when the tagger calls it a common noun.
NAMED_SPEAKERS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def personal(sdoc: Doc, speaker: Speaker, index: EntityIndex | None = None) -> bool:
    """Whether a speaker's head word is a name or a personal pronoun (not "it", "that", "the bill")."""
    head = sdoc.char_span(speaker.head_start, speaker.head_end)
    if head is None:
        return False
    tok = head[0]
    if tok.pos_ == "PROPN" or tok.lower_ in PERSON_PRONOUNS or tok.lower_ in PLURAL_PRONOUNS:
        return True
    # The tagger often takes a name for a common noun ("Trump"); the entities stage knows better.
    eid = index.at(speaker.head_start, speaker.head_end) if index is not None and tok.is_title else None
    ent = index.get(eid) if index is not None else None
    return ent is not None and ent.type in NAMED_SPEAKERS


def reporter(tok: Token) -> Token | None:
    """The reporting verb whose clausal complement holds ``tok``, a few heads up, if any."""
    child = tok
    for _ in range(MAX_CLIMB):
        head = child.head
        if head.i == child.i or child.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            return None
        if not same_paragraph(head, child):
            return None  # the parse ran a clause on over a paragraph break ("… said Lee.¶Acme had called …")
        if child.dep_ == "ccomp" and head.lemma_ in CUE_VERBS and head.pos_ == "VERB":
            return head
        child = head
    return None


def same_paragraph(a: Token, b: Token) -> bool:
    """Whether no line break lies between two tokens: a clause the parse hangs on a verb in another
    paragraph is not that verb's report."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return "\n" not in lo.doc[lo.i : hi.i].text  # (a Span's text: the Doc's costs O(n))


def tok_of(sdoc: Doc, char: int) -> int:
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


#: Verbs whose passive subject is the one spoken to ("X was asked whether ...", "when told that ..."):
#: the speaker is the "by" agent, or no one (PolNeAR then has no Source).
ADDRESSEE_VERBS = frozenset({"ask", "tell", "question", "urge", "remind", "inform"})


def addressed(verb: Token) -> bool:
    """Whether ``verb`` is a passive verb of asking or telling: its subject was spoken to."""
    return (
        verb.lemma_ in ADDRESSEE_VERBS
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )


def agent_speaker(verb: Token) -> Speaker | None:
    """The "by" agent of a passive verb ("asked by a reporter"), if any."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if obj is None:
        return None
    left, right = obj.left_edge, obj.right_edge
    if right.i - left.i >= MAX_SPEAKER_TOKENS:
        left = right = obj
    return Speaker(left.idx, right.idx + len(right.text), obj.lower_, obj.idx, obj.idx + len(obj.text))


#: Relative pronouns that stand for the noun their clause hangs on ("Ann Lee, who said ...").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def relative_antecedent(sdoc: Doc, speaker: Speaker) -> Speaker | None:
    """The noun a relative-pronoun speaker stands for: "Ann Lee, who said …" is Ann Lee. The mention
    stays the pronoun (as PolNeAR marks it); only the entity is read from the antecedent."""
    if speaker.head not in RELATIVE_PRONOUNS or speaker.head_start < 0:
        return None
    span = sdoc.char_span(speaker.head_start, speaker.head_end)
    if span is None:
        return None
    tok = span[0]
    verb = tok.head
    # "who said", or "who was quoted as saying" two verbs down
    for _ in range(3):
        if verb.dep_ == "relcl" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "relcl" or tok.dep_ not in SUBJECTS:
        return None
    noun = verb.head
    if noun.pos_ not in ("PROPN", "NOUN") or noun.i > tok.i:
        return None
    left = noun.i
    while left > 0 and sdoc[left - 1].head.i == noun.i and sdoc[left - 1].dep_ in ("compound", "amod", "det"):
        left -= 1
    start, end = sdoc[left].idx, noun.idx + len(noun.text)
    return Speaker(start, end, noun.lower_, noun.idx, noun.idx + len(noun.text))
