"""CAMEO actor codes from the PETRARCH2 dictionaries: a phrase's code, a code's country and sector,
an office holder's code on a date, an IGO by its name's form, a phrase's sector by its agent noun."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.eventive import PEOPLE_NOUNS
from wiresift.nlp.events.lexicon import EVENT_NOUNS, actors
from wiresift.nlp.time.calendar import holiday

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Codes that are organisations, not countries: the gold and GDELT call them by this prefix.
ORG_PREFIXES = ("IGO", "NGO", "MNC")
#: Role suffixes of CAMEO actor codes that name a sector.
SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "CVL", "COP", "REF", "LEG", "ELI", "JUD", "UAF", "MED", "EDU", "LAB",
    "JRN", "BUS", "CRM", "PTY", "SPY", "IMG", "INS", "SEP", "HLH", "AGR", "REL", "ENV", "HRI", "DEV",
})  # fmt: skip


@cache
def country_codes() -> frozenset[str]:
    """The three-letter country codes the actor dictionary uses on their own ("RUS", "SRB")."""
    table = actors()
    codes = {*table.names.values(), *(role[0] for roles in table.people.values() for role in roles)}
    return frozenset(c for c in codes if len(c) == 3 and c.isalpha() and c not in SECTORS)


@lru_cache(maxsize=4096)  # the dictionaries' codes: a few hundred, asked about for every actor
def split_code(raw: str) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (ISO alpha-3 or IGO/NGO/MNC, sector): "RUSGOV" -> ("RUS", "GOV").

    A state's constituent that has its own country code today wins over the state of the time:
    "SCGSRB" (Serbia within Serbia and Montenegro) -> "SRB", as ISO codes it now."""
    if raw.startswith(ORG_PREFIXES):
        return raw[:3], None
    if raw[:3] in SECTORS:
        return None, raw[:3]
    country = raw[:3] if len(raw) >= 3 and raw[:3].isalpha() else None
    if country is not None and raw[3:6] in country_codes():
        country, raw = raw[3:6], raw[3:]
    rest = raw[3:]
    sector = next((rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3] in SECTORS), None)
    return country, sector


def dated_code(roles: list[list[str]], date: str | None) -> str | None:
    """The role valid on ``date`` (YYYY-MM-DD), else the undated default, else the most recent one."""
    day = (date or "").replace("-", "")[:8]
    default = None
    for code, lo, hi in roles:
        if not lo and not hi:
            default = code
            continue
        if day and (not lo or lo <= day) and (not hi or day <= hi):
            return code
    if default:
        return default
    open_ended = [code for code, lo, hi in roles if not hi]
    return open_ended[-1] if open_ended else (roles[-1][0] if roles else None)


#: Common abbreviations of states and unions that the dictionary lacks, as the full names it has.
ABBREVIATIONS = {"uk": "united kingdom", "prc": "people's republic of china", "drc": "democratic republic of congo",
                 "eu": "european union", "ksa": "saudi arabia", "roc": "taiwan"}  # fmt: skip


def lookup(words: list[str], date: str | None, plurals: bool = True) -> str | None:
    """The CAMEO code of the longest dictionary phrase among ``words`` (lower-case), or None; with
    ``plurals`` a plural demonym counts as its adjective ("Algerians" -> "algerian", "Iraqis" -> "iraqi")."""
    return _lookup(tuple(words), date, plurals)


#: Distinct (words, date, plurals) lookups remembered: an article asks about its actors' phrases
#: again and again, and the dictionaries never change while the process runs.
LOOKUP_CACHE = 65_536


@lru_cache(maxsize=LOOKUP_CACHE)
def _lookup(phrase: tuple[str, ...], date: str | None, plurals: bool) -> str | None:
    table = actors()
    words = [w for word in phrase for w in ABBREVIATIONS.get(word, word).split()]
    n = len(words)
    for size in range(min(n, table.longest), 0, -1):
        for i in range(n - size + 1):
            key = " ".join(words[i : i + size])
            if key in table.names:
                return table.names[key]
            if "'" in key:  # "democratic people 's republic of korea": the name as the dictionary spells
                # it, with the clitic joined or without its apostrophe ("democratic peoples republic")
                for spelt in (key.replace(" 's", "'s"), key.replace(" 's", "s").replace("'", "")):
                    if spelt in table.names:
                        return table.names[spelt]
            if key in table.people:
                return dated_code(table.people[key], date)
    for word in words if plurals else ():
        if len(word) > 4 and word.endswith(("ans", "is")) and word[:-1] in table.names:
            return table.names[word[:-1]]
    return None


#: Head words of organisations between states, after a regional or "international" adjective:
#: "European Community", "International Labor Office" -> IGO.
IGO_REGIONS = frozenset({"international", "european", "african", "arab", "asian", "world", "united",
                         "inter-american", "pan-african", "islamic", "atlantic", "pacific", "nordic"})  # fmt: skip
