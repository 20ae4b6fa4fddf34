"""Sentence boundaries the parser must not draw: a component that runs before spaCy's parser.

The parser of the English models sometimes ends a sentence at the closing bracket of an acronym or
an aside and starts a new one with the words after it ("The chief of the Northern Defence Pact
(NDP) | Joint Staff said on Monday that ..."): the clause before the bracket loses the verb that
governs it, and every stage reading sentences (who said it, what happened, which numbers belong
together) sees two fragments. A sentence cannot end at a ``)`` or ``]`` unless the bracket itself
closes a sentence ("(He declined to comment.)"), so the token after such a bracket, on the same line,
is marked as no sentence start; the parser honours the mark (``Token.is_sent_start = False``) and
parses the whole sentence as one. A line break after the bracket (a caption credit, a dateline on a
line of its own) leaves the parser free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "wiresift_bracket_continuation"
#: Closing brackets after which a sentence goes on, and their opening ones.
BRACKETS = {")": "(", "]": "["}
#: Tokens that end a sentence inside a bracket: "(He declined to comment.) The next ...".
SENTENCE_ENDS = frozenset({".", "!", "?", "...", "…"})


def continuations(doc: Doc) -> list[int]:
    """The indices of the tokens that follow a closing bracket on its line and go on its sentence: the
    bracket is opened earlier on the same line and does not close a sentence of its own."""
    if not len(doc):
        return []
    orth = doc.to_array(ORTH)
    strings = doc.vocab.strings
    closing = np.flatnonzero(np.isin(orth, [strings.add(b) for b in BRACKETS]))
    text = doc.text
    out = []
    for i in closing.tolist():
        if i == 0 or i + 1 >= len(doc):
            continue
        bracket, after = doc[i], doc[i + 1]
        if "\n" in bracket.whitespace_ or after.is_space or doc[i - 1].text in SENTENCE_ENDS:
            continue
        line_start = text.rfind("\n", 0, bracket.idx) + 1
        if text.rfind(BRACKETS[bracket.text], line_start, bracket.idx) < 0:
            continue  # "1) Police said": a list's number, no aside
        out.append(i + 1)
    return out


@Language.component(COMPONENT)
def bracket_continuation(doc: Doc) -> Doc:
    """Mark the tokens of :func:`continuations` as no sentence start, for the parser to honour."""
    for i in continuations(doc):
        doc[i].is_sent_start = False
    return doc


def install(nlp: Language) -> Language:
    """Add the component before the parser (once); a model without a parser is left as it is."""
    if "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    return nlp
