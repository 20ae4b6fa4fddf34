"""Handlers for weekdays, "today"/"tonight", parts of the day, sets ("every Monday"), seasons,
holidays and clock times."""

from __future__ import annotations

import re
from collections.abc import Callable

from wiresift.nlp.time import calendar as cal
from wiresift.nlp.time.anchor import Env, Result, modifier, month_number, norm_text
from wiresift.nlp.time.dates import year_of
from wiresift.nlp.time.lexicon import (
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    SEASONS,
    SET_WORDS,
    WEEKDAYS,
    parse_number,
)
from wiresift.nlp.time.relative import unit_letter


def _possessive_event(env: Env) -> bool:
    """A possessive day ("Wednesday's ruling") names an event already reported."""
    after = env.text[env.end : env.end + 3]
    before = env.text[max(0, env.start - 20) : env.start].lower()
    return after[:2] in ("'s", "’s") and not re.search(r"(?:ahead\s+of|before|until)\s+$", before)


def _weekday(g: dict[str, str | None], env: Env) -> Result | None:
    wd = WEEKDAYS[norm_text(g["wd"]).rstrip(".")]
    pod = PARTS_OF_DAY.get(norm_text(g.get("pod")), "")
    typ = "TIME" if pod else "DATE"
    a = env.anchor
    if a is None:
        return typ, None, modifier(g)
    rel = norm_text(g.get("rel"))
    if rel in ("the previous", "the following"):
        return typ, None, modifier(g)  # anaphoric: relative to another date in the text, not the anchor
    if rel in ("last", "this past", "past"):
        date = cal.weekday_near(cal.shift_days(a, -1), wd, -1)
    elif rel == "next":
        date = cal.weekday_near(cal.shift_days(a, 1), wd, 1)
    elif rel in ("this coming", "coming") or (
        env.tense == "future" and (env.explicit_future or not _possessive_event(env))
    ):
        date = cal.weekday_near(a, wd, 1)
    else:
        date = cal.weekday_near(a, wd, -1)
    return typ, date.isoformat() + (f"T{pod}" if pod else ""), modifier(g)


#: "a better tomorrow", "the leaders of tomorrow": "tomorrow" as a noun for the future, not a day.
_GENERIC_TOMORROW = re.compile(
    r"(?:\b(?:a|an|the|our|your|their|his|her|its)\s+(?:[a-z]+er\s+|bright\s+|new\s+)?|"
    r"(?<!end\sof\s)(?<!start\sof\s)(?<!close\sof\s)\bof\s+)$",
    re.IGNORECASE,
)


def _deictic(g: dict[str, str | None], env: Env) -> Result | None:
    word = norm_text(g["word"])
    if (
        word == "tomorrow"
        and not g.get("dbefore")
        and _GENERIC_TOMORROW.search(env.text[max(0, env.start - 20) : env.start])
    ):
        return None
    pod = PARTS_OF_DAY.get(norm_text(g.get("pod")), "")
    if g.get("pod0"):
        pod = PARTS_OF_DAY[re.split(r"[\s-]", norm_text(g["pod0"]))[-1]]
    if word == "tonight":
        pod = "NI"
    typ = "TIME" if pod else "DATE"
    a = env.anchor
    if a is None:
        return typ, None, modifier(g)
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    if g.get("dbefore"):
        off += -1 if norm_text(g["dbefore"]) == "before" else 1
    value = cal.shift_days(a, off).isoformat() + (f"T{pod}" if pod else "")
    return typ, value, modifier(g)


def _pod(g: dict[str, str | None], env: Env) -> Result | None:
    a = env.anchor
    if g.get("over"):
        return "TIME", (cal.shift_days(a, -1).isoformat() + "TNI") if a else None, None
    rel = norm_text(g.get("rel"))
    pod = PARTS_OF_DAY[norm_text(g["pod"])]
    if a is None:
        return "TIME", None, modifier(g)
    off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "NI":
        return None  # "last morning" is not an expression news uses
    return "TIME", cal.shift_days(a, off).isoformat() + "T" + pod, modifier(g)


