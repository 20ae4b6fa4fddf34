"""The ``quotes`` stage: direct, indirect and mixed quotes with cue, local speaker and entity.

Direct quotes come from quotation marks (:mod:`quote_marks`); each takes the reporting verb that
the parse links to it (or the one right beside it), and that verb's subject as the speaker. A
quote with no cue that opens a paragraph right after a quote inherits that quote's speaker.
Indirect quotes are a reporting verb's clausal complement ("Zas noted that ..."), object or open
complement, by hand-written cues or patterns learned from PolNeAR train (:mod:`quotes_indirect`),
cut to size by :mod:`quotes_bounds`; one holding quotation marks is *mixed*. "according to X"
attributes the rest of its sentence to X. Speaker phrases come from :mod:`quotes_speaker` and are
resolved to entities by :mod:`coref`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wiresift.model import Document, Quote, SpanRef
from wiresift.nlp import quotes_indirect
from wiresift.nlp.coref import Speaker, resolve
from wiresift.nlp.cues import CUE_VERBS, EMBEDDING_VERBS
from wiresift.nlp.ent_index import EntityIndex
from wiresift.nlp.ent_lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS, words
from wiresift.nlp.quote_marks import Marked, marked_spans
from wiresift.nlp.quotes_bounds import (
    EXPECTING,
    after_colon,
    cut_tail,
    expected_span,
    fronted_span,
    infinitive_tail,
    object_tail,
)
from wiresift.nlp.quotes_frames import JUDGED, framed_reports, judged_span
from wiresift.nlp.quotes_headline import body_names, headline_span, sentence_case, subject_report, title_case
from wiresift.nlp.quotes_indirect import (
    HAND_CUES,
    as_clause,
    drop_nested_learned,
    joins,
    learned_content,
    lost_subject,
    nominal_content,
    outside,
    told_clause,
)
from wiresift.nlp.quotes_nouns import noun_reports
from wiresift.nlp.quotes_speaker import (
    MAX_CLIMB,
    MAX_SPEAKER_TOKENS,
    SUBJECTS,
    addressed,
    agent_speaker,
    aside_speaker,
    personal,
    reporter,
    speaker_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wiresift.nlp.pipeline import Context

#: A quoted stretch with fewer words and no cue is a scare quote or a title, not a quote.
MIN_CUED_WORDS = 2
#: An uncued quote this long that ends a sentence inside its marks is still reported speech.
MIN_UNCUED_WORDS = 6
#: Indirect content shorter than this is a fragment ("he said so").
MIN_INDIRECT_WORDS = 3
#: ...but a named object of a verb of backing or judging is a whole stance ("endorsed Cruz").
MIN_NAMED_OBJECT_WORDS = 1
#: ...and any object of such a verb this long ("defended his endorsement").
MIN_OBJECT_WORDS = 2
#: A reporting verb this many tokens from a quote's mark, with no parse link, still cues it
#: (", he added in a statement").
NEAR_TOKENS = 4
#: How many heads up from the word before a colon its clause's verb may be ("X has taken a line
#: popular with the hawks on the defence committee: “…”": 6).
COLON_CLIMB = 8
#: A name after one of these before a colon is a byline ("Analysts differ - Ann Lee: “…”").
DASHES = frozenset({"-", "–", "—", "―"})
#: An uncued quote takes the subject of a reporting verb at most this far (chars) before it:
#: about one paragraph ("Wimes, a caucus president, told reporters on Friday: ...").
FALLBACK_CHARS = 400
#: After a quote that ends in a comma, the attributing verb may follow a long speaker phrase.
FAR_TOKENS = 30
NON_ARGUMENTS = frozenset({"punct", "cc", "conj", "advmod", "npadvmod", "mark"})
_WORD = re.compile(r"\w+")
#: Pronoun subjects that name no speaker (a demonstrative or "what" never held the gold source on dev).
NOT_SPEAKERS = frozenset({"that", "this", "what"})
#: A transcript turn inside quotation marks: "WALLACE: Do you really see ...".
_TRANSCRIPT_SPEAKER = re.compile(r"[\"“]([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")
#: A line that opens with up to six capitalised words and a colon: a headline or transcript turn.
_COLON_LINE = re.compile(
    r"^(?P<src>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z&][\w.'’-]*|of|the|and)){0,5}):[ \t]+(?P<body>[^\n]*\w[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
#: First words of colon lines that label a page part rather than name a speaker.
NOT_SOURCES = words(
    "also read related watch photo photos image images video source sources note update updated editor's "
    "credit credits see click share tags tag filed posted published by q a"
)
#: A paragraph that opens with a speaker's name and a colon (a transcript turn "FALLIN: I think ...").
_TURN = re.compile(r"[\"“]?([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,2}):[ \t]")
FIRST_PERSON = frozenset({"i", "we"})
_MARK_CHARS = re.compile(r"[\"“”]|''")
_DASH_NAME = re.compile(r"[^\S\n]*[―—–-]+[^\S\n]*([A-Z][\w.'-]*(?:[^\S\n]+[A-Z][\w.'-]*){0,4})")
_SENT_END = frozenset({".", "!", "?"})
#: Words from the cue of a quote to a quote that goes on with it ("said. “Not now.”", "said, “and ...”");
#: a longer gap is a new clause ("said the plan demands “more listening”").
MAX_RESUME_GAP = 3
#: Verbs a headline reports with ("Senator Rips Plan"): every cue the body rules know.
HEADLINE_CUES = CUE_VERBS | HAND_CUES | quotes_indirect.PATTERN_LEMMAS | JUDGED
#: Words this short may stay lower case in a title ("Face the Nation", "Women in Power").
MAX_TITLE_LOWER = 3
#: Verbs of speaking whose own named subject speaks even inside another report ("X said Y told him ...").
SPEECH_VERBS = frozenset({"say", "tell", "report", "claim", "argue", "write", "tweet", "announce"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS
#: Verbs whose report inside another report is often a gold attribution of its own ("X said Y told
#: him that ..."); a stance inside a report ("X said she believes ...") is rarely one on PolNeAR train
#: and its speaker mostly wrong.
NESTED_REPORTS = SPEECH_VERBS | frozenset({"call", "show", "talk", "express", "criticize"})


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    cue: Token | None = None
    cue_text: str | None = None
    speaker: Speaker | None = None
    para_start: int = -1
    inherit: bool = False
    #: For an uncued quote: the subject of the last reporting verb before it, and where that verb is.
    fallback: Speaker | None = None
    fallback_at: int = -1
    #: Found by a learned pattern (:func:`quotes_indirect.learned_content`), not a hand-written cue.
    learned: bool = False


def _words_end(text: str, start: int, end: int) -> int:
    """The end of the last word in ``text[start:end]`` (``start`` when there is none)."""
    last = start
    for m in _WORD.finditer(text, start, end):
        last = m.end()
    return last


def _n_words(text: str, start: int, end: int) -> int:
    return sum(1 for _ in _WORD.finditer(text, start, end))


def _cue_positions(sdoc: Doc) -> list[int]:
    """Indices of verb tokens whose lemma is a reporting verb."""
    import numpy as np
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import AUX, VERB

    if not len(sdoc):
        return []
    strings = sdoc.vocab.strings
    lemmas = HAND_CUES | EXPECTING | JUDGED | quotes_indirect.PATTERN_LEMMAS
    hashes = np.array([strings.add(lemma) for lemma in sorted(lemmas)], dtype="uint64")
    arr = sdoc.to_array([LEMMA, POS])
    hit = np.isin(arr[:, 0], hashes) & np.isin(arr[:, 1], np.array([VERB, AUX], dtype="uint64"))
    return [int(i) for i in np.nonzero(hit)[0]]


class _Extractor:
    def __init__(
        self, doc: Document, sdoc: Doc, index: EntityIndex | None, parse: Callable[[str], Doc] | None = None
    ) -> None:
        self.text = doc.text
        self.sdoc = sdoc
        self.index = index
        self.parse = parse
        # Token offsets and cue verbs from spaCy's arrays: no Python object per token.
        self.starts: list[int] = sdoc.to_array("IDX").tolist()

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def run(self) -> list[_Found]:
        sdoc, text = self.sdoc, self.text
        marks = marked_spans(text)
        self.mark_ends = [m.end for m in marks]
        self.marks = marks
        cues = [sdoc[i] for i in _cue_positions(sdoc)]
        self.cues = cues
        self.cue_starts = [t.idx for t in cues]
        found: list[_Found] = []
        used: set[int] = set()
        self.last: _Found | None = None
        #: A reporting verb split off a clausal content (see :func:`quotes_bounds.cut_tail`) -> the outer verb.
        self.conjoined: dict[int, Token] = {}
        for mark in marks:
            f = self.direct(mark, used)
            if f is not None:
                found.append(f)
                self.last = f
        for verb in cues:
            if verb.i in used:
                continue
            f = self.indirect(verb, marks) or self.expected(verb)
            if f is not None:
                found.append(f)
        self.first_person_turns(found)
        quoted_first_person(found)
        according = self.according(sdoc)
        found.extend(according)
        attribute_to_according(text, found, according)
        found.extend(self.framed(found, frames=True))
        found.extend(self.framed(found, frames=False))
        found.extend(self.colon_lines(found))
        found = drop_nested_learned(text, found)
        found = self.headline(found)
        # A direct quote inside an indirect content is one mixed quote, not two.
        mixed = [f for f in found if f.kind == "mixed"]
        found = [
            f
            for f in found
            if not (
                f.kind == "direct"
                and any(m.start <= f.start and _words_end(text, f.start, f.end) <= m.end for m in mixed)
            )
        ]
        found.sort(key=lambda f: (f.start, f.end))
        return found

    def linked_cue(self, mark: Marked) -> Token | None:
        """The reporting verb the parse attaches to the quote, else one right beside it."""
        sdoc = self.sdoc
        first, last = self.tok_at(mark.start), self.tok_at(max(mark.start, mark.end - 1))
        para_first, para_last = (
            self.tok_at(mark.para_start),
            self.tok_at(max(mark.para_start, mark.para_end - 1)),
        )
        best: tuple[int, Token] | None = None
        for i in range(first, last + 1):
            tok = sdoc[i]
            head = tok.head
            if (
                not (first <= head.i <= last)
                and para_first <= head.i <= para_last
                and head.lemma_ in CUE_VERBS
            ):
                dist = min(abs(head.i - first), abs(head.i - last))
                if best is None or dist < best[0]:
                    best = (dist, head)
        if best is not None:
            return best[1]
        inner = self.text[mark.start : mark.end].rstrip("\"”»' ")
        # “... Ted.” Trump called him ...: a full stop inside the marks ends the quote's sentence.
        ends_sentence = mark.closed and inner[-1:] == "."
        for i in range(last + 1, min(last + 1 + (0 if ends_sentence else NEAR_TOKENS), para_last + 1)):
            tok = sdoc[i]
            if tok.text in _SENT_END or tok.text in ('"', "“"):
                break
            if tok.lemma_ in CUE_VERBS and tok.pos_ in ("VERB", "AUX"):
                if any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                    break  # '… to “vote your conscience” and said he was …': the verb reports its own clause
                return tok
        if mark.closed and inner[-1:] in (",", "?", "!", "—"):
            # “..., ” Ann Lee, the mayor of Bree, shouted: the comma says an attribution follows.
            for i in range(last + 1, min(last + 1 + FAR_TOKENS, para_last + 1)):
                tok = sdoc[i]
                if tok.text in _SENT_END or tok.text in ('"', "“"):
                    break
                if tok.pos_ == "VERB" and any(c.dep_ in SUBJECTS and c.i > last for c in tok.children):
                    return tok
        for i in range(first - 1, max(first - 1 - NEAR_TOKENS, para_first - 1), -1):
            tok = sdoc[i]
            if tok.text in _SENT_END or tok.text in ('"', "”"):
                break
            if tok.lemma_ in CUE_VERBS and tok.pos_ in ("VERB", "AUX"):
                return tok
        return None

    def direct(self, mark: Marked, used: set[int]) -> _Found | None:
        text = self.text
        n = _n_words(text, mark.start, mark.end)
        if n < MIN_CUED_WORDS:
            return None
        turn = _TRANSCRIPT_SPEAKER.match(text, mark.start)
        if turn is not None:
            s_start, s_end = turn.start(1), turn.end(1)
            turn_speaker = Speaker(s_start, s_end, turn.group(1).split()[-1].lower(), s_start, s_end)
            return _Found(mark.start, mark.end, "direct", None, None, turn_speaker, mark.para_start)
        if n < MIN_UNCUED_WORDS and self.titled(mark):
            return None
        verb = self.linked_cue(mark)
        if verb is not None and n < MIN_UNCUED_WORDS and verb.idx < mark.start:
            inner = text[mark.start : mark.end].rstrip("\"”»' ")
            if inner[-1:] not in _SENT_END:
                # 'called the senator a “nasty guy”': a quoted phrase in the verb's object is a mixed quote
                f = self.embedded(mark, used)
                if f is not None:
                    return f
        if verb is not None:
            if not self.reports_more(verb, mark):
                used.add(verb.i)  # else the verb's whole clause is reported: a mixed quote, found later
            speaker = speaker_span(self.sdoc, verb, (mark.start, mark.end))
            if speaker is not None and self.quoted(speaker.head_start):
                speaker = None  # '“Senator,” Lee said, “We never …”': a subject in another quote is a slip
            if speaker is not None and speaker.head in PERSON_PRONOUNS | PLURAL_PRONOUNS | {"it"}:
                speaker = self.what_they_call(verb, mark) or speaker
            if speaker is None and verb.idx >= mark.end:
                speaker = self.between_speaker(mark, verb) or self.after_speaker(verb)
            if addressed(verb) and verb.idx < mark.start:  # 'X was asked, “Would you ...?”'
                return _Found(
                    mark.start, mark.end, "direct", verb, verb.text, agent_speaker(verb), mark.para_start
                )
            f = _Found(mark.start, mark.end, "direct", verb, verb.text, speaker, mark.para_start)
            if speaker is None:  # a cue whose subject the parse lost: fall back as for an uncued quote
                f.inherit = True
                self.nearest_speaker(f)
            return f
        dash = _DASH_NAME.match(text, mark.end)
        if dash is not None:  # “...” ― Ana Ruiz: a byline-style attribution after a dash
            speaker = Speaker(
                dash.start(1), dash.end(1), dash.group(1).split()[-1].lower(), dash.start(1), dash.end(1)
            )
            return _Found(mark.start, mark.end, "direct", None, None, speaker, mark.para_start)
        colon = self.colon_speaker(mark)
        if colon is not None:  # Philip Bump: “Two weeks ago, …”
            return _Found(mark.start, mark.end, "direct", None, None, colon, mark.para_start)
        starts_para = text[mark.para_start : mark.start].strip() == ""
        inner = text[mark.start : mark.end].rstrip('"”» ')
        sentence_like = n >= MIN_UNCUED_WORDS and inner[-1:] in (".", "!", "?", ",")
        last = self.last
        # “…,” Lee said. “Not now.”: a second quote right after the cue of the first goes on with it.
        resumes = (
            last is not None
            and last.kind == "direct"
            and last.para_start == mark.para_start
            and last.cue is not None
            and last.end <= last.cue.idx < mark.start
            and self.goes_on(last.cue.idx, mark.start)
        )
        if starts_para or sentence_like or resumes:
            f = _Found(mark.start, mark.end, "direct", para_start=mark.para_start, inherit=True)
            self.nearest_speaker(f)
            return f
        return self.embedded(mark, used)

    def goes_on(self, cue_at: int, start: int) -> bool:
        """Whether a quote at ``start`` can go on with the quote whose cue is at ``cue_at``: it follows
        the cue closely ("said, “and ...”") or opens the next sentence ("said. “Not now.”")."""
        gap = self.text[cue_at:start]
        if _n_words(gap, 0, len(gap)) <= MAX_RESUME_GAP:
            return True
        stop = max(gap.rfind(ch) for ch in _SENT_END)
        return stop != -1 and _n_words(gap, stop, len(gap)) == 0

    def titled(self, mark: Marked) -> bool:
        """Whether a short quote is the name of a show, book or film after a preposition ('in an
        interview on CBS's “Face the Nation,”'), not words anyone said."""
        first, last = self.tok_at(mark.start), self.tok_at(max(mark.start, mark.end - 1))
        roots = [t for t in self.sdoc[first : last + 1] if not t.is_punct and not first <= t.head.i <= last]
        if not (len(roots) == 1 and roots[0].dep_ == "pobj" and roots[0].head.i < first):
            return False
        words = [m.group() for m in _WORD.finditer(self.text, mark.start, mark.end)]
        return all(w[0].isupper() for w in words if len(w) > MAX_TITLE_LOWER)

    def cut_after_quote(self, start: int, end: int, marks: list[Marked]) -> int:
        """End a mixed quote at its last quote when an adverbial clause of the quote follows it
        ('says he's “excited where we stand” as he faces a test': the test is not said)."""
        for m in marks:
            if start <= m.start and m.end <= end:
                first, last = self.tok_at(m.start), self.tok_at(max(m.start, m.end - 1))
                if any(
                    c.dep_ == "advcl" and c.idx >= m.end
                    for i in range(first, last + 1)
                    for c in self.sdoc[i].rights
                ):
                    return m.end
        return end

    def what_they_call(self, verb: Token, mark: Marked) -> Speaker | None:
        """The governing verb's speaker for "Ban condemned what he called a “brazen breach”"."""
        if not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in verb.children):
            return None
        tok = verb
        for _ in range(MAX_CLIMB):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ == "VERB":
                return speaker_span(self.sdoc, tok, (mark.start, mark.end))
        return None

    def colon_speaker(self, mark: Marked) -> Speaker | None:
        """The name right before a colon that opens the quote ("… - Philip Bump: “…”")."""
        sdoc, text = self.sdoc, self.text
        i = self.tok_at(mark.start) - 1
        while i > 0 and sdoc[i].is_space:
            i -= 1
        if i < 1 or sdoc[i].text != ":":
            return None
        para_start = mark.para_start
        if sdoc[i].idx < para_start:
            if text[para_start : mark.start].strip():
                return None
            # "The governor issued this note:¶¶“…”": a colon ending the paragraph before
            para_start = text.rfind("\n", 0, sdoc[i].idx) + 1
        hi = i
        while i > 0 and sdoc[i - 1].pos_ == "PROPN" and sdoc[i - 1].idx >= para_start and hi - i < 5:
            i -= 1
        governed = sdoc[hi - 1].dep_ in ("pobj", "dobj") and sdoc[i - 1].text not in DASHES
        if i == hi or governed:
            # "Obama is rolling out a new message: “It's about me.”": the clause's subject, a person
            # (also for a name the verb governs: "X told the Dutch paper Trouw: “…”" is X's)
            speaker = self.colon_clause_speaker(sdoc[hi - 1], mark)
            if speaker is not None or i == hi:
                return speaker
        span = sdoc[i:hi]
        head = sdoc[hi - 1]
        return Speaker(span.start_char, span.end_char, head.lower_, head.idx, head.idx + len(head.text))

    def colon_clause_speaker(self, last: Token, mark: Marked) -> Speaker | None:
        """The personal subject of the clause whose last word, ``last``, comes before a colon."""
        verb = last
        for _ in range(COLON_CLIMB):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be":
            return None  # ("Here they are: “…”")
        speaker = speaker_span(self.sdoc, verb, (mark.start, mark.end))
        return speaker if speaker is not None and personal(self.sdoc, speaker, self.index) else None

    def after_speaker(self, verb: Token) -> Speaker | None:
        """The name the parse hung on an inverted verb as an object ("“…,” recalled Mr. Rhodes")."""
        sdoc = self.sdoc
        nxt = verb.i + 1
        if nxt >= len(sdoc) or sdoc[nxt].pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
            return None
        child = next(
            (
                c
                for c in verb.rights
                if c.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos") and c.pos_ in ("PROPN", "NOUN")
            ),
            None,
        )
        if child is None or child.left_edge.i != nxt:
            # the parse lost the name altogether: take the run of proper nouns after the verb
            right = nxt
            while right < len(sdoc) and sdoc[right].pos_ == "PROPN" and right - nxt < MAX_SPEAKER_TOKENS:
                right += 1
            if right == nxt:
                return None
            child = sdoc[right - 1]
        right = child.i + 1
        span = sdoc[nxt:right]
        return Speaker(span.start_char, span.end_char, child.lower_, child.idx, child.idx + len(child.text))

    def between_speaker(self, mark: Marked, verb: Token) -> Speaker | None:
        """The noun phrase between a quote and its verb when the parse gave the verb no subject
        ("“…,” Flynn, a top aide, said": an apposition the parse hung elsewhere)."""
        sdoc = self.sdoc
        lo, hi = self.tok_at(mark.end), verb.i
        if sdoc[lo].idx < mark.end:
            lo += 1
        while lo < hi and (sdoc[lo].is_punct or sdoc[lo].is_space):
            lo += 1
        while hi > lo and (sdoc[hi - 1].is_punct or sdoc[hi - 1].is_space):
            hi -= 1
        head = next((t for t in sdoc[lo:hi] if t.pos_ in ("PROPN", "PRON", "NOUN")), None)
        if head is not None:  # "Bill Eastland, wearing a cowboy hat, said": the name before the comma
            hi = next((t.i for t in sdoc[head.i : hi] if t.text == ","), hi)
        if head is None or not 0 < hi - lo <= MAX_SPEAKER_TOKENS:
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in sdoc[lo:hi]):
            return None
        while head.i + 1 < hi and sdoc[head.i + 1].pos_ == head.pos_ == "PROPN":
            head = sdoc[head.i + 1]  # the surname of "James Acton"
        span = sdoc[lo:hi]
        return Speaker(span.start_char, span.end_char, head.lower_, head.idx, head.idx + len(head.text))

    def reports_more(self, verb: Token, mark: Marked) -> bool:
        """Whether ``verb``'s complement holds the quote and more words besides it."""
        comps = [c for c in verb.children if c.dep_ == "ccomp"]
        comp = next((c for c in comps if c.i > verb.i), comps[0] if comps else None) or told_clause(verb)
        if comp is None:
            return False
        start, end = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)
        if mark.start <= comp.idx < mark.end and not (verb.idx < start < mark.start):
            return False  # the quote is the whole clause; else "said Kim's state is “spiraling”" is mixed
        if not (start <= mark.start and _words_end(self.text, mark.start, mark.end) <= end):
            return False  # (closing marks and the full stop often hang on the verb, not the clause)
        return _n_words(self.text, start, end) > _n_words(self.text, mark.start, mark.end) + 1

    def embedded(self, mark: Marked, used: set[int]) -> _Found | None:
        """A short quote inside a reported clause: 'Clinton called the plan a “crazy system”'."""
        sdoc = self.sdoc
        first, last = self.tok_at(mark.start), self.tok_at(max(mark.start, mark.end - 1))
        root = next((sdoc[i] for i in range(first, last + 1) if not first <= sdoc[i].head.i <= last), None)
        if root is None:
            return None
        child, tok = root, root.head
        for _ in range(MAX_CLIMB):
            if tok.pos_ == "VERB" or tok.i == child.i:
                break
            child, tok = tok, tok.head
        if tok.pos_ != "VERB" or tok.i in used or tok.i == child.i:
            return None
        while tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in CUE_VERBS and tok.head.i not in used:
            child, tok = tok, tok.head  # "Cruz said he wasn't going to “act like ...”": Cruz said it
        if child.i < tok.i:
            return None  # the quote is (part of) the subject
        speaker = aside_speaker(sdoc, tok) or speaker_span(sdoc, tok, None)
        outer = reporter(tok)
        if outer is not None and outer.i not in used:  # "Kerry said the US would take “robust steps”"
            speaker = speaker_span(sdoc, outer, None) or speaker
        if speaker is not None and speaker.head in PERSON_PRONOUNS | PLURAL_PRONOUNS | {"it"}:
            speaker = self.what_they_call(tok, mark) or speaker
        if speaker is None:
            return None
        if tok.lemma_ not in EMBEDDING_VERBS and not personal(sdoc, speaker, self.index):
            return None  # any verb may frame a quoted phrase, but then only a person's or group's
        args = [c for c in tok.rights if c.dep_ not in NON_ARGUMENTS and c.i <= child.i]
        start_tok = args[0].left_edge if args else child.left_edge
        # All the verb's arguments after it: "called the senator a “nasty guy,” an “anchor baby”".
        later = [c for c in tok.rights if c.dep_ not in NON_ARGUMENTS and c.i > child.i]
        end_tok = later[-1].right_edge if later else child.right_edge
        start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
        start, end = max(start, mark.para_start), min(max(end, mark.end), mark.para_end)
        if any(
            c.dep_ == "advcl" and c.idx >= mark.end for i in range(first, last + 1) for c in sdoc[i].rights
        ):
            end = mark.end  # 'says he's “excited where we stand” as he faces ...': the clause is not said
        used.add(tok.i)
        return _Found(start, end, "mixed", tok, tok.text, speaker, mark.para_start)

    def nearest_speaker(self, f: _Found) -> None:
        """The subject of the closest reporting verb before ``f`` ("X told reporters: ...")."""
        k = bisect_right(self.cue_starts, f.start)
        while k > 0:
            k -= 1
            verb = self.cues[k]
            if verb.idx < f.start - FALLBACK_CHARS:
                return
            if verb.lemma_ not in CUE_VERBS or verb.dep_ in ("relcl", "acl"):
                continue  # (a verb in a relative clause: "said in a film that showed ...")
            if (
                verb.dep_ == "advcl"
                and verb.head.lemma_ in CUE_VERBS
                and any(c.dep_ == "mark" for c in verb.children)
            ):
                continue  # ('“…,” Lee said, as she pressed for …': the subordinate clause reports nothing here)
            k_mark = bisect_right(self.mark_ends, verb.idx) - 1
            if k_mark + 1 < len(self.marks) and self.marks[k_mark + 1].start <= verb.idx:
                continue  # a verb inside a quote ("do you really think ...") reports nothing here
            before = self.marks[k_mark] if k_mark >= 0 else None
            # “…,” X said: the verb's subject is never in the quote before it.
            speaker = speaker_span(self.sdoc, verb, (before.start, before.end) if before else None)
            if speaker is not None and speaker.head not in ("it", "that", "this", "which", "who"):
                f.fallback, f.fallback_at = speaker, verb.idx
                return

    def indirect(self, verb: Token, marks: list[Marked]) -> _Found | None:
        nested = verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in CUE_VERBS and verb.head.i < verb.i
        # "X said she felt that ...": the outer report holds this one; kept only for a named speaker
        stance = nested and (verb.dep_ == "xcomp" or verb.lemma_ not in NESTED_REPORTS)
        colon = after_colon(self.text, verb, marks)
        if colon is not None:
            return self.colon_report(verb, *colon)
        comp: Token | None = None
        nominal = learned = around = False
        if verb.lemma_ in HAND_CUES:
            # A clause before the verb and a semicolon is another sentence ("X said A; Y warned of B").
            comps = [
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and not (c.i < verb.i and any(t.text == ";" for t in self.sdoc[c.right_edge.i : verb.i]))
            ]
            # Prefer the clause after the verb: "It's unlikely; the team says she'll go on" reports the latter.
            comp = next((c for c in comps if c.i > verb.i), comps[0] if comps else None)
            if comp is not None and comp.i < verb.i:
                after = nominal_content(verb)  # "The fight is bitter - Lee has vowed to win": what follows
                if after is not None and after.i > verb.i:
                    comp, nominal = after, True
            if comp is None and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
                comp = verb.head  # "Acts of protest, he said, are acts of patriotism": the clause around it
                around = True
                if comp.dep_ == "conj" and comp.head.i < verb.i and joins(verb):
                    comp, around = None, False  # "It takes weeks, he said, and talks stall": the first clause
            if comp is None:
                comp = as_clause(verb)
                around = comp is not None
            if comp is None:
                comp = told_clause(verb)
            if comp is None and (fronted := fronted_span(verb)) is not None:
                start, end, who = fronted
                found = self.colon_report(verb, start, end)
                if found is not None and found.speaker is not None and who < found.speaker.start:
                    found.speaker = replace(found.speaker, start=who)  # the whole title the parse split
                return found
            if comp is None:
                comp, nominal = nominal_content(verb), True
        if comp is None:
            pattern = learned_content(verb)
            if pattern is None:
                return None
            kind_name, comp = pattern
            nominal, learned = kind_name != "ccomp", True
        right = comp.right_edge
        if nominal:
            for c in verb.rights:  # "criticized the law as a “crazy system”"
                if c.i > comp.i and (
                    c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
                ):
                    right = c.right_edge
            if comp.dep_ == "dobj":
                right = object_tail(verb, right)
            elif comp.dep_ == "xcomp":
                right = infinitive_tail(verb, right)
        right = cut_tail(verb, comp, right, self.conjoined)
        left = comp.left_edge
        extracted = not around and left.i < verb.i < comp.i
        if extracted:  # "the mine, which Lee says he will keep open": the content after the verb
            left = self.sdoc[verb.i + 1]
        if around and verb.dep_ == "advcl":  # "As critics noted, the plan ...": the clause without "as ..."
            edges = outside(verb, left, right)
            if edges is None:
                return None
            left, right = edges
        start, end = left.idx, right.idx + len(right)
        # The parse can run a complement back over headlines and paragraphs: keep the verb's paragraph.
        para_start = self.text.rfind("\n", 0, verb.idx) + 1
        para_end = self.text.find("\n", verb.idx)
        start = max(start, para_start)
        end = min(end, para_end if para_end != -1 else len(self.text))
        start, end = self.semicolon_clause(start, end, verb.idx)
        # Trim punctuation and marks at the edges; the content is the words.
        while start < end and not text_is_word(self.text[start]):
            start += 1
        while end > start and self.text[end - 1] in " ,.;:—–-":
            end -= 1
        min_words = MIN_INDIRECT_WORDS
        if nominal:
            min_words = MIN_NAMED_OBJECT_WORDS if comp.pos_ == "PROPN" and not learned else MIN_OBJECT_WORDS
        if _n_words(self.text, start, end) < min_words:
            return None
        if any(
            m.start <= comp.idx < m.end
            and _n_words(self.text, start, end) <= _n_words(self.text, m.start, m.end) + 2
            for m in marks
        ):
            return None  # the complement is a quoted clause: that quote is direct and cued already
        kind = (
            "mixed"
            if any(start <= m.start and _words_end(self.text, m.start, m.end) <= end for m in marks)
            else "indirect"
        )
        if kind == "mixed":
            end = self.cut_after_quote(start, end, marks)
        parenthetical = around or comp.i == verb.head.i  # its subject sits inside the content span
        speaker = speaker_span(self.sdoc, verb, None if parenthetical else (start, end))
        # the report around this one speaks for it ("X said the bill demands that ..."), unless this one
        # comes first or is a clause with its own subject ("..., and Y warned that ...")
        # ("…, and that she doubts …" goes on with the outer report: its "that" makes it a second clause)
        own = (
            verb.dep_ == "conj"
            and any(c.dep_ in SUBJECTS for c in verb.children)
            and not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        )
        outer = reporter(verb) if verb.head.i < verb.i and not own else None
        outer = outer or self.conjoined.get(verb.i)
        if nested and verb.lemma_ in SPEECH_VERBS and speaker is not None and speaker.head not in PRONOUNS:
            outer = None  # "X said Y told him that ...": Y told it
        if speaker is not None and speaker.head in POLLED_SHARES:
            outer = polled_by(verb) or outer  # "The survey showed that 61 percent said …": the survey
        if speaker is not None and speaker.head == "who" and restrictive(self.sdoc, verb):
            outer = enclosing_report(verb) or outer  # "X said he met no donors who asked …": X
        if outer is not None:  # "X said the spate of shootings demands that ...": X speaks
            speaker = speaker_span(self.sdoc, outer, (start, end)) or speaker
        if speaker is not None and self.quoted(speaker.head_start) and not self.quoted(verb.idx):
            # '“...,” Sanders said, suggesting ...': the parse took a subject inside the quote
            probe = _Found(verb.idx, verb.idx, kind)
            self.nearest_speaker(probe)
            speaker = probe.fallback
        if addressed(verb) or expected_span(self.text, verb) is not None:
            # "X was asked whether ...": the asker speaks, often unnamed; "X is expected to ...": no one
            return _Found(start, end, kind, verb, verb.text, agent_speaker(verb), learned=learned)
        if speaker is not None and speaker.head == "it" and expletive(verb):
            # "it was reported that …", "it seems …", "it is hard to predict …": no source
            return _Found(start, end, kind, verb, verb.text, None, learned=learned)
        if speaker is None and not nominal and verb.lemma_ in CUE_VERBS:
            lost = lost_subject(verb)  # "... with the Post Trump said that ...": the parse lost the subject
            if lost is not None and not start <= lost[0] < end:
                speaker = Speaker(lost[0], lost[1], lost[2].lower_, lost[2].idx, lost[1])
        if speaker is None or speaker.head in NOT_SPEAKERS:
            # a report with no one reporting ("it is said that", "That says ...") is mostly not a quote
            return None
        if stance and not self.named(speaker):
            return None
        if extracted and (nominal or speaker.head in PRONOUNS):
            return None  # "the trip he planned", "which he said ...": on train mostly an outer report's
        return _Found(start, end, kind, verb, verb.text, speaker, learned=learned)

    def semicolon_clause(self, start: int, end: int, at: int) -> tuple[int, int]:
        """The part of a content on the verb's side of an unquoted semicolon: the parse can hang two
        clauses joined by one on a single verb ("X said A; they learned B")."""
        for m in re.finditer(";", self.text[start:end]):
            pos = start + m.start()
            if self.quoted(pos):
                continue
            if pos > at:
                return start, pos
            start = pos + 1
        return start, end

    def named(self, speaker: Speaker) -> bool:
        """Whether a speaker's head word is a proper noun ("Smith said he believes ...": Smith)."""
        head = self.sdoc.char_span(speaker.head_start, speaker.head_end)
        return head is not None and head[0].pos_ == "PROPN"

    def colon_report(self, verb: Token, start: int, end: int) -> _Found | None:
        speaker = speaker_span(self.sdoc, verb, (start, end))
        if speaker is None or speaker.head in NOT_SPEAKERS:
            return None
        return _Found(start, end, "indirect", verb, verb.text, speaker)

    def expected(self, verb: Token) -> _Found | None:
        """Reports with no source: "X is expected to ..." (:func:`expected_span`) and "X was accused
        of ..." (:func:`quotes_frames.judged_span`)."""
        span = expected_span(self.text, verb) or judged_span(self.text, verb)
        if span is None or self.quoted(verb.idx):
            return None
        return _Found(span[0], span[1], "indirect", verb, verb.text, None)

    def quoted(self, char: int) -> bool:
        """Whether ``char`` lies inside quotation marks."""
        k = bisect_right(self.mark_ends, char)
        return k < len(self.marks) and self.marks[k].start <= char

    def first_person_turns(self, found: list[_Found]) -> None:
        """ "I"/"we" inside a transcript turn ("FALLIN: I think he is ...") is the turn's speaker."""
        text = self.text
        for f in found:
            if f.speaker is None:
                continue
            para_start = text.rfind("\n", 0, f.speaker.start) + 1
            turn = _TURN.match(text, para_start)
            if turn is None or turn.group(1).split()[0].lower() in NOT_SOURCES:
                continue
            if f.speaker.head not in FIRST_PERSON and not (turn.group(1).isupper() and f.start >= turn.end()):
                continue  # in a transcript turn ("PENCE: ..."), all that is quoted is the turn's
            s, e = turn.start(1), turn.end(1)
            f.speaker = Speaker(s, e, turn.group(1).split()[-1].lower(), s, e)

    def colon_lines(self, found: list[_Found]) -> list[_Found]:
        """Headline and transcript lines "Sanders: Clinton needs to ...", "PENCE: Well, look, ..."."""
        out: list[_Found] = []
        for m in _COLON_LINE.finditer(self.text):
            src = m.group("src")
            if (
                src.split()[0].lower() in NOT_SOURCES
                or _n_words(self.text, m.start("body"), m.end("body")) < 4
            ):
                continue
            start, end = m.start("body"), m.end("body")
            if any(f.start < end and start < f.end for f in found + out):
                continue
            speaker = Speaker(
                m.start("src"), m.end("src"), src.split()[-1].lower(), m.start("src"), m.end("src")
            )
            kind = "direct" if _MARK_CHARS.search(m.group("body")) else "indirect"
            out.append(_Found(start, end, kind, None, None, speaker, m.start()))
        return out

    def framed(self, found: list[_Found], frames: bool) -> list[_Found]:
        """Reports framed by a fronted source ("In this poll, ...": :mod:`quotes_frames`) or else by an
        owned noun cue ("Trump's claim that ...": :mod:`quotes_nouns`), outside the reports found."""
        spans = [(f.start, f.end) for f in found]
        got = framed_reports(self.sdoc, spans) if frames else noun_reports(self.text, self.sdoc, spans)
        return [_Found(s, e, "indirect", t, t.text, sp) for s, e, t, sp in got if not self.quoted(t.idx)]

    def headline(self, found: list[_Found]) -> list[_Found]:
        """Reports in a headline (:mod:`quotes_headline`): a title-case one is read again in sentence
        case (unless the body's parse already found a report over half of it), and its subject, verb
        and rest read as a report; of the readings the one that covers most words wins."""
        text = self.text
        span = headline_span(text)
        if span is None:
            return found
        h_start, h_end = span
        body = [f for f in found if f.start >= h_end]
        readings = [[f for f in found if f.start < h_end]]
        hdoc = self.sdoc
        covered = self._covered(readings[0]) * 2 >= _n_words(text, h_start, h_end)
        if self.parse is not None and not covered and title_case(text, h_start, h_end):
            recased = text[:h_start] + sentence_case(text, h_start, h_end, body_names(text, h_start, h_end))
            hdoc = self.parse(recased)
            again = [f for f in _Extractor(Document(text=recased), hdoc, self.index).run() if f.start < h_end]
            for f in again:
                if f.cue is not None and f.cue_text == f.cue.text:
                    f.cue_text = text[f.cue.idx : f.cue.idx + len(f.cue.text)]
            readings.append(again)
        got = subject_report(hdoc, h_start, h_end, HEADLINE_CUES)
        if got is not None:
            verb, subj, (start, end) = got
            first, last = subj.left_edge, subj.right_edge
            speaker = Speaker(
                first.idx, last.idx + len(last.text), subj.lower_, subj.idx, subj.idx + len(subj.text)
            )
            cue_text = text[verb.idx : verb.idx + len(verb.text)]
            readings.append([_Found(start, end, "indirect", verb, cue_text, speaker, h_start)])
        return max(readings, key=self._covered) + body

    def _covered(self, found: list[_Found]) -> int:
        return sum(_n_words(self.text, f.start, f.end) for f in found)

    def according(self, sdoc: Doc) -> list[_Found]:
        out = []
        pos = self.text.find("ccording to")
        while pos != -1:
            i = self.tok_at(pos)
            tok = sdoc[i]
            if tok.lower_ == "according" and i + 1 < len(sdoc) and sdoc[i + 1].lower_ == "to":
                f = self._according_at(tok, sdoc[i + 1])
                if f is not None:
                    out.append(f)
            pos = self.text.find("ccording to", pos + 1)
        return out

    def _according_at(self, tok: Token, to: Token) -> _Found | None:
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        sent: Span = tok.sent
        pp_end = obj.right_edge.i + 1 if obj is not None else to.i + 1
        if pp_end - tok.i > MAX_SPEAKER_TOKENS + 2:
            pp_end = obj.i + 1 if obj is not None else to.i + 1
        if tok.i - sent.start <= 1:
            lo, hi = pp_end, sent.end
        else:
            lo, hi = sent.start, tok.i
        while lo < hi and (self.sdoc[lo].is_punct or self.sdoc[lo].is_space):
            lo += 1
        while hi > lo and (self.sdoc[hi - 1].is_punct or self.sdoc[hi - 1].is_space):
            hi -= 1
        if hi - lo < MIN_INDIRECT_WORDS:
            return None
        content = self.sdoc[lo:hi]
        speaker = None
        if obj is not None:
            sp = self.sdoc[to.i + 1 : pp_end]
            speaker = Speaker(sp.start_char, sp.end_char, obj.lower_, obj.idx, obj.idx + len(obj.text))
        cue = self.sdoc[tok.i : to.i + 1]
        return _Found(content.start_char, content.end_char, "indirect", tok, cue.text, speaker)


