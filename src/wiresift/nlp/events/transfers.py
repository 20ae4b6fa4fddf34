"""Transfers: a verb of sending or handing over ("sent", "shipped", "airlifted", "delivered") that the
CAMEO dictionary codes only through patterns, read by what it moves when none of its patterns
matched: relief goods are humanitarian aid (073), weapons are military aid (072), armed forces sent
somewhere are a deployment (154), peacekeepers a protection (074). What counts as a weapon, food or an armed force is the dictionary's
own synonym sets (``&WEAPON``, ``&FOOD``, ``&MILITARY``); the relief goods beyond food are ours.
"""

from __future__ import annotations

from functools import cache

from wiresift.nlp.events.lexicon import verbs

#: Verbs that move something to someone or somewhere and code nothing by themselves.
TRANSFER_VERBS = frozenset({
    "send", "ship", "deliver", "dispatch", "despatch", "airlift", "airdrop", "fly", "rush", "truck",
    "transport", "donate", "distribute", "hand", "supply", "channel", "funnel",
})  # fmt: skip
#: Relief goods besides the dictionary's food: what humanitarian aid is made of.
RELIEF_GOODS = frozenset({
    "aid", "relief", "assistance", "medicine", "medication", "drug", "vaccine", "vaccines", "supplies",
    "water", "tent", "tents", "blanket", "blankets", "shelter", "rice", "wheat", "flour", "grain",
    "clothing", "clothes", "hygiene", "kit", "kits",
})  # fmt: skip
#: Armed forces beyond the dictionary's ``&MILITARY`` set: units and their craft. Police and
#: peacekeepers are left out: sending them to a mission is no show of force.
FORCES = frozenset({
    "warship", "warships", "frigate", "frigates", "destroyer", "destroyers", "tank", "tanks", "jet", "jets",
    "battalion", "battalions", "force", "forces", "reinforcements", "paratrooper", "commando", "commandos",
})  # fmt: skip


@cache
def _synset(name: str) -> frozenset[str]:
    return verbs().forms.get(name, frozenset())


def transfer_code(lemma: str, objects: set[str]) -> str | None:
    """The CAMEO code of a transfer verb by the words of what it moves, else None."""
    if lemma not in TRANSFER_VERBS or not objects:
        return None
    if not objects.isdisjoint(_synset("&WEAPON")):
        return "072"
    if not objects.isdisjoint(_synset("&PKO")):
        return "074"
    if not objects.isdisjoint(_synset("&MILITARY")) or not objects.isdisjoint(FORCES):
        return "154"
    if not objects.isdisjoint(_synset("&FOOD")) or not objects.isdisjoint(RELIEF_GOODS):
        return "073"
    return None
