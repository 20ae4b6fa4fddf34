"""The events stage's lexicons: PETRARCH2-derived verb patterns, actors and agents (``data/*.json``,
built by ``training/build_event_lexicons.py``, MIT notice in ``data/NOTICE-PETRARCH2.txt``) and
wiresift's own tables of event nouns, modal cues and security-event words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from wiresift.nlp.events.cameo import plover

DATA = Path(__file__).parent / "data"

#: Event nouns -> CAMEO code: the noun is the trigger ("the takeover of the capital", "talks in
#: Geneva"). A forcible takeover of territory is coded as conventional force (190), not occupation
#: (192), because it is fought for; occupation, siege and blockade keep their CAMEO codes.
EVENT_NOUNS: dict[str, str] = {
    "attack": "190", "offensive": "190", "raid": "190", "incursion": "190", "clash": "190",
    "fighting": "190", "battle": "190", "ambush": "190", "gunfight": "190", "firefight": "190",
    "takeover": "190", "invasion": "190", "onslaught": "190", "assault": "190",
    "airstrike": "195", "bombardment": "194", "shelling": "194",
    "bombing": "183", "massacre": "202", "assassination": "186", "kidnapping": "181",
    "abduction": "181", "hijacking": "181", "killing": "1823",
    "occupation": "192", "siege": "191", "blockade": "191", "curfew": "1723", "arrest": "173",
    "crackdown": "175", "looting": "1712",
    "protest": "141", "demonstration": "141", "rally": "141", "riot": "145", "sit-in": "144",
    "boycott": "143", "sanction": "163", "embargo": "163",
    "exercise": "150", "drill": "150", "manoeuvre": "150", "maneuver": "150", "deployment": "154",
    "build-up": "154", "buildup": "154", "mobilization": "150", "mobilisation": "150",
    "reinforcement": "154",
    "meeting": "040", "talk": "046", "summit": "040", "visit": "042", "negotiation": "046",
    "consultation": "040",
    "ceasefire": "0871", "truce": "0871", "withdrawal": "0872",
    "accusation": "112", "condemnation": "111",
    "ultimatum": "139", "mediation": "045", "patrol": "150",
    # wiresift's own additions from general news usage (not from any evaluation text): strikes and
    # demonstrations (a walkout or stoppage is a strike, 143; a vigil a demonstration, 141; "march"
    # is too often the month or an army's), armed clashes (190), diplomatic reprimands (111),
    # detentions (173) and deportations (174).
    "walkout": "143", "walk-out": "143", "stoppage": "143", "vigil": "141",
    "shootout": "190", "shoot-out": "190", "skirmish": "190",
    "rebuke": "111", "reprimand": "111", "denunciation": "111",
    "detention": "173", "deportation": "174",
}  # fmt: skip
#: Nouns that are events only in the plural or beside a military word ("military exercises", "drills";
#: not "an exercise in patience").
MILITARY_NOUNS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "patrol"})
MILITARY_WORDS = frozenset({
    "military", "naval", "joint", "war", "air", "combat", "tactical", "live-fire", "army", "missile",
    "nuclear", "troop", "force", "forces", "border", "drone", "artillery", "reconnaissance",
})  # fmt: skip
#: "talks" is a negotiation; a single "talk" is a lecture.
PLURAL_ONLY = frozenset({"talk"})
#: Compound or adjective words that turn a noun trigger into an air or artillery attack.
AIR_WORDS = frozenset({"air", "drone", "aerial", "helicopter", "airstrike", "warplane", "bomber", "jet"})
SHELLING_WORDS = frozenset({"artillery", "shell", "shelling", "missile", "rocket", "mortar", "shell-fire"})

#: Security events that are not PLOVER events (no actor acts on another): noun or verb lemma ->
#: ACLED-style category.
DISASTER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("earthquake", "quake", "flood", "flooding", "storm", "hurricane", "cyclone", "typhoon",
         "tornado", "wildfire", "eruption", "landslide", "mudslide", "avalanche", "tsunami", "drought",
         "epidemic", "outbreak", "blizzard", "heatwave"),
        "Natural disaster",
    ),
    **dict.fromkeys(
        ("crash", "collision", "derailment", "collapse", "spill", "leak", "contamination", "accident",
         "blackout", "outage", "derail"),
        "Man-made disaster",
    ),
}  # fmt: skip
#: Crimes (verb or noun lemma): ACLED's "Organized crime" extension; PLOVER codes where one fits.
CRIME_WORDS: dict[str, str | None] = {
    "smuggle": None, "traffic": None, "rob": "171", "robbery": "171", "heist": "171", "steal": "171",
    "burgle": "171", "burglary": "171", "embezzle": None, "bribe": None, "counterfeit": None,
    "extort": "171", "launder": None, "hack": None,
}  # fmt: skip

#: Verbs whose subject undergoes the event: the subject is its target, the source is not named.
UNDERGO = frozenset({"die", "perish", "drown", "starve", "suffer"})

#: Modal auxiliaries and what they make of the event they govern.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should"})
#: Modals of obligation: "Y must return the helicopter", said by X, is X's demand on Y.
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
#: Verbs of saying whose clause, with a modal of obligation, states a demand.
SPEECH_VERBS = frozenset({"say", "insist", "reiterate", "state", "declare", "stress", "argue", "tell",
                          "repeat", "add", "maintain", "emphasize", "emphasise", "announce", "write"})  # fmt: skip
#: Governing verbs (or nouns) that make the event they govern planned, threatened or denied.
PLANNED = frozenset({
    "plan", "intend", "prepare", "schedule", "expect", "aim", "propose", "consider", "set", "seek",
    "want", "hope", "decide", "agree", "pledge", "promise", "vow", "plot",
})  # fmt: skip
THREATENED = frozenset({"threaten", "warn", "threat", "warning", "ultimatum"})
#: Governing verbs (or nouns) of asking: the event they ask for has not happened ("called for a
#: ceasefire", "urged the army to withdraw").
REQUESTED = frozenset({"call", "urge", "demand", "appeal", "ask", "request", "press", "plead", "petition"})
#: Governing verbs whose event did not happen: "failed to retake the town".
FAILED = frozenset({"fail", "abandon", "avert", "foil", "thwart", "prevent"})
#: Subject or object words that deny the event: "no one was killed", "killed nobody".
NOBODY = frozenset({"nobody", "none", "nothing", "no-one"})
#: Commitments: the event they govern is announced for the future ("vowed to fight").
COMMITTED = frozenset({"vow", "swear", "pledge", "promise"})
#: Governing verbs that are no event of their own when they govern one ("plans to hold drills").
FRAME_ONLY = frozenset({"plan", "intend", "prepare", "schedule", "expect", "aim", "decide", "seek", "want",
                        "hope", "vow", "swear", "pledge", "promise", "continue", "begin", "start", "try",
                        "attempt", "resume"})  # fmt: skip
DENIED = frozenset({"deny", "refute", "dismiss"})
#: Adjectives before a noun trigger that make it planned ("the planned drills").
PLANNED_ADJ = frozenset({"planned", "upcoming", "proposed", "scheduled", "forthcoming", "future", "possible"})

#: Verbs too common to code from their block's default alone: they need a pattern ("take control").
PATTERN_ONLY = frozenset(
    {
        "take",
        "make",
        "get",
        "give",
        "go",
        "come",
        "have",
        "put",
        "set",
        "do",
        "hold",
        "keep",
        "see",
        "find",
        "leave",
        "run",
        "turn",
        "bring",
        "call",
        "face",
        "mark",
    }
)


#: wiresift's own verb codes where the dictionary's block default is empty or misleads for PLOVER
#: ("agree" sits in a block coded 050; "refuse" codes only through patterns). Patterns still win.
VERB_CODES: dict[str, str | None] = {
    "agree": "030", "accept": "030", "refuse": "120", "reject": "120", "decline": "120", "deny": "120",
    "veto": "129", "sign": "057", "telephone": "041", "phone": "041", "concentrate": "154",
    "mass": "154", "deploy": "154", "reinforce": "154", "say": None, "announce": None,
    "accord": None, "lead": None, "issue": None, "base": None, "involve": None, "attach": None,
    "train": None, "report": None, "state": None, "add": None, "note": None, "tell": None,
    "meet": "040", "host": "043", "visit": "042", "condemn": "111", "criticize": "111",
    "criticise": "111", "accuse": "112", "blame": "112", "urge": "100", "demand": "100",
    "protest": "141", "demonstrate": "141", "arrest": "173", "detain": "173", "seize": "171",
    "capture": "190", "overrun": "190", "invade": "190",
    # CAMEO's own definitions where the dictionary block misleads: suing is a lawsuit (115), dismissing
    # an appeal or a charge is a rejection.
    "sue": "115", "dismiss": "120",
    # common phrasal verbs the dictionary lacks: giving back is a return (084), turning down a refusal
    "hand over": "084", "hand back": "084", "give back": "084", "turn over": "084", "turn down": "120",
    # refusals the dictionary files as disapproval (110) or lacks: CAMEO's rejection (12)
    "rebuff": "120", "spurn": "120", "rule out": "120", "repudiate": "120", "brush aside": "120",
    "lambast": "111",
    # Common news verbs the dictionary lacks or files where they code nothing (see NEWS_PHRASES for the
    # provenance): reinstating a banned outlet or a licence is easing a restriction (081);
    # intercepting is seizing (171); shuttling between capitals is mediation (045); an indictment is
    # an accusation of a crime (1121), not an arrest.
    "reinstate": "081", "intercept": "171", "shuttle": "045", "indict": "1121",
    # taking back a place by force is capturing it (190, as "capture"); rounding people up is arresting
    # them (173)
    "retake": "190", "recapture": "190", "round up": "173",
}  # fmt: skip
#: wiresift's own verb + object phrases (lemmas) -> CAMEO code, merged into the verb table as one
#: block of its own (a phrase's object is part of the verb, as the dictionary's "wage war"). Written
#: from general English news usage, by category, not from any evaluation text nor the CAMEO
#: manual's examples: the vocabulary of strikes, concessions, diplomatic protests and arms embargoes
#: that PETRARCH2 lacks.
NEWS_PHRASES: dict[str, str] = {
    # PROTEST: strikes (143)
    "down tool": "143",
    # CONCEDE: admitting defeat (080)
    "concede defeat": "080", "admit defeat": "080", "accept defeat": "080",
    # ACCUSE: a diplomatic protest, the envoy called in to be reprimanded (111)
    "summon ambassador": "111", "summon envoy": "111", "summon diplomat": "111",
    "summon charge": "111",
    # CONCEDE: giving back access to a service (081); "restored power" alone is repair, no event
    "restore access": "081", "restore internet": "081", "restore service": "081",
    # SANCTION: cutting arms sales or freezing assets is an embargo or sanction (163)
    "halt sale": "163", "suspend sale": "163", "freeze sale": "163", "freeze asset": "163",
    # ASSAULT: breaking up a crowd by force is repression (175), as the dictionary codes dispersing a
    # protest, not the "circulate" block's statement
    **dict.fromkeys(
        ("disperse protester", "disperse demonstrator", "disperse crowd", "disperse rally",
         "disperse gathering", "disperse marcher"),
        "175",
    ),
    # COOPERATE: CAMEO 064 is "share intelligence or information"; the dictionary's SHARE block reads
    # only evidence
    **dict.fromkeys(("share intelligence", "share information", "share data"), "064"),
    # REJECT: obstructing a text or a proposal put to a vote is refusing it (120), not coercion (the
    # dictionary's EXCLUDE block codes "block" 170 whatever is blocked)
    **{
        f"{verb} {thing}": "120"
        for verb in ("block", "obstruct", "torpedo", "scuttle")
        for thing in ("resolution", "bill", "proposal", "motion", "statement", "nomination", "declaration",
                      "legislation", "amendment", "draft", "appointment", "budget", "reform")
    },
}  # fmt: skip
#: Verbs that relax a measure, and the coercive measures they can relax, with CAMEO's code for
#: relaxing each: easing a curfew (0813), emergency or army rule (0814), sanctions, an
#: embargo or a boycott (085), a blockade or siege (0872), a ban or restrictions (081).
EASING_VERBS = frozenset({
    "lift", "ease", "relax", "loosen", "shorten", "reduce", "end", "cancel", "scrap", "revoke",
    "rescind", "suspend", "remove", "drop", "abolish", "repeal", "curtail", "raise",
})  # fmt: skip
EASED_MEASURES: dict[str, str] = {
    "curfew": "0813", "emergency": "0814", "martial": "0814", "sanction": "085", "embargo": "085",
    "boycott": "085", "blockade": "0872", "siege": "0872", "ban": "081", "restriction": "081",
}  # fmt: skip
#: Support verbs: their object noun names the act they perform ("gave a warm welcome", "announced a
#: suspension of links", "launched an investigation", "put under investigation", "lodged a protest").
SUPPORT_VERBS = frozenset({
    "give", "make", "announce", "launch", "conduct", "carry", "hold", "stage", "issue", "put", "order",
    "begin", "start", "complete", "declare", "offer", "extend", "express", "voice", "lodge", "file",
    "deliver", "initiate", "open", "place", "bring",
})  # fmt: skip
#: Object nouns that only say an act was undertaken: their noun modifier says which ("launched a
#: mediation effort", "an aid mission"); the head codes only when the modifier does not.
GENERIC_OBJECTS = frozenset({"effort", "mission", "campaign", "drive", "bid", "initiative", "process",
                             "operation", "move", "programme", "program", "plan"})  # fmt: skip
#: Verbs the dictionary files under their block's generic code where CAMEO has a code of their own:
#: negotiating (046) and mediating (045) are no yielding (080, the "compromise" block); freeing
#: someone is a release (0841), withdrawing forces a retreat (0874), aiding is aid (070). Used only
#: when no pattern matches, so "withdrew its ambassador" keeps its pattern's code (161).
DEFAULT_CODES: dict[str, str] = {
    "negotiate": "046", "mediate": "045", "arbitrate": "045", "intercede": "045",
    "free": "0841", "liberate": "0841", "set free": "0841", "emancipate": "0841",
    "withdraw": "0874", "pull out": "0874", "pull back": "0874", "retreat": "0874", "disengage": "0874",
    "aid": "070", "assist": "070",
    # lending money is economic aid (071), not the "grant" block's cooperation (060); a pattern
    # ("lend support") still wins
    "lend": "071",
    # paying for someone else's project is economic aid (071, CAMEO's "provide economic aid"), not the
    # "finance" block's economic cooperation (061) that buying and investing are
    "fund": "071", "finance": "071", "bankroll": "071", "underwrite": "071",
}  # fmt: skip
#: Adjectives that make the event of their "to" clause an intention: "willing to send", "ready to host".
INTENT_ADJ = frozenset({"willing", "ready", "prepared", "determined", "eager", "set", "poised"})


#: Words the dictionary's synonym sets lack that news English uses for them: "arms" are weapons
#: ("sent arms to", "supplied arms": military aid, CAMEO 072).
SYNSET_ADDITIONS: dict[str, tuple[str, ...]] = {
    "&WEAPON": ("arms",),
    # money given as funding ("provided funding for", "pledged financing"): the synset of money
    "&CURRENCY": ("funding", "financing"),
}
#: Pattern words the dictionary uses interchangeably, each block with its own choice ("upgrade
#: relations", "cut ties"; "expel a diplomat", "recall an ambassador"): a pattern written with one
#: matches the others.
EQUIVALENT_WORDS: tuple[frozenset[str], ...] = (
    frozenset({"relations", "ties"}),
    frozenset({"alert", "readiness"}),
    frozenset({"television", "newspaper", "radio", "internet", "website", "broadcaster"}),
    frozenset({"diplomat", "ambassador", "envoy", "attache", "consul", "charge d'affaires"}),
    # outside experts sent or withdrawn: "withdraw advisor", "cut observer" (1662, CAMEO's inspectors
    # and observers), "send observers"
    frozenset({"inspector", "observer", "advisor", "adviser"}),
)


@dataclass(frozen=True)
class VerbBlock:
    """One CAMEO verb block: its verbs (lemma -> own code) and patterns (longest first), each with
    the verb it was written for under ``by`` when the dictionary names one."""

    name: str
    code: str | None
    verbs: dict[str, str | None]
    patterns: list[dict[str, Any]]
    #: :meth:`sized_patterns_of` per (lemma, own): the choice depends on the lemma only
    _sized: dict[tuple[str, bool], list[tuple[int, dict[str, Any]]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: :meth:`candidate_patterns`' index per (lemma, own): object word -> positions, for each kind of
    #: anchor (see :func:`pattern_anchor`) its word -> positions of the others, and the positions of
    #: those with no anchor
    _by_object: dict[
        tuple[str, bool], tuple[dict[str, list[int]], dict[str, dict[str, list[int]]], list[int]]
    ] = field(default_factory=dict, compare=False, repr=False)
    _phrased: dict[tuple[str, bool], list[tuple[int, dict[str, Any]]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def sized_patterns_of(self, lemma: str, own: bool) -> list[tuple[int, dict[str, Any]]]:
        """:meth:`patterns_of` with each pattern's :func:`pattern_size`, computed once per lemma."""
        key = (lemma, own)
        found = self._sized.get(key)
        if found is None:
            found = self._sized[key] = [(pattern_size(p), p) for p in self.patterns_of(lemma, own)]
        return found

    def candidate_patterns(
        self, lemma: str, own: bool, objects: set[str], anchors: dict[str, Iterable[str]]
    ) -> list[tuple[int, dict[str, Any]]]:
        """:meth:`sized_patterns_of` in their order, less those that cannot match: those with no
        particle whose object is none of ``objects`` (the pattern words a verb's objects match), and
        the others whose anchor (:func:`pattern_anchor`) is not among the verb's ``anchors`` (kind ->
        words). The patterns are indexed once per lemma, so a verb is checked against its few
        candidates."""
        key = (lemma, own)
        index = self._by_object.get(key)
        if index is None:
            by_object: dict[str, list[int]] = {}
            by_anchor: dict[str, dict[str, list[int]]] = {}
            free: list[int] = []  # patterns with no anchor (none in the dictionary)
            for i, (_, pattern) in enumerate(self.sized_patterns_of(lemma, own)):
                if "obj" in pattern and "part" not in pattern:
                    by_object.setdefault(pattern["obj"], []).append(i)
                elif (anchor := pattern_anchor(pattern)) is not None:
                    by_anchor.setdefault(anchor[0], {}).setdefault(anchor[1], []).append(i)
                else:
                    free.append(i)
            index = self._by_object[key] = (by_object, by_anchor, free)
        by_object, by_anchor, free = index
        picked = [i for word in objects for i in by_object.get(word, ())] if by_object else []
        for kind, words in by_anchor.items():
            picked += [i for word in anchors[kind] for i in words.get(word, ())]
        if not picked and not free:
            return []
        sized = self.sized_patterns_of(lemma, own)
        return [sized[i] for i in sorted(free + picked)]

    def sized_phrase_patterns_of(self, lemma: str, own: bool) -> list[tuple[int, dict[str, Any]]]:
        """:meth:`sized_patterns_of` restricted to those whose object is a phrase ("{NO &EVIDENCE}")."""
        key = (lemma, own)
        found = self._phrased.get(key)
        if found is None:
            found = self._phrased[key] = [
                sp for sp in self.sized_patterns_of(lemma, own) if "obj_mods" in sp[1]
            ]
        return found

    def patterns_of(self, lemma: str, own: bool) -> list[dict[str, Any]]:
        """The patterns written for ``lemma`` (``own``), else the block's others that may apply to it:
        those written for the whole block, those of its other verbs that mark a non-event reading
        ("beat ... in election") or stay within ``lemma``'s own PLOVER category or the block's ("indict",
        coded 173 in the "blame" block, takes "charge ... with murder", 1121). "- * (WITH) [130]"
        written for "break" (break with someone: a threat) does not make "beating ... with batons" one;
        "- * &CAR [1712]" written for "destroy" does code "smashing cars" (ASSAULT either way). A
        phrasal verb takes those of the block's phrasal verbs with its particle whatever their category:
        "walk out" and "pull out" of the talks alike. In a block with no code, another verb's pattern that
        reads only the subject is that verb's alone ("tensions surfaced" is an accusation, "tensions
        rose" none), and so is one that reads only a bare preposition ("battle with", not "hit with")."""
        if own:
            return [p for p in self.patterns if p.get("by") == lemma]
        mine = {plover(self.verbs.get(lemma) or self.code)[0], plover(self.code)[0]} - {None}
        particle = _particle(lemma)
        return [
            p
            for p in self.patterns
            if p.get("by") is None
            or (
                p["by"] != lemma
                and set(p) - {"code", "by"} != {"prep"}  # "- * WITH" is "battle"'s valency, not "hit"'s
                and (
                    # a block with no code of its own: another verb's reading of the subject alone is
                    # that verb's ("- TENSIONS * [112]" is "surface"'s)
                    (not mine and bool(set(p) - {"subj", "code", "by"}))
                    or p["code"] is None
                    or plover(p["code"])[0] in mine
                    or (particle is not None and _particle(p["by"]) == particle)
                )
            )
        ]


