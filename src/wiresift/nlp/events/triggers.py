"""Event triggers: verbs coded through the CAMEO verb patterns, event nouns, and disaster and crime
words, each with its CAMEO code.

A verb is looked up by lemma (with its particle: "take over"); its block's patterns are checked
against the parse (subject head, particle, object head, preposition and its object) and the most
specific pattern that matches gives the code; without a match the verb's own code applies, except for
light verbs ("take", "make") that only code through a pattern. A pattern with the null code marks a
non-event reading ("seize the opportunity").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.argclasses import (
    HOST_VISIT,
    company_takeover,
    opposes,
    recorded,
    scoreline,
    welcomes_guest,
)
from wiresift.nlp.events.cameo import QUAD, plover
from wiresift.nlp.events.discards import discarded
from wiresift.nlp.events.eventive import (
    complement_of,
    modifier_noun,
    purpose_of_noun,
    quantity_object,
)
from wiresift.nlp.events.gatherings import met
from wiresift.nlp.events.lexicon import (
    AIR_WORDS,
    CRIME_WORDS,
    DEFAULT_CODES,
    DENIED,
    DISASTER_WORDS,
    EASED_MEASURES,
    EASING_VERBS,
    EVENT_NOUNS,
    FRAME_ONLY,
    MILITARY_NOUNS,
    MILITARY_WORDS,
    PATTERN_ONLY,
    PLURAL_ONLY,
    SHELLING_WORDS,
    SUPPORT_VERBS,
    VERB_CODES,
    verbs,
)
from wiresift.nlp.events.modality import obligation
from wiresift.nlp.events.nominals import campaign_gathering, nominal_verb
from wiresift.nlp.events.patterns import (
    SUBJ_DEPS,
    adverb_particle,
    best_pattern,
    features,
    has_form,
    obj_compounds,
    subject_words,
    words_of,
)
from wiresift.nlp.events.senses import (
    HARM,
    accident_harm,
    attack_on_idea,
    empty_intention,
    fight_on_idea,
    nominal_sense_gone,
    verbal_attack,
    verbal_battle,
    wrong_sense,
)
from wiresift.nlp.events.transfers import TRANSFER_VERBS, transfer_code

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Verb forms that modify a noun or work as a preposition: no trigger ("US-led", "according to").
_NOT_TRIGGER_DEPS = frozenset({"amod", "compound"})
_NOT_TRIGGER_WORDS = frozenset({"according", "including", "regarding", "concerning", "following"})
#: The parts of speech a trigger can have: event nouns and verbs, and "be" of a presence (an AUX).
_TRIGGER_POS = frozenset({"NOUN", "VERB", "AUX"})
#: Categories whose to-infinitive complement is their content ("urged them to talk"): no event of its own.
CONTENT_OF = frozenset({"REQUEST", "AGREE", "REJECT"})


@dataclass
class Trigger:
    tok: Token
    start: int
    end: int
    cameo: str | None
    kind: str  # "verb" | "noun"
    #: How the code was found: 2+ a pattern of that many parts, 1 the verb's own code, 0 a noun.
    specificity: int = 0
    #: Disaster or crime category when the trigger is one ("Natural disaster", "Organized crime").
    security: str | None = None
    #: The object noun a pattern consumed ("stage an attack"): it is no trigger of its own.
    consumed: int | None = None
    #: A verb coding nothing itself that a speaker says another must do: the speaker's demand.
    demand: bool = False


def dictionary_code(key: str) -> str | None:
    """A verb's own code when none of its patterns matches: the dictionary's, or CAMEO's finer code
    where the dictionary files the verb under its block's generic one (:data:`DEFAULT_CODES`)."""
    if key in DEFAULT_CODES:
        return DEFAULT_CODES[key]
    return verbs().by_lemma[key][0].verbs.get(key)


