"""The organisations behind a nominal speaker mention: "the company wrote", "the paper reported",
"the police department told residents", "the poll found", "it said" (:mod:`nominals` picks which
helper a mention needs).

:func:`wiresift.nlp.entities.coref.resolve` links names, pronouns and office titles; these helpers
cover what it leaves: an organisation or outlet nominal goes to the organisation named before it
whose name holds the head word ("the department" -> "Bree Police Department") or whose name looks
like the kind the head says ("the paper" -> "The Bree Gazette"), else to the one organisation named
in the last paragraphs; a poll, survey or study goes to its sponsor ("an Acme Research poll",
"a poll by Acme"); a document ("the statement read") to whoever issued it. Each answer comes with the way it was found, a feature of the
speaker confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import words
from wiresift.nlp.entities.organisations import MEMBER_ROLES, speaker_position
from wiresift.nlp.entities.salience import main_subject, quoted
from wiresift.nlp.quotes.cues import CUE_VERBS
from wiresift.nlp.quotes.org_salience import named_lately, token_from, topic_org

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wiresift.nlp.entities.index import EntityIndex

#: Heads of a nominal that speaks for an organisation.
ORG_HEADS = words(
    """
    company firm corporation business retailer airline carrier bank lender insurer automaker maker
    manufacturer group agency department ministry office police force paper newspaper outlet magazine
    network channel broadcaster station site website publication journal tabloid daily campaign
    committee party council court university institute hospital school organisation organization
    association union team club league government administration authority board commission
    service bureau center centre foundation charity fund regulator watchdog utility startup
    coalition alliance federation
    brokerage developer operator provider publisher chain giant conglomerate producer supplier
    """
)
#: Heads of a poll-like source whose findings are its sponsor's.
POLL_HEADS = words("poll survey study report analysis")
#: Heads of a document that speaks for whoever issued it ("the statement read", "the letter said").
DOCUMENT_HEADS = words("statement letter release email e-mail memo tweet filing complaint")
#: Documents and findings whose words are their issuer's.
ISSUED_HEADS = POLL_HEADS | DOCUMENT_HEADS
#: Words in an organisation's name that show what kind of body it is, per nominal head.
KIND_WORDS: dict[str, frozenset[str]] = {
    "paper": words("times post journal tribune herald gazette news chronicle telegraph guardian daily"),
    "newspaper": words("times post journal tribune herald gazette news chronicle telegraph guardian daily"),
    "outlet": words("times post journal news tribune herald gazette network tv radio media"),
    "network": words("news network tv television broadcasting nbc cbs abc cnn fox msnbc bbc"),
    "channel": words("news network tv television channel"),
    "broadcaster": words("news network tv television broadcasting radio"),
    "magazine": words("magazine times week weekly review"),
    "police": words("police sheriff constabulary"),
    "force": words("police sheriff force"),
    "court": words("court tribunal"),
    "airline": words("airlines airways air"),
    "carrier": words("airlines airways air wireless mobile telecom"),
    "retailer": words("stores store shops mart market goods"),
    "bank": words("bank"),
    "university": words("university college"),
    "hospital": words("hospital clinic medical health"),
    "government": words("government administration ministry"),
}
#: Heads for which the single organisation of the last paragraphs is a fair guess ("the company").
GENERIC_HEADS = words("company firm corporation business group organisation organization startup")
#: Heads that name a business: a public body ("the Bree Attorney General", "the Ministry") is none.
BUSINESS_HEADS = words(
    """
    company firm corporation business startup retailer airline carrier bank lender insurer automaker
    utility
    maker manufacturer brokerage developer operator provider publisher chain giant conglomerate
    producer supplier
    """
)
#: Heads that name a public body: "the agency" after "Bree Transit (BTA)" or an acronym that holds no
#: kind word ("NASA", "CBP") is that body, found like "the company" is, but never a business.
PUBLIC_HEADS = words(
    """
    agency department ministry office bureau authority administration commission regulator watchdog
    government service
    """
)
#: Heads that name a body of members: "the union", "the coalition" (never a business).
MEMBER_HEADS = words("union coalition association alliance federation")
#: Every head above, joined once.
_ORG_HEADS = GENERIC_HEADS | BUSINESS_HEADS | PUBLIC_HEADS | MEMBER_HEADS
#: Words in a name that make it a business: "the agency" is no "Acme Inc.".
BUSINESS_WORDS = words("inc inc. corp corp. co co. llc ltd plc gmbh company corporation holdings")
#: Words in a name that make it a public body, not a business.
PUBLIC_WORDS = words(
    """
    attorney general department ministry office police court government agency state city county
    congress senate house council commission committee parliament administration bureau army
    military navy university school hospital
    """
)
#: Sentences back an organisation nominal looks for an organisation as main subject.
SUBJECT_SENTENCES = 3
#: ...and at most this many when sentences about the same nominal ("the group") lie between.
CHAIN_SENTENCES = 8
#: How far back (chars) an organisation nominal looks for its organisation: about three paragraphs.
ORG_LOOKBACK = 1200
#: How far back a person nominal looks for the person its titles name.
PERSON_LOOKBACK = 3000
_WORDS = re.compile(r"[^\W_]+\.?")
ORG_TYPES = ("ORG",)
#: Entities an "it" that speaks may stand for: an organisation or a country, state or city ("Iraq
#: rejected the plan. It said …"); a nationality ("Norwegian") names people, never an "it".
SPEAKING_BODY_TYPES = ("ORG", "GPE")


def name_words(name: str) -> set[str]:
    return {w.lower().rstrip(".") for w in _WORDS.findall(name)}


def definite(mention: str) -> bool:
    """ "the company", "the Ohio paper", "the company's CEO" is not ours to resolve (its head is CEO)."""
    first = mention.split(maxsplit=1)[0].lower() if mention.strip() else ""
    return first in ("the", "this", "that")


def org_source(
    index: EntityIndex, pos: int, head: str, prev_speaker: str | None = None
) -> tuple[str | None, str]:
    """The organisation an org nominal at ``pos`` stands for (see the module docstring); among
    several, a business nominal ("the company", "the brokerage") is the previous quote's speaker
    ("…,” said Acme Capital. Growth may slow, the brokerage said"), else the organisation that was
    the main subject of a sentence right before."""
    seen = orgs_before(index, pos)
    if not seen:
        return None, ""
    named = [eid for eid in seen if head in name_words(index.entities[eid].name)]
    if named:
        return named[0], "org_name"
    kind = KIND_WORDS.get(head)
    if kind:
        kinded = [eid for eid in seen if name_words(index.entities[eid].name) & kind]
        if kinded:
            return kinded[0], "org_kind"
        if head in OUTLET_HEADS:
            # "the Bree Sentinel reported …. The newspaper said": a masthead holds no kind word,
            # but the organisation that was itself a source before is the outlet
            reporting = [eid for eid in seen if _was_source(index, eid, pos)]
            if reporting:
                return reporting[0], "org_kind"
        return None, ""
    if head in BUSINESS_HEADS:
        seen = [eid for eid in seen if not name_words(index.entities[eid].name) & PUBLIC_WORDS]
    elif head in PUBLIC_HEADS or head in MEMBER_HEADS:
        seen = [eid for eid in seen if not _named_business(index, eid)]
        if head in PUBLIC_HEADS:
            # a body named like one ("Bree Transit Authority", "BTA") before a programme or a
            # product the text also names as an organisation ("the Orion Program")
            seen = [eid for eid in seen if _public_name(index, eid)] or seen
    if head not in _ORG_HEADS or not seen:
        return None, ""
    return salient_org(index, pos, seen, prev_speaker, head)


#: Nominal heads of an outlet: its organisation is one the text cites as a source.
OUTLET_HEADS = words("paper newspaper outlet magazine broadcaster")


def _was_source(index: EntityIndex, eid: str, pos: int) -> bool:
    """Whether the organisation ``eid`` stands where a source is named (it reports, "according to"
    it, "a report in" it: :func:`speaker_position`) in a mention before ``pos``."""
    sdoc = index.sdoc
    if sdoc is None:
        return False
    for start, end in index.entities[eid].mentions:
        if start >= pos:
            break
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and speaker_position(sdoc, span.root, span.start):
            return True
    return False


def orgs_before(
    index: EntityIndex, pos: int, lookback: int = ORG_LOOKBACK, types: tuple[str, ...] = ORG_TYPES
) -> list[str]:
    """The organisations (entities of ``types``) named in the ``lookback`` characters before ``pos``,
    the last first."""
    return orgs_named(index, pos - lookback, pos, types, last_first=True)


def orgs_after(index: EntityIndex, pos: int, lookahead: int = PERSON_LOOKBACK) -> list[str]:
    """The organisations named from ``pos`` to ``lookahead`` characters after it, the first first."""
    return orgs_named(index, pos, pos + lookahead + 1, ORG_TYPES)


def orgs_named(
    index: EntityIndex, lo: int, hi: int, types: tuple[str, ...], last_first: bool = False
) -> list[str]:
    """The entities of ``types`` with a mention starting at or after ``lo`` and before ``hi``, each once,
    in text order or (``last_first``) the last first."""
    mentions = index.mentions[
        bisect_left(index.mentions, (lo, 0, "")) : bisect_left(index.mentions, (hi, 0, ""))
    ]
    seen: list[str] = []
    for _start, _end, eid in reversed(mentions) if last_first else mentions:
        if index.entities[eid].type in types and eid not in seen:
            seen.append(eid)
    return seen


def neuter_source(index: EntityIndex, pos: int) -> tuple[str | None, str]:
    """The organisation an "it" that speaks at ``pos`` stands for ("Acme cut 200 jobs. It said …"):
    a thing does not speak, so among the organisations and places (a country speaks for its
    government: "Iraq rejected the plan. It said …") named before, found like "the company" is."""
    seen = orgs_before(index, pos, types=SPEAKING_BODY_TYPES)
    if not seen:
        return None, ""
    # Only the organisation the text is speaking of right then: a sentence that opens on "It"
    # continues the subject of the sentence just before. Inside a sentence ("when the rash spreads,
    # it is called …", "which it fears") "it" is as likely a thing or a name the tagger mistyped
    # ORG; on fresh news pages following the previous quote's organisation there gave 2 wrong
    # speakers in 3, so such an "it" is no one's.
    subject = None
    if _opens_sentence(index, pos):
        subject = subject_org(index, pos, seen, sentences=1, singular=True) or _document_subject(index, pos)
    elif _main_subject_at(index, pos):
        # "In a statement released Monday, it said …", "Though Acme has said …, it has also …": the
        # subject of the sentence's main clause is the organisation its earlier clause or the
        # sentence before made the subject
        subject = _clausesubject_org(index, pos, seen) or subject_org(
            index, pos, seen, sentences=1, singular=True
        )
    else:
        subject = _reporter_org(index, pos, seen)
    return (subject, "org_single") if subject is not None else (None, "")


def _document_subject(index: EntityIndex, pos: int) -> str | None:
    """The issuer of the document the sentence before ``pos`` made its subject ("…, the statement
    said. It did not name …"): the "it" is the document or its issuer, whose words both are."""
    sdoc = index.sdoc
    tok = token_from(sdoc, pos) if sdoc is not None else None
    if tok is None or tok.sent.start == 0:
        return None
    subject = main_subject(tok.doc[tok.sent.start - 1].sent)
    if subject is None or subject.tag_ != "NN" or subject.lemma_.lower() not in ISSUED_HEADS:
        return None
    issuer = document_issuer(index, subject.idx, subject.lemma_.lower())
    entity = index.get(issuer)
    return issuer if entity is not None and entity.type in SPEAKING_BODY_TYPES else None


def _reporter_org(index: EntityIndex, pos: int, candidates: list[str]) -> str | None:
    """The candidate organisation that reports the clause whose subject the "it" at ``pos`` is: "Acme
    said it may close two plants" (the "it" opens the reported clause of Acme's "said"). A
    thing in that place is as rare as a body that speaks of itself is common."""
    tok = _token_at(index, pos)
    if tok is None or tok.dep_ != "nsubj" or tok.head.dep_ != "ccomp":
        return None
    cue = tok.head.head
    if cue.lemma_ not in CUE_VERBS:
        return None
    reporter = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if reporter is None or plural(index, reporter):
        return None
    eid = _body_of(index, reporter)
    return eid if eid in candidates else None


def _token_at(index: EntityIndex, pos: int) -> Token | None:
    sdoc = index.sdoc
    tok = token_from(sdoc, pos) if sdoc is not None else None
    return tok if tok is not None and tok.idx == pos else None


def _main_subject_at(index: EntityIndex, pos: int) -> bool:
    """Whether the word at ``pos`` is the subject of its sentence's root verb."""
    tok = _token_at(index, pos)
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


def _clausesubject_org(index: EntityIndex, pos: int, candidates: list[str]) -> str | None:
    """The candidate organisation that reports in a clause before ``pos`` in its sentence ("Though Acme
    has said …"), the nearest first; an organisation that merely acts there ("When HP occurs …, it is
    called …": a name the tagger took for one) is not the "it"."""
    tok = _token_at(index, pos)
    if tok is None:
        return None
    for prior in reversed(tok.sent[: tok.i - tok.sent.start]):
        if prior.dep_ == "nsubj" and prior.head.lemma_ in CUE_VERBS and not plural(index, prior):
            eid = _body_of(index, prior)
            if eid in candidates:
                return eid
    return None


def _entity_of(index: EntityIndex, subject: Token) -> str | None:
    """The entity a subject noun phrase names, or the one set beside it ("The group, Acme Workers, …")."""
    sdoc = subject.doc
    span = sdoc[subject.left_edge.i : subject.i + 1]
    eid = index.at(span.start_char, span.end_char)
    entity = index.get(eid)
    if entity is not None and (entity.type not in ORG_TYPES or _owns(index, entity.id, subject)):
        # "the Chinese CDC": the head word's organisation, not the longer nationality before it;
        # "Acme's questions include …" is not about Acme (but "Acme's spokesman" speaks for it)
        eid = index.at(subject.idx, subject.idx + len(subject.text)) or (
            None if entity.type in ORG_TYPES else eid
        )
    if eid is not None:
        return eid
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            named = sdoc[child.left_edge.i : child.i + 1]
            eid = index.at(named.start_char, named.end_char)
            if eid is not None:
                return eid
    return None


def _body_of(index: EntityIndex, subject: Token) -> str | None:
    """:func:`_entity_of` for the subject an "it" goes on from: a country only when it is the
    subject's head ("Bree's mining regulator raised quotas. It said …" is the regulator, not Bree)."""
    eid = _entity_of(index, subject)
    entity = index.get(eid)
    if (
        entity is not None
        and entity.type == "GPE"
        and index.at(subject.idx, subject.idx + len(subject.text)) != eid
    ):
        return None
    return eid


def _owns(index: EntityIndex, eid: str, subject: Token) -> bool:
    """Whether ``eid`` is named in ``subject``'s phrase only as the owner of a thing ("Acme's
    questions"), not of one of its people ("Acme's spokesman")."""
    if subject.lemma_.lower() in MEMBER_ROLES:
        return False
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    return index.at(owner.idx, owner.idx + len(owner.text)) == eid


def _opens_sentence(index: EntityIndex, pos: int) -> bool:
    """Whether the word at ``pos`` is the first of its sentence."""
    sdoc = index.sdoc
    tok = token_from(sdoc, pos) if sdoc is not None else None
    return tok is not None and tok.idx == pos and tok.i == tok.sent.start


def salient_org(
    index: EntityIndex, pos: int, seen: list[str], prev_speaker: str | None, head: str = ""
) -> tuple[str | None, str]:
    """Among the candidate organisations ``seen`` before ``pos``: the subject of a sentence right
    before, else the previous quote's speaker, else the only one, else the story's own; or none."""
    # The organisation the sentences right before are about comes first, even over a previous
    # quote's speaker: a new section ("ACME WAGON\n\nAcme is showing …") changes the subject.
    subject = _same_sentence_subject(index, pos, seen) or subject_org(index, pos, seen, head=head)
    if subject is not None:
        return subject, "org_single"  # scored like the single organisation around
    if prev_speaker in seen:
        return prev_speaker, "org_single"
    if len(seen) == 1 and named_lately(index, seen[0], pos):
        return seen[0], "org_single"
    # An organisation named only once or twice, paragraphs back, is not what a bare nominal means
    # ("a sled built by Keltra Marine Ltd." three paragraphs before "the group said"): only the
    # story's own one is.
    topic = topic_org(index, seen)
    return (topic, "org_single") if topic is not None else (None, "")


def _same_sentence_subject(index: EntityIndex, pos: int, candidates: list[str]) -> str | None:
    """The candidate organisation that is the subject of a clause earlier in the sentence of ``pos``,
    the nearest first: "Acme laid off 60 workers (the company would not say how many) …"."""
    tok = _token_at(index, pos)
    if tok is None:
        return None
    for prior in reversed(tok.sent[: tok.i - tok.sent.start]):
        if prior.dep_ in ("nsubj", "nsubjpass"):
            eid = _entity_of(index, prior)
            if eid in candidates:
                return eid
    return None


def _public_name(index: EntityIndex, eid: str) -> bool:
    """Whether ``eid``'s name reads as a public body: a word such as "department" or "commission"
    in it, or the name is an acronym ("BTA")."""
    name = index.entities[eid].name
    letters = [c for c in name if c.isalpha()]
    return bool(name_words(name) & PUBLIC_WORDS) or (len(letters) >= 2 and all(c.isupper() for c in letters))


def _named_business(index: EntityIndex, eid: str) -> bool:
    """Whether any name of ``eid`` says it is a business ("Acme Inc.", "Acme Holdings")."""
    entity = index.entities[eid]
    return any(name_words(n) & BUSINESS_WORDS for n in (entity.name, *entity.aliases))


def plural(index: EntityIndex, subject: Token) -> bool:
    """Whether a subject is plural, so no "it" goes on from it: coordinated ("Bree and Ostland
    signed …", also where the parse hung the "and" on a modifier: two names joined) or a plural
    common noun. (A plural proper noun may name one body: "the United States", "Acme Industries";
    so may an "and" inside one name.)"""
    if subject.tag_ == "NNS" or any(c.dep_ == "conj" for c in subject.children):
        return True
    head_entity = index.at(subject.idx, subject.idx + len(subject.text))
    sdoc = subject.doc
    return any(
        t.dep_ == "cc" and t.i > 0 and index.at(sdoc[t.i - 1].idx, t.idx) not in (None, head_entity)
        for t in subject.subtree
        if t.i < subject.i
    )


def subject_org(
    index: EntityIndex,
    pos: int,
    candidates: list[str],
    sentences: int = SUBJECT_SENTENCES,
    head: str = "",
    singular: bool = False,
) -> str | None:
    """The candidate organisation that is the main subject of one of the sentences right before
    ``pos`` ("Acme is showing a new wagon. The automaker says …"), the nearest first. A sentence whose
    subject is the nominal's own head again ("The group said …. The group added …") carries the
    search one sentence further back, up to :data:`CHAIN_SENTENCES`. With ``singular`` (for an "it") a
    plural subject (:func:`plural`) is no one's."""
    sdoc = index.sdoc
    if sdoc is None:
        return None
    tok = token_from(sdoc, pos)
    if tok is None:
        return None
    sent = tok.sent
    left = sentences
    for _ in range(CHAIN_SENTENCES):
        if sent.start == 0 or left <= 0:
            return None
        left -= 1
        sent = sdoc[sent.start - 1].sent
        root = sent.root
        # (a noun root: the parse made the verb a modifier, "The group, Acme Workers, formed …")
        named_root = root.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "appos" for c in root.children)
        subject = main_subject(sent) or (root if named_root else None)
        if subject is None:
            continue
        if singular and plural(index, subject):
            return None
        eid = _body_of(index, subject) if singular else _entity_of(index, subject)
        if eid in candidates:
            return eid
        if eid is None and head and subject.lower_ == head and definite(sdoc[subject.left_edge.i].text):
            left += 1  # the same nominal again: its organisation is further back
    return None


