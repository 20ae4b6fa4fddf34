"""Results of games, which are not claims: a score ("won 2-1", "a 1-3 defeat", "led 14-7") and a
record in words ("have won 9 of 11", "lost four of their last five games"). A player's or a team's
tally stays a count ("25 points, 11 rebounds", "11 goals in 14 games").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.claims.spans import NumSpan

#: Nouns of a result that a score modifies: "a 1-3 defeat", "the 2-2 draw".
RESULT_NOUNS = frozenset(
    {
        "win", "victory", "defeat", "loss", "draw", "tie", "lead", "rout", "triumph", "shutout",
        "scoreline", "thrashing", "drubbing", "upset", "comeback", "deficit", "advantage", "final",
        "record",
    }
)  # fmt: skip
#: Verbs whose score is the result of a game: "lost 1-3", "led 14-7 at the half".
RESULT_VERBS = frozenset(
    {"win", "lose", "beat", "defeat", "lead", "trail", "draw", "tie", "edge", "rout", "top", "thrash", "down"}
)
#: Verbs that move a team's record ("improved to 4-6", "fell to 3-7", "went 2-3").
STANDING_VERBS = frozenset({"improve", "fall", "drop", "slip", "move", "go", "even", "climb"})
#: Verbs of a record in words: "have won 9 of 11", "lost four of their last five".
RECORD_VERBS = frozenset({"win", "lose", "drop", "take"})
#: Nouns a record counts: "won four of their last five games"; any other noun ("won 12 of 13 seats")
#: is what the numbers count, and they stay claims.
GAME_NOUNS = frozenset({"game", "match", "contest", "start", "outing", "meeting", "fixture", "bout"})
_BEFORE_BASE = frozenset(
    {"the", "their", "its", "his", "her", "our", "last", "first", "past", "previous", "next"}
)


def is_score(doc: Doc, span: NumSpan) -> bool:
    """A hyphenated pair without a unit that the text uses as a game's result: before a result
    noun ("a 1-3 defeat", "a 4-6 record") or right after the verb of winning, losing or leading it
    hangs on ("lost 1-3", "beat them 24-27", "improved to 4-6")."""
    if span.low is None or span.high is None or span.unit is not None or span.first == span.last:
        return False
    if not {t.text for t in doc[span.first : span.last + 1]} & {"-", "–"}:
        return False
    nxt = doc[span.last + 1] if span.last + 1 < len(doc) else None
    if nxt is not None and nxt.lemma_.lower() in RESULT_NOUNS:
        return True
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}:
        return False  # "3-5 vehicles": a range of a count
    verb = next((a for a in doc[span.first].ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.i > span.first:
        return False
    return verb.lemma_.lower() in RESULT_VERBS | STANDING_VERBS and verb.i >= span.first - 3


def _game_base(doc: Doc, i: int) -> bool:
    """Whether the number at ``i`` is the base of a record: no noun after it, or a game noun."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in {"NOUN", "PROPN"} or nxt.lemma_.lower() in GAME_NOUNS


def _base_after_of(doc: Doc, of: int) -> int | None:
    """The index of the number after "of" (past "their last"), or None."""
    i = of + 1
    while i < len(doc) and doc[i].lower_ in _BEFORE_BASE:
        i += 1
    return i if i < len(doc) and doc[i].like_num else None


def _record_verb(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in RECORD_VERBS


def is_record(doc: Doc, span: NumSpan) -> bool:
    """Either number of "won N of M" / "lost N of their last M (games)": a record, not counts."""
    if span.unit is not None or span.first == 0:
        return False
    # the N: "won 9 of 11"
    after = span.last + 1
    if after < len(doc) and doc[after].lower_ == "of" and _record_verb(doc[span.first - 1]):
        base = _base_after_of(doc, after)
        return base is not None and _game_base(doc, base)
    # the M: walk back over "their last" to "of", then the N and its verb
    i = span.first - 1
    while i > 0 and doc[i].lower_ in _BEFORE_BASE:
        i -= 1
    if doc[i].lower_ != "of" or i < 2 or not doc[i - 1].like_num:
        return False
    return _record_verb(doc[i - 2]) and _game_base(doc, span.last)


#: A game's result written as a pair of small whole numbers: "6-4", "7–6".
_PAIR = r"\d{1,2}\s?[-–]\s?\d{1,2}"
#: A pair followed by a tiebreak or another pair of the same list: "6-4, 7-6", "7-6 (5), 6-3".
_PAIR_THEN_PAIR = re.compile(rf"^(?:\s?\(\d{{1,2}}\))?,\s?{_PAIR}\b")
#: ... or preceded by one: the last set of "2-6, 6-4, 6-1".
_PAIR_BEFORE = re.compile(rf"\b{_PAIR}(?:\s?\(\d{{1,2}}\))?,\s?$")
#: A tiebreak score in brackets right after a pair: the "(5)" of "7-6 (5)".
_TIEBREAK_BEFORE = re.compile(rf"\b{_PAIR}\s?\($")


def in_score_line(text: str, span: NumSpan) -> bool:
    """A pair of a list of set or period scores ("edged her 6-7 (2), 6-4, 7-5") or the tiebreak in
    brackets after one ("7-6 (5)"): results of a game, not ranges of a count."""
    if span.unit is not None:
        return False
    before = text[max(0, span.start - 16) : span.start]
    if span.value is not None and _TIEBREAK_BEFORE.search(before) and text[span.end : span.end + 1] == ")":
        return True
    if span.low is None or span.high is None or not re.fullmatch(_PAIR, text[span.start : span.end]):
        return False
    return bool(_PAIR_THEN_PAIR.match(text[span.end : span.end + 16]) or _PAIR_BEFORE.search(before))