def _particle(lemma: str) -> str | None:
    """The particle of a phrasal verb ("out" of "walk out"), else None."""
    words = lemma.split()
    return words[1] if len(words) == 2 else None


def pattern_anchor(pattern: dict[str, Any]) -> tuple[str, str] | None:
    """What a verb must have for a pattern with no object (or with a particle) to match it, as (kind,
    word): its particle ("part", "out": a particle, or a preposition, of that word), else its subject
    word ("subj", "&MILITARY"), else its preposition ("prep", "with": on the verb or on its object);
    None for none."""
    for kind in ("part", "subj", "prep"):
        if kind in pattern:
            return kind, pattern[kind]
    return None


def pattern_size(pattern: dict[str, Any]) -> int:
    """How many parts of a parse a pattern checks (subject, object and its modifiers, particle,
    preposition ...)."""
    return len(pattern) - 2 - int("by" in pattern) + len(pattern.get("obj_mods", [None]))


@dataclass
class Verbs:
    """Verb lemma (or "lemma particle") -> the blocks it belongs to, and the synonym sets."""

    by_lemma: dict[str, list[VerbBlock]] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Pattern word or synset name -> the words that match it: a synset's members (and its own name,
    #: which the coder gives a subject it recognises by other means), a word and its singular.
    forms: dict[str, frozenset[str]] = field(default_factory=dict)


