"""Claims and values as an analyst reads them: "more than 5,000 militants, says Arman Duisen".

The stored qualifiers are vocabulary keys (``more_than``, ``at_least``, ``vague``, docs/claims.md);
every label, table cell and hover text of the workbench goes through these functions so that none
shows a key or a float such as ``5000.0``.
"""

from __future__ import annotations

from typing import Any

#: Stored qualifier -> the words before the number.
QUALIFIER_WORDS = {
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "fewer than",
    "at_most": "at most",
    "up_to": "up to",
    "approx": "about",
    "nearly": "nearly",
    "vague": "at least",  # "thousands": at least two of its base
}


def number(value: float | int | None) -> str:
    """``5000.0`` -> "5,000"; ``2.5`` -> "2.5"; None -> ""."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def claim_value(claim: Any) -> str:
    """The amount with its qualifier and unit: "at least 30", "between 200 and 300", "about 5 km"."""
    value, low, high = (
        getattr(claim, "value", None),
        getattr(claim, "low", None),
        getattr(claim, "high", None),
    )
    qualifier = getattr(claim, "qualifier", None)
    if value is not None:
        amount = number(value)
    elif low is not None and high is not None:
        amount = f"between {number(low)} and {number(high)}"
    else:
        amount = number(low if low is not None else high) or "an unstated number"
    words = QUALIFIER_WORDS.get(qualifier or "", (qualifier or "").replace("_", " "))
    text = f"{words} {amount}" if words else amount
    if qualifier == "vague":
        text += " (a vague count)"
    unit = getattr(claim, "unit", None)
    return f"{text} {unit}" if unit else text


def claim_label(claim: Any, claimant: str | None = None) -> str:
    """What a claim counts and who says so: "more than 5,000 militants, says Arman Duisen"."""
    counted = getattr(claim, "counted", None) or "(what is counted is not stated)"
    who = claimant or getattr(claim, "claimant_name", None)
    return f"{claim_value(claim)} {counted}, " + (f"says {who}" if who else "the outlet reports")


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def human_date(value: str | None) -> str:
    """A TIMEX3-style value in words: "2026-02-12" -> "12 February 2026", "2026-02" -> "February 2026";
    other values (weeks, seasons, durations) are returned as they are."""
    if not value:
        return "no calendar value"
    parts = value.split("-")
    if len(parts) in (2, 3) and parts[0].isdigit() and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 3 and parts[2].isdigit():
            return f"{int(parts[2])} {month}"
        return month if len(parts) == 2 else value
    return value


def event_label(plover: str | None, acled: str | None, source: str | None, target: str | None) -> str:
    """ "ASSAULT: the army → the village": category, then the actor and the one acted on, as the text names them."""
    category = (plover or acled or "event").replace("_", " ").lower()
    actors = " → ".join(a for a in (source, target) if a)
    return f"{category}: {actors}" if actors else category
