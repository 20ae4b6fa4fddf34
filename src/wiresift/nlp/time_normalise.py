"""Turn a matched candidate into a TIMEX3 (type, value, mod), anchored on the publication date.

Relative expressions need the anchor; without one their value is None (nothing is invented).
Absolute ones ("March 3, 2021", "1998") resolve on their own. ``tense`` is "past", "future" or
None and only decides which way an underspecified expression ("Thursday", "in October") points.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from wiresift.nlp import time_calendar as cal
from wiresift.nlp.time_lexicon import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITION_MODS,
    QUANT_MODS,
    REFERENCE_WORDS,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
    parse_number,
)
from wiresift.nlp.time_patterns import Candidate

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
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass
class Env:
    anchor: dt.date | None
    tense: str | None
    text: str
    last_quarter: str | None = None  # the latest quarter value seen before this candidate
    last_date: str | None = None  # the latest calendar value (year first) seen before this candidate
    start: int = 0  # span of the candidate being normalised
    end: int = 0


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("’", "'").split())


def _mod(g: dict[str, str | None]) -> str | None:
    pos = _norm(g.get("pos"))
    if pos.startswith("the ") and pos[4:] in POSITION_MODS:
        pos = pos[4:]
    if pos in POSITION_MODS:
        return POSITION_MODS[pos]
    q = _norm(g.get("qmod"))
    return QUANT_MODS.get(q)


def _month_num(name: str | None) -> int:
    return MONTHS[_norm(name).rstrip(".")]


def _day_num(s: str | None) -> int:
    w = _norm(s)
    if w in ORDINALS:
        return ORDINALS[w]
    return int(re.sub(r"\D", "", w))


def _year_for_month(anchor: dt.date, m: int, tense: str | None) -> int:
    if tense == "past" and m > anchor.month:
        return anchor.year - 1
    if tense == "future" and m < anchor.month:
        return anchor.year + 1
    if tense is None and m - anchor.month > NEWS_LOOKAHEAD_MONTHS:
        return anchor.year - 1
    if tense is None and anchor.month - m > 12 - NEWS_LOOKAHEAD_MONTHS:
        return anchor.year + 1
    return anchor.year


def _rel_offset(rel: str) -> int:
    """-1 / 0 / +1 for last / this / next."""
    r = _norm(rel)
    if r in ("last", "previous", "the previous", "this past", "past", "the last", "the past"):
        return -1
    if r in ("next", "coming", "the coming", "the next", "the following", "following", "this coming"):
        return 1
    return 0


def _date(g: dict[str, str | None], env: Env) -> Result | None:
    y_s = g.get("year")
    m = int(g["mnum"] or 0) if g.get("mnum") else _month_num(g.get("month"))
    d = _day_num(g.get("day"))
    if y_s:
        date = cal.safe_date(int(y_s), m, d)
        return ("DATE", date.isoformat(), None) if date else None
    if g.get("wd") and env.anchor is not None:
        # "Monday, March 7": the weekday picks the year when the anchor's year does not fit.
        want = WEEKDAYS[_norm(g["wd"]).rstrip(".")]
        for y in (env.anchor.year, env.anchor.year - 1, env.anchor.year + 1):
            date = cal.safe_date(y, m, d)
            if date and date.weekday() == want:
                return "DATE", date.isoformat(), None
    if env.anchor is None:
        return ("DATE", f"XXXX-{m:02d}-{d:02d}", None) if 1 <= d <= 31 else None
    y = env.anchor.year
    cand = cal.safe_date(y, m, d)
    if cand is None:
        return None
    rel = _norm(g.get("rel"))
    if rel in ("last", "this past"):
        y = y if cand <= env.anchor else y - 1
    elif rel in ("next", "this coming"):
        y = y if cand >= env.anchor else y + 1
    elif env.tense == "past" and (cand - env.anchor).days > SHIFT_DAYS:
        y -= 1
    elif env.tense == "future" and (cand - env.anchor).days < -SHIFT_DAYS:
        y += 1
    elif env.tense is None and (cand - env.anchor).days > NEWS_LOOKAHEAD_MONTHS * 30:
        y -= 1
    elif env.tense is None and (env.anchor - cand).days > (12 - NEWS_LOOKAHEAD_MONTHS) * 30:
        y += 1
    date = cal.safe_date(y, m, d)
    return ("DATE", date.isoformat(), None) if date else None


def _year_of(g: dict[str, str | None]) -> int | None:
    """The written year of a match, in digits or in words ("nineteen eighty-five")."""
    if g.get("year"):
        return int(g["year"] or 0)
    if g.get("syear"):
        tail = parse_number(_norm(g["syear"]).split(None, 1)[-1].removeprefix("nineteen-"))
        return 1900 + int(tail) if tail is not None else None
    return None


def _lastyear_period(g: dict[str, str | None], env: Env) -> Result | None:
    """ "last year's quarter", "the corresponding period last year": the quarter in focus, a year back."""
    if env.anchor is None:
        return "DATE", None, None
    if g.get("ord"):
        return "DATE", cal.quarter(env.anchor.year - 1, ORDINALS[_norm(g["ord"])]), None
    base = env.last_quarter
    if base is None:
        rq = _reporting_quarter(env)
        base = cal.quarter(*rq) if rq else None
    return "DATE", _shift_value(base, -1) if base else str(env.anchor.year - 1), None


def _week_of(g: dict[str, str | None], env: Env) -> Result | None:
    """ "the week of March 6": the ISO week of that day."""
    res = _date(g, env)
    if res is None or not res[1] or res[1].startswith("X"):
        return ("DATE", None, None) if res else None
    return "DATE", cal.week(dt.date.fromisoformat(res[1])), None


def _month_year(g: dict[str, str | None], env: Env) -> Result | None:
    y = _year_of(g)
    return ("DATE", cal.month(y, _month_num(g["month"])), _mod(g)) if y else None


def _month(g: dict[str, str | None], env: Env) -> Result | None:
    name = g["month"] or ""
    if len(name) <= 4 and not name.endswith(".") and name != "May" and name != "June" and name != "July":
        return None  # "Jan Novak": an abbreviation without its dot is a name, not a month
    m = _month_num(name)
    around = env.text[max(0, env.start - 12) : env.start].lower()
    after = env.text[env.end : env.end + 10]
    if (
        re.search(r"\b(?:the|a|an|annual)\s+$", around)
        and not g.get("rel")
        and not g.get("pos")
        and re.match(r"\s+(?:for|of|on|against|to)\b", after)
    ):
        return None  # "the annual March for Peace", "a March against War": a name
    if g.get("relyear"):
        if env.anchor is None:
            return "DATE", None, _mod(g)
        return "DATE", cal.month(env.anchor.year + _rel_offset(g["relyear"] or ""), m), _mod(g)
    if env.anchor is None:
        return "DATE", f"XXXX-{m:02d}", _mod(g)
    rel = _norm(g.get("rel"))
    a = env.anchor
    if rel in ("last", "past", "this past", "previous"):
        y = a.year if m < a.month else a.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = a.year if m > a.month else a.year + 1
    elif rel in ("this", "the current", "current"):
        y = a.year
    else:
        y = _year_for_month(a, m, env.tense)
    return "DATE", cal.month(y, m), _mod(g)


def _quarter(g: dict[str, str | None], env: Env) -> Result | None:
    q = ORDINALS[_norm(g["ord"])]
    if (g.get("qword") or "").lower().endswith("s"):
        return "SET", f"XXXX-Q{q}", None
    y_s = g.get("y1") or g.get("y2")
    rel = g.get("relyear") or g.get("relyear2")
    if y_s:
        return "DATE", cal.quarter(int(y_s), q), None
    if env.anchor is None:
        return "DATE", f"XXXX-Q{q}", None
    ay, aq = cal.quarter_of(env.anchor)
    if rel:
        return "DATE", cal.quarter(ay + _rel_offset(rel) if _norm(rel) != "this" else ay, q), None
    y = ay if q <= aq else ay - 1
    return "DATE", cal.quarter(y, q), None


def _half(g: dict[str, str | None], env: Env) -> Result | None:
    if (
        not g.get("y2")
        and not g.get("relyear2")
        and not re.search(r"of\s+the\s+year", env.text[env.start : env.end])
    ):
        return None  # "the first half" of a match, a game, a speech: not a calendar half
    h = 1 if _norm(g["ord"]) == "first" else 2
    if g.get("y2"):
        return "DATE", f"{g['y2']}-H{h}", None
    if env.anchor is None:
        return "DATE", f"XXXX-H{h}", None
    rel = g.get("relyear2")
    y = env.anchor.year + (_rel_offset(rel) if rel else 0)
    return "DATE", f"{y}-H{h}", None


def _year_period(g: dict[str, str | None], env: Env) -> Result | None:
    """ "the 1988 quarter" / "the 1988 period": that year's counterpart of the quarter in focus."""
    y = int(g["year"] or 0)
    what = _norm(g.get("what"))
    if what != "quarter" and what != "period":
        return "DATE", cal.quarter(y, ORDINALS[what.split()[0]]), None
    m = _QUARTER_VALUE.match(env.last_quarter or "")
    if m:
        return "DATE", cal.quarter(y, int(m.group(2))), None
    rq = _reporting_quarter(env)
    return "DATE", cal.quarter(y, rq[1]) if rq else str(y), None