#: Head words of a share of the people polled ("61 percent of voters", "a majority", "three in four"):
#: what they say is reported by the poll that found it.
POLLED_SHARES = frozenset({"percent", "%", "majority", "plurality", "half", "third", "quarter", "three"})
#: Verbs by which a poll, survey or study reports what its respondents said.
POLL_VERBS = frozenset({"show", "find", "suggest", "indicate", "reveal", "say"})


def polled_by(verb: Token) -> Token | None:
    """The verb a few heads up by which a poll reports ``verb``'s share of respondents: "The poll
    shows Lee ahead, with 9 percent backing a third candidate"."""
    tok = verb
    for _ in range(MAX_CLIMB):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_ in POLL_VERBS and tok.pos_ == "VERB" and tok.i < verb.i:
            subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
            # ("60 percent said …, while 30 percent said …": no poll above)
            return tok if subjects and subjects[0].lower_ not in POLLED_SHARES else None
    return None


#: How many heads up from a relative clause the report holding it may be.
MAX_ENCLOSING = 6


#: Verbs whose subject "it" is a placeholder ("it seems that …").
RAISING_VERBS = frozenset({"seem", "appear"})
#: Verbs whose "it" lends no source to the infinitive or participle below ("it is hard to predict …",
#: "it means admitting …").
PLACEHOLDER_HEADS = RAISING_VERBS | frozenset({"be", "mean"})


