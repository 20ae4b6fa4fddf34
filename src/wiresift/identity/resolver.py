"""Cross-document entity resolution rules: each stored entity is attached to one canonical record.

Rules, tried in order for an entity of a newly saved document (same type only):

1. ``name``: a normalised name or alias equals one of the canonical's (persons: full names only,
   a lone surname is too ambiguous on its own);
2. ``acronym``: one side uses an acronym that is the other's long form ("CSTO" and "Collective
   Security Treaty Organisation");
3. ``surname+title`` / ``surname+org``: a person's surname matches, the first names do not
   conflict, and a title matches or the titles name the same organisation;
4. ``surname-only``: a lone surname ("Biden", "Mr Biden") joins the one person of the store with
   that surname ("Joe Biden"), and a full name joins a record known only by its surname, when no
   other record has that surname (two Bidens: no join) and only one side carries titles (titles on
   both sides that matched nothing in rule 3 say two people: "Sidorov, goalkeeper").

Otherwise a new canonical record starts. Every attachment writes a ``canonical_evidence`` row with
the rule and the names and titles that matched, so a wrong merge can be seen and split.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from wiresift.identity.keys import UNRESOLVED_TYPES, Match, entity_keys
from wiresift.identity.names import (
    given_compatible,
    is_acronym,
    matching_orgs,
    matching_titles,
    normalise,
    person_parts,
)
from wiresift.identity.repository import IdentityRepository
from wiresift.model import Document, Entity

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Resolver:
    """Attach entities to canonical records, through ``repo``, inside the caller's transaction."""

    def __init__(self, repo: IdentityRepository) -> None:
        self.repo = repo

    def _best(self, ids: Iterable[int]) -> int:
        return max(sorted(set(ids)), key=self.repo.size)

    def find(self, ent: Entity) -> Match | None:
        with_key = self.repo.with_key
        keys = entity_keys(ent.name, ent.aliases, ent.type)
        hits = [(cid, n) for n in sorted(keys.names) for cid in with_key(f"name:{n}", ent.type)]
        if hits:
            best = self._best(cid for cid, _ in hits)
            return Match(best, "name", sorted({n for cid, n in hits if cid == best}), [])
        # An entity with its own long form never joins another long form through their shared acronym.
        abbrs = sorted(keys.abbrs - keys.acronyms)
        acr = [(cid, a) for a in abbrs for cid in with_key(f"acronym:{a}", ent.type)]
        # A long form joins a record known by its acronym only when the record has no other long
        # form with those initials: "DHS" must not chain two different departments together.
        acr += [
            (cid, a)
            for a in sorted(keys.acronyms)
            for cid in with_key(f"abbr:{a}", ent.type)
            if cid not in with_key(f"acronym:{a}", ent.type)
        ]
        if acr:
            best = self._best(cid for cid, _ in acr)
            return Match(best, "acronym", sorted({a for cid, a in acr if cid == best}), [])
        if ent.type == "PERSON" and keys.surname:
            return self._by_surname(ent, keys.surname)
        return None

    def _by_surname(self, ent: Entity, surname: str) -> Match | None:
        given, _ = person_parts(ent.name)
        found: list[Match] = []
        namesakes = self.repo.with_key(f"surname:{surname}", "PERSON")
        for cid in namesakes:
            if not all(given_compatible(given, person_parts(name)[0]) for name in self.repo.names(cid)):
                continue
            their_titles = self.repo.titles(cid)
            titles = matching_titles(ent.titles, their_titles)
            if titles:
                found.append(Match(cid, "surname+title", [surname], titles))
                continue
            orgs = matching_orgs(ent.titles, their_titles)
            if orgs:
                found.append(Match(cid, "surname+org", [surname, *orgs], list(ent.titles)))
        if not found:
            return self._only_namesake(ent, given, surname, sorted(set(namesakes)))
        best = self._best(m.canonical_id for m in found)
        return next(m for m in found if m.canonical_id == best)

    def _only_namesake(
        self, ent: Entity, given: list[str], surname: str, namesakes: list[int]
    ) -> Match | None:
        """The one record with ``surname`` when one side is a lone surname: "Biden" and "Joe Biden"."""
        if len(namesakes) != 1:
            return None
        (cid,) = namesakes
        theirs = [person_parts(name)[0] for name in self.repo.names(cid)]
        if given and any(theirs):
            return None  # two full names with one surname need a title or an organisation in common
        if ent.titles and self.repo.titles(cid):
            return None
        return Match(cid, "surname-only", [surname], [])

    # -- writes ---------------------------------------------------------------------------
    def resolve_document(self, doc: Document) -> None:
        """Resolve every named entity of ``doc`` (already inserted in ``entities``)."""
        for ent in doc.entities:
            if ent.type in UNRESOLVED_TYPES or not ent.name.strip():
                continue
            match = self.find(ent)
            if match is None:
                cid = self.repo.create(ent.name, ent.type, _now())
                match = Match(cid, "new", [ent.name], list(ent.titles))
            self.attach(doc.id, ent, match)

    def attach(self, doc_id: str, ent: Entity, match: Match) -> None:
        order = self.repo.attach(doc_id, ent.id, match.canonical_id)
        self.repo.add_keys(match.canonical_id, sorted(entity_keys(ent.name, ent.aliases, ent.type).all()))
        self.repo.summarise(match.canonical_id, [(ent.name, ent.titles, order)])
        self.evidence(match.canonical_id, match.rule, match.names, match.titles, doc_id, ent.id)
        self.rename(match.canonical_id)

    def evidence(
        self,
        canonical_id: int,
        rule: str,
        names: Sequence[str],
        titles: Sequence[str],
        doc_id: str | None = None,
        entity_id: str | None = None,
    ) -> None:
        self.repo.add_evidence(canonical_id, rule, list(names), list(titles), doc_id, entity_id, _now())

    def rename(self, canonical_id: int) -> None:
        """Name the record by its most frequent full form; ties go to the earliest seen.

        Long forms beat acronyms and lone surnames; a leading "the" and a possessive are dropped.
        It reads the name summary, so a record with thousands of members stays cheap.
        """
        rows = self.repo.name_counts(canonical_id)
        if not rows:
            return
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for raw, n, order in rows:
            name = _POSSESSIVE.sub("", re.sub(r"^[Tt]he\s+", "", raw))
            counts[normalise(name)] += n
            first[name] = min(first.get(name, order), order)

        def rank(name: str) -> tuple[bool, int, int]:
            return (not is_acronym(name) and len(name.split()) > 1, counts[normalise(name)], -first[name])

        self.repo.set_name(canonical_id, max(first, key=rank))

    def rebuild(self, canonical_id: int) -> None:
        """Recompute a record's keys, summaries and name from its members (after a merge or split)."""
        self.repo.clear_summaries(canonical_id)
        members = self.repo.members(canonical_id)
        self.repo.summarise(canonical_id, [(m.name, m.titles, m.order) for m in members])
        keys: set[str] = set()
        for m in members:
            keys |= entity_keys(m.name, m.aliases, m.type).all()
        self.repo.add_keys(canonical_id, sorted(keys))
        self.rename(canonical_id)

    def merge(self, ids: Sequence[int]) -> int:
        """Fold every record of ``ids`` into the first; return its id."""
        target, *others = ids
        self._require(target)
        for other in others:
            self._require(other)
            if other == target:
                continue
            names = self.repo.names(other)
            self.repo.move_members(other, target)
            self.repo.move_evidence(other, target)
            self.repo.delete(other)
            self.evidence(target, "merge", sorted(set(names)), [])
        self.rebuild(target)
        return target

    def split(self, canonical_id: int, members: Iterable[tuple[str, str]]) -> int:
        """Move the ``(doc_id, entity_id)`` members to a new record; return its id."""
        name, type_ = self._require(canonical_id)
        chosen = [m for m in members if self.repo.is_member(m[0], m[1], canonical_id)]
        if not chosen:
            raise ValueError(f"none of the given members belong to entity {canonical_id}")
        if len(chosen) == self.repo.size(canonical_id):
            raise ValueError(f"cannot split every member off entity {canonical_id}: nothing would remain")
        new = self.repo.create(name, type_, _now())
        for doc_id, entity_id in chosen:
            self.repo.attach(doc_id, entity_id, new)
        names = sorted({m.name for m in self.repo.members(new)})
        self.evidence(new, "split", names, [], None, None)
        self.evidence(canonical_id, "split", names, [], None, None)
        self.rebuild(new)
        self.rebuild(canonical_id)
        return new

    def _require(self, canonical_id: int) -> tuple[str, str]:
        row = self.repo.canonical(canonical_id)
        if row is None:
            raise ValueError(f"no entity with id {canonical_id}")
        return row

    def lookup(self, name: str) -> list[int]:
        """Canonical ids a user-typed name refers to, best first (id, name, acronym, then surname)."""
        digits = name.strip()
        # ASCII digits only ("²".isdigit() is true but int() refuses it), within a 64-bit range.
        if digits.isascii() and digits.isdigit() and len(digits) <= 18 and self.repo.canonical(int(digits)):
            return [int(digits)]
        norm = normalise(name)
        candidates: list[str] = [f"name:{norm}"]
        if is_acronym(name):
            candidates += [
                f"abbr:{name.replace('.', '').upper()}",
                f"acronym:{name.replace('.', '').upper()}",
            ]
        candidates.append(f"surname:{person_parts(name)[1]}")
        for key in candidates:
            ids = self.repo.with_key(key)
            if ids:
                return sorted(set(ids), key=lambda i: (-self.repo.size(i), i))
        return sorted(set(self.repo.name_like(name.strip())), key=lambda i: (-self.repo.size(i), i))
