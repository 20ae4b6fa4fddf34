"""Paragraph and line breaks start sentences before spaCy parses.

The statistical parser often runs a sentence across a paragraph break: a subhead, a caption or a
quoted pull line glued to the next paragraph takes the subject of that paragraph's verb, and "X
said that …" below it loses its speaker. Marking the first token after a line break as a sentence
start (the parser keeps preset starts) keeps every sentence inside its paragraph or line. The
tagger runs before this component, so a proper noun opening the line keeps the next one in its
sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The name of the component in the spaCy pipeline.
COMPONENT = "paragraph_starts"
_BREAK = re.compile(r"\n\s*")


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first non-space token after each line break of ``doc``."""
    if len(doc) < 2 or "\n" not in doc.text:
        return doc
    starts = doc.to_array("IDX").tolist()
    for m in _BREAK.finditer(doc.text):
        i = bisect_left(starts, m.end())
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
            # a preset start can make the parser split the name it opens ("Acme | Motors built …")
            if i + 1 < len(doc) and doc[i].tag_ == "NNP" and doc[i + 1].tag_ in ("NNP", "NNPS"):
                doc[i + 1].is_sent_start = False
    return doc


def add_paragraph_starts(nlp: Language) -> None:
    """Put :func:`mark_paragraph_starts` before the parser of ``nlp`` (once)."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=mark_paragraph_starts)
    nlp.add_pipe(COMPONENT, before="parser")