def expletive(verb: Token) -> bool:
    """Whether a subject "it" of ``verb`` stands for no one: the verb is passive ("it was reported
    that …"), a raising verb ("it seems …") or borrows the "it" of a verb above ("it is hard to
    predict …")."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None:  # ("it declined, citing …": a participle's "it" is the one that declined)
        return verb.head.lemma_ in PLACEHOLDER_HEADS
    return subj.dep_ == "nsubjpass" or verb.lemma_ in RAISING_VERBS


def restrictive(sdoc: Doc, verb: Token) -> bool:
    """Whether ``verb`` heads a restrictive relative clause on a common noun ("donors who asked",
    not "Ann Lee, who asked" nor "12 percent who say")."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.lower_ in POLLED_SHARES:
        return False
    first = verb.left_edge
    return first.i > 0 and not sdoc[first.i - 1].is_punct


def enclosing_report(verb: Token) -> Token | None:
    """The reporting verb whose clausal complement holds the relative clause of ``verb``: "Lee said
    she met no donors who asked …" (PolNeAR counts what the donors asked as Lee's)."""
    tok = verb
    for _ in range(MAX_ENCLOSING):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "ccomp" and head.lemma_ in CUE_VERBS and head.pos_ == "VERB":
            return head
        tok = head
    return None


