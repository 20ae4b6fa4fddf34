"""Word lists for the claims stage: qualifiers, units, count types, reporting cues, non-claims."""

from __future__ import annotations

#: Phrases before a number -> normalised qualifier (the vocabulary documented in docs/claims.md).
#: Longest phrases are tried first; "only"/"just"/"exactly" mean an exact count (no qualifier).
QUALIFIERS: dict[str, str | None] = {
    "more than": "more_than", "more then": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "well over": "more_than", "just over": "more_than", "higher than": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than", "below": "less_than",
    "just under": "nearly",
    "at most": "at_most", "no more than": "at_most", "a maximum of": "at_most", "not more than": "at_most",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "or so": "approx", "~": "approx", "close to": "nearly",
    "nearly": "nearly", "almost": "nearly", "just shy of": "nearly", "close on": "nearly",
    "only": None, "just": None, "exactly": None, "a total of": None,
}  # fmt: skip
#: The longest qualifier phrase, in words.
QUALIFIER_MAX_WORDS = max(len(q.split()) for q in QUALIFIERS)
#: Verbs that put a number above or near a level: "the toll topped 2,200", "approaches 9%".
QUALIFIER_VERBS = {
    "top": "more_than", "exceed": "more_than", "surpass": "more_than",
    "approach": "nearly", "near": "nearly",
}  # fmt: skip

