"""Results of the events stage's pure readings of the parse, kept while one document is coded.

The stage asks the same question of the same word more than once: a verb trigger's roles are read for
its source and again for its target candidates, a phrase head is turned into an actor record for the
source, for the target candidates and for the doer check. :func:`document` opens a memo for the
document being coded (:func:`~wiresift.nlp.events.stage.find_events`); a function wrapped with
:func:`per_document` answers from it when one is open and computes as before when none is (a rule
called on its own, a test). The memo lives as long as the coding of one document: it may hold that
document's tokens, and nothing outlives it. A wrapped function must depend on its arguments and the
document alone, and its callers must not change what it returns (:func:`copied` wraps one whose
record they change).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from spacy.tokens import Span, Token

P = ParamSpec("P")
R = TypeVar("R")

_MEMO: ContextVar[dict[Hashable, Any] | None] = ContextVar("wiresift_events_memo", default=None)


@contextmanager
def document() -> Iterator[None]:
    """A fresh memo for the coding of one document, dropped when it ends."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _key(arg: object) -> Hashable:
    """A token or span by its document and position, a string, number or None as it is, any other
    object (the document's entity index) by its identity: it outlives the memo."""
    if isinstance(arg, Token):
        return (id(arg.doc), arg.i)
    if isinstance(arg, Span):
        return (id(arg.doc), arg.start, arg.end, None)
    if arg is None or isinstance(arg, (str, int, float)):
        return arg
    return ("id", id(arg))


def per_document(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` answered from the open document memo, by its arguments (see :func:`_key`)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _MEMO.get()
        if memo is None:
            return fn(*args, **kwargs)
        key = (fn, *map(_key, args), *((name, _key(value)) for name, value in sorted(kwargs.items())))
        try:
            found: R = memo[key]
        except KeyError:
            found = memo[key] = fn(*args, **kwargs)
        return found

    return wrapper


def copied(copy: Callable[[R], R]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """:func:`per_document` for a function whose callers change the record it returns: each call gets
    ``copy`` of the kept one."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        kept = per_document(fn)

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            return copy(kept(*args, **kwargs))

        return wrapper

    return wrap
