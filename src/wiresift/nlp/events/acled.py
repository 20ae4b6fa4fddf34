"""ACLED-style event categories, in ACLED's sub-event wording, plus five security types of wiresift's
own (Organized crime, Natural disaster, Man-made disaster, Diplomatic event, Attribution of
responsibility). None when the event is neither a conflict nor a security event.

Rules over what the coder already knows: the CAMEO code and PLOVER mode, the actors' sectors, the
trigger's lemma and the words of its sentence (weapons, air power, territory).
"""

from __future__ import annotations

from wiresift.model import EventActor

ARMED = frozenset({"MIL", "REB", "UAF", "COP", "IMG", "INS", "SEP", "SPY"})
STATE = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "ELI", "SPY"})
CIVILIAN = frozenset({"CVL", "REF", "JRN", "EDU", "MED", "HLH", "AGR", "LAB", "BUS", "REL", "OPP", "HRI"})
#: Trigger lemmas that take or retake territory.
TERRITORY = frozenset({"takeover", "capture", "seize", "overrun", "recapture", "retake", "conquer",
                       "take over", "liberate", "occupy", "occupation", "fall"})  # fmt: skip
CLASH = frozenset({"clash", "fighting", "fight", "battle", "gunfight", "firefight", "skirmish", "engage"})
ATTRIBUTION = frozenset({"claim", "blame", "accuse", "deny", "attribute", "responsibility"})
ATTACK_WORDS = frozenset({"attack", "bombing", "blast", "explosion", "killing", "assassination", "strike",
                          "ambush", "massacre", "raid", "shooting", "bomb"})  # fmt: skip
SUICIDE = frozenset({"suicide", "self-immolation"})
EXPLOSIVE = frozenset({"ied", "landmine", "mine", "roadside", "explosive", "car-bomb", "bomb", "blast"})
AIR = frozenset({"airstrike", "air", "drone", "warplane", "jet", "bomber", "helicopter", "aerial"})
SHELLING = frozenset({"shell", "shelling", "artillery", "missile", "rocket", "mortar"})
CHEMICAL = frozenset({"chemical", "sarin", "chlorine", "mustard", "nerve"})
MOB = frozenset({"mob", "lynch", "vigilante"})
INTERVENTION = frozenset({"disperse", "tear", "teargas", "baton", "water"})
BASE = frozenset({"base", "headquarters", "outpost", "camp"})
PEACE = frozenset({"peace", "ceasefire", "truce", "armistice", "accord", "exchange"})


#: ACLED-style categories no act of violence can be: a sentence's words may tell the learned typer of
#: a deal, a march or a retreat near a real attack ("the attacks that led to the settlement" is no
#: agreement; "fought for control" no peaceful transfer of territory).
NOT_VIOLENCE = frozenset({"Agreement", "Peaceful protest", "Diplomatic event", "Non-violent transfer of territory",
                          "Change to group/activity", "Headquarters or base established", "Arrests"})  # fmt: skip


#: ACLED-style categories no protest can be: a march is no deal, no state's words and no armed group's
#: change ("exiles protesting against the repatriation" is no diplomatic event).
NOT_PROTEST = frozenset({"Agreement", "Diplomatic event", "Change to group/activity",
                         "Headquarters or base established"})  # fmt: skip


def fits(plover: str | None, category: str | None) -> bool:
    """An event of PLOVER category ``plover`` can be of ACLED-style ``category``: an assault is none of
    :data:`NOT_VIOLENCE`, a protest none of :data:`NOT_PROTEST`; other categories may be any (their
    sentence's security event types them: "left the town after negotiations" is a transfer of
    territory)."""
    if plover == "ASSAULT":
        return category not in NOT_VIOLENCE
    return not (plover == "PROTEST" and category in NOT_PROTEST)


def _intervened(context: set[str]) -> bool:
    """A police intervention is named: "water" only as a water cannon, not "over water shortages"
    (the set stays as it is: it is also the learned model's vocabulary)."""
    found = context & INTERVENTION
    return bool(found - {"water"}) or ("water" in found and "cannon" in context)


def _sector(actor: EventActor | None) -> str | None:
    return actor.sector if actor is not None else None


def _is_state(actor: EventActor | None) -> bool:
    if actor is None or actor.code is None:
        return False
    return actor.sector is None or actor.sector in STATE