def _eased(verb: Token) -> tuple[str, int] | None:
    """(CAMEO code, object index) when a verb of relaxing applies to a coercive measure: its object
    (or passive subject) or the object's modifiers name a curfew, sanctions, a blockade ..."""
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "obj", "nsubjpass"}:
            continue
        for tok in [obj, *[c for c in obj.children if c.dep_ in {"compound", "amod", "nmod"}]]:
            code = EASED_MEASURES.get(tok.lemma_.lower())
            if code is not None:
                return code, obj.i
    return None


#: Dependents that complete a verb the dictionary lists as a phrase: a preposition right after it
#: ("side with", "look after"), its object ("wage war", "take note") or complement ("set free").
_PHRASE_DEPS = frozenset({"prep", "dobj", "obj", "acomp", "oprd"})


#: Particles that, followed by an object of their own, are plain prepositions ("given in support", not
#: "gave in"); "on" stays a phrase's word with its object ("embark on", "call on").
_ADVERB_PARTICLES = frozenset({"up", "down", "out", "off", "over", "back", "away", "in", "aside", "forward",
                               "together", "apart", "around", "through"})  # fmt: skip


@cache
def _phrase_seconds() -> frozenset[str]:
    """The second words of the dictionary's two-word verb phrases ("with" of "side with")."""
    return frozenset(k.split()[1] for k in verbs().by_lemma if len(k.split()) == 2)


def _phrase_words(verb: Token, lemma: str) -> list[tuple[str, Token]]:
    """(dictionary key, word) for each dependent that makes ``verb`` one of the dictionary's verb
    phrases other than verb + particle: spaCy reads "sided with" as a verb and its preposition."""
    table = verbs().by_lemma
    seconds = _phrase_seconds()
    out = []
    cache, sdoc = doccache.of(verb.doc), verb.doc
    deps, lemmas = cache.deps, cache.lemmas
    for j in cache.children(verb.i):
        if (deps[j] not in _PHRASE_DEPS and deps[j] not in {"advcl", "nsubjpass"}) or lemmas[
            j
        ] not in seconds:
            continue  # read from the document's arrays: no Token made for the verb's other words
        child = sdoc[j]
        # an adjective right after the verb that the parser hangs as a clause ("set free the nuns")
        next_adj = child.dep_ == "advcl" and child.pos_ == "ADJ" and child.i == verb.i + 1
        # the passive subject is the phrase's object: "the resolution was blocked", "war was waged"
        if (child.dep_ not in _PHRASE_DEPS and not next_adj and child.dep_ != "nsubjpass") or (
            child.dep_ == "prep" and child.i != verb.i + 1
        ):
            continue
        if (second := child.lemma_.lower()) not in seconds:
            continue
        if second in _ADVERB_PARTICLES and any(c.dep_ == "pobj" for c in child.children):
            continue  # "testimony given in support": a preposition with its object, not "give in"
        key = f"{lemma} {second}"
        # a phrase with a preposition that codes nothing itself ("embark on") leaves the verb its own
        if key in table and key not in VERB_CODES and (child.dep_ != "prep" or dictionary_code(key)):
            out.append((key, child))
    return out


