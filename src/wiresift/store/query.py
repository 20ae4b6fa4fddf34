"""Turning what a user types into a safe FTS5 query."""

from __future__ import annotations

import re

#: Boolean operators a user may type on purpose (upper case, between two terms, as in FTS5).
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_PLAIN = re.compile(r"\w+\*?")  # a word, or a prefix query "sanction*"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TOKENS = re.compile(r'"([^"]*)"?|(\S+)')


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def fts_query(text: str) -> str:
    """Keep words, ``prefix*``, "phrases" and AND/OR/NOT between terms; quote everything else.

    The result is always valid FTS5 syntax, so user punctuation ("U.S.", "Russia-led", a stray
    quote or parenthesis) is searched as text instead of failing.
    """
    text = _CONTROL.sub(" ", text)  # SQLite ends a string at NUL; no control character is a word
    terms: list[tuple[str, bool]] = []  # (query text, is an operator)
    for phrase, word in _TOKENS.findall(text):
        if word in _OPERATORS:
            terms.append((word, True))
        elif word and _PLAIN.fullmatch(word):
            terms.append((word, False))
        elif (phrase or word).replace('"', "").strip():
            terms.append((_quoted(phrase or word), False))
    parts: list[str] = []
    for i, (term, operator) in enumerate(terms):
        between = 0 < i < len(terms) - 1 and not terms[i - 1][1] and not terms[i + 1][1]
        if operator and not between:
            term = _quoted(term)  # a dangling or doubled operator is a word
        parts.append(term)
    return " ".join(parts) or '""'
