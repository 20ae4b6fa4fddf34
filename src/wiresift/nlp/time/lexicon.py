"""Words the time tagger knows: months, weekdays, numbers, units, seasons, reference words.

Kept as plain tables so the patterns (``patterns``) and the normaliser (``normalise``)
read the same vocabulary.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

#: Cardinal words up to the tens; compounds ("twenty-four") are summed by ``parse_number``.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "single": 1, "a couple of": 2, "a pair of": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "a hundred": 100, "hundred": 100, "a thousand": 1000, "thousand": 1000,
}  # fmt: skip

#: Quantities that say "some number of": the TIMEX3 value gets X instead of a count.
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of", "the next few", "numerous")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4,
}  # fmt: skip

#: Unit word -> (TIMEX3 duration letter, is a clock unit written after "PT").
UNITS: dict[str, tuple[str, bool]] = {
    "year": ("Y", False), "yr": ("Y", False), "month": ("M", False), "week": ("W", False),
    "fortnight": ("W", False), "day": ("D", False), "night": ("D", False), "weekend": ("WE", False),
    "quarter": ("Q", False), "decade": ("E", False), "century": ("C", False), "centurie": ("C", False),
    "millennium": ("L", False), "millennia": ("L", False), "hour": ("H", True), "minute": ("M", True),
    "second": ("S", True),
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "midday": "MI",
    "noon": "MI",
}

#: Position words before a period -> TIMEX3 ``mod``.
POSITION_MODS: dict[str, str] = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the early part of": "START",
    "late": "END",
    "the end of": "END",
    "the close of": "END",
    "the latter part of": "END",
    "mid": "MID",
    "the middle of": "MID",
    "the mid": "MID",
    "pre": "BEFORE",
    "post": "AFTER",
}

#: Quantity hedges before a duration -> TIMEX3 ``mod``.
QUANT_MODS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
}

#: Adverbs and phrases TimeML marks as PRESENT_REF / PAST_REF / FUTURE_REF.
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "more recently": "PAST_REF",
    "most recently": "PAST_REF",
    "formerly": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the longer term": "FUTURE_REF",
}

SET_WORDS: dict[str, str] = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "biannually": "P6M",
}


def parse_number(words: str) -> float | None:
    """'twenty-four' -> 24, '5 1/2' -> 5.5, '1,000' -> 1000, 'a few' -> None (vague)."""
    w = words.lower().strip().replace(",", "")
    if not w or any(w == v or w.endswith(" " + v) for v in VAGUE_NUMBERS):
        return None
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    total = 0.0
    for part in w.replace("-", " ").split():
        if part == "and":
            continue
        if "/" in part:
            num, _, den = part.partition("/")
            if num.isdigit() and den.isdigit() and int(den):
                total += int(num) / int(den)
                continue
            return None
        try:
            total += float(part)
            continue
        except ValueError:
            pass
        if part == "half":
            total += 0.5
        elif part in ("hundred", "thousand") and total:
            total *= 100 if part == "hundred" else 1000
        elif part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        else:
            return None
    return total