#: Unit words after a number -> normalised unit. Currencies use ISO 4217 codes.
UNITS: dict[str, str] = {
    "%": "%", "percent": "%", "per cent": "%", "pct": "%",
    "percentage point": "pp", "percentage points": "pp", "point": "point", "points": "point",
    "km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "mile": "mile", "miles": "mile", "mi": "mile", "light - years": "ly", "light - year": "ly",
    "light years": "ly", "light year": "ly",
    "meter": "m", "meters": "m", "metre": "m", "metres": "m",
    "foot": "ft", "feet": "ft", "ft": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd",
    "square kilometers": "km2", "square kilometres": "km2", "sq km": "km2", "square miles": "mi2",
    "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb",
    "gram": "g", "grams": "g", "gramme": "g", "grammes": "g", "milligram": "mg", "milligrams": "mg",
    "mg": "mg", "microgram": "ug", "micrograms": "ug", "mcg": "ug", "ounce": "oz", "ounces": "oz",
    "oz": "oz", "fl oz": "fl oz", "milliliter": "ml", "milliliters": "ml", "millilitre": "ml",
    "millilitres": "ml", "ml": "ml", "square feet": "ft2", "square foot": "ft2", "sq ft": "ft2",
    "square meters": "m2", "square metres": "m2", "knots": "kn",
    "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "metric tons": "t",
    "barrel": "barrel", "barrels": "barrel", "bpd": "barrel/day", "litre": "l", "litres": "l",
    "liter": "l", "liters": "l", "gallon": "gal", "gallons": "gal", "megawatt": "MW", "megawatts": "MW",
    "mw": "MW", "gigawatt": "GW", "gigawatts": "GW", "gw": "GW", "kilowatt": "kW", "kilowatts": "kW",
    "kw": "kW", "kwh": "kWh", "hp": "hp", "horsepower": "hp", "mph": "mph", "kph": "km/h",
    "mm": "mm", "millimeter": "mm", "millimeters": "mm", "millimetre": "mm", "millimetres": "mm",
    "cm": "cm", "centimeter": "cm", "centimeters": "cm", "centimetre": "cm", "centimetres": "cm",
    "gb": "GB", "gigabyte": "GB", "gigabytes": "GB", "tb": "TB", "terabyte": "TB", "terabytes": "TB",
    "mb": "MB", "megabyte": "MB", "megabytes": "MB",
    "micron": "um", "microns": "um", "micrometre": "um", "micrometres": "um", "micrometer": "um",
    "micrometers": "um", "degrees": "deg", "degrees fahrenheit": "degF", "degrees celsius": "degC",
    "db": "dB", "dba": "dB", "decibel": "dB", "decibels": "dB", "cubic feet": "ft3", "cubic foot": "ft3",
    "cu ft": "ft3", "cu. ft.": "ft3", "cu. ft": "ft3", "cu.ft": "ft3", "cu.ft.": "ft3",
    "cubic meters": "m3", "cubic metres": "m3", "ps": "PS", "nm": "Nm", "ghz": "GHz", "mhz": "MHz",
    "magnitude": "M", "basis points": "bp", "basis point": "bp", "mah": "mAh", "teraflop": "TFLOPS", "teraflops": "TFLOPS", "tflops": "TFLOPS", "fps": "fps", "ppi": "ppi", "tsp": "tsp", "tbsp": "tbsp", "teaspoon": "tsp",
    "teaspoons": "tsp", "tablespoon": "tbsp", "tablespoons": "tbsp", "cup": "cup", "cups": "cup",
    "dollar": "USD", "dollars": "USD", "u.s. dollars": "USD", "us dollars": "USD", "dlrs": "USD", "euro": "EUR", "euros": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "sterling": "GBP",
    "shilling": "KES", "shillings": "KES", "francs": "CHF", "marks": "DEM", "pesos": "MXN",
    "cent": "cent", "cents": "cent",
    "lira": "TRY", "hryvnia": "UAH", "won": "KRW", "₩": "KRW", "€": "EUR", "£": "GBP", "¥": "JPY", "rials": "IRR", "riyals": "SAR", "afghanis": "AFN",
}  # fmt: skip
#: Units whose word comes before the number ("dlrs 2 million", "US$ 5").
PREFIX_UNITS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dlrs": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "a$": "AUD", "c$": "CAD",
    "hk$": "HKD", "₽": "RUB", "₩": "KRW", "krw": "KRW", "chf": "CHF", "r$": "BRL",
}  # fmt: skip
#: A currency name before "dollars"/"shillings"... fixes the ISO code ("Kenyan shillings").
CURRENCY_ADJECTIVES: dict[tuple[str, str], str] = {
    ("kenyan", "KES"): "KES", ("ugandan", "KES"): "UGX", ("tanzanian", "KES"): "TZS",
    ("canadian", "USD"): "CAD", ("australian", "USD"): "AUD", ("hong", "USD"): "HKD",
    ("swiss", "CHF"): "CHF", ("french", "CHF"): "FRF", ("german", "DEM"): "DEM",
    ("pakistani", "INR"): "PKR", ("indian", "INR"): "INR", ("russian", "RUB"): "RUB",
    ("mexican", "MXN"): "MXN", ("philippine", "MXN"): "PHP", ("turkish", "TRY"): "TRY",
}  # fmt: skip
#: Hyphenated "N-word" adjectives that are still counts: "a 62-member team", "the 16-nation bloc".
COUNT_COMPOUNDS = frozenset(
    {"member", "nation", "country", "strong", "man", "person", "vehicle", "car", "truck"}
)
#: Singular nouns that still name a group counted by a number before them ("20 staff", "300 police").
COLLECTIVE_NOUNS = frozenset({
    "staff", "police", "personnel", "crew", "cattle", "livestock", "clergy", "youth", "aircraft",
    "sheep", "fish", "deer", "head", "member", "militia", "infantry", "artillery", "family",
    "population", "workforce", "audience", "electorate", "membership", "force", "army", "crowd",
    "fleet", "readership", "viewership", "following", "congregation", "contingent", "delegation",
    "team", "squad", "community", "diaspora", "enrollment", "enrolment", "headcount", "capacity",
    "turnout", "attendance", "strong", "base", "people", "folk", "faculty", "labor", "labour",
    "equipment", "luggage", "baggage", "machinery", "furniture", "ammunition", "clothing", "weaponry",
    "gear", "poultry", "wildlife", "software", "hardware", "inventory", "stock", "debris",
})  # fmt: skip

