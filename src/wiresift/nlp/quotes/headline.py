"""Headlines: "Mayor Calls Tram Delay 'A Quiet Scandal' As Costs Climb", "Clinton Hid Illness, Doctor Says".

A headline is the first paragraph when it is one short line. Title case misleads the tagger (every
word looks like a name), so a title-case headline is parsed again in sentence case: a word stays
capitalised only when the body writes it so in mid-sentence and never in lower case. The recased
text has the same length, so every offset found in it is an offset of the document.

Headlines report with verbs prose seldom uses as cues ("Senator Rips Plan", "Court Rules Against
Purge"): when the headline's root verb is a known cue and its subject is a name or a body of
people, the subject speaks and what follows the verb is the content. Event verbs ("Senator Wins
Primary") report nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: A first paragraph longer than this is a lead sentence, not a headline (headlines run 6–15 words).
MAX_HEADLINE_WORDS = 18
#: Share of words of four letters or more that start in upper case for a line to be in title case.
MIN_TITLE_SHARE = 0.6
#: ...counted over at least this many such words.
MIN_TITLE_WORDS = 3
#: Entity types of a subject that speaks in a headline.
AGENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Common nouns for people and bodies that speak in headlines ("Lawmakers Rip ...", "Court Rules ...").
AGENT_NOUNS = frozenset(
    {
        "lawmaker", "senator", "official", "leader", "president", "minister", "judge", "court", "panel",
        "committee", "union", "campaign", "voter", "parent", "mom", "mother", "father", "general",
        "governor", "mayor", "poll", "survey", "report", "study", "website", "group", "expert",
        "critic", "activist", "protester", "resident", "candidate", "chairman", "spokesman", "aide",
        "adviser", "advocate", "democrat", "republican", "police", "army", "military", "government",
        "agency", "ministry", "tweet", "board", "council", "lawyer", "prosecutor", "envoy", "diplomat",
    }
)  # fmt: skip
#: Verbs of attack that headlines use and prose rarely does ("Senator Trashes Plan").
HEADLINE_VERBS = frozenset({"trash", "swipe", "sum", "lambast", "torch", "skewer", "pummel"})
#: Words between the verb and the content that belong to the verb ("Ducks On", "Goes After").
VERB_PARTS = frozenset({"prt", "advmod", "neg", "aux"})


def headline_span(text: str) -> tuple[int, int] | None:
    """The first paragraph when it is a single short line followed by more text."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end == -1 or not text[end:].strip():
        return None
    words = _WORD.findall(text, start, end)
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return None
    return start, end


def title_case(text: str, start: int, end: int) -> bool:
    long = [w for w in _WORD.findall(text, start, end) if len(w) >= 4]
    if len(long) < MIN_TITLE_WORDS:
        return False
    return sum(w[0].isupper() for w in long) >= MIN_TITLE_SHARE * len(long)


def body_names(text: str, start: int, end: int) -> set[str]:
    """The words of the headline ``text[start:end]`` that the rest of the text writes capitalised and
    never in lower case (names: "Clinton", "Almaty"; not "Rips", "Plan", nor a word only the
    headline has)."""
    forms = set(_WORD.findall(text, end))
    return {
        w.lower()
        for w in _WORD.findall(text, start, end)
        if w != w.lower() and w in forms and w.lower() not in forms
    }


def sentence_case(text: str, start: int, end: int, names: set[str]) -> str:
    """``text[start:end]`` with every word lower-cased but the first, names and acronyms."""
    out = list(text[start:end])
    first = True
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        keep = first or word.lower() in names or (word.isupper() and len(word) > 1)
        first = False
        if not keep:
            out[m.start() - start : m.end() - start] = word.lower()
    return "".join(out)


def recased_headline(text: str, start: int, end: int) -> str:
    """``text`` up to the end of its headline ``[start, end)``, the headline in sentence case: what
    is parsed again for a title-case headline."""
    return text[:start] + sentence_case(text, start, end, body_names(text, start, end))


def headline_side_texts(text: str) -> list[str]:
    """The text parsed again for ``text``'s headline when it is in title case (else none): the
    pipeline parses it in the documents' batch, in case the headline is read again."""
    span = headline_span(text)
    if span is None or not title_case(text, *span):
        return []
    return [recased_headline(text, *span)]


def _agent(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in AGENT_TYPES or tok.lemma_.lower() in AGENT_NOUNS


def subject_report(
    hdoc: Doc, start: int, end: int, cues: frozenset[str]
) -> tuple[Token, Token, tuple[int, int]] | None:
    """(verb, subject, content span) of "Subject Verb Rest" in the headline ``[start, end)`` when the
    verb's lemma is in ``cues`` (an event verb, "Senator Wins Primary", reports nothing)."""
    root = next((t for t in hdoc if start <= t.idx < end and t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in cues | HEADLINE_VERBS:
        return None
    subj = next((c for c in root.lefts if c.dep_ == "nsubj"), None)  # (a passive subject is acted on)
    if subj is None or not _agent(subj):
        return None
    rest = [t for t in hdoc if root.i < t.i and t.idx < end]
    while rest and (rest[0].dep_ in VERB_PARTS and rest[0].head.i == root.i):
        rest.pop(0)
    for k in range(len(rest) - 1):
        if rest[k].text == "," and rest[k + 1].lower_ in ("who", "which"):
            rest = rest[:k]  # "Pardo Backs Ilves, Who Says She Is Grateful": the relative clause is Ilves's
            break
    while rest and (rest[-1].is_punct or rest[-1].is_space):
        rest.pop()
    if not rest or not any(t.is_alpha or t.like_num for t in rest):
        return None
    if any(t.text in (".", "!", "?", ";") for t in rest):
        return None  # two sentences ("Senator Makes History. Again"): a line of comment, not a report
    return root, subj, (rest[0].idx, rest[-1].idx + len(rest[-1].text))