def singular(word: str) -> str:
    """A pattern word's singular ("prisoners" -> "prisoner", "militias" -> "militia"): the parse
    gives lemmas, the dictionary sometimes plurals."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _plurals(word: str) -> set[str]:
    if word.endswith("y"):
        return {word, word[:-1] + "ies"}
    if word.endswith("ss"):
        return {word, word + "es"}
    return {word, word + "s"}


def _equivalents(word: str) -> set[str]:
    """A plain pattern word's forms: its singular, and those of the words used interchangeably with it."""
    group = next((g for g in EQUIVALENT_WORDS if word in g), frozenset({word}))
    return {form for member in group for form in (member, singular(member))}


@cache
def verbs() -> Verbs:
    raw = json.loads((DATA / "verbs.json").read_text(encoding="utf-8"))
    out = Verbs()
    for name, words in raw["synsets"].items():
        expanded: set[str] = set()
        for word in [*words, *SYNSET_ADDITIONS.get(name, ())]:
            expanded |= _plurals(word)
        out.synsets[name] = frozenset(expanded)
    for item in raw["blocks"]:
        # Longest patterns first (stable: ties keep the dictionary's order), so the first match in a
        # block is its most specific one.
        patterns = sorted(item["patterns"], key=lambda pat: -pattern_size(pat))
        block = VerbBlock(item["name"], item["code"], item["verbs"], patterns)
        for pattern in patterns:
            for word in [pattern.get(k) for k in ("subj", "obj", "pobj", "pobj2")] + pattern.get(
                "obj_mods", []
            ):
                if word is not None and word not in out.forms:
                    # a plain word with a synonym set of its own name stands for the set: "RECEIVE *
                    # LEADER" receives a president or a prime minister as the "&LEADER" patterns do
                    members = (
                        out.synsets.get(word, frozenset())
                        if word.startswith("&")
                        else _equivalents(word) | out.synsets.get("&" + word.upper(), frozenset())
                    )
                    out.forms[word] = frozenset({word, *members})
        for lemma in block.verbs:
            out.by_lemma.setdefault(lemma, []).append(block)
    own = VerbBlock("wiresift_news_phrases", None, dict(NEWS_PHRASES), [])
    for phrase in NEWS_PHRASES:
        out.by_lemma.setdefault(phrase, []).insert(0, own)
    return out


