"""Titles and roles around a person name: capitalised pre-modifiers and appositives.

"Chilean Finance Minister Rosa Vidal" -> "Chilean Finance Minister"; "President of Kazakhstan
Kassym-Zhomart Tokayev" -> "President of Kazakhstan" (and the name grows to "Kassym-Zhomart
Tokayev" when the parser left the first name out); "the former German chancellor Anna Weber" ->
"former German chancellor" (lower-case role words and their modifiers chain too); "Anatoly
Sidorov, the head of the CSTO Joint Staff," -> "head of the CSTO Joint Staff".

:mod:`wiresift.nlp.entities.roles` reads the parse for the rest: copulas, naming verbs, "as"
phrases and a role before the name with a comma.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import (
    FUNCTION_WORDS,
    PARTY_MEMBERS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    role_noun,
)
from wiresift.nlp.entities.persons import COURTESY_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: An appositive role longer than this is more likely a clause than a title.
MAX_APPOSITIVE_TOKENS = 16
#: Pre-modifier titles are short ("Chief of the General Staff of the Armed Forces" is 9 tokens).
MAX_PREMODIFIER_TOKENS = 10
ARTICLES = frozenset({"the", "a", "an"})
APPOSITIVE_STOPS = frozenset({",", ".", ";", ":", "(", ")", "—", "–", '"', "“", "”"})
#: Title heads and their modifiers, joined once (not on every token read).
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS


def is_title_word(token: Token) -> bool:
    low = token.lower_
    if token.pos_ == "ADJ" and token.is_lower:
        return False  # "a major exhibition", "the chief concern": an adjective, not a rank
    return (
        low in TITLE_HEADS
        or low in PARTY_MEMBERS  # "Republican Ann Lee", "Ann Lee, a Democrat from Ohio"
        or ("-" in low and any(part in TITLE_HEADS for part in low.split("-") if part))  # "ex-minister"
        or _abbreviated(token)
    )


def _abbreviated(token: Token) -> bool:
    """An abbreviated title the tokenizer split from its full stop ("Lt" "." of "Lt. Col.")."""
    doc = token.doc
    return (
        token.i + 1 < len(doc)
        and not token.whitespace_
        and doc[token.i + 1].text == "."
        and f"{token.lower_}." in TITLE_HEADS
    )


def _abbreviation_stop(token: Token) -> bool:
    """The full stop of an abbreviated title ("Col" "." in "Lt. Col. Ann Lee")."""
    return token.text == "." and token.i > 0 and _abbreviated(token.nbor(-1))


def _chain_token(token: Token) -> bool:
    text = token.text
    if text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_:
        return True
    low = token.lower_
    return (
        (
            low.rstrip(".") not in COURTESY_TITLES
            and token.is_lower
            and not token.is_stop
            and (role_noun(low) or (token.tag_ == "NNS" and role_noun(token.lemma_.lower())))
        )
        or (text[:1].isupper() and not (token.is_stop and low not in _TITLE_WORDS))  # not "When"
        or low in FUNCTION_WORDS
        or low in TITLE_MODIFIERS
        or is_title_word(token)
        or _abbreviation_stop(token)
    )


#: Agent-noun endings that adjectives share ("ascendant", "confident", "Canadian").
_ADJECTIVE_ENDINGS = ("ant", "ent", "ian")
#: Dependencies by which the parser hangs a common noun on a name as its role ("winger Ann Lee"),
#: and the words that qualify that noun ("high school math teacher", "Hungarian-born investor").
_ROLE_DEPS = frozenset({"compound", "nmod"})
_ROLE_MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def line_start(token: Token) -> bool:
    """Whether ``token`` opens a sentence or a line (where a role word is written capitalised)."""
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.nbor(-1)
    return before.is_space or "\n" in before.whitespace_


def _role_noun(token: Token, ent: Span) -> bool:
    """Whether the parser makes ``token`` (a common noun before the name) the role of ``ent``:
    "defenseman Ann Lee", "political rival Tom Reed", whatever the role word is. A role word
    opening a line is often tagged a proper noun ("Employee Ann Lee said"); a role right before
    the name may be parsed as the head the name stands in apposition to ("lost defenseman Ann
    Lee", "investigate political rival Tom Reed")."""
    if not token.is_alpha or (token.ent_type_ and not token.is_lower):
        return False  # a lower-case word spaCy put in the name ("cosplayer Ann Lee") is trimmed off: a role
    if token.lower_ in COURTESY_TITLES:
        return False  # "Mr Lee" opening a sentence: a courtesy, not a role
    if (
        token.i == ent.start - 1
        and token.is_lower
        and not token.is_stop
        and token.tag_ in ("NN", "JJ")
        and (token.dep_ in _ROLE_MOD_DEPS or (token.tag_ == "NN" and not _reduced_relative(token, ent)))
        and token.lower_ not in TITLE_HEADS  # "a major Ann Lee show": an adjective, not the rank
        # a word tagged an adjective with an adjective's ending is a role only when the lexicon
        # knows it: "the ascendant Ann Lee", "a defiant Tom Reed", "the Brazilian Ann Lee" qualify
        # the person ("Sabres defenseman Ann Lee", tagged an adjective too, stays a role)
        and role_noun(
            token.lower_, by_ending=token.tag_ == "NN" or not token.lower_.endswith(_ADJECTIVE_ENDINGS)
        )
    ):
        # "Sabres defenseman Ann Lee", the role word mis-tagged or mis-attached; "as early retiree
        # Ann Lee wrote": the parser made the role the object of "as" and the name the verb's subject
        return True
    common = token.pos_ == "NOUN"
    capitalised = token.pos_ == "PROPN" and token.text[1:].islower() and line_start(token)
    if not (common or capitalised):
        return False
    if token.dep_ in _ROLE_DEPS and ent.start <= token.head.i < ent.end:
        # not "in a state Ann Lee won": an indefinite article before a noun that names no role
        # nor "lighting Ann Lee's way": a verb's -ing form the tagger made a noun
        indefinite = token.i > 0 and token.nbor(-1).lower_ in ("a", "an")
        doubtful = indefinite or token.lower_.endswith("ing")
        return capitalised or not doubtful or role_noun(token.lemma_.lower())
    if not common or token.i != ent.start - 1 or token.tag_ not in ("NN", "NNS"):
        return False
    if token.tag_ == "NNS" and not (token.is_lower and role_noun(token.lemma_.lower())):
        return False
    if token.tag_ == "NNS" and _opens_list(ent):
        return True  # "the songwriters Ann Lee and Tom Reed": a plural role, shared by the list
    root = ent.root
    return root.dep_ in ("appos", "npadvmod") and root.head.i in (token.i, token.head.i)


def _opens_list(ent: Span) -> bool:
    """Whether another person's name follows ``ent`` after "and", "or" or a comma ("Ann Lee and Tom Reed")."""
    doc = ent.doc
    k = ent.end
    return (
        k + 1 < len(doc)
        and doc[k].lower_ in (",", "and", "or", "&")
        and doc[k + 1].ent_type_ == "PERSON"
        and doc[k + 1].ent_iob_ == "B"
    )


def _reduced_relative(token: Token, ent: Span) -> bool:
    """Whether ``ent`` is the subject of a clause that qualifies ``token`` ("the driver Ann Lee hit")."""
    root = ent.root
    return root.dep_.startswith("nsubj") and root.head.dep_ == "relcl" and root.head.head.i == token.i


def _attached(token: Token, chain: set[int]) -> bool:
    """A modifier of a role noun already in the chain ("math" of "math teacher", "founding" of
    "founding member")."""
    if token.head.i not in chain:
        return False
    return (token.dep_ in _ROLE_MOD_DEPS and token.pos_ in ("NOUN", "ADJ", "PROPN")) or modifier_participle(
        token
    )


def _possessive_owner(token: Token, in_ent: dict[int, str], chain: set[int], ent: Span) -> bool:
    """The "'s" of a capitalised owner that is no person before a role already in the chain: "the
    Herald's chief reporter Ann Lee", "Ohio's top lawyer Ann Lee" (not "Tom Reed's lawyer Ann Lee",
    whose role is told relative to another person)."""
    if token.tag_ != "POS" or token.i == 0:
        return False
    owner = token.nbor(-1)
    if not owner.text[:1].isupper() or in_ent.get(owner.i) == "PERSON":
        return False
    return any(is_title_word(token.doc[k]) or _role_noun(token.doc[k], ent) for k in chain if k < ent.start)


def _after_hyphen(token: Token) -> bool:
    """The second half of a hyphenated word whose first half is not in the title ("-elected")."""
    return token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_


#: Parts of speech of a capitalised sentence opener that cannot start a title ("Like", "As", "When").
_NO_TITLE_OPENERS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV", "PRON", "DET", "AUX", "VERB", "PART", "INTJ"})


def premodifier(sdoc: Doc, ent: Span, in_ent: dict[int, str]) -> tuple[Span | None, int]:
    """The title before ``ent`` and the token where the name really starts (may move left)."""
    i = ent.start - 1
    sent_start = ent.sent.start if sdoc.has_annotation("SENT_START") else 0
    if sent_start >= 2 and _abbreviation_stop(sdoc[sent_start - 1]):
        sent_start = sdoc[sent_start - 1].sent.start  # "Cmdr. Ann Lee": the parser ended a sentence at "."
    parsed = sdoc.has_annotation("DEP")
    chain = set(range(ent.start, ent.end))
    while i >= sent_start and ent.start - i <= MAX_PREMODIFIER_TOKENS and in_ent.get(i) != "PERSON":
        tok = sdoc[i]
        if tok.is_punct and tok.text != "-" and not _abbreviation_stop(tok):
            break
        if "\n" in tok.whitespace_ or tok.is_space:
            break
        if line_start(tok) and tok.pos_ in _NO_TITLE_OPENERS and tok.lower_ not in _TITLE_WORDS:
            break  # "Like Instagram head Ann Lee, …": a capitalised preposition opening the sentence
        if _possessive_owner(tok, in_ent, chain, ent):
            chain.add(i)  # "the Herald's chief reporter Ann Lee": the title carries its owner
            i -= 1
            continue
        if not (_chain_token(tok) or (parsed and (_role_noun(tok, ent) or _attached(tok, chain)))):
            break
        chain.add(i)
        i -= 1
    start = i + 1
    while start < ent.start and sdoc[start].lower_ in FUNCTION_WORDS:
        start += 1
    if start >= 2 and sdoc[start - 1].lower_ in ("a", "an") and sdoc[start - 2].text == ",":
        return None, ent.start  # "Tom Reed, a wealthy hotelier Ann Lee tapped": the role is Reed's
    toks = list(sdoc[start : ent.start])
    heads = [k for k, t in enumerate(toks) if is_title_word(t) or (parsed and _role_noun(t, ent))]
    if not heads:
        return None, ent.start
    # "Polaroids of actor Ann Lee": what comes before the first role word and an "of" is not the title
    cut = max((k for k in range(heads[0]) if toks[k].lower_ in FUNCTION_WORDS), default=-1)
    if cut >= 0:
        toks, heads = toks[cut + 1 :], [k - cut - 1 for k in heads]
    # Bare proper nouns after the last role word or entity are the person's first names.
    name_start = ent.start
    k = len(toks)
    while (
        k > heads[-1] + 1
        and toks[k - 1].text[:1].isupper()  # "editor-in-chief Ann Lee": "chief" is no first name
        and toks[k - 1].i not in in_ent
        and toks[k - 1].lower_ not in FUNCTION_WORDS
        and toks[k - 2].lower_
        not in FUNCTION_WORDS  # "Minister of Education Ana Ruiz": "of X" is the title's
        and not _abbreviation_stop(toks[k - 1])
    ):
        k -= 1
    if k < len(toks):
        name_start = toks[k].i
    title_toks = toks[:k]
    while title_toks and (
        title_toks[0].text == "-"
        or (
            _after_hyphen(title_toks[0])
            and not is_title_word(title_toks[0])
            and not role_noun(title_toks[0].lower_)
        )
    ):
        title_toks = title_toks[1:]  # "re-elected Governor Ann Lee": the verb's tail is no title
    if title_toks and title_toks[-1].lower_ in FUNCTION_WORDS:
        return None, name_start  # "the chairman and Tom Reed": a role, but not Reed's
    if not title_toks:
        return None, name_start
    return sdoc[title_toks[0].i : title_toks[-1].i + 1], name_start


#: Punctuation that opens an apposition after a name: "Ann Lee, a nurse", "Ann Lee — a nurse —".
APPOSITIVE_OPENERS = frozenset({",", "—", "–", "("})
#: Words that end a long apposition's role: "lecturer in botany and co-editor of the journal".
_ROLE_CUTS = frozenset({"and", "who", "which", "that", "where", "whose", "since", "until"})


def _skip_bracket(sdoc: Doc, i: int) -> int:
    """The token after the opener at ``i``, or past a short bracket with no role in it and the comma
    after it ("Ann Lee (pictured), the club's owner," / "Ann Lee (D-Ohio), a nurse,")."""
    if sdoc[i].text != "(":
        return i + 1
    close = next((t.i for t in sdoc[i + 1 : i + 6] if t.text == ")"), None)
    if (
        close is None
        or close + 2 >= len(sdoc)
        or sdoc[close + 1].text not in (",", "—", "–")
        or any(_role_word(t) for t in sdoc[i + 1 : close])
    ):
        return i + 1
    return close + 2


def _skip_asides(sdoc: Doc, i: int) -> int:
    """Past an age or a home town between the name and its role ("Ann Lee, 45, of Leeds, a nurse")."""
    for _ in range(2):
        if i + 2 < len(sdoc) and sdoc[i].like_num and sdoc[i + 1].text == ",":
            i += 2
        elif i + 2 < len(sdoc) and sdoc[i].lower_ in ("of", "from") and sdoc[i + 1].text[:1].isupper():
            j = i + 1
            while j < len(sdoc) and j - i <= 4 and (sdoc[j].text[:1].isupper() or sdoc[j].text == ","):
                j += 1
                if sdoc[j - 1].text == ",":
                    break
            if sdoc[j - 1].text != ",":
                break
            i = j
    return i


#: Words that open a relative clause after a role: "a professor at Leeds *who* studies trade".
RELATIVES = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})
#: Tags of participles, which may qualify a role ("the acting director", "a Leeds-based analyst")
#: or start a reduced relative clause ("a lawyer representing the family") but never make a clause.
PARTICIPLES = frozenset({"VBG", "VBN"})
#: Parts of speech that cannot end a role: "a young filmmaker hot off [directing …]" ends at "filmmaker".
_NO_ROLE_END = frozenset(
    {"ADP", "ADV", "ADJ", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "PRON", "AUX", "VERB"}
)


