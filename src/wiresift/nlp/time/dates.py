"""Handlers for calendar expressions: dates, months, quarters, halves, years, decades, centuries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from wiresift.nlp.time import calendar as cal
from wiresift.nlp.time.anchor import (
    NEWS_LOOKAHEAD_MONTHS,
    QUARTER_VALUE,
    SHIFT_DAYS,
    Env,
    Result,
    day_number,
    modifier,
    month_number,
    norm_text,
    relative_offset,
    year_for_month,
)
from wiresift.nlp.time.lexicon import (
    ORDINALS,
    WEEKDAYS,
    parse_number,
)
from wiresift.nlp.time.relative import reporting_quarter, shift_value


def _date(g: dict[str, str | None], env: Env) -> Result | None:
    y_s = g.get("year")
    m = int(g["mnum"] or 0) if g.get("mnum") else month_number(g.get("month"))
    d = day_number(g.get("day"))
    if y_s:
        date = cal.safe_date(int(y_s), m, d)
        return ("DATE", date.isoformat(), None) if date else None
    if g.get("wd") and env.anchor is not None:
        # "Monday, March 7": the weekday picks the year when the anchor's year does not fit.
        want = WEEKDAYS[norm_text(g["wd"]).rstrip(".")]
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
    rel = norm_text(g.get("rel"))
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


def year_of(g: dict[str, str | None]) -> int | None:
    """The written year of a match, in digits or in words ("nineteen eighty-five")."""
    if g.get("year"):
        return int(g["year"] or 0)
    if g.get("syear"):
        tail = parse_number(norm_text(g["syear"]).split(None, 1)[-1].removeprefix("nineteen-"))
        return 1900 + int(tail) if tail is not None else None
    return None


def _lastyear_period(g: dict[str, str | None], env: Env) -> Result | None:
    """ "last year's quarter", "the comparable quarter last year": the quarter in focus, a year back."""
    if env.anchor is None:
        return "DATE", None, None
    if g.get("ord"):
        return "DATE", cal.quarter(env.anchor.year - 1, ORDINALS[norm_text(g["ord"])]), None
    base = env.last_quarter
    if base is None:
        rq = reporting_quarter(env)
        base = cal.quarter(*rq) if rq else None
    return "DATE", shift_value(base, -1) if base else str(env.anchor.year - 1), None


def _week_of(g: dict[str, str | None], env: Env) -> Result | None:
    """ "the week of October 14": the ISO week of that day."""
    res = _date(g, env)
    if res is None or not res[1] or res[1].startswith("X"):
        return ("DATE", None, None) if res else None
    return "DATE", cal.week(dt.date.fromisoformat(res[1])), None


def _month_year(g: dict[str, str | None], env: Env) -> Result | None:
    y = year_of(g)
    return ("DATE", cal.month(y, month_number(g["month"])), modifier(g)) if y else None


def _month(g: dict[str, str | None], env: Env) -> Result | None:
    name = g["month"] or ""
    if len(name) <= 4 and not name.endswith(".") and name != "May" and name != "June" and name != "July":
        return None  # "Jan Novak": an abbreviation without its dot is a name, not a month
    m = month_number(name)
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
            return "DATE", None, modifier(g)
        return "DATE", cal.month(env.anchor.year + relative_offset(g["relyear"] or ""), m), modifier(g)
    if env.anchor is None:
        return "DATE", f"XXXX-{m:02d}", modifier(g)
    rel = norm_text(g.get("rel"))
    a = env.anchor
    if rel in ("last", "past", "this past", "previous"):
        y = a.year if m < a.month else a.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = a.year if m > a.month else a.year + 1
    elif rel in ("this", "the current", "current"):
        y = a.year
    else:
        y = year_for_month(a, m, env.tense)
    return "DATE", cal.month(y, m), modifier(g)


def _quarter(g: dict[str, str | None], env: Env) -> Result | None:
    q = ORDINALS[norm_text(g["ord"])]
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
        return "DATE", cal.quarter(ay + relative_offset(rel) if norm_text(rel) != "this" else ay, q), None
    y = ay if q <= aq else ay - 1
    return "DATE", cal.quarter(y, q), None


def _half(g: dict[str, str | None], env: Env) -> Result | None:
    if (
        not g.get("y2")
        and not g.get("relyear2")
        and not re.search(r"of\s+the\s+year", env.text[env.start : env.end])
    ):
        return None  # "the first half" of a match, a game, a speech: not a calendar half
    h = 1 if norm_text(g["ord"]) == "first" else 2
    if g.get("y2"):
        return "DATE", f"{g['y2']}-H{h}", None
    if env.anchor is None:
        return "DATE", f"XXXX-H{h}", None
    rel = g.get("relyear2")
    y = env.anchor.year + (relative_offset(rel) if rel else 0)
    return "DATE", f"{y}-H{h}", None


def _year_period(g: dict[str, str | None], env: Env) -> Result | None:
    """ "the 1988 quarter" / "the 1988 period": that year's counterpart of the quarter in focus."""
    y = int(g["year"] or 0)
    what = norm_text(g.get("what"))
    if what != "quarter" and what != "period":
        return "DATE", cal.quarter(y, ORDINALS[what.split()[0]]), None
    m = QUARTER_VALUE.match(env.last_quarter or "")
    if m:
        return "DATE", cal.quarter(y, int(m.group(2))), None
    rq = reporting_quarter(env)
    return "DATE", cal.quarter(y, rq[1]) if rq else str(y), None


def _year(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", g["year"], modifier(g)


def _spelled_year(g: dict[str, str | None], env: Env) -> Result | None:
    if g.get("mill"):
        rest = parse_number(norm_text(g.get("rest"))) if g.get("rest") else 0
        return "DATE", str(2000 + int(rest or 0)), None
    tail = parse_number(norm_text(g.get("tail")))
    return ("DATE", str(1900 + int(tail)), None) if tail is not None else None


def _decade(g: dict[str, str | None], env: Env) -> Result | None:
    if g.get("dec"):
        return "DATE", (g["dec"] or "")[:3], modifier(g)
    short = g.get("dec2") or ""
    century = "20" if short == "00" or short in ("10", "20") else "19"
    return "DATE", century + short[0], modifier(g)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def _decade_word(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", f"19{_DECADE_WORDS[norm_text(g['decw'])]}", modifier(g)


def _future_ref(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", "FUTURE_REF", None


def _century(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", f"{int(g['cnum'] or 1) - 1:02d}", None


#: Rule name (:mod:`patterns`) -> handler, for the rules this module normalises.
HANDLERS: dict[str, Callable[[dict[str, str | None], Env], Result | None]] = {
    "iso": _date,
    "numeric": _date,
    "mdy": _date,
    "dmy": _date,
    "month_year": _month_year,
    "month": _month,
    "quarter": _quarter,
    "half": _half,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "lastyear_period": _lastyear_period,
    "week_of": _week_of,
    "year_period": _year_period,
    "decade_word": _decade_word,
    "future_ref": _future_ref,
    "spelled_year": _spelled_year,
}
