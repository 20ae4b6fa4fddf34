"""Name normalisation, acronyms and title comparison for cross-document entity resolution."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: Words skipped when building an acronym from a long form ("Treaty *of* the ...").
ACRONYM_STOPWORDS = frozenset(
    {"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des", "la", "al", "&"}
)

#: British/American spellings folded together so "Organisation" and "Organization" meet.
SPELLING = {
    "organisation": "organization",
    "organisations": "organizations",
    "defence": "defense",
    "centre": "center",
    "programme": "program",
    "labour": "labor",
}

#: Honorifics and ranks dropped before comparing person names ("Gen. Anatoly Sidorov").
_HONORIFICS = """mr mrs ms miss dr prof sir gen general col colonel lt maj major capt captain adm admiral
president minister prime sen senator rep gov governor sheikh king queen prince pope rev sgt"""
HONORIFICS = frozenset(_HONORIFICS.split())
#: Name suffixes that are not surnames.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

#: Words too generic to make two titles match on their own.
TITLE_STOPWORDS = ACRONYM_STOPWORDS | frozenset(
    {"a", "an", "its", "his", "her", "former", "deputy", "acting"}
)

_PUNCT = re.compile(r"[^\w\s]")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_ACRONYM = re.compile(r"[A-Z](?:[A-Z0-9&]|\.(?=[A-Z]))+\.?")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free, single-spaced text with spellings folded.

    Dotted initials close up first, so "U.S." and "US" fold alike.
    """
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s\b", "", text)
    text = _PUNCT.sub(" ", text.replace("-", " "))
    return " ".join(SPELLING.get(word, word) for word in text.split())


def normalise(name: str) -> str:
    """The comparison form of a name: folded, without a leading "the"."""
    folded = fold(name)
    return folded[4:] if folded.startswith("the ") else folded


def is_acronym(name: str) -> bool:
    """``CSTO``, ``U.N.``, ``IS``: two to ten capitals (dots allowed), no lower-case."""
    stripped = name.strip()
    return bool(_ACRONYM.fullmatch(stripped)) and 2 <= len(stripped.replace(".", "")) <= 10


def acronym_of(name: str, min_letters: int = 2) -> str | None:
    """The initials of a long form ("Collective Security Treaty Organisation" -> "CSTO").

    Two letters suffice for a name ("United States" -> "US": the other side must literally write
    "US" to match); titles ask for three, as their capitalised runs make accidental pairs.
    """
    if is_acronym(name):
        return name.replace(".", "").upper()
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    letters = [w[0] for w in words if w.lower() not in ACRONYM_STOPWORDS and w[0].isalpha()]
    return "".join(letters).upper() if len(letters) >= min_letters else None


def person_parts(name: str) -> tuple[list[str], str]:
    """(given names, surname) of a person name, honorifics and suffixes dropped."""
    words = [w for w in normalise(name).split() if w not in HONORIFICS]
    while words and words[-1] in SUFFIXES:
        words.pop()
    if not words:
        return [], ""
    return words[:-1], words[-1]


def given_compatible(a: list[str], b: list[str]) -> bool:
    """False when both names carry a first name and they clearly differ (initials are compatible)."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y


def title_words(title: str) -> frozenset[str]:
    return frozenset(w for w in fold(title).split() if w not in TITLE_STOPWORDS)


def title_orgs(title: str) -> set[str]:
    """Organisations named inside a title, as acronyms ("head of the CSTO Joint Staff" -> CSTO)."""
    orgs = {m.group(0).replace(".", "") for m in _ACRONYM.finditer(title) if is_acronym(m.group(0))}
    for run in re.findall(r"(?:[A-Z][\w\-]*(?:\s+(?:of|the|and|for)\s+|\s+))+[A-Z][\w\-]*", title):
        # Two capitalised words make too many accidental pairs ("Joint Staff" -> "JS").
        initials = acronym_of(run, min_letters=3)
        if initials:
            orgs.add(initials)
    return orgs


def matching_titles(mine: Iterable[str], theirs: Iterable[str]) -> list[str]:
    """Titles of ``mine`` that match one of ``theirs``: same words, or one's words inside the other's."""
    their_sets = [title_words(t) for t in theirs]
    found = []
    for title in mine:
        words = title_words(title)
        if words and any(other and (words <= other or other <= words) for other in their_sets):
            found.append(title)
    return found


def matching_orgs(mine: Iterable[str], theirs: Iterable[str]) -> list[str]:
    """Organisations (as acronyms) named in both sets of titles."""
    ours: set[str] = set()
    for title in mine:
        ours |= title_orgs(title)
    others: set[str] = set()
    for title in theirs:
        others |= title_orgs(title)
    return sorted(ours & others)