def quoted_first_person(found: list[_Found]) -> None:
    """ "I"/"we" reporting inside a direct quote is the quote's speaker: in '“I think the plan will
    fail,” Ruiz said' the gold Source of "the plan will fail" is Ruiz."""
    direct = [f for f in found if f.kind == "direct" and f.speaker is not None]
    for f in found:
        if f.kind == "direct" or f.speaker is None or f.speaker.head not in FIRST_PERSON or f.cue is None:
            continue
        at = f.cue.idx
        d = next((d for d in direct if d.start <= at < d.end), None)
        if d is not None:
            f.speaker = d.speaker


def attribute_to_according(text: str, found: list[_Found], according: list[_Found]) -> None:
    """A report inside the content of "according to X" is X's: in "the minister ordered a
    recount, according to two aides" the aides are the source (PolNeAR's one Source)."""
    for a in according:
        if a.speaker is None or a.cue is None:
            continue
        for f in found:
            if f is not a and within_according(text, f, a, a.cue.idx):
                f.speaker = a.speaker


def within_according(text: str, f: _Found, a: _Found, cue_at: int) -> bool:
    """Whether ``f`` lies in the content of the "according to" report ``a`` (cue at ``cue_at``),
    in the cue's paragraph (the parse can run a sentence over a paragraph break)."""
    first = _WORD.search(text, f.start, f.end)  # (the content starts after an opening mark)
    if first is None or first.start() < a.start:
        return False
    lo, hi = sorted((cue_at, f.start))
    if "\n" in text[lo:hi]:
        return False
    # a quote with no speaker of its own may run past the sentence: 'According to X, “…. …”'
    return f.end <= a.end or (f.speaker is None and cue_at < f.start < a.end)


