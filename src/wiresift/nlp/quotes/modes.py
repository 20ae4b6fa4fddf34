"""What kind of attribution a quote is: a ``statement`` (something said or written) or a reported
``belief``, ``intention``, ``knowledge`` or ``other`` stance (PolNeAR counts all of them).

The mode comes from the cue's lemma. :data:`CORE` is the hand-written core of verb (and noun) classes;
:data:`~wiresift.nlp.quotes.mode_table.LEARNED_MODES` extends it to every other cue lemma of PolNeAR
train and of the stage's own lexicons, by nearest class in word-vector space
(``training/learn_modes.py``). A quote with no cue word (quotation marks alone, a colon line, a
transcript turn, a dash byline) is a statement: its words were said.

Verbs of knowing, wanting, deciding, aiming, leaving and issuing never make a statement; the verbs that
attribute nothing at all ("exited the car", "knows the airline", "decided the case") are dropped before
they become quotes (:func:`not_attribution`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.model import QuoteMode as Mode
from wiresift.nlp import doccache
from wiresift.nlp.entities.lexicon import words
from wiresift.nlp.quotes.doers import inanimate_doer
from wiresift.nlp.quotes.mode_table import LEARNED_MODES

if TYPE_CHECKING:
    from spacy.tokens import Token

MODES: tuple[Mode, ...] = ("statement", "belief", "intention", "knowledge", "other")

#: Speaking, writing and reporting: what was said ("according to" is ``accord``, "In the poll, ..."
#: is ``in``; a finding that a poll or study "shows" is reported as said).
STATEMENT = words(
    """
    say tell add note mention warn state explain claim insist argue acknowledge admit announce reveal
    declare confirm deny stress emphasize emphasise report write tweet post retweet suggest assert
    maintain contend predict recall remark reply respond answer agree conclude complain caution observe
    point allege concede estimate indicate disclose testify vow pledge promise threaten urge ask charge
    accuse reiterate repeat underline underscore highlight signal shout yell scream chant exclaim
    interject bark boast brag retort quip recite quote comment confess muse snap describe call cite
    criticize criticise praise blame condemn denounce decry slam blast attack mock dismiss question
    reject propose recommend demand order publish release show find accord in read continue joke
    proclaim assure affirm imply add address discuss talk speak refer label dub brand characterize
    characterise portray thank applaud hail lament bemoan echo outline list tout unveil articulate
    assail rip rail rebut insult challenge advise counsel inform remind announce tell concede
    claim assertion argument suggestion warning pledge vow insistence contention prediction
    allegation demand threat assurance message statement point express rule liken defend sing
    downplay compare define sum type reference apologize identify share push voice email counter
    chide protest credit lambast deride rebuke disavow repudiate clarify elaborate detail opine beg plead
    implore allegedly reputedly purportedly
    """
)
#: Holding something true or likely.
BELIEF = words(
    """
    believe think feel doubt suspect fear worry expect consider view guess assume suppose reckon
    bet presume imagine trust wonder see seem appear deem regard belief view fear worry concern
    conclusion assessment position case convince rate speculate project envision
    """
)
#: Wanting, planning, deciding, aiming, trying.
INTENTION = words(
    """
    want plan hope intend seek aim decide wish choose attempt try refuse decline prefer like mean
    desire strive resolve opt look hop mull weigh
    """
)
#: Knowing, learning, noticing.
KNOWLEDGE = words("know realise realize learn understand notice recognize recognise remember discover forget")
#: Backing, opposing and acting on something (PolNeAR counts "X endorsed Y", "X signed the bill").
OTHER = words(
    """
    support oppose endorse back favor favour welcome approve accept embrace sign appoint ban allow
    block veto issue withdraw leave exit care balk vote campaign persuade
    """
)


def _core() -> dict[str, Mode]:
    table: dict[str, Mode] = {}
    # Later classes win a lemma listed twice: "view" and "fear" are beliefs, "consider" a belief,
    # "hope" an intention, "decline" an intention.
    classes: tuple[tuple[Mode, frozenset[str]], ...] = (
        ("statement", STATEMENT),
        ("other", OTHER),
        ("belief", BELIEF),
        ("intention", INTENTION),
        ("knowledge", KNOWLEDGE),
    )
    for mode, lemmas in classes:
        for lemma in lemmas:
            table[lemma] = mode
    table["consider"] = table["view"] = table["fear"] = "belief"
    return table


#: The hand-written core: cue lemma -> mode. It overrides the learned table.
CORE: dict[str, Mode] = _core()


def lemma_mode(lemma: str | None) -> Mode:
    """The mode of a cue lemma: the core, else the learned table, else ``other``; no cue: a statement."""
    if not lemma:
        return "statement"
    lemma = lemma.lower()
    if lemma in CORE:
        return CORE[lemma]
    learned = LEARNED_MODES.get(lemma)
    return next((m for m in MODES if m == learned), "other")


#: Speech acts that take an infinitive and stay statements: the promise, threat or request is made by
#: saying it ("vowed to resign", "urged the board to wait", "told them to leave").
SPOKEN_INFINITIVES = words(
    """
    promise vow pledge threaten swear offer ask urge tell order demand call warn advise encourage invite
    challenge remind beg implore instruct direct say claim press appeal caution
    """
)


def cue_mode(cue: Token | None, complement: Token | None = None) -> Mode:
    """The mode of a quote cued by ``cue`` whose content ``complement`` heads (None: quotation marks
    alone, a colon line: a statement).

    The standard: a statement is a speech or communication act, what someone said, wrote or
    announced. An infinitive content names the subject's own act to come, so a cue with one reports a
    plan or commitment (``intention``: "agreed to sell the unit", "moved to cut costs"), unless saying
    it is the act itself (:data:`SPOKEN_INFINITIVES`: "vowed to resign"); "agreed that …" stays a
    statement."""
    if cue is not None and named_term(cue):
        return "other"
    mode = lemma_mode(cue.lemma_ if cue is not None else None)
    if cue is None or complement is None or complement.dep_ != "xcomp":
        return mode
    lemma = cue.lemma_.lower()
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in complement.children)
    if mode == "statement" and infinitive and lemma not in SPOKEN_INFINITIVES:
        return "intention"
    return mode


#: Verbs that attribute nothing: leaving, exiting and entering are acts ("she exited her vehicle").
#: Issuing is kept as ``other``: PolNeAR counts "issued a statement calling …" as an attribution.
ACTS = words("leave exit enter quit")
#: Cue lemmas whose content must be a clause: "knew that …" attributes, "knew the airline" does not.
CLAUSE_ONLY = words("know decide understand learn realize realise")


def content_head(cue: Token, start: int, end: int) -> Token | None:
    """The child of ``cue`` (or of its preposition) that heads the content ``[start, end)``."""
    for c in cue.children:
        if c.dep_ == "prep":
            c = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), c)
        if start <= c.idx < end:
            return c
    return None


#: Verbs that refuse what their open complement names ("declined to comment", "refused to say").
REFUSALS = words("decline refuse")
#: Words that open an indirect question: a negated cue before one withholds it ("did not say when …").
QUESTION_WORDS = words("when whether how what why if where who which")
#: Negations as the parse may attach them: a curly "n’t" is often not tagged ``neg`` ("didn’t say when").
NEGATIONS = frozenset({"not", "n't", "n’t", "never"})


def negated(verb: Token) -> bool:
    """Whether ``verb`` is negated, also where the parse hung a curly "n’t" on its auxiliary
    ("didn’t say")."""
    cache = doccache.of(verb.doc)  # read from the arrays: no Token made
    deps, lowers = cache.deps, cache.lowers
    for c in cache.children(verb.i):
        if deps[c] == "neg" or lowers[c] in NEGATIONS:
            return True
        if deps[c] in ("aux", "auxpass") and any(lowers[g] in NEGATIONS for g in cache.children(c)):
            return True
    return False


def withheld(cue: Token, complement: Token | None) -> bool:
    """Whether ``cue`` refuses or withholds speech instead of reporting it: a refusal whose complement is
    a statement ("declined to comment on the audit") or a cue it governs ("refused to say whether …"), a negated cue before an indirect question
    ("did not say when the tram line reopens", "did not estimate how many came"), or a negated passive
    complement ("asked not to be named"). None of them attributes any content."""
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in REFUSALS:
        return True  # "refused to say whether …"
    if complement is None:
        return False
    if cue.lemma_.lower() in REFUSALS and complement.dep_ == "xcomp":
        return lemma_mode(complement.lemma_) == "statement"
    if negated(cue) and complement.left_edge.lower_ in QUESTION_WORDS:
        return True
    deps = {c.dep_ for c in complement.children}
    return complement.dep_ == "xcomp" and "neg" in deps and "auxpass" in deps


#: Perception verbs: "saw the frustration on his face" reports what was seen, not a view; with a clause
#: ("saw that …") or an "as" complement ("sees the plan as a trap") they report a belief.
#: With an amount in the object they forecast ("the retailer sees sales growth of 2 percent").
PERCEPTION = words("see observe notice watch witness spot")
#: Entity types of amounts, and the nouns counting them: "the index added 20 points", "the bar charges
#: $5" attribute nothing ("said 15,000 people came" is a misparsed clause: people are no amount).
QUANTITY_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
#: Verbs whose amount object is a change or a price, not a view: "added 20 points", "charges $5".
#: Forecasting verbs keep theirs ("analysts expected $2.50 a share").
AMOUNT_VERBS = words("add gain lose shed charge cost pay raise cut post")
UNITS = words("point percent cent dollar euro pound yen rupee per cent basis")


def quantity(complement: Token) -> bool:
    """Whether a nominal content is a number or an amount ("added 20 points", "charges $5")."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in complement.children):
        return False  # "rated 22% of the claims as true": a share of something named
    if complement.pos_ == "NUM" or complement.ent_type_ in QUANTITY_ENTS:
        return True
    return complement.lemma_.lower() in UNITS and any(c.dep_ == "nummod" for c in complement.children)


