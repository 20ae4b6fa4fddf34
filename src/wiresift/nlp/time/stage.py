"""The ``timexes`` stage: TIMEX3 time expressions normalised against the publication date.

Candidates come from precompiled regexes run around cheap trigger words (``patterns``);
overlaps are resolved longest-first; each survivor is normalised (``normalise``) with the tense of its
clause deciding which way underspecified expressions point ("on Thursday" in a past-tense
sentence is the last Thursday on or before the publication date). Without a publication date,
relative expressions keep ``value=None``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from wiresift.model import Document, Timex
from wiresift.nlp import doccache
from wiresift.nlp.time.anchor import Env
from wiresift.nlp.time.normalise import normalise
from wiresift.nlp.time.patterns import Candidate, scan, select
from wiresift.nlp.time.tense import governing_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wiresift.nlp.pipeline import Context

VERSION = "3"

_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")
#: A full stop after these ends an abbreviation, not a sentence ("10 a.m. Friday", "Gen. Smith").
_ABBREV_BEFORE = re.compile(
    r"(?:\b[A-Za-z]|\b[ap]\.m|\bMrs?|\bMs|\bDr|\bSt|\bGen|\bCol|\bLt|\bSgt|\bSen|\bRep|\bGov|\bPres|"
    r"\bProf|\bJan|\bFeb|\bMar|\bApr|\bJun|\bJul|\bAug|\bSept?|\bOct|\bNov|\bDec|\bNo|\bvs|\bInc|\bCorp|\bCo)$"
)
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|plans?\s+to|(?<!\bas\s)(?<!\bhad\s)(?<!\bpreviously\s)(?<!\boriginally\s)planned|planning|expects?\s+to|expected|scheduled|"
    r"is\s+to|are\s+to|due\s+to|intends?\s+to|set\s+to|upcoming|might|would|effective|payable|"
    r"expires?|starting|as\s+soon\s+as|as\s+early\s+as|postponed)\b|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    # the word boundary first: tested once, it rules out most places before the look-behinds are tried
    r"\b(?:(?:was|were|had|did|ago|last|yesterday|earlier)\b|"
    # a participle after a present or future auxiliary ("is heard", "will be named") or an article
    # ("a long delayed vote") is not a past verb
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)"
    r"(?:said|told|began|took|came|met|made|won|lost|fell|rose|left|went|gave|saw|got|held|brought|"
    r"bought|sold|thought|found|became|ran|wrote|spoke|struck|fought|hit|shot|sent|spent|paid|led|kept|"
    r"felt|stood|heard|meant|[a-z]{3,}ed)\b)",
    re.IGNORECASE,
)
#: "by August", "until 6 a.m. Friday", "ahead of Sunday's vote": a deadline preposition points
#: forward, unless the clause has a past auxiliary ("By March the rebels had regrouped").
_PAST_AUX = re.compile(r"\b(?:had|was|were)\b", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|ahead\s+of)\s+(?:(?:the\s+end\s+of|early|mid|late)[\s-]+)?"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?\s*(?:[A-Z]{3}\s*)?,?\s*)?$",
    re.IGNORECASE,
)
_NOT_PAST = frozenset(
    {"need", "united", "hundred", "indeed", "speed", "proceed", "succeed", "embed", "based"}
)
_REPORTING = frozenset({"said", "told"})
_CLOCK_RULES = frozenset({"clock", "clock24", "clock_pod", "noon"})
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_QUARTER_VALUE = re.compile(r"^\d{4}-Q[1-4]$")
_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T|$)")
#: Rules whose value depends on an earlier mention; they never become the reference themselves.
_RELATIVE_TO_TEXT = frozenset({"anaphoric", "yearago", "lastyear_period"})
_QUARTER_RULES = frozenset({"quarter", "the_period", "rel_period"})

#: How far back (characters) a quarter mention still anchors "a year earlier" / "the quarter":
#: about two short paragraphs of an earnings report.
QUARTER_CONTEXT_CHARS = 1500


def parse_published(published: str | None) -> dt.date | None:
    """The anchor date from ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _sentences(text: str, sdoc: Doc | None) -> list[tuple[int, int]]:
    if sdoc is not None:
        return doccache.of(sdoc).sent_chars
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and _ABBREV_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


#: Verb cues further than this from the expression belong to another clause more often than not.
TENSE_WINDOW_CHARS = 50
#: A cue after the expression counts as this many times further away: the verb that governs a
#: time adverbial usually comes before it in news English ("said Friday", "will meet on Monday").
FOLLOWING_CUE_WEIGHT = 2