def code_verb(verb: Token) -> Trigger | None:
    cache = doccache.of(verb.doc)
    lemma = cache.lemmas[verb.i]  # ``verb.lemma_.lower()``, read from the document's array
    sdoc, deps = verb.doc, cache.deps
    particles = [sdoc[j] for j in cache.children(verb.i) if deps[j] == "prt"]
    joined = [(f"{lemma} {p.lower_}", p) for p in particles] + _phrase_words(verb, lemma)
    keys = [k for k, _ in joined] + [lemma]
    table = verbs().by_lemma
    eased = _eased(verb) if lemma in EASING_VERBS and not particles else None
    if eased is not None:  # "shortened the nightly curfew", "eased emergency measures"
        return Trigger(verb, verb.idx, verb.idx + len(verb.text), eased[0], "verb", 2, consumed=eased[1])
    key = next((k for k in keys if k in table or k in VERB_CODES), None)
    if lemma in TRANSFER_VERBS and key in {None, lemma}:
        # a verb of sending read by what it moves ("airlifted tents", "sent 20 tonnes of food") unless
        # one of its patterns reads that ("sent warships to"): not by the verb or its destination alone
        feats = features(verb)
        moved = transfer_code(lemma, feats["obj"] | obj_compounds(feats))
        read = None if key is None or moved is None else best_pattern(table.get(key, []), feats, key)
        if moved is not None and (read is None or "obj" not in read[1]):
            return Trigger(verb, verb.idx, _verb_end(verb), moved, "verb", 2)
    if key is None or (key in VERB_CODES and VERB_CODES[key] is None):
        return None  # no code: none of its patterns may give one ("said", "announced": what is said may)
    feats = features(verb)
    phrase_obj = next((t for k, t in joined if k == key and t.dep_ in {"dobj", "obj", "nsubjpass"}), None)
    if phrase_obj is not None:  # "waged war on": the object is part of the verb, not what it acts on
        feats["obj"] = feats["obj"] - words_of(phrase_obj)
        feats["obj_toks"] = [t for t in feats["obj_toks"] if t.i != phrase_obj.i]
    phrase_prep = next((t for k, t in joined if k == key and t.dep_ == "prep"), None)
    if phrase_prep is not None:  # "went to the polls": the phrase's object follows its preposition
        feats["preps"] = {p: w for p, w in feats["preps"].items() if p != phrase_prep.lower_}
        for pobj in (c for c in phrase_prep.children if c.dep_ == "pobj"):
            feats["obj"] = feats["obj"] | words_of(pobj)
            feats["obj_toks"] = [*feats["obj_toks"], pobj]
    best = best_pattern(table.get(key, []), feats, key)
    if best is None and feats["generic"]:  # "launched a reform effort": the effort itself
        best = best_pattern(table.get(key, []), {**feats, "obj": feats["obj"] | feats["generic"]}, key)
    end_tok = max([verb, *[t for k, t in joined if k == key]], key=lambda t: t.i)
    start, end = verb.idx, end_tok.idx + len(end_tok.text)
    if best is not None and key in VERB_CODES and best[1]["code"]:
        own = VERB_CODES[key]
        if own is None or plover(own)[0] != plover(best[1]["code"])[0]:
            best = None  # our own code says what the verb is; a pattern only refines it within its category
    if best is not None:
        consumed = None
        if "obj" in best[1]:
            consumed = next((t.i for t in feats["obj_toks"] if has_form(best[1]["obj"], words_of(t))), None)
        return Trigger(verb, start, end, best[1]["code"], "verb", 1 + best[0], consumed=consumed)
    if key in VERB_CODES:
        code = VERB_CODES[key]
        return Trigger(verb, start, end, code, "verb", 1) if code else None
    if key == lemma and (lemma in PATTERN_ONLY or _unlisted_phrasal(verb, lemma)):
        return None
    code = dictionary_code(key)
    if phrase_obj is not None:
        return Trigger(verb, start, end, code, "verb", 2, consumed=phrase_obj.i)
    return Trigger(verb, start, end, code, "verb", 1)


def _unlisted_phrasal(verb: Token, lemma: str) -> bool:
    """``verb`` has a particle that makes a phrasal verb the dictionary does not list ("broke away from
    the coalition", "rounded up activists"): the bare verb's own code ("break": an attack) says nothing
    of it, only a pattern of the bare verb's may."""
    table = verbs().by_lemma
    cache = doccache.of(verb.doc)
    deps, lowers = cache.deps, cache.lowers  # read from the document's arrays: no Token made
    return any(
        f"{lemma} {lowers[j]}" not in table
        and (deps[j] == "prt" or (deps[j] == "prep" and adverb_particle(verb, verb.doc[j])))
        and not (j + 1 < len(lowers) and lowers[j + 1] == "to")  # "abducted up to 9": a count
        for j in cache.children(verb.i)
        if deps[j] in {"prt", "prep"}
    )


