"""A person's gender from their first name, as evidence of two strengths.

The lexicon (``given_names.json``) holds each first name that at least a thousand US babies born
since 1930 bore, with its share of girls and the number of babies: US Social Security
Administration counts (public domain), built by ``training/build_given_names.py`` (``make
given-names``). A name given nine times in ten or more to one sex (:data:`STRONG_SHARE`: "Maria",
"Thomas") is the text's own word on the person, weaker only than a title or a courtesy title ("Mr
Jean Dupont" is a man): :func:`name_gender`. A name given three times in four or more to one sex
(:data:`LEAN_SHARE`: "Marty", "Kelly") only leans (:func:`name_lean`): the callers use it where the
text says nothing else, so the pronouns joined to the person, a title or a "Ms" overrule it. A name
given to both sexes alike ("Jordan", "Robin") tells nothing.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from wiresift.nlp.entities.lexicon import fold_accents

LEXICON_PATH = Path(__file__).with_name("given_names.json")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Words that may stand before a first name inside a person's name ("Dr. Ann Lee", "Sen. Tom Berg").
_PREFIX = re.compile(
    r"(?i)^(?:dr|prof|sen|rep|gov|gen|col|capt|sgt|lt|rev|hon|mr|mrs|ms|miss|sir|dame|lady|lord)$"
)


#: The share of one sex from which a first name is the text's own word on the person's gender.
STRONG_SHARE = 0.9
#: The share of one sex from which a first name leans: evidence the rest of the text overrules.
LEAN_SHARE = 0.75


@cache
def all_shares() -> dict[str, float]:
    """Every first name of the lexicon (lower case) -> share of girls among the babies given it."""
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    return {str(k): girls / (girls + boys) for k, (girls, boys) in data["girls_boys"].items()}


@cache
def share_female() -> dict[str, float]:
    """The first names given to one sex at least :data:`STRONG_SHARE` of the time -> share of girls."""
    return {k: v for k, v in all_shares().items() if _one_sided(v, STRONG_SHARE)}


def _one_sided(share: float, least: float) -> bool:
    return max(share, 1 - share) >= least


def name_gender(name: str, least: float = STRONG_SHARE) -> str:
    """ "f", "m" or "" for a full person name ("Maria Lopez" -> "f"): the gender of its first name
    when at least ``least`` of the babies given it were of that sex; "" for a one-word name (a bare
    "Kelly" may be a surname)."""
    words = [w for w in _NAME_WORD.findall(name) if not _PREFIX.match(w)]
    if len(words) < 2:
        return ""
    share = all_shares().get(fold_accents(words[0].lower()))  # "Zoë" is "zoe"
    if share is None or not _one_sided(share, least):
        return ""
    return "f" if share >= 0.5 else "m"


#: A Korean given name in its usual romanisation ("Jong-un", "Jae-in"): the name before it is the
#: family name, which the US counts may hold as a given name ("Kim", "Lee", "Park").
_SURNAME_FIRST = re.compile(r"\b[A-Z][a-z]+-[a-z]+$")


def name_lean(name: str) -> str:
    """ "f", "m" or "" for a full person name whose first name is mostly given to one sex
    (:data:`LEAN_SHARE`: "Marty Kolb" -> "m"), for callers that let the text overrule it; "" for a
    name that puts the family name first ("Kim Jong-un")."""
    if _SURNAME_FIRST.search(name.strip()):
        return name_gender(name)
    return name_gender(name, LEAN_SHARE)