@dataclass
class Actors:
    names: dict[str, str]
    #: name -> [[code, from YYYYMMDD or "", to YYYYMMDD or ""], ...] (a role without dates is the default)
    people: dict[str, list[list[str]]]
    agents: dict[str, str]
    longest: int


@cache
def actors() -> Actors:
    raw = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))
    people: dict[str, list[list[str]]] = {}
    for names, roles in raw["people"]:
        for name in names:
            people[name] = roles
    agents = json.loads((DATA / "agents.json").read_text(encoding="utf-8"))
    longest = max(len(k.split()) for k in [*raw["names"], *people])
    return Actors(raw["names"], people, agents, min(longest, 8))


#: Verbs whose object did what their "of"/"for" gerund says: "accused Israel of carrying out",
#: "blamed the rebels for shelling", "praised the police for rescuing".
JUDGED_VERBS = frozenset({"accuse", "blame", "suspect", "charge", "convict", "indict", "sentence", "arrest",
                          "detain", "fine", "punish", "praise", "thank", "credit", "criticize", "criticise",
                          "condemn", "sue", "prosecute", "acquit", "reward", "fault"})  # fmt: skip


#: Verbs that always take the one they are done to as object: with a subject of their own, no object
#: and no auxiliary ("Two soldiers killed during an operation", "Man arrested after a chase") they are
#: a headline's or a wire's bare passive, and the subject is the one the act was done to.
DONE_TO_VERBS = frozenset({"kill", "arrest", "detain", "injure", "wound", "abduct", "kidnap", "shoot",
                           "stab", "jail", "imprison", "sentence", "charge", "execute", "behead",
                           "capture", "deport", "expel", "extradite", "rescue", "free", "hospitalize",
                           "hospitalise", "indict", "convict", "hold", "nab", "seize"})  # fmt: skip


