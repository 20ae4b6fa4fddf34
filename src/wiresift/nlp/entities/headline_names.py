"""Names in a headline set in title case: "Gov. Reyes Vows To Veto Tax Bill", "AG Brenner Sues Drug
Makers".

Title case makes the verb after a surname look like more of the name ("Reyes Vows"), and a title
abbreviation before it look like an organisation ("AG"). A headline name whose first word is the
surname of a person the text names in full, and which the text never writes again, is that surname
alone, so that it joins the person; a short abbreviation in capitals right before a person's name in
the headline is a title, not an organisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.entities.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Title abbreviations headlines put before a name ("AG Brenner", "DA Lee", "Lt Gov Marsh").
HEADLINE_TITLES = words("ag da lt gov sen rep gen atty pm fm")


def headline_end(sdoc: Doc) -> int:
    """The end (a character offset) of the first line when it is short, else 0."""
    text = doccache.of(sdoc).text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return end if 0 < end - start <= 160 else 0


def headline_surname(sdoc: Doc, span: Span, full_names: list[Span], line_end: int) -> int | None:
    """The token end to cut a headline PERSON span back to ("Reyes Vows" -> "Reyes"), or None to keep it:
    the span lies in the headline, its first word is the surname of another name written in full
    (``full_names``), its last word is no such surname, and the text never writes the span again."""
    if len(span) < 2 or span.end_char > line_end:
        return None
    surnames = {f[-1].lower_ for f in full_names if f.text != span.text}
    first, last = span[0].lower_, span[-1].lower_
    if first not in surnames or last in surnames:
        return None
    if doccache.of(sdoc).text.find(span.text, line_end) != -1:
        return None
    return span.start + 1


def headline_title(sdoc: Doc, span: Span, line_end: int) -> bool:
    """Whether a non-person span of the headline is a title abbreviation in capitals right before a
    person's name ("AG Brenner")."""
    if span.label_ == "PERSON" or len(span) != 1 or span.end_char > line_end or not span.text.isupper():
        return False
    nxt = sdoc[span.end] if span.end < len(sdoc) else None
    return span[0].lower_.rstrip(".") in HEADLINE_TITLES and nxt is not None and nxt.ent_type_ == "PERSON"