def modifier_participle(token: Token) -> bool:
    """A participle that qualifies the noun after it rather than starting a clause: "the *acting*
    director", "*founding* member", "a Leeds-*based* analyst", "the fact-*checking* site"."""
    if token.tag_ not in PARTICIPLES:
        return False
    doc = token.doc
    glued = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before_noun = nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and token.head.i > token.i
    return glued or token.dep_ in ("amod", "compound") or before_noun


#: Plurals that name people without a role ("people like that", "other folks").
_GENERIC = frozenset({"person", "people", "man", "woman", "guy", "folk", "folks", "other"})


def _role_word(token: Token) -> bool:
    """A role word among the first words of an apposition: a title head, a role noun, or the plural
    of one ("one of his editors", "both professors at Leeds")."""
    if is_title_word(token):
        return True
    if token.tag_ == "NN":
        return role_noun(token.lower_)
    if token.tag_ == "NNP" and token.text[1:].islower() and not token.ent_type_:
        # a capitalised role the lexicon knows, which the tagger makes a proper noun: "Ann Lee, a
        # Senior Counsel at the bar", "Tom Reed, the Professor of Botany"
        return role_noun(token.lower_, by_ending=False)
    lemma = token.lemma_.lower()
    return token.tag_ == "NNS" and token.is_lower and lemma not in _GENERIC and role_noun(lemma)