#: Verbs whose subject holds off or takes an attack named by their object: it is the one attacked, not
#: the attacker ("the army said it repelled an attack", "troops fended off an assault", "the town
#: withstood the shelling", "the convoy suffered an ambush").
REPEL_VERBS = frozenset({"repel", "repulse", "fend", "withstand", "resist", "suffer", "sustain", "endure",
                         "weather", "rebuff"})  # fmt: skip


#: Event nouns whose possessor undergoes the event: "Assange's arrest", "the hostages' release".
PATIENT_NOUNS = frozenset({
    "arrest", "detention", "release", "capture", "killing", "murder", "execution", "abduction",
    "kidnapping", "extradition", "eviction", "expulsion", "deportation", "trial", "conviction",
    "sentencing", "rescue", "death", "assassination", "imprisonment", "jailing", "removal", "ouster",
})  # fmt: skip


#: Event nouns whose "of" phrase names who does it, never whom it is done to: "a meeting of
#: ministers", "a rally of farmers", "the deployment of troops", "the withdrawal of the rebels".
DOER_NOUNS = frozenset({
    "meeting", "summit", "conference", "session", "gathering", "rally", "protest", "demonstration",
    "march", "strike", "visit", "deployment", "mobilization", "mobilisation", "withdrawal", "retreat",
    "buildup", "build-up", "patrol", "exercise", "drill", "manoeuvre", "maneuver", "sit-in", "boycott",
    "reinforcement", "consultation",
})  # fmt: skip


#: Verbs whose subject owns up to what their "responsibility for" names: "claimed responsibility for
#: the bombing" says the subject did it.
CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "acknowledge"})