#: Verbs that name a thing: as a participle after a noun ("a poem called “Night Ferry”", "a show
#: dubbed “Ask the Doctor”") they give its title, not anyone's words.
NAMING = words("call name dub title entitle label brand")
#: Passives that name like :data:`NAMING` after a free relative "what" ("what is known as …").
KNOWN_AS = words("know term")


def naming(cue: Token) -> bool:
    """Whether ``cue`` is a naming participle hung on a noun with no agent or subject ("a set called
    “X”"; not "which the chief executive called “X”")."""
    lemma = cue.lemma_.lower()
    if lemma not in NAMING or cue.tag_ not in ("VBN", "VBD") or cue.dep_ != "acl":
        return False
    if cue.i > 0 and cue.doc[cue.i - 1].is_punct:
        return False  # "the chief executive, Tom Rook, called it “…”": a verb the parse hung on a name
    return not any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in cue.children)


def named_term(cue: Token) -> bool:
    """Whether ``cue`` is a passive naming verb whose subject is a free relative "what" and that has
    no agent ("was treated for what's called “harbour cough”", "bought what are called “green
    bonds”"): the quoted words are a term no one in the text says. PolNeAR counts such a term as an
    attribution with no source, so it stays a quote, with mode ``other`` and no speaker; a judging
    verb is no naming ("in what has been condemned as a “tax grab”" stays a statement)."""
    lemma = cue.lemma_.lower()
    if (lemma not in NAMING and lemma not in KNOWN_AS) or cue.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in cue.children):
        return False
    return any(c.dep_ == "nsubjpass" and c.lower_ == "what" for c in cue.children)


