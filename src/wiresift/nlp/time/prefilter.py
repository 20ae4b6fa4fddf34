"""Which time rules can match in a window of text, told by words that every match of a rule holds.

Each rule's regex is read once, from its parse tree, for a set of strings at least one of which is in
every text the rule matches: "ago", "earlier", "from", "hence" or "back" for the rule of "three weeks
ago"; an "a" or "p" followed by "m" or ".m" for a clock time. One scan of a window for the strings of
all the rules tells which rules can match there, and only those are run: most windows hold a month or
a year but no clock, holiday or "ago", and running the forty rules over every window cost the stage
most of its time. The strings are read from the regexes themselves, so a rule edited or added later
gets its own; a rule with no such string (or a regex construct this reader does not know) is run
everywhere, as before. Skipping never changes what is found: a rule is skipped only where it cannot
match.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

#: The parser of the ``re`` module (private, but stable since Python 3.11, where ``sre_parse`` became it).
_sre: Any = importlib.import_module("re._parser")

#: Alternatives a stretch of a regex may match before it counts as "too many to list": the strings
#: of "(?:last|next) (?:year|month)" are listed, those of a digit run or a word class are not.
MAX_STRINGS = 64
#: Characters a class such as ``[ap]`` or ``[0-9]`` may hold and still be listed as one-letter strings.
MAX_CLASS = 10

_Items = Sequence[tuple[Any, Any]]
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_ZERO_WIDTH = (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT)


def trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (none empty but at the end of a longer one), factored by
    letters, so the regex engine tests one branch per letter instead of every word in turn; of two
    words that open at the same place, it matches the longer."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w[1:])
    parts = [re.escape(c) + trie(rest) for c, rest in sorted(groups.items()) if c]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in groups else body


def _exact(items: _Items) -> set[str] | None:
    """Every string the regex items match in a row, when they are few (else None)."""
    out = {""}
    for op, av in items:
        strings = _exact_item(op, av)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > MAX_STRINGS:
            return None
    return out


def _exact_item(op: Any, av: Any) -> set[str] | None:
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] < MAX_CLASS:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None  # a negated class, a wide range or a category: too many characters
        return chars if len(chars) <= MAX_CLASS else None
    if op is _sre.SUBPATTERN:
        return _exact(av[-1])
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _exact(branch)
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= MAX_STRINGS else None
    if op in _REPEATS:
        low, high, body = av
        strings = _exact(body)
        if strings is None or high > 1:
            return None
        return strings | {""} if low == 0 else strings
    if op in _ZERO_WIDTH:
        return {""}  # a look-around or an anchor matches no characters
    return None


def _required(items: _Items) -> set[str] | None:
    """A set of strings one of which every match of the items holds, the longest such set found
    (None when there is none)."""
    options: list[set[str]] = []
    run = {""}  # the strings of the current stretch of items with few strings each
    for op, av in items:
        strings = _exact_item(op, av)
        if strings is not None:
            longer = {a + b for a in run for b in strings}
            if len(longer) <= MAX_STRINGS:
                run = longer
                continue
            options.append(run)
            run = strings
            continue
        options.append(run)
        run = {""}
        inner = _required_item(op, av)
        if inner is not None:
            options.append(inner)
    options.append(run)
    found = [o for o in options if "" not in o]
    if not found:
        return None
    return max(found, key=lambda o: (min(map(len, o)), -len(o)))


def _required_item(op: Any, av: Any) -> set[str] | None:
    if op is _sre.SUBPATTERN:
        return _required(av[-1])
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _required(branch)
            if strings is None:
                return None
            out |= strings
        return out
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2])
    return None


def required_strings(rx: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``rx`` holds, compared without case (None: no such set
    found, so ``rx`` may match anywhere)."""
    try:
        strings = _required(_sre.parse(rx.pattern, rx.flags).data)
    except Exception:  # a construct this reader does not know: no filter, never a wrong one
        return None
    if strings is None or any(len(s) == 1 and s.isalnum() for s in strings):
        return None  # one letter or digit is in almost every window: it tells nothing
    return frozenset(s.lower() for s in strings)


class Prefilter:
    """The rules that can match in a window: those whose strings (:func:`required_strings`) are in it."""

    def __init__(self, rules: Sequence[re.Pattern[str]]) -> None:
        self.needles = [required_strings(rx) for rx in rules]
        every = sorted({s for n in self.needles if n is not None for s in n})
        # each string with those of the others that open it: the search reports only the longest
        # string that opens at a place, and the shorter ones are there too
        self._opened = {s: frozenset(o for o in every if s.startswith(o)) for s in every}
        self._search = re.compile(f"(?=({trie(every)}))", re.IGNORECASE) if every else None

    def present(self, text: str, lo: int, hi: int) -> frozenset[str] | None:
        """The strings in ``text[lo:hi]`` (None: one the search found in another case form, such as
        the long "ſ" that a case-blind regex takes for "s": every rule may match)."""
        if self._search is None:
            return frozenset()
        found: set[str] = set()
        for m in self._search.finditer(text, lo, hi):
            opened = self._opened.get(m.group(1).lower())
            if opened is None:
                return None
            found |= opened
        return frozenset(found)

    def may_match(self, rule: int, present: frozenset[str] | None) -> bool:
        """Whether rule number ``rule`` can match in a window holding the strings ``present``."""
        needles = self.needles[rule]
        return needles is None or present is None or not needles.isdisjoint(present)
