"""Sense checks on a trigger coded only by its dictionary block, read from the types of its arguments.

The CAMEO verb blocks code a verb by its commonest news sense; the dictionary's patterns catch some
other senses ("beat ... in election" is no event), but a block's default still fires on readings where
nobody acts on anybody. The checks here look at who or what fills the verb's roles, not at the word:

- **Agentless harm**: a verb whose subject undergoes it ("died", "perished", "drowned") is an ASSAULT
  only where violence is named in its sentence or the one before (an attack noun, a verb or noun the
  dictionary codes as an assault: "died in the clashes", "the victim of a knife attack ... died"); a death
  at sea or in an accident is no assault.
- **Accident as the doer**: harm whose doer is a disaster or an accident ("the bridge collapsed,
  killing two", "the crash killed nine") is the disaster's consequence; the disaster is the event.
- **Abstract target**: an attack, threat or coercion, or a release of people or property (CAMEO 084),
  needs someone or something physical to act on: a direct object that is neither a name, a person or
  group, nor a physical thing, judged by its word vector ("beat the record", "battling extradition",
  "smashed expectations", "released the results"), makes no such event.
- **Judicial doer**: a court, a judge or a prosecutor ruling, directing or ordering performs a legal
  act, not the cooperation or aid the verb's block codes (CAMEO has no code for rulings).
- **Nothing rejected**: a rejection needs what is rejected, an object, a passive subject, a clause or
  a preposition's object that is no amount or time ("declined the offer", "declined to comment", "the
  plan was rejected", "defected to the government side"); a verb of rejecting with none of them tells
  of an amount going down ("sales declined 4 percent", "turnout declined sharply").
- **No meeting** (:mod:`~wiresift.nlp.events.gatherings`): joining or coming is a consultation (CAMEO 04) only when what is joined or come to
  is a meeting ("joined the talks", "came to the summit", "arrived on a visit") or the going has a
  meeting for its purpose ("travelled to Rome to meet the pope"), or goes to a place or party with no
  other purpose ("arrived in Algiers"): "joined the company", "came to light", "when it comes to",
  "arrived in the capital for the celebrations" meet no one.
- **Nothing agreed**: signing is the formal agreement of CAMEO 057 (PLOVER SUPPORT in the
  CAMEO2PLOVER table) only when what is signed is an agreement between parties (a treaty, an accord,
  a deal); signing a letter, a bill or a certificate, or "signing off", agrees nothing with anyone.
- **A thought**: a verb of belief coded by its block ("think", "expect", "believe") names a thought
  or a guess, which is no event whatever block files it (CONSULT, AGREE).
- **A ballot**: voting is a procedure, not the agreement of CAMEO 03 (PLOVER has no category for
  elections or votes): a vote coded AGREE is no event.
- **A verbal attack** (:func:`verbal_attack`, any assault verb, whatever coded it): a verb of attacking
  used as a verb of saying is criticism (CAMEO 111), not violence. It says something: a clause
  complement ("'He is a fraud,' the mayor shot back"), a clause of saying ("hit back, saying ..."), a
  characterisation ("slammed the plan as reckless"); or it attacks a named party for a reason that is
  a deed or an idea ("attacked Senator Park for failing to act", "fired back at Holt over the budget").
  Violence takes none of these ("gunmen attacked the convoy", "police beat the driver for refusing").
- **An empty intention** (:func:`empty_intention`): a verb of intention coded AGREE by its block
  ("decided", "is preparing", "aims": CAMEO 03, intent to *cooperate*) whose to-infinitive holds no
  event and that names no one to cooperate with ("decided to run for the Senate") is a plan of one's
  own, no agreement; a promise, a pledge or a vow is made to someone and stays one.
- **Showing, not demonstrating**: "demonstrate" is a protest without an object; with one or a clause it
  shows something ("demonstrated his skill", "demonstrated that the plan works").
- **A political battle** (:func:`verbal_battle`): an attack noun an adjective of words, politics or law
  qualifies ("political battles", "verbal attacks", "a legal fight") is no violence and no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wiresift.nlp.events.argclasses import (
    PHYSICAL_PROTOTYPE,
    SAYING_FRAME,
    afflicted_target,
    affliction,
    contest,
    fought_objects,
    inner,
    mishap_cause,
    party,
    pobjs,
    published,
    says_clause,
    sought_thing,
    violent_modifier,
)
from wiresift.nlp.events.cameo import plover
from wiresift.nlp.events.eventive import (
    ACTOR_ENTS,
    PEOPLE_NOUNS,
    PLACE_ENTS,
    animacy,
    prototype_poles,
    unit_vector,
)
from wiresift.nlp.events.gatherings import AGREEMENT_NOUNS, BALLOT_VERBS, SIGNING, agreement_signed, met
from wiresift.nlp.events.lexicon import DISASTER_WORDS, EVENT_NOUNS, UNDERGO, VERB_CODES, actors, verbs
from wiresift.nlp.events.occurrence import BELIEF_VERBS
from wiresift.nlp.events.referents import nominal_participle
from wiresift.nlp.events.targets import when

if TYPE_CHECKING:
    from spacy.tokens import Span, Token
    from spacy.vocab import Vocab

#: Categories that need a target to act on.
HARM = frozenset({"ASSAULT", "THREATEN", "COERCE"})
#: CAMEO codes of returning or releasing people or property (084): what is released must be one of them
#: ("released the prisoners", not "released the results").
RETURNS = "084"
#: Categories a court's ruling is not: a judge "ruling" or "directing" cooperates with no one.
NOT_JUDICIAL = frozenset({"COOPERATE", "AID", "SUPPORT", "CONCEDE", "AGREE", "CONSULT", "RETREAT"})
#: Agent sectors (agents dictionary) of courts, judges and prosecutors.
JUDICIAL_SECTORS = frozenset({"JUD"})
#: The two poles of :func:`abstract`: words for physical things an attack can hit
#: (``argclasses.PHYSICAL_PROTOTYPE``), words for ideas, results and procedures it cannot.
ABSTRACT_PROTOTYPE = ("record", "expectation", "idea", "plan", "law", "policy", "title", "score",
                      "decision", "proposal", "rule", "process", "agreement", "effort", "request")  # fmt: skip
#: How much nearer the abstract pole than the physical one a word must be. Chosen on the PLOVER dev
#: records: at 0 and 0.05 two true attacks and obstructions were lost ("killed the deputy chief",
#: "blocked transport"), from 0.1 on none; 0.1 keeps the most abstract readings out.
ABSTRACT_MARGIN = 0.1
#: The margin for what an attack noun is "on": the preposition already says the attack is aimed at
#: something, and the nouns of laws and plans sit just past 0.05 ("plan" 0.06, "constitution" 0.07,
#: "budget" 0.14) while buildings, vehicles and posts stay at or below 0.02 ("headquarters" 0.02,
#: "school" -0.01, "base" -0.04), on invented word lists.
ATTACKED_IDEA_MARGIN = 0.05


def _assault_word(tok: Token) -> bool:
    """``tok`` names violence: an attack noun, or a verb (or its -ing noun) the dictionary codes as
    an assault by default."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in EVENT_NOUNS:
        return plover(EVENT_NOUNS[lemma])[0] == "ASSAULT"
    if tok.pos_ not in {"VERB", "NOUN"} or lemma in UNDERGO:
        return False
    return any(_assault_verb(key) for key in _verb_forms(lemma, tok.pos_ == "NOUN"))


