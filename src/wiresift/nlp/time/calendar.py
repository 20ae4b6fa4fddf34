"""Calendar arithmetic and TIMEX3 value formatting (weeks, quarters, seasons, holidays)."""

from __future__ import annotations

import datetime as dt

#: First month of each TIMEX3 season (meteorological, northern hemisphere, as TimeBank uses).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day(d: dt.date) -> str:
    return d.isoformat()


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def quarter(y: int, q: int) -> str:
    return f"{y:04d}-Q{q}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + n
    return idx // 12, idx % 12 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    idx = y * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def shift_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The weekday on or before (direction -1) / on or after (+1) the anchor."""
    diff = (weekday - anchor.weekday()) % 7
    if direction > 0:
        return anchor + dt.timedelta(days=diff)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def season_of(d: dt.date) -> tuple[int, str]:
    """The season containing a day; winter belongs to the year it starts in."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    mon = (h + ll - 7 * m + 114) // 31
    return dt.date(year, mon, (h + ll - 7 * m + 114) % 31 + 1)


def nth_weekday(year: int, mon: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, mon, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (mon == 12), mon % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> dt.date | None:
    """The date of a named fixed or movable holiday in a year (None when it is not one we know)."""
    key = name.lower().replace("'s", "").replace("’s", "")
    key = " ".join(key.split())
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year": (1, 1), "new year day": (1, 1), "new year eve": (12, 31), "new years": (1, 1),
        "new years day": (1, 1), "new years eve": (12, 31), "halloween": (10, 31),
        "independence day": (7, 4), "valentine day": (2, 14), "boxing day": (12, 26),
        "veterans day": (11, 11), "armistice day": (11, 11), "victory day": (5, 9),
        "may day": (5, 1), "bastille day": (7, 14), "new year's eve": (12, 31),
    }  # fmt: skip
    if key in fixed:
        m, d = fixed[key]
        return dt.date(year, m, d)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if key in ("thanksgiving", "thanksgiving day"):
        return nth_weekday(year, 11, 3, 4)
    if key == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if key == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if key == "election day":
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    return None
