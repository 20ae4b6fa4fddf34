"""Handlers for expressions relative to the anchor or to an earlier date: "the same period",
"last quarter", "a year ago", "year-end", durations and "two weeks ago"."""

from __future__ import annotations

import re
from collections.abc import Callable

from wiresift.nlp.time import calendar as cal
from wiresift.nlp.time.anchor import (
    QUARTER_VALUE,
    REPORTING_LAG_DAYS,
    Env,
    Result,
    modifier,
    norm_text,
    relative_offset,
)
from wiresift.nlp.time.lexicon import (
    ORDINALS,
    UNITS,
    parse_number,
)

_CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?$")


def _anaphoric(g: dict[str, str | None], env: Env) -> Result | None:
    """ "that year", "the same day", "the following month": shift the last calendar value mentioned."""
    unit = norm_text(g.get("unit") or g.get("unit2"))
    rel = norm_text(g.get("rel") or g.get("rel2"))
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


def reporting_quarter(env: Env) -> tuple[int, int] | None:
    if env.anchor is None:
        return None
    return cal.quarter_of(cal.shift_days(env.anchor, -REPORTING_LAG_DAYS))


def _rel_period(g: dict[str, str | None], env: Env) -> Result | None:
    rel = norm_text(g.get("rel"))
    unit = norm_text(g.get("unit"))
    mod = modifier(g)
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
    off = relative_offset(rel)
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
        rq = reporting_quarter(env)
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
            rq = reporting_quarter(env)
            return ("DATE", cal.quarter(*rq), mod) if rq else None
        y, q = cal.add_quarters(*cal.quarter_of(a), off or 0)
        return "DATE", cal.quarter(y, q), mod
    if unit == "decade":
        return "DATE", str(a.year // 10 + off), mod
    if unit == "century":
        return "DATE", f"{a.year // 100 + off:02d}", mod
    return None


def _the_period(g: dict[str, str | None], env: Env) -> Result | None:
    unit = norm_text(g.get("unit"))
    mod = modifier(g)
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
        rq = reporting_quarter(env)
        return ("DATE", cal.quarter(*rq), mod) if rq else None
    return None


def shift_value(value: str, years: int) -> str | None:
    m = QUARTER_VALUE.match(value)
    if m:
        return cal.quarter(int(m.group(1)) + years, int(m.group(2)))
    return None


def _yearago(g: dict[str, str | None], env: Env) -> Result | None:
    what = norm_text(g.get("what"))
    if "months" in what:
        return "DURATION", f"P{int(parse_number(what.split()[0]) or 0)}M", None
    if env.anchor is None:
        return "DATE", None, None
    base = env.last_quarter
    if base is None:
        rq = reporting_quarter(env)
        base = cal.quarter(*rq) if rq else None
    if what == "year":
        return "DATE", str(env.anchor.year - 1), None
    if "quarter" in what and what != "quarter":
        q = ORDINALS[what.split()[0]]
        return "DATE", cal.quarter(env.anchor.year - 1, q), None
    return "DATE", shift_value(base, -1) if base else None, None


def _yearend(g: dict[str, str | None], env: Env) -> Result | None:
    if env.anchor is None:
        return "DATE", None, "END"
    if norm_text(g["yr"]) == "month":
        return "DATE", cal.month(env.anchor.year, env.anchor.month), "END"
    before = env.text[max(0, env.start - 12) : env.start].lower()
    y = env.anchor.year - 1 if re.search(r"since\s+$", before) or env.anchor.month <= 2 else env.anchor.year
    return "DATE", f"{y}-12-31", None


def unit_letter(unit: str) -> tuple[str, bool, int]:
    u = norm_text(unit)
    if u in ("centuries",):
        return "C", False, 1
    if u == "fortnight" or u == "fortnights":
        return "W", False, 2
    base = u[:-1] if u.endswith("s") and u[:-1] in UNITS else u
    letter, clock = UNITS[base]
    return letter, clock, 1


def duration_value(num: float | None, unit: str) -> str:
    letter, clock, factor = unit_letter(unit)
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
    num_s = norm_text(g.get("num"))
    n = parse_number(num_s)
    if n is not None and g.get("half"):
        n += 0.5  # "a minute and a half"
    unit = g.get("unit") or ""
    unit_word = norm_text(unit)
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
    if norm_text(unit).rstrip("s") == "weekend":
        return None
    if num_s in ("a", "an") and unit_word.endswith("s") and g.get("long"):
        n = None  # "a months-long battle": the article belongs to the noun, the amount is unsaid
    return "DURATION", duration_value(n, unit), modifier(g)


def _ago(g: dict[str, str | None], env: Env) -> Result | None:
    n = parse_number(norm_text(g.get("num")))
    letter, clock, factor = unit_letter(g.get("unit") or "")
    direction = -1 if norm_text(g.get("dir")) in ("ago", "earlier", "back") else 1
    if env.anchor is None:
        return "DATE", None, modifier(g)
    if n is None:  # "a few years ago": some time before the anchor
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None
    k = int(n * factor) * direction
    a = env.anchor
    if env.last_quarter and letter == "Y" and k == -1:
        return "DATE", shift_value(env.last_quarter, k), None
    if clock:
        return "TIME", None, modifier(g)
    if letter == "D":
        return "DATE", cal.shift_days(a, k).isoformat(), modifier(g)
    if letter == "W":  # "six weeks ago" is a week, not a made-up day
        return "DATE", cal.week(cal.shift_days(a, 7 * k)), modifier(g)
    if letter == "M":
        return "DATE", cal.month(*cal.add_months(a.year, a.month, k)), modifier(g)
    if letter == "Q":
        return "DATE", cal.quarter(*cal.add_quarters(*cal.quarter_of(a), k)), modifier(g)
    if letter == "Y":
        return "DATE", str(a.year + k), modifier(g)
    if letter == "E":
        return "DATE", str((a.year + 10 * k) // 10), modifier(g)
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


#: Rule name (:mod:`patterns`) -> handler, for the rules this module normalises.
HANDLERS: dict[str, Callable[[dict[str, str | None], Env], Result | None]] = {
    "vague_misc": _vague_misc,
    "anaphoric": _anaphoric,
    "rel_period": _rel_period,
    "the_period": _the_period,
    "yearago": _yearago,
    "yearend": _yearend,
    "ago": _ago,
    "duration": _duration,
    "vague_dur": _vague_dur,
    "bare_plural": _bare_plural,
}