def text_is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "\"“'‘"


def extract(
    doc: Document, sdoc: Doc, index: EntityIndex | None, parse: Callable[[str], Doc] | None = None
) -> list[Quote]:
    """All quotes of ``doc`` in text order, speakers resolved through ``index``; ``parse`` (the run's
    model) reads a title-case headline again in sentence case."""
    found = _Extractor(doc, sdoc, index, parse).run()
    quotes: list[Quote] = []
    prev: Quote | None = None
    prev_para = -1
    text = doc.text
    for f in found:
        speaker_ref: SpanRef | None = None
        speaker_id: str | None = None
        if f.speaker is not None:
            speaker_ref = SpanRef(
                start=f.speaker.start, end=f.speaker.end, text=text[f.speaker.start : f.speaker.end]
            )
            speaker_id = resolve(
                index, f.speaker, prev.speaker if prev else None, prev.end if prev else -1, speaker_ref.text
            )
        elif f.inherit:
            follows = (
                prev is not None
                and prev.kind != "indirect"
                and (prev_para == f.para_start or text[prev.end : f.start].strip() == "")
            )
            if not follows and f.para_start == f.start:
                follows = (
                    prev is not None
                    and text[prev.end : f.start].count("\n") <= 2
                    and prev.end > f.start - 400
                )
            pronoun = f.fallback is not None and f.fallback.head in PERSON_PRONOUNS
            if f.fallback is not None and (
                not follows
                or prev is None
                or (f.fallback_at > prev.end and not (pronoun and prev_para == f.para_start))
            ):
                speaker_ref = SpanRef(
                    start=f.fallback.start, end=f.fallback.end, text=text[f.fallback.start : f.fallback.end]
                )
                speaker_id = resolve(
                    index, f.fallback, prev.speaker if prev else None, prev.end if prev else -1
                )
            elif follows and prev is not None:
                speaker_ref, speaker_id = prev.speaker_mention, prev.speaker
        entity = index.get(speaker_id) if index is not None else None
        quote = Quote(
            id=f"q{len(quotes) + 1}",
            text=text[f.start : f.end],
            start=f.start,
            end=f.end,
            kind=f.kind,  # type: ignore[arg-type]
            cue=f.cue_text,
            cue_span=(f.cue.idx, f.cue.idx + len(f.cue.text)) if f.cue is not None and f.cue_text else None,
            speaker_mention=speaker_ref,
            speaker=speaker_id,
            speaker_name=entity.name if entity is not None else None,
            stage="quotes",
        )
        if f.cue_text and f.cue is not None and f.cue_text != f.cue.text:
            quote.cue_span = (f.cue.idx, f.cue.idx + len(f.cue_text))
        quotes.append(quote)
        prev, prev_para = quote, f.para_start
    return quotes


class QuotesStage:
    name = "quotes"
    version = "2"
    requires: tuple[str, ...] = ("entities", "parse")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        doc.quotes = extract(doc, sdoc, ctx.data.get("entities"), ctx.parse)


def make_stage() -> QuotesStage:
    return QuotesStage()
