"""Who does an event and to whom: the source and target heads of a verb or noun trigger, read from the parse.

The source is the trigger verb's subject (the ``by`` agent of a passive, the possessor or compound
of a noun trigger: "the rebels' takeover"); the target is its object (the passive subject, the object
of "on/against/with/of": "an attack on the convoy"). An actor's code is the CAMEO actor code of its
entity's name, of the longest dictionary phrase inside its words ("Burundian militiamen" -> BDI), or
of a country adjective the entity's titles carry; its sector comes from the code's role part
("RUSGOV" -> GOV) or from an agent noun ("police" -> COP) (:mod:`~wiresift.nlp.events.actor_codes`).

Beyond the trigger's own arguments: an active conjunct of a passive verb has the passive subject
("were treated well and asked"), a gerund after a preposition the subject of the verb it modifies
("after seeking refuge"); the forces of a passive build-up are its source ("troops were deployed");
the "of" phrase of a meeting or a deployment is its doer. No event ("a stabbing that killed"), no
beneficiary ("on behalf of the farmers") and no venue of a meeting or build-up ("met in Astana") is
an actor (the target candidates: :mod:`~wiresift.nlp.events.targets`); allies in an attack are not each other's target; a speaker is the doer of a reported event
only when its pronoun can refer to them (:func:`~wiresift.nlp.events.referents.agrees`). A clause above lends its subject only
when it can act ("violence broke out and police fired": :func:`_lendable`); an event noun of means
is done by its verb's subject ("welcomed the year via a rally"); a restrictive "who" belongs to
the people just before it ("lawyers for the victims who are suing").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.events.actor_codes import agent_sector
from wiresift.nlp.events.actors import phrase_tokens, quantity_head, stance_of
from wiresift.nlp.events.eventive import can_act
from wiresift.nlp.events.lexicon import (
    CLAIM_VERBS,
    DISASTER_WORDS,
    DOER_NOUNS,
    DONE_TO_VERBS,
    JUDGED_VERBS,
    PATIENT_NOUNS,
    REPEL_VERBS,
)
from wiresift.nlp.events.lines import headline_passive
from wiresift.nlp.events.modality import AVOID_VERBS
from wiresift.nlp.events.referents import AGENT_GROUPS, people_noun
from wiresift.nlp.events.rolewords import weapon
from wiresift.nlp.events.scenes import dateline_word
from wiresift.nlp.events.subjects import first_subject, partaker, purpose_of_object

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr"})
#: Prepositions whose object is the target of a verb or noun trigger.
TARGET_PREPS = frozenset({"against", "on", "with", "to", "at", "into", "upon", "toward", "towards", "over"})
NOUN_TARGET_PREPS = frozenset({"of", *TARGET_PREPS})


#: Verbs whose subject, not their object, does what their infinitive says ("promised Kyiv to send").
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "offer"})


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the verb it is coordinated with or complements; the
    object of the verb it complements when that object is made to act ("forced Iran to release")."""
    tok: Token | None = verb
    stray = _stray_subject(verb)
    if stray is not None:
        return stray
    controlled = True  # reached through complements only ("chose to accept"): the subject is shared
    for _ in range(4):
        if tok is None:
            return None
        subject = first_subject(tok, SUBJECT_DEPS)
        if subject is not None:
            if controlled or _lendable(subject):
                return subject
            # a clause above whose subject is an event or a thing does not lend it ("violence broke
            # out and police fired", "the violence comes as parliament votes to deploy troops"); a
            # reported clause's verb set off by a comma shares the speaker's ("the group said the
            # contract has confused staff, and demanded an extension"; not "said shortages have
            # taken their toll and compromised security": the shortages did)
            if tok.dep_ == "ccomp" and _comma_conjunct(verb) and tok.head.i != tok.i:
                tok = tok.head
                continue
            return None
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            passive = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and not _passive_like(tok):
                # "the hikers were fed well and urged their families": the passive subject
                # acts in the active conjunct when it can act; else the conjunct hangs on the clause
                # above ("the coroner found the injuries came from shrapnel and urged ...")
                if can_be_actor(passive):
                    return passive
                tok = tok.head.head if tok.head.dep_ == "ccomp" else tok.head
                controlled = False
                continue
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() not in SUBJECT_CONTROL:
            # "forced Iran to release", "prompted officials to make concessions": the object acts
            controller = next(
                (c for c in tok.head.children if c.dep_ in {"dobj", "obj"} and c.tag_ not in {"WDT", "WP"}),
                None,
            )  # not "a tariff that it planned to impose": the relative pronoun is the thing planned
            if controller is not None and can_be_actor(controller):  # not "used firearms to disperse"
                return controller
        # "Finland is ready to ship": through the adjective to the subject of its copula
        if tok.dep_ in {"conj", "xcomp", "advcl", "acomp"} and tok.head.i != tok.i:
            controlled = controlled and tok.dep_ in {"xcomp", "acomp"}
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in {"of", "for"}:
            # "Iran accused Israel of carrying out the attack", "Israel was blamed for striking",
            # "lashed out at Norway for seizing a trawler", "thanked the rescuers for finding": the one
            # judged for the deed did it
            doer = judged_doer(tok.head)
            if doer is not None:
                return doer
        # "avoided extradition after seeking refuge": through the preposition to the verb it modifies
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in {"VERB", "AUX"}:
            controlled = False
            tok = tok.head.head
            continue
        if purpose_of_object(tok) is not None:  # "sent material to help defend": the sender helps
            tok = purpose_of_object(tok)
            continue
        if _said_by_object(tok):
            # "mailed a petition asking parliament to act", "voiced a readiness to hold talks": the
            # one who mailed the petition or voiced the readiness
            controlled = False
            tok = tok.head.head
            continue
        return None
    return None