def trim_role(sdoc: Doc, first: int, end: int) -> int:
    """``end`` moved left past words that cannot end a role (prepositions, adjectives, articles)."""
    while end > first and (sdoc[end - 1].pos_ in _NO_ROLE_END or sdoc[end - 1].lower_ in FUNCTION_WORDS):
        end -= 1
    return end


def appositive(sdoc: Doc, ent: Span) -> Span | None:
    """The role in ", the head of the CSTO Joint Staff," right after ``ent`` (without the article);
    an age or a home town between ("Ann Lee, 45, of Leeds, a nurse,") is passed over; a dash or a
    bracket opens an apposition too. The role ends at a relative clause ("a professor at Leeds who
    studies trade"), a reduced one ("a lawyer representing the family") or, when long, where its
    role ends ("senior lecturer in botany at Exeter and co-editor of the journal" -> "senior
    lecturer in botany at Exeter"); a finite verb makes the phrase a clause, not a role ("Ann Lee,
    the spokesman said, is well" gives Lee no role)."""
    if ent.end + 1 >= len(sdoc) or sdoc[ent.end].text not in APPOSITIVE_OPENERS:
        return None
    if sdoc[ent.end].text in ("—", "–") and not sdoc[ent.end - 1].whitespace_:
        return None  # "an Ann Lee–style plan": a dash glued to the name makes a compound, not an apposition
    opened = _skip_bracket(sdoc, ent.end)
    i = _skip_asides(sdoc, opened)
    aside = range(opened, i)  # an age or a home town passed over
    while i < len(sdoc) and sdoc[i].lower_ in LEADS:
        i += 1
    first = i
    if first < len(sdoc) and (
        sdoc[first].pos_ in ("CCONJ", "SCONJ")
        or (sdoc[first].pos_ == "ADP" and sdoc[first].lower_ != "of")
        or sdoc[first].lower_ in RELATIVES
    ):
        # "Ann Lee, and the driver": a list; "Ann Lee, whose son …": a clause; "took Ann Lee, to
        # arbitration" or "Ann Lee, on Monday": a phrase of the verb ("of" may open an affiliation)
        return None
    cut = False  # the role was cut at a clause or at its length, not closed by punctuation
    while i < len(sdoc) and i - first < MAX_APPOSITIVE_TOKENS:
        tok = sdoc[i]
        if tok.text in APPOSITIVE_STOPS or "\n" in tok.text:
            break
        if i > first and tok.lower_ in RELATIVES and tok.tag_ in ("WP", "WP$", "WDT", "WRB"):
            cut = True
            break
        if tok.pos_ in ("VERB", "AUX") and not modifier_participle(tok):
            if tok.tag_ in PARTICIPLES and i > first:
                cut = True  # "a lawyer representing the family"
                break
            subject = _contact_subject(sdoc, first, i)
            if subject is not None:  # "a hotelier Tom Reed tapped as envoy": the role ends at its noun
                i, cut = subject, True
                break
            return None  # "Ann Lee, the spokesman said," / "Ann Lee, Tom Reed is": a clause
        i += 1
    if i - first >= MAX_APPOSITIVE_TOKENS:
        stop = next((t.i for t in sdoc[first + 1 : i] if t.lower_ in _ROLE_CUTS), None)
        i, cut = (stop, True) if stop is not None else (i, True)
    if i == first or all(t.text.startswith("@") or t.like_url or t.like_email for t in sdoc[first:i]):
        return None  # "— Ann Lee (@annlee) May 1": an embedded post's handle, not a role
    # a line ending on a name and a phrase is a byline or a list unless the phrase is an office
    # ("Ann Lee, BBC diplomatic correspondent"); a full stop closes an apposition too
    if (
        i < len(sdoc)
        and "\n" in sdoc[i].text
        and not sdoc[i - 1].text.endswith(".")
        and not any(is_title_word(t) for t in sdoc[first:i])
    ):
        return None
    if cut:
        i = trim_role(sdoc, first, i)
        if i == first:
            return None
    if _names_another(sdoc, first, i) or _describes_aside(sdoc, first, i, aside):
        return None
    # The role word must come early: "the head of ...", "Russia's top diplomat", "a senior officer";
    # or the parser makes a common noun of the phrase the name's apposition ("Ann Lee, another
    # retiree,", "Ann Lee, Ohio's new fire commissioner,").
    early = sdoc[first : min(i, first + 4)]
    if not any(_role_word(t) for t in early) and not any(
        t.dep_ == "appos" and t.pos_ == "NOUN" and ent.start <= t.head.i < ent.end for t in sdoc[first:i]
    ):
        return None
    return sdoc[first:i]


