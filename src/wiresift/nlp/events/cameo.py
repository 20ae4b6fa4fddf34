"""CAMEO codes -> PLOVER category, quad class and mode, and the Goldstein scale.

The PLOVER side follows the PLOVER manual's CAMEO correspondence (draft 0.8, 2021) at the level the
coder produces: the two-digit root decides the category, a few sub-codes move to another category
(imposing sanctions is COERCE, destroying property is ASSAULT), and sub-codes carry PLOVER's mode.
CAMEO 01 (public statements) has no PLOVER category; CAMEO 02 (appeals) is a REQUEST.
"""

from __future__ import annotations

from functools import cache

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST",
    "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)  # fmt: skip

QUAD = {
    "AGREE": "VERBAL_COOPERATION", "CONSULT": "VERBAL_COOPERATION", "SUPPORT": "VERBAL_COOPERATION",
    "CONCEDE": "VERBAL_COOPERATION",
    "COOPERATE": "MATERIAL_COOPERATION", "AID": "MATERIAL_COOPERATION", "RETREAT": "MATERIAL_COOPERATION",
    "ACCUSE": "VERBAL_CONFLICT", "REQUEST": "VERBAL_CONFLICT", "REJECT": "VERBAL_CONFLICT",
    "THREATEN": "VERBAL_CONFLICT",
    "PROTEST": "MATERIAL_CONFLICT", "MOBILIZE": "MATERIAL_CONFLICT", "SANCTION": "MATERIAL_CONFLICT",
    "COERCE": "MATERIAL_CONFLICT", "ASSAULT": "MATERIAL_CONFLICT",
}  # fmt: skip

#: Two-digit CAMEO root -> PLOVER category (08 splits at 084: returns and releases are RETREAT).
ROOTS = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip

#: Sub-codes whose category differs from their root's, or that carry a PLOVER mode. Easing a curfew or a
#: state of emergency (0813, 0814) stays under its parent 081, easing administrative sanctions: a
#: CONCEDE, as the CAMEO hierarchy and the PLOVER gold records have it (the 2021 table's draft moved
#: them to RETREAT). Imposing sanctions or an embargo (163) is a SANCTION, as PLOVER's category definition
#: and the gold records have it (the 2021 table's draft files it under COERCE).
CODES: dict[str, tuple[str, str | None]] = {
    "041": ("CONSULT", "phone"), "042": ("CONSULT", "visit"), "043": ("CONSULT", "visit"),
    "044": ("CONSULT", "third-party"),
    "084": ("RETREAT", None), "0841": ("RETREAT", "release"), "0842": ("RETREAT", "return"),
    "085": ("RETREAT", "ease"), "086": ("RETREAT", "access"), "087": ("RETREAT", "disarm"),
    "0871": ("RETREAT", "ceasefire"), "0872": ("RETREAT", "withdraw"), "0873": ("RETREAT", "disarm"),
    "0874": ("RETREAT", "disarm"),
    "090": ("ACCUSE", "investigate"), "091": ("ACCUSE", "investigate"), "092": ("ACCUSE", "investigate"),
    "093": ("ACCUSE", "investigate"), "094": ("ACCUSE", "investigate"),
    "110": ("ACCUSE", "disapprove"), "111": ("ACCUSE", "disapprove"), "112": ("ACCUSE", "disapprove"),
    "1121": ("ACCUSE", "allege"), "1122": ("ACCUSE", "allege"), "1123": ("ACCUSE", "allege"),
    "1124": ("ACCUSE", "allege"), "1125": ("ACCUSE", "allege"), "113": ("ACCUSE", "disapprove"),
    "114": ("ACCUSE", "allege"), "115": ("ACCUSE", "allege"), "116": ("ACCUSE", "disapprove"),
    "141": ("PROTEST", "demo"), "142": ("PROTEST", "hunger"), "143": ("PROTEST", "boycott"),
    "144": ("PROTEST", "obstruct"), "145": ("PROTEST", "riot"),
    "151": ("MOBILIZE", "police"), "152": ("MOBILIZE", "troops"), "153": ("MOBILIZE", "police"),
    "154": ("MOBILIZE", "troops"),
    "161": ("SANCTION", "withdraw"), "162": ("SANCTION", "discontinue"), "163": ("SANCTION", None),
    "164": ("SANCTION", "withdraw"), "165": ("SANCTION", "withdraw"), "166": ("SANCTION", "expel"),
    "171": ("COERCE", "seize"), "1711": ("COERCE", "seize"), "1712": ("ASSAULT", "seize"),
    "172": ("COERCE", "restrict"), "1722": ("COERCE", "ban"), "1723": ("COERCE", "curfew"),
    "1724": ("COERCE", "martial-law"), "173": ("COERCE", "arrest"), "174": ("COERCE", "deport"),
    "175": ("ASSAULT", None),
    "181": ("ASSAULT", "abduct"), "182": ("ASSAULT", "beat"), "1821": ("ASSAULT", "sexual"),
    "1822": ("ASSAULT", "torture"), "183": ("ASSAULT", "suicide-attack"),
    "1831": ("ASSAULT", "suicide-attack"), "1832": ("ASSAULT", "explosives"),
    "1833": ("ASSAULT", "explosives"), "184": ("ASSAULT", "abduct"), "185": ("ASSAULT", "assassinate"),
    "186": ("ASSAULT", "assassinate"),
    "191": ("COERCE", "restrict"), "192": ("COERCE", "seize"), "193": ("ASSAULT", "firearms"),
    "194": ("ASSAULT", "heavy-weapons"), "195": ("ASSAULT", "aerial"), "196": ("ASSAULT", None),
    "201": ("ASSAULT", "cleansing"), "202": ("ASSAULT", "massacre"), "203": ("ASSAULT", "cleansing"),
    "204": ("ASSAULT", "cbrn"), "2041": ("ASSAULT", "cbrn"), "2042": ("ASSAULT", "cbrn"),
}  # fmt: skip


