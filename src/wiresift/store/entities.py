"""Cross-document entity resolution: each stored entity is attached to one canonical record.

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

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from wiresift.model import Document, Entity
from wiresift.store.names import (
    ACRONYM_STOPWORDS,
    acronym_of,
    given_compatible,
    is_acronym,
    matching_orgs,
    matching_titles,
    normalise,
    person_parts,
)

#: spaCy labels that are values, not named things: never resolved across documents.
UNRESOLVED_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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


class Resolver:
    """Attach entities to canonical records inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- lookup ---------------------------------------------------------------------------
    def _with_key(self, key: str, type_: str) -> list[int]:
        rows = self.conn.execute(
            "SELECT k.canonical_id FROM canonical_keys k JOIN canonical_entities c ON c.id = k.canonical_id "
            "WHERE k.key = ? AND c.type = ? ORDER BY k.canonical_id",
            (key, type_),
        )
        return [r[0] for r in rows]

    def _size(self, canonical_id: int) -> int:
        row = self.conn.execute(
            "SELECT members FROM canonical_entities WHERE id = ?", (canonical_id,)
        ).fetchone()
        return int(row[0]) if row else 0

    def _names(self, canonical_id: int) -> list[str]:
        """Distinct member names of a record, oldest first."""
        rows = self.conn.execute(
            "SELECT name FROM canonical_names WHERE canonical_id = ? ORDER BY first_seen", (canonical_id,)
        )
        return [r[0] for r in rows]

    def _titles(self, canonical_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT title FROM canonical_titles WHERE canonical_id = ? ORDER BY title", (canonical_id,)
        )
        return [r[0] for r in rows]

    def _best(self, ids: Iterable[int]) -> int:
        return max(sorted(set(ids)), key=self._size)

    def find(self, ent: Entity) -> Match | None:
        keys = entity_keys(ent.name, ent.aliases, ent.type)
        hits = [(cid, n) for n in sorted(keys.names) for cid in self._with_key(f"name:{n}", ent.type)]
        if hits:
            best = self._best(cid for cid, _ in hits)
            return Match(best, "name", sorted({n for cid, n in hits if cid == best}), [])
        # An entity with its own long form never joins another long form through their shared acronym.
        abbrs = sorted(keys.abbrs - keys.acronyms)
        acr = [(cid, a) for a in abbrs for cid in self._with_key(f"acronym:{a}", ent.type)]
        # A long form joins a record known by its acronym only when the record has no other long
        # form with those initials: "DHS" must not chain two different departments together.
        acr += [
            (cid, a)
            for a in sorted(keys.acronyms)
            for cid in self._with_key(f"abbr:{a}", ent.type)
            if cid not in self._with_key(f"acronym:{a}", ent.type)
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
        namesakes = self._with_key(f"surname:{surname}", "PERSON")
        for cid in namesakes:
            if not all(given_compatible(given, person_parts(name)[0]) for name in self._names(cid)):
                continue
            their_titles = self._titles(cid)
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
        theirs = [person_parts(name)[0] for name in self._names(cid)]
        if given and any(theirs):
            return None  # two full names with one surname need a title or an organisation in common
        if ent.titles and self._titles(cid):
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
                cid = self._create(ent.name, ent.type)
                match = Match(cid, "new", [ent.name], list(ent.titles))
            self.attach(doc.id, ent, match)

    def _create(self, name: str, type_: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO canonical_entities(name, type, created) VALUES (?, ?, ?)", (name, type_, _now())
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def attach(self, doc_id: str, ent: Entity, match: Match) -> None:
        self.conn.execute(
            "UPDATE entities SET canonical_id = ? WHERE doc_id = ? AND id = ?",
            (match.canonical_id, doc_id, ent.id),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO canonical_keys(canonical_id, key) VALUES (?, ?)",
            [(match.canonical_id, k) for k in entity_keys(ent.name, ent.aliases, ent.type).all()],
        )
        rowid = self.conn.execute("SELECT rowid FROM entities WHERE doc_id = ? AND id = ?", (doc_id, ent.id))
        self._summarise(match.canonical_id, [(ent.name, ent.titles, rowid.fetchone()[0])])
        self.evidence(match.canonical_id, match.rule, match.names, match.titles, doc_id, ent.id)
        self.rename(match.canonical_id)

    def _summarise(self, canonical_id: int, members: Sequence[tuple[str, Sequence[str], int]]) -> None:
        """Add members ``(name, titles, entities.rowid)`` to the record's counts, names and titles."""
        self.conn.executemany(
            "INSERT INTO canonical_names(canonical_id, name, count, first_seen) VALUES (?, ?, 1, ?) "
            "ON CONFLICT(canonical_id, name) DO UPDATE SET count = count + 1, "
            "first_seen = min(first_seen, excluded.first_seen)",
            [(canonical_id, name, rowid) for name, _, rowid in members],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO canonical_titles(canonical_id, title) VALUES (?, ?)",
            [(canonical_id, t) for _, titles, _ in members for t in titles],
        )
        self.conn.execute(
            "UPDATE canonical_entities SET members = members + ? WHERE id = ?", (len(members), canonical_id)
        )

    def evidence(
        self,
        canonical_id: int,
        rule: str,
        names: Sequence[str],
        titles: Sequence[str],
        doc_id: str | None = None,
        entity_id: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO canonical_evidence(canonical_id, doc_id, entity_id, rule, matched_names, matched_titles, time) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                canonical_id,
                doc_id,
                entity_id,
                rule,
                json.dumps(list(names)),
                json.dumps(list(titles)),
                _now(),
            ),
        )

    def rename(self, canonical_id: int) -> None:
        """Name the record by its most frequent full form; ties go to the earliest seen.

        Long forms beat acronyms and lone surnames; a leading "the" and a possessive are dropped.
        It reads the ``canonical_names`` summary, so a record with thousands of members stays cheap.
        """
        rows = self.conn.execute(
            "SELECT name, count, first_seen FROM canonical_names WHERE canonical_id = ?", (canonical_id,)
        ).fetchall()
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

        self.conn.execute(
            "UPDATE canonical_entities SET name = ? WHERE id = ?", (max(first, key=rank), canonical_id)
        )

    def rebuild(self, canonical_id: int) -> None:
        """Recompute a record's keys, summaries and name from its members (after a merge or split)."""
        for table in ("canonical_keys", "canonical_names", "canonical_titles"):
            self.conn.execute(f"DELETE FROM {table} WHERE canonical_id = ?", (canonical_id,))
        self.conn.execute("UPDATE canonical_entities SET members = 0 WHERE id = ?", (canonical_id,))
        rows = self.conn.execute(
            "SELECT name, aliases, type, titles, rowid FROM entities WHERE canonical_id = ? ORDER BY rowid",
            (canonical_id,),
        ).fetchall()
        self._summarise(
            canonical_id, [(name, json.loads(titles), rowid) for name, _, _, titles, rowid in rows]
        )
        keys = set()
        for name, aliases, type_, _, _ in rows:
            keys |= entity_keys(name, json.loads(aliases), type_).all()
        self.conn.executemany(
            "INSERT INTO canonical_keys(canonical_id, key) VALUES (?, ?)",
            [(canonical_id, k) for k in sorted(keys)],
        )
        self.rename(canonical_id)

    def merge(self, ids: Sequence[int]) -> int:
        """Fold every record of ``ids`` into the first; return its id."""
        target, *others = ids
        self._require(target)
        for other in others:
            self._require(other)
            if other == target:
                continue
            names = self._names(other)
            self.conn.execute("UPDATE entities SET canonical_id = ? WHERE canonical_id = ?", (target, other))
            self.conn.execute(
                "UPDATE canonical_evidence SET canonical_id = ? WHERE canonical_id = ?", (target, other)
            )
            for table in ("canonical_keys", "canonical_names", "canonical_titles"):
                self.conn.execute(f"DELETE FROM {table} WHERE canonical_id = ?", (other,))
            self.conn.execute("DELETE FROM canonical_entities WHERE id = ?", (other,))
            self.evidence(target, "merge", sorted(set(names)), [])
        self.rebuild(target)
        return target

    def split(self, canonical_id: int, members: Iterable[tuple[str, str]]) -> int:
        """Move the ``(doc_id, entity_id)`` members to a new record; return its id."""
        row = self._require(canonical_id)
        chosen = [
            m
            for m in members
            if self.conn.execute(
                "SELECT 1 FROM entities WHERE doc_id = ? AND id = ? AND canonical_id = ?", (*m, canonical_id)
            ).fetchone()
        ]
        if not chosen:
            raise ValueError(f"none of the given members belong to entity {canonical_id}")
        if len(chosen) == self._size(canonical_id):
            raise ValueError(f"cannot split every member off entity {canonical_id}: nothing would remain")
        new = self._create(row[0], row[1])
        self.conn.executemany(
            "UPDATE entities SET canonical_id = ? WHERE doc_id = ? AND id = ?",
            [(new, d, e) for d, e in chosen],
        )
        names = sorted(
            {r[0] for r in self.conn.execute("SELECT name FROM entities WHERE canonical_id = ?", (new,))}
        )
        self.evidence(new, "split", names, [], None, None)
        self.evidence(canonical_id, "split", names, [], None, None)
        self.rebuild(new)
        self.rebuild(canonical_id)
        return new

    def _require(self, canonical_id: int) -> tuple[str, str]:
        row = self.conn.execute(
            "SELECT name, type FROM canonical_entities WHERE id = ?", (canonical_id,)
        ).fetchone()
        if row is None:
            raise ValueError(f"no entity with id {canonical_id}")
        return row[0], row[1]

    def lookup(self, name: str) -> list[int]:
        """Canonical ids a user-typed name refers to, best first (id, name, acronym, then surname)."""
        digits = name.strip()
        # ASCII digits only ("²".isdigit() is true but int() refuses it), within SQLite's 64-bit range.
        if digits.isascii() and digits.isdigit() and len(digits) <= 18:
            found = self.conn.execute(
                "SELECT id FROM canonical_entities WHERE id = ?", (int(digits),)
            ).fetchone()
            if found:
                return [found[0]]
        norm = normalise(name)
        candidates: list[str] = [f"name:{norm}"]
        if is_acronym(name):
            candidates += [
                f"abbr:{name.replace('.', '').upper()}",
                f"acronym:{name.replace('.', '').upper()}",
            ]
        candidates.append(f"surname:{person_parts(name)[1]}")
        for key in candidates:
            ids = [
                r[0]
                for r in self.conn.execute("SELECT canonical_id FROM canonical_keys WHERE key = ?", (key,))
            ]
            if ids:
                return sorted(set(ids), key=lambda i: (-self._size(i), i))
        like = self.conn.execute(
            "SELECT id FROM canonical_entities WHERE name LIKE ? ORDER BY id", (f"%{name.strip()}%",)
        )
        return sorted({r[0] for r in like}, key=lambda i: (-self._size(i), i))