def _verb_end(verb: Token) -> int:
    """End offset of a verb with its particles ("hand over")."""
    cache = doccache.of(verb.doc)  # read from the document's arrays: no Token made
    last = max([verb.i, *[j for j in cache.children(verb.i) if cache.deps[j] == "prt"]])
    return cache.offsets[last] + len(cache.texts[last])


def _mods(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}


def _on_strike(noun: Token) -> bool:
    """ "went on strike", "are on strike": "strike" as the object of "on" after a verb."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in {"VERB", "AUX"}


def _hyphenated(noun: Token) -> str | None:
    """The hyphenated word spaCy split that ``noun`` ends ("sit-in", "build-up": "sit", "-", "in"),
    when the three tokens are written together (each ends where the next begins); else None."""
    cache, i = doccache.of(noun.doc), noun.i  # read from the arrays: no Token made for the words before
    texts, offsets = cache.texts, cache.offsets
    if i < 2 or texts[i - 1] != "-" or offsets[i - 1] != offsets[i - 2] + len(texts[i - 2]):
        return None
    if offsets[i] != offsets[i - 1] + 1:
        return None
    return f"{cache.lowers[i - 2]}-{cache.lemmas[i]}"


def code_noun(noun: Token, sent: Span) -> Trigger | None:
    lemma = noun.lemma_.lower()
    start, end = noun.idx, noun.idx + len(noun.text)
    joined = _hyphenated(noun)
    if joined is not None and joined in EVENT_NOUNS:  # "staged a sit-in": the whole word is the trigger
        lemma, start = joined, noun.doc[noun.i - 2].idx
    if lemma != "strike" and lemma not in EVENT_NOUNS:
        return None
    mods = _mods(noun)
    if lemma == "strike":
        if mods & AIR_WORDS:
            return Trigger(noun, start, end, "195", "noun")
        if mods & SHELLING_WORDS:
            return Trigger(noun, start, end, "194", "noun")
        if "hunger" in mods:
            return Trigger(noun, start, end, "142", "noun")
        if mods & {"general", "national", "nationwide", "labour", "labor"} or _on_strike(noun):
            return Trigger(noun, start, end, "143", "noun")
        return None
    code = EVENT_NOUNS.get(lemma)
    if code is None:
        return None
    if lemma in MILITARY_NOUNS and noun.tag_ != "NNS" and not mods & MILITARY_WORDS:
        return None
    if lemma in PLURAL_ONLY and noun.tag_ != "NNS":
        return None
    if plover(code)[0] == "ASSAULT" and verbal_battle(noun):
        return None  # "political battles", "verbal attacks": no violence
    if campaign_gathering(noun):
        return None  # "the senator's rally in Dayton": a candidate's meeting with supporters, no protest
    if code.startswith("19") or code == "183":
        if mods & AIR_WORDS:
            code = "195"
        elif mods & SHELLING_WORDS:
            code = "194"
        elif "suicide" in mods:
            code = "1831"
    return Trigger(noun, start, end, code, "noun")


#: Where a nominalisation stands for the act a verb names: the object of a verb that codes nothing
#: itself ("announced a suspension of ferry crossings", "gave a warm welcome"), or of its "under"/"into"
#: phrase ("was put under investigation").
_NOMINAL_PREPS = frozenset({"under", "into"})


def _light_head(noun: Token) -> Token | None:
    """The support verb a noun is the object of, directly or through "under"/"into" ("gave a welcome",
    "announced a suspension", "put under investigation"), else None: after other verbs the act is
    sought, faced or avoided, not done ("faced an investigation", "avoided extradition")."""
    cache, i = doccache.of(noun.doc), noun.i  # read from the arrays: a Token made for the verb found
    head = cache.head_indices()[i]
    if cache.deps[i] == "pobj" and cache.lowers[head] in _NOMINAL_PREPS:
        head = cache.head_indices()[head]
    elif cache.deps[i] not in {"dobj", "obj"}:
        return None
    return noun.doc[head] if cache.pos[head] == "VERB" and cache.lemmas[head] in SUPPORT_VERBS else None


def code_nominal(noun: Token) -> Trigger | None:
    """A nominalisation that is the object of a verb coding nothing itself: coded as its verb, through
    the verb's patterns with the noun's "of" phrase as their object ("a suspension of ferry crossings")."""
    head = _light_head(noun)
    verb = nominal_verb(noun) if head is not None else None
    if head is None or verb is None or ((coded := code_verb(head)) is not None and coded.cameo):
        return None
    feats = features(noun)
    feats["subj"] = {w for c in head.children if c.dep_ in SUBJ_DEPS for w in subject_words(c)}
    feats["obj"] = feats["preps"].pop("of", set())
    best = best_pattern(verbs().by_lemma.get(verb, []), feats, verb)
    own = VERB_CODES.get(verb) if verb in VERB_CODES else dictionary_code(verb)
    if best is not None and best[1]["code"] and (verb not in VERB_CODES or _same(own, best[1]["code"])):
        return Trigger(noun, noun.idx, noun.idx + len(noun.text), best[1]["code"], "noun", 1 + best[0])
    if own and nominal_sense_gone(noun, verb, own):
        return None  # "tallied six votes for", "making decisions": the verb's own sense checks
    return Trigger(noun, noun.idx, noun.idx + len(noun.text), own, "noun") if own else None


def _same(own: str | None, code: str) -> bool:
    return own is not None and plover(own)[0] == plover(code)[0]


#: Armed nouns whose presence somewhere is a deployment ("5,000 militants are near the border").
ARMED_NOUNS = frozenset({"militant", "troop", "soldier", "fighter", "rebel", "terrorist", "insurgent",
                         "force", "gunman", "jihadist", "militia", "militiaman", "warship", "tank"})  # fmt: skip
PRESENCE_PREPS = frozenset({"on", "near", "in", "along", "at", "inside", "across", "outside"})


def code_presence(tok: Token) -> Trigger | None:
    """ "be" with an armed plural subject and a place phrase: a MOBILIZE (CAMEO 154) presence."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in ARMED_NOUNS or subj.tag_ != "NNS":
        return None
    if not any(c.dep_ == "prep" and c.lower_ in PRESENCE_PREPS for c in tok.children):
        return None
    # A pattern of two parts read from the parse (an armed subject, a place preposition), as CAMEO's
    # "$ * NEAR" patterns are: specific, not a block's default (the event check reads it so).
    return Trigger(tok, tok.idx, tok.idx + len(tok.text), "154", "verb", 3)