def judged_doer(prep: Token) -> Token | None:
    """The one an "of"/"for" deed is ascribed to: the object or passive subject of a verb of judging
    ("accused Israel of striking"), with "for" of any verb, or its "at" object ("lashed out at Norway for
    seizing", "fined the firm for dumping"); or the people noun "for" hangs on ("praised the rescuers
    for finding"). Not "apologised to X for insulting": the one who apologises did it."""
    head = prep.head
    if head.pos_ in {"VERB", "AUX"} and (prep.lower_ == "for" or head.lemma_ in JUDGED_VERBS):
        heads = [c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
        if prep.lower_ == "for" and not heads:
            heads = [o for p in head.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                     for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        doer = next(iter(heads), None)
        return doer if doer is not None and can_be_actor(doer) else None
    if prep.lower_ == "for" and head.dep_ in {"dobj", "obj"} and head.pos_ in {"NOUN", "PROPN"}:
        return head if can_be_actor(head) else None
    return None


def _said_by_object(verb: Token) -> bool:
    """``verb`` is a participle or an infinitive on a thing that is the object of another verb ("mailed a
    petition asking", "released a statement condemning", "voiced a readiness to meet"): that verb's
    subject does it through the thing. Not on people ("found a man carrying a gun"), nor a passive
    participle ("received a letter signed by senators"), nor a thing refused or judged ("rejected an
    offer to hold a summit": the one who offered would)."""
    thing = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBG", "VB"}
        and thing.dep_ in {"dobj", "obj"}
        and thing.head.pos_ == "VERB"
        and thing.head.lemma_.lower() not in OUTSIDE_VERBS
        and thing.pos_ == "NOUN"
        and not can_be_actor(thing)
    )


def _lendable(subject: Token) -> bool:
    """A subject a coordinated or subordinate verb may share: someone who can act, or a disaster or a
    weapon that does harm ("the storm hit the coast and killed five")."""
    head = quantity_head(subject)
    if can_be_actor(head) or head.lemma_.lower() in DISASTER_WORDS or weapon(head):
        return True
    return can_act(head, None, agent_sector(phrase_tokens(head), []), None)  # "the mayor's office"


def _comma_conjunct(verb: Token) -> bool:
    """``verb`` is a conjunct set off by a comma before its conjunction (", and demanded")."""
    cc = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), None)
    return verb.dep_ == "conj" and cc is not None and cc.i > 0 and verb.doc[cc.i - 1].text == ","


