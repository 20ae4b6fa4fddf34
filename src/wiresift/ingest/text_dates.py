"""Dates in scraped bylines and datelines -> ISO strings that keep their precision.

Only unambiguous forms are read: "Feb 10, 2022", "10 February 2022", "2022-02-10", "2022.02.10".
Numeric day/month orders ("02/10/2022") are skipped on purpose: US and European sites disagree, and
a wrong date is worse than none. A month-day without a year ("Feb 10 (Reuters)") gets the year only
when the caller supplies one.
"""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})\b", re.IGNORECASE)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b")
_MD = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})\b", re.IGNORECASE)
# Years outside this window are more likely numbers than publication dates of news articles.
MIN_YEAR, MAX_YEAR = 1990, 2100


def _iso(year: int, month: int, day: int) -> str | None:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_date(text: str, *, year: int | None = None) -> str | None:
    """The first full date in ``text`` as YYYY-MM-DD, or None."""
    found: list[tuple[int, str]] = []
    for m in _MDY.finditer(text):
        iso = _iso(int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
        if iso:
            found.append((m.start(), iso))
    for m in _DMY.finditer(text):
        iso = _iso(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    for m in _ISO.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    if found:
        return min(found)[1]
    short = _MD.search(text) if year is not None else None
    if short and year is not None:
        return _iso(year, MONTHS[short.group(1)[:3].lower()], int(short.group(2)))
    return None