#: Tokens between a sponsor's name and the poll word ("Acme/Bree poll", "Acme News-Bree poll").
_SPONSOR_GAP = re.compile(r"[\s/–—-]*(?:[A-Z][\w&.'’-]*[\s/–—-]+){0,3}$")
_SPONSOR_AFTER = re.compile(
    r"\s+(?:(?:conducted|commissioned|released|published|sponsored)\s+)?(?:by|from|for)\s+"
)


def poll_sponsor(index: EntityIndex, pos: int, head: str, text: str) -> str | None:
    """The organisation of the last named ``head`` ("poll") before ``pos``: the ORG right before the
    word ("a new Acme Research poll") or after "by"/"from"/"conducted by" ("a poll by Acme")."""
    lo = max(0, pos - PERSON_LOOKBACK)
    for m in reversed(list(re.finditer(rf"\b{head}s?\b", text[lo:pos], re.IGNORECASE))):
        at = lo + m.start()
        before = _last_org_ending(index, at, text)
        if before is not None:
            return before
        after = _first_org_after(index, lo + m.end(), text)
        if after is not None:
            return after
    return None


def _last_org_ending(index: EntityIndex, at: int, text: str) -> str | None:
    found = index.last_mention_before(at, ORG_TYPES, floor=at - 80)
    if found is None:
        return None
    _start, end, eid = found
    return eid if _SPONSOR_GAP.fullmatch(text[end:at]) else None