def _stray_subject(verb: Token) -> Token | None:
    """The subject of a coordinated verb that the parse hung on the clause before as a conjunct of its
    object ("broke out in two districts and troops fired": "troops" made a conjunct of "districts"): the
    people noun standing between "and" and the verb."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or prev.pos_ not in {"NOUN", "PROPN"} or prev.dep_ != "conj" or prev.head.i > prev.i:
        return None
    first = prev.left_edge
    if first.i == 0 or verb.doc[first.i - 1].dep_ != "cc" or not can_be_actor(prev):
        return None
    return prev


def _passive_like(verb: Token) -> bool:
    """A bare participle sharing the passive of the verb it is coordinated with ("was arrested and
    charged"), not an active verb of its own ("was arrested and faces charges")."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in OBJECT_DEPS for c in verb.children
    )


def can_be_actor(tok: Token) -> bool:
    """``tok`` can name someone who acts: a pronoun, a people noun, a person, group or state."""
    return (
        tok.pos_ == "PRON"
        or people_noun(tok)
        or tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or (tok.pos_ == "PROPN" and not tok.ent_type_)
        or agent_sector(phrase_tokens(tok), []) is not None  # "police chiefs"
    )


#: Verbs of moving forces whose passive subject is the force itself, the actor of the build-up
#: ("troops were deployed", "fighters are concentrated near the border"), not a victim.
MOVED_VERBS = frozenset({"deploy", "mass", "amass", "concentrate", "station", "position", "mobilize",
                         "mobilise", "redeploy", "gather", "assemble"})  # fmt: skip


#: Prepositions of an active verb aimed at someone without an object: "shot at", "fired on".
AIMED_PREPS = frozenset({"at", "upon", "against", "toward", "towards"})


def bare_patient(verb: Token) -> bool:
    """``verb`` is a bare passive participle of a :data:`DONE_TO_VERBS` verb: a subject of its own, no
    object, no auxiliary, and not a clause with its own agent ("soldiers killed by gunmen" is one)."""
    return (
        verb.lemma_.lower() in DONE_TO_VERBS
        and verb.tag_ in {"VBN", "VBD"}
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and not any(
            c.dep_ in OBJECT_DEPS or c.dep_ in {"aux", "auxpass", "ccomp", "xcomp"} for c in verb.children
        )
        and not any(c.dep_ == "prep" and c.lower_ in AIMED_PREPS for c in verb.children)  # "shot at"
    )


def reduced_passive(verb: Token) -> bool:
    """``verb`` is a past participle modifying a noun of people with no subject or object of its own ("an
    aid worker kidnapped in Niger"): a reduced passive relative clause, in a sentence whose main verb is
    another (not a main verb the parse hung on its subject: "doctors from two aid groups donated")."""
    return (
        verb.dep_ == "acl"
        and verb.sent.root.pos_ in {"VERB", "AUX"}
        and verb.tag_ == "VBN"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and can_be_actor(verb.head)
        and not any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children
        )
    )