def _verb_forms(lemma: str, noun: bool) -> list[str]:
    """The verbs an -ing noun may come from ("stabbing" -> stab, "shooting" -> shoot, "raiding" ->
    raid, raide); a verb is itself."""
    if not noun or not lemma.endswith("ing") or len(lemma) < 6:
        return [lemma]
    stem = lemma[:-3]
    return [stem, stem + "e", *([stem[:-1]] if stem[-1] == stem[-2] else [])]


def _assault_verb(key: str) -> bool:
    if key in VERB_CODES:
        return plover(VERB_CODES[key])[0] == "ASSAULT"
    blocks = verbs().by_lemma.get(key) or []
    return any(plover(block.verbs.get(key) or block.code)[0] == "ASSAULT" for block in blocks[:1])


def violence_named(tok: Token, sent: Span) -> bool:
    """Violence is named in ``sent`` or the sentence before it, other than by ``tok`` itself."""
    doc = sent.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(_assault_word(t) for t in doc[start : sent.end] if t.i != tok.i)


def _disaster(tok: Token) -> bool:
    """``tok`` names a disaster or an accident (:data:`DISASTER_WORDS`) or a hazard or an ill whose
    vector leans to them (:func:`~wiresift.nlp.events.argclasses.affliction`: "malaria", "the
    pandemic"): harm it does is no one's act."""
    lemma = tok.lemma_.lower()
    return lemma in DISASTER_WORDS or tok.lower_ in DISASTER_WORDS or (tok.pos_ == "NOUN" and affliction(tok))