@cache  # asked tens of thousands of times an article run, of a few hundred codes
def plover(code: str | None) -> tuple[str | None, str | None]:
    """(PLOVER category, mode) of a CAMEO code; (None, None) for statements and unknown codes."""
    if not code:
        return None, None
    for length in (4, 3):
        if len(code) >= length and code[:length] in CODES:
            return CODES[code[:length]]
    if code[:2] == "08" and len(code) >= 3 and code[2] >= "4":
        return "RETREAT", None
    return ROOTS.get(code[:2]), None


#: Goldstein (1992) conflict-cooperation weights of the CAMEO event codes (-10 most hostile, +10 most
#: cooperative), checked value by value against GDELT's lookup table ``CAMEO.goldsteinscale.txt``
#: (gdeltproject.org/data/lookups/, the table GDELT's GoldsteinScale column is filled from; the
#: PETRARCH2 material has no such table). A four-digit code takes its three-digit parent's weight
#: unless :data:`GOLDSTEIN_4` lists its own.
GOLDSTEIN: dict[str, float] = {
    "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0.0, "015": 0.0, "016": -2.0, "017": 0.0,
    "018": 3.4, "019": 3.4,
    "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0, "027": 4.0,
    "028": 4.0,
    "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7.0, "035": 7.0, "036": 4.0, "037": 5.0,
    "038": 7.0, "039": 5.0,
    "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0, "057": 8.0,
    "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "084": 7.0, "085": 7.0, "086": 9.0, "087": 9.0,
    "090": -2.0, "091": -2.0, "092": -2.0, "093": -2.0, "094": -2.0,
    "100": -5.0, "101": -5.0, "102": -5.0, "103": -5.0, "104": -5.0, "105": -5.0, "106": -5.0,
    "107": -5.0, "108": -5.0,
    "110": -2.0, "111": -2.0, "112": -2.0, "113": -2.0, "114": -2.0, "115": -2.0, "116": -2.0,
    "120": -4.0, "121": -4.0, "122": -4.0, "123": -4.0, "124": -4.0, "125": -5.0, "126": -5.0,
    "127": -5.0, "128": -5.0, "129": -5.0,
    "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8, "136": -7.0,
    "137": -7.0, "138": -7.0, "139": -7.0,
    "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5,
    "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
    "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0, "164": -7.0, "165": -6.5, "166": -7.0,
    "170": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0, "175": -9.0,
    "180": -9.0, "181": -9.0, "182": -9.5, "183": -10.0, "184": -8.0, "185": -8.0, "186": -10.0,
    "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0, "195": -10.0, "196": -9.5,
    "200": -10.0, "201": -9.5, "202": -10.0, "203": -10.0, "204": -10.0,
}  # fmt: skip
#: The four-digit codes whose weight differs from their parent's in the same GDELT table.
GOLDSTEIN_4: dict[str, float] = {"0334": 6.0, "0874": 10.0, "1821": -9.0, "1822": -9.0, "1823": -10.0}


def goldstein(code: str | None) -> float | None:
    """The Goldstein weight of a CAMEO code (its three-digit parent's for four digits)."""
    if not code:
        return None
    if code[:4] in GOLDSTEIN_4:
        return GOLDSTEIN_4[code[:4]]
    return GOLDSTEIN.get(code[:3], GOLDSTEIN.get(code[:2] + "0"))


def quad_class(category: str | None) -> int | None:
    """GDELT's numeric QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict."""
    order = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")
    quad = QUAD.get(category or "")
    return order.index(quad) + 1 if quad else None
