"""Results of games, which are not claims: a score ("won 2-1", "a 1-3 defeat", "led 14-7"), a
record in words ("have won 9 of 11", "lost four of their last five games") or in figures ("are
5-2 in road games"), and a span of games ("in his first 14 games", "missed 6 games", "a streak of
9 matches": a duration or a record measured in games). A player's or a team's tally stays a count
("25 points, 11 rebounds", "11 goals"), and so do games that are things ("the service launches
with 22 games").
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


#: Words after a bare pair that make it a team's record: "5-2 in road games", "3-4 against rivals",
#: "4-1 at home", "9-3 overall" (a range of a count is followed by its noun or its verb).
RECORD_CONTEXT = frozenset(
    {"in", "against", "at", "on", "vs", "vs.", "versus", "overall", "since", "this", "when", "with"}
)
#: A record's numbers stay below this (game counts of a season, not "1,000-2,000").
RECORD_MAX = 200


def _record_pair(doc: Doc, span: NumSpan) -> bool:
    """A bare pair of whole numbers glued by a hyphen ("5-2", "3–4") before a word of a record's
    context: a team's win-loss record, not a range of a count."""
    if span.low is None or span.high is None or span.qualifier is not None:
        return False
    if not all(float(v).is_integer() and v < RECORD_MAX for v in (span.low, span.high)):
        return False
    if any(not (t.text.isdigit() or t.text in {"-", "–"}) for t in doc[span.first : span.last + 1]):
        return False
    if any(t.whitespace_ for t in doc[span.first : span.last]):
        return False  # "5 - 2" or "5 to 2": a written range, not a record
    if any(t.dep_ in {"nsubj", "nsubjpass"} for t in doc[span.first : span.last + 1]):
        return False  # "3-4 in the crowd fainted": a count that does something
    nxt = doc[span.last + 1] if span.last + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ in RECORD_CONTEXT


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
    if _record_pair(doc, span):
        return True
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


#: Words that make a count of games a span of play: "his first 14 games", "the past 9 matches",
#: "6 straight games".
SPAN_WORDS = frozenset(
    {"first", "last", "past", "previous", "next", "final", "opening", "remaining", "straight",
     "consecutive", "successive"}
)  # fmt: skip
#: Prepositions of a span: "in 14 games", "over 9 matches", "for 6 games" (a suspension).
SPAN_PREPOSITIONS = frozenset({"in", "over", "across", "through", "during", "within", "for"})
#: Verbs whose games are an absence or a result: "missed 6 games", "won 4 matches".
SPAN_VERBS = frozenset({"miss", "sit", "win", "lose", "draw", "tie"})
#: Words of a run of results near the number: "a streak of 9 games", "unbeaten in 9 matches".
STREAK_WORDS = frozenset({"streak", "run", "stretch", "unbeaten", "undefeated", "winless"})
#: How far back a streak word may stand: "stretched the winless run to 11 matches".
STREAK_WINDOW = 6


def is_game_span(doc: Doc, span: NumSpan) -> bool:
    """A number of games that measures a span of play or a record, not a count of things: the
    games are under a span word ("his first 14 games", "6 straight games"), a preposition of a
    span ("in 9 matches", "for 6 games"), a verb of absence or result ("missed 6 games", "won 4
    matches") or a streak ("a streak of 9 games"); "launches with 22 games" stays a count."""
    if span.unit is not None or span.counted_word is not None:
        return False
    tok = doc[span.last]
    noun = tok.head
    if tok.dep_ != "nummod" or noun.i <= tok.i or noun.lemma_.lower() not in GAME_NOUNS:
        return False
    words = [t.lower_ for t in doc[max(0, span.first - 2) : noun.i]]
    if any(w in SPAN_WORDS for w in words):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ in SPAN_PREPOSITIONS:
        return True
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SPAN_VERBS:
        return True
    before = doc[max(0, span.first - STREAK_WINDOW) : span.first]
    return any(t.lemma_.lower() in STREAK_WORDS for t in before)
