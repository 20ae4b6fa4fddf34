"""Turn a matched candidate into a TIMEX3 (type, value, mod), anchored on the publication date.

Relative expressions need the anchor; without one their value is None (nothing is invented).
Absolute ones ("March 3, 2021", "1998") resolve on their own. ``tense`` is "past", "future" or
None and only decides which way an underspecified expression ("Thursday", "in October") points.
"""

from __future__ import annotations

from collections.abc import Callable

from wiresift.nlp.time.anchor import Env, Result
from wiresift.nlp.time.dates import HANDLERS as DATE_HANDLERS
from wiresift.nlp.time.days import HANDLERS as DAY_HANDLERS
from wiresift.nlp.time.patterns import Candidate
from wiresift.nlp.time.relative import HANDLERS as RELATIVE_HANDLERS

#: Rule name -> handler: each handler module lists the rules it normalises.
HANDLERS: dict[str, Callable[[dict[str, str | None], Env], Result | None]] = {
    **DATE_HANDLERS,
    **RELATIVE_HANDLERS,
    **DAY_HANDLERS,
}


def normalise(c: Candidate, env: Env) -> Result | None:
    """(type, value, mod) for one candidate, or None when the match is not a time expression."""
    env.start, env.end = c.start, c.end
    return HANDLERS[c.rule](c.groups, env)
