"""The extractor of one document: direct quotes (:mod:`direct`), then indirect reports, frames,
"according to", colon lines and headlines, in that order (see :meth:`Extractor.run`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from wiresift.model import Document
from wiresift.nlp import doccache
from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.entities.mentions import ORG_NOUNS, PERSON_NOUNS
from wiresift.nlp.quotes.bounds import (
    after_colon,
    cut_tail,
    expected_span,
    fronted_span,
    infinitive_tail,
    object_tail,
    quote_tail,
)
from wiresift.nlp.quotes.clauses import (
    POLLED_SHARES,
    attribute_to_according,
    enclosing_report,
    expletive,
    polled_by,
    quoted_first_person,
    reader_addressed,
    restrictive,
    text_is_word,
)
from wiresift.nlp.quotes.common import (
    _COLON_LINE,
    _MARK_CHARS,
    _TURN,
    FIRST_PERSON,
    HEADLINE_CUES,
    MIN_INDIRECT_WORDS,
    MIN_NAMED_OBJECT_WORDS,
    MIN_OBJECT_WORDS,
    NESTED_REPORTS,
    NOT_SOURCES,
    NOT_SPEAKERS,
    PRONOUNS,
    REPORT_WINDOW,
    SPEECH_VERBS,
    Found,
    cue_positions,
    n_words,
    words_end,
)
from wiresift.nlp.quotes.cues import CUE_VERBS
from wiresift.nlp.quotes.direct import DirectQuotes, noun_list
from wiresift.nlp.quotes.frames import framed_reports, judged_span
from wiresift.nlp.quotes.headline import headline_span, recased_headline, subject_report, title_case
from wiresift.nlp.quotes.indirect import (
    HAND_CUES,
    as_clause,
    drop_nested_learned,
    joins,
    learned_content,
    lost_subject,
    nominal_content,
    object_clause,
    outside,
    pattern_lemmas,
)
from wiresift.nlp.quotes.interviews import answer_turns
from wiresift.nlp.quotes.marks import Marked, marked_spans
from wiresift.nlp.quotes.nesting import held_reports
from wiresift.nlp.quotes.nouns import noun_reports
from wiresift.nlp.quotes.sentences import clip_to_sentence
from wiresift.nlp.quotes.speaker import (
    MAX_SPEAKER_TOKENS,
    SUBJECTS,
    addressed,
    agent_speaker,
    own_named_source,
    reporter,
    same_paragraph,
    speaker_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: Adverbs of hearsay: the clause they modify is reported, by no one named.
HEARSAY = frozenset({"reportedly", "allegedly", "reputedly", "purportedly"})
#: Entity types of a name that may speak a colon line.
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Nouns of people and bodies, joined once.
_PARTY_NOUNS = PERSON_NOUNS | ORG_NOUNS


class Extractor(DirectQuotes):
    def run(self) -> list[Found]:
        sdoc, text = self.sdoc, self.text
        marks = marked_spans(text)
        self.mark_ends = [m.end for m in marks]
        self.mark_starts = [m.start for m in marks]
        self.marks = marks
        cues = [sdoc[i] for i in cue_positions(sdoc, pattern_lemmas(self.patterns))]
        self.cues = cues
        self.cue_starts = [t.idx for t in cues]
        found: list[Found] = []
        used: set[int] = set()
        self.last: Found | None = None
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
            f = self.indirect(verb, self.marks_near(verb.idx)) or self.expected(verb)
            if f is not None:
                found.append(f)
        self.first_person_turns(found)
        quoted_first_person(found)
        according = self.according(sdoc)
        found.extend(according)
        found.extend(self.hearsay(sdoc))
        attribute_to_according(text, found, according)
        found.extend(self.framed(found, frames=True))
        found.extend(self.framed(found, frames=False))
        found.extend(self.colon_lines(found))
        found = answer_turns(text, self.index, found)  # "A: …" lines of a printed interview
        found = drop_nested_learned(text, found)
        found = self.in_sentence(found)
        held_reports(found)
        found = self.headline(found)
        found = reader_addressed(found, self.marks)
        # A direct quote inside an indirect content is one mixed quote, not two.
        mixed = sorted((f for f in found if f.kind == "mixed"), key=lambda f: f.start)
        mixed_starts = [m.start for m in mixed]

        def in_mixed(f: Found) -> bool:
            near = mixed[
                bisect_left(mixed_starts, f.start - REPORT_WINDOW) : bisect_right(mixed_starts, f.start)
            ]
            if not near:
                return False
            end = words_end(text, f.start, f.end)
            return any(end <= m.end for m in near)

        found = [f for f in found if not (f.kind == "direct" and in_mixed(f))]
        found.sort(key=lambda f: (f.start, f.end))
        return found

    def in_sentence(self, found: list[Found]) -> list[Found]:
        """Every reported content with a cue kept inside its cue's sentence (:mod:`sentences`): one the
        parse ran on into the next sentence is cut back. Quotation marks bound a direct quote, and a
        report after a colon ("she added: …") may hold several sentences. A cue that belongs to words in
        closed quotation marks reports nothing outside them (:meth:`quoted_report`)."""
        out = []
        for f in found:
            cue = f.cue
            if f.kind == "direct" or cue is None or ":" in self.text[cue.idx : max(cue.idx, f.start)]:
                out.append(f)
                continue
            k = bisect_right(self.mark_ends, cue.idx)
            mark = self.marks[k] if k < len(self.marks) and self.marks[k].start < cue.idx else None
            if f.kind == "indirect" and mark is not None and mark.closed and self.quoted_report(cue, f, mark):
                continue
            span = clip_to_sentence(self.text, f.start, f.end, cue.idx, self.marks)
            if span is not None:
                out.append(f if span == (f.start, f.end) else replace(f, start=span[0], end=span[1]))
        return out

    @staticmethod
    def quoted_report(cue: Token, f: Found, mark: Marked) -> bool:
        """Whether ``cue`` belongs to the quoted words of ``mark`` (its subject is quoted too, or it has
        none) while the content ``f`` lies outside them: '“I do recall,” he said' reports nothing of
        the writer's sentence around it, but 'voters “strongly agree” that …' quotes only the cue."""
        if not (f.end <= mark.start or f.start >= mark.end):
            return False
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is None or mark.start <= subj.idx < mark.end

    def indirect(self, verb: Token, marks: list[Marked]) -> Found | None:
        nested = (
            verb.dep_ in ("ccomp", "xcomp")
            and verb.head.lemma_ in CUE_VERBS
            and verb.head.i < verb.i
            and same_paragraph(verb.head, verb)
        )
        # "X said she felt that ...": the outer report holds this one; kept only for a named speaker
        stance = nested and (verb.dep_ == "xcomp" or verb.lemma_ not in NESTED_REPORTS)
        colon = after_colon(self.text, verb, marks)
        if colon is not None:
            return self.colon_report(verb, *colon)
        comp: Token | None = None
        nominal = learned = around = False
        if verb.lemma_ in HAND_CUES:
            # A clause before the verb and a semicolon is another sentence ("X said A; Y warned of B").
            # A clause past a paragraph break is the parse running on over it ("…, said X of Acme Inc.").
            comps = [
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and not (c.i < verb.i and any(t.text == ";" for t in self.sdoc[c.right_edge.i : verb.i]))
                and not self.paragraph_between(verb, c)
            ]
            # Prefer the clause after the verb: "It's unlikely; the team says she'll go on" reports the latter.
            comp = next((c for c in comps if c.i > verb.i), comps[0] if comps else None)
            if comp is not None and comp.i < verb.i:
                after = nominal_content(verb)  # "The fight is bitter - Lee has vowed to win": what follows
                if after is not None and after.i > verb.i:
                    comp, nominal = after, True
            if comp is None and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
                comp = verb.head  # "Small shops, she said, are its heart": the clause around it
                around = True
                if comp.dep_ == "conj" and comp.head.i < verb.i and joins(verb):
                    comp, around = None, False  # "It takes weeks, he said, and talks stall": the first clause
            if comp is None:
                comp = as_clause(verb)
                around = comp is not None
            if comp is None:
                comp = object_clause(verb)
            if comp is None and (fronted := fronted_span(verb)) is not None:
                start, end, who = fronted
                found = self.colon_report(verb, start, end)
                if found is not None and found.speaker is not None and who < found.speaker.start:
                    found.speaker = replace(found.speaker, start=who)  # the whole title the parse split
                return found
            if comp is None:
                comp, nominal = nominal_content(verb), True
        if comp is None:
            pattern = learned_content(verb, self.patterns)
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
        content_words = n_words(self.text, start, end)
        if content_words < min_words:
            return None
        if any(
            m.start <= comp.idx < m.end and content_words <= n_words(self.text, m.start, m.end) + 2
            for m in marks
        ):
            return None  # the complement is a quoted clause: that quote is direct and cued already
        kind = (
            "mixed"
            if any(start <= m.start and words_end(self.text, m.start, m.end) <= end for m in marks)
            else "indirect"
        )
        if kind == "mixed":
            end = self.cut_after_quote(start, end, marks)
            last = max((m.end for m in marks if start <= m.start and m.end <= end), default=None)
            if last is not None:  # "… his “duty” to report, as he deflected …": the aside is not said
                end = max(last, quote_tail(verb, self.tok_at(last - 1), end))
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
        joined = self.conjoined.get(verb.i)
        outer = outer or (joined if joined is not None and same_paragraph(joined, verb) else None)
        if nested and verb.lemma_ in SPEECH_VERBS and speaker is not None and speaker.head not in PRONOUNS:
            outer = None  # "X said Y told him that ...": Y told it
        if outer is not None and verb.lemma_ in SPEECH_VERBS and own_named_source(self.sdoc, verb, speaker):
            outer = None  # "X said he acted after the Post reported that ...": the Post reported it
        if speaker is not None and speaker.head in POLLED_SHARES:
            outer = polled_by(verb) or outer  # "The survey showed that 61 percent said …": the survey
        if speaker is not None and speaker.head == "who" and restrictive(self.sdoc, verb):
            outer = enclosing_report(verb) or outer  # "X said he met no donors who asked …": X
        if outer is not None:  # "X said the spate of shootings demands that ...": X speaks
            speaker = speaker_span(self.sdoc, outer, (start, end)) or speaker
        if speaker is not None and self.quoted(speaker.head_start) and not self.quoted(verb.idx):
            # '“...,” Sanders said, suggesting ...': the parse took a subject inside the quote
            probe = Found(verb.idx, verb.idx, kind)
            self.nearest_speaker(probe)
            speaker = probe.fallback
        if addressed(verb) or expected_span(self.text, verb) is not None:
            # "X was asked whether ...": the asker speaks, often unnamed; "X is expected to ...": no one
            return Found(start, end, kind, verb, verb.text, agent_speaker(verb), learned=learned)
        if speaker is not None and speaker.head == "it" and expletive(verb):
            # "it was reported that …", "it seems …", "it is hard to predict …": no source
            return Found(start, end, kind, verb, verb.text, None, learned=learned)
        if speaker is None and not nominal and verb.lemma_ in CUE_VERBS:
            lost = lost_subject(verb)  # "... with the Herald Varga said that ...": the parse lost the subject
            if lost is not None and not start <= lost[0] < end:
                speaker = Speaker(lost[0], lost[1], lost[2].lower_, lost[2].idx, lost[1])
        if speaker is None or speaker.head in NOT_SPEAKERS:
            # a report with no one reporting ("it is said that", "That says ...") is mostly not a quote
            return None
        if stance and not self.named(speaker):
            return None
        if extracted and (nominal or speaker.head in PRONOUNS):
            return None  # "the trip he planned", "which he said ...": on train mostly an outer report's
        return Found(start, end, kind, verb, verb.text, speaker, learned=learned)

    def paragraph_between(self, a: Token, b: Token) -> bool:
        """Whether a line break lies between tokens ``a`` and ``b``."""
        lo, hi = sorted((a.idx, b.idx))
        return "\n" in self.text[lo:hi]

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

    def colon_report(self, verb: Token, start: int, end: int) -> Found | None:
        speaker = speaker_span(self.sdoc, verb, (start, end))
        if speaker is None or speaker.head in NOT_SPEAKERS:
            return None
        return Found(start, end, "indirect", verb, verb.text, speaker)

    def expected(self, verb: Token) -> Found | None:
        """Reports with no source: "X is expected to ..." (:func:`expected_span`) and "X was accused
        of ..." (:func:`quotes_frames.judged_span`)."""
        span = expected_span(self.text, verb) or judged_span(self.text, verb)
        if span is None or self.quoted(verb.idx):
            return None
        return Found(span[0], span[1], "indirect", verb, verb.text, None)

    def first_person_turns(self, found: list[Found]) -> None:
        """ "I"/"we" inside a transcript turn ("OKAFOR: I suppose we ...") is the turn's speaker."""
        text = self.text
        for f in found:
            if f.speaker is None:
                continue
            para_start = text.rfind("\n", 0, f.speaker.start) + 1
            turn = _TURN.match(text, para_start)
            if turn is None or turn.group(1).split()[0].lower() in NOT_SOURCES:
                continue
            if self.dateline(turn.start(1), turn.end(1)):
                continue  # "PARIS: Ministers met …" opens a story, no one speaks it
            if f.speaker.head not in FIRST_PERSON and not (turn.group(1).isupper() and f.start >= turn.end()):
                continue  # in a transcript turn ("PENCE: ..."), all that is quoted is the turn's
            s, e = turn.start(1), turn.end(1)
            f.speaker = Speaker(s, e, turn.group(1).split()[-1].lower(), s, e)

    def dateline(self, start: int, end: int) -> bool:
        """Whether the name before a line's colon is a place the tagger knows ("PARIS: …")."""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return span is not None and all(t.ent_type_ in ("GPE", "LOC") for t in span)

    def label(self, start: int, end: int) -> bool:
        """Whether the words before a line's colon label a field rather than name a speaker: no person,
        group or place entity, no capitals-only transcript name and no people or organisation noun
        ("Serves: four", "Colour: navy", "Prep time: 20 minutes" on shop and recipe pages; the tagger
        calls a capitalised word at a line's start a proper noun, so that is no sign)."""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or self.text[start:end].isupper():
            return False
        if any(t.ent_type_ in SPEAKER_ENTS for t in span):
            return False
        return span[-1].lemma_.lower() not in _PARTY_NOUNS

    def listed(self, start: int, end: int) -> bool:
        """Whether a colon line's content is a list of noun phrases (a charge sheet, a roll of names:
        :func:`noun_list`), not a statement."""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return span is not None and noun_list(span)

    def colon_lines(self, found: list[Found]) -> list[Found]:
        """Headline and transcript lines "Sanders: Clinton needs to ...", "PENCE: Well, look, ..."
        (not a field label: :meth:`label`)."""
        out: list[Found] = []
        for m in _COLON_LINE.finditer(self.text):
            src = m.group("src")
            if (
                src.split()[0].lower() in NOT_SOURCES
                or n_words(self.text, m.start("body"), m.end("body")) < 4
                or self.dateline(m.start("src"), m.end("src"))
                or self.label(m.start("src"), m.end("src"))
                or self.listed(m.start("body"), m.end("body"))
            ):
                continue
            start, end = m.start("body"), m.end("body")
            if any(f.start < end and start < f.end for f in found + out):
                continue
            speaker = Speaker(
                m.start("src"), m.end("src"), src.split()[-1].lower(), m.start("src"), m.end("src")
            )
            kind = "direct" if _MARK_CHARS.search(m.group("body")) else "indirect"
            out.append(Found(start, end, kind, None, None, speaker, m.start()))
        return out

    def framed(self, found: list[Found], frames: bool) -> list[Found]:
        """Reports framed by a fronted source ("In this poll, ...": :mod:`quotes_frames`) or else by an
        owned noun cue ("Trump's claim that ...": :mod:`quotes_nouns`), outside the reports found."""
        spans = [(f.start, f.end) for f in found]
        got = framed_reports(self.sdoc, spans) if frames else noun_reports(self.text, self.sdoc, spans)
        return [Found(s, e, "indirect", t, t.text, sp) for s, e, t, sp in got if not self.quoted(t.idx)]

    def headline(self, found: list[Found]) -> list[Found]:
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
        covered = self._covered(readings[0]) * 2 >= n_words(text, h_start, h_end)
        if self.parse is not None and not covered and title_case(text, h_start, h_end):
            recased = recased_headline(text, h_start, h_end)
            hdoc = self.parse(recased)
            again = [f for f in Extractor(Document(text=recased), hdoc, self.index).run() if f.start < h_end]
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
            readings.append([Found(start, end, "indirect", verb, cue_text, speaker, h_start)])
        return max(readings, key=self._covered) + body

    def _covered(self, found: list[Found]) -> int:
        return sum(n_words(self.text, f.start, f.end) for f in found)

    def hearsay(self, sdoc: Doc) -> list[Found]:
        """ "The army reportedly moved troops": an adverb of hearsay (:data:`HEARSAY`) attributes the
        clause it modifies to no one, like "is said to"."""
        out = []
        for i in doccache.of(sdoc).lower_in(HEARSAY):  # the few hearsay adverbs, found without a Token each
            tok = sdoc[i]
            if tok.dep_ != "advmod" or self.quoted(tok.idx):
                continue
            verb = tok.head
            subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subj is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            sent = verb.sent
            lo, hi = max(subj.left_edge.i, sent.start), min(verb.right_edge.i + 1, sent.end)
            while hi > lo and (sdoc[hi - 1].is_punct or sdoc[hi - 1].is_space):
                hi -= 1
            start, end = sdoc[lo].idx, sdoc[hi - 1].idx + len(sdoc[hi - 1].text)
            para_end = self.text.find("\n", tok.idx)
            end = min(end, para_end if para_end != -1 else end)
            start = max(start, self.text.rfind("\n", 0, tok.idx) + 1)
            if n_words(self.text, start, end) >= MIN_INDIRECT_WORDS:
                out.append(Found(start, end, "indirect", tok, tok.text, None))
        return out

    def according(self, sdoc: Doc) -> list[Found]:
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

    def aside(self, start: int, end: int, sent: Span) -> bool:
        """Whether tokens ``start``..``end`` ("according to X") are an aside between commas after words
        with no verb of their own ("Since May, according to X, police have …"): the clause goes on after
        it. After a whole clause ("Police are searching, according to X, adding to …") it does not."""
        sdoc = self.sdoc
        if sdoc[start - 1].text != "," or end >= sent.end - 1 or sdoc[end].text != ",":
            return False
        return not any(t.pos_ in ("VERB", "AUX") for t in sdoc[sent.start : start])

    def _according_at(self, tok: Token, to: Token) -> Found | None:
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        sent: Span = tok.sent
        pp_end = obj.right_edge.i + 1 if obj is not None else to.i + 1
        if pp_end - tok.i > MAX_SPEAKER_TOKENS + 2:
            pp_end = obj.i + 1 if obj is not None else to.i + 1
        if tok.i - sent.start <= 1:
            lo, hi = pp_end, sent.end
        elif self.aside(tok.i, pp_end, sent):
            lo, hi = sent.start, sent.end  # "The dam, according to engineers, will …": the whole sentence
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
        return Found(content.start_char, content.end_char, "indirect", tok, cue.text, speaker)
