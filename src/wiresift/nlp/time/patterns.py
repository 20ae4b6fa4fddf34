"""Precompiled candidate patterns for time expressions, one regex per rule.

Each rule scans the whole text once (``re.finditer`` runs in C); the normaliser reads the named
groups. Rule patterns are case-insensitive except month, weekday and holiday names, which must be
capitalised (so "may", "march", "sun" stay words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from wiresift.nlp.entities.lexicon import words
from wiresift.nlp.time.lexicon import (
    MONTHS,
    NUMBER_WORDS,
    POSITION_MODS,
    QUANT_MODS,
    REFERENCE_WORDS,
    SET_WORDS,
    WEEKDAYS,
)
from wiresift.nlp.time.prefilter import Prefilter, trie


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY_NAMES = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\."
)


def month(name: str = "month") -> str:
    return rf"(?-i:(?P<{name}>{_MONTH_NAMES}))(?![A-Za-z])"


def weekday(name: str = "wd") -> str:
    return rf"(?-i:(?P<{name}>{_WEEKDAY_NAMES}))(?![A-Za-z])"


#: Nouns that make a 4-digit number a count ("2000 troops"), not a year.
_COUNTED = (
    "people|persons|troops|soldiers|militants|fighters|rebels|police|officers|civilians|refugees|families|"
    "children|dead|deaths|casualties|cases|votes|units|tonnes|tons|barrels|km|kilometres|kilometers|miles|"
    "metres|meters|feet|acres|hectares|dollars|euros|pounds|rupees|yuan|shares|jobs|employees|workers|"
    "students|members|rockets|missiles|drones|tanks|vehicles|homes|houses|flights|seats|points"
)


#: Units that make "2000-metre", "1500-seat", "2000-strong" a measure, not a year.
_MEASURE = (
    "m|km|metres?|meters?|kilometres?|kilometers?|miles?|yards?|foot|feet|ft|acres?|hectares?|tons?|tonnes?|"
    "kg|kilograms?|pounds?|lbs?|litres?|liters?|gallons?|barrels?|seats?|seater|beds?|rooms?|strong|members?|"
    "pages?|words?|points?|mw|megawatts?|horsepower|hp|cc|units?|square"
)


def year(name: str = "year") -> str:
    # A 4-digit year 1600-2099 not glued to other digits ("1,990", "19901"), a money sign, a count
    # or a measure ("a 2000-metre race").
    return (
        rf"(?<![\d$£€.,/])(?<!\d-)(?P<{name}>1[6-9]\d\d|20\d\d)"
        rf"(?![\d]|,\d|\.\d|\s*(?:%|percent)|\s+(?:{_COUNTED})\b|-(?:{_MEASURE})\b)"
    )


_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_TENS_EARLY = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES_EARLY = "one|two|three|four|five|six|seven|eight|nine"
_DAYWORD = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|"
    "twenty-second|twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|"
    "twenty-eighth|twenty-ninth|thirtieth|thirty-first"
)


def day(name: str = "day") -> str:
    return rf"(?P<{name}>{_DAYNUM}|(?:{_DAYWORD})(?![a-z-]))"


def spelled_year(name: str = "syear") -> str:
    """A year said in words inside a longer date ("March nineteen eighty-five")."""
    return rf"(?P<{name}>nineteen[\s-](?:{_TENS_EARLY})(?:[\s-](?:{_ONES_EARLY}))?)(?![a-z-])"


_SPELLED_YEAR = (
    rf"(?:the\s+year\s+)?(?:nineteen[\s-](?:hundred\s+(?:and\s+)?)?(?P<tail>(?:{_TENS_EARLY})(?:[\s-](?:{_ONES_EARLY}))?)"
    rf"|(?P<mill>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest>{_ONES_EARLY}|ten|eleven|twelve))?)(?![a-z-])"
)


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUMWORD = rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|" + _alt(NUMBER_WORDS) + ")"
NUM = (
    # "1,000 days" whole: a thousands separator is not where the number starts
    r"(?P<num>(?:(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d,])\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|"
    + _NUMWORD
    + r"(?:\s+(?:hundred|thousand))?|a\s+few|few|several|many|some|a\s+couple\s+of|a\s+number\s+of|numerous)"
    + r"(?:\s+and\s+a\s+half)?)"
)
_UNIT_WORDS = (
    r"years?|yrs?|months?|weeks?|fortnights?|days?|nights?|quarters?|decades?|century|centuries|"
    r"millennium|millennia|hours?|minutes?|seconds?|weekends?"
)
UNIT = rf"(?P<unit>{_UNIT_WORDS})(?![a-z])"
POS = (
    r"(?:(?P<pos>(?:the\s+(?=early|late|mid))?(?:"
    + _alt(POSITION_MODS)
    + r"|earlier|later|pre|post))[\s-]+)?"
)
QMOD = r"(?:(?P<qmod>" + _alt(QUANT_MODS) + r"|another)\s+(?!the\b))?"
_REL = (
    r"(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|"
    r"the\s+current|the\s+following|the\s+same|the\s+latest|the\s+most\s+recent|last|this|next|past|"
    r"previous|coming|current|following)"
)
_PERIODS = (
    r"(?P<unit>fiscal\s+year|year|month|week(?:end)?|quarter|period|decade|century|season|semester)(?![a-z-])"
)
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)(?![a-z])"
_HOLIDAY = (
    r"(?-i:(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year(?:'s|’s|s)?(?:\s+Day|\s+Eve)?|"
    r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Good\s+Friday|Halloween|Independence\s+Day|"
    r"Election\s+Day|Memorial\s+Day|Labor\s+Day|Valentine(?:'s|’s)\s+Day|Boxing\s+Day|Veterans\s+Day|"
    r"Armistice\s+Day|Victory\s+Day|Bastille\s+Day))(?![A-Za-z])"
)
_POD = r"(?P<pod>morning|afternoon|evening|night)(?![a-z])"
_ORD_Q = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"
_AMPM = r"(?P<ampm>[ap]\.\s?m\.?|[ap]m(?![a-z]))"
_TZ = r"(?:\s+(?P<tz>(?-i:[A-Z][SD]T|GMT|UTC)))?"

#: (rule name, pattern). Earlier rules win ties between candidates of equal length.
RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])"),
    ("numeric", r"(?<![\d/])(?P<mnum>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>\d{4})(?![\d/])"),
    (
        "mdy",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:{weekday()},?\s+)?{month()}\s*{day()}(?:(?:,\s*|\s+){year()})?",
    ),
    ("dmy", rf"(?:{weekday()},?\s+)?(?:the\s+)?{day()}(?:\s+of)?\s+{month()}(?:,?\s+{year()})?"),
    (
        "lastyear_period",
        r"the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year(?![a-z'])|"
        r"last\s+year['’]s\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?:quarter|period)(?![a-z])",
    ),
    ("week_of", rf"the\s+week\s+of\s+{month()}\s*{day()}(?:(?:,\s*|\s+){year()})?"),
    ("month_year", rf"{POS}{month()},?\s+(?:of\s+)?(?:{year()}|{spelled_year()})"),
    ("month", rf"{POS}(?:{_REL}\s+)?{month()}(?:,?\s+(?P<relyear>this|last|next)\s+year(?![a-z']))?"),
    (
        "quarter",
        rf"(?:the\s+)?(?:(?:{year('y1')}|(?P<relyear>this|last|next)\s+year's)\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
        rf"{_ORD_Q}[\s-]+(?:fiscal[\s-]+)?(?P<qword>quarters?)(?![a-z])(?:\s+of\s+(?:fiscal\s+)?(?:{year('y2')}|(?P<relyear2>this|last|next)\s+year))?",
    ),
    (
        "year_period",
        rf"(?:the\s+)?{year()}\s+(?P<what>quarter|period|(?:first|second|third|fourth)\s+quarter)(?![a-z])",
    ),
    (
        "half",
        rf"(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:{year('y2')}|(?P<relyear2>this|last|next)\s+year|the\s+year))?",
    ),
    ("year", rf"{POS}(?:(?P<fiscal>fiscal|calendar|the\s+year|model\s+year)(?:\s+year)?\s+)?{year()}"),
    ("spelled_year", _SPELLED_YEAR),
    ("decade", rf"{POS}(?:the\s+)?(?:(?P<dec>1[6-9]\d0|20\d0)|'(?P<dec2>[0-9]0))'?s(?![a-z])"),
    (
        "decade_word",
        rf"{POS}(?:the\s+)?(?:nineteen[\s-]?)?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![a-z])",
    ),
    ("century", r"(?:the\s+)?(?P<cnum>\d{1,2})(?:st|nd|rd|th)[\s-]century(?![a-z])"),
    ("rel_period", rf"{POS}{_REL}\s+{_PERIODS}"),
    (
        "anaphoric",
        r"(?:(?P<pos>earlier|later)\s+)?(?P<rel>that|the\s+same|that\s+same|the\s+following|the\s+previous)\s+"
        r"(?P<unit>month|year|quarter)(?![a-z-])|(?P<rel2>the\s+next|the\s+following)\s+(?P<unit2>day|morning)(?![a-z-])",
    ),
    (
        "the_period",
        rf"{POS}the\s+(?:full\s+|entire\s+|whole\s+)?(?P<unit>year|month|week(?:end)?|quarter|period|fiscal\s+year)(?![a-z-])",
    ),
    (
        "yearago",
        r"(?:the\s+)?year[\s-](?P<yr>ago|earlier)(?:\s+(?P<what>(?:first|second|third|fourth)\s+quarter|quarter|period|nine\s+months|six\s+months|year))?(?![a-z-])",
    ),
    ("yearend", r"(?P<yr>year|month)(?:'s)?[\s-]end(?![a-z])"),
    (
        "future_ref",
        r"(?:in\s+)?future\s+(?:quarters|years|months|weeks|generations)(?![a-z])|(?<=\bin\s)future(?![a-z])",
    ),
    ("ago", rf"{QMOD}{NUM}[\s-]+{UNIT}\s+(?P<dir>ago|earlier|from\s+now|hence|back)(?![a-z])"),
    (
        "duration",
        rf"{QMOD}(?:(?:the|a|an)\s+(?=(?:past|last|next|first|final|coming|previous|following|latest|recent|additional|further|remaining|initial|entire|whole|full)\s))?(?:(?P<rel>past|last|next|first|final|coming|previous|following|latest|"
        rf"recent|additional|further|remaining|initial|entire|whole|full)\s+)?{NUM}"
        rf"(?:\s+(?:more|additional|full|straight|consecutive|trading|business|working|calendar))?[\s-]+{UNIT}"
        r"(?P<half>\s+and\s+a\s+half)?(?P<long>[\s-]long)?(?![\s-]+olds?\b|-olds?\b|\s+of\s+age)",
    ),
    (
        "vague_misc",
        r"(?P<unit>days?|weeks?|months?|years?|decades?)-long|(?P<while>a\s+(?:long\s+)?while|some\s+time)(?![a-z])|"
        r"the\s+(?P<unit2>years|months|weeks|days)\s+ahead(?![a-z])",
    ),
    (
        "vague_dur",
        r"(?:the\s+)?(?P<rel>recent|coming|past|next|last|following|previous|ensuing)\s+"
        r"(?:(?:few|several|many)\s+)?(?P<unit>years|months|weeks|days|hours|decades|quarters)(?![a-z])",
    ),
    (
        "weekday",
        rf"{POS}(?:(?P<rel>last|this|next|this\s+past|this\s+coming|coming|past|the\s+previous|the\s+following)\s+)?{weekday()}"
        rf"(?:\s+{_POD})?",
    ),
    (
        "deictic",
        r"(?:(?P<pod0>(?:mid|early|late)[\s-]?(?:morning|afternoon|evening|night))\s+|"
        rf"{POS})(?:the\s+day\s+(?P<dbefore>before|after)\s+)?(?P<word>today|yesterday|tomorrow|tonight)"
        rf"(?![a-z])(?!['’]s\s+(?:world|youth|society|generation|children|young|economy|standards))"
        rf"(?:\s+{_POD})?",
    ),
    ("pod", rf"{POS}(?P<rel>this|last|tomorrow|yesterday)\s+{_POD}|(?P<over>overnight)(?![a-z])"),
    ("reference", r"(?P<ref>" + _alt(REFERENCE_WORDS) + r")(?![a-z-])"),
    ("set_word", r"(?P<set>" + _alt(SET_WORDS) + r")(?![a-z])"),
    (
        "set_every",
        rf"(?P<q>every|each|per)\s+(?:(?P<num>other|two|three|four|five|six|\d+)\s+)?"
        rf"(?:(?P<unit>day|week|month|year|quarter|weekend|morning|evening|night|summer|winter|spring|fall)s?(?![a-z])|{weekday()}|{month()})",
    ),
    (
        "weekday_set",
        r"(?-i:(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))(?![a-z])",
    ),
    (
        "season",
        rf"{POS}(?:{_REL}\s+|(?P<the>the)\s+)?{_SEASON}(?:\s+(?:of\s+)?(?:{year()}|{spelled_year()}))?",
    ),
    ("holiday", rf"(?:(?P<rel>last|this|next)\s+)?(?:the\s+)?{_HOLIDAY}(?:,?\s+{year()})?"),
    (
        "clock",
        rf"(?:(?P<approx>about|around|approximately|shortly\s+after|shortly\s+before)\s+)?"
        rf"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*{_AMPM}{_TZ}",
    ),
    (
        "clock24",
        r"(?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?:(?P<tz>GMT|UTC)|hours|hrs|local\s+time)(?![a-z])",
    ),
    (
        "clock_pod",
        r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+"
        r"(?P<pod>morning|afternoon|evening|night)(?![a-z])",
    ),
    (
        "season_set",
        r"(?:the\s+)?(?:past|last|next|coming)\s+(?:two|three|four|five|six|several|few|\d+)\s+"
        r"(?P<season>summers|winters|springs|autumns|falls)(?![a-z])",
    ),
    ("noon", r"(?P<word>noon|midnight|midday)(?![a-z])"),
    (
        "bare_plural",
        r"(?P<skip>(?:for|over|within|in|after|take|takes|took|taken|than)\s+)(?P<unit>years|months|weeks|decades|centuries)(?![a-z])",
    ),
)

COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(r"(?<![\w'’-])(?:" + pat + r")", re.IGNORECASE)) for name, pat in RULES
)
PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}
#: Which rules can match in a window (by the words their matches hold), so that only those are run.
PREFILTER = Prefilter([rx for _, rx in COMPILED])


@dataclass(frozen=True)
class Candidate:
    rule: str
    start: int
    end: int
    groups: dict[str, str | None]

    @property
    def length(self) -> int:
        return self.end - self.start


#: Lower-case fragments at least one of which every rule's match contains. Only the text around
#: them is scanned by the rules, which keeps the stage at a few percent of spaCy's time.
_TRIGGER = re.compile(
    r"(?:1[6-9]|20)\d\d(?!\d)|'\d0s|\d\s*[ap]\.?\s?m\b|\d:\d\d|\d\s*(?:gmt|utc)|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.|\s+\d)|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.|"
    r"year|month|week|day|hour|minute|second|quarter|decade|centur|millenni|fortnight|night|morning|"
    r"afternoon|evening|tomorrow|tonight|\bnow(?:adays)?\b|current|recent|lately|\bpast\b|future|present|formerly|"
    r"\bsoon\b|spring|summer|\bfall\b|autumn|winter|christmas|new\s+year|thanksgiving|easter|halloween|"
    r"daily|weekly|monthly|annually|yearly|hourly|nightly|noon|midnight|midday|\bterm\b|nineteen|"
    r"\ba\s+(?:long\s+)?while\b|\bsome\s+time\b|thousand|(?:twen|thir|for|fif|six|seven|eigh|nine)ties|period|season|semester|\byrs?\b"
)
#: The letters every word alternative of :data:`_TRIGGER` opens with (a word may stand for the longer
#: ones it begins: "dec" for "december" and "decade"); the digit and "a while" alternatives open with
#: a digit, "'" and a digit, or "a" and a space. :func:`_triggers` looks only where one of them starts.
#: Month and weekday names start with their first three letters, taken from the lexicon.
_TRIGGER_STARTS = frozenset(name[:3] for name in (*MONTHS, *WEEKDAYS)) | words(
    "year month week day "
    "hour minute second quarter centur millenni fortnight night morning afternoon evening tomorrow "
    "tonight now current recent lately past future present for soon spring summer fall autumn winter "
    "christmas new thanksgiving easter halloween daily annually noon midnight midday term nine some "
    "thousand twen thir fif six seven eigh period season semester yr"
)


#: Where a match of :data:`_TRIGGER` may start: a superset of its starts, found several times faster.
_TRIGGER_START = re.compile(r"\d|'\d|a\s|" + trie(sorted(_TRIGGER_STARTS)))


def _triggers(lowered: str) -> Iterator[re.Match[str]]:
    """The matches of ``_TRIGGER.finditer(lowered)``: each is the match at the first place from the
    last one's end where :data:`_TRIGGER` matches, and only where :data:`_TRIGGER_START` finds a start
    is it tried (the regex's many alternatives tried at every character cost the most)."""
    pos = 0
    while (start := _TRIGGER_START.search(lowered, pos)) is not None:
        m = _TRIGGER.match(lowered, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        yield m
        pos = m.end()


#: Characters scanned before / after a trigger: room for "more than the past", "the end of", "of 1990".
BEFORE_TRIGGER = 40
AFTER_TRIGGER = 28
#: Windows closer than this are scanned as one: fewer, longer scans cost less than many short ones.
MERGE_GAP = 40
_WORD_END = re.compile(r"\s|$")


def regions(text: str) -> list[tuple[int, int]]:
    """Merged windows around trigger fragments, cut at whitespace so no word is split."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for m in _triggers(lowered):
        start = max(0, m.start() - BEFORE_TRIGGER)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end_m = _WORD_END.search(text, min(len(text), m.end() + AFTER_TRIGGER))
        end = end_m.start() if end_m else len(text)
        if spans and start <= spans[-1][1] + MERGE_GAP:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def scan(text: str) -> list[Candidate]:
    """Every match of every rule (overlapping) around the triggers, trailing whitespace trimmed."""
    found: list[Candidate] = []
    windows = regions(text)
    present = [PREFILTER.present(text, lo, hi) for lo, hi in windows]
    for rule, (name, rx) in enumerate(COMPILED):
        has_skip = "skip" in rx.groupindex
        for (lo, hi), here in zip(windows, present, strict=True):
            if not PREFILTER.may_match(rule, here):
                continue
            for m in rx.finditer(text, lo, hi):
                start = m.end("skip") if has_skip and m.group("skip") else m.start()
                end = m.end()
                while end > start and text[end - 1] in " \t\n,":
                    end -= 1
                if end > start:
                    found.append(Candidate(name, start, end, m.groupdict()))
    return found


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then rule priority; returned in text order."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-c.length, PRIORITY[c.rule], c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)