def _verbal(trigger: Trigger) -> bool:
    return (QUAD.get(plover(trigger.cameo)[0] or "") or "").startswith("VERBAL")


#: Categories of verbs whose object event noun is their content, not their own act: a threat or a
#: refusal ("threatened a strike").
_CONTENT_NOUN_VERBS = frozenset({"THREATEN", "REJECT"})
#: Categories of material hostile verbs that act on an event noun of another category ("boycotted the
#: talks", "banned the march", "attacked the rally") and perform one of their own ("reimposed
#: blockades"). A verb of doing, ordering or joining performs the noun's act ("organized a strike",
#: "ordered patrols"), and one of claiming owns it ("claimed the attack").
_HOSTILE_VERBS = frozenset({"SANCTION", "COERCE", "ASSAULT"})


#: Categories of verbs whose object event noun does not happen as the noun says: refused, postponed,
#: halted, called off or boycotted (CAMEO's "reject proposal to meet" 125, "halt negotiations" 164).
_HALTING = frozenset({"REJECT", "SANCTION"})
#: Categories of event nouns that are said, not done: once said they happened, whatever is made of them
#: ("rejected the ultimatum", "denied the accusations").
_SAID = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "AGREE", "SUPPORT"})


def _object_of(noun: Token, verbs_at: set[int]) -> bool:
    """``noun`` is the direct object or passive subject of one of the verbs at ``verbs_at``."""
    return noun.dep_ in {"dobj", "obj", "nsubjpass"} and noun.head.i in verbs_at


