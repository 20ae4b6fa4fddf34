"""Reports without a reporting verb's subject: a fronted source ("In this poll, Trump rose a point" is
the poll's; "In a statement, Clinton was ..." is Clinton's) and passive judgements with no one judging
("X was accused of ...", no source)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from wiresift.nlp.coref import Speaker
from wiresift.nlp.ent_lexicon import words
from wiresift.nlp.quotes_speaker import SUBJECTS, personal, speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns for sources that say things themselves ("In the poll, ..."); places, times and events ("In
#: Ohio", "In 2015", "In the debate") frame nothing, and neither did videos and ads on PolNeAR train.
SOURCE_NOUNS = words("poll survey study report analysis")
#: Nouns for what someone says through ("In a statement, Clinton was more circumspect"): the clause's
#: subject is the source, not the noun.
MEDIUM_NOUNS = words("statement interview letter memo tweet speech testimony op-ed remarks")
#: At most this many tokens in the fronted phrase: a longer one is a description, not a source.
MAX_FRAME_TOKENS = 14
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


#: Nouns of a sentence-closing source phrase: "Clinton leads by 3 points in the latest poll".
TRAILING_NOUNS = words("poll survey")
_TRAILING = re.compile(r"\bin (?:[^\s.;:!?]+ ){0,8}?(?:polls?|surveys?)\b")


def trailing_frames(sdoc: Doc, found: list[tuple[int, int]]) -> list[tuple[int, int, Token, Speaker]]:
    """(start, end, "in" token, source) of every clause that a closing "in" + poll phrase frames
    ("Trump has a wide lead in the polls", "she got no bump in one of the first polls"), the clause
    from its subject, outside every report in ``found``."""
    out = []
    starts: list[int] = sdoc.to_array("IDX").tolist() if len(sdoc) else []
    for m in _TRAILING.finditer(sdoc.text):
        k = bisect_left(starts, m.start())
        if k >= len(sdoc) or starts[k] != m.start():
            continue
        tok = sdoc[k]
        got = _trailing_frame(sdoc, tok, sdoc[bisect_right(starts, m.end() - 1) - 1])
        if got is None:
            continue
        start, end, speaker = got
        if not any(s < end and start < e for s, e in found):
            out.append((start, end, tok, speaker))
    return out


def _trailing_frame(sdoc: Doc, tok: Token, noun: Token) -> tuple[int, int, Speaker] | None:
    """The clause and source of one closing "in" + poll phrase (``noun`` its poll word) that follows
    its sentence's verb ("gains in some polls may fade" frames nothing)."""
    sent = tok.sent
    root = sent.root
    if tok.dep_ != "prep" or noun.lemma_.lower() not in TRAILING_NOUNS:
        return None
    if not tok.i < noun.i <= tok.right_edge.i:
        return None
    subj = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if root.pos_ not in ("VERB", "AUX") or root.i > tok.i or subj is None:
        return None
    after = tok.right_edge.i + 1
    if after < sent.end and not sdoc[after].is_punct:
        return None  # the phrase does not close the sentence
    lo, hi = subj.left_edge.i, tok.i  # from the subject: "Despite the hype, she got no bump in ..."
    while hi > lo and (sdoc[hi - 1].is_punct or sdoc[hi - 1].is_space):
        hi -= 1
    if hi - lo < MIN_FRAMED_WORDS or "\n" in sdoc[lo:hi].text:
        return None
    src = sdoc[tok.i + 1 : after]
    content = sdoc[lo:hi]
    speaker = Speaker(src.start_char, src.end_char, noun.lower_, noun.idx, noun.idx + len(noun.text))
    return content.start_char, content.end_char, speaker


#: Judgements reported in the passive with no one judging ("peacekeepers have been blamed for ...",
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
