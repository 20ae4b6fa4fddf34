"""Titles and roles around a person name: capitalised pre-modifiers and appositives.

"Russian Foreign Minister Sergey Lavrov" -> "Russian Foreign Minister"; "President of Kazakhstan
Kassym-Zhomart Tokayev" -> "President of Kazakhstan" (and the name grows to "Kassym-Zhomart
Tokayev" when the parser left the first name out); "Anatoly Sidorov, the head of the CSTO Joint
Staff," -> "head of the CSTO Joint Staff".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import FUNCTION_WORDS, TITLE_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: An appositive role longer than this is more likely a clause than a title.
MAX_APPOSITIVE_TOKENS = 16
#: Pre-modifier titles are short ("Chief of the General Staff of the Armed Forces" is 9 tokens).
MAX_PREMODIFIER_TOKENS = 10
ARTICLES = frozenset({"the", "a", "an"})
APPOSITIVE_STOPS = frozenset({",", ".", ";", ":", "(", ")", "—", "–", '"', "“", "”"})


def is_title_word(token: Token) -> bool:
    low = token.lower_
    return low in TITLE_HEADS or any(part in TITLE_HEADS for part in low.split("-") if part)


def _chain_token(token: Token) -> bool:
    text = token.text
    if text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_:
        return True
    return text[:1].isupper() or token.lower_ in FUNCTION_WORDS


def premodifier(sdoc: Doc, ent: Span, in_ent: dict[int, str]) -> tuple[Span | None, int]:
    """The title before ``ent`` and the token where the name really starts (may move left)."""
    i = ent.start - 1
    sent_start = ent.sent.start if sdoc.has_annotation("SENT_START") else 0
    while i >= sent_start and ent.start - i <= MAX_PREMODIFIER_TOKENS and in_ent.get(i) != "PERSON":
        tok = sdoc[i]
        if tok.is_punct and tok.text != "-":
            break
        if not _chain_token(tok) or "\n" in tok.whitespace_ or tok.is_space:
            break
        i -= 1
    start = i + 1
    while start < ent.start and sdoc[start].lower_ in FUNCTION_WORDS:
        start += 1
    toks = list(sdoc[start : ent.start])
    heads = [k for k, t in enumerate(toks) if is_title_word(t)]
    if not heads:
        return None, ent.start
    # Bare proper nouns after the last role word or entity are the person's first names.
    name_start = ent.start
    k = len(toks)
    while k > heads[-1] + 1 and toks[k - 1].i not in in_ent and toks[k - 1].lower_ not in FUNCTION_WORDS:
        k -= 1
    if k < len(toks):
        name_start = toks[k].i
    title_toks = toks[:k]
    while title_toks and title_toks[-1].lower_ in FUNCTION_WORDS:
        title_toks.pop()
    if not title_toks:
        return None, name_start
    return sdoc[title_toks[0].i : title_toks[-1].i + 1], name_start


def appositive(sdoc: Doc, ent: Span) -> Span | None:
    """The role in ", the head of the CSTO Joint Staff," right after ``ent`` (without the article)."""
    if ent.end + 1 >= len(sdoc) or sdoc[ent.end].text != ",":
        return None
    i = ent.end + 1
    while i < len(sdoc) and sdoc[i].lower_ in ARTICLES:
        i += 1
    first = i
    while i < len(sdoc) and i - first < MAX_APPOSITIVE_TOKENS:
        tok = sdoc[i]
        if tok.text in APPOSITIVE_STOPS or "\n" in tok.text or tok.pos_ in ("VERB", "AUX"):
            break
        i += 1
    if i == first or i - first >= MAX_APPOSITIVE_TOKENS or i >= len(sdoc):
        return None
    if sdoc[i].pos_ in ("VERB", "AUX") or "\n" in sdoc[i].text:
        return None
    # The role word must come early: "the head of ...", "Russia's top diplomat", "a senior officer".
    if not any(is_title_word(t) for t in sdoc[first : min(i, first + 4)]):
        return None
    return sdoc[first:i]