def accident_doer(verb: Token) -> bool:
    """The doer of ``verb`` is a disaster or an accident: its subject ("the crash killed nine"), or the
    clause a participle hangs on ("the bridge collapsed, killing two"); a relative pronoun stands for
    the noun its clause describes ("storms that flattened homes")."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
    if subj is not None and subj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        subj = verb.head
    if subj is not None:
        return _disaster(subj)
    if verb.dep_ in {"advcl", "conj", "xcomp"} and verb.tag_ == "VBG":
        return _disaster(verb.head) or any(_disaster(c) for c in verb.head.children if c.dep_ == "nsubj")
    return False


def accident_harm(verb: Token, cameo: str | None) -> bool:
    """``verb`` codes an assault whose doer is a disaster or an accident (:func:`accident_doer`), or
    whose named cause is one, or an illness (``argclasses.mishap_cause``: "killed in a bus crash")."""
    return plover(cameo)[0] == "ASSAULT" and (accident_doer(verb) or mishap_cause(verb))


def _poles(vocab: Vocab) -> tuple[Any, Any] | None:
    return prototype_poles(vocab, PHYSICAL_PROTOTYPE, ABSTRACT_PROTOTYPE)


def abstract(tok: Token, margin: float = ABSTRACT_MARGIN) -> bool:
    """``tok`` heads a phrase naming an idea, a result or a procedure, not a person, a group, a place or
    a physical thing: no name or pronoun, no entity, no known actor noun, its vector nearer the people
    and things poles' opposite (unknown words are not abstract)."""
    if tok.pos_ in {"PROPN", "PRON", "NUM"} or tok.ent_type_ in ACTOR_ENTS | PLACE_ENTS:
        return False
    lemma = tok.lemma_.lower()
    if lemma in PEOPLE_NOUNS or lemma in actors().agents or tok.lower_ in actors().agents:
        return False
    if any(c.dep_ in {"compound", "poss"} and (c.pos_ == "PROPN" or c.ent_type_ in ACTOR_ENTS)
           for c in tok.children) and tok.pos_ != "NOUN":  # fmt: skip
        return False
    lean = animacy(tok)
    poles = _poles(tok.vocab)
    vec = None if lean is None or lean > 0 or poles is None else unit_vector(tok.vocab, lemma)
    if vec is None or poles is None:
        return False
    return float(vec @ poles[1] - vec @ poles[0]) > margin