def _first_org_after(index: EntityIndex, at: int, text: str) -> str | None:
    m = _SPONSOR_AFTER.match(text, at, at + 40)
    if m is None:
        return None
    eid = index.at(at + m.end(), at + m.end() + 1)
    entity = index.get(eid)
    return eid if entity is not None and entity.type in ORG_TYPES else None


#: How many heads up from a document noun its issuing verb may be ("said in a statement": 2).
ISSUER_CLIMB = 3


def document_issuer(index: EntityIndex, pos: int, head: str) -> str | None:
    """Who issued the document a nominal at ``pos`` ("the statement") stands for: at the last mention
    of a ``head`` before it, the "by"/"from" name ("a statement from Acme") or the subject of the verb
    it hangs on ("Acme said in a statement", "The company issued a letter", that company found like
    "the company" is); None when that subject is no person or organisation the text names."""
    sdoc = index.sdoc
    here = token_from(sdoc, pos) if sdoc is not None else None
    if sdoc is None or here is None:
        return None
    for tok in reversed(sdoc[: here.i]):
        if tok.idx < pos - PERSON_LOOKBACK:
            return None
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != head:
            continue
        if tok.i in quoted(tok.sent):
            continue  # its own words ("we saw her statements")
        is_subject = tok.dep_ in ("nsubj", "nsubjpass")
        # (a subject's author only by name: "the staff association" there is no organisation found
        # like "the company" is)
        issuer = _named_issuer if is_subject else _issuer
        for prep in tok.children:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.lower_ in ("by", "from") and obj is not None and (eid := issuer(index, obj)):
                return eid  # "a letter from Acme said …": also as the subject
            if prep.dep_ == "poss" and (eid := issuer(index, prep)):
                return eid  # "Acme's report said …"
        if is_subject:
            continue  # (a subject: the document speaking again, "the statement continued")
        verb = tok
        for _ in range(ISSUER_CLIMB):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.lemma_.lower() in READING_VERBS:
            return None  # "Lee cited a report": someone else's document
        if head in POLL_HEADS and verb.lemma_.lower() not in ISSUING_VERBS:
            return None  # "Lee leads in the poll": a finding's subject is no author of it
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return _issuer(index, subject) if subject is not None else None
    return None