#: Verbs whose person object is who was asked, not what was said: "questioned the aide about the
#: call" reports no content (PolNeAR train leaves "reporters questioned the press secretary about …"
#: unannotated); "questioned the figures" still reports a doubt. "Asked X about Y" is annotated in
#: PolNeAR (its content is the question), so ``ask`` is not listed.
QUESTIONING = words("question interview quiz grill query interrogate")


def addressee_object(cue: Token, complement: Token) -> bool:
    """Whether ``complement`` is the person ``cue`` questions ("questioned Ms Rao about …")."""
    if cue.lemma_.lower() not in QUESTIONING or complement.dep_ != "dobj":
        return False
    return complement.ent_type_ == "PERSON" or complement.lower_ in PERSON_OBJECTS


#: Object pronouns of people.
PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you"})


def not_attribution(cue: Token, complement: Token | None) -> bool:
    """Whether a cue verb with ``complement`` (what the rules took as its content) attributes
    nothing: an act ("exited her vehicle"), a knowing or deciding verb with a plain object ("does
    not know the airline", "decided the case"), withheld speech (:func:`withheld`), a perception of
    a thing ("could see the anger on his face"; not "sees the plan as a trap"), an amount ("the index
    added 20 points") or a nominal content whose doer is a thing (:func:`~wiresift.nlp.quotes.doers.
    inanimate_doer`: "lines of evidence point to a leak"; a poll or report still reports). A hypothetical
    stance ("the council would prefer to …") is still an attribution for PolNeAR (17 of 22 on dev):
    it keeps its non-statement mode."""
    lemma = cue.lemma_.lower()
    if lemma in ACTS or withheld(cue, complement):
        return True
    if complement is not None and lemma_mode(lemma) != "statement" and inanimate_doer(cue):
        return True  # "a fare rule that has riders paying twice", "the ropes require a pull"
    if complement is None or complement.dep_ not in ("dobj", "pobj"):
        return False
    if lemma in CLAUSE_ONLY:
        return True
    if lemma in PERCEPTION and not any(
        t.lower_ == "as" or t.ent_type_ in QUANTITY_ENTS for t in (*cue.children, *complement.subtree)
    ):
        return True
    if lemma in AMOUNT_VERBS and quantity(complement):
        return True
    return addressee_object(cue, complement) or inanimate_doer(cue)
