"""A person's gender from their first name, when the name is given almost only to one sex.

The lexicon (``given_names.json``) holds each first name that at least a thousand US babies born
since 1930 bore, nine in ten or more of one sex, with its share of girls: US Social Security
Administration counts (public domain), built by ``training/build_given_names.py`` (``make
given-names``). Names given to both sexes ("Jordan", "Kelly") are not in it and tell nothing.
It is evidence, weaker than a title or a courtesy title ("Mr Jean Dupont" is a man).
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


@cache
def share_female() -> dict[str, float]:
    """Kept first name (lower case) -> share of girls among the babies given it."""
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["share_female"].items()}


def name_gender(name: str) -> str:
    """ "f", "m" or "" for a full person name ("Maria Lopez" -> "f"): the gender of its first name
    when the lexicon knows it; "" for a one-word name (a bare "Kelly" may be a surname)."""
    words = [w for w in _NAME_WORD.findall(name) if not _PREFIX.match(w)]
    if len(words) < 2:
        return ""
    share = share_female().get(fold_accents(words[0].lower()))  # "Zoë" is "zoe"
    if share is None:
        return ""
    return "f" if share >= 0.5 else "m"
