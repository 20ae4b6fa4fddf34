"""Direct quotes: a quoted stretch, the reporting verb that cues it and that verb's speaker.

:class:`DirectQuotes` holds the state one document's extraction shares (text, parse, marks, cues) and
the rules for quotation marks; :class:`wiresift.nlp.quotes.extractor.Extractor` adds the indirect,
framed and headline rules on top of it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from wiresift.model import Document
from wiresift.nlp import doccache
from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS
from wiresift.nlp.quotes.bounds import quote_tail
from wiresift.nlp.quotes.common import (
    _DASH_NAME,
    _SENT_END,
    _TRANSCRIPT_SPEAKER,
    _WORD,
    COLON_CLIMB,
    DASHES,
    FALLBACK_CHARS,
    FAR_TOKENS,
    MAX_RESUME_GAP,
    MAX_TITLE_LOWER,
    MIN_CUED_WORDS,
    MIN_UNCUED_WORDS,
    NEAR_TOKENS,
    NON_ARGUMENTS,
    NOT_SPEAKERS,
    REPORT_WINDOW,
    Found,
    n_words,
    words_end,
)
from wiresift.nlp.quotes.cues import CUE_VERBS, EMBEDDING_VERBS, PATTERNS
from wiresift.nlp.quotes.indirect import (
    lost_subject,
    object_clause,
)
from wiresift.nlp.quotes.marks import Marked
from wiresift.nlp.quotes.speaker import (
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

#: Tags of a finite verb: a colon line's content with none of them is not a clause.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tags of quotation marks (straight, curly or single) that open or close quoted speech.
QUOTE_TAGS = frozenset({"``", "''"})
#: Commas that make a content without a finite verb a list (three items or more).
LIST_COMMAS = 2


def noun_list(span: Span) -> bool:
    """Whether a colon line's content is a list of noun phrases, not something said: no finite verb
    and at least three comma-separated items ("Dana R. Moss: Theft, resisting law enforcement, held
    on a $5,000 bond." on a charge sheet, "Contributors: Ann Lee, Bo Chan and Rui Sa."). A headline
    after a source's name ("Senator Vale: Tariff Plan a Gift to Rivals") has no list of items and
    stays, and so does quoted speech with no verb ("Lee: 'Never, ever, never again.'")."""
    if any(t.tag_ in FINITE_TAGS or t.tag_ in QUOTE_TAGS for t in span):
        return False
    return sum(t.text == "," for t in span) >= LIST_COMMAS


#: A pull quote shorter than this is too common a phrase to tell repeated.
MIN_PULLED_CHARS = 12
#: A quote alone on its line with no sentence end, at most this many words and none of
#: :data:`SPEAKING_WORDS` is a subhead.
MAX_SUBHEAD_WORDS = 10
#: Words of the first and second person: a line that holds one speaks to someone.
SPEAKING_WORDS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
_NON_FINITE = frozenset({"VBG", "VBN", "VB"})
#: Verbs that frame their object with a quoted phrase ("dubbed the plan “a slow siege.”").
FRAMING_VERBS = EMBEDDING_VERBS - CUE_VERBS


def _finite(verb: Token) -> bool:
    """Whether a verb heads a clause of its own: not a bare gerund, participle or infinitive."""
    return verb.tag_ not in _NON_FINITE or any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children
    )


class DirectQuotes:
    #: Set by :meth:`Extractor.run` before any rule runs.
    marks: list[Marked]
    mark_ends: list[int]
    mark_starts: list[int]
    cues: list[Token]
    cue_starts: list[int]
    last: Found | None
    #: A reporting verb split off a clausal content (see :func:`bounds.cut_tail`) -> the outer verb.
    conjoined: dict[int, Token]

    def __init__(
        self,
        doc: Document,
        sdoc: Doc,
        index: EntityIndex | None,
        parse: Callable[[str], Doc] | None = None,
        patterns: dict[str, frozenset[str]] = PATTERNS,
    ) -> None:
        self.text = doc.text
        self.sdoc = sdoc
        self.index = index
        self.parse = parse
        #: The learned ``lemma:complement`` patterns per subject group (:mod:`cues`); the training script
        #: passes candidates here while it prunes them.
        self.patterns = patterns
        # Token offsets and cue verbs from spaCy's arrays: no Python object per token.
        self.starts: list[int] = sdoc.to_array("IDX").tolist()

    def marks_near(self, char: int) -> list[Marked]:
        """The quotation marks that reach within :data:`REPORT_WINDOW` characters of ``char``: all a
        report around ``char`` can hold or touch (marks are in text order and do not overlap)."""
        lo = bisect_right(self.mark_ends, char - REPORT_WINDOW)
        hi = bisect_left(self.mark_starts, char + REPORT_WINDOW)
        return self.marks[lo:hi]

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def quoted(self, char: int) -> bool:
        """Whether ``char`` lies inside quotation marks."""
        k = bisect_right(self.mark_ends, char)
        return k < len(self.marks) and self.marks[k].start <= char

    def linked_cue(self, mark: Marked) -> Token | None:
        """The reporting verb the parse attaches to the quote, else one right beside it."""
        sdoc = self.sdoc
        first, last = self.tok_at(mark.start), self.tok_at(max(mark.start, mark.end - 1))
        para_first, para_last = (
            self.tok_at(mark.para_start),
            self.tok_at(max(mark.para_start, mark.para_end - 1)),
        )
        best: tuple[int, int] | None = None
        cache = doccache.of(sdoc)  # heads and lemmas read from the arrays: no Token made for each word
        heads, lemmas = cache.head_indices(), cache.lemma_forms()
        for i in range(first, last + 1):
            head = heads[i]
            if not (first <= head <= last) and para_first <= head <= para_last and lemmas[head] in CUE_VERBS:
                dist = min(abs(head - first), abs(head - last))
                if best is None or dist < best[0]:
                    best = (dist, head)
        if best is not None:
            return sdoc[best[1]]
        inner = self.text[mark.start : mark.end].rstrip("\"”»' ")
        # “... Ted.” Trump called him ...: a full stop inside the marks ends the quote's sentence.
        ends_sentence = mark.closed and inner[-1:] == "."
        for i in range(last + 1, min(last + 1 + (0 if ends_sentence else NEAR_TOKENS), para_last + 1)):
            tok = sdoc[i]
            if tok.text in _SENT_END or tok.text in ('"', "“"):
                break
            if tok.lemma_ in CUE_VERBS and tok.pos_ in ("VERB", "AUX"):
                if any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                    break  # '… to “mind the harbour” and said she was …': the verb reports its own clause
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

    def direct(self, mark: Marked, used: set[int]) -> Found | None:
        text = self.text
        n = n_words(text, mark.start, mark.end)
        if n < MIN_CUED_WORDS:
            return None
        turn = _TRANSCRIPT_SPEAKER.match(text, mark.start)
        if turn is not None:
            s_start, s_end = turn.start(1), turn.end(1)
            turn_speaker = Speaker(s_start, s_end, turn.group(1).split()[-1].lower(), s_start, s_end)
            return Found(mark.start, mark.end, "direct", None, None, turn_speaker, mark.para_start)
        if n < MIN_UNCUED_WORDS and self.titled(mark):
            return None
        verb = self.linked_cue(mark)
        if verb is not None and n < MIN_UNCUED_WORDS and verb.idx < mark.start:
            inner = text[mark.start : mark.end].rstrip("\"”»' ")
            before = text[verb.idx + len(verb.text) : mark.start].rstrip()
            # 'described the plan as “plainly reckless.”': the stop inside the marks ends the writer's
            # sentence, but the words between the verb and the quote make it part of the verb's object
            framed = n_words(text, verb.idx + len(verb.text), mark.start) >= 2 and (
                before.lower().endswith(" as") or verb.lemma_ in FRAMING_VERBS
            )
            if inner[-1:] not in _SENT_END or framed:
                # 'dubbed the mayor a “paper tiger”': a quoted phrase in the verb's object is a mixed quote
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
            if speaker is None and verb.lemma_ in CUE_VERBS:
                # 'Varga, who has told aides she …, said: “…”': the parse gave the verb no subject
                lost = lost_subject(verb)
                if lost is not None and not self.quoted(lost[0]):
                    speaker = Speaker(lost[0], lost[1], lost[2].lower_, lost[2].idx, lost[1])
            if addressed(verb) and verb.idx < mark.start:  # 'X was asked, “Would you ...?”'
                return Found(
                    mark.start, mark.end, "direct", verb, verb.text, agent_speaker(verb), mark.para_start
                )
            f = Found(mark.start, mark.end, "direct", verb, verb.text, speaker, mark.para_start)
            if speaker is None:  # a cue whose subject the parse lost: fall back as for an uncued quote
                f.inherit = True
                self.nearest_speaker(f)
            return f
        dash = _DASH_NAME.match(text, mark.end)
        if dash is not None:  # “...” ― Ana Ruiz: a byline-style attribution after a dash
            speaker = Speaker(
                dash.start(1), dash.end(1), dash.group(1).split()[-1].lower(), dash.start(1), dash.end(1)
            )
            return Found(mark.start, mark.end, "direct", None, None, speaker, mark.para_start)
        colon = self.colon_speaker(mark)
        if colon is not None:  # Ines Varga: “Last spring, …”
            return Found(mark.start, mark.end, "direct", None, None, colon, mark.para_start)
        starts_para = text[mark.para_start : mark.start].strip() == ""
        inner = text[mark.start : mark.end].rstrip('"”» ')
        if starts_para and mark.closed and self.pulled(mark, inner):
            return None
        sentence_like = n >= MIN_UNCUED_WORDS and inner[-1:] in (".", "!", "?", ",")
        comma = self.comma_speaker(mark) if sentence_like else None
        if comma is not None:  # As the mayor put it, “…”
            return Found(mark.start, mark.end, "direct", None, None, comma, mark.para_start)
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
            f = Found(mark.start, mark.end, "direct", para_start=mark.para_start, inherit=True)
            self.nearest_speaker(f)
            return f
        return self.embedded(mark, used)

    def pulled(self, mark: Marked, inner: str) -> bool:
        """Whether a quote alone on its line, with no sentence end, is a subhead or pull quote, not a
        statement of its own: it is short and speaks in no person (a quoted subhead "“A bridge for
        everyone”" between two paragraphs; "“We will keep going”" is someone's words) or it repeats
        words quoted elsewhere in the text."""
        text = self.text
        if text[mark.end : mark.para_end].strip() or inner[-1:] in _SENT_END or inner[-1:] == ",":
            return False
        said = [m.group().lower() for m in _WORD.finditer(text, mark.start, mark.end)]
        if len(said) <= MAX_SUBHEAD_WORDS and not SPEAKING_WORDS.intersection(said):
            return True
        phrase = inner.lstrip("\"“«' …").strip(" .…")
        if len(phrase) < MIN_PULLED_CHARS:
            return False
        return text.find(phrase, mark.end) != -1 or text.rfind(phrase, 0, mark.start) != -1

    def goes_on(self, cue_at: int, start: int) -> bool:
        """Whether a quote at ``start`` can go on with the quote whose cue is at ``cue_at``: it follows
        the cue closely ("said, “and ...”") or opens the next sentence ("said. “Not now.”")."""
        gap = self.text[cue_at:start]
        if n_words(gap, 0, len(gap)) <= MAX_RESUME_GAP:
            return True
        stop = max(gap.rfind(ch) for ch in _SENT_END)
        return stop != -1 and n_words(gap, stop, len(gap)) == 0

    def titled(self, mark: Marked) -> bool:
        """Whether a short quote is the name of a show, book or film after a preposition ('in a
        segment on the morning show “Kettle and Crumb,”'), not words anyone said."""
        first, last = self.tok_at(mark.start), self.tok_at(max(mark.start, mark.end - 1))
        roots = [t for t in self.sdoc[first : last + 1] if not t.is_punct and not first <= t.head.i <= last]
        if not (len(roots) == 1 and roots[0].dep_ == "pobj" and roots[0].head.i < first):
            return False
        words = [m.group() for m in _WORD.finditer(self.text, mark.start, mark.end)]
        return all(w[0].isupper() for w in words if len(w) > MAX_TITLE_LOWER)

    def cut_after_quote(self, start: int, end: int, marks: list[Marked]) -> int:
        """End a mixed quote at its last quote when an adverbial clause of the quote follows it
        ('says she is “calm about the figures” as she braces for a vote': the vote is not said)."""
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
        """The governing verb's speaker for "Okafor denounced what she called a “reckless gamble”"."""
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
        """The name right before a colon that opens the quote ("… - Ines Varga: “…”")."""
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
            # "Halvorsen keeps repeating one line: “Ask the ferry crews.”": the clause's subject, a person
            # (also for a name the verb governs: "X told the Dutch paper Trouw: “…”" is X's)
            speaker = self.colon_clause_speaker(sdoc[hi - 1], mark)
            if speaker is not None or i == hi or governed:
                return speaker  # a name the clause governs is no speaker ("… working with Lee: “…”")
        span = sdoc[i:hi]
        head = sdoc[hi - 1]
        return Speaker(span.start_char, span.end_char, head.lower_, head.idx, head.idx + len(head.text))

    def comma_speaker(self, mark: Marked) -> Speaker | None:
        """The personal subject of the clause that a comma ends right before an uncued quote, in the
        quote's paragraph: "As the mayor put it, “…”", "Lee issued a short statement, “…”", "Ruiz
        told a packed hall in Bree, “…”". No cue verb is needed: the clause introduces the quote the
        way a colon does, and its subject, not the last reporting verb's, is the one who speaks."""
        sdoc = self.sdoc
        i = self.tok_at(mark.start) - 1
        while i > 0 and sdoc[i].is_space:
            i -= 1
        if i < 1 or sdoc[i].text != "," or sdoc[i].idx < mark.para_start or self.quoted(sdoc[i - 1].idx):
            return None  # ('“Not now,” “…”': a comma inside another quote)
        speaker = self.colon_clause_speaker(sdoc[i - 1], mark, before=sdoc[i].idx)
        if (
            speaker is None
            or not mark.para_start <= speaker.start < sdoc[i].idx
            or self.quoted(speaker.start)
        ):
            return None  # (nor a subject inside an earlier quote: '“I will go,” and, “…”')
        return speaker

    def colon_clause_speaker(self, last: Token, mark: Marked, before: int | None = None) -> Speaker | None:
        """The personal subject of the clause whose last word, ``last``, comes before a colon (or, with
        ``before``, a comma at that offset: the clause's verb must come before it)."""
        verb = last
        for _ in range(COLON_CLIMB):
            if verb.pos_ in ("VERB", "AUX") and (_finite(verb) or verb.head.i == verb.i):
                break  # a gerund or participle without its own subject ("… working with Lee:") climbs on
            if verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be":
            return None  # ("Here they are: “…”")
        if before is not None and verb.idx >= before:
            return None  # the parse hung the words before the comma on a verb of the quote
        # ("Two levies were postponed, “…”": a passive subject is acted on, it does not speak)
        if before is not None and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return None
        speaker = speaker_span(self.sdoc, verb, (mark.start, mark.end))
        if speaker is None:
            return None
        if before is not None:  # before a comma a common noun speaks too: "As the union leader put it, “…”"
            head = self.sdoc.char_span(speaker.head_start, speaker.head_end, alignment_mode="expand")
            if head is not None and head[0].pos_ == "NOUN" and head[0].lower_ not in NOT_SPEAKERS:
                return speaker
        return speaker if personal(self.sdoc, speaker, self.index) else None

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
        if head is not None:  # "Mira Tolland, holding a clipboard, said": the name before the comma
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
        comp = next((c for c in comps if c.i > verb.i), comps[0] if comps else None) or object_clause(verb)
        if comp is None:
            return False
        start, end = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)
        if mark.start <= comp.idx < mark.end and not (verb.idx < start < mark.start):
            return False  # the quote is the whole clause; else "said Kim's state is “spiraling”" is mixed
        if not (start <= mark.start and words_end(self.text, mark.start, mark.end) <= end):
            return False  # (closing marks and the full stop often hang on the verb, not the clause)
        return n_words(self.text, start, end) > n_words(self.text, mark.start, mark.end) + 1

    def embedded(self, mark: Marked, used: set[int]) -> Found | None:
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
        if (
            child.lower_ == "as"
            and tok.dep_ in ("acl", "relcl")
            and tok.head.dep_ == "dobj"
            and tok.head.head.lemma_ in EMBEDDING_VERBS
        ):
            child, tok = tok.head, tok.head.head  # 'described the plan to shut it as “reckless”': described
        if tok.pos_ != "VERB" or tok.i in used or tok.i == child.i:
            return None
        while tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in CUE_VERBS and tok.head.i not in used:
            child, tok = tok, tok.head  # "Lund said she had no plan to “fold early ...”": Lund said it
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
        # All the verb's arguments after it: "dubbed the mayor a “paper tiger,” a “harbour ghost”".
        later = [c for c in tok.rights if c.dep_ not in NON_ARGUMENTS and c.i > child.i]
        end_tok = later[-1].right_edge if later else child.right_edge
        start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
        start, end = max(start, mark.para_start), min(max(end, mark.end), mark.para_end)
        if any(
            c.dep_ == "advcl" and c.idx >= mark.end for i in range(first, last + 1) for c in sdoc[i].rights
        ):
            end = mark.end  # 'says she is “calm about the figures” as she braces ...': the clause is not said
        end = max(mark.end, quote_tail(tok, last, end))
        used.add(tok.i)
        return Found(start, end, "mixed", tok, tok.text, speaker, mark.para_start)

    def nearest_speaker(self, f: Found) -> None:
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