def _reference(g: dict[str, str | None], env: Env) -> Result | None:
    return "DATE", REFERENCE_WORDS[norm_text(g["ref"])], None


def _set_word(g: dict[str, str | None], env: Env) -> Result | None:
    if re.search(r"(?:%|percent)\s*$", env.text[max(0, env.start - 12) : env.start]):
        return None  # "grow 6% annually": a growth rate, not a recurring time
    return "SET", SET_WORDS[norm_text(g["set"])], None


def _set_every(g: dict[str, str | None], env: Env) -> Result | None:
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[norm_text(g['wd']).rstrip('.')] + 1}", None
    if g.get("month"):
        return "SET", f"XXXX-{month_number(g['month']):02d}", None
    unit = norm_text(g.get("unit")).rstrip("s")
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}", None
    if unit in PARTS_OF_DAY:
        return "SET", f"TXX{PARTS_OF_DAY[unit]}", None
    num = norm_text(g.get("num"))
    n = 2 if num == "other" else int(parse_number(num) or 1) if num else 1
    letter, _clock_unit, _ = unit_letter(unit)
    return "SET", f"P{n}{letter}", None


def _weekday_set(g: dict[str, str | None], env: Env) -> Result | None:
    return "SET", f"XXXX-WXX-{WEEKDAYS[norm_text(g['wd']).rstrip('s')] + 1}", None


def _season(g: dict[str, str | None], env: Env) -> Result | None:
    s = SEASONS[norm_text(g["season"])]
    rel = norm_text(g.get("rel"))
    if g.get("year") or g.get("syear"):
        return "DATE", f"{year_of(g)}-{s}", modifier(g)
    bare = not rel and not g.get("pos") and s in ("SP", "FA")
    if bare and (not g.get("the") or re.match(r"\s+of\b", env.text[env.end : env.end + 4])):
        return None  # "fall", "spring", "the fall of Kabul": the verb or the noun, not the season
    a = env.anchor
    if a is None:
        return "DATE", None, modifier(g)
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
    return "DATE", f"{y}-{s}", modifier(g)


def _holiday(g: dict[str, str | None], env: Env) -> Result | None:
    name = g["hol"] or ""
    if g.get("year"):
        d = cal.holiday(name, int(g["year"] or 0))
        return ("DATE", d.isoformat(), None) if d else None
    a = env.anchor
    if a is None:
        return "DATE", None, None
    rel = norm_text(g.get("rel"))
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
    ampm = norm_text(g.get("ampm")).replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    t = f"T{h:02d}:{mi:02d}" if mi is not None else f"T{h:02d}:00"
    day_part = env.anchor.isoformat() if env.anchor else None
    return "TIME", (day_part + t) if day_part else None, "APPROX" if g.get("approx") else None


def _clock_pod(g: dict[str, str | None], env: Env) -> Result | None:
    """ "4 in the morning", "9 in the evening": a clock time with its half of the day."""
    pm = norm_text(g.get("pod")) in ("afternoon", "evening", "night") and int(g["hour"] or 0) < 12
    return _clock({**g, "ampm": "pm" if pm else "am"}, env)


def _season_set(g: dict[str, str | None], env: Env) -> Result | None:
    """ "the past three summers": every summer (TimeML marks it a SET)."""
    return "SET", f"XXXX-{SEASONS[norm_text(g['season']).rstrip('s')]}", None


def _noon(g: dict[str, str | None], env: Env) -> Result | None:
    t = "T24:00" if norm_text(g["word"]) == "midnight" else "T12:00"
    return "TIME", (env.anchor.isoformat() + t) if env.anchor else None, None


#: Rule name (:mod:`patterns`) -> handler, for the rules this module normalises.
HANDLERS: dict[str, Callable[[dict[str, str | None], Env], Result | None]] = {
    "clock_pod": _clock_pod,
    "season_set": _season_set,
    "weekday": _weekday,
    "deictic": _deictic,
    "pod": _pod,
    "reference": _reference,
    "set_word": _set_word,
    "set_every": _set_every,
    "weekday_set": _weekday_set,
    "season": _season,
    "holiday": _holiday,
    "clock": _clock,
    "clock24": _clock,
    "noon": _noon,
}
