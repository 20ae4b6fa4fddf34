"""Constants and the record of one found quote shared by the quotes modules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wiresift.nlp.entities.coref import Speaker
from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS, words
from wiresift.nlp.quotes.bounds import (
    EXPECTING,
    PASSIVE_REPORTS,
    PASSIVE_VIEWS,
)
from wiresift.nlp.quotes.cues import CUE_VERBS
from wiresift.nlp.quotes.frames import JUDGED
from wiresift.nlp.quotes.indirect import HAND_CUES, PATTERN_LEMMAS

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Token


#: How far (characters) from its verb a report's content and the quotation marks it holds may reach:
#: far more than a sentence, so only the cost on very long texts changes, never a result.
REPORT_WINDOW = 5_000
#: A quoted stretch with fewer words and no cue is a scare quote or a title, not a quote.
MIN_CUED_WORDS = 2
#: An uncued quote this long that ends a sentence inside its marks is still reported speech.
MIN_UNCUED_WORDS = 6
#: Indirect content shorter than this is a fragment ("he said so").
MIN_INDIRECT_WORDS = 3
#: The hand-written cue lemmas (:func:`cue_positions` adds the learned patterns' own).
_FIXED_CUES = HAND_CUES | EXPECTING | PASSIVE_REPORTS | PASSIVE_VIEWS | JUDGED
#: ...but a named object of a verb of backing or judging is a whole stance ("endorsed Varga").
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
#: A transcript turn inside quotation marks: "MORENO: Will you truly back ...".
_TRANSCRIPT_SPEAKER = re.compile(r"[\"“]([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")
#: A line that opens with up to six capitalised words and a colon: a headline or transcript turn.
_COLON_LINE = re.compile(
    r"^(?P<src>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z&][\w.'’-]*|of|the|and)){0,5}):[ \t]+(?P<body>[^\n]*\w[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
#: First words of colon lines that label a page part rather than name a speaker.
NOT_SOURCES = words(
    "also read related watch photo photos image images video source sources note update updated editor's "
    "credit credits see click share tags tag filed posted published by q a disclaimer"
)
#: A paragraph that opens with a speaker's name and a colon (a transcript turn "OKAFOR: I suppose ...").
_TURN = re.compile(r"[\"“]?([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,2}):[ \t]")
FIRST_PERSON = frozenset({"i", "we"})
_MARK_CHARS = re.compile(r"[\"“”]|''")
_DASH_NAME = re.compile(r"[^\S\n]*[―—–-]+[^\S\n]*([A-Z][\w.'-]*(?:[^\S\n]+[A-Z][\w.'-]*){0,4})")
_SENT_END = frozenset({".", "!", "?"})
#: Words from the cue of a quote to a quote that goes on with it ("said. “Not now.”", "said, “and ...”");
#: a longer gap is a new clause ("said the plan demands “more listening”").
MAX_RESUME_GAP = 3
#: Verbs a headline reports with ("Senator Rips Plan"): every cue the body rules know.
HEADLINE_CUES = CUE_VERBS | HAND_CUES | PATTERN_LEMMAS | JUDGED
#: Words this short may stay lower case in a title ("Tales of the Harbour", "Women in Power").
MAX_TITLE_LOWER = 3
#: Verbs of speaking whose own named subject speaks even inside another report ("X said Y told him ...").
SPEECH_VERBS = frozenset({"say", "tell", "report", "claim", "argue", "write", "tweet", "announce"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS
#: Verbs whose report inside another report is often a gold attribution of its own ("X said Y told
#: him that ..."); a stance inside a report ("X said she believes ...") is rarely one on PolNeAR train
#: and its speaker mostly wrong.
NESTED_REPORTS = SPEECH_VERBS | frozenset({"call", "show", "talk", "express", "criticize"})


@dataclass
class Found:
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
    #: Found by a learned pattern (:func:`indirect.learned_content`), not a hand-written cue.
    learned: bool = False
    #: The entity the speaker mention stands for when its words do not say (an interview's "A:" tag).
    entity: str | None = None


def words_end(text: str, start: int, end: int) -> int:
    """The end of the last word in ``text[start:end]`` (``start`` when there is none): after its last
    word character (``\\w``: a letter, digit or underscore), found from the end."""
    i = min(end, len(text))
    while i > start and not (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return max(i, start)


def n_words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


#: The last (string store, pattern lemmas) and the cue lemmas' hashes: the same for every document of
#: a run, where adding some thousand strings to the store again took more than finding the cues.
_last_hashes: list[tuple[StringStore, frozenset[str], set[int]]] = []


def _cue_hashes(strings: StringStore, pattern_lemmas: frozenset[str]) -> set[int]:
    """The hashes of the cue lemmas (hand-written and ``pattern_lemmas``), added to ``strings``."""
    if _last_hashes and _last_hashes[0][0] is strings and _last_hashes[0][1] == pattern_lemmas:
        return _last_hashes[0][2]
    hashes = {strings.add(lemma) for lemma in _FIXED_CUES | pattern_lemmas}
    _last_hashes[:] = [(strings, pattern_lemmas, hashes)]
    return hashes


def cue_positions(sdoc: Doc, pattern_lemmas: frozenset[str]) -> list[int]:
    """Indices of verb tokens whose lemma is a reporting verb (hand-written, or the lemma of a learned
    pattern in ``pattern_lemmas``)."""
    import numpy as np
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import AUX, VERB

    if not len(sdoc):
        return []
    hashes = _cue_hashes(sdoc.vocab.strings, pattern_lemmas)
    arr = sdoc.to_array([LEMMA, POS])
    # the verbs first (one comparison over the array), then their lemmas looked up in a set: cheaper
    # than sorting every lemma of the text against the cue list
    verbs = np.nonzero((arr[:, 1] == VERB) | (arr[:, 1] == AUX))[0].tolist()
    return [i for i, lemma in zip(verbs, arr[verbs, 0].tolist(), strict=True) if lemma in hashes]