def tense_near(text: str, sent: tuple[int, int], start: int, end: int) -> str | None:
    """'past' / 'future' from the verb cue nearest the expression in its sentence, else None."""
    if _DEADLINE_BEFORE.search(text[max(sent[0], start - 40) : start]) and not _PAST_AUX.search(
        text[max(sent[0], start - 60) : min(sent[1], end + 60)]
    ):
        return "future"
    best: tuple[int, str] | None = None
    # Only cues within the window can win, so only the window (cut at spaces) is searched.
    w0 = max(sent[0], start - TENSE_WINDOW_CHARS - 16)
    while w0 > sent[0] and not text[w0 - 1].isspace():
        w0 -= 1
    w1 = min(sent[1], end + TENSE_WINDOW_CHARS // FOLLOWING_CUE_WEIGHT + 16)
    while w1 < sent[1] and not text[w1].isspace():
        w1 += 1
    chunk = text[w0:w1]
    lo, hi = start - w0, end - w0
    for rx, label in ((_FUTURE, "future"), (_PAST, "past")):
        for m in rx.finditer(chunk):
            if lo <= m.start() < hi or m.group(0).lower() in _NOT_PAST:
                continue
            if m.start() >= hi and m.group(0).lower() in _REPORTING:
                continue  # '"... on Thursday," the minister said': the time of speaking, not of the event
            dist = lo - m.end() if m.end() <= lo else FOLLOWING_CUE_WEIGHT * (m.start() - hi)
            if dist > TENSE_WINDOW_CHARS:
                continue
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None


#: Lemmas whose simple present states a condition, not a scheduled event ("has 500 staff as of June").
_STATIVE = frozenset(
    {
        "be",
        "have",
        "remain",
        "contain",
        "include",
        "own",
        "hold",
        "stand",
        "seem",
        "need",
        "want",
        "know",
        "rank",
        "cost",
        "mean",
        "owe",
        "face",
        "lead",
        "trail",
        "continue",
        "show",
        "say",
        "see",
    }
)


#: Entity types whose names may contain a time word: "Theresa May", "The Daily Beast", "USA Today",
#: "OC Weekly", "Future Technology Week". An EVENT ("Easter Vigil", "Christmas Day") keeps it.
_NAME_TYPES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "NORP"})
#: Capitalised time words that also name people, outlets and shows (a month, a SET or a reference
#: word); weekdays and clock times are left to the rules (the recogniser often swallows "Thursday"
#: into the person before it: "General Smith Thursday").
_NAME_WORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Daily|Weekly|Monthly|Quarterly|Annual|Yearly|Nightly|Hourly|Today|Tonight|Tomorrow|Future|Now|"
    r"This\s+Week|Current|Present)",
)


