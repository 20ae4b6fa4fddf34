"""Reporting-verb lemmas that introduce a quote ("say", "note", "warn", ...) and learned patterns.

``REPORTING_VERBS`` is the hand-written core. ``LEARNED_VERBS``, ``DOBJ_VERBS`` and ``XCOMP_VERBS``
were learned from 420 PolNeAR train articles in an earlier round (verb lemmas whose clausal
complement, object or open complement is the gold content often enough). ``PATTERNS`` is the output
of ``make learn-cues`` (``training/learn_cues.py``) on all of train: ``lemma:complement`` pairs per subject
group, pruned by running the quotes stage (see that module). ``PREP_CUES`` and ``STANCE_VERBS``
are hand-picked. Only lemmas are stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS, words

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTING_VERBS = words(
    """
    say tell add note mention warn state explain claim insist argue acknowledge admit announce
    reveal declare confirm deny stress emphasize emphasise report write tweet post suggest assert
    maintain contend predict recall remark reply respond answer agree conclude complain caution
    observe point allege concede estimate indicate disclose testify vow pledge promise threaten
    urge ask charge accuse believe think feel fear hope worry expect show find suggest reiterate
    repeat underline underscore highlight signal
    shout yell scream chant exclaim interject bark boast brag retort quip recite quote comment confess
    muse snap
    """
)

#: Learned by ``training/learn_cues.py`` from PolNeAR train (420 articles): verbs whose clausal complement is
#: the attributed content at least half the time (``ccomp``).
LEARNED_VERBS = words(
    """
    acknowledge add address admit affirm agree announce answer argue ask assert assure call charge
    claim concede conclude confirm continue convince declare demand deny describe discuss emphasize
    estimate explain fear find imply indicate insist joke learn maintain note point predict
    proclaim promise question read recall recognize recommend remark reply report respond reveal
    say shoot show state stress suggest suspect tell tweet warn worry write
    """
)

#: Learned the same way: verbs whose direct object is the attributed content ("cited the poll",
#: "criticized the plan"), and verbs whose open complement is ("vowed to fight", "urged to leave").
#: Pruned by the rule :mod:`training/learn_cues` applies to patterns (true positives under
#: ``MIN_PRUNE_PRECISION`` = 0.55 of the stage's own quotes on train): "avoid", "block" and
#: "pressure" (0.40-0.44 on train; acts more than stances: "blocked a shot", "avoided the subject").
DOBJ_VERBS = words(
    """
    accuse acknowledge announce applaud articulate assail bemoan blame blast call cite
    compare confirm congratulate criticize declare decry deem defend denounce deny describe discuss
    dismiss downplay echo emphasize endorse estimate express fear foresee hail highlight
    identify lament liken list mention mock name note order outline point portray praise predict
    prefer promote propose publish question recall reiterate reject repeat report shrug
    slam stress suggest thank tout tweet unveil urge warn
    """
)
XCOMP_VERBS = words(
    """
    agree aim ask call claim decline expect hop prefer promise propose refuse report say seem show
    threaten urge vow
    """
)

CUE_VERBS = REPORTING_VERBS | LEARNED_VERBS

#: Verbs that attribute a short quoted phrase in their object ("called him a “liar”",
#: "criticized the law as a “crazy system”").
EMBEDDING_VERBS = CUE_VERBS | words(
    "call describe criticize criticise label dub brand slam blast praise attack mock dismiss "
    "denounce condemn decry refer characterize characterise portray"
)

#: Verbs whose direct object is the addressee, not the content ("told reporters that ...").
ADDRESSEE_VERBS = frozenset({"tell", "assure", "remind", "warn", "inform", "ask", "urge"})

#: Verb + preposition pairs whose prepositional object is what was said ("called for a ceasefire",
#: "pointed to the reports"); hand-picked from the frequent multi-word cues of PolNeAR train.
PREP_CUES = frozenset(
    {
        ("call", "for"),
        ("call", "on"),
        ("point", "to"),
        ("talk", "about"),
        ("speak", "about"),
        ("refer", "to"),
        ("ask", "for"),
        ("push", "for"),
        ("argue", "for"),
        ("warn", "of"),
        ("warn", "against"),
        ("complain", "about"),
        ("worry", "about"),
        ("insist", "on"),
    }
)

#: Verbs of wanting, planning and backing, which PolNeAR also counts as attributions; they report
#: their object or complement only when a named person or a pronoun is the subject.
STANCE_VERBS = words("want plan hope expect support oppose endorse seek intend wish")

#: Learned by ``training/learn_cues.py`` from PolNeAR train: ``lemma:complement`` patterns per subject group
#: ("pers": a name or personal pronoun; "noun": a common noun) whose quotes, run through the stage on
#: train, were right at least 55 % of the time with the right speaker for 70 % of those ("welcomed
#: the decision", "voted against the bill"). ``prep_<word>`` names a prepositional complement.
PATTERNS: dict[str, frozenset[str]] = {
    "pers": words(
        """
        accept:dobj address:dobj allow:ccomp allow:dobj allude:prep_to answer:dobj
        apologize:prep_for appoint:dobj approve:dobj ask:prep_about attack:dobj back:dobj ban:dobj
        begin:prep_with believe:prep_in brush:dobj call:dobj campaign:prep_against campaign:prep_for
        cast:prep_as challenge:dobj claim:dobj comment:prep_on condemn:dobj confirm:dobj
        consider:ccomp consider:dobj consider:xcomp count:prep_on credit:dobj decide:xcomp
        decline:dobj defend:dobj devote:dobj discuss:dobj distance:prep_from double:prep_on
        draft:dobj encourage:dobj explain:dobj explore:dobj favor:dobj guess:ccomp hint:prep_at
        hop:prep_for insult:dobj issue:dobj know:ccomp lay:dobj like:xcomp look:prep_for
        look:prep_to look:xcomp moderate:dobj notice:ccomp offer:dobj open:prep_about oppose:dobj
        persuade:dobj pledge:xcomp post:dobj press:xcomp project:dobj promise:dobj prove:ccomp
        push:prep_on put:prep_at rail:prep_against rebut:dobj recite:dobj reference:dobj reject:dobj
        remember:dobj remind:dobj respond:prep_to rip:dobj say:dobj see:dobj seek:dobj share:dobj
        shift:prep_to show:dobj sign:dobj speak:prep_of stand:prep_by suggest:xcomp support:dobj
        take:prep_at take:prep_for talk:prep_about tell:xcomp think:prep_about trump:dobj
        underscore:dobj understand:ccomp undo:dobj urge:dobj view:dobj voice:dobj vote:prep_against
        vouch:prep_for want:dobj want:xcomp welcome:dobj withdraw:dobj
        """
    ),
    "noun": words(
        """
        advocate:prep_for agree:prep_on agree:prep_with attack:dobj attempt:xcomp back:dobj
        balk:prep_at care:prep_about charge:dobj choose:dobj condemn:dobj consider:dobj decide:ccomp
        demand:dobj determine:ccomp discuss:dobj display:dobj embrace:dobj expect:dobj favor:dobj
        follow:prep_at issue:dobj know:ccomp know:dobj like:xcomp plan:xcomp post:dobj prohibit:dobj
        project:dobj quote:dobj recognize:dobj release:dobj respond:prep_to retweete:dobj rule:ccomp
        say:dobj see:ccomp see:dobj seek:dobj share:dobj show:dobj sit:dobj speak:prep_of
        speak:xcomp understand:dobj view:dobj vote:prep_for want:xcomp weigh:prep_on welcome:dobj
        wonder:ccomp
        """
    ),
}

#: Complement relations a learned pattern may name besides ``prep_<word>``.
COMPLEMENTS = ("ccomp", "dobj", "xcomp")
#: Relative words standing for the noun a relative clause hangs on.
RELATIVES = frozenset({"who", "that", "which"})
#: Nouns that count how often or say when something was said, parsed as its object ("has said time
#: and time again", "said many times", "repeated it on several occasions").
FREQUENCY_NOUNS = words("time times occasion occasions")
#: Entity types of a name that is a thing, not a person or a group of people, as a verb's subject.
THING_ENTS = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"})
#: Entity types of an object that says when, not what ("announced Monday").
WHEN_ENTS = frozenset({"DATE", "TIME"})


def adverbial_object(obj: Token) -> bool:
    """Whether a verb's object says how often or when it happened rather than what was said."""
    return obj.lower_ in FREQUENCY_NOUNS or (obj.ent_type_ in WHEN_ENTS and obj.pos_ != "PRON")