def _light(trigger: Trigger, nouns: dict[int, str | None]) -> bool:
    """A verb coded by its block's default alone whose direct object is an event-noun trigger.
    A verb of threat or refusal is not light: the noun is what it threatens or rejects ("threatened a
    strike"), nor is a material hostile verb acting on a noun of another category ("attacked the
    rally"; "reimposed blockades" is the blockade), while "organized a strike" or "ordered patrols"
    does the noun's act, and "claimed the attack" owns it. A light verb ("hold", "take") coded by a
    pattern that does not read its object is light too: "held a sit-in ... for two days" is the
    sit-in, not a detention ("- * FOR DAY")."""
    lemma = trigger.tok.lemma_.lower()
    category = plover(trigger.cameo)[0]
    return (
        trigger.kind == "verb"
        and (trigger.specificity == 1 or (trigger.consumed is None and lemma in PATTERN_ONLY))
        and category not in _CONTENT_NOUN_VERBS
        and lemma not in VERB_CODES
        and any(
            c.dep_ in {"dobj", "obj"}
            and c.i in nouns
            and (category not in _HOSTILE_VERBS or nouns[c.i] == category or lemma in PATTERN_ONLY)
            for c in trigger.tok.children
        )
    )


#: The relations of "be" that can head a presence (:func:`code_presence`).
_PRESENCE_DEPS = frozenset({"ROOT", "ccomp", "relcl"})
#: The relations of a noun that :func:`code_nominal` may read as the act of its support verb.
_NOMINAL_DEPS = frozenset({"dobj", "obj", "pobj"})


@cache
def _noun_words() -> frozenset[str]:
    """The noun lemmas that may trigger whatever their relation: event nouns (and the last part of a
    hyphenated one, "in" of "sit-in"), "strike", and disaster and crime words."""
    parts = {part for word in EVENT_NOUNS for part in word.split("-")[1:]}
    return frozenset({*EVENT_NOUNS, *parts, "strike", *DISASTER_WORDS, *CRIME_WORDS})


@cache
def _verb_words() -> frozenset[str]:
    """The verb lemmas that may trigger: the first words of the dictionary's verbs and phrases and of
    wiresift's own, verbs of sending and easing, and disaster and crime words. Another verb codes
    nothing (:func:`code_verb`) and triggers only as the clause of a demand (:func:`obligation`)."""
    listed = [*verbs().by_lemma, *VERB_CODES, *TRANSFER_VERBS, *EASING_VERBS, *DISASTER_WORDS, *CRIME_WORDS]
    return frozenset(word.split(" ", 1)[0] for word in listed)