IGO_HEADS = frozenset({"community", "union", "organization", "organisation", "office", "council", "commission",
                       "bank", "fund", "league", "court", "agency", "programme", "program", "conference",
                       "nations", "tribunal"})  # fmt: skip


def igo_name(words: list[str]) -> bool:
    """An organisation's name that is an IGO's by its form: a regional adjective first, an
    institution's head noun last ("European Community", "International Labour Office")."""
    return len(words) >= 2 and words[0] in IGO_REGIONS and words[-1] in IGO_HEADS


#: Plural agent nouns the dictionary lists only in another form.
AGENT_EXTRA = {"troop": "MIL", "troops": "MIL", "force": "MIL", "forces": "MIL", "militant": "REB",
               "insurgent": "REB", "terrorist": "REB", "jihadist": "REB", "gunman": "REB"}  # fmt: skip


def agent_sector(toks: list[Token], titles: list[str]) -> str | None:
    """The sector of the head noun (or of a title word) from the agents dictionary."""
    table = actors().agents
    if toks:  # the words' lemmas and forms read from the document's arrays
        cache = doccache.of(toks[0].doc)
        lemmas, lowers = cache.lemmas, cache.lowers
        words = [lemmas[t.i] for t in reversed(toks)] + [lowers[t.i] for t in reversed(toks)]
    else:
        words = []
    for title in titles:
        words.extend(w.lower() for w in reversed(title.split()))
    for word in words:
        if word in AGENT_EXTRA:
            return AGENT_EXTRA[word]
        if word in table:
            return split_code(table[word])[1] or table[word][:3]
    return None


#: Dependencies of the words that name an actor with its head ("police chief", "Hamas fighters",
#: "Israel's army"); an adjective ("criminal charges") or a place phrase ("an event in Iraq") does not.
_OWN_DEPS = frozenset({"compound", "flat", "poss", "nmod"})
#: Entity types that name someone who can act.
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Nouns of things spoken of, shown or decided: never who acts or is acted on.
THING_NOUNS = frozenset({"case", "matter", "incident", "event", "video", "footage", "photo", "image",
                         "statement", "letter", "document", "decision", "ruling", "law", "bill", "action",
                         "situation", "crisis", "policy", "proposal", "idea", "story", "article", "topic",
                         "allegation", "claim", "remark", "tweet", "speech", "interview", "report",
                         "move", "plan", "charge", "comment", "issue", "question", "conflict"})  # fmt: skip


def thing_head(tok: Token) -> bool:
    """``tok`` heads a common noun phrase that names a thing or an act, not someone who acts, though the
    sector or country of its mention may come from an adjective or a phrase around it ("declined to
    discuss the fraud case", "a lone event in eastern Syria alarms"): a noun of
    :data:`THING_NOUNS` ("the report", "the move") or an event noun, bearing no
    name, possessor or nationality ("an Israeli raid" is Israel's; "the mayor's home" the mayor's)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.ent_type_ in _AGENT_ENTS or lemma in PEOPLE_NOUNS:
        return False
    if not (lemma in THING_NOUNS or lemma in EVENT_NOUNS):
        return False
    if any(c.dep_ in _OWN_DEPS or (c.dep_ == "amod" and c.ent_type_ in _AGENT_ENTS) for c in tok.children):
        return False
    return agent_sector([tok], []) is None and lemma not in actors().agents


#: Names of feasts and festivals: a day, never an actor or a place ("an Easter attack", "arrests
#: before Diwali"); the fixed and movable holidays of :func:`wiresift.nlp.time.calendar.holiday` too.
HOLIDAY_WORDS = frozenset({"christmas", "easter", "hanukkah", "chanukah", "hanukah", "diwali", "deepavali",
                           "ramadan", "eid", "passover", "pesach", "thanksgiving", "halloween", "kwanzaa",
                           "purim", "nowruz", "norooz", "holi", "vesak", "sukkot", "shavuot", "kippur",
                           "hashanah", "navratri", "pongal", "ashura", "mawlid", "pentecost", "hogmanay",
                           "songkran"})  # fmt: skip


@lru_cache(maxsize=LOOKUP_CACHE)  # a phrase head's words: the same few recur through an article
def holiday_name(text: str) -> bool:
    """``text`` names a holiday ("Hanukkah", "Christmas Eve", "New Year's Day")."""
    words = text.lower().replace("’s", "").replace("'s", "").split()
    return bool(words) and (
        any(w in HOLIDAY_WORDS for w in words) or holiday(" ".join(words), 2000) is not None
    )


def holiday_head(tok: Token) -> bool:
    """The noun ``tok``, with the names compounded on it, names a holiday: "Hanukkah", "Christmas Eve"."""
    words = [c.text for c in tok.children if c.dep_ in {"compound", "flat"} and c.i < tok.i]
    return tok.pos_ in {"PROPN", "NOUN"} and holiday_name(" ".join([*words, tok.text]))
