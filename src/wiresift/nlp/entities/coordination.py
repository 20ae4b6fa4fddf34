"""Titles shared by coordinated names: "Senators Ann Lee and Tom Reed", "founding members Ann Lee,
Tom Reed and Bo Dean", "Ann Lee and Tom Reed, both professors at Leeds".

A plural role before the first name of a list, or a plural apposition after the last one, is the
role of every name in the list; a singular one stays with the name it touches ("Ann Lee and Tom
Reed, a nurse": only Reed is the nurse).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import TITLE_HEADS
from wiresift.nlp.entities.titles import appositive, premodifier

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Words that may stand between two coordinated names ("Ann Lee, Tom Reed and Bo Dean").
_LINKS = frozenset({",", "and", "&", "or"})
#: Words before a plural apposition that spread it over the list ("both professors", "all members").
_DISTRIBUTIVES = frozenset({"both", "all", "each"})


def groups(sdoc: Doc, persons: list[Span]) -> list[list[Span]]:
    """Runs of person names joined only by commas and "and" / "or", each word between optionally
    preceded by a nationality ("American Ann Lee and Australian Tom Reed")."""
    out: list[list[Span]] = []
    for ent in persons:
        if out and _joined(sdoc, out[-1][-1], ent):
            out[-1].append(ent)
        else:
            out.append([ent])
    return [g for g in out if len(g) > 1]


def _joined(sdoc: Doc, a: Span, b: Span) -> bool:
    between = list(sdoc[a.end : b.start])
    if between and between[-1].ent_type_ == "NORP" and between[-1].text[:1].isupper():
        between = between[:-1]  # "… and Australian Tom Reed"
    return bool(between) and len(between) <= 2 and all(t.lower_ in _LINKS for t in between)


def _plural_word(token_text: str, tag: str) -> bool:
    low = token_text.lower()
    if tag in ("NNS", "NNPS"):
        return True
    stem = low.rstrip(".")
    return stem.endswith("s") and (stem[:-1] in TITLE_HEADS or f"{stem[:-1]}." in TITLE_HEADS)


def shared_titles(sdoc: Doc, persons: list[Span], in_ent: dict[int, str]) -> list[tuple[Span, Span]]:
    """(name, title) pairs a list's plural role gives to the names it does not touch."""
    out: list[tuple[Span, Span]] = []
    for group in groups(sdoc, persons):
        before, _ = premodifier(sdoc, group[0], in_ent)
        if before is not None:
            last = next((t for t in reversed(before) if t.text != "."), before[-1])
            if _plural_word(last.text, last.tag_):
                out += [(ent, before) for ent in group[1:]]
        after = appositive(sdoc, group[-1])
        if after is not None:
            lead = sdoc[after.start - 1].lower_ if after.start > 0 else ""
            role = next((t for t in after if t.pos_ == "NOUN"), None)
            if lead in _DISTRIBUTIVES or (role is not None and role.tag_ == "NNS"):
                out += [(ent, after) for ent in group[:-1]]
    return out