#: Verbs whose subject issues a poll, a report or a study it names ("Acme said in a report", "Acme
#: released a survey", "the party warned in its report").
ISSUING_VERBS = words(
    "say release publish issue conduct commission find show report present unveil produce prepare"
    " warn write state conclude note estimate announce"
)
#: Verbs whose subject reads, cites or answers a document rather than issuing it.
READING_VERBS = words(
    "cite read see obtain receive review quote examine study dispute reject criticize criticise question"
    " challenge dismiss welcome leak"
)


def _named_issuer(index: EntityIndex, tok: Token) -> str | None:
    """The person or organisation ``tok`` names itself."""
    entity = index.get(_entity_of(index, tok))
    return entity.id if entity is not None and entity.type in ("PERSON", *ORG_TYPES) else None


def _issuer(index: EntityIndex, tok: Token) -> str | None:
    """The person or organisation ``tok`` names, or the organisation an org nominal there stands for."""
    entity = index.get(_entity_of(index, tok))
    if entity is not None:
        return entity.id if entity.type in ("PERSON", *ORG_TYPES) else None
    if tok.pos_ == "NOUN" and tok.lower_ in ORG_HEADS and definite(tok.doc[tok.left_edge.i].text):
        return org_source(index, tok.idx, tok.lower_)[0]
    return None