def _year(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", g["year"], _mod(g)


def _spelled_year(g: dict[str, str | None], env: Env) -> Result | None:
    if g.get("mill"):
        rest = parse_number(_norm(g.get("rest"))) if g.get("rest") else 0
        return "DATE", str(2000 + int(rest or 0)), None
    tail = parse_number(_norm(g.get("tail")))
    return ("DATE", str(1900 + int(tail)), None) if tail is not None else None


def _decade(g: dict[str, str | None], env: Env) -> Result | None:
    if g.get("dec"):
        return "DATE", (g["dec"] or "")[:3], _mod(g)
    short = g.get("dec2") or ""
    century = "20" if short == "00" or short in ("10", "20") else "19"
    return "DATE", century + short[0], _mod(g)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def _decade_word(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", f"19{_DECADE_WORDS[_norm(g['decw'])]}", _mod(g)


def _future_ref(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", "FUTURE_REF", None


def _century(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", f"{int(g['cnum'] or 1) - 1:02d}", None


_CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?$")


def _anaphoric(g: dict[str, str | None], env: Env) -> Result | None:
    """ "that year", "the same day", "the following month": shift the last calendar value mentioned."""
    unit = _norm(g.get("unit") or g.get("unit2"))
    rel = _norm(g.get("rel") or g.get("rel2"))
    off = 1 if rel in ("the following", "the next") else -1 if rel == "the previous" else 0
    if unit == "morning":
        unit = "day"
    ref = env.last_quarter if unit == "quarter" else env.last_date
    m = _CALENDAR_VALUE.match(ref or "")
    if not m:
        return "DATE", None, None
    y = int(m.group(1))
    if unit == "year":
        return "DATE", str(y + off), None
    if unit == "quarter" and m.group(4):
        return "DATE", cal.quarter(*cal.add_quarters(y, int(m.group(4)), off)), None
    if unit == "month" and m.group(2):
        return "DATE", cal.month(*cal.add_months(y, int(m.group(2)), off)), None
    if unit == "day" and m.group(3):
        d = cal.safe_date(y, int(m.group(2)), int(m.group(3)))
        return ("DATE", cal.shift_days(d, off).isoformat(), None) if d else None
    return "DATE", None, None


def _reporting_quarter(env: Env) -> tuple[int, int] | None:
    if env.anchor is None:
        return None
    return cal.quarter_of(cal.shift_days(env.anchor, -REPORTING_LAG_DAYS))


def _rel_period(g: dict[str, str | None], env: Env) -> Result | None:
    rel = _norm(g.get("rel"))
    unit = _norm(g.get("unit"))
    mod = _mod(g)
    if rel in ("the past", "the last", "the next", "the coming", "past") or (
        rel == "the previous" and unit != "quarter"
    ):
        letter = {"year": "Y", "fiscal year": "Y", "month": "M", "week": "W", "decade": "E", "quarter": "Q"}
        if unit in letter:
            return "DURATION", f"P1{letter[unit]}", mod
        return None
    if rel == "the following" and unit in ("month", "year", "quarter"):
        return _anaphoric(g, env)
    if rel in ("that", "the following", "following") or (rel == "the same" and unit != "period"):
        return None  # anaphoric ("that year"): the referent is another expression, not the anchor
    off = _rel_offset(rel)
    a = env.anchor
    if unit in ("season", "semester"):
        return None
    if unit == "period":
        if rel not in ("the latest", "the most recent", "the current", "the same"):
            return None
        if a is None:
            return "DATE", None, mod
        if env.last_quarter:
            return "DATE", env.last_quarter, mod
        rq = _reporting_quarter(env)
        return ("DATE", cal.quarter(*rq), mod) if rq else None
    if a is None:
        return "DATE", None, mod
    if rel in ("the latest", "the most recent") and unit != "quarter":
        return None
    if unit in ("year", "fiscal year"):
        return "DATE", str(a.year + off), mod
    if unit == "month":
        y, m = cal.add_months(a.year, a.month, off or 0)
        return "DATE", cal.month(y, m), mod
    if unit == "week":
        return "DATE", cal.week(cal.shift_days(a, 7 * off)), mod
    if unit == "weekend":
        sat = cal.weekday_near(a, 5, -1) if off == -1 or rel in ("this past",) else cal.weekday_near(a, 5, 1)
        if off == 1:
            sat = cal.weekday_near(cal.shift_days(a, 1), 5, 1)
        return "DATE", cal.week(sat) + "-WE", mod
    if unit == "quarter":
        if rel in ("the latest", "the most recent"):
            rq = _reporting_quarter(env)
            return ("DATE", cal.quarter(*rq), mod) if rq else None
        y, q = cal.add_quarters(*cal.quarter_of(a), off or 0)
        return "DATE", cal.quarter(y, q), mod
    if unit == "decade":
        return "DATE", str(a.year // 10 + off), mod
    if unit == "century":
        return "DATE", f"{a.year // 100 + off:02d}", mod
    return None


def _the_period(g: dict[str, str | None], env: Env) -> Result | None:
    unit = _norm(g.get("unit"))
    mod = _mod(g)
    after = env.text[env.end : env.end + 12].lower()
    if unit in ("year", "fiscal year") and re.match(r"\s*(?:ended|ending|to\s)", after):
        return "DURATION", "P1Y", mod
    a = env.anchor
    if a is None:
        return "DATE", None, mod
    if unit in ("year", "fiscal year"):
        return "DATE", str(a.year), mod
    if unit == "month":
        return "DATE", cal.month(a.year, a.month), mod
    if unit == "week":
        return "DATE", cal.week(a), mod
    if unit == "weekend":
        return "DATE", cal.week(cal.weekday_near(a, 5, -1)) + "-WE", mod
    if unit in ("quarter", "period"):
        if unit == "period" and env.last_quarter is None:
            return None
        if env.last_quarter:
            return "DATE", env.last_quarter, mod
        rq = _reporting_quarter(env)
        return ("DATE", cal.quarter(*rq), mod) if rq else None
    return None


def _shift_value(value: str, years: int) -> str | None:
    m = _QUARTER_VALUE.match(value)
    if m:
        return cal.quarter(int(m.group(1)) + years, int(m.group(2)))
    return None


def _yearago(g: dict[str, str | None], env: Env) -> Result | None:
    what = _norm(g.get("what"))
    if "months" in what:
        return "DURATION", f"P{int(parse_number(what.split()[0]) or 0)}M", None
    if env.anchor is None:
        return "DATE", None, None
    base = env.last_quarter
    if base is None:
        rq = _reporting_quarter(env)
        base = cal.quarter(*rq) if rq else None
    if what == "year":
        return "DATE", str(env.anchor.year - 1), None
    if "quarter" in what and what != "quarter":
        q = ORDINALS[what.split()[0]]
        return "DATE", cal.quarter(env.anchor.year - 1, q), None
    return "DATE", _shift_value(base, -1) if base else None, None


def _yearend(g: dict[str, str | None], env: Env) -> Result | None:
    if env.anchor is None:
        return "DATE", None, "END"
    if _norm(g["yr"]) == "month":
        return "DATE", cal.month(env.anchor.year, env.anchor.month), "END"
    before = env.text[max(0, env.start - 12) : env.start].lower()
    y = env.anchor.year - 1 if re.search(r"since\s+$", before) or env.anchor.month <= 2 else env.anchor.year
    return "DATE", f"{y}-12-31", None


def _unit_letter(unit: str) -> tuple[str, bool, int]:
    u = _norm(unit)
    if u in ("centuries",):
        return "C", False, 1
    if u == "fortnight" or u == "fortnights":
        return "W", False, 2
    base = u[:-1] if u.endswith("s") and u[:-1] in UNITS else u
    letter, clock = UNITS[base]
    return letter, clock, 1


def duration_value(num: float | None, unit: str) -> str:
    letter, clock, factor = _unit_letter(unit)
    prefix = "PT" if clock else "P"
    if num is None:
        return f"{prefix}X{letter}"
    n = num * factor
    if letter == "E" and n != 1:
        letter, n = "Y", n * 10
    if letter == "C" and n != 1:
        letter, n = "Y", n * 100
    if n != int(n):
        whole, frac = int(n), n - int(n)
        if clock:
            sub = {"H": ("M", 60), "M": ("S", 60)}
        else:
            sub = {"Y": ("M", 12), "D": ("H", 24), "M": ("D", 30), "W": ("D", 7)}
        if letter in sub:
            sl, k = sub[letter]
            sprefix = "T" if (sl == "H" and not clock) else ""
            head = f"{whole}{letter}" if whole else ""
            if clock:
                return f"PT{head}{round(frac * k)}{sl}"
            return f"P{head}{sprefix}{round(frac * k)}{sl}"
    return f"{prefix}{int(n)}{letter}"


#: What comes before "a year" / "a day" when it is a rate ("5% a year", "four convoys a week").
_RATE_BEFORE = re.compile(
    r"(?:\d|%|percent|cents?|million|billion|dollars|once|twice|times|hours|minutes)\s*$|"
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand)\s+[a-z]+s\s*$",
    re.IGNORECASE,
)


def _duration(g: dict[str, str | None], env: Env) -> Result | None:
    num_s = _norm(g.get("num"))
    n = parse_number(num_s)
    if n is not None and g.get("half"):
        n += 0.5  # "a minute and a half"
    unit = g.get("unit") or ""
    unit_word = _norm(unit)
    if (
        unit_word.startswith("quarter")
        and num_s in ("a", "an", "one", "two", "three")
        and re.match(r"\s+of\b", env.text[env.end : env.end + 4])
    ):
        return None  # "three quarters of the budget": a fraction
    if num_s in ("a", "an") and unit_word == "second":
        return None  # "a second group": the ordinal
    if num_s in ("a", "an", "one") and not g.get("rel") and not g.get("qmod"):
        before = env.text[max(0, env.start - 30) : env.start]
        if _RATE_BEFORE.search(before):
            return None  # "5% a year", "three patrols a week", "24 hours a day": a rate
    if _norm(unit).rstrip("s") == "weekend":
        return None
    return "DURATION", duration_value(n, unit), _mod(g)


def _ago(g: dict[str, str | None], env: Env) -> Result | None:
    n = parse_number(_norm(g.get("num")))
    letter, clock, factor = _unit_letter(g.get("unit") or "")
    direction = -1 if _norm(g.get("dir")) in ("ago", "earlier", "back") else 1
    if env.anchor is None:
        return "DATE", None, _mod(g)
    if n is None:  # "a few years ago": some time before the anchor
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None
    k = int(n * factor) * direction
    a = env.anchor
    if env.last_quarter and letter == "Y" and k == -1:
        return "DATE", _shift_value(env.last_quarter, k), None
    if clock:
        return "TIME", None, _mod(g)
    if letter == "D":
        return "DATE", cal.shift_days(a, k).isoformat(), _mod(g)
    if letter == "W":  # "six weeks ago" is a week, not a made-up day
        return "DATE", cal.week(cal.shift_days(a, 7 * k)), _mod(g)
    if letter == "M":
        return "DATE", cal.month(*cal.add_months(a.year, a.month, k)), _mod(g)
    if letter == "Q":
        return "DATE", cal.quarter(*cal.add_quarters(*cal.quarter_of(a), k)), _mod(g)
    if letter == "Y":
        return "DATE", str(a.year + k), _mod(g)
    if letter == "E":
        return "DATE", str((a.year + 10 * k) // 10), _mod(g)
    return None


def _vague_misc(g: dict[str, str | None], env: Env) -> Result | None:
    if g.get("while"):
        return "DURATION", "PXX", None
    unit = g.get("unit")
    if unit:
        plural = unit.lower().endswith("s")
        return "DURATION", duration_value(None if plural else 1, unit), None
    return "DURATION", duration_value(None, g.get("unit2") or ""), None


def _vague_dur(g: dict[str, str | None], env: Env) -> Result | None:
    return "DURATION", duration_value(None, g.get("unit") or ""), None


def _bare_plural(g: dict[str, str | None], env: Env) -> Result | None:
    return "DURATION", duration_value(None, g.get("unit") or ""), None


def _possessive_event(env: Env) -> bool:
    """A possessive day ("Wednesday's ruling") names an event already reported."""
    after = env.text[env.end : env.end + 3]
    before = env.text[max(0, env.start - 20) : env.start].lower()
    return after[:2] in ("'s", "’s") and not re.search(r"(?:ahead\s+of|before|until)\s+$", before)


def _weekday(g: dict[str, str | None], env: Env) -> Result | None:
    wd = WEEKDAYS[_norm(g["wd"]).rstrip(".")]
    pod = PARTS_OF_DAY.get(_norm(g.get("pod")), "")
    typ = "TIME" if pod else "DATE"
    a = env.anchor
    if a is None:
        return typ, None, _mod(g)
    rel = _norm(g.get("rel"))
    if rel in ("the previous", "the following"):
        return typ, None, _mod(g)  # anaphoric: relative to another date in the text, not the anchor
    if rel in ("last", "this past", "past"):
        date = cal.weekday_near(cal.shift_days(a, -1), wd, -1)
    elif rel == "next":
        date = cal.weekday_near(cal.shift_days(a, 1), wd, 1)
    elif rel in ("this coming", "coming") or (env.tense == "future" and not _possessive_event(env)):
        date = cal.weekday_near(a, wd, 1)
    else:
        date = cal.weekday_near(a, wd, -1)
    return typ, date.isoformat() + (f"T{pod}" if pod else ""), _mod(g)


def _deictic(g: dict[str, str | None], env: Env) -> Result | None:
    word = _norm(g["word"])
    pod = PARTS_OF_DAY.get(_norm(g.get("pod")), "")
    if g.get("pod0"):
        pod = PARTS_OF_DAY[re.split(r"[\s-]", _norm(g["pod0"]))[-1]]
    if word == "tonight":
        pod = "NI"
    typ = "TIME" if pod else "DATE"
    a = env.anchor
    if a is None:
        return typ, None, _mod(g)
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    if g.get("dbefore"):
        off += -1 if _norm(g["dbefore"]) == "before" else 1
    value = cal.shift_days(a, off).isoformat() + (f"T{pod}" if pod else "")
    return typ, value, _mod(g)


def _pod(g: dict[str, str | None], env: Env) -> Result | None:
    a = env.anchor
    if g.get("over"):
        return "TIME", (cal.shift_days(a, -1).isoformat() + "TNI") if a else None, None
    rel = _norm(g.get("rel"))
    pod = PARTS_OF_DAY[_norm(g["pod"])]
    if a is None:
        return "TIME", None, _mod(g)
    off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "NI":
        return None  # "last morning" is not an expression news uses
    return "TIME", cal.shift_days(a, off).isoformat() + "T" + pod, _mod(g)


def _reference(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", REFERENCE_WORDS[_norm(g["ref"])], None


def _set_word(g: dict[str, str | None], env: Env) -> Result | None:
    if re.search(r"(?:%|percent)\s*$", env.text[max(0, env.start - 12) : env.start]):
        return None  # "grow 6% annually": a growth rate, not a recurring time
    return "SET", SET_WORDS[_norm(g["set"])], None


def _set_every(g: dict[str, str | None], env: Env) -> Result | None:
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[_norm(g['wd']).rstrip('.')] + 1}", None
    if g.get("month"):
        return "SET", f"XXXX-{_month_num(g['month']):02d}", None
    unit = _norm(g.get("unit")).rstrip("s")
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}", None
    if unit in PARTS_OF_DAY:
        return "SET", f"TXX{PARTS_OF_DAY[unit]}", None
    num = _norm(g.get("num"))
    n = 2 if num == "other" else int(parse_number(num) or 1) if num else 1
    letter, _clock_unit, _ = _unit_letter(unit)
    return "SET", f"P{n}{letter}", None


def _weekday_set(g: dict[str, str | None], env: Env) -> Result | None:
    return "SET", f"XXXX-WXX-{WEEKDAYS[_norm(g['wd']).rstrip('s')] + 1}", None


def _season(g: dict[str, str | None], env: Env) -> Result | None:
    s = SEASONS[_norm(g["season"])]
    rel = _norm(g.get("rel"))
    if g.get("year") or g.get("syear"):
        return "DATE", f"{_year_of(g)}-{s}", _mod(g)
    bare = not rel and not g.get("pos") and s in ("SP", "FA")
    if bare and (not g.get("the") or re.match(r"\s+of\b", env.text[env.end : env.end + 4])):
        return None  # "fall", "spring", "the fall of Kabul": the verb or the noun, not the season
    a = env.anchor
    if a is None:
        return "DATE", None, _mod(g)
    _, cs = cal.season_of(a)
    start_month = cal.SEASON_START[s]
    y = a.year if s != "WI" or a.month == 12 else a.year - 1
    if rel in ("this past", "past"):
        # the latest such season that has already ended or is under way before this one
        y = a.year if cal.SEASON_START[s] < a.month and s != cs else a.year - 1
        if s == "WI":
            y = a.year - 1 if a.month >= 3 else a.year - 2
    elif rel in ("last", "previous"):
        # "last spring" is last year's spring ("this past spring" is this year's); winter is named
        # by the year it starts in, so in January "last winter" began two Decembers ago
        y = a.year - 1 if s != "WI" or a.month >= 3 else a.year - 2
    elif rel in ("next", "coming", "this coming"):
        y = a.year if start_month > a.month else a.year + 1
    elif rel == "this":
        y = a.year if s != "WI" or a.month >= 3 else a.year - 1
    elif env.tense == "past" and start_month > a.month and s != cs:
        y = a.year - 1
    return "DATE", f"{y}-{s}", _mod(g)


def _holiday(g: dict[str, str | None], env: Env) -> Result | None:
    name = g["hol"] or ""
    if g.get("year"):
        d = cal.holiday(name, int(g["year"] or 0))
        return ("DATE", d.isoformat(), None) if d else None
    a = env.anchor
    if a is None:
        return "DATE", None, None
    rel = _norm(g.get("rel"))
    this_year = cal.holiday(name, a.year)
    if this_year is None:
        return None
    if rel == "last" or (not rel and env.tense != "future"):
        d = this_year if this_year <= a else cal.holiday(name, a.year - 1)
        if rel == "" and env.tense is None and this_year > a and (this_year - a).days < 60:
            d = this_year
    else:
        d = this_year if this_year >= a else cal.holiday(name, a.year + 1)
    return ("DATE", d.isoformat(), None) if d else None


def _clock(g: dict[str, str | None], env: Env) -> Result | None:
    h = int(g["hour"] or 0)
    mi = int(g["minute"] or 0) if g.get("minute") else None
    ampm = _norm(g.get("ampm")).replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    t = f"T{h:02d}:{mi:02d}" if mi is not None else f"T{h:02d}:00"
    day_part = env.anchor.isoformat() if env.anchor else None
    return "TIME", (day_part + t) if day_part else None, "APPROX" if g.get("approx") else None


def _clock_pod(g: dict[str, str | None], env: Env) -> Result | None:
    """ "4 in the morning", "9 in the evening": a clock time with its half of the day."""
    pm = _norm(g.get("pod")) in ("afternoon", "evening", "night") and int(g["hour"] or 0) < 12
    return _clock({**g, "ampm": "pm" if pm else "am"}, env)


def _season_set(g: dict[str, str | None], env: Env) -> Result | None:
    """ "the past three summers": every summer (TimeML marks it a SET)."""
    return "SET", f"XXXX-{SEASONS[_norm(g['season']).rstrip('s')]}", None


def _noon(g: dict[str, str | None], env: Env) -> Result | None:
    t = "T24:00" if _norm(g["word"]) == "midnight" else "T12:00"
    return "TIME", (env.anchor.isoformat() + t) if env.anchor else None, None


HANDLERS: dict[str, Callable[[dict[str, str | None], Env], Result | None]] = {
    "iso": _date, "numeric": _date, "mdy": _date, "dmy": _date, "month_year": _month_year,
    "month": _month, "quarter": _quarter, "half": _half, "year": _year, "decade": _decade,
    "century": _century, "clock_pod": _clock_pod, "season_set": _season_set, "lastyear_period": _lastyear_period, "week_of": _week_of, "vague_misc": _vague_misc, "year_period": _year_period, "anaphoric": _anaphoric, "decade_word": _decade_word, "future_ref": _future_ref, "spelled_year": _spelled_year, "rel_period": _rel_period, "the_period": _the_period, "yearago": _yearago,
    "yearend": _yearend, "ago": _ago, "duration": _duration, "vague_dur": _vague_dur,
    "weekday": _weekday, "deictic": _deictic, "pod": _pod, "reference": _reference,
    "set_word": _set_word, "set_every": _set_every, "weekday_set": _weekday_set, "season": _season,
    "holiday": _holiday, "clock": _clock, "clock24": _clock, "noon": _noon, "bare_plural": _bare_plural,
}  # fmt: skip


def normalise(c: Candidate, env: Env) -> Result | None:
    """(type, value, mod) for one candidate, or None when the match is not a time expression."""
    env.start, env.end = c.start, c.end
    return HANDLERS[c.rule](c.groups, env)
