"""Turning what a user types into a safe FTS5 query, within a cost limit.

The cost of an FTS5 query grows with its number of terms times the documents each term matches,
and a prefix term ``ab*`` matches the union of every indexed word starting with ``ab``: 200 × ``a*``
took a minute on 400 documents. So a query is refused, with a message saying which limit it
crosses, before SQLite sees it; the workbench also caps each request's time (see
``WorkbenchQueries.time_budget``), which catches whatever these limits let through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiresift.store.base import QueryTooCostly

#: Boolean operators a user may type on purpose (upper case, between two terms, as in FTS5).
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_PLAIN = re.compile(r"\w+\*?")  # a word, or a prefix query "sanction*"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TOKENS = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")

#: What a search may ask for. Measured on the 10,000-document benchmark store: 16 terms that each
#: match every document, or 4 three-letter prefixes, keep one search under 0.2 s; a one- or
#: two-letter prefix expands to a large share of the vocabulary and is what made the slow queries.
MAX_QUERY_CHARS = 500
MAX_TERMS = 16  # words, counting each word of a "phrase"
MAX_PREFIX_TERMS = 4
MIN_PREFIX_CHARS = 3


__all__ = ["QuerySyntaxError", "QueryTooCostly", "Term", "check_cost", "fts_query", "parse_query"]


class QuerySyntaxError(QueryTooCostly):
    """A search query whose operators do not parse (an unclosed ``NEAR(``, only excluded words).

    A subclass of :class:`QueryTooCostly` so that every caller that answers a refused query with a
    400 and its message does the same for these.
    """


#: ``NEAR(word word ... [, N])``: FTS5's proximity group, at most N (default 10) words apart.
_NEAR = re.compile(r"\bNEAR\(([^()]*)\)")
_NEAR_OPEN = re.compile(r"\bNEAR\(")
_NEAR_DISTANCE = re.compile(r",\s*(\d{1,3})\s*$")


@dataclass(frozen=True)
class Term:
    text: str  # FTS5 syntax for this term
    operator: bool = False
    words: int = 1
    prefix: str | None = None  # the stem of a prefix term "stem*"
    excluded: bool = False  # "-word": documents with it are left out
    near: tuple[Term, ...] = ()  # the words of a NEAR( ... ) group
    distance: int = 10  # NEAR's "at most N words apart"


def _quoted(text: str) -> Term:
    inner = text.replace('"', "")
    return Term('"' + inner + '"', words=max(1, len(_WORD.findall(inner))))


def _near(inner: str) -> Term:
    """The FTS5 form of the inside of ``NEAR( ... )``: its words quoted, the distance kept."""
    distance = _NEAR_DISTANCE.search(inner)
    body = inner[: distance.start()] if distance else inner
    words = [t for t in _terms(body) if not t.operator]
    if len(words) < 2:
        raise QuerySyntaxError(
            f"search query: NEAR({inner}) needs at least two words, e.g. NEAR(troops border, 5)"
        )
    text = " ".join(_quoted(t.text).text if t.prefix is None else t.text for t in words)
    suffix = f", {int(distance.group(1))}" if distance else ""
    return Term(
        f"NEAR({text}{suffix})",
        words=sum(t.words for t in words),
        near=tuple(words),
        distance=int(distance.group(1)) if distance else 10,
    )


def _terms(text: str) -> list[Term]:
    terms: list[Term] = []
    for phrase, word in _TOKENS.findall(text):
        if word.startswith("-") and len(word) > 1 and _PLAIN.fullmatch(word[1:]):
            terms.append(Term(word[1:], prefix=word[1:-1] if word.endswith("*") else None, excluded=True))
        elif word in _OPERATORS:
            terms.append(Term(word, operator=True, words=0))
        elif word and _PLAIN.fullmatch(word):
            terms.append(Term(word, prefix=word[:-1] if word.endswith("*") else None))
        elif (phrase or word).replace('"', "").strip():
            terms.append(_quoted(phrase or word))
    return terms


def check_cost(text: str, terms: list[Term]) -> None:
    """Raise :class:`QueryTooCostly` when a query crosses one of the limits above."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    fix = "use fewer words, a quoted phrase, or the filters"
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooCostly(
            f"search query too long: {len(text)} characters (at most {MAX_QUERY_CHARS}); {fix}"
        )
    words = sum(t.words for t in terms)
    if words > MAX_TERMS:
        raise QueryTooCostly(f"search query {shown!r} has {words} words (at most {MAX_TERMS}); {fix}")
    prefixes = [t.prefix for t in terms if t.prefix is not None]
    if len(prefixes) > MAX_PREFIX_TERMS:
        raise QueryTooCostly(
            f"search query {shown!r} has {len(prefixes)} prefix terms ending in * "
            f"(at most {MAX_PREFIX_TERMS}); {fix}"
        )
    short = [p for p in prefixes if len(p) < MIN_PREFIX_CHARS]
    if short:
        raise QueryTooCostly(
            f"search query {shown!r}: the prefix {short[0] + '*'!r} is too short "
            f"(at least {MIN_PREFIX_CHARS} letters before the *)"
        )


def _split_near(text: str) -> list[Term]:
    """The terms of ``text``, each ``NEAR( ... )`` group one term; an unclosed ``NEAR(`` is an error."""
    terms: list[Term] = []
    at = 0
    for group in _NEAR.finditer(text):
        terms += _terms(text[at : group.start()])
        terms.append(_near(group.group(1)))
        at = group.end()
    rest = text[at:]
    if _NEAR_OPEN.search(rest):
        shown = rest.strip() if len(rest.strip()) <= 40 else rest.strip()[:37] + "..."
        raise QuerySyntaxError(
            f"search query: unbalanced NEAR( in {shown!r}; write NEAR(word word) or NEAR(word word, 5)"
        )
    return terms + _terms(rest)


def parse_query(text: str) -> list[Term]:
    """The terms of what the user typed: words, ``prefix*``, "phrases", ``NEAR( ... )`` groups, the
    AND/OR/NOT operators that stand between two terms (an operator elsewhere is searched as a word)
    and the ``-word`` exclusions (``excluded``, listed last). Both backends build their query from
    this list. Raises :class:`QueryTooCostly` for a query over the cost limits and
    :class:`QuerySyntaxError` for one that does not parse.
    """
    if len(text) > MAX_QUERY_CHARS:
        check_cost(text, [])  # before parsing a megabyte of query text
    text = _CONTROL.sub(" ", text)  # SQLite ends a string at NUL; no control character is a word
    terms = _split_near(text)
    check_cost(text, terms)
    excluded = [t for t in terms if t.excluded]
    terms = [t for t in terms if not t.excluded]
    if excluded and not terms:
        raise QuerySyntaxError(
            f"search query: {' '.join('-' + t.text for t in excluded)} only leaves words out; "
            "add a word to search for, e.g. troops -border"
        )
    out: list[Term] = []
    for i, term in enumerate(terms):
        between = 0 < i < len(terms) - 1 and not terms[i - 1].operator and not terms[i + 1].operator
        out.append(_quoted(term.text) if term.operator and not between else term)
    return out + excluded


def fts_query(text: str) -> str:
    """Keep words, ``prefix*``, "phrases", ``NEAR(a b, N)``, AND/OR/NOT between terms and ``-word``
    (leave out documents with that word); quote everything else.

    The result is always valid FTS5 syntax, so user punctuation ("U.S.", "Russia-led", a stray
    quote or parenthesis) is searched as text instead of failing. Raises :class:`QueryTooCostly`
    for a query over the cost limits and :class:`QuerySyntaxError` for one that does not parse
    (an unclosed ``NEAR(``, only excluded words).
    """
    terms = parse_query(text)
    query = " ".join(t.text for t in terms if not t.excluded)
    excluded = [t.text for t in terms if t.excluded]
    if excluded and query:
        query = f"({query}) NOT ({' OR '.join(excluded)})"
    return query or '""'