def abstract_target(verb: Token) -> bool:
    """The direct object of ``verb`` (the passive subject of a passive verb) is abstract."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    objs = [inner(c) for c in verb.children if c.dep_ in ({"nsubjpass"} if passive else {"dobj", "obj"})]
    return bool(objs) and all(abstract(o) for o in objs)


def fight_on_idea(verb: Token) -> bool:
    """``verb`` wages a fight noun on an ill or an idea, no party and nothing physical ("stepped up its
    fight against inflation"), or harms a hazard (:func:`afflicted_target`)."""
    fought = fought_objects(verb)
    if fought and all(not party(o) and abstract(o, 0.0) for o in fought):
        return True
    return afflicted_target(verb)


def judicial_doer(verb: Token) -> bool:
    """The subject of ``verb`` is a court, a judge or a prosecutor (agents dictionary sector JUD),
    named by its head or a compound ("court papers", "the appeals judge")."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
    if subj is None:
        return False
    agents = actors().agents
    words = [subj, *[c for c in subj.children if c.dep_ == "compound"]]
    return any(agents.get(w.lemma_.lower(), agents.get(w.lower_, "")) in JUDICIAL_SECTORS for w in words)


#: Verbs whose clause of manner says an attack was words: "hit back at the council, saying ...".
SAYING_VERBS = frozenset({"say", "tell", "call", "argue", "claim", "charge", "accuse", "insist", "write",
                          "tweet", "declare", "describe", "suggest", "add", "note"})  # fmt: skip
#: Entity types of a party that can be attacked in words.
NAMED_PARTY_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Prepositions naming the reason of a verbal attack, and those naming whom it hits ("took aim at").
REASON_PREPS = frozenset({"for", "over"})
AT_PREPS = frozenset({"at", "on"})


#: Agent sectors (agents dictionary) of office holders and politicians: "the governor", "a senator".
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "OPP", "JUD", "PTY", "ELI"})


def _named_party(tok: Token) -> bool:
    """A party that can be attacked in words: a name, a pronoun, an entity or a political office."""
    if tok.pos_ in {"PROPN", "PRON"} or tok.ent_type_ in NAMED_PARTY_ENTS:
        return True
    return actors().agents.get(tok.lemma_.lower(), "") in POLITICAL_SECTORS


#: Nouns after "as" that give an attack's purpose or place in a whole, not what its target is said to
#: be: "as a warning", "as part of an offensive", "in retaliation".
PURPOSE_AS = frozenset({"part", "warning", "retaliation", "revenge", "punishment", "reprisal", "response",
                        "result", "consequence", "deterrent", "message", "lesson"})  # fmt: skip


def _characterises(prep: Token) -> bool:
    """An "as" phrase says what the target is: an adjective ("as reckless") or a noun with its
    determiner ("as a betrayal of workers"), not a purpose ("as a warning", "as part of")."""
    if any(c.dep_ in {"amod", "acomp"} for c in prep.children):
        return True
    return any(
        o.lemma_.lower() not in PURPOSE_AS and any(c.dep_ == "det" for c in o.children) for o in pobjs(prep)
    )


def verbal_attack(verb: Token) -> bool:
    """An assault verb used as a verb of saying (see the module's docstring): with a clause complement,
    a clause of saying, an "as" characterisation, or a named party attacked for a deed or an idea."""
    kids = list(verb.children)
    if any(c.dep_ == "ccomp" for c in kids):
        return True
    if any(c.dep_ == "advcl" and c.lemma_.lower() in SAYING_VERBS and c.tag_ == "VBG" for c in kids):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "as" and _characterises(c) for c in kids):
        return True  # "slammed the budget as a betrayal", "blasted the plan as reckless"
    parties = [c for c in kids if c.dep_ in {"dobj", "obj"}]
    parties += [o for c in kids if c.dep_ == "prep" and c.lower_ in AT_PREPS for o in pobjs(c)]
    if not parties or not all(_named_party(p) for p in parties):
        return False
    # the reason hangs on the verb or, in the parse, on the party ("hit back at the mayor over the fees")
    for prep in (c for t in (verb, *parties) for c in t.children if c.dep_ == "prep"):
        objs = pobjs(prep)
        if prep.lower_ == "as" and objs:
            return True  # "slammed Grant as liar-in-chief"
        if prep.lower_ in REASON_PREPS and any(o.tag_ == "VBG" or abstract(o) for o in objs):
            return True
    return False


#: Verbs of protest that, with an object or a clause, show something instead.
SHOWING_VERBS = frozenset({"demonstrate"})


def shown(verb: Token) -> bool:
    """``verb`` has a direct object or a clause: "demonstrated his skill", "demonstrated that ..."."""
    return any(c.dep_ in {"dobj", "obj", "ccomp"} for c in verb.children)


#: Verbs of an intention of one's own that the dictionary files as intent to cooperate (CAMEO 03). A
#: promise, a pledge or a vow is made to someone and stays an agreement (PLOVER: "promise to do").
INTENTION_VERBS = frozenset({"decide", "plan", "prepare", "aim", "intend", "seek", "want", "hope",
                             "expect", "resolve", "mean"})  # fmt: skip
#: Prepositions that name a party to an intention ("pledged to Kenya", "promised with the donors").
PARTY_PREPS = frozenset({"to", "with"})


def empty_intention(verb: Token, triggered: set[int]) -> bool:
    """``verb`` (coded AGREE by its block) is an intention whose to-infinitive (none of ``triggered``)
    holds no event and that names no party (no object, no "to"/"with" phrase): no agreement. Without a
    to-infinitive, a finite clause says what follows, not what anyone intends ("the goal meant that the
    visitors needed a win"), and an object that is no event is sought (``argclasses.sought_thing``)."""
    if verb.lemma_.lower() not in INTENTION_VERBS:
        return False
    contents = [c for c in verb.children if c.dep_ == "xcomp"]
    if not contents and says_clause(verb):
        return True
    if not contents and sought_thing(verb, triggered, AGREEMENT_NOUNS):
        return True
    if not contents or any(c.i in triggered for c in contents):
        return False
    for child in verb.children:
        if child.dep_ in {"dobj", "obj", "dative"}:
            return False
        if child.dep_ == "prep" and child.lower_ in PARTY_PREPS and pobjs(child):
            return False
    return True


def nominal_sense_gone(noun: Token, verb: str, cameo: str) -> bool:
    """A nominalisation coded by its verb's block default ("votes", "decisions", "expectations") in a
    sense the verb's own checks rule out: a ballot or a thought is no event, and an intention of one's own
    with no "to" content and no party ("made decisions") is no agreement."""
    if verb in BALLOT_VERBS or verb in BELIEF_VERBS:
        return True
    if plover(cameo)[0] != "AGREE" or verb not in INTENTION_VERBS:
        return False
    return not any(
        c.dep_ in {"acl", "relcl"} or (c.dep_ == "prep" and c.lower_ in PARTY_PREPS) for c in noun.children
    )


#: Adjectives that put an attack noun in words, politics or law: no violence.
VERBAL_DOMAIN = frozenset({"political", "verbal", "rhetorical", "ideological", "partisan", "legal",
                           "personal", "procedural", "bureaucratic", "electoral", "legislative",
                           "judicial", "public-relations", "messaging", "negative"})  # fmt: skip


def verbal_battle(noun: Token) -> bool:
    """An attack noun qualified by an adjective of words, politics or law ("political battles"), or
    named by an idea it is about ("the budget battle": a compound :func:`abstract` leaning from people
    by :data:`IDEA_LEAN`; "a coalition fighting" names who fights)."""
    kids = list(noun.children)
    if any(c.dep_ == "amod" and c.lemma_.lower() in VERBAL_DOMAIN for c in kids):
        return True
    return any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and (animacy(c) or 0.0) < IDEA_LEAN and abstract(c)
        for c in kids
    )


#: How far from people a compound idea leans ("budget" -0.18; groups near 0: "coalition", "alliance").
IDEA_LEAN = -0.05


#: Prepositions naming what an attack noun hits ("an attack on the bill").
ATTACKED_PREPS = frozenset({"on", "upon", "against"})


def attack_on_idea(noun: Token) -> bool:
    """An attack noun whose "on"/"against" objects are all abstract (:func:`abstract`) and not named by
    a group that holds them is words, not violence: "an attack on the spending bill", "her assault on
    the tax plan"; "an attack on a police post" stays one."""
    if any(c.dep_ in {"amod", "compound"} and violent_modifier(c) for c in noun.children):
        return False  # "violent attacks on clinic staff", "sniper attacks on doctors"
    objs = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ATTACKED_PREPS for o in pobjs(c)]
    return bool(objs) and all(abstract(inner(o), ATTACKED_IDEA_MARGIN) and not _held(inner(o)) for o in objs)


def _held(tok: Token) -> bool:
    """``tok`` is named by the group that holds it ("a police post", "an army camp"): a site, not an idea."""
    agents = actors().agents
    return any(
        c.dep_ == "compound" and (c.lemma_.lower() in PEOPLE_NOUNS or c.lemma_.lower() in agents)
        for c in tok.children
    )


def wrong_sense(tok: Token, sent: Span, cameo: str | None, demand: bool = False) -> bool:
    """A verb coded by its block's default has no event of that type in this sentence (see above). A
    ``demand`` (a clause a speaker says another must do) is itself what is asked."""
    category = plover(cameo)[0]
    if nominal_participle(tok):
        return True  # "the accused had cheated him": people named by what they underwent, no act
    if category == "ASSAULT" and tok.lemma_.lower() in UNDERGO and not violence_named(tok, sent):
        return True
    if accident_harm(tok, cameo):
        return True
    if (category in HARM or (cameo or "").startswith(RETURNS)) and abstract_target(tok):
        return True
    if (cameo or "").startswith(RETURNS) and published(tok):
        return True
    if category in HARM and afflicted_target(tok):
        return True
    if category in HARM and contest(tok) and not violence_named(tok, sent):
        return True
    if category == "REJECT" and not rejected(tok):
        return True
    if category == "REQUEST" and not demand and not requested(tok):
        return True
    if category == "REQUEST" and tok.lemma_.lower() in SEMI_MODALS and own_infinitive(tok):
        return True
    if category == "AGREE" and tok.lemma_.lower() in TAKING_VERBS and money_taken(tok):
        return True
    # praise names whom it praises, not a time ("welcomed the new year" greets no one)
    if (cameo or "").startswith(PRAISE) and not any(
        c.dep_ in PRAISED_ROLES and not when(c) for c in tok.children
    ):
        return True
    if category == "CONSULT" and not met(tok):
        return True
    if category in SAYING_FRAME and says_clause(tok):
        return True
    if (cameo or "").startswith(SIGNING) and not agreement_signed(tok):
        return True
    if category == "AGREE" and tok.lemma_.lower() in BALLOT_VERBS:
        return True
    if tok.lemma_.lower() in BELIEF_VERBS:
        return True
    if category == "PROTEST" and tok.lemma_.lower() in SHOWING_VERBS and shown(tok):
        return True
    return category in NOT_JUDICIAL and judicial_doer(tok)


#: The roles that name what a rejection rejects: an object, a passive subject, a clause.
REJECTED_ROLES = frozenset({"dobj", "obj", "nsubjpass", "xcomp", "ccomp", "dative", "conj"})
#: Entity types of a preposition's object that name an amount or a time, not what is rejected
#: ("declined by 3 percent", "declined on Tuesday").
AMOUNT_OR_TIME = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE", "TIME"})


#: Verbs of necessity that, with the subject's own infinitive, are modals, not requests: "the ministry
#: needs to decide" asks nothing of anyone ("needs aid" still asks).
SEMI_MODALS = frozenset({"need"})


def own_infinitive(verb: Token) -> bool:
    """``verb`` governs a to-infinitive of its own subject (no object, no subject of the infinitive's own)."""
    if any(c.dep_ in {"dobj", "obj", "dative"} for c in verb.children):
        return False
    return any(
        c.dep_ == "xcomp" and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        for c in verb.children
    )


#: Prepositions that name what is asked for or whom it is asked of ("called for", "appealed to").
REQUEST_PREPS = frozenset({"for", "against", "on", "upon", "to", "with", "from", "over", "of"})
#: CAMEO code of praise, and the roles that name who or what is praised.
PRAISE = "051"
PRAISED_ROLES = frozenset({"dobj", "obj", "nsubjpass", "ccomp", "dative"})


#: Verbs of agreeing that, with money for object, tell of receiving it ("accepted donations").
TAKING_VERBS = frozenset({"accept"})
#: Nouns of money given; an object that is an amount of money (entity MONEY) counts too.
MONEY_NOUNS = frozenset({"donation", "contribution", "money", "fund", "funding", "cash", "gift", "payment",
                         "bribe", "fee", "dollar", "euro", "pound"})  # fmt: skip


def money_taken(verb: Token) -> bool:
    """The object of ``verb`` is money: accepting donations or "$10 million" is receiving money, which
    agrees to nothing with anyone (the giver's act, if any, is the event)."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return bool(objs) and all(
        o.ent_type_ == "MONEY" or o.lemma_.lower() in MONEY_NOUNS or inner(o).lemma_.lower() in MONEY_NOUNS
        for o in objs
    )


#: Opening quotation marks the tagger may not tag as such.
OPENING_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"})


def _asked_clause(clause: Token) -> bool:
    """A clause the parse hangs as a modifier that is what is asked: "for" a subject to do something
    ("campaigning for the island to break away"), or quoted words ('"Quiet," he demanded')."""
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return True
    first = clause.left_edge.i
    return first > 0 and (clause.doc[first - 1].tag_ == "``" or clause.doc[first - 1].text in OPENING_QUOTES)


def requested(tok: Token) -> bool:
    """A request names what it asks for or of whom: an object, a clause, or a "for"/"to"/"on" ...
    phrase ("demanded an apology", "called for calm", "appealed to the court"); "campaigned on Monday in
    Ohio" asks for nothing."""
    if any(c.dep_ in REJECTED_ROLES or (c.dep_ == "advcl" and _asked_clause(c)) for c in tok.children):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in REQUEST_PREPS
        and any(o.ent_type_ not in AMOUNT_OR_TIME for o in pobjs(c))
        for c in tok.children
    ) or (tok.dep_ == "conj" and any(c.dep_ in {"dobj", "obj"} for c in tok.head.children))


def rejected(tok: Token) -> bool:
    """The verb names what it rejects (:data:`REJECTED_ROLES`, or a preposition's object that is no
    amount or time: "defected to the government side"); a verb coordinated with another shares that
    one's object ("refused and condemned the plan")."""
    if any(c.dep_ in REJECTED_ROLES for c in tok.children):
        return True
    if any(
        c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ not in AMOUNT_OR_TIME for o in c.children)
        for c in tok.children
    ):
        return True
    return tok.dep_ == "conj" and any(c.dep_ in {"dobj", "obj"} for c in tok.head.children)
