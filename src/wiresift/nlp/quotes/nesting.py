"""A report held inside another report's content: whose words they are.

In "Dealers blamed the fear that Ruritania and Vell could agree to cut tariffs" the dealers report
the agreement as a possibility; Ruritania and Vell said nothing. In "Lee claimed that the mayor wants
to close the port" what the mayor wants is Lee's claim. A stance, intention or act inside another
report's content (``want``, ``agree``, ``refuse``, ``respond``), and any report there that is only
supposed ("if the council would announce …", "whether they could agree …"), belongs to the outer
report's speaker; a speech act told as a fact ("Lee said the mayor told her that …", a cue of the
``statement`` mode of :mod:`~wiresift.nlp.quotes.modes`) stays its own.

The outer report is found by the parse: the nearest head above the inner verb that is the cue of
another found report whose content (not whose subject) holds it, in the same paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.quotes.common import Found
from wiresift.nlp.quotes.cues import CUE_VERBS
from wiresift.nlp.quotes.modes import cue_mode
from wiresift.nlp.quotes.speaker import personal, speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: How many heads up from the inner verb the outer report's verb may be.
MAX_NEST = 6
#: Dependencies through which a clause is no part of the verb above's content: an aside ("…, he
#: said, …") or a clause of its own.
NOT_CONTENT = frozenset({"parataxis"})
#: Auxiliaries of a clause that is only supposed.
SUPPOSING_MODALS = frozenset({"would", "could", "might", "may", "should", "can"})
#: Subordinators of a clause that is only supposed.
SUPPOSING_MARKS = frozenset({"if", "whether", "unless"})
#: The outer verb's own subject (the speaker phrase): "The nurse who took the message remembered …".
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def held_reports(found: list[Found]) -> None:
    """Give each report held inside another report's content (see the module docstring) the outer
    report's speaker, in place."""
    reports = [
        f
        for f in found
        if f.kind != "direct" and f.cue is not None and f.cue.pos_ == "VERB" and f.speaker is not None
    ]  # (not "according to" nor "allegedly": their source is named where they stand)
    if not reports:
        return
    direct = [(f.start, f.end) for f in found if f.kind == "direct"]

    def quoted(at: int) -> tuple[int, int] | None:
        return next((d for d in direct if d[0] <= at < d[1]), None)

    by_cue = {f.cue.i: f for f in reports if f.cue is not None}
    held: list[tuple[Found, Found]] = []
    for f in reports:
        assert f.cue is not None
        outer = _outer_report(f.cue, by_cue)
        if outer is None or not outer.start <= f.cue.idx < outer.end:
            continue
        if outer.cue is not None and quoted(outer.cue.idx) != quoted(f.cue.idx):
            continue  # ("“I think we will grow,” he says, offering …": the quoted "I" is not his offer's)
        plan = next((c for c in f.cue.children if c.dep_ == "xcomp"), None)  # "agreed to sell"
        if cue_mode(f.cue, plan) == "statement" and not supposed(f.cue, outer.cue):
            continue  # "Lee said the mayor told her that …": the mayor told it
        held.append((f, outer))
    for _ in range(MAX_NEST):  # the outermost speaker, through reports held in held reports
        changed = False
        for f, outer in held:
            if f.speaker != outer.speaker:
                f.speaker, changed = outer.speaker, True
        if not changed:
            break


def _outer_report(verb: Token, by_cue: dict[int, Found]) -> Found | None:
    """The report whose cue is the nearest head above ``verb`` (within :data:`MAX_NEST`, in the same
    paragraph) that holds ``verb`` in its content, not in its subject."""
    child = verb
    for _ in range(MAX_NEST):
        head = child.head
        if head.i == child.i or child.dep_ in NOT_CONTENT or aside_clause(child):
            return None
        if "\n" in child.doc[min(head.i, child.i) : max(head.i, child.i)].text:
            return None
        outer = by_cue.get(head.i) or _unfound_report(head, child)
        if outer is not None:
            if child.dep_ in SUBJECTS or (child.dep_ == "conj" and child.i == verb.i):
                return None  # ("X said A and warned B": the second report is X's own)
            return outer
        child = head
    return None


def _unfound_report(head: Token, child: Token) -> Found | None:
    """A reporting verb the extractor kept no quote for, with its speaker, as the outer report of
    ``child``'s clause: in "Lee went further, alleging with no proof that the mayor wanted to …" the
    parse hangs the claim's clause on "evidence" and no quote is cued by "claiming"; what the mayor
    wants is still Lee's claim."""
    if head.lemma_ not in CUE_VERBS or head.pos_ != "VERB" or child.dep_ in SUBJECTS:
        return None
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    speaker = speaker_span(head.doc, head, (child.left_edge.idx, end))
    if speaker is None or child.left_edge.idx <= speaker.start < end:
        return None
    if not personal(head.doc, speaker):
        return None  # ("“Part Two” describes how the town rebuilt …": a title speaks for no one)
    return Found(start, end, "indirect", head, head.text, speaker)


def supposed(verb: Token, outer: Token | None) -> bool:
    """Whether ``verb``'s clause, on the way up to ``outer``, is only supposed: a modal of
    possibility on the verb or "if"/"whether"/"unless" opening one of its clauses."""
    if any(c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS for c in verb.children):
        return True
    tok = verb
    for _ in range(MAX_NEST):
        if outer is None or tok.i == outer.i or tok.head.i == tok.i or aside_clause(tok):
            break
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in SUPPOSING_MARKS for c in tok.children):
            return True
        tok = tok.head
    return False


def aside_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a relative clause set off by a comma ("Lee, who claimed …"): the writer
    tells it as a fact about its noun, outside whatever clause holds the noun."""
    first = verb.left_edge
    return verb.dep_ == "relcl" and first.i > 0 and verb.doc[first.i - 1].text == ","