def find_triggers(sent: Span) -> list[Trigger]:
    """Every event trigger of a sentence, in text order (a pattern's object noun is no trigger)."""
    found: list[Trigger] = []
    sdoc = sent.doc
    cache = doccache.of(sdoc)  # read from the document's arrays: no Token made for other words
    pos_of, lemma_of, dep_of = cache.pos, cache.lemmas, cache.deps
    noun_words, verb_words = _noun_words(), _verb_words()
    for i in range(sent.start, sent.end):
        pos = pos_of[i]
        if pos not in _TRIGGER_POS:
            continue  # only nouns, verbs and "be" (a presence) trigger: read no more of other words
        if pos == "NOUN" and lemma_of[i] not in noun_words and dep_of[i] not in _NOMINAL_DEPS:
            continue  # no event noun, no disaster or crime word, and no object a nominalisation can be
        if pos == "AUX" and (lemma_of[i] != "be" or dep_of[i] not in _PRESENCE_DEPS):
            continue  # an auxiliary triggers only as "be" of a presence
        if pos == "VERB" and (
            dep_of[i] in _NOT_TRIGGER_DEPS
            or (lemma_of[i] not in verb_words and dep_of[i] != "ccomp" and " " not in lemma_of[i])
        ):
            continue  # a modifier, or a verb no dictionary lists and that is no clause of a demand
        tok = sdoc[i]
        dep = dep_of[i]
        trigger: Trigger | None = None
        if (pos == "NOUN" and modifier_noun(tok)) or (pos == "VERB" and purpose_of_noun(tok)):
            continue  # no eventive reading: "riot police", "an attempt to block"
        if pos == "VERB" and dep not in _NOT_TRIGGER_DEPS and cache.lowers[i] not in _NOT_TRIGGER_WORDS:
            trigger = code_verb(tok)
            if (
                trigger is not None
                and trigger.consumed is not None
                and campaign_gathering(sdoc[trigger.consumed])
            ):
                trigger = None  # "was holding his first rally": a campaign's, no protest
            if (trigger is None or not trigger.cameo) and obligation(tok) is not None:
                # "the envoy repeated that Malta must return the fugitives": a demand
                trigger = Trigger(tok, tok.idx, _verb_end(tok), "100", "verb", 1, demand=True)
        elif pos == "NOUN":
            trigger = code_noun(tok, sent) or code_nominal(tok)
        elif tok.lemma_ == "be" and dep in _PRESENCE_DEPS:  # an AUX
            trigger = code_presence(tok)
        lemma = lemma_of[i]
        security_word = pos != "AUX" and dep not in _NOT_TRIGGER_DEPS  # a noun or verb of its own
        # a verb a pattern coded by its arguments is an act, not a disaster: "troops stormed the base"
        acted = (
            trigger is not None and trigger.kind == "verb" and bool(trigger.cameo) and trigger.specificity > 1
        )
        if security_word and lemma in DISASTER_WORDS and not acted:
            trigger = Trigger(tok, tok.idx, tok.idx + len(tok.text), None, pos.lower(),
                              security=DISASTER_WORDS[lemma])  # fmt: skip
        elif security_word and lemma in CRIME_WORDS:
            trigger = Trigger(tok, tok.idx, tok.idx + len(tok.text), CRIME_WORDS[lemma],
                              pos.lower(), 1, security="Organized crime")  # fmt: skip
        # A material verb applied to a number is no event ("raised the toll"); saying something about
        # the number is ("rejected the figures").
        if trigger is not None and trigger.kind == "verb" and quantity_object(tok) and not _verbal(trigger):
            continue
        # an assault verb used as a verb of saying is criticism ("'Nonsense,' the mayor shot back"),
        # read before the sense checks take it for an attack on an abstract target
        assault = trigger is not None and trigger.kind == "verb" and plover(trigger.cameo)[0] == "ASSAULT"
        if trigger is not None and assault and verbal_attack(tok):
            trigger.cameo, trigger.security = "111", None
        # an attack noun on an idea is criticism, the noun alone or the object of its verb ("launched an
        # attack on the spending bill")
        if trigger is not None and plover(trigger.cameo)[0] == "ASSAULT":
            attack = tok if trigger.kind == "noun" else None
            attack = sdoc[trigger.consumed] if trigger.consumed is not None else attack
            if attack is not None and attack_on_idea(attack):
                trigger.cameo, trigger.security = "111", None
        # a guest welcomed is a visit hosted ("welcomed the Kenyan president"); an idea welcomed is praised
        if trigger is not None and (trigger.cameo or "").startswith("051") and welcomes_guest(tok):
            trigger.cameo = HOST_VISIT
        # fighting an act that is no violence opposes it ("battling extradition", "fought the charges")
        if trigger is not None and plover(trigger.cameo)[0] == "ASSAULT" and opposes(tok, nominal_verb):
            trigger = None
        # a company bought is no territory taken ("completed its takeover of the brewer")
        if trigger is not None and plover(trigger.cameo)[0] in HARM and company_takeover(tok, lemma):
            trigger = None
        # A verb coded by its block's default alone in a sense its arguments rule out (senses.py).
        # Harm done by a disaster is no one's act, whatever pattern coded it ("a cyclone destroyed homes").
        if trigger is not None and trigger.kind == "verb" and not trigger.security:
            spurious = (
                wrong_sense(tok, sent, trigger.cameo, trigger.demand) if trigger.specificity == 1 else None
            )
            # joining or coming is a meeting only with one, whatever pattern coded it ("came to light")
            spurious = spurious or (plover(trigger.cameo)[0] == "CONSULT" and not met(tok))
            # a game's result is no violence, whatever pattern coded it ("crushed Norwich 4-1")
            spurious = spurious or (plover(trigger.cameo)[0] in HARM and scoreline(tok))
            # a hazard or an ill fought is no one attacked, whatever pattern coded it ("stepped up its
            # fight against inflation")
            spurious = spurious or (plover(trigger.cameo)[0] in HARM and fight_on_idea(tok))
            # caught on a medium is filmed ("the brawl was captured on video")
            spurious = spurious or (plover(trigger.cameo)[0] in HARM and recorded(tok))
            trigger = None if spurious or accident_harm(tok, trigger.cameo) else trigger
        if trigger is not None and (trigger.cameo or trigger.security):
            found.append(trigger)
    # A frame verb governing another trigger ("plans to hold drills", "began a hunger strike") gives
    # way to it, and consumes no object noun.
    governing = {t.tok.head.i for t in found if t.tok.dep_ in {"xcomp", "dobj", "nsubjpass"}}
    found = [t for t in found if not (t.tok.i in governing and t.tok.lemma_.lower() in FRAME_ONLY)]
    # An intention coded by its block whose content codes nothing and that names no party is no
    # agreement ("decided to run for the Senate").
    triggered = {t.tok.i for t in found}
    found = [
        t
        for t in found
        if not (
            t.kind == "verb"
            and t.specificity == 1
            and plover(t.cameo)[0] == "AGREE"
            and empty_intention(t.tok, triggered)
        )
    ]
    # A verb coded only by its dictionary block whose object is an event noun is a light verb: the
    # noun says what happened ("organized a general strike", "ordered patrols"); a disaster word codes
    # no act, so the verb keeps its own ("imposed a blackout").
    nouns = {t.tok.i: plover(t.cameo)[0] for t in found if t.kind == "noun" and t.cameo}
    light = {t.tok.i for t in found if _light(t, nouns)}
    found = [t for t in found if t.tok.i not in light]
    # An event noun a verb refuses, postpones, halts or boycotts is that verb's content: it did not
    # happen as the noun says ("postponed the summit", "called off the negotiations").
    # A denial leaves its noun to the modality, which flags it denied ("denied the accusations").
    halting = {
        t.tok.i
        for t in found
        if t.kind == "verb" and plover(t.cameo)[0] in _HALTING and t.tok.lemma_.lower() not in DENIED
    }
    found = [
        t
        for t in found
        if not (t.kind == "noun" and plover(t.cameo)[0] not in _SAID and _object_of(t.tok, halting))
    ]
    # A sentence of sport, show business or bygone history codes no PLOVER event (PETRARCH2's discards:
    # "the rugby side defeated Wales"); a disaster or a crime word of its own still does.
    if any(not t.security for t in found) and discarded(sent):
        found = [t for t in found if t.security]
    consumed = {t.consumed for t in found if t.consumed is not None}
    # What a request, offer, agreement or refusal is about is its content, not an event of its own
    # ("urged both sides to engage", "offered to help", "refused to negotiate").
    verbal = {t.tok.i for t in found
              if plover(t.cameo)[0] in CONTENT_OF and t.tok.lemma_.lower() not in FRAME_ONLY}  # fmt: skip
    return [
        t
        for t in found
        if (t.tok.i not in consumed or t.kind == "verb")
        and not ((head := complement_of(t.tok)) is not None and head.i in verbal)
    ]