#: Pronouns that may open a relative clause without "whom": "a lawyer *she* hired".
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})


def _contact_subject(sdoc: Doc, first: int, verb: int) -> int | None:
    """Where a relative clause without its "whom" starts inside an apposition: the name or pronoun
    subject right before the finite verb at ``verb``, itself right after a role word ("Ann Lee, a
    wealthy hotelier Tom Reed tapped as envoy," / "a lawyer she hired"); None when there is none."""
    j = verb - 1
    if j <= first:
        return None
    tok = sdoc[j]
    if tok.ent_type_ == "PERSON":
        while j > first and sdoc[j].ent_iob_ == "I":
            j -= 1
    elif not (tok.pos_ == "PRON" and tok.lower_ in _SUBJECT_PRONOUNS):
        return None
    role = sdoc[j - 1]
    if j <= first or not (role.is_lower and _role_word(role)) or sdoc[first - 1].lower_ not in ARTICLES:
        return None  # "Like Ann Lee, Acme CEO Tom Reed has said": a titled name, the sentence's subject
    if any(t.pos_ not in _NOUN_PHRASE_POS for t in sdoc[first : j - 1]):
        return None  # "Ann Lee, in high school she …": no noun phrase of a role before the clause
    return j


#: Parts of speech of the words of a plain noun phrase ("a wealthy Leeds hotelier").
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _names_another(sdoc: Doc, first: int, end: int) -> bool:
    """Whether the phrase ``sdoc[first:end]`` names another person with a role of their own, as in a
    list ("Tom Reed, singer-keyboardist Ann Lee and …"): a name after a role word, not joined to it by
    a preposition ("the wife of Ann Lee") nor owning what follows ("chief Ann Lee's deputy"), and
    followed by "and" or "or" (a lone name there is more often an organisation spaCy typed PERSON)."""
    for k in range(first + 1, end):
        tok = sdoc[k]
        if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "B":
            continue
        before = sdoc[k - 1]
        if before.lower_ in FUNCTION_WORDS or before.pos_ == "ADP" or before.tag_ == "POS":
            continue
        stop = k + 1
        while stop < end and sdoc[stop].ent_iob_ == "I":
            stop += 1
        if stop < len(sdoc) and sdoc[stop].tag_ == "POS":
            continue
        after = sdoc[stop : stop + 2]
        if any(t.pos_ == "CCONJ" for t in after) and all(t.pos_ in ("CCONJ", "PUNCT") for t in after[:1]):
            return True  # the list goes on: "…, singer-keyboardist Ann Lee, and Bo Dean"
    return False


def _describes_aside(sdoc: Doc, first: int, end: int, aside: range) -> bool:
    """Whether the parser hangs the phrase on the home town passed over rather than on the person:
    "Ann Lee, of Farrowby, a village near Leeds," describes Farrowby."""
    if not aside:
        return False
    heads = [t for t in sdoc[first:end] if not first <= t.head.i < end]
    return bool(heads) and all(t.head.i in aside and t.dep_ == "appos" for t in heads)


#: Words before a role that are not part of it: "the", "both an artist and …", "also a nurse".
LEADS = ARTICLES | {"both", "also", "either", "still", "now", "once"}