def in_name(sdoc: Doc | None, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a capitalised time word inside the name of a person, an outlet,
    a work or a place, by the named-entity recogniser ("Theresa May has said", "the Daily News")."""
    if sdoc is None or not _NAME_WORD.fullmatch(text[start:end]):
        return False
    cache = doccache.of(sdoc)
    first = cache.first_from(start)
    if first is None:
        return False
    types = cache.ent_types
    offsets = cache.offsets
    i = first
    while i < len(types) and offsets[i] < end:
        if types[i] not in _NAME_TYPES:
            return False
        i += 1
    # The name must reach beyond the time word: a lone capitalised "Today" opening a quote or "May"
    # opening a sentence is as often tagged a name in error.
    return i > first and (
        (first > 0 and types[first - 1] == types[first]) or (i < len(types) and types[i] == types[i - 1])
    )


def clause_tense(
    text: str, sdoc: Doc | None, sent: tuple[int, int], cand: Candidate
) -> tuple[str | None, bool]:
    """The tense deciding which way ``cand`` points, and whether a word names the future explicitly.

    The governing verb from the parse (:mod:`~wiresift.nlp.time.tense`) wins when it names the
    future ("will present on Wednesday", "is due Wednesday") or is a past form and the words around
    say nothing; a simple present of an event verb ("the case starts in March", "they play
    Saturday") points forward when no cue around says otherwise. Otherwise the nearest verb cue.
    """
    near = tense_near(text, sent, cand.start, cand.end)
    if sdoc is None:
        return near, False
    parsed = governing_tense(sdoc, cand.start, cand.end)
    if parsed.label == "future" and parsed.explicit:
        return "future", True
    if parsed.label == "past" and parsed.explicit:
        return "past", False  # "had been due to run out Friday": the plan as it stood before
    if near is None and parsed.label == "past":
        return "past", False
    if near is None and parsed.label == "present" and parsed.lemma not in _STATIVE:
        return "future", False
    return near, False


def _merge_clock(items: list[tuple[Candidate, Timex]], text: str) -> list[Timex]:
    """'10 p.m. Wednesday', '7 p.m. EST, Oct. 21': a clock time and its day are one TIME."""
    out: list[Timex] = []
    i = 0
    while i < len(items):
        cand, tx = items[i]
        if cand.rule in _CLOCK_RULES and i + 1 < len(items):
            nxt_c, nxt = items[i + 1]
            gap = text[tx.end : nxt.start]
            if (
                re.fullmatch(r",?\s*(?:on\s+)?", gap)
                and nxt.type in ("DATE", "TIME")
                and nxt_c.rule != "year"
            ):
                value = None
                if nxt.value and tx.value and _DAY_VALUE.match(nxt.value):
                    value = nxt.value[:10] + tx.value[10:]
                out.append(Timex(text=text[tx.start : nxt.end], start=tx.start, end=nxt.end, type="TIME",
                                 value=value, mod=tx.mod, stage="timexes"))  # fmt: skip
                i += 2
                continue
        out.append(tx)
        i += 1
    return out


def find_timexes(text: str, published: str | None, sdoc: Doc | None = None) -> list[Timex]:
    """Every time expression in ``text``, normalised against ``published`` (YYYY-MM-DD or None)."""
    anchor = parse_published(published)
    sents = _sentences(text, sdoc)
    env = Env(anchor=anchor, tense=None, text=text)
    items: list[tuple[Candidate, Timex]] = []
    item_sents: list[int] = []
    si = 0
    last_quarter: tuple[int, str] | None = None
    for cand in select(scan(text)):
        while si + 1 < len(sents) and sents[si][1] <= cand.start:
            si += 1
        if in_name(sdoc, text, cand.start, cand.end):
            continue
        env.tense, env.explicit_future = clause_tense(text, sdoc, sents[si], cand)
        env.last_quarter = (
            last_quarter[1] if last_quarter and cand.start - last_quarter[0] < QUARTER_CONTEXT_CHARS else None
        )
        result = normalise(cand, env)
        if result is None:
            continue
        typ, value, mod = result
        if anchor is None and value is not None and typ != "DURATION" and not _absolute(cand, value):
            value = None
        if (
            value
            and typ in ("DATE", "TIME")
            and _CALENDAR.match(value)
            and cand.rule not in _RELATIVE_TO_TEXT
        ):
            env.last_date = value[:10]
        if value and typ == "DATE" and cand.rule in _QUARTER_RULES and _QUARTER_VALUE.match(value):
            last_quarter = (cand.end, value)
        tx = Timex(text=text[cand.start : cand.end], start=cand.start, end=cand.end, type=typ,  # type: ignore[arg-type]
                   value=value, mod=mod, stage="timexes")  # fmt: skip
        items.append((cand, tx))
        item_sents.append(si)
    _date_clocks(items, item_sents)
    return _merge_clock(items, text)


def _date_clocks(items: list[tuple[Candidate, Timex]], item_sents: list[int]) -> None:
    """A clock time takes the day named nearest to it in its sentence ("at 9:15 a.m. ... on Monday")."""
    for i, (cand, tx) in enumerate(items):
        if cand.rule not in _CLOCK_RULES or not tx.value:
            continue
        days = [
            (abs(j - i), other.value[:10])
            for j, (other_cand, other) in enumerate(items)
            if item_sents[j] == item_sents[i]
            and other_cand.rule not in _CLOCK_RULES
            and other.value
            and _DAY_VALUE.match(other.value)
        ]
        if days:
            tx.value = min(days)[1] + tx.value[10:]


def _absolute(cand: Candidate, value: str) -> bool:
    """Whether a value stands without an anchor: written years, SETs and REF words do."""
    return bool(re.match(r"^(?:\d{2,4}|XXXX|P|T|PAST_REF|PRESENT_REF|FUTURE_REF)", value))


class TimexStage:
    name = "timexes"
    version = VERSION
    requires: tuple[str, ...] = ("tokens", "sents")
    assigns: tuple[str, ...] = ("timexes",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        doc.timexes = find_timexes(doc.text, doc.published, sdoc)


def make_stage() -> TimexStage:
    return TimexStage()