def verb_roles(verb: Token) -> tuple[Token | None, Token | None]:
    """(source, target) heads of a verb trigger; a participle coordinated with a passive verb shares
    its passive roles ("was hauled out by the police and taken into custody")."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    shared = (
        not passive
        and verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in OBJECT_DEPS for c in verb.children)
        and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.head.children)
    )
    source: Token | None = None
    target: Token | None = None
    if passive or shared:
        for child in [*verb.children, *(verb.head.children if shared else ())]:
            if child.dep_ == "nsubjpass" and target is None:
                target = child
            if child.dep_ == "agent" and source is None:
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
    if passive and source is None and verb.lemma_.lower() in MOVED_VERBS and target is not None:
        source, target = target, None  # "troops were deployed", "fighters are massed near the border"
    if not (passive or shared) and (bare_patient(verb) or headline_passive(verb)):
        # "Two soldiers killed in ambush", "Dunmore man arrested on charges", "Minister attacked over
        # cuts": a headline's passive
        target = next(c for c in verb.children if c.dep_ in SUBJECT_DEPS)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    elif not (passive or shared) and reduced_passive(verb):
        # "a French aid worker kidnapped in Niger", "soldiers killed by gunmen": the noun the participle
        # modifies undergoes it, its agent does it
        target = verb.head
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    elif not (passive or shared):
        source = subject_of(verb)
        target = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    if target is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None:
                    break
    return _party(source), _party(target)


#: Verbs whose subject does something to an event named by their object, without taking part in it
#: ("the police deny accusations", "Trump scuttled the talks", "forces crush protests", "told a
#: meeting", "Norland endorsed the invasion": who backs an act does not do it); any other verb's
#: subject is the event's doer ("the army launched an offensive"), or a
#: party to it ("Syria cancelled the talks", "the rebels broke the truce").
OUTSIDE_VERBS = frozenset({
    "deny", "scuttle", "crush", "condemn", "denounce", "tell", "report", "welcome", "reject", "criticize",
    "criticise", "oppose", "disperse", "suppress", "ban", "cover", "witness", "watch", "see",
    "investigate", "quell", "prevent", "foil", "thwart", "block", "hear", "describe", "dismiss", "blame",
    "address", "brief", "survive", "flee", "mourn", "praise", "hail", "protest", "decry", "disrupt",
    "face", "fear", "spark", "trigger", "cause", "provoke", "fuel", "follow", "precede", "monitor",
    "film", "document", "endorse", "back", "support", "approve", "applaud", "justify", "commemorate",
    "remember", *AVOID_VERBS, *REPEL_VERBS,
})  # fmt: skip
#: Verbs whose subject answers or undergoes the event named by their object: it is the target
#: ("X denies the accusation", "X faces charges", "X rejected the allegations").
RESPONSE_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut", "face", "contest", "fight",
                            "survive", *AVOID_VERBS, *REPEL_VERBS})  # fmt: skip
#: Prepositions naming who brings charges the subject faces: "faces charges in the US", "charges
#: brought by Sweden", "an extradition request from Spain".
ACCUSER_PREPS = frozenset({"in", "by", "from"})


def accuser(verb: Token) -> Token | None:
    """The state or body that accuses the subject of "faces charges": the named country or
    organisation of an "in/by/from" phrase on the verb or on its object ("faces 18 charges in the
    US"), else None."""
    heads = [verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ACCUSER_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "ORG", "NORP"}:
                        return obj
    return None


#: Verbs whose clause says what the speaker's own side will do or what is so: its subject is no
#: addressee ("warned that the government will not sit idle"; unlike "demanded that Chile withdraw").
PLEDGE_VERBS = frozenset({"warn", "threaten", "vow", "pledge", "promise", "say", "announce", "declare",
                          "claim", "assert", "state", "add"})  # fmt: skip
#: Prepositions naming the means by which a verb's subject acts: its event noun is the subject's own
#: ("marked the day with a strike", "welcomed the year via a rally", "responded through protests").
MEANS_PREPS = frozenset({"via", "with", "through"})
#: Prepositions naming both sides of a noun event: "clashes between A and B", "talks among X, Y".
BETWEEN_PREPS = frozenset({"between", "among", "amongst"})


def _between(head: Token) -> tuple[Token | None, Token | None]:
    """(first side, second side) of a "between A and B" phrase on ``head``."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in BETWEEN_PREPS:
            first = next((c for c in child.children if c.dep_ == "pobj"), None)
            if first is not None:
                return first, next(iter(first.conjuncts), None)
    return None, None


#: Event nouns of leaving: their "from" object is what is left, not the doer.
LEAVING_NOUNS = frozenset({"withdrawal", "departure", "exit", "resignation", "defection", "expulsion", "release",
                           "escape", "evacuation", "extradition", "retreat", "pullout", "deportation"})  # fmt: skip


def noun_roles(noun: Token) -> tuple[Token | None, Token | None]:
    """(source, target) heads of a noun trigger: "the rebels' attack on the town", "Taliban takeover",
    "clashes between A and B"; the possessor of an arrest, a release or a killing is its target."""
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i != noun.i:
        return noun_roles(noun.head)  # "launched a mediation effort between A and B"
    source: Token | None = None
    target: Token | None = None
    patient = noun.lemma_.lower() in PATIENT_NOUNS
    for child in noun.children:
        named = child.pos_ == "PROPN" or child.ent_type_ == "NORP"  # "Taliban takeover", "Indian incursion"
        if child.dep_ in {"compound", "amod"} and stance_of(child) is not None:
            continue  # "anti-Chinese attacks", "pro-Russian rallies": whom it is against or backs, not who acts
        if child.dep_ == "compound" and child.pos_ == "NOUN" and source is None:  # "US drone strikes"
            source = next(
                (g for g in child.children if g.dep_ == "compound" and g.ent_type_ in {"GPE", "NORP"}), None
            )
        if child.dep_ == "poss" or (child.dep_ in {"compound", "amod"} and named):
            if patient and child.dep_ == "poss":
                target = child
            else:
                source = child
        elif child.dep_ == "prep" and child.lower_ == "by":
            source = next((c for c in child.children if c.dep_ == "pobj"), source)
        elif child.dep_ == "prep" and child.lower_ == "from" and noun.lemma_.lower() not in LEAVING_NOUNS:
            # "attacks from his rival", "criticism from Democrats": who did it (not a place it came from,
            # "shelling from Pakistan"; nor what is left, "a withdrawal from the coalition")
            doer = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is None and doer is not None and doer.ent_type_ not in {"GPE", "LOC", "FAC"}:
                source = doer if can_be_actor(quantity_head(doer)) else None
        elif child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in DOER_NOUNS:
            # "a meeting of defence ministers", "the withdrawal of troops": who meets, who withdraws
            doer = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is None and doer is not None and can_be_actor(quantity_head(doer)):
                source = doer
        elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS and target is None:
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and source is None):
        agent = next(
            (g for c in acl.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
        )
        source = agent  # "a march staged by union members", "an attack carried out by gunmen"
    if source is None and target is None:
        # "clashes between A and B", "clashes erupted between A and B"
        side_a, side_b = _between(noun)
        if side_a is None and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            side_a, side_b = _between(noun.head)
        if side_a is not None:
            return side_a, side_b
    if (
        noun.dep_ in OBJECT_DEPS
        and noun.head.lemma_.lower() in RESPONSE_VERBS
        and (target is None or target.head.lower_ == "of")
    ):
        target = subject_of(noun.head)  # "the guards deny charges of abuse": the accused deny
    if source is None and noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() not in OUTSIDE_VERBS:
        source = subject_of(noun.head)  # "the army launched an offensive"
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in {"VERB", "AUX"}:
        target = target or subject_of(noun.head.head)  # "the base came under attack from rebels"
        attackers = [o for h in (noun, noun.head.head) for p in h.children if p.dep_ == "prep" and p.lower_ ==
                     "from" for o in p.children if o.dep_ == "pobj" and can_be_actor(quantity_head(o))]  # fmt: skip
        source = source or next(iter(attackers), None)
    owned = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else noun
    claim = owned.lemma_.lower() == "responsibility" and owned.head.lemma_.lower() in CLAIM_VERBS
    if source is None and claim:
        source = subject_of(owned.head)  # "IS claimed responsibility for the bombing"
    if source is None and noun.dep_ == "pobj" and noun.head.lower_ in MEANS_PREPS:
        verb = noun.head.head
        doer = subject_of(verb) if verb.pos_ == "VERB" and verb.lemma_.lower() not in OUTSIDE_VERBS else None
        if doer is not None and _lendable(doer) and doer.ent_type_ not in {"GPE", "LOC", "FAC"}:
            source = doer  # "the protesters welcomed the year via a rally", "responded with an attack"
    if source is None and noun.dep_ in {"nsubj", "nsubjpass"}:
        for child in noun.head.children:
            if child.dep_ == "agent":
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
    if source is None:  # "In a meeting with the Pope, the president said": the president met him
        doer = partaker(noun, subject_of)
        source = doer if doer is not None and can_be_actor(doer) else None
    return _party(source), _party(target)


def main_subject(trigger: Token) -> Token | None:
    """The subject of the clause above: "Ghana said it would permit" -> Ghana for "it"; not a subject
    holding the trigger ("Halvard told reporters his talks with the cardinal went well" -> Halvard, not the
    meeting)."""
    tok = trigger
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        subj = next(
            (
                c
                for c in tok.children
                if c.dep_ in SUBJECT_DEPS
                and c.pos_ != "PRON"
                and not c.left_edge.i <= trigger.i <= c.right_edge.i
            ),
            None,
        )
        if subj is not None:
            return subj
    return None


def _party(tok: Token | None) -> Token | None:
    """The role head ``tok`` as a party to the event: a relative pronoun stands for its noun
    (:func:`_conj_root`); a dateline's place is no party ("ASTANA, May 3 -- Four miners arrived")."""
    head = _conj_root(tok)
    return None if head is not None and dateline_word(head) else head


def _conj_root(tok: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies ("the rebels who attacked"); "who"
    names a person or a group: when the parse hangs its clause on a thing ("talks between the
    council and the rebels, who refused"), the name just before it is meant."""
    if tok is not None and tok.lower_ in {"who", "which", "that"} and tok.head.dep_ == "relcl":
        head = tok.head.head
        if tok.lower_ == "who" and head.ent_type_ in {"GPE", "LOC"} and head.dep_ == "pobj":
            head = head.head.head  # "farmers from Moldova, who demand": a place is no "who"
        near = tok.doc[tok.i - 1] if tok.i > 0 else None
        if (
            tok.lower_ == "who"
            and near is not None
            and near.i != head.i
            and near.i > head.i
            and near.tag_ in {"NNS", "NNPS"}
            and (people_noun(near) or near.ent_type_ == "NORP")
            and near.lemma_.lower() not in AGENT_GROUPS
        ):
            # "lawyers for the victims who are suing", "affected people and angered customers who
            # accused": a restrictive "who" (no comma) belongs to the people just before it (not to a
            # body they belong to: "leaders of the party who")
            return near
        if tok.lower_ == "who":
            head = _person_of(head)
        if tok.lower_ == "who" and head.pos_ == "NOUN" and not people_noun(head):
            before = next((t for t in reversed(tok.doc[head.i + 1 : tok.i]) if not t.is_punct), None)
            if before is not None and before.pos_ == "PROPN" and before.ent_type_ not in {"GPE", "LOC"}:
                return before
        return head
    return tok


def _person_of(head: Token) -> Token:
    """The person a "who" clause hung on ``head`` is about: the people noun an "of" phrase depends on
    ("chairman of the opposition, who"), the name a title stands beside ("Karl Brenner, the party
    leader, who")."""
    for _ in range(3):
        up = head.head.head
        if head.dep_ != "pobj" or head.head.lower_ != "of" or can_be_actor(head) or not people_noun(up):
            break  # not "the mother of Ana Ruiz, who was shot": a name is the one meant
        head = up
    if head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
        return head.head
    return head
