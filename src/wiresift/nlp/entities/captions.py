"""Titles from photo captions: "Colonel-General Anatoly Sidorov, Chief of the Joint Staff of …".

A caption often gives a person's full rank and office while the body only says "Sidorov, the head
of the CSTO Joint Staff". Captions are not part of the body, so they carry no mentions; a caption
is parsed (with the pipeline's own model) only when it names a person of the body, and the titles
it gives are added to that person's entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.titles import appositive, premodifier

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"[^\W_]+")
#: Captions longer than this are article text mislabelled as a caption, not a photo line.
MAX_CAPTION_CHARS = 600


def _words(name: str) -> list[str]:
    return _WORD.findall(name.lower())


def _same_person(caption_name: str, body_name: str) -> bool:
    """Full names equal, or one is the other's surname ("Sidorov" / "Anatoly Sidorov")."""
    a, b = _words(caption_name), _words(body_name)
    if not a or not b or a[-1] != b[-1]:
        return False
    return len(a) == 1 or len(b) == 1 or a == b


def add_caption_titles(index: EntityIndex, captions: Sequence[str], parse: Callable[[str], Doc]) -> None:
    """Add the titles captions give to the persons of ``index`` they name."""
    # A name with no word in it ("’", "-": what spaCy once typed PERSON on odd pages) has no surname
    # and can match no caption; it used to raise IndexError here and lose the page's entities.
    persons = [e for e in index.entities.values() if e.type == "PERSON" and _words(e.name)]
    if not persons:
        return
    surnames = {_words(p.name)[-1] for p in persons}
    for caption in captions:
        if len(caption) > MAX_CAPTION_CHARS or not surnames & set(_words(caption)):
            continue
        cdoc = parse(caption)
        in_ent = {i: ent.label_ for ent in cdoc.ents for i in range(ent.start, ent.end)}
        for ent in cdoc.ents:
            if ent.label_ != "PERSON":
                continue
            matches = [p for p in persons if _same_person(ent.text, p.name)]
            if len(matches) != 1:
                continue  # nobody, or two people with that surname: a title must not go to the wrong one
            person = matches[0]
            title, _ = premodifier(cdoc, ent, in_ent)
            role = appositive(cdoc, ent)
            for found in (title, role):
                if found is not None and found.text not in person.titles:
                    person.titles.append(found.text)
            if title is not None and title[0].ent_type_ == "NORP":
                index.nationality.setdefault(person.id, title[0].lower_)
