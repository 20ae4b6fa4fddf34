"""Name keys and the shorter forms a name goes by, and definite descriptions ("the Russian General").

Used by the ``entities`` stage to merge mentions: a matching key without "the" or a possessive, the
surname forms and acronyms a later mention may use, and the nominal phrases that may join an entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiresift.nlp.entities.lexicon import NOMINAL_SYNONYMS, ORG_NOMINAL_HEADS, TITLED_NOMINAL_HEADS
from wiresift.nlp.entities.persons import fold_name

#: Parenthesised acronyms right after a name: "(CSTO)", "(NATO)", "(ISIS-K)".
ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)")
#: Endings of nationality adjectives ("Russian", "Chinese", "Turkish"): a differing one rules a match out.
NATIONALITY_ENDINGS = ("ian", "ese", "ish", "ean", "an", "i")
LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: A courtesy title right before a name: "Mr Smith", "Dr. Amal Haddad" (kept as an alias).
HONORIFIC = re.compile(r"\b(?P<h>Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)(?P<dot>\.?)\s+$")

#: "President of Kazakhstan Kassym-Zhomart Tokayev": a role word, an optional "of X", 2-3 names.
TITLED_NAME = re.compile(
    r"\b(?P<role>[A-Z][a-z]+)\s+(?:of\s+(?:the\s+)?[A-Z][\w-]+\s+)?"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b"
)
_NOMINAL = re.compile(r"\b(?:the|The)\s+(?P<words>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})")
_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}\b")
WORD_RE = re.compile(r"[A-Za-z][\w-]*")


@dataclass(frozen=True)
class Nominal:
    """A definite description: "the Russian General", "the head of the CSTO Joint Staff"."""

    start: int
    end: int
    phrase: str  # without "the"
    mods: str  # the words between "the" and the head
    head: str  # lower-cased, spelling-normalised head noun
    has_of: bool


def nominals(text: str) -> list[Nominal]:
    """Definite descriptions headed by a person or organisation noun."""
    out = []
    for m in _NOMINAL.finditer(text):
        for w in WORD_RE.finditer(text, m.start("words"), m.end("words")):
            low = w.group().lower()
            head = NOMINAL_SYNONYMS.get(low, low)
            if head in TITLED_NOMINAL_HEADS or head in ORG_NOMINAL_HEADS:
                of = _OF_PHRASE.match(text, w.end())
                end = of.end() if of else w.end()
                mods = text[m.start("words") : w.start()]
                out.append(Nominal(m.start(), end, text[m.start("words") : end], mods, head, of is not None))
                break
    return out


def name_key(name: str) -> str:
    """The matching key of a name: no "the", no possessive, lower case, one apostrophe, no accents."""
    return fold_name(_POSSESSIVE.sub("", LEADING_THE.sub("", name.strip())).lower())


#: Generational suffixes: not a surname ("Patrick W. Carlineo Jr." is Mr Carlineo).
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "snr", "snr.", "jnr", "jnr.", "ii", "iii", "iv"})


def name_parts(name: str) -> list[str]:
    """The words of a person's name without a trailing generational suffix or comma."""
    parts = [p.rstrip(",") for p in name.split()]
    while len(parts) > 1 and parts[-1].lower() in _SUFFIXES:
        parts.pop()
    return [p for p in parts if p]


def short_key(name: str) -> tuple[str, str] | None:
    """(first and last name with any generational suffix, the middle words) of a full name: "Donald
    J. Trump" -> ("donald trump", "j."); "Ann Lee Jr." -> ("ann lee jr.", ""). None for one word."""
    raw = [p.rstrip(",") for p in name.split() if p.rstrip(",")]
    suffix: list[str] = []
    while len(raw) > 1 and raw[-1].lower() in _SUFFIXES:
        suffix.insert(0, raw.pop().lower())
    if len(raw) < 2:
        return None
    first_last = fold_name(" ".join([raw[0], raw[-1], *suffix]).lower())
    return first_last, fold_name(" ".join(raw[1:-1]).lower())


def name_suffix(name: str) -> str:
    """The generational suffix ending ``name``, lower case without its dot ("Ann Lee Jr." -> "jr"), or ""."""
    raw = [p.rstrip(",") for p in name.split() if p.rstrip(",")]
    return raw[-1].lower().rstrip(".") if len(raw) > 1 and raw[-1].lower() in _SUFFIXES else ""


def surname_forms(name: str) -> list[str]:
    """The shorter forms a later mention may use for ``name``: its last word and each longer run of
    words that ends the name and opens on a capitalised word that is not an initial ("Ek", "Eriksson
    Ek" for "Joel Eriksson Ek"; "Carlineo" for "Patrick W. Carlineo Jr."), and each of them with the
    name's generational suffix ("Carlineo jr": the son, where the father shares "Carlineo")."""
    parts = name_parts(name)
    forms = []
    for k in range(1, len(parts)):
        tail = parts[len(parts) - k :]
        if k > 1 and (len(tail[0].rstrip(".")) < 2 or not tail[0][0].isupper()):
            continue
        forms.append(" ".join(tail))
    suffix = name_suffix(name)
    return forms + [f"{form} {suffix}" for form in forms] if suffix else forms


#: Legal-form words a company's acronym leaves out: "Pacific Gas & Electric Co." is "PG&E".
_LEGAL_FORMS = frozenset({"co", "inc", "corp", "llc", "ltd", "plc", "gmbh", "ag", "sa"})


def initials_forms(name: str) -> set[str]:
    """The acronyms a multi-word organisation name may go by: the initials of its capitalised words
    ("Bree Transit Authority" -> "BTA"), with its "of"s ("Office of Fair Trade" -> "OOFT" and "OFT"),
    without a trailing legal form ("Pacific Gas & Electric Co." -> "PGE"), and with an ampersand kept
    where the name has one ("PG&E"). A form shorter than three letters needs the whole name."""
    words = [w for w in re.split(r"[\s-]+", LEADING_THE.sub("", name)) if w]
    forms = set()
    for trim in (False, True):
        kept = list(words)
        if trim:
            while kept and kept[-1].lower().rstrip(".,") in _LEGAL_FORMS:
                kept.pop()
        for keep in ({"&"}, {"&", "of"}, set()):
            form = "".join(
                w[0] if w[0].isupper() else w[0].upper() for w in kept if w[0].isupper() or w in keep
            )
            if len(form.replace("&", "")) >= (3 if trim or keep - {"&"} else 2):
                forms.add(form)
    return forms