#: Reporting verbs (lemmas) whose subject claims the numbers of the clause they govern.
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "report", "announce", "estimate", "claim", "state", "note", "warn",
    "reveal", "explain", "predict", "confirm", "insist", "declare", "allege", "acknowledge",
    "admit", "assert", "argue", "believe", "calculate", "count", "disclose", "find", "forecast",
    "indicate", "mention", "put", "quote", "recall", "record", "show", "suggest", "testify",
    "vow", "write", "project", "tally", "maintain", "contend", "expect", "cite",
})  # fmt: skip
#: Reporting verbs that need a document-like subject ("the poll shows", "the study found").
DOCUMENT_VERBS = frozenset({"show", "find", "suggest", "indicate", "put", "record"})
DOCUMENT_NOUNS = frozenset({
    "poll", "survey", "study", "data", "figures", "statistics", "records", "average", "averages",
    "report", "estimate", "estimates", "census", "analysis", "count", "tally", "observer", "review",
    "research", "audit", "assessment", "forecast", "projection", "projections", "tracker",
})  # fmt: skip

#: Lemmas near the number -> GDELT-style count type (GKG COUNTS vocabulary, plus TROOPS/DISPLACED).
COUNT_TYPES: dict[str, str] = {
    "kill": "KILL", "dead": "KILL", "die": "KILL", "death": "KILL", "life": "KILL", "toll": "KILL",
    "murder": "KILL", "perish": "KILL", "drown": "KILL", "fatality": "KILL", "body": "KILL",
    "wound": "WOUND", "injure": "WOUND", "injured": "WOUND", "hurt": "WOUND", "injury": "WOUND",
    "hospitalize": "WOUND", "hospitalized": "WOUND",
    "arrest": "ARREST", "detain": "ARREST", "custody": "ARREST", "jail": "ARREST", "detention": "ARREST",
    "round": "ARREST", "imprison": "ARREST", "prisoner": "ARREST",
    "kidnap": "KIDNAP", "abduct": "KIDNAP", "hostage": "KIDNAP", "abduction": "KIDNAP",
    "displace": "DISPLACED", "refugee": "DISPLACED", "flee": "DISPLACED", "evacuate": "DISPLACED",
    "homeless": "DISPLACED", "displaced": "DISPLACED", "evacuee": "DISPLACED",
    "troop": "TROOPS", "soldier": "TROOPS", "militant": "TROOPS", "fighter": "TROOPS",
    "army": "TROOPS", "police": "TROOPS", "personnel": "TROOPS", "battalion": "TROOPS",
    "protester": "PROTEST", "demonstrator": "PROTEST", "rally": "PROTEST", "march": "PROTEST",
    "protest": "PROTEST", "demonstration": "PROTEST",
    "missing": "MISSING", "seize": "SEIZE", "confiscate": "SEIZE",
}  # fmt: skip

#: Capitalised words before a number that make it an identifier, not a count ("Flight 103").
IDENTIFIER_WORDS = frozenset({
    "flight", "boeing", "airbus", "section", "article", "chapter", "page", "paragraph", "room",
    "route", "highway", "interstate", "resolution", "no", "no.", "number", "apartment", "suite",
    "gate", "platform", "line", "bus", "unit", "building", "block", "channel", "version", "model",
    "level", "grade", "class", "phase", "stage", "round", "game", "week", "pier", "lot", "track",
    "mig", "su", "tu", "il", "box",
})  # fmt: skip
#: Nouns a number right after them labels, in any case ("type 2 diabetes", "a phase 3 trial", "on day
#: 1"): the number is a name when the parse ties it to the noun (``claims.shapes``).
DESIGNATORS = frozenset({
    "type", "group", "phase", "stage", "level", "grade", "class", "category", "tier", "number",
    "section", "article", "chapter", "page", "paragraph", "room", "version", "model", "day", "week",
    "season", "episode", "step", "part", "zone", "gate", "terminal", "platform", "route", "exit",
    "channel", "round", "game", "year", "lane", "bay", "ward", "precinct", "district",
})  # fmt: skip
#: Street-type words after "<number> <Name>" (an address, not a count).
STREET_WORDS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "drive", "boulevard", "lane", "way"})
#: Definite and possessive words: "the three countries" names a set the text already counted.
ANAPHORIC_DETERMINERS = frozenset({
    "the", "these", "those", "this", "that", "its", "his", "her", "their", "our", "my", "your", "all",
    "both", "each", "every",
})  # fmt: skip

