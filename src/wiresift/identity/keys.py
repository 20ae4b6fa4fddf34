"""Lookup keys of an entity and the match a rule found: pure functions of names, no storage."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from wiresift.identity.names import ACRONYM_STOPWORDS, acronym_of, is_acronym, normalise, person_parts

#: spaCy labels that are values, not named things: never resolved across documents.
UNRESOLVED_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass
class Keys:
    """Lookup keys of one entity: ``name:``, ``abbr:`` (uses an acronym), ``acronym:`` (a long form's)."""

    names: set[str] = field(default_factory=set)
    abbrs: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    surname: str = ""

    def all(self) -> set[str]:
        keys = {f"name:{n}" for n in self.names}
        keys |= {f"abbr:{a}" for a in self.abbrs} | {f"acronym:{a}" for a in self.acronyms}
        if self.surname:
            keys.add(f"surname:{self.surname}")
        return keys


def entity_keys(name: str, aliases: Iterable[str], type_: str) -> Keys:
    keys = Keys()
    for form in [name, *aliases]:
        if not form.strip():
            continue
        norm = normalise(form)
        if type_ == "PERSON":
            given, surname = person_parts(form)
            if given:
                keys.names.add(" ".join([*given, surname]))
            if surname and not keys.surname:
                keys.surname = surname
            continue
        if norm:
            keys.names.add(norm)
        if is_acronym(form):
            letters = form.replace(".", "").upper()
            # Undotted pairs ("PA", "AI", "CT") name too many things; "U.S." or "N.Y." are safe.
            if len(letters) > 2 or "." in form:
                keys.abbrs.add(letters)
        elif _proper(form):
            initials = acronym_of(form)
            if initials:
                keys.acronyms.add(initials)
    if type_ == "PERSON" and not keys.surname:
        keys.surname = person_parts(name)[1]
    return keys


def _proper(name: str) -> bool:
    """Every content word capitalised: a name ("Associated Press"), not a phrase ("por exemplo")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ACRONYM_STOPWORDS]
    return bool(words) and all(w[0].isupper() or not w[0].isalpha() for w in words)


@dataclass(frozen=True)
class Match:
    canonical_id: int
    rule: str
    names: list[str]
    titles: list[str]
