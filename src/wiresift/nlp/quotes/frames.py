"""Reports without a reporting verb's subject: a fronted source ("In this survey, Ilves gained two points" is
the survey's; "In a memo, Okafor was ..." is Okafor's) and passive judgements with no one judging
("X was accused of ...", no source)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.entities.lexicon import words
from wiresift.nlp.quotes.speaker import personal, speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns for sources that say things themselves ("In the poll, ..."); places, times and events ("In
#: Ohio", "In 2015", "In the debate") frame nothing, and neither did videos and ads on PolNeAR train.
SOURCE_NOUNS = words("poll survey study report analysis")
#: Nouns for what someone says through ("In a statement, Clinton was more circumspect"): the clause's
#: subject is the source, not the noun.
MEDIUM_NOUNS = words("statement interview letter memo tweet speech testimony op-ed remarks")
#: At most this many tokens in the fronted phrase: a longer one is a description, not a source.
MAX_FRAME_TOKENS = 20
#: The framed clause needs this many words to be a report.
MIN_FRAMED_WORDS = 3


def framed_report(sdoc: Doc, tok: Token) -> tuple[int, int, Speaker | None] | None:
    """For a sentence-opening "In" whose object is a source noun and which a comma closes: the
    content (start, end) of the rest of the sentence and the source phrase as its speaker. For a
    medium ("In a statement, ...") the speaker is None: the caller takes the clause's subject."""
    if tok.lower_ != "in" or tok.i != tok.sent.start:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in SOURCE_NOUNS | MEDIUM_NOUNS:
        return None
    comma = obj.right_edge.i + 1
    if comma >= len(sdoc) or sdoc[comma].text != "," or comma - tok.i > MAX_FRAME_TOKENS:
        return None
    lo, hi = comma + 1, tok.sent.end
    while hi > lo and (sdoc[hi - 1].is_punct or sdoc[hi - 1].is_space):
        hi -= 1
    if hi - lo < MIN_FRAMED_WORDS:
        return None
    src = sdoc[tok.i + 1 : comma]
    content = sdoc[lo:hi]
    if obj.lemma_.lower() in MEDIUM_NOUNS:
        return content.start_char, content.end_char, None
    speaker = Speaker(src.start_char, src.end_char, obj.lower_, obj.idx, obj.idx + len(obj.text))
    return content.start_char, content.end_char, speaker


def framed_reports(sdoc: Doc, found: list[tuple[int, int]]) -> list[tuple[int, int, Token, Speaker]]:
    """(start, end, "In" token, source) of every framed sentence that no report in ``found`` overlaps;
    for a medium the source is the clause's subject, and only a person or group ("In a statement,
    Clinton was ...")."""
    out = []
    for sent in sdoc.sents:
        got = framed_report(sdoc, sent[0])
        if got is None:
            continue
        start, end, speaker = got
        if any(s < end and start < e for s, e in found):
            continue
        if speaker is None:
            speaker = speaker_span(sdoc, sent.root, None)
            if speaker is None or not personal(sdoc, speaker):
                continue
        out.append((start, end, sent[0], speaker))
    return out


#: Judgements reported in the passive with no one judging ("ferry operators have been faulted for ...",
#: "X was accused of ..."): PolNeAR counts the whole clause as an attribution with no source.
JUDGED = words("accuse blame criticize criticise fault condemn")
#: A judged clause needs this many words ("He was blamed" alone says nothing).
MIN_JUDGED_WORDS = 5


def judged_span(text: str, verb: Token) -> tuple[int, int] | None:
    """The clause of a passive judgement without an agent, from its subject to its end."""
    if verb.lemma_ not in JUDGED or verb.tag_ != "VBN":
        return None
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if subj is None or not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return None
    if subj.lower_ in ("who", "which", "that", "it"):
        return None
    para_start = text.rfind("\n", 0, verb.idx) + 1
    para_end = text.find("\n", verb.idx)
    start = max(subj.left_edge.idx, para_start)
    last = verb.right_edge
    end = min(last.idx + len(last.text), para_end if para_end != -1 else len(text))
    while end > start and text[end - 1] in " ,.;:—–-":
        end -= 1
    if sum(1 for _ in re.finditer(r"\w+", text[start:end])) < MIN_JUDGED_WORDS:
        return None
    return start, end
