"""What normalising a time expression needs: the anchor (publication date), the tense around it and
the values already seen (:class:`Env`), and the helpers the handlers share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from wiresift.nlp.time.lexicon import (
    MONTHS,
    ORDINALS,
    POSITION_MODS,
    QUANT_MODS,
)

Result = tuple[str, str | None, str | None]  # (type, value, mod)

#: Days before the anchor that still count as "the quarter" being reported: results for a quarter
#: come out in the six or so weeks after it closes, so a report dated 1989-10-26 means 1989-Q3.
REPORTING_LAG_DAYS = 45
#: A day-month without a year moves to the previous (past tense) or next (future tense) year only
#: when the anchor's year would put it this many days on the wrong side: news dates cluster
#: around the publication date, and tense cues are noisy.
SHIFT_DAYS = 90
#: With no tense cue, a month (or day) without a year is taken as at most this many months after
#: the anchor, otherwise in the past: news reports more past than planned events.
NEWS_LOOKAHEAD_MONTHS = 4
QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass
class Env:
    anchor: dt.date | None
    tense: str | None
    text: str
    last_quarter: str | None = None  # the latest quarter value seen before this candidate
    last_date: str | None = None  # the latest calendar value (year first) seen before this candidate
    explicit_future: bool = False  # a word names the future ("will", "scheduled", "due")
    start: int = 0  # span of the candidate being normalised
    end: int = 0


def norm_text(s: str | None) -> str:
    return " ".join((s or "").lower().replace("’", "'").split())


def modifier(g: dict[str, str | None]) -> str | None:
    pos = norm_text(g.get("pos"))
    if pos.startswith("the ") and pos[4:] in POSITION_MODS:
        pos = pos[4:]
    if pos in POSITION_MODS:
        return POSITION_MODS[pos]
    q = norm_text(g.get("qmod"))
    return QUANT_MODS.get(q)


def month_number(name: str | None) -> int:
    return MONTHS[norm_text(name).rstrip(".")]


def day_number(s: str | None) -> int:
    w = norm_text(s)
    if w in ORDINALS:
        return ORDINALS[w]
    return int(re.sub(r"\D", "", w))


def year_for_month(anchor: dt.date, m: int, tense: str | None) -> int:
    if tense == "past" and m > anchor.month:
        return anchor.year - 1
    if tense == "future" and m < anchor.month:
        return anchor.year + 1
    if tense is None and m - anchor.month > NEWS_LOOKAHEAD_MONTHS:
        return anchor.year - 1
    if tense is None and anchor.month - m > 12 - NEWS_LOOKAHEAD_MONTHS:
        return anchor.year + 1
    return anchor.year


def relative_offset(rel: str) -> int:
    """-1 / 0 / +1 for last / this / next."""
    r = norm_text(rel)
    if r in ("last", "previous", "the previous", "this past", "past", "the last", "the past"):
        return -1
    if r in ("next", "coming", "the coming", "the next", "the following", "following", "this coming"):
        return 1
    return 0