#: Prepositions whose participle says what the clause's subject did by speaking ("angered voters by
#: calling …", "criticized for saying …", "after telling …"); not "refrained from attacking", "instead
#: of denying", "with data pointing to …" (on PolNeAR train those were not attributions).
PARTICIPLE_PREPS = frozenset({"by", "for", "after", "before", "in", "despite", "while", "since"})


def participle_subject(verb: Token) -> Token | None:
    """Who speaks in a subject-less participle that a preposition takes: the subject of the verb the
    preposition hangs on ("angered residents by calling the rules a “cash grab”", "after thanking
    the crowd"). A participle that modifies a noun ("a group backing …", "a statement describing …")
    is left out: on PolNeAR train the noun was the gold source in only about half of them."""
    if (
        verb.tag_ != "VBG"
        or verb.dep_ != "pcomp"
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    prep = verb.head
    if prep.dep_ != "prep" or prep.lower_ not in PARTICIPLE_PREPS or prep.head.pos_ != "VERB":
        return None  # (not "has been slow in answering …": a copula's adjective)
    return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)


def subject_group(verb: Token, by_type: bool = False) -> str | None:
    """ "pers", "noun" or None (no subject, a passive one, or another kind) for ``verb``'s subject,
    borrowed from the head of a conjoined or open-complement verb ("X paused and said"). With
    ``by_type`` a name the entity tagger types as a thing (:data:`THING_ENTS`: a company, product,
    building, law or work) is "thing": "Acme offers a plan" is a sale, not a stance."""
    tok = verb
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and tok.i == verb.i:
            subj = participle_subject(verb)
        if subj is not None:
            break
        if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
    if subj is None or (subj.dep_ == "nsubjpass" and subj.head.i == tok.i):
        return None
    if subj.lower_ in RELATIVES and tok.dep_ == "relcl":
        subj = tok.head  # "a senator who spoke of ...": the senator
    if by_type and subj.pos_ == "PROPN" and subj.ent_type_ in THING_ENTS:
        return "thing"
    if subj.pos_ == "PROPN" or subj.lower_ in PERSON_PRONOUNS or subj.lower_ in PLURAL_PRONOUNS:
        return "pers"
    return "noun" if subj.pos_ in ("NOUN", "NUM") or subj.lower_ in ("both", "most", "many", "some") else None


def complements(verb: Token) -> list[tuple[str, Token]]:
    """``(name, head)`` of each complement after ``verb``: ccomp/dobj/xcomp, or ``prep_<word>`` and
    its object."""
    out = []
    for c in verb.rights:
        if c.dep_ in COMPLEMENTS:
            if c.dep_ == "dobj" and adverbial_object(c):
                continue
            out.append((c.dep_, c))
        elif c.dep_ == "prep":
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                out.append((f"prep_{c.lower_}", obj))
    return out
