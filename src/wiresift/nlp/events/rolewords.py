"""Word lists of the roles (:mod:`~wiresift.nlp.events.roles`): weapons, which are no actors, and people
nouns that neither the people list nor the agents dictionary names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Weapons and what they do: no actor of the attack they serve ("killed by a roadside bomb").
WEAPON_NOUNS = frozenset({"bomb", "device", "ied", "explosive", "mine", "landmine", "missile", "rocket",
                          "shell", "mortar", "grenade", "drone", "bullet", "gunfire", "fire", "blast",
                          "explosion", "shrapnel", "artillery", "projectile", "munition", "shot"})  # fmt: skip


def weapon(tok: Token) -> bool:
    """``tok`` names a weapon or its effect, not who used it: "a roadside bomb", "the blast"."""
    return tok.lemma_.lower() in WEAPON_NOUNS or tok.lower_ in WEAPON_NOUNS


#: People an event is done to that neither list names: "hostages were released", "captives freed".
PATIENT_PEOPLE = frozenset({"hostage", "captive", "abductee", "bystander", "pedestrian", "commuter",
                            "shopper", "worshipper", "hostages", "captives"})  # fmt: skip
#: People nouns of kin, of political contests and of bodies of people that neither list names: "met his
#: brother", "attacked her rival", "an alliance of twelve unions mailed a petition".
KIN_AND_RIVAL_NOUNS = frozenset({"brother", "sister", "son", "daughter", "wife", "husband", "father",
                                 "mother", "child", "cousin", "uncle", "aunt", "nephew", "niece", "widow",
                                 "friend", "colleague", "rival", "opponent", "challenger", "contender",
                                 "candidate", "nominee", "incumbent", "frontrunner", "backer", "donor",
                                 "critic", "adviser", "advisor", "aide", "chairman", "chairwoman",
                                 "secretary", "commissioner", "executive", "billionaire", "veteran",
                                 "pope", "pontiff", "queen", "coalition", "alliance", "caucus",
                                 "association", "federation", "lobby", "organization", "organisation"})  # fmt: skip
