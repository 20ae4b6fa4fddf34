"""Roles the parse gives a person beyond the words next to the name.

A copula ("Lopez is the mayor of Springfield"), a naming verb ("Ortiz was appointed finance
minister"), an "as" phrase ("Ann Lee serves as the bank's chief economist", "As a nurse, Ann Lee
…", "the club hired Ann Lee as its coach"), a relative clause ("Ann Lee, who heads the fire
service,") and a role before the name with a comma ("the company's chief executive, Tom Reed,").
The words around the name (pre-modifiers and appositions) are read by
:mod:`wiresift.nlp.entities.titles`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import FUNCTION_WORDS, TITLE_MODIFIERS, role_noun
from wiresift.nlp.entities.titles import (
    APPOSITIVE_STOPS,
    ARTICLES,
    LEADS,
    MAX_APPOSITIVE_TOKENS,
    MAX_PREMODIFIER_TOKENS,
    is_title_word,
    line_start,
    modifier_participle,
    trim_role,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Verbs that give their subject a role: "X is / became / remains the mayor".
COPULAS = frozenset({"be", "become", "remain"})
#: Verbs that name their object to a role: "X was appointed finance minister".
NAMING_VERBS = frozenset({"appoint", "name", "elect", "nominate", "make", "promote", "choose"})


def _role_span(sdoc: Doc, head: Token, stop: int | None = None, any_noun: bool = False) -> Span | None:
    """The noun phrase headed by ``head`` (a role word or a phrase around one, or with ``any_noun``
    any singular common noun), without the article, relative clauses or anything past ``stop``;
    None when it names no role."""
    # "X is a winner" classifies X; "X is the center of …" identifies: an agent noun known only by its
    # ending needs the indefinite article
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    noun = (
        (any_noun or role_noun(head.lower_, by_ending=indefinite))
        and head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and not head.ent_type_
    )
    if not (noun or is_title_word(head) or any(is_title_word(t) for t in head.lefts)):
        return None
    start = head.left_edge.i
    end = head.right_edge.i + 1 if stop is None else min(stop, head.right_edge.i + 1)
    # "founder and former CEO", "chair, CEO and treasurer": a role coordinated with another stays
    joined = max((c.i for c in head.rights if c.dep_ == "conj" and _coordinated_role(c)), default=-1)
    for child in head.rights:
        if child.dep_ in ("punct", "cc", "conj") and child.i <= joined:
            continue
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos"):
            end = min(end, child.left_edge.i)
    while start < end and (sdoc[start].lower_ in LEADS or sdoc[start].is_punct):
        start += 1
    while end > start and (sdoc[end - 1].is_punct or sdoc[end - 1].lower_ in FUNCTION_WORDS):
        end -= 1
    if start >= end or end - start > MAX_APPOSITIVE_TOKENS or not start <= head.i < end:
        return None
    if any(
        "\n" in t.text or (t.pos_ in ("VERB", "AUX") and not modifier_participle(t)) for t in sdoc[start:end]
    ):
        return None
    return sdoc[start:end]


def _coordinated_role(token: Token) -> bool:
    """A conjunct that names a role too ("former CEO" of "founder and former CEO"), not a person."""
    if token.ent_type_ in ("PERSON", "ORG", "GPE") and not is_title_word(token):
        return False
    return is_title_word(token) or (token.pos_ == "NOUN" and token.tag_ == "NN" and role_noun(token.lower_))


#: Verbs whose "as" phrase gives their subject a role: "X serves as the bank's chief economist".
AS_VERBS = frozenset({"serve", "work", "act", "remain", "join", "return", "continue"})


def _as_roles(sdoc: Doc, verb: Token) -> list[Span]:
    """The role in "serves / works / joined as the head of …" of ``verb``."""
    if verb.lemma_ not in AS_VERBS:
        return []
    out = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    span = _role_span(sdoc, obj, any_noun=True)
                    if span is not None:
                        out.append(span)
    return out


def _fronted_as_roles(sdoc: Doc, verb: Token, subject: Token) -> list[Span]:
    """The role in "As a lung biologist at Leeds, Ann Lee studied …": an "as" phrase of the verb
    before its subject, whatever the verb, headed by a role noun."""
    out = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i < subject.i:
            for obj in prep.children:
                if obj.dep_ == "pobj" and role_noun(obj.lemma_.lower()):
                    span = _role_span(sdoc, obj, stop=subject.i)
                    if span is not None:
                        out.append(span)
    return out


def _object_as_roles(sdoc: Doc, verb: Token, obj: Token) -> list[Span]:
    """The role in "the club hired Ann Lee as its new coach": an "as" phrase after the object,
    headed by a role noun or a title."""
    out = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > obj.i:
            for head in prep.children:
                if head.dep_ == "pobj" and (role_noun(head.lemma_.lower()) or is_title_word(head)):
                    span = _role_span(sdoc, head, any_noun=True)
                    if span is not None and not any(t.is_quote for t in span):  # 'as his "brother"'
                        out.append(span)
    return out


#: Verbs whose object is what their subject heads or serves ("who heads / leads / represents …"),
#: with the noun that names the role when there is one: "heads the fire service" is "head of the fire
#: service" (None: the verb phrase stays as written, "runs his own lab").
ROLE_VERBS: dict[str, str | None] = {
    "head": "head",
    "lead": "leader",
    "chair": "chair",
    "direct": "director",
    "run": None,
    "manage": "manager",
    "own": "owner",
    "found": "founder",
    "co-found": "co-founder",
    "represent": None,
    "coach": "coach",
    "edit": "editor",
    "oversee": None,
    "teach": "teacher",
    "advise": "adviser",
    "command": "commander",
    "captain": "captain",
    "host": "host",
    "govern": "governor",
    "supervise": "supervisor",
}


def role_title(span: Span) -> str:
    """The title a role span reads as: a role-verb phrase becomes its agent noun ("heads the fire
    service" -> "head of the fire service", "founded Acme" -> "founder of Acme"); any other span is
    its text."""
    verb = span[0]
    noun = ROLE_VERBS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" and len(span) > 1 else None
    if noun is None:
        return span.text
    return f"{noun} of {span[1:].text}"


def _role_verb_phrase(sdoc: Doc, verb: Token) -> Span | None:
    """ "heads the League for Rural Jobs" of "who heads the League for Rural Jobs, a lobby": a
    role verb in the present or past and its object, without what follows the object."""
    if verb.lemma_.lower() not in ROLE_VERBS or verb.tag_ not in ("VBZ", "VBD", "VBP"):
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    end = obj.right_edge.i + 1
    for child in obj.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos"):
            end = min(end, child.left_edge.i)
    if obj.ent_iob_ in ("B", "I"):  # "heads the Alliance for Rural Jobs": the whole name the parser split
        while end < len(sdoc) and sdoc[end].ent_iob_ == "I":
            end += 1
    end = next((t.i for t in sdoc[verb.i : end] if t.text in APPOSITIVE_STOPS), end)
    end = trim_role(sdoc, verb.i, end)
    if (
        end <= obj.i
        or end - verb.i > MAX_APPOSITIVE_TOKENS
        or any("\n" in t.text for t in sdoc[verb.i : end])
    ):
        return None
    return sdoc[verb.i : end]


def roles(sdoc: Doc, ent: Span) -> list[Span]:
    """Roles the parse gives the person ``ent``: copulas and naming verbs whose subject it is, and a
    role phrase it stands in apposition to before it ("the firm's founder, Ana Ruiz,")."""
    if not sdoc.has_annotation("DEP"):
        return []
    root = ent.root
    out: list[Span] = []
    verb = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and verb is not root:
        for child in verb.rights:
            if (verb.lemma_ in COPULAS and child.dep_ == "attr") or (
                verb.lemma_ in NAMING_VERBS and root.dep_ == "nsubjpass" and child.dep_ == "oprd"
            ):
                span = _role_span(sdoc, child)
                if span is not None:
                    out.append(span)
        out += _as_roles(sdoc, verb)
        out += _fronted_as_roles(sdoc, verb, root)
    if root.dep_ == "dobj" and verb is not root:
        out += _object_as_roles(sdoc, verb, root)
    if root.dep_ in ("dobj", "oprd") and verb is not root and verb.lemma_ in NAMING_VERBS:
        for child in verb.rights:  # "the board named Ann Lee its new chief executive"
            if child.i >= ent.end and child.dep_ in ("oprd", "dobj", "attr"):
                span = _role_span(sdoc, child)
                if span is not None and span[0].tag_ == "PRP$" and len(span) > 1:
                    span = span[1:]  # "its new chief executive": whose it is, the naming subject says
                if span is not None:
                    out.append(span)
    for clause in root.rights:  # "Ann Lee, who is the city's housing expert,"
        if clause.dep_ == "relcl" and clause.lemma_ in COPULAS:
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            attr = next((c for c in clause.rights if c.dep_ == "attr"), None)
            if subj is not None and subj.lower_ == "who" and attr is not None:
                span = _role_span(sdoc, attr)
                if span is not None:
                    out.append(span)
        elif clause.dep_ == "relcl" and clause.lemma_ in NAMING_VERBS:  # "Ann Lee, who was named CEO,"
            if any(c.dep_ == "nsubjpass" and c.lower_ == "who" for c in clause.children):
                for attr in (c for c in clause.rights if c.dep_ == "oprd"):
                    span = _role_span(sdoc, attr)
                    if span is not None:
                        out.append(span)
        elif clause.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            out += _as_roles(sdoc, clause)  # "Ann Lee, who serves as the city's fire chief,"
            span = _role_verb_phrase(sdoc, clause)  # "Ann Lee, who heads the fire service,"
            if span is not None:
                out.append(span)
    head = root.head
    comma = _comma_before(sdoc, ent)
    if root.dep_ == "appos" and head.i < ent.start and comma is not None:
        # the noun a person's name stands in apposition to is their role ("his predecessor, Ann Lee,",
        # "her husband, the late Tom Reed,")
        span = (
            _role_span(sdoc, head, stop=comma, any_noun=True)
            if role_noun(head.lemma_.lower())
            or is_title_word(head)
            or any(t.pos_ == "PROPN" for t in head.subtree if t.i < ent.start)  # "the office of the DA"
            else None  # "after triggering this reaction, Ann Lee …": the parser's apposition, no role
        )
        # "Prince Ed, the brother of the heir, Charles,": the role is Ed's (or a name), not Charles's
        named = head.ent_type_ in ("PERSON", "ORG", "GPE") or (
            head.dep_ == "appos" and head.head.ent_type_ == "PERSON"
        )
        if span is not None and span.end <= ent.start and not named:
            out.append(span)
    if not any(span.end <= ent.start for span in out):
        span = preceding_role(sdoc, ent)
        if span is not None:
            out.append(span)
    span = affiliation(sdoc, ent)
    if span is not None:
        out.append(span)
    return out


#: Entity types of what a person named "X of …" belongs to ("of Acme Corp", "of the Labour party").
_AFFILIATIONS = frozenset({"ORG", "NORP"})


def affiliation(sdoc: Doc, ent: Span) -> Span | None:
    """The organisation or party in "Ann Lee of the Social Democratic party" or "Ann Lee of Acme
    Corp": an "of" the parser hangs on the name, then an organisation (or a party's adjective and its
    noun). A place ("Ann Lee of Leeds") is a home town, not a role."""
    k = ent.end
    if k + 1 >= len(sdoc) or sdoc[k].lower_ != "of" or not ent.start <= sdoc[k].head.i < ent.end:
        return None
    start = k + 1
    if sdoc[start].lower_ == "the" and sdoc[start].ent_type_ not in _AFFILIATIONS:
        start += 1
    if start >= len(sdoc) or sdoc[start].ent_type_ not in _AFFILIATIONS or sdoc[start].ent_iob_ != "B":
        return None
    end = start + 1
    while end < len(sdoc) and sdoc[end].ent_iob_ == "I":
        end += 1
    if sdoc[start].ent_type_ == "NORP":  # "of the Social Democratic party": the adjective's noun joins
        if end >= len(sdoc) or sdoc[end].pos_ != "NOUN" or not sdoc[end].is_lower:
            return None
        end += 1
    while start < end and sdoc[start].lower_ in ARTICLES:
        start += 1
    return sdoc[start:end] if start < end else None


def _comma_before(sdoc: Doc, ent: Span) -> int | None:
    """The comma before ``ent``, past an article and qualifiers of the name ("…, the late Ann Lee")."""
    k = ent.start - 1
    while k > 0 and (sdoc[k].lower_ in ARTICLES or sdoc[k].lower_ in TITLE_MODIFIERS) and sdoc[k].is_lower:
        k -= 1
    return k if k >= 0 and sdoc[k].text == "," else None


#: Words that open the noun phrase of a role written before a name: "*the* new coach, Ann Lee,".
_ROLE_OPENERS = ARTICLES | {"his", "her", "their", "its", "our", "my", "your"}
#: What may follow a name a role before it stands in apposition to (not "and": "the mayor, Ann and Tom").
_APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})


def preceding_role(sdoc: Doc, ent: Span) -> Span | None:
    """The role in "the newest presidential hopeful, Ann Lee," or "his aunt, Ann Lee," read from the
    surface when the parser missed the apposition: a noun phrase opened by an article or a
    possessive and headed by a role noun, a comma, then the name closed by punctuation."""
    k = ent.start - 2
    if k < 0 or sdoc[ent.start - 1].text != ",":
        return None
    if sdoc[k].text[:1].isupper() and sdoc[k].ent_type_ != "PERSON":
        return capitalised_role_before(sdoc, ent)
    if sdoc[k].ent_type_ in ("PERSON", "ORG", "GPE"):
        return None
    if ent.end < len(sdoc) and sdoc[ent.end].text not in _APPOSITION_CLOSERS:
        return None
    head = sdoc[k]
    if not (head.is_lower and head.tag_ in ("NN", "JJ") and role_noun(head.lower_, by_ending=False)):
        return None
    sent_start = head.sent.start if sdoc.has_annotation("SENT_START") else 0
    i = k
    while i > sent_start and i > k - MAX_PREMODIFIER_TOKENS:
        before = sdoc[i - 1]
        if before.lower_ in _ROLE_OPENERS or before.tag_ == "POS":
            break
        if before.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM") and not (
            before.text == "-" and not before.whitespace_
        ):
            return None
        i -= 1
    else:
        if i > sent_start:
            return None  # no article, possessive or sentence start: "Tom Reed, Ann Lee" is a list
    opener = sdoc[i - 1] if i > sent_start else None
    if opener is not None and opener.tag_ == "POS":  # "the company's chief, Ann Lee,": from "company"
        j = opener.i - 1
        while (
            j > sent_start and sdoc[j - 1].pos_ in ("PROPN", "NOUN", "ADJ") and j > k - MAX_PREMODIFIER_TOKENS
        ):
            j -= 1
        i = j
    return sdoc[i : k + 1]


#: Lower-case words inside a capitalised title: "President *of the* Senate", "*former* Speaker".
_TITLE_JOINERS = frozenset({"of", "the", "for", "and", "-"}) | TITLE_MODIFIERS


def capitalised_role_before(sdoc: Doc, ent: Span) -> Span | None:
    """A capitalised title written before the name with a comma, as many outlets do: "the Chief
    Justice of the Federation, Ann Lee, swore in …", "Party Chairman, Tom Reed opened the congress": a run
    of capitalised words (and "of", "the", "former" …) holding a title word that ends the run or is
    followed by "of". The name must close with punctuation ("After meeting the Governor, Ann Lee
    said" is no apposition) unless the title opens the sentence."""
    comma = ent.start - 1
    sent_start = sdoc[comma].sent.start if sdoc.has_annotation("SENT_START") else 0
    i = comma
    while i > sent_start and comma - i < MAX_PREMODIFIER_TOKENS:
        before = sdoc[i - 1]
        if before.ent_type_ == "PERSON" or "\n" in before.whitespace_:
            break
        if not (before.text[:1].isupper() or before.lower_ in _TITLE_JOINERS):
            break
        i -= 1
    while i < comma and sdoc[i].is_lower:
        if sdoc[i].lower_ in TITLE_MODIFIERS:
            break  # "former Speaker of the House": the qualifier stays in the title
        i += 1
    toks = list(sdoc[i:comma])
    if not toks or not toks[-1].text[:1].isupper():
        return None
    headed = any(
        is_title_word(t) and (t.i == comma - 1 or sdoc[t.i + 1].lower_ == "of") and t.text[:1].isupper()
        for t in toks
    )
    if not headed:
        return None
    # the title opens the sentence or a line (the parser may run a sentence on over a line break)
    opens = (
        i == sent_start or (i == sent_start + 1 and sdoc[sent_start].lower_ == "the") or line_start(sdoc[i])
    )
    closed = ent.end >= len(sdoc) or sdoc[ent.end].text in _APPOSITION_CLOSERS
    return sdoc[i:comma] if opens or closed else None