#: Emergency and service numbers: "called 911" is a phone number, not a count.
EMERGENCY_NUMBERS = frozenset({"911", "999", "112", "000", "111", "311", "211"})
#: Nouns an emergency number names rather than counts ("911 calls", "999 operators").
PHONE_NOUNS = frozenset({
    "call", "caller", "dispatcher", "operator", "center", "centre", "line", "system", "service",
    "emergency", "hotline", "number",
})  # fmt: skip
#: Country codes (top-level domains of outlets, ISO codes of places) whose "$" means their own dollar.
DOLLAR_BY_TLD: dict[str, str] = {
    "ca": "CAD", "au": "AUD", "nz": "NZD", "hk": "HKD", "sg": "SGD", "tw": "TWD", "jm": "JMD",
}  # fmt: skip
#: Verbs whose subject is what an amount or a share measures when the number names no noun:
#: "inflation fell to 3.4 %", "the contract is valued at $3.7 billion", "shares closed at $185".
CHANGE_VERBS = frozenset({
    "be", "fall", "rise", "drop", "climb", "jump", "slip", "decline", "increase", "decrease", "grow",
    "shrink", "close", "end", "open", "trade", "stand", "reach", "hit", "value", "cost", "total",
    "gain", "lose", "soar", "plunge", "tumble", "surge", "edge", "dip", "sink", "remain", "fetch",
    "amount", "average", "top", "exceed", "add", "shed", "stay", "hover", "sit", "settle", "peak",
    "rebound", "slide", "spike", "advance", "retreat", "rally", "slump", "ease", "widen", "narrow",
    "swell", "balloon", "dwindle", "contract", "improve", "worsen", "range", "run", "plummet",
    "skyrocket", "fluctuate", "start", "begin",
})  # fmt: skip
#: Verbs whose object is what the amount or share changes ("expand the fleet by 30 %").
OBJECT_CHANGE_VERBS = frozenset({
    "expand", "cut", "raise", "reduce", "increase", "lower", "boost", "trim", "hold", "keep", "leave",
    "push", "drive", "revise", "lift", "slash", "halve", "double", "triple", "hike",
})  # fmt: skip
#: Verbs of paying whose "on"/"for" object, or indirect object, is what money pays for.
PAY_VERBS = frozenset({
    "spend", "pay", "charge", "invest", "give", "offer", "bid", "allocate", "earmark", "provide",
    "award", "grant", "donate", "pledge", "commit", "budget", "pour", "approve", "set", "contribute",
})  # fmt: skip
#: Verbs of yielding money: their "from" object, else their subject when it is no agent, is what
#: the amount measures ("raise $2bn from a listing", "the deal could raise $2bn").
EARN_VERBS = frozenset({"raise", "earn", "generate", "bring", "net", "make", "collect", "receive", "fetch"})
#: Verbs of trade whose object is what a price "for"/"at" pays for ("sold the mill for $2 million").
TRADE_VERBS = frozenset({
    "buy", "sell", "purchase", "acquire", "rent", "lease", "auction", "price", "list", "retail",
    "trade", "offer", "order", "book",
})  # fmt: skip
#: Adjectives of size a measure is the degree of ("14 feet long", "a 1,400-mile-wide moon").
DIMENSIONS = frozenset({"wide", "long", "tall", "high", "deep", "thick", "across", "heavy", "large", "big"})
#: Adverbs of change: a share hanging on them measures what the clause counts ("sold 40,000
#: cars, up 8 %" -> cars).
CHANGE_ADVERBS = frozenset({"up", "down", "higher", "lower"})