def state_actor(actor: EventActor | None) -> bool:
    """A state's actor: a state sector, or a country code without another sector."""
    if actor is None:
        return False
    return actor.sector in STATE or (actor.sector is None and actor.code is not None)


def category(
    plover: str | None,
    cameo: str | None,
    lemma: str,
    security: str | None,
    source: EventActor | None,
    target: EventActor | None,
    context: set[str],
) -> str | None:
    """The ACLED-style category of one event; ``context`` holds the lemmas of its sentence."""
    code = cameo or ""
    if security:
        return security
    if lemma in ATTRIBUTION and context & ATTACK_WORDS and plover in {"ACCUSE", "REJECT", None}:
        return "Attribution of responsibility"
    if plover == "ASSAULT":
        return _assault(code, lemma, source, target, context)
    if plover == "PROTEST":
        if context & MOB:
            return "Mob violence"
        if code.startswith("145"):
            return "Violent demonstration"
        if _intervened(context) or _sector(target) in {"COP", "MIL"}:
            return "Protest with intervention"
        return "Peaceful protest"
    if plover == "COERCE":
        if code.startswith("173"):
            return "Arrests"
        if code.startswith("171"):
            return "Looting/property destruction"
        if code.startswith("192") or lemma in TERRITORY:
            return _territory(source)
        if code.startswith("163") and _is_state(source):
            return "Diplomatic event"
        return "Other"
    if plover == "MOBILIZE":
        return "Headquarters or base established" if context & BASE and lemma in {"establish", "set up", "build"} \
            else "Change to group/activity"  # fmt: skip
    if plover == "RETREAT":
        if code.startswith("0871") or context & PEACE:
            return "Agreement"
        if code.startswith("087"):
            return "Non-violent transfer of territory" if target is not None else "Change to group/activity"
        return "Other" if code.startswith("084") else None
    if plover in {"SANCTION", "THREATEN", "ACCUSE", "REQUEST", "REJECT", "SUPPORT"}:
        between_states = _is_state(source) and (plover == "SANCTION" or _is_state(target))
        if between_states and (target is None or source is None or target.code != source.code):
            return "Diplomatic event"
        return None
    if plover in {"AGREE", "SUPPORT", "COOPERATE"} and context & PEACE:
        return "Agreement"
    return None


def _territory(source: EventActor | None) -> str:
    return (
        "Government regains territory" if _sector(source) in STATE else "Non-state actor overtakes territory"
    )


def _assault(
    code: str, lemma: str, source: EventActor | None, target: EventActor | None, context: set[str]
) -> str:
    if code.startswith("204") or context & CHEMICAL:
        return "Chemical weapon"
    if code.startswith("1831") or context & SUICIDE:
        return "Suicide bomb"
    if code.startswith(("1832", "1833")) or (code.startswith("183") and context & EXPLOSIVE):
        return "Remote explosive/landmine/IED"
    if "grenade" in context:
        return "Grenade"
    if code.startswith("195") or context & AIR:
        return "Air/drone strike"
    if code.startswith("194") or context & SHELLING:
        return "Shelling/artillery/missile attack"
    if code.startswith("1821"):
        return "Sexual violence"
    if code.startswith(("181", "184")):
        return "Abduction/forced disappearance"
    if code.startswith("1712"):
        return "Looting/property destruction"
    if lemma in TERRITORY and _sector(target) in ARMED:
        return "Armed clash"  # fighters captured, no ground taken ("troops captured two rebels")
    if lemma in TERRITORY and _sector(target) in CIVILIAN:
        return "Abduction/forced disappearance"  # "gunmen captured three aid workers"
    if lemma in TERRITORY:
        return _territory(source)
    if code.startswith("175"):
        return "Excessive force against protesters" if _sector(target) == "OPP" else "Attack"
    if context & EXPLOSIVE and lemma not in CLASH:
        return "Remote explosive/landmine/IED"  # "were killed in a bomb blast", "bomb attacks"
    if lemma in CLASH or (_sector(source) in ARMED and _sector(target) in ARMED):
        return "Armed clash"
    if _sector(target) in CIVILIAN or code.startswith(("18", "20")):
        return "Attack"
    # a clash needs two armed sides: violence with no armed side named is an attack on its victims
    armed = _sector(source) in ARMED or _sector(target) in ARMED
    return "Armed clash" if code.startswith("19") and armed else "Attack"
